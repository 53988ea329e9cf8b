"""Character bigram statistics derived from a word-frequency model.

Every word of the dictionary contributes its internal character pairs,
weighted by its frequency. The pointwise mutual information of a pair then
says whether two characters are often glued inside words (城|区, 火|爆)
or only ever meet across a word boundary (城|演). `flow` uses it to score a
join; it needs no running text, so it is available for the shipped model too.
"""
from __future__ import annotations

import math
from collections import Counter
from weakref import WeakKeyDictionary

from .lm import WordLM
from .textutil import is_han

NEUTRAL = -2.0
MEMO_SIZE = 50_000  # pairs memoised per model before the memo is emptied (a page needs only its own pairs)
_CACHE: "WeakKeyDictionary[WordLM, CharBigrams]" = WeakKeyDictionary()


class CharBigrams:
    def __init__(self, lm: WordLM) -> None:
        bi: Counter = Counter()
        uni: Counter = Counter()
        for w, f in lm.freq.items():
            for i in range(len(w) - 1):
                bi[w[i:i + 2]] += f
            for c in w:
                uni[c] += f
        self.bi = dict(bi)
        self.uni = dict(uni)
        self.log_n = math.log(sum(uni.values()) or 1)
        self._memo: dict[tuple[str, str], float] = {}  # (a, b) -> PMI: lives and dies with these statistics

    def pmi(self, a: str, b: str) -> float:
        """PMI of the pair a+b inside words; `NEUTRAL` when either is not a Han character.

        A pair that only meets across word boundaries scores low; a pair with a
        digit or mark carries no evidence either way, so it gets the value of a
        typical word boundary rather than a bonus. Memoised on this object, so a value never
        outlives (or leaks into) another model's statistics.
        """
        key = (a, b)
        v = self._memo.get(key)
        if v is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            v = self._memo[key] = self._compute(a, b)
        return v

    def _compute(self, a: str, b: str) -> float:
        if not (is_han(a) and is_han(b)):
            return NEUTRAL
        return (math.log(self.bi.get(a + b, 0) + 0.5) + self.log_n
                - math.log(self.uni.get(a, 0) + 1) - math.log(self.uni.get(b, 0) + 1))


def char_bigrams(lm: WordLM) -> CharBigrams:
    """The statistics for `lm`, computed once per model."""
    cb = _CACHE.get(lm)
    if cb is None:
        cb = _CACHE[lm] = CharBigrams(lm)
    return cb
