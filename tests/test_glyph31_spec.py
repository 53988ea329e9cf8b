"""Session 31's glyph specs (glyph31), invented text.

Three shapes where a "fix" was false on development pages: a doubled character at the end of its block (the
word its second copy opens goes on past the block), letters before a web address that a wrap space cut, and a
look-alike that would complete a copy of a piece of text printed twice across a clause mark.
"""
from __future__ import annotations

from layoutfix.stages.glyphs import fix_changes


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def test_a_doubled_character_ending_its_block_is_kept() -> None:
    # inside a sentence the second 厂 stands alone after 电厂 and goes ...
    assert fixed("新建的东湖电厂厂，今年投产。") == "新建的东湖电厂，今年投产。"
    # ... but a block (a table cell, a line cut off) ending in it may go on with 长 elsewhere: left as printed
    cell = "新建的东湖电厂厂"
    assert fixed(cell) == cell


def test_letters_before_a_web_address_cut_by_a_wrap_space_are_kept() -> None:
    # letters glued after the clause's last Chinese character before its mark are debris ...
    assert fixed("详情请见官方网站abc。") == "详情请见官方网站。"
    # ... but a stop that a space and a letter or digit follow is inside an address ('abc.12cd.com' cut by a wrap
    # space), as one glued to them is
    address = "详情请见官方网站abc. 12cd.com"
    assert fixed(address) == address


def test_a_look_alike_completing_a_copy_that_runs_across_a_clause_mark_is_left() -> None:
    # 小极凳 is a misread 小板凳 in running text, and is fixed there ...
    assert fixed("孩子们搬来小极凳，把老师团团围住。") == "孩子们搬来小板凳，把老师团团围住。"
    # ... but where the fix would make '小板凳，把' twice in a row (a piece from inside one clause into the next,
    # printed again: a garbled repeat), the copy is left as printed
    repeat = "孩子们搬来小极凳，把小板凳，把老师团团围住。"
    assert fixed(repeat) == repeat
    # a clause repeated with its own mark is a parallel printed on purpose: the misread copy is still fixed
    assert fixed("他们拿起小板凳，拿起小极凳，走向会场。") == "他们拿起小板凳，拿起小板凳，走向会场。"


def test_a_lone_letter_glued_before_a_date_goes_and_the_date_stays() -> None:
    # a lower-case letter and digits glued between Chinese characters are debris together ...
    assert fixed("上半年经济平稳，继c5291泰铢贬值后") == "上半年经济平稳，继泰铢贬值后"
    # ... but digits that read as a month before 月 (or a day before 日) are the text's date: only the letter goes
    assert fixed("上半年经济平稳，继c7月2日泰铢贬值后") == "上半年经济平稳，继7月2日泰铢贬值后"
