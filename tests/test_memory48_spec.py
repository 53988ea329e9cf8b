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
    # 骆驼转 for 骆驼岭: the look-alike is far from the printed shape and the word model gains little from it, so
    # the page's count alone does not change it; 鸟拉坝 -> 乌拉坝 beside it does
    text = STORY.format(a="骆驼岭", b="骆驼转") + STORY.format(a="乌拉坝", b="鸟拉坝")
    out, edits = fix_text(text)
    assert "骆驼转村" in out
    assert [(e.before, e.after) for e in edits] == [("鸟", "乌")]
