"""Verify a synthetic page against its gold and defect log (used by the tests and after each build).

The check undoes the logged defects on the dump alone: character edits are
reverted at their offsets, lead-ins, glued repeats and title marks removed, and
lines linked by the logged joins (cut, interleave, splice) concatenated. The
resulting texts must be exactly the gold paragraphs and captions, as a multiset.
"""
from __future__ import annotations

from collections import Counter

CHAR_EDITS = ("glyph", "drop", "double", "stray")
REMOVED = ("dateline", "partial_repeat", "title_marker", "credit", "byline")
WHOLE_LINE = ("byline", "credit", "jump", "garbage", "footer", "duplicate")
JOINS = ("cut", "interleave", "splice")


def _replacements(lines: list[str], defects: list[dict]) -> dict[int, list[tuple[int, int, str]]]:
    """Per line: (raw offset, raw length, gold text) for every logged change that undoes a defect."""
    repl: dict[int, list[tuple[int, int, str]]] = {}
    removed: dict[int, list[tuple[int, int]]] = {}
    for d in defects:
        t, ln = d["type"], d.get("line")
        if ln is None:  # (every logged defect has its line; check_page reports one that has not)
            continue
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
            removed.setdefault(ln, []).append((o, n))
    # a character defect inside a removed lead-in or byline goes with it
    for ln, spans in removed.items():
        repl[ln] = [(o, n, g) for o, n, g in repl[ln]
                    if (o, n) in spans or not any(a <= o and o + n <= a + m for a, m in spans)]
    return repl


def _undo(line: str, reps: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """The line with `reps` applied, and for each raw offset (0..len) its offset in the result."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for o, n, g in sorted(reps):
        while pos < o:
            where.append(sum(map(len, out)))
            out.append(line[pos])
            pos += 1
        at = sum(map(len, out))
        where.extend([at] * n)
        out.append(g)
        pos = o + n
    while pos < len(line):
        where.append(sum(map(len, out)))
        out.append(line[pos])
        pos += 1
    where.append(sum(map(len, out)))
    return "".join(out), where


def clean_lines(raw: str, defects: list[dict]) -> list[str]:
    """Every line of the dump with its logged character defects undone (1-based: index 0 unused)."""
    lines = raw.split("\n")
    repl = _replacements(lines, defects)
    return [""] + [_undo(line, repl.get(i, []))[0] for i, line in enumerate(lines, 1)]


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
    repl = _replacements(lines, defects)
    skip: set[int] = set()
    for d in defects:
        if d["type"] in WHOLE_LINE and d.get("offset", 0) == 0 and d["raw"] == lines[d["line"] - 1]:
            skip.add(d["line"])
        if d["type"] in ("table", "multi_title"):
            skip.update(range(d["line"], d.get("line2", d["line"]) + 1))
    # segments: lines split where a join ends or a continuation starts
    points: dict[int, set[int]] = {i: {0, len(line)} for i, line in enumerate(lines, 1)}
    joins = [d for d in defects if d["type"] in JOINS]
    for d in joins:
        points[d["line"]].add(d.get("end", len(lines[d["line"] - 1])))
        points[d["line2"]].add(d.get("offset2", 0))
    seg: dict[tuple[int, int], str] = {}
    ends: dict[tuple[int, int], tuple[int, int]] = {}
    for ln, line in enumerate(lines, 1):
        clean, where = _undo(line, repl.get(ln, []))
        ps = sorted(points[ln])
        for a, b in zip(ps, ps[1:]):
            seg[(ln, a)] = clean[where[a]:where[b]]
            ends[(ln, b)] = (ln, a)
    nxt: dict[tuple[int, int], tuple[int, int]] = {}
    has_prev: set[tuple[int, int]] = set()
    for d in joins:
        src = ends[(d["line"], d.get("end", len(lines[d["line"] - 1])))]
        dst = (d["line2"], d.get("offset2", 0))
        nxt[src] = dst
        has_prev.add(dst)
        if d["gold"] not in seg[src] + seg.get(dst, ""):
            problems.append(f"join {d['line']}->{d['line2']}: {d['gold']!r} not in the rejoined text")
    titles: Counter = Counter()
    last_section = None
    for a in gold["articles"]:
        if a["section"] and a["section"] != last_section:
            titles[a["section"]] += 1
        last_section = a["section"]
        for field in ("kicker", "headline", "subheadline"):
            if a[field]:
                titles[a[field]] += 1
    texts: Counter = Counter()
    for key in sorted(seg):
        if key in has_prev or key[0] in skip or not seg[key].strip():
            continue
        chain, k = seg[key], key
        while k in nxt:
            k = nxt[k]
            chain += seg[k]
        if k == key and titles[chain] > 0:  # a title line printed on its own
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
