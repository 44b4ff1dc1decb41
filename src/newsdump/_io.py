"""Read dump files: bytes in, text out, with errors that name the file and the problem.

Files are read as bytes and decoded explicitly, so a UTF-8 byte order mark stays in the
text (``parse`` handles it) and an undecodable byte is reported with its byte offset
instead of being silently replaced. Binary files (NUL bytes, a known file signature)
are refused before decoding.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from newsdump._linemodel import LineModel
from newsdump._model import Dump
from newsdump._parse import parse
from newsdump._rules import Rules

__all__ = [
    "BinaryInputError",
    "DecodeError",
    "InputError",
    "decode_chunks",
    "iter_text",
    "parse_file",
    "read_text",
]

StrPath = str | os.PathLike[str]

CHUNK_SIZE = 1 << 16
"""How many bytes :func:`iter_text` reads at a time."""

_SNIFF_SIZE = 8192
_MAX_NUL_RATIO = 0.01

# File signatures that never start a text file. Formats whose signature is printable
# text in the first bytes (``%PDF-``, ``GIF89a``) are listed too: no news dump opens so.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/ODT/EPUB document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"(\xb5/\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (old Word or Excel)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(ValueError):
    """An input file cannot be read as a news dump.

    ``str(error)`` is one line naming the file and the problem, ready for stderr.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        """The file as the caller named it."""
        self.problem = problem
        """What is wrong, without the file name."""


class BinaryInputError(InputError):
    """The input is a binary file (NUL bytes or a known file signature), not text."""


class DecodeError(InputError):
    """The input holds bytes that are not valid in the requested encoding."""

    def __init__(self, path: str, problem: str, *, offset: int, encoding: str) -> None:
        super().__init__(path, problem)
        self.offset = offset
        """Byte offset (from 0) of the first byte that cannot be decoded."""
        self.encoding = encoding
        """The encoding the file was decoded with."""


def _sniff(path: str, head: bytes, encoding: str) -> None:
    """Refuse ``head`` (the first bytes of a file) if it is binary."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            msg = f"binary file ({what}), not a text dump"
            raise BinaryInputError(path, msg)
    name = codecs.lookup(encoding).name
    if name.startswith(("utf-16", "utf-32")):
        return  # NUL bytes are how these encodings write ASCII text
    for bom, wide in _WIDE_BOMS:
        if head.startswith(bom):
            msg = f"looks like {wide.upper()} text (byte order mark); read it as {wide!r}"
            raise BinaryInputError(path, msg)
    sample = head[:_SNIFF_SIZE]
    if sample and sample.count(0) > _MAX_NUL_RATIO * len(sample):
        msg = "binary file (NUL bytes), not a text dump"
        raise BinaryInputError(path, msg)


def decode_chunks(
    chunks: Iterator[bytes],
    *,
    name: str,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> Iterator[str]:
    """Decode a stream of byte chunks incrementally, refusing binary input.

    ``name`` names the input in errors. The first chunk is checked for a binary
    signature and NUL bytes; undecodable bytes raise :class:`DecodeError` with their
    byte offset from the start of the stream (unless ``errors`` says otherwise).
    Raises :class:`LookupError` for an unknown encoding.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    consumed = 0
    first = True
    for chunk in chunks:
        if first:
            _sniff(name, chunk, encoding)
            first = False
        buffered = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise _decode_error(name, error, consumed - buffered, encoding) from None
        consumed += len(chunk)
        if text:
            yield text
    buffered = len(decoder.getstate()[0])
    try:
        text = decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise _decode_error(name, error, consumed - buffered, encoding) from None
    if text:
        yield text


def _decode_error(name: str, error: UnicodeDecodeError, base: int, encoding: str) -> DecodeError:
    offset = base + error.start
    bad = error.object[error.start : error.start + 1]
    shown = f" 0x{bad[0]:02x}" if bad else ""
    if error.end >= len(error.object) and error.reason.startswith("unexpected end"):
        problem = f"truncated {encoding} character at byte {offset} (end of file)"
    else:
        problem = f"cannot decode byte{shown} at byte {offset} as {encoding}"
    return DecodeError(name, problem, offset=offset, encoding=encoding)


def _read_chunks(stream: BinaryIO, size: int) -> Iterator[bytes]:
    while chunk := stream.read(size):
        yield chunk


def _open(path: StrPath) -> BinaryIO:
    name = os.fsdecode(path)
    try:
        if os.path.isdir(path):
            raise InputError(name, "is a directory")
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot open ({error.strerror or error})") from None


def iter_text(
    path: StrPath,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[str]:
    """Yield the decoded text of the file at ``path`` in chunks, reading as it goes.

    Raises :class:`InputError` (or its subclasses :class:`BinaryInputError` and
    :class:`DecodeError`) when the file is missing, a directory, unreadable, binary or
    not valid in ``encoding``; the file is opened on the first ``next()``.
    """
    name = os.fsdecode(path)
    with _open(path) as stream:
        try:
            yield from decode_chunks(
                _read_chunks(stream, chunk_size), name=name, encoding=encoding, errors=errors
            )
        except OSError as error:
            raise InputError(name, f"read failed ({error.strerror or error})") from None


def read_text(path: StrPath, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    r"""Read and decode the whole file at ``path``.

    A UTF-8 byte order mark is kept as ``"\ufeff"``; line endings are not translated.
    ``errors`` is a codec error handler (``"strict"``, ``"replace"``,
    ``"surrogateescape"``). Raises :class:`InputError` (see :func:`iter_text`) and
    :class:`LookupError` for an unknown encoding.
    """
    return "".join(iter_text(path, encoding=encoding, errors=errors))


def parse_file(
    path: StrPath,
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    now: datetime | None = None,
    rules: Rules | None = None,
    model: LineModel | None = None,
) -> Dump:
    """Read the file at ``path`` (see :func:`read_text`) and :func:`~newsdump.parse` it."""
    text = read_text(path, encoding=encoding, errors=errors)
    return parse(text, now=now, rules=rules, model=model)
