"""What the optional word-trigram context model (`layoutfix.contextlm`) would buy flow's joins and the glyph
stage: a dev tool (tuning-day data only; never point it at a test split).

    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_eval joins --tune corpus/synthetic/tune \\
        --eval FRESH2/tune FRESH4/tune corpus/real_ocr_tune/heavy corpus/real_ocr_tune/light \\
        [--model libime] [--cache DIR] [--left 12 --right 8] [--beam 8] [--unpruned] [--write FILE]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_eval glyphs corpus/synthetic/tune FRESH2/tune \\
        FRESH4/tune --faspell-train --real-ocr-tune [--cache DIR] [--show]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.context_eval leak [-n 3000]

FRESH2 / FRESH4 are fresh tuning-day pages: `python -m layoutfix.synth --source
../shared/data/news_zh/pfr1998_01/articles.jsonl --out DIR --pages-tune 120 --pages-test 0 --seed N` (N = 2, 4).
`--model` is `libime` (Debian's libime-data-language-model) or a KenLM file; it needs `pip install
'layoutfix[context]'`.

`joins`: flow's decisions are rebuilt by `benchmarks.join_tally.rebuild` (read-only use of flow):
the scored pairs flow assigns (pruned as flow prunes them, not excluded, with flow's probability p) and the joins
it makes apart from that assignment (splices and narrow columns before it, middle pieces after it: kept as they
are). Each pair is labelled by the page's defect log with join_tally's matching (the target opens on the gold
`line2`, the source's tail agrees with the printed line). Three scorers:
  flow     flow's p (its softmax over a source's candidates and "no continuation");
  +uni     a logistic model of [1, logit p, g], g the unigram model's (`WordLM`) gain over the same windows: a
           control (does restacking or a wider window alone buy anything?); `--distance-term` adds session 44's
           g * log distance (flowctx45 dropped it: it weighs a gain up the farther the target);
  +ctx     the same with g the context model's `continuation_gain`.
The logistic models are fit on the --tune folders' pairs (Newton's method in plain Python: four weights).
Table A: per source, its best-scored candidate (top-1: the share of sources with a gold candidate whose best is
it) joined when its score passes a threshold of max F1 on tune. Table B: flow's own greedy assignment
(`flow.choose`) run under each scorer, which gives flow's actual joins again at flow's threshold
('flow@shipped'); each stacked scorer at the threshold of max recall at flow's tune precision ('@P') and at the
threshold of max F1 on tune ('@F1'); '+ctx held@bar' is what flow does with the +ctx stack (`flowcontext.kept`:
at stacked(flow's threshold, 0), a pair flow accepts held there unless the context loss is clear). Recall is over every gold block join (cut, interleave, splice cut at a line
end). `--write FILE` writes the +ctx stack (its weights, its threshold @P, the windows) for flow's opt-in
context model (`Config.context_lm`, `layoutfix.flowcontext`); the shipped `layoutfix/data/flow_context.json` is
`joins --tune corpus/synthetic/tune --eval corpus/synthetic/tune --write layoutfix/data/flow_context.json`.
`--unpruned` scores every pair of an open source instead (table A only). Speed: context gains a second
(cache emptied per folder) and the loaded model's resident memory.

`glyphs`: the glyph stage's character corrections on synthetic dev pages (right or wrong as the benchmark scores
them, `glyph_false.wrong_changes`) and `fix_lines`' substitutions on FASpell train and on the real-OCR tuning
paragraphs (right when they give the gold character), each with the context gain of the fixed over the printed
text around it: does a veto at gain < x drop wrong fixes and keep right ones (and the AUC of both models' gains)?

`leak`: nats per Han character of the context and unigram models on sentences of PFR-1998 tuning days
(0101-0116), THUCNews (validation file) and FASpell train (the corrected side): a model that has read PFR-1998
reads it far better than other news text; the unigram model's difference is the yardstick.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from layoutfix.config import Config
from layoutfix.contextlm import (BEAM, LEFT_CHARS, RIGHT_CHARS, ContextLM, _head_run, _tail_run, han_runs,
                                 load_context_lm)
from layoutfix.lm import WordLM, load_lm
from layoutfix.segtrain import _solve  # (the trainers' small linear solve: one Newton step)
from layoutfix.stages import flow as F
from layoutfix.textutil import ends_open

from .join_tally import rebuild
from .metrics import JOIN_TYPES, _tail_agrees

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
# the ends of the two blocks kept with each pair: room for the windows `--left` / `--right` may ask
STORE_LEFT = 24
STORE_RIGHT = 16


@dataclass
class Pair:
    """One scored candidate pair of a page, with what the scorers need."""
    page: str
    source: int
    target: int
    p: float
    distance: int
    label: bool
    chosen: bool  # flow joined it
    left: str  # the source's last STORE_LEFT characters
    right: str  # the target's first STORE_RIGHT characters
    ctx: float = 0.0
    uni: float = 0.0
    fixed: bool = False  # a join made before the model (splice, column read across): kept as flow keeps it
    onward: bool = False  # the join stands only when its target goes on (`flow.assign.needs_onward`), as in flow


def _rss_mb() -> float:
    """This process's resident memory now (MB), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def decisions(txt: Path, unpruned: bool = False):  # type: ignore[no-untyped-def]
    """flow's blocks, its chosen joins, the joins it makes apart from the scored pairs' assignment (splices and
    columns read across before it, middle pieces after it) and the scored pairs it assigns (pruned, as flow
    scores them): `benchmarks.join_tally.rebuild` with the pieces kept apart (read-only use of flow)."""
    run = rebuild(txt)
    near = run.near
    if unpruned:  # every pair of an open source, scored over all its candidates (no pruning, no floor)
        near = F.scored(F.candidates(run.page, run.lm, run.config, run.model, run.walls, run.scores, None, run.kinds),
                        run.model, run.page, run.lm, run.config, 0.0, run.scores)
    return run.blocks, run.chosen, run.fixed + list(run.middle.values()), near


