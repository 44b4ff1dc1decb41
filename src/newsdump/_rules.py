"""The tables and thresholds that drive newsdump's heuristics.

Everything publisher- or language-specific lives here as data. :class:`Rules` is
immutable; :meth:`Rules.extend` returns a copy with more entries, so users add their
own phrases, agencies or publishers without forking::

    rules = newsdump.Rules().extend(boilerplate_phrases=["Get our free app"])
    newsdump.parse(text, rules=rules)

Phrase tables accept *slots*: ``<publisher>`` matches a publisher's name (and captures
it), ``<name>`` a person's name, ``<any>`` any short run of text. Matching ignores case
and collapses white space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from newsdump import _tables

__all__ = ["Rules"]


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        msg = "expected a sequence of strings, got a single string"
        raise TypeError(msg)
    return tuple(values)


@attrs.frozen(slots=True)
class Rules:
    """Tables of phrases, agencies, credit formats and thresholds, with defaults.

    Every table is a tuple of strings. Defaults come from ``newsdump._tables``; see the
    documentation of each field for what it matches.
    """

    boilerplate_lines: tuple[str, ...] = attrs.field(
        default=_tables.BOILERPLATE_LINES, converter=_tuple
    )
    """Whole-line boilerplate: a line that *is* one of these phrases (``Advertisement``)."""

    boilerplate_phrases: tuple[str, ...] = attrs.field(
        default=_tables.BOILERPLATE_PHRASES, converter=_tuple
    )
    """Phrases that mark a short line as boilerplate wherever they occur in it
    (newsletter, subscription and donation appeals, share prompts, copyright)."""

    closing_phrases: tuple[str, ...] = attrs.field(
        default=_tables.CLOSING_PHRASES, converter=_tuple
    )
    """Boilerplate that closes an article (``Read the original article on <publisher>``):
    the next content line starts a new article."""

    related_markers: tuple[str, ...] = attrs.field(
        default=_tables.RELATED_MARKERS, converter=_tuple
    )
    """Headers of related-link lists and widgets (``Most Read``, ``Read next``); the
    lines after one are teasers, not the article."""

    appeal_openers: tuple[str, ...] = attrs.field(
        default=_tables.APPEAL_OPENERS, converter=_tuple
    )
    """Lines that open a multi-paragraph appeal (``Since you're here …``): the appeal
    runs to the end of the article."""

    agencies: tuple[str, ...] = attrs.field(default=_tables.AGENCIES, converter=_tuple)
    """News agencies and broadcasters as printed in datelines, bylines and credits;
    an agency is reported as such, never as an author."""

    publishers: tuple[str, ...] = attrs.field(default=_tables.PUBLISHERS, converter=_tuple)
    """Publication names recognised in bylines, captions and boilerplate."""

    photo_credit_markers: tuple[str, ...] = attrs.field(
        default=_tables.PHOTO_CREDIT_MARKERS, converter=_tuple
    )
    """Words that introduce or mark a photo credit (``Photograph:``, ``Getty Images``)."""

    caption_openers: tuple[str, ...] = attrs.field(
        default=_tables.CAPTION_OPENERS, converter=_tuple
    )
    """Prefixes that open a caption (``FILE PHOTO:``, ``Pictured:``)."""

    job_titles: tuple[str, ...] = attrs.field(default=_tables.JOB_TITLES, converter=_tuple)
    """Newsroom job titles that may follow a name in a byline (``Diplomatic editor``)."""

    credit_roles: tuple[str, ...] = attrs.field(default=_tables.CREDIT_ROLES, converter=_tuple)
    """Verbs of end credits (``Reporting by``, ``Editing by``, ``Writing by``)."""

    not_names: tuple[str, ...] = attrs.field(default=_tables.NOT_NAMES, converter=_tuple)
    """Words that never belong to a person's name in a byline (``Staff``, ``Email``)."""

    max_title_words: int = 30
    """The longest headline, in words."""

    max_byline_words: int = 12
    """The longest byline, in words."""

    max_boilerplate_words: int = 40
    """Phrase-table matches mark a line as boilerplate only when it is at most this long."""

    min_repeat_chars: int = 40
    """Lines of at least this many characters that recur verbatim are injected text."""

    repeat_window: int = 40
    """Running text that recurs verbatim within this many lines is injected text
    (tooltips, glossary entries); farther apart, a recurrence is left alone."""

    context_lines: int = 400
    """How far (in lines) any decision looks; it bounds memory when streaming."""

    cohesion_window: int = 4
    """How many content lines on each side of a gap lexical cohesion compares."""

    cohesion_threshold: float = 0.03
    """Below this similarity (idf-weighted cosine) across a gap, a weak structural cue
    (a captioned photo, a headline block without byline or date) becomes a boundary."""

    date_labels: tuple[str, ...] = attrs.field(default=_tables.DATE_LABELS, converter=_tuple)
    """Labels printed before or after a standalone date (``Published:``, ``Last updated``);
    a line that is only labels and dates is a date line."""

    bio_roles: tuple[str, ...] = attrs.field(default=_tables.BIO_ROLES, converter=_tuple)
    """Roles that make ``<Name> is a/the …`` an author bio (``MP``, ``fellow``,
    ``reporter``) rather than a body sentence about a person."""

    publication_words: tuple[str, ...] = attrs.field(
        default=_tables.PUBLICATION_WORDS, converter=_tuple
    )
    """Words that make a capitalised phrase a publication's name, not a person's
    (``Times``, ``Herald``, ``Today``): ``Written by Miami Today`` credits no author."""

    dateline_labels: tuple[str, ...] = attrs.field(
        default=_tables.DATELINE_LABELS, converter=_tuple
    )
    """Upper-case labels that open a paragraph like a dateline but name no place
    (``UPDATE:``, ``EXCLUSIVE —``)."""

    def extend(self, **tables: Iterable[str]) -> Rules:
        """Return a copy with ``tables`` appended to the named tables.

        Raises :class:`ValueError` for a name that is not a table.
        """
        changes: dict[str, Any] = {}
        for name, values in tables.items():
            current = getattr(self, name, None)
            if not isinstance(current, tuple):
                msg = f"Rules has no table named {name!r}"
                raise ValueError(msg)
            changes[name] = current + _tuple(values)
        return attrs.evolve(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, base: Rules | None = None) -> Rules:
        """Build rules from a mapping such as a parsed TOML or JSON file.

        ``data`` may hold ``extend`` (tables whose entries are appended to ``base``),
        ``replace`` (tables or thresholds that replace ``base``'s) and thresholds at the
        top level. Unknown keys raise :class:`ValueError`, so a typo never passes silently.
        """
        rules = base if base is not None else cls()
        known = {f.name for f in attrs.fields(cls)}
        extend = dict(data.get("extend", {}))
        replace = dict(data.get("replace", {}))
        for key, value in data.items():
            if key in ("extend", "replace"):
                continue
            replace[key] = value
        unknown = sorted((set(extend) | set(replace)) - known)
        if unknown:
            msg = f"unknown rules keys: {', '.join(unknown)}"
            raise ValueError(msg)
        rules = rules.extend(**extend)
        return attrs.evolve(rules, **replace)
