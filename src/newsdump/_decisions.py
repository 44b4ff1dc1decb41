"""Rules that decide a line whatever the model says: a user's own boilerplate phrases.

The default tables are attributes the model weighs (``k=boilerplate``, ``closing``,
``related``); an entry a user *adds* to ``boilerplate_lines``, ``boilerplate_phrases``
or ``closing_phrases`` is a decision: a line it matches is boilerplate (for
``boilerplate_phrases``: a line of at most ``max_boilerplate_words`` words that
contains the phrase). The model still decides whether an article starts on the line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from newsdump._cues import Cue
from newsdump._linemodel import STATES
from newsdump._model import Role
from newsdump._phrases import PhraseTable
from newsdump._rules import Rules

__all__ = ["Decision", "decided_states"]

_BOILERPLATE = frozenset(k for k, (role, _) in enumerate(STATES) if role is Role.BOILERPLATE)
_DEFAULTS = Rules()


@attrs.frozen(slots=True)
class Decision:
    """The states a rule leaves a line, and the rule."""

    allowed: frozenset[int]
    reason: str


@attrs.frozen(slots=True)
class _UserTables:
    lines: PhraseTable | None
    phrases: PhraseTable | None
    closing: PhraseTable | None


def _added(mine: Sequence[str], default: Sequence[str]) -> list[str]:
    known = set(default)
    return [entry for entry in mine if entry not in known]


def _table(entries: list[str], *, whole_line: bool) -> PhraseTable | None:
    return PhraseTable(entries, whole_line=whole_line) if entries else None


@functools.lru_cache(maxsize=16)
def _user_tables(rules: Rules) -> _UserTables:
    return _UserTables(
        lines=_table(_added(rules.boilerplate_lines, _DEFAULTS.boilerplate_lines),
                     whole_line=True),
        phrases=_table(_added(rules.boilerplate_phrases, _DEFAULTS.boilerplate_phrases),
                       whole_line=False),
        closing=_table(_added(rules.closing_phrases, _DEFAULTS.closing_phrases),
                       whole_line=False),
    )


def decided_states(cues: Sequence[Cue], rules: Rules) -> list[Decision | None]:
    """For each line, the decision of a user's rule, or ``None`` to let the model decide."""
    tables = _user_tables(rules)
    out: list[Decision | None] = [None] * len(cues)
    if tables.lines is None and tables.phrases is None and tables.closing is None:
        return out
    for t, cue in enumerate(cues):
        f = cue.features
        if tables.lines is not None and tables.lines.match(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your boilerplate line (rules)")
        elif f.words > rules.max_boilerplate_words:
            continue
        elif tables.phrases is not None and tables.phrases.search(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your boilerplate phrase (rules)")
        elif tables.closing is not None and tables.closing.search(f.text, f.word_set):
            out[t] = Decision(_BOILERPLATE, "your closing phrase (rules)")
    return out