def page_pairs(txt: Path, unpruned: bool = False) -> tuple[list[Pair], int, int]:
    """(the page's scored pairs flow assigns (not excluded) and its other joins (`fixed`), labelled; its gold
    block joins; those among the scored pairs)."""
    dpath = txt.with_name(txt.stem + ".defects.json")
    defects = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
    lines = txt.read_text(encoding="utf-8").split("\n")
    blocks, chosen, fixed, near = decisions(txt, unpruned)

    def plain(d: dict) -> bool:
        return d.get("offset2", 0) == 0 and d.get("end", 0) >= len(lines[d["line"] - 1].rstrip())

    gold = [d for d in defects if d.get("type") in JOIN_TYPES and d.get("line2") and plain(d)]

    def is_gold(s: int, t: int) -> bool:
        return any(blocks[t].line == d["line2"] and _tail_agrees(blocks[s].text[-8:], d.get("raw") or
                                                                  lines[d["line"] - 1]) for d in gold)

    name = f"{txt.parent.name}/{txt.name}"
    out: list[Pair] = [Pair(name, c.source, c.target, c.score, c.distance, is_gold(c.source, c.target), True,
                            "", "", fixed=True) for c in fixed]
    for c in near:
        if c.excluded or not ends_open(blocks[c.source].text):
            continue
        s, t = c.source, c.target
        out.append(Pair(name, s, t, c.score, c.distance, is_gold(s, t), chosen.get(s) is c,
                        blocks[s].text.rstrip()[-STORE_LEFT:], blocks[t].text.lstrip()[:STORE_RIGHT],
                        onward=c.onward))
    found = sum(1 for d in gold if any(q.label and not q.fixed and blocks[q.target].line == d["line2"] for q in out))
    return out, len(gold), found


def collect(folder: Path, cache: Path | None, unpruned: bool = False) -> tuple[list[Pair], int, int]:
    """Every page's pairs of a folder (cached as JSON under `cache`), its gold block joins, those among the
    candidates."""
    key = cache / (str(folder).strip("/").replace("/", "_") + ("-unpruned" if unpruned else "") + ".json") \
        if cache else None
    if key and key.exists():
        d = json.loads(key.read_text(encoding="utf-8"))
        return [Pair(**x) for x in d["pairs"]], d["gold"], d["found"]
    pairs: list[Pair] = []
    gold = found = 0
    for txt in sorted(folder.glob("[0-9][0-9][0-9].txt")):
        ps, g, f = page_pairs(txt, unpruned)
        pairs += ps
        gold += g
        found += f
    if key:
        key.parent.mkdir(parents=True, exist_ok=True)
        key.write_text(json.dumps({"pairs": [p.__dict__ for p in pairs], "gold": gold, "found": found},
                                  ensure_ascii=False), encoding="utf-8")
    return pairs, gold, found


