"""Fast paths in the per-line stages give what the slow paths they skip would.

Each shortcut in ``_features``, ``_cues`` and the parsers (a cheap test that lets a line
skip a regular expression, a cached lookup in place of a computation) is checked
against the original computation, written out here: on every code point where a
character class is involved, and on crafted and generated lines.
"""

from __future__ import annotations

import re

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsdump import (
    _boilerplate,
    _byline,
    _captions,
    _credits,
    _cues,
    _dateline,
    _dates,
    _features,
    _phrases,
)
from newsdump._rules import Rules

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


_PARSER_PARTS = st.sampled_from(
    [
        "By", "by", "BY", "bY", "Written by", ":", " ", ", ", " | ", "@", "a@b.co", "@ana",
        "www.", "WWW.", "/", "http://", ".com/", "İ", "ß", "ſ", "K", "'", "’", "“", "\"", "‘",
        "0", "7", "12", "2024", "٣", "½", "🤖", "©", "\ufe0f", "in", "In", "ago", "now", "Now",
        "today", "Tonight", "this morning", "minutes", "min", "2 min read", "hrs", "h", "noon",
        "MIDNIGHT", "Jan", "May 5", "Ana", "Ruiz", "J.", "J.R.", "al-Assad", "d'Alembert",
        "O'Brien", "CNN's", "com", ".co.uk", "staff writer", "Writers", "e", "a", "d", "\n",
    ]
)
PARSER_TEXT = st.one_of(TEXT, st.lists(_PARSER_PARTS, max_size=12).map("".join))


class TestParserGates:
    """A gate that says no means the pattern behind it finds nothing."""

    @given(PARSER_TEXT)
    @FAST
    def test_byline_gates(self, text: str) -> None:
        b = _byline
        tables = b._tables(Rules())
        if not ("/" in text or "www." in text.lower()):
            assert b._URL.search(text) is None
        if not b._may_hold_digit(text):
            assert b._READING_TIME.search(text) is None
        if "@" not in text:
            assert b._CONTACT.search(text) is None
        if not b._may_hold_emoji(text):
            assert b._EMOJI.search(text) is None
        if not any(q in text for q in b._QUOTES):
            assert b._NICKNAME.search(text) is None
        fast, slow = b._cue_match(tables, text), tables.cue.match(text)
        assert (fast and fast.span()) == (slow and slow.span())
        assert b._initial(text) == (b._INITIAL.match(text) is not None)
        assert b._elided(text) == (b._ELIDED.match(text) is not None)
        if len(text) > b._MAX_INITIAL_CHARS:
            assert b._DEBRIS.match(text) is None
        if "," not in text:
            assert b._LAST_FIRST.match(text) is None
        if "'" not in text and "’" not in text:
            assert b._POSSESSIVE.match(text) is None
        if "in" not in text:
            assert b._IN.search(text) is None

    @given(PARSER_TEXT)
    @FAST
    def test_date_gates(self, text: str) -> None:
        d = _dates
        low = text.lower()
        digits = d._ASCII_DIGIT.search(text) is not None
        if not digits:
            assert d._DATETIME.search(text) is None
        if not d._may_be_relative(text, low):
            assert d._RELATIVE.search(text) is None
        if not d._may_be_clock(text, low, digits):
            assert d._TIME_ONLY.search(text) is None

    @given(st.lists(st.sampled_from(["staff", "writer", "writers", "editor", "Senior", "Ana",
                                     "political", "editors", "-", "", "correspondent", "s"]),
                    max_size=6))
    @FAST
    def test_job_title_start(self, words: list[str]) -> None:
        tables = _byline._tables(Rules().extend(job_titles=["-", "s"]))
        for plural in (False, True):
            assert _byline._job_title_start(words, tables, plural=plural) == _scan_titles(
                words, tables, plural=plural
            )


def _scan_titles(words: list[str], tables: _byline._Tables, *, plural: bool) -> int | None:
    """``_job_title_start`` as it was: a scan of every job title."""
    folded = tuple(w.strip(_byline._STRIP).casefold() for w in words)
    if not folded:
        return None
    plural = plural and len(folded) > 1 and folded[-1].endswith("s")
    singular = (*folded[:-1], folded[-1][:-1]) if plural else folded
    for title in tables.job_titles:
        for form in (folded, singular):
            if len(title) <= len(form) and form[len(form) - len(title) :] == title:
                return len(form) - len(title)
    return None


