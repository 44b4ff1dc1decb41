"""Peer tools as line labelers: each turns a dump's text into a predicted :class:`Dump`.

Predicted dumps are real :class:`newsdump.Dump` objects, so :func:`newsdump.scoring.score_dump`
scores every tool with the same code. Each peer fills only what it can produce:

* jusText and trafilatura keep or drop paragraphs of one HTML page: every non-blank line
  becomes a ``<p>``, kept lines are labeled ``body`` and dropped lines ``boilerplate``,
  and the whole dump is one article (they cannot split articles).
* NLTK TextTiling gives boundaries only (each non-blank line is a paragraph).
* dateparser gives dates: newsdump's articles, each dated by the first of its first
  :data:`DATE_LINES` non-blank lines that dateparser reads as a date as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

import attrs

import newsdump
from benchmarks.stopwords import ENGLISH
from benchmarks.worker import html_document
from newsdump import Article, Dump, Line, Role, Span, iter_articles

__all__ = [
    "DATE_LINES",
    "PEERS",
    "date_of_line",
    "iter_articles",
    "label_dateparser",
    "label_justext",
    "label_newsdump",
    "label_texttiling",
    "label_trafilatura",
    "texttiling_starts",
]

DATE_LINES = 10
"""How many non-blank lines at the top of each article dateparser looks at."""
_DATE_MAX_CHARS = 80


def _lines(text: str) -> list[Line]:
    pieces = text.split("\n")
    lines, offset = [], 0
    for number, piece in enumerate(pieces, start=1):
        ending = "\n" if number < len(pieces) else ""
        end = offset + len(piece) + len(ending)
        lines.append(Line(number=number, span=Span(offset, end), text=piece, ending=ending))
        offset = end
    return lines


def build_dump(
    text: str, starts: Sequence[int] = (), roles: Mapping[int, Role] | None = None
) -> Dump:
    """A dump of ``text`` whose articles open on the 1-based line numbers ``starts``."""
    lines = [
        attrs.evolve(line, role=(roles or {}).get(line.number)) if not line.is_blank else line
        for line in _lines(text)
    ]
    firsts = sorted({1, *starts})
    articles = []
    for index, first in enumerate(firsts):
        last = firsts[index + 1] - 1 if index + 1 < len(firsts) else len(lines)
        own = tuple(lines[first - 1 : last])
        span = Span(own[0].span.start, own[-1].span.end)
        articles.append(
            Article(index=index, first_line=first, last_line=last, span=span, lines=own)
        )
    return Dump(text=text, lines=tuple(lines), articles=tuple(articles))


def _non_blank(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _kept_roles(numbers: Sequence[int], kept: set[int]) -> dict[int, Role]:
    return {n: Role.BODY if n in kept else Role.BOILERPLATE for n in numbers}


# --- newsdump --------------------------------------------------------------------------


def label_newsdump(text: str) -> Dump:
    """``newsdump.parse``."""
    return newsdump.parse(text)


# --- jusText ---------------------------------------------------------------------------


def label_justext(text: str) -> Dump:
    """JusText's kept paragraphs as body, the rest boilerplate, one article."""
    import justext  # type: ignore[import-untyped]  # noqa: PLC0415

    rows = _non_blank(text)
    page = html_document([line for _, line in rows])
    kept = set()
    for paragraph in justext.justext(page, justext.get_stoplist("English")):
        # xpath like /html[1]/body[1]/p[37]: the 37th non-blank line
        last = paragraph.xpath.rsplit("/", 1)[-1]
        if not paragraph.is_boilerplate and last.startswith("p["):
            kept.add(rows[int(last[2:-1]) - 1][0])
    return build_dump(text, roles=_kept_roles([n for n, _ in rows], kept))


# --- trafilatura -----------------------------------------------------------------------


def _key(line: str) -> str:
    return " ".join(line.split())


