"""A middle piece of one paragraph printed glued after the start of the next (X1 | X3 | Y1+X2 | Y2): finding
the seam by the word LM and cutting the block there.
"""
from __future__ import annotations

from collections.abc import Callable

import math
from itertools import accumulate, repeat
from dataclasses import dataclass, replace
from typing import Final

from ...lm import WordLM
from ...model import TEXT, Block, Edit
from .blocks import STAGE, Shapes, shapes
from .model import Candidate
from .words import Scores, remembered_scores

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# -- a piece of one paragraph printed inside the next one ------------------------------------------
SPLICE_MARGIN: Final = 10.0  # LM evidence a splice repair needs (tuning split: every window above 8.2 is a splice)
SPLICE_MIN: Final = 8  # characters on either side of the seam (at least 4: find_splices slices t[lo - 4:])
assert SPLICE_MIN >= 4


# the context model's evidence a splice repair needs (nats; `find_context_splices`, opt-in). Chosen on the synthetic
# tuning split, over the windows `find_splices` leaves uncut: every window at 12 or more holds a spliced line cut at its
# seam (4), the best window without one reads 8.6; fresh seeds 2 and 4: 4 right, 1 at another seam, 1 with no splice
CONTEXT_SPLICE_MARGIN: Final = 12.0


@dataclass(frozen=True)
class Splice:
    """Blocks k-2..k+1 printed as X1 | X3 | Y1+X2 | Y2: block k holds the start of paragraph Y and, glued
    after it at `seam`, the middle piece X2 of paragraph X, whose start X1 and end X3 were printed before.
    `by`: the model whose gain found it ("lm", the word LM; "context", the opt-in context model)."""

    k: int
    seam: int
    gain: float
    by: str = "lm"


def _span_gain(lm: WordLM, left: str, right: str, score: Callable[[str], float] | None = None) -> float:
    """`lm.join_gain`, only where a dictionary word can span the join (else it is 0: skip the LM; `score`: the
    page's remembered `lm.score`)."""
    if not left or not right:
        return 0.0
    a4, first, prefixes = left[-4:], right[:1], lm.prefixes
    if not any(a4[-k:] + first in prefixes for k in range(1, len(a4) + 1)):
        return 0.0
    return lm.join_gain(left, right, score=score)


def _positions(text: str, chars: set[str], lo: int, hi: int) -> set[int]:
    """{i for i in range(lo, hi) if text[i] in chars}, found by `str.find` (a block may be long, `chars` few)."""
    out: set[int] = set()
    for x in chars:
        i = text.find(x, lo, hi)
        while i >= 0:
            out.add(i)
            i = text.find(x, i + 1, hi)
    return out


