"""Spec (realp49): the glyph stage is judged on real-OCR pages, against Tesseract's own errors.

A real-OCR page logs the builder's layout defects only; its text is Tesseract's reading of clean paragraphs,
kept in the folder's `ocr_cache.jsonl`. `benchmarks.ocr_defects` maps each raw line back to the readings it
was printed from, aligns each reading with its clean text, and logs every difference as a defect entry of the
synthetic pages' form, so `metrics.char_tallies` judges the stage there as on synthetic pages. All text here is
invented.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks import metrics
from benchmarks.metrics import change_core
from benchmarks.ocr_defects import derive, ocr_char_tallies, source_errors
from layoutfix.model import Edit

CLEAN = "山脚下的小镇每到秋天就飘满桂花的香气，孩子们提着竹篮去拾落花。"
# Tesseract's reading as printed lines: 镇 read as 填, 就 lost, a stray x before 气 (and a comma read half-width)
READING = ["山脚下的小填每到秋", "天飘满桂花的香x气,孩", "子们提着竹篮去拾落花。"]
# the page: a title printed clean, the paragraph cut at a column break (a space where a printed line wrapped)
RAW = "桂花小镇\n\n山脚下的小填每到秋 天飘满桂花\n\n的香x气,孩 子们提着竹篮去拾落花。\n"
GOLD = {"ocr_level": "heavy", "articles": [{"headline": "桂花小镇", "paragraphs": [CLEAN], "captions": []}]}
LAYOUT = [{"type": "cut", "line": 3, "line2": 5, "raw": "满桂花", "gold": ""}]


def _truth(raw: str = RAW, gold: dict = GOLD, readings: dict | None = None,  # type: ignore[no-untyped-def]
           layout: list | None = None):
    return derive(raw, gold, readings if readings is not None else {CLEAN: READING},
                  LAYOUT if layout is None else layout)


def _found(truth) -> list[tuple[str, int, tuple[str, str]]]:  # type: ignore[no-untyped-def]
    return [(d["type"], d["line"], change_core(d["raw"], d["gold"])) for d in truth.defects]


def _glyph(before: str, after: str, line: int, context: str, offset: int) -> Edit:
    return Edit("glyphs", "glyph", before, after, line, 0.9, "invented", context, (), offset)


def test_tesseracts_substitution_drop_and_stray_are_the_pages_character_defects() -> None:
    assert _found(_truth()) == [("glyph", 3, ("填", "镇")), ("drop", 3, ("", "就")), ("stray", 5, ("x", ""))]


def test_a_derived_defect_quotes_the_printed_line_around_it_as_the_synthetic_log_does() -> None:
    glyph = _truth().defects[0]
    assert (glyph["raw"], glyph["gold"], glyph["offset"]) == ("的小填每到", "的小镇每到", 5)


def test_the_title_printed_clean_and_the_width_of_a_mark_are_no_defects() -> None:
    truth = _truth()
    assert all(d["line"] != 1 for d in truth.defects)  # the title is no reading
    assert set(truth.marks[1]) == {"."}
    assert "," in truth.texts[5] and all(d["gold"].count(",") == d["raw"].count(",") for d in truth.defects)


def test_a_glyph_edit_that_restores_the_clean_character_counts_right() -> None:
    right = _glyph("填", "镇", 3, "山脚下的小填每到秋天飘满桂", 5)
    t = ocr_char_tallies(_truth(), LAYOUT, [right])
    assert (t["char_tp"], t["char_pred"], t["char_gold"]) == (1, 1, 3)
    assert t["char_tp_glyph"] == 1 and t["ocr_rule_tp_glyph"] == 1


def test_an_edit_that_changes_a_correctly_read_character_counts_wrong_and_broke_a_right_one() -> None:
    broke = _glyph("桂", "挂", 3, "的小填每到秋天飘满桂花", 11)
    t = ocr_char_tallies(_truth(), LAYOUT, [broke])
    assert (t["char_tp"], t["char_pred"]) == (0, 1)
    assert t["ocr_wrong_broke_right"] == 1 and t["ocr_rule_broke_right_glyph"] == 1


def test_a_misread_character_fixed_to_another_wrong_one_is_wrong_at_a_misread_one() -> None:
    t = ocr_char_tallies(_truth(), LAYOUT, [_glyph("填", "真", 3, "山脚下的小填每到秋天飘满桂", 5)])
    assert (t["char_tp"], t["ocr_wrong_at_misread"], t["ocr_wrong_broke_right"]) == (0, 1, 0)


def test_a_change_in_text_no_reading_printed_is_wrong_outside_the_readings() -> None:
    t = ocr_char_tallies(_truth(), LAYOUT, [_glyph("镇", "真", 1, "桂花小镇", 3)])
    assert (t["char_tp"], t["ocr_wrong_outside"]) == (0, 1)


def test_a_wrong_change_on_the_joined_half_of_a_cut_paragraph_is_placed_there() -> None:
    # reported on the block's first line (3); the broken character 孩 sits on line 5, joined to it by the cut
    t = ocr_char_tallies(_truth(), LAYOUT, [_glyph("孩", "该", 3, "花的香x气，孩子们提着竹篮", 7)])
    assert t["ocr_wrong_broke_right"] == 1 and t["ocr_wrong_unlocated"] == 0


def test_a_fix_on_the_joined_half_of_a_cut_paragraph_still_hits_its_defect() -> None:
    # the stage reports the change on the block's first line; the cut joins line 5 to line 3
    stray = Edit("glyphs", "stray", "x", "", 3, 0.8, "invented", "花的香x气，孩", offset=20)
    t = ocr_char_tallies(_truth(), LAYOUT, [stray])
    assert (t["char_tp"], t["char_tp_stray"]) == (1, 1)


def test_a_paragraph_printed_twice_gives_its_errors_once_on_the_original() -> None:
    raw = "桂花小镇\n\n" + "".join(READING) + "\n\n" + "".join(READING) + "\n"
    truth = _truth(raw, layout=[{"type": "duplicate", "line": 5, "of_line": 3, "raw": "".join(READING), "gold": ""}])
    assert _found(truth) == [("glyph", 3, ("填", "镇")), ("drop", 3, ("", "就")), ("stray", 3, ("x", ""))]
    assert "x" in truth.marks[5]  # the copy's misread characters are still known as misread


def test_the_builders_garbled_repeat_is_no_reading() -> None:
    junk = "竹篮去拾落花"  # a repeat the builder printed itself, logged as partial_repeat at offset 0
    raw = "桂花小镇\n\n" + "".join(READING[:2]) + "\n\n" + junk + READING[2] + "\n"
    truth = _truth(raw, layout=[{"type": "partial_repeat", "line": 5, "of_line": 3, "raw": junk, "offset": 0}])
    assert truth.marks[5][: len(junk)] == "." * len(junk)
    assert _found(truth) == [("glyph", 3, ("填", "镇")), ("drop", 3, ("", "就")), ("stray", 3, ("x", ""))]


def test_a_lost_mark_beside_a_misread_character_is_aligned_like_with_like() -> None:
    # '，自' read as '直': the mark was lost and 自 misread, not the mark read as 直 with 自 lost
    assert source_errors("当时,自治区", "当时直治区") == (("delete", 2, 3, 2, 2), ("replace", 3, 4, 2, 3))
    assert source_errors("来自,北方", "来直北方") == (("replace", 1, 2, 1, 2), ("delete", 2, 3, 2, 2))


def test_a_character_lost_at_the_end_of_a_reading_is_a_drop_on_its_last_line() -> None:
    readings = {CLEAN: READING[:2] + ["子们提着竹篮去拾落花"]}
    truth = _truth(RAW.replace("落花。", "落花"), readings=readings)
    assert _found(truth)[-1] == ("drop", 5, ("", "."))  # entries are in content form: 。 folded to .


def test_a_paragraph_is_read_from_its_own_reading_when_a_longer_cached_text_holds_it() -> None:
    longer = "序言写在前面。" + CLEAN
    readings = {longer: ["序言写在前面。" + "".join(READING).replace("填", "镇")], CLEAN: READING}
    assert _found(_truth(readings=readings)) == _found(_truth())


def test_a_copy_printed_before_its_original_leaves_the_errors_on_the_original() -> None:
    raw = "桂花小镇\n\n" + "".join(READING) + "\n\n" + "".join(READING) + "\n"
    truth = _truth(raw, layout=[{"type": "duplicate", "line": 3, "of_line": 5, "raw": "".join(READING), "gold": ""}])
    assert {line for _, line, _ in _found(truth)} == {5}


def test_a_character_read_as_a_run_of_dashes_is_one_defect_the_stage_can_mend_in_one_change() -> None:
    assert source_errors("也需要一定的", "也需要--定的") == (("replace", 3, 4, 3, 5),)


def test_a_neighbour_printed_twice_is_a_double() -> None:
    truth = _truth("春雨润物\n", {"ocr_level": "heavy", "articles": [{"paragraphs": ["春雨润物"]}]},
                   {"春雨润物": ["春雨雨润物"]}, [])
    assert truth.defects == ()  # the line is no piece of the reading: nothing is guessed
    truth = _truth("春雨雨润物\n", {"ocr_level": "heavy", "articles": [{"paragraphs": ["春雨润物"]}]},
                   {"春雨润物": ["春雨雨润物"]}, [])
    assert _found(truth) == [("double", 1, ("雨", ""))]


def test_a_real_ocr_split_loads_with_its_derived_defects_and_its_glyph_row_has_figures(tmp_path: Path) -> None:
    from benchmarks.corpora import discover
    from benchmarks.quality import Tally, _page_tally
    from benchmarks.report import glyph_detail
    from layoutfix.synth.ocr import OcrCache

    d = tmp_path / "corpus" / "real_ocr_tune" / "heavy"
    d.mkdir(parents=True)
    (d / "000.txt").write_text(RAW, encoding="utf-8")
    (d / "000.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (d / "000.defects.json").write_text(json.dumps(LAYOUT, ensure_ascii=False), encoding="utf-8")
    OcrCache(d.parent / "ocr_cache.jsonl").add("heavy", CLEAN, READING)
    case = discover(("real_ocr-tune",), root=tmp_path)["real_ocr-tune/heavy"][0]
    assert _found(case.ocr_truth) == _found(_truth())
    tally = _page_tally(case, {"articles": []}, [_glyph("填", "镇", 3, "山脚下的小填每到秋天飘满桂", 5),
                                                  _glyph("桂", "挂", 3, "的小填每到秋天飘满桂花", 11)])
    assert (tally.counts["char_tp"], tally.counts["char_pred"], tally.counts["char_gold"]) == (1, 2, 3)
    (row,) = glyph_detail({"real_ocr-tune/heavy": {"full": tally}}, {"real_ocr-tune/heavy": [case]})
    assert row[:4] == ["real_ocr-tune/heavy Tesseract's errors (full pipeline)", "0.500", "0.333", "0.400"]
    assert "broke a right character 1" in row[4] and "glyph 1/2 (broke 1)" in row[4]


def test_synthetic_pages_are_judged_as_before() -> None:
    defects = [{"type": "glyph", "raw": "小填每", "gold": "小镇每", "line": 3}]
    edits = [_glyph("填", "镇", 3, "小填每", 1), _glyph("每", "海", 3, "填每到", 1)]
    t, right, wrong = metrics.char_matches(defects, edits)
    assert t == metrics.char_tallies(defects, edits) == Counter(char_gold=1, char_gold_glyph=1, char_pred=2,
                                                                 char_tp=1, char_tp_glyph=1)
    assert right == edits[:1] and wrong == edits[1:]
