"""Doubled characters and 2-4 character units: which copy to drop (`_judge_double`, by the best
segmentation and the word LM's gain, or, for two lone copies of a function word, by the dictionary's figures of
the word: `function_doubles`), the guards of `doubling_guards` asked first, and a doubled character both of whose
copies sit inside words refilled when one copy then completes a dictionary word of four or more characters
(`_refill`).
"""
from __future__ import annotations

import re  # the standard library's engine: these patterns need nothing of `regex`, and it runs them 2-4x faster
from bisect import bisect_right
from typing import Final

from ...textutil import HAN_CLASS, is_han_code
from ...lm import WordLM
from ...wordfreqs import WORD_LENGTHS, zipf_table
from .common import (
    COMPILED, _han_spans, _pair_counts, _quoted_at, _segments, _sigmoid_conf, Change, QUOTE_MARGIN, SINGLE_PENALTY, WINDOW,
    WORD_PENALTY
)
from . import doubling_guards as guards  # the guards' switches are read there, where tests turn them off
from .function_doubles import function_double
from .doubling_guards import _a_not_a, _dotted_name, _parallel_double, _space_cut, institution_end_share, PARALLEL_SPAN


# (REFILL_MARGIN and FIRST_ALONE_MARGIN not `Final`: mypy reads a `Final` optional float as unnarrowed after its
# `is None` test in the functions that add it, so they stay globals the compiled code looks up where it reads them)
REFILL_MARGIN: float | None = 2.0  # not None: `_refill` is tried at a doubled character both of whose copies
                                    # sit inside words, and needs this much more than the threshold
FILL_TOP: Final = 20         # two-character words tried on each side of a doubled character (`_refill`)


FIRST_ALONE_MARGIN: float | None = 3.0  # not None: a lone copy before a word opening with it (某甲|乙|乙丙) may go,
                                        # for this much more gain than a lone second copy needs (某局|局长 is
                                        # right as printed). Session 10, None -> 0 / 1 / 2 / 4, synthetic glyph
                                        # right/false on tune 193/15 -> 203/17, 201/16, 198/15, 194/15; seed-2
                                        # pages 207/27 -> 218/26, 215/26, 214/26, 209/26; at 2, 1 more change in
                                        # clean tuning-day text (of 7,465 sentences) and 2 more wrong in
                                        # real_ocr_tune's 1,670 paragraphs (an institution's name before its
                                        # title, as in the clean case, and a misread reduplication). Session 47:
                                        # 2 -> 3 as DOUBLE_MARGIN went 2 -> 1, the lone first copy's need the same
                                        # (lowering it, 2 -> 1 with DOUBLE_MARGIN 2: +12 right, 0 wrong on the
                                        # tuning and unseen-text pages, but FASpell train 5 more false changes:
                                        # one OCR sentence read five ways, 争春|春色满园 without 争春 in the dictionary)
PAIR_MARGIN: Final = 2.0     # and more when the doubled pair occurs inside some word (年年, 不了了之)


SPLIT_WORD: Final = True  # a doubled pair the dictionary holds as a rare word (常常, 表表) that the best segmentation cuts
                   # between its copies inside a run of Chinese characters is judged as any doubling (before: kept as a
                   # word). Session 24: synthetic tune 179/181 -> 182/184 right/made, fresh seed 2 193/197 -> 197/201
                   # (人大|常|常委会, 代表|表|大会), unseen-text pages (THUCNews, days 0101-0108 and 0109-0116), clean
                   # tuning-day text (958,608 characters) and FASpell train unchanged; at the run's edge (搭配|配18…)
                   # the words beyond are unseen, and the one such removal on those pages was wrong. Tried with it and
                   # not kept: no PAIR_MARGIN for a lone second copy (方面|面, 市场|场): unseen-text pages +16 right
                   # and +5 wrong, tuning pages +14 / +1, but 3 more wrong on 4 real_ocr_tune pages (缝缝补补 and
                   # 兢兢业业 read with the first pair misread, 象角村|村民) and 2 more in clean text (北京|京港)


DOUBLE_MARGIN: Final = 1.0   # extra gain a doubled character's removal needs (function words double legitimately).
                      # Session 47 (double47), 2 -> 1 with FIRST_ALONE_MARGIN 2 -> 3, so only a lone second copy
                      # after a word ending in it (成功|功) needs less: glyph right/made on synthetic tune 205/207 ->
                      # 209/211, fresh seeds 2, 4, 5, 6 220/223 -> 222/225, 207/208 -> 217/218, 235/241 -> 241/247,
                      # 229/233 -> 234/237, unseen-text pages (THUCNews) seeds 22, 23 178/208 -> 185/215, 167/200 ->
                      # 173/206 (no new wrong fix; AABB_GUARD removed one); clean tuning-day sentences 5 -> 6 changed
                      # of 19,574 (北京|京|港: a name); FASpell train the same. At 0.5: 3 more right, 4 more wrong;
                      # at 1.5: 25 fewer right, none fewer wrong
