"""A context-aware second pass after the glyph corrector: what would the word-trigram context model
(`layoutfix.contextlm`) buy the glyph stage's RECALL? A dev prototype and its measurement (no stage uses it).

    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs faspell [--model libime] [--show N]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs clean [--sentences 6000] [--per-article]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs real
    (options of all: --window 6 --min-channel -12 --bars 2 4 6 ... --weights 1 1.5 --name-margins 0 2
     --show N --show-bar B)

Why: the stage's model is a unigram word model; it cannot read that 入驻 fits 企业__园区 and 人|驻 does not, so
many right look-alike fixes never clear its bar (issue 4). Session 44 (ctx44) found the context model useless as
a veto of the stage's fixes but better at ranking right against wrong substitutions (AUC ~0.70 against ~0.60).

The pass (`context_fix`), after `fix_lines`: at every Han character of a line (not one the stage changed), each
look-alike of the stage's own candidates (`glyphs._candidates`: the visual table's top 40, the wider rows and the
shipped Tesseract channel) whose channel log-odds (`glyphs.channel_score`, the stage's) is at least `min_channel`
and that completes a word of the context model's vocabulary of 2-4 characters over the place
(`completes_vocab_word`) is scored by the context model over the Han run around it (`window` characters each
side): context gain = score(with the look-alike) - score(as printed), nats. A proposal's score is
gain + weight * channel - its guard margins (`glyphs.QUOTE_MARGIN` inside quotes, `names.NAME_MARGIN` /
`SURNAME_MARGIN` at a lone surname or the given name after it, as the stage reads them with its unigram model);
a character printed again within `glyphs.REPEAT_SPAN` (说来说去), or in a pair printed twice in the line, is
left as the stage leaves it. The best proposal of each place, best first, is made when its score clears `bar`
and no fix made is within `window` places (one fix a window); the pass runs again on the fixed line (two
rounds at most: two misreadings side by side).

`faspell`: FASpell's TRAIN file only (the test file is never read): the bar is chosen on lines n % 4 != 0 and
checked on n % 4 == 0; lenient sentence correction F1, char correction P/R (`metrics.spelling_tallies`, as
`glyph_runs.run_faspell` computes them), stage alone and stage + pass, per (weight, bar). `clean`: clean
sentences of the tuning days 1998-01-01..16 (`glyph_runs.clean_sentences`), a seeded sample: the share of
sentences the pass changes and the characters it changes per 10,000 (every change is false there). Both report
the pass's speed (characters a second, the context model's per-string cache warm within a run). `real`: the
real-OCR tuning paragraphs (Tesseract's readings of corpus/real_ocr_tune), edit distance to the printed text
before and after the pass (the pass's changes in the pass's columns: the stage's baseline row is the stage's).

Measured (session 44, libime zh_CN.lm, window 6, min channel -12; the issue's clean budget: at most 0.5% of
sentences changed and 1 false fix per 10k characters; 12,000 clean sentences, 552,925 characters, seed 44):
  weight 1, name margin 2 (`name_like`), bar 8 (best lenient F1 on the choosing quarters within the budget):
    FASpell train, choosing part (n%4!=0): lenient F1 11.5 (stage) -> 21.3, char P/R 0.917/0.058 -> 0.926/0.116
    (pass: 200 right, 6 wrong at an error, 8 false); checking part (n%4==0): 15.1 -> 25.0, 0.977/0.075 ->
    0.933/0.137 (70 / 6 / 3); clean: 0.26% of sentences, 0.56 false fixes per 10k; real_ocr_tune paragraphs
    (edit distance after the stage -> after the pass): heavy 8683 -> 8526 (about 176 right, 19 wrong), light
    1730 -> 1706 (28 / 4).
  weight 1, no name margin, bar 9: choosing 20.3, checking 23.5 (char P 0.960); clean 0.32%, 0.69 per 10k.
  Within the stage's own budget (0.1% of clean sentences): weight 1, bar 11: choosing 17.9, checking 20.1.
  `clean --per-article` (pairs counted over each sentence's article, as the page stage counts them over a page;
  the same sentences): false fixes fall (weight 1, bar 8: 0.86% -> 0.37% of sentences, 1.86 -> 0.80 per 10k;
  name margin 2, bar 8: 0.26% -> 0.18%, 0.56 -> 0.40 per 10k), so on pages bar 8 without a name margin fits the
  budget (FASpell choosing 22.3, checking 25.6); and the pass runs faster (6,700 chars/s: fewer places open).
  Name margin 6, bar 7 ties (choosing 21.4, checking 26.4) at the budget's very edge (0.46%, 0.99 per 10k).
  Channel weights 1.5 and 2 and name margin 4 were worse at equal clean cost; window 4 gives the same
  FASpell figures and the same speed. Speed: about 3,600-4,800 characters a second (~3 windows scored per
  character, each a Python beam search over KenLM): some 50x slower than the stage (issue 4: 200k chars/s).
  Most false fixes on clean text are personal names the context model lacks (a given name read as a word).
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from itertools import product
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, Iterable, Sequence

from layoutfix.contextlm import ContextLM, load_context_lm
from layoutfix.confusion import load_confusion
from layoutfix.lm import WordLM, load_lm, surnames
from layoutfix.stages.glyphs import (NAME_MARGIN, QUOTE_MARGIN, REPEAT_SPAN, SURNAME_MARGIN, Change, _candidates,
                                     _left_alone, _quoted_at, _sigmoid_conf, channel_score)
from layoutfix.textutil import HAN_CLASS

from . import metrics

import re

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
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
        self.cand_of = cand_of or _candidates(load_confusion(), self.lm)
        self.window = window
        self.min_channel = min_channel
        self.names = surnames()
        self._memo: dict[tuple[str, frozenset[int], str], list[Proposal]] = {}
        self.scored = 0

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
        ctx, vocab, prefixes = self.ctx, self.ctx.vocab, self.ctx.prefixes
        pairs = known if known is not None else Counter(text[k:k + 2] for k in range(len(text) - 1))
        out: list[Proposal] = []
        for m in _HAN_RUN.finditer(text):
            a, b = m.span()
            run = m.group(0)
            for k, c in enumerate(run):
                if a + k in frozen or _guarded(run, k, pairs):
                    continue
                viable = [(x, sim, ch) for x, (sim, obs) in self.cand_of(c).items()
                          if (ch := channel_score(sim, obs, False)) >= self.min_channel and x != c
                          and completes_vocab_word(run, k, x, vocab, prefixes)]
                if not viable:
                    continue
                lo, hi = _window(text, a, b, a + k, self.window)
                base = ctx.score(text[lo:hi])
                j = a + k - lo
                best: Proposal | None = None
                for x, sim, ch in viable:
                    w = text[lo:hi]
                    gain = ctx.score(w[:j] + x + w[j + 1:]) - base
                    self.scored += 1
                    if best is None or gain + ch > best.gain + best.channel:
                        best = Proposal(a + k, c, x, gain, ch, sim, 0.0)
                if best is not None:
                    extra = _guard_margin(text, run, k, a + k, self.lm, self.names)
                    out.append(Proposal(best.pos, c, best.cand, best.gain, best.channel, best.sim, extra,
                                        name_like(run, k, self.names)))
        return out

    def choose(self, props: Sequence[Proposal], bar: float, weight: float = 1.0) -> list[Proposal]:
        """The proposals made: best first, each clearing `bar`, none within `window` places of one made."""
        made: list[Proposal] = []
        nm = self.name_margin
        for p in sorted(props, key=lambda p: -p.score(weight, nm)):
            if p.score(weight, nm) < bar:
                break
            if all(abs(p.pos - q.pos) > self.window for q in made):
                made.append(p)
        return sorted(made, key=lambda p: p.pos)

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
                                      f"{f' - guard {p.extra:.1f}' if p.extra else ''}"
                                      f"{f' - name {self.name_margin:.1f}' if p.name_like and self.name_margin else ''}"
                                      f" >= {bar:.1f}"))
            text = "".join(chars)
            frozen = frozen | {p.pos for p in made}
        return text, changes


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


# -- measurement ---------------------------------------------------------------------------------------------

def faspell_train() -> list[tuple[str, str]]:
    """FASpell's TRAIN file as (OCR read, corrected) pairs; the test file is never read here."""
    path = SHARED / "faspell" / "ocr_train_3575.txt"
    return [(p[1], p[2]) for p in (ln.rstrip("\n").split("\t") for ln in path.open(encoding="utf-8"))
            if len(p) == 3]


