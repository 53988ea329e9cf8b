"""A column's name opened by a bullet ('■某某观察') over a title is the section, as a plain label is."""
from __future__ import annotations

import pytest

import layoutfix


@pytest.mark.parametrize("label", ["■河湾观察", "◆乡村视窗"])
def test_a_column_name_opened_by_a_bullet_over_a_title_is_the_section(label: str) -> None:
    page = layoutfix.clean(f"{label}\n\n河湾县新修步道\n\n本报讯 河湾县新修的步道今天开放。\n")
    (it,) = page.items
    assert (it.section, it.headline) == (label, "河湾县新修步道")
