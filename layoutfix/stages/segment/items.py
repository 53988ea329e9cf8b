"""The assembly: one pass over the blocks in reading order that opens an item at each title group and fills it.

`segment` (the stage) turns the prepared blocks and roles into drafts (`Draft`): photos with their captions
first, then articles with section labels carried over, datelines and bylines lifted out of the first
paragraph, jump lines, briefs, tables and noise, every removed character logged; `settle_title` decides the
title's parts once the body is known, and `unsegmented` is the page with the stage switched off.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Final

from ...config import Config
from ...lm import load_lm
from ...model import BYLINE, CREDIT, JUMP, NOISE, TABLE, TEXT, TITLE, Block, Edit, Item, Page
from ... import patterns
from ...textutil import ends_open
from .headings import HeadingDecision, blank_lines_above, decision_edit, usual_gap, wide_gap
from .parts import closing_line_not_names
from .rests import open_end, return_rests
from .roles import prepare
from .shapes import (REPEAT_MIN, SECTION_RUN, STAGE, brief_opening, closing_line, ends_on_colon, han_only, han_pairs,
                     may_be_misread_dateline, opens_dated, runs_across_clauses, stops_mid_sentence)
from ..read import raw_lines
from .tables import is_table_footnote, is_table_note, repeated_headers, table_row_merges
from .titles import TOPIC_CHARS, title_parts, title_section, title_spaces, wrapped_title_lines
from .words import PageLM, content_words, has_word, opening_odds

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


@dataclass(init=False)
class Draft:
    kind: str = "article"
    section: str | None = None
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    continued_from: str | None = None
    truncated: bool = False
    lines: list[int] = field(default_factory=list)
    last_open: bool = False
    closed: bool = False
    section_inherited: bool = False
    title_lines: list[str] = field(default_factory=list)
    title_at: list[int] = field(default_factory=list)  # the dump line of each title line
    first_block: Block | None = None  # the block of the first paragraph (a stray fragment may be set aside)
    blocks: dict[str, Block] = field(default_factory=dict)  # body paragraphs printed as one whole block, by text

    def __init__(self, kind: str = "article", section: str | None = None, kicker: str | None = None,
                 headline: str | None = None, subheadline: str | None = None, byline: list[str] | None = None,
                 dateline: str | None = None, paragraphs: list[str] | None = None, captions: list[str] | None = None,
                 tables: list[tuple[tuple[str, ...], ...]] | None = None, continued_from: str | None = None,
                 truncated: bool = False, lines: list[int] | None = None, last_open: bool = False,
                 closed: bool = False, section_inherited: bool = False, title_lines: list[str] | None = None,
                 title_at: list[int] | None = None, first_block: Block | None = None,
                 blocks: dict[str, Block] | None = None) -> None:
        """The dataclass's own `__init__` (a list or dict left out is a new empty one), written out: compiled,
        where the one `dataclass` generates runs as Python (mypyc compiles the methods a class defines, not those
        the decorator adds at import)."""
        self.kind, self.section, self.kicker, self.headline = kind, section, kicker, headline
        self.subheadline, self.dateline, self.continued_from = subheadline, dateline, continued_from
        self.byline = [] if byline is None else byline
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.captions = [] if captions is None else captions
        self.tables = [] if tables is None else tables
        self.lines = [] if lines is None else lines
        self.title_lines = [] if title_lines is None else title_lines
        self.title_at = [] if title_at is None else title_at
        self.blocks = {} if blocks is None else blocks
        self.truncated, self.last_open, self.closed = truncated, last_open, closed
        self.section_inherited, self.first_block = section_inherited, first_block

    def add_names(self, names: list[str]) -> list[str]:
        """Add the names not there yet; return those added (a repeated name is logged as removed)."""
        added = []
        for n in names:
            if n not in self.byline:
                self.byline.append(n)
                added.append(n)
        return added

    def cut_off(self) -> bool:
        """Does the article stop mid-sentence where `flow` found no continuation (its last paragraph's block is
        `open_end`), and not on a closing line ('（某甲）', a date, a short line)?"""
        return bool(self.paragraphs) and self.last_open \
            and not closing_line(self.paragraphs[-1], alone=len(self.paragraphs) == 1)

    def freeze(self) -> Item:
        kind = self.kind
        if kind == "article" and not self.paragraphs:
            kind = "table" if self.tables else ("photo" if self.captions else "notice")
        elif kind == "article" and is_notice(self.headline, self.paragraphs):
            kind = "notice"
        return Item(kind=kind, section=self.section, kicker=self.kicker, headline=self.headline,
                    subheadline=self.subheadline, byline=tuple(self.byline), dateline=self.dateline,
                    paragraphs=tuple(self.paragraphs), captions=tuple(self.captions), tables=tuple(self.tables),
                    continued_from=self.continued_from,
                    truncated=self.truncated or self.cut_off(),
                    lines=tuple(sorted(set(self.lines))),
                    section_inherited=self.section_inherited and self.section is not None)


# A notice (通知, 公告, 启事 ...): titled by its kind of document and signed off with the date it was issued
# (review26a: the gold schema's kind 'notice' had gone only to a title with nothing under it)
NOTICE_TITLE: Final = re.compile(r"(?:通知|公告|通告|启事|声明|公示|告示|须知)[）)]?$")
# a footnote whose notes are numbered ('注：1.…'), and each further note on the dump line after ('2.…')
_NOTE_FIRST: Final = re.compile(r"^\s*[（(]?\S{1,4}[：:]\s*([1-9])[.．、]")
_NOTE_ITEM: Final = re.compile(r"([1-9])[.．、]")


def is_notice(headline: str | None, paragraphs: list[str]) -> bool:
    """An item whose headline names a kind of notice and whose last paragraph is the date it was issued."""
    if not headline or not paragraphs:
        return False
    return NOTICE_TITLE.search(headline.strip()) is not None \
        and patterns.ISSUED_DATE.fullmatch(paragraphs[-1].strip()) is not None


def removed_runs(original: str, *kept: str) -> list[str]:
    """What `original` loses when only `kept` is carried on, as the runs of `original` it stands in (each a
    substring of the line, so an edit's `before` shows where it was printed: '本报记者 某甲 通讯员 某乙' keeping
    the names loses '本报记者' and '通讯员', not '本报记者通讯员'). Whitespace does not count: each kept piece is
    found whole in the line's other characters where it can be, else character by character (first free
    place); a character of `kept` the line lacks is passed over."""
    chars = "".join(original.split())  # (str.split drops exactly the characters str.isspace calls whitespace)
    where = range(len(original)) if len(chars) == len(original) \
        else [i for i, c in enumerate(original) if not c.isspace()]  # (a line without spaces needs no list)
    taken = [False] * len(chars)
    for k in kept:
        k = "".join(k.split())
        at = chars.find(k) if k else -1
        while at >= 0 and any(taken[at:at + len(k)]):
            at = chars.find(k, at + 1)
        if at >= 0:
            taken[at:at + len(k)] = [True] * len(k)
            continue
        for c in k:
            j = next((j for j, d in enumerate(chars) if d == c and not taken[j]), None)
            if j is not None:
                taken[j] = True
    runs, j = [], 0
    while False in taken[j:]:  # (each run of characters not taken, found by list scans in C, not a loop per character)
        start = taken.index(False, j)
        j = taken.index(True, start) if True in taken[start:] else len(chars)
        runs.append(original[where[start]:where[j - 1] + 1])
    return runs


# Blank lines above a body-text block, under body text, that set it apart as an item of its own (an untitled brief,
# or an item whose title OCR or flow lost). Between two text blocks as segment's roles leave them, on the tuning
# folders (synthetic tune, real_ocr_tune light and heavy), 240 fresh tuning-day pages (seeds 74, 75) and 120
# THUCNews pages (seed 76), none of the 16,571 paragraphs that go on a gold item stands under such a gap; of the
# 95 blocks that do, 74 open a gold item (3 untitled) and 21 are lines the gold files elsewhere or OCR garbled.
# No other cue the text gives was found to mark such a start (session 20, the tuning folders and 120 fresh
# tuning-day pages, seed 82): of 7,230 text blocks under a finished paragraph of body text, 13 open an untitled gold
# item (a one-paragraph brief), 2 of them under a wide gap. The other 11 share as little with the item above as
# many of its own paragraphs do (the share of a block's dictionary words, weighted by -log p, found in the item's
# text so far: at most 0.05 for 5 of them, and for 671 of the 7,217 paragraphs that go on their item), and a
# logistic fit over that share, the same share with the paragraph before and after, length, the block before the
# item and the one after this block (a closing byline, a title) put its weight on the gap alone: after the 2 gap
# cases, 1 start among the next 38 blocks it ranks highest. On real_ocr_tune (light and heavy) the rule opens no item.
# The count is a floor: a gap is wide against the page's own spacing (`wide_gap`: one more blank line than the page
# usually prints between paragraphs), or a page spaced wider throughout made every paragraph an item (review20a).
GAP_ITEM: Final = 2

# Undated body text under a titled article closed by its closing line (a byline in brackets, a note) opened an untitled
# item; when it opens as the rest of a paragraph rather than as one (flow's learned opening odds below this) and the
# article has a paragraph that stops mid-sentence, it is a piece of that paragraph `flow` left after the signature
# ('…有一位近70' | '（某甲）' | '岁的…'): on the tuning folders (synthetic tune, real_ocr_tune light and heavy) 5 of 6 such
# blocks are, and 5 of 5 taken by the rule (fresh seed 2: 2 of 2); the one that is not follows an untitled brief
# (a column of signed briefs: what follows a brief's signature is the next brief), so the article must have a title.
AFTER_SIGNATURE_ODDS: Final = 0.0


def segment(page: Page) -> Page:
    config = page.config or Config()
    lm = PageLM(load_lm(config.lm_path))
    edits: list[Edit] = []
    decisions: list[HeadingDecision] = []
    lines = raw_lines(page.raw)
    blocks, roles, groups = prepare(page, lm, edits, decisions, lines=lines)
    in_caption = {i for g in groups.values() for i in g}
    gap_item = 0  # (wide against the page's own spacing: `wide_gap`, looked up at the first gap of GAP_ITEM)
    edits += [decision_edit(blocks[d.index], d, roles[d.index]) for d in decisions]
    noise: list[Block] = list(page.noise)
    drafts: list[tuple[int, Draft]] = []  # (first line, draft)

    def strip_edit(kind: str, b: Block, original: str, *kept: str, why: str) -> None:
        edits.extend(Edit(STAGE, kind, gone, "", b.line, 0.95, why, original[:30])
                     for gone in removed_runs(original, *kept))

    # photos first: each credit with its caption group
    for k, grp in groups.items():
        credit = blocks[k]
        names = patterns.names_in(credit.text)
        d = Draft(kind="photo", lines=[credit.line])
        strip_edit("credit", credit, credit.text, *d.add_names(names), why="photo credit: names kept as the byline")
        caps = [blocks[i] for i in grp]
        heads = next((n for n, i in enumerate(grp) if roles[i] != TITLE), len(grp))  # the title lines over it
        if caps and 0 < heads < len(caps):
            heading = [c.text for c in caps[:heads]]
            d.section = title_section(heading) if heads >= 2 else None  # ('经济生活' over '图片新闻')
            d.headline = "".join(title_spaces(c.text)[0].replace(" ", "") if " " not in c.text.strip()
                                 else title_spaces(c.text)[0] for c in caps[1 if d.section else 0:heads])
            caps = caps[heads:]
        if caps:
            d.captions.append("".join(c.text for c in caps))
            edits += [Edit(STAGE, "caption_join", "", "", c.line, 0.8,
                           f"caption at line {p.line} runs on at line {c.line}: one caption group closed by the credit "
                           f"at line {credit.line}", f"…{p.text[-8:]}⏎{c.text[:8]}…") for p, c in zip(caps, caps[1:])]
        d.lines += [ln for c in ([blocks[i] for i in grp]) for ln in c.lines]
        drafts.append((min(d.lines), d))

    section: str | None = None
    section_run = 0  # items opened under the current section label
    cur: Draft | None = None
    articles: list[Draft] = []  # the articles opened so far, in reading order
    strays: list[Stray] = []  # fragments set aside from over a dateline, placed once the bodies are known
    pending: list[Block] = []
    pending_jump: tuple[Block, str] | None = None
    jump_opens = False  # the pending jump stands under a finished article: the text under it is another item
    after_table = False
    note_next: tuple[int, int] | None = None  # (number, dump line) the next line of a numbered footnote would have

    def apply_jump(d: Draft) -> None:
        nonlocal pending_jump
        if pending_jump:
            jb, page_no = pending_jump
            d.continued_from, pending_jump = page_no, None
            d.lines += list(jb.lines)
            strip_edit("jump", jb, jb.text, page_no, why="jump line: kept as continued_from")

    spaced: bool | None = None  # does the page set its blocks apart with blank lines (looked up at a flush title)

    def printed_lines(titles: list[Block]) -> tuple[list[str], list[int]]:
        """The title's lines and the dump line of each: lines a wrap cut (`wrapped_title_lines`) joined again."""
        nonlocal spaced
        flush = [k > 0 and t.line == max(titles[k - 1].lines) + 1 and not (t.marked or titles[k - 1].marked)
                 for k, t in enumerate(titles)]  # (a line marked '## ' is a title line the dump's maker set apart)
        if any(flush) and spaced is None:
            spaced = (usual_gap(lines, [b.line for b in blocks[1:]]) or 0) > 0
        if not (any(flush) and spaced):
            return [t.text for t in titles], [t.line for t in titles]
        texts, at = [], []
        for grp in wrapped_title_lines([t.text for t in titles], flush):
            texts.append("".join(titles[k].text.strip() for k in grp))
            at.append(titles[grp[0]].line)
            edits.extend(Edit(STAGE, "title_wrap", "", "", titles[k].line, 0.8,
                              f"title line {titles[k].line} printed flush under line {titles[k - 1].line} on a page "
                              "that sets its blocks apart: one title line wrapped",
                              f"…{titles[k - 1].text[-8:]}⏎{titles[k].text[:8]}…") for k in grp[1:])
        return texts, at

    def open_item(titles: list[Block]) -> Draft:
        nonlocal section, section_run
        title_lines, title_at = printed_lines(titles)
        own = title_section(title_lines)
        if own is not None:
            section, section_run = own, 0
        elif section is not None and (section_run >= SECTION_RUN or title_parts(title_lines).kicker is not None):
            section = None  # (kicker, headline and subheadline are settled once the body is known)
        section_run += 1
        d = Draft(section=section, lines=[ln for t in titles for ln in t.lines], section_inherited=own is None,
                  title_lines=title_lines, title_at=title_at)
        apply_jump(d)
        drafts.append((min(d.lines) if d.lines else 0, d))
        articles.append(d)
        return d

    def open_jumped_item(b: Block, text: str) -> Draft:
        """The untitled item a continuation jump line under a finished article heads, opened at block `b`."""
        assert pending_jump is not None
        jump_line = pending_jump[0].line
        d = open_item([])  # (the jump is applied by `open_item`)
        edits.append(Edit(STAGE, "heading", "", "", b.line, 0.9,
                          f"untitled item: the continuation jump line at line {jump_line} stands under a "
                          "finished article", text[:30]))
        return d

    def repeated(d: Draft, text: str, b: Block) -> bool:
        """A paragraph printed again word for word in the same item (a short line `dedup` leaves
        to segmentation, such as a '●' point) is kept once; the extra copy is logged as removed."""
        if len(text) <= REPEAT_MIN or text not in d.paragraphs:
            return False
        edits.append(Edit(STAGE, "duplicate", text, "", b.line, 0.9,
                          "the same paragraph printed twice in one item: kept once", text[:30]))
        return True

    def drop_pending_jump() -> None:
        nonlocal pending_jump
        if pending_jump:
            jb = pending_jump[0]
            noise.append(replace(jb, role=NOISE))
            edits.append(Edit(STAGE, "to_noise", "", "", jb.line, 0.6, "jump line with no article after it", jb.text))
            pending_jump = None

    def flush_pending_as_noise() -> None:
        for t in pending:
            noise.append(replace(t, role=NOISE))
            edits.append(Edit(STAGE, "to_noise", "", "", t.line, 0.6, "title line with no article under it", t.text))
        pending.clear()

    last_body: Block | None = None  # the block of the current article's last paragraph, when that is all of it
    for i, b in enumerate(blocks):
        role = roles[i]
        if i in in_caption or role == CREDIT:
            continue
        if role not in (TEXT, "endbyline"):
            last_body = None
        if role == NOISE:
            noise.append(replace(b, role=NOISE))
            edits.append(Edit(STAGE, "to_noise", "", "", b.line, 0.6, "OCR debris or page furniture", b.text))
            continue
        if role == TITLE:
            heads_body = i + 1 < len(blocks) and roles[i + 1] in (TEXT, BYLINE, "namebyline", "lead")
            if after_table and cur is not None and not pending and not heads_body and not b.marked \
                    and not runs_on_at_colon(blocks, roles, i):
                # a note under a table ('数据截至某月某日…'), unless it stands over body text or is marked '## ' (the
                # next item's kicker): a new title
                cur.captions.append(title_spaces(b.text)[0])
                cur.lines += list(b.lines)
                after_table = False
                continue
            pending.append(b)
            continue
        under_table, after_table = after_table, False
        if role == JUMP:
            m = patterns.JUMP.match(b.text.strip()) or patterns.JUMP_END.search(b.text.strip())
            page_no = f"第{m.group('page')}版" if m else None
            if m and page_no and m.group("dir") in patterns.JUMP_FROM:
                drop_pending_jump()
                pending_jump = (b, page_no)
                if cur is not None and not cur.paragraphs and not pending and cur.continued_from is None:
                    apply_jump(cur)
                # under an article that is under way (dated, or of two paragraphs or more) the jump heads the rest
                # of another article: the text under it opens that item (review26a; under a title and one stray
                # fragment it is the title's own continuation, as below)
                jump_opens = cur is not None and not pending and (
                    (cur.dateline is not None and bool(cur.paragraphs)) or len(cur.paragraphs) >= 2)
            else:
                if cur is not None:
                    cur.truncated = True
                noise.append(replace(b, role=NOISE))  # kept as page furniture, as the gold schema has it
                edits.append(Edit(STAGE, "to_noise", "", "", b.line, 0.9,
                                  "jump line to a later page: the article is truncated here", b.text))
            continue
        if role == TABLE:
            if pending:
                # under an open item the lines over the table are its captions, but for lines marked '## ' and
                # those above them (a page that marks titles marks no caption: the table is an item of its own
                # under that title); else they head a new item, but for a unit or source line printed over the
                # table under its title ('单位：吨'), which is a caption too
                k = len(pending) if cur is None else next((n + 1 for n in range(len(pending) - 1, -1, -1)
                                                           if pending[n].marked), 0)
                while k > 1 and is_table_note(pending[k - 1].text):
                    k -= 1
                if k:
                    cur = open_item(pending[:k])
                assert cur is not None  # (k > 0 when no item was open)
                cur.captions += [title_spaces(t.text)[0] for t in pending[k:]]
                cur.lines += [ln for t in pending[k:] for ln in t.lines]
                pending.clear()
            if cur is None:
                cur = open_item([])
            kept, dropped = repeated_headers(b.rows)
            edits.extend(Edit(STAGE, "repeat_header", "\t".join(b.rows[r]), "", b.row_line(r), 0.95,
                              "the table's header row printed again where the table goes on (a column break): "
                              "kept once", "\t".join(b.rows[r])[:30]) for r in dropped)
            rows, merged = table_row_merges(kept)
            cur.tables.append(rows)
            at = [r for r in range(len(b.rows)) if r not in dropped]  # (a kept row's index in the block)
            edits.extend(Edit(STAGE, "row_join", "", "", b.row_line(at[r]), 0.8,
                              "table row continues the row above (its leading cells empty, or one cell alone): "
                              "merged cell by cell", "\t".join(b.rows[at[r]])[:30]) for r in merged)
            cur.lines += list(b.lines)
            after_table = True
            continue
        if role == "lead":
            if pending:
                cur = open_item(pending)
                pending.clear()
            if cur is None:
                cur = open_item([])
            if not repeated(cur, b.text.strip(), b):
                cur.paragraphs.append(b.text.strip())
            cur.lines += list(b.lines)
            continue
        if role == "subhead":
            if cur is not None and not pending and not cur.closed:
                cur.paragraphs.append(b.text.strip())
                cur.lines += list(b.lines)
            else:
                pending.append(b)
            continue
        if role in (BYLINE, "namebyline"):
            names = patterns.names_in(b.text)
            if cur is not None and not pending and not names and patterns.desk_signature(b.text):
                cur.paragraphs.append(b.text.strip())  # '本报副刊部' under a notice: its issuer's line (review30a)
                cur.lines += list(b.lines)
                continue
            if pending:
                cur = open_item(pending)
                pending.clear()
            elif pending_jump and jump_opens:
                # under a continuation jump line that heads another article's rest: that article's byline (review27a)
                cur = open_jumped_item(b, b.text.strip())
            elif cur is not None and len(cur.paragraphs) >= 2 and not cur.closed and role == BYLINE \
                    and not ends_open(cur.paragraphs[-1]):
                # a byline line with no title over it, inside an article ('本报记者某甲' under an
                # editor's lead): a line of that article, not an item of its own
                if not repeated(cur, b.text.strip(), b):
                    cur.paragraphs.append(b.text.strip())
                cur.lines += list(b.lines)
                continue
            if cur is None or (cur.paragraphs and not (len(cur.paragraphs) == 1 and not cur.byline
                                                       and not cur.closed and cur.title_lines)):
                cur = open_item([])  # (one paragraph between a title and a byline: still that title's byline)
            added = cur.add_names(names)
            cur.lines += list(b.lines)
            strip_edit("byline", b, b.text, *added, why="byline: names kept, bullets and role words dropped")
            continue
        if role == "endbyline":
            if pending:  # '（某甲）' right under '某某（书法）': the whole text of an artwork's item
                cur = open_item(pending)
                pending.clear()
                cur.paragraphs.append(b.text.strip())
                cur.lines += list(b.lines)
                cur.closed = True
                continue
            names = patterns.names_in(b.text)
            if cur is None:
                cur = open_item([])
            if closing_line_not_names(b.text, names):
                # names glued together, or a note, close the article as its last line (10 of 10 on tune)
                cur.paragraphs.append(b.text.strip())
                cur.lines += list(b.lines)
                cur.closed = True
                continue
            if signs_a_brief(cur, names, last_body, lm):
                brief = cur.paragraphs.pop()
                assert last_body is not None  # (`signs_a_brief` holds only for a last block)
                for ln in last_body.lines:
                    cur.lines.remove(ln)
                cur = open_item([])
                cur.paragraphs.append(brief)
                cur.lines += list(last_body.lines)
                edits.append(Edit(STAGE, "heading", "", "", last_body.line, 0.7,
                                  "untitled item: a closing byline under an article signed by others already "
                                  "signs the paragraph above it alone", brief[:30]))
            added = cur.add_names(names)
            cur.lines += list(b.lines)
            cur.closed = True
            strip_edit("byline", b, b.text, *added, why="closing byline in brackets: names kept")
            continue
        # body text
        text = b.text
        if note_next is not None and cur is not None and not pending and b.line == note_next[1] \
                and (numbered := _NOTE_ITEM.match(text.strip())) and int(numbered.group(1)) == note_next[0]:
            # the footnote's next numbered line ('注：1.…' / '2.…', review27a)
            note_next = (note_next[0] + 1, max(b.lines) + 1)
            cur.captions.append(text.strip())
            cur.lines += list(b.lines)
            continue
        note_next = None
        if under_table and cur is not None and not pending and is_table_footnote(text):
            # '注：…' / '资料来源：…' right under a table: the table's footnote, with its notes (review26a)
            first = _NOTE_FIRST.search(text)
            note_next = (int(first.group(1)) + 1, max(b.lines) + 1) if first else None
            cur.captions.append(text.strip())
            cur.lines += list(b.lines)
            continue
        # (`dateline_of` opens with the pattern `opens_dated` asks: its answer, kept from the role passes, settles
        # the undated blocks, most of them, without the call)
        dl = patterns.dateline_of(text) if opens_dated(text) else None
        fuzzy = None if dl or not may_be_misread_dateline(text) else patterns.misread_dateline(text)
        if fuzzy:
            dl = fuzzy[:3]
        if pending:
            cur = open_item(pending)
            pending.clear()
        elif pending_jump and jump_opens:
            cur = open_jumped_item(b, text)
        elif cur is not None and cur.closed and cur.title_lines and dl is None \
                and (open_at := open_paragraph(cur)) is not None \
                and (odds := opening_odds(text.strip(), lm)) < AFTER_SIGNATURE_ODDS:
            # undated text under a signed article that opens as the rest of a paragraph, not as one: a piece of
            # that article `flow` left after its signature, not an untitled item of its own; it goes after the
            # article's last paragraph that stops mid-sentence (where it was cut off)
            cur.paragraphs.insert(open_at + 1, text.strip())
            cur.lines += list(b.lines)
            last_body = None
            edits.append(Edit(STAGE, "moved", "", "", b.line, 0.6,
                              f"body text under an article its closing line closed does not open like a paragraph "
                              f"(opening odds {odds:.2f}): moved after that article's paragraph {open_at + 1}, "
                              f"which stops mid-sentence, not an untitled item", text[:30]))
            continue
        elif cur is None or cur.closed or (dl is not None and brief_opening(dl[0]) and cur.paragraphs
                                           and not cur.last_open):
            # a dateline with place and date and no title over it is a sub-report of the current article;
            # a bare 本报讯 after a finished paragraph opens a brief item of its own
            cur = open_item([])
        elif cur.paragraphs and i and roles[i - 1] == TEXT and (gap := blank_lines_above(lines, b.line)) >= GAP_ITEM \
                and gap >= (gap_item := gap_item or wide_gap(lines, blocks, roles, GAP_ITEM)):
            # body text set apart from the body text above by a wide gap opens an untitled item (a brief)
            cur = open_item([])
            edits.append(Edit(STAGE, "heading", "", "", b.line, 0.9,
                              f"untitled item: {gap} blank lines above it, under body text", text[:30]))
        if pending_jump and cur.continued_from is None and len(cur.paragraphs) <= 1:
            apply_jump(cur)  # '（上接第3版）' over the text it continues (a stray fragment may stand between)
        if dl and cur.first_block is not None and stray_before_dateline(cur, lm):
            # the one paragraph under the title does not open like one: set it aside, lift the dateline
            strays.append(Stray(cur, articles[-2] if len(articles) > 1 and articles[-1] is cur else None,
                                cur.paragraphs.pop(), cur.first_block))
            cur.last_open = False
        if dl and not cur.paragraphs and cur.dateline is None:
            dateline, names, end = dl
            if fuzzy:  # '本报汛' for 本报讯: the look-alike is put right, and logged
                pos, seen, meant = fuzzy[3]
                text = text[:pos] + meant + text[pos + 1:]
                edits.append(Edit(STAGE, "glyph", seen, meant, b.line_at(pos), 0.8,
                                  f"dateline misread by OCR: '{seen}' is a look-alike of '{meant}'", text[:20]))
            lead = text[:end]
            cur.dateline = dateline
            added = cur.add_names(names)
            strip_edit("dateline", b, lead, dateline, *added,
                       why="dateline and byline lifted out of the first paragraph")
            text = text[end:].lstrip()
        last_body = None
        if text and not repeated(cur, text, b):
            cur.first_block = b if not cur.paragraphs else None
            cur.paragraphs.append(text)
            if text == b.text:
                cur.blocks[text] = b
            cur.last_open = open_end(text, b)
            last_body = b if text == b.text.strip() else None
        cur.lines += list(b.lines)
    if pending:
        flush_pending_as_noise()
    drop_pending_jump()

    edits += [place_stray(s) for s in strays]
    drafts.sort(key=lambda x: min(x[1].lines, default=x[0]))
    drafts = editors_notes(drafts, edits)
    return_rests([d for _, d in drafts], lm, edits)
    for _, d in drafts:
        settle_title(d, lm)
    items = tuple(d.freeze() for _, d in drafts)
    edits += [e for _, d in drafts for e in title_space_edits(d)]
    return replace(page, items=items, noise=tuple(noise), edits=page.with_edits(edits), segmented=True)


