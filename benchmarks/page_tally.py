"""The loop the page-by-page tallies share (`dedup_tally`, `ocr_loss_tally`): clean each case's dump, count what
its report says, print its lines."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from .corpora import Case


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
