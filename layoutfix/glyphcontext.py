"""The glyph stage's opt-in context pass (`Config.context_lm`): after the stage's own fixes, look-alikes the
word-trigram context model (`layoutfix.contextlm`) reads better in the text around them.

Why: the stage's model is a unigram word model; it cannot read that a word fits its neighbours (签订 before 协议)
and a look-alike read as two lone common characters does not, so many right look-alike fixes never clear its bar.
Prototyped and measured as `benchmarks/context_glyphs.py` (ctxglyph44; FASpell TRAIN, checking quarter: lenient
F1 15.1 -> 25.0 at weight 1, name margin 2, bar 8, within the clean-text budget), which now calls this module.

The pass (`ContextPass.fix`): at every Han character of a text (not one the stage changed), each look-alike of
the stage's own candidates (`glyphs._candidates`) whose channel log-odds (`glyphs.channel_score`) is at least
`MIN_CHANNEL`, that completes a word of the context model's vocabulary of 2-4 characters over the place
(`completes_vocab_word`, found through `fill_index` / `fillers`) and, where the place sits in a word of the
stage's dictionary, makes a longer one (`outgrows_printed_word`, `PRINTED_WORD_GUARD`) is scored by the context
model over the Han run around it (`WINDOW` characters each side; a place's look-alikes together,
`ContextLM.scores_at`): context gain = score(with the look-alike) - score(as printed), nats. A proposal's score is
gain + WEIGHT * channel - its guard margins (`glyphs.QUOTE_MARGIN` inside quotes, `names.NAME_MARGIN` /
`SURNAME_MARGIN` at a lone surname or the given name after it, as the stage reads them, `NAME_LIKE_MARGIN`
at a `name_like` place, and `RARE_PRINTED`'s margin at a rare printed character); a character printed again within
`glyphs.REPEAT_SPAN`, or in a pair printed twice in the document, is left as the stage leaves it, and so is a
place whose best look-alike one of the stage's later guards refuses (`kept_by_stage`: a garbled repeat, a
transliteration, a word of modern running text). The best proposal of each place, best first, is made when its
score clears `BAR` and no fix made is within `WINDOW` places; two rounds at most. Only Han characters are
touched (digits, Latin, marks never). Interpreted (not compiled): it reads kenlm through `ContextLM`; the stage
imports it only when a context model is configured.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Sequence, TypeVar

from .contextlm import ContextLM
from .confusion import load_confusion
from .lm import WordLM, load_lm, surnames
from .stages.glyphs import (COPY_GUARD, NAME_MARGIN, QUOTE_MARGIN, REPEAT_SPAN, SURNAME_MARGIN, Change,
                            _candidates, _left_alone, _makes_copy, _quoted_at, _sigmoid_conf,
                            channel_score)
from .stages.glyphs.substitutions import MODERN_GUARD, TRANSLIT_GUARD, _transliterated
from .textutil import HAN_CLASS, is_han
from .wordfreqs import ZipfTable, printed_word_kept, zipf_table

_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")

WINDOW = 6            # Han characters of context each side scored by the context model (and the fixes' spacing)
MIN_CHANNEL = -12.0   # look-alikes whose channel log-odds is under this are not tried (shape under about 0.5)
MAX_WORD = 4          # a look-alike must complete a vocabulary word of 2..MAX_WORD characters over the place
ROUNDS = 2            # passes over a line (a second fix beside the first needs the first made)


@dataclass(frozen=True)
class Proposal:
    """A look-alike at one place of a line, with what decides it: the context gain (nats), the stage's
    channel log-odds, the shape similarity and the guard margin it must clear on top of the bar."""

    pos: int
    printed: str
    cand: str
    gain: float
    channel: float
    sim: float
    extra: float
    name_like: bool = False
    rare: float = 0.0  # the part of `extra` that is `rare_printed_margin` (for the edit's reason)

    def score(self, weight: float, name_margin: float = 0.0) -> float:
        """gain + weight * channel - extra (- name_margin at a name-like place): what must clear the bar."""
        return self.gain + weight * self.channel - self.extra - (name_margin if self.name_like else 0.0)


def completes_vocab_word(run: str, i: int, x: str, vocab: Collection[str], prefixes: Collection[str],
                         max_word: int = MAX_WORD) -> bool:
    """Whether run[i] -> x makes a word of `vocab` of 2..max_word characters that holds position i.

    Why: the stage tries only look-alikes that complete a dictionary word (`_words_at`); the same filter over
    the context model's vocabulary keeps the scored windows few (a character has ~80 look-alikes)."""
    alt = run[:i] + x + run[i + 1:]
    n = len(alt)
    for s in range(max(0, i - max_word + 1), i + 1):
        for e in range(max(i + 1, s + 2), min(n, s + max_word) + 1):
            w = alt[s:e]
            if w in vocab:
                return True
            if w not in prefixes:
                break
    return False


