"""A phrase printed twice in a row inside a paragraph (`drop_tandem_repeats`, `doubling_candidates`)."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Callable, Final
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


import re as _re

import regex as re

from rapidfuzz.distance import LCSseq, Levenshtein

from ...lm import WordLM
from ...textutil import CLAUSE_PUNCT, HAN_CLASS, is_han, is_han_code
from .common import COMPILED, _both_figures, _is_figure, alikes, holds_any, looks_alike


def drop_tandem_repeats(text: str, is_word: Callable[[str], bool] | None = None,
                        headings: tuple[tuple[int, int], ...] = (),
                        segment: Callable[[str], list[str]] | None = None) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove the first copy of a phrase printed twice in a row; returns (text, [(offset, removed, why)]).

    `is_word` (a dictionary's membership test) lets a list whose items share words stand (`_list_items`).
    `headings`: (start, end) of each title-like piece of another dump line that flow joined to the text after it; a
    doubling whose first copy ends such a piece stands (`_heading_over_text`; `dedup` cuts the block there,
    `tandem_repeats`). `segment` (the word model's `WordLM.segment`) lets a list whose items share a tail stand where
    the two copies read as one name across their seam (`_joined_across`)."""
    out, changes, _ = tandem_repeats(text, is_word, headings, segment)
    return out, changes


def tandem_repeats(text: str, is_word: Callable[[str], bool] | None,
                   headings: tuple[tuple[int, int], ...],
                   segment: Callable[[str], list[str]] | None = None
                   ) -> tuple[str, list[tuple[int, str, str]], list[int]]:
    """`drop_tandem_repeats`, with where (the end of each piece of `headings`, ascending) a title-like piece stands
    over the text after it, which opens with the piece's last words: the phrase printed twice across that seam is a
    heading and its text, not a misprint (`HEADING_GUARD`)."""
    changes: list[tuple[int, str, str]] = []
    guarded: set[int] = set()
    i = 0
    out = text
    pieces = list(headings)
    while True:
        m = _find_tandem(out, i)
        if m is None:
            break
        start, length = m
        if is_word is not None and _list_items(out, start, length, is_word):
            i = start + length  # past the first copy: a copy shifted inside the same stretch is the same list
            continue
        if HEADING_GUARD:
            over = _heading_over_text(start, length, pieces)
            if over is not None:
                guarded.add(over)
                i = start + 1  # (a shorter doubling further on may still be one)
                continue
        if CHAIN_GUARD and _chained(out, start, length):
            i = start + 1
            continue
        if segment is not None and SEAM_GUARD and _joined_across(out, start, length, segment):
            i = start + length  # past the first copy, as for `_list_items`: a copy shifted inside the same stretch
            continue            # is the same list
        removed = out[start:start + length]
        changes.append((start, removed, "tandem"))
        out = out[:start] + out[start + length:]
        pieces = [(a - length if a > start else a, b - length if b > start else b) for a, b in pieces]
        i = start
    return out, changes, sorted(headings[k][1] for k in guarded)


# A title-like line that ends with a phrase, joined by flow to a paragraph that opens with the same phrase, prints it
# twice in a row without any misprint: a subhead or a headline over its text ('知道一点某某' | '某某先生是…'), or a
# headline the column cut over the story's first words ('…宣布参选某某主' | '席某某主席改选…'). A misprinted doubling
# lies inside one printed line, and a line's tail read again at the next line's start is a body line's (real OCR,
# '…公布了某某法推广' | '某某法推广督导…': not title-like, still removed). Session 49 (prec49), glyph right/made of
# the removals this refuses: THUCNews pages (unseen seeds 22, 23) 0/2 and 0/2, synthetic fresh 5 0/1; none on
# synthetic tune, fresh 2, 4, 6, People's Daily pages of days 01-13..16, real_ocr_tune, real-OCR fresh 2 and 4, samples.
# Session 53: kept inside one block, the doubling stood in the paragraph segment made of it, and a second pass over
# that paragraph (one printed line, no pieces) removed it; `dedup` now cuts the block at the piece's end
# (`tandem_repeats`), and on the 4 THUCNews pages above segment then reads the piece as the article's headline.
HEADING_GUARD: Final = True


