"""Byline parsing: who wrote an article, for which outlet, from where and when.

:func:`parse_byline` reads one line. It is also the line classifier's byline test, so
it prefers saying ``None`` to crediting a wrong author. A line is a byline when it has a
*cue* (``By``, ``Written by``, a job title, a reading time, a date after a name, an
agency or publication after a comma or bar, ``X in Place``) around people's names, or
when it is nothing but a person's name (a *bare* name).

What counts as a person's name: 2 to 6 words, each a capitalised word (``McDonald``,
``O'Brien``, ``Allen-Ebrahimian``), an initial (``C.``, ``J.R.``), a particle (``van``,
``de la``) or a suffix (``Jr.``), with at least two words that are not initials, or one
after an initial. No word may be a stopword, a weekday, a ``Rules.not_names`` or
``Rules.publication_words`` entry, or an acronym; the name may not be an agency or a
publisher. A bare name (no cue) must also be mixed case and at most 4 words; a headline
in Title Case made only of name-shaped words ("Huawei China") still passes, and the
classifier decides such lines by their place in the article; a bare line whose middle word
ends in ``s`` reads as a verb (``Mayor Signs Budget``) and is refused.

Names printed in capitals after a cue (``By JANE DOE``) are title-cased (``Jane Doe``,
``O'Brien``, ``McDonald``, particles lower case); other names are kept as printed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs
import regex

from newsdump._dates import find_date
from newsdump._model import Byline
from newsdump._phrases import narrow, narrow_class, normalize
from newsdump._rules import Rules
from newsdump._tables import (
    BYLINE_NOT_NAMES,
    BYLINE_NOT_PEN_NAMES,
    BYLINE_OTHER_ROLES,
    BYLINE_PHOTO_AGENCIES,
    NAME_INNER_PARTICLES,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_SHORT_WORDS,
    NAME_SUFFIXES,
)

__all__ = ["parse_byline"]

_DEFAULT_RULES = Rules()
_MAX_CHARS = 300
_MAX_NAME_TOKENS = 7
_MAX_BARE_WORDS = 4
_MAX_BARE_TOKENS = 4
_MAX_REAL_WORDS = 5
_MAX_FIRST_NAMES = 3
_MIN_SHORT_WORD_NAME = 3
_MAX_PEN_NAME_CAPITALS = 2
_TITLE_LINKS = frozenset(["of", "and", "at", "for"])
_MAX_OUTLET_WORDS = 5

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
_WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
]


_READING_TIME = regex.compile(
    r"(?<![\p{L}\d])\d{1,3}\s?(?:min|mins|minutes?)\.?\s(?:read|reading)(?!\p{L})",
    regex.IGNORECASE,
)
_URL = regex.compile(r"(?i:https?://|www\.|\.(?:com|org|net|co\.uk)/)")
_CONTACT = regex.compile(
    r"(?:(?<![\p{L}\d])(?i:follow|email|e-mail|contact)\s)?"
    r"(?:[\w.+-]{1,64}+@[\w-]{1,64}+(?:\.[\w-]{1,64}+){1,4}+|(?<![\w@])@\w{1,40}+)"
)
# Leading white space is taken only from where its run starts (``(?<!\s)``): a start
# inside the run re-scanned the rest of it, which made ``split`` quadratic on long runs
# of spaces. Matches end past a whole run, so the results are the same as without it.
_SEPARATOR = regex.compile(
    r"(?:(?<!\s)\s++)?[|;,•·]\s*+(?:(?:and|AND|&)\s++)?"
    r"|(?<!\s)\s++(?:and|AND|&|/)\s++"
)
# Decoration around and inside names: emoji, underscores joining words, a nickname in
# quotes between two names, brackets emptied by removing a handle.
# Copyright and trademark signs are kept: "© Ana Ruiz" is a photo credit.
_SYMBOLS = regex.compile(r"(?:(?![©®™℗])[\p{Extended_Pictographic}\p{So}\uFE0F\u20E3])++")
# Without a cue only emoji are decoration: "ⓘ All details" is a link, not a name.
_EMOJI = regex.compile(r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\uFE0F?+")
_UNDERSCORES = regex.compile(r"(?<=\p{L})_++(?=\p{L})")
_NICKNAME = regex.compile(
    r"(?<=\p{L}\.?)(?<!['’]s)\s[\"“'‘]\p{Lu}[\p{L}\p{M}.-]{0,30}+[\"”'’](?=\s\p{Lu})"
)
_EMPTY_BRACKETS = regex.compile(r"\(\s*+\)|\[\s*+\]")
_GLUED_DIGITS = regex.compile(r"(?<=^\p{L}.{0,40}\p{Ll})\d{1,4}+$")
_DEBRIS = regex.compile(r"^\.?(?i:com|org|net|co\.uk)$")
_POSSESSIVE = regex.compile(
    r"^([\p{L}\d.&-]{1,30}+(?:\s[\p{L}\d.&-]{1,30}+){0,3}+)['’]s?\s++(?=\p{Lu})"
)
_LAST_FIRST = regex.compile(r"^([^\s,|;]{1,40}+),\s?+([^,|;]{1,60}+)$")
_IN = regex.compile(r"\sin\s(?=\p{Lu})")
_STRIP = " \t,;|·•-–—:/"
_CONNECTORS = frozenset(
    [
        "on",
        "at",
        "updated",
        "published",
        "posted",
        "last",
        "modified",
        "date",
        "|",
        "-",
        "–",
        "—",
        "·",
        "•",
        ",",
    ]
)
_PROMPTS = frozenset(["email", "e-mail", "follow", "contact", "about", "more", "read", "meet"])
_PICTURE_WORDS = frozenset(["image", "photo", "avatar", "headshot", "portrait", "picture"])
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "without",
        "by",
        "and",
        "or",
        "but",
        "nor",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "as",
        "if",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "how",
        "why",
        "what",
        "when",
        "where",
        "who",
        "whom",
        "which",
        "after",
        "before",
        "over",
        "under",
        "into",
        "about",
        "up",
        "down",
        "out",
        "new",
        "more",
        "most",
        "all",
        "any",
        "some",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "i",
        "my",
        "me",
        "us",
        "them",
        "there",
        "here",
        "just",
        "also",
        "only",
        "very",
        "says",
        "said",
        "says",
        "via",
        "per",
    ]
)
_PARTICLES = frozenset(p.casefold() for p in NAME_PARTICLES)
_PREFIXES = frozenset(p.casefold() for p in NAME_PREFIXES)
_SUFFIXES = frozenset(p.casefold() for p in NAME_SUFFIXES)
_SHORT_WORDS = frozenset(NAME_SHORT_WORDS)
# Months that are also given names (``Theresa May``) are kept at the end of a name.
_TRAILING_MONTHS = frozenset(
    m for m in _MONTHS if m not in ("May", "June", "Jun", "April", "August")
)
_NAME_WORD = regex.compile(
    r"^\p{Lu}[\p{Ll}\p{Lu}\p{M}]{0,30}+(?:['’\-]\p{L}[\p{Ll}\p{Lu}\p{M}]{0,30}+){0,3}+$"
)
_INITIAL = regex.compile(r"^(?:\p{Lu}\.?|(?:\p{Lu}\.){2,3}+)$")
_ELIDED = regex.compile(r"^(?:al|el|d)['’\-]\p{Lu}\p{L}{1,30}+$")
_CAPS_PART = regex.compile(r"(?<=^|['’\-])(M[Cc](?=\p{L}{2}))?(\p{L})(\p{L}*+)")

# Necessary conditions read off the patterns above, so that most lines skip them:
# _READING_TIME needs a digit (on narrow text an ASCII one, see _phrases.narrow_class),
# an _EMOJI match starts with an emoji or pictograph, a _NICKNAME match holds a quote.
_NARROW_DIGIT = re.compile(narrow_class(r"\d"))
_NARROW_EMOJI = re.compile(narrow_class(r"[\p{Emoji_Presentation}\p{Extended_Pictographic}]"))
_QUOTES = ("\"", "“", "'", "‘")
_MAX_INITIAL_CHARS = 7
"""The longest text _INITIAL (``J.R.R.``, a final newline aside) or _DEBRIS matches."""
_ELIDED_STARTS = frozenset("aed")


def _may_hold_digit(text: str) -> bool:
    return not narrow(text) or _NARROW_DIGIT.search(text) is not None


def _initial(token: str) -> bool:
    """Whether ``token`` is an initial (``_INITIAL``)."""
    return len(token) <= _MAX_INITIAL_CHARS and _INITIAL.match(token) is not None


def _elided(token: str) -> bool:
    """Whether ``token`` is an elided name (``_ELIDED``: ``al-Assad``, ``d'Alembert``)."""
    return token[:1] in _ELIDED_STARTS and _ELIDED.match(token) is not None


def _cue_match(tables: _Tables, text: str) -> regex.Match[str] | None:
    """``tables.cue.match(text)``; every cue holds ``by`` (in any case) or a colon."""
    if ":" not in text and "by" not in text.lower():
        return None
    return tables.cue.match(text)


@attrs.frozen(slots=True)
class _Tables:
    """The rules tables, folded for matching."""

    agencies: dict[str, str]
    publishers: frozenset[str]
    job_titles: tuple[tuple[str, ...], ...]
    not_names: frozenset[str]
    contact_words: frozenset[str]
    publication_words: frozenset[str]
    glue: regex.Pattern[str]
    cue: regex.Pattern[str]
    affiliation: regex.Pattern[str]
    other_role: regex.Pattern[str]
    agency_names: frozenset[str]
    photo_sources: frozenset[str]
    title_index: dict[str, tuple[int, ...]]
    """Where in ``job_titles`` the titles ending in each word are (``""``: empty titles)."""

    def agency(self, text: str) -> str | None:
        """Return the agency ``text`` names, as printed, or None."""
        key = _fold(text)
        if key in self.agencies:
            return text.strip()
        return text.strip() if key.startswith("the ") and key[4:] in self.agencies else None

    def publisher(self, text: str) -> bool:
        """Whether ``text`` is a known publisher."""
        key = _fold(text)
        return key in self.publishers or (key.startswith("the ") and key[4:] in self.publishers)

    def outlet(self, words: Sequence[str]) -> bool:
        """Whether ``words`` read as a publication's name rather than a person's.

        Hyphenated mastheads count by their parts (``World-Herald``).
        """
        return any(
            part.casefold() in self.publication_words
            for w in words
            for part in w.strip(_STRIP).split("-")
        )


_DOMAIN_WORD = regex.compile(r"\p{L}\.(?:com|org|net|news|co)$")


@functools.lru_cache(maxsize=8)
def _tables(rules: Rules) -> _Tables:
    glue_words = sorted(
        {t.split()[0].capitalize() for t in rules.job_titles if t.strip()} | set(_MONTHS),
        key=len,
        reverse=True,
    )
    glue = regex.compile(
        r"(?<=\p{Ll}{2})(?=(?:" + "|".join(map(regex.escape, glue_words)) + r")(?!\p{Ll}))"
    )
    job_titles = tuple(
        sorted({tuple(_fold(t).split()) for t in rules.job_titles if t.strip()}, key=len)
    )[::-1]
    title_index: dict[str, list[int]] = {}
    for i, title in enumerate(job_titles):
        title_index.setdefault(title[-1] if title else "", []).append(i)
    return _Tables(
        agencies={_fold(a): a for a in rules.agencies},
        publishers=frozenset(_fold(p) for p in rules.publishers),
        job_titles=job_titles,
        not_names=frozenset(_fold(n) for n in (*rules.not_names, *BYLINE_NOT_NAMES)),
        contact_words=frozenset(_fold(n) for n in rules.not_names),
        publication_words=frozenset(_fold(w) for w in rules.publication_words),
        glue=glue,
        cue=_cue_pattern(rules.byline_cues),
        affiliation=regex.compile(
            r"(?:^|(?<=\s))("
            + _alternatives([*rules.byline_affiliations, "for"])
            + r")\s++(?=\p{Lu}|(?i:the)\s)"
        ),
        other_role=regex.compile(r"^(?:" + _alternatives(BYLINE_OTHER_ROLES) + r")(?:\s?:\s?|\s)"),
        agency_names=frozenset(rules.agencies),
        photo_sources=frozenset(
            _fold(m) for m in (*rules.photo_credit_markers, *BYLINE_PHOTO_AGENCIES)
        ),
        title_index={word: tuple(at) for word, at in title_index.items()},
    )


def _alternatives(phrases: Sequence[str]) -> str:
    """A case-blind alternation of ``phrases``, longest first."""
    words = {tuple(p.casefold().split()) for p in phrases if p.strip()}
    alts = sorted((r"\s".join(map(regex.escape, w)) for w in words), key=len, reverse=True)
    return "(?i:" + "|".join(alts) + ")"


def _cue_pattern(cues: Sequence[str]) -> regex.Pattern[str]:
    """The opening of a byline: ``By``, a ``… by`` phrase, or a label and colon."""
    prefixes = [c.strip()[:-2] for c in cues if c.strip().casefold().endswith(" by")]
    labels = [c.strip()[:-1] for c in cues if c.strip().endswith(":")]
    by = r"(?:(?i:by)(?:\s?:\s?|\s)|By(?=\p{Lu}))"
    parts = [by]
    if prefixes:
        parts.insert(0, _alternatives(prefixes) + r"\s" + by)
    if labels:
        parts.append(_alternatives(labels) + r"\s?:\s?")
    return regex.compile("^(?:" + "|".join(parts) + ")")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).strip(_STRIP)


