"""A progress line on standard error for long ``newsdump parse`` runs.

The line shows bytes read (of the total, when the inputs are files) and articles
written, with their rates. It is drawn by tqdm, an optional dependency (the
``progress`` extra: ``pip install "newsdump[progress]"``); without tqdm, or when
standard error is not a terminal, or under ``--quiet``, there is no progress line and
no message about it. Messages printed through :meth:`Progress.write` do not tear the
line.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import IO, Any

__all__ = ["DELAY", "INTERVAL", "Progress", "progress"]

DELAY = 1.0
"""Seconds before the line first appears: runs shorter than that stay silent."""
INTERVAL = 0.2
"""The least number of seconds between two redraws of the line."""


class Progress:
    """No progress line: counts nothing, prints messages as they come."""

    def advance(self, nbytes: int = 0, articles: int = 0) -> None:
        """Count ``nbytes`` more bytes read and ``articles`` more articles written."""

    def write(self, message: str) -> None:
        """Print ``message`` (one line) on standard error."""
        print(message, file=sys.stderr)

    def close(self) -> None:
        """Remove the progress line."""


class _TqdmProgress(Progress):
    """The progress line, drawn by a ``tqdm`` bar counting bytes."""

    def __init__(self, tqdm: Any, total: int | None, stream: IO[str]) -> None:
        self._tqdm = tqdm
        self._stream = stream
        self._articles = 0
        self._start = time.monotonic()
        self._bar = tqdm.tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1000,
            file=stream,
            delay=DELAY,
            mininterval=INTERVAL,
            leave=False,
            dynamic_ncols=True,
            desc="newsdump",
        )

    def advance(self, nbytes: int = 0, articles: int = 0) -> None:
        self._articles += articles
        if not nbytes and not articles:
            return
        elapsed = max(time.monotonic() - self._start, 1e-9)
        self._bar.set_postfix_str(
            f"{self._articles:,} articles, {self._articles / elapsed:,.0f} articles/s",
            refresh=False,
        )
        self._bar.update(nbytes)

    def write(self, message: str) -> None:
        self._tqdm.tqdm.write(message, file=self._stream)

    def close(self) -> None:
        self._bar.close()


def _tqdm() -> Any:
    try:
        return importlib.import_module("tqdm")
    except ImportError:
        return None


def progress(total: int | None, *, quiet: bool = False, stream: IO[str] | None = None) -> Progress:
    """A progress line for ``total`` bytes (``None``: unknown) on ``stream`` (stderr).

    A do-nothing :class:`Progress` under ``quiet``, when ``stream`` is not a terminal,
    or when tqdm is not installed.
    """
    stream = sys.stderr if stream is None else stream
    if quiet:
        return Progress()
    isatty = getattr(stream, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:  # a closed stream
        tty = False
    if not tty:
        return Progress()
    tqdm = _tqdm()
    if tqdm is None:
        return Progress()
    return _TqdmProgress(tqdm, total, stream)
