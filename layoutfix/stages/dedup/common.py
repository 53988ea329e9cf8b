"""What the other dedup modules share: the content form of a line, OCR look-alikes, figures, dictionary words."""
from __future__ import annotations

from functools import lru_cache

import re as _re
from typing import Final

from rapidfuzz.distance import Levenshtein

from ...confusion import load_confusion
from ...lm import WordLM
from ..flow.words import word_tags

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)

# whether this module runs compiled (mypyc): its file is then the extension. The dedup modules are compiled together
# (setup.py's COMPILED list), and a loop that reads code points in place (`ord(text[j])`) is the faster one compiled,
# `str.find` or a pattern interpreted (`doublings._echoes_near`)
COMPILED: Final = not __file__.endswith(".py")


# A character that is not a letter (Han included) or a digit (`[\W_]`: \w is `str.isalnum` or '_'), found as one
# outside the ASCII letters and digits and the basic CJK block (each a letter or digit to `str.isalnum`, every one
# of U+4E00-U+9FFF since Unicode 14, Python 3.11) that \w does not take either: the class is a bitmap sre's prefix
# loop reads per character, and the category test of \W (four lookups of the character: letter, decimal, digit,
# numeric) runs only on the few characters it stops at (`content`'s pass over a page's lines: 20% faster than
# `[\W_][\W_]*`; one character a match, the same characters removed)
_NOT_WORD_CHAR: Final = _re.compile(r"[^0-9A-Za-z\u4e00-\u9fff](?<=[\W_])")


# the marks news text holds most, taken out by str.replace before the regular expression: `sub` pays for every
# run it finds far more than a replace pays per character (dedup 3.0% fewer instructions over 163 pages)
_COMMON_MARKS: Final = ("，", "。", "、", "“", "”")


def content(text: str) -> str:
    """Letters, digits and Han only: punctuation and spaces are where two readings differ most.

    The characters kept are those `str.isalnum` takes. Compiled, one walk over the code points finds the others
    (`_content_by_code`); interpreted, `str.replace` and the pattern are the faster."""
    if COMPILED:
        return _content_by_code(text)
    for mark in _COMMON_MARKS:
        text = text.replace(mark, "")
    return text if text.isalnum() else _NOT_WORD_CHAR.sub("", text)  # (isalnum: every character is a letter or digit)


def _content_by_code(text: str) -> str:
    """`content` by one walk over the code points (`ord(text[i])`, read in place compiled): an ASCII letter or digit
    and a Han character of the common block (each `str.isalnum`) are passed over at once, the common marks
    (`_COMMON_MARKS`) and ASCII others dropped at once, any other character asked `str.isalnum`; the text between two
    dropped characters is kept as a slice.

    Why: dedup reads the content of a page's lines joined (`repeats._contents`), and the five `str.replace` passes
    and the pattern's `sub` over it cost the compiled stage 36 M of its 826 M instructions on 40 tuning pages
    (session 58)."""
    parts: list[str] = []
    start = 0
    for i in range(len(text)):
        cp = ord(text[i])
        if 0x4E00 <= cp <= 0x9FFF or 0x30 <= cp <= 0x39 or 0x61 <= (cp | 0x20) <= 0x7A:
            continue  # (a Han character of the common block, a digit, a letter A-Z or a-z)
        if cp < 0x80 or cp == 0xFF0C or cp == 0x3002 or cp == 0x3001 or cp == 0x201C or cp == 0x201D \
                or not text[i].isalnum():  # (ASCII others, then '，。、“”', then the rest asked)
            if i > start:
                parts.append(text[start:i])
            start = i + 1
    if start == 0:
        return text  # (nothing dropped)
    parts.append(text[start:])
    return "".join(parts)


def holds_any(chars: frozenset[str], text: str) -> bool:
    """Whether `text` holds one of `chars` (single characters): `not chars.isdisjoint(set(text))` without a set of
    `text`, whose every CJK character is a new string object (dedup asks it of each line's head against the marks
    a copy of the line before may stop on: mostly two or three, or a character's few dozen look-alikes after a
    column line; the shorter side is walked)."""
    if len(chars) <= len(text):
        for c in chars:
            if c in text:
                return True
        return False
    for c in text:
        if c in chars:
            return True
    return False


def holds_two(items: str | tuple[str, ...] | frozenset[str], text: str) -> bool:
    """Whether `text` holds two different ones of `items`: `len(set(filter(text.__contains__, items))) >= 2`,
    stopping at the second without building the set (asked of most pairs of lines, and mostly false)."""
    first: str | None = None
    for c in items:
        if c in text:
            if first is None:
                first = c
            elif c != first:
                return True
    return False


_CLAUSE_MARKS: Final = frozenset("，。；！？")
_CLOSING: Final = set("，、。；：！？”’）》…—,.;:!?)")

_SIMILAR: Final[dict[str, frozenset[str]]] = {}


def looks_alike(a: str, b: str, top: int | None = None) -> bool:
    """Whether OCR takes `a` and `b` for each other (the glyph confusion table `glyphs` uses too; with `top`,
    only among each character's `top` closest look-alikes)."""
    if top is not None:
        return b in _closest(a, top) or a in _closest(b, top)
    return b in _similar(a) or a in _similar(b)


@lru_cache(maxsize=None)
def _closest(c: str, top: int) -> frozenset[str]:  # (the rare cut-off path; `_similar`'s plain dict serves the
    # hot one: one lru_cache for both costs dedup 0.3% more instructions over 163 pages)
    return frozenset(x for x, _ in load_confusion().get(c, ())[:top])


