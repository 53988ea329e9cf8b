"""Garbled copies of the end of a line opening the next line (`garbled_prefix`, `_CopyFinder`)."""
from __future__ import annotations

from dataclasses import replace
from typing import Final, Sequence
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)
from itertools import compress

import re as _re

from rapidfuzz.distance import Editops, LCSseq, Indel, Levenshtein

from ...lm import WordLM
from ...model import TEXT, TITLE, Edit
from ...textutil import HAN_CLASS, is_han
from ..flow.words import ends_with_function_word, word_tags
from .common import (CLOSED_CLASSES, _CLAUSE_MARKS, _CLOSING, _both_figures, _has_word_at, _is_figure, _same_figures, _swaps_one_word, _word_swaps,
                     content, holds_two, looks_alike)
from .doublings import _HAN_DIGITS, _word_spans
from .repeats import _Seg
from .rows import _figure_lost, _figure_row, _row_copy_of


_NOT_HAN: Final = _re.compile(f"[^{HAN_CLASS}][^{HAN_CLASS}]*")  # what `is_han` does not take (in the form sre skips to fast:
# `common._NOT_DIGIT`)
_A_DIGIT: Final = _re.compile("[0-9]")  # (normalize has made every digit ASCII)
_FIGURE: Final = _re.compile("[0-9]{3,}")  # a figure of three or more digits (a year, an amount): rarely shared by chance

_FOLD: Final = str.maketrans({"“": "\"", "”": "\"", "‘": "'", "’": "'", ",": "，", ";": "；", ":": "：",
                       "!": "！", "?": "？", "(": "（", ")": "）"})
_FOLDED: Final = frozenset(_FOLD.values())
# every printed form of a folded mark: itself and what `_FOLD` maps to it (find each instead of folding a whole head)
_FORMS: Final = {m: (m,) + tuple(sorted(chr(k) for k, v in _FOLD.items() if v == m)) for m in _FOLDED}


def _fold1(c: str) -> str:
    """`c.translate(_FOLD)` for one character (or none), without building a string."""
    return _FOLD.get(ord(c), c) if c else c



def _shared_evidence(tail: str) -> str | tuple[str, ...]:
    """What a copy of `tail` shares with it that chance rarely puts at a line's start: its Han characters, and
    its figures of three or more digits, each as one item (a dated heading, '1994年1月', shares one Han
    character with its garbled copy '1994年1日' but the year too; no two-digit figure counts: months and days
    recur)."""
    han = _NOT_HAN.sub("", tail)
    figures = _FIGURE.findall(tail) if _A_DIGIT.search(tail) else ()
    return tuple(han) + tuple(figures) if figures else han


def _copy_score(tail: str, head: str, floor: float = 0.0, whole_figures: bool = False) -> tuple[float, int]:
    """(score, aligned length of `tail`) of `head` read as a garbled copy of the end of `tail`.

    Matched characters count for, look-alike substitutions a little for, other
    substitutions and gaps against. The copy may start anywhere in `tail`
    (characters of `tail` before it are free) but runs to its end. A length
    whose score cannot reach `floor` is not aligned (the answer is then what the
    other lengths give: the same whenever the best score reaches `floor`). `whole_figures`: a figure of three or
    more digits matched in full counts as much as Han characters (`_figure_bonus`; the copy of a short unmarked line).
    """
    j = len(head)
    best, best_m = 0.0, 0
    figures = _A_DIGIT.search(tail) is not None or _A_DIGIT.search(head) is not None  # else both hold the same: none
    bonus = figures and whole_figures
    lengths = range(max(2, j - 2), min(len(tail), j + 4) + 1)  # a copy loses characters more often than it gains
    for m in sorted(lengths, key=lambda m: Levenshtein.distance(tail[-m:], head))[:3]:
        # a bound: matched characters count at most 1, substitutions at most 0.3, and an alignment matches at most
        # the longest common subsequence and substitutes at most the rest of the shorter string
        if 0.7 * LCSseq.similarity(tail[-m:], head) + 0.3 * min(m, j) \
                + (_figure_bonus(tail[-m:]) if bonus else 0.0) < max(floor, best):
            continue
        score = _aligned_score(tail[-m:], head, figures, bonus)
        if score > best:
            best, best_m = score, m
    return best, best_m


# the score per character a copy of an unmarked line needs when it lost the line's last character or repeats only
# its last clause: such copies on the tuning pages (seed 67, real_ocr-tune) score 0.62-0.87 per character; a
# column line of the clean tuning-day PD pages whose next line starts alike but says more (a word cut at the
# break, '…领域，丰' / '富了…'; a 从A到B sentence, '…从村里的第一条路到' / '村里的第三条路，') at most 0.47
LOST_END_RATIO: Final = 0.6
MAX_MISS_RUN: Final = 3  # a garbled copy misreads scattered characters; a longer run of misses is other text
MAX_SUB_RUN: Final = 5   # ... except a run of characters misread one for one, which keeps the length (a badly blurred patch)


def _aligned_score(a: str, b: str, figures: bool = True, whole_figures: bool = False) -> float:
    """Score of `b` as a misreading of `a` (0 when a run of unexplained differences says it is other text).

    A copy carries the figures of what it copies: when the digits differ
    ('2023年12月' / '2023年2月') it is another figure, not a misreading (`figures` False: the caller knows
    neither string holds a digit).
    """
    if figures and not _same_figures(a, b):
        return 0.0
    score = 0.0
    pos_a = pos_b = 0
    lead = True
    run = 0
    gapped = False  # whether the present run of misses has a character missing or added
    for op in Levenshtein.editops(a, b):  # (Editop objects; `as_list()` gives plain tuples)
        tag, src, dest = op.tag, op.src_pos, op.dest_pos
        if pos_a < src and pos_b < dest:  # a stretch of matches before this edit (added one by one, in order)
            run = 0
            gapped = False
            lead = False
            n = min(src - pos_a, dest - pos_b)
            for c in a[pos_a:pos_a + n]:
                # a Han character rarely matches by chance, a digit or a mark often does (no call for a common Han)
                score += 1.0 if "\u4e00" <= c <= "\u9fff" or is_han(c) else 0.3
            if whole_figures:
                score += _figure_bonus(a[pos_a:pos_a + n])
            pos_a += n
            pos_b += n
        if tag == "replace":
            if a[pos_a].isdigit() and b[pos_b].isdigit():
                return 0.0  # a figure read as another is another figure ('3月' / '4月'), whatever the glyphs
            if looks_alike(a[pos_a], b[pos_b]):
                score += 0.3
            else:
                score -= 0.6
                run += 1
            pos_a += 1
            pos_b += 1
            lead = False
        elif tag == "delete":
            if not lead:
                score -= 0.7  # a character of `tail` before the copy starts costs nothing
                run += 1
                gapped = True
            pos_a += 1
        else:
            if lead and pos_b >= 1:
                return 0.0  # two characters before anything aligns: the copy starts where the line starts
            score -= 0.7
            run += 1
            gapped = True
            pos_b += 1
        if run > (MAX_MISS_RUN if gapped else MAX_SUB_RUN):
            return 0.0
    for c in a[pos_a:]:
        score += 1.0 if "\u4e00" <= c <= "\u9fff" or is_han(c) else 0.3
    if whole_figures:
        score += _figure_bonus(a[pos_a:])
    return score


