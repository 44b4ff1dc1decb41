"""The annotated dumps: seeds, the own corpus and the dev set when it is present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import attrs

from newsdump.scoring import Gold, load_gold

ROOT = Path(__file__).resolve().parents[1]
"""The repository root."""

DEVSET = Path(os.environ.get("NEWSDUMP_DEVSET", "/work/shared/devset"))
"""Where the dev set is read from (never copied into the repository)."""


@attrs.frozen
class Annotated:
    """One dump with its gold annotation."""

    corpus: str
    name: str
    text: str
    gold: Gold


def corpus_dirs(*, devset: Path | None = DEVSET) -> list[tuple[str, Path, Path]]:
    """``(corpus name, dumps dir, gold dir)`` for each corpus that is present."""
    dirs = [
        ("seeds", ROOT / "seeds", ROOT / "tests/corpus/seeds/gold"),
        ("own", ROOT / "tests/corpus/own/dumps", ROOT / "tests/corpus/own/gold"),
    ]
    if devset is not None:
        dirs.append(("devset", devset / "dumps", devset / "gold"))
    return [(name, dumps, gold) for name, dumps, gold in dirs if dumps.is_dir() and gold.is_dir()]


def annotated(*, devset: Path | None = DEVSET) -> Iterator[Annotated]:
    """Every dump that has a gold file, corpus by corpus, in name order."""
    for corpus, dumps, gold_dir in corpus_dirs(devset=devset):
        for dump_path in sorted(dumps.glob("*.txt")):
            gold_path = gold_dir / f"{dump_path.stem}.json"
            if gold_path.is_file():
                text = dump_path.read_bytes().decode("utf-8")
                yield Annotated(corpus, dump_path.name, text, load_gold(gold_path))


def article_blocks(dumps: Iterator[Annotated]) -> list[list[str]]:
    """The lines of every gold article, trailing blank lines dropped."""
    blocks = []
    for dump in dumps:
        lines = dump.text.split("\n")
        for article in dump.gold.articles:
            block = lines[article.start - 1 : article.end]
            while block and not block[-1].strip():
                block.pop()
            if block:
                blocks.append(block)
    return blocks
