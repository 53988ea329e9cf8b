"""Tables as other dumps print them: cells aligned with runs of spaces, rows whose tabs were stripped.

All text is invented."""
from __future__ import annotations

import layoutfix
from layoutfix import Config
from layoutfix.model import TABLE, TEXT
from layoutfix.stages.read import read, space_tables

_LEAD = ("西山县蔬菜产业稳步发展\n\n"
         "本报讯 今年以来，这个县坚持把种植特色果蔬当成致富的主要门路，全县新建蔬菜大棚两千余座。\n\n"
         "各乡镇大棚情况表\n\n")
_TAIL = "\n县农业局表示，明年将继续扩大种植面积，带动更多农户增收。\n"


def test_a_table_aligned_with_runs_of_spaces_is_a_table() -> None:
    """pdftotext -layout and many OCR exports align cells with spaces, not tabs (review15a)."""
    page = _LEAD + "乡镇  大棚  农户\n东坪镇  820  1200\n西岭乡  640  950\n北河镇  900  1310\n" + _TAIL
    arts = layoutfix.clean(page.encode()).to_dict()["articles"]
    assert len(arts) == 1 and len(arts[0]["tables"]) == 1 and len(arts[0]["tables"][0]) == 4


def test_a_continuation_row_whose_trailing_tabs_were_stripped_stays_in_its_table() -> None:
    """Dumps often strip trailing whitespace: '推广中心\\t\\t' arrives as '推广中心' (review15a)."""
    page = _LEAD + "乡镇\t负责单位\t农户\n东坪镇\t县农业技术\t1200\n推广中心\n西岭乡\t乡农业站\t950\n" \
        + _TAIL
    a = layoutfix.clean(page.encode()).to_dict()["articles"][0]
    assert len(a["tables"]) == 1 and len(a["tables"][0]) == 3 and "推广中心" in "".join(a["tables"][0][1])


ALIGNED = ("乡镇      负责单位          农户\n"
           "东坪镇    县农业技术        1200\n"
           "          推广中心\n"
           "西岭乡    乡农业站           950\n"
           "南湾镇    镇农机站           310\n"
           "综合服务\n")


def test_aligned_columns_place_a_lone_continuation_cell_under_its_column() -> None:
    """A line of fewer cells continues the cell above it in the column it starts under; one at column 0 that
    fits the first column, followed by a blank line, continues the first cell of the last row."""
    lines = (ALIGNED + "\n县农业局表示，明年将继续扩大种植面积。").split("\n")
    (start, (end, rows)), = space_tables(lines).items()
    assert (start, end) == (0, 6)
    assert rows[2] == ("", "推广中心", "") and rows[5] == ("综合服务", "", "")
    page = read((ALIGNED + "\n县农业局表示，明年将继续扩大种植面积。\n").encode(), Config())
    table = page.blocks[0]
    assert table.role == TABLE and table.text == ALIGNED.rstrip("\n")  # every line kept as it was
    assert [table.line_at(table.text.index(t)) for t in ("推广中心", "综合服务")] == [3, 6]
    assert any(e.kind == "space_table" and e.before == e.after == "" for e in page.edits)


def test_a_line_at_column_0_that_the_text_runs_on_from_is_not_a_table_row() -> None:
    """Text right after the last row (no blank line between) is the text after the table, even when short."""
    text = ALIGNED.replace("综合服务\n", "") + "综合服务\n县农业局表示，明年将继续扩大种植面积。"
    lines = text.split("\n")
    (end, rows), = space_tables(lines).values()
    assert end == 5 and all("综合服务" not in c for r in rows for c in r)


def test_prose_with_double_spaces_stays_text() -> None:
    """Wrap spaces and OCR gaps in prose: the stretches between gaps are long or hold clause marks."""
    prose = ["本报讯  今年以来，全县新建蔬菜大棚两千余座，带动农户增收。",
             "县农业局负责人  介绍说，明年将继续扩大种植  面积。",
             "这项工作  已经取得明显成效。"]
    assert space_tables(prose) == {}
    page = read("\n".join(prose).encode(), Config())
    assert [b.role for b in page.blocks] == [TEXT, TEXT, TEXT]


def test_a_single_line_of_cells_or_two_unaligned_lines_are_not_a_table() -> None:
    """One line with gaps could be a title or a byline; two lines are a table only when their columns align."""
    assert space_tables(["东坪镇  820  1200"]) == {}
    assert space_tables(["记者  林一", "通讯员  王二"]) == {}
    assert list(space_tables(["记者    林一", "通讯员  王二"])) == [0]


def test_a_short_line_between_two_tables_after_a_blank_line_or_with_a_clause_mark_stays_text() -> None:
    """Only a cell-like line on the dump line right after a row and right before the next row is a stripped
    row; a title set off by blank lines, or a note with a clause mark, is not."""
    rows = "乡镇\t农户\n东坪镇\t1200\n"
    for between in ("\n二、新建大棚\n\n", "注：单位为户，下同\n"):
        page = _LEAD + rows + between + "西岭乡\t950\n北河镇\t1310\n" + _TAIL
        a = layoutfix.clean(page.encode()).to_dict()["articles"][0]
        cells = "".join(c for t in a["tables"] for r in t for c in r)
        assert "新建大棚" not in cells and "单位为户" not in cells
