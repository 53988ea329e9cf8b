"""Page memory: a string the page prints the same way several times is how the page spells it, so one printing that
differs from it at one place by a look-alike is that string misread (document-level "cache" correction).

A name or term the decoder cannot fix (the dictionary lacks it, its gate is closed by a pair the misreading made,
or its gain falls under the bar) is often printed right elsewhere on the same page. `misread_anchors` finds the page's
anchors, strings of three Han characters printed at least `MIN_COUNT` times (a longer string printed so holds such
anchors over every place of it), and the places where the page prints an anchor with one character replaced by one of
its look-alikes (`candidates._candidates`, the decoder's look-alikes of the printed character). `_remembered` puts
the anchor's character back when:
- no string of three characters over the place is itself printed twice (the printing is no second spelling), and
  every anchor that reads the place so agrees on the character;
- the printed character makes no dictionary or running-text word with its neighbours (上海 printed twice says
  nothing of a printed 上游);
- the printed character is not printed again within `substitutions.REPEAT_SPAN` of its run (`REPEAT_GUARD`, the
  decoder's guard: a parallel phrase or a nickname, 谁超标谁自理, 春春);
- the word model, with the channel, does not find the page's spelling worse than the printing over ±`SPAN`
  characters (`BAR`): the page's count is the evidence, the model only vetoes.
Each fix is logged as a `memory` edit naming the anchor and the times the page prints it (its confidence grows
with them). It runs after the decoder (`substitutions`), on the places the decoder left.

Session 48 (memory48), glyph right/made of the whole stage, synthetic tune 247/249 -> 260/264, fresh 2/4/5/6
272/277 -> 287/294, 276/277 -> 288/290, 287/293 -> 312/320, 276/279 -> 286/289, THUCNews pages 22/23 224/257 ->
238/272, 217/252 -> 227/262; clean pages (the gold of those folders printed clean, 4.5 M characters) one change (a
surname printed beside an anchor, 和闫家 beside 和国家 four times, one article the folders share), People's Daily
tuning-day articles as pages none. Measured on the same seven folders and not made (counts of the memory's own fixes,
right/wrong, measured while it ran before the decoder, where the setting kept made 167/9): a bar of 2 (145/7) or -2 (175/52); a lone-surname
guard (113/4: misread characters are often surnames, 利 新 严 麦); refusing a slot the page prints with a third
character, 第五次 第九次 (143/149 with the next guard); refusing an anchor's edge character when the rest of the
anchor is printed mostly without it, 人|江泽民 (161/169); a lost character restored the same way (15 of 29 right at a
bar of 4: abbreviations such as 规委, a village's name printed both ways); a doubled one removed (tune and fresh 2:
14 of 46 right at best: the anchor's last character opening the next word, 电视部|部长).

Session 48, after review (memory48m). Clean text holds anchors too, and on a real page they cross its articles: of
clean pages read whole (no gold to lose), THUCNews val 1,000 articles one a page (1.01 M characters) made 2 fixes,
five a page 2, People's Daily 01-01..16 paragraphs grouped 40 to a page (0.97 M) 1 (谁超标谁自理 -> 谁超标准自理, its
anchor from an unrelated article), articles one a page (0.96 M) none: about 1-2 false fixes per million characters.
`REPEAT_GUARD` blocks 2 of the 3 (春春 -> 青春 beside 的青春 printed three times, 谁超标谁自理); left: 跑投 -> 跳投
beside 跳投命 printed three times. It costs right fixes: synthetic tune 260/264 -> 259/263 (10方元 -> 万元), real-OCR
tuning heavy memory fixes 40 -> 39 (船船总公司 -> 船舶总公司 lost), light 5 unchanged; fresh 4 288/290 -> 287/289,
fresh 2, 5, 6 and real-OCR fresh 2, 4 unchanged (`python -m benchmarks`). Tried and not kept: refusing a place
whose printed pair with a Han neighbour the page prints three times or more (blocks 春春 only, which the repeat guard
blocks already; loses light 002's 希波天 -> 希波夫 beside 希波夫 printed 19 times: 天的 printed three times); the
decoder's given-name guard (`names._left_alone` 2 and `_printed_given_name`) blocks none of the relatives' names
below and loses real-OCR light 土库曼 (士库曼 beside it five times); a guard refusing a given-name character after a
surname when both characters are common in given names blocks 6 of them and loses real-OCR heavy 三国演义.
Residual class: relatives sharing a surname and a character (李建伟 printed three times, his brother 李建炜 once, is
made 李建伟): 16 of 314 invented such stories are changed.
"""
from __future__ import annotations

import operator
from collections import Counter
from typing import Callable, Final, NamedTuple

from ...lm import WordLM
from ...textutil import is_han
from ...wordfreqs import longest_word, zipf_table
from .common import Change, SINGLE_PENALTY, WORD_PENALTY
from .channel import channel_score
from .substitutions import REPEAT_SPAN

