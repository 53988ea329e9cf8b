"""Tesseract's character errors on a real-OCR page, derived as defect entries like the synthetic pages' log.

Why: issue 4 asks for character-correction precision on real-OCR pages, but their builder logs only the layout
defects it made (cuts, duplicates, titles): the text of every paragraph and caption is Tesseract's reading, kept
in the folder's `ocr_cache.jsonl` beside the clean text it read. So the glyph stage's changes there were counted
(pred) but never judged. Here every raw line is mapped back to the readings it was printed from, each reading is
aligned with its clean text, and every difference inside the line becomes an entry of the synthetic log's form
(`type` glyph/drop/double/stray, `raw` -> `gold` with two characters of the line around, `line`), so
`metrics.char_tallies` judges the stage on real OCR exactly as on synthetic pages.

How a line is mapped: the builder prints a block as its reading (or, for a block cut at a column break, the
aligned slice of its paragraph's reading), its printed lines joined with a space or nothing; other tokens
(datelines, garbled repeats, garbage) are printed between. In content form (`score.content_form`: whitespace
gone, widths folded) a line is therefore a run of exact pieces of the page's readings with other text between:
the line is cut greedily into the longest exact pieces (`MIN_PIECE` characters or more, a shorter match is
chance), and the rest is text that no reading printed (marked `OUTSIDE`). A reading printed twice (the
builder's duplicated paragraph, a repeated clause) gives its errors once, on the first line not logged as a
duplicate's copy, as the synthetic log does.

How a reading is aligned: Levenshtein's opcodes, each stretch between its equal blocks aligned again so that a
Chinese character is read as a Chinese character rather than as a mark lost beside it (`realign`); one
substitution per character (the stage changes one per edit), a run of marks read for one character as one entry
(`merge_marks_for_one`: '一' read '--'). Everything is in content form, so a difference only of width or spaces
(`,` for `，`) is no defect: that is the normalize stage's, and `char_tallies` compares content forms anyway.

The changes no entry accounts for are placed by their context (`wrong_kind`): a character Tesseract read right
broken, a misread one fixed wrong, text no reading printed (titles, datelines, the builder's repeats), so that
precision's misses say which rule to look at (`wrong_tallies`, by edit kind).

`python -m benchmarks.ocr_defects PAGE.txt…` prints a page's derived entries under its lines (tuning and fresh
pages only: the test pages are not read).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from .metrics import _attr, change_core, line_groups
from .score import content_form

MIN_PIECE = 4  # shortest run of a line taken as a piece of a reading: 2-3 character matches happen by chance
CONTEXT = 2  # characters of the line on each side of a defect, as the synthetic log gives them
RIGHT, MISREAD, OUTSIDE = "=", "x", "."  # per character of a line: read right, misread, printed by no reading
BUILDER_TEXT = ("partial_repeat", "garbage")  # layout entries whose `raw` the builder printed itself, no reading
EDIT_CONTEXT = 8  # the glyph stage's edit context: 8 characters each side (`glyphs.stage._context`)


@dataclass(frozen=True)
class Source:
    """One clean text of the page and Tesseract's reading of it, both in content form, with their alignment."""

    clean: str
    reading: str
    errors: tuple[tuple[str, int, int, int, int], ...]  # (tag, i1, i2, j1, j2): clean[i1:i2] read as reading[j1:j2]


@dataclass(frozen=True)
class OcrTruth:
    """What Tesseract got wrong on one page: derived defect entries and, per raw line, a mark per character.

    `marks[line]` has one of RIGHT / MISREAD / OUTSIDE for each character of the line's content form
    (`texts[line]`); `gaps[line]` holds the offsets in it where the reading lost characters (drops)."""

    defects: tuple[dict[str, Any], ...]
    texts: dict[int, str] = field(default_factory=dict)
    marks: dict[int, str] = field(default_factory=dict)
    gaps: dict[int, frozenset[int]] = field(default_factory=dict)


def char_class(ch: str) -> int:
    """0 a Chinese character, 1 an ASCII letter or digit, 2 anything else (marks, in content form)."""
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return 0
    return 1 if ch.isascii() and ch.isalnum() else 2


CROSS_CLASS = 1.5  # a character read as one of another class costs more than a like one, less than lost + added


