"""The tables and thresholds that drive newsdump's heuristics.

Everything publisher- or language-specific lives here as data. :class:`Rules` is
immutable; :meth:`Rules.extend` returns a copy with more entries, so users add their
own phrases, agencies or publishers without forking::

    rules = newsdump.Rules().extend(boilerplate_phrases=["Get our free app"])
    newsdump.parse(text, rules=rules)

Phrase tables accept *slots*: ``<publisher>`` matches a publication's name (and
captures it), ``<name>`` a person's name, ``<any>`` any short run of text. Matching
ignores case and collapses white space.

Every value is checked where rules are made (``Rules(...)``, :meth:`Rules.extend`,
:meth:`Rules.from_mapping`): a wrong type or an out-of-range value raises
:class:`RulesError` with a one-line message naming the key, the value and what is
allowed, so a bad rules file fails at once instead of on some inputs.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

import attrs

from newsdump import _tables

__all__ = ["Rules", "RulesError"]


class RulesError(ValueError):
    """A rules value of the wrong type or out of range, or an unknown rules key.

    The message is one line: the key, the value and what is allowed, such as
    ``max_boilerplate_words: 'x' is not a whole number; allowed: a whole number from 0 up``.
    """

    __module__ = "newsdump"


_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_TABLE = "a list of non-empty strings"
#: What a value of each annotated type may be, in the words of a rules file.
_ALLOWED = {
    "bool": "true or false",
    "bool | None": "true, false or null (None)",
    "int": "a whole number from 0 up",
    "tuple[str, ...]": _TABLE,
}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:56]}...{text[-1]}"


def _fail(name: str, value: Any, problem: str, allowed: str) -> NoReturn:
    raise RulesError(f"{name}: {_show(value)} {problem}; allowed: {allowed}")


def _tuple(values: Any) -> Any:
    """Converter of tables: a list (any iterable but a string or mapping) to a tuple.

    Anything else is passed on unchanged for the validator to reject by name.
    """
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        return values
    return tuple(values)


def _check_table(name: str, value: Any) -> None:
    if isinstance(value, str):
        example = json.dumps([value], ensure_ascii=False)
        _fail(name, value, "is a single string, not a list", f"{_TABLE}, such as {example}")
    if not isinstance(value, tuple):
        _fail(name, value, "is not a list of strings", _TABLE)
    for i, entry in enumerate(value, 1):
        if not isinstance(entry, str):
            _fail(name, entry, f"(entry {i}) is not a string", _TABLE)
        if not entry.strip():
            _fail(name, entry, f"(entry {i}) is empty", _TABLE)


def _table(_self: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not attribute.default:  # the defaults are valid (tested), and Rules() hot
        _check_table(attribute.name, value)


def _count(minimum: int) -> _Validator:
    """A validator of whole numbers of at least ``minimum`` (bools are not numbers)."""
    allowed = f"a whole number from {minimum} up"

    def check(_self: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(attribute.name, value, "is not a whole number", allowed)
        if value < minimum:
            _fail(attribute.name, value, f"is less than {minimum}", allowed)

    return check


def _boolean(_self: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        _fail(attribute.name, value, "is not true or false", _ALLOWED["bool"])


def _one_line(validator: _Validator, allowed: str) -> _Validator:
    """Wrap a field's own validator so that whatever it raises becomes a RulesError."""

    def check(self: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            validator(self, attribute, value)
        except RulesError:
            raise
        except (TypeError, ValueError):
            _fail(attribute.name, value, "is not allowed", allowed)

    return check


def _validated(
    cls: type, fields: list[attrs.Attribute[Any]]
) -> list[attrs.Attribute[Any]]:
    """Give every field a validator that raises :class:`RulesError`.

    A field without its own validator gets one from its annotation (tables, whole
    numbers from 0 up, bools); a field's own validator is wrapped so that its
    error, too, is one line naming the key. A field of any other type needs a
    validator of its own (``tests/test_rules.py`` fails for a field without one).
    """
    out: list[attrs.Attribute[Any]] = []
    for field in fields:
        kind = str(field.type)
        allowed = _ALLOWED.get(kind, kind)
        if field.validator is not None:
            out.append(field.evolve(validator=_one_line(field.validator, allowed)))
        elif kind == "tuple[str, ...]":
            out.append(field.evolve(validator=_table, converter=field.converter or _tuple))
        elif kind == "int":
            out.append(field.evolve(validator=_count(0)))
        elif kind == "bool":
            out.append(field.evolve(validator=_boolean))
        else:
            out.append(field)
    return out


@attrs.frozen(slots=True, cache_hash=True, field_transformer=_validated)
class Rules:
    """Tables of phrases, agencies, credit formats and thresholds, with defaults.

    Every table is a tuple of non-empty strings (a list is converted; a bare string is
    an error, not a table of its characters). Defaults come from ``newsdump._tables``;
    see the documentation of each field for what it matches. Counts are whole numbers
    from 0 up (``context_lines`` from 1); ``dayfirst`` is true, false or ``None``; any
    other value raises :class:`RulesError`.
    """

    boilerplate_lines: tuple[str, ...] = attrs.field(
        default=_tables.BOILERPLATE_LINES, converter=_tuple
    )
    """Whole-line boilerplate: a line that *is* one of these phrases (``Advertisement``)."""

    boilerplate_phrases: tuple[str, ...] = attrs.field(
        default=_tables.BOILERPLATE_PHRASES, converter=_tuple
    )
    """Phrases that mark a short line as boilerplate wherever they occur in it
    (newsletter, subscription and donation appeals, share prompts, copyright). An entry
    you add marks any line of at most ``max_boilerplate_words`` words holding it; a
    default entry also needs the line to address the reader, open with a verb, hold a
    link or have at most 8 words (prose uses many of them: "the newsletter")."""

    closing_phrases: tuple[str, ...] = attrs.field(
        default=_tables.CLOSING_PHRASES, converter=_tuple
    )
    """Boilerplate that closes an article (``Read the original article on <publisher>``):
    the next content line starts a new article. An entry you add applies to lines of at
    most ``max_boilerplate_words`` words, a default entry to lines of at most 20."""

    related_markers: tuple[str, ...] = attrs.field(
        default=_tables.RELATED_MARKERS, converter=_tuple
    )
    """Headers of related-link lists and widgets (``Most Read``, ``Read next``); the
    lines after one are teasers, not the article."""

    appeal_openers: tuple[str, ...] = attrs.field(
        default=_tables.APPEAL_OPENERS, converter=_tuple
    )
    """Lines that open a multi-paragraph appeal (``Since you're here …``): the appeal
    runs to the end of the article."""

    agencies: tuple[str, ...] = attrs.field(default=_tables.AGENCIES, converter=_tuple)
    """News agencies and broadcasters as printed in datelines, bylines and credits;
    an agency is reported as such, never as an author."""

    publishers: tuple[str, ...] = attrs.field(default=_tables.PUBLISHERS, converter=_tuple)
    """Publication names recognised in bylines, captions and boilerplate."""

    photo_credit_markers: tuple[str, ...] = attrs.field(
        default=_tables.PHOTO_CREDIT_MARKERS, converter=_tuple
    )
    """Words that introduce or mark a photo credit (``Photograph:``, ``Getty Images``)."""

    caption_openers: tuple[str, ...] = attrs.field(
        default=_tables.CAPTION_OPENERS, converter=_tuple
    )
    """Prefixes that open a caption (``FILE PHOTO:``, ``Pictured:``)."""

    job_titles: tuple[str, ...] = attrs.field(default=_tables.JOB_TITLES, converter=_tuple)
    """Newsroom job titles that may follow a name in a byline (``Diplomatic editor``)."""

    credit_roles: tuple[str, ...] = attrs.field(default=_tables.CREDIT_ROLES, converter=_tuple)
    """Verbs of end credits (``Reporting by``, ``Editing by``, ``Writing by``)."""

    not_names: tuple[str, ...] = attrs.field(default=_tables.NOT_NAMES, converter=_tuple)
    """Words that never belong to a person's name in a byline (``Staff``, ``Email``)."""

    byline_cues: tuple[str, ...] = attrs.field(default=_tables.BYLINE_CUES, converter=_tuple)
    """How a byline opens besides ``By``: phrases ending in ``by`` printed before the
    names (``Staff report by``) and labels ending in a colon (``Author:``)."""

    byline_affiliations: tuple[str, ...] = attrs.field(
        default=_tables.BYLINE_AFFILIATIONS, converter=_tuple
    )
    """Phrases joining a byline's name to its outlet (``special to``): ``Ana Ruiz,
    Special to the Ledger`` credits Ana Ruiz, writing for the Ledger."""

    max_title_words: int = 30
    """The longest headline, in words."""

    max_byline_words: int = 12
    """The longest byline, in words."""

    max_boilerplate_words: int = 40
    """Phrase tables (and the other line-local cues: links, copyright lines, markup)
    mark a line as boilerplate only when it has at most this many words."""

    min_repeat_chars: int = 40
    """Lines of at least this many characters that recur verbatim are injected text."""

    repeat_window: int = 40
    """Running text that recurs verbatim within this many lines is injected text
    (tooltips, glossary entries); farther apart, a recurrence is left alone."""

    context_lines: int = attrs.field(default=400, validator=_count(1))
    """How far (in lines) any decision looks; it bounds memory when streaming."""

    date_labels: tuple[str, ...] = attrs.field(default=_tables.DATE_LABELS, converter=_tuple)
    """Labels printed before or after a standalone date (``Published:``, ``Last updated``);
    a line that is only labels and dates is a date line."""

    dayfirst: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )
    """How to read a numeric date whose first two parts could both be the month
    (``3.9.2017``, ``03/04/2021``): ``True`` day first, ``False`` month first, ``None``
    (default) not at all, so the date keeps its text and has no value. A part over 12
    decides the order whatever this says."""

    bio_roles: tuple[str, ...] = attrs.field(default=_tables.BIO_ROLES, converter=_tuple)
    """Roles that make ``<Name> is a/the …`` an author bio (``MP``, ``fellow``,
    ``reporter``) rather than a body sentence about a person."""

    publication_words: tuple[str, ...] = attrs.field(
        default=_tables.PUBLICATION_WORDS, converter=_tuple
    )
    """Words that make a capitalised phrase a publication's name, not a person's
    (``Times``, ``Herald``, ``Today``): ``Written by Miami Today`` credits no author."""

    dateline_labels: tuple[str, ...] = attrs.field(
        default=_tables.DATELINE_LABELS, converter=_tuple
    )
    """Upper-case labels that open a paragraph like a dateline but name no place
    (``UPDATE:``, ``EXCLUSIVE —``)."""

    def extend(self, **tables: Iterable[str]) -> Rules:
        """Return a copy with ``tables`` appended to the named tables.

        Raises :class:`RulesError` (a :class:`ValueError`) for a name that is not a
        table and for entries that are not non-empty strings (a bare string included).
        """
        changes: dict[str, Any] = {}
        for name, values in tables.items():
            if name not in _table_names():
                msg = f"Rules has no table named {name!r}"
                if name in _field_names():
                    msg += f"; {name} is a setting: set it with attrs.evolve or [replace]"
                else:
                    msg += _suggestion(name, _table_names())
                raise RulesError(msg)
            added = _tuple(values)
            _check_table(name, added)
            changes[name] = getattr(self, name) + added
        return attrs.evolve(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, base: Rules | None = None) -> Rules:
        """Build rules from a mapping such as a parsed TOML or JSON file.

        ``data`` may hold ``extend`` (tables whose entries are appended to ``base``'s),
        ``replace`` (tables or thresholds that replace ``base``'s) and thresholds at the
        top level. A table at the top level is an error (it would silently drop the
        defaults): put it under ``extend`` or ``replace``. ``replace`` applies before
        ``extend``, so one file can do both to a table. Unknown keys and bad values
        raise :class:`RulesError`, so a typo never passes silently.
        """
        if not isinstance(data, Mapping):
            _fail("rules", data, "is not a table", "a table (TOML) or object (JSON) of keys")
        rules = base if base is not None else cls()
        fields, tables = _field_names(), _table_names()
        extend = _section(data, "extend")
        replace = _section(data, "replace")
        unknown = [k for k in data if k not in fields and k not in ("extend", "replace")]
        unknown += [k for k in (*extend, *replace) if k not in fields]
        if unknown:
            msg = f"unknown rules keys: {', '.join(sorted(set(map(str, unknown))))}"
            raise RulesError(msg + _suggestion(str(unknown[0]), fields))
        for key in extend:
            if key not in tables:
                msg = (
                    f"extend: {key} is a setting, not a table; "
                    "set it at the top level or under [replace]"
                )
                raise RulesError(msg)
        for key, value in data.items():
            if key in ("extend", "replace"):
                continue
            if key in tables:
                msg = (
                    f"{key}: a table at the top level would replace all its defaults; "
                    f"put it under [extend] to add entries or under [replace] to replace them"
                )
                raise RulesError(msg)
            if key in replace:
                msg = f"{key}: given both at the top level and under [replace]; give it once"
                raise RulesError(msg)
            replace[key] = value
        return attrs.evolve(rules, **replace).extend(**extend)


def _section(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    section = data.get(name, {})
    if not isinstance(section, Mapping):
        _fail(name, section, "is not a table", f"a table of rules keys ([{name}] in TOML)")
    return dict(section)


def _field_names() -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(Rules))


def _table_names() -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(Rules) if str(f.type) == "tuple[str, ...]")


def _suggestion(name: str, names: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(names), n=1)
    return f" (did you mean {close[0]}?)" if close else ""
