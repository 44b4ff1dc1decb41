"""``newsdump parse --jobs N``: the same output bytes, produced by several processes.

The command line writes a sequence of :class:`Chunk` (rendered articles),
:class:`Failure` (an input that could not be read) and :class:`Done` (an input is
finished) events; :func:`serial_events`
produces them in this process, streaming one file after another, and
:func:`parallel_events` produces the same sequence with a pool of worker processes.

Files are spread over the workers, one task per file. A large UTF-8 (or single-byte
encoded) file written as JSON or CSV records without ``--include-lines`` is also cut
into byte blocks at line starts (:mod:`newsdump._blocks`): each block task parses its
block with margins of context and keeps the articles that start in it, so the records equal those
of the whole file. Results are written in argument order, each file's articles in file
order, and only a few tasks ahead are kept, so memory stays bounded by a few blocks'
output (a whole file's output when it is not cut).

Wherever the parallel path cannot promise the serial bytes (a file that fails to
decode, neighbouring blocks that disagree about an article across a cut), the file is
streamed again here, skipping the articles already written: the output is the serial
output, only later.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from typing import IO, Any, Literal

import attrs

from newsdump._blocks import (
    Cut,
    Summary,
    block_count,
    block_safe,
    check_blocks,
    index_file,
    number_block,
    parse_block,
)
from newsdump._io import CHUNK_SIZE, DecodeError, InputError, iter_text
from newsdump._linemodel import LineModel
from newsdump._model import Article
from newsdump._records import (
    JSONValue,
    article_record,
    csv_header,
    render_csv_row,
    render_markdown,
    render_text,
)
from newsdump._rules import Rules
from newsdump._stream import iter_articles

__all__ = [
    "MIN_BLOCK",
    "STDIN",
    "STDIN_NAME",
    "Chunk",
    "Done",
    "Event",
    "Failure",
    "Options",
    "Writer",
    "blocksize_for",
    "parallel_events",
    "serial_events",
]

STDIN = "-"
STDIN_NAME = "<stdin>"

Format = Literal["jsonl", "json", "csv", "text", "markdown"]
Record = dict[str, JSONValue]

MIN_BLOCK = 1 << 20
"""The smallest block a file is cut into; files up to twice this are one task."""
MAX_BLOCK = 8 << 20
"""The largest block: more blocks than workers keep them all busy to the end."""
BLOCKS_PER_JOB = 4
"""Aim for this many blocks per worker in one file (within the two bounds above)."""
AHEAD = 2
"""Tasks submitted ahead per worker: enough to keep them busy, few enough for memory."""


@attrs.frozen
class Options:
    """How to read and render: what ``newsdump parse`` was given besides the files."""

    format: Format = "jsonl"
    include_lines: bool = False
    encoding: str = "utf-8"
    errors: str = "strict"
    now: datetime | None = None
    rules: Rules | None = None
    min_confidence: float = 0.0
    """Leave out the articles whose ``confidence`` is below this."""
    model: LineModel | None = None
    """The line model (``--model``); ``None`` for the shipped one."""

    @property
    def blocks(self) -> bool:
        """Whether a file may be cut into blocks (they yield records without lines)."""
        return (
            self.format in ("jsonl", "json", "csv")
            and not self.include_lines
            and block_safe(self.encoding)
        )


@attrs.frozen
class Chunk:
    """Rendered articles to write, in order, and how many input bytes are now read."""

    pieces: tuple[str, ...]
    nbytes: int = 0


@attrs.frozen
class Failure:
    """An input that failed; the articles before the problem were already written."""

    source: str
    message: str
    """``str(error)``: the file name and the problem, or the internal error."""
    decode: bool = False
    """The problem is an undecodable byte (the command line then suggests options)."""
    internal: bool = False
    """A consistency check failed (a bug, not a bad input)."""


@attrs.frozen
class Done:
    """An input is finished: all its :class:`Chunk` and :class:`Failure` events came before."""

    path: str
    """The input as given (``-`` for standard input)."""
    articles: int
    """How many articles it holds, those left out by ``min_confidence`` included."""


Event = Chunk | Failure | Done


def source_name(path: str) -> str:
    """How records and messages name ``path``."""
    return STDIN_NAME if path == STDIN else path


def render(article: Article, *, source: str, options: Options) -> str:
    """One article as the command line writes it (no separator)."""
    if options.format in ("jsonl", "json", "csv"):
        record = article_record(
            article, source=source, index=article.index, include_lines=options.include_lines
        )
        return render_record(record, options.format)
    if options.format == "markdown":
        return render_markdown(article)
    return render_text(article)


def render_record(record: Record, format_: Format) -> str:
    """One record as JSON Lines (with its newline), an indented array item or a CSV row."""
    if format_ == "csv":
        return render_csv_row(record)
    if format_ == "json":
        return json.dumps(record, ensure_ascii=False, indent=2)
    return json.dumps(record, ensure_ascii=False) + "\n"


_SEPARATORS: dict[str, tuple[str, str]] = {
    # format: (before the first piece, between pieces)
    "jsonl": ("", ""),
    "json": ("\n", ",\n"),
    "csv": ("", ""),
    "markdown": ("", "\n---\n\n"),
    "text": ("", "\n" + "=" * 72 + "\n\n"),
}


class Writer:
    """Writes rendered articles with the separators of the format and the JSON brackets.

    The CSV header comes first, with a ``lines`` column under ``include_lines``.
    """

    def __init__(self, out: IO[str], format_: Format, *, include_lines: bool = False) -> None:
        self._out = out
        self._format = format_
        self._include_lines = include_lines
        self._first, self._between = _SEPARATORS[format_]
        self.written = 0
        """How many articles were written."""

    def begin(self) -> None:
        """Write what comes before the first article."""
        if self._format == "json":
            self._out.write("[")
        elif self._format == "csv":
            self._out.write(csv_header(include_lines=self._include_lines))

    def write(self, pieces: Iterable[str]) -> None:
        """Write ``pieces``, each one article."""
        parts: list[str] = []
        for piece in pieces:
            parts.append(self._between if self.written else self._first)
            parts.append(piece)
            self.written += 1
        if parts:
            self._out.write("".join(parts))

    def end(self) -> None:
        """Write what comes after the last article."""
        if self._format == "json":
            self._out.write("\n]\n" if self.written else "]\n")


def _failure(source: str, error: Exception) -> Failure:
    if isinstance(error, InputError):
        return Failure(source, str(error), decode=isinstance(error, DecodeError))
    return Failure(source, str(error), internal=True)


def _file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def serial_events(
    paths: Iterable[str], options: Options, *, stdin: IO[bytes] | None = None, skip: int = 0
) -> Iterator[Event]:
    """The events of ``paths``, parsed one after another in this process, article by article.

    Each path's events end with a :class:`Done`. ``stdin`` is read for ``-`` (default:
    ``sys.stdin.buffer``). ``skip`` leaves out the first articles (of the first path)
    that were already written.
    """
    for path in paths:
        yield from _file_events(path, options, stdin=stdin, skip=skip)
        skip = 0


def _file_events(
    path: str, options: Options, *, stdin: IO[bytes] | None, skip: int
) -> Iterator[Event]:
    name = source_name(path)
    chunks = [0]
    size = 0

    def counted() -> Iterator[str]:
        # iter_text decodes one CHUNK_SIZE read per piece, so pieces count the bytes read.
        for piece in iter_text(path, encoding=options.encoding, errors=options.errors):
            chunks[0] += 1
            yield piece

    if path == STDIN:
        source: IO[bytes] | Iterator[str] = sys.stdin.buffer if stdin is None else stdin
    else:
        size = _file_size(path)
        source = counted()
    done = 0
    count = 0
    articles = iter_articles(
        source,
        now=options.now,
        rules=options.rules,
        encoding=options.encoding,
        errors=options.errors,
        model=options.model,
    )
    try:
        for article in articles:
            count += 1
            read = min(size, chunks[0] * CHUNK_SIZE)
            nbytes, done = read - done, read
            if article.index < skip or article.confidence < options.min_confidence:
                yield Chunk((), nbytes)
                continue
            yield Chunk((render(article, source=name, options=options),), nbytes)
    except (InputError, RuntimeError) as error:
        # RuntimeError: the streaming window's consistency check.
        yield _failure(name, error)
    if size > done:
        yield Chunk((), size - done)
    yield Done(path, count)


# ---------------------------------------------------------------------------- workers

_options = Options()


def _init_worker(options: Options) -> None:
    """Set up a worker process: the options of every task; Ctrl-C is the parent's to handle."""
    global _options  # noqa: PLW0603 - one value per worker process, set once
    _options = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _file_task(path: str) -> tuple[tuple[str, ...], Failure | None, Done]:
    """Parse a whole file in a worker: its rendered articles, the failure if any, the end."""
    pieces: list[str] = []
    failure = None
    done = Done(path, 0)
    for event in serial_events([path], _options):
        if isinstance(event, Failure):
            failure = event
        elif isinstance(event, Done):
            done = event
        else:
            pieces.extend(event.pieces)
    return tuple(pieces), failure, done


