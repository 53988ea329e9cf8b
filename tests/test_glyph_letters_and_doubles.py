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
    monkeypatch.setattr(glyph_stage.doubling_guards, "DOTTED_NAME_GUARD", False)
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


def test_a_lone_first_copy_that_closes_an_institutions_name_stays_before_the_title_it_opens(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # invented: a hall the dictionary does not know, then its head; the lone 馆 closes the name, 馆长 opens with it
    from layoutfix.stages import glyphs as glyph_stage

    text = "老周当上了青山馆馆长。"
    assert fix_text(text) == (text, [])
    monkeypatch.setattr(glyph_stage.doubling_guards, "INSTITUTION_SHARE", None)
    assert fix_text(text)[0] == "老周当上了青山馆长。"  # what the guard keeps


def test_a_lone_first_copy_of_a_character_that_closes_no_institution_is_still_removed() -> None:
    # counter-example: 坚 closes no institution's name in the dictionary, so the lone copy before 坚持 is a misprint
    from layoutfix.stages.glyphs import INSTITUTION_SHARE, institution_end_share

    assert INSTITUTION_SHARE is not None
    assert institution_end_share("坚") < INSTITUTION_SHARE <= institution_end_share("馆")
    assert fix_text("他们要坚坚持改革。")[0] == "他们要坚持改革。"


def test_an_a_not_a_question_before_a_word_opening_with_the_negation_is_taken_as_written(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages import glyphs as glyph_stage

    text = "这件事容易不容易不好说。"  # invented: 容易不容易 + 不好说 prints '容易不' twice
    assert fix_text(text) == (text, [])
    monkeypatch.setattr(glyph_stage.doubling_guards, "A_NOT_A", "")
    assert fix_text(text)[0] == "这件事容易不好说。"


def test_a_unit_of_a_one_character_word_and_a_negation_printed_twice_is_still_removed() -> None:
    # counter-example: 也不也 is no A-not-A question (也 is no predicate the dictionary pairs so)
    assert fix_text("这点小事也不也不难。")[0] == "这点小事也不难。"


def test_a_letter_and_digits_before_a_numeral_are_no_misread_figure(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages import glyphs as glyph_stage

    text = "这是全年最忙的I875一天。"  # invented: a figure is never printed before 一 (no 1875一天)
    assert fix_text(text)[0] == text
    monkeypatch.setattr(glyph_stage.digits, "UNIT_NUMERALS", set())
    assert fix_text(text)[0] == "这是全年最忙的1875一天。"


def test_a_letter_at_the_edge_of_a_figure_before_a_measure_word_is_still_read_as_the_digit() -> None:
    # counter-example: 处 is a measure word, not a numeral
    assert fix_text("村里共建成I40处水站。")[0] == "村里共建成140处水站。"


def test_a_doubled_character_beside_a_space_that_cuts_the_words_is_taken_as_written(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages import glyphs as glyph_stage

    text = "屋子收拾得干 干净净的。"  # invented: 干干净净 with a stray space, read on its run 干净净 alone
    assert fix_text(text) == (text, [])
    monkeypatch.setattr(glyph_stage.doubling_guards, "SPACE_CUT_GUARD", False)
    monkeypatch.setattr(glyph_stage.doubling_guards, "AABB_GUARD", False)  # (session 47's guard keeps 干|净净 too)
    assert fix_text(text)[0] == "屋子收拾得干 干净的。"


def test_a_doubled_character_with_no_space_near_it_is_still_removed() -> None:
    # counter-example: nothing cuts the run, and 决决 after 坚决 is a misprint
    assert fix_text("我们要坚决决守住这条线。")[0] == "我们要坚决守住这条线。"
