"""A small offline language model: word frequencies plus best-segmentation scoring.

The shipped default is built only from jieba's `dict.txt` (MIT licence, 349k
words with corpus frequencies), read from the installed jieba package, so
no text of ours or of a research corpus ships with layoutfix. A model built by
`layoutfix train-lm` from a user's own clean text adds that text's word
counts on top (see `layoutfix.lmtrain`).

`score(text)` is the log-probability of the best segmentation of `text` into
dictionary words (a unigram word model, as jieba itself uses). The stages ask
one kind of question of it: is a string better than an alternative? For
example `join_gain("…新城", "区委…")` is positive because the join creates the
word 新城区 across the boundary.
"""
from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .textutil import is_han

MAX_WORD = 8


class WordLM:
    """Unigram word model over a frequency dictionary."""

    def __init__(self, freqs: dict[str, int], name: str = "custom") -> None:
        self.name = name
        self.freq = freqs
        total = sum(freqs.values()) or 1
        self.total = total
        self.log_total = math.log(total)
        self.max_len = min(MAX_WORD, max((len(w) for w in freqs), default=1))
        # an unseen single character costs a little more than the rarest word
        self.unk = math.log(0.5) - self.log_total

    # -- loading --------------------------------------------------------------
    @classmethod
    def from_jieba(cls) -> "WordLM":
        path = resources.files("jieba").joinpath("dict.txt")
        freqs: dict[str, int] = {}
        with path.open("r", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split(" ")
                if len(parts) >= 2 and any(is_han(c) for c in parts[0]):
                    freqs[parts[0]] = freqs.get(parts[0], 0) + int(parts[1])
        return cls(freqs, name="jieba-dict")

    @classmethod
    def load(cls, path: str | Path) -> "WordLM":
        """Load a model written by `save` (gzip JSON: {"name", "words": {word: count}})."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        base = cls.from_jieba() if data.get("base") == "jieba-dict" else None
        freqs = dict(base.freq) if base else {}
        for w, c in data["words"].items():
            freqs[w] = freqs.get(w, 0) + int(c)
        return cls(freqs, name=data.get("name", str(path)))

    def save(self, path: str | Path, base: str | None = "jieba-dict",
             only: dict[str, int] | None = None) -> None:
        words = only if only is not None else self.freq
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump({"name": self.name, "base": base, "words": words}, fh, ensure_ascii=False)

    # -- queries --------------------------------------------------------------
    def word_logp(self, w: str) -> float | None:
        f = self.freq.get(w)
        return None if not f else math.log(f) - self.log_total

    def has(self, w: str) -> bool:
        return w in self.freq

    def score(self, text: str) -> float:
        """Log-probability of the best segmentation of `text` (non-Han runs cost one unit each)."""
        return _viterbi(self, text)

    def segment(self, text: str) -> list[str]:
        """The best segmentation itself (for explanations and tests)."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        for i in range(1, n + 1):
            for k in range(1, min(self.max_len, i) + 1):
                w = text[i - k:i]
                lp = self.word_logp(w)
                if lp is None:
                    if k > 1:
                        continue
                    lp = self.unk
                s = best[i - k] + lp
                if s > best[i]:
                    best[i], back[i] = s, i - k
        out, i = [], n
        while i > 0:
            out.append(text[back[i]:i])
            i = back[i]
        return out[::-1]

    def join_gain(self, left: str, right: str, k: int = 4) -> float:
        """How much more likely `left+right` is as one string than as two (a word across the join)."""
        a, b = left[-k:], right[:k]
        if not a or not b:
            return 0.0
        return self.score(a + b) - self.score(a) - self.score(b)

    def word_coverage(self, text: str) -> float:
        """Share of Han characters that the best segmentation puts inside multi-character words."""
        han = [c for c in text if is_han(c)]
        if not han:
            return 0.0
        covered = 0
        for run in _han_runs(text):
            covered += sum(len(w) for w in self.segment(run) if len(w) > 1)
        return covered / len(han)


def _han_runs(text: str) -> list[str]:
    runs, cur = [], []
    for c in text:
        if is_han(c):
            cur.append(c)
        elif cur:
            runs.append("".join(cur))
            cur = []
    if cur:
        runs.append("".join(cur))
    return runs


def _viterbi(lm: WordLM, text: str) -> float:
    n = len(text)
    if n == 0:
        return 0.0
    best = [0.0] + [-math.inf] * n
    freq, log_total, unk, max_len = lm.freq, lm.log_total, lm.unk, lm.max_len
    for i in range(1, n + 1):
        bi = -math.inf
        for k in range(1, min(max_len, i) + 1):
            f = freq.get(text[i - k:i])
            if f:
                s = best[i - k] + math.log(f) - log_total
            elif k == 1:
                s = best[i - 1] + unk
            else:
                continue
            if s > bi:
                bi = s
        best[i] = bi
    return best[n]


@lru_cache(maxsize=4)
def load_lm(path: str | None = None) -> WordLM:
    """The model a run uses: `path` if given, else the shipped jieba-based default (cached)."""
    if path:
        return WordLM.load(path)
    return WordLM.from_jieba()
