"""A badly garbled copy of a line's last clause opening a later line (`clause_copy`).

`garbled._CopyFinder` finds copies read fairly well: matched characters for, every unexplained
difference against, and a run of differences rules a copy out. A copy re-read badly keeps only a few
characters of its clause in place ('怎不为你欣喜呢？' / '怎爪物您欣著红？'), yet it still says what it
is: it stops on the clause's own closing mark, about as long as the clause, and the characters it
keeps sit where the clause has them. So this test weighs each kept character by how rarely text
holds it (a kept '欣' is evidence, a kept '的' hardly), and a substitution, dropped or added character
by how often misreading makes it, over the rapidfuzz alignment of the clause and the copy.
"""
from __future__ import annotations

from functools import lru_cache

import re as _re
from typing import Final

from rapidfuzz.distance import Levenshtein

from ...lm import WordLM
from ...textutil import is_han
from ..normalize import is_title_like
from .garbled import _NOT_HAN
from .common import _same_figures, _swaps_one_word, _word_swaps, alikes, content, looks_alike

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# a clause's closing mark -> every form its copy may print it in (a closing quote also turned the wrong way round:
# normalize leaves a quote's direction as printed and `quotes` mends it after this stage)
_ENDS: Final = {"。": "。.", "？": "？?", "！": "！!", "；": "；;", "：": "：:", "”": "”\"“"}
BACK: Final = 2             # how many lines back the clause may end (one printed between: a caption, a column's line)
MAX_CLAUSE: Final = 24      # a copy repeats at most the last this many characters of the clause
# a line no longer than this that ends on no closing mark (a title, a byline, a subheading) may have its copy run
# into the next line's text with no space or bullet between (`_looks_misread`): the 11 such copies of the tuning
# pages followed lines of 8 to 24 characters; a longer line ending open is a paragraph cut at a column's end
RUN_IN_LINE: Final = 32
# evidence (natural log odds, roughly) a copy needs: on the clean tuning-day articles printed as pages, the
# synthetic-tune pages and real_ocr-tune no line pair that passes the other tests reaches 0.5; 3 leaves a margin
MIN_SCORE: Final = 3.0
# ... or, when the dump printed a space right after the copy (still there, or taken out by `normalize` as a line wrap:
# `garbled.RemovedSpaces`), as the synthesizer and OCR mostly set a repeat off: the two such copies of the tuning
# pages this bar alone took (fresh seeds 6 and 13, of the shape '他也吵着要买。' / '天巴吵耍着买。 妈妈…') give 1.46 and 1.6, and no
# other line pair of synthetic tune, real_ocr-tune or fresh seeds 2, 4, 5, 6, 12, 13 that passes the other tests gives
# more than 0 below 3 (at 0.01, set off or not, the same two and none else)
SET_OFF_MIN_SCORE: Final = 1.0
# how much worse (natural log per character) a copy reads than its clause: the restating first sentences of the
# tuning pages (synthetic-tune, seed 34, clean tuning-day pages) read at most 0.15 worse than the clause before
# them, the garbled copies at least 0.97
FLUENCY_DROP: Final = 0.5
COMMON_LOGP: Final = -4.0   # the log frequency of the commonest characters: a kept one of them is weak evidence
RARE_CAP: Final = 3.0       # evidence one kept character can give at most
LOOK_ALIKE: Final = 1.0     # a substitution the glyph confusion table knows
OTHER_SUB: Final = -1.0     # a substitution it does not know (a badly read copy holds several)
DROPPED: Final = -1.5       # a character of the clause missing from the copy
ADDED: Final = -3.0         # a character in the copy the clause does not have: misreading rarely adds
# a copy that lacks this many characters of the clause in a row left a word out, as a sentence restating the clause
# does: of the 7 copies this test took on synthetic-tune, seed-67 and real_ocr-tune pages none, of the 3 it took on
# clean tuning-day PD pages and THUCNews val 2 (restated questions); of the 130 garbled copies of seed-67 clauses
# (the synthesizer's garbling) that only this test finds 10 (0.4% of the 2,639 that `garbled` or it finds). One run
# of exactly this many is excused when it is no word of the clause, its characters the end of one word and the start
# of the next, and the copy misreads some other character (`_lost_no_word`, leak43: fresh seed 6 leaked such a copy
# of a verse line's last clause; no copy more on clean tuning-day pages, as printed or a sentence or clause a line)
MAX_LOST_RUN: Final = 2


