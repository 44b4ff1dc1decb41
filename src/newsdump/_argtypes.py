"""Argument types the command lines share (``newsdump parse``, ``newsdump train``)."""

from __future__ import annotations

import argparse
import os

__all__ = ["at_least_one", "jobs"]


def jobs(text: str) -> int:
    """A number of processes: 1, 2, ... or 0 for one per CPU."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        msg = f"not a number of processes: {text!r} (give 1, 2, ... or 0 for one per CPU)"
        raise argparse.ArgumentTypeError(msg)
    return value or os.cpu_count() or 1


def at_least_one(text: str) -> int:
    """A whole number from 1 up."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"not a whole number from 1 up: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value
