"""dedup: a misread copy of the END of a long row of figures opening the next line goes to noise.

A copy repeats the end of a line as often as the whole line. Figures carry no Han to align on, so only a long
run counts (LONG_FIGURES digits or more), ending on the row's last character, one character lost; a figure
changed, or the row's end printed as is, is no copy.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix import Config
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.rows import LONG_FIGURES, _figure_row, _row_copy
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

ROW = "甲类指数812.36815.441290.07788.15"       # an invented row of a market table
END_LOST = "2.36815.41290.07788.15"              # its end, one digit (a 4) lost
NEXT = "乙类指数55.1255.30612.48530.77"


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def test_the_end_of_a_row_copied_with_a_digit_lost_goes_to_noise() -> None:
    page = run(f"{ROW}\n\n{END_LOST} {NEXT}\n")
    assert [n.text for n in page.noise] == [END_LOST]
    assert [b.text.strip() for b in page.blocks] == [ROW, NEXT]
    [edit] = [e for e in page.edits if e.stage == "dedup"]
    assert edit.kind == "to_noise" and "row of figures at line 1" in edit.reason
    assert not page.unaccounted()


def test_the_end_printed_as_is_or_with_another_figure_is_no_copy() -> None:
    row = _figure_row(ROW)
    assert row is not None
    assert _row_copy(row, f"2.36815.441290.07788.15 {NEXT}") == (0, 0)   # as printed: the figures again
    assert _row_copy(row, f"2.36815.491290.07788.15 {NEXT}") == (0, 0)   # a 4 read as a 9: another figure
    assert _row_copy(row, f"{NEXT}") == (0, 0)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=20))
def test_a_short_run_of_figures_is_never_taken_for_a_copy_of_a_row_end(cut: int) -> None:
    # fewer than LONG_FIGURES digits: a date or an amount that lost a digit is another one
    row = _figure_row(ROW)
    assert row is not None
    digits = "".join(c for c in row if c.isdigit())
    short = digits[-(LONG_FIGURES - 1):]
    lost = short[:cut % len(short)] + short[cut % len(short) + 1:]
    j, _ = _row_copy(row, f"{lost}万元 本年累计增长明显")
    assert j == 0
