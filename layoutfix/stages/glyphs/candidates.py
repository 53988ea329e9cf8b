"""Where a look-alike is tried and which: the places that make no known pair with either neighbour
(`_gate`, `_gate_runs`), each character's look-alikes from the visual table and the channel (`_candidates`), and
those of them that complete a dictionary word of 2-4 characters over the place (`_hits_memo`, `_words_at`).
"""
from __future__ import annotations

import operator
import re  # the standard library's engine: these patterns need nothing of `regex`, and it runs them 2-4x faster
from typing import Collection, Final, Iterable
from itertools import compress

from ...lm import KeySet, WordLM
from ...confusion import Table, load_confusion, load_wide, tesseract_channel
from ...textutil import is_han
from .common import _han_spans, COMPILED
from . import channel  # `channel.TESS_WEIGHT` is read there: a test turns the Tesseract channel off (source tree only: a Final is fixed when compiled)


TOP_K: Final = 40            # look-alikes tried per character
# The shipped table's wider rows (`confusion.load_wide`: of the 200 most similar, the 80 best by similarity and
# frequency) are tried too, by a model without an observed channel on the shipped table. Session 34 (glyph34):
# figures in data/confusion.SOURCE.md; False: the table's rows alone
WIDE: Final = True


def _candidates(table: Table, lm: WordLM):  # type: ignore[no-untyped-def]
    """char -> {candidate: (shape similarity, observed count)}, built once per (table, model).

    Candidates are the top `TOP_K` look-alikes of the visual table and every
    confusion the model's observed channel holds for the character (`train-lm
    --confusions`), or for a model without one the shipped Tesseract channel
    and, on the shipped table, the wider rows' look-alikes (`WIDE`), in order of shape;
    an observed candidate missing from the visual list has shape 0.
    Memoised on the model object, next to the table it was built for: a cache
    keyed by `id()` could hand a freed model's channel to a new model at the same address.
    """
    tess = bool(channel.TESS_WEIGHT)
    memo = lm.__dict__.get("_glyph_candidates")
    if memo is not None and memo[0] is table and memo[1] == (tess, WIDE):
        return memo[2]
    cache: dict[str, dict[str, tuple[float, int]]] = {}
    # a model with its own observed channel uses it; the shipped model gets Tesseract's counts instead
    observed = lm.observed or (tesseract_channel() if tess else {})
    wide = load_wide() if WIDE and not lm.observed and table is load_confusion() else {}

    def get(c: str) -> dict[str, tuple[float, int]]:
        d = cache.get(c)
        if d is None:
            d = {x: (sim, 0) for x, sim in table.get(c, ())[:TOP_K]}
            more = wide.get(c)
            if more is not None:  # the wider row's look-alikes, merged in order of shape (ties: the row's first)
                rows = list(d.items())
                rows.extend((x, (sim, 0)) for x, sim in zip(*more) if x not in d)
                rows.sort(key=lambda kv: -kv[1][0])
                d = dict(rows)
            for x, n in observed.get(c, {}).items():
                if is_han(x):
                    d[x] = (d.get(x, (0.0, 0))[0], n)
            cache[c] = d
        return d

    lm.__dict__["_glyph_candidates"] = (table, (tess, WIDE), get)  # the channel in use is part of the key
    return get