MASK = "\x00"  # the place a `fill_index` key leaves open (no character of text or vocabulary)


def fill_index(vocab: Iterable[str], max_word: int = MAX_WORD) -> dict[str, str]:
    """{a word of 2..max_word characters of `vocab` with one place masked (`MASK`): the characters that fill
    the place to make a word of `vocab`}, built once per pass.

    Why: `completes_vocab_word` asked of each of a character's ~80 look-alikes was most of the pass's time
    (2.7 M calls, 60% of it, on FASpell train); with the index a place asks its few masked spans once
    (`fillers`), and the same look-alikes pass (glyphctx45)."""
    out: dict[str, str] = {}
    for w in vocab:
        if 2 <= len(w) <= max_word:
            for p in range(len(w)):
                key = w[:p] + MASK + w[p + 1:]
                out[key] = out.get(key, "") + w[p]
    return out


def fillers(run: str, i: int, index: dict[str, str], max_word: int = MAX_WORD) -> set[str]:
    """The characters x for which run[i] -> x makes a word of the vocabulary `index` was built from, of 2..max_word
    characters over i: exactly the x `completes_vocab_word` accepts (x != run[i]; run[i] itself too, when the run
    as printed holds such a word)."""
    found: set[str] = set()
    for got in filling(run, i, index, max_word):
        found.update(got)
    return found


def filling(run: str, i: int, index: dict[str, str], max_word: int = MAX_WORD) -> list[str]:
    """`index`'s entries over run[i]: for each span of 2..max_word characters over i that a vocabulary word fills
    with i masked, the characters that fill it (`fillers` is their union; the pass reads them one by one against a
    place's look-alikes, `ContextPass._viable`)."""
    n = len(run)
    out: list[str] = []
    for s in range(max(0, i - max_word + 1), i + 1):
        head = run[s:i] + MASK
        for e in range(max(i + 1, s + 2), min(n, s + max_word) + 1):
            got = index.get(head + run[i + 1:e])
            if got is not None:
                out.append(got)
    return out


def _window(text: str, a: int, b: int, i: int, window: int) -> tuple[int, int]:
    """The span of the Han run text[a:b] within `window` characters of position i."""
    return max(a, i - window), min(b, i + window + 1)


def _guarded(run: str, k: int, pairs: Counter) -> bool:
    """Whether run[k] is taken as written, as the stage takes it: repeated close by, or in a pair printed twice."""
    c = run[k]
    if c in run[max(0, k - REPEAT_SPAN):k] or c in run[k + 1:k + 1 + REPEAT_SPAN]:
        return True
    return (k > 0 and pairs[run[k - 1:k + 1]] > 1) or (k + 1 < len(run) and pairs[run[k:k + 2]] > 1)


def _guard_margin(text: str, run: str, k: int, at: int, lm: WordLM, names: frozenset[str]) -> float:
    """The stage's extra margins at run[k] (text position `at`): quotes, a lone surname, a given name after one."""
    extra = QUOTE_MARGIN if _quoted_at(text, at) else 0.0
    alone = _left_alone(lm, run, k, names)
    if alone == 3:
        extra += SURNAME_MARGIN if SURNAME_MARGIN is not None else 1e9
    elif alone == 2:
        extra += NAME_MARGIN if NAME_MARGIN is not None else 1e9
    return extra


def name_like(run: str, k: int, names: Collection[str]) -> bool:
    """Whether run[k] may be part of a personal name: it, or one of the two characters before it, is a surname
    character (`lm.surnames`, from jieba's name entries), whatever the segmentation says.

    Why: on clean tuning-day sentences most of the pass's false fixes are names the context model does not
    know (a given name read as a common word); the stage's own name test asks its unigram segmentation, which
    reads many names as words."""
    return any(run[j] in names for j in range(max(0, k - 2), k + 1))


