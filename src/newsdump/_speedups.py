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

_UNSET = object()
_NUMPY: Any = _UNSET


def numpy_or_none() -> Any:
    """The ``numpy`` module when the NumPy backend is on, else ``None``.

    NumPy is imported on first use (when a model is loaded), not with newsdump.
    """
    global _NUMPY  # noqa: PLW0603 - one lazily imported module
    if _NUMPY is _UNSET:
        _NUMPY = None
        if os.environ.get("NEWSDUMP_PURE_PYTHON", "") in ("", "0"):
            try:
                import numpy  # noqa: PLC0415 - optional dependency
            except ImportError:  # pragma: no cover - depends on the environment
                pass
            else:
                _NUMPY = numpy
    return _NUMPY
