"""newsdump.dask: records on Dask equal parse_file()'s, whatever the blocks and scheduler."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdump
from newsdump import _stream
from newsdump._blocks import block_safe, index_file
from newsdump._records import JSONValue

dask = pytest.importorskip("dask")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from newsdump.dask import (  # noqa: E402 - after the skips
    COLUMNS,
    parquet_schema,
    read_dumps,
    to_dataframe,
)

ROOT = Path(__file__).resolve().parent.parent
PATHS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "own" / "dumps").glob("*.txt")
)
TEXTS = [p.read_text(encoding="utf-8") for p in PATHS]
SCHEDULERS = ["sync", "threads", "processes"]
MAX_BLOCKS = 25  # blocks per example: each one parses about two margins of context

Record = dict[str, JSONValue]


def expected(paths: Sequence[str | Path], **options: Any) -> list[Record]:
    """What read_dumps must give: parse_file()'s articles as records, file by file."""
    return [
        newsdump.article_record(article, source=str(path), index=i)
        for path in paths
        for i, article in enumerate(newsdump.parse_file(path, **options).articles)
    ]


def compute(collection: Any, scheduler: str = "sync") -> Any:
    """Compute a bag or dataframe; Dask's own method has no type annotations."""
    return collection.compute(scheduler=scheduler)


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


