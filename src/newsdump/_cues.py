"""Line cues: what each non-blank line looks like on its own, before any context.

A cue is a coarse kind (headline-shaped, prose, byline, date, caption, credit,
boilerplate …) with the parsed object behind it and the reason that decided it.
Later stages turn cues into boundaries and roles.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Sequence
from datetime import datetime

import attrs
import regex

from newsdump._boilerplate import BoilerKind, is_breadcrumb, local_boilerplate, repeated_lines
from newsdump._byline import parse_byline
from newsdump._captions import caption_cue
from newsdump._credits import parse_credit
from newsdump._dateline import parse_dateline
from newsdump._dates import parse_date
from newsdump._features import Features, Patterns, patterns
from newsdump._model import Byline, Credit, Dateline, ParsedDate
from newsdump._rules import Rules

__all__ = ["Cue", "Kind", "line_cues"]


class Kind(enum.Enum):
    """The coarse shape of a line."""

    BOILERPLATE = "boilerplate"
    CREDIT = "credit"
    BIO = "bio"
    DATE = "date"
    BYLINE = "byline"
    NAME = "name"
    CAPTION = "caption"
    DATELINE = "dateline"
    BULLET = "bullet"
    HEADLINE = "headline"
    PROSE = "prose"


@attrs.define(slots=True)
class Cue:
    """One non-blank line's kind, reason and parsed metadata.

    ``boiler`` says which boilerplate found from the line's place in the dump (a copy,
    injected text, a teaser, an appeal) a boilerplate line is; ``None`` for the others.
    """

    features: Features
    kind: Kind
    reason: str
    closing: bool = False
    related: bool = False
    appeal: bool = False
    boiler: BoilerKind | None = None
    byline: Byline | None = None
    date: ParsedDate | None = None
    credit: Credit | None = None
    dateline: Dateline | None = None
    publisher: str | None = None

    @property
    def index(self) -> int:
        """The 0-based line index of this cue in the dump."""
        return self.features.index

    @property
    def closer(self) -> bool:
        """Whether the line ends an article (closing boilerplate or an end credit)."""
        return self.closing or self.kind is Kind.CREDIT

    @property
    def header_like(self) -> bool:
        """Lines that may stand in an article's header."""
        return self.kind in _HEADER_KINDS


def _continues(line: Features, nxt: Features) -> bool:
    """Whether ``nxt`` reads as the rest of a sentence that ``line`` left open."""
    if nxt.html or nxt.text[:1] in ",;)—–":
        return True
    # A lower-case start continues the sentence only on the very next line, and only
    # when it is not itself a short lower-case label (image alt text often is).
    return nxt.lower_start and nxt.index == line.index + 1 and not nxt.fragment


_ATTRIBUTION = regex.compile(r"^(?:[—–]|--?)\s?+\p{Lu}")

_BY_ALONE = frozenset({"by", "written by", "words by", "story by", "posted by"})

_SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?][\"'”’]?\s++[\p{Lu}\"“‘]")

_HEADER_KINDS = frozenset(
    {Kind.HEADLINE, Kind.CAPTION, Kind.DATE, Kind.BYLINE, Kind.NAME}
)


def line_cues(
    features: Sequence[Features], rules: Rules, now: datetime | None
) -> list[Cue]:
    """The cue of every non-blank line, in order."""
    pats = patterns(rules)
    repeated = repeated_lines(features, rules)
    cues: list[Cue] = []
    # A cue depends on the line's text alone (features are a function of the normalised
    # line), so a line that recurs (menus, share prompts, a scraper's copies) reuses the
    # cue found for an earlier copy, with its own features.
    locals_: dict[str, Cue | None] = {}
    contents: dict[str, Cue] = {}
    for f in features:
        key = f.raw
        if key in locals_:
            local = locals_[key]
        else:
            if len(locals_) >= _MAX_KNOWN:
                locals_.clear()
            local = locals_[key] = _local_cue(f, pats, rules)
        if local is not None:
            cues.append(local if local.features is f else _moved(local, f))
            continue
        if (boiler := repeated.get(f.index)) is not None:
            cues.append(Cue(f, Kind.BOILERPLATE, boiler.value, boiler=boiler,
                            byline=_name_in(f, rules)))
            continue
        content = contents.get(key)
        if content is None:
            if len(contents) >= _MAX_KNOWN:
                contents.clear()
            content = contents[key] = _content_cue(f, rules, now)
        cues.append(content if content.features is f else _moved(content, f))
    _mend_broken_sentences(cues)
    return cues