def find_splices(blocks: list[Block], lm: WordLM, walls: list[bool],
                 margin: float = SPLICE_MARGIN, scores: Scores | None = None,
                 kinds: Shapes | None = None) -> list[Splice]:
    """Blocks where a middle piece of one paragraph was printed glued after the start of the next.

    For four body blocks A B L C (L open; A may also be an open title-like line, short with no clause mark: a
    paragraph's first piece X1 is one in 5 of the 42 splices of the synthetic tuning split and fresh seed 9, and
    of the 173 other windows such an A adds there none scores above 3.5 without the margin), reading A+L[s:]+B and L[:s]+C instead of A+B, L+C and L
    as printed is scored by the word-LM gains across the joins it makes minus those it undoes
    (a word spanning a join: 直|升机); the best seam s must beat the printed reading by `margin`, with a
    word across at least one of the joins it makes.
    The synthesizer's `splice` defects (X1 | X3 | Y1+X2 | Y2) are exactly this shape.
    (`kinds`: the page's `shapes`, when the caller has them.)
    """
    out: list[Splice] = []
    prefixes, pairs = lm.prefixes, lm.pairs
    sources, targets, body, opener = _window_lists(blocks, kinds)
    used: set[int] = set()
    score = (scores or remembered_scores(lm))[1]

    def gain(left4: str, right4: str) -> float:  # lm.join_gain on the 4 characters either side
        return lm.join_gain(left4, right4, score=score)

    logp, unk = lm.logp, lm.unk

    def tails(left4: str) -> list[tuple[str, float]]:
        """Each tail of `left4` a dictionary word may start with (longest first), with its characters' costs read
        one by one (what `bound` compares a word against)."""
        return [(x, sum(map(logp.get, x, repeat(unk)))) for i in range(len(left4)) if (x := left4[i:]) in prefixes]

    def bound(pre: list[tuple[str, float]], right4: str, rsums: list[float] | None = None) -> float:
        """An upper bound of `gain(left4, right4)` without the LM (`pre`: `tails(left4)`): the best word spanning
        the join against its characters read one by one (a segmentation never scores below that). `rsums`: the
        running sums of right4's one-character costs, when the caller has them."""
        ub = 0.0
        for x, base in pre:
            for j in range(1, len(right4) + 1):
                w = x + right4[:j]
                if w not in prefixes:
                    break
                lp = logp.get(w)
                if lp is not None:
                    if rsums is None:
                        rsums = list(accumulate(map(logp.get, right4, repeat(unk))))
                    v = lp - base - rsums[j - 1]
                    if v > ub:
                        ub = v
        return ub

    for k in range(2, len(blocks) - 1):
        if not _window(sources, targets, body, opener, walls, k):
            continue
        a, b, t, c = blocks[k - 2].text, blocks[k - 1].text, blocks[k].text, blocks[k + 1].text
        if len(t) < 2 * SPLICE_MIN:
            continue
        fixed: float | None = None
        a4, c4, c0 = a[-4:], c[:4], c[:1]
        c_sums: list[float] | None = None  # the running sums of C's one-character costs, once a tail needs them
        a_pre = [a4[-n:] for n in range(1, len(a4) + 1) if a4[-n:] in prefixes]
        lo, hi = SPLICE_MIN, len(t) - SPLICE_MIN + 1
        # seams where a word may span a new join: A's tail + X2's head, or Y1's tail + C's head
        # (the same sets as {x for x in set(t[lo:hi]) if any(p + x in prefixes for p in a_pre)} and
        # {i for i in range(lo, hi) if t[i] in opens}, over the distinct characters, the positions found by `find`: a
        # block may be long). `chars` holds
        # the characters of t[lo - 1:hi], those of both searches below: a character found in one range only is
        # looked for in the other in vain (`_positions` finds it only inside the range asked)
        chars = list(set(t[lo - 1:hi]))
        # (each look-up in this compiled loop: no bound method and `add` mapped over the characters in C)
        opens: set[str] = set()
        for p in a_pre:
            for x in chars:
                if p + x in prefixes:
                    opens.add(x)
        left = _positions(t, opens, lo, hi)
        # seams where a word of Y1's tail x (one to four characters before the seam) may go on into C: x + C's
        # first character a dictionary prefix (so x is one too: prefixes are closed). `bound(tails(y4), c4)` of
        # such a seam is the best of `bound` over these x alone (a tail that C's first character does not
        # continue adds nothing), so each x is walked into C once per block (`right`: seam -> that bound).
        # x + C's first character is a prefix only where x's last character and C's first make a pair seen inside
        # a dictionary word (`lm.pairs`): the seams are found by that character at C speed, and only there are
        # the tails of one to four characters tried
        right: dict[int, float] = {}
        walked: dict[str, float] = {}  # x -> its bound into C, walked once per block
        before: set[str] = set()
        for x in chars:
            if x + c0 in pairs:
                before.add(x)
        for i in _positions(t, before, lo - 1, hi - 1):
            e = i + 1  # the seam after that character
            for m in range(1, 5):
                x = t[e - m:e]
                if x + c0 in prefixes:
                    v = walked.get(x)
                    if v is None:
                        if c_sums is None:
                            c_sums = list(accumulate(map(logp.get, c4, repeat(unk))))
                        v = walked[x] = bound([(x, sum(map(logp.get, x, repeat(unk))))], c4, c_sums)
                    if v > right.get(e, -1.0):
                        right[e] = v
        seams = left.union(right)
        if not seams:
            continue
        # the gains the repair undoes are never negative (a join reads at least as well as its two sides apart),
        # so `bound` of the one it makes bounds `fixed`: the LM is asked only for a seam that may clear the margin
        fixed_ub = bound(tails(t[-4:]), b[:4]) + 1e-9
        best: tuple[float, int] = (margin, -1)
        a_tails = tails(a4) if left else []
        for seam in sorted(seams):
            o = seam in left
            y4 = t[seam - 4:seam]
            u1 = bound(a_tails, t[seam:seam + 4]) if o else 0.0
            u3 = right.get(seam, 0.0)
            if u1 + u3 + fixed_ub < best[0]:
                continue
            if fixed is None:
                fixed = _span_gain(lm, t, b, score) - _span_gain(lm, a, b, score) - _span_gain(lm, t, c, score)
            if u1 + u3 + fixed < best[0]:
                continue
            g1 = gain(a4, t[seam:seam + 4]) if u1 > 0.0 else 0.0
            g3 = gain(y4, c4) if u3 > 0.0 else 0.0
            if g1 + g3 <= 0.0 or g1 + g3 + fixed < best[0]:
                continue  # no word across a new join; or too little (the seam's own cost is never negative)
            g = g1 + g3 + fixed - gain(y4, t[seam:seam + 4])
            if g >= best[0]:
                best = (g, seam)
        if best[1] >= 0 and not used & {k - 2, k - 1, k, k + 1}:
            out.append(Splice(k, best[1], best[0]))
            used.update((k - 2, k - 1, k, k + 1))
    return out


