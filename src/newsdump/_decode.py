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
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from newsdump._linemodel import STATES
from newsdump._model import Role
from newsdump._speedups import numpy_or_none

__all__ = ["BLOCK", "MARGIN", "SHARED_ROLES", "Decoded", "decode"]

BLOCK = 128
"""Input lines per decoding block."""
MARGIN = 48
"""Non-blank lines decoded on each side of a block besides its own."""

_FORBIDDEN = -(10**12)
_STARTS = tuple(k for k, (_, phase) in enumerate(STATES) if phase == "B")
_start_weights = operator.itemgetter(*_STARTS)
SHARED_ROLES = (Role.TITLE, Role.BYLINE)
"""The roles whose share of each line's max-marginals :class:`Decoded` carries."""
_role_weights = tuple(
    operator.itemgetter(*(k for k, (role, _) in enumerate(STATES) if role is shared))
    for shared in SHARED_ROLES
)


@attrs.frozen(slots=True)
class Decoded:
    """Each line's decoded state and confidence, and the shares of its max-marginals.

    ``start_confidence`` is the share of the start states; ``role_share`` holds, for
    each of :data:`SHARED_ROLES`, the share of that role's states.
    """

    states: tuple[int, ...]
    confidence: tuple[float, ...]
    start_confidence: tuple[float, ...]
    role_share: Mapping[Role, tuple[float, ...]]


def decode(
    positions: Sequence[int],
    emissions: Sequence[Sequence[float]] | Any,
    transitions: Sequence[Sequence[float]],
    *,
    allowed: Sequence[frozenset[int] | None],
    first_starts: bool,
    start_bias: float = 0,
    scale: float = 1.0,
) -> Decoded:
    """Decode the lines at input line indices ``positions`` (ascending).

    ``emissions`` holds each line's score for every state (a list of lists, or a NumPy
    array from :meth:`newsdump._linemodel.Scoring.scores`, which is modified in place).

    ``allowed[t]`` restricts line ``t`` to some states (a rule decided it), ``None``
    leaves it free; with ``first_starts`` the first line starts an article.
    ``start_bias`` is added to every start state's score (the model's calibrated
    preference for more or fewer articles). Scores are in units of ``scale`` nats
    (the model's integer scores: ``1 / UNIT``); only confidences depend on it.
    """
    n = len(positions)
    if not n:
        return Decoded((), (), (), dict.fromkeys(SHARED_ROLES, ()))
    np = numpy_or_none()
    rows: Any
    if np is None:
        rows = [_restrict(emissions[t], allowed[t]) for t in range(n)]
        if start_bias:
            for row in rows:
                for j in _STARTS:
                    row[j] += start_bias
        if first_starts:
            rows[0] = _restrict(rows[0], frozenset(_STARTS))
    else:
        if isinstance(emissions, np.ndarray) and emissions.dtype.kind in "fi":
            rows = emissions  # the caller's array, restricted in place (no second copy)
        else:
            rows = np.array(emissions)
        if rows.dtype.kind != "f":
            rows = rows.astype(np.int64, copy=False)
        for t, kept in enumerate(allowed):
            if kept is not None:
                rows[t, [k not in kept for k in range(len(STATES))]] += _FORBIDDEN
        if start_bias:
            rows[:, _STARTS] += start_bias
        if first_starts:
            rows[0, [k not in _STARTS for k in range(len(STATES))]] += _FORBIDDEN
    windows: list[_Window] = []
    k = 0
    while k < n:
        block = positions[k] // BLOCK
        e = k
        while e < n and positions[e] // BLOCK == block:
            e += 1
        lo, hi = max(0, k - MARGIN), min(n, e + MARGIN)
        windows.append((lo, hi, k - lo, e - lo))
        k = e
    results = _results(rows, windows, transitions, batched=np is not None)
    return _collect(windows, results, scale)


