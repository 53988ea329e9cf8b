"""Reporters named after the dateline with spaces and no bracket ('本报讯 记者 某甲 <text>') are the byline."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import patterns

BODY = "河湾县新建的图书馆今天正式开放，首批藏书五万册。"


@pytest.mark.parametrize("lead, names", [
    ("本报讯 记者 林一帆 ", ("林一帆",)),
    ("本报讯\u3000记者林一帆\u3000通讯员方小河\u3000", ("林一帆", "方小河")),
])
def test_spaced_role_and_names_after_the_dateline_are_the_byline(lead: str, names: tuple[str, ...]) -> None:
    (it,) = layoutfix.clean(f"## 河湾县图书馆开放\n\n{lead}{BODY}\n").items
    assert (it.dateline, it.byline, it.paragraphs) == ("本报讯", names, (BODY,))


def test_a_wrapped_sentence_after_the_dateline_is_no_byline() -> None:
    # a word runs across the space after the would-be name (教育): a line wrap inside the sentence
    assert patterns.dateline_of("本报讯 记者从市教 育局获悉，河湾县") == ("本报讯", [], 3)
