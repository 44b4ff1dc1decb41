"""Tests for the date finder and the standalone date-line parser."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._dates import find_date, parse_date
from newsdump._rules import Rules

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
            (
                "Wed, March 3, 2021, 4:20 PM",
                "Wed, March 3, 2021, 4:20 PM",
                datetime(2021, 3, 3, 16, 20),
                None,
            ),
            ("2020-05-17", "2020-05-17", date(2020, 5, 17), None),
            (
                "Friday 2 October 2020 08:45",
                "Friday 2 October 2020 08:45",
                datetime(2020, 10, 2, 8, 45),
                None,
            ),
            ("09 December 2019", "09 December 2019", date(2019, 12, 9), None),
            (
                "Mar. 4, 2021, at 7:05 AM",
                "Mar. 4, 2021, at 7:05 AM",
                datetime(2021, 3, 4, 7, 5),
                None,
            ),
            (
                "Sunday, April 2, 2023 11:58PM",
                "Sunday, April 2, 2023 11:58PM",
                datetime(2023, 4, 2, 23, 58),
                None,
            ),
            ("3 Sep 2021 12:10 am", "3 Sep 2021 12:10 am", datetime(2021, 9, 3, 0, 10), None),
            ("Published: 16 May 2022", "16 May 2022", date(2022, 5, 16), None),
            ("Last updated on Aug 30, 2019", "Aug 30, 2019", date(2019, 8, 30), None),
            ("Date: 7 July 2016", "7 July 2016", date(2016, 7, 7), None),
            ("First published on Tue 5 Jan 2021", "Tue 5 Jan 2021", date(2021, 1, 5), None),
            ("Dec 12, 2022 Edit", "Dec 12, 2022", date(2022, 12, 12), None),
            ("Jul 4th 2017", "Jul 4th 2017", date(2017, 7, 4), None),
            ("25/12/2020", "25/12/2020", date(2020, 12, 25), None),
            ("12/25/2020", "12/25/2020", date(2020, 12, 25), None),
            (
                "Created: 2022-01-09 10:11:12",
                "2022-01-09 10:11:12",
                datetime(2022, 1, 9, 10, 11, 12),
                None,
            ),
        ],
    )
    def test_absolute_dates(
        self, text: str, printed: str, value: date | datetime, zone: str | None
    ) -> None:
        """Labels are stripped from ``text``; a time gives a datetime, a full date a date."""
        parsed = parse_date(text)
        assert parsed is not None
        assert (parsed.text, parsed.value, parsed.relative, parsed.timezone) == (
            printed,
            value,
            False,
            zone,
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
    def test_relative_dates_resolve_against_now(self, text: str, value: date | datetime) -> None:
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

    def test_an_absolute_date_wins_over_a_relative_one(self) -> None:
        """``2 hours ago | March 3, 2017`` gives the printed date, not the relative one."""
        parsed = parse_date("4 hours ago | Updated April 2, 2016", now=NOW)
        assert parsed is not None
        assert (parsed.value, parsed.relative) == (date(2016, 4, 2), False)

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


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class TestNumericOffsets:
    @pytest.mark.parametrize(
        ("text", "expected", "zone"),
        [
            ("Mon, 17 Jun 2019 22:41:09 +0200", "2019-06-17T22:41:09+02:00", "+0200"),
            ("Sat, 2 Nov 2013 06:05:00 -0700", "2013-11-02T06:05:00-07:00", "-0700"),
            ("Wed, 29 Jan 2020 14:00:00 +0530", "2020-01-29T14:00:00+05:30", "+0530"),
            ("2021-11-08 16:45:12 +0100", "2021-11-08T16:45:12+01:00", "+0100"),
            ("2016-02-29 23:59:59 -0800", "2016-02-29T23:59:59-08:00", "-0800"),
            ("Published 2018-07-04 09:30 +0000", "2018-07-04T09:30:00+00:00", "+0000"),
            ("2022-03-15T08:12:44.512+0900", "2022-03-15T08:12:44+09:00", "+0900"),
            ("2020-08-01 12:00:00 -03:00", "2020-08-01T12:00:00-03:00", "-03:00"),
            ("Oct 12, 2017 18:20 GMT+3", "2017-10-12T18:20:00+03:00", "GMT+3"),
            ("Updated: Fri, 9 Apr 2021 07:03:11 -0400", "2021-04-09T07:03:11-04:00", "-0400"),
            ("10:15 UTC-05:00, March 8, 2020", "2020-03-08T10:15:00-05:00", "UTC-05:00"),
            ("Thu, 01 Dec 2011 10:00:00 GMT", "2011-12-01T10:00:00+00:00", "GMT"),
            (
                "Sun Apr 07 2019 18:30:00 GMT+0200 (Central European Summer Time)",
                "2019-04-07T18:30:00+02:00",
                "GMT+0200",
            ),
        ],
    )
    def test_offsets_make_aware_values(self, text: str, expected: str, zone: str) -> None:
        """RFC 2822 and ISO forms keep their numeric offset as the value's tzinfo."""
        parsed = parse_date(text)
        assert parsed is not None
        assert (_iso(parsed.value), parsed.timezone) == (expected, zone)

    @pytest.mark.parametrize(
        "text",
        ["+0200", "GMT-4", "Tue, 04 Mar -0500", "Call +44 20 7946 0018", "UTC+3 offices"],
    )
    def test_offsets_alone_are_no_date(self, text: str) -> None:
        """An offset or a weekday with an offset but no calendar date is no date line."""
        parsed = parse_date(text)
        assert parsed is None or parsed.value is None


