"""The lossless contract every parse result must keep, shared by the robustness tests."""

from __future__ import annotations

from newsdump import Dump, Span


def check_dump(text: str, dump: Dump) -> None:
    """Check the lossless contract of ``dump`` for ``text``.

    Lines tile ``text`` and hold no line break, roles sit exactly on the non-blank lines,
    articles are numbered in order, lie inside the dump, do not overlap, and together
    cover every non-blank line.
    """
    assert dump.text is text or dump.text == text
    pos = 0
    for number, line in enumerate(dump.lines, start=1):
        assert line.number == number
        assert line.span.start == pos
        assert text[line.span.start : line.span.end] == line.text + line.ending
        assert line.ending in ("\n", "\r\n", "\r", "")
        assert "\n" not in line.text
        assert "\r" not in line.text
        assert (line.role is None) == line.is_blank, line
        pos = line.span.end
    assert pos == len(text)
    previous_last = 0
    for index, article in enumerate(dump.articles):
        assert article.index == index
        assert previous_last < article.first_line <= article.last_line <= len(dump.lines)
        assert article.lines == dump.lines[article.first_line - 1 : article.last_line]
        first, last = article.lines[0], article.lines[-1]
        assert article.span == Span(first.span.start, last.span.start + len(last.text))
        assert 0 <= article.span.start <= article.span.end <= len(text)
        previous_last = article.last_line
    inside = {n for a in dump.articles for n in range(a.first_line, a.last_line + 1)}
    assert all(line.number in inside for line in dump.lines if not line.is_blank)
