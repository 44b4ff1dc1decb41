"""Rules: tables as data, extensible without forking."""

from __future__ import annotations

import pytest

from newsdump import Rules
from newsdump._phrases import compile_phrases, normalize


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
        with pytest.raises(TypeError, match="single string"):
            Rules().extend(agencies="Reuters")

    def test_from_mapping_extends_and_replaces(self) -> None:
        """A rules file can extend tables and set thresholds."""
        rules = Rules.from_mapping(
            {"extend": {"agencies": ["Newsroom Wire"]}, "max_title_words": 20}
        )
        assert rules.agencies[-1] == "Newsroom Wire"
        assert rules.max_title_words == 20

    def test_from_mapping_rejects_unknown_keys(self) -> None:
        """Unknown keys in a rules file are reported by name."""
        with pytest.raises(ValueError, match="unknown rules keys: colour"):
            Rules.from_mapping({"colour": "red"})

    def test_rules_are_hashable_values(self) -> None:
        """Equal rules compare and hash equal, so compiled tables can be shared safely."""
        assert Rules() == Rules()
        assert hash(Rules().extend(agencies=["X"])) == hash(Rules().extend(agencies=["X"]))


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
