"""Learn the weights of `segment`'s heading model (title of a new article, or subhead inside the one
before) from the tuning splits.

    python -m layoutfix.segtrain [--tune DIR]... [-o layoutfix/data/segment_weights.json]

By default the three TUNING folders are read: corpus/synthetic/tune and corpus/real_ocr_tune/{light,heavy}
(pages built from 1998-01-01..16; the real-OCR ones went through Tesseract, so the model also sees headings
as OCR prints them); the test splits are never used (each `--tune` replaces the defaults). Every page
goes through the pipeline up to `segment`; `segment.block_roles` lists each heading it has to decide
with its `HEADING_FEATURES`, and the page's gold labels it: a subhead when its text is one of the gold
paragraphs, a title when it is a section, kicker, headline or subheadline (others are left out). Two
rounds: the first with the decisions of `same_topic` (the context features depend on earlier decisions),
the second with the first round's model. A logistic regression (plain gradient descent on standardised
features with a small L2 penalty; no numpy needed) is fitted, and the threshold is the one that makes the
most right decisions. Only the weights are written: no text of the corpus.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import re
from pathlib import Path

from .config import DEFAULT
from .lm import load_lm
from .pipeline import run_stages
from .stages import segment as S

ROOT = Path(__file__).resolve().parents[1]
MATCH = 0.7  # a heading matches a gold paragraph or title field at this similarity (OCR look-alikes differ)
L2 = 0.01


def _norm(t: str) -> str:
    return re.sub(r"[\s，。、：；！？“”]", "", t)


def _best(t: str, cands: list[str]) -> float:
    return max((difflib.SequenceMatcher(None, t, c).ratio() for c in cands), default=0.0)


def examples(pages: list[tuple[object, dict]], lm, model) -> list[tuple[dict[str, float], int]]:  # type: ignore[no-untyped-def]
    """(features, 1 for a subhead / 0 for a title) of every decided heading on these pages."""
    out = []
    for page, gold in pages:
        log: list[S.HeadingDecision] = []
        blocks, _, _ = S.prepare(page, lm, [], log, model=model, features=True)  # the blocks `segment` sees
        paras, titles = [], []
        for a in gold.get("articles") or []:
            paras += [_norm(p) for p in a.get("paragraphs") or [] if len(p) <= 60]
            titles += [_norm(a[f]) for f in ("section", "kicker", "headline", "subheadline") if a.get(f)]
        for d in log:
            if not d.features:
                continue
            t = _norm(blocks[d.index].text)
            ps, ts = _best(t, paras), _best(t, titles)
            if ps > ts and ps > MATCH:
                out.append((d.features, 1))
            elif ts > MATCH:
                out.append((d.features, 0))
    return out


def fit(rows: list[tuple[dict[str, float], int]], steps: int = 2000, rate: float = 0.5) -> tuple[dict[str, float], float]:
    keys = S.HEADING_FEATURES
    xs = [[f[k] for k in keys] for f, _ in rows]
    ys = [y for _, y in rows]
    n = len(keys)
    mu = [sum(x[j] for x in xs) / len(xs) for j in range(n)]
    sd = [max(1e-6, math.sqrt(sum((x[j] - mu[j]) ** 2 for x in xs) / len(xs))) for j in range(n)]
    zs = [[(x[j] - mu[j]) / sd[j] for j in range(n)] for x in xs]
    w, b = [0.0] * n, 0.0
    for _ in range(steps):
        g, gb = [0.0] * n, 0.0
        for z, y in zip(zs, ys):
            e = 1.0 / (1.0 + math.exp(-(b + sum(a * c for a, c in zip(w, z))))) - y
            for j in range(n):
                g[j] += e * z[j]
            gb += e
        w = [w[j] - rate * (g[j] / len(zs) + L2 * w[j]) for j in range(n)]
        b -= rate * gb / len(zs)
    weights = {k: w[j] / sd[j] for j, k in enumerate(keys)}
    return weights, b - sum(w[j] * mu[j] / sd[j] for j in range(n))


def best_threshold(model: S.HeadingModel, rows: list[tuple[dict[str, float], int]]) -> float:
    ps = sorted((model.probability(f), y) for f, y in rows)
    best, at = -1, 0.5
    for cut in [0.5] + [p for p, _ in ps]:
        right = sum((p >= cut) == bool(y) for p, y in ps)
        if right > best or (right == best and abs(cut - 0.5) < abs(at - 0.5)):
            best, at = right, cut
    return at


def held_out(path: Path) -> bool:
    """Whether `path` (resolved, so '..' and links count as where they lead) is or lies under a measuring
    split: corpus/synthetic/test or corpus/real_ocr/ (corpus/real_ocr_tune is a tuning split)."""
    parts = path.resolve().parts
    for i in range(len(parts) - 1):
        if parts[i] == "corpus" and (parts[i + 1] == "real_ocr" or parts[i + 1:i + 3] == ("synthetic", "test")):
            return True
    return path.resolve().name == "test"


TUNE_DIRS = (ROOT / "corpus" / "synthetic" / "tune", ROOT / "corpus" / "real_ocr_tune" / "light",
             ROOT / "corpus" / "real_ocr_tune" / "heavy")


def train(tunes: Path | list[Path]) -> dict:
    tunes = [tunes] if isinstance(tunes, Path) else list(tunes)
    for tune in tunes:
        if held_out(tune):
            raise ValueError(f"{tune} is a test split: the heading model is never trained on it")
    lm = S.PageLM(load_lm(DEFAULT.lm_path))
    pages = []
    for txt in [t for tune in tunes for t in sorted(tune.glob("[0-9][0-9][0-9].txt"))]:
        page = None
        for name, p, _ in run_stages(txt.read_bytes(), DEFAULT, txt.name):
            if name == "glyphs":
                page = p
        pages.append((page, json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))))
    model: S.HeadingModel | None = None
    for _ in range(2):
        rows = examples(pages, lm, model)
        if not rows:
            raise ValueError(f"no heading to learn from in {', '.join(map(str, tunes))} ({len(pages)} pages with gold .json):"
                             " nothing to train on")
        weights, bias = fit(rows)
        model = S.HeadingModel(weights, bias, 0.5)
        model = S.HeadingModel(weights, bias, best_threshold(model, rows))
    right = sum((model.probability(f) >= model.threshold) == bool(y) for f, y in rows)
    return {"features": list(S.HEADING_FEATURES), "weights": {k: round(v, 4) for k, v in model.weights.items()},
            "bias": round(model.bias, 4), "threshold": round(model.threshold, 4),
            "trained_on": f"{' + '.join(t.parent.name + '/' + t.name for t in tunes)}: {len(pages)} pages, {len(rows)} headings ({sum(y for _, y in rows)} subheads), "
                          f"{right} decided right"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, action="append",
                    help="a tuning folder of pages with gold (repeatable; default: the three tuning folders)")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "data" / "segment_weights.json")
    args = ap.parse_args(argv)
    tunes = args.tune or list(TUNE_DIRS)
    for tune in tunes:
        if held_out(tune):
            ap.error(f"{tune} is a test split: the heading model is never trained on it")
    try:
        data = train(tunes)
    except ValueError as e:
        ap.error(str(e))
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(data["trained_on"], "->", args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