MODERN_WORD_MARGIN: Final = 1.0  # review47a: a lone second copy that opens a word of wordfreq's running-text list (2-4
                          # characters, `opens_running_word`) needs this much more, the band DOUBLE_MARGIN's 2 -> 1
                          # opened: jieba's 1998-era dictionary lacks 片方, 京港, 自媒体, so 影片|片|方 read as a doubling
                          # (People's Daily 0101-0116 and THUCNews sentences: the two wrong removals there kept; the new
                          # right fixes on synthetic tune and fresh seeds 2 and 4 all kept; at any gain instead, older
                          # right fixes lost: 输入|入|国)
EDGE_SPAN: Final = 24        # characters each side of a doubled unit that is no word whose best segmentation
                      # `_judge_double` reads (whether the kept copy's edges cut a word)


NUMERALS: Final = set("一二三四五六七八九十两几百千万半每")


_HAN_PAIR: Final = re.compile(f"[{HAN_CLASS}]{{2}}")
_REPEAT: Final = re.compile(f"([{HAN_CLASS}]{{1,4}})\\1")
_REPEAT_AT: Final = re.compile(r"(?=(.{1,4})\1)", re.S)  # every position of a Han run where a unit printed twice starts


def _repeat_start(text: str, pos: int) -> int:
    """Where `_REPEAT` first matches in `text` from `pos` on (`search`'s start), or -1.

    Compiled, by a walk over the code points (`_repeat_walk`: the same place, tests/test_fast57g_spec.py);
    interpreted, the pattern's scan is the faster."""
    if COMPILED:
        return _repeat_walk(text, pos)
    m = _REPEAT.search(text, pos)
    return -1 if m is None else m.start()


def _repeat_walk(text: str, pos: int) -> int:
    """The first place p >= pos where a unit text[p:p + k] of one to four Han characters (`textutil.HAN_CLASS`) is
    printed again right after it (`_REPEAT`'s first match from pos), or -1.

    Why: `_doubled` asks this of every block at every step that reads it, and most blocks hold no such unit; the
    pattern tried each of the four lengths at each Han character through the regex engine (on 50 tuning pages
    about 4.7% of the stage's instructions), where compiled code compares the code points in place (no string
    made), most places failing on their first character."""
    n = len(text)
    for p in range(pos, n - 1):
        o = ord(text[p])
        if not (0x4E00 <= o <= 0x9FFF or o >= 0x3400 and is_han_code(o)):
            continue
        for k in range(1, 5):
            if p + 2 * k > n:
                break
            j = 0
            while j < k and ord(text[p + j]) == ord(text[p + k + j]):
                j += 1
            if j < k:
                continue
            j = 1  # the unit's first character is Han (above); its others must be too
            while j < k:
                o = ord(text[p + j])
                if not (0x4E00 <= o <= 0x9FFF or o >= 0x3400 and is_han_code(o)):
                    break
                j += 1
            if j == k:
                return p
    return -1


