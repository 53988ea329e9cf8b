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


def test_an_edit_among_many_like_sites_is_placed_without_a_copy_per_site() -> None:
    # a run of one repeated character (OCR debris): every site of a doubled-character edit ties, and all give
    # the same text; keeping a copy of the block per tied site took sites x length memory (review20a: 8,000
    # characters, 123 MB for one edit; a 300 KB one-line dump passed 19.8 GB)
    import tracemalloc
    n = 8000
    edit = Edit("dedup", "doubled", "的的", "的", 1, 0.9, "doubled character", "的的的")
    tracemalloc.start()
    try:
        placed = place("的" * (n + 1), "的" * n, [edit])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert placed is not None and placed[0].offset == 0
    assert peak < 20 * 2**20


def test_like_edits_far_apart_in_a_long_block_are_still_told_apart() -> None:
    # counter-example: the tied places lie thousands of characters apart and give different texts; the
    # context still decides, and a context both share still claims no place
    filler = "云石木火土金风河" * 750
    before = "甲乙己丙丁戊，" + filler + "庚辛己壬癸"
    after = "甲乙已丙丁戊，" + filler + "庚辛已壬癸"
    far = len(before) - 3
    right = Edit("glyphs", "glyph", "己", "已", 1, 0.9, "round 1", "庚辛己壬癸")
    left = Edit("glyphs", "glyph", "己", "已", 1, 0.6, "round 2", "甲乙己丙丁")
    assert [e.offset for e in place(before, after, [right, left])] == [far, 2]
    vague = Edit("glyphs", "glyph", "己", "已", 1, 0.6, "round 2", "己")
    assert place(before, after, [vague, left]) is None


def test_edits_with_more_sites_than_the_budget_claim_no_place() -> None:
    # review20a: 100,000 of one character with dedup's doubled-character edits took minutes, since every edit
    # weighs a site at every character; past PLACE_BUDGET sites the edits keep their characters and line
    # but claim no offset, as tied places do
    from layoutfix.audit import PLACE_BUDGET
    edit = Edit("dedup", "doubled", "的的", "的", 1, 0.9, "doubled character", "的的的")
    n = PLACE_BUDGET // 2
    assert place("的" * (n + 3), "的" * n, [edit] * 3) is None
    # counter-example: the same edits on a run short enough for the budget are placed, and replay exactly
    placed = place("的" * 103, "的" * 100, [edit] * 3)
    assert placed is not None and [e.offset for e in placed] == [0, 0, 0]