class TestParsersOnLines:
    """The parsers give what they gave on crafted lines (values checked by hand)."""

    def test_find_date(self) -> None:
        for text, span in [
            ("By Ana Ruiz, 2 hours ago", (13, 24)),
            ("By Ana Ruiz Jan 5, 2024", (12, 23)),
            ("Updated just now", (8, 16)),
            ("By Ana Ruiz", None),
            ("In 3 days", None),  # "in" is case-sensitive
            ("in 3 days", (0, 9)),
            ("in three days", (0, 13)),
            ("Published 5 mins ago | Updated noon", (10, 20)),
            ("Today", None),
            ("١٢:٣٠ PM", None),
        ]:
            assert _dates.find_date(text) == span, text

    def test_parse_date(self) -> None:
        for text, printed in [
            ("Updated just now", "just now"),
            ("in three days", "in three days"),
            ("Published 5 mins ago | Updated noon", "5 mins ago"),
            ("noon ET", "noon ET"),
            ("Today", None),
            ("By Ana Ruiz", None),
            ("Jan 5, 2024 10:30 a.m. ET", "Jan 5, 2024 10:30 a.m. ET"),
        ]:
            parsed = _dates.parse_date(text)
            assert (parsed.text if parsed else None) == printed, text


_CAPTION_PARTS = st.sampled_from(
    [
        "FILE PHOTO: ", "File", "FILE", "file", "Photo: ", "Pictured: ", "©", "Provided by",
        "Copyright", "a man sitting on a bench: ", "an", "(AP Photo/Ted S. Warren)", "(", ")",
        "[", "]", ".", "\n", "Getty Images", "Reuters", "Photograph: X/PA", " / ", "/",
        "Photo by Ana Ruiz", "photo by", "Video courtesy of", "Illustration by", "by", "Images",
        "USA TODAY Sports", "Kyle Ross", " ", ". ", "! ", "” ", "\" ", ":", "Credit: ", "Pool",
        "iStock", "the", "said", "\u2003", "İ",
    ]
)
CAPTION_TEXT = st.one_of(TEXT, st.lists(_CAPTION_PARTS, max_size=12).map("".join))


class TestCaptionGates:
    @given(CAPTION_TEXT)
    @FAST
    def test_gates(self, text: str) -> None:
        c = _captions
        rules = Rules()
        assert c._file_photo(text) == (c._FILE.search(text) is not None)
        fast, slow = c._opener(text, rules), c._openers(rules.caption_openers).match(text)
        assert (fast and fast.span()) == (slow and slow.span())
        if text[:1] not in ("©", "P", "C"):
            assert c._PROVIDER.match(text) is None
        if text[:1] != "a":
            assert c._ALT_TEXT.match(text) is None
        end = text[:-1] if text.endswith("\n") else text
        end = end[:-1] if end.endswith(".") else end
        if not end.endswith((")", "]")):
            assert c._BRACKETED.search(text) is None
        if ":" not in text:
            assert c._colon_markers(rules.photo_credit_markers).search(text) is None
        if not c._may_be_photo_by(text):
            assert c._PHOTO_BY.search(text) is None
        if "/" not in text:
            assert c._SLASH.search(text) is None
        last = c._LAST_SPLIT.search(text)
        cut = last.end() if last is not None else 0
        assert text[cut:] == c._TRAILING_SPLIT.split(text)[-1]

    @given(st.lists(st.sampled_from(["Ana", "Ruiz", "AP", "via", "said", " ", "/", " / ", ".",
                                     ",", "\u2003", "©", ";"]), max_size=40).map("".join))
    @example("/" + "/".join(["Ana"] * 12) + "/")  # 12 words, 13 splits: a credit
    @example("/" + "/".join(["Ana"] * 13) + "/")
    @FAST
    def test_credit_like_splits_no_more_than_it_needs(self, text: str) -> None:
        """The split capped past the word limit decides as the whole split would."""
        c = _captions
        words = [w for w in c._CREDIT_WORD_SPLIT.split(text.strip(" .,;")) if w]
        whole = bool(words) and len(words) <= c._COLON_MARKERS_MAX_WORDS and all(
            c._CREDIT_WORD.match(w) or w.lower() in ("photo", "photos", "images", "staff",
                                                     "pool", "handout")
            for w in words
        ) and c._HAS_CAPITAL.search(text) is not None
        assert c._credit_like(text) == whole

    def test_openers_without_a_first_character(self) -> None:
        rules = Rules().extend(caption_openers=[" - "])
        for text in ["Photo: x", "x", "", "-x"]:
            fast = _captions._opener(text, rules)
            slow = _captions._openers(rules.caption_openers).match(text)
            assert (fast and fast.span()) == (slow and slow.span())


