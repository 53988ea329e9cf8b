"""Spec (lead51): a garbled copy holds at least three distinct letters, digits or Han characters.

Hypothesis found a page whose second line opens with a run of one character and one other ('一丁一一…'): dedup took
that run for a garbled copy of the first line's end (any run of the same two characters aligns with it), sent it to
noise, and the '一一一' left opened a block that a second pass read as a dash (`test_pipeline`'s
`test_cleaning_clean_output_changes_no_paragraph_text`). A real copy carries more than two characters.
"""
from __future__ import annotations

import layoutfix
from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import garbled_prefix
from layoutfix.stages.dedup.garbled import MIN_DISTINCT

RUNS = "一一丁一一一一\n\n一丁一一一一一\n\n"


def test_a_run_of_two_characters_is_no_garbled_copy() -> None:
    assert MIN_DISTINCT == 3
    assert garbled_prefix("一一丁一一一一", "一丁一一一一一", load_lm())[0] == 0


def test_the_page_hypothesis_found_keeps_its_text_and_cleans_again_to_itself() -> None:
    page = layoutfix.clean(RUNS)
    assert not page.noise
    paragraphs = [p for item in page.items for p in item.paragraphs]
    assert paragraphs[-1] == "一丁一一一一一"
    for p in paragraphs:
        again = layoutfix.clean(p, Config().without("flow", "segment", "glyphs"))
        assert "".join(b.text for b in again.blocks) == p


def test_a_garbled_copy_with_enough_characters_is_still_found() -> None:
    prev = "本报记者周明远孙海"
    nxt = "本报记者周明远孤海 全市今年新增城镇就业岗位三万个，比上年增长一成。"
    j, score = garbled_prefix(prev, nxt, load_lm())
    assert nxt[:j].strip() == "本报记者周明远孤海" and score > 0
