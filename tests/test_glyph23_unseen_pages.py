"""Specification: `resources.unseen_pages.records` turns `label<TAB>text` news lines into the synthesizer's article
records: titled, dated over the tuning days, the text's sentences kept in order in paragraphs of two to four."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.resources.unseen_pages import records

SENTENCES = ["今天天气很好。", "我们去公园散步吧！", "孩子们在草地上放风筝。", "你明天还来吗？", "晚饭后大家一起看书。"]


def test_an_article_becomes_one_titled_record_of_the_tuning_days() -> None:
    line = "生活\t" + "".join(SENTENCES)
    (rec,) = records([line], seed=1)
    assert "19980101" <= rec["date"] <= "19980116"
    title, *paras = rec["paragraphs"]
    assert rec["title_guess"] == title and paras[0].startswith(title)
    assert "".join(paras) == "".join(SENTENCES)
    assert all(2 <= sum(p.count(m) for m in "。！？") <= 4 for p in paras[:-1])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=30), st.integers(0, 99))
def test_paragraphs_keep_the_text_s_sentences_in_order(sents: list[str], seed: int) -> None:
    out = records(["类\t" + "".join(sents)], seed)
    for rec in out:  # a title shorter than four characters leaves the article out
        body = "".join(rec["paragraphs"][1:])
        assert "".join(sents).startswith(body) and body
