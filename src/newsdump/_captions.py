"""Split caption lines into a description and a photo credit.

A credit is found only where captions print one: at the end of the line in
parentheses or brackets (``(AP Photo/Ted S. Warren)``), after a colon marker
(``Photograph: X/PA``), as slash-separated names (``Kyle Ross/USA TODAY Sports``), as
``<Org> photo by <Name>``, or as a short run of capitalised words holding a photo
marker after the last sentence (``… Getty Images``). A marker that ends in a colon
(``Photo:``, ``Credit:``) is dropped from the credit; ``by`` phrases are kept whole
(``U.S. Navy photo by …``). The description keeps its own punctuation; alt text such as
``a group of people sitting at a table: …`` is kept whole as the description.
"""

from __future__ import annotations

import functools

import attrs
import regex

from newsdump._model import Caption
from newsdump._phrases import normalize
from newsdump._rules import Rules

__all__ = ["caption_cue", "parse_caption"]

_DEFAULT_RULES = Rules()

_FLAGS = regex.VERSION1
_WORD = r"[\p{Lu}\p{N}©][\p{L}\p{N}.'’&-]*+"
_LINK = r"(?:via|for|of|the|and|de|da|del|van|von|la|le|du|y)"
_NAMES = rf"(?:{_WORD}|{_LINK}(?=\s++[\p{{Lu}}\p{{N}}]))"
_SLASH = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.'’&-])(?:{_NAMES}\s?){{1,6}}(?:\s?/\s?(?:{_NAMES}\s?){{1,6}}){{1,4}}"
    r"[.,;]?$",
    _FLAGS,
)
_BRACKETED = regex.compile(r"[(\[]([^()\[\]]{1,160})[)\]]\.?$", _FLAGS)
_PHOTO_BY = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?”\"]\s))(?:{_WORD}\s){{0,4}}"
    r"(?:[Pp]hotos?|[Pp]hotograph|[Ii]llustration|[Ii]mages?|[Vv]ideo)\s(?:by|courtesy\sof)\s"
    rf"{_WORD}.{{0,120}}$",
    _FLAGS,
)
_FILE = regex.compile(
    r"^(?:FILE\s?PHOTO|File\s[Pp]hoto|FILE|File)\s?[:–—-]|(?<![\p{L}])File(?:\s[Pp]hoto)?(?:\)|\s?$)",
    _FLAGS,
)
_PROVIDER = regex.compile(r"^(?:©\s?)?(?:Provided by|Copyright)\b.{0,60}$|^©.{0,60}$", _FLAGS)
_ALT_TEXT = regex.compile(
    r"^an?\s(?:[^\s:]++\s){2,20}?[^\s:]++:\s(?=[\p{Lu}\p{N}\"“‘'])", _FLAGS
)
_TRAILING_SPLIT = regex.compile(r"(?<=[.!?”\"])\s")
# The last _TRAILING_SPLIT match, found by searching from the end of the line.
_LAST_SPLIT = regex.compile(r"(?r)(?<=[.!?”\"])\s")
_STRONG = (
    "Getty",
    "Images",
    "Photo",
    "Photos",
    "Shutterstock",
    "Alamy",
    "iStock",
    "iStockphoto",
    "Handout",
    "Wikimedia",
    "Unsplash",
    "Flickr",
    "Imagn",
    "©",
)
_COLON_MARKERS_MAX_WORDS = 12


_SENTENCE_BEFORE = regex.compile(r"[.!?”\"]\s$|^\s*$")
_CREDIT_WORD_SPLIT = regex.compile(r"[\s/]++")
_CREDIT_WORD = regex.compile(r"[\p{Lu}\p{N}©(@]|(?:via|for|of|the|and|de|da|van|von|la|le|by)$")
_HAS_CAPITAL = regex.compile(r"\p{Lu}|©")
_STRONG_SPLIT = regex.compile(r"[\s/(),]++")


