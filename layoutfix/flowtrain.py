"""Learn the weights of the `flow` join model from the synthetic tuning split.

    python -m layoutfix.flowtrain [--tune DIR ...] [-o layoutfix/data/flow_weights.json]
    python -m layoutfix.flowtrain --synth N --seed S [--days 0101-0112] [--tune DIR ...] [-o FILE]

`--synth` learns from N pages generated now by `layoutfix.synth` from the tuning days (`layoutfix.trainpages`;
with no `--tune`, from them alone). Session 15 found no gain from them on held-out days (flow_weights.SOURCE.md).

Only TUNING pages are read (built from 1998-01-01..16): by default corpus/synthetic/tune; `--tune` may add
the real-OCR pages of the same days (corpus/real_ocr_tune/heavy, light); the test splits are never used. For
every page the dump goes through `read` and `normalize`, `flow.candidates` lists every (open block,
later block) pair with its features, and a pair is labelled a join when the page's defect log has a
`cut`/`interleave`/`splice` entry from the source block's last line to the target block's first line
(a join starting or ending inside a line, i.e. a splice, is left out of training: the block model
cannot express it).

Two things are learned:
- the paragraph-start table: log P(first character of a gold paragraph or caption) / P(character in
  running text), from the tuning pages' gold; a block opening with 的 or 和 rarely starts a paragraph;
- a conditional logit over `flow.PAIR_FEATURES` and `flow.SOURCE_FEATURES` (each open block chooses
  among its later candidates or "no continuation"), a reverse one over `flow.REVERSE_FEATURES` and
  `flow.TARGET_FEATURES` (each block that may continue one chooses among the open blocks before it or
  "opens a paragraph"), both by plain stochastic gradient descent on standardised features with a
  small L2 penalty (no numpy needed), and a logistic combination of the two models' logits fitted on
  every labelled pair. The threshold is the lowest join probability at which the greedy assignment
  still keeps precision >= TARGET_PRECISION on the tuning pages.

Only the weights are written: no text of the corpus.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import tempfile
from collections import Counter
from dataclasses import replace
from operator import mul
from pathlib import Path

from . import trainpages
from .config import Config
from .lm import load_lm
from .model import Page
from .stages import flow as F
from .stages.flow.blocks import _is_body
from .stages.normalize import normalize
from .stages.read import read
from .segtrain import tune_folders
from .textutil import is_han

ROOT = Path(__file__).resolve().parents[1]
TARGET_PRECISION = 0.95
JOIN_TYPES = ("cut", "interleave", "splice")


def start_table(golds: list[dict], min_count: int = 30, width: int = 1,
                prior: float = 20.0) -> tuple[dict[str, float], float]:
    """log P(first `width` characters of a paragraph) / P(the same string anywhere in running text)."""
    starts: Counter = Counter()
    chars: Counter = Counter()
    for g in golds:
        for art in g.get("articles") or []:
            for p in list(art.get("paragraphs") or []) + list(art.get("captions") or []):
                p = p.strip()
                if not p:
                    continue
                k = "".join(F.start_key(c) for c in p)
                if len(k) < width:
                    continue
                starts[k[:width]] += 1
                chars.update(k[i:i + width] for i in range(len(k) - width + 1))
    ns, na = sum(starts.values()), sum(chars.values())
    r0 = ns / na if na else 0.0  # how often any character opens a paragraph

    def ratio(c: str) -> float:
        # P(opens a paragraph | c) / P(opens a paragraph), shrunk towards 1 by `prior` pseudo-occurrences
        return math.log((starts[c] + prior * r0) / (chars[c] + prior) / r0)

    table = {c: round(ratio(c), 3) for c, n in chars.items() if n >= min_count}
    default = 0.0  # an unseen character: no evidence either way
    return table, default


def opening_table(txts: list[Path], min_count: int = 5, prior: float = 20.0) -> dict[str, float]:
    """log P(`flow.opening_class` | a block opens a paragraph) / P(the same | the block continues an open
    one), from the tuning pages as `read` and `normalize` leave them: the blocks the defect log names as a
    join's continuation (a `cut` or `interleave` ending where a line ends and resuming where one starts)
    against the other body blocks that may continue one (not title-like, not touched by a join inside a
    line). Each class's two rates are shrunk towards its pooled rate by `prior` pseudo-blocks."""
    lm = load_lm(None)
    pos: Counter = Counter()
    neg: Counter = Counter()
    for txt in txts:
        dpath = txt.with_name(txt.stem + ".defects.json")
        defects = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
        lines = txt.read_text(encoding="utf-8").split("\n")
        conts: set[int] = set()
        skip: set[int] = set()
        for d in defects:
            if d.get("type") in JOIN_TYPES and d.get("line2"):
                plain = d.get("offset2", 0) == 0 and d.get("end", 0) >= len(lines[d["line"] - 1].rstrip())
                (conts if plain else skip).add(d["line2"])
                if not plain:
                    skip.add(d["line"])
        page = normalize(read(txt.read_bytes(), Config(), source=txt.name))
        for b in page.blocks:
            if not F.is_target(b) or any(ln in skip for ln in b.lines):
                continue
            if b.line in conts:
                neg[F.opening_class(lm, b.text)] += 1
            elif not F.is_title_like(b.text):
                pos[F.opening_class(lm, b.text)] += 1
    npos, nneg = sum(pos.values()) or 1, sum(neg.values()) or 1
    out: dict[str, float] = {}
    for k in pos.keys() | neg.keys():
        n = pos[k] + neg[k]
        if n < min_count:
            continue
        q = n / (npos + nneg)
        out[k] = round(math.log((pos[k] + prior * q) / (npos + prior)) - math.log((neg[k] + prior * q) / (nneg + prior)), 3)
    return out


