"""The half-width and vertical forms of Chinese marks are read as the marks; a full-width stop ending a Chinese
sentence is '。' (flow closes a paragraph only on '。'), a full-width stop inside a figure or a Latin abbreviation
is not touched here."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.stages.normalize import fold_mark_forms, normalize_block
from layoutfix.config import Config
from layoutfix.model import TEXT, Block


def test_halfwidth_and_vertical_stops_are_the_chinese_stop() -> None:
    assert fold_mark_forms("会议结束｡") == ("会议结束。", [("｡", "。")])
    assert fold_mark_forms("会议结束︒大家散去") == ("会议结束。大家散去", [("︒", "。")])
    assert fold_mark_forms("甲､乙︐丙︓丁︔戊︕己︖")[0] == "甲、乙，丙：丁；戊！己？"


def test_a_fullwidth_stop_after_a_han_character_or_closing_mark_ends_the_sentence() -> None:
    assert fold_mark_forms("会议结束．")[0] == "会议结束。"
    assert fold_mark_forms("他说“好”．")[0] == "他说“好”。"


def test_a_fullwidth_stop_before_a_latin_letter_or_digit_or_after_one_stays() -> None:
    assert fold_mark_forms("型号Ａ．Ｂ")[0] == "型号Ａ．Ｂ"
    assert fold_mark_forms("第3．5条")[0] == "第3．5条"
    assert fold_mark_forms("甲．5")[0] == "甲．5"


def test_a_stop_after_a_per_cent_sign_before_a_closing_quote_is_chinese() -> None:
    block = Block(0, '厂长说:"今年产量增长5%."', 1, TEXT)
    assert normalize_block(block, Config())[0].text == "厂长说：“今年产量增长5%。”"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙｡､︒︐．”5A ", max_size=30))
def test_mark_forms_swap_one_mark_for_one_and_a_second_pass_changes_nothing(text: str) -> None:
    new, changes = fold_mark_forms(text)
    assert len(new) == len(text)
    assert sum(a != b for a, b in zip(text, new)) == len(changes)
    assert fold_mark_forms(new) == (new, [])