def add_gains(pairs: Sequence[Pair], ctx: ContextLM, uni: WordLM, left: int = LEFT_CHARS,
              right: int = RIGHT_CHARS) -> float:
    """Fill each pair's context and unigram gains over the same windows; the context gains' seconds (the cache
    starts empty for each folder, as it would for a run over that folder)."""
    ctx.clear_cache()
    t0 = time.perf_counter()
    for q in pairs:
        q.ctx = ctx.continuation_gain(q.left, q.right, left, right)
    dt = time.perf_counter() - t0
    for q in pairs:
        a, b = _tail_run(q.left, left), _head_run(q.right, right)
        q.uni = uni.score(a + b) - uni.score(a) - uni.score(b) if a and b else 0.0
    return dt


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


Vec = list[float]


def features(pairs: Sequence[Pair], gain: Callable[[Pair], float], distance: bool = False) -> list[Vec]:
    """[1, logit p, g] per pair (with `distance`, session 44's [1, logit p, g, g * log distance])."""
    if distance:
        return [[1.0, _logit(q.p), gain(q), gain(q) * math.log(q.distance)] for q in pairs]
    return [[1.0, _logit(q.p), gain(q)] for q in pairs]


def held_scores(pairs: Sequence[Pair], weights: Vec, flow_threshold: float) -> tuple[list[float], float]:
    """The scores flow assigns with the stack `weights` (`flowcontext.stacked`, then `flowcontext.kept`: a pair
    flow's own p accepts that the context model reads less than `CLEAR_LOSS` nats worse is held at the stack's
    threshold), and that threshold (`stack_threshold`)."""
    from layoutfix.flowcontext import Stack, kept, stack_threshold, stacked
    w = list(weights) + [0.0] * (4 - len(weights))
    stack = Stack((w[0], w[1], w[2], w[3]), 0.5, LEFT_CHARS, RIGHT_CHARS)
    bar = stack_threshold(flow_threshold, stack)
    return [kept(stacked(q.p, q.ctx, q.distance, stack), q.p, q.ctx, flow_threshold, bar) for q in pairs], bar


def _sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def fit_logistic(x: list[Vec], y: list[float], l2: float = 1e-3, steps: int = 50) -> Vec:
    """Weights of a binary logistic model by Newton's method (a small ridge keeps it finite)."""
    d = len(x[0])
    w = [0.0] * d
    for _ in range(steps):
        g = [l2 * wi for wi in w]
        h = [[l2 if i == j else 0.0 for j in range(d)] for i in range(d)]
        for xi, yi in zip(x, y):
            z = _sig(sum(a * b for a, b in zip(xi, w)))
            for i in range(d):
                g[i] += (z - yi) * xi[i]
                for j in range(d):
                    h[i][j] += z * (1 - z) * xi[i] * xi[j]
        step = _solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-9:
            break
    return w


def dot(x: list[Vec], w: Vec) -> list[float]:
    """x @ w."""
    return [sum(a * b for a, b in zip(xi, w)) for xi in x]


def per_source_best(pairs: Sequence[Pair], s: Sequence[float]) -> list[tuple[float, bool, bool]]:
    """Per source: (its best candidate's score, that candidate is gold, the source has a gold candidate)."""
    by: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, q in enumerate(pairs):
        by[(q.page, q.source)].append(k)
    out = []
    for ks in by.values():
        best = max(ks, key=lambda k: s[k])
        out.append((float(s[best]), pairs[best].label, any(pairs[k].label for k in ks)))
    return out


def top1(best: list[tuple[float, bool, bool]]) -> tuple[int, int]:
    """(sources whose best candidate is their gold one, sources with a gold candidate)."""
    return sum(1 for _, ok, has in best if has and ok), sum(1 for _, _, has in best if has)


def prf(best: list[tuple[float, bool, bool]], th: float, gold: int) -> tuple[float, float, float, int, int]:
    """(precision, recall, F1, joins, right joins) when each source joins its best candidate at score >= th."""
    joins = [ok for sc, ok, _ in best if sc >= th]
    right = sum(joins)
    p = right / max(1, len(joins))
    r = right / max(1, gold)
    return p, r, 2 * p * r / max(1e-9, p + r), len(joins), right