# What opens an editor's note printed over the article or series it introduces ('编者按：', '编者的话：')
EDITORS_NOTE: Final = ("编者按", "编者的话", "编辑的话")


def editors_notes(drafts: list[tuple[int, Draft]], edits: list[Edit]) -> list[tuple[int, Draft]]:
    """An untitled item of text alone whose first paragraph is an editor's note, right over a titled article, is that
    article's note: its paragraphs open the article (review28a: a false untitled item, and the article missed its
    note). Logged as moved."""
    out: list[tuple[int, Draft]] = []
    for k, (at, d) in enumerate(drafts):
        nxt = drafts[k + 1][1] if k + 1 < len(drafts) else None
        if nxt is not None and d.kind == "article" and not (d.title_lines or d.dateline
                                                            or d.byline or d.captions or d.tables) \
                and d.paragraphs and d.paragraphs[0].startswith(EDITORS_NOTE) and nxt.title_lines and nxt.kind == "article":
            nxt.paragraphs[0:0] = d.paragraphs
            nxt.lines += d.lines
            edits.append(Edit(STAGE, "moved", "", "", min(d.lines, default=0), 0.8,
                              "an editor's note printed over the article it introduces: its first paragraph",
                              d.paragraphs[0][:30]))
            continue
        out.append((at, d))
    return out