MEMORY: Final = True     # False: the stage reads no page memory (tests switch it in the source tree; compiled code reads a Final as fixed)
MIN_COUNT: Final = 2     # an anchor is printed at least this often on the page
SPAN: Final = 4          # characters each side of the place the word model scores
BAR: Final = 0.0         # word-model gain + channel the page's spelling needs over the printing (see the docstring)
# the decoder's `REPEAT_GUARD`, kept here too (memory48m; figures in the docstring): the printed character repeated
# within `substitutions.REPEAT_SPAN` of its run is taken as written (a parallel phrase, 谁超标谁自理; a nickname, 春春)
REPEAT_GUARD: Final = True

Lookalikes = Callable[[str], dict[str, tuple[float, int]]]


class Recall(NamedTuple):
    """A place where the page prints an anchor misread: text[pos] is a look-alike of `x`, the character `anchor` has
    there."""

    pos: int
    window: str     # the printed text around the place (two characters each side within its block)
    k: int          # the place in `window`
    x: str
    anchor: str
    times: int      # times the page prints the anchor


def misread_anchors(text: str, cand_of: Lookalikes, pairs: list[str] | None = None,
                    pair_counts: dict[str, int] | None = None, chars: list[str] | None = None) -> list[Recall]:
    """The places of `text` (one page's text blocks joined) where an anchor is printed misread, in text order.

    `pairs`: text's adjacent pairs (text[j:j + 2] at j), and `pair_counts` their counts, when the caller has them;
    `chars`: text's characters (`list(text)`), when the caller has them.
    Why the pairs' counts: a string of three characters printed twice has both its pairs printed twice, so only the
    places where both are (about a quarter of a page's) make their string of three and count it; every other
    place's is printed once (the same answers as counting every place's, tests/test_fast54b_spec.py, at a
    quarter of the strings made and hashed). For the same reason only the places whose pair is printed twice (about
    half of a page's) are looked up among the anchors' pairs: every anchor's two pairs are printed as often as it is
    (the same answers as looking up every place's, tests/test_fast56g_spec.py).
    """
    chars = chars if chars is not None else list(text)
    adjacent = pairs if pairs is not None else list(map(operator.add, chars, chars[1:]))
    twice = pair_counts if pair_counts is not None else Counter(adjacent)
    n = max(len(chars) - 2, 0)  # places a string of three starts at (text[s:s + 3])
    # the places j whose pair text[j:j + 2] is printed at least `MIN_COUNT` times, in text order
    rep = [j for j in range(len(adjacent)) if twice.get(adjacent[j], 0) >= MIN_COUNT]
    maybe = [rep[k] for k in range(len(rep) - 1) if rep[k + 1] == rep[k] + 1]  # both pairs of text[s:s + 3] are
    tris = [adjacent[s] + chars[s + 2] for s in maybe]
    # (counted into a plain dict: mypyc reads a dict's item natively, a `Counter`'s through its Python-level slot)
    counts: dict[str, int] = {}
    for t in tris:
        counts[t] = counts.get(t, 0) + 1
    # repeated[s]: text[s:s + 3] is printed at least `MIN_COUNT` times
    repeated = [False] * n  # (a list: mypyc reads a list's item natively, a bytearray's through a generic call)
    for s, t in zip(maybe, tris):
        if counts[t] >= MIN_COUNT:
            repeated[s] = True
    # the anchors by the two characters a misreading leaves: the pair that ends them (read at k = 0) or opens them
    # (k = 2), and their two ends (k = 1, by the first character, then the last)
    ends: dict[str, tuple[list[str], list[str]]] = {}
    gapped: dict[str, dict[str, list[str]]] = {}
    # (each container made when first wanted, not one per `setdefault` call: mypyc's `setdefault(key, [])` raises
    # and clears a KeyError for every new key; and `is_han` asked natively, not through `all(map(...))`, which
    # calls the compiled function through its Python wrapper, some 4,000 instructions a string of three)
    for t in [t for t, c in counts.items() if c >= MIN_COUNT]:
        if is_han(t[0]) and is_han(t[1]) and is_han(t[2]):
            _sides(ends, t[1:])[0].append(t)
            _sides(ends, t[:2])[1].append(t)
            by_last = gapped.get(t[0])
            if by_last is None:
                by_last = gapped[t[0]] = {}
            held = by_last.get(t[2])
            if held is None:
                by_last[t[2]] = [t]
            else:
                held.append(t)
    if not ends:
        return []
    found: dict[int, list[tuple[str, str]]] = {}  # place -> [(look-alike, anchor)]
    # a window printed more than once is an anchor, or holds no place misread (such a place is refused below);
    # an anchor's pair is printed at least `MIN_COUNT` times, so only the places in `rep` can hold one
    for j in rep:
        hit = ends.get(adjacent[j])
        if hit is None:
            continue
        last, first = hit
        if last and j >= 1 and not repeated[j - 1]:  # the window text[j - 1:j + 2], its place j - 1
            c = chars[j - 1]
            for anchor in last:
                if anchor[0] in cand_of(c):
                    _add(found, j - 1, anchor[0], anchor)
        if first and j < n and not repeated[j]:  # the window text[j:j + 3], its place j + 2
            c = chars[j + 2]
            for anchor in first:
                if anchor[2] in cand_of(c):
                    _add(found, j + 2, anchor[2], anchor)
    leads = _code_mask(gapped)
    for s in range(n):
        o = ord(text[s])  # (compiled: the code point read in place, no string made)
        if o < _PLANE and not leads[o]:
            continue  # no anchor opens with the character (asked of the mask: no string hashed)
        opened = gapped.get(chars[s])
        if opened is None:
            continue
        around = opened.get(chars[s + 2])
        if around and not repeated[s]:  # the window text[s:s + 3], its place s + 1
            c = chars[s + 1]
            for anchor in around:
                if anchor[1] in cand_of(c):
                    _add(found, s + 1, anchor[1], anchor)
    out: list[Recall] = []
    for i, places in sorted(found.items()):
        if len({x for x, _ in places}) != 1 or not is_han(text[i]):
            continue  # anchors disagree on the place
        if any(repeated[s] for s in range(max(0, i - 2), min(i, n - 1) + 1)):
            continue  # the printing over the place is itself printed more than once
        x, anchor = max(places, key=lambda h: (counts[h[1]], h[1]))  # the anchor printed most (ties: one way)
        s = max(i - 2, text.rfind("\n", 0, i) + 1)  # the window stays inside the place's block
        e = text.find("\n", i, i + 3)
        out.append(Recall(i, text[s:i + 3 if e < 0 else e], i - s, x, anchor, counts[anchor]))
    return out


