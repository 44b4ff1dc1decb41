"""The optional NumPy backend (``pip install "newsdump[speedups]"``).

With NumPy importable, the model's scores (:meth:`newsdump.LineModel.emissions`) and the
Viterbi steps (:mod:`newsdump._decode`) run as array operations. Both backends add the
same integer scores and take the same maxima, so the output is identical; set the
environment variable ``NEWSDUMP_PURE_PYTHON=1`` to use the pure-Python code anyway.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["numpy_or_none"]


def _load() -> Any:
    if os.environ.get("NEWSDUMP_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        import numpy  # noqa: PLC0415 - optional dependency
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return numpy


_NUMPY = _load()


def numpy_or_none() -> Any:
    """The ``numpy`` module when the NumPy backend is on, else ``None``."""
    return _NUMPY
