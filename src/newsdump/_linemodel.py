"""The learned line model: weights of a linear-chain CRF over line states, and its file.

A *state* is a role plus the line's phase in its article: ``B`` where an article starts,
``H`` in its header (before its first body or heading line), ``I`` after that
(``B-boilerplate``: a kicker that starts an article; ``H-title``: its headline;
``I-boilerplate``: a related-links list after the body). The phases let the model learn
that a header holds one headline and that trailing furniture closes an article.

The model scores each non-blank line's attributes (:mod:`newsdump._featurize`) for
every state and each pair of consecutive states; :mod:`newsdump._decode` finds the best
sequence. Weights come from ``newsdump.train`` and live in a small JSON file
(gzip-compressed) inside the package; loading and scoring need nothing beyond the
standard library.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from newsdump._atomic import write_bytes
from newsdump._model import Role
from newsdump._speedups import numpy_or_none

__all__ = [
    "FORMAT",
    "PHASES",
    "STATES",
    "UNIT",
    "LineModel",
    "ModelError",
    "Scoring",
    "default_model",
    "load_model",
    "load_model_option",
]

FORMAT = 1
"""The model file format this version reads and writes."""

PHASES = ("B", "H", "I")
"""Start of an article, in its header, after its header."""

STATES: tuple[tuple[Role, str], ...] = tuple(
    (role, phase) for role in Role for phase in PHASES
)
"""Every state, in model order: ``(role, phase)``."""


def state_name(state: tuple[Role, str]) -> str:
    """``B-title`` for a title that starts an article, ``I-body`` for body after a header."""
    return f"{state[1]}-{state[0].value}"


_INDEX = {state_name(s): k for k, s in enumerate(STATES)}

UNIT = 10_000
"""Scores are whole numbers of 1/UNIT: model files hold weights to four decimals, so
integer sums are exact and every order of adding them gives the same result."""


def _units(weight: float) -> int:
    """A weight in score units (exact for the four-decimal weights of a model file)."""
    return round(weight * UNIT)


@attrs.frozen(slots=True)
class Scoring:
    """A model's weights as the decoder reads them: integers, dense per attribute."""

    vectors: Mapping[str, tuple[int, ...]]
    """Per attribute, its weight for every state (0 where it has none)."""
    transitions: tuple[tuple[int, ...], ...]
    """``transitions[i][j]`` in score units."""
    start_bias: int
    """:attr:`LineModel.start_bias` in score units."""
    ranks: tuple[Mapping[str, int], ...]
    """Per state, the attributes that speak for it (positive weight), ranked: 0 for the
    strongest, ties by name."""
    rows: Mapping[str, int] = attrs.field(factory=dict)
    """Per attribute of :attr:`vectors`, its row in :attr:`matrix`."""
    matrix: Any = None
    """With NumPy: :attr:`vectors` as an integer array, and a last row of zeros."""

    @classmethod
    def of(cls, model: LineModel) -> Scoring:
        """Compile ``model``'s weights."""
        size = len(STATES)
        vectors: dict[str, tuple[int, ...]] = {}
        positive: list[dict[str, int]] = [{} for _ in range(size)]
        for attribute, pairs in model.weights.items():
            row = [0] * size
            for k, w in pairs:
                row[k] += _units(w)
            if any(row):
                vectors[attribute] = tuple(row)
            for k, w in enumerate(row):
                if w > 0:
                    positive[k][attribute] = w
        np = numpy_or_none()
        rows = {a: k for k, a in enumerate(vectors)}
        matrix = None
        if np is not None:
            matrix = np.array([*vectors.values(), (0,) * size], dtype=np.int64).reshape(-1, size)
        return cls(
            vectors=vectors,
            transitions=tuple(tuple(_units(w) for w in row) for row in model.transitions),
            start_bias=_units(model.start_bias),
            ranks=tuple(
                {a: k for k, (_, a) in enumerate(sorted((-w, a) for a, w in speaks.items()))}
                for speaks in positive
            ),
            rows=rows,
            matrix=matrix,
        )

    def emissions(self, attributes: Sequence[Sequence[str]]) -> list[list[int]]:
        """The score of every state for every line (see :meth:`LineModel.emissions`)."""
        scores = self.scores(attributes)
        return scores if isinstance(scores, list) else scores.tolist()

    def scores(self, attributes: Sequence[Sequence[str]]) -> Any:
        """:meth:`emissions` as a NumPy array (lines × states) when NumPy is on."""
        np = numpy_or_none()
        # Lines often share one attribute tuple (newsdump._featurize): each distinct
        # object is summed once. Identity is enough, as the caller holds every line.
        first: dict[int, int] = {}
        distinct: list[Sequence[str]] = []
        which: list[int] = []
        for attrs_ in attributes:
            k = first.get(id(attrs_))
            if k is None:
                k = first[id(attrs_)] = len(distinct)
                distinct.append(attrs_)
            which.append(k)
        if self.matrix is None or np is None:  # a model unpickled where NumPy is off, too
            vectors = self.vectors
            zero = [0] * len(STATES)
            sums_: list[list[int]] = []
            for attrs_ in distinct:
                vecs = [v for a in attrs_ if (v := vectors.get(a)) is not None]
                sums_.append(list(map(sum, zip(*vecs, strict=True))) if vecs else zero)
            return [sums_[k].copy() for k in which]
        rows = self.rows
        zero_row = len(rows)
        size = len(STATES)
        sums = np.zeros((len(distinct), size), dtype=np.int64)
        for lo in range(0, len(distinct), _CHUNK):
            found: list[list[int]] = [
                [r for a in attrs_ if (r := rows.get(a)) is not None]
                for attrs_ in distinct[lo : lo + _CHUNK]
            ]
            width = max(map(len, found), default=0)
            if not width:
                continue
            flat: list[int] = []
            for ids in found:  # every line padded to the same count with the zero row
                flat.extend(ids)
                flat.extend([zero_row] * (width - len(ids)))
            picked = np.take(self.matrix, flat, axis=0).reshape(len(found), width, size)
            sums[lo : lo + len(found)] = picked.sum(axis=1)
        if len(distinct) == len(attributes):
            return sums
        return sums[np.array(which, dtype=np.intp)]