# A known pair that only rare dictionary words hold (each counted at most `floor` times in jieba's dictionary:
# 成己成物, 拔新领异, a floor entry's pair) does not bind a character for the gate: a misreading makes such pairs
# by chance (领异干部 for 领导干部, 亿关元 for 亿美元), so the place is tried, for `margin` more gain (the rare word
# may be printed: the window's score holds it then). (floor, margin); None: every known pair binds.
# Session 38 (glyph38, not merged for speed): margin 4.5 made 4 more right fixes and one clean sentence's false one
# (背土 -> 背上), 3.0 five wrong ones (a name's character, the wrong neighbour's look-alike); floor 10 twelve wrong
# ones; the stage 21% slower on a first pass. Session 40 (glyph40): of the FASpell train held-out quarter's 1,151
# errors, 142 were never tried for a known pair beside them, 68 of those for a pair of words counted 5 or fewer
# times only. With `WEAK_UNCOVERED`, `WEAK_MAX_LP` and `WEAK_TOP` 10 (a quarter of the places glyph38 added reach
# the look-alike search): page sets right/made (tune, fresh 2/4/5/6/12/13, days 0113-0116, four unseen-text sets)
# +27/+27; real-OCR tuning paragraphs 13 more changed, each one character nearer its text; FASpell held-out quarter
# 80/88 -> 84/92 characters, 66 -> 70 lines; clean sentences of 0113-0116 the same 2 changed
# (not `Final`, as the optional tuples of `substitutions`: mypyc 2.4.1 emits C that does not compile for a `Final`
# tuple-or-None constant; read once a call, it costs nothing)
WEAK_PAIR: tuple[int, float] | None = (5, 5.0)
# Such a place is tried only where no dictionary word printed over it holds the character (`in_printed_word`):
# a rare word printed whole is read as written (60 tune pages: 3,529 of some 9,000 such places that pass the text
# guards; the page sets lose 8 of glyph38's 36 right fixes: a misreading that makes a rare word whole, 诸候 for
# 诸侯, is left too)
WEAK_UNCOVERED: Final = True
# ... and only where the printed character is no common one (its unigram log-probability at most this): a function
# character (的, 和, 了) stands alone in running text beside the pairs of many rare words, and a look-alike gains
# too little over its low cost alone to clear the higher bar there (60 tune pages: 3,058 places, half of those that
# had reached the look-alike search, 3 windows scored and no fix; no fix on the page sets, real-OCR paragraphs,
# FASpell's train file or clean sentences moved); None: every character
WEAK_MAX_LP: Final[float | None] = -6.0


def gate_pairs(lm: WordLM) -> KeySet:
    """The pairs that bind a character for the gate (`_gate_runs`): `lm.pairs`, or with `WEAK_PAIR` those of them
    that some word counted more than its floor holds, or that a trained model's running text holds (`strong_pairs`)."""
    return lm.pairs if WEAK_PAIR is None else strong_pairs(lm, WEAK_PAIR[0])


def strong_pairs(lm: WordLM, floor: int) -> KeySet:
    """The known pairs (`lm.pairs`) held by some dictionary word counted more than `floor` times, or seen in a
    trained model's text (`lm.bigrams`, as `pairs` takes them), built once per model and floor and kept on it.

    Why: jieba's dictionary holds some 200,000 entries at its floor counts (rare idioms, names, terms), whose
    pairs close the gate at places a misreading made (己成 of 成己成物 in 市场己成为): on synthetic tune 65 of
    the 484 look-alike defects were never tried for a pair of such words."""
    memo: dict[int, KeySet] = lm.__dict__.setdefault("_glyph_strong_pairs", {})
    got = memo.get(floor)
    if got is None:
        strong = {b for b, c in lm.bigrams.items() if c > 1}
        freq, logp = lm.freq, lm.logp
        for w in logp:
            if freq[w] > floor:
                strong.update(w[k:k + 2] for k in range(len(w) - 1))
        got = memo[floor] = dict.fromkeys(strong)
    return got


# a free place is a 0 byte followed by another; written as that byte first so the engine scans for it (as
# memchr does) instead of trying a lookahead at every byte (the same places); `_free_places` finds its places
# without the pattern
_FREE_PAIR: Final = re.compile(b"\x00(?=\x00)")
_FREE_SIDE: Final = re.compile(b"(?=\x00.|.\x00)", re.S)


def _gate(run: str, pairs: Collection[str], one_side: bool = False) -> list[int]:
    """Positions of `run` whose character makes no known pair with either neighbour (the only ones tried).

    `one_side`: also those free on one side only. One set lookup per adjacent
    pair, done by `map`, and the free positions found over the 0/1 bytes
    (`_free_places`: no Python loop over clean text).
    """
    known = bytes(map(pairs.__contains__, map(operator.add, run, run[1:])))
    return _free_places(b"\x00" + known + b"\x00", one_side)


