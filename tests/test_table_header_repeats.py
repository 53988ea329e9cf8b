"""A table set across two columns prints its header row again where it goes on: kept once, the copy logged."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.tables import repeated_headers


def test_the_header_printed_again_is_kept_once_and_logged() -> None:
    page = layoutfix.clean("河湾县一季度指标\n\n指标\t数值\n产值\t86.5\n收入\t7.3\n\n指标\t数值\n消费\t31.2\t\n\n"
                           "本报讯 河湾县一季度经济平稳。\n")
    table = page.items[0].tables[0]
    assert [row[0] for row in table] == ["指标", "产值", "收入", "消费"]
    assert [e.before for e in page.edits if e.kind == "repeat_header"] == ["指标\t数值"]


def test_a_two_row_table_or_a_row_unlike_the_header_is_left() -> None:
    rows = (("指标", "数值"), ("指标", "数值"))
    assert repeated_headers(rows) == (rows, [])
    rows = (("指标", "数值"), ("产值", "86.5"), ("指标", "86.5"))
    assert repeated_headers(rows) == (rows, [])


def test_a_first_row_that_is_data_like_the_rest_is_no_header_and_its_equal_is_kept() -> None:
    rows = (("晴", "东南风", "三级"), ("多云", "东风", "二级"), ("晴", "东南风", "三级"), ("阴", "西风", "二级"))
    assert repeated_headers(rows) == (rows, [])
