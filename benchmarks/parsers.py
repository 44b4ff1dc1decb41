"""Score the metadata parsers on case files: bylines, dates and datelines, beside peers.

``python -m benchmarks.parsers [--cases DIR] [--show TOOL]`` reads the JSON Lines case
files in ``benchmarks/cases/`` (``{"input": ..., "expected": ...}`` a line) and prints a
table per file, a row per tool. A file that does not exist is skipped with a note, and so
is a peer that is not installed (the ``bench`` dependency group installs them).

* ``bylines.jsonl``: ``expected`` is the list of author names. newsdump's
  :func:`~newsdump.parse_byline` beside trafilatura's ``normalize_authors``. Authors are
  compared case-insensitively with white space squashed; ``invented`` counts predicted
  authors that are not expected, ``exact`` the share of lines whose author list is right.
* ``dates.jsonl``: ``expected`` is an ISO 8601 string at the printed precision
  (``2019-03-14``, ``2019-03-14T17:41``, ``2019-03-14T17:41:00-04:00``; ``2021-06`` and
  ``--08-02`` when the year or day is not printed), ``{"relative": text, "at": ISO}`` for
  a relative date (``at`` is its value against :data:`NOW`) or ``null`` (no date). A case
  may carry ``"dayfirst": true/false``, the publisher's numeric date order, given to every
  tool (``Rules.dayfirst``, dateparser's ``DATE_ORDER``, dateutil's ``dayfirst``).
  newsdump's :func:`~newsdump.parse_date`, dateparser, dateutil and dateutil with
  ``fuzzy=True``.
* ``datelines.jsonl``: ``expected`` is ``{"location": ..., "agency": ...}`` or ``null``.
  newsdump's :func:`~newsdump.parse_dateline` only (no peer parses datelines).

How a date answer is judged: every tool runs twice, with :data:`NOW` and with
:data:`OTHER_NOW` as the base a peer fills missing fields from (dateparser's
``RELATIVE_BASE``, dateutil's ``default``, newsdump's ``now``). A value that changes with
the base on an absolute date was filled from it: ``invented``, as is any value for a
``null`` case or for a date printed without its year or day (there, keeping the date as
text with no value, as newsdump does, is the right answer). Values are compared at the
expected precision; an expected offset is checked only against an aware value. ``wrong``
counts values that are stable but differ from the expected one. Precision is right
answers over answers given, recall right answers over cases with a date, accuracy right
answers (a refusal is right for ``null``) over all cases.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import regex

from newsdump import Rules, parse_byline, parse_date, parse_dateline

CASES = Path(__file__).parent / "cases"
"""Where the case files live."""

NOW = datetime(2024, 3, 1, 12, 0)
"""The base relative dates in ``dates.jsonl`` are resolved against (``at``)."""

OTHER_NOW = datetime(2011, 10, 17, 3, 33, 21)
"""A second base, every field different: a value that follows it was filled from it."""

_SPACES = regex.compile(r"\s+")
_ISO = regex.compile(
    r"(?:(?P<y>\d{4})|-)-(?P<mo>\d\d)(?:-(?P<d>\d\d))?"
    r"(?:T(?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d))?(?P<off>Z|[+-]\d\d:\d\d)?)?"
)


def load(path: Path) -> list[dict[str, Any]]:
    """The cases of a JSON Lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _squash(text: str | None) -> str | None:
    return None if text is None else _SPACES.sub(" ", text).strip().casefold()


