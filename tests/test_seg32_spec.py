"""Specifications of session 32's segment changes (helper seg32). Invented text throughout."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.shapes import signed_off


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_a_date_alone_in_brackets_under_a_speech_title_does_not_close_an_article() -> None:
    # a speech prints the date it was given in brackets under its title, then the speaker's name: the name
    # is a line of the speech, not the title of a new item under a signed-off article
    assert not signed_off("（二〇〇九年三月五日）") and not signed_off("（2009年3月5日）")
    dump = "\n\n".join(["在某市新春团拜会上的讲话", "（二〇〇九年三月五日）", "某甲",
                        "同志们、朋友们：", "在新春佳节即将到来之际，我代表市委向全市人民致以节日的问候。"])
    (it,) = items(dump)
    assert it.headline == "在某市新春团拜会上的讲话"
    assert "同志们、朋友们：" in it.paragraphs


def test_a_bracketed_line_that_names_no_one_does_not_close_an_article() -> None:
    # '（A、C）' names no writer, unit or agency: the quoted heading under it goes on the same report
    assert not signed_off("（A、C）") and signed_off("（某省某县 某甲）") and signed_off("（新华社稿）")
    body1 = "去年以来，某市的网上图书馆吸引了大批读者，每天访问的人数超过一万人次。"
    body2 = "读者说，网上图书馆让他们足不出户就能读到新书，查资料也方便多了。"
    body3 = "网上图书馆还开设了读者留言栏目，读者可以推荐图书、交流心得。"
    dump = "\n\n".join(["网上图书馆受欢迎", body1, "（A、C）", "“网上读书让我的生活更充实”", body2, body3])
    (it,) = items(dump)
    assert it.headline == "网上图书馆受欢迎" and body3 in it.paragraphs


BODY1 = "近年来，我国汽车工业发展迅速，汽车产量逐年增加，汽车企业竞争激烈。"
BODY2 = "汽车企业要提高质量，降低成本，汽车工业才能走向世界市场。"


def test_ocr_debris_under_a_subhead_does_not_make_it_a_title() -> None:
    # a line of OCR debris (sent to noise) between a subhead and its paragraph is no part of the text: the heading
    # is weighed between the paragraphs around it as if the debris were not there
    for debris in ("革列 求困 分定", "丁 斤 乡 万寸"):
        page = layoutfix.clean("\n\n".join(["汽车工业的明天", BODY1, "走向世界的路", debris, BODY2]))
        (it,) = page.items
        assert it.paragraphs == (BODY1, "走向世界的路", BODY2), debris
        assert debris in [n.text for n in page.noise]


def test_an_editor_line_over_a_heading_still_sets_it_apart() -> None:
    # page furniture is not debris: an editor's line closes the text above it, and the heading under it is not
    # weighed as a subhead of that text
    from layoutfix.stages.segment.headings import debris
    from layoutfix.model import NOISE, Block
    assert not debris(Block(0, "责任编辑：王某某", 1), NOISE)
    assert debris(Block(0, "革列 求困 分定", 1), NOISE)


def test_a_line_listing_four_names_with_enumeration_commas_is_text_not_a_title() -> None:
    # a headline lists names without '、' ('某甲某乙会见…'); a line enumerating four or more items with it is
    # running text, here the first paragraph under the title, not a second title line
    from layoutfix.stages.segment.shapes import never_title
    assert never_title("出席会议的有王某、李某、张某、赵某等") and not never_title("王某、李某会见某国客人")
    lead = "出席会议的有王某、李某、张某、赵某等"
    body = "会议指出，各地要认真做好春节期间的市场供应工作，保证群众过好节日。"
    (it,) = items("\n\n".join(["某市召开春节市场供应工作会议", lead, body]))
    assert it.headline == "某市召开春节市场供应工作会议" and it.paragraphs[0].startswith("出席会议的有")
