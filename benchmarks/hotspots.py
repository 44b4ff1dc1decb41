"""Where newsdump spends its time: cProfile of ``parse`` on a generated dump.

``python -m benchmarks.hotspots [--mb 5] [--top 25]`` prints the functions with the most
own time (``tottime``) and the most time including callees (``cumtime``), as a share of
the whole run.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from collections.abc import Sequence
from pathlib import Path

import newsdump
from benchmarks.generate import variant_pool, write_dump


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    parts = Path(filename).parts
    short = "/".join(parts[-2:]) if len(parts) > 1 else filename
    return f"{short}:{line}({name})" if line else name


def report(stats: pstats.Stats, top: int) -> str:
    """The ``top`` functions by own time and by cumulative time, in % of the total."""
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(sum(value[2] for value in entries.values()), 1e-9)
    lines = []
    for title, column in (("own time (tottime)", 2), ("including callees (cumtime)", 3)):
        lines.append(f"\ntop {top} by {title}, % of {total:.1f} s")
        ranked = sorted(entries.items(), key=lambda item: item[1][column], reverse=True)
        for key, value in ranked[:top]:
            lines.append(f"{100 * value[column] / total:6.1f}%  {value[1]:>9} calls  {_where(key)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate a dump, profile ``newsdump.parse`` on it and print the hot spots."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hotspots", description=__doc__)
    parser.add_argument("--mb", type=float, default=5, help="dump size in MB (default 5)")
    parser.add_argument("--top", type=int, default=25, help="rows per ranking")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsdump-hotspots-") as directory:
        path = Path(directory) / "dump.txt"
        write_dump(path, int(args.mb * 1_000_000), variant_pool())
        text = path.read_text(encoding="utf-8")
    profiler = cProfile.Profile()
    profiler.enable()
    newsdump.parse(text)
    profiler.disable()
    print(report(pstats.Stats(profiler), args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
