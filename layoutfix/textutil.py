"""Character classes and small text helpers shared by the stages.

Kept in one place so that every stage agrees on what counts as a Chinese
character, as sentence-final punctuation or as a line-wrap space.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from typing import Final

# (Final, each: this module runs compiled, and a Final name is read from a static, not looked up in the module's
# globals at every use)
# CJK punctuation in the standard full-width forms the gold uses.
CJK_PUNCT: Final = set("，。、；：？！“”‘’（）《》〈〉【】——…·「」『』〔〕［］｛｝－～")
# Characters that end a sentence; a block ending in one of them is closed.
SENTENCE_END: Final = set("。！？!?…")
# Closing marks that may follow a sentence end ("……。”").
CLOSERS: Final = set("”’）)》」』】")
_CLOSERS: Final = "".join(sorted(CLOSERS))  # (as `str.rstrip`'s argument)
# Clause punctuation: a title line rarely contains these.
CLAUSE_PUNCT: Final = set("，。；！？,;!?")
# The ranges `is_han` accepts, for a regex character class: f"[{HAN_CLASS}]".
# Stages build their Han patterns from this instead of writing the ranges again.
HAN_CLASS: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block and extensions A to G).

    The ranges are compared as strings, the length last: no `ord` call, and a string of two or more characters
    that sorts inside a range ('中文') still fails on its length (the same answer for every string as comparing
    code points; flow alone asks it about 800 times a page)."""
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"
            or "\uf900" <= ch <= "\ufaff") and len(ch) == 1


def is_han_code(cp: int) -> bool:
    """`is_han` of the character with code point `cp` (the same ranges, the common block first): for compiled loops
    that read code points in place (`ord(text[i])`, no one-character string made; dedup's echo pass, the glyph
    stage's walks), which ask the common block inline first and this for the rest."""
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def is_cjk_punct(ch: str) -> bool:
    if len(ch) != 1:
        return False
    return ch in CJK_PUNCT or 0x3000 <= ord(ch) <= 0x303F or 0xFF01 <= ord(ch) <= 0xFF0F


def is_cjkish(ch: str) -> bool:
    """A Chinese character or a full-width Chinese punctuation mark."""
    return is_han(ch) or is_cjk_punct(ch)


def display_width(text: str) -> int:
    """Width in half-width cells, as a typesetter would count a printed line.

    ASCII punctuation counts as full-width: in Chinese text it stands for a
    full-width mark that OCR read as half-width.
    """
    w = 0
    for c in text:
        if c.isspace():
            continue
        if unicodedata.east_asian_width(c) in "WF" or c in ",.:;!?()\"'":
            w += 2
        else:
            w += 1
    return w


def nonspace(text: str) -> str:
    return "".join(text.split())


def char_counts(text: str) -> Counter:
    """Multiset of the non-whitespace characters of `text` (the unit of 'no text lost')."""
    return Counter(nonspace(text))


def surely_longer(text: str, limit: int) -> bool:
    """Whether `text` is longer than `limit` with no white space at either end, so that `text.strip()` is longer
    too: a line that a length-capped test (`is_title_like`, `is_furniture`: False past their caps) answers at
    once, asked here before their caches hash the whole line and keep it (most blocks are long paragraphs)."""
    return len(text) > limit and not text[0].isspace() and not text[-1].isspace()


def ends_open(text: str) -> bool:
    """True when `text` stops mid-sentence (no sentence-final punctuation at its end)."""
    t = text.rstrip().rstrip(_CLOSERS)  # (the closers after the last non-space, in one call)
    if not t:
        return False
    return t[-1] not in SENTENCE_END and t[-1] not in "；;"


def ends_with_closing_quote_only(text: str) -> bool:
    """'…“四个意识”' : a quote closes but no sentence mark precedes it (weakly closed)."""
    t = text.rstrip()
    return len(t) >= 2 and t[-1] in "”’" and t[-2] not in SENTENCE_END


def space_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of ASCII spaces, for stages that judge each space on its neighbours."""
    runs, i, n = [], 0, len(text)
    while i < n:
        if text[i] == " ":
            j = i
            while j < n and text[j] == " ":
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


# whether this module runs compiled (mypyc): its file is then the extension (`lm.WALK_ALWAYS` reads it)
COMPILED: Final = not __file__.endswith(".py")


def short_walk(text: str, logp: dict[str, float], prefixes: dict[str, None], max_len: int,
               unk: float) -> tuple[list[float], list[int]]:
    """The best log-probability of every prefix of a short `text` under a word table (`logp`; `prefixes`: every
    prefix of a word, `lm.key_set`) and where its last word starts: `lm._forward` without penalties, character by
    character (each start's one-character cost, then its words of two characters and more while the string stays
    a prefix). One walk for `lm._forward` and for `flow`'s heads and tails of blocks, in this compiled module
    (`lm` is not compiled; flow walks some 8,000 such texts per 123 pages)."""
    n = len(text)
    best = [-math.inf] * (n + 1)  # (one list, not two joined into a third)
    best[0] = 0.0
    back = list(range(-1, n))  # back[i] = i - 1: a single character by default
    for i in range(n):
        bi = best[i]
        s = bi + logp.get(text[i], unk)
        if s > best[i + 1]:
            best[i + 1] = s
            back[i + 1] = i
        end = i + max_len
        if end > n:
            end = n
        j = i + 2
        while j <= end:
            w = text[i:j]
            if w not in prefixes:
                break  # (prefixes are closed: no longer string is a word either)
            lp = logp.get(w)
            if lp is not None:
                s = bi + lp
                if s > best[j]:
                    best[j] = s
                    back[j] = i
            j += 1
    return best, back
