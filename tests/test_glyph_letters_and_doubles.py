"""Stray letters and doubled characters: what glyphs removes and what it takes as written."""
from __future__ import annotations

import pytest

from layoutfix.stages.glyphs import fix_text


def test_a_doubled_character_printed_doubled_again_in_the_same_text_is_taken_as_written() -> None:
    assert fix_text("加强基础础建设。")[0] == "加强基础建设。"  # alone: a misprint
    twice = "加强基础础建设，基础础建设要抓好。"
    assert fix_text(twice) == (twice, [])  # twice in one document: as written (a name, a term)


def test_a_capital_letter_that_splits_a_dictionary_word_is_removed_by_the_join_gain() -> None:
    out, edits = fix_text("我们要加X强管理。")
    assert out == "我们要加强管理。"
    assert [(e.kind, e.before) for e in edits] == [("stray", "X")] and "join gain" in edits[0].reason


def test_a_letter_that_makes_a_dictionary_word_with_its_neighbours_stays() -> None:
    # (a lower-case letter glued between Chinese characters is otherwise dropped as a speck)
    for text in ("医生让他去做b超检查。", "他穿着一件白色t恤走来。"):
        assert fix_text(text) == (text, [])


@pytest.mark.parametrize("text, fixed", [("详见本报第i2版。", "详见本报第12版。"), ("总投资i5亿元。", "总投资15亿元。"),
                                         ("他们购买了i3台机器。", "他们购买了13台机器。")])
def test_a_letter_and_digits_before_a_unit_are_read_as_a_number_never_dropped_with_their_figures(text: str, fixed: str) -> None:
    """Review11c: reading a letter and digits before a unit outside the top 150 numeral followers as debris
    deleted real figures; a wrong digit can be put right by a reader, a lost one cannot."""
    assert fix_text(text)[0] == fixed


def test_an_abbreviation_of_capitals_between_chinese_words_is_never_deleted() -> None:
    from layoutfix.stages.glyphs import fix_lines
    lines = ["该队再次蝉联ABC冠军。", "她连续两年蝉联XYZ冠军。", "这家工厂去年生产QX200型机床三百台。"]
    assert fix_lines(lines) == lines


def test_a_doubled_syllable_in_a_name_joined_by_the_separator_dot_is_taken_as_written(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # invented transliterations: a foreign name may repeat a syllable, and the word model knows no such name
    from layoutfix.stages import glyphs as glyph_stage

    for text in ("应外长卡莫·丽莎莎·巴托的邀请来访。", "应外长卡莫·巴托·维纳纳的邀请来访。"):
        assert fix_text(text) == (text, [])
    monkeypatch.setattr(glyph_stage, "DOTTED_NAME_GUARD", False)
    assert fix_text("应外长卡莫·丽莎莎·巴托的邀请来访。")[0] == "应外长卡莫·丽莎·巴托的邀请来访。"  # what it keeps


def test_a_doubled_character_away_from_a_dotted_name_is_still_removed() -> None:
    # counter-example: the dot several characters back does not make the doubled unit part of the name
    assert fix_text("应外长卡莫·巴托的邀请，代表团到了俄罗斯斯队。")[0] == "应外长卡莫·巴托的邀请，代表团到了俄罗斯队。"


def test_dotted_name_reads_only_the_han_characters_next_to_the_dot() -> None:
    from layoutfix.stages.glyphs import _dotted_name

    text = "卡莫·丽莎莎，会见"
    s = text.index("莎")
    assert _dotted_name(text, s, s + 2)
    text = "卡莫·巴托，到了丽莎莎"
    s = text.index("莎")
    assert not _dotted_name(text, s, s + 2)  # a comma lies between the dot and the unit
