"""A short paragraph set in two narrow columns whose lines were read across (a1 b1 a2 b2 ...): the runs of
such lines and the joins that put them back in column order.
"""
from __future__ import annotations

import math
from typing import Final

from ...lm import WordLM
from ...model import TEXT, Block
from ... import patterns
from ...textutil import ends_open
from .blocks import is_source
from .model import Candidate

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# Every NARROW_RUN_MAX short lines the run's median width is checked: a stretch whose median is no column width
# (thousands of one-character lines: vertical text read line by line) is let go at once instead of costing
# minutes in `flush`; a real narrow column (two columns of 40 lines read across) keeps growing, up to
# NARROW_RUN_HARD lines.
NARROW_RUN_MAX: Final = 64
NARROW_RUN_HARD: Final = 1024


def narrow_runs(blocks: list[Block], walls: list[bool]) -> list[list[int]]:
    """Runs of four or more consecutive short text blocks of one printed width (within two characters
    of the run's median, except shorter lines that end a paragraph or a column): a caption or short
    paragraph set in narrow columns."""
    runs: list[list[int]] = []
    cur: list[int] = []

    def flush() -> None:
        while len(cur) >= 4:
            ls = sorted(len(blocks[k].text) for k in cur)
            med = ls[len(ls) // 2]
            if 8 <= med <= 24 and all(abs(len(blocks[k].text) - med) <= 2 or (len(blocks[k].text) < med and (
                    not ends_open(blocks[k].text) or n >= len(cur) - 2)) for n, k in enumerate(cur)):
                runs.append(list(cur))
                break
            cur.pop(0)  # a title or a lead line of another width may stand before the run
        cur.clear()

    for k, b in enumerate(blocks):
        if b.role == TEXT and 0 < len(b.text) <= 26 and not walls[k] and not patterns.is_furniture(b.text):
            cur.append(k)
            if len(cur) % NARROW_RUN_MAX == 0:  # flush pops and re-sorts: quadratic in a run's length
                ls = sorted(len(blocks[q].text) for q in cur)
                if not 8 <= ls[len(ls) // 2] <= 24 or len(cur) >= NARROW_RUN_HARD:
                    flush()  # (no narrow column: one-character lines of vertical text; or past any column)
        else:
            flush()
    flush()
    return runs


def read_across(blocks: list[Block], lm: WordLM, walls: list[bool], margin: float = 4.0) -> list[Candidate]:
    """Joins of narrow-column runs whose lines were read across (a1 b1 a2 b2 …).

    The run's text is scored by the language model in printed order and in column order (even
    lines, then odd lines); when column order reads better by `margin`, each open line joins the next
    line of its column and the first column's end joins the second column's start.
    """
    out: list[Candidate] = []
    for run in narrow_runs(blocks, walls):
        printed = "".join(blocks[k].text for k in run)
        order = run[0::2] + run[1::2]
        gain = lm.score("".join(blocks[k].text for k in order)) - lm.score(printed)
        if gain < margin:
            continue
        p = 1 / (1 + math.exp(-(gain - margin)))
        for a, b in zip(order, order[1:]):
            if is_source(blocks[a]):
                out.append(Candidate(a, b, round(0.5 + p / 2, 3), gain, 2 if b > a else a - b,
                                     f"narrow columns read across: column order reads better by lm {gain:.1f}"))
    return out
