"""Session 33's glyph specs (glyph33), invented text.

A look-alike inside a short garbled repeat: a piece of 6-7 characters printed just before the text it repeats,
misread in more than one place, so that the look-alike would bring it only to one place off the copy after it.
Such a fix was wrong on every tuning page where it was made (the gold keeps a garbled repeat as printed); an exact
copy (a clause printed twice on purpose), a fix in the second copy and a shorter repeated term are judged as before.
"""
from __future__ import annotations

from layoutfix.stages.glyphs import COPY_GUARD, fix_changes
from layoutfix.stages.glyphs import copies


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def test_a_look_alike_leaving_a_short_repeat_one_place_off_the_text_after_it_is_left() -> None:
    # in running text 工怍 is a misread 工作, and is fixed ...
    assert fixed("大家都认为城市绿化工怍做得很好。") == "大家都认为城市绿化工作做得很好。"
    # ... but printed just before '城市绿化工作做…', the fix would make '城市绿化工作，' one place off the seven
    # characters after it: a garbled repeat of the text that follows (its mark is garbled too), left as printed
    repeat = "大家都认为城市绿化工怍，城市绿化工作做得很好。"
    assert fixed(repeat) == repeat
    assert fixed("全省的扶贫开发工怍，扶贫开发工作取得新进展。") == "全省的扶贫开发工怍，扶贫开发工作取得新进展。"
    # the misreading in the second of the two copies: the first, printed right, vouches for the fix
    assert fixed("大家都认为城市绿化工作，城市绿化工怍做得很好。") == "大家都认为城市绿化工作，城市绿化工作做得很好。"
    # a term of four characters printed again after its mark (five apart): a term printed twice, fixed
    assert fixed("大家都说要抓好农业机诫，农业机械化水平提高了。") == "大家都说要抓好农业机械，农业机械化水平提高了。"


def test_near_copy_is_the_rule_that_decides() -> None:
    text = "大家都认为城市绿化工怍，城市绿化工作做得很好。"
    pos = text.index("怍")
    assert copies.NEAR_COPY == 6
    assert copies._makes_copy(text, pos, "作", *COPY_GUARD)
    old = copies.NEAR_COPY
    try:
        copies.NEAR_COPY = None
        assert not copies._makes_copy(text, pos, "作", *COPY_GUARD)
    finally:
        copies.NEAR_COPY = old