def last_clause(line: str) -> str:
    """The last clause of `line` with its closing marks, spaces removed, at most MAX_CLAUSE characters."""
    text = "".join(line[-64:].split())  # (the clause is at most MAX_CLAUSE long: no need to look further back)
    m = _UP_TO_LAST_MARK.match(text.rstrip(_CLOSING))
    return text[m.end() if m else 0:][-MAX_CLAUSE:]  # (from the start when the line holds no clause mark)


_CLAUSE_MARKS: Final = tuple("，。；！？：,;!?:")
# the text up to its last clause mark (the greedy run backs off from the end to it): one search where the last place
# of each of the eleven marks was asked apart (dedup asks it of every line a copy may repeat)
_UP_TO_LAST_MARK: Final = _re.compile("(?s:.*)[" + _re.escape("".join(_CLAUSE_MARKS)) + "]")
_CLOSING: Final = "。？！；：”\"’.?!;:"  # the marks a clause closes on, stripped before its last character is read


def _kept(lm: WordLM, c: str) -> float:
    """Evidence of one character kept in place: rare characters rarely line up by chance."""
    if not is_han(c):
        return 0.3
    lp = lm.word_logp(c)
    rarity = -(lp if lp is not None else -12.0) + COMMON_LOGP
    return min(RARE_CAP, max(0.4, rarity + 0.4))


def copy_evidence(clause: str, copy: str, lm: WordLM, cut: bool = False) -> float:
    """Evidence that `copy` is `clause` re-read badly (space-free strings); 0 or less: it is not.

    A copy repeats the whole clause, so a character of the clause it lacks counts against it
    wherever it is, unless the clause was `cut` to MAX_CLAUSE (the copy may then start later).
    Misreading loses characters now and then but rarely adds them: two added ones say other text.
    """
    if not _same_figures(clause, copy):
        return 0.0  # a copy carries the figures of what it copies
    score = 0.0
    han_kept = added = 0
    lost = 0  # characters of the clause missing since the last kept one
    misread = excused = False  # a character of the clause read as another; a lost run `_lost_no_word` excused
    ops = list(Levenshtein.opcodes(clause, copy))  # (Opcode objects; `as_list()` gives plain tuples)
    for k, op in enumerate(ops):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            for c in clause[i1:i2]:
                score += _kept(lm, c)
                han_kept += is_han(c)
            lost = 0
        elif tag == "replace":
            # (a mark printed in the other width is no misreading: only a Chinese character read as another counts;
            # review43a: '？' / '?' let a restatement that left out two characters through)
            misread = misread or any(is_han(a) and a != b for a, b in zip(clause[i1:i2], copy[j1:j2]))
            for a, b in zip(clause[i1:i2], copy[j1:j2]):
                score += LOOK_ALIKE if looks_alike(a, b) else OTHER_SUB
            n, m = i2 - i1, j2 - j1
            score += DROPPED * max(0, n - m) + ADDED * max(0, m - n)
            added += max(0, m - n)
            lost += max(0, n - m)
        elif tag == "delete":
            if i1 > 0 or not cut:
                score += DROPPED * (i2 - i1)
                if i2 - i1 == MAX_LOST_RUN and not excused and 0 < k < len(ops) - 1 and ops[k - 1].tag == "equal" \
                        and ops[k + 1].tag == "equal" and _lost_no_word(lm, clause, i1, i2):
                    excused = True  # two characters lost between kept ones, no word of the clause: misread away
                    continue
                lost += i2 - i1
        else:
            score += ADDED * (j2 - j1)
            added += j2 - j1
        if lost >= MAX_LOST_RUN:
            return 0.0  # a word left out: '如此受追捧的“某某”到底从何而来呢？' / '究竟某某“某某”之名从何而来？' restates it
    if excused and not misread:
        return 0.0  # a clause said again with two characters left out and nothing misread: a restatement
    return score if han_kept >= 2 and added <= 1 else 0.0


def _lost_no_word(lm: WordLM, clause: str, i1: int, i2: int) -> bool:
    """Whether the Han characters clause[i1:i2], lost from a copy between characters it keeps, are no word of the
    clause: no dictionary word, and the language model's best segmentation of the clause puts a word boundary inside
    them (the end of one word and the start of the next: '河湾' | '北岸' read '河岸').

    A sentence said otherwise leaves a word out whole ('稻田', '到底'); misreading loses characters wherever its
    blots fall, across the words."""
    lost = clause[i1:i2]
    if not all(map(is_han, lost)) or lm.has(lost) or i1 == 0 or i2 >= len(clause):
        return False
    pos = 0
    for w in lm.segment(clause):
        pos += len(w)
        if i1 < pos < i2:
            return True
        if pos >= i2:
            break
    return False