def _figure_bonus(matched: str) -> float:
    """What the digits of a figure of three or more digits matched in full add to their 0.3 each: such a figure
    matches by chance no more than a Han character does ('1994年1月' / '1994年1日': a year and a month, one
    character misread; at 0.3 a digit the copy scored 1.9, under any threshold)."""
    return 0.7 * sum(map(len, _FIGURE.findall(matched))) if len(matched) >= 3 else 0.0


# how much less likely (natural log) a one-for-one variant of a line may read than the line and still be a line
# of its own: between the real and invented varied lines (least fluent -0.9) and the true garbled copies of the
# tuning pages that change no dictionary word into a non-word (most fluent -2.7) of synthetic-tune, the fresh
# dev pages and real_ocr-tune (`garbled_prefix` firings, labelled by the defect logs)
VARIED_BAR: Final = 1.8
# the bar when a swapped character is a look-alike of the one it replaces and no dictionary word covers it in
# either line ('大问题' / '太问题'): nearer the varied side of the same gap, since OCR makes that swap and
# nothing else says the line is meant (the least fluent varied line of the data reads 0.9 below its original)
LOOK_ALIKE_BAR: Final = 1.0


ONE_SWAP_GAIN: Final = 4.0  # what the one-swap case of `_varied` needs the copy to read better by (nats)


def _varied(lm: WordLM, orig: str, copy: str, marked: bool = True, before: str = "") -> bool:
    """Whether `copy` says `orig` otherwise on purpose (an answer, the next line of a verse or list) rather than
    misreading it: characters swapped one for one or added, none lost, no dictionary word `orig` has at a
    swapped place broken in `copy`, and `copy` reads about as fluently as `orig` under the language model
    (what the added characters cost on their own aside).

    Misreading garbles words into rarer strings ('某甲来了。' read as '某甲夹了。'); a line that varies one
    word of the one before ('上山' / '下山', '人民' / '孩子', '好' / '不好') is as fluent as it. A copy that
    lost a character is judged as before (a copy loses characters far more often than it gains them).
    Without a closing mark (`marked` False: a byline, a credit, a title) a line is mostly names, which no
    dictionary holds: there every swapped or added character must sit in a dictionary word of `copy`.
    Nor is a copy that swaps one character only, into a dictionary word, where `orig` has none: `orig` is then
    the misreading ('…（编犀）' / '…（编辑）'), and the two lines one text printed twice (leak43).
    `before`: the character of the line just before `orig` (a copy may start inside a word: '以期起到…' read
    '之起到…' breaks 以期).
    """
    if len(orig) > len(copy) or orig == copy or _opens_inside(copy):
        return False
    ops = Levenshtein.editops(orig, copy)
    added = 0.0  # what the added characters cost on their own
    bar = VARIED_BAR
    long_copy = marked and len(ops) == 1 and len(content(copy)) >= LONG_COPY
    if not marked and _one_look_alike(orig, copy, ops):
        return False  # a heading said again with one character turned into one of its closest look-alikes ('…在京火化' /
        # '…在家火化'): OCR's swap; a lead restating its heading adds or changes words
    for op in ops:
        if op.tag == "delete":
            return False
        in_word = _has_word_at(lm, copy, op.dest_pos)
        if op.tag == "insert":
            ch = copy[op.dest_pos]
            if (not in_word and not marked) or ch in copy[op.dest_pos - 1:op.dest_pos] + copy[op.dest_pos + 1:op.dest_pos + 2]:
                return False  # a name's character added, or a character printed twice: OCR doubles, a line does not
            if content(copy[op.dest_pos]):
                added += lm.score(copy[op.dest_pos])
        elif in_word and len(ops) == 1 and is_han(orig[op.src_pos]) \
                and not _has_word_at(lm, before + orig, op.src_pos + len(before)) \
                and lm.score(content(copy)) - lm.score(content(orig)) >= ONE_SWAP_GAIN:
            return False  # the line's one swapped character sits in no word, the copy's in one ('…（编犀）' / '…（编辑）'):
            # the line before is the misreading and the two are one text printed twice (a line said otherwise swaps a
            # word for a word). On the tuning pages this took one copy (fresh seed 5) and nothing else. The copy must
            # read ONE_SWAP_GAIN better (review43a: a verse that varies its last verb, 树叶摇 / 树叶落, gains 0.6-1.2;
            # '编犀' / '编辑' 14.9)
        elif _misreads_function_word(orig[op.src_pos], copy[op.dest_pos]):
            return False  # a function word read as a look-alike of another kind, a word with its neighbour or not
            # ('…下降多了。' read '…下降多子。': 多子 is a word, the line no less fluent)
        elif not in_word and (not marked or _has_word_at(lm, before + orig, op.src_pos + len(before))):
            return False  # a word of the line broken into a non-word (or a name's character swapped): a misreading
        elif not in_word and _leaves_its_class(orig[op.src_pos], copy[op.dest_pos]):
            return False  # a function word swapped for a word of another kind ('…谁的…' read '…谁时…', '…有你的…' read
            # '…有不的…'): a line said otherwise swaps a word for one of its kind, a pronoun for a pronoun
        elif not in_word and long_copy:
            return False  # a long clause said again with one character swapped where neither line has a word: a
            # line that varies a clause on purpose swaps a word ('上来' / '下来'); '…上上下下的好评。' read
            # '…上上下下时好评。', '…把自己同某线…' read '…把自己回某线…' are misreadings however fluent
        elif not in_word and looks_alike(orig[op.src_pos], copy[op.dest_pos], LOOK_ALIKES):
            bar = LOOK_ALIKE_BAR  # no word says which reading is meant, and OCR makes this swap
    return lm.score(content(copy)) - added >= lm.score(content(orig)) - bar


def _opens_inside(copy: str) -> bool:
    """Whether `copy` opens inside a bracket or a quotation of the line it repeats: it closes a bracket it never
    opened ('…（作者单位：某某学院）' / '某学院）'), or its first character closes a quotation ('…」某某说。' / '」某说。').
    No line that says the one before otherwise, and no lead restating it, starts there; a copy of the line's end
    does."""
    return copy[:1] in _CLOSERS or copy.count("）") + copy.count(")") > copy.count("（") + copy.count("(")


_CLOSERS: Final = frozenset("”」』）)")


def _one_look_alike(orig: str, copy: str, ops: Editops) -> bool:
    """Whether `copy` is `orig` with one character put for one of its closest look-alikes (`LOOK_ALIKES`)."""
    if len(ops) != 1:
        return False
    (op,) = ops
    return op.tag == "replace" and looks_alike(orig[op.src_pos], copy[op.dest_pos], LOOK_ALIKES)


def _misreads_function_word(was: str, now: str) -> bool:
    """Whether the one-character function word `was` (`CLOSED_CLASSES`) is printed as `now`, one of its closest
    look-alikes (`LOOK_ALIKES`) that is no word of its kind: OCR's swap, not a line said otherwise (which puts a
    word of the same kind in its place, 你 / 我, 和 / 或)."""
    return looks_alike(was, now, LOOK_ALIKES) and _leaves_its_class(was, now)


def _leaves_its_class(was: str, now: str) -> bool:
    """Whether the one-character word `was` is of a closed class (`CLOSED_CLASSES`) and `now` is not of its kind."""
    tags = word_tags()
    t = tags.get(was, "")[:1]
    return t in CLOSED_CLASSES and tags.get(now, "")[:1] != t


