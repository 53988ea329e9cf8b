"""Stage `normalize`: character-level clean-up that needs no language model (the default word model only tells
a slogan's separator from a line-wrap space inside a short quote).

Each fix is a small named function over one string that returns the new
string and the (before, after) characters it replaced. The stage logs one
edit per place a fix changed, found by comparing the text before and after
the fix (so a change a fix does not report, such as a no-break space made
plain, is logged too), with its offset: `layoutfix.audit` redoes or undoes
a block's edits exactly. The fixes, in the order they run:

- `strip_invisible`    zero-width and control characters
- `fold_fullwidth`     full-width digits and Latin letters to ASCII (％ and ． inside numbers, ． and ＠ inside a web or
                       e-mail address too)
- `to_simplified`      traditional and variant glyphs to simplified with OpenCC
- `fix_quotes`         「」『』 to “”‘’, the mainland convention the gold uses
- `fix_ellipsis`       a half-width ellipsis ('...', '......') after Chinese text to the Chinese one (……)
- `fix_punct_width`    half-width ,.:;!?()"'<> to full-width in Chinese context
- `fix_bracket_pairs`  an angle-bracket opener closed by a round ） back to （ (OCR's reading of （)
- `fix_ocr_end_quote`  an opening quote ending a block (OCR's: no line ends on one) closes the block's open quotation,
                       or goes
- `fix_ocr_bullet`     '@@' beside Chinese text, or '@' after a line's first character, back to the bullet ● (a lone '@' is a handle)
- `fix_ocr_stop`       a body block's last mark that OCR makes of a full stop (<, >, -, *, =, |, 。，) back to 。
- `remove_wrap_spaces` spaces that line wrapping left between Chinese characters

and, over the page, `figure_stops`: a half-width stop closing a block after a figure is a sentence's end unless the
text after it goes on with digits (a decimal cut at a column break).

Spaces are only removed in body text: title-like lines keep theirs for
`segment` (a space there may separate a kicker from a headline), and bylines
and credits keep theirs because they separate names.
"""
from __future__ import annotations

import unicodedata
import re as stdre
from dataclasses import replace
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import islice
from collections.abc import Iterable
from typing import Callable

import regex as re
from rapidfuzz.distance import Levenshtein, Opcode

from ..config import Config
from ..model import BYLINE, CREDIT, JUMP, TABLE, TEXT, TITLE, Block, Edit, Page
from .. import patterns
from ..textutil import CLAUSE_PUNCT, HAN_CLASS, display_width, is_cjkish, is_han, space_runs, surely_longer

STAGE = "normalize"
Fix = tuple[str, list[tuple[str, str]]]

_ASCII_PUNCT = re.compile(r"[,.:;!?()\"'<>]")
# A web address is printable ASCII, with hanzi only as a path or query part (after / = ? &), and ends on a
# character an address can end on: Chinese text has no space after it, so `\S+` would protect (and leave
# half-width) every mark to the end of the line.
_PROTECT = re.compile(r"(?:https?://|www\.)(?:[!-~]|(?<=[/=?&])\p{Han}+(?=[!-~]))*"
                      r"(?:[A-Za-z0-9/=#_~-]|(?<=[/=?&])\p{Han}+)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_OPEN_CTX = set("：（《“‘「『(【〈 \t")
_CLOSE_CTX = set("，。：；！？、）》”’」』)】〉")


_INVISIBLE = re.compile(r"[\p{Cf}\p{Cs}\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u3000\u2002\u2003\u2009\u202f\ufffe\uffff]")
# the small forms of the ASCII-like signs (U+FE58, FE5B-FE5C, FE5F-FE6B): each its full-width form, which the
# rules below then read as any full-width sign ('5﹪' is '5%'); the small marks of Chinese text are `_MARK_FORMS`
_SMALL_SIGNS = {"﹘": "—", "﹛": "｛", "﹜": "｝", "﹟": "＃", "﹠": "＆", "﹡": "＊", "﹢": "＋", "﹣": "－", "﹤": "＜",
                "﹥": "＞", "﹦": "＝", "﹨": "＼", "﹩": "＄", "﹪": "％", "﹫": "＠"}
_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．＠／：\ufe58\ufe5b\ufe5c\ufe5f-\ufe6b]")


# a terminal's escape sequence ('\x1b[31m' colours what follows red): a dump piped from a terminal may hold them,
# and the characters after the ESC are part of the control, not text (ftfy's `remove_terminal_escapes` reads the
# CSI form; its one-byte C1 form and an OSC string, '\x1b]0;a window title\x07', go whole too: review21a found
# the OSC's ']' made the digit 1 by `fix_ocr_one`). An OSC with no terminator on its line loses its ESC only.
_TERMINAL_ESCAPE = re.compile(r"(?:\x1b\[|\x9b)[0-9;?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]{0,256}(?:\x07|\x1b\\|\x9c)")


def strip_invisible(text: str) -> Fix:
    """Zero-width and control characters removed (a terminal escape sequence whole), odd spaces made plain."""
    if not _INVISIBLE.search(text):
        return text, []
    out, changes = [], []
    skip_to = 0
    for i, c in enumerate(text):
        if i < skip_to:
            continue
        if c in "\x1b\x9b\x9d" and (m := _TERMINAL_ESCAPE.match(text, i)):
            changes.append((m.group(), ""))
            skip_to = m.end()
            continue
        cat = unicodedata.category(c)
        # (U+FFFE, U+FFFF and lone surrogates too: XML cannot carry them, so the XML would lose them unlogged)
        if (cat in ("Cf", "Cs") or (cat == "Cc" and c not in "\t\n") or c in "\ufffe\uffff") and c != "\u3000":
            changes.append((c, ""))
        elif c in "\u00a0\u3000\u2002\u2003\u2009\u202f":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out), changes


def _latin(c: str) -> bool:
    """An ASCII or full-width Latin letter or digit."""
    return c.isascii() and c.isalnum() or "\uff10" <= c <= "\uff19" or "\uff21" <= c <= "\uff3a" or "\uff41" <= c <= "\uff5a"


def _lower(c: str) -> bool:
    """An ASCII or full-width lower-case Latin letter."""
    return "a" <= c <= "z" or "\uff41" <= c <= "\uff5a"


def fold_fullwidth(text: str) -> Fix:
    """Full-width Latin letters and digits to ASCII, and the full-width signs where they are part of Latin text
    or a figure ('５％', '３．５', an address's '．' and '＠'); a small sign ('﹪', '﹣') to its full-width form first."""
    if not _FULLWIDTH.search(text):
        return text, []
    out: list[str] = []
    changes: list[tuple[str, str]] = []
    n = len(text)
    for i, small in enumerate(text):
        c = _SMALL_SIGNS.get(small, small)
        o = ord(c)
        if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            r = chr(o - 0xFEE0)
        elif c == "％" and i > 0 and (text[i - 1].isdigit()):
            r = "%"
        elif c == "．" and 0 < i < n - 1 and _digitish(text[i - 1]) and _digitish(text[i + 1]):
            r = "."
        elif c in "．＠" and 0 < i < n - 1 and _latin(text[i - 1]) and _latin(text[i + 1]) \
                and (c == "＠" or _lower(text[i - 1]) or _lower(text[i + 1])):
            # inside a web or e-mail address (review24a: 'www．example．com', 'abc＠example．cn'); a stop between
            # capitals is an initial's, which the gold keeps full-width ('C．B．')
            r = chr(o - 0xFEE0)
        elif c == "／" and 0 < i < n - 1 and _latin(text[i + 1]) \
                and _ADDRESS.search("".join(out[-80:])) is not None:
            r = "/"  # a path's slash after a web address ('www.example.com／news', review26a)
        elif c == "：" and text[i + 1:i + 3] in ("//", "／／") and text[max(0, i - 5):i].lower().endswith(("http", "https")):
            r = ":"  # the scheme's colon ('http：//', review26a)
        elif c == "／" and "".join(out[-7:]).lower().endswith(("http:", "https:", "http:/", "https:/")):
            r = "/"  # the scheme's slashes ('http：／／', review27a)
        elif c != small:
            r = c  # (a small sign no rule above folds further: its full-width form)
        else:
            out.append(c)
            continue
        out.append(r)
        changes.append((small, r))
    return "".join(out), changes


# the half-width, vertical and small forms of Chinese marks (U+FF61-FF64, U+FE10-FE16, U+FE50-FE5E), each its one
# full-width mark
_MARK_FORMS = {"｡": "。", "､": "、", "｢": "「", "｣": "」", "︐": "，", "︑": "、", "︒": "。", "︓": "：", "︔": "；",
               "︕": "！", "︖": "？",
               # the small forms (U+FE50-FE5E; review24a: a paragraph ended by '﹒' read as cut); the small stop is
               # '．', which ends a sentence as '。' below and stays a dot between figures
               "﹐": "，", "﹑": "、", "﹒": "．", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "﹙": "（", "﹚": "）",
               "﹝": "〔", "﹞": "〕"}
_MARK_FORM = re.compile(f"[{''.join(_MARK_FORMS)}．]")


