"""Throughput and peak memory of newsdump, the peers and a floor on large dumps.

``python -m benchmarks.speed [--sizes 5,50] [--quick]``. Dumps are generated into a
temporary directory (:mod:`benchmarks.generate`); every tool runs on each file in its own
process (:mod:`benchmarks.worker`), whose peak RSS comes from ``os.wait4``. Peers run
only on dumps up to ``--peer-max-mb``; any run longer than ``--timeout`` is stopped.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import attrs

from benchmarks.corpora import ROOT
from benchmarks.generate import variant_pool, write_dump
from benchmarks.worker import ENVIRONMENT, IMPORTS, TOOLS

MB = 1_000_000
NEWSDUMP = (
    "newsdump.parse",
    "newsdump.parse[pure]",
    "newsdump.iter_articles",
    "newsdump parse -j 1",
    "newsdump parse -j 2",
)


@attrs.frozen
class Run:
    """One tool on one dump: wall and CPU seconds (``None`` if it failed), peak RSS bytes."""

    tool: str
    size: int
    seconds: float | None
    cpu: float | None
    rss: int
    note: str = ""

    @property
    def rate(self) -> float | None:
        """Megabytes per wall-clock second."""
        return self.size / MB / self.seconds if self.seconds else None

    @property
    def cpu_rate(self) -> float | None:
        """Megabytes per CPU second (what a tool would reach alone on a core)."""
        return self.size / MB / self.cpu if self.cpu else None


def run_tool(tool: str, path: Path, timeout: float) -> Run:
    """Run ``tool`` on ``path`` in a child process; its own peak RSS via ``os.wait4``."""
    size = path.stat().st_size
    command = [sys.executable, "-m", "benchmarks.worker", tool, str(path)]
    env = {**os.environ, **ENVIRONMENT.get(tool, {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err, text=True, env=env)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    rss = usage.ru_maxrss * 1024  # kilobytes on Linux
    if child.returncode != 0:
        last = (errors.strip().splitlines() or ["exit status " + str(child.returncode)])[-1]
        note = f"stopped after {timeout:.0f} s" if child.returncode == -9 else last
        return Run(tool, size, None, None, rss, note)
    result = json.loads(output.strip().splitlines()[-1])
    seconds, cpu = float(result["seconds"]), float(result["cpu"])
    return Run(tool, size, seconds, cpu, rss, f"{result['items']} items")


def available(tool: str) -> bool:
    """Whether the module a peer needs is installed (newsdump and the floor always are)."""
    module = IMPORTS.get(tool)
    return module is None or importlib.util.find_spec(module) is not None


def _cell(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def format_runs(runs: Sequence[Run]) -> str:
    """One row per tool and size: MB, wall and CPU seconds and MB/s, peak RSS MB, a note."""
    lines = [
        f"{'tool':<24} {'MB':>6} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'MB/CPUs':>8} "
        f"{'RSS MB':>7}  note"
    ]
    lines.extend(
        f"{run.tool:<24} {run.size / MB:>6.1f} {_cell(run.seconds):>8} {_cell(run.cpu):>8} "
        f"{_cell(run.rate):>8} {_cell(run.cpu_rate):>8} {run.rss / MB:>7.0f}  {run.note}"
        for run in runs
    )
    return "\n".join(lines)


def _find(runs: Sequence[Run], tool: str, size: int) -> Run | None:
    return next((r for r in runs if r.tool == tool and r.size == size), None)


def summary(runs: Sequence[Run], sizes: Sequence[int]) -> str:
    """Ratios measured in this run: to the floor, between sizes, ``-j 2`` against ``-j 1``.

    Then the targets of the speed issue: ``parse`` at 10 MB per CPU second or more, cost
    linear in size, ``-j 2`` at least 1.8 times ``-j 1``.
    """
    lines = []
    for size in sizes:
        floor = _find(runs, "floor", size)
        for tool in NEWSDUMP:
            run = _find(runs, tool, size)
            if floor and floor.cpu and run and run.cpu and run.cpu_rate:
                lines.append(
                    f"{tool} on {size / MB:.3g} MB: {run.cpu_rate:.2f} MB per CPU second, "
                    f"{run.cpu / floor.cpu:.0f}x the floor's CPU time"
                )
        one = _find(runs, "newsdump parse -j 1", size)
        two = _find(runs, "newsdump parse -j 2", size)
        if one and two and one.seconds and two.seconds:
            gain = one.seconds / two.seconds
            verdict = "met" if gain >= 1.8 else "MISSED"
            lines.append(f"target -j 2 >= 1.8x -j 1 on {size / MB:.3g} MB (wall): "
                         f"{gain:.2f}x, {verdict}")
    for tool in NEWSDUMP:
        for small, large in itertools.pairwise(sizes):
            a, b = _find(runs, tool, small), _find(runs, tool, large)
            if a and b and a.seconds and b.seconds and a.cpu and b.cpu:
                lines.append(
                    f"{tool}: {large / small:.0f}x size -> {b.seconds / a.seconds:.1f}x wall, "
                    f"{b.cpu / a.cpu:.1f}x CPU time, {b.rss / a.rss:.2f}x peak RSS "
                    f"({small / MB:.3g} -> {large / MB:.3g} MB)"
                )
    for size in sizes:
        parse = _find(runs, "newsdump.parse", size)
        if parse and parse.cpu_rate:
            verdict = "met" if parse.cpu_rate >= 10 else "MISSED"
            lines.append(f"target parse >= 10 MB per CPU second on {size / MB:.3g} MB: "
                         f"{parse.cpu_rate:.2f}, {verdict}")
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    parser.add_argument("--sizes", default="5,50", help="dump sizes in MB (default 5,50)")
    parser.add_argument(
        "--quick", action="store_true", help="CI: 1 and 5 MB, peers on 1 MB, no TextTiling"
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tools")
    parser.add_argument("--peer-max-mb", type=float, default=5, help="largest dump for peers")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per newsdump run")
    parser.add_argument("--peer-timeout", type=float, default=600, help="seconds per peer run")
    parser.add_argument("--dir", help="where to write the dumps (default: a temporary dir)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.peer_max_mb, args.peer_timeout = "1,5", 1, 20
        if "TextTiling" in args.tools.split(","):  # about 50 CPU seconds per MB
            print("note: TextTiling skipped with --quick (about 0.02 MB/s)")
            args.tools = ",".join(t for t in args.tools.split(",") if t != "TextTiling")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the dumps, run every tool on each, print the table and the ratios."""
    args = _arguments(argv)
    sizes = sorted(int(float(s) * MB) for s in args.sizes.split(","))
    tools = [t for t in args.tools.split(",") if t]
    for tool in tools:
        if tool not in TOOLS:
            print(f"unknown tool {tool!r}; choose from {', '.join(TOOLS)}", file=sys.stderr)
            return 2
        if not available(tool):
            print(f"note: {tool} skipped ({IMPORTS[tool]} is not installed)")
    tools = [t for t in tools if available(t)]
    with tempfile.TemporaryDirectory(prefix="newsdump-bench-", dir=args.dir) as directory:
        pool = variant_pool()
        runs: list[Run] = []
        for size in sizes:
            path = Path(directory) / f"dump_{size // MB}MB.txt"
            started = time.perf_counter()
            actual = write_dump(path, size, pool)
            took = time.perf_counter() - started
            print(f"# wrote {actual / MB:.1f} MB in {took:.2f} s", flush=True)
            for tool in tools:
                if tool in IMPORTS and size > args.peer_max_mb * MB:
                    continue
                timeout = args.peer_timeout if tool in IMPORTS else args.timeout
                runs.append(run_tool(tool, path, timeout))
                print(format_runs(runs[-1:]).splitlines()[1], flush=True)
            path.unlink()
    actual_sizes = sorted({r.size for r in runs if r.tool in NEWSDUMP})
    print()
    print(format_runs(runs))
    print()
    print(summary(runs, actual_sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
