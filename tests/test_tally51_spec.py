"""tally51: the glyph tally judges a character correction by what it does to the text (invented text only).

`benchmarks.metrics.char_matches` counts an edit right when it makes the change a logged defect undid: the same
core once both are in content form with traditional characters folded as normalize folds them before the glyph
stage (`glyph_form`), or the edit applied within the defect's printed stretch gives the defect's gold (or the
defect applied within the edit's stretch gives the edit's result), on the same line or joined paragraph.
So a defect the builder printed with a traditional character, which normalize simplified before the glyph stage
saw it, is fixed by the edit that fixes the simplified form; a doubled copy removed at another alignment than the
builder's log, leaving the gold, is right. A change that leaves the stretch unlike the gold stays wrong.
"""
from __future__ import annotations

from collections import Counter

from benchmarks import metrics


def _edit(stage: str, kind: str, line: int, before: str, after: str) -> dict:
    return {"stage": stage, "kind": kind, "line": line, "before": before, "after": after, "context": ""}


def test_a_traditional_defect_normalize_folded_is_fixed_by_the_edit_on_the_simplified_form() -> None:
    # the builder printed 間 (traditional 间) for 周; normalize turned it into 间 before the glyph stage
    defects = [{"type": "glyph", "raw": "每間三开会", "gold": "每周三开会", "line": 4}]
    fixed = _edit("glyphs", "glyph", 4, "间", "周")
    still_wrong = _edit("glyphs", "glyph", 4, "间", "同")
    t, right, wrong = metrics.char_matches(defects, [fixed, still_wrong])
    assert right == [fixed] and wrong == [still_wrong]
    assert t == Counter(char_gold=1, char_gold_glyph=1, char_pred=2, char_tp=1, char_tp_glyph=1)


def test_the_glyph_form_folds_what_normalize_folds_and_nothing_else() -> None:
    assert metrics.glyph_form("每間三 开会,") == metrics.glyph_form("每间三开会，") == "每间三开会,"
    assert metrics.glyph_form("干部") == "干部"  # simplified already: stays as it is


def test_a_doubled_copy_removed_at_another_alignment_that_leaves_the_gold_is_right() -> None:
    # printed: a garbled copy, then the right one; the log's core is the repeat shifted right (了树山坡上种满柿)
    defects = [{"type": "double", "raw": "山坡上种满柿了树山坡上种满柿子树的", "gold": "山坡上种满柿子树的", "line": 9}]
    assert metrics.change_core(defects[0]["raw"], defects[0]["gold"]) == ("了树山坡上种满柿", "")
    garbled_copy_out = _edit("dedup", "doubled", 9, "山坡上种满柿了树", "")
    right_copy_out = _edit("dedup", "doubled", 9, "山坡上种满柿子树", "")  # leaves 山坡上种满柿了树的
    t, right, wrong = metrics.char_matches(defects, [right_copy_out, garbled_copy_out])
    assert right == [garbled_copy_out] and wrong == [right_copy_out]
    assert (t["char_tp"], t["char_tp_double"], t["char_pred"]) == (1, 1, 2)


def test_a_garbled_copy_removed_with_its_context_is_judged_by_the_text_it_leaves() -> None:
    # the edit quotes more than the log's stretch: the log applied inside the edit's before gives its after
    defects = [{"type": "double", "raw": "种满柿了树山坡上种满", "gold": "种满", "line": 9}]  # a log cut inside the repeat
    wide = _edit("dedup", "doubled", 9, "山坡上种满柿了树山坡上种满柿子树的", "山坡上种满柿子树的")
    t, right, wrong = metrics.char_matches(defects, [wide])
    assert right == [wide] and t["char_tp"] == 1


def test_a_change_that_leaves_the_text_unlike_the_gold_stays_wrong() -> None:
    # the letters were printed over 和: taking them out alone leaves 果园菜地, not the gold 果园和菜地
    defects = [{"type": "stray", "raw": "果园 of 菜地", "gold": "果园和菜地", "line": 2},
               {"type": "glyph", "raw": "每間三开会", "gold": "每周三开会", "line": 4}]
    half = _edit("glyphs", "stray", 2, "of", "")
    elsewhere = _edit("glyphs", "glyph", 2, "间", "周")  # the right change, on a line with no such defect
    fixed = _edit("glyphs", "glyph", 4, "间", "周")
    t, right, wrong = metrics.char_matches(defects, [half, elsewhere, fixed])
    assert right == [fixed] and wrong == [half, elsewhere]


def test_an_edit_that_writes_a_traditional_character_stays_wrong() -> None:
    # review51a: only what the stage read is folded; what it wrote must be the gold's character
    defects = [{"type": "glyph", "raw": "每間三开会", "gold": "每周三开会", "line": 5}]
    for wrote in ("週", "周三开會"):
        before = "间" if wrote == "週" else "间三开会"
        t, right, wrong = metrics.char_matches(defects, [_edit("glyphs", "glyph", 5, before, wrote)])
        assert right == [] and t["char_tp"] == 0


def test_an_edit_that_only_does_what_normalize_does_is_no_fix() -> None:
    # review51a: a variant folded to its standard form changes nothing the glyph stage is judged on
    defects = [{"type": "glyph", "raw": "將导致", "gold": "将导致", "line": 4}]
    t, right, wrong = metrics.char_matches(defects, [_edit("glyphs", "glyph", 4, "將", "将")])
    assert right == [] and t["char_tp"] == 0