# The stage's evidence that the printed text is right, asked before the context model scores anything (glyphctx45).
# Session 44's pass made 67 fixes on synthetic tune, 30 of them where the gold keeps the print: names the context
# model lacks that the stage's dictionary holds (戚德良, 列维坦, 英迪拉, 马玉涛), rare words it holds (棉褥, 政研室,
# 小褂儿), garbled repeats the stage's copy test knows, and rare printed characters (邃, 漾, 秤) that no bar
# separated from the right fixes (scores 8.1-15.9).
PRINTED_WORD_GUARD = True  # a place inside a word of the stage's dictionary is fixed only into a longer word
RARE_PRINTED: tuple[float, float] | None = (-11.0, 4.0)  # (floor, margin) of `rare_printed_margin`; None: no margin


def printed_word_length(run: str, k: int, known: Collection[str]) -> int:
    """The longest word of 2-4 characters of the stage's dictionary (`known`: `WordLM.logp`) over run[k] as
    printed; 0 when none (`wordfreqs.longest_word`)."""
    return _longest_over(run, k, known, 1)


def _longest_over(run: str, k: int, known: Collection[str], shorter: int) -> int:
    """The longest string of more than `shorter` (and at least 2) up to 4 characters over run[k] in `known`; 0 when
    none (`wordfreqs.longest_word` over the lengths that can count, without its callback: asked at most places)."""
    n = len(run)
    for size in range(4, max(shorter, 1), -1):
        for s in range(max(0, k - size + 1), min(k, n - size) + 1):
            if run[s:s + size] in known:
                return size
    return 0


def outgrows_printed_word(run: str, k: int, x: str, printed: int, known: Collection[str]) -> bool:
    """Whether x at run[k] makes a word of the stage's dictionary longer than the `printed` one over the place
    (`printed_word_length`; a place in no printed word of two or more characters: always).

    Why: the stage's word model holds the names, places and rare words of its dictionary (a reporter's name, a
    transliteration, 棉褥), which the context model lacks and reads as a misprint of a commoner word; a printed
    dictionary word is evidence the context gain cannot see. A look-alike that completes a longer word reads more of
    the text around it (实为雄厚 -> 实力雄厚) and is still tried. On synthetic tune this keeps 15 of the pass's 30
    wrong fixes as printed and loses 2 of its 37 right ones."""
    if printed < 2:
        return True
    return _longest_over(run[:k] + x + run[k + 1:], k, known, printed) > printed


def rare_printed_margin(c: str, logp: dict[str, float], unk: float, rare: tuple[float, float] | None) -> float:
    """The more a fix of the printed character c must clear when c is rare in the stage's word model (its
    unigram log-probability under rare[0]): rare[1], else 0.

    Why: a misreading mostly prints a common look-alike, so a rare character in print is evidence it was meant
    (邃远, 漾起, 一杆秤 are words the context model lacks); the right fixes are mostly of common printed characters
    (团家, 导问, 社会王义)."""
    if rare is None:
        return 0.0
    return rare[1] if logp.get(c, unk) < rare[0] else 0.0


def kept_by_stage(text: str, run: str, k: int, at: int, x: str, known: Collection[str],
                  table: ZipfTable | None) -> str:
    """The stage's guard that keeps run[k] (text position `at`) as printed against x, or '' when none does: a
    garbled repeat (`_makes_copy`), a syllable of a transliteration (`_transliterated`), a word of modern running
    text the model lacks (`wordfreqs.printed_word_kept`); asked, as the stage asks them, of the best look-alike."""
    if COPY_GUARD is not None and _makes_copy(text, at, x, *COPY_GUARD):
        return "copy"
    if TRANSLIT_GUARD is not None and _transliterated(run, k, x, *TRANSLIT_GUARD):
        return "transliteration"
    if MODERN_GUARD is not None and table and printed_word_kept(run, k, x, known, *MODERN_GUARD, table=table):
        return "modern word"
    return ""