class TestImport:
    def test_newsdump_does_not_import_dask(self) -> None:
        """Importing newsdump loads no Dask module."""
        code = "import sys, newsdump; assert 'dask' not in sys.modules, 'dask imported'"
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_missing_extra(self) -> None:
        """Without Dask, importing newsdump.dask names the extra to install."""
        code = (
            "import sys\n"
            "sys.modules['dask'] = None\n"
            "try:\n"
            "    import newsdump.dask\n"
            "except ImportError as error:\n"
            "    print(error)\n"
            "else:\n"
            "    raise SystemExit('no ImportError')\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        assert 'pip install "newsdump[dask]"' in done.stdout


class TestReadDumps:
    def test_one_task_per_file(self) -> None:
        """Without a block size, each file is one partition and the records are parse_file's."""
        bag = read_dumps([str(p) for p in PATHS])
        assert bag.npartitions == len(PATHS)
        assert compute(bag, "sync") == expected(PATHS)

    @pytest.mark.slow
    @pytest.mark.parametrize("scheduler", SCHEDULERS)
    @settings(
        max_examples=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        picks=st.lists(st.sampled_from(range(len(TEXTS))), min_size=1, max_size=3),
        glue=st.sampled_from(["", "\n", "\n\n"]),
        blocksize=st.integers(min_value=200, max_value=20_000),
        crlf=st.booleans(),
    )
    def test_blocks_equal_parse(
        self, scheduler: str, picks: list[int], glue: str, blocksize: int, crlf: bool
    ) -> None:
        """Dumps joined in any order and cut into blocks of any size give parse_file's records.

        Same fields, line numbers, spans and indices, in the same order, on every
        scheduler; with CRLF endings too (a cut never splits "\\r\\n").
        """
        text = glue.join(TEXTS[i] for i in picks)
        if crlf:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        blocksize = max(blocksize, len(data) // MAX_BLOCKS)
        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder), "dump.txt", data)
            bag = read_dumps(path, blocksize=blocksize)
            assert bag.npartitions == -(-len(data) // blocksize)
            assert compute(bag, scheduler) == expected([path])

    def test_many_files_many_blocks(self, tmp_path: Path) -> None:
        """Several files, each in several blocks: files in order, indices per file."""
        paths = [str(p) for p in PATHS[2:5]]
        got = compute(read_dumps(paths, blocksize=1500), "sync")
        assert got == expected(paths)
        assert [r["index"] for r in got if r["source"] == paths[1]] == list(
            range(len(newsdump.parse_file(paths[1]).articles))
        )

    @pytest.mark.slow
    def test_multibyte_cuts(self, tmp_path: Path) -> None:
        """Nominal cuts inside multi-byte UTF-8 characters move to line starts."""
        text = "".join(TEXTS[2:4]).replace("e", "é").replace("a", "€")
        path = write(tmp_path, "utf8.txt", text.encode("utf-8"))
        for blocksize in (301, 1999):
            assert compute(read_dumps(path, blocksize=blocksize), "sync") == (expected([path]))

    def test_lone_cr_and_bom(self, tmp_path: Path) -> None:
        """Lone "\\r" endings and a byte order mark (kept, or dropped by utf-8-sig)."""
        text = "\ufeff" + "".join(TEXTS[2:4]).replace("\n", "\r")
        path = write(tmp_path, "cr.txt", text.encode("utf-8"))
        for encoding in ("utf-8", "utf-8-sig"):
            bag = read_dumps(path, blocksize=4000, encoding=encoding)  # 5 blocks
            assert bag.npartitions > 1
            got = compute(bag, "sync")
            assert got == expected([path], encoding=encoding)

    def test_single_byte_encoding(self, tmp_path: Path) -> None:
        """A cp1252 file is cut into blocks like a UTF-8 one."""
        text = "".join(TEXTS[2:4]).replace("e", "é")
        data = text.encode("cp1252", errors="replace")
        path = write(tmp_path, "cp1252.txt", data)
        bag = read_dumps(path, blocksize=4000, encoding="cp1252")
        assert bag.npartitions > 1
        assert compute(bag, "sync") == expected([path], encoding="cp1252")

    def test_stateful_encoding_one_task(self, tmp_path: Path) -> None:
        """UTF-16 cannot be decoded from a line start: one task per file, same records."""
        assert not block_safe("utf-16")
        assert not block_safe("shift_jis")
        assert block_safe("latin-1")
        path = write(tmp_path, "utf16.txt", TEXTS[2].encode("utf-16"))
        bag = read_dumps(path, blocksize=500, encoding="utf-16")
        assert bag.npartitions == 1
        assert compute(bag, "sync") == expected([path], encoding="utf-16")

    def test_replacement_errors(self, tmp_path: Path) -> None:
        """With errors="replace", bad bytes decode per block as in the whole file."""
        data = "".join(TEXTS[2:4]).encode("utf-8").replace(b"the ", b"th\xe2 \xff")
        path = write(tmp_path, "bad.txt", data)
        bag = read_dumps(path, blocksize=4000, errors="replace")
        assert bag.npartitions > 1
        got = compute(bag, "sync")
        assert got == expected([path], errors="replace")

    def test_decode_error_offset(self, tmp_path: Path) -> None:
        """An undecodable byte raises parse_file's DecodeError, with its file offset."""
        data = "".join(TEXTS[2:4]).encode("utf-8")
        path = write(tmp_path, "bad.txt", data + b"Caf\xe9\n" + data)
        with pytest.raises(newsdump.DecodeError) as whole:
            newsdump.parse_file(path)
        with pytest.raises(newsdump.DecodeError) as blocks:
            compute(read_dumps(path, blocksize=500), "sync")
        assert str(blocks.value) == str(whole.value)
        assert blocks.value.offset == len(data) + 3

    def test_binary_and_missing(self, tmp_path: Path) -> None:
        """Binary files and missing files raise parse_file's InputError when computed."""
        path = write(tmp_path, "doc.pdf", b"%PDF-1.4\n" + b"x" * 5000)
        with pytest.raises(newsdump.BinaryInputError):
            compute(read_dumps(path, blocksize=1000), "sync")
        bag = read_dumps(str(tmp_path / "nope.txt"), blocksize=1000)
        with pytest.raises(newsdump.InputError, match="no such file"):
            compute(bag, "sync")

    def test_glob(self, tmp_path: Path) -> None:
        """A glob pattern expands in sorted order; the record's source is the matched path."""
        for i in (2, 0, 1):
            write(tmp_path, f"d{i}.txt", TEXTS[2 + i].encode("utf-8"))
        got = compute(read_dumps(str(tmp_path / "d*.txt")), "sync")
        assert got == expected([tmp_path / f"d{i}.txt" for i in range(3)])
        with pytest.raises(newsdump.InputError, match="no files match"):
            read_dumps(str(tmp_path / "x*.txt"))

    def test_empty_and_bad_blocksize(self, tmp_path: Path) -> None:
        """An empty file gives no records; a block size below 1 is refused."""
        path = write(tmp_path, "empty.txt", b"")
        assert compute(read_dumps(path, blocksize=100), "sync") == []
        with pytest.raises(ValueError, match="blocksize"):
            read_dumps(path, blocksize=0)

    def test_long_lines(self, tmp_path: Path) -> None:
        """Lines longer than a block leave empty blocks; records are unchanged."""
        text = TEXTS[2].replace("\n\n", "\n" + "word " * 400 + "\n", 3)
        path = write(tmp_path, "long.txt", text.encode("utf-8"))
        cuts = index_file(path, count=40, blocksize=300, encoding="utf-8", errors="strict")
        assert len({c.byte for c in cuts}) < len(cuts)
        assert compute(read_dumps(path, blocksize=1000), "sync") == expected([path])

    @pytest.mark.slow
    def test_never_silently_different(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With margins far too small, blocks agree with parse() or raise, never differ."""
        monkeypatch.setattr(_stream, "MIN_MARGIN", 0)
        tiny = attrs.evolve(newsdump.Rules(), context_lines=2)
        path = write(tmp_path, "all.txt", "".join(TEXTS).encode("utf-8"))
        want = expected([path], rules=tiny)
        for blocksize in (300, 1000, 3000):
            assert self._agree_or_raise(path, blocksize, tiny, want)

    @staticmethod
    def _agree_or_raise(path: str, blocksize: int, rules: newsdump.Rules, want: Any) -> bool:
        try:
            got = compute(read_dumps(path, blocksize=blocksize, rules=rules), "sync")
        except RuntimeError as error:
            return "disagrees with parse()" in str(error)
        return bool(got == want)


class TestToDataFrame:
    def test_columns_and_values(self) -> None:
        """One row per record, the documented dtypes, span split in two."""
        paths = [str(p) for p in PATHS[2:4]]
        frame = compute(to_dataframe(paths, blocksize=2000), "sync")
        want = expected(paths)
        assert list(frame.columns) == list(COLUMNS)
        assert {k: str(v) for k, v in frame.dtypes.items()} == COLUMNS
        assert len(frame) == len(want)
        rows = frame.to_dict("records")
        for row, record in zip(rows, want, strict=True):
            span = record["span"]
            assert isinstance(span, dict)
            assert (row["span_start"], row["span_end"]) == (span["start"], span["end"])
            for name in ("source", "index", "title", "text", "authors", "bylines", "dateline"):
                value = row[name]
                assert (None if value is dask_na() else value) == record[name]

    def test_from_bag(self) -> None:
        """A bag from read_dumps turns into the same frame as the paths."""
        paths = [str(p) for p in PATHS[2:4]]
        by_paths = compute(to_dataframe(paths), "sync")
        by_bag = compute(to_dataframe(read_dumps(paths, blocksize=1000)), "sync")
        assert by_bag.reset_index(drop=True).equals(by_paths.reset_index(drop=True))

    def test_parquet(self, tmp_path: Path) -> None:
        """Written with parquet_schema(), Parquet reads back every record."""
        import pyarrow.parquet as pq  # noqa: PLC0415 - the test's dependency only

        paths = [str(p) for p in PATHS]
        frame: Any = to_dataframe(paths, blocksize=5000)
        frame.to_parquet(tmp_path / "out", schema=parquet_schema(), write_index=False)
        table = pq.read_table(tmp_path / "out")
        assert table.schema.equals(parquet_schema(), check_metadata=False)
        # Part files are read back in name order (part.10 before part.2): sort.
        rows = sorted(table.to_pylist(), key=lambda row: (row["source"], row["index"]))
        want = expected(paths)
        assert len(rows) == len(want)
        for row, original in zip(rows, want, strict=True):
            record = dict(original)
            span = record.pop("span")
            assert isinstance(span, dict)
            record["span_start"], record["span_end"] = span["start"], span["end"]
            assert row == record


def dask_na() -> Any:
    import pandas as pd  # noqa: PLC0415 - skipped without pandas

    return pd.NA


@pytest.mark.slow
@pytest.mark.distributed
class TestDistributed:
    def test_local_cluster(self, tmp_path: Path) -> None:
        """On a two-process LocalCluster, blocks of a joined dump give parse_file's records."""
        distributed = pytest.importorskip("distributed")
        path = write(tmp_path, "all.txt", "\n".join(TEXTS).encode("utf-8"))
        with (
            distributed.LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            got = client.compute(read_dumps(path, blocksize=8000)).result(timeout=120)
        assert got == expected([path])
