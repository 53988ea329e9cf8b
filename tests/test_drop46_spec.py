"""Specification of drop46: a dropped-character pass read by the word-trigram context model, kept as a measurement
tool (`benchmarks.drop_glyphs`), not a stage step (no bar reached the precision asked; the figures are in the
tool's docstring).

- A gap is tried only beside a lone printed character (in no word of the stage's dictionary), and only with the
  characters that make a context-model word with that lone neighbour (`insert_fillers`).
- Numbers, names and pairs the document prints again are left as printed (`gap_guarded`, the name guard).
- The insertions made clear the bar, best first, one a window (`choose`); each is logged as an empty-span change
  of kind 'insert' whose reason gives the context gain and the bar.
- An insertion is counted right when it restores a logged drop on its line, as the benchmark counts glyph fixes
  (`tally`).

The model is the invented ARPA kites model (`tests/arpa.py`): no Debian data, no corpus text.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import arpa as _arpa
import pytest

from benchmarks import drop_glyphs as D
from layoutfix.flowcontext import cached_context_lm
from layoutfix.glyphcontext import fill_index, stage_pass
from layoutfix.lm import load_lm

KITES_VOCAB = ("风筝", "飞过", "山谷", "小猫", "睡觉")


@pytest.fixture(scope="module")
def drops(tmp_path_factory: pytest.TempPathFactory) -> D.DropPass:
    path = _arpa.write_arpa(tmp_path_factory.mktemp("drop46") / "kites.arpa", *_arpa.KITES)
    return D.DropPass(stage_pass(cached_context_lm(str(path)), load_lm(None)), bar=0.0)


def test_a_gap_is_filled_only_with_characters_that_make_a_word_with_its_lone_neighbour() -> None:
    index = fill_index(KITES_VOCAB)
    # 风 is the lone half of 风筝 before 飞: 筝 makes the 2-character word with it
    assert D.insert_fillers("风飞过", 1, [0], index) == {"筝": 2}
    # a filler that makes a word only with a neighbour that is not lone is not tried
    assert D.insert_fillers("风飞过", 1, [], index) == {}
    assert D.insert_fillers("飞山谷", 1, [1], index) == {}  # 过 would make 飞过, with 飞, not with 山


def test_numbers_and_pairs_printed_again_are_left_as_printed() -> None:
    assert D.gap_guarded("三风", 1, Counter())
    assert D.gap_guarded("风三", 1, Counter())
    assert D.gap_guarded("风飞", 1, Counter({"风飞": 2}))
    assert not D.gap_guarded("风飞", 1, Counter({"风飞": 1}))


def test_a_dropped_character_that_completes_a_word_the_model_reads_in_context_is_proposed(drops: D.DropPass) -> None:
    props = drops.proposals("风飞过山谷")
    assert [(p.pos, p.x) for p in props] == [(1, "筝")]
    assert props[0].gain > 0 and props[0].word == 2


def test_text_that_reads_whole_and_a_possible_name_get_no_insertion(drops: D.DropPass) -> None:
    assert drops.proposals("风筝飞过山谷") == []
    # after a surname character the lone character may be a given name: left as printed
    assert drops.proposals("王风飞过山谷") == []


def test_places_the_stage_changed_are_left_alone(drops: D.DropPass) -> None:
    assert drops.proposals("风飞过山谷", frozen=frozenset({0})) == []
    assert drops.proposals("风飞过山谷", frozen=frozenset({1})) == []


def test_insertions_clear_the_bar_best_first_one_a_window() -> None:
    ins = [D.Insertion(3, "筝", 5.0, 0.0, 2, 0.0), D.Insertion(6, "谷", 9.0, 0.0, 2, 0.0),
           D.Insertion(20, "过", 4.0, 0.0, 2, 1.5)]
    assert [p.pos for p in D.choose(ins, 4.0)] == [6]  # 3 is within the window of the better 6; 20 has 2.5 < 4
    assert [p.pos for p in D.choose(ins, 2.0)] == [6, 20]
    # a substitution of a neighbour that reads as well explains the gap: no insertion
    assert D.choose([D.Insertion(6, "谷", 9.0, 0.0, 2, 0.0, sub=8.0)], 4.0, sub_margin=2.0) == []


def test_each_insertion_is_an_empty_span_change_whose_reason_gives_gain_and_bar(drops: D.DropPass) -> None:
    (ch,) = drops.changes("风飞过山谷")
    assert (ch.start, ch.end, ch.before, ch.after, ch.kind) == (1, 1, "", "筝", "insert")
    assert "context gain" in ch.reason and ">= 0.0" in ch.reason
    assert 0.5 <= ch.confidence <= 0.99


class _Block:
    """A text block's line lookup, all the tally reads of a block."""

    def __init__(self, line: int) -> None:
        self.line = line

    def line_at(self, offset: int) -> int:
        return self.line


def test_an_insertion_restoring_a_logged_drop_on_its_line_counts_right() -> None:
    drop = [{"type": "drop", "raw": "风飞过", "gold": "风筝飞过", "line": 7, "offset": 0}]
    made = [(_Block(7), [D.Insertion(1, "筝", 9.0, 0.0, 2, 0.0)])]
    assert D.tally(made, drop, 4.0) == (1, 1)
    assert D.tally([(_Block(8), made[0][1])], drop, 4.0) == (0, 1)  # another line: no hit
    assert D.tally(made, drop, 10.0) == (0, 0)  # under the bar: not made
