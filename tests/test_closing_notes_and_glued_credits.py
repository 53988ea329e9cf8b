"""Closing notes that name no person, caption words before a credit, and reported speech in printed lines
(review29a). Invented text."""
from __future__ import annotations

import pytest

from layoutfix import patterns
from layoutfix.config import DEFAULT
from layoutfix.stages.read import opens_item, read


@pytest.mark.parametrize("note", ["（待续）", "（转载）", "（整理）", "（本报综合）", "（据新华社）", "（据中新社）",
                                  "（未完待续）", "（本报综合报道）"])  # (the last two: idiom, two note words; review30a)
def test_a_closing_note_that_names_no_person_gives_no_names(note: str) -> None:
    assert patterns.names_in(note) == []


@pytest.mark.parametrize("line, names", [("（记者 高峰）", ["高峰"]), ("（王小明）", ["王小明"]),
                                         ("（本报记者 张明）", ["张明"]), ("（某甲 李四 整理）", []),
                                         ("（建达）", ["建达"])])  # (a pen name of two one-character verbs)
def test_names_that_are_also_words_and_credit_notes_after_names_stay_as_they_were(line: str, names: list) -> None:
    # a name that is a word opens with a surname; a note word closing a line of names with no role word makes
    # the line a credit note (review17b)
    assert patterns.names_in(line) == names


@pytest.mark.parametrize("line, caption, credit", [
    ("游客在湖边拍照留念 本报记者 李华 摄", "游客在湖边拍照留念", "本报记者 李华 摄"),
    ("日出东山 王小明/摄", "日出东山", "王小明/摄"),
    ("游客参观 新华社发 张三 摄", "游客参观", "新华社发 张三 摄"),
    ("图为游客。张三 李四 摄", "图为游客。", "张三 李四 摄"),
    ("（新华社记者 张三 摄）", "", "（新华社记者 张三 摄）"),
    ("张明摄影", "", "张明摄影"),
])
def test_a_credit_starts_at_its_role_word_or_at_the_names_before_its_mark(line: str, caption: str, credit: str) -> None:
    assert patterns.split_credit(line) == (caption, credit)


def test_a_bare_credit_keeps_the_name_by_its_mark_whatever_its_surname() -> None:
    # (only the runs before it must open with a common surname: a rare surname's photographer stays credited)
    assert patterns.split_credit("游客在湖边 缪青民 摄") == ("游客在湖边", "缪青民 摄")
    assert patterns.split_credit("缪青民 摄") == ("", "缪青民 摄")


def test_the_caption_before_a_credit_on_its_line_is_flagged_so_flow_never_continues_it() -> None:
    doc = read("本报讯 今天天气晴朗。\n\n游客在湖边拍照留念 本报记者 李华 摄\n\n据悉，公园将延长开放时间。\n".encode(),
               DEFAULT, "x")
    flagged = [b.text for b in doc.blocks if "credited" in b.flags]
    assert flagged == ["游客在湖边拍照留念"]


@pytest.mark.parametrize("line, opens", [("王明：我们来谈谈。", True), ("王明说：这是大家的功劳。", False),
                                         ("李强讲：要抓紧。", False), ("问：你好吗？", True)])
def test_reported_speech_is_no_speakers_tag(line: str, opens: bool) -> None:
    assert opens_item(line) is opens


def test_a_title_marker_after_an_invisible_mark_is_still_the_marker() -> None:
    doc = read("正文一句话。\n\n\ufeff## 秋收季节到了\n\n金秋时节，田野里一片丰收景象。\n".encode(), DEFAULT, "x")
    titles = [b for b in doc.blocks if b.marked]
    assert [b.text for b in titles] == ["秋收季节到了"]
    assert any(e.kind == "markup" and e.before == "\ufeff## " for e in doc.edits)


@pytest.mark.parametrize("text, names", [("本报讯 记者 周末 来到小区看望老人。", None),
                                         ("本报讯 记者 王小明 从市教育局获悉，开学在即。", ["王小明"]),
                                         # a name that is also a word, before the report's own dated clause
                                         ("本报讯 记者 方向 近日，河湾县新建三座图书馆。", ["方向"]),
                                         ("本报讯 记者 周末 前往河湾县，看望老人。", None)])
def test_a_common_word_set_apart_after_the_reporters_role_is_no_name(text: str, names: list | None) -> None:
    got = patterns.dateline_of(text)
    assert (got[1] if got and got[1] else None) == names


@pytest.mark.parametrize("text, want", [
    ("【本报讯】记者陈一文报道：河湾新线工程已完成测试。", ("本报讯", ["陈一文"])),
    ("【河湾日报讯】河湾新线工程已完成测试。", ("河湾日报讯", [])),
    ("（某某社记者王一明台北5日电）台北新线今天开始试营运。", ("某某社台北5日电", ["王一明"])),
    ("【短讯】河湾新线工程已完成测试。", None),  # a column's label in brackets, a dictionary word of 讯
])
def test_the_bracketed_datelines_of_hong_kong_and_taiwan_papers_are_read(text: str, want: tuple | None) -> None:
    got = patterns.dateline_of(text)
    assert (got[:2] if got else None) == want
