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
