"""A mark that a stray letter kept half-width is widened when the letter goes (the glyph stage after normalize)."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config


def test_a_half_width_mark_freed_by_a_stray_letter_is_widened_and_logged() -> None:
    page = layoutfix.clean("今天天气很好a!2018\n")
    glyph_edits = [(e.kind, e.before, e.after) for e in page.edits if e.stage == "glyphs"]
    assert ("stray", "a", "") in glyph_edits and ("punct", "!", "！") in glyph_edits
    assert [p for item in page.items for p in item.paragraphs] == ["今天天气很好！2018"]
    assert not page.unaccounted()


def test_cleaning_the_output_again_changes_nothing_once_the_mark_is_wide() -> None:
    first = layoutfix.clean("㐀a!0\n\n")  # found by hypothesis: '㐀!0' came out, and a second pass made it '㐀！0'
    for p in (p for item in first.items for p in item.paragraphs):
        again = layoutfix.clean(p, Config().without("flow", "segment", "glyphs"))
        assert "".join(b.text for b in again.blocks) == p


def test_marks_away_from_the_removed_letter_are_left_to_normalize() -> None:
    page = layoutfix.clean("Win10 a,b 系统更新a!今天\n")
    assert all(e.before != "," for e in page.edits if e.stage == "glyphs")
