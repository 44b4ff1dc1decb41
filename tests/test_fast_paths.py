"""Fast paths in the per-line stages give what the slow paths they skip would.

Each shortcut in ``_features``, ``_cues`` and the parsers (a cheap test that lets a line
skip a regular expression, a cached lookup in place of a computation) is checked
against the original computation, written out here: on every code point where a
character class is involved, and on crafted and generated lines.
"""

from __future__ import annotations

import re

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdump import _features, _phrases

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


def _narrow_chars() -> list[str]:
    return [chr(c) for low, high in _phrases._NARROW_RANGES for c in range(low, high)]


NARROW_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(_narrow_chars()), st.sampled_from(_SPECIAL + "aA0 ")),
    max_size=80,
)


class TestNarrow:
    def test_narrow_is_the_ranges(self) -> None:
        inside = set(_narrow_chars())
        for char in _all_chars():
            assert _phrases.narrow(char) == (char in inside), hex(ord(char))

    def test_classes_match_the_same_narrow_characters(self) -> None:
        for char_class in (r"\w", r"[\p{L}\p{N}]", r"[\p{L}\p{N}'’.&-]"):
            slow = regex.compile(char_class)
            fast = re.compile(_phrases.narrow_class(char_class))
            for char in _narrow_chars():
                assert (slow.fullmatch(char) is None) == (fast.fullmatch(char) is None)

    @given(NARROW_TEXT)
    @FAST
    def test_word_set(self, text: str) -> None:
        assert _phrases.word_set(text) == frozenset(
            _phrases._LITERAL_WORD.findall(text.lower())
        )

    @given(st.one_of(NARROW_TEXT, TEXT))
    @FAST
    def test_words(self, text: str) -> None:
        if _phrases.narrow(text):
            assert _features._NARROW_WORD.findall(text) == _features._WORD.findall(text)
        assert _phrases.word_set(text) == frozenset(
            _phrases._LITERAL_WORD.findall(text.lower())
        )


def _reference_shape(raw: str) -> tuple[object, ...]:
    """``_features._shape`` as it was, every test a regular expression."""
    f = _features
    plain = _phrases.normalize(raw)
    markdown = f._read(plain)
    text = markdown.text
    bullet_match = f._BULLET.match(text)
    bullet = bullet_match is not None or (markdown.list_item and markdown.heading == 0)
    body = text[bullet_match.end() :] if bullet_match else text
    words = f._WORD.findall(body) if len(body) < 20_000 else []
    n_words = len(words) if words else f._rough_word_count(body)
    content = [w for w in words if w.lower() not in f._FUNCTION_WORDS]
    capitalised = (
        sum(1 for w in content if f._CAPITALISED.match(w)) / len(content) if content else 0.0
    )
    head = body[:2000]
    tail = body[-200:]
    url = f._URL.search(head) is not None or markdown.link_share >= 0.9
    return (
        text,
        n_words,
        capitalised,
        bullet,
        url,
        f._HANDLE.search(head) is not None,
        f._HTML.search(plain[:2000]) is not None,
        f._TERMINAL.search(tail) is not None,
        f._LOWER_START.match(body) is not None,
        f._CAPITALISED.match(body) is not None,
        tail.rstrip("\"'”’)").endswith("?"),
        _phrases.word_set(text) if len(text) < 5000 else frozenset(),
        markdown.heading,
        markdown.link,
        markdown.link_share,
        markdown.image,
        markdown.list_item,
        plain,
    )


_LINE_PARTS = st.sampled_from(
    [
        "The", "the", "of", "In", "IN", "www.", "WwW.", "example", ".com/", "https://", "/",
        "@", "@news", "<b>", "</p>", "&amp;", "&#39;", ">", "\"", "“", "# ", "* ", "- ", "1. ",
        "•", "—", "[link](http://x.y/z)", "![alt](a.jpg)", "**", "_", "\\", "?", "!", ".", "…",
        ":", ";", "”", "’", ")", "]", "»", "\n", " ", "  ", "É", "été", "ß", "İ", "Σ", "日本",
        "Ⅻ", "½", "x", "Y", "9", "a.b", "it's", "O’Neil",
    ]
)
LINES = st.one_of(
    TEXT, NARROW_TEXT, st.lists(_LINE_PARTS, max_size=25).map("".join)
)


class TestShape:
    @given(LINES)
    @FAST
    def test_same_as_the_regular_expressions(self, raw: str) -> None:
        assert _features._shape.__wrapped__(raw) == _reference_shape(raw)

    def test_terminal(self) -> None:
        for tail in ["", ".", "a.", "a.\n", "a.\n\n", "a\n", "a.”", "a.”)]»", "a”.", "?\"",
                     "…", "a;", "a.’\n", "\n", ".\n", "a. ", "a.x"]:
            assert _features._terminal(tail) == (
                _features._TERMINAL.search(tail) is not None
            ), repr(tail)

    def test_starts(self) -> None:
        for char in _all_chars()[::7] + list(",;)]—–aAzZ09é"):
            lower, capital = _features._starts(char)
            assert lower == (_features._LOWER_START.match(char + "x") is not None)
            assert capital == (_features._CAPITALISED.match(char + "x") is not None)
