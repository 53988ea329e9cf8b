"""Session 43 (lead): the picture label '图片：' printed under an article's text and over the next title is the
text's last line (the corpus's gold keeps it as that article's last paragraph), never the start of the title.

Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix

from pagetext import dump_of as _dump, title_of as _title

_ABOVE = ("某县今年新修乡村公路一百二十公里，沿线二十多个村的农产品可以直接运到城里。",
          "县交通局负责人说，明年还将改造一批危桥，让群众出行更安全。")
_TITLE = "山区小学用上新校舍"
_DATED = ("本报讯记者王平报道：山区十所小学的新校舍日前投入使用，一千多名学生告别了漏雨的旧教室。"
          "新校舍由县财政和社会捐款共同建设。")


@pytest.mark.parametrize("label", ["图片：", "图片:"])
def test_the_picture_label_over_the_next_title_ends_the_article_above(label: str) -> None:
    page = layoutfix.clean(_dump("乡村公路通到家门口", *_ABOVE, label, _TITLE, _DATED))
    assert len(page.items) == 2
    assert page.items[0].paragraphs[-1] == "图片："
    assert _title(page.items[1]) == _TITLE and page.items[1].paragraphs[-1].endswith("共同建设。")
    # the decision is logged: no heading, with the rule that made it
    logged = [e for e in page.edits if e.stage == "segment" and "图片" in e.context and "picture label" in e.reason]
    assert len(logged) == 1 and logged[0].kind == "subhead" and logged[0].confidence == 1.0
    assert logged[0].reason.startswith("paragraph of its article, no heading")


def test_a_place_label_ending_in_a_colon_still_runs_on_into_the_title_under_it() -> None:
    # '某地：' over the rest of a headline is the title's first half, as before
    page = layoutfix.clean(_dump("乡村公路通到家门口", *_ABOVE, "青山县：", _TITLE, _DATED))
    assert _title(page.items[-1]) == "青山县：" + _TITLE



_ROAD = ("“先把家门口的路修好。”青山县的干部们这样说，也这样做。", "今年全县新修乡村公路一百二十公里，沿线二十多个村通了客车。")
_JUMPED = ("冬季长跑活动开始", "山路弯弯", "（上接第3版）")  # a kicker, a headline, the jump line under them


def test_a_line_under_the_title_of_an_undated_article_is_its_first_paragraph() -> None:
    # a deck line no '——' opens, over body text that opens with no dateline: body text, and the move is logged
    deck = "修路修到农家门口"
    page = layoutfix.clean(_dump("河道治理全面提速", _ROAD[1], *_JUMPED, deck, *_ROAD))
    art = page.items[-1]
    assert art.headline == "山路弯弯" and art.subheadline is None and art.paragraphs[0] == deck
    logged = [e for e in page.edits if e.stage == "segment" and e.context == deck and "no dateline" in e.reason]
    assert len(logged) == 1 and logged[0].kind == "subhead"


def test_the_same_line_over_a_dated_report_stays_the_subheadline() -> None:
    deck = "修路修到农家门口"
    page = layoutfix.clean(_dump("河道治理全面提速", _ROAD[1], *_JUMPED, deck, "本报讯记者王平报道：" + _ROAD[0], _ROAD[1]))
    assert page.items[-1].subheadline == deck and page.items[-1].dateline
