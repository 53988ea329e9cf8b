"""Specifications for work that grew with the square of a page's size (review20a): the same answers as the
plain rule, on inputs where the plain rule took minutes. Invented text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.config import Config
from layoutfix.model import BYLINE, TABLE, TEXT, TITLE, Block
from layoutfix.stages.flow.blocks import _starts_article, barriers, heads_article, is_end_byline
from layoutfix.stages.normalize import normalize_block

_BLOCKS = [Block(0, "河湾县新修一座桥", 1, role=TITLE, marked=True),  # a '## ' title: starts an article, heads one
           Block(0, "河湾县新修一座桥", 1, role=TITLE),
           Block(0, "本报讯 河湾县今年新修了三座桥。", 1),  # a dateline: starts an article
           Block(0, "村民们说，桥修好以后，去镇上只要十分钟，", 1),  # a cut paragraph: heads nothing
           Block(0, "（记者 林一）", 1, role=BYLINE),
           Block(0, "山城新景", 1)]  # short and unterminated: may head an article


def _plain_barriers(blocks: list[Block]) -> list[bool]:
    """The rule as it reads: article starts, and every title-like line in the run right above one."""
    out = [_starts_article(b) or is_end_byline(b.text) for b in blocks]
    for i, b in enumerate(blocks):
        if i and _starts_article(b):
            j = i - 1
            while j >= 0 and heads_article(blocks[j]):
                out[j] = True
                j -= 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(range(len(_BLOCKS))), max_size=40))
def test_barriers_walk_each_run_of_title_lines_once_and_mark_what_the_plain_rule_marks(picks: list[int]) -> None:
    blocks = [_BLOCKS[k] for k in picks]
    assert barriers(blocks) == _plain_barriers(blocks)


def test_a_page_of_title_lines_alone_is_all_barriers() -> None:
    blocks = [_BLOCKS[0]] * 30_000  # review20a: 30,000 '## ' lines took 127 s in this walk
    assert barriers(blocks) == [True] * 30_000
    # counter-example: a cut paragraph between two runs stops the walk from the run below it
    mixed = [_BLOCKS[5], _BLOCKS[3], _BLOCKS[5], _BLOCKS[0]]
    assert barriers(mixed) == [False, False, True, True]


def test_a_wide_table_rows_cell_fixes_give_the_offsets_and_context_of_the_whole_row() -> None:
    # edits in cells far into a row of many cells: the offset counts the row's cells joined by tabs and the
    # quoted context is the row's text around the change (review20a: a 20,000-cell row took 75 s)
    cells = [f"第{i}列" for i in range(60)]
    cells[3], cells[30], cells[59] = "甲,乙", "丙,丁", "戊,己"
    table, edits = normalize_block(Block(0, "", 4, role=TABLE, rows=(tuple(cells),)), Config())
    row = "\t".join(table.rows[0])
    fixes = [e for e in edits if e.before == ","]
    assert [e.offset for e in fixes] == [row.index("甲") + 1, row.index("丙") + 1, row.index("戊") + 1]
    for e in fixes:
        raw = "\t".join(table.rows[0][:row[:e.offset].count("\t")] + tuple(cells[row[:e.offset].count("\t"):]))
        k = e.offset
        assert e.context == raw[max(0, k - 12):k + 1 + 12]
