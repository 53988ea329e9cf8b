"""The stage itself: every fix applied to a page, each change logged (`dedup`), and `cut`."""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Final
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)
from dataclasses import replace

from ...config import Config
from ...lm import load_lm
from ...model import BYLINE, NOISE, TEXT, TITLE, Block, Edit, Page
from ...textutil import ends_open
from ..flow.blocks import is_title_like  # (normalize's, a long line answered before its cache)
from ..flow.splices import cut_block
from .clausecopy import BACK, MAX_CLAUSE, MIN_SCORE, SET_OFF_MIN_SCORE, clause_copy, clause_of, copy_marks
from .clauses import _clause_repeats, _stub_follows
from .common import holds_any, holds_two
from .doublings import _may_double, doubling_scans, drop_garbled_doublings, tandem_repeats
from .garbled import _CopyFinder, RemovedSpaces
from .repeats import _Seg, _segments, drop_repeated_segments


STAGE: Final = "dedup"


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


def cut_spans(block: Block, spans: list[tuple[int, int]]) -> Block:
    """`block` without each text[start:end] of the disjoint `spans`: what `cut` gives for each span in turn, the
    last first, in one pass over the origin (a paragraph of n printed lines printed twice made n cuts of n lines).

    The same block whenever some text is left: the one-by-one cuts drop a line once its start reaches the end of
    the text, and a line that reaches it only at the end is dropped here then; when nothing is left (a block
    `dedup` drops) the line the origin keeps may differ. An origin out of order or not opening at offset 0 takes
    the cuts one by one (what this pass assumes)."""
    spans = sorted(spans)
    org0 = block.origin or ((0, block.line),)
    if not spans:
        return block
    if org0[0][0] != 0 or any(a[0] > b[0] for a, b in zip(org0, org0[1:])) \
            or any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        for start, end in reversed(spans):
            block = cut(block, start, end)
        return block
    ends = [e for _, e in spans]
    before = [0]  # characters cut before each span
    for s, e in spans:
        before.append(before[-1] + e - s)
    org: list[tuple[int, int]] = []
    for s, ln in org0:
        k = bisect_right(ends, s)  # the spans that end at or before s are all cut before it
        s2 = spans[k][0] - before[k] if k < len(spans) and spans[k][0] <= s else s - before[k]
        if org and org[-1][0] == s2:
            org[-1] = (s2, ln)  # the later line is the one whose text goes on here
        else:
            org.append((s2, ln))
    text = "".join(block.text[a:b] for a, b in zip([0] + ends, [s for s, _ in spans] + [len(block.text)]))
    while len(org) > 1 and org[-1][0] >= len(text):
        org.pop()
    if org:
        org[0] = (0, org[0][1])
    return replace(block, text=text, origin=tuple(org), line=org[0][1] if org else block.line)


def articles_apart(blocks: list[Block]) -> Callable[[int, int], bool]:
    """Whether blocks i and j are the same paragraph two articles each print: an article opens between them (the
    dated report or byline under a '## ' title) and each stands at the same place in its article, both last
    (before the next title or the page's end) or both not; or a dated report under a plain title-like line opens
    between them and both close their articles (review27a). A paragraph each of two such articles prints (a notice
    closing both, boilerplate) is no repeat (review26a). A copy printed between the next article's title and its
    opening is a repeat still (fresh seed 2, page 076), and so is a copy inside the next article of the paragraph
    that closed the one before (fresh seed 5, page 047: the last paragraph of one report printed again as the
    second of the next, after its opening; the defect log calls it a duplicate; synthetic tune 108 under a plain
    title). Two dated reports each opening its article under a '## ' title are two leads, however alike (parallel
    briefs, '甲地今天开展…' / '乙地今天也开展了…', review29a), unless their titles are the same too: one brief
    printed twice (review30a)."""
    starts: list[int] = []  # each opening under a '## ' title (sorted: found down the page)
    titled: dict[int, str] = {}  # an opening in `starts` -> the text of its title
    plain: list[int] = []  # each dated report under a plain title-like line
    for k, b in enumerate(blocks):
        if b.marked and b.role == TITLE:
            for m in range(k + 1, min(k + 3, len(blocks))):
                if "dateline" in blocks[m].flags or blocks[m].role == BYLINE:
                    starts.append(m)
                    titled[m] = b.text
                    break
        elif b.role == TEXT and k + 1 < len(blocks) and "dateline" in blocks[k + 1].flags and is_title_like(b.text) \
                and (k == 0 or blocks[k - 1].role != TEXT or not ends_open(blocks[k - 1].text)):
            plain.append(k + 1)
    plain_heads = {k - 1 for k in plain}

    def last(k: int) -> bool:
        """Whether block k is the last but noise before a '## ' title, a plain title over a dated report or the
        page's end (asked only of the few pairs an opening stands between). A copy of block k printed right after
        it is passed over: dedup drops it, and the page cleaned again, without it, must read the same (a paragraph
        printed twice closing one article, then opening the next under the same title: kept the first time
        because the copy made it not last, dropped the second)."""
        n = next((n for n in range(k + 1, len(blocks))
                  if blocks[n].role != NOISE and blocks[n].text != blocks[k].text), None)
        return n is None or blocks[n].marked and blocks[n].role == TITLE or n in plain_heads

    opening = set(starts)

    def apart(i: int, j: int) -> bool:
        k = bisect_right(starts, i)
        if k < len(starts) and (starts[k] < j or starts[k] == j and i in opening):
            if i in opening and titled.get(j) == titled[i]:
                return False  # the same brief printed twice, title and all (a text box extracted twice; review30a)
            return last(i) == last(j)  # (or both open their articles: two briefs' parallel leads, review29a)
        k = bisect_right(plain, i)
        return k < len(plain) and plain[k] < j and last(i) and last(j)
    return apart