def best_threshold(best: list[tuple[float, bool, bool]], gold: int) -> float:
    """The threshold of max F1 on these sources."""
    cands = sorted({sc for sc, _, _ in best})
    return max(cands, key=lambda th: prf(best, th, gold)[2]) if cands else 0.0


def assigned(pairs: Sequence[Pair], prob: Sequence[float], th: float) -> tuple[int, int]:
    """(joins, right joins) of flow's greedy assignment (`flow.choose`: fixed joins first, then the most probable
    pairs at `th` or over, each block once as source and once as target, no cycle) under the scores `prob`."""
    by: dict[str, list[int]] = defaultdict(list)
    for k, q in enumerate(pairs):
        by[q.page].append(k)
    joins = right = 0
    for ks in by.values():
        fixed = [F.Candidate(pairs[k].source, pairs[k].target, 1.0, 0.0, pairs[k].distance, "fixed")
                 for k in ks if pairs[k].fixed]
        cands = [F.Candidate(pairs[k].source, pairs[k].target, prob[k], 0.0, pairs[k].distance,
                             onward=pairs[k].onward) for k in ks if not pairs[k].fixed]
        label = {(pairs[k].source, pairs[k].target): pairs[k].label for k in ks}
        chosen = F.choose(cands, th, fixed)
        joins += len(chosen)
        right += sum(label[(c.source, c.target)] for c in chosen.values())
    return joins, right


