"""Per-line features: the shape of each line, computed once and read by later stages.

Scraper artefacts are read as cues, never removed from the dump: html2text's Markdown
(``# Headline``, ``* item``, ``1. item``, ``[text](url)``, ``![alt](src)``, ``**bold**``,
``_em_``) is recorded in the features, and :attr:`Features.text` is the readable text
without the markers, so the parsers see ``Headline``, not ``# Headline``.
"""

from __future__ import annotations

import functools
import re

import attrs
import regex

from newsdump._phrases import PhraseTable, narrow, narrow_class, normalize, word_set
from newsdump._rules import Rules

__all__ = ["Features", "Markdown", "Patterns", "line_features", "patterns", "readable"]

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
# _WORD for narrow text (see newsdump._phrases.narrow_class): the same words, found faster.
_NARROW_WORD = re.compile(
    narrow_class(r"[\p{L}\p{N}]") + narrow_class(r"[\p{L}\p{N}'’.&-]") + "*"
)
# What _TERMINAL reads, as character sets: a terminal mark, then closing quotes or brackets.
_TERMINAL_MARKS = frozenset(".!?…:;")
_CLOSERS = "\"'”’)]»"
# The first characters that can start a bullet (_BULLET), by its two alternatives.
_BULLET_STARTS = frozenset("•·▪▸►‣◦●○■□➤✓✔*-–—")
_FUNCTION_WORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "as", "into", "onto", "over", "under", "after", "before", "about", "than",
        "via", "vs", "per", "is", "are", "was", "were", "be", "its", "it's", "his", "her",
        "their", "our", "up", "off", "out", "down"
    )
)

# Markdown as html2text writes it. Only lines holding one of these characters (or
# starting with a number) can carry markup; the rest skip the patterns below.
_MARKUP_CHARS = "#*_[]!\\+-`"
_MARKUP = re.compile("[" + re.escape(_MARKUP_CHARS) + "]")
_HEADING = regex.compile(r"#{1,6}+(?=\s|$)\s*+")
_LIST = regex.compile(r"(?:[*+]|-(?=\s)|(\d{1,3}+)[.)])\s++")
# A link's destination: up to white space, then an optional "title"; a destination cut by
# html2text's line wrapping runs to the end of the line without its ")".
_DESTINATION = r"\(\s*+[^()\s]*+(?:\s++\"[^\"]*+\"?)?\s*+\)?"
_IMAGE = regex.compile(r"!\[([^\[\]]{0,1000}+)\]" + _DESTINATION)
_LINK = regex.compile(r"\[([^\[\]]{0,1000}+)\]" + _DESTINATION)
# The end of a link whose text began on the line above: "rest of text](http://…)".
_LINK_TAIL = regex.compile(r"^([^\[\]]{0,1000}+)\]" + _DESTINATION)
# The end of a wrapped URL: "…/photo.jpg)" before anything else on the line.
_URL_TAIL = regex.compile(r"^(?=[^\s\[\]()/]*+/)[^\s\[\]()]++\)")
_OPEN_IMAGE = regex.compile(r"!\[")
_STRONG = regex.compile(r"\*\*++|__++")
_EMPHASIS = regex.compile(r"(?<![\w*\\])[_*](?=\S)|(?<=\S)(?<!\\)[_*](?![\w*])")
_ESCAPE = regex.compile(r"\\(?=[\\`*_{}\[\]()#+.!-])")


@attrs.frozen(slots=True)
class Markdown:
    """The Markdown markers of one line and its text without them."""

    text: str
    """The readable text (normalised, markers removed)."""
    heading: int = 0
    """The heading level of ``# …`` to ``###### …`` (0: not a heading)."""
    list_item: bool = False
    """Whether the line starts with a list marker (``*``, ``+``, ``-``, ``1.``, ``1)``)."""
    link: bool = False
    """Whether the line holds a link (``[text](url)``, or part of one cut by wrapping)."""
    link_share: float = 0.0
    """The share of the readable text that is link or image text."""
    image: bool = False
    """Whether the line holds an image (``![alt](src)``)."""


def readable(text: str) -> Markdown:
    """Read the Markdown markers of ``text`` (one line) and its text without them.

    The text is normalised first (see :func:`newsdump._phrases.normalize`). A line that
    is nothing but markers (``#``, ``[](/)``) keeps its text, so it is not read as blank.
    """
    return _read(normalize(text))


