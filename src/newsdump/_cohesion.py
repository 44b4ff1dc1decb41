"""Lexical cohesion: the content words of a line, to compare the text around a gap.

:func:`bag` gives a line's content words; :func:`similarity` compares the text on the
two sides of one gap (the rule cascade's check); :func:`window_cohesion` compares the
lines above and below every line's top edge at once, in time linear in the words of
the input (the line model's attributes, ``_featurize.cohesion_attributes``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs
import regex

from newsdump._phrases import narrow, narrow_class

__all__ = ["LineBags", "WindowCohesion", "bag", "similarity", "window_cohesion"]

_TOKEN = regex.compile(r"\p{L}[\p{L}'’-]{2,}+")
# _TOKEN on narrow text (newsdump._phrases.narrow_class), with "’" already made "'".
_NARROW_TOKEN = re.compile(narrow_class(r"\p{L}") + narrow_class(r"[\p{L}'-]") + "{2,}")
_STOP = frozenset(
    (
        "about", "above", "after", "again", "against", "all", "also", "although", "among",
        "another", "any", "anyone", "are", "around", "because", "been", "before", "being",
        "below", "between", "both", "but", "can", "cannot", "could", "did", "does", "doing",
        "done", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "into", "its", "itself", "just", "last", "least",
        "less", "like", "made", "make", "many", "may", "might", "more", "most", "much", "must",
        "near", "neither", "never", "new", "next", "nor", "not", "now", "off", "often", "once",
        "one", "only", "other", "others", "our", "ours", "out", "over", "own", "per", "quite",
        "rather", "said", "same", "says", "see", "seen", "several", "she", "should", "since",
        "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "then",
        "there", "these", "they", "this", "those", "though", "three", "through", "thus", "too",
        "toward", "two", "under", "until", "upon", "very", "was", "way", "well", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
        "with", "within", "without", "would", "year", "years", "yet", "you", "your", "the", "and",
        "are", "was", "will", "has", "had", "its", "it's", "that", "this", "with", "from", "they",
        "their", "told", "according"
    )
)


def bag(text: str) -> Mapping[str, int]:
    """The content words of ``text``, lower-cased, with a crude plural folding.

    The mapping is shared between calls with the same text: read it, never change it.
    """
    return _bag(text[:5000])


class LineBags:
    """The bag of each line of one parse, made on first use and kept while it runs.

    The rule cascade reads the lines near its candidate boundaries and the model's
    attributes read them all: each line is tokenised once whatever the size of the
    input, which the cache of :func:`bag` alone cannot promise.
    """

    __slots__ = ("_bags", "_texts")

    def __init__(self, texts: Sequence[str]) -> None:
        """Bags for the lines ``texts`` (indexed as they are)."""
        self._texts = texts
        self._bags: dict[int, Mapping[str, int]] = {}

    def __getitem__(self, j: int) -> Mapping[str, int]:
        """The bag of line ``j``: :func:`bag` of its text."""
        got = self._bags.get(j)
        if got is None:
            got = self._bags[j] = bag(self._texts[j])
        return got


# Dumps repeat lines, so recent bags are kept across lines and parses.
@functools.lru_cache(maxsize=8192)
def _bag(text: str) -> Mapping[str, int]:
    low = text.lower()
    # On narrow text lower-casing keeps every character's place and kind (İ, the one
    # character that grows, and Greek's context-dependent sigma are not narrow), so the
    # lower-cased line holds the lower-cased tokens: one call instead of one per token.
    if len(low) == len(text) and narrow(low):
        if "’" in low:
            low = low.replace("’", "'")
        return _count(_NARROW_TOKEN.findall(low))
    return _count([token.lower().replace("’", "'") for token in _TOKEN.findall(text)])


def _count(tokens: list[str]) -> dict[str, int]:
    """The bag of lower-cased tokens: possessives cut, stop words out, plurals folded."""
    counts: dict[str, int] = {}
    get = counts.get
    stop = _STOP
    for token in tokens:
        word = token
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 3 or word in stop:
            continue
        if len(word) > 4 and word[-1] == "s" and word[-2] != "s":
            word = word[:-1]
        counts[word] = get(word, 0) + 1
    return counts


def similarity(
    before: Sequence[Mapping[str, int]],
    after: Sequence[Mapping[str, int]],
    df: Mapping[str, int],
    lines: int,
) -> float:
    """Cosine similarity of the summed bags on each side of a gap.

    Each word weighs ``(1 + log count) * log((lines + 1) / (df + 1))``: its count on that
    side, damped, times its inverse line frequency among ``lines`` nearby lines (``df``
    gives the number of those lines holding it). Empty sides count as similar (1.0).
    """
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for counts in before:
        left.update(counts)
    for counts in after:
        right.update(counts)

    def weights(side: Counter[str]) -> dict[str, float]:
        return {
            w: (1.0 + math.log(c)) * math.log((lines + 1) / (df.get(w, 0) + 1))
            for w, c in side.items()
        }

    lw, rw = weights(left), weights(right)
    dot = sum(v * rw[w] for w, v in lw.items() if w in rw)
    norm = math.sqrt(sum(v * v for v in lw.values())) * math.sqrt(sum(v * v for v in rw.values()))
    return dot / norm if norm else 1.0


_Row = tuple[tuple[int, int], ...]


@attrs.frozen(slots=True)
class WindowCohesion:
    """What :func:`window_cohesion` finds at every line's top edge."""

    wide: list[float | None]
    """The cosine similarity of the word counts of the wide windows above and below
    (None: a side has no words)."""
    near: list[float | None]
    """The same for the near windows."""
    echoes: list[tuple[int, int]]
    """For each asked line, how many of its words occur more often in the wide window
    below (itself included) than in the line, and how many occur in the one above."""


