"""Build large dumps quickly: shuffled variants of the seed and own-corpus articles.

A pool of article variants is made once (digits rotated, a few words swapped in long
lines, blank lines between paragraphs kept or dropped), then articles are drawn from it
at random and written until the file reaches its size. 500 MB take a few seconds.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.corpora import annotated, article_blocks

_DIGITS = "0123456789"
POOL_SIZE = 3000


def _variant(block: list[str], rng: random.Random) -> str:
    shift = rng.randrange(10)
    table = str.maketrans(_DIGITS, _DIGITS[shift:] + _DIGITS[:shift])
    dense = rng.random() < 0.5
    lines = []
    for line in block:
        if dense and not line.strip():
            continue
        words = line.translate(table).split(" ")
        if len(words) > 12:
            i, j = rng.randrange(1, len(words)), rng.randrange(1, len(words))
            words[i], words[j] = words[j], words[i]
        lines.append(" ".join(words))
    return "\n".join(lines) + ("\n" if dense else "\n\n")


def variant_pool(seed: int = 5, size: int = POOL_SIZE) -> list[bytes]:
    """``size`` encoded article variants of the seed and own-corpus gold articles."""
    rng = random.Random(seed)
    blocks = article_blocks(annotated(devset=None))
    if not blocks:
        msg = "no annotated article found in seeds/ or tests/corpus/own/"
        raise RuntimeError(msg)
    return [_variant(rng.choice(blocks), rng).encode("utf-8") for _ in range(size)]


def write_dump(path: Path, size_bytes: int, pool: list[bytes], seed: int = 7) -> int:
    """Write a dump of about ``size_bytes`` (whole articles) to ``path``; return its size."""
    rng = random.Random(seed)
    mean = sum(map(len, pool)) / len(pool)
    written = 0
    with path.open("wb") as out:
        while written < size_bytes:
            batch = rng.choices(pool, k=min(256, 1 + int((size_bytes - written) / mean)))
            data = b"".join(batch)
            out.write(data)
            written += len(data)
    return written
