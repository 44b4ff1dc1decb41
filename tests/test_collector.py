"""The garbage collector is paused while parsing and left as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import newsdump
from newsdump import _parse
from newsdump._collector import collector_paused

STORY = "Storm hits coast\nBy Jane Doe\nA storm hit the coast on Monday, officials said.\n"


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector, it is enabled again afterwards."""
    try:
        yield
    finally:
        gc.enable()


def test_paused_inside_and_enabled_after(collector: None) -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled(collector: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_enabled_again_when_the_block_raises(collector: None) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_parse_pauses_it_and_leaves_no_cycles(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """parse() runs with the collector off and leaves no cyclic garbage behind."""
    seen: list[bool] = []
    real = _parse.analyse

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    newsdump.parse(STORY)  # load the model first: only the parse below is watched
    monkeypatch.setattr(_parse, "analyse", spy)
    gc.collect()
    dump = newsdump.parse(STORY * 50)
    assert seen == [False]
    assert gc.isenabled()
    del dump
    gc.disable()
    assert gc.collect() == 0  # nothing was left for the paused collector to find
