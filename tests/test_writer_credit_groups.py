"""Writer and photographer credits printed as groups of a name and its mark (`patterns.classic_form`): the names
are the byline; a line that credits pictures only stays a photo credit."""
from __future__ import annotations

import pytest

from layoutfix import patterns


@pytest.mark.parametrize("line, names", [
    ("文/林一帆 图/方小河", ["林一帆", "方小河"]),
    ("本报记者 林一帆/文 方小河/图", ["林一帆", "方小河"]),
    ("本报记者 林一帆 文 方小河 图", ["林一帆", "方小河"]),
    ("撰文：林一帆 摄影：方小河", ["林一帆", "方小河"]),
])
def test_writer_and_photographer_groups_are_a_byline(line: str, names: list[str]) -> None:
    assert patterns.is_byline(line) and patterns.names_in(line) == names


@pytest.mark.parametrize("line", ["本报记者 林一帆 摄", "图/方小河", "林一帆 摄"])
def test_a_line_crediting_pictures_only_is_no_byline(line: str) -> None:
    assert not patterns.is_byline(line)


def test_one_name_before_a_spaced_text_mark_may_be_a_name_ending_in_it() -> None:
    # '某某 文' alone: a wrap space may cut a name that ends in 文, so one group needs a slash or a colon
    assert patterns.classic_form("新华社记者林一 文") == "新华社记者林一 文"
