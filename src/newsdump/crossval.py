"""Grouped cross-validation of the line model: ``python -m newsdump.crossval``.

Needs the ``train`` extra. The corpus (``../shared/corpus`` by default) is split by site
into folds (:func:`newsdump._goldset.fold_of`): no site has pages on both sides of a
fold, and all scraper styles of an article fall on the same side. For each fold a model
is trained on the other folds' articles (recombined; research-only sources never
trained on) and scored on dumps made of the fold's own articles, every source
included, with the metrics of :mod:`newsdump.scoring`. The table prints one row per
style and an overall row, then the dev set and the seeds scored by a model trained on
the corpus alone (neither of them seen in training).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from newsdump._goldset import Piece, Sample, fold_of, load_pieces, recombine
from newsdump._linemodel import LineModel
from newsdump._parse import parse
from newsdump.scoring import (
    CorpusScores,
    GoldError,
    Scores,
    format_table,
    load_gold,
    score_dump,
)
from newsdump.train import Options, Sequence_, _featurize_all, add_regularisation, fit

__all__ = ["cross_validate", "main", "score_samples"]

_TEST_SEED = 7


def score_samples(samples: Sequence[Sample], model: LineModel) -> dict[str, Scores]:
    """Scores of each style's test dumps, summed per style."""
    out: dict[str, Scores] = {}
    for sample in samples:
        scores = score_dump(parse(sample.text, model=model), sample.gold)
        out[sample.style] = out.get(sample.style, Scores()) + scores
    return out


def _test_samples(pieces: Sequence[Piece]) -> list[Sample]:
    english = [p for p in pieces if p.lang == "en"]
    other = [p for p in pieces if p.lang != "en"]
    samples = recombine(english, seed=_TEST_SEED, rounds=1)
    for sample in recombine(other, seed=_TEST_SEED, rounds=1):
        samples.append(type(sample)(sample.name, sample.text, sample.gold, sample.labels,
                                    "other languages", sample.sites))
    return samples


