"""Tests for the date finder and the standalone date-line parser."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._dates import find_date, parse_date

NOW = datetime(2024, 3, 1, 12, 0)


class TestFindDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("By Maria Alvarez, Associated Press, March 3, 2022 6:15 pm", "March 3, 2022 6:15 pm"),
            ("Written by Tom Hale on October 12, 2018", "October 12, 2018"),
            ("By Lena Park 4 March 2021, 9:02 am Edit", "4 March 2021, 9:02 am"),
            ("By Omar Said Last updated Dec 1, 2022", "Dec 1, 2022"),
            ("Daily Courier 11/04/2019 Ben Ode", "11/04/2019"),
            ("Ruth OkaforJanuary 9, 2021", "January 9, 2021"),
            ("Kim Lee 5 hours ago", "5 hours ago"),
            ("Posted 2021-06-30T08:00:00Z by admin", "2021-06-30T08:00:00Z"),
        ],
    )
    def test_finds_the_date_inside_a_longer_string(self, text: str, expected: str) -> None:
        """The span covers the date and an adjacent time, nothing of the name around it."""
        span = find_date(text)
        assert span is not None
        assert text[span[0] : span[1]] == expected

    @pytest.mark.parametrize(
        "text",
        ["By April Rubin", "June Smith", "May Li", "By August Wilson and Grace Tan", ""],
    )
    def test_a_month_name_alone_is_no_date(self, text: str) -> None:
        """Names that are month names never count as dates."""
        assert find_date(text) is None


class TestParseDate:
    @pytest.mark.parametrize(
        ("text", "printed", "value", "zone"),
        [
            ("Wed, March 3, 2021, 4:20 PM", "Wed, March 3, 2021, 4:20 PM",
             datetime(2021, 3, 3, 16, 20), None),
            ("2020-05-17", "2020-05-17", date(2020, 5, 17), None),
            ("Friday 2 October 2020 08:45", "Friday 2 October 2020 08:45",
             datetime(2020, 10, 2, 8, 45), None),
            ("09 December 2019", "09 December 2019", date(2019, 12, 9), None),
            ("Mar. 4, 2021, at 7:05 AM", "Mar. 4, 2021, at 7:05 AM",
             datetime(2021, 3, 4, 7, 5), None),
            ("Sunday, April 2, 2023 11:58PM", "Sunday, April 2, 2023 11:58PM",
             datetime(2023, 4, 2, 23, 58), None),
            ("3 Sep 2021 12:10 am", "3 Sep 2021 12:10 am", datetime(2021, 9, 3, 0, 10), None),
            ("Published: 16 May 2022", "16 May 2022", date(2022, 5, 16), None),
            ("Last updated on Aug 30, 2019", "Aug 30, 2019", date(2019, 8, 30), None),
            ("Date: 7 July 2016", "7 July 2016", date(2016, 7, 7), None),
            ("First published on Tue 5 Jan 2021", "Tue 5 Jan 2021", date(2021, 1, 5), None),
            ("Dec 12, 2022 Edit", "Dec 12, 2022", date(2022, 12, 12), None),
            ("Jul 4th 2017", "Jul 4th 2017", date(2017, 7, 4), None),
            ("25/12/2020", "25/12/2020", date(2020, 12, 25), None),
            ("12/25/2020", "12/25/2020", date(2020, 12, 25), None),
            ("Created: 2022-01-09 10:11:12", "2022-01-09 10:11:12",
             datetime(2022, 1, 9, 10, 11, 12), None),
        ],
    )
    def test_absolute_dates(
        self, text: str, printed: str, value: date | datetime, zone: str | None
    ) -> None:
        """Labels are stripped from ``text``; a time gives a datetime, a full date a date."""
        parsed = parse_date(text)
        assert parsed is not None
        assert (parsed.text, parsed.value, parsed.relative, parsed.timezone) == (
            printed, value, False, zone
        )

    @pytest.mark.parametrize(
        ("text", "zone", "utc"),
        [
            ("Posted: Jun 2, 2022 / 09:15 AM EDT", "EDT", datetime(2022, 6, 2, 13, 15)),
            ("Updated: 6:40 PM CST Jan 3, 2023", "CST", datetime(2023, 1, 4, 0, 40)),
            ("2018-02-11T09:30:00Z", "Z", datetime(2018, 2, 11, 9, 30)),
            ("2018-02-11T09:30:00+02:00", "+02:00", datetime(2018, 2, 11, 7, 30)),
            ("Jan 10, 2022 3:00 p.m. ET", "ET", datetime(2022, 1, 10, 20, 0)),
            ("July 10, 2022 3:00 p.m. PT", "PT", datetime(2022, 7, 10, 22, 0)),
            ("14 May 2021 10:00 (GMT)", "GMT", datetime(2021, 5, 14, 10, 0)),
        ],
    )
    def test_zones_make_aware_datetimes(self, text: str, zone: str, utc: datetime) -> None:
        """A printed zone or offset is reported and makes the value aware."""
        parsed = parse_date(text)
        assert parsed is not None
        assert parsed.timezone == zone
        assert isinstance(parsed.value, datetime)
        assert parsed.value.astimezone(timezone.utc).replace(tzinfo=None) == utc

    @pytest.mark.parametrize(
        "text", ["Aug 2, 9:40 AM", "June 2021", "03/04/2021", "Updated 3:45 PM ET"]
    )
    def test_missing_or_ambiguous_fields_give_no_value(self, text: str) -> None:
        """No year, no day, or an ambiguous day/month keeps the text and resolves to None."""
        parsed = parse_date(text)
        assert parsed is not None
        assert parsed.value is None
        assert parsed.text in text

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("2 hours ago", datetime(2024, 3, 1, 10, 0)),
            ("an hour ago", datetime(2024, 3, 1, 11, 0)),
            ("5 mins ago", datetime(2024, 3, 1, 11, 55)),
            ("Updated 30 minutes ago", datetime(2024, 3, 1, 11, 30)),
            ("3 days ago", date(2024, 2, 27)),
            ("2 weeks ago", date(2024, 2, 16)),
            ("yesterday", date(2024, 2, 29)),
            ("Just now", NOW),
        ],
    )
    def test_relative_dates_resolve_against_now(
        self, text: str, value: date | datetime
    ) -> None:
        """Relative dates are flagged and resolved only against the given ``now``."""
        parsed = parse_date(text, now=NOW)
        assert parsed is not None
        assert parsed.relative
        assert parsed.value == value
        bare = parse_date(text)
        assert bare is not None
        assert bare.relative
        assert bare.value is None

    def test_the_clock_is_never_read(self) -> None:
        """Two different ``now`` values give two different results: nothing is implicit."""
        one = parse_date("4 hours ago", now=NOW)
        two = parse_date("4 hours ago", now=NOW + timedelta(days=400))
        assert one is not None
        assert two is not None
        assert one.value == NOW - timedelta(hours=4)
        assert two.value == NOW + timedelta(days=400, hours=-4)

    def test_the_first_of_two_dates_is_parsed(self) -> None:
        """``Published … Updated …`` lines give the first date."""
        parsed = parse_date("Published: 2 Mar 2021 CET. Updated: Wed 3 Mar 2021 10:00 CET")
        assert parsed is not None
        assert parsed.value == date(2021, 3, 2)

    @pytest.mark.parametrize(
        "text",
        [
            "By April Rubin",
            "May Li",
            "Police said the shooting happened on March 3, 2022.",
            "The Best Laptops for 2021",
            "Election 2020: what we know",
            "Science 371, 22-25 (2021)",
            "Staff Reporter | May 10, 2022",
            "Published",
            "",
            "13/13/2020 was not a date",
        ],
    )
    def test_non_date_lines(self, text: str) -> None:
        """Headlines, names and body text that mention a date are no date lines."""
        assert parse_date(text) is None

    def test_impossible_calendar_day_keeps_text(self) -> None:
        """February 30 is printed like a date but has no value."""
        parsed = parse_date("February 30, 2021")
        assert parsed is not None
        assert parsed.value is None


class TestRobustness:
    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Arbitrary text never makes the date functions raise."""
        find_date(text)
        parse_date(text, now=NOW)