@attrs.define(slots=True)
class _Credit:
    """What the segments of one byline add up to."""

    authors: list[str] = attrs.Factory(list)
    agency: str | None = None
    publication: str | None = None
    job_title: str | None = None
    locations: list[str] = attrs.Factory(list)

    def add(self, other: _Credit) -> None:
        """Merge ``other`` in; the first agency, publication and job title win."""
        self.authors.extend(a for a in other.authors if a not in self.authors)
        self.agency = self.agency or other.agency
        self.publication = self.publication or other.publication
        self.job_title = self.job_title or other.job_title
        self.locations.extend(other.locations)

    @property
    def empty(self) -> bool:
        """Whether nothing was found."""
        return not (self.authors or self.agency or self.publication or self.job_title)


def parse_byline(text: str, *, rules: Rules | None = None) -> Byline | None:
    """Parse ``text`` (one line) as an author line; return None when it is not one.

    Authors are people only: agencies go to ``agency``, outlets to ``publication``. A
    date in the line goes to ``date_text`` as printed, a reading time (``2 min read``)
    to ``reading_time``. ``bare`` is True when the line is only a name or names.
    """
    rules = rules or _DEFAULT_RULES
    if len(text) > 2 * _MAX_CHARS:
        return None
    line = normalize(text)
    # _URL needs a "/" or "www.".
    if not line or len(line) > _MAX_CHARS or (
        ("/" in line or "www." in line.lower()) and _URL.search(line)
    ):
        return None
    tables = _tables(rules)
    line = tables.glue.sub(" ", line)
    line, reading_time = _cut(line, _READING_TIME) if _may_hold_digit(line) else (line, None)
    if "@" in line:  # every _CONTACT match holds an "@"
        line = _CONTACT.sub(" ", line)
    line = normalize(_undecorate(line, tables)).strip(_STRIP)
    head, date_text, tail = _split_date(line)
    cue = _cue_match(tables, head)
    region = head[cue.end() :] if cue else head
    region = region.strip(_STRIP)
    if cue is not None:
        # Brackets a handle was cut from: "By Ana Ruiz (@aruiz)". Without a cue such a
        # line is an embed's signature, not a byline.
        region = normalize(_EMPTY_BRACKETS.sub(" ", region)).strip(_STRIP)
    credit = _Credit()
    if date_text is not None and (not region or (not cue and tables.publisher(region))):
        if region:
            credit.publication = region
        region = tail
    elif len(tail.split()) > rules.max_byline_words:
        return None
    if not region or len(region.split()) > rules.max_byline_words:
        return None
    if "©" in region or (" / " in region and not _slash_byline(region, tables, cued=cue)):
        return None
    lowered = cue is not None and head[:1].islower()
    found = _read_region(_drop_picture_word(region), tables, cued=cue is not None, lowered=lowered)
    if found is None:
        return None
    credit.add(found)
    if credit.empty:
        return None
    bare = not (cue or date_text or reading_time) and _only_names(credit)
    if bare and (
        (_shouting(region) and not _caps_evidence(region))
        or not all(_name(a.split(), tables, bare=True) for a in credit.authors)
    ):
        return None
    lone_agency = text.strip() in tables.agency_names and credit.agency == text.strip()
    if not (cue or credit.authors or _job_line(credit) or lone_agency):
        return None
    return Byline(
        text=text.strip(),
        authors=tuple(credit.authors),
        agency=credit.agency,
        publication=credit.publication,
        job_title=credit.job_title,
        location=", ".join(credit.locations) or None,
        reading_time=reading_time,
        date_text=date_text,
        bare=bare,
    )


