"""Atheris fuzz target for :func:`newsdump.parse` (issue 6).

Bytes from the fuzzer are decoded as UTF-8 with ``surrogateescape`` (so every byte
string is some text, undecodable bytes becoming lone surrogates) and parsed; the
lossless contract is checked on every result:

* ``parse`` returns (any exception is a finding);
* the lines tile the text: contiguous spans from 0 to ``len(text)``, each span's text is
  the line's text plus its ending;
* a line's role is ``None`` exactly when it is blank;
* articles are in order, inside the dump, disjoint, and hold exactly their lines;
* parsing again gives an equal result.

Run (see docs/robustness.md)::

    pip install -e '.[fuzz]'
    python fuzz/fuzz_parse.py -max_len=4096 -timeout=10 -runs=100000 fuzz/corpus

Slow inputs are findings too: ``-timeout`` makes libFuzzer report any input that takes
longer. Without atheris installed, ``python fuzz/fuzz_parse.py --plain N`` runs N random
mutations of the seed dumps through the same checks.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import newsdump

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def check(text: str) -> None:
    """Parse ``text`` and assert the lossless contract."""
    dump = newsdump.parse(text)
    if dump.text != text:
        raise AssertionError("Dump.text differs from the input")
    pos = 0
    for number, line in enumerate(dump.lines, start=1):
        if line.number != number or line.span.start != pos:
            raise AssertionError(f"line {number}: numbering or span start broken")
        if text[line.span.start : line.span.end] != line.text + line.ending:
            raise AssertionError(f"line {number}: span does not hold text + ending")
        if (line.role is None) != line.is_blank:
            raise AssertionError(f"line {number}: role {line.role} on blank={line.is_blank}")
        pos = line.span.end
    if pos != len(text):
        raise AssertionError("lines do not reach the end of the text")
    last = 0
    for index, article in enumerate(dump.articles):
        if article.index != index or not last < article.first_line <= article.last_line:
            raise AssertionError(f"article {index}: out of order or overlapping")
        if article.last_line > len(dump.lines):
            raise AssertionError(f"article {index}: beyond the last line")
        if article.lines != dump.lines[article.first_line - 1 : article.last_line]:
            raise AssertionError(f"article {index}: lines differ from the dump's")
        last = article.last_line
    if newsdump.parse(text) != dump:
        raise AssertionError("parse is not deterministic")


def test_one_input(data: bytes) -> None:
    """The atheris entry point."""
    check(data.decode("utf-8", "surrogateescape"))


def _plain(runs: int, seed: int = 0) -> None:
    """Random byte-level mutations of the seeds, without coverage guidance."""
    rng = random.Random(seed)
    corpus = [p.read_bytes() for p in SEEDS] or [b""]
    for n in range(runs):
        data = bytearray(rng.choice(corpus))
        start = rng.randrange(len(data) + 1)
        data = data[start : start + rng.randrange(1, 4096)]
        for _ in range(rng.randrange(1, 20)):
            pos = rng.randrange(len(data) + 1)
            op = rng.randrange(4)
            if op == 0:
                data[pos:pos] = rng.randbytes(rng.randrange(1, 8))
            elif op == 1:
                del data[pos : pos + rng.randrange(1, 16)]
            elif op == 2:
                data[pos:pos] = rng.choice([b"\n", b"\r", b"\r\n", b"By ", b"(", b"\xe2\x80\x94"])
            else:
                data[pos:pos] = data[pos : pos + rng.randrange(1, 64)] * rng.randrange(1, 50)
        test_one_input(bytes(data))
        if n % 1000 == 0:
            print(f"#{n} ok", flush=True)
    print(f"{runs} inputs, no finding")


def main() -> None:
    """Run atheris on ``sys.argv`` (libFuzzer flags), or ``--plain N`` without it."""
    if len(sys.argv) >= 2 and sys.argv[1] == "--plain":
        _plain(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
        return
    import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 - optional, this mode only

    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
