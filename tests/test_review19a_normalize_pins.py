"""Pins for session 18's normalize mends (6c87af3) that no test held: reverting any one of them left the suite
green (review19a mutated each guard; tests/test_normalize.py stayed green). The specifications are review18b's
(/work/tmp-review18b/failing_tests), all text invented; each test below fails when its guard is removed.
"""
from __future__ import annotations

import pytest

from layoutfix import Config
from layoutfix.model import Block
from layoutfix.stages.normalize import drop_ocr_bar, drop_stacked_marks, fix_ocr_one, normalize_block

TAIL = "，河湾县今年新建了三座图书馆，藏书十二万册，读者每天有三百多人。"


def norm(text: str) -> str:
    return normalize_block(Block(0, text, 4), Config())[0].text


@pytest.mark.parametrize("text", [
    "河湾县气象台预报，明天最低气温：-5℃",  # a negative number after a colon
    "河湾县的气温，-3℃，是今年最低",  # ... after a comma
    "软件支持的文件类型：.txt和.doc两种",  # a file extension after a colon
    "他走了。--这是河湾县的第一座图书馆",  # a dash typed as two hyphens after a stop
])
def test_a_sign_an_extension_or_a_typed_dash_after_a_clause_mark_is_kept(text: str) -> None:
    assert drop_stacked_marks(text) == (text, [])
    assert norm(text + TAIL) == text + TAIL


def test_a_stacked_mark_is_still_dropped_before_a_han_character() -> None:
    # the counter-example: the same marks before a Chinese character are OCR's additions
    assert drop_stacked_marks("河湾县，.今年")[0] == "河湾县，今年"
    assert drop_stacked_marks("图书馆。-读者")[0] == "图书馆。读者"


def test_a_dash_read_as_hyphen_yi_yi_after_a_stop_is_not_cut_to_yi_yi() -> None:
    out = norm("第三。-一一河湾县的图书馆" + TAIL)
    assert "一一河湾县" not in out


def test_a_half_open_interval_keeps_its_bracket() -> None:
    assert fix_ocr_one("函数在区间(0,1]上单调递增") == ("函数在区间(0,1]上单调递增", [])
    assert fix_ocr_one("河湾县的夜校]8日开学")[0] == "河湾县的夜校18日开学"  # counter-example: no bracket before it


def test_normalize_is_idempotent_on_two_brackets_read_for_ones() -> None:
    once = norm("河湾县的夜校]]8日开学" + TAIL)
    assert norm(once) == once


def test_bars_that_part_short_pieces_are_the_line_s_own_separators() -> None:
    assert drop_ocr_bar("目录|图片|评论") == ("目录|图片|评论", [])
    assert drop_ocr_bar("河湾县的股|份合作社")[0] == "河湾县的股份合作社"  # counter-example: one bar inside a word


def test_a_long_spaced_run_of_dots_after_a_comma_does_not_exhaust_the_stack() -> None:
    text = "河湾县今年新建了三座图书馆，" + ". " * 1000 + "藏书十二万册"  # a recursion per dropped dot overflowed
    assert norm(text).startswith("河湾县今年新建了三座图书馆，")
