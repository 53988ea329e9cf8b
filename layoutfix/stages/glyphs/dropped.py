"""Dropped characters: a character OCR lost between two Chinese characters (本报者 → 本报记者), put back.

PROTOTYPE, OFF (`DROP_MARGIN` None), session 30 (glyph30); reverted in the next commit, kept in the branch's
history with what it measured. A drop leaves two characters side by side that make no known pair, so only such
gaps are tried, with a fill that makes a known pair on both sides and a frequent two-character word with one of
them (`_two_char_words`); the fill must raise the window's word-LM score (plus a trained model's character-trigram
gain) by `DROP_MARGIN` over the stage's bar and beat the runner-up fill by `DROP_GAP`.
Measured (shipped model, synthetic tune and fresh tuning-day pages 2/4/5/11, unseen-text pages: 720 pages, 819
logged drops): 95 of tune's 124 drops sit at a gap of no known pair and 96 have the lost character among the
fills, but the unigram word model barely tells a restored word from clean text's own gaps (112,094 gaps tried on
the 120 tune pages, 3x the whole pipeline's time); margin 4: tune 3 made, 1 right; margin 8: 3 made over the 720
pages, 2 right (爱沙尼亚-like completions); clean sentences of 1998-01-13..16 unchanged at 8, one changed at 4. A
news trigram model (days 01-12) on unseen-text pages ranked the lost character first at 15 of 109 drop gaps.
"""
from __future__ import annotations

from ...lm import BOS, surnames, WordLM
from .common import _han_spans, _quoted_at, _sigmoid_conf, Change, SINGLE_PENALTY, WINDOW, WORD_PENALTY
from .doubled import _two_char_words
from .names import _name_context

DROP_MARGIN: float | None = None # gain over `config.glyph_threshold` a fill needs (None: the move is off)
DROP_CHAR_WEIGHT = 1.0          # weight of a trained model's character-trigram gain
DROP_GAP = 2.0                   # ... and over the runner-up fill
DROP_NAME_CTX = 0.45             # `_name_context` at or above which a gap is left (a name's characters)
RECORD: list | None = None       # a list: every best fill tried is appended (tuning; see `layoutfix.resources`)


def _fills(a: str, b: str, lm: WordLM) -> set[str]:
    """Characters x that make a frequent two-character word with a (ax) or b (xb) and a known pair with the
    other side."""
    opens, closes = _two_char_words(lm)
    pairs = lm.pairs
    out = {w[1] for w in opens.get(a, ()) if w[1] + b in pairs}
    out.update(w[0] for w in closes.get(b, ()) if a + w[0] in pairs)
    return out


def _dropped(text: str, lm: WordLM, threshold: float, known: dict[str, int] | None = None) -> list[Change]:
    """Insertions of one character at gaps of Han runs whose two sides make no known pair."""
    if DROP_MARGIN is None:
        return []
    pairs = lm.pairs
    names = surnames()
    chars = lm.chars if lm.has_chars else None
    need = threshold + DROP_MARGIN
    out: list[Change] = []
    for s, e in _han_spans(text):
        run = text[s:e]
        if len(run) < 2:
            continue
        for p in range(1, len(run)):
            a, b = run[p - 1], run[p]
            if a + b in pairs or a == b:
                continue
            if known is not None and known.get(a + b, 0) > 1:
                continue  # a pair printed twice in the document is taken as written (names, terms)
            fills = _fills(a, b, lm)
            if not fills:
                continue
            lo, hi = max(0, p - WINDOW), min(len(run), p + WINDOW)
            left, right = run[lo:p], run[p:hi]
            base = lm.score(left + right, WORD_PENALTY, SINGLE_PENALTY)
            if chars is not None:
                cl = (BOS + BOS + run)[max(0, p + 2 - 6):p + 2]
                cr = run[p:p + 3]
                cbase = chars.score(cl + cr, len(cl))
            scored = []
            for x in fills:
                wg = lm.score(left + x + right, WORD_PENALTY, SINGLE_PENALTY) - base
                cg = chars.score(cl + x + cr, len(cl)) - cbase if chars is not None else 0.0
                scored.append((wg + DROP_CHAR_WEIGHT * cg, x, wg, cg))
            scored.sort(reverse=True)
            g, x, wg, cg = scored[0]
            gap = g - scored[1][0] if len(scored) > 1 else 10.0
            name_ctx = (_name_context(run, p - 1) + _name_context(run, p)) / 2
            guarded = name_ctx >= DROP_NAME_CTX or _quoted_at(text, s + p)
            if RECORD is not None:
                RECORD.append((text, s + p, x, g, gap, name_ctx, guarded, wg, cg))
            if guarded or g < need or gap < DROP_GAP:
                continue
            out.append(Change(s + p, s + p, x, "drop", "", _sigmoid_conf(g - need),
                              f"'{a}{b}' make no known pair; '{x}' between them makes "
                              f"{lm.segment(run[max(0, p - 3):p] + x + run[p:p + 3])}: "
                              f"LM gain {g:.1f} >= {need:.1f}, {gap:.1f} over the next fill",
                              tuple(y for _, y, *_ in scored[1:3])))
    return out