def _collect(
    windows: Sequence[_Window],
    results: Iterator[tuple[list[int], list[list[float]]]],
    scale: float,
) -> Decoded:
    """The kept lines' states, with their confidences from the windows' max-marginals."""
    states: list[int] = []
    confidence: list[float] = []
    start_conf: list[float] = []
    role_share: list[tuple[float, ...]] = []
    # Lines of a repeated shape have the same max-marginals below their top: their
    # shares are computed once per distinct shape.
    shares: dict[tuple[float, ...], _Shares] = {}
    for (_, _, keep_from, keep_to), (path, margins) in zip(windows, results, strict=True):
        for t in range(keep_from, keep_to):
            state = path[t - keep_from]
            below = tuple(margins[t - keep_from])
            if (got := shares.get(below)) is None:
                if len(shares) >= _MAX_SHARES:
                    shares.clear()
                got = shares[below] = _shares(below, scale)
            weights, total, starts, roles = got
            states.append(state)
            confidence.append(weights[state] / total)
            start_conf.append(starts)
            role_share.append(roles)
    columns = tuple(zip(*role_share, strict=True)) or ((),) * len(SHARED_ROLES)
    return Decoded(tuple(states), tuple(confidence), tuple(start_conf),
                   dict(zip(SHARED_ROLES, columns, strict=True)))


_MAX_SHARES = 4096
"""Distinct max-marginal shapes whose shares :func:`decode` keeps (then it starts afresh)."""


_Window = tuple[int, int, int, int]
"""A block with its margins (lines ``lo`` to ``hi``) and the lines it keeps, counted
from ``lo``."""

_BATCH = 64
"""Blocks whose Viterbi steps the NumPy backend takes together."""


def _results(
    rows: Any, windows: Sequence[_Window], transitions: Sequence[Sequence[float]], *,
    batched: bool,
) -> Iterator[tuple[list[int], list[list[float]]]]:
    """Each window's best path and max-marginals, one window (or batch) at a time.

    Only one batch's max-marginals are held at once, not the whole dump's.
    """
    if not batched:
        for lo, hi, keep_from, keep_to in windows:
            yield _viterbi(rows[lo:hi], transitions, keep_from, keep_to)
        return
    for g in range(0, len(windows), _BATCH):
        yield from _viterbi_batch(rows, windows[g : g + _BATCH], transitions)


def _restrict(scores: Sequence[float], allowed: frozenset[int] | None) -> list[float]:
    if allowed is None:
        return list(scores)
    return [s if k in allowed else s + _FORBIDDEN for k, s in enumerate(scores)]


_Shares = tuple[list[float], float, float, tuple[float, ...]]


def _shares(below: Sequence[float], scale: float) -> _Shares:
    """A line's weight for every state, their total, the start states' share and the roles'.

    ``below`` holds the line's max-marginals minus their maximum.
    """
    exp = math.exp
    weights = [exp(d * scale) for d in below]
    total = sum(weights)
    return (weights, total, sum(_start_weights(weights)) / total,
            tuple(sum(get(weights)) / total for get in _role_weights))


def _viterbi(
    scores: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    keep_from: int,
    keep_to: int,
) -> tuple[list[int], list[list[float]]]:
    """The best path's states and the max-marginals of lines ``keep_from`` to ``keep_to``.

    Each line's max-marginals are given minus their maximum (its best state scores 0).
    Where each kept line has one best state, every best path goes through it, so the
    states are read off the max-marginals and the forward pass stops at ``keep_to``;
    otherwise (a tie) the path is traced back from the window's end (:func:`_traced`).
    """
    size = len(STATES)
    columns = [tuple(row[j] for row in transitions) for j in range(size)]
    forward = _forward(scores, columns, keep_to)
    margins = _margins(scores, transitions, forward, keep_from, keep_to)
    path: list[int] = []
    for row in margins:
        best = row.index(0)
        if 0 in row[best + 1 :]:
            break
        path.append(best)
    else:
        return path, margins
    forward += _forward(scores, columns, len(scores), forward[-1], keep_to)[1:]
    return _traced(forward, columns)[keep_from:keep_to], margins


def _forward(
    scores: Sequence[Sequence[float]],
    columns: Sequence[Sequence[float]],
    stop: int,
    first: list[float] | None = None,
    start: int = 0,
) -> list[list[float]]:
    """Forward max-scores of lines ``start`` to ``stop`` (``first``: line ``start - 1``'s)."""
    add = operator.add
    size = len(columns)
    forward: list[list[float]] = [first if first is not None else list(scores[0])]
    for t in range(start if first is not None else 1, stop):
        prev = forward[-1]
        em = scores[t]
        forward.append([max(map(add, prev, columns[j])) + em[j] for j in range(size)])
    return forward


