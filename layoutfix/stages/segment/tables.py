"""Tables: the parts of one table that a row with trimmed trailing tabs split apart are put back together
(`rejoin_tables`; rows whose tabs a dump stripped entirely, `stripped_rows`), and a table's rows merged
where OCR broke one row over two (`merge_table_rows`), and a header row printed again at a column break dropped
(`repeated_headers`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from ...model import TABLE, TEXT, Block
from ..read import cell_like, column_width

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


def _first_alone(row: tuple[str, ...]) -> bool:
    """A row of two or more cells whose first cell alone holds text ('经济作物\t\t')."""
    return len(row) >= 2 and bool(row[0].strip()) and not any(c.strip() for c in row[1:])


def merge_table_rows(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Merge continuation rows (leading cells empty, or one cell alone) into the row above, cell by cell
    with a newline (`table_row_merges` also says which rows were merged)."""
    return table_row_merges(rows)[0]


def table_row_merges(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], ...], list[int]]:
    """`merge_table_rows`, and the index of each row merged into the row above it (for the edit log).

    A row of its first cell alone is a continuation of a wrapped first cell, unless the table opens its body
    with such a row (no row above to continue, right under the header): then the table groups its rows under
    category rows, and each such row is one (review20a: a second category row was merged into the row above)."""
    grouped = len(rows) >= 2 and _first_alone(rows[1])
    out: list[list[str]] = []
    merged: list[int] = []
    for r, row in enumerate(rows):
        cells = list(row)
        alone = len(cells) >= 2 and sum(1 for c in cells if c.strip()) == 1 and len(out) >= 2 \
            and not (grouped and _first_alone(row))
        if out and cells and (not cells[0].strip() or alone):
            merged.append(r)
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
    return tuple(tuple(r + [""] * (width - len(r))) for r in out), merged


def repeated_headers(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], ...], list[int]]:
    """The rows without the header row printed again where a table set across two columns goes on (a later row
    equal, cell for cell, to the first), and the index of each row dropped (review28a: the copy stayed a data row
    in the middle of the table)."""
    if len(rows) < 3:
        return rows, []
    head = tuple(c.strip() for c in rows[0])
    if not any(head):
        return rows, []
    dropped = [r for r in range(1, len(rows)) if tuple(c.strip() for c in rows[r]) == head]
    if not dropped or not _labels_over_figures(head, [row for r, row in enumerate(rows) if r and r not in dropped]):
        return rows, []
    return tuple(row for r, row in enumerate(rows) if r not in dropped), dropped


def _figure(cell: str) -> bool:
    return any(ch.isdigit() for ch in cell)


# a date or period a column is headed by: a year, a month or a day with its time word ('2022年', '2023年1-6月',
# '12月'); a figure so written names a column, not a quantity in it
_DATE_FIGURES: Final = re.compile(r"[0-9０-９]+(?:[-—~～至][0-9０-９]+)?\s*(?:年|月|日|季度)")


def _date_label(cell: str) -> bool:
    """A cell whose figures all name a date or period ('2022年', '2023年上半年', '1-6月')."""
    return _figure(cell) and not _figure(_DATE_FIGURES.sub("", cell))


def _labels_over_figures(head: tuple[str, ...], data: list[tuple[str, ...]]) -> bool:
    """Whether `head` reads as a header row over `data`: in some column its cell is a label (no figure, or a date
    over figures that are no dates: '2022年' over '520', review30a) where every data row's cell has a figure ('人口'
    over '10', '12'). A first row of a table with no header is data like the rest, and a row equal to it
    is a day with the same weather ('晴 东南风 三级' twice, review29a), kept."""
    for k, cell in enumerate(head):
        cells = [row[k].strip() for row in data if k < len(row) and row[k].strip()]
        if not (cell and cells and all(map(_figure, cells))):
            continue
        if not _figure(cell) or (_date_label(cell) and not any(map(_date_label, cells))):
            return True
    return False