def open_paragraph(d: Draft) -> int | None:
    """The index of the last paragraph of `d` that stops mid-sentence (where a piece printed after its
    signature belongs), or None. A lead-in ending on a colon with paragraphs after it is no such place: the list
    it opens follows it (review25a: a piece had been put between a lead-in and its list)."""
    last = len(d.paragraphs) - 1
    return next((k for k in range(last, -1, -1) if stops_mid_sentence(d.paragraphs[k])
                 and not (k < last and ends_on_colon(d.paragraphs[k]))), None)


def signs_a_brief(d: Draft, names: list[str], last: Block | None, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does a closing byline with `names` sign only the last paragraph of `d` (block `last`), an untitled brief
    set under an article that others signed already (a byline or a dateline's reporter)? Only when that
    paragraph is a whole one of its own (it opens like a paragraph by flow's tables) after a finished one."""
    return last is not None and bool(d.byline) and bool(names) and not d.closed and len(d.paragraphs) >= 2 \
        and not set(names) & set(d.byline) and not ends_open(d.paragraphs[-2]) \
        and opening_odds(d.paragraphs[-1], lm) >= 0.0


@dataclass
class Stray:
    """A paragraph set aside from between a title and the dated report under it (`stray_before_dateline`)."""
    draft: Draft
    before: Draft | None  # the article opened before `draft`
    text: str
    block: Block


def stray_before_dateline(d: Draft, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is the one paragraph of `d`, under its title and over a paragraph that opens with a dateline, a stray
    fragment (a piece `flow` left unjoined) rather than a lead the report opens with ('编者按：…')? A dated
    report opens with its dateline, so text before it is either a lead, which opens like a paragraph, or a
    piece cut from a paragraph, which does not: flow's learned tables (`opening_class` of the first word,
    the first two characters) read as log-odds of opening against continuing, below 0 a continuation."""
    if not d.title_lines or len(d.paragraphs) != 1 or d.dateline is not None or d.byline or d.closed:
        return False
    return runs_across_clauses(d.paragraphs[0]) and opening_odds(d.paragraphs[0], lm) < 0.0


def place_stray(s: Stray) -> Edit:
    """Put a stray paragraph where its words belong: at the end of the article before when it shares more
    character pairs with that article's text than with its own article's, else after the dated paragraph
    of its own (it was printed ahead of it). No character changes; the move is logged."""
    d, prev, b = s.draft, s.before, s.block
    grams = _bigrams(s.text)
    own = _cosine(grams, _bigrams("".join(d.paragraphs)))
    other = _cosine(grams, _bigrams("".join(prev.paragraphs))) if prev is not None and prev.paragraphs else -1.0
    if prev is not None and other > own:
        moved = set(b.lines)
        d.lines = [ln for ln in d.lines if ln not in moved]
        prev.paragraphs.append(s.text)
        prev.lines += list(b.lines)
        where = f"moved to the end of the article before (character-pair cosine {other:.2f} against {own:.2f})"
    else:
        d.paragraphs.insert(1 if d.paragraphs else 0, s.text)
        where = f"kept in its article after the dated paragraph (character-pair cosine {own:.2f} against {max(other, 0.0):.2f})"
    return Edit(STAGE, "moved", "", "", b.line, 0.6,
                f"a fragment between a title and the dated report under it: {where}", s.text[:30])


def _bigrams(text: str) -> Counter[str]:
    return Counter(han_pairs(text))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def settle_title(d: Draft, lm) -> None:  # type: ignore[no-untyped-def]
    """Once the body is known, decide kicker + headline or headline + subheadline by what the body talks about
    (an item with no body takes the title's shape alone)."""
    if not d.title_lines:
        return
    if not d.paragraphs:
        tp = title_parts(d.title_lines)
        d.kicker, d.headline, d.subheadline = tp.kicker, tp.headline, tp.subheadline
        return
    body: set[str] = set()

    def related(text: str) -> float:  # (asked only for a title line that holds more than one part)
        words = content_words(text, lm)
        if not words:
            return 1.0
        if not body:
            opening = han_only("".join(d.paragraphs[:3])[:TOPIC_CHARS])
            if not any(w in opening for w in words):
                # no word of the line is in the opening at all, so none is among its words: the share is 0
                # when the opening has words, 1.0 when it has none (the same answer as segmenting it)
                return 0.0 if has_word(lm, opening) else 1.0
            body.update(content_words(opening, lm))
        return len(words & body) / len(words) if body else 1.0

    tp = title_parts(d.title_lines, related)
    d.kicker, d.headline, d.subheadline = tp.kicker, tp.headline, tp.subheadline


def title_space_edits(d: Draft) -> list[Edit]:
    """An edit for each space between two runs of a title line that the item's title fields print glued: a
    line-wrap space `title_spaces` removed (review26a: unlogged). A space kept, or one where the line was cut
    into kicker and headline, changes no character of a field and is not logged."""
    fields = [f for f in (d.section, d.kicker, d.headline, d.subheadline) if f]
    out: list[Edit] = []
    for text, line in zip(d.title_lines, d.title_at):
        runs = text.split()
        for a, b in zip(runs, runs[1:]):
            glued = a[-4:] + b[:4]
            if any(glued in f for f in fields) and not any(f"{a[-4:]} {b[:4]}" in f for f in fields):
                out.append(Edit(STAGE, "space", " ", "", line, 0.9,
                                "space between two title words removed (a line wrap, not a separator)",
                                f"{a[-8:]} {b[:8]}"))
    return out


def unsegmented(page: Page) -> Page:
    """What the page looks like with `segment` switched off: one item, every block a paragraph."""
    paras = tuple(b.all_text() for b in page.blocks if b.role != NOISE)
    return replace(page, items=(Item(paragraphs=paras),), segmented=True)


def runs_on_at_colon(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Does title line i end in '：' over another title line, the first half of a title printed over two lines and
    split at its colon (`titles.title_parts` joins the two)? Under a table such a line is no note of the table's
    (session 35: '某某部门：' over the rest of the next article's headline had gone to the table's captions)."""
    return ends_on_colon(blocks[i].text) and i + 1 < len(blocks) and roles[i + 1] == TITLE \
        and not blocks[i + 1].marked
