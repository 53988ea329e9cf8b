"""Specification: `resources.unseen_pages.records(title_apart=True)` prints an article's title once, as its
headline: the first paragraph loses the title's characters and keeps the rest of the text in order."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.resources.unseen_pages import records

SENTENCES = ["今天天气很好。", "我们去公园散步吧！", "孩子们在草地上放风筝。", "你明天还来吗？", "晚饭后大家一起看书。"]


def test_the_title_is_taken_off_the_first_paragraph() -> None:
    (rec,) = records(["生活\t" + "".join(SENTENCES)], seed=1, title_apart=True)
    title, *paras = rec["paragraphs"]
    assert rec["title_guess"] == title and not paras[0].startswith(title)
    assert title + "".join(paras) == "".join(SENTENCES)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=30), st.integers(0, 99))
def test_title_and_paragraphs_are_the_text_s_opening_in_order(sents: list[str], seed: int) -> None:
    for rec in records(["类\t" + "".join(sents)], seed, title_apart=True):
        title, *paras = rec["paragraphs"]
        assert "".join(sents).startswith(title + "".join(paras)) and paras
