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


_DECK_MENTIONS_PICTURES = ("某地一起图片版权纠纷案宣判\n\n"
                           "图片作者胜诉\n\n"
                           "某区法院日前对一起图片版权纠纷案作出判决，判令被告赔偿原告损失两万元。\n\n"
                           "法院认为，被告未经许可使用原告拍摄的照片，侵犯了原告的著作权。\n")


def test_a_line_that_only_mentions_pictures_is_no_picture_label() -> None:
    """A short line under the headline that mentions pictures ('图片作者胜诉') is not the label '图片新闻': it stays
    the body's first line under the headline (review45a), and no picture-title decision is logged."""
    page = layoutfix.clean(_DECK_MENTIONS_PICTURES.encode())
    (item,) = page.items
    assert item.headline == "某地一起图片版权纠纷案宣判" and not item.kicker
    assert item.paragraphs[0] == "图片作者胜诉"
    assert not [e for e in page.edits if "picture item's headline under its kicker" in e.reason]
