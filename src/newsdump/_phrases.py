"""Compile phrase tables (with ``<slots>``) into linear-time regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

__all__ = [
    "SLOTS",
    "PhraseTable",
    "compile_phrases",
    "narrow",
    "narrow_class",
    "normalize",
    "word_set",
]

SLOTS: dict[str, str] = {
    # Up to six capitalised words or initials: "Business Insider", "The Times of India".
    # Slots are case-sensitive inside the otherwise case-insensitive phrase.
    "publisher": (
        r"(?P<publisher>(?-i:(?:[Tt]he\s+)?[\p{Lu}\d][\p{L}\p{N}.&-]*+"
        r"(?:\s+(?:of|and|on|the|&|[\p{Lu}\d][\p{L}\p{N}.&-]*+)){0,5}))"
    ),
    "name": r"(?P<name>(?-i:\p{Lu}[\p{L}.'’-]*+(?:\s+\p{Lu}[\p{L}.'’-]*+){0,3}))",
    "any": r"(?:.{0,80}?)",
}

_SLOT = regex.compile(r"<(publisher|name|any)>")
_SPACE = regex.compile(r"\s++")
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]++")
# The characters that make a line untidy wherever they stand: white space other than the
# plain space (``regex``'s ``\s``, listed: tests/test_fast_paths.py checks the list
# against it) and the invisible characters above. A single character class in ``re``
# scans a line several times faster than the alternation of the untidy shapes did.
_ODD_CHARS = (
    "\t\n\x0b\x0c\r\x85\xa0\xad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064"
    "\u3000\ufeff"
)
_ODD = re.compile(f"[{_ODD_CHARS}]")


def normalize(text: str) -> str:
    """Strip, drop invisible characters and collapse white space to single spaces."""
    # Tidy text (the common case, and every text normalised before) comes back as is: no
    # space at either end, no two in a row, no other white space and no invisibles.
    if not (
        text[:1] == " " or text[-1:] == " " or "  " in text or _ODD.search(text)
    ):
        return text
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def _phrase_pattern(phrase: str, used: set[str]) -> str:
    parts: list[str] = []
    pos = 0
    for match in _SLOT.finditer(phrase):
        parts.append(_literal(phrase[pos : match.start()]))
        slot = match.group(1)
        pattern = SLOTS[slot]
        if slot in used:
            # A named group may appear once per alternative; later uses do not capture.
            pattern = pattern.replace(f"(?P<{slot}>", "(?:")
        used.add(slot)
        parts.append(pattern)
        pos = match.end()
    parts.append(_literal(phrase[pos:]))
    return "".join(parts)


def _literal(text: str) -> str:
    out: list[str] = []
    for word in _SPACE.split(text):
        escaped = regex.escape(word)
        escaped = escaped.replace("'", "['’]").replace("’", "['’]")
        escaped = escaped.replace(r"\.\.\.", r"(?:\.\.\.|…)")
        out.append(escaped)
    return r"\s+".join(out)


def compile_phrases(
    phrases: Iterable[str], *, whole_line: bool = False
) -> regex.Pattern[str] | None:
    """Compile ``phrases`` into one case-insensitive alternation.

    With ``whole_line`` the pattern must match the whole (normalised) line, trailing
    punctuation aside; otherwise it may match anywhere, at word boundaries. Each
    alternative gets its own slot groups, so ``match.group("publisher")`` works whichever
    phrase matched. Returns ``None`` for an empty table.
    """
    alternatives: list[str] = []
    for phrase in dict.fromkeys(p.strip() for p in phrases):
        if not phrase:
            continue
        alternatives.append(_phrase_pattern(phrase, set()))
    if not alternatives:
        return None
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    if whole_line:
        pattern = rf"^(?:{body})[\s.:!…|»›>-]*+$"
    else:
        pattern = rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)


# Narrow text: every character in ASCII, Latin-1, Latin Extended-A and -B or General
# Punctuation (quotes, dashes, the ellipsis), as nearly every line of a dump is. On narrow
# text a ``regex`` character class is replaced by the ``re`` class of its members in
# those ranges, listed once at import, and ``re`` finds the same runs two to three times
# faster.
_NARROW_RANGES = ((0x0000, 0x0250), (0x2000, 0x2070))
_WIDE = re.compile(r"[^\x00-\u024f\u2000-\u206f]")


def narrow(text: str) -> bool:
    """Whether every character of ``text`` lies in the narrow ranges (see narrow_class)."""
    return text.isascii() or _WIDE.search(text) is None


def narrow_class(char_class: str) -> str:
    """The ``re`` class of the narrow characters that the ``regex`` class matches.

    On narrow text (:func:`narrow`) the two classes match the same characters.
    """
    pattern = regex.compile(char_class)
    members = [
        chr(c)
        for low, high in _NARROW_RANGES
        for c in range(low, high)
        if pattern.fullmatch(chr(c)) is not None
    ]
    return "[" + "".join(re.escape(c) for c in members) + "]" if members else "(?!)"


_LITERAL_WORD = regex.compile(r"\w++")
_NARROW_WORD = re.compile(narrow_class(r"\w") + "+")


def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``, as the phrase prefilter sees them."""
    low = text.lower()
    if narrow(low):
        return frozenset(_NARROW_WORD.findall(low))
    return frozenset(_LITERAL_WORD.findall(low))


class PhraseTable:
    """A compiled phrase table with a cheap word prefilter in front of the regex.

    A line can only match a phrase if it holds every literal word of that phrase, so
    the (slower) alternation runs only on lines that pass this set test.
    """

    __slots__ = ("_by_word", "_keys", "_unfiltered", "pattern")

    def __init__(self, phrases: Iterable[str], *, whole_line: bool = False) -> None:
        """Compile ``phrases`` as :func:`compile_phrases` does."""
        cleaned = [p for p in dict.fromkeys(p.strip() for p in phrases) if p]
        self.pattern = compile_phrases(cleaned, whole_line=whole_line)
        needs = [word_set(_SLOT.sub(" ", p)) for p in cleaned]
        self._unfiltered = any(not n for n in needs)
        # Each phrase's word set is filed under its longest word, so a line is tested
        # only against the phrases that share that word with it.
        self._by_word: dict[str, list[frozenset[str]]] = {}
        for need in needs:
            if need:
                self._by_word.setdefault(max(sorted(need), key=len), []).append(need)
        self._keys = frozenset(self._by_word)

    def _may_match(self, text: str, words: frozenset[str] | None) -> bool:
        if self._unfiltered:
            return True
        if words is None:
            words = word_set(text)
        by_word = self._by_word
        # Only the line's words that file some phrase matter; the set intersection finds
        # them in C, walking the smaller set (the line's, mostly) instead of every word.
        for word in self._keys.intersection(words):
            for need in by_word[word]:
                if need <= words:
                    return True
        return False

    def search(
        self, text: str, words: frozenset[str] | None = None
    ) -> regex.Match[str] | None:
        """The first phrase occurring in ``text``, or ``None``.

        ``words`` may pass ``word_set(text)`` when the caller already has it.
        """
        if self.pattern is None or not self._may_match(text, words):
            return None
        return self.pattern.search(text)

    def match(
        self, text: str, words: frozenset[str] | None = None
    ) -> regex.Match[str] | None:
        """A phrase matching at the start of ``text``, or ``None``.

        For whole-line tables the phrase must cover the whole line.
        """
        if self.pattern is None or not self._may_match(text, words):
            return None
        return self.pattern.match(text)