# content characters from which a marked copy with a single swap is judged by its words, not by its fluency: the
# varied lines of the data (answers, verse lines) are short or swap a word; the two garbled copies `_varied` let
# through on fresh seed 5 (one swap each, no word at it) hold 12 and 16
LONG_COPY: Final = 10
LOOK_ALIKES: Final = 10  # how many of a character's closest look-alikes (by shape) count as its misreading for `_varied`


def _lost_run(orig: str, copy: str) -> int:
    """The most characters of `orig` in a row that `copy` lacks (characters before the alignment starts are free)."""
    most = run = 0
    for op in Levenshtein.opcodes(orig, copy):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal" or tag == "insert":
            run = 0
        elif i1 > 0 or tag == "replace":
            run += max(0, (i2 - i1) - (j2 - j1))
            most = max(most, run)
    return most


def _reads_on(lm: WordLM, tail: str, copy: str) -> bool:
    """Whether an unmarked line reads on into the next one rather than ending where a copy of it could start:
    it ends on a function word (a preposition, a conjunction, a structural 的: '…的站长和', '…由某某和'), or the
    copy lacks or changes the line's last word and that word is a single character that takes what follows
    (`READS_ON_TAGS`: '…第一条路到' / '村里的第三条路': 到 takes the next line as its object; '…中号的竹篮卖' /
    '小号的竹篮的两倍…'; a copy that lost a character of a longer word, '…副主席' / '…副主', broke that word). A short line that ends so was cut at a column break, whatever
    the next line shares with it (a construction across the cut: 从A到B, 由A到B, 既A又B, lists of A、B和C).
    Not so a copy of the whole line down to its last character: a construction across the cut repeats a part of
    the line, and a byline whose name ends on a character that is also a function word ('…记者张某和') is
    no line cut short."""
    ccopy = content(copy)
    if ends_with_function_word(lm, tail) and not (ccopy[-1:] == tail[-1] and len(ccopy) >= len(content(tail)) - 1):
        return True
    last = ccopy[-1:]  # (a mark after it is no character of the line: '…条路到' / '…条路，')
    if last == tail[-1] or looks_alike(tail[-1], last):
        return False  # the copy keeps the line's end (or a look-alike misreading of it)
    return lm.segment(tail[-6:])[-1] == tail[-1] and word_tags().get(tail[-1]) in READS_ON_TAGS


# jieba's tags of a one-character word that takes what follows it (verb 到, adverb 又 and 还, preposition 至,
# conjunction 和): lost from a copy's end it is the next line's cue; a name's or a noun's character ('…被埋进了芮',
# '…副主席') is what OCR lost
READS_ON_TAGS: Final = frozenset({"v", "d", "p", "c"})


def _inside_word(lm: WordLM, text: str, j: int) -> bool:
    """True when the language model's best segmentation around offset `j` puts a word across it."""
    lo = max(0, j - 4)
    pos = lo
    for w in lm.segment(text[lo:j + 4]):
        pos += len(w)
        if pos >= j:
            return pos > j
    return False


def _tail(text: str) -> str:
    return "".join(text[-60:].split())[-30:]


_CLOSING_BEFORE_COMMA: Final = frozenset("…")  # a mark a paragraph ends on that OCR may print a comma after (not a quote:
# a quotation closes mid-sentence, "…“某某”，" goes on)


def _comma_for_stop(prev: str) -> bool:
    """A long line ending on a comma: cut at a column break, or a paragraph whose full stop OCR read as a comma."""
    end = prev.rstrip()
    return len(prev) > 24 and _fold1(end[-1:]) == "，"


def _prev_ends(prev: str, marked_only: bool = False) -> tuple[str, bool] | None:
    """(last mark, marked) of a line whose end a garbled copy may repeat; None when no copy is looked for.

    Depends on the previous line only, so `dedup` asks it once per line and
    skips the lines it turns away before looking at what follows them.
    """
    end = prev.rstrip()
    if not end:
        return None
    last_marked = _END_OF.get(end[-1])
    if last_marked is None:
        last = _fold1(end[-1])
        last_marked = _END_OF[end[-1]] = last, not (is_han(last) or last.isalnum())
    last, marked = last_marked
    if marked:
        if last == "、" or last == "，" and len(prev) > 24:
            return None  # a line stopping at a comma was cut at a column break (unless it is a verse line)
        return last_marked
    if marked_only or len(prev) > 40:
        return None  # a long line stopping without a mark was cut at a column break, not ended
    if len("".join(prev.split())) > 30:  # (`_tail` keeps 30 of them: the line is at most 40 long)
        return None  # only a short line is repeated whole
    return last_marked


_END_OF: Final[dict[str, tuple[str, bool]]] = {}  # a line's last character -> (its folded form, whether it is a mark)


def garbled_prefix(prev: str, text: str, lm: WordLM | None = None, min_score: float = 2.5,
                   min_ratio: float = 0.25, marked_only: bool = False) -> tuple[int, float]:
    """(length, score) of a garbled copy of the end of `prev` that opens `text`; (0, 0) when there is none.

    OCR garbles a repeat by substitution and loss, so it may share only a third
    of its n-grams with what it repeats. The copy repeats a clause's tail: when
    `prev` ends with a mark the copy ends with the same mark; when it does not
    (a title, a byline, a verse line: a short line, all of it repeated) the
    copy must be followed by a space or cover that line. Either way it must not
    be a verbatim copy (a lead repeating its headline, a question repeated in
    reply: no misprint). New text must follow the copy.
    """
    ends_of = _prev_ends(prev, marked_only)
    if ends_of is None or not text:
        return 0, 0.0
    return _garbled_prefix(_tail(prev), ends_of[0], ends_of[1], text, lm, min_score, min_ratio)


LOST_END_MOST: Final = 2  # characters a verbatim copy may lack at the line's end and still be read as that line's copy


def _lacks_only_end(ctail: str, ccopy: str, lm: WordLM | None = None) -> bool:
    """Whether `ccopy` is the end of `ctail` printed as is but for the last one or two characters, lost, or the last
    one swapped for a character OCR does not take it for (content forms) without breaking the two- or
    three-character word the line ends with into a non-word (`lm`; '…走过的小树林' / '…走过的小树淋' + '在…' is
    misread: a line said otherwise swaps a word for a word, or the last of a four-character phrase: '有山有水' / '有山有林').

    Nothing in such a copy shows a misreading; when text follows it without a break, the line says the first
    line's words again and goes on otherwise (anaphora, a verse's next line, a restatement at more length).
    """
    if any(ctail[:-k].endswith(ccopy) for k in range(1, LOST_END_MOST + 1)):
        return True
    # or the last character said otherwise ('…有山有水' / '…有山有林' + '有田'): a swap OCR makes would be a look-alike
    if not (ccopy[-1] != ctail[-1] and ctail[:-1].endswith(ccopy[:-1]) and not looks_alike(ctail[-1], ccopy[-1])):
        return False
    if lm is None:
        return True
    word = lm.segment(ctail[-6:])[-1]  # the line's last word: a two- or three-character one broken is a misreading
    return not 2 <= len(word) <= 3 or lm.has(ccopy[-len(word):])  # (an idiom's last character said otherwise: verse)


