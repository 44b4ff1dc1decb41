"""Tests for the end-credit and author-bio parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._credits import parse_credit
from newsdump._rules import Rules

RULES = Rules()


class TestParseCredit:
    @pytest.mark.parametrize(
        ("text", "reporters", "editors"),
        [
            ("(Reporting by Ana Ruiz; Editing by Tom Hale and Kim Park)",
             ("Ana Ruiz",), ("Tom Hale", "Kim Park")),
            ("(Reporting by Marie Dupont in Paris and Hans Berg in Berlin; Writing by Lee Wong;"
             " Editing by Sara Kim)",
             ("Marie Dupont", "Hans Berg", "Lee Wong"), ("Sara Kim",)),
            ("Additional reporting by Ravi Shah; Editing by Ed Stone, Joy Abe and Li Na",
             ("Ravi Shah",), ("Ed Stone", "Joy Abe", "Li Na")),
            ("Reporting by Bo Chen; editing by Ann Lee", ("Bo Chen",), ("Ann Lee",)),
            ("(Reporting by Yuki Sato in Tokyo; Editing by Ian Geoghegan)",
             ("Yuki Sato",), ("Ian Geoghegan",)),
            ("Writing by Omar Fahmy; Editing by Peter Graff", ("Omar Fahmy",), ("Peter Graff",)),
        ],
    )
    def test_reporting_credits(
        self, text: str, reporters: tuple[str, ...], editors: tuple[str, ...]
    ) -> None:
        """Reporting and writing names go to reporters, editing names to editors."""
        credit = parse_credit(text, rules=RULES)
        assert credit is not None
        assert (credit.kind, credit.reporters, credit.editors) == ("reporting", reporters, editors)

    @pytest.mark.parametrize(
        ("text", "contributors"),
        [
            ("Times staff writer Maria Lopez contributed to this report.", ("Maria Lopez",)),
            ("Dan Cole and Priya Nair contributed reporting.", ("Dan Cole", "Priya Nair")),
            ("The Associated Press contributed to this report.", ()),
            ("Olena Petrenko in Kyiv contributed to this report", ("Olena Petrenko",)),
            ("Staff writers Ann Lee and Bo Chen contributed to this report.",
             ("Ann Lee", "Bo Chen")),
            ("Xinhua contributed to this story.", ()),
            ("— Jane Doe", ("Jane Doe",)),
            ("—With assistance from Ann Lee and Bo Chen.", ("Ann Lee", "Bo Chen")),
            ("Contributing: Mia Tran, USA TODAY", ("Mia Tran",)),
        ],
    )
    def test_contributor_credits(self, text: str, contributors: tuple[str, ...]) -> None:
        """Contributors are people; an agency credit is kept with no people."""
        credit = parse_credit(text, rules=RULES)
        assert credit is not None
        assert (credit.kind, credit.contributors) == ("contributor", contributors)

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Jane Roe is the Liberal Democrat MP for Bath", "Jane Roe"),
            ("Sam Lee writes about energy policy for the paper.", "Sam Lee"),
            ("Ana Ortiz is a reporter covering housing for WNYC. Got a tip? Email her.",
             "Ana Ortiz"),
            ("Karim El Sayed is a senior fellow at a Cairo think tank.", "Karim El Sayed"),
            ("Mei Ling Wu covers technology for the station.", "Mei Ling Wu"),
            ("Dr. Ruth Okafor is a lecturer in law at the University of Leeds.",
             "Dr. Ruth Okafor"),
        ],
    )
    def test_bios(self, text: str, name: str) -> None:
        """A bio names its author at the start."""
        credit = parse_credit(text, rules=RULES)
        assert credit is not None
        assert (credit.kind, credit.contributors) == ("bio", (name,))

    @pytest.mark.parametrize(
        "text",
        [
            "Biden is the president of the country.",
            "The company is a leader in chips.",
            "John Smith was arrested on Monday.",
            "Joe Biden is the president of the United States.",
            "This Week is a podcast about politics.",
            "Reporting by the police suggests otherwise.",
            "— Seth Green (@sethgreen) January 7, 2020",
            "Officials contributed to this report, the spokesman said, without elaborating"
            " on who they were.",
            "He covers the Senate.",
            "",
            "Editing",
        ],
    )
    def test_not_credits(self, text: str) -> None:
        """Body sentences about people, headlines and tweets are no credits."""
        assert parse_credit(text, rules=RULES) is None

    def test_default_rules(self) -> None:
        """Rules are optional."""
        credit = parse_credit("(Reporting by Ana Ruiz)")
        assert credit is not None
        assert credit.reporters == ("Ana Ruiz",)


class TestRobustness:
    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Arbitrary text never makes parse_credit raise."""
        parse_credit(text, rules=RULES)