def _undecorate(line: str, tables: _Tables) -> str:
    """Drop what decorates a name: emoji, a nickname in quotes, joining underscores."""
    plain = _EMOJI.sub(" ", line) if _may_hold_emoji(line) else line
    if _cue_match(tables, plain.strip(_STRIP)):
        # Only with a cue: without one, "Trump_Venezuela" is a file name and
        # "Artificial Intelligence 🤖" a section.
        line = _UNDERSCORES.sub(" ", _SYMBOLS.sub(" ", line))
    return _NICKNAME.sub("", line) if any(q in line for q in _QUOTES) else line


def _may_hold_emoji(text: str) -> bool:
    return not narrow(text) or _NARROW_EMOJI.search(text) is not None


def _slash_byline(region: str, tables: _Tables, *, cued: regex.Match[str] | None) -> bool:
    """Whether ``Ana Ruiz / NPR`` is a byline rather than a photo credit.

    It is a credit when a part names a photo source (``/ Reuters``), or, without a cue,
    unless one of two parts names an outlet.
    """
    parts = [_fold(p) for p in region.split(" / ")]
    if any(p in tables.photo_sources for p in parts):
        return False
    return cued is not None or (
        len(parts) == 2 and any(tables.agency(p) or tables.publisher(p) for p in parts)
    )