# how much less likely (natural log) a clause said again with another first character may read than the line's
# own clause and still be a parallel phrase: the one such copy the finder takes on the tuning pages (seed 67, a
# four-character dictionary word broken, '寄希望于…' / '春希望于…') reads 7.4 below; invented parallel lines
# ('甲队的…' / '乙队的…', '农业局长' / '林业局长', '一季度…' / '二季度…') read 0.4 to 4.9 below
FIRST_SWAP_BAR: Final = 6.0


def _varies_only_first(lm: WordLM, ctail: str, ccopy: str) -> bool:
    """Whether `ccopy` is the end of `ctail` printed as is but for its first character, swapped for one OCR does
    not take it for (content forms), and reads about as fluently: the clause said again of another subject
    ('…甲队的两名队员' / '乙队的两名队员…'), not a misreading of it (a misread first character is mostly a
    look-alike, '天气…' / '无气…', or breaks a word: '寄希望于…' / '春希望于…'; a copy that lost the character
    after its first, '天气趋势' / '天趋势', is no swap)."""
    n = len(ccopy)
    if not (3 <= n < len(ctail) and ctail[len(ctail) - n + 1:] == ccopy[1:]):
        return False
    was, now = ctail[-n], ccopy[0]
    if now in (was, ctail[-n - 1]) or looks_alike(was, now):
        return False
    return lm.score(ccopy) >= lm.score(ctail[-n:]) - FIRST_SWAP_BAR


def _copy_ends(tail: str, last: str, marked: bool, head: str, sizes: set[int] | None = None) -> list[int]:
    """Where in `head` a copy of the end of `tail` may stop: after the same mark, or (unmarked) where its length fits
    (`sizes`: `_copy_sizes(tail)`, when the caller keeps it). Ascending: `_garbled_prefix` relies on that order."""
    if marked:
        stop = min(len(head) - 1, len(tail) + 6)  # a copy is no longer than the tail
        ends = []
        for form in _FORMS.get(last, (last,)):  # only the marks of _FOLDED have other printed forms
            j = head.find(form, 1, stop)
            while j != -1:
                ends.append(j + 1)
                j = head.find(form, j + 1, stop)
        if len(ends) > 1:
            ends.sort()
        return ends
    # at a space, or where head[:j] holds about as many letters, digits and Han as the tail (3 fewer to 1 more)
    pos = list(compress(range(len(head)), map(str.isalnum, head)))  # where head's letters, digits and Han are
    sized_ends: set[int] = set()
    for ctail in _copy_sizes(tail) if sizes is None else sizes:
        first = max(2, pos[ctail - 4] + 1) if ctail - 3 <= len(pos) else len(head)
        stop_at = min(len(head) - 1, pos[ctail + 1] if ctail + 1 < len(pos) else len(head))
        sized_ends.update(range(first, stop_at + 1))
    j = head.find(" ", 2)
    while j != -1:
        sized_ends.add(j)
        j = head.find(" ", j + 1)
    return sorted(sized_ends)


def _copy_sizes(tail: str) -> set[int]:
    """How many letters, digits and Han a copy of the unmarked line's end `tail` holds, about: all of the tail's,
    or its last clause's (a line of clauses may be repeated from its last one), or what follows any of its clause
    marks, printed in either width (a copy starts where a clause starts: '…治理,实行…发展' / '实行…发展'); under 4
    none is looked for."""
    clause = tail[max(map(tail.rfind, "，；：、")) + 1:]
    sizes = {len(content(tail)), len(content(clause))}
    for mark in _SIZE_MARKS:  # (each place found: no folded copy of the tail, no string made of each character)
        i = tail.find(mark)
        while i != -1:
            sizes.add(len(content(tail[i + 1:])))
            i = tail.find(mark, i + 1)
    return {n for n in sizes if n >= 4}


_SIZE_MARKS: Final = ("，", "；", "：", ",", ";", ":")  # the marks a copy may start after, in either width (what `_FOLD` folds
# to '，；：': folding keeps a string's length and its letters, digits and Han, so `content` of what follows is the same)


def _takes_up(ctail: str, ccopy: str, after: str) -> bool:
    """Whether `ccopy` is the whole unmarked line `ctail` (content forms) printed verbatim after one character that
    takes what follows it (a preposition, a verb, an adverb, a conjunction: `READS_ON_TAGS`), and the sentence runs
    on after it (`after`: the character after the copy, no space): a lead quoting its title ('据' + the title +
    '的报道，…', '在' + the title + '仪式上'). Misreading changes characters; it does not add a word before a line
    it leaves intact."""
    return len(ccopy) == len(ctail) + 1 and ccopy.endswith(ctail) and after.isalnum() \
        and word_tags().get(ccopy[0]) in READS_ON_TAGS


def _rewords(tail: str, copy: str) -> bool:
    """Whether `copy` differs from the line end `tail` it aligns with by a character added inside it or a Han
    character put for another that does not look like it: writing, not misreading (misreading swaps look-alikes and
    loses characters; it adds none)."""
    for op in Levenshtein.editops(tail, copy):
        j = op.dest_pos
        if op.tag == "insert" and 0 < j < len(copy) - 1 and is_han(copy[j]):
            return True
    return False


def _drops_a_word(lm: WordLM, tail: str, copy: str) -> bool:
    """Whether `copy` is `tail` with one run of two to four characters left out inside it that is a dictionary word
    (no other change): a restatement, not a misreading."""
    ops = Levenshtein.editops(tail, copy)
    if not 2 <= len(ops) <= 4 or any(op.tag != "delete" for op in ops):
        return False
    at = [op.src_pos for op in ops]
    if at != list(range(at[0], at[0] + len(at))) or at[0] == 0 or at[-1] == len(tail) - 1:
        return False
    return lm.has(tail[at[0]:at[-1] + 1])


# distinct letters, digits and Han characters a garbled copy holds at least: every copy dedup sent to noise on the
# tuning, fresh and sample pages holds 4 or more ('达7万余。', '1994年1日'); a run of one or two characters scores an
# alignment against any line ending in them (hypothesis: '一一丁一一一一' / '一丁一一一一一' lost '一丁一一', and the
# '一一一' left opened a block a second pass read as a dash)
MIN_DISTINCT: Final = 3


def _distinct_at_least(s: str, n: int) -> bool:
    """Whether `s` holds `n` or more distinct letters, digits and Han (`str.isalnum`): `len(set(filter(str.isalnum,
    s))) >= n`, stopping at the n-th.

    Why: `_garbled_prefix` asks it of every place a copy may end, and the set was built of the whole head by a
    Python call of `str.isalnum` a character (compiled: 11 M of the stage's 826 M instructions on 40 tuning pages);
    the first three characters mostly answer it."""
    seen: list[str] = []
    for c in s:
        if c.isalnum() and c not in seen:
            seen.append(c)
            if len(seen) >= n:
                return True
    return n <= 0


