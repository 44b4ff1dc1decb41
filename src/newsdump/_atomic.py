"""Files replaced whole: written under a temporary name beside the target, then renamed."""

from __future__ import annotations

import contextlib
import os
import tempfile

__all__ = ["file_mode", "write_bytes"]


def file_mode(target: str) -> int:
    """The permissions of the file replaced, or those a new file gets under the umask."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Put ``data`` at ``path`` whole: ``path`` never holds a part of it.

    Raises :class:`OSError` when the folder cannot be written; the temporary file is
    removed then.
    """
    target = os.path.realpath(path)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(target),
                                prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, file_mode(target))
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