def window_cohesion(
    bags: Sequence[Mapping[str, int]], wide: int, near: int, echo_lines: Sequence[int] = ()
) -> WindowCohesion:
    """Compare the lines above each line's top edge with the lines from it down.

    Each window holds ``wide`` (or ``near``, at most ``wide``) lines on each side. The
    windows slide down one line at a time; their dot products and squared norms are
    kept up to date word by word, as whole numbers, so the cost is linear in the words
    of the input and the similarities do not depend on the order of the updates.
    """
    if not 0 < near <= wide:
        msg = f"need 0 < near <= wide, not near={near}, wide={wide}"
        raise ValueError(msg)
    return _slide(bags, wide, near, echo_lines)


def _cosine(dot: int, sq_above: int, sq_below: int) -> float | None:
    if sq_above > 0 and sq_below > 0:
        return float(dot) / math.sqrt(float(sq_above) * float(sq_below))
    return None


class _Window:
    """Word counts of the lines above and below an edge, with their dot product and norms.

    The counts are lists indexed by word number; :meth:`grow` adds a word.
    """

    __slots__ = ("above", "below", "dot", "sq_above", "sq_below")

    def __init__(self) -> None:
        self.above: list[int] = []
        self.below: list[int] = []
        self.dot = self.sq_above = self.sq_below = 0

    def grow(self) -> None:
        self.above.append(0)
        self.below.append(0)

    # Each move sums c·a, c·b and c² over the row's words (a and b the counts above and
    # below before the move) and updates the dot product and norms from those sums.

    def enter_below(self, row: _Row) -> None:
        above, below = self.above, self.below
        ca = cb = cc = 0
        for k, c in row:
            b = below[k]
            ca += c * above[k]
            cb += c * b
            cc += c * c
            below[k] = b + c
        self.dot += ca
        self.sq_below += 2 * cb + cc

    def cross(self, row: _Row) -> None:
        """The line of ``row`` moves from below the edge to above it."""
        above, below = self.above, self.below
        ca = cb = cc = 0
        for k, c in row:
            a = above[k]
            b = below[k]
            ca += c * a
            cb += c * b
            cc += c * c
            above[k] = a + c
            below[k] = b - c
        self.dot += cb - ca - cc
        self.sq_above += 2 * ca + cc
        self.sq_below += cc - 2 * cb

    def leave_above(self, row: _Row) -> None:
        above, below = self.above, self.below
        ca = cb = cc = 0
        for k, c in row:
            a = above[k]
            ca += c * a
            cb += c * below[k]
            cc += c * c
            above[k] = a - c
        self.dot -= cb
        self.sq_above += cc - 2 * ca


def _slide(
    bags: Sequence[Mapping[str, int]], wide: int, near: int, echo_lines: Sequence[int]
) -> WindowCohesion:
    """Both windows' similarities at every edge, and the echo counts of the asked lines.

    Words are numbered as they first enter the wide window below; each line's ``(word
    number, count)`` pairs are kept only while the line is inside the wide window.
    """
    n = len(bags)
    numbers: dict[str, int] = {}
    w, v = _Window(), _Window()  # wide and near
    live: dict[int, _Row] = {}

    def enter(j: int) -> _Row:
        pairs = []
        for word, c in bags[j].items():
            k = numbers.get(word)
            if k is None:
                k = numbers[word] = len(numbers)
                w.grow()
                v.grow()
            pairs.append((k, c))
        row = live[j] = tuple(pairs)
        return row

    for j in range(min(n, wide)):
        w.enter_below(enter(j))
    for j in range(min(n, near)):
        v.enter_below(live[j])
    asked = frozenset(echo_lines)
    wide_sims: list[float | None] = []
    near_sims: list[float | None] = []
    echoes: dict[int, tuple[int, int]] = {}
    for i in range(n):
        wide_sims.append(_cosine(w.dot, w.sq_above, w.sq_below))
        near_sims.append(_cosine(v.dot, v.sq_above, v.sq_below))
        own = live[i]
        if i in asked:
            above, below = w.above, w.below
            echoes[i] = (sum(1 for k, c in own if below[k] > c), sum(1 for k, _ in own if above[k]))
        w.cross(own)
        v.cross(own)
        if i >= near:
            v.leave_above(live[i - near])
        if i >= wide:
            w.leave_above(live.pop(i - wide))
        if i + wide < n:
            w.enter_below(enter(i + wide))
        if i + near < n:
            v.enter_below(live[i + near])
    return WindowCohesion(wide_sims, near_sims, [echoes[i] for i in echo_lines])