def _garbled_prefix(tail: str, last: str, marked: bool, text: str, lm: WordLM | None,
                    min_score: float, min_ratio: float, ends: list[int] | None = None,
                    han_tail: set[str] | list[str] | None = None,
                    weak: tuple[float, float] | None = None, spaces: RemovedSpaces | None = None,
                    line: int = 0) -> tuple[int, float]:
    """`garbled_prefix` once `_prev_ends` has accepted the previous line (`tail` = its `_tail`; `ends` = `_copy_ends`,
    ascending: the scan stops at the first end before the added text, review38b;
    `han_tail` = the Han characters of `tail` that `text[:48]` holds). `weak`: a lower (score, score per character)
    bar a copy that starts as the repeated end starts may reach instead (`_starts_alike`). `spaces`, `line`: the
    spaces `normalize` took out of the page's lines, and the dump line `text` opens (`_was_spaced`)."""
    strong = (min_score, min_ratio)
    if weak is not None:
        min_score, min_ratio = min(min_score, weak[0]), min(min_ratio, weak[1])
    head = text[:48]
    if ends is None:
        ends = _copy_ends(tail, last, marked, head)
    if not ends:
        return 0, 0.0
    if han_tail is None:
        han_tail = set(filter(head.__contains__, _shared_evidence(tail) if not marked else _NOT_HAN.sub("", tail)))
    if len(han_tail) < 2:
        return 0, 0.0  # a copy shares at least two Han characters (or figures) with what it repeats
    # where the head first holds a clause mark the tail has not (a copy reaching it holds it: no mark is a space),
    # and where it first holds the second of the tail's Han characters it holds (`copy` has two from there on)
    marks = tail.replace("、", "，")  # (OCR reads a 、 as a comma; the five marks are looked up in it: no set of it)
    added_at = min([f for c in _CLAUSE_MARKS if c not in marks and (f := head.find(c)) >= 0], default=len(head))
    second_han_at = sorted([head.find(c) for c in han_tail])[1] if marked else \
        sorted(head.find(c) + len(c) - 1 for c in han_tail)[1]  # (a figure's place is where it ends)
    best = (0, 0.0)
    ctail = None  # content(tail), once it is asked for
    for j in ends:  # (the two tests of offsets first: they turn away most ends without reading the text after them)
        if added_at < j:
            break  # misreading changes characters, it does not add clause marks (nor does a longer copy)
        if second_han_at >= j:
            continue  # fewer than two of the tail's Han characters in the copy
        rest = text[j:j + 8].lstrip()
        if (not rest or rest[0] in _CLOSING or sum(map(str.isalnum, rest[:4])) < 2) \
                and not (marked and _stray_after(text, j)):
            continue
        copy = head[:j].rstrip()
        if not _distinct_at_least(copy, MIN_DISTINCT):
            continue  # a run of one or two characters ('一丁一一') matches any run of them: no evidence of a copy
        if Indel.normalized_similarity(tail[-len(copy) - 4:], copy) < 0.3:
            continue  # too little in common for any alignment to reach the threshold (a fast bound)
        n = len(copy)
        bar = strong if weak is None or not _starts_alike(tail[max(0, len(tail) - n - 5):len(tail) - n + 4], copy) \
            else (min_score, min_ratio)  # (every place `_copy_score` may start the alignment, and a character beside it)
        score, m = _copy_score(tail, copy, max(bar[0], bar[1] * n, best[1]), not marked)
        if score >= bar[0] and score >= bar[1] * n and score > best[1]:
            ctail = content(tail) if ctail is None else ctail
            if (ccopy := content(copy)) == ctail[-len(ccopy):] and not _opens_inside(copy):
                continue  # printed verbatim: a lead repeating its headline, a question repeated in reply, never misread
                # (unless it opens inside a quotation or bracket of the line: a fragment, `_opens_inside`)
            if not marked and lm is not None and _takes_up(ctail, ccopy, text[j:j + 1]):
                continue  # the whole line printed verbatim inside a sentence that takes it up ('据' + the title + '的报道，…')
            if not marked and _FIGURE.search(ccopy) and (len(ccopy) < len(ctail) or text[j:j + 1].isdigit()):
                continue  # scored by its figure, a copy repeats the whole line and no figure goes on after it: a
                # heading '2005年3月' then '2005年3至5月…' or '2005年3季度…' starts with the same figures, no copy
            if not marked and text[j:j + 1].isalnum() and _lacks_only_end(ctail, ccopy, lm) \
                    and not _FIGURE.search(ccopy):  # (a dated heading is no verse: '1994年1月' / '1994年1日' + '国务院…')
                continue  # printed verbatim but for the line's last character(s), and the line goes on at once: verse
                # or a restatement ('…远方的山' / '…远方的' + '云朵'); a copy that lost its end stands alone (a space
                # or a mark after it: '…长篇精品' / '…长篇精' + ' 某某')
            if not marked and lm is not None and _varies_only_first(lm, ctail, ccopy):
                continue  # the line's last words said again of another subject: a parallel phrase
            if not marked and 0 <= copy.rfind(tail[-2:], len(copy) - 4) < len(copy) - 2:
                continue  # the copy holds the line's last two characters as printed and then more, which open
                # what follows ('…的校长' / '…的校长' + '一起…', '…的老师' / '…的老师' + '也都…'): a shorter copy is
                # the one to judge (the looser end test below would take 一 for 长, 都 for 师)
            if not marked and tail[-1] != copy[-1] and not looks_alike(tail[-1], copy[-1]) \
                    and tail[-2:-1] != copy[-2:-1] and (tail[-2:-1] != copy[-1] or score < LOST_END_RATIO * len(copy)
                                                        or tail[-1] in text[j:j + 2]) \
                    and not (len(ccopy) == len(ctail) and (head[j:j + 1] == " " or spaces is not None
                                                     and _was_spaced(text, j, spaces.of(line)))):
                continue  # the copy of an unmarked line ends where it ends: its last character (or, read clearly, it
                # lost that one: '某某全国政协副主席' / '某某金国政协副主'; not when it follows: '…获' + '批，…', nor
                # when the next line goes on to say it: '…东门粮站站长' / '…西门粮站' + '站长一同到会'); unless a space
                # set the copy off in the dump and it is as long as the whole line, misread one for one to its end
                # ('帮助选择市场定位' / '帮助选择市辆足连' + ' 正文…')
            if not marked and lm is not None and _reads_on(lm, tail, copy):
                continue  # the line was cut mid-sentence and this one goes on with it ('从村里的第一条路到' / '村里的
                # 第三条路，…'): the next line is what the cut word takes, whatever it shares with the line
            if not marked and head[j] != " " and lm is not None and _inside_word(lm, text, j):
                continue  # the copy would end inside a word
            if not marked and len(ccopy) < len(ctail) - 3 and (score < LOST_END_RATIO * len(copy)
                                                               or _lost_run(tail[-m:], copy) >= 2):
                continue  # a copy of the last clause of an unmarked line only ('…，推动某某结构优化升级' / '动严某结构
                #尤化升级'): read clearly, and no word left out ('…锤炼意志方针不动摇' / '…锤炼意志不动摇，' restates)
            if lm is not None and (_word_swaps(lm, tail[-m:], copy) >= 2 or _swaps_one_word(lm, tail[-m:], copy)):
                continue  # '基层干部的培训' / '青年干部的锻炼', '胡杨林' / '梭梭林': a parallel sentence, not a misreading
            if lm is not None and _varied(lm, tail[-m:], copy, marked, tail[-m - 1:-m]):
                continue  # '他们上来了。' / '他们下来了。': the next line says it otherwise, as fluently
            if not marked and _rewords(tail[-m:], copy):
                continue  # a short line said again with a character added or another word for one ('…新建三座公园' /
                # '…新建的三座公园今天…', '…新建一座图书馆' / '…新建的图书馆'): a lead restating its headline, no misreading
            if not marked and lm is not None and _drops_a_word(lm, tail[-m:], copy):
                continue  # the line said again without one of its words, the rest as printed ('…公园完成提质改造' /
                # '…公园提质改造工程…'): a lead restating its headline (misreading loses scattered characters, not a
                # word whole)
            if _is_figure(copy[0]) and copy[0] != tail[-m] and \
                    any(_is_figure(c) and c != copy[0] for c in tail[-m - 1:len(tail) - m + 1]):
                continue  # the next item of a list ('一是…；' / '二是…；'): it opens with another figure
            if _numbers_another_item(tail[-m:], copy):
                continue  # ... or names another number where it first differs, at its start ('第一组 某某队' / '第二组
                # 某某队'): the next item of a list whatever else it says
            if (score < strong[0] or score < strong[1] * len(copy)) and not _starts_alike(tail[-m - 1:len(tail) - m + 2], copy):
                continue  # read this badly, a copy must open as what it repeats opens ('抽查不合格…' / '抽个合格…'): a
                # parallel line shares marks and a word or two but opens with another word ('发起人：某村…' / '结束人：某村…')
            best = (j, score)
    return best


