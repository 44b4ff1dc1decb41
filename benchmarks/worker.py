"""Run one tool over one dump file and print a JSON line: seconds and items found.

``python -m benchmarks.worker TOOL PATH``. The parent (:mod:`benchmarks.speed`) runs each
tool in its own process and reads that process's peak RSS from ``os.wait4``. Time (wall
clock and the process's CPU time) counts from opening the file to the last result, after
imports.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from collections.abc import Callable, Iterator
from html import escape
from itertools import islice
from pathlib import Path

DOC_LINES = 400
"""Lines per document fed to jusText, trafilatura and TextTiling (about one accuracy dump;
TextTiling refuses texts over a million characters, its block comparison is quadratic)."""

_FLOOR = re.compile(r"^\s*(?:By|BY)\s+\w|\(\w+\)\s+[—–-]")


def floor(path: Path) -> int:
    """Read the lines and match one compiled regex per line: no tool can go faster."""
    hits = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if _FLOOR.search(line):
                hits += 1
    return hits


def newsdump_parse(path: Path) -> int:
    """``newsdump.parse`` on the whole text; articles found."""
    import newsdump  # noqa: PLC0415

    return len(newsdump.parse(path.read_bytes().decode("utf-8")).articles)


def newsdump_cli(jobs: int) -> Callable[[Path], int]:
    """``newsdump parse -j JOBS -o FILE PATH`` in this process; lines of JSON written."""

    def run(path: Path) -> int:
        import tempfile  # noqa: PLC0415

        from newsdump.__main__ import main  # noqa: PLC0415

        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.jsonl"
            status = main(["parse", "-q", "-j", str(jobs), "-o", str(out), str(path)])
            if status:
                msg = f"newsdump parse exited {status}"
                raise SystemExit(msg)
            with out.open("rb") as written:
                return sum(1 for _ in written)

    return run


def newsdump_iter(path: Path) -> int:
    """``newsdump.iter_articles`` streaming the file; articles found."""
    from benchmarks.peers import iter_articles  # noqa: PLC0415

    return sum(1 for _ in iter_articles(path))


def _documents(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as lines:
        while block := list(islice(lines, DOC_LINES)):
            yield block


def html_document(lines: list[str]) -> str:
    """Each non-blank line as a ``<p>`` of one HTML page."""
    paragraphs = "".join(f"<p>{escape(line.strip())}</p>\n" for line in lines if line.strip())
    return f"<html><head><title></title></head><body>\n{paragraphs}</body></html>"


def justext_lines(path: Path) -> int:
    """JusText on HTML pages of :data:`DOC_LINES` lines; paragraphs kept."""
    import justext  # type: ignore[import-untyped]  # noqa: PLC0415

    stoplist = justext.get_stoplist("English")
    kept = 0
    for block in _documents(path):
        paragraphs = justext.justext(html_document(block), stoplist)
        kept += sum(not p.is_boilerplate for p in paragraphs)
    return kept


def trafilatura_lines(path: Path) -> int:
    """Trafilatura on HTML pages of :data:`DOC_LINES` lines; lines kept."""
    import trafilatura  # noqa: PLC0415

    kept = 0
    for block in _documents(path):
        text = trafilatura.extract(html_document(block)) or ""
        kept += text.count("\n") + bool(text)
    return kept


def texttiling(path: Path) -> int:
    """NLTK TextTiling on pages of :data:`DOC_LINES` lines, a paragraph per line; segments."""
    from benchmarks.peers import texttiling_starts  # noqa: PLC0415

    segments = 0
    for block in _documents(path):
        segments += len(texttiling_starts([line for line in block if line.strip()])) + 1
    return segments


def dateparser_lines(path: Path) -> int:
    """Dateparser on every short line with a digit (date-line candidates); dates found."""
    from benchmarks.peers import date_of_line  # noqa: PLC0415

    found = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if date_of_line(line.strip()) is not None:
                found += 1
    return found


TOOLS: dict[str, Callable[[Path], int]] = {
    "floor": floor,
    "newsdump.parse": newsdump_parse,
    "newsdump.parse[pure]": newsdump_parse,
    "newsdump.iter_articles": newsdump_iter,
    "newsdump parse -j 1": newsdump_cli(1),
    "newsdump parse -j 2": newsdump_cli(2),
    "jusText": justext_lines,
    "trafilatura": trafilatura_lines,
    "TextTiling": texttiling,
    "dateparser": dateparser_lines,
}
"""Tool name to the function that runs it over a file."""

IMPORTS = {
    "jusText": "justext",
    "trafilatura": "trafilatura",
    "TextTiling": "nltk",
    "dateparser": "dateparser",
}
"""The module each peer needs, imported before the clock starts."""

ENVIRONMENT = {"newsdump.parse[pure]": {"NEWSDUMP_PURE_PYTHON": "1"}}
"""Environment variables a tool runs with (``[pure]``: without the NumPy backend)."""


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run ``TOOL`` on ``PATH``; print wall and CPU seconds and the items found as JSON."""
    tool, path = argv if argv is not None else sys.argv[1:]
    if tool in IMPORTS:
        __import__(IMPORTS[tool])
    if tool.startswith("newsdump"):
        import newsdump  # noqa: PLC0415

        newsdump.parse("warm up: load the model\n")
    started, cpu = time.perf_counter(), _cpu()
    items = TOOLS[tool](Path(path))
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "items": items}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
