"""A title and a byline for each article whose lines took no such state.

Viterbi picks one best sequence of states. Where an article's headline (or byline)
scored a little below the menu and teaser lines around it, the best sequence labels
every line of the article something else, and the article has no title (or no author),
though the line that is its headline is often the likeliest title of the article's
header by far. Each such article takes the line before its first body line (any line,
when it has no body) whose title (byline) states hold the largest share of its
max-marginals, if that share reaches :data:`MIN_TITLE_SHARE`
(:data:`MIN_BYLINE_SHARE`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from newsdump._cues import Cue
from newsdump._decode import Decoded
from newsdump._linemodel import STATES
from newsdump._model import Role

__all__ = [
    "MIN_BYLINE_SHARE", "MIN_TITLE_SHARE", "MIN_TITLE_WORDS", "missing_role", "missing_states",
]

MIN_TITLE_SHARE = 0.01
"""The least share of a line's max-marginals in title states that makes it a title.

Cross-validated by site, title accuracy is flat for shares from 0 to 0.05 and falls
above (docs/accuracy.md); a line below 1% is left as the model labelled it."""

MIN_TITLE_WORDS = 2
"""The fewest words of a line the fallback makes a title.

One-word lines it chose ("By", "MORE", a section name, a count) were never the title on
the first cross-validation fold; with the floor the next likeliest line is taken."""

MIN_BYLINE_SHARE = 0.2
"""The least share of a line's max-marginals in byline states that makes it a byline."""

_STATE = {(role, phase): k for k, (role, phase) in enumerate(STATES)}


def missing_role(
    role: Role,
    states: Sequence[int],
    share: Sequence[float],
    candidates: Sequence[bool],
    starts: Sequence[int],
    *,
    least: float,
) -> dict[int, int]:
    """The new state of each line that becomes its article's ``role`` line, by index.

    ``share[t]`` is line ``t``'s share of max-marginals in ``role`` states, ``starts``
    holds the index of each article's first line, and only lines whose ``candidates[t]``
    is true are chosen (a rule's decision is kept). An article that has a ``role`` line
    is left alone; the chosen line keeps its phase.
    """
    out: dict[int, int] = {}
    bounds = [*starts, len(states)]
    for begin, end in itertools.pairwise(bounds):
        roles = [STATES[states[t]][0] for t in range(begin, end)]
        if role in roles:
            continue
        header = roles.index(Role.BODY) if Role.BODY in roles else len(roles)
        best, most = -1, least
        for t in range(begin, begin + header):
            if candidates[t] and share[t] >= most:
                best, most = t, share[t]
        if best >= 0:
            out[best] = _STATE[role, STATES[states[best]][1]]
    return out


def missing_states(
    decoded: Decoded, cues: Sequence[Cue], free: Sequence[bool]
) -> dict[int, tuple[int, float]]:
    """The new state and its share for each line that becomes a missing title or byline.

    ``free[t]`` says whether the model decided line ``t``. A title needs
    :data:`MIN_TITLE_WORDS` words; a byline must be one the byline parser read, and not
    the line just made a title.
    """
    states = decoded.states
    starts = [t for t, state in enumerate(states) if t == 0 or STATES[state][1] == "B"]
    out: dict[int, tuple[int, float]] = {}
    eligible: Callable[[Cue], bool]
    for role, least, eligible in (
        (Role.TITLE, MIN_TITLE_SHARE, _may_title),
        (Role.BYLINE, MIN_BYLINE_SHARE, _has_byline),
    ):
        share = decoded.role_share[role]
        candidates = [f and t not in out and eligible(c)
                      for t, (f, c) in enumerate(zip(free, cues, strict=True))]
        found = missing_role(role, states, share, candidates, starts, least=least)
        out.update((t, (k, share[t])) for t, k in found.items())
    return out


def _may_title(cue: Cue) -> bool:
    return cue.features.words >= MIN_TITLE_WORDS


def _has_byline(cue: Cue) -> bool:
    return cue.byline is not None
