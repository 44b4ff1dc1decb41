"""No catastrophic backtracking: parse and every parser stay linear on the worst inputs.

Times are never compared with a fixed number of seconds: each is compared with a plain
regex scan of the same input in the same run (``_SCAN``: one pass tokenising words,
white space and symbols), so a slow or busy machine slows both. Ratios measured when
these tests were written are in ``docs/robustness.md``; the bounds here are 10 times
those or more, while a regression to quadratic time overshoots them by orders of
magnitude at these sizes.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable

import pytest
import regex

import newsdump
from newsdump import parse_byline, parse_caption, parse_credit, parse_date, parse_dateline
from newsdump._byline import _SEPARATOR
from newsdump._credits import _CHUNKS

_SCAN = regex.compile(r"\w++|\s++|[^\w\s]")

# Repeated units that drove patterns into backtracking, or nearly: cue words, the
# punctuation the parsers split on, runs of one symbol, URL- and name-like runs.
UNITS = [
    "By ", "(", "—", " ", "a-", "A. ", "Jo Do, ", "1 ", "Jan 1, ", "<a ", "Photo: ",
    "Reporting by A; ", "and ", "@a ", "(AP) — ", "LONDON, ",
]

PARSERS: dict[str, Callable[[str], object]] = {
    "parse": newsdump.parse,
    "parse_byline": parse_byline,
    "parse_caption": parse_caption,
    "parse_credit": parse_credit,
    "parse_date": parse_date,
    "parse_dateline": parse_dateline,
}

SIZE = 100_000
MAX_RATIO = 60.0
"""parse / scan; the worst measured was about 7 (100,000 × ``Photo: ``)."""


def _best(func: Callable[[str], object], text: str, runs: int = 2) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return min(times)


def _scan(text: str) -> int:
    return len(_SCAN.findall(text))


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("name", list(PARSERS))
def test_parser_time_is_a_small_multiple_of_a_scan(name: str, unit: str) -> None:
    """Each parser on a 100,000-character line of one repeated unit.

    It takes under 60 times as long as one regex scan of the line, and as a line in a
    short article, under 60 times a scan of the article.
    """
    func = PARSERS[name]
    line = _repeat(unit, SIZE)
    baseline = max(_best(_scan, line), 1e-3)
    elapsed = _best(func, line, runs=1)
    assert elapsed < MAX_RATIO * baseline, (elapsed, baseline)
    if name == "parse":
        text = f"Storm hits coast\nBy Jane Doe\n{line}\nA storm hit the coast on Monday.\n"
        baseline = max(_best(_scan, text), 1e-3)
        elapsed = _best(func, text, runs=1)
        assert elapsed < MAX_RATIO * baseline, (elapsed, baseline)


@pytest.mark.parametrize("unit", ["By ", "(", "—", "a-", "Jo Do, ", " x"])
def test_parse_scales_linearly(unit: str) -> None:
    """Parse time on 4N copies of a pathological line is under 8 times that on N.

    Linear time gives 4; quadratic gives 16. Checked for one long line (N = 50,000
    characters) and for many lines (N = 400 lines of 250 characters).
    """
    small, large = _repeat(unit, 50_000), _repeat(unit, 200_000)
    ratio = _best(newsdump.parse, large) / max(_best(newsdump.parse, small, 3), 1e-3)
    assert ratio < 8, ratio
    line = _repeat(unit, 250) + "\n"
    ratio = _best(newsdump.parse, line * 1600) / max(_best(newsdump.parse, line * 400, 3), 1e-3)
    assert ratio < 8, ratio


def test_url_like_lines_cost_no_more_than_word_lines() -> None:
    """Lines of ``a-a-a-…`` parse within 4 times as long as lines of ``abab…``.

    Both are 2,000-character lines of letters in runs; only the hyphens differ.
    """
    hyphens = ("a-" * 1000 + "\n") * 60
    letters = ("ab" * 1000 + "\n") * 60
    assert _best(newsdump.parse, hyphens, 1) < 4 * _best(newsdump.parse, letters)


@pytest.mark.parametrize("pattern", [_SEPARATOR, _CHUNKS], ids=["byline", "credits"])
def test_separator_split_is_linear_on_space_runs(pattern: regex.Pattern[str]) -> None:
    """The byline separator and credit chunk patterns split long space runs in linear time.

    They started matching at every space of a run and re-scanned the rest of it: 200,000
    spaces took 157 s (byline) and 85 s (credits). Their callers normalise white space
    first, so parse never fed them such runs; the patterns are safe on their own now.
    """
    spaces = " " * 200_000 + "x"
    assert _best(pattern.split, spaces) < 200 * max(_best(_scan, "x " * 100_000), 1e-3)


# Module-level patterns that are only ever used anchored (match/fullmatch), where a
# search over a long run would restart at every character by design.
_ANCHORED_ONLY = {"newsdump._credits._FULL_NAME"}
_KNOWN_QUADRATIC: set[str] = set()


def _module_patterns() -> dict[str, regex.Pattern[str]]:
    found: dict[str, regex.Pattern[str]] = {}
    for info in pkgutil.iter_modules(newsdump.__path__):
        module = importlib.import_module(f"newsdump.{info.name}")
        for key, value in vars(module).items():
            if isinstance(value, regex.Pattern) and isinstance(value.pattern, str):
                found[f"{module.__name__}.{key}"] = value
    return found


def test_every_module_pattern_scales_linearly() -> None:
    """Every compiled pattern in ``newsdump`` searches and splits hostile runs linearly.

    For each pattern and repeated unit, 4 times the input must take under 10 times as
    long (linear: 4, quadratic: 16), whenever the smaller input takes a measurable time.
    """
    units = ["By ", "(", "—", " ", "a-", "A. ", "AA", "Jo Do, ", "1 ", "<a ", ", ", "-a"]
    slow: list[str] = []
    patterns = _module_patterns()
    assert len(patterns) > 40
    for name, pattern in patterns.items():
        methods = ["match"] if name in _ANCHORED_ONLY | _KNOWN_QUADRATIC else ["search", "split"]
        for unit in units:
            for method in methods:
                func = getattr(pattern, method)
                small = _best(func, _repeat(unit, 4_000), 1)
                if small < 2e-3:
                    continue
                ratio = _best(func, _repeat(unit, 16_000), 1) / small
                if ratio > 10:  # measure again before blaming the pattern for a hiccup
                    small = _best(func, _repeat(unit, 4_000), 3)
                    ratio = _best(func, _repeat(unit, 16_000), 3) / small
                if ratio > 10:
                    slow.append(f"{name}.{method}({unit!r} * n): x{ratio:.0f}")
    assert not slow, slow