def _cut_evidence(clause: str, copy: str, lm: WordLM) -> float:
    """`copy_evidence` of a copy of a clause cut to MAX_CLAUSE, where the copy may start anywhere: the whole clause's
    when it is positive, else the best over the clause's next CUT_SHIFTS ends at least as long as the copy.

    One alignment of the whole clause may put the characters the copy never held after a misread stretch instead of
    before the copy's start ('长助理吉佩定和…' / '的埋声足和…': four misread, then two lost, a word left out to
    `copy_evidence`), where the free start would have taken them. Only when that alignment rules the copy out are
    the clause's next few ends (CUT_SHIFTS) aligned."""
    ev = copy_evidence(clause, copy, lm, True)
    if ev > 0.0:
        return ev
    return max([copy_evidence(clause[s:], copy, lm, True) for s in range(1, min(CUT_SHIFTS, len(clause) - len(copy)) + 1)],
               default=0.0)


CUT_SHIFTS: Final = 3  # how many characters later than the cut clause's start `_cut_evidence` lets a copy's alignment start


def clause_copy(prev: str, text: str, lm: WordLM, min_score: float = MIN_SCORE,
                clause: "_Clause | None" = None) -> tuple[int, float]:
    """(length, evidence) of a badly garbled copy of `prev`'s last clause opening `text`; (0, 0) when none.

    The copy ends on the clause's closing mark (a clause without one: where a space or a
    bullet sets it off) and is about as long as the clause; new text follows it. (`clause`:
    `clause_of(prev)` when the caller has it.) The cheap tests go first: a place the copy
    can end, two of the clause's Han characters in the head.
    """
    c = clause if clause is not None else clause_of(prev)
    if c is None:
        return 0, 0.0
    clause_text, marks, han, lo, n = c
    hi = min(len(text) - 2, n + 3)
    head = text[:hi + 1]
    glued: set[int] = set()  # ends no space or bullet sets off: a copy there must pass `_looks_misread`
    if marks is not None:
        ends = [i + 1 for m in marks for i in _found(head[:hi], m, lo - 1)]
        if not ends:
            return 0, 0.0  # (the test most lines fail)
        if is_title_like(prev):  # a title's words come back in the lead: a copy not set off must look misread
            glued = {j for j in ends if head[j:j + 1] not in _SET_OFF}
    elif len(prev) > RUN_IN_LINE:  # a verse line, a list item: its copy is set off by a space or a bullet
        ends = [i for m in _SET_OFF for i in _found(head, m, lo)]
    else:  # a title, a byline, a subheading: its copy may also run into the text, ending on the line's last
        like_end = alikes(clause_text[-1])  # character or a look-alike of it and splitting no word there
        ends = [j for j in range(lo, len(head))
                if head[j] in _SET_OFF or head[j - 1] in like_end and not lm.has(head[j - 1:j + 1])]
        glued = {j for j in ends if head[j] not in _SET_OFF}
    if not ends or sum(map(head.__contains__, han)) < 2:
        return 0, 0.0
    cut = n == MAX_CLAUSE
    best = (0, 0.0)
    for j in sorted(ends):
        if not _follows(text[j:j + 12]):
            continue
        copy = "".join(text[:j].split())
        if content(copy) in content(prev):
            continue  # printed verbatim: a quotation or a lead restating a title, never a misreading
        if j in glued and not _looks_misread(clause_text, copy):
            continue  # '…人民银行' / '据人民银行调查，…': a lead that opens on the words before it
        ev = _cut_evidence(clause_text, copy, lm) if cut else copy_evidence(clause_text, copy, lm)
        if ev < min_score or ev <= best[1]:
            continue
        if _word_swaps(lm, clause_text[-len(copy):], copy) >= 2 or _swaps_one_word(lm, clause_text, copy):
            continue  # '基层干部的培训' / '青年干部的锻炼', '胡杨林' / '梭梭林': a parallel sentence says it otherwise
        if not _garbles(lm, clause_text, copy):
            continue  # '…正在某校进行。' / '某人早年曾在某校读书。': a sentence restating the last one reads as well
        best = (j, ev)
    return best