@dataclass
class Tally:
    """Counts for one tool on one case file."""

    cases: int = 0
    positives: int = 0
    right: int = 0
    right_negatives: int = 0
    answered: int = 0
    wrong: int = 0
    invented: int = 0
    exact: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Right answers over answers given."""
        return self.right / self.answered if self.answered else None

    @property
    def recall(self) -> float | None:
        """Right answers over cases that have an answer."""
        return self.right / self.positives if self.positives else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None

    @property
    def accuracy(self) -> float | None:
        """Right answers, refusals of ``null`` cases included, over all cases."""
        return (self.right + self.right_negatives) / self.cases if self.cases else None


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(rows: Sequence[tuple[str, Tally]], *, authors: bool = False) -> str:
    """A table, a row per tool; bylines count authors, the others cases."""
    if authors:
        head = f"{'tool':<18} {'lines':>5} {'exact':>6} {'P':>6} {'R':>6} {'F1':>6}"
        head += f" {'invented':>8} {'sec':>6}"
    else:
        head = f"{'tool':<18} {'cases':>5} {'acc':>6} {'P':>6} {'R':>6} {'F1':>6}"
        head += f" {'wrong':>6} {'invented':>8} {'sec':>6}"
    lines = [head]
    for name, t in rows:
        if authors:
            first = _cell(t.exact / t.cases if t.cases else None)
            cells = [first, _cell(t.precision), _cell(t.recall), _cell(t.f1)]
            tail = f"{t.invented:>8}"
        else:
            cells = [_cell(t.accuracy), _cell(t.precision), _cell(t.recall), _cell(t.f1)]
            tail = f"{t.wrong:>6} {t.invented:>8}"
        body = " ".join(c.rjust(6) for c in cells)
        lines.append(f"{name:<18} {t.cases:>5} {body} {tail} {t.seconds:>6.2f}")
    return "\n".join(lines)


# --- bylines ---------------------------------------------------------------------------


def _newsdump_authors(line: str) -> list[str]:
    byline = parse_byline(line)
    return list(byline.authors) if byline else []


def _trafilatura_authors(line: str) -> list[str]:
    from trafilatura.metadata import (  # type: ignore[attr-defined]  # noqa: PLC0415
        normalize_authors,
    )

    found = normalize_authors(None, line)
    return [name.strip() for name in found.split(";") if name.strip()] if found else []


BYLINE_TOOLS: dict[str, tuple[Callable[[str], list[str]], str | None]] = {
    "newsdump": (_newsdump_authors, None),
    "trafilatura": (_trafilatura_authors, "trafilatura"),
}
"""Byline tools: how each reads a line's authors, and the module it needs."""


def score_bylines(cases: Sequence[dict[str, Any]], read: Callable[[str], list[str]]) -> Tally:
    """Author precision, recall and F1 over all lines; exact lists; invented authors."""
    tally = Tally()
    for case in cases:
        expected = [_squash(name) for name in case["expected"]]
        started = time.perf_counter()
        found = [_squash(name) for name in read(case["input"])]
        tally.seconds += time.perf_counter() - started
        tally.cases += 1
        tally.positives += len(expected)
        tally.answered += len(found)
        hits = sum(1 for name in found if name in expected)
        tally.right += hits
        tally.invented += len(found) - hits
        if sorted(map(str, found)) == sorted(map(str, expected)):
            tally.exact += 1
        else:
            tally.misses.append(f"{case['input']!r}: {found} != {expected}")
    return tally


# --- dates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What a date tool made of a line: a value, or a date kept as text (``value=None``)."""

    value: datetime | date | None
    relative: bool = False


DateTool = Callable[[str, datetime, "bool | None"], "Answer | None"]


def _newsdump_date(text: str, base: datetime, dayfirst: bool | None) -> Answer | None:
    parsed = parse_date(text, now=base, rules=Rules(dayfirst=dayfirst))
    return None if parsed is None else Answer(parsed.value, parsed.relative)


def _dateparser_date(text: str, base: datetime, dayfirst: bool | None) -> Answer | None:
    import dateparser  # type: ignore[import-untyped]  # noqa: PLC0415

    settings: dict[str, Any] = {"RELATIVE_BASE": base}
    if dayfirst is not None:
        settings["DATE_ORDER"] = "DMY" if dayfirst else "MDY"
    value = dateparser.parse(text, languages=["en"], settings=settings)
    return None if value is None else Answer(value)