def dedup(page: Page) -> Page:
    config = page.config or Config()
    blocks = list(page.blocks)
    edits: list[Edit] = []
    noise = list(page.noise)
    segs = _segments(blocks)
    lm = load_lm(config.lm_path)
    cuts: dict[int, list[tuple[int, int, str | None]]] = {}   # block -> (start, end, noise text or None)

    for s, t, sim in drop_repeated_segments(segs, config.dedup_near, lm, articles_apart(blocks)):
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
    copies = _CopyFinder(live, lm, RemovedSpaces(page.edits))
    clauses: dict[int, tuple | None] = {}  # live line -> `clause_of` it (asked by the next two lines)
    marks = [copy_marks(g.text) for g in live]
    for k in range(1, len(live)):
        s = live[k]
        j, score, p = copies.find(k)
        if j and p is not None:  # (a copy found names the line it repeats)
            to_noise(s, j, min(0.95, 0.5 + score / 40),
                     f"garbled repeat of the {'last piece' if copies.piece else 'end'} of line {p.line} "
                     f"(alignment score {score:.1f})")
            copies.cut(k, j)
            continue
        j, score, p = copies.find_comma_copy(k)
        if j and p is not None:
            to_noise(s, j, min(0.9, 0.5 + score / 40),
                     f"garbled repeat of the end of line {p.line}, its comma lost (alignment score {score:.1f})")
            copies.cut(k, j)
            continue
        j, dist, p = copies.find_row(k) if k - 1 in copies.rows else (0, 0, None)
        if j and p is not None:
            to_noise(s, j, 1 - dist / len(copies.rows[k - 1]),
                     f"misread repeat of the row of figures at line {p.line} ({dist} edit(s))")
            copies.cut(k, j)
            continue
        if s.role != TEXT:
            continue
        head = s.text[:MAX_CLAUSE + 4]  # (the cheap tests: a place the copy can stop, two of the clause's Han)
        for i in range(k - 1, max(-1, k - 1 - BACK), -1):
            if not holds_any(marks[i], head):
                continue
            p = live[i]
            c = clauses[i] if i in clauses else clauses.setdefault(i, clause_of(p.text))
            if c is None or not holds_two(c[2], head):
                continue
            j, evidence = clause_copy(p.text, s.text, lm, clause=c, min_score=SET_OFF_MIN_SCORE)
            if j and evidence < MIN_SCORE and not copies.set_off(s.text, j, s.line):
                j = 0  # (under the bar only a copy the dump set off from the text after it, `SET_OFF_MIN_SCORE`)
            if j:
                to_noise(s, j, min(0.9, 0.5 + evidence / 40),
                         f"badly garbled repeat of the last clause of line {p.line} (evidence {evidence:.1f})")
                break

    kept: list[tuple[Block, bool]] = []  # every block after the cuts, and whether its text is looked at for repeats
    for bi, b in enumerate(blocks):
        if bi in cuts:
            b = cut_spans(b, [(start, end) for start, end, _ in cuts[bi]])
        if bi in cuts and not b.text.strip():
            continue  # the whole block was a repeat
        kept.append((b, b.role == TEXT and not is_title_like(b.text)))
    flags, echoes = doubling_scans([b.text for b, looked_at in kept if looked_at])  # (and, compiled, each text's
    # echoes, read in the same walk: `drop_garbled_doublings` below asks them of the texts the tandem pass leaves)
    may_double = iter(flags)
    scanned = _tandem_pass([(b, looked_at, looked_at and next(may_double)) for b, looked_at in kept], lm.has,
                           lm.segment, edits, max((b.id for b in (*blocks, *noise)), default=-1) + 1)

    out: list[Block] = []
    for b, looked_at, changes in scanned:
        if not looked_at:
            out.append(b)
            continue
        text = b.text
        for off, removed, _ in changes:
            edits.append(Edit(STAGE, "doubled", removed, "", b.line_at(off), 0.85,
                              "phrase printed twice in a row; one copy kept",
                              f"…{text[max(0, off - 6):off + len(removed) + 8]}…"))
        if changes:
            for off, removed, _ in changes:
                b = cut(b, off, off + len(removed))
            text = b.text
        for off, before, after, evidence, why in drop_garbled_doublings(text, lm, echoes.get(text))[1]:  # (each offset
            # where the changes before it left it)
            edits.append(Edit(STAGE, "doubled", before, after, b.line_at(off), round(min(0.9, 0.6 + evidence / 40), 3),
                              f"garbled copy of a phrase printed right before it; the phrase kept ({why})",
                              f"…{b.text[max(0, off - 6):off + len(before) + 8]}…"))
            b = cut(b, off, off + len(before) - len(after))
        text = b.text
        spans, close = _clause_repeats(text, lm)
        for start, end in reversed(spans):
            frag = text[start:end]  # the clause with its own closing mark: 'A，X，B，X，C' -> 'A，X，B，C'
            if start > 0 and text[start - 1] in "，," and _stub_follows(text, end) and (start, end) not in close:
                # printed inside a clause, it split it ('D，X，EE' where 'DEE' was one clause): both commas go
                start -= 1
                frag = text[start:end]
            noise.append(Block(id=b.id, text=frag, line=b.line_at(start), role=NOISE,
                               origin=((0, b.line_at(start)),)))
            edits.append(Edit(STAGE, "to_noise", "", "", b.line_at(start), 0.7,
                              "clause printed again inside the paragraph (verbatim or misread by look-alikes)", frag))
            b = cut(b, start, end)
            text = b.text
        out.append(b)
    return replace(page, blocks=tuple(out), noise=tuple(noise), edits=page.with_edits(edits))


