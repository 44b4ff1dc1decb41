"""Tests for newsdump.scoring: every metric on tiny dumps with hand-computed values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from newsdump._model import Article, Dateline, Dump, Line, Role, Span
from newsdump.scoring import (
    PRF,
    CorpusScores,
    Gold,
    GoldArticle,
    GoldDateline,
    GoldError,
    Ratio,
    Scores,
    format_table,
    load_gold,
    main,
    pk,
    score_dump,
    window_diff,
)

T, BODY, BOIL = Role.TITLE, Role.BODY, Role.BOILERPLATE

# Ten lines, three gold articles: 1-4 (4 is boilerplate), 5-6, 8-10; line 7 is blank.
TEXTS = ["Title A", "a1", "a2", "Read more", "Title B", "b1", "", "Title C", "c1", "c2"]
GOLD_ROLES = [T, BODY, BODY, BOIL, T, BODY, None, T, BODY, BODY]
GOLD_RANGES = [(1, 4), (5, 6), (8, 10)]


def make_dump(
    ranges: Sequence[tuple[int, int]],
    roles: Sequence[Role | None] = GOLD_ROLES,
    texts: Sequence[str] = TEXTS,
    meta: Sequence[dict[str, Any]] = (),
) -> Dump:
    """Build a dump of ``texts`` whose lines have ``roles`` and whose articles span ``ranges``."""
    lines, offset = [], 0
    for number, (text, role) in enumerate(zip(texts, roles, strict=True), start=1):
        ending = "\n" if number < len(texts) else ""
        size = len(text) + len(ending)
        lines.append(Line(number, Span(offset, offset + size), text, ending, role))
        offset += size
    articles = tuple(
        Article(
            index=index,
            first_line=first,
            last_line=last,
            span=Span(0, 0),
            lines=tuple(lines[first - 1 : last]),
            **(meta[index] if index < len(meta) else {}),
        )
        for index, (first, last) in enumerate(ranges)
    )
    return Dump("\n".join(texts), tuple(lines), articles)


def make_gold(
    ranges: Sequence[tuple[int, int]] = GOLD_RANGES,
    roles: Sequence[Role | None] = GOLD_ROLES,
    meta: Sequence[dict[str, Any]] = (),
) -> Gold:
    """Build gold for ``TEXTS``: articles over ``ranges``, every non-blank line labeled."""
    articles = tuple(
        GoldArticle(
            start=start,
            end=end,
            roles={n: role for n in range(start, end + 1) if (role := roles[n - 1]) is not None},
            **(meta[index] if index < len(meta) else {}),
        )
        for index, (start, end) in enumerate(ranges)
    )
    return Gold("t.txt", len(TEXTS), articles)


class TestContainers:
    def test_prf_values(self) -> None:
        """Precision, recall and F1 come from tp/fp/fn."""
        counts = PRF(tp=2, fp=1, fn=1)
        assert (counts.precision, counts.recall, counts.f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))

    def test_prf_nothing_to_find(self) -> None:
        """Nothing predicted and nothing to find scores 1.0; a stray prediction scores 0."""
        assert PRF().f1 == 1.0
        assert PRF(fp=1).f1 == 0.0
        assert PRF(fn=1).f1 == 0.0

    def test_ratio_empty_is_none(self) -> None:
        """A ratio over nothing has no value rather than a made-up one."""
        assert Ratio().value is None
        assert Ratio(1, 4).value == 0.25

    def test_scores_add_up(self) -> None:
        """Adding scores adds counts, so ratios of the sum are micro-averages."""
        one = Scores(gold_articles=1, roles=Ratio(1, 2), per_role={BODY: PRF(1, 0, 1)})
        two = Scores(gold_articles=2, roles=Ratio(3, 3), per_role={T: PRF(1, 0, 0)})
        total = one + two
        assert total.gold_articles == 3
        assert total.roles == Ratio(4, 5)
        assert total.per_role[BODY] == PRF(1, 0, 1)
        assert total.per_role[T] == PRF(1, 0, 0)


class TestPk:
    def test_perfect(self) -> None:
        """Identical segmentations make no error."""
        assert pk([0, 5], [0, 5], 10, 2) == Ratio(0, 8)

    def test_shifted_boundary(self) -> None:
        """A boundary one position late errs in the two windows that straddle only one of them."""
        assert pk([0, 5], [0, 6], 10, 2) == Ratio(2, 8)

    def test_missed_boundary(self) -> None:
        """A missed boundary errs in the k windows that cross it."""
        assert pk([0, 5], [0], 10, 2) == Ratio(2, 8)

    def test_near_miss_extra_boundary(self) -> None:
        """An extra boundary next to a true one costs one window under Pk."""
        assert pk([0, 5], [0, 4, 5], 10, 2) == Ratio(1, 8)

    def test_too_short(self) -> None:
        """With no more positions than k there is no window to score."""
        assert pk([0], [0], 2, 2) == Ratio(0, 0)


class TestWindowDiff:
    def test_perfect(self) -> None:
        """Identical segmentations make no error."""
        assert window_diff([0, 5], [0, 5], 10, 2) == Ratio(0, 8)

    def test_shifted_boundary(self) -> None:
        """A boundary one position late errs in two windows, as under Pk."""
        assert window_diff([0, 5], [0, 6], 10, 2) == Ratio(2, 8)

    def test_near_miss_extra_boundary(self) -> None:
        """Unlike Pk, WindowDiff also counts the window holding two boundaries instead of one."""
        assert window_diff([0, 5], [0, 4, 5], 10, 2) == Ratio(2, 8)

    def test_missed_boundary(self) -> None:
        """A missed boundary errs in the k windows that cross it."""
        assert window_diff([0, 5], [0], 10, 2) == Ratio(2, 8)


class TestBoundaries:
    def test_perfect(self) -> None:
        """Every boundary but the dump's first line is scored; a perfect split finds both."""
        scores = score_dump(make_dump(GOLD_RANGES), make_gold())
        assert scores.boundaries_strict == PRF(2, 0, 0)
        assert scores.boundaries_soft == PRF(2, 0, 0)
        assert (scores.pk.hits, scores.window_diff.hits) == (0, 0)

    def test_start_in_boilerplate_run_is_soft_hit(self) -> None:
        """A start on the previous article's trailing boilerplate is a soft hit, strict miss."""
        scores = score_dump(make_dump([(1, 3), (4, 6), (8, 10)]), make_gold())
        assert scores.boundaries_strict == PRF(1, 1, 1)
        assert scores.boundaries_soft == PRF(2, 0, 0)

    def test_start_inside_content_is_a_miss(self) -> None:
        """A start one line late, past the title, is no hit even softly."""
        scores = score_dump(make_dump([(1, 5), (6, 10)]), make_gold())
        assert scores.boundaries_strict == PRF(0, 1, 2)
        assert scores.boundaries_soft == PRF(0, 1, 2)

    def test_missed_boundary(self) -> None:
        """Two gold articles merged into one lose recall, not precision."""
        counts = score_dump(make_dump([(1, 6), (8, 10)]), make_gold()).boundaries_strict
        assert counts == PRF(1, 0, 1)
        assert counts.f1 == pytest.approx(2 / 3)

    def test_extra_boundary(self) -> None:
        """An article split in two loses precision, not recall."""
        counts = score_dump(make_dump([(1, 2), (3, 4), (5, 6), (8, 10)]), make_gold())
        assert counts.boundaries_strict == PRF(2, 1, 0)

    def test_start_on_blank_line(self) -> None:
        """A predicted article that starts on a blank line starts at its first non-blank one."""
        scores = score_dump(make_dump([(1, 4), (5, 6), (7, 10)]), make_gold())
        assert scores.boundaries_strict == PRF(2, 0, 0)

    def test_window_size_over_non_blank_lines(self) -> None:
        """The Pk window is half the mean gold article length in non-blank lines.

        9 lines / 3 articles = 3, halved and rounded half up = 2, so 9 - 2 = 7 windows.
        """
        scores = score_dump(make_dump(GOLD_RANGES), make_gold())
        assert scores.pk.total == 7
        assert scores.window_diff.total == 7

    def test_pk_ignores_blank_lines(self) -> None:
        """Merging articles 2 and 3 errs in the windows crossing line 8 over non-blank lines.

        Non-blank positions 0..8; gold starts 0, 4, 6; predicted 0, 4; k = 2:
        windows (4, 6) and (5, 7) straddle the lost boundary.
        """
        scores = score_dump(make_dump([(1, 4), (5, 10)]), make_gold())
        assert scores.pk == Ratio(2, 7)
        assert scores.window_diff == Ratio(2, 7)

    def test_line_count_mismatch(self) -> None:
        """Gold made for another text is refused, not scored."""
        gold = Gold("t.txt", 11, make_gold().articles)
        with pytest.raises(GoldError, match="11 lines"):
            score_dump(make_dump(GOLD_RANGES), gold)