def pair_flags(pairs: list[str], known: Collection[str]) -> bytes:
    """Byte k is 1 where pairs[k] is in `known`, else 0: `bytes(map(known.__contains__, pairs))`.

    Why a list of booleans, compiled: `map` calls the set's `__contains__` through a Python-level method call per
    pair, and `bytes` reads each answer back from the iterator (on 50 tuning pages about 4.6% of the stage's
    instructions, for the page's pairs once and each changed block's again), where compiled code asks `in`
    natively and `bytes` reads a list of booleans in one C loop; interpreted, the `map` is the faster."""
    if COMPILED:
        return bytes([p in known for p in pairs])
    return bytes(map(known.__contains__, pairs))


def _free_places(padded: bytes, one_side: bool = False) -> list[int]:
    """The places p where padded[p] and padded[p + 1] are both 0 (`_FREE_PAIR`'s matches), or with `one_side`
    either of them (`_FREE_SIDE`'s), in order: `padded` is b"\\x00" + a text's pair flags + b"\\x00", so these are
    the characters bound to no neighbour (`_gate`).

    Why a walk over the bytes, compiled: the pattern's `finditer` makes a match object for each place (on 50
    tuning pages some 71,000 a pass, about 1,600 instructions each with its `start()`), where compiled code reads
    each byte in place for a few instructions; interpreted, the pattern's scan is the faster.
    """
    if one_side or not COMPILED:
        return [m.start() for m in (_FREE_SIDE if one_side else _FREE_PAIR).finditer(padded)]
    return _free_walk(padded)


def _free_walk(padded: bytes) -> list[int]:
    """`_FREE_PAIR`'s places in `padded` (each p with padded[p] and padded[p + 1] both 0), by a walk over the bytes
    (compiled, each byte is read in place: `_free_places`)."""
    out: list[int] = []
    free = False  # padded[p - 1] is 0
    for p in range(len(padded)):
        if padded[p]:
            free = False
        elif free:
            out.append(p - 1)
        else:
            free = True
    return out


def _gate_runs(text: str, pairs: Collection[str], one_side: bool = False,
               flags: bytes | None = None) -> list[tuple[int, int, list[int]]]:
    """(start, end, `_gate` positions) for every Han run of two or more characters that has any.

    The same positions as `_gate` run by run, found in one pass: the runs are
    joined by a character no known pair holds, so each run's edges stay free.
    `flags`: whether each adjacent pair of `text` is in `pairs` (byte k for
    text[k:k + 2]), when the caller has them (`glyphs` asks the page's pairs once):
    the joined runs' bytes are then cut from them instead of asked again.
    """
    spans = [(a, b) for a, b in _han_spans(text) if b - a >= 2]
    if not spans:
        return []
    if flags is None:
        joined = "\x00".join(text[a:b] for a, b in spans)
        if COMPILED:  # (each pair asked natively, as in `pair_flags`)
            known = bytes([joined[k:k + 2] in pairs for k in range(len(joined) - 1)])
        else:
            known = bytes(map(pairs.__contains__, map(operator.add, joined, joined[1:])))
    else:
        # a run's own pairs, and two free pairs where `joined` puts its separator between two runs
        known = b"\x00\x00".join([flags[a:b - 1] for a, b in spans])
    out: list[tuple[int, int, list[int]]] = []
    k, off = 0, 0  # the run joined[off:off + len] is spans[k]
    a, b = spans[0]
    cur: list[int] = []
    for p in _free_places(b"\x00" + known + b"\x00", one_side):
        while p >= off + (b - a):
            if cur:
                out.append((a, b, cur))
                cur = []
            off += b - a + 1
            k += 1
            a, b = spans[k]
        if p >= off:
            cur.append(p - off)
    if cur:
        out.append((a, b, cur))
    return out


