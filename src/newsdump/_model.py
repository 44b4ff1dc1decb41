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
    end: int

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
    span: Span
    text: str
    ending: str = ""
    role: Role | None = None
    reason: str = ""

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
    authors: tuple[str, ...] = ()
    agency: str | None = None
    publication: str | None = None
    job_title: str | None = None
    location: str | None = None
    reading_time: str | None = None
    date_text: str | None = None
    bare: bool = False
    """True when the line is only a name, with no byline cue ("By", a job title, a
    reading time); such a line is a byline only in an article's header."""


@attrs.frozen(slots=True)
class Dateline:
    """The dateline that opens a body paragraph: ``OTTAWA (Reuters) –``."""

    text: str
    location: str
    agency: str | None = None
    date_text: str | None = None
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
    value: datetime | date | None = None
    relative: bool = False
    timezone: str | None = None


@attrs.frozen(slots=True)
class Caption:
    """An image caption or photo credit line, split into description and credit."""

    text: str
    description: str | None = None
    credit: str | None = None
    file_photo: bool = False


@attrs.frozen(slots=True)
class Credit:
    """An end credit or author bio.

    ``kind`` is ``"reporting"`` for ``(Reporting by X; Editing by Y)``, ``"contributor"``
    for ``X contributed to this report``, ``"bio"`` for ``X is …`` author notes.
    """

    text: str
    kind: str
    reporters: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Article:
    """One article found in a dump, with its lines and parsed metadata.

    ``first_line`` and ``last_line`` are 1-based and inclusive; boilerplate that trails
    an article belongs to it. ``text`` is the clean article text: body paragraphs and
    headings only, joined by blank lines.
    """

    index: int
    first_line: int
    last_line: int
    span: Span
    lines: tuple[Line, ...]
    title: str | None = None
    dek: str | None = None
    summary: tuple[str, ...] = ()
    bylines: tuple[Byline, ...] = ()
    authors: tuple[str, ...] = ()
    dateline: Dateline | None = None
    published: datetime | date | None = None
    published_text: str | None = None
    captions: tuple[Caption, ...] = ()
    credits: tuple[Credit, ...] = ()
    publisher: str | None = None
    paragraphs: tuple[str, ...] = ()

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
    lines: tuple[Line, ...]
    articles: tuple[Article, ...]
