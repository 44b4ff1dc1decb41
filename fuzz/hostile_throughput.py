"""Throughput of :func:`newsdump.parse` on each hostile case of issue 6.

Prints MB/s (millions of characters per second) for each case next to a plain regex
scan of the same text, so numbers from different machines can be compared by ratio.

    python fuzz/hostile_throughput.py            # default sizes (about a minute)
    python fuzz/hostile_throughput.py --scale 10 # ten times larger inputs
    python fuzz/hostile_throughput.py --cpu      # CPU seconds, for a shared machine

Each case takes the fastest of five scans and one parse, each after a collection of
the garbage before it.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

import regex

import newsdump

_SCAN = regex.compile(r"\w++|\s++|[^\w\s]")
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
STORY = "Storm hits coast\nBy Jane Doe\nA storm hit the coast on Monday, officials said.\n"


def cases(scale: int) -> dict[str, Callable[[], str]]:
    """Hostile inputs of about ``scale`` MB each (some smaller: they are slow)."""
    mb = 1_000_000 * scale
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    codes = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
    controls = "".join(chr(c) for c in codes if c not in (10, 13))
    bad = b"\xff\xfe".decode("utf-8", "surrogateescape")
    html_row = '<div class="c"><a href="/x/1">Link</a><p>Text &amp; more</p></div>'
    return {
        "seeds (reference)": lambda: seeds * max(1, mb // 4 // len(seeds)),
        "single line of words": lambda: "word " * (mb // 5),
        "one-word lines": lambda: "word\n" * (mb // 20),
        "97 distinct one-word lines": lambda: "".join(f"w{n % 97}\n" for n in range(mb // 20)),
        "repeated line (share prompt)": lambda: "Share this on Facebook\n" * (mb // 460),
        "line of 'By '": lambda: "By " * (mb // 3),
        "line of '('": lambda: "(" * mb,
        "line of '—'": lambda: "—" * mb,
        "line of spaces": lambda: " " * mb,
        "'a-a-a-' lines (URL-like)": lambda: ("a-" * 1000 + "\n") * (mb // 20_000),
        "CRLF / CR / mixed endings": lambda: (
            STORY.replace("\n", "\r\n") + STORY.replace("\n", "\r")
        )
        * (mb // 400),
        "BOM + NUL/C0/C1 controls": lambda: "\ufeff" + (STORY + controls + "\n") * (mb // 500),
        "lone surrogates": lambda: (STORY + bad * 20 + "\n") * (mb // 400),
        "zero-width / bidi": lambda: (STORY.replace(" ", " \u200b\u200f") + "\u202e\u2066x\n")
        * (mb // 400),
        "Chinese": lambda: "暴风雨袭击海岸\n记者 张伟\n周一，一场暴风雨袭击了海岸，官员们说。\n"
        * (mb // 100),
        "Arabic": lambda: "عاصفة تضرب الساحل\nبقلم جين دو\nضربت عاصفة الساحل يوم الاثنين.\n"
        * (mb // 200),
        "Cyrillic": lambda: "Шторм обрушился\nАвтор: Иван Петров\nВ понедельник шторм обрушился.\n"
        * (mb // 200),
        "HTML source, one line a tag": lambda: (html_row.replace("><", ">\n<") + "\n")
        * (mb // 400),
        "HTML source, minified line": lambda: html_row * (mb // 4 // len(html_row)),
    }


_CLOCK: Callable[[], float] = time.perf_counter


def _timed(func: Callable[[str], object], text: str) -> float:
    gc.collect()  # no collection of the previous run's garbage inside this one
    start = _CLOCK()
    func(text)
    return _CLOCK() - start


def main() -> None:
    """Time each case and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="input size in MB (default 1)")
    parser.add_argument("--only", help="run only cases whose name contains this")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time CPU seconds of this process, not wall-clock (steadier on a busy machine)",
    )
    args = parser.parse_args()
    global _CLOCK  # noqa: PLW0603 - one switch for the whole run
    if args.cpu:
        _CLOCK = time.process_time
    newsdump.parse(STORY)  # load the model and compile the tables before any timing
    print("| case | chars | parse s | parse MB/s | scan MB/s | parse/scan |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, make in cases(args.scale).items():
        if args.only and args.only not in name:
            continue
        text = make()
        scan = min(_timed(_SCAN.findall, text) for _ in range(5))
        elapsed = _timed(newsdump.parse, text)  # once: a second parse finds warm caches
        mb = len(text) / 1e6
        print(
            f"| {name} | {len(text):,} | {elapsed:.2f} | {mb / elapsed:.2f} | "
            f"{mb / scan:.1f} | {elapsed / scan:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