def _shouting(region: str) -> bool:
    """Whether the names in ``region`` are printed in capitals (``and`` aside)."""
    return " ".join(w for w in region.split() if w not in ("and", "&")).isupper()


def _caps_evidence(region: str) -> bool:
    """Whether a name in capitals shows it is a person's: an initial or a suffix."""
    words = [t.strip(",;|") for t in region.split()]
    return any(w.casefold() in _SUFFIXES for w in words[1:]) or any(
        _initial(w) and w.endswith(".") for w in words[1:-1]
    )


def _cut(line: str, pattern: regex.Pattern[str]) -> tuple[str, str | None]:
    match = pattern.search(line)
    if match is None:
        return line, None
    before = line[: match.start()].rstrip(_STRIP)
    after = line[match.end() :].lstrip(_STRIP)
    # Keep the two sides apart: words on either side of a cut never form one name.
    rest = f"{before} | {after}" if before and after else before or after
    return rest.strip(), match.group()


def _split_date(line: str) -> tuple[str, str | None, str]:
    """Split ``line`` around its first date: the text before, the date, the text after."""
    span = find_date(line)
    if span is None:
        return line, None, ""
    start, end = span
    words = line[:start].split()
    while words and _fold(words[-1]) in _CONNECTORS | {""}:
        words.pop()
    head = " ".join(words).strip(_STRIP)
    return head, line[start:end].strip(), line[end:].strip(_STRIP)


