"""Printed lines equal, or nearly equal under OCR noise, to an earlier one (`drop_repeated_segments`)."""
from __future__ import annotations

from typing import Callable, Final, Sequence
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


from dataclasses import dataclass
from operator import attrgetter

from rapidfuzz.distance import Levenshtein

from ...lm import WordLM
from ...model import NOISE, TABLE, TEXT, Block
from ..normalize import is_title_like
from .common import _both_figures, _word_swaps, content, looks_alike


MIN_REPEAT: Final = 12        # content characters a line needs before it can be a repeat of another
NEAR_LINES: Final = 8         # how many printed segments back a reprint is looked for without an index key
NEXT_DOOR: Final = 3          # within this many segments a reprint may be read much worse than the first printing
KEY: Final = 6                # characters of the index keys (content head and tail)
MAX_GAP_RUN: Final = 2        # a repeat may not miss or add a longer stretch than this (a quotation's lead-in does)
COLUMN_LINE: Final = 24       # content characters under which a line of a block of several is a column's printed line


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
    for op in Levenshtein.opcodes(ca, cb):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
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


@dataclass(slots=True, init=False)
class _Seg:
    bi: int          # index of the block
    start: int       # offsets in the block's text
    end: int
    line: int
    role: str
    text: str
    key: str         # content form
    gone: bool = False

    def __init__(self, bi: int, start: int, end: int, line: int, role: str, text: str, key: str,
                 gone: bool = False) -> None:
        """The dataclass's own `__init__`, written out: compiled, where the one `dataclass` generates runs as
        Python (mypyc compiles the methods a class defines, not those the decorator adds at import): 1.5% of
        dedup's instructions went to making the page's lines. `replace` and the comparisons are the decorator's."""
        self.bi, self.start, self.end, self.line = bi, start, end, line
        self.role, self.text, self.key, self.gone = role, text, key, gone


def _segments(blocks: list[Block]) -> list[_Seg]:
    """Every printed line of every non-noise, non-table block, in the order of the dump."""
    segs: list[_Seg] = []
    keyed: list[_Seg] = []
    for bi, b in enumerate(blocks):
        if b.role in (NOISE, TABLE):
            continue
        org = b.origin or ((0, b.line),)
        for k, (s, ln) in enumerate(org):
            e = org[k + 1][0] if k + 1 < len(org) else len(b.text)
            if e > s:
                seg = _Seg(bi, s, e, ln, b.role, b.text[s:e], "")
                segs.append(seg)
                if e - s >= MIN_REPEAT and b.role == TEXT:
                    keyed.append(seg)  # only a text line of MIN_REPEAT characters or more can repeat or be repeated
    for seg, key in zip(keyed, _contents([g.text for g in keyed])):
        seg.key = key
    segs.sort(key=attrgetter("line", "bi", "start"))  # (the same tuples, made without a Python call each)
    return segs


_SEP: Final = "\ua4d0"  # a letter (Lisu) that `content` keeps: the lines are cut apart again at it


def _contents(texts: list[str]) -> list[str]:
    """`[content(t) for t in texts]`, in one call on the lines joined (a call costs more than its characters do)."""
    joined = _SEP.join(texts)
    if not texts or joined.count(_SEP) != len(texts) - 1:
        return [content(t) for t in texts]  # (a line that holds the separator itself)
    return content(joined).split(_SEP)