def _dateutil(fuzzy: bool) -> DateTool:
    def read(text: str, base: datetime, dayfirst: bool | None) -> Answer | None:
        from dateutil import parser  # noqa: PLC0415

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                value = parser.parse(text, default=base, dayfirst=bool(dayfirst), fuzzy=fuzzy)
            except (ValueError, OverflowError, TypeError):
                return None
        return Answer(value)

    return read


DATE_TOOLS: dict[str, tuple[DateTool, str | None]] = {
    "newsdump": (_newsdump_date, None),
    "dateparser": (_dateparser_date, "dateparser"),
    "dateutil": (_dateutil(fuzzy=False), "dateutil"),
    "dateutil fuzzy": (_dateutil(fuzzy=True), "dateutil"),
}
"""Date tools: how each reads a line against a base, and the module it needs."""


def _iso(expected: str) -> regex.Match[str]:
    iso = _ISO.fullmatch(expected)
    if iso is None:
        msg = f"not an ISO 8601 date at a printed precision: {expected!r}"
        raise ValueError(msg)
    return iso


def _fields(value: datetime | date, iso: regex.Match[str]) -> tuple[object, ...]:
    """The fields of ``value`` that ``iso`` prints, in the same order as :func:`_wanted`."""
    day = value.date() if isinstance(value, datetime) else value
    out: list[object] = [day.year if iso["y"] else None, day.month, day.day if iso["d"] else None]
    if iso["h"]:
        if not isinstance(value, datetime):
            return (*out, "no time")
        out += [value.hour, value.minute, value.second if iso["s"] else None]
        offset = value.utcoffset()
        out.append(offset if iso["off"] and offset is not None else None)
    return tuple(out)


def _wanted(iso: regex.Match[str], value: datetime | date) -> tuple[object, ...]:
    """The printed fields of ``iso``; its offset only when ``value`` is aware."""
    out: list[object] = [int(iso["y"]) if iso["y"] else None, int(iso["mo"])]
    out.append(int(iso["d"]) if iso["d"] else None)
    if iso["h"]:
        out += [int(iso["h"]), int(iso["mi"]), int(iso["s"]) if iso["s"] else None]
        aware = isinstance(value, datetime) and value.utcoffset() is not None
        out.append(_offset(iso["off"]) if iso["off"] and aware else None)
    return tuple(out)


def _offset(text: str) -> timedelta:
    if text == "Z":
        return timedelta()
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))


def _matches(value: datetime | date, expected: str) -> bool:
    """Whether ``value`` agrees with ``expected`` on every field ``expected`` prints."""
    iso = _iso(expected)
    return _fields(value, iso) == _wanted(iso, value)


def _judge(expected: Any, first: Answer | None, second: Answer | None) -> str:
    """``right``, ``miss``, ``wrong`` or ``invented`` for one date case."""
    if expected is None:
        return "right" if first is None else "invented"
    if first is None or (first.value is None and not isinstance(expected, str)):
        return "miss"
    if isinstance(expected, dict):
        return (
            "right"
            if first.value is not None and _matches(first.value, expected["at"])
            else "wrong"
        )
    if not expected[:4].isdigit() or len(expected) < len("2000-01-01"):
        return "right" if first.value is None else "invented"
    if first.value is None:
        return "miss"
    iso = _iso(expected)
    other = second.value if second is not None else None
    stable = other is not None and _fields(other, iso) == _fields(first.value, iso)
    if not stable:
        return "invented"
    return "right" if _matches(first.value, expected) else "wrong"


