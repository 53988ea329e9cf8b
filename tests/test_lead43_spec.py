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
