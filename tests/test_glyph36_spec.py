"""Session 36's glyph specs (glyph36), invented text.

Near the bar the learned decision makes a look-alike fix that completes any dictionary word; a word of two or three
characters that running text rarely uses, put in place of a character mostly held by names, is a name printed
right, not a misread one (`glyphs.rare_words`).
"""
from __future__ import annotations

from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import fix_changes
from layoutfix.stages.glyphs import rare_words
from layoutfix.stages.glyphs.rare_words import name_share, rare_short_word
from layoutfix.wordfreqs import ZipfTable, zipf_table


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def test_a_given_name_is_not_turned_into_a_rare_name_of_the_dictionary() -> None:
    # 熊 stands mostly in names; its look-alike 鼎 only completes a rare three-character name of the dictionary
    assert name_share("熊") >= rare_words.NAME_LIKE
    assert fixed("本周梅文熊提醒大家注意安全。") == "本周梅文熊提醒大家注意安全。"


def test_the_guard_is_off_when_its_setting_is_none(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rare_words, "RARE_SHORT_GUARD", None)
    assert fixed("本周梅文熊提醒大家注意安全。") == "本周梅文鼎提醒大家注意安全。"


def test_a_common_character_read_in_a_name_is_still_mended() -> None:
    # 鸡 is a common word's character, seldom a name's: the name the look-alike completes is given back
    assert name_share("鸡") < rare_words.NAME_LIKE
    assert fixed("本周李凤鸡提醒大家注意安全。") == "本周李凤鸣提醒大家注意安全。"


def test_what_the_guard_asks_of_a_fix() -> None:
    lm = load_lm()
    table = zipf_table()
    known = lm.logp
    run = "本周梅文熊提醒"
    assert rare_short_word(run, 4, "鼎", known, table, 2.0, 4)
    # a look-alike less name-like than the printed character it replaces in a name: a misreading, mended
    assert not rare_short_word("本周李凤鸡提醒", 4, "鸣", known, table, 2.0, 4)
    # a word of running text at the floor or above is evidence enough
    assert not rare_short_word(run, 4, "鼎", known, table, 0.0, 4)
    # a word as long as `length` matches enough printed characters, however rare
    assert not rare_short_word(run, 4, "鼎", known, table, 2.0, 3)
    # without wordfreq's list nothing is refused
    assert not rare_short_word(run, 4, "鼎", known, ZipfTable(()), 2.0, 4)


def test_the_name_share_is_the_models_own() -> None:
    from layoutfix.lm import name_shares

    shares = name_shares()
    for c in "熊鼎鸡鸣的国" + "\u3400":
        assert abs(name_share(c) - shares.get(c, 0.25)) < 1e-12


def test_a_common_characters_misreading_in_a_name_is_still_mended():
    """The guard asks the printed character to be mostly a name's (`NAME_LIKE`): a common character such as 干, read
    for the 千 of an invented given name, is no name's character, so the fix that gives the name back stands."""
    lm = load_lm()
    assert not rare_short_word("本周严干帆提醒", 3, "千", lm.logp, zipf_table(), 2.0, 4)
