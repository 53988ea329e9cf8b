"""Specification of the word model's penalised segmentation walks in `layoutfix.lmwalk` (compiled with mypyc where
the build compiles; `lm.Window` and, compiled, `lm.WordLM.score` with penalties walk there), and of the glyph
stage's pair flags (`candidates.pair_flags`).

The walks must give the very floats of the best segmentation, not close ones: the glyph decoder compares window
scores with a bar, and the stage's output (edit log included) must not move when the walk moves module. The oracle
here is the plainest one: every segmentation of a short text into dictionary words (two characters or more) and
single characters, each one's cost summed from the left as the walk sums it (a word: best so far + its
log-probability - the word penalty; a character: best so far + its log-probability - the word penalty - the
single penalty), and the largest total taken.
"""
from __future__ import annotations

import operator
from itertools import repeat

from hypothesis import example, given, settings
from hypothesis import strategies as st

from layoutfix import lmwalk
from layoutfix.lm import Window, WordLM, _single_costs, load_lm
from layoutfix.stages.glyphs import candidates
from layoutfix.stages.glyphs.candidates import _gate_runs, pair_flags
from oracles import same_both_ways as _same_both_ways

ALPHABET = "甲乙丙丁戊"
PENALTIES = [(0.0, 0.0), (0.25, 0.0), (0.0, 1.0), (0.3, 0.7), (1.7, 2.9)]


def segmentations(text: str, max_len: int) -> list[list[str]]:
    """Every way to cut `text` into pieces of one to `max_len` characters."""
    if not text:
        return [[]]
    return [[text[:k], *rest] for k in range(1, min(max_len, len(text)) + 1)
            for rest in segmentations(text[k:], max_len)]


def exhaustive_score(lm: WordLM, text: str, pen: float, single: float) -> float:
    """The best total over every segmentation whose pieces of two characters or more are words of `lm`, each
    piece's cost added from the left (`total + logp - pen`; a single character `total + (logp - pen - single)`,
    an unknown one `lm.unk` in place of its log-probability)."""
    best = float("-inf")
    for pieces in segmentations(text, lm.max_len):
        total = 0.0
        for w in pieces:
            if len(w) == 1:
                total = total + (lm.logp.get(w, lm.unk) - pen - single)
            elif w in lm.logp:
                total = total + lm.logp[w] - pen
            else:
                break
        else:
            best = max(best, total)
    return best


words = st.dictionaries(st.text(alphabet=ALPHABET, min_size=1, max_size=4), st.integers(1, 1000), min_size=1,
                        max_size=14)
texts = st.text(alphabet=ALPHABET + "x", max_size=9)


@given(words, texts, st.sampled_from(PENALTIES))
@settings(max_examples=300, deadline=None)
@example({"甲乙": 5, "乙丙丁": 3, "甲": 1}, "甲乙丙丁", (0.3, 0.7))
def test_the_walk_gives_every_prefix_the_best_segmentations_score_to_the_last_bit(
        freqs: dict[str, int], text: str, pens: tuple[float, float]) -> None:
    lm = WordLM(freqs)
    pen, single = pens
    costs, unk = _single_costs(lm, pen, single)
    best, back = lmwalk.forward(text, costs, unk, lm.logp, lm.prefixes, lm.max_len, pen)
    for i in range(len(text) + 1):
        assert best[i] == exhaustive_score(lm, text[:i], pen, single)  # the same float, not a close one
    # each back pointer opens a last word of a best segmentation of its prefix
    for i in range(1, len(text) + 1):
        j = back[i]
        w = text[j:i]
        step = best[j] + costs.get(w, unk) if len(w) == 1 else best[j] + lm.logp[w] - pen
        assert step == best[i]
    # and the model's score with penalties is that walk's (compiled) or its whole-text walk's (interpreted)
    assert lm.score(text, pen, single) == (best[len(text)] if text else 0.0)


