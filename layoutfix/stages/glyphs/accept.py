"""The learned acceptance: near the bar, a logistic decision over cheap features of the fix
(`ACCEPT_FEATURES`, weights in `data/glyph_accept.json`, fitted by `resources/train_accept.py`) makes or drops it;
`RECORD`, when a list, collects every judged fix in the band for that training.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from functools import lru_cache

from ...lm import name_shares
from .names import _name_context


# Near the bar the margin alone does not separate right fixes from wrong ones (session 8: most wrong fixes
# on the tuning splits sat within 1 of the bar, beside many right ones). A logistic model over cheap,
# general features of the fix judges the look-alikes within [-low, +high) of the bar (the shipped
# model only; one trained with an observed channel keeps its margins). Weights, band and threshold come
# from `python -m layoutfix.resources.train_accept` (data/glyph_accept.SOURCE.md).
# Session 13: thirteen features. Validated on tuning days no training row came from (a model fitted on
# 1998-01-01..12, judged on pages of 01-13..16), the eight dropped ones (quoted, run edge, ASCII neighbour,
# numeral, number of look-alikes, the printed and the new character's name shares, and the lone-surname flag,
# equal to the surname flag on every recorded fix) separated right from wrong fixes no better than chance on
# the unseen days, or the other way round than on the training days; without them the decision is as precise.
ACCEPT_FEATURES = ("margin", "gain", "channel", "shape", "tess", "gap", "lp_orig", "lp_new", "surname",
                   "given_name", "log_run", "name_ctx", "name_both")


@dataclass(frozen=True)
class Acceptance:
    """z = weights·features + bias - logit(threshold); a fix in the band is made when z >= 0."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    low: float
    high: float

    def logit(self, feats: tuple[float, ...]) -> float:
        return (sum(map(operator.mul, self.weights, feats)) + self.bias
                - math.log(self.threshold / (1 - self.threshold)))

    def p(self, z: float) -> float:
        """The model's probability that the fix is right, from `logit`'s z."""
        z += math.log(self.threshold / (1 - self.threshold))
        return 1 / (1 + math.exp(-z)) if z > -60 else 0.0

    @classmethod
    def margin_only(cls, low: float, high: float) -> "Acceptance":
        """The bar itself as a model (z = margin): the decisions of the hand-set margins, for recording."""
        return cls(tuple(1.0 if k == "margin" else 0.0 for k in ACCEPT_FEATURES), 0.0, 0.5, low, high)


# both set on this module (`glyphs.accept`) by train_accept and tests, and read here at call time
ACCEPT: "Acceptance | None | str" = "shipped"  # "shipped": data/glyph_accept.json when present; None: margins only
RECORD: list | None = None  # a list: every judged fix in the band is appended (train_accept reads it)


def acceptance() -> Acceptance | None:
    """The learned decision the decoder uses (`ACCEPT`)."""
    if ACCEPT == "shipped":
        return _shipped_acceptance()
    return ACCEPT  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _shipped_acceptance() -> Acceptance | None:
    """data/glyph_accept.json as an `Acceptance`, read once; None when the file is absent (margins only)."""
    import json
    from importlib import resources
    f = resources.files("layoutfix").joinpath("data", "glyph_accept.json")
    if not f.is_file():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    assert tuple(d["features"]) == ACCEPT_FEATURES, "glyph_accept.json was fitted on other features"
    return Acceptance(tuple(d["weights"]), d["bias"], d["threshold"], d["low"], d["high"])


def _accept_features(run: str, i: int, n: int, c: str, x: str, margin: float, g: float, adj: float, sim: float,
                     viable: list, scored: list, logp: dict, unk: float, names: frozenset[str],
                     alone: int) -> tuple[float, ...]:
    """`ACCEPT_FEATURES` of the fix run[i] -> x (cheap: asked only of fixes near the bar)."""
    obs = next((v[2] for v in viable if v[0] == x), 0)
    gap = min(10.0, adj - scored[1][0]) if len(scored) > 1 else 10.0
    name_ctx = _name_context(run, i)
    return (margin, g, adj - g, sim, math.log1p(obs), gap, max(-15.0, logp.get(c, unk)),
            max(-15.0, logp.get(x, unk)), float(c in names), float(alone == 2), math.log(n), name_ctx,
            name_shares().get(c, 0.25) * name_ctx)
