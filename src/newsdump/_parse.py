"""The pipeline: text, lines with offsets, features, cues, boundaries, roles, articles."""

from __future__ import annotations

from datetime import datetime

import attrs

from newsdump._articles import build_article
from newsdump._cues import Cue, line_cues
from newsdump._features import line_features
from newsdump._lines import split_lines
from newsdump._model import Article, Dump, Line
from newsdump._roles import assign_roles
from newsdump._rules import Rules
from newsdump._segment import find_boundaries, mark_blocks

__all__ = ["parse"]

_DEFAULT_RULES = Rules()


def parse(text: str, *, now: datetime | None = None, rules: Rules | None = None) -> Dump:
    """Split a news dump into articles and label every line.

    ``now`` resolves relative dates ("2 hours ago"); without it they are kept as text.
    ``rules`` replaces the default :class:`Rules`. Nothing is dropped: every line of
    ``text`` is in :attr:`Dump.lines`, and their spans tile ``text``.

    Raises :class:`TypeError` if ``text`` is not a :class:`str`: decode bytes first, or
    read files with :func:`newsdump.parse_file`, which decodes them explicitly.
    """
    if not isinstance(text, str):
        msg = f"parse() takes str, not {type(text).__name__}; decode bytes first"
        raise TypeError(msg)
    rules = rules if rules is not None else _DEFAULT_RULES
    lines = split_lines(text)
    features = [line_features(line.number - 1, line.text) for line in lines if not line.is_blank]
    cues = line_cues(features, rules, now)
    mark_blocks(cues)
    boundaries = find_boundaries(cues, rules)

    labelled: list[Line] = list(lines)
    by_index: dict[int, Cue] = {cue.index: cue for cue in cues}
    ranges: list[tuple[int, int]] = []
    starts = [b.position for b in boundaries]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(cues)
        group = cues[start:end]
        for cue, (role, reason) in zip(group, assign_roles(group), strict=True):
            labelled[cue.index] = attrs.evolve(labelled[cue.index], role=role, reason=reason)
        ranges.append((group[0].index, group[-1].index))

    articles: list[Article] = []
    for n, (first, last) in enumerate(ranges):
        articles.append(
            build_article(n, labelled[first : last + 1], by_index, rules, now)
        )
    return Dump(text=text, lines=tuple(labelled), articles=tuple(articles))
