"""Build the synthetic corpus: ``python -m layoutfix.synth --source articles.jsonl --out corpus/synthetic``.

Tuning pages come from the first days of the source (1998-01-01..16), test pages
from the last days present (1998-01-17..24); the two never share a day, a name
list or a kicker list. Each page NNN gets NNN.txt (the dump), NNN.json (gold) and
NNN.defects.json (one defect object per line of the JSON list).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from .compose import compose_page
from .defects import Confusion, DefectRates
from .source import build_vocab, cap_item, chunk_page, convert, harvest_names, load_records, pages_of

SPLITS = {"tune": ("19980101", "19980116"), "test": ("19980117", "19980124")}
# ../shared beside the clone, as the benchmarks find it; only read when out/confusion.json is missing
DEFAULT_FASPELL = str(Path(__file__).resolve().parents[3] / "shared" / "data" / "faspell" / "ocr_train_3575.txt")


def dump_defects(defects: list[dict]) -> str:
    """A JSON list with one defect per line: small, greppable and diff-friendly."""
    return "[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in defects) + "\n]\n"


def load_confusion(out: Path, faspell: str | None) -> Confusion | None:
    """The glyph table: out/confusion.json, learned from the FASpell *train* file when missing."""
    path = out / "confusion.json"
    if path.exists():
        return Confusion.load(path)
    if faspell and Path(faspell).exists():
        conf = Confusion.learn(Path(faspell).read_text(encoding="utf-8").splitlines())
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(conf.to_json() + "\n", encoding="utf-8")
        return conf
    print("warning: no confusion table; glyph defects are off", file=sys.stderr)
    return None


def day_range(split: str, days: str | None) -> tuple[str, str]:
    """The split's first and last day (YYYYMMDD), narrowed by `days` ('MMDD-MMDD' or 'YYYYMMDD-YYYYMMDD').

    A narrower range lets one split be cut by day (train on some tuning days, validate on the others, so the
    held-out pages share no article with the training ones); a range reaching outside the split is refused.
    """
    first, last = SPLITS[split]
    if days is None:
        return first, last
    lo, _, hi = days.partition("-")
    lo, hi = (v if len(v) == 8 else first[:4] + v for v in (lo, hi or lo))
    if not (lo.isdigit() and hi.isdigit() and len(lo) == len(hi) == 8):
        raise ValueError(f"days {days!r}: give MMDD-MMDD or YYYYMMDD-YYYYMMDD")
    if not first <= lo <= hi <= last:
        raise ValueError(f"days {days!r} are not inside the {split} days {first}..{last}")
    return lo, hi


def build_split(records: list[dict], split: str, n_pages: int, out: Path, seed: int,
                rates: DefectRates, confusion: Confusion | None, days: str | None = None) -> list[dict]:
    first, last = day_range(split, days)
    recs = [r for r in records if first <= r["date"] <= last]
    known = harvest_names(recs)
    vocab = build_vocab(recs)
    real = pages_of(recs, first, last)
    rng = random.Random(f"{seed}:{split}:layout")
    pool: list[tuple[tuple[str, int], list[dict]]] = []
    rounds = 0
    keys = list(real)
    while len(pool) < n_pages and rounds < 20:
        for ki, key in enumerate(keys):
            items = [cap_item(it, rng) for r in real[key] for it in convert(r, known)]
            # a thin page borrows the next pages of the same day, as a page of 6+ items would
            nk = ki + 1
            while len(items) < 8 and nk < len(keys) and keys[nk][0] == key[0]:
                items += [cap_item(it, rng) for r in real[keys[nk]] for it in convert(r, known)]
                nk += 1
            if rounds:  # later rounds start elsewhere on the page so runs differ
                k = rng.randrange(len(items)) if items else 0
                items = items[k:] + items[:k]
            for run in chunk_page(items, rng):
                pool.append((key, run))
        rounds += 1
    rng.shuffle(pool)
    pool = sorted(pool[:n_pages], key=lambda p: p[0])
    if len(pool) < n_pages:
        print(f"warning: {split}: only {len(pool)} page runs of 5+ items and 3,000+ characters", file=sys.stderr)
    d = out / split
    d.mkdir(parents=True, exist_ok=True)
    index = []
    for n, ((date, page_no), run) in enumerate(pool):
        name = f"{n:03d}"
        prng = random.Random(f"{seed}:{split}:{name}")
        page_rates = rates.scaled(prng.uniform(0.6, 1.8))
        raw, gold, defects = compose_page(run, prng, page_rates, confusion=confusion, vocab=vocab,
                                          info={"source": f"{name}.txt", "date": date, "page": page_no})
        (d / f"{name}.txt").write_text(raw, encoding="utf-8")
        (d / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (d / f"{name}.defects.json").write_text(dump_defects(defects), encoding="utf-8")
        index.append({"name": name, "date": date, "page": page_no,
                      "docs": sorted({it["_doc"] for it in run if it.get("_doc")}),
                      "articles": len(gold["articles"]), "defects": len(defects), "bytes": len(raw.encode())})
    # beside the split folder, not in it: a folder of gold files must hold only NNN.json and NNN.defects.json
    (out / f"{split}.index.json").write_text(dump_defects(index), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m layoutfix.synth", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help="articles.jsonl (one article per line)")
    ap.add_argument("--out", required=True, help="output folder, e.g. corpus/synthetic")
    ap.add_argument("--pages-tune", type=int, default=120)
    ap.add_argument("--pages-test", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", help="only these days of each split built, MMDD-MMDD (e.g. 0113-0116: tuning days "
                                   "held out from a model fitted on 0101-0112); must lie inside the split's days")
    ap.add_argument("--faspell", default=DEFAULT_FASPELL,
                    help="FASpell OCR train pairs, used once to learn out/confusion.json (never the test file)")
    args = ap.parse_args(argv)
    if args.faspell and "test" in Path(args.faspell).name:
        ap.error("the FASpell test file must not be used")
    for split, n in (("tune", args.pages_tune), ("test", args.pages_test)):
        if n:
            try:
                day_range(split, args.days)
            except ValueError as e:
                ap.error(str(e))
    out = Path(args.out)
    records = load_records(args.source)
    confusion = load_confusion(out, args.faspell)
    rates = DefectRates()
    for split, n in (("tune", args.pages_tune), ("test", args.pages_test)):
        if n:
            idx = build_split(records, split, n, out, args.seed, rates, confusion, args.days)
            print(f"{split}: {len(idx)} pages, {sum(i['bytes'] for i in idx) // 1024} KB, "
                  f"{sum(i['defects'] for i in idx)} defects", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
