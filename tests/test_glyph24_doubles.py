"""Specification (session 24): a doubled character whose pair the dictionary holds only as a rare word is still a
doubling when the best segmentation cuts between its copies inside a run of Chinese characters (代表|表|大会); a
common doubled word, or a pair both of whose copies sit in words, stays.

Sentences are invented from common words; the shipped model decides every fix.
"""
from __future__ import annotations

import pytest

from layoutfix.lm import load_lm
from layoutfix.stages import glyphs as glyph_stage
from layoutfix.stages.glyphs import fix_text


def fixed(text: str) -> str:
    return fix_text(text)[0]


@pytest.mark.parametrize("wrong,right", [
    ("他在这次代表表大会上发了言。", "他在这次代表大会上发了言。"),
    ("这家工厂申请了生产许可可证。", "这家工厂申请了生产许可证。"),
    ("我们要加强精神文文明建设。", "我们要加强精神文明建设。"),
])
def test_a_rare_dictionary_pair_cut_between_its_copies_is_a_doubling(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["doubled"]
    assert "segmentation cuts between the copies" in edits[0].reason


def test_before_session_24_any_dictionary_pair_was_kept(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "他在这次代表表大会上发了言。"
    assert load_lm(None).has("表表")  # the pair is a (rare) word of the dictionary
    monkeypatch.setattr(glyph_stage.doubled, "SPLIT_WORD", False)
    assert fixed(text) == text


@pytest.mark.parametrize("text", [
    "他们常常看看书，人人都夸他。",
    "双方的合作关系系统地得到加强。",
    "这份报告告诉我们一个道理。",
    "这次会议议题很多，大家讨论热烈。",
    "城市的交通通常在早上最拥挤。",
])
def test_a_common_doubled_word_or_a_pair_whose_copies_sit_in_words_stays(text: str) -> None:
    assert fixed(text) == text


def test_a_dictionary_pair_at_the_edge_of_the_chinese_run_stays() -> None:
    text = "新相机搭配配18-55mm镜头。"  # what follows the run (a model number) is not read
    assert fixed(text) == text