class ContextPass:
    """The context-aware second pass, with the models it reads and a memo of each line's proposals."""

    def __init__(self, ctx: ContextLM, lm: WordLM | None = None, window: int = WINDOW,
                 min_channel: float = MIN_CHANNEL,
                 cand_of: Callable[[str], dict[str, tuple[float, int]]] | None = None,
                 name_margin: float = 0.0) -> None:
        """`cand_of`: a character's look-alikes as {look-alike: (shape, Tesseract count)}; default the stage's.
        `name_margin`: the more a fix at a `name_like` place must clear."""
        self.name_margin = name_margin
        self.ctx = ctx
        self.lm = lm or load_lm(None)
        self._memo: dict[tuple[str, frozenset[int], str], list[Proposal]] = {}
        self._looks: dict[str, list[tuple[str, float, float]]] = {}
        self._rank: dict[str, dict[str, int]] = {}  # c -> {look-alike: its place in `_lookalikes(c)`}
        # c -> `_lookalikes(c)` as a character class (`_viable`): about 2.7 KB a character, 16 MB once all 6,076
        # characters with look-alikes have been seen (review46a); bounded by the table, kept like `_looks`
        self._classes: dict[str, re.Pattern[str]] = {}
        self._cand_of = cand_of or _candidates(load_confusion(), self.lm)
        self.window = window
        self._min_channel = min_channel
        self.names = surnames()
        self.printed_word_guard = PRINTED_WORD_GUARD
        self.rare_printed = RARE_PRINTED
        self._table: ZipfTable | None = None
        self._table_read = MODERN_GUARD is None  # (no guard: no table to read)
        self._fill: dict[str, str] | None = None
        self.scored = 0

    @property
    def cand_of(self) -> Callable[[str], dict[str, tuple[float, int]]]:
        """A character's look-alikes as {look-alike: (shape, Tesseract count)}."""
        return self._cand_of

    @cand_of.setter
    def cand_of(self, cand_of: Callable[[str], dict[str, tuple[float, int]]]) -> None:
        """Why the setter: the per-character look-alike lists and the proposals were read from the old table;
        they are dropped so none is read stale (review45a)."""
        self._cand_of = cand_of
        self._drop_lookalikes()

    @property
    def min_channel(self) -> float:
        """The least channel log-odds of a look-alike tried."""
        return self._min_channel

    @min_channel.setter
    def min_channel(self, min_channel: float) -> None:
        """Why the setter: the per-character look-alike lists were cut at the old floor; dropped, as for `cand_of`."""
        self._min_channel = min_channel
        self._drop_lookalikes()

    def _drop_lookalikes(self) -> None:
        """Forget the look-alike lists and the proposals made from them."""
        self._looks.clear()
        self._rank.clear()
        self._classes.clear()
        self._memo.clear()

    @property
    def table(self) -> ZipfTable | None:
        """The running-text word table the modern-word guard reads (`wordfreqs.zipf_table`), read at the first place
        that asks it (a pass made and not run reads nothing); None when `MODERN_GUARD` is off."""
        if not self._table_read:
            self._table, self._table_read = zipf_table(), True
        return self._table

    @table.setter
    def table(self, table: ZipfTable | None) -> None:
        self._table, self._table_read = table, True

    def fill_index(self) -> dict[str, str]:
        """The context model's `fill_index` (built at the first line: a pass made and not run costs nothing, neither
        this index nor the word table, `table`, is built or read before `proposals` asks)."""
        if self._fill is None:
            self._fill = fill_index(self.ctx.vocab, MAX_WORD)
        return self._fill

    def _lookalikes(self, c: str) -> list[tuple[str, float, float]]:
        """c's look-alikes (x, shape, channel) whose channel log-odds is at least `min_channel`, in `cand_of`'s order
        (computed once per character and pass)."""
        got = self._looks.get(c)
        if got is None:
            got = [(x, sim, ch) for x, (sim, obs) in self.cand_of(c).items()
                   if x != c and (ch := channel_score(sim, obs, False)) >= self.min_channel]
            self._looks[c] = got
            self._rank[c] = {t[0]: r for r, t in enumerate(got)}
        return got

    def _viable(self, run: str, k: int, index: dict[str, str]) -> list[tuple[str, float, float]]:
        """run[k]'s look-alikes (`_lookalikes`, in their order) that make a word of the context model's vocabulary
        over the place: those among `fillers(run, k, index)`, found in the index's entries (`filling`) by a character
        class of the look-alikes (`_lookalike_class`).

        Why: a place's fillers are about 170 characters (the longest entry over libime's vocabulary 813), each made a
        string object of its own to build their set, then ~80 look-alikes were tested against it in Python: a third
        of the pass's time outside the model. The class scans the entries in C and leaves the few matches to rank
        (ctxspeed46: the same look-alikes, in the same order)."""
        found = filling(run, k, index)
        if not found:
            return []
        c = run[k]
        looks = self._lookalikes(c)
        if not looks:
            return []
        hit = self._lookalike_class(c).findall(found[0] if len(found) == 1 else "".join(found))
        if not hit:
            return []
        rank = self._rank[c]
        return [looks[r] for r in sorted({rank[x] for x in hit})]

    def _lookalike_class(self, c: str) -> re.Pattern[str]:
        """A character class of c's one-character look-alikes (`_lookalikes`), compiled once per character and pass; a
        class that matches nothing when c has none (a look-alike of several characters fills no one place, as the
        filter this replaced skipped it: review46a)."""
        got = self._classes.get(c)
        if got is None:
            singles = "".join(re.escape(t[0]) for t in self._lookalikes(c) if len(t[0]) == 1)
            got = self._classes[c] = re.compile("[" + singles + "]" if singles else "(?!)")
        return got

    def forget(self) -> None:
        """Drop the memo of proposals (the stage's pass: each page's pair counts differ; memory stays flat)."""
        self._memo.clear()

    def proposals(self, text: str, frozen: frozenset[int] = frozenset(), known: Counter | None = None,
                  doc: str = "") -> list[Proposal]:
        """The best look-alike of every place of `text` that has one (memoised by text, frozen places and `doc`).

        `known`: pair counts over the whole document `text` is part of (`doc` names it; default: over `text`
        alone, a line its own document as in `fix_lines`): a pair printed twice in it is taken as written."""
        key = (text, frozen, doc)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._propose(text, frozen, known)
        return got

    def _propose(self, text: str, frozen: frozenset[int], known: Counter | None = None) -> list[Proposal]:
        ctx, index = self.ctx, self.fill_index()
        logp, unk = self.lm.logp, self.lm.unk
        pairs = known if known is not None else Counter(text[k:k + 2] for k in range(len(text) - 1))
        out: list[Proposal] = []
        for m in _HAN_RUN.finditer(text):
            a, b = m.span()
            run = m.group(0)
            for k, c in enumerate(run):
                if a + k in frozen or _guarded(run, k, pairs):
                    continue
                printed = printed_word_length(run, k, logp) if self.printed_word_guard else 0
                if printed >= MAX_WORD:
                    continue  # in a printed word of four characters: no look-alike makes a longer one
                viable = self._viable(run, k, index)
                if printed >= 2:
                    viable = [t for t in viable if outgrows_printed_word(run, k, t[0], printed, logp)]
                if not viable:
                    continue
                lo, hi = _window(text, a, b, a + k, self.window)
                w = text[lo:hi]  # (a piece of one Han run: the model scores it as one run)
                j = a + k - lo
                if all(is_han(t[0]) for t in viable):  # the window as printed too: one search left of the place
                    base, *scores = ctx.scores_at(w, j, [c, *(t[0] for t in viable)])
                else:
                    base = ctx.score(w)
                    scores = [ctx.score(w[:j] + t[0] + w[j + 1:]) for t in viable]
                self.scored += len(viable)
                best: Proposal | None = None
                for (x, sim, ch), alt in zip(viable, scores):
                    gain = alt - base
                    if best is None or gain + ch > best.gain + best.channel:
                        best = Proposal(a + k, c, x, gain, ch, sim, 0.0)
                if best is None or kept_by_stage(text, run, k, a + k, best.cand, logp, self.table):
                    continue
                extra = _guard_margin(text, run, k, a + k, self.lm, self.names)
                rare = rare_printed_margin(c, logp, unk, self.rare_printed)
                out.append(Proposal(best.pos, c, best.cand, best.gain, best.channel, best.sim, extra + rare,
                                    name_like(run, k, self.names), rare))
        return out

    def choose(self, props: Sequence[Proposal], bar: float, weight: float = 1.0) -> list[Proposal]:
        """The proposals made: best first, each clearing `bar`, none within `window` places of one made."""
        nm = self.name_margin
        return spaced_best(props, lambda p: p.score(weight, nm), _POS, bar, self.window)

    def fix(self, text: str, bar: float, weight: float = 1.0, frozen: frozenset[int] = frozenset(),
            rounds: int = ROUNDS, known: Counter | None = None, doc: str = "") -> tuple[str, list[Change]]:
        """`text` with the pass's fixes made, and each as a `Change` (positions in `text`; substitutions only);
        `known`, `doc`: the document's pair counts and its name (`proposals`)."""
        changes: list[Change] = []
        for _ in range(rounds):
            made = self.choose(self.proposals(text, frozen, known, doc), bar, weight)
            if not made:
                break
            chars = list(text)
            for p in made:
                chars[p.pos] = p.cand
                margin = p.score(weight, self.name_margin) - bar
                changes.append(Change(p.pos, p.pos + 1, p.cand, "glyph", p.printed, _sigmoid_conf(margin),
                                      f"context look-alike '{p.printed}'→'{p.cand}' (shape {p.sim:.2f}): context "
                                      f"gain {p.gain:.1f} + {weight:g}·channel {p.channel:+.1f}"
                                      f"{f' - guard {p.extra - p.rare:.1f}' if p.extra - p.rare else ''}"
                                      f"{f' - rare printed {p.rare:.1f}' if p.rare else ''}"
                                      f"{f' - name {self.name_margin:.1f}' if p.name_like and self.name_margin else ''}"
                                      f" >= {bar:.1f}"))
            text = "".join(chars)
            frozen = frozen | {p.pos for p in made}
        return text, changes


