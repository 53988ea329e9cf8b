"""Stage `flow`: rejoin paragraphs that a column or page break cut in two.

A text block that stops mid-sentence continues in a later block: usually the
next one, sometimes after a photo caption, a section label or a fragment of
another article printed in between. We score every (open block, later
candidate) pair and choose all joins at once, best first, each block used at
most once as a source and once as a target (a greedy global assignment, so a
strong distant join such as 火|爆 is not stolen by a weak near one).

A pair's score adds:
- the language-model gain across the join (a word spanning the boundary is
  strong evidence: 新城|区委 gives 新城区);
- a distance prior (the next block is the usual continuation);
- role evidence: a candidate that begins with clause punctuation must be a
  continuation; a title-like candidate almost never is.
Joins never cross the start of another article (a byline, a dateline, a
marked title, or a title group right before one). A block skipped over by a
join is flagged `interleaved`, which `segment` uses to recognise captions and
stray fragments. An open block that finds no continuation is flagged
`open_end` (the article is `truncated` when it ends with it).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..config import Config
from ..charstats import NEUTRAL, char_bigrams
from ..lm import WordLM, load_lm
from ..model import BYLINE, CREDIT, JUMP, TABLE, TEXT, TITLE, Block, Edit, Page
from .. import patterns
from ..textutil import CLAUSE_PUNCT, display_width, ends_open, ends_with_closing_quote_only, is_han
from .normalize import fix_punct_width, is_title_like

STAGE = "flow"
_CONT_START = set("，、；：。！？）》”’,;:.!?)")


@dataclass(frozen=True)
class Candidate:
    source: int
    target: int
    score: float
    gain: float
    distance: int


def _starts_article(b: Block) -> bool:
    if b.role in (BYLINE, JUMP) or (b.role == TITLE and b.marked):
        return True
    return b.role == TEXT and patterns.DATELINE.match(b.text) is not None


def heads_article(b: Block) -> bool:
    """A line that can stand over an article start: title-like, or short and unterminated with at most
    one comma ('甲，乙逝世'); a longer line with clauses is a cut paragraph, not a title."""
    t = b.text.strip()
    return b.role in (TEXT, TITLE) and (b.marked or is_title_like(t) or (
        0 < len(t) <= 36 and sum(t.count(c) for c in "，,") <= 1
        and t[-1] not in "。！？；;.!?…”’，、" and patterns.DATELINE.match(t) is None))


def barriers(blocks: list[Block]) -> list[bool]:
    """Blocks a join may not cross: article starts and the title lines right above them."""
    out = [_starts_article(b) or bool(patterns.END_BYLINE.match(b.text.strip())) for b in blocks]
    for i in range(len(blocks) - 1, -1, -1):
        if out[i] and i > 0 and _starts_article(blocks[i]):
            j = i - 1
            while j >= 0 and heads_article(blocks[j]):
                out[j] = True
                j -= 1
    return out


def _is_body(b: Block) -> bool:
    """A paragraph of running text (not a title, byline, caption credit or closing byline)."""
    return b.role == TEXT and not is_title_like(b.text) and patterns.END_BYLINE.match(b.text.strip()) is None


def is_source(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and ends_open(b.text) and not patterns.is_furniture(b.text)


def is_target(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and patterns.DATELINE.match(b.text) is None \
        and patterns.END_BYLINE.match(b.text.strip()) is None and not patterns.is_furniture(b.text)


def caption_runs(blocks: list[Block], walls: list[bool]) -> list[int]:
    """For each block, the id of the caption run it belongs to (-1: none).

    A photo credit closes a caption. The caption is the text block right
    before the credit, plus the short text blocks (one or two printed lines)
    before that: a layout extractor prints a caption's fragments together.
    """
    run = [-1] * len(blocks)
    for k, b in enumerate(blocks):
        if b.role != CREDIT:
            continue
        j = k - 1
        if j >= 0 and blocks[j].role == TEXT and not walls[j]:
            run[j] = k
            short = len(blocks[j].text) <= 45  # a long caption stands alone
            j -= 1
            while short and j >= 0 and blocks[j].role == TEXT and not walls[j] and len(blocks[j].text) <= 45 \
                    and run[j] == -1:
                run[j] = k
                j -= 1
        run[k] = k
    return run


def column_widths(blocks: list[Block]) -> set[int]:
    """Printed column widths (half-width cells) that `normalize` found from wrap spaces."""
    return {int(f.split(":")[1]) for b in blocks for f in b.flags if f.startswith("column:")}


def cut_at_column(text: str, widths: set[int]) -> bool:
    """A short line as wide as its continuation's column plus an indent: a cut first line, not a title.

    Titles are set on their own measure; a paragraph's first line is indented
    two characters and runs to the edge of the column its next lines fill.
    """
    if " " in text.strip():
        return False
    w = display_width(text) + 4
    return any(abs(w - c) <= 2 for c in widths)


def score_pair(lm: WordLM, a: Block, b: Block, distance: int, config: Config,
               same_caption: bool = False, after_body: bool = False,
               in_caption: bool = False) -> tuple[float, float]:
    """(score, LM gain) of reading block `b` right after block `a`."""
    gain = lm.join_gain(a.text, b.text)
    pmi = char_bigrams(lm).pmi(a.text[-1:], b.text[:1])
    gain += 0.8 * (max(NEUTRAL, min(6.0, pmi)) - NEUTRAL)  # 0 at a plain word boundary
    score = gain - 0.6 * (distance - 1)
    first = b.text[:1]
    if first in _CONT_START:
        score += 6.0
    if first in "“‘《（(":
        score -= 0.5
    if is_title_like(b.text) and not (b.text[-1:] in "。！？") and not same_caption:
        score -= config.flow_min_gain  # a title-like line continues text only on strong evidence
    if a.text[-1:] in "，、；,;":
        score += 1.0
    if a.text[-1:] in "：:）)":
        score -= 3.0  # a list lead-in ('有以下几种：') or a closing note ('（记者 张三）') usually ends a paragraph
    if a.text[-1:] in "”’" and ends_with_closing_quote_only(a.text):
        score -= 3.0  # '…“五个认同”' is usually a complete paragraph
    if is_title_like(a.text) \
            and not (distance == 1 and not is_title_like(b.text) and after_body
                     and cut_at_column(a.text, column_widths([b]))):
        # a title-like line continues only into the very next block, on strong evidence
        # (a caption fragment may continue further on: its run is printed in pieces)
        score -= config.flow_min_gain + (0.0 if distance == 1 or in_caption else 10.0)
    if not is_han(a.text[-1:] or " ") and not is_han(first or " "):
        score -= 0.5
    return score, gain


def candidates(page: Page, lm: WordLM, config: Config) -> list[Candidate]:
    blocks = list(page.blocks)
    walls = barriers(blocks)
    runs = caption_runs(blocks, walls)
    out: list[Candidate] = []
    for i, a in enumerate(blocks):
        if not is_source(a):
            continue
        distance = 0
        for j in range(i + 1, min(len(blocks), i + 1 + config.flow_window)):
            b = blocks[j]
            if walls[j]:
                break
            if b.role in (CREDIT, TABLE) or not b.text:
                continue
            foreign_caption = runs[j] != -1 and runs[j] != runs[i]
            if not foreign_caption:
                distance += 1
            if not is_target(b):
                continue
            s, g = score_pair(lm, a, b, max(distance, 1), config, runs[i] != -1 and runs[i] == runs[j],
                               after_body=i > 0 and _is_body(blocks[i - 1]), in_caption=runs[i] != -1)
            if foreign_caption:
                s -= 3.0  # body text does not continue inside a photo caption
            out.append(Candidate(i, j, s, g, max(distance, 1)))
    return out


def choose(cands: list[Candidate], threshold: float = -2.5) -> dict[int, Candidate]:
    """Greedy global assignment: best pairs first, each block once as source and once as target."""
    chosen: dict[int, Candidate] = {}
    used_targets: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.score, c.distance)):
        if c.score < threshold:
            break
        if c.source in chosen or c.target in used_targets:
            continue
        chosen[c.source] = c
        used_targets.add(c.target)
    return chosen


def flow(page: Page) -> Page:
    config = page.config or Config()
    lm = load_lm(config.lm_path)
    blocks = list(page.blocks)
    chosen = choose(candidates(page, lm, config))
    targets = {c.target: c for c in chosen.values()}
    edits: list[Edit] = []
    merged: dict[int, Block] = {}
    interleaved: set[int] = set()
    for i, b in enumerate(blocks):
        if i in targets:
            continue  # appended to its chain head
        if i not in chosen:
            continue
        text, origin = b.text, list(b.origin or ((0, b.line),))
        cur = i
        while cur in chosen:
            c = chosen[cur]
            nxt = blocks[c.target]
            if c.distance > 1 or c.target - cur > 1:
                interleaved.update(k for k in range(cur + 1, c.target) if k not in targets or k == c.target)
            conf = 1 / (1 + math.exp(-(c.score + 1.0)))
            edits.append(Edit(STAGE, "join", "", "", nxt.line, round(conf, 3),
                              f"continues at line {nxt.line}: lm gain {c.gain:.1f}, {c.distance} block(s) on, "
                              f"score {c.score:.1f}", f"…{text[-8:]}⏎{nxt.text[:8]}…"))
            offset = len(text)
            origin += [(offset + s, ln) for s, ln in (nxt.origin or ((0, nxt.line),))]
            text = text + nxt.text
            cur = c.target
        fixed, changes = fix_punct_width(text)  # a mark at a join may only now sit in Chinese context
        if changes:
            edits.append(Edit(STAGE, "punct", "".join(a for a, _ in changes), "".join(c for _, c in changes),
                              b.line, 1.0, "punctuation at a join to full-width", text[:30]))
        merged[i] = replace(b, text=fixed, origin=tuple(origin))
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if i in targets:
            continue
        nb = merged.get(i, b)
        flags = set(nb.flags)
        if i in interleaved:
            flags.add("interleaved")
        if is_source(nb) and not (nb.text[-1:] in "”’" and ends_with_closing_quote_only(nb.text)):
            flags.add("open_end")
        if flags != set(nb.flags):
            nb = replace(nb, flags=frozenset(flags))
        out.append(nb)
    return replace(page, blocks=tuple(out), edits=page.with_edits(edits))
