"""Line features: scraper artefacts (html2text Markdown, invisible characters) as cues."""

from __future__ import annotations

import pytest

from newsdump import Rules, parse
from newsdump._cues import Kind, line_cues
from newsdump._features import line_features, readable
from newsdump._phrases import normalize


class TestNormalize:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("PE\u00adTER CHRISTO\u00adPHER", "PETER CHRISTOPHER"),
            ("Jane\u200b Doe", "Jane Doe"),
            ("Ja\u200cne Do\u200de", "Jane Doe"),
            ("\u2060By Jane Doe\ufeff", "By Jane Doe"),
            ("  Jane \u00a0 Doe\t", "Jane Doe"),
        ],
    )
    def test_invisible_characters_are_dropped(self, text: str, expected: str) -> None:
        """Soft hyphens and zero-width characters vanish; white space collapses."""
        assert normalize(text) == expected

    def test_tidy_text_is_returned_as_is(self) -> None:
        """Text with nothing to tidy comes back as the same object (the fast path)."""
        text = "Storm hits coast"
        assert normalize(text) is text


class TestHeadings:
    @pytest.mark.parametrize(
        ("raw", "level", "text"),
        [
            ("# Storm hits coast", 1, "Storm hits coast"),
            ("## Storm hits coast", 2, "Storm hits coast"),
            ("######  Photos: Agency", 6, "Photos: Agency"),
            ("* ## Weather", 2, "Weather"),
        ],
    )
    def test_heading_level_and_text(self, raw: str, level: int, text: str) -> None:
        """``#`` to ``######`` give the level; the text is read without the markers."""
        f = line_features(0, raw)
        assert (f.markdown_heading, f.text) == (level, text)

    @pytest.mark.parametrize("raw", ["#hashtag news", "####### seven", "C# programming"])
    def test_not_headings(self, raw: str) -> None:
        """A hash glued to a word, seven hashes or a hash inside the line is no heading."""
        assert line_features(0, raw).markdown_heading == 0

    def test_bare_marker_keeps_its_text(self) -> None:
        """A line of only ``#`` is not read as blank: its text stays ``#``."""
        assert line_features(0, "#").text == "#"


class TestLists:
    @pytest.mark.parametrize(
        "raw",
        ["* Share this story", "  * Share this story", "- Share this story", "+ Share this story"],
    )
    def test_bullets(self, raw: str) -> None:
        """``*``, ``-`` and ``+`` markers make a bulleted line and leave the item text."""
        f = line_features(0, raw)
        assert (f.bullet, f.list_item, f.text) == (True, True, "Share this story")

    def test_numbered_item(self) -> None:
        """``1.`` is a list marker; a year opening a wrapped sentence is not."""
        item = line_features(0, "  1. Jane Doe")
        year = line_features(0, "2014. The company grew")
        assert (item.list_item, item.text) == (True, "Jane Doe")
        assert (year.list_item, year.text) == (False, "2014. The company grew")

    def test_nested_markers(self) -> None:
        """Nested list markers are all read."""
        assert line_features(0, "*   * [Tech](/technology)").text == "Tech"


class TestLinks:
    def test_link_text_is_kept(self) -> None:
        """``[text](url)`` reads as ``text``; a line that is all link counts as a URL line."""
        f = line_features(0, "* [Share on Facebook](https://example.com/share?u=1)")
        assert f.text == "Share on Facebook"
        assert f.markdown_link
        assert f.link_share == 1.0
        assert f.url

    def test_link_inside_prose(self) -> None:
        """An inline link is read as its text and does not make the line a link line."""
        f = line_features(0, 'The mayor [said on Monday](https://example.com/a "Title") it would.')
        assert f.text == "The mayor said on Monday it would."
        assert 0.0 < f.link_share < 0.9
        assert not f.url

    def test_image(self) -> None:
        """``![alt](src)`` reads as its alt text, and an image inside a link too."""
        f = line_features(0, "[![Jane Doe](/img/jane.jpg)](/authors/jane)")
        assert (f.text, f.image_markdown, f.markdown_link) == ("Jane Doe", True, True)

    def test_destination_cut_by_wrapping(self) -> None:
        """A link whose destination runs past the line end still reads as its text."""
        assert line_features(0, "[Storm warning](https://example.com/news/2024/storm-").text == (
            "Storm warning"
        )

    def test_end_of_a_wrapped_link(self) -> None:
        """The second half of a wrapped link, ``rest](url)``, reads as ``rest``."""
        assert line_features(0, "coast](https://example.com/storm) on Monday.").text == (
            "coast on Monday."
        )

    def test_empty_link_keeps_its_text(self) -> None:
        """A link with no text (a logo) is not read as blank."""
        assert line_features(0, "[](/)").text == "[](/)"

    def test_byline_with_link(self) -> None:
        """A linked author name reaches the byline parser as plain text."""
        assert line_features(0, "By [ Jane Doe ](/authors/jane-doe)").text == "By Jane Doe"


