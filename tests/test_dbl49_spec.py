"""Specification (session 49, dbl49): the doubling rules leave the real repeats OCR prints.

On real OCR (Tesseract) a Chinese character is rarely printed twice; what the doubling rules took there were real
repeats whose neighbours were misread. Four shapes are now left as printed:

- glyph stage, `doubling_guards.SAME_RUN_GUARD`: a character printed three or more times in a row whose pair is no
  dictionary word is no word printed twice (a title in a display face read as one character over and over); a
  reduplicated word printed twice (渐渐渐渐) is still judged.
- glyph stage, `doubling_guards.AABB_MISREAD_GUARD`: a pair that ends a dictionary word AABB (兢兢业业), its lone copy
  after a word the other copy makes (敬业|业), with a rare character standing alone beyond that word: the AABB word
  with its first half misread, not a word printed with one character twice.
- dedup, `doublings.SERIES_GUARD`: whole numbered list items printed twice where the list goes on with one more
  numbered like them: a numeral was lost ('第五十条、第五十条、第五十二条' read from '…第五十一条…').
- dedup, `doublings.CHAIN_GUARD`: a phrase said twice between the same two characters ('A就要B B就要C') is a
  chain of clauses whose comma OCR lost.

Sentences are invented; the shipped model decides.
"""
from __future__ import annotations

import pytest

from layoutfix.lm import load_lm
from layoutfix.stages.dedup.doublings import _chained, _numbered_series, drop_tandem_repeats
from layoutfix.stages.glyphs import doubling_guards, fix_text


def test_a_run_of_one_character_is_no_word_printed_twice() -> None:
    text = "蒸饭饭饭饭"  # as a title line: before, '饭饭' went as a unit printed twice (gain 18)
    assert fix_text(text) == (text, [])


def test_a_reduplicated_word_printed_twice_is_still_judged() -> None:
    assert doubling_guards.same_run_end("渐渐渐渐地", 0) == 4  # the run is found ...
    assert load_lm().has("渐渐")  # ... but its pair is a word, so the doubling rules judge it as before


def test_the_run_needs_three_copies() -> None:
    assert doubling_guards.same_run_end("成功功，", 1) == -1
    assert doubling_guards.same_run_end("米米米", 0) == 3


@pytest.mark.parametrize("text", [
    "他一向鹫敬业业地工作。",  # 兢兢业业 with its first half misread
    "她总是鸷敬业业、一丝不苟。",
    "我们要鹫洁净净地过好每一天。",  # 干干净净's pair 净净 after the word 洁净
])
def test_the_pair_of_an_aabb_word_whose_other_half_reads_misread_stays(text: str) -> None:
    assert fix_text(text) == (text, [])


def test_a_misprinted_doubling_in_running_text_still_goes() -> None:
    out, edits = fix_text("这个方案非常成功功，值得推广。")
    assert out == "这个方案非常成功，值得推广。"
    assert [e.kind for e in edits] == ["doubled"]


def test_numbered_items_whose_series_goes_on_stay() -> None:
    text = "会议决定删去第五十条、第五十条、第五十二条和附则。"
    assert drop_tandem_repeats(text, load_lm().has) == (text, [])


def test_whole_items_printed_twice_with_no_series_after_them_still_go() -> None:
    out, changes = drop_tandem_repeats("商店里有电视机、洗衣机、电视机、洗衣机、电冰箱。", load_lm().has)
    assert out == "商店里有电视机、洗衣机、电冰箱。"
    assert len(changes) == 1


def test_the_series_needs_a_numeral_and_the_same_opening() -> None:
    text = "第五十条、第五十条、第五十二条"
    assert _numbered_series(text, 0, 5)
    assert not _numbered_series("第五十条、第五十条、附则", 0, 5)
    assert not _numbered_series("会员证、会员证、会员卡", 0, 4)


def test_a_phrase_said_twice_between_the_same_two_characters_stays() -> None:
    text = "改革就要推进创新推进创新就要培养人才。"
    assert drop_tandem_repeats(text, load_lm().has) == (text, [])


def test_a_phrase_printed_twice_in_running_text_still_goes() -> None:
    out, changes = drop_tandem_repeats("我们要加强管理加强管理，提高效率。", load_lm().has)
    assert out == "我们要加强管理，提高效率。"
    assert _chained("改革就要推进创新推进创新就要培养", 4, 4)
    assert not _chained("我们要加强管理加强管理，提高", 3, 4)