@lru_cache(maxsize=None)
def alikes(c: str) -> frozenset[str]:
    """`c` and every character that `looks_alike` it: one set to test a whole string against at once."""
    return frozenset(c) | _similar(c) | _similar_to().get(c, frozenset())


@lru_cache(maxsize=1)
def _similar_to() -> dict[str, frozenset[str]]:
    """Character -> the characters whose look-alikes hold it (the confusion table read backwards)."""
    back: dict[str, set[str]] = {}
    for a, pairs in load_confusion().items():
        for b, _ in pairs:
            back.setdefault(b, set()).add(a)
    return {b: frozenset(s) for b, s in back.items()}


def _similar(c: str) -> frozenset[str]:
    s = _SIMILAR.get(c)
    if s is None:
        s = _SIMILAR[c] = frozenset(x for x, _ in load_confusion().get(c, ()))
    return s


# (`[c][c]*` rather than `[c]+`: a pattern that opens with a class lets sre skip to the next place it can match in
# its fast prefix loop instead of calling its matcher at every character; the same strings match)
_NOT_DIGIT: Final = _re.compile("[^0-9][^0-9]*")


def _same_figures(a: str, b: str) -> bool:
    """Whether `a` and `b` hold the same digits in the same order (normalize has made every digit ASCII).

    A digit lost, added or changed makes another figure ('2023年12月' / '2023年2月');
    a separator lost between two runs ('2023年3月' / '20233月') is a misreading.
    """
    return _NOT_DIGIT.sub("", a) == _NOT_DIGIT.sub("", b)


def _word_swaps(lm: WordLM, a: str, b: str) -> int:
    """How many stretches of two or more characters the alignment changes into dictionary words.

    Misreading garbles characters into non-words; rephrasing and parallel
    sentences swap words for words ('农村干部' / '青年干部', '地下通道' / '水下通道').
    """
    n = 0
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "replace" and j2 - j1 >= 2 and i2 - i1 >= 2 and _has_word(lm, a[i1:i2]) and _has_word(lm, b[j1:j2]):
            n += 1
    return n


def _swaps_one_word(lm: WordLM, a: str, b: str) -> bool:
    """Whether `b` says `a` otherwise by swapping one word: the alignment replaces one stretch of two or more
    characters, a dictionary word on both sides whose characters are no look-alikes of each other, adds nothing
    and loses at most two characters besides (a function word: '到底是' / '究竟'); characters of `a` before
    the alignment starts are free (a copy may repeat only the end of a line).

    Parallel and restating sentences swap a word ('胡杨林' / '梭梭林'); a garbled copy holds a few scattered
    misreadings. Of 2,639 garbled copies the finders took (the synthesizer's garbling of seed-67 tuning-day
    clauses) 1 changes only one word so; of the 199 copies they took on synthetic-tune, seed-67 and
    real_ocr-tune pages none (the one of the clean tuning-day pages did: '领导班子' / '干部队伍').
    """
    swapped = None
    lost = 0
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal" or tag == "delete" and i1 == 0:
            continue
        if tag == "insert" or tag == "replace" and (swapped is not None or j2 - j1 > i2 - i1):
            return False
        if tag == "replace":
            swapped = a[i1:i2], b[j1:j2]
        lost += (i2 - i1) - (j2 - j1)
    if swapped is None or lost > 2:
        return False
    x, y = swapped
    return len(x) >= 2 and len(y) >= 2 and _has_word(lm, x) and _has_word(lm, y) \
        and not any(map(looks_alike, x, y)) and not _opens_on_function_word(lm, x) and not _opens_on_function_word(lm, y)


# jieba's tags (first letter) of the closed classes of one-character words: pronouns, particles, prepositions,
# conjunctions. A line that says the one before otherwise on purpose puts a word of the same kind in its place (你 /
# 我, 和 / 或); OCR puts any character of like shape (的 read 时, 你 read 不)
CLOSED_CLASSES: Final = frozenset("rupc")


def _opens_on_function_word(lm: WordLM, s: str) -> bool:
    """Whether `s` opens on a one-character function word (`CLOSED_CLASSES`) of its best segmentation: a stretch a
    sentence said otherwise swaps is a word ('芦苇' / '红柳', '到底' / '究竟'); a misread stretch runs from a particle
    into the next word ('…长河的总体再现' / '…河时治本再现': '的总体' read '时治本'). (Its end may be one: a noun
    read as a particle's form, '苜蓿地'.)"""
    words = lm.segment(s)
    tags = word_tags()
    return bool(words) and len(words[0]) == 1 and tags.get(words[0], "")[:1] in CLOSED_CLASSES


def _has_word(lm: WordLM, s: str) -> bool:
    return lm.has(s) or any(lm.has(s[i:i + 2]) for i in range(len(s) - 1))


def _has_word_at(lm: WordLM, text: str, k: int) -> bool:
    """Whether a dictionary word of two to four characters covers offset `k` of `text`."""
    return any(lm.has(text[s:s + n]) for n in (2, 3, 4) for s in range(max(0, k - n + 1), min(k, len(text) - n) + 1))


_NUMERALS: Final = frozenset("〇一二三四五六七八九十百千万亿两")


def _is_figure(c: str) -> bool:
    """A digit or a Han numeral: read as another, it makes another figure, not a misreading."""
    return c.isdigit() or c in _NUMERALS


def _both_figures(a: str, b: str) -> bool:
    return _is_figure(a) and _is_figure(b)
