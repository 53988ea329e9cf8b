"""The edit log is exact: a block's normalize edits redo the stage and, in reverse, undo it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from layoutfix.audit import AuditError, redo, undo
from layoutfix.config import Config
from layoutfix.model import BYLINE, TABLE, TEXT, TITLE, Block, Edit
from layoutfix.stages.normalize import changed_spans, normalize_block

# characters every fix acts on: half-width marks, full-width digits and letters, corner quotes, look-alike dots,
# wrap spaces, invisible and odd spaces, traditional characters, and plain Han text around them
_ALPHABET = list("的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进"
                 "同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反"
                 "體會議這臺乾") + list(",.:;!?()\"'<>「」『』•・･ 　\u00a0\u200b\ufeff\t１２３ＡＢｃ％．0123456789abcXYZ。，、“”《》")

texts = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([TEXT, TITLE, BYLINE]), st.booleans())
def test_a_blocks_normalize_edits_redo_and_undo_it_exactly(text: str, role: str, marked: bool) -> None:
    block = Block(0, text, 7, role=role, marked=marked)
    out, edits = normalize_block(block, Config())
    assert all(e.offset >= 0 and e.stage == "normalize" and e.reason for e in edits)
    assert redo(text, edits) == out.text
    assert undo(out.text, edits) == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(texts.map(lambda t: t.replace("\t", "")), min_size=1, max_size=4), min_size=1, max_size=3))
def test_a_tables_edits_redo_and_undo_each_row_joined_by_tabs(rows: list[list[str]]) -> None:
    block = Block(0, "", 3, role=TABLE, rows=tuple(tuple(r) for r in rows))
    out, edits = normalize_block(block, Config())
    # one row per line here (no origin): split the log by row, in order, by replaying it row by row
    rest = list(edits)
    for old, new in zip(block.rows, out.rows):
        text, target = "\t".join(old), "\t".join(new)
        mine = []
        while rest and text != target:
            e = rest.pop(0)
            mine.append(e)
            text = redo(text, [e])
        assert text == target
        assert undo(target, mine) == "\t".join(old)
    assert not rest


def test_every_change_is_its_own_edit_at_its_place() -> None:
    out, edits = normalize_block(Block(0, "甲,乙 丙「丁」１２", 4), Config())
    assert out.text == "甲，乙丙“丁”12"
    assert [(e.kind, e.before, e.after, e.offset) for e in edits] == [
        ("fullwidth", "１２", "12", 8), ("quotes", "「", "“", 5), ("quotes", "」", "”", 7),
        ("punct", ",", "，", 1), ("space", " ", "", 3)]


def test_a_no_break_space_made_plain_is_logged() -> None:
    _, edits = normalize_block(Block(0, "会议\u00a0召开", 2, role=TITLE), Config())
    assert [(e.kind, e.before, e.after) for e in edits] == [("invisible", "\u00a0", " ")]


def test_an_edit_that_does_not_fit_the_text_is_refused() -> None:
    e = Edit("normalize", "punct", ",", "，", 1, offset=1)
    assert redo("甲,乙", [e]) == "甲，乙"
    with pytest.raises(AuditError):
        redo("甲乙,", [e])
    with pytest.raises(AuditError):
        undo("甲乙，", [e])


def test_changed_spans_joins_touching_changes() -> None:
    assert changed_spans("a,,b", "a，，b") == [(1, 3, 1, 3)]
    assert changed_spans("甲 乙  丙", "甲乙丙") == [(1, 2, 1, 1), (3, 5, 2, 2)]


def test_an_edit_without_a_place_keeps_its_json_shape() -> None:
    assert "offset" not in Edit("flow", "join", "", "", 3).to_dict()
    assert Edit("normalize", "punct", ",", "，", 3, offset=5).to_dict()["offset"] == 5
