"""Tests for :func:`newsdump._byline.parse_byline`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._byline import parse_byline
from newsdump._model import Byline
from newsdump._phrases import normalize
from newsdump._rules import Rules


def _squash(text: str) -> str:
    return "".join(normalize(text).casefold().split())


class TestParseByline:
    @pytest.mark.parametrize(
        ("line", "authors"),
        [
            ("By Marta Okonkwo", ("Marta Okonkwo",)),
            ("BY Marta Okonkwo", ("Marta Okonkwo",)),
            ("by Marta Okonkwo", ("Marta Okonkwo",)),
            ("by: Marta Okonkwo", ("Marta Okonkwo",)),
            ("By: Marta Okonkwo", ("Marta Okonkwo",)),
            ("ByMarta Okonkwo", ("Marta Okonkwo",)),
            ("ByT.J. Varga", ("T.J. Varga",)),
            ("Written by Marta Okonkwo", ("Marta Okonkwo",)),
            ("Words by Marta Okonkwo", ("Marta Okonkwo",)),
            ("Story by Marta Okonkwo", ("Marta Okonkwo",)),
            ("Posted by Marta Okonkwo", ("Marta Okonkwo",)),
            ("By Dana Whitfield and Rohan Mehta", ("Dana Whitfield", "Rohan Mehta")),
            ("By Dana Whitfield & Rohan Mehta", ("Dana Whitfield", "Rohan Mehta")),
            (
                "By Dana Whitfield, Rohan Mehta and Ines Carvalho",
                ("Dana Whitfield", "Rohan Mehta", "Ines Carvalho"),
            ),
            (
                "By Dana Whitfield, Rohan Mehta, and Ines Carvalho",
                ("Dana Whitfield", "Rohan Mehta", "Ines Carvalho"),
            ),
            ("By Luis R. Fernandez Jr.", ("Luis R. Fernandez Jr.",)),
            ("By Carmen de la Vega", ("Carmen de la Vega",)),
            ("By Pieter van der Berg", ("Pieter van der Berg",)),
            ("By Sean O'Donnell", ("Sean O'Donnell",)),
            ("By Kara Lin-Whitaker", ("Kara Lin-Whitaker",)),
        ],
    )
    def test_cued_authors(self, line: str, authors: tuple[str, ...]) -> None:
        """Every byline cue, glued or not, yields the names after it and nothing else."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == authors
        assert byline.bare is False
        assert byline.agency is None

    @pytest.mark.parametrize(
        ("line", "authors"),
        [
            ("Byron Castellanos", ("Byron Castellanos",)),
            ("Abby Strathmore", ("Abby Strathmore",)),
            ("By Abby Strathmore", ("Abby Strathmore",)),
            ("By Byron Castellanos", ("Byron Castellanos",)),
            ("Nils Bylander", ("Nils Bylander",)),
            ("By May Thornton", ("May Thornton",)),
            ("By June Castillo", ("June Castillo",)),
        ],
    )
    def test_names_that_start_with_by_or_a_month(self, line: str, authors: tuple[str, ...]) -> None:
        """'By' is stripped only as a cue word, never from 'Byron'; months do not eat names."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == authors
        assert byline.date_text is None

    @pytest.mark.parametrize(
        ("line", "authors", "agency"),
        [
            ("By The Associated Press", (), "The Associated Press"),
            ("By Reuters", (), "Reuters"),
            ("By AFP", (), "AFP"),
            ("By The Canadian Press", (), "The Canadian Press"),
            ("Tomas Lindqvist | Reuters", ("Tomas Lindqvist",), "Reuters"),
            ("Tomas Lindqvist, Reuters", ("Tomas Lindqvist",), "Reuters"),
            ("Tomas Lindqvist, The Canadian Press", ("Tomas Lindqvist",), "The Canadian Press"),
            ("By Priya Raman, CNN", ("Priya Raman",), "CNN"),
            (
                "By Priya Raman, Hector Ruiz, 12 News KTLA",
                ("Priya Raman", "Hector Ruiz"),
                "12 News KTLA",
            ),
            ("By KEVIN MARSH AP Science Writer", ("Kevin Marsh",), "AP"),
            ("By Staff and agencies", (), "Staff and agencies"),
        ],
    )
    def test_agencies_are_never_authors(
        self, line: str, authors: tuple[str, ...], agency: str
    ) -> None:
        """News agencies go to .agency; only people go to .authors."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == authors
        assert byline.agency == agency

    @pytest.mark.parametrize(
        ("line", "authors", "publication"),
        [
            ("Helen Marsh For Daily Mail", ("Helen Marsh",), "Daily Mail"),
            ("Helen Marsh for The Washington Post", ("Helen Marsh",), "The Washington Post"),
            ("by Helen Marsh , Phys.org", ("Helen Marsh",), "Phys.org"),
            ("The Guardian 14/03/2021 Helen Marsh", ("Helen Marsh",), "The Guardian"),
            ("Written by Harbor Gazette on May 2, 2022", (), "Harbor Gazette"),
            ("KTVU Staff", (), "KTVU"),
        ],
    )
    def test_publications(self, line: str, authors: tuple[str, ...], publication: str) -> None:
        """Outlets named in a byline go to .publication, and an outlet alone credits no one."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == authors
        assert byline.publication == publication

    @pytest.mark.parametrize(
        ("line", "author", "job_title"),
        [
            ("Oliver Grant Diplomatic editor", "Oliver Grant", "Diplomatic editor"),
            ("Oliver Grant Middle East correspondent", "Oliver Grant", "Middle East correspondent"),
            (
                "Oliver Grant, Senior Political Correspondent",
                "Oliver Grant",
                "Senior Political Correspondent",
            ),
            ("Oliver Grant Political Editor", "Oliver Grant", "Political Editor"),
            ("By Oliver GrantStaff Writer", "Oliver Grant", "Staff Writer"),
        ],
    )
    def test_job_titles(self, line: str, author: str, job_title: str) -> None:
        """A trailing job title is split from the name, glued or not."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == (author,)
        assert byline.job_title == job_title
        assert byline.bare is False

    def test_job_title_alone(self) -> None:
        """A line that is only a job title is a byline line with no author."""
        assert parse_byline("Foreign Affairs Editor") == Byline(
            text="Foreign Affairs Editor", job_title="Foreign Affairs Editor"
        )

    def test_locations(self) -> None:
        """``Name in Place`` gives a location per author, joined in order."""
        byline = parse_byline("Nadia Haddad in Amman and Joel Park in Seoul")
        assert byline is not None
        assert byline.authors == ("Nadia Haddad", "Joel Park")
        assert byline.location == "Amman, Seoul"
        assert parse_byline("Nadia Haddad in Amman") == Byline(
            text="Nadia Haddad in Amman", authors=("Nadia Haddad",), location="Amman"
        )

    @pytest.mark.parametrize(
        ("line", "reading_time"),
        [
            ("Grace Liu·4 min read", "4 min read"),
            ("Grace Liu · 6 min read", "6 min read"),
            ("Grace Liu - 3 minute read", "3 minute read"),
        ],
    )
    def test_reading_time(self, line: str, reading_time: str) -> None:
        """A reading time is split off and makes the name an explicit byline."""
        byline = parse_byline(line)
        assert byline == Byline(
            text=line, authors=("Grace Liu",), reading_time=reading_time, bare=False
        )

    @pytest.mark.parametrize(
        ("line", "author", "date_text"),
        [
            ("By Tom Reyes, March 3, 2021 9:15 am", "Tom Reyes", "March 3, 2021 9:15 am"),
            ("Written by Tom Reyes on June 12, 2019", "Tom Reyes", "June 12, 2019"),
            ("By Tom Reyes 4 October 2022, 10:02 am Edit", "Tom Reyes", "4 October 2022, 10:02 am"),
            ("By Tom Reyes Last updated Feb 2, 2024", "Tom Reyes", "Feb 2, 2024"),
            ("Tom ReyesApril 30, 2024", "Tom Reyes", "April 30, 2024"),
        ],
    )
    def test_dates_are_not_names(self, line: str, author: str, date_text: str) -> None:
        """A date in the line goes to .date_text as printed, never into a name."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == (author,)
        assert byline.date_text == date_text
        assert byline.bare is False

    @pytest.mark.parametrize(
        ("line", "authors"),
        [
            ("Farah Siddiqui", ("Farah Siddiqui",)),
            ("Mei-Ling Zhou-Harrington", ("Mei-Ling Zhou-Harrington",)),
            ("Daniel K. Osei", ("Daniel K. Osei",)),
            ("Lena van Dijk", ("Lena van Dijk",)),
            ("Farah Siddiqui, Omar Haddad", ("Farah Siddiqui", "Omar Haddad")),
            ("Farah Siddiqui Photo", ("Farah Siddiqui",)),
        ],
    )
    def test_bare_names(self, line: str, authors: tuple[str, ...]) -> None:
        """A line that is only a person's name is a bare byline."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.authors == authors
        assert byline.bare is True

    def test_capitals_are_title_cased(self) -> None:
        """Names printed in capitals after a cue come back title-cased, prefixes intact."""
        byline = parse_byline("By RYAN MCALLISTER and DEIRDRE O'SHEA")
        assert byline is not None
        assert byline.authors == ("Ryan McAllister", "Deirdre O'Shea")

    @pytest.mark.parametrize(
        "line",
        [
            "By the end of the year, prices had doubled.",
            "By contrast, the suburbs grew quickly.",
            "By 2035 the port will handle twice the cargo.",
            "By Tuesday the floodwater had receded",
            "Email the author",
            "Follow @metrodesk",
            "By Helen Marsh: Five things to know about the budget",
            "By Helen Marsh https://example.com/helen",
            "Council Approves Budget Plan",
            "Governor Signs Water Bill",
            "CITY HALL UPDATE",
            "ROSA PARKS",
            "Contact us",
            "Times staff writer Ana Ruiz contributed to this report.",
            "Tyler Brooks/USA TODAY Sports",
            "Photo by Helen Marsh",
            "Flooding in Jakarta",
            "Retailer Liable for Faulty Scooters Sold by Partners Rules Court",
            "Related Coverage",
            "Madonna",
            "By",
            "",
            "Helen Marsh said the plan would fail and that the council had no money left for it",
        ],
    )
    def test_not_bylines(self, line: str) -> None:
        """Body sentences, headlines, teasers, contact prompts and credits are not bylines."""
        assert parse_byline(line) is None

    def test_max_words(self) -> None:
        """A line longer than rules.max_byline_words is refused."""
        line = "By Helen Marsh, Tom Reyes, Grace Liu and Omar Haddad"
        assert parse_byline(line) is not None
        assert parse_byline(line, rules=Rules(max_byline_words=5)) is None

    def test_not_names_table(self) -> None:
        """A word added to rules.not_names stops a name from being accepted."""
        assert parse_byline("Helen Marsh") is not None
        assert parse_byline("Helen Marsh", rules=Rules().extend(not_names=["Marsh"])) is None

    def test_text_is_kept(self) -> None:
        """``text`` is the line as given, stripped."""
        byline = parse_byline("  By Helen Marsh \n")
        assert byline is not None
        assert byline.text == "By Helen Marsh"

    @given(st.text(max_size=120))
    def test_never_raises_and_authors_come_from_the_input(self, text: str) -> None:
        """Any input parses without error; every author is printed in the input."""
        byline = parse_byline(text)
        if byline is not None:
            for author in byline.authors:
                assert author
                assert _squash(author) in _squash(text)

    @given(
        st.lists(
            st.sampled_from(
                [
                    "By",
                    "by",
                    "Jane",
                    "DOE",
                    "and",
                    ",",
                    "|",
                    "Reuters",
                    "in",
                    "Paris",
                    "O'Neil",
                    "Jr.",
                    "J.",
                    "editor",
                    "Staff",
                    "2 min read",
                    "May 3, 2021",
                    "for",
                    "The",
                ]
            ),
            max_size=10,
        )
    )
    def test_byline_vocabulary(self, words: list[str]) -> None:
        """Lines built from byline words never raise and keep authors to input text."""
        text = " ".join(words)
        byline = parse_byline(text)
        if byline is not None:
            assert all(_squash(a) in _squash(text) for a in byline.authors)
            assert "Reuters" not in byline.authors
