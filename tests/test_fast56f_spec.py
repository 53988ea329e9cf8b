"""Session 56 (fast56f): flow's pair scorer `candidates` leaves no reference cycle behind.

Compiled (mypyc), a function nested in another keeps its variables in an environment object that holds the nested
function, which holds the environment: one reference cycle per page. `candidates`' two nested functions (a
target's own features, the memo of character-pair sets) kept each page's sets and feature lists alive until the
garbage collector walked them (callgrind, compiled flow over 40 synthetic tune pages: 724.3 M instructions -> 704.8 M,
-2.7%, the output byte-identical). A target's features are now the method of a per-page object (`pairs._Targets`)
and the memo a module function (`pairs._memo_bigrams`); the page's objects go as soon as their last user does.
"""
from __future__ import annotations

import gc
import types
from pathlib import Path

from hypothesis import given, strategies as st

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages import flow as F
from layoutfix.stages.flow import pairs as P
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _pages():  # type: ignore[no-untyped-def]
    config = Config()
    for txt in sorted(SAMPLES.glob("*.txt"))[:6]:
        yield normalize(read(txt.read_bytes(), config, source=txt.name))


def test_the_pair_scorer_nests_no_function() -> None:
    # (the source tree's view of what mypyc would turn into a cycle: a function's code object inside `candidates`'
    # own; comprehensions, '<listcomp>' and the like, mypyc compiles inline)
    nested = [c.co_name for c in P.candidates.__code__.co_consts
              if isinstance(c, types.CodeType) and not c.co_name.startswith("<")]
    assert nested == []


def test_the_pair_scorer_leaves_no_garbage_cycle() -> None:
    config, lm, model = Config(), load_lm(None), F.load_model()
    pages = list(_pages())
    for page in pages:  # (warm: the models' lazy tables are loaded once, not counted)
        F.candidates(page, lm, config, model, prune=F.PRUNE_MARGIN)
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            groups = F.candidates(page, lm, config, model, prune=F.PRUNE_MARGIN)
            assert groups
            del groups
            assert gc.collect() == 0  # every object the call made was freed by its reference count
    finally:
        if was:
            gc.enable()


@given(st.lists(st.text(alphabet="中国人民日报社记者，。ab1😀", max_size=9), max_size=8))
def test_the_remembered_pairs_are_the_texts_pairs(texts: list[str]) -> None:
    memo: dict[str, set[int]] = {}
    for t in texts:
        got = P._memo_bigrams(t, memo)
        assert got == P._bigrams(t)
        assert memo[t] is got  # (asked again, the same set: one per text and page)
        assert P._memo_bigrams(t, memo) is got