class TestDayFirst:
    @pytest.mark.parametrize(
        ("text", "dayfirst", "monthfirst"),
        [
            ("3.9.2017", "2017-09-03", "2017-03-09"),
            ("Published: 05.06.2020", "2020-06-05", "2020-05-06"),
            ("01.10.2019, 08:15", "2019-10-01T08:15:00", "2019-01-10T08:15:00"),
            ("9.11.2018 | 17:40", "2018-11-09T17:40:00", "2018-09-11T17:40:00"),
            ("Updated 02.03.2016 at 6:05 pm", "2016-03-02T18:05:00", "2016-02-03T18:05:00"),
            ("Date: 6.1.2023", "2023-01-06", "2023-06-01"),
            ("4-5-2015", "2015-05-04", "2015-04-05"),
            ("11/12/2013 10:20", "2013-12-11T10:20:00", "2013-11-12T10:20:00"),
            ("Posted 10.04.2022", "2022-04-10", "2022-10-04"),
            ("07.02.09", None, None),
        ],
    )
    def test_ambiguous_dates_follow_the_setting(
        self, text: str, dayfirst: str | None, monthfirst: str | None
    ) -> None:
        """Both parts could be the month: ``Rules.dayfirst`` decides, ``None`` refuses."""
        default = parse_date(text)
        if dayfirst is None:
            assert default is None or default.value is None
            return
        assert default is not None
        assert default.value is None
        for setting, expected in ((True, dayfirst), (False, monthfirst)):
            parsed = parse_date(text, rules=Rules(dayfirst=setting))
            assert parsed is not None
            assert _iso(parsed.value) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("22.07.2021", "2021-07-22"),
            ("07.22.2021", "2021-07-22"),
            ("Posted on 08.08.2008", "2008-08-08"),
            ("31.12.1999 23:59", "1999-12-31T23:59:00"),
            ("2015.06.02 14:10", "2015-06-02T14:10:00"),
        ],
    )
    def test_unambiguous_dates_need_no_setting(self, text: str, expected: str) -> None:
        """A part over 12, equal parts or a year first decide the order whatever the setting."""
        for setting in (None, True, False):
            parsed = parse_date(text, rules=Rules(dayfirst=setting))
            assert parsed is not None
            assert _iso(parsed.value) == expected

    @pytest.mark.parametrize(
        "text",
        ["30.02.2019", "Release 2.4.2019 notes", "Version 3.9.2", "1.5.2", "Room 4.12"],
    )
    def test_impossible_or_embedded_numbers(self, text: str) -> None:
        """An impossible day has no value; version numbers and labels are no date lines."""
        parsed = parse_date(text, rules=Rules(dayfirst=True))
        assert parsed is None or parsed.value is None

    def test_the_setting_is_validated(self) -> None:
        """``dayfirst`` takes True, False or None only."""
        with pytest.raises(ValueError, match="dayfirst"):
            Rules(dayfirst="dmy")  # type: ignore[arg-type]


