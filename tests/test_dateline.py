"""Tests for :func:`newsdump._dateline.parse_dateline`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._dateline import parse_dateline
from newsdump._model import Dateline
from newsdump._rules import Rules


class TestParseDateline:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "OSLO (Reuters) – Norway said.",
                ("OSLO (Reuters)", "OSLO", "Reuters", None, "Norway"),
            ),
            ("DENVER — The council met.", ("DENVER", "DENVER", None, None, "The council")),
            (
                "DENVER (AP) — The council met.",
                ("DENVER (AP)", "DENVER", "AP", None, "The council"),
            ),
            (
                "MUMBAI: The court ruled on Monday that the port may reopen.",
                ("MUMBAI", "MUMBAI", None, None, "The court"),
            ),
            (
                "ROME/BERLIN (AFP) - Talks stalled.",
                ("ROME/BERLIN (AFP)", "ROME/BERLIN", "AFP", None, "Talks"),
            ),
            (
                "SANTA FE, New Mexico (AP) — A fire spread.",
                ("SANTA FE, New Mexico (AP)", "SANTA FE, New Mexico", "AP", None, "A fire"),
            ),
            (
                "NORTH LAUDERDALE-LAKES, FLA. (WSVN) - Police said.",
                (
                    "NORTH LAUDERDALE-LAKES, FLA. (WSVN)",
                    "NORTH LAUDERDALE-LAKES, FLA.",
                    "WSVN",
                    None,
                    "Police",
                ),
            ),
            (
                "SHANGHAI, Oct. 9 (Xinhua) -- Exports rose.",
                ("SHANGHAI, Oct. 9 (Xinhua)", "SHANGHAI", "Xinhua", "Oct. 9", "Exports"),
            ),
            (
                "HAMBURG (dpa) - The port reopened.",
                ("HAMBURG (dpa)", "HAMBURG", "dpa", None, "The port"),
            ),
            (
                "KHAN YOUNIS, Gaza Strip — Families waited.",
                ("KHAN YOUNIS, Gaza Strip", "KHAN YOUNIS, Gaza Strip", None, None, "Families"),
            ),
            (
                "ODESA, Ukraine (AP) — Sirens sounded.",
                ("ODESA, Ukraine (AP)", "ODESA, Ukraine", "AP", None, "Sirens"),
            ),
            (
                "CHICAGO, May 14 (Reuters) - Grain prices fell.",
                ("CHICAGO, May 14 (Reuters)", "CHICAGO", "Reuters", "May 14", "Grain"),
            ),
            (
                "LIVERPOOL (ENGLAND), Jan. 4, 2021 -- The club said.",
                (
                    "LIVERPOOL (ENGLAND), Jan. 4, 2021",
                    "LIVERPOOL (ENGLAND)",
                    None,
                    "Jan. 4, 2021",
                    "The club",
                ),
            ),
            (
                "OSAKA (Kyodo) -- Rail services resumed.",
                ("OSAKA (Kyodo)", "OSAKA", "Kyodo", None, "Rail"),
            ),
            ("ST. PAUL (KARE) — Snow fell.", ("ST. PAUL (KARE)", "ST. PAUL", "KARE", None, "Snow")),
            ("DETROIT—Car sales slowed.", ("DETROIT", "DETROIT", None, None, "Car")),
            (
                "Madrid (AFP) - Protesters marched.",
                ("Madrid (AFP)", "Madrid", "AFP", None, "Protesters"),
            ),
            (
                "ACCRA (Anadolu) — “We are ready,” he said.",
                ("ACCRA (Anadolu)", "ACCRA", "Anadolu", None, "“We"),
            ),
        ],
    )
    def test_datelines(self, text: str, expected: tuple[str | None, ...]) -> None:
        """Each dateline shape yields its parts and the offset where the body starts."""
        dateline, location, agency, date_text, body = expected
        found = parse_dateline(text)
        assert found is not None
        assert (found.text, found.location, found.agency, found.date_text) == (
            dateline,
            location,
            agency,
            date_text,
        )
        assert text[found.end :].startswith(body or "")

    def test_agency_only(self) -> None:
        """``(CNN) —`` has no place: location is empty and the agency is kept."""
        assert parse_dateline("(CNN) — A judge ruled on Friday.") == Dateline(
            text="(CNN)", location="", agency="CNN", end=8
        )

    def test_publisher_only(self) -> None:
        """A known outlet before the dash is the agency, with no location."""
        assert parse_dateline("Sky News – The minister resigned.") == Dateline(
            text="Sky News", location="", agency="Sky News", end=11
        )

    def test_unknown_title_case_outlet(self) -> None:
        """A title-case name before a dash is not a dateline unless the rules know it."""
        text = "Harbor Ledger Online – The mayor resigned."
        assert parse_dateline(text) is None
        rules = Rules().extend(publishers=["Harbor Ledger Online"])
        found = parse_dateline(text, rules=rules)
        assert found is not None
        assert found.agency == "Harbor Ledger Online"

    def test_leading_spaces(self) -> None:
        """Indentation before the dateline is skipped; ``end`` counts it."""
        text = "   LIMA (AP) — Peru voted."
        found = parse_dateline(text)
        assert found is not None
        assert found.text == "LIMA (AP)"
        assert text[found.end :] == "Peru voted."

    @pytest.mark.parametrize(
        "text",
        [
            "The U.S. — and its allies — disagreed.",
            "NATO said on Monday it would send troops.",
            "COVID-19 cases rose: officials blamed the holidays.",
            "UPDATE: The road has reopened.",
            "WATCH: Footage of the rescue.",
            "EXCLUSIVE: Documents show the plan.",
            "BREAKING: A quake struck.",
            "BREAKING NEWS — A quake struck.",
            "EDITOR'S NOTE: This story contains graphic details.",
            "Denver — The council met.",
            "Officials said — without evidence — that it worked.",
            "UNICEF — the children's agency — said.",
            "He said: The plan is dead.",
            "NEW YORK is a big city.",
            "OK — Fine.",
            "DENVER (Some random words here) — The council met.",
            "Denver (Local Paper) — The council met.",
            "",
            "   ",
            "— A dash first.",
            "BRISTOL, ENGLAND - APRIL 12: Fans queue outside the stadium.",
            "ATHENS – SUMMER NIGHTS TOUR",
            "SLEEP: How to rest better",
            "SAFETY AND YOU: What to do in a flood when the river rises quickly.",
            "DEPUTY MAYOR: What does the plan change for the harbour district here?",
            "PUBLISHED: March 2, 2024 at 9:10 a.m.",
        ],
    )
    def test_not_datelines(self, text: str) -> None:
        """Sentences, labels and title-case places without an agency are not datelines."""
        assert parse_dateline(text) is None

    def test_labels_table(self) -> None:
        """A word added to rules.dateline_labels is no longer read as a place."""
        text = "SPOTLIGHT — The exhibit opened."
        assert parse_dateline(text) is not None
        assert parse_dateline(text, rules=Rules().extend(dateline_labels=["SPOTLIGHT"])) is None

    @given(st.text(max_size=120))
    def test_never_raises(self, text: str) -> None:
        """Any input parses without error, and ``end`` lies inside the text."""
        found = parse_dateline(text)
        if found is not None:
            assert 0 < found.end <= len(text)
            assert found.text in text
            assert found.location in text