def _doubled(text: str, lm: WordLM, threshold: float, known: dict[str, int] | None = None) -> list[Change]:
    out: list[Change] = []
    # a unit printed twice lies inside one Han run: search the text, take the run the match is in,
    # and search again after that run (each character is scanned once at most)
    found = _repeat_start(text, 0)
    if found < 0:
        return out
    seen = known if known is not None else _pair_counts(text)
    dotted_guard, space_guard = guards.DOTTED_NAME_GUARD, guards.SPACE_CUT_GUARD
    spans = _han_spans(text)
    ends = [b for _, b in spans]
    at = 0
    while found >= 0:
        at = bisect_right(ends, found, at)  # the run the match lies in
        a, b = spans[at]
        found = _repeat_start(text, b)
        run = text[a:b]
        seg_of = _LazySegOf(lm, run)  # segmented when a judgement first asks (most do not)
        # only the positions where a unit printed twice starts are visited (elsewhere nothing is done)
        starts = [r.start() for r in _REPEAT_AT.finditer(run)]
        q, i = 0, 0
        while True:
            while q < len(starts) and starts[q] < i:
                q += 1
            if q == len(starts):
                break
            i = starts[q]
            k = next(k for k in (4, 3, 2, 1) if i + 2 * k <= len(run) and run[i:i + k] == run[i + k:i + 2 * k])
            unit = run[i:i + k]
            if guards.SAME_RUN_GUARD and (stop := guards.same_run_end(run, i, lm.has)) >= 0:
                i = stop
                continue  # one character four or more times in a row (炒米米米米), no word (渐渐) printed twice
            if dotted_guard and _dotted_name(text, a + i, a + i + 2 * k, lm.has):
                i += 1
                continue  # in a name joined by the separator dot: a transliteration may repeat a syllable
            if k == 1 and space_guard and _space_cut(text, a + i):
                i += 1
                continue  # a space cuts the words around the pair (部部 长): the run alone cannot judge it
            if k == 1 and PARALLEL_SPAN and _parallel_double(text, a + i, PARALLEL_SPAN):
                i += 1
                continue  # another character doubled after the same one close by: a parallel phrase, as written
            if k == 1 and guards.BLOCK_END_GUARD and not text[a + i + 2:].strip():
                i += 1
                continue  # the pair ends the block: the word the second copy may open lies beyond (a cell, a cut)
            if k == 1 and seen.get(unit + unit, 0) > 1:
                i += 1
                continue  # the same doubled character printed again in the document: as written (a name)
            ch = _judge_double(run, i, k, unit, lm, seg_of, threshold, a > 0 and text[a - 1].isdigit())
            if ch is None and k == 1 and REFILL_MARGIN is not None and unit + unit not in lm.pairs:
                need = threshold + REFILL_MARGIN + (QUOTE_MARGIN if _quoted_at(text, a + i) else 0.0)
                fill = _refill(run, i, lm, need)
                if fill is not None:
                    p, x, conf, why = fill
                    out.append(Change(a + p, a + p + 1, x, "glyph", unit, conf, why))
                    i += 2
                    continue
            if ch is not None:
                drop, why, conf = ch
                p = a + drop
                out.append(Change(p, p + k, "", "doubled", unit, conf, why))
                i += 2 * k
            else:
                i += 1
    return out


def opens_running_word(run: str, p: int) -> bool:
    """Does run[p] open a word of two to four characters that wordfreq's running-text list holds (`zipf_table`, its
    floor Zipf 1.5)? Such a word may be one the stage's dictionary is too old to know (片方 after 影片)."""
    table = zipf_table()
    return any(table.get(run[p:p + m]) is not None for m in WORD_LENGTHS if p + m <= len(run))


class _SegOf:
    """Position -> (start, end) of the word of a segmentation that holds it (`seg_of[i]`, `seg_of.get(i)`),
    found by bisection over the word starts instead of a dict filled character by character."""

    __slots__ = ("segs", "starts")

    def __init__(self, segs: list[tuple[int, int]]) -> None:
        self.segs = segs
        self.starts = [s for s, _ in segs]

    def __getitem__(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.starts, i) - 1
        if k < 0 or i >= self.segs[k][1]:
            raise KeyError(i)
        return self.segs[k]

    def get(self, i: int, default: tuple[int, int] | None = None) -> tuple[int, int] | None:
        try:
            return self[i]
        except KeyError:
            return default


class _LazySegOf(_SegOf):
    """`_SegOf` of the best segmentation of `run`, made when it is first asked.

    Why: most doublings a run holds are settled before any segmentation is read (a guard, a word of the
    dictionary such as 常常, a numeral), and segmenting the whole run was the larger part of `_doubled`.
    """

    __slots__ = ("lm", "run")

    def __init__(self, lm: WordLM, run: str) -> None:
        self.lm, self.run = lm, run

    def __getitem__(self, i: int) -> tuple[int, int]:
        try:
            self.starts
        except AttributeError:
            _SegOf.__init__(self, _segments(self.lm, self.run))
        return _SegOf.__getitem__(self, i)