_MAX_KNOWN = 4096
"""Distinct lines whose cues :func:`line_cues` keeps for reuse (then it starts afresh)."""

_CUE_FIELDS = tuple(field.name for field in attrs.fields(Cue))[1:]
_copy_fields = operator.attrgetter(*_CUE_FIELDS)


def _moved(cue: Cue, f: Features) -> Cue:
    """A copy of ``cue`` for another line with the same text."""
    return Cue(f, *_copy_fields(cue))


def _local_cue(f: Features, pats: Patterns, rules: Rules) -> Cue | None:
    """The boilerplate cue that the line alone gives, or ``None``."""
    local = local_boilerplate(f, pats, rules)
    if local is None:
        return None
    publisher = None
    if local.closing:
        match = pats.closing.search(f.text, f.word_set)
        if match is not None and "publisher" in match.groupdict():
            publisher = match.group("publisher")
    return Cue(
        f,
        Kind.BOILERPLATE,
        local.reason,
        closing=local.closing,
        related=local.related,
        appeal=local.appeal,
        publisher=publisher,
        byline=_name_in(f, rules) if local.link else None,
    )


def _name_in(f: Features, rules: Rules) -> Byline | None:
    """The byline the line reads as, if it is short enough to be one.

    A boilerplate line keeps it too (an author's link, a repeated byline): the line stays
    boilerplate, and the byline is there for when the model (or the fallback for an
    article without a byline) makes it one.
    """
    if f.words > rules.max_byline_words:
        return None
    return parse_byline(f.text, rules=rules)


def _names_a_photo_source(text: str, rules: Rules) -> bool:
    """Whether a slash-separated line names a photo agency (then it is a credit)."""
    segments = {part.strip() for part in text.split("/")}
    return any(marker in segments for marker in rules.photo_credit_markers)


def _mend_broken_sentences(cues: Sequence[Cue]) -> None:
    """A headline-shaped line whose sentence runs on is prose, not a headline.

    It runs on when the next content line starts in lower case, with a comma or dash, or
    with markup residue, or when the line itself holds a sentence break.
    """
    following: Cue | None = None
    for cue in reversed(cues):
        if cue.kind is Kind.BOILERPLATE:
            continue
        if cue.kind is Kind.HEADLINE:
            f = cue.features
            runs_on = following is not None and _continues(f, following.features)
            if runs_on:
                cue.kind, cue.reason = Kind.PROSE, "sentence runs on into the next line"
            elif (
                f.words >= 8
                and not f.question
                and f.capitalised < 0.5
                and _SENTENCE_BREAK.search(f.text)
            ):
                cue.kind, cue.reason = Kind.PROSE, "several sentences"
        following = cue


def _content_cue(f: Features, rules: Rules, now: datetime | None) -> Cue:
    text = f.text
    if text.casefold().rstrip(":") in _BY_ALONE:
        return Cue(f, Kind.BYLINE, "byline cue on its own line")
    if f.words <= 80 and (credit := parse_credit(text, rules=rules)) is not None:
        kind = Kind.BIO if credit.kind == "bio" else Kind.CREDIT
        return Cue(f, kind, f"credit ({credit.kind})", credit=credit)
    if f.raw[:1] in "—–-" and _ATTRIBUTION.match(f.raw):  # the raw line: "- Name" is a list item
        return Cue(f, Kind.PROSE, "attribution of the quote above")
    if f.words <= 16 and (date := parse_date(text, now=now, rules=rules)) is not None:
        return Cue(f, Kind.DATE, "date line", date=date)
    if byline := _name_in(f, rules):
        if byline.bare:
            return Cue(f, Kind.NAME, "bare name", byline=byline)
        return Cue(f, Kind.BYLINE, "byline", byline=byline)
    if is_breadcrumb(text) and not _names_a_photo_source(text, rules):
        return Cue(f, Kind.BOILERPLATE, "breadcrumb or tag list")
    if (reason := caption_cue(text, rules)) is not None:
        return Cue(f, Kind.CAPTION, f"caption: {reason}")
    if f.starts_capital and (dateline := parse_dateline(text, rules=rules)) is not None:
        return Cue(f, Kind.DATELINE, "dateline opens the paragraph", dateline=dateline)
    if f.bullet:
        return Cue(f, Kind.BULLET, "bulleted line")
    if (not f.terminal or f.question) and f.words <= rules.max_title_words:
        return Cue(f, Kind.HEADLINE, "short unpunctuated line: headline, label or alt text")
    return Cue(f, Kind.PROSE, "running text")
