"""flow30: a title-like line of two or more bullet points ('●…●…') is set whole (a deck under a title, a summary):
it never continues in the next block, whatever the join model says (none of the 9 such sources of the tuning split
does; `flow.titles`)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.model import Block
from layoutfix.stages.flow import flow
from layoutfix.stages.flow.titles import POINTS, is_points_line, title_source_rule
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def test_two_bullet_points_in_a_line_make_a_line_of_points() -> None:
    assert is_points_line("●加开临时列车●改进售票方式")
    assert not is_points_line("●加开临时列车，改进售票方式的工作")  # one point: may be a cut list item


def test_a_title_like_line_of_points_may_not_continue_at_any_block() -> None:
    blocks = [Block(0, "●贫困人口大幅减少●贫困地区面貌改观", 1), Block(1, "十年来，全国贫困人口减少了一半。", 3)]
    assert title_source_rule(blocks, 0, 1, gain=5.0) == POINTS
    blocks[0] = Block(0, "●贫困人口大幅减少，贫困地区面貌", 1)
    assert title_source_rule(blocks, 0, 1, gain=5.0) == ""


def test_a_line_of_points_over_body_text_is_not_joined_to_it() -> None:
    page = flow(normalize(read("扶贫攻坚取得进展\n\n●贫困人口大幅减少●贫困地区面貌改观\n\n"
                               "十年来，全国贫困人口从一亿多减少到五千万。", Config())))
    assert [b.text for b in page.blocks][1] == "●贫困人口大幅减少●贫困地区面貌改观"
    assert not [e for e in page.edits if e.kind == "join"]
