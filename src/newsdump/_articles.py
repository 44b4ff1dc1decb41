"""Assemble :class:`Article` objects from labelled lines and their parsed cues."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import date, datetime

import regex

from newsdump._captions import parse_caption
from newsdump._cues import Cue
from newsdump._dates import parse_date
from newsdump._model import Article, Byline, Caption, Credit, Line, Role, Span
from newsdump._phrases import normalize
from newsdump._rules import Rules

__all__ = ["build_article"]

_BULLET = regex.compile(r"^[•·▪▸►‣◦●○■□➤✓✔*\-–—]\s*+")
_DEBRIS = regex.compile(r"^[\"“”']?>\s*+")


def build_article(
    index: int,
    lines: Sequence[Line],
    cues: dict[int, Cue],
    rules: Rules,
    now: datetime | None,
    *,
    start_reason: str = "",
    confidence: float = 1.0,
) -> Article:
    """Build one article from its lines (blank ones included) and the cues by line index.

    ``start_reason`` and ``confidence`` say why and how surely the article starts there.
    """
    content = [line for line in lines if line.role is not None]
    first, last = content[0], content[-1]
    by_role: dict[Role, list[Line]] = {}
    for line in content:
        assert line.role is not None
        by_role.setdefault(line.role, []).append(line)

    bylines = tuple(
        b for line in by_role.get(Role.BYLINE, []) if (b := cues[line.number - 1].byline)
    )
    published, published_text = _published(by_role, cues, bylines, rules, now)
    body = by_role.get(Role.BODY, [])
    dateline = cues[body[0].number - 1].dateline if body else None
    return Article(
        index=index,
        first_line=first.number,
        last_line=last.number,
        span=Span(first.span.start, last.span.start + len(last.text)),
        lines=tuple(lines),
        title=_surest_text(by_role, Role.TITLE),
        dek=_first_text(by_role, Role.DEK),
        summary=tuple(_BULLET.sub("", normalize(x.text)) for x in by_role.get(Role.SUMMARY, [])),
        bylines=bylines,
        authors=_authors(bylines) or _bio_authors(by_role.get(Role.CREDIT, []), cues),
        dateline=dateline,
        published=published,
        published_text=published_text,
        captions=_captions(by_role.get(Role.CAPTION, []), rules),
        credits=_credits(by_role.get(Role.CREDIT, []), cues),
        publisher=_publisher(content, cues, bylines),
        paragraphs=tuple(
            _DEBRIS.sub("", normalize(line.text))
            for line in content
            if line.role in (Role.BODY, Role.HEADING)
        ),
        start_reason=start_reason,
        confidence=confidence,
    )


def _first_text(by_role: dict[Role, list[Line]], role: Role) -> str | None:
    lines = by_role.get(role)
    return normalize(lines[0].text) if lines else None


def _surest_text(by_role: dict[Role, list[Line]], role: Role) -> str | None:
    """The line of ``role`` with the highest confidence (the first of equals)."""
    lines = by_role.get(role)
    if not lines:
        return None
    return normalize(max(lines, key=_CONFIDENCE).text)


_CONFIDENCE = operator.attrgetter("confidence")


def _authors(bylines: Sequence[Byline]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for byline in bylines:
        for name in byline.authors:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _bio_authors(lines: Sequence[Line], cues: dict[int, Cue]) -> tuple[str, ...]:
    """Without a byline, the people an end-of-article bio names are the authors."""
    names: list[str] = []
    for line in lines:
        credit = cues[line.number - 1].credit
        if credit is not None and credit.kind == "bio":
            names.extend(n for n in credit.contributors if n not in names)
    return tuple(names)


def _published(
    by_role: dict[Role, list[Line]],
    cues: dict[int, Cue],
    bylines: Sequence[Byline],
    rules: Rules,
    now: datetime | None,
) -> tuple[datetime | date | None, str | None]:
    for line in by_role.get(Role.DATE, []):
        parsed = cues[line.number - 1].date
        if parsed is not None:
            return parsed.value, parsed.text
    for byline in bylines:
        if byline.date_text:
            parsed = parse_date(byline.date_text, now=now, rules=rules)
            if parsed is not None:
                return parsed.value, parsed.text
            return None, byline.date_text
    return None, None


def _captions(lines: Sequence[Line], rules: Rules) -> tuple[Caption, ...]:
    return tuple(parse_caption(normalize(line.text), rules=rules) for line in lines)


def _credits(lines: Sequence[Line], cues: dict[int, Cue]) -> tuple[Credit, ...]:
    out: list[Credit] = []
    for line in lines:
        credit = cues[line.number - 1].credit
        if credit is not None:
            out.append(credit)
    return tuple(out)


def _publisher(
    content: Sequence[Line], cues: dict[int, Cue], bylines: Sequence[Byline]
) -> str | None:
    for line in content:
        cue = cues.get(line.number - 1)
        if cue is not None and cue.publisher:
            return cue.publisher
    for byline in bylines:
        if byline.publication:
            return byline.publication
    return None
