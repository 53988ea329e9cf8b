"""Verify a synthetic page against its gold and defect log (used by the tests and after each build).

The check undoes the logged defects on the dump alone: character edits are
reverted at their offsets, lead-ins, glued repeats and title marks removed, and
lines linked by the logged joins (cut, interleave, splice) concatenated. The
resulting texts must be exactly the gold paragraphs and captions, as a multiset.
"""
from __future__ import annotations

from collections import Counter

CHAR_EDITS = ("glyph", "drop", "double", "stray")
REMOVED = ("dateline", "partial_repeat", "title_marker", "credit")
WHOLE_LINE = ("byline", "credit", "jump", "garbage", "footer", "duplicate")
JOINS = ("cut", "interleave", "splice")


def clean_lines(raw: str, defects: list[dict]) -> list[str]:
    """Every line of the dump with its logged character defects undone (1-based: index 0 unused)."""
    lines = raw.split("\n")
    repl: dict[int, list[tuple[int, int, str]]] = {}
    for d in defects:
        t, ln = d["type"], d.get("line")
        if t in CHAR_EDITS:
            repl.setdefault(ln, []).append((d["offset"], len(d["raw"]), d["gold"]))
        elif t in ("halfwidth", "wrap_space"):
            for o in d["offsets"]:
                repl.setdefault(ln, []).append((o, len(d["raw"]), d["gold"]))
        elif t in REMOVED and d.get("raw"):
            n = len(d["raw"])
            line = lines[ln - 1]
            o = d["offset"]
            # a glued repeat or credit takes its separating space with it
            if t == "partial_repeat" and line[o + n:o + n + 1] == " ":
                n += 1
            if t == "credit" and o > 0 and line[o - 1] == " ":
                o, n = o - 1, n + 1
            repl.setdefault(ln, []).append((o, n, ""))
    out = [""]
    for i, line in enumerate(lines, 1):
        for o, n, g in sorted(repl.get(i, []), reverse=True):
            line = line[:o] + g + line[o + n:]
        out.append(line)
    return out


def check_page(raw: str, gold: dict, defects: list[dict]) -> list[str]:
    """Problems found (empty when the page, its gold and its log agree)."""
    problems: list[str] = []
    lines = raw.split("\n")
    for d in defects:
        ln = d.get("line")
        if not ln or ln > len(lines):
            problems.append(f"bad line in {d}")
            continue
        offs = d.get("offsets") or [d.get("offset", 0)]
        for o in offs:
            if d.get("raw") and lines[ln - 1][o:o + len(d["raw"])] != d["raw"]:
                problems.append(f"line {ln}: raw {d['raw']!r} not at offset {o}")
    if problems or gold.get("ocr"):
        return problems
    clean = clean_lines(raw, defects)
    skip: set[int] = set()
    for d in defects:
        if d["type"] in WHOLE_LINE and d.get("offset", 0) == 0 and d["raw"] == lines[d["line"] - 1]:
            skip.add(d["line"])
        if d["type"] in ("table", "multi_title"):
            skip.update(range(d["line"], d.get("line2", d["line"]) + 1))
    titles: Counter = Counter()
    last_section = None
    for a in gold["articles"]:
        if a["section"] and a["section"] != last_section:
            titles[a["section"]] += 1
        last_section = a["section"]
        for k in ("kicker", "headline", "subheadline"):
            if a[k]:
                titles[a[k]] += 1
    nxt: dict[int, int] = {}
    has_prev: set[int] = set()
    for d in defects:
        if d["type"] in JOINS:
            nxt[d["line"]] = d["line2"]
            has_prev.add(d["line2"])
            joined = clean[d["line"]] + clean[d["line2"]]
            if d["gold"] not in joined:
                problems.append(f"join {d['line']}->{d['line2']}: {d['gold']!r} not in the rejoined text")
    texts: Counter = Counter()
    for i in range(1, len(clean)):
        if i in has_prev or i in skip or not clean[i].strip():
            continue
        chain, j = clean[i], i
        while j in nxt:
            j = nxt[j]
            chain += clean[j]
        if j == i and titles[chain] > 0:  # a title line printed on its own
            titles[chain] -= 1
            continue
        texts[chain] += 1
    want: Counter = Counter()
    for a in gold["articles"]:
        want.update(a["paragraphs"])
        want.update(a["captions"])
    missing, extra = want - texts, texts - want
    for t in list(missing)[:5]:
        problems.append(f"gold text not recovered: {t[:40]!r}")
    for t in list(extra)[:5]:
        problems.append(f"dump text not in gold: {t[:40]!r}")
    return problems
