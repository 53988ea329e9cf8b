"""Stage `flow`: rejoin paragraphs that a column or page break cut in two.

A text block that stops mid-sentence continues in a later block: usually the
next one, sometimes after a photo caption, a section label or a fragment of
another article printed in between. We score every (open block, later
candidate) pair and choose all joins at once, best first, each block used at
most once as a source and once as a target (a greedy global assignment, so a
strong distant join such as 火|爆 is not stolen by a weak near one).

How likely block j continues open block i is a learned model (`JoinModel`, weights in
`layoutfix/data/flow_weights.json`, rebuilt from the synthetic tuning split by
`python -m layoutfix.flowtrain`): a conditional logit over i's candidates plus
"no continuation here", and a reverse one over the open blocks j may continue plus "j opens a
paragraph" (a block opening with 的 must continue some open block, so a nearer paragraph start gives
way); a logistic combination of the two is the join probability. A pair's features: the word-LM gain across the join (a
word spanning the boundary: 开发|区管委会 gives 开发区), the dictionary's character
association, how often j's first one or two characters open a paragraph (的 or
和 almost never do, 当然 or 今天 often do) and how often the part of speech of its first word does (a place
or time word opens, a lone particle or measure word continues: `opening_class`), the part-of-speech
transition across the join by jieba's HMM (`pos_join`), distance and what lies between
(body text, titles, an article start), role and shape (a title-like line, a
photo caption, clause punctuation at either end), quote and bracket balance
(a quotation opened in i and closed in j), sentence lengths across the join and
the lexical overlap of the two blocks; the source's own shape (ending in ：,
in ）, in a closed quotation, a title) scores "no continuation". A join needs
the model's probability to reach the learned threshold. Fragments of a photo
caption printed in pieces keep the first hand-set score (`caption_score`): the
tuning split has few such captions to learn from; for a candidate outside the caption run the learned
model's probability stands when it is higher (a paragraph's short cut first line printed above a photo
is read into the run, and continues after the credit). A short paragraph set in two
narrow columns whose lines were read across (a1 b1 a2 b2 …) is put back in
column order when the language model reads that order better (`read_across`).
A middle piece of one paragraph printed glued after the start of the next (X1 | X3 | Y1+X2 | Y2) is cut
out and put back when the word LM reads the repaired order better by a margin (`find_splices`); a short
line as wide as the next block's column less the indent is a cut first line (`column_cut`).

Joins may cross the start of another article only on strong evidence (a learned
penalty). A block skipped over by a join is flagged `interleaved`, which
`segment` uses to recognise captions and stray fragments. An open block that finds no continuation is flagged
`open_end` (the article is `truncated` when it ends with it). Every candidate that came close (probability
`CLOSE` or more) and was not joined is logged as a `no_join` edit with its probability and why (below the
threshold, or its source or target went to a more probable join), so `layoutfix diff` explains a split too.
A block that is OCR debris (`segment.is_garbage`) is never joined: 1 of the 56 debris targets of the tuning
split continues an open block, so a close candidate whose target is debris (the model gives some debris 0.6
after a word-like join) is overruled and logged as a near miss.
"""
from __future__ import annotations

import json
import math
import re
from itertools import accumulate, compress, repeat
from operator import add, mul
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable
from importlib import resources

from ..config import Config
from ..charstats import NEUTRAL, char_bigrams
from ..lm import WordLM, _forward, jieba_entries, load_lm
from ..model import BYLINE, CREDIT, JUMP, TABLE, TEXT, TITLE, Block, Edit, Page
from .. import patterns
from ..textutil import display_width, ends_open, ends_with_closing_quote_only, is_han
from .normalize import fix_punct_width
from .normalize import is_title_like as _is_title_like

is_title_like = lru_cache(maxsize=2048)(_is_title_like)  # asked of every block by several passes

STAGE = "flow"
_CONT_START = set("，、；：。！？）》”’,;:.!?)")


@dataclass(frozen=True)
class Candidate:
    source: int
    target: int
    score: float  # the join probability
    gain: float
    distance: int
    why: str = ""  # for a join not made by the model: what made it
    excluded: str = ""  # why this pair is never joined whatever its probability (logged as a near miss)


def _starts_article(b: Block) -> bool:
    if b.role in (BYLINE, JUMP) or (b.role == TITLE and b.marked):
        return True
    return b.role == TEXT and patterns.DATELINE.match(b.text) is not None


def heads_article(b: Block) -> bool:
    """A line that can stand over an article start: title-like, or short and unterminated with at most
    one comma ('甲，乙逝世'); a longer line with clauses is a cut paragraph, not a title."""
    t = b.text.strip()
    return b.role in (TEXT, TITLE) and (b.marked or is_title_like(t) or (
        0 < len(t) <= 36 and sum(t.count(c) for c in "，,") <= 1
        and t[-1] not in "。！？；;.!?…”’，、" and patterns.DATELINE.match(t) is None))


def barriers(blocks: list[Block]) -> list[bool]:
    """Blocks a join may not cross: article starts and the title lines right above them."""
    out = [_starts_article(b) or bool(patterns.END_BYLINE.match(b.text.strip())) for b in blocks]
    for i in range(len(blocks) - 1, -1, -1):
        if out[i] and i > 0 and _starts_article(blocks[i]):
            j = i - 1
            while j >= 0 and heads_article(blocks[j]):
                out[j] = True
                j -= 1
    return out


def _is_body(b: Block) -> bool:
    """A paragraph of running text (not a title, byline, caption credit or closing byline)."""
    return b.role == TEXT and not is_title_like(b.text) and patterns.END_BYLINE.match(b.text.strip()) is None


