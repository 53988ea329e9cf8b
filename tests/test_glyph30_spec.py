"""Session 30's glyph specs (glyph30), invented text.

A look-alike inside a garbled repeat of the clause beside it is no evidence of a misreading of the running
text: the copy is noise `dedup` left, and "fixing" one character of it is a false correction (the largest
class of wrong look-alikes on fresh tuning-day pages).
"""
from __future__ import annotations

from layoutfix.stages.glyphs import fix_changes


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def test_a_short_exact_copy_with_no_mark_between_is_a_garbled_repeat_not_a_misreading() -> None:
    # '评审委负会' is misread '评审委员会' in running text and is fixed there ...
    assert fixed("该方案经评审委负会审定后实施。") == "该方案经评审委员会审定后实施。"
    # ... but where the fix would only make 评审委员会评审委员会 (five characters twice, nothing between), the first
    # copy is a garbled repeat: left as printed
    tandem = "该方案经评审委负会评审委员会审定后实施。"
    assert fixed(tandem) == tandem


def test_a_garbled_repeat_sharing_no_four_characters_with_its_copy_is_still_a_repeat() -> None:
    # the copy '全县各绒颁导于部深入农户走访，' matches '全县各级领导干部深入农户走访。' at 12 of 15 places, but the
    # fix would share no four characters in a row with it: the two characters 领导 it makes find the copy
    assert fixed("要求全县各绒颁导干部深入农户走访。") == "要求全县各绒领导干部深入农户走访。"
    repeat = "要求全县各绒颁导于部深入农户走访，全县各级领导干部深入农户走访。"
    assert fixed(repeat) == repeat


def test_a_syllable_of_a_transliterated_name_is_not_read_as_a_common_words_look_alike() -> None:
    # 莱 is common in the dictionary's transliterated names ('nrt'), 茉 in none, and 莉 beside it is common there
    # too: a foreign name printed right, not a misread 茉莉 (the price: a real 茉莉 misread so stays)
    name = "参加比赛的还有法国选手莱莉和德国选手安娜。"
    assert fixed(name) == name
