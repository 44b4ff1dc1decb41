"""Split text into lines with character offsets that tile the input exactly."""

from __future__ import annotations

import regex

from newsdump._model import Line, Span

__all__ = ["split_lines"]

# A line ends at "\r\n", "\n" or a lone "\r"; nothing else (not U+2028, not form feed)
# breaks a line, so line numbers agree with what editors and `text.split("\n")` show
# for "\n" and "\r\n" files.
_LINE = regex.compile(r"([^\r\n]*+)(\r\n|\n|\r|)")


def split_lines(text: str) -> list[Line]:
    """Return every line of ``text``, blank ones included, numbered from 1.

    The spans are contiguous: the first starts at 0, each starts where the previous
    ends, and the last ends at ``len(text)``. Empty text has no lines. Text that ends
    with a line break has no empty line after it.
    """
    lines: list[Line] = []
    pos = 0
    end = len(text)
    number = 0
    while pos < end:
        match = _LINE.match(text, pos)
        assert match is not None  # the pattern matches the empty string
        number += 1
        lines.append(
            Line(
                number=number,
                span=Span(pos, match.end()),
                text=match.group(1),
                ending=match.group(2),
            )
        )
        pos = match.end()
    return lines
