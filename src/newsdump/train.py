"""Train the line model from annotated dumps: ``python -m newsdump.train``.

Needs the ``train`` extra (``pip install "newsdump[train]"``, which brings
python-crfsuite). Each gold directory holds ``dumps/X.txt`` and ``gold/X.json`` in the
format of :mod:`newsdump.scoring`. The articles are cut out and recombined into new
dumps (new orders, blank lines added or removed, articles glued end to start), every
non-blank line becomes its attributes (:mod:`newsdump._featurize`), and a linear-chain
CRF is fitted by L-BFGS. Attributes seen on fewer than ``--min-sites`` sites are
dropped, so that nothing peculiar to one site is learned. Training is deterministic:
the same data and options give the same model file, byte for byte; the file records
what it was trained on.

Pass ``--base`` to start from the shipped model: its decision for every line becomes
one more attribute, so a few annotated dumps of your own correct it rather than
replace it. The figures in ``docs/how-to/adapt.md`` show what that buys.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsdump import _argtypes
from newsdump._goldset import Piece, Sample, load_pieces, recombine
from newsdump._linemodel import STATES, LineModel, state_name
from newsdump._model import Role
from newsdump._parse import add_base_attributes, analyse
from newsdump._rules import Rules
from newsdump.scoring import GoldError

__all__ = ["Options", "featurize", "fit", "main", "samples_from", "state_names", "train"]

Sequence_ = tuple[list[tuple[str, ...]], list[str], list[str]]
"""Attributes per line, state names per line, site per line."""


class Options:
    """Training settings (the defaults are the shipped model's)."""

    c1: float = 0.05
    c2: float = 1.0
    iterations: int = 120
    min_sites: int = 3
    rounds: int = 3
    seed: int = 20261201
    start_bias: float = 1.0

    def __init__(self, **values: Any) -> None:
        """Override any default by keyword."""
        for key, value in values.items():
            if not hasattr(Options, key):
                msg = f"unknown training option: {key}"
                raise TypeError(msg)
            setattr(self, key, value)

    def as_dict(self) -> dict[str, Any]:
        """The settings, for the model file."""
        return {k: getattr(self, k) for k in ("c1", "c2", "iterations", "min_sites", "rounds",
                                              "seed", "start_bias")}


def samples_from(pieces: Sequence[Piece], options: Options, *, trainable_only: bool = True
                 ) -> list[Sample]:
    """Recombined training dumps from pieces (only those a shipped model may learn from).

    Fully annotated pieces (every non-blank line labelled, as in the seeds and the own
    corpus) are recombined three times as often: their labels are exact.
    """
    usable = [p for p in pieces if p.trainable or not trainable_only]
    exact = [all(k or r is None for k, r in zip(p.labeled, p.roles, strict=True))
             for p in usable]
    full = [p for p, e in zip(usable, exact, strict=True) if e]
    partial = [p for p, e in zip(usable, exact, strict=True) if not e]
    return (recombine(partial, seed=options.seed, rounds=options.rounds)
            + recombine(full, seed=options.seed + 1, rounds=3 * options.rounds))


def _line_sites(sample: Sample) -> list[str]:
    sites: list[str] = []
    piece = -1
    for _, start in sample.labels:
        if start:
            piece += 1
        sites.append(sample.sites[max(piece, 0)])
    return sites


def featurize(sample: Sample, base: bool = False) -> Sequence_:
    """The attributes and gold states of a sample's non-blank lines, and their sites."""
    rules = _RULES
    _, cues, attributes = analyse(sample.text, rules, None)
    if len(cues) != len(sample.labels):
        msg = f"{sample.name}: {len(cues)} non-blank lines but {len(sample.labels)} labels"
        raise ValueError(msg)
    if base:
        add_base_attributes(attributes, [c.index for c in cues], first_starts=True)
    names = state_names(sample.labels)
    return attributes, names, _line_sites(sample)


_RULES = Rules()

_BODY = frozenset({Role.BODY, Role.HEADING})


def state_names(labels: Sequence[tuple[Role, bool]]) -> list[str]:
    """Gold state names from ``(role, starts_article)`` labels: phases B, H and I.

    A line is in its article's header (``H``) until the article's first body or heading
    line; from that line on it is ``I``.
    """
    names: list[str] = []
    in_header = True
    for role, start in labels:
        if start:
            in_header = True
        if role in _BODY:
            in_header = False
        phase = "B" if start else "H" if in_header else "I"
        names.append(state_name((role, phase)))
    return names


def _featurize_all(samples: Sequence[Sample], base: bool, jobs: int
                   ) -> list[Sequence_]:
    if jobs <= 1 or len(samples) < 4:
        return [featurize(s, base) for s in samples]
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(featurize, samples, [base] * len(samples), chunksize=4))


