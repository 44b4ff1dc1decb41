"""Lexical cohesion: content-word bags."""

from __future__ import annotations

from collections import Counter

from newsdump._cohesion import bag


class TestBag:
    def test_folds_case_possessives_and_plurals(self) -> None:
        """'Ferries', 'ferry's' and stop words reduce to the content words."""
        assert bag("The ferries and the ferry's crews") == Counter(
            {"ferrie": 1, "ferry": 1, "crew": 1}
        )

    def test_drops_stop_words_and_short_words(self) -> None:
        """Function words and words under three letters carry no topic."""
        assert bag("It is what it is, as we go on") == Counter()