def _completes_word(x: str, lefts: list[str], rights: list[str], logp: dict[str, float],
                    prefixes: Collection[str]) -> bool:
    """Whether lefts[q] + x + rights[r] is a dictionary word of 2-4 characters for some q, r.

    `lefts[q]`/`rights[r]` are the q/r characters before/after the position. A
    string no word opens with (`prefixes`) ends the search along that side.
    """
    for q, lq in enumerate(lefts):
        p = lq + x
        if p not in prefixes:
            continue
        for rr in rights[(0 if q else 1):4 - q]:
            w = p + rr
            if w in logp:
                return True
            if w not in prefixes:
                break
    return False


_NONE: Final[KeySet] = {}


def _neighbours(lm: WordLM, floor: int | None = None) -> tuple[dict[str, KeySet], dict[str, KeySet]]:
    """({a: every b such that a+b is a known pair}, {b: every a such that a+b is one}) of `lm.pairs` (or, with
    `floor`, of its `strong_pairs`).

    Built once per model and kept on it: whether a look-alike makes a known pair
    with a neighbour is then a probe of a set by a character whose hash is already
    computed, not a new two-character string hashed and looked up. The sets share
    one string object per character; they are `key_set` dicts, which the garbage collector does not walk.
    """
    key = "_glyph_neighbours" if floor is None else f"_glyph_neighbours_{floor}"
    got = lm.__dict__.get(key)
    if got is None:
        after: dict[str, KeySet] = {}
        before: dict[str, KeySet] = {}
        one: dict[str, str] = {}
        for p in (lm.pairs if floor is None else strong_pairs(lm, floor)):
            x = one.setdefault(p[0], p[0])
            y = one.setdefault(p[1:], p[1:])
            s = after.get(x)
            if s is None:
                s = after[x] = {}
            s[y] = None
            s = before.get(y)
            if s is None:
                s = before[y] = {}
            s[x] = None
        got = lm.__dict__[key] = (after, before)
    return got


def in_printed_word(run: str, i: int, logp: dict[str, float], prefixes: Collection[str]) -> bool:
    """Whether a dictionary word of 2-4 characters printed in `run` holds run[i] (any count).

    Why: at a place only rare words' pairs bind (`WEAK_PAIR`), the rare word itself printed there ('诸候',
    '合上') says the pair is that word, not a misreading that made its pair by chance ('己成' of 成己成物 in
    '市场己成为', where no word holds 己): only the latter is tried, so few such places reach the look-alike search.
    """
    n = len(run)
    for s in range(i - 3 if i > 3 else 0, i + 1):
        w = run[s:i + 1]
        if w not in prefixes:
            continue
        if s < i and w in logp:
            return True
        for e in range(i + 2, min(n, s + 4) + 1):
            w = run[s:e]
            if w in logp:
                return True
            if w not in prefixes:
                break
    return False


def weak_place_closed(run: str, i: int, logp: dict[str, float], unk: float, prefixes: Collection[str]) -> bool:
    """Whether run[i], a place only rare words' pairs bind (`WEAK_PAIR`), stays closed all the same: its character is
    a common one (`WEAK_MAX_LP`) or a dictionary word printed over it holds it (`WEAK_UNCOVERED`, `in_printed_word`).
    The decoder (`substitutions`) and the census (`resources.glyph_misses`) ask the same question here."""
    cap = WEAK_MAX_LP  # (a local: mypy narrows no `Final` optional constant)
    return ((cap is not None and logp.get(run[i], unk) > cap)
            or (WEAK_UNCOVERED and in_printed_word(run, i, logp, prefixes)))


# At a place only rare words' pairs bind, the look-alikes tried are the `WEAK_TOP` most similar in shape (the
# candidates' order) with those the channel has seen misread (a far look-alike needs more gain than such places
# give): glyph38's 40 -> 10 lost one right fix of the page sets (团 -> 国, the 24th), 20 the same and made one
# (婆 -> 要) 40 did not, for fewer words sought and bounds asked
WEAK_TOP: Final = 10


