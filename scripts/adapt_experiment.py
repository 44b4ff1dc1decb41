"""What a few annotated dumps buy: ``python scripts/adapt_experiment.py STYLE [N]``.

Needs the ``train`` extra and ``../shared/corpus``. The corpus is split by site into three
folds. A base model is trained on folds 2 and 3 (every style); N dumps of STYLE made of
fold-2 articles play the user's own annotated dumps; dumps of STYLE made of fold-1
articles (sites neither model saw) are the test. Printed: the base model, a model
trained on the N dumps alone, and the base model adapted with them (``--base``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsdump import _parse
from newsdump._goldset import fold_of, load_pieces, recombine
from newsdump.crossval import score_samples
from newsdump.train import Options, _featurize_all, fit


def main() -> int:
    """Train with and without the user dumps of one style; print both scores."""
    style = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    pieces = [p for p in load_pieces(Path("../shared/corpus/dumps"),
                                     Path("../shared/corpus/gold")) if p.lang == "en"]
    folds = {p.site: fold_of(p.site, 3) for p in pieces}
    base_pieces = [p for p in pieces if folds[p.site] != 0 and p.trainable]
    user = recombine([p for p in pieces if folds[p.site] == 1 and p.style == style
                      and p.trainable], seed=11, rounds=1)[:count]
    test = recombine([p for p in pieces if folds[p.site] == 0 and p.style == style],
                     seed=7, rounds=1)
    options = Options(rounds=1)
    base = fit(_featurize_all(recombine(base_pieces, seed=1, rounds=1), False, 2), options,
               {"experiment": "base"})
    alone = fit(_featurize_all(user, False, 1), Options(min_sites=1), {})
    _parse.default_model = lambda: base  # type: ignore[assignment]
    adapted = fit(_featurize_all(user, True, 1), Options(min_sites=1),
                  {"base": True})
    print(f"{style}: {len(user)} user dumps ({sum(len(s.gold.articles) for s in user)} "
          f"articles), test {len(test)} dumps ({sum(len(s.gold.articles) for s in test)})")
    print("model        bF1  soft    Pk roles title  auth")
    for name, model in (("base", base), ("user alone", alone), ("adapted", adapted)):
        scores = score_samples(test, model)[style]
        print(f"{name:10} {scores.boundaries_strict.f1:5.3f} {scores.boundaries_soft.f1:5.3f} "
              f"{scores.pk.value or 0:5.3f} {scores.roles.value or 0:5.3f} "
              f"{scores.titles.value or 0:5.3f} {scores.authors.f1:5.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
