"""review16b: behaviours of the session-16 changes the suite left open, pinned on invented text."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from layoutfix import patterns
from layoutfix.audit import redo, undo
from layoutfix.config import Config
from layoutfix.model import BYLINE, TEXT, TITLE, Block
from layoutfix.stages import segment
from layoutfix.stages.normalize import normalize_block

# marks test_audit's alphabet leaves out: ellipses and dashes, other brackets and quote forms, vertical and small
# forms, line and word separators, half-width kana, iteration marks
_MARKS = list("…—–－~～·．﹐﹑﹒﹔﹕﹖﹗﹁﹂﹃﹄〈〉【】[]/\\|\u2028\u2060\u200c\u200d\r\nｰ･ｱ゛゜ヽ々〇＆＠＃＄＊＋＝")
_HAN = list("的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下發裏後麵")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=st.sampled_from(_MARKS + _HAN + list(",.:;!?()\"' 　\u00a0１２ＡＺ")), max_size=80),
       st.sampled_from([TEXT, TITLE, BYLINE]), st.booleans())
def test_normalize_edits_redo_and_undo_blocks_of_other_marks_exactly(text: str, role: str, marked: bool) -> None:
    out, edits = normalize_block(Block(0, text, 7, role=role, marked=marked), Config())
    assert all(e.offset >= 0 for e in edits)
    assert redo(text, edits) == out.text
    assert undo(out.text, edits) == text


@pytest.mark.parametrize("text", ["作者：我觉得这个问题还要再研究。", "作者：是的。", "记者：你怎么看这件事？",
                                  "图/游客在公园里赏花", "作者单位：某某大学", "编辑：林一"])
def test_interview_turns_and_captions_with_a_writer_mark_are_no_byline(text: str) -> None:
    assert not patterns.is_byline(text)


@pytest.mark.parametrize("line, names", [("（本报记者 林一 报道）", ["林一"]), ("图/本报记者 林一", ["林一"]),
                                         ("文：林一 王二", ["林一", "王二"]), ("图文/林一", ["林一"])])
def test_a_closing_report_word_or_a_lead_mark_is_never_read_as_a_name(line: str, names: list[str]) -> None:
    assert patterns.names_in(line) == names


def test_an_outlets_xun_further_in_than_its_name_allows_is_no_dateline() -> None:
    """The outlet form is looked for only where 讯 stands within the first ten characters."""
    assert patterns.dateline_of("某某某某某某某某某某体育讯北京时间3月5日，比赛开始。") is None
    assert patterns.dateline_of("据某某某体育讯北京时间3月5日，比赛开始。")[0] == "据某某某体育讯"


def test_lines_of_ideographic_spaces_count_as_blank_for_wide_gaps() -> None:
    assert segment.wide_gaps(["正文。", "\u3000\u3000", "  ", "标题", "正文。"])
    assert not segment.wide_gaps(["正文。", "\u3000", "标题", "正文。"])
