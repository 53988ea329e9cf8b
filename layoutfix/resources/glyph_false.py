"""Every character correction the pipeline makes on generated pages that is no logged defect's fix, by rule (a
diagnostic, tuning data only; the twin of `glyph_misses`, which lists the misses).

    python -m layoutfix.resources.glyph_false DIR [DIR ...] [--list]

DIR holds pages with their gold and defect logs (`NNN.txt`, `NNN.json`, `NNN.defects.json`: the synthetic tuning
split, fresh pages, or `unseen_pages` output). A correction counts as the benchmark counts it
(`benchmarks.metrics.char_tallies`: a glyphs edit, or a dedup doubling, whose changed core is a logged defect's on
its line or its joined paragraph); the rest are wrong changes (`wrong_changes`). Each is put under the rule that made it (`rule_of`:
a look-alike over the bar or by the learned decision, a doubled character or unit, stray letters, a digit, dedup's
repeated phrase), and with `--list` printed with its reason and context, to be sorted by kind by eye (a name, a
newer word, a typo the gold keeps, a character two overlapping words share, ...).

Why (session 35): the precision issue's figures are on pages no fit has read; `unseen_pages` builds such pages and
this lists what went wrong on them, so the next guard can be chosen on one set and checked on another. Run it from
the checkout (it reads the benchmark's own scoring, which is not shipped with the package).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence


def rule_of(stage: str, kind: str, before: str, reason: str) -> str:
    """The rule behind a character correction, from its edit: the stage's kind, refined by what the reason says
    (a learned decision's look-alikes apart from those over the bar, a doubled unit apart from a character)."""
    if stage == "dedup":
        return "dedup repeat"
    if kind == "glyph" and reason.startswith("look-alike"):
        return "look-alike (learned)" if "learned p" in reason else "look-alike (bar)"
    if kind == "doubled":
        return "doubled character" if len(before) == 1 else "doubled unit"
    return kind


def wrong_changes(defects: Sequence[dict[str, Any]], edits: Iterable[Any]) -> list[Any]:
    """The character corrections among `edits` that fix no logged defect, as the benchmark scores them: each one
    whose leaving out keeps `metrics.char_tallies`' right count (taken out as found: of two alike fixes of one
    defect, one counts as wrong). Asked of the scorer itself, not of a copy of its matching."""
    from benchmarks import metrics

    kept = [e for e in edits if metrics.is_char_correction(e)]
    right = metrics.char_tallies(defects, kept)["char_tp"]
    wrong = []
    for e in list(kept):
        rest = [x for x in kept if x is not e]
        if metrics.char_tallies(defects, rest)["char_tp"] == right:
            wrong.append(e)
            kept = rest
    return wrong


def distinct_key(rule: str, before: str, after: str, context: str) -> tuple[str, str, str, str]:
    """What makes two wrong changes one: the same rule, change and context (an article printed on several pages of a
    set, or in several sets, repeats its wrong fixes; the unseen-text sets draw on 863 articles only, so they do)."""
    return rule, before, after, context.strip("…")


def tally(folder: Path, listing: bool = False) -> Counter:
    """Made and wrong character corrections by rule over the pages of `folder` (printing each wrong one with
    `listing`); ("distinct", rule) counts the wrong ones once per `distinct_key`."""
    import layoutfix
    from benchmarks import metrics

    out: Counter = Counter()
    seen: set[tuple[str, str, str, str]] = set()
    for txt in sorted(folder.glob("*.txt")):
        log = folder / f"{txt.stem}.defects.json"
        if not log.exists():
            continue
        defects = json.loads(log.read_text(encoding="utf-8"))
        page = layoutfix.clean(txt.read_bytes(), source=txt.name)
        for e in page.edits:
            if metrics.is_char_correction(e):
                out["made", rule_of(e.stage, e.kind, e.before, e.reason)] += 1
        for e in wrong_changes(defects, page.edits):
            rule = rule_of(e.stage, e.kind, e.before, e.reason)
            out["wrong", rule] += 1
            key = distinct_key(rule, e.before, e.after, e.context)
            if key not in seen:
                seen.add(key)
                out["distinct", rule] += 1
            if listing:
                print(f"{txt.stem}:{e.line}\t{rule}\t{e.before}->{e.after}\t{e.reason}\t{e.context}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m layoutfix.resources.glyph_false", description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="folders of pages with gold and defect logs")
    ap.add_argument("--list", action="store_true", help="print every wrong change with its reason and context")
    args = ap.parse_args(argv)
    for d in args.dirs:
        t = tally(d, args.list)
        rules = sorted({r for _, r in t})
        made, wrong = sum(t["made", r] for r in rules), sum(t["wrong", r] for r in rules)
        distinct = sum(t["distinct", r] for r in rules)
        print(f"{d}: {made - wrong} right of {made} made, {wrong} wrong ({distinct} distinct); wrong by rule: "
              + ", ".join(f"{r} {t['wrong', r]}/{t['made', r]}" for r in rules), file=sys.stderr if args.list else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
