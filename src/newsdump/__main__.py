"""``python -m newsdump`` and the ``newsdump`` console script."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from newsdump._cli import run

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsdump`` command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 1 when some inputs failed, 2 on a usage error.
    """
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