def weak_candidates(cands: dict[str, tuple[float, int]], memo: dict[str, dict[str, tuple[float, int]]],
                    c: str) -> dict[str, tuple[float, int]]:
    """`cands` (the look-alikes of c, most similar first) cut to the `WEAK_TOP` first and any the channel saw
    (`obs` > 0), memoised by c in `memo`."""
    got = memo.get(c)
    if got is None:
        got = memo[c] = {x: v for k, (x, v) in enumerate(cands.items()) if k < WEAK_TOP or v[1] > 0}
    return got


def weak_memos(lm: WordLM, floor: int, cand_of: object) -> tuple[dict, dict, dict, dict, dict, dict]:  # type: ignore[type-arg]
    """The left-hit, right-hit and word memos of `_words_at` at places only rare words' pairs bind, asked with the
    neighbours of the `strong_pairs` and `weak_candidates` (so their answers differ from the other places'), and
    the memo of `weak_candidates`, and the memo of `_gain_bound` by (window, place, look-alike) at those places,
    and `_side_hits`' memo of the places of `weak_candidates`' look-alikes,
    kept on the model for the candidates `cand_of` (`_candidates`) gives, and emptied by the decoder with its own
    (`memos._cap`).

    Why a bound memo of their own: such places are many (tune: some 10,000 bounds a pass, almost all refused), and in
    the decoder's memo they emptied it about twice as often, so the other places' bounds were computed again (60
    tune pages and the samples, second pass: 51,966 bounds computed, 42,229 with this memo, as without the wider gate).

    Why the common words' pairs: a look-alike that makes only another rare word's pair there is as weak
    evidence as the printed pair, and trying only those that make a common word's pair keeps the wider gate cheap."""
    key = f"_glyph_weak_memos_{floor}_{WEAK_TOP}"
    got = lm.__dict__.get(key)
    if got is None or got[0] is not cand_of:
        got = lm.__dict__[key] = (cand_of, ({}, {}, {}, {}, {}, {}))
    return got[1]


def _hits_memo(cands, c: str, left: str, right: str, neighbours,  # type: ignore[no-untyped-def]
               lmemo: dict[str, tuple[str, ...]], rmemo: dict[str, tuple[str, ...]]
               ) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
    """The candidates that make a known pair with the left or the right neighbour (by the `_neighbours`
    index), each side's answer memoised by the pair (left+c, c+right) it was asked for; then those of the
    left side and those of the right side (for `_words_at`)."""
    hl: tuple[str, ...] = ()
    if left:
        k = left + c
        got = lmemo.get(k)
        if got is None:
            got = lmemo[k] = tuple(filter(neighbours[0].get(left, _NONE).__contains__, cands))
        hl = got
    hr: tuple[str, ...] = ()
    if right:
        k = c + right
        got = rmemo.get(k)
        if got is None:
            got = rmemo[k] = tuple(filter(neighbours[1].get(right, _NONE).__contains__, cands))
        hr = got
    if not hr:
        return list(hl), hl, hr
    if not hl:
        return list(hr), hl, hr
    both = set(hl) | set(hr)
    return list(compress(cands, map(both.__contains__, cands))), hl, hr


def _side_hits(cands: dict[str, tuple[float, int]], c: str, partners: KeySet,
               ranks: dict[str, dict[str, int]] | None) -> tuple[str, ...]:
    """The look-alikes of c in `cands`, in their order, that `partners` holds (the characters that make a known pair
    with one neighbour, `_neighbours`): `_hits_memo`'s one side, `tuple(filter(partners.__contains__, cands))`.

    Why: asked as the intersection of the two dicts' keys, the smaller side is walked in C (on 50 tuning pages some
    80 look-alikes and 200 partners a place, a Python-level call per look-alike before), and the few found (about
    five) are put back in `cands`' order by their places there (`ranks[c]`, made once for c's look-alikes).
    """
    found = cands.keys() & partners.keys()
    if len(found) < 2:
        return tuple(found)
    rank = ranks.get(c) if ranks is not None else None
    if rank is None:
        rank = {x: k for k, x in enumerate(cands)}
        if ranks is not None:
            ranks[c] = rank
    return tuple(sorted(found, key=rank.__getitem__))


