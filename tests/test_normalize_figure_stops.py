"""normalize: a Chinese sentence that ends in a figure keeps no ASCII stop when nothing else can follow it ('…降幅
33%.' -> '…降幅33%。', '…增长了20!' -> '！'), while a stop right after a digit stays as printed: a list number,
a decimal, a decimal cut at a column break or OCR's stray dot inside a number read alike (review22a). Invented text."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.model import Block
from layoutfix.stages.normalize import figure_stops, fix_punct_width


@pytest.mark.parametrize("printed, fixed", [
    ("今年东河乡菜价降幅33%.", "今年东河乡菜价降幅33%。"),
    ("降幅33%.县农业局说", "降幅33%。县农业局说"),
    ("降幅33％. 县农业局说", "降幅33％。 县农业局说"),
    ("全乡的粮食产量增长了20!", "全乡的粮食产量增长了20！"),
    ("今年能增长多少个20?", "今年能增长多少个20？"),
])
def test_a_stop_after_a_figure_that_ends_the_sentence_becomes_chinese(printed: str, fixed: str) -> None:
    assert fix_punct_width(printed)[0] == fixed


@pytest.mark.parametrize("printed", [
    "1.东河乡玉米增产",  # a list number
    "全乡产量增长20.5%",  # a decimal
    "东河乡收购的玉米2.",  # the end of a block: maybe a decimal cut at a column break ('2.' | '8吨')
    "带回到47.年前",  # OCR's stray dot inside a number and its unit
    "50%.",  # no Chinese sentence around it
    "降幅33%.5",  # a figure goes on
])
def test_a_stop_that_may_belong_to_a_number_stays(printed: str) -> None:
    assert fix_punct_width(printed)[0] == printed


def test_the_paragraph_ending_in_a_figure_is_not_joined_to_the_next() -> None:
    page = layoutfix.clean("## 东河乡菜价下降\n\n本报讯 今年东河乡蔬菜价格从每斤3元降到2元,降幅33%.\n\n"
                           "乡农技站说，蔬菜大棚面积扩大了一倍。")
    paragraphs = [p for it in page.items for p in it.paragraphs]
    assert paragraphs[-1] == "乡农技站说，蔬菜大棚面积扩大了一倍。"
    assert paragraphs[0].endswith("降幅33%。")
    assert not [e for e in page.edits if e.kind == "join"]
    assert any(e.stage == "normalize" and e.after == "。" for e in page.edits)


@pytest.mark.parametrize("after", ["2023年，全市经济总量突破万亿元。", "5月份以来，用电量增速放缓。", "5月10日，会议召开。"])
def test_a_stop_after_a_figure_before_a_paragraph_opening_with_a_date_ends_the_sentence(after: str) -> None:
    blocks = [Block(id=0, text="新增市场主体达到12.", line=1), Block(id=1, text=after, line=3)]
    assert figure_stops(blocks)[0][0].text == "新增市场主体达到12。"


def test_a_stop_before_a_fraction_of_years_stays_a_decimal_point() -> None:
    blocks = [Block(id=0, text="工期缩短了1.", line=1), Block(id=1, text="5年，比原计划提前。", line=3)]
    assert figure_stops(blocks)[0][0].text == "工期缩短了1."


@pytest.mark.parametrize("end", ["统一升级到版本V2.", "全市开通5G."])
def test_a_stop_after_a_code_of_letters_and_digits_ending_a_block_ends_the_sentence(end: str) -> None:
    blocks = [Block(id=0, text=end, line=1), Block(id=1, text="新系统运行平稳。", line=3)]
    assert figure_stops(blocks)[0][0].text == end[:-1] + "。"
