"""Session 35 (glyph35): the tool that lists every wrong character correction of generated pages by rule
(`resources.glyph_false`)."""
from __future__ import annotations

from types import SimpleNamespace

from layoutfix.resources.glyph_false import rule_of, wrong_changes


def _edit(stage: str, kind: str, before: str, after: str, line: int, reason: str = "") -> SimpleNamespace:
    return SimpleNamespace(stage=stage, kind=kind, before=before, after=after, line=line, reason=reason)


def test_rule_of_names_the_rule_behind_a_correction() -> None:
    assert rule_of("glyphs", "glyph", "特", "look-alike '特'→'持': LM gain 9.0; learned p 0.70 >= 0.57") \
        == "look-alike (learned)"
    assert rule_of("glyphs", "glyph", "特", "look-alike '特'→'持': LM gain 19.0 >= 4.0") == "look-alike (bar)"
    assert rule_of("glyphs", "doubled", "题", "'题题' is no word") == "doubled character"
    assert rule_of("glyphs", "doubled", "问题", "'问题问题' is no word") == "doubled unit"
    assert rule_of("dedup", "doubled", "某某公司", "phrase printed twice") == "dedup repeat"
    assert rule_of("glyphs", "stray", "x", "a lone letter") == "stray"


def test_wrong_changes_are_the_corrections_that_fix_no_logged_defect() -> None:
    defects = [{"type": "glyph", "raw": "坚特自", "gold": "坚持自", "line": 3},
               {"type": "double", "raw": "问题题", "gold": "问题", "line": 5}]
    right = _edit("glyphs", "glyph", "特", "持", 3)
    doubled = _edit("glyphs", "doubled", "题", "", 5)
    wrong = _edit("glyphs", "glyph", "己", "已", 3)
    moved = _edit("normalize", "punct", ",", "，", 3)  # no character correction: not counted either way
    assert wrong_changes(defects, [right, doubled, wrong, moved]) == [wrong]
    assert wrong_changes(defects, [right, _edit("glyphs", "glyph", "特", "持", 3)])[0].line == 3  # fixed once
