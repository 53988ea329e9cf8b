"""Stage `dedup`: drop paragraphs printed twice and garbled partial repeats.

It works on printed lines, not on paragraphs: `flow` may already have glued a
second printing of a paragraph to a continuation, so every text block is seen
as the segments its `origin` names (one per source line) and a repeat that
spans a block boundary is still one segment.

Four named fixes, each logged with its score:

- `drop_repeated_segments` a printed line equal, or nearly equal under OCR
  noise, to an earlier one is dropped (`duplicate`). Candidates are the few
  lines printed just before it plus far lines sharing a content key (head or
  tail: an inverted index, so a page is never compared pair by pair); a
  candidate is confirmed by alignment: lengths agree, the similarity (a
  look-alike substitution counts almost as a match) reaches `Config.dedup_near`
  (0.15 less within three lines, where reprints happen), no stretch of three or
  more characters is missing or extra, and no dictionary word is swapped for
  another. Two paragraphs that merely share a long phrase (a quotation,
  boilerplate) or run in parallel ('地下通道' / '水下通道') are both kept.
- `garbled_prefix`         a line that opens with a badly re-read copy of the
  clause that ended the line before it: the copy goes to the page's noise. The
  copy is found by an alignment anchored at the end of the previous line and at
  the start of this one, scored by matched characters, look-alike substitutions
  (the glyph confusion table) and gaps; it must end where the previous line
  ends (same closing mark) and be followed by new text.
- `drop_tandem_repeats`    a phrase of three or more characters printed twice
  in a row inside a paragraph (XX, or X + a few garbled characters + X) keeps
  one copy; speech, A-not-A questions and reduplication are left alone.
- `split_repeated_clause`  a whole clause printed again later in the same
  paragraph (verbatim, or misread only by look-alikes) goes to the noise; a
  short one (3-7 Han) only when verbatim and left dangling at the end of the
  paragraph on a comma or semicolon, since short clauses come back on purpose.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate, compress

import re as _re

import regex as re
from rapidfuzz.distance import LCSseq, Indel, Levenshtein

from ..config import Config
from ..confusion import load_confusion
from ..lm import WordLM, load_lm
from ..model import NOISE, TABLE, TEXT, Block, Edit, Page
from ..textutil import CLAUSE_PUNCT, CLOSERS, HAN_CLASS, is_han
from .normalize import is_title_like

STAGE = "dedup"
# a clause of eight or more characters before its closing mark (quotes belong to the clause they open or close)
# (a match can only end where its run of such characters ends, at a mark, so it only starts where the run starts:
# the lookbehind turns away the other places at once, the possessive run never gives back)
_CLAUSE_FAST = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{8,}+(?=[，。；！？])")
_CLAUSE_SHORT = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+(?=[，。；！？])")  # the same from 3
_CLAUSE_MARKED = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+[，。；！？]")  # ... with its mark
MIN_CLAUSE_LEN = 8  # characters of a clause `_CLAUSE_FAST` takes
# (`[c][c]*` rather than `[c]+`: a pattern that opens with a class lets sre skip to the next place it can match in
# its fast prefix loop instead of calling its matcher at every character; the same strings match)
_NOT_WORD = _re.compile(r"[\W_][\W_]*")  # not a letter (Han included) or a digit
_HAN = re.compile(r"\p{Han}")
_NOT_HAN = _re.compile(f"[^{HAN_CLASS}]+")  # what `is_han` does not take

MIN_REPEAT = 12        # content characters a line needs before it can be a repeat of another
NEAR_LINES = 8         # how many printed segments back a reprint is looked for without an index key
NEXT_DOOR = 3          # within this many segments a reprint may be read much worse than the first printing
KEY = 6                # characters of the index keys (content head and tail)
MAX_GAP_RUN = 2        # a repeat may not miss or add a longer stretch than this (a quotation's lead-in does)


def content(text: str) -> str:
    """Letters, digits and Han only: punctuation and spaces are where two readings differ most."""
    return _NOT_WORD.sub("", text)


def repeat_score(a: str, b: str, near: float) -> float:
    """Similarity of two printings of one paragraph (0 when `b` is not a repeat of `a`).

    Works on content forms. Lengths must agree within 15 %; in the alignment a
    look-alike substitution (the glyph confusion table) counts almost as a match,
    so a copy read again by OCR stays similar while a parallel sentence ('地下
    通道' / '水下通道') does not; no stretch longer than MAX_GAP_RUN may be missing
    on one side (OCR noise is scattered, a quotation's lead-in is not).
    """
    return _repeat_of_keys(content(a), content(b), near)


def _repeat_of_keys(ca: str, cb: str, near: float) -> float:
    la, lb = len(ca), len(cb)
    if min(la, lb) < MIN_REPEAT:
        return 0.0
    if ca == cb:
        return 1.0
    if min(la, lb) < 0.85 * max(la, lb) or not Levenshtein.normalized_similarity(ca, cb, score_cutoff=near - 0.15):
        return 0.0
    explained = 0.0
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(ca, cb):
        if tag == "equal":
            explained += i2 - i1
        elif tag == "replace":
            if any(map(_both_figures, ca[i1:i2], cb[j1:j2])):
                return 0.0  # another figure in one place ('一等奖三名' / '一等奖六名'): another row, another item
            explained += 0.8 * sum(map(looks_alike, ca[i1:i2], cb[j1:j2]))
            if abs((i2 - i1) - (j2 - j1)) > MAX_GAP_RUN:
                return 0.0
        elif max(i2 - i1, j2 - j1) > MAX_GAP_RUN:
            return 0.0
        elif max(i2 - i1, j2 - j1) == MAX_GAP_RUN and (i1 == j1 == 0 or i2 == la and j2 == lb):
            return 0.0  # one line starts or stops a word earlier: two sentences sharing a phrase, cut at other places
    sim = explained / max(la, lb)
    return sim if sim >= near else 0.0


# -- segments ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Seg:
    bi: int          # index of the block
    start: int       # offsets in the block's text
    end: int
    line: int
    role: str
    text: str
    key: str         # content form
    gone: bool = False


def _segments(blocks: list[Block]) -> list[_Seg]:
    """Every printed line of every non-noise, non-table block, in the order of the dump."""
    segs: list[_Seg] = []
    for bi, b in enumerate(blocks):
        if b.role in (NOISE, TABLE):
            continue
        org = b.origin or ((0, b.line),)
        for k, (s, ln) in enumerate(org):
            e = org[k + 1][0] if k + 1 < len(org) else len(b.text)
            if e > s:
                t = b.text[s:e]
                # only a text line of MIN_REPEAT characters or more can repeat or be repeated: no content form else
                segs.append(_Seg(bi, s, e, ln, b.role, t, content(t) if e - s >= MIN_REPEAT and b.role == TEXT else ""))
    segs.sort(key=lambda g: (g.line, g.bi, g.start))
    return segs


def drop_repeated_segments(segs: list[_Seg], near: float, lm: WordLM | None = None) -> list[tuple[_Seg, _Seg, float]]:
    """(repeat, the earlier printing it repeats, similarity) for every later printing of a line.

    Next door (NEXT_DOOR printed lines back) a reprint may have been read much
    worse (`near` - 0.15); farther away it must be close (`near`). Either way, two lines whose
    differences are dictionary words swapped for other words are parallel
    sentences, not two readings of one ('地下通道' / '水下通道').
    """
    found: list[tuple[_Seg, _Seg, float]] = []
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    klen = [len(s.key) for s in segs]
    for k, s in enumerate(segs):
        ok = s.role == TEXT and len(s.key) >= MIN_REPEAT
        if ok and len(s.key) < 16 and is_title_like(s.text):
            ok = False  # a short title-like line (a label, a kicker) is printed over several items on purpose
        if ok:
            head, tail = s.key[:KEY], s.key[-KEY:]  # (one string each: its hash is kept for the index below)
            far = heads.get(head, ()), tails.get(tail, ())
            if far[0] or far[1]:  # far lines sharing a key, latest first, then the near lines, latest first
                far_lines = sorted({i for f in far for i in f if i < k - NEAR_LINES}, reverse=True)
                cands = far_lines + list(range(k - 1, max(0, k - NEAR_LINES) - 1, -1))
            else:
                cands = range(k - 1, max(0, k - NEAR_LINES) - 1, -1)
            lo, hi = 0.85 * len(s.key), len(s.key) / 0.85
            for i in [i for i in cands if lo <= klen[i] <= hi]:  # lengths within 15 % (the usual test that fails)
                t = segs[i]
                if t.gone or t.role != TEXT:
                    continue
                # next door a reprint may be read a little worse; far away it must be close
                sim = _repeat_of_keys(t.key, s.key, near - 0.15 if k - i <= NEXT_DOOR else near)
                if sim and sim < 1 and lm is not None and _word_swaps(lm, t.key, s.key) >= 2:
                    sim = 0.0
                if sim:
                    s.gone = True
                    found.append((s, t, sim))
                    break
        if not s.gone and len(s.key) >= MIN_REPEAT:
            if not ok:
                head, tail = s.key[:KEY], s.key[-KEY:]
            heads.setdefault(head, []).append(k)
            tails.setdefault(tail, []).append(k)
    return found


# -- garbled copies of the previous line's last clause -----------------------------------------

_CLAUSE_MARKS = frozenset("，。；！？")
_CLOSING = set("，、。；：！？”’）》…—,.;:!?)")
_FOLD = str.maketrans({"“": "\"", "”": "\"", "‘": "'", "’": "'", ",": "，", ";": "；", ":": "：",
                       "!": "！", "?": "？", "(": "（", ")": "）"})
_FOLDED = frozenset(_FOLD.values())
# every printed form of a folded mark: itself and what `_FOLD` maps to it (find each instead of folding a whole head)
_FORMS = {m: (m,) + tuple(sorted(chr(k) for k, v in _FOLD.items() if v == m)) for m in _FOLDED}


def _fold1(c: str) -> str:
    """`c.translate(_FOLD)` for one character (or none), without building a string."""
    return _FOLD.get(ord(c), c) if c else c


_SIMILAR: dict[str, frozenset[str]] = {}


def looks_alike(a: str, b: str) -> bool:
    """Whether OCR takes `a` and `b` for each other (the glyph confusion table `glyphs` uses too)."""
    return b in _similar(a) or a in _similar(b)


def _similar(c: str) -> frozenset[str]:
    s = _SIMILAR.get(c)
    if s is None:
        s = _SIMILAR[c] = frozenset(x for x, _ in load_confusion().get(c, ()))
    return s


def _weight(c: str) -> float:
    """Evidence of one matched character: a Han character rarely matches by chance, a digit or mark often does."""
    return 1.0 if is_han(c) else 0.3


def _copy_score(tail: str, head: str, floor: float = 0.0) -> tuple[float, int]:
    """(score, aligned length of `tail`) of `head` read as a garbled copy of the end of `tail`.

    Matched characters count for, look-alike substitutions a little for, other
    substitutions and gaps against. The copy may start anywhere in `tail`
    (characters of `tail` before it are free) but runs to its end. A length
    whose score cannot reach `floor` is not aligned (the answer is then what the
    other lengths give: the same whenever the best score reaches `floor`).
    """
    j = len(head)
    best, best_m = 0.0, 0
    lengths = range(max(2, j - 2), min(len(tail), j + 4) + 1)  # a copy loses characters more often than it gains
    for m in sorted(lengths, key=lambda m: Levenshtein.distance(tail[-m:], head))[:3]:
        # a bound: matched characters count at most 1, substitutions at most 0.3, and an alignment matches at most
        # the longest common subsequence and substitutes at most the rest of the shorter string
        if 0.7 * LCSseq.similarity(tail[-m:], head) + 0.3 * min(m, j) < max(floor, best):
            continue
        score = _aligned_score(tail[-m:], head)
        if score > best:
            best, best_m = score, m
    return best, best_m


MAX_MISS_RUN = 3  # a garbled copy misreads scattered characters; a longer run of misses is other text
MAX_SUB_RUN = 5   # ... except a run of characters misread one for one, which keeps the length (a badly blurred patch)


def _aligned_score(a: str, b: str) -> float:
    """Score of `b` as a misreading of `a` (0 when a run of unexplained differences says it is other text).

    A copy carries the figures of what it copies: when the digits differ
    ('2023年12月' / '2023年2月') it is another figure, not a misreading.
    """
    if not _same_figures(a, b):
        return 0.0
    score = 0.0
    pos_a = pos_b = 0
    lead = True
    run = 0
    gapped = False  # whether the present run of misses has a character missing or added
    for op in Levenshtein.editops(a, b):
        if pos_a < op.src_pos and pos_b < op.dest_pos:
            run = 0
            gapped = False
        while pos_a < op.src_pos and pos_b < op.dest_pos:
            score += _weight(a[pos_a])
            pos_a += 1
            pos_b += 1
            lead = False
        if op.tag == "replace":
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
        elif op.tag == "delete":
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
    while pos_a < len(a):
        score += _weight(a[pos_a])
        pos_a += 1
    return score


_NOT_DIGIT = _re.compile("[^0-9]+")


def _same_figures(a: str, b: str) -> bool:
    """Whether `a` and `b` hold the same digits in the same order (normalize has made every digit ASCII).

    A digit lost, added or changed makes another figure ('2023年12月' / '2023年2月');
    a separator lost between two runs ('2023年3月' / '20233月') is a misreading.
    """
    return _NOT_DIGIT.sub("", a) == _NOT_DIGIT.sub("", b)


def _word_swaps(lm: WordLM, a: str, b: str) -> int:
    """How many stretches of two or more characters the alignment changes into dictionary words.

    Misreading garbles characters into non-words; rephrasing and parallel
    sentences swap words for words ('农村干部' / '青年干部', '地下通道' / '水下通道').
    """
    n = 0
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b):
        if tag == "replace" and j2 - j1 >= 2 and i2 - i1 >= 2 and _has_word(lm, a[i1:i2]) and _has_word(lm, b[j1:j2]):
            n += 1
    return n


# how much less likely (natural log) a one-for-one variant of a line may read than the line and still be a line
# of its own: between the real and invented varied lines (least fluent -0.9) and the true garbled copies of the
# tuning pages that change no dictionary word into a non-word (most fluent -2.7) of synthetic-tune, the fresh
# dev pages and real_ocr-tune (`garbled_prefix` firings, labelled by the defect logs)
VARIED_BAR = 1.8


def _varied(lm: WordLM, orig: str, copy: str, marked: bool = True) -> bool:
    """Whether `copy` says `orig` otherwise on purpose (an answer, the next line of a verse or list) rather than
    misreading it: the same length, only characters swapped one for one, no dictionary word `orig` has at a
    swapped place broken in `copy`, and `copy` reads about as fluently as `orig` under the language model.

    Misreading garbles words into rarer strings ('某甲来了。' read as '某甲夹了。'); a line that varies one
    word of the one before ('上山' / '下山', '人民' / '孩子') is as fluent as it. A copy that lost or gained a
    character is judged as before (a copy loses characters more often than a varied line does). Without a
    closing mark (`marked` False: a byline, a credit, a title) a line is mostly names, which no dictionary
    holds: there every swapped character must sit in a dictionary word of `copy`.
    """
    if len(orig) != len(copy) or orig == copy:
        return False
    ops = Levenshtein.editops(orig, copy)
    if any(op.tag != "replace" for op in ops):
        return False
    for op in ops:
        in_word = _has_word_at(lm, copy, op.dest_pos)
        if not in_word and (not marked or _has_word_at(lm, orig, op.src_pos)):
            return False  # a word of the line broken into a non-word (or a name's character swapped): a misreading
    return lm.score(content(copy)) >= lm.score(content(orig)) - VARIED_BAR


def _has_word(lm: WordLM, s: str) -> bool:
    return lm.has(s) or any(lm.has(s[i:i + 2]) for i in range(len(s) - 1))


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
    if len(_tail(prev)) < len("".join(prev.split())):
        return None  # only a short line is repeated whole
    return last_marked


_END_OF: dict[str, tuple[str, bool]] = {}  # a line's last character -> (its folded form, whether it is a mark)


def garbled_prefix(prev: str, text: str, lm: WordLM | None = None, min_score: float = 2.5,
                   min_ratio: float = 0.25, marked_only: bool = False) -> tuple[int, float]:
    """(length, score) of a garbled copy of the end of `prev` that opens `text`; (0, 0) when there is none.

    OCR garbles a repeat by substitution and loss, so it may share only a third
    of its n-grams with what it repeats. The copy repeats a clause's tail: when
    `prev` ends with a mark the copy ends with the same mark; when it does not
    (a title, a byline, a verse line: a short line, all of it repeated) the
    copy must be followed by a space or cover that line, and must not be a
    verbatim copy (a lead repeating its headline is not a misprint). New text
    must follow the copy.
    """
    ends_of = _prev_ends(prev, marked_only)
    if ends_of is None or not text:
        return 0, 0.0
    return _garbled_prefix(_tail(prev), ends_of[0], ends_of[1], text, lm, min_score, min_ratio)


def _copy_ends(tail: str, last: str, marked: bool, head: str) -> list[int]:
    """Where in `head` a copy of the end of `tail` may stop: after the same mark, or (unmarked) where its length fits."""
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
    ctail = len(content(tail))
    pos = list(compress(range(len(head)), map(str.isalnum, head)))  # where head's letters, digits and Han are
    first = max(2, pos[ctail - 4] + 1 if ctail >= 4 else 0) if ctail - 3 <= len(pos) else len(head)
    stop_at = min(len(head) - 1, pos[ctail + 1] if ctail + 1 < len(pos) else len(head))
    ends = set(range(first, stop_at + 1))
    j = head.find(" ", 2)
    while j != -1:
        ends.add(j)
        j = head.find(" ", j + 1)
    return sorted(ends)


def _garbled_prefix(tail: str, last: str, marked: bool, text: str, lm: WordLM | None,
                    min_score: float, min_ratio: float, ends: list[int] | None = None,
                    han_tail: set[str] | list[str] | None = None) -> tuple[int, float]:
    """`garbled_prefix` once `_prev_ends` has accepted the previous line (`tail` = its `_tail`; `ends` = `_copy_ends`;
    `han_tail` = the Han characters of `tail` that `text[:48]` holds)."""
    head = text[:48]
    if ends is None:
        ends = _copy_ends(tail, last, marked, head)
    if not ends:
        return 0, 0.0
    if han_tail is None:
        han_tail = {c for c in set(tail).intersection(head) if is_han(c)}
    if len(han_tail) < 2:
        return 0, 0.0  # a copy shares at least two Han characters with what it repeats
    # where the head first holds a clause mark the tail has not (a copy reaching it holds it: no mark is a space),
    # and where it first holds the second of the tail's Han characters it holds (`copy` has two from there on)
    added_at = min([f for c in _CLAUSE_MARKS.difference(tail.replace("、", "，")) if (f := head.find(c)) >= 0],
                   default=len(head))  # (OCR reads a 、 as a comma)
    second_han_at = sorted(map(head.find, han_tail))[1]
    best = (0, 0.0)
    for j in ends:
        rest = text[j:j + 8].lstrip()
        if not rest or rest[0] in _CLOSING or sum(map(str.isalnum, rest[:4])) < 2:
            continue
        if added_at < j:
            break  # misreading changes characters, it does not add clause marks (nor does a longer copy)
        if second_han_at >= j:
            continue  # fewer than two of the tail's Han characters in the copy
        copy = head[:j].rstrip()
        if not marked and content(copy) == content(tail)[-len(content(copy)):]:
            continue
        if Indel.normalized_similarity(tail[-len(copy) - 4:], copy) < 0.3:
            continue  # too little in common for any alignment to reach the threshold (a fast bound)
        score, m = _copy_score(tail, copy, max(min_score, min_ratio * len(copy), best[1]))
        if score >= min_score and score >= min_ratio * len(copy) and score > best[1]:
            if not marked and tail[-1] != copy[-1] and not looks_alike(tail[-1], copy[-1]) \
                    and tail[-2:-1] != copy[-2:-1]:
                continue  # the copy of an unmarked line ends where it ends: its last character or the one before
            if not marked and head[j] != " " and lm is not None and _inside_word(lm, text, j):
                continue  # the copy would end inside a word
            if lm is not None and _word_swaps(lm, tail[-m:], copy) >= 2:
                continue  # '基层干部的培训' / '青年干部的锻炼': a parallel sentence, not a misreading
            if lm is not None and _varied(lm, tail[-m:], copy, marked):
                continue  # '他们上来了。' / '他们下来了。': the next line says it otherwise, as fluently
            if _is_figure(copy[0]) and copy[0] != tail[-m] and \
                    any(_is_figure(c) and c != copy[0] for c in tail[-m - 1:len(tail) - m + 1]):
                continue  # the next item of a list ('一是…；' / '二是…；'): it opens with another figure
            best = (j, score)
    return best


class _CopyFinder:
    """Garbled copies of a line's end opening the next line (or, clearly garbled, the line after that).

    What a line's end allows (`_prev_ends`) is asked once per line; its tail
    and the tail's Han characters only when a following line reaches that far.
    The tests run cheapest first: a place where the copy can stop, then Han
    characters in common (one of them from the very end), then the alignment.
    """

    def __init__(self, lines: list[_Seg], lm: WordLM | None) -> None:
        self.lines, self.lm = lines, lm
        self.ends_of = [_prev_ends(g.text) for g in lines]
        self.rows = {i: r for i, g in enumerate(lines) if g.role == TEXT and (r := _figure_row(g.text))}
        self._tails: dict[int, list] = {}
        for i, g in enumerate(lines):
            if self.ends_of[i] is None and _comma_for_stop(g.text):
                # OCR may read a paragraph's full stop as a comma: its copy then still ends with the stop
                self.ends_of[i] = ("。", True)
                self._tails[i] = [_tail(g.text.rstrip())[:-1] + "。", None, None]

    def find(self, k: int) -> tuple[int, float, _Seg | None]:
        """(length, score, line repeated) of a garbled copy opening line `k`; (0, 0, None) when there is none."""
        s = self.lines[k]
        if s.role != TEXT:
            return 0, 0.0, None
        text = s.text
        head, head36 = text[:48], text[:36]
        for back, min_score, min_ratio in ((1, 2.5, 0.25), (2, 8.0, 0.5)):
            i = k - back
            if i < 0:
                break
            e = self.ends_of[i]
            if e is None or back == 2 and not e[1]:
                continue  # with a line printed between (a caption, a label), only a marked end is repeated
            if e[1] and e[0] not in _FOLDED and e[0] not in head[1:47]:
                continue  # the mark a copy ends with is nowhere it could be (what `_copy_ends` finds first)
            t = self._tails.get(i)
            if t is None:
                t = self._tails[i] = [_tail(self.lines[i].text), None, None]
            if e[1]:  # after a mark the places a copy may stop are a few str.find: cheaper than the Han test
                ends = _copy_ends(t[0], e[0], e[1], head)
                if not ends:
                    continue
            # no Han character of the tail's end in the head, or fewer than two of the tail: no copy (the characters
            # of the shorter strings are looked for in the head: no set of the head is made, and a character of CJK
            # text is a new string object each time a string is taken apart)
            if t[2] is None:  # the Han characters of the tail's last 7 characters, then of the whole tail
                t[2] = _NOT_HAN.sub("", t[0][-7:])
            if not any(map(head36.__contains__, t[2])):
                continue
            if t[1] is None:
                t[1] = _NOT_HAN.sub("", t[0])
            if len(set(filter(head36.__contains__, t[1]))) < 2:
                continue
            if not e[1]:  # without a mark they are every length that fits: the Han test goes first
                ends = _copy_ends(t[0], e[0], e[1], head)
                if not ends:
                    continue
            j, score = _garbled_prefix(t[0], e[0], e[1], text, self.lm, min_score, min_ratio, ends,
                                       set(filter(head.__contains__, t[1])))
            if j:
                return j, score, self.lines[i]
        return 0, 0.0, None



    def find_row(self, k: int) -> tuple[int, int, _Seg | None]:
        """(length, edit distance, row repeated) of a misread copy of a row of figures opening line `k`."""
        row = self.rows.get(k - 1)
        if row is None or self.lines[k].role != TEXT:
            return 0, 0, None
        j, d = _row_copy(row, self.lines[k].text)
        return j, d, self.lines[k - 1] if j else None


# -- a row of figures printed again -------------------------------------------------------------

ROW_MIN, ROW_MAX = 6, 40  # letters, digits and Han of a row of figures (a line of data, a date line)
_DIGIT = _re.compile("[0-9]")


def _figure_row(text: str) -> str | None:
    """The content form of a line that is a short row of figures (at least half digits); None for other lines."""
    if len(text) > 2 * ROW_MAX:
        return None
    digits = len(_DIGIT.findall(text))  # (normalize has made every digit ASCII)
    if 2 * digits < ROW_MIN:
        return None
    row = content(text)
    if not ROW_MIN <= len(row) <= ROW_MAX or 2 * digits < len(row):
        return None
    return row


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
    n = len(row)
    pos = [i for i, c in enumerate(text[:3 * n]) if c.isalnum()]  # where the head's letters, digits and Han are
    if "".join(text[i] for i in pos[:n]) == row:
        return 0, 0
    cutoff = max(1, n // 7)
    best = (0, cutoff + 1)
    for m in range(max(ROW_MIN, n - cutoff), min(len(pos), n + cutoff) + 1):  # content characters of the copy
        j = pos[m - 1] + 1
        copy = "".join(text[i] for i in pos[:m])
        if copy[-1] != row[-1]:
            continue
        d = Levenshtein.distance(row, copy, score_cutoff=cutoff)
        if d >= best[1]:
            continue
        if any(tag == "replace" and row[i].isdigit() and copy[k].isdigit()
               for tag, i, k in Levenshtein.editops(row, copy)):
            continue
        if not _same_figures(row, copy) and not _one_digit_lost(row, copy):
            continue  # a digit lost or added makes another figure ('1998年11月1日' / '1998年1月1日')
        rest = text[j:j + 8].lstrip()
        if not rest or rest[0] in _CLOSING or sum(c.isalnum() for c in rest[:4]) < 2:
            continue
        best = (j, d)
    return best if best[0] else (0, 0)


LONG_FIGURES = 12  # digits of a row in which one digit lost is a misreading rather than another figure


def _one_digit_lost(row: str, copy: str) -> bool:
    """Whether `copy` holds the digits of `row` in order but one, `row` holding LONG_FIGURES digits or more.

    A date or an amount that lost a digit is another one ('1998年11月' / '1998年1月'); a long run of
    figures (a code, a row of a table) read again next door and short of one digit is the same row misread.
    """
    a, b = _NOT_DIGIT.sub("", row), _NOT_DIGIT.sub("", copy)
    # (a run of one or two repeated digits, '000000000000', says nothing about which row it is)
    return len(a) >= LONG_FIGURES and len(b) == len(a) - 1 and len(set(a)) >= 3 and Indel.distance(a, b) == 1


# -- repeats inside one paragraph ----------------------------------------------------------------

def drop_tandem_repeats(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove the first copy of a phrase printed twice in a row; returns (text, [(offset, removed, why)])."""
    changes: list[tuple[int, str, str]] = []
    i = 0
    out = text
    while True:
        m = _find_tandem(out, i)
        if m is None:
            break
        start, length = m
        removed = out[start:start + length]
        changes.append((start, removed, "tandem"))
        out = out[:start] + out[start + length:]
        i = start
    return out, changes


# three Han characters that come back 3 to 30 characters later: where a doubling starts
_SHORT_SEED = _re.compile(rf"(?=([{HAN_CLASS}]{{3}}).{{0,27}}\1)", _re.S)
# the same at the start of a word, up to 34 characters later: where a long (or garbled) doubling starts
_LONG_SEED = _re.compile(rf"(?<![\w])(?=([{HAN_CLASS}]{{3}}).{{0,31}}\1)", _re.S)
_WORD_CHAR = re.compile(r"[\p{Han}\p{L}\p{N}]")
_STOPS = frozenset(CLAUSE_PUNCT)
_NOT_STOP = "[^" + _re.escape("".join(sorted(_STOPS))) + "]"
# what any doubling needs, as one scan each: X X with X a run of 3..30 characters without a clause stop that opens
# with three Han (the short form), and X j X with X of 8..30 such characters at a word start (the garbled form;
# at the start, or after any character \w does not take for a letter or digit: every start `_seed_tandem` takes for
# a word start, which has no letter, digit or Han before it)
_ANY_SHORT = _re.compile(rf"([{HAN_CLASS}]{{3}}{_NOT_STOP}{{0,27}})\1", _re.S)  # (no lookahead: only asked whether)
_GARBLED = rf"([{HAN_CLASS}]{{3}}{_NOT_STOP}{{5,27}}){_NOT_STOP}.{{0,3}}\1"
_ANY_GARBLED = _re.compile(r"[\W_]" + _GARBLED, _re.S)  # after a character that is not a letter or digit
_GARBLED_HERE = _re.compile(_GARBLED, _re.S)  # or at the start


MAX_DOUBLING_SHIFT = 34  # how far apart the two copies of a doubling start, at most (X X: 30; X j X: 30 + 4)
# the shifts d tested together (one byte string each): 3, 4 and 5 alone (short runs: two shifts ANDed would let
# through too many runs by chance), then pairs, whose runs of six or eight bytes rarely come about by chance
_SHIFT_GROUPS = ((3,), (4,), (5,), (6, 7),
                 *(tuple(range(d, min(d + 2, MAX_DOUBLING_SHIFT + 1))) for d in range(8, MAX_DOUBLING_SHIFT + 1, 2)))
_ZERO_RUNS = [b"\0" * min(min(g), 8) for g in _SHIFT_GROUPS]  # the run of equal characters each group looks for


def doubling_candidates(texts: list[str]) -> list[bool]:
    """For each text, whether it may hold a doubling: where this says False, `_find_tandem(text, 0)` finds none.

    Any doubling puts min(d, 8) or more equal characters in a row at distance d (3 ≤ d ≤ MAX_DOUBLING_SHIFT):
    X X with |X| = d ≥ 3, X j X with |X| ≥ 8. All texts of a page are compared with themselves shifted by every
    such d at once, in C: one byte per character (the low byte of its UTF-16 code, so equal characters give equal
    bytes), the bytes read as one integer XORed with itself shifted, where a run of zero bytes is a run of equal
    characters (or of characters that share a low byte: a few texts more are looked at, none less). Two shifts
    d, e of a group are ANDed before their bytes are written out (what costs most here): a byte that is zero for
    d or for e is zero in the AND, so a run either shift has is found in it (with a few more by chance, never
    fewer). About a twentieth of the text is left for the regular-expression scans (6 % of the characters of the
    corpus pages), which cost far more per character.
    """
    joined = "\n".join(texts)
    low = joined.encode("utf-16-le")[::2]
    if len(low) != len(joined):  # a character beyond the BMP takes two code units: the shifts would not line up
        return [True] * len(texts)
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
        while j != -1:
            k = bisect_right(starts, j) - 1
            flagged[k] = True
            j = agree.find(run, starts[k + 1])  # on to the next text
    return flagged


def _is_doubling(x: str) -> bool:
    """Whether `x` printed twice in a row is a misprint rather than speech or grammar.

    Kept: a repeated sentence or clause ('我赢了！我赢了！', a list of titles), an
    A-not-A question ('容易不容易'), a reduplicated measure phrase ('一步一步').
    """
    return not _STOPS.intersection(x) and x[-1] not in "不没" and x[0] != "一"


def _find_tandem(text: str, start: int) -> tuple[int, int] | None:
    """(offset, length) of the first copy in `X X` (|X| ≥ 3) or `X j X` (|X| ≥ 8, 1 ≤ |j| ≤ 4), X opening with 3 Han.

    The garbled form, and any X longer than 30, needs an X that starts a
    word: parallel phrasing such as 'A的重点，B的重点' or 'B师范学院、C师范学院'
    repeats on purpose. Regular expressions (the standard library's engine,
    the faster one for backreferences) find the places where three Han
    characters come back (within 30 characters, or within 34 at the start
    of a word); only those are checked, longest copy first.
    """
    if not _ANY_SHORT.search(text, start) and not _GARBLED_HERE.match(text, start) \
            and not _ANY_GARBLED.search(text, start):
        return None  # the usual case, found by two scans instead of a check of every place three Han come back
    return _find_tandem_by_seeds(text, start)


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
                        and text[i + n] not in _STOPS:  # a whole clause said again is not a misprint
                    found = max(found, d)
                    break
        j = text.find(g, j + 1, i + 37)
    return (i, found) if found else None


def split_repeated_clause(text: str, lm: WordLM | None = None) -> list[tuple[int, int]]:
    """Spans of whole clauses that repeat an earlier clause of the same paragraph (`_clause_repeats`), in order."""
    return _clause_repeats(text, lm)[0]


def _clause_repeats(text: str, lm: WordLM | None = None) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """(spans, the spans among them that are close copies of a short clause) of whole clauses that repeat an
    earlier clause of the same paragraph.

    A clause of eight or more Han characters: verbatim, or (given the
    language model) read again with a few characters misread: similar clauses
    sharing their first or last three characters, with no dictionary word
    swapped for another (parallel clauses repeat on purpose). A shorter one
    (three or more Han) is said twice on purpose often enough ('这个时候，', a
    speaker's '某某说，') that only a verbatim copy that leaves the paragraph
    dangling on a comma or semicolon counts, or one whose copy carries the
    paragraph's unpartnered closing quotation mark (`_close_short_repeats`).
    """
    marked = _CLAUSE_MARKED.findall(text)  # one scan finds the clauses both checks below start from
    if len(marked) < 2:
        return [], set()  # no clause to repeat an earlier one (`_dangling_repeat` needs two as well)
    spans = _repeated_long_clauses(text, lm, [c for c in marked if len(c) > MIN_CLAUSE_LEN])
    close: set[tuple[int, int]] = set()
    if len({c[:-1] for c in marked}) < len(marked):  # a verbatim copy of a short clause is a clause found twice
        if len(set(marked)) < len(marked):  # ... with the same mark
            spans += _repeated_short_sentences(text)
        close.update(_close_short_repeats(text))
        spans += close
    if text[-1] in _MAY_DANGLE and _ends_on_comma(text):
        last = _dangling_repeat(text)
        if last is not None:
            spans.append(last)
    return (sorted(set(spans)) if spans else spans), close




def _close_short_repeats(text: str) -> list[tuple[int, int]]:
    """Verbatim copies of a short clause (3 to 7 Han) closed by a comma or semicolon and printed again with Han
    text between, when the copy carries the paragraph's one closing quotation mark without a partner
    ('…水平。”某甲认为，…。”某甲认为，': taking the copy out balances the paragraph's quotation marks).

    Only an unpartnered CLOSING mark counts: a paragraph of a quotation that runs over several paragraphs
    opens a mark it never closes, and may say a short clause twice. A short clause said twice within one
    sentence is no evidence either: emphasis repeats it with a short clause between ('X，Y，X，Z'), so a
    close copy without the quotation evidence stays (review: such a rule cut clean dialogue and slogans).
    """
    spans = []
    seen: dict[str, tuple[int, int]] = {}
    balance = None  # the paragraph's quotation marks, counted when a copy first needs them
    for m in _CLAUSE_SHORT.finditer(text):
        clause, b, e = m.group(), m.start(), m.end() + 1
        first = seen.get(clause)
        if first is not None and text[e - 1] in "，；" and _short_clause(clause) \
                and _HAN.search(text, first[1], b) and not _same_setting(text, first[0], first[1], b, e):
            if balance is None:
                balance = _quote_balance(text)
            if balance < 0 and _quote_balance(clause) == balance:
                spans.append((b, e))
                continue
        seen[clause] = (b, e)
    return spans


# clauses of one length and opening (or ending) kept to compare a later clause with: prose never holds more,
# and a page of one sentence printed thousands of times made this loop quadratic (minutes for 600 KB)
SEEN_MAX = 8


def _repeated_long_clauses(text: str, lm: WordLM | None, marked: list[str]) -> list[tuple[int, int]]:
    """`marked`: the clauses `_CLAUSE_FAST` finds in `text`, each with the mark that closes it."""
    n = len(marked)
    if n < 2 or len(set(map(len, marked))) == n:
        return []  # no two clauses of one length (a copy has the length of its clause)
    if len({(len(c), c[:3]) for c in marked}) == n and len({(len(c), c[-4:-1]) for c in marked}) == n:
        return []  # no two clauses of one length share their first or last three characters (the usual case)
    found = list(_CLAUSE_FAST.finditer(text))
    clauses = [m.group() for m in found]
    seen: dict[tuple[int, str], list[tuple[str, int, int]]] = {}
    spans = []
    for m, clause in zip(found, clauses):  # a copy, verbatim or misread by look-alikes, has the length of the clause
        keys = ((len(clause), clause[:3]), (len(clause), "$" + clause[-3:]))
        b, e = m.start(), m.end() + 1  # with its closing mark
        earlier = [c for c, b0, e0 in seen.get(keys[0], []) + seen.get(keys[1], []) if not _same_setting(text, b0, e0, b, e)]
        if earlier and len(_HAN.findall(clause)) >= MIN_CLAUSE_HAN and \
                (clause in earlier or lm is not None and any(_same_clause(lm, c, clause) for c in earlier)):
            spans.append((b, e))
            continue
        for k in keys:
            same = seen.setdefault(k, [])
            same.append((clause, b, e))
            if len(same) > SEEN_MAX:  # a page of one sentence said over and over: keep the check linear
                del same[0]
    return spans


def _same_setting(text: str, b0: int, e0: int, b: int, e: int) -> bool:
    """Whether two copies of a clause stand where a writer says one twice on purpose.

    The same words precede or follow both (the passage is longer); the clauses
    before them open alike (parallel sentences: 'A的一段给了甲，X；A的一段给了乙，
    X'); both open a sentence and go on alike (anaphora: 'X，应…。X，应…'); or
    the later copy opens or closes a quotation that taking it out would leave
    unclosed (the paragraph's quotation marks balance with it, not without it).
    """
    return _same_as(text, _setting(text, b0, e0), b, e)


Setting = tuple[str, str, "str | None", bool, str]


def _setting(text: str, b0: int, e0: int) -> Setting:
    """What `_same_setting` reads of the earlier copy at b0..e0: the three characters before it, the two after
    it, the first three of the clause before it (None when that clause is shorter), whether it opens a sentence,
    and the first non-space character after it. Copies with one setting decide alike."""
    before0 = _clause_before(text, b0)
    return (text[max(0, b0 - 3):b0], text[e0:e0 + 2], before0[:3] if len(before0) >= 3 else None,
            _opens_sentence(text, b0), text[e0:e0 + 3].lstrip()[:1])


def _same_as(text: str, setting: Setting, b: int, e: int) -> bool:
    """`_same_setting` for an earlier copy known by its `_setting`."""
    pre, post, opening, opens, after = setting
    if pre == text[max(0, b - 3):b] or post == text[e:e + 2]:
        return True
    if opening is not None and opening == _clause_before(text, b)[:3]:
        return True
    if opens and _opens_sentence(text, b) and after == text[e:e + 3].lstrip()[:1]:
        return True
    return _quote_balance(text[b:e]) != 0 and _quote_balance(text) == 0


_QUOTE_OPEN, _QUOTE_CLOSE = "“‘", "”’"
_OPENS_SKIP = frozenset(" " + _QUOTE_OPEN + "\"")


def _quote_balance(text: str) -> int:
    """Opening minus closing quotation marks."""
    return sum(map(text.count, _QUOTE_OPEN)) - sum(map(text.count, _QUOTE_CLOSE))


def _clause_before(text: str, b: int) -> str:
    """The clause that ends just before offset `b` (at the mark before it), without spaces at its ends."""
    if b <= 0:
        return ""
    start = max(text.rfind(m, 0, b - 1) for m in "，。；！？：") + 1
    return text[start:b - 1].strip()


def _opens_sentence(text: str, b: int) -> bool:
    """Whether offset `b` opens the text or a sentence (spaces and opening quotation marks aside)."""
    i = b  # walk back over spaces and opening quotes (no copy of the text before b)
    while i > 0 and text[i - 1] in _OPENS_SKIP:
        i -= 1
    return i == 0 or text[i - 1] in "。！？"


def _dangling_repeat(text: str) -> tuple[int, int] | None:
    """The last clause (3 to 7 Han) when it repeats an earlier clause verbatim and leaves the paragraph on a comma."""
    found = list(_CLAUSE_SHORT.finditer(text))
    if len(found) < 2:
        return None
    m = found[-1]
    clause, b, e = m.group(), m.start(), m.end() + 1
    if not _dangles(text, e) or not _short_clause(clause):
        return None
    if any(p.group() == clause and not _same_setting(text, p.start(), p.end() + 1, b, e) for p in found[:-1]):
        return b, e
    return None


# a short clause closed by a full stop, question or exclamation mark or semicolon, the mark included
_SENTENCE_SHORT = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+[。；！？]")


def _repeated_short_sentences(text: str) -> list[tuple[int, int]]:
    """Later copies of a short clause (3 to 7 Han) that ends a sentence, printed again verbatim with its mark
    further on in the paragraph, where more text follows it.

    Short clauses come back on purpose as openers ('这几年，', '某某说，': a comma follows them) and as a
    sentence that closes two parallel passages (then the copy ends the paragraph, or the setting is the same);
    a copy of one that ends on 。？！；, printed again inside the paragraph after other text, is a misprint
    (clean tuning-day paragraphs hold none). A copy right after its clause ('好！好！') is said on purpose.
    """
    found = _SENTENCE_SHORT.findall(text)
    if len(found) < 2 or len(set(found)) == len(found):
        return []  # no clause printed twice (the usual case)
    spans = []
    # clause -> {setting of an earlier copy: the end of the first copy with it}: copies of one setting decide
    # alike, and Han text between a copy and this one is likeliest after the first, so one per setting tells
    # what all would (a page of one sentence printed thousands of times: linear, not quadratic)
    seen: dict[str, dict[Setting, int]] = {}
    end = len(text.rstrip())
    for m in _SENTENCE_SHORT.finditer(text):
        clause, b, e = m.group(), m.start(), m.end()
        earlier = seen.get(clause)
        if earlier and _short_clause(clause) and _text_follows(text, e, end) \
                and any(_HAN.search(text, e0, b) and not _same_as(text, st, b, e) for st, e0 in earlier.items()):
            spans.append((b, e))
            continue
        seen.setdefault(clause, {}).setdefault(_setting(text, b, e), e)
    return spans


def _text_follows(text: str, e: int, end: int) -> bool:
    """Whether text other than spaces and closing marks follows offset e (`end`: the text's length, right-stripped)."""
    while e < end and text[e].isspace():
        e += 1
    while e < end and text[e] in CLOSERS:
        e += 1
    return e < end


MIN_CLAUSE_HAN = 8    # Han characters of a clause printed again (verbatim, or misread by look-alikes)
MIN_DANGLING_HAN = 3  # ... of one printed again verbatim where it leaves the paragraph ending on a comma


def _short_clause(clause: str) -> bool:
    """A clause too short for the misread-repeat test (3 to 7 Han): only a verbatim copy of it may count."""
    return MIN_DANGLING_HAN <= len(_HAN.findall(clause)) < MIN_CLAUSE_HAN


_MAY_DANGLE = frozenset("，；").union(CLOSERS, (chr(c) for c in range(0x10000) if chr(c).isspace()))  # last characters


def _ends_on_comma(text: str) -> bool:
    """Whether `text` ends on a comma or semicolon, closing quotes and spaces aside (what `_dangles` needs)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return t[-1:] in ("，", "；")


def _dangles(text: str, e: int) -> bool:
    """Whether the clause ending at `e` ends the paragraph (closing quotes aside) on a comma or semicolon."""
    return text[e - 1] in "，；" and not text[e:].strip().lstrip("".join(CLOSERS))


def _stub_follows(text: str, e: int) -> bool:
    """Whether only a stub of at most four characters follows offset `e` before the next clause mark."""
    m = _CLAUSE_END.search(text, e)
    return m is not None and m.start() - e <= 4


_CLAUSE_END = _re.compile("[" + "".join(sorted(_CLAUSE_MARKS)) + "]")


def _same_clause(lm: WordLM, a: str, b: str) -> bool:
    """`b` is `a` read again: every difference is a look-alike misreading.

    A digit or a numeral that differs makes a different clause ('一是' / '二是',
    '1386万' / '2322万'), and so does a word swapped for another.
    """
    if len(a) != len(b) or not Levenshtein.normalized_similarity(a, b, score_cutoff=0.8):
        return False
    slips = 0
    allowed = len(a) // MISREAD_EVERY  # other misreadings a long clause may carry
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b):
        if tag == "equal":
            continue
        changed = a[i1:i2] + b[j1:j2]
        if any(map(_is_figure, changed)):
            return False
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for k in range(i1, i2):
            if looks_alike(a[k], b[k]):
                continue
            slips += 1  # not a look-alike: only a misreading that breaks a dictionary word (the other side has it)
            if slips > allowed or _has_word_at(lm, a, k) == _has_word_at(lm, b, k):
                return False
    return _word_swaps(lm, a, b) == 0


MISREAD_EVERY = 12  # a clause may carry one misreading that is no look-alike per this many characters


def _has_word_at(lm: WordLM, text: str, k: int) -> bool:
    """Whether a dictionary word of two to four characters covers offset `k` of `text`."""
    return any(lm.has(text[s:s + n]) for n in (2, 3, 4) for s in range(max(0, k - n + 1), min(k, len(text) - n) + 1))


_NUMERALS = frozenset("〇一二三四五六七八九十百千万亿两")


def _is_figure(c: str) -> bool:
    """A digit or a Han numeral: read as another, it makes another figure, not a misreading."""
    return c.isdigit() or c in _NUMERALS


def _both_figures(a: str, b: str) -> bool:
    return _is_figure(a) and _is_figure(b)


# -- applying cuts ---------------------------------------------------------------------------------

def cut(block: Block, start: int, end: int) -> Block:
    """`block` without text[start:end], its origin moved to match (a line that began inside the cut begins at it)."""
    n = end - start
    org: list[tuple[int, int]] = []
    for s, ln in block.origin or ((0, block.line),):
        s2 = s if s < start else (start if s < end else s - n)
        if org and org[-1][0] == s2:
            org[-1] = (s2, ln)  # the later line is the one whose text goes on here
        else:
            org.append((s2, ln))
    text = block.text[:start] + block.text[end:]
    while len(org) > 1 and org[-1][0] >= len(text):
        org.pop()
    if org:
        org[0] = (0, org[0][1])
    return replace(block, text=text, origin=tuple(org), line=org[0][1] if org else block.line)


def dedup(page: Page) -> Page:
    config = page.config or Config()
    blocks = list(page.blocks)
    edits: list[Edit] = []
    noise = list(page.noise)
    segs = _segments(blocks)
    lm = load_lm(config.lm_path)
    cuts: dict[int, list[tuple[int, int, str | None]]] = {}   # block -> (start, end, noise text or None)

    for s, t, sim in drop_repeated_segments(segs, config.dedup_near, lm):
        cuts.setdefault(s.bi, []).append((s.start, s.end, None))
        edits.append(Edit(STAGE, "duplicate", s.text, "", s.line, round(sim, 3),
                          f"repeats the line printed at line {t.line} (similarity {sim:.2f})", s.text[:30]))

    def to_noise(s: _Seg, j: int, confidence: float, reason: str) -> None:
        """The first j characters of segment s are a garbled copy: cut them out, keep them as noise, log it."""
        frag = s.text[:j].rstrip()
        cuts.setdefault(s.bi, []).append((s.start, s.start + j, frag))
        noise.append(Block(id=blocks[s.bi].id, text=frag, line=s.line, role=NOISE, origin=((0, s.line),)))
        edits.append(Edit(STAGE, "to_noise", "", "", s.line, round(confidence, 3), reason, frag))

    live = [g for g in segs if not g.gone]
    copies = _CopyFinder(live, lm)
    for k in range(1, len(live)):
        s = live[k]
        j, score, p = copies.find(k)
        if j:
            to_noise(s, j, min(0.95, 0.5 + score / 40),
                     f"garbled repeat of the end of line {p.line} (alignment score {score:.1f})")
            continue
        j, dist, p = copies.find_row(k) if k - 1 in copies.rows else (0, 0, None)
        if j:
            to_noise(s, j, 1 - dist / len(copies.rows[k - 1]),
                     f"misread repeat of the row of figures at line {p.line} ({dist} edit(s))")

    kept: list[tuple[Block, bool]] = []  # every block after the cuts, and whether its text is looked at for repeats
    for bi, b in enumerate(blocks):
        for start, end, _ in sorted(cuts.get(bi, ()), reverse=True):
            b = cut(b, start, end)
        if bi in cuts and not b.text.strip():
            continue  # the whole block was a repeat
        kept.append((b, b.role == TEXT and not is_title_like(b.text)))
    may_double = iter(doubling_candidates([b.text for b, looked_at in kept if looked_at]))

    out: list[Block] = []
    for b, looked_at in kept:
        if not looked_at:
            out.append(b)
            continue
        text = b.text
        new, changes = drop_tandem_repeats(text) if next(may_double) else (text, [])
        for off, removed, _ in changes:
            edits.append(Edit(STAGE, "doubled", removed, "", b.line_at(off), 0.85,
                              "phrase printed twice in a row; one copy kept",
                              f"…{text[max(0, off - 6):off + len(removed) + 8]}…"))
        if changes:
            for off, removed, _ in changes:
                b = cut(b, off, off + len(removed))
            text = b.text
        spans, close = _clause_repeats(text, lm)
        for s, e in reversed(spans):
            frag = text[s:e]  # the clause with its own closing mark: 'A，X，B，X，C' -> 'A，X，B，C'
            if s > 0 and text[s - 1] in "，," and _stub_follows(text, e) and (s, e) not in close:
                # printed inside a clause, it split it ('D，X，EE' where 'DEE' was one clause): both commas go
                s -= 1
                frag = text[s:e]
            noise.append(Block(id=b.id, text=frag, line=b.line_at(s), role=NOISE, origin=((0, b.line_at(s)),)))
            edits.append(Edit(STAGE, "to_noise", "", "", b.line_at(s), 0.7,
                              "clause printed again inside the paragraph (verbatim or misread by look-alikes)", frag))
            b = cut(b, s, e)
            text = b.text
        out.append(b)
    return replace(page, blocks=tuple(out), noise=tuple(noise), edits=page.with_edits(edits))