# (the clause, the forms of its closing mark or None, its Han characters, shortest copy, its length)
_Clause = tuple[str, str | None, frozenset[str], int, int]


def copy_marks(prev: str) -> frozenset[str]:
    """The characters a copy of `prev`'s last clause may stop on: that clause's closing mark in both widths (a
    clause without one: a space or a bullet after it, or its own last character or a look-alike, where the copy
    runs into the text). A line whose head holds none of them within MAX_CLAUSE + 4 characters opens with no
    copy: the test most pairs of lines fail, made before `clause_of`."""
    end = prev[-1:]
    if end.isspace():
        end = prev.rstrip()[-1:]
    marks = _MARKS_OF.get(end)
    if marks is not None:
        return marks
    return _run_in_marks(end) if end.isalnum() and len(prev) <= RUN_IN_LINE else _SET_OFF_CHARS


@lru_cache(maxsize=None)
def _run_in_marks(end: str) -> frozenset[str]:
    """`copy_marks` of a short line ending on `end`, no closing mark: a space, a bullet, `end` or a look-alike."""
    return _SET_OFF_CHARS | alikes(end)


def clause_of(prev: str) -> _Clause | None:
    """What `clause_copy` needs of a line, once per line; None when no copy of it is looked for."""
    clause = last_clause(prev)
    n = len(clause)
    if n < 4:
        return None  # (the string tests first: the set of Han characters is made only for a clause they pass)
    last = clause[-1]
    marks = _ENDS.get(_fold(last))
    if marks is None and not last.isalnum():
        return None  # a line ending on a bracket or a dash: a dateline, a credit, not a clause
    han = frozenset(_NOT_HAN.sub("", clause))
    if len(han) < 2:
        return None  # a copy keeps at least two Han characters of its clause in place
    return clause, marks, han, max(3, n // 2), n


_SET_OFF: Final = " ●■"
_SET_OFF_CHARS: Final = frozenset(_SET_OFF)
_MARKS_OF: Final = {form: frozenset(forms) for forms in _ENDS.values() for form in forms}  # a line's last character ->
# `copy_marks`


def _found(text: str, c: str, start: int) -> list[int]:
    """Every offset of `c` in `text` from `start` on."""
    out = []
    i = text.find(c, start)
    while i != -1:
        out.append(i)
        i = text.find(c, i + 1)
    return out


def _garbles(lm: WordLM, clause: str, copy: str) -> bool:
    """Whether `copy` reads clearly worse than `clause` under the language model, per character.

    Misreading turns words into rare strings; a sentence that restates the one before in other
    words (a new paragraph opening on the same subject) reads as fluently as it.
    """
    a, b = content(clause), content(copy)
    return lm.score(a) / len(a) - lm.score(b) / len(b) >= FLUENCY_DROP


def _looks_misread(clause: str, copy: str) -> bool:
    """Whether `copy` holds `clause` as misreading leaves it: its last character or a look-alike of it, three or
    more of its characters in place, some misread, none added.

    A copy that no space or bullet sets off runs straight into the new text, so where it stops says nothing;
    a lead that opens on the words of the title or line before it ('…人民银行' / '据人民银行调查') adds
    characters or stops short of the clause's end. On tuning pages (synthetic tune, fresh seeds 2, 4, 5, 6, 11,
    THUCNews pages, seed-2 real OCR, real_ocr-tune, 1,463 clean tuning-day articles as pages) this sent 10 garbled
    copies of titles, bylines and subheadings to noise (one a character short) and no gold text; on fresh seeds
    12 and 13, looked at only after, 2 more and no gold text.
    """
    a, b = clause.rstrip(_CLOSING), copy.rstrip(_CLOSING)
    if not a or not b or a[-1] != b[-1] and not looks_alike(a[-1], b[-1]):
        return False
    kept, misread = 0, False
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2 = op.tag, op.src_start, op.src_end
        if tag == "insert":
            return False
        kept += (i2 - i1) * (tag == "equal")
        misread = misread or tag == "replace"
    return misread and kept >= 3


def _fold(c: str) -> str:
    return _HALF.get(c, c)


_HALF: Final = {".": "。", "?": "？", "!": "！", ";": "；", ":": "：", "\"": "”"}


def _follows(rest: str) -> bool:
    """New text follows a copy: letters, Han or digits within a few characters (after a bullet or dash)."""
    rest = rest.lstrip(" ●■—-")
    return sum(map(str.isalnum, rest[:4])) >= 2
