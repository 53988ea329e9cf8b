"""An outlet's '<outlet>消息' lead-in is the dateline (`patterns.DATELINE`): web and broadcast outlets, digests."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import patterns


@pytest.mark.parametrize("lead, dateline", [
    ("河湾网消息：", "河湾网消息"),
    ("河湾电视台消息（晚间新闻）：", "河湾电视台消息（晚间新闻）"),
    ("本报综合消息 ", "本报综合消息"),
])
def test_an_outlets_news_lead_in_is_lifted_as_the_dateline(lead: str, dateline: str) -> None:
    page = layoutfix.clean(f"## 河湾县迎来降雪\n\n{lead}河湾县昨天迎来入冬第一场雪，部分路段交通受阻。\n")
    (it,) = page.items
    assert it.dateline == dateline
    assert it.paragraphs == ("河湾县昨天迎来入冬第一场雪，部分路段交通受阻。",)


@pytest.mark.parametrize("text", ["好消息：河湾县的桥通车了", "最新消息：河湾县", "河湾电视台消息称，河湾县",
                                  "这条消息：河湾县"])
def test_a_sentence_about_news_is_no_dateline(text: str) -> None:
    assert patterns.DATELINE.match(text) is None
