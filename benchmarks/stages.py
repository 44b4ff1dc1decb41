"""CPU time of each stage of ``parse`` on a generated dump, per MB and as a share.

``python -m benchmarks.stages [--mb 5]`` runs the pipeline of :mod:`newsdump._parse`
stage by stage on one dump (:mod:`benchmarks.generate`), after a warm-up parse that
compiles the patterns and loads the model, and prints each stage's CPU seconds, seconds
per MB and share of the total, with and without the NumPy backend. It shows which stage
dominates; :mod:`benchmarks.speed` measures whole runs beside the floor.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpora import ROOT
from benchmarks.generate import variant_pool, write_dump

MB = 1_000_000


def stages(path: Path) -> list[tuple[str, float]]:
    """CPU seconds of each stage of ``parse`` on the text of ``path``."""
    import newsdump  # noqa: PLC0415
    from newsdump._cues import line_cues  # noqa: PLC0415
    from newsdump._features import line_features  # noqa: PLC0415
    from newsdump._featurize import line_attributes  # noqa: PLC0415
    from newsdump._linemodel import default_model  # noqa: PLC0415
    from newsdump._lines import split_lines  # noqa: PLC0415
    from newsdump._parse import label  # noqa: PLC0415
    from newsdump._related import mark_blocks  # noqa: PLC0415
    from newsdump._rules import Rules  # noqa: PLC0415
    from newsdump._segment import cascade_labels  # noqa: PLC0415

    text = path.read_text(encoding="utf-8")
    newsdump.parse(text[:50_000])
    rules, model = Rules(), default_model()
    clock = time.process_time
    out: list[tuple[str, float]] = []
    started = clock()
    lines = split_lines(text)
    out.append(("split_lines", clock() - started))
    started = clock()
    features = [line_features(line.number - 1, line.text) for line in lines if not line.is_blank]
    out.append(("line_features", clock() - started))
    started = clock()
    cues = line_cues(features, rules, None)
    mark_blocks(cues)
    out.append(("line_cues + mark_blocks", clock() - started))
    started = clock()
    cascade = cascade_labels(cues, rules)
    out.append(("cascade_labels (0.1 rules)", clock() - started))
    started = clock()
    attributes = line_attributes(lines, cues, cascade)
    out.append(("line_attributes", clock() - started))
    started = clock()
    model.scoring.scores(attributes)
    out.append(("  scores (inside label)", clock() - started))
    started = clock()
    label(text, lines, cues, attributes, 0, rules=rules, model=model, now=None)
    out.append(("label: scores, decode, articles", clock() - started))
    return out


def _child(path: str) -> int:
    for name, seconds in stages(Path(path)):
        print(f"{name}\t{seconds}")
    return 0


def _run(path: Path, pure: bool) -> list[tuple[str, float]]:
    env = {**os.environ, "NEWSDUMP_PURE_PYTHON": "1" if pure else "0"}
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.stages", "--child", str(path)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout
    return [(n, float(s)) for n, s in (line.split("\t") for line in out.splitlines())]


def main(argv: Sequence[str] | None = None) -> int:
    """Write a dump, time the stages in a fresh process per backend, print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__)
    parser.add_argument("--mb", type=float, default=5, help="dump size in MB (default 5)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)
    with tempfile.TemporaryDirectory(prefix="newsdump-stages-") as folder:
        path = Path(folder) / "dump.txt"
        size = write_dump(path, int(args.mb * MB), variant_pool())
        for pure in (False, True):
            rows = _run(path, pure)
            total = sum(s for n, s in rows if not n.startswith(" "))
            backend = "pure Python" if pure else "NumPy backend (if installed)"
            print(f"\n{size / MB:.1f} MB, {backend}: {total:.2f} CPU s, "
                  f"{size / MB / total:.2f} MB per CPU second")
            print(f"{'stage':<34} {'CPU s':>7} {'s/MB':>7} {'share':>6}")
            for name, seconds in rows:
                print(f"{name:<34} {seconds:>7.2f} {seconds / (size / MB):>7.3f} "
                      f"{100 * seconds / total:>5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
