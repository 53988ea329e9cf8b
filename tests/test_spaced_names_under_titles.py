"""A line of names set apart by spaces right under a title, over body text, is kept as the body's first line (the
corpus gold's convention for a name line under a title), never sent to noise as debris."""
from __future__ import annotations

import layoutfix


def test_spaced_names_under_a_title_stay_with_the_article() -> None:
    page = layoutfix.clean("## 河湾县图书馆开放\n\n林一帆 方小河\n\n河湾县新建的图书馆今天正式开放，首批藏书五万册。\n")
    (it,) = page.items
    assert it.paragraphs[0] == "林一帆 方小河" and not page.noise
