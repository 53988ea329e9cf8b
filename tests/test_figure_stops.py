"""A half-width stop closing a paragraph after a figure is its sentence's end, unless the text after it goes on
with digits: a decimal cut at a column break (`normalize.figure_stops`)."""
from __future__ import annotations

import layoutfix


def test_a_stop_after_a_figure_ending_a_paragraph_is_its_end() -> None:
    (it,) = layoutfix.clean("## 河湾县运动会\n\n本报讯 河湾县运动会开幕，参赛人数达1200.\n\n"
                            "组委会表示，比赛将持续三天。\n").items
    assert it.paragraphs == ("河湾县运动会开幕，参赛人数达1200。", "组委会表示，比赛将持续三天。")


def test_a_decimal_cut_at_a_column_break_is_left_for_flow_to_join() -> None:
    (it,) = layoutfix.clean("## 河湾县咖啡园\n\n本报讯 河湾县咖啡园一年可产咖啡豆2.\n\n"
                            "8吨，销往全国各地。\n").items
    assert it.paragraphs == ("河湾县咖啡园一年可产咖啡豆2.8吨，销往全国各地。",)