def _window_lists(blocks: list[Block], kinds: Shapes | None) -> tuple[list[bool], list[bool], list[bool], list[bool]]:
    """The per-block lists `_window` reads, from the page's `shapes` (`kinds`, when the caller has them): open
    sources, targets, body blocks (text, not title-like) and openers (body or open), one pass over the page."""
    sources, targets, title = kinds or shapes(blocks)
    body = [b.role == TEXT and bool(b.text) and not t for b, t in zip(blocks, title)]
    return sources, targets, body, [x or y for x, y in zip(body, sources)]


def _window(sources: list[bool], targets: list[bool], body: list[bool], opener: list[bool], walls: list[bool],
            k: int) -> bool:
    """Blocks k-2..k+1 may be X1 | X3 | Y1+X2 | Y2, the window both finders read: A body or open, B and C body
    targets, L an open body block, no wall at B, L or C."""
    return (sources[k] and body[k] and opener[k - 2] and body[k - 1] and body[k + 1] and targets[k - 1]
            and targets[k + 1] and not (walls[k - 1] or walls[k] or walls[k + 1]))


def find_context_splices(blocks: list[Block], walls: list[bool], gain: Callable[[str, str], float],
                         taken: list[Splice], margin: float = CONTEXT_SPLICE_MARGIN,
                         kinds: Shapes | None = None) -> list[Splice]:
    """The splices `find_splices` cannot see, read by a context model (opt-in: flow asks only with
    `Config.context_lm`): seams where no dictionary word spans a join, so the word LM has nothing to say.

    For the windows A B L C of `find_splices`' shape that no splice in `taken` touches, the repaired reading
    A+L[s:]+B, L[:s]+C is scored against the printed A+B, L+C by `gain(left, right)`, how much better `right` reads
    as the continuation of `left` than apart (the context model's `continuation_gain`, 0.0 where either side meets
    the join with anything but a Han character): gain(L, B) + gain(A, L[s:]) + gain(L[:s], C) minus gain(A, B),
    gain(L, C) and gain(L[:s], L[s:]), the join the cut undoes. The best seam must reach `margin`. Flow's own pair
    model cannot do this: session 45 found it ranks the spliced windows of the synthetic tuning split 65th and
    below of 754 (`benchmarks.splice_tally --model`)."""
    sources, targets, body, opener = _window_lists(blocks, kinds)
    used: set[int] = set()
    for sp in taken:
        used.update(range(sp.k - 2, sp.k + 2))
    out: list[Splice] = []
    for k in range(2, len(blocks) - 1):
        if used & {k - 2, k - 1, k, k + 1} or not _window(sources, targets, body, opener, walls, k):
            continue
        a, b, t, c = blocks[k - 2].text, blocks[k - 1].text, blocks[k].text, blocks[k + 1].text
        if len(t) < 2 * SPLICE_MIN:
            continue
        fixed = gain(t, b) - gain(a, b) - gain(t, c)  # the window's joins, whatever the seam
        best_g, best_s = margin, -1
        for seam in range(SPLICE_MIN, len(t) - SPLICE_MIN + 1):
            y1, x2 = t[:seam], t[seam:]
            g = fixed + gain(a, x2) + gain(y1, c) - gain(y1, x2)
            if g >= best_g:
                best_g, best_s = g, seam
        if best_s >= 0:
            out.append(Splice(k, best_s, best_g, "context"))
            used.update((k - 2, k - 1, k, k + 1))
    return out


