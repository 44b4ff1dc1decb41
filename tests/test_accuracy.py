"""Accuracy gate: parse the gold-annotated dumps and hold the scores above pinned floors.

Run with ``-s`` (or read the captured output) to see the score table of each dump.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import newsdump
from newsdump.scoring import PRF, CorpusScores, Ratio, Scores, format_table, load_gold, score_dump

ROOT = Path(__file__).resolve().parent.parent
SEED_DUMPS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "corpus" / "seeds" / "gold"
OWN_DUMPS = ROOT / "tests" / "corpus" / "own" / "dumps"
OWN_GOLD = ROOT / "tests" / "corpus" / "own" / "gold"
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
CORPUS = SHARED / "corpus"

# Floors are never lowered silently: lowering one needs a CHANGELOG entry that says which
# floor, from what to what, and why. Raise them freely as the parser improves.
#
# Seeds (0.2, learned model): the shipped model was trained on the seeds among ~2,800
# articles; it places 7 of seed 002's 9 boundaries (strict 0.875), so the floors hold
# what it reaches: boundary F1 0.94 -> 0.85, role accuracy 0.95 -> 0.93, titles
# 0.8 -> 0.7, dates 1.0 -> 0.9 (CHANGELOG "Changed"). A model trained without the
# seeds scores far lower on them (docs/accuracy.md): these floors catch regressions of
# the shipped model, the held-out floors below say how it generalises.
# The stronger L2 penalty (c2 0.01 -> 1.0) raised every held-out and cross-validated
# figure and fits the training dumps less closely, so two floors of trained-on dumps
# were lowered (CHANGELOG "Changed"): seed role accuracy 0.93 -> 0.9 (seed 002 labels
# 0.909 of its lines right), and on the own corpus soft boundary F1 0.85 -> 0.65 (in two
# dumps it misses one start and puts another past the headline: 0.667) and role
# accuracy 0.9 -> 0.88.
# The echo and cohesion-depth attributes moved seed 002's merged pair: its last two
# articles merge, so the second one's authors land on the first and seed author F1 is
# 0.800: author floor 0.9 -> 0.8 (CHANGELOG "Changed"); the own-corpus soft floor goes
# back up to 0.72.
# Near cohesion (0.2) raised cross-validated strict F1 0.522 -> 0.531 and soft
# 0.759 -> 0.771 over ~4,000 held-out articles, and the cross-validation's dev-set
# figure 0.434 -> 0.460; the shipped model retrained with it places two fewer of the
# dev set's 53 starts (strict 0.543 -> 0.500, both held out) and puts own dump 02's
# second start two lines late (0.667). Floors lowered (CHANGELOG "Changed"): dev-set
# strict and soft 0.52 -> 0.48, own-corpus soft 0.72 -> 0.65.
# The title fallback (an untitled article takes its likeliest title line) raised
# cross-validated title accuracy 0.587 -> 0.668 (page 0.397 -> 0.603, bs4 0.375 ->
# 0.535) and the dev set's 0.604 -> 0.679, boundaries unchanged: title floors raised.
# The byline fallback and the names kept on author links and repeated bylines raised
# cross-validated author F1 0.543 -> 0.562 and the dev set's 0.815 -> 0.847. The title
# of an article with several title lines is the surest (cross-validated 0.671 -> 0.676,
# region 0.573 -> 0.591).
# The shipped model counts the seeds twice in training: seeds strict 0.909 -> 0.957,
# roles 0.935 -> 0.968, authors 0.800 -> 0.923 (titles 0.857 -> 0.786, one of 14); the
# dev set, never trained on, rose on every figure (roles 0.765 -> 0.778, titles 0.679 ->
# 0.755, authors 0.847 -> 0.894). Seed floors (per dump: seed 002 strict 0.941) and
# dev-set floors raised to hold them.
# Own corpus: where junk between two articles goes is a convention, so it is held on
# soft boundaries (a start anywhere in the junk run counts), per dump.
FLOORS: Mapping[str, Mapping[str, float]] = {
    "seeds": {
        "boundary F1 (strict)": 0.94,
        "role accuracy": 0.95,
        "title accuracy": 0.7,
        "author F1": 0.9,
        "date accuracy": 0.9,
        "dateline accuracy": 1.0,
    },
    "own": {
        "boundary F1 (soft)": 0.65,
        "role accuracy": 0.88,
        "title accuracy": 0.65,
    },
}

# The dev set is never trained on (the shipped model learns from the corpus, the own
# dumps and the seeds), so its floors hold the model on publishers it has not seen. The
# cross-validation floors hold a model trained on some of the corpus's sites and scored
# on the others (tests marked slow; CI runs them).
HELD_OUT_FLOORS: Mapping[str, Mapping[str, float]] = {
    "dev set": {
        "boundary F1 (strict)": 0.48,
        "boundary F1 (soft)": 0.5,
        "role accuracy": 0.76,
        "title accuracy": 0.73,
        "author F1": 0.87,
    },
}
CROSSVAL_FLOORS: Mapping[str, Mapping[str, float]] = {
    "all styles (English)": {
        "boundary F1 (strict)": 0.52,
        "boundary F1 (soft)": 0.76,
        "role accuracy": 0.89,
        "title accuracy": 0.66,
        "author F1": 0.55,
    },
    "reader": {"boundary F1 (strict)": 0.85, "boundary F1 (soft)": 0.86,
               "title accuracy": 0.82},
    "page": {"boundary F1 (soft)": 0.78, "title accuracy": 0.58},
    "bs4": {"title accuracy": 0.51},
    "region": {"boundary F1 (soft)": 0.64, "title accuracy": 0.58},
    "trafilatura": {"boundary F1 (soft)": 0.67},
}

METRICS: Mapping[str, Callable[[Scores], float | None]] = {
    "boundary F1 (strict)": lambda s: s.boundaries_strict.f1,
    "boundary F1 (soft)": lambda s: s.boundaries_soft.f1,
    "role accuracy": lambda s: s.roles.value,
    "title accuracy": lambda s: s.titles.value,
    "author F1": lambda s: s.authors.f1,
    "date accuracy": lambda s: s.dates.value,
    "dateline accuracy": lambda s: s.datelines.value,
}


def gold_files(gold_dir: Path) -> list[Path]:
    """List the gold files of a corpus, or nothing when it does not exist yet."""
    return sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []


def score_file(dumps_dir: Path, gold_path: Path) -> Scores:
    """Parse the dump a gold file describes and score it."""
    gold = load_gold(gold_path)
    text = (dumps_dir / gold.source).read_bytes().decode("utf-8")
    return score_dump(newsdump.parse(text), gold)


def below_floors(scores: Scores, floors: Mapping[str, float]) -> list[str]:
    """Describe each metric under its floor; a metric with nothing to score passes."""
    failures = []
    for name, floor in floors.items():
        value = METRICS[name](scores)
        if value is not None and value < floor:
            failures.append(f"{name} {value:.3f} < {floor}")
    return failures


def show(name: str, scores: Scores, capsys: pytest.CaptureFixture[str]) -> None:
    """Print the score table of one dump past pytest's capture."""
    with capsys.disabled():
        print(f"\n{format_table(CorpusScores(((name, scores),), scores))}")