def page_groups(txt: Path, model: F.JoinModel) -> tuple[list[tuple[F.Group, int | None]], int]:
    """The page's open blocks with their candidates and the index of the true continuation
    (None: no continuation; groups touched by a splice are left out), and the number of gold joins."""
    groups, _, n = page_data(txt, model)
    return groups, n


# the share of a training page's paragraphs given a stray '，' before their first character (`stray_marks`):
# Tesseract reads a speck there as '，', '、', '：' or '.' (14 readings in the two real-OCR caches,
# benchmarks/OCR_LOSSES.md); the synthetic pages have none, so every block opening on a clause mark they hold is
# the rest of a sentence cut before it
STRAY_MARK = 0.01


def stray_marks(page: Page, rate: float, seed: str, continuations: set[int] = frozenset()) -> Page:  # type: ignore[assignment]
    """The page with a '，' put before about `rate` of its body paragraphs that open on a Han character, none of
    them a continuation of an open block (`continuations`: their dump lines) (the same ones on every run: seeded
    by the page's name)."""
    if rate <= 0:
        return page
    rng = random.Random("stray:" + seed)
    blocks = list(page.blocks)
    for k, b in enumerate(blocks):
        if is_han(b.text[:1]) and b.line not in continuations and _is_body(b) and F.is_target(b) \
                and rng.random() < rate:
            blocks[k] = replace(b, text="，" + b.text)
    return replace(page, blocks=tuple(blocks))


def page_data(txt: Path, model: F.JoinModel, stray: float = 0.0) -> tuple[list[tuple[F.Group, int | None]],
                                                                       list[tuple[F.RevGroup, int | None]], int]:
    """`page_groups`, plus the same pairs grouped by target with the index of the source the target
    truly continues (None: the target opens a paragraph; -1: unknown, left out of training); `stray`: the share of
    paragraphs given a stray clause mark first (`stray_marks`)."""
    dpath = txt.with_name(txt.stem + ".defects.json")
    defects = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
    config = Config()
    page = normalize(read(txt.read_bytes(), config, source=txt.name))
    lines = txt.read_text(encoding="utf-8").split("\n")
    gold: dict[int, int] = {}
    spliced: set[int] = set()
    joins = [d for d in defects if d.get("type") in JOIN_TYPES and d.get("line2")]
    for d in joins:
        plain = d.get("offset2", 0) == 0 and d.get("end", 0) >= len(lines[d["line"] - 1].rstrip())
        if plain:
            gold[d["line"]] = d["line2"]
        else:
            spliced.update((d["line"], d["line2"]))
    back = {t: s for s, t in gold.items()}
    page = stray_marks(page, stray, txt.parent.name + "/" + txt.name, set(back) | spliced)
    blocks = page.blocks
    out: list[tuple[F.Group, int | None]] = []
    groups = F.candidates(page, load_lm(config.lm_path), config, model)
    for g in groups:
        last = blocks[g.source].lines[-1]
        if last in spliced or blocks[g.source].line in spliced \
                or any(blocks[j].line in spliced for j, _, _ in g.cands):
            out.append((g, -1))
            continue
        want = gold.get(last)
        y = None
        for k, (j, _, _) in enumerate(g.cands):
            if want is not None and blocks[j].line == want:
                y = k
        if want is not None and y is None:
            out.append((g, -1))  # the continuation is out of reach (a cut at a sentence end, a long gap)
            continue
        out.append((g, y))
    rout: list[tuple[F.RevGroup, int | None]] = []
    for rg in F.reverse_groups(groups):
        b = blocks[rg.target]
        if b.line in spliced or any(blocks[i].lines[-1] in spliced for i, _, _ in rg.cands):
            rout.append((rg, -1))
            continue
        want = back.get(b.line)
        y = None
        for k, (i, _, _) in enumerate(rg.cands):
            if want is not None and blocks[i].lines[-1] == want:
                y = k
        rout.append((rg, -1 if want is not None and y is None else y))
    return out, rout, len(joins)


