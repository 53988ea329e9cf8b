"""A small offline language model: word frequencies plus best-segmentation scoring.

The shipped default is built only from jieba's `dict.txt` (MIT licence, 349k
words with corpus frequencies), read from the installed jieba package, so
no text of ours or of a research corpus ships with layoutfix. A model built by
`layoutfix train-lm` from a user's own clean text adds that text's word
counts on top, and carries character-bigram counts, a character trigram model
(`CharNgram`: interpolated absolute discounting with Kneser-Ney unigrams) and,
when trained with `--confusions`, an observed OCR channel {read: {meant: count}}
(see `layoutfix.lmtrain`).

`score(text)` is the log-probability of the best segmentation of `text` into
dictionary words (a unigram word model, as jieba itself uses). The stages ask
one kind of question of it: is a string better than an alternative? For
example `join_gain("…开发", "区管委会…")` is positive because the join creates the
word 开发区 across the boundary.

Speed: the segmentation walks a prefix set (jieba's DAG idea), so each
position tries only the word lengths that can still become a word, instead of
every length up to `MAX_WORD`; log-probabilities are computed once at load.
"""
from __future__ import annotations

import gzip
import json
import math
import operator
import re
from collections import Counter
from functools import cached_property, lru_cache
from itertools import repeat
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, cast

from . import lmwalk
from .textutil import COMPILED as _WALK_COMPILED, HAN_CLASS, is_han, short_walk

MAX_WORD = 8

KeySet = dict[str, None]


def key_set(items: Iterable[str]) -> KeySet:
    """`items` as the keys of a dict whose values are all None: a set for `in` and iteration.

    Why not a set: CPython's collector tracks every set and walks all its
    entries at each full collection, while a dict that holds only strings and
    None is left untracked. The model's prefix and pair sets (about 500,000 and
    300,000 strings) made each full collection cost about 0.3 s during the
    glyph stage (40 synthetic tune pages: one or two per pass); as dicts they
    cost nothing there. Membership answers are the same, so no output changes.
    """
    return dict.fromkeys(items)


