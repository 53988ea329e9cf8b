"""Specification (session 47, double47): doubled characters the glyph stage left.

- A character printed twice after a word that ends in it, the second copy standing alone (成功|功), goes on a gain
  one nat lower than before (`DOUBLE_MARGIN` 1, was 2). A lone copy before a word that opens with it (计|计划) needs
  what it needed (`FIRST_ALONE_MARGIN` 3, was 2: their sum is 4 as before), since such a copy is often the end of a
  word the dictionary lacks.
- A doubled character that is half of a dictionary word AABB with the character beside it (踏|实实 of 踏踏实实) is
  kept (`AABB_GUARD`): the other half was misread (路踏实实), and the look-alike decoder mends it only while both
  copies are there.
- review47a: a lone second copy that opens a word of wordfreq's running-text list (片方, 京港, 自媒体: words jieba's
  1998-era dictionary lacks) needs the old margin (`MODERN_WORD_MARGIN`).

Sentences are invented from common words; the shipped model decides every fix.
"""
from __future__ import annotations

import pytest

from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import doubled, doubling_guards, fix_text


@pytest.mark.parametrize("wrong,right", [
    ("这个方案非常成功功，值得推广。", "这个方案非常成功，值得推广。"),
    ("他写的这份报告很成功功。", "他写的这份报告很成功。"),
])
def test_a_lone_second_copy_after_a_word_ending_in_it_goes(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["doubled"]
    assert "the second copy stands alone" in edits[0].reason


def test_it_stayed_under_the_old_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "这个方案非常成功功，值得推广。"  # removal gain 9.3: under 6 + 2 + 2, over 6 + 1 + 2 (功功 is a known pair)
    monkeypatch.setattr(doubled, "DOUBLE_MARGIN", 2.0)
    assert fix_text(text)[0] == text


def test_a_lone_first_copy_needs_the_gain_it_needed_before() -> None:
    text = "我们计计划明年开工。"  # gain 9.4 for the lone first copy, under 6 + 4 (the need session 10 measured)
    assert fix_text(text)[0] == text


@pytest.mark.parametrize("text", [
    "这部影片片方宣布了新的计划。",  # 片方: the film's producers
    "他们都来自自媒体行业。",  # 自媒体
    "北京京港地铁公司开通新线。",  # 京港
])
def test_a_copy_that_opens_a_word_of_todays_running_text_stays_in_the_new_band(text: str) -> None:
    """review47a: jieba's 1998-era dictionary lacks these words, so the second copy reads as alone; wordfreq's
    running-text list knows them, and a removal in the band the lower margin opened is not made there."""
    assert fix_text(text) == (text, [])


def test_without_the_running_text_check_the_copy_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doubled, "MODERN_WORD_MARGIN", 0.0)
    assert fix_text("这部影片片方宣布了新的计划。")[0] == "这部影片方宣布了新的计划。"


def test_the_running_text_check_reads_words_of_two_to_four_characters() -> None:
    assert doubled.opens_running_word("影片片方宣布", 2)  # 片方
    assert not doubled.opens_running_word("成功功值得", 2)  # 功值, 功值得, … are no words
    assert not doubled.opens_running_word("片", 0)  # nothing after it


@pytest.mark.parametrize("running_text_check", [True, False])
def test_half_of_a_reduplicated_word_is_left_for_the_look_alike_decoder(
        monkeypatch: pytest.MonkeyPatch, running_text_check: bool) -> None:
    if not running_text_check:  # (the AABB guard alone: 实的 is in wordfreq's list, which keeps the pair too)
        monkeypatch.setattr(doubled, "MODERN_WORD_MARGIN", 0.0)
    out, edits = fix_text("他做事一向路踏实实的。")
    assert out == "他做事一向踏踏实实的。"
    assert [e.kind for e in edits] != ["doubled"]


def test_without_the_guards_the_pair_loses_a_copy_and_stays_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doubling_guards, "AABB_GUARD", False)
    monkeypatch.setattr(doubled, "MODERN_WORD_MARGIN", 0.0)
    assert fix_text("他做事一向路踏实实的。")[0] == "他做事一向路踏实的。"


def test_the_aabb_test_reads_both_neighbours() -> None:
    has = load_lm(None).has
    assert doubling_guards.half_of_aabb("一向路踏实实的", 4, has)  # 踏 before: 踏踏实实
    assert doubling_guards.half_of_aabb("说得清清楚的", 2, has)  # 楚 after: 清清楚楚
    assert not doubling_guards.half_of_aabb("非常成功功值得", 3, has)  # 成成功功 and 功功值值 are no words
    assert not doubling_guards.half_of_aabb("实实", 0, has)  # nothing beside the pair
