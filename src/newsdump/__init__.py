"""newsdump: turn plain-text news dumps into structured articles.

A *news dump* is plain text in which many articles were concatenated as a scraper
left them. :func:`parse` finds the article boundaries, labels every line with a
:class:`Role`, parses bylines, datelines, dates and captions, and returns clean article
text with the boilerplate removed, losslessly: every line of the input stays in
:attr:`Dump.lines` with its character span.

>>> import newsdump
>>> dump = newsdump.parse(
...     "Storm hits coast\\nBy Jane Doe\\n"
...     "A storm hit the coast on Monday, cutting power to thousands.\\n"
...     "Crews worked through the night, officials said.\\n"
... )
>>> [line.role.value for line in dump.lines if line.role]
['title', 'byline', 'body', 'body']
>>> dump.articles[0].authors
('Jane Doe',)
"""

from __future__ import annotations

from typing import Any

from newsdump._byline import parse_byline
from newsdump._captions import parse_caption
from newsdump._credits import parse_credit
from newsdump._dateline import parse_dateline
from newsdump._dates import parse_date
from newsdump._io import BinaryInputError, DecodeError, InputError, parse_file, read_text
from newsdump._linemodel import LineModel, ModelError, load_model
from newsdump._model import (
    Article,
    Byline,
    Caption,
    Credit,
    Dateline,
    Dump,
    Line,
    ParsedDate,
    Role,
    Span,
)
from newsdump._parse import parse
from newsdump._records import article_record, article_schema
from newsdump._rules import Rules, RulesError
from newsdump._stream import iter_articles

__all__ = [
    "Article",
    "BinaryInputError",
    "Byline",
    "Caption",
    "Credit",
    "Dateline",
    "DecodeError",
    "Dump",
    "InputError",
    "Line",
    "LineModel",
    "ModelError",
    "ParsedDate",
    "Role",
    "Rules",
    "RulesError",
    "Span",
    "article_record",
    "article_schema",
    "iter_articles",
    "load_model",
    "parse",
    "parse_byline",
    "parse_caption",
    "parse_credit",
    "parse_date",
    "parse_dateline",
    "parse_file",
    "read_text",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        import importlib.metadata  # noqa: PLC0415 - not at every import: rarely read

        return importlib.metadata.version("newsdump")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
