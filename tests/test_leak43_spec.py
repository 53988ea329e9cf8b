"""dedup (leak43): a garbled partial repeat glued to the start of the next line goes to the page's noise, logged with
its line and confidence, and a line that merely shares a phrase with the one before stays whole.

Two shapes the copy finders let through before (each leaked its copy into the article):
- a copy of a line's last clause that lost two characters in a row across its words, glued to the text;
- a copy of a long line ending on a comma that lost the comma, set off from the text by a space.
Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clausecopy import copy_evidence
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str) -> Page:
    return dedup(normalize(read(dump, Config())))


def cut_as_noise(page: Page, copy: str, line: int) -> None:
    """`copy` left the text, is the page's noise, and one dedup edit logs it at `line` with a confidence."""
    assert [n.text for n in page.noise] == [copy]
    assert all(copy not in b.text for b in page.blocks)
    logged = [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]
    assert len(logged) == 1
    assert logged[0].line == line and logged[0].context == copy and 0.5 <= logged[0].confidence <= 0.95
    assert not page.unaccounted()


# a verse whose second line opens with a badly read copy of the first line's last clause
VERSE = "晚风轻轻吹过，在小河湾北岸的柳林边"
LOST_COPY = "小河岸的柳材达"  # '湾北' lost (no word: 河湾 | 北岸), 林 read 材, 边 read 达
VERSE_NEXT = "我们数着天上的星星"


def test_a_clause_copy_that_lost_two_characters_across_its_words_goes_to_noise() -> None:
    page = run(f"{VERSE}\n\n{LOST_COPY}{VERSE_NEXT}\n")
    assert [b.text for b in page.blocks] == [VERSE, VERSE_NEXT]
    cut_as_noise(page, LOST_COPY, 3)
    assert "last clause of line 1" in page.edits[-1].reason


def test_a_clause_said_again_without_a_word_is_no_copy() -> None:
    lm = load_lm()
    clause = "在小河湾北岸的柳林边"
    assert copy_evidence(clause, "小河湾的柳材达", lm) == 0.0  # '北岸' left out whole: said otherwise
    assert copy_evidence(clause, "小河岸的柳林边", lm) == 0.0  # two lost across words, nothing misread: restated
    assert copy_evidence(clause, "小河岸的柳材达", lm) > 0.0  # two lost across words and misread: a copy


# a long paragraph line cut on a comma, then the next line opens with a garbled copy of its end, the comma lost,
# set off by a space from a new report
LONG = "今年全县新修乡村公路八十多公里，改造危旧桥梁十二座，"
COMMA_COPY = "修乡村公略八十多公重，改造危旧桥粱十二座"
REPORT = "本报讯 县交通局昨天召开会议，部署明年的农村公路养护工作。"


def test_a_copy_of_a_comma_ended_line_that_lost_its_comma_goes_to_noise_when_a_space_sets_it_off() -> None:
    page = run(f"{LONG}\n\n{COMMA_COPY} {REPORT}\n")
    cut_as_noise(page, COMMA_COPY, 3)
    assert "its comma lost" in page.edits[-1].reason
    assert page.blocks[-1].text.startswith("本报讯")


def test_a_line_sharing_the_end_of_a_comma_ended_line_stays_whole() -> None:
    # the same words said again as printed (a restatement), or the copy running into the text with no space
    for nxt in ("改造危旧桥梁十二座 " + REPORT, COMMA_COPY + REPORT):
        page = run(f"{LONG}\n\n{nxt}\n")
        assert not page.noise, nxt
        assert not [e for e in page.edits if e.stage == "dedup"], nxt


# a credit line under a title, then the text opens with the credit printed again: OCR misread the first printing, so
# it is the copy that holds the word and the line before that breaks it
TITLE = "## 喜读乡土文丛"
CREDIT, CREDIT_COPY = "林涛（编犀）", "林涛（编辑）"  # 辑 read 犀 in the first printing
BODY = "县图书馆决定从今年三月起恢复出版《乡土文丛》，这实在是一件好事。"


def test_a_line_printed_again_with_its_misread_character_read_right_goes_to_noise() -> None:
    for sep in (" ", ""):
        page = run(f"{TITLE}\n\n{CREDIT}\n\n{CREDIT_COPY}{sep}{BODY}\n")
        assert [b.text for b in page.blocks] == ["喜读乡土文丛", CREDIT, BODY], sep
        cut_as_noise(page, CREDIT_COPY, 5)
        assert "end of line 3" in page.edits[-1].reason


def test_a_line_that_puts_a_word_for_a_word_stays_whole() -> None:
    # the next line of a list or a verse swaps a word of the line for another: both lines read as words
    for prev, nxt in (("林涛（编辑）", "林涛（摄影）"), ("他们上山了。", "他们下山了。")):
        page = run(f"{TITLE}\n\n{prev}\n\n{nxt}{BODY}\n")
        assert not page.noise, nxt
        assert [b.text for b in page.blocks][-1] == nxt + BODY


# review43a: lines that repeat or vary the one before and are no misreading stay whole
def kept_whole(dump: str) -> None:
    page = run(dump)
    assert not page.noise
    assert not [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]


def test_a_quotation_said_again_after_a_line_that_ends_on_a_comma_stays_text() -> None:
    kept_whole("## 题目\n\n有些地方的少数干部只记住了一句“把山上的树种活比什么都要紧”，\n\n"
               "把“把山上的树种活比什么都要紧” 挂在嘴边却不去种树。\n")


def test_a_restatement_that_leaves_out_a_word_stays_text() -> None:
    kept_whole("## 题目\n\n县里要求今年继续全面提高乡村道路的通行能力和养护水平，\n\n"
               "全面提高乡村道路的通行能力和水平 是全县交通部门的头等大事。\n")


def test_a_list_of_names_that_differs_in_one_character_stays_text() -> None:
    kept_whole("## 题目\n\n获得这次表彰的优秀教师有赵建国、钱建华、孙建军、李建平，\n\n"
               "赵建国、钱建新、孙建军、李建平 分别发了言。\n")


def test_a_verse_that_varies_its_last_verb_stays_text() -> None:
    kept_whole("雨点落，荷叶摇。\n\n雨点落，荷叶落。落进池塘里，变成一圈圈波纹。\n")


def test_a_mark_in_the_other_width_is_no_misreading_of_a_clause_copy() -> None:
    # two characters left out and only the question mark printed half-width: a restatement, not a misread copy
    lm = load_lm()
    assert copy_evidence("在小河湾北岸的柳林边？", "在小河岸的柳林边?", lm) <= 0.0
    assert copy_evidence("在小河湾北岸的柳林边？", "在小河岸的柳材边?", lm) > 0.0  # a character misread as well
