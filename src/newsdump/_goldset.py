"""Annotated dumps as training and test material: articles cut out, recombined, split.

A gold directory pair (``dumps/X.txt`` with ``gold/X.json``, the dev-set format of
:mod:`newsdump.scoring`) is cut into :class:`Piece` objects, one per article, each with
its lines and their gold roles. Pieces are recombined into new dumps (:func:`compose`)
in new orders, with or without blank lines, so that a model sees many more boundaries
than the files hold, and so that a test dump holds only articles of the sites held out.
Splits are by site (:func:`fold_of`): all styles of an article, and all pages of a
site, fall on the same side.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from newsdump._model import Role
from newsdump.scoring import Gold, GoldArticle, GoldDateline, GoldError

__all__ = [
    "Piece",
    "Sample",
    "compose",
    "fold_of",
    "load_pieces",
    "recombine",
]

RESEARCH_ONLY = frozenset({"MSVCode/ir-research-data", "WubabooTR/evan_extract"})
"""Sources whose articles may be used to measure but not to train shipped weights."""


@attrs.frozen(slots=True)
class Piece:
    """One gold article: its lines as printed and what is known of each.

    ``roles[k]`` is the gold role of ``lines[k]``, ``None`` for a blank line; ``labeled``
    says which roles are gold (the others were filled in from the nearest gold line above,
    for training, and are not scored). Metadata line numbers are relative (0-based).
    """

    lines: tuple[str, ...]
    roles: tuple[Role | None, ...]
    labeled: tuple[bool, ...]
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    relative_date: str | None
    publisher: str | None
    dateline: tuple[str, str | None, int] | None
    site: str
    source: str
    style: str
    dense: bool
    lang: str
    trainable: bool

    @property
    def blank_free(self) -> Piece:
        """The same article with its blank lines removed."""
        keep = [k for k, role in enumerate(self.roles) if role is not None]
        return _subset(self, keep)


def _subset(piece: Piece, keep: Sequence[int]) -> Piece:
    where = {old: new for new, old in enumerate(keep)}
    dateline = piece.dateline
    if dateline is not None:
        dateline = (dateline[0], dateline[1], where.get(dateline[2], 0))
    return attrs.evolve(
        piece,
        lines=tuple(piece.lines[k] for k in keep),
        roles=tuple(piece.roles[k] for k in keep),
        labeled=tuple(piece.labeled[k] for k in keep),
        dateline=dateline,
        dense=True,
    )


def _spaced(piece: Piece) -> Piece:
    """The same article with a blank line after every non-blank line."""
    lines: list[str] = []
    roles: list[Role | None] = []
    labeled: list[bool] = []
    where: dict[int, int] = {}
    for k, (line, role, known) in enumerate(zip(piece.lines, piece.roles, piece.labeled,
                                                strict=True)):
        if role is None:
            continue
        where[k] = len(lines)
        lines += [line, ""]
        roles += [role, None]
        labeled += [known, False]
    dateline = piece.dateline
    if dateline is not None:
        dateline = (dateline[0], dateline[1], where.get(dateline[2], 0))
    return attrs.evolve(piece, lines=tuple(lines[:-1]), roles=tuple(roles[:-1]),
                        labeled=tuple(labeled[:-1]), dateline=dateline, dense=False)


def fold_of(site: str, folds: int) -> int:
    """The cross-validation fold of a site: a stable hash, the same on every machine."""
    digest = hashlib.sha256(site.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


def load_pieces(dumps_dir: Path, gold_dir: Path, *, group: str | None = None) -> list[Piece]:
    """Cut every annotated dump of a directory pair into pieces, in file order.

    ``group`` names the site of every piece when the gold has no ``_provenance.site``
    (the seeds and the project's own corpus); by default the dump's file name is used.
    A gold file without its dump is skipped. Raises :class:`~newsdump.scoring.GoldError`
    naming the file when a dump or a gold file cannot be read, or a gold article does
    not fit its dump.
    """
    pieces: list[Piece] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        dump_path = dumps_dir / (gold_path.stem + ".txt")
        if not dump_path.exists():
            continue
        where = dump_path
        try:
            text = dump_path.read_text(encoding="utf-8")
            where = gold_path
            data = json.loads(gold_path.read_text(encoding="utf-8"))
            pieces.extend(_pieces(text.split("\n"), data, gold_path.stem, group))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError,
                ValueError, AttributeError) as exc:
            msg = f"{where}: cannot be read for training ({type(exc).__name__}: {exc})"
            raise GoldError(msg) from exc
    return pieces


def _pieces(lines: list[str], data: dict[str, Any], stem: str, group: str | None) -> list[Piece]:
    out: list[Piece] = []
    parts = stem.split("_")
    dense = "dense" in parts
    for article in data["articles"]:
        prov = article.get("_provenance") or {}
        start, end = int(article["start"]), int(article["end"])
        if not 1 <= start <= end <= len(lines):
            msg = f"article lines {start}-{end} are outside the dump's {len(lines)} lines"
            raise ValueError(msg)
        gold_roles = {int(k): Role(v) for k, v in (article.get("roles") or {}).items()}
        # A lone CR inside a line is a line break to the parser, not to the gold.
        text = [line.replace("\r", " ") for line in lines[start - 1 : end]]
        roles: list[Role | None] = []
        labeled: list[bool] = []
        last: Role | None = None
        for number, line in enumerate(text, start):
            if not line.strip():
                roles.append(None)
                labeled.append(False)
                continue
            role = gold_roles.get(number)
            labeled.append(role is not None)
            if role is None:
                role = last if last is not None else _next_role(gold_roles, number, end)
            roles.append(role)
            last = role
        raw_date = article.get("date")
        raw_dateline = article.get("dateline")
        dateline = None
        if raw_dateline:
            dateline = (str(raw_dateline["location"]), raw_dateline.get("agency"),
                        int(raw_dateline["line"]) - start)
        source = str(prov.get("repo") or group or stem)
        out.append(
            Piece(
                lines=tuple(text),
                roles=tuple(roles),
                labeled=tuple(labeled),
                title=article.get("title"),
                authors=tuple(article.get("authors") or ()),
                date=raw_date if isinstance(raw_date, str) else None,
                relative_date=raw_date.get("relative") if isinstance(raw_date, dict) else None,
                publisher=article.get("publisher"),
                dateline=dateline,
                site=str(prov.get("site") or f"{group or stem}#{len(out)}"),
                source=source,
                style=str(prov.get("style") or group or "other"),
                dense=dense,
                lang=str(prov.get("lang") or "en"),
                trainable=source not in RESEARCH_ONLY,
            )
        )
    return out


def _next_role(roles: dict[int, Role], number: int, end: int) -> Role:
    for k in range(number + 1, end + 1):
        if k in roles:
            return roles[k]
    return Role.BODY


@attrs.frozen(slots=True)
class Sample:
    """A dump made of pieces: its text, its gold, and the labels of its non-blank lines.

    ``labels`` holds ``(role, starts_article)`` per non-blank line; ``sites`` the site of
    each piece, in order.
    """

    name: str
    text: str
    gold: Gold
    labels: tuple[tuple[Role, bool], ...]
    style: str
    sites: tuple[str, ...]


def compose(name: str, pieces: Sequence[Piece]) -> Sample:
    """Glue pieces into one dump; dense pieces touch, others get one blank line between."""
    lines: list[str] = []
    articles: list[GoldArticle] = []
    labels: list[tuple[Role, bool]] = []
    for n, piece in enumerate(pieces):
        if n and not (piece.dense and pieces[n - 1].dense):
            lines.append("")
        base = len(lines) + 1
        numbers = [base + k for k, role in enumerate(piece.roles) if role is not None]
        first = True
        for role in piece.roles:
            if role is not None:
                labels.append((role, first))
                first = False
        lines.extend(piece.lines)
        articles.append(
            GoldArticle(
                start=numbers[0],
                end=numbers[-1],
                title=piece.title,
                authors=piece.authors,
                date=piece.date,
                relative_date=piece.relative_date,
                publisher=piece.publisher,
                dateline=(
                    GoldDateline(piece.dateline[0], piece.dateline[1], base + piece.dateline[2])
                    if piece.dateline
                    else None
                ),
                roles={
                    base + k: role
                    for k, (role, known) in enumerate(zip(piece.roles, piece.labeled,
                                                          strict=True))
                    if role is not None and known
                },
                unlabeled=frozenset(
                    base + k
                    for k, (role, known) in enumerate(zip(piece.roles, piece.labeled,
                                                          strict=True))
                    if role is not None and not known
                ),
            )
        )
    text = "\n".join(lines) + "\n"
    gold = Gold(source=name, line_count=len(lines) + 1, articles=tuple(articles))
    style = pieces[0].style if pieces else "other"
    return Sample(name, text, gold, tuple(labels), style, tuple(p.site for p in pieces))


def recombine(
    pieces: Iterable[Piece],
    *,
    seed: int,
    rounds: int = 1,
    size: tuple[int, int] = (5, 10),
    flip_max_lines: int = 250,
) -> list[Sample]:
    """New dumps from pieces of one style: shuffled, in groups of ``size`` articles.

    Round 0 keeps each piece's own blank-line layout; later rounds take the pieces of
    at most ``flip_max_lines`` lines again, in a new order, odd rounds with the layout
    flipped (blank lines removed, or one added after every line), so that articles also
    meet glued end to start, and every third round in short dumps of one to three
    articles. Whole-page renderings, mostly menus, are taken once. The same pieces and
    seed always give the same dumps.
    """
    by_style: dict[str, list[Piece]] = {}
    for piece in pieces:
        if any(role is not None for role in piece.roles):
            by_style.setdefault(piece.style, []).append(piece)
    rng = random.Random(seed)
    samples: list[Sample] = []
    for style in sorted(by_style):
        group = by_style[style]
        for r in range(rounds):
            order = list(group) if r == 0 else [p for p in group
                                                if len(p.lines) <= flip_max_lines]
            rng.shuffle(order)
            if r % 2 == 1:
                order = [p.blank_free if not p.dense else _spaced(p) for p in order]
            # Every third round makes short dumps of one to three articles.
            low, high = (1, 3) if r % 3 == 2 else size
            k = 0
            while k < len(order):
                n = rng.randint(low, high)
                chunk = order[k : k + n]
                samples.append(compose(f"{style}-{seed}-{r}-{len(samples)}", chunk))
                k += n
    return samples
