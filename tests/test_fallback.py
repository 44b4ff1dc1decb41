"""The fallback: an article whose lines took no title (byline) state gets its likeliest one."""

from __future__ import annotations

from collections.abc import Sequence

from newsdump import Rules
from newsdump._cues import line_cues
from newsdump._decode import Decoded
from newsdump._fallback import MIN_TITLE_SHARE, missing_role, missing_states
from newsdump._features import line_features
from newsdump._linemodel import STATES
from newsdump._model import Role


def _state(role: Role, phase: str) -> int:
    return STATES.index((role, phase))


B_BOILER = _state(Role.BOILERPLATE, "B")
H_BOILER = _state(Role.BOILERPLATE, "H")
H_DEK = _state(Role.DEK, "H")
H_TITLE = _state(Role.TITLE, "H")
B_TITLE = _state(Role.TITLE, "B")
H_BYLINE = _state(Role.BYLINE, "H")
I_BODY = _state(Role.BODY, "I")
I_BOILER = _state(Role.BOILERPLATE, "I")


def _title(
    states: Sequence[int],
    shares: Sequence[float],
    candidates: Sequence[bool] | None = None,
    starts: Sequence[int] = (0,),
) -> dict[int, int]:
    allowed = candidates if candidates is not None else [True] * len(states)
    return missing_role(Role.TITLE, states, shares, allowed, starts, least=MIN_TITLE_SHARE)


def test_untitled_article_takes_its_likeliest_header_line() -> None:
    """The header line with the largest title share becomes a title of the same phase."""
    assert _title([B_BOILER, H_BOILER, H_DEK, I_BODY], [0.10, 0.40, 0.20, 0.30]) == {
        1: H_TITLE
    }


def test_a_start_line_keeps_its_phase() -> None:
    """A line that starts its article becomes a starting title."""
    assert _title([B_BOILER, H_DEK, I_BODY], [0.5, 0.2, 0.0]) == {0: B_TITLE}


def test_titled_article_is_left_alone() -> None:
    """An article that holds a title state keeps every line as decoded."""
    assert _title([B_BOILER, H_TITLE, I_BODY], [0.9, 0.5, 0.0]) == {}


def test_share_below_the_floor_is_left_alone() -> None:
    """No line becomes a title on less than the least share."""
    low = MIN_TITLE_SHARE / 2
    assert _title([B_BOILER, H_BOILER, I_BODY], [low, low, 0.9]) == {}


def test_a_line_that_is_no_candidate_is_not_chosen() -> None:
    """A line a rule decided keeps its label; the next likeliest free line is taken."""
    states = [B_BOILER, H_BOILER, H_DEK, I_BODY]
    assert _title(states, [0.10, 0.60, 0.20, 0.0], [True, False, True, True]) == {2: H_TITLE}


def test_search_stops_at_the_first_body_line() -> None:
    """Body and the lines after it are never made titles."""
    assert _title([B_BOILER, I_BODY, I_BOILER], [0.05, 0.9, 0.9]) == {0: B_TITLE}


def test_an_article_without_body_searches_all_its_lines() -> None:
    """With no body line, every line of the article is a candidate."""
    assert _title([B_BOILER, H_BOILER, I_BOILER], [0.05, 0.1, 0.7]) == {
        2: _state(Role.TITLE, "I")
    }


def test_each_article_is_searched_on_its_own() -> None:
    """Articles are bounded by their starts: a title in one does not cover the next."""
    states = [B_TITLE, I_BODY, B_BOILER, H_BOILER, I_BODY]
    assert _title(states, [0.9, 0.0, 0.2, 0.3, 0.0], starts=[0, 2]) == {3: H_TITLE}


def test_bylines_are_filled_in_the_same_way() -> None:
    """The byline fallback reads byline shares and leaves a titled article's title."""
    states = [B_TITLE, H_BOILER, H_BOILER, I_BODY]
    got = missing_role(Role.BYLINE, states, [0.0, 0.3, 0.4, 0.0], [True] * 4, [0], least=0.2)
    assert got == {2: H_BYLINE}


def test_an_article_with_a_byline_keeps_it() -> None:
    """No second byline is made where the decoded states hold one."""
    states = [B_TITLE, H_BYLINE, H_BOILER, I_BODY]
    assert missing_role(Role.BYLINE, states, [0, 0.9, 0.4, 0], [True] * 4, [0], least=0.2) == {}


class TestInParse:
    """Both fallbacks as ``label`` runs them, on cues of real lines."""

    TEXTS = ("By", "Storm floods the coast", "By Jane Doe",
             "A storm hit the coast on Monday, officials said, and the roads were closed.")

    def _run(self, title: list[float], byline: list[float]) -> dict[int, tuple[int, float]]:
        features = [line_features(i, t) for i, t in enumerate(self.TEXTS)]
        cues = line_cues(features, Rules(), None)
        states = (B_BOILER, H_BOILER, H_BOILER, I_BODY)
        decoded = Decoded(states, (1.0,) * 4, (0.0,) * 4,
                          {Role.TITLE: tuple(title), Role.BYLINE: tuple(byline)})
        return missing_states(decoded, cues, [True] * 4)

    def test_a_one_word_line_is_not_made_a_title(self) -> None:
        """"By" has the largest title share, but the two-word-or-more line is chosen."""
        got = self._run([0.6, 0.2, 0.1, 0.0], [0.0] * 4)
        assert got == {1: (H_TITLE, 0.2)}

    def test_a_byline_must_be_read_as_one(self) -> None:
        """Only the line the byline parser reads takes the byline state."""
        got = self._run([0.0] * 4, [0.0, 0.5, 0.3, 0.0])
        assert got == {2: (H_BYLINE, 0.3)}

    def test_the_title_is_not_also_the_byline(self) -> None:
        """A line made the title is no byline candidate."""
        got = self._run([0.0, 0.0, 0.4, 0.0], [0.0, 0.0, 0.9, 0.0])
        assert got == {2: (H_TITLE, 0.4)}
