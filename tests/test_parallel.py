"""`newsdump parse --jobs N`: the bytes of --jobs 1, from several processes."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsdump import _blocks, _parallel
from newsdump.__main__ import main
from newsdump._blocks import Summary

ROOT = Path(__file__).resolve().parent.parent
DUMPS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/corpus/own/dumps").glob("*.txt")])
SMALL_BLOCK = 1 << 15


def _run_main(
    args: Sequence[str], out: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, bytes, str]:
    """Run the command with stdout sent to OUT; return the status, its bytes and stderr.

    Standard output, not -o: -o is left unchanged when an input fails, and these tests
    compare what was written before the failure.
    """
    with (
        out.open("wb") as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream,
        contextlib.redirect_stdout(stream),
    ):
        status = main(["parse", *args])
    return status, out.read_bytes(), capsys.readouterr().err


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds and own dumps concatenated six times (about 660 kB), in a varying order."""
    texts = [path.read_bytes() for path in DUMPS]
    parts = [text for k in range(6) for text in texts[k % len(texts) :] + texts[: k % len(texts)]]
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_bytes(b"\n".join(parts))
    return path


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut files of more than 64 kB into blocks of at least 32 kB: many cuts, fast tests."""
    monkeypatch.setattr(_parallel, "MIN_BLOCK", SMALL_BLOCK)


class TestFiles:
    @pytest.mark.parametrize(
        "format_",
        # Every format renders through the same worker path: one runs by default.
        ["jsonl", pytest.param("json", marks=pytest.mark.slow),
         pytest.param("text", marks=pytest.mark.slow),
         pytest.param("markdown", marks=pytest.mark.slow)],
    )
    def test_dumps_in_order(
        self, format_: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Seeds and own dumps with --jobs 2: the --jobs 1 bytes, files in argument order."""
        files = [str(path) for path in reversed(DUMPS)]
        one = _run_main(["-f", format_, *files], tmp_path / "one", capsys)
        two = _run_main(["-f", format_, "-j", "2", *files], tmp_path / "two", capsys)
        assert one == (0, one[1], "")
        assert two[1] == one[1]
        assert two == one

    def test_include_lines(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--include-lines with --jobs 3 (files only, never blocks): the same bytes."""
        files = [str(path) for path in DUMPS]
        one = _run_main(["--include-lines", *files], tmp_path / "one", capsys)
        three = _run_main(["--include-lines", "-j", "3", *files], tmp_path / "three", capsys)
        assert three == one

    def test_failures_keep_their_place(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Missing, binary and undecodable files: same output, messages and status 1."""
        bad_utf8 = tmp_path / "latin1.txt"
        bad_utf8.write_bytes(DUMPS[0].read_bytes() + "\nCafé crème\n".encode("latin-1"))
        binary = tmp_path / "binary.txt"
        binary.write_bytes(b"%PDF-1.4\n")
        files = [
            str(DUMPS[1]),
            str(tmp_path / "missing.txt"),
            str(bad_utf8),
            str(binary),
            str(DUMPS[2]),
        ]
        one = _run_main(files, tmp_path / "one", capsys)
        two = _run_main(["-j", "2", *files], tmp_path / "two", capsys)
        assert one[0] == 1
        assert two == one
        assert one[2].splitlines() == [
            f"newsdump: {tmp_path / 'missing.txt'}: no such file",
            f"newsdump: {bad_utf8}: cannot decode byte 0xe9 at byte "
            f"{len(DUMPS[0].read_bytes()) + 4} as utf-8; give --encoding, or --errors replace",
            f"newsdump: {binary}: binary file (a PDF document), not a text dump",
            "newsdump: 3 of 5 inputs failed",
        ]

    def test_quiet_failures(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--quiet with --jobs 2: nothing on stderr, status 1, the good files written."""
        files = [str(tmp_path / "missing.txt"), str(DUMPS[0])]
        one = _run_main(["-q", *files], tmp_path / "one", capsys)
        two = _run_main(["-q", "-j", "2", *files], tmp_path / "two", capsys)
        assert two == one == (1, one[1], "")
        assert one[1]

    def test_stdin_among_files(self) -> None:
        """`-` among files is read by the parent in its place, as with --jobs 1."""
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        args = [sys.executable, "-m", "newsdump", "parse", str(DUMPS[0]), "-", str(DUMPS[1])]
        stdin = DUMPS[2].read_bytes()
        one = subprocess.run(args, input=stdin, capture_output=True, env=env, check=True)
        two = subprocess.run(
            [*args, "-j", "2"], input=stdin, capture_output=True, env=env, check=False
        )
        assert two.returncode == 0
        assert two.stdout == one.stdout
        assert b'"source": "<stdin>"' in two.stdout


@pytest.mark.usefixtures("small_blocks")
class TestOneBigFile:
    @pytest.mark.parametrize(("format_", "jobs"), [("jsonl", "2"), ("json", "3"), ("csv", "2")])
    def test_blocks(
        self, big: Path, format_: str, jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One file cut into blocks: the --jobs 1 bytes (records, indexes, spans)."""
        one = _run_main(["-f", format_, str(big)], tmp_path / "one", capsys)
        many = _run_main(["-f", format_, "-j", jobs, str(big)], tmp_path / "many", capsys)
        assert one[0] == 0
        assert many == one

    def test_min_confidence_in_blocks(self) -> None:
        """Block records below --min-confidence are left out but counted (a fallback skips them)."""
        blocks = _parallel._FileBlocks("big.txt", 2)
        blocks.pending = [{"index": i, "confidence": c} for i, c in enumerate((1.0, 0.2, 0.5))]
        options = _parallel.Options(min_confidence=0.5)
        pieces = _parallel._flush(blocks, options)
        assert [json.loads(piece)["index"] for piece in pieces] == [0, 2]
        assert blocks.written == 3

    def test_is_cut(self, big: Path) -> None:
        """The big file is cut into several blocks at these settings (the test above cuts)."""
        size = big.stat().st_size
        assert size > 2 * SMALL_BLOCK
        assert size // _parallel.blocksize_for(size, 2) >= 8

    def test_big_file_among_files(
        self, big: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A big file between small ones: blocks and whole files keep their order."""
        files = [str(DUMPS[0]), str(big), str(DUMPS[3]), str(big)]
        one = _run_main(files, tmp_path / "one", capsys)
        two = _run_main(["-j", "2", *files], tmp_path / "two", capsys)
        assert two == one

    def test_undecodable_big_file(
        self, big: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad byte in a big file: the articles before it, then the error, as --jobs 1."""
        data = big.read_bytes()
        bad = tmp_path / "bad.txt"
        cut = data.index(b"\n", len(data) * 9 // 10) + 1
        bad.write_bytes(data[:cut] + b"\xff" + data[cut:])
        one = _run_main([str(bad)], tmp_path / "one", capsys)
        two = _run_main(["-j", "2", str(bad)], tmp_path / "two", capsys)
        assert one[0] == 1
        assert one[1].count(b"\n") > 100
        assert two == one

    @pytest.mark.parametrize(
        ("encoding", "errors"),
        [("cp1252", "strict"), ("utf-16", "strict"), ("utf-8", "surrogateescape")],
    )
    def test_encodings(
        self,
        big: Path,
        encoding: str,
        errors: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Other encodings and error handlers: the --jobs 1 bytes.

        A single-byte encoding is cut into blocks, UTF-16 is one task per file, and raw
        bytes kept as surrogates cross the process boundary and are written back.
        """
        text = big.read_text(encoding="utf-8")
        data = text.encode(encoding, errors="replace")
        if errors == "surrogateescape":
            lines = data.split(b"\n")
            lines[1::40] = [b"\x80\xff " + line for line in lines[1::40]]
            data = b"\n".join(lines)
        path = tmp_path / "encoded.txt"
        path.write_bytes(data)
        args = ["--encoding", encoding, "--errors", errors, str(path), str(path)]
        one = _run_main(args, tmp_path / "one", capsys)
        two = _run_main(["-j", "2", *args], tmp_path / "two", capsys)
        assert one[0] == 0
        assert two == one

    def test_disagreeing_blocks_fall_back(
        self,
        big: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """When neighbouring blocks disagree, the file is streamed after what is written."""
        real = _blocks.check_blocks

        def check(path: str, summaries: Sequence[Summary]) -> list[int]:
            if len(summaries) == 4:
                msg = "blocks disagree"
                raise RuntimeError(msg)
            return real(path, summaries)

        monkeypatch.setattr(_parallel, "check_blocks", check)
        one = _run_main([str(big), str(DUMPS[0])], tmp_path / "one", capsys)
        two = _run_main(["-j", "2", str(big), str(DUMPS[0])], tmp_path / "two", capsys)
        assert two == one


class TestJobsOption:
    def test_zero_is_cpu_count(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--jobs 0 runs (one process per CPU) and writes the same bytes."""
        one = _run_main([str(DUMPS[0]), str(DUMPS[1])], tmp_path / "one", capsys)
        zero = _run_main(["--jobs", "0", str(DUMPS[0]), str(DUMPS[1])], tmp_path / "zero", capsys)
        assert zero == one

    @pytest.mark.parametrize("value", ["-1", "two", "1.5", ""])
    def test_invalid(self, value: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A negative or non-integer --jobs is a usage error: status 2, one message."""
        assert main(["parse", "--jobs", value, str(DUMPS[0])]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "argument -j/--jobs: not a number of processes" in captured.err

    def test_one_small_file_needs_no_pool(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One file too small to cut is parsed here, without starting processes."""

        def no_pool(*args: object, **kwargs: object) -> None:
            raise AssertionError

        monkeypatch.setattr(_parallel, "ProcessPoolExecutor", no_pool)
        assert main(["parse", "-j", "4", str(DUMPS[0])]) == 0
        assert capsys.readouterr().out

    def test_worker_died(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A worker process that dies (killed, out of memory) is one error line, status 1."""
        from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

        from newsdump import _cli  # noqa: PLC0415

        def broken(*args: object, **kwargs: object) -> None:
            msg = "A process in the process pool was terminated abruptly"
            raise BrokenProcessPool(msg)

        monkeypatch.setattr(_cli, "parallel_events", broken)
        assert main(["parse", "-j", "2", str(DUMPS[0]), str(DUMPS[1])]) == 1
        err = capsys.readouterr().err
        assert err == (
            "newsdump: error: a worker process stopped (A process in the process pool was "
            "terminated abruptly); try fewer --jobs\n"
        )
