"""dedup list and refrain exemptions: what review15b found them getting wrong at 9c6b195 (50de8ce). Invented text only.

"""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import drop_tandem_repeats, split_repeated_clause


def _body(text: str) -> str:
    d = layoutfix.clean(text.encode()).to_dict()
    return "".join(p for a in d["articles"] for p in a["paragraphs"])


@pytest.mark.parametrize("doubled, once", [
    ("这家商场主要出售电视机、洗衣机、电视机、洗衣机、电冰箱等家用电器。", "这家商场主要出售电视机、洗衣机、电冰箱等家用电器。"),
    ("村里新建了卫生所、图书室、卫生所、图书室、文化站。", "村里新建了卫生所、图书室、文化站。"),
    ("展会上有来自工业部门、农业部门、工业部门、农业部门、科研单位的代表。", "展会上有来自工业部门、农业部门、科研单位的代表。"),
])
def test_whole_list_items_printed_twice_lose_their_copy(doubled: str, once: str) -> None:
    # a list never names the same items twice in a row: X X whose copies are whole items (X opens an item and
    # ends on 、) is a misprint, however cleanly its edges fall between words. 50de8ce keeps all three.
    assert drop_tandem_repeats(doubled, load_lm().has)[0] == once


def test_a_doubled_list_loses_its_copy_not_a_shifted_piece_of_it() -> None:
    # 50de8ce skips the exact copy '工程师、总工程师、' and then drops the shifted '工程师、' one place on,
    # leaving '工程师、总工程师、总工程师、'
    text = "他先后担任过工程师、总工程师、工程师、总工程师、厂长等职务。"
    assert drop_tandem_repeats(text, load_lm().has)[0] == "他先后担任过工程师、总工程师、厂长等职务。"


def test_a_list_whose_items_share_words_keeps_every_item_when_the_next_item_shares_them_too() -> None:
    # the exemption skips the exact X X at '主任医师、副' but the search resumes one character on and drops the
    # rotated copy '任医师、副主', so an item is lost anyway (the suite's example only passes because '主管'
    # does not start like the shared stretch)
    text = "评审组由主任医师、副主任医师、副主任护师组成。"
    assert drop_tandem_repeats(text, load_lm().has)[0] == text


def test_a_clause_printed_twice_in_a_row_is_a_misprint_even_if_the_paragraph_says_it_once_more_later() -> None:
    # the refrain rule counts copies anywhere in the paragraph; a misprint's copy is contiguous with its original
    text = ("工人们一致同意扩建新的生产车间，工人们一致同意扩建新的生产车间，资金已到位。"
            "后来，工人们一致同意扩建新的生产车间，厂长很高兴。")
    spans = split_repeated_clause(text, load_lm())
    assert [text[b:e] for b, e in spans] == ["工人们一致同意扩建新的生产车间，"]
    assert spans[0][0] == len("工人们一致同意扩建新的生产车间，")  # the contiguous copy, not the later sentence's
