"""speed37: the faster forms of dedup's and segment's hot tests give the answers of the forms they replace.

Each shortcut is checked against the plain reading it stands for, on invented text (no corpus or sample text).
"""
from __future__ import annotations

import random

from layoutfix import patterns

from invented import HAN as _HAN, texts as _texts


def test_holds_any_is_a_shared_character_and_holds_two_two_different_ones() -> None:
    from layoutfix.stages.dedup.common import holds_any, holds_two
    marks = frozenset("。.")
    assert holds_any(marks, "某甲。某乙") and holds_any(marks, "abc.") and not holds_any(marks, "某甲，某乙")
    assert not holds_any(frozenset(), "某甲")
    assert holds_two("甲乙", "某甲某乙") and not holds_two("甲甲", "某甲某甲") and not holds_two("甲丙", "某甲某乙")
    assert holds_two(("2023", "甲"), "2023年甲地") and not holds_two(("2023", "2023"), "2023年")
    for head in _texts(_HAN + "，。 ", 300, 12, 1):
        for items in ("甲乙丙", "甲甲", "", "戊", ("2", "甲", "甲")):
            assert holds_two(items, head) == (len(set(filter(head.__contains__, items))) >= 2)
        assert holds_any(frozenset("。 "), head) == (not frozenset("。 ").isdisjoint(set(head)))


def test_holds_any_walks_the_shorter_side_with_the_same_answer() -> None:
    from layoutfix.stages.dedup.common import holds_any
    many = frozenset("甲乙丙丁戊己庚辛壬癸一二三四五六七八九十")  # (a character's look-alikes: more than the head holds)
    assert holds_any(many, "某丁") and not holds_any(many, "某某") and not holds_any(many, "")
    for head in _texts(_HAN + "一二 ", 300, 30, 6):
        assert holds_any(many, head) == (not many.isdisjoint(set(head)))


def test_last_clause_starts_after_the_last_clause_mark_of_the_line() -> None:
    from layoutfix.stages.dedup import clausecopy
    assert clausecopy.last_clause("某甲走进院子，某乙 出门了。") == "某乙出门了。"
    assert clausecopy.last_clause("没有标点的一行") == "没有标点的一行"
    assert clausecopy.last_clause("问题是：为什么？”") == "为什么？”"  # (the closing marks belong to the clause)

    def by_each_mark(line: str) -> str:  # the first form: the last place of each of the eleven marks
        text = "".join(line[-64:].split())
        body = text.rstrip(clausecopy._CLOSING)
        return text[max(map(body.rfind, clausecopy._CLAUSE_MARKS)) + 1:][-clausecopy.MAX_CLAUSE:]

    for line in _texts(_HAN + "，。；！？：,;!?: ”\"", 3000, 80, 2):
        assert clausecopy.last_clause(line) == by_each_mark(line), line


def test_three_brackets_or_book_title_marks_are_counted_as_the_pattern_finds_them() -> None:
    from layoutfix.stages.dedup import clauses
    assert clauses._bracketed("某甲（某乙）说，《某书》") and not clauses._bracketed("某甲（某乙）说")
    assert clauses._bracketed("(a)(") and not clauses._bracketed("某甲说，某乙笑了。")
    for text in _texts(_HAN + "（）《》()，", 2000, 30, 3):
        assert clauses._bracketed(text) == (len(clauses._HOLDS_BRACKET.findall(text)) >= 3)


def test_two_clauses_may_repeat_when_one_length_holds_two_that_open_or_close_alike() -> None:
    from layoutfix.stages.dedup import clauses
    def by_keys(bodies: list[str]) -> bool:  # the first form: a key of every clause
        n = len(bodies)
        if n < 2 or len(set(map(len, bodies))) == n:
            return False
        return len({(len(c), c[:3]) for c in bodies}) < n or len({(len(c), c[-3:]) for c in bodies}) < n

    assert clauses._may_repeat(["某甲乙丙丁戊己庚", "某甲乙辛壬癸子丑"])  # (one length, one opening)
    assert not clauses._may_repeat(["某甲乙丙丁戊己庚", "辛壬癸子丑寅卯某"]) and not clauses._may_repeat(["某甲乙"])
    rng = random.Random(10)
    for _ in range(3000):
        bodies = _texts("甲乙丙", rng.randint(0, 6), 9, rng.randint(0, 10 ** 6))
        assert clauses._may_repeat(bodies) == by_keys(bodies), bodies


