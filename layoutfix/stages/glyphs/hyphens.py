"""Hyphens inside Chinese words: Tesseract reads 一 as '-' or '--' (另-方面, 也需要--定) and a speck as '-' (可-能).

Clean Chinese text puts no ASCII hyphen between two Chinese characters (a route or a pair of places is printed with
'—' or '－'), so a run of one or two hyphens glued between two Han characters is a misreading: it is read as 一 when
that makes the words around it more likely than reading the two sides apart, or (one hyphen) removed when the two
sides join into a word, whichever the word model gains more by; with neither gain at the glyph threshold it stays as
printed. The real-OCR tuning pages and the seed-2 real-OCR dev pages hold 159 single hyphens between Chinese
characters (另-方面, 应-该, 再过-年) and 7 pairs (`normalize` leaves a pair that reads as 一 for this step).
"""
from __future__ import annotations

import math
import re  # the standard library's engine: the pattern needs nothing of `regex`

from ...lm import WordLM
from ...textutil import HAN_CLASS, is_han
from .common import _sigmoid_conf, Change, WINDOW

_NUMERALS = frozenset("〇零二三四五六七八九十百千万亿两")  # Chinese numerals but 一 (a hyphen by 一 is asked above)
_HYPHENS = re.compile(f"(?<=[{HAN_CLASS}])-{{1,2}}(?=[{HAN_CLASS}])")


def _han_side(text: str, i: int, step: int) -> str:
    """Up to `WINDOW` Han characters from text[i] on, going `step` (+1 right, -1 left), stopping at any other."""
    out: list[str] = []
    while 0 <= i < len(text) and len(out) < WINDOW and is_han(text[i]):
        out.append(text[i])
        i += step
    return "".join(out if step > 0 else out[::-1])


# The bars, measured on what the clean text holds at each hyphen of the real-OCR tuning and seed-2 dev caches (180
# runs: nothing 70, 一 32, a dash 27, a comma or stop 27, others): reading 一 wherever it scores better than reading
# the sides apart and better than joining them made 12 right and no wrong reading; removing one where the sides
# join with at least JOIN_GAIN into a common word that is no name or place made 33 right and 2 wrong (a character
# misread as '-', where removing costs no more than keeping; the name test kept back 1 right removal). Below those bars most hyphens are a dash or a mark misread, or a speck between two words, which
# the word model cannot tell apart: left as printed. (The glyph threshold, 6.0, would keep 30 of the 36 and none
# of the 12: it is set for look-alikes, which replace a character clean text does print.)
YI_GAIN = 0.0
JOIN_GAIN = 2.0


def _common_word_across(lm: WordLM, left: str, right: str) -> bool:
    """Does the best segmentation of `left + right` put a word across the join that is no name or place (jieba's
    nr*, ns tags)? Web text joins the parts of a transliterated name with a hyphen (某某-某某某): joined, the model
    reads a name or place across them (格里弗, 雷阿伦: 24 of THUCNews' 696 such hyphens cleared `JOIN_GAIN`, all
    so; 1 of the 34 right removals the gain alone made on the dev caches was)."""
    from ..segment.words import word_tags  # (the program's one tag table)
    at = len(left)
    pos = 0
    for w in lm.segment(left + right):
        if pos < at < pos + len(w):
            tag = word_tags().get(w, "")
            return not (tag.startswith("nr") or tag == "ns")
        pos += len(w)
    return False


def _hyphens(text: str, lm: WordLM, known: dict[str, int] | None = None) -> list[Change]:
    """The hyphen runs between Chinese characters read as 一 or removed (see the module docstring)."""
    if "-" not in text:
        return []
    out: list[Change] = []
    for m in _HYPHENS.finditer(text):
        s, e = m.span()
        if "一" in (text[s - 1], text[e]):
            continue  # 一-一, -一一: a dash's reading (`normalize` mends those it can tell), not a lone 一
        if text[s - 1] in _NUMERALS and text[e] in _NUMERALS:
            continue  # a score or range in numerals ('九十-八十五', '三-五天'): two numbers, as printed (review29a)
        if known is not None and known.get(text[s - 1] + "-", 0) > 1 and known.get("-" + text[e], 0) > 1:
            continue  # the same characters hyphened again in the document: a printed convention, as written
        left = _han_side(text, s - 1, -1)
        right = _han_side(text, e, 1)
        apart = lm.score(left) + lm.score(right)
        yi = lm.score(left + "一" + right) - apart
        join = lm.score(left + right) - apart if e - s == 1 else -math.inf
        if yi > YI_GAIN and yi >= join:
            out.append(Change(s, e, "一", "glyph", m.group(), _sigmoid_conf(yi),
                              f"'{m.group()}' between Chinese characters is OCR's reading of 一: LM gain {yi:.1f} "
                              f"over reading the sides apart, {join:.1f} joining them"))
        elif join >= JOIN_GAIN and _common_word_across(lm, left, right):
            out.append(Change(s, e, "", "stray", m.group(), _sigmoid_conf(join - JOIN_GAIN),
                              f"'-' splits a word: join gain {join:.1f} >= {JOIN_GAIN:.1f}"))
    return out