def fold_mark_forms(text: str) -> Fix:
    """A half-width, vertical or small form of a Chinese mark ('｡', '︒', '﹐') to the mark itself, and a full-width stop
    '．' that ends a Chinese sentence (a Han character or a closing mark before it, no Latin letter or digit after)
    to '。': only '。' closes a paragraph for flow, which read every paragraph so ended as cut and joined them
    all (review23a). ('．' between digits is a decimal point: `fold_fullwidth`.)"""
    if not _MARK_FORM.search(text):
        return text, []
    out, changes = list(text), []
    for m in _MARK_FORM.finditer(text):
        i, c = m.start(), m.group()
        r = _MARK_FORMS.get(c, "．")
        if r == "．":  # '．' or the small stop '﹒'
            left, right = _neighbors(text, i)
            if (is_han(left) or (left != "" and left in "”’）》") or _ends_address(text, i)) \
                    and not (right.isascii() and right.isalnum()):
                r = "。"
            elif c == "．":
                continue
            elif _digitish(left) and _digitish(right):
                r = "."  # a decimal point, as `fold_fullwidth` reads '．' between figures
        out[i] = r
        changes.append((c, r))
    return "".join(out), changes


# 'www.example.com', 'abc@example.cn', 'www.example.com/news/2024' (a path after the host, review26a)
_ADDRESS = re.compile(r"(?:[A-Za-z0-9_\-]+[.@])+[A-Za-z]{2,}(?:/[A-Za-z0-9_\-.~%/=?&#]*)?$")


def _ends_address(text: str, i: int) -> bool:
    """Whether text[:i] ends in a web or e-mail address (its stops folded by `fold_fullwidth`) with a Chinese
    character after the stop at i: then that stop ends the sentence (review25a: 'www.example.com．市民…')."""
    return i + 1 < len(text) and is_han(text[i + 1]) and _ADDRESS.search(text, max(0, i - 80), i) is not None


def _digitish(c: str) -> bool:
    return c.isdigit()


@lru_cache(maxsize=4)
def _opencc(config_name: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config_name)


@lru_cache(maxsize=1)
def standard_chars() -> frozenset[str]:
    """The 8,105 characters of the Table of General Standard Chinese Characters (shipped data file)."""
    from importlib.resources import files

    text = files("layoutfix").joinpath("data/general_standard_chars.txt").read_text(encoding="utf-8")
    return frozenset(c for line in text.splitlines() if not line.startswith("#") for c in line.strip())


TRADITIONAL_SHARE = 0.1  # a block with at least this share of characters outside the standard table is traditional


def to_simplified(text: str, conversion: str | None = "t2s") -> Fix:
    """Traditional and variant characters to simplified with OpenCC.

    OpenCC's t2s also rewrites characters that are simplified already where
    they are written the traditional way elsewhere (乾 in names to 干, 坏 to
    坯). In a block written in simplified characters, which is almost every
    block of a mainland page, only characters outside the Table of General
    Standard Chinese Characters are converted. A block in which at least
    `TRADITIONAL_SHARE` of the Han characters lie outside the table is
    traditional text and is converted whole, phrases included (乾燥 to 干燥).
    """
    if not conversion or all(ord(c) < 0x3400 for c in text):
        return text, []
    new = _opencc(conversion).convert(text)
    if new == text:
        return text, []
    if len(new) == len(text):
        std = standard_chars()
        han = [c for c in text if is_han(c)]  # not full-width marks: they are outside the table too
        outside = sum(1 for c in han if c not in std)
        if outside < TRADITIONAL_SHARE * len(han):
            new = "".join(b if a not in std else a for a, b in zip(text, new))
        return new, [(a, b) for a, b in zip(text, new) if a != b]
    return new, [(text, new)]


def fix_quotes(text: str) -> Fix:
    table = {"「": "“", "」": "”", "『": "‘", "』": "’"}
    changes = [(c, table[c]) for c in text if c in table]
    if not changes:
        return text, []
    return "".join(table.get(c, c) for c in text), changes


_DOT_LOOKALIKES = "\u2022\u2027\u30fb\u2219\u22c5\uff65"  # • ‧ ・ ∙ ⋅ ･
_INTERPUNCT = re.compile(f"(?<=[{HAN_CLASS}A-Za-z0-9“”》）])[{_DOT_LOOKALIKES}](?=[{HAN_CLASS}A-Za-z0-9“《（])")


def fix_interpunct(text: str) -> Fix:
    """A bullet or other look-alike dot between two words is the separator dot 间隔号 (U+00B7, GB/T 15834).

    Only between characters of running text: a bullet that opens a line or a
    list item stays what it is.
    """
    if not any(c in text for c in _DOT_LOOKALIKES):
        return text, []
    changes = [(m.group(), "\u00b7") for m in _INTERPUNCT.finditer(text)]
    return (_INTERPUNCT.sub("\u00b7", text), changes) if changes else (text, [])


def _protected_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text:
        return []  # fast path: the pattern's leading [\w.+-]+ is quadratic over long runs of Han text
    return [m.span() for m in _PROTECT.finditer(text)]


def _neighbors(text: str, i: int) -> tuple[str, str]:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < len(text) else "")


# Three to six half-width dots after a Chinese character or mark, with no figure or Latin letter after them: a page
# set in half-width marks prints the ellipsis so (review28a: the stop rule made the first dot a '。' and left the
# rest, a sentence's end inside the sentence, which flow reads as a paragraph's end).
# After a figure too when Chinese text follows ('1、2、3...共计', review29a): no number or address goes on so.
_HALF_ELLIPSIS = re.compile(r"(?<=[\p{Han}，、；：”’）》])\.{3,6}(?![0-9A-Za-z.])|(?<=[0-9])\.{3,6}(?=\p{Han})")


def fix_ellipsis(text: str) -> Fix:
    """A half-width ellipsis after Chinese text to the Chinese ellipsis '……' (GB/T 15834), before `fix_punct_width`
    would read its first dot as a full stop."""
    if "..." not in text:
        return text, []
    changes: list[tuple[str, str]] = []

    def one(m: re.Match[str]) -> str:
        changes.append((m.group(), "……"))
        return "……"

    return _HALF_ELLIPSIS.sub(one, text), changes


def fix_punct_width(text: str) -> Fix:
    """Half-width punctuation to full-width where a Chinese character or mark is next to it.

    A converted mark is itself Chinese context for its neighbour (':' before
    '：'), so the pass repeats until nothing changes: that makes it idempotent.
    """
    changes: list[tuple[str, str]] = []
    for _ in range(8):
        text, more = _punct_pass(text)
        if not more:
            break
        changes += more
    return text, changes


def _punct_pass(text: str) -> Fix:
    if _ASCII_PUNCT.search(text) is None:
        return text, []
    spans = _protected_spans(text)
    chars = list(text)
    changes: list[tuple[str, str]] = []
    quote_open = {'"': False, "'": False}
    book_depth = 0
    paren_cjk = _paren_pairs(text) if "(" in text or ")" in text else {}
    prev = 0
    for m in _ASCII_PUNCT.finditer(text):
        i, c = m.start(), m.group()
        if "《" in text[prev:i] or "》" in text[prev:i]:
            for ch in text[prev:i]:
                if ch == "《":
                    book_depth += 1
                elif ch == "》":
                    book_depth = max(0, book_depth - 1)
        prev = i
        if spans and any(a <= i < b for a, b in spans):
            continue
        left, right = _neighbors(text, i)
        cjk = is_cjkish(left) or is_cjkish(right)
        new = None
        if c in ",;!?":
            if cjk or c in "!?" and _ends_figure_sentence(text, i, right):  # (a digit on both sides is never
                new = {",": "，", ";": "；", "!": "！", "?": "？"}[c]  # Chinese context: 1,000 stays)
        elif c == ":":
            if cjk:
                new = "："
        elif c == ".":
            if (is_han(left) or (left != "" and left in "”’）》")) and not (right.isascii() and right.isalnum()):
                new = "。"
            elif _ends_figure_sentence(text, i, right):
                new = "。"
        elif c in "()":
            if paren_cjk.get(i, cjk):
                new = "（" if c == "(" else "）"
        elif c in "\"'":
            if c == "'" and not cjk:
                continue
            if c == '"' and not (cjk or quote_open['"']):
                continue
            if right == "" or right in _CLOSE_CTX:
                opening = False
            elif left == "" or left in _OPEN_CTX:
                opening = True
            else:
                opening = not quote_open[c]
            quote_open[c] = opening
            new = ("“" if opening else "”") if c == '"' else ("‘" if opening else "’")
        elif c in "<>":
            if book_depth > 0:
                new = "〈" if c == "<" else "〉"
        if new and new != c:
            chars[i] = new
            changes.append((c, new))
    return "".join(chars), changes


_FIGURE_CHARS = frozenset("0123456789.%％")
_CLOSING_QUOTES = frozenset('"\'”’')  # a quotation that ends on the figure: '说:"今年增长5%."' (review23a)