_PLANE: Final = 0x10000  # the code points `_code_mask` holds (past them, the dict is asked)


def _code_mask(chars: dict[str, dict[str, list[str]]]) -> bytes:
    """Byte o is 1 where the character U+o (o < `_PLANE`) is a key of `chars`.

    Why: the gapped scan of `misread_anchors` asks at every place of the page whether an anchor opens with its
    character; a dict lookup there hashed a string per place (each character a string of its own, its hash not yet
    computed), where the code point read in place (`ord(text[s])`) indexes this mask, and only the places it passes
    (or past the plane) ask the dict.
    """
    mask = bytearray(_PLANE)
    for c in chars:
        o = ord(c)
        if o < _PLANE:
            mask[o] = 1
    return bytes(mask)


def _sides(ends: dict[str, tuple[list[str], list[str]]], pair: str) -> tuple[list[str], list[str]]:
    """ends[pair], made empty for a new pair."""
    got = ends.get(pair)
    if got is None:
        got = ends[pair] = ([], [])
    return got


def _add(found: dict[int, list[tuple[str, str]]], i: int, x: str, anchor: str) -> None:
    """found[i] += [(x, anchor)], its list made for a new place (mypyc's `setdefault(i, [])` raises and clears a
    KeyError for every new key)."""
    got = found.get(i)
    if got is None:
        found[i] = [(x, anchor)]
    else:
        got.append((x, anchor))


def _word_over(run: str, i: int, logp: dict[str, float]) -> bool:
    """Whether a dictionary or running-text word of 2-4 characters of `run` holds run[i]."""
    table = zipf_table()
    return longest_word(run, i, lambda w: w in logp or table.get(w) is not None) > 0


def _han_run(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the run of Han characters holding text[i]."""
    a, b = i, i + 1
    while a > 0 and is_han(text[a - 1]):
        a -= 1
    while b < len(text) and is_han(text[b]):
        b += 1
    return a, b


def _remembered(text: str, lm: WordLM, cand_of: Lookalikes, recalls: list[Recall]) -> list[Change]:
    """The page memory's fixes in `text` (a block, its recalls' windows looked up in it as it now reads)."""
    out: list[Change] = []
    for r in recalls:
        at = text.find(r.window)
        if at < 0:
            continue  # another fix changed the place
        i = at + r.k
        c = text[i]
        a, b = _han_run(text, i)
        run, j = text[a:b], i - a
        if _word_over(run, j, lm.logp):
            continue  # the printed character is part of a word there
        if REPEAT_GUARD and (c in run[max(0, j - REPEAT_SPAN):j] or c in run[j + 1:j + 1 + REPEAT_SPAN]):
            continue  # the same character close by (谁超标谁自理): a parallel phrase, as the decoder takes it
        lo, hi = max(0, j - SPAN), min(len(run), j + SPAN + 1)
        printed, fixed = run[lo:hi], run[lo:j] + r.x + run[j + 1:hi]
        gain = lm.score(fixed, WORD_PENALTY, SINGLE_PENALTY) - lm.score(printed, WORD_PENALTY, SINGLE_PENALTY)
        sim, obs = cand_of(c)[r.x]
        channel = channel_score(sim, obs, bool(lm.observed))
        if gain + channel < BAR:
            continue
        out.append(Change(i, i + 1, r.x, "memory", c, round(min(0.95, 0.5 + 0.1 * r.times), 2),
                          f"page memory: '{r.anchor}' printed {r.times} times on the page, once with '{c}' for "
                          f"'{r.x}' (shape {sim:.2f}); LM gain {gain:.1f} + channel {channel:+.1f} >= {BAR:.1f}"))
    return out