def score_dates(cases: Sequence[dict[str, Any]], read: DateTool) -> Tally:
    """Accuracy, precision, recall, wrong and invented values over ``cases``."""
    tally = Tally()
    for case in cases:
        text, expected = case["input"], case["expected"]
        dayfirst = case.get("dayfirst")
        started = time.perf_counter()
        first = read(text, NOW, dayfirst)
        second = read(text, OTHER_NOW, dayfirst) if first is not None else None
        tally.seconds += time.perf_counter() - started
        verdict = _judge(expected, first, second)
        _count(tally, expected is not None, verdict)
        if verdict != "right":
            shown = None if first is None else first.value
            tally.misses.append(f"{verdict:>8} {text!r}: {shown} (expected {expected})")
    return tally


def _count(tally: Tally, positive: bool, verdict: str) -> None:
    tally.cases += 1
    tally.positives += positive
    if verdict == "right":
        if positive:
            tally.right += 1
            tally.answered += 1
        else:
            tally.right_negatives += 1
    elif verdict in ("wrong", "invented"):
        tally.answered += 1
        if verdict == "wrong":
            tally.wrong += 1
        else:
            tally.invented += 1


# --- datelines -------------------------------------------------------------------------


def score_datelines(cases: Sequence[dict[str, Any]]) -> Tally:
    """Score newsdump's datelines: right location and agency, wrong ones, false datelines."""
    tally = Tally()
    for case in cases:
        text, expected = case["input"], case["expected"]
        started = time.perf_counter()
        found = parse_dateline(text)
        tally.seconds += time.perf_counter() - started
        if expected is None:
            verdict = "right" if found is None else "invented"
        elif found is None:
            verdict = "miss"
        else:
            same = _squash(found.location) == _squash(expected["location"])
            same = same and _squash(found.agency) == _squash(expected.get("agency"))
            verdict = "right" if same else "wrong"
        _count(tally, expected is not None, verdict)
        if verdict != "right":
            shown = found and {"location": found.location, "agency": found.agency}
            tally.misses.append(f"{verdict:>8} {text!r}: {shown} (expected {expected})")
    return tally


# --- the command -----------------------------------------------------------------------


def _available(module: str | None) -> bool:
    return module is None or importlib.util.find_spec(module) is not None


def _report(
    title: str, path: Path, rows: Iterator[tuple[str, Tally]], show: str | None, **kw: bool
) -> None:
    done = list(rows)
    print(f"\n{title} ({path.name}, {done[0][1].cases if done else 0} cases):")
    print(table(done, **kw))
    for name, tally in done:
        if show == name and tally.misses:
            print(f"\n{name} — not right:")
            print("\n".join(f"  {line}" for line in tally.misses))


def main(argv: Sequence[str] | None = None) -> int:
    """Print a table per case file."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.parsers", description=__doc__)
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of case files")
    parser.add_argument("--show", metavar="TOOL", help="list the cases TOOL gets wrong")
    args = parser.parse_args(argv)
    for tools in (BYLINE_TOOLS, DATE_TOOLS):
        for tool, (_, module) in tools.items():
            if not _available(module):
                print(f"note: {tool} skipped ({module} is not installed)")
    bylines, dates, datelines = (
        args.cases / name for name in ("bylines.jsonl", "dates.jsonl", "datelines.jsonl")
    )
    if bylines.exists():
        cases = load(bylines)
        rows = (
            (tool, score_bylines(cases, read))
            for tool, (read, module) in BYLINE_TOOLS.items()
            if _available(module)
        )
        _report("Bylines: authors", bylines, rows, args.show, authors=True)
    else:
        print(f"note: {bylines} does not exist; bylines skipped")
    if dates.exists():
        cases = load(dates)
        rows = (
            (tool, score_dates(cases, read))
            for tool, (read, module) in DATE_TOOLS.items()
            if _available(module)
        )
        _report("Dates", dates, rows, args.show)
    else:
        print(f"note: {dates} does not exist; dates skipped")
    if datelines.exists():
        _report(
            "Datelines",
            datelines,
            iter([("newsdump", score_datelines(load(datelines)))]),
            args.show,
        )
    else:
        print(f"note: {datelines} does not exist; datelines skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
