"""splice45: a tally of the synthesizer's spliced lines (X1 | X3 | Y1+X2 | Y2) against what `find_splices` cuts,
and whether flow's pair model reads the repaired order better (`benchmarks/splice_tally.py`). Invented text only.

Flow itself is unchanged: session 45 measured that flow's pair model does not see the spliced lines the word LM
misses (`splice_tally.model_report`), so the last spec holds the finder to leaving a page whose blocks merely end at
punctuation as printed.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from layoutfix import Config
from layoutfix.lm import WordLM, load_lm
from layoutfix.model import Block
from layoutfix.stages import flow as F
from layoutfix.stages.flow.splices import Splice
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

# four paragraphs of one invented article, each whole and each ending at a mark
PARAS = ("山脚下的小学今年新修了操场，孩子们课间都爱去那里踢球。",
         "校长说，明年还打算在操场边种一排树，让夏天有个阴凉的地方。",
         "老师们也动了起来，有的带着学生画墙报，有的教大家做风筝；",
         "到了周末，附近的村民常来借用场地，操场成了全村最热闹的去处。")


def test_a_spliced_line_is_a_splice_join_that_ends_inside_a_line() -> None:
    from benchmarks.splice_tally import SplicedLine, spliced_lines

    log = [{"type": "splice", "line": 3, "line2": 7, "offset2": 12},   # X1 -> the middle piece, inside line 7
           {"type": "splice", "line": 7, "line2": 5, "offset2": 0},    # the middle piece -> X3, at a line's start
           {"type": "splice", "line": 9, "line2": 11},                 # narrow columns read across
           {"type": "cut", "line": 13, "line2": 15, "offset2": 4}]     # not a splice
    assert spliced_lines(log) == [SplicedLine(3, 7, 12)]


def test_a_seam_on_the_raw_line_is_moved_past_what_normalize_dropped() -> None:
    from benchmarks.splice_tally import seam_in_block

    raw, text = "风筝 飞过 山谷，小猫睡觉", "风筝飞过山谷，小猫睡觉"
    assert seam_in_block(raw, text, raw.index("小")) == text.index("小")
    assert seam_in_block(text, text, 5) == 5


def test_a_word_across_a_join_is_a_dictionary_word_from_one_side_into_the_other() -> None:
    from benchmarks.splice_tally import word_across

    lm = WordLM({"风筝": 50, "山谷": 40, "飞过": 30, "风": 5, "筝": 5})
    assert word_across(lm, "一只风", "筝飞过")
    assert not word_across(lm, "一只风筝", "飞过山谷")  # the join falls between two words
    assert not word_across(lm, "一只风筝，", "飞过")


def test_a_spliced_line_is_found_at_its_seam_cut_elsewhere_or_missed_with_or_without_a_word() -> None:
    from benchmarks.splice_tally import classify

    assert classify(Splice(5, 21, 12.0), 20, False, True) == "found"
    assert classify(Splice(5, 30, 12.0), 20, True, True) == "found-other-seam"
    assert classify(None, 20, True, True) == "missed-word"
    assert classify(None, 20, False, True) == "missed-noword"
    assert classify(None, 20, False, False) == "missed-noword-ineligible"


def test_the_tally_counts_a_cut_of_a_block_with_no_spliced_line_as_false(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import benchmarks.splice_tally as T

    page = tmp_path / "000.txt"
    page.write_text("\n\n".join(PARAS) + "\n", encoding="utf-8")
    (tmp_path / "000.defects.json").write_text("[]", encoding="utf-8")
    monkeypatch.setattr(T, "find_splices", lambda blocks, *a, **k: [Splice(2, 10, 11.0)])
    counts, shown = T.tally_page(page, load_lm(None), Config())
    assert counts == {"false": 1} and shown[0].startswith("false")


def test_a_reading_is_scored_as_the_forward_models_log_probability_of_its_joins() -> None:
    from benchmarks.splice_tally import LOGP_FLOOR, reading_logp

    config, lm, model = Config(), load_lm(None), F.load_model()
    page = normalize(read("\n\n".join(PARAS) + "\n", config))
    blocks = list(page.blocks)
    open_a = Block(0, "山脚下的小学今年新修了操场，孩子们课间", 1)
    got = reading_logp(page, [open_a] + blocks[1:3], [(0, 1)], lm, config, model, F.remembered_scores(lm))
    assert LOGP_FLOOR < got < 0.0
    # a closed block continues nothing: its join is read at the floor
    closed = reading_logp(page, blocks[:2], [(0, 1)], lm, config, model, F.remembered_scores(lm))
    assert closed == LOGP_FLOOR and math.isfinite(closed)


def test_a_page_whose_blocks_merely_end_at_punctuation_is_left_as_printed() -> None:
    # four paragraphs of running text, each ending at a mark (one at a semicolon), no piece of one inside another:
    # the finder cuts nothing and flow keeps the printed order and text
    page = normalize(read("\n\n".join(PARAS) + "\n", Config()))
    blocks = list(page.blocks)
    walls, kinds = F.page_shapes(blocks)
    assert F.find_splices(blocks, load_lm(None), walls, kinds=kinds) == []
    out = F.flow(page)
    assert not [e for e in out.edits if e.kind == "splice"]
    assert "".join(b.text for b in out.blocks) == "".join(PARAS)


def test_the_tally_reads_a_folder_and_prints_one_line_per_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.splice_tally import main

    (tmp_path / "000.txt").write_text("\n\n".join(PARAS) + "\n", encoding="utf-8")
    (tmp_path / "000.defects.json").write_text(json.dumps([]), encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == f"{tmp_path}: 1 pages, 0 spliced lines:"
