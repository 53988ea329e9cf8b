"""Specification (session 42, glyph42): character corrections on text no fit has read.

A word printed twice (AB AB) stays where the text reads as three words over its copies' edges, X A | B A | B Y:
the character before with the first copy's A, the pair across the copies (B A), and the second copy's B with the
character after are each a word. A doubled word whose pairs there are not all words is still mended.

Sentences are invented from common words; the shipped model decides every fix.
"""
from __future__ import annotations

import pytest

from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import doubling_guards, fix_text


def test_a_word_printed_twice_that_reads_as_three_words_stays() -> None:
    text = "工人们按平时计时计件的办法领取工资。"  # 平时|计时|计件
    assert fix_text(text)[0] == text


def test_without_the_guard_that_text_lost_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "工人们按平时计时计件的办法领取工资。"
    monkeypatch.setattr(doubling_guards, "MIDDLE_WORD_GUARD", False)
    out, edits = fix_text(text)
    assert out == "工人们按平时计件的办法领取工资。"
    assert [e.kind for e in edits] == ["doubled"]


@pytest.mark.parametrize("wrong,right", [
    ("他们的生产生产品种越来越多。", "他们的生产品种越来越多。"),  # 产生 is a word, 的生 is none
    ("镇上的人民人民生活越过越红火了。", "镇上的人民生活越过越红火了。"),  # 民人 is no word
    ("老师在讲话中指中指出了问题。", "老师在讲话中指出了问题。"),
])
def test_a_doubled_word_whose_edges_do_not_all_make_words_is_mended(wrong: str, right: str) -> None:
    assert fix_text(wrong)[0] == right


def test_the_three_words_test_reads_every_edge() -> None:
    has = load_lm(None).has
    run = "按平时计时计件的办法"
    assert doubling_guards.three_words(run, 2, 2, has)  # 平时, 计时, 计件
    assert not doubling_guards.three_words("他们的生产生产品种", 3, 2, has)  # 的生 is no word
    assert not doubling_guards.three_words("平时计时计", 1, 2, has)  # nothing after the second copy
    assert not doubling_guards.three_words("并渐渐渐渐地", 1, 2, has)  # a doubled character's unit