class WordLM:
    """Unigram word model over a frequency dictionary (optionally with character-bigram counts)."""

    def __init__(self, freqs: dict[str, int], name: str = "custom",
                 bigrams: Mapping[str, int] | None = None, chars: "CharNgram | None" = None,
                 observed: Mapping[str, Mapping[str, int]] | None = None) -> None:
        self.name = name
        # a character trigram model of the training text (`train-lm`), else None; a loaded model keeps
        # it as JSON text until first asked for (`chars`), so a run that does not use it pays no memory
        self._chars = chars
        self._chars_json: str | None = None
        # observed OCR confusions {read: {meant: count}} a user trained in (`train-lm --confusions`), else {}
        self.observed: dict[str, dict[str, int]] = {k: dict(v) for k, v in (observed or {}).items()}
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
        # a key set (`key_set`): asked only `in`, and never walked by the garbage collector
        self.prefixes: KeySet = key_set(prefixes | set(self.logp))
        # counts of adjacent character pairs in running text (from `train-lm`), else empty
        self.bigrams: dict[str, int] = dict(bigrams or {})

    @property
    def chars(self) -> "CharNgram | None":
        if self._chars is None and self._chars_json is not None:
            self._chars = CharNgram.from_json(json.loads(self._chars_json))
            self._chars_json = None
        return self._chars

    @property
    def has_chars(self) -> bool:
        return self._chars is not None or self._chars_json is not None

    # -- loading --------------------------------------------------------------
    @classmethod
    def from_jieba(cls) -> "WordLM":
        freqs: dict[str, int] = {}
        for word, freq, _ in jieba_entries():
            if any(is_han(c) for c in word):
                freqs[word] = freqs.get(word, 0) + int(freq)
        return cls(freqs, name="jieba-dict")

    @classmethod
    def load(cls, path: str | Path) -> "WordLM":
        """Load a model written by `save`.

        gzip JSON: {"name", "base", "words": {word: count}, "bigrams"?, "chars"? (a `CharNgram` as JSON text),
        "observed"? ({read: {meant: count}} OCR confusions)}.
        """
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        base = cls.from_jieba() if data.get("base") == "jieba-dict" else None
        freqs = dict(base.freq) if base else {}
        for w, c in data["words"].items():
            freqs[w] = freqs.get(w, 0) + int(c)
        lm = cls(freqs, name=data.get("name", str(path)), bigrams=data.get("bigrams"),
                 observed=data.get("observed"))
        lm._chars_json = data.get("chars") or None
        return lm

    def save(self, path: str | Path, base: str | None = "jieba-dict",
             only: dict[str, int] | None = None) -> None:
        words = only if only is not None else self.freq
        data: dict[str, object] = {"name": self.name, "base": base, "words": words}
        if self.bigrams:
            data["bigrams"] = self.bigrams
        if self.has_chars:
            data["chars"] = self._chars_json or json.dumps(self.chars.to_json(), ensure_ascii=False)  # type: ignore[union-attr]
        if self.observed:
            data["observed"] = self.observed
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)

    # -- queries --------------------------------------------------------------
    def word_logp(self, w: str) -> float | None:
        return self.logp.get(w)

    def has(self, w: str) -> bool:
        return w in self.freq

    @cached_property
    def pairs(self) -> KeySet:
        """Every two-character string seen inside a dictionary word or in training text (a `key_set`), built at the
        first read. A `cached_property`, not a `property`: once built it is a plain attribute of the model, where a
        property is a Python call at every read (the glyph stage reads it a few times a block)."""
        pairs = {b for b, c in self.bigrams.items() if c > 1}
        for w in self.logp:
            if len(w) == 2:
                pairs.add(w)
            else:
                pairs.update(w[i:i + 2] for i in range(len(w) - 1))
        return key_set(pairs)

    def score(self, text: str, word_penalty: float = 0.0, single_penalty: float = 0.0) -> float:
        """Log-probability of the best segmentation of `text` (each unknown character costs `unk`).

        `word_penalty` is subtracted once per word (a word-insertion penalty, as
        speech decoders use): a unigram model otherwise finds a run of frequent
        single characters (人|场) nearly as likely as the word (入场).
        `single_penalty` is subtracted once more per one-character word: the
        price of the extra word boundary a split reading puts inside what a
        dictionary word reads as one unit.
        """
        if not text:
            return 0.0
        return _forward(self, text, word_penalty, single_penalty)[0][len(text)]

    def segment(self, text: str) -> list[str]:
        """The best segmentation itself (for explanations and tests)."""
        n = len(text)
        best, back = _forward(self, text)
        out, i = [], n
        while i > 0:
            out.append(text[back[i]:i])
            i = back[i]
        return out[::-1]

    def join_gain(self, left: str, right: str, k: int = 4,
                  score: "Callable[[str], float] | None" = None) -> float:
        """How much more likely `left+right` is as one string than as two (a word across the join).

        `score`: `self.score` remembered by a caller that asks the same pieces again (flow's per-page memo).
        """
        a, b = left[-k:], right[:k]
        if not a or not b:
            return 0.0
        score = score or self.score
        return score(a + b) - score(a) - score(b)

    def word_coverage(self, text: str) -> float:
        """Share of Han characters that the best segmentation puts inside multi-character words (the runs found
        by one pattern, `_HAN_RUN`, the characters `is_han` accepts: a character-by-character pass cost more than
        the segmentation of a short line, which `segment.is_garbage` asks of every short block)."""
        runs = _HAN_RUN.findall(text)
        if not runs:
            return 0.0
        covered = 0
        for run in runs:  # the best segmentation's words of two characters or more, read from its back pointers
            back = _forward(self, run)[1]  # (as `segment` does, without cutting the words out)
            i = len(run)
            while i > 0:
                j = back[i]
                if i - j > 1:
                    covered += i - j
                i = j
        return covered / sum(map(len, runs))


_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")  # a run of the characters `is_han` accepts


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


SHORT_TEXT = 6  # `_forward` walks a text this short without its whole-text lookups
# whether `_forward` walks every text without penalties at once: where `textutil` runs compiled, its walk beats the
# whole-text lookups at any length (7 to 400 characters: 2.1 to 2.7 times faster; segment and dedup segment whole lines)
WALK_ALWAYS = _WALK_COMPILED


def walks_at_once(n: int) -> bool:
    """Whether `_forward` gives a text of `n` characters, without penalties, to `textutil.short_walk` (the same
    floats and back pointers as its whole-text lookups: the same sums in the same order)."""
    return n <= SHORT_TEXT or WALK_ALWAYS