_Fix = TypeVar("_Fix")
_POS: Callable[[Proposal], int] = lambda p: p.pos


def spaced_best(items: Iterable[_Fix], score: Callable[[_Fix], float], pos: Callable[[_Fix], int], bar: float,
                window: int) -> list[_Fix]:
    """The fixes made of `items`: best `score` first (ties in the order given), each clearing `bar`, none within
    `window` places (`pos`) of one made; in text order. One rule for the look-alike pass (`ContextPass.choose`) and
    the dropped-character measurement (`benchmarks.drop_glyphs.choose`), which make their fixes alike."""
    made: list[_Fix] = []
    for it in sorted(items, key=lambda it: -score(it)):
        if score(it) < bar:
            break
        if all(abs(pos(it) - pos(q)) > window for q in made):
            made.append(it)
    return sorted(made, key=pos)


def context_fix(line: str, cpass: ContextPass, bar: float, weight: float = 1.0,
                frozen: Iterable[int] = ()) -> tuple[str, list[Change]]:
    """The line with the context pass's look-alike fixes, and the changes (`ContextPass.fix`)."""
    return cpass.fix(line, bar, weight, frozenset(frozen))


def stage_changed(before: str, after: str) -> frozenset[int]:
    """Places the shipped stage changed in a line it kept the length of (the pass leaves them as the stage put
    them); a line whose length changed: none (its places no longer line up, and the stage's own fixes there
    were deletions the pass cannot undo)."""
    if len(before) != len(after):
        return frozenset()
    return frozenset(k for k, (p, q) in enumerate(zip(before, after)) if p != q)


