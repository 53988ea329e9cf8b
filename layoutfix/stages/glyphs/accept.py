"""The learned acceptance: near the bar, a logistic decision over cheap features of the fix
(`ACCEPT_FEATURES`, weights in `data/glyph_accept.json`, fitted by `resources/train_accept.py`) makes or drops it;
`RECORD`, when a list, collects every judged fix in the band for that training.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ...lm import name_shares
from .names import _name_context
from ...wordfreqs import best_word, longest_word, rival_reach, ZipfTable


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
BASE_FEATURES = ("margin", "gain", "channel", "shape", "tess", "gap", "lp_orig", "lp_new", "surname",
                 "given_name", "log_run", "name_ctx", "name_both")
# Session 32 (glyph32b): four features of modern running text (`wordfreqs`, wordfreq's list; all 0 without it):
# ``wf_lead``, the Zipf of the look-alike's commonest word over the place less the printed text's (0 where the list
# holds neither), ``wf_modern``, whether the printed text makes a word of that list the model lacks (a newer word,
# not a misreading: the 1998 dictionary alone cannot tell a word of today's text from a misread one), ``wf_rival``
# and ``wf_lead_lp`` (`_running_text_features`). The shipped file is fitted with them (`train_accept
# --running-text`); a decision file names the features it was fitted on, and a feature it does not name weighs
# nothing (data/glyph_accept.SOURCE.md has the figures).
RUNNING_TEXT_FEATURES = ("wf_lead", "wf_modern", "wf_rival", "wf_lead_lp")
ACCEPT_FEATURES = BASE_FEATURES + RUNNING_TEXT_FEATURES  # every feature `_accept_features` gives, in order
MODERN_FLOOR = 2.4  # Zipf at which a printed word the model lacks counts as a word of today's text (`wf_modern`)


@dataclass(frozen=True)
class Acceptance:
    """z = weights·features + bias - logit(threshold); a fix in the band is made when z >= 0."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    low: float
    high: float

    @cached_property
    def reads_running_text(self) -> bool:
        """Whether any running-text feature weighs in this decision (else the decoder need not compute them).

        Cached on the instance (its weights are a tuple, fixed): the decoder asks it once a block, and as a
        `property` it walked the features each time (about 1% of the compiled stage's instructions)."""
        return any(w for k, w in zip(ACCEPT_FEATURES, self.weights) if k in RUNNING_TEXT_FEATURES)

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
    return Acceptance(weights_over(d["features"], d["weights"]), d["bias"], d["threshold"], d["low"], d["high"])


def weights_over(features: list[str], weights: list[float]) -> tuple[float, ...]:
    """A fitted file's weights laid over `ACCEPT_FEATURES`: a feature the file was not fitted on weighs 0 (adding
    0.0 changes no sum, so such a file decides exactly as it did before the feature existed)."""
    unknown = set(features) - set(ACCEPT_FEATURES)
    assert not unknown, f"glyph_accept.json was fitted on features the stage does not compute: {sorted(unknown)}"
    of = dict(zip(features, weights))
    return tuple(float(of.get(k, 0.0)) for k in ACCEPT_FEATURES)


def _accept_features(run: str, i: int, n: int, c: str, x: str, margin: float, g: float, adj: float, sim: float,
                     viable: list, scored: list, logp: dict, unk: float, names: frozenset[str],
                     alone: int, modern: "ZipfTable | None" = None) -> tuple[float, ...]:
    """`ACCEPT_FEATURES` of the fix run[i] -> x (cheap: asked only of fixes near the bar); `modern`: wordfreq's
    table (`wordfreqs.zipf_table`), whose features are 0 without it."""
    obs = next((v[2] for v in viable if v[0] == x), 0)
    gap = min(10.0, adj - scored[1][0]) if len(scored) > 1 else 10.0
    name_ctx = _name_context(run, i)
    return (margin, g, adj - g, sim, math.log1p(obs), gap, max(-15.0, logp.get(c, unk)),
            max(-15.0, logp.get(x, unk)), float(c in names), float(alone == 2), math.log(n), name_ctx,
            name_shares().get(c, 0.25) * name_ctx, *_running_text_features(run, i, x, logp, modern, logp.get(c, unk)))


def _running_text_features(run: str, i: int, x: str, known: dict, table: "ZipfTable | None",
                           lp_orig: float = -15.0) -> tuple[float, float, float, float]:
    """(wf_lead, wf_modern, wf_rival, wf_lead_lp) of the fix run[i] -> x: how much commoner in today's running text the
    look-alike's word over i is than the printed text's (clipped to +-6); whether the printed text makes a word of
    running text at Zipf >= `MODERN_FLOOR` that the model (`known`) lacks; and whether a third character at i makes
    a longer word of running text (`wordfreqs.rival_reach`) than any the look-alike makes there (the misreading is
    real, but of another character: 社会主火 is 社会主义 misread, not 主人); and the lead times the printed
    character's unigram log-probability (`lp_orig`, floored at -15), so the fit can weigh a lead by how common the
    printed character is (a common function character such as 为 stands alone in running text: a look-alike
    making a word with its neighbour is weaker evidence there)."""
    if not table:
        return 0.0, 0.0, 0.0, 0.0
    alt = run[:i] + x + run[i + 1:]
    old, _ = best_word(run, i, table)
    new, _ = best_word(alt, i, table)
    modern = best_word(run, i, table, known)[0] >= MODERN_FLOOR
    reach = longest_word(alt, i, lambda w: table.get(w) is not None)
    rival = rival_reach(run, i, x, table, MODERN_FLOOR) > reach
    lead = max(-6.0, min(6.0, new - old))
    return lead, float(modern), float(rival), lead * max(-15.0, lp_orig) / 10
