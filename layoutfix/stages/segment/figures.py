"""A figure cut at a column break: the short piece that stops inside a number is put back together with its rest.

A paragraph cut at a column break inside a figure leaves a short block that stops on a digit ('…度过了漫长的1158'
over '个日夜，…'; '…根据某国总统某某19' over '97年8月4日签署…'). `flow` left such pieces apart, and with no clause mark
in them `segment` read them as headings: a subhead cutting the paragraph in two, or the title of a new item
splitting the article. No title stops on a digit (none of the 1,498 title parts, '——' split, of the People's Daily
tuning days 1998-01-01..16), and a figure goes on with more digits or with its unit, a numeral or measure word
(jieba's tags 'm' and 'q': 个, 日, 米, 万). On the tuning folders (synthetic tune, real_ocr_tune light and heavy, the
samples), seed-2 real-OCR dev pages and fresh tuning-day pages (seeds 2, 4, 11, 12) the rule joins 10 pieces, all
10 read across as the gold prints the paragraph. Left alone: a piece that stops on a decimal or a figure of more
than `FIGURE_MAX` digits (a ranked list's rows, a table's: 5 wrong joins without these), one with fewer than
`HAN_MIN` Han characters, a Chinese numeral under it ('二、…'), and a title-shaped piece whose words come again in the
rest (`heads_rest`): pages built from THUCNews text print titles cut inside a figure over their text ('某某基金2' over
'6日起发行…'), 10 of them, and their gold keeps the piece as the headline.
"""
from __future__ import annotations

from typing import Final

import regex as re

from ... import patterns
from ...model import TEXT, Block, Edit
from ..normalize import TITLE_LIKE_MAX, is_title_like
from .shapes import HAN, STAGE, glue
from .words import _trigrams, _word_pairs, latin_scraps, word_model, word_tags

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


UNIT_TAGS: Final = frozenset(("m", "q"))  # jieba's numeral and measure-word tags: what a figure goes on with
# ... but not a Chinese numeral: no figure printed in Arabic digits goes on in one ('…1' over '二、某某' is a list's
# next heading under a row of figures)
HAN_NUMERALS: Final = frozenset("一二三四五六七八九十〇零两百千几")
FIGURE_MAX: Final = 8  # digits a figure read across the cut may hold (a year, a count); a longer run is two numbers (a
# phone number over a year) or a row of a table's figures, not one figure cut in two
_TAIL: Final = re.compile(r"[0-9]+$")
_HEAD: Final = re.compile(r"[0-9]*")
# A piece that stops on a decimal ('…24.82', '…以313.5') is left alone: in a ranked list the next row's number
# follows it ('…24.82' over '2某某股份 24.…'), and a unit under it was no sure sign either (fresh seed 12: '…以313.5'
# over '米跳板…', a paragraph whose rest was printed elsewhere)
HAN_MIN: Final = 2  # Han characters a piece must hold to be a cut sentence (a lone figure is a table's cell or a list mark)