_LOCAL_PARTS = st.sampled_from(
    [
        "WASHINGTON", " (AP) ", "—", " – ", " - ", "-", "--", "_", " _ ", ":", ")", "(", "Reuters",
        "Paris", ", France", " ", "The", "said", "Read more", "READ MORE", "continue reading",
        "Continue Reading »", "more", "©", "(c) 2024", "Copyright 2023", "cop", "www.x.com",
        "https://x.y/z", "@ana", "@", "a-b-c-d-e", "news-story-of-the-day", "Politics", " / ",
        " | ", " > ", " › ", "»", "***", "___", "\n", "İ", "K", "Jan. 5", "12", "Ana Ruiz",
        " contributed to this report.", "Ana Ruiz is a reporter for the Times.", "writes about",
    ]
)
LOCAL_TEXT = st.one_of(TEXT, st.lists(_LOCAL_PARTS, max_size=12).map("".join))


class TestLineGates:
    @given(LOCAL_TEXT)
    @FAST
    def test_dateline(self, text: str) -> None:
        d = _dateline
        if d._ENDS.search(text, 0, d._REACH) is None:
            assert d._DATELINE.match(text) is None
            assert d._AGENCY_ONLY.match(text) is None
        if "(" not in text[: d._AGENCY_REACH]:
            assert d._AGENCY_ONLY.match(text) is None

    def test_dateline_reach(self) -> None:
        """A long dateline, each part at its longest, still ends within the reach."""
        word = "W" * 31
        place = " ".join([word] * 6)
        line = (
            "        (12-31) 23:59 AKST   " + place + " (" + "U" * 31 + ")"
            + ", " + " ".join([word] * 4) + ", Wednesday, September 30, 2024"
            + " (" + "A" * 40 + ")   — Body text here."
        )
        match = _dateline._DATELINE.match(line)
        assert match is not None
        assert match.end() < _dateline._REACH

    @given(LOCAL_TEXT)
    @FAST
    def test_boilerplate(self, text: str) -> None:
        b = _boilerplate
        if not (len(text) <= b._SEPARATOR_CHARS and b._non_word(text[:1])):
            assert b._SEPARATOR.match(text) is None
        if text[:1] not in b._COPYRIGHT_STARTS:
            assert b._COPYRIGHT.match(text) is None
        if not ("://" in text or "www." in text or text[:1] == "@"):
            assert b._LINK_ONLY.match(text) is None
        if not ("-" in text and " " not in text):
            assert b._PATH_SLUG.match(text) is None
        if not b._may_say_more(text):
            assert b._MORE_LINK.search(text) is None
        assert b.is_breadcrumb(text) == (b._BREADCRUMB.match(text) is not None)

    @given(LOCAL_TEXT)
    @FAST
    def test_credits_and_cues(self, text: str) -> None:
        c = _credits
        if "contributed" not in text:
            assert c._CONTRIBUTED.match(text) is None
        if text[:1] not in c._DASH_STARTS:
            assert c._SIGNOFF.match(text) is None
            assert _cues._ATTRIBUTION.match(text) is None
        if not c._capital(text[:1]):
            assert c._BIO.match(text) is None

    @given(st.one_of(LOCAL_TEXT, st.lists(st.sampled_from(
        ["Reporting by", "Editing by", "reporting by", " ", "; ", ", ", "(", ".", "Ana Ruiz",
         "written by", "Writing by", ": ", "and"]), max_size=8).map("".join)))
    @FAST
    def test_credit_roles_open_the_line(self, text: str) -> None:
        """A role matched at the start is the first of all the role matches, and only then."""
        roles = _credits._roles_pattern(Rules().credit_roles)
        first = next(iter(roles.finditer(text)), None)
        assert (roles.match(text) is not None) == (first is not None and first.start() == 0)

    def test_first_character_caches(self) -> None:
        for char in _all_chars()[::11] + list("_-—a A9©"):
            assert _boilerplate._non_word(char) == (regex.match(r"[\W_]", char) is not None)
            assert _credits._capital(char) == (regex.match(r"\p{Lu}", char) is not None)
