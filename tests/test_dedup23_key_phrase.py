"""dedup: a clause a paragraph says three times, whole or inside other clauses, is its key phrase, not a misprint.

A misprint prints a stretch once more: two copies. A phrase the writer keeps coming back to ('X，是…的精髓。只有X，
才能…。…精神，X，…') appears a third time, often inside a longer clause, and the whole-clause copy is meant.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.lm import load_lm
from layoutfix.stages.dedup import split_repeated_clause

KEY = "坚持绿色发展、推动节约集约"  # an invented key phrase of eleven Han
LEAD = f"这是我们的基本思路。{KEY}，是全部工作的出发点。"
MIDDLE = f"实践表明，只有{KEY}，才能走出一条新路。"
LATER = f"进一步学习上级的各项部署，{KEY}，把各项任务落到实处。"


def test_a_phrase_said_three_times_keeps_its_whole_clause_copy() -> None:
    text = LEAD + MIDDLE + LATER
    assert split_repeated_clause(text, load_lm()) == []


def test_the_same_clause_said_only_twice_is_still_a_misprint() -> None:
    # without the third mention (inside '只有X，'), the later whole-clause copy is a stretch printed once more
    text = LEAD + "实践表明，这条路走得通，也走得好。" + LATER
    spans = split_repeated_clause(text, load_lm())
    assert [text[s:e] for s, e in spans] == [f"{KEY}，"]


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=2))
def test_where_the_third_mention_stands_does_not_matter(where: int) -> None:
    # the phrase said inside another clause before, between or after the two whole-clause copies
    inner = f"只有{KEY}才行。"
    parts = [LEAD, "各方面的意见也是一致的。", LATER]
    parts.insert([0, 2, 3][where], inner)
    text = "".join(parts)
    assert split_repeated_clause(text, load_lm()) == []
