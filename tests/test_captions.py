"""Tests for the caption parser and the caption cue."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._captions import caption_cue, parse_caption
from newsdump._rules import Rules

RULES = Rules()


class TestParseCaption:
    @pytest.mark.parametrize(
        ("text", "description", "credit", "file_photo"),
        [
            ("Crowds line the Mall in Washington. (AP Photo/Jose Luis Magana)",
             "Crowds line the Mall in Washington.", "AP Photo/Jose Luis Magana", False),
            ("Firefighters work near Athens (Louisa Gouliamaki / AFP via Getty Images)",
             "Firefighters work near Athens", "Louisa Gouliamaki / AFP via Getty Images", False),
            ("(AFP via Getty Images)", None, "AFP via Getty Images", False),
            ("(Xinhua / Getty Images)", None, "Xinhua / Getty Images", False),
            ("Voters queue in Lagos (Sunday Alamba / Associated Press)",
             "Voters queue in Lagos", "Sunday Alamba / Associated Press", False),
            ("FILE PHOTO: A flag flies in Brussels, Belgium. REUTERS/Yves Herman/File Photo",
             "A flag flies in Brussels, Belgium.", "REUTERS/Yves Herman/File Photo", True),
            ("REUTERS/Kim Kyung-Hoon/File Photo", None, "REUTERS/Kim Kyung-Hoon/File Photo",
             True),
            ("Sailors stand watch. U.S. Coast Guard photo by Petty Officer 3rd Class Ann Roe",
             "Sailors stand watch.", "U.S. Coast Guard photo by Petty Officer 3rd Class Ann Roe",
             False),
            ("Jamie Germano/Rochester Democrat and Chronicle", None,
             "Jamie Germano/Rochester Democrat and Chronicle", False),
            ("A comet over the desert. (Image: © ESO/M. Kornmesser)",
             "A comet over the desert.", "© ESO/M. Kornmesser", False),
            ("© Provided by Daily Mail Photograph: Ian Vogler/Daily Mirror", None,
             "Ian Vogler/Daily Mirror", False),
            ("Photo: Instagram", None, "Instagram", False),
            ("Rescue crews at the site. (Photo: WPVI)", "Rescue crews at the site.", "WPVI",
             False),
            ("Credit: Ana Lee for The Washington Post", None,
             "Ana Lee for The Washington Post", False),
            ("Ships in the Red Sea. [Photo: Getty Images]", "Ships in the Red Sea.",
             "Getty Images", False),
            ("Image credit: ESA/Hubble", None, "ESA/Hubble", False),
            ("Illustration by Mia Tran", None, "Illustration by Mia Tran", False),
            ("Tourists in Venice. Photograph: Marco Bertorello/AFP/Getty Images",
             "Tourists in Venice.", "Marco Bertorello/AFP/Getty Images", False),
            ("A market in Cairo. Getty Images", "A market in Cairo.", "Getty Images", False),
            ("Pictured: The new bridge at dusk", "The new bridge at dusk", None, False),
            ("a man standing in front of a building: Officials leave the ministry",
             "a man standing in front of a building: Officials leave the ministry", None, False),
            ("The mayor speaks at a rally on Monday.", "The mayor speaks at a rally on Monday.",
             None, False),
        ],
    )
    def test_splits_description_and_credit(
        self, text: str, description: str | None, credit: str | None, file_photo: bool
    ) -> None:
        """Credits are taken from the places captions print them, colon markers dropped."""
        caption = parse_caption(text, rules=RULES)
        assert caption.text == text
        assert (caption.description, caption.credit, caption.file_photo) == (
            description, credit, file_photo
        )

    def test_default_rules(self) -> None:
        """Rules are optional."""
        assert parse_caption("(AFP via Getty Images)").credit == "AFP via Getty Images"


class TestCaptionCue:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("FILE - Police tape at a crime scene in Dallas.", "file photo"),
            ("FILE PHOTO: Oil tanks in Singapore.", "file photo"),
            ("Pictured: The suspect outside court", "caption opener"),
            ("Screenshot: The app's home page", "caption opener"),
            ("© Provided by Daily Mail", "alt text"),
            ("a woman holding a sign: Protesters march in Santiago", "alt text"),
            ("Smoke rises over Gaza. (AFP via Getty Images)", "photo credit"),
            ("Kyle Ross/USA TODAY Sports", "photo credit"),
            ("Storm clouds gather. Photograph: Ann Roe/PA", "photo credit"),
            ("Crowds gather. (AP Photo/Ted S. Warren)", "photo credit"),
        ],
    )
    def test_explicit_signals(self, text: str, reason: str) -> None:
        """Openers, file photos, alt text and credits in caption shape are cues."""
        assert caption_cue(text, RULES) == reason

    @pytest.mark.parametrize(
        "text",
        [
            "Reuters reported on Friday that the talks had stalled.",
            "The ministry confirmed the toll, according to the Associated Press.",
            '"We will rebuild," the governor told AFP.',
            "She shared a photo of the flood on social media.",
            "The photo by a bystander was viewed millions of times.",
            "The bill passed 52-48 (Senate Democrats)",
            "Getty",
            "the end: It was over.",
            "Officials said the fire was contained by Sunday.",
            "",
        ],
    )
    def test_prose_is_no_cue(self, text: str) -> None:
        """Body prose that names an agency or mentions a photo is no caption cue."""
        assert caption_cue(text, RULES) is None


class TestRobustness:
    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Arbitrary text never makes the caption functions raise."""
        parse_caption(text, rules=RULES)
        caption_cue(text, RULES)

