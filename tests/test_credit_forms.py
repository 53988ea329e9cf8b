"""Photo credits in the forms papers print beside the classic '本报记者 某甲 摄' (`patterns.split_credit`), and a
page's one credit line for all its photos (page furniture)."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import patterns

CAPTION = "村民在河湾县新修的步道上散步。"


@pytest.mark.parametrize("credit, names", [
    ("（新华社发 林一帆 摄）", ["林一帆"]),   # a wire photo: the sending agency before the photographer
    ("林一帆/摄", ["林一帆"]),
    ("（图片由河湾县文旅局提供）", []),       # supplied by its owner: no photographer
    ("（河湾图库供图）", []),
])
def test_a_credit_in_another_form_splits_off_its_caption(credit: str, names: list[str]) -> None:
    caption, got = patterns.split_credit(f"{CAPTION} {credit}")
    assert caption == CAPTION and got == credit and patterns.names_in(got) == names


def test_a_sentence_that_says_a_picture_was_supplied_is_no_credit() -> None:
    assert patterns.split_credit("他说这张图片由朋友提供") is None


@pytest.mark.parametrize("line", ["（本版图片均由河湾县文旅局提供）", "本版稿件由河湾县文旅局供稿"])
def test_a_pages_own_credit_line_is_furniture(line: str) -> None:
    page = layoutfix.clean(f"## 河湾县新修步道\n\n本报讯 {CAPTION}\n\n{line}\n")
    assert page.items[0].paragraphs == (CAPTION,)
    assert patterns.is_furniture(line)
