"""seg30: open specs of session 29 fixed in `segment` (names kept from their files), with unit tests of each rule.

Pages are invented (no corpus or sample text).
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import NOISE, TEXT, TITLE, Block
from layoutfix.stages.segment.items import Draft
from layoutfix.stages.segment.parts import name_roll, part_role
from layoutfix.stages.segment.rests import return_rests
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


# ---------------------------------------------------------------------------------------------------------------
# segment.rests: a rest whose cut paragraph is not the article's last
# ---------------------------------------------------------------------------------------------------------------

_LEAD = "河湾县敬老院新院长上任后，先把院里的老人挨个看了一遍，记下每个人的难处。"
_CUT = "上个月，院里有一位年过七旬的老人生病住院，院长每天都去医院看望，还请来县里"
_AFTER = "据介绍，敬老院今年还将新建一座活动室，供院里的老人读书下棋。"
_REST = "的大夫为院里的老人检查身体，又给每位老人建了一份健康档案，院里的老人们都说新院长好。"
_SCHOOL = ["近日，西山镇中心小学的孩子们换上了新课桌椅，教室里亮堂了许多。", "学校还为孩子们添置了图书，新建了一间阅览室。"]


def _draft(paragraphs: list[str], first_line: int, open_: set[str] = frozenset()) -> Draft:  # type: ignore[assignment]
    d = Draft(headline="某某", paragraphs=list(paragraphs))
    for n, text in enumerate(paragraphs):
        d.blocks[text] = Block(id=first_line + n, text=text, line=first_line + 2 * n, origin=((0, first_line + 2 * n),),
                               flags=frozenset({"open_end"}) if text in open_ else frozenset())
    d.lines = [first_line + 2 * n for n in range(len(paragraphs))]
    return d


def _pages(rest: str, after: str = _AFTER, cut: str = _CUT) -> tuple[Draft, Draft, list]:
    home = _draft([_LEAD, cut, after], 3, {cut})
    school = _draft([_SCHOOL[0], rest, _SCHOOL[1]], 11, {})
    edits: list = []
    return_rests([home, school], load_lm(None), edits)
    return home, school, edits


def test_a_rest_goes_back_to_a_cut_paragraph_above_the_articles_last() -> None:
    home, school, edits = _pages(_REST)
    assert home.paragraphs == [_LEAD, _CUT + _REST, _AFTER] and home.cut_off() is False
    assert school.paragraphs == _SCHOOL and 13 not in school.lines and 13 in home.lines
    (move,) = edits
    assert move.kind == "moved" and "a paragraph of which stops mid-sentence" in move.reason
    assert "cut paragraph" in move.reason


def test_an_inner_rest_needs_a_clear_rests_opening_shared_words_and_a_paragraph_cut_off_above() -> None:
    assert _pages(_REST)[2]  # (the move the cases below each take one cue from)
    opens = "院长还为院里的老人请来了大夫，又给每位老人建了一份健康档案，院里的老人们都说新院长好。"  # a paragraph's
    school_words = "的木工为学校修好了旧桌椅，又给每间教室装上了新窗帘和新黑板，孩子们都说新教室真好看。"  # a rest, of the school
    caption = "的大夫为院里的老人检查身体，老人们都说好。"  # a caption's length
    for rest in (opens, school_words, caption):
        home, school, edits = _pages(rest)
        assert rest in school.paragraphs and not edits
    done = _CUT[:-2] + "。"
    home = _draft([_LEAD, done, _AFTER], 3, {done})  # (flagged, but it ends its sentence)
    school = _draft([_SCHOOL[0], _REST, _SCHOOL[1]], 11)
    edits: list = []
    return_rests([home, school], load_lm(None), edits)
    assert _REST in school.paragraphs and not edits
