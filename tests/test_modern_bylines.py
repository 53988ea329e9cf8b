"""Bylines as modern papers and web reports print them give the names only, like the classic forms do."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import patterns

BODY = "刚刚接过教鞭的新帅昨晚在主场迎来首秀，球队以98比90击败了来访的对手，赛后更衣室里一片欢声笑语。"


def _byline_under_title(line: str) -> list[str]:
    d = layoutfix.clean(f"新帅首战告捷\n\n{line}\n\n{BODY}\n".encode()).to_dict()
    assert [p for a in d["articles"] for p in a["paragraphs"]] == [BODY]  # the line is no paragraph
    return d["articles"][0]["byline"]


def _closing_byline(line: str) -> list[str]:
    return layoutfix.clean(f"新帅首战告捷\n\n{BODY}\n\n{line}\n".encode()).to_dict()["articles"][0]["byline"]


@pytest.mark.parametrize("line", ["⊙本报记者 林一", "◎本报记者 林一", "文/记者 林一", "文/林一", "文/图 林一",
                                  "记者 林一 发自伦敦", "◎记者 林一 发自伦敦",
                                  "【记者 林一】", "【本报记者 林一】", "记者 林一 摄影报道", "作者：林一"])
def test_a_modern_byline_line_under_the_title_gives_the_name(line: str) -> None:
    assert _byline_under_title(line) == ["林一"]


def test_a_writers_lead_before_a_role_word_keeps_every_name() -> None:
    assert _byline_under_title("文／本报记者 林一 王二") == ["林一", "王二"]


@pytest.mark.parametrize("line, names", [("（晨光体育 林一 发自伦敦）", ["林一"]),
                                         ("（伦敦特派记者 林一 前方报道）", ["林一"]),
                                         ("（记者 林一 王二 现场报道）", ["林一", "王二"]),
                                         ("（记者 林一 王二 发自伦敦）", ["林一", "王二"])])
def test_a_closing_credit_filed_from_a_place_gives_only_the_reporter(line: str, names: list[str]) -> None:
    assert _closing_byline(line) == names


@pytest.mark.parametrize("text", ["他说：好的，我们明天再谈。", "作者认为，这个问题还要再研究。", "文/图这样的署名越来越常见",
                                  "【现场】观众们纷纷起立鼓掌", "这条消息发自伦敦的一家通讯社", "记者昨天对此作了报道"])
def test_prose_that_shares_a_modern_mark_is_no_byline(text: str) -> None:
    assert not patterns.is_byline(text)


def test_a_filed_from_byline_line_keeps_every_name() -> None:
    assert _byline_under_title("本报记者 林一 王二 发自伦敦") == ["林一", "王二"]


@pytest.mark.parametrize("text", ["【记者手记】", "【记者调查】", "图：春到江南", "图/春到江南"])
def test_a_column_head_or_a_photo_title_is_no_byline(text: str) -> None:
    # review16b: '【记者手记】' gave the name 手记, '图：春到江南' the name 春到江南
    assert not patterns.is_byline(text)


def test_the_classic_form_leaves_other_text_alone() -> None:
    for text in ("本报记者 林一", "（林一 王二）", "这是一段普通的正文。", "会议由某地主办：欢迎参加"):
        assert patterns.classic_form(text) == text
