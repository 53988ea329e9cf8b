"""A small offline language model: word frequencies plus best-segmentation scoring.

The shipped default is built only from jieba's `dict.txt` (MIT licence, 349k
words with corpus frequencies), read from the installed jieba package, so
no text of ours or of a research corpus ships with layoutfix. A model built by
`layoutfix train-lm` from a user's own clean text adds that text's word
counts on top, and may carry character-bigram counts (see `layoutfix.lmtrain`).

`score(text)` is the log-probability of the best segmentation of `text` into
dictionary words (a unigram word model, as jieba itself uses). The stages ask
one kind of question of it: is a string better than an alternative? For
example `join_gain("…新城", "区委…")` is positive because the join creates the
word 新城区 across the boundary.

Speed: the segmentation walks a prefix set (jieba's DAG idea), so each
position tries only the word lengths that can still become a word, instead of
every length up to `MAX_WORD`; log-probabilities are computed once at load.
"""
from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

from .textutil import is_han

MAX_WORD = 8


class WordLM:
    """Unigram word model over a frequency dictionary (optionally with character-bigram counts)."""

    def __init__(self, freqs: dict[str, int], name: str = "custom",
                 bigrams: Mapping[str, int] | None = None) -> None:
        self.name = name
        self.freq = freqs
        total = sum(freqs.values()) or 1
        self.total = total
        self.log_total = math.log(total)
        self.max_len = min(MAX_WORD, max((len(w) for w in freqs), default=1))
        # an unseen single character costs a little more than the rarest word
        self.unk = math.log(0.5) - self.log_total
        lt = self.log_total
        self.logp: dict[str, float] = {w: math.log(f) - lt for w, f in freqs.items()
                                       if f > 0 and len(w) <= self.max_len}
        prefixes: set[str] = set()
        for w in self.logp:
            for k in range(1, len(w)):
                prefixes.add(w[:k])
        self.prefixes = prefixes | set(self.logp)
        # counts of adjacent character pairs in running text (from `train-lm`), else empty
        self.bigrams: dict[str, int] = dict(bigrams or {})
        self._pairs: set[str] | None = None
        self._firsts: dict[str, int] | None = None

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
        """Load a model written by `save` (gzip JSON: {"name", "base", "words": {word: count}, "bigrams"?})."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        base = cls.from_jieba() if data.get("base") == "jieba-dict" else None
        freqs = dict(base.freq) if base else {}
        for w, c in data["words"].items():
            freqs[w] = freqs.get(w, 0) + int(c)
        return cls(freqs, name=data.get("name", str(path)), bigrams=data.get("bigrams"))

    def save(self, path: str | Path, base: str | None = "jieba-dict",
             only: dict[str, int] | None = None) -> None:
        words = only if only is not None else self.freq
        data: dict[str, object] = {"name": self.name, "base": base, "words": words}
        if self.bigrams:
            data["bigrams"] = self.bigrams
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)

    # -- queries --------------------------------------------------------------
    def word_logp(self, w: str) -> float | None:
        return self.logp.get(w)

    def has(self, w: str) -> bool:
        return w in self.freq

    @property
    def pairs(self) -> set[str]:
        """Every two-character string seen inside a dictionary word or in training text."""
        if self._pairs is None:
            pairs = {b for b, c in self.bigrams.items() if c > 1}
            for w in self.logp:
                if len(w) == 2:
                    pairs.add(w)
                else:
                    pairs.update(w[i:i + 2] for i in range(len(w) - 1))
            self._pairs = pairs
        return self._pairs

    def pair_score(self, text: str, alpha: float = 0.1) -> float:
        """Character-bigram log-probability of the transitions inside `text` (0 without bigram counts).

        P(b | a) = (count(ab) + alpha) / (count(a·) + alpha * V), V the number of
        characters seen first in a pair: the normalisation by count(a·) is what
        keeps a frequent pair from winning merely for being frequent.
        """
        if not self.bigrams:
            return 0.0
        if self._firsts is None:
            firsts: dict[str, int] = {}
            for b, c in self.bigrams.items():
                firsts[b[0]] = firsts.get(b[0], 0) + c
            self._firsts = firsts
        firsts, big = self._firsts, self.bigrams
        av = alpha * max(1, len(firsts))
        lp = 0.0
        for i in range(len(text) - 1):
            lp += math.log((big.get(text[i:i + 2], 0) + alpha) / (firsts.get(text[i], 0) + av))
        return lp

    def score(self, text: str) -> float:
        """Log-probability of the best segmentation of `text` (each unknown character costs `unk`)."""
        return _viterbi(self, text)

    def segment(self, text: str) -> list[str]:
        """The best segmentation itself (for explanations and tests)."""
        n = len(text)
        best, back = _forward(self, text)
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


def _forward(lm: WordLM, text: str) -> tuple[list[float], list[int]]:
    """Best log-probability of every prefix of `text`, and where its last word starts."""
    n = len(text)
    ninf = -math.inf
    best = [0.0] + [ninf] * n
    back = list(range(-1, n))  # back[i] = i - 1: a single character by default
    logp, prefixes, unk, max_len = lm.logp, lm.prefixes, lm.unk, lm.max_len
    for i in range(n):
        bi = best[i]
        c = text[i]
        lp = logp.get(c, unk)
        s = bi + lp
        if s > best[i + 1] or back[i + 1] == i:
            if s > best[i + 1]:
                best[i + 1], back[i + 1] = s, i
        if c not in prefixes:
            continue
        end = min(n, i + max_len)
        j = i + 2
        while j <= end:
            w = text[i:j]
            if w not in prefixes:
                break
            lp2 = logp.get(w)
            if lp2 is not None:
                s = bi + lp2
                if s > best[j]:
                    best[j], back[j] = s, i
            j += 1
    return best, back


def _viterbi(lm: WordLM, text: str) -> float:
    if not text:
        return 0.0
    return _forward(lm, text)[0][len(text)]


@lru_cache(maxsize=1)
def surnames(n: int = 250) -> frozenset[str]:
    """Characters that most often open a three-character personal name in jieba's dictionary.

    Why: a name is a run of characters the word model cannot judge; the glyph
    stage leaves the characters after a surname alone rather than "fix" them.
    """
    counts: dict[str, int] = {}
    with resources.files("jieba").joinpath("dict.txt").open("r", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "nr" and len(parts[0]) == 3 and is_han(parts[0][0]):
                counts[parts[0][0]] = counts.get(parts[0][0], 0) + 1
    return frozenset(sorted(counts, key=lambda c: -counts[c])[:n])


def load_lm(path: str | Path | None = None) -> WordLM:
    """The model a run uses: `path` if given, else the shipped jieba-based default (cached).

    `load_lm()`, `load_lm(None)` and `load_lm("")` share one cached default model.
    """
    return _load_lm(str(path) if path else None)


@lru_cache(maxsize=4)
def _load_lm(path: str | None) -> WordLM:
    if path:
        return WordLM.load(path)
    return WordLM.from_jieba()