def _drop_picture_word(region: str) -> str:
    words = region.split()
    if len(words) > 2 and words[-1].casefold() in _PICTURE_WORDS:
        return " ".join(words[:-1])
    return region


def _only_names(credit: _Credit) -> bool:
    return bool(credit.authors) and not (
        credit.agency or credit.publication or credit.job_title or credit.locations
    )


def _job_line(credit: _Credit) -> bool:
    """Tell a cue-less line with no author: ``Political Editor``, ``PhillyVoice Staff``."""
    title = credit.job_title or ""
    return not credit.authors and (len(title.split()) >= 2 or bool(credit.publication and title))


def _read_region(
    region: str, tables: _Tables, *, cued: bool, lowered: bool = False
) -> _Credit | None:
    """Read the names part of a byline; None when any part is not a credit."""
    if any(ch in region for ch in ':?!"“”()[]{}'):
        return None
    whole = tables.agency(region)
    if whole is not None:
        return _Credit(agency=whole)
    if region[:1].islower() and not cued:
        return None
    if cued and not lowered and (pen_name := _pen_name(region, tables)):
        return _Credit(authors=[pen_name])
    if inverted := _last_first(region, tables, cued=cued):
        return _Credit(authors=[inverted])
    credit = _Credit()
    segments = [s.strip(_STRIP) for s in _SEPARATOR.split(region)]
    other_role = False
    for part in filter(None, segments):
        if len(part) <= _MAX_INITIAL_CHARS and _DEBRIS.match(part):
            continue
        opened = _cue_match(tables, part) if not credit.empty else None
        if tables.other_role.match(part) or (other_role and opened is None):
            # An editor or photographer credited beside the author is not one, nor are
            # the names after the role ("editing by A and B").
            if credit.empty:
                return None
            other_role = True
            continue
        other_role = False
        segment = part[opened.end() :].strip(_STRIP) if opened else part
        found = _read_segment(
            segment, tables, cued=cued or opened is not None, follows=bool(credit.authors)
        )
        if found is None:
            if _contact_words(segment, tables):
                continue
            return None
        credit.add(found)
    return credit


def _pen_name(region: str, tables: _Tables) -> str | None:
    """A one-word name after a cue (``By Zephyrine``); never a common word or acronym."""
    if " " in region or region.isupper() or not (_NAME_WORD.match(region) or _elided(region)):
        return None
    if sum(c.isupper() for c in region) > _MAX_PEN_NAME_CAPITALS:
        return None  # "GreatGameIndia": a site
    if _token_kind(region, tables, caps=False, first=True, last=True) != "word":
        return None
    if region in _MONTHS or region in BYLINE_NOT_PEN_NAMES or tables.publisher(region):
        return None
    return region


