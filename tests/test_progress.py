"""The progress line of `newsdump parse`: on a terminal with tqdm, else nothing."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsdump import _progress
from newsdump.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(path) for path in (ROOT / "seeds").glob("*.txt"))


def _tty_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard error (as captured) claims to be a terminal; the line shows at once.

    Called in the test body: pytest swaps in the captured stderr only for the call.
    """
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(_progress, "DELAY", 0)
    monkeypatch.setattr(_progress, "INTERVAL", 0)


def _plain_output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["parse", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


class TestProgressLine:
    def test_silent_without_a_terminal(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Standard error is not a terminal: nothing is written to it."""
        assert not sys.stderr.isatty()
        assert main(["parse", *SEEDS]) == 0
        assert capsys.readouterr().err == ""

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_on_a_terminal(
        self, jobs: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal with tqdm: bytes and articles on stderr, stdout unchanged."""
        pytest.importorskip("tqdm")
        _tty_stderr(monkeypatch)
        assert main(["parse", "-j", jobs, *SEEDS]) == 0
        captured = capsys.readouterr()
        assert "newsdump" in captured.err
        assert "articles/s" in captured.err
        assert "B/s" in captured.err or "B [" in captured.err
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys.stderr, "isatty", lambda: False)
            assert captured.out == _plain_output(capsys, *SEEDS)

    def test_quiet(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--quiet: no progress line even on a terminal."""
        pytest.importorskip("tqdm")
        _tty_stderr(monkeypatch)
        assert main(["parse", "-q", *SEEDS]) == 0
        assert capsys.readouterr().err == ""

    def test_without_tqdm(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without tqdm (its import fails): no progress, no message, same output."""
        _tty_stderr(monkeypatch)
        monkeypatch.setitem(sys.modules, "tqdm", None)
        assert main(["parse", *SEEDS]) == 0
        captured = capsys.readouterr()
        assert captured.err == ""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
        assert captured.out == _plain_output(capsys, *SEEDS)

    def test_errors_still_reported(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A failing input's message is on stderr, on its own line, beside the progress."""
        pytest.importorskip("tqdm")
        _tty_stderr(monkeypatch)
        missing = str(tmp_path / "missing.txt")
        assert main(["parse", SEEDS[0], missing]) == 1
        lines = capsys.readouterr().err.splitlines()
        assert f"newsdump: {missing}: no such file" in lines
        assert "newsdump: 1 of 2 inputs failed" in lines


class TestProgressObject:
    def test_counts_to_the_total(self) -> None:
        """The bar counts bytes to the total and shows the articles in its postfix."""
        pytest.importorskip("tqdm")
        stream = io.StringIO()
        stream.isatty = lambda: True  # type: ignore[method-assign]
        bar = _progress.progress(1000, stream=stream)
        assert type(bar) is not _progress.Progress
        bar.advance(400, 3)
        bar.advance(600, 2)
        bar.write("newsdump: a message")
        bar.close()
        text = stream.getvalue()
        assert "newsdump: a message\n" in text
        assert "5 articles" in text

    def test_none_when_not_a_terminal(self) -> None:
        """A stream that is not a terminal (or is closed) gets the do-nothing progress."""
        assert type(_progress.progress(10, stream=io.StringIO())) is _progress.Progress
        closed = io.StringIO()
        closed.close()
        assert type(_progress.progress(10, stream=closed)) is _progress.Progress