def _forward(lm: WordLM, text: str, pen: float = 0.0, single: float = 0.0) -> tuple[list[float], list[int]]:
    """Best log-probability of every prefix of `text`, and where its last word starts.

    `pen`: a cost subtracted once per word; `single`: once more per one-character word (see `WordLM.score`).

    The one-character costs and "can a word start here" are looked up for the
    whole text at once (`map`); only positions that open a known prefix walk on.
    A short text without penalties (`SHORT_TEXT` characters or fewer: `flow` reads about 80 heads and tails of
    a block a page) is walked at once instead, character by character (`textutil.short_walk`, compiled):
    setting up the whole-text lookups costs more than the walk on so few characters; in the compiled build every
    text without penalties is (`WALK_ALWAYS`: the compiled walk is faster at any length). The two walks make the same sums in the same order (each start's
    one-character cost, then its words of two characters and more while the string stays a dictionary prefix;
    a penalty of 0.0 leaves every sum as it is), so the same floats and back pointers. A text with penalties goes
    to `lmwalk.forward` where that module runs compiled (the same walk and sums, with the penalties).
    """
    n = len(text)
    logp, prefixes, max_len = lm.logp, lm.prefixes, lm.max_len
    if not (pen or single) and walks_at_once(n):
        return short_walk(text, logp, prefixes, max_len, lm.unk)
    if pen or single:
        last = lm.__dict__.get("_last_costs")  # (pen, single, costs, unk) of the previous call
        if last is None or last[0] != pen or last[1] != single:
            last = lm.__dict__["_last_costs"] = (pen, single, *_single_costs(lm, pen, single))
        if lmwalk.COMPILED:  # (compiled, the character-by-character walk is the faster at any length)
            return lmwalk.forward(text, last[2], last[3], logp, prefixes, max_len, pen)
        lps = list(map(last[2].get, text, repeat(last[3], n)))
    else:
        lps = list(map(logp.get, text, repeat(lm.unk, n)))
    ninf = -math.inf
    best = [0.0] + [ninf] * n
    back = list(range(-1, n))  # back[i] = i - 1: a single character by default
    pairs = list(map(operator.add, text, text[1:]))
    opens = list(map(prefixes.__contains__, pairs))
    opens.append(False)  # the last character opens no word of two
    get = logp.get
    lp2s = list(map(get, pairs))  # (in C, on the strings `opens` hashed: no pair cut out again at each open place)
    for i in range(n):
        bi = best[i]
        s = bi + lps[i]
        if s > best[i + 1]:
            best[i + 1] = s
            back[i + 1] = i
        if not opens[i]:
            continue
        # text[i:i + 2] is a known prefix (`opens`); longer words only while the string stays one
        lp2 = lp2s[i]
        if lp2 is not None:
            s = bi + lp2 - pen
            if s > best[i + 2]:
                best[i + 2] = s
                back[i + 2] = i
        end = i + max_len
        if end > n:
            end = n
        for j in range(i + 3, end + 1):
            w = text[i:j]
            if w not in prefixes:
                break
            lp2 = get(w)
            if lp2 is not None:
                s = bi + lp2 - pen
                if s > best[j]:
                    best[j] = s
                    back[j] = i
    return best, back


def Window(lm: WordLM, text: str, pen: float = 0.0, single: float = 0.0) -> lmwalk.Window:
    """`lm.score(text, pen, single)` kept with what scoring `text` with one character replaced needs
    (`rescore(p, x)`: the same float as a full `score` of the new text): `lmwalk.Window` over the model's tables.

    The glyph decoder scores a window and then the same window with each look-alike in its middle; the walk is
    in `lmwalk`, compiled, which cannot read the model's caches (kept in its `__dict__`): the one-character costs
    of the penalty pair are read here (`_single_costs`)."""
    costs, unk = _single_costs(lm, pen, single)
    return lmwalk.Window(text, costs, unk, lm.logp, lm.prefixes, lm.max_len, pen)


def _single_costs(lm: WordLM, pen: float, single: float) -> tuple[dict[str, float], float]:
    """({character: its log-probability as a one-character word less `pen` and `single`}, the same for an
    unknown character): the per-character costs `_forward` starts from, computed once per model and penalty
    pair (the same subtraction in the same order, so the same floats) and kept on the model object."""
    memo: dict[tuple[float, float], tuple[dict[str, float], float]] = lm.__dict__.setdefault("_single_costs", {})
    got = memo.get((pen, single))
    if got is None:
        got = memo[(pen, single)] = ({w: v - pen - single for w, v in lm.logp.items() if len(w) == 1},
                                     lm.unk - pen - single)
    return got


# -- character n-grams --------------------------------------------------------------
BOS = "\x02"   # paragraph start (two of them pad a trigram context)
EOS = "\x03"   # paragraph end


