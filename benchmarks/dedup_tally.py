"""Dedup's misses and wrong drops, page by page, against the defect logs (the tally behind issue 5's dedup row).

A MISS is a logged `duplicate` or `partial_repeat` no dedup Edit touches (neither its line nor the line it
copies: `metrics.dedup_tallies`' rule); a WRONG is a dedup Edit (not `doubled`) on a line no such defect names;
a LEAK is a gold noise line the output prints (`score.score_page`'s `noise_leaked`). Each is printed with its
shape, so the largest classes can be found; the summary line gives the counts.

    python -m benchmarks.dedup_tally --splits synthetic-tune,real_ocr-tune [--fresh-seed N ...] [--dir FOLDER ...] [--quiet]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

from .corpora import Case, _load_dir, discover
from .metrics import DEDUP_TYPES, dedup_tallies
from .page_tally import tally_pages
from .score import MIN_NOISE_LEN, body_text, content_form, score_page


def page_report(case: Case, edits: Sequence[Any], pred: dict[str, Any]) -> tuple[Counter, list[str]]:
    """The tallies of one page and a line for each miss, wrong drop and leak."""
    raw = case.raw_text().split("\n")
    defects = case.defects or []
    gold = [d for d in defects if d.get("type") in DEDUP_TYPES]
    dd = [e for e in edits if e.stage == "dedup" and e.kind != "doubled"]
    hit = {e.line for e in dd}
    named = {ln for d in gold for ln in (d["line"], d.get("of_line", d["line"]))}
    t = dedup_tallies(defects, edits)
    out: list[str] = []
    where = f"{case.split}/{case.name}"
    for d in gold:
        if d["line"] in hit or d.get("of_line", d["line"]) in hit:
            continue
        t["miss"] += 1
        line = raw[d["line"] - 1] if 0 < d["line"] <= len(raw) else ""
        of = raw[d["of_line"] - 1] if 0 < d.get("of_line", 0) <= len(raw) else ""
        out.append(f"MISS {where} {d['type']} line {d['line']} of {d.get('of_line')} off {d.get('offset')} "
                   f"raw={d.get('raw', '')[:40]!r}\n     line={line[:60]!r}\n     of  =…{of[-40:]!r}")
    for e in dd:
        if e.line not in named:
            t["wrong"] += 1
            out.append(f"WRONG {where} {e.kind} line {e.line} conf {e.confidence} {e.reason[:60]!r} "
                       f"text={(e.before or e.context)[:50]!r}")
    garts = case.gold.get("articles") or []
    gall = "".join(content_form(body_text(a)) for a in garts)
    pall = "".join(content_form(body_text(a)) for a in pred.get("articles") or [])
    for line in case.gold.get("noise") or []:
        c = content_form(line)
        if len(c) >= MIN_NOISE_LEN and c in pall and c not in gall:
            out.append(f"LEAK {where} {line[:60]!r}")
    s = score_page(case.gold, pred)
    t["noise_leaked"] += s["noise_leaked"]
    t["dups_left"] += s["dups_left"]
    return t, out


def run(cases: Iterable[Case], quiet: bool = False) -> Counter:
    return tally_pages((c for c in cases if c.defects is not None),
                       lambda case, page: page_report(case, page.edits, page.to_dict()), quiet)


def summary(name: str, t: Counter) -> str:
    return (f"{name}: gold {t['dedup_gold']} found {t['dedup_tp']} pred {t['dedup_pred']} miss {t['miss']} "
            f"wrong {t['wrong']} noise_leaked {t['noise_leaked']} dups_left {t['dups_left']}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="synthetic-tune,real_ocr-tune")
    ap.add_argument("--fresh-seed", type=int, action="append", default=[])
    ap.add_argument("--dir", action="append", default=[], help="a folder of NNN.txt, NNN.json, NNN.defects.json")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    families = tuple(s for s in args.splits.split(",") if s)
    rows: list[tuple[str, Counter]] = []
    for split, cases in discover(families).items():
        rows.append((split, run(cases, args.quiet)))
    for d in args.dir:
        rows.append((d, run(_load_dir(d, Path(d), Path(d), None), args.quiet)))
    for seed in args.fresh_seed:
        rows.append((f"fresh-{seed}", run(discover(("synthetic-fresh",), fresh_seed=seed)["synthetic-fresh"],
                                          args.quiet)))
    for name, t in rows:
        print(summary(name, t))
    print(summary("all", sum((t for _, t in rows), Counter())))


if __name__ == "__main__":
    main()
