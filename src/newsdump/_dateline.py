"""Dateline parsing: the place, agency and date that open a news paragraph.

:func:`parse_dateline` recognises ``OTTAWA (Reuters) –``, ``WASHINGTON —``,
``SAN JUAN, Puerto Rico (AP) —``, ``BEIJING, Nov. 18 (Xinhua) --``, ``NEW DELHI:``,
``(CNN) —`` and ``Kaieteur News –``. The place must be printed in capitals (a region or
country after a comma may be in title case), unless a known agency follows it in
parentheses (``Paris (AFP) -``). A place in title case with no agency is accepted only
when it is a known publisher or agency, and then reported as the agency with an empty
location. The text after the dash must start like a sentence (a capital, a digit or a
quote), which keeps ``WHO — the agency …`` and ``UPDATE: …`` labels out.
"""

from __future__ import annotations

import functools

import regex

from newsdump._model import Dateline
from newsdump._rules import Rules

__all__ = ["parse_dateline"]

_DEFAULT_RULES = Rules()
_MIN_PLACE_LETTERS = 3
_MAX_COLON_WORDS = 3

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WORD = r"\p{Lu}[\p{L}\p{M}.'’&-]{0,30}+"
_DATELINE = regex.compile(
    rf"""
    ^[ \t]{{0,8}}+
    (?P<dateline>
        (?P<location>
            (?P<place>{_WORD}(?:[ /]{_WORD}){{0,5}}+)
            (?:[ ]?\((?P<country>\p{{Lu}}[\p{{Lu}} .]{{1,30}}+)\)(?=,))?
            (?:,[ ](?!(?i:{_MONTH})\.?[ ]\d)(?P<region>{_WORD}(?:[ ]{_WORD}){{0,3}}+))?
        )
        (?:,?[ ](?P<date>(?i:{_MONTH})\.?[ ]\d{{1,2}}(?:,[ ]\d{{4}})?
            |\d{{1,2}}[ ](?i:{_MONTH})\.?(?:[ ]\d{{4}})?))?
        (?:[ ]?\((?P<agency>[^()\n]{{1,40}}+)\))?
    )
    [ \t]{{0,3}}+(?P<dash>--|[-–—:])
    """,
    regex.VERBOSE,
)
_AGENCY_ONLY = regex.compile(
    r"^[ \t]{0,8}+(?P<dateline>\((?P<agency>[^()\n]{1,40}+)\))[ \t]{0,3}+(?P<dash>--|[-–—])"
)
_CALL_SIGN = regex.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?$")
_AGENCY_SHAPE = regex.compile(r"^\p{Lu}[\p{L}.&'’-]{0,20}+(?: [\p{Lu}&][\p{L}.&'’-]{0,20}+){0,3}+$")
_CAPTION_DATE = regex.compile(r"[\p{Lu}\d][\p{Lu}\d .]{0,30}+:")
_LOWER = regex.compile(r"\p{Ll}")
_STOPWORDS = frozenset(["a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "how"])
_MIN_COLON_BODY_WORDS = 8
_BODY_START = regex.compile(r"[ \t]{0,3}+(?=$|[\p{Lu}\d\"“‘'(\[])")


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
    the name in parentheses, ``date_text`` a printed date (``Nov. 18``) and ``end`` the
    offset in ``text`` where the body text starts.
    """
    rules = rules or _DEFAULT_RULES
    outlets, labels = _folded(rules)
    match = _DATELINE.match(text) or _AGENCY_ONLY.match(text)
    if match is None:
        return None
    body = _BODY_START.match(text, match.end())
    if body is None or not _body_reads(text, body.end(), colon=match.group("dash") == ":"):
        return None
    groups = match.groupdict()
    agency = groups.get("agency")
    place = groups.get("place")
    if agency is not None and not _credible(agency, place, outlets):
        return None
    dateline = Dateline(
        text=match.group("dateline").strip(),
        location=(groups.get("location") or "").strip(),
        agency=agency.strip() if agency else None,
        date_text=groups.get("date"),
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
    key = " ".join(place.casefold().split())
    if key in labels or (match.group("dash") == ":" and any(w in _STOPWORDS for w in key.split())):
        return None
    if match.group("dash") == ":" and (
        len(place.split()) > _MAX_COLON_WORDS or match.group("agency") or match.group("region")
    ):
        return None
    if _upper(place):
        return dateline
    plain = not (match.group("region") or match.group("date") or match.group("country"))
    if dateline.agency is None and plain and match.group("dash") != ":" and key in outlets:
        return Dateline(text=dateline.text, location="", agency=place, end=dateline.end)
    if dateline.agency is not None and dateline.agency.casefold() in outlets:
        return dateline
    return None


def _body_reads(text: str, start: int, *, colon: bool) -> bool:
    """Whether the text after the dash reads as a body sentence.

    Refused: photo-agency captions (``LONDON, ENGLAND - MAY 09: …``), lines in capitals
    (``LUBOKU – LIFT OFF TOUR``) and, after a colon, anything shorter than a sentence or
    ending in a question (``STRESS: How to cope``, Q&A speakers).
    """
    rest = text[start:].strip()
    if not rest:
        return not colon
    if _CAPTION_DATE.match(rest) or not _LOWER.search(rest):
        return False
    if colon:
        return len(rest.split()) >= _MIN_COLON_BODY_WORDS and rest[-1] in '.!"”’)'
    return True


def _upper(place: str) -> bool:
    """Whether ``place`` is printed in capitals, with at least a few letters."""
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= _MIN_PLACE_LETTERS and all(c.isupper() for c in letters)


def _credible(agency: str, place: str | None, outlets: frozenset[str]) -> bool:
    """Whether ``agency`` (in parentheses) is an agency, an outlet or a call sign.

    After a place in capitals any short capitalised name will do (``LIMA (Andina) —``).
    """
    if " ".join(agency.casefold().split()) in outlets or _CALL_SIGN.match(agency.strip()):
        return True
    return bool(place and _upper(place) and _AGENCY_SHAPE.match(agency))
