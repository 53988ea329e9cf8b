"""An upper bound of a look-alike's word gain from the words over its place alone (`_gain_bound`), so a
window no look-alike can win is never scored.
"""
from __future__ import annotations

from typing import Final

from ...lm import KeySet, WordLM
from .common import WORD_PENALTY
from .channel import WORD_WEIGHT


assert WORD_WEIGHT >= 0  # `_gain_bound` bounds the word gain; a negative weight would turn it round
BOUND_SLACK: Final = 1e-6  # `_gain_bound` is exact arithmetic's bound; the sums it is compared with differ from it by
                    # float rounding (about 1e-14 on window scores of tens), far below this


Lexicon = tuple[KeySet, dict[str, float], int]  # (lm.prefixes, lm.logp, lm.max_len)


def _lexicon(lm: WordLM) -> Lexicon:
    """The model's word prefixes, word log-probabilities and longest word, as `_gain_bound` reads them."""
    return lm.prefixes, lm.logp, lm.max_len


def _gain_bound(lm: WordLM, ctx: str, j: int, x: str, lps: list[float], cost_x: float,
                pairs: KeySet | None = None, lexicon: Lexicon | None = None) -> float:
    """An upper bound of `Window(lm, ctx, WORD_PENALTY, SINGLE_PENALTY)`'s `rescore(j, x) - score` (asked where
    ctx[j] makes no known pair with either neighbour, or only pairs of rare words, `candidates.WEAK_PAIR`).

    `lps`: each character's cost as a one-character word (`lm._single_costs`); `cost_x`: x's; `pairs`: `lm.pairs`,
    when the caller has read it (read once a block, not at each of some 40,000 bounds on 50 tuning pages);
    `lexicon`: `_lexicon(lm)`, when the caller has it (the model's attributes read once a block, not four times a bound:
    each read is a generic attribute lookup on the interpreted model class, and the fourth a bound method made).
    Why it bounds: the window's score is L(j) + lps[j] + R(j + 1) (L, R: best scores of the text
    before and after a place), and the new score is the best over the words W = alt[s:e] over j of
    L(s) + W's cost + R(e). As L(j) >= L(s) + best(ctx[s:j]) >= L(s) + sum(lps[s:j]), and so on the
    right, the gain is at most W's cost less the one-character costs of W's other characters, less
    lps[j]. Where ctx[j] sits inside a (rare) word of the window's best segmentation, the window scores at
    least L(j) + lps[j] + R(j + 1), so the bound holds there too. It reads only the words over j, not the
    window's segmentation (`Window`), so a look-alike that cannot clear the bar is dropped before the window is scored.
    """
    prefixes, logp, max_len = lexicon if lexicon is not None else _lexicon(lm)
    pen = WORD_PENALTY
    if pairs is None:
        pairs = lm.pairs
    n = len(ctx)
    alt = ctx[:j] + x + ctx[j + 1:]
    best = cost_x  # x alone
    lo = max(0, j - max_len + 1)
    s, left = j, 0.0  # left: the lone costs of alt[s:j]
    while True:
        if alt[s:j + 1] in prefixes:  # else no word from s reaches over j
            end = s + max_len
            if end > n:
                end = n
            right = 0.0  # the lone costs of alt[j + 1:e]
            for e in range(j + 2, end + 1):
                right += lps[e - 1]
                w = alt[s:e]
                if w not in prefixes:
                    break
                lp = logp.get(w)
                if lp is not None:
                    v = lp - pen - left - right
                    if v > best:
                        best = v
            if s < j:
                lp = logp.get(alt[s:j + 1])  # the word ending at x
                if lp is not None:
                    v = lp - pen - left
                    if v > best:
                        best = v
        s -= 1
        if s < lo or alt[s:s + 2] not in pairs:
            break  # a word from s or further left would hold this pair, which no word does
        left += lps[s]
    return best - lps[j]
