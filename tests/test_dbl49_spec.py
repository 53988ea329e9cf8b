"""Specification (session 49, dbl49): the doubling rules leave the real repeats OCR prints.

On real OCR (Tesseract) a Chinese character is rarely printed twice; what the doubling rules took there were real
repeats whose neighbours were misread. Four shapes are now left as printed:

- glyph stage, `doubling_guards.SAME_RUN_GUARD`: a character printed four or more times in a row whose pair is no
  dictionary word is no word printed twice (a title in a display face read as one character over and over); a
  reduplicated word printed twice (渐渐渐渐) is still judged, and so is a run between the halves of a word printed
  twice (an AABB word with its AA twice, two words sharing the run's character).
- glyph stage, `doubling_guards.AABB_MISREAD_GUARD`: a pair that ends a dictionary word AABB (兢兢业业), its lone copy
  after a word the other copy makes (敬业|业), with a rare character standing alone beyond that word: the AABB word
  with its first half misread, not a word printed with one character twice; a unit after a digit (3亿) is no such
  character.
- dedup, `doublings.SERIES_GUARD`: one numbered list item printed twice where the list goes on with the item
  numbered two more, and the number between them is the copy's numeral with one character more: a numeral was lost
  ('第五十条、第五十条、第五十二条' read from '…第五十一条…').
- dedup, `doublings.CHAIN_GUARD`: a phrase said twice between the same two characters ('A就要B B就要C') is a
  chain of clauses whose comma OCR lost; a phrase holding the list mark is list items, no clause.

Sentences are invented; the shipped model decides.
"""
from __future__ import annotations

import pytest

from layoutfix.lm import load_lm
from layoutfix.stages.dedup.doublings import _numbered_series, drop_tandem_repeats
from layoutfix.stages.glyphs import fix_text


def test_a_run_of_one_character_is_no_word_printed_twice() -> None:
    text = "蒸饭饭饭饭"  # as a title line: before, '饭饭' went as a unit printed twice (gain 18)
    assert fix_text(text) == (text, [])


def test_a_reduplicated_word_printed_twice_is_still_judged() -> None:
    assert fix_text("天气渐渐渐渐地暖和起来了。")[0] == "天气渐渐地暖和起来了。"


def test_a_run_with_a_word_on_one_side_only_stays() -> None:
    text = "这些都是国国国国际组织。"  # 国际 after the run, but 是国 before it is no word
    assert fix_text(text) == (text, [])


@pytest.mark.parametrize("text, mended", [
    ("他们一路磕磕磕磕碰碰地走到今天。", "他们一路磕磕碰碰地走到今天。"),  # 磕磕碰碰 with its AA printed twice
    ("这是一块响当当当当的招牌。", "这是一块响当当的招牌。"),  # 响当当 with its BB printed twice
    ("这是一次中国国国国际友好交流活动。", "这是一次中国国际友好交流活动。"),  # 中国 | 国际 sharing the run's character
])
def test_a_run_between_the_halves_of_a_word_printed_twice_is_still_judged(text: str, mended: str) -> None:
    assert fix_text(text)[0] == mended


@pytest.mark.parametrize("text", [
    "他一向鹫敬业业地工作。",  # 兢兢业业 with its first half misread
    "她总是鸷敬业业、一丝不苟。",
    "我们要鹫洁净净地过好每一天。",  # 干干净净's pair 净净 after the word 洁净
    "担任武术指指导鹫先生说。",  # the lone first copy: 指指点点's pair before the word 指导, a rare character after it
])
def test_the_pair_of_an_aabb_word_whose_other_half_reads_misread_stays(text: str) -> None:
    assert fix_text(text) == (text, [])


def test_a_misprinted_doubling_in_running_text_still_goes() -> None:
    out, edits = fix_text("这个方案非常成功功，值得推广。")
    assert out == "这个方案非常成功，值得推广。"
    assert [e.kind for e in edits] == ["doubled"]