def summary(t: Counter) -> dict[str, float]:
    """Lenient sentence correction F1 (x100) and char correction P/R of `metrics.spelling_tallies`."""
    s = metrics.spelling_summary(t)
    p, r, f = s["sentence correction (lenient)"]
    cp, cr, _ = s["char correction"]
    return {"lenient_F1": 100 * (f or 0.0), "sent_P": p or 0.0, "sent_R": r or 0.0, "char_P": cp or 0.0,
            "char_R": cr or 0.0, "corrected": t["sent_cor_tp"], "fp_lenient": t["sent_fp_lenient"]}


def kinds(src: str, gold: str, staged: str, out: str) -> Counter:
    """The pass's changes (staged -> out) on one FASpell line: right (the gold character), wrong at an error
    place (another character), false (a place that was right)."""
    k: Counter = Counter()
    if len(src) != len(gold) or len(out) != len(staged):
        return k
    for i, (s, o) in enumerate(zip(staged, out)):
        if s == o:
            continue
        k["right" if o == gold[i] else "wrong_at_error" if src[i] != gold[i] else "false"] += 1
    return k


def faspell_cmd(cpass: ContextPass, fix_lines: Callable[[list[str]], list[str]], bars: Sequence[float],
                weights: Sequence[float], show: int, show_at: tuple[float, float],
                name_margins: Sequence[float] = (0.0,)) -> None:
    pairs = faspell_train()
    staged = fix_lines([s for s, _ in pairs])
    frozen = [stage_changed(s, o) for (s, _), o in zip(pairs, staged)]
    parts = {"choose (n%4!=0)": [n for n in range(len(pairs)) if n % 4], "check (n%4==0)":
             [n for n in range(len(pairs)) if n % 4 == 0]}
    chars = sum(len(s) for s, _ in pairs)
    t0 = time.perf_counter()
    for n, o in enumerate(staged):
        cpass.proposals(o, frozen[n])
    sec = time.perf_counter() - t0
    print(f"proposals: {chars} characters in {sec:.1f} s ({chars / sec:,.0f} chars/s, {cpass.scored} windows "
          f"scored, cache {cpass.ctx.cache_info()})")
    for name, idx in parts.items():
        base = summary(metrics.spelling_tallies((pairs[n][0], pairs[n][1], staged[n]) for n in idx))
        print(f"\n{name}: {len(idx)} lines; stage alone: lenient F1 {base['lenient_F1']:.1f} (corrected "
              f"{base['corrected']}, lenient FP {base['fp_lenient']}), char P/R {base['char_P']:.3f}/"
              f"{base['char_R']:.3f}")
        print("weight | name margin | bar | lenient F1 | corrected | lenient FP | char P | char R | pass right / wrong at error / false")
        for wt, nm in product(weights, name_margins):
            cpass.name_margin = nm
            for bar in bars:
                outs = {n: cpass.fix(staged[n], bar, wt, frozen[n])[0] for n in idx}
                s = summary(metrics.spelling_tallies((pairs[n][0], pairs[n][1], outs[n]) for n in idx))
                k: Counter = Counter()
                for n in idx:
                    k += kinds(pairs[n][0], pairs[n][1], staged[n], outs[n])
                print(f"{wt:g} | {nm:g} | {bar:g} | {s['lenient_F1']:.1f} | {s['corrected']} | {s['fp_lenient']} | "
                      f"{s['char_P']:.3f} | {s['char_R']:.3f} | {k['right']} / {k['wrong_at_error']} / {k['false']}")
    if show:
        bar, wt = show_at
        cpass.name_margin = name_margins[0]
        print(f"\nthe pass's changes on the choosing part at weight {wt:g}, bar {bar:g} (first {show}):")
        shown = 0
        for n in parts["choose (n%4!=0)"]:
            out, ch = cpass.fix(staged[n], bar, wt, frozen[n])
            for c in ch:
                if shown < show:
                    src, gold = pairs[n]
                    verdict = "right" if gold[c.start:c.end] == c.after else (
                        "WRONG" if src[c.start] != gold[c.start] else "FALSE")
                    print(f"{verdict}\t{c.before}->{c.after}\t{staged[n]}\t{gold}\t{c.reason}")
                    shown += 1


