"""iter_articles(): streaming gives parse()'s articles, in bounded memory."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdump
from newsdump import _stream
from newsdump._io import DecodeError
from newsdump._lines import split_lines
from newsdump._stream import _split, iter_articles

ROOT = Path(__file__).resolve().parent.parent
DEVSET = Path("/work/shared/devset/dumps")


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if DEVSET.is_dir():
        paths += sorted(DEVSET.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


TEXTS = _texts()
SMALL = attrs.evolve(newsdump.Rules(), context_lines=20)


def _counting(lines: list[str], seen: list[int]) -> Iterator[str]:
    for line in lines:
        seen[0] += 1
        yield line


class TestIterArticles:
    def test_seeds_equal_parse(self, seed_texts: dict[str, str]) -> None:
        """On each seed, streaming yields exactly parse()'s articles."""
        for text in seed_texts.values():
            assert list(iter_articles(io.StringIO(text))) == list(newsdump.parse(text).articles)

    def test_sources(self, seed_texts: dict[str, str], tmp_path: Path) -> None:
        """A path (str or Path), a text stream, a binary stream and text pieces agree."""
        text = "".join(seed_texts.values())
        path = tmp_path / "dump.txt"
        path.write_bytes(text.encode("utf-8"))
        expected = list(newsdump.parse(text).articles)
        assert list(iter_articles(str(path))) == expected
        assert list(iter_articles(path)) == expected
        assert list(iter_articles(io.BytesIO(text.encode("utf-8")))) == expected
        assert list(iter_articles(text.splitlines(keepends=True))) == expected
        assert list(iter_articles([text])) == expected

    def test_windows_with_small_context(self) -> None:
        """With a small context the dev set streams through many windows, still equal."""
        text = "".join(TEXTS)
        assert list(iter_articles([text], rules=SMALL)) == list(
            newsdump.parse(text, rules=SMALL).articles
        )

    @settings(max_examples=15, deadline=None)
    @given(
        st.lists(st.sampled_from(range(len(TEXTS))), min_size=1, max_size=6),
        st.sampled_from(["", "\n", "\n\n"]),
        st.integers(min_value=1, max_value=5000),
    )
    def test_equals_parse(self, picks: list[int], glue: str, cut: int) -> None:
        """Dumps joined in any order and cut anywhere stream to exactly parse()'s articles.

        Same fields, line numbers and spans relative to the whole input.
        """
        text = glue.join(TEXTS[i] for i in picks)
        pieces = [text[i : i + cut] for i in range(0, len(text), cut)]
        streamed = list(iter_articles(pieces, rules=SMALL))
        assert streamed == list(newsdump.parse(text, rules=SMALL).articles)

    def test_context_contract(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Margins of exactly rules.context_lines non-blank lines suffice (parse's contract).

        The stream's floor (MIN_MARGIN) is switched off to check the contract itself.
        """
        monkeypatch.setattr(_stream, "MIN_MARGIN", 0)
        text = "".join(TEXTS)
        assert list(iter_articles([text], rules=SMALL)) == list(
            newsdump.parse(text, rules=SMALL).articles
        )

    def test_never_silently_different(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With margins far too small the stream agrees or raises, never differs silently."""
        monkeypatch.setattr(_stream, "MIN_MARGIN", 0)
        tiny = attrs.evolve(newsdump.Rules(), context_lines=2)
        text = "".join(TEXTS)
        expected = list(newsdump.parse(text, rules=tiny).articles)
        streamed: list[newsdump.Article] = []
        failure = ""
        try:
            streamed.extend(iter_articles([text], rules=tiny))
        except RuntimeError as error:
            failure = str(error)
        if failure:
            assert "disagrees with parse()" in failure
        else:
            assert streamed == expected

    def test_yields_before_the_end(self) -> None:
        """Articles come out a bounded distance behind the reading, not at the end."""
        lines = "".join(TEXTS * 12).splitlines(keepends=True)
        seen = [0]
        margin = _stream.margin_for(SMALL)
        longest = 0
        lags: list[int] = []
        for article in iter_articles(_counting(lines, seen), rules=SMALL):
            longest = max(longest, article.last_line - article.first_line + 1)
            lags.append(seen[0] - article.last_line)
        assert len(lags) > 20
        assert lags[0] < len(lines) // 4
        # Lag in raw lines: the window's margins of non-blank lines, at most about half
        # blank.
        assert max(lags) <= 2 * (_stream._WINDOW + 1) * margin + longest

    def test_decode_error_after_articles(self, seed_texts: dict[str, str], tmp_path: Path) -> None:
        """A bad byte late in a file raises DecodeError after the articles before it."""
        text = "".join(seed_texts.values()) * 12
        path = tmp_path / "dump.txt"
        path.write_bytes(text.encode("utf-8") + b"\xff\n")
        got: list[newsdump.Article] = []
        with pytest.raises(DecodeError) as info:
            got.extend(iter_articles(path, rules=SMALL))
        assert info.value.offset == len(text.encode("utf-8"))
        assert got

    def test_rejects_bytes(self) -> None:
        """Bytes are not text: a TypeError says so instead of iterating over ints."""
        with pytest.raises(TypeError, match="bytes"):
            list(iter_articles(b"Title\n"))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="str pieces"):
            list(iter_articles([b"Title\n"]))  # type: ignore[list-item]

    def test_empty(self) -> None:
        """Empty input yields nothing."""
        assert list(iter_articles([])) == []
        assert list(iter_articles(io.StringIO(""))) == []


class TestSplit:
    @given(
        st.text(alphabet="ab \r\n", max_size=60),
        st.lists(st.integers(min_value=1, max_value=8), max_size=20),
    )
    def test_matches_split_lines(self, text: str, sizes: list[int]) -> None:
        r"""Lines cut from chunks ("\r\n" split across two included) are split_lines'."""
        chunks: list[str] = []
        pos = 0
        for size in sizes:
            chunks.append(text[pos : pos + size])
            pos += size
        chunks.append(text[pos:])
        expected = [line.text + line.ending for line in split_lines(text)]
        assert list(_split(chunks)) == expected