def _read(text: str) -> Markdown:
    if not text[:1].isdigit() and _MARKUP.search(text) is None:
        return Markdown(text)
    rest = text
    heading = 0
    list_item = False
    for _ in range(4):  # "* ## Title", "* * [Tech](…)": a few nested markers at most
        if (m := _LIST.match(rest)) is not None:
            list_item = True
        elif (m := _HEADING.match(rest)) is not None:
            heading = heading or len(m.group(0).rstrip())
        else:
            break
        rest = rest[m.end() :]
    linked = 0
    image = False
    link = False
    if "](" in rest or "![" in rest:
        rest, n_images = _IMAGE.subn(r"\1", rest)
        image = n_images > 0 or _OPEN_IMAGE.search(rest) is not None
        rest = _OPEN_IMAGE.sub("", rest)
        pieces: list[str] = []

        def keep(match: regex.Match[str]) -> str:
            pieces.append(match.group(1))
            return match.group(1)

        rest = _URL_TAIL.sub("", rest)
        rest = _LINK_TAIL.sub(keep, rest)
        rest = _LINK.sub(keep, rest)
        if rest.startswith("[") and "]" not in rest:
            # A link whose text and destination wrap onto the next line: "[![Name](…".
            rest = rest[1:]
            pieces.append(rest)
        link = bool(pieces)
        linked = sum(len(p.strip()) for p in pieces)
    if "*" in rest or "_" in rest:
        rest = _EMPHASIS.sub("", _STRONG.sub("", rest))
    if "\\" in rest:
        rest = _ESCAPE.sub("", rest)
    rest = normalize(rest)
    share = min(1.0, linked / len(rest)) if rest and linked else 0.0
    return Markdown(
        rest or text,
        heading=heading,
        list_item=list_item,
        link=link,
        link_share=share,
        image=image,
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
    """What later stages need to know about one non-blank line.

    ``text`` is the readable text: normalised, without Markdown markers. The fields
    after ``word_set`` record the markers; ``raw`` is the normalised line with them.
    """

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
    markdown_heading: int = 0
    markdown_link: bool = False
    link_share: float = 0.0
    image_markdown: bool = False
    list_item: bool = False
    raw: str = ""

    @property
    def fragment(self) -> bool:
        """A short unpunctuated run of words, like alt text or a kicker."""
        return self.words <= 8 and not self.terminal


_Shape = tuple[
    str, int, float, bool, bool, bool, bool, bool, bool, bool, bool, frozenset[str],
    int, bool, float, bool, bool, str,
]


def line_features(index: int, raw: str) -> Features:
    """Compute the features of one line (``raw`` as printed, without its ending)."""
    return Features(index, *_shape(raw))


# Dumps repeat lines (menus, share prompts, a scraper's copies): the shape of a line is a
# pure function of its text, so recent ones are kept.
@functools.lru_cache(maxsize=4096)
def _shape(raw: str) -> _Shape:
    plain = normalize(raw)
    markdown = _read(plain)
    text = markdown.text
    bullet_match = _BULLET.match(text) if text[:1] in _BULLET_STARTS else None
    bullet = bullet_match is not None or (markdown.list_item and markdown.heading == 0)
    body = text[bullet_match.end() :] if bullet_match else text
    if len(body) >= 20_000:
        words: list[str] = []
    elif narrow(body):
        words = _NARROW_WORD.findall(body)
    else:
        words = _WORD.findall(body)
    n_words = len(words) if words else _rough_word_count(body)
    kinds = _word_kinds(words)
    content = len(kinds) - kinds.count(_FUNCTION)
    capitalised = kinds.count(_CAPITAL) / content if content else 0.0
    head = body[:2000]
    tail = body[-200:]
    html_head = plain[:2000]
    # A line that is (almost) all link text is a link line, as a bare URL is.
    url = markdown.link_share >= 0.9 or (_may_hold_url(head) and _URL.search(head) is not None)
    lower_start, starts_capital = _starts(body[:1])
    return (
        text,
        n_words,
        capitalised,
        bullet,
        url,
        "@" in head and _HANDLE.search(head) is not None,
        (">" in html_head or "&" in html_head) and _HTML.search(html_head) is not None,
        _terminal(tail),
        lower_start,
        starts_capital,
        tail.rstrip("\"'”’)").endswith("?"),
        word_set(text) if len(text) < 5000 else frozenset(),
        markdown.heading,
        markdown.link,
        markdown.link_share,
        markdown.image,
        markdown.list_item,
        plain,
    )


_FUNCTION, _CONTENT, _CAPITAL = 0, 1, 2
_KINDS: dict[str, int] = {}
"""What each word seen recently is: a function word, a content word, or a capitalised one."""
_MAX_KINDS = 100_000


def _word_kinds(words: list[str]) -> list[int | None]:
    """The kind of each word (``_FUNCTION``, ``_CONTENT`` or ``_CAPITAL``), cached by word."""
    known = _KINDS
    kinds: list[int | None] = list(map(known.get, words))
    if None in kinds:
        if len(known) > _MAX_KINDS:
            known.clear()
        for i, w in enumerate(words):
            if kinds[i] is None:
                if w.lower() in _FUNCTION_WORDS:
                    kind = _FUNCTION
                else:
                    kind = _CAPITAL if _CAPITALISED.match(w) else _CONTENT
                kinds[i] = known[w] = kind
    return kinds


def _may_hold_url(head: str) -> bool:
    """Whether ``head`` may match _URL: two of its forms need a ``/``, one ``www.``."""
    return "/" in head or ("." in head and "www." in head.lower())


def _terminal(tail: str) -> bool:
    """``_TERMINAL.search(tail) is not None``: a terminal mark, then only closers.

    ``$`` matches at the end and before a final newline, so a final newline is dropped.
    """
    end = tail[:-1] if tail.endswith("\n") else tail
    end = end.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL_MARKS


@functools.lru_cache(maxsize=4096)
def _starts(first: str) -> tuple[bool, bool]:
    """_LOWER_START and _CAPITALISED of a body whose first character is ``first``.

    Both patterns read the first character only.
    """
    return _LOWER_START.match(first) is not None, _CAPITALISED.match(first) is not None


def _rough_word_count(text: str) -> int:
    return text.count(" ") + 1 if text else 0
