"""Score a parsed dump against a gold annotation, and print scores for a corpus.

The gold format is the dev set's (``/work/shared/devset/README.md``): one JSON file per
dump with ``source``, ``lines`` and ``articles``, each article with ``start``, ``end``,
``title``, ``authors``, ``date``, ``publisher``, ``dateline`` and ``roles``. Keys that
start with ``_`` are ignored.

Every score keeps its raw counts, so scores of several dumps add up (``a + b``) and the
corpus totals are micro-averages. From the command line::

    python -m newsdump.scoring /work/shared/devset
    python -m newsdump.scoring --dumps seeds --gold tests/corpus/seeds/gold

Metrics, all over non-blank lines (blank means ``str.strip()`` leaves nothing):

* boundaries: the first line of every article but the dump's first (which always starts
  one), matched strictly (same line) or softly (anywhere in the gold boilerplate run
  between the previous article's last non-boilerplate line and this article's first
  non-boilerplate line);
* Pk and WindowDiff (lower is better) with ``k`` half the mean gold article length;
* role accuracy and per-role precision/recall over labeled lines (``unlabeled`` lines
  are skipped), main-text (body and heading) and boilerplate line F1;
* per article, matched to the predicted article sharing most lines with it: title
  accuracy, author precision/recall, date accuracy and dateline accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from newsdump._model import Article, Dump, Role
from newsdump._rules import Rules

if TYPE_CHECKING:
    from newsdump._linemodel import LineModel

__all__ = [
    "PRF",
    "CorpusScores",
    "Gold",
    "GoldArticle",
    "GoldDateline",
    "GoldError",
    "Ratio",
    "Scores",
    "format_table",
    "load_gold",
    "main",
    "pk",
    "score_corpus",
    "score_dump",
    "window_diff",
]

MAIN_TEXT_ROLES = frozenset({Role.BODY, Role.HEADING})
"""Roles whose lines make up an article's clean text."""


class GoldError(ValueError):
    """A gold file that cannot be read or does not fit its dump."""


# --- gold ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class GoldDateline:
    """A gold dateline: where the story was filed, by which agency, on which line."""

    location: str
    agency: str | None
    line: int


@attrs.frozen(slots=True)
class GoldArticle:
    """One gold article: its line range, metadata and the roles of its labeled lines.

    ``date`` is an ISO 8601 prefix (``2019-11-19``, ``2019-11-19T17:50``) and
    ``relative_date`` the printed text of a relative date (``2 hours ago``); at most one
    of them is set.
    """

    start: int
    end: int
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    relative_date: str | None = None
    publisher: str | None = None
    dateline: GoldDateline | None = None
    roles: Mapping[int, Role] = attrs.field(factory=dict, hash=False)
    unlabeled: frozenset[int] = frozenset()


@attrs.frozen(slots=True)
class Gold:
    """The gold annotation of one dump."""

    source: str
    line_count: int
    articles: tuple[GoldArticle, ...]


