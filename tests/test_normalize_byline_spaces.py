"""In a byline after a dateline, a space between names or between a role word and a name is the printer's; a line
wrap inside a name is not (no name is one character), nor is a space before 报道."""
from __future__ import annotations

import pytest

from layoutfix.config import Config
from layoutfix.model import TEXT, Block
from layoutfix.stages.normalize import name_separators, normalize_block


def norm(text: str) -> str:
    return normalize_block(Block(0, text, 1, TEXT), Config())[0].text


@pytest.mark.parametrize("raw, clean", [
    ("本报东川3月2日电记者林 青松报道:东川县今年新修了三条公路,沿线村民出行方便多了。",
     "本报东川3月2日电记者林青松报道：东川县今年新修了三条公路，沿线村民出行方便多了。"),
    ("本报东川3月2日电记者林青 松、周明报道:东川县今年新修了三条公路。",
     "本报东川3月2日电记者林青松、周明报道：东川县今年新修了三条公路。"),
    ("本报东川3月2日电记者林青松、周明 报道:东川县今年新修了三条公路。",
     "本报东川3月2日电记者林青松、周明报道：东川县今年新修了三条公路。"),
    ("本报讯(记 者林青松)东川县今年新修了三条公路。", "本报讯（记者林青松）东川县今年新修了三条公路。"),
    ("本报讯(记者 周  明)东川县今年新修了三条公路。", "本报讯（记者 周明）东川县今年新修了三条公路。"),
])
def test_a_wrap_inside_a_byline_name_goes(raw: str, clean: str) -> None:
    assert norm(raw) == clean


def test_spaces_between_names_and_roles_stay() -> None:
    assert norm("本报讯(记者 林青松 通讯员 周明)东川县今年新修了三条公路。") == \
        "本报讯（记者 林青松 通讯员 周明）东川县今年新修了三条公路。"


def test_name_separators_names_each_space_run_it_keeps() -> None:
    text = "记者 林青松 通讯员 周明"
    assert name_separators(text, 0, len(text)) == [(2, 3), (6, 7), (10, 11)]
    assert name_separators("记者林 青松", 0, 6) == []