_CHUNK = 2048
"""Lines whose scores the NumPy backend sums in one array operation."""


class ModelError(ValueError):
    """A model file that cannot be read: not gzip JSON, another format, bad weights."""


@attrs.frozen(slots=True)
class LineModel:
    """Trained weights: per attribute the states it speaks for, and the transitions.

    ``weights[attribute]`` pairs state indices with weights; ``transitions[i][j]`` scores
    state ``j`` right after state ``i``; ``info`` records what the model was trained on.
    """

    weights: Mapping[str, tuple[tuple[int, float], ...]] = attrs.field(eq=False)
    """Per attribute, ``(state index, weight)`` pairs; absent pairs weigh 0."""
    transitions: tuple[tuple[float, ...], ...]
    """``transitions[i][j]``: the score of state ``j`` right after state ``i``."""
    info: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)
    """What the model was trained on and how (gold folders, counts, options)."""
    scoring: Scoring = attrs.field(init=False, eq=False, hash=False, repr=False)
    """The weights compiled for decoding (computed from the fields above)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "scoring", Scoring.of(self))

    def emissions(self, attributes: Sequence[Sequence[str]]) -> list[list[int]]:
        """The score of every state for every line, in whole units of 1/10,000."""
        return self.scoring.emissions(attributes)

    @property
    def start_bias(self) -> float:
        """Added to every start state's score when decoding (calibrated in training)."""
        return float(self.info.get("start_bias", 0.0))

    def with_start_bias(self, bias: float) -> LineModel:
        """The same model with another :attr:`start_bias`: lower splits dumps less often.

        The weights are shared, not copied; save the result to use it with ``--model``.
        """
        return LineModel(weights=self.weights, transitions=self.transitions,
                         info={**self.info, "start_bias": float(bias)})

    def strongest(self, attributes: Sequence[str], state: int, count: int = 2) -> list[str]:
        """The attributes that speak most for ``state`` on a line, strongest first."""
        ranks = self.scoring.ranks[state]
        # A line holds each attribute once (newsdump._featurize), so a set operation
        # finds the same ones as a scan of the list would.
        speaking = ranks.keys() & attributes
        out: list[str] = []
        while speaking and len(out) < count:
            best = min(speaking, key=ranks.__getitem__)
            out.append(best)
            speaking.discard(best)
        return out

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object its file holds (keys sorted by the writer)."""
        names = [state_name(s) for s in STATES]
        return {
            "format": FORMAT,
            "states": names,
            "transitions": [[round(w, 4) for w in row] for row in self.transitions],
            "weights": {
                a: [[names[k], round(w, 4)] for k, w in pairs]
                for a, pairs in sorted(self.weights.items())
            },
            "info": dict(self.info),
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as gzip-compressed JSON; the same model gives the same bytes.

        ``path`` is replaced whole (written under a temporary name, then renamed), so it
        never holds a part of a model. Raises :class:`OSError` when it cannot be written.
        """
        data = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        packed = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0,
                           compresslevel=9) as out:
            out.write(data)
        write_bytes(path, packed.getvalue())


def _from_json(data: Any, where: str) -> LineModel:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        msg = f"{where}: not a newsdump model of format {FORMAT}"
        raise ModelError(msg)
    try:
        names = [str(s) for s in data["states"]]
        if sorted(names) != sorted(_INDEX):
            msg = f"{where}: the model's states differ from this version's"
            raise ModelError(msg)
        order = [_INDEX[s] for s in names]
        size = len(STATES)
        transitions = [[0.0] * size for _ in range(size)]
        for i, row in enumerate(data["transitions"]):
            for j, w in enumerate(row):
                transitions[order[i]][order[j]] = float(w)
        weights = {
            str(a): tuple((_INDEX[str(s)], float(w)) for s, w in pairs)
            for a, pairs in data["weights"].items()
        }
        info = dict(data.get("info") or {})
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, ModelError):
            raise
        msg = f"{where}: malformed model ({type(exc).__name__}: {exc})"
        raise ModelError(msg) from exc
    return LineModel(weights=weights, transitions=tuple(tuple(r) for r in transitions), info=info)


def load_model(path: str | os.PathLike[str]) -> LineModel:
    """Read a model file written by :meth:`LineModel.save` (``newsdump train``).

    Raises :class:`ModelError` with one line when the file is not such a model, and
    :class:`OSError` when it cannot be read.
    """
    try:
        with gzip.open(path, "rb") as stream:
            raw = stream.read()
        data = json.loads(raw.decode("utf-8"))
    except (gzip.BadGzipFile, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        msg = f"{os.fspath(path)}: not a newsdump model (gzip JSON): {exc}"
        raise ModelError(msg) from exc
    return _from_json(data, os.fspath(path))


def load_model_option(path: str) -> LineModel:
    """Read the file of a ``--model`` option: every failure is a one-line :class:`ModelError`."""
    try:
        return load_model(path)
    except OSError as error:
        msg = f"cannot read --model {path}: {error.strerror or error}"
        raise ModelError(msg) from None


@functools.lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The model shipped with the package."""
    ref = resources.files("newsdump").joinpath("data/model.json.gz")
    with resources.as_file(ref) as path:
        return load_model(path)
