"""flow35: the behaviours session 35 added to `flow` (invented text only)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.stages.flow import flow
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in page.blocks]


def test_a_line_of_ocr_debris_is_never_the_first_piece_of_a_paragraph() -> None:
    # spaced scraps that make no words ('数汇 心推 格学') end open, and a block opening with 的 looks like a
    # continuation, so the model gives the pair a high probability: the debris would be glued to the front of
    # the paragraph and leak into the text. A paragraph goes on from no debris line (1 debris source in 444 on
    # the tuning pages continues one), so the pair is logged as a near miss that names the source, never joined.
    page = run("数汇 心推 格学\n\n的工作取得了明显成效，群众十分满意。")
    assert texts(page) == ["数汇 心推 格学", "的工作取得了明显成效，群众十分满意。"]
    assert not [e for e in page.edits if e.kind == "join"]
    (e,) = [e for e in page.edits if e.kind == "no_join"]
    assert "its source is OCR debris" in e.reason and e.confidence > 0.6 and e.line == 3


def test_a_paragraph_cut_around_a_debris_line_is_joined_past_it_and_the_debris_stays_apart() -> None:
    # the debris is neither a middle piece nor the head of the chain: the paragraph's two pieces join across it
    page = run("会议要求各部门切实提高工作效\n\n数汇 心推 格学\n\n率，确保各项任务按时完成。")
    assert texts(page) == ["会议要求各部门切实提高工作效率，确保各项任务按时完成。", "数汇 心推 格学"]


def test_a_real_paragraph_ending_open_is_still_joined() -> None:
    # the rule asks segment's debris test of the source only: a paragraph cut mid-word goes on as before
    page = run("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成。")
    assert len(texts(page)) == 1 and [e for e in page.edits if e.kind == "join"]