def _ends_figure_sentence(text: str, i: int, right: str) -> bool:
    """Whether the mark at `i` ends a Chinese sentence that ends in a figure: '…降幅33%.' (a stop after a per cent
    sign), '…增长了20!' (an exclamation or question mark after any figure), with a Han character right before the
    figure and after the mark the end of the block, a space, a Han character or a closing quote (review22a, review23a: the ASCII stop kept,
    flow read the paragraph as cut and joined the next one into it).

    A stop right after a digit stays: a list number ('1.某某'), a decimal ('20.5'), a figure's point at the end
    of a block ('…咖啡豆2.' over '8吨…', a column break inside a decimal) and OCR's stray dot inside a number
    ('47.年前', '3.万公斤': both on real-OCR tuning pages, where a stop there would read as a sentence end) read
    alike."""
    if right and not (right.isspace() or is_han(right) or right in _CLOSING_QUOTES):
        return False
    if text[i - 1:i] not in ("%", "％") and (text[i] == "." or not text[i - 1:i].isdigit()):
        return False
    j = i
    while j > 0 and text[j - 1] in _FIGURE_CHARS:
        j -= 1
    return j > 0 and is_han(text[j - 1])


# An opener closed by ） with no bracket or sentence end between: Tesseract's reading of （…）. In the OCR cache of
# the real-OCR tuning pages (corpus/real_ocr_tune/ocr_cache.jsonl, clean pair -> pair as read) the pair read 〈…)
# was （…） 65 times of 65, and 《…) 27 of 30 by one alignment, 32 of 37 by another (review17b; the rest real titles
# 《…》 whose 》 was misread, which the fix turns into （…）); the lower share is the edit's confidence. No clean
# People's Daily train-day paragraph (958,608 characters) holds such a pair. 【 is left alone: one 【…) in the
# cache is too little to learn from.
_MISMATCHED = re.compile(r"[〈《](?=[^〈〉《》【】（）()\[\]。！？\n]{1,40}）)")
_OPENER_SHARE = {"〈": 65 / 65, "《": 32 / 37}  # how often such an opener was really （


def fix_bracket_pairs(text: str) -> Fix:
    """An angle bracket (〈 or 《) closed by a round one is an OCR misreading of （: the opener becomes （.

    Run after `fix_punct_width`, so a half-width ')' in Chinese text is ） already. A 《 whose own 》 follows
    is never touched (the pair must close on ） with no bracket between), and a bracket opened by （ is left as
    printed: a misread closer (（…》) was too rare to learn which side is wrong.
    """
    if "）" not in text or not any(c in text for c in "〈《"):
        return text, []
    changes = [(m.group(), "（") for m in _MISMATCHED.finditer(text)]
    return (_MISMATCHED.sub("（", text), changes) if changes else (text, [])


# What a paragraph's closing 。 became in Tesseract's reading, where the reading ends in an odd mark after a Han
# character (corpus/real_ocr_tune/ocr_cache.jsonl, clean paragraph -> its reading): '<' was 。 5 times of 5, '>' 5 of
# 5, '。，' (also '.，' before the width fix) 5 of 5, '-' 13 of 16 (3 times a character a cut took). Clean text
# never ends a paragraph so; left open, such a block reads as cut mid-sentence and `flow` joins the next paragraph
# to it (review17a: 45 of the 52 extra joins on heavy real-OCR pages started at a sentence end OCR had damaged).
# '*', '=' and '|' after a Han character at a block's end (session 29) were 。 each time in that cache: 3, 2 and 2
# times (and '*' 2 of 2 in the seed-2 dev pages' cache); no synthetic, unseen-text or sample dump ends a block so.
_OCR_STOP = re.compile(rf"(?<=[{HAN_CLASS}])(?:[<>\-*=|]|。，)(?=\s*$)")
_STOP_SHARE = {"<": 5 / 5, ">": 5 / 5, "。，": 5 / 5, "-": 13 / 16, "*": 3 / 3, "=": 2 / 2, "|": 2 / 2}


def fix_ocr_stop(text: str, footnotes: bool = False) -> Fix:
    """A body block that ends in '<', '>', '-', '*', '=', '|' or '。，' after a Chinese character ends in an
    OCR-damaged 。.

    Only at the end of a block of body text: inside a line these marks have other readings (a dash, a
    bracket), and titles and bylines do not end in a full stop. `footnotes`: a block of the page opens with '*',
    so a '*' ending a paragraph is the mark of that note (review30a), no damaged stop.
    """
    if not text or text.rstrip()[-1:] not in "<>-，*=|" or footnotes and text.rstrip()[-1] == "*":
        return text, []
    m = _OCR_STOP.search(text)
    if m is None:
        return text, []
    return text[:m.start()] + "。" + text[m.end():], [(m.group(), "。")]


# An opening quote never ends a printed line (Chinese typesetting keeps 'opening marks off a line's end', and the
# synthetic builder's column breaks keep that rule), so one ending a block is Tesseract's: in the OCR caches of the
# real-OCR tuning pages and the seed-2 dev pages, 19 readings of paragraphs end on “ where the clean text has
# none (15: a sentence's end, 。“ ！“ ：“; 3 a cut piece or a name line) or has ” (4: the closing mark of a quotation
# the block opened, read backwards). Left, the open quote tells `flow` the sentence goes on (`unclosed`), and it
# joined the next article's paragraph to one so read. A quotation left open in the block takes the mark as its
# closing one; otherwise it is a spot, removed (logged). No synthetic, unseen-text or sample dump ends a block so.
_END_OPEN_QUOTE = re.compile(r"(?<=[^\s“‘])([“‘])(?=\s*$)")
_CLOSING = {"“": "”", "‘": "’"}


def fix_ocr_end_quote(text: str) -> Fix:
    """An opening quote ending a block: the closing quote of a quotation the block opened, else a spot OCR read."""
    if not text or text.rstrip()[-1:] not in "“‘":
        return text, []
    m = _END_OPEN_QUOTE.search(text)
    if m is None:
        return text, []
    q, before = m.group(1), text[:m.start()]
    close = _CLOSING[q]
    into = close if before.count(q) > before.count(close) else ""
    return before + into + text[m.end():], [(q, into)]


# Tesseract reads the bullet ● as '@@', or as a character and '@' at a line's start ('和@'): every run of '@'
# beside Chinese text in the OCR caches of the real-OCR tuning pages (6) and the seed-2 dev pages (1) stood for a ●
# of the clean text (a list of points printed in a headline or a paragraph: '●对…●加快…'); segment took a line
# opening '@@对…' for OCR debris and sent it to noise. A single '@' glued to Chinese text is also how a paper quotes
# a social-media user ('网友@某某在微博上留言', '@某某：…'; review30a), so one '@' stands for ● only where the
# bullet shapes are (after one character opening the block, or in a block that holds another bullet); the one
# cache reading this leaves ('…亿元@竣工…', the second point of a line whose first ● Tesseract read as '和') costs
# a stray '@', where the handle rule would cost a name. An e-mail address has ASCII letters on both sides of its '@'.
_OCR_BULLETS = re.compile(rf"(?:(?<=^\s*)|(?<=[{HAN_CLASS}]\s?))@@(?=\s?[{HAN_CLASS}])")
_OCR_BULLET_START = re.compile(rf"\s*[{HAN_CLASS}]\s?(@)(?=\s?[{HAN_CLASS}])")  # (matched at a line's start)
_OCR_BULLET = re.compile(rf"(?<=[{HAN_CLASS}]\s?)@(?=\s?[{HAN_CLASS}])")


def fix_ocr_bullet(text: str, starts: tuple[int, ...] = (0,)) -> Fix:
    """'@@' opening a block or after a Chinese character, before one, and '@' after the first character of a printed
    line (`starts`: where the block's lines start): Tesseract's readings of the bullet ●; a single '@' elsewhere only
    in a block with another bullet (else it is a social-media handle's)."""
    if "@" not in text:
        return text, []
    spans = [m.span() for m in _OCR_BULLETS.finditer(text)]
    for at in starts:
        m = _OCR_BULLET_START.match(text, at)
        if m and not text.startswith("@", m.end(1)) and m.span(1) not in spans:
            spans.append(m.span(1))
    if spans or "●" in text:
        taken = {i for a, b in spans for i in range(a, b)}
        spans += [m.span() for m in _OCR_BULLET.finditer(text) if m.start() not in taken
                  and not text.startswith("@", m.end()) and text[m.start() - 1:m.start()] != "@"]
    if not spans:
        return text, []
    spans.sort()
    out, changes, at = [], [], 0
    for a, b in spans:
        out.append(text[at:a] + "●")
        changes.append((text[a:b], "●"))
        at = b
    return "".join(out) + text[at:], changes


