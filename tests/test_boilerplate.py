"""Boilerplate cues: phrase tables, generic shapes, repeated and injected text."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from newsdump import Role, Rules, parse
from newsdump._boilerplate import BoilerKind, added_phrases, local_boilerplate, repeated_lines
from newsdump._cues import Kind, line_cues
from newsdump._features import line_features, patterns
from newsdump._related import mark_blocks

RULES = Rules()
SEED_002 = Path(__file__).resolve().parent.parent / "seeds" / "002_b6b760efa62198f3.txt"


def _verdict(text: str, rules: Rules = RULES) -> str | None:
    result = local_boilerplate(line_features(0, text), patterns(rules), rules)
    return result.reason if result is not None else None


class TestLocalBoilerplate:
    @pytest.mark.parametrize(
        "text",
        [
            "Advertisement",
            "Story continues below advertisement",
            "Read the original article on The Morning Ledger",
            "This article originally appeared on Harbor Weekly.",
            "Sign up for our free Morning Brief newsletter and get the news in your inbox.",
            "Like what you read? Please consider supporting our nonprofit newsroom today.",
            "Share this article",
            "Copyright 2023 Delta Broadcasting Inc. All rights reserved.",
            "City council approves new budget for parks Read more",
            "https://example.com/news/2023/11/08/story",
            "@metrodesk",
            "<div class=\"ad-slot\"></div>",
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
            "Service apply.",
            "We may earn a commission when you buy through links on our site.",
            "* * *",
        ],
    )
    def test_site_text_is_boilerplate(self, text: str) -> None:
        """Phrases many publishers print, links, markup and separators are boilerplate."""
        assert _verdict(text) is not None

    @pytest.mark.parametrize(
        "text",
        [
            "The company updated its privacy policy in May after regulators complained.",
            "Officials said the newsletter had been sent to 40,000 residents last spring.",
            "By the end of the year, the council expects to read more than 200 submissions.",
            "The mayor thanked volunteers who support the shelter every winter.",
            "WASHINGTON (AP) — Lawmakers returned on Monday to a crowded agenda.",
        ],
    )
    def test_prose_mentioning_site_words_is_not_boilerplate(self, text: str) -> None:
        """Body sentences that merely mention a boilerplate word stay content."""
        assert _verdict(text) is None

    def test_closing_phrase_is_flagged_as_closing(self) -> None:
        """Syndication lines close an article, which the segmenter relies on."""
        result = local_boilerplate(
            line_features(0, "Read the original article on Valley Post"),
            patterns(RULES),
            RULES,
        )
        assert result is not None
        assert result.closing

    def test_user_phrase_extends_the_table(self) -> None:
        """A publisher's own pitch, unknown to the defaults, is caught once added."""
        pitch = "Members keep the lights on at the Harbour Herald, thank you."
        assert _verdict(pitch) is None
        rules = RULES.extend(boilerplate_phrases=["keep the lights on at <publisher>"])
        assert _verdict(pitch, rules) is not None


#: A line of seed 002 holding a default phrase ("sign up FREE") that does not address
#: the reader, open with a verb, hold a link or stay within 8 words.
PITCH = "Be smart: sign up FREE for the most influential newsletter in America."


class TestWhenAPhraseDecides:
    def test_a_default_phrase_needs_more_than_the_phrase(self) -> None:
        """Prose uses many default phrases; alone they do not make a long line boilerplate."""
        assert _verdict(PITCH) is None
        assert _verdict("Sign up FREE for the most influential newsletter in America.")

    def test_a_users_phrase_decides_alone(self) -> None:
        """The issue's example: an added phrase marks the line whatever its shape."""
        rules = RULES.extend(
            boilerplate_phrases=["sign up FREE for the most influential newsletter"]
        )
        assert _verdict(PITCH, rules) == (
            "boilerplate phrase: sign up FREE for the most influential newsletter"
        )

    def test_a_users_phrase_decides_up_to_max_boilerplate_words(self) -> None:
        """Up to ``max_boilerplate_words`` words the phrase decides; past that, nothing."""
        rules = RULES.extend(boilerplate_phrases=["funded by its readers"])
        line = "The Harbour Gazette is funded by its readers" + " and friends" * 16 + "."
        words = line_features(0, line).words
        assert words == 40
        assert _verdict(line, rules) == "boilerplate phrase: funded by its readers"
        assert _verdict(line, attrs.evolve(rules, max_boilerplate_words=39)) is None

    def test_a_default_phrase_under_replace_keeps_its_condition(self) -> None:
        """Only entries that are not defaults count as the user's (case aside)."""
        rules = Rules(boilerplate_phrases=["Sign Up Free", "funded by its readers"])
        assert _verdict(PITCH, rules) is None
        assert _verdict("Our paper is funded by its readers like you, in every town.", rules)

    def test_a_users_closing_phrase_decides_on_a_long_line(self) -> None:
        """A default closing phrase needs a line of at most 20 words; a user's does not."""
        line = (
            "This report was brought to you by the newsroom of the Harbour Gazette, which "
            "covers the whole coast every day of the week."
        )
        assert line_features(0, line).words > 20
        assert _verdict(line) is None
        rules = RULES.extend(closing_phrases=["brought to you by the newsroom of <publisher>"])
        result = local_boilerplate(line_features(0, line), patterns(rules), rules)
        assert result is not None
        assert result.closing

    def test_added_phrases_are_the_non_defaults(self) -> None:
        """``added_phrases`` holds only what the user added."""
        rules = RULES.extend(boilerplate_phrases=["funded by its readers"])
        assert added_phrases(rules, "boilerplate_phrases").search("Funded by its readers.")
        assert added_phrases(RULES, "boilerplate_phrases").pattern is None

    def test_parse_applies_a_users_phrase(self) -> None:
        """End to end on seed 002: the issue's phrase makes its line boilerplate."""
        text = SEED_002.read_text(encoding="utf-8")
        rules = RULES.extend(
            boilerplate_phrases=["sign up FREE for the most influential newsletter"]
        )
        line = next(line for line in parse(text, rules=rules).lines if line.text == PITCH)
        assert line.role is Role.BOILERPLATE


