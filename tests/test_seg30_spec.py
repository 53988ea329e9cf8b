"""seg30: open specs of session 29 fixed in `segment` (names kept from their files), with unit tests of each rule.

Pages are invented (no corpus or sample text).
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import NOISE, TEXT, TITLE, Block
from layoutfix.stages.segment.parts import name_roll, part_role
from layoutfix.stages.segment.roles import spaced_line_under_title


def _noise(page) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(n if isinstance(n, str) else str(n) for n in page.noise)


# ---------------------------------------------------------------------------------------------------------------
# review29a 13: a spaced two-phrase line under a title
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_spaced_two_phrase_line_under_a_title_is_not_noise() -> None:
    """'## 高山流水' over '江南 春色' (a second title line of two phrases set apart by a space, as feature pages print
    them) over the text. Expected: the line kept (subheadline, or the body's first line). Got: noise (OCR debris)."""
    page = layoutfix.clean("## 高山流水\n\n江南 春色\n\n这是一场精彩的音乐会，演奏家们用古琴和琵琶演绎了多首名曲。\n\n观众们报以热烈的掌声。\n")
    assert "江南" not in _noise(page), _noise(page)


def test_a_two_phrase_line_opens_the_body_and_scraps_so_spaced_stay_noise() -> None:
    page = layoutfix.clean("## 山城夜色\n\n北国 风光\n\n入夜以后，山城的街道亮起了灯，游人沿着江边散步。\n\n夜市一直开到凌晨。\n")
    (it,) = page.items
    assert it.headline == "山城夜色" and it.paragraphs[0] == "北国 风光"
    page = layoutfix.clean("## 山城夜色\n\n者亭 入叶\n\n入夜以后，山城的街道亮起了灯，游人沿着江边散步。\n\n夜市一直开到凌晨。\n")
    assert "者亭" in _noise(page)
    assert all("者亭" not in p for it in page.items for p in it.paragraphs)


def test_spaced_line_under_title_keeps_a_line_of_words_and_drops_scraps() -> None:
    lm = load_lm(None)
    assert spaced_line_under_title("江南 春色", lm) == "lead"
    assert spaced_line_under_title("高原 雪莲 盛开", lm) == "lead"
    assert spaced_line_under_title("者亭 入叶", lm) == NOISE      # no word
    assert spaced_line_under_title("队伍革 分求快", lm) == NOISE  # a word in one scrap is not enough
    assert spaced_line_under_title("江南 春色", None) == NOISE    # without a model, as before


# ---------------------------------------------------------------------------------------------------------------
# spec_ocr29: a roll of names under numbered headings
# ---------------------------------------------------------------------------------------------------------------

def test_a_list_of_names_under_a_numbered_heading_stays_in_the_article() -> None:
    # segment, real_ocr_tune heavy 009: a roll of honour prints its names in runs set apart by spaces, under
    # numbered headings. A run of names (spaces, no clause mark) is title-like: the first run becomes the HEADLINE of
    # a new item whose paragraph is the next heading, and the last run goes to noise ('title line with no article
    # under it'). Expected: one article with both headings and both runs of names.
    page = layoutfix.clean("全市优秀教师名单\n\n本报讯 经评选，全市共有十名教师获得表彰，名单如下：\n\n一、优秀班主任（共5人）\n\n"
                           "城关小学张明 东街小学李红 西山中学王芳 河湾中学赵刚 实验小学刘洋\n\n二、优秀教师（共5人）\n\n"
                           "城关中学陈立 南湖小学周敏 北山中学吴勇 东湖小学郑华 实验中学孙丽\n")
    (it,) = page.items
    assert it.headline == "全市优秀教师名单"
    text = "".join(it.paragraphs).replace(" ", "")
    assert "城关小学张明" in text and "实验中学孙丽" in text and "二、优秀教师" in text
    assert not page.noise


def test_a_row_of_three_units_with_names_is_a_roll_row() -> None:
    lm = load_lm(None)
    assert name_roll("南山小学许文 北湖中学蔡明 西岭小学何丽", lm)
    assert not name_roll("南山小学许文 北湖中学蔡明", lm)          # two runs: a kicker and its headline may be so
    assert not name_roll("春风 吹绿 江南岸", lm)                   # spaced phrases of a title
    assert not name_roll("南山小学许文 北湖中学蔡明 西岭小学", lm)  # a run with no name
    assert not name_roll("南山小学许文 北湖中学蔡明 西岭小学何丽", None)


def test_a_roll_row_is_text_on_its_own_and_a_spaced_title_stays_a_title() -> None:
    lm = load_lm(None)
    row = Block(id=0, text="南山小学许文 北湖中学蔡明 西岭小学何丽", line=1, role=TEXT)
    assert part_role(row, lm) == TEXT
    head = Block(id=1, text="春风 吹绿 江南岸", line=3, role=TEXT)
    assert part_role(head, lm) == TITLE
