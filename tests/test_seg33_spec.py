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
