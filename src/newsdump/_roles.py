"""The rule cascade's roles by position (newsdump 0.1), read by the model as attributes.

The same headline-shaped line is a title at the top of an article, a heading inside
its body and a teaser after it; a name is a byline in the header and body text
elsewhere. This module decides by where a line stands.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from newsdump._cues import Cue, Kind
from newsdump._model import Role

__all__ = ["assign_roles"]

_DESCRIPTIVE = regex.compile(
    r"\b(?:pictured|seen|shown|shows|poses?|posing|holds?|holding|walks?|walking|"
    r"stands?|standing|sits?|sitting|wearing|arrives?|arriving|speaks?|speaking|"
    r"gestures?|gesturing|looks?\s++on|attends?|map|photo|image|picture|file)\b|\b\w{2,30}?ing\b",
    regex.I,
)

Assignment = tuple[Role, str]

_HEADER_SCAN = 14
_CREDIT_LINE_WORDS = 10
_QUOTES = frozenset("\"'“‘«„")


def assign_roles(cues: Sequence[Cue]) -> list[Assignment]:
    """The role and reason of each cue of one article, in order."""
    out: list[Assignment | None] = [None] * len(cues)
    body_start = _assign_header(cues, out)
    last_body = _last_body(cues, body_start)
    for j in range(body_start, len(cues)):
        if out[j] is None:
            out[j] = _body_role(cues, j, last_body)
    return [a if a is not None else (Role.BODY, "running text") for a in out]


def _assign_header(cues: Sequence[Cue], out: list[Assignment | None]) -> int:
    """Label the header lines; return the position where the body starts."""
    title_at = _choose_title(cues)
    title = cues[title_at].features.text if title_at is not None else None
    previous: Role | None = None
    j = 0
    while j < len(cues):
        cue = cues[j]
        kind = cue.kind
        nxt_cue = cues[j + 1] if j + 1 < len(cues) else None
        nxt = nxt_cue.kind if nxt_cue is not None else None
        role: Assignment | None = None
        if kind is Kind.BOILERPLATE:
            role = (Role.BOILERPLATE, cue.reason)
        elif kind is Kind.HEADLINE:
            if j == title_at:
                role = (Role.TITLE, "best headline-shaped line at the top of the article")
            elif title is not None and cue.features.text == title:
                role = (Role.BOILERPLATE, "repeated copy of the title")
            elif title_at is not None and j < title_at:
                role = (Role.BOILERPLATE, "kicker or navigation above the headline")
            elif previous is Role.TITLE and cue.features.words >= 6:
                role = (Role.DEK, "headline-shaped line under the title")
            else:
                role = (Role.CAPTION, "short line in the header: image alt text")
        elif kind is Kind.CAPTION:
            role = (Role.CAPTION, cue.reason)
        elif j == title_at:
            role = (Role.TITLE, "sentence-shaped headline right above the byline or date")
        elif kind is Kind.NAME and nxt_cue is not None and _echoed(cue, nxt_cue):
            role = (Role.CAPTION, "name repeated in the line below: image alt text")
        elif kind is Kind.NAME and nxt is Kind.BULLET:
            role = (Role.CAPTION, "name-like label above key points: image alt text")
        elif kind in (Kind.BYLINE, Kind.NAME):
            role = (Role.BYLINE, cue.reason)
        elif kind is Kind.DATE:
            role = (Role.DATE, cue.reason)
        elif kind is Kind.BULLET:
            role = (Role.SUMMARY, "key-point bullet at the top")
        elif kind is Kind.PROSE and nxt is not None and _header_prose(previous, nxt):
            role = _header_prose_role(previous)
        if role is None:
            break
        out[j] = role
        previous = role[0]
        j += 1
    return j


def _choose_title(cues: Sequence[Cue]) -> int | None:
    """The position of the headline among the header's headline-shaped lines."""
    best: tuple[int, int] | None = None
    for j, cue in enumerate(cues[:_HEADER_SCAN]):
        if cue.kind in (Kind.PROSE, Kind.DATELINE, Kind.CREDIT, Kind.BIO):
            break
        if cue.kind is not Kind.HEADLINE or cue.features.words < 2:
            continue
        nxt = cues[j + 1] if j + 1 < len(cues) else None
        if _alt_text(cue, nxt):
            continue
        f = cue.features
        score = 0
        score += 2 if 4 <= f.words <= 25 else 0
        score += 1 if f.words >= 3 else -2
        score += 0 if f.text[:1] in _QUOTES else 1
        score -= 2 if f.lower_start else 0
        if best is None or score > best[0]:
            best = (score, j)
    if best is not None:
        return best[1]
    return _punctuated_title(cues)


def _punctuated_title(cues: Sequence[Cue]) -> int | None:
    """A sentence-shaped first line right above the byline or date: the headline.

    Deks and captions may stand between it and the byline or date.
    """
    if len(cues) < 2 or cues[0].kind is not Kind.PROSE or cues[0].features.words > 20:
        return None
    for cue in cues[1:4]:
        if cue.kind in (Kind.BYLINE, Kind.NAME, Kind.DATE):
            return 0
        if cue.kind not in (Kind.PROSE, Kind.CAPTION):
            return None
    return None