class TestRoles:
    def test_perfect(self) -> None:
        """Predicting every gold role gives accuracy and line F1 of 1."""
        scores = score_dump(make_dump(GOLD_RANGES), make_gold())
        assert scores.roles == Ratio(9, 9)
        assert scores.main_text == PRF(5, 0, 0)
        assert scores.boilerplate == PRF(1, 0, 0)

    def test_errors_counted_per_role(self) -> None:
        """Line 4 (boilerplate) called body and line 5 (title) called body.

        Accuracy 7/9; body gains two false positives; boilerplate and title one miss each.
        """
        roles = list(GOLD_ROLES)
        roles[3] = roles[4] = BODY
        scores = score_dump(make_dump(GOLD_RANGES, roles), make_gold())
        assert scores.roles == Ratio(7, 9)
        assert scores.per_role[BODY] == PRF(5, 2, 0)
        assert scores.per_role[BOIL] == PRF(0, 0, 1)
        assert scores.per_role[T] == PRF(2, 0, 1)
        assert scores.main_text == PRF(5, 2, 0)
        assert scores.boilerplate == PRF(0, 0, 1)

    def test_heading_is_main_text(self) -> None:
        """Body called heading is a role error but still main text."""
        roles = list(GOLD_ROLES)
        roles[1] = Role.HEADING
        scores = score_dump(make_dump(GOLD_RANGES, roles), make_gold())
        assert scores.roles == Ratio(8, 9)
        assert scores.main_text == PRF(5, 0, 0)

    def test_unlabeled_lines_skipped(self) -> None:
        """Lines without a gold role are not scored, whatever the prediction."""
        gold_roles = list(GOLD_ROLES)
        gold_roles[1] = gold_roles[2] = None  # a1 and a2 unlabeled
        predicted = list(GOLD_ROLES)
        predicted[1] = predicted[2] = BOIL
        scores = score_dump(make_dump(GOLD_RANGES, predicted), make_gold(roles=gold_roles))
        assert scores.roles == Ratio(7, 7)
        assert scores.boilerplate == PRF(1, 0, 0)

    def test_unlabeled_list_wins_over_roles(self) -> None:
        """A line listed in ``unlabeled`` is skipped even if it also has a role."""
        articles = list(make_gold().articles)
        articles[0] = GoldArticle(1, 4, roles=articles[0].roles, unlabeled=frozenset({2}))
        gold = Gold("t.txt", len(TEXTS), tuple(articles))
        predicted = list(GOLD_ROLES)
        predicted[1] = BOIL
        assert score_dump(make_dump(GOLD_RANGES, predicted), gold).roles == Ratio(8, 8)

    def test_missing_prediction_is_wrong(self) -> None:
        """A non-blank line left without a role counts as an error."""
        predicted = list(GOLD_ROLES)
        predicted[0] = None
        assert score_dump(make_dump(GOLD_RANGES, predicted), make_gold()).roles == Ratio(8, 9)


