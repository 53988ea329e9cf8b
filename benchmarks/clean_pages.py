"""Clean People's Daily articles of the TEST days printed as page dumps, through the whole pipeline: what it
takes away from text that has nothing to repair.

The glyph row 'clean sentences changed' judges one stage on sentences; this judges every stage on pages
(an outside review found dedup dropping list items, refrains and restated clauses from clean news). Each
article is one dump, its paragraphs as printed with a blank line between. Counted: characters dedup removed
(`doubled`, `duplicate`), characters classed as noise (by any stage) and, among them, those dedup sent there (a
garbled repeat, a clause printed again: its `to_noise` edits; review17a found the row put them all down to
segment's picture titles and one-word lines), characters the glyph stage changed,
each per 10,000 characters of input, and the pages with any of them. Report only: test days are never tuned on.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from .corpora import shared_dir

MIN_CHARS = 100  # an article shorter than this (a brief, a photo note) makes no page


def clean_pages(records: Sequence[dict[str, Any]], first: str, last: str) -> list[tuple[str, str]]:
    """(doc id, dump) for each article dated first..last with MIN_CHARS or more, in the gold's character form."""
    from layoutfix.synth.source import to_gold

    pages: list[tuple[str, str]] = []
    for rec in records:
        if first <= rec["date"] <= last:
            paras = [to_gold(p).strip() for p in rec.get("paragraphs") or []]
            paras = [p for p in paras if p]
            if sum(map(len, paras)) >= MIN_CHARS:
                pages.append((str(rec.get("doc_id", len(pages))), "\n\n".join(paras) + "\n"))
    return pages


def damage(dump: str, lm: str | None, context_lm: str | None = None) -> Counter:
    """What the pipeline took from one clean dump (see the module docstring)."""
    import layoutfix
    from layoutfix.config import Config

    config = Config(lm_path=lm) if lm else Config()
    page = layoutfix.clean(dump.encode("utf-8"), config=config.replace(context_lm=context_lm) if context_lm else config)
    t: Counter = Counter(chars=sum(not c.isspace() for c in dump))
    for e in page.edits:
        if e.stage == "dedup" and e.kind in ("doubled", "duplicate"):
            t["dedup"] += len(e.before)
        elif e.stage == "dedup" and e.kind == "to_noise":  # the text it set aside is the edit's context
            t["dedup_noise"] += sum(not c.isspace() for c in e.context)
        elif e.stage == "glyphs":
            t["glyphs"] += max(len(e.before), len(e.after), 1)
    t["noise"] = sum(sum(not c.isspace() for c in (n if isinstance(n, str) else n.get("text", "")))
                     for n in page.to_dict()["noise"])
    t["pages_hit"] = int(any(t[k] for k in ("dedup", "glyphs", "noise")))
    return t


def run_clean_pages(lm: str | None, limit: int | None, part: str = "test",
                    context_lm: str | None = None) -> tuple[Counter | None, str]:
    """`damage` summed over the clean test-day article pages (or the first `limit`; `part` "tune": the tuning
    days', for a tuning run)."""
    from layoutfix.synth.__main__ import SPLITS
    from layoutfix.synth.source import load_records

    shared = shared_dir()
    path = shared / "data" / "news_zh" / "pfr1998_01" / "articles.jsonl" if shared else None
    if path is None or not path.exists():
        return None, "no ../shared/data/news_zh/pfr1998_01/articles.jsonl"
    pages = clean_pages(load_records(path), *SPLITS[part])
    pages = pages[:limit] if limit else pages
    total: Counter = Counter()
    try:
        for _, dump in pages:
            total.update(damage(dump, lm, context_lm))
    except Exception as exc:
        return None, f"clean failed: {type(exc).__name__}: {exc}"
    total["pages"] = len(pages)
    return total, f"{len(pages)} articles of {SPLITS[part][0]}..{SPLITS[part][1]} as pages"