def _last_first(region: str, tables: _Tables, *, cued: bool) -> str | None:
    """Read ``Last, First`` (``Keane, Liam J.``) as ``First Last``.

    Without a cue the first names must hold an initial: ``Paris, France`` is a place.
    """
    match = _LAST_FIRST.match(region) if "," in region else None
    if match is None:
        return None
    last, first = match.group(1), match.group(2).split()
    if not 1 <= len(first) <= _MAX_FIRST_NAMES or first[-1].casefold() in _SUFFIXES:
        return None
    initials = sum(_initial(w) for w in first)
    if not cued and not 0 < initials < len(first):
        return None
    rest = " ".join(first)
    if tables.agency(rest) or tables.publisher(rest) or _job_title_start(first, tables) is not None:
        return None
    return _name([*first, last], tables, bare=False)


def _contact_words(segment: str, tables: _Tables) -> bool:
    return all(w.strip(_STRIP).casefold() in tables.contact_words for w in segment.split())


def _read_segment(segment: str, tables: _Tables, *, cued: bool, follows: bool) -> _Credit | None:
    """Read one comma- or bar-separated part; ``follows`` says an author came before."""
    agency = tables.agency(segment)
    if agency is not None:
        return _Credit(agency=agency)
    if tables.publisher(segment):
        return _Credit(publication=segment)
    words = segment.split()
    while cued and len(words) > 1 and words[-1].isdigit():
        words.pop()
    if cued and words:
        # "By Ana Ruiz2"; without a cue "Watch5" or "Warfare33" is a product or a tag.
        words[-1] = _GLUED_DIGITS.sub("", words[-1])
    segment = " ".join(words)
    owner = _POSSESSIVE.match(segment) if "'" in segment or "’" in segment else None
    if owner is not None and tables.agency(owner.group(1)):
        # "CNN's Dana Bash"; a paper's possessive opens headlines ("The Post's View").
        person = _read_person(segment[owner.end() :], tables, title_only=False)
        if person is None or not person.authors:
            return None
        person.agency = owner.group(1)
        return person
    link = tables.affiliation.search(segment)
    if link is not None:
        return _affiliated(segment, link, tables, cued=cued, follows=follows)
    person = _read_person(segment, tables, title_only=follows)
    if person is not None:
        person.agency = person.agency or _agency_word(words, tables)
        return person
    if _agency_word(words, tables):
        return _Credit(agency=segment)
    if cued and _capitalised(words) and _is_outlet(words, tables):
        return _Credit(publication=segment)
    return None


def _agency_word(words: Sequence[str], tables: _Tables) -> str | None:
    """Find an agency printed in capitals among ``words`` (``7 News WSVN``, ``AP Writer``)."""
    for word in words:
        token = word.strip(_STRIP)
        if len(token) > 1 and token.isupper() and tables.agency(token):
            return token
    return None


def _affiliated(
    segment: str, link: regex.Match[str], tables: _Tables, *, cued: bool, follows: bool
) -> _Credit | None:
    """Read ``Name for Outlet``, ``Name, Special to the Ledger`` or the outlet part alone.

    ``for`` names an outlet only after a cue or when the outlet reads as one; the other
    affiliation phrases always do.
    """
    person_part = segment[: link.start()].strip(_STRIP)
    publication = segment[link.end() :].strip(_STRIP)
    trusted = cued or link.group(1).casefold() != "for"
    if not _outlet_after_for(publication, tables, trusted=trusted):
        return None
    if not person_part:
        return _Credit(publication=publication) if follows else None
    person = _read_person(person_part, tables, title_only=follows)
    if person is None or not (person.authors or (follows and person.job_title)):
        return None
    person.publication = person.publication or publication
    return person


def _outlet_after_for(publication: str, tables: _Tables, *, trusted: bool) -> bool:
    """Whether ``publication`` (after ``for``) names an outlet: ``For Daily Mail``.

    With ``trusted`` any short capitalised phrase does (``Special to Metro``).
    """
    words = publication.split()
    if not (_capitalised(words) and len(words) <= _MAX_OUTLET_WORDS):
        return False
    if any(w.casefold() in _STOPWORDS - {"the", "of", "and"} for w in words):
        return False
    return (
        trusted
        or tables.publisher(publication)
        or tables.agency(publication) is not None
        or (_is_outlet(words, tables))
    )


def _is_outlet(words: Sequence[str], tables: _Tables) -> bool:
    return tables.outlet(words) or any(_DOMAIN_WORD.search(w) for w in words)


def _capitalised(words: Sequence[str]) -> bool:
    """Whether every word is capitalised or a short lowercase link word."""
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "the", "&") for w in words
    )