def drop_repeated_segments(segs: list[_Seg], near: float, lm: WordLM | None = None,
                           apart: Callable[[int, int], bool] | None = None) -> list[tuple[_Seg, _Seg, float]]:
    """(repeat, the earlier printing it repeats, similarity) for every later printing of a line.

    Next door (NEXT_DOOR printed lines back) a reprint may have been read much
    worse (`near` - 0.15); farther away it must be close (`near`). Either way, two lines whose
    differences are dictionary words swapped for other words are parallel
    sentences, not two readings of one ('地下通道' / '水下通道'). `apart(i, j)`: whether an article opens between
    blocks i and j (their lines are then no repeat of each other).
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
                cands: Sequence[int] = far_lines + list(range(k - 1, max(0, k - NEAR_LINES) - 1, -1))
            else:
                cands = range(k - 1, max(0, k - NEAR_LINES) - 1, -1)
            lo, hi = 0.85 * len(s.key), len(s.key) / 0.85
            for i in [i for i in cands if lo <= klen[i] <= hi]:  # lengths within 15 % (the usual test that fails)
                t = segs[i]
                if t.gone or t.role != TEXT or (apart is not None and apart(t.bi, s.bi)):
                    continue
                # next door a reprint may be read a little worse; far away it must be close
                sim = _repeat_of_keys(t.key, s.key, near - 0.15 if k - i <= NEXT_DOOR else near)
                if sim and sim < 1 and lm is not None and _word_swaps(lm, t.key, s.key) >= 2:
                    sim = 0.0
                if sim and sim < 1 and is_title_like(t.text) != is_title_like(s.text):
                    sim = 0.0  # a headline said again, not quite word for word, as a sentence of the body (or the
                    # reverse): a reprint keeps its marks, a restatement gives the sentence its own
                if sim:
                    s.gone = True
                    found.append((s, t, sim))
                    break
        if not s.gone and len(s.key) >= MIN_REPEAT:
            if not ok:
                head, tail = s.key[:KEY], s.key[-KEY:]
            heads.setdefault(head, []).append(k)
            tails.setdefault(tail, []).append(k)
    rows: dict[int, list[_Seg]] = {}  # each block's printed lines, in order (both checks below read them)
    for g in segs:
        rows.setdefault(g.bi, []).append(g)
    return _whole_block_repeats(rows, _without_lone_column_lines(rows, found), near)


def _whole_block_repeats(rows: dict[int, list[_Seg]], found: list[tuple[_Seg, _Seg, float]],
                         near: float) -> list[tuple[_Seg, _Seg, float]]:
    """`found` and every line of a text block that repeats an earlier block as a whole, where one of the two
    is printed over several lines and no line of the later one repeated on its own.

    Why: line by line a paragraph printed twice repeats only where both printings break their lines at the same
    places; a copy wrapped elsewhere (or once wrapped, once a paragraph to a line) was kept on a first run and
    dropped on a second, which reads the first run's output a paragraph to a line (review25a)."""
    if not any(len(r) > 1 for r in rows.values()):
        return found  # (most pages: a paragraph to a line, compared line by line already)
    gone = {g.bi for g, _, _ in found}
    # (rows are filled from the lines in print order: the blocks stand in the order of their first lines)
    texts = [b for b in rows if rows[b][0].role == TEXT]  # (a block's lines have its role)
    # a block's content is its lines' (`content` drops characters one by one): only the lines too short to have
    # been keyed are read again
    short = [g for b in texts for g in rows[b] if not g.key]
    read = dict(zip(map(id, short), _contents([g.text for g in short])))
    keys = {b: "".join(g.key or read[id(g)] for g in rows[b]) for b in texts}
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    out = list(found)
    for bi in texts:
        key, row = keys[bi], rows[bi]
        if len(key) < MIN_REPEAT or bi in gone or (len(key) < 16 and is_title_like("".join(g.text for g in row))):
            continue
        same_head, same_tail = heads.get(key[:KEY]), tails.get(key[-KEY:])
        cands = dict.fromkeys((same_head or []) + (same_tail or [])) if same_head or same_tail else ()
        for ei in cands:
            if len(row) == 1 and len(rows[ei]) == 1:
                continue  # (two lines: compared line by line)
            sim = _repeat_of_keys(keys[ei], key, near)
            if sim:
                for g in row:
                    g.gone = True
                    out.append((g, rows[ei][0], sim))
                break
        else:
            heads.setdefault(key[:KEY], []).append(bi)
            tails.setdefault(key[-KEY:], []).append(bi)
    return out


def _without_lone_column_lines(rows: dict[int, list[_Seg]],
                               found: list[tuple[_Seg, _Seg, float]]) -> list[tuple[_Seg, _Seg, float]]:
    """`found` less the short printed lines of a paragraph set in a column (a block of several lines) that
    repeat an earlier line on their own, with neither neighbouring line of their block a repeat too.

    Why: a paragraph printed twice repeats line after line; one column line of 12-18 characters that
    recurs alone is a sentence said again on purpose, a parallel sentence or a definition sharing a line,
    and dropping it broke its paragraph (review17a: 3.4 characters per 10k of clean train-day articles
    printed as column lines, none on the same articles printed a paragraph a line).
    """
    if not found:
        return found
    gone = {id(s) for s, _, _ in found}
    # each line's place in its block's row, by identity: `row.index(s)` compares field by field and made a
    # paragraph of n printed lines that repeat cost n * n / 2 comparisons
    at = {id(g): k for row in rows.values() for k, g in enumerate(row)}
    kept = []
    for s, t, sim in found:
        row = rows[s.bi]
        if len(row) > 1 and len(s.key) < COLUMN_LINE:
            i = at[id(s)]
            if not any(id(n) in gone for n in row[max(0, i - 1):i] + row[i + 1:i + 2]):
                s.gone = False
                continue
        kept.append((s, t, sim))
    return kept
