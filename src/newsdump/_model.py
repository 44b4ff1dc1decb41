"""Result classes: what :func:`newsdump.parse` and the standalone parsers return.

Every class here is a frozen, slotted attrs class, so results are hashable, cheap and
cannot be changed after the fact.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import attrs

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Credit",
    "Dateline",
    "Dump",
    "Line",
    "ParsedDate",
    "Role",
    "Span",
]


class Role(str, enum.Enum):
    """The role of a non-blank line in a news dump."""

    TITLE = "title"
    """The article's headline (its first occurrence)."""
    DEK = "dek"
    """A subtitle or standfirst right under the headline."""
    SUMMARY = "summary"
    """Key-point bullets at the top of an article."""
    CAPTION = "caption"
    """Image alt text, a photo caption or a photo credit."""
    BYLINE = "byline"
    """An author line: ``By X``, ``X·2 min read``, ``X Diplomatic editor``, a bare name."""
    DATE = "date"
    """A standalone date or time line: ``Tue, February 9, 2021, 11:07 AM``, ``2 hours ago``."""
    HEADING = "heading"
    """A section heading inside the body."""
    BODY = "body"
    """Article text; it may open with a dateline."""
    CREDIT = "credit"
    """End credits and author bios: ``(Reporting by X; Editing by Y)``."""
    BOILERPLATE = "boilerplate"
    """Anything the site adds that is not the article."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Span:
    """Half-open character offsets ``[start, end)`` into the parsed text."""

    start: int
    """First character offset (inclusive)."""
    end: int
    """Offset one past the last character."""

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(slots=True)
class Line:
    """One line of the input, blank or not.

    ``span`` covers the line *and* its line ending, so the spans of
    :attr:`Dump.lines` tile the input exactly; ``text`` is the line without its ending,
    exactly as it was (no stripping), and ``ending`` is the ending itself
    (``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or ``""`` for the last line).
    """

    number: int
    """1-based line number."""
    span: Span
    """Offsets of the line and its ending in the input."""
    text: str
    """The line as printed, without its ending."""
    ending: str = ""
    """The line ending: ``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or ``""``."""
    role: Role | None = None
    """The line's role; ``None`` only for blank lines."""
    reason: str = ""
    """The rule or feature that decided the role."""
    confidence: float = 1.0
    """How sure the model is of ``role``, from 0 to 1 (1.0 for blank lines and for
    lines a rule decided)."""

    @property
    def is_blank(self) -> bool:
        """Whether the line holds only white space."""
        return not self.text.strip()


@attrs.frozen(slots=True)
class Byline:
    """An author line, parsed.

    ``authors`` holds people only; a news agency or publication named in the line goes
    to ``agency`` or ``publication``, never to ``authors``.
    """

    text: str
    """The line as parsed."""
    authors: tuple[str, ...] = ()
    """People credited, as printed (agencies and outlets excluded)."""
    agency: str | None = None
    """A news agency named in the line (``Reuters``, ``AP``)."""
    publication: str | None = None
    """A publication named in the line (``For Daily Mail``)."""
    job_title: str | None = None
    """A newsroom title after the name (``Diplomatic editor``)."""
    location: str | None = None
    """Where the author filed from (``in Beirut``)."""
    reading_time: str | None = None
    """A reading time printed with the byline (``2 min read``)."""
    date_text: str | None = None
    """A date printed in the byline, as printed."""
    bare: bool = False
    """True when the line is only a name, with no byline cue ("By", a job title, a
    reading time); such a line is a byline only in an article's header."""


@attrs.frozen(slots=True)
class Dateline:
    """The dateline that opens a body paragraph: ``OTTAWA (Reuters) –``."""

    text: str
    """The dateline as printed, without its dash."""
    location: str
    """The place, or ``""`` for an outlet-only dateline."""
    agency: str | None = None
    """The agency in parentheses, if any."""
    date_text: str | None = None
    """A date inside the dateline (``Nov. 18``), as printed."""
    end: int = 0
    """Offset in the parsed string just past the dateline and its dash or colon."""


