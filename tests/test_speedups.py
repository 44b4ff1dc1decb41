"""The NumPy backend gives exactly what the pure-Python code gives."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import newsdump
from newsdump import _speedups
from newsdump._decode import _viterbi, _viterbi_batch, decode
from newsdump._linemodel import STATES, UNIT, LineModel, Scoring, default_model

pytest.importorskip("numpy")
if os.environ.get("NEWSDUMP_PURE_PYTHON", "") not in ("", "0"):
    pytest.skip("NEWSDUMP_PURE_PYTHON is set: the NumPy backend these tests compare is off",
                allow_module_level=True)

SIZE = len(STATES)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the NumPy backend off, as NEWSDUMP_PURE_PYTHON=1 does."""
    default_model()  # made (and cached) with the backend on, as for every other test
    monkeypatch.setattr(_speedups, "_NUMPY", None)


def _problem(rng: random.Random, n: int, *, integers: bool
             ) -> tuple[list[list[float]], list[list[float]]]:
    def value() -> float:
        return rng.randint(-90_000, 90_000) if integers else rng.uniform(-9, 9)

    emissions = [[value() for _ in range(SIZE)] for _ in range(n)]
    transitions = [[value() for _ in range(SIZE)] for _ in range(SIZE)]
    return emissions, transitions


def _batch(emissions: list[list[float]], windows: list[tuple[int, int, int, int]],
           transitions: list[list[float]]) -> list[tuple[list[int], list[list[float]]]]:
    numpy = pytest.importorskip("numpy")
    return _viterbi_batch(numpy.array(emissions), windows, transitions)


class TestViterbi:
    @pytest.mark.parametrize("integers", [True, False])
    def test_backends_agree_on_random_problems(self, integers: bool) -> None:
        """Same path and the same max-marginals, to the last bit, for ints and floats."""
        rng = random.Random(11)
        for _ in range(30):
            n = rng.randint(1, 60)
            emissions, transitions = _problem(rng, n, integers=integers)
            keep_from = rng.randint(0, n - 1)
            keep_to = rng.randint(keep_from + 1, n)
            assert _viterbi(emissions, transitions, keep_from, keep_to) == _batch(
                emissions, [(0, n, keep_from, keep_to)], transitions
            )[0]

    @pytest.mark.parametrize("integers", [True, False])
    def test_a_batch_of_uneven_windows_decodes_each_alone(self, integers: bool) -> None:
        """Windows of different lengths, decoded together, give each window's own result."""
        rng = random.Random(12)
        _, transitions = _problem(rng, 1, integers=integers)
        emissions, _ = _problem(rng, 200, integers=integers)
        windows = []
        for _ in range(9):
            lo = rng.randint(0, 150)
            hi = rng.randint(lo + 1, lo + 40)
            keep_from = rng.randint(0, hi - lo - 1)
            windows.append((lo, hi, keep_from, rng.randint(keep_from + 1, hi - lo)))
        alone = [_viterbi(emissions[lo:hi], transitions, a, b) for lo, hi, a, b in windows]
        assert _batch(emissions, windows, transitions) == alone

    def test_ties_go_to_the_lowest_state_in_both(self) -> None:
        """Flat scores tie everywhere: both backends take state 0 and agree."""
        emissions: list[list[float]] = [[0] * SIZE for _ in range(4)]
        transitions: list[list[float]] = [[0] * SIZE for _ in range(SIZE)]
        python = _viterbi(emissions, transitions, 0, 4)
        assert python == _batch(emissions, [(0, 4, 0, 4)], transitions)[0]
        assert python[0] == [0, 0, 0, 0]

    def test_decode_is_the_same_without_numpy(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Whole decodes (blocks, restrictions, start bias) match across backends."""
        rng = random.Random(4)
        n = 300
        emissions, transitions = _problem(rng, n, integers=True)
        allowed = [frozenset({1, 2}) if rng.random() < 0.1 else None for _ in range(n)]

        def run() -> object:
            return decode(list(range(n)), emissions, transitions, allowed=allowed,
                          first_starts=True, start_bias=5000, scale=1 / UNIT)

        fast = run()
        monkeypatch.setattr(_speedups, "_NUMPY", None)
        assert run() == fast


class TestScoring:
    def test_weights_become_exact_units(self) -> None:
        """Four-decimal weights turn into whole units; absent pairs weigh 0."""
        size = len(STATES)
        model = LineModel(weights={"a": ((0, 0.1234), (3, -1.5))},
                          transitions=tuple((0.0001,) * size for _ in range(size)))
        assert model.scoring.vectors["a"][:4] == (1234, 0, 0, -15000)
        assert model.scoring.transitions[0][0] == 1
        assert model.emissions([["a", "a", "unknown"], []]) == [
            [2468, 0, 0, -30000, *([0] * (size - 4))], [0] * size
        ]

    def test_emissions_agree(self, pure: None) -> None:
        """The NumPy sums of the shipped model equal the pure-Python sums."""
        model = default_model()
        attributes = [list(model.weights)[k : k + 40] for k in range(0, 4000, 37)]
        attributes.append([])
        python = Scoring.of(model)
        assert python.matrix is None
        _speedups._NUMPY = pytest.importorskip("numpy")  # the fixture restores it
        fast = Scoring.of(model)
        assert fast.matrix is not None
        assert fast.emissions(attributes) == python.emissions(attributes)

    @pytest.mark.parametrize("numpy_on", [False, True])
    def test_a_shared_tuple_scores_like_its_copies(
        self, pure: None, numpy_on: bool
    ) -> None:
        """Lines sharing one attribute tuple are scored once, each line still its own row."""
        if numpy_on:
            _speedups._NUMPY = pytest.importorskip("numpy")  # the fixture restores it
        scoring = Scoring.of(default_model())
        shared = tuple(list(default_model().weights)[:30])
        lines = [shared, (), shared, tuple(shared), shared]
        rows = scoring.emissions(lines)
        assert rows == scoring.emissions([list(a) for a in lines])
        rows[0][0] += 1  # rows are independent lists
        assert rows[2][0] == rows[3][0] != rows[0][0]


class TestParse:
    def test_seeds_parse_the_same_without_numpy(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every line and article of a seed is the same with either backend."""
        path = sorted(SEEDS.glob("*.txt"))[0]
        fast = newsdump.parse_file(path)
        monkeypatch.setattr(_speedups, "_NUMPY", None)
        model = default_model()
        pure_model = LineModel(weights=model.weights, transitions=model.transitions,
                               info=model.info)
        slow = newsdump.parse_file(path, model=pure_model)
        assert slow.lines == fast.lines
        assert slow.articles == fast.articles


def test_numpy_is_imported_on_first_use_only() -> None:
    """``import newsdump`` does not import NumPy; loading the model does (when present)."""
    code = ("import sys, newsdump; a = 'numpy' in sys.modules; newsdump.parse('x\\n'); "
            "print(a, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "True"]



def test_a_model_made_with_numpy_scores_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model compiled with NumPy on (say, pickled to a worker) still scores with it off."""
    shipped = default_model()
    monkeypatch.setattr(_speedups, "_NUMPY", pytest.importorskip("numpy"))
    model = LineModel(weights=shipped.weights, transitions=shipped.transitions)
    assert model.scoring.matrix is not None
    attributes = [list(model.weights)[:30], []]
    fast = model.emissions(attributes)
    monkeypatch.setattr(_speedups, "_NUMPY", None)
    assert model.emissions(attributes) == fast
