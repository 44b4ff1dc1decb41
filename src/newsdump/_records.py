"""Articles as plain records: JSON-ready dicts, and their text and Markdown renderings.

The record layout is described by the JSON Schema shipped as
``newsdump/schema/article.schema.json`` (see :func:`article_schema`).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from importlib import resources
from typing import TypeAlias

import regex

from newsdump._model import Article, Byline, Caption, Credit, Dateline, Dump, Line

__all__ = [
    "CSV_COLUMNS",
    "JSONValue",
    "article_record",
    "article_schema",
    "csv_header",
    "render_csv_row",
    "render_markdown",
    "render_text",
]

JSONValue: TypeAlias = "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None"
"""A value :func:`json.dumps` writes as is."""


def article_record(
    article: Article,
    *,
    source: str | None,
    index: int,
    include_lines: bool = False,
    dump: Dump | None = None,
) -> dict[str, JSONValue]:
    """Return ``article`` as a JSON-ready record.

    ``source`` names the input (a file name, or ``None``) and ``index`` is the
    article's position in it. Dates are ISO 8601 strings. With ``include_lines``, the
    record also lists the article's lines (blank ones included) with role and reason;
    they are taken from ``dump`` when it is given, so a record built from a streamed
    article and one built from the whole dump agree.
    """
    record: dict[str, JSONValue] = {
        "source": source,
        "index": index,
        "first_line": article.first_line,
        "last_line": article.last_line,
        "span": {"start": article.span.start, "end": article.span.end},
        "start_reason": article.start_reason,
        "confidence": article.confidence,
        "title": article.title,
        "dek": article.dek,
        "summary": list(article.summary),
        "authors": list(article.authors),
        "bylines": [_byline(b) for b in article.bylines],
        "dateline": _dateline(article.dateline),
        "published": _iso(article.published),
        "published_text": article.published_text,
        "captions": [_caption(c) for c in article.captions],
        "credits": [_credit(c) for c in article.credits],
        "publisher": article.publisher,
        "text": article.text,
    }
    if include_lines:
        lines = (
            dump.lines[article.first_line - 1 : article.last_line]
            if dump is not None
            else article.lines
        )
        record["lines"] = [_line(line) for line in lines]
    return record


CSV_COLUMNS: tuple[str, ...] = (
    "source",
    "index",
    "first_line",
    "last_line",
    "span",
    "start_reason",
    "confidence",
    "title",
    "dek",
    "summary",
    "authors",
    "bylines",
    "dateline",
    "published",
    "published_text",
    "captions",
    "credits",
    "publisher",
    "text",
)
"""The columns of CSV output: the keys of :func:`article_record`, in order (``lines``
follows them when lines are included)."""


def csv_header(*, include_lines: bool = False) -> str:
    """The header row of CSV output, with its ``"\r\n"`` ending."""
    return _csv_line([*CSV_COLUMNS, "lines"] if include_lines else list(CSV_COLUMNS))


def render_csv_row(record: dict[str, JSONValue]) -> str:
    """One record as a CSV row (``"\r\n"`` ending), in the order of :data:`CSV_COLUMNS`.

    Strings and numbers are written as they are and ``None`` as an empty cell; nested
    values (``span``, lists, ``dateline``, ``lines``) are JSON strings.
    """
    names = [*CSV_COLUMNS, "lines"] if "lines" in record else CSV_COLUMNS
    return _csv_line([_csv_cell(record[name]) for name in names])


def _csv_cell(value: JSONValue) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


def article_schema() -> dict[str, JSONValue]:
    """Return the JSON Schema (draft 2020-12) that every :func:`article_record` meets."""
    text = resources.files("newsdump").joinpath("schema/article.schema.json").read_text("utf-8")
    schema: dict[str, JSONValue] = json.loads(text)
    return schema


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _byline(byline: Byline) -> JSONValue:
    return {
        "text": byline.text,
        "authors": list(byline.authors),
        "agency": byline.agency,
        "publication": byline.publication,
        "job_title": byline.job_title,
        "location": byline.location,
        "reading_time": byline.reading_time,
        "date_text": byline.date_text,
    }


def _dateline(dateline: Dateline | None) -> JSONValue:
    if dateline is None:
        return None
    return {"text": dateline.text, "location": dateline.location, "agency": dateline.agency}


def _caption(caption: Caption) -> JSONValue:
    return {
        "text": caption.text,
        "description": caption.description,
        "credit": caption.credit,
        "file_photo": caption.file_photo,
    }


def _credit(credit: Credit) -> JSONValue:
    return {
        "text": credit.text,
        "kind": credit.kind,
        "reporters": list(credit.reporters),
        "editors": list(credit.editors),
        "contributors": list(credit.contributors),
    }


def _line(line: Line) -> JSONValue:
    return {
        "number": line.number,
        "span": {"start": line.span.start, "end": line.span.end},
        "text": line.text,
        "role": line.role.value if line.role is not None else None,
        "reason": line.reason,
        "confidence": line.confidence,
    }


def render_text(article: Article) -> str:
    """Render ``article`` as plain text: title, dek, bylines and date, then the body.

    Header lines that are missing are left out; the result ends with a newline.
    """
    head: list[str] = []
    if article.title:
        head.append(article.title)
    if article.dek:
        head.append(article.dek)
    meta = _meta(article)
    if meta:
        head.append(meta)
    parts = ["\n".join(head)] if head else []
    if article.text:
        parts.append(article.text)
    return "\n\n".join(parts) + "\n"


def render_markdown(article: Article) -> str:
    """Render ``article`` as Markdown.

    A level-1 heading, the dek in italics, a meta line, key points as a list, then the
    body paragraphs; the result ends with a newline.
    """
    parts: list[str] = []
    parts.append(f"# {_md_escape(article.title or 'Untitled')}")
    if article.dek:
        parts.append(f"*{_md_escape(article.dek)}*")
    meta = _meta(article)
    if meta:
        parts.append(_md_escape(meta))
    if article.summary:
        parts.append("\n".join(f"- {_md_escape(point)}" for point in article.summary))
    parts.extend(_md_escape(paragraph) for paragraph in article.paragraphs)
    return "\n\n".join(parts) + "\n"


def _meta(article: Article) -> str:
    bits: list[str] = []
    if article.authors:
        bits.append("By " + ", ".join(article.authors))
    if article.publisher:
        bits.append(article.publisher)
    if article.published is not None:
        bits.append(article.published.isoformat())
    elif article.published_text:
        bits.append(article.published_text)
    return " · ".join(bits)


def _md_escape(text: str) -> str:
    """Escape what would turn a plain paragraph into Markdown structure."""
    text = text.strip().replace("\\", "\\\\")
    for char in "*_`[]<>":
        text = text.replace(char, "\\" + char)
    return _BLOCK_START.sub(r"\g<lead>\\\g<mark>", text, count=1)


# What opens a heading, quote, table, list item or numbered item at a line start.
_BLOCK_START = regex.compile(
    r"^(?P<lead>\d*+)(?P<mark>[#>|]|-(?=[\s-])|\+(?=\s)|(?<=\d)[.)](?=\s))"
)
