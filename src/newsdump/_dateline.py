"""Dateline parsing: the place, agency and date that open a news paragraph.

:func:`parse_dateline` recognises ``OTTAWA (Reuters) –``, ``WASHINGTON —``,
``SAN JUAN, Puerto Rico (AP) —``, ``BEIJING, Nov. 18 (Xinhua) --``, ``NEW DELHI:``,
``(CNN) —``, ``Kaieteur News –``, press-release forms (``AUSTIN, Texas, May 2, 2023
/PRNewswire/ --``, ``DENVER--(BUSINESS WIRE)--``), a timestamp before the place
(``(07-17) 13:09 PDT OAKLAND --``) and a known agency with no dash (``PUNE, Jan 5 (PTI)
The …``). The dash may be any of ``- -- – — ― _``, with ordinary or non-breaking spaces.

The place must be printed in capitals (a region or country after a comma may be in
title case, with or without a space after the comma), unless a known agency follows it
in parentheses (``Paris (AFP) -``) or a known region from ``_tables.DATELINE_REGIONS``
follows it (``Kyiv, Ukraine —``; the place itself must then not be a region, which
keeps lists such as ``Jordan, Israel —`` out). A place in title case with no agency and
no region is accepted only when it is a known publisher or agency, and then reported as
the agency with an empty location. After a colon the place is one word in capitals or a
known place from ``_tables.DATELINE_PLACES`` (two capitalised words and a colon are
usually a speaker). The text after the dash must start like a sentence (a capital, a
digit or a quote), which keeps ``WHO — the agency …`` and ``UPDATE: …`` labels out.
"""

from __future__ import annotations

import functools
import re

import regex

from newsdump import _tables
from newsdump._model import Dateline
from newsdump._rules import Rules

__all__ = ["parse_dateline"]

