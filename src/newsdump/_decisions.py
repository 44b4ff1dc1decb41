"""Rules that decide a line whatever the model says, or narrow its choice.

A standalone date line (the date parser isolated the whole line) is a date or
boilerplate (a teaser's date in a link list): on the training corpus 98.6% of such lines
are one of the two; the model picks which.

The default tables are attributes the model weighs (``k=boilerplate``, ``closing``,
``related``); an entry a user *adds* to ``boilerplate_lines``, ``boilerplate_phrases``
or ``closing_phrases`` is a decision: a line it matches is boilerplate (for
``boilerplate_phrases``: a line of at most ``max_boilerplate_words`` words that
contains the phrase). "Added" is :func:`newsdump._boilerplate.added_phrases`' notion
(case and spacing aside). The model still decides whether an article starts there.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsdump._boilerplate import added_phrases
from newsdump._cues import Cue, Kind
from newsdump._linemodel import STATES
from newsdump._model import Role
from newsdump._rules import Rules

__all__ = ["Decision", "decided_states"]

_BOILERPLATE = frozenset(k for k, (role, _) in enumerate(STATES) if role is Role.BOILERPLATE)
_DATE_OR_BOILERPLATE = _BOILERPLATE | frozenset(
    k for k, (role, _) in enumerate(STATES) if role is Role.DATE
)


@attrs.frozen(slots=True)
class Decision:
    """The states a rule leaves a line, and the rule."""

    allowed: frozenset[int]
    reason: str | None
    """The rule, or ``None`` when the model still chooses among ``allowed``."""


_DATE_LINE = Decision(_DATE_OR_BOILERPLATE, None)


def decided_states(cues: Sequence[Cue], rules: Rules) -> list[Decision | None]:
    """For each line, the decision of a user's rule, or ``None`` to let the model decide."""
    out: list[Decision | None] = [
        _DATE_LINE if cue.kind is Kind.DATE else None for cue in cues
    ]
    lines = added_phrases(rules, "boilerplate_lines", whole_line=True)
    phrases = added_phrases(rules, "boilerplate_phrases")
    closing = added_phrases(rules, "closing_phrases")
    if lines.pattern is None and phrases.pattern is None and closing.pattern is None:
        return out
    for t, cue in enumerate(cues):
        f = cue.features
        if f.words > rules.max_boilerplate_words:
            continue
        if lines.match(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your boilerplate line (rules)")
        elif phrases.search(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your boilerplate phrase (rules)")
        elif closing.search(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your closing phrase (rules)")
    return out
