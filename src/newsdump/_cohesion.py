"""Lexical cohesion: the content words of a line, to compare the text around a gap.

The comparison itself is a feature of the line model (``_featurize._cohesion``).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Mapping, Sequence

import regex

__all__ = ["bag", "similarity"]

_TOKEN = regex.compile(r"\p{L}[\p{L}'’-]{2,}+")
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


# Both the cascade and the model's attributes read each line's words, and dumps repeat
# lines, so recent bags are kept.
@functools.lru_cache(maxsize=8192)
def _bag(text: str) -> Mapping[str, int]:
    counts: dict[str, int] = {}
    get = counts.get
    for token in _TOKEN.findall(text):
        word = token.lower()
        if "’" in word:
            word = word.replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 3 or word in _STOP:
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