# figures, Han numerals (doublings' digits 0-9, then 十), the ten stems
_SERIES: Final = ("0123456789", _HAN_DIGITS + "十", "甲乙丙丁戊己庚辛壬癸")


def _series_step(a: str, b: str) -> bool:
    """Whether `b` is the member after `a` in a series lists are numbered with (digits, Han numerals, the ten stems
    甲乙丙…): an item's number, as the next item puts it ('一'/'二', '甲'/'乙')."""
    return any(0 <= x.find(a) == x.find(b) - 1 for x in _SERIES) if a and b else False


def _numbers_another_item(orig: str, copy: str) -> bool:
    """Whether the first difference between the line end `orig` and the copy `copy` puts the next member of a series
    for a member (`_series_step`: '第一组'/'第二组', '甲组'/'乙组', '高一二班'/'高一三班'): the next item of a list
    numbered as the one before ('第一组 甲地代表队' / '第二组 乙地代表队'), wherever that difference stands. Taken so even
    where OCR did misread a figure as the next one: a figure read as another is another figure, as `_aligned_score`
    holds for digits. Any other figure put for a figure (第三名/第五名) is left to the finder's other tests. Only the
    first difference counts: the item's other words may differ or not."""
    for op in Levenshtein.editops(orig, copy):  # (the first edit only)
        return op.tag == "replace" and _series_step(orig[op.src_pos], copy[op.dest_pos])
    return False


STRAY_MOST: Final = 2  # characters (no Han) a line may hold after a copy that closes on its clause's mark


def _stray_after(text: str, j: int) -> bool:
    """Whether all that follows offset `j` of the printed line is nothing, or a stray of at most STRAY_MOST letters or
    digits (a page or column number glued on: '…风雨和坎坷。' / '…风雨利坎。3').

    A copy that closes on the mark of the clause it repeats needs no new text after it to be told from the line's
    own words: the line holds nothing else. (A copy of an unmarked line does: where it stops is all that says
    it is one.)"""
    rest = "".join(text[j:].split())
    return len(rest) <= STRAY_MOST and rest.isascii() and (not rest or rest.isalnum())


def _was_spaced(text: str, j: int, spaced: tuple[str, ...]) -> bool:
    """Whether the dump printed a space at offset `j` of `text` that `normalize` took out (a space between Chinese
    characters reads as a line wrap there): `spaced` holds the quoted context of each such removal, and one of its
    spaces must stand between the characters `text` has on either side of `j` (four each, spaces aside)."""
    for ctx in spaced:
        p = ctx.find(" ")
        while p != -1:
            left, right = "".join(ctx[:p].split())[-4:], "".join(ctx[p + 1:].split())[:4]
            if left and right and text.startswith(left, j - len(left)) and text.startswith(right, j) \
                    and j >= len(left):
                return True
            p = ctx.find(" ", p + 1)
    return False


MIN_PIECE: Final = 4  # letters, digits and Han each of a dump line's two pieces holds at least (`last_piece`)


def last_piece(text: str, spaced: tuple[str, ...] = ()) -> int:
    """Where the last piece of the dump line `text` begins: after the last space the dump printed (still there, or
    taken out by `normalize`: `spaced`, `_was_spaced`) that stands MIN_PIECE or more characters before the end (a
    shorter tail after a space stays with the piece before it); 0 when there is none, or when the piece or what
    precedes it holds fewer than MIN_PIECE letters, digits and Han (no earlier space is tried then)."""
    n = len(text)
    for j in range(n - MIN_PIECE, MIN_PIECE - 1, -1):
        if text[j - 1:j] == " " and text[j:j + 1] != " " or text[j - 1:j] != " " and spaced \
                and _was_spaced(text, j, spaced):
            if len(content(text[j:])) >= MIN_PIECE and len(content(text[:j])) >= MIN_PIECE:
                return j
            return 0
    return 0


MISREAD_SIGNS: Final = 2  # look-alikes a piece's copy puts for its characters (`_misread_sign`)


def _misread_sign(orig: str, copy: str) -> bool:
    """Whether `copy` puts a look-alike (the channel's table) for a character of `orig` (content forms) at two places
    or more, a figure for a figure not counted: OCR's mark. One pair of look-alikes is chance: a running-text
    character has dozens, so two names under one title (陈/陆, 马/冯), opposites (上/下, 来/去) and the next figure
    (一二八号/一三八号: another figure, as `_aligned_score` holds) are often one; two such pairs in a short piece seldom
    are ('…赵其平一九九八' / '…赵其乎一丸尤八')."""
    a, b = content(orig), content(copy)
    n = 0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace" and not _both_figures(a[op.src_pos], b[op.dest_pos]) \
                and looks_alike(a[op.src_pos], b[op.dest_pos]):
            n += 1
    return n >= MISREAD_SIGNS


class RemovedSpaces:
    """The quoted contexts of the spaces `normalize` took out of each dump line (`_was_spaced`): a garbled copy of a
    short line is mostly set off from the text after it by a space, and a space between two Chinese characters is
    taken out as a line wrap before this stage sees the line. The log is read when first asked (rarely)."""

    def __init__(self, edits: Sequence[Edit] = ()) -> None:
        self.edits = edits
        self.by_line: dict[int, tuple[str, ...]] | None = None

    def of(self, line: int) -> tuple[str, ...]:
        if self.by_line is None:
            out: dict[int, list[str]] = {}
            for e in self.edits:
                if e.kind == "space" and e.stage == "normalize" and " " in e.context:
                    out.setdefault(e.line, []).append(e.context)
            self.by_line = {ln: tuple(ctxs) for ln, ctxs in out.items()}
        return self.by_line.get(line, ())


def _line_ends(g: _Seg) -> tuple[str, bool] | None:
    """`_prev_ends` of a printed line, except that an unmarked line which goes on from the line before it in its
    block (a column line of a paragraph: '…去年秋天，南山村的一组村民' / '南山村的二组村民都…') is repeated by no copy.

    Of the 67 copies of unmarked lines the finder took on the tuning pages (synthetic tune, fresh seeds 67, 68
    and 78, real_ocr_tune), every one repeated the first line of its block (a title, a byline, a verse line);
    the one it took of a later line, on clean People's Daily pages, was the next column line of the paragraph.
    """
    e = _prev_ends(g.text)
    return None if e is not None and not e[1] and g.start > 0 else e