def realign(clean: str, read: str) -> list[tuple[str, int, int, int, int]]:
    """One stretch the alignment found different, aligned again so that like is read as like.

    Why: Levenshtein counts every substitution alike, so where Tesseract lost a mark beside a misread character
    ('，自' read '直') it may pair the mark with the character (，->直, 自 lost) as readily as the right way
    (，lost, 自->直), and the stage's right fix 直->自 would be judged wrong. Here a substitution across
    classes (a Chinese character for a mark) costs CROSS_CLASS. Offsets are relative to the stretch."""
    m, n = len(clean), len(read)
    cost = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        cost[i][0] = float(i)
    for j in range(1, n + 1):
        cost[0][j] = float(j)
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            a, b = clean[i - 1], read[j - 1]
            sub = 0.0 if a == b else (1.0 if char_class(a) == char_class(b) else CROSS_CLASS)
            cost[i][j] = min(cost[i - 1][j - 1] + sub, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    steps: list[tuple[str, int, int]] = []
    i, j = m, n
    while i or j:
        if i and j:
            a, b = clean[i - 1], read[j - 1]
            sub = 0.0 if a == b else (1.0 if char_class(a) == char_class(b) else CROSS_CLASS)
            if cost[i][j] == cost[i - 1][j - 1] + sub:
                steps.append(("equal" if a == b else "replace", i - 1, j - 1))
                i, j = i - 1, j - 1
                continue
        if i and cost[i][j] == cost[i - 1][j] + 1:
            steps.append(("delete", i - 1, j))
            i -= 1
        else:
            steps.append(("insert", i, j - 1))
            j -= 1
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i, j in reversed(steps):
        if tag == "equal":
            continue
        last = out[-1] if out else None
        if tag == "delete" and last and last[0] == "delete" and last[2] == i and last[3] == j:
            out[-1] = ("delete", last[1], i + 1, j, j)
        elif tag == "insert" and last and last[0] == "insert" and last[4] == j and last[2] == i:
            out[-1] = ("insert", i, i, last[3], j + 1)
        elif tag == "replace":
            out.append(("replace", i, i + 1, j, j + 1))
        elif tag == "delete":
            out.append(("delete", i, i + 1, j, j))
        else:
            out.append(("insert", i, i, j, j + 1))
    return out


def source_errors(clean: str, reading: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """The alignment's differences, one substitution per character, a lost or added run as one entry.

    Why single substitutions: the glyph stage changes one character per edit, and the synthetic log has one
    entry per misread character. Each stretch between Levenshtein's equal blocks is aligned again (`realign`)."""
    out: list[tuple[str, int, int, int, int]] = []
    ops = list(Levenshtein.opcodes(clean, reading))
    k = 0
    while k < len(ops):
        if ops[k].tag == "equal":
            k += 1
            continue
        i1, j1 = ops[k].src_start, ops[k].dest_start
        while k < len(ops) and ops[k].tag != "equal":
            k += 1
        i2, j2 = ops[k - 1].src_end, ops[k - 1].dest_end
        out.extend((tag, i1 + a1, i1 + a2, j1 + b1, j1 + b2)
                   for tag, a1, a2, b1, b2 in realign(clean[i1:i2], reading[j1:j2]))
    return tuple(merge_marks_for_one(out, clean, reading))


def _marks_for_one(op: tuple[str, int, int, int, int], clean: str, reading: str) -> bool:
    """A Chinese character read as marks or letters, or such an extra mark (part of one character read as two)."""
    tag, i1, i2, j1, j2 = op
    if any(char_class(ch) == 0 for ch in reading[j1:j2]):
        return False
    return tag == "insert" or (tag == "replace" and i2 - i1 == 1 and char_class(clean[i1]) == 0)


def merge_marks_for_one(ops: list[tuple[str, int, int, int, int]], clean: str,
                        reading: str) -> list[tuple[str, int, int, int, int]]:
    """One entry for a Chinese character read as a run of marks ('一' read '--'), which the stage mends in one
    change (`glyphs.hyphens`), instead of a substitution and an extra mark beside it."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        last = out[-1] if out else None
        if (last is not None and last[2] == op[1] and last[4] == op[3] and "replace" in (last[0], op[0])
                and _marks_for_one(last, clean, reading) and _marks_for_one(op, clean, reading)
                and (last[2] - last[1]) + (op[2] - op[1]) == 1):
            out[-1] = ("replace", last[1], op[2], last[3], op[4])
        else:
            out.append(op)
    return out


def make_source(clean: str, reading_lines: Sequence[str]) -> Source:
    c, r = content_form(clean), content_form("".join(reading_lines))
    return Source(c, r, source_errors(c, r))


def page_sources(gold: Mapping[str, Any], readings: Mapping[str, Sequence[str]]) -> list[Source]:
    """The readings a page was printed from: of each gold paragraph and caption, or of the cached text holding it.

    A gold text the cache lacks was changed by the builder after printing (a lead-in moved to the dateline) or
    is a piece of a cached paragraph: the cached text holding it is the one printed."""
    texts: list[str] = []
    for a in gold.get("articles") or []:
        texts += [t for t in (a.get("paragraphs") or []) + (a.get("captions") or []) if t and t.strip()]
    chosen: dict[str, None] = {}
    for t in texts:
        if t in readings:
            chosen[t] = None
            continue
        host = next((h for h in readings if t in h), None)
        if host is not None:
            chosen[host] = None
    return [make_source(t, readings[t]) for t in chosen]


def _longest_at(line: str, p: int, reading: str) -> int:
    """Length of the longest prefix of line[p:] that occurs in `reading` (binary search: shorter ones do too)."""
    lo, hi = 0, len(line) - p
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line[p:p + mid] in reading:
            lo = mid
        else:
            hi = mid - 1
    return lo


def pieces(line: str, sources: Sequence[Source],
           blocked: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, int, int]]:
    """The line cut greedily into the longest exact pieces of the readings: (start, end, source, reading start).

    `blocked` spans (text the builder logged as its own: a garbled repeat) are no reading and no piece crosses
    them. A stretch shorter than MIN_PIECE counts when it is whole a piece (a short block printed alone)."""
    cuts = sorted(blocked)
    stretches, p = [], 0
    for a, b in cuts:
        if a > p:
            stretches.append((p, a))
        p = max(p, b)
    if p < len(line):
        stretches.append((p, len(line)))
    out: list[tuple[int, int, int, int]] = []
    for lo, hi in stretches:
        text = line[lo:hi]
        p = 0
        while p < len(text):
            best, k_best = 0, -1
            for k, s in enumerate(sources):
                n = _longest_at(text, p, s.reading)
                if n > best:
                    best, k_best = n, k
            if k_best < 0 or (best < MIN_PIECE and best < len(text)):
                p += 1
                continue
            out.append((lo + p, lo + p + best, k_best, sources[k_best].reading.index(text[p:p + best])))
            p += best
    return out


def blocked_spans(line: str, raw_line: str, entries: Iterable[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Where, in the line's content form, the builder's own text logged on it sits (garbled or exact repeats,
    garbage): the logged `raw` at its `offset`, found in content form (the nearest occurrence to it)."""
    out = []
    for d in entries:
        raw = content_form(str(d.get("raw") or ""))
        if not raw:
            continue
        near = len(content_form(raw_line[: int(d.get("offset") or 0)]))
        hits = [i for i in range(len(line) - len(raw) + 1) if line.startswith(raw, i)]
        if hits:
            at = min(hits, key=lambda i: abs(i - near))
            out.append((at, at + len(raw)))
    return out


def defect_type(tag: str, read: str, reading: str, j1: int, j2: int) -> str:
    """glyph (a character read as another), drop (one lost), double (a neighbour printed twice), stray (other)."""
    if tag == "replace":
        return "glyph"
    if tag == "delete":
        return "drop"
    n = len(read)
    if read == reading[max(0, j1 - n):j1] or read == reading[j2:j2 + n]:
        return "double"
    return "stray"


def _covers(tag: str, j1: int, j2: int, r0: int, r1: int, end: int) -> bool:
    """Whether an error at reading[j1:j2] lies in the piece reading[r0:r1] (a lost character: at its place)."""
    if tag == "delete":
        return r0 <= j1 < r1 or j1 == r1 == end
    return r0 <= j1 and j2 <= r1


def derive(raw_text: str, gold: Mapping[str, Any], readings: Mapping[str, Sequence[str]],
           layout_defects: Iterable[Mapping[str, Any]] = ()) -> OcrTruth:
    """Tesseract's errors on one page as defect entries (1-based `line`, `offset` in the line's content form)."""
    sources = page_sources(gold, readings)
    layout = list(layout_defects)
    copies = {int(d["line"]) for d in layout if d.get("type") == "duplicate"}
    own: dict[int, list[Mapping[str, Any]]] = {}
    for d in layout:
        if d.get("type") in BUILDER_TEXT:
            own.setdefault(int(d["line"]), []).append(d)
    lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    order = [n for n in range(1, len(lines) + 1) if n not in copies] + sorted(n for n in copies if n <= len(lines))
    claimed: set[tuple[int, int]] = set()  # (source, error index) already logged on the page
    defects: list[dict[str, Any]] = []
    texts: dict[int, str] = {}
    marks: dict[int, str] = {}
    gaps: dict[int, frozenset[int]] = {}
    for n in order:
        text = content_form(lines[n - 1])
        if not text:
            continue
        mark = [OUTSIDE] * len(text)
        lost: set[int] = set()
        for start, end, k, r0 in pieces(text, sources, blocked_spans(text, lines[n - 1], own.get(n, ()))):
            src = sources[k]
            r1 = r0 + (end - start)
            for i in range(start, end):
                mark[i] = RIGHT
            for e, (tag, i1, i2, j1, j2) in enumerate(src.errors):
                if not _covers(tag, j1, j2, r0, r1, len(src.reading)):
                    continue
                at = start + (j1 - r0)
                for i in range(at, start + (j2 - r0)):
                    mark[i] = MISREAD
                if tag == "delete":
                    lost.add(at)
                if (k, e) in claimed:
                    continue
                claimed.add((k, e))
                read, meant = src.reading[j1:j2], src.clean[i1:i2]
                left, right = text[max(0, at - CONTEXT):at], text[at + len(read):at + len(read) + CONTEXT]
                defects.append({"type": defect_type(tag, read, src.reading, j1, j2),
                                "raw": left + read + right, "gold": left + meant + right,
                                "line": n, "offset": at, "source": "ocr"})
        texts[n], marks[n], gaps[n] = text, "".join(mark), frozenset(lost)
    defects.sort(key=lambda d: (d["line"], d["offset"]))
    return OcrTruth(tuple(defects), texts, marks, gaps)


# -- judging the stage's wrong changes -------------------------------------------------------------

def locate(edit: Any, truth: OcrTruth, group_lines: Sequence[int]) -> tuple[int, int] | None:
    """(line, offset in its content form) where an edit's `before` stood, found by its context, or None.

    The edit's context is the block's text around the change as the stage saw it (8 characters each side);
    its line is where the change sits. A neighbour fixed earlier, or a context crossing into a joined line,
    spoils the whole context: shorter probes around the change are tried next."""
    context, before = str(_attr(edit, "context", "") or ""), str(_attr(edit, "before", "") or "")
    given = _attr(edit, "offset", -1)
    offset = int(given) if given is not None else -1
    k = min(offset, EDIT_CONTEXT) if offset >= 0 else -1
    if k < 0 or context[k:k + len(before)] != before:
        k = context.find(before) if before else min(EDIT_CONTEXT, len(context))
    if k < 0:
        return None
    left, core, right = content_form(context[:k]), content_form(before), content_form(context[k + len(before):])
    probes = [(left, right), (left[-4:], right[:4]), (left[-4:], ""), ("", right[:4]), (left[-2:], right[:2])]
    for ln in group_lines:
        text = truth.texts.get(ln, "")
        for lpart, rpart in probes:
            if not lpart and not rpart:
                continue
            probe = lpart + core + rpart
            hit = text.find(probe)
            if hit >= 0 and text.find(probe, hit + 1) < 0:
                return ln, hit + len(lpart)
    return None


def wrong_kind(edit: Any, truth: OcrTruth, group_lines: Sequence[int]) -> str:
    """Where a change no derived defect accounts for sits: `broke_right` (characters Tesseract read right, or a
    character put in where none was lost), `at_misread` (a misread or lost character, fixed wrong or in a way
    no entry gives), `outside` (text no reading printed: titles, bylines, the builder's garbage) or
    `unlocated`."""
    at = locate(edit, truth, group_lines)
    if at is None:
        return "unlocated"
    ln, off = at
    before = content_form(str(_attr(edit, "before", "") or ""))
    marks = truth.marks.get(ln, "")
    span = marks[off:off + len(before)] if before else marks[max(0, off - 1):off + 1]
    if not before and off in truth.gaps.get(ln, frozenset()):
        return "at_misread"
    if MISREAD in span:
        return "at_misread"
    if span and set(span) == {OUTSIDE}:
        return "outside"
    if not before:
        return "broke_right" if RIGHT in span else "outside"
    return "broke_right" if OUTSIDE not in span else "outside"


def edit_kind(edit: Any) -> str:
    """The rule an edit names: the glyph stage's kind (glyph, memory, stray, …), or `stage:kind` (dedup:doubled)."""
    stage, kind = _attr(edit, "stage"), _attr(edit, "kind")
    return f"{stage}:{kind}" if stage != "glyphs" else str(kind)


def wrong_tallies(truth: OcrTruth, layout_defects: Sequence[Mapping[str, Any]], wrong: Iterable[Any],
                  right: Iterable[Any] = ()) -> Counter:
    """Counts of the changes no defect accounts for, by where they sit and by rule (edit kind), and the rules'
    right changes: `ocr_wrong_<where>`, `ocr_rule_pred_<kind>`, `ocr_rule_tp_<kind>`."""
    group = line_groups(layout_defects)
    t: Counter = Counter()
    for e in right:
        t[f"ocr_rule_pred_{edit_kind(e)}"] += 1
        t[f"ocr_rule_tp_{edit_kind(e)}"] += 1
    for e in wrong:
        line = int(_attr(e, "line", 0) or 0)
        lines = [line] + sorted(n for n in truth.texts if n != line and group(n) == group(line))
        where = wrong_kind(e, truth, lines)
        t[f"ocr_wrong_{where}"] += 1
        t[f"ocr_rule_pred_{edit_kind(e)}"] += 1
        t[f"ocr_rule_{where}_{edit_kind(e)}"] += 1
    return t


def ocr_char_tallies(truth: OcrTruth, layout_defects: Sequence[Mapping[str, Any]], edits: Sequence[Any]) -> Counter:
    """`metrics.char_tallies` over the layout log plus the derived entries, and where the unmatched changes sit."""
    from .metrics import char_matches

    t, right, wrong = char_matches(list(layout_defects) + list(truth.defects), edits)
    t.update(wrong_tallies(truth, layout_defects, wrong, right))
    t["ocr_truth_pages"] += 1
    return t


def rule_summary(t: Mapping[str, int], top: int = 6) -> str:
    """'glyph 120/140 (broke 12), memory …': right/made per rule, most made first, with the broken right ones."""
    kinds = sorted((k[len("ocr_rule_pred_"):] for k in t if k.startswith("ocr_rule_pred_")),
                   key=lambda k: (-t[f"ocr_rule_pred_{k}"], k))
    parts = [f"{k} {t.get(f'ocr_rule_tp_{k}', 0)}/{t[f'ocr_rule_pred_{k}']}"
             + (f" (broke {t[f'ocr_rule_broke_right_{k}']})" if t.get(f"ocr_rule_broke_right_{k}") else "")
             for k in kinds[:top]]
    rest = kinds[top:]
    if rest:
        parts.append(f"{len(rest)} more rules {sum(t.get(f'ocr_rule_tp_{k}', 0) for k in rest)}/"
                     f"{sum(t[f'ocr_rule_pred_{k}'] for k in rest)}")
    return ", ".join(parts)


# -- reading it by hand ----------------------------------------------------------------------------

def readings_by_level(cache: Any) -> dict[str, dict[str, list[str]]]:
    """An `OcrCache`'s readings grouped by level: {level: {clean text: reading lines}}."""
    out: dict[str, dict[str, list[str]]] = {}
    for (level, text), lines in cache.lines.items():
        out.setdefault(level, {})[text] = lines
    return out


def folder_readings(folder: Path, level: str) -> dict[str, list[str]]:
    """The cache's readings at `level` (a later row for the same text supersedes), from the folder or above it."""
    from layoutfix.synth.ocr import OcrCache

    for base in (folder, folder.parent):
        path = base / "ocr_cache.jsonl"
        if path.exists():
            return readings_by_level(OcrCache(path)).get(level, {})
    return {}


def show_page(txt: Path, limit: int = 0) -> str:
    """Each derived defect under the raw line it sits on (for checking the derivation by eye)."""
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    dpath = txt.with_name(txt.stem + ".defects.json")
    layout = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
    truth = derive(txt.read_text(encoding="utf-8"), gold, folder_readings(txt.parent, str(gold.get("ocr_level"))),
                   layout)
    out: list[str] = []
    by_line: dict[int, list[dict[str, Any]]] = {}
    for d in truth.defects:
        by_line.setdefault(d["line"], []).append(d)
    for n, ds in sorted(by_line.items())[: limit or None]:
        out.append(f"L{n}: {truth.texts[n]}")
        out.append(f"      {truth.marks[n]}")
        out += [f"   {d['type']:6} {d['raw']} -> {d['gold']} @{d['offset']} core {change_core(d['raw'], d['gold'])}"
                for d in ds]
    covered = sum(m.count(RIGHT) + m.count(MISREAD) for m in truth.marks.values())
    total = sum(len(m) for m in truth.marks.values())
    out.append(f"{txt.name}: {len(truth.defects)} defects "
               f"{dict(Counter(d['type'] for d in truth.defects))}; {covered}/{total} characters from readings")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ocr_defects", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="+", type=Path, help="real-OCR page dumps NNN.txt (tuning or fresh pages only)")
    ap.add_argument("--lines", type=int, default=0, help="show at most this many lines a page (0: all)")
    args = ap.parse_args(argv)
    for txt in args.pages:
        print(show_page(txt, args.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

