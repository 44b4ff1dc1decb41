"""Fingerprint what ``parse`` returns on every annotated dump, to prove a change is inert.

Speed work must leave the output identical: every line's role, reason, confidence and
span, every article's fields. ``record`` parses each dump and stores one SHA-256 per
file of the repr of its lines and articles; ``check`` parses them again and lists the
files whose output changed, with the first line that differs. Run from the repository
root, before and after a change::

    python scripts/fingerprint.py record /tmp/before.json
    python scripts/fingerprint.py check /tmp/before.json      # exit 1 if anything changed

``--sets`` picks the dump folders (default: the seeds, the own corpus, the dev set and
the shared corpus); ``--every N`` takes every N-th file of each set for a quick check;
``--jobs`` parses in that many processes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import newsdump

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": ROOT / "seeds",
    "own": ROOT / "tests" / "corpus" / "own" / "dumps",
    "devset": ROOT.parent / "shared" / "devset" / "dumps",
    "corpus": ROOT.parent / "shared" / "corpus" / "dumps",
}


def rows(path: Path) -> list[str]:
    """One text row per line and per article of ``parse(path)``: everything it returns."""
    dump = newsdump.parse_file(path)
    out = [repr(line) for line in dump.lines]
    out.extend(repr(article) for article in dump.articles)
    return out


def digest(path: Path) -> tuple[str, str]:
    """The file's name in its set and the SHA-256 of its rows."""
    return name(path), hashlib.sha256("\n".join(rows(path)).encode("utf-8")).hexdigest()


def name(path: Path) -> str:
    """``set/file.txt``: the same in every checkout, so a worktree's record compares."""
    for set_name, folder in SETS.items():
        if path.is_relative_to(folder):
            return f"{set_name}/{path.relative_to(folder)}"
    return str(path)


def files(sets: Sequence[str], every: int) -> list[Path]:
    """The ``.txt`` dumps of each set, every ``every``-th one."""
    out: list[Path] = []
    for name in sets:
        out.extend(sorted(SETS[name].glob("*.txt"))[::every])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Record or check the fingerprints; exit 1 when a check finds a difference."""
    parser = argparse.ArgumentParser(prog="python scripts/fingerprint.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("store", type=Path, help="the JSON file of fingerprints")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated dump sets")
    parser.add_argument("--every", type=int, default=1, help="take every N-th file")
    parser.add_argument("--jobs", type=int, default=2, help="processes")
    args = parser.parse_args(argv)
    paths = files([s for s in args.sets.split(",") if s], args.every)
    with ProcessPoolExecutor(args.jobs) as pool:
        found = dict(pool.map(digest, paths, chunksize=4))
    if args.action == "record":
        args.store.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(found)} dumps in {args.store}")
        return 0
    stored = json.loads(args.store.read_text(encoding="utf-8"))
    changed = [p for p, h in found.items() if stored.get(p) != h]
    missing = [p for p in found if p not in stored]
    print(f"checked {len(found)} dumps: {len(changed)} changed ({len(missing)} not recorded)")
    for path in changed[:20]:
        if path in missing:
            continue
        print(f"  {path}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
