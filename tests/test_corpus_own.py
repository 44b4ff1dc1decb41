"""Internal consistency of our own annotated corpus (``tests/corpus/own``).

Each gold file must describe its dump exactly in the dev-set gold format: line count,
articles partitioning the non-blank lines, a role for every non-blank line, titles equal
to their line, datelines opening a body line. These tests check the annotations, not
the parser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "corpus" / "own"
DUMPS = OWN / "dumps"
GOLD = OWN / "gold"

ROLES = frozenset(
    {
        "title",
        "dek",
        "summary",
        "caption",
        "byline",
        "date",
        "heading",
        "body",
        "credit",
        "boilerplate",
    }
)
ARTICLE_KEYS = frozenset(
    {"start", "end", "title", "authors", "date", "publisher", "dateline", "roles", "unlabeled"}
)
ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?")


def gold_paths() -> list[Path]:
    """List the gold files of the corpus, sorted by name."""
    return sorted(GOLD.glob("*.json"))


def load(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Read a gold file's JSON and the lines of the dump it describes."""
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    lines = (DUMPS / gold["source"]).read_text(encoding="utf-8").split("\n")
    return gold, lines


def non_blank(lines: list[str]) -> list[int]:
    """List the numbers (from 1) of the lines that are not blank."""
    return [number for number, text in enumerate(lines, start=1) if text.strip()]


CASES = [pytest.param(path, id=path.stem) for path in gold_paths()]


class TestCorpusLayout:
    def test_dumps_and_gold_pair_up(self) -> None:
        """Every dump has exactly one gold file and every gold file names its own dump."""
        dumps = {path.stem for path in DUMPS.glob("*.txt")}
        golds = {path.stem for path in gold_paths()}
        assert dumps
        assert dumps == golds
        for path in gold_paths():
            gold, _ = load(path)
            assert gold["source"] == f"{path.stem}.txt"

    def test_both_layouts_present(self) -> None:
        """At least two dumps have blank lines between blocks and two have none."""
        names = [path.stem for path in DUMPS.glob("*.txt")]
        assert sum(name.endswith("_blank") for name in names) >= 2
        assert sum(name.endswith("_dense") for name in names) >= 2


class TestGoldConsistency:
    @pytest.mark.parametrize("path", CASES)
    def test_line_count_and_layout(self, path: Path) -> None:
        """``lines`` counts the dump split on newlines; dense dumps have no blank line."""
        gold, lines = load(path)
        assert gold["lines"] == len(lines)
        blank_lines = len(lines) - len(non_blank(lines))
        if path.stem.endswith("_dense"):
            assert blank_lines == 0
        else:
            assert blank_lines > 0

    @pytest.mark.parametrize("path", CASES)
    def test_articles_partition_non_blank_lines(self, path: Path) -> None:
        """Articles come in order, start and end on non-blank lines and cover each one once."""
        gold, lines = load(path)
        filled = non_blank(lines)
        assert 5 <= len(gold["articles"]) <= 8
        covered = [n for a in gold["articles"] for n in filled if a["start"] <= n <= a["end"]]
        assert covered == filled
        for article in gold["articles"]:
            inside = [n for n in filled if article["start"] <= n <= article["end"]]
            assert (inside[0], inside[-1]) == (article["start"], article["end"])

    @pytest.mark.parametrize("path", CASES)
    def test_every_line_labelled(self, path: Path) -> None:
        """Each non-blank line of an article has one of the ten roles; none is left unlabeled."""
        gold, lines = load(path)
        filled = non_blank(lines)
        for article in gold["articles"]:
            assert set(article) - {"_provenance"} == ARTICLE_KEYS
            inside = [n for n in filled if article["start"] <= n <= article["end"]]
            assert sorted(int(number) for number in article["roles"]) == inside
            assert set(article["roles"].values()) <= ROLES
            assert article["unlabeled"] == []

    @pytest.mark.parametrize("path", CASES)
    def test_titles_match_their_line(self, path: Path) -> None:
        """The title is the text of the only line labelled title, or null when none is."""
        gold, lines = load(path)
        for article in gold["articles"]:
            titles = [lines[int(n) - 1] for n, role in article["roles"].items() if role == "title"]
            assert titles == ([article["title"]] if article["title"] is not None else [])

    @pytest.mark.parametrize("path", CASES)
    def test_metadata_shapes(self, path: Path) -> None:
        """Authors are printed in a byline line; dates are ISO or relative; datelines fit."""
        gold, lines = load(path)
        for article in gold["articles"]:
            bylines = " ".join(
                lines[int(n) - 1] for n, role in article["roles"].items() if role == "byline"
            )
            assert all(name in bylines for name in article["authors"])
            date = article["date"]
            if isinstance(date, dict):
                assert set(date) == {"relative"}
                assert any(lines[int(n) - 1] == date["relative"] for n in article["roles"])
            elif date is not None:
                assert ISO_DATE.fullmatch(date)
            dateline = article["dateline"]
            if dateline is not None:
                assert set(dateline) == {"location", "agency", "line"}
                assert article["roles"][str(dateline["line"])] == "body"
                text = lines[dateline["line"] - 1]
                assert text.startswith(dateline["location"])
                assert dateline["agency"] is None or f"({dateline['agency']})" in text
