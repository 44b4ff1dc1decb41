"""Rules: tables as data, extensible without forking."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from newsdump import (
    Rules,
    RulesError,
    parse,
    parse_byline,
    parse_caption,
    parse_credit,
    parse_date,
    parse_dateline,
)
from newsdump.__main__ import main
from newsdump._boilerplate import local_boilerplate
from newsdump._captions import caption_cue
from newsdump._cues import Kind
from newsdump._features import line_features, patterns
from newsdump._parse import analyse
from newsdump._phrases import compile_phrases, normalize
from newsdump._rules import _check_table


class TestRules:
    def test_extend_appends_and_keeps_defaults(self) -> None:
        """``extend`` returns a copy with the new entries after the defaults."""
        base = Rules()
        rules = base.extend(boilerplate_phrases=["Get our free app"])
        assert rules.boilerplate_phrases[-1] == "Get our free app"
        assert rules.boilerplate_phrases[:-1] == base.boilerplate_phrases
        assert "Get our free app" not in base.boilerplate_phrases

    def test_extend_rejects_unknown_table(self) -> None:
        """A misspelt table name is an error, not a silent no-op."""
        with pytest.raises(ValueError, match="no table named 'boilerplate_phrase'"):
            Rules().extend(boilerplate_phrase=["x"])

    def test_extend_rejects_a_bare_string(self) -> None:
        """A string is not taken as a sequence of one-character phrases."""
        with pytest.raises(RulesError, match=r"^agencies: 'Reuters' is a single string"):
            Rules().extend(agencies="Reuters")

    @pytest.mark.parametrize("values", [[None], [""], ["  "], [3], 5, None])
    def test_extend_rejects_entries_that_are_not_strings(self, values: Any) -> None:
        """Every added entry must be a non-empty string."""
        with pytest.raises(RulesError, match=r"^boilerplate_phrases: .*allowed: a list"):
            Rules().extend(boilerplate_phrases=values)

    def test_extend_rejects_a_setting(self) -> None:
        """A setting is not a table to append to."""
        with pytest.raises(RulesError, match="max_title_words is a setting"):
            Rules().extend(max_title_words=["1"])

    def test_from_mapping_extends_and_replaces(self) -> None:
        """A rules file can extend tables and set thresholds."""
        rules = Rules.from_mapping(
            {"extend": {"agencies": ["Newsroom Wire"]}, "max_title_words": 20}
        )
        assert rules.agencies[-1] == "Newsroom Wire"
        assert rules.max_title_words == 20

    def test_from_mapping_replace_then_extend(self) -> None:
        """[replace] drops the defaults; [extend] of the same table adds after it."""
        rules = Rules.from_mapping(
            {
                "replace": {"agencies": ["Wire A"], "max_byline_words": 9},
                "extend": {"agencies": ["Wire B"]},
            }
        )
        assert rules.agencies == ("Wire A", "Wire B")
        assert rules.max_byline_words == 9

    def test_from_mapping_rejects_unknown_keys(self) -> None:
        """Unknown keys in a rules file are reported by name."""
        with pytest.raises(ValueError, match="unknown rules keys: colour"):
            Rules.from_mapping({"colour": "red"})

    def test_from_mapping_suggests_the_key_meant(self) -> None:
        """A misspelt key names the closest real one."""
        with pytest.raises(RulesError, match=r"did you mean boilerplate_phrases\?"):
            Rules.from_mapping({"extend": {"boilerplate_phrase": ["x"]}})

    def test_a_table_at_the_top_level_is_an_error(self) -> None:
        """A bare top-level table would silently drop every default: say what to write."""
        with pytest.raises(RulesError, match=r"^boilerplate_phrases: .*\[extend\].*\[replace\]"):
            Rules.from_mapping({"boilerplate_phrases": ["Get our app"]})

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"extend": ["x"]}, "extend: ['x'] is not a table"),
            ({"replace": "x"}, "replace: 'x' is not a table"),
            ({"extend": {"max_title_words": 3}}, "extend: max_title_words is a setting"),
            ({"extend": {"extend": []}}, "unknown rules keys: extend"),
            ({"replace": {"agencies": "AP"}}, "agencies: 'AP' is a single string"),
            ({"replace": {"agencies": None}}, "agencies: None is not a list"),
            (
                {"max_title_words": 3, "replace": {"max_title_words": 4}},
                "max_title_words: given both",
            ),
            (["max_title_words"], "rules: ['max_title_words'] is not a table"),
        ],
    )
    def test_from_mapping_rejects_malformed_sections(self, data: object, message: str) -> None:
        """Sections that are not tables, settings under [extend], a key given twice."""
        with pytest.raises(RulesError, match=f"^{re.escape(message)}"):
            Rules.from_mapping(data)  # type: ignore[arg-type]

    def test_rules_are_hashable_values(self) -> None:
        """Equal rules compare and hash equal, so compiled tables can be shared safely."""
        assert Rules() == Rules()
        assert hash(Rules().extend(agencies=["X"])) == hash(Rules().extend(agencies=["X"]))


def _make(name: str, value: object) -> Rules:
    kwargs: dict[str, Any] = {name: value}
    return Rules(**kwargs)


def _is_table(field: attrs.Attribute[Any]) -> bool:
    return str(field.type) == "tuple[str, ...]"


#: Values that no field accepts: a nested table, NaN, a list of lists.
_NEVER_VALID = [{"a": 1}, float("nan"), [[1]]]


class TestValidation:
    def test_every_field_has_a_validator(self) -> None:
        """A field added to Rules without a validator fails here, not in a user's run."""
        missing = [f.name for f in attrs.fields(Rules) if f.validator is None]
        assert missing == []

    @pytest.mark.parametrize("name", [f.name for f in attrs.fields(Rules)])
    @pytest.mark.parametrize("value", _NEVER_VALID, ids=repr)
    def test_every_field_rejects_nonsense_in_one_line(self, name: str, value: object) -> None:
        """Each field rejects values of the wrong kind with one line naming the key."""
        with pytest.raises(RulesError) as info:
            _make(name, value)
        message = str(info.value)
        assert "\n" not in message
        assert message.startswith(f"{name}: ")
        assert "; allowed: " in message

    @pytest.mark.parametrize(
        "name", [f.name for f in attrs.fields(Rules) if f.default is not None]
    )
    def test_null_is_rejected_unless_it_is_the_default(self, name: str) -> None:
        """JSON ``null`` is no value for a field whose default is not ``None``."""
        with pytest.raises(RulesError, match=f"^{name}: None "):
            _make(name, None)

    @pytest.mark.parametrize("name", [f.name for f in attrs.fields(Rules) if _is_table(f)])
    def test_tables_take_lists_and_keep_defaults_valid(self, name: str) -> None:
        """Every table takes a list (stored as a tuple) and its defaults pass validation."""
        assert _make(name, ["an entry"]) == _make(name, ("an entry",))
        default = getattr(Rules(), name)
        assert default, f"{name} has no default entries"
        # Rules() skips checking a default table (it is made on hot paths); check it here.
        _check_table(name, default)
        assert _make(name, list(default)) == Rules()

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            (
                {"context_lines": "high"},
                "context_lines: 'high' is not a whole number; allowed: a whole number from 1 up",
            ),
            (
                {"context_lines": -5},
                "context_lines: -5 is less than 1; allowed: a whole number from 1 up",
            ),
            ({"repeat_window": -0.1}, "repeat_window: -0.1 is not a whole number"),
            ({"min_repeat_chars": math.inf}, "min_repeat_chars: inf is not a whole number"),
            ({"max_byline_words": True}, "max_byline_words: True is not a whole number"),
            (
                {"dayfirst": "yes"},
                "dayfirst: 'yes' is not allowed; allowed: true, false or null (None)",
            ),
            (
                {"max_boilerplate_words": -3},
                "max_boilerplate_words: -3 is less than 0; allowed: a whole number from 0 up",
            ),
            ({"max_boilerplate_words": "x"}, "max_boilerplate_words: 'x' is not a whole number"),
            ({"max_title_words": 2.5}, "max_title_words: 2.5 is not a whole number"),
            ({"max_title_words": False}, "max_title_words: False is not a whole number"),
            ({"context_lines": 0}, "context_lines: 0 is less than 1"),
            (
                {"agencies": "Reuters"},
                "agencies: 'Reuters' is a single string, not a list; "
                'allowed: a list of non-empty strings, such as ["Reuters"]',
            ),
            ({"agencies": ["AP", None]}, "agencies: None (entry 2) is not a string"),
            ({"agencies": ["AP", ""]}, "agencies: '' (entry 2) is empty"),
            ({"publishers": {"The Times": 1}}, "publishers: {'The Times': 1} is not a list"),
        ],
    )
    def test_bad_values_name_key_value_and_what_is_allowed(
        self, kwargs: dict[str, Any], message: str
    ) -> None:
        """The message names the key, the value as given and what is allowed."""
        with pytest.raises(RulesError, match=f"^{re.escape(message)}"):
            Rules(**kwargs)

    def test_from_mapping_validates_values(self) -> None:
        """Values from a rules file are checked when the rules are made."""
        with pytest.raises(RulesError, match=r"^max_title_words: None is not a whole number"):
            Rules.from_mapping({"max_title_words": None})
        with pytest.raises(RulesError, match=r"^max_boilerplate_words: -3 is less than 0"):
            Rules.from_mapping({"replace": {"max_boilerplate_words": -3}})

    def test_rules_error_is_a_value_error(self) -> None:
        """Callers that catch ValueError keep working."""
        assert issubclass(RulesError, ValueError)

    def test_zero_turns_a_count_off_without_breaking_parse(self) -> None:
        """Counts from 0 are accepted and parse still runs."""
        rules = attrs.evolve(
            Rules(), max_title_words=0, max_boilerplate_words=0, repeat_window=0
        )
        assert parse("Storm hits coast\nA storm hit the coast on Monday.\n", rules=rules)


