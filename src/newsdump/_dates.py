"""Find and parse printed dates: ``Tue, February 9, 2021, 11:07 AM``, ``2 hours ago``.

Every date is isolated by this module's own patterns and its fields are read from the
match, so nothing is ever guessed: a date without a year or a day resolves to ``None``
(the printed text is kept), and a relative date resolves only against an explicit
``now``; the current clock is never read.

Numeric dates ``a/b/yyyy`` are read day-first when ``a`` is over 12, month-first when
``b`` is over 12, and left unresolved (``value=None``) when both could be a month and
differ, since the same form means different dates in the US and elsewhere. Two-digit
years are 20yy below 70 and 19yy otherwise.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta, tzinfo

import regex
from dateutil import tz as dateutil_tz
from dateutil.relativedelta import relativedelta

from newsdump import _tables
from newsdump._model import ParsedDate
from newsdump._phrases import normalize
from newsdump._rules import Rules

__all__ = ["find_date", "parse_date"]

_MONTHS = (
    "Jan(?:uary)?",
    "Feb(?:ruary)?",
    "Mar(?:ch)?",
    "Apr(?:il)?",
    "May",
    "June?",
    "July?",
    "Aug(?:ust)?",
    "Sep(?:t(?:ember)?)?",
    "Oct(?:ober)?",
    "Nov(?:ember)?",
    "Dec(?:ember)?",
)
_WEEKDAYS = (
    "Mon(?:day)?",
    "Tue(?:s(?:day)?)?",
    "Wed(?:nesday)?",
    "Thu(?:r(?:s(?:day)?)?)?",
    "Fri(?:day)?",
    "Sat(?:urday)?",
    "Sun(?:day)?",
)
_MONTH_NUMBER = {name[:3].lower(): number for number, name in enumerate(_MONTHS, 1)}


_MONTH = "(?:" + "|".join(f"{m}|{m.upper()}" for m in _MONTHS) + r")(?!\p{Ll})\.?"
_WEEKDAY = "(?:" + "|".join(f"{w}|{w.upper()}" for w in _WEEKDAYS) + r")(?!\p{Ll})\.?,?\s{0,2}"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\p{Ll})"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
_START = r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
_ZONES = "|".join(sorted((z for z in _tables.TIMEZONES if z != "Z"), key=len, reverse=True))
_ZONE = rf"(?:(?:{_ZONES})(?![\p{{L}}\p{{N}}])|\((?:{_ZONES})\))"
_AMPM = r"[AaPp]\.?\s?[Mm](?:\.|(?!\p{Ll}))"
_SEP = r",?\s{0,3}(?:[|/·•@–—-]\s{0,3})?(?:at\s{1,3})?"


def _time(tag: str) -> str:
    """Build the pattern of a time of day and its zone; group names end in ``tag``."""
    clock = (
        rf"(?P<h{tag}>[01]?\d|2[0-3])"
        rf"(?:[:.](?P<m{tag}>[0-5]\d)(?::(?P<s{tag}>[0-5]\d)(?:\.\d{{1,6}})?)?"
        rf"(?:\s?(?P<ap{tag}>{_AMPM}))?"
        rf"|\s?(?P<ap{tag}>{_AMPM})"
        rf"|(?P<m{tag}>[0-5]\d)(?=\s?(?:{_ZONES})(?!\p{{L}})))"
    )
    return rf"(?<![\d:]){clock}(?:\s{{0,2}}(?P<z{tag}>{_ZONE}))?"


_LOCAL = rf"(?:\s{{0,2}}\(\d{{1,2}}:?\d\d\s?(?:{_ZONES})\))?"
_DATE = (
    rf"(?:(?P<y>{_YEAR})[-/](?P<mo>0?[1-9]|1[0-2])[-/](?P<d>{_NUM})(?!\d)"
    r"(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d{1,6})?)?"
    r"(?P<off>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?"
    rf"|(?P<n1>{_NUM})/(?P<n2>{_NUM})/(?P<ny>{_YEAR}|\d\d(?!\d))"
    rf"|(?P<n1>{_NUM})[.-](?P<n2>{_NUM})[.-](?P<ny>{_YEAR})"
    rf"|(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s{{0,2}}(?P<d>{_DAY})(?:,?\s{{0,2}}(?P<y>{_YEAR}))?"
    rf"|(?:{_WEEKDAY})?(?P<d>{_DAY})\s{{0,2}}(?:of\s)?(?P<mon>{_MONTH})"
    rf"(?:,?\s{{0,2}}(?P<y>{_YEAR}))?"
    rf"|(?P<mon>{_MONTH})\s{{0,2}},?\s{{0,2}}(?P<y>{_YEAR}))"
)
_DATETIME = regex.compile(
    rf"{_START}(?:{_time('p')}{_LOCAL}{_SEP})?{_DATE}(?:{_SEP}{_time('')})?",
    regex.VERSION1,
)
_TIME_ONLY = regex.compile(_time(""), regex.VERSION1)
_RELATIVE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:"
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s)?few)"
    r"\s?(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?"
    r"|years?|yrs?|[smhdw])\s{1,2}ago"
    r"|(?P<word>yesterday|just\snow|moments?\sago|a\smoment\sago))(?![\p{L}\p{N}])",
    regex.IGNORECASE | regex.VERSION1,
)
_FILLER = regex.compile(rf"[\s|·•,;:.()/–—-]++|(?:{_ZONE})", regex.VERSION1)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_MAX_DATE_LINE = 160


def find_date(text: str) -> tuple[int, int] | None:
    """Return the ``(start, end)`` span of the first date or time expression in ``text``.

    A date needs a day or a year next to a month name, a numeric date, or a relative
    expression (``2 hours ago``); a month name alone (``By April Rubin``) never counts.
    A time printed right before or after the date belongs to the span.
    """
    found = [m.span() for m in (_DATETIME.search(text), _RELATIVE.search(text)) if m]
    return min(found) if found else None


def parse_date(
    text: str, *, now: datetime | None = None, rules: Rules | None = None
) -> ParsedDate | None:
    """Parse a standalone date line, or return ``None`` when ``text`` is not one.

    The line may hold only dates, times, zones, separators and the labels of
    ``rules.date_labels`` (``Published:``, ``Updated``, trailing ``Edit``); anything
    else (a headline, body text, a name) makes it no date line. When the line holds
    several dates (``Published … | Updated …``) the first one is parsed. ``text`` of the
    result is the date as printed without its labels; ``value`` is a datetime when a time
    is printed (aware when a known zone or offset is), a date for a full date, and
    ``None`` when the year or day is missing or a relative date has no ``now``.
    """
    line = normalize(text)
    if not line or len(line) > _MAX_DATE_LINE:
        return None
    labels = _label_pattern((rules or Rules()).date_labels)
    first: regex.Match[str] | None = None
    relative: regex.Match[str] | None = None
    clock: regex.Match[str] | None = None
    saw_label = False
    pos = 0
    while pos < len(line):
        if (m := _DATETIME.match(line, pos)) or (m := _RELATIVE.match(line, pos)):
            if first is None and relative is None:
                first, relative = (m, None) if m.re is _DATETIME else (None, m)
        elif m := _TIME_ONLY.match(line, pos):
            clock = clock or m
        elif m := labels.match(line, pos):
            saw_label = True
        elif not (m := _FILLER.match(line, pos)) or m.end() == pos:
            return None
        pos = max(m.end(), pos + 1)
    if first is not None:
        return _absolute(first)
    if relative is not None:
        return _relative(relative, now)
    if clock is not None and (saw_label or clock.group("ap") or clock.group("z")):
        return ParsedDate(text=clock.group(), timezone=_zone_text(clock.group("z")))
    return None


@functools.lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    words = [r"\s+".join(regex.escape(w) for w in label.split()) for label in labels if label]
    body = "|".join(sorted(words, key=len, reverse=True)) or r"(?!)"
    return regex.compile(rf"(?:{body})(?!\p{{Ll}}):?", regex.IGNORECASE | regex.VERSION1)


def _zone_text(zone: str | None) -> str | None:
    return zone.strip("()") if zone else None


def _absolute(match: regex.Match[str]) -> ParsedDate:
    printed = match.group().rstrip(" ,|/·•@–—-")
    day = _calendar_day(match)
    zone = _zone_text(match.group("z") or match.group("zp")) or match.group("off")
    value: datetime | date | None = day
    if day is not None:
        hour, minute, second, ok = _clock(match)
        if not ok:
            value = None
        elif hour is not None:
            value = datetime(day.year, day.month, day.day, hour, minute, second)
            info = _tzinfo(zone)
            if info is not None:
                value = value.replace(tzinfo=info)
    return ParsedDate(text=printed, value=value, timezone=zone)


def _calendar_day(match: regex.Match[str]) -> date | None:
    if match.group("n1"):
        return _numeric_day(match.group("n1"), match.group("n2"), match.group("ny"))
    year, day = match.group("y"), match.group("d")
    if not year or not day:
        return None
    month_text = match.group("mo") or match.group("mon")
    month = int(month_text) if month_text.isdigit() else _MONTH_NUMBER[month_text[:3].lower()]
    return _safe_date(int(year), month, int(regex.sub(r"\D", "", day)))


def _numeric_day(first: str, second: str, year_text: str) -> date | None:
    a, b, year = int(first), int(second), int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if a > 12:
        return _safe_date(year, b, a)
    if b > 12 or a == b:
        return _safe_date(year, a, b)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(match: regex.Match[str]) -> tuple[int | None, int, int, bool]:
    """Read the hour, minute and second of the time after the date, else before it."""
    tag = "" if match.group("h") else "p"
    hour_text = match.group(f"h{tag}")
    if not hour_text:
        return None, 0, 0, True
    hour = int(hour_text)
    minute = int(match.group(f"m{tag}") or 0)
    second = int(match.group(f"s{tag}") or 0)
    ampm = match.group(f"ap{tag}")
    if ampm:
        if not 1 <= hour <= 12:
            return None, 0, 0, False
        hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
    return hour, minute, second, True


def _tzinfo(zone: str | None) -> tzinfo | None:
    if not zone:
        return None
    spec = _tables.TIMEZONES.get(zone, zone)
    if not spec:
        return None
    offset = regex.fullmatch(r"([+-])(\d\d):?(\d\d)", spec)
    if offset:
        seconds = int(offset[2]) * 3600 + int(offset[3]) * 60
        return dateutil_tz.tzoffset(None, -seconds if offset[1] == "-" else seconds)
    return dateutil_tz.gettz(spec)


def _relative(match: regex.Match[str], now: datetime | None) -> ParsedDate:
    printed = match.group()
    word = (match.group("word") or "").lower()
    value: datetime | date | None = None
    if now is not None:
        if word == "yesterday":
            value = now.date() - timedelta(days=1)
        elif word:
            value = now
        else:
            value = _ago(match.group("n").lower(), match.group("unit").lower(), now)
    return ParsedDate(text=printed, value=value, relative=True)


def _ago(count_text: str, unit: str, now: datetime) -> datetime | date | None:
    count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
    if count is None:
        return None
    key = unit[:2] if unit.startswith("mo") else unit[0]
    if key == "s":
        return now - timedelta(seconds=count)
    if key == "m":
        return now - timedelta(minutes=count)
    if key == "h":
        return now - timedelta(hours=count)
    day = now.date()
    if key == "d":
        return day - timedelta(days=count)
    if key == "w":
        return day - timedelta(weeks=count)
    if key == "mo":
        return day - relativedelta(months=count)
    return day - relativedelta(years=count)
