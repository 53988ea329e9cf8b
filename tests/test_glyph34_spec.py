"""Session 34's glyph specs (glyph34), invented text.

The look-alike search tried the 40 look-alikes of a character's row in the confusion table (chosen of its 100 most
similar glyphs). A misreading whose meant character is less alike than that, or alike but rare enough for the row's
frequency prior to leave out, could not be fixed. The table's build now also writes wider rows (of the 300 most
similar, the 80 best by similarity and frequency): their look-alikes beyond the row are candidates of the decoder,
judged by the same channel, bar and learned acceptance; every other reader of the table keeps its rows.
"""
from __future__ import annotations

import pytest

from layoutfix.confusion import load_confusion, load_wide
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import candidates, fix_changes
from layoutfix.resources.build_confusion import PUNCT
from layoutfix.textutil import is_han


def fixed(text: str) -> str:
    return fix_changes(text)[0]


WIDER_ONLY = {  # misread -> meant: the meant character is in the wider row only
    "学校的激育工作做得很好。": "学校的教育工作做得很好。",
    "发展的速疲比去年快。": "发展的速度比去年快。",
    "全市的激育经费增加了。": "全市的教育经费增加了。",
    "这两件事情息息裙关。": "这两件事情息息相关。",
    "这是难能可景的成绩。": "这是难能可贵的成绩。",
}


@pytest.mark.parametrize("text", sorted(WIDER_ONLY))
def test_a_misreading_whose_meant_character_only_the_wider_row_holds_is_fixed(text: str) -> None:
    want = WIDER_ONLY[text]
    (p, c, x), = [(i, a, b) for i, (a, b) in enumerate(zip(text, want)) if a != b]
    assert x not in dict(load_confusion()[c])  # not in the table's row ...
    assert x in load_wide()[c][0]  # ... but in the wider one
    assert fixed(text) == want


def test_without_the_wider_rows_those_misreadings_stay(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(candidates, "WIDE", False)
    for text in WIDER_ONLY:
        assert fixed(text) == text


def test_clean_text_beside_the_same_words_is_left_alone() -> None:
    for text in ("学校的教育工作做得很好。", "发展的速度比去年快。", "这两件事情息息相关。", "他骑车的速度很快。",
                 "山坡上长满了青草。", "这是难能可贵的成绩。"):
        assert fixed(text) == text


def test_the_wider_rows_hold_han_look_alikes_the_tables_row_lacks() -> None:
    table, wide = load_confusion(), load_wide()
    assert len(wide) > 9000
    for c, (cands, sims) in wide.items():
        assert is_han(c) and len(cands) == len(sims) == len(set(cands))
        assert not set(cands) & {x for x, _ in table.get(c, ())}
        assert not set(cands) & set(PUNCT) and all(0.3 <= s <= 1.0 for s in sims)  # no mark, as in the table
        assert len(cands) + len(table.get(c, ())) <= 120
    # every other reader of the table (dedup's look-alike test, the dateline and role look-ups) keeps 40 per row
    assert max(len(row) for row in table.values()) == 40


def test_a_model_with_an_observed_channel_keeps_the_tables_rows() -> None:
    # its channel (`train-lm --confusions`) prices look-alikes it never saw more gently: the wider rows were
    # measured with the shipped model's channel only
    import copy

    assert "教" in candidates._candidates(load_confusion(), load_lm())("激")
    lm = copy.copy(load_lm())
    lm.__dict__.pop("_glyph_candidates", None)
    lm.observed = {"激": {"邀": 2}}
    got = candidates._candidates(load_confusion(), lm)("激")
    assert "邀" in got and "教" not in got
    # and a table of one's own gets no shipped wider row either
    assert "教" not in candidates._candidates({"激": (("邀", 0.8),)}, load_lm())("激")


def test_switching_the_wider_rows_off_and_on_again_gives_the_same_fixes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the search's memos answer for one candidate set: a switch starts them afresh (a memo of the other set
    # named a look-alike the current one lacks)
    texts = list(WIDER_ONLY)
    on = [fixed(t) for t in texts]
    monkeypatch.setattr(candidates, "WIDE", False)
    assert [fixed(t) for t in texts] == texts
    monkeypatch.setattr(candidates, "WIDE", True)
    assert [fixed(t) for t in texts] == on