def match_lines(rows: Sequence[tuple[int, str]], output: Sequence[str]) -> set[int]:
    """Line numbers of ``rows`` that the extracted ``output`` lines come from, in order."""
    keys = [_key(line) for _, line in rows]
    kept: set[int] = set()
    cursor = 0
    for raw in output:
        wanted = _key(raw)
        if not wanted:
            continue
        found = next((i for i in range(cursor, len(keys)) if keys[i] == wanted), None)
        if found is None:
            window = range(cursor, min(cursor + 50, len(keys)))
            found = next((i for i in window if wanted in keys[i] or keys[i] in wanted), None)
        if found is not None:
            kept.add(rows[found][0])
            cursor = found + 1
    return kept


def label_trafilatura(text: str) -> Dump:
    """Trafilatura's extracted lines as body, the rest boilerplate, one article."""
    import trafilatura  # noqa: PLC0415

    rows = _non_blank(text)
    page = html_document([line for _, line in rows])
    output = (trafilatura.extract(page, include_comments=False) or "").split("\n")
    return build_dump(text, roles=_kept_roles([n for n, _ in rows], match_lines(rows, output)))


# --- NLTK TextTiling -------------------------------------------------------------------


def texttiling_starts(lines: Sequence[str]) -> list[int]:
    """0-based indices of ``lines`` (one paragraph each) where TextTiling opens a segment."""
    from nltk.tokenize.texttiling import (  # type: ignore[import-untyped]  # noqa: PLC0415
        TextTilingTokenizer,
    )

    joined = "\n\n".join(line.strip() for line in lines)
    try:
        segments = TextTilingTokenizer(stopwords=sorted(ENGLISH)).tokenize(joined)
    except ValueError as error:  # too short to tile; a text too long is a bug here
        if "MAX_TEXT_LEN" in str(error):
            raise
        return []
    starts, offset = [], 0
    for segment in segments[:-1]:
        offset += len(segment)
        starts.append(joined.count("\n\n", 0, offset))
    return sorted({s for s in starts if 0 < s < len(lines)})


def label_texttiling(text: str) -> Dump:
    """TextTiling's segment starts as article starts; no roles."""
    rows = _non_blank(text)
    starts = texttiling_starts([line for _, line in rows])
    return build_dump(text, starts=[rows[i][0] for i in starts])


# --- dateparser ------------------------------------------------------------------------


def date_of_line(line: str) -> datetime | None:
    """The date a short line with a digit holds as a whole, as dateparser reads it."""
    import dateparser  # type: ignore[import-untyped]  # noqa: PLC0415

    if not 6 <= len(line) <= _DATE_MAX_CHARS or not any(c.isdigit() for c in line):
        return None
    value = dateparser.parse(line, languages=["en"])
    return value if isinstance(value, datetime) else None


def _dated(article: Article) -> Article:
    top = [line for line in article.lines if not line.is_blank][:DATE_LINES]
    for line in top:
        value = date_of_line(line.text.strip())
        if value is not None:
            return attrs.evolve(article, published=value, published_text=line.text.strip())
    return attrs.evolve(article, published=None, published_text=None)


def label_dateparser(text: str) -> Dump:
    """Newsdump's articles, dated by dateparser instead of newsdump."""
    dump = newsdump.parse(text)
    return attrs.evolve(dump, articles=tuple(_dated(a) for a in dump.articles))


# --- registry --------------------------------------------------------------------------

BOUNDARIES = ("arts", "bP", "bR", "bF1", "soft", "Pk", "WD")
PEERS: dict[str, tuple[Callable[[str], Dump], tuple[str, ...], str | None]] = {
    "newsdump": (label_newsdump, ("*",), None),
    "jusText": (label_justext, (*BOUNDARIES, "main", "boil"), "justext"),
    "trafilatura": (label_trafilatura, (*BOUNDARIES, "main", "boil"), "trafilatura"),
    "TextTiling": (label_texttiling, BOUNDARIES, "nltk"),
    "dateparser": (label_dateparser, ("date",), "dateparser"),
}
"""Tool name to (labeler, metric columns it produces or ``*`` for all, module it needs)."""