@functools.lru_cache(maxsize=16)
def _colon_markers(markers: tuple[str, ...]) -> regex.Pattern[str]:
    words = sorted((m[:-1] for m in markers if m.endswith(":") and m != "Source:"), key=len)
    body = "|".join(regex.escape(w) for w in reversed(words)) or "(?!)"
    return regex.compile(
        rf"(?:(?<=^|[\s(\[])(?:{body})\s?:\s?)(?P<credit>[^:]{{1,200}})$",
        _FLAGS | regex.IGNORECASE,
    )


@functools.lru_cache(maxsize=16)
def _openers(openers: tuple[str, ...]) -> regex.Pattern[str]:
    body = "|".join(regex.escape(o.strip()) for o in sorted(openers, key=len, reverse=True))
    return regex.compile(rf"^(?:{body or '(?!)'})\s?", _FLAGS)


@functools.lru_cache(maxsize=16)
def _opener_starts(openers: tuple[str, ...]) -> frozenset[str] | None:
    """The first characters of the openers; ``None`` when an empty opener matches all."""
    starts = [o.strip()[:1] for o in openers]
    return None if "" in starts else frozenset(starts)


def _opener(line: str, rules: Rules) -> regex.Match[str] | None:
    """``_openers(rules.caption_openers).match(line)``, skipped when no opener can start."""
    starts = _opener_starts(rules.caption_openers)
    if starts is not None and line[:1] not in starts:
        return None
    return _openers(rules.caption_openers).match(line)


@attrs.frozen(slots=True)
class _Split:
    description: str | None
    credit: str
    how: str


def parse_caption(text: str, *, rules: Rules | None = None) -> Caption:
    """Split a caption line into ``description`` and photo ``credit``.

    Either part is ``None`` when absent; ``file_photo`` is true for ``FILE PHOTO:``
    openers and ``…/File Photo`` or ``…, File)`` credits.
    """
    rules = rules or _DEFAULT_RULES
    line = normalize(text)
    file_photo = _file_photo(line)
    body = _strip_opener(line, rules)
    split = _split(body, rules)
    if split is None:
        return Caption(text=line, description=body or None, file_photo=file_photo)
    return Caption(
        text=line, description=split.description, credit=split.credit, file_photo=file_photo
    )


def caption_cue(text: str, rules: Rules) -> str | None:
    """Return why ``text`` is explicitly a caption, or ``None``.

    Reasons: ``"file photo"``, ``"caption opener"``, ``"photo credit"`` (a credit in a
    caption's place and shape) and ``"alt text"`` (``© Provided by …`` notices). Body
    prose that names an agency (``Reuters reported …``, ``he told AFP``) is no cue.
    """
    line = normalize(text)
    if not line:
        return None
    if _file_photo(line):
        return "file photo"
    if _opener(line, rules) and len(line.split()) > 1:
        return "caption opener"
    first = line[:1]
    # _PROVIDER starts with "©", "Provided by" or "Copyright", _ALT_TEXT with "a".
    if (first in ("©", "P", "C") and _PROVIDER.match(line)) or (
        first == "a" and _ALT_TEXT.match(line)
    ):
        return "alt text"
    if _split(line, rules) is not None:
        return "photo credit"
    return None


def _file_photo(line: str) -> bool:
    """Whether _FILE finds ``FILE PHOTO``-like words: all its forms hold FILE or File."""
    return ("FILE" in line or "File" in line) and _FILE.search(line) is not None


def _strip_opener(line: str, rules: Rules) -> str:
    match = _opener(line, rules)
    if match is None:
        return line
    rest = line[match.end() :]
    if _credit_like(rest) and not rest.endswith("."):
        # "Photo: Twitter" is a credit, not an opener followed by a description.
        return line
    return rest.strip()


def _split(line: str, rules: Rules) -> _Split | None:
    for finder in (_bracketed, _colon, _photo_by, _slashed, _trailing):
        split = finder(line, rules)
        if split is not None:
            return split
    return None


def _description(text: str) -> str | None:
    text = text.rstrip(" -–—|:;,")
    if not text or _PROVIDER.match(text):
        return None
    return text