def _traced(forward: Sequence[Sequence[float]], columns: Sequence[Sequence[float]]) -> list[int]:
    """The best path, traced back from the last line.

    Back-pointers are needed on the best path only: they are recomputed there (the
    lowest state among equal scores, as list.index gives and as the NumPy backend's
    argmax).
    """
    add = operator.add
    n = len(forward)
    last = forward[-1]
    state = list(last).index(max(last))
    path = [0] * n
    for t in range(n - 1, 0, -1):
        path[t] = state
        vals = list(map(add, forward[t - 1], columns[state]))
        state = vals.index(max(vals))
    path[0] = state
    return path


def _margins(
    scores: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[float]],
    forward: Sequence[Sequence[float]],
    keep_from: int,
    keep_to: int,
) -> list[list[float]]:
    """Max-marginals of the kept lines, from their forward and backward max-scores."""
    add = operator.add
    size = len(STATES)
    backward: list[float] = [0] * size
    margins: list[list[float]] = [[] for _ in range(keep_from, keep_to)]
    for t in range(len(scores) - 1, keep_from - 1, -1):
        if t < keep_to:
            row = list(map(add, forward[t], backward))
            top = max(row)
            margins[t - keep_from] = [m - top for m in row]
        if t > keep_from:
            ahead = list(map(add, scores[t], backward))
            backward = [max(map(add, transitions[i], ahead)) for i in range(size)]
    return margins


def _viterbi_batch(
    scores: Any, windows: Sequence[_Window], transitions: Sequence[Sequence[float]]
) -> list[tuple[list[int], list[list[float]]]]:
    """:func:`_viterbi` for several windows of the ``scores`` array at once.

    The same sums and maxima in the same order. Shorter windows are padded at their
    end with steps that keep every state and score nothing, so padding changes neither
    the best path nor the max-marginals of the real lines.
    """
    np = numpy_or_none()
    trans = np.array(transitions)
    dtype = np.result_type(trans, scores)
    if dtype.kind != "f":
        dtype = np.dtype(np.int64)
    trans = trans.astype(dtype)
    count, size = len(windows), len(STATES)
    lengths = [hi - lo for lo, hi, _, _ in windows]
    width = max(lengths)
    em = np.zeros((count, width, size), dtype=dtype)
    for b, (lo, hi, _, _) in enumerate(windows):
        em[b, : hi - lo] = scores[lo:hi]
    padded = np.arange(width)[None, :] >= np.array(lengths)[:, None]
    stay = np.full((size, size), -np.inf if dtype.kind == "f" else -(10**15), dtype=dtype)
    np.fill_diagonal(stay, 0)
    shortest = min(lengths)

    def step(t: int) -> Any:
        """The transitions into step ``t`` of each window (padding: stay put)."""
        if t < shortest:
            return trans[None, :, :]
        return np.where(padded[:, t, None, None], stay, trans)

    forward = np.empty_like(em)
    forward[:, 0] = em[:, 0]
    for t in range(1, width):
        forward[:, t] = (forward[:, t - 1, :, None] + step(t)).max(axis=1) + em[:, t]
    state = forward[:, width - 1].argmax(axis=1)
    paths = np.empty((count, width), dtype=np.intp)
    rows = np.arange(count)
    for t in range(width - 1, 0, -1):
        paths[:, t] = state
        into = np.broadcast_to(step(t), (count, size, size))[rows, :, state]
        state = (forward[:, t - 1] + into).argmax(axis=1)
    paths[:, 0] = state
    backward = np.zeros_like(em)
    for t in range(width - 1, 0, -1):
        ahead = em[:, t] + backward[:, t]
        backward[:, t - 1] = (step(t) + ahead[:, None, :]).max(axis=2)
    margins = forward + backward
    margins -= margins.max(axis=2, keepdims=True)
    out: list[tuple[list[int], list[list[float]]]] = []
    for b, (_, _, keep_from, keep_to) in enumerate(windows):
        out.append((paths[b, keep_from:keep_to].tolist(),
                    margins[b, keep_from:keep_to].tolist()))
    return out