def fit(data: Iterable[Sequence_], options: Options, info: dict[str, Any]) -> LineModel:
    """Fit a CRF to featurized sequences and return it as a :class:`LineModel`."""
    try:
        import pycrfsuite  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - depends on the environment
        msg = 'training needs the train extra: pip install "newsdump[train]"'
        raise SystemExit(msg) from exc
    data = list(data)
    sites: dict[str, set[str]] = {}
    for attributes, _, line_sites in data:
        for attrs_, site in zip(attributes, line_sites, strict=True):
            for a in attrs_:
                seen = sites.setdefault(a, set())
                if len(seen) < options.min_sites:
                    seen.add(site)
    keep = {a for a, s in sites.items() if len(s) >= options.min_sites}
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({
        "c1": options.c1,
        "c2": options.c2,
        "max_iterations": options.iterations,
        "feature.possible_transitions": True,
    })
    lines = 0
    for attributes, names, _ in data:
        trainer.append([[a for a in attrs_ if a in keep] for attrs_ in attributes], names)
        lines += len(names)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        crf = tagger.info()
        tagger.close()
    index = {state_name(s): k for k, s in enumerate(STATES)}
    size = len(STATES)
    transitions = [[0.0] * size for _ in range(size)]
    for (a, b), w in crf.transitions.items():
        transitions[index[a]][index[b]] = round(float(w), 4)
    weights: dict[str, list[tuple[int, float]]] = {}
    for (attr, label), raw in crf.state_features.items():
        w = round(float(raw), 4)
        if w:
            weights.setdefault(attr, []).append((index[label], w))
    info = {**info, "lines": lines, "sequences": len(data), "options": options.as_dict(),
            "attributes": len(weights), "start_bias": options.start_bias}
    return LineModel(
        weights={a: tuple(sorted(p)) for a, p in sorted(weights.items())},
        transitions=tuple(tuple(r) for r in transitions),
        info=info,
    )


def train(
    pieces: Sequence[Piece],
    options: Options,
    *,
    extra: Sequence[Sample] = (),
    base: bool = False,
    jobs: int = 2,
    info: dict[str, Any] | None = None,
) -> LineModel:
    """Train a model on recombined pieces plus ``extra`` samples taken as they are."""
    samples = samples_from(pieces, options) + list(extra)
    data = _featurize_all(samples, base, jobs)
    meta = dict(info or {})
    meta.setdefault("articles", sum(1 for p in pieces if p.trainable))
    meta.setdefault("sites", len({p.site for p in pieces if p.trainable}))
    meta["base"] = bool(base)
    return fit(data, options, meta)


