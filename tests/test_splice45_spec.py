"""splice45: a tally of the synthesizer's spliced lines (X1 | X3 | Y1+X2 | Y2) against what `find_splices` cuts,
and whether flow's pair model reads the repaired order better (`benchmarks/splice_tally.py`); and, opt-in with a
context model, a second finder for the seams no dictionary word spans (`find_context_splices`). Invented text only.

Flow's pair model does not see the spliced lines the word LM misses (`splice_tally.model_report`), so the default
path is unchanged: a spec holds it to leaving a page whose blocks merely end at punctuation as printed. The context
specs use an invented gain function in place of a context model (no KenLM file needed).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from layoutfix import Config
from layoutfix.lm import WordLM, load_lm
from layoutfix.model import Block
from layoutfix.stages import flow as F
from layoutfix.stages.flow.splices import CONTEXT_SPLICE_MARGIN, Splice, apply_splices, find_context_splices
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


# an invented spliced page: paragraph X (X1 X2 X3) and Y (Y1 Y2), printed X1 | X3 | Y1+X2 | Y2
X1, X2, X3 = "村里的老人们常说，这条小河过去一到夏天就", "变得清澈见底，岸边长满芦苇，水位一天天", "涨起来，娃娃们整天泡在河里捉鱼摸虾。"
Y1, Y2 = "后来上游修起了一座水库，", "河水渐渐少了，如今只剩下一道浅浅的河床。"
SPLICED = "\n\n".join((X1, X3, Y1 + X2, Y2)) + "\n"
GOOD = {(X1[-1], X2[0]), (X2[-1], X3[0]), (Y1[-1], Y2[0])}  # the joins the repair makes


def _gain(left: str, right: str, *rest: int) -> float:
    """An invented context model: +8 nats for each join of the repaired reading, nothing elsewhere."""
    return 8.0 if (left[-1:], right[:1]) in GOOD else 0.0


def _spliced_blocks() -> tuple[list[Block], list[bool], F.Shapes]:
    blocks = list(normalize(read(SPLICED, Config())).blocks)
    walls, kinds = F.page_shapes(blocks)
    return blocks, walls, kinds


def test_the_context_finder_cuts_at_the_seam_whose_repaired_joins_read_best() -> None:
    blocks, walls, kinds = _spliced_blocks()
    # printed L + B would read +8 (X2's end before X3) and the cut makes two more joins: 8 + 8 + 8 at the seam
    assert find_context_splices(blocks, walls, _gain, [], kinds=kinds) == [Splice(2, len(Y1), 24.0, "context")]


def test_the_context_finder_needs_its_margin() -> None:
    blocks, walls, kinds = _spliced_blocks()
    assert find_context_splices(blocks, walls, _gain, [], margin=24.5, kinds=kinds) == []
    # the window's own joins alone (L + B better than A + B and L + C) reach 8 at any seam: under the margin
    only_window = lambda left, right, *rest: 8.0 if (left[-1:], right[:1]) == (X2[-1], X3[0]) else 0.0  # noqa: E731
    assert CONTEXT_SPLICE_MARGIN > 8.0
    assert find_context_splices(blocks, walls, only_window, [], kinds=kinds) == []


def test_the_context_finder_leaves_a_window_the_word_lm_already_cut() -> None:
    blocks, walls, kinds = _spliced_blocks()
    assert find_context_splices(blocks, walls, _gain, [Splice(3, 9, 11.0)], kinds=kinds) == []


def test_a_context_splice_is_logged_as_the_context_models_cut() -> None:
    blocks, _, _ = _spliced_blocks()
    out, fixed, edits = apply_splices(blocks, [Splice(2, len(Y1), 24.0, "context")])
    assert [b.text for b in out] == [X1, X2, X3, Y1, Y2]
    assert [(c.source, c.target) for c in fixed] == [(0, 1), (1, 2), (3, 4)]
    (e,) = edits
    assert e.kind == "splice" and "context model gain 24.0" in e.reason and e.confidence == 1.0
    assert "context model 24.0 better" in fixed[0].why


def test_flow_with_a_context_model_puts_the_middle_piece_back_and_without_one_leaves_the_page(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.flowcontext as FC

    class Invented:
        def continuation_gain(self, left: str, right: str, *rest: int) -> float:
            return _gain(left, right)

    monkeypatch.setattr(FC, "cached_context_lm", lambda spec: Invented())
    page = normalize(read(SPLICED, Config(context_lm="invented")))
    out = F.flow(page)
    assert [e.kind for e in out.edits if e.kind == "splice"] == ["splice"]
    assert [b.text for b in out.blocks] == [X1 + X2 + X3, Y1 + Y2]
    plain = F.flow(normalize(read(SPLICED, Config())))  # the default path: no context model, no such cut
    assert not [e for e in plain.edits if e.kind == "splice"]
