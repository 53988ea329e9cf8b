"""Nothing lost, everything explained: the accounting check itself, and the reasons a join or a refusal gives.

`Page.unaccounted()` is what the suite's many `not page.unaccounted()` assertions rest on, so it is pinned
here on pages where a character really is unexplained (review10a found every one of those assertions passing
with the check stubbed out).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import layoutfix
from layoutfix.model import Edit


def test_unaccounted_names_a_character_no_edit_explains() -> None:
    page = layoutfix.clean("本报讯 公园里新修了三条步道。")
    assert not page.unaccounted()
    dropped_from_input = replace(page, raw=page.raw.replace("步", "", 1))  # output has one 步 no input explains
    assert dropped_from_input.unaccounted() == Counter({"步": 1})
    claimed = replace(page, edits=page.edits + (Edit("glyphs", "glyph", "", "园", 1, 1.0, "invented", ""),))
    assert claimed.unaccounted() == Counter({"园": -1})  # an edit added a 园 the output lacks


def test_a_join_reason_names_the_line_cut_and_the_line_it_continues_at() -> None:
    page = layoutfix.clean("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成。")
    (join,) = [e for e in page.edits if e.kind == "join"]
    assert join.line == 3 and join.reason.startswith("line 1 continues at line 3:")
    assert not page.unaccounted()


def test_a_debris_target_is_scored_but_never_joined_and_the_refusal_says_why() -> None:
    page = layoutfix.clean("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n式话与 送队 万家巴")
    assert not [e for e in page.edits if e.kind == "join"]
    assert any(e.kind == "no_join" and "OCR debris" in e.reason for e in page.edits)
    assert not page.unaccounted()
