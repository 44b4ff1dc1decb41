"""Parse end credits and author bios.

Three kinds: ``reporting`` (``(Reporting by A in Paris; Editing by B)``),
``contributor`` (``A and B contributed to this report``, ``— A``, ``—With assistance
from A``) and ``bio`` (``A B is the … MP for …``, ``A B writes about …``). A bio needs a
name of two to four capitalised words at the start of the line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from newsdump._model import Credit
from newsdump._phrases import normalize
from newsdump._rules import Rules

__all__ = ["parse_credit"]

_DEFAULT_RULES = Rules()

_FLAGS = regex.VERSION1
_NAME_WORD = r"\p{Lu}[\p{L}'’.-]*+"
_PARTICLE = r"(?:de|da|del|der|van|von|la|le|du|bin|al|el|dos|di)"
_NAME = rf"{_NAME_WORD}(?:\s(?:{_PARTICLE}\s)?{_NAME_WORD}){{1,3}}"
_FULL_NAME = regex.compile(rf"{_NAME}", _FLAGS)
_BIO = regex.compile(
    rf"^(?P<name>{_NAME})\s(?:"
    r"(?P<cop>is|was)\s(?:also\s|currently\s|now\s)?(?:a|an|the)\s"
    r"|(?:writes|reports|has\swritten|has\sreported|has\scovered)\s(?:about|on|for)\s"
    r"|covers\s)",
    _FLAGS,
)
_CONTRIBUTED = regex.compile(
    r"^(?P<who>.{1,300}?)\s(?:also\s)?contributed\s?(?:to\s(?:this|the)\s(?:report|story|article)"
    r"|(?:additional\s)?reporting(?:\sfor\sthis\s(?:report|story))?|to\sthis\sstory)?[.!]?$",
    _FLAGS,
)
_SIGNOFF = regex.compile(
    r"^(?:[—–]|--?)\s?(?:(?:With|with)\s(?:additional\s)?(?:assistance|reporting)\sfrom\s)?"
    r"(?P<who>[^—–]{1,200}?)\.?$",
    _FLAGS,
)
# Leading white space is taken only from where its run starts (``(?<!\s)``), so ``split``
# stays linear on long runs of spaces (each start inside a run re-scanned the rest of it).
_CHUNKS = regex.compile(r"(?:(?<!\s)\s++)?(?:,\s*+(?:and\s++)?|\band\s++|&\s*+)", _FLAGS)
_PLACE_WORDS = r"\p{Lu}[\p{L}.'’-]*+(?:\s\p{Lu}[\p{L}.'’-]*+){0,4}+"
_PLACE_PHRASE = regex.compile(rf"\s(?:in|from|at)\s{_PLACE_WORDS}(?:,\s{_PLACE_WORDS})?", _FLAGS)
_PLACE = regex.compile(r"\s(?:in|from|at|of)\s\p{Lu}.*+$", _FLAGS)
_STOP = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "It",
        "He",
        "She",
        "We",
        "They",
        "I",
        "You",
        "Our",
        "His",
        "Her",
        "Their",
        "Its",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "Many",
        "Some",
        "Most",
        "All",
        "Both",
        "Each",
        "Every",
        "No",
        "One",
        "Two",
        "Three",
        "There",
        "Here",
        "What",
        "Who",
        "Why",
        "How",
    ]
)
_NON_WORD = regex.compile(r"[^\p{L}\p{N}-]++", _FLAGS)
# First characters that _SIGNOFF ("— Name") and _BIO (a name, \p{Lu}) need.
_DASH_STARTS = frozenset("—–-")
_UPPER = regex.compile(r"\p{Lu}", _FLAGS)


@functools.lru_cache(maxsize=4096)
def _capital(first: str) -> bool:
    return _UPPER.match(first) is not None
_MAX_CREDIT_CHARS = 600


def parse_credit(text: str, *, rules: Rules | None = None) -> Credit | None:
    """Parse an end credit or author bio, or return ``None`` when ``text`` is not one.

    ``reporters`` gets the names after reporting and writing verbs of
    ``rules.credit_roles`` (places such as ``in Paris`` dropped), ``editors`` those after
    editing verbs, ``contributors`` the people of contributor lines, sign-offs and bios;
    an agency or publication never counts as a person.
    """
    rules = rules or _DEFAULT_RULES
    line = normalize(text)
    if not line or len(line) > _MAX_CREDIT_CHARS:
        return None
    for parser in (_reporting, _contributed, _signoff, _bio):
        credit = parser(line, rules)
        if credit is not None:
            return credit
    return None


@functools.lru_cache(maxsize=16)
def _role_words(roles: tuple[str, ...]) -> frozenset[str]:
    """The last word of each credit verb: a line holding none of them is no credit."""
    return frozenset(r.split()[-1].casefold() for r in roles if r.strip())


@functools.lru_cache(maxsize=16)
def _roles_pattern(roles: tuple[str, ...]) -> regex.Pattern[str]:
    words = [r"\s".join(regex.escape(w) for w in r.split()) for r in roles if r.strip()]
    body = "|".join(sorted(words, key=len, reverse=True)) or "(?!)"
    return regex.compile(
        rf"(?:^|[;,.(]\s?|\s)(?P<role>{body})(?:\s?:)?\s", _FLAGS | regex.IGNORECASE
    )


def _reporting(line: str, rules: Rules) -> Credit | None:
    low = line.casefold()
    if not any(word in low for word in _role_words(rules.credit_roles)):
        return None
    inner = line.strip(" ()[]")
    roles = _roles_pattern(rules.credit_roles)
    # A credit opens with its role: lines that do not ("… written by …") are not scanned.
    if roles.match(inner) is None:
        return None
    matches = list(roles.finditer(inner))
    reporters: list[str] = []
    editors: list[str] = []
    contributors: list[str] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(inner)
        names = _names(inner[match.end() : end], rules)
        role = match.group("role").lower()
        if role.startswith("edit"):
            editors.extend(names)
        elif role.startswith(("report", "additional", "writ", "compiled")):
            reporters.extend(names)
        else:
            # "Contributing by", "Research by", "Translated by" and any role a user adds.
            contributors.extend(names)
    if not (reporters or editors or contributors):
        return None
    kind = "contributor" if contributors and not (reporters or editors) else "reporting"
    return Credit(
        text=line,
        kind=kind,
        reporters=tuple(reporters),
        editors=tuple(editors),
        contributors=tuple(contributors),
    )


def _contributed(line: str, rules: Rules) -> Credit | None:
    match = _CONTRIBUTED.match(line) if "contributed" in line else None
    if match is None:
        return None
    who = _PLACE_PHRASE.sub("", _strip_job(match.group("who"), rules.job_titles))
    chunks = [c for c in _CHUNKS.split(who) if c]
    if not chunks or not all(_is_name(c, rules) or _is_outlet(c, rules) for c in chunks):
        return None
    return Credit(text=line, kind="contributor", contributors=_names(who, rules))


def _signoff(line: str, rules: Rules) -> Credit | None:
    match = _SIGNOFF.match(line) if line[:1] in _DASH_STARTS else None
    if match is None:
        return None
    chunks = [c for c in _CHUNKS.split(match.group("who")) if c]
    if not chunks or not all(_is_name(c, rules) for c in chunks):
        return None
    return Credit(text=line, kind="contributor", contributors=_names(match.group("who"), rules))


def _bio(line: str, rules: Rules) -> Credit | None:
    match = _BIO.match(line) if _capital(line[:1]) else None
    if match is None:
        return None
    name = match.group("name")
    if not _is_name(name, rules):
        return None
    if match.group("cop") and not _mentions(line[match.end() :], rules.bio_roles):
        return None
    return Credit(text=line, kind="bio", contributors=(name,))


def _names(text: str, rules: Rules) -> tuple[str, ...]:
    """Split a list of people, dropping places, outlets and anything that is no name."""
    out: list[str] = []
    for chunk in _CHUNKS.split(text.strip(" .;:()")):
        name = _PLACE.sub("", chunk.strip(" .;:()"))
        if name and _is_name(name, rules) and not _is_outlet(name, rules):
            out.append(name)
    return tuple(out)


def _is_name(text: str, rules: Rules) -> bool:
    text = _PLACE.sub("", text.strip(" .;:"))
    if not _FULL_NAME.fullmatch(text):
        return False
    words = text.split()
    blocked = _STOP.union(rules.not_names)
    return words[0] not in blocked and not any(w in rules.not_names for w in words)


def _is_outlet(text: str, rules: Rules) -> bool:
    text = _PLACE.sub("", text.strip(" .;:"))
    known = {o.lower() for o in (*rules.agencies, *rules.publishers)}
    bare = regex.sub(r"^the\s", "", text.lower())
    return text.lower() in known or bare in known or f"the {bare}" in known


def _strip_job(who: str, job_titles: Iterable[str]) -> str:
    """Drop a leading ``Times staff writer`` style description before the names."""
    titles = "|".join(regex.escape(t) for t in sorted(job_titles, key=len, reverse=True))
    match = regex.match(
        rf"^.{{0,80}}?\b(?:{titles})s?\s(?=\p{{Lu}})", who, _FLAGS | regex.IGNORECASE
    )
    return who[match.end() :] if match else who


def _mentions(text: str, words: Iterable[str]) -> bool:
    padded = " " + _NON_WORD.sub(" ", text).lower() + " "
    return any(f" {w.lower()} " in padded for w in words)
