"""article_record(), the shipped JSON Schema, and the text and Markdown renderings."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from typing import Any

import attrs
import jsonschema
import pytest

import newsdump
from newsdump._records import (
    CSV_COLUMNS,
    article_record,
    article_schema,
    csv_header,
    render_csv_row,
    render_markdown,
    render_text,
)

FIELDS = {
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
}

WIRE = """\
Storm floods coastal towns as rivers burst their banks
By Maria Lopez and Tom Becker
PORTSMOUTH, England (AP) — Heavy rain flooded dozens of coastal towns on Tuesday, forcing \
hundreds of residents from their homes.
Emergency crews used boats to reach families trapped on upper floors, officials said.
Associated Press writer Jill Lawless in London contributed to this report.
"""


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _article(**changes: Any) -> newsdump.Article:
    article = newsdump.parse(WIRE).articles[0]
    return attrs.evolve(article, **changes)


class TestArticleRecord:
    def test_fields(self) -> None:
        """A record has exactly the documented fields; lines only on request."""
        article = _article()
        assert set(article_record(article, source="a.txt", index=0)) == FIELDS
        with_lines = article_record(article, source="a.txt", index=0, include_lines=True)
        assert set(with_lines) == FIELDS | {"lines"}

    def test_values(self) -> None:
        """The record carries the article's parsed metadata in JSON types."""
        record = article_record(_article(), source="wire.txt", index=3)
        assert record["source"] == "wire.txt"
        assert record["index"] == 3
        assert record["title"] == "Storm floods coastal towns as rivers burst their banks"
        assert record["authors"] == ["Maria Lopez", "Tom Becker"]
        assert record["dateline"] == {
            "text": "PORTSMOUTH, England (AP)",
            "location": "PORTSMOUTH, England",
            "agency": "AP",
        }
        assert record["span"] == {"start": 0, "end": len(WIRE) - 1}
        assert json.loads(json.dumps(record)) == record

    def test_confidence_and_start_reason(self) -> None:
        """The article's start confidence and reason are in the record; lines carry theirs."""
        article = _article(confidence=0.25, start_reason="byline after a headline")
        line = attrs.evolve(article.lines[0], confidence=0.5)
        article = attrs.evolve(article, lines=(line, *article.lines[1:]))
        record = article_record(article, source=None, index=0, include_lines=True)
        assert record["confidence"] == 0.25
        assert record["start_reason"] == "byline after a headline"
        lines = record["lines"]
        assert isinstance(lines, list)
        assert isinstance(lines[0], dict)
        assert lines[0]["confidence"] == 0.5

    def test_published_is_iso(self) -> None:
        """Dates become ISO 8601 strings: a date alone, or a time with its offset."""
        day = article_record(_article(published=date(2021, 2, 9)), source=None, index=0)
        assert day["published"] == "2021-02-09"
        moment = datetime(2021, 2, 9, 11, 7, tzinfo=timezone.utc)
        timed = article_record(_article(published=moment), source=None, index=0)
        assert timed["published"] == "2021-02-09T11:07:00+00:00"
        none = article_record(_article(published=None), source=None, index=0)
        assert none["published"] is None

    def test_lines(self) -> None:
        """With include_lines every line of the article is listed with span, role and reason."""
        dump = newsdump.parse(WIRE)
        article = dump.articles[0]
        record = article_record(article, source=None, index=0, include_lines=True)
        lines = record["lines"]
        assert isinstance(lines, list)
        assert len(lines) == article.last_line - article.first_line + 1
        first = lines[0]
        assert isinstance(first, dict)
        assert first["number"] == 1
        assert first["role"] == "title"
        assert first["span"] == {"start": 0, "end": len(WIRE.splitlines(keepends=True)[0])}
        assert first["reason"]
        from_dump = article_record(article, source=None, index=0, include_lines=True, dump=dump)
        assert from_dump == record

    def test_seed_records_meet_the_schema(
        self, seed_texts: dict[str, str], validator: jsonschema.protocols.Validator
    ) -> None:
        """Every record built from the seed dumps validates against the shipped schema."""
        count = 0
        for name, text in seed_texts.items():
            dump = newsdump.parse(text)
            for article in dump.articles:
                for lines in (False, True):
                    record = article_record(
                        article, source=name, index=article.index, include_lines=lines
                    )
                    validator.validate(json.loads(json.dumps(record)))
                    count += 1
        assert count > 10

    def test_schema_is_strict(self, validator: jsonschema.protocols.Validator) -> None:
        """The schema rejects a record with a missing, extra or mistyped field."""
        record = article_record(_article(), source=None, index=0)
        validator.validate(record)
        missing = {k: v for k, v in record.items() if k != "title"}
        extra = {**record, "colour": "red"}
        mistyped = {**record, "authors": "Maria Lopez"}
        out_of_range = {**record, "confidence": 1.5}
        for bad in (missing, extra, mistyped, out_of_range):
            assert not validator.is_valid(bad)


class TestCSV:
    def test_columns_are_the_record_keys(self) -> None:
        """The CSV columns are the record's keys, in the record's order."""
        record = article_record(_article(), source="a.txt", index=0)
        assert list(record) == list(CSV_COLUMNS)
        assert csv_header(include_lines=True).rstrip("\r\n").split(",") == [
            *CSV_COLUMNS,
            "lines",
        ]

    def test_row_round_trips(self) -> None:
        """Scalars are written as they are, None as an empty cell, nested fields as JSON."""
        record = article_record(_article(), source="wire, one.txt", index=2, include_lines=True)
        text = csv_header(include_lines=True) + render_csv_row(record)
        header, row = list(csv.reader(io.StringIO(text, newline="")))
        cells = dict(zip(header, row, strict=True))
        assert cells["source"] == "wire, one.txt"
        assert cells["index"] == "2"
        assert cells["confidence"] == "1.0"
        assert cells["dek"] == ""
        assert cells["text"] == record["text"]
        for name in ("span", "summary", "authors", "bylines", "dateline", "captions", "lines"):
            assert json.loads(cells[name]) == record[name]


class TestArticleSchema:
    def test_shipped_as_package_data(self) -> None:
        """The schema is read through importlib.resources, so it ships in the wheel."""
        schema = article_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert isinstance(schema["required"], list)
        assert set(schema["required"]) == FIELDS


class TestRenderText:
    def test_layout(self) -> None:
        """Title, byline meta, then the clean text; a trailing newline."""
        article = _article()
        out = render_text(article)
        head, _, body = out.partition("\n\n")
        assert head.splitlines() == [
            "Storm floods coastal towns as rivers burst their banks",
            "By Maria Lopez, Tom Becker",
        ]
        assert body == article.text + "\n"


class TestRenderMarkdown:
    def test_layout(self) -> None:
        """A level-1 heading with the title, then paragraphs separated by blank lines."""
        out = render_markdown(_article())
        assert out.startswith("# Storm floods coastal towns as rivers burst their banks\n\n")
        assert out.endswith("\n")
        assert not out.endswith("\n\n")

    def test_escapes_markdown(self) -> None:
        """Text that would read as Markdown structure or emphasis is escaped."""
        article = _article(
            title="*Breaking*", paragraphs=("# not a heading", "1. not a list", "2021 was long")
        )
        out = render_markdown(article)
        assert "# \\*Breaking\\*" in out
        assert "\n\\# not a heading\n" in out
        assert "\n1\\. not a list\n" in out
        assert "\n2021 was long\n" in out

    def test_untitled(self) -> None:
        """An article without a title still gets a heading."""
        assert render_markdown(_article(title=None)).startswith("# Untitled\n")
