"""Every open block with the later blocks worth scoring as its continuation, each pair as the feature vector
the join model reads (`candidates`), the pre-filter that drops the pairs the forward model cannot make
matter, and the same pairs grouped by target for the reverse model.
"""
from __future__ import annotations

import math
import sys
from array import array
from itertools import compress
from dataclasses import dataclass
from operator import mul
from typing import Final

from ...config import Config
from ...charstats import NEUTRAL, char_bigrams
from ...lm import WordLM
from ...model import CREDIT, TABLE, TEXT, Block, Page
from ...textutil import ends_open, ends_with_closing_quote_only, is_han
from .blocks import (
    _CONT_START, Shapes, _head_end, _is_body, barriers, column_widths, cut_at_column, first_unopened, head_len,
    opens_with_quoted_word, shapes, tail_len, unclosed,
)
from .captions import caption_runs
from .model import (
    JoinModel, PAIR_FEATURES, SOURCE_FEATURES, TARGET_FEATURES, load_model, start_key,
)
from .words import (
    Scores, _first_word_and_head, _word_steps, short_forward, ends_with_function_word, joined_score, last_word,
    opening_class, pos_hmm, pos_state, remembered_scores, starts_with_function_word, word_tags,
)


LINE: Final = 16  # characters of one printed line in a narrow column: a block this short is a line or less
_JUNK: Final = frozenset("-_=+*/\\|<>~`^#")  # marks OCR leaves for specks and rules; never the end of a cut clause
_STRAY: Final = frozenset("，、：.,:")  # what Tesseract reads a speck before a paragraph's first character as
MAX_DISTANCE: Final = 6  # no tuning join is more than 4 blocks on: farther blocks are not scored


def _bigrams(text: str) -> set[int]:
    """The text's distinct character pairs, each as one integer: the same pairs as the set of two-character
    strings, built without making a string for each. A pair of characters of the Basic Multilingual Plane is
    its two UTF-16 code units read as one 32-bit word (the pairs at even offsets, then those at odd offsets);
    a text with a character beyond it (an emoji) is read as UTF-32, and a pair holding such a character is its
    two code units as one 64-bit word with the top bit set, so no key of one form equals a key of the other
    (a 32-bit word is cheaper to turn into a Python int than a 64-bit one: `sim` builds a set per target)."""
    e = text.encode("utf-16-le", "surrogatepass")
    n = len(e)
    if n == 2 * len(text):  # (every character one UTF-16 code unit)
        both = array("I", e[:n & ~3])  # (the words of both offsets in one array, read into the set at once)
        both.frombytes(e[2:2 + ((n - 2) & ~3)])
        return set(both)
    w = memoryview(text.encode("utf-32-le", "surrogatepass"))
    n = len(w)
    words = w[:n & ~7].cast("Q").tolist() + w[4:4 + ((n - 4) & ~7)].cast("Q").tolist()
    return {v & 0xFFFF | (v >> 16) & 0xFFFF0000 if v < 0x1_0000_0000_0000 and v & 0xFFFF0000 == 0 else v | 1 << 63
            for v in words}


def _memo_bigrams(text: str, memo: dict[str, set[int]]) -> set[int]:
    """`_bigrams(text)`, remembered in `memo` (one page's: a block's head and tail are one text when it is short)."""
    v = memo.get(text)
    if v is None:
        v = memo[text] = _bigrams(text)
    return v


# whether this module runs compiled (mypyc): its file is then the extension, as `buildinfo.compiled_modules` reads it.
# The compiled loops add floats one by one, as `sum` does up to Python 3.11; from 3.12 `sum` compensates its rounding,
# so there the loops are not used and both builds keep `sum`'s bits (the same page text compiled and pure)
COMPILED: Final = not __file__.endswith(".py") and sys.version_info < (3, 12)


def nonzero_dot(w: list[float], f: list[float], start: float = 0.0) -> float:
    """`model._dot(w, f, start)` to the last bit: the products of the non-zero features added to `start` one by one
    in feature order (as `sum` adds floats in Python 3.11). Compiled, a loop over unboxed floats: `compress` and
    `map` asked every feature's truth twice and boxed every product there (`reverse_probs`, a pair score each, took
    303 M of the compiled stage's 2,911 M instructions over 123 tuning pages, 155 M so); the interpreter runs
    `_dot`'s form, which a loop would slow."""
    if not COMPILED:
        return sum(map(mul, compress(w, f), compress(f, f)), start)
    z = start
    for k in range(len(f)):
        x = f[k]
        if x != 0.0:  # (a float's truth: NaN is true, as it is != 0.0)
            z += w[k] * x
    return z


def _clipped(x: float, lo: float, hi: float) -> float:
    """`model._clip(x, lo, hi)` (x held to [lo, hi]), compiled: the model's helper is interpreted, a call through
    Python from the compiled pair loop."""
    return lo if x < lo else hi if x > hi else x


