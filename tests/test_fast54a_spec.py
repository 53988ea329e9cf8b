"""Specification of fast54a (dedup's garbled-copy search, same output, faster):

- The garbled-copy search (`doublings.drop_garbled_doublings`) asks `_copy_evidence` only at the places where the
  copy can align with the phrase after it as the evidence asks: every place the plain search finds (a pair of Han
  characters of the copy printed again 4 to 16 characters on, each copy length and phrase start that pair allows)
  whose alignment keeps at least 0.6 of the copy and four Han characters is among `_copy_places`, and
  `_copy_places` finds no place the plain search does not.
- The search's result is the plain search's: the same changes, evidence and reasons.

The plain search is written out here as it stood before (a regular expression for the pairs, every place asked).
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import layoutfix.stages.dedup.doublings as D
from layoutfix.lm import load_lm
from layoutfix.textutil import HAN_CLASS

_PAIR_SEED = re.compile(rf"(?=([{HAN_CLASS}]{{2}}).{{2,15}}?\1)", re.S)


def plain_places(text: str, _echoes: object = None) -> list[tuple[int, int]]:
    """Every (phrase start, copy length) where a pair of Han characters of the copy comes back in the phrase (the
    echoes `_copy_places` may be handed are not needed by this plain search)."""
    places: set[tuple[int, int]] = set()
    for mt in _PAIR_SEED.finditer(text):
        i, pair = mt.start(), mt.group(1)
        j = text.find(pair, i + 4, i + 18)
        while j != -1:
            s = j - i
            for m in range(max(D.MIN_COPY, s - D.MAX_COPY_DROPS), min(D.MAX_COPY, s) + 1):
                for p in range(max(i + 2, m), i + m + 1):
                    places.add((p, m))
            j = text.find(pair, j + 1, i + 18)
    return sorted(places)


def aligns(text: str, p: int, m: int) -> bool:
    """Whether the copy text[p - m:p] aligns with a phrase at p (m to m + MAX_COPY_DROPS characters) keeping what
    `_copy_evidence` asks of its best alignment: 0.6 m characters and four Han."""
    copy = text[p - m:p]
    for n in range(m, min(m + D.MAX_COPY_DROPS, len(text) - p) + 1):
        a = D._copy_alignment(copy, text[p:p + n])
        if a is not None and a[0] >= 0.6 * m and a[1] >= 4:
            return True
    return False


def plain_drop(text: str) -> list[tuple[int, str, str, float, str]]:
    """`drop_garbled_doublings`' changes with every place of the plain search asked."""
    lm = load_lm()
    saved = D._copy_places
    D._copy_places = plain_places  # type: ignore[assignment]  # (the source module: tests run it uncompiled)
    try:
        return D.drop_garbled_doublings(text, lm)[1]
    finally:
        D._copy_places = saved  # type: ignore[assignment]


HAN = "国家技术监督局日前发布通知要求各地加强管理"
CHARS = HAN + "，。、1a"


@st.composite
def garbled_texts(draw: st.DrawFn) -> str:
    """Text around a phrase printed twice, the first copy with some characters misread (any character of CHARS)
    and up to two lost."""
    phrase = draw(st.text(alphabet=HAN + "，、1", min_size=4, max_size=17))
    copy = list(phrase)
    for _ in range(draw(st.integers(0, 2))):
        if len(copy) > 4:
            del copy[draw(st.integers(0, len(copy) - 1))]
    for _ in range(draw(st.integers(0, 3))):
        copy[draw(st.integers(0, len(copy) - 1))] = draw(st.sampled_from(CHARS))
    before = draw(st.text(alphabet=CHARS, max_size=12))
    after = draw(st.text(alphabet=CHARS, max_size=12))
    return before + "".join(copy) + phrase + after


@settings(max_examples=400, deadline=None)
@given(garbled_texts())
@example("国家技米监督局阳国家技术监督局日前")
@example("利用党报的势，为利用党报的优势，为")
def test_copy_places_keep_every_place_the_alignment_can_take(text: str) -> None:
    places = D._copy_places(text)
    plain = plain_places(text)
    assert places == sorted(set(places)) and set(places) <= set(plain)
    assert [(p, m) for p, m in plain if aligns(text, p, m)] == [(p, m) for p, m in places if aligns(text, p, m)]


@settings(max_examples=60, deadline=None)
@given(garbled_texts())
@example("…国家技米监督局阳国家技术监督局日前发布…")
@example("要利用党报的势，为利用党报的优势，为读者服务")
def test_garbled_copies_removed_as_the_plain_search_removes_them(text: str) -> None:
    assert D.drop_garbled_doublings(text, load_lm())[1] == plain_drop(text)


def test_a_garbled_copy_and_a_copy_that_lost_a_character_are_still_removed() -> None:
    lm = load_lm()
    assert D.drop_garbled_doublings("据悉，国家技米监督局阳国家技术监督局日前发布通知", lm)[0] == "据悉，国家技术监督局日前发布通知"
    assert D.drop_garbled_doublings("要利用党报的势，为利用党报的优势，为读者服务", lm)[0] == "要利用党报的优势，为读者服务"


def test_a_pair_printed_again_with_nothing_else_shared_is_no_place_to_ask() -> None:
    text = "今年春天北京举办大型展览会上海举办"  # (举办 comes back; no copy before it could align with what follows)
    assert plain_places(text) and D._copy_places(text) == []
