"""Stage `segment`: group blocks into items (articles, photos, tables) with their parts.

One pass over the blocks in reading order, after some pre-passes:

1. table parts split by a row whose trailing tabs were trimmed are put back together;
2. every block gets a part role: title, text, table, byline, credit, jump,
   end byline '(张三 李四)', or noise (OCR garbage, short lines of spaced-out
   scraps that make no dictionary words, footers with phone numbers, a title with
   nothing under it). A '●' point, a line wholly in brackets or a numbered point
   ('一、', '第三章') is never a title;
3. each photo credit claims its caption: the text block right before it and
   the fragments `flow` found interleaved in another article's text;
4. roles that depend on neighbours: a bare name under a title is its byline, a
   heading between paragraphs on the same topic is a subhead, lines after a
   '——' subheadline open the body, and on a page that marks titles with '## '
   unmarked lines above a title belong to the article before.

Then a title group (consecutive title lines) opens an item. Its lines become
section / kicker / headline / subheadline: a line ending in '：' joins the
next one; a short first line over a longer title is a section label, which
carries over to the next items (at most 3 in all) until another label or a
kicker appears; two title lines are kicker + headline; a one-line title with a
space is kicker + headline when the first part is much longer or is not what the
body talks about (settled once the body is known, `settle_title`).
Datelines (本报讯, 本报5月26日讯, 新华社北京十二月三十一日电, one OCR look-alike
tolerated) and bylines ('(记者 张三)', '记者张三、李四报道：') are lifted out of the
first paragraph; a bare 本报讯 after a finished paragraph opens a brief item of its
own. Every character removed or changed on the way (brackets, role words like
记者, a look-alike put right, a repeated paragraph) is logged.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from operator import add

import re as stdre

import regex as re

from ..config import Config
from ..lm import WordLM, jieba_entries, load_lm, surnames
from ..lm import person_names as lm_person_names
from ..model import BYLINE, CREDIT, JUMP, NOISE, TABLE, TEXT, TITLE, Block, Edit, Item, Page
from .. import patterns
from ..textutil import HAN_CLASS, ends_open, space_runs
from .flow import heads_article
from .normalize import TITLE_LIKE_MAX, is_title_like

STAGE = "segment"
SECTION_MAX = 6
REPEAT_MIN = 8  # a repeated paragraph longer than this is a duplicate (score.py's own floor)
SECTION_RUN = 3  # a section label heads at most this many items (runs of 2-3 on the samples and the tune split)


BRACKETED = re.compile(r"(?:[(（][^()（）]*[)）])+")
HAN = re.compile(r"\p{Han}")


DASH_SUB = "dashsub"     # a '——' line: subheadline under a title, text elsewhere
SUBHEAD_LINE_MAX = 40
TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]\s*$")
CLOSING_BRACKETS = (")", "）")  # a right-stripped line TRAILING_BRACKET matches ends with one (`\s` is whitespace)


@lru_cache(maxsize=1024)
def opens_dated(text: str) -> bool:
    """Does `text` open with a dateline (`patterns.DATELINE`)? Asked of the same block by several role passes,
    so the answers are kept (a pattern call costs more than the lookup)."""
    return patterns.DATELINE.match(text) is not None


def stops_mid_sentence(text: str) -> bool:
    """Does a paragraph stop mid-sentence? A closing remark in brackets ('…。（某甲 某乙）',
    '…（本报莫斯科1月4日电）') is looked through: what counts is the sentence before it."""
    t = text.rstrip()
    while t.endswith(CLOSING_BRACKETS):  # (what TRAILING_BRACKET needs of a stripped line: no scan for the rest)
        m = TRAILING_BRACKET.search(t)
        if not m or m.start() == 0:
            break
        t = t[:m.start()].rstrip()
    return ends_open(t)


CLOSING_DATE = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")
HAN_RUN = stdre.compile(f"[{HAN_CLASS}]+")


def closing_line(text: str, alone: bool = False) -> bool:
    """A last paragraph that ends its article although no sentence mark ends it: a remark in brackets
    ('（某省某市某某）'), a signature ('——编者', '…建议。———编者'), a date under a letter, any short line
    (a line of verse, a caption's number, a date, a credit). On the tune split 57 of the 93 articles wrongly
    marked truncated end so, and none of the 49 truly cut off; of those still marked, the last paragraph is
    short (at most VERSE_LINE_MAX characters) 20 times when the article is whole and once when it was cut,
    and ends with a signature after a dash 3 times, always whole (synthetic and real-OCR tune). A short line
    that is the article's only paragraph (`alone`: '本报讯…今年将重点抓好道路、供水和供电两') is no verse: it
    may be cut off."""
    t = text.strip()
    return t.endswith(("）", ")")) or t.startswith("——") or CLOSING_DATE.fullmatch(t) is not None \
        or (len(t) <= VERSE_LINE_MAX and (not alone or HAN_RUN.fullmatch(t) is not None)) \
        or SIGNATURE.search(t) is not None


SIGNATURE = stdre.compile(f"——[{HAN_CLASS}]{{1,6}}$")


def dash_subheadlines(blocks: list[Block], roles: list[str]) -> list[str]:
    """A '——' line is a subheadline when it stands under a title (or under a short line that can head
    an article, '要写得自然，更要活得认真', which is then the title); elsewhere it is text."""
    out = list(roles)
    for k, r in enumerate(out):
        if r != DASH_SUB:
            continue
        if k and out[k - 1] == TEXT and heads_article(blocks[k - 1]) and not never_title(blocks[k - 1].text.strip()) \
                and not finished_sentence(blocks[k - 1].text):
            out[k - 1] = TITLE
        out[k] = TITLE if k and out[k - 1] == TITLE else TEXT
    return out


def finished_sentence(text: str) -> bool:
    """'…作核实和处理。（宁记）': a sentence that ends before a closing remark in brackets."""
    t = text.rstrip()
    if not t.endswith(CLOSING_BRACKETS) or not TRAILING_BRACKET.search(t):
        return False
    while True:
        m = TRAILING_BRACKET.search(t)
        if not m or m.start() == 0:
            break
        t = t[:m.start()].rstrip()
    return t[-1:] in ("。", "！", "？", "…")


def never_title(t: str) -> bool:
    """A '●' point, a line wholly in brackets, a numbered point, a line opening with '———': (almost) never
    a title on the tune split (0 of its 1,953 titles for the first three)."""
    # (the string tests first, then the pattern calls, dearest last; BRACKETED opens with a bracket)
    return t[:1] in patterns.BULLETS or t.startswith("———") or t[-1:] in CLAUSE_OPEN \
        or (t[:1] in "(（" and BRACKETED.fullmatch(t) is not None) \
        or patterns.ENUMERATED.match(t) is not None \
        or not HAN.search(t) \
        or len(NUMERIC.findall(t)) >= NUMERIC_SHARE * len(t)
    # ('2', '＊＊＊': 36 paragraphs on tune, no title; none of its 1,326 title fields ends in a comma,
    # enumeration comma or semicolon: '片酬行情天天涨，' is a line of verse; a line half made of figures is a
    # row of data: '东部地区14914.1366.50', '154—330千伏15米')


NUMERIC = stdre.compile(r"[0-9.．%％／/]")
NUMERIC_SHARE = 0.5


CLAUSE_OPEN = "，、,；;"


# -- part roles -----------------------------------------------------------------
GLUED_NAMES = 4  # a closing 'name' longer than this, with no role word before it, may be no single name
# (`surnames()`: the 250 commonest, one cached set shared with the glyph stage; all 867 characters that open a
# three-character name in the dictionary let in 发 and 美, and two agency notes on tune then read as names)


def closing_line_not_names(text: str, names: list[str]) -> bool:
    """A bracketed closing line that is not a byline, though shaped like one: with no role word before
    them, a 'name' longer than `GLUED_NAMES` that is two names glued together (that `patterns.names_in`
    could not cut) or that opens with no surname (a note: agency and photo source run together).
    With a role word ('记者') the names are names, however long (a single name of five characters)."""
    if patterns._ROLE_SPLIT.search(text):
        return False
    return any(len(n) > GLUED_NAMES and (patterns.glued_names(n) or n[0] not in surnames()) for n in names)


# The longest line `patterns.ROLE_ONLY` can match with no space in it: a bullet and the longest role word
# (a test pins the pattern's shape); longer lines skip the pattern call.
ROLE_ONLY_MAX = 1 + max(map(len, patterns.ROLE_WORDS))


def part_role(b: Block, lm) -> str:  # type: ignore[no-untyped-def]
    """What a block is on the page, from its reader role and its shape."""
    if b.role == BYLINE and patterns.fuzzy_role_only(b.text):
        return "lead"  # '本报秤论员': 本报评论员 misread, no byline of a person named 秤论员
    if b.role in (TABLE, BYLINE, CREDIT, JUMP, NOISE):
        return b.role
    t = b.text.strip()
    if not t:
        return NOISE
    if t[:1] in patterns.BY_OPEN:  # (both closing-byline patterns open with one of these; a test pins it)
        if patterns.END_BYLINE.match(t) and patterns.names_in(t):
            return "endbyline"
        glued = patterns.GLUED_END_BYLINE.match(t)
        if glued and patterns.split_glued(glued.group("by")):
            return "endbyline"  # '（陈某袁某彬吴某秀）': three names printed with no separator
    if patterns.is_furniture(t):
        return NOISE  # editor lines, page-header dates, hotlines
    if (len(t) <= ROLE_ONLY_MAX or " " in t or "\u3000" in t) and patterns.ROLE_ONLY.fullmatch(t):
        return "lead"  # '本报评论员' with no name: the article prints it as its first line
    if len(t) > TITLE_LIKE_MAX and not b.marked:
        return TEXT  # (too long for a '——' subheadline or a title: the tests below all say text)
    if b.marked:
        return TITLE
    if never_title(t):
        return TEXT  # '●4年投资542亿元…', '（一九九八年一月一日）', '三、…': never a title on the tune split
    if t.startswith("——") and len(t) <= SUBHEAD_LINE_MAX:
        return DASH_SUB  # '——查了三户都不合格，旧米充新米': a subheadline if it stands under a title
    if is_title_like(t) and not t.endswith(("。", "！", "？")):
        if is_garbage(t, lm):
            return NOISE
        return TITLE
    return TEXT


# Below this share of characters in dictionary words, a short line of space-separated scraps is OCR debris:
# on the tune split it catches 46 of 47 garbage lines and none of 1,953 gold titles and short paragraphs.
GARBAGE_COVERAGE = 0.5


def is_garbage(text: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Short OCR debris: mostly one- or two-character tokens, or few dictionary words."""
    han = len(han_only(text))
    tokens = text.split()
    if han and len(tokens) >= 2 and len(text) <= 30 and sum(len(t) for t in tokens) / len(tokens) <= 1.5:
        return True  # '- 望': single characters and marks strewn apart
    if han < 2 or len(text) > 30:
        return False
    if len(tokens) >= 3 and sum(len(t) for t in tokens) / len(tokens) <= 2.0:
        return True
    if len(tokens) >= 2 and lm.word_coverage(text) < GARBAGE_COVERAGE:
        return True  # spaced-out scraps that make no words ('式话与 送队 万家巴')
    return han >= 6 and not has_word(lm, text)


def has_word(lm, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Does the best segmentation of `text` hold a word of two or more characters? `PageLM.has_word` when
    the model is a page's, else the same answer from the model's own `word_coverage` (a bare `WordLM`)."""
    ask = getattr(lm, "has_word", None)
    return ask(text) if ask is not None else lm.word_coverage(text) > 0.0


# -- titles ---------------------------------------------------------------------
def _outside_quotes(text: str) -> list[bool]:
    depth, out = 0, []
    for c in text:
        if c in "“‘《（(":
            depth += 1
        out.append(depth == 0)
        if c in "”’》）)":
            depth = max(0, depth - 1)
    return out


def _phrase(text: str, i: int, step: int) -> int:
    n, j = 0, i
    while 0 <= j < len(text) and text[j] != " " and text[j] not in "“”‘’《》（）()":
        n += 1
        j += step
    return n


# Two phrases of about the same length on one title line are one parallel headline when short ('携手同行
# 共创未来'; the samples' gold keeps a 6 + 6 one), but longer ones are a kicker and a headline printed on one
# line: on the three tuning folders all 9 lines whose two phrases have 7 to 17 characters each are kicker +
# headline in the gold, none a headline with a space. Such a space is a possible split (`split_title`,
# `title_parts` decide by length and by what the body talks about).
PARALLEL_MAX = 6


def title_spaces(text: str) -> tuple[str, list[int]]:
    """Resolve the spaces of a title line: keep separators, drop wrap spaces.

    Returns (text with kept spaces, positions in it where the line may split into
    kicker and headline). A space between two short phrases of about the same length
    ('放飞青春梦想 汇聚奋进力量', '携手同行 共创未来'; at most `PARALLEL_MAX` characters each) is a real
    separator.
    """
    out: list[str] = []
    splits: list[int] = []
    outside = _outside_quotes(text)
    last = 0
    for i, j in space_runs(text):
        out.append(text[last:i])
        last = j
        left, right = (text[i - 1] if i else ""), (text[j] if j < len(text) else "")
        if not left or not right:
            continue
        a, b = _phrase(text, i - 1, -1), _phrase(text, j, 1)
        latin = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
        symmetric = min(a, b) >= 2 and abs(a - b) <= 1 and max(a, b) <= PARALLEL_MAX
        if latin or symmetric:
            out.append(" ")
        elif outside[i] and len("".join(out)) >= 6 and len(text) - j >= 5:
            splits.append(len("".join(out)))
            out.append(" ")
    out.append(text[last:])
    return "".join(out), splits


def split_title(text: str) -> tuple[str | None, str, str | None]:
    """(kicker, headline, subheadline) of one title line.

    '——' outside quotes starts a subheadline; a space outside quotes splits a
    long kicker from a shorter headline (a kicker is a sentence-like lead-in, at
    least 1.6 times the headline's length).
    """
    clean, splits = title_spaces(text)
    kicker = None
    for pos in splits:
        left, right = clean[:pos].strip(), clean[pos:].strip()
        if len(left) >= 1.6 * len(right) and len(right) >= 5:
            kicker, clean = left, right
            break
    if kicker is None:
        for pos in reversed(splits):  # not a kicker boundary: the space was a wrap
            clean = clean[:pos] + clean[pos + 1:]
    sub = None
    outside = _outside_quotes(clean)
    k = clean.find("——")
    while k > 0:
        if outside[k] and len(clean) - k > 3:
            clean, sub = clean[:k].strip(), clean[k:].strip()
            break
        k = clean.find("——", k + 2)
    return kicker, clean, sub


@dataclass
class TitleParts:
    section: str | None = None
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None


TOPIC_CHARS = 400     # the opening of the body that tells what an article is about
KICKER_RELATED = 0.35  # a first title line sharing less of its words with the body is a kicker (tune split)


def _title_pieces(line: str) -> tuple[list[str], list[str]]:
    """A title line cut at its separator spaces (kept spaces stay) and at '——': (main pieces, sub pieces)."""
    clean, splits = title_spaces(line)
    bounds = [0] + splits + [len(clean)]
    pieces = [clean[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    mains: list[str] = []
    subs: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if subs:
            subs.append(piece)
            continue
        outside = _outside_quotes(piece)
        k = piece.find("——")
        while k > 0:
            if outside[k] and len(piece) - k > 3:
                mains.append(piece[:k].strip())
                subs.append(piece[k:].strip())
                break
            k = piece.find("——", k + 2)
        else:
            mains.append(piece)
    return mains, subs


def _merged_title_lines(lines: list[str]) -> list[str]:
    """A title line ending in '：' runs on into the next one ('某县：' + '多举措推动发展')."""
    merged: list[str] = []
    for t in lines:
        if merged and merged[-1].endswith(("：", ":")):
            merged[-1] = merged[-1] + t
        else:
            merged.append(t)
    return merged


def _opens_with_section(merged: list[str]) -> bool:
    """A short first line over more title lines is a section label (not a short headline over its
    ——subheadline or its line of points)."""
    return len(merged) >= 2 and len(merged[0].replace(" ", "")) <= SECTION_MAX \
        and not merged[1].lstrip().startswith(("——", "—", "－－")) and not bullet_points(merged[1])


def title_section(lines: list[str]) -> str | None:
    """The section label `title_parts` finds in these lines, without working out the rest."""
    merged = _merged_title_lines(lines)
    return merged[0] if _opens_with_section(merged) else None


def title_parts(lines: list[str], related=None) -> TitleParts:  # type: ignore[no-untyped-def]
    """Assign a title group's lines to section, kicker, headline and subheadline.

    Every character of every line ends up in one of the four fields.
    Two title lines are kicker and headline; a line that holds both is split at a
    space when the kicker is much longer than the headline, or when the first
    part is not what the body talks about: `related(text)` (optional) is the
    share of its content words that the article's body repeats.
    """
    merged = _merged_title_lines(lines)
    parts = TitleParts()
    if _opens_with_section(merged):
        parts.section = merged.pop(0)
    if not merged:
        return parts
    if len(merged) == 1 and (related is None or not (" " in merged[0] or "—" in merged[0] or "－－" in merged[0])):
        # (one line with no space and no dash holds the headline alone, whatever the body says)
        parts.kicker, parts.headline, parts.subheadline = split_title(merged[0])
        return parts
    mains: list[tuple[str, int]] = []  # (piece, index of its line)
    subs: list[str] = []
    for n, t in enumerate(merged):
        if n and bullet_points(t):  # points under the headline: its subheadline
            subs.append(t.strip())
            continue
        if t.lstrip().startswith(("——", "—", "－－")):
            subs.append(title_spaces(t)[0].replace(" ", "") if " " not in t.strip() else title_spaces(t)[0])
            continue
        ms, ss = _title_pieces(t)
        mains += [(m, n) for m in ms]
        subs += ss
    if not mains:
        parts.subheadline = "".join(subs) or None
        return parts
    first, first_line = mains[0]
    second = mains[1][0] if len(mains) > 1 else ""
    long_kicker = len(mains) > 1 and len(first) >= 1.6 * len(second) and len(second) >= 5
    if len(mains) == 1:
        kicker = False
    else:  # two title lines are kicker and headline (the common form); on one line it takes a reason
        kicker = mains[1][1] != mains[0][1] or long_kicker or (related is not None and related(first) < KICKER_RELATED)
    if kicker:
        parts.kicker = first
        mains = mains[1:]
    head, line = mains[0]
    rest = mains[1:]
    if not (kicker and first_line == line):  # (a kicker split off this line: its spaces are separators)
        # a space left inside the headline's own line was a wrap, not a subheadline boundary
        head += "".join(m for m, n in rest if n == line)
        rest = [(m, n) for m, n in rest if n != line]
    parts.headline = head
    parts.subheadline = "".join([m for m, _ in rest] + subs) or None
    return parts


# -- items under construction ---------------------------------------------------------
@dataclass
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

    def add_names(self, names: list[str]) -> list[str]:
        """Add the names not there yet; return those added (a repeated name is logged as removed)."""
        added = []
        for n in names:
            if n not in self.byline:
                self.byline.append(n)
                added.append(n)
        return added

    def freeze(self) -> Item:
        kind = self.kind
        if kind == "article" and not self.paragraphs:
            kind = "table" if self.tables else ("photo" if self.captions else "notice")
        return Item(kind=kind, section=self.section, kicker=self.kicker, headline=self.headline,
                    subheadline=self.subheadline, byline=tuple(self.byline), dateline=self.dateline,
                    paragraphs=tuple(self.paragraphs), captions=tuple(self.captions), tables=tuple(self.tables),
                    continued_from=self.continued_from,
                    truncated=self.truncated or (bool(self.paragraphs) and self.last_open
                                                 and not closing_line(self.paragraphs[-1], alone=len(self.paragraphs) == 1)),
                    lines=tuple(sorted(set(self.lines))),
                    section_inherited=self.section_inherited and self.section is not None)


def _removed(original: str, *kept: str) -> str:
    """Characters of `original` (minus whitespace) that none of `kept` carries on."""
    pool = list("".join(original.split()))
    for k in kept:
        for c in "".join(k.split()):
            if c in pool:
                pool.remove(c)
    return "".join(pool)


def merge_table_rows(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Merge continuation rows (leading cells empty, or one cell alone) into the row above, cell by cell
    with a newline."""
    out: list[list[str]] = []
    for row in rows:
        cells = list(row)
        alone = len(cells) >= 2 and sum(1 for c in cells if c.strip()) == 1 and len(out) >= 2
        if out and cells and (not cells[0].strip() or alone):
            prev = out[-1]
            for i, c in enumerate(cells):
                if not c.strip():
                    continue
                if i < len(prev):
                    prev[i] = f"{prev[i]}\n{c}" if prev[i] else c
                else:
                    prev.append(c)
        else:
            out.append(cells)
    width = max((len(r) for r in out), default=0)
    return tuple(tuple(r + [""] * (width - len(r))) for r in out)


# -- the stage ----------------------------------------------------------------------
def rejoin_tables(blocks: list[Block], raw: str) -> list[Block]:
    """A table row whose cells after the first are empty ('开了新的发展局\t\t\t') loses its tabs when the
    line is trimmed and reads as a text line between two parts of the table: put the parts back together
    (the source line with its tabs tells such a row from text)."""
    if not any(b.role == TABLE for b in blocks):
        return blocks
    lines = raw.splitlines()
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.role != TABLE:
            out.append(b)
            i += 1
            continue
        rows = list(b.rows)
        j = i + 1
        while j < len(blocks):
            nb = blocks[j]
            if nb.role == TABLE:
                rows += list(nb.rows)
            elif nb.role == TEXT and 0 < nb.line <= len(lines) and "\t" in lines[nb.line - 1] \
                    and "\n" not in nb.text:
                width = max(1, len(rows[0]) if rows else 1)
                rows.append((nb.text,) + ("",) * (width - 1))
            else:
                break
            j += 1
        if j == i + 1:
            out.append(b)
        else:
            parts = blocks[i:j]
            out.append(replace(b, rows=tuple(rows), text="\n".join(p.text for p in parts),
                               origin=tuple(o for p in parts for o in (p.origin or ((0, p.line),)))))
        i = j
    return out


def caption_groups(blocks: list[Block], roles: list[str]) -> dict[int, list[int]]:
    """credit index -> indices of the caption blocks it closes (possibly with a title first)."""
    groups: dict[int, list[int]] = {}
    taken: set[int] = set()
    for k, b in enumerate(blocks):
        if roles[k] != CREDIT:
            continue
        grp: list[int] = []
        j = k - 1
        if j >= 0 and roles[j] in (TEXT, TITLE) and j not in taken:
            grp.append(j)
            j -= 1
            while j >= 0 and roles[j] == TEXT and "interleaved" in blocks[j].flags and j not in taken:
                grp.append(j)
                j -= 1
        grp.reverse()
        if grp and roles[grp[0]] == TEXT and j >= 0 and roles[j] == TITLE and (j == 0 or roles[j - 1] != TITLE):
            nxt = grp[0]
            if nxt == j + 1:
                grp.insert(0, j)  # a one-line title right above the caption heads the photo
        taken.update(grp)
        groups[k] = grp
    return groups


BARE_NAMES = re.compile(r"\p{Han}{2,3}(?:[ \u3000]+\p{Han}{2,4})*|\p{Han}{2,4}(?:[ \u3000]+\p{Han}{2,4})+")
SUBHEAD_MAX = 4
SUBHEAD_OVERLAP = 0.18
# A heading of at most SUBHEAD_MAX characters needs less shared vocabulary ('泰国', '合格'), but some: a short
# column label between two unrelated items ('图片新闻', '致读者') opens the next one (tune: 0.1 against no
# test at all: article_found 0.828 -> 0.841, title 0.830 -> 0.838, pair F1 0.888 -> 0.883).
SHORT_SUBHEAD_OVERLAP = 0.1


def _around(blocks: list[Block], roles: list[str], i: int, step: int) -> str:
    """Up to two text blocks next to block i, in direction `step`."""
    out, j = [], i + step
    while 0 <= j < len(blocks) and roles[j] == TEXT and len(out) < 2:
        out.append(blocks[j].text)
        j += step
    return "".join(out)


# Everything but the characters `textutil.is_han` accepts: one C-level pass instead of a Python call per
# character.
NOT_HAN = stdre.compile(f"[^{HAN_CLASS}]+")


def han_only(text: str) -> str:
    """The Han characters of `text`, in order (same as joining the characters `is_han` accepts)."""
    return NOT_HAN.sub("", text)


def content_words(text: str, lm) -> set[str]:  # type: ignore[no-untyped-def]
    """Dictionary words of two or more characters: what a passage is about."""
    han = han_only(text)
    return {w for w in lm.segment(han) if len(w) >= 2}


def same_topic(before: str, after: str, lm, floor: float = SUBHEAD_OVERLAP) -> bool:  # type: ignore[no-untyped-def]
    """Do the passages around a heading share their content words (a subhead), or not (a new article)?

    Either test suffices: shared character trigrams, or shared two-character dictionary words. The
    words are looked up, not segmented: on the tune split the best segmentation's words of two or more
    characters (at a 0.15 floor) and the dictionary pairs (at 0.18) decide the same within 0.003 of
    article_found and pair F1, and the lookup costs no Viterbi pass over 1,600 characters per heading."""
    before, after = before[-2 * TOPIC_CHARS:], after[:2 * TOPIC_CHARS]
    gb, ga = _trigrams(before), _trigrams(after)  # names and terms no dictionary has ('李长水')
    if len(gb & ga) >= TRIGRAM_OVERLAP * max(1, min(len(gb), len(ga))):
        return True
    wb = _word_pairs(before, lm)
    if not wb and floor > 0:
        return False  # no shared word can reach the floor (0 >= floor * 1 fails)
    wa = _word_pairs(after, lm)
    return len(wb & wa) >= floor * max(1, min(len(wb), len(wa)))


def _word_pairs(text: str, lm) -> set[str]:  # type: ignore[no-untyped-def]
    """The two-character dictionary words found anywhere in the Han characters of `text`."""
    han = han_only(text)
    return set(map(add, han, han[1:])) & lm.logp.keys()


TRIGRAM_OVERLAP = 0.03  # tune: para F1 0.6487 -> 0.6523 at 0.03, found unchanged; 0.02 and 0.05 lose found


def _passage_grams(text: str, lm) -> tuple[set[tuple[str, str]], set[str]]:  # type: ignore[no-untyped-def]
    """(the character trigrams of `text`, `_word_pairs(text, lm)`) from one pass over the Han characters.

    A trigram is kept as (its first two characters, its third): the same sets as `_trigrams`' strings, one to
    one, so the same sizes and overlaps, without building a string per trigram (the Han characters are listed
    once, so each is made once)."""
    chars = list(han_only(text))
    pairs = list(map(add, chars, chars[1:]))
    return set(zip(pairs, chars[2:])), set(pairs) & lm.logp.keys()


def _trigrams(text: str) -> set[str]:
    han = han_only(text)
    return set(map(add, map(add, han, han[1:]), han[2:]))


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Three-character personal names (tagged 'nr') in jieba's dictionary, the ones `lm.surnames` counts."""
    return frozenset(lm_person_names())


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Three-character words jieba's dictionary tags as personal names of any kind ('nr', 'nrfg', 'nrt'):
    `person_names` and the names tagged 'nrfg' ('李炳坤'), which an author line may end with."""
    return frozenset(w for w, tag in word_tags().items() if len(w) == 3 and tag.startswith("nr"))


@lru_cache(maxsize=1)
def name_openers() -> frozenset[str]:
    """The characters a name at the end of an author line may open with: the common surnames
    (`lm.surnames`) and the single characters jieba's dictionary tags as personal names ('nr': '邢', '桂')."""
    return frozenset(surnames()) | {w for w, tag in word_tags().items() if len(w) == 1 and tag == "nr"}


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """The part-of-speech tag of every word in jieba's dictionary.

    The 349k entries hold one shared string per tag (there are a few dozen):
    a fresh string for each would cost about 15 MB more.
    """
    out = {}
    shared: dict[str, str] = {}
    for word, _, tag in jieba_entries():
        out[word] = shared.setdefault(tag, tag)
    return out


def _says_something(word: str, tag: str) -> bool:
    """A verb, adjective, adverb, preposition, conjunction or particle: words that say something about
    someone (a verbal noun, 'vn', names a unit: '发展研究中心'). A single character's tag is weak evidence
    ('兼' joins two positions): only a particle ('的') counts there."""
    if len(word) == 1:
        return tag.startswith("u")
    return (tag[:1] in ("v", "a", "u") and tag != "vn") or tag in ("d", "p", "c")


def role_before(words: list[str]) -> bool:
    """Do `words`, what a line has before a name, end on a position or role: a noun of two or more characters
    (names of others before it in a list of authors skipped), led only by the unit ('林业部部长', '本报记者',
    '财政部部长兼国家税务总局局长')? A verb, adjective or particle ('访著名作家', '学习', '人民的好医生') or
    a one-character word opening the line ('记', '访', '致') makes the line say something about the person:
    a title. A line of names only ('丁某某李某某') is a list of authors."""
    tags = word_tags()
    i = len(words)
    while i > 0 and (len(words[i - 1]) == 1 or tags.get(words[i - 1], "").startswith("nr")):
        i -= 1  # other names in a list of authors ('某甲某某乙某'), and characters of names the dictionary lacks
    if i == 0:
        return bool(words) and words[0][0] in surnames() and not any(tags.get(w, "").startswith("u") for w in words)
    role = words[i - 1]
    if len(role) < 2 or not tags.get(role, "").startswith("n"):
        return False
    return len(words[0]) >= 2 and not any(_says_something(w, tags.get(w, "")) for w in words[:i])


def ends_with_name(text: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does a line end with a personal name after a position or role (`role_before`: '林业部部长陈耀邦',
    '本报记者某甲某某乙某某丙'; not '访某某作家王某')? The last word of the line's best
    segmentation is a known three-character name, or the last two or three characters start a word with a
    surname (a common one, or a character the dictionary tags as a name: '邢', '桂') and break into single
    characters and pairs the dictionary does not join."""
    han = han_only(text)
    known = name_openers()
    if len(han) < 4 or not (han[-3] in known or han[-2] in known or han[-3:] in name_words()):
        return False  # (what both tests below need, without segmenting the line)
    words = lm.segment(han)
    if len(words) < 2:
        return False
    if len(words[-1]) == 3 and words[-1] in name_words():
        return role_before(words[:-1])
    for k in (3, 2):
        start = len(han) - k
        if start < 2 or han[start] not in known:
            continue
        pos, head, tail = 0, [], []
        for w in words:
            if pos >= start:
                tail.append(w)
            elif pos + len(w) > start:
                break  # (no word boundary where the name would start)
            else:
                head.append(w)
            pos += len(w)
        if len(tail) >= 2 and len(tail[0]) == 1 and all(len(w) <= 2 for w in tail):
            return role_before(head)
    return False


# -- title or subhead: a learned decision ----------------------------------------------
# A heading between two body paragraphs either opens a new article or is a subhead (小标题) inside the
# one before. The decision is a logistic regression over the features below, learned from the synthetic
# TUNING split by `python -m layoutfix.segtrain` (`layoutfix/data/segment_weights.json`; its SOURCE.md says
# how). Every such decision is logged with its probability.
HEADING_FEATURES: tuple[str, ...] = (
    "tri",        # share of character trigrams the passages before and after the heading have in common
    "tric",       # log(1 + how many they share)
    "wp",         # share of two-character dictionary words they have in common
    "tb",         # share of the heading's words the passage before it uses
    "short",      # the heading is at most SUBHEAD_MAX characters
    "log_len",    # log of the heading's length
    "chars",      # log(1 + characters of body since the last title) / 8
    "th",         # share of the heading's words in the current article's title
    "ha",         # share of the current title's words in the passage after the heading
    "hb",         # share of the current title's words in the passage before it
    "unmarked",   # the page marks its titles with '## ' and this heading has no mark
    "bracket",    # the heading ends in a bracketed remark ('（图片）')
    "coverage",   # share of the heading in dictionary words
    "gap",        # two or more blank lines printed above the heading (how a new item is often set apart)
    "dated",      # the current article opened with a dateline (a news report, seldom cut by subheads)
    "subs",       # log(1 + subheads the current article has already)
    "signed",     # the text after the heading, before the next title, closes with names in brackets
    "sibling",    # the current article has a subhead already and this heading's length is within SIBLING_LEN of it
)
SIBLING_LEN = 2  # subheads of one article are set alike: their lengths differ by at most this
SEG_WEIGHTS_PATH = "data/segment_weights.json"
HEADING_WINDOW = 200  # characters read on each side of a heading (tune: 200, 300 and 400 decide alike on
# synthetic-tune, found 0.866/0.865/0.865; real_ocr-tune light 0.750/0.737/0.763, 1-2 of its ~60 articles; 200 costs least)


@dataclass(frozen=True)
class HeadingModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        """P(the heading is a subhead inside the article before it)."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@lru_cache(maxsize=1)
def heading_model() -> HeadingModel | None:
    """The shipped heading model, or None when the package has none (then `same_topic` decides)."""
    try:
        data = json.loads(resources.files("layoutfix").joinpath(SEG_WEIGHTS_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return HeadingModel({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                        float(data["threshold"]))


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def heading_features(blocks: list[Block], roles: list[str], i: int, lm, title: str,  # type: ignore[no-untyped-def]
                     chars: int, marked_page: bool, raw_lines: list[str] | None = None,
                     dated: bool = False, subs: int = 0, last_sub: str | None = None) -> dict[str, float]:
    """The features of `HEADING_FEATURES` for the heading at block i; `title` is the text of the current
    article's title lines, `chars` how much body text has come since them, `raw_lines` the dump's lines,
    `last_sub` the current article's last subhead so far."""
    t = blocks[i].text.strip()
    gb, wb = _passage_grams(_around(blocks, roles, i, -1)[-HEADING_WINDOW:], lm)
    ga, wa = _passage_grams(_around(blocks, roles, i, 1)[:HEADING_WINDOW], lm)
    wt, wh = _word_pairs(t, lm), _word_pairs(title, lm)
    n = len(t.replace(" ", ""))
    return {
        "tri": _share(gb, ga), "tric": math.log1p(len(gb & ga)), "wp": _share(wb, wa),
        "tb": len(wt & wb) / max(1, len(wt)), "short": float(n <= SUBHEAD_MAX), "log_len": math.log(max(1, n)),
        "chars": math.log1p(chars) / 8, "th": len(wt & wh) / max(1, len(wt)),
        "ha": len(wh & wa) / max(1, len(wh)), "hb": len(wh & wb) / max(1, len(wh)),
        "unmarked": float(marked_page), "bracket": float(t.endswith(("）", ")"))),
        "coverage": lm.word_coverage(t),
        "gap": float(blank_lines_above(raw_lines, blocks[i].line) >= 2) if raw_lines else 0.0,
        "dated": float(dated), "subs": math.log1p(subs), "signed": float(signed_ahead(blocks, roles, i)),
        "sibling": float(last_sub is not None and abs(len(last_sub.replace(" ", "")) - n) <= SIBLING_LEN),
    }


SIGNED_AHEAD = 6  # blocks looked at after a heading for a closing byline


def signed_ahead(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Does the text after heading i close with names in brackets ('（陈明福）') before the next title?"""
    for j in range(i + 1, min(len(blocks), i + 1 + SIGNED_AHEAD)):
        if roles[j] == "endbyline":
            return True
        if roles[j] != TEXT:
            return False
    return False


def blank_lines_above(lines: list[str], line: int) -> int:
    """How many blank lines the dump prints right above (1-based) `line`."""
    n, k = 0, line - 2
    while 0 <= k < len(lines) and not lines[k].strip():
        n += 1
        k -= 1
    return n


@dataclass(frozen=True)
class HeadingDecision:
    """One title-or-subhead decision, for the edit log (and for `segtrain`)."""
    index: int
    subhead: bool
    probability: float | None  # None: decided by `same_topic` (no model shipped) or by `rule`
    features: dict[str, float]
    rule: str | None = None  # a rule that decided without the model: what it saw


def refine_roles(blocks: list[Block], roles: list[str], keep: set[int] = frozenset(),  # type: ignore[assignment]
                 lm=None, log: list[HeadingDecision] | None = None,  # type: ignore[no-untyped-def]
                 model: HeadingModel | None | bool = True, features: bool = False,
                 raw_lines: list[str] | None = None) -> list[str]:
    """Roles that depend on neighbours.

    - a bare name line ('林皎明', '潘跃 王萍') right under a title, over body text, is the byline;
    - a heading between two body paragraphs is a subhead inside the article or the title of a new one:
      the heading model (`HEADING_FEATURES`) weighs how much the text on both sides shares, how the
      heading relates to them and to the current title, its length and marks; unless the paragraph
      before it is signed off with a bracketed remark (`signed_off`), which opens a new article;
      without a model, `same_topic` decides (a very short heading, '泰国', needs fewer shared words);
    - a heading of at most 4 characters over a dated report is a part of a round-up ('菲律宾').

    Each title-or-subhead decision is appended to `log` with its probability. `model`: True for the
    shipped heading model, None or False for `same_topic`, or a `HeadingModel`; `features`: log the
    features of `same_topic`'s decisions too (for training).
    """
    out = list(roles)
    hm = heading_model() if model is True else (model or None)
    marked_page = any(b.marked for b in blocks)
    title, chars, dated, subs, last_sub = "", 0, False, 0, None
    for i, b in enumerate(blocks):
        if out[i] == TITLE and (b.marked or i == 0 or i + 1 >= len(blocks) or i in keep):
            title, chars, subs, last_sub = (title if i and out[i - 1] == TITLE else "") + b.text, 0, 0, None
            continue
        if out[i] != TITLE:
            if out[i] == TEXT:
                if not chars:
                    dated = opens_dated(b.text)
                chars += len(b.text)
            continue
        t = b.text.strip()
        nxt_body = out[i + 1] == TEXT
        prev_t = blocks[i - 1].text.strip()
        if out[i - 1] == TITLE and nxt_body \
                and not opens_dated(blocks[i + 1].text) \
                and not t.startswith(("——", "—")) and not prev_t.endswith(("：", ":")) \
                and (((i < 2 or out[i - 2] != TITLE or _section_over(blocks, out, i - 1)) and len(t) < 0.6 * len(prev_t))
                     or (lm is not None and ends_with_name(t, lm))):
            # a short line under a longer headline, over body text, or an author line with position and name
            # ('农业部部长刘江'): the body's first line. An author line is so under a kicker and headline too
            # (two title lines above it): on the tuning splits 9 such lines are the body's first paragraph
            # (ctx title, title, text), none a title field. A section label over the headline is no line of
            # the title proper ('书评' over '明天气象预报（…）' over '天气趋势分析': 2 of 2 such short lines on the
            # tuning splits are the body's first line).
            out[i] = "lead"
            continue
        if out[i - 1] == TITLE and nxt_body and BARE_NAMES.fullmatch(t):
            out[i] = "namebyline" if patterns.surname_led(t) else NOISE
        elif out[i - 1] == TEXT and nxt_body and not signed_off(prev_t) \
                and (not opens_dated(blocks[i + 1].text) or (
                len(t) <= SUBHEAD_MAX and not dated_brief(blocks[i + 1].text))):
            # (a very short heading over a dated report: '菲律宾' over '据新华社马尼拉1月6日电…', a part of
            # a round-up; 6 of 6 such lines on the tune split, against 0 of 161 titles)
            short = len(t) <= SUBHEAD_MAX and " " not in t
            if lm is None:
                if short:
                    out[i] = "subhead"
                    continue
            elif short and opens_dated(blocks[i + 1].text):
                out[i] = "subhead"
                subs, last_sub = subs + 1, t
                if log is not None:
                    log.append(HeadingDecision(i, True, None, {}, rule="a short heading over a dateline: a round-up's part"))
                continue
            elif hm is not None:
                feats = heading_features(blocks, out, i, lm, title, chars, marked_page, raw_lines, dated, subs,
                                         last_sub)
                p = hm.probability(feats)
                sub = p >= hm.threshold
                if log is not None:
                    log.append(HeadingDecision(i, sub, p, feats))
                if sub:
                    out[i] = "subhead"
                    subs, last_sub = subs + 1, t
                    continue
            else:
                before, after = _around(blocks, out, i, -1), _around(blocks, out, i, 1)
                sub = same_topic(before, after, lm, floor=SHORT_SUBHEAD_OVERLAP if short else SUBHEAD_OVERLAP) \
                    and lm.word_coverage(t) >= 0.3  # (asked last, the dearest test) OCR debris is no subhead
                if log is not None:
                    log.append(HeadingDecision(i, sub, None, heading_features(blocks, out, i, lm, title, chars,
                                                                             marked_page, raw_lines, dated, subs,
                                                                             last_sub)
                                                    if features else {}))
                if sub:
                    out[i] = "subhead"
                    subs, last_sub = subs + 1, t
                    continue
        if out[i] == TITLE:
            title, chars, subs, last_sub = (title if out[i - 1] == TITLE else "") + b.text, 0, 0, None
    return out


def _section_over(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Is the title line at i the first line of its group after a section label (the line above it,
    which opens the group)?"""
    return i >= 1 and roles[i - 1] == TITLE and (i < 2 or roles[i - 2] != TITLE) \
        and title_section([blocks[i - 1].text, blocks[i].text]) is not None


VERSE_LINE_MAX = 20  # a line of verse is short and stops on a Han character
VERSE_RUN = 5  # a run of this many title-like lines is verse or a list, not a title group


def open_end(b: Block) -> bool:
    """Flow found the block stops mid-sentence (its "open_end" flag) and it still does."""
    return "open_end" in b.flags and stops_mid_sentence(b.text)


def verse_lines(blocks: list[Block], roles: list[str]) -> list[str]:
    """Short unpunctuated lines that go on a poem or a list are text, not titles.

    - a title-like line right after a short text line that stops mid-sentence continues it
      ('隐身于我们的血肉之中' after '普通的水，比骨头还硬');
    - a run of VERSE_RUN or more title-like lines is verse or a list: only its first line may be a
      title (the poem's own), or, over a byline or dateline, its last lines (a title group has at most
      kicker, headline and subheadline).
    """
    out = list(roles)
    n = len(blocks)
    i = 0
    while i < n:
        if out[i] != TITLE or blocks[i].marked:
            i += 1
            continue
        j = i
        while j < n and out[j] == TITLE and not blocks[j].marked:
            j += 1
        prev = blocks[i - 1].text.strip() if i else ""
        heads = j < n and (out[j] in (BYLINE, "namebyline", "lead")
                           or (out[j] == TEXT and opens_dated(blocks[j].text)))
        # (open-end evidence: flow's "open_end" flag, and the line stops mid-sentence; a short closing paragraph
        # whose 。 OCR lost must not swallow the next article's title on its shape alone)
        goes_on = not heads and i > 0 and out[i - 1] == TEXT and len(prev) <= VERSE_LINE_MAX \
            and HAN.fullmatch(prev[-1:]) is not None and open_end(blocks[i - 1]) \
            and not never_title(prev) and "interleaved" not in blocks[i - 1].flags
        if goes_on:
            first = i
        elif j - i >= VERSE_RUN:
            first = i + 1
        else:
            i = j
            continue
        last = j
        if heads:
            last = max(first, j - 3)
        for k in range(first, last):
            out[k] = TEXT
        i = j
    return out


def exclaimed_titles(blocks: list[Block], roles: list[str]) -> list[str]:
    """A title-like line ending in '！' or '？' ('多点挣钱门路才好！') is a title when it stands where an item
    opens: right after one has closed (a photo credit, page noise, a closing byline or a paragraph signed off
    with a bracketed remark) and over more text. Elsewhere such a line is a sentence of the text (a question
    a paragraph asks). On the tuning splits 7 lines so placed are titles and 1 is a paragraph; after an
    unsigned paragraph they are paragraphs 17 times in 19."""
    out = list(roles)
    for i in range(1, len(blocks) - 1):
        if out[i] != TEXT or not blocks[i].text.rstrip().endswith(("！", "？")):
            continue  # (the cheap tests first: most blocks stop here)
        t = blocks[i].text.strip()
        if blocks[i].marked or not is_title_like(t) or never_title(t) or out[i + 1] not in (TEXT, TITLE, BYLINE):
            continue
        prev = out[i - 1]
        if prev in (CREDIT, NOISE, "endbyline") or (prev == TEXT and signed_off(blocks[i - 1].text)):
            out[i] = TITLE
    return out


SPACED_TITLE_MAX = 30  # (the short lines `spaced_titles` looks at)


def spaced_titles(blocks: list[Block], roles: list[str], raw_lines: list[str] | None) -> list[str]:
    """A short line shaped like a title that the shape tests left as text because of a comma or a closing
    '！'/'？' ('某某，又到年终时', '某某老师，您辛苦了！') is a title when the dump sets it apart from a finished
    paragraph above by two or more blank lines, over more text: on the three tuning folders 2 of 2 such lines
    are titles, and none of the 300 short lines of that shape between text blocks with less space above is
    (nor is any of them a paragraph when so spaced)."""
    if not raw_lines:
        return roles
    out = list(roles)
    for i in range(1, len(blocks) - 1):
        if out[i] != TEXT or out[i - 1] != TEXT or out[i + 1] != TEXT or blocks[i].marked:
            continue
        t = blocks[i].text.strip()
        if len(t) > SPACED_TITLE_MAX or never_title(t) or "interleaved" in blocks[i].flags \
                or not (heads_article(blocks[i]) or (t.endswith(("！", "？")) and sum(t.count(c) for c in "，,") <= 1
                                                     and not any(c in t[:-1] for c in "。；！？"))):
            continue
        if blocks[i - 1].text.rstrip()[-1:] in ("。", "！", "？", "”", "…", "）", ")") \
                and blank_lines_above(raw_lines, blocks[i].line) >= 2:
            out[i] = TITLE
    return out


def lead_ins(blocks: list[Block], roles: list[str]) -> list[str]:
    """A title-like line ending in '：' right over body text is the text's lead-in ('图片：', '编辑同志：',
    '同志们、朋友们：'): 52 such paragraphs on the tune split, and none of its title fields ends in '：'
    (over another title line it still runs on into it: '某县：' + '多举措推动发展'; over two or more, see
    below)."""
    out = list(roles)
    for i in range(len(blocks) - 1):
        if out[i] == TITLE and not blocks[i].marked and out[i + 1] == TEXT \
                and blocks[i].text.rstrip().endswith(("：", ":")):
            out[i] = TEXT
    for i in range(len(blocks) - 2):
        if out[i] == TITLE and not blocks[i].marked and blocks[i].text.rstrip().endswith(("：", ":")) \
                and all(out[k] == TITLE and not blocks[k].marked
                        and not blocks[k].text.lstrip().startswith(("——", "—", "－－")) for k in (i + 1, i + 2)):
            # over two or more title lines it introduces the first of them, a picture's title or a list's
            # first item (a title 'X：' runs on into one line, over the body): both are text. On the tuning
            # splits 10 of the 11 such lead-ins are paragraphs with the line after them; the 11th stood over
            # a headline and a subhead the gold keeps as body text.
            out[i] = out[i + 1] = TEXT
    return out


def signed_off(text: str) -> bool:
    """Does a paragraph close its article with a remark in brackets ('…保护三清山！（江西玉山 王某）',
    '（河南洛阳日报陈杰）')? A heading after it opens a new article: on the tune split 25 of 98 titles
    between two body paragraphs follow such a remark, against 5 of 136 subheads."""
    t = text.strip()
    return finished_sentence(t) or (len(t) > 2 and bool(BRACKETED.fullmatch(t)))


# A one-line title group (kicker, headline and subheadline) runs longer than `heads_article` allows
# ('某某会议召开 勉励广大职工…作用，为…建功立业'). Right above a dateline, a line flow left open that is at most
# this long, with at most one comma and no other mark, is such a title: on the three tuning folders 2 of 2
# so placed are titles; the two paragraphs there (in the way of a long lead-in) have more commas or length.
DATELINE_TITLE_MAX = 60


def long_title_over_dateline(b: Block) -> bool:
    """A long title line right above a dateline (`DATELINE_TITLE_MAX`): left open by flow, with at most one
    comma and no other punctuation mark."""
    t = b.text.strip()
    return b.role == TEXT and "open_end" in b.flags and len(t) <= DATELINE_TITLE_MAX and not never_title(t) \
        and sum(t.count(c) for c in "，,") <= 1 and not any(c in t for c in "。；;！？!?：:") \
        and patterns.DATELINE.match(t) is None


def promote_heads(blocks: list[Block], roles: list[str]) -> list[str]:
    """Short unterminated lines right above a dateline or byline are titles, commas or not; so is a long
    title line right above a dateline (`long_title_over_dateline`)."""
    out = list(roles)
    for i, b in enumerate(blocks):
        starts = roles[i] == BYLINE or (roles[i] == TEXT and opens_dated(b.text))
        j = i - 1
        if starts and roles[i] == TEXT and j >= 0 and out[j] == TEXT and long_title_over_dateline(blocks[j]) \
                and "interleaved" not in blocks[j].flags:
            out[j] = TITLE
            j -= 1
        if starts and j >= 1 and bullet_points(blocks[j].text) and out[j - 1] == TITLE \
                and not any(c in blocks[j - 1].text for c in patterns.BULLETS):
            # a line of points between a title and a dateline is the title's subheadline ('●增开临时客车●…');
            # 2 of 2 on the tuning splits (points over body text that has no dateline are its paragraphs)
            out[j] = TITLE
            j -= 1
        while starts and j >= 0 and out[j] in (TEXT, TITLE) and heads_article(blocks[j]) \
                and "interleaved" not in blocks[j].flags and not never_title(blocks[j].text.strip()) \
                and not finished_sentence(blocks[j].text):
            out[j] = TITLE
            j -= 1
    return out


def bullet_points(text: str) -> bool:
    """A line of two or more points, each opened by a bullet ('●增开临时客车●取消棚代客车')."""
    t = text.strip()
    return t[:1] in patterns.BULLETS and sum(t.count(c) for c in patterns.BULLETS) >= 2 \
        and patterns.BYLINE.match(t) is None


def dated_brief(text: str) -> bool:
    """Does `text` open with a bare dateline (本报讯), the way a brief of its own opens?"""
    dl = patterns.dateline_of(text)
    return dl is not None and brief_opening(dl[0])


def brief_opening(dateline: str) -> bool:
    """A dateline with neither place nor date (本报讯): how a headless brief news item opens.

    On the tuning split a paragraph opening with a bare 本报讯 and no title over it starts
    a brief of its own 5 times in 6; one with place and date ('本报北京1月4日讯',
    '据新华社…电') continues the article above it 60 times in 61.
    """
    return patterns.BARE_DATELINE.fullmatch(dateline) is not None


SECTION_LABEL = re.compile(rf"\p{{Han}}{{2,{SECTION_MAX}}}")


def unmarked_above_marks(blocks: list[Block], roles: list[str]) -> list[str]:
    """On a page that marks its titles with '## ', unmarked short lines right above a marked title
    are not part of it: the one line directly above may be a section label (a short run of Han
    characters); the others ('付林', '1998年1月' closing a letter) are text of the article before."""
    if not any(b.marked for b in blocks):
        return roles
    out = list(roles)
    for i, b in enumerate(blocks):
        if not b.marked or (i and blocks[i - 1].marked):
            continue
        j, top = i - 1, i - 1  # `top`: the line that may still be a section label
        while j >= 0 and not blocks[j].marked and (out[j] == TITLE or (out[j] == TEXT and is_title_like(blocks[j].text))):
            if j == top and out[j] == TITLE and kicker_over_mark(blocks, roles, j):
                top = j - 1  # a kicker, and over it perhaps the section label
            elif out[j] == TITLE and not (j == top and SECTION_LABEL.fullmatch(blocks[j].text.strip())):
                out[j] = TEXT
            j -= 1
    return out


KICKER_MAX = 20  # (the kickers of the tuning folders' marked pages have 9-16 characters)


def kicker_over_mark(blocks: list[Block], roles: list[str], j: int) -> bool:
    """On a page that marks titles with '## ', the unmarked title line right above a marked one is its kicker
    (or headline over a marked subheadline) when an item can open there: at the top of the page, after a
    finished paragraph or under a section label; a line of verse (under another short line), a date or a
    bracketed signature is not. On the three tuning folders 4 of 4 such lines are title parts; of the
    other unmarked lines right above a mark with a title's shape, none so placed is text within these bounds
    (a 35-character paragraph that lost its full stop to OCR is longer than `KICKER_MAX`)."""
    t = blocks[j].text.strip()
    if len(t) > KICKER_MAX or NUMERIC.search(t) or t.endswith(("）", ")")) or SECTION_LABEL.fullmatch(t):
        return False
    if j == 0:
        return True
    above = blocks[j - 1].text.strip()
    return roles[j - 1] in (TEXT, TITLE) and (above[-1:] in ("。", "！", "？") or SECTION_LABEL.fullmatch(above) is not None)


def after_byline(blocks: list[Block], roles: list[str]) -> list[str]:
    """Unmarked title-like lines right under a byline line ('●本报记者 某某'), over body text, open the body
    (a subhead '车轮24小时转', the first lines of a poem): a byline stands between a title and its body, so
    no item opens right after it. On the tuning splits all 9 such runs whose text the gold holds are
    paragraphs of the article the byline signs (none is a title). A run over a dateline is left alone
    (the title of a report of its own)."""
    out = list(roles)
    n = len(blocks)
    for i in range(1, n):
        if out[i] != TITLE or blocks[i].marked or out[i - 1] != BYLINE:
            continue
        j = i
        while j < n and out[j] == TITLE and not blocks[j].marked:
            j += 1
        if j < n and out[j] == TEXT and not opens_dated(blocks[j].text):
            for k in range(i, j):
                out[k] = "lead"
    return out


def after_subheadline(blocks: list[Block], roles: list[str]) -> list[str]:
    """A title ends with its '——' subheadline: title-like lines after it, over body text, open the body
    ('中共中央总书记、国家主席江泽民' under '——一九九八年新年讲话')."""
    out = list(roles)
    for i in range(1, len(blocks)):
        if out[i] != TITLE or blocks[i].marked or out[i - 1] not in (TITLE, "lead"):
            continue
        j = i - 1
        while j >= 0 and out[j] == "lead":
            j -= 1
        if j >= 1 and out[j] == TITLE and out[j - 1] == TITLE \
                and blocks[j].text.lstrip().startswith(("——", "—", "－－")):
            out[i] = "lead"
    return out


WORD_MARGIN = 1e-6  # (log-probability: far above float rounding, so 'beats' holds in the model's own sums too)


# A title-shaped line that `flow` glued at the end of a paragraph ('…加强宏观' + '某某工程建设大事记') is cut off again
# when flow's own join probability was low: on the tuning splits the 8 such pieces that are gold titles were
# joined at 0.65-0.78, the 5 that truly continue their paragraph at 0.987 or more.
GLUED_TITLE_JOIN = 0.9


def split_glued_titles(blocks: list[Block], page_edits: tuple[Edit, ...], lm,  # type: ignore[no-untyped-def]
                       log: list[Edit]) -> list[Block]:
    """Cut a title-shaped last piece off a block flow joined with probability below GLUED_TITLE_JOIN;
    each cut is logged (no character changes) with the join's probability."""
    if not any(len(b.origin) > 1 for b in blocks):
        return blocks
    # (only a last piece short enough for a title can be cut off: the join probabilities of the others are not
    # looked up, and a page with no such piece leaves its edit log unread)
    ends = {b.origin[-1][1] for b in blocks if b.role == TEXT and len(b.origin) > 1
            and len(b.text[b.origin[-1][0]:].strip()) <= TITLE_LIKE_MAX}
    if not ends:
        return blocks
    joins = {e.line: e.confidence for e in page_edits if e.line in ends and e.kind == "join" and e.stage == "flow"}
    out: list[Block] = []
    next_id = max((b.id for b in blocks), default=-1) + 1
    for b in blocks:
        if b.role != TEXT or len(b.origin) < 2:
            out.append(b)
            continue
        start, line = b.origin[-1]
        piece = b.text[start:]
        p = joins.get(line)
        if p is None or p >= GLUED_TITLE_JOIN or not piece.strip() or not b.text[:start].strip() \
                or part_role(Block(id=next_id, text=piece.strip(), line=line), lm) != TITLE:
            out.append(b)
            continue
        out.append(replace(b, text=b.text[:start], origin=b.origin[:-1], flags=b.flags | {"open_end"}))
        out.append(Block(id=next_id, text=piece, line=line, origin=((0, line),)))
        next_id += 1
        log.append(Edit(STAGE, "split", "", "", line, round(1.0 - p, 3),
                        f"title-shaped line cut off the paragraph flow joined it to (join probability {p:.2f})",
                        piece.strip()[:30]))
    return out


class PageLM:
    """The language model as one page's segmentation asks it: the same title line is measured by
    `part_role`, `is_garbage` and `refine_roles`, so answers are kept for the page (the model is pure)."""

    def __init__(self, lm) -> None:  # type: ignore[no-untyped-def]
        self.lm = lm
        self._coverage: dict[str, float] = {}
        self._segments: dict[str, list[str]] = {}

    def word_coverage(self, text: str) -> float:
        got = self._coverage.get(text)
        if got is None:
            if type(self.lm).word_coverage is WordLM.word_coverage:
                got = self._coverage[text] = self._word_coverage(text)
            else:
                got = self._coverage[text] = self.lm.word_coverage(text)
        return got

    def has_word(self, text: str) -> bool:
        """`word_coverage(text) > 0`: does the best segmentation hold a word of two or more characters?

        Mostly answered without segmenting: a two-character word more likely than its two characters
        apart makes a path that beats the all-single-character one, so the best path holds some word."""
        if type(self.lm).word_coverage is WordLM.word_coverage:
            logp, unk = self.lm.logp, self.lm.unk
            for run in NOT_HAN.split(text):
                for i in range(len(run) - 1):
                    lw = logp.get(run[i:i + 2])
                    if lw is not None and lw > logp.get(run[i], unk) + logp.get(run[i + 1], unk) + WORD_MARGIN:
                        return True
        return self.word_coverage(text) > 0.0

    def _word_coverage(self, text: str) -> float:
        """`WordLM.word_coverage` (the same number): Han runs cut by one regex pass, segmentations shared."""
        runs = [r for r in NOT_HAN.split(text) if r]
        han = sum(map(len, runs))
        if not han:
            return 0.0
        covered = 0
        for run in runs:
            got = self._segments.get(run)
            if got is None:
                got = self._segments[run] = self.lm.segment(run)
            covered += sum(len(w) for w in got if len(w) > 1)
        return covered / han

    @property
    def logp(self) -> dict[str, float]:
        return self.lm.logp  # (asked per heading: an attribute, not the `__getattr__` fallback)

    def segment(self, text: str) -> list[str]:
        got = self._segments.get(text)
        if got is None:
            got = self._segments[text] = self.lm.segment(text)
        return list(got)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.lm, name)  # anything else goes to the model itself


def block_roles(blocks: list[Block], lm, log: list[HeadingDecision] | None = None,  # type: ignore[no-untyped-def]
                model: HeadingModel | None | bool = True, features: bool = False,
                raw_lines: list[str] | None = None) -> tuple[list[str], dict[int, list[int]]]:
    """The part role of every block, and each photo credit's caption group (steps 2 to 4 above);
    title-or-subhead decisions go to `log`."""
    roles = promote_heads(blocks, [part_role(b, lm) for b in blocks])
    roles = exclaimed_titles(blocks, roles)
    roles = spaced_titles(blocks, roles, raw_lines)
    roles = dash_subheadlines(blocks, roles)
    roles = verse_lines(blocks, roles)
    roles = lead_ins(blocks, roles)
    groups = caption_groups(blocks, roles)
    in_caption = {i for g in groups.values() for i in g}
    roles = after_byline(blocks, roles)
    roles = refine_roles(blocks, roles, keep=in_caption, lm=lm, log=log, model=model, features=features,
                         raw_lines=raw_lines)
    roles = unmarked_above_marks(blocks, roles)
    roles = after_subheadline(blocks, roles)
    return roles, groups


def prepare(page: Page, lm, edits: list[Edit], log: list[HeadingDecision],  # type: ignore[no-untyped-def]
            model: HeadingModel | None | bool = True,
            features: bool = False) -> tuple[list[Block], list[str], dict[int, list[int]]]:
    """(blocks, roles, caption groups) of the page as `segment` decides them: tables rejoined, glued titles
    cut off (cuts go to `edits`), then `block_roles` (heading decisions go to `log`). `segtrain` learns the
    heading model on exactly these blocks."""
    blocks = rejoin_tables(list(page.blocks), page.raw)
    blocks = split_glued_titles(blocks, page.edits, lm, edits)
    roles, groups = block_roles(blocks, lm, log, model=model, features=features, raw_lines=page.raw.splitlines())
    return blocks, roles, groups


def segment(page: Page) -> Page:
    config = page.config or Config()
    lm = PageLM(load_lm(config.lm_path))
    edits: list[Edit] = []
    decisions: list[HeadingDecision] = []
    blocks, roles, groups = prepare(page, lm, edits, decisions)
    in_caption = {i for g in groups.values() for i in g}
    edits += [decision_edit(blocks[d.index], d, roles[d.index]) for d in decisions]
    noise: list[Block] = list(page.noise)
    drafts: list[tuple[int, Draft]] = []  # (first line, draft)

    def strip_edit(kind: str, b: Block, original: str, *kept: str, why: str) -> None:
        gone = _removed(original, *kept)
        if gone:
            edits.append(Edit(STAGE, kind, gone, "", b.line, 0.95, why, original[:30]))

    # photos first: each credit with its caption group
    for k, grp in groups.items():
        credit = blocks[k]
        names = patterns.names_in(credit.text)
        d = Draft(kind="photo", lines=[credit.line])
        strip_edit("credit", credit, credit.text, *d.add_names(names), why="photo credit: names kept as the byline")
        caps = [blocks[i] for i in grp]
        if caps and roles[grp[0]] == TITLE and len(caps) > 1:
            d.headline = title_spaces(caps[0].text)[0].replace(" ", "") if " " not in caps[0].text.strip() \
                else title_spaces(caps[0].text)[0]
            caps = caps[1:]
        if caps:
            d.captions.append("".join(c.text for c in caps))
        d.lines += [ln for c in ([blocks[i] for i in grp]) for ln in c.lines]
        drafts.append((min(d.lines), d))

    section: str | None = None
    section_run = 0  # items opened under the current section label
    cur: Draft | None = None
    pending: list[Block] = []
    pending_jump: tuple[Block, str] | None = None
    after_table = False

    def apply_jump(d: Draft) -> None:
        nonlocal pending_jump
        if pending_jump:
            jb, page_no = pending_jump
            d.continued_from, pending_jump = page_no, None
            d.lines += list(jb.lines)
            strip_edit("jump", jb, jb.text, page_no, why="jump line: kept as continued_from")

    def open_item(titles: list[Block]) -> Draft:
        nonlocal section, section_run, pending_jump
        title_lines = [t.text for t in titles]
        own = title_section(title_lines)
        if own is not None:
            section, section_run = own, 0
        elif section is not None and (section_run >= SECTION_RUN or title_parts(title_lines).kicker is not None):
            section = None  # (kicker, headline and subheadline are settled once the body is known)
        section_run += 1
        d = Draft(section=section, lines=[ln for t in titles for ln in t.lines], section_inherited=own is None,
                  title_lines=title_lines)
        apply_jump(d)
        drafts.append((min(d.lines) if d.lines else 0, d))
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

    for i, b in enumerate(blocks):
        role = roles[i]
        if i in in_caption or role == CREDIT:
            continue
        if role == NOISE:
            noise.append(replace(b, role=NOISE))
            edits.append(Edit(STAGE, "to_noise", "", "", b.line, 0.6, "OCR debris or page furniture", b.text))
            continue
        if role == TITLE:
            heads_body = i + 1 < len(blocks) and roles[i + 1] in (TEXT, BYLINE, "namebyline", "lead")
            if after_table and cur is not None and not pending and not heads_body:
                # a note under a table ('数据截至某月某日…'), unless it stands over body text: a new title
                cur.captions.append(title_spaces(b.text)[0])
                cur.lines += list(b.lines)
                after_table = False
                continue
            pending.append(b)
            continue
        after_table = False
        if role == JUMP:
            m = patterns.JUMP.match(b.text.strip()) or patterns.JUMP_END.search(b.text.strip())
            page_no = f"第{m.group('page')}版" if m else None
            if m and page_no and m.group("dir") in ("上接", "接"):
                drop_pending_jump()
                pending_jump = (b, page_no)
                if cur is not None and not cur.paragraphs and not pending and cur.continued_from is None:
                    apply_jump(cur)
            else:
                if cur is not None:
                    cur.truncated = True
                noise.append(replace(b, role=NOISE))  # kept as page furniture, as the gold schema has it
                edits.append(Edit(STAGE, "to_noise", "", "", b.line, 0.9,
                                  "jump line to a later page: the article is truncated here", b.text))
            continue
        if role == TABLE:
            if pending and cur is not None:
                cur.captions += [title_spaces(t.text)[0] for t in pending]
                cur.lines += [ln for t in pending for ln in t.lines]
                pending.clear()
            elif pending:
                cur = open_item(pending)
                pending.clear()
            if cur is None:
                cur = open_item([])
            cur.tables.append(merge_table_rows(b.rows))
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
            if pending:
                cur = open_item(pending)
                pending.clear()
            elif cur is not None and len(cur.paragraphs) >= 2 and not cur.closed and role == BYLINE \
                    and not ends_open(cur.paragraphs[-1]):
                # a byline line with no title over it, inside an article ('本报记者赵志文' under an
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
            if pending:  # '（关山月）' right under '迎虎年（书法）': the whole text of an artwork's item
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
            added = cur.add_names(names)
            cur.lines += list(b.lines)
            cur.closed = True
            strip_edit("byline", b, b.text, *added, why="closing byline in brackets: names kept")
            continue
        # body text
        text = b.text
        dl = patterns.dateline_of(text)
        fuzzy = None if dl else patterns.fuzzy_dateline_of(text)
        if fuzzy:
            dl = fuzzy[:3]
        if pending:
            cur = open_item(pending)
            pending.clear()
        elif cur is None or cur.closed or (dl is not None and brief_opening(dl[0]) and cur.paragraphs
                                           and not cur.last_open):
            # a dateline with place and date and no title over it is a sub-report of the current article;
            # a bare 本报讯 after a finished paragraph opens a brief item of its own
            cur = open_item([])
        if pending_jump and cur.continued_from is None and len(cur.paragraphs) <= 1:
            apply_jump(cur)  # '（上接第3版）' over the text it continues (a stray fragment may stand between)
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
        if text and not repeated(cur, text, b):
            cur.paragraphs.append(text)
            cur.last_open = "open_end" in b.flags and stops_mid_sentence(text)
        cur.lines += list(b.lines)
    if pending:
        flush_pending_as_noise()
    drop_pending_jump()

    for _, d in drafts:
        settle_title(d, lm)
    drafts.sort(key=lambda x: min(x[1].lines, default=x[0]))
    items = tuple(d.freeze() for _, d in drafts)
    edits += _title_space_edits(items)
    return replace(page, items=items, noise=tuple(noise), edits=page.with_edits(edits), segmented=True)


def decision_edit(b: Block, d: HeadingDecision, role: str) -> Edit:
    """A title-or-subhead decision as a log entry that changes no character: kind `subhead` (the heading
    stays in the article above) or `heading` (it opens a new item), with the model's probability."""
    sub = role == "subhead"
    if d.rule is not None:
        conf, why = 1.0, d.rule
    elif d.probability is None:
        conf, why = 0.6, "the text on both sides shares its words" if sub else "the text on both sides shares too few words"
    else:
        conf = d.probability if sub else 1.0 - d.probability
        hm = heading_model()
        weights = hm.weights if hm is not None else {}
        top = sorted(((k, weights.get(k, 0.0) * v) for k, v in d.features.items()), key=lambda kv: -abs(kv[1]))[:3]
        why = f"P(subhead) {d.probability:.2f}" + (f" (strongest: {', '.join(f'{k} {v:+.1f}' for k, v in top)})" if top else "")
    what = "subhead inside the article above" if sub else "heading of a new item"
    if sub != d.subhead:  # a later role pass (a marked title above, a subheadline) overrode the decision
        conf, why = 0.5, f"a later role pass overrode the decision for a {'subhead' if d.subhead else 'heading'} ({why})"
    return Edit(STAGE, "subhead" if sub else "heading", "", "", b.line, round(conf, 3), f"{what}: {why}", b.text[:30])


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


def _title_space_edits(items: tuple[Item, ...]) -> list[Edit]:
    return []


def unsegmented(page: Page) -> Page:
    """What the page looks like with `segment` switched off: one item, every block a paragraph."""
    paras = tuple(b.all_text() for b in page.blocks if b.role != NOISE)
    return replace(page, items=(Item(paragraphs=paras),), segmented=True)
