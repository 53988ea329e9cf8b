"""How `flow.candidates` lays out a pair's features: what depends on the target alone is the same for every
source that scores it, and the distance products are the products they are named after."""
from __future__ import annotations

import math
from pathlib import Path

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages import flow as F
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"
TARGET_ONLY = ("cont_punct", "open_quote", "b_title", "b_start", "b_short", "b_closed", "b_len", "b_unopened",
               "b_head", "start_neg", "start_pos", "start2", "lead_comma", "b_quote_word", "b_open")
PRODUCTS = {"start_x_d1": "b_start", "gain_x_d1": "gain", "quote_word_x_d1": "b_quote_word", "open_x_d1": "b_open"}


def _groups():  # type: ignore[no-untyped-def]
    config, lm, model = Config(), load_lm(None), F.load_model()
    for txt in sorted(SAMPLES.glob("*.txt")):
        page = normalize(read(txt.read_bytes(), config, source=txt.name))
        yield F.candidates(page, lm, config, model)


def test_a_targets_own_features_are_the_same_for_every_source_that_scores_it() -> None:
    ix = [F.PAIR_FEATURES.index(k) for k in TARGET_ONLY]
    seen_shared = False
    for groups in _groups():
        by_target: dict[int, list[float]] = {}
        for g in groups:
            for j, _, f in g.cands:
                assert len(f) == len(F.PAIR_FEATURES)
                own = [f[k] for k in ix]
                if j in by_target:
                    seen_shared = True
                    assert by_target[j] == own
                by_target[j] = own
    assert seen_shared  # the sample pages have targets that several open blocks score


def test_distance_products_are_their_factor_next_door_and_zero_farther_on() -> None:
    d1 = F.PAIR_FEATURES.index("d1")
    logd = F.PAIR_FEATURES.index("logd")
    for groups in _groups():
        for g in groups:
            for _, d, f in g.cands:
                assert f[d1] == (1.0 if d == 1 else 0.0)
                assert f[logd] == (0.0 if d == 1 else math.log(d))
                for prod, factor in PRODUCTS.items():
                    want = f[F.PAIR_FEATURES.index(factor)] if d == 1 else 0.0
                    assert f[F.PAIR_FEATURES.index(prod)] == want, (prod, d)
                for prod, src in (("title_x_d1", "a_title"), ("fw_x_d1", "a_title_fw")):
                    assert f[F.PAIR_FEATURES.index(prod)] == (g.src[src] if d == 1 else 0.0), (prod, d)
