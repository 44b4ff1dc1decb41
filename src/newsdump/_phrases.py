"""Compile phrase tables (with ``<slots>``) into linear-time regular expressions."""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["SLOTS", "compile_phrases", "normalize"]

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


def normalize(text: str) -> str:
    """Strip, drop invisible characters and collapse white space to single spaces."""
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
