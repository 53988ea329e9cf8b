"""Specification of typo46: the context pass's printed-word guard tells a trusted printed word from a likely typo by
the stage's own word counts (`glyphcontext.outranks_printed_word`, `TYPO_MARGIN`), never by a list of words.

- A place inside a printed dictionary word is still protected against a look-alike that makes a word of the same
  length, unless that word is `TYPO_MARGIN` nats (log of the count ratio) or more commoner than the printed one:
  the dictionary, counted from running text, holds that text's common typos at a small share of the word they miss.
- The commonest printed word over the place counts: a place that also sits in a sound common word stays protected.
- A printed word of four characters (where no look-alike can make a longer word) is open to the same test.
- Past the guard, the pass's bar decides as before; with `TYPO_MARGIN` None the guard is session 45's.

The context model is the invented ARPA kites model (`tests/arpa.py`), the look-alikes an invented table, the word
counts the stage's own with invented counts for the words under test: no Debian data, no corpus text.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix.glyphcontext as GC
from layoutfix.flowcontext import cached_context_lm
from layoutfix.lm import WordLM, load_lm

LOOKALIKES: dict[str, dict[str, tuple[float, int]]] = {"口": {"谷": (0.9, 0)}}  # invented: 谷 read as 口
PRINTED = "风筝飞过山口。"  # the context model knows only 山谷; 山口 is a word of the stage's dictionary


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("typo46") / "kites.arpa", *_arpa.KITES)


@lru_cache(maxsize=None)
def stage_words_with(**counts: int) -> WordLM:
    """The stage's word model with the given words' counts replaced (a count of 0 removes the word)."""
    freqs = dict(load_lm(None).freq)
    for w, n in counts.items():
        freqs.pop(w, None)
        if n:
            freqs[w] = n
    return WordLM(freqs)


def a_pass(arpa: Path, lm: WordLM) -> GC.ContextPass:
    return GC.ContextPass(cached_context_lm(str(arpa)), lm, cand_of=lambda c: LOOKALIKES.get(c, {}),
                          name_margin=GC.NAME_LIKE_MARGIN)


def rare_count(common: int, nats: float) -> int:
    """A count `nats` or a little more under `common` (counts are whole)."""
    return max(1, math.floor(common * math.exp(-nats)))


def test_a_printed_word_far_rarer_than_the_word_the_look_alike_makes_is_no_protection(arpa: Path) -> None:
    margin = GC.TYPO_MARGIN
    assert margin is not None
    common = load_lm(None).freq["山谷"]
    typo = stage_words_with(山口=rare_count(common, margin + 0.5))
    assert typo.logp["山谷"] - typo.logp["山口"] >= margin
    cpass = a_pass(arpa, typo)
    (p,) = cpass.proposals(PRINTED)
    assert (p.printed, p.cand) == ("口", "谷")
    # past the guard the pass's bar decides, as at a place in no word
    score = p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN)
    assert cpass.fix(PRINTED, score + 0.1, GC.WEIGHT) == (PRINTED, [])
    text, (change,) = cpass.fix(PRINTED, score, GC.WEIGHT)
    assert text == "风筝飞过山谷。" and "context look-alike '口'→'谷'" in change.reason


def test_a_printed_word_not_far_rarer_stays_protected(arpa: Path) -> None:
    margin = GC.TYPO_MARGIN
    assert margin is not None
    common = load_lm(None).freq["山谷"]
    near = stage_words_with(山口=rare_count(common, margin - 1.0))
    assert 0 < near.logp["山谷"] - near.logp["山口"] < margin
    cpass = a_pass(arpa, near)
    assert cpass.proposals(PRINTED) == [] and cpass.scored == 0
    assert cpass.fix(PRINTED, GC.BAR, GC.WEIGHT) == (PRINTED, [])


def test_without_a_typo_margin_every_printed_word_protects_as_before(arpa: Path) -> None:
    common = load_lm(None).freq["山谷"]
    cpass = a_pass(arpa, stage_words_with(山口=rare_count(common, 20.0)))
    assert cpass.typo_margin == GC.TYPO_MARGIN
    cpass.typo_margin = None
    assert cpass.proposals(PRINTED) == []
    cpass.typo_margin = GC.TYPO_MARGIN
    cpass.forget()
    assert [p.cand for p in cpass.proposals(PRINTED)] == ["谷"]


def test_a_printed_four_character_word_far_rarer_than_the_look_alikes_is_tried_too(arpa: Path) -> None:
    # no look-alike makes a word longer than four characters: session 45 skipped such places before any look-up
    margin = GC.TYPO_MARGIN
    assert margin is not None
    lm = stage_words_with(飞过山口=2, 飞过山谷=math.ceil(2 * math.exp(margin + 0.5)))
    assert GC.printed_word_length(PRINTED, 5, lm.logp) == 4
    cpass = a_pass(arpa, lm)
    assert [(p.printed, p.cand) for p in cpass.proposals(PRINTED)] == [("口", "谷")]
    cpass.typo_margin = None
    cpass.forget()
    assert cpass.proposals(PRINTED) == []


def test_the_commonest_printed_word_over_the_place_decides() -> None:
    # 口 sits in 山口 (a rare entry one look-alike off the common 山谷) and in 口风, a common word the look-alike
    # makes none of: the print is read as a word of its own there, so the place stays protected
    logp = {"山口": -17.0, "山谷": -9.0, "口风": -9.5}
    assert not GC.outranks_printed_word("过山口风", 2, "谷", 2, logp, 5.5)
    del logp["口风"]
    assert GC.outranks_printed_word("过山口风", 2, "谷", 2, logp, 5.5)


def test_the_margin_is_a_log_count_ratio_and_none_means_never() -> None:
    logp = {"山口": -15.0, "山谷": -9.5}
    assert GC.outranks_printed_word("山口", 1, "谷", 2, logp, 5.5)
    assert not GC.outranks_printed_word("山口", 1, "谷", 2, logp, 5.6)
    assert not GC.outranks_printed_word("山口", 1, "谷", 2, logp, None)
    assert not GC.outranks_printed_word("山口", 1, "岭", 2, logp, 0.0)  # the look-alike makes no dictionary word
    assert not GC.outranks_printed_word("山口", 1, "谷", 0, logp, 5.5)  # nothing printed: no guard to lift