def _standardise(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    n = len(rows) or 1
    d = len(rows[0]) if rows else 0
    mu = [sum(r[k] for r in rows) / n for k in range(d)]
    sd = [math.sqrt(sum((r[k] - mu[k]) ** 2 for r in rows) / n) for k in range(d)]
    sd = [max(x, 0.1) if x > 0 else 1.0 for x in sd]  # a rare feature: larger steps, but no huge raw weight
    return mu, sd


DEFAULT_EPOCHS = 100  # SGD passes over the committed tuning folder's groups
UPDATES = 700_000  # at most this many SGD steps per model once the groups are many (generated pages)
MIN_EPOCHS = 5


def epochs_for(n: int) -> int:
    """SGD passes over `n` groups: DEFAULT_EPOCHS while that stays within about UPDATES steps (the 120
    committed tuning pages: 3,272 and 6,639 groups), fewer for more groups, so that learning from a thousand
    generated pages costs about what two hundred do rather than ten times as much."""
    return max(MIN_EPOCHS, min(DEFAULT_EPOCHS, UPDATES // max(1, n)))


def fit(groups: list[tuple[F.Group, int | None]], epochs: int | None = None, l2: float = 1e-3,
        seed: int = 1) -> tuple[dict[str, float], dict[str, float], float]:
    """Conditional logit by SGD on standardised features; returns raw-scale pair and none weights."""
    return fit_logit([([list(f) for _, _, f in g.cands], [g.src[k] for k in F.SOURCE_FEATURES], y)
                      for g, y in groups], F.SOURCE_FEATURES, epochs or epochs_for(len(groups)), l2, seed)


def fit_reverse(groups: list[tuple[F.RevGroup, int | None]], epochs: int | None = None, l2: float = 1e-3,
                seed: int = 1) -> tuple[dict[str, float], dict[str, float], float]:
    """The reverse model: each target's candidate sources against "opens a paragraph"."""
    return fit_logit([([list(f) for _, _, f in g.cands], [g.tgt.get(k, 0.0) for k in F.TARGET_FEATURES], y)
                      for g, y in groups], F.TARGET_FEATURES, epochs or epochs_for(len(groups)), l2, seed,
                     F.REVERSE_FEATURES)


def fit_logit(raw: list[tuple[list[list[float]], list[float], int | None]], S: tuple[str, ...], epochs: int = DEFAULT_EPOCHS,
              l2: float = 1e-3, seed: int = 1, P: tuple[str, ...] = F.PAIR_FEATURES) -> tuple[dict[str, float], dict[str, float], float]:
    """Conditional logit over (candidate pair features, "none" features, index of the right candidate or
    None) by SGD on standardised features; returns raw-scale pair and none weights and the none bias."""
    pm, ps = _standardise([r for xs, _, _ in raw for r in xs])
    sm, ss = _standardise([s for _, s, _ in raw])
    data = [([[(r[k] - pm[k]) / ps[k] for k in range(len(P))] for r in xs],
             [(s[k] - sm[k]) / ss[k] for k in range(len(S))], y) for xs, s, y in raw]
    w = [0.0] * len(P)
    v = [0.0] * len(S)
    b = 0.0
    rng = random.Random(seed)
    order = list(range(len(data)))
    # each group's candidate features also by column, so a gradient component is one sum over a column
    cols = [[list(c) for c in zip(*xs)] if xs else [[] for _ in P] for xs, _, _ in data]
    # the step falls over the epochs as it would over DEFAULT_EPOCHS, however many are run (`epochs_for`)
    decay = 0.05 * DEFAULT_EPOCHS / epochs
    for ep in range(epochs):
        rng.shuffle(order)
        lr = 0.1 / (1 + ep * decay)
        for idx in order:
            xs, sv, y = data[idx]
            zs = [sum(map(mul, w, x)) for x in xs]
            z0 = b + sum(map(mul, v, sv))
            m = max(zs + [z0])
            es = [math.exp(z - m) for z in zs]
            e0 = math.exp(z0 - m)
            tot = sum(es) + e0
            qs = [e / tot for e in es]
            # gradient of -log P(y)
            xy = xs[y] if y is not None else None
            for k, col in enumerate(cols[idx]):
                g = sum(map(mul, qs, col)) - (xy[k] if xy is not None else 0.0)
                w[k] -= lr * (g + l2 * w[k])
            g0 = e0 / tot - (1.0 if y is None else 0.0)
            b -= lr * g0
            for k in range(len(S)):
                v[k] -= lr * (g0 * sv[k] + l2 * v[k])
    pair = {P[k]: w[k] / ps[k] for k in range(len(P))}
    # pair-score offsets cancel in the softmax except against "none": move them there
    offset = sum(w[k] * pm[k] / ps[k] for k in range(len(P)))
    none = {S[k]: v[k] / ss[k] for k in range(len(S))}
    none_bias = b - sum(v[k] * sm[k] / ss[k] for k in range(len(S))) + offset
    return pair, none, none_bias


def fit_combine(rows: list[tuple[float, float, int]], epochs: int = 200, l2: float = 1e-4) -> tuple[float, float, float]:
    """Logistic regression of "is a join" on (logit P(j|i), logit P(i|j)) over every labelled pair."""
    a, b, c = 1.0, 0.0, 0.0
    xs = [(F._logit(pf), F._logit(pr), y) for pf, pr, y in rows]
    n = len(xs) or 1
    for ep in range(epochs):  # full-batch gradient descent: three weights, a few thousand rows
        ga = gb = gc = 0.0
        for lf, lr_, y in xs:
            p = 1 / (1 + math.exp(-(a * lf + b * lr_ + c)))
            ga += (p - y) * lf
            gb += (p - y) * lr_
            gc += p - y
        step = 0.5 / (1 + ep * 0.02)
        a -= step * (ga / n + l2 * a)
        b -= step * (gb / n + l2 * b)
        c -= step * gc / n
    return a, b, c


def pick_threshold(pages: list[tuple[list[tuple[F.Group, int | None]], int]], model: F.JoinModel) -> tuple[float, float, float]:
    """Lowest threshold whose greedy assignment keeps precision >= TARGET_PRECISION on the labelled groups."""
    best = (0.99, 0.0, 0.0)
    all_cands = [F.scored([g for g, _ in groups], model) for groups, _ in pages]  # `choose` applies the threshold
    for t in [k / 100 for k in range(99, 4, -1)]:
        tp = pred = gold = 0
        for (groups, _), cands in zip(pages, all_cands):
            truth = {}
            for g, y in groups:
                truth[g.source] = -1 if y == -1 else (g.cands[y][0] if y is not None else None)
                gold += y is not None and y != -1
            for c in F.choose(cands, t).values():
                want = truth.get(c.source)
                if want == -1:
                    continue
                pred += 1
                tp += want == c.target
        p = tp / pred if pred else 1.0
        if p >= TARGET_PRECISION:
            best = (t, p, tp / gold if gold else 0.0)
    return best


# the synthetic tuning pages (adding corpus/real_ocr_tune/heavy and light, the real-Tesseract pages of the
# same days, raises heavy-OCR join precision but lets headings join the paragraph under them: see the
# report of session 5)
DEFAULT_TUNE = (ROOT / "corpus" / "synthetic" / "tune",)


def train(dirs: list[Path], names: list[str]) -> dict:
    """The weights file's content, learned from the pages of `dirs` (named `names` in its note)."""
    txts = [t for d in dirs for t in sorted(d.glob("[0-9][0-9][0-9].txt"))]
    golds = [json.loads(t.with_suffix(".json").read_text(encoding="utf-8")) for t in txts]
    table, default = start_table(golds)
    table2, _ = start_table(golds, min_count=20, width=2)
    table2 = {k: v for k, v in table2.items() if abs(v) >= 1.0}
    opening = opening_table(txts)
    model = F.JoinModel({}, {}, 0.0, table, default, table2, 0.5, opening=opening)
    data = [page_data(t, model, STRAY_MARK) for t in txts]
    pages = [(groups, n) for groups, _, n in data]
    train = [(g, y) for groups, _ in pages for g, y in groups if y != -1 and g.cands]
    rtrain = [(g, y) for _, rgroups, _ in data for g, y in rgroups if y != -1 and g.cands]
    pair, none, none_bias = fit(train)
    rpair, rnone, rnone_bias = fit_reverse(rtrain)
    model = F.JoinModel(pair, none, none_bias, table, default, table2, 0.5, rpair, rnone, rnone_bias, (1.0, 0.0, 0.0),
                        opening)
    # the pairs both models scored, labelled: is this the join (groups of unknown truth left out)
    rows: list[tuple[float, float, int]] = []
    for groups, rgroups, _ in data:
        rp: dict[tuple[int, int], float] = {}
        for rg, y in rgroups:
            for (i, _, _), p in zip(rg.cands, model.rprobs(rg.tgt, [c[2] for c in rg.cands])):
                rp[(i, rg.target)] = p
        for g, y in groups:
            if y == -1 or not g.cands:
                continue
            for k, ((j, _, _), p) in enumerate(zip(g.cands, model.probs(g.src, [c[2] for c in g.cands]))):
                rows.append((p, rp.get((g.source, j), 0.0), int(y == k)))
    combine = fit_combine(rows)
    model = replace(model, combine=combine)
    # the threshold keeps the precision target on the first folder's pages (the synthetic ones: on heavy OCR
    # pages a lost full stop makes many paragraph ends unknowable, and their precision would set it alone)
    first = len(sorted(dirs[0].glob("[0-9][0-9][0-9].txt")))
    # set on the pages as they are, without the stray marks put in for learning
    plain = [page_groups(t, model) for t in txts[:first]] if STRAY_MARK else pages[:first]
    t, p, r = pick_threshold(plain, model)
    return {
        "about": "flow join model, learned by `python -m layoutfix.flowtrain` from "
                 f"{', '.join(names)} "
                 f"({len(txts)} pages, {len(train)} open blocks, {sum(y is not None for _, y in train)} with "
                 f"their continuation; {len(rtrain)} blocks that may continue one, "
                 f"{sum(y is not None for _, y in rtrain)} that do); at threshold {t}: precision {p:.3f}, "
                 f"recall {r:.3f} of the labelled joins of the first folder",
        "pair": {k: round(v, 4) for k, v in pair.items()},
        "none": {k: round(v, 4) for k, v in none.items()},
        "none_bias": round(none_bias, 4),
        "rpair": {k: round(v, 4) for k, v in rpair.items()},
        "rnone": {k: round(v, 4) for k, v in rnone.items()},
        "rnone_bias": round(rnone_bias, 4),
        "combine": [round(x, 4) for x in combine],
        "threshold": t,
        "start_default": default,
        "start": dict(sorted(table.items())),
        "start2": dict(sorted(table2.items())),
        "opening": dict(sorted(opening.items())),
    }


def _name(d: Path) -> str:
    return str(d.relative_to(ROOT)) if d.is_relative_to(ROOT) else str(d)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m layoutfix.flowtrain", description=__doc__.split("\n")[0])
    ap.add_argument("--tune", type=Path, action="append",
                    help="a folder of tuning pages (NNN.txt, NNN.json, NNN.defects.json); may be given again "
                         f"(default: {', '.join(_name(p) for p in DEFAULT_TUNE)}, unless --synth is given)")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / F.WEIGHTS_PATH)
    trainpages.add_arguments(ap)
    args = ap.parse_args(argv)
    dirs = tune_folders(ap, args, DEFAULT_TUNE, "join model")
    names = [_name(d) for d in dirs]
    with tempfile.TemporaryDirectory(prefix="flowtrain-") as tmp:
        if args.synth:  # the generated pages come first: they are the folder the threshold is set on
            try:
                dirs = [trainpages.build(args.synth, args.seed, args.days, Path(tmp), args.source)] + dirs
            except ValueError as e:
                ap.error(str(e))
            names = [trainpages.describe(args.synth, args.seed, args.days)] + names
        out = train(dirs, names)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in out.items())
    args.output.write_text("{\n" + body + "\n}\n", encoding="utf-8")
    print(out["about"])
    print(json.dumps({k: out[k] for k in ("pair", "none", "none_bias", "rpair", "rnone", "rnone_bias", "combine")},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
