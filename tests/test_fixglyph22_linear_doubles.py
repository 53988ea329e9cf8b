"""fixglyph22: judging a doubled unit that is no word costs work bounded by a window around it, not the run's
length (review22a's quadratic defect). Invented text only."""
from __future__ import annotations

from layoutfix.lm import load_lm
from layoutfix.stages import glyphs
from layoutfix.stages.glyphs import common


def test_judging_doubled_units_in_a_long_unpunctuated_run_hands_the_segmenter_linear_work(monkeypatch) -> None:
    # glyphs._judge_double segmented the whole Han run again (`_segments(lm, once)`) for every doubled unit that
    # is no word, so a run without punctuation holding many such units cost run length x units: a clause of
    # 27 characters with one '府把府把' repeated 200 times (5,400 characters) handed `_forward` 1.09 million
    # characters, 400 times 4.3 million. The judgement needs only a window around the unit.
    handed = [0]
    forward = common._forward

    def counting(lm, run, *args, **kwargs):  # type: ignore[no-untyped-def]
        handed[0] += len(run)
        return forward(lm, run, *args, **kwargs)

    monkeypatch.setattr(common, "_forward", counting)  # the segmentation's one caller of the LM's forward pass
    lm = load_lm(None)
    clause = "村里今年修路政府把府把扶贫款用在刀刃上农民收入年年增加"
    text = clause * 200
    fixed, _ = glyphs.fix_changes(text, lm)
    assert len(fixed) < len(text)  # the copies are found (the work is not saved by finding nothing)
    assert handed[0] <= 20 * len(text)
