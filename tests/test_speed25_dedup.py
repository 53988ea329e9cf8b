"""dedup's work grows with the page, not with its square: a paragraph printed twice in n column lines (the second
printing dropped line by line) costs about twice as many calls at 2n lines as at n, and the one-pass cut gives what
the cuts one by one give (invented text: random characters)."""
from __future__ import annotations

import random
import sys
from functools import reduce

from hypothesis import given, settings, strategies as st

from layoutfix import Config
from layoutfix.model import TEXT, Block
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.stage import cut, cut_spans
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _printed_twice(n: int) -> str:
    """A paragraph of n column lines of 18 random characters (an indented first line), then the same again."""
    r = random.Random(n)
    para = "　　" + "\n".join("".join(r.choice(_HAN) for _ in range(18)) for _ in range(n)) + "\n"
    return para + "\n" + para


def _dedup_calls(n: int) -> tuple[int, int]:
    """(Python and C calls dedup makes on the page, lines it drops as duplicates)."""
    page = normalize(read(_printed_twice(n), Config()))
    assert [len(b.origin) for b in page.blocks] == [n, n]  # (read keeps each printed line's origin)
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        out = dedup(page)
    finally:
        sys.setprofile(None)
    return calls, sum(e.kind == "duplicate" for e in out.edits)


def test_a_paragraph_printed_twice_in_many_column_lines_costs_work_linear_in_its_lines() -> None:
    _dedup_calls(20)  # (the models load on the first page)
    small, dropped_small = _dedup_calls(300)
    large, dropped_large = _dedup_calls(1200)
    assert dropped_small >= 0.9 * 300 and dropped_large >= 0.9 * 1200  # the second printing goes, line by line
    # four times the lines: linear work is about four times the calls; comparing every dropped line with the lines
    # before it in its block (or cutting each out of the whole block in turn) made it about sixteen times
    assert large < 5 * small, (small, large)


_ORIGINS = st.lists(st.integers(0, 4), min_size=0, max_size=6)  # gaps between line starts (0: an empty line)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text("甲乙丙", min_size=1, max_size=20), _ORIGINS, st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4)),
                                                               max_size=4))
def test_cutting_spans_in_one_pass_gives_what_cutting_them_one_by_one_gives(text: str, gaps: list[int],
                                                                        steps: list[tuple[int, int]]) -> None:
    starts = [0]
    for g in gaps:
        starts.append(starts[-1] + g)
    origin = tuple((s, 10 + k) for k, s in enumerate(starts) if s <= len(text))
    block = Block(0, text, 10, TEXT, origin=origin)
    spans, at = [], 0
    for skip, length in steps:  # disjoint spans in order, some empty, some touching
        start = min(len(text), at + skip)
        end = min(len(text), start + length)
        spans.append((start, end))
        at = end
    one_by_one = reduce(lambda b, span: cut(b, *span), sorted(spans, reverse=True), block)
    at_once = cut_spans(block, spans)
    assert at_once.text == one_by_one.text
    if at_once.text:  # (a block cut whole, which dedup drops, may keep another line in its origin)
        assert at_once == one_by_one