def _boilerplate(text: str) -> Callable[[Rules], object]:
    def observe(rules: Rules) -> object:
        verdict = local_boilerplate(line_features(0, text), patterns(rules), rules)
        return None if verdict is None else (verdict.reason, verdict.closing)

    return observe


_LONG_CLOSING = (
    "This report was brought to you by the newsroom of the Harbour Gazette, which covers "
    "the whole coast every day of the week."
)

#: For every table: an entry to add, what to observe and what it is once the entry is
#: added (it must differ with the defaults). A new table needs a case here.
TABLE_CASES: dict[str, tuple[str, Callable[[Rules], object], object]] = {
    "boilerplate_lines": (
        "Tap to see the gallery",
        _boilerplate("Tap to see the gallery"),
        ("boilerplate line", False),
    ),
    "boilerplate_phrases": (
        "sign up FREE for the most influential newsletter",
        _boilerplate("Be smart: sign up FREE for the most influential newsletter in America."),
        ("boilerplate phrase: sign up FREE for the most influential newsletter", False),
    ),
    "closing_phrases": (
        "brought to you by the newsroom of <publisher>",
        _boilerplate(_LONG_CLOSING),
        ("closing phrase: brought to you by the newsroom of the Harbour Gazette", True),
    ),
    "related_markers": (
        "Elsewhere on the coast",
        _boilerplate("Elsewhere on the coast"),
        ("related-links header", False),
    ),
    "appeal_openers": (
        "Before you scroll on",
        _boilerplate("Before you scroll on, a word from our editor."),
        ("appeal opener: Before you scroll on", False),
    ),
    "agencies": (
        "Newsroom Wire",
        lambda r: (b := parse_byline("By Newsroom Wire", rules=r)) and b.agency,
        "Newsroom Wire",
    ),
    "publishers": (
        "Harbour Gazette",
        lambda r: (b := parse_byline("Jane Doe, Harbour Gazette", rules=r)) and b.publication,
        "Harbour Gazette",
    ),
    "photo_credit_markers": (
        "Fotografía:",
        lambda r: parse_caption("Boats in the harbour. Fotografía: Juan Pérez", rules=r).credit,
        "Juan Pérez",
    ),
    "caption_openers": (
        "IN PICTURES:",
        lambda r: parse_caption("IN PICTURES: Boats in the harbour", rules=r).description,
        "Boats in the harbour",
    ),
    "job_titles": (
        "Chief beekeeper",
        lambda r: (b := parse_byline("By Jane Doe, Chief beekeeper", rules=r)) and b.job_title,
        "Chief beekeeper",
    ),
    "credit_roles": (
        "Sound design by",
        lambda r: (c := parse_credit("Sound design by Jane Doe and John Roe.", rules=r))
        and c.contributors,
        ("Jane Doe", "John Roe"),
    ),
    "not_names": (
        "Newsdesk",
        lambda r: (b := parse_byline("By Jane Newsdesk", rules=r)) and b.authors,
        None,
    ),
    "date_labels": (
        "Zuletzt aktualisiert",
        lambda r: (d := parse_date("Zuletzt aktualisiert: 3 March 2021", rules=r)) and d.value,
        dt.date(2021, 3, 3),
    ),
    "bio_roles": (
        "beekeeper",
        lambda r: (c := parse_credit("Jane Doe is a beekeeper at the Harbour Trust.", rules=r))
        and c.kind,
        "bio",
    ),
    "publication_words": (
        "Wavecrest",
        lambda r: (b := parse_byline("By Mary Wavecrest", rules=r)) and b.publication,
        "Mary Wavecrest",
    ),
    "dateline_labels": (
        "HEADS UP",
        lambda r: (d := parse_dateline("HEADS UP — The minister resigned.", rules=r))
        and d.location,
        None,
    ),
    "byline_cues": (
        "Reportage by",
        lambda r: (b := parse_byline("Reportage by Jane Doe", rules=r)) and b.authors,
        ("Jane Doe",),
    ),
    "byline_affiliations": (
        "on assignment for",
        lambda r: (b := parse_byline("By Ana Ruiz, On assignment for the Ledger", rules=r))
        and b.publication,
        "the Ledger",
    ),
}


