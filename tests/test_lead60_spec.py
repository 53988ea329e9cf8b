"""Session 60 (lead): the glyph stage's stray-letter and digit-letter passes answer a text with nothing to read
before they scan it.

Most blocks of a Chinese page hold no Latin letter (and none of O o l I), so `_stray` and `_digits` first ask
for one and return no change without it. These specs pin the claim the pre-tests rest on (the scans find nothing
in such a text) and that each pass with its pre-test gives what the scan alone gives on any text.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import string

from layoutfix.lm import load_lm
from layoutfix.stages.glyphs.common import _pair_counts
from layoutfix.stages.glyphs.digits import _digits, _digits_scan
from layoutfix.stages.glyphs.stray import _stray, _stray_scan

LM = load_lm()
THRESHOLD = 3.0
# Han characters, figures, marks and spaces: what a block without Latin letters is made of
NO_LETTERS = "我们的一年月日人入力刀中国会议0123456789，。、；：！？“”《》（）.,%- \n"
# the same with the letters the passes read (and a few they do not)
WITH_LETTERS = NO_LETTERS + "OolIiabxyzABGDPu"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NO_LETTERS, max_size=60))
@example("近20年来的1998年和2024年，增长3.5%")
def test_without_a_latin_letter_the_stray_scan_finds_nothing(text: str) -> None:
    assert _stray_scan(text, LM, THRESHOLD) == []
    assert _stray(text, LM, THRESHOLD) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=WITH_LETTERS, max_size=60))
@example("我们的a会议")
@example("会议o，中国and人")
@example("某i2月的一年")
def test_the_stray_pass_gives_what_its_scan_gives(text: str) -> None:
    for words in (True, False):
        assert _stray(text, LM, THRESHOLD, words=words) == _stray_scan(text, LM, THRESHOLD, words=words)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=WITH_LETTERS, max_size=60))
@example("我们的a会议")
def test_the_stray_pass_hands_the_documents_pair_counts_to_its_scan(text: str) -> None:
    known = _pair_counts(text + text)  # every pair printed twice: the scan leaves such places as written
    assert _stray(text, LM, THRESHOLD, known) == _stray_scan(text, LM, THRESHOLD, known)
    assert _stray("我们的a会议", LM, THRESHOLD, _pair_counts("我们的a会议" * 2)) == []


# texts where the scan removes or reads a letter put in place of {} (lone capital inside a word, a capital code,
# a lone lower-case letter, a letter before a date, trailing debris)
LETTER_TEMPLATES = ("不{}断", "一{}项", "会议{}6487有所", "我们的{}会议", "年{}2月", "会议{}，")


@given(st.sampled_from(string.ascii_letters))
def test_every_ascii_letter_reaches_the_scan(letter: str) -> None:
    found = False
    for template in LETTER_TEMPLATES:
        text = template.format(letter)
        got = _stray(text, LM, THRESHOLD)
        assert got == _stray_scan(text, LM, THRESHOLD), text
        found = found or bool(got)
    assert found, letter


def test_a_stray_letter_is_still_found_behind_the_pretest() -> None:
    changes = _stray("我们的a会议", LM, THRESHOLD)
    assert [(c.start, c.end, c.after) for c in changes] == [(3, 4, "")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NO_LETTERS + "abxyzABGDPui", max_size=60))
@example("2024年10家1998年，a2b")
def test_without_o_or_l_or_i_the_digit_scan_finds_nothing(text: str) -> None:
    assert _digits_scan(text, LM) == []
    assert _digits(text, LM) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=WITH_LETTERS, max_size=60))
@example("2O24年")
@example("l0家")
@example("1I1年")
def test_the_digit_pass_gives_what_its_scan_gives(text: str) -> None:
    assert _digits(text, LM) == _digits_scan(text, LM)


def test_each_letter_read_as_a_digit_passes_the_pretest() -> None:
    for letter, digit in (("O", "0"), ("o", "0"), ("l", "1"), ("I", "1")):
        changes = _digits(f"有2{letter}24年", LM)
        assert [(c.after, c.before) for c in changes] == [(digit, letter)], letter
