"""seg29: the heading model's `parallel` feature: the first of an article's subheads has a twin ahead, set as it is
(review28a: the first of two parallel subheads opened a new article). Invented text only."""
from __future__ import annotations

from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.headings import parallel_ahead

_BODY = "镇上新修了卫生院，居民看病不用再跑远路。"


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(texts)]


def _ahead(first: str, second: str, under: str = _BODY) -> bool:
    blocks = _blocks(_BODY, first, _BODY, second, under)
    return parallel_ahead(blocks, [TEXT, TITLE, TEXT, TITLE, TEXT], 1)


def test_a_heading_with_a_twin_of_its_length_and_wording_ahead_is_parallel() -> None:
    assert _ahead("看病更方便了", "上学更安心了")  # (the same length, 更 and 了 in the same places)
    assert _ahead("【看病方便】", "【出行顺畅】")  # (the same marks at both ends)
    assert _ahead("■卫生院建成", "■学校扩建完")


def test_a_heading_whose_next_heading_is_set_otherwise_or_opens_a_dated_report_is_not() -> None:
    assert not _ahead("看病更方便了", "上学更加安心了")  # (another length)
    assert not _ahead("看病更方便了", "学校扩建完工")  # (no character in the same place)
    assert not _ahead("【看病方便】", "出行很顺畅啊")  # (other marks)
    assert not _ahead("看病更方便了", "上学更安心了", under="本报讯 市里新建学校三所。")  # (a new report's title)


def test_a_heading_with_no_heading_ahead_past_body_text_is_not() -> None:
    blocks = _blocks(_BODY, "看病更方便了", _BODY)
    assert not parallel_ahead(blocks, [TEXT, TITLE, TEXT], 1)