def clean_cmd(cpass: ContextPass, fix_lines: Callable[[list[str]], list[str]], bars: Sequence[float],
              weights: Sequence[float], sentences: int, seed: int, show: int,
              show_at: tuple[float, float], name_margins: Sequence[float] = (0.0,), per_article: bool = False) -> None:
    from layoutfix.synth.source import load_records

    from .glyph_runs import clean_sentences
    recs = load_records(SHARED / "news_zh" / "pfr1998_01" / "articles.jsonl")
    sents = clean_sentences(recs, "19980101", "19980116")
    total = len(sents)
    sents = random.Random(seed).sample(sents, min(sentences, total))
    staged = fix_lines(sents)
    frozen = [stage_changed(s, o) for s, o in zip(sents, staged)]
    docs = article_pairs(recs, sents) if per_article else {}
    if per_article:
        print(f"pairs counted over the article each sentence came from ({len({d for _, d in docs.values()})} articles)")

    def fix(k: int, bar: float, wt: float) -> tuple[str, list[Change]]:
        known, doc = docs.get(sents[k], (None, ""))
        return cpass.fix(staged[k], bar, wt, frozen[k], known=known, doc=doc)
    chars = sum(len(s) for s in sents)
    stage_changed_n = sum(s != o for s, o in zip(sents, staged))
    print(f"clean sentences of 1998-01-01..16: {len(sents)} of {total} (seed {seed}), {chars} characters; the "
          f"stage changes {stage_changed_n} ({100 * stage_changed_n / len(sents):.2f}%)")
    t0 = time.perf_counter()
    for k in range(len(sents)):
        fix(k, 1e9, 1.0)  # the proposals, memoised (no fix clears this bar)
    sec = time.perf_counter() - t0
    print(f"proposals: {chars / sec:,.0f} chars/s ({sec:.1f} s, {cpass.scored} windows scored)")
    print("weight | name margin | bar | sentences the pass changes | % | false fixes | per 10k chars")
    for wt, nm in product(weights, name_margins):
        cpass.name_margin = nm
        for bar in bars:
            outs = [fix(k, bar, wt)[0] for k in range(len(sents))]
            nsent = sum(a != b for a, b in zip(staged, outs))
            nchar = sum(sum(x != y for x, y in zip(a, b)) for a, b in zip(staged, outs))
            print(f"{wt:g} | {nm:g} | {bar:g} | {nsent} | {100 * nsent / len(sents):.2f} | {nchar} | {1e4 * nchar / chars:.2f}")
    if show:
        bar, wt = show_at
        cpass.name_margin = name_margins[0]
        print(f"\nfalse fixes at weight {wt:g}, bar {bar:g} (first {show}):")
        shown = 0
        for k, s in enumerate(staged):
            for c in fix(k, bar, wt)[1]:
                if shown < show:
                    print(f"{c.before}->{c.after}\t{s[max(0, c.start - 10):c.end + 10]}\t{c.reason}")
                    shown += 1


