"""Learn the weights of `segment`'s heading model (title of a new article, or subhead inside the one
before) from the tuning splits.

    python -m layoutfix.segtrain [--tune DIR]... [-o layoutfix/data/segment_weights.json]
    python -m layoutfix.segtrain --synth N --seed S [--days 0101-0112] [--tune DIR]... [-o FILE]

`--synth` learns from N pages generated now by `layoutfix.synth` from the tuning days (`layoutfix.trainpages`;
with no `--tune`, from them alone). Session 15 found no gain from them on held-out days (segment_weights.SOURCE.md).

By default the three TUNING folders are read: corpus/synthetic/tune and corpus/real_ocr_tune/{light,heavy}
(pages built from 1998-01-01..16; the real-OCR ones went through Tesseract, so the model also sees headings
as OCR prints them); the test splits are never used (each `--tune` replaces the defaults). Every page
goes through the pipeline up to `segment`; `segment.block_roles` lists each heading it has to decide
with its `HEADING_FEATURES`, and the page's gold labels it: a subhead when its text is one of the gold
paragraphs, a title when it is a section, kicker, headline or subheadline (others are left out). Two
rounds: the first with the decisions of `same_topic` (the context features depend on earlier decisions),
the second with the first round's model. A logistic regression over standardised features with an L2
penalty is fitted by Newton's method to its unique optimum (no numpy needed). The penalty and the decision
threshold are chosen by cross-validation over source days (`choose`: 10 folds; every page of one news day in
one fold, since the tuning folders print the same day's articles on several pages), never on the examples a
model was fitted on: choosing the threshold that decides the training examples themselves
right most often (the trainer up to session 8) followed single examples, since many cuts between 0.4 and 0.6
tie there, and one relabelled heading moved it from 0.60 to 0.42. Deterministic: the same pages give the
same file. Only the weights are written: no text of the corpus. With them goes `gap_prior`, the mean of `gap`
over the headings of the pages that print wide gaps: the value `gap` takes on a page that prints none.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import random
import re
import tempfile
from pathlib import Path
from typing import Sequence

from . import trainpages
from .config import DEFAULT
from .lm import load_lm
from .model import Page
from .pipeline import run_stages
from .stages.read import raw_lines
from .stages import segment as S

ROOT = Path(__file__).resolve().parents[1]
MATCH = 0.7  # a heading matches a gold paragraph or title field at this similarity (OCR look-alikes differ)
L2 = 0.01  # the penalty `fit` uses when none is given


def _norm(t: str) -> str:
    return re.sub(r"[\s，。、：；！？“”]", "", t)


def _best(t: str, cands: list[str]) -> float:
    return max((difflib.SequenceMatcher(None, t, c).ratio() for c in cands), default=0.0)


def examples(pages: list[tuple[Page, dict]], lm, model) -> list[tuple[dict[str, float], int]]:  # type: ignore[no-untyped-def]
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


L2_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)  # penalties tried by cross-validation (on standardised features)
CUTS = tuple(round(0.30 + 0.05 * i, 2) for i in range(9))  # thresholds tried: 0.30 .. 0.70
# Cuts whose smoothed out-of-fold count is within this many examples of the best are tied with it (`choose`
# takes the tied cut nearest 0.5): on the 232 headings of the
# tuning folders the counts from 0.35 to 0.60 lie within 2 of one another, and a cut 0.67 of an example ahead
# (0.40 over 0.45 and 0.50) is no evidence.
CUT_TIE = 1.0
FOLDS = 10  # cross-validation folds (by source day in `train`; page k in fold k % FOLDS by default)
# The cut's out-of-fold counts are the mean over this many deals of the source days into the folds (`day_folds`
# with seeds 0..REPEATS-1): on the session-18 tuning headings one deal's best cut ran from 0.30 to 0.50 as the
# seed changed (20 deals), so a count read off one deal followed the deal, not the headings.
REPEATS = 10


def _solve(a: list[list[float]], v: list[float]) -> list[float]:
    """x with a·x = v (Gaussian elimination with partial pivoting; `a` is small and positive definite)."""
    n = len(v)
    m = [row[:] + [v[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def fit(rows: list[tuple[dict[str, float], int]], l2: float = L2,
        keys: tuple[str, ...] | None = None) -> tuple[dict[str, float], float]:
    """Weights and bias of the logistic regression over `keys` (default `HEADING_FEATURES`) that minimises
    the mean log loss plus l2/2 times the squared weights of the standardised features (the bias is not
    penalised). Newton's method to convergence: the optimum is unique, so the answer does not depend on a
    step size or a number of steps."""
    keys = S.HEADING_FEATURES if keys is None else keys
    xs = [[f[k] for k in keys] for f, _ in rows]
    ys = [y for _, y in rows]
    n, d = len(xs), len(keys)
    mu = [sum(x[j] for x in xs) / n for j in range(d)]
    sd = [max(1e-6, math.sqrt(sum((x[j] - mu[j]) ** 2 for x in xs) / n)) for j in range(d)]
    zs = [[(x[j] - mu[j]) / sd[j] for j in range(d)] + [1.0] for x in xs]  # the last column is the bias

    def loss(w: list[float]) -> float:
        s = 0.0
        for z, y in zip(zs, ys):
            t = sum(a * c for a, c in zip(w, z))
            s += math.log1p(math.exp(-abs(t))) + max(t, 0.0) - y * t  # log(1 + e^t) - y t, stably
        return s / n + l2 / 2 * sum(a * a for a in w[:d])

    w = [0.0] * (d + 1)
    cur = loss(w)
    for _ in range(100):
        g = [l2 * w[j] for j in range(d)] + [0.0]
        h = [[(l2 if i == j and i < d else 0.0) + (1e-9 if i == j else 0.0) for j in range(d + 1)] for i in range(d + 1)]
        for z, y in zip(zs, ys):
            p = _sigmoid(sum(a * c for a, c in zip(w, z)))
            e, s = (p - y) / n, p * (1 - p) / n
            for i in range(d + 1):
                g[i] += e * z[i]
                if s:
                    si = s * z[i]
                    hi = h[i]
                    for j in range(i + 1):
                        hi[j] += si * z[j]
        for i in range(d + 1):
            for j in range(i):
                h[j][i] = h[i][j]
        step = _solve(h, g)
        t = 1.0
        while True:  # halve the step until the loss does not rise (Newton's full step almost always does)
            nw = [a - t * b for a, b in zip(w, step)]
            new = loss(nw)
            if new <= cur or t < 1e-6:
                break
            t /= 2
        w, done = nw, cur - new < 1e-12
        cur = new
        if done:
            break
    weights = {k: w[j] / sd[j] for j, k in enumerate(keys)}
    return weights, w[d] - sum(w[j] * mu[j] / sd[j] for j in range(d))


def out_of_fold(pages: list[list[tuple[dict[str, float], int]]], l2: float,
                keys: tuple[str, ...] | None = None, folds: list[int] | None = None) -> list[tuple[float, int]]:
    """(probability, label) of every example, each from a model fitted without its page's fold
    (`folds[i]` is page i's fold; default: page i goes to fold i % FOLDS)."""
    fold = folds if folds is not None else [i % FOLDS for i in range(len(pages))]
    out = []
    for k in range(FOLDS):
        train_rows = [r for i, rows in enumerate(pages) if fold[i] != k for r in rows]
        held = [r for i, rows in enumerate(pages) if fold[i] == k for r in rows]
        if not held or len({y for _, y in train_rows}) < 2:
            continue
        weights, bias = fit(train_rows, l2, keys)
        model = S.HeadingModel(weights, bias, 0.5)
        out += [(model.probability(f), y) for f, y in held]
    return out


def log_loss(ps: list[tuple[float, int]]) -> float:
    return -sum(math.log(max(1e-12, p if y else 1.0 - p)) for p, y in ps) / max(1, len(ps))


def choose(pages: list[list[tuple[dict[str, float], int]]],
           keys: tuple[str, ...] | None = None,
           folds: list[int] | list[list[int]] | None = None) -> tuple[float, float, float, int]:
    """(penalty, threshold, right, decided) chosen by cross-validation over pages, never on the examples a
    model was fitted on. `folds` is one fold per page, or several such deals (`train` passes `REPEATS` deals of
    the source days); default: page i in fold i % FOLDS. The penalty of `L2_GRID` with the least out-of-fold log
    loss on the first deal (a smooth measure: on the session-18 headings 0.01 had the least on each of 5 deals),
    then the cut of `CUTS` whose out-of-fold decisions are right most often, counted as the mean over the deals
    and together with each cut's two neighbours (so no cut wins for one example sitting just above it); every
    cut whose smoothed count is within `CUT_TIE` examples of the best counts as tied with it, and of the tied cuts
    the one nearest 0.5 is taken, where a title and a subhead are equally likely to the fitted model. (Session 11
    to 17 broke a tie by the fully fitted model's own count, and session 17 then by one deal's smoothed count:
    on the session-18 headings, dropping or relabelling one of the 12 headings with a fitted p of 0.35-0.60 moved
    that choice off 0.50 in 17 of 24 cases; by the mean over deals and nearness to 0.5 alone, in 1 of 24.)
    `right` is the chosen cut's mean out-of-fold count."""
    n = len(pages)
    deals: list[list[int]] = ([[i % FOLDS for i in range(n)]] if folds is None
                              else [list(f) for f in folds] if folds and isinstance(folds[0], list)
                              else [list(folds)])  # type: ignore[arg-type]
    oof = {c: out_of_fold(pages, c, keys, deals[0]) for c in L2_GRID}
    l2 = min(L2_GRID, key=lambda c: (round(log_loss(oof[c]), 9), -c))
    runs = [oof[l2]] + [out_of_fold(pages, l2, keys, f) for f in deals[1:]]
    right = [sum(sum((p >= c) == bool(y) for p, y in ps) for ps in runs) / len(runs) for c in CUTS]
    smooth = [sum(right[max(0, i - 1):i + 2]) / len(right[max(0, i - 1):i + 2]) for i in range(len(CUTS))]
    best = max(smooth)
    tied = [i for i in range(len(CUTS)) if smooth[i] >= best - CUT_TIE - 1e-9]
    i = min(tied, key=lambda i: (abs(CUTS[i] - 0.5), CUTS[i]))
    return l2, CUTS[i], round(right[i], 1), len(runs[0])


def gap_prior(per_page: list[list[tuple[dict[str, float], int]]], wide: list[bool]) -> float:
    """The mean of `gap` over the headings of the pages that print wide gaps (`wide[i]`: page i does): what the
    model takes for `gap` on a page that prints none, where the blank lines give no evidence either way."""
    gaps = [f["gap"] for rows, w in zip(per_page, wide) if w for f, _ in rows]
    return round(sum(gaps) / len(gaps), 4) if gaps else 0.0


def source_days(tune: Path) -> dict[str, str]:
    """{page stem: the news day its articles came from}, read from the split's index beside the folder
    (`tune.index.json` of corpus/synthetic, `index.json` of corpus/real_ocr_tune with `light/NNN` names)."""
    for index in (tune.parent / f"{tune.name}.index.json", tune.parent / "index.json"):
        if not index.exists():
            continue
        days = {}
        for e in json.loads(index.read_text(encoding="utf-8")):
            sub, _, stem = str(e.get("name", "")).rpartition("/")
            if (not sub or sub == tune.name) and e.get("date"):
                days[stem] = str(e["date"])
        if days:
            return days
    return {}


def day_folds(keys: list[str], seed: int = 0) -> list[int]:
    """A fold per page such that all pages of one source day share a fold: the days in order dealt in turn
    (seed 0), or shuffled by `random.Random(seed)` first (the other deals `choose` averages over).

    The tuning folders reuse articles: a synthetic page and a real-OCR page (or two synthetic pages) of the
    same day often carry the same articles and headings, so pages dealt in turn would put a heading in
    training and its twin in the held-out fold, and the cross-validated figures would flatter the model.
    A page with no known day is its own group."""
    order = sorted(set(keys))
    if seed:
        random.Random(seed).shuffle(order)
    index = {k: n for n, k in enumerate(order)}
    return [index[k] % FOLDS for k in keys]


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



def tune_folders(ap: argparse.ArgumentParser, args: argparse.Namespace, default: Sequence[Path], model: str) -> list[Path]:
    """The folders a trainer reads: `--tune` as given, else `default` unless `--synth` generates the pages;
    a test split among them is refused with a usage error (both trainers share this)."""
    dirs = list(args.tune or ([] if args.synth else default))
    for d in dirs:
        if held_out(d):
            ap.error(f"{d} is a test split: the {model} is never trained on it")
    return dirs

def train(tunes: Path | list[Path], names: list[str] | None = None) -> dict:
    """The weights file's content, learned from the pages of `tunes` (named `names` in its note; default
    each folder's parent/name)."""
    tunes = [tunes] if isinstance(tunes, Path) else list(tunes)
    names = names if names is not None else [t.parent.name + "/" + t.name for t in tunes]
    for tune in tunes:
        if held_out(tune):
            raise ValueError(f"{tune} is a test split: the heading model is never trained on it")
    lm = S.PageLM(load_lm(DEFAULT.lm_path))
    pages = []
    days = {tune: source_days(tune) for tune in tunes}
    groups = [days[tune].get(t.stem, str(t)) for tune in tunes for t in sorted(tune.glob("[0-9][0-9][0-9].txt"))]
    folds = [day_folds(groups, seed) for seed in range(REPEATS)]
    for txt in [t for tune in tunes for t in sorted(tune.glob("[0-9][0-9][0-9].txt"))]:
        page = None
        for name, p, _ in run_stages(txt.read_bytes(), DEFAULT, txt.name):
            if name == "glyphs":
                page = p
        if page is None:  # (run_stages yields every stage of DEFAULT, glyphs the last)
            raise ValueError(f"{txt}: no page after the glyphs stage")
        pages.append((page, json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))))
    model: S.HeadingModel | None = None
    wide = [S.wide_gaps(raw_lines(page.raw)) for page, _ in pages]
    for _ in range(2):
        per_page = [examples([pg], lm, model) for pg in pages]
        rows = [r for page_rows in per_page for r in page_rows]
        if not rows:
            raise ValueError(f"no heading to learn from in {', '.join(map(str, tunes))} ({len(pages)} pages with gold .json):"
                             " nothing to train on")
        l2, cut, cv_right, cv_n = choose(per_page, folds=folds)
        weights, bias = fit(rows, l2)
        model = S.HeadingModel(weights, bias, cut, gap_prior(per_page, wide))
    assert model is not None  # (the loop above ran: two rounds)
    right = sum((model.probability(f) >= model.threshold) == bool(y) for f, y in rows)
    return {"features": list(S.HEADING_FEATURES), "weights": {k: round(v, 4) for k, v in model.weights.items()},
            "bias": round(model.bias, 4), "threshold": model.threshold, "l2": l2, "gap_prior": model.gap_prior,
            "trained_on": f"{' + '.join(names)}: {len(pages)} pages, {len(rows)} headings ({sum(y for _, y in rows)} subheads), "
                          f"{right} decided right; {FOLDS}-fold cross-validation by source day, mean of {REPEATS} deals: {cv_right} of {cv_n} right"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", type=Path, action="append",
                    help="a tuning folder of pages with gold (repeatable; default: the three tuning folders)")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "data" / "segment_weights.json")
    trainpages.add_arguments(ap)
    args = ap.parse_args(argv)
    tunes = tune_folders(ap, args, TUNE_DIRS, "heading model")
    names = [t.parent.name + "/" + t.name for t in tunes]
    with tempfile.TemporaryDirectory(prefix="segtrain-") as tmp:
        try:
            if args.synth:
                tunes = [trainpages.build(args.synth, args.seed, args.days, Path(tmp), args.source)] + tunes
                names = [trainpages.describe(args.synth, args.seed, args.days)] + names
            data = train(tunes, names)
        except ValueError as e:
            ap.error(str(e))
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(data["trained_on"], "->", args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
