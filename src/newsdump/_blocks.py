"""Parse one byte block of a dump file exactly as the whole file parses.

:mod:`newsdump.dask` cuts a large file into byte blocks so that many workers share it.
This module holds the pure parts, with no Dask in sight:

* :func:`index_file` reads the file once, in order, refuses binary or undecodable input
  exactly as :func:`newsdump.read_text` does, and returns the cut points: for each
  nominal block ``[k * blocksize, (k + 1) * blocksize)``, the first line start at or
  after its nominal start, with the line number and character offset there.
* :func:`parse_block` parses the block's lines plus margins on both sides and keeps the
  articles that *start* inside the block. The margins follow :mod:`newsdump._stream`:
  ``newsdump._stream.margin_for(rules)`` non-blank lines before the block, and on
  the right as far as the last kept article's end plus more than that many non-blank
  lines (and as many past the block's end), growing the window until that holds.
* :func:`check_blocks` compares neighbouring blocks (where the previous block's last
  article ends, as each of them sees it), numbers the articles, and raises
  :class:`RuntimeError` instead of returning articles that could differ from
  :func:`newsdump.parse`'s.

Cuts are at line starts, so a block never splits a ``"\\r\\n"`` pair or, in UTF-8 and
single-byte encodings, a character; other encodings are read one file per task.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import BinaryIO

import attrs
import regex

from newsdump import _stream
from newsdump._io import CHUNK_SIZE, InputError, _decode_error, _open, _sniff, parse_file
from newsdump._linemodel import LineModel
from newsdump._parse import parse_window
from newsdump._records import JSONValue, article_record
from newsdump._rules import Rules

__all__ = [
    "Cut",
    "Summary",
    "block_count",
    "block_safe",
    "check_blocks",
    "file_records",
    "index_file",
    "margin_for",
    "number_block",
    "parse_block",
]

Record = dict[str, JSONValue]

# Lines with their endings, in bytes: the same endings as ``newsdump._lines``.
_BLINE = regex.compile(rb"[^\r\n]*+(?:\r\n|\n|\r|)")
_NEWLINE = regex.compile(rb"[\r\n]")

_MIN_RIGHT = 1 << 10
"""The fewest bytes read past a block's end at first (doubled until the margin is there)."""
_MAX_RIGHT = 1 << 18
"""The most bytes read past a block's end at first for the block's last article (256 KiB,
a long article several times over); the margin itself comes on top."""


@attrs.frozen(slots=True)
class Cut:
    """A line start in a file: its byte offset, line index (from 0) and character offset."""

    byte: int
    line: int
    char: int


@attrs.frozen(slots=True)
class Summary:
    """What :func:`check_blocks` needs from a parsed block (line numbers are 1-based).

    ``start_line`` is the number of the block's first line; ``kept`` counts the
    articles that start in the block and ``last`` is the last one's ``(first_line,
    last_line)``. ``straddler`` is ``(first_line, last_line)`` of the last article that,
    in this block's window, starts before the block (``None`` if none does).
    """

    start_line: int
    empty: bool
    kept: int = 0
    last: tuple[int, int] | None = None
    straddler: tuple[int, int] | None = None


def margin_for(rules: Rules) -> int:
    """Non-blank lines of context kept on each side, as :func:`newsdump.iter_articles` does."""
    return _stream.margin_for(rules)


def block_safe(encoding: str) -> bool:
    """Whether a file in ``encoding`` can be decoded from any line start on.

    True for UTF-8 and for single-byte encodings whose ``"\\n"`` and ``"\\r"`` are the
    ASCII bytes: after one of those bytes a decoder holds no state. UTF-16, UTF-32,
    UTF-7 and multi-byte Asian encodings are read one file per task.
    """
    info = codecs.lookup(encoding)
    if info.name in {"utf-8", "utf-8-sig"}:
        return True
    decoder = info.incrementaldecoder("replace")
    try:
        for byte in range(256):
            if len(decoder.decode(bytes([byte]))) != 1:
                return False
        return decoder.decode(b"\n\r") == "\n\r"
    except (UnicodeError, TypeError):
        return False


