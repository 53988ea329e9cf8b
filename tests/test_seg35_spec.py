"""Lines with no dictionary word that are no OCR debris (session 35, seg35).

Debris is printed as scraps set apart by spaces. A line of six or more Han characters in one run that holds no
dictionary word of two is text when it is names glued together or holds a clause mark (`words.unspaced_text`), and
an unspaced line of that kind that `part_role` still sends to noise is a title line where a title stands: under a
title line ending in '：' (a title printed over two lines, split at its colon) or over a paragraph of body text
(`roles.wordless_heads`). Among short lines it stays debris. Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import NOISE, TEXT, TITLE, Block
from layoutfix.stages.segment.roles import wordless_heads
from layoutfix.stages.segment.words import PageLM, has_word, is_garbage


def _lm() -> PageLM:
    return PageLM(load_lm(None))


def test_glued_names_and_a_line_with_a_clause_mark_are_no_debris_though_they_hold_no_word() -> None:
    lm = _lm()
    for line in ("林甲生周乙明", "走东走西，走南走北", "走东走西走南走北", "林甲生 周乙明"):
        assert not has_word(lm, line)  # (the shape the last debris test looks at)
    assert not is_garbage("林甲生周乙明", lm)  # two names printed with no separator
    assert not is_garbage("走东走西，走南走北", lm)  # a clause mark: a line of text cut at its comma


def test_an_unspaced_wordless_line_of_neither_shape_and_spaced_scraps_stay_debris_for_is_garbage() -> None:
    lm = _lm()
    assert is_garbage("走东走西走南走北", lm)
    assert is_garbage("林甲生 周乙明", lm)  # the same names set apart as scraps


def test_a_title_split_at_its_colon_keeps_its_wordless_second_line() -> None:
    page = layoutfix.clean("行路难：\n\n走东走西走南走北\n\n"
                           "本报讯 近日，某市交通部门开通了三条公交线路，方便市民出行。\n\n"
                           "据了解，新线路覆盖了城区东部的多个居民小区。\n")
    (item,) = page.items
    assert item.headline == "行路难：走东走西走南走北"
    assert not page.noise


def test_a_wordless_title_over_a_paragraph_opens_its_item_instead_of_going_to_noise() -> None:
    page = layoutfix.clean("山村教师的坚守\n\n"
                           "本报讯 在大山深处的石门村小学，有一位老师默默坚守了半辈子，送走了一批又一批学生。\n\n"
                           "每逢节日，总有学生回来看望他，给他讲山外的新鲜事。\n\n\n\n"
                           "走东走西走南走北\n\n"
                           "城东的菜市场昨天重新开门，摊位比过去多了一倍，蔬菜水果的价格也比较平稳。\n\n"
                           "市场管理处说，今年还要再建两个停车场。\n")
    assert [it.headline for it in page.items] == ["山村教师的坚守", "走东走西走南走北"]
    assert [len(it.paragraphs) for it in page.items] == [2, 2]
    assert not page.noise


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1, role=TEXT) for k, t in enumerate(texts)]


def test_among_short_lines_a_wordless_line_stays_debris() -> None:
    blocks = _blocks("山高水长", "走东走西走南走北", "月落乌啼")
    assert wordless_heads(blocks, [TITLE, NOISE, TITLE], load_lm()) == [TITLE, NOISE, TITLE]
    # over body text, or under a title line that runs on at its colon, it is a title line
    assert wordless_heads(blocks, [TITLE, NOISE, TEXT], load_lm()) == [TITLE, TITLE, TEXT]
    colon = _blocks("行路难：", "走东走西走南走北", "月落乌啼")
    assert wordless_heads(colon, [TITLE, NOISE, TITLE], load_lm()) == [TITLE, TITLE, TITLE]


def test_a_line_holding_a_dictionary_word_sent_to_noise_for_another_reason_stays_noise() -> None:
    # only a line with no dictionary word is turned back: a noise call of another rule stands
    blocks = _blocks("某地新闻", "城东菜市场", "本报讯 今天上午，某地召开了一次会议。")
    assert wordless_heads(blocks, [TITLE, NOISE, TEXT], load_lm()) == [TITLE, NOISE, TEXT]


def test_a_stray_ascii_mark_does_not_make_a_wordless_line_text() -> None:
    assert is_garbage("走东走西走南走北", load_lm()) and is_garbage("走东走西走南走北?", load_lm())
    assert is_garbage("，走东走西走南走北", load_lm())
    assert not is_garbage("走东走西，走南走北", load_lm())


def test_spaced_scraps_over_a_paragraph_stay_noise() -> None:
    blocks = _blocks("某地新闻", "林甲生 周乙明", "本报讯 今天上午，某地召开了一次会议。")
    assert wordless_heads(blocks, [TITLE, NOISE, TEXT], load_lm()) == [TITLE, NOISE, TEXT]


def test_a_title_line_ending_in_a_colon_under_a_table_is_the_next_title_s_first_half_not_a_table_note() -> None:
    page = layoutfix.clean("某市蔬菜价格\n\n品种\t价格\t涨跌\n白菜\t1.2\t0.1\n萝卜\t0.8\t0.0\n\n"
                           "某部门：\n\n菜价将平稳\n\n"
                           "本报讯 近日，某市物价部门发布报告，认为今年冬季蔬菜价格将保持平稳。\n\n"
                           "报告说，主要蔬菜的储备充足。\n")
    table, article = page.items
    assert table.kind == "table" and not table.captions
    assert article.headline == "某部门：菜价将平稳" and len(article.paragraphs) == 2