def score_meta(gold_meta: dict[str, Any], predicted_meta: dict[str, Any]) -> Scores:
    """Score a one-article dump with the given gold and predicted metadata."""
    return score_dump(
        make_dump([(1, 10)], meta=[predicted_meta]),
        make_gold(ranges=[(1, 10)], meta=[gold_meta]),
    )


class TestTitles:
    def test_white_space_normalised(self) -> None:
        """Titles match after collapsing white space."""
        assert score_meta({"title": "Storm  hits"}, {"title": " Storm hits"}).titles == Ratio(1, 1)

    def test_otherwise_exact(self) -> None:
        """Apart from white space, titles must match exactly, case included."""
        assert score_meta({"title": "Storm hits"}, {"title": "Storm hit"}).titles == Ratio(0, 1)
        assert score_meta({"title": "Storm hits"}, {"title": "storm hits"}).titles == Ratio(0, 1)

    def test_none_equals_null(self) -> None:
        """No gold title and no predicted title is right; a predicted one is wrong."""
        assert score_meta({}, {}).titles == Ratio(1, 1)
        assert score_meta({}, {"title": "Kicker"}).titles == Ratio(0, 1)

    def test_match_by_largest_overlap(self) -> None:
        """Each gold article is judged on the predicted article sharing most lines with it."""
        meta = [{"title": "Title A"}, {"title": "Title B"}, {"title": "Title C"}]
        predicted = [{"title": "Wrong"}, {"title": "Title A"}, {}, {"title": "Title C"}]
        scores = score_dump(
            make_dump([(1, 1), (2, 4), (5, 6), (8, 10)], meta=predicted), make_gold(meta=meta)
        )
        assert scores.titles == Ratio(2, 3)


