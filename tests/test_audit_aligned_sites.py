"""On a long block whose edits all swap a stretch for one of the same length, each edit is placed where the stage's
output holds its result, without aligning the whole block per site; the placed log still redoes and undoes exactly."""
from __future__ import annotations

from layoutfix import audit
from layoutfix.model import Edit

_SENTENCE = "河湾镇{n}号大棚的蔬菜今年长势很好，农民们忙着采摘和装箱。"


def _block(n: int) -> tuple[str, str, list[Edit]]:
    after = "".join(_SENTENCE.format(n=i) for i in range(n))
    before = after.replace("蔬菜", "蔬莱")
    edits, k = [], before.find("蔬莱")
    while k >= 0:
        edits.append(Edit("glyphs", "glyph", "莱", "菜", 1, 0.9, "look-alike", before[k - 8:k + 8]))
        k = before.find("蔬莱", k + 1)
    return before, after, edits


def test_like_edits_in_a_long_block_are_placed_each_at_its_own_site() -> None:
    before, after, edits = _block(120)
    assert len(before) > audit.LONG_BLOCK
    placed = audit.place(before, after, edits)
    assert placed is not None
    assert sorted(e.offset for e in placed) == [k + 1 for k in range(len(before)) if before.startswith("蔬莱", k)]
    assert audit.redo(before, placed) == after
    assert audit.undo(after, placed) == before


def test_an_edit_that_changes_length_is_aligned_as_before() -> None:
    assert audit._aligned_sites("甲乙乙丙", "甲乙丙", Edit("dedup", "doubled", "乙", "", 1, 0.9, "x", ""), [1, 2], 0) == []