def own_cases() -> list[object]:
    """Parameters for the own corpus: its gold files, or one skipped case if it is absent."""
    files = gold_files(OWN_GOLD)
    if files and OWN_DUMPS.is_dir():
        return [pytest.param(path, id=path.stem) for path in files]
    return [pytest.param(None, marks=pytest.mark.skip(reason="tests/corpus/own not written yet"))]


class TestSeedGold:
    @pytest.mark.parametrize("gold_path", gold_files(SEED_GOLD), ids=lambda p: p.stem)
    def test_consistent_with_its_dump(self, gold_path: Path) -> None:
        """Seed gold partitions and labels every non-blank line; titles and datelines fit.

        A title is the text of the line labeled title; a dateline opens its body line.
        """
        gold = load_gold(gold_path)
        lines = (SEED_DUMPS / gold.source).read_text(encoding="utf-8").split("\n")
        assert gold.line_count == len(lines)
        non_blank = [n for n, text in enumerate(lines, start=1) if text.strip()]
        covered = [n for a in gold.articles for n in non_blank if a.start <= n <= a.end]
        assert covered == non_blank
        for article in gold.articles:
            inside = [n for n in non_blank if article.start <= n <= article.end]
            assert (inside[0], inside[-1]) == (article.start, article.end)
            assert sorted(article.roles) == inside
            titles = [lines[n - 1] for n, role in article.roles.items() if role.value == "title"]
            assert titles == ([article.title] if article.title else [])
            if article.dateline:
                assert article.roles[article.dateline.line].value == "body"
                assert lines[article.dateline.line - 1].startswith(article.dateline.location)


