"""The learned join model: the feature names in the order `flowtrain` learns them, the weights file
(`JoinModel`, `load_model`), the scored join (`Candidate`) and the few numeric helpers (dot products,
softmax, logit) the scorer and the trainer share.
"""
from __future__ import annotations

import json
import math
from itertools import compress
from operator import mul
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Candidate:
    source: int
    target: int
    score: float  # the join probability
    gain: float
    distance: int
    why: str = ""  # for a join not made by the model: what made it
    excluded: str = ""  # why this pair is never joined whatever its probability (logged as a near miss)
    # the join stands only when its target goes on (is itself joined to a later block): `assign.needs_onward`
    onward: bool = False


def gain_text(gain: float) -> str:
    """The word-LM gain as a join's reason gives it. The gain is measured only where a dictionary word spans
    the join (`pairs`); elsewhere it is 0.0 by default, which read as 'measured, no gain' (review16a)."""
    return "no word spans the join" if gain == 0.0 else f"lm gain {gain:.1f}"


# -- the learned join model ----------------------------------------------------
# A conditional logit per open block: each later candidate j scores w·pair(i, j), "no continuation
# on this page" scores v·source(i), and P(j | i) is the softmax over them.
PAIR_FEATURES: tuple[str, ...] = (
    "gain", "gain_word", "pmi", "d1", "logd", "cont_punct", "open_quote", "b_title", "b_start", "b_short",
    "b_closed", "b_len", "same_caption", "foreign_caption", "gap_body", "gap_title", "not_han", "sim",
    "crosses_wall", "b_unopened", "b_head", "sent_len", "start_x_d1", "gain_x_d1", "title_x_d1", "start_neg",
    "start_pos", "start2", "lead_comma", "quote_match", "column_cut", "span_word", "gain_margin", "start_margin",
    "han_x_d1", "both_lines", "b_quote_word", "fw_x_d1", "quote_word_x_d1", "b_open", "open_x_d1",
    "pos_join", "mark_open",
)
SOURCE_FEATURES: tuple[str, ...] = (
    "a_comma", "a_colon", "a_paren", "a_quote_only", "a_title", "a_short", "a_caption", "a_unclosed",
    "a_tail", "a_len", "n_cands", "a_han", "a_line", "a_stop_near", "a_junk", "a_func_end",
    "a_title_fw",
)
# "no source on this page" for a target block (the reverse model: each block that may continue another
# chooses among the open blocks before it, or opens a paragraph itself)
TARGET_FEATURES: tuple[str, ...] = (
    "t_start", "t_start2", "t_lead_comma", "t_cont_punct", "t_open_quote", "t_unopened", "t_title", "t_short",
    "t_prev_open", "t_prev_head", "t_han", "t_len", "t_quote_word", "t_open", "t_mark_open", "n_srcs",
)
# the reverse model's pair features: which open block a target continues depends on the source's shape too
REVERSE_FEATURES: tuple[str, ...] = PAIR_FEATURES + tuple("src_" + k for k in SOURCE_FEATURES)
WEIGHTS_PATH = "data/flow_weights.json"
_GAIN, _START = PAIR_FEATURES.index("gain"), PAIR_FEATURES.index("b_start")
_GAIN_MARGIN, _START_MARGIN = PAIR_FEATURES.index("gain_margin"), PAIR_FEATURES.index("start_margin")
_SAME_CAPTION, _FOREIGN = PAIR_FEATURES.index("same_caption"), PAIR_FEATURES.index("foreign_caption")
_QUOTE_MATCH, _SIM = PAIR_FEATURES.index("quote_match"), PAIR_FEATURES.index("sim")
# `candidates(prune=...)` as `flow` calls it: the smallest margin at which the pre-filter drops neither a join
# the full model chooses nor a gold continuation on the synthetic tuning split (measured at margins 2..10:
# at 4, 2 gold continuations the model scores below 0.005 go; at 6, none, with 55% of the pairs kept)
PRUNE_MARGIN = 6.0


