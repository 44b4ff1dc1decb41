"""Throughput of newsdump.dask.read_dumps with 1 and 2 workers beside a single parse_file.

Builds one dump of about ``--mb`` megabytes from the seeds and the own corpus (joined
by blank lines, repeated), then times, on the same file:

* ``parse_file`` in this process;
* ``read_dumps(path, blocksize=...)`` on a ``LocalCluster`` of 1 and of 2 worker
  processes (one thread each), cluster start-up not counted;

and checks that the Dask records equal ``parse_file``'s. Run from the repository root::

    python scripts/dask_speed.py --mb 8 --blocksize 1048576
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster

import newsdump
from newsdump.dask import read_dumps

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, megabytes: float) -> Path:
    """One dump of about ``megabytes`` MB made of the seeds and own dumps, repeated."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "corpus" / "own" / "dumps").glob("*.txt")
    )
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n\n"
    repeat = max(1, round(megabytes * 1e6 / len(unit.encode("utf-8"))))
    path = folder / "dump.txt"
    path.write_text(unit * repeat, encoding="utf-8")
    return path


def main() -> None:
    """Print one line per configuration: seconds, MB/s and articles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=8.0, help="input size in MB (default 8)")
    parser.add_argument(
        "--blocksize", type=int, default=1 << 20, help="bytes per block (default 1 MiB)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder), args.mb)
        size = path.stat().st_size / 1e6
        print(f"input: {size:.2f} MB, blocksize {args.blocksize} bytes")
        start = time.perf_counter()
        dump = newsdump.parse_file(path)
        elapsed = time.perf_counter() - start
        want = [
            newsdump.article_record(a, source=str(path), index=i)
            for i, a in enumerate(dump.articles)
        ]
        print(f"parse_file, 1 process:   {elapsed:6.2f} s  {size / elapsed:5.2f} MB/s")
        for workers in (1, 2):
            with (
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                ) as cluster,
                Client(cluster) as client,  # type: ignore[no-untyped-call]
            ):
                bag = read_dumps(str(path), blocksize=args.blocksize)
                start = time.perf_counter()
                got = client.compute(bag).result()
                elapsed = time.perf_counter() - start
            assert got == want, "dask records differ from parse_file's"
            print(
                f"read_dumps, {workers} worker(s): {elapsed:6.2f} s  {size / elapsed:5.2f} MB/s"
                f"  ({bag.npartitions} blocks, {len(got)} articles, equal to parse_file)"
            )


if __name__ == "__main__":
    main()
