"""The shapes of one line or paragraph that `segment` asks about everywhere: does it open with a dateline,
stop mid-sentence, close an article, look like a title that never is one, a bullet point or a brief's opening.

Pure string tests with no language model and no neighbours, so every other module of the stage can use them
without importing anything else of it; the stage's name and the small size limits shared by the role passes
and the assembly live here too.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
import re as stdre
from typing import Final
import regex as re

from ...model import TEXT, Block
from ... import patterns
from ...textutil import CLAUSE_PUNCT, HAN_CLASS, ends_open

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# What opens a caption as a caption: '图为…', '图中…', '图①…', '上图：…' (a bare '①' opens list points far more often).
CAPTION_OPENING: Final = re.compile(r"图[为中示]|图[①-⑩0-9一二三四五六七八九十]|[上下左右中]图[：:、 为]")
# A photo's label printed over its caption ('图片：'): `lead_ins` keeps it as a line of text, and a heading under it opens
# the next item (`headings.photo_note_above`). Its colon may be
# lost in OCR: the real-OCR fresh dev pages' gold (as Tesseract read it) holds 12 bare '图片' label paragraphs beside
# 12 with the colon, and no title field of the tuning folders, the samples or those pages is the label either way
# (a bare one had been read as a new item's title over the article's own captions, cutting it in two).
PICTURE_LABEL: Final = re.compile(r"图片[：:]?")
# A photo's note as the tuning days print it under their articles: '图为…' (not '图为什么…'), or '上图：…'; the other
# caption openings (`CAPTION_OPENING`: '图中…', '图示…', '图1…') never close an article there (review42a: '图中所示的…'
# opens body text too). At most NOTE_MAX characters: the 22 '图为' notes of the tuning days' articles run 11-89.
NOTE_OPENING: Final = re.compile(r"图为(?!什么)|[上下左右中]图[：:]")
NOTE_MAX: Final = 100

STAGE: Final = "segment"
SECTION_MAX: Final = 6
REPEAT_MIN: Final = 8  # a repeated paragraph longer than this is a duplicate (score.py's own floor)
SECTION_RUN: Final = 3  # a section label heads at most this many items (runs of 2-3 on the tune split)


BRACKETED: Final = re.compile(r"[(（][^()（）]*[)）](?:[ \u3000]*[(（][^()（）]*[)）])*")  # remarks in brackets, a space between or none
HAN: Final = re.compile(r"\p{Han}")


DASH_SUB: Final = "dashsub"     # a '——' line: subheadline under a title, text elsewhere
SUBHEAD_LINE_MAX: Final = 40
TRAILING_BRACKET: Final = re.compile(r"[(（][^()（）]*[)）]\s*$")
CLOSING_BRACKETS: Final = (")", "）")  # a right-stripped line TRAILING_BRACKET matches ends with one (`\s` is whitespace)
COLONS: Final = ("：", ":")


def ends_on_colon(text: str) -> bool:
    """Does the line end in '：' (or ':')? Such a line introduces what follows it: a title line runs on into the
    title line under it ('某地：' + '某某工作有新进展'), a paragraph opens its list, a line over body text is its
    lead-in."""
    return text.rstrip().endswith(COLONS)


@lru_cache(maxsize=1024)
def opens_dated(text: str) -> bool:
    """Does `text` open with a dateline (`patterns.DATELINE`)? Asked of the same block by several role passes,
    so the answers are kept (a pattern call costs more than the lookup); a text `may_open_dated` turns away is
    answered in compiled code, without the interpreted pattern object's call."""
    return may_open_dated(text) and patterns.DATELINE.match(text) is not None


# The first characters `patterns.DATELINE` tries a pattern at (`_Datelines.match`: a lenticular or round bracket, or
# the first character of an agency's dateline, `patterns._AGENCY_FIRST`).
_DATELINE_FIRST: Final = frozenset("【（(") | patterns._AGENCY_FIRST


def may_open_dated(text: str) -> bool:
    """Can `patterns.DATELINE` match at the start of `text`? False only where `_Datelines.match` itself returns
    None before any pattern: a first character no dateline it tries opens with (`_DATELINE_FIRST`), no 社 in the
    first seven characters (another agency's report), no 消息 in the first twelve (an outlet's news) and no 讯 in
    the first ten (an outlet's 讯). Most body blocks fail all four; asked here in compiled code, they skip the
    interpreted call (seg59: about 1,800 calls on the 40 tuning pages of the callgrind run, 12 M instructions)."""
    return text[:1] in _DATELINE_FIRST or "社" in text[1:7] or "消息" in text[1:12] or "讯" in text[:10]


_MISREAD_DATELINE_CHARS: Final = frozenset(patterns._DATELINE_CHARS)  # (the characters `misread_dateline` mends)


