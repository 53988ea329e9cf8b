"""Session 44's glyph specs (glyph44): the diagnostics that show where the learned decision stops generalising.

`train_accept --feature-auc` prints, per data set, how well each feature alone (and the shipped decision) separates
right fixes from wrong ones in the band the decision judges (`feature_aucs`); `glyph_false` counts distinct wrong
changes beside the total, since the unseen-text sets repeat articles (`distinct_key`).
"""
from __future__ import annotations

import math

import layoutfix.resources.train_accept as T
from layoutfix.resources.glyph_false import distinct_key


def test_auc_is_the_chance_a_right_row_outscores_a_wrong_one() -> None:
    assert T.auc([(0.1, 0), (0.2, 0), (0.7, 1), (0.9, 1)]) == 1.0
    assert T.auc([(0.1, 1), (0.2, 1), (0.7, 0), (0.9, 0)]) == 0.0
    # right 0.4 beats wrong 0.1 but not 0.5; right 0.8 beats both: 3 of 4 pairs
    assert T.auc([(0.1, 0), (0.4, 1), (0.5, 0), (0.8, 1)]) == 0.75


def test_a_tie_counts_half_and_one_label_alone_separates_nothing() -> None:
    assert T.auc([(1.0, 1), (1.0, 0)]) == 0.5
    assert T.auc([(2.0, 1), (1.0, 1), (1.0, 0), (0.0, 0)]) == (1 + 1 + 0.5 + 1) / 4
    assert T.auc([(0.3, 1), (0.9, 1)]) == 0.5
    assert T.auc([]) == 0.5


def test_auc_agrees_with_counting_every_pair() -> None:
    scored = [((i * 37) % 11 / 10, (i * 7) % 3 == 0) for i in range(40)]
    pairs = [(a, b) for a, ya in scored if ya for b, yb in scored if not yb]
    expected = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in pairs) / len(pairs)
    assert math.isclose(T.auc([(s, int(y)) for s, y in scored]), expected)


def _row(src: str, group: str, y: int, feats: list[float] | None, margin: float, val: bool = False) -> dict:
    return {"src": src, "group": group, "y": y, "feats": feats, "margin": margin, "val": val}


def test_feature_aucs_reads_each_data_set_inside_the_band_only() -> None:
    rows = [
        # real OCR: the first feature separates, the second the other way round
        _row("ocr", "p1", 1, [2.0, 0.0], 0.0), _row("ocr", "p2", 0, [1.0, 1.0], 0.0),
        # outside the band [-1, 1): not read (it would spoil the first feature's separation)
        _row("ocr", "p3", 0, [9.0, 0.0], 5.0), _row("ocr", "p4", 0, [9.0, 0.0], -3.0),
        # a row without features (a fix above the recorded band): not read
        _row("ocr", "p5", 0, None, 0.0),
        # a synthetic folder of validation days, on its own
        _row("synthetic", "dir/000", 1, [0.0, 3.0], 0.5, val=True),
        _row("synthetic", "dir/001", 0, [0.0, 1.0], 0.5, val=True),
        # clean text: every fix wrong, nothing to separate
        _row("clean", "a1", 0, [1.0, 1.0], 0.0),
    ]
    table = T.feature_aucs(rows, ("first", "second"), 1.0, 1.0)
    assert set(table) == {"ocr", "synthetic dir (validation)"}
    assert table["ocr"] == {"first": 1.0, "second": 0.0, "rows": 2.0}
    assert table["synthetic dir (validation)"] == {"first": 0.5, "second": 1.0, "rows": 2.0}


def test_feature_aucs_scores_a_decision_by_its_logit() -> None:
    from layoutfix.stages.glyphs.accept import Acceptance

    rows = [_row("ocr", "p1", 1, [2.0, 0.0], 0.0), _row("ocr", "p2", 0, [1.0, 1.0], 0.0)]
    backwards = Acceptance((-1.0, 0.0), 0.0, 0.5, 1.0, 1.0)
    assert T.feature_aucs(rows, ("first", "second"), 1.0, 1.0, backwards)["ocr"]["model"] == 0.0


def test_a_wrong_fix_repeated_by_an_article_printed_twice_counts_once() -> None:
    a = distinct_key("look-alike (learned)", "甲", "乙", "…某某甲某某…")
    assert a == distinct_key("look-alike (learned)", "甲", "乙", "某某甲某某")
    assert a != distinct_key("look-alike (bar)", "甲", "乙", "某某甲某某")
    assert a != distinct_key("look-alike (learned)", "甲", "丙", "某某甲某某")
