"""Specification of fast55l (flow and segment speed, same output):

- `flow.blocks.cuts_date_unit` asks its date pattern (`_DATE_TAIL`, a search that tries every position of the
  source block) only of a source that ends with an ASCII digit, or with one and a final newline (where the
  pattern's `$` also matches): its answer is the plain test's on any pair of texts, the two written out here as
  they stood before (the pattern searched first).
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from layoutfix.lm import WordLM, load_lm
from layoutfix.stages.flow import blocks as B


def plain_cuts_date_unit(a: str, b: str, lm: WordLM) -> bool:
    """`cuts_date_unit` as it stood before fast55l: the pattern searched over the whole source first."""
    m = B._DATE_TAIL.search(a)
    if m is None or b[:1] not in B._DATE_RANGE:
        return False
    digits = m.group(1)
    if B._DATE_RANGE[b[0]] is not None and (len(digits) > 2 or (b[0] in B._DAY_UNITS and lm.has(b[:2]))):
        return False
    return B.reads_as_date(digits, b[0])


_SOURCE = st.text(alphabet="在今年的达到人口约万年月日0123456789０１２３٣１.%，。”）\n ", max_size=16)
_TARGET = st.text(alphabet="年月日号本召前底跌在内，1", max_size=4)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(_SOURCE, _TARGET)
@example("去年1954", "年在日内瓦")
@example("去年1954\n", "年在日内瓦")  # ('$' matches before a final newline)
@example("去年1954\n\n", "年在日内瓦")
@example("去年1954 ", "年在日内瓦")
@example("今年1月8", "日跌至")
@example("今年1月٣", "日跌至")  # (an Arabic-Indic digit is a digit to str.isdigit, not to [0-9])
@example("", "年")
@example("\n", "年")
def test_a_date_cut_before_its_unit_is_found_as_the_plain_search_finds_it(a: str, b: str) -> None:
    lm = load_lm()
    assert B.cuts_date_unit(a, b, lm) == plain_cuts_date_unit(a, b, lm)


def test_the_digit_gate_passes_exactly_the_texts_the_date_pattern_can_end_in() -> None:
    for a in ("1954", "在1954", "在1954\n", "８", "", "\n", "1\n\n", "1 ", "٣"):
        before_newline = a[:-1] if a.endswith("\n") else a
        assert B._ends_on_digit(a) == (before_newline[-1:] != "" and before_newline[-1:] in "0123456789"), a
    assert B.cuts_date_unit("回顾1954", "年在日内瓦举行的会议", load_lm())