def _f1(joins: int, right: int, gold: int) -> tuple[float, float, float]:
    p, r = right / max(1, joins), right / max(1, gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


GRID = [k / 100 for k in range(5, 100)]


def joins_cmd(args: argparse.Namespace) -> int:
    """The `joins` report."""
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    ctx = load_context_lm(args.model, beam=args.beam)
    load_s = time.perf_counter() - t0
    rss1 = _rss_mb()
    uni = load_lm()
    sets: dict[str, tuple[list[Pair], int, int]] = {}
    ctx_weights: Vec = []
    secs = 0.0
    npairs = 0
    for folder in [*args.tune, *args.eval]:
        pairs, gold, found = collect(folder, args.cache, args.unpruned)
        model_pairs = [q for q in pairs if not q.fixed]
        secs += add_gains(model_pairs, ctx, uni, args.left, args.right)
        npairs += len(model_pairs)
        sets[str(folder)] = (pairs, gold, found)
        print(f"{folder}: {len(model_pairs)} pairs, {sum(q.label for q in model_pairs)} gold; "
              f"{len(pairs) - len(model_pairs)} fixed joins; gold block joins {gold}, {found} among the candidates",
              flush=True)
    rss2 = _rss_mb()
    hits, misses, entries = ctx.cache_info()
    print(f"\ncontext model {ctx!r}: load {load_s:.2f} s, resident memory +{rss1 - rss0:.0f} MB at load, "
          f"+{rss2 - rss0:.0f} MB after scoring (with the unigram model {rss2 - rss1:.0f} MB more); "
          f"{npairs} gains in {secs:.1f} s = {npairs / max(secs, 1e-9):.0f} pairs/s, cold cache per folder "
          f"(last folder: hits {hits}, misses {misses})")
    tune_all = [q for f in args.tune for q in sets[str(f)][0]]
    tune = [q for q in tune_all if not q.fixed]
    tune_gold = sum(sets[str(f)][1] for f in args.tune)
    y = [float(q.label) for q in tune]
    # each scorer gives a probability-like score (the assignment ranks by it)
    scorers: dict[str, Callable[[Sequence[Pair]], list[float]]] = {"flow": lambda ps: [q.p for q in ps]}
    for name, g in (("+uni", lambda q: q.uni), ("+ctx", lambda q: q.ctx)):
        w = fit_logistic(features(tune, g, args.distance_term), y)
        print(f"{name} weights [bias, logit p, gain{', gain*log d' if args.distance_term else ''}] = "
              f"{[round(v, 3) for v in w]}")
        if name == "+ctx":
            ctx_weights = w
        scorers[name] = (lambda w, g: lambda ps: [_sig(z) for z in dot(features(ps, g, args.distance_term), w)])(w, g)
    ths = {name: best_threshold(per_source_best(tune, f(tune)), tune_gold) for name, f in scorers.items()}

    def assign_f1(name: str, th: float) -> float:
        prob = [1.0 if q.fixed else v for q, v in zip(tune_all, scorers[name](tune_all))]
        return _f1(*assigned(tune_all, prob, th), tune_gold)[2]
    ath = {name: max(GRID, key=lambda th: assign_f1(name, th)) for name in scorers}
    shipped = F.load_model().threshold
    ship_p = _f1(*assigned(tune_all, [1.0 if q.fixed else q.p for q in tune_all], shipped), tune_gold)[0]

    def assign_pr(name: str, th: float) -> tuple[float, float, float]:
        prob = [1.0 if q.fixed else v for q, v in zip(tune_all, scorers[name](tune_all))]
        return _f1(*assigned(tune_all, prob, th), tune_gold)
    fine = [k / 1000 for k in range(50, 1000, 5)]
    pth = {name: max((th for th in fine if assign_pr(name, th)[0] >= ship_p), key=lambda th: assign_pr(name, th)[1])
           for name in ("+uni", "+ctx")}
    print("\nA. per source, its best candidate joined at a threshold chosen on tune (max F1)")
    print("folder | scorer | top-1 | P | R | F1 | joins/right | gold (in candidates)")
    for folder, (pairs, gold, found) in sets.items():
        mp = [q for q in pairs if not q.fixed]
        for name, f in scorers.items():
            best = per_source_best(mp, f(mp))
            a, n = top1(best)
            p, r, f1, j, right = prf(best, ths[name], gold)
            print(f"{folder} | {name} | {a}/{n} = {a / max(1, n):.3f} | {p:.3f} | {r:.3f} | {f1:.3f} | {j}/{right} | "
                  f"{gold} ({found})")
    print("thresholds: " + ", ".join(f"{k} {v:.3f}" for k, v in ths.items()))
    if args.unpruned:
        return 0
    print("\nB. flow's greedy assignment (fixed joins, then pairs by score, each block once) under each scorer, "
          f"threshold chosen on tune (flow's own threshold {shipped:.3f} as 'flow@shipped': it must give flow's "
          "actual joins, 'flow actual', again)")
    print("folder | scorer | P | R | F1 | joins/right")
    for folder, (pairs, gold, found) in sets.items():
        right = sum(q.chosen and q.label for q in pairs if not q.fixed) + sum(q.label for q in pairs if q.fixed)
        joins = sum(q.chosen for q in pairs)
        p, r, f1 = _f1(joins, right, gold)
        print(f"{folder} | flow actual | {p:.3f} | {r:.3f} | {f1:.3f} | {joins}/{right}")
        runs = ([("flow@shipped", "flow", shipped)] + [(f"{n}@P", n, pth[n]) for n in pth] +
                [(f"{n}@F1", n, ath[n]) for n in scorers])
        for label, name, th in runs:
            prob = scorers[name](pairs)
            prob = [1.0 if q.fixed else v for q, v in zip(pairs, prob)]
            j, rt = assigned(pairs, prob, th)
            p, r, f1 = _f1(j, rt, gold)
            print(f"{folder} | {label} | {p:.3f} | {r:.3f} | {f1:.3f} | {j}/{rt}")
        held, bar = held_scores(pairs, ctx_weights, shipped)
        j, rt = assigned(pairs, [1.0 if q.fixed else v for q, v in zip(pairs, held)], bar)
        p, r, f1 = _f1(j, rt, gold)
        print(f"{folder} | +ctx held@bar (flow's) | {p:.3f} | {r:.3f} | {f1:.3f} | {j}/{rt}")
    print("thresholds: max F1 on tune " + ", ".join(f"{k} {v:.2f}" for k, v in ath.items()) +
          f"; @P: max recall at flow@shipped's tune precision {ship_p:.3f}: " +
          ", ".join(f"{k} {v:.3f}" for k, v in pth.items()) +
          f"; '+ctx held@bar' is what flow does with the +ctx stack: the threshold stacked(flow's {shipped:.3f}, "
          f"gain 0) = {held_scores([], ctx_weights, shipped)[1]:.4f}, flow's accepted pairs held there unless the "
          "context loss is clear (`flowcontext.kept`)")
    if args.write:
        write_stack(args.write, ctx_weights, pth["+ctx"], args, ship_p)
    return 0


def stack_record(weights: Vec, threshold: float, left: int, right: int, tune: Sequence[Path], model: str,
                 precision: float) -> dict:
    """The file `layoutfix.flowcontext.load_stack` reads: the +ctx stack's weights, its threshold @P (max recall
    at flow's own tune precision) and the windows, with where they came from."""
    return {"weights": [round(v, 6) for v in weights], "threshold": round(threshold, 6), "left": left,
            "right": right, "features": ["bias", "logit p", "context gain", "context gain * log distance"][:len(weights)],
            "fit_on": [str(Path(t).resolve().relative_to(ROOT)) if Path(t).resolve().is_relative_to(ROOT) else str(t)
                       for t in tune],
            "threshold_rule": f"max recall of flow's assignment at flow's own tune precision ({precision:.3f})",
            "model": model, "written_by": "python -m benchmarks.context_eval joins --write FILE"}


def write_stack(path: Path, weights: Vec, threshold: float, args: argparse.Namespace, precision: float) -> None:
    """Write the stack fit on --tune for flow to use (`Config.context_lm`); refuses a --tune outside the synthetic
    tuning split's kind (a test split) by name."""
    if any("test" in Path(t).parts or "real_ocr" in Path(t).parts for t in args.tune):
        raise SystemExit("context_eval: --write fits on tuning pages only (corpus/synthetic/tune)")
    rec = stack_record(weights, threshold, args.left, args.right, args.tune, str(args.model), precision)
    path.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: weights {rec['weights']}, threshold {rec['threshold']}")


def _sample_sentences(texts: list[str], n: int, seed: int = 7) -> list[str]:
    """`n` sentences (cut at 。！？) of at least 8 Han characters, drawn at random."""
    sents = [x for t in texts for x in re.split("[。！？]", t)]
    ok = [x for x in sents if sum(len(r) for r in han_runs(x)) >= 8]
    return random.Random(seed).sample(ok, min(n, len(ok)))


def leak_cmd(args: argparse.Namespace) -> int:
    """The `leak` report: nats per Han character by source, context model against the unigram model."""
    ctx = load_context_lm(args.model)
    uni = load_lm()
    pfr: list[str] = []
    for line in (SHARED / "news_zh" / "pfr1998_01" / "articles.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if "19980101" <= doc["date"] <= "19980116":  # tuning days only
            pfr += doc["paragraphs"]
    thuc = [ln.split("\t", 1)[1] for ln in (SHARED / "news_zh" / "thucnews_cnews_val" / "cnews.val.txt")
            .open(encoding="utf-8") if "\t" in ln]
    fas = [ln.rstrip("\n").split("\t")[2] for ln in (SHARED / "faspell" / "ocr_train_3575.txt").open(encoding="utf-8")
           if ln.count("\t") == 2]
    print("source | sentences | Han chars | context nats/char | unigram nats/char | difference")
    for name, texts in (("PFR-1998 0101-0116", pfr), ("THUCNews val", thuc), ("FASpell train (right side)", fas)):
        paras = _sample_sentences(texts, args.n)
        chars = sum(len(r) for p in paras for r in han_runs(p))
        c = sum(ctx.score(p) for p in paras) / chars
        u = sum(uni.score(r) for p in paras for r in han_runs(p)) / chars
        print(f"{name} | {len(paras)} | {chars} | {c:.3f} | {u:.3f} | {c - u:+.3f}")
    return 0


def _fixed_context(context: str, before: str, after: str) -> str | None:
    """The edit's context (the printed text around it) with the change made at the occurrence of `before` nearest
    its middle; None when `before` is not in it."""
    text = context.strip("…")
    spots = [k for k in range(len(text) - len(before) + 1) if text.startswith(before, k)] if before else []
    if not spots:
        return None
    k = min(spots, key=lambda k: abs(k + len(before) / 2 - len(text) / 2))
    return text[:k] + after + text[k + len(before):]


def glyph_rows(folder: Path, cache: Path | None) -> list[dict]:
    """The glyph stage's character corrections on the folder's pages: rule, right or wrong as the benchmark
    scores them (`glyph_false.wrong_changes`), printed and fixed context (cached as JSON under `cache`)."""
    import layoutfix
    from layoutfix.resources.glyph_false import rule_of, wrong_changes

    from . import metrics
    key = cache / (str(folder).strip("/").replace("/", "_") + "-glyphs.json") if cache else None
    if key and key.exists():
        return list(json.loads(key.read_text(encoding="utf-8")))
    rows = []
    for txt in sorted(folder.glob("[0-9][0-9][0-9].txt")):
        log = txt.with_name(txt.stem + ".defects.json")
        if not log.exists():
            continue
        defects = json.loads(log.read_text(encoding="utf-8"))
        page = layoutfix.clean(txt.read_bytes(), source=txt.name)
        wrong = {id(e) for e in wrong_changes(defects, page.edits)}
        for e in page.edits:
            if e.stage != "glyphs" or not metrics.is_char_correction(e):
                continue
            fixed = _fixed_context(e.context, e.before, e.after)
            if fixed is None:
                continue
            rows.append({"page": f"{txt.parent.name}/{txt.name}", "rule": rule_of(e.stage, e.kind, e.before, e.reason),
                         "right": id(e) not in wrong, "printed": e.context.strip("…"), "fixed": fixed,
                         "change": f"{e.before}->{e.after}"})
    if key:
        key.parent.mkdir(parents=True, exist_ok=True)
        key.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return rows


def line_rows(pairs: list[tuple[str, str]], name: str) -> list[dict]:
    """The glyph corrector's (`fix_lines`) character substitutions on (read, gold) lines: each changed character
    of a line it kept the length of, right when it gives the gold character (read and gold aligned by
    `difflib`; a character whose gold is not aligned one to one is left out), with 8 characters each side."""
    import difflib

    from .glyph_runs import load_fix_lines
    fix_lines = load_fix_lines()
    assert fix_lines is not None
    outs = fix_lines([r for r, _ in pairs])
    rows = []
    for (r, g), o in zip(pairs, outs):
        if len(o) != len(r) or o == r:
            continue
        gold_at: dict[int, str] = {}
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, r, g, autojunk=False).get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                gold_at.update({i1 + k: g[j1 + k] for k in range(i2 - i1)})
        for k in range(len(r)):
            if o[k] == r[k] or k not in gold_at:
                continue
            lo, hi = max(0, k - 8), k + 9
            fixed = o[lo:hi]
            printed = fixed[:k - lo] + r[k] + fixed[k - lo + 1:]
            rows.append({"page": name, "rule": f"{name} line", "right": o[k] == gold_at[k], "printed": printed,
                         "fixed": fixed, "change": f"{r[k]}->{o[k]}"})
    return rows


def faspell_train_pairs() -> list[tuple[str, str]]:
    """FASpell's train file (OCR read, corrected): a tuning set; the test file is never read."""
    path = SHARED / "faspell" / "ocr_train_3575.txt"
    return [(p[1], p[2]) for p in (ln.rstrip("\n").split("\t") for ln in path.open(encoding="utf-8")) if len(p) == 3]


def real_ocr_tune_pairs() -> list[tuple[str, str]]:
    """The Tesseract readings of the real-OCR tuning pages' paragraphs with their printed text."""
    out = []
    for line in (ROOT / "corpus" / "real_ocr_tune" / "ocr_cache.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out.append(("".join(row["ocr"]), row["text"]))
    return out


def _auc(pos: list[float], neg: list[float]) -> float:
    """P(a right fix's gain > a wrong fix's gain), ties half."""
    if not pos or not neg:
        return float("nan")
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


def glyphs_cmd(args: argparse.Namespace) -> int:
    """The `glyphs` report: would a veto of glyph fixes the context model reads as worse keep the right ones?"""
    ctx = load_context_lm(args.model)
    uni = load_lm()
    rows = [r for f in args.folders for r in glyph_rows(f, args.cache)]
    if args.faspell_train:
        rows += line_rows(faspell_train_pairs(), "FASpell train")
    if args.real_ocr_tune:
        rows += line_rows(real_ocr_tune_pairs(), "real_ocr_tune")
    for r in rows:
        r["ctx"] = ctx.score(r["fixed"]) - ctx.score(r["printed"])
        r["uni"] = uni.score(r["fixed"]) - uni.score(r["printed"])
    rules = sorted({r["rule"] for r in rows})
    print("rule | right | wrong | AUC context gain | AUC unigram gain")
    for rule in rules + ["all"]:
        rr = [r for r in rows if rule in ("all", r["rule"])]
        pos, neg = [r for r in rr if r["right"]], [r for r in rr if not r["right"]]
        print(f"{rule} | {len(pos)} | {len(neg)} | {_auc([r['ctx'] for r in pos], [r['ctx'] for r in neg]):.3f} | "
              f"{_auc([r['uni'] for r in pos], [r['uni'] for r in neg]):.3f}")
    print("\nveto every fix whose context gain (fixed minus printed, nats) is under x:")
    print("x | right kept | wrong dropped | (look-alike and line substitutions only: right kept, wrong dropped)")
    look = [r for r in rows if r["rule"].startswith("look-alike") or r["rule"].endswith(" line")]
    for x in (-5.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 5.0):
        rk = sum(r["right"] and r["ctx"] >= x for r in rows)
        wd = sum(not r["right"] and r["ctx"] < x for r in rows)
        lrk = sum(r["right"] and r["ctx"] >= x for r in look)
        lwd = sum(not r["right"] and r["ctx"] < x for r in look)
        print(f"{x:+.1f} | {rk}/{sum(r['right'] for r in rows)} | {wd}/{sum(not r['right'] for r in rows)} | "
              f"{lrk}/{sum(r['right'] for r in look)}, {lwd}/{sum(not r['right'] for r in look)}")
    if args.show:
        print("\nwrong fixes and the right fixes the context model reads as worse (context gain < 0):")
        for r in sorted(rows, key=lambda r: r["ctx"]):
            if not r["right"] or r["ctx"] < 0:
                print(f"{'right' if r['right'] else 'WRONG'}\t{r['ctx']:+.1f}\t{r['uni']:+.1f}\t{r['rule']}\t"
                      f"{r['change']}\t{r['printed']}\t{r['page']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.context_eval", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    j = sub.add_parser("joins")
    j.add_argument("--tune", nargs="+", type=Path, default=[ROOT / "corpus" / "synthetic" / "tune"])
    j.add_argument("--eval", nargs="+", type=Path, required=True)
    j.add_argument("--model", default="libime")
    j.add_argument("--left", type=int, default=LEFT_CHARS, help=f"Han characters read before the join "
                   f"(at most {STORE_LEFT})")
    j.add_argument("--right", type=int, default=RIGHT_CHARS, help=f"... after it (at most {STORE_RIGHT})")
    j.add_argument("--beam", type=int, default=BEAM)
    j.add_argument("--unpruned", action="store_true",
                   help="every pair of an open source, not only those flow keeps (table A only; B is then void)")
    j.add_argument("--cache", type=Path, help="keep each folder's rebuilt pairs here (flow's code unchanged)")
    j.add_argument("--distance-term", action="store_true", help="fit session 44's fourth feature, gain * log "
                   "distance, too (flowctx45 dropped it: it weighs a gain up the farther the target)")
    j.add_argument("--write", type=Path, help="write the +ctx stack (weights, threshold @P, windows) fit on --tune "
                   "here: layoutfix/data/flow_context.json is written so, with --tune corpus/synthetic/tune")
    lk = sub.add_parser("leak")
    lk.add_argument("--model", default="libime")
    lk.add_argument("-n", type=int, default=3000, help="sentences per source")
    gl = sub.add_parser("glyphs")
    gl.add_argument("folders", nargs="*", type=Path, help="synthetic dev folders of pages with gold and defect logs "
                    "(not real-OCR pages: their defect logs hold no glyph errors; use --real-ocr-tune)")
    gl.add_argument("--faspell-train", action="store_true", help="also FASpell's train lines through fix_lines")
    gl.add_argument("--real-ocr-tune", action="store_true",
                    help="also the real-OCR tuning paragraphs' Tesseract readings through fix_lines")
    gl.add_argument("--model", default="libime")
    gl.add_argument("--cache", type=Path, help="keep each folder's glyph fixes here")
    gl.add_argument("--show", action="store_true", help="list the wrong fixes and the right ones read as worse")
    args = ap.parse_args(argv)
    return joins_cmd(args) if args.cmd == "joins" else leak_cmd(args) if args.cmd == "leak" else glyphs_cmd(args)


if __name__ == "__main__":
    raise SystemExit(main())
