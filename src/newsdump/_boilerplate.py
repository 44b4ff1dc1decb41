"""Boilerplate cues: phrase tables, call-to-action shape, links, HTML debris, repeats.

Each function returns a short reason (``"boilerplate phrase: sign up for our"``) or
``None``; nothing is deleted, the reason travels with the line.

An entry a user adds to a phrase table decides alone on any line of at most
``max_boilerplate_words`` words. The default entries of ``boilerplate_phrases`` and
``closing_phrases`` need more, since body prose uses many of them ("the newsletter",
"privacy policy", "sign up for the"): a default boilerplate phrase needs a line that
also addresses the reader, opens with a verb, holds a link or handle, or has at most 8
words; a default closing phrase a line of at most 20 words. Measured on the seeds, the
own corpus and the dev set, dropping those conditions for the defaults gains nothing
there and costs the dev set's boundaries (closing phrases) or marks prose as
boilerplate (phrases).
"""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from collections.abc import Sequence

import attrs
import regex

from newsdump._features import Features, Patterns
from newsdump._phrases import PhraseTable, normalize
from newsdump._rules import Rules

__all__ = [
    "BoilerKind",
    "LocalBoilerplate",
    "added_phrases",
    "is_breadcrumb",
    "local_boilerplate",
    "repeated_lines",
]


class BoilerKind(enum.Enum):
    """Boilerplate found from a line's place in the dump, which later stages tell apart.

    The value is the line's reason.
    """

    COPY = "repeated copy of the line above"
    INJECTED = "repeated text (injected tooltip or widget)"
    TEASER = "related-link teaser"
    APPEAL = "inside an appeal to readers"


_READER = regex.compile(
    r"\b(?:you|your|you['’](?:re|ll|ve)|we|we['’](?:re|ve)|our|us|"
    r"this\s++(?:site|website|page|article|story|newsletter|app|browser|video|content))\b",
    regex.I,
)
_IMPERATIVE = regex.compile(
    r"^(?:sign\s++up|subscribe|download|follow|click|tap|share|join|register|get|watch|"
    r"listen|donate|support|visit|like|install|enter|read|see|check\s++out|don['’]t\s++miss|"
    r"never\s++miss|learn\s++more|find\s++out|discover|try|shop|buy|book|explore|go\s++to)\b",
    regex.I,
)
_MORE_LINK = regex.compile(
    r"(?:read|see|watch|learn|view|find\s++out)\s*+more\s*+[.:…»›>]*+\s*+$|"
    r"\bcontinue\s++reading\s*+[.:…»›>]*+\s*+$",
    regex.I,
)
_TAG = regex.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]{0,15}+(?:\s[^<>]{0,300}+)?/?>|&(?:[a-z]{2,8}+|#\d{1,6}+);"
)
_WORDISH = regex.compile(r"\p{L}{2,}+")
_LINK_ONLY = regex.compile(r"^\S*+(?:https?://|www\.)\S++$|^(?:@\w{1,30}+[\s,]*+)++$")
_BREADCRUMB = regex.compile(
    r"^[^/|>›»\s][^/|>›»]{0,40}?(?:\s[/|>›»]\s[^/|>›»\s][^/|>›»]{0,40}?){2,20}$"
)
_COPYRIGHT = regex.compile(
    r"^(?:©|\(c\)|copyright)\s*+(?:©\s*+)?(?:19|20)\d\d\b", regex.I
)
_SEPARATOR = regex.compile(r"^[\W_]{1,200}+$")
_PATH_SLUG = regex.compile(r"^[a-z0-9]++(?:-[a-z0-9]++){3,40}+$")
# Necessary conditions read off the patterns above, tested before them:
_SEPARATOR_CHARS = 201
"""_SEPARATOR matches at most 200 characters (and a final newline)."""
_COPYRIGHT_STARTS = frozenset("©(cC")
_CRUMBS = "/|>›»"
#: The longest line a default closing phrase marks (a user's: max_boilerplate_words).
_CLOSING_WORDS = 20
#: A default boilerplate phrase alone marks a line of at most this many words.
_SHORT_WORDS = 8


@attrs.frozen(slots=True)
class LocalBoilerplate:
    """A line-local boilerplate verdict."""

    reason: str
    closing: bool = False
    related: bool = False
    appeal: bool = False
    link: bool = False