@dataclass(frozen=True)
class JoinModel:
    """Weights of the join model and the paragraph-start table, learned by
    `python -m layoutfix.flowtrain` from the synthetic tuning split."""

    pair: dict[str, float]
    none: dict[str, float]
    none_bias: float
    start: dict[str, float]  # log P(c opens a paragraph) / P(c in running text)
    start_default: float
    start2: dict[str, float]  # the same for the first two characters (common openers: 当然 今天 于是)
    threshold: float  # join probability a join needs
    # the reverse model: P(source i | target j) against "j opens a paragraph" (pair weights, none weights, bias)
    rpair: dict[str, float] = None  # type: ignore[assignment]
    rnone: dict[str, float] = None  # type: ignore[assignment]
    rnone_bias: float = 0.0
    # the join probability from both: sigmoid(a·logit P(j|i) + b·logit P(i|j) + c); (1, 0, 0) is P(j|i) alone
    combine: tuple[float, float, float] = (1.0, 0.0, 0.0)
    # log P(class of the first word | a paragraph opens) / P(the same | a block continues one mid-sentence), by
    # `opening_class` (jieba's part-of-speech tag of the first word: a place or time word opens, a single
    # structural or measure character continues)
    opening: dict[str, float] = None  # type: ignore[assignment]

    def start2_of(self, text: str) -> float:
        return self.start2.get(start_key(text[:1]) + start_key(text[1:2]), 0.0) if len(text) > 1 else 0.0

    def _weights_vec(self, slot: str, weights: dict[str, float] | None, names: tuple[str, ...]) -> list[float]:
        """`weights` in the order of `names` (0.0 for a name it lacks), built once and kept in the frozen object's
        `__dict__` under `slot`."""
        vec = self.__dict__.get(slot)
        if vec is None:
            vec = [(weights or {}).get(k, 0.0) for k in names]
            object.__setattr__(self, slot, vec)
        return vec

    @property
    def pair_vec(self) -> list[float]:
        return self._weights_vec("_pair_vec", self.pair, PAIR_FEATURES)

    @property
    def rpair_vec(self) -> list[float]:
        return self._weights_vec("_rpair_vec", self.rpair, REVERSE_FEATURES)

    @property
    def none_vec(self) -> list[float]:
        """The "no continuation" weights in `SOURCE_FEATURES` order (the vector `none_z` reads for features in that
        order)."""
        return self._weights_vec("_none_vec", self.none, SOURCE_FEATURES)

    @property
    def rnone_vec(self) -> list[float]:
        """The reverse model's "opens a paragraph" weights in `TARGET_FEATURES` order (the vector `rnone_z` reads
        for features in that order)."""
        return self._weights_vec("_rnone_vec", self.rnone, TARGET_FEATURES)

    def none_z(self, src: dict[str, float]) -> float:
        """"No continuation" for a source: none_bias + its `SOURCE_FEATURES` · the none weights."""
        return self.none_bias + _named_dot(self.none, SOURCE_FEATURES, src, self, "_none_vec")

    def rnone_z(self, tgt: dict[str, float]) -> float:
        """"Opens a paragraph" for a target: rnone_bias + its `TARGET_FEATURES` · the rnone weights."""
        return self.rnone_bias + _named_dot(self.rnone or {}, TARGET_FEATURES, tgt, self, "_rnone_vec")

    def rprobs(self, tgt: dict[str, float], pairs: list[list[float]]) -> list[float]:
        """P(source k is the block the target continues) for each candidate source (the rest: the target
        opens a paragraph)."""
        vec = self.rpair_vec
        return _softmax([_dot(vec, f) for f in pairs], self.rnone_z(tgt))

    def joint(self, pf: float, pr: float) -> float:
        """The join probability from the forward and the reverse model's."""
        a, b, c = self.combine
        if not b:
            return pf if a == 1.0 and not c else 1 / (1 + math.exp(-(a * _logit(pf) + c)))
        return 1 / (1 + math.exp(-(a * _logit(pf) + b * _logit(pr) + c)))

    def probs(self, src: dict[str, float], pairs: list[list[float]], zs: list[float] | None = None,
              z0: float | None = None) -> list[float]:
        """P(candidate k continues the source) for each candidate (the rest: no continuation);
        a pair's features are listed in `PAIR_FEATURES` order (`zs`: their pair scores, `z0`: `none_z(src)`, when
        the caller has them)."""
        if zs is None:
            vec = self.pair_vec
            zs = [_dot(vec, f) for f in pairs]
        return _softmax(zs, self.none_z(src) if z0 is None else z0)


def _dot(w: list[float], f: list[float], start: float = 0.0) -> float:
    """`start + sum(map(mul, w, f))` with the same value to the last bit, over the non-zero features only (two
    thirds of a pair's features are 0.0 and add nothing: a product w·0.0 is ±0.0, and adding it leaves a sum
    unchanged, the weights being finite). `compress` picks the features and their weights at C speed."""
    return sum(map(mul, compress(w, f), compress(f, f)), start)


def _softmax(zs: list[float], z0: float) -> list[float]:
    """Each candidate's share of a softmax over the candidates' scores `zs` and the "none" score `z0`."""
    m = max(zs + [z0])
    es = [math.exp(z - m) for z in zs]
    tot = sum(es) + math.exp(z0 - m)
    return [e / tot for e in es]


def _named_dot(weights: dict[str, float], names: tuple[str, ...], values: dict[str, float], model: JoinModel,
               memo: str) -> float:
    """sum(weights.get(k, 0.0) * v for k, v in values.items()), the same sum in the same order; when the
    values are keyed by `names` in that order (as `candidates` builds them) the weights are read from a
    vector kept on the model under `memo`."""
    if tuple(values) != names:
        return sum(weights.get(k, 0.0) * v for k, v in values.items())
    return sum(map(mul, model._weights_vec(memo, weights, names), values.values()))


def _logit(p: float) -> float:
    p = 1e-6 if p < 1e-6 else 1 - 1e-6 if p > 1 - 1e-6 else p
    return math.log(p / (1 - p))


@lru_cache(maxsize=1)
def load_model() -> JoinModel:
    data = json.loads(resources.files("layoutfix").joinpath(WEIGHTS_PATH).read_text(encoding="utf-8"))
    return JoinModel({k: float(v) for k, v in data["pair"].items()},
                     {k: float(v) for k, v in data["none"].items()}, float(data["none_bias"]),
                     {k: float(v) for k, v in data["start"].items()}, float(data["start_default"]),
                     {k: float(v) for k, v in data["start2"].items()}, float(data["threshold"]),
                     {k: float(v) for k, v in data.get("rpair", {}).items()},
                     {k: float(v) for k, v in data.get("rnone", {}).items()}, float(data.get("rnone_bias", 0.0)),
                     tuple(float(x) for x in data.get("combine", (1.0, 0.0, 0.0))),  # type: ignore[arg-type]
                     {k: float(v) for k, v in data.get("opening", {}).items()})


def start_key(ch: str) -> str:
    """The paragraph-start table's key for a first character (digits and Latin letters by class)."""
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "A"
    return ch


def _clip(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x
