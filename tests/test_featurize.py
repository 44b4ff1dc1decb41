"""Model attributes of lines: shape, cues, context, all within a bounded reach."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdump import _featurize
from newsdump._featurize import REACH
from newsdump._parse import analyse
from newsdump._rules import Rules

RULES = Rules()
SEED_TEXT = next(iter(sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")))).read_text(
    encoding="utf-8"
)


def _attrs(text: str) -> list[tuple[str, ...]]:
    return analyse(text, RULES, None)[2]


class TestShape:
    def test_cue_kind_and_neighbours(self) -> None:
        """A byline under a headline says so, and so does the line below it."""
        attrs = _attrs("Storm hits the coast\nBy Jane Doe\nA storm hit the coast on Monday, "
                       "officials said, and it was bad.\n")
        assert "k=byline" in attrs[1]
        assert "-1:k=headline" in attrs[1]
        assert "-1:k=byline" in attrs[2]
        assert "term" in attrs[2]

    def test_markdown_marks_are_read_from_the_raw_line(self) -> None:
        """A Markdown heading and a Markdown link are attributes of their lines."""
        attrs = _attrs("# Storm hits the coast\n* [Share on Facebook](https://x.example/s)\n")
        assert "md-h1" in attrs[0]
        assert "md-link" in attrs[1]

    def test_first_and_last_word_only_on_short_lines(self) -> None:
        """Short lines carry their first and last word; prose does not."""
        prose = " ".join(["word"] * 30) + "."
        attrs = _attrs(f"Advertisement\n{prose}\n")
        assert "fw=advertisement" in attrs[0]
        assert not any(a.startswith("fw=") for a in attrs[1])


class TestContext:
    def test_blank_lines_before_and_after(self) -> None:
        """The gap attributes count the blank lines above and below."""
        attrs = _attrs("One line here\n\n\nAnother line here\n")
        assert "gap=0" in attrs[0]
        assert "gap+1=2" in attrs[0]
        assert "gap=2" in attrs[1]

    def test_repeated_text_is_seen_on_both_copies(self) -> None:
        """A line whose text recurs nearby is marked on the first and the later copy."""
        attrs = _attrs("Storm hits coast\nSome text in between.\nStorm hits coast\n")
        assert "seen-after" in attrs[0]
        assert "seen-before" in attrs[2]

    def test_cohesion_compares_the_text_above_and_below(self) -> None:
        """Shared vocabulary across a gap reads high; a change of topic reads zero."""
        same = ("The harbour storm flooded harbour streets overnight.\n" * 2
                + "Harbour streets flooded again as the storm returned.\n")
        other = ("The harbour storm flooded harbour streets overnight.\n" * 2
                 + "Quarterly earnings beat analysts' forecasts in technology.\n")
        assert "coh=hi" in _attrs(same)[2]
        assert "coh=0" in _attrs(other)[2]

    def test_cohesion_valley_at_a_change_of_topic(self) -> None:
        """Where the vocabulary changes, cohesion dips between two cohesive runs: deep."""
        text = ("The harbour storm flooded harbour streets overnight near the old pier.\n"
                "Harbour streets flooded again as the storm returned to the pier.\n"
                "Storm waters reached the harbour pier and the streets behind it.\n"
                "Quarterly earnings beat analysts' forecasts in technology shares today.\n"
                "Technology shares rose after quarterly earnings beat forecasts again.\n"
                "Analysts expect technology earnings to beat forecasts next quarter too.\n")
        attrs = _attrs(text)
        assert "coh=0|d=hi" in attrs[3]
        assert not any(a.startswith("coh-d=") for a in attrs[1])  # nothing above to rise to
        assert "coh-d=hi" not in attrs[4]

    def test_near_cohesion_sees_a_short_change_the_wide_window_averages_away(self) -> None:
        """A short aside breaks the three lines around its edge, not the wide windows."""
        storm = "The harbour storm flooded harbour streets overnight near the old pier.\n"
        aside = "Quarterly earnings beat analysts' forecasts in technology shares today.\n"
        attrs = _attrs(storm * 5 + aside * 3 + storm * 6)
        assert "coh3=0" in attrs[5]
        assert "coh=0" not in attrs[5]
        assert "coh3=hi" in attrs[2]

    def test_echo_of_a_headline_and_of_a_related_link(self) -> None:
        """A headline's words come back below it; a related link's do not."""
        text = ("Harbour storm floods coastal streets\n"
                "The storm flooded the harbour streets overnight, officials said.\n"
                "Quarterly earnings beat forecasts in technology\n"
                "Football club appoints a new manager\n"
                "Residents of the harbour cleared the streets on Monday morning.\n")
        attrs = _attrs(text)
        assert "echo=hi|0" in attrs[0]
        assert "echo=0|0" in attrs[2]
        assert "echo=hi|hi" in attrs[1]

    def test_attributes_depend_on_a_bounded_neighbourhood(self) -> None:
        """Changing lines farther than REACH away leaves a line's attributes alone."""
        filler = [f"Line number {k} of a long article, with words." for k in range(3 * REACH)]
        text = "\n".join(filler) + "\n"
        changed = list(filler)
        changed[0] = "By Somebody Else"
        changed[-1] = "Advertisement"
        middle = len(filler) // 2
        assert _attrs(text)[middle] == _attrs("\n".join(changed) + "\n")[middle]


class TestAttributeLists:
    def test_no_attribute_twice_on_a_line(self) -> None:
        """Every attribute appears at most once per line (reasons rely on it)."""
        text = "\n".join(
            (SEED_TEXT, "# Title\n* [Share](http://x.y/z)\nBy Jane Doe\n\nthe the the.\n" * 3)
        )
        _, _, attributes = analyse(text, Rules(), None)
        assert attributes
        assert all(len(set(a)) == len(a) for a in attributes)

    def test_repeated_lines_share_their_strings(self) -> None:
        """Copies of a line in the same context get equal (and interned) attributes."""
        _, _, attributes = analyse("word\n" * 60, Rules(), None)
        middle = attributes[25:35]  # more than 21 short lines above and below each
        assert all(a == middle[0] for a in middle)
        assert all(x is y for x, y in zip(middle[0], middle[1], strict=True))

    def test_repeated_lines_share_one_tuple(self) -> None:
        """Lines whose attributes agree hold the same tuple (later stages work per tuple)."""
        _, _, attributes = analyse("word\n" * 60, Rules(), None)
        assert all(a is attributes[25] for a in attributes[25:35])

    def test_a_full_cache_starts_afresh_with_the_same_attributes(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Clearing the per-combination caches on every line changes no attribute."""
        text = "\n".join((SEED_TEXT, "By Jane Doe\nword\n" * 30))
        whole = _attrs(text)
        monkeypatch.setattr(_featurize, "_MAX_MADE", 0)
        assert _attrs(text) == whole