@given(words, texts, st.sampled_from(PENALTIES))
@settings(max_examples=300, deadline=None)
@example({"甲乙": 5, "乙丙丁": 3, "丙丁": 2, "甲": 1}, "甲乙丙丁戊", (0.3, 0.7))
@example({"甲乙丙丁": 5, "乙丙": 3}, "甲乙x丁", (0.25, 0.0))
def test_a_window_rescored_with_any_character_replaced_scores_as_the_best_segmentation_of_the_new_text(
        freqs: dict[str, int], text: str, pens: tuple[float, float]) -> None:
    lm = WordLM(freqs)
    pen, single = pens
    win = Window(lm, text, pen, single)
    assert win.score == (exhaustive_score(lm, text, pen, single) if text else 0.0)
    for p in range(len(text)):
        for x in ALPHABET + "x":
            alt = text[:p] + x + text[p + 1:]
            assert win.rescore(p, x) == exhaustive_score(lm, alt, pen, single)
    # rescoring leaves the window as it was (each rescore starts from the printed text's own scores)
    assert win.score == Window(lm, text, pen, single).score
    if text:
        assert win.rescore(0, text[0]) == win.score


def test_windows_of_the_shipped_model_rescore_as_a_full_score_of_the_new_text() -> None:
    from layoutfix.stages.glyphs.common import SINGLE_PENALTY, WORD_PENALTY

    lm = load_lm()
    text = "加强管埋工作，人民共和国成立大会在北京召开，八个入参加"
    costs, unk = _single_costs(lm, WORD_PENALTY, SINGLE_PENALTY)
    for lo in range(0, len(text) - 12):
        ctx = text[lo:lo + 13]  # the decoder's window: six characters each side
        # the decoder builds its windows from the tables it read (`lmwalk.Window`), as `lm.Window` does
        win = lmwalk.Window(ctx, costs, unk, lm.logp, lm.prefixes, lm.max_len, WORD_PENALTY)
        assert win.score == Window(lm, ctx, WORD_PENALTY, SINGLE_PENALTY).score == lm.score(
            ctx, WORD_PENALTY, SINGLE_PENALTY)
        for p in range(len(ctx)):
            for x in "理人入八的":
                alt = ctx[:p] + x + ctx[p + 1:]
                assert win.rescore(p, x) == lm.score(alt, WORD_PENALTY, SINGLE_PENALTY)
        best, _ = lmwalk.forward(ctx, costs, unk, lm.logp, lm.prefixes, lm.max_len, WORD_PENALTY)
        assert best[-1] == win.score


@given(st.text(alphabet="管理工作加强埋人入口\n", max_size=30))
@settings(max_examples=200, deadline=None)
@example("")
@example("管")
def test_the_pair_flags_mark_the_pairs_the_set_holds(text: str) -> None:
    known = dict.fromkeys(["管理", "工作", "加强", "人口", "\n管"])
    pairs = list(map(operator.add, text, text[1:]))
    flags = pair_flags(pairs, known)
    assert flags == bytes(map(known.__contains__, pairs))
    assert flags == bytes(1 if p in known else 0 for p in pairs)
    assert list(repeat(0, len(pairs))) == [f & ~1 for f in flags]  # each flag a 0 or a 1


_KNOWN = dict.fromkeys(["管理", "工作", "加强", "人口", "\n管", "口人"])


@given(st.text(alphabet="管理工作加强埋人入口a，\n", max_size=30))
@settings(max_examples=200, deadline=None)
@example("管理工作")
@example("a管理，人口人")
def test_the_pair_flags_and_the_gated_runs_are_the_same_in_either_build(text: str) -> None:
    pairs = list(map(operator.add, text, text[1:]))
    _same_both_ways(candidates, lambda: pair_flags(pairs, _KNOWN))
    _same_both_ways(candidates, lambda: _gate_runs(text, _KNOWN))
    _same_both_ways(candidates, lambda: _gate_runs(text, _KNOWN, one_side=True))


@given(st.text(alphabet="人民共和国成立大会加强管理工作入口八个a1，", max_size=24),
       st.sampled_from([(0.0, 0.0), (0.25, 0.0), (0.0, 1.0), (0.3, 0.7)]))
@settings(max_examples=150, deadline=None)
@example("人民共和国成立大会", (0.3, 0.7))
def test_a_penalised_score_is_the_same_walked_in_lmwalk_or_in_lm(text: str, penalties: tuple[float, float]) -> None:
    lm = load_lm()
    pen, single = penalties
    _same_both_ways(lmwalk, lambda: lm.score(text, pen, single).hex())
