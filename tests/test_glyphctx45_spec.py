"""Specification of glyphctx45: the glyph stage's context pass (`layoutfix.glyphcontext`) asks the stage's own
evidence that the print is right before it believes the context model, and finds a place's look-alikes faster.

- A place inside a word of the stage's dictionary is changed only into a longer dictionary word
  (`outgrows_printed_word`): the dictionary holds the names and rare words the context model lacks.
- A rare printed character needs `RARE_PRINTED` more (`rare_printed_margin`): a misreading mostly prints a common
  look-alike.
- A look-alike that completes a copy of the phrase printed beside it is left, as the stage leaves it (`_makes_copy`).
- The look-alikes tried at a place are found through a masked-word index (`fill_index`, `fillers`): the same ones
  `completes_vocab_word` accepts, and none is scored by the context model where the dictionary guard refuses them.

The model is the invented ARPA kites model (`tests/arpa.py`), the look-alikes an invented table: no Debian data, no
corpus text.
"""
from __future__ import annotations

from pathlib import Path

import arpa as _arpa
import pytest
from hypothesis import given, settings, strategies as st

import layoutfix.glyphcontext as GC
from layoutfix.config import Config
from layoutfix.flowcontext import cached_context_lm
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import fix_lines

# invented look-alikes (shape, Tesseract count): 筝 read as 争 or as the rare 峥, 谷 read as 口
LOOKALIKES: dict[str, dict[str, tuple[float, int]]] = {
    "争": {"筝": (0.9, 0)}, "峥": {"筝": (0.9, 0)}, "口": {"谷": (0.9, 0)}}


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("glyphctx45") / "kites.arpa", *_arpa.KITES)


@pytest.fixture(autouse=True)
def invented_lookalikes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's pass reads the invented look-alikes (built afresh: no pass cached from another test)."""
    monkeypatch.setattr(GC, "_candidates", lambda table, lm: (lambda c: LOOKALIKES.get(c, {})))
    monkeypatch.setattr(GC, "_PASSES", {})


def a_pass(arpa: Path) -> GC.ContextPass:
    return GC.stage_pass(cached_context_lm(str(arpa)), load_lm(None))


def test_a_place_inside_a_printed_dictionary_word_is_not_read_as_a_word_no_longer(arpa: Path) -> None:
    # 山口 is a word of the stage's dictionary; the context model knows only 山谷 (口 is unknown to it), so it reads
    # 口 -> 谷 as a large gain. The printed word is the stage's evidence: 谷 makes no longer word, so no fix.
    printed = "风筝飞过山口。"
    cpass = a_pass(arpa)
    assert cpass.proposals(printed) == []
    assert cpass.scored == 0  # refused before the context model scored a window
    assert fix_lines([printed], Config(context_lm=str(arpa))) == [printed]
    cpass.printed_word_guard = False  # the context model alone would change the printed word
    cpass.forget()
    (p,) = cpass.proposals(printed)
    assert (p.printed, p.cand) == ("口", "谷") and p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN) >= GC.BAR


def test_a_look_alike_that_completes_a_longer_dictionary_word_is_still_tried() -> None:
    known = {"山口": -11.0, "山谷风": -14.0}
    assert GC.printed_word_length("山口风", 1, known) == 2
    assert not GC.outgrows_printed_word("山口风", 1, "谷", 2, {"山口": -11.0, "山谷": -11.0})
    assert GC.outgrows_printed_word("山口风", 1, "谷", 2, known)
    assert GC.outgrows_printed_word("风口", 1, "谷", 0, {})  # no printed word: nothing to keep


def test_a_rare_printed_character_needs_the_rare_margin_more(arpa: Path) -> None:
    lm = load_lm(None)
    floor, margin = GC.RARE_PRINTED or (0.0, 0.0)
    assert lm.logp["峥"] < floor <= lm.logp["争"] and margin > 0
    cpass = a_pass(arpa)
    (rare,) = cpass.proposals("风峥飞过山谷。")
    (common,) = cpass.proposals("风争飞过山谷。")
    assert (rare.cand, rare.rare, common.rare) == ("筝", margin, 0.0)
    assert rare.extra == common.extra + margin
    assert rare.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN) == pytest.approx(
        common.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN) - margin)


