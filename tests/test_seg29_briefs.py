"""seg29: a briefs column prints each brief as '■<title> <dateline> <text>' on one run of lines (review28a).

`roles.split_bulleted_briefs` cuts such a block into the brief's title and its dated text, so each brief is an item
of its own with its dateline lifted. Invented text only.
"""
from __future__ import annotations

from dataclasses import replace

import layoutfix
from layoutfix.model import Block, Edit
from layoutfix.stages.segment.roles import split_bulleted_briefs


def _cut(text: str) -> list[str]:
    log: list[Edit] = []
    return [b.text for b in split_bulleted_briefs([Block(id=0, text=text, line=3, origin=((0, 3),))], log)]


def test_a_bulleted_title_run_into_a_dateline_is_cut_off_it_without_its_bullet() -> None:
    assert _cut("■西湖新添三座驿站本报讯西湖景区近日新建三座游客驿站。") == ["西湖新添三座驿站", "本报讯西湖景区近日新建三座游客驿站。"]
    assert _cut("◆乡村公路年底通车新华社杭州12月3日电某县乡村公路将于年底通车。")[0] == "乡村公路年底通车"


def test_a_bulleted_sentence_or_a_bullet_with_no_dateline_after_its_title_is_left_whole() -> None:
    for text in ("■全县今年新建公路八十公里，本报讯记者获悉此事。", "■全县今年新建公路八十公里。", "●某某措施●某某措施"):
        assert _cut(text) == [text]


def test_the_cut_and_the_bullet_are_logged() -> None:
    log: list[Edit] = []
    split_bulleted_briefs([Block(id=0, text="■西湖新添三座驿站本报讯西湖景区近日新建驿站。", line=3)], log)
    assert [(e.kind, e.before, e.line) for e in log] == [("strip", "■", 3), ("split", "", 3)]


def test_a_page_without_bullets_is_handed_back_as_it_is() -> None:
    blocks = [Block(id=0, text="西湖新添三座驿站本报讯西湖景区近日新建驿站。", line=1)]
    assert split_bulleted_briefs(blocks, []) is blocks
    marked = [replace(blocks[0], text="■" + blocks[0].text, marked=True)]
    assert [b.text for b in split_bulleted_briefs(marked, [])] == [marked[0].text]


def test_a_briefs_column_gives_one_dated_item_per_brief_under_the_columns_label() -> None:
    page = layoutfix.clean("一周简讯\n\n■西湖新添三座驿站 本报讯 西湖景区近日新建三座游客驿站，供游客休息。\n\n"
                           "■老街完成立面整治 本报讯 老街立面整治工程日前完工，沿街店铺焕然一新。\n")
    assert [(it.section, it.headline, it.dateline) for it in page.items] == [
        ("一周简讯", "西湖新添三座驿站", "本报讯"), ("一周简讯", "老街完成立面整治", "本报讯")]
    assert page.items[1].paragraphs == ("老街立面整治工程日前完工，沿街店铺焕然一新。",)