def local_boilerplate(f: Features, pats: Patterns, rules: Rules) -> LocalBoilerplate | None:
    """Decide from the line alone whether it is boilerplate, and of which kind."""
    text = f.text
    if len(text) <= _SEPARATOR_CHARS and _non_word(text[:1]) and _SEPARATOR.match(text):
        return LocalBoilerplate("separator or symbol line")
    if f.words > rules.max_boilerplate_words:
        return None
    if pats.related.match(text, f.word_set):
        return LocalBoilerplate("related-links header", related=True)
    if pats.boilerplate_lines.match(text, f.word_set):
        return LocalBoilerplate("boilerplate line")
    if (m := pats.closing.search(text, f.word_set)) is not None:
        if f.words > _CLOSING_WORDS:
            m = added_phrases(rules, "closing_phrases").search(text, f.word_set)
        if m is not None:
            return LocalBoilerplate(f"closing phrase: {m.group(0)}", closing=True)
    if (m := pats.appeal.match(text, f.word_set)):
        return LocalBoilerplate(f"appeal opener: {m.group(0)}", appeal=True)
    if text[:1] in _COPYRIGHT_STARTS and _COPYRIGHT.match(text):
        return LocalBoilerplate("copyright line")
    # _LINK_ONLY: a URL ("://" or "www.", case-sensitive) or handles from the start.
    if ("://" in text or "www." in text or text[:1] == "@") and _LINK_ONLY.match(text):
        return LocalBoilerplate("link or handle only")
    if "-" in text and " " not in text and _PATH_SLUG.match(text):
        return LocalBoilerplate("URL slug")
    if f.html and _debris(text):
        return LocalBoilerplate("HTML debris")
    if f.words <= 30 and _may_say_more(text) and _MORE_LINK.search(text):
        return LocalBoilerplate("related link (… read more)")
    if (m := pats.boilerplate_phrases.search(text, f.word_set)) is not None:
        pitch = _READER.search(text) or _IMPERATIVE.match(text) or f.url or f.handle
        if not (pitch or f.words <= _SHORT_WORDS):
            m = added_phrases(rules, "boilerplate_phrases").search(text, f.word_set)
        if m is not None:
            return LocalBoilerplate(f"boilerplate phrase: {m.group(0)}")
    if f.url and f.words <= 12:
        return LocalBoilerplate("link line", link=True)
    return None


def added_phrases(rules: Rules, table: str, *, whole_line: bool = False) -> PhraseTable:
    """The entries of ``rules``' phrase table ``table`` that are not among its defaults.

    These are the user's own phrases, which decide without the defaults' extra
    conditions. Entries are compared as matching sees them (case and spacing aside).
    """
    return _added(getattr(rules, table), _defaults(table), whole_line=whole_line)


@functools.lru_cache(maxsize=8)
def _defaults(table: str) -> tuple[str, ...]:
    default: tuple[str, ...] = getattr(Rules(), table)
    return default


@functools.lru_cache(maxsize=32)
def _added(
    entries: tuple[str, ...], defaults: tuple[str, ...], *, whole_line: bool
) -> PhraseTable:
    known = {normalize(d).casefold() for d in defaults}
    return PhraseTable(
        (e for e in entries if normalize(e).casefold() not in known), whole_line=whole_line
    )


def is_breadcrumb(text: str) -> bool:
    """Whether the line is a breadcrumb or tag list: ``Politics / Elections / Congress``.

    Call it after the byline and caption checks: a credit such as ``Name / Outlet /
    Getty Images`` has the same shape.
    """
    # At least two separators: the crumbs repeat {2,20} times.
    if sum(text.count(c) for c in _CRUMBS) < 2:
        return False
    return _BREADCRUMB.match(text) is not None


@functools.lru_cache(maxsize=4096)
def _non_word(first: str) -> bool:
    """Whether a line starting with ``first`` may be a separator line (``[\\W_]``)."""
    return regex.match(r"[\W_]", first) is not None


def _may_say_more(text: str) -> bool:
    """Whether ``text`` holds the words of _MORE_LINK: ``more``, or ``continue reading``.

    Lower-casing finds them as the case-blind pattern does: no other character folds to
    the letters tested (``i``, which ``İ`` folds to, is left out of the test).
    """
    low = text.lower()
    return "more" in low or ("cont" in low and "read" in low)


def _debris(text: str) -> bool:
    """Markup with little text left once the tags are gone."""
    rest = _TAG.sub(" ", text)
    return len(_WORDISH.findall(rest)) < 3


def repeated_lines(features: Sequence[Features], rules: Rules) -> dict[int, BoilerKind]:
    """Long lines whose exact text recurs within ``rules.context_lines``: injected text.

    Every copy of running text (a sentence, not a headline) that recurs within
    ``rules.repeat_window`` lines is marked, since a tooltip or glossary entry is injected
    wherever it appears; a headline that recurs (a teaser, then the article) is left to
    the header logic. A run of adjacent copies (a scraper repeating a headline) keeps its
    first copy: only the later ones are marked.
    """
    seen: dict[str, list[int]] = defaultdict(list)
    out: dict[int, BoilerKind] = {}
    previous: Features | None = None
    for f in features:
        adjacent = previous is not None and previous.text == f.text
        previous = f
        if adjacent:
            out[f.index] = BoilerKind.COPY
            continue
        if len(f.text) < rules.min_repeat_chars or f.words < 15 or not f.terminal or f.question:
            continue
        positions = seen[f.text]
        recent = [p for p in positions if f.index - p <= rules.repeat_window]
        if recent:
            for p in recent:
                out[p] = BoilerKind.INJECTED
            out[f.index] = BoilerKind.INJECTED
        positions[:] = [*recent, f.index]
    return out
