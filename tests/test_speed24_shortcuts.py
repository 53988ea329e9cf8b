"""The shortcuts speed24 took answer exactly as the plain definitions they replace (invented text only)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.stages.flow.blocks import _CLOSE, _OPEN, _PAIR, first_unopened

_MARKS = st.text(alphabet=st.sampled_from(list(_OPEN + _CLOSE) + list("甲乙丙，。")), max_size=260)


def _first_unopened_by_definition(text: str) -> int:
    """Walk every mark of the first 200 characters, remembering the opening ones."""
    seen: set[str] = set()
    for k, c in enumerate(text[:200]):
        if c in _OPEN:
            seen.add(c)
        elif c in _CLOSE and _PAIR[c] not in seen:
            return k
    return -1


@given(_MARKS)
def test_first_unopened_is_the_first_closing_mark_without_its_opening_before_it(text: str) -> None:
    assert first_unopened(text) == _first_unopened_by_definition(text)


def test_a_closing_mark_past_the_first_200_characters_is_not_looked_at() -> None:
    assert first_unopened("甲" * 200 + "”") == -1
    assert first_unopened("甲" * 199 + "”") == 199



@settings(deadline=None)  # (the first example loads the word model)
@given(st.text(alphabet=st.sampled_from(list("工作会议要求做好了的人民甲乙，。 a1")), max_size=40))
def test_word_coverage_is_the_share_of_han_the_best_segmentation_puts_in_words_of_two_or_more(text: str) -> None:
    from layoutfix.lm import _HAN_RUN, load_lm
    lm = load_lm()
    runs = _HAN_RUN.findall(text)
    han = sum(map(len, runs))
    words = sum(len(w) for run in runs for w in lm.segment(run) if len(w) > 1)
    assert lm.word_coverage(text) == (words / han if han else 0.0)
