"""Properties of ``parse`` on arbitrary text and on mutated seeds (issue 6).

Whatever the input, :func:`newsdump.parse` returns (never raises), its lines tile the
input, roles are ``None`` exactly on blank lines, articles lie inside the dump in order
without overlapping, parsing twice gives equal results, and streaming with
``iter_articles`` gives the same articles. Example counts are small so the file runs
in a few seconds; ``NEWSDUMP_PROPERTY_EXAMPLES=2000`` multiplies them (for a long local
run), and the fuzz target in ``fuzz/`` runs the same checks for as long as you like.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdump
from contract import check_dump
from newsdump import Dump

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SEED_LINES = [p.read_text(encoding="utf-8").splitlines(keepends=True) for p in SEEDS]

SCALE = max(1, int(os.environ.get("NEWSDUMP_PROPERTY_EXAMPLES", "100")) // 100)

FAST = settings(
    max_examples=80 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_parse(text: str) -> Dump:
    dump = newsdump.parse(text)
    check_dump(text, dump)
    assert newsdump.parse(text) == dump  # deterministic
    return dump


# --- arbitrary text ------------------------------------------------------------------

# Every code point, lone surrogates included (hypothesis leaves them out by default).
ANY_CHAR = st.characters(exclude_categories=())
# Pieces that steer the parsers: cues, punctuation they split on, every line ending.
TOKENS = st.sampled_from(
    [
        "\n", "\r", "\r\n", "\n\n", " ", "\t", "\u00a0", "\u200b", "\ufeff", "\x00", "\x85",
        "By ", "by ", "and ", ", ", "; ", "|", "(", ")", "—", "–", "-", ":", ".", "'", "’",
        "Reuters", "(AP)", "LONDON", "Jane Doe", "Photo: ", "Getty Images", "©", "2 hours ago",
        "Monday, March 1, 2021", "10:30 a.m. ET", "Reporting by ", "Editing by ",
        "Sign up for our newsletter", "Read more", "https://example.com/a-b", "@handle",
        "<p>", "</a>", "&amp;", "Storm hits coast", "A storm hit the coast on Monday.",
        "\ud800", "\udcff", "暴风雨", "عاصفة", "Шторм",
    ]
)
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    st.lists(st.one_of(TOKENS, st.text(ANY_CHAR, max_size=5)), max_size=120).map("".join),
)


@FAST
@given(TEXT)
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    check_parse(text)


@settings(max_examples=15 * SCALE, deadline=None)
@given(
    st.lists(TOKENS, min_size=1, max_size=6).map("".join),
    st.integers(min_value=1, max_value=3000),
)
def test_parse_on_long_repetitions(unit: str, count: int) -> None:
    """A token sequence repeated thousands of times, on one line or many, parses."""
    check_parse(unit * count)


# --- mutated seeds --------------------------------------------------------------------


def _recase(line: str, how: int) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    body = (str.upper, str.lower, str.title, str.swapcase)[how](body)
    return body + ending


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """Draw a window of a seed and mutate its lines.

    Lines are shuffled, dropped, duplicated, joined, split, re-cased or given other
    endings.
    """
    seed = draw(st.sampled_from(SEED_LINES))
    start = draw(st.integers(min_value=0, max_value=max(0, len(seed) - 1)))
    size = draw(st.integers(min_value=1, max_value=90))
    lines = list(seed[start : start + size])
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        if not lines:
            break
        op = draw(st.sampled_from(["shuffle", "drop", "dup", "join", "split", "case", "end"]))
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if op == "shuffle":
            j = draw(st.integers(min_value=i, max_value=min(len(lines), i + 20)))
            chunk = lines[i:j]
            order = draw(st.permutations(range(len(chunk))))
            lines[i:j] = [chunk[k] for k in order]
        elif op == "drop":
            del lines[i : i + draw(st.integers(min_value=1, max_value=5))]
        elif op == "dup":
            count = draw(st.integers(min_value=1, max_value=4))
            lines[i:i] = [lines[i]] * count
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i].rstrip("\r\n") + " " + lines[i + 1]]
        elif op == "split":
            cut = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i : i + 1] = [lines[i][:cut] + "\n", lines[i][cut:]]
        elif op == "case":
            lines[i] = _recase(lines[i], draw(st.integers(min_value=0, max_value=3)))
        elif op == "end":
            ending = draw(st.sampled_from(["\r\n", "\r", "", "\n\n"]))
            lines[i] = lines[i].rstrip("\r\n") + ending
    return "".join(lines)


@FAST
@given(mutated_seed())
def test_parse_never_raises_on_mutated_seeds(text: str) -> None:
    check_parse(text)


def test_whole_seeds_hold_the_contract() -> None:
    for lines in SEED_LINES:
        check_parse("".join(lines))


@settings(
    max_examples=8 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(mutated_seed(), min_size=4, max_size=10))
def test_iter_articles_agrees_with_parse_on_mutated_seeds(parts: list[str]) -> None:
    """Streaming mutated seeds, joined, yields the articles parse finds in the whole."""
    text = "\n".join(parts)
    expected = newsdump.parse(text).articles
    assert tuple(newsdump.iter_articles(io.StringIO(text))) == expected
    pieces = [text[i : i + 777] for i in range(0, len(text), 777)]
    assert tuple(newsdump.iter_articles(pieces)) == expected
