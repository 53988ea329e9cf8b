"""speed36: the shortcuts flow took for speed answer exactly as what they replace (invented text only)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from layoutfix.lm import _forward, load_lm
from layoutfix.stages.flow import pairs
from layoutfix.stages.flow.blocks import first_unopened
from layoutfix.stages.flow.model import _dot
from layoutfix.stages.flow.words import short_forward

_WORDY = st.text(alphabet=st.sampled_from(list("工作会议要求做好了的人民中华共和国甲乙，。 a1")), max_size=9)


@settings(deadline=None)  # (the first example loads the word model)
@given(_WORDY)
def test_the_short_walk_gives_the_models_own_best_scores_and_back_pointers(text: str) -> None:
    lm = load_lm()
    assert short_forward(lm, text) == _forward(lm, text)  # (a text past six characters goes to `_forward` itself)


def test_the_short_walk_finds_the_words_of_a_short_head() -> None:
    lm = load_lm()
    best, back = short_forward(lm, "人民代表")
    assert back[4] in (0, 2) and best[4] == lm.score("人民代表")  # a word ends the best path: no single character


_FEATURES = st.lists(st.sampled_from([0.0, -0.0, 1.0, -2.5, 0.125, 3.75, 1e-9]), min_size=0, max_size=12)


@given(_FEATURES, st.floats(min_value=-8.0, max_value=8.0))
def test_the_nonzero_dot_product_is_the_models_to_the_last_bit_in_either_build(f: list[float], start: float) -> None:
    w = [0.3 * k - 1.7 for k in range(len(f))]
    want = _dot(w, f, start)
    assert pairs.nonzero_dot(w, f, start) == want
    compiled = pairs.COMPILED
    try:  # (the loop the compiled module runs, asked of the interpreter; a compiled module keeps its own constant)
        pairs.COMPILED = not compiled
        assert pairs.nonzero_dot(w, f, start) == want
    finally:
        pairs.COMPILED = compiled


def test_a_dot_product_over_zeros_alone_is_its_start() -> None:
    assert pairs.nonzero_dot([1.0, 2.0], [0.0, -0.0], 0.5) == 0.5 and pairs.nonzero_dot([], []) == 0.0


@pytest.mark.parametrize("text, k", [("甲”乙（丙）", 1), ("“甲”乙）", 4), ("（甲）“乙”", -1), ("甲乙", -1), ("甲》“乙”）", 1),
                                     ("“甲" + "乙" * 200 + "”", -1)])
def test_the_first_closing_mark_without_its_opening_is_found_among_all_kinds(text: str, k: int) -> None:
    assert first_unopened(text) == k
