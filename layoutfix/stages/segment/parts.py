"""The part role of one block on its own: title, text, table, byline, credit, jump, end byline or noise.

`part_role` is the first role pass (`roles.block_roles` starts from it) and the test `split_glued_titles` puts
to a piece cut off a paragraph; it looks at the block's text only, its neighbours come later in `roles`.
"""
from __future__ import annotations

from typing import Final

import regex as re

from ...lm import surnames
from ...model import BYLINE, CREDIT, JUMP, NOISE, TABLE, TEXT, TITLE, Block
from ... import patterns
from ...textutil import is_han
from ..flow.words import last_word
from ..normalize import TITLE_LIKE_MAX, is_title_like
from .shapes import DASH_SUB, HAN, SUBHEAD_LINE_MAX, never_title, printed_run
from .words import ends_with_name, is_garbage, is_rule_line, latin_debris, opening_odds, organisation_alone, word_model, word_tags

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


GLUED_NAMES: Final = 4  # a closing 'name' longer than this, with no role word before it, may be no single name
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


# One-character words a line cut off mid-sentence stops on: jieba's prepositions ('p': 在, 对), conjunctions ('c':
# 和) and the particles 的 ('uj') and 着 ('uz'). A preposition or conjunction wants what follows it: of the 1,285
# title parts ('——' split) of the People's Daily tuning days 1998-01-01..16 none ends on one (but a headline read
# with a word the dictionary lacks), and of the 498 titles of review16a's THUCNews pages 10 do, 8 of them sentences
# the converter cut into the title (an invented shape: '某游戏的新版本已经在' over '某月某日开启…'), 2 a verb jieba
# tags as a preposition (用) or a word split by the segmentation. A title may end on 的 or 着 ('某某是怎样建成的',
# '读某书想到的'; 2 of those 1,285 and 1 of the 498), so such a line is a piece of a paragraph only when the block
# after it continues it (`continues_cut_line`): '工作组还走访了村里的' over '养殖户。…' (an invented example), cut at
# a column break and read across. ('了', '得' and '等' end titles: '某某来了'.)
CUT_TAGS: Final = frozenset(("p", "c", "uj", "uz"))
WANTS_OBJECT: Final = frozenset(("p", "c"))  # of CUT_TAGS, the tags no title ends on


