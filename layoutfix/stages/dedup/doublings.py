"""A phrase printed twice in a row inside a paragraph (`drop_tandem_repeats`, `doubling_candidates`)."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Callable, Final
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


import re as _re

import regex as re

from ...textutil import CLAUSE_PUNCT, HAN_CLASS


def drop_tandem_repeats(text: str, is_word: Callable[[str], bool] | None = None
                        ) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove the first copy of a phrase printed twice in a row; returns (text, [(offset, removed, why)]).

    `is_word` (a dictionary's membership test) lets a list whose items share words stand (`_list_items`)."""
    changes: list[tuple[int, str, str]] = []
    i = 0
    out = text
    while True:
        m = _find_tandem(out, i)
        if m is None:
            break
        start, length = m
        if is_word is not None and _list_items(out, start, length, is_word):
            i = start + length  # past the first copy: a copy shifted inside the same stretch is the same list
            continue
        removed = out[start:start + length]
        changes.append((start, removed, "tandem"))
        out = out[:start] + out[start + length:]
        i = start
    return out, changes


# three Han characters that come back 3 to 30 characters later: where a doubling starts
_SHORT_SEED: Final = _re.compile(rf"(?=([{HAN_CLASS}]{{3}}).{{0,27}}\1)", _re.S)
# the same at the start of a word, up to 34 characters later: where a long (or garbled) doubling starts
_LONG_SEED: Final = _re.compile(rf"(?<![\w])(?=([{HAN_CLASS}]{{3}}).{{0,31}}\1)", _re.S)
_WORD_CHAR: Final = re.compile(r"[\p{Han}\p{L}\p{N}]")
_STOPS: Final = frozenset(CLAUSE_PUNCT)
# what ends an item of a list or a label as well as a clause: the enumeration comma, a colon and quotation marks
# ('某协会顾问、原某协会会长', '获“某某奖”和“某某奖选材之最”', '魅力榜：前三名…英雄榜：前三名…')
_ITEM_MARKS: Final = _STOPS | frozenset("、：:“”‘’")
_NOT_STOP: Final = "[^" + _re.escape("".join(sorted(_STOPS))) + "]"
# what any doubling needs, as one scan each: X X with X a run of 3..30 characters without a clause stop that opens
# with three Han (the short form), and X j X with X of 8..30 such characters at a word start (the garbled form;
# at the start, or after any character \w does not take for a letter or digit: every start `_seed_tandem` takes for
# a word start, which has no letter, digit or Han before it)
_ANY_SHORT: Final = _re.compile(rf"([{HAN_CLASS}]{{3}}{_NOT_STOP}{{0,27}})\1", _re.S)  # (no lookahead: only asked whether)
_GARBLED: Final = rf"([{HAN_CLASS}]{{3}}{_NOT_STOP}{{5,27}}){_NOT_STOP}.{{0,3}}\1"
_ANY_GARBLED: Final = _re.compile(r"[\W_]" + _GARBLED, _re.S)  # after a character that is not a letter or digit
_GARBLED_HERE: Final = _re.compile(_GARBLED, _re.S)  # or at the start


MAX_DOUBLING_SHIFT: Final = 34  # how far apart the two copies of a doubling start, at most (X X: 30; X j X: 30 + 4)
# the shifts d tested together (one byte string each): 3, 4 and 5 alone (short runs: two shifts ANDed would let
# through too many runs by chance), then pairs, whose runs of six or eight bytes rarely come about by chance
_SHIFT_GROUPS: Final = ((3,), (4,), (5,), (6, 7),
                 *(tuple(range(d, min(d + 2, MAX_DOUBLING_SHIFT + 1))) for d in range(8, MAX_DOUBLING_SHIFT + 1, 2)))
_ZERO_RUNS: Final = [b"\0" * min(min(g), 8) for g in _SHIFT_GROUPS]  # the run of equal characters each group looks for
_ZEROS: Final = _re.compile(b"\0+")  # a run found whole (where it ends)


