"""The rule cascade's article boundaries (newsdump 0.1), read by the model as attributes.

Structural cues first, lexical cohesion as the tie-breaker. The learned model
(:mod:`newsdump._featurize`) sees where this cascade would start articles and weighs it
with everything else; nothing here decides on its own.

Works on the cues of the non-blank lines. Every decision looks at a bounded
neighbourhood, so the whole pass is linear in the number of lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from newsdump._boilerplate import BoilerKind
from newsdump._cohesion import LineBags, similarity
from newsdump._cues import Cue, Kind
from newsdump._model import Role
from newsdump._related import body_follows as _body_follows
from newsdump._roles import assign_roles
from newsdump._rules import Rules

__all__ = ["Boundary", "cascade_labels", "find_boundaries"]

_MAX_WALK_UP = 8
_HEADER_AFTER_ANCHOR = 6
_MAX_WEAK_HEADER = 4
_MIN_BODY = 2
_IDF_REACH = 200
_MIN_DATELINE_BODY = 40
_LABEL_ENDS = frozenset("|»›>/:")
_STRUCTURAL = frozenset({BoilerKind.TEASER, BoilerKind.APPEAL, BoilerKind.INJECTED})
_MAX_HEADER = 14
_COHESION_WINDOW = 4
_COHESION_THRESHOLD = 0.03


@attrs.frozen(slots=True)
class Boundary:
    """An article start: the position in the cue list and why it was chosen."""

    position: int
    reason: str


def find_boundaries(
    cues: Sequence[Cue], rules: Rules, bags: LineBags | None = None
) -> list[Boundary]:
    """The positions (in ``cues``) where articles start, the first always included.

    ``bags`` may pass the parse's :class:`~newsdump._cohesion.LineBags` of the cues' texts.
    """
    if not cues:
        return []
    cohesion = _Cohesion(cues, rules, bags)
    starts: list[Boundary] = [Boundary(0, "start of the dump")]
    body_lines = 0
    after_closer = False
    k = 0
    while k < len(cues):
        cue = cues[k]
        if cue.kind is Kind.BOILERPLATE:
            after_closer = after_closer or cue.closing
            k += 1
            continue
        if after_closer and k > starts[-1].position:
            starts.append(_start_after_closer(cues, k))
            after_closer = False
            body_lines = 0
            k = _skip_header(cues, k)
            continue
        after_closer = cue.closer
        if cue.kind in (Kind.PROSE, Kind.DATELINE, Kind.BULLET):
            if cue.kind is Kind.DATELINE and body_lines >= _MIN_BODY and _opens_story(cues, k):
                top = _header_top(cues, k, starts[-1].position)
                starts.append(Boundary(top, "dateline after running text"))
                body_lines = 1
                k += 1
                continue
            body_lines += cue.kind is not Kind.BULLET
            k += 1
            continue
        if body_lines < _MIN_BODY or cue.kind in (Kind.CREDIT, Kind.BIO):
            k += 1
            continue
        end = _header_end(cues, k)
        anchor = _anchor(cues, k, end)
        if anchor is not None:
            top = _header_top(cues, anchor[0], starts[-1].position)
            starts.append(Boundary(top, anchor[1]))
            body_lines = 0
            k = end
            continue
        if _weak_header(cues, k, end) and end < len(cues) and cohesion.breaks(k, end):
            starts.append(Boundary(k, "header block where the topic changes"))
            body_lines = 0
        k = end
    return starts


def _opens_story(cues: Sequence[Cue], k: int) -> bool:
    """Whether a dateline paragraph after running text opens a new wire story.

    It does when it credits an agency, or when header lines stand right above it; a
    bare place and dash inside a story ("WASHINGTON —") does not.
    """
    dateline = cues[k].dateline
    if dateline is not None and dateline.agency:
        return len(cues[k].features.text) - dateline.end >= _MIN_DATELINE_BODY
    return k > 0 and cues[k - 1].header_like


def _start_after_closer(cues: Sequence[Cue], k: int) -> Boundary:
    """Where the article after a closing line starts.

    At the first content line, unless a header with a byline or date follows within a
    few header-like lines: then the lines before that header (teasers, tags) are the
    closed article's tail, and the article starts at the header.
    """
    end = _header_end(cues, k)
    anchor = _anchor(cues, k, end)
    if anchor is not None:
        top = _header_top(cues, anchor[0], k - 1)
        if top > k:
            return Boundary(top, f"{anchor[1]}, after a closing line and its tail")
    return Boundary(k, "first line after a closing line")


def _skip_header(cues: Sequence[Cue], k: int) -> int:
    while k < len(cues) and (cues[k].header_like or cues[k].kind is Kind.BOILERPLATE):
        k += 1
    return k


def _header_end(cues: Sequence[Cue], k: int) -> int:
    """One past the run of header-like lines (and boilerplate) starting at ``k``."""
    j = k
    limit = min(len(cues), k + _MAX_HEADER)
    while j < limit:
        cue = cues[j]
        if cue.header_like or (cue.kind is Kind.BOILERPLATE and not cue.closing):
            j += 1
            continue
        # A dek: one sentence right under a headline, before the byline or date.
        if (
            cue.kind is Kind.PROSE
            and j > k
            and cues[j - 1].kind is Kind.HEADLINE
            and j + 1 < len(cues)
            and cues[j + 1].kind in (Kind.BYLINE, Kind.NAME, Kind.DATE, Kind.CAPTION)
        ):
            j += 1
            continue
        break
    return max(j, k + 1)


def _anchor(cues: Sequence[Cue], k: int, end: int) -> tuple[int, str] | None:
    """The line in ``cues[k:end]`` that proves an article header, with the reason."""
    previous_headline: str | None = None
    for j in range(k, end):
        cue = cues[j]
        if cue.kind in (Kind.BYLINE, Kind.DATE, Kind.NAME) and not _body_follows(cues, j):
            continue
        if cue.kind is Kind.BYLINE:
            return j, "header with a byline"
        if cue.kind is Kind.DATE:
            return j, "header with a date line"
        if (
            cue.kind is Kind.NAME
            and j > k
            and cues[j - 1].kind is Kind.HEADLINE
            and cues[j - 1].features.words >= 4
        ):
            return j, "headline followed by an author name"
        if cue.kind is Kind.HEADLINE:
            if previous_headline is not None and cue.features.text == previous_headline:
                return j, "repeated headline"
            if (
                _section_label(cue)
                and j + 1 < end
                and _title_like(cues[j + 1])
                and _body_follows(cues, j + 1)
            ):
                return j, "section label above a headline"
            previous_headline = cue.features.text
        elif (
            cue.kind is Kind.BOILERPLATE
            and j > k
            and previous_headline is not None
            and cue.features.text == previous_headline
        ):
            return j, "repeated headline"
    return None


def _weak_header(cues: Sequence[Cue], k: int, end: int) -> bool:
    """Whether a header block without an anchor could still open an article.

    It could when it is a short block with a headline and more header lines, or a
    captioned photo, followed by at least two paragraphs of running text. A lone heading
    never does, nor a list of links.
    """
    body = cues[end : end + 2]
    if len(body) < 2 or any(c.kind not in (Kind.PROSE, Kind.DATELINE) for c in body):
        return False
    if end - k > _MAX_WEAK_HEADER:
        return False
    if end - k >= 2:
        return any(c.kind is Kind.HEADLINE and c.features.words >= 4 for c in cues[k:end])
    return cues[k].kind is Kind.CAPTION


def _header_top(cues: Sequence[Cue], anchor: int, floor: int) -> int:
    """Walk up from ``anchor`` over header lines to where the article starts.

    The walk passes headline-shaped lines, captions, dates, bylines and site furniture
    ("Close", "Advertisement"); it stops at running text, at structural boilerplate
    (closers, related lists, appeals, injected text), at ``floor`` (the previous start)
    and after ``_MAX_WALK_UP`` lines. Once it has passed the headline (or a headline and
    its dek), it takes at most one short kicker line above it: a run of short lines
    there is the previous article's tag list.
    """
    top = anchor
    j = anchor - 1
    while j > floor and anchor - j <= _MAX_WALK_UP:
        cue = cues[j]
        if _title_like(cue):
            if j - 1 > floor and _title_like(cues[j - 1]):
                j -= 1  # a headline-shaped dek under its headline
            return _with_kicker(cues, j, floor)
        if cue.header_like or _furniture(cue):
            top = j
            j -= 1
            continue
        if cue.kind is Kind.PROSE and j - 1 > floor and cues[j - 1].kind is Kind.HEADLINE:
            # A dek: the headline above it is the title.
            return _with_kicker(cues, j - 1, floor)
        if top == anchor:
            top = _punctuated_headline(cues, anchor, floor)
            if top < anchor:
                return _with_kicker(cues, top, floor)
        break
    while top < anchor and cues[top].kind is Kind.BOILERPLATE:
        top += 1
    return top


def _section_label(cue: Cue) -> bool:
    """A short section name closed by a separator: ``Local News |``, ``Politics »``."""
    return cue.features.words <= 4 and cue.features.text[-1:] in _LABEL_ENDS


def _title_like(cue: Cue) -> bool:
    return cue.kind is Kind.HEADLINE and cue.features.words >= 4 and not cue.features.lower_start


def _short_label(cue: Cue) -> bool:
    return cue.kind in (Kind.HEADLINE, Kind.NAME) and cue.features.words <= 4


def _with_kicker(cues: Sequence[Cue], title: int, floor: int) -> int:
    """The title's position, or the kicker's right above it when there is exactly one."""
    k = title - 1
    if k <= floor or not _short_label(cues[k]):
        return title
    if k - 1 > floor and _short_label(cues[k - 1]):
        return title
    return k


def _punctuated_headline(cues: Sequence[Cue], anchor: int, floor: int) -> int:
    """A headline and dek that both end with a period, right above a byline or date.

    Taken only when at most two short sentences stand between non-prose lines and the
    anchor, so the body of the article before is never pulled in.
    """
    j = anchor - 1
    run = 0
    while j > floor and cues[j].kind is Kind.PROSE and cues[j].features.words <= 40:
        run += 1
        j -= 1
    if 1 <= run <= 2 and (j <= floor or cues[j].kind is not Kind.PROSE):
        return anchor - run
    return anchor


def _furniture(cue: Cue) -> bool:
    """Boilerplate that may sit inside or above a header (not a structural marker)."""
    return cue.kind is Kind.BOILERPLATE and (
        cue.boiler is BoilerKind.COPY
        or (not (cue.closing or cue.related or cue.appeal) and cue.boiler not in _STRUCTURAL)
    )


_NO_WORDS: Mapping[str, int] = {}


class _Cohesion:
    """Lexical cohesion across a gap, with inverse line frequency from a local window."""

    def __init__(self, cues: Sequence[Cue], rules: Rules, bags: LineBags | None) -> None:
        self._cues = cues
        self._line_bags = bags if bags is not None else LineBags([c.features.text for c in cues])
        self._window = _COHESION_WINDOW
        self._context = rules.context_lines
        self._threshold = _COHESION_THRESHOLD

    def _bag(self, j: int) -> Mapping[str, int]:
        """The content words of line ``j`` (boilerplate has none)."""
        return self._line_bags[j] if self._cues[j].kind is not Kind.BOILERPLATE else _NO_WORDS

    def _content(self, start: int, step: int) -> list[Mapping[str, int]]:
        out: list[Mapping[str, int]] = []
        j = start
        while 0 <= j < len(self._cues) and len(out) < self._window:
            if counts := self._bag(j):
                out.append(counts)
            j += step
        return out

    def _idf(self, k: int, words: set[str]) -> tuple[dict[str, int], int]:
        """Line frequencies of ``words`` (and the line count) within reach of ``k``."""
        reach = min(self._context, _IDF_REACH)
        lo = max(0, k - reach)
        hi = min(len(self._cues), k + reach)
        df: dict[str, int] = {}
        get = df.get
        lines = 0
        for j in range(lo, hi):
            if counts := self._bag(j):
                for word in words.intersection(counts):
                    df[word] = get(word, 0) + 1
                lines += 1
        return df, lines

    def breaks(self, k: int, end: int) -> bool:
        """Whether the text before ``k`` and from ``end`` on share too little vocabulary."""
        before = self._content(k - 1, -1)
        after = self._content(k, 1)
        if len(before) < 2 or len(after) < 2:
            return False
        words = {w for counts in (*before, *after) for w in counts}
        df, lines = self._idf(k, words)
        return similarity(before, after, df, lines) < self._threshold


def cascade_labels(
    cues: Sequence[Cue], rules: Rules, bags: LineBags | None = None
) -> list[tuple[Role, bool]]:
    """The cascade's role of every line and whether it would start an article there."""
    starts = [b.position for b in find_boundaries(cues, rules, bags)]
    out: list[tuple[Role, bool]] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(cues)
        roles = assign_roles(cues[start:end])
        out.extend((role, k == 0) for k, (role, _) in enumerate(roles))
    return out