def _heading_over_text(start: int, length: int, headings: list[tuple[int, int]]) -> int | None:
    """The index of the title-like piece the first copy of X X at `start` opens in and that ends inside that copy
    or right after it (`headings`: (start, end) of each such piece joined to the text after it), or None: the
    second copy is then the text's own opening, not a misprint."""
    end = start + length
    return next((k for k, (a, b) in enumerate(headings) if a <= start < b <= end), None)


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

    Compiled, each text is read by a walk over its code points instead (`_walk_by_code`: the same answers,
    tests/test_dedup58_spec.py, tests/test_dedup59_spec.py): the integers' shifts and `int.to_bytes` cost 103 M of
    the compiled stage's 826 M instructions on 40 tuning pages (session 58), and interpreted the walk is the slower.
    """
    return doubling_scans(texts)[0]


# `_echoes_near`'s answer: each character's echo bits, and the characters that come back a pair's distance on
Echoes = tuple[list[int], list[int]]


def doubling_scans(texts: list[str]) -> tuple[list[bool], dict[str, Echoes]]:
    """`doubling_candidates(texts)`, and, compiled, `_echoes_near` of each text as the same walk read it: `dedup` asks
    `drop_garbled_doublings` of the same paragraphs (most unchanged by the tandem cuts), whose `_copy_places` needs the
    echoes, and one backward walk over a text's code points gives both (`_walk_by_code`). Interpreted, no echoes: the
    scans and `_echoes_by_find` are the faster there.

    Why: the two walks each read every code point of the page's paragraphs from the end with the table `_NEXT_AT`
    (compiled: 65 M and 65 M of the stage's 689 M instructions on 40 tuning pages, session 59)."""
    if COMPILED:
        flags: list[bool] = []
        memo: dict[str, Echoes] = {}
        for t in texts:
            flag, echoes, near = _walk_by_code(t, True)
            flags.append(flag)
            memo[t] = (echoes, near)
        return flags, memo
    return _doubling_scans_joined(texts), {}


def _doubling_scans_joined(texts: list[str]) -> list[bool]:
    """`doubling_candidates`' interpreted path: every text of the page shifted against itself in one big integer."""
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


def _walk_by_code(text: str, doubling: bool) -> tuple[bool, list[int], list[int]]:
    """(`_may_double(text, 0)` when `doubling`, else False; then `_echoes_near(text)`) by one pass from the text's end.

    The pass reads each code point in place (`ord(text[x])`, native compiled) and its next occurrence from the table
    `_NEXT_AT`, giving each character the distances 1 to MAX_DOUBLING_SHIFT at which it comes back, as bits. The
    echoes (distances MIN_COPY to `_ECHO_FAR`, bit 0 for Han) are those bits cut to `_ECHO_FAR`: a character's bits
    up to a distance depend only on the bits up to that distance of its next occurrence. For the doubling test, any
    doubling puts min(d, 8) or more in a row at d (`doubling_candidates`): a run of three starts where three
    characters in a row share a bit, and is followed to its end once (the later characters of a run share the bit
    too: `covered`); the quick scans run only on the stretch a doubling starting in such a run can reach
    (`_doubling_from`). A text with a character beyond the BMP (the table's size) takes the scans and
    `_echoes_by_find`."""
    n = len(text)
    out = [0] * n  # by offset: the echoes
    after = [0] * n  # by offset: the distances 1..MAX_DOUBLING_SHIFT at which the character comes back (bit d)
    near: list[int] = []
    nxt = _NEXT_AT
    starts: list[int] = []  # where three equal characters in a row stand at some distance d (descending)
    a1 = a2 = 0  # after[x + 1], after[x + 2]
    for x in range(n - 1, -1, -1):
        cp = ord(text[x])
        if cp > 0xFFFF:
            echoes, near = _echoes_by_find(text)  # (the table holds the BMP)
            return doubling and _may_double(text, 0), echoes, near
        bits = 1 if 0x4E00 <= cp <= 0x9FFF or cp >= 0x3400 and is_han_code(cp) else 0  # (the common block inline)
        y = nxt[cp]  # the character's last offset put in the table: its next occurrence, when it is one of this text
        nxt[cp] = x
        d = y - x
        a0 = 0
        if 0 < d <= MAX_DOUBLING_SHIFT and y < n and ord(text[y]) == cp:  # (else a stale offset, or too far)
            a0 = ((after[y] | 1) << d) & _SHIFT_BITS  # (y itself, and where the character comes back after y)
            after[x] = a0
            if a0 & a1 & a2 & _DOUBLING_BITS:  # (bit d: three equal characters at d from x on; rare)
                starts.append(x)
            bits |= a0 & _FAR_ECHOES
            if bits & _PAIR_SHIFTS:
                near.append(x)
        if bits:
            out[x] = bits
        a1, a2 = a0, a1
    near.reverse()  # (found from the end)
    return doubling and _runs_double(text, after, starts), out, near


def _runs_double(text: str, after: list[int], starts: list[int]) -> bool:
    """Whether a run of equal characters at some distance d that `_walk_by_code` found (`starts`, descending; `after`,
    its bits) holds a doubling the quick scans take (`_doubling_from`)."""
    n = len(text)
    covered = [0] * (MAX_DOUBLING_SHIFT + 1)  # by distance: the end of the last run followed at it
    for x in reversed(starts):
        runs = after[x] & after[x + 1] & after[x + 2] & _DOUBLING_BITS
        for d in range(3, MAX_DOUBLING_SHIFT + 1):
            if not (runs >> d) & 1 or x < covered[d]:
                continue  # (x inside a run followed before: the same run)
            e = x + 3
            while e + d < n and ord(text[e]) == ord(text[e + d]):
                e += 1
            covered[d] = e
            r = min(d, 8)  # (`_ZERO_RUNS`: the run a doubling at d makes at least)
            if e - x >= r and _doubling_from(text, x, e - r + 2 * d):
                return True
    return False


_SHIFT_BITS: Final = (1 << (MAX_DOUBLING_SHIFT + 1)) - 2  # distances 1..MAX_DOUBLING_SHIFT
_DOUBLING_BITS: Final = (1 << (MAX_DOUBLING_SHIFT + 1)) - (1 << 3)  # distances 3..MAX_DOUBLING_SHIFT


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
        # each copy ends on an item's mark: whole items (shared words never end on the mark), a misprint unless
        # the list goes on with an item numbered like them (`_numbered_series`)
        return SERIES_GUARD and _numbered_series(text, start, length)
    return not (_word_spans(text, start, is_word) or _word_spans(text, end, is_word))


# A whole list item printed twice in a row where the list goes on with the item numbered two more
# ('第三十条、第三十条、第三十二条'): the second copy is the item between them with one numeral lost (real OCR read
# '第三十一条' as '第三十 条', the space a wrap space to normalize), no line read twice. The test is that lost numeral:
# the copy is one item, numbered (a numeral run after 第 or opening the item), the next item has the same shape
# numbered two more, and the number between them, spelled out, is the copy's numeral with one character more
# (三十一 -> 三十; 二百六十五 never reads 二百六十四, so 264, 264, 266 is mended, as is 31, 31, 32).
# Session 49 (dbl49): the one such removal on the real-OCR dev folders was of this form; none on the synthetic sets.
SERIES_GUARD: Final = True
_HAN_DIGITS: Final = "〇一二三四五六七八九"  # the Chinese digits 0-9, in order (their value is their index)
_HAN_DIGIT: Final = {c: n for n, c in enumerate(_HAN_DIGITS)}
_HAN_UNIT: Final = {"十": 10, "百": 100, "千": 1000}
_ITEM_NUMERALS: Final = frozenset("〇零一二三四五六七八九十百千")


def _numbered_series(text: str, start: int, length: int) -> bool:
    """Whether one list item X printed twice (X ending on 、) is a numbered item whose numeral lost a character:
    the item after the copies is numbered like X with X's number + 2, and that number's predecessor, spelled,
    reads X's numeral with one character more."""
    copy = text[start:start + length]
    if copy.count("、") != 1:
        return False
    at = _item_number(copy)
    if at is None:
        return False
    p, q = at
    n = _numeral_value(copy[p:q])
    after = text[start + 2 * length:]
    nxt = _item_number(after)
    if n is None or nxt is None or nxt[0] != p or after[:p] != copy[:p]:
        return False
    tail = copy[q:-1]
    if _numeral_value(after[p:nxt[1]]) != n + 2 or not after[nxt[1]:].startswith(tail):
        return False
    between = _spell_numeral(n + 1, copy[p].isdigit())
    return any(between[:k] + between[k + 1:] == copy[p:q] for k in range(len(between)))


def _item_number(item: str) -> tuple[int, int] | None:
    """Where (start, end) the numeral that numbers a list item lies: a run of digits or Chinese numerals opening
    the item or right after its first 第 (第三十条, 三年级), not any numeral inside a word (每一个, 一次)."""
    p = 0 if item[:1] and (item[0].isdigit() or item[0] in _ITEM_NUMERALS) else item.find("第") + 1
    if p == 0 or p >= len(item):
        return None
    digits = item[p].isdigit()
    q = p
    while q < len(item) and (item[q].isdigit() if digits else item[q] in _ITEM_NUMERALS):
        q += 1
    return (p, q) if q > p else None


def _numeral_value(s: str) -> int | None:
    """The value of a numeral spelled canonically in ASCII digits or Chinese below ten thousand, else None."""
    if s.isascii() and s.isdigit():
        return int(s)
    total, digit = 0, -1
    for c in s:
        if c in _HAN_DIGIT:
            digit = _HAN_DIGIT[c]
        elif c in _HAN_UNIT:
            total += (1 if digit < 0 else digit) * _HAN_UNIT[c]
            digit = -1
        elif c != "零":
            return None
    n = total + max(digit, 0)
    return n if 0 < n < 10000 and _spell_numeral(n, False) == s else None


def _spell_numeral(n: int, digits: bool) -> str:
    """The canonical spelling of 0 < n < 10000 in ASCII digits or in Chinese (十一, 一百零五, 一千零五十)."""
    if digits:
        return str(n)
    out, gap = "", False
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            gap = out != ""
            continue
        if gap:
            out += "零"
            gap = False
        out += ("" if unit == 10 and d == 1 and not out else _HAN_DIGITS[d]) + mark
    return out


# A phrase said twice between the same two characters ('…就要加强监督加强监督就要畅通…') is a chain of clauses whose
# mark the OCR lost ('A就要B，B就要C'), the figure of speech that repeats a clause's end at the next one's start: a
# misprinted doubling sits in running text, where the words before the first copy and after the second differ.
# A copy holding or ending on the list mark 、 is list items (…政治局委员、政治局委员、…), no clause.
# Session 49 (dbl49): the one such removal on the real-OCR dev folders; none on the synthetic sets. Set on that one
# case: on phrases of 3-12 characters doubled at random in People's Daily and THUCNews paragraphs it keeps 5 of
# 8,000 misprints (2 of 8,000 at 3-4 characters), lines read twice whose edges happen to repeat.
CHAIN_GUARD: Final = True
CHAIN_LINK: Final = 2  # Han characters before the first copy that come back right after the second


def _chained(text: str, start: int, length: int) -> bool:
    """Whether the CHAIN_LINK characters before a phrase printed twice at text[start:] are Han and come back right
    after the second copy (a clause chain 'A就要B B就要C' with its mark lost), the phrase holding no list mark."""
    if start < CHAIN_LINK or "、" in text[start:start + length]:
        return False
    link = text[start - CHAIN_LINK:start]
    end = start + 2 * length
    return all(is_han(c) for c in link) and text[end:end + CHAIN_LINK] == link


# A list whose items share a tail, where an item also opens the next one ('…安徽农业大学华中农业大学华中师范大学…':
# 安徽农业大学, 华中农业大学, 华中师范大学), prints 'S B' twice in a row (S the shared tail, B the opening; here '农业大学华中'),
# and dropping the first copy merges two items ('…安徽农业大学华中师范大学…'; session 55's review, rdedup55). The copies of
# a misprint meet at a seam the text never printed (the copy's end, then its start: '…合作关|合作关系…'); the copies of
# such a list meet inside one of its items ('华中|农业大学'), a name of X's length. So an exact doubling stands where the
# word model's best reading of X X puts a word of X's length, SEAM_WORD characters or more, across the seam, and the
# text does not go on with that word's head again (an item printed twice, '北京大学北京大学北京…': `_joined_across`).
# Set on data, not on a list: of phrases of 3-12 characters doubled at random in People's Daily tuning-day paragraphs
# (3,975 such removals), the best reading of X X puts a word across the seam in 103: 82 of two characters, 19 of
# three, 2 of four; on the dev pages, the misprints whose copies meet in a word meet in one of two or three
# ('进化科学化科学上', '家装公家装公司', '铜的华铜的华商'). Review rdedup56's larger sweep (42,361 doublings, days
# 0101-0116): a word of 4+ characters across the seam kept 61 doublings that should go; with the word of X's length
# and the head not printed again, 13 (0.03%), all a 2+2 phrase whose halves swapped make a word ('结构优化|结构优化':
# '优化结构'), the shape of a list of 4-character names ('省委河南|省委河南': '河南省委'): no reading of the seam alone
# separates them. A name the dictionary lacks ('河南农业大学') is not seen, and the list loses an item as before.
SEAM_GUARD: Final = True
SEAM_WORD: Final = 4  # characters of a word across the seam that make X X one list


def _joined_across(text: str, start: int, length: int, segment: Callable[[str], list[str]]) -> bool:
    """Whether the copies of the exact doubling X X at text[start:] meet inside a word of SEAM_WORD characters or more
    of the best reading of X X (`segment`: the word model's `WordLM.segment`): one name across the seam, the first
    copy's end and the second's start ('华中|农业大学' in '农业大学华中农业大学华中'), a word of X's length that the text
    does not print again after the copies (a list's item printed twice reads so: '大学北京|大学北京' then '北京'). A line
    read twice or a phrase printed twice meets so only by chance (0.03% of random doublings: a 2+2 phrase whose halves
    swapped make a word). The garbled form X j X is not asked."""
    x = text[start:start + length]
    if length < SEAM_WORD or text[start + length:start + 2 * length] != x:
        return False  # (no name of X's length can stand across the seam: X X is not segmented)
    at = 0
    for w in segment(x + x):
        if at < length < at + len(w):
            j = at + len(w) - length  # the word's part in the second copy
            # the word is one item's whole name, the first copy's tail and the second's head (a shorter word across
            # the seam is the chance reading of a phrase printed twice: '结构优化|结构优化' reads '优化结构'), and the text
            # does not print that head again after the copies (an item printed twice: '北京大学北京大学北京…' holds
            # '大学北京' twice, with '北京' after it)
            return len(w) == length and text[start + 2 * length:start + 2 * length + j] != x[:j]
        at += len(w)
    return False


def _in_joined_doubling(text: str, a: int, b: int, segment: Callable[[str], list[str]]) -> bool:
    """Whether text[a:b] overlaps an exact doubling that stands because its copies read as one name across their seam
    (`_joined_across`): a garbled copy cut out of it is the same list read shifted ('…河北工业大学浙江工业大学浙江省…'
    holds '业大学浙江工' right before '业大学浙江省', one character misread: dropped, it merged two items again).
    Asked only of a copy that has the evidence of a garbled one (a few a page)."""
    i = max(0, a - 2 * MAX_DOUBLING_SHIFT)
    while (m := _find_tandem(text, i)) is not None and m[0] < b:
        start, length = m
        if start + 2 * length > a and _joined_across(text, start, length, segment):
            return True
        i = start + 1
    return False


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


# --- a garbled copy of a phrase printed right before the phrase (`drop_garbled_doublings`) ---------------------

MIN_COPY: Final = 4        # the shortest first copy looked at (a phrase of 6 to 14 printed garbled loses 1 to 3)
MAX_COPY: Final = 15       # the longest
MAX_COPY_DROPS: Final = 2  # characters of the phrase a copy may lose
# nats by which the text before the pair reads better going on with the phrase than with its copy (`_copy_reads_worse`):
# with a look-alike among the copy's misreadings, and without one (a misreading the look-alike table lacks, or two
# parallel phrases: '科瓦茨、美国科瓦尔、美国' in a clean list of names reads 6.8 nats better on with the second).
# Chosen on synthetic tune and fresh seeds 2 and 4 against People's Daily tuning-day paragraphs (8,390): the garbled
# copies read 3.2 to 28 nats worse, the clean paragraphs' near repeats with one swapped Han at most 6.8; THUCNews pages
# (unseen seed 22) print '传统安全威胁和非传统安全威胁' (3.6 with the look-alike 和/相), so 4 (3 right copies of the dev
# seeds, 3.3 to 3.8, are left).
COPY_WORSE: Final = 4.0
COPY_WORSE_UNLIKE: Final = 8.0
# the same for a copy that only lost a character, the character's own cost given back (`_copy_evidence`): the copies
# on those pages read 5.8 to 11.9 nats worse ('的势' for '的优势', '可拓展' for '可以拓展'), a clean table's header
# '从事农业…从事非农业…' 4.3
LOST_WORSE: Final = 5.0
# what a copy opening on the phrase's own first character is worth when overlapping candidates are ranked: a copy
# starts where the phrase starts; read from a character earlier it opens misread ('欢、惠兆龙第，肯年' for '、惠兆龙第，肯年证',
# which reads 1.1 nats better, a rare name's character '欢' swapped for '证'); a clear reading (11 nats) still decides
OPENS_ALIKE: Final = 2.0


def drop_garbled_doublings(text: str, lm: WordLM, echoes: Echoes | None = None
                           ) -> tuple[str, list[tuple[int, str, str, float, str]]]:
    """Remove a garbled copy of a phrase printed right before the phrase; returns (text, [(offset, before, after,
    evidence, why)]), each change the copy and the phrase (`before`) made the phrase (`after`), at its offset in the
    text as the changes before it left it.

    OCR or layout may print a phrase twice in a row, the first time misread ('…国家技米监督局阳国家技术监督局日前…'):
    `drop_tandem_repeats` needs the copies equal. Here the first copy Y (MIN_COPY to MAX_COPY characters) aligns
    with the phrase X right after it: Han characters read as other Han (at least one), at most MAX_COPY_DROPS of X
    lost, nothing added, most characters kept (`_copy_alignment`); and the text before Y reads clearly better going
    on with X than with Y under the word model (`_copy_reads_worse`). A copy that only lost one Han inside it, five
    characters or more kept ('利用党报的势，为利用党报的优势，为'), must read worse by LOST_WORSE once the lost
    character's own cost is given back (a parallel phrase that adds a word, '从事农业…从事非农业…', reads as well). Parallel
    phrasing ('当地的优势，当地的劣势', '有我的一半，也有你的一半') swaps words or marks and reads as well both ways;
    the second copy's text is never removed. Of overlapping candidates (one copy read from a character earlier or
    later) the one whose removal reads best is kept, a copy that opens on the phrase's first character counted OPENS_ALIKE
    nats better. A copy overlapping an exact doubling that stands as a list (`_joined_across`) is that list read
    shifted, and stays (`_in_joined_doubling`). A copy that reads as another item of a list (`_reads_as_another_name`:
    '华南师范大学华中师范大学') stays, and so does every lower-ranked copy overlapping it (the list read shifted).
    `echoes`: `_echoes_near(text)` when the caller has it (`doubling_scans`).
    """
    # (rank, phrase start, copy length, aligned length, evidence, why) of each copy found
    found: list[tuple[float, int, int, int, float, str]] = []
    for p, m in _copy_places(text, echoes):
        ev = _copy_evidence(text, p, m, lm)
        if ev is not None and not (SEAM_GUARD and _in_joined_doubling(text, p - m, p, lm.segment)):
            n, evidence, why = ev
            rank = _removal_gain(text, p, m, lm) + (OPENS_ALIKE if text[p - m] == text[p] else 0.0)
            found.append((rank, p, m, n, evidence, why))
    taken: list[tuple[int, int, int, float, str]] = []
    names: list[tuple[int, int]] = []  # the spans of lists' names (`_ANOTHER_NAME`) ranked above every copy they overlap
    for _, p, m, n, evidence, why in sorted(found, reverse=True):
        if any(a < p + n and p - m < b for a, b in names):
            continue  # the same list read shifted ('南师范大学华' before '中师范大学等单')
        if all(p + n <= q - k or q + l <= p - m for q, k, l, _, _ in taken):
            if evidence == _ANOTHER_NAME:
                names.append((p - m, p + n))
            else:
                taken.append((p, m, n, evidence, why))
    changes: list[tuple[int, str, str, float, str]] = []
    out = text
    shift = 0  # characters the changes before this one removed
    for p, m, n, evidence, why in sorted(taken):
        changes.append((p - m - shift, text[p - m:p + n], text[p:p + n], evidence, why))
        shift += m
    for p, m, _, _, _ in sorted(taken, reverse=True):  # the last first: earlier offsets stay put
        out = out[:p - m] + out[p:]
    return out, changes


# bit d of a character's echoes: the character is printed again d characters on (MIN_COPY <= d <= MAX_COPY +
# MAX_COPY_DROPS: a copy's kept character stands m to m + MAX_COPY_DROPS on in the phrase); bit 0: it is Han
_ECHO_FAR: Final = MAX_COPY + MAX_COPY_DROPS
# how far on (4 to 16 characters) the phrase prints a pair of Han characters of the copy again: where a copy is sought
_PAIR_NEAR: Final = 4
_PAIR_FAR: Final = 16
_PAIR_SHIFTS: Final = (1 << (_PAIR_FAR + 1)) - (1 << _PAIR_NEAR)  # (as echo bits)
_KEPT_AT: Final = (1 << (MAX_COPY_DROPS + 1)) - 1  # the distances m .. m + MAX_COPY_DROPS, shifted down by m


def _copy_places(text: str, echoes_near: Echoes | None = None) -> list[tuple[int, int]]:
    """(start of the phrase, length of the copy before it) wherever a pair of Han characters of the copy comes back
    in the phrase, as far on as the copy is long plus the characters it lost, and the copy could align with the
    phrase as `_copy_evidence` asks (`_kept_counts`: four Han and 0.6 m kept): the other places are never a garbled
    copy.

    For each copy length m the phrase starts asked only grow (`reach`), so `_kept_counts` over the copy
    text[p - m:p] are kept per m and slid on to the next p (a character in, one out) instead of counted again over
    all m characters at each place (71,331 places on 40 tuning pages, 1,275 of them taken). `echoes_near`:
    `_echoes_near(text)`, when the caller has it."""
    echoes, near = _echoes_near(text) if echoes_near is None else echoes_near
    places: list[tuple[int, int]] = []
    reach = [0] * (MAX_COPY + 1)  # by copy length m: the last phrase start looked at (the pairs come in text order)
    at_of = [0] * (MAX_COPY + 1)  # by m: the phrase start whose copy text[at - m:at] the two counts below hold
    kept_of = [0] * (MAX_COPY + 1)  # (0: none yet) its characters that come back m..m + MAX_COPY_DROPS on,
    han_of = [0] * (MAX_COPY + 1)  # and the Han ones among them (`_kept_counts`)
    for i in near:  # (the other characters come back nowhere a pair could: `shifts` is 0 there)
        both = echoes[i] & echoes[i + 1]
        shifts = (both & _PAIR_SHIFTS) if both & 1 else 0  # where the pair at i, both Han, comes back (bit s: at i + s)
        if not shifts:
            continue
        for s in range(_PAIR_NEAR, _PAIR_FAR + 1):
            if not (shifts >> s) & 1:
                continue
            for m in range(max(MIN_COPY, s - MAX_COPY_DROPS), min(MAX_COPY, s) + 1):
                # the copy text[p - m:p] holds the pair at i; phrase starts an earlier pair (or shift) already asked for
                # this m are not asked again
                lo, hi = max(max(i + 2, m), reach[m] + 1), i + m + 1  # (max of two: native compiled; of three, a
                # call of the builtin through Python, 17 M of the compiled stage's 826 M instructions on 40 tuning pages)
                reach[m] = max(reach[m], i + m)
                if lo >= hi:
                    continue
                at, kept, han = at_of[m], kept_of[m], han_of[m]  # (at < lo: at is a start asked before)
                if at == 0 or lo - at > m:  # no window yet, or none that overlaps: count the copy before lo
                    kept, han = _kept_counts(echoes, lo, m)
                    at = lo
                for p in range(lo, hi):
                    while at < p:  # slide the copy on by one: text[at] comes in, text[at - m] goes out
                        e = echoes[at]
                        if (e >> m) & _KEPT_AT:
                            kept += 1
                            han += e & 1
                        e = echoes[at - m]
                        if (e >> m) & _KEPT_AT:
                            kept -= 1
                            han -= e & 1
                        at += 1
                    if han >= 4 and kept >= 0.6 * m:  # (`_kept_counts`' bound)
                        places.append((p, m))
                at_of[m], kept_of[m], han_of[m] = at, kept, han
    return sorted(places)


def _echoes(text: str) -> list[int]:
    """Each character's echoes (`_ECHO_FAR`): the distances at which it comes back, as bits, and whether it is Han
    (bit 0: `is_han`, read off the character's code point, `textutil.is_han_code`)."""
    return _echoes_near(text)[0]


def _echoes_near(text: str) -> tuple[list[int], list[int]]:
    """`_echoes`, and, ascending, the characters that come back `_PAIR_NEAR` to `_PAIR_FAR` on: the only places
    `_copy_places` asks (a pair of Han characters of the copy comes back in the phrase there): about one character
    in ten on 40 tuning pages (22,000 of 207,492; one in fifty holds a Han pair that comes back), so it need not read
    every character's echoes again.

    The Han bit is compared on the character's code point (`ord` is native, compiled; `textutil.is_han_code`) instead of
    found by a regex pass over the text's Han runs (main's build before session 57: compiled, a match object and two
    method calls a run, 53 M of the stage's 936 M instructions on 40 tuning pages). Compiled, the distances are read
    as code points as well (`_echoes_by_code`); interpreted, `str.find` from each character is the faster
    (`_echoes_by_find`, 3.5 times faster there). The same answers (tests/test_dedup58_spec.py)."""
    return _echoes_by_code(text) if COMPILED else _echoes_by_find(text)


def _echoes_by_code(text: str) -> tuple[list[int], list[int]]:
    """`_echoes_near` by one pass from the text's end, each character's code point read in place (`ord(text[x])`,
    native compiled: no one-character string made, no method called): the character's next occurrence is read from
    a table by code point (`_NEXT_AT`), and its echoes are that occurrence's shifted on, with the occurrence itself
    (`_walk_by_code`, which reads the doubling runs in the same pass for `doubling_scans`).

    Why: `_echoes_by_find` takes a one-character string out of the text at each character and calls `str.find` from
    it once or more (through the C API): compiled, 143 M of the stage's 826 M instructions on 40 tuning pages
    (415,000 characters; session 58); reading the 14 distances as code points, one comparison each, costs more
    (206 M: mypyc's tagged-integer loop). A text with a character beyond the BMP (the table's size) takes the plain
    pass."""
    _, out, near = _walk_by_code(text, False)
    return out, near


# by code point: the last offset a backward walk over a text's code points read it at, in the text it last read (a
# stale offset of another text is told apart by reading the character there; every walk puts the offsets of its own
# text in before it reads them); the BMP only. Shared by every call: safe while a walk runs compiled under the GIL
# (it calls nothing that lets another thread in); a free-threaded build would need one table per thread
_NEXT_AT: Final = [0] * 0x10000
_ECHO_BITS: Final = (1 << (_ECHO_FAR + 1)) - 2  # distances 1.._ECHO_FAR
_FAR_ECHOES: Final = (1 << (_ECHO_FAR + 1)) - (1 << MIN_COPY)  # distances MIN_COPY.._ECHO_FAR: the echoes


def _echoes_by_find(text: str) -> tuple[list[int], list[int]]:
    """`_echoes_near` with the places each character comes back found by `str.find` (the interpreted path)."""
    out = [0] * len(text)
    near: list[int] = []
    for x, c in enumerate(text):
        cp = ord(c)
        bits = 1 if 0x4E00 <= cp <= 0x9FFF or cp >= 0x3400 and is_han_code(cp) else 0  # (the common block inline)
        j = text.find(c, x + MIN_COPY, x + _ECHO_FAR + 1)
        if j != -1:
            while j != -1:
                bits |= 1 << (j - x)
                j = text.find(c, j + 1, x + _ECHO_FAR + 1)
            if bits & _PAIR_SHIFTS:
                near.append(x)
        if bits:
            out[x] = bits
    return out, near


def _kept_counts(echoes: list[int], p: int, m: int) -> tuple[int, int]:
    """(characters, Han characters) of text[p - m:p] that come back m to m + MAX_COPY_DROPS characters on.

    Why: text[p - m:p] could be a copy `_copy_evidence` takes of the phrase at p only where the alignment it asks
    keeps at least 0.6 m of the copy's characters and four Han, each copy character kept standing m to m +
    MAX_COPY_DROPS characters on (the lost characters only push the phrase on); so at least as many must come back
    at those distances (`_copy_places`' bound: what the alignment keeps must also be in order)."""
    kept = han = 0
    for x in range(p - m, p):
        e = echoes[x]
        if (e >> m) & _KEPT_AT:
            kept += 1
            han += e & 1
    return kept, han


def _copy_alignment(copy: str, phrase: str) -> tuple[int, int, int, int, int] | None:
    """(kept, kept Han, look-alike misreadings, other misreadings, lost) of `copy` as a misread `phrase`; None when
    it adds a character, misreads a mark, digit or letter (a garbled copy misreads Han, and keeps the marks:
    '的配电变压器。配电变压器' swaps a word for a mark) or reads a numeral as another (another figure: '二等功' /
    '三等功'), or misreads one character the same way twice (a parallel phrase swaps its word wherever it stands:
    '别人干啥我干啥，别人上啥我上啥'; misreadings fall independently).

    The opcodes are read as plain tuples (`as_list`: rapidfuzz documents a list of tuples, its stub says `Opcode`
    objects), typed so that the compiled code unpacks them and slices natively (five attribute lookups an opcode
    through Python before), and the kept Han are counted on code points (`textutil.is_han_code`), not by a generator calling
    `is_han` on a new string a character (session 57: 102 M of the compiled stage's 936 M instructions, 40 tuning
    pages)."""
    kept = han = alike = other = lost = 0
    swaps: set[tuple[str, str]] = set()
    ops: list[tuple[str, int, int, int, int]]
    ops = Levenshtein.opcodes(copy, phrase).as_list()  # type: ignore[assignment]
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            kept += i2 - i1
            for k in range(i1, i2):
                cp = ord(copy[k])
                if 0x4E00 <= cp <= 0x9FFF or cp >= 0x3400 and is_han_code(cp):
                    han += 1
        elif tag == "insert":
            lost += j2 - j1
        elif tag == "delete" or i2 - i1 > j2 - j1:
            return None
        else:
            lost += (j2 - j1) - (i2 - i1)
            for a, b in zip(copy[i1:i2], phrase[j1:j1 + i2 - i1]):
                if not (is_han(a) and is_han(b)) or _both_figures(a, b) or (a, b) in swaps:
                    return None
                swaps.add((a, b))
                if looks_alike(a, b):
                    alike += 1
                else:
                    other += 1
    return kept, han, alike, other, lost


def _copy_past_end(copy: str, rest: str) -> tuple[int, int, int, int, int] | None:
    """`_copy_alignment` of a copy longer than the text left after it (`rest`, the phrase up to the text's end): the
    copy's first len(rest) characters align with the phrase, each later one is a misreading of a character the text
    does not print (an other misreading: `_copy_evidence` takes one at most).

    A copy misread one character past the phrase ('国家技米监督局阳' of '国家技术监督局日…') aligns with the phrase and the
    character after it; where the phrase ends the text, that character is not printed, and asked only against the m to
    m + MAX_COPY_DROPS characters after it the copy aligned nowhere, so a copy read from a character later, which
    keeps the stray character as the phrase's first ('…国家技米监督局' before '阳国家技术监督局': one lost), was taken
    instead and the stray character stayed."""
    if not all(is_han(c) and not _is_figure(c) for c in copy[len(rest):]):
        return None  # (a misreading is of Han by Han, `_copy_alignment`)
    a = _copy_alignment(copy[:len(rest)], rest)
    if a is None:
        return None
    kept, han, alike, other, lost = a
    return kept, han, alike, other + len(copy) - len(rest), lost


def _misaligned(copy: str, phrase: str) -> bool:
    """True only when every alignment `_copy_alignment` makes of `copy` with a prefix of `phrase` is None or misreads
    two characters or more as no look-alike (a sufficient test: False does not say an alignment will pass) (`other`, of which `_copy_evidence` takes one at most): `copy` holds a
    character other than Han that `phrase` lacks (neither kept, which needs it in the phrase, nor misread, which is
    of Han by Han: None), or two characters that `phrase` lacks whose look-alikes it lacks too (each misread as no
    look-alike of the character it stands for, or None).

    Why: `_copy_evidence` aligned three phrase lengths at each place `_copy_places` gives (rapidfuzz's opcodes, 8,000
    instructions a call), and 72% of those places have such a character (913 of 1,275 on 40 tuning pages: a mark of
    the copy, or two misreadings no look-alike explains); one pass over the copy turns them away, the look-alikes
    looked up only when two Han characters or more are missing."""
    missing: list[str] = []
    for c in copy:
        if c in phrase:
            continue
        if not is_han(c):
            return True
        missing.append(c)
    if len(missing) < 2:
        return False
    unlike = 0
    for c in missing:
        if not holds_any(alikes(c), phrase):
            unlike += 1
            if unlike == 2:
                return True
    return False


def _alignment_score(a: tuple[int, int, int, int, int]) -> float:
    """The score `_copy_evidence` ranks a copy's alignments by: kept Han count 1, other kept characters and look-alike
    misreadings 0.3, other misreadings -0.6, lost characters -0.7 (`a`: `_copy_alignment`'s tuple)."""
    kept, han, alike, other, lost = a
    return han + 0.3 * (kept - han + alike) - 0.6 * other - 0.7 * lost


def _copy_evidence(text: str, p: int, m: int, lm: WordLM) -> tuple[int, float, str] | None:
    """(aligned length of the phrase at p, evidence, why) when text[p - m:p] is a garbled copy of the phrase; else
    None.

    The phrase's aligned part is m to m + MAX_COPY_DROPS characters long, or what is left of the text where it ends
    before m (`_copy_past_end`): the best alignment by `_alignment_score`. A copy that has the evidence but reads as
    another item of a list (`_reads_as_another_name`) gets the evidence `_ANOTHER_NAME`: it stays, and so does every
    copy overlapping it that ranks lower (`drop_garbled_doublings`)."""
    copy = text[p - m:p]
    room = len(text) - p
    if room >= m and _misaligned(copy, text[p:p + m + MAX_COPY_DROPS]):
        return None  # (a bound: no alignment below can pass; 913 of the 1,275 places of 40 tuning pages)
    if LCSseq.similarity(copy, text[p:p + m + MAX_COPY_DROPS]) < max(4, 0.6 * m):
        return None  # (a bound, one call: too few characters kept in order for any alignment below)
    best: tuple[float, int, tuple[int, int, int, int, int]] | None = None
    for n in range(m, min(m + MAX_COPY_DROPS, room) + 1):
        a = _copy_alignment(copy, text[p:p + n])
        if a is None:
            continue
        score = _alignment_score(a)
        if best is None or score > best[0]:
            best = (score, n, a)
    if room < m:  # the text ends before the copy's length: its last characters stand past the end (`_copy_past_end`)
        a = _copy_past_end(copy, text[p:])
        if a is not None:
            score = _alignment_score(a)
            if best is None or score > best[0]:
                best = (score, room, a)
    if best is None:
        return None
    _, n, (kept, han, alike, other, lost) = best
    if lost > MAX_COPY_DROPS or other > 1 or han < 4 or kept < 0.6 * m:
        return None
    if alike + other == 0:
        k = _lost_inside(copy, text[p:p + n])
        if k < 0:
            return None
        worse = _copy_reads_worse(text, p, m, n, lm) - lm.score(text[p + k])
        return (n, worse, f"the copy lost one character inside, {kept} kept; reads {worse:.1f} nats worse") \
            if worse >= LOST_WORSE else None
    worse = _copy_reads_worse(text, p, m, n, lm)
    if worse < (COPY_WORSE if alike else COPY_WORSE_UNLIKE) or _whole_clause(text, p, m):
        return None
    if NAME_GUARD and _reads_as_another_name(copy, text[p:p + n], lm):
        return n, _ANOTHER_NAME, "another item of a list"
    past = "" if n >= m else f", {m - n} past the text's end"
    return n, worse, f"{alike + other} misread ({alike} look-alike{past}), {lost} lost; reads {worse:.1f} nats worse"


# A list of names that differ in one character, printed without marks between them ('…华南师范大学华中师范大学…': two
# regions, one kind of school), has the shape of a garbled copy, and the word model, which holds one name as a word
# and not the other, reads the first one clearly worse (12 nats): dropped, the list lost an item. A misreading is a
# character the OCR put for another, and seldom makes a word with its neighbours, while the first item of such a list
# reads as a run of words ('华南|师范大学'). So a copy with a misreading inside a word of two or more characters, in a
# reading of the copy with no one-character word inside it (its first and last words may be cut by the copy's ends),
# is another name, and stays; so does a copy read shifted by a character or two from such a list ('南师范大学华' before
# '中师范大学等单'), which overlaps the name's span and ranks below it. A right copy ranks above its own shifted reads,
# which may end in a word ('胳主管部门开价' before '格主管部门开展'), so they veto nothing (review rnames57).
# Set on data (`garble_exp.py 1 12000`, review rnames57's seed and size): copies of tuning-day phrases (days 0101-0116)
# garbled by one character drawn by the corpus's character frequencies among those the look-alike table lacks (4,071
# removed before), or among the table's look-alikes (4,398), or one of each (9,757): the guard keeps 6, 10 and 12 of
# those removals (0.1-0.2%: a chance word, '四科人民出版社' for '四川…'). Invented two-item lists: of 648 with places one
# character apart (18 pairs, 18 kinds of institution) 25 lost an item, of 242 with places one look-alike apart
# ('海南…河南…') 34 did; now none. Review rnames57's 9,072 lists of 108 pairs of real cities: 52 lost an item, now 19,
# each a shifted read whose aligned copy is no candidate ('头市政府汕' before '头市政府的' in '包头市政府汕头市政府的'; '丽江'
# and '丽水' alike). The 51 garbled copies removed on the dev pages (synthetic tune and fresh seeds 2 and 4, real-OCR
# tune and fresh seed 2, THUCNews 22) all still go: their misreadings stand alone ('的蒸悦' for '的喜悦').
NAME_GUARD: Final = True
_ANOTHER_NAME: Final = float("-inf")  # `_copy_evidence`'s evidence for a copy that reads as another name
# the word that holds the misreading must be one the word model does not hold as rare: most of its entries are the
# source dictionary's rare pairs (212k of 348k at log p <= -16.5: '已资', '合定', '够力'), which a misreading makes by
# chance ('经济已资成为'); the place names of review rnames57's 108 pairs of cities one character apart read -14.2 or
# more ('雅安' -14.2, '南充' -14.0)
NAME_WORD_LOGP: Final = -16.0
_NO_WORD: Final = -99.0  # (`word_logp` of a string the model lacks: None)


def _reads_as_another_name(copy: str, phrase: str, lm: WordLM) -> bool:
    """Whether `copy`, aligned with `phrase` (the part the text prints: a copy past the text's end is asked on its
    aligned characters), reads as a run of words (no one-character word but at its ends, in the word model's best
    reading) with a misreading inside a word of two or more characters that the model does not hold as rare
    (NAME_WORD_LOGP): a list's other item, not a garbled copy ('华南|师范大学'
    before '华中师范大学'; '海南|师范大学' before '河南师范大学', one look-alike apart)."""
    words = lm.segment(copy)
    if any(len(w) < 2 for w in words[1:-1]):
        return False
    ends = list(accumulate(len(w) for w in words))
    for op in Levenshtein.opcodes(copy[:len(phrase)], phrase):
        if op.tag != "replace":
            continue
        for k in range(op.src_start, min(op.src_end, op.src_start + op.dest_end - op.dest_start)):
            w = words[bisect_right(ends, k)]  # the word holding copy[k]
            if copy[k] != phrase[op.dest_start + k - op.src_start] and len(w) >= 2 \
                    and (lm.word_logp(w) or _NO_WORD) > NAME_WORD_LOGP:
                return True
    return False


def _lost_inside(copy: str, phrase: str) -> int:
    """Where in `phrase` the one Han character lies that `copy` lost inside it, five or more characters kept around
    it; -1 when it lost none so, or a numeral (another figure: '第三十条、第三十一条'). A lost character at either end
    is a phrase said again after a mark ('内部控制制度。内部控制制度')."""
    if len(copy) < 5 or len(phrase) != len(copy) + 1:
        return -1
    k = next((i for i, (a, b) in enumerate(zip(copy, phrase)) if a != b), len(copy))
    ok = 0 < k < len(copy) and is_han(phrase[k]) and not _is_figure(phrase[k]) and copy[k:] == phrase[k + 1:]
    return k if ok else -1


def _whole_clause(text: str, p: int, m: int) -> bool:
    """Whether the copy text[p - m:p] is a whole clause: a mark (or the text's start) before it, and one ending it.
    Parallel clauses do that ('家装业怎么办？住宅产业怎么办？' on a THUCNews page, 7.4 nats with one look-alike; a rarer
    trade's name in the same frame reads 11.6 nats worse), so a misread copy is never taken there; a copy printed by
    mistake starts and stops anywhere (one that opens on the mark before its phrase, '，到了肩期，资全允裕子，到了后期，'
    ends inside a clause)."""
    return (p == m or text[p - m - 1] in _ITEM_MARKS) and text[p - 1] in _ITEM_MARKS


def _copy_reads_worse(text: str, p: int, m: int, n: int, lm: WordLM) -> float:
    """How many nats better the six characters before the copy read going on with the phrase's aligned part than
    with the copy: a misread copy breaks words the phrase makes ('技米', '局阳' against '技术', '局日'). Where the text
    ends inside the phrase (n < m, `_copy_past_end`), the copy's characters past the end follow the phrase too, so
    both sides hold them: a last character that completes a word with the one before it ('…安徽农|业' over
    '安徽省') costs the copy nothing it does not cost the phrase (review rdedup55: a list of institutions lost one)."""
    left = text[max(0, p - m - 6):p - m]
    copy = text[p - m:p]
    return lm.score(left + text[p:p + n] + copy[n:]) - lm.score(left + copy)


def _removal_gain(text: str, p: int, m: int, lm: WordLM) -> float:
    """How well the whole text reads without the copy text[p - m:p] (ranks overlapping candidates, which all read
    the same text: a copy shifted by a character leaves a broken word at one seam, '何祚欢、' read '何祚证、')."""
    return lm.score(text[:p - m] + text[p:])
