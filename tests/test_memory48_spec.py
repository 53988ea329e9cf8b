"""Spec (memory48): the page remembers how it spells a word.

A string of Han characters the page prints the same way several times is how the page spells it; one printing of it
with a single character read as a look-alike is that string misread, and the glyph stage puts the page's spelling
back (`glyphs.page_memory`), logged as a `memory` edit naming the string and the times the page prints it. A second
spelling printed as often as the first, a printed character that makes a word with its neighbours, and a string
printed in other, unrelated lines of `fix_lines` are left as printed. (Invented village names and text.)
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.glyphs import fix_lines, fix_text

STORY = ("今年春天，{a}村修好了三条路。{a}村的农民说，路通了，果子卖得出去了。"
         "县里还把{a}村列为示范村，{b}村的干部很高兴。")


def test_a_name_printed_three_times_and_once_with_a_look_alike_is_put_back() -> None:
    text = STORY.format(a="乌拉坝", b="鸟拉坝")
    out, edits = fix_text(text)
    assert out == STORY.format(a="乌拉坝", b="乌拉坝")
    (edit,) = edits
    assert (edit.stage, edit.kind, edit.before, edit.after) == ("glyphs", "memory", "鸟", "乌")
    assert "'乌拉坝' printed 3 times" in edit.reason
    assert 0 < edit.confidence < 1


def test_a_second_spelling_printed_as_often_as_the_first_is_kept() -> None:
    # 檀木岗 and 檀水岗 are each printed twice: two names, neither a misreading of the other; 业旗营 is one misreading
    text = (STORY.format(a="蓝旗营", b="业旗营")
            + "檀木岗和檀水岗是两个村。檀木岗种茶，檀水岗养鱼。")
    out, edits = fix_text(text)
    assert "蓝旗营村的干部" in out and "业旗营" not in out
    assert out.count("檀水岗") == 2 and out.count("檀木岗") == 2
    assert [(e.kind, e.before, e.after) for e in edits] == [("memory", "业", "蓝")]


def test_a_printed_character_making_a_word_with_its_neighbours_is_kept() -> None:
    # 盟旗 is a word: 盟旗营 printed once beside 蓝旗营 printed three times says nothing of it; 鸟拉坝 makes none
    text = STORY.format(a="蓝旗营", b="盟旗营") + STORY.format(a="乌拉坝", b="鸟拉坝")
    out, edits = fix_text(text)
    assert "盟旗营" in out
    assert "鸟拉坝" not in out
    assert [(e.before, e.after) for e in edits] == [("鸟", "乌")]


def test_the_page_remembers_across_its_blocks() -> None:
    dump = "\n\n".join(["今年春天，乌拉坝村修好了三条路，乌拉坝村的农民很高兴。",
                        "县里把乌拉坝村列为示范村，还请专家来讲课。",
                        "鸟拉坝村的干部说，明年还要修一座桥。"]) + "\n"
    page = layoutfix.clean(dump.encode("utf-8"))
    memory = [e for e in page.edits if e.kind == "memory"]
    assert [(e.stage, e.before, e.after) for e in memory] == [("glyphs", "鸟", "乌")]
    assert "乌拉坝村的干部" in "".join(p for a in page.to_dict()["articles"] for p in a["paragraphs"])


def test_lines_of_fix_lines_are_separate_documents() -> None:
    # the name printed right in other lines is no evidence for this line (each line is its own document); printed
    # three times in the same line, it is
    lines = ["乌拉坝村修好了路。", "乌拉坝村的农民说路通了。", "县里把乌拉坝村列为示范村。", "鸟拉坝村的干部很高兴。",
             STORY.format(a="乌拉坝", b="鸟拉坝")]
    out = fix_lines(lines)
    assert out[:4] == lines[:4]
    assert out[4] == STORY.format(a="乌拉坝", b="乌拉坝")


def test_a_printing_the_word_model_reads_better_than_the_pages_spelling_is_kept() -> None:
    # 骆驼转 for 骆驼岭: the word model reads 骆驼转 better than 骆驼岭 there (a negative gain, under the bar with the
    # channel), so the page's count alone does not change it; 鸟拉坝 -> 乌拉坝 beside it does
    text = STORY.format(a="骆驼岭", b="骆驼转") + STORY.format(a="乌拉坝", b="鸟拉坝")
    out, edits = fix_text(text)
    assert "骆驼转村" in out
    assert [(e.before, e.after) for e in edits] == [("鸟", "乌")]


SHORT = "今年春天，{a}村修好了三条路。县里还把{a}村列为示范村，{b}村的干部很高兴。"


def test_a_string_printed_exactly_twice_is_already_the_pages_spelling() -> None:
    # two printings suffice; the confidence grows with them (0.5 + 0.1 a printing)
    out, edits = fix_text(SHORT.format(a="乌拉坝", b="鸟拉坝"))
    assert out == SHORT.format(a="乌拉坝", b="乌拉坝")
    assert [(e.kind, e.before, e.after, e.confidence) for e in edits] == [("memory", "鸟", "乌", 0.7)]
    assert "'乌拉坝' printed 2 times" in edits[0].reason


def test_the_misread_character_may_stand_at_any_place_of_the_string() -> None:
    # last place, middle place (the first place is the tests above); the string stands between different neighbours
    # each time, so the place is read by that one string alone
    out, edits = fix_text("檀木岗的茶叶好。我们去过檀木岗，还住在檀木崮。")
    assert out == "檀木岗的茶叶好。我们去过檀木岗，还住在檀木岗。"
    assert [(e.kind, e.before, e.after) for e in edits] == [("memory", "崮", "岗")]
    out, edits = fix_text("乌拉坝的茶叶好。我们去过乌拉坝，还住在乌粒坝。")
    assert out == "乌拉坝的茶叶好。我们去过乌拉坝，还住在乌拉坝。"
    assert [(e.kind, e.before, e.after) for e in edits] == [("memory", "粒", "拉")]


def test_the_edit_names_the_string_the_page_prints_most() -> None:
    # 乌拉坝 (four times) and 拉坝村 (three times) both read 乌粒坝村's 粒 as 拉: the edit names the first
    out, edits = fix_text("乌拉坝村修好了路。乌拉坝村种茶，乌拉坝村养鱼，乌拉坝人很高兴，乌粒坝村的干部也来了。")
    assert "乌粒坝" not in out
    (edit,) = edits
    assert "'乌拉坝' printed 4 times" in edit.reason and edit.confidence == 0.9


def test_a_place_another_printed_string_covers_is_left_alone() -> None:
    # 水岗村 is printed twice (小水岗村, 大水岗村): 檀水岗村 is that string's printing, not 檀木岗 misread
    text = "檀木岗的茶叶好，我们去过檀木岗。小水岗村和大水岗村都在河边，檀水岗村的干部很高兴。"
    assert fix_text(text) == (text, [])


def test_two_strings_that_read_the_place_differently_leave_it_alone() -> None:
    # 乌拉坝 and 马拉坝 are each printed twice: 鸟拉坝 could be a misreading of either, so neither is put in
    text = "乌拉坝村和马拉坝村都修了路。乌拉坝村种茶，马拉坝村养鱼，鸟拉坝村的干部很高兴。"
    assert fix_text(text) == (text, [])


def test_the_shape_channel_counts_against_a_far_look_alike() -> None:
    # the word model alone reads 乌拉坝 better than 乌忙坝, but 忙 is a poor look-alike of 拉: with the channel's
    # cost the page's spelling falls under the bar and the printing is kept
    text = STORY.format(a="乌拉坝", b="乌忙坝")
    assert fix_text(text) == (text, [])


def test_a_character_printed_again_close_by_is_taken_as_written() -> None:
    # 鸟 printed four places before (候鸟): a parallel phrase or a nickname is printed so, as the decoder's
    # repeat guard takes it; without that neighbour the same printing is put back
    kept = SHORT.format(a="乌拉坝", b="候鸟飞到鸟拉坝")
    assert fix_text(kept) == (kept, [])
    fixed = SHORT.format(a="乌拉坝", b="候车人到鸟拉坝")
    assert fix_text(fixed)[0] == SHORT.format(a="乌拉坝", b="候车人到乌拉坝")