def test_the_rare_margin_holds_back_a_fix_that_clears_the_bar_by_less(arpa: Path) -> None:
    cpass = a_pass(arpa)
    (p,) = cpass.proposals("风峥飞过山谷。")
    with_margin = p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN)
    bar = with_margin + p.rare / 2  # a bar the fix clears only without the margin
    assert cpass.fix("风峥飞过山谷。", bar)[0] == "风峥飞过山谷。"
    text, (change,) = cpass.fix("风峥飞过山谷。", with_margin)
    assert text == "风筝飞过山谷。" and f"rare printed {p.rare:.1f}" in change.reason


def test_a_look_alike_that_completes_a_copy_beside_it_is_left_as_printed(arpa: Path) -> None:
    alone = "风争飞过山谷。"
    twice = "风筝飞过山谷小猫睡觉，风争飞过山谷小猫睡觉。"  # a clause printed twice, one copy misread: dedup's to judge
    out = fix_lines([alone, twice], Config(context_lm=str(arpa)))
    assert out == ["风筝飞过山谷。", twice]


VOCAB = ["风筝", "飞过", "山谷", "风口", "山口风", "过山谷", "小猫睡觉", "猫", "睡觉了"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="风筝争飞过山谷口小猫睡觉了", min_size=1, max_size=12), st.data())
def test_the_fill_index_finds_exactly_the_look_alikes_that_complete_a_vocabulary_word(run: str, data) -> None:  # type: ignore[no-untyped-def]
    i = data.draw(st.integers(0, len(run) - 1))
    vocab = dict.fromkeys(VOCAB)
    prefixes = dict.fromkeys(w[:k] for w in VOCAB for k in range(1, len(w)))
    index = GC.fill_index(vocab)
    found = GC.fillers(run, i, index)
    for x in "风筝争飞过山谷口小猫睡觉了":
        if x != run[i]:
            assert (x in found) == GC.completes_vocab_word(run, i, x, vocab, prefixes), (run, i, x)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="风筝争飞过山谷口小猫睡觉", min_size=1, max_size=14), st.data())
def test_scoring_the_look_alikes_of_one_place_together_gives_each_windows_own_score(arpa: Path, run: str,
                                                                                    data) -> None:  # type: ignore[no-untyped-def]
    # the pass scores a place's look-alikes sharing the search left of the place (`ContextLM.scores_at`): each
    # value is the one the model gives that window scored on its own, so no fix is won or lost by the sharing
    ctx = cached_context_lm(str(arpa))
    j = data.draw(st.integers(0, len(run) - 1))
    chars = data.draw(st.lists(st.sampled_from("风筝争飞过山谷口小猫睡觉"), min_size=1, max_size=4))
    ctx.clear_cache()
    shared = ctx.scores_at(run, j, chars)
    ctx.clear_cache()
    alone = [ctx.run_score(run[:j] + x + run[j + 1:]) for x in chars]
    assert shared == alone


def test_scoring_look_alikes_at_a_place_outside_the_run_is_refused(arpa: Path) -> None:
    # (review45a: scores_at('', 0, ...) gave 0.0 and cached it for the look-alike's own run)
    ctx = cached_context_lm(str(arpa))
    for run, j in (("", 0), ("风筝", 2), ("风筝", -1)):
        with pytest.raises(ValueError):
            ctx.scores_at(run, j, ["猫"])


def test_a_look_alike_of_more_than_one_character_is_scored_whole(arpa: Path) -> None:
    ctx = cached_context_lm(str(arpa))
    ctx.clear_cache()
    shared = ctx.scores_at("风筝飞过山谷", 1, ["争飞", "猫"])
    ctx.clear_cache()
    assert shared == [ctx.run_score("风争飞飞过山谷"), ctx.run_score("风猫飞过山谷")]