# What a paragraph's opening dash (——, in People's Daily often ———) became in Tesseract's reading: a run of
# 一 and -, which `flow` took for the middle of a sentence and joined to the paragraph before (review17a). In the
# OCR cache of the real-OCR tuning pages, a block that opens on two or three of 一, - and — (not all —) before a
# Chinese character or an opening mark was a dash 25 times of 25; no clean People's Daily train-day paragraph
# (9,991, 1998-01-01..16) opens so. '-一' alone is left: a bullet before a list item 一是… reads the same.
# ('──', box-drawing lines, is how PDF text and OCR print the dash too; review27a)
# Not a run that goes on in 一 past three (a block of 一 alone, or 一一一一 and on): the dash is two or three marks, and
# taking the first three of a longer run made the page's output clean again differently (session 52: hypothesis's
# '一一一一一一一' under a dateline, glued to '一' by flow, became its own paragraph, which a second pass dashed);
# no OCR cache or corpus page opens a block on four or more.
_OCR_DASH = re.compile(rf"^(\s*)(?![-—]一(?!一))(?!—+(?![一\-─]))([一\-—─]{{2,3}})(?![一〇零二三四五六七八九十百千万两])(?=[{HAN_CLASS}“‘《（])")
# two hyphens between two words, set apart by a space ('某某全面铺开 --全市…': a typed dash opening the piece after
# it, a subheadline on the headline's line; review27a) or not ('市长表示--要…': a half-width page's dash, review28a;
# unless it reads as OCR's 一, `_reads_as_yi`)
_SPACED_HYPHENS = re.compile(rf"(?<=[{HAN_CLASS}][ \u3000]?|[”’》）])(?<!-)--(?!-)(?=[{HAN_CLASS}“‘《（])")


def _reads_as_yi(text: str, end: int) -> bool:
    """Does an unspaced '--' ending at `end` read as Tesseract's 一: a numeral follows, or 一 makes a word with
    what follows (也需要--定, 开展--次, 走过了--九九七年: 7 of the 7 unspaced '--' between Chinese characters on
    the real-OCR tuning and seed-2 dev pages)? Left as printed for the glyph stage, not made a dash."""
    from ..lm import load_lm  # (the cached default model; asked only of an unspaced '--' between words)
    after, freq = text[end:end + 3], load_lm().freq
    if after[:1] == "一":
        return False  # '最好的--一个…': 一 printed after it; a dash, not a second 一 (review29a)
    return bool(after) and (after[0] in _HAN_DIGITS
                            or any(freq.get("一" + after[:k], 0) >= YI_WORD_FREQ for k in (1, 2, 3)))


def _yiyi_word(text: str, end: int) -> bool:
    """Does the 一一 ending at `end` open a dictionary word in 一一 (一一对应 43, 一一列举 34; not 一一记 2, which a
    subheadline's '——记某某' only seems to make)?"""
    from ..lm import load_lm
    freq = load_lm().freq
    return any(freq.get("一一" + text[end:end + k], 0) >= YIYI_WORD_FREQ for k in (1, 2))


YIYI_WORD_FREQ = 30
YI_WORD_FREQ = 100  # a word in 一 this common in the dictionary (一定 25,293, 一行 1,619; not 一要 3, which a dash
                    # before 要 only seems to make)


# Inside a block the same reading stands between two words: '一一' or '一-一', '一一-', '-一一'. In the cache 28
# such runs after a Chinese character or a closing mark were a dash and 4 were not; clean People's Daily train-day
# paragraphs hold '一一' 8 times, each a word before a verb, part of a number, or the end of a word in 一. With
# those readings kept (`_word_not_dash`), each of the 42 blocks the whole fix changes in the cache (normalize with
# it against without it) reads nearer its clean text, as do the 27 it changes in review17a's seed-48 cache of other
# tuning-day pages it was not written on; no clean train-day paragraph changes.
_MID_DASH = re.compile(rf"(?<=[{HAN_CLASS}”’》），。；：！？])(?<!一)(一一|一-一|一一-|-一一)(?![一\-])(?=.)")
_HAN_DIGITS = frozenset("〇零一二三四五六七八九十百千万亿两")


def _word_not_dash(text: str, start: int, end: int) -> bool:
    """Is the 一一 at text[start:end] a word or part of a number: after a numeral or a word ending in 一,
    before a numeral or a verb (jieba's tags)?"""
    from .segment.words import word_tags  # (the program's one tag table; imported when a run is found)
    tags = word_tags()
    before, after = text[start - 1], text[end:end + 4]
    if before in _HAN_DIGITS or tags.get(before + "一") is not None or tags.get(before) == "r":
        return True  # a numeral, a word in 一 (唯一), a demonstrative before 一 (这一, 每一)
    if not after or after[0].isdigit() or after[0] in _HAN_DIGITS:
        return True
    if any("一" + after[:k] in tags for k in (1, 2, 3)):
        return True  # a doubled 一 of a word in 一 (生产一一线)
    return _one_by_one(text, end)


def _one_by_one(text: str, end: int) -> bool:
    """Does the word after the 一一 ending at `end` read as what 'one by one' goes before (`_BEFORE_YIYI`)?"""
    from .segment.words import word_tags
    tags, after = word_tags(), text[end:end + 4]
    word = next((after[:k] for k in range(len(after), 0, -1) if after[:k] in tags), after[:1])
    return tags.get(word, "")[:1] in _BEFORE_YIYI


# What 一一 'one by one' goes before: a verb, or a preposition, particle, adverb or conjunction opening the verb
# phrase (一一为他们签名, 一一地); an adjective too, as jieba tags some verbs. Its tags are rough (some verbs are
# tagged nouns or places), so this keeps most, not all.
_BEFORE_YIYI = frozenset("vpudca")


def _dateline_body(text: str) -> int:
    """Where the first paragraph's own text starts when a dateline (with its bracketed byline) opens the block: segment
    lifts the dateline out, and the paragraph then opens there (0 when no dateline opens the block). The dash rule
    reads that opening as a block's (session 52: hypothesis's '本报讯（记者 张三）' over '一一一丁…' was left as printed,
    and cleaned again, once the dateline was lifted, to '———丁…')."""
    at = 0
    while True:  # a dateline printed twice or more ('本报讯（…）本报讯（…）一一…'): the paragraph segment leaves opens
        # on the next, which a second pass lifts in turn (session 52, hypothesis); each turn reads past one dateline
        body = text[at:] if at else text
        if "讯" not in body[:12] and "电" not in body[:24]:
            break  # (the pattern costs about 0.2 ms a block; a dateline ends in 讯 or 电 near its start: all 139
            # the pattern finds on 40 synthetic tuning pages do. A form without them, '据新华社消息', is left to the
            # middle-of-block rule, as before session 52)
        found = patterns.dateline_of(body)
        if found is None or not found[2]:
            break
        at += found[2]
    return at


def fix_ocr_dash(text: str, after_cut: bool = False) -> Fix:
    """A run of 一 and - that is OCR's reading of a dash becomes that many dashes —: at the start of a block
    (the dash opening a list item or a subheadline), or inside one between words where 一一 reads as no word
    and no number.

    Opening a block, the run is enough (no clean paragraph opens so). Inside one, 一一 is also a word
    (一一握手) or part of a number or of a word in 一 (唯一一家): those stay (`_word_not_dash`).
    """
    if not text or ("一" not in text and "-" not in text and "─" not in text):
        return text, []
    changes: list[tuple[str, str]] = []
    if "--" in text:
        def dash(mm: re.Match[str]) -> str:
            if mm.string[mm.start() - 1] in " \u3000" or not _reads_as_yi(mm.string, mm.end()):
                changes.extend((("-", "—"), ("-", "—")))
                return "——"
            return "--"

        text = _SPACED_HYPHENS.sub(dash, text)
    at = _dateline_body(text)
    body = text[at:] if at else text
    m = _OCR_DASH.match(body)
    if m is not None and m.group(2) == "一一" and (_yiyi_word(body, m.end(2))
                                                 or after_cut and not at and _one_by_one(body, m.end(2))):
        m = None  # '一一对应的原则…', '一一列举…': a word in 一一 opens the block; after a block cut mid-sentence
        # ('…和球迷' / '一一握手致意'), 'one by one' before a verb goes on the sentence (review29a)
    if m is not None:
        run = m.group(2)
        text = text[:at + m.start(2)] + "—" * len(run) + text[at + m.end(2):]
        changes += [(c, "—") for c in run if c != "—"]
    if "一一" in text or "一-" in text or "-一" in text:
        spans = [mm.span() for mm in _MID_DASH.finditer(text)
                 if not (mm.group() == "一一" and _word_not_dash(text, *mm.span()))]
        changes += [(c, "—") for i, j in spans for c in text[i:j]]
        for i, j in reversed(spans):
            text = text[:i] + "—" * (j - i) + text[j:]
    return text, changes


# Tesseract reads the digit 1 as ']' before a digit or a date unit (年]月, ]8日, 1]月) and a column rule as '|'
# between two characters of a sentence. Normalize with each fix against without it, over real_ocr_tune's OCR
# cache: they change 47 and 17 blocks, none farther from its clean text (41 and 11 nearer); over review17a's
# seed-48 cache, which they were not written on, 41 and 19 (34 and 12 nearer, none farther). No clean People's
# Daily train-day paragraph (9,991) changes.
_OCR_ONE = re.compile(rf"(?:(?<=\d)\](?=[\d{HAN_CLASS}])|\](?=\d)|(?<=[{HAN_CLASS}])\](?=[月日年号时])|^\](?=[\d月日年号]))")
_OCR_BAR = re.compile(rf"(?<=[{HAN_CLASS}，。、])\|(?=[{HAN_CLASS}])")


def _by_digit(text: str, i: int) -> bool:
    return text[i - 1:i].isdigit() or text[i + 1:i + 2].isdigit()


