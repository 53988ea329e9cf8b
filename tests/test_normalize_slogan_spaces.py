"""A space between two phrases of a quoted slogan or a book title is the printer's and stays; any other space between
Chinese characters in body text is a line wrap and goes, even inside quotation marks.

Before: every space after an opening quote was kept as a slogan separator, so a long quotation, or the rest of a
block after a quote OCR left unclosed, kept its line-wrap spaces (210 on 240 synthetic tuning and fresh pages).
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.stages.normalize import SLOGAN_MAX, _slogan_spaces, remove_wrap_spaces


def test_a_slogan_keeps_the_space_between_its_phrases() -> None:
    assert remove_wrap_spaces("大会以“同心向前 共建家园”为主题")[0] == "大会以“同心向前 共建家园”为主题"
    assert remove_wrap_spaces("出版了《山水清音 田园长歌》一书")[0] == "出版了《山水清音 田园长歌》一书"


def test_a_quotation_that_runs_across_clauses_loses_its_wrap_space() -> None:
    text = "他说：“今天我们在这里举行 仪式，大家都很高兴。”"
    assert remove_wrap_spaces(text)[0] == "他说：“今天我们在这里举行仪式，大家都很高兴。”"


def test_a_quote_left_unclosed_keeps_no_space_after_it() -> None:
    text = "他说：“今天我们在这里举行仪式 大家都很高兴 明天还要再来"
    assert remove_wrap_spaces(text)[0] == "他说：“今天我们在这里举行仪式大家都很高兴明天还要再来"


def test_a_long_quote_is_no_slogan() -> None:
    inside = "甲" * (SLOGAN_MAX - 5) + " " + "乙" * 10
    assert _slogan_spaces("“" + inside + "”") == set()
    short = "甲" * 4 + " " + "乙" * 4
    assert _slogan_spaces("“" + short + "”") == {5}


def test_a_closing_mark_of_another_kind_closes_nothing() -> None:
    assert _slogan_spaces("“甲乙 丙丁》") == set()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="“”‘’《》甲乙 ，", max_size=60))
def test_slogan_spaces_are_spaces_inside_a_quote(text: str) -> None:
    for k in _slogan_spaces(text):
        assert text[k] == " "
        # inside a quote opened before it, or one the block opens inside (its opening mark in the block before:
        # no mark of any kind before the space, review25a)
        opened = any(c in "“‘《" for c in text[:k]) or not any(c in "“‘《”’》，" for c in text[:k])
        assert opened and any(c in "”’》" for c in text[k:])


def test_a_wrap_space_inside_a_word_of_a_short_quote_goes() -> None:
    # a line wrap can fall inside a short quote: the space splits a word (家乡), so it is no separator
    assert remove_wrap_spaces("他们提出“支持家 乡建设”的口号")[0] == "他们提出“支持家乡建设”的口号"


def test_a_wrap_space_next_to_a_phrase_of_two_characters_goes() -> None:
    # a slogan's phrases run three characters or more on each side of its space
    assert remove_wrap_spaces("真可谓“三年练 一功”啊")[0] == "真可谓“三年练一功”啊"
    assert remove_wrap_spaces("这本《如何 学好数学》很薄")[0] == "这本《如何学好数学》很薄"


def test_a_slogan_space_stays_when_the_phrase_after_it_holds_a_nested_quote() -> None:
    text = "会议以“科技引领 赋能‘三大产业’发展”为主题"
    assert remove_wrap_spaces(text)[0] == text


def test_a_slogan_space_stays_though_the_characters_around_it_make_a_word() -> None:
    # 春情 is a dictionary word across the space, but the phrases read 青春 | 情暖: the space ends a word
    text = "一场“火热青春 情暖校园”活动"
    assert remove_wrap_spaces(text)[0] == text
