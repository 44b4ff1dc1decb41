"""Lexical cohesion: content-word bags and their idf-weighted similarity."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdump._cohesion import bag, similarity


class TestBag:
    def test_folds_case_possessives_and_plurals(self) -> None:
        """'Ferries', 'ferry's' and stop words reduce to the content words."""
        assert bag("The ferries and the ferry's crews") == Counter(
            {"ferrie": 1, "ferry": 1, "crew": 1}
        )

    def test_drops_stop_words_and_short_words(self) -> None:
        """Function words and words under three letters carry no topic."""
        assert bag("It is what it is, as we go on") == Counter()


class TestSimilarity:
    def test_disjoint_sides_score_zero(self) -> None:
        """Two windows with no shared word have similarity 0."""
        before = [bag("Harbour ferry services resume")]
        after = [bag("Council budget vote delayed")]
        assert similarity(before, after, {}, 10) == 0.0

    def test_empty_side_counts_as_similar(self) -> None:
        """Without words on one side there is no evidence of a topic change."""
        assert similarity([Counter()], [bag("Harbour ferry")], {}, 10) == 1.0

    def test_rare_shared_word_weighs_more_than_common_one(self) -> None:
        """Sharing a word found on every nearby line says less than sharing a rare one."""
        before = [bag("ferry harbour")]
        after = [bag("ferry council")]
        common = similarity(before, after, {"ferry": 9, "harbour": 1, "council": 1}, 10)
        rare = similarity(before, after, {"ferry": 1, "harbour": 1, "council": 1}, 10)
        assert rare > common

    def test_identical_sides_score_one(self) -> None:
        """The same words on both sides give similarity 1."""
        side = [bag("ferry harbour crossing")]
        assert similarity(side, side, {}, 10) == pytest.approx(1.0)
