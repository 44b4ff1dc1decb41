"""Parse many dumps, or one very large dump, on Dask.

:func:`read_dumps` turns files into a :class:`dask.bag.Bag` of article records (the
dicts of :func:`newsdump.article_record`); :func:`to_dataframe` turns them into a
:class:`dask.dataframe.DataFrame` with typed columns, ready for Parquet with
:func:`parquet_schema`. The records equal those of :func:`newsdump.parse_file`, whatever
the block size and the scheduler.

This module needs the ``dask`` extra: ``pip install "newsdump[dask]"``. Importing
:mod:`newsdump` alone never imports Dask.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

try:
    import dask.bag
    import dask.base
    import dask.config
    import dask.dataframe
    import pandas as pd
    from dask.delayed import Delayed, delayed
except ImportError as error:  # pragma: no cover - exercised in a subprocess
    msg = (
        f"newsdump.dask needs Dask, pandas and pyarrow ({error}); install them with: "
        'pip install "newsdump[dask]"'
    )
    raise ImportError(msg) from error

from newsdump._blocks import (
    Record,
    block_count,
    block_safe,
    check_blocks,
    file_records,
    index_file,
    number_block,
    parse_block,
)
from newsdump._io import InputError
from newsdump._rules import Rules

if TYPE_CHECKING:
    import pyarrow

__all__ = ["COLUMNS", "parquet_schema", "read_dumps", "to_dataframe"]

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
"""What :func:`read_dumps` reads: a path, a glob pattern, or several of them."""

_GLOB_CHARS = frozenset("*?[")


def read_dumps(
    paths: Paths,
    *,
    blocksize: int | None = None,
    now: datetime | None = None,
    rules: Rules | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> dask.bag.Bag:
    """A bag of the article records of the dump files at ``paths``.

    ``paths`` is a path, a glob pattern (``"dumps/*.txt"``, expanded in sorted order)
    or a list of them. Each record is ``article_record(article, source=path,
    index=i)`` for the ``i``-th article of :func:`newsdump.parse_file`\\ ``(path)``,
    with ``source`` the path as given (or as the glob returned it); the bag holds the
    files in order and each file's articles in order.

    With ``blocksize=None`` each file is one task. With ``blocksize`` (bytes), a file
    larger than that is cut at line starts into blocks of about that size, so that one
    big file spreads over many workers: each task reads its block plus margins of
    context on both sides (as :func:`newsdump.iter_articles` does), parses, and keeps
    the articles that start in its block; an extra first pass per file reads it once
    to place the cuts and number the lines. The result is the same as with one task
    per file; where neighbouring blocks disagree about an article across a cut, the
    computation raises :class:`RuntimeError` rather than return different articles.
    Blocks of a few megabytes keep the margins (about 130 non-blank lines re-read per
    block) negligible. Files in encodings that cannot be decoded from any line start
    (UTF-16, UTF-32, multi-byte Asian encodings) are read one file per task.

    Every worker must see the files at the same paths (a local disk or a shared file
    system). Errors are those of :func:`newsdump.parse_file`
    (:class:`newsdump.InputError` and its subclasses), raised when the bag is computed;
    a pattern that matches nothing raises :class:`newsdump.InputError` at once.
    """
    if blocksize is not None and blocksize < 1:
        msg = f"blocksize must be a positive number of bytes or None, not {blocksize!r}"
        raise ValueError(msg)
    rules = rules if rules is not None else Rules()
    parts: list[Delayed] = []
    for path in _expand(paths):
        parts.extend(
            _file_parts(
                path, blocksize=blocksize, now=now, rules=rules, encoding=encoding, errors=errors
            )
        )
    bag: dask.bag.Bag = dask.bag.from_delayed(parts)  # type: ignore[no-untyped-call]
    return bag


def _expand(paths: Paths) -> list[str]:
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    out: list[str] = []
    for item in items:
        name = os.fsdecode(item)
        if _GLOB_CHARS.intersection(name) and not os.path.exists(name):
            matches = sorted(glob.glob(name))
            if not matches:
                raise InputError(name, "no files match this pattern")
            out.extend(matches)
        else:
            out.append(name)
    return out


def _file_parts(
    path: str,
    *,
    blocksize: int | None,
    now: datetime | None,
    rules: Rules,
    encoding: str,
    errors: str,
) -> list[Delayed]:
    """The delayed partitions of one file: one, or one per block."""
    options: dict[str, Any] = {"encoding": encoding, "errors": errors}
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0  # the task raises parse_file's error
    count = block_count(size, blocksize) if blocksize else 1
    if count == 1 or not block_safe(encoding):
        name = f"newsdump-file-{dask.base.tokenize(path, now, rules, options)}"
        return [
            delayed(file_records, pure=True, name=name)(
                path, source=path, now=now, rules=rules, **options
            )
        ]
    token = dask.base.tokenize(path, size, blocksize, now, rules, options)
    cuts = delayed(index_file, pure=True, name=f"newsdump-index-{token}", nout=count + 1)(
        path, count=count, blocksize=blocksize, **options
    )
    parsed = [
        delayed(parse_block, pure=True, name=f"newsdump-block-{token}-{k}", nout=2)(
            path, cuts[k], cuts[k + 1], source=path, now=now, rules=rules, **options
        )
        for k in range(count)
    ]
    offsets = delayed(check_blocks, pure=True, name=f"newsdump-check-{token}", nout=count)(
        path, [block[1] for block in parsed]
    )
    return [
        delayed(number_block, pure=True, name=f"newsdump-records-{token}-{k}")(block[0], offsets[k])
        for k, block in enumerate(parsed)
    ]


COLUMNS: dict[str, str] = {
    "source": "string",
    "index": "int64",
    "first_line": "int64",
    "last_line": "int64",
    "span_start": "int64",
    "span_end": "int64",
    "start_reason": "string",
    "confidence": "float64",
    "title": "string",
    "dek": "string",
    "summary": "object",
    "authors": "object",
    "bylines": "object",
    "dateline": "object",
    "published": "string",
    "published_text": "string",
    "captions": "object",
    "credits": "object",
    "publisher": "string",
    "text": "string",
}
"""The columns of :func:`to_dataframe` and their pandas dtypes.