def is_source(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and _source_text(b.text)


def is_target(b: Block) -> bool:
    return b.role == TEXT and bool(b.text) and _target_text(b.text)


@lru_cache(maxsize=2048)
def _source_text(text: str) -> bool:
    return ends_open(text) and not patterns.is_furniture(text)


@lru_cache(maxsize=2048)
def _target_text(text: str) -> bool:
    return patterns.DATELINE.match(text) is None and patterns.END_BYLINE.match(text.strip()) is None \
        and not patterns.is_furniture(text)


def caption_runs(blocks: list[Block], walls: list[bool]) -> list[int]:
    """For each block, the id of the caption run it belongs to (-1: none).

    A photo credit closes a caption. The caption is the text block right
    before the credit, plus the short text blocks (one or two printed lines)
    before that: a layout extractor prints a caption's fragments together.
    """
    run = [-1] * len(blocks)
    for k, b in enumerate(blocks):
        if b.role != CREDIT:
            continue
        j = k - 1
        if j >= 0 and blocks[j].role == TEXT and not walls[j]:
            run[j] = k
            short = len(blocks[j].text) <= 45  # a long caption stands alone
            j -= 1
            while short and j >= 0 and blocks[j].role == TEXT and not walls[j] and len(blocks[j].text) <= 45 \
                    and run[j] == -1:
                run[j] = k
                j -= 1
        run[k] = k
    return run


def column_widths(blocks: list[Block]) -> set[int]:
    """Printed column widths (half-width cells) that `normalize` found from wrap spaces."""
    return {int(f.split(":")[1]) for b in blocks for f in b.flags if f.startswith("column:")}


def cut_at_column(text: str, widths: set[int]) -> bool:
    """A short line as wide as its continuation's column plus an indent: a cut first line, not a title.

    Titles are set on their own measure; a paragraph's first line is indented
    two characters and runs to the edge of the column its next lines fill.
    """
    if " " in text.strip():
        return False
    w = display_width(text) + 4
    return any(abs(w - c) <= 2 for c in widths)


# -- the learned join model ----------------------------------------------------
# A conditional logit per open block: each later candidate j scores w·pair(i, j), "no continuation
# on this page" scores v·source(i), and P(j | i) is the softmax over them.
PAIR_FEATURES: tuple[str, ...] = (
    "gain", "gain_word", "pmi", "d1", "logd", "cont_punct", "open_quote", "b_title", "b_start", "b_short",
    "b_closed", "b_len", "same_caption", "foreign_caption", "gap_body", "gap_title", "not_han", "sim",
    "crosses_wall", "b_unopened", "b_head", "sent_len", "start_x_d1", "gain_x_d1", "title_x_d1", "start_neg",
    "start_pos", "start2", "lead_comma", "quote_match", "column_cut", "span_word", "gain_margin", "start_margin",
    "han_x_d1", "both_lines", "b_quote_word", "fw_x_d1", "quote_word_x_d1", "b_open", "open_x_d1",
    "pos_join",
)
SOURCE_FEATURES: tuple[str, ...] = (
    "a_comma", "a_colon", "a_paren", "a_quote_only", "a_title", "a_short", "a_caption", "a_unclosed",
    "a_tail", "a_len", "n_cands", "a_han", "a_line", "a_stop_near", "a_junk", "a_func_end",
    "a_title_fw",
)
# "no source on this page" for a target block (the reverse model: each block that may continue another
# chooses among the open blocks before it, or opens a paragraph itself)
TARGET_FEATURES: tuple[str, ...] = (
    "t_start", "t_start2", "t_lead_comma", "t_cont_punct", "t_open_quote", "t_unopened", "t_title", "t_short",
    "t_prev_open", "t_prev_head", "t_han", "t_len", "t_quote_word", "t_open", "n_srcs",
)
# the reverse model's pair features: which open block a target continues depends on the source's shape too
REVERSE_FEATURES: tuple[str, ...] = PAIR_FEATURES + tuple("src_" + k for k in SOURCE_FEATURES)
WEIGHTS_PATH = "data/flow_weights.json"
_GAIN, _START = PAIR_FEATURES.index("gain"), PAIR_FEATURES.index("b_start")
_GAIN_MARGIN, _START_MARGIN = PAIR_FEATURES.index("gain_margin"), PAIR_FEATURES.index("start_margin")
_SAME_CAPTION, _FOREIGN = PAIR_FEATURES.index("same_caption"), PAIR_FEATURES.index("foreign_caption")
_QUOTE_MATCH, _SIM = PAIR_FEATURES.index("quote_match"), PAIR_FEATURES.index("sim")
# `candidates(prune=...)` as `flow` calls it: the smallest margin at which the pre-filter drops neither a join
# the full model chooses nor a gold continuation on the synthetic tuning split (measured at margins 2..10:
# at 4, 2 gold continuations the model scores below 0.005 go; at 6, none, with 55% of the pairs kept)
PRUNE_MARGIN = 6.0
LINE = 16  # characters of one printed line in a narrow column: a block this short is a line or less
_JUNK = frozenset("-_=+*/\\|<>~`^#")  # marks OCR leaves for specks and rules; never the end of a cut clause
MAX_DISTANCE = 6  # no tuning join is more than 4 blocks on: farther blocks are not scored
_OPEN, _CLOSE = "“‘（(《〈【", "”’）)》〉】"
_PAIR = dict(zip(_CLOSE, _OPEN))


_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


def unclosed(text: str) -> bool:
    """A quote or bracket opened and not closed: the sentence goes on."""
    depth = 0
    for c in _BRACKET.findall(text):  # only the marks matter: skip the text between them
        if c in _OPEN:
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0


def first_unopened(text: str) -> int:
    """Where the first closing quote or bracket stands whose opening one did not come before it, in the first
    200 characters (-1: none)."""
    seen: set[str] = set()
    for m in _BRACKET.finditer(text, 0, 200):  # only the marks matter: skip the text between them
        c = m.group()
        if c in _OPEN:
            seen.add(c)
        elif _PAIR[c] not in seen:
            return m.start()
    return -1


def unopened(text: str) -> bool:
    """A closing quote or bracket before any opening one: the block starts inside a quotation."""
    return first_unopened(text) >= 0


def _head_end(text: str, hl: int) -> int:
    """The end of the first sentence (`hl` = `head_len`) with the closers after its end mark."""
    k = hl
    while k < len(text) and text[k] in _CLOSE:
        k += 1
    return k


def head_unopened(text: str) -> bool:
    """`unopened` within the block's first sentence (its end mark and the closers after it included):
    a stray bracket further on is more often OCR noise than a quotation begun in another block."""
    return 0 <= first_unopened(text) < _head_end(text, head_len(text))


def tail_len(text: str) -> int:
    """Characters after the last sentence end: the length of the unfinished sentence."""
    k = max(text.rfind(c) for c in "。！？；")
    return len(text) - k - 1


_SENTENCE_END = re.compile("[。！？；]")


def head_len(text: str) -> int:
    """Characters up to the first sentence end, included (the whole block when there is none)."""
    m = _SENTENCE_END.search(text)
    return m.start() + 1 if m else len(text)


@dataclass(frozen=True)
class JoinModel:
    """Weights of the join model and the paragraph-start table, learned by
    `python -m layoutfix.flowtrain` from the synthetic tuning split."""

    pair: dict[str, float]
    none: dict[str, float]
    none_bias: float
    start: dict[str, float]  # log P(c opens a paragraph) / P(c in running text)
    start_default: float
    start2: dict[str, float]  # the same for the first two characters (common openers: 当然 今天 于是)
    threshold: float  # join probability a join needs
    # the reverse model: P(source i | target j) against "j opens a paragraph" (pair weights, none weights, bias)
    rpair: dict[str, float] = None  # type: ignore[assignment]
    rnone: dict[str, float] = None  # type: ignore[assignment]
    rnone_bias: float = 0.0
    # the join probability from both: sigmoid(a·logit P(j|i) + b·logit P(i|j) + c); (1, 0, 0) is P(j|i) alone
    combine: tuple[float, float, float] = (1.0, 0.0, 0.0)
    # log P(class of the first word | a paragraph opens) / P(the same | a block continues one mid-sentence), by
    # `opening_class` (jieba's part-of-speech tag of the first word: a place or time word opens, a single
    # structural or measure character continues)
    opening: dict[str, float] = None  # type: ignore[assignment]

    def start2_of(self, text: str) -> float:
        return self.start2.get(start_key(text[:1]) + start_key(text[1:2]), 0.0) if len(text) > 1 else 0.0

    @property
    def pair_vec(self) -> list[float]:
        vec = self.__dict__.get("_pair_vec")
        if vec is None:
            vec = [self.pair.get(k, 0.0) for k in PAIR_FEATURES]
            object.__setattr__(self, "_pair_vec", vec)
        return vec

    @property
    def rpair_vec(self) -> list[float]:
        vec = self.__dict__.get("_rpair_vec")
        if vec is None:
            vec = [(self.rpair or {}).get(k, 0.0) for k in REVERSE_FEATURES]
            object.__setattr__(self, "_rpair_vec", vec)
        return vec

    def none_z(self, src: dict[str, float]) -> float:
        """"No continuation" for a source: none_bias + its `SOURCE_FEATURES` · the none weights."""
        return self.none_bias + _named_dot(self.none, SOURCE_FEATURES, src, self, "_none_vec")

    def rnone_z(self, tgt: dict[str, float]) -> float:
        """"Opens a paragraph" for a target: rnone_bias + its `TARGET_FEATURES` · the rnone weights."""
        return self.rnone_bias + _named_dot(self.rnone or {}, TARGET_FEATURES, tgt, self, "_rnone_vec")

    def rprobs(self, tgt: dict[str, float], pairs: list[list[float]]) -> list[float]:
        """P(source k is the block the target continues) for each candidate source (the rest: the target
        opens a paragraph)."""
        vec = self.rpair_vec
        return _softmax([_dot(vec, f) for f in pairs], self.rnone_z(tgt))

    def joint(self, pf: float, pr: float) -> float:
        """The join probability from the forward and the reverse model's."""
        a, b, c = self.combine
        if not b:
            return pf if a == 1.0 and not c else 1 / (1 + math.exp(-(a * _logit(pf) + c)))
        return 1 / (1 + math.exp(-(a * _logit(pf) + b * _logit(pr) + c)))

    def probs(self, src: dict[str, float], pairs: list[list[float]], zs: list[float] | None = None) -> list[float]:
        """P(candidate k continues the source) for each candidate (the rest: no continuation);
        a pair's features are listed in `PAIR_FEATURES` order (`zs`: their pair scores, when the caller has them)."""
        if zs is None:
            vec = self.pair_vec
            zs = [_dot(vec, f) for f in pairs]
        return _softmax(zs, self.none_z(src))


def _dot(w: list[float], f: list[float], start: float = 0.0) -> float:
    """`start + sum(map(mul, w, f))` with the same value to the last bit, over the non-zero features only (two
    thirds of a pair's features are 0.0 and add nothing: a product w·0.0 is ±0.0, and adding it leaves a sum
    unchanged, the weights being finite). `compress` picks the features and their weights at C speed."""
    return sum(map(mul, compress(w, f), compress(f, f)), start)


def _softmax(zs: list[float], z0: float) -> list[float]:
    """Each candidate's share of a softmax over the candidates' scores `zs` and the "none" score `z0`."""
    m = max(zs + [z0])
    es = [math.exp(z - m) for z in zs]
    tot = sum(es) + math.exp(z0 - m)
    return [e / tot for e in es]


def _named_dot(weights: dict[str, float], names: tuple[str, ...], values: dict[str, float], model: JoinModel,
               memo: str) -> float:
    """sum(weights.get(k, 0.0) * v for k, v in values.items()), the same sum in the same order; when the
    values are keyed by `names` in that order (as `candidates` builds them) the weights are read from a
    vector kept on the model under `memo`."""
    if tuple(values) != names:
        return sum(weights.get(k, 0.0) * v for k, v in values.items())
    vec = model.__dict__.get(memo)
    if vec is None:
        vec = [weights.get(k, 0.0) for k in names]
        object.__setattr__(model, memo, vec)
    return sum(map(mul, vec, values.values()))


def _logit(p: float) -> float:
    p = 1e-6 if p < 1e-6 else 1 - 1e-6 if p > 1 - 1e-6 else p
    return math.log(p / (1 - p))


@lru_cache(maxsize=1)
def load_model() -> JoinModel:
    data = json.loads(resources.files("layoutfix").joinpath(WEIGHTS_PATH).read_text(encoding="utf-8"))
    return JoinModel({k: float(v) for k, v in data["pair"].items()},
                     {k: float(v) for k, v in data["none"].items()}, float(data["none_bias"]),
                     {k: float(v) for k, v in data["start"].items()}, float(data["start_default"]),
                     {k: float(v) for k, v in data["start2"].items()}, float(data["threshold"]),
                     {k: float(v) for k, v in data.get("rpair", {}).items()},
                     {k: float(v) for k, v in data.get("rnone", {}).items()}, float(data.get("rnone_bias", 0.0)),
                     tuple(float(x) for x in data.get("combine", (1.0, 0.0, 0.0))),  # type: ignore[arg-type]
                     {k: float(v) for k, v in data.get("opening", {}).items()})


def start_key(ch: str) -> str:
    """The paragraph-start table's key for a first character (digits and Latin letters by class)."""
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "A"
    return ch


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Each word of jieba's dict.txt with its part-of-speech tag: `segment.word_tags`, the program's one
    table of them (segment imports this module, so it is imported at call time)."""
    from .segment import word_tags as tags
    return tags()


def first_word(lm: WordLM, text: str) -> str:
    """`lm.segment(text[:6])[0]`: the first word of the best segmentation of the first six characters. When no
    dictionary word of two characters or more starts the text, the first word is its first character, whatever
    the rest: the segmentation is skipped (a third of the blocks of a page)."""
    return _first_word_and_head(lm, text)[0]


def _first_word_and_head(lm: WordLM, text: str) -> tuple[str, float | None]:
    """`first_word` and, when it took the segmentation, `lm.score(text[:4])` from the same pass (None: not
    segmented). The best score of a prefix depends on the prefix alone (a word ending inside it starts inside
    it, and the pass tries the same words in the same order), so the pass over six characters holds the
    four-character score the join gain asks of a target."""
    head = text[:6]
    logp = lm.logp
    for k in range(2, len(head) + 1):
        if head[:k] in logp:
            best, back = _forward(lm, head)
            i = len(head)
            while back[i]:  # the segmentation read backwards to the word that starts at 0
                i = back[i]
            return head[:i], best[min(4, len(head))]
    return head[:1], None


def last_word(lm: WordLM, text: str) -> str:
    """`lm.segment(text[-6:])[-1]`: the last word of the best segmentation of the last six characters, the
    segmentation skipped when no dictionary word of two characters or more ends the text (see `first_word`)."""
    tail = text[-6:]
    logp = lm.logp
    for k in range(2, len(tail) + 1):
        if tail[-k:] in logp:
            return lm.segment(tail)[-1]
    return tail[-1:]


def opening_class(lm: WordLM, text: str, word: str | None = None) -> str:
    """The class of a block's first word, the key of the opening table: jieba's tag of the first word of the
    best segmentation of the first six characters, with "1" added for a one-character word (a single 的, 个 or
    着 is a word cut mid-sentence far more often than a paragraph's first word); a digit, a Latin letter, an
    opening mark by itself, other punctuation by class (`word`: the first word, when the caller has it)."""
    c = text[:1]
    if not c:
        return ""
    if c.isdigit():
        return "DIGIT"
    if c.isascii() and c.isalpha():
        return "LATIN"
    if not is_han(c):
        return "OPEN" + c if c in _OPEN else "MARK"
    w = word or first_word(lm, text)
    return word_tags().get(w, "UNK") + ("1" if len(w) == 1 else "")


@lru_cache(maxsize=1)
def pos_hmm() -> tuple[dict, dict]:  # type: ignore[type-arg]
    """jieba's part-of-speech HMM (MIT, `jieba/posseg`): the transition log-probabilities between its states
    (position in the word, tag) and the log-probabilities of the state a sentence starts in."""
    import pickle

    base = resources.files("jieba").joinpath("posseg")
    with base.joinpath("prob_trans.p").open("rb") as fh:
        trans = pickle.load(fh)
    with base.joinpath("prob_start.p").open("rb") as fh:
        start = pickle.load(fh)
    return trans, start


def pos_state(word: str, last: bool) -> tuple[str, str] | None:
    """The HMM state a dictionary word ends in (`last`) or starts in: ('S', tag) for one character, else
    ('E', tag) or ('B', tag); None for a word the dictionary does not tag."""
    tag = word_tags().get(word)
    if tag is None:
        return None
    return ("S" if len(word) == 1 else "E" if last else "B", tag)


def pos_join(lm: WordLM, left: str, right: str) -> float:
    """How much better the first word of `right` follows the last word of `left` than it starts a sentence,
    by jieba's part-of-speech HMM: log P(its state | the last word's state) - log P(it starts), clipped to
    [-6, 6] (0 when either word is untagged, or either side of the join is no Han character: `candidates`
    computes the feature so). A noun before 的 reads as one phrase (部门|的发展, +4.3); a verb
    before a time word that opens a clause (支持|去年以来, -1.0) less than before a preposition (支持|以对话, -0.1)."""
    if not (left and right and is_han(left[-1]) and is_han(right[0])):
        return 0.0
    s1 = pos_state(last_word(lm, left), True)
    s2 = pos_state(first_word(lm, right), False)
    return _pos_gain(s1, s2)


def _pos_gain(s1: tuple[str, str] | None, s2: tuple[str, str] | None) -> float:
    if s1 is None or s2 is None:
        return 0.0
    trans, start = pos_hmm()
    return _pos_step(trans.get(s1, {}), s2, start.get(s2))


def _pos_step(row: dict, s2: tuple[str, str], st: float | None) -> float:  # type: ignore[type-arg]
    """`_pos_gain` from the first state's transition row and the second state's start log-probability `st`
    (`candidates` looks the row up once per source, `st` once per target)."""
    t = row.get(s2)
    if t is None or st is None:
        return 0.0
    return _clip(t - st, -6.0, 6.0)


FUNCTION_TAGS = frozenset({"p", "c", "uj"})  # jieba tags of words that never end a sentence: 针对 p, 以及 c, 的 uj


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Dictionary words tagged preposition, conjunction or structural 的 in jieba's dict.txt (a few hundred)."""
    return frozenset(w for w, _, tag in jieba_entries() if tag in FUNCTION_TAGS)


def ends_with_function_word(lm: WordLM, text: str, last: str | None = None) -> bool:
    """The best segmentation of the text's last six characters ends with a function word (`function_words`)
    (`last`: that segmentation's last word, `last_word`, when the caller has it)."""
    words = function_words()
    tail = text[-6:]
    if not any(tail[-k:] in words for k in range(1, min(4, len(tail)) + 1)):
        return False  # no function word could end it: skip the segmentation
    return (last_word(lm, tail) if last is None else last) in words


def starts_with_function_word(lm: WordLM, text: str) -> bool:
    """The best segmentation of the text's first six characters opens with a function word
    (`function_words`: a preposition, a conjunction): '为扩大…' or '对于…' opens a clause that goes on, so
    a title-like line that starts so is more often a paragraph's cut first line than a heading."""
    words = function_words()
    head = text[:6]
    if not any(head[:k] in words for k in range(1, min(4, len(head)) + 1)):
        return False  # no function word could open it: skip the segmentation
    return first_word(lm, head) in words


# a quoted word or phrase closed and followed at once by a clause or sentence mark: '“催化剂”。把…' ends a
# sentence its source began (a paragraph seldom opens with one; the tuning gold has 9 of 875)
_QUOTE_WORD = re.compile("[“‘][^”’“‘。！？]{1,10}[”’][。！？；，、]")


def opens_with_quoted_word(text: str) -> bool:
    return _QUOTE_WORD.match(text) is not None


def is_garbage_target(text: str, lm: WordLM) -> bool:
    """`segment.is_garbage`: short OCR debris (spaced-out scraps that make no words) continues no paragraph."""
    if len(text) > 30:
        return False  # `is_garbage` calls no longer text debris: skip its character counts
    from .segment import is_garbage  # segment imports this module: import at call time
    return is_garbage(text, lm)


def _word_steps(lm: WordLM, right: str) -> list[tuple[float, list[tuple[int, float]]]]:
    """For each position of `right`: its character's log-probability and the dictionary words that start there
    and end inside `right`, as (end, log-probability) in the order `lm.score`'s pass tries them."""
    logp, prefixes, max_len, unk = lm.logp, lm.prefixes, lm.max_len, lm.unk
    n = len(right)
    out: list[tuple[float, list[tuple[int, float]]]] = []
    for i in range(n):
        words: list[tuple[int, float]] = []
        if i + 1 < n and right[i:i + 2] in prefixes:
            end = min(i + max_len, n)
            j = i + 2
            while j <= end:
                w = right[i:j]
                if j > i + 2 and w not in prefixes:
                    break
                lp = logp.get(w)
                if lp is not None:
                    words.append((j, lp))
                j += 1
        out.append((logp.get(right[i], unk), words))
    return out


def joined_score(lm: WordLM, left: str, left_best: list[float], right: str,
                 steps: list[tuple[float, list[tuple[int, float]]]]) -> float:
    """`lm.score(left + right)` to the last bit, from the best score of every prefix of `left` (`left_best`,
    `_forward`'s first list for `left`) and `right`'s `_word_steps`: a source's tail and a target's head are each
    read once, and each pair only walks the words that cross the join.

    The pass over left+right gives every prefix of `left` the same best score as the pass over `left` alone (a
    word ending inside `left` starts inside it, and the same words are tried in the same order); a word that
    crosses the join starts where the rest of `left` is a dictionary prefix. Every score past the join is offered
    the same candidates in the same order as in the one pass over left+right (the crossing words, from the
    left, then `right`'s own steps), so the maxima are the same floats."""
    na, nb = len(left), len(right)
    n = na + nb
    best = left_best + [-math.inf] * nb
    text = left + right
    logp, prefixes, max_len = lm.logp, lm.prefixes, lm.max_len
    for i in range(na):
        if i < na - 1 and text[i:na] not in prefixes:
            continue  # the pass stops before the join (a two-character opening is checked on the way)
        end = min(i + max_len, n)
        bi = best[i]
        j = na + 1
        while j <= end:
            w = text[i:j]
            if w not in prefixes:
                break
            lp = logp.get(w)
            if lp is not None:
                s = bi + lp
                if s > best[j]:
                    best[j] = s
            j += 1
    for k, (lp1, words) in enumerate(steps):
        i = na + k
        bi = best[i]
        s = bi + lp1
        if s > best[i + 1]:
            best[i + 1] = s
        for j, lp in words:
            s = bi + lp
            if s > best[na + j]:
                best[na + j] = s
    return best[n]


Scores = tuple[dict[str, float], Callable[[str], float]]


def remembered_scores(lm: WordLM) -> Scores:
    """`lm.score` remembered by text, for one page: the dict (a caller may fill it from a pass that already
    holds a score) and the function. `flow` makes one per page and hands it to `find_splices`, `candidates`
    and `scored`, which ask many of the same four-character pieces (a score depends on the text alone)."""
    memo: dict[str, float] = {}

    def score(text: str) -> float:
        v = memo.get(text)
        if v is None:
            v = memo[text] = lm.score(text)
        return v

    return memo, score


def _bigrams(text: str) -> set[int]:
    """The text's distinct character pairs, each as one integer (the pair's two UTF-32 code units read as
    one 64-bit word): the same pairs as the set of two-character strings, built without making a string
    for each (the pairs at even offsets, then those at odd offsets)."""
    e = memoryview(text.encode("utf-32-le", "surrogatepass"))
    n = len(e)
    out = set(e[:n & ~7].cast("Q").tolist())
    out.update(e[4:4 + ((n - 4) & ~7)].cast("Q").tolist())
    return out


_LOG = [0.0] + [math.log(k) for k in range(1, 33)]  # log of a candidate's distance (blocks on)


def _clip(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


@dataclass
class Group:
    """One open block with its candidate continuations: (target, distance, features)."""

    source: int
    src: dict[str, float]
    cands: list[tuple[int, int, list[float]]]  # features in PAIR_FEATURES order
    tgts: dict[int, dict[str, float]] | None = None  # each candidate target's own features (TARGET_FEATURES)
    z: list[float] | None = None  # each candidate's forward pair score, when `candidates` computed it to prune


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


def candidates(page: Page, lm: WordLM, config: Config, model: JoinModel | None = None,
               walls: list[bool] | None = None, scores: Scores | None = None,
               prune: float | None = None) -> list[Group]:
    """Every open block with every later block worth scoring as its continuation
    (`walls`: the page's `barriers`, when the caller has them; `scores`: the page's `remembered_scores`).

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
    title = [is_title_like(b.text) for b in blocks]
    tfeat: dict[int, tuple] = {}  # type: ignore[type-arg]
    tdict: dict[int, dict[str, float]] = {}  # the same, by name, for the reverse model
    lscore, lm_score = scores or remembered_scores(lm)  # (lscore: filled from a target's first-word pass too)
    steps: dict[int, list[tuple[float, list[tuple[int, float]]]]] = {}  # a target head's `_word_steps`
    targets = [is_target(b) for b in blocks]
    sources = [is_source(b) for b in blocks]
    prefixes = lm.prefixes
    logp, unk = lm.logp, lm.unk
    pos_trans, pos_start = pos_hmm()
    n_srcs: dict[int, int] = {}  # by target: how many sources scored it
    pvec = model.pair_vec
    sim_lo, sim_hi = min(0.0, pvec[_SIM]), max(0.0, pvec[_SIM])  # sim is in [0, 1]

    gram_sets: dict[str, set[int]] = {}  # a block of up to 120 characters: its head is its tail

    def grams(text: str) -> set[int]:
        v = gram_sets.get(text)
        if v is None:
            v = gram_sets[text] = _bigrams(text)
        return v

    def target(j: int) -> tuple:  # type: ignore[type-arg]
        """Block j's own features as a target, the same for every source (by name in `tdict[j]`)."""
        bt = blocks[j].text
        first = bt[:1]
        c1 = bt.find("，")
        start = model.start.get(start_key(first), model.start_default)
        hl = head_len(bt)
        b_han = is_han(first)
        start2 = model.start2_of(bt)
        lead_comma = float(0 < c1 <= 6 and "。" not in bt[:c1])
        unop = first_unopened(bt)  # `unopened` and `head_unopened` from one scan
        b_unop_head = float(0 <= unop < _head_end(bt, hl))
        cont_punct = float(first in _CONT_START)
        open_quote = float(first in "“‘《（(")
        b_title = float(title[j] and bt[-1:] not in "。！？")
        b_short = float(len(bt) <= 45)
        b_len = math.log1p(len(bt))
        prev = blocks[j - 1]
        quote_word = float(open_quote > 0.0 and opens_with_quoted_word(bt))
        fw = ""
        if b_han:
            fw, b4_score = _first_word_and_head(lm, bt)
            if b4_score is not None:
                lscore[bt[:4]] = b4_score  # `lm.score(b4)`, which the join gain asks (the same pass's value)
        opening = model.opening.get(opening_class(lm, bt, fw), 0.0) if model.opening else 0.0
        fstate = pos_state(fw, False) if fw else None
        fstart = pos_start.get(fstate) if fstate is not None else None  # (`_pos_step`)
        tdict[j] = {
            "t_start": start, "t_start2": start2, "t_lead_comma": lead_comma, "t_cont_punct": cont_punct,
            "t_open_quote": open_quote, "t_unopened": b_unop_head, "t_title": b_title, "t_short": b_short,
            "t_prev_open": float(sources[j - 1]),
            "t_prev_head": float(prev.role != TEXT or title[j - 1] or walls[j - 1]),
            "t_han": float(b_han), "t_len": b_len, "t_quote_word": quote_word,
            "t_open": opening,
        }
        return (bt, first, bt[:4], b_han, len(bt) <= LINE, start, hl, float(unop >= 0), float(not ends_open(bt)),
                b_len, start2, lead_comma, b_unop_head, cont_punct, open_quote, b_title, b_short, math.log1p(hl),
                min(0.0, start + 1.0), max(0.0, start), quote_word, opening, fstate, fstart)

    out: list[Group] = []
    for i, a in enumerate(blocks):
        if not sources[i]:
            continue
        at = a.text
        a_last = at[-1:]
        distance = 0
        gap_body = 0
        gap_title = 0
        crossed = 0.0
        ri = runs[i]
        a_tail = tail_len(at)
        a_unc = float(unclosed(at[-300:]))
        after_body = i > 0 and _is_body(blocks[i - 1])
        a4 = at[-4:]
        a4_best: list[float] | None = None  # `lm.score` of every prefix of a4, when a word first may span a join
        a_pre = [a4[-k:] for k in range(1, len(a4) + 1) if a4[-k:] in prefixes]  # where a word may start
        a_han = is_han(a_last)
        a_line = len(at) <= LINE
        a_title = title[i]
        title_f = float(a_title)
        han_f = float(a_han)
        # a title-like line whose first word is a preposition or conjunction ('为扩大…') is a cut first line
        title_fw = float(a_title and starts_with_function_word(lm, at))
        lw = last_word(lm, at) if a_han else ""  # the last word (its part of speech; a function word?)
        lstate = pos_state(lw, True) if a_han else None
        ltrans = pos_trans.get(lstate, {}) if lstate is not None else None
        by_first: dict[str, tuple[bool, float]] = {}  # (a word may span the join, clipped PMI) by first character
        ba: set[int] | None = None  # character pairs of the source's tail
        mine: list[tuple[int, int, list[float]]] = []
        gains: list[float] = []
        starts: list[float] = []
        for j in range(i + 1, min(len(blocks), i + 1 + config.flow_window)):
            b = blocks[j]
            if walls[j]:
                crossed = 1.0
            if b.role in (CREDIT, TABLE) or not b.text:
                continue
            rj = runs[j]
            foreign = rj != -1 and rj != ri
            if not foreign:
                distance += 1
                if distance > MAX_DISTANCE and ri == -1:
                    break  # (a photo caption printed in pieces may continue farther on)
            if targets[j]:
                tf = tfeat.get(j)
                if tf is None:  # the target's own features, the same for every source
                    tf = tfeat[j] = target(j)
                (bt, first, b4, b_han, b_line, start, hl, b_unop, b_closed, b_len, start2, lead_comma, b_unop_head,
                 cont_punct, open_quote, b_title, b_short, b_head, start_neg, start_pos, quote_word, opening,
                 fstate, fstart) = tf
                n_srcs[j] = n_srcs.get(j, 0) + 1
                # `_pos_gain(lstate, fstate)`: the last word's transitions (`ltrans`) are looked up once per source
                pos = 0.0 if ltrans is None or fstate is None else _pos_step(ltrans, fstate, fstart)
                # a word across the join is the only way the joined text can score better; and the clipped PMI
                # of the two characters either side: both depend on the target's first character alone
                sp = by_first.get(first)
                if sp is None:
                    spans = False
                    for x in a_pre:
                        if x + first in prefixes:
                            spans = True
                            break
                    pmi = _clip(cb.pmi(a_last, first) - NEUTRAL, -4.0, 8.0) if a_han and b_han else 0.0
                    by_first[first] = spans, pmi  # (no Han on one side: NEUTRAL - NEUTRAL)
                else:
                    spans, pmi = sp
                gain = 0.0
                # the most frequent dictionary word across the join, even where the best segmentation
                # cuts elsewhere (开发|区管委会 holds 开发区): log-frequency above an unseen character's
                span = 0.0
                if spans:
                    if a4_best is None:
                        a4_best = _forward(lm, a4)[0]
                    st = steps.get(j)
                    if st is None:
                        st = steps[j] = _word_steps(lm, b4)
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
                d1 = 1.0 if d == 1 else 0.0
                cgain = -6.0 if gain < -6.0 else 10.0 if gain > 10.0 else gain
                gains.append(cgain)
                starts.append(start)
                mine.append((j, d, [
                    cgain,  # gain
                    1.0 if gain > 1.0 else 0.0,  # gain_word
                    pmi,  # pmi
                    d1,  # d1
                    _LOG[d] if d < len(_LOG) else math.log(d),  # logd
                    cont_punct,  # cont_punct
                    open_quote,  # open_quote
                    b_title,  # b_title
                    start,  # b_start
                    b_short,  # b_short
                    b_closed,  # b_closed
                    b_len,  # b_len
                    1.0 if ri != -1 and ri == rj else 0.0,  # same_caption
                    1.0 if foreign else 0.0,  # foreign_caption
                    float(gap_body if gap_body < 4 else 4),  # gap_body
                    float(gap_title if gap_title < 2 else 2),  # gap_title
                    0.0 if a_han or b_han else 1.0,  # not_han
                    0.0,  # sim (`sim_of`, for the pairs kept)
                    crossed,  # crosses_wall
                    b_unop_head,  # b_unopened
                    b_head,  # b_head
                    math.log1p(a_tail + hl),  # sent_len
                    start * d1,  # start_x_d1
                    cgain * d1,  # gain_x_d1
                    title_f * d1,  # title_x_d1
                    start_neg,  # start_neg
                    start_pos,  # start_pos
                    start2,  # start2
                    lead_comma,  # lead_comma
                    a_unc * b_unop,  # quote_match
                    1.0 if a_title and d == 1 and after_body and cut_at_column(at, column_widths([b])) else 0.0,
                    span,  # span_word
                    0.0,  # gain_margin
                    0.0,  # start_margin
                    han_f * d1,  # han_x_d1: a clause cut after a Han character goes on in the next block
                    1.0 if a_line and b_line else 0.0,  # both_lines: two short lines (verse, a list) stand apart
                    quote_word,  # b_quote_word: '“催化剂”。把…' finishes a sentence begun before
                    title_fw * d1,  # fw_x_d1: a title-like line opening with a preposition goes on next
                    quote_word * d1,  # quote_word_x_d1
                    opening,  # b_open: how likely the target's first word opens a paragraph (`opening_class`)
                    opening * d1,  # open_x_d1
                    pos,  # pos_join: the part-of-speech transition across the join
                ]))
            if len(b.text) > 45 and not title[j]:
                gap_body += 1
            elif title[j]:
                gap_title += 1
        if len(mine) > 1:
            top_g, top_s = sorted(gains, reverse=True), sorted(starts, reverse=True)
            g0, g1, s0, s1 = top_g[0], top_g[1], top_s[0], top_s[1]
            for (_, _, f), fg, fs in zip(mine, gains, starts):  # against the best other candidate
                x = fg - (g1 if fg == g0 else g0)
                f[_GAIN_MARGIN] = -6.0 if x < -6.0 else 6.0 if x > 6.0 else x
                x = (s1 if fs == s0 else s0) - fs
                f[_START_MARGIN] = -4.0 if x < -4.0 else 4.0 if x > 4.0 else x
        elif mine:
            mine[0][2][_GAIN_MARGIN] = _clip(mine[0][2][_GAIN], -6.0, 6.0)
        src = {
            "a_comma": float(a_last in "，、,"),
            "a_colon": float(a_last in "：:"),
            "a_paren": float(a_last in "）)"),
            "a_quote_only": float(a_last in "”’" and ends_with_closing_quote_only(at)),
            "a_title": float(title[i]),
            "a_short": float(len(at) <= 45),
            "a_caption": float(runs[i] != -1),
            "a_unclosed": a_unc,
            "a_tail": math.log1p(a_tail),
            "a_len": math.log1p(len(at)),
            "n_cands": math.log1p(len(mine)),
            "a_han": float(a_han),  # cut after a Han character: no paragraph ends without a mark
            "a_line": float(a_line),  # one printed line or less (a verse line, a list item)
            # OCR noise at a paragraph's end: a sentence end a character or two before the block's end
            # ('…因素。、'), or a stray mark as the last character ('…决议-')
            "a_stop_near": float(a_tail <= 2 and len(at) > a_tail),
            "a_junk": float(a_last in _JUNK),
            # the last word is a preposition, a conjunction or 的 (jieba's part-of-speech tags): '…已针对' needs more
            "a_func_end": float(a_han and ends_with_function_word(lm, at, lw)),
            # a title-like line that opens with a preposition or conjunction ('为扩大…') is a cut first line
            "a_title_fw": title_fw,
        }
        zs: list[float] | None = None
        if prune is not None and ri == -1 and mine:
            zs = [_dot(pvec, f) for _, _, f in mine]  # (sim is still 0.0: added below for the pairs kept)
            top = max(max(zs) + sim_lo, model.none_z(src)) - prune - sim_hi
            keep = [z >= top or (f[_QUOTE_MATCH] and d == 1) for z, (_, d, f) in zip(zs, mine)]
            mine, zs = list(compress(mine, keep)), list(compress(zs, keep))
        for k, (j, _, f) in enumerate(mine):
            bb = grams(blocks[j].text[:120])
            if ba is None:
                ba = grams(at[-120:])
            sim = f[_SIM] = len(ba & bb) / math.sqrt(len(ba) * len(bb)) if ba and bb else 0.0
            if zs is not None:
                zs[k] += pvec[_SIM] * sim
        out.append(Group(i, src, mine, {j: tdict[j] for j, _, _ in mine}, zs))
    for j, n in n_srcs.items():  # every source that scored the target, pruned or not (the reverse model's count)
        tdict[j]["n_srcs"] = math.log1p(n)
    return out


# Every NARROW_RUN_MAX short lines the run's median width is checked: a stretch whose median is no column width
# (thousands of one-character lines: vertical text read line by line) is let go at once instead of costing
# minutes in `flush`; a real narrow column (two columns of 40 lines read across) keeps growing, up to
# NARROW_RUN_HARD lines.
NARROW_RUN_MAX = 64
NARROW_RUN_HARD = 1024


def narrow_runs(blocks: list[Block], walls: list[bool]) -> list[list[int]]:
    """Runs of four or more consecutive short text blocks of one printed width (within two characters
    of the run's median, except shorter lines that end a paragraph or a column): a caption or short
    paragraph set in narrow columns."""
    runs: list[list[int]] = []
    cur: list[int] = []

    def flush() -> None:
        while len(cur) >= 4:
            ls = sorted(len(blocks[k].text) for k in cur)
            med = ls[len(ls) // 2]
            if 8 <= med <= 24 and all(abs(len(blocks[k].text) - med) <= 2 or (len(blocks[k].text) < med and (
                    not ends_open(blocks[k].text) or n >= len(cur) - 2)) for n, k in enumerate(cur)):
                runs.append(list(cur))
                break
            cur.pop(0)  # a title or a lead line of another width may stand before the run
        cur.clear()

    for k, b in enumerate(blocks):
        if b.role == TEXT and 0 < len(b.text) <= 26 and not walls[k] and not patterns.is_furniture(b.text):
            cur.append(k)
            if len(cur) % NARROW_RUN_MAX == 0:  # flush pops and re-sorts: quadratic in a run's length
                ls = sorted(len(blocks[q].text) for q in cur)
                if not 8 <= ls[len(ls) // 2] <= 24 or len(cur) >= NARROW_RUN_HARD:
                    flush()  # (no narrow column: one-character lines of vertical text; or past any column)
        else:
            flush()
    flush()
    return runs


def read_across(blocks: list[Block], lm: WordLM, walls: list[bool], margin: float = 4.0) -> list[Candidate]:
    """Joins of narrow-column runs whose lines were read across (a1 b1 a2 b2 …).

    The run's text is scored by the language model in printed order and in column order (even
    lines, then odd lines); when column order reads better by `margin`, each open line joins the next
    line of its column and the first column's end joins the second column's start.
    """
    out: list[Candidate] = []
    for run in narrow_runs(blocks, walls):
        printed = "".join(blocks[k].text for k in run)
        order = run[0::2] + run[1::2]
        gain = lm.score("".join(blocks[k].text for k in order)) - lm.score(printed)
        if gain < margin:
            continue
        p = 1 / (1 + math.exp(-(gain - margin)))
        for a, b in zip(order, order[1:]):
            if is_source(blocks[a]):
                out.append(Candidate(a, b, round(0.5 + p / 2, 3), gain, 2 if b > a else a - b,
                                     f"narrow columns read across: column order reads better by lm {gain:.1f}"))
    return out


# -- a piece of one paragraph printed inside the next one ------------------------------------------
SPLICE_MARGIN = 10.0  # LM evidence a splice repair needs (tuning split: every window above 8.2 is a splice)
SPLICE_MIN = 8  # characters on either side of the seam (at least 4: find_splices slices t[lo - 4:])
assert SPLICE_MIN >= 4


@dataclass(frozen=True)
class Splice:
    """Blocks k-2..k+1 printed as X1 | X3 | Y1+X2 | Y2: block k holds the start of paragraph Y and, glued
    after it at `seam`, the middle piece X2 of paragraph X, whose start X1 and end X3 were printed before."""

    k: int
    seam: int
    gain: float


def _span_gain(lm: WordLM, left: str, right: str, score: "Callable[[str], float] | None" = None) -> float:
    """`lm.join_gain`, only where a dictionary word can span the join (else it is 0: skip the LM; `score`: the
    page's remembered `lm.score`)."""
    if not left or not right:
        return 0.0
    a4, first, prefixes = left[-4:], right[:1], lm.prefixes
    if not any(a4[-k:] + first in prefixes for k in range(1, len(a4) + 1)):
        return 0.0
    return lm.join_gain(left, right, score=score)


def _positions(text: str, chars: set[str], lo: int, hi: int) -> set[int]:
    """{i for i in range(lo, hi) if text[i] in chars}, found by `str.find` (a block may be long, `chars` few)."""
    out: set[int] = set()
    for x in chars:
        i = text.find(x, lo, hi)
        while i >= 0:
            out.add(i)
            i = text.find(x, i + 1, hi)
    return out


def find_splices(blocks: list[Block], lm: WordLM, walls: list[bool],
                 margin: float = SPLICE_MARGIN, scores: Scores | None = None) -> list[Splice]:
    """Blocks where a middle piece of one paragraph was printed glued after the start of the next.

    For four body blocks A B L C (L open), reading A+L[s:]+B and L[:s]+C instead of A+B, L+C and L
    as printed is scored by the word-LM gains across the joins it makes minus those it undoes
    (a word spanning a join: 直|升机); the best seam s must beat the printed reading by `margin`, with a
    word across at least one of the joins it makes.
    The synthesizer's `splice` defects (X1 | X3 | Y1+X2 | Y2) are exactly this shape.
    """
    out: list[Splice] = []
    prefixes = lm.prefixes
    body = [b.role == TEXT and bool(b.text) and not is_title_like(b.text) for b in blocks]
    used: set[int] = set()
    score = (scores or remembered_scores(lm))[1]

    def gain(left4: str, right4: str) -> float:  # lm.join_gain on the 4 characters either side
        return lm.join_gain(left4, right4, score=score)

    logp, unk = lm.logp, lm.unk

    def bound(left4: str, right4: str, rsums: list[float] | None = None) -> float:
        """An upper bound of `gain` without the LM: the best word spanning the join against its
        characters read one by one (a segmentation never scores below that). `rsums`: the running
        sums of right4's one-character costs, when the caller has them."""
        ub = 0.0
        for i in range(len(left4)):
            x = left4[i:]
            if x not in prefixes:
                continue
            base = sum(map(logp.get, x, repeat(unk)))
            for j in range(1, len(right4) + 1):
                w = x + right4[:j]
                if w not in prefixes:
                    break
                lp = logp.get(w)
                if lp is not None:
                    if rsums is None:
                        rsums = list(accumulate(map(logp.get, right4, repeat(unk))))
                    v = lp - base - rsums[j - 1]
                    if v > ub:
                        ub = v
        return ub

    for k in range(2, len(blocks) - 1):
        if not (body[k - 2] and body[k - 1] and body[k] and body[k + 1]) or walls[k - 1] or walls[k] \
                or walls[k + 1] or not is_source(blocks[k]) or not is_target(blocks[k - 1]) \
                or not is_target(blocks[k + 1]):
            continue
        a, b, t, c = blocks[k - 2].text, blocks[k - 1].text, blocks[k].text, blocks[k + 1].text
        if len(t) < 2 * SPLICE_MIN:
            continue
        # the gains the repair undoes are never negative (a join reads at least as well as its two sides apart),
        # so `bound` of the one it makes bounds `fixed`: the LM is asked only for a seam that may clear the margin
        fixed_ub = bound(t[-4:], b[:4]) + 1e-9
        fixed: float | None = None
        a4, c4, c0 = a[-4:], c[:4], c[:1]
        c_sums = list(accumulate(map(logp.get, c4, repeat(unk))))
        a_pre = [a4[-n:] for n in range(1, len(a4) + 1) if a4[-n:] in prefixes]
        lo, hi = SPLICE_MIN, len(t) - SPLICE_MIN + 1
        # seams where a word may span a new join: A's tail + X2's head, or Y1's tail + C's head
        # (the same sets as {x for x in set(t[lo:hi]) if any(p + x in prefixes for p in a_pre)} and
        # {i for i in range(lo, hi) if t[i] in opens}, looked up at C speed: a block may be long)
        chars = list(set(t[lo:hi]))
        opens: set[str] = set()
        for p in a_pre:
            opens.update(compress(chars, map(prefixes.__contains__, map(add, repeat(p), chars))))
        left = _positions(t, opens, lo, hi)
        chars = list(set(t[lo - 1:hi - 1]))
        ends = set(compress(chars, map(prefixes.__contains__, map(add, chars, repeat(c0)))))
        right = {i + 1 for i in _positions(t, ends, lo - 1, hi - 1)}
        # words of Y1's tail starting at q, two characters or more: only where the two characters at q may
        # start a word (looked up at C speed) can a longer string be one
        for q in compress(range(lo - 4, hi - 2), map(prefixes.__contains__, map(add, t[lo - 4:hi - 2],
                                                                                 t[lo - 3:hi - 1]))):
            w = t[q:q + 2]
            e = q + 2
            while w in prefixes and e <= q + 4:
                if e >= lo and e < hi and w + c0 in prefixes:
                    right.add(e)
                if e == q + 4:
                    break
                w += t[e]
                e += 1
        best: tuple[float, int] = (margin, -1)
        for seam in sorted(left | right):
            o = seam in left
            o3 = seam in right
            y4 = t[seam - 4:seam]
            u1 = bound(a4, t[seam:seam + 4]) if o else 0.0
            u3 = bound(y4, c4, c_sums) if o3 else 0.0
            if u1 + u3 + fixed_ub < best[0]:
                continue
            if fixed is None:
                fixed = _span_gain(lm, t, b, score) - _span_gain(lm, a, b, score) - _span_gain(lm, t, c, score)
            if u1 + u3 + fixed < best[0]:
                continue
            g1 = gain(a4, t[seam:seam + 4]) if u1 > 0.0 else 0.0
            g3 = gain(y4, c4) if u3 > 0.0 else 0.0
            if g1 + g3 <= 0.0 or g1 + g3 + fixed < best[0]:
                continue  # no word across a new join; or too little (the seam's own cost is never negative)
            g = g1 + g3 + fixed - gain(y4, t[seam:seam + 4])
            if g >= best[0]:
                best = (g, seam)
        if best[1] >= 0 and not used & {k - 2, k - 1, k, k + 1}:
            out.append(Splice(k, best[1], best[0]))
            used.update((k - 2, k - 1, k, k + 1))
    return out


# flags `read` derives from a printed line's text (a dateline at its start, page furniture): they describe
# where the line starts, so never a piece cut from inside it
START_FLAGS = frozenset({"dateline", "furniture"})


def _cut_block(b: Block, start: int, end: int, new_id: int | None = None) -> Block:
    """b.text[start:end] as a block of its own, its origin moved to match. A piece that does not start
    where b starts loses b's start-of-block flags and takes `new_id` (ids stay unique in the page)."""
    org: list[tuple[int, int]] = []
    for s, ln in b.origin or ((0, b.line),):
        if s < end:
            if s <= start:
                org = [(0, ln)]
            else:
                org.append((s - start, ln))
    cut = replace(b, text=b.text[start:end], origin=tuple(org), line=org[0][1])
    if start > 0:
        cut = replace(cut, flags=b.flags - START_FLAGS, id=b.id if new_id is None else new_id)
    return cut


def apply_splices(blocks: list[Block], splices: list[Splice]) -> tuple[list[Block], list[Candidate], list[Edit]]:
    """Blocks reordered X1 X2 X3 Y1 Y2 (block k cut at its seam), the joins X1-X2, X2-X3, Y1-Y2 to make
    first, and an edit logging each cut."""
    at = {sp.k: sp for sp in splices}
    out: list[Block] = []
    fixed: list[Candidate] = []
    edits: list[Edit] = []
    next_id = max((b.id for b in blocks), default=-1) + 1
    k = 0
    while k < len(blocks):
        sp = at.get(k + 2)
        if sp is None:
            out.append(blocks[k])
            k += 1
            continue
        x1, x3, l, y2 = blocks[k], blocks[k + 1], blocks[k + 2], blocks[k + 3]
        y1, x2 = _cut_block(l, 0, sp.seam), _cut_block(l, sp.seam, len(l.text), next_id)
        next_id += 1
        n = len(out)
        out += [x1, x2, x3, y1, y2]
        p = round(0.5 + 0.5 / (1 + math.exp(-(sp.gain - SPLICE_MARGIN))), 3)
        why = f"a piece of another paragraph printed inside line {l.line}: lm {sp.gain:.1f} better in that order"
        fixed += [Candidate(n, n + 1, p, sp.gain, 1, why), Candidate(n + 1, n + 2, p, sp.gain, 1, why),
                  Candidate(n + 3, n + 4, p, sp.gain, 1, why)]
        edits.append(Edit(STAGE, "splice", "", "", l.line, p,
                          f"line {l.line} holds the start of one paragraph and, from character {sp.seam}, a piece "
                          f"of the paragraph at line {x1.line}: cut there (lm gain {sp.gain:.1f})",
                          f"…{y1.text[-8:]}⏎{x2.text[:8]}…"))
        k += 4
    return out, fixed, edits


def caption_score(lm: WordLM, a: Block, b: Block, distance: int, config: Config,
               same_caption: bool = False, after_body: bool = False,
               in_caption: bool = False, lm_score: "Callable[[str], float] | None" = None) -> tuple[float, float]:
    """(score, LM gain) of reading block `b` right after block `a`, for a source inside a photo-caption run.

    The tuning split has no caption printed in pieces around body text, so no weight can be learned
    for it: these fragments keep the hand-set evidence (LM gain and character association, distance,
    punctuation, title shape), turned into a probability by `caption_prob`.
    """
    # (`lm_score`: `lm.score` remembered by the caller, `remembered_scores`: a caption source's tail is asked
    # once per candidate)
    gain = lm.join_gain(a.text, b.text, score=lm_score)
    pmi = char_bigrams(lm).pmi(a.text[-1:], b.text[:1])
    gain += 0.8 * (max(NEUTRAL, min(6.0, pmi)) - NEUTRAL)  # 0 at a plain word boundary
    score = gain - 0.6 * (distance - 1)
    first = b.text[:1]
    if first in _CONT_START:
        score += 6.0
    if first in "“‘《（(":
        score -= 0.5
    if is_title_like(b.text) and not (b.text[-1:] in "。！？") and not same_caption:
        score -= config.flow_min_gain  # a title-like line continues text only on strong evidence
    if a.text[-1:] in "，、；,;":
        score += 1.0
    if a.text[-1:] in "：:）)":
        score -= 3.0  # a list lead-in ('有以下几种：') or a closing note ('（记者 张三）') usually ends a paragraph
    if a.text[-1:] in "”’" and ends_with_closing_quote_only(a.text):
        score -= 3.0  # '…“四个意识”' is usually a complete paragraph
    if is_title_like(a.text) \
            and not (distance == 1 and not is_title_like(b.text) and after_body
                     and cut_at_column(a.text, column_widths([b]))):
        # a title-like line continues only into the very next block, on strong evidence
        # (a caption fragment may continue further on: its run is printed in pieces)
        score -= config.flow_min_gain + (0.0 if distance == 1 or in_caption else 10.0)
    if not is_han(a.text[-1:] or " ") and not is_han(first or " "):
        score -= 0.5
    return score, gain


def caption_prob(score: float) -> float:
    return 1 / (1 + math.exp(-(score + 1.0)))


CAPTION_MIN_SCORE = -2.5  # the score a caption-fragment join needs


def choose(cands: list[Candidate], threshold: float, fixed: list[Candidate] = ()) -> dict[int, Candidate]:
    """Greedy global assignment: most probable pairs first, each block once as source and once as target
    (`fixed` joins are taken first). A join that would close a cycle is refused: every block of a cycle
    is some join's target, so no chain would start there and its text would be lost."""
    chosen: dict[int, Candidate] = {}
    used_targets: set[int] = set()

    def closes_cycle(c: Candidate) -> bool:
        cur = c.target
        while cur in chosen:
            cur = chosen[cur].target
            if cur == c.source:
                return True
        return cur == c.source

    ranked = sorted((c for c in cands if c.score >= threshold and not c.excluded),
                    key=lambda c: (-c.score, c.distance))
    for c in list(fixed) + ranked:
        if c.source in chosen or c.target in used_targets or closes_cycle(c):
            continue
        chosen[c.source] = c
        used_targets.add(c.target)
    return chosen


def reverse_probs(groups: list[Group], model: JoinModel) -> dict[tuple[int, int], float]:
    """P(i | j) of the reverse model for every scored pair (empty when the model has none): `rprobs` over
    `reverse_groups`, without building them (a pair's score is its pair part, then its source part,
    summed in `REVERSE_FEATURES` order)."""
    if not model.combine[1]:
        return {}
    vec = model.rpair_vec
    n = len(PAIR_FEATURES)
    vp, vs = vec[:n], vec[n:]
    by: dict[int, tuple[list[int], list[float]]] = {}  # by target: its sources and their scores
    tg: dict[int, dict[str, float]] = {}
    exp = math.exp
    for g in groups:
        # the source part's products, the same for every pair of the group (added one by one after the
        # pair part, as `rprobs` sums them; a product with a 0.0 feature adds nothing and is left out)
        sv = g.src.values() if tuple(g.src) == SOURCE_FEATURES else [g.src[k] for k in SOURCE_FEATURES]
        sp = list(map(mul, vs, sv))
        sp = list(compress(sp, sp))
        tgts = g.tgts or {}
        i = g.source
        for j, _, f in g.cands:
            z = sum(sp, _dot(vp, f))  # (`sum(map(mul, vp, f))`)
            t = by.get(j)
            if t is None:
                t = by[j] = ([], [])
                tg[j] = tgts.get(j) or {}
            t[0].append(i)
            t[1].append(z)
    out: dict[tuple[int, int], float] = {}
    for j in sorted(by):
        srcs, zs = by[j]
        tgt = tg[j]
        if "n_srcs" not in tgt:  # (`candidates` counts every source that scored the target, pruned or not)
            tgt = dict(tgt)
            tgt["n_srcs"] = math.log1p(len(zs))
        z0 = model.rnone_z(tgt)
        m = max(zs)
        if z0 > m:
            m = z0
        es = [exp(z - m) for z in zs]
        tot = sum(es) + exp(z0 - m)
        for i, e in zip(srcs, es):
            out[(i, j)] = e / tot
    return out


def scored(groups: list[Group], model: JoinModel, page: Page | None = None, lm: WordLM | None = None,
           config: Config | None = None, floor: float = 0.0, scores: Scores | None = None) -> list[Candidate]:
    """Every candidate with its join probability (only those reaching `floor`: `choose` never takes
    one below its threshold)."""
    out: list[Candidate] = []
    blocks = list(page.blocks) if page is not None else []
    rev = reverse_probs(groups, model)
    debris_of: dict[int, bool] = {}  # `is_garbage_target` of a target block, asked once per page
    lm_score = (scores or remembered_scores(lm))[1] if lm is not None else None

    def debris(j: int) -> str:
        """Why target `j` may not be joined: OCR debris (`segment.is_garbage`) continues no paragraph (1 of the
        56 debris targets of the tuning split does), so the pair is scored and logged but never joined (asked
        only of the few pairs that come close: the test segments the text)."""
        v = debris_of.get(j)
        if v is None:
            v = debris_of[j] = lm is not None and bool(blocks) and is_garbage_target(blocks[j].text, lm)
        return "its target is OCR debris" if v else ""

    for g in groups:
        if not g.cands:
            continue
        if g.src["a_caption"] and blocks and lm is not None and config is not None:
            a = blocks[g.source]
            after = g.source > 0 and _is_body(blocks[g.source - 1])
            pfs = model.probs(g.src, [c[2] for c in g.cands])
            for (j, d, f), pf in zip(g.cands, pfs):
                sc, gain = caption_score(lm, a, blocks[j], d, config, bool(f[_SAME_CAPTION]), after_body=after,
                                         in_caption=True, lm_score=lm_score)
                sc -= 3.0 * f[_FOREIGN]
                p = caption_prob(sc) if sc >= CAPTION_MIN_SCORE else 0.0
                p = max(p, model.threshold) if p else 0.0
                if not f[_SAME_CAPTION] and not f[_FOREIGN]:
                    # a block outside the caption: the source may be a paragraph's cut first line printed
                    # above the photo (it is short and open, so it was read into the caption run), and the
                    # learned model has seen that shape (of the open blocks the tuning pages read into a caption
                    # run, 11 continue after the run, 2 inside it): the more probable of the two scores stands
                    pm = model.joint(pf, rev.get((g.source, j), 0.0)) if rev else pf
                    p = pm if pm > p else p
                if p >= floor:
                    out.append(Candidate(g.source, j, p, gain, d, excluded=debris(j)))
            continue
        i = g.source
        quote_only, colon = g.src["a_quote_only"], g.src["a_colon"]
        for (j, d, f), pf in zip(g.cands, model.probs(g.src, [c[2] for c in g.cands], g.z)):
            if not rev:
                p = pf
            else:
                p = model.joint(pf, rev.get((i, j), 0.0))
            if f[_QUOTE_MATCH] and d == 1:
                p = max(p, 0.999)  # a quotation opened in one block and closed in the next: balance decides
            elif quote_only and f[_GAIN] <= 1.0:
                p *= 0.5  # '…增强“四个意识”' closes its quotation: it ends a paragraph 9 times in 10 (tune split)
            elif colon:
                p *= 0.5  # a lead-in ('有以下几项：') ends its paragraph: 183 of 184 times on the tuning splits
            if p >= floor:
                out.append(Candidate(g.source, j, p, f[_GAIN], d, excluded=debris(j)))
    return out


CLOSE = 0.25  # a candidate this probable that is not joined is logged (`no_join`) with its score


def rejected(near: list[Candidate], chosen: dict[int, Candidate], blocks: list[Block],
             threshold: float) -> list[Edit]:
    """A `no_join` edit (no text change) for every candidate that came close and was not joined, saying why."""
    by_target = {c.target: c for c in chosen.values()}
    out: list[Edit] = []
    for c in sorted(near, key=lambda c: (blocks[c.target].line, -c.score)):
        if chosen.get(c.source) == c:
            continue
        a, b = blocks[c.source], blocks[c.target]
        other, taker = chosen.get(c.source), by_target.get(c.target)
        if c.excluded:
            why = c.excluded
        elif c.score < threshold:
            why = f"below the threshold {threshold:.2f}"
        elif other is not None:
            why = f"line {a.line} continues at line {blocks[other.target].line} instead ({other.score:.2f})"
        elif taker is not None:
            why = f"line {b.line} continues line {blocks[taker.source].line} instead ({taker.score:.2f})"
        else:
            why = "the join would close a cycle"
        out.append(Edit(STAGE, "no_join", "", "", b.line, round(c.score, 3),
                        f"not joined to line {a.line}: join probability {c.score:.2f} (lm gain {c.gain:.1f}, "
                        f"{c.distance} block(s) on), {why}", f"…{a.text[-8:]}⏎{b.text[:8]}…"))
    return out


def _replaced(b: Block, **changes: object) -> Block:
    """`dataclasses.replace(b, **changes)` for a block, without its field-by-field introspection: a copy of the
    block's fields with `changes` written over them (a block has no `__post_init__` to run; `flow` copies a
    block for every joined chain and every block it flags)."""
    nb = object.__new__(Block)
    d = nb.__dict__
    d.update(b.__dict__)
    d.update(changes)
    return nb


def flow(page: Page) -> Page:
    config = page.config or Config()
    lm = load_lm(config.lm_path)
    blocks = list(page.blocks)
    model = load_model()
    walls = barriers(blocks)
    scores = remembered_scores(lm)  # one memo of `lm.score` for the page's three passes
    splices = find_splices(blocks, lm, walls, scores=scores)
    edits: list[Edit] = []
    spliced: list[Candidate] = []
    if splices:
        blocks, spliced, edits = apply_splices(blocks, splices)
        page = replace(page, blocks=tuple(blocks))
        walls = barriers(blocks)
    fixed = spliced + read_across(blocks, lm, walls)
    near = scored(candidates(page, lm, config, model, walls, scores, PRUNE_MARGIN), model, page, lm, config, CLOSE,
                  scores)
    chosen = choose(near, model.threshold, fixed)
    targets = {c.target: c for c in chosen.values()}
    edits += rejected(near, chosen, blocks, model.threshold)
    merged: dict[int, Block] = {}
    interleaved: set[int] = set()
    for i, b in enumerate(blocks):
        if i in targets:
            continue  # appended to its chain head
        if i not in chosen:
            continue
        text, origin = b.text, list(b.origin or ((0, b.line),))
        cur = i
        while cur in chosen:
            c = chosen[cur]
            nxt = blocks[c.target]
            if c.distance > 1 or c.target - cur > 1:
                interleaved.update(k for k in range(cur + 1, c.target) if k not in targets or k == c.target)
            conf = c.score
            edits.append(Edit(STAGE, "join", "", "", nxt.line, round(conf, 3),
                              f"continues at line {nxt.line}: " + (c.why or f"join probability {c.score:.2f} "
                              f"(lm gain {c.gain:.1f}, {c.distance} block(s) on)"), f"…{text[-8:]}⏎{nxt.text[:8]}…"))
            offset = len(text)
            origin += [(offset + s, ln) for s, ln in (nxt.origin or ((0, nxt.line),))]
            text = text + nxt.text
            cur = c.target
        fixed, changes = fix_punct_width(text)  # a mark at a join may only now sit in Chinese context
        if changes:
            edits.append(Edit(STAGE, "punct", "".join(a for a, _ in changes), "".join(c for _, c in changes),
                              b.line, 1.0, "punctuation at a join to full-width", text[:30]))
        merged[i] = _replaced(b, text=fixed, origin=tuple(origin))
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if i in targets:
            continue
        nb = merged.get(i, b)
        flags = set(nb.flags)
        if i in interleaved:
            flags.add("interleaved")
        if is_source(nb) and not (nb.text[-1:] in "”’" and ends_with_closing_quote_only(nb.text)):
            flags.add("open_end")
        if flags != set(nb.flags):
            nb = _replaced(nb, flags=frozenset(flags))
        out.append(nb)
    return replace(page, blocks=tuple(out), edits=page.with_edits(edits))