# (score, score per character) a copy of a line ending on a comma must reach when it lost the comma and only a space
# sets it off (`_CopyFinder.find_comma_copy`): the one such copy of the tuning pages (real_ocr-tune heavy, a copy of
# 24 characters with 8 misread, leaked before leak43) scores 12.1, 0.50 a character; SECOND_LINE_BAR's 8.0 with a
# lower ratio, since OCR that drops marks misreads more. It takes nothing else on the tuning pages (synthetic tune,
# fresh seeds 2, 4, 5, 6, real_ocr-tune)
COMMA_LOST_BAR: Final = (8.0, 0.4)
# ... and the copy reads this much worse a character than the line's end (nats, `WordLM.score`: a restatement or a
# quotation said again reads as fluently; heavy/011's copy reads 1.5 worse) with at least this many Chinese characters
# put for others (a list of names that differs in one name's character is no misreading; heavy/011's copy has 8)
COMMA_COPY_WORSE: Final = 0.5
COMMA_COPY_MISREADS: Final = 2


def _han_swaps(a: str, b: str) -> int:
    """Chinese characters of `a` put for others in `b` (replacements of the edit script that change a Han character)."""
    return sum(1 for op in Levenshtein.editops(a, b) if op.tag == "replace" and is_han(a[op.src_pos]))
# (score, score per character) a garbled copy must reach when it opens the next line, and the line after that
NEXT_LINE_BAR: Final = (2.5, 0.25)
SECOND_LINE_BAR: Final = (8.0, 0.5)
# ... or, two lines back, when it opens as the line end it repeats opens (`_starts_alike`) and the dump printed a
# space after it (a copy of a short line is mostly set off so: `RemovedSpaces`): copies of short lines with a
# column's scrap printed between, scoring 4.3-5.7 ('某祥明羊盘初' / '某祥羊盘初 “同学们…', fresh seed 12)
SET_OFF_SECOND_LINE_BAR: Final = (4.0, 0.45)
# ... or, opening the next line, when its first character is the one its alignment starts at (or one beside it, or a
# look-alike): the copies of short lines missed at the bar above on the tuning pages (fresh seeds 2 and 4) score
# 1.6-2.2 ('———某卫斌（湖北）' / '———茶斌（湖批）', 0.18 a character); the one parallel line the lower bar alone
# took on 120 unseen-text pages ('发起人：…村长。' / '结束人：…村长。', 2.46) opens with another character
WEAK_NEXT_LINE_BAR: Final = (1.5, 0.15)


def _long(text: str) -> bool:
    """More than 30 letters, digits, Han and marks: longer than a line `_prev_ends` takes as repeated whole."""
    return len("".join(text.split())) > 30


def _keeps_last(tail: str, copy: str) -> bool:
    """Whether `copy` ends with the last character of `tail` or a look-alike of it."""
    c = copy.rstrip()[-1:]
    return bool(c) and (c == tail[-1] or looks_alike(tail[-1], c))


def _starts_alike(start: str, copy: str) -> bool:
    """Whether the copy's first character is one of `start` (the characters around where its alignment starts in the
    repeated text) or a look-alike of one."""
    c = copy.lstrip()[:1]
    return bool(c) and (c in start or any(looks_alike(x, c) for x in start))