def _refill(run: str, i: int, lm: WordLM, need: float) -> tuple[int, str, float, str] | None:
    """run[i] == run[i + 1], the pair is no known pair and no doubling to remove (`_judge_double` found none;
    人民共共国): one copy may be another character read as its neighbour (a reduplication the dictionary knows,
    赫赫 in 声名赫赫, is never tried). The fills tried are the characters the dictionary's most frequent two-character
    words put beside the copy (`_two_char_words`); a fill is made when it completes a dictionary word of four
    or more characters over both copies and the window's gain clears `need`. Returns (position, fill,
    confidence, reason) or None."""
    opens, closes = _two_char_words(lm)
    logp = lm.logp
    lo, hi = max(0, i - WINDOW), min(len(run), i + 2 + WINDOW)
    base = lm.score(run[lo:hi], WORD_PENALTY, SINGLE_PENALTY)
    scored = []
    for p in (i, i + 1):
        fills: set[str] = set()
        if p:
            fills.update(w[1] for w in opens.get(run[p - 1], ()))
        if p + 1 < len(run):
            fills.update(w[0] for w in closes.get(run[p + 1], ()))
        fills.discard(run[p])
        for x in fills:
            alt = run[:p] + x + run[p + 1:]
            word = next((alt[s:e] for s in range(max(0, i - 3), i + 1)
                         for e in range(min(len(alt), s + lm.max_len), i + 1, -1)
                         if e - s >= 4 and alt[s:e] in logp), None)
            if word is None:
                continue
            scored.append((lm.score(alt[lo:hi], WORD_PENALTY, SINGLE_PENALTY) - base, p, x, word))
    if not scored:
        return None
    scored.sort(reverse=True)
    g, p, x, word = scored[0]
    if g < need or (len(scored) > 1 and scored[1][0] >= g - 1.0):
        return None  # below the bar, or two fills nearly as good: no telling which was meant
    return (p, x, _sigmoid_conf(g - need),
            f"'{run[i]}' printed twice inside words; '{x}' for one copy makes the word '{word}': "
            f"LM gain {g:.1f} >= {need:.1f}")