def _words_at(cands: dict[str, tuple[float, int]], c: str, run: str, i: int,
              neighbours: tuple[dict[str, KeySet], dict[str, KeySet]], lmemo: dict[str, tuple[str, ...]],
              rmemo: dict[str, tuple[str, ...]], logp: dict[str, float], prefixes: Collection[str],
              ranks: dict[str, dict[str, int]] | None = None) -> tuple[str, ...]:
    """The look-alikes `cands` (in their order) of c = run[i] that complete a dictionary word of 2-4 characters
    over i: the plain search of tests/glyph_reference.py (`completing`) of `_hits_memo`'s hits with the three characters each side as contexts, asked as one.

    Why: the decoder asks this at every gated place a memo has not answered; asked so, the hits' ordered
    union and the lists of contexts are not built (the look-alikes found are put back in `cands`' order, which
    is the hits' order), and the memos `lmemo`/`rmemo` get the same entries (`_side_hits`; `ranks`: its memo of
    each character's look-alikes' places in `cands`, kept by the caller for the `cands` it asks with).
    """
    n = len(run)
    hl: tuple[str, ...] = ()
    if i:
        left = run[i - 1]
        k = left + c
        got = lmemo.get(k)
        if got is None:
            got = lmemo[k] = _side_hits(cands, c, neighbours[0].get(left, _NONE), ranks)
        hl = got
    hr: tuple[str, ...] = ()
    if i + 1 < n:
        right = run[i + 1]
        k = c + right
        got = rmemo.get(k)
        if got is None:
            got = rmemo[k] = _side_hits(cands, c, neighbours[1].get(right, _NONE), ranks)
        hr = got
    if not hl and not hr:
        return ()
    # the one to three characters after i that a word over i may take ("": a word ending at i); sliced, not
    # built by a comprehension (a function call each time in this Python)
    rights = ("", run[i + 1:i + 2], run[i + 1:i + 3], run[i + 1:i + 4])[:min(3, n - i - 1) + 1]
    done: set[str] = set()
    if hr:  # words opening with x (a right neighbour exists, so rights[1:] holds one to three characters)
        rs = rights[1:4]
        for x in hr:  # (no `x in prefixes` test: x + rights[1] would be no prefix either, ending the search)
            for rr in rs:
                w = x + rr
                if w in logp:
                    done.add(x)
                    break
                if w not in prefixes:
                    break
    opening = len(done)  # look-alikes found opening a word (each of them in `hr`)
    if hl:  # words with q = 1..3 characters before x (and rights[0] = "": ending at x)
        for q in range(1, min(3, i) + 1):
            lq = run[i - q:i]
            if lq not in prefixes:
                continue  # (prefixes are closed: lq + x opens a word only if lq does)
            rs = rights[:4 - q]
            for x in hl:
                if x in done:
                    continue
                p = lq + x
                if x not in hr:  # x + run[i + 1] is no known pair, and every word's pairs are: no word runs past x
                    if p in logp:
                        done.add(x)
                    continue
                if p not in prefixes:
                    continue
                for rr in rs:
                    w = p + rr
                    if w in logp:
                        done.add(x)
                        break
                    if w not in prefixes:
                        break
    if not done:
        return ()
    if len(done) == 1:
        return tuple(done)
    # put back in `cands`' order: `hr` and `hl` are in that order, so where one side found them all, a pass over
    # that side's few hits does it instead of one over every look-alike of c (up to some 120)
    if opening == len(done):
        return tuple(x for x in hr if x in done)
    if not opening:
        return tuple(x for x in hl if x in done)
    return tuple(x for x in cands if x in done)