def block_count(size: int, blocksize: int) -> int:
    """How many nominal blocks of ``blocksize`` bytes a file of ``size`` bytes has."""
    return max(1, -(-size // blocksize))


def file_records(
    path: str,
    *,
    source: str,
    encoding: str,
    errors: str,
    now: datetime | None,
    rules: Rules | None,
) -> list[Record]:
    """The records of a whole file, parsed in one piece."""
    dump = parse_file(path, encoding=encoding, errors=errors, now=now, rules=rules)
    return [
        article_record(article, source=source, index=i) for i, article in enumerate(dump.articles)
    ]


def _window_encoding(encoding: str, start: int) -> str:
    # A byte order mark is one only at the start of the file.
    if start and codecs.lookup(encoding).name == "utf-8-sig":
        return "utf-8"
    return encoding


def _read(stream: BinaryIO, start: int, end: int) -> bytes:
    stream.seek(start)
    return stream.read(max(0, end - start))


def _next_line_start(stream: BinaryIO, pos: int, size: int) -> int:
    """The first line start at or after byte ``pos`` (after ``\\n``, ``\\r\\n`` or ``\\r``)."""
    if pos <= 0:
        return 0
    if pos >= size:
        return size
    stream.seek(pos - 1)
    before = stream.read(1)
    if before == b"\n":
        return pos
    if before == b"\r":
        return pos + 1 if stream.read(1) == b"\n" else pos
    where = pos
    while where < size:
        chunk = stream.read(CHUNK_SIZE)
        if not chunk:
            break
        found = _NEWLINE.search(chunk)
        if found is None:
            where += len(chunk)
            continue
        end = where + found.end()
        if found.group() == b"\r":
            stream.seek(end)
            if stream.read(1) == b"\n":
                end += 1
        return min(end, size)
    return size


def _endings(data: bytes) -> int:
    """How many line endings ``data`` holds (it never splits a ``"\\r\\n"`` pair)."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def index_file(path: str, *, count: int, blocksize: int, encoding: str, errors: str) -> list[Cut]:
    """Read the file at ``path`` once and return ``count + 1`` cut points.

    Cut ``k`` is the first line start at or after byte ``k * blocksize`` (cut 0 is the
    start of the file, the last cut its end); cuts may repeat when a line is longer
    than a block. The whole file is decoded on the way, so a binary or undecodable
    file raises the same :class:`newsdump.InputError` as :func:`newsdump.read_text`.
    """
    name = os.fsdecode(path)
    with _open(path) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            bytes_at = [0]
            for k in range(1, count):
                bytes_at.append(max(bytes_at[-1], _next_line_start(stream, k * blocksize, size)))
            bytes_at.append(size)
            stream.seek(0)
            return list(_count(stream, bytes_at, name=name, encoding=encoding, errors=errors))
        except OSError as error:
            raise InputError(name, f"read failed ({error.strerror or error})") from None


def _count(
    stream: BinaryIO, bytes_at: list[int], *, name: str, encoding: str, errors: str
) -> Iterator[Cut]:
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    consumed = lines = chars = 0
    first = True
    yield Cut(0, 0, 0)
    for end in bytes_at[1:]:
        while consumed < end:
            chunk = stream.read(min(CHUNK_SIZE, end - consumed))
            if not chunk:
                break
            if first:
                # What read_text sniffs: the first CHUNK_SIZE bytes of the file.
                stream.seek(0)
                _sniff(name, stream.read(CHUNK_SIZE), encoding)
                stream.seek(len(chunk))
                first = False
            buffered = len(decoder.getstate()[0])
            try:
                chars += len(decoder.decode(chunk))
            except UnicodeDecodeError as error:
                raise _decode_error(name, error, consumed - buffered, encoding) from None
            consumed += len(chunk)
            lines += _endings(chunk)
        if end == bytes_at[-1]:
            buffered = len(decoder.getstate()[0])
            try:
                chars += len(decoder.decode(b"", final=True))
            except UnicodeDecodeError as error:
                raise _decode_error(name, error, consumed - buffered, encoding) from None
        yield Cut(consumed, lines, chars)


def _left_start(stream: BinaryIO, start: int, *, margin: int, encoding: str, errors: str) -> int:
    """The byte offset of the ``margin``-th non-blank line before ``start`` (or 0)."""
    if start == 0:
        return 0
    width = 1 << 13
    while True:
        low = _next_line_start(stream, start - width, start) if width < start else 0
        data = _read(stream, low, start)
        lines = [m.group() for m in _BLINE.finditer(data) if m.group()]
        seen = 0
        offset = len(data)
        for line in reversed(lines):
            offset -= len(line)
            seen += bool(line.decode(_window_encoding(encoding, low + offset), errors).strip())
            if seen >= margin:
                return low + offset
        if low == 0:
            return 0
        width *= 2


def parse_block(
    path: str,
    begin: Cut,
    end: Cut,
    *,
    source: str,
    encoding: str,
    errors: str,
    now: datetime | None,
    rules: Rules,
    model: LineModel | None = None,
) -> tuple[list[Record], Summary]:
    """Parse the block ``[begin, end)`` of the file with margins; keep its articles.

    Returns the records of the articles that start in the block (numbered from 0
    within the block; :func:`number_block` renumbers them) and the block's
    :class:`Summary`. Line numbers and spans are relative to the whole file.
    """
    start_line = begin.line + 1
    if begin.byte == end.byte:
        return [], Summary(start_line=start_line, empty=True)
    margin = margin_for(rules)
    with _open(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        left = _left_start(stream, begin.byte, margin=margin, encoding=encoding, errors=errors)
        head = _read(stream, left, begin.byte)
        base_line = begin.line - _endings(head)
        base_char = begin.char - len(head.decode(_window_encoding(encoding, left), errors))
        block_first = begin.line - base_line  # window line index (from 0) of the block
        block_end = end.line - base_line
        if end.byte >= size:
            # The last block also keeps an article on a last line without a line ending.
            block_end += 1
        # A quarter more than the left margin took, or an eighth of the block up to
        # _MAX_RIGHT: enough for the margin and, mostly, for the end of the block's last
        # article (a window too short is parsed again, whole, with twice the extra).
        extra = max(_MIN_RIGHT, (begin.byte - left) * 5 // 4,
                    min((end.byte - begin.byte) // 8, _MAX_RIGHT))
        while True:
            right = _next_line_start(stream, end.byte + extra, size)
            text = _read(stream, left, right).decode(_window_encoding(encoding, left), errors)
            dump = parse_window(text, base_line, now=now, rules=rules, model=model)
            after = _suffix_nonblank(dump.lines)
            kept = [a for a in dump.articles if block_first < a.first_line <= block_end]
            settled = right >= size or (
                after[min(block_end, len(dump.lines))] > margin
                and (not kept or after[kept[-1].last_line] > margin)
            )
            if settled:
                break
            extra *= 2
    straddler = None
    for article in dump.articles:
        if article.first_line <= block_first:
            straddler = (article.first_line + base_line, article.last_line + base_line)
    records = [
        _shift(article_record(article, source=source, index=i), base_line, base_char)
        for i, article in enumerate(kept)
    ]
    last = (kept[-1].first_line + base_line, kept[-1].last_line + base_line) if kept else None
    summary = Summary(
        start_line=start_line, empty=False, kept=len(kept), last=last, straddler=straddler
    )
    return records, summary


def _suffix_nonblank(lines: Sequence[object]) -> list[int]:
    """``out[i]``: how many non-blank lines there are from line index ``i`` to the end."""
    out = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = out[i + 1] + (not lines[i].is_blank)  # type: ignore[attr-defined]
    return out


def _shift(record: Record, lines: int, chars: int) -> Record:
    if lines or chars:
        first, last, span = record["first_line"], record["last_line"], record["span"]
        assert isinstance(first, int)
        assert isinstance(last, int)
        assert isinstance(span, dict)
        start, stop = span["start"], span["end"]
        assert isinstance(start, int)
        assert isinstance(stop, int)
        record["first_line"] = first + lines
        record["last_line"] = last + lines
        record["span"] = {"start": start + chars, "end": stop + chars}
    return record


def check_blocks(path: str, summaries: Sequence[Summary]) -> list[int]:
    """Check that neighbouring blocks agree; return each block's first article index.

    Where the articles kept so far end must be where the next block's window sees the
    article across its first line end; otherwise the margins were too small for this
    input and :class:`RuntimeError` is raised rather than returning articles that may
    differ from :func:`newsdump.parse`'s.
    """
    offsets: list[int] = []
    count = 0
    last: tuple[int, int] | None = None
    for summary in summaries:
        offsets.append(count)
        if summary.empty:
            continue
        line = summary.start_line
        crossing = last is not None and last[1] >= line
        seen = summary.straddler
        seen_crossing = seen is not None and seen[1] >= line
        if crossing != seen_crossing or (
            crossing and seen is not None and last is not None and seen[1] != last[1]
        ):
            msg = (
                f"{path}: dask block disagrees with parse() at line {line}: the article "
                "across the block's start ends elsewhere; please report this input"
            )
            raise RuntimeError(msg)
        count += summary.kept
        if summary.last is not None:
            last = summary.last
    return offsets


def number_block(records: list[Record], offset: int) -> list[Record]:
    """Renumber a block's records from ``offset``, the articles in the blocks before it."""
    if offset:
        for i, record in enumerate(records):
            record["index"] = offset + i
    return records
