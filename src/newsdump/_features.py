"""Per-line features: the shape of each line, computed once and read by later stages."""

from __future__ import annotations

import functools

import attrs
import regex

from newsdump._phrases import PhraseTable, normalize, word_set
from newsdump._rules import Rules

__all__ = ["Features", "Patterns", "line_features", "patterns"]

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*+")
_BULLET = regex.compile(r"^[•·▪▸►‣◦●○■□➤✓✔*]\s*+|^[-–—]\s++(?=\p{L})")
_URL = regex.compile(r"https?://|www\.[\w-]++\.\w|(?<=[\w-])\.(?:com|org|net|co\.uk)/", regex.I)
_HANDLE = regex.compile(r"(?<![\w.])@\w{2,30}+")
_HTML = regex.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]{0,15}+(?:\s[^<>]{0,300}+)?/?>|&(?:[a-z]{2,8}+|#\d{1,6}+);|^\s*+[\"“”]?>"
)
_TERMINAL = regex.compile(r"[.!?…:;][\"'”’)\]»]*+$")
_LOWER_START = regex.compile(r"^[\p{Ll},;)\]—–]")
_CAPITALISED = regex.compile(r"^[\p{Lu}\p{N}]")
_FUNCTION_WORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "as", "into", "onto", "over", "under", "after", "before", "about", "than",
        "via", "vs", "per", "is", "are", "was", "were", "be", "its", "it's", "his", "her",
        "their", "our", "up", "off", "out", "down"
    )
)


@attrs.frozen(slots=True)
class Patterns:
    """The compiled phrase tables of one :class:`Rules` value."""

    boilerplate_lines: PhraseTable
    boilerplate_phrases: PhraseTable
    closing: PhraseTable
    related: PhraseTable
    appeal: PhraseTable


@functools.lru_cache(maxsize=16)
def patterns(rules: Rules) -> Patterns:
    """Compile the phrase tables of ``rules`` (a pure function of the immutable rules)."""
    return Patterns(
        boilerplate_lines=PhraseTable(rules.boilerplate_lines, whole_line=True),
        boilerplate_phrases=PhraseTable(rules.boilerplate_phrases),
        closing=PhraseTable(rules.closing_phrases),
        related=PhraseTable(rules.related_markers, whole_line=True),
        appeal=PhraseTable(rules.appeal_openers),
    )


@attrs.define(slots=True)
class Features:
    """What later stages need to know about one non-blank line."""

    index: int
    text: str
    words: int
    capitalised: float
    bullet: bool
    url: bool
    handle: bool
    html: bool
    terminal: bool
    lower_start: bool
    starts_capital: bool
    question: bool
    word_set: frozenset[str]

    @property
    def fragment(self) -> bool:
        """A short unpunctuated run of words, like alt text or a kicker."""
        return self.words <= 8 and not self.terminal


def line_features(index: int, raw: str) -> Features:
    """Compute the features of one line (``raw`` as printed, without its ending)."""
    text = normalize(raw)
    bullet_match = _BULLET.match(text)
    body = text[bullet_match.end() :] if bullet_match else text
    words = _WORD.findall(body) if len(body) < 20_000 else []
    n_words = len(words) if words else _rough_word_count(body)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalised = (
        sum(1 for w in content if _CAPITALISED.match(w)) / len(content) if content else 0.0
    )
    head = body[:2000]
    tail = body[-200:]
    return Features(
        index=index,
        text=text,
        words=n_words,
        capitalised=capitalised,
        bullet=bullet_match is not None,
        url=_URL.search(head) is not None,
        handle=_HANDLE.search(head) is not None,
        html=_HTML.search(head) is not None,
        terminal=_TERMINAL.search(tail) is not None,
        lower_start=_LOWER_START.match(body) is not None,
        starts_capital=_CAPITALISED.match(body) is not None,
        question=tail.rstrip("\"'”’)").endswith("?"),
        word_set=word_set(text) if len(text) < 5000 else frozenset(),
    )


def _rough_word_count(text: str) -> int:
    return text.count(" ") + 1 if text else 0