class TestAuthors:
    def test_case_insensitive_micro_counts(self) -> None:
        """Names match case-insensitively; extra and missing names are counted."""
        scores = score_meta(
            {"authors": ("Jane Doe", "Li Wei")}, {"authors": ("jane doe", "Reuters")}
        )
        assert scores.authors == PRF(1, 1, 1)

    def test_no_authors_anywhere(self) -> None:
        """No gold and no predicted author adds nothing."""
        assert score_meta({}, {}).authors == PRF()


class TestDates:
    def test_day_precision(self) -> None:
        """A gold day matches a predicted date-time on that day."""
        predicted = {"published": datetime(2021, 2, 9, 11, 7)}
        assert score_meta({"date": "2021-02-09"}, predicted).dates == Ratio(1, 1)

    def test_minute_precision(self) -> None:
        """A gold time needs the predicted time; a bare date is not enough."""
        gold = {"date": "2021-02-09T11:07"}
        assert score_meta(gold, {"published": datetime(2021, 2, 9, 11, 7)}).dates == Ratio(1, 1)
        assert score_meta(gold, {"published": datetime(2021, 2, 9, 12, 7)}).dates == Ratio(0, 1)
        assert score_meta(gold, {"published": date(2021, 2, 9)}).dates == Ratio(0, 1)

    def test_relative(self) -> None:
        """A relative gold date is compared with the printed text."""
        gold = {"relative_date": "2 hours ago"}
        assert score_meta(gold, {"published_text": "2 hours  ago"}).dates == Ratio(1, 1)
        assert score_meta(gold, {"published_text": "3 hours ago"}).dates == Ratio(0, 1)

    def test_null(self) -> None:
        """No gold date is right only when nothing was predicted."""
        assert score_meta({}, {}).dates == Ratio(1, 1)
        assert score_meta({}, {"published": date(2020, 1, 1)}).dates == Ratio(0, 1)


class TestDatelines:
    def test_location_and_agency(self) -> None:
        """Location and agency must both match, ignoring case."""
        gold = {"dateline": GoldDateline("OTTAWA", "Reuters", 3)}
        right = {"dateline": Dateline("OTTAWA (Reuters) -", "Ottawa", "REUTERS")}
        wrong = {"dateline": Dateline("OTTAWA -", "OTTAWA", None)}
        assert score_meta(gold, right).datelines == Ratio(1, 1)
        assert score_meta(gold, wrong).datelines == Ratio(0, 1)

    def test_scored_only_where_one_exists(self) -> None:
        """Articles with no dateline on either side are not counted; a spurious one is."""
        assert score_meta({}, {}).datelines == Ratio(0, 0)
        spurious = {"dateline": Dateline("LONDON -", "LONDON")}
        assert score_meta({}, spurious).datelines == Ratio(0, 1)


GOLD_JSON: dict[str, Any] = {
    "source": "t.txt",
    "lines": 10,
    "_comment": "ignored",
    "articles": [
        {
            "start": 1,
            "end": 10,
            "title": "Title A",
            "authors": ["Jane Doe"],
            "date": {"relative": "2 hours ago"},
            "publisher": None,
            "dateline": {"location": "OTTAWA", "agency": None, "line": 2},
            "roles": {"1": "title", "2": "body"},
            "unlabeled": [3],
            "_provenance": {"repo": "x"},
        }
    ],
}