def doubling_candidates(texts: list[str]) -> list[bool]:
    """For each text, whether `_find_tandem(text, 0)` gets past its quick scans (`_may_double(text, 0)`), exactly:
    where this says False, `_find_tandem(text, 0)` finds none.

    Any doubling puts min(d, 8) or more equal characters in a row at distance d (3 ≤ d ≤ MAX_DOUBLING_SHIFT):
    X X with |X| = d ≥ 3, X j X with |X| ≥ 8. All texts of a page are compared with themselves shifted by every
    such d at once, in C: one byte per character (the low byte of its UTF-16 code, so equal characters give equal
    bytes), the bytes read as one integer XORed with itself shifted, where a run of zero bytes is a run of equal
    characters (or of characters that share a low byte). Two shifts d, e of a group are ANDed before their bytes
    are written out (what costs most here): a byte that is zero for d or for e is zero in the AND, so a run either
    shift has is found in it. Only where such a run lies are the quick scans run (`_doubling_from`), on the few
    characters a doubling starting in it can reach, not on the whole text: most runs are a phrase said again
    further on ('某某的条件，如某某的条件'), a chance of the AND, or two characters that share a low byte.
    """
    joined = "\n".join(texts)
    low = joined.encode("utf-16-le")[::2]
    if len(low) != len(joined):  # a character beyond the BMP takes two code units: the shifts would not line up
        return [_may_double(t, 0) for t in texts]
    starts = [0, *accumulate(len(t) + 1 for t in texts)]  # where each text starts in `joined` (one separator between)
    flagged = [False] * len(texts)
    n = len(low)
    a = int.from_bytes(low, "little")
    for group, run in zip(_SHIFT_GROUPS, _ZERO_RUNS):
        x = a ^ (a >> (8 * group[0]))  # byte i is 0 where characters i and i + d agree
        for d in group[1:]:
            x &= a ^ (a >> (8 * d))
        agree = x.to_bytes(n, "little")
        j = agree.find(run)
        if j == -1:
            continue  # the usual case: no run at these shifts anywhere on the page
        r, reach = len(run), 2 * group[-1]
        while j != -1:  # each whole run of agreeing characters, [b, e) of `joined`
            b, e = j, _ZEROS.match(agree, j).end()  # type: ignore[union-attr]  # (`run`, all zeros, is at j)
            j = agree.find(run, e)
            k = bisect_right(starts, b) - 1
            while starts[k] <= e - r:  # every text the run reaches (a run may cross a separator)
                s, end = starts[k], starts[k + 1] - 1
                lo, hi = max(b, s) - s, min(e, end) - s - r  # where in text k a doubling the run holds may start
                if not flagged[k] and hi >= lo:
                    flagged[k] = _doubling_from(texts[k], lo, hi + reach)
                k += 1
    return flagged


def _is_doubling(x: str) -> bool:
    """Whether `x` printed twice in a row is a misprint rather than speech or grammar.

    Kept: a repeated sentence or clause ('我赢了！我赢了！', a list of titles), an
    A-not-A question ('容易不容易'), a reduplicated measure phrase ('一步一步').
    """
    return not _STOPS.intersection(x) and x[-1] not in "不没" and x[0] != "一"


def _list_items(text: str, start: int, length: int, is_word: Callable[[str], bool]) -> bool:
    """Whether an exact X X holding a list mark 、 is list items that share words ('高级技术员、安全技术员、安全
    主管', '顾问、原某协会…') rather than a line read twice: a line read twice starts and ends where the line
    broke, mostly inside a word ('…安|全及…、饮水卫|生'), a list repeats whole items, so no dictionary word
    of two to four characters spans either outer edge of the two copies. But whole items printed twice
    ('电视机、洗衣机、电视机、洗衣机、电冰箱', review15b: each copy ends on the mark) are a misprint: a list
    never names the same items twice in a row."""
    end = start + 2 * length
    if "、" not in text[start:start + length] or text[start:start + length] != text[start + length:end]:
        return False
    if text[start + length - 1] == "、":
        return False  # each copy ends on an item's mark: whole items (shared words never end on the mark)
    return not (_word_spans(text, start, is_word) or _word_spans(text, end, is_word))