class _CopyFinder:
    """Garbled copies of a line's end opening the next line (or, clearly garbled, the line after that).

    What a line's end allows (`_prev_ends`) is asked once per line; its tail
    and the tail's Han characters only when a following line reaches that far.
    The tests run cheapest first: a place where the copy can stop, then Han
    characters in common (one of them from the very end), then the alignment.
    """

    def __init__(self, lines: list[_Seg], lm: WordLM | None, spaces: RemovedSpaces | None = None) -> None:
        self.lines, self.lm = list(lines), lm
        self.spaces = spaces  # what normalize took out of the page's lines
        self.ends_of = [_line_ends(g) for g in lines]
        self.rows = {i: r for i, g in enumerate(lines) if g.role == TEXT and (r := _figure_row(g.text))}
        self._tails: dict[int, list] = {}
        self.piece = False  # whether the copy `find` found last repeats a line's last piece (`_piece_copy`)
        for i, g in enumerate(lines):
            if self.ends_of[i] is None:
                self._comma_end(i)

    def _comma_end(self, i: int) -> None:
        g = self.lines[i]
        if _comma_for_stop(g.text):
            tail = _tail(g.text.rstrip())
            if tail[-2:-1] in _CLOSING_BEFORE_COMMA:
                # a closing mark and then a comma: a stray comma OCR added after the paragraph's end ('…歌曲……，'),
                # and the copy ends on that mark
                self.ends_of[i] = (tail[-2], True)
                self._tails[i] = [tail[:-1], None, None, None]
                return
            # OCR may read a paragraph's full stop as a comma: its copy then still ends with the stop
            self.ends_of[i] = ("。", True)
            self._tails[i] = [tail[:-1] + "。", None, None, None]

    def cut(self, k: int, j: int) -> None:
        """Line `k` opened with a copy of `j` characters (sent to noise): the line after it may repeat what is left
        of it, at that length (a verse line after a garbled copy of the one before, then its own copy)."""
        g = self.lines[k]
        rest = g.text[j:].lstrip()
        self.lines[k] = g = replace(g, text=rest)  # (its place in its block stays: `_line_ends` reads `start`)
        self.ends_of[k] = _line_ends(g) if rest else None
        self._tails.pop(k, None)
        if rest and self.ends_of[k] is None:
            self._comma_end(k)
        if k in self.rows:
            row = _figure_row(rest) if rest else None
            if row:
                self.rows[k] = row
            else:
                del self.rows[k]

    def find(self, k: int) -> tuple[int, float, _Seg | None]:
        """(length, score, line repeated) of a garbled copy opening line `k`; (0, 0, None) when there is none."""
        s = self.lines[k]
        self.piece = False
        if s.role != TEXT:
            return 0, 0.0, None
        text = s.text
        head, head36 = text[:48], text[:36]
        for back, (min_score, min_ratio) in ((1, NEXT_LINE_BAR), (2, SECOND_LINE_BAR)):
            i = k - back
            if i < 0:
                break
            e = self.ends_of[i]
            if self.lines[i].role == TITLE:
                continue  # a marked title is said again by the lead under it (a column break repeats body text, a
                # byline, a subhead: no headline)
            if e is None or back == 2 and not e[1] and _long(self.lines[k - 1].text):
                continue  # with a line printed between, an unmarked end is repeated only after a scrap (a paragraph's
                # last few characters: a title glued with its garbled copy), at `SECOND_LINE_BAR`; after a paragraph
                # it is a lead that starts with its headline's words ('某某联合会举行会议' / '本报讯…' / '某某联合会会长…')
            if e[1] and e[0] not in _FOLDED and e[0] not in head[1:47]:
                continue  # the mark a copy ends with is nowhere it could be (what `_copy_ends` finds first)
            t = self._tails.get(i)
            if t is None:
                t = self._tails[i] = [_tail(self.lines[i].text), None, None, None]
            if e[1]:  # after a mark the places a copy may stop are a few str.find: cheaper than the Han test
                ends = _copy_ends(t[0], e[0], e[1], head)
                if not ends:
                    continue
            # no Han character of the tail's end in the head, or fewer than two of the tail: no copy (the characters
            # of the shorter strings are looked for in the head: no set of the head is made, and a character of CJK
            # text is a new string object each time a string is taken apart)
            if t[2] is None:  # the Han characters of the tail's last 7 characters (its last 3 when figures and
                # marks end it: '…收费电话168、268……'), then of the whole tail
                t[2] = _NOT_HAN.sub("", t[0][-7:]) or _NOT_HAN.sub("", t[0])[-3:]
            if not any(c in head36 for c in t[2]):  # (a loop: no bound method called per character)
                continue
            if t[1] is None:  # (a figure is evidence for an unmarked line's copy only, the one it can score for)
                t[1] = _NOT_HAN.sub("", t[0]) if e[1] else _shared_evidence(t[0])
            if not holds_two(t[1], head36):
                continue
            if not e[1]:  # without a mark they are every length that fits: the Han test goes first
                if t[3] is None:
                    t[3] = _copy_sizes(t[0])
                ends = _copy_ends(t[0], e[0], e[1], head, t[3])
                if not ends:
                    continue
            j, score = _garbled_prefix(t[0], e[0], e[1], text, self.lm, min_score, min_ratio, ends,
                                       {c for c in t[1] if c in head},
                                       WEAK_NEXT_LINE_BAR if back == 1 else SET_OFF_SECOND_LINE_BAR,
                                       self.spaces, s.line)
            if j and back == 2 and (score < min_score or score < min_ratio * len(text[:j].rstrip())) \
                    and not self.set_off(text, j, s.line):
                continue  # two lines back, a copy read this badly is one only where the dump set it off
            if j and back == 2 and not e[1] and not _keeps_last(t[0], text[:j]):
                continue  # with a line between, an unmarked line's copy keeps its last character (a lead goes on
                # from its headline's words otherwise)
            if not j and back == 1 and not e[1]:
                j, score = self._piece_copy(i, k)
                self.piece = j > 0
            if j:
                return j, score, self.lines[i]
        return 0, 0.0, None

    def _piece_copy(self, i: int, k: int) -> tuple[int, float]:
        """(length, score) of a garbled copy, opening line `k`, of the last piece of the unmarked line `i` that the
        dump printed apart from the rest of it by a space (`last_piece`), the copy itself set off by a space after it;
        (0, 0) when there is none.

        A dump line may hold two short printed lines side by side (a signature's title and its name and date: the
        space between them is taken out by `normalize` as a wrap between Chinese characters). A garbled repeat copies
        the last of them as a line of its own, so its length and its end are that piece's, not the whole line's
        (real OCR: '…同志 俄国驻华大使某某一九九六.四.下' / '假国驻华大使某某一丸尤六.四.五 5我与…'). Only a copy the dump set
        off from what follows as it set off the piece is looked for: a line that goes on at once from a piece's words
        is text about it, and only a copy that puts look-alikes for two of the piece's characters (`_misread_sign`): a
        name said again under the same title with one character changed, even to a look-alike, is another name.
        Logged as a repeat of the last piece of line `i` (`piece`)."""
        g, s = self.lines[i], self.lines[k]
        at = last_piece(g.text, self.spaces.of(g.line) if self.spaces is not None else ())
        if not at:
            return 0, 0.0
        piece = _tail(g.text[at:])
        ends = _prev_ends(piece)  # (unmarked: the piece is the end of an unmarked line)
        if ends is None:
            return 0, 0.0
        min_score, min_ratio = NEXT_LINE_BAR
        j, score = _garbled_prefix(piece, ends[0], False, s.text, self.lm, min_score, min_ratio, None, None,
                                   None, self.spaces, s.line)
        if j and (not self.set_off(s.text, j, s.line) or not _misread_sign(piece, s.text[:j])):
            return 0, 0.0
        return j, score

    def find_comma_copy(self, k: int) -> tuple[int, float, _Seg | None]:
        """(length, score, line repeated) of a garbled copy of the end of the line before `k` that ends on a comma,
        the copy closing on that line's last character with the comma lost and set off by a space (`set_off`);
        (0, 0, None) when there is none.

        A long line ending on a comma was cut at a column's end, or OCR read its full stop as a comma: `find` then
        looks for a copy that closes on a full stop. OCR also drops the mark from the copy ('…改造危旧桥梁十二座，' /
        '…改造危旧桥粱十二座' + ' 本报讯…'); only a space after it says where it stops, so the copy must be read clearly
        (COMMA_LOST_BAR), read clearly worse than the line's end with two or more characters misread (COMMA_COPY_WORSE,
        COMMA_COPY_MISREADS: a restatement, a quotation said again or a list of names differing in one character
        is no misreading, review43a), and say the line's words as misreading leaves them (no word swapped for
        another, no variant as fluent)."""
        s, p = self.lines[k], self.lines[k - 1]
        if s.role != TEXT or self.lm is None or not _comma_for_stop(p.text):
            return 0, 0.0, None
        tail = _tail(p.text.rstrip())[:-1]
        text = s.text
        if len(tail) < 8 or tail[-1] not in text[:len(tail) + 4]:
            return 0, 0.0, None  # (the cheap test: the copy keeps the line's last character)
        lm = self.lm
        for j in range(len(tail) + 4, 7, -1):  # (the longest copy first: a shorter one ends inside it)
            c = text[j - 1:j]
            if c != tail[-1] or not self.set_off(text, j, s.line):
                continue
            if sum(map(str.isalnum, text[j:j + 5].lstrip())) < 2:
                continue  # new text follows a copy
            copy = "".join(text[:j].split())
            score, m = _copy_score(tail, copy, COMMA_LOST_BAR[0])
            if score < COMMA_LOST_BAR[0] or score < COMMA_LOST_BAR[1] * len(copy) or content(copy) in content(p.text):
                continue  # read too badly, or printed verbatim (a quotation, a restatement)
            ct, cc = content(tail[-m:]), content(copy)
            if not ct or not cc or lm.score(ct) / len(ct) - lm.score(cc) / len(cc) < COMMA_COPY_WORSE \
                    or _han_swaps(ct, cc) < COMMA_COPY_MISREADS:
                continue  # as fluent as the line (a restatement, a quotation said again), or one character put for
                # another (a list of names that differs in one): no misreading (review43a)
            if _word_swaps(lm, tail[-m:], copy) >= 1 or _varied(lm, tail[-m:], copy, True, tail[-m - 1:-m]):
                continue  # a word put for a word, or a line said otherwise as fluently: no misreading
            return j, score, p
        return 0, 0.0, None

    def set_off(self, text: str, j: int, line: int) -> bool:
        """Whether the dump printed a space right after the copy `text[:j]` (still there, or taken out by `normalize`)."""
        return text[j:j + 1] == " " or text[j - 1:j] == " " or self.spaces is not None \
            and _was_spaced(text, j, self.spaces.of(line))

    def find_row(self, k: int) -> tuple[int, int, _Seg | None]:
        """(length, edit distance, row repeated) of a misread copy of a row of figures opening line `k`."""
        row = self.rows.get(k - 1)
        if row is None or self.lines[k].role != TEXT:
            return 0, 0, None
        text = self.lines[k].text
        j, d, lost = _row_copy_of(row, text)
        if j and lost is None:
            copy = content(text[:j])
            lost = not _same_figures(row, copy) and _figure_lost(row, copy)
        if lost and self.lm is not None and _word_spans(text, j, self.lm.has):
            return 0, 0, None  # the unit a lost figure left opens a word with what follows ('1988年月均产量…'): text
        return j, d, self.lines[k - 1] if j else None
