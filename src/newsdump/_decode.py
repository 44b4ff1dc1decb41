"""Global decoding: the best sequence of line states, with a confidence for each line.

Article starts and roles are decided together, by Viterbi over the states of
:mod:`newsdump._linemodel`. To keep :func:`newsdump.iter_articles`, ``--jobs`` and
Dask exactly equal to :func:`newsdump.parse`, decoding runs in fixed blocks of
:data:`BLOCK` input lines (counted from the start of the input), each decoded together
with :data:`MARGIN` non-blank lines on either side: a line's state depends on a bounded
neighbourhood, whatever the size of the input, and the time is linear in its length.

A line's confidence is its max-marginal share: the score of the best sequence through
its state against the best sequences through every other state, as probabilities.

With NumPy installed (the ``speedups`` extra) each Viterbi step runs as array
operations; the arithmetic is the same additions and maxima in the same order (and the
model's scores are integers), so both ways give the same states and confidences.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

import attrs

from newsdump._linemodel import STATES
from newsdump._speedups import numpy_or_none

__all__ = ["BLOCK", "MARGIN", "Decoded", "decode"]

BLOCK = 128
"""Input lines per decoding block."""
MARGIN = 48
"""Non-blank lines decoded on each side of a block besides its own."""

_FORBIDDEN = -(10**12)
_STARTS = tuple(k for k, (_, phase) in enumerate(STATES) if phase == "B")


@attrs.frozen(slots=True)
class Decoded:
    """The decoded state of every line, its confidence and the chance an article starts."""

    states: tuple[int, ...]
    confidence: tuple[float, ...]
    start_confidence: tuple[float, ...]


def decode(
    positions: Sequence[int],
    emissions: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    *,
    allowed: Sequence[frozenset[int] | None],
    first_starts: bool,
    start_bias: float = 0,
    scale: float = 1.0,
) -> Decoded:
    """Decode the lines at input line indices ``positions`` (ascending).

    ``allowed[t]`` restricts line ``t`` to some states (a rule decided it), ``None``
    leaves it free; with ``first_starts`` the first line starts an article.
    ``start_bias`` is added to every start state's score (the model's calibrated
    preference for more or fewer articles). Scores are in units of ``scale`` nats
    (the model's integer scores: ``1 / UNIT``); only confidences depend on it.
    """
    n = len(positions)
    states = [0] * n
    confidence = [1.0] * n
    start_conf = [1.0] * n
    viterbi = _viterbi if numpy_or_none() is None else _viterbi_numpy
    k = 0
    while k < n:
        block = positions[k] // BLOCK
        e = k
        while e < n and positions[e] // BLOCK == block:
            e += 1
        lo, hi = max(0, k - MARGIN), min(n, e + MARGIN)
        scores = [_restrict(emissions[t], allowed[t]) for t in range(lo, hi)]
        if start_bias:
            for row in scores:
                for j in _STARTS:
                    row[j] += start_bias
        if lo == 0 and first_starts:
            scores[0] = _restrict(scores[0], frozenset(_STARTS))
        path, margins = viterbi(scores, transitions, k - lo, e - lo)
        for t in range(k, e):
            state = path[t - lo]
            states[t] = state
            confidence[t], start_conf[t] = _shares(margins[t - k], state, scale)
        k = e
    return Decoded(tuple(states), tuple(confidence), tuple(start_conf))


def _restrict(scores: Sequence[float], allowed: frozenset[int] | None) -> list[float]:
    if allowed is None:
        return list(scores)
    return [s if k in allowed else s + _FORBIDDEN for k, s in enumerate(scores)]


def _shares(margins: Sequence[float], state: int, scale: float) -> tuple[float, float]:
    """The share of ``state`` and of the start states among a line's max-marginals."""
    top = max(margins)
    weights = [math.exp((m - top) * scale) for m in margins]
    total = sum(weights)
    return weights[state] / total, sum(weights[k] for k in _STARTS) / total


def _viterbi(
    scores: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    keep_from: int,
    keep_to: int,
) -> tuple[list[int], list[list[float]]]:
    """The best path and the max-marginals of lines ``keep_from`` to ``keep_to``."""
    n = len(scores)
    size = len(STATES)
    add = operator.add
    columns = [tuple(row[j] for row in transitions) for j in range(size)]
    forward: list[list[float]] = [list(scores[0])]
    for t in range(1, n):
        prev = forward[-1]
        em = scores[t]
        forward.append([max(map(add, prev, columns[j])) + em[j] for j in range(size)])
    # Back-pointers are needed on the best path only: recompute them there (the lowest
    # state among equal scores, as list.index gives and as the NumPy backend's argmax).
    last = forward[-1]
    state = last.index(max(last))
    path = [0] * n
    for t in range(n - 1, 0, -1):
        path[t] = state
        vals = list(map(add, forward[t - 1], columns[state]))
        state = vals.index(max(vals))
    path[0] = state
    # Backward max-scores for the max-marginals.
    backward: list[float] = [0] * size
    margins: list[list[float]] = [[] for _ in range(keep_from, keep_to)]
    for t in range(n - 1, keep_from - 1, -1):
        if t < keep_to:
            margins[t - keep_from] = list(map(add, forward[t], backward))
        if t > keep_from:
            ahead = list(map(add, scores[t], backward))
            backward = [max(map(add, transitions[i], ahead)) for i in range(size)]
    return path, margins


def _viterbi_numpy(
    scores: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    keep_from: int,
    keep_to: int,
) -> tuple[list[int], list[list[float]]]:
    """:func:`_viterbi` as array operations: the same sums and maxima, in the same order."""
    np = numpy_or_none()
    em = np.array(scores)
    trans = np.array(transitions)
    if em.dtype != trans.dtype:
        em, trans = em.astype(np.float64), trans.astype(np.float64)
    n, size = em.shape
    forward = np.empty_like(em)
    forward[0] = em[0]
    for t in range(1, n):
        forward[t] = (forward[t - 1][:, None] + trans).max(axis=0) + em[t]
    state = int(forward[n - 1].argmax())
    path = [0] * n
    for t in range(n - 1, 0, -1):
        path[t] = state
        state = int((forward[t - 1] + trans[:, state]).argmax())
    path[0] = state
    backward = np.zeros(size, dtype=em.dtype)
    margins: list[list[float]] = [[] for _ in range(keep_from, keep_to)]
    for t in range(n - 1, keep_from - 1, -1):
        if t < keep_to:
            margins[t - keep_from] = (forward[t] + backward).tolist()
        if t > keep_from:
            backward = (trans + (em[t] + backward)[None, :]).max(axis=1)
    return path, margins