def _echoed(cue: Cue, nxt: Cue) -> bool:
    """Whether the next line repeats this short line, as a caption repeats its alt text."""
    if nxt.kind is Kind.HEADLINE:
        return False
    return cue.features.text.casefold() in nxt.features.text.casefold()


def _alt_text(cue: Cue, nxt: Cue | None) -> bool:
    """Whether a headline-shaped line is image alt text.

    It is when its photo credit, or a caption after a very short line, follows it.
    """
    if nxt is None or nxt.kind is not Kind.CAPTION:
        return False
    return cue.features.words <= 3 or nxt.features.words <= 6


def _header_prose(previous: Role | None, nxt: Kind) -> bool:
    if previous in (Role.TITLE, Role.CAPTION):
        return nxt in (Kind.BYLINE, Kind.NAME, Kind.DATE, Kind.CAPTION, Kind.BULLET)
    return previous is None and nxt in (Kind.CAPTION, Kind.BYLINE, Kind.NAME, Kind.DATE)


def _header_prose_role(previous: Role | None) -> Assignment:
    if previous is Role.CAPTION:
        return (Role.CAPTION, "sentence after image alt text: photo caption")
    return (Role.DEK, "sentence under the headline")


def _last_body(cues: Sequence[Cue], start: int) -> int:
    last = start - 1
    for j in range(start, len(cues)):
        if cues[j].kind in (Kind.PROSE, Kind.DATELINE):
            last = j
    return last


def _body_role(cues: Sequence[Cue], j: int, last_body: int) -> Assignment:
    cue = cues[j]
    kind = cue.kind
    if kind is Kind.BOILERPLATE:
        return (Role.BOILERPLATE, cue.reason)
    if kind is Kind.CREDIT:
        return (Role.CREDIT, cue.reason)
    if kind is Kind.BIO:
        if j > last_body or _only_credits_after(cues, j) or _near_end(cues, j):
            return (Role.CREDIT, "author note at the end")
        return (Role.BODY, "running text (bio-like sentence inside the body)")
    if kind is Kind.CAPTION:
        return (Role.CAPTION, cue.reason)
    if kind is Kind.DATE:
        return (Role.DATE, cue.reason)
    if kind is Kind.BYLINE:
        return (Role.BYLINE, cue.reason)
    if kind is Kind.PROSE and _above_photo_credit(cues, j):
        return (Role.CAPTION, "sentence above its photo credit")
    if kind in (Kind.PROSE, Kind.DATELINE, Kind.BULLET):
        return (Role.BODY, "running text")
    if kind is Kind.NAME and _beside_bio(cues, j):
        return (Role.BYLINE, "author name beside the author's bio")
    if j > last_body:
        return (Role.BOILERPLATE, "link or tag line after the article text")
    if kind is Kind.NAME:
        return (Role.BODY, "name line inside the body")
    return _inner_headline(cues, j)


def _near_end(cues: Sequence[Cue], j: int) -> bool:
    """At most two paragraphs of running text follow (a disclaimer, a sign-off)."""
    return sum(1 for c in cues[j + 1 :] if c.kind in (Kind.PROSE, Kind.DATELINE)) <= 2


def _above_photo_credit(cues: Sequence[Cue], j: int) -> bool:
    """Whether a short credit line (after any copies of this line) follows it."""
    k = j + 1
    while k < len(cues) and cues[k].features.text == cues[j].features.text:
        k += 1
    if k >= len(cues) or cues[k].kind is not Kind.CAPTION:
        return False
    return cues[k].features.words <= _CREDIT_LINE_WORDS and cues[j].features.words <= 40


def _beside_bio(cues: Sequence[Cue], j: int) -> bool:
    """Whether an author box's bio stands within two lines of this name."""
    return any(c.kind is Kind.BIO for c in cues[max(0, j - 2) : j + 3])


def _only_credits_after(cues: Sequence[Cue], j: int) -> bool:
    return all(
        c.kind in (Kind.BOILERPLATE, Kind.CREDIT, Kind.BIO, Kind.CAPTION) for c in cues[j + 1 :]
    )


def _inner_headline(cues: Sequence[Cue], j: int) -> Assignment:
    cue = cues[j]
    f = cue.features
    nxt = cues[j + 1] if j + 1 < len(cues) else None
    if f.text[:1] in _QUOTES:
        return (Role.BODY, "quoted line inside the body")
    if f.question or f.text.endswith(":"):
        return (Role.HEADING, "question or label line inside the body")
    if nxt is not None and nxt.kind is Kind.HEADLINE:
        return (Role.CAPTION, "short line before a heading: image alt text")
    if f.words <= 6 and f.capitalised >= 0.75:
        return (Role.HEADING, "short title-case line inside the body")
    if _DESCRIPTIVE.search(f.text):
        return (Role.CAPTION, "descriptive line inside the body: image caption")
    if f.words <= 10:
        return (Role.HEADING, "short line inside the body")
    return (Role.CAPTION, "unpunctuated line inside the body: image caption")
