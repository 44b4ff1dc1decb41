"""Lines with offsets: the spans tile the input exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._lines import _split_any, split_lines


def _rebuild(text: str) -> str:
    return "".join(text[line.span.start : line.span.end] for line in split_lines(text))


class TestSplitLines:
    @given(st.text())
    def test_spans_tile_arbitrary_text(self, text: str) -> None:
        """For any text, consecutive spans start where the previous ends and cover it all."""
        lines = split_lines(text)
        pos = 0
        for number, line in enumerate(lines, start=1):
            assert line.number == number
            assert line.span.start == pos
            assert text[line.span.start : line.span.end] == line.text + line.ending
            pos = line.span.end
        assert pos == len(text)

    @given(st.text(alphabet=st.sampled_from("ab \r\n\t\x00\ufeff\u2028")))
    def test_line_text_never_holds_a_line_break(self, text: str) -> None:
        """Only CR, LF and CRLF end lines, and they never leak into ``Line.text``."""
        for line in split_lines(text):
            assert "\n" not in line.text
            assert "\r" not in line.text
        assert _rebuild(text) == text

    @pytest.mark.parametrize(
        ("text", "texts", "endings"),
        [
            ("", [], []),
            ("one", ["one"], [""]),
            ("one\n", ["one"], ["\n"]),
            ("a\r\nb\rc\nd", ["a", "b", "c", "d"], ["\r\n", "\r", "\n", ""]),
            ("\n\n", ["", ""], ["\n", "\n"]),
            ("\ufeffTitle\n", ["\ufeffTitle"], ["\n"]),
            ("a\u2028b\n", ["a\u2028b"], ["\n"]),
        ],
    )
    def test_line_endings(self, text: str, texts: list[str], endings: list[str]) -> None:
        """CRLF, lone CR and LF each end one line; a BOM and U+2028 stay inside the text."""
        lines = split_lines(text)
        assert [line.text for line in lines] == texts
        assert [line.ending for line in lines] == endings

    def test_numbering_agrees_with_split_on_newline(self) -> None:
        """Line numbers match ``text.split("\\n")`` for LF text, as the gold files count."""
        text = "x\n\ny\nz"
        assert [line.text for line in split_lines(text)] == text.split("\n")


class TestFastPath:
    @given(st.text(alphabet=st.sampled_from("ab \n\t\x00\ufeff\u2028\x0c")))
    def test_lf_only_text_splits_as_the_pattern_does(self, text: str) -> None:
        """Text without CR takes the ``str.split`` path; it gives the pattern's lines."""
        assert split_lines(text) == _split_any(text)

    def test_crlf_text_takes_the_pattern(self) -> None:
        """With a CR anywhere, every ending is kept as printed."""
        lines = split_lines("a\nb\r\nc\rd\n")
        assert [(line.text, line.ending) for line in lines] == [
            ("a", "\n"), ("b", "\r\n"), ("c", "\r"), ("d", "\n")
        ]
