"""seg30: open specs of session 29 fixed in `segment` (names kept from their files), with unit tests of each rule.

Pages are invented (no corpus or sample text).
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import NOISE
from layoutfix.stages.segment.roles import spaced_line_under_title


def _noise(page) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(n if isinstance(n, str) else str(n) for n in page.noise)


# ---------------------------------------------------------------------------------------------------------------
# review29a 13: a spaced two-phrase line under a title
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_spaced_two_phrase_line_under_a_title_is_not_noise() -> None:
    """'## 高山流水' over '江南 春色' (a second title line of two phrases set apart by a space, as feature pages print
    them) over the text. Expected: the line kept (subheadline, or the body's first line). Got: noise (OCR debris)."""
    page = layoutfix.clean("## 高山流水\n\n江南 春色\n\n这是一场精彩的音乐会，演奏家们用古琴和琵琶演绎了多首名曲。\n\n观众们报以热烈的掌声。\n")
    assert "江南" not in _noise(page), _noise(page)


def test_a_two_phrase_line_opens_the_body_and_scraps_so_spaced_stay_noise() -> None:
    page = layoutfix.clean("## 山城夜色\n\n北国 风光\n\n入夜以后，山城的街道亮起了灯，游人沿着江边散步。\n\n夜市一直开到凌晨。\n")
    (it,) = page.items
    assert it.headline == "山城夜色" and it.paragraphs[0] == "北国 风光"
    page = layoutfix.clean("## 山城夜色\n\n者亭 入叶\n\n入夜以后，山城的街道亮起了灯，游人沿着江边散步。\n\n夜市一直开到凌晨。\n")
    assert "者亭" in _noise(page)
    assert all("者亭" not in p for it in page.items for p in it.paragraphs)


def test_spaced_line_under_title_keeps_a_line_of_words_and_drops_scraps() -> None:
    lm = load_lm(None)
    assert spaced_line_under_title("江南 春色", lm) == "lead"
    assert spaced_line_under_title("高原 雪莲 盛开", lm) == "lead"
    assert spaced_line_under_title("者亭 入叶", lm) == NOISE      # no word
    assert spaced_line_under_title("队伍革 分求快", lm) == NOISE  # a word in one scrap is not enough
    assert spaced_line_under_title("江南 春色", None) == NOISE    # without a model, as before
