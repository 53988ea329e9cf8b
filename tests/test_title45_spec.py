"""title45: a line naming a picture ('图片新闻') short under a title line and over text is the picture item's headline
under that line as its kicker, not the body's first line (which a short line under a longer title line otherwise is).
Invented pages."""
from __future__ import annotations

import layoutfix

_PICTURES_UNDER_KICKER = ("某市新建三座污水处理厂\n\n"
                          "本报某市1月5日电 某市今年将新建三座污水处理厂，总投资二十多亿元，建成后全市的污水处理能力将提高一倍以上。\n\n"
                          "市环保部门负责人说，污水处理厂建成后，流经市区的河流水质将明显改善。\n\n"
                          "某地冰雕艺术节昨日开幕\n\n"
                          "图片新闻\n\n"
                          "1、某县农民在新建的温室大棚里采摘蔬菜，供应节日市场。\n\n"
                          "2、某镇中学的学生在操场上堆雪人，迎接新年的到来。\n\n"
                          "某县新建一所中学\n\n"
                          "本报某县1月8日电 某县新建的第一中学日前投入使用，可容纳学生两千多名。\n")


def test_a_line_naming_pictures_under_a_title_line_is_the_headline_under_its_kicker() -> None:
    page = layoutfix.clean(_PICTURES_UNDER_KICKER.encode())
    (item,) = [it for it in page.items if it.headline == "图片新闻"]
    assert item.kicker == "某地冰雕艺术节昨日开幕"
    assert item.paragraphs[0].startswith("1、某县农民")
    assert "图片新闻" not in "".join(p for it in page.items for p in it.paragraphs)


def test_the_picture_title_decision_is_logged_with_its_rule() -> None:
    page = layoutfix.clean(_PICTURES_UNDER_KICKER.encode())
    (edit,) = [e for e in page.edits if e.stage == "segment" and "picture item's headline under its kicker" in e.reason]
    assert edit.kind == "heading" and edit.confidence == 1.0
    assert edit.line == 9  # the dump's line of '图片新闻'