def may_be_misread_dateline(text: str) -> bool:
    """Can `patterns.misread_dateline` find a dateline in `text`? Not when neither of its first two characters is one
    of the dateline characters it mends around (`patterns._DATELINE_CHARS`), its own first test; asked in compiled
    code, the ~1,700 body blocks of the 40 tuning pages that fail it skip the interpreted call (seg59)."""
    return len(text) >= 2 and (text[0] in _MISREAD_DATELINE_CHARS or text[1] in _MISREAD_DATELINE_CHARS)


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


CLOSING_DATE: Final = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")
HAN_RUN: Final = stdre.compile(f"[{HAN_CLASS}]+")


def closing_line(text: str, alone: bool = False) -> bool:
    """A last paragraph that ends its article although no sentence mark ends it: a remark in brackets
    ('（某省某市某某）'), a signature ('——编者', '…欢迎来信。———编者'), a date under a letter, any short line
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


SIGNATURE: Final = stdre.compile(f"——[{HAN_CLASS}]{{1,6}}$")


def finished_sentence(text: str) -> bool:
    """'…予以处理。（某记）': a sentence that ends before a closing remark in brackets."""
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
    """A '●' point, a line wholly in brackets, a numbered point, a line opening with '———', a list of four or more
    items set apart by '、' (`LIST_MARKS`), a table's header row (`header_row`): (almost) never a title on the tune
    split (0 of its 1,953 titles for the first three)."""
    # (the string tests first, then the pattern calls, dearest last; BRACKETED opens with a bracket; a line opening
    # with a character of the CJK Unified Ideographs block holds a Han character without the pattern call: the
    # whole block is of script Han)
    return t[:1] in patterns.BULLETS or t.startswith("———") or t[-1:] in CLAUSE_OPEN or t.count("、") >= LIST_MARKS \
        or (t[:1] in "(（" and BRACKETED.fullmatch(t) is not None) \
        or patterns.ENUMERATED.match(t) is not None \
        or not ("\u4e00" <= t[:1] <= "\u9fff" or HAN.search(t)) \
        or (t[-1:] == "日" and patterns.ISSUED_DATE.fullmatch(t) is not None) \
        or len(NUMERIC.findall(t)) >= NUMERIC_SHARE * len(t) \
        or header_row(t)
    # ('2', '＊＊＊': 36 paragraphs on tune, no title; none of its 1,326 title fields ends in a comma,
    # enumeration comma or semicolon: '某某天天涨，' is a line of verse; a line half made of figures is a
    # row of data: '东部地区14914.1366.50', '154—330千伏15米'; the date a notice was issued is its last line)


# A table's header row printed as a line of its own ('人数（万人）比重（％）': the column labels, each with its
# unit in brackets): two or more labelled remarks, one of them a percent sign. Of the 1,601 titles of the tuning days
# (news_zh, 1998-01-01..16) 4 hold a bracketed percent sign ('某市上涨前五名（％）'), none two bracketed remarks with one;
# read as a heading, such a row cut an article in two (fresh seeds 4 and 5: 135 and 144 same-article pairs). Kept from
# a title so, the line's decision is logged (`roles.header_row_decisions`).
_PERCENT_REMARK: Final = re.compile(r"[(（][ \u3000]*[％%][ \u3000]*[)）]")


def header_row(t: str) -> bool:
    """Is `t` a table's header row: two or more column labels with their unit in brackets (`LABELLED_REMARK`), one
    of them a percent sign? A remark that labels nothing ('利率下调（％）（附表）': a note on the picture or table
    printed with a headline, or a table title's date) does not count: such a line is a title."""
    return ("％" in t or "%" in t) and _PERCENT_REMARK.search(t) is not None \
        and len(LABELLED_REMARK.findall(t)) >= 2


# A column label with its unit: a Han character, then a short remark in brackets ('比重（％）', '人数(万人)'). A
# headline's remark after another remark ('（％）（附表）') or a date ('（1月5日）' after a title's '（％）') labels
# no column of its own.
LABELLED_REMARK: Final = re.compile(r"\p{Han}[ \u3000]*[(（][^()（）]{1,4}[)）]")


# A line that enumerates four or more items with '、' ('某甲、某乙、某丙、某丁等…', '参与国家有：甲国、乙国、丙国、丁国') is
# running text: a headline lists names without the mark or with spaces ('某甲某乙某丙会见…'). On the tuning folders
# and fresh seeds 2 and 4 the title-like lines with 3 or more such marks are 3 paragraphs and no title field (with 2: 5
# titles, 6 paragraphs); on fresh seed 5 such a list, cut at a column break, was weighed a title at P(subhead) 0.4999.
LIST_MARKS: Final = 3
NUMERIC: Final = stdre.compile(r"[0-9.．%％／/]")
NUMERIC_SHARE: Final = 0.5


CLAUSE_OPEN: Final = "，、,；;"


# Everything but the characters `textutil.is_han` accepts: one C-level pass instead of a Python call per
# character. (`[^c][^c]*`, not `[^c]+`: a pattern that opens with a class lets sre skip Han characters in its fast
# prefix loop instead of calling its matcher at each one; the same strings match, so `sub` and `split` give the same)
NOT_HAN: Final = stdre.compile(f"[^{HAN_CLASS}][^{HAN_CLASS}]*")


def han_only(text: str) -> str:
    """The Han characters of `text`, in order (same as joining the characters `is_han` accepts)."""
    return NOT_HAN.sub("", text)


SUBHEAD_DASHES: Final = ("——", "—", "－－")  # what a '——' subheadline (or a list item's dash) opens with, as printed


def han_pairs(text: str) -> list[str]:
    """The pairs of adjacent Han characters of `text`, marks and spaces left out, in order."""
    t = han_only(text)
    return [t[i:i + 2] for i in range(len(t) - 1)]


VERSE_LINE_MAX: Final = 20  # a line of verse is short and stops on a Han character
PRINTED_RUN: Final = 3  # printed lines in a row that no title fills (a title group's lines are blocks of their own)


def printed_run(b: Block) -> bool:
    """Was the block read from `PRINTED_RUN` or more dump lines in a row (`read` joins plain lines that fill the
    column into one paragraph)? Such a block is text whatever its shape: unpunctuated verse printed a line of the
    poem to a line of the dump reads as one short block with no clause mark, the shape of a title line, and went
    to noise with the title over it as 'a title with no article under it' (review25a). A kicker, headline and
    subheadline are separate blocks, each of its own lines."""
    if len(b.origin) < PRINTED_RUN:
        return False
    lines = [ln for _, ln in b.origin]
    return all(y == x + 1 for x, y in zip(lines, lines[1:]))


# A poem printed with others under one title announces them in it ('某某（外二首）', '某某（二首）'; '某某（外2首）' once
# normalize has folded a full-width digit), and each numbered poem prints its own title with its number in brackets:
# '某某（一）', then '某某（二）' (under '某某（外二首）' the title's own poem comes first, unnumbered). Of the 1,601
# articles of the tuning days (news_zh, 1998-01-01..16) 3 titles announce poems so, and those 3 are the only articles
# printing a short paragraph that ends in a bracketed numeral. Such a line is not always a poem's, though: 1 of the
# 1,601 titles is a numbered part of a series ('某某（１）'), and the 3 groups of poems share their pages with 3 to 9
# other articles, so `roles.in_poem_group` takes a line as a part only under the title that announces the group,
# numbering the group's next poem, over verse.
ANNOUNCED_POEMS: Final = re.compile(r"[(（][ \u3000]*外?[ \u3000]*[一二三四五六七八九十两0-9]{1,3}[ \u3000]*首[ \u3000]*[)）]")
PART_NUMBER: Final = re.compile(r"\p{Han}[ \u3000]*[(（][ \u3000]*([一二三四五六七八九十]|[1-9])[ \u3000]*[)）]\s*$")
PART_NUMERALS: Final = "一二三四五六七八九十"  # (a group numbers at most ten poems: '（97）' is a year, no part)


def part_number(t: str) -> int | None:
    """The number of a numbered part's title inside a group of poems ('某某（二）', '某某(2)', '某某（ 二 ）': 2): a
    line of verse's length ending in one bracketed numeral after a Han character; None for any other line."""
    m = PART_NUMBER.search(t) if len(t) <= VERSE_LINE_MAX else None
    if m is None:
        return None
    numeral = m.group(1)
    return int(numeral) if numeral.isdigit() else PART_NUMERALS.index(numeral) + 1


def numbered_part(t: str) -> bool:
    """Is `t` a numbered part's title inside a group of poems (`part_number`)?"""
    return part_number(t) is not None


def open_end(b: Block) -> bool:
    """Flow found the block stops mid-sentence (its "open_end" flag) and it still does."""
    return "open_end" in b.flags and stops_mid_sentence(b.text)


def signed_off(text: str) -> bool:
    """Does a paragraph close its article with a remark in brackets ('…保护某山！（某省某县 王某）',
    '（某某日报某甲）')? A heading after it opens a new article: on the tune split 25 of 98 titles
    between two body paragraphs follow such a remark, against 5 of 136 subheads. A line wholly in brackets
    signs off only as a remark can (`signing_remark`)."""
    t = text.strip()
    return finished_sentence(t) or (len(t) > 2 and bool(BRACKETED.fullmatch(t)) and signing_remark(t)) \
        or (t[-1:] in CLOSING_BRACKETS and DAMAGED_SIGNATURE.search(t) is not None
            and t.count("（") + t.count("(") < t.count("）") + t.count(")"))  # its opening bracket really is gone


# A date alone in brackets, in figures or in numerals ('（1998年1月1日）', '（一九九八年一月一日）').
BRACKETED_DATE: Final = re.compile(rf"[(（][ \u3000]*{patterns.FULL_DATE}[ \u3000]*[)）]")


def signing_remark(t: str) -> bool:
    """Can a line wholly in brackets be the remark that closes an article (a writer, a unit, an agency, a source)?
    Not when it names nothing, with no Han character in it ('（A、B）', a run of Latin letters): every closing
    remark on the tuning folders names someone in Han; and not when it is a date alone ('（一九九八年一月一日）'),
    which is printed under the title of a speech or a document, over its speaker's name or its text, not at an
    article's end. On the tuning folders and fresh seeds 2 and 4 the 6 headings printed under such a line are all a
    paragraph or subhead of the same article in gold (3 under a date alone, 3 under Latin letters), while 113 of the
    124 headings under another bracketed line are titles (4 paragraphs, 7 matched to no gold line)."""
    return HAN.search(t) is not None and BRACKETED_DATE.fullmatch(t) is None


# '…予以处理。〈某省某县某某）', '…予以处理。某省某县某某）': the closing remark with its opening bracket misread
# by OCR (as '《', '〈', '“') or lost: after the paragraph's last sentence, a short run with no opening
# bracket and no comma, colon or semicolon, ending in a closing bracket. On real_ocr-tune light 3 headings
# follow such a paragraph, all 3 titles; no heading of synthetic-tune, real_ocr-tune heavy or the fresh dev
# pages does, and none of the 9,991 paragraphs of news_zh's tuning days ends so (clean text closes its
# brackets).
DAMAGED_SIGNATURE: Final = re.compile(r"[。！？…][^。！？…(（)），,；;：:]{4,30}[)）]\s*$")


# A one-line title group (kicker, headline and subheadline) runs longer than `heads_article` allows
# ('某某会议召开 某某勉励…作用，为…建功立业'). Right above a dateline, a line flow left open that is at most
# this long, with at most one comma and no other mark, is such a title: on the three tuning folders 2 of 2
# so placed are titles; the two paragraphs there (in the way of a long lead-in) have more commas or length.
DATELINE_TITLE_MAX: Final = 60


def long_title_over_dateline(b: Block) -> bool:
    """A long title line right above a dateline (`DATELINE_TITLE_MAX`): left open by flow, with at most one
    comma and no other punctuation mark."""
    t = b.text.strip()
    return b.role == TEXT and "open_end" in b.flags and len(t) <= DATELINE_TITLE_MAX and not never_title(t) \
        and sum(t.count(c) for c in "，,") <= 1 and not any(c in t for c in "。；;！？!?：:") \
        and patterns.DATELINE.match(t) is None


def bullet_points(text: str) -> bool:
    """A line of two or more points, each opened by a bullet ('●某甲措施●某乙措施')."""
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


SECTION_LABEL: Final = re.compile(rf"\p{{Han}}{{2,{SECTION_MAX}}}")


CLAUSE_MARKS: Final = frozenset(CLAUSE_PUNCT) | frozenset("、：:")  # clause punctuation, with the list and colon marks


def runs_across_clauses(text: str) -> bool:
    """Does `text` hold a clause or sentence mark before its last character? A piece cut from a paragraph at a
    column break runs across clauses (the stray fragments moved on the tuning splits and the fresh seed-6 pages
    are 48-116 characters, every one with several clauses), while a lead of one short clause ('某某喜迎新年。',
    opening with a noun, which flow's opening tables read as a continuation) is a whole sentence of its own:
    the opening odds alone moved such leads (review13)."""
    body = text.rstrip().rstrip("”’\"')）)")
    return any(c in CLAUSE_MARKS for c in body[:-1])


def glue(b: Block, nb: Block, head: str, rest: str, own: tuple[tuple[int, int], ...]) -> Block:
    """`nb` with `head` (what is kept of `b`, whose characters' origins are `own`) put before `rest` (`nb`'s text
    less its leading blanks): one block at `b`'s line whose every character keeps its source line and offset (the
    segment stage's rejoins of a dateline or a figure cut at a column break)."""
    shift = len(head) - (len(nb.text) - len(rest))
    return replace(nb, text=head + rest, line=b.line,
                   origin=own + tuple((max(0, o + shift) if j else len(head), ln)
                                      for j, (o, ln) in enumerate(nb.origin or ((0, nb.line),))))
