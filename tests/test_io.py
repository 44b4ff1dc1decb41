"""read_text(), parse_file() and the incremental decoder behind them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import newsdump
from newsdump._io import (
    BinaryInputError,
    DecodeError,
    InputError,
    decode_chunks,
    iter_text,
    parse_file,
    read_text,
)

LATIN1 = "Café crème in Zürich\nSecond line\n".encode("latin-1")


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


class TestReadText:
    def test_reads_utf8_exactly(self, tmp_path: Path) -> None:
        """Text comes back unchanged: no newline translation, no stripping."""
        text = "Title\r\nBy Jane Doe\rBody — “quoted”\n\n  indented  \n"
        path = tmp_path / "dump.txt"
        path.write_bytes(text.encode("utf-8"))
        assert read_text(path) == text

    def test_keeps_the_bom(self, tmp_path: Path) -> None:
        """A UTF-8 byte order mark is kept as U+FEFF, so the text stays lossless."""
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbfTitle\n")
        assert read_text(path) == "\ufeffTitle\n"

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file is the empty string, not an error."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        assert read_text(path) == ""

    def test_latin1_names_the_byte_offset(self, tmp_path: Path) -> None:
        """Undecodable input raises DecodeError naming the file and the first bad byte."""
        path = tmp_path / "latin1.txt"
        path.write_bytes(LATIN1)
        with pytest.raises(DecodeError) as info:
            read_text(path)
        assert info.value.offset == 3
        assert info.value.path == str(path)
        assert str(info.value).startswith(f"{path}: ")
        assert "byte 3" in str(info.value)
        assert "0xe9" in str(info.value)
        assert "\n" not in str(info.value)

    def test_other_encodings_and_handlers(self, tmp_path: Path) -> None:
        """The encoding and the error handler are the caller's to choose."""
        path = tmp_path / "latin1.txt"
        path.write_bytes(LATIN1)
        assert read_text(path, encoding="latin-1").startswith("Café crème")
        assert read_text(path, errors="replace").startswith("Caf\ufffd cr\ufffdme")
        escaped = read_text(path, errors="surrogateescape")
        assert escaped.startswith("Caf\udce9")
        assert escaped.encode("utf-8", "surrogateescape") == LATIN1

    def test_truncated_character_at_end(self, tmp_path: Path) -> None:
        """A multi-byte character cut off by the end of the file is reported at its start."""
        path = tmp_path / "cut.txt"
        path.write_bytes(b"abc\xe2\x82")
        with pytest.raises(DecodeError) as info:
            read_text(path)
        assert info.value.offset == 3
        assert "truncated" in str(info.value)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is an InputError saying so, not a FileNotFoundError."""
        path = tmp_path / "nope.txt"
        with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
            read_text(path)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is refused with a clear message."""
        with pytest.raises(InputError, match=r"is a directory$"):
            read_text(tmp_path)

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file"
    )
    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file without read permission is an InputError."""
        path = tmp_path / "secret.txt"
        path.write_text("x")
        path.chmod(0)
        with pytest.raises(InputError, match=r"permission denied"):
            read_text(path)

    def test_unknown_encoding(self, tmp_path: Path) -> None:
        """An unknown encoding name is a LookupError, as with str.decode."""
        path = tmp_path / "a.txt"
        path.write_text("x")
        with pytest.raises(LookupError):
            read_text(path, encoding="no-such-codec")


class TestBinary:
    @pytest.mark.parametrize(
        ("head", "what"),
        [
            (b"%PDF-1.7\n", "PDF"),
            (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
            (b"\x1f\x8b\x08\x00", "gzip"),
            (b"PK\x03\x04", "ZIP"),
            (b"\x7fELF\x02\x01", "ELF"),
        ],
    )
    def test_known_signatures(self, tmp_path: Path, head: bytes, what: str) -> None:
        """Files with a known binary signature are refused, naming the format."""
        path = tmp_path / "file.txt"
        path.write_bytes(head + b"some text after it\n" * 10)
        with pytest.raises(BinaryInputError, match=what):
            read_text(path)

    def test_nul_bytes(self, tmp_path: Path) -> None:
        """Many NUL bytes at the start mean binary data."""
        path = tmp_path / "data.bin"
        path.write_bytes(b"abc\x00\x00\x00\x01\x02" * 100)
        with pytest.raises(BinaryInputError, match="NUL"):
            read_text(path)

    def test_a_stray_nul_is_text(self, tmp_path: Path) -> None:
        """One NUL byte in a page of text does not make it binary."""
        text = "A line of ordinary news text.\n" * 50 + "\x00\n"
        path = tmp_path / "dump.txt"
        path.write_bytes(text.encode())
        assert read_text(path) == text

    def test_utf16_is_named(self, tmp_path: Path) -> None:
        """UTF-16 read as UTF-8 is refused with the encoding to use; read as UTF-16 it works."""
        path = tmp_path / "wide.txt"
        path.write_bytes("Title\nBody\n".encode("utf-16"))
        with pytest.raises(BinaryInputError, match="UTF-16"):
            read_text(path)
        assert read_text(path, encoding="utf-16") == "Title\nBody\n"


class TestDecodeChunks:
    @given(
        st.binary(max_size=200),
        st.integers(min_value=1, max_value=9),
    )
    def test_agrees_with_bytes_decode(self, data: bytes, size: int) -> None:
        """Chunked decoding gives bytes.decode's text, or its error at the same offset."""
        assume(b"\x00" not in data)
        try:
            expected: str | int = data.decode("utf-8")
        except UnicodeDecodeError as error:
            expected = error.start
        try:
            got: str | int = "".join(decode_chunks(iter(_chunks(data, size)), name="x"))
        except BinaryInputError:
            assume(False)
            raise
        except DecodeError as error:
            got = error.offset
        assert got == expected

    def test_iter_text_offset_across_chunks(self, tmp_path: Path) -> None:
        """The offset counts from the file start, a character split across chunks included."""
        data = b"a" + "é".encode() * 50 + b"\xff" + b"tail"
        path = tmp_path / "a.txt"
        path.write_bytes(data)
        with pytest.raises(DecodeError) as info:
            list(iter_text(path, chunk_size=5))
        assert info.value.offset == 101


class TestParseFile:
    def test_equals_parse(self, seed_texts: dict[str, str]) -> None:
        """parse_file(path) is parse(read_text(path))."""
        path = Path(__file__).resolve().parent.parent / "seeds" / sorted(seed_texts)[0]
        assert parse_file(path) == newsdump.parse(seed_texts[path.name])

    def test_passes_encoding(self, tmp_path: Path) -> None:
        """parse_file decodes with the given encoding."""
        path = tmp_path / "latin1.txt"
        path.write_bytes(LATIN1)
        assert parse_file(path, encoding="latin-1").text == LATIN1.decode("latin-1")
        with pytest.raises(DecodeError):
            parse_file(path)