class TestEveryTableDoesSomething:
    def test_every_table_has_a_case(self) -> None:
        """A table without a case here could be a table that nothing reads."""
        tables = {f.name for f in attrs.fields(Rules) if _is_table(f)}
        assert sorted(tables - set(TABLE_CASES)) == []

    @pytest.mark.parametrize("table", sorted(TABLE_CASES))
    def test_adding_an_entry_changes_the_result(self, table: str) -> None:
        """An entry a user adds changes what the function reading the table returns."""
        if table not in attrs.fields_dict(Rules):
            pytest.skip(f"{table} is not a Rules table in this tree")
        entry, observe, expected = TABLE_CASES[table]
        assert observe(Rules()) != expected
        assert observe(Rules().extend(**{table: [entry]})) == expected

    def test_a_photo_source_marker_makes_a_trailing_credit(self) -> None:
        """Markers without a colon name a source (``Pexels``) wherever captions print one."""
        caption = "Boats in the harbour. Pexels"
        assert parse_caption(caption).credit is None
        rules = Rules().extend(photo_credit_markers=["Pexels"])
        assert parse_caption(caption, rules=rules).credit == "Pexels"
        assert caption_cue(caption, rules) == "photo credit"

    def test_parse_reads_a_users_date_label(self) -> None:
        """A date line under the user's own label gives the article its date."""
        text = (
            "Storm hits coast\nBy Jane Doe\nZuletzt aktualisiert: 3 March 2021\n"
            "A storm hit the coast on Monday, flooding streets in the old town.\n"
            "Fishermen kept their boats in the harbour as waves rose above the wall.\n"
        )
        rules = Rules().extend(date_labels=["Zuletzt aktualisiert"])
        assert parse(text, rules=rules).articles[0].published == dt.date(2021, 3, 3)

    @pytest.mark.parametrize(
        ("marker", "caption"),
        [
            ("Pexels", "Boats in the harbour. Pexels"),
            ("Fotografía:", "Boats in the harbour. Fotografía: Juan Pérez"),
        ],
    )
    def test_parse_reads_a_users_photo_credit_marker(self, marker: str, caption: str) -> None:
        """A user's credit marker reaches the line's cue through parse(): a caption cue.

        The role itself is the learned model's decision, so this checks what the model
        is given: the cue kind and the ``k=caption`` attribute of the caption line.
        """
        text = (
            f"Storm hits coast\nBy Jane Doe\n{caption}\n"
            "A storm hit the coast on Monday, flooding streets in the old town.\n"
            "Fishermen kept their boats in the harbour as waves rose above the wall.\n"
        )

        def observe(rules: Rules) -> tuple[Kind, tuple[str, ...]]:
            _lines, cues, attributes = analyse(text, rules, None)
            (i,) = [i for i, cue in enumerate(cues) if cue.features.text == caption]
            return cues[i].kind, attributes[i]

        kind, attributes = observe(Rules())
        assert kind is not Kind.CAPTION
        assert "k=caption" not in attributes
        kind, attributes = observe(Rules().extend(photo_credit_markers=[marker]))
        assert kind is Kind.CAPTION
        assert "k=caption" in attributes

    def test_parse_reads_the_rules_for_a_bylines_date(self) -> None:
        """The date printed in a byline is read under the user's rules (here dayfirst)."""
        text = (
            "Storm hits coast\nBy Jane Doe, 03/04/2021\n"
            "A storm hit the coast on Monday, flooding streets in the old town.\n"
            "Fishermen kept their boats in the harbour as waves rose above the wall.\n"
        )
        article = parse(text, rules=attrs.evolve(Rules(), dayfirst=True)).articles[0]
        assert article.published_text == "03/04/2021"
        assert article.published == dt.date(2021, 4, 3)


