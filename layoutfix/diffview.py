"""`layoutfix diff`: what each stage changed, readable in a terminal.

For each stage: a summary line (time, edits by kind), then one line per edit
(a run of one kind on one line, such as the marks normalize swaps, is one) with its source line, what was replaced by what, the confidence and the
reason, so a reviewer can see why two blocks were joined or a paragraph dropped.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Sequence

from .model import Edit, Page

_RED, _GREEN, _DIM, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def _c(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color and text else text


def format_edit(e: Edit, color: bool = False, count: int = 1) -> str:
    before = e.before.replace("\n", "⏎") if e.before else ""
    after = e.after.replace("\n", "⏎") if e.after else ""
    change = ""
    if before or after:
        change = f"{_c(before or '∅', _RED, color)} → {_c(after or '∅', _GREEN, color)}  "
    ctx = f"  {_c('[' + e.context + ']', _DIM, color)}" if e.context else ""
    kind = e.kind if count == 1 else f"{e.kind} ×{count}"
    return f"  L{e.line:<5} {kind:<10} {change}({e.confidence:.2f}) {e.reason}{ctx}"


def grouped(edits: Sequence[Edit]) -> list[tuple[Edit, int]]:
    """Edits in a row of one kind on one line, each at its own place (normalize logs every mark it
    swaps), shown as one line: their changes joined, the first one's context, and how many."""
    out: list[tuple[Edit, int]] = []
    for e in edits:
        if out and e.offset >= 0:
            last, n = out[-1]
            if (last.offset >= 0 and (last.stage, last.kind, last.line, last.reason, last.confidence)
                    == (e.stage, e.kind, e.line, e.reason, e.confidence)):
                out[-1] = (replace(last, before=last.before + e.before, after=last.after + e.after), n + 1)
                continue
        out.append((e, 1))
    return out


def render_diff(stages: Sequence[tuple[str, Page, float]], only: str | None = None, color: bool = False,
                limit: int = 60) -> str:
    out: list[str] = []
    seen = 0
    for name, page, secs in stages:
        new = page.edits[seen:]
        seen = len(page.edits)
        if only and name != only:
            continue
        kinds = Counter(e.kind for e in new)
        summary = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "no edits"
        out.append(_c(f"== {name} ({secs * 1000:.1f} ms): {summary}", _BOLD, color))
        if name == "read":
            out.append(f"  {len(page.blocks)} blocks, encoding {page.encoding}")
        lines = grouped(new)
        shown = lines if not limit else lines[:limit]
        out += [format_edit(e, color, n) for e, n in shown]
        if len(shown) < len(lines):
            out.append(f"  … {len(lines) - len(shown)} more (use --limit 0)")
        if name in ("segment", "unsegmented"):
            for n, it in enumerate(page.items, start=1):
                title = " / ".join(x for x in (it.section, it.kicker, it.headline, it.subheadline) if x) or "(no title)"
                out.append(f"  [{n}] {it.kind:<7} {title}  paragraphs {len(it.paragraphs)}, captions "
                           f"{len(it.captions)}, tables {len(it.tables)}, byline {'、'.join(it.byline) or '-'}"
                           f"{', truncated' if it.truncated else ''}  (lines {min(it.lines, default=0)}-"
                           f"{max(it.lines, default=0)})")
            if page.noise:
                out.append("  noise: " + " | ".join(n.all_text()[:30] for n in page.noise))
    return "\n".join(out)
