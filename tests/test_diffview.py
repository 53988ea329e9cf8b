"""`layoutfix diff`: each stage shows the edits it made, once, with line, confidence and reason."""
from __future__ import annotations

import layoutfix
from layoutfix import Config
from layoutfix.diffview import render_diff

PAGE = "会议要求各部门加强安全检查工作，切实提高服务效\n\n率，确保各项任务按时完成。"


def _stages(dump: str):  # type: ignore[no-untyped-def]
    return list(layoutfix.run_stages(dump, Config()))


def test_diff_shows_each_edit_once_under_the_stage_that_made_it_with_its_line_and_confidence() -> None:
    stages = _stages(PAGE + "\n\n## 一行没有正文的标题")  # a join (0.999) and a title sent to noise (0.6)
    out = render_diff(stages, color=False, limit=0)
    page = stages[-1][1]
    assert any(e.confidence < 0.9 for e in page.edits)
    lines = out.splitlines()
    for e in page.edits:
        shown = [l for l in lines if f"({e.confidence:.2f}) {e.reason}" in l]
        assert len(shown) == 1 and shown[0].split()[0] == f"L{e.line}", e
    flow_part = out.split("== flow")[1].split("\n== ")[0]
    assert " join " in flow_part and "== normalize" not in flow_part


def test_diff_stage_option_shows_that_stage_only() -> None:
    out = render_diff(_stages(PAGE), only="flow", color=False)
    assert [l for l in out.splitlines() if l.startswith("== ")] == [l for l in out.splitlines() if l.startswith("== flow")]
    assert len([l for l in out.splitlines() if l.startswith("== ")]) == 1


def test_diff_marks_an_article_that_stops_mid_sentence_as_truncated() -> None:
    out = render_diff(_stages("## 某县开展冬季植树活动\n\n本报讯 今冬以来，某县组织干部群众上山植树，全县已经完成造林"), color=False)
    assert "truncated" in out.split("== segment")[1]


def test_diff_shows_the_marks_normalize_swapped_on_one_line_as_one_line_with_their_count() -> None:
    stages = _stages("他说,要抓紧:一是\"快\",二是\"好\"。")
    out = render_diff(stages, only="normalize", color=False, limit=0)
    punct = [e for e in stages[-1][1].edits if e.stage == "normalize" and e.kind == "punct"]
    assert len(punct) > 1 and all(e.offset >= 0 for e in punct)
    (line,) = [l for l in out.splitlines() if l.startswith("  L")]
    assert f"punct ×{len(punct)}" in line and "".join(e.before for e in punct) in line


def test_a_join_no_dictionary_word_spans_says_so_instead_of_an_lm_gain_of_zero() -> None:
    from layoutfix.stages.flow.model import gain_text

    assert gain_text(0.0) == "no word spans the join" and gain_text(2.345) == "lm gain 2.3"
    out = render_diff(_stages(PAGE), only="flow", color=False)
    assert "lm gain 0.0" not in out and (" join " in out)