def _read_person(segment: str, tables: _Tables, *, title_only: bool) -> _Credit | None:
    """Read ``Name``, ``Name in Place``, ``Name Job title`` or a job title alone.

    With ``title_only`` (a part after an author: ``Jane Doe, Senior Political
    Correspondent``) words before a job title are the title's, never a name.
    """
    locations: list[str] = []
    located = _IN.search(segment) if "in" in segment else None
    if located is not None:
        place = segment[located.end() :].split()
        if not 1 <= len(place) <= 4 or not _capitalised(place):
            return None
        locations.append(" ".join(place))
        segment = segment[: located.start()]
    words = segment.split()
    start = _job_title_start(words, tables, plural=title_only)
    if start is None:
        name = _name(words, tables, bare=False)
        return _Credit(authors=[name], locations=locations) if name else None
    name_words, title_words = ([], list(words)) if title_only else _split_title(words, start)
    keyword = len(words) - start
    if name_words and _fold(words[start]) == "staff" and tables.outlet(title_words[:-keyword]):
        # "Cedar Falls Gazette Staff": an outlet's staff, the words before are its name.
        return _title_alone(words, keyword, tables)
    title = " ".join(title_words)
    if not name_words:
        return _title_alone(title_words, len(words) - start, tables)
    if any(_fold(w) in _STOPWORDS - _TITLE_LINKS for w in title_words):
        return None  # "Jim Ross is the NFL writer": a sentence
    name = _name(name_words, tables, bare=False)
    if name is not None:
        return _Credit(authors=[name], job_title=title, locations=locations)
    if _contact_words(" ".join(name_words), tables):
        return _title_alone(words, len(words) - start, tables)
    return None


def _title_alone(words: Sequence[str], keyword: int, tables: _Tables) -> _Credit | None:
    """Read a job title with no name; ``PhillyVoice Staff`` names an outlet.

    ``keyword`` is how many trailing words are the job title proper.
    """
    folded = [_fold(w) for w in words]
    if not _capitalised(words[:1]) or len(words) > 5 or folded[0] in _PROMPTS:
        return None
    if any(w in _STOPWORDS for w in folded):
        return None
    modifiers = words[: len(words) - keyword]
    if modifiers and _fold(words[-keyword]) == "staff" and _capitalised(modifiers):
        if _contact_words(" ".join(modifiers), tables):
            return None
        return _Credit(publication=" ".join(modifiers), job_title=" ".join(words[-keyword:]))
    return _Credit(job_title=" ".join(words))


def _job_title_start(words: Sequence[str], tables: _Tables, *, plural: bool = False) -> int | None:
    """Find where a trailing job title (``Diplomatic editor``'s keyword) starts.

    With ``plural`` the title may be plural, as after several names (``Jo Hale and Al
    Ross, Staff Writers``).
    """
    folded = tuple(w.strip(_STRIP).casefold() for w in words)
    if not folded:
        return None
    plural = plural and len(folded) > 1 and folded[-1].endswith("s")
    singular = (*folded[:-1], folded[-1][:-1]) if plural else folded
    # Only titles ending in the last word of a form (or empty ones) can match; they are
    # tried in their order in job_titles, as a scan of all of them would.
    index = tables.title_index
    at = {*index.get(folded[-1], ()), *index.get(singular[-1], ()), *index.get("", ())}
    for i in sorted(at):
        title = tables.job_titles[i]
        for form in (folded, singular):
            if len(title) <= len(form) and form[len(form) - len(title) :] == title:
                return len(form) - len(title)
    return None


def _split_title(words: Sequence[str], start: int) -> tuple[list[str], list[str]]:
    """Split a name from the modifiers of the job title after it.

    Lowercase words before the keyword belong to the title, and so does the capitalised
    word before them (``World affairs editor``); capitalised modifiers (``Senior
    Political Correspondent``) are whatever follows the first two name words.
    """
    head = list(words[:start])
    while head and head[-1][:1].islower() and not _particle(head[-1]):
        start -= 1
        head.pop()
    if start < len(words) - 1 and words[start][:1].islower() and len(head) > 2:
        start -= 1
        head.pop()
    cut = _name_length(head)
    return head[:cut], list(head[cut:]) + list(words[start:])


def _name_length(words: Sequence[str]) -> int:
    """How many of ``words`` make up a leading two-word name (initials and particles aside).

    Zero when ``words`` hold no such name: they are then all the job title's.
    """
    real = 0
    for i, word in enumerate(words):
        folded = word.casefold()
        if folded in _SUFFIXES and real >= 2:
            continue
        if real >= 2:
            return i
        if not (_initial(word) or _particle(word)):
            real += 1
    return len(words) if real >= 2 else 0


