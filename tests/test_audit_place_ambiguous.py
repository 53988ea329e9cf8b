"""Specification: a placed offset is never a guess (audit.with_offsets / audit.place, commit 3bbfd38).

Two glyph edits with the same before/after in one block, logged in the order the glyph stage's rounds made
them (round 1 fixed the right-hand one, round 2 the left-hand one). `place` ties on Levenshtein distance and
takes the first site, so it gives the first edit (its reason, confidence, context) the left-hand place: the
replay is exact, yet the offsets are swapped. A place that cannot be told apart should get no offset (or the
edit's context should decide). Invented text.
"""
from layoutfix.audit import place
from layoutfix.model import Edit


def test_two_like_edits_in_one_block_are_not_swapped() -> None:
    before = "甲乙己丙丁戊，庚辛己壬癸"
    after = "甲乙已丙丁戊，庚辛已壬癸"
    right = Edit("glyphs", "glyph", "己", "已", 1, 0.9, "round 1", "庚辛己壬癸")   # made at offset 9
    left = Edit("glyphs", "glyph", "己", "已", 1, 0.6, "round 2", "甲乙己丙丁")    # made at offset 2
    placed = place(before, after, [right, left])
    assert placed is None or [e.offset for e in placed] == [9, 2]


def test_like_edits_are_placed_by_the_text_they_quoted() -> None:
    before = "甲乙己丙丁戊，庚辛己壬癸"
    after = "甲乙已丙丁戊，庚辛已壬癸"
    right = Edit("glyphs", "glyph", "己", "已", 1, 0.9, "round 1", "庚辛己壬癸")
    left = Edit("glyphs", "glyph", "己", "已", 1, 0.6, "round 2", "甲乙己丙丁")
    assert [e.offset for e in place(before, after, [right, left])] == [9, 2]
    vague = Edit("glyphs", "glyph", "己", "已", 1, 0.6, "round 2", "己")  # a context both places share
    assert place(before, after, [vague, left]) is None