class CharNgram:
    """Character trigram model, interpolated absolute discounting with Kneser-Ney unigrams.

    P(c | ab) = (max(n(abc) - D3, 0) + D3 * T(ab·) * P(c | b)) / n(ab·)
    P(c | b)  = (max(n(bc) - D2, 0) + D2 * T(b·) * P(c)) / n(b·)
    P(c)      = (T(·c) + 0.5) / (T(··) + 0.5 * V)   (continuation counts: how many
                different characters precede c, not how often c occurs)

    n(·) are counts, T(·) numbers of distinct continuations; a context never seen
    falls back to the next order. Trigrams seen once may be pruned on saving (the
    context totals keep them, so the discount mass stays right). Text is padded
    with two BOS and one EOS per paragraph. Log-probabilities are natural logs.
    """

    def __init__(self, uni: Mapping[str, int], bi: Mapping[str, int], tri: Mapping[str, int],
                 ctx1: Mapping[str, tuple[int, int]] | None = None,
                 ctx2: Mapping[str, tuple[int, int]] | None = None,
                 d2: float = 0.75, d3: float = 0.8) -> None:
        self.uni = dict(uni)
        self.bi = dict(bi)
        self.tri = dict(tri)
        self.d2, self.d3 = d2, d3
        # context totals and distinct-continuation counts (from the unpruned counts when given)
        self.ctx1: dict[str, tuple[int, int]] = dict(ctx1) if ctx1 else _contexts(self.bi)
        self.ctx2: dict[str, tuple[int, int]] = dict(ctx2) if ctx2 else _contexts(self.tri)
        cont: dict[str, int] = {}
        for b in self.bi:
            cont[b[1]] = cont.get(b[1], 0) + 1
        total = sum(cont.values()) or 1
        v = max(len(self.uni), len(cont)) + 1
        den = total + 0.5 * v
        self.p1: dict[str, float] = {c: (cont.get(c, 0) + 0.5) / den for c in set(self.uni) | set(cont)}
        self.p1_unk = 0.5 / den
        self._cache: dict[str, float] = {}

    @classmethod
    def count(cls, paragraphs: Iterable[str], min_tri: int = 2) -> "CharNgram":
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        tri: Counter[str] = Counter()
        for p in paragraphs:
            s = BOS + BOS + p + EOS
            uni.update(p)
            bi.update(s[i:i + 2] for i in range(1, len(s) - 1))
            tri.update(s[i:i + 3] for i in range(len(s) - 2))
        ctx2 = _contexts(tri)
        kept = {t: c for t, c in tri.items() if c >= min_tri}
        return cls(uni, bi, kept, ctx2=ctx2)

    def to_json(self) -> dict[str, object]:
        return {"uni": self.uni, "bi": self.bi, "tri": self.tri,
                "ctx2": {k: list(v) for k, v in self.ctx2.items()}, "d2": self.d2, "d3": self.d3}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "CharNgram":
        rows = cast(Mapping[str, list[int]], data["ctx2"])  # JSON: {context: [total, distinct continuations]}
        ctx2 = {k: (int(v[0]), int(v[1])) for k, v in rows.items()}
        return cls(data["uni"], data["bi"], data["tri"], ctx2=ctx2,  # type: ignore[arg-type]
                   d2=float(data.get("d2", 0.75)), d3=float(data.get("d3", 0.8)))  # type: ignore[arg-type]

    def logp2(self, b: str, c: str) -> float:
        """log P(c | b)."""
        p1 = self.p1.get(c, self.p1_unk)
        n = self.ctx1.get(b)
        if n is None:
            return math.log(p1)
        tot, types = n
        return math.log((max(self.bi.get(b + c, 0) - self.d2, 0.0) + self.d2 * types * p1) / tot)

    def logp(self, tri: str) -> float:
        """log P(tri[2] | tri[:2]) (cached)."""
        v = self._cache.get(tri)
        if v is not None:
            return v
        n = self.ctx2.get(tri[:2])
        if n is None:
            v = self.logp2(tri[1], tri[2])
        else:
            tot, types = n
            p2 = math.exp(self.logp2(tri[1], tri[2]))
            v = math.log((max(self.tri.get(tri, 0) - self.d3, 0.0) + self.d3 * types * p2) / tot)
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[tri] = v
        return v

    def score(self, text: str, start: int = 0, end: int | None = None) -> float:
        """Sum of log P(text[k] | text[k-2:k]) for k in [start, end) (text padded by the caller)."""
        end = len(text) if end is None else end
        lp = self.logp
        return sum(lp(text[k - 2:k + 1]) for k in range(max(2, start), end))

    def sentence_logp(self, text: str) -> float:
        return self.score(BOS + BOS + text + EOS)


