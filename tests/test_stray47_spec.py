"""Specification (session 47, stray47): stray Latin the glyph stage left.

- An English function word (wordfreq's 'en' list at Zipf >= 7.0: the, to, and, of, in, is, for) set off by spaces
  between Chinese characters is a stray word and goes with its spaces; a content word, a name or 'vs' stays.
- A letter and four or more digits glued between Chinese characters, printed once, making no word and before no
  measure word, is debris and goes; a model name printed again beside the same character, or a code before a
  measure word (次, 号), stays.
- A lone capital whose two sides join into a word (join gain >= 4.0) goes; one between two words (A公司) stays.

Sentences are invented; the shipped model decides every fix.
"""
from __future__ import annotations

import pytest

from layoutfix.stages.glyphs import fix_text


@pytest.mark.parametrize("wrong,right", [
    ("今天下午 and 大家一起去公园散步。", "今天下午大家一起去公园散步。"),
    ("学校的老师 to 学生们讲故事。", "学校的老师学生们讲故事。"),
    ("这件事情 of 我们都很清楚。", "这件事情我们都很清楚。"),
])
def test_a_function_word_set_off_by_spaces_between_chinese_characters_goes(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["stray"]
    assert edits[0].after == "" and "function word" in edits[0].reason


@pytest.mark.parametrize("text", [
    "今晚主队 vs 客队的比赛很精彩。",        # 'vs' is no function word (Zipf 4.9)
    "请打开 email 查看通知。",                # a content word
    "他们在“花园 and 河流”展厅。",          # inside quotes: a title's own words
    "可爱or帅气的小狗照片来了。",             # 'or' (Zipf 6.5) is below the commonest function words (7.0)
    "这张照片 by 小林拍摄于海边。",          # 'by' (6.7): a credit, not a stray word
])
def test_a_word_that_is_no_function_word_or_is_quoted_stays(text: str) -> None:
    assert fix_text(text)[0] == text


def test_a_letter_and_digits_printed_once_between_chinese_characters_go() -> None:
    out, edits = fix_text("今年的工作Z6487有所好转。")
    assert out == "今年的工作有所好转。"
    assert [e.kind for e in edits] == ["stray"] and edits[0].before == "Z6487"


@pytest.mark.parametrize("text", [
    "新款相机S230很轻巧，这台相机S230很便宜。",  # a model name printed again beside the same character
    "我们乘坐Z380次列车回家。",                   # a measure word follows: a train's number
])
def test_a_code_printed_again_or_before_a_measure_word_stays(text: str) -> None:
    assert fix_text(text)[0] == text


def test_a_lone_capital_inside_a_word_goes_and_one_between_words_stays() -> None:
    assert fix_text("我们要不B断努力学习。")[0] == "我们要不断努力学习。"
    assert fix_text("他在A公司工作。")[0] == "他在A公司工作。"


def test_a_function_word_whose_spaces_normalize_removed_goes_from_a_text_block() -> None:
    # normalize takes the spaces around a stray word between Chinese characters for line-wrap spaces
    out, edits = fix_text("今天下午and大家一起去公园散步。")
    assert out == "今天下午大家一起去公园散步。"
    assert [e.before for e in edits] == ["and"]
