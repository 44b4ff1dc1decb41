"""Link lists and appeals: lines that are boilerplate because of the block they stand in.

A related-links header ("Most Read") makes the teaser lines after it boilerplate, up to
running text or a real byline; an appeal opener ("Since you're here …") makes the
running text after it boilerplate, up to the next non-prose line. The lines stay
cues: the model reads the result as attributes (``k=boilerplate`` with ``related``).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdump._boilerplate import BoilerKind
from newsdump._cues import Cue, Kind

__all__ = ["body_follows", "mark_blocks"]

_MAX_RELATED_BLOCK = 80
_MAX_TEASER_WORDS = 20
_MAX_APPEAL_BLOCK = 15
_HEADER_AFTER_ANCHOR = 6

def mark_blocks(cues: Sequence[Cue]) -> None:
    """Turn the lines of related-link lists and multi-paragraph appeals into boilerplate.

    A related-links header ("Most Read") makes the teaser lines after it boilerplate,
    up to running text or a real byline; an appeal opener ("Since you're here …")
    makes the running text after it boilerplate, up to the next non-prose line.
    """
    k = 0
    while k < len(cues):
        cue = cues[k]
        if cue.related:
            k = _mark_related(cues, k)
            continue
        if cue.appeal:
            j = k + 1
            stop = min(len(cues), k + 1 + _MAX_APPEAL_BLOCK)
            while j < stop and cues[j].kind in (Kind.PROSE, Kind.BOILERPLATE):
                _to_boilerplate(cues[j], BoilerKind.APPEAL)
                j += 1
            k = j
            continue
        k += 1

def _mark_related(cues: Sequence[Cue], start: int) -> int:
    j = start + 1
    stop = min(len(cues), start + _MAX_RELATED_BLOCK)
    teasers: list[int] = []
    while j < stop:
        kind = cues[j].kind
        if kind is Kind.PROSE and _teaser_sentence(cues, j):
            teasers.append(j)
            j += 1
            continue
        if kind in (Kind.PROSE, Kind.DATELINE, Kind.CREDIT, Kind.BULLET):
            break
        if kind is Kind.BOILERPLATE and cues[j].closing:
            break
        if kind in (Kind.BYLINE, Kind.DATE) and body_follows(cues, j):
            break
        teasers.append(j)
        j += 1
    if j < stop and cues[j].kind in (Kind.BYLINE, Kind.DATE):
        # The anchor belongs to the next article: give back its header (the lines after
        # the last teaser date) to the article.
        while teasers and cues[teasers[-1]].kind is not Kind.DATE:
            teasers.pop()
    for t in teasers:
        _to_boilerplate(cues[t], BoilerKind.TEASER)
    return max(j, start + 1)

def _teaser_sentence(cues: Sequence[Cue], j: int) -> bool:
    """Whether a short sentence is a teaser's caption in a link list.

    It is when the line after it is not running text (a body would continue).
    """
    if cues[j].features.words > _MAX_TEASER_WORDS:
        return False
    nxt = cues[j + 1] if j + 1 < len(cues) else None
    return nxt is not None and nxt.kind not in (Kind.PROSE, Kind.DATELINE)

def _to_boilerplate(cue: Cue, boiler: BoilerKind) -> None:
    if cue.kind is not Kind.BOILERPLATE:
        cue.kind = Kind.BOILERPLATE
        cue.reason = boiler.value
        cue.boiler = boiler

def body_follows(cues: Sequence[Cue], j: int) -> bool:
    """Whether running text starts within the few header lines after ``j``.

    Teaser bylines and dates in related lists are followed by more teasers; a real
    header is followed by the article's body.
    """
    for cue in cues[j + 1 : j + 1 + _HEADER_AFTER_ANCHOR]:
        if cue.kind in (Kind.PROSE, Kind.DATELINE, Kind.BULLET):
            return True
        if cue.closing or cue.related or cue.kind in (Kind.CREDIT, Kind.BIO):
            return False
    return False

