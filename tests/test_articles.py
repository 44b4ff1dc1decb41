"""build_article: an article's fields from its labelled lines."""

from __future__ import annotations

import attrs

from newsdump import Role, Rules
from newsdump._articles import build_article
from newsdump._cues import line_cues
from newsdump._features import line_features
from newsdump._lines import split_lines
from newsdump._model import Article

TEXT = (
    "World\n"
    "Storm floods the coast as rivers burst their banks\n"
    "By Jane Doe\n"
    "A storm hit the coast on Monday, officials said, and the roads were closed.\n"
)


def _article(roles: list[Role], confidence: list[float]) -> Article:
    lines = split_lines(TEXT)
    cues = line_cues([line_features(i, ln.text) for i, ln in enumerate(lines)], Rules(), None)
    labelled = [attrs.evolve(ln, role=r, confidence=c)
                for ln, r, c in zip(lines, roles, confidence, strict=True)]
    return build_article(0, labelled, {c.index: c for c in cues}, Rules(), None)


ROLES = [Role.TITLE, Role.TITLE, Role.BYLINE, Role.BODY]


def test_of_two_title_lines_the_surer_is_the_title() -> None:
    """A section kicker the model also labelled title loses to the surer headline."""
    article = _article(ROLES, [0.4, 0.9, 0.9, 0.9])
    assert article.title == "Storm floods the coast as rivers burst their banks"


def test_equal_confidence_keeps_the_first_title_line() -> None:
    """Between equally sure title lines the first one is the title."""
    assert _article(ROLES, [0.9, 0.9, 0.9, 0.9]).title == "World"


def test_authors_and_paragraphs_come_from_their_roles() -> None:
    """The byline's names are the authors; the body line is the one paragraph."""
    article = _article(ROLES, [1.0] * 4)
    assert article.authors == ("Jane Doe",)
    assert article.paragraphs == (
        "A storm hit the coast on Monday, officials said, and the roads were closed.",
    )
