"""dedup30: garbled copies of a line's end that the finder's guards turned away (issue 5's leaks), invented text."""
from __future__ import annotations

from layoutfix.lm import load_lm
from layoutfix.model import TEXT
from layoutfix.stages.dedup.garbled import _CopyFinder, _varied, garbled_prefix
from layoutfix.stages.dedup.repeats import _Seg


def test_a_function_word_read_as_a_word_of_another_kind_is_a_misreading_not_a_varied_line() -> None:
    lm = load_lm(None)
    assert not _varied(lm, "就看谁的本领\"", "就看谁时本领\"")  # a particle read as a noun: OCR's 的 / 时
    assert not _varied(lm, "也要看你的心意。", "也要看不的心意。")  # a pronoun read as an adverb
    assert _varied(lm, "也要看你的心意。", "也要看我的心意。")  # a pronoun for a pronoun: said otherwise


def test_a_title_is_copied_from_after_its_comma_whatever_the_comma_width() -> None:
    lm = load_lm(None)
    prev = "统筹城乡,推动教育与文化、卫生、体育协调发展"
    text = "推动教肓与文化、卫主、体育协调发展全区今年把社区服务放在首位,逐步推开新的计划"
    j, score = garbled_prefix(prev, text, lm)
    assert text[:j] == "推动教肓与文化、卫主、体育协调发展"


def _lines(*texts: str) -> list[_Seg]:
    return [_Seg(bi=i, start=0, end=len(t), line=2 * i + 1, role=TEXT, text=t, key=t) for i, t in enumerate(texts)]


def test_a_title_copied_whole_after_a_paragraphs_last_scrap_is_found_two_lines_down() -> None:
    lm = load_lm(None)
    lines = _lines("统筹城乡,推动教育与文化、卫生、体育协调发展",
                   "始形成街道牵头、部门配合、居民参与的格局。",
                   "推动教肓与文化、卫主、体育协调发展全区今年把社区服务放在首位,逐步推开新的计划")
    j, score, of = _CopyFinder(lines, lm).find(2)
    assert of is lines[0] and lines[2].text[:j] == "推动教肓与文化、卫主、体育协调发展"


def test_two_lines_down_a_line_that_starts_with_a_titles_words_and_ends_otherwise_is_no_copy() -> None:
    lm = load_lm(None)
    lines = _lines("全国青年志愿者协会举行会议",
                   "各界代表出席了会议。",
                   "全国青年志愿者协会会长某某,名誉会长某某以及各界知名人士出席会议。")
    assert _CopyFinder(lines, lm).find(2)[0] == 0


def test_two_lines_down_a_lead_restating_its_headline_after_a_paragraph_is_no_copy() -> None:
    lm = load_lm(None)
    lines = _lines("《城市园艺手册》出版十周年",
                   "本报讯介绍各地城市园艺发展情况的《城市园艺手册》(第十版)日前由某某出版社正式出版。",
                   "《城市园艺手册》出版十年来,全面记录了各地公园、街道绿地和社区花园的建设情况。")
    assert _CopyFinder(lines, lm).find(2)[0] == 0


def test_a_title_whose_last_word_is_misread_into_a_non_word_is_a_copy_not_a_verse_line() -> None:
    lm = load_lm(None)
    prev = "清晨走过的小树林"
    text = "清晨走过的小树淋在晨雾里慢慢醒来的村庄"
    j, score = garbled_prefix(prev, text, lm)
    assert text[:j] == "清晨走过的小树淋"
