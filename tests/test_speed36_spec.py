"""speed36: the shortcuts flow took for speed answer exactly as what they replace (invented text only)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.lm import _forward, load_lm
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