``span`` is split into ``span_start`` and ``span_end``. Strings are pandas'
``"string"`` dtype (missing values are ``<NA>``); ``summary`` and ``authors`` hold
lists of strings, ``bylines``, ``captions`` and ``credits`` lists of dicts and
``dateline`` a dict or ``None``, as in the record. ``published`` stays the record's ISO
8601 string: a date, or a date and time with or without a UTC offset, which no single
datetime dtype holds; convert with ``dask.dataframe.to_datetime`` if you need one.
"""


def _frame(records: Sequence[Record]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for record in records:
        span = record["span"]
        assert isinstance(span, dict)
        for name in COLUMNS:
            if name == "span_start":
                columns[name].append(span["start"])
            elif name == "span_end":
                columns[name].append(span["end"])
            else:
                columns[name].append(record[name])
    return pd.DataFrame(
        {name: pd.Series(values, dtype=COLUMNS[name]) for name, values in columns.items()}
    )


def to_dataframe(
    bag_or_paths: dask.bag.Bag | Paths,
    *,
    blocksize: int | None = None,
    now: datetime | None = None,
    rules: Rules | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> dask.dataframe.DataFrame:
    """A dataframe of article records, one row per article, with the :data:`COLUMNS`.

    ``bag_or_paths`` is a bag from :func:`read_dumps` or what it reads (the other
    arguments are then passed on to it). One partition per bag partition; the index
    counts rows within each partition. Write it with
    ``df.to_parquet(folder, schema=parquet_schema())``.
    """
    if isinstance(bag_or_paths, dask.bag.Bag):
        bag = bag_or_paths
    else:
        bag = read_dumps(
            bag_or_paths,
            blocksize=blocksize,
            now=now,
            rules=rules,
            encoding=encoding,
            errors=errors,
        )
    meta = _frame([])
    parts = [delayed(_frame)(part) for part in bag.to_delayed()]  # type: ignore[no-untyped-call]
    # Dask would otherwise turn the object columns (lists, dicts) into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        frame: dask.dataframe.DataFrame = dask.dataframe.from_delayed(
            parts, meta=meta, verify_meta=False
        )
    return frame


def parquet_schema() -> pyarrow.Schema:
    """The Arrow schema of :func:`to_dataframe`'s columns, for ``to_parquet(schema=...)``.

    Explicit, so that partitions where a column is always empty or ``None`` write the
    same types as the others.
    """
    import pyarrow as pa  # noqa: PLC0415 - only Parquet writers need it

    text = pa.string()
    texts = pa.list_(text)
    byline = pa.struct(
        [
            ("text", text),
            ("authors", texts),
            ("agency", text),
            ("publication", text),
            ("job_title", text),
            ("location", text),
            ("reading_time", text),
            ("date_text", text),
        ]
    )
    dateline = pa.struct([("text", text), ("location", text), ("agency", text)])
    caption = pa.struct(
        [("text", text), ("description", text), ("credit", text), ("file_photo", pa.bool_())]
    )
    credit = pa.struct(
        [
            ("text", text),
            ("kind", text),
            ("reporters", texts),
            ("editors", texts),
            ("contributors", texts),
        ]
    )
    return pa.schema(
        [
            ("source", text),
            ("index", pa.int64()),
            ("first_line", pa.int64()),
            ("last_line", pa.int64()),
            ("span_start", pa.int64()),
            ("span_end", pa.int64()),
            ("start_reason", text),
            ("confidence", pa.float64()),
            ("title", text),
            ("dek", text),
            ("summary", texts),
            ("authors", texts),
            ("bylines", pa.list_(byline)),
            ("dateline", dateline),
            ("published", text),
            ("published_text", text),
            ("captions", pa.list_(caption)),
            ("credits", pa.list_(credit)),
            ("publisher", text),
            ("text", text),
        ]
    )