@attrs.frozen(slots=True)
class ParsedDate:
    """A date or time as printed, and what it resolves to.

    ``value`` is a :class:`~datetime.datetime` when the text gives a time of day, a
    :class:`~datetime.date` when it gives a full date only, and ``None`` when the text
    cannot be resolved without inventing a field (no year, a relative date and no
    ``now``). ``text`` is always kept.
    """

    text: str
    """The date as printed (labels such as ``Updated:`` removed)."""
    value: datetime | date | None = None
    """The resolved date or datetime, or ``None``."""
    relative: bool = False
    """Whether the text is relative (``2 hours ago``)."""
    timezone: str | None = None
    """The time zone as printed, if any."""


@attrs.frozen(slots=True)
class Caption:
    """An image caption or photo credit line, split into description and credit."""

    text: str
    """The caption line as parsed."""
    description: str | None = None
    """What the picture shows, if printed."""
    credit: str | None = None
    """The photo credit, if printed."""
    file_photo: bool = False
    """Whether the caption marks a file photo."""


@attrs.frozen(slots=True)
class Credit:
    """An end credit or author bio.

    ``kind`` is ``"reporting"`` for ``(Reporting by X; Editing by Y)``, ``"contributor"``
    for ``X contributed to this report``, ``"bio"`` for ``X is …`` author notes.
    """

    text: str
    """The credit line as parsed."""
    kind: str
    """``"reporting"``, ``"contributor"`` or ``"bio"``."""
    reporters: tuple[str, ...] = ()
    """People credited with reporting or writing."""
    editors: tuple[str, ...] = ()
    """People credited with editing."""
    contributors: tuple[str, ...] = ()
    """People who contributed, or whom a bio describes."""


@attrs.frozen(slots=True)
class Article:
    """One article found in a dump, with its lines and parsed metadata.

    ``first_line`` and ``last_line`` are 1-based and inclusive; boilerplate that trails
    an article belongs to it. ``text`` is the clean article text: body paragraphs and
    headings only, joined by blank lines.
    """

    index: int
    """0-based position of the article in the dump."""
    first_line: int
    """First non-blank line (1-based)."""
    last_line: int
    """Last non-blank line (1-based, inclusive)."""
    span: Span
    """Offsets from the start of the first line to the end of the last line's text."""
    lines: tuple[Line, ...]
    """The article's lines, blank ones between its lines included."""
    title: str | None = None
    """The headline, if any: of several lines labelled title, the one labelled surest."""
    dek: str | None = None
    """The first subtitle under the headline, if any."""
    summary: tuple[str, ...] = ()
    """Key-point bullets, without their bullet marks."""
    bylines: tuple[Byline, ...] = ()
    """Every parsed byline of the article."""
    authors: tuple[str, ...] = ()
    """The people credited, in order, without duplicates."""
    dateline: Dateline | None = None
    """The dateline of the first body paragraph, if any."""
    published: datetime | date | None = None
    """The publication date or time, when it resolves without invented fields."""
    published_text: str | None = None
    """The date as printed, kept even when it cannot be resolved."""
    captions: tuple[Caption, ...] = ()
    """Every caption line, parsed."""
    credits: tuple[Credit, ...] = ()
    """End credits and author bios, parsed."""
    publisher: str | None = None
    """The publication's name where the text shows it."""
    paragraphs: tuple[str, ...] = ()
    """The clean body and heading paragraphs."""
    start_reason: str = ""
    """Why the article starts at :attr:`first_line` (the strongest evidence)."""
    confidence: float = 1.0
    """How sure the model is that an article starts at :attr:`first_line`, from 0 to 1
    (1.0 for the dump's first article)."""

    @property
    def text(self) -> str:
        """The clean article text: body and headings, no boilerplate, captions or bylines."""
        return "\n\n".join(self.paragraphs)

    def lines_with(self, role: Role) -> tuple[Line, ...]:
        """The article's lines that have ``role``."""
        return tuple(line for line in self.lines if line.role is role)


@attrs.frozen(slots=True)
class Dump:
    """A parsed news dump: the input, every line with its role, and the articles."""

    text: str
    """The parsed text, unchanged."""
    lines: tuple[Line, ...]
    """Every line of the input, blank ones included."""
    articles: tuple[Article, ...]
    """The articles found, in order."""
