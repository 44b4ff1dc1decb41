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
    if "\r" in text:
        return _split_any(text)
    # Only "\n" ends lines: str.split finds them faster than a pattern, line by line.
    parts = text.split("\n")
    last = parts.pop()
    lines: list[Line] = []
    append = lines.append
    pos = 0
    number = 0
    for part in parts:
        number += 1
        end = pos + len(part) + 1
        append(Line(number, Span(pos, end), part, "\n"))
        pos = end
    if last:
        append(Line(number + 1, Span(pos, pos + len(last)), last, ""))
    return lines


def _split_any(text: str) -> list[Line]:
    lines: list[Line] = []
    end = len(text)
    for number, match in enumerate(_LINE.finditer(text), start=1):
        if match.start() >= end:
            break  # the empty match at the end of the text
        lines.append(Line(number, Span(match.start(), match.end()), match.group(1), match.group(2)))
    return lines