class TestLoadGold:
    def test_reads_devset_format(self, tmp_path: Path) -> None:
        """Every field is read; keys starting with '_' are ignored."""
        path = tmp_path / "t.json"
        path.write_text(json.dumps(GOLD_JSON), encoding="utf-8")
        gold = load_gold(path)
        article = gold.articles[0]
        assert (gold.source, gold.line_count) == ("t.txt", 10)
        assert (article.title, article.authors) == ("Title A", ("Jane Doe",))
        assert (article.date, article.relative_date) == (None, "2 hours ago")
        assert article.dateline == GoldDateline("OTTAWA", None, 2)
        assert article.roles == {1: T, 2: BODY}
        assert article.unlabeled == frozenset({3})

    def test_iso_date(self, tmp_path: Path) -> None:
        """A string date is kept as the ISO prefix."""
        data = json.loads(json.dumps(GOLD_JSON))
        data["articles"][0]["date"] = "2019-11-19T17:50"
        path = tmp_path / "t.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert load_gold(path).articles[0].date == "2019-11-19T17:50"

    @pytest.mark.parametrize(
        "content", ["{", '{"source": "x"}', '{"source": "x", "lines": 1, "articles": [{}]}']
    )
    def test_bad_file(self, tmp_path: Path, content: str) -> None:
        """Broken JSON or a missing field raises GoldError naming the file."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(GoldError, match=r"bad\.json"):
            load_gold(path)

    def test_unknown_role(self, tmp_path: Path) -> None:
        """A role name outside the label set is an error, not silently dropped."""
        data = json.loads(json.dumps(GOLD_JSON))
        data["articles"][0]["roles"]["1"] = "headline"
        path = tmp_path / "t.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(GoldError):
            load_gold(path)


class TestFormatTable:
    def test_rows_and_dashes(self) -> None:
        """One row per dump plus TOTAL; metrics with nothing to count print '-'."""
        scores = Scores(gold_articles=1, predicted_articles=2, roles=Ratio(1, 2))
        table = format_table(CorpusScores((("a.txt", scores),), scores), per_role=False)
        rows = table.splitlines()
        assert len(rows) == 3
        assert rows[1].startswith("a.txt")
        assert rows[2].startswith("TOTAL")
        assert "1/2" in rows[1]
        assert "0.500" in rows[1]
        assert rows[1].rstrip().endswith("-")


class TestMain:
    def test_missing_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing directory gives exit 2 and a one-line error, no traceback."""
        assert main([str(tmp_path / "nowhere")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "no such directory" in err

    def test_no_pairs(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Directories with no dump that has a gold file give exit 2."""
        (tmp_path / "dumps").mkdir()
        (tmp_path / "gold").mkdir()
        assert main([str(tmp_path)]) == 2
        assert "no dump" in capsys.readouterr().err

    def test_bad_gold(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken gold file gives exit 2 and an error naming it."""
        (tmp_path / "dumps").mkdir()
        (tmp_path / "gold").mkdir()
        (tmp_path / "dumps" / "x.txt").write_text("Storm hits\nBy Jane Doe\n", encoding="utf-8")
        (tmp_path / "gold" / "x.json").write_text("{", encoding="utf-8")
        assert main([str(tmp_path)]) == 2
        assert "x.json" in capsys.readouterr().err

    def test_scores_a_corpus(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--dumps and --gold score each dump with gold and print its row and TOTAL."""
        dumps, gold = tmp_path / "d", tmp_path / "g"
        dumps.mkdir()
        gold.mkdir()
        (dumps / "x.txt").write_text("Storm hits\nA storm hit the coast.", encoding="utf-8")
        (dumps / "no_gold.txt").write_text("Other", encoding="utf-8")
        article = {"start": 1, "end": 2, "title": "Storm hits", "authors": [], "date": None,
                   "publisher": None, "dateline": None, "roles": {"1": "title"}, "unlabeled": []}
        data = {"source": "x.txt", "lines": 2, "articles": [article]}
        (gold / "x.json").write_text(json.dumps(data), encoding="utf-8")
        assert main(["--dumps", str(dumps), "--gold", str(gold)]) == 0
        out = capsys.readouterr().out
        assert "x.txt" in out
        assert "TOTAL" in out
        assert "no_gold" not in out

    def test_model_option(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--model scores that model, not the shipped one.

        The shipped model saved again scores the same; one that starts no article merges
        each seed dump into one.
        """
        from newsdump._linemodel import default_model  # noqa: PLC0415

        same, merging = tmp_path / "same.json.gz", tmp_path / "merging.json.gz"
        default_model().save(same)
        default_model().with_start_bias(-1000).save(merging)
        seeds = Path(__file__).parent / "corpus" / "seeds"
        dumps = Path(__file__).parent.parent / "seeds"
        common = ["--dumps", str(dumps), "--gold", str(seeds / "gold"), "--no-roles"]
        tables = []
        for extra in ([], ["--model", str(same)], ["--model", str(merging)]):
            assert main([*common, *extra]) == 0
            tables.append(capsys.readouterr().out)
        assert tables[0] == tables[1]
        assert tables[2] != tables[0]
        assert all("/1 " in row for row in tables[2].splitlines()[1:-1])

    @pytest.mark.parametrize("content", [None, b"{}", b"not gzip"])
    def test_bad_model(self, tmp_path: Path, content: bytes | None,
                       capsys: pytest.CaptureFixture[str]) -> None:
        """A model file that is missing or not a model: exit 2 and one line naming it."""
        model = tmp_path / "m.json.gz"
        if content is not None:
            model.write_bytes(content)
        seeds = Path(__file__).parent / "corpus" / "seeds"
        dumps = Path(__file__).parent.parent / "seeds"
        assert main(["--dumps", str(dumps), "--gold", str(seeds / "gold"),
                     "--model", str(model)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "m.json.gz" in err