def fix_ocr_one(text: str) -> Fix:
    """A ']' that closes no bracket and stands by a digit or before a date unit is OCR's reading of the digit 1.

    A block with '[' is left, as is ']]'; so is a ']' by a digit with a round bracket before it ((0,1] is an
    interval), but not one between a Chinese character and a date unit, which no interval prints: the closing
    dateline '（本报某地]月1日电）' (3 of the 42 such ']' of real_ocr_tune and the seed-2 real-OCR dev pages were
    left so).
    """
    if "]" not in text or "[" in text or "]]" in text:
        return text, []
    spots = [m.start() for m in _OCR_ONE.finditer(text)
             if not (_by_digit(text, m.start()) and any(c in "(（" for c in text[:m.start()]))]
    if not spots:
        return text, []
    chars = list(text)
    for i in spots:
        chars[i] = "1"
    return "".join(chars), [("]", "1") for _ in spots]


def _unchanged(text: str) -> Fix:
    return text, []


def drop_ocr_bar(text: str) -> Fix:
    """A '|' between two Chinese characters (or after a comma or stop) is a column rule OCR read into the line.

    Not where bars part short pieces (首页|新闻|服务): there they are the line's own separators.
    """
    if "|" not in text or (text.count("|") >= 2 and max(map(len, text.split("|"))) <= 8):
        return text, []
    changes = [("|", "") for _ in _OCR_BAR.finditer(text)]
    return (_OCR_BAR.sub("", text), changes) if changes else (text, [])


# Chinese clause marks do not stack: after ，。、；：！？ a '.', '：', '-', '、' or '；' (and a '，' after ， or ：)
# is a mark OCR added (a speck, a mark read twice). Normalize with this fix against without it, over
# real_ocr_tune's OCR cache: 384 blocks change, 380 nearer their clean text, none farther; over review17a's seed-48
# cache (not used to write it) 384 change, 379 nearer, none farther. Of 9,991 clean People's Daily train-day
# paragraphs one changes (a '，、' typo there).
_STACKED_MARK = re.compile(r"(?<=[，。、；：！？])(?:[ \t]*(?:-(?![\d\-一])|\.(?![0-9A-Za-z.])|[：、；]))+|(?<=[，：])，+")
# (a run goes in one pass, wrap spaces between its marks included; a minus sign (：-5℃), a dot opening a word or a
# number (：.txt, ，.5) or a typed ellipsis (。...), and a hyphen of a typed or misread dash (。--, 。-一一) stay)


def drop_stacked_marks(text: str) -> Fix:
    """The second of two stacked clause marks ('，.', '，：', '。-', '，，') is OCR's addition: dropped."""
    if not any(c in text for c in ".：-、；，"):
        return text, []
    changes = [(m.group(), "") for m in _STACKED_MARK.finditer(text)]
    return (_STACKED_MARK.sub("", text), changes) if changes else (text, [])


def _paren_pairs(text: str) -> dict[int, bool]:
    """For each ASCII paren that has a partner: does the pair stand in Chinese context?

    One pass: each open pair's frame carries whether a Chinese character or mark came after it, and a closed pair
    hands that on to the pair around it (whose inside holds its inside), so nested pairs cost no rescans.
    """
    out: dict[int, bool] = {}
    stack: list[list] = []  # [index of '(', a Chinese character or mark seen inside]
    for i, c in enumerate(text):
        if c == "(":
            stack.append([i, False])
        elif c == ")" and stack:
            j, inner_cjk = stack.pop()
            before, _ = _neighbors(text, j)
            out[i] = out[j] = inner_cjk or is_han(before)
            if inner_cjk and stack:
                stack[-1][1] = True
        elif stack and not stack[-1][1] and is_cjkish(c):
            stack[-1][1] = True
    return out


TITLE_LIKE_MAX = 50  # no longer line is title-like (segment skips its title tests past it)


@lru_cache(maxsize=2048)  # flow, dedup and segment ask it of the same blocks of a page (2,600 repeats in 40 pages)
def is_title_like(text: str) -> bool:
    """Short, with no clause punctuation inside: could be a title, so its spaces are left to `segment`."""
    if surely_longer(text, TITLE_LIKE_MAX):
        return False  # (answered before `strip`, which would copy a long paragraph only to find it long)
    t = text.strip()
    if not t or len(t) > TITLE_LIKE_MAX:
        return False
    if t[-1] in "。.；;" or (t[-1] in "：:" and len(t) > 12):
        return False  # a clause or a list lead-in ('下列行为：'), not a title ('某地：' is)
    # a line opening with a dateline ('本报讯（记者 张三）…') opens a paragraph, however short (tested last: a
    # pattern call costs more than the string tests, which settle most lines)
    return _CLAUSE_PUNCT.isdisjoint(t[:-1]) and not patterns.DATELINE.match(t)


_CLAUSE_PUNCT = frozenset(CLAUSE_PUNCT)


def wrap_positions(text: str) -> set[int]:
    return wrap_chain(text)[1]


_SPACES = stdre.compile(" +")  # stdlib re: faster than `regex` on a plain pattern