def _top_two(xs: list[float]) -> tuple[float, float]:
    """The first two of `sorted(xs, reverse=True)` (`xs`: two or more finite floats), found in one pass: a source's
    margins need only its best and second-best candidate, and two sorts per source cost more than the scan.
    Ties keep the earlier value first, as the stable sort does (a -0.0 and a 0.0 stay in their order)."""
    a, b = xs[0], xs[1]
    if b > a:
        a, b = b, a
    for k in range(2, len(xs)):
        x = xs[k]
        if x > a:
            a, b = x, a
        elif x > b:
            b = x
    return a, b


_KEYS: Final[dict[str, str]] = {}  # `start_key` of each character asked: no bound, at most one entry per code point
# (a few thousand on real pages), as main's `lru_cache(maxsize=None)` had; the answer depends on the character alone


def _key(ch: str) -> str:
    """`start_key(ch)`, remembered (`target` asks it 2-3 times a block; compiled, a direct call and a dict look-up,
    where an `lru_cache` wrapper was a call through Python)."""
    k = _KEYS.get(ch)
    if k is None:
        k = _KEYS[ch] = start_key(ch)
    return k


_LOG: Final = [0.0] + [math.log(k) for k in range(1, 33)]  # log of a candidate's distance (blocks on)
_LOG1P: Final = [math.log1p(k) for k in range(512)]  # log1p of a short sentence's length (`sent_len`), per pair


def _log1p(n: int) -> float:
    """`math.log1p(n)` of a count or length `n` (0 or more): the same float, read from `_LOG1P` below 512. Compiled,
    `math.log1p` is a call through Python (mypyc has no native form of it), a boxed int in and a boxed float out;
    `candidates` asks it of every source (its tail, length and candidates), target (length, head) and counted
    target."""
    return _LOG1P[n] if 0 <= n < 512 else math.log1p(n)


# where each feature stands in a pair's `PAIR_FEATURES` list (the target's are filled in once per target). Final,
# each: this module runs compiled, and the pair loop reads these for every pair: a Final name is read from a
# static, another is looked up in the module's globals and unboxed at every use
_GAIN: Final = PAIR_FEATURES.index("gain")
_FOREIGN: Final = PAIR_FEATURES.index("foreign_caption")
_SIM: Final = PAIR_FEATURES.index("sim")
_QUOTE_MATCH: Final = PAIR_FEATURES.index("quote_match")
_GAIN_MARGIN: Final = PAIR_FEATURES.index("gain_margin")
_START_MARGIN: Final = PAIR_FEATURES.index("start_margin")
_GAIN_WORD: Final = PAIR_FEATURES.index("gain_word")
_PMI: Final = PAIR_FEATURES.index("pmi")
_D1: Final = PAIR_FEATURES.index("d1")
_LOGD: Final = PAIR_FEATURES.index("logd")
_SAME: Final = PAIR_FEATURES.index("same_caption")
_GAP_BODY: Final = PAIR_FEATURES.index("gap_body")
_GAP_TITLE: Final = PAIR_FEATURES.index("gap_title")
_NOT_HAN: Final = PAIR_FEATURES.index("not_han")
_CROSSES: Final = PAIR_FEATURES.index("crosses_wall")
_SENT_LEN: Final = PAIR_FEATURES.index("sent_len")
_START_X_D1: Final = PAIR_FEATURES.index("start_x_d1")
_GAIN_X_D1: Final = PAIR_FEATURES.index("gain_x_d1")
_TITLE_X_D1: Final = PAIR_FEATURES.index("title_x_d1")
_COLUMN_CUT: Final = PAIR_FEATURES.index("column_cut")
_SPAN: Final = PAIR_FEATURES.index("span_word")
_HAN_X_D1: Final = PAIR_FEATURES.index("han_x_d1")
_BOTH_LINES: Final = PAIR_FEATURES.index("both_lines")
_FW_X_D1: Final = PAIR_FEATURES.index("fw_x_d1")
_QUOTE_WORD_X_D1: Final = PAIR_FEATURES.index("quote_word_x_d1")
_OPEN_X_D1: Final = PAIR_FEATURES.index("open_x_d1")
_POS: Final = PAIR_FEATURES.index("pos_join")
# (the target's own features, which `_Targets.target` writes over a copy of `_PAIR_ZEROS`)
_CONT_PUNCT: Final = PAIR_FEATURES.index("cont_punct")
_OPEN_QUOTE: Final = PAIR_FEATURES.index("open_quote")
_B_TITLE: Final = PAIR_FEATURES.index("b_title")
_B_START: Final = PAIR_FEATURES.index("b_start")
_B_SHORT: Final = PAIR_FEATURES.index("b_short")
_B_CLOSED: Final = PAIR_FEATURES.index("b_closed")
_B_LEN: Final = PAIR_FEATURES.index("b_len")
_B_UNOPENED: Final = PAIR_FEATURES.index("b_unopened")
_B_HEAD: Final = PAIR_FEATURES.index("b_head")
_START_NEG: Final = PAIR_FEATURES.index("start_neg")
_START_POS: Final = PAIR_FEATURES.index("start_pos")
_START2: Final = PAIR_FEATURES.index("start2")
_LEAD_COMMA: Final = PAIR_FEATURES.index("lead_comma")
_B_QUOTE_WORD: Final = PAIR_FEATURES.index("b_quote_word")
_B_OPEN: Final = PAIR_FEATURES.index("b_open")
_MARK_OPEN: Final = PAIR_FEATURES.index("mark_open")
# every pair feature 0.0, one float object shared: a target copies the list and writes its own features over it
# (compiled, a list display of 43 floats boxes a new 0.0 for each zero, and each is freed with the list)
_PAIR_ZEROS: Final = [0.0] * len(PAIR_FEATURES)
# a target's features by name (`_Targets.tdict`), in `TARGET_FEATURES` order without the count of its sources
# (added last, once every source is counted): a target copies the dict and sets each value, cheaper compiled than
# a new dict of 15 keys; a source's the same way
_TARGET_ZEROS: Final = dict.fromkeys(TARGET_FEATURES[:-1], 0.0)
_SOURCE_ZEROS: Final = dict.fromkeys(SOURCE_FEATURES, 0.0)


