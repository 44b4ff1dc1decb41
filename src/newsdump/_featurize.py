"""Model features: every non-blank line as a set of shallow, general attributes.

An attribute is a short string such as ``"k=byline"`` (the line's cue kind) or
``"-1:w=1-3"`` (the line above has one to three words). What a line looks like on its
own (:mod:`newsdump._features`, :mod:`newsdump._cues`) is combined with its context:
the same for the lines around it, the blank lines around it, how far the last closing
line and the next byline or date are, lexical cohesion across the gap above it (over
a wide and a near window, and how deep a dip it makes there), how many of a short
line's words the lines just below and just above repeat (a headline's words come back
in its article; a related link's do not), and whether its text recurs nearby. Every
attribute reads at most :data:`REACH` non-blank lines away, so a line's attributes
depend on a bounded neighbourhood only.

The learned weights (:mod:`newsdump._linemodel`) are keyed by these strings; changing
one here means training again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from sys import intern

import regex

from newsdump._cohesion import LineBags, window_cohesion
from newsdump._cues import Cue, Kind
from newsdump._model import Line, Role

__all__ = ["REACH", "line_attributes"]

REACH = 40
"""The farthest (in non-blank lines) any attribute of a line looks."""

_COHESION_WINDOW = 14
_LOOKAHEAD = 4
_REPEAT_REACH = REACH

_FIRST_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’]*+")
_LAST_WORD = regex.compile(r"([\p{L}\p{N}][\p{L}\p{N}'’]*+)\W*+$")
_DIGIT = regex.compile(r"\d")
_LETTERS = regex.compile(r"\p{L}++")
_MD_HEADING = regex.compile(r"^\s*+(#{1,6}+)\s")
_MD_LIST = regex.compile(r"^\s*+(?:[*+-]|\d{1,3}+[.)])\s++")
_MD_LINK = regex.compile(r"\]\([^()\s]{0,2000}+\)")
_TIME = regex.compile(r"\b\d{1,2}:\d\d\b")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_SEPARATOR = regex.compile(r"\s[|·•/]\s")
_OPEN_QUOTE = frozenset("\"“‘'«„")
_DASHES = frozenset("-–—")


def _bin(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


_WORD_EDGES = (1, 2, 3, 4, 6, 8, 11, 15, 20, 30, 45, 70)
_GAP_EDGES = (0, 1, 2)
_DIST_EDGES = (1, 2, 3, 5, 8, 13, 21)


def _cap(ratio: float) -> str:
    if ratio == 0:
        return "cap=0"
    return "cap=" + ("lo" if ratio < 0.34 else "mid" if ratio < 0.67 else "hi" if ratio < 1
                     else "all")


def _shape(cue: Cue, raw: str) -> list[str]:
    """What a line looks like on its own."""
    f = cue.features
    stripped = f.text.strip()
    head = stripped[:300]
    last = stripped[-1:]
    letters = "".join(_LETTERS.findall(stripped[:200]))
    digits = len(_DIGIT.findall(head))
    heading = _MD_HEADING.match(raw) if "#" in raw else None
    markup = raw[:3000]
    flags = (
        ("term", f.terminal), ("quest", f.question), ("lower", f.lower_start),
        ("bullet", f.bullet), ("url", f.url), ("handle", f.handle), ("html", f.html),
        ("closing", cue.closing), ("related", cue.related), ("appeal", cue.appeal),
        ("upper", len(letters) >= 4 and letters.isupper()),
        ("quote", stripped[:1] in _OPEN_QUOTE), ("dash", stripped[:1] in _DASHES),
        ("colon", last == ":"), ("sep-end", bool(last) and last in "|»›>/"),
        ("sep", _SEPARATOR.search(head) is not None),
        ("digits=few", 0 < digits <= 2), ("digits=many", digits > 2),
        ("time", digits > 2 and _TIME.search(head) is not None),
        ("year", digits > 3 and _YEAR.search(head) is not None),
        ("md-list", heading is None and _MD_LIST.match(raw) is not None),
        ("md-link", "](" in markup and _MD_LINK.search(markup) is not None),
        ("md-img", "![" in markup),
        ("indent", raw[:1] in " \t"),
    )
    out = [f"k={cue.kind.value}", f"w={_bin(f.words, _WORD_EDGES)}", _cap(f.capitalised)]
    out.extend(name for name, on in flags if on)
    if heading is not None:
        out.append(f"md-h{min(len(heading.group(1)), 3)}")
    if f.words <= 12:
        if (m := _FIRST_WORD.search(stripped[:80])) is not None:
            out.append("fw=" + m.group(0).lower())
        if (m := _LAST_WORD.search(stripped[-80:])) is not None:
            out.append("lw=" + m.group(1).lower())
    return out


# Attributes of a neighbour that the line itself sees (prefixed with the offset).
_CONTEXT_PREFIXES = ("k=", "w=", "term", "quest", "closing", "related", "bullet", "md-h",
                     "upper", "lower", "url", "md-link")


def line_attributes(
    lines: Sequence[Line],
    cues: Sequence[Cue],
    cascade: Sequence[tuple[Role, bool]],
    cohesion: Cohesion | None = None,
) -> list[tuple[str, ...]]:
    """The attributes of every non-blank line (in the order of ``cues``).

    ``lines`` are all the dump's lines (blank ones included), ``cues`` the cues of its
    non-blank lines, as :func:`newsdump._cues.line_cues` returns them, and ``cascade``
    what the rule cascade (:func:`newsdump._segment.cascade_labels`) says of each;
    ``cohesion`` may pass :func:`cohesion_attributes` of the cues, made beforehand.
    A line holds each attribute at most once (their prefixes keep them apart). Lines
    with the same attributes share one tuple, so later stages can work once per distinct
    tuple (by identity) and a dump of repeated short lines holds few of them.
    """
    n = len(cues)
    shapes, context = _shapes(lines, cues)
    gaps_before = [c.index - (cues[i - 1].index if i else -1) - 1 for i, c in enumerate(cues)]
    levels, echoes = cohesion if cohesion is not None else cohesion_attributes(cues)
    repeats_before, repeats_after = _repeats(cues)
    since_closer = _distance_since(cues, lambda c: c.closer)
    to_anchor = _distance_to(cues, lambda c: c.kind in (Kind.BYLINE, Kind.DATE))
    to_prose = _distance_to(cues, _is_prose)
    since_prose = _distance_since(cues, _is_prose)
    to_headline = _distance_to(cues, lambda c: c.kind is Kind.HEADLINE)
    dense_run = _blank_share(gaps_before)
    short = [c.features.words <= 15 and not c.features.terminal for c in cues]
    run_above, run_below = _runs(short)
    kinds = [c.kind.value for c in cues]

    # Most attributes come from a few values each: the strings are made (and interned)
    # once per distinct combination, so a dump of short repeated lines costs little.
    made: dict[tuple[object, ...], tuple[str, ...]] = {}

    def cached(build: Callable[..., list[str]], *values: object) -> tuple[str, ...]:
        key = (build, *values)
        got = made.get(key)
        if got is None:
            got = made[key] = tuple(intern(a) for a in build(*values))
        return got

    by_values: dict[tuple[object, ...], tuple[str, ...]] = {}
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # equal attributes, one tuple
    out: list[tuple[str, ...]] = []
    for i in range(n):
        kind = kinds[i]
        role, start = cascade[i]
        around = (context[i - 2] if i > 1 else None, context[i - 1] if i else None,
                  context[i + 1] if i + 1 < n else None, context[i + 2] if i + 2 < n else None)
        rule = (role, start, i + 1 < n and cascade[i + 1][1], i > 0 and cascade[i - 1][1], kind)
        pair = (
            kinds[i - 1] if i else None, kind, kinds[i + 1] if i + 1 < n else None,
            gaps_before[i], gaps_before[i + 1] if i + 1 < n else None, dense_run[i],
            levels[i], echoes[i], repeats_before[i], repeats_after[i],
        )
        distance = (
            kind, since_closer[i], to_anchor[i], to_prose[i], since_prose[i], to_headline[i],
            run_above[i], run_below[i],
        )
        # These values decide every attribute of the line.
        key = (shapes[i], around, rule, pair, distance)
        line = by_values.get(key)
        if line is None:
            attrs = ["bias", *shapes[i]]
            attrs += cached(_cascade_attributes, *rule)
            attrs += cached(_kind_and_words, kind, shapes[i][1])
            for offset, seen in zip((-2, -1, 1, 2), around, strict=True):
                attrs += cached(_neighbour, offset, seen)
            attrs += cached(_pair_attributes, pair)
            attrs += cached(_distance_attributes, distance)
            if len(made) > _MAX_MADE:
                made.clear()
            if len(by_values) > _MAX_MADE:
                by_values.clear()
                shared.clear()
            line = tuple(attrs)
            line = by_values[key] = shared.setdefault(line, line)
        out.append(line)
    return out


_MAX_MADE = 50_000
"""Distinct attribute combinations (and distinct lines' tuples) :func:`line_attributes`
keeps (then it starts afresh)."""


def _shapes(lines: Sequence[Line], cues: Sequence[Cue]) -> tuple[
    list[tuple[str, ...]], list[tuple[str, ...]]
]:
    """Each line's own attributes, and those of them that its neighbours see.

    They are made once per distinct line: a line's shape depends on its text and cue.
    """
    known: dict[tuple[object, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    shapes: list[tuple[str, ...]] = []
    context: list[tuple[str, ...]] = []
    for cue in cues:
        raw = lines[cue.index].text
        key = (raw, cue.kind, cue.closing, cue.related, cue.appeal)
        got = known.get(key)
        if got is None:
            if len(known) > _MAX_MADE:
                known.clear()
            shape = tuple(intern(a) for a in _shape(cue, raw))
            got = known[key] = (shape, tuple(a for a in shape if a.startswith(_CONTEXT_PREFIXES)))
        shapes.append(got[0])
        context.append(got[1])
    return shapes, context


def _kind_and_words(kind: str, words: str) -> list[str]:
    return [f"k={kind}|w={words[2:]}"]


def _neighbour(offset: int, context: tuple[str, ...] | None) -> list[str]:
    """The attributes of the line ``offset`` lines away that this line sees."""
    if context is None:
        return [f"{offset}:none"]
    return [f"{offset}:{a}" for a in context]


_Pairs = tuple[str | None, str, str | None, int, int | None, str, tuple[str, str, str], str, bool,
               bool]


def _pair_attributes(values: _Pairs) -> list[str]:
    """The kinds of the neighbours with the line's own, the blank lines and repeats."""
    before, kind, after, gap, gap_after, dense, cohesion, echo, seen_before, seen_after = values
    out = []
    if before is not None:
        out.append(f"-1:k={before}|k={kind}")
    if after is not None:
        out.append(f"k={kind}|+1:k={after}")
    out.append("gap=" + _bin(gap, _GAP_EDGES))
    if gap_after is not None:
        out.append("gap+1=" + _bin(gap_after, _GAP_EDGES))
    out.append("dense=" + dense)
    level, depth, near = cohesion
    out += ["coh=" + level, "coh3=" + near, f"coh3={near}|coh={level}"]
    if depth:
        out += ["coh-" + depth, f"coh={level}|{depth}"]
    if echo:
        out += ["echo=" + echo, f"k={kind}|echo={echo}"]
    if seen_before:
        out.append("seen-before")
    if seen_after:
        out.append("seen-after")
    return out


def _distance_attributes(values: tuple[str, str, str, str, str, str, int, int]) -> list[str]:
    """How far the line is from the last closer and the next anchor, prose and headline."""
    kind, since_closer, to_anchor, to_prose, since_prose, to_headline, above, below = values
    return [
        "since-closer=" + since_closer,
        "to-anchor=" + to_anchor,
        "to-prose=" + to_prose,
        f"k={kind}|to-prose={to_prose}",
        f"since-prose={since_prose}|to-prose={to_prose}",
        "to-headline=" + to_headline,
        f"k={kind}|to-anchor={to_anchor}",
        "short-above=" + _bin(above, _DIST_EDGES),
        "short-below=" + _bin(below, _DIST_EDGES),
    ]


def _is_prose(cue: Cue) -> bool:
    """Running text: a sentence of eight words or more."""
    return cue.kind is Kind.PROSE and cue.features.words >= 8 and cue.features.terminal


def _cascade_attributes(
    role: Role, start: bool, after_start: bool, before_start: bool, kind: str
) -> list[str]:
    """What the rule cascade says of a line and whether it starts articles around it."""
    out = [f"r={role.value}", f"r={role.value}|k={kind}"]
    if start:
        out += ["r-start", f"r-start|k={kind}"]
    if after_start:
        out.append("+1:r-start")
    if before_start:
        out.append("-1:r-start")
    return out


def _runs(flags: Sequence[bool]) -> tuple[list[int], list[int]]:
    """How many lines in a row just above and just below each line have the flag."""
    n = len(flags)
    above = [0] * n
    below = [0] * n
    for i in range(1, n):
        above[i] = min(above[i - 1] + 1, REACH) if flags[i - 1] else 0
    for i in range(n - 2, -1, -1):
        below[i] = min(below[i + 1] + 1, REACH) if flags[i + 1] else 0
    return above, below


def _distance_since(cues: Sequence[Cue], test: Callable[[Cue], bool]) -> list[str]:
    out: list[str] = []
    last = -10_000
    for i, cue in enumerate(cues):
        out.append(_bin(i - last, _DIST_EDGES) if i - last <= REACH else "far")
        if test(cue):
            last = i
    return out


def _distance_to(cues: Sequence[Cue], test: Callable[[Cue], bool]) -> list[str]:
    out = ["far"] * len(cues)
    nxt = 10_000_000
    for i in range(len(cues) - 1, -1, -1):
        if test(cues[i]):
            nxt = i
        d = nxt - i
        out[i] = _bin(d, (0, 1, 2, 3, _LOOKAHEAD, 8)) if d <= REACH else "far"
    return out


def _blank_share(gaps: Sequence[int]) -> list[str]:
    """How many of the nearby lines have a blank line before them: none, some or all."""
    n = len(gaps)
    window = 8
    has = [1 if g else 0 for g in gaps]
    out: list[str] = []
    total = sum(has[: min(n, window + 1)])
    for i in range(n):
        lo, hi = i - window, i + window
        count = hi - max(lo, 0) + 1 - max(0, hi - (n - 1))
        share = total / count if count else 0.0
        out.append("none" if share == 0 else "all" if share == 1 else
                   "most" if share >= 0.5 else "few")
        if hi + 1 < n:
            total += has[hi + 1]
        if lo >= 0:
            total -= has[lo]
    return out


Cohesion = tuple[list[tuple[str, str, str]], list[str]]
"""Per line, the wide cohesion, its valley depth and the near cohesion; and its echo."""


def cohesion_attributes(cues: Sequence[Cue], bags: LineBags | None = None) -> Cohesion:
    """Cohesion across each line's top edge, near and wide, and the echo of short lines.

    ``bags`` may pass the parse's :class:`~newsdump._cohesion.LineBags` of the cues'
    texts (the rule cascade's too), so that no line is tokenised twice.

    The wide cohesion is the cosine similarity of the words of the
    :data:`_COHESION_WINDOW` lines above and below the edge, with how deep a valley it
    makes (:func:`_similarity`); the near one compares only :data:`_NEAR_WINDOW` lines
    on each side. The echo of a line of at most :data:`_ECHO_WORDS` words is
    ``"below|above"``, each the share of its distinct content words found in the wide
    window on that side (``0``, ``lo`` under a third, ``hi``); ``""`` for other lines.
    """
    empty: Mapping[str, int] = {}
    if bags is None:
        bags = LineBags([c.features.text for c in cues])
    lines = [bags[i] if c.features.words >= 4 else empty for i, c in enumerate(cues)]
    asked = [
        i for i, c in enumerate(cues) if lines[i] and c.features.words <= _ECHO_WORDS
    ]
    found = window_cohesion(lines, _COHESION_WINDOW, _NEAR_WINDOW, asked)
    echoes = [""] * len(cues)
    for i, (down, up) in zip(asked, found.echoes, strict=True):
        echoes[i] = f"{_share(down, len(lines[i]))}|{_share(up, len(lines[i]))}"
    sims = found.wide
    return [
        (*_similarity(sims, i), _level(found.near[i])) for i in range(len(cues))
    ], echoes


_NEAR_WINDOW = 3
_ECHO_WORDS = 25
_DEPTH_REACH = 3


def _similarity(sims: Sequence[float | None], i: int) -> tuple[str, str]:
    """The cohesion at line ``i``'s top edge, and how deep a valley it is.

    The depth is TextTiling's: how far the similarity rises to the highest edge within
    :data:`_DEPTH_REACH` lines on each side, summed (``""`` without edges on both sides).
    """
    sim = sims[i]
    if sim is None:
        return "none", ""
    level = _level(sim)
    left = [s for s in sims[max(0, i - _DEPTH_REACH):i] if s is not None]
    right = [s for s in sims[i + 1:i + 1 + _DEPTH_REACH] if s is not None]
    if not left or not right:
        return level, ""
    depth = max(left) - sim + max(right) - sim
    return level, f"d={'0' if depth < 0.1 else 'lo' if depth < 0.3 else 'hi'}"


def _level(sim: float | None) -> str:
    """A cosine similarity in four bins (``none`` without one)."""
    if sim is None:
        return "none"
    return "0" if sim <= 1e-9 else "lo" if sim < 0.05 else "mid" if sim < 0.15 else "hi"


def _share(hits: int, words: int) -> str:
    return "0" if not hits else "lo" if 3 * hits < words else "hi"


def _repeats(cues: Sequence[Cue]) -> tuple[list[bool], list[bool]]:
    """Whether each line's text occurs again within :data:`_REPEAT_REACH` lines above/below."""
    n = len(cues)
    before = [False] * n
    after = [False] * n
    last: dict[str, int] = {}
    for i, cue in enumerate(cues):
        key = cue.features.text.strip().casefold()
        if not key:
            continue
        j = last.get(key)
        if j is not None and i - j <= _REPEAT_REACH:
            before[i] = True
            after[j] = True
        last[key] = i
    return before, after
