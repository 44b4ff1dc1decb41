"""Lexical cohesion: the content words of a line, to compare the text around a gap.

:func:`bag` gives a line's content words; :func:`similarity` compares the text on the
two sides of one gap (the rule cascade's check); :func:`window_cohesion` compares the
lines above and below every line's top edge at once, in time linear in the words of
the input (the line model's attributes, ``_featurize._cohesion``).
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

__all__ = ["LineBags", "Row", "WindowCohesion", "bag", "similarity", "window_cohesion", "word_rows"]

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


Row = tuple[tuple[int, int], ...]
"""A line's content words as ``(word number, count)`` pairs (see :func:`word_rows`)."""


def word_rows(bags: Sequence[Mapping[str, int]]) -> tuple[list[Row], int]:
    """Each bag as (word number, count) pairs, and how many distinct words there are.

    Words are numbered in order of first appearance, so that windows of counts are
    lists indexed by word number. Bags that are the same object (the cache
    of :func:`bag` shares them between repeated lines) share one row.
    """
    numbers: dict[str, int] = {}
    # By identity; the value holds the bag so that its identity is not reused meanwhile.
    made: dict[int, tuple[Mapping[str, int], Row]] = {}
    rows: list[Row] = []
    for counts in bags:
        known = made.get(id(counts))
        if known is None:
            row = tuple(
                (numbers.setdefault(word, len(numbers)), count) for word, count in counts.items()
            )
            made[id(counts)] = counts, row
        else:
            row = known[1]
        rows.append(row)
    return rows, len(numbers)


@attrs.frozen(slots=True)
class WindowCohesion:
    """What :func:`window_cohesion` finds at every line's top edge."""

    similarity: list[float | None]
    """The cosine similarity of the word counts above and below (None: a side has none)."""
    echoes: list[tuple[int, int]]
    """For each asked line, how many of its words occur more often in the window below
    (itself included) than in the line, and how many occur in the window above."""


def window_cohesion(
    rows: Sequence[Row], w: int, size: int, echo_lines: Sequence[int] = ()
) -> WindowCohesion:
    """Compare the ``w`` lines above each line's top edge with the ``w`` lines from it down.

    ``size`` is the number of distinct words in ``rows`` (:func:`word_rows`). The
    windows slide down one line at a time; their dot product and squared norms are kept
    up to date word by word, as whole numbers, so the cost is linear in the words of the
    input and the similarities do not depend on the order of the updates.
    """
    dot, sq_above, sq_below, echoes = _slide(rows, w, size, echo_lines)
    sqrt = math.sqrt
    return WindowCohesion(
        [
            float(d) / sqrt(float(a) * float(b)) if a > 0 and b > 0 else None
            for d, a, b in zip(dot, sq_above, sq_below, strict=True)
        ],
        echoes,
    )


def _slide(
    rows: Sequence[Row], w: int, size: int, echo_lines: Sequence[int]
) -> tuple[list[int], list[int], list[int], list[tuple[int, int]]]:
    """The windows' sums at every edge, and the echo counts of the asked lines.

    The windows are lists indexed by word number, updated as each line enters the window
    below, crosses the edge and leaves the window above.
    """
    n = len(rows)
    asked = set(echo_lines)
    echoes: dict[int, tuple[int, int]] = {}
    above = [0] * size
    below = [0] * size
    dots: list[int] = []
    sq_aboves: list[int] = []
    sq_belows: list[int] = []
    dot = sq_above = sq_below = 0
    for j in range(min(n, w)):
        for k, c in rows[j]:
            b = below[k]
            sq_below += 2 * b * c + c * c
            below[k] = b + c
    for i in range(n):
        dots.append(dot)
        sq_aboves.append(sq_above)
        sq_belows.append(sq_below)
        if i in asked:
            own = rows[i]
            echoes[i] = (sum(1 for k, c in own if below[k] > c), sum(1 for k, _ in own if above[k]))
        for k, c in rows[i]:  # line i moves from below the edge to above it
            a = above[k]
            b = below[k]
            dot += c * (b - a - c)
            sq_above += 2 * a * c + c * c
            sq_below += c * c - 2 * b * c
            above[k] = a + c
            below[k] = b - c
        if i >= w:
            for k, c in rows[i - w]:
                a = above[k]
                dot -= c * below[k]
                sq_above += c * c - 2 * a * c
                above[k] = a - c
        if i + w < n:
            for k, c in rows[i + w]:
                b = below[k]
                dot += c * above[k]
                sq_below += 2 * b * c + c * c
                below[k] = b + c
    return dots, sq_aboves, sq_belows, [echoes[i] for i in echo_lines]
