"""Tables: the parts of one table that a row with trimmed trailing tabs split apart are put back together
(`rejoin_tables`), and a table's rows merged where OCR broke one row over two (`merge_table_rows`).
"""
from __future__ import annotations

from dataclasses import replace

from ...model import TABLE, TEXT, Block
from ..read import raw_lines


def merge_table_rows(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Merge continuation rows (leading cells empty, or one cell alone) into the row above, cell by cell
    with a newline."""
    out: list[list[str]] = []
    for row in rows:
        cells = list(row)
        alone = len(cells) >= 2 and sum(1 for c in cells if c.strip()) == 1 and len(out) >= 2
        if out and cells and (not cells[0].strip() or alone):
            prev = out[-1]
            for i, c in enumerate(cells):
                if not c.strip():
                    continue
                if i < len(prev):
                    prev[i] = f"{prev[i]}\n{c}" if prev[i] else c
                else:
                    prev.append(c)
        else:
            out.append(cells)
    width = max((len(r) for r in out), default=0)
    return tuple(tuple(r + [""] * (width - len(r))) for r in out)


def rejoin_tables(blocks: list[Block], raw: str) -> list[Block]:
    """A table row whose cells after the first are empty ('某某一行\t\t\t') loses its tabs when the
    line is trimmed and reads as a text line between two parts of the table: put the parts back together
    (the source line with its tabs tells such a row from text)."""
    if not any(b.role == TABLE for b in blocks):
        return blocks
    lines = raw_lines(raw)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.role != TABLE:
            out.append(b)
            i += 1
            continue
        rows = list(b.rows)
        j = i + 1
        while j < len(blocks):
            nb = blocks[j]
            if nb.role == TABLE:
                rows += list(nb.rows)
            elif nb.role == TEXT and 0 < nb.line <= len(lines) and "\t" in lines[nb.line - 1] \
                    and "\n" not in nb.text:
                width = max(1, len(rows[0]) if rows else 1)
                rows.append((nb.text,) + ("",) * (width - 1))
            else:
                break
            j += 1
        if j == i + 1:
            out.append(b)
        else:
            parts = blocks[i:j]
            out.append(replace(b, rows=tuple(rows), text="\n".join(p.text for p in parts),
                               origin=tuple(o for p in parts for o in (p.origin or ((0, p.line),)))))
        i = j
    return out
