"""flow: a line of verse (clauses of the same five or seven characters) printed beside another of the same meter
ends a line of the poem on its comma; it is no paragraph cut at a column break. Invented text."""
from __future__ import annotations

import layoutfix
from layoutfix.model import TEXT, Block
from layoutfix.stages.flow.blocks import closed_source, verse_meter


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=i, text=t, line=2 * i + 1, role=TEXT) for i, t in enumerate(texts)]


def test_the_meter_of_a_verse_line() -> None:
    assert verse_meter("春风吹绿江南岸，") == 7
    assert verse_meter("山高水又长，路远心更近。") == 5
    assert verse_meter("春风吹绿了江南的两岸，") is None  # a clause of another length
    assert verse_meter("山高水又长，路远心自然更近。") is None  # clauses of unequal length
    assert verse_meter("春风吹绿江南岸") is None  # no closing mark


def test_a_verse_line_beside_another_of_its_meter_is_closed() -> None:
    blocks = _blocks("春风吹绿江南岸，明月照归故乡人。", "村头老树又开花，", "游子归来话丰年。")
    assert "verse" in closed_source(blocks, 1)


def test_a_short_line_ending_on_a_comma_beside_prose_stays_open() -> None:
    blocks = _blocks("今年以来，全县共新修乡村道路一百二十公里，改造危桥十八座，", "村头老树又开花，", "的消息传遍了全村。")
    assert closed_source(blocks, 1) == ""


def test_a_short_poem_keeps_its_lines() -> None:
    page = layoutfix.clean("## 归乡\n\n春风吹绿江南岸，明月照归故乡人。\n\n村头老树又开花，\n\n游子归来话丰年。\n")
    assert not [e for e in page.edits if e.kind == "join"]
    (it,) = page.items
    assert not it.truncated
    assert it.paragraphs == ("春风吹绿江南岸，明月照归故乡人。", "村头老树又开花，", "游子归来话丰年。")
