"""Gold articles cut out of annotated dumps, recombined into new dumps, split by site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdump._goldset import Piece, compose, fold_of, load_pieces, recombine
from newsdump._lines import split_lines
from newsdump._model import Role
from newsdump.scoring import GoldError

OWN = Path(__file__).parent / "corpus" / "own"


@pytest.fixture(scope="module")
def pieces() -> list[Piece]:
    return load_pieces(OWN / "dumps", OWN / "gold", group="own")


class TestPieces:
    def test_every_article_is_a_piece(self, pieces: list[Piece]) -> None:
        """Each gold article becomes one piece whose non-blank lines all have a role."""
        articles = sum(len(json.loads(p.read_text())["articles"])
                       for p in (OWN / "gold").glob("*.json"))
        assert len(pieces) == articles
        for piece in pieces:
            assert all((role is None) == (not line.strip())
                       for line, role in zip(piece.lines, piece.roles, strict=True))

    def test_sites_without_provenance_are_per_dump(self, pieces: list[Piece]) -> None:
        """Gold without ``_provenance.site`` groups by the dump it came from."""
        assert all("#" in p.site for p in pieces)


class TestCompose:
    def test_gold_fits_the_text(self, pieces: list[Piece]) -> None:
        """The composed gold partitions the non-blank lines and counts the text's lines."""
        sample = compose("x", pieces[:4])
        assert sample.gold.line_count == len(sample.text.split("\n"))
        non_blank = [ln.number for ln in split_lines(sample.text) if not ln.is_blank]
        assert len(non_blank) == len(sample.labels)
        covered = [n for a in sample.gold.articles for n in non_blank if a.start <= n <= a.end]
        assert covered == non_blank
        assert [start for _, start in sample.labels].count(True) == 4

    def test_dense_pieces_touch(self, pieces: list[Piece]) -> None:
        """Pieces without blank lines are glued end to start, with no blank between."""
        dense = [p.blank_free for p in pieces[:3]]
        sample = compose("x", dense)
        assert "\n\n" not in sample.text

    def test_roles_carry_over(self, pieces: list[Piece]) -> None:
        """The first labelled line of each article keeps its gold role."""
        sample = compose("x", pieces[:2])
        first = sample.gold.articles[1]
        assert first.roles.get(first.start, Role.BODY) == pieces[1].roles[0]


class TestRecombine:
    def test_deterministic(self, pieces: list[Piece]) -> None:
        """The same pieces and seed give the same dumps; another seed other orders."""
        a = [s.text for s in recombine(pieces, seed=1, rounds=2)]
        b = [s.text for s in recombine(pieces, seed=1, rounds=2)]
        c = [s.text for s in recombine(pieces, seed=2, rounds=2)]
        assert a == b
        assert a != c

    def test_second_round_flips_the_layout(self, pieces: list[Piece]) -> None:
        """Round two removes blank lines from blank dumps and adds them to dense ones."""
        samples = recombine(pieces, seed=1, rounds=2)
        assert sum(len(s.labels) for s in samples) == 2 * sum(
            1 for p in pieces for r in p.roles if r is not None)


class TestFolds:
    def test_stable_and_in_range(self) -> None:
        """A site's fold is a fixed hash in ``range(folds)``."""
        assert fold_of("example.com", 5) == fold_of("example.com", 5)
        assert {fold_of(f"site{k}.org", 5) for k in range(200)} == set(range(5))


class TestBadGold:
    @pytest.mark.parametrize(
        ("dump", "gold", "says"),
        [
            (b"one\ntwo\n", b"{", "JSONDecodeError"),
            (b"one\ntwo\n", b'{"articles": [{"start": 1, "end": 9}]}', "outside the dump"),
            (b"one\ntwo\n", b'{"articles": [{"start": 2, "end": 1}]}', "outside the dump"),
            (b"one\ntwo\n", b'{"articles": [{"end": 2}]}', "KeyError"),
            (b"one\ntwo\n", b'{"articles": [{"start": 1, "end": 2, "roles": {"1": "hero"}}]}',
             "'hero' is not a valid Role"),
            (b"one\ntwo\n", b"[1, 2]", "TypeError"),
            (b"\xff\xfe one\n", b'{"articles": [{"start": 1, "end": 1}]}', "UnicodeDecodeError"),
        ],
    )
    def test_named_error(self, tmp_path: Path, dump: bytes, gold: bytes, says: str) -> None:
        """A dump or gold file that cannot be cut into pieces raises GoldError naming it."""
        (tmp_path / "dumps").mkdir()
        (tmp_path / "gold").mkdir()
        (tmp_path / "dumps" / "a.txt").write_bytes(dump)
        (tmp_path / "gold" / "a.json").write_bytes(gold)
        with pytest.raises(GoldError, match=says) as caught:
            load_pieces(tmp_path / "dumps", tmp_path / "gold")
        assert "a.txt" in str(caught.value) or "a.json" in str(caught.value)
