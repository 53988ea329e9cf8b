"""The miss lister names the first reason, in the decoder's order, that a gold fix was not made."""
from __future__ import annotations

from layoutfix.config import Config
from layoutfix.confusion import load_confusion
from layoutfix.lm import load_lm
from layoutfix.resources.glyph_misses import why_substitution
from layoutfix.stages.glyphs import _candidates


def _why(text: str, p: int, x: str) -> str:
    return why_substitution(text, p, x, load_lm(None), load_confusion(), Config())


def test_a_meant_character_outside_the_candidates_is_a_coverage_miss() -> None:
    text = "这个问题非常复朵"
    assert "龘" not in _candidates(load_confusion(), load_lm(None))("朵")
    assert _why(text, 7, "龘") == "coverage"
    assert _why(text, 7, "a") == "not han"


def test_a_character_bound_to_a_neighbour_is_never_tried() -> None:
    text = "这个问题非常复杂"
    cands = _candidates(load_confusion(), load_lm(None))("问")
    x = next(iter(cands))
    assert _why(text, 2, x) == "gate"


def test_a_fix_the_decoder_makes_clears_every_step() -> None:
    # a fix over the learned decision's band (the lister is asked of misses: inside the band it names the
    # learned decision, as the miss can only have been turned down there)
    assert _why("我们要加强环镜保护工作", 6, "境") == "cleared"


def test_a_substitution_made_after_an_earlier_removal_is_found_at_its_input_offset(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.stages.glyphs as G
    from layoutfix.resources.glyph_misses import _made

    # round 1 drops the first of two 甲 at 0; round 2 turns 丙 (now at 2, at 3 in the input) into 丁
    def fake_fix(text, lm=None, config=None, known=None):  # type: ignore[no-untyped-def]
        assert text == "甲甲乙丙戊"
        return "甲乙丁戊", [[G.Change(0, 1, "", "doubled", "甲", 0.9, "doubled")],
                          [G.Change(2, 3, "丁", "glyph", "丙", 0.9, "look-alike")]]

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    assert _made("甲甲乙丙戊", None, None) == {3: "丁"}


def test_each_line_is_tallied_once_by_the_gate_that_lost_it() -> None:
    from layoutfix.resources.glyph_misses import sentence_table

    rows = [
        (1, "甲乙丙", "甲乙丁", "甲乙丁", [(2, "fixed")]),                       # corrected
        (2, "甲乙丙", "甲乙丁", "戊乙丁", [(2, "fixed")]),                       # right fix, a false change
        (3, "甲乙丙", "甲乙丁", "甲乙丙", [(2, "coverage")]),                    # one gate
        (4, "甲乙丙", "甲己丁", "甲己丙", [(1, "fixed"), (2, "under the bar")]),  # the fixed error does not count
        (5, "甲乙丙", "甲己丁", "甲乙丙", [(1, "gate"), (2, "coverage")]),       # two gates
        (6, "甲乙丙", "甲乙丁", "戊乙丙", [(2, "name guard")]),                  # protected, and a false change
    ]
    assert dict(sentence_table(rows)) == {
        "e. corrected": 1,
        "f. every error fixed, a false change elsewhere": 1,
        "a. not a candidate": 1,
        "b. under the bar / acceptance": 1,
        "several gates": 1,
        "d. protected (quote, name), and a false change": 1,
    }


def test_a_fix_lost_only_to_the_quote_margin_is_named_so(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.stages.glyphs as G
    from layoutfix.stages.glyphs import common

    # the same fix that clears every step outside quotes (above), inside quotes with a margin no gain reaches
    monkeypatch.setattr(G, "QUOTE_MARGIN", 1000.0)
    monkeypatch.setattr(common, "QUOTE_MARGIN", 1000.0)
    assert _why("他说“我们要加强环镜保护工作”", 9, "境") == "quote margin"


def test_lines_are_picked_by_number() -> None:
    from layoutfix.resources.glyph_misses import line_filter

    held, fit = line_filter("mod4==0"), line_filter("mod4!=0")
    assert held is not None and fit is not None
    assert [n for n in range(1, 10) if held(n)] == [4, 8]
    assert [n for n in range(1, 10) if fit(n)] == [1, 2, 3, 5, 6, 7, 9]
    assert line_filter(None) is None
