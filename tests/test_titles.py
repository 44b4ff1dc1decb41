"""The title fallback: an article whose lines took no title state gets its likeliest one."""

from __future__ import annotations

from newsdump._linemodel import STATES
from newsdump._model import Role
from newsdump._titles import MIN_SHARE, missing_titles


def _state(role: Role, phase: str) -> int:
    return STATES.index((role, phase))


B_BOILER = _state(Role.BOILERPLATE, "B")
H_BOILER = _state(Role.BOILERPLATE, "H")
H_DEK = _state(Role.DEK, "H")
H_TITLE = _state(Role.TITLE, "H")
B_TITLE = _state(Role.TITLE, "B")
I_BODY = _state(Role.BODY, "I")
I_BOILER = _state(Role.BOILERPLATE, "I")


def test_untitled_article_takes_its_likeliest_header_line() -> None:
    """The header line with the largest title share becomes a title of the same phase."""
    states = [B_BOILER, H_BOILER, H_DEK, I_BODY]
    shares = [0.10, 0.40, 0.20, 0.30]
    assert missing_titles(states, shares, [True] * 4, [0]) == {1: H_TITLE}


def test_a_start_line_keeps_its_phase() -> None:
    """A line that starts its article becomes a starting title."""
    states = [B_BOILER, H_DEK, I_BODY]
    assert missing_titles(states, [0.5, 0.2, 0.0], [True] * 3, [0]) == {0: B_TITLE}


def test_titled_article_is_left_alone() -> None:
    """An article that holds a title state keeps every line as decoded."""
    states = [B_BOILER, H_TITLE, I_BODY]
    assert missing_titles(states, [0.9, 0.5, 0.0], [True] * 3, [0]) == {}


def test_share_below_the_floor_is_left_alone() -> None:
    """No line becomes a title on less than the least share."""
    states = [B_BOILER, H_BOILER, I_BODY]
    low = MIN_SHARE / 2
    assert missing_titles(states, [low, low, 0.9], [True] * 3, [0]) == {}


def test_a_rule_decided_line_is_not_chosen() -> None:
    """A line a rule decided keeps its label; the next likeliest free line is taken."""
    states = [B_BOILER, H_BOILER, H_DEK, I_BODY]
    shares = [0.10, 0.60, 0.20, 0.0]
    assert missing_titles(states, shares, [True, False, True, True], [0]) == {2: H_TITLE}


def test_search_stops_at_the_first_body_line() -> None:
    """Body and the lines after it are never made titles."""
    states = [B_BOILER, I_BODY, I_BOILER]
    assert missing_titles(states, [0.05, 0.9, 0.9], [True] * 3, [0]) == {0: B_TITLE}


def test_an_article_without_body_searches_all_its_lines() -> None:
    """With no body line, every line of the article is a candidate."""
    states = [B_BOILER, H_BOILER, I_BOILER]
    assert missing_titles(states, [0.05, 0.1, 0.7], [True] * 3, [0]) == {2: _state(
        Role.TITLE, "I")}


def test_each_article_is_searched_on_its_own() -> None:
    """Articles are bounded by their starts: a title in one does not cover the next."""
    states = [B_TITLE, I_BODY, B_BOILER, H_BOILER, I_BODY]
    shares = [0.9, 0.0, 0.2, 0.3, 0.0]
    assert missing_titles(states, shares, [True] * 5, [0, 2]) == {3: H_TITLE}