def _arguments(argv: Sequence[str] | None, prog: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Train a newsdump line model from gold-annotated dumps.",
    )
    parser.add_argument("gold", nargs="*", type=Path,
                        help="directories with dumps/ and gold/ (the scoring format)")
    parser.add_argument("--pair", nargs=2, action="append", type=Path, default=[],
                        metavar=("DUMPS", "GOLD"),
                        help="a dumps directory and its gold directory (repeatable)")
    parser.add_argument("-o", "--output", required=True, help="model file to write")
    parser.add_argument("--base", action="store_true",
                        help="start from the shipped model (its decisions become attributes)")
    parser.add_argument("--rounds", type=_argtypes.at_least_one, default=Options.rounds,
                        help="recombined copies of each article (default: %(default)s)")
    parser.add_argument("--iterations", type=_argtypes.at_least_one, default=Options.iterations,
                        help="L-BFGS iterations (default: %(default)s)")
    parser.add_argument("--min-sites", type=_argtypes.at_least_one, default=Options.min_sites,
                        help="drop attributes seen on fewer sites (default: %(default)s)")
    add_regularisation(parser)
    parser.add_argument("--include-research", action="store_true",
                        help="also learn from research-only sources (not for shipped weights)")
    parser.add_argument("-j", "--jobs", type=_argtypes.jobs, default=min(2, os.cpu_count() or 1),
                        help="processes that build the attributes (0: one per CPU; "
                             "default: %(default)s)")
    return parser.parse_args(argv)


def add_regularisation(parser: argparse.ArgumentParser) -> None:
    """The ``--c1`` and ``--c2`` options (L1 and L2 penalties of the CRF)."""
    for name, default in (("c1", Options.c1), ("c2", Options.c2)):
        parser.add_argument(f"--{name}", type=_penalty, default=default,
                            help=f"{'L1' if name == 'c1' else 'L2'} penalty "
                                 "(default: %(default)s)")


def _penalty(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses nan
        msg = f"not a number from 0 up: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m newsdump.train") -> int:
    """Command-line entry point (also ``newsdump train``).

    Returns 0, 2 on a usage error, 1 when a dump or gold file cannot be read or the model
    cannot be written (one line on standard error each time).
    """
    args = _arguments(argv, prog)
    pairs = [(d / "dumps", d / "gold", d.name) for d in args.gold]
    pairs += [(dumps, gold, dumps.name) for dumps, gold in args.pair]
    for dumps, gold, name in pairs:
        if not dumps.is_dir() or not gold.is_dir():
            where = f"{dumps.parent} has no dumps/ and gold/ folders" if name != dumps.name \
                else f"{dumps} or {gold} is not a directory"
            print(f"newsdump train: error: {where}", file=sys.stderr)
            return 2
    if not pairs:
        print("newsdump train: error: give gold directories or --pair DUMPS GOLD",
              file=sys.stderr)
        return 2
    folder = os.path.dirname(os.path.abspath(args.output))
    if os.path.isdir(args.output):
        print(f"newsdump train: error: {args.output} is a folder; give a file name",
              file=sys.stderr)
        return 2
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        print(f"newsdump train: error: {args.output}: cannot write there ({folder} is not "
              "a writable folder)", file=sys.stderr)
        return 2
    try:
        pieces = [p for dumps, gold, name in pairs
                  for p in load_pieces(dumps, gold, group=name)]
    except GoldError as error:
        print(f"newsdump train: error: {error}", file=sys.stderr)
        return 1
    if args.include_research:
        pieces = [p if p.trainable else _trainable(p) for p in pieces]
    if not pieces:
        print("newsdump train: error: no annotated article found", file=sys.stderr)
        return 2
    options = Options(rounds=args.rounds, iterations=args.iterations, min_sites=args.min_sites,
                      c1=args.c1, c2=args.c2)
    model = train(pieces, options, base=args.base, jobs=args.jobs,
                  info={"gold": [name for _, _, name in pairs]})
    try:
        model.save(args.output)
    except OSError as error:
        print(f"newsdump train: error: {args.output}: cannot write the model "
              f"({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {args.output}: {model.info['attributes']} attributes, "
          f"{model.info['lines']} lines of {model.info['articles']} articles")
    return 0


def _trainable(piece: Piece) -> Piece:
    import attrs  # noqa: PLC0415

    return attrs.evolve(piece, trainable=True)


if __name__ == "__main__":
    raise SystemExit(main())