# a table's unit, source or note line as printed over it: a label of one to four characters, a colon and a short
# value, maybe in brackets ('单位：吨', '（单位：万元）'); a title over a table is a phrase, not a label and a value
_TABLE_NOTE: Final = re.compile(r"[（(]?[\u4e00-\u9fff]{1,4}：[^，。；！？：]{1,10}[）)]?")


def is_table_note(text: str) -> bool:
    """Whether a title-like line printed right over a table, under the table's title, is its note (a caption):
    '单位：吨' under '## 各乡镇粮食产量' (review22a: it was taken for the headline, the title for its kicker)."""
    return _TABLE_NOTE.fullmatch(text.strip()) is not None


# a table's footnote: a note word and a colon ('注：', '说明：', '资料来源：') opening a line under the table
_TABLE_FOOTNOTE: Final = re.compile(r"[（(]?(?:注|注释|说明|备注|资料来源|数据来源|来源)[0-9０-９①-⑩]?[：:]")
FOOTNOTE_MAX: Final = 120  # characters: a longer line is a paragraph that happens to open so


def is_table_footnote(text: str) -> bool:
    """Whether a line printed right under a table is its footnote ('注：增长率按可比价格计算。')."""
    t = text.strip()
    return len(t) <= FOOTNOTE_MAX and _TABLE_FOOTNOTE.match(t) is not None


STRIPPED_RUN: Final = 3  # lines of one multi-line cell a stripped row may print (the synthetic tables use up to 3)


def stripped_rows(blocks: list[Block], j: int, lines: list[str], first_width: int) -> int:
    """How many blocks from `j` on are rows whose tabs a dump stripped ('推广中心\t\t' printed as '推广中心'):
    short cell-like one-line texts on consecutive dump lines right after a table row, up to `STRIPPED_RUN`,
    then either a table row on the next dump line, or a blank line when each is no wider than the table's
    first column (`first_width`). A blank line before them, a sentence or a clause mark is a title, a
    caption or text: it stays."""
    if not (0 < j < len(blocks) and 1 < blocks[j].line <= len(lines) and "\t" in lines[blocks[j].line - 2]):
        return 0
    k = j
    while k < len(blocks) and k - j < STRIPPED_RUN:
        b = blocks[k]
        if not (b.role == TEXT and "\n" not in b.text and b.line == blocks[j].line + k - j
                and "\t" not in lines[b.line - 1] and cell_like(b.text.strip())):
            break
        k += 1
    if k == j:
        return 0
    after = blocks[j].line + k - j  # the dump line (1-based) after the run
    if k < len(blocks) and blocks[k].role == TABLE and blocks[k].line == after:
        return k - j
    if (after > len(lines) or not lines[after - 1].strip()) and \
            all(column_width(b.text.strip()) <= first_width for b in blocks[j:k]):
        return k - j
    return 0


def rejoin_tables(blocks: list[Block], lines: list[str]) -> list[Block]:
    """A table row whose cells after the first are empty ('某某一行\t\t\t') loses its tabs when the
    line is trimmed and reads as a text line between two parts of the table: put the parts back together
    (the source line with its tabs, `lines` as `read.raw_lines` gives them, tells such a row from text)."""
    if not any(b.role == TABLE for b in blocks):
        return blocks
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
            elif nb.role == TEXT and "\n" not in nb.text and 0 < nb.line <= len(lines) \
                    and "\t" in lines[nb.line - 1]:
                width = max(1, len(rows[0]) if rows else 1)
                rows.append((nb.text,) + ("",) * (width - 1))
            elif (run := stripped_rows(blocks, j, lines, max((column_width(r[0]) for r in rows if r), default=0))):
                width = max(1, len(rows[0]) if rows else 1)
                rows += [(t.text,) + ("",) * (width - 1) for t in blocks[j:j + run]]
                j += run
                continue
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
