"""Shared fixtures (the seed dumps) and the ``slow`` marks of tests in other files.

The default run (``python -m pytest``) deselects tests marked ``slow`` (``addopts`` in
``pyproject.toml``); CI runs them afterwards with ``-m slow``. Tests mark themselves
with ``@pytest.mark.slow`` where their file says so; :data:`SLOW` marks the rest by
node id, measured with ``--durations`` (each took over about 5 s on two cores).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SLOW: dict[str, str] = {
    "tests/test_parallel.py::TestOneBigFile": "parses multi-MB files in worker processes",
    "tests/test_stream.py::TestIterArticles::test_equals_parse": "hypothesis over joined seeds",
    "tests/test_stream.py::TestIterArticles::test_yields_before_the_end": "streams a big input",
}
"""Node-id prefixes of slow tests in files whose tests do not mark themselves."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests listed in :data:`SLOW` as ``slow``."""
    for item in items:
        node = item.nodeid
        if any(node == prefix or node.startswith((f"{prefix}::", f"{prefix}[")) for prefix in SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The text of each seed dump, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
