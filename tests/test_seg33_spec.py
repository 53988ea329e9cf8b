"""Specifications of session 33's segment changes (helper seg33). Invented text throughout."""
from __future__ import annotations

import pytest

import layoutfix

# A poem whose fourth line holds a comma: that line is text on its own shape (a clause mark), so it cut the
# poem's first three lines off the rest, and those three, a run too short to be verse on its own, were read as
# the poem's kicker, headline and subheadline.
POEM = ("雾还没有散开", "鸡已经叫了", "炊烟升起来", "于是，村口的小路上", "走来了背书包的孩子", "露水打湿了裤脚",
        "笑声惊醒了树林", "太阳爬上了山坡")


@pytest.mark.parametrize("head", [("山村的早晨",), ("山村的早晨", "（上接第3版）")], ids=["title", "title-over-jump"])
def test_the_first_lines_of_a_poem_cut_off_by_a_line_with_a_comma_are_verse_not_its_title(head: tuple[str, ...]) -> None:
    # the line with the comma goes on into more verse: the short lines above it are the same poem's, and the
    # poem's title is the line over them (past a jump line printed under it)
    (it,) = layoutfix.clean("\n\n".join(head + POEM + ("（某乙）",))).items
    assert (it.section, it.kicker, it.headline, it.subheadline) == (None, None, "山村的早晨", None)
    assert it.paragraphs == POEM and it.byline == ("某乙",)


def test_a_dash_subheadline_closes_a_title_group_that_a_run_of_short_lines_would_read_as_verse() -> None:
    # five title-like lines in a row read as verse, the first alone a title; but a '——' line under a title is its
    # subheadline, and verse under it is no verse: the group ends there and the lines above it are its titles
    body = ("清晨六点，第一班公交车准时驶出车场，司机们已经在车上检查了一遍刹车和灯光。",
            "这家公司近年来推行文明服务承诺，乘客的投诉一年比一年少，表扬信却越来越多。")
    dump = "\n\n".join(("评论", "城市交通要解决好三个问题", "春天的风景线", "——记某市公交公司", "一路同行") + body)
    (it,) = layoutfix.clean(dump).items
    assert (it.section, it.headline, it.subheadline) == ("评论", "春天的风景线", "——记某市公交公司")
    assert it.paragraphs[-2:] == body and "——记某市公交公司" not in it.paragraphs