_DEFAULT_RULES = Rules()
_MIN_PLACE_LETTERS = 3
_MAX_COLON_WORDS = 3
_MAX_TITLE_PLACE_WORDS = 4

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_SPACE = r"[ \t\u00a0\u2009\u202f]"
_ZONES = "|".join(sorted(_tables.TIMEZONES, key=len, reverse=True))
_STAMP = rf"\(\d{{1,2}}-\d{{1,2}}\)[ ]\d{{1,2}}:\d\d(?:[ ](?:{_ZONES})(?=[ ]))?+"
_DASHES = r"--|—{1,2}+|[–―‒−‑⸺⸻]|(?<=\s)-|(?<=\s)_(?=\s)"
_WORD = r"\p{Lu}(?:[\p{L}\p{M}.'’&]|-(?=[\p{L}\p{N}])){0,30}+"
_PARTICLE = r"(?:de|del|de[ ]la|la|le|el|al|am|an[ ]der|upon|on|sur|do|da|dos|das|es)"
_DATELINE = regex.compile(
    rf"""
    ^[ \t]{{0,8}}+
    (?P<dateline>
        (?:(?P<stamp>{_STAMP})[ ]{{1,3}}+)?
        (?P<location>
            (?P<place>{_WORD}(?:[ /]{_WORD}|[ ]{_PARTICLE}(?=[ ]\p{{Lu}})){{0,5}}+)
            (?:[ ]?\((?P<country>\p{{Lu}}[\p{{Lu}} .]{{1,30}}+)\)(?=,))?
            (?:,[ ]?(?!(?i:{_MONTH}|{_WEEKDAY})\.?(?:[ ]\d|\b))
                (?P<region>{_WORD}(?:[ ](?:{_WORD}|and(?=[ ]\p{{Lu}}))){{0,3}}+))?
        )
        (?:,?[ ](?P<date>(?:(?i:{_WEEKDAY}),?[ ](?=\d|(?i:{_MONTH})))?+
            (?:(?i:{_MONTH})\.?[ ]\d{{1,2}}(?:,[ ]\d{{4}})?
            |\d{{1,2}}[ ](?i:{_MONTH})\.?(?:[ ]\d{{4}})?)
            |(?i:{_WEEKDAY})(?![\p{{L}}])))?
        (?:(?:[ ]?|--)\((?P<agency>[^()\n]{{1,40}}+)\)|[ ]/(?P<agency>[^/\n]{{1,40}}+)/)?
    )
    (?:{_SPACE}{{0,3}}+(?:(?<=\d)\.)?(?P<dash>{_DASHES}|:)|(?<=\))(?={_SPACE}|\p{{Lu}}))
    """,
    regex.VERBOSE | regex.VERSION1,
)
_AGENCY_ONLY = regex.compile(
    rf"^[ \t]{{0,8}}+(?P<dateline>\((?P<agency>[^()\n]{{1,40}}+)\))"
    rf"(?:{_SPACE}{{0,3}}+(?P<dash>{_DASHES})|(?={_SPACE}|\p{{Lu}}))",
    regex.VERSION1,
)
_CALL_SIGN = regex.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?$")
_AGENCY_WORD = r"[\p{L}.&'’/-]{0,20}+"
_AGENCY_SHAPE = regex.compile(rf"^\p{{Lu}}{_AGENCY_WORD}(?: [\p{{Lu}}&]{_AGENCY_WORD}){{0,3}}+$")
_TITLE_WORD = regex.compile(r"\p{Lu}(?:\p{Ll}|[\p{M}'’.-])[\p{L}\p{M}'’.-]*+")
_CAPTION_DATE = regex.compile(
    rf"[\p{{Lu}}\d][\p{{Lu}}\d .]{{0,30}}+:|(?i:{_MONTH})\.?[ ]\d{{1,2}}(?:,[ ]\d{{4}})?[ ]?:"
)
_LOWER = regex.compile(r"\p{Ll}")
_STOPWORDS = frozenset(["a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "how"])
_MIN_COLON_BODY_WORDS = 8
_MIN_KNOWN_COLON_BODY_WORDS = 4
_BODY_START = regex.compile(rf"{_SPACE}{{0,3}}+(?=$|[\p{{Lu}}\d\"“‘'(\[])", regex.VERSION1)


# A dateline (_DATELINE or _AGENCY_ONLY) ends in a dash, a colon or a ")" within its
# first ~480 characters: 8 spaces, a stamp (~25), six place words (191), a country (34), a
# region (129), a date (32), an agency (44) and the dash (6), with every run bounded. A
# line with none of these characters in its first _REACH holds no dateline.
_ENDS = re.compile("[-—–―‒−‑⸺⸻_:)]")
_REACH = 1000
_AGENCY_REACH = 9
"""_AGENCY_ONLY's "(" comes after at most 8 spaces or tabs."""


def _fold(value: str) -> str:
    return " ".join(value.casefold().split())


_REGIONS = frozenset(_fold(r) for r in _tables.DATELINE_REGIONS)
_PLACES = frozenset(_fold(p) for p in _tables.DATELINE_PLACES)
_NOT_PLACES = frozenset(_fold(w) for w in _tables.DATELINE_NOT_PLACES)


@functools.lru_cache(maxsize=8)
def _folded(rules: Rules) -> tuple[frozenset[str], frozenset[str]]:
    """Fold the agencies and publishers (together) and the labels for lookups."""

    def fold(values: tuple[str, ...]) -> frozenset[str]:
        return frozenset(" ".join(v.casefold().split()) for v in values)

    return fold(rules.agencies + rules.publishers), fold(rules.dateline_labels + rules.date_labels)


def parse_dateline(text: str, *, rules: Rules | None = None) -> Dateline | None:
    """Parse the dateline that opens ``text``, or return None when there is none.

    ``Dateline.text`` is the dateline as printed without its dash, ``location`` the place
    as printed (``""`` when only an agency or publisher opens the paragraph), ``agency``
    the name in parentheses or between slashes, ``date_text`` a printed date (``Nov. 18``,
    or a timestamp before the place) and ``end`` the offset in ``text`` where the body
    text starts.
    """
    rules = rules or _DEFAULT_RULES
    outlets, labels = _folded(rules)
    if _ENDS.search(text, 0, _REACH) is None:
        return None
    match = _DATELINE.match(text) or (
        _AGENCY_ONLY.match(text) if "(" in text[:_AGENCY_REACH] else None
    )
    if match is None:
        return None
    body = _BODY_START.match(text, match.end())
    dash = match.group("dash")
    known = _fold(match.groupdict().get("place") or "") in _PLACES
    if body is None or not _body_reads(text, body.end(), colon=dash == ":", known=known):
        return None
    groups = match.groupdict()
    agency = groups.get("agency")
    place = groups.get("place")
    if agency is not None and not _credible(agency, place, groups.get("region"), outlets):
        return None
    if dash is None and not _dashless(groups, outlets):
        return None
    dateline = Dateline(
        text=match.group("dateline").strip(),
        location=(groups.get("location") or "").strip(),
        agency=agency.strip() if agency else None,
        date_text=groups.get("date") or groups.get("stamp"),
        end=body.end(),
    )
    if place is None:
        return dateline if agency else None
    return _checked(dateline, match, outlets, labels)


def _checked(
    dateline: Dateline,
    match: regex.Match[str],
    outlets: frozenset[str],
    labels: frozenset[str],
) -> Dateline | None:
    """Return ``dateline`` when its place reads as one, an outlet-only dateline, or None."""
    place = match.group("place")
    key = _fold(place)
    colon = match.group("dash") == ":"
    if key in labels or (colon and any(w in _STOPWORDS for w in key.split())):
        return None
    if colon and not _colon_place(match, key, outlets):
        return None
    region = match.group("region")
    if _upper(place):
        return dateline
    if colon:
        return dateline if key in _PLACES else None
    plain = not (region or match.group("date") or match.group("country"))
    if dateline.agency is None and plain and key in outlets:
        return Dateline(text=dateline.text, location="", agency=place, end=dateline.end)
    if dateline.agency is not None and _fold(dateline.agency) in outlets:
        return dateline
    if region and _title_place(place) and _fold(region) in _REGIONS:
        return dateline if key not in _REGIONS or key in _PLACES else None
    return None


def _dashless(groups: dict[str, str | None], outlets: frozenset[str]) -> bool:
    """Whether a dateline without a dash reads as one (``Washington (CNN) The …``).

    The agency must be known, and the place in capitals, dated or a known place.
    """
    agency, place = groups.get("agency"), groups.get("place")
    if agency is None or _fold(agency) not in outlets:
        return False
    if place is None or _upper(place) or groups.get("date"):
        return True
    return _fold(place) in _PLACES or _fold(place) in _REGIONS


def _colon_place(match: regex.Match[str], key: str, outlets: frozenset[str]) -> bool:
    """Whether the place before a colon reads as one: a word, a known place, a region."""
    words = len(key.split())
    if words > _MAX_COLON_WORDS or (words > 1 and key not in _PLACES):
        return False
    region = match.group("region")
    if region and _fold(region) not in _REGIONS:
        return False
    agency = match.group("agency")
    return agency is None or _fold(agency) in outlets


def _title_place(place: str) -> bool:
    """Whether ``place`` is a short run of title-case words (particles allowed)."""
    words = place.replace("/", " ").split()
    if _fold(words[0]) in _NOT_PLACES:
        return False
    if any(_fold(w) in _STOPWORDS for w in words[1:] if w[0].isupper()):
        return False
    if _fold(words[0]) in _STOPWORDS - {"the"}:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return (
        len(words) <= _MAX_TITLE_PLACE_WORDS
        and all(_TITLE_WORD.fullmatch(w) for w in capitalised)
        and len(capitalised) >= len(words) - 1
    )


def _body_reads(text: str, start: int, *, colon: bool, known: bool = False) -> bool:
    """Whether the text after the dash reads as a body sentence.

    Refused: photo-agency captions (``LONDON, ENGLAND - MAY 09: …``), lines in capitals
    (``LUBOKU – LIFT OFF TOUR``) and, after a colon, anything shorter than a sentence or
    ending in a question (``STRESS: How to cope``, Q&A speakers). After a ``known`` place
    (``NEW DELHI:``) a short sentence will do.
    """
    rest = text[start:].strip()
    if not rest:
        return not colon
    if _CAPTION_DATE.match(rest) or not _LOWER.search(rest):
        return False
    if colon:
        least = _MIN_KNOWN_COLON_BODY_WORDS if known else _MIN_COLON_BODY_WORDS
        return len(rest.split()) >= least and rest[-1] in '.!"”’)'
    return True


def _upper(place: str) -> bool:
    """Whether ``place`` is printed in capitals, with at least a few letters."""
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= _MIN_PLACE_LETTERS and all(c.isupper() for c in letters)


def _credible(agency: str, place: str | None, region: str | None, outlets: frozenset[str]) -> bool:
    """Whether ``agency`` (in parentheses) is an agency, an outlet or a call sign.

    After a place in capitals, or a title-case place before a known region, any short
    capitalised name will do (``LIMA (Andina) —``, ``Kyiv, Ukraine (Ukrinform) —``).
    """
    if _fold(agency) in outlets or _CALL_SIGN.match(agency.strip()):
        return True
    if not (place and _AGENCY_SHAPE.match(agency)):
        return False
    return _upper(place) or bool(region and _fold(region) in _REGIONS and _title_place(place))
