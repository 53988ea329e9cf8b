"""Learn the weights of the `flow` join model from the synthetic tuning split.

    python -m layoutfix.flowtrain [--tune corpus/synthetic/tune] [-o layoutfix/data/flow_weights.json]

Only the TUNING split is read (pages built from 1998-01-01..16); the test split is never used. For
every page the dump goes through `read` and `normalize`, `flow.candidates` lists every (open block,
later block) pair with its features, and a pair is labelled a join when the page's defect log has a
`cut`/`interleave`/`splice` entry from the source block's last line to the target block's first line
(a join starting or ending inside a line, i.e. a splice, is left out of training: the block model
cannot express it).

Two things are learned:
- the paragraph-start table: log P(first character of a gold paragraph or caption) / P(character in
  running text), from the tuning pages' gold; a block opening with 的 or 和 rarely starts a paragraph;
- a logistic regression over `flow.FEATURES` (plain stochastic gradient descent on standardised
  features with a small L2 penalty; no numpy needed). The threshold is the lowest join probability
  at which the greedy assignment still keeps precision >= TARGET_PRECISION on the tuning pages.

Only the weights are written: no text of the corpus.
"""
from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path

from .config import Config
from .lm import load_lm
from .stages import flow as F
from .stages.normalize import normalize
from .stages.read import read

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


def page_groups(txt: Path, model: F.JoinModel) -> tuple[list[tuple[F.Group, int | None]], int]:
    """The page's open blocks with their candidates and the index of the true continuation
    (None: no continuation; groups touched by a splice are left out), and the number of gold joins."""
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
    blocks = page.blocks
    out: list[tuple[F.Group, int | None]] = []
    for g in F.candidates(page, load_lm(config.lm_path), config, model):
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
    return out, len(joins)


def _standardise(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    n = len(rows) or 1
    d = len(rows[0]) if rows else 0
    mu = [sum(r[k] for r in rows) / n for k in range(d)]
    sd = [math.sqrt(sum((r[k] - mu[k]) ** 2 for r in rows) / n) for k in range(d)]
    sd = [max(x, 0.1) if x > 0 else 1.0 for x in sd]  # a rare feature: larger steps, but no huge raw weight
    return mu, sd


def fit(groups: list[tuple[F.Group, int | None]], epochs: int = 100, l2: float = 1e-3,
        seed: int = 1) -> tuple[dict[str, float], dict[str, float], float]:
    """Conditional logit by SGD on standardised features; returns raw-scale pair and none weights."""
    P, S = F.PAIR_FEATURES, F.SOURCE_FEATURES
    data = [([list(f) for _, _, f in g.cands], [g.src[k] for k in S], y) for g, y in groups]
    pm, ps = _standardise([r for xs, _, _ in data for r in xs])
    sm, ss = _standardise([s for _, s, _ in data])
    data = [([[(r[k] - pm[k]) / ps[k] for k in range(len(P))] for r in xs],
             [(s[k] - sm[k]) / ss[k] for k in range(len(S))], y) for xs, s, y in data]
    w = [0.0] * len(P)
    v = [0.0] * len(S)
    b = 0.0
    rng = random.Random(seed)
    order = list(range(len(data)))
    for ep in range(epochs):
        rng.shuffle(order)
        lr = 0.1 / (1 + ep * 0.05)
        for idx in order:
            xs, sv, y = data[idx]
            zs = [sum(wk * xk for wk, xk in zip(w, x)) for x in xs]
            z0 = b + sum(vk * sk for vk, sk in zip(v, sv))
            m = max(zs + [z0])
            es = [math.exp(z - m) for z in zs]
            e0 = math.exp(z0 - m)
            tot = sum(es) + e0
            # gradient of -log P(y)
            for k in range(len(P)):
                g = sum(e / tot * x[k] for e, x in zip(es, xs)) - (xs[y][k] if y is not None else 0.0)
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


def pick_threshold(pages: list[tuple[list[tuple[F.Group, int | None]], int]], model: F.JoinModel) -> tuple[float, float, float]:
    """Lowest threshold whose greedy assignment keeps precision >= TARGET_PRECISION on the labelled groups."""
    best = (0.99, 0.0, 0.0)
    for t in [k / 100 for k in range(99, 4, -1)]:
        tp = pred = gold = 0
        for groups, _ in pages:
            cands = F.scored([g for g, _ in groups], model)
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m layoutfix.flowtrain", description=__doc__.split("\n")[0])
    ap.add_argument("--tune", type=Path, default=ROOT / "corpus" / "synthetic" / "tune")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / F.WEIGHTS_PATH)
    args = ap.parse_args(argv)
    txts = sorted(args.tune.glob("[0-9][0-9][0-9].txt"))
    golds = [json.loads(t.with_suffix(".json").read_text(encoding="utf-8")) for t in txts]
    table, default = start_table(golds)
    table2, _ = start_table(golds, min_count=20, width=2)
    table2 = {k: v for k, v in table2.items() if abs(v) >= 1.0}
    model = F.JoinModel({}, {}, 0.0, table, default, table2, 0.5)
    pages = [page_groups(t, model) for t in txts]
    train = [(g, y) for groups, _ in pages for g, y in groups if y != -1 and g.cands]
    pair, none, none_bias = fit(train)
    model = F.JoinModel(pair, none, none_bias, table, default, table2, 0.5)
    t, p, r = pick_threshold(pages, model)
    out = {
        "about": "flow join model, learned by `python -m layoutfix.flowtrain` from corpus/synthetic/tune "
                 f"({len(txts)} pages, {len(train)} open blocks, {sum(y is not None for _, y in train)} with "
                 f"their continuation); at threshold {t}: precision {p:.3f}, recall {r:.3f} of the labelled joins",
        "pair": {k: round(v, 4) for k, v in pair.items()},
        "none": {k: round(v, 4) for k, v in none.items()},
        "none_bias": round(none_bias, 4),
        "threshold": t,
        "start_default": default,
        "start": dict(sorted(table.items())),
        "start2": dict(sorted(table2.items())),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in out.items())
    args.output.write_text("{\n" + body + "\n}\n", encoding="utf-8")
    print(out["about"])
    print(json.dumps({"pair": out["pair"], "none": out["none"], "none_bias": out["none_bias"]}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
