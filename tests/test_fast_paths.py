"""Fast paths in the per-line stages give what the slow paths they skip would.

Each shortcut in ``_features``, ``_cues`` and the parsers (a cheap test that lets a line
skip a regular expression, a cached lookup in place of a computation) is checked
against the original computation, written out here: on every code point where a
character class is involved, and on crafted and generated lines.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdump import _phrases

FAST = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Characters the shortcuts single out, mixed into generated lines.
_SPECIAL = (
    " \t\n\r\x0b\x0c\x1c\x85\xa0\xad\u1680\u2003\u200b\u200d\u2028\u202f\u2060\u3000\ufeff"
    ".!?…:;\"'”’)]»([/|>›»@#&<-–—_*©"
)
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_SPECIAL), st.characters(codec="utf-8"), st.sampled_from("aAzZ09")
    ),
    max_size=80,
)


def _all_chars() -> list[str]:
    return [chr(c) for c in range(0x110000)]


class TestNormalize:
    _UNTIDY = regex.compile(
        r"^\s|\s$|\s\s|[^\S ]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]"
    )

    def _reference(self, text: str) -> str:
        if self._UNTIDY.search(text) is None:
            return text
        return _phrases._SPACE.sub(" ", _phrases._INVISIBLE.sub("", text)).strip()

    def test_odd_characters_are_regex_white_space_and_invisibles(self) -> None:
        """``_ODD`` lists exactly the characters of the old class ``[^\\S ]|[invisible]``."""
        old = regex.compile(r"[^\S ]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
        for char in _all_chars():
            assert (old.match(char) is None) == (_phrases._ODD.match(char) is None), hex(
                ord(char)
            )

    @given(TEXT)
    @FAST
    def test_same_as_the_untidy_pattern(self, text: str) -> None:
        assert _phrases.normalize(text) == self._reference(text)

    def test_crafted(self) -> None:
        for text in ["", " ", "a", " a", "a ", "a  b", "a b", "a\nb", "a\n", "\u200ba", "a\u00a0b",
                     "a\x1cb", "\x1c", "a \n", "tidy text, as it is."]:
            assert _phrases.normalize(text) == self._reference(text), repr(text)
