"""Session 36 (seg36): what segment reads from a line's colon, and articles lost by segment.

Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.shapes import ends_on_colon


def test_a_line_ends_on_a_colon_of_either_width_whatever_spaces_follow() -> None:
    assert ends_on_colon("某地：")
    assert ends_on_colon("编辑同志: ")
    assert ends_on_colon("各位来宾：\u3000")
    assert not ends_on_colon("某某：新的一年")  # a colon inside the line introduces nothing under it
    assert not ends_on_colon("")


_PHOTO_IN_ARTICLE = ("## 某市新建三座污水处理厂\n\n"
                     "本报某市1月5日电 某市今年将新建三座污水处理厂，总投资二十多亿元，建成后全市的污水处理能力将提高一倍以上。\n\n"
                     "据介绍，三座污水处理厂分别位于城东、城西和城南，\n\n"
                     "经济生活\n\n"
                     "## 图片新闻\n\n"
                     "1、某县农民在新建的温室大棚里采摘蔬菜，供应节日市场。 新华社记者 林甲生 摄\n\n"
                     "每座日处理能力达到二十万吨，预计明年年底全部建成投入使用。\n\n"
                     "市环保部门负责人说，污水处理厂建成后，流经市区的河流水质将明显改善。\n")


def test_a_section_label_over_a_photos_title_heads_the_photo_and_the_article_goes_on_under_it() -> None:
    page = layoutfix.clean(_PHOTO_IN_ARTICLE.encode())
    photos = [it for it in page.items if it.kind == "photo"]
    assert len(photos) == 1
    assert (photos[0].section, photos[0].headline, photos[0].byline) == ("经济生活", "图片新闻", ("林甲生",))
    assert photos[0].captions[0].startswith("1、某县农民")
    (article,) = [it for it in page.items if it.kind == "article"]  # no item of its own under the photo's title
    assert article.headline == "某市新建三座污水处理厂"
    assert article.paragraphs[-1].startswith("市环保部门负责人说")


def test_a_line_ending_in_the_picture_mark_is_a_title_whatever_clause_marks_it_holds() -> None:
    from layoutfix.stages.segment.parts import names_a_picture

    assert names_a_picture("“这台电脑，怎么又坏了！”（图片）")  # a cartoon's quoted line
    assert names_a_picture("某县喜迎新春(图片)")
    assert not names_a_picture("（图片）")  # the mark alone names nothing
    assert not names_a_picture("记者现场拍摄的图片）")


def test_a_cartoons_quoted_title_over_its_artists_line_is_an_item_of_its_own() -> None:
    raw = ("某市开展节日市场检查\n\n"
           "本报某市1月8日电 某市工商部门近日对全市的商场和批发市场进行了检查，查处了一批假冒伪劣商品。\n\n"
           "检查中，执法人员还向商户宣传了有关法规，商户们表示一定守法经营。\n\n"
           "“这台电脑，怎么又坏了！”（图片）\n\n"
           "（林甲作）\n\n"
           "某县新建一所中学\n\n"
           "本报某县1月8日电 某县新建的第一中学日前投入使用，可容纳学生两千多名。\n")
    page = layoutfix.clean(raw.encode())
    heads = [it.headline for it in page.items]
    assert "“这台电脑，怎么又坏了！”（图片）" in heads
    (first,) = [it for it in page.items if it.headline == "某市开展节日市场检查"]
    assert first.paragraphs[-1].startswith("检查中")  # the cartoon's line is no paragraph of the article above


_PIECE_OVER_PHOTO = ("## 论勤俭办事\n\n"
                     "本报评论员\n\n"
                     "勤俭办事是我们的传家宝。新的一年里，各地各部门都要精打细算，\n\n"
                     "把有限的资金用在刀刃上\n\n"
                     "## 图片新闻\n\n"
                     "1、某县农民在新建的温室大棚里采摘蔬菜，供应节日市场。\n\n"
                     "■新华社记者 林甲生 摄\n\n"
                     "杜绝铺张浪费，把每一分钱都花在发展生产和改善群众生活上。\n\n"
                     "这既是经济工作的要求，也是党风建设的要求。\n")


def test_a_title_naming_pictures_over_a_caption_heads_the_photo_under_a_title_shaped_piece_of_text() -> None:
    page = layoutfix.clean(_PIECE_OVER_PHOTO.encode())
    (photo,) = [it for it in page.items if it.kind == "photo"]
    assert (photo.headline, photo.byline) == ("图片新闻", ("林甲生",))
    (article,) = [it for it in page.items if it.kind == "article"]  # the paragraph goes on after the credit
    assert article.headline == "论勤俭办事"
    assert article.paragraphs[-1].startswith("这既是经济工作的要求")
