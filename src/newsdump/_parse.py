"""The pipeline: text, lines with offsets, features, cues, model states, articles.

1. :func:`~newsdump._lines.split_lines`: lines with spans that tile the input;
2. :func:`~newsdump._features.line_features`: each non-blank line's shape;
3. :func:`~newsdump._cues.line_cues` and :func:`~newsdump._related.mark_blocks`: what
   the parsers and the rules tables say of each line, alone and in link lists;
4. :func:`~newsdump._featurize.line_attributes`: the model's attributes, with context;
5. :func:`~newsdump._decode.decode`: roles and article starts decided jointly by the
   learned model (:mod:`newsdump._linemodel`), except where a user's rule decides
   (:mod:`newsdump._decisions`);
6. :func:`~newsdump._articles.build_article`: articles with parsed metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from sys import intern

from newsdump._articles import build_article
from newsdump._cohesion import LineBags
from newsdump._collector import collector_paused
from newsdump._cues import Cue, line_cues
from newsdump._decisions import decided_states
from newsdump._decode import BLOCK, MARGIN, decode
from newsdump._fallback import missing_states
from newsdump._features import line_features
from newsdump._featurize import REACH, cohesion_attributes, line_attributes
from newsdump._linemodel import STATES, UNIT, LineModel, default_model, state_name
from newsdump._lines import split_lines
from newsdump._model import Article, Dump, Line
from newsdump._related import mark_blocks
from newsdump._rules import Rules
from newsdump._segment import cascade_labels

__all__ = ["DECODE_REACH", "add_base_attributes", "analyse", "label", "parse", "parse_window"]

DECODE_REACH = BLOCK + MARGIN + REACH
"""How many non-blank lines past the cues' own context a line's role may depend on."""

_DEFAULT_RULES = Rules()


def parse(
    text: str,
    *,
    now: datetime | None = None,
    rules: Rules | None = None,
    model: LineModel | None = None,
) -> Dump:
    """Split a news dump into articles and label every line.

    ``now`` resolves relative dates ("2 hours ago"); without it they are kept as text.
    ``rules`` replaces the default :class:`Rules`; ``model`` the shipped line model (read
    one with :func:`newsdump.load_model`, train one with ``newsdump train``). Nothing is
    dropped: every line of ``text`` is in :attr:`Dump.lines`, and their spans tile
    ``text``.

    While it runs, the cyclic garbage collector (:mod:`gc`) is disabled (parsing makes
    no reference cycles, and the collector's passes over its many objects cost a fifth
    of the time); it is enabled again afterwards if it was enabled before, also when
    parsing raises. :func:`parse_file`, :func:`iter_articles` and the command line
    parse the same way.

    Raises :class:`TypeError` if ``text`` is not a :class:`str`: decode bytes first, or
    read files with :func:`newsdump.parse_file`, which decodes them explicitly.
    """
    if not isinstance(text, str):
        msg = f"parse() takes str, not {type(text).__name__}; decode bytes first"
        raise TypeError(msg)
    return parse_window(text, 0, now=now, rules=rules, model=model)


def analyse(text: str, rules: Rules, now: datetime | None) -> tuple[
    list[Line], list[Cue], list[tuple[str, ...]]
]:
    """Stages 1-4: the lines, the cues of the non-blank ones and their attributes."""
    lines = split_lines(text)
    features = [line_features(line.number - 1, line.text) for line in lines if not line.is_blank]
    cues = line_cues(features, rules, now)
    mark_blocks(cues)
    # The bags are read by the cascade and the cohesion attributes only: not kept longer.
    bags = LineBags([cue.features.text for cue in cues])
    cascade = cascade_labels(cues, rules, bags)
    cohesion = cohesion_attributes(cues, bags)
    del bags
    return lines, cues, line_attributes(lines, cues, cascade, cohesion)


def add_base_attributes(
    attributes: list[tuple[str, ...]], positions: Sequence[int], *, first_starts: bool
) -> None:
    """Add the shipped model's state of every line as an attribute (``base=B-title``).

    A model trained with ``newsdump train --base`` learns on top of these, so a few
    annotated dumps correct the shipped model rather than replace it.
    """
    base = default_model()
    decoded = decode(positions, base.scoring.scores(attributes), base.scoring.transitions,
                     allowed=[None] * len(positions), first_starts=first_starts,
                     scale=1 / UNIT)
    names = [intern("base=" + state_name(s)) for s in STATES]
    extended: dict[tuple[tuple[str, ...], int], tuple[str, ...]] = {}
    for t, state in enumerate(decoded.states):
        attrs_ = attributes[t]
        if (got := extended.get((attrs_, state))) is None:
            got = extended[attrs_, state] = (*attrs_, names[state])
        attributes[t] = got


def parse_window(
    text: str,
    first_line: int,
    *,
    now: datetime | None = None,
    rules: Rules | None = None,
    model: LineModel | None = None,
) -> Dump:
    """Parse ``text`` as the part of a larger input that starts at line ``first_line``.

    Line numbers stay relative to ``text``; ``first_line`` (0-based, in the whole input)
    only aligns the decoding blocks, so that a window of a stream decodes its lines as
    the whole input does. The cyclic garbage collector is paused meanwhile
    (:mod:`newsdump._collector`).
    """
    rules = rules if rules is not None else _DEFAULT_RULES
    model = model if model is not None else default_model()
    with collector_paused():
        lines, cues, attributes = analyse(text, rules, now)
        return label(text, lines, cues, attributes, first_line, rules=rules, model=model,
                     now=now)


def label(
    text: str,
    lines: list[Line],
    cues: list[Cue],
    attributes: list[tuple[str, ...]],
    first_line: int,
    *,
    rules: Rules,
    model: LineModel,
    now: datetime | None,
) -> Dump:
    """Stages 5-6: decode the analysed lines and build the articles."""
    positions = [first_line + c.index for c in cues]
    if model.info.get("base"):
        add_base_attributes(attributes, positions, first_starts=first_line == 0)
    decisions = decided_states(cues, rules)
    decoded = decode(
        positions,
        model.scoring.scores(attributes),
        model.scoring.transitions,
        allowed=[d.allowed if d is not None else None for d in decisions],
        first_starts=first_line == 0,
        start_bias=model.scoring.start_bias,
        scale=1 / UNIT,
    )

    fallback = missing_states(decoded, cues, [d is None for d in decisions])

    labelled: list[Line] = list(lines)
    starts: list[int] = []
    reasons: list[str] = []
    # The model's reasons, once per distinct attribute tuple (lines share them) and state.
    said: dict[tuple[int, int], tuple[str, str]] = {}
    for t, cue in enumerate(cues):
        state = decoded.states[t]
        role, phase = STATES[state]
        line = labelled[cue.index]
        key = (id(attributes[t]), state)
        if (reason := said.get(key)) is None:
            strongest = model.strongest(attributes[t], state)
            reason = said[key] = (_model_reason(strongest, state),
                                  _model_reason(strongest, state, start=True))
        decision = decisions[t]
        if (replaced := fallback.get(t)) is not None:
            new_state, confidence = replaced
            role = STATES[new_state][0]
            why = (f"model: {state_name(STATES[new_state])} (the likeliest {role.value} of an "
                   f"article whose lines took no {role.value} state: {confidence:.2f})")
        else:
            confidence = decoded.confidence[t]
            why = decision.reason if decision is not None and decision.reason is not None \
                else reason[0]
        labelled[cue.index] = Line(line.number, line.span, line.text, line.ending, role=role,
                                   reason=why, confidence=round(confidence, 4))
        if phase == "B" or t == 0:
            starts.append(t)
            reasons.append(reason[1])

    by_index = {cue.index: cue for cue in cues}
    articles: list[Article] = []
    for n, begin in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(cues)
        first, last = cues[begin].index, cues[end - 1].index
        articles.append(
            build_article(
                n,
                labelled[first : last + 1],
                by_index,
                rules,
                now,
                start_reason=reasons[n],
                confidence=1.0 if begin == 0 else round(decoded.start_confidence[begin], 4),
            )
        )
    return Dump(text=text, lines=tuple(labelled), articles=tuple(articles))


def _model_reason(strongest: Sequence[str], state: int, *, start: bool = False) -> str:
    """The model's reason for a line's state: its strongest attributes."""
    what = "starts an article" if start else state_name(STATES[state])
    return f"model: {what} ({', '.join(strongest) or 'transition'})"
