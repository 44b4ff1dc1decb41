"""Lexical cohesion: content-word bags and the sliding windows over them."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._cohesion import _TOKEN, _bag, _count, bag, window_cohesion


class TestBag:
    def test_folds_case_possessives_and_plurals(self) -> None:
        """'Ferries', 'ferry's' and stop words reduce to the content words."""
        assert bag("The ferries and the ferry's crews") == Counter(
            {"ferrie": 1, "ferry": 1, "crew": 1}
        )

    def test_drops_stop_words_and_short_words(self) -> None:
        """Function words and words under three letters carry no topic."""
        assert bag("It is what it is, as we go on") == Counter()

    @given(st.text(st.sampled_from("aBcSs' ’-\u0130\u03a3\u03c3\u0181\u00df\u00c9\u2019xyz.")))
    def test_whole_line_lowering_finds_the_tokens_lowered_one_by_one(self, text: str) -> None:
        """The narrow fast path gives the same words, counts and order as the general one.

        The alphabet holds the characters where lower-casing a whole line could differ:
        İ (grows), Σ (depends on the next letter), Ɓ (lower-cases out of the narrow range).
        """
        general = _count([t.lower().replace("’", "'") for t in _TOKEN.findall(text)])
        assert list(_bag.__wrapped__(text).items()) == list(general.items())


def _direct(
    bags: list[dict[str, int]], w: int, asked: list[int]
) -> tuple[list[float | None], list[tuple[int, int]]]:
    """Each edge's windows summed afresh: what the sliding sums must equal."""
    sims: list[float | None] = []
    windows: list[tuple[Counter[str], Counter[str]]] = []
    for i in range(len(bags)):
        above: Counter[str] = Counter()
        below: Counter[str] = Counter()
        for counts in bags[max(0, i - w):i]:
            above.update(counts)
        for counts in bags[i:i + w]:
            below.update(counts)
        windows.append((above, below))
        dot = sum(c * below[k] for k, c in above.items())
        sq_above = sum(c * c for c in above.values())
        sq_below = sum(c * c for c in below.values())
        sims.append(float(dot) / math.sqrt(float(sq_above) * float(sq_below))
                    if sq_above and sq_below else None)
    echoes = [
        (sum(1 for k, c in bags[i].items() if windows[i][1][k] > c),
         sum(1 for k in bags[i] if windows[i][0][k]))
        for i in asked
    ]
    return sims, echoes


_BAGS = st.lists(
    st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 4), max_size=5), max_size=40
)


class TestWindowCohesion:
    @given(_BAGS, st.integers(1, 16), st.integers(0, 15), st.data())
    def test_sliding_sums_equal_windows_summed_afresh(
        self, bags: list[dict[str, int]], wide: int, less: int, data: st.DataObject
    ) -> None:
        """Similarities to the last bit and echo counts, for any bags, windows and lines."""
        near = max(1, wide - less)
        asked = sorted(data.draw(st.sets(st.integers(0, max(0, len(bags) - 1)))))
        asked = [i for i in asked if i < len(bags)]
        got = window_cohesion(bags, wide, near, asked)
        assert (got.wide, got.echoes) == _direct(bags, wide, asked)
        assert got.near == _direct(bags, near, [])[0]

    def test_a_change_of_vocabulary_is_a_valley(self) -> None:
        """Edges inside a topic are similar; the edge where the words change is not."""
        bags = [{"ferry": 1, "harbour": 1}] * 4 + [{"budget": 1, "tax": 1}] * 4
        found = window_cohesion(bags, 2, 1)
        assert found.wide[0] is None  # nothing above the first line
        assert found.wide[4] == found.near[4] == 0.0
        assert found.wide[2] == found.wide[6] == found.near[1] == 1.0

    def test_the_near_window_is_the_narrower(self) -> None:
        """Asking for a near window wider than the wide one is a programming error."""
        with pytest.raises(ValueError, match="near <= wide"):
            window_cohesion([], 3, 4)
