"""A row of figures printed again, misread, at the start of the next line (`_row_copy`)."""
from __future__ import annotations

import re as _re
from typing import Final

from rapidfuzz.distance import Indel, Levenshtein

from .common import _CLOSING, _NOT_DIGIT, _same_figures, content

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


ROW_MIN, ROW_MAX = 6, 40  # letters, digits and Han of a row of figures (a line of data, a date line)
_DIGIT: Final = _re.compile("[0-9]")


def _figure_row(text: str) -> str | None:
    """The content form of a line that is a short row of figures (at least half digits); None for other lines."""
    if len(text) > 2 * ROW_MAX:
        return None
    digits = _ascii_digits(text)  # (normalize has made every digit ASCII)
    if 2 * digits < ROW_MIN:
        return None
    row = content(text)
    if not ROW_MIN <= len(row) <= ROW_MAX or 2 * digits < len(row):
        return None
    return row


def _ascii_digits(text: str) -> int:
    """How many of `text`'s characters are ASCII digits (`len(_DIGIT.findall(text))`): its ASCII characters are taken
    out in one C call and their digits deleted (no list of one string per digit; dedup asks it of every line)."""
    ascii_chars = text.encode("ascii", "ignore")
    return len(ascii_chars) - len(ascii_chars.translate(None, b"0123456789"))


def _row_copy(row: str, text: str) -> tuple[int, int]:
    """(length, edit distance) of a misread copy of the row of figures `row` (content form) opening `text`.

    Figures carry no Han characters to align on, so the copy is what of the
    line's start lies closest (fewest edits) to the row: at most one edit in
    seven, ending on the row's last character, never a digit read as another
    digit (that is another number: '1990年7月' / '1990年8月') nor a digit lost
    or added ('1990年12月' / '1990年2月'; only a long row of figures may lose
    one, `_one_digit_lost`), followed by new
    text; a line that opens with the row verbatim has none (a line may open
    with the figures of the one before). (0, 0) when there is none.
    """
    j, d, _ = _row_copy_of(row, text)
    return j, d


def _row_copy_of(row: str, text: str) -> tuple[int, int, bool | None]:
    """`_row_copy`, and whether the copy it found is the row with a whole figure lost (`_figure_lost`, asked of the
    copy here): None when that was not asked (a copy of the row's end, or one that lost a digit of a long row), so
    `garbled` asks it once, not again of the same pair."""
    n = len(row)
    pos = [i for i, c in enumerate(text[:3 * n]) if c.isalnum()]  # where the head's letters, digits and Han are
    if "".join(text[i] for i in pos[:n]) == row:
        return 0, 0, None
    cutoff = max(1, n // 7)
    best = (0, cutoff + 1)
    lost: bool | None = None
    for m in range(max(ROW_MIN, n - cutoff), min(len(pos), n + cutoff) + 1):  # content characters of the copy
        j = pos[m - 1] + 1
        copy = "".join(text[i] for i in pos[:m])
        if copy[-1] != row[-1]:
            continue
        d = Levenshtein.distance(row, copy, score_cutoff=cutoff)
        if d >= best[1]:
            continue
        if any(op.tag == "replace" and row[op.src_pos].isdigit() and copy[op.dest_pos].isdigit()
               for op in Levenshtein.editops(row, copy)):
            continue
        same = _same_figures(row, copy)
        digit_lost = not same and _one_digit_lost(row, copy)
        if not same and not digit_lost and not _figure_lost(row, copy):
            continue  # a digit lost or added makes another figure ('1998年11月1日' / '1998年1月1日')
        rest = text[j:j + 8].lstrip()
        if not rest or rest[0] in _CLOSING or sum(c.isalnum() for c in rest[:4]) < 2:
            continue
        best = (j, d)
        lost = False if same else None if digit_lost else True  # (`copy` is content(text[:j]): its letters, digits, Han)
    if best[0]:
        return best[0], best[1], lost
    return (*_tail_copy(row, text, pos), None)


def _tail_copy(row: str, text: str, pos: list[int]) -> tuple[int, int]:
    """(length, 1) of a copy of the end of the row of figures `row` opening `text`, misread by one character
    lost (a copy repeats the end of a line as often as the whole line); (0, 0) when there is none.

    Only a long run of figures counts: the copy holds LONG_FIGURES digits or more, ends on the row's last
    character, and is the row's end with one character lost (`_one_digit_lost` when it is a digit), so no
    figure is another; new text follows it. The row's end printed as is is no copy (as for a whole row). (`pos`: where `text`'s letters, digits and Han are.)
    """
    n = len(row)
    for m in range(n - 2, LONG_FIGURES - 1, -1):  # content characters of the copy, longest first
        if m > len(pos) - 2:
            continue
        copy = "".join(text[i] for i in pos[:m])
        if copy == row[-m:]:
            return 0, 0  # the row's end printed as is: a line may open with the figures of the one before
        end = row[-(m + 1):]
        if copy[-1] != row[-1] or Indel.distance(end, copy) != 1:
            continue
        if not _one_digit_lost(end, copy) and not _same_figures(end, copy):
            continue
        j = pos[m - 1] + 1
        rest = text[j:j + 8].lstrip()
        if rest and rest[0] not in _CLOSING and sum(c.isalnum() for c in rest[:4]) >= 2:
            return j, 1
    return 0, 0


LONG_FIGURES: Final = 12  # digits of a row in which one digit lost is a misreading rather than another figure


def _one_digit_lost(row: str, copy: str) -> bool:
    """Whether `copy` holds the digits of `row` in order but one, `row` holding LONG_FIGURES digits or more.

    A date or an amount that lost a digit is another one ('1998年11月' / '1998年1月'); a long run of
    figures (a code, a row of a table) read again next door and short of one digit is the same row misread.
    """
    a, b = _NOT_DIGIT.sub("", row), _NOT_DIGIT.sub("", copy)
    # (a run of one or two repeated digits, '000000000000', says nothing about which row it is)
    return len(a) >= LONG_FIGURES and len(b) == len(a) - 1 and len(set(a)) >= 3 and Indel.distance(a, b) == 1


_DIGITS: Final = _re.compile("[0-9]+")


def _figure_lost(row: str, copy: str) -> bool:
    """Whether `copy` is `row` (content forms) with one whole figure left out between two other characters, the
    unit after it kept ('1988年7月' / '1988年月').

    A digit lost inside a figure leaves another figure ('1998年11月' / '1998年1月'); a figure lost whole leaves
    its unit with no number ('年月'), which no line of text opens with as a figure of its own: OCR lost it.
    """
    for m in _DIGITS.finditer(row):
        if 0 < m.start() and m.end() < len(row) and row[:m.start()] + row[m.end():] == copy:
            return True
    return False