def _contexts(counts: Mapping[str, int]) -> dict[str, tuple[int, int]]:
    """For every (n-1)-character context: (total count, distinct continuations)."""
    out: dict[str, list[int]] = {}
    for g, c in counts.items():
        e = out.get(g[:-1])
        if e is None:
            out[g[:-1]] = [c, 1]
        else:
            e[0] += c
            e[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def jieba_entries() -> Iterator[tuple[str, str, str]]:
    """(word, frequency, part-of-speech tag) of every line of jieba's MIT `dict.txt`, in file order.

    The one reader of that file: the word model, names, surnames and the tags
    `flow` and `segment` use all come from it.
    """
    with resources.files("jieba").joinpath("dict.txt").open("r", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                yield parts[0], parts[1], parts[2]


@lru_cache(maxsize=1)
def person_names() -> tuple[str, ...]:
    """Three-character words tagged 'nr' (personal names) in jieba's dictionary, in file order."""
    return tuple(w for w, _, tag in jieba_entries() if tag == "nr" and len(w) == 3)


@lru_cache(maxsize=1)
def surnames(n: int = 250) -> frozenset[str]:
    """Characters that most often open a three-character personal name in jieba's dictionary.

    Why: a name is a run of characters the word model cannot judge; the glyph
    stage leaves the characters after a surname alone rather than "fix" them.
    """
    counts: dict[str, int] = {}
    for name in person_names():
        if is_han(name[0]):
            counts[name[0]] = counts.get(name[0], 0) + 1
    return frozenset(sorted(counts, key=lambda c: -counts[c])[:n])


@lru_cache(maxsize=1)
def name_places() -> tuple[dict[str, int], dict[str, int]]:
    """({c: three-character personal names of jieba's dictionary (`person_names`) that c opens}, {c: times c
    stands in the given name of one that opens with a `surnames` character}).

    Why: whether a character printed after a surname reads as a given name is a matter of how often
    names hold it there (祥, 诚 often; 样, 诫 hardly ever), learned from the dictionary's name entries.
    """
    sur = surnames()
    first: Counter = Counter()
    given: Counter = Counter()
    for name in person_names():
        first[name[0]] += 1
        if name[0] in sur:
            given.update(name[1:])
    return dict(first), dict(given)


NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns"})  # jieba's tags of personal (Chinese, foreign) and place names


@lru_cache(maxsize=1)
def name_shares() -> dict[str, float]:
    """{character: share of the jieba dictionary entries holding it that are names (`NAME_TAGS`)}, smoothed.

    Why: a transliterated or Chinese name is a run of characters whose entries are mostly
    names (the characters of a foreign name: few other words hold them); the glyph stage's
    learned acceptance reads it of a look-alike and its neighbours. Entries are counted once each, not
    by frequency; (names + 0.5) / (entries + 2), so a character in no entry scores 0.25.
    The counts are read from `data/name_shares.tsv.gz` (`count_name_shares` over jieba's dictionary, written
    by `python -m layoutfix.resources.build_name_shares`), which spares every process a pass over the
    dictionary at start-up; without the file they are counted here.
    """
    return {c: (k + 0.5) / (n + 2) for c, (k, n) in name_entry_counts().items()}


@lru_cache(maxsize=1)
def name_entry_counts() -> dict[str, tuple[int, int]]:
    """{character: (name entries holding it, entries holding it)} of jieba's dictionary: the shipped
    `data/name_shares.tsv.gz`, or counted (`count_name_shares`) without it."""
    return _shipped_name_counts() or count_name_shares()


NAME_SHARES_FILE = "name_shares.tsv.gz"


def count_name_shares() -> dict[str, tuple[int, int]]:
    """{character: (name entries holding it, entries holding it)} over jieba's `dict.txt` (`NAME_TAGS`)."""
    total: Counter = Counter()
    names: Counter = Counter()
    for w, _, tag in jieba_entries():
        chars = set(w)
        total.update(chars)
        if tag in NAME_TAGS:
            names.update(chars)
    return {c: (names[c], n) for c, n in total.items()}


def _shipped_name_counts() -> dict[str, tuple[int, int]] | None:
    """`count_name_shares` as shipped (a header line, then `character<TAB>names<TAB>entries` rows, gzip), or
    None when absent."""
    f = resources.files("layoutfix").joinpath("data", NAME_SHARES_FILE)
    if not f.is_file():
        return None
    out: dict[str, tuple[int, int]] = {}
    for line in gzip.decompress(f.read_bytes()).decode("utf-8").split("\n")[1:]:  # the header names the file
        if line:
            c, k, n = line.split("\t")
            out[c] = (int(k), int(n))
    return out


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
