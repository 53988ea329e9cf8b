"""segment: a table's unit or source line printed over it, under the table's title, is a caption of the table, not
its headline (review22a: '单位：吨' under '## 各乡镇粮食产量' took the headline and pushed the title up to the
kicker). Invented text."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.tables import is_table_note

TABLE = "乡镇\t玉米\t小麦\n东河乡\t1200\t800\n西山镇\t900\t650\n南湖乡\t1100\t700"


def test_unit_and_source_lines_are_table_notes() -> None:
    assert is_table_note("单位：吨")
    assert is_table_note("（单位：万元）")
    assert is_table_note("来源：县统计局")
    assert not is_table_note("各乡镇粮食产量")  # a title: no label and value
    assert not is_table_note("东河乡：今年粮食产量创下历史新高")  # a headline after a place: the value is a sentence


def test_a_unit_line_under_a_marked_title_is_the_tables_caption() -> None:
    page = layoutfix.clean("## 各乡镇粮食产量\n\n单位：吨\n\n" + TABLE)
    (it,) = page.items
    assert (it.kicker, it.headline) == (None, "各乡镇粮食产量")
    assert it.captions == ("单位：吨",)
    assert not page.unaccounted()


def test_a_title_of_two_lines_over_a_table_keeps_its_kicker() -> None:
    page = layoutfix.clean("今年全县粮食再获丰收\n\n各乡镇粮食产量\n\n" + TABLE)
    (it,) = page.items
    assert (it.kicker, it.headline) == ("今年全县粮食再获丰收", "各乡镇粮食产量")


def test_a_table_with_only_a_note_over_it_keeps_it_as_its_title() -> None:
    page = layoutfix.clean("单位：吨\n\n" + TABLE)  # nothing else to head the table
    (it,) = page.items
    assert it.headline == "单位：吨"