# flags `read` derives from a printed line's text (a dateline at its start, page furniture): they describe
# where the line starts, so never a piece cut from inside it
START_FLAGS: Final = frozenset({"dateline", "furniture"})


def cut_block(b: Block, start: int, end: int, new_id: int | None = None) -> Block:
    """b.text[start:end] as a block of its own, its origin moved to match. A piece that does not start
    where b starts loses b's start-of-block flags and its '## ' mark (`marked`, a printed line's too) and takes
    `new_id` (ids stay unique in the page); one that does not end where b ends loses `open_end`, which flow sets for
    the block's end (`dedup` cuts flowed blocks too)."""
    org: list[tuple[int, int]] = []
    for s, ln in b.origin or ((0, b.line),):
        if s < end:
            if s <= start:
                org = [(0, ln)]
            else:
                org.append((s - start, ln))
    cut = replace(b, text=b.text[start:end], origin=tuple(org), line=org[0][1])
    if start > 0:
        cut = replace(cut, flags=cut.flags - START_FLAGS, marked=False, id=b.id if new_id is None else new_id)
    if end < len(b.text) and "open_end" in cut.flags:
        cut = replace(cut, flags=cut.flags - {"open_end"})
    return cut


def apply_splices(blocks: list[Block], splices: list[Splice]) -> tuple[list[Block], list[Candidate], list[Edit]]:
    """Blocks reordered X1 X2 X3 Y1 Y2 (block k cut at its seam), the joins X1-X2, X2-X3, Y1-Y2 to make
    first, and an edit logging each cut."""
    at = {sp.k: sp for sp in splices}
    out: list[Block] = []
    fixed: list[Candidate] = []
    edits: list[Edit] = []
    next_id = max((b.id for b in blocks), default=-1) + 1
    k = 0
    while k < len(blocks):
        sp = at.get(k + 2)
        if sp is None:
            out.append(blocks[k])
            k += 1
            continue
        x1, x3, l, y2 = blocks[k], blocks[k + 1], blocks[k + 2], blocks[k + 3]
        y1, x2 = cut_block(l, 0, sp.seam), cut_block(l, sp.seam, len(l.text), next_id)
        next_id += 1
        n = len(out)
        out += [x1, x2, x3, y1, y2]
        lm_found = sp.by == "lm"
        p = round(0.5 + 0.5 / (1 + math.exp(-(sp.gain - (SPLICE_MARGIN if lm_found else CONTEXT_SPLICE_MARGIN)))), 3)
        model = "lm" if lm_found else "context model"
        why = f"a piece of another paragraph printed inside line {l.line}: {model} {sp.gain:.1f} better in that order"
        fixed += [Candidate(n, n + 1, p, sp.gain, 1, why), Candidate(n + 1, n + 2, p, sp.gain, 1, why),
                  Candidate(n + 3, n + 4, p, sp.gain, 1, why)]
        edits.append(Edit(STAGE, "splice", "", "", l.line, p,
                          f"line {l.line} holds the start of one paragraph and, from character {sp.seam}, a piece "
                          f"of the paragraph at line {x1.line}: cut there ({model} gain {sp.gain:.1f})",
                          f"…{y1.text[-8:]}⏎{x2.text[:8]}…"))
        k += 4
    return out, fixed, edits
