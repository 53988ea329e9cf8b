"""benchmarks.ocr_loss_tally: a lost article's cause is where the text that differs went (invented pages)."""
from __future__ import annotations

from pathlib import Path

from benchmarks.corpora import Case
from benchmarks.ocr_loss_tally import page_report

_A1 = "河湾县今年新建了三座图书馆，藏书十二万册，方便了附近的居民读书看报。"
_A2 = "县文化局负责人表示，将加强管理，让图书馆真正发挥作用，明年还将再建两座。"
_B1 = "西山乡今年修通了五条进村公路，村民出行更加方便，山里的特产也能运出去了。"


def _art(headline: str | None, *paras: str) -> dict:
    return {"headline": headline, "paragraphs": list(paras), "byline": [], "captions": []}


def _report(pred: list[dict]) -> tuple[dict, list[str]]:
    gold = {"articles": [_art("河湾县新建三座图书馆", _A1, _A2), _art("西山乡修通进村公路", _B1)], "noise": []}
    case = Case("invented", "000", Path("000.txt"), b"", gold)
    return page_report(case, {"articles": pred, "noise": []})


def test_two_articles_read_as_one_are_both_lost_as_merged() -> None:
    t, lines = _report([_art("河湾县新建三座图书馆", _A1, _A2, _B1)])
    assert (t["found"], t["MERGED"]) == (0, 2)
    assert len(lines) == 2


def test_an_article_whose_paragraph_opens_an_untitled_item_is_lost_as_split() -> None:
    t, lines = _report([_art("河湾县新建三座图书馆", _A1), _art(None, _A2), _art("西山乡修通进村公路", _B1)])
    assert (t["found"], t["SPLIT"]) == (1, 1)
    assert lines[0].startswith("SPLIT") and "'how': ['para']" in lines[0]


def test_a_paragraph_joined_into_the_wrong_place_of_its_own_article_is_order() -> None:
    cut = _A1.index("，方便")
    t, _ = _report([_art("河湾县新建三座图书馆", _A1[:cut] + _A2, _A1[cut:]), _art("西山乡修通进村公路", _B1)])
    assert (t["found"], t["ORDER"]) == (1, 1)