def _tandem_pass(scanned: list[tuple[Block, bool, bool]], is_word: Callable[[str], bool],
                 segment: Callable[[str], list[str]], edits: list[Edit], next_id: int) -> list[tuple[Block, bool, list[tuple[int, str, str]]]]:
    """Each (block, looked at, may hold a doubling) as (block, looked at, the phrases printed twice in a row that
    `tandem_repeats` finds in it), a block that holds a heading over its text cut in two there first, each cut logged.

    The phrase a title-like line ends with and the paragraph flow joined to it opens with is printed twice with no
    misprint, and stays (`doublings.HEADING_GUARD`); left inside one block, the paragraph `segment` made of it held
    the doubling, which a second pass, reading that paragraph as one printed line, removed (session 53). Cut at the
    line's end, the heading and its text are two blocks, as printed, for `segment` to read."""
    out: list[tuple[Block, bool, list[tuple[int, str, str]]]] = []
    for b, looked_at, may in scanned:
        _, changes, ends = tandem_repeats(b.text, is_word, _title_pieces(b), segment) if may else ("", [], [])
        if not ends:
            out.append((b, looked_at, changes))
            continue
        for k, (start, end) in enumerate(zip([0, *ends], [*ends, len(b.text)])):
            part = cut_block(b, start, end, next_id)
            if k > 0:
                next_id += 1
                edits.append(Edit(STAGE, "split", "", "", part.line, 0.85,
                                  "a title-like line joined to a paragraph that opens with the line's last words: "
                                  "a heading over its text, kept apart (the phrase printed twice is no misprint)",
                                  f"…{b.text[max(0, start - 8):start]}⏎{b.text[start:start + 8]}…"))
            looked = part.role == TEXT and not is_title_like(part.text)
            out.append((part, looked, tandem_repeats(part.text, is_word, _title_pieces(part), segment)[1]
                        if looked and _may_double(part.text, 0) else []))
    return out


def _title_pieces(b: Block) -> tuple[tuple[int, int], ...]:
    """(start, end) in `b`'s text of each title-like piece (`is_title_like`) of a dump line that another line's
    piece follows: where flow joined a headline, subhead or label to the text under it (`doublings.HEADING_GUARD`)."""
    starts = [s for s, _ in b.origin]
    return tuple((a, e) for a, e in zip(starts, starts[1:]) if e > a and is_title_like(b.text[a:e]))