def unit_word(rest: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does `rest` open with a one-character numeral or measure word ('个日夜' -> 个), by the word LM's segmentation
    of its first characters and jieba's tag? A two-character word ('日前') opens a sentence of its own."""
    c = rest[:1]
    if c in HAN_NUMERALS or word_tags().get(c) not in UNIT_TAGS:
        return False
    words = word_model(lm).segment(rest[:4])
    return bool(words) and words[0] == c


def continues_figure(head: str, rest: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does `rest` carry on the figure `head` stops inside: more digits, or its unit (`unit_word`)? The figure
    (digits and points, across the cut) is no longer than `FIGURE_MAX`: a longer run is a row of a table's figures."""
    tail = _TAIL.search(head)
    if tail is None or len(tail.group()) > FIGURE_MAX or head[:tail.start()].endswith("."):
        return False
    if rest[:1].isdigit():
        lead = _HEAD.match(rest)
        return len(tail.group()) + (len(lead.group()) if lead else 0) <= FIGURE_MAX
    return unit_word(rest, lm)


ECHO_CHARS: Final = 160  # characters of the rest read for the piece's words


def heads_rest(head: str, rest: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is the piece a title over the text that follows, though cut inside a figure: title-shaped (`is_title_like`),
    and the rest's first `ECHO_CHARS` characters use one of its two-character dictionary words or its three-character
    runs (a name no dictionary has) (a title's words come again in its text: '某某基金2' over '6日起发行…某某基金管理
    公司…')?"""
    if not is_title_like(head):
        return False
    text = rest[:ECHO_CHARS]
    return bool(_word_pairs(head, lm) & _word_pairs(text, lm)) or bool(_trigrams(head) & _trigrams(text))


def no_paragraph(head: str, rest: str) -> bool:
    """Is either piece no paragraph's text: the piece's end after its last Han character OCR debris
    (`words.latin_scraps`: '某某 1 I1' over '1998年…'; a paragraph goes on from no debris, as flow's `DEBRIS_SOURCE`
    says), or the block under it the page's header (a date with its weekday, `patterns.PAGE_HEADER` or
    `patterns.page_header`: '…和500' over '1998年1月3日 星期六'). Both joins put the gold's noise inside a paragraph
    (leak49: the two such joins of the dev pages, real-OCR fresh seed 2). Only the end is asked of the piece, not the
    whole (a word-spaced piece '全县 粮食 总产 达到 1' over '2万吨，…' is a paragraph's), and only the header shape of
    the rest, not all furniture (a cut figure's rest may hold a phone number: '…截止日期为3月1' over '5日，咨询电话：…')."""
    return _page_header(rest) or latin_scraps(head[_last_han(head) + 1:].split())


def _page_header(text: str) -> bool:
    """Is `text` a page header line: a date with 年 and its weekday, in the usual order or another?"""
    t = text.strip()
    return "年" in t and ("星期" in t or "周" in t) and (bool(patterns.PAGE_HEADER.match(t)) or patterns.page_header(t))


def _last_han(text: str) -> int:
    """The index of `text`'s last Han character, -1 when it holds none."""
    for k in range(len(text) - 1, -1, -1):
        if HAN.match(text[k]):
            return k
    return -1


def rejoin_cut_figures(blocks: list[Block], lm, log: list[Edit]) -> list[Block]:  # type: ignore[no-untyped-def]
    """Join each short body-text block (no longer than a title may be) that stops inside a figure to the body-text
    block printed right after it when that one carries the figure on (`continues_figure`); the join is logged and
    changes no character (the blank between the two pieces goes)."""
    if not any(b.text.rstrip()[-1:].isdigit() for b in blocks):
        return blocks  # (most pages: no block stops on a digit, and the list is not copied)
    out: list[Block] = []
    k, n = 0, len(blocks)
    while k < n:
        b = blocks[k]
        nb = blocks[k + 1] if k + 1 < n else None
        head = b.text.strip()
        if nb is None or b.role != TEXT or nb.role != TEXT or b.marked or nb.marked or not head \
                or len(head) > TITLE_LIKE_MAX or not head[-1].isdigit() or len(HAN.findall(head)) < HAN_MIN:
            out.append(b)
            k += 1
            continue
        rest = nb.text.lstrip()
        if not continues_figure(head, rest, lm) or heads_rest(head, rest, lm) or no_paragraph(head, rest):
            out.append(b)
            k += 1
            continue
        lead = len(b.text) - len(b.text.lstrip())
        out.append(glue(b, nb, head, rest, tuple((max(0, o - lead), ln) for o, ln in (b.origin or ((0, b.line),)))))
        log.append(Edit(STAGE, "join", "", "", nb.line, 0.9,
                        f"line {b.line} continues at line {nb.line}: a figure cut at a column break "
                        f"('{head[-8:]}' + '{rest[:4]}') is put back together", f"{head[-8:]}⏎{rest[:8]}"))
        k += 2
    return out