def _name(words: Sequence[str], tables: _Tables, *, bare: bool) -> str | None:
    """``words`` as a person's name, or None when they do not read as one."""
    tokens = [w.strip(",;|·•") for w in words]
    # A month after a name is the start of a date cut short ("Jon Hale Sept").
    while len(tokens) > 2 and tokens[-1].rstrip(".").capitalize() in _TRAILING_MONTHS:
        tokens.pop()
    if not 2 <= len(tokens) <= _MAX_NAME_TOKENS:
        return None
    caps = all(t.isupper() or not any(c.isalpha() for c in t) for t in tokens)
    if bare and (
        caps or any(t.endswith("s") and not (t.islower() and _particle(t)) for t in tokens[1:-1])
    ):
        return None
    if bare and not _bare_shape(tokens):
        return None
    real = initials = 0
    # A short name word that is also a stopword ends only a longer name ("Pham Minh An"),
    # never a phrase ("Goings On").
    long_name = len(tokens) >= _MIN_SHORT_WORD_NAME
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        kind = _token_kind(token, tables, caps=caps, first=i == 0, last=last, short_ok=long_name)
        if kind is None:
            return None
        if kind == "word" and 0 < i < len(tokens) - 1 and token.casefold() in _PARTICLES:
            kind = "particle"  # capitalised inside a name: "Dmitri Van Der Merwe"
        real += kind == "word"
        initials += kind == "initial"
    if real < 2 and not (real == 1 and initials):
        return None
    if real > (_MAX_BARE_WORDS if bare else _MAX_REAL_WORDS):
        return None
    name = " ".join(tokens)
    if tables.agency(name) or tables.publisher(name):
        return None
    return _recase(tokens) if caps else name


def _token_kind(
    token: str, tables: _Tables, *, caps: bool, first: bool, last: bool, short_ok: bool = False
) -> str | None:
    folded = token.casefold()
    if folded in _SUFFIXES:
        return "suffix" if last and not first else None
    if (folded in _PARTICLES and token.islower()) or (caps and folded in _PARTICLES and not first):
        return None if last else "particle"
    if folded in _PREFIXES and token[:1].isupper():
        return None if last else "particle"
    if _initial(token):
        return "initial" if not last or len(token) > 1 else None
    if short_ok and last and (token.capitalize() if caps else token) in _SHORT_WORDS:
        return "word"
    if folded in _STOPWORDS or folded in tables.not_names or tables.outlet([token]):
        return None
    if token in _WEEKDAYS or token.capitalize() in _WEEKDAYS:
        return None
    if _elided(token):
        return "word"
    if not _NAME_WORD.match(token) or (not caps and token.isupper()):
        return None
    return "word"


def _bare_shape(tokens: Sequence[str]) -> bool:
    """Whether a name with no cue has a name's shape, not a phrase's.

    Beyond four words it needs one run of particles, of two (``Juan P. de la Rosa``) or
    before the last word (``Ana Maria Silva da Costa``); one-letter
    words without a dot (``A``, ``I``) are initials at most once and never first.
    """
    undotted = [i for i, t in enumerate(tokens) if len(t) == 1]
    if len(undotted) > 1 or 0 in undotted:
        return False
    if any(
        t in NAME_INNER_PARTICLES and not (i and _particle(tokens[i - 1]))
        for i, t in enumerate(tokens)
    ):
        return False
    if len(tokens) <= _MAX_BARE_TOKENS:
        return True
    runs = [i for i, t in enumerate(tokens) if t.islower() and _particle(t)]
    if not runs or runs != list(range(runs[0], runs[-1] + 1)):
        return False
    # "de la Rosa", or one particle before the surname; "Analyse von Ana Ruiz" is a label
    return len(runs) > 1 or runs[-1] == len(tokens) - 2


def _particle(word: str) -> bool:
    """Whether ``word`` is a surname particle or prefix (``de``, ``van``, ``St.``)."""
    folded = word.casefold()
    return folded in _PARTICLES or folded in _PREFIXES


def _recase(tokens: Sequence[str]) -> str:
    """Title-case a name printed in capitals: ``O'BRIEN`` → ``O'Brien``."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        folded = token.casefold()
        if folded in _SUFFIXES:
            out.append(token if folded.rstrip(".") in ("ii", "iii", "iv") else token.capitalize())
        elif i and folded in _PARTICLES:
            out.append(folded)
        elif _initial(token):
            out.append(token)
        else:
            out.append(_CAPS_PART.sub(_cap_part, token))
    return " ".join(out)


def _cap_part(match: regex.Match[str]) -> str:
    prefix = (match.group(1) or "").capitalize()
    rest = match.group(3).lower()
    return prefix + match.group(2).upper() + rest