class TestTimeWordsAndSeparators:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("March 9, 2019 at noon", "2019-03-09T12:00:00"),
            ("Oct. 31, 2018 at midnight ET", "2018-10-31T00:00:00-04:00"),
            ("Saturday, 14 July 2012 at midday", "2012-07-14T12:00:00"),
            ("7 May 2013 12 noon", "2013-05-07T12:00:00"),
            ("23 Nov 2016 17h45", "2016-11-23T17:45:00"),
            ("Sun Jan 05 08:30:00 2014", "2014-01-05T08:30:00"),
            ("Wed Feb 10 23:01:45 PST 2016", "2016-02-10T23:01:45-08:00"),
            ("Mon | Dec 3 | 2018", "2018-12-03"),
            ("[Oct] 19, 2011.", "2011-10-19"),
            ("April 18, 2017: 6:40 PM ET", "2017-04-18T18:40:00-04:00"),
            ("Tue • 8 Mar • 2022", "2022-03-08"),
            ("09-Feb-2019 | 11:20 AM", "2019-02-09T11:20:00"),
            ("Jun 2 2015 - 4:15pm", "2015-06-02T16:15:00"),
            ("Last modified on Sat 9 Sep 2017 22.00 BST", "2017-09-09T22:00:00+01:00"),
            ("4 Feb 2013 at 12:00 midnight", "2013-02-04T00:00:00"),
            ("Sat 16 Mar 2019 // 21:05", "2019-03-16T21:05:00"),
            ("Mar 16, 2019 -- 9:05 pm", "2019-03-16T21:05:00"),
            ("16:40 hrs IST, 2 Oct 2018", "2018-10-02T16:40:00"),
            ("Sat Jun 14 07:05:09 BRT 2014", "2014-06-14T07:05:09"),
            ("20140614T070509", "2014-06-14T07:05:09"),
            ("20140614T0705Z", "2014-06-14T07:05:00+00:00"),
        ],
    )
    def test_times_and_separators(self, text: str, expected: str) -> None:
        """Time words, ``10h05``, ctime order and ``|``/``:``/``•`` separators keep the time."""
        parsed = parse_date(text)
        assert parsed is not None
        assert _iso(parsed.value) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "Noon Wilson",
            "Midnight Oil tour dates",
            "noon",
            "Lunch at noon on the lawn",
            "Meet me at 10h",
            "Thu Aug 06 12:00:00",
            "Mon | Dec | 2018",
            "[Oct] stories",
            "20140614",
            "ID 20140614T99",
        ],
    )
    def test_lookalikes_are_no_dates(self, text: str) -> None:
        """Time words as names, and separators with no full date, resolve to nothing."""
        parsed = parse_date(text)
        assert parsed is None or parsed.value is None