_ROOT = Path(__file__).resolve().parent.parent
_SEEDS = [str(_ROOT / "seeds" / name) for name in ("000_5dbf9c5340639723.txt",
                                                  "002_b6b760efa62198f3.txt")]


def _rules_file(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


class TestRulesFile:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            (
                "high.toml",
                'context_lines = "high"\n',
                "context_lines: 'high' is not a whole number; allowed: a whole number from 1 up",
            ),
            ("null.json", '{"max_title_words": null}', "max_title_words: None is not"),
            ("x.toml", 'max_boilerplate_words = "x"\n', "max_boilerplate_words: 'x' is not"),
            ("zero.toml", "context_lines = 0\n", "context_lines: 0 is less than 1"),
            # Removed settings (the learned line model reads neither) are unknown keys now.
            ("old.toml", "cohesion_threshold = 0.05\n", "unknown rules keys: cohesion_threshold"),
            ("neg.toml", "max_boilerplate_words = -3\n", "max_boilerplate_words: -3 is less"),
            ("bool.json", '{"max_title_words": true}', "max_title_words: True is not a whole"),
            ("str.toml", '[extend]\nagencies = "AP"\n', "agencies: 'AP' is a single string"),
            (
                "top.toml",
                'boilerplate_phrases = ["sign up FREE"]\n',
                "boilerplate_phrases: a table at the top level would replace all its "
                "defaults; put it under [extend] to add entries or under [replace]",
            ),
        ],
    )
    @pytest.mark.parametrize("command", ["parse", "show"])
    def test_a_bad_value_stops_before_any_input_is_read(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        command: str,
        name: str,
        content: str,
        message: str,
    ) -> None:
        """One line naming the file, key, value and what is allowed; exit 2; no output."""
        rules = _rules_file(tmp_path, name, content)
        assert main([command, "--rules", rules, *_SEEDS]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"newsdump: error: {rules}: {message}")
        assert captured.err.count("\n") == 1

    def test_the_rules_error_comes_before_a_missing_input(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A bad rules file is reported even when an input does not exist."""
        rules = _rules_file(tmp_path, "bad.toml", 'context_lines = "high"\n')
        missing = str(tmp_path / "absent.txt")
        assert main(["parse", "--rules", rules, missing]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"newsdump: error: {rules}: context_lines: 'high'")
        assert "absent.txt" not in err

    def test_no_output_file_is_written(self, tmp_path: Path) -> None:
        """A multi-file run with bad rules leaves no output file behind."""
        rules = _rules_file(tmp_path, "bad.json", '{"max_boilerplate_words": null}')
        out = tmp_path / "out.jsonl"
        assert main(["parse", "--rules", rules, "-o", str(out), *_SEEDS]) == 2
        assert not out.exists()

    def test_replace_and_extend_from_a_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """[replace] swaps a table; [extend] adds the issue's phrase, which then applies."""
        rules = _rules_file(
            tmp_path,
            "rules.toml",
            "max_byline_words = 14\n"
            '[replace]\nmax_title_words = 25\n'
            '[extend]\nboilerplate_phrases = '
            '["sign up FREE for the most influential newsletter"]\n',
        )
        assert main(["parse", "--include-lines", "--rules", rules, _SEEDS[1]]) == 0
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        roles = {
            line["text"]: line["role"] for record in records for line in record["lines"]
        }
        pitch = "Be smart: sign up FREE for the most influential newsletter in America."
        assert roles[pitch] == "boilerplate"


class TestPhrases:
    def test_publisher_slot_captures_the_name(self) -> None:
        """``<publisher>`` matches a capitalised name and captures it."""
        pattern = compile_phrases(["Read the original article on <publisher>"])
        assert pattern is not None
        match = pattern.search("Read the original article on The Daily Courier")
        assert match is not None
        assert match.group("publisher") == "The Daily Courier"

    def test_matching_ignores_case_and_apostrophe_style(self) -> None:
        """Phrases match in any case and with straight or curly apostrophes."""
        pattern = compile_phrases(["Visit <publisher>'s homepage for more stories"])
        assert pattern is not None
        match = pattern.search("VISIT Metro Times’s HOMEPAGE for more stories.")
        assert match is not None
        assert match.group("publisher") == "Metro Times"

    def test_whole_line_pattern_needs_the_whole_line(self) -> None:
        """A whole-line phrase does not match a longer line that merely starts with it."""
        pattern = compile_phrases(["Advertisement"], whole_line=True)
        assert pattern is not None
        assert pattern.match("Advertisement")
        assert pattern.match("ADVERTISEMENT:")
        assert not pattern.match("Advertisements for the event ran all week.")

    def test_phrases_match_at_word_boundaries(self) -> None:
        """A phrase inside a longer word does not match."""
        pattern = compile_phrases(["support us"])
        assert pattern is not None
        assert pattern.search("please support us today")
        assert not pattern.search("nonsupport usage")

    def test_empty_table_compiles_to_none(self) -> None:
        """No phrases, no pattern."""
        assert compile_phrases([]) is None

    def test_normalize_drops_invisible_characters(self) -> None:
        """Zero-width characters, a BOM and runs of white space are normalised away."""
        assert normalize("\ufeff By\u200b  Jane\tDoe ") == "By Jane Doe"
