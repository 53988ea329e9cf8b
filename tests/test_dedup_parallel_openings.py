"""dedup: a paragraph that opens with a parallel of the clause before it (one word swapped for another, even a
rare one) or restates a question in other words stays whole; a garbled copy still goes to noise.
review17a's specifications (invented text only)."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup.clausecopy import copy_evidence
from layoutfix.stages.dedup.common import _swaps_one_word

PARALLEL = [
    ("我们穿过沙地，看到戈壁滩上的胡杨林。", "戈壁滩上的梭梭林。它们耐旱，根扎得很深。"),
    ("车子翻过山梁，眼前是一望无际的油菜花。", "一望无际的苜蓿地。羊群在地里慢慢走着。"),
    ("晚会的最后一个节目是二人转。", "最后一个节目是秧歌舞。全场观众一起拍手。"),
    ("孩子们最喜欢的是冰糖葫芦。", "最喜欢的是糖画儿。摊主是一位老手艺人。"),
]


@pytest.mark.parametrize("prev,nxt", PARALLEL)
def test_a_paragraph_opening_with_a_parallel_of_the_last_clause_stays_whole(prev: str, nxt: str) -> None:
    page = layoutfix.clean(f"{prev}\n\n{nxt}\n".encode())
    d = page.to_dict()
    assert d["noise"] == []
    body = "".join(p for a in d["articles"] for p in a["paragraphs"])
    assert nxt.split("。")[0] in body


@pytest.mark.parametrize("prev,nxt", [
    ("那么，如此受追捧的“网红小吃”到底从何而来呢？", "究竟林记“网红小吃”之名从何而来？记者走访了老街。"),  # clausecopy
    ("大家不禁要问，这些候鸟到底是从哪里飞来的？", "这些候鸟究竟从哪里飞来？保护站的工作人员给出了答案。"),  # garbled
])
def test_a_question_restated_in_other_words_stays(prev: str, nxt: str) -> None:
    d = layoutfix.clean(f"{prev}\n\n{nxt}\n".encode()).to_dict()
    assert d["noise"] == []


def test_one_word_swapped_for_another_is_a_parallel_sentence() -> None:
    lm = load_lm()
    assert _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩上长满了红柳。")
    assert _swaps_one_word(lm, "河滩上长满了芦苇。", "滩上长满了红柳。")  # it may repeat only the end of the line
    assert _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩上长了红柳。")  # and leave out a character or two


def test_a_swapped_word_with_a_misreading_beside_it_or_a_word_left_out_is_no_parallel() -> None:
    lm = load_lm()
    assert not _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩土长满了红柳。")  # a second change: garbled
    assert not _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩了红柳。")  # three characters lost
    assert not _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩上长满了芦苇。")  # nothing swapped


def test_a_clause_copy_missing_two_characters_in_a_row_is_no_misreading() -> None:
    lm = load_lm()
    clause = "沿岸两千亩稻田从此不再靠天吃饭。"
    assert copy_evidence(clause, "沿两千亩稻从此冉告夫吃饮。", lm) > 0  # two lost apart: a garbled copy
    assert copy_evidence(clause, "沿岸两千亩从此冉告夫吃饮。", lm) == 0  # '稻田' left out: said otherwise


def test_a_garbled_copy_of_a_parallel_looking_clause_still_goes_to_noise() -> None:
    # the copy swaps no dictionary word for another: it is misread, not said otherwise
    prev = "我们穿过沙地，看到戈壁滩上的胡杨林。"
    copy = "戈壁滩土的胡扬休。"
    d = layoutfix.clean(f"{prev}\n\n{copy}它们耐旱，根扎得很深。\n".encode()).to_dict()
    assert d["noise"] == [copy]