def _block_task(path: str, begin: Cut, end: Cut) -> tuple[list[Record], Summary] | Failure:
    """Parse one block of a file in a worker: its records (numbered from 0) and summary."""
    rules = _options.rules if _options.rules is not None else Rules()
    try:
        return parse_block(
            path,
            begin,
            end,
            source=path,
            encoding=_options.encoding,
            errors=_options.errors,
            now=_options.now,
            rules=rules,
            model=_options.model,
        )
    except InputError as error:
        return _failure(path, error)


# ---------------------------------------------------------------------- the parent side


def blocksize_for(size: int, jobs: int) -> int:
    """The block size for a file of ``size`` bytes shared by ``jobs`` workers."""
    return max(MIN_BLOCK, min(MAX_BLOCK, size // (BLOCKS_PER_JOB * jobs)))


@attrs.define
class _FileBlocks:
    """What the parent knows about a file that is being parsed in blocks."""

    path: str
    count: int
    summaries: list[Summary] = attrs.Factory(list)
    pending: list[Record] | None = None
    offset: int = 0
    written: int = 0
    abandoned: bool = False


@attrs.frozen
class _Unit:
    """One step of the plan: a file task, a block task, or a file parsed here (stdin)."""

    kind: Literal["file", "block", "here"]
    path: str
    nbytes: int = 0
    future: Future[Any] | None = None
    blocks: _FileBlocks | None = None


def _worth_pool(paths: list[str], options: Options) -> bool:
    files = [path for path in paths if path != STDIN]
    if len(files) > 1:
        return True
    return bool(files) and options.blocks and _file_size(files[0]) > 2 * MIN_BLOCK


def parallel_events(
    paths: Iterable[str],
    options: Options,
    *,
    jobs: int,
    stdin: IO[bytes] | None = None,
) -> Iterator[Event]:
    """The events of :func:`serial_events`, in the same order, computed by ``jobs`` processes."""
    paths = list(paths)
    if jobs <= 1 or not _worth_pool(paths, options):
        yield from serial_events(paths, options, stdin=stdin)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(options,)
    )
    finished = False
    try:
        yield from _run(pool, paths, options, jobs=jobs, stdin=stdin)
        finished = True
    finally:
        # Waiting lets the pool's management thread end before interpreter exit; without
        # it, exit can race that thread and print "Bad file descriptor". Interrupted runs
        # (Ctrl-C, a closed pipe) still return at once.
        pool.shutdown(wait=finished, cancel_futures=True)


def _run(
    pool: ProcessPoolExecutor,
    paths: list[str],
    options: Options,
    *,
    jobs: int,
    stdin: IO[bytes] | None,
) -> Iterator[Event]:
    plan = _plan(pool, paths, options, jobs=jobs)
    queue: deque[_Unit] = deque()
    ahead = AHEAD * jobs
    exhausted = False
    while True:
        while not exhausted and sum(unit.future is not None for unit in queue) < ahead:
            unit = next(plan, None)
            if unit is None:
                exhausted = True
            else:
                queue.append(unit)
        if not queue:
            return
        unit = queue.popleft()
        if unit.kind == "here":
            yield from serial_events([unit.path], options, stdin=stdin)
        elif unit.kind == "file":
            assert unit.future is not None
            pieces, failure, done = unit.future.result()
            yield Chunk(pieces, unit.nbytes)
            if failure is not None:
                yield failure
            yield done
        else:
            yield from _block_events(unit, options, stdin=stdin)


def _plan(
    pool: ProcessPoolExecutor, paths: list[str], options: Options, *, jobs: int
) -> Iterator[_Unit]:
    """Submit the tasks of ``paths`` one by one, as the queue makes room for them."""
    for path in paths:
        if path == STDIN:
            yield _Unit("here", path)
            continue
        size = _file_size(path)
        if options.blocks and size > 2 * MIN_BLOCK:
            blocksize = blocksize_for(size, jobs)
            count = block_count(size, blocksize)
            try:
                cuts = index_file(
                    path,
                    count=count,
                    blocksize=blocksize,
                    encoding=options.encoding,
                    errors=options.errors,
                )
            except InputError:
                pass  # a file task streams the file and fails just where the serial run does
            else:
                blocks = _FileBlocks(path, count)
                for k in range(count):
                    future = pool.submit(_block_task, path, cuts[k], cuts[k + 1])
                    nbytes = cuts[k + 1].byte - cuts[k].byte
                    yield _Unit("block", path, nbytes, future, blocks)
                continue
        yield _Unit("file", path, size, pool.submit(_file_task, path))


def _block_events(unit: _Unit, options: Options, *, stdin: IO[bytes] | None) -> Iterator[Event]:
    blocks = unit.blocks
    assert blocks is not None
    assert unit.future is not None
    if blocks.abandoned:
        return
    result = unit.future.result()
    try:
        if isinstance(result, Failure):
            raise RuntimeError(result.message)
        records, summary = result
        blocks.summaries.append(summary)
        offsets = check_blocks(blocks.path, blocks.summaries)
    except RuntimeError:
        # Stream the file here instead, after the articles already out.
        blocks.abandoned = True
        yield from serial_events([blocks.path], options, stdin=stdin, skip=blocks.written)
        return
    pieces: tuple[str, ...] = ()
    if not summary.empty:
        # An article is final once the next non-empty block agrees on where it ends.
        pieces = _flush(blocks, options)
        blocks.pending = number_block(records, offsets[-1])
    last = len(blocks.summaries) == blocks.count
    if last:
        pieces += _flush(blocks, options)
    yield Chunk(pieces, unit.nbytes)
    if last:
        yield Done(blocks.path, blocks.written)


def _flush(blocks: _FileBlocks, options: Options) -> tuple[str, ...]:
    records = blocks.pending or []
    blocks.pending = None
    # ``written`` counts every article handled, kept or not: a fallback skips as many.
    blocks.written += len(records)
    return tuple(
        render_record(record, options.format)
        for record in records
        if _confidence(record) >= options.min_confidence
    )


def _confidence(record: Record) -> float:
    value = record.get("confidence", 1.0)
    return float(value) if isinstance(value, (int, float)) else 1.0
