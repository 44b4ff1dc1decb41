"""The global decoder: best state sequences, restrictions, blocks and confidences."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

import newsdump
from newsdump import _decode
from newsdump._decode import BLOCK, MARGIN, SHARED_ROLES, decode
from newsdump._linemodel import STATES, default_model
from newsdump._model import Role

SIZE = len(STATES)
B_TITLE = STATES.index((Role.TITLE, "B"))
I_BODY = STATES.index((Role.BODY, "I"))
B_BODY = STATES.index((Role.BODY, "B"))
I_BOILER = STATES.index((Role.BOILERPLATE, "I"))
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _zeros() -> list[list[float]]:
    return [[0.0] * SIZE for _ in range(SIZE)]


def _brute(emissions: list[list[float]], transitions: list[list[float]], states: list[int]
           ) -> tuple[int, ...]:
    best, best_path = float("-inf"), tuple[int, ...]()
    for path in itertools.product(states, repeat=len(emissions)):
        score = sum(emissions[t][s] for t, s in enumerate(path))
        score += sum(transitions[a][b] for a, b in itertools.pairwise(path))
        if score > best:
            best, best_path = score, path
    return best_path


class TestDecode:
    def test_without_transitions_each_line_takes_its_best_state(self) -> None:
        """With flat transitions the decoder picks every line's highest-scoring state."""
        emissions = [[0.0] * SIZE for _ in range(3)]
        emissions[0][B_TITLE] = 2.0
        emissions[1][I_BODY] = 1.0
        emissions[2][I_BOILER] = 3.0
        out = decode([0, 1, 2], emissions, _zeros(), allowed=[None] * 3, first_starts=False)
        assert out.states == (B_TITLE, I_BODY, I_BOILER)

    def test_transitions_can_overrule_a_weak_emission(self) -> None:
        """A strong transition wins over a small emission preference (joint decision)."""
        transitions = _zeros()
        transitions[B_TITLE][I_BODY] = 5.0
        emissions = [[0.0] * SIZE for _ in range(2)]
        emissions[0][B_TITLE] = 3.0
        emissions[1][I_BOILER] = 1.0
        out = decode([0, 1], emissions, transitions, allowed=[None] * 2, first_starts=False)
        assert out.states == (B_TITLE, I_BODY)

    def test_matches_brute_force(self) -> None:
        """On short random problems over a few states, Viterbi finds the best path."""
        rng = random.Random(3)
        states = [B_TITLE, I_BODY, B_BODY, I_BOILER]
        for _ in range(20):
            n = rng.randint(1, 5)
            emissions = [[rng.uniform(-2, 2) if k in states else -50.0 for k in range(SIZE)]
                         for _ in range(n)]
            transitions = [[rng.uniform(-2, 2) for _ in range(SIZE)] for _ in range(SIZE)]
            out = decode(list(range(n)), emissions, transitions, allowed=[None] * n,
                         first_starts=False)
            assert out.states == _brute(emissions, transitions, states)

    def test_ties_give_one_best_path_not_each_line_its_best_state(self) -> None:
        """Two best paths that cross: the decoder returns one of them, whole.

        Line by line both states tie, but taking the lower one on each line would give a
        path that scores less than either best path.
        """
        transitions = _zeros()
        transitions[B_TITLE][B_TITLE] = transitions[I_BODY][I_BODY] = -5.0
        emissions = [[0.0 if k in (B_TITLE, I_BODY) else -50.0 for k in range(SIZE)]
                     for _ in range(2)]
        out = decode([0, 1], emissions, transitions, allowed=[None] * 2, first_starts=False)
        assert out.states == (I_BODY, B_TITLE)

    def test_first_line_starts_an_article(self) -> None:
        """With ``first_starts`` the first line takes a start state even if it scores lower."""
        emissions = [[0.0] * SIZE]
        emissions[0][I_BODY] = 5.0
        emissions[0][B_BODY] = 1.0
        out = decode([0], emissions, _zeros(), allowed=[None], first_starts=True)
        assert STATES[out.states[0]][1] == "B"

    def test_allowed_states_are_kept(self) -> None:
        """A line a rule decided never leaves its allowed states."""
        emissions = [[0.0] * SIZE for _ in range(2)]
        emissions[1][I_BODY] = 9.0
        allowed = [None, frozenset({I_BOILER})]
        out = decode([0, 1], emissions, _zeros(), allowed=allowed, first_starts=False)
        assert out.states[1] == I_BOILER

    def test_confidence_is_a_probability_that_follows_the_margin(self) -> None:
        """Confidence lies in (0, 1] and is higher where the best state wins by more."""
        emissions = [[0.0] * SIZE for _ in range(2)]
        emissions[0][I_BODY] = 8.0
        emissions[1][I_BODY] = 0.5
        out = decode([0, 1], emissions, _zeros(), allowed=[None] * 2, first_starts=False)
        assert 0 < out.confidence[1] < out.confidence[0] <= 1

    def test_start_confidence_sums_start_states(self) -> None:
        """The chance an article starts counts every start state of the line."""
        emissions = [[0.0] * SIZE]
        out = decode([0], emissions, _zeros(), allowed=[None], first_starts=False)
        assert out.start_confidence[0] == pytest.approx(1 / 3)

    def test_role_shares_sum_each_roles_states(self) -> None:
        """A role's share counts every state of that role, whatever its phase."""
        emissions = [[0.0] * SIZE for _ in range(2)]
        emissions[1][STATES.index((Role.BYLINE, "H"))] = 50.0
        out = decode([0, 1], emissions, _zeros(), allowed=[None] * 2, first_starts=False)
        assert set(out.role_share) == set(SHARED_ROLES)
        for role in SHARED_ROLES:
            phases = sum(1 for r, _ in STATES if r is role)
            assert out.role_share[role][0] == pytest.approx(phases / SIZE)
        assert out.role_share[Role.BYLINE][1] == pytest.approx(1.0)
        assert out.role_share[Role.TITLE][1] == pytest.approx(0.0)

    def test_nothing_to_decode_has_empty_shares(self) -> None:
        """An empty dump decodes to empty sequences, every role's share included."""
        out = decode([], [], _zeros(), allowed=[], first_starts=True)
        assert out.states == ()
        assert all(out.role_share[role] == () for role in SHARED_ROLES)

    def test_repeated_margins_share_confidences_exactly(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Confidences are the same whether the per-shape shares are kept or not."""
        rng = random.Random(7)
        pattern = [[float(rng.randint(-3, 3)) for _ in range(SIZE)] for _ in range(3)]
        emissions = [list(pattern[t % 3]) for t in range(300)]
        transitions = [[rng.uniform(-1, 1) for _ in range(SIZE)] for _ in range(SIZE)]

        def run() -> object:
            return decode(list(range(300)), emissions, transitions, allowed=[None] * 300,
                          first_starts=True)

        kept = run()
        monkeypatch.setattr(_decode, "_MAX_SHARES", 1)
        assert run() == kept

    def test_blocks_depend_on_a_bounded_neighbourhood(self) -> None:
        """Lines of a block decode alike whatever lies beyond their margins."""
        rng = random.Random(5)
        n = 3 * BLOCK
        emissions = [[rng.uniform(-1, 1) for _ in range(SIZE)] for _ in range(n)]
        transitions = [[rng.uniform(-1, 1) for _ in range(SIZE)] for _ in range(SIZE)]
        whole = decode(list(range(n)), emissions, transitions, allowed=[None] * n,
                       first_starts=True)
        lo = BLOCK - MARGIN  # a window that starts a margin before the second block
        part = decode(list(range(lo, n)), emissions[lo:], transitions,
                      allowed=[None] * (n - lo), first_starts=False)
        assert part.states[MARGIN:] == whole.states[BLOCK:]


class TestStartBias:
    def test_lower_splits_less(self) -> None:
        """A lower start bias never finds more articles on a seed; the weights are shared."""
        model = default_model()
        text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
        low, high = model.with_start_bias(-2.0), model.with_start_bias(4.0)
        assert low.weights is model.weights
        assert low.start_bias == -2.0
        assert len(newsdump.parse(text, model=low).articles) <= len(
            newsdump.parse(text, model=model).articles
        ) <= len(newsdump.parse(text, model=high).articles)
