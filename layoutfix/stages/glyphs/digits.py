"""Digits read as letters: O/o and l/I between two digits (2O24 -> 2024), or at the edge of a short number
before a measure word or unit that the dictionary puts after numerals (l0家), never opening a number with a 0.
"""
from __future__ import annotations

import re  # the standard library's engine: these patterns need nothing of `regex`, and it runs them 2-4x faster

from ...lm import WordLM
from ...textutil import is_han
from .common import Change


UNIT_NUMERALS = set("一二三四五六七八九十两")  # numerals that never follow a figure (百, 千, 万 do: 5万): a letter and


# a run opening with a digit or look-alike that no letter or digit precedes; the opening character comes first
# so that the engine skips to it by its character set (a lookbehind first is tried at every position: about
# three times the work over page text), the lookbehind then reads the character before it (the same runs)
_NUMBER_RUN = re.compile(r"[0-9OolI](?<![A-Za-z0-9].)[0-9OolI.,]*(?![A-Za-z0-9])")
_DIGIT_FIX = {"O": "0", "o": "0", "l": "1", "I": "1"}
_FIX_LETTER = re.compile("[" + "".join(_DIGIT_FIX) + "]")  # any letter `_DIGIT_FIX` reads (`_digits`' pre-test)


WIDE_FOLLOWERS = 1000  # characters that follow a numeral in the dictionary, enough to hold the rarer units


def numeral_followers(lm: WordLM, n: int = 150) -> frozenset[str]:
    """The `n` characters that most often follow a Chinese numeral inside a dictionary word (个 年 次 …).

    Why: they are the measure words and units a number is followed by, learned
    from the model's dictionary rather than listed by hand. Memoised on the model
    object (an `id()`-keyed cache could outlive the model).
    """
    memo: dict[int, frozenset[str]] = lm.__dict__.setdefault("_numeral_followers", {})
    if n not in memo:
        counts: dict[str, int] = {}
        for w, f in lm.freq.items():
            if len(w) == 2 and w[0] in "一二三四五六七八九十两几百千万" and is_han(w[1]):
                counts[w[1]] = counts.get(w[1], 0) + f
        memo[n] = frozenset(sorted(counts, key=lambda c: -counts[c])[:n])
    return memo[n]


def _leading_zero(tok: str, i: int) -> bool:
    """Whether reading tok[i] as its digit would open the number with a 0 that another digit follows (o876 ->
    0876): a count or an amount is never printed so, so the letter is no misread digit (a letter and digits glued
    in as debris). Tuning-day pages of seeds 7 and 8 and the committed tune split (600 pages): all 4 edge readings
    the stage made were such a leading O/o, none right."""
    return i == 0 and _DIGIT_FIX[tok[0]] == "0" and len(tok) > 1 and tok[1].isdigit()


def _digits(text: str, lm: WordLM) -> list[Change]:
    """Letters read as digits in `text` (module docstring).

    Why the first test: every change reads one of `_DIGIT_FIX`'s letters (O o l I) as its digit, and most blocks
    of a Chinese page hold none, so their figures need not be walked.
    """
    if _FIX_LETTER.search(text) is None:
        return []
    return _digits_scan(text, lm)


def _digits_scan(text: str, lm: WordLM) -> list[Change]:
    """`_digits` without its letter pre-test: the scan itself."""
    out = []
    follow = numeral_followers(lm)
    for m in _NUMBER_RUN.finditer(text):
        tok = m.group()
        digits = sum(c.isdigit() for c in tok)
        if not digits or all(c.isdigit() or c in ".," for c in tok):
            continue
        letters = [i for i, c in enumerate(tok) if c in _DIGIT_FIX]
        nxt = text[m.end()] if m.end() < len(text) else ""
        if (len(letters) == 1 and letters[0] in (0, len(tok) - 1) and 2 <= len(tok) <= 4
                and (nxt == "%" or (nxt in follow and nxt not in UNIT_NUMERALS))
                and not _leading_zero(tok, letters[0])):
            # 'l0家', '2O年', 'l998年': one letter at the edge of a short number that a measure word follows
            # (a letter before five digits is more often a code or debris than a misread digit)
            i = letters[0]
            c = tok[i]
            p = m.start() + i
            out.append(Change(p, p + 1, _DIGIT_FIX[c], "glyph", c, 0.8,
                              f"'{c}' at the edge of the number '{tok}' before '{nxt}' read as '{_DIGIT_FIX[c]}'"))
            continue
        if digits < 2:
            continue
        for i, c in enumerate(tok):
            if c in _DIGIT_FIX:
                nb = (tok[i - 1] if i else "") + (tok[i + 1] if i + 1 < len(tok) else "")
                if len(nb) == 2 and all(x.isdigit() for x in nb):
                    p = m.start() + i
                    out.append(Change(p, p + 1, _DIGIT_FIX[c], "glyph", c, 0.9,
                                      f"'{c}' between digits of '{tok}' read as '{_DIGIT_FIX[c]}'"))
    return out