def stops_on_function_word(t: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does the line stop on a one-character function word (`CUT_TAGS`), where a sentence may go on? A line
    holding a '——' subheadline is left alone."""
    c = t[-1:]
    if lm is None or not c or not is_han(c) or word_tags().get(c) not in CUT_TAGS or "——" in t:
        return False  # (the cheap tests first: most lines end in no such character)
    return len(last_word(word_model(lm), t)) == 1


def continues_cut_line(line: str, after: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is `after`, the body text printed next, the rest of `line`, a short line that stops on 的 or 着? It is
    when the line stops on a preposition or conjunction (`WANTS_OBJECT`: no title does), when `after` opens
    like the continuation of a paragraph rather than its start (flow's learned opening odds below 0:
    '养殖户。…', '的脚步'), or when the word LM reads a word across the cut ('…的' over '士…': 的士)."""
    if word_tags().get(line[-1:]) in WANTS_OBJECT:
        return True
    return bool(after) and (opening_odds(after, lm) < 0.0 or word_across(line, after, lm))


def word_across(left: str, right: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does the best segmentation of the last and first four characters around the cut hold a word across it?"""
    a = left[-4:]
    pos = 0
    for w in word_model(lm).segment(a + right[:4]):
        if pos + len(w) > len(a):
            return pos < len(a)
        pos += len(w)
    return False


# A printed line's wrap left inside a word: a space between two Han characters that cuts a dictionary word ('…一些具
# 体项目', '…参加了会 见'). Normalize keeps the spaces of a title-shaped line for `segment` (a title's parts are set
# apart by them), and a column's body line cut off its paragraph keeps the wrap spaces its printed lines left. On
# synthetic tune, real_ocr_tune and real-OCR fresh seeds 2 and 4, of the title and subhead lines holding a space
# between two Han characters, 20 have one that cuts a word (the segmentation of the four characters on each side
# holds a word across it), all of them gold paragraph text (10 had been title lines, 10 subheads), and none of the 76
# such lines that are gold titles (lines of the dump, not titles) has one: a title's space stands between its parts.
# Two more tests keep a title's own spaces out (review48b): the run left of the space must be a printed line's worth
# (`WRAPPED_RUN`: letter-spacing, '社 论 某某', '王 国 庆', leaves runs of one character), and the word across it must be
# a strong one (`WRAP_GAIN_MIN`, the LM's `join_gain` of the four characters either side): a two-part headline may
# read a weak word across its space ('一带一路 路通财通' 1.78; of 20,000 pairs of one day's People's Daily headlines
# set apart by a space, 24 read a word across, with gains of at most 3.48). The wraps of the gold paragraph lines on
# the folders above and synthetic fresh seeds 2 and 4 gain 3.85-21.9 at their strongest space (one OCR-garbled list
# line, real_ocr_tune heavy 009, 2.98, is no longer read so). A line whose first run is short opens with a label or a
# title part set apart ('金奖 某县农民合唱 团'), not with a printed line's text: every wrapped paragraph line above opens
# with a run of 4 or more.
WRAP_SPACE: Final = re.compile(r"(?<=\p{Han}) (?=\p{Han})")
WRAPPED_MIN: Final = 6  # characters other than spaces in the line, at least
WRAPPED_RUN: Final = 4  # the line's first run and the run left of the wrap are at least this long (names' runs are short)
WRAP_GAIN_MIN: Final = 3.6  # between the strongest title pair (3.48) and the weakest paragraph line's wrap (3.85)


def wrapped_inside_word(t: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does the line, opening with a run of `WRAPPED_RUN` or more characters, hold a printed line's wrap inside a word
    (`WRAP_SPACE` after a run of `WRAPPED_RUN` or more, a dictionary word across it that the LM reads as one with a
    `join_gain` of `WRAP_GAIN_MIN` or more)? Then it is body text cut off its paragraph, never a title."""
    if lm is None or " " not in t or len(t) - t.count(" ") < WRAPPED_MIN or len(t.split()[0]) < WRAPPED_RUN:
        return False  # (the cheap tests first: most title-shaped lines hold no space; a label or letter-spacing opens short)
    for m in WRAP_SPACE.finditer(t):
        run = t[:m.start()].split()[-1]
        if len(run) >= WRAPPED_RUN and word_model(lm).join_gain(run, t[m.end():].split()[0]) >= WRAP_GAIN_MIN:
            return True  # (a gain above 0 is a word across the space: the best segmentation joined beats the two apart)
    return False


ROLL_RUNS: Final = 3  # runs set apart by spaces in a row of a roll of names (two may be a kicker and its headline)


def name_roll(t: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is the line a row of a list of names: `ROLL_RUNS` or more runs set apart by spaces, each a unit or
    position ending with a person's name (`words.ends_with_name`: '某县某小学某甲 某镇某中学某乙 …')? Such a row
    has a title's shape (no clause mark) but is the text of the list it belongs to, as a roll of honour prints
    its names under a numbered heading (spec_ocr29: the first row read as the headline of a new item, the last
    sent to noise as a title with no article under it)."""
    runs = t.split()
    return len(runs) >= ROLL_RUNS and lm is not None and all(ends_with_name(r, lm) for r in runs)


# The longest line `patterns.ROLE_ONLY` can match with no space in it: a bullet and the longest role word
# (a test pins the pattern's shape); longer lines skip the pattern call.
ROLE_ONLY_MAX: Final = 1 + max(map(len, patterns.ROLE_WORDS))


# The longest line `patterns.is_furniture` can take for furniture (its first test turns longer ones away): a paragraph
# skips the call, which its cache rarely answers (most blocks are asked once, after `flow`).
FURNITURE_MAX: Final = patterns.FURNITURE_MAX


BULLET_LABEL: Final = re.compile(rf"[{patterns.BULLETS}][ \u3000]*\p{{Han}}{{2,8}}")  # a bullet and a short name, nothing else


# The paper's mark of a picture item's title: '某某迎新年（图片）'. Of the gold of the tuning folders, fresh seeds 2, 4, 5,
# 6, 12, 13, real_ocr_tune and the samples, 338 headlines end so and no paragraph or caption does; the 5 such lines
# `is_title_like` refused for the clause marks inside ('“某某，某某！”（图片）' over the cartoonist's '（某甲作）') had
# been read as the last paragraph of the article above (session 36).
def names_a_picture(t: str) -> bool:
    """Does the line end in the mark '（图片）' after words of its own: a picture item's title? Words of its own: a Han
    character after the line's last opening bracket before the mark (read from the end: a pattern searched from each
    start was quadratic on a long line ending so, review36a)."""
    if not (t.endswith(("图片）", "图片)")) and t[-4:-3] in ("（", "(")):
        return False
    head = t[:-4]
    return HAN.search(head, max(head.rfind("（"), head.rfind("(")) + 1) is not None


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
    if len(t) <= FURNITURE_MAX and patterns.is_furniture(t):
        return NOISE  # editor lines, page-header dates, hotlines
    if is_rule_line(t):
        return NOISE  # a printed rule or box debris: '-----', '■■■ ||| ~~~' (a section break '＊＊＊' is text)
    if not b.marked and latin_debris(t):
        return NOISE  # Han-less scraps with a sign of misreading: 'I1 1 -', '/ 1' (`never_title` below calls them text;
        # a line the dump marked '## ' is a heading however it reads: '## H2 O')
    if (len(t) <= ROLE_ONLY_MAX or " " in t or "\u3000" in t) and patterns.ROLE_ONLY.fullmatch(t):
        return "lead"  # '本报评论员' with no name: the article prints it as its first line
    if len(t) > TITLE_LIKE_MAX and not b.marked:
        return TEXT  # (too long for a '——' subheadline or a title: the tests below all say text)
    if b.marked:
        return TITLE
    if printed_run(b):
        return TEXT  # lines of verse or a list read as one paragraph (`shapes.printed_run`)
    if t[:1] in patterns.BULLETS and BULLET_LABEL.fullmatch(t):
        return TITLE  # '■一线调查', '◆教育视窗': a column's name opened by a bullet (review28a; `title_parts` decides
                      # section or kicker); no line of the tuning folders or the samples has this shape
    if never_title(t):
        return TEXT  # '●某年投资某亿元…', '（某年某月某日）', '三、…': never a title on the tune split
    if organisation_alone(t):
        return TEXT  # a unit's name alone signs the piece above it (`words.organisation_alone`)
    if t.startswith("——") and len(t) <= SUBHEAD_LINE_MAX:
        return DASH_SUB  # '——某地查处某某问题': a subheadline if it stands under a title
    if names_a_picture(t):
        return TITLE  # '“某某，某某！”（图片）': a cartoon's or photo's title, clause marks and all
    if is_title_like(t) and not t.endswith(("。", "！", "？")):
        if is_garbage(t, lm):
            return NOISE
        if t.count(" ") >= ROLL_RUNS - 1 and name_roll(t, lm):
            return TEXT  # a row of a roll of names (spaces counted first: few title-like lines hold two)
        return TITLE
    return TEXT
