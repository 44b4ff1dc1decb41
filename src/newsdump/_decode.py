"""Global decoding: the best sequence of line states, with a confidence for each line.

Article starts and roles are decided together, by Viterbi over the states of
:mod:`newsdump._linemodel`. To keep :func:`newsdump.iter_articles`, ``--jobs`` and
Dask exactly equal to :func:`newsdump.parse`, decoding runs in fixed blocks of
:data:`BLOCK` input lines (counted from the start of the input), each decoded together
with :data:`MARGIN` non-blank lines on either side: a line's state depends on a bounded
neighbourhood, whatever the size of the input, and the time is linear in its length.

A line's confidence is its max-marginal share: the score of the best sequence through
its state against the best sequences through every other state, as probabilities.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

import attrs

from newsdump._linemodel import STATES

__all__ = ["BLOCK", "MARGIN", "Decoded", "decode"]

BLOCK = 128
"""Input lines per decoding block."""
MARGIN = 48
"""Non-blank lines decoded on each side of a block besides its own."""

_FORBIDDEN = -1.0e6
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
    start_bias: float = 0.0,
) -> Decoded:
    """Decode the lines at input line indices ``positions`` (ascending).

    ``allowed[t]`` restricts line ``t`` to some states (a rule decided it), ``None``
    leaves it free; with ``first_starts`` the first line starts an article.
    ``start_bias`` is added to every start state's score (the model's calibrated
    preference for more or fewer articles).
    """
    n = len(positions)
    states = [0] * n
    confidence = [1.0] * n
    start_conf = [1.0] * n
    columns = [tuple(row[j] for row in transitions) for j in range(len(STATES))]
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
        path, conf, sconf = _viterbi(scores, transitions, columns)
        for t in range(k, e):
            states[t] = path[t - lo]
            confidence[t] = conf[t - lo]
            start_conf[t] = sconf[t - lo]
        k = e
    return Decoded(tuple(states), tuple(confidence), tuple(start_conf))


def _restrict(scores: Sequence[float], allowed: frozenset[int] | None) -> list[float]:
    if allowed is None:
        return list(scores)
    return [s if k in allowed else s + _FORBIDDEN for k, s in enumerate(scores)]


def _viterbi(
    scores: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    columns: Sequence[Sequence[float]],
) -> tuple[list[int], list[float], list[float]]:
    n = len(scores)
    size = len(STATES)
    add = operator.add
    forward: list[list[float]] = [list(scores[0])]
    back: list[list[int]] = [[0] * size]
    for t in range(1, n):
        prev = forward[-1]
        row: list[float] = []
        ptr: list[int] = []
        em = scores[t]
        for j in range(size):
            vals = list(map(add, prev, columns[j]))
            best = max(vals)
            ptr.append(vals.index(best))
            row.append(best + em[j])
        forward.append(row)
        back.append(ptr)
    last = forward[-1]
    state = last.index(max(last))
    path = [0] * n
    for t in range(n - 1, -1, -1):
        path[t] = state
        state = back[t][state]
    # Backward max-scores for the max-marginals.
    backward = [0.0] * size
    conf = [0.0] * n
    sconf = [0.0] * n
    for t in range(n - 1, -1, -1):
        marg = list(map(add, forward[t], backward))
        top = max(marg)
        weights = [math.exp(m - top) for m in marg]
        total = sum(weights)
        conf[t] = weights[path[t]] / total
        sconf[t] = sum(weights[k] for k in _STARTS) / total
        if t:
            ahead = list(map(add, scores[t], backward))
            backward = [max(map(add, transitions[i], ahead)) for i in range(size)]
    return path, conf, sconf