# a target block's own features, the same for every source (`candidates`' `target`): its text, first character
# and first four, whether it opens with a Han character, whether it is one printed line or less, its start
# score, head length, whether a mark closes what it did not open, its quoted-word and opening-class scores, the
# part-of-speech state it opens in and that state's start log-probability, its pair-feature template, the
# template's part of the forward score, and its first character's log count. Typed, so that the compiled pair
# loop reads them as strings and unboxed floats, not as objects added and stored through generic calls.
TargetFeatures = tuple[str, str, str, bool, bool, float, int, float, float, float, "tuple[str, str] | None",
                       "float | None", list[float], float, float]


@dataclass
class Group:
    """One open block with its candidate continuations: (target, distance, features)."""

    source: int
    src: dict[str, float]
    cands: list[tuple[int, int, list[float]]]  # features in PAIR_FEATURES order
    tgts: dict[int, dict[str, float]] | None = None  # each candidate target's own features (TARGET_FEATURES)
    z: list[float] | None = None  # each candidate's forward pair score, when `candidates` computed it to prune
    z0: float | None = None  # the source's "no continuation" score, computed with `z`


@dataclass
class RevGroup:
    """One block that may continue an open block before it, with those sources: (source, distance, features)."""

    target: int
    tgt: dict[str, float]
    cands: list[tuple[int, int, list[float]]]


def reverse_groups(groups: list[Group]) -> list[RevGroup]:
    """The same scored pairs grouped by target (sources in page order); a pair's features are
    `REVERSE_FEATURES`: the pair's own, then its source's."""
    by: dict[int, RevGroup] = {}
    for g in groups:
        sv = [g.src[k] for k in SOURCE_FEATURES]
        for j, d, f in g.cands:
            rg = by.get(j)
            if rg is None:
                rg = by[j] = RevGroup(j, dict((g.tgts or {}).get(j) or {}), [])
            rg.cands.append((g.source, d, f + sv))
    out = [by[j] for j in sorted(by)]
    for rg in out:
        if "n_srcs" not in rg.tgt:  # (`candidates` counts every source that scored the target, pruned or not)
            rg.tgt["n_srcs"] = math.log1p(len(rg.cands))
    return out


