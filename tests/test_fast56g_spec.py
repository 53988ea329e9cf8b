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
