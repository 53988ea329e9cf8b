"""dedup/clausecopy: a badly garbled copy of the last clause opening the next paragraph goes to noise;
a paragraph that restates or quotes the sentence before it stays whole. Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clausecopy import clause_copy, last_clause
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

PREV = "今年春天，河湾镇新修的灌溉水渠全部通水，沿岸两千亩稻田从此不再靠天吃饭。"
# the last clause re-read badly: three characters lost, four misread, the rest in place, the same closing mark
COPY = "沿两千亩稻从此冉告夫吃饮。"
NEXT = "镇里还组织农技员下田指导，帮助农户选用良种。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def test_the_last_clause_is_what_follows_the_last_clause_mark() -> None:
    assert last_clause(PREV) == "沿岸两千亩稻田从此不再靠天吃饭。"
    assert last_clause("像一 支苦调歌") == "像一支苦调歌"


def test_a_badly_garbled_copy_of_the_last_clause_opening_the_next_paragraph_goes_to_noise() -> None:
    j, evidence = clause_copy(PREV, COPY + NEXT, load_lm())
    assert (COPY + NEXT)[:j] == COPY and evidence > 0
    page = run(f"{PREV}\n\n{COPY}{NEXT}")
    assert [b.text for b in page.blocks] == [PREV, NEXT]
    assert [n.text for n in page.noise] == [COPY]
    logged = [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]
    assert len(logged) == 1 and logged[0].line == 3 and "last clause of line 1" in logged[0].reason
    assert not page.unaccounted()


def test_the_copy_may_skip_a_line_printed_between() -> None:
    page = run(f"{PREV}\n\n图为新修的水渠\n\n{COPY}{NEXT}")
    assert [n.text for n in page.noise] == [COPY]


def test_a_paragraph_that_opens_by_restating_the_sentence_before_it_is_kept() -> None:
    prev = "上午九时，全省青少年航模比赛在城东体育公园开幕。"
    nxt = "航模比赛在城东体育公园举行三天，共有四十支队伍参加。"
    assert clause_copy(prev, nxt, load_lm())[0] == 0
    page = run(f"{prev}\n\n{nxt}")
    assert [b.text for b in page.blocks] == [prev, nxt] and not page.noise


def test_a_quoted_sentence_repeated_in_reply_is_kept() -> None:
    prev = "老师问大家：“谁愿意明天早上来帮忙布置教室？”"
    nxt = "“谁愿意明天早上来帮忙布置教室？”小林第一个举起了手。"
    assert clause_copy(prev, nxt, load_lm())[0] == 0
    page = run(f"{prev}\n\n{nxt}")
    assert [b.text for b in page.blocks] == [prev, nxt] and not page.noise


def test_a_next_sentence_that_ends_on_the_same_mark_and_shares_a_few_words_is_kept() -> None:
    prev = "据介绍，这条公路全长十二公里，连通沿线六个村。"
    nxt = "沿线六个村的果农从此运货更方便。镇里计划明年再修一条。"
    assert clause_copy(prev, nxt, load_lm())[0] == 0
