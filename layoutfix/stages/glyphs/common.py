"""What every part of the glyphs stage shares: the positioned `Change` a fix is, the context window, the
word model's per-word costs in a window score, runs of Han characters and their best segmentation, whether a
place is inside quotes, and the confidence a margin gives.
"""
from __future__ import annotations

from typing import Final

import operator
import re  # the standard library's engine: these patterns need nothing of `regex`, and it runs them 2-4x faster
from collections import Counter
from dataclasses import dataclass

from ...textutil import HAN_CLASS, is_han_code
from ...lm import _forward, WordLM


STAGE: Final = "glyphs"
WINDOW: Final = 4            # characters of context each side when scoring a substitution


QUOTE_MARGIN: Final = 3.0    # extra gain demanded inside 《》 and quotes (titles, names, quoted speech)
assert QUOTE_MARGIN >= 0  # the decoder asks the quote test only of a fix that already clears the bar without it
WORD_PENALTY: Final = 0.25   # log-probability charged per word when a substitution's window is scored (`WordLM.score`):
                      # a unigram model finds lone frequent characters (人|场) nearly as likely as a word (入场)
SINGLE_PENALTY: Final = 0.0  # log-probability charged once more per one-character word in that window score (a word
                      # against the same characters read one by one). Measured on tuning data (session 7, SIM_WEIGHT
                      # 12): 0.5 / 1 / 2 raised FASpell-train lenient F1 11.1 -> 13.9 / 17.1 / 21.5 but changed 0.23% /
                      # 0.57% / 2.5% of clean tuning-day sentences and cut real_ocr-tune light precision to 0.81 /
                      # 0.70 / 0.54; with the present channel weights no value beat 0 under the precision bars


@dataclass(frozen=True)
class Change:
    """One fix at a position of the text as it was when the fix was made."""

    start: int
    end: int
    after: str
    kind: str
    before: str
    confidence: float
    reason: str
    alternatives: tuple[str, ...] = ()


_HAN_RUN: Final = re.compile(f"[{HAN_CLASS}]+")


# whether this module runs compiled (mypyc): its file is then the extension (`_han_spans`, `candidates._free_places`
# and `doubled._repeat_start` read it: those two modules are compiled with this one, setup.py's COMPILED list)
COMPILED: Final = not __file__.endswith(".py")


def _han_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of Han characters (`is_han`): `_HAN_RUN`'s matches' spans.

    Compiled, the runs are walked code point by code point (`_han_walk`: the same spans, tests/test_fast57g_spec.py);
    interpreted, the pattern's scan is the faster."""
    if COMPILED:
        return _han_walk(text)
    return [m.span() for m in _HAN_RUN.finditer(text)]


def _han_walk(text: str) -> list[tuple[int, int]]:
    """`_han_spans` by a walk over the code points (`textutil.is_han_code`, the common block inline).

    Why: the glyph stage asks for a block's runs at each step that reads them (`candidates._gate_runs`,
    `doubled`), and the pattern's scan makes a match object and a span tuple for each run (on 50 tuning pages
    about 2.8% of the stage's instructions); compiled, `ord(text[s])` reads the code point in place (no string
    made), so the walk costs a few comparisons a character."""
    out: list[tuple[int, int]] = []
    n = len(text)
    s = 0
    while s < n:
        o = ord(text[s])
        if not (0x4E00 <= o <= 0x9FFF or o >= 0x3400 and is_han_code(o)):
            s += 1
            continue
        a = s
        s += 1
        while s < n:
            o = ord(text[s])
            if not (0x4E00 <= o <= 0x9FFF or o >= 0x3400 and is_han_code(o)):
                break
            s += 1
        out.append((a, s))
    return out


def _segments(lm: WordLM, run: str) -> list[tuple[int, int]]:
    """(start, end) of every word of the best segmentation of `run`."""
    _, back = _forward(lm, run)
    out, i = [], len(run)
    while i > 0:
        out.append((back[i], i))
        i = back[i]
    return out[::-1]


def _quoted_at(text: str, pos: int) -> bool:
    """Whether text[pos] sits inside quotes or 《》 (more marks opened than closed before it)."""
    return (sum(text.count(m, 0, pos) for m in "“‘《〈「『")
            > sum(text.count(m, 0, pos) for m in "”’》〉」』"))


def _sigmoid_conf(margin: float) -> float:
    """Confidence from how far a gain clears its threshold (0.5 at the threshold)."""
    return round(min(0.99, 0.5 + margin / 20.0), 2)


def _pair_counts(text: str) -> dict[str, int]:
    """How often each two-character string occurs in `text` (overlapping)."""
    return Counter(map(operator.add, text, text[1:]))