class TestRelativeForms:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Today at 7:45 AM", "2024-03-01T07:45:00"),
            ("today", "2024-03-01"),
            ("Updated: Today", "2024-03-01"),
            ("Yesterday, 9:10 pm", "2024-02-29T21:10:00"),
            ("the day before yesterday", "2024-02-28"),
            ("about 3 hours ago", "2024-03-01T09:00:00"),
            ("3y ago", "2021-03-01"),
            ("5d ago", "2024-02-25"),
            ("2 days ago at 10 AM", "2024-02-28T10:00:00"),
            ("less than a minute ago", "2024-03-01T11:59:00"),
            ("1 hour, 20 minutes ago", "2024-03-01T10:40:00"),
            ("half an hour ago", "2024-03-01T11:30:00"),
            ("a few seconds ago", "2024-03-01T12:00:00"),
            ("Updated 45m ago", "2024-03-01T11:15:00"),
            ("over a year ago", "2023-03-01"),
            ("3 months ago", "2023-12-01"),
            ("2 hrs. ago", "2024-03-01T10:00:00"),
            ("Tonight at 9 pm ET", "2024-03-01T21:00:00-05:00"),
            ("tomorrow at 9 am", "2024-03-02T09:00:00"),
            ("the day after tomorrow", "2024-03-03"),
            ("in 2 days", "2024-03-03"),
            ("in about two hours", "2024-03-01T14:00:00"),
            ("3 hours from now", "2024-03-01T15:00:00"),
            ("fifteen minutes ago", "2024-03-01T11:45:00"),
        ],
    )
    def test_resolved_against_now(self, text: str, expected: str) -> None:
        """With ``now`` the value is computed; without it the text is kept, value None."""
        parsed = parse_date(text, now=NOW)
        assert parsed is not None
        assert parsed.relative
        assert _iso(parsed.value) == expected
        bare = parse_date(text)
        assert bare is not None
        assert (bare.relative, bare.value) == (True, None)
        assert bare.text == parsed.text

    def test_aware_now_gives_aware_values(self) -> None:
        """A time printed after a day word takes ``now``'s tzinfo."""
        now = NOW.replace(tzinfo=timezone.utc)
        parsed = parse_date("yesterday 1:20 pm", now=now)
        assert parsed is not None
        assert parsed.value == datetime(2024, 2, 29, 13, 20, tzinfo=timezone.utc)

    def test_vague_counts_stay_unresolved(self) -> None:
        """``a few hours ago`` is relative but has no value even against ``now``."""
        parsed = parse_date("a few hours ago", now=NOW)
        assert parsed is not None
        assert (parsed.relative, parsed.value) == (True, None)

    @pytest.mark.parametrize(
        "text",
        [
            "Today in Focus",
            "Yesterday's heroes return",
            "2 hours of jazz",
            "An hour ago the river rose past the bridge.",
            "Just now, the mayor said",
            "Today's paper",
            "USA Today",
            "Tonight Show host",
            "Last week",
            "Order by 2 PM today for delivery",
            "Top 10 stories today",
            "ago",
            "May 2 years ago",
            "Join us in 5 minutes",
            "Today",
            "TODAY",
            "Tonight",
            "Tomorrow",
            "This Morning",
            "Tonight News",
            "In 2 Minutes",
            "today.",
            "in three days.",
            "in 2019",
            "in May",
            "Tomorrow's World",
        ],
    )
    def test_relative_words_in_other_text(self, text: str) -> None:
        """Relative words inside titles, names and sentences make no date line."""
        assert parse_date(text, now=NOW) is None

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("By Nia Holt, USA Today", None),
            ("By Nia Holt today at 4:05 pm", "today at 4:05 pm"),
            ("Nia Holt yesterday", "yesterday"),
            ("Nia Holt 3d ago", "3d ago"),
        ],
    )
    def test_find_date_and_day_words(self, text: str, expected: str | None) -> None:
        """``find_date`` takes a capitalised day word only with a time (outlet names)."""
        span = find_date(text)
        assert (text[span[0] : span[1]] if span else None) == expected


class TestRobustness:
    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Arbitrary text never makes the date functions raise."""
        find_date(text)
        parse_date(text, now=NOW)
