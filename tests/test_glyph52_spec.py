"""Session 52's glyph specs (glyph52), invented text.

A lower-case letter glued before digits between Chinese characters is debris, and the stray rule removed the
letter with every digit after it. Where the digits are the text's own figure (one or two before a word that follows
numerals) the letter goes and the figure stays, and the edit log says why. A longer run goes whole, as before
(review52c: splitting it after the debris' length turned real long figures into other, believable ones).
"""
from __future__ import annotations

from layoutfix.stages.glyphs import fix_changes


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def reasons(text: str) -> list[str]:
    return [c.reason for step in fix_changes(text)[1] for c in step]


def test_a_letter_and_a_four_digit_number_still_go_together() -> None:
    # debris of a letter and a number (1-9999) glued into running text goes whole, before a measure word too
    assert fixed("这座新桥按规划能用上m3047年之久。") == "这座新桥按规划能用上年之久。"
    assert fixed("果园里的梨树c5291已经开花了。") == "果园里的梨树已经开花了。"


def test_a_letter_before_a_short_figure_and_its_measure_word_goes_alone() -> None:
    # one or two digits before a measure word or unit are the text's figure: only the letter is debris
    assert fixed("这座新桥按规划能用上m30年之久。") == "这座新桥按规划能用上30年之久。"
    assert fixed("老人从口袋里掏出x15美元递给孙子。") == "老人从口袋里掏出15美元递给孙子。"
    assert any("'m' is debris glued before the figure '30' ('年' follows numerals" in r
               for r in reasons("这座新桥按规划能用上m30年之久。"))


def test_short_digits_before_no_measure_word_still_go_with_the_letter() -> None:
    # without a measure word after them, a letter and two digits are debris as printed (听说后u22送来)
    assert fixed("邻居们听说后u22送来几筐苹果。") == "邻居们听说后送来几筐苹果。"


def test_a_longer_run_after_the_letter_is_not_split() -> None:
    # three digits before a measure word still go with the letter (the shortest right debris of this shape), and a
    # long run is never cut into a shorter figure (达到m12345元 must not become 达到5元)
    assert fixed("这座新桥按规划能用上m651年之久。") == "这座新桥按规划能用上年之久。"
    assert "5元" not in fixed("该楼盘均价达到m12345元每平方米。")
    assert "2345678号码" not in fixed("请拨打热线电话m13812345678号码。")
