"""Why titles miss: each gold article whose title (kicker + headline + subheadline, content form) the output does not
print exactly, with the kind of miss.

The scorer's `title_exact` counts a title right only when the article's partner (the official greedy pairing) prints
the same kicker, headline and subheadline run together. A miss is one of:

    UNPAIRED      the article has no partner at all (merged into a neighbour, or lost);
    GOLD_UNTITLED the gold has no title and the partner prints one;
    NO_TITLE      the partner prints no title;
    PART          the partner prints part of the gold title (a kicker or subheadline lost to the body);
    EXTRA_KICKER, EXTRA_HEADLINE, EXTRA_SUBHEADLINE
                  the partner prints the whole gold title and more, in that field (a deck line, a cut paragraph's
                  foot or a label run into the title);
    OTHER         anything else (another article's title, a field split elsewhere).

    python -m benchmarks.title_tally [--splits synthetic-tune,real_ocr-tune] [--fresh-seed N] [--dir FOLDER] [--quiet]

Tuning splits only: the test splits are for reporting (`python -m benchmarks`), never for reading misses.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from .corpora import Case, _load_dir
from .page_tally import tally_cli
from .score import content_form, pair_articles, title_text

FIELDS = ("kicker", "headline", "subheadline")
CLASSES = ("UNPAIRED", "GOLD_UNTITLED", "NO_TITLE", "PART", "EXTRA_KICKER", "EXTRA_HEADLINE", "EXTRA_SUBHEADLINE",
           "OTHER")


def title_miss(gold: dict[str, Any], pred: dict[str, Any] | None) -> str | None:
    """The kind of miss of one gold article's title against its partner (None: printed exactly)."""
    if pred is None:
        return "UNPAIRED"
    g, p = content_form(title_text(gold)), content_form(title_text(pred))
    if g == p:
        return None
    if not g:
        return "GOLD_UNTITLED"
    if not p:
        return "NO_TITLE"
    if p in g:
        return "PART"
    if g in p:
        extra = [f for f in FIELDS if pred.get(f) and content_form(pred[f]) not in g]
        return f"EXTRA_{extra[0].upper()}" if len(extra) == 1 else "OTHER"
    return "OTHER"


def page_report(case: Case, pred: dict[str, Any]) -> tuple[Counter, list[str]]:
    """Counts of title misses by kind on one page, and a line for each."""
    garts, parts = case.gold.get("articles") or [], pred.get("articles") or []
    t: Counter = Counter(titles=len(garts))
    out: list[str] = []
    for i, (j, _sim) in enumerate(pair_articles(garts, parts)):
        partner = parts[j] if j is not None else None
        kind = title_miss(garts[i], partner)
        if kind is None:
            t["exact"] += 1
            continue
        t[kind] += 1
        shown = {f: garts[i].get(f) for f in FIELDS if garts[i].get(f)}
        got = {f: partner.get(f) for f in FIELDS if partner and partner.get(f)}
        out.append(f"{kind:17s} {case.split}/{case.name} g{i} gold {shown} | pred {got}")
    return t, out


def summary(name: str, t: Counter) -> str:
    misses = " ".join(f"{c.lower()} {t[c]}" for c in CLASSES if t[c])
    return f"{name}: titles exact {t['exact']}/{t['titles']}; misses: {misses}"


def _folder_cases(folder: Path) -> dict[str, list[Case]]:
    return {folder.name: _load_dir(folder.name, folder, folder, None)}


def main(argv: Sequence[str] | None = None) -> None:
    tally_cli(argv, __doc__ or "", "synthetic-tune", page_report, summary, _folder_cases,
              "a folder of NNN.txt with NNN.json gold")


if __name__ == "__main__":
    main()