class TestEmphasis:
    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("**Jane:** Hello there.", "Jane: Hello there."),
            ("A _Harbor Weekly_ editor", "A Harbor Weekly editor"),
            ("By **Jane Doe** and __John Roe__", "By Jane Doe and John Roe"),
            ("snake_case stays, 5 * 3 too", "snake_case stays, 5 * 3 too"),
            (r"1\. not a list", "1. not a list"),
        ],
    )
    def test_markers_removed(self, raw: str, text: str) -> None:
        """Bold and italic markers go; underscores inside words and escapes' targets stay."""
        assert line_features(0, raw).text == text


class TestReadable:
    def test_plain_line_unchanged(self) -> None:
        """A line without markup has no Markdown fields set."""
        md = readable("Storm hits coast on Monday.")
        assert md.text == "Storm hits coast on Monday."
        assert (md.heading, md.list_item, md.link, md.image) == (0, False, False, False)

    def test_raw_keeps_the_markers(self) -> None:
        """``Features.raw`` is the normalised line with its markers."""
        assert line_features(0, "#  Storm\u200b hits").raw == "# Storm hits"


class TestLossless:
    def test_dump_lines_keep_markdown(self) -> None:
        """Reading the markers never changes the dump: lines keep every character."""
        text = "# Storm hits coast\n\nBy [Jane Doe](/jane)\n\nThe storm hit the coast.\n"
        dump = parse(text)
        assert "".join(line.text + line.ending for line in dump.lines) == text

    def test_heading_title_and_linked_byline(self) -> None:
        """A Markdown heading is the title and a linked byline gives the author."""
        text = (
            "# Storm hits coast\n\nBy [Jane Doe](/authors/jane)\n\n"
            "A storm hit the coast on Monday, officials said, and the roads were closed.\n"
        )
        article = parse(text).articles[0]
        assert article.title == "# Storm hits coast"
        assert article.authors == ("Jane Doe",)

    def test_soft_hyphens_in_a_byline(self) -> None:
        """Soft hyphens and zero-width spaces inside a name do not hide it."""
        text = (
            "Storm hits coast\n\nBy PE\u00adTER CHRISTO\u00adPHER\u200b\n\n"
            "A storm hit the coast on Monday, officials said, and the roads were closed.\n"
        )
        assert [a.casefold() for a in parse(text).articles[0].authors] == ["peter christopher"]


class TestRepeatedLines:
    def test_copies_get_their_own_features(self) -> None:
        """A recurring line reuses the cue of its first copy, with its own line index."""
        texts = ["Share on Facebook", "Storm hits coast", "Share on Facebook", "w1", "w1"]
        feats = [line_features(i, t) for i, t in enumerate(texts)]
        cues = line_cues(feats, Rules(), None)
        assert [c.index for c in cues] == [0, 1, 2, 3, 4]
        assert (cues[2].kind, cues[2].reason) == (cues[0].kind, cues[0].reason)
        assert cues[2].features is feats[2]


class TestBoilerplateNames:
    def test_an_author_link_stays_boilerplate_and_keeps_its_name(self) -> None:
        """A link-only line that is a name keeps its link cue and carries the byline."""
        texts = ["[Jane Doe](https://example.com/authors/jane-doe/)",
                 "[Sign up](https://example.com/newsletters/)"]
        cues = line_cues([line_features(i, t) for i, t in enumerate(texts)], Rules(), None)
        assert [c.kind for c in cues] == [Kind.BOILERPLATE, Kind.BOILERPLATE]
        assert cues[0].byline is not None
        assert cues[0].byline.authors == ("Jane Doe",)
        assert cues[1].byline is None

    def test_an_adjacent_copy_of_a_byline_carries_it(self) -> None:
        """A byline printed twice in a row: the copy is boilerplate with the same byline."""
        texts = ["By Jane Doe", "By Jane Doe"]
        cues = line_cues([line_features(i, t) for i, t in enumerate(texts)], Rules(), None)
        assert cues[1].kind is Kind.BOILERPLATE
        assert cues[1].byline is not None
        assert cues[1].byline.authors == ("Jane Doe",)