def test_the_pairs_of_joined_paragraphs_are_those_of_their_joined_text() -> None:
    from layoutfix.stages.segment.rests import joined_pairs, pairs
    memo: dict = {}
    assert joined_pairs(["某甲乙", "丙丁"], memo) == pairs("某甲乙丙丁") == {"某甲", "甲乙", "乙丙", "丙丁"}
    assert joined_pairs(["某甲，", "123", "乙。"], memo) == pairs("某甲，123乙。") == {"某甲", "甲乙"}
    paragraphs = _texts(_HAN[:5] + "，。 1a", 60, 12, 4)
    rng = random.Random(5)
    for _ in range(500):
        texts = rng.sample(paragraphs, rng.randint(0, 6))
        assert joined_pairs(texts, memo) == pairs("".join(texts)), texts
    kept = memo["某甲乙"][0]
    joined_pairs(["某甲乙", "丙丁"], memo).add("不是")  # (a caller's set is its own: the kept pairs stay)
    assert memo["某甲乙"][0] == kept == {"某甲", "甲乙"}


def test_no_line_longer_than_furniture_max_is_furniture() -> None:
    """`part_role` asks `patterns.is_furniture` only of lines up to `FURNITURE_MAX` characters: the pattern's own
    bound. A hotline footer and an editor's line run on to that length are furniture, one character more is not."""
    from layoutfix.stages.segment.parts import FURNITURE_MAX
    for line in ("咨询热线：010-12345678", "责任编辑：某甲"):
        assert patterns.is_furniture(line)
        padded = line + "某" * (FURNITURE_MAX - len(line))
        assert patterns.is_furniture(padded) and not patterns.is_furniture(padded + "某")


def test_a_rule_line_holds_no_letter_digit_or_han_whatever_it_opens_with() -> None:
    from layoutfix.stages.segment.words import is_rule_line
    assert is_rule_line("-----") and is_rule_line("■■■ ||| ~~~") and not is_rule_line("某-----")
    assert not is_rule_line("-----某") and not is_rule_line("——2") and not is_rule_line("＊＊＊")


def test_a_line_opening_with_a_cjk_ideograph_holds_han_without_the_pattern() -> None:
    from layoutfix.stages.segment.shapes import HAN, never_title
    assert all(HAN.match(chr(c)) for c in range(0x4E00, 0xA000))  # (the fast path's premise)
    assert never_title("2024") and never_title("——") and not never_title("某地举行会议")


def test_a_particular_opens_with_two_to_six_han_and_a_colon() -> None:
    from layoutfix.stages.segment.roles import KEY_VALUE, key_value
    assert key_value("联系人：某女士") and key_value("地址:某市某路8号") and key_value("某甲说：好")
    assert not key_value("某：某") and not key_value("一二三四五六七：某") and not key_value("联系人：")
    for t in _texts(_HAN[:6] + "：: a", 3000, 12, 8):
        assert key_value(t) == (KEY_VALUE.match(t) is not None), t


def test_a_block_opens_with_a_dateline_exactly_when_dateline_of_reads_one() -> None:
    """`items.segment` asks `dateline_of` only of a block `opens_dated` (cached) says opens with a dateline."""
    from layoutfix.stages.segment.shapes import opens_dated
    lines = ["本报讯（记者 某甲）今天上午，某地举行会议。", "新华社北京1月5日电 某某今天说。", "某地今天举行会议。",
             "据新华社电 某某说。", "（某某社某地1月4日电）某某。", "某某说，本报讯的消息不实。", ""]
    for line in lines + _texts(_HAN + "本报讯新华社电（）记者 1月日", 2000, 16, 9):
        assert opens_dated(line) == (patterns.dateline_of(line) is not None), line
    assert opens_dated(lines[0]) and opens_dated(lines[1]) and not opens_dated(lines[2])
