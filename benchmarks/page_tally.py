"""The loop the page-by-page tallies share (`dedup_tally`, `ocr_loss_tally`, `title_tally`): clean each case's dump,
count what its report says, print its lines; and the command line of the last two."""
from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .corpora import Case, discover


def tally_pages(cases: Iterable[Case], report: Callable[[Case, Any], tuple[Counter, list[str]]],
                quiet: bool = False) -> Counter:
    """The sum of `report(case, page)` over the cases (the page as `layoutfix.clean` gives it), its lines printed."""
    import layoutfix

    total: Counter = Counter()
    for case in cases:
        page = layoutfix.clean(case.raw_bytes(), source=case.raw_path.name)
        t, lines = report(case, page)
        total.update(t)
        if not quiet:
            for line in lines:
                print(line)
    return total


def tally_cli(argv: Sequence[str] | None, doc: str, default_splits: str,
              report: Callable[[Case, Any], tuple[Counter, list[str]]], summary: Callable[[str, Counter], str],
              folder_cases: Callable[[Path], dict[str, list[Case]]], dir_help: str) -> dict[str, Counter]:
    """The command line `ocr_loss_tally` and `title_tally` share: `--splits` (tuning splits), `--dir` folders
    (`folder_cases` reads one), `--fresh-seed`, `--quiet`; each split's tally of `report` (on the page's dict) is
    summed over its pages and its `summary` printed."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--splits", default=default_splits, help="corpus splits (tuning splits only)")
    ap.add_argument("--dir", action="append", default=[], help=dir_help)
    ap.add_argument("--fresh-seed", type=int, default=2, help="seed of the fresh pages (not 1 or 3)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    families = tuple(s for s in args.splits.split(",") if s)
    splits = {k: v for k, v in discover(families, fresh_seed=args.fresh_seed).items() if v} if families else {}
    for d in args.dir:
        splits.update(folder_cases(Path(d)))
    totals = {name: tally_pages(cases, lambda case, page: report(case, page.to_dict()), args.quiet)
              for name, cases in splits.items()}
    for name, t in totals.items():
        print(summary(name, t))
    return totals
