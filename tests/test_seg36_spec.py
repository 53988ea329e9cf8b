"""Session 36 (seg36): what segment reads from a line's colon, and articles lost by segment.

Invented text only.
"""
from __future__ import annotations

from layoutfix.stages.segment.shapes import ends_on_colon


def test_a_line_ends_on_a_colon_of_either_width_whatever_spaces_follow() -> None:
    assert ends_on_colon("某地：")
    assert ends_on_colon("编辑同志: ")
    assert ends_on_colon("各位来宾：\u3000")
    assert not ends_on_colon("某某：新的一年")  # a colon inside the line introduces nothing under it
    assert not ends_on_colon("")