def _judge_double(run: str, i: int, k: int, unit: str, lm: WordLM,
                  seg_of: _SegOf, threshold: float, after_digit: bool = False) -> tuple[int, str, float] | None:
    """Where to drop one copy of `unit` doubled at run[i:i+2k], or None for a legit reduplication (`after_digit`:
    a digit stands right before the run, whose first character is then a unit: 3亿, 1200吨)."""
    doubled = unit + unit
    if any(lm.has(run[x:y]) for x in range(max(0, i - 2), i + 1)
           for y in range(i + 2 * k, min(len(run), i + 2 * k + 2) + 1) if y - x > 2 * k):
        return None  # the doubling is inside a longer word (一个个, 子子孙孙)
    if lm.has(doubled) and not (SPLIT_WORD and k == 1 and 0 < i and i + 2 < len(run)
                                and (run[i - 1] + unit in lm.pairs or unit + run[i + 2] in lm.pairs)
                                and seg_of[i] != seg_of[i + 1]):
        # the doubled form is itself a word (常常, 看看, 人人); a rare one (表表) that the best segmentation cuts
        # between its copies, one of them joined to a neighbour in a word, is judged as a doubling (`SPLIT_WORD`;
        # no known pair with either neighbour: no such word, and the run is not segmented), but only inside the run
        # of Chinese characters: at its edge the words beyond (a model number) are unseen
        return None
    if unit[0] in NUMERALS or (i and run[i - 1] in NUMERALS):
        return None  # 一步一步, 一只只: numeral and measure-word reduplication
    if k == 1:
        if guards.AABB_GUARD and guards.half_of_aabb(run, i, lm.has):
            return None  # 路踏实实: the pair is half of a reduplicated word whose other half was misread or dropped
        s1, s2 = seg_of[i], seg_of[i + 1]
        first_alone, second_alone = s1 == (i, i + 1), s2 == (i + 1, i + 2)
        if first_alone and second_alone and (why := function_double(run, i, unit, lm)) is not None:
            return i + 1, why, 0.7  # 指明|了|了|方向: Tesseract's doubled function word (`function_doubles`)
        if first_alone == second_alone:
            return None  # 中国国家: both copies inside words; 只只, 童童: two lone copies (a measure word, a pet name)
        if guards.AABB_MISREAD_GUARD and guards.aabb_misread(run, i, second_alone, lambda p: seg_of[p], lm,
                                                             after_digit):
            return None  # 欧|敬业|业: an AABB word (兢兢业业) with its other half misread, no word printed twice
        margin = DOUBLE_MARGIN + (PAIR_MARGIN if doubled in lm.pairs else 0.0)
        if first_alone:
            if FIRST_ALONE_MARGIN is None:
                return None
            if (share := guards.INSTITUTION_SHARE) is not None and institution_end_share(unit) >= share:
                return None  # 某某司|司长: the lone copy closes an institution's name the dictionary lacks
            # a lone copy before a word opening with it (某局|局长 is right, 某甲|乙|乙丙 a misprint): the
            # lone copy goes only on a larger gain
            margin += FIRST_ALONE_MARGIN
            drop, where = i, "the first copy stands alone"
        else:
            # the second copy stands alone after a word ending in it (供应链链)
            drop, where = i + 1, "the second copy stands alone"
        # dropping it must gain more than dropping a common one-character word would
        ctx_with = run[max(0, i - WINDOW):i + 2 + WINDOW]
        ctx_without = run[max(0, i - WINDOW):i + 1] + run[i + 2:i + 2 + WINDOW]
        gain = lm.score(ctx_without) - lm.score(ctx_with)
        if gain < threshold + margin:
            return None  # 目的的, 可以以: a frequent one-character word may well follow
        if second_alone and gain < threshold + margin + MODERN_WORD_MARGIN and opens_running_word(run, i + 1):
            return None  # 影片|片|方: the copy opens a word of today's running text the 1998 dictionary lacks (片方)
        what = "a word the best segmentation cuts between the copies" if lm.has(doubled) else "no word"
        return drop, (f"'{doubled}' is {what} and {where} in "
                      f"{lm.segment(run[max(0, i - 3):i + 5])}; removal gain {gain:.1f}"), 0.8
    if _a_not_a(unit, lm):
        return None  # 容易不容易不…: an A-not-A question whose next word opens with the negation
    if not lm.has(unit):
        # 2-4 characters that are no word, printed twice: a pattern when the copy is whole words
        # (走啊走啊, 品着品着); a misprint when, with one copy gone, the copy's edges cut a word (政府把府把扶贫)
        if all(seg_of[p][1] - seg_of[p][0] > 1 for p in range(i, i + 2 * k)):
            return None  # as printed, both copies lie inside words of two or more characters (去年|一年|一些)
        once = run[:i + k] + run[i + 2 * k:]
        # the copy's edges in the best segmentation of a window around it, not of the whole run: segmenting the
        # run again for every such unit cost run length x units (the window's own ends count as edges, but lie
        # `EDGE_SPAN` away from the two asked)
        w0, w1 = max(0, i - EDGE_SPAN), min(len(once), i + k + EDGE_SPAN)
        edges = {w0 + s for s, _ in _segments(lm, once[w0:w1])} | {w1}
        if i in edges and i + k in edges:
            return None
        lo = max(0, i - WINDOW)
        gain = lm.score(once[lo:i + k + WINDOW]) - lm.score(run[lo:i + 2 * k + WINDOW])
        if gain < threshold:
            return None
        return i + k, f"'{unit}' printed twice and its copy cuts a word; removal gain {gain:.1f}", 0.7
    if guards.MIDDLE_WORD_GUARD and guards.three_words(run, i, k, lm.has):
        return None  # 平时|计时|计件: the pairs across the copies' edges are words, three words as printed
    first = seg_of.get(i) == (i, i + k)
    second = seg_of.get(i + k) == (i + k, i + 2 * k)
    before = run[:i]
    after = run[i + 2 * k:]
    if any(lm.has(unit + after[:m]) for m in range(1, 3) if len(after) >= m):
        return None  # the second copy opens a longer word: 车间车间主任, 研究研究生
    # the tail of the unit makes a word with what follows (某化|为 → 化为): the copy was meant once
    bound = any(lm.has(unit[-j:] + after[:m]) for j in range(1, k) for m in range(1, 3) if len(after) >= m)
    if k == 2 and not bound:
        return None  # ABAB of a word: a reduplicated verb or adjective (研究研究, 商量商量, 很远很远)
    if first and second and not bound:
        return None
    gain = lm.score(before[-WINDOW:] + unit + after[:WINDOW]) - lm.score(before[-WINDOW:] + doubled + after[:WINDOW])
    if gain < 0:
        return None
    why = "what follows binds the copy's tail into a word" if bound else "the copies are not whole words"
    return i + k, f"'{doubled}' is no word; {why}; removal gain {gain:.1f}", 0.7


def _two_char_words(lm: WordLM) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """{c: the `FILL_TOP` most frequent two-character words opening with c}, and the same for words ending
    in c: the words a lone character may be the remnant of. Built once, memoised on the model."""
    got = lm.__dict__.get("_two_char_words")
    if got is not None:
        return got
    opens: dict[str, list[str]] = {}
    closes: dict[str, list[str]] = {}
    two = [w for w in lm.logp if len(w) == 2]
    for w in sorted(filter(_HAN_PAIR.fullmatch, two), key=lm.logp.__getitem__, reverse=True):
        o = opens.setdefault(w[0], [])
        if len(o) < FILL_TOP:
            o.append(w)
        e = closes.setdefault(w[1], [])
        if len(e) < FILL_TOP:
            e.append(w)
    got = lm.__dict__["_two_char_words"] = ({k: tuple(v) for k, v in opens.items()},
                                            {k: tuple(v) for k, v in closes.items()})
    return got