def load_gold(path: str | Path) -> Gold:
    """Read a gold JSON file; keys starting with ``_`` are ignored.

    Raises :class:`GoldError` when the file is not valid JSON or misses a field.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Gold(
            source=str(data["source"]),
            line_count=int(data["lines"]),
            articles=tuple(_gold_article(item) for item in data["articles"]),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        msg = f"{path}: not a gold file ({type(exc).__name__}: {exc})"
        raise GoldError(msg) from exc


def _gold_article(item: Mapping[str, Any]) -> GoldArticle:
    raw_date = item.get("date")
    relative = raw_date.get("relative") if isinstance(raw_date, Mapping) else None
    raw_dateline = item.get("dateline")
    return GoldArticle(
        start=int(item["start"]),
        end=int(item["end"]),
        title=item.get("title"),
        authors=tuple(item.get("authors") or ()),
        date=raw_date if isinstance(raw_date, str) else None,
        relative_date=relative,
        publisher=item.get("publisher"),
        dateline=(
            GoldDateline(
                location=raw_dateline["location"],
                agency=raw_dateline.get("agency"),
                line=int(raw_dateline["line"]),
            )
            if raw_dateline
            else None
        ),
        roles={int(number): Role(role) for number, role in item.get("roles", {}).items()},
        unlabeled=frozenset(int(number) for number in item.get("unlabeled", ())),
    )


# --- score containers ------------------------------------------------------------------


@attrs.frozen(slots=True)
class Ratio:
    """``hits`` out of ``total``; :attr:`value` is ``None`` when there is nothing to count."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """``hits / total``, or ``None`` when ``total`` is zero."""
        return self.hits / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        """Add hits and totals."""
        return Ratio(self.hits + other.hits, self.total + other.total)


@attrs.frozen(slots=True)
class PRF:
    """True positives, false positives and false negatives, with precision/recall/F1.

    With nothing predicted and nothing to find, precision and recall are 1.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of gold items that were found."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        """Add the counts."""
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _add_maps(a: Mapping[Role, PRF], b: Mapping[Role, PRF]) -> dict[Role, PRF]:
    return {role: a.get(role, PRF()) + b.get(role, PRF()) for role in Role}


@attrs.frozen(slots=True)
class Scores:
    """Every metric of one dump (or a sum of dumps), as raw counts.

    ``pk`` and ``window_diff`` count erroneous windows out of all windows: lower is better.
    """

    gold_articles: int = 0
    predicted_articles: int = 0
    boundaries_strict: PRF = PRF()
    boundaries_soft: PRF = PRF()
    pk: Ratio = Ratio()
    window_diff: Ratio = Ratio()
    roles: Ratio = Ratio()
    per_role: Mapping[Role, PRF] = attrs.field(factory=dict, hash=False)
    main_text: PRF = PRF()
    boilerplate: PRF = PRF()
    titles: Ratio = Ratio()
    authors: PRF = PRF()
    dates: Ratio = Ratio()
    datelines: Ratio = Ratio()

    def __add__(self, other: Scores) -> Scores:
        """Add every count, so that ratios of the sum are micro-averages."""
        return Scores(
            gold_articles=self.gold_articles + other.gold_articles,
            predicted_articles=self.predicted_articles + other.predicted_articles,
            boundaries_strict=self.boundaries_strict + other.boundaries_strict,
            boundaries_soft=self.boundaries_soft + other.boundaries_soft,
            pk=self.pk + other.pk,
            window_diff=self.window_diff + other.window_diff,
            roles=self.roles + other.roles,
            per_role=_add_maps(self.per_role, other.per_role),
            main_text=self.main_text + other.main_text,
            boilerplate=self.boilerplate + other.boilerplate,
            titles=self.titles + other.titles,
            authors=self.authors + other.authors,
            dates=self.dates + other.dates,
            datelines=self.datelines + other.datelines,
        )


@attrs.frozen(slots=True)
class CorpusScores:
    """Scores of each dump of a corpus, by dump file name, and their sum."""

    per_dump: tuple[tuple[str, Scores], ...]
    total: Scores


# --- segmentation metrics --------------------------------------------------------------


def _segment_ids(length: int, starts: Iterable[int]) -> list[int]:
    """Segment number of each of ``length`` positions, given the positions that open one."""
    opens = set(starts)
    ids: list[int] = []
    current = 0
    for position in range(length):
        if position in opens and position:
            current += 1
        ids.append(current)
    return ids


def pk(gold_starts: Iterable[int], predicted_starts: Iterable[int], length: int, k: int) -> Ratio:
    """Pk (Beeferman et al. 1999): windows whose ends are wrongly together or apart.

    Positions are ``0 .. length - 1``; a start opens a segment (position 0 always does).
    A window joins positions ``i`` and ``i + k``; it is an error when gold and prediction
    disagree on whether both lie in the same segment.
    """
    gold = _segment_ids(length, gold_starts)
    predicted = _segment_ids(length, predicted_starts)
    windows = max(length - k, 0)
    errors = sum(
        (gold[i] == gold[i + k]) != (predicted[i] == predicted[i + k]) for i in range(windows)
    )
    return Ratio(errors, windows)


def window_diff(
    gold_starts: Iterable[int], predicted_starts: Iterable[int], length: int, k: int
) -> Ratio:
    """WindowDiff (Pevzner and Hearst 2002): windows with a wrong number of boundaries.

    Same windows as :func:`pk`; an error when the number of segment starts in
    ``i + 1 .. i + k`` differs between gold and prediction.
    """
    gold = _segment_ids(length, gold_starts)
    predicted = _segment_ids(length, predicted_starts)
    windows = max(length - k, 0)
    errors = sum(
        (gold[i + k] - gold[i]) != (predicted[i + k] - predicted[i]) for i in range(windows)
    )
    return Ratio(errors, windows)


def _window_size(segment_count: int, length: int) -> int:
    """Half the mean gold segment length, rounded half up, at least 1."""
    if not segment_count:
        return 1
    return max(1, int(length / segment_count / 2 + 0.5))


# --- one dump --------------------------------------------------------------------------


def _squash(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def _normalise(text: str | None) -> str | None:
    squashed = _squash(text)
    return squashed.casefold() if squashed is not None else None


def _non_blank(dump: Dump) -> list[int]:
    return [line.number for line in dump.lines if not line.is_blank]


def _article_lines(start: int, end: int, non_blank: set[int]) -> set[int]:
    return {n for n in range(start, end + 1) if n in non_blank}


def _gold_starts(gold: Gold, non_blank: set[int]) -> list[int]:
    starts = (min(_article_lines(a.start, a.end, non_blank), default=0) for a in gold.articles)
    return sorted({n for n in starts if n})


def _predicted_starts(dump: Dump, non_blank: set[int]) -> list[int]:
    starts = (
        min(_article_lines(a.first_line, a.last_line, non_blank), default=0) for a in dump.articles
    )
    return sorted({n for n in starts if n})


def _soft_windows(gold: Gold, non_blank: list[int]) -> list[list[int]]:
    """For each gold article but the first, the lines where its start is accepted."""
    role_of = {n: role for a in gold.articles for n, role in a.roles.items()}
    content = [n for n in non_blank if role_of.get(n) is not Role.BOILERPLATE]
    windows = []
    for article in gold.articles[1:]:
        inside = [n for n in content if article.start <= n <= article.end]
        first = inside[0] if inside else article.start
        before = [n for n in content if n < article.start]
        after = before[-1] if before else 0
        windows.append([n for n in non_blank if after < n <= first])
    return windows


def _boundaries(
    gold_starts: list[int], predicted: list[int], soft_windows: list[list[int]], first: int
) -> tuple[PRF, PRF]:
    predicted_set = {n for n in predicted if n != first}
    gold_set = {n for n in gold_starts if n != first}
    strict_tp = len(gold_set & predicted_set)
    strict = PRF(strict_tp, len(predicted_set) - strict_tp, len(gold_set) - strict_tp)
    unused = set(predicted_set)
    soft_tp = 0
    for window in soft_windows:
        hit = next((n for n in window if n in unused), None)
        if hit is not None:
            unused.discard(hit)
            soft_tp += 1
    soft = PRF(soft_tp, len(predicted_set) - soft_tp, len(soft_windows) - soft_tp)
    return strict, soft


def _segmentation(gold: Gold, dump: Dump) -> dict[str, Any]:
    non_blank = _non_blank(dump)
    non_blank_set = set(non_blank)
    position = {n: i for i, n in enumerate(non_blank)}
    gold_starts = _gold_starts(gold, non_blank_set)
    predicted = _predicted_starts(dump, non_blank_set)
    first = non_blank[0] if non_blank else 0
    strict, soft = _boundaries(gold_starts, predicted, _soft_windows(gold, non_blank), first)
    k = _window_size(len(gold_starts), len(non_blank))
    gold_positions = [position[n] for n in gold_starts]
    predicted_positions = [position[n] for n in predicted]
    return {
        "boundaries_strict": strict,
        "boundaries_soft": soft,
        "pk": pk(gold_positions, predicted_positions, len(non_blank), k),
        "window_diff": window_diff(gold_positions, predicted_positions, len(non_blank), k),
    }


def _binary(pairs: Sequence[tuple[Role, Role | None]], positive: frozenset[Role]) -> PRF:
    tp = sum(g in positive and p in positive for g, p in pairs)
    fp = sum(g not in positive and p in positive for g, p in pairs)
    fn = sum(g in positive and p not in positive for g, p in pairs)
    return PRF(tp, fp, fn)


def _role_scores(gold: Gold, dump: Dump) -> dict[str, Any]:
    predicted = {line.number: line.role for line in dump.lines if not line.is_blank}
    pairs = [
        (role, predicted.get(number))
        for article in gold.articles
        for number, role in sorted(article.roles.items())
        if number in predicted and number not in article.unlabeled
    ]
    return {
        "roles": Ratio(sum(g is p for g, p in pairs), len(pairs)),
        "per_role": {role: _binary(pairs, frozenset({role})) for role in Role},
        "main_text": _binary(pairs, MAIN_TEXT_ROLES),
        "boilerplate": _binary(pairs, frozenset({Role.BOILERPLATE})),
    }


def _match(article: GoldArticle, dump: Dump, non_blank: set[int]) -> Article | None:
    """Find the predicted article sharing most non-blank lines with ``article``.

    Ties go to the earlier article; ``None`` when no predicted article overlaps it.
    """
    wanted = _article_lines(article.start, article.end, non_blank)
    best: Article | None = None
    best_overlap = 0
    for candidate in dump.articles:
        overlap = sum(candidate.first_line <= n <= candidate.last_line for n in wanted)
        if overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best


def _title_right(gold: GoldArticle, predicted: Article | None) -> bool:
    title = predicted.title if predicted else None
    return _squash(gold.title) == _squash(title)


def _author_counts(gold: GoldArticle, predicted: Article | None) -> PRF:
    wanted = {_normalise(name) for name in gold.authors}
    found = {_normalise(name) for name in (predicted.authors if predicted else ())}
    return PRF(len(wanted & found), len(found - wanted), len(wanted - found))


def _iso(value: datetime | date) -> str:
    return value.isoformat()


def _date_right(gold: GoldArticle, predicted: Article | None) -> bool:
    published = predicted.published if predicted else None
    text = predicted.published_text if predicted else None
    if gold.relative_date is not None:
        return _normalise(text) == _normalise(gold.relative_date)
    if gold.date is None:
        return published is None and text is None
    return published is not None and _iso(published).startswith(gold.date)


def _dateline_counts(gold: GoldArticle, predicted: Article | None) -> Ratio:
    found = predicted.dateline if predicted else None
    if gold.dateline is None and found is None:
        return Ratio()
    right = (
        gold.dateline is not None
        and found is not None
        and _normalise(gold.dateline.location) == _normalise(found.location)
        and _normalise(gold.dateline.agency) == _normalise(found.agency)
    )
    return Ratio(int(right), 1)


def _metadata(gold: Gold, dump: Dump) -> dict[str, Any]:
    non_blank = set(_non_blank(dump))
    titles, dates, datelines, authors = Ratio(), Ratio(), Ratio(), PRF()
    for article in gold.articles:
        predicted = _match(article, dump, non_blank)
        titles += Ratio(int(_title_right(article, predicted)), 1)
        dates += Ratio(int(_date_right(article, predicted)), 1)
        datelines += _dateline_counts(article, predicted)
        authors += _author_counts(article, predicted)
    return {"titles": titles, "dates": dates, "datelines": datelines, "authors": authors}


def score_dump(dump: Dump, gold: Gold) -> Scores:
    """Score one parsed dump against its gold annotation.

    Raises :class:`GoldError` when the gold was made for a text with another line count.
    """
    line_count = len(dump.text.split("\n"))
    if gold.line_count != line_count:
        msg = f"{gold.source}: gold has {gold.line_count} lines, the text has {line_count}"
        raise GoldError(msg)
    return Scores(
        gold_articles=len(gold.articles),
        predicted_articles=len(dump.articles),
        **_segmentation(gold, dump),
        **_role_scores(gold, dump),
        **_metadata(gold, dump),
    )


# --- corpus ----------------------------------------------------------------------------


def _pairs(dumps_dir: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """Each dump file that has a gold file, with it, in name order."""
    pairs = []
    for dump_path in sorted(dumps_dir.glob("*.txt")):
        gold_path = gold_dir / f"{dump_path.stem}.json"
        if gold_path.is_file():
            pairs.append((dump_path, gold_path))
    return pairs


def score_corpus(
    dumps_dir: str | Path,
    gold_dir: str | Path,
    *,
    now: datetime | None = None,
    rules: Rules | None = None,
    model: LineModel | None = None,
) -> CorpusScores:
    """Parse every dump in ``dumps_dir`` that has a gold file in ``gold_dir`` and score it.

    Dump ``X.txt`` goes with gold ``X.json``; dumps without gold are skipped. The total is
    the sum of the counts, so its ratios are micro-averages over the corpus. ``rules``
    and ``model`` are passed to :func:`newsdump.parse` (``model``: the shipped one when
    ``None``).
    """
    from newsdump._parse import parse  # noqa: PLC0415 (keeps scoring importable on its own)

    per_dump = []
    total = Scores()
    for dump_path, gold_path in _pairs(Path(dumps_dir), Path(gold_dir)):
        text = dump_path.read_bytes().decode("utf-8")
        scores = score_dump(parse(text, now=now, rules=rules, model=model),
                            load_gold(gold_path))
        per_dump.append((dump_path.name, scores))
        total += scores
    return CorpusScores(per_dump=tuple(per_dump), total=total)


# --- table -----------------------------------------------------------------------------

_COLUMNS = (
    ("arts", 9),
    ("bF1", 5),
    ("soft", 5),
    ("Pk", 5),
    ("WD", 5),
    ("roles", 5),
    ("main", 5),
    ("boil", 5),
    ("title", 5),
    ("auth", 5),
    ("date", 5),
    ("dline", 5),
)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, scores: Scores, width: int) -> str:
    cells = [
        f"{scores.gold_articles}/{scores.predicted_articles}",
        _number(scores.boundaries_strict.f1),
        _number(scores.boundaries_soft.f1),
        _number(scores.pk.value),
        _number(scores.window_diff.value),
        _number(scores.roles.value),
        _number(scores.main_text.f1),
        _number(scores.boilerplate.f1),
        _number(scores.titles.value),
        _number(scores.authors.f1),
        _number(scores.dates.value),
        _number(scores.datelines.value),
    ]
    body = " ".join(cell.rjust(size) for cell, (_, size) in zip(cells, _COLUMNS, strict=True))
    return f"{name.ljust(width)} {body}"


def _role_table(scores: Scores) -> list[str]:
    lines = ["", f"{'role':<12} {'gold':>5} {'P':>5} {'R':>5} {'F1':>5}"]
    for role in Role:
        counts = scores.per_role.get(role, PRF())
        if counts.tp + counts.fn + counts.fp:
            lines.append(
                f"{role.value:<12} {counts.tp + counts.fn:>5} {_number(counts.precision):>5} "
                f"{_number(counts.recall):>5} {_number(counts.f1):>5}"
            )
    return lines


def format_table(corpus: CorpusScores, *, per_role: bool = True) -> str:
    """Render scores as plain text: a row per dump, a total row, then per-role scores.

    Columns: gold/predicted articles, strict and soft boundary F1, Pk and WindowDiff
    (lower is better), role accuracy, main-text and boilerplate line F1, title accuracy,
    author F1, date accuracy, dateline accuracy. ``-`` marks nothing to score.
    """
    names = [name for name, _ in corpus.per_dump] + ["TOTAL"]
    width = max(len(name) for name in names)
    header = " ".join(title.rjust(size) for title, size in _COLUMNS)
    lines = [f"{'dump'.ljust(width)} {header}"]
    lines += [_row(name, scores, width) for name, scores in corpus.per_dump]
    lines.append(_row("TOTAL", corpus.total, width))
    if per_role:
        lines += _role_table(corpus.total)
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newsdump.scoring",
        description="Score newsdump.parse on gold-annotated dumps.",
    )
    parser.add_argument("corpus", nargs="?", help="a directory with dumps/ and gold/")
    parser.add_argument("--dumps", help="directory of dump .txt files")
    parser.add_argument("--gold", help="directory of gold .json files")
    parser.add_argument("--now", help="ISO date-time that relative dates resolve against")
    parser.add_argument("--model", help="a line model made by 'newsdump train' "
                        "(default: the one shipped with newsdump)")
    parser.add_argument("--no-roles", action="store_true", help="omit the per-role table")
    args = parser.parse_args(argv)
    if args.corpus:
        args.dumps = args.dumps or str(Path(args.corpus) / "dumps")
        args.gold = args.gold or str(Path(args.corpus) / "gold")
    if not (args.dumps and args.gold):
        parser.error("give a corpus directory, or both --dumps and --gold")
    return args


def _fail(message: str) -> int:
    print(f"newsdump.scoring: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: print per-dump and total scores; 2 on a usage error."""
    args = _arguments(argv)
    for directory in (args.dumps, args.gold):
        if not Path(directory).is_dir():
            return _fail(f"no such directory: {directory}")
    try:
        now = datetime.fromisoformat(args.now) if args.now else None
    except ValueError:
        return _fail(f"--now is not an ISO date-time: {args.now}")
    if not _pairs(Path(args.dumps), Path(args.gold)):
        return _fail(f"no dump in {args.dumps} has a gold file in {args.gold}")
    model = None
    if args.model:
        from newsdump._linemodel import ModelError, load_model_option  # noqa: PLC0415

        try:
            model = load_model_option(args.model)
        except ModelError as error:
            return _fail(str(error))
    try:
        corpus = score_corpus(args.dumps, args.gold, now=now, model=model)
    except (GoldError, UnicodeDecodeError) as exc:
        return _fail(str(exc))
    print(format_table(corpus, per_role=not args.no_roles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
