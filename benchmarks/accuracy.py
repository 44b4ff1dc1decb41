"""Score newsdump and the peers on every annotated dump with the same metrics.

``python -m benchmarks.accuracy [--by-corpus] [--no-devset]`` prints one table, a row per
tool, micro-averaged over the seeds, the own corpus and the dev set (when present).
Every score comes from :func:`newsdump.scoring.score_dump` on the dump a tool predicts
(:mod:`benchmarks.peers`); ``—`` marks a metric the tool cannot produce, ``-`` one with
nothing to count.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable, Sequence

from benchmarks.corpora import DEVSET, Annotated, annotated
from benchmarks.peers import PEERS
from newsdump.scoring import Scores, score_dump

COLUMNS: tuple[tuple[str, int, Callable[[Scores], float | str | None]], ...] = (
    ("arts", 9, lambda s: f"{s.gold_articles}/{s.predicted_articles}"),
    ("bP", 5, lambda s: s.boundaries_strict.precision),
    ("bR", 5, lambda s: s.boundaries_strict.recall),
    ("bF1", 5, lambda s: s.boundaries_strict.f1),
    ("soft", 5, lambda s: s.boundaries_soft.f1),
    ("Pk", 5, lambda s: s.pk.value),
    ("WD", 5, lambda s: s.window_diff.value),
    ("roles", 5, lambda s: s.roles.value),
    ("main", 5, lambda s: s.main_text.f1),
    ("boil", 5, lambda s: s.boilerplate.f1),
    ("title", 5, lambda s: s.titles.value),
    ("authP", 5, lambda s: s.authors.precision),
    ("authR", 5, lambda s: s.authors.recall),
    ("authF", 5, lambda s: s.authors.f1),
    ("date", 5, lambda s: s.dates.value),
    ("dline", 5, lambda s: s.datelines.value),
)
"""Column name, width and how to read it from :class:`Scores`."""


def _cell(value: float | str | None) -> str:
    if value is None:
        return "-"
    return value if isinstance(value, str) else f"{value:.3f}"


def row(name: str, scores: Scores, produces: Sequence[str], seconds: float) -> str:
    """One table row; columns the tool does not produce show ``—``."""
    cells = [
        _cell(read(scores)) if "*" in produces or title in produces else "—"
        for title, _, read in COLUMNS
    ]
    body = " ".join(cell.rjust(width) for cell, (_, width, _) in zip(cells, COLUMNS, strict=True))
    return f"{name:<12} {body} {seconds:>6.1f}"


def header() -> str:
    """The column titles."""
    titles = " ".join(title.rjust(width) for title, width, _ in COLUMNS)
    return f"{'tool':<12} {titles} {'sec':>6}"


def score_tool(tool: str, dumps: Sequence[Annotated]) -> tuple[Scores, float]:
    """A tool's scores summed over ``dumps`` (micro-averages) and its seconds."""
    label = PEERS[tool][0]
    total, seconds = Scores(), 0.0
    for dump in dumps:
        started = time.perf_counter()
        predicted = label(dump.text)
        seconds += time.perf_counter() - started
        total += score_dump(predicted, dump.gold)
    return total, seconds


def table(dumps: Sequence[Annotated], tools: Sequence[str]) -> str:
    """The table for ``dumps``: a header, then a row per tool."""
    lines = [header()]
    for tool in tools:
        scores, seconds = score_tool(tool, dumps)
        lines.append(row(tool, scores, PEERS[tool][1], seconds))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the accuracy table (and one per corpus with ``--by-corpus``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__)
    parser.add_argument("--by-corpus", action="store_true", help="also one table per corpus")
    parser.add_argument("--no-devset", action="store_true", help=f"leave out {DEVSET}")
    args = parser.parse_args(argv)
    dumps = list(annotated(devset=None if args.no_devset else DEVSET))
    tools = []
    for tool, (_, _, module) in PEERS.items():
        if module is None or importlib.util.find_spec(module) is not None:
            tools.append(tool)
        else:
            print(f"note: {tool} skipped ({module} is not installed)")
    corpora = sorted({d.corpus for d in dumps}, key=[d.corpus for d in dumps].index)
    articles = sum(len(d.gold.articles) for d in dumps)
    print(f"{len(dumps)} dumps ({', '.join(corpora)}), {articles} gold articles")
    print(table(dumps, tools))
    if args.by_corpus:
        for corpus in corpora:
            print(f"\n{corpus}:")
            print(table([d for d in dumps if d.corpus == corpus], tools))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