class TestRepeatedLines:
    def test_adjacent_copies_keep_the_first(self) -> None:
        """A headline printed three times keeps its first copy; the others are marked."""
        title = "Regional airline cancels winter routes after fuel costs climb"
        feats = [line_features(i, t) for i, t in enumerate([title, title, title, "Body."])]
        marked = repeated_lines(feats, RULES)
        assert marked == {1: BoilerKind.COPY, 2: BoilerKind.COPY}

    def test_distant_copies_are_all_marked(self) -> None:
        """Text injected twice into an article (a tooltip) is boilerplate everywhere."""
        tip = (
            "(Glossary) A term used by the ministry for its programme of cheap rural "
            "housing loans since 2015."
        )
        texts = [tip, "First paragraph of the story.", "Second.", tip]
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        assert repeated_lines(feats, RULES) == {0: BoilerKind.INJECTED, 3: BoilerKind.INJECTED}

    def test_repeated_short_headline_is_not_injected_text(self) -> None:
        """A headline ending in an abbreviation, printed twice, is left to the header logic."""
        title = "Colder temperatures forecast for Wed. after cold wave alert Tues."
        texts = [title, "Nov. 7, 2023", title, "The body of the weather story follows here."]
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        assert repeated_lines(feats, RULES) == {}

    def test_short_distant_repeats_are_left_alone(self) -> None:
        """Short lines that recur ("Wales Online", "Photo") are judged elsewhere."""
        texts = ["Local News", "A paragraph of text here.", "Local News"]
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        assert repeated_lines(feats, RULES) == {}

    def test_repeats_beyond_the_window_are_ignored(self) -> None:
        """Recurrence only counts within ``repeat_window`` lines, keeping decisions local."""
        tip = "A glossary definition that a plugin injects into running text of articles."
        rules = Rules(repeat_window=2)
        texts = [tip, "One.", "Two.", "Three.", tip]
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        assert repeated_lines(feats, rules) == {}


class TestBoilerKind:
    """Cues say which boilerplate found from a line's place they are, as a kind, not text."""

    @staticmethod
    def _cues(texts: list[str]) -> list[tuple[Kind, BoilerKind | None]]:
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        cues = line_cues(feats, RULES, None)
        mark_blocks(cues)
        return [(c.kind, c.boiler) for c in cues]

    def test_copy_and_teasers(self) -> None:
        """An adjacent copy is COPY; the links under a related-links header are TEASER."""
        title = "Regional airline cancels winter routes after fuel costs climb"
        got = self._cues([title, title, "The airline said on Monday it would cut routes.",
                          "Most Read", "Council votes on new parking rules",
                          "Storm closes schools across the region"])
        assert got[0] == (Kind.HEADLINE, None)
        assert got[1] == (Kind.BOILERPLATE, BoilerKind.COPY)
        assert got[2][1] is None
        assert got[4:] == [(Kind.BOILERPLATE, BoilerKind.TEASER)] * 2

    def test_reason_is_the_kinds_text(self) -> None:
        """The reason users see is the kind's value, so the two never disagree."""
        feats = [line_features(i, t) for i, t in enumerate(["Same line here", "Same line here"])]
        cue = line_cues(feats, RULES, None)[1]
        assert cue.boiler is BoilerKind.COPY
        assert cue.reason == BoilerKind.COPY.value