def wrap_chain(text: str) -> tuple[int | None, set[int]]:
    """Indices of spaces that sit where a printed column line ended.

    Line wrapping leaves spaces at regular display widths; a space that breaks
    that rhythm is a real separator. We look for the line width W (in
    half-width cells) whose chain of spaces, each about W after the previous,
    explains the most spaces. Fewer than two spaces give no rhythm: empty set.
    """
    cands: list[int] = []  # index of each inner run of spaces
    widths: list[int] = []  # display width of the text before it
    width, last, n = 0, 0, len(text)
    for m in _SPACES.finditer(text):
        i, j = m.span()
        width += sum(map(_width, text[last:i]))
        last = j
        if 0 < i and j < n:
            cands.append(i)
            widths.append(width)
    if len(cands) < 2:
        return None, set()
    end = widths[-1]
    best_score, best_resid, best_chain, best_w = 0.0, 0.0, [], None
    for w in range(16, 81):
        # chain members lie >= w-3 apart (the first >= w-8 in), so this bounds any chain of this or a wider width
        if min(len(cands), 1 + (end - (w - 8)) // (w - 3)) < best_score:
            break
        chain: list[int] = []  # indices into cands, increasing
        pos, misses, missed, resid = 0, 0, 0, 0
        lo, hi = w - 8, w + 3
        while True:
            a = bisect_left(widths, lo)
            b = bisect_right(widths, hi, a)
            if a < b:
                k, target = a, pos + w
                for x in range(a + 1, b):
                    if abs(widths[x] - target) < abs(widths[k] - target):
                        k = x
                chain.append(k)
                resid += abs(widths[k] - target)
                pos, misses = widths[k], 0
            else:
                misses += 1
                if misses > 2 or pos + w > end:
                    break
                missed += 1
                pos += w
            lo, hi = pos + w - 3, pos + w + 3
        # a line that ended without a space is possible, but each one makes the width less likely
        score = len(chain) - 0.6 * missed
        if len(chain) >= 2 and (score > best_score or (score == best_score and -resid > best_resid)):
            best_score, best_resid, best_chain, best_w = score, -resid, chain, w
    return best_w, {cands[k] for k in best_chain}


@lru_cache(maxsize=8192)
def _width(c: str) -> int:
    return display_width(c)


SLOGAN_MAX = 40  # characters inside a quote that can be a slogan whose phrases a space separates
_QUOTE_PAIRS = {"”": "“", "’": "‘", "》": "《", "〉": "〈"}
_QUOTE_OPENERS = frozenset(_QUOTE_PAIRS.values())
_QUOTE_CLOSERS = frozenset(_QUOTE_PAIRS)
_SLOGAN_BREAKS = frozenset("，。；：！？")


def _slogan_spaces(text: str) -> set[int]:
    """The spaces inside closed quotes that read as a slogan or a title: at most `SLOGAN_MAX` characters and no
    clause mark ('“爱岗敬业 诚实守信”', '《团结奋进 共建家园》'), where a space between two phrases is the
    printer's. A long quotation, one that runs across clauses, or one OCR left unclosed holds no slogan: a space
    there is a line wrap like any other (an unclosed quote had kept every space after it)."""
    spaces: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, c in enumerate(text):
        if c in _QUOTE_OPENERS:
            stack.append((c, i))
        elif c in _QUOTE_PAIRS and stack and stack[-1][0] == _QUOTE_PAIRS[c]:
            o = stack.pop()[1]
            if i - o - 1 <= SLOGAN_MAX and _SLOGAN_BREAKS.isdisjoint(text[o + 1:i]):
                spaces.update(k for k in range(o + 1, i) if text[k] == " ")
        elif c in _QUOTE_PAIRS and not stack and i <= SLOGAN_MAX and _SLOGAN_BREAKS.isdisjoint(text[:i]) \
                and _QUOTE_OPENERS.isdisjoint(text[:i]) and _QUOTE_CLOSERS.isdisjoint(text[:i]):
            # a quote closed near the block's start that opened in the block before it (a wrap fell inside
            # the slogan, review25a: '“温暖' | '万家 服务群众”'); its first phrase is cut at the block's start
            spaces.update(k for k in range(i) if text[k] == " ")
    return spaces


def _slogan_phrase(text: str, i: int, step: int) -> str:
    """The phrase from text[i] away from a space (leftwards when `step` is -1, reversed), read through the quote
    marks of a quote nested in it ('科技引领 赋能‘三大产业’': the phrase after the space is 赋能三大产业)."""
    return _phrase_and_end(text, i, step)[0]


def _phrase_and_end(text: str, i: int, step: int) -> tuple[str, int]:
    """`_slogan_phrase` and the index where it stopped (-1 or len(text) when it ran to the text's edge)."""
    out = []
    while 0 <= i < len(text) and text[i] != " " and (is_han(text[i]) or text[i].isalnum() or text[i] in "°·%‘’"):
        if text[i] not in "‘’":
            out.append(text[i])
        i += step
    return "".join(out), i


SLOGAN_PHRASE_MIN = 3  # characters of a slogan's phrase on each side of its separator


def _slogan_separator(text: str, i: int, j: int) -> bool:
    """Is the space text[i:j] inside a short quote a slogan's separator rather than a line wrap that fell there?

    A printer's space parts two phrases of three or more characters each ('爱岗敬业 诚实守信', '青春无悔 奋斗有我'),
    and reads as a word boundary: the best segmentation of the two phrases without it (the default word model,
    jieba's dictionary) ends a word there. A wrap falls anywhere, often inside a word ('“支持家 乡建设”') or next
    to a short one ('“三年练 一功”'): 26 of the 99 spaces left in synthetic tuning and fresh pages' paragraphs. A
    bare dictionary lookup across the space would not do: '青春 情暖' holds the word 春情."""
    left, stop = _phrase_and_end(text, i - 1, -1)
    left, right = left[::-1], _slogan_phrase(text, j, 1)
    # a first phrase that runs to the block's start was cut there by a wrap: its length is unknown (`_slogan_spaces`)
    if (len(left) < SLOGAN_PHRASE_MIN and not (stop < 0 and left)) or len(right) < SLOGAN_PHRASE_MIN:
        return False
    from ..lm import load_lm  # (the cached default model; asked only of a space inside a short quote)
    cut, ends = 0, set()
    for word in load_lm().segment(left + right):
        cut += len(word)
        ends.add(cut)
    return len(left) in ends


def remove_wrap_spaces(text: str, keep_spans: tuple[tuple[int, int], ...] = (),
                       wraps: set[int] | None = None) -> Fix:
    """Remove spaces between Chinese characters left by line wrapping; keep real separators."""
    if " " not in text:
        return text, []
    if wraps is None:
        wraps = wrap_positions(text)
    slogans = _slogan_spaces(text) if not _QUOTE_OPENERS.isdisjoint(text) or not _QUOTE_CLOSERS.isdisjoint(
        text[:SLOGAN_MAX + 1]) else set()
    out: list[str] = []
    changes: list[tuple[str, str]] = []
    last = 0
    for i, j in space_runs(text):
        out.append(text[last:i])
        last = j
        run = text[i:j]
        left, right = (text[i - 1] if i else ""), (text[j] if j < len(text) else "")
        keep = True
        if not left or not right:
            keep = False  # leading or trailing space
        elif any(a <= i < b for a, b in keep_spans):
            keep = True
        elif (left.isascii() and left.isalnum() or left in "%.°") and right.isascii() and right.isalnum():
            keep = True  # Latin text or numbers: 'VEX IQ'
        elif is_cjkish(left) or is_cjkish(right) or (is_han(left) or is_han(right)):
            if i in wraps:
                keep = False
            elif i in slogans and _slogan_separator(text, i, j):
                keep = True  # '“爱岗敬业 诚实守信”': a separator inside a quoted slogan
            else:
                keep = False
        if keep:
            out.append(" ")
            if len(run) > 1:
                changes.append((run[1:], ""))
        else:
            changes.append((run, ""))
    out.append(text[last:])
    return "".join(out), changes


def joined_wrap_spaces(text: str) -> tuple[str, list[int]]:
    """A paragraph `flow` joined from pieces, without its line-wrap spaces, and the indices (in `text`) of the
    spaces removed. A short piece with no clause mark (title-like) keeps its spaces through `normalize_block`,
    which leaves a title's spaces to `segment`; joined to the rest of its paragraph it is body text, and its wrap
    spaces go as a body block's do (`remove_wrap_spaces`: a slogan's and a byline's separators stay; review23a:
    '…有关部 门…' stayed, and a second run over the output removed it)."""
    if " " not in text:
        return text, []
    new, _ = remove_wrap_spaces(text, _keep_spans(text), set())
    if new == text:
        return text, []
    removed, j = [], 0
    for i, c in enumerate(text):  # (only spaces go: the rest of the text is `new` in order)
        if j < len(new) and new[j] == c:
            j += 1
        else:
            removed.append(i)
    return new, removed


def _fixes(conversion: str | None) -> tuple[tuple[str, Callable[[str], Fix]], ...]:
    """The character fixes, in the order they run, each with the edit kind it logs (text blocks and table cells)."""
    return (("invisible", strip_invisible), ("fullwidth", fold_fullwidth), ("forms", fold_mark_forms),
            ("simplified", lambda t: to_simplified(t, conversion)), ("quotes", fix_quotes),
            ("ellipsis", fix_ellipsis), ("punct", fix_punct_width), ("bracket", fix_bracket_pairs), ("interpunct", fix_interpunct))


_ONE_FOR_ONE = frozenset({"fullwidth", "forms", "quotes", "punct", "bracket", "interpunct"})  # fixes that only swap one mark for one


def _clean_cell(cell: str, conversion: str | None) -> tuple[str, list[tuple[str, str, str]]]:
    """Clean one table cell; return it with each step that changed it: (kind, text before, text after)."""
    steps: list[tuple[str, str, str]] = []
    s = cell
    for kind, fn in _fixes(conversion):
        new, _ = fn(s)
        if new != s:
            steps.append((kind, s, new))
        s = new
    m = re.match(r"^\s*([-–—_~·•.,，]+)\s+(?=\S)", s)
    if m:
        steps.append(("stray", s, s[m.end():]))
        s = s[m.end():]
    new, _ = remove_wrap_spaces(s.strip())
    if new != s:
        steps.append(("space", s, new))
    return new, steps


def changed_spans(old: str, new: str, marks: str = "") -> list[tuple[int, int, int, int]]:
    """The places where `new` differs from `old`, as (i1, i2, j1, j2): old[i1:i2] became new[j1:j2].

    Touching changes are one span. A fix that swaps characters one for one
    names them (`marks`), and only their places are compared; otherwise
    rapidfuzz's Levenshtein opcodes give the places: over the whole text, or
    in a long one (over `_LONG_SPANS`) over each change and the least stretch
    that ends it, so that a few changes in a long block cost about its length.
    """
    spans: list[tuple[int, int, int, int]] = []
    if marks and len(old) == len(new):
        for hit in stdre.finditer(f"[{stdre.escape(marks)}]", old):
            i = hit.start()
            if old[i] != new[i]:
                if spans and spans[-1][1] == i:
                    spans[-1] = (spans[-1][0], i + 1, spans[-1][2], i + 1)
                else:
                    spans.append((i, i + 1, i, i + 1))
        return spans
    if len(old) + len(new) <= _LONG_SPANS:
        _add_opcode_spans(spans, old, new, 0, 0)
        return spans
    # a long block (review20a: a 1.78 MB one-line dump spent 109 s in opcodes over the whole block): walk the
    # common stretches, and at each change align only the least stretch after which the two agree again
    i = j = 0
    n, m = len(old), len(new)
    while True:
        k = _common_run(old, new, i, j)
        i, j = i + k, j + k
        if i >= n or j >= m:
            if i < n or j < m:
                _add_opcode_spans(spans, old[i:], new[j:], i, j)
            return spans
        x, y = _resync(old, new, i, j)
        if i + x >= n and j + y >= m and x + y > 2 * _WINDOW:
            # no agreement within reach of a dense change (review21a: a traditional page converted whole, a
            # zero-width space between every two characters): align a window, not the whole rest
            x, y = _window_spans(spans, old, new, i, j)
        else:
            _add_opcode_spans(spans, old[i:i + x], new[j:j + y], i, j)
        i, j = i + x, j + y


_LONG_SPANS = 20_000  # old and new together longer than this are aligned change by change
_RESYNC = 32  # characters the two must agree on after a change for it to end there
_REACH = 64  # changes longer than this are aligned by a window of the rest (`_window_spans`)
_WINDOW = 2_048  # characters of each text a dense change is aligned over at a time


def _window_spans(spans: list[tuple[int, int, int, int]], old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """Add the changes of the next `_WINDOW` characters of both texts (from old[i], new[j]) up to the last
    stretch both agree on well inside the window (the alignment is sure there), and say how far (x, y) that
    took each text; with no such stretch, the whole window is one change."""
    a, b = old[i:i + _WINDOW], new[j:j + _WINDOW]
    ops = list(Levenshtein.opcodes(a, b))
    limit = min(len(a), len(b)) - _REACH
    cut = None
    for k in range(len(ops) - 1, -1, -1):
        op = ops[k]
        if op.tag == "equal" and op.src_end <= limit and op.dest_end <= limit:
            cut = k
            break
    if cut is None:
        _add_opcode_spans(spans, a, b, i, j, [Opcode("replace", 0, len(a), 0, len(b))])
        return len(a), len(b)
    _add_opcode_spans(spans, a, b, i, j, ops[:cut + 1])
    return ops[cut].src_end, ops[cut].dest_end


def _resync(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """The least change at old[i], new[j] (x characters of old for y of new, fewest max(x, y) first, the
    shorter side first) after which both agree on `_RESYNC` characters or both end."""
    n, m = len(old), len(new)
    for c in range(1, _REACH + 1):
        for x, y in [(c, c - d) for d in range(c, -1, -1)] + [(c - d, c) for d in range(c, 0, -1)]:
            if i + x > n or j + y > m:
                continue
            r = min(_RESYNC, n - i - x, m - j - y)
            if (r == _RESYNC or (i + x == n and j + y == m)) and old[i + x:i + x + r] == new[j + y:j + y + r]:
                return x, y
    return n - i, m - j


def _common_run(old: str, new: str, i: int, j: int) -> int:
    """How many characters old[i:] and new[j:] share from their start (in steps, then one by one)."""
    k, step = 0, 256
    while step:
        while old[i + k:i + k + step] == new[j + k:j + k + step] and i + k + step <= len(old) \
                and j + k + step <= len(new):
            k += step
        step //= 4
    while i + k < len(old) and j + k < len(new) and old[i + k] == new[j + k]:
        k += 1
    return k


def _add_opcode_spans(spans: list[tuple[int, int, int, int]], old: str, new: str, i0: int, j0: int,
                      ops: Iterable[Opcode] | None = None) -> None:
    """Add the changed places of Levenshtein's opcodes from `old` to `new` (which stand at i0, j0), or of `ops`
    when given, touching changes (also the last span already in `spans`) as one span."""
    for op in Levenshtein.opcodes(old, new) if ops is None else ops:
        if op.tag == "equal":
            continue
        i1, i2, j1, j2 = op.src_start + i0, op.src_end + i0, op.dest_start + j0, op.dest_end + j0
        if spans and spans[-1][1] == i1 and spans[-1][3] == j1:
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))


_CONTEXT = 12  # characters of the text around a change that its edit quotes, each side


def step_edits(kind: str, old: str, new: str, reason: str, line_at: Callable[[int], int],
               prefix: str = "", suffix: str = "", changes: list[tuple[str, str]] | None = None,
               at: int | None = None) -> list[Edit]:
    """One edit per changed place of one fix step, each with its offset (where it stands in the text as the
    step's earlier edits left it, after `prefix`: a table row's cells before this one) and its line.

    `prefix` and `suffix` give the quoted context; a caller may pass only their nearest `_CONTEXT`
    characters and say where `old` starts (`at`) instead of the whole text before it."""
    edits = []
    full, base = prefix + old + suffix, len(prefix)
    start = base if at is None else at
    marks = "".join({a for a, _ in changes}) if changes else ""  # (only `_ONE_FOR_ONE` fixes pass changes)
    for i1, i2, j1, j2 in changed_spans(old, new, marks):
        ctx = full[max(0, base + i1 - _CONTEXT):base + i2 + _CONTEXT]
        confidence = _SHARES.get(kind, {}).get(old[i1:i2], 1.0)
        edits.append(Edit(STAGE, kind, old[i1:i2], new[j1:j2], line_at(i1), confidence, reason, ctx,
                          offset=start + j1))
    return edits


def _normalize_once(block: Block, config: Config, after_cut: bool = False,
                    quoted_on: bool = False, footnotes: bool = False) -> tuple[Block, list[Edit]]:
    """One pass of every fix over a block (see `normalize_block`)."""
    edits: list[Edit] = []
    cur = block  # the block with its origin as the text stands after the last step (a joined run of lines)

    def record(kind: str, old: str, new: str, changes: list[tuple[str, str]] | None = None,
               reason: str | None = None) -> None:
        nonlocal cur
        if new != old:
            step = step_edits(kind, old, new, reason or _REASONS[kind], cur.line_at, changes=changes)
            edits.extend(step)
            if len(block.origin) > 1 and block.role != TABLE:
                cur = replace(cur, origin=shifted_origin(cur.origin, step))

    if block.role == TABLE:
        # a table cell's offsets count in its row's cells joined by tabs, as the row stood at that edit; each
        # row's edits are at the row's own dump line (`Block.row_line`)
        rows = []
        for r, row in enumerate(block.rows):
            line = block.row_line(r)
            new_row: list[str] = []
            at = 0  # where the cell starts in the row's cells joined by tabs
            for c, cell in enumerate(row):
                s, steps = _clean_cell(cell, config.opencc)
                if steps:
                    # the quoted context needs only the nearest cells (each gives a tab at least), not the whole
                    # row: a row of 20,000 cells took minutes (review20a)
                    prefix = "".join(x + "\t" for x in new_row[-_CONTEXT:])
                    suffix = "".join("\t" + x for x in row[c + 1:c + 1 + _CONTEXT])
                for kind, old, new in steps:
                    edits.extend(step_edits(kind, old, new, f"table cells: {_REASONS[kind]}", lambda _i: line,
                                            prefix, suffix, at=at))
                new_row.append(s)
                at += len(s) + 1
            rows.append(tuple(new_row))
        return replace(block, rows=tuple(rows)), edits

    text = block.text
    for kind, fn in _fixes(config.opencc):
        new, changes = fn(text)
        record(kind, text, new, changes if kind in _ONE_FOR_ONE else None)
        text = new
    flags = block.flags
    body = block.role in (TEXT,) and not (block.marked or is_title_like(text))
    if body:
        keep = _keep_spans(text)
        width, wraps = wrap_chain(text)
        if width:
            flags = flags | {f"column:{width}"}
        new, _ = remove_wrap_spaces(text, keep, wraps)
        if new != text:
            record("space", text, new)
            text = new
            # a wrap space may have hidden the Chinese text around a half-width mark ('中 1?': '1?' read as Latin
            # until the space went), so the widths are asked again: normalize must be idempotent (hypothesis found
            # '；中 １?' widened only by a second run)
            new, changes = fix_punct_width(text)
            record("punct", text, new, changes)
            text = new
    elif block.role not in (BYLINE, CREDIT, JUMP):
        stripped = text.strip()
        record("space", text, stripped, reason="space at the start or end of the block removed")
        text = stripped
    # after the spaces (a wrap space between the marks, '。 ，', would hide them until a second run); a title, byline
    # or credit line ends on no opening quote either
    if not quoted_on:
        new, _ = fix_ocr_end_quote(text)
        record("endquote", text, new)
        text = new
    if body:
        new, _ = fix_ocr_stop(text, footnotes)
        record("stop", text, new)
        text = new
        if footnotes and text.rstrip()[-1:] == "*":
            flags = flags | {"footnoted"}  # (`flow` reads a paragraph ending on a note's mark as closed)
    # last, once wrap spaces inside a run are gone; not in table cells, where '--' may stand for 'none' and
    # '|' or ']' may be the table's own marks
    # (the bracket fix once more after `fix_ocr_one`: a closing dateline '〈新华社某地]月5日电)' holds a ']' that only
    # becomes the digit 1 there, and a bracket inside keeps the pair from matching before)
    # (a title keeps its '|': '栏目|标题', a label and a headline an online edition's style parts; review30a)
    bar = drop_ocr_bar if not (block.marked or block.role == TITLE) and (body or not is_title_like(text)) \
        else _unchanged
    for kind, fn in (("dash", partial(fix_ocr_dash, after_cut=after_cut)), ("one", fix_ocr_one),
                     ("bracket", fix_bracket_pairs), ("bar", bar),
                     ("bullet", partial(fix_ocr_bullet, starts=tuple(s for s, _ in cur.origin) or (0,)))):
        new, changes = fn(text)
        record(kind, text, new, changes)
        text = new
    new, changes = drop_stacked_marks(text)
    record("stacked", text, new, changes)
    return replace(block, text=new, flags=flags, origin=cur.origin), edits


def shifted_origin(origin: tuple[tuple[int, int], ...], step: list[Edit]) -> tuple[tuple[int, int], ...]:
    """A block's origin (where each source line starts in its text) after one fix step's edits (in text order,
    each at its offset in the new text): a line starts as many characters earlier or later as the changes before
    it took out or put in (review25a: normalize removed a printed run's wrap spaces and left every later line's
    start one character further off per line, so dedup and every edit's line number read the lines shifted)."""
    out = []
    k, delta = 0, 0  # edits passed; characters they added (or, below 0, removed) before the current start
    for start, ln in origin:
        while k < len(step):
            e = step[k]
            end_old = e.offset - delta + len(e.before)  # where the change ends in the text before the step
            if end_old > start:
                break
            delta += len(e.after) - len(e.before)
            k += 1
        out.append((max(0, start + delta), ln))
    return tuple(out)


def normalize_block(block: Block, config: Config, after_cut: bool = False,
                    quoted_on: bool = False, footnotes: bool = False) -> tuple[Block, list[Edit]]:
    """Normalize one block; return it with one edit per changed place, in the order they were made.

    A dropped stacked mark or stray end quote changes what the earlier fixes saw (':.:' widens to '：：'; a line that
    ended in a clause mark may be title-like now; a tab before '？“' stays, before '？' it goes), so a block that lost
    one is normalized again until nothing changes: each pass that changes text makes it shorter or swaps half-width
    marks for full-width ones, so this ends (rare: OCR pages only; a loop, not a recursion). `after_cut`: the text
    block printed before it stops mid-sentence (`fix_ocr_dash` then reads a 一一 opening it before a verb as 'one by
    one'). `quoted_on`: the next text block closes a quotation it does not open, so an opening quote ending this
    one opens that quotation (`fix_ocr_end_quote` is not asked). `footnotes`: a block of the page opens with '*'
    (`fix_ocr_stop`).
    """
    out, edits = _normalize_once(block, config, after_cut, quoted_on, footnotes)
    more = edits
    while any(e.kind == "stacked" or e.kind == "endquote" and not e.after for e in more):
        out, more = _normalize_once(out, config, after_cut, quoted_on, footnotes)
        edits = edits + more
    return out, edits


def _keep_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spaces that separate names must stay: '(记者 张三 通讯员 李四)' after a dateline, '(王五 赵六)', and the space
    after an outlet's '…消息' lead-in (`patterns.DATELINE`); each such space is a span of its own (`name_separators`), so a line wrap inside a name ('记者余继 军') still goes."""
    spans: list[tuple[int, int]] = []
    d = patterns.DATELINE.match(text)
    if d:
        if text[d.end():d.end() + 1] in (" ", "\u3000") and d.group("dl").endswith("消息"):
            spans.append((d.end(), d.end() + 1))  # '本报综合消息 某某': the space is what tells the lead-in apart
        mb = patterns.DATELINE_BYLINE.match(text, d.end())
        if mb and (not mb.group("by3") or patterns.spaced_names(text, mb)):
            spans += name_separators(text, *mb.span())
            if mb.group("by3"):
                spans.append((mb.end(), mb.end() + 1))  # the space that ends the names: the body opens after it
    if patterns.END_BYLINE.match(text.strip()):
        spans += name_separators(text, 0, len(text))
    return tuple(spans)


_ROLE_IN_BYLINE = re.compile(r"(?:特约|实习|见习)?记者|通讯员|实习生")


def name_separators(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of spaces in the byline `text[start:end]` that stand between names, or between a role word and a
    name: not one after a lone character or before one that follows a name's first characters (no name is one
    character: '记者林 小东', '记 者陈某', '记者张晓 明、刘刚'; a two-character name padded to the width of three,
    '记者 王 军', keeps the space after its role word and loses the pad), and not one before 报道 ('刘刚 报道')."""
    role = [False] * (end - start)
    for m in _ROLE_IN_BYLINE.finditer(text, start, end):
        role[m.start() - start:m.end() - start] = [True] * (m.end() - m.start())

    def piece(k: int, step: int) -> int:
        n = 0
        while start <= k < end and is_han(text[k]) and not role[k - start]:
            n += 1
            k += step
        return n

    out = []
    for i, j in space_runs(text[start:end]):
        i, j = i + start, j + start
        left, right = piece(i - 1, -1), piece(j, 1)
        if left != 1 and not (right == 1 and left) and not text.startswith("报道", j):
            out.append((i, j))
    return out


# Fixes whose edits are not certain: kind -> {replaced text: how often it was really the fix's reading}.
_SHARES = {"bracket": _OPENER_SHARE, "stop": _STOP_SHARE}

_REASONS = {
    "invisible": "zero-width or control character (or a terminal escape sequence) removed, odd space to a plain space",
    "fullwidth": "full-width digit or Latin letter to ASCII",
    "simplified": "traditional or variant glyph to simplified (OpenCC)",
    "quotes": "corner quotes to the mainland form",
    "punct": "half-width punctuation in Chinese text to full-width",
    "ellipsis": "half-width ellipsis after Chinese text to the Chinese ellipsis ……",
    "bracket": "an opener closed by ） is OCR's reading of （",
    "interpunct": "look-alike dot between two words to the separator dot ·",
    "forms": "half-width or vertical form of a Chinese mark to the mark, a full-width stop ending a sentence to 。",
    "stop": "the mark ending a body block is OCR's reading of a full stop",
    "endquote": "an opening quote ending a block (no printed line ends on one) is OCR's: the closing quote of a "
                "quotation the block opened, else a spot removed",
    "dash": "a run of 一 and - is OCR's reading of a dash",
    "one": "a ']' by a digit or before a date unit is OCR's reading of the digit 1",
    "bar": "a '|' inside a line of Chinese text is a column rule OCR read into it",
    "stacked": "the second of two stacked clause marks is a mark OCR added",
    "bullet": "'@' beside Chinese text is OCR's reading of the bullet ●",
    "space": "line-wrap space between Chinese characters removed",
    "stray": "stray mark at the start of a table cell removed",
}


def normalize(page: Page) -> Page:
    config = page.config or Config()
    blocks, edits = [], []
    before = ""  # the last text block's text as printed
    closers = _closes_unopened(page.blocks)
    footnotes = any(b.text.lstrip()[:1] in ("*", "＊") for b in page.blocks)
    for k, b in enumerate(page.blocks):
        nb, e = normalize_block(b, config, after_cut=_stops_mid_sentence(before), quoted_on=k in closers,
                                footnotes=footnotes)
        blocks.append(nb)
        edits += e
        if b.role == TEXT and b.text.strip():
            before = b.text
    blocks, more = figure_stops(blocks)
    return replace(page, blocks=tuple(blocks), edits=page.with_edits(edits + more))


def _closes_unopened(blocks: tuple[Block, ...]) -> set[int]:
    """The text blocks ending on an opening quote whose next text block closes a quotation before it opens one: the
    quotation a column break cut after its opening mark (a paper that sets '：“' at a line's end; review30a). Not after
    a sentence's end: '。“' is Tesseract's spot (`fix_ocr_end_quote`), and its next block may close a quotation whose
    opening mark OCR read as a closing one (real_ocr_tune heavy 012)."""
    out: set[int] = set()
    for k, b in enumerate(blocks):
        end = b.text.rstrip()
        if b.role != TEXT or end[-1:] not in "“‘" or end[-2:-1] in "。！？":
            continue  # ('。“': a sentence ended, the quote is Tesseract's spot, whatever follows)
        nxt = next((n for n in blocks[k + 1:] if n.role == TEXT and n.text.strip()), None)
        if nxt is not None:
            c = nxt.text.find(_CLOSING[end[-1]])
            if c >= 0 and end[-1] not in nxt.text[:c]:
                out.add(k)
    return out


def _stops_mid_sentence(text: str) -> bool:
    """Whether a printed text block stops on a Chinese character, no mark: cut at a column break mid-sentence."""
    t = text.rstrip()
    return bool(t) and is_han(t[-1])


# A half-width stop that ends a block after a figure, with a Chinese character before the figure ('…人数已达1200.'):
# a page set in half-width marks ends its sentence so (review28a: flow read the paragraph as cut and joined the next
# one onto it), a column break inside a decimal cuts it so ('…咖啡豆2.' over '8吨…': the two such block ends on the
# real-OCR tuning and seed-2 dev pages). Which of the two is told by the text that follows: a decimal goes on with
# its digits, so the stop is a sentence's end when none of the next `FIGURE_STOP_SPAN` text blocks opens with a digit.
# (a time span: 9:00-17:00.; a code of letters and digits: 'V2.', '5G.', review29a)
_FIGURE_STOP = re.compile(rf"(?<=[{HAN_CLASS}][A-Za-z]{{0,3}}[0-9.%％:：~～\-]*[0-9%％][A-Za-z]{{0,3}})\.$")
FIGURE_STOP_SPAN = 3


def figure_stops(blocks: list[Block]) -> tuple[list[Block], list[Edit]]:
    """Blocks with a figure's closing half-width stop made '。' where no text block after it goes on with digits
    (a date opening one, `_DATE_OPENING`, goes on no decimal)."""
    edits: list[Edit] = []
    out = list(blocks)
    for i, b in enumerate(blocks):
        if b.role != TEXT or not b.text.endswith(".") or not _FIGURE_STOP.search(b.text):
            continue
        after = islice((c.text.lstrip() for c in islice(blocks, i + 1, None) if c.role == TEXT and c.text.strip()),
                       FIGURE_STOP_SPAN)
        if any(t[:1].isdigit() and not _DATE_OPENING.match(t) for t in after):
            continue
        new = b.text[:-1] + "。"
        edits += step_edits("punct", b.text, new, _FIGURE_STOP_REASON, b.line_at, changes=[(".", "。")])
        out[i] = replace(b, text=new)
    return out, edits


# digits that open a date, not a decimal's fraction: a year ('2023年') or a month with what follows a month ('5月份',
# '5月10日', '5月以来'); '1.' + '5年' may be a year and a half, and stays (review29a: '达到12.' + '2023年，…' was joined)
_DATE_OPENING = re.compile(r"(?:1[89]|20)[0-9]{2}年|[0-9]{1,2}月(?:份|[0-9]{1,2}日|[上中下]旬|初|底|以来)")
_FIGURE_STOP_REASON = "a half-width stop after a figure ends the paragraph (no text after it goes on with digits)"