class _Targets:
    """`candidates`' reader of each target block's own features (`target`), the same for every source, on one page.

    A class, not a function nested in `candidates`: compiled (mypyc), a nested function and the environment it
    reads point at each other, a reference cycle per page that kept the page's memos (each block's character-pair
    set among them) alive until the garbage collector walked them; an instance points at no one that points back,
    so its page's objects go as soon as `candidates` returns."""

    def __init__(self, blocks: list[Block], lm: WordLM, model: JoinModel, kinds: Shapes, walls: list[bool],
                 lscore: dict[str, float], uni: dict[str, int], pvec: list[float]) -> None:
        self.blocks = blocks
        self.lm = lm
        self.model = model
        self.sources = kinds.sources
        self.title = kinds.title
        self.walls = walls
        self.lscore = lscore
        self.uni = uni
        self.pvec = pvec
        self.tags = word_tags()
        self.pos_start: dict[tuple[str, str], float] = pos_hmm()[1]
        # (attributes of the interpreted model, read once per page)
        self.start_of, self.start_default, self.start2_of = model.start, model.start_default, model.start2
        self.opening_of: dict[str, float] | None = model.opening
        self.tdict: dict[int, dict[str, float]] = {}  # each target's features by name, for the reverse model

    def target(self, j: int) -> TargetFeatures:
        """Block j's own features as a target, the same for every source (by name in `tdict[j]`)."""
        blocks, title, sources, walls, lm, model = (self.blocks, self.title, self.sources, self.walls, self.lm,
                                                    self.model)
        lscore, tags, pos_start, uni, pvec = self.lscore, self.tags, self.pos_start, self.uni, self.pvec
        start_of, start_default, start2_of, opening_of = (self.start_of, self.start_default, self.start2_of,
                                                          self.opening_of)
        bt = blocks[j].text
        first = bt[:1]
        c1 = bt.find("，")
        k1 = _key(first)
        start = start_of.get(k1, start_default)
        hl = head_len(bt)
        b_han = is_han(first)
        # (`model.start2_of(bt)`)
        start2 = start2_of.get(k1 + _key(bt[1]), 0.0) if len(bt) > 1 else 0.0
        lead_comma = float(0 < c1 <= 6 and "。" not in bt[:c1])
        unop = first_unopened(bt)  # `unopened` and `head_unopened` from one scan
        b_unop_head = float(0 <= unop < _head_end(bt, hl))
        cont_punct = float(first in _CONT_START)
        open_quote = float(first in "“‘《（(")
        b_title = float(title[j] and bt[-1:] not in "。！？")
        b_short = float(len(bt) <= 45)
        b_len = _log1p(len(bt))
        prev = blocks[j - 1]
        quote_word = float(open_quote > 0.0 and opens_with_quoted_word(bt))
        # a clause mark before text that opens like a paragraph ('，记者从…'): a speck Tesseract read before the
        # paragraph's first character; the rest of a sentence cut before its comma opens like a clause
        mark_open = (start_of.get(_key(bt[1]), start_default) + model.start2_of(bt[1:])
                     if first in _STRAY and len(bt) > 2 and is_han(bt[1]) else 0.0)
        fstate: tuple[str, str] | None = None
        fstart: float | None = None
        if b_han:
            fw, b4_score = _first_word_and_head(lm, bt)
            if b4_score is not None:
                lscore[bt[:4]] = b4_score  # `lm.score(b4)`, which the join gain asks (the same pass's value)
            # `opening_class(lm, bt, fw)` and `pos_state(fw, False)` from one look-up of the first word's tag (a
            # Han character is no digit and no Latin letter, so `opening_class` goes straight to the tag)
            tag = tags.get(fw)
            cls = ("UNK" if tag is None else tag) + ("1" if len(fw) == 1 else "")
            if tag is not None:
                fstate = ("S" if len(fw) == 1 else "B", tag)
                fstart = pos_start.get(fstate)  # (`_pos_step`)
        else:
            cls = opening_class(lm, bt)  # (by the first character's class: no word is asked)
        opening = opening_of.get(cls, 0.0) if opening_of else 0.0
        # how often the first character meets others inside dictionary words (`cb.pmi`'s last term)
        # (`math.log` of a float is native compiled; of the int, a call through Python: the same float, as
        # Python's log converts the int to a float first)
        lb = math.log(float(uni.get(first, 0) + 1)) if b_han else 0.0
        td = _TARGET_ZEROS.copy()  # (the keys in `TARGET_FEATURES` order, as `reverse_probs` reads them)
        td["t_start"] = start
        td["t_start2"] = start2
        td["t_lead_comma"] = lead_comma
        td["t_cont_punct"] = cont_punct
        td["t_open_quote"] = open_quote
        td["t_unopened"] = b_unop_head
        td["t_title"] = b_title
        td["t_short"] = b_short
        td["t_prev_open"] = float(sources[j - 1])
        td["t_prev_head"] = float(prev.role != TEXT or title[j - 1] or walls[j - 1])
        td["t_han"] = float(b_han)
        td["t_len"] = b_len
        td["t_quote_word"] = quote_word
        td["t_open"] = opening
        td["t_mark_open"] = mark_open
        self.tdict[j] = td
        # the pair features that depend on the target alone, in `PAIR_FEATURES` order; a pair copies the list and
        # writes its own features over the zeros (those the distance, the source or both sides decide)
        tmpl = _PAIR_ZEROS.copy()
        tmpl[_CONT_PUNCT] = cont_punct
        tmpl[_OPEN_QUOTE] = open_quote
        tmpl[_B_TITLE] = b_title
        tmpl[_B_START] = start
        tmpl[_B_SHORT] = b_short
        tmpl[_B_CLOSED] = float(not ends_open(bt))
        tmpl[_B_LEN] = b_len
        tmpl[_B_UNOPENED] = b_unop_head
        tmpl[_B_HEAD] = _log1p(hl)
        tmpl[_START_NEG] = min(0.0, start + 1.0)
        tmpl[_START_POS] = max(0.0, start)
        tmpl[_START2] = start2
        tmpl[_LEAD_COMMA] = lead_comma
        tmpl[_B_QUOTE_WORD] = quote_word
        tmpl[_B_OPEN] = opening
        tmpl[_MARK_OPEN] = mark_open
        # the target's part of every pair score (`tz`): its products with the forward weights, summed once here;
        # a pair adds its own products to it (`Group.z`)
        return (bt, first, bt[:4], b_han, len(bt) <= LINE, start, hl, float(unop >= 0), quote_word, opening, fstate,
                fstart, tmpl, nonzero_dot(pvec, tmpl), lb)  # (`_dot`)


