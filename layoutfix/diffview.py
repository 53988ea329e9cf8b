"""`layoutfix diff`: what each stage changed, readable in a terminal.

For each stage: a summary line (time, edits by kind), then one line per edit
with its source line, what was replaced by what, the confidence and the
reason, so a reviewer can see why two blocks were joined or a paragraph dropped.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from .model import Edit, Page

_RED, _GREEN, _DIM, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def _c(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color and text else text


def format_edit(e: Edit, color: bool = False) -> str:
    before = e.before.replace("\n", "⏎") if e.before else ""
    after = e.after.replace("\n", "⏎") if e.after else ""
    change = ""
    if before or after:
        change = f"{_c(before or '∅', _RED, color)} → {_c(after or '∅', _GREEN, color)}  "
    ctx = f"  {_c('[' + e.context + ']', _DIM, color)}" if e.context else ""
    return f"  L{e.line:<5} {e.kind:<10} {change}({e.confidence:.2f}) {e.reason}{ctx}"


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
        shown = new if not limit else new[:limit]
        out += [format_edit(e, color) for e in shown]
        if len(shown) < len(new):
            out.append(f"  … {len(new) - len(shown)} more (use --limit 0)")
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
