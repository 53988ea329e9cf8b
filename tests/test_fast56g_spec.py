"""Session 56 (fast56g): the glyph stage does less work for the same output.

Issue 4 asks the glyph stage for 200,000 characters of page text a second per core. Callgrind of the compiled
stage over 50 tuning pages put a fifth of its instructions in the page memory's search (`misread_anchors`), which
looked every place of the page up among the anchors' pairs and walked index ranges by `compress`; the rest went
to reads of the interpreted model's attributes and properties at every bound (`_gain_bound`) and every block
(`WordLM.pairs`, `Acceptance.reads_running_text`). What is specified here:

- `misread_anchors` looks up only the places whose pair the page prints at least `MIN_COUNT` times (every anchor's
  two pairs are printed as often as the anchor), takes the page's characters from the caller (`glyphs` has them),
  and finds the same places as the plain search of every place (`plain_misread_anchors`, session 48's form);
- `_gain_bound` takes the model's prefixes, word costs and longest word from the caller (`_lexicon`, read once a
  block) and bounds exactly as when it reads them from the model;
- `WordLM.pairs` and `Acceptance.reads_running_text` are computed at the first read and are plain attributes after
  it (a `property` was a Python call at each read).
"""
from __future__ import annotations

import operator
from collections import Counter

from hypothesis import example, given, settings, strategies as st

from layoutfix.lm import WordLM, _single_costs
from layoutfix.stages.glyphs.accept import ACCEPT_FEATURES, Acceptance, RUNNING_TEXT_FEATURES
from layoutfix.stages.glyphs.bound import _gain_bound, _lexicon
from layoutfix.stages.glyphs.common import SINGLE_PENALTY, WORD_PENALTY
from layoutfix.stages.glyphs.page_memory import misread_anchors

from test_fast54b_spec import _ALPHABET, _cand_of, plain_misread_anchors


# ---- the page memory: only the places whose pair is printed twice are looked up among the anchors' pairs ----

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80), st.booleans(), st.booleans())
@example("中国人民，中国人民，中目人民", True, True)   # the misread place's pair 中目 is printed once
@example("中国人，中国人，甲国人", True, False)         # a misread first character: the pair 国人 after it
@example("甲国人，中国人，中国人", False, False)        # ... printed before the anchor's own printings
@example("人民日报人民日报\n人民目报", False, True)     # a misread middle character (its two ends, 民 and 报)
@example("中国人\n中国人\n中国", True, True)            # an anchor's pair at the page's end
@example("中国a，中国a，中目a", True, True)         # review rfast56g: a place whose last character is no Han
@example("a中国a中国a中目", True, True)          # ... whose first character is no Han
@example("中国人，中国人，中日人，中日人，中目人", True, True)  # two pieces that end on the same character
@example("中国人民，中国人民，甲国人民，中目人民，中国人由", True, True)  # a misread last character at the page's end
def test_the_places_found_from_the_pairs_printed_twice_are_those_of_every_place(
        text: str, given_chars: bool, given_counts: bool) -> None:
    chars = list(text)
    pairs = list(map(operator.add, chars, chars[1:]))
    want = plain_misread_anchors(text, _cand_of)
    assert misread_anchors(text, _cand_of, pairs, Counter(pairs) if given_counts else None,
                           chars if given_chars else None) == want


def test_the_comparison_holds_places_of_every_kind() -> None:
    # (the comparison above is about something: the reference finds a misread first, middle and last character)
    found = plain_misread_anchors("中国人民，中国人民，甲国人民，中目人民，中国人由", _cand_of)
    assert [(r.pos, r.x) for r in found] == [(10, "中"), (16, "国"), (23, "民")]


# ---- the bound: the model's word tables handed in once a block ----

def _model() -> WordLM:
    return WordLM({"处理": 500, "管理": 900, "理工": 300, "工人": 800, "人民": 2000, "管理人": 40, "理": 300,
                   "人": 3000, "民": 600, "工": 700, "处": 400, "管": 500})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="处管理工人民日", min_size=1, max_size=9), st.data())
def test_the_bound_with_the_lexicon_handed_in_is_the_bound_read_from_the_model(ctx: str, data: st.DataObject) -> None:
    lm = _model()
    costs, unk = _single_costs(lm, WORD_PENALTY, SINGLE_PENALTY)
    lps = [costs.get(c, unk) for c in ctx]
    j = data.draw(st.integers(0, len(ctx) - 1))
    x = data.draw(st.sampled_from("处管理工人民日"))
    plain = _gain_bound(lm, ctx, j, x, lps, costs.get(x, unk))
    assert _gain_bound(lm, ctx, j, x, lps, costs.get(x, unk), lm.pairs, _lexicon(lm)) == plain


def test_the_lexicon_is_the_models_own_tables() -> None:
    lm = _model()
    prefixes, logp, max_len = _lexicon(lm)
    assert prefixes is lm.prefixes and logp is lm.logp and max_len == lm.max_len


# ---- values a block reads, computed once ----

def test_the_models_pairs_are_built_at_the_first_read_and_kept() -> None:
    lm = _model()
    assert "pairs" not in vars(lm)  # not built before it is asked for (a run that never asks pays nothing)
    pairs = lm.pairs
    assert set(pairs) == {"处理", "管理", "理工", "工人", "人民", "理人"}  # (理人 of 管理人)
    assert vars(lm)["pairs"] is pairs and lm.pairs is pairs  # a plain attribute from then on


def test_whether_a_decision_reads_running_text_is_computed_once() -> None:
    weights = tuple(1.0 if k in ("margin", RUNNING_TEXT_FEATURES[0]) else 0.0 for k in ACCEPT_FEATURES)
    reads = Acceptance(weights, 0.0, 0.5, 1.0, 2.0)
    margins = Acceptance.margin_only(1.0, 2.0)
    assert reads.reads_running_text is True and margins.reads_running_text is False
    assert vars(reads)["reads_running_text"] is True  # kept on the (frozen) instance after the first read
    assert reads == Acceptance(weights, 0.0, 0.5, 1.0, 2.0)  # equality is the fields' still
