"""What a block is to `flow`: an open source, a possible target, an article start a join may not cross, and the
shape of its text (quotes and brackets opened or closed, its first and last sentence). The shared questions
the candidate, caption and splice passes all ask of one block live here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


from ...lm import WordLM
from ...model import BYLINE, JUMP, TEXT, TITLE, Block
from ... import patterns
from ...textutil import HAN_CLASS, display_width, ends_open, is_han, surely_longer
from ..normalize import TITLE_LIKE_MAX, is_title_like as _is_title_like


_title_like = lru_cache(maxsize=2048)(_is_title_like)  # asked of every block by several passes


def is_title_like(text: str) -> bool:
    """`normalize.is_title_like`, a long line answered before the cache (it is False past `TITLE_LIKE_MAX`)."""
    return not surely_longer(text, TITLE_LIKE_MAX) and _title_like(text)


def _is_furniture(text: str) -> bool:
    """`patterns.is_furniture`, a long line answered before its cache (it is False past `FURNITURE_MAX`)."""
    return not surely_longer(text, patterns.FURNITURE_MAX) and patterns.is_furniture(text)

STAGE: Final = "flow"
_CONT_START: Final = set("，、；：。！？）》”’,;:.!?)")


# the first characters a dateline can open with (`patterns.DATELINE`: 据 or an agency's name, or 【 of a
# lenticular one, '【本报北京电】'); any other dateline is another agency's '…社…电' (社 among the first seven
# characters) or an outlet's '…讯', which the pattern tries only with 讯 among the first ten characters
_DATELINE_FIRST: Final = frozenset("据【" + "".join(a[:1] for a in patterns.AGENCIES))


def opens_dateline(text: str) -> bool:
    """`patterns.DATELINE.match(text) is not None`, the pattern asked only of a text that can open a dateline
    by its first character, a 社 among its first seven, a 消息 among its first twelve or a 讯 among its first ten: the pattern call costs more than these string tests,
    which settle almost every block (flow asks each block up to four times per page)."""
    if text[:1] not in _DATELINE_FIRST and "讯" not in text[:10] and "社" not in text[1:7] and "消息" not in text[1:12]:
        return False
    return patterns.DATELINE.match(text) is not None


def is_end_byline(text: str) -> bool:
    """`patterns.END_BYLINE.match(text.strip()) is not None`, the pattern asked only of a text whose stripped
    form opens with one of its brackets (`patterns.BY_OPEN`)."""
    t = text.strip()
    return t[:1] in patterns.BY_OPEN and patterns.END_BYLINE.match(t) is not None


def _starts_article(b: Block) -> bool:
    if b.role in (BYLINE, JUMP) or (b.role == TITLE and b.marked):
        return True
    return b.role == TEXT and opens_dateline(b.text)


def heads_article(b: Block) -> bool:
    """A line that can stand over an article start: title-like, or short and unterminated with at most
    one comma ('甲，乙逝世'); a longer line with clauses is a cut paragraph, not a title."""
    t = b.text.strip()
    return b.role in (TEXT, TITLE) and (b.marked or is_title_like(t) or (
        0 < len(t) <= 36 and sum(t.count(c) for c in "，,") <= 1
        and t[-1] not in "。！？；;.!?…”’，、" and not opens_dateline(t)))


_QUOTE_PAIRS: Final = (("“", "”"), ("「", "」"))
_FULL_STOP_INSIDE: Final = re.compile(f"。(?=[{HAN_CLASS}0-9A-Za-z])")  # a sentence ending inside a line, plain text after it
_INNER_STOP: Final = re.compile(f"[！？；](?=[{HAN_CLASS}0-9A-Za-z])")  # the same for a question, an exclamation, a clause


def sentence_ends_inside(t: str) -> bool:
    """Does a full stop end a sentence inside the line with plain text after it ('…走出了困境。在')? The shape of
    `reads_as_cut_clauses` that holds for no title whatever its commas (`segment`'s `promote_heads` asks it alone of
    the line right above a byline)."""
    return _FULL_STOP_INSIDE.search(t) is not None


def reads_as_cut_clauses(t: str) -> bool:
    """Does a line read as a paragraph cut at a column's foot rather than as a title ('甲，乙逝世', which
    `heads_article` lets stand over an article; the caller asks for shortness and no closing mark)? It does when a
    full stop ends a sentence inside it and plain text goes on ('…是雨水。部分雨水'), and, in a line holding a comma,
    when it leaves a quotation open ('某人说，“只要大家…'), when a '？', '！' or '；' ends a clause inside it with
    plain text after (not '某某？——某某' nor '某某！（图片）'), or when it holds a list mark '、' ('甲、乙，都…').
    Of 1,819 titles (the gold of the tuning folders, fresh seeds 2/4/5/6 and the samples, and the tuning days'
    title lines) none leaves a quotation open, one has a sentence end with plain text after it (a picture's title
    ending '（图片）'), none a '？', '！' or '；' with plain text after, and one holds both '、' and a comma (over a
    '——' subheadline). A kicker with a comma of those shapes is rare and is lost (review42a: '抓生产、保供应，稳定
    物价' over a headline reads as the foot of the article above); so is one whose closing quote OCR lost two lines
    above a dateline. OCR leaves a quotation open when it reads a closing quote as another mark, so `segment`'s
    `promote_heads` asks it only of a line above a title line: such lines had been made kicker lines over the next
    article's title (session 42: 6 of the 14 comma lines it wrongly made titles on those folders)."""
    if sentence_ends_inside(t):
        return True  # (with or without a comma: '…走出了困境。在')
    if "，" not in t and "," not in t:
        return False  # (a comma-less line with an inner '？'/'！'/'；' may be a two-part kicker: '某某？记者走访某地')
    if any(t.count(a) > t.count(b) for a, b in _QUOTE_PAIRS):
        return True
    if _INNER_STOP.search(t) is not None:
        return True
    return "、" in t


def barriers(blocks: list[Block]) -> list[bool]:
    """Blocks a join may not cross: article starts and the title lines right above them."""
    starts = [_starts_article(b) for b in blocks]
    return _walls(blocks, starts, [s or is_end_byline(b.text) for b, s in zip(blocks, starts)])


def _walls(blocks: list[Block], starts: list[bool], out: list[bool]) -> list[bool]:
    """`barriers` from each block's `_starts_article` (`starts`) and that or `is_end_byline` (`out`, completed
    in place with the title lines over each article start)."""
    # the walks go down the page, each to the end of its run of title-like lines; a walk that starts inside
    # the run the last one covered (a '## ' title over a '## ' title) stops there, so a page of 30,000 title
    # lines is walked once, not once per line (review20a: 127 s)
    low = len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        if out[i] and i > 0 and starts[i]:
            j = i - 1
            while low > j >= 0 and heads_article(blocks[j]):
                out[j] = True
                j -= 1
            low = min(low, j + 1)
    return out


def _is_body(b: Block) -> bool:
    """A paragraph of running text (not a title, byline, caption credit or closing byline)."""
    return b.role == TEXT and not is_title_like(b.text) and not is_end_byline(b.text)


def is_source(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and _source_text(b.text)


class Shapes(NamedTuple):
    """What every block of a page is to the passes over it, asked once per page (`shapes`): `find_splices` and
    `candidates` both walk every block and asked each of them again (the texts' answers are cached, the calls
    and the per-block tests were not)."""

    sources: list[bool]  # `is_source`
    targets: list[bool]  # `is_target`
    title: list[bool]  # `is_title_like` of the text


def shapes(blocks: list[Block]) -> Shapes:
    """`is_source`, `is_target` and `is_title_like` of every block."""
    return Shapes([is_source(b) for b in blocks], [is_target(b) for b in blocks],
                  [is_title_like(b.text) for b in blocks])


def closed_source(blocks: list[Block], i: int) -> str:
    """Why open-looking block `i` is no paragraph cut mid-sentence, or '' when nothing says so. Its pairs are scored
    and a close one is logged, but it is never joined (`assign.scored`) and its article is not `truncated`:

    - it stops on a comma right after a verbatim copy of one of its own clauses (`ends_in_repeated_clause`): it
      ended before that copy, a misprint `dedup` then sends to noise;
    - it is a line of verse printed beside another of the same meter (`verse_meter`): its comma ends a line of
      the poem;
    - it is the text before a photo credit on one printed line (`read`'s flag `credited`: '某某在湖边拍照留念
      本报记者 某甲 摄'): a caption with no closing mark, which the credit closes (review29a);
    - it ends on '*' and a block of the page opens with one (`normalize`'s flag `footnoted`): a note's mark
      (review30a).

    (Not a shape `is_source` reads: the flow model's training pages keep their open blocks as they were.)
    """
    text = blocks[i].text
    if "credited" in blocks[i].flags:
        return "its source is a caption with its photo credit printed after it on the same line"
    if "footnoted" in blocks[i].flags:
        return "its source ends on the mark of a note a later block opens with ('…*' over '*注：…')"
    if ends_in_repeated_clause(text):
        return "its source ends on a copy of one of its own clauses"
    m = verse_meter(text)
    if m is not None and any(0 <= k < len(blocks) and blocks[k].role == TEXT and verse_meter(blocks[k].text) == m
                             for k in (i - 1, i + 1)):
        return "its source is a line of verse beside another of its meter"
    return ""


@lru_cache(maxsize=2048)  # (asked of a source by the scoring and again for its open end)
def ends_in_repeated_clause(text: str) -> bool:
    """Whether `text` stops on a comma or semicolon right after a clause that repeats an earlier clause of it
    verbatim (`dedup`'s `split_repeated_clause`, without its misread copies).

    On fresh tuning-day pages such copies had been joined to the next paragraph (join probability 0.6-0.8) and
    so kept from `dedup`; in clean tuning-day paragraphs cut at every comma and semicolon, 30 of 40,949 cuts end
    so (a speaker's '某某说，' said again), and a column break falls after a comma rarely.
    """
    t = text.rstrip()
    if t[-1:] not in ("，", "；"):
        return False
    from ..dedup.clauses import split_repeated_clause  # dedup imports flow's modules: import at call time
    return any(e >= len(t) for _, e in split_repeated_clause(t))


VERSE_METERS: Final = frozenset((5, 7))  # characters per line of classical verse (五言, 七言)
_VERSE_MARKS: Final = "，。；！？、"
_VERSE_CUT: Final = re.compile("[" + _VERSE_MARKS + "]")


@lru_cache(maxsize=2048)
def verse_meter(text: str) -> int | None:
    """The meter of a short line of verse: one to four clauses of the same 5 or 7 Han characters, each closed by
    a mark ('某某某某某某某，某某某某某某某。'); None for anything else. A line of prose rarely falls into equal
    clauses of those lengths, and two such lines side by side hardly ever do."""
    t = text.strip()
    if not t or len(t) > 32 or t[-1] not in _VERSE_MARKS:
        return None
    clauses = _VERSE_CUT.split(t[:-1])
    n = len(clauses[0])
    if n not in VERSE_METERS or len(clauses) > 4 or any(len(c) != n for c in clauses):
        return None
    return n if all("\u4e00" <= c <= "\u9fff" for c in t[:-1] if c not in _VERSE_MARKS) else None


def page_shapes(blocks: list[Block]) -> tuple[list[bool], Shapes]:
    """(`barriers(blocks)`, `shapes(blocks)`) from one pass over the blocks: the dateline and closing-byline
    tests are asked once per block (barriers and the target test asked both), the furniture test at most once
    (the source and the target test asked it apart)."""
    n = len(blocks)
    starts, out, sources, targets = [False] * n, [False] * n, [False] * n, [False] * n
    furniture = _is_furniture
    for k, b in enumerate(blocks):
        t, role = b.text, b.role
        end = is_end_byline(t)
        if role == TEXT:
            start = opens_dateline(t)
            if t:
                fur = None
                if ends_open(t):  # (`_source_text`)
                    fur = furniture(t)
                    sources[k] = not fur
                if not (start or end):  # (`_target_text`)
                    targets[k] = not (furniture(t) if fur is None else fur)
        else:
            start = role in (BYLINE, JUMP) or (role == TITLE and b.marked)  # (`_starts_article`)
        starts[k] = start
        out[k] = start or end
    return _walls(blocks, starts, out), Shapes(sources, targets, [is_title_like(b.text) for b in blocks])


def is_target(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and _target_text(b.text)


@lru_cache(maxsize=2048)
def _source_text(text: str) -> bool:
    return ends_open(text) and not patterns.is_furniture(text)


@lru_cache(maxsize=2048)
def _target_text(text: str) -> bool:
    return not opens_dateline(text) and not is_end_byline(text) and not patterns.is_furniture(text)


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


_OPEN, _CLOSE = "“‘（(《〈【", "”’）)》〉】"
_PAIR: Final = dict(zip(_CLOSE, _OPEN))


_BRACKET: Final = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


def unclosed(text: str) -> bool:
    """A quote or bracket opened and not closed: the sentence goes on."""
    depth = 0
    for c in _BRACKET.findall(text):  # only the marks matter: skip the text between them
        if c in _OPEN:
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0


_CLOSER: Final = re.compile("[" + re.escape(_CLOSE) + "]")
_PAIRS: Final = tuple(_PAIR.items())  # (closing mark, its opening mark)


def first_unopened(text: str) -> int:
    """Where the first closing quote or bracket stands whose opening one did not come before it, in the first
    200 characters (-1: none). A head with no closing mark (two blocks in three) is settled by one pattern
    search; else, of each kind of closing mark only the first can be that one (an opening mark before it stands
    before every later one too): one `find` for the mark and one for its opening mark before it, in C (the
    pattern's walk over every closing mark, a match object each, cost three times more compiled; `target` asks
    it of every candidate continuation)."""
    if _CLOSER.search(text, 0, 200) is None:
        return -1
    first = -1
    for close, open_ in _PAIRS:
        k = text.find(close, 0, 200)
        if k >= 0 and (first < 0 or k < first) and text.find(open_, 0, k) < 0:
            first = k
    return first


def unopened(text: str) -> bool:
    """A closing quote or bracket before any opening one: the block starts inside a quotation."""
    return first_unopened(text) >= 0


def _head_end(text: str, hl: int) -> int:
    """The end of the first sentence (`hl` = `head_len`) with the closers after its end mark."""
    k = hl
    while k < len(text) and text[k] in _CLOSE:
        k += 1
    return k


def head_unopened(text: str) -> bool:
    """`unopened` within the block's first sentence (its end mark and the closers after it included):
    a stray bracket further on is more often OCR noise than a quotation begun in another block."""
    return 0 <= first_unopened(text) < _head_end(text, head_len(text))


def tail_len(text: str) -> int:
    """Characters after the last sentence end: the length of the unfinished sentence.

    (The other three marks are looked for only after the last 。: a mark before it cannot be the last end, and
    three searches over a long paragraph that holds no ！, ？ or ； cost more than the one search that found 。)"""
    k = text.rfind("。")
    for mark in "！？；":
        j = text.rfind(mark, k + 1)
        if j > k:
            k = j
    return len(text) - k - 1


_SENTENCE_END: Final = re.compile("[。！？；]")


def head_len(text: str) -> int:
    """Characters up to the first sentence end, included (the whole block when there is none)."""
    m = _SENTENCE_END.search(text)
    return m.start() + 1 if m else len(text)


# A block whose first sentence closes within its first few characters ('根据地。…', '“某某”。把…') and goes on after
# it: a paragraph seldom opens with a sentence that short, a piece of a sentence cut at a column break often does.
# Asked of a block up to `CUT_HEAD_REACH` blocks after an open block that stops on a Han character (mid-phrase, no
# clause mark) and that the join model scored 0.2 to the threshold (`assign.cut_sentence`): on the synthetic tuning
# split and fresh seeds 2, 4, 5, 21 such pairs were then joined, all joins by the gold; on fresh seeds 6 and 12 and
# the samples 10 more, all joins. After a comma a new clause may be that short ('…欠了一笔债，' | '岁月悠悠。…',
# fresh seed 12): the source must stop mid-phrase.
SHORT_HEAD: Final = 6  # characters of the first sentence, its closing mark included
SHORT_HEAD_MIN_P: Final = 0.2  # the join probability such a pair needs before the shape lifts it to the threshold
CUT_HEAD_REACH: Final = 4  # blocks on that such a continuation may stand (a column's other pieces printed between)


def short_first_sentence(text: str) -> bool:
    """Does the block's first sentence close within `SHORT_HEAD` characters, with text after it ('会见。此前，…';
    the closers after its mark belong to it: '“某某”。' is that sentence)? A whole block of one short sentence is
    a line of its own (a slogan, a caption), not a cut."""
    hl = head_len(text)
    return hl <= SHORT_HEAD and _head_end(text, hl) < len(text.rstrip())


def stops_mid_phrase(text: str) -> bool:
    """The block stops on a Han character: no clause mark, closing quote or bracket ends it."""
    t = text.rstrip()
    return bool(t) and is_han(t[-1])


# a quoted word or phrase closed and followed at once by a clause or sentence mark: '“某某”。把…' ends a
# sentence its source began (a paragraph seldom opens with one; the tuning gold has 9 of 875)
_QUOTE_WORD: Final = re.compile("[“‘][^”’“‘。！？]{1,10}[”’][。！？；，、]")


def opens_with_quoted_word(text: str) -> bool:
    return _QUOTE_WORD.match(text) is not None


def is_garbage_target(text: str, lm: WordLM) -> bool:
    """`segment.is_garbage`: short OCR debris (spaced-out scraps that make no words) continues no paragraph.

    Asked through segment's `PageLM`, which gives the model's answers (the same numbers) but mostly decides
    `has_word` without segmenting: a two-character word more likely than its two characters apart; a bare model
    segmented every unspaced line of six Han characters or more (two thirds of the test's cost; speed35f)."""
    if len(text) > 30:
        return False  # `is_garbage` calls no longer text debris: skip its character counts
    from ..segment import is_garbage  # segment imports this module: import at call time
    from ..segment.words import PageLM
    return is_garbage(text, lm if isinstance(lm, PageLM) else PageLM(lm))


def debris_kind(text: str, lm: WordLM | None) -> str:
    """'marks alone' or 'OCR debris' (`is_garbage_target`, asked only with a model) when `text` is no text a paragraph
    holds, else '': what `assign.scored` excludes as a join's target or source, and `benchmarks.join_tally` counts."""
    if not any(map(str.isalnum, text)):
        return "marks alone"
    return "OCR debris" if lm is not None and is_garbage_target(text, lm) else ""


# a figure cut at a break: a short run of digits closing the block after Chinese text (one mark between at most,
# or a closing quote or bracket and a mark: '“工委”、19' | '48年…', rest48; no decimal point or other digit before
# it) and a run opening the next block that a unit, a word or a decimal part follows (not a list number's '、' or
# '．'; no space either side: figures set apart by spaces are a table's cells)
_BEFORE_TAIL: Final = r"[\u4e00-\u9fff][”’）》]?[^\u4e00-\u9fff0-9.·．%\s]?"  # Chinese text, then a closer and a mark at most
_FIGURE_TAIL: Final = re.compile(_BEFORE_TAIL + r"([0-9]{1,3})$")
_FIGURE_HEAD: Final = re.compile(r"([0-9]{1,4})(?:[^0-9、．.)）\s]|[.·][0-9])")
# the date units whose figures have a known shape: a year of 2 or 4 digits, a month of 1-12, a day of 1-31
_DATE_RANGE: Final = {"年": None, "月": (1, 12), "日": (1, 31), "号": (1, 31)}
FIGURE_CUT_P: Final = 0.99  # the join probability such a pair is given (the model had missed 15 of the 92 such pairs at the next block, 5 of 29 one further on)


def reads_as_date(digits: str, unit: str) -> bool:
    """Whether `digits` read as a figure of the date `unit` (a key of `_DATE_RANGE`): a year of 2 or 4 digits, a
    month 1-12, a day 1-31 (`cuts_figure` and `cuts_date_unit` ask it)."""
    span = _DATE_RANGE[unit]
    if span is None:
        return len(digits) in (2, 4)
    return span[0] <= int(digits) <= span[1]


# a date's figure closing a block after Chinese text ('…1954', '…1月8') whose unit opens the next block
# ('年在日内瓦…', '日跌至…'): the figure's digits are whole, the cut fell between them and their unit (`cuts_date_unit`,
# rest48). Only at the next block (review48a: two or three blocks on, such a pair overrode the nearer block that
# really went on, '…达到1200' | '万人次…' | '年内，…', and crossed a headline to the next story's '年底前…'); never
# from a title-like source ('回眸2023' | '年终岁末…', `assign.scored`)
_DATE_TAIL: Final = re.compile(_BEFORE_TAIL + r"([0-9]{1,4})$")
DATE_UNIT_REACH: Final = 1
_DAY_UNITS: Final = frozenset("日号")


def _ends_on_digit(a: str) -> bool:
    """Can a pattern that ends with `[0-9]$` match in `a`: does `a` end with an ASCII digit, or with one and a
    final newline (where `$` also matches)? A necessary test, one slice each, before a search that tries every
    position of the block (`cuts_date_unit`: 20 M of flow's 739 M instructions over 40 tuning pages, compiled)."""
    last = a[-1:]
    if last == "\n":
        last = a[-2:-1]
    return "0" <= last <= "9"  # (an empty text: "" sorts before "0")


def cuts_date_unit(a: str, b: str, lm: WordLM) -> bool:
    """Does block `a` stop on a date's figure whose unit opens block `b` ('…1954' | '年在日内瓦…', '…1月8' | '日跌至
    …')? The figure reads as that unit's (a year of 2 or 4 digits, a month 1-12, a day 1-31, as `cuts_figure` asks),
    and a day's unit opens no dictionary word ('日本', '日前', '号召' open paragraphs: 日 or 号 is then no unit; a
    month's 月 may open one: '10' | '月底…' is a date). On the synthetic tuning split and fresh seeds 2, 4, 5 and 6,
    the 26 such pairs up to three blocks on (17 at the next block) were all gold joins; the model had missed 6 of
    the 26, their source's digits left hanging."""
    if b[:1] not in _DATE_RANGE or not _ends_on_digit(a):
        return False  # (the pattern's search scans the whole block: asked of every pair at the next block)
    m = _DATE_TAIL.search(a)
    if m is None:
        return False
    digits = m.group(1)
    if _DATE_RANGE[b[0]] is not None and (len(digits) > 2 or (b[0] in _DAY_UNITS and lm.has(b[:2]))):
        return False  # a month's or a day's figure is of one or two digits; 日本, 号召 open no date
    return reads_as_date(digits, b[0])


def cuts_figure(a: str, b: str) -> bool:
    """Does block `a` stop inside a figure that block `b` goes on with ('…要定制120' | '0只铝桶…', '…去年1' | '1月…')?
    The digits read as one number, a date read as a possible date ('…7月2' | '8月…' would be a 28th month): on the
    synthetic tuning split and fresh seeds 2, 4, 5, 6, 12 and 13, 92 such pairs at the next block, 91 of them
    joins (the model had missed 15), and 29 of 29 one block further on (5 missed)."""
    if not a[-1:].isdigit() or not b[:1].isdigit():
        return False
    tail, head = _FIGURE_TAIL.search(a), _FIGURE_HEAD.match(b)
    if tail is None or head is None:
        return False
    digits = tail.group(1) + head.group(1)
    unit = b[len(head.group(1))]
    return unit not in _DATE_RANGE or reads_as_date(digits, unit)
