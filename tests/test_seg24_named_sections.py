"""segment: a heading under body text, over a bare name, over body text is a section of an article written by several
hands (the subhead, then its author's name as printed) when the heading model reads it as a subhead against the text
under the name; on another topic it is still a new article under its title. Before, such a heading was always a
title: a round-up of signed sections fell apart into one article per section. Invented text."""
from __future__ import annotations

import layoutfix

ARTICLE = ("今年的小麦收成怎么样\n\n"
           "今年全省小麦播种面积稳定，田间管理到位，小麦长势普遍好于往年。记者走访了几位农业专家，请他们谈谈今年小麦的收成。\n\n"
           "小麦产量有望再创新高\n\n王文明\n\n"
           "各地小麦田间管理抓得早。今年全省小麦播种面积稳定，冬前苗情好，春季墒情足，小麦产量有望再创新高。"
           "各地小麦田间管理抓得早、抓得实，小麦病虫害得到有效控制。\n\n")
SAME_TOPIC = ("小麦品质明显提高\n\n李春华\n\n"
              "今年全省优质小麦的播种面积继续扩大，小麦品质明显提高。专家说，优质小麦价格好，农民种小麦的积极性很高。")
OTHER_TOPIC = ("本市两百辆新能源公交车投入运营\n\n李春华\n\n"
               "本市公交集团近日又有两百辆新能源公交车投入运营。这批公交车噪音小、起步稳，车内还装有空调和无线网络，"
               "市民乘车更加舒适。公交集团表示，到明年年底，全市公交车将全部换成新能源车。")


def test_sections_headed_by_a_subhead_and_their_authors_name_stay_in_one_article() -> None:
    page = layoutfix.clean(ARTICLE + SAME_TOPIC)
    (article,) = page.items
    assert article.headline == "今年的小麦收成怎么样"
    assert ("小麦产量有望再创新高", "王文明") == article.paragraphs[1:3]
    assert ("小麦品质明显提高", "李春华") == article.paragraphs[4:6]
    assert sum(e.kind == "subhead" for e in page.edits if e.stage == "segment") == 2
    assert not page.unaccounted()


def test_a_heading_over_a_name_on_another_topic_still_opens_a_new_article() -> None:
    page = layoutfix.clean(ARTICLE + OTHER_TOPIC)
    first, second = page.items
    assert first.headline == "今年的小麦收成怎么样" and second.headline == "本市两百辆新能源公交车投入运营"
    assert any(e.kind == "heading" and "P(subhead)" in e.reason for e in page.edits if e.stage == "segment")
