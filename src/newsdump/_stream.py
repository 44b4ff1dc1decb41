"""Stream articles out of a dump of any size, in bounded memory.

:func:`newsdump.parse` decides a line's role and whether an article starts there from
the lines within ``rules.context_lines`` of it. :func:`iter_articles` relies on that:
it parses a sliding window of lines and yields an article once the window holds the
whole article plus that many non-blank lines on each side of it, so every article it
yields equals the one :func:`~newsdump.parse` finds in the whole text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO

import attrs
import regex

from newsdump._io import InputError, decode_chunks, iter_text
from newsdump._linemodel import LineModel
from newsdump._model import Article, Line, Span
from newsdump._parse import DECODE_REACH, parse_window
from newsdump._rules import Rules

__all__ = ["Source", "iter_articles"]

Source = str | os.PathLike[str] | IO[str] | IO[bytes] | Iterable[str]
"""What :func:`iter_articles` reads: a path, a text or binary stream, or text pieces."""

_CHUNK_CHARS = 1 << 16

MIN_MARGIN = 64
"""The fewest non-blank lines kept on each side of an article, whatever
``rules.context_lines`` says: some of parse's scans (related-link lists, header runs)
have fixed lengths of up to 40 lines."""
_DEFAULT_RULES = Rules()


def margin_for(rules: Rules) -> int:
    """The non-blank lines kept on each side of an article so that it is settled.

    The cue stage looks up to ``rules.context_lines`` lines away, the model's decoding
    another :data:`newsdump._parse.DECODE_REACH`.
    """
    return max(rules.context_lines, MIN_MARGIN, 1) + DECODE_REACH

# Parse once this many margins of non-blank lines wait after the last article out: the
# window then holds 21 margins (about 6,000 non-blank lines with the default rules) and
# about 19 margins' worth of articles come out of it, so the stream parses each line
# about 1.1 times.
_WINDOW = 20

# The same line endings as ``newsdump._lines``: "\r\n", "\n" or a lone "\r".
_LINE = regex.compile(r"[^\r\n]*+(?:\r\n|\n|\r|)")


def iter_articles(
    source: Source,
    *,
    now: datetime | None = None,
    rules: Rules | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    model: LineModel | None = None,
) -> Iterator[Article]:
    """Yield the articles of a dump one by one, as soon as each is settled.

    ``source`` is a path (:class:`str` or :class:`os.PathLike`, read as bytes and
    decoded with ``encoding`` and ``errors``, see :func:`newsdump.read_text`), a text
    stream, a binary stream (decoded the same way), or an iterable of strings whose
    concatenation is the text (lines with their endings, say). A :class:`str` is
    always a path; to stream text you hold, pass ``io.StringIO(text)`` or ``[text]``.

    The articles equal those of ``parse(text, now=now, rules=rules).articles``: same
    fields, line numbers and spans relative to the whole input, ``index`` counting
    from 0. Memory holds the longest article plus a window of about 6,000 non-blank
    lines (21 margins of ``max(rules.context_lines, 64) + 216`` lines), not the whole
    input. Raises :class:`newsdump.InputError` when a
    path cannot be read or decoded; articles before the problem are yielded first.
    """
    rules = rules if rules is not None else _DEFAULT_RULES
    chunks = _text_chunks(source, encoding=encoding, errors=errors)
    return _Window(rules, now, model).run(_split(chunks))


def _text_chunks(source: Source, *, encoding: str, errors: str) -> Iterator[str]:
    if isinstance(source, (str, os.PathLike)):
        return iter_text(source, encoding=encoding, errors=errors)
    if hasattr(source, "read"):
        return _read_stream(source, encoding=encoding, errors=errors)  # type: ignore[arg-type]
    if isinstance(source, (bytes, bytearray)):
        msg = "iter_articles() takes text, a path or a stream, not bytes"
        raise TypeError(msg)
    return _check_str(source)


def _check_str(pieces: Iterable[str]) -> Iterator[str]:
    for piece in pieces:
        if not isinstance(piece, str):
            msg = f"iter_articles() reads str pieces, got {type(piece).__name__}"
            raise TypeError(msg)
        yield piece


def _read_stream(
    stream: IO[str] | IO[bytes], *, encoding: str, errors: str
) -> Iterator[str]:
    first = stream.read(_CHUNK_CHARS)
    if isinstance(first, str):
        yield first
        while chunk := stream.read(_CHUNK_CHARS):
            assert isinstance(chunk, str)
            yield chunk
        return

    def raw() -> Iterator[bytes]:
        chunk: str | bytes = first
        while chunk:
            assert isinstance(chunk, bytes)
            yield chunk
            chunk = stream.read(_CHUNK_CHARS)

    name = str(getattr(stream, "name", "<stream>"))
    yield from decode_chunks(raw(), name=name, encoding=encoding, errors=errors)


def _split(chunks: Iterable[str]) -> Iterator[str]:
    """Cut text chunks into lines, each with its ending, as ``split_lines`` does."""
    tail: list[str] = []
    for chunk in chunks:
        if not chunk:
            continue
        if "\n" not in chunk and "\r" not in chunk:
            tail.append(chunk)
            continue
        text = "".join(tail) + chunk
        tail = []
        pos = 0
        end = len(text)
        while pos < end:
            match = _LINE.match(text, pos)
            assert match is not None  # the pattern matches the empty string
            # A line that reaches the end of the chunk may go on (or be "\r" + "\n").
            if match.end() == end and not text.endswith("\n"):
                tail.append(text[pos:])
                break
            yield match.group()
            pos = match.end()
    rest = "".join(tail)
    pos = 0
    while pos < len(rest):
        match = _LINE.match(rest, pos)
        assert match is not None
        yield match.group()
        pos = match.end()


class _Window:
    """The sliding window: buffered lines, where it starts, and what is already out."""

    def __init__(self, rules: Rules, now: datetime | None, model: LineModel | None) -> None:
        self._rules = rules
        self._now = now
        self._model = model
        self._margin = margin_for(rules)
        self._lines: list[str] = []
        self._blank: list[bool] = []
        self._base_line = 0  # input line index of self._lines[0]
        self._base_char = 0  # input offset of self._lines[0]
        self._done = 0  # input line index: every article before it is out
        self._pending = 0  # non-blank lines buffered at or after self._done
        self._trigger = _WINDOW * self._margin
        self._count = 0

    def run(self, lines: Iterable[str]) -> Iterator[Article]:
        try:
            for line in lines:
                blank = not line.strip()
                self._lines.append(line)
                self._blank.append(blank)
                if not blank:
                    self._pending += 1
                    if self._pending >= self._trigger:
                        yield from self._flush(final=False)
        except InputError:
            # The articles already settled come out before the error.
            yield from self._flush(final=False)
            raise
        yield from self._flush(final=True)

    def _flush(self, *, final: bool) -> Iterator[Article]:
        dump = parse_window(
            "".join(self._lines), self._base_line, now=self._now, rules=self._rules,
            model=self._model,
        )
        first_local = self._done - self._base_line
        nonblank_after = _suffix_counts(self._blank)
        emitted = False
        for article in dump.articles:
            first = article.first_line - 1
            last = article.last_line - 1
            if first < first_local:
                if last >= first_local:
                    line = self._done + 1
                    msg = (
                        f"streaming window disagrees with parse() at line {line}: an "
                        "article starts before the margin; please report this input"
                    )
                    raise RuntimeError(msg)
                continue
            if not final and nonblank_after[last + 1] <= self._margin:
                break
            yield self._shift(article)
            self._done = self._base_line + last + 1
            emitted = True
        if final:
            return
        if emitted:
            self._trim()
            self._pending = sum(
                not b for b in self._blank[self._done - self._base_line :]
            )
            self._trigger = _WINDOW * self._margin
        else:
            # One article longer than the window: grow it geometrically so that
            # re-parsing stays linear in the article's length.
            self._trigger = 2 * self._pending

    def _trim(self) -> None:
        """Drop the lines before the left margin of ``self._done``."""
        keep = self._done - self._base_line
        seen = 0
        while keep > 0 and seen < self._margin:
            keep -= 1
            seen += not self._blank[keep]
        if keep:
            self._base_char += sum(len(line) for line in self._lines[:keep])
            self._base_line += keep
            del self._lines[:keep]
            del self._blank[:keep]

    def _shift(self, article: Article) -> Article:
        index = self._count
        self._count += 1
        if not self._base_line and not self._base_char:
            return attrs.evolve(article, index=index)
        lines = tuple(self._shift_line(line) for line in article.lines)
        return attrs.evolve(
            article,
            index=index,
            first_line=article.first_line + self._base_line,
            last_line=article.last_line + self._base_line,
            span=Span(article.span.start + self._base_char, article.span.end + self._base_char),
            lines=lines,
        )

    def _shift_line(self, line: Line) -> Line:
        base = self._base_char
        return Line(
            line.number + self._base_line,
            Span(line.span.start + base, line.span.end + base),
            line.text,
            line.ending,
            role=line.role,
            reason=line.reason,
            confidence=line.confidence,
        )


def _suffix_counts(blank: list[bool]) -> list[int]:
    """``out[i]``: how many non-blank lines there are from ``i`` to the end."""
    out = [0] * (len(blank) + 1)
    for i in range(len(blank) - 1, -1, -1):
        out[i] = out[i + 1] + (not blank[i])
    return out
