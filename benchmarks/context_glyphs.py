"""A context-aware second pass after the glyph corrector: what would the word-trigram context model
(`layoutfix.contextlm`) buy the glyph stage's RECALL? The measurement of the pass, which now lives in the stage
(`layoutfix.glyphcontext`, run by the glyph stage when `Config.context_lm` is set, ctxwire44); this tool sweeps
its bar, weight and name margin over `fix_lines`' output (the stage run WITHOUT the context model, then the
stage's pass at each setting).

    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs faspell [--model libime] [--show N]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs clean [--sentences 6000] [--per-article]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_glyphs real
    (options of all: --window 6 --min-channel -12 --bars 2 4 6 ... --weights 1 1.5 --name-margins 0 2
     --show N --show-bar B)

Why: the stage's model is a unigram word model; it cannot read that 签订 fits before 协议 and a look-alike
read as two lone characters does not, so many right look-alike fixes never clear its bar (issue 4). Session 44 (ctx44) found the context model useless as
a veto of the stage's fixes but better at ranking right against wrong substitutions (AUC ~0.70 against ~0.60).

The pass (`glyphcontext.ContextPass`, `context_fix`), after `fix_lines`: at every Han character of a line (not one the stage changed), each
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
from pathlib import Path
from typing import Callable, Sequence

from layoutfix.contextlm import load_context_lm
from layoutfix.glyphcontext import (BAR, MAX_WORD, MIN_CHANNEL, NAME_LIKE_MARGIN, ROUNDS, WEIGHT, WINDOW,  # noqa: F401
                                    ContextPass, Proposal, completes_vocab_word, context_fix, name_like,
                                    stage_changed)
from layoutfix.stages.glyphs import Change

from . import metrics

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"

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