def candidates(page: Page, lm: WordLM, config: Config, model: JoinModel | None = None,
               walls: list[bool] | None = None, scores: Scores | None = None,
               prune: float | None = None, kinds: Shapes | None = None) -> list[Group]:
    """Every open block with every later block worth scoring as its continuation
    (`walls`: the page's `barriers`, when the caller has them; `scores`: the page's `remembered_scores`;
    `kinds`: the page's `shapes`).

    `prune` (`flow` passes `PRUNE_MARGIN`; None keeps every pair, as `flowtrain` learns from): a candidate whose
    forward pair score, with the character-pair similarity `sim` at its most favourable value, stays more than
    `prune` below the best of its source's other candidates (at their least favourable) and its "no
    continuation" score is dropped before `sim` is computed and before `scored` reads it; its probability in
    the forward model is below exp(-prune) of the best option's. The features of the pairs kept are those of
    the full list (`n_cands`, the margins and each target's `n_srcs` count every candidate), so only the
    softmax denominators lose the dropped pairs' tiny shares. A caption source and a quotation closed in the
    next block are never pruned (their scores do not come from the forward model alone).
    """
    model = model or load_model()
    blocks = list(page.blocks)
    walls = barriers(blocks) if walls is None else walls
    runs = caption_runs(blocks, walls)
    cb = char_bigrams(lm)
    # (counts, as `WordLM`'s frequencies are: typed, so that compiled `math.log` of their float is native)
    bi: dict[str, int] = cb.bi
    uni: dict[str, int] = cb.uni
    log_n = cb.log_n
    kinds = kinds or shapes(blocks)
    sources, targets, title = kinds
    # what each block is to a source's walk over the blocks after it, once per page (not once per source that
    # passes it): skipped (a credit, a table, an empty block), or counted as body text (1) or a title (2) between
    # a source and its later candidates
    skip = [b.role in (CREDIT, TABLE) or not b.text for b in blocks]
    gap_kind = [1 if len(b.text) > 45 and not t else 2 if t else 0 for b, t in zip(blocks, title)]
    heads: list[set[int] | None] = [None] * len(blocks)  # a target's character pairs (`grams` of its head)
    tfeat: list[TargetFeatures | None] = [None] * len(blocks)  # (by index: no dict look-up per pair)
    lscore, lm_score = scores or remembered_scores(lm)  # (lscore: filled from a target's first-word pass too)
    steps: list[list[tuple[float, list[tuple[int, float]]]] | None] = [None] * len(blocks)  # a head's `_word_steps`
    prefixes = lm.prefixes
    logp, unk = lm.logp, lm.unk
    pos_trans = pos_hmm()[0]
    n_srcs = [0] * len(blocks)  # by target: how many sources scored it
    pvec = model.pair_vec
    none_vec, none_bias = model.none_vec, model.none_bias  # (properties of the interpreted model: read once)
    sim_lo, sim_hi = min(0.0, pvec[_SIM]), max(0.0, pvec[_SIM])  # sim is in [0, 1]
    (w_gain, w_gain_word, w_pmi, w_d1, w_logd, w_same, w_foreign, w_gap_body, w_gap_title, w_not_han, w_crosses,
     w_sent_len, w_start_x_d1, w_gain_x_d1, w_title_x_d1, w_column_cut, w_span, w_han_x_d1, w_both_lines, w_fw_x_d1,
     w_quote_word_x_d1, w_open_x_d1, w_pos, w_quote_match, w_gain_margin, w_start_margin) = (
        pvec[k] for k in (_GAIN, _GAIN_WORD, _PMI, _D1, _LOGD, _SAME, _FOREIGN, _GAP_BODY, _GAP_TITLE, _NOT_HAN,
                          _CROSSES, _SENT_LEN, _START_X_D1, _GAIN_X_D1, _TITLE_X_D1, _COLUMN_CUT, _SPAN, _HAN_X_D1,
                          _BOTH_LINES, _FW_X_D1, _QUOTE_WORD_X_D1, _OPEN_X_D1, _POS, _QUOTE_MATCH, _GAIN_MARGIN,
                          _START_MARGIN))

    memo: dict[str, set[int]] = {}  # character pairs by text (a block of up to 120 characters: its head is its tail)
    reader = _Targets(blocks, lm, model, kinds, walls, lscore, uni, pvec)
    tdict = reader.tdict  # each target's features by name, for the reverse model

    out: list[Group] = []
    for i, a in enumerate(blocks):
        if not sources[i]:
            continue
        at = a.text
        a_last = at[-1:]
        distance = 0
        gap_body = 0
        gap_title = 0
        gap_body_f = gap_title_f = 0.0  # the two counts as their features (capped at 4 and 2)
        crossed = 0.0
        ri = runs[i]
        a_tail = tail_len(at)
        a_unc = float(unclosed(at[-300:]))
        a4 = at[-4:]
        a4_best: list[float] | None = None  # `lm.score` of every prefix of a4, when a word first may span a join
        a_pre = [a4[-k:] for k in range(1, len(a4) + 1) if a4[-k:] in prefixes]  # where a word may start
        a_han = is_han(a_last)
        la = math.log(float(uni.get(a_last, 0) + 1)) if a_han else 0.0  # (`cb.pmi`'s third term)
        a_line = len(at) <= LINE
        a_title = title[i]
        # a running-text paragraph before a title-like source (`column_cut` asks it of a title-like source alone)
        after_body = a_title and i > 0 and _is_body(blocks[i - 1])
        title_f = float(a_title)
        han_f = float(a_han)
        # a title-like line whose first word is a preposition or conjunction ('为了…') is a cut first line
        title_fw = float(a_title and starts_with_function_word(lm, at))
        lw = last_word(lm, at) if a_han else ""  # the last word (its part of speech; a function word?)
        lstate = pos_state(lw, True) if a_han else None
        ltrans = pos_trans.get(lstate, {}) if lstate is not None else None
        by_first: dict[str, tuple[bool, float]] = {}  # (a word may span the join, clipped PMI) by first character
        ba: set[int] | None = None  # character pairs of the source's tail
        mine: list[tuple[int, int, list[float]]] = []
        zs_all: list[float] = []  # each pair's forward score: its target's part, then its own products (`pvec`)
        gains: list[float] = []
        starts: list[float] = []
        for j in range(i + 1, min(len(blocks), i + 1 + config.flow_window)):
            if walls[j]:
                crossed = 1.0
            if skip[j]:
                continue
            rj = runs[j]
            foreign = rj != -1 and rj != ri
            if not foreign:
                distance += 1
                if distance > MAX_DISTANCE and ri == -1:
                    break  # (a photo caption printed in pieces may continue farther on)
            if targets[j]:
                tf = tfeat[j]
                if tf is None:  # the target's own features, the same for every source
                    tf = tfeat[j] = reader.target(j)
                (bt, first, b4, b_han, b_line, start, hl, b_unop, quote_word, opening, fstate, fstart, tmpl,
                 z, lb) = tf
                n_srcs[j] += 1
                # `_pos_gain(lstate, fstate)`: the last word's transitions (`ltrans`) are looked up once per source
                # (`_pos_step` written out: its clip to [-6, 6] included)
                pos = 0.0
                if ltrans is not None and fstart is not None:
                    step = ltrans.get(fstate)
                    if step is not None:
                        step -= fstart
                        pos = -6.0 if step < -6.0 else 6.0 if step > 6.0 else step
                # a word across the join is the only way the joined text can score better; and the clipped PMI
                # of the two characters either side: both depend on the target's first character alone
                sp = by_first.get(first)
                if sp is None:
                    spans = False
                    for x in a_pre:
                        if x + first in prefixes:
                            spans = True
                            break
                    if a_han and b_han:
                        # `cb.pmi(a_last, first)` (`CharBigrams._compute`: the same terms in the same order, the
                        # two characters' own terms looked up once per source and once per target)
                        pmi = math.log(float(bi.get(a_last + first, 0)) + 0.5) + log_n - la - lb - NEUTRAL
                        pmi = -4.0 if pmi < -4.0 else 8.0 if pmi > 8.0 else pmi
                    else:
                        pmi = 0.0
                    by_first[first] = spans, pmi  # (no Han on one side: NEUTRAL - NEUTRAL)
                else:
                    spans, pmi = sp
                gain = 0.0
                # the most frequent dictionary word across the join, even where the best segmentation
                # cuts elsewhere (开发|区管委会 holds 开发区): log-frequency above an unseen character's
                span = 0.0
                if spans:
                    if a4_best is None:
                        a4_best = short_forward(lm, a4)[0]
                    st = steps[j]
                    if st is None:
                        st = steps[j] = _word_steps(lm, b4)
                        if b4 not in lscore:  # `lm.score(b4)` from the same steps (no first word was segmented)
                            lscore[b4] = joined_score(lm, "", [0.0], b4, st)
                    # lm.score(a4 + b4) - lm.score(a4) - lm.score(b4), the joined score from the two sides' passes
                    gain = joined_score(lm, a4, a4_best, b4, st) - a4_best[-1] - lm_score(b4)
                    for x in a_pre:
                        for m in range(1, len(b4) + 1):
                            w = x + b4[:m]
                            if w not in prefixes:
                                break  # no longer string is a word either
                            lp = logp.get(w)
                            if lp is not None and lp - unk > span:
                                span = lp - unk
                d = distance if distance > 1 else 1
                cgain = -6.0 if gain < -6.0 else 10.0 if gain > 10.0 else gain
                gains.append(cgain)
                starts.append(start)
                # the features in `PAIR_FEATURES` order (the target's, then the pair's own written over the zeros),
                # and the pair's forward score `z`: the target's part, plus each own feature's product with its
                # forward weight (the pre-filter's score; the sum in another order than `_dot`'s: see `candidates`)
                f = tmpl.copy()
                if cgain:
                    f[_GAIN] = cgain
                    z += w_gain * cgain
                    if gain > 1.0:
                        f[_GAIN_WORD] = 1.0
                        z += w_gain_word  # (w * 1.0 is w)
                f[_PMI] = pmi
                z += w_pmi * pmi
                if d == 1:  # (log 1 is the 0.0 in place; a product with d1 = 1.0 is the other factor)
                    f[_D1] = 1.0
                    f[_START_X_D1] = start
                    f[_GAIN_X_D1] = cgain
                    f[_TITLE_X_D1] = title_f
                    f[_HAN_X_D1] = han_f  # a clause cut after a Han character goes on in the next block
                    f[_FW_X_D1] = title_fw  # a title-like line opening with a preposition goes on next
                    f[_QUOTE_WORD_X_D1] = quote_word
                    f[_OPEN_X_D1] = opening
                    z += (w_d1 + w_start_x_d1 * start + w_gain_x_d1 * cgain + w_title_x_d1 * title_f
                          + w_han_x_d1 * han_f + w_fw_x_d1 * title_fw + w_quote_word_x_d1 * quote_word
                          + w_open_x_d1 * opening)
                    if a_title and after_body and cut_at_column(at, column_widths([blocks[j]])):
                        f[_COLUMN_CUT] = 1.0
                        z += w_column_cut
                else:
                    f[_LOGD] = fv = _LOG[d] if d < len(_LOG) else math.log(d)
                    z += w_logd * fv
                if ri != -1 and ri == rj:
                    f[_SAME] = 1.0
                    z += w_same
                elif foreign:
                    f[_FOREIGN] = 1.0
                    z += w_foreign
                if gap_body:
                    f[_GAP_BODY] = gap_body_f
                    z += w_gap_body * gap_body_f
                if gap_title:
                    f[_GAP_TITLE] = gap_title_f
                    z += w_gap_title * gap_title_f
                if not (a_han or b_han):
                    f[_NOT_HAN] = 1.0
                    z += w_not_han
                f[_CROSSES] = crossed
                z += w_crosses * crossed
                n = a_tail + hl
                f[_SENT_LEN] = fv = _LOG1P[n] if n < 512 else math.log1p(n)  # (the same float as math.log1p)
                z += w_sent_len * fv
                if a_unc:
                    f[_QUOTE_MATCH] = b_unop  # a quotation opened in the source closed in the target
                    z += w_quote_match * b_unop
                f[_SPAN] = span
                z += w_span * span
                if a_line and b_line:
                    f[_BOTH_LINES] = 1.0  # two short lines (verse, a list) stand apart
                    z += w_both_lines
                f[_POS] = pos  # the part-of-speech transition across the join
                z += w_pos * pos
                mine.append((j, d, f))
                zs_all.append(z)
            gk = gap_kind[j]
            if gk == 1:
                gap_body += 1
                gap_body_f = float(gap_body if gap_body < 4 else 4)
            elif gk == 2:
                gap_title += 1
                gap_title_f = float(gap_title if gap_title < 2 else 2)
        if len(mine) > 1:
            g0, g1 = _top_two(gains)
            s0, s1 = _top_two(starts)
            for k, ((_, _, f), fg, fs) in enumerate(zip(mine, gains, starts)):  # against the best other candidate
                gain_margin = fg - (g1 if fg == g0 else g0)
                f[_GAIN_MARGIN] = gain_margin = (-6.0 if gain_margin < -6.0 else 6.0 if gain_margin > 6.0
                                                  else gain_margin)
                start_margin = (s1 if fs == s0 else s0) - fs
                f[_START_MARGIN] = start_margin = (-4.0 if start_margin < -4.0 else 4.0 if start_margin > 4.0
                                                    else start_margin)
                zs_all[k] += w_gain_margin * gain_margin + w_start_margin * start_margin
        elif mine:
            mine[0][2][_GAIN_MARGIN] = gain_margin = _clipped(mine[0][2][_GAIN], -6.0, 6.0)
            zs_all[0] += w_gain_margin * gain_margin
        src = _SOURCE_ZEROS.copy()  # (the keys in `SOURCE_FEATURES` order, as `none_z` and `reverse_probs` read them)
        src["a_comma"] = float(a_last in "，、,")
        src["a_colon"] = float(a_last in "：:")
        src["a_paren"] = float(a_last in "）)")
        src["a_quote_only"] = float(a_last in "”’" and ends_with_closing_quote_only(at))
        src["a_title"] = float(title[i])
        src["a_short"] = float(len(at) <= 45)
        src["a_caption"] = float(runs[i] != -1)
        src["a_unclosed"] = a_unc
        src["a_tail"] = _log1p(a_tail)
        src["a_len"] = _log1p(len(at))
        src["n_cands"] = _log1p(len(mine))
        src["a_han"] = float(a_han)  # cut after a Han character: no paragraph ends without a mark
        src["a_line"] = float(a_line)  # one printed line or less (a verse line, a list item)
        # OCR noise at a paragraph's end: a sentence end a character or two before the block's end
        # ('…因素。、'), or a stray mark as the last character ('…决议-')
        src["a_stop_near"] = float(a_tail <= 2 and len(at) > a_tail)
        src["a_junk"] = float(a_last in _JUNK)
        # the last word is a preposition, a conjunction or 的 (jieba's part-of-speech tags): '…已经对' needs more
        src["a_func_end"] = float(a_han and ends_with_function_word(lm, at, lw))
        # a title-like line that opens with a preposition or conjunction ('为了…') is a cut first line
        src["a_title_fw"] = title_fw
        # (Measured in session 11 over the 40 callgrind pages: this pre-filter drops 36% of the pairs, but only
        # 14% of the targets lose all their pairs, so a bound that drops a pair before its features are built
        # can save at most the feature lists of those pairs and the first-word pass of those targets (about 6%
        # of the stage by the phase timings). Built as a second pass over each source's candidates with a true
        # upper bound of the pair score, it cost more than it saved: 1384.7 M instructions -> 1427.1 M for the
        # two passes alone, 1447.4 M with the bound; output identical. The stage's cost is in the kept pairs.)
        zs: list[float] | None = None
        z0: float | None = None
        if prune is not None and ri == -1 and mine:
            # each pair's score `_dot(pvec, f)`, summed as the target's part and then the pair's own products (sim is
            # still 0.0: added below for the pairs kept). The order differs from `_dot`'s feature order, so a score
            # may differ in its last bits (measured: max |difference| below; no kept pair and no join moves)
            zs = zs_all
            # (`model.none_z(src)`; compiled, its `_named_dot` here, without a call into the interpreted model: the
            # features stand in `SOURCE_FEATURES` order, a copy of `_SOURCE_ZEROS`, and `nonzero_dot` adds the same
            # products)
            # (a feature added to `src` but not to `SOURCE_FEATURES` would make the lengths differ: then by name,
            # as main did, instead of an IndexError in the compiled build only; review rflow58)
            z0 = (none_bias + nonzero_dot(none_vec, list(src.values())) if COMPILED and len(src) == len(none_vec)
                  else model.none_z(src))
            top = max(max(zs) + sim_lo, z0) - prune - sim_hi
            if min(zs) < top:  # (else every candidate stays)
                keep = [z >= top or (f[_QUOTE_MATCH] and d == 1) for z, (_, d, f) in zip(zs, mine)]
                mine, zs = list(compress(mine, keep)), list(compress(zs, keep))
        for k, (j, _, f) in enumerate(mine):
            bb = heads[j]
            if bb is None:
                bb = heads[j] = _memo_bigrams(blocks[j].text[:120], memo)
            if ba is None:
                ba = _memo_bigrams(at[-120:], memo)
            sim = f[_SIM] = len(ba & bb) / math.sqrt(len(ba) * len(bb)) if ba and bb else 0.0
            if zs is not None:
                zs[k] += pvec[_SIM] * sim
        out.append(Group(i, src, mine, {j: tdict[j] for j, _, _ in mine}, zs, z0))
    for j, t in tdict.items():  # every source that scored the target, pruned or not (the reverse model's count)
        t["n_srcs"] = _log1p(n_srcs[j])
    return out