def _bracketed(line: str, rules: Rules) -> _Split | None:
    # _BRACKETED ends with ")" or "]", then an optional "." (and $ before a final newline).
    end = line[:-1] if line.endswith("\n") else line
    end = end[:-1] if end.endswith(".") else end
    if not end.endswith((")", "]")):
        return None
    match = _BRACKETED.search(line)
    if match is None:
        return None
    inner = match.group(1).strip()
    credit = _bracket_credit(inner, rules)
    if credit is None:
        return None
    return _Split(_description(line[: match.start()]), credit, "bracket")


def _bracket_credit(inner: str, rules: Rules) -> str | None:
    colon = _colon_markers(rules.photo_credit_markers).fullmatch(inner) if ":" in inner else None
    if colon is not None:
        return colon.group("credit").strip()
    if not _credit_like(inner):
        return None
    if "/" in inner or _has_strong(inner, rules):
        return inner
    if _may_be_photo_by(inner) and _PHOTO_BY.match(inner):
        return inner
    return None


def _colon(line: str, rules: Rules) -> _Split | None:
    if ":" not in line:  # every colon marker ends in ":"
        return None
    match = _colon_markers(rules.photo_credit_markers).search(line)
    if match is None or not _credit_like(match.group("credit")):
        return None
    return _Split(_description(line[: match.start()]), match.group("credit").strip(), "colon")


def _may_be_photo_by(line: str) -> bool:
    """Whether ``line`` holds the words every _PHOTO_BY match holds."""
    return ("by" in line or "courtesy" in line) and (
        "hoto" in line or "mage" in line or "ideo" in line or "llustration" in line
    )


def _photo_by(line: str, rules: Rules) -> _Split | None:
    if not _may_be_photo_by(line):
        return None
    match = _PHOTO_BY.search(line)
    if match is None:
        return None
    return _Split(_description(line[: match.start()]), match.group().rstrip("."), "by")


def _slashed(line: str, rules: Rules) -> _Split | None:
    if "/" not in line:
        return None
    match = _SLASH.search(line)
    if match is None:
        return None
    start = match.start()
    before = line[:start]
    if before and not _SENTENCE_BEFORE.search(before):
        return None
    return _Split(_description(before), match.group().rstrip(" .,;"), "slash")


def _trailing(line: str, rules: Rules) -> _Split | None:
    # The last piece of _TRAILING_SPLIT.split(line): what follows its last match.
    last = _LAST_SPLIT.search(line)
    cut = last.end() if last is not None else 0
    tail = line[cut:].rstrip(".")
    if not (_credit_like(tail) and _has_strong(tail, rules)):  # the cheaper test first
        return None
    before = line[:cut]
    if not before and len(tail.split()) < 2 and tail != "©":
        return None
    return _Split(_description(before), tail, "trailing")


def _credit_like(text: str) -> bool:
    """Whether ``text`` reads as a short run of names: capitalised words and links."""
    # At most two splits past the word limit: when all of them are made, the pieces
    # between them already exceed the limit, and the rest of a long line is not split.
    words = _CREDIT_WORD_SPLIT.split(text.strip(" .,;"), maxsplit=_COLON_MARKERS_MAX_WORDS + 2)
    if len(words) > _COLON_MARKERS_MAX_WORDS + 2:
        return False
    words = [w for w in words if w]
    if not words or len(words) > _COLON_MARKERS_MAX_WORDS:
        return False
    return all(
        _CREDIT_WORD.match(w)
        or w.lower() in ("photo", "photos", "images", "staff", "pool", "handout")
        for w in words
    ) and _HAS_CAPITAL.search(text) is not None


def _has_strong(text: str, rules: Rules) -> bool:
    """Whether ``text`` names a photo source: a strong word or a marker of ``rules``."""
    words = set(_STRONG_SPLIT.split(text))
    if words.intersection(_STRONG) or "©" in text:
        return True
    markers = _source_markers(rules.photo_credit_markers)
    return markers is not None and markers.search(text) is not None


@functools.lru_cache(maxsize=16)
def _source_markers(markers: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The markers that name a source (``Getty``, not ``Photo:``) as one pattern."""
    names = [m.strip() for m in markers if not m.strip().endswith(":")]
    if not names:
        return None
    body = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", _FLAGS)