def _word_spans(text: str, k: int, is_word: Callable[[str], bool]) -> bool:
    """Whether a word of two to four characters holds both text[k - 1] and text[k]."""
    return any(is_word(text[s:s + n]) for n in (2, 3, 4) for s in range(max(0, k - n + 1), min(k - 1, len(text) - n) + 1))


def _next_item(text: str, g: int, j: int, n: int) -> bool:
    """Whether the gap text[g:j] of X j X ends a list item rather than misreading the text: it holds a clause
    mark and none of its characters comes back in the stretch after the second copy, which a misread copy
    reads again ('某职务林一，某职务周二': two people with one title; review15a). A garbled copy's gap is its
    misreading of what follows ('…管理型的分，…管理的制度' shares 的). Only letters, digits and Han count: a
    quotation mark comes back after a quoted phrase said twice ('曲解“某某”，把“某某”当成…'; on the tuning pages
    the one wrong removal of this form)."""
    gap = text[g:j]
    if not _ITEM_MARKS.intersection(gap):
        return False
    after = text[j + n:j + n + len(gap) + 2]
    return not any(c in after for c in gap if c.isalnum())


def _find_tandem(text: str, start: int) -> tuple[int, int] | None:
    """(offset, length) of the first copy in `X X` (|X| ≥ 3) or `X j X` (|X| ≥ 8, 1 ≤ |j| ≤ 4), X opening with 3 Han.

    The garbled form, and any X longer than 30, needs an X that starts a
    word: parallel phrasing such as 'A的重点，B的重点' or 'B师范学院、C师范学院'
    repeats on purpose. Regular expressions (the standard library's engine,
    the faster one for backreferences) find the places where three Han
    characters come back (within 30 characters, or within 34 at the start
    of a word); only those are checked, longest copy first.
    """
    if not _may_double(text, start):
        return None  # the usual case, found by two scans instead of a check of every place three Han come back
    return _find_tandem_by_seeds(text, start)


def _may_double(text: str, start: int) -> bool:
    """The quick scans of `_find_tandem`: whether X X or X j X (X opening with three Han) is printed from `start` on."""
    return bool(_ANY_SHORT.search(text, start) or _GARBLED_HERE.match(text, start) or _ANY_GARBLED.search(text, start))


def _doubling_from(text: str, lo: int, end: int) -> bool:
    """`_may_double(text, 0)` for a doubling whose first copy starts at lo..`end` - 2|X| (its whole match lies
    before `end`): the quick scans on that stretch only (the garbled form's match opens one character earlier)."""
    return bool(_ANY_SHORT.search(text, lo, end) or lo == 0 and _GARBLED_HERE.match(text, 0, end)
                or _ANY_GARBLED.search(text, max(0, lo - 1), end))


def _find_tandem_by_seeds(text: str, start: int) -> tuple[int, int] | None:
    """`_find_tandem` without the quick scans that say when no doubling can exist: every seed is checked."""
    short = next((f for f in map(_seed_tandem, _SHORT_SEED.finditer(text, start)) if f), None)
    end = short[0] + 1 if short else len(text)
    long = next((f for f in map(_seed_tandem, _LONG_SEED.finditer(text, start, end)) if f), None)
    if long and (not short or long[0] < short[0] or long[1] > short[1]):
        return long
    return short


def _seed_tandem(m: "_re.Match[str]") -> tuple[int, int] | None:
    """The longest doubling starting where `m` found three Han characters that come back."""
    text, i, g = m.string, m.start(), m.group(1)
    found = 0
    word_start = i == 0 or not _WORD_CHAR.match(text[i - 1])
    j = text.find(g, i + 3, i + 37)
    while j != -1:
        d = j - i
        if d <= 30 and text[i:j] == text[j:j + d]:
            if _is_doubling(text[i:j]):
                found = max(found, d)
        elif word_start:
            for gap in range(1, 5):
                n = d - gap
                if 8 <= n <= 30 and text[i:i + n] == text[j:j + n] and _is_doubling(text[i:i + n]) \
                        and text[i + n] not in _STOPS:
                    if not _next_item(text, i + n, j, n):
                        found = max(found, d)
                    break  # the longest copy decides: a shorter one is the same copy with the gap read longer
        j = text.find(g, j + 1, i + 37)
    return (i, found) if found else None