# the stage's settings: those ctxglyph44 measured (FASpell train, bar chosen on n%4 != 0, checked on n%4 == 0)
BAR = 8.0               # what gain + WEIGHT*channel - margins must reach
WEIGHT = 1.0            # the channel's weight against the context gain
NAME_LIKE_MARGIN = 2.0  # more a fix at a `name_like` place must clear (most false fixes on clean text are names)


def stage_pass(ctx: ContextLM, lm: WordLM) -> ContextPass:
    """The stage's pass over `ctx` and the stage's word model, built once per (context model, word model) and
    memo-free between calls (`glyphs` clears it per page: a page's pair counts decide its guards)."""
    got = _PASSES.get((id(ctx), id(lm)))
    if got is None or got[0] is not ctx or got[1] is not lm:
        got = _PASSES[(id(ctx), id(lm))] = (ctx, lm, ContextPass(ctx, lm, name_margin=NAME_LIKE_MARGIN))
    return got[2]


_PASSES: dict[tuple[int, int], tuple[ContextLM, WordLM, ContextPass]] = {}


def context_rounds(text: str, stage_out: str, cpass: ContextPass, known: Counter | None = None) -> list[list[Change]]:
    """The pass's fixes on the stage's output `stage_out` of `text`, as rounds of `Change`s (positions in
    `stage_out`; substitutions keep the length), to follow the stage's own rounds: the places the stage changed
    are left as it put them (`stage_changed`). `known`: the document's pair counts (default: `stage_out`'s)."""
    frozen = stage_changed(text, stage_out)
    _, changes = cpass.fix(stage_out, BAR, WEIGHT, frozen, known=known)
    cpass.forget()
    return [[c] for c in changes]  # `fix` makes its rounds in order, each a set of places apart: one round per fix
