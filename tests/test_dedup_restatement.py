"""A lead that says its plain title again without one of its words is a restatement, not a garbled copy of the title
(`dedup.garbled._drops_a_word`): misreading loses scattered characters, not a dictionary word whole."""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup.garbled import _drops_a_word

LM = load_lm(None)


def test_a_word_left_out_whole_is_a_restatement() -> None:
    assert _drops_a_word(LM, "河湾公园完成改造", "河湾公园改造")


def test_scattered_losses_or_a_changed_character_are_no_restatement() -> None:
    assert not _drops_a_word(LM, "河湾公园完成改造", "河公园完成改")      # two characters lost apart
    assert not _drops_a_word(LM, "河湾公园完成改造", "河湾公园完城改造")  # a look-alike read for another
    assert not _drops_a_word(LM, "河湾公园完成改造", "公园完成改造")      # the start lost: a cut, not a rewording


def test_the_leads_opening_stays_in_the_lead() -> None:
    page = layoutfix.clean("河湾县新闻\n\n河湾公园完成提质改造\n河湾公园提质改造工程近日完工，新增绿地两万平方米。\n")
    assert page.items[-1].paragraphs[0].startswith("河湾公园提质改造工程")
    assert not page.noise
