"""Hyphens between Chinese characters (`glyphs.hyphens`): Tesseract's reading of 一, or a speck inside a word.

Clean Chinese text prints no ASCII hyphen between two Chinese characters; web text does between the parts of a
transliterated name, which stays.
"""
from __future__ import annotations

from hypothesis import given, strategies as st

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import fix_text
from layoutfix.stages.glyphs.hyphens import _hyphens

LM = load_lm(None)


def test_a_hyphen_where_yi_makes_the_words_is_read_as_yi() -> None:
    text, edits = fix_text("在河湾县另-方面的工作中")
    assert text == "在河湾县另一方面的工作中"
    assert [(e.kind, e.before, e.after) for e in edits] == [("glyph", "-", "一")]


def test_two_hyphens_that_read_as_yi_become_yi_through_the_pipeline() -> None:
    # normalize leaves an unspaced '--' that reads as 一 (一定) for the glyph stage, which reads it so
    page = layoutfix.clean("## 河湾县修路\n\n河湾县修路也需要--定的经费。\n")
    assert page.items[0].paragraphs == ("河湾县修路也需要一定的经费。",)


def test_a_speck_inside_a_word_is_removed() -> None:
    text, edits = fix_text("河湾县的干部应-该知足")
    assert text == "河湾县的干部应该知足"
    assert [(e.kind, e.before, e.after) for e in edits] == [("stray", "-", "")]


def test_a_hyphen_between_parts_of_a_transliterated_name_stays() -> None:
    # joined, the model reads a name across the hyphen (科特兰): no evidence of a speck
    assert _hyphens("前锋科特-兰德说", LM) == []


def test_a_hyphen_with_no_word_across_it_stays() -> None:
    assert _hyphens("河湾县-山南县公路", LM) == []


@given(st.text(alphabet="河湾县的一方面应该-山南", max_size=30))
def test_every_hyphen_change_replaces_only_hyphens(text: str) -> None:
    for ch in _hyphens(text, LM):
        assert set(text[ch.start:ch.end]) == {"-"} and ch.after in ("", "一")


def test_a_hyphen_between_two_numbers_in_numerals_stays() -> None:
    assert _hyphens("主队以九十-八十五获胜", LM) == []
