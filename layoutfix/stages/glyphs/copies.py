"""The copy guard: a look-alike that would only complete a tandem copy of the clause beside it (a garbled
repeat `dedup` left) is left as printed (`_makes_copy`).
"""
from __future__ import annotations

import re

from ...textutil import HAN_CLASS

_HAN_ONLY = re.compile(f"[{HAN_CLASS}]+")


COPY_GUARD: tuple[int, int, float, int, int] | None = (2, 24, 0.75, 8, 5)  # (k, span, share, unit, short) of
# `_makes_copy`; None: no guard.
# Session 30 (glyph30): (4, 24, 0.75, 8) -> (2, 24, 0.75, 8, 5). On fresh tuning-day pages (seeds 2, 4, 5, 11) the
# largest class of wrong look-alikes was again a misread character inside a garbled repeat (8 of 18): some had no
# four characters in common with the copy beside them (各绒颁导于部…各级领导干部: two-character seeds find the
# place, the 0.75 share still decides), and some were short exact copies with no mark between (审定委负会审定委员会).
# The change removed 4 of the 8 and no right fix on synthetic tune, fresh seeds 2, 4, 5, 11 or unseen-text pages.
# Session 12: the largest class of wrong look-alikes on the tuning pages (synthetic tune, seed-2, -4 and -6
# pages) was a misread character inside a garbled repeat dedup left (no gold defect there: the copy is noise).
# A plain "some 4 characters recur within 24" test also blocked right fixes of terms printed twice in a
# paragraph (a name of an institution printed twice a clause apart: 3 right fixes lost per folder, 10 on
# real_ocr-tune heavy); the tandem test (the d characters around the first place match the d after it at 0.75)
# lost none of those. A repeated unit under 8 characters is a term or a short clause printed twice on purpose
# ('发展某某，发展某某' with a misread in the second): review12b found the guard refusing right fixes there.


NEAR_COPY: int | None = 6  # a short unit of at least this many characters counts too when the fix sits in the
# first copy and leaves the two different at one place only (`_makes_copy`); None: no such rule.
# Session 33 (glyph33): on the tuning pages' wrong look-alikes the largest synthetic class was again a misread
# character inside a garbled repeat printed just before the text it repeats (7 of 24 wrong fixes on synthetic tune and
# fresh seeds 2, 4, 11, 12, 13), four of them short units of 6-7 characters that the fix would only bring to one
# place off the copy after it (某某资严、某某资产达: the repeat is garbled elsewhere too, so it is no clause printed
# twice on purpose, which an exact copy is). The rule removed those 4 and no right fix there, on synthetic tune,
# unseen-text pages, the real-OCR paragraphs (real_ocr_tune, seed 2), fresh seeds 14 and 15 and unseen-text pages of
# seed 9, FASpell's train file or clean sentences of 01-13..16; at 5 characters it also refused a right fix of a
# four-character term printed twice with a mark between (某某技术，某某技术工作).


CUT_CLAUSE_COPY = True  # a short exact copy whose unit holds a clause mark inside, not at its edge, counts too (glyph31)


def _cut_clause(unit: str) -> bool:
    """Whether `unit`, printed twice in a row, starts and ends with Chinese characters and holds a mark between
    them ('小板凳，把' in '小板凳，把小板凳，把某某'): the repeat runs from inside one clause into the next, so it is no
    clause or term printed twice on purpose ('发展经济，发展经济，' repeats the clause with its mark, which then ends
    the unit), but a piece of text printed again, as a garbled repeat `dedup` left is.

    Why: on fresh tuning-day pages (seed 11) a look-alike completed such a copy ('小极凳，把' -> '小板凳，把' before
    '小板凳，把'), wrong: the gold keeps the garbled copy as printed.
    """
    return bool(_HAN_ONLY.fullmatch(unit[0]) and _HAN_ONLY.fullmatch(unit[-1]) and not _HAN_ONLY.fullmatch(unit))


def _makes_copy(text: str, pos: int, x: str, k: int, span: int, share: float, unit: int,
                short: int | None = None) -> bool:
    """Whether putting `x` at text[pos] completes a tandem copy: some `k` characters over it are printed again
    d (max(`k`, `unit`) <= d <= `span`) characters away, and some d characters holding the first of the two
    places match the d after them, place by place, at `share` or more (...X X'...: a clause printed twice in a
    row, one copy misread). Such a copy is a garbled repeat `dedup` left; a look-alike there is no evidence of a
    misreading of the running text (a term printed twice in a paragraph, other words between, is no tandem).
    `short`: a unit of `short` to `unit` - 1 characters counts too when the two copies are the same Chinese
    characters with no mark between them, or (one of `NEAR_COPY` characters or more) when the fix sits in the first
    copy and leaves the two different at one place only."""
    lo = max(0, pos - 2 * span)
    win = text[lo:pos] + x + text[pos + 1:pos + 2 * span + 1]
    p, n = pos - lo, len(win)
    for s in range(max(0, p - k + 1), min(p, n - k) + 1):
        g = win[s:s + k]
        for j in (win.rfind(g, max(0, s - span), s + k - 1), win.find(g, s + 1, s + span + k)):
            if j == -1 or j == s:
                continue
            a, d = min(s, j), abs(j - s)
            if d < max(k, short if short is not None else unit):
                continue
            # the unit may start anywhere from d - k before the first place to the place itself
            for u in range(max(0, a + k - d), a + 1):
                if u + 2 * d > n:
                    break
                if d < unit:
                    # a short unit: only an exact copy with no mark between (审定委员会审定委员会); a term or a
                    # clause printed twice on purpose is set apart by a mark (发展经济，发展经济)
                    if win[u:u + d] == win[u + d:u + 2 * d] and (
                            _HAN_ONLY.fullmatch(win[u:u + 2 * d])
                            or (CUT_CLAUSE_COPY and _cut_clause(win[u:u + d]))):
                        return True
                    if (NEAR_COPY is not None and d >= NEAR_COPY and u <= p < u + d
                            and sum(1 for t in range(u, u + d) if win[t] == win[t + d]) == d - 1):
                        # the fix in the first copy leaves it one place off the second: a garbled repeat
                        return True
                elif sum(1 for t in range(u, u + d) if win[t] == win[t + d]) >= share * d:
                    return True
    return False
