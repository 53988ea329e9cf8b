"""What the word LM and jieba's tags say about a join: the first and last word of a block, its opening class,
the part-of-speech transition across a join, function words, and the join's LM score from one pass per
source and one per target (`joined_score`), with the per-page score memo the passes share.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable, Final
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)
from importlib import resources

from ...lm import SHORT_TEXT, WALK_ALWAYS, WordLM, _forward, jieba_entries
from ...textutil import is_han, short_walk
from .blocks import _OPEN
from .model import _clip


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Each word of jieba's dict.txt with its part-of-speech tag: `segment.word_tags`, the program's one
    table of them (segment imports this module, so it is imported at call time)."""
    from ..segment import word_tags as tags
    return tags()


def short_forward(lm: WordLM, text: str) -> tuple[list[float], list[int]]:
    """`lm._forward(lm, text)` (no penalties): the best log-probability of every prefix and where its last word
    starts. A text `_forward` walks at once (`SHORT_TEXT` characters or fewer, any text in the compiled build:
    `lm.walks_at_once`) goes straight to that walk (`textutil.short_walk`), without `lm`'s pure-Python call; another
    goes to `_forward`."""
    if len(text) > SHORT_TEXT and not WALK_ALWAYS:
        return _forward(lm, text)
    return short_walk(text, lm.logp, lm.prefixes, lm.max_len, lm.unk)


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
    logp, prefixes = lm.logp, lm.prefixes
    for k in range(2, len(head) + 1):
        w = head[:k]
        if w not in prefixes:
            break  # (prefixes are closed: no longer head is a word either)
        if w in logp:
            best, back = short_forward(lm, head)
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
            n = len(tail)
            return tail[short_forward(lm, tail)[1][n]:]  # (`lm.segment`'s last word: where the best path's last starts)
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


FUNCTION_TAGS: Final = frozenset({"p", "c", "uj"})  # jieba tags of words that never end a sentence: 针对 p, 以及 c, 的 uj


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Dictionary words tagged preposition, conjunction or structural 的 in jieba's dict.txt (a few hundred)."""
    return frozenset(w for w, _, tag in jieba_entries() if tag in FUNCTION_TAGS)


def ends_with_function_word(lm: WordLM, text: str, last: str | None = None) -> bool:
    """The best segmentation of the text's last six characters ends with a function word (`function_words`)
    (`last`: that segmentation's last word, `last_word`, when the caller has it)."""
    words = function_words()
    tail = text[-6:]
    # (its last one to four characters, each a set look-up in the compiled module, no bound method mapped over a
    # tuple of them: a slice longer than the text is the whole text)
    if not (tail and (tail[-1:] in words or tail[-2:] in words or tail[-3:] in words or tail[-4:] in words)):
        return False  # no function word could end it: skip the segmentation
    return (last_word(lm, tail) if last is None else last) in words


def starts_with_function_word(lm: WordLM, text: str) -> bool:
    """The best segmentation of the text's first six characters opens with a function word
    (`function_words`: a preposition, a conjunction): '为了…' or '对于…' opens a clause that goes on, so
    a title-like line that starts so is more often a paragraph's cut first line than a heading."""
    words = function_words()
    head = text[:6]
    if not (head and (head[:1] in words or head[:2] in words or head[:3] in words or head[:4] in words)):
        return False  # no function word could open it: skip the segmentation (its first one to four characters)
    return first_word(lm, head) in words


# A title-like line that opens with a preposition and a verb ('为扩大…', '在度过了…') is an adverbial clause whose main
# clause is still to come. Of the 1,697 title parts ('——' split) of the People's Daily tuning days 1998-01-01..16, 8
# open with a preposition (jieba's tag) and a verb, each with a main verb of its own after it ('从某某看变化', or
# holding a comma), while 152 of their 8,390 paragraphs open so. Such a line over running text that opens as the
# rest of a sentence (flow's opening odds below 0) is a paragraph's first words printed apart (the titles among
# such lines on the tuning and fresh folders stand over text that opens as a paragraph does).
PREPOSITION: Final = "p"  # jieba's tag of a preposition


def opens_unfinished_clause(lm: WordLM, text: str) -> bool:
    """Does the text open with a preposition (jieba's tag 'p') followed by a verb ('v…' tags) and hold no later verb:
    an adverbial clause ('为扩大某某', an invented example) that wants its main clause after it? A later verb is the
    line's own main clause, as in the tuning days' titles that open so."""
    tags = word_tags()
    fw = first_word(lm, text)
    if tags.get(fw) != PREPOSITION or len(text) <= len(fw):
        return False
    rest = text[len(fw):]
    vw = first_word(lm, rest)
    if not tags.get(vw, "").startswith("v"):
        return False
    rest = rest[len(vw):]
    while rest:  # a later verb is the line's own main clause ('对某某说不', '从某某看变化'): a whole title (review38a)
        w = first_word(lm, rest) or rest[:1]
        if tags.get(w, "").startswith("v"):
            return False
        rest = rest[len(w):]
    return True


# The jieba tags a title seldom ends on (their first letter): particles (了, 的), pronouns, adverbs, prepositions,
# conjunctions, modal particles. Of the 1,285 title parts of the tuning days that end on a Han character, 28 end
# on such a word and 1,257 on a noun, verb, adjective, numeral or the like (n 546, v 237, nr 66, vn 58, …).
TITLE_RARE_END: Final = ("u", "r", "d", "p", "c", "y")


def ends_on_title_rare_word(lm: WordLM, text: str) -> bool:
    """Does the text's last word (`last_word`) carry a tag a title seldom ends on (`TITLE_RARE_END`): '…参加了',
    '…规模最大的', '…对自己'?"""
    tag = word_tags().get(last_word(lm, text.rstrip()))
    return tag is not None and tag.startswith(TITLE_RARE_END)


def opening_odds(lm: WordLM, opening: dict[str, float] | None, start2: float, text: str) -> float:
    """flow's learned log-odds that a block with this text opens a paragraph rather than continues one: the
    opening table's value for its first word's class (`opening_class`) plus the two-character start
    (`start2`: `JoinModel.start2_of(text)`)."""
    return (opening or {}).get(opening_class(lm, text), 0.0) + start2


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
