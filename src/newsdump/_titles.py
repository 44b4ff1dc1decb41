"""A title for each article whose lines took no title state.

Viterbi picks one best sequence of states. Where an article's headline scored a little
below the menu and teaser lines around it, the best sequence labels every line of the
article something else, and the article has no title, though the line that is its
headline is often the likeliest title of the article's header by far. Each such
article takes the line before its first body line (any line, when it has no body)
whose title states hold the largest share of its max-marginals, if that share reaches
:data:`MIN_SHARE`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from newsdump._linemodel import STATES
from newsdump._model import Role

__all__ = ["MIN_SHARE", "missing_titles"]

MIN_SHARE = 0.01
"""The least share of a line's max-marginals in title states that makes it a title.

Cross-validated by site, title accuracy is flat for shares from 0 to 0.05 and falls
above (docs/accuracy.md); a line below 1% is left as the model labelled it."""

_TITLE = {phase: STATES.index((Role.TITLE, phase)) for _, phase in STATES}


def missing_titles(
    states: Sequence[int],
    title_share: Sequence[float],
    free: Sequence[bool],
    starts: Sequence[int],
) -> dict[int, int]:
    """The new state of each line that becomes its article's title, by line index.

    ``starts`` holds the index of each article's first line; ``free[t]`` says whether
    the model decided line ``t`` (a rule's decision is kept).
    """
    out: dict[int, int] = {}
    bounds = [*starts, len(states)]
    for begin, end in itertools.pairwise(bounds):
        roles = [STATES[states[t]][0] for t in range(begin, end)]
        if Role.TITLE in roles:
            continue
        header = roles.index(Role.BODY) if Role.BODY in roles else len(roles)
        best, share = -1, MIN_SHARE
        for t in range(begin, begin + header):
            if free[t] and title_share[t] >= share:
                best, share = t, title_share[t]
        if best >= 0:
            out[best] = _TITLE[STATES[states[best]][1]]
    return out
