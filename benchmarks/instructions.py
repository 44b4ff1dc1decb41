"""Instructions ``parse`` executes, in this checkout and in a git revision, in one run.

``python -m benchmarks.instructions [--base REV] [--kb 300] [--pure]`` checks ``REV``
(default ``HEAD``) out into a temporary git worktree, writes a generated dump
(:mod:`benchmarks.generate`) and, for each tree, counts with valgrind's callgrind the
instructions of a process that imports newsdump and parses a warm-up dump, with and
without parsing the measured dump after it; the difference is the cost of that parse.
It prints both counts, instructions per byte and their ratio.

Instruction counts do not depend on what else the machine is doing (the same count
twice, whatever the load), so a change of a few per cent shows where wall-clock timings
on a shared virtual machine vary by more than that. They are not seconds: memory
stalls and branch misses are not counted. Needs valgrind on the PATH.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.corpora import ROOT
from benchmarks.generate import variant_pool, write_dump

_CHILD = """
import sys
from pathlib import Path
import newsdump
if not Path(newsdump.__file__).resolve().is_relative_to(Path(sys.argv[4]).resolve()):
    sys.exit(f"newsdump was imported from {newsdump.__file__}, not from {sys.argv[4]}")
newsdump.parse(Path(sys.argv[1]).read_text(encoding="utf-8"))
if sys.argv[3] == "1":
    newsdump.parse(Path(sys.argv[2]).read_text(encoding="utf-8"))
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(src: Path, warm_up: Path, dump: Path, *, measured: bool, pure: bool) -> int:
    """Instructions of one child process with ``src`` first on its path."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0",
           "NEWSDUMP_PURE_PYTHON": "1" if pure else "0"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", _CHILD, str(warm_up), str(dump), "1" if measured else "0", str(src)],
        env=env, capture_output=True, text=True, check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        msg = f"callgrind run failed ({done.returncode}): {done.stderr.strip()[-300:]}"
        raise RuntimeError(msg)
    return int(found.group(1))


def parse_cost(src: Path, warm_up: Path, dump: Path, *, pure: bool) -> int:
    """Instructions of parsing ``dump`` once newsdump is imported and warmed up."""
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(count, src, warm_up, dump, measured=m, pure=pure)
                for m in (False, True)]
        without, with_ = (run.result() for run in runs)
    return with_ - without


def main(argv: Sequence[str] | None = None) -> int:
    """Count both trees' instructions and print them with their ratio."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="HEAD", help="git revision to compare (HEAD)")
    parser.add_argument("--kb", type=int, default=300, help="measured dump size (300 kB)")
    parser.add_argument("--pure", action="store_true", help="NEWSDUMP_PURE_PYTHON=1")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("benchmarks.instructions: valgrind is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsdump-instructions-") as folder:
        base = Path(folder) / "base"
        added = subprocess.run(["git", "worktree", "add", "--detach", str(base), args.base],
                               cwd=ROOT, capture_output=True, text=True, check=False)
        if added.returncode != 0:
            print(f"benchmarks.instructions: {added.stderr.strip()}", file=sys.stderr)
            return 2
        try:
            pool = variant_pool()
            warm_up, dump = Path(folder) / "warm-up.txt", Path(folder) / "dump.txt"
            write_dump(warm_up, 100_000, pool, seed=3)
            size = write_dump(dump, args.kb * 1000, pool)
            costs: dict[str, int] = {}
            for name, src in (("base", base / "src"), ("this checkout", ROOT / "src")):
                try:
                    costs[name] = parse_cost(src, warm_up, dump, pure=args.pure)
                except RuntimeError as error:
                    print(f"benchmarks.instructions: {error}", file=sys.stderr)
                    return 1
                print(f"{name:<14} {costs[name]:>16,} instructions  "
                      f"{costs[name] / size:>9,.0f} per byte", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT,
                           capture_output=True, check=False)
    ratio = costs["this checkout"] / costs["base"]
    print(f"parse of {size:,} bytes: this checkout executes {ratio:.3f}x the instructions "
          f"of {args.base}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
