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
    file_photo = bool(_FILE.search(line))
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
    if _FILE.search(line):
        return "file photo"
    if _openers(rules.caption_openers).match(line) and len(line.split()) > 1:
        return "caption opener"
    if _PROVIDER.match(line) or _ALT_TEXT.match(line):
        return "alt text"
    if _split(line, rules) is not None:
        return "photo credit"
    return None


def _strip_opener(line: str, rules: Rules) -> str:
    match = _openers(rules.caption_openers).match(line)
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
    match = _BRACKETED.search(line)
    if match is None:
        return None
    inner = match.group(1).strip()
    credit = _bracket_credit(inner, rules)
    if credit is None:
        return None
    return _Split(_description(line[: match.start()]), credit, "bracket")


def _bracket_credit(inner: str, rules: Rules) -> str | None:
    colon = _colon_markers(rules.photo_credit_markers).fullmatch(inner)
    if colon is not None:
        return colon.group("credit").strip()
    if not _credit_like(inner):
        return None
    if "/" in inner or _has_strong(inner, rules) or _PHOTO_BY.match(inner):
        return inner
    return None


def _colon(line: str, rules: Rules) -> _Split | None:
    match = _colon_markers(rules.photo_credit_markers).search(line)
    if match is None or not _credit_like(match.group("credit")):
        return None
    return _Split(_description(line[: match.start()]), match.group("credit").strip(), "colon")


def _photo_by(line: str, rules: Rules) -> _Split | None:
    match = _PHOTO_BY.search(line)
    if match is None:
        return None
    return _Split(_description(line[: match.start()]), match.group().rstrip("."), "by")


def _slashed(line: str, rules: Rules) -> _Split | None:
    match = _SLASH.search(line)
    if match is None:
        return None
    start = match.start()
    before = line[:start]
    if before and not _SENTENCE_BEFORE.search(before):
        return None
    return _Split(_description(before), match.group().rstrip(" .,;"), "slash")


def _trailing(line: str, rules: Rules) -> _Split | None:
    parts = _TRAILING_SPLIT.split(line)
    tail = parts[-1].rstrip(".")
    if not (_has_strong(tail, rules) and _credit_like(tail)):
        return None
    before = line[: len(line) - len(parts[-1])]
    if not before and len(tail.split()) < 2 and tail != "©":
        return None
    return _Split(_description(before), tail, "trailing")


def _credit_like(text: str) -> bool:
    """Whether ``text`` reads as a short run of names: capitalised words and links."""
    words = _CREDIT_WORD_SPLIT.split(text.strip(" .,;"))
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