class TestSeedAccuracy:
    def test_every_seed_has_gold(self) -> None:
        """Each seed dump has a gold file, so none escapes the gate."""
        seeds = {path.stem for path in SEED_DUMPS.glob("*.txt")}
        assert seeds
        assert seeds == {path.stem for path in gold_files(SEED_GOLD)}

    @pytest.mark.parametrize("gold_path", gold_files(SEED_GOLD), ids=lambda p: p.stem)
    def test_floors(self, gold_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Each seed scores at or above every seed floor."""
        scores = score_file(SEED_DUMPS, gold_path)
        show(gold_path.stem, scores, capsys)
        failures = below_floors(scores, FLOORS["seeds"])
        assert not failures, "; ".join(failures)


class TestOwnCorpusAccuracy:
    @pytest.mark.parametrize("gold_path", own_cases())
    def test_floors(self, gold_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Each dump of our own annotated corpus scores at or above the corpus floors."""
        scores = score_file(OWN_DUMPS, gold_path)
        show(gold_path.stem, scores, capsys)
        failures = below_floors(scores, FLOORS["own"])
        assert not failures, "; ".join(failures)


class TestDevSetAccuracy:
    @pytest.mark.skipif(not (DEVSET / "gold").is_dir(), reason="../shared/devset not present")
    def test_floors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The shipped model, never trained on the dev set, holds the dev-set floors."""
        total = Scores()
        for gold_path in gold_files(DEVSET / "gold"):
            total += score_file(DEVSET / "dumps", gold_path)
        show("dev set", total, capsys)
        failures = below_floors(total, HELD_OUT_FLOORS["dev set"])
        assert not failures, "; ".join(failures)


@pytest.mark.slow
class TestCrossValidation:
    @pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="../shared/corpus not present")
    def test_floors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Trained on two thirds of the corpus's sites, scored on the rest, per style.

        The same run as ``python -m newsdump.crossval --english`` (3 folds by site, one
        recombined copy per article).
        """
        pytest.importorskip("pycrfsuite")
        from newsdump._goldset import load_pieces  # noqa: PLC0415
        from newsdump.crossval import cross_validate  # noqa: PLC0415
        from newsdump.train import Options  # noqa: PLC0415

        pieces = [p for p in load_pieces(CORPUS / "dumps", CORPUS / "gold") if p.lang == "en"]
        own = load_pieces(OWN_DUMPS, OWN_GOLD, group="own")
        rows = cross_validate(pieces, own, Options(rounds=1), folds=3, jobs=2, log=False)
        english = Scores()
        for scores in rows.values():
            english += scores
        rows["all styles (English)"] = english
        with capsys.disabled():
            print()
            print(format_table(CorpusScores(tuple(sorted(rows.items())), english),
                               per_role=False))
        failures = [
            f"{name}: {failure}"
            for name, floors in CROSSVAL_FLOORS.items()
            for failure in below_floors(rows[name], floors)
        ]
        assert not failures, "; ".join(failures)


class TestBelowFloors:
    def test_reports_each_failure(self) -> None:
        """The gate names every metric under its floor and lets unscorable ones pass."""
        scores = Scores(boundaries_strict=PRF(1, 1, 0), roles=Ratio(1, 1))
        failures = below_floors(scores, {"boundary F1 (strict)": 1.0, "title accuracy": 1.0})
        assert failures == ["boundary F1 (strict) 0.667 < 1.0"]
