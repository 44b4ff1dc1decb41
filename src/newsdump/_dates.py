"""Find and parse printed dates: ``Tue, February 9, 2021, 11:07 AM``, ``2 hours ago``.

Every date is isolated by this module's own patterns and its fields are read from the
match, so nothing is ever guessed: a date without a year or a day resolves to ``None``
(the printed text is kept), and a relative date (``yesterday 1:20 pm``, ``2y ago``)
resolves only against an explicit ``now``; the current clock is never read.

Numeric dates ``a/b/yyyy`` and ``a.b.yyyy`` are read day-first when ``a`` is over 12,
month-first when ``b`` is over 12, and otherwise as ``Rules.dayfirst`` says; when it is
``None`` (the default) and both parts could be a month, the date stays unresolved
(``value=None``), since the same form means different dates in the US and elsewhere.
Two-digit years (slashed dates only) are 20yy below 70 and 19yy otherwise. Month,
weekday, time-of-day and relative words come from tables in ``newsdump._tables``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo

import regex
from dateutil import tz as dateutil_tz
from dateutil.relativedelta import relativedelta

from newsdump import _tables
from newsdump._model import ParsedDate
from newsdump._phrases import normalize
from newsdump._rules import Rules

__all__ = ["find_date", "parse_date"]

_DEFAULT_RULES = Rules()


def _alternatives(names: Iterable[str], *, upper: bool = False) -> str:
    """An alternation of ``names``, longest first, spaces matching any short run."""
    spelled = set(names)
    if upper:
        spelled |= {name.upper() for name in spelled}
    ordered = sorted(spelled, key=lambda name: (-len(name), name))
    return "|".join(r"\s{1,2}".join(map(regex.escape, name.split())) for name in ordered)


_MONTH_NUMBER = {
    name.casefold(): number for number, names in enumerate(_tables.MONTHS, 1) for name in names
}
_MONTHS = _alternatives((name for names in _tables.MONTHS for name in names), upper=True)
_WEEKDAYS = _alternatives((name for names in _tables.WEEKDAYS for name in names), upper=True)
_MONTH = rf"(?:{_MONTHS})(?!\p{{Ll}})\.?"
_WEEKDAY = (
    rf"(?:{_WEEKDAYS})(?!\p{{Ll}})"
    r"\.?,?\s{0,2}(?:[|·•/–—-]\s{0,2})?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\p{Ll})"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
_START = r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
_ZONES = "|".join(sorted((z for z in _tables.TIMEZONES if z != "Z"), key=len, reverse=True))
_OFFSET = r"[+-](?:0\d|1[0-4]):?[0-5]\d(?!\d)"
_ZONE_INNER = (
    rf"(?:UTC|GMT)[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?!\d)"
    rf"|(?:{_ZONES})(?![\p{{L}}\p{{N}}])|{_OFFSET}"
)
_ZONE = rf"(?:{_ZONE_INNER}|\((?:{_ZONE_INNER})\))"
_AMPM = r"[AaPp]\.?\s?[Mm](?:\.|(?!\p{Ll}))"
_TIME_WORD = rf"(?i:(?:12(?::00)?\s?)?(?:{_alternatives(_tables.TIME_WORDS)}))"
_SEP = r",?\s{0,3}(?:[|/·•@–—:-]{1,2}\s{0,3})?(?:(?:at|on)\s{1,3})?"
_YEAR_SEP = r",?\s{0,2}(?:[|·•/–—-]\s{0,2})?"


def _time(tag: str) -> str:
    """Build the pattern of a time of day and its zone; group names end in ``tag``."""
    clock = (
        rf"(?P<h{tag}>[01]?\d|2[0-3])"
        rf"(?:(?:[:.]|h(?=[0-5]\d))(?P<m{tag}>[0-5]\d)"
        rf"(?::(?P<s{tag}>[0-5]\d)(?:\.\d{{1,6}})?)?(?:\s?(?:hrs|hours)\.?(?!\p{{L}}))?"
        rf"(?:\s?(?P<ap{tag}>{_AMPM}))?"
        rf"|\s?(?P<ap{tag}>{_AMPM})"
        rf"|(?P<m{tag}>[0-5]\d)(?=\s?(?:{_ZONES})(?!\p{{L}})))"
    )
    words = rf"(?<![\p{{L}}\d:])(?P<tw{tag}>{_TIME_WORD})(?!\p{{L}})"
    return rf"(?:{words}|(?<![\d:]){clock})(?:\s{{0,2}}(?P<z{tag}>{_ZONE}))?"


_LOCAL = rf"(?:\s{{0,2}}\(\d{{1,2}}:?\d\d\s?(?:{_ZONES})\))?"
_DATE = (
    rf"(?:(?P<y>{_YEAR})(?P<ys>[-/.])(?P<mo>0?[1-9]|1[0-2])(?P=ys)(?P<d>{_NUM})(?!\d)"
    r"(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,]\d{1,9})?)?"
    rf"(?:\s?(?P<off>Z(?!\p{{L}})|{_OFFSET})|\s{{1,2}}(?P<z>{_ZONE}))?)?"
    # ISO 8601 basic format: 20150806T120000Z
    r"|(?P<y>(?:1[89]|20)\d\d)(?P<mo>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    rf"T(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?P<s>[0-5]\d)?(?P<off>Z(?!\p{{L}})|{_OFFSET})?"
    # ctime: Thu Aug 06 12:00:00 2015, with any zone abbreviation before the year
    rf"|(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s{{1,2}}(?P<d>{_NUM})\s{{1,2}}"
    r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    rf"(?:\s{{1,2}}(?P<z>{_ZONE}|[A-Z]{{3,5}}+))?\s{{1,2}}(?P<y>{_YEAR})"
    rf"|(?P<n1>{_NUM})/(?P<n2>{_NUM})/(?P<ny>{_YEAR}|\d\d(?!\d))"
    rf"|(?P<n1>{_NUM})(?P<ns>[.-])(?P<n2>{_NUM})(?P=ns)(?P<ny>{_YEAR})"
    rf"|(?:{_WEEKDAY})?\[?(?P<mon>{_MONTH})\]?\s{{0,2}}(?P<d>{_DAY})"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR}))?"
    rf"|(?:{_WEEKDAY})?(?P<d>{_DAY})(?:\s{{0,2}}(?:of\s)?|[-/.])\[?(?P<mon>{_MONTH})\]?"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR}))?"
    rf"|\[?(?P<mon>{_MONTH})\]?\s{{0,2}},?\s{{0,2}}(?P<y>{_YEAR}))"
)
_DATETIME = regex.compile(
    rf"{_START}(?:{_time('p')}{_LOCAL}{_SEP})?{_DATE}(?:{_SEP}{_time('')})?",
    regex.VERSION1,
)
_TIME_ONLY = regex.compile(_time(""), regex.VERSION1)

_SHORT_UNITS = [u for u in _tables.RELATIVE_UNITS if len(u) > 1]
_AMOUNT = (
    rf"(?:(?P<n>\d{{1,3}})\s?(?P<unit>{_alternatives(_tables.RELATIVE_UNITS)})"
    rf"|(?P<n>{_alternatives(_tables.RELATIVE_COUNTS)})\s{{1,2}}"
    rf"(?P<unit>{_alternatives(_SHORT_UNITS)}))\.?(?!\p{{L}})"
)
_HEDGE = rf"(?:(?:{_alternatives(_tables.RELATIVE_HEDGES)})\s{{1,2}})?"
_AMOUNTS = rf"{_AMOUNT}(?:,?\s{{1,2}}(?:and\s{{1,2}})?{_AMOUNT}){{0,2}}"
_AGO = (
    rf"{_HEDGE}{_AMOUNTS}\s{{1,2}}(?:ago|(?P<ahead>from\s{{1,2}}now))"
    rf"|(?P<ahead>(?-i:in))\s{{1,2}}{_HEDGE}{_AMOUNTS}"
)
_RELATIVE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?i:(?P<word>{_alternatives(_tables.RELATIVE_NOW)})"
    rf"|{_AGO}|(?P<day>{_alternatives(_tables.RELATIVE_DAYS)}))(?![\p{{L}}\p{{N}}])"
    rf"(?:{_SEP}{_time('r')})?",
    regex.VERSION1,
)
_FILLER = regex.compile(
    rf"\s{{0,3}}+\((?:\p{{Lu}}\p{{Ll}}++\s){{1,4}}Time\)|[\s|·•,;:.()\[\]/–—-]++|(?:{_ZONE})",
    regex.VERSION1,
)
_UNIT_KEYS = {unit.casefold(): key for unit, key in _tables.RELATIVE_UNITS.items()}

# Necessary conditions, so that most lines skip the big patterns above.
# Every _DATETIME match holds an ASCII digit: each of its forms has a day, a number or a
# year, and those start with [0-3] or 1[89]|20.
_ASCII_DIGIT = re.compile("[0-9]")


def _longest_word(phrase: str) -> str:
    return max(phrase.casefold().split(), key=len)


# A _RELATIVE match holds a word of a RELATIVE_NOW or RELATIVE_DAYS phrase, "ago" or
# "now" (``… ago``, ``… from now``), or else "in" (case-sensitive) and an amount: a digit
# or a unit of more than one letter. On ASCII text case-blind matching is lower-casing.
_RELATIVE_WORDS = tuple(
    sorted(
        {_longest_word(p) for p in (*_tables.RELATIVE_NOW, *_tables.RELATIVE_DAYS)}
        | {"ago", "now"}
    )
)
_RELATIVE_UNITS = tuple(sorted({u.casefold() for u in _SHORT_UNITS}))
_TIME_WORDS = tuple(sorted({_longest_word(w) for w in _tables.TIME_WORDS}))


def _may_be_relative(text: str, low: str) -> bool:
    """False only when ``_RELATIVE`` matches nowhere in ``text`` (``low`` lower-cased)."""
    if not text.isascii():
        return True
    if any(word in low for word in _RELATIVE_WORDS):
        return True
    return "in" in text and (
        _ASCII_DIGIT.search(text) is not None or any(unit in low for unit in _RELATIVE_UNITS)
    )


def _may_be_clock(text: str, low: str, digits: bool) -> bool:
    """False only when ``_TIME_ONLY`` matches nowhere: it needs a digit or a time word."""
    return digits or not text.isascii() or any(word in low for word in _TIME_WORDS)
_SUB_DAY = frozenset(["seconds", "minutes", "hours"])
_MAX_DATE_LINE = 160


def find_date(text: str) -> tuple[int, int] | None:
    """Return the ``(start, end)`` span of the first date or time expression in ``text``.

    A date needs a day or a year next to a month name, a numeric date, or a relative
    expression (``2 hours ago``, ``yesterday``); a month name alone (``By April Rubin``)
    never counts, nor does a capitalised day word without a time (``USA Today``). A time
    printed right before or after the date belongs to the span.
    """
    absolute = _DATETIME.search(text) if _ASCII_DIGIT.search(text) else None
    relative = _find_relative(text) if _may_be_relative(text, text.lower()) else None
    found = [m.span() for m in (absolute, relative) if m]
    return min(found) if found else None


def _widget_word(match: regex.Match[str]) -> bool:
    """Whether ``match`` is a capitalised day word alone (``Today``, ``TONIGHT``).

    On a line of its own such a word is a weather-widget or menu label far more often
    than a date; ``Yesterday`` (no widget says it) and lower case still count.
    """
    day = match.group("day")
    if not day or day.islower() or match.group("hr") or match.group("twr"):
        return False
    return " ".join(day.casefold().split()) != "yesterday"


def _find_relative(text: str) -> regex.Match[str] | None:
    for match in _RELATIVE.finditer(text):
        day = match.group("day")
        if not day or day.islower() or match.group("hr") or match.group("twr"):
            return match
    return None


def parse_date(
    text: str, *, now: datetime | None = None, rules: Rules | None = None
) -> ParsedDate | None:
    """Parse a standalone date line, or return ``None`` when ``text`` is not one.

    The line may hold only dates, times, zones, separators and the labels of
    ``rules.date_labels`` (``Published:``, ``Updated``, trailing ``Edit``); anything
    else (a headline, body text, a name) makes it no date line. When the line holds
    several dates (``Published … | Updated …``) the first absolute one is parsed, else the
    first relative one. ``text`` of the
    result is the date as printed without its labels; ``value`` is a datetime when a time
    is printed (aware when a known zone or offset is), a date for a full date, and
    ``None`` when the year or day is missing, a numeric date is ambiguous under
    ``rules.dayfirst``, or a relative date (``relative=True``) has no ``now``. ``now``
    may be naive or aware; relative datetimes share its ``tzinfo``. A capitalised day word
    with no time and no label before it (``Today``, ``Tonight``: widget and menu labels)
    and a relative date alone that ends in a period (``today.``, the end of a broken
    sentence) are no date lines.
    """
    line = normalize(text)
    if not line or len(line) > _MAX_DATE_LINE:
        return None
    rules = rules or _DEFAULT_RULES
    labels = _label_pattern(rules.date_labels)
    first: regex.Match[str] | None = None
    relative: regex.Match[str] | None = None
    clock: regex.Match[str] | None = None
    saw_label = labelled = False
    low = line.lower()
    digits = _ASCII_DIGIT.search(line) is not None
    relatives = _may_be_relative(line, low)
    clocks = _may_be_clock(line, low, digits)
    pos = 0
    while pos < len(line):
        if (digits and (m := _DATETIME.match(line, pos))) or (
            relatives and (m := _RELATIVE.match(line, pos))
        ):
            if m.re is _DATETIME:
                first = first or m
            elif relative is None:
                relative, labelled = m, saw_label
        elif clocks and (m := _TIME_ONLY.match(line, pos)):
            clock = clock or m
        elif m := labels.match(line, pos):
            saw_label = True
        elif not (m := _FILLER.match(line, pos)) or m.end() == pos:
            return None
        pos = max(m.end(), pos + 1)
    if first is not None:
        return _absolute(first, rules.dayfirst)
    if relative is not None:
        if not labelled and (_widget_word(relative) or line.endswith(".")):
            return None
        return _relative(relative, now)
    if clock is not None and (saw_label or clock.group("ap") or clock.group("z")):
        return ParsedDate(text=clock.group(), timezone=_zone_text(clock.group("z")))
    return None


@functools.lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...]) -> regex.Pattern[str]:
    words = [r"\s+".join(regex.escape(w) for w in label.split()) for label in labels if label]
    body = "|".join(sorted(words, key=len, reverse=True)) or r"(?!)"
    return regex.compile(
        rf"(?:{body})(?:\s{{1,2}}(?:on|at))?(?!\p{{Ll}}):?", regex.IGNORECASE | regex.VERSION1
    )


def _zone_text(zone: str | None) -> str | None:
    return zone.strip("()") if zone else None


def _printed(match: regex.Match[str]) -> str:
    return match.group().rstrip(" ,|/·•@–—:-")


def _absolute(match: regex.Match[str], dayfirst: bool | None) -> ParsedDate:
    day = _calendar_day(match, dayfirst)
    zone = _zone_text(match.group("z") or match.group("zp")) or match.group("off")
    value: datetime | date | None = day
    if day is not None:
        tag = "" if match.group("h") or match.group("tw") else "p"
        hour, minute, second, ok = _clock(match, tag)
        if not ok:
            value = None
        elif hour is not None:
            value = datetime(day.year, day.month, day.day, hour, minute, second)
            info = _tzinfo(zone)
            if info is not None:
                value = value.replace(tzinfo=info)
    return ParsedDate(text=_printed(match), value=value, timezone=zone)


def _calendar_day(match: regex.Match[str], dayfirst: bool | None) -> date | None:
    if match.group("n1"):
        return _numeric_day(match.group("n1"), match.group("n2"), match.group("ny"), dayfirst)
    year, day = match.group("y"), match.group("d")
    if not year or not day:
        return None
    month_text = match.group("mo") or match.group("mon")
    month = (
        int(month_text)
        if month_text.isdigit()
        else _MONTH_NUMBER[month_text.rstrip(".").casefold()]
    )
    return _safe_date(int(year), month, int(regex.sub(r"\D", "", day)))


def _numeric_day(first: str, second: str, year_text: str, dayfirst: bool | None) -> date | None:
    a, b, year = int(first), int(second), int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if a > 12 or (dayfirst and b <= 12):
        return _safe_date(year, b, a)
    if b > 12 or a == b or dayfirst is False:
        return _safe_date(year, a, b)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(match: regex.Match[str], tag: str) -> tuple[int | None, int, int, bool]:
    """Read the hour, minute and second of the time whose groups end in ``tag``."""
    word = match.group(f"tw{tag}")
    if word:
        return _tables.TIME_WORDS[word.split()[-1].casefold()], 0, 0, True
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
    spec = _tables.TIMEZONES.get(zone)
    if spec is None:
        spec = zone
    elif not spec:
        return None
    offset = regex.fullmatch(r"(?:UTC|GMT)?([+-])(\d\d?):?(\d\d)?", spec)
    if offset:
        seconds = int(offset[2]) * 3600 + int(offset[3] or 0) * 60
        return dateutil_tz.tzoffset(None, -seconds if offset[1] == "-" else seconds)
    if zone not in _tables.TIMEZONES:
        return None
    return dateutil_tz.gettz(spec)


def _relative(match: regex.Match[str], now: datetime | None) -> ParsedDate:
    zone = _zone_text(match.group("zr"))
    printed = _printed(match)
    if now is None:
        return ParsedDate(text=printed, relative=True, timezone=zone)
    value: datetime | date | None
    if match.group("word"):
        value = now
    elif day := match.group("day"):
        value = now.date() + timedelta(days=_tables.RELATIVE_DAYS[" ".join(day.casefold().split())])
    else:
        sign = 1 if match.group("ahead") else -1
        value = _ago(match.captures("n"), match.captures("unit"), now, sign)
    hour, minute, second, ok = _clock(match, "r")
    if not ok:
        value = None
    elif hour is not None and value is not None and not isinstance(value, datetime):
        info = _tzinfo(zone) or now.tzinfo
        value = datetime(value.year, value.month, value.day, hour, minute, second, tzinfo=info)
    return ParsedDate(text=printed, value=value, relative=True, timezone=zone)


def _ago(
    counts: Sequence[str], units: Sequence[str], now: datetime, sign: int
) -> datetime | date | None:
    """``now`` plus ``sign`` times the amounts; a date unless a unit is sub-day."""
    clock = timedelta()
    calendar = relativedelta()
    keys = [_UNIT_KEYS[unit.casefold()] for unit in units]
    for count_text, key in zip(counts, keys, strict=True):
        count = _count(count_text)
        if count is None:
            return None
        if key in ("months", "years"):
            if count != int(count):
                return None
            months = int(count) * (12 if key == "years" else 1)
            calendar += relativedelta(months=months)
        else:
            clock += timedelta(**{key: count})
    if _SUB_DAY.intersection(keys):
        result: datetime = now + sign * clock + sign * calendar
        return result
    day: date = now.date() + sign * clock + sign * calendar
    return day


def _count(text: str) -> float | None:
    if text.isdigit():
        return int(text)
    return _tables.RELATIVE_COUNTS.get(" ".join(text.casefold().split()))