@pytest.mark.parametrize("text, mended", [
    ("他热爱自己的事业业，工作非常努力。", "他热爱自己的事业，工作非常努力。"),  # 的: a common character
    ("他选择职业业，工作很努力。", "他选择职业，工作很努力。"),  # 选择: no character alone beyond the word
    ("他热爱鹫成功功，值得推广。", "他热爱鹫成功，值得推广。"),  # 功功 is no half of an AABB word
    ("今年全省已有3亿经济济损失得到赔付。", "今年全省已有3亿经济损失得到赔付。"),  # 亿: a unit after a digit
    ("全市有1200吨经济济作物出口。", "全市有1200吨经济作物出口。"),
    ("有5磅经济济作物出口。", "有5磅经济作物出口。"),  # 磅: rare, alone, but a unit after a digit
    ("他一向民敬业业地工作。", "他一向民敬业地工作。"),  # 民 (e^-9.1 alone): not rare enough
])
def test_a_pair_next_to_a_word_is_mended_unless_a_rare_character_stands_alone_beyond(text: str, mended: str) -> None:
    assert fix_text(text)[0] == mended


def test_numbered_items_whose_series_goes_on_stay() -> None:
    text = "会议决定删去第五十条、第五十条、第五十二条和附则。"
    assert drop_tandem_repeats(text, load_lm().has) == (text, [])


@pytest.mark.parametrize("text, mended", [
    ("商店里有电视机、洗衣机、电视机、洗衣机、电冰箱。", "商店里有电视机、洗衣机、电冰箱。"),
    ("商店里有电视机、电视机、电视机柜。", "商店里有电视机、电视机柜。"),  # no numeral
    ("修改第十一条、第十一条、第十二条。", "修改第十一条、第十二条。"),  # 11, 11, 12: no number between
    ("会议决定修改第八十一条、第八十一条、第八十二条和附则。", "会议决定修改第八十一条、第八十二条和附则。"),
    ("依照规定第三百七十四条、第三百七十四条、第三百七十六条", "依照规定第三百七十四条、第三百七十六条"),  # 375 never reads 374
    ("四年级一班、四年级一班、四年级二班", "四年级一班、四年级二班"),  # the grade numbers the item, not the class
    ("第七十条、第七十一条、第七十条、第七十一条、第七十二条", "第七十条、第七十一条、第七十二条"),  # two items
    ("第五十条、附则、第五十条、附则、第五十二条、附则", "第五十条、附则、第五十二条、附则"),  # two items
    ("附件第五十条、附件第五十条、附表第五十二条", "附件第五十条、附表第五十二条"),  # not numbered alike
    ("第五十条、第五十条、第五十二款", "第五十条、第五十二款"),
    ("每十个、每十个、每十二个", "每十个、每十二个"),  # 十 numbers no item: no 第 before it, not the item's opening
])
def test_whole_items_printed_twice_with_no_numeral_lost_still_go(text: str, mended: str) -> None:
    out, changes = drop_tandem_repeats(text, load_lm().has)
    assert out == mended
    assert len(changes) == 1


def test_the_series_is_read_from_the_items_numbers() -> None:
    assert _numbered_series("第五十条、第五十条、第五十二条", 0, 5)
    assert _numbered_series("第十条、第十条、第十二条", 0, 4)  # 十一 -> 十
    assert not _numbered_series("第五十条、第五十条、附则", 0, 5)
    assert not _numbered_series("第五十条、第五十条、第五十一条", 0, 5)
    assert not _numbered_series("会员证、会员证、会员卡", 0, 4)
    assert not _numbered_series("每一个、每一个、每三个", 0, 4)  # 一 inside a word numbers no item


def test_a_phrase_said_twice_between_the_same_two_characters_stays() -> None:
    text = "改革就要推进创新推进创新就要培养人才。"
    assert drop_tandem_repeats(text, load_lm().has) == (text, [])


@pytest.mark.parametrize("text, mended", [
    ("我们要加强管理加强管理，提高效率。", "我们要加强管理，提高效率。"),
    ("在5G推进创新推进创新5G时代", "在5G推进创新5G时代"),  # the link is no Han
    ("改革就要推进创新推进创新就是发展。", "改革就要推进创新就是发展。"),  # 就要 ... 就是: no link back
    ("他当选为党委常务委员、常务委员、党委书记处书记", "他当选为党委常务委员、党委书记处书记"),  # list items
])
def test_a_phrase_printed_twice_in_running_text_still_goes(text: str, mended: str) -> None:
    assert drop_tandem_repeats(text, load_lm().has)[0] == mended