def article_pairs(records: Sequence[dict], sents: Sequence[str]) -> dict[str, tuple[Counter, str]]:
    """{sentence: (pair counts over the first article of the tuning days that holds it, that article's key)}:
    the document the page stage would count pairs over (`glyphs` counts them over the page)."""
    import regex  # type: ignore[import-untyped,unused-ignore]

    from layoutfix.synth.source import to_gold
    want = set(sents)
    out: dict[str, tuple[Counter, str]] = {}
    for n, rec in enumerate(records):
        if not "19980101" <= rec["date"] <= "19980116":
            continue
        paras = [to_gold(p) for p in rec.get("paragraphs") or []]
        found = [x.strip() for p in paras for x in regex.findall(r"[^。！？]+[。！？][”’」』]?", p)]
        hits = [x for x in found if x in want and x not in out]
        if not hits:
            continue
        text = "\n".join(paras)
        pairs = Counter(text[k:k + 2] for k in range(len(text) - 1))
        for x in hits:
            out[x] = (pairs, f"article {n}")
    return out


def real_cmd(cpass: ContextPass, fix_lines: Callable[[list[str]], list[str]], bars: Sequence[float],
             weights: Sequence[float], name_margins: Sequence[float] = (0.0,)) -> None:
    """The real-OCR tuning paragraphs (Tesseract's readings, corpus/real_ocr_tune): edit distances to the printed
    text, stage alone and stage + pass (`metrics.distance_tallies`; right = (before - after + changed) / 2)."""
    import json

    by_level: dict[str, list[tuple[str, str]]] = {}
    for line in (ROOT / "corpus" / "real_ocr_tune" / "ocr_cache.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        by_level.setdefault(str(row.get("level")), []).append(("".join(row["ocr"]), row["text"]))
    print("level | weight | name margin | bar | distance before -> after | changed | right (est.) | wrong (est.)")
    for level, pairs in sorted(by_level.items()):
        staged = fix_lines([r for r, _ in pairs])
        frozen = [stage_changed(r, o) for (r, _), o in zip(pairs, staged)]
        t = metrics.distance_tallies((r, g, o) for (r, g), o in zip(pairs, staged))
        right = (t["before"] - t["after"] + t["changed"]) / 2
        print(f"{level} | stage | - | - | {t['before']} -> {t['after']} | {t['changed']} | {right:.0f} | "
              f"{t['changed'] - right:.0f}")
        t0 = time.perf_counter()
        for o, f in zip(staged, frozen):
            cpass.proposals(o, f)
        chars = sum(len(o) for o in staged)
        print(f"({level}: proposals {chars / (time.perf_counter() - t0):,.0f} chars/s)")
        for wt, nm in product(weights, name_margins):
            cpass.name_margin = nm
            for bar in bars:
                outs = [cpass.fix(o, bar, wt, f)[0] for o, f in zip(staged, frozen)]
                u = metrics.distance_tallies((o, g, x) for (_, g), o, x in zip(pairs, staged, outs))
                r = (u["before"] - u["after"] + u["changed"]) / 2
                print(f"{level} | {wt:g} | {nm:g} | {bar:g} | {u['before']} -> {u['after']} | {u['changed']} | {r:.0f} | "
                      f"{u['changed'] - r:.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.context_glyphs", description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("faspell", "clean", "real"))
    ap.add_argument("--model", default="libime")
    ap.add_argument("--window", type=int, default=WINDOW)
    ap.add_argument("--min-channel", type=float, default=MIN_CHANNEL)
    ap.add_argument("--bars", type=float, nargs="+", default=[2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0])
    ap.add_argument("--weights", type=float, nargs="+", default=[1.0])
    ap.add_argument("--name-margins", type=float, nargs="+", default=[0.0],
                    help="more a fix at a name-like place must clear (`name_like`); --show lists at the first")
    ap.add_argument("--per-article", action="store_true",
                    help="clean: count pairs over each sentence's article, as the page stage counts them over a page")
    ap.add_argument("--sentences", type=int, default=6000, help="clean sentences sampled (clean)")
    ap.add_argument("--seed", type=int, default=44)
    ap.add_argument("--show", type=int, default=0, help="list this many of the pass's changes (at --show-bar)")
    ap.add_argument("--show-bar", type=float, default=None, help="the bar --show lists at (default: the middle one)")
    a = ap.parse_args(argv)
    from .glyph_runs import load_fix_lines
    fix_lines = load_fix_lines()
    assert fix_lines is not None
    cpass = ContextPass(load_context_lm(a.model), window=a.window, min_channel=a.min_channel)
    cpass.name_margin = a.name_margins[0]
    show_at = (a.show_bar if a.show_bar is not None else a.bars[len(a.bars) // 2], a.weights[0])
    if a.cmd == "faspell":
        faspell_cmd(cpass, fix_lines, a.bars, a.weights, a.show, show_at, a.name_margins)
    elif a.cmd == "real":
        real_cmd(cpass, fix_lines, a.bars, a.weights, a.name_margins)
    else:
        clean_cmd(cpass, fix_lines, a.bars, a.weights, a.sentences, a.seed, a.show, show_at, a.name_margins,
                  a.per_article)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