def cross_validate(
    pieces: Sequence[Piece],
    extra: Sequence[Piece],
    options: Options,
    *,
    folds: int,
    jobs: int,
    log: bool = True,
    start_biases: Sequence[float] = (),
) -> dict[str, Scores]:
    """Scores per style over all folds; ``extra`` pieces are always on the training side.

    With ``start_biases``, each fold's model is also scored with each of those start
    biases instead of the trained one; those rows are keyed ``"style @ bias"``.
    """
    by_fold: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_fold.setdefault(fold_of(piece.site, folds), []).append(piece)
    train_data: dict[int, list[Sequence_]] = {}
    for k in range(folds):
        trainable = [p for p in by_fold.get(k, []) if p.trainable]
        train_data[k] = _featurize_all(recombine(trainable, seed=options.seed + k,
                                                 rounds=options.rounds), False, jobs)
    extra_data = _featurize_all(recombine(extra, seed=options.seed, rounds=options.rounds),
                                False, jobs)
    total: dict[str, Scores] = {}
    for k in range(folds):
        started = time.monotonic()
        data = [s for j in range(folds) if j != k for s in train_data[j]] + extra_data
        model = fit(data, options, {"fold": k})
        samples = _test_samples(by_fold.get(k, []))
        for style, scores in score_samples(samples, model).items():
            total[style] = total.get(style, Scores()) + scores
        for bias in start_biases:
            biased = model.with_start_bias(bias)
            for style, scores in score_samples(samples, biased).items():
                key = f"{style} @ {bias:g}"
                total[key] = total.get(key, Scores()) + scores
        if log:
            print(f"fold {k + 1}/{folds}: {len(by_fold.get(k, []))} test articles, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return total


def _table(rows: dict[str, Scores], overall: str | None = "all styles (English)") -> str:
    per_dump = sorted(rows.items())
    if overall:
        english = Scores()
        for style, scores in rows.items():
            if style != "other languages":
                english += scores
        per_dump.append((overall, english))
    total = Scores()
    for _, scores in per_dump[:-1] if overall else per_dump:
        total += scores
    text = format_table(CorpusScores(per_dump=tuple(per_dump), total=total), per_role=False)
    return "\n".join(text.splitlines()[:-1]) if overall else text


def _biases(text: str) -> list[float]:
    try:
        return [float(b) for b in text.split(",") if b.strip()]
    except ValueError:
        msg = f"not a comma-separated list of numbers: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    here = Path.cwd()
    parser = argparse.ArgumentParser(
        prog="python -m newsdump.crossval",
        description="Cross-validate the line model by site, then score the held-out sets.",
    )
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    parser.add_argument("--devset", type=Path, default=here.parent / "shared" / "devset")
    parser.add_argument("--own", type=Path, action="append", default=None,
                        help="gold directories always trained on (default: tests/corpus/own)")
    parser.add_argument("--seeds", type=Path, default=Path("tests/corpus/seeds"),
                        help="seed gold directory (dumps in seeds/)")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1,
                        help="recombined copies per article (default: 1; "
                        f"the shipped model: {Options.rounds})")
    parser.add_argument("--iterations", type=int, default=Options.iterations)
    parser.add_argument("--styles", help="comma-separated styles to keep (default: all)")
    parser.add_argument("--english", action="store_true", help="English articles only")
    parser.add_argument("--start-biases", type=_biases, default=[],
                        help="comma-separated start biases to score each fold's model with "
                             "as well (e.g. 0,0.5,1.5,2), one table each")
    add_regularisation(parser)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the cross-validation table and the held-out sets.

    Returns 0, 2 on a usage error, 1 when a dump or gold file cannot be read.
    """
    args = _arguments(argv)
    if not (args.corpus / "gold").is_dir():
        print(f"newsdump.crossval: error: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    own_dirs = args.own if args.own is not None else [Path("tests/corpus/own")]
    try:
        pieces = load_pieces(args.corpus / "dumps", args.corpus / "gold")
        extra = [p for d in own_dirs
                 for p in load_pieces(d / "dumps", d / "gold", group=d.name)]
    except GoldError as error:
        print(f"newsdump.crossval: error: {error}", file=sys.stderr)
        return 1
    if args.styles:
        keep = set(args.styles.split(","))
        pieces = [p for p in pieces if p.style in keep]
    if args.english:
        pieces = [p for p in pieces if p.lang == "en"]
    options = Options(rounds=args.rounds, iterations=args.iterations, c1=args.c1, c2=args.c2)
    started = time.monotonic()
    biases: list[float] = args.start_biases
    rows = cross_validate(pieces, extra, options, folds=args.folds, jobs=args.jobs,
                          start_biases=biases)
    print(f"Cross-validation by site, {args.folds} folds ({len(pieces)} article renderings, "
          f"{time.monotonic() - started:.0f} s):")
    print(_table({k: v for k, v in rows.items() if " @ " not in k}))
    for bias in biases:
        suffix = f" @ {bias:g}"
        print(f"\nThe same fold models with start bias {bias:g}:")
        print(_table({k[: -len(suffix)]: v for k, v in rows.items() if k.endswith(suffix)}))

    trainable = [p for p in pieces if p.trainable]
    samples = recombine([*trainable, *extra], seed=options.seed, rounds=options.rounds)
    model = fit(_featurize_all(samples, False, args.jobs), options, {})
    held: dict[str, Scores] = {}
    if (args.devset / "gold").is_dir():
        held["dev set"] = _score_dir(args.devset / "dumps", args.devset / "gold", model)
    if (args.seeds / "gold").is_dir():
        held["seeds"] = _score_dir(Path("seeds"), args.seeds / "gold", model)
    if held:
        print("\nHeld out (model trained on the corpus and own dumps only):")
        print(_table(held, overall=None))
    return 0


def _score_dir(dumps: Path, gold: Path, model: LineModel) -> Scores:
    total = Scores()
    for gold_path in sorted(gold.glob("*.json")):
        dump = dumps / (gold_path.stem + ".txt")
        if dump.exists():
            text = dump.read_text(encoding="utf-8")
            total += score_dump(parse(text, model=model), load_gold(gold_path))
    return total


if __name__ == "__main__":
    raise SystemExit(main())
