"""Specification of ctxspeed46 (the opt-in context model's speed, same output):

- A join's left side is searched once: reading the same left side against another right side asks the model for
  no word of the left side again (flow's splice finder reads a block's end against every seam of the next
  block), and the gain is the one a fresh model gives.
- A search over a text that starts like one searched before goes on from it: `scores_at` and the join's search
  share one step (`_advance`) and give `run_score`'s values.
- The glyph pass scores a place's window as printed in the same search as its look-alikes (`scores_at` with the
  printed character first), never in a search of its own.
- The look-alikes a place tries are exactly its look-alikes that `fillers` finds, in the table's order.

The model is the invented ARPA kites model (`tests/arpa.py`), the look-alikes invented: no Debian data, no corpus
text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import arpa as _arpa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import layoutfix.glyphcontext as GC
import layoutfix.stages.glyphs.substitutions as SUBS
from layoutfix.contextlm import ContextLM, load_context_lm
from layoutfix.lm import load_lm
from layoutfix.wordfreqs import ZipfTable

ALPHABET = "风筝飞过山谷小猫睡觉云"


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("ctxspeed46") / "kites.arpa", *_arpa.KITES)


@pytest.fixture(autouse=True)
def no_transliterations(monkeypatch: pytest.MonkeyPatch) -> None:
    """No character reads as a syllable of a transliterated name (invented shares: none)."""
    monkeypatch.setattr(SUBS, "_nrt_shares", lambda: {})


class AskedWords:
    """The kenlm model of a `ContextLM`, recording each word the search asks it to score."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.order = model.order
        self.words: list[str] = []

    def BaseScore(self, state: Any, word: str, out: Any) -> float:  # noqa: N802 (kenlm's name)
        self.words.append(word)
        return float(self.model.BaseScore(state, word, out))

    def NullContextWrite(self, state: Any) -> None:  # noqa: N802
        self.model.NullContextWrite(state)


def test_a_joins_left_side_is_searched_once_for_every_right_side(arpa: Path) -> None:
    lm = load_context_lm(arpa)
    asked = AskedWords(lm.model)
    lm.model = asked
    left = "小猫睡觉"
    lm.continuation_gain(left, "风筝飞过")
    asked.words.clear()
    gain = lm.continuation_gain(left, "山谷飞过")
    # the second join asks only words that reach into its right side: none of 小 猫 睡 觉 小猫 睡觉 again
    assert asked.words and not set(asked.words) & {"小", "猫", "睡", "觉", "小猫", "睡觉"}
    fresh = load_context_lm(arpa)
    assert gain == fresh.run_score(left + "山谷飞过") - fresh.run_score(left) - fresh.run_score("山谷飞过")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=9), st.text(alphabet=ALPHABET, min_size=1, max_size=9),
       st.text(alphabet=ALPHABET, min_size=1, max_size=9))
def test_a_search_going_on_from_a_shared_left_side_gives_run_scores_values(arpa: Path, a: str, b: str,
                                                                           c: str) -> None:
    lm = load_context_lm(arpa)  # (a fresh model: nothing cached)
    fresh = load_context_lm(arpa)
    # (windows of 9 characters: the whole of each side)
    assert lm.continuation_gain(a, b, 9, 9) == fresh.run_score(a + b) - fresh.run_score(a) - fresh.run_score(b)
    assert lm.continuation_gain(a, c, 9, 9) == fresh.run_score(a + c) - fresh.run_score(a) - fresh.run_score(c)
    j = len(a)
    run = a + b
    assert lm.scores_at(run, j, list(c)) == [fresh.run_score(run[:j] + x + run[j + 1:]) for x in c]


class Recorder:
    """A context model that records how the pass asks it, answering from a real one."""

    def __init__(self, ctx: ContextLM) -> None:
        self.ctx = ctx
        self.vocab = ctx.vocab
        self.asked: list[tuple[str, ...]] = []

    def score(self, w: str) -> float:
        self.asked.append(("score", w))
        return self.ctx.score(w)

    def scores_at(self, w: str, j: int, chars: list[str]) -> list[float]:
        self.asked.append(("scores_at", w, str(j), "".join(chars)))
        return self.ctx.scores_at(w, j, chars)


def test_a_places_window_as_printed_is_scored_in_the_search_of_its_look_alikes(arpa: Path) -> None:
    rec = Recorder(load_context_lm(arpa))
    cpass = GC.ContextPass(rec, load_lm(None), cand_of=lambda c: {"筝": (0.9, 0)} if c == "争" else {})  # type: ignore[arg-type]
    cpass.table = ZipfTable([])
    (p,) = cpass.proposals("风争飞过山谷。")  # (a kite misread: 风筝 飞过 山谷 is a phrase of the model)
    assert (p.printed, p.cand) == ("争", "筝")
    assert rec.asked == [("scores_at", "风争飞过山谷", "1", "争筝")]
    fresh = load_context_lm(arpa)
    assert p.gain == fresh.run_score("风筝飞过山谷") - fresh.run_score("风争飞过山谷")


TABLE = {"争": {x: (0.9 - 0.01 * r, 0) for r, x in enumerate("峥筝睁挣铮诤")}}  # invented look-alikes, in order


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "争", min_size=1, max_size=10), st.data())
def test_the_look_alikes_a_place_tries_are_those_fillers_finds_in_the_tables_order(arpa: Path, run: str,
                                                                                  data: Any) -> None:
    k = data.draw(st.integers(0, len(run) - 1))
    ctx = load_context_lm(arpa)
    cpass = GC.ContextPass(ctx, load_lm(None), cand_of=lambda c: TABLE.get(c, {}), min_channel=-100.0)
    index = cpass.fill_index()
    fill = GC.fillers(run, k, index)
    want = [t for t in cpass._lookalikes(run[k]) if t[0] in fill]
    assert cpass._viable(run, k, index) == want
