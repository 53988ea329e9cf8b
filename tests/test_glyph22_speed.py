"""Specification: the glyph stage's faster paths give the answers of the plain ones they stand for.

Invented text over a small alphabet, so that look-alikes, known pairs and dictionary words meet often.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from layoutfix.lm import WordLM, load_lm
from glyph_reference import plain_words_at
from layoutfix.stages.glyphs import (_ASCII_RUN, _FREE_PAIR, _NUMBER_RUN, _hits_memo,
                                     _LazySegOf, _neighbours, _segments, _SegOf, _words_at)

ALPHABET = "管理工作加强埋人入口八个大太天夫"
WORDS = {"管理": 9, "管理工作": 5, "工作": 8, "加强": 6, "入口": 4, "八个": 3, "大人": 2, "太大": 2, "天工": 1,
         "夫人": 3, "人口": 5, "加入": 2, "工人": 2, "个人": 4, "强大": 2}


def _cands(c: str) -> dict[str, tuple[float, int]]:
    """Every other character of the alphabet as a look-alike of c (an invented table)."""
    return {x: (0.5, 0) for x in ALPHABET if x != c}


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=12), st.data())
@settings(max_examples=300, deadline=None)
def test_words_at_is_completing_of_the_hits(run: str, data: st.DataObject) -> None:
    lm = WordLM(WORDS)
    i = data.draw(st.integers(0, len(run) - 1))
    c = run[i]
    cands = _cands(c)
    left = run[i - 1] if i else ""
    right = run[i + 1] if i + 1 < len(run) else ""
    neighbours = _neighbours(lm)
    plain = plain_words_at(lm, cands, run, i, neighbours)
    lmemo: dict[str, tuple[str, ...]] = {}
    rmemo: dict[str, tuple[str, ...]] = {}
    assert _words_at(cands, c, run, i, neighbours, lmemo, rmemo, lm.logp, lm.prefixes) == plain
    # the memos hold what `_hits_memo` put in them
    _, hl, hr = _hits_memo(cands, c, left, right, neighbours, {}, {})
    assert all(v == hl for v in lmemo.values()) and all(v == hr for v in rmemo.values())


@given(st.text(alphabet=ALPHABET + "，", min_size=1, max_size=20))
@settings(max_examples=100, deadline=None)
def test_the_lazy_segmentation_answers_as_the_segmentation_made_at_once(run: str) -> None:
    lm = load_lm()
    lazy, eager = _LazySegOf(lm, run), _SegOf(_segments(lm, run))
    for i in range(len(run) + 1):
        assert lazy.get(i) == eager.get(i)


# The patterns as they were first written: the faster forms must find the same runs and places.
_NUMBER_RUN_PLAIN = re.compile(r"(?<![A-Za-z0-9])[0-9OolI][0-9OolI.,]*(?![A-Za-z0-9])")
_ASCII_RUN_PLAIN = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_FREE_PAIR_PLAIN = re.compile(b"(?=\x00\x00)")


@given(st.text(alphabet="0123456789OolIAbz.,-\n 年个管理", max_size=40))
@settings(max_examples=400, deadline=None)
def test_the_number_and_ascii_runs_are_the_runs_of_the_plain_patterns(text: str) -> None:
    assert [m.span() for m in _NUMBER_RUN.finditer(text)] == [m.span() for m in _NUMBER_RUN_PLAIN.finditer(text)]
    assert [m.span() for m in _ASCII_RUN.finditer(text)] == [m.span() for m in _ASCII_RUN_PLAIN.finditer(text)]


@given(st.binary(max_size=40).map(lambda b: bytes(x % 2 for x in b)))
@settings(max_examples=300, deadline=None)
def test_the_free_places_are_the_places_of_the_plain_pattern(known: bytes) -> None:
    padded = b"\x00" + known + b"\x00"
    assert [m.start() for m in _FREE_PAIR.finditer(padded)] == [m.start() for m in _FREE_PAIR_PLAIN.finditer(padded)]

