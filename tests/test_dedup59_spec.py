"""Session 59 (dedup59): dedup gives the same answers with less work, compiled and interpreted.

- `doublings._walk_by_code` is one backward pass over a text's code points that gives both what
  `_may_double_by_code` gave (whether `_find_tandem(text, 0)` gets past its quick scans: `_may_double(text, 0)`) and
  what `_echoes_by_code` gave (`_echoes_near`: each character's echo bits 4 to 17 on with bit 0 for Han, and the
  characters that come back 4 to 16 on), for every text of a run, whatever text came before it (the table by code
  point keeps the offsets of the texts read before). Without the doubling test it answers False and the same echoes.
- `doublings.doubling_scans` gives `doubling_candidates`' flags and, compiled, each text's echoes as `_echoes_near`
  gives them (interpreted, none); `drop_garbled_doublings` given those echoes finds what it finds without them; and
  `dedup` gives the same page with the compiled switch on and off.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from layoutfix import run_stages
from layoutfix.config import DEFAULT
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup import doublings
from layoutfix.stages.dedup.doublings import (_echoes_by_find, _echoes_near, _may_double, _walk_by_code,
                                              doubling_candidates, doubling_scans, drop_garbled_doublings)
from oracles import echoes_plain, same_both_ways

_PHRASES = ("国家技术监督局", "农业大学华中", "师范大学", "改造已经完成", "技术监督",
            "国家技术监督局农业大学华中师范改造已经完成")  # (the last: printed twice, a shift beyond the echoes)
_OTHER = "，。；！？：（）《》、“”a1 \0\u3400\u9fff\U00020000\u33ff"
_HAN = "一二三国家技米阳日成戍"


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Text with phrases printed twice in a row (exactly, with a few characters between, or the first copy with a
    character swapped or lost), between stretches of Han characters, marks and others."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(st.text(alphabet=_HAN + _OTHER, max_size=12)))
            continue
        phrase = draw(st.sampled_from(_PHRASES))
        copy = list(phrase)
        if kind == 2:
            k = draw(st.integers(0, len(copy) - 1))
            copy[k] = draw(st.sampled_from(_HAN + "，a"))
        elif kind == 3:
            del copy[draw(st.integers(0, len(copy) - 1))]
        gap = draw(st.text(alphabet="国技，、 a", max_size=4))
        parts.append("".join(copy) + gap + phrase)
    return "".join(parts)


def _plain_echoes(text: str) -> tuple[list[int], list[int]]:
    echoes = echoes_plain(text)
    return echoes, [x for x, bits in enumerate(echoes) if bits & 0b1_1111_1111_1111_0000]  # (4 to 16 on)


@settings(max_examples=400, deadline=None)
@given(st.lists(_texts(), min_size=1, max_size=4))
@example(["国家技米监督局阳国家技术监督局日前", "国家技米监督局"])  # (the second text's offsets stale in the table)
@example(["国" + "一" * 3 + "国" + "二" * 12 + "国", "二国", "国二" * 12])
@example(["\U00020000国家技米监督局阳国家技术监督局日前", "国家国家国家"])  # (beyond the BMP: the plain passes)
@example(["技术监督局国家技术监督局一技术监督局国家技术监督局二", "一二三一二三", ""])
@example(["国" + "家" * 20 + "国" + "家" * 20 + "国"])  # (a character back 21 on: beyond the echoes, a doubling's shift)
@example(["据悉，" + "国家技术监督局农业大学华中师范改造已经完成" * 2 + "。"])  # (a doubling at shift 21 only)
def test_one_walk_gives_the_doubling_test_and_the_echoes(texts: list[str]) -> None:
    for text in texts + texts[::-1]:  # (each text read again after the others)
        plain = _plain_echoes(text)
        assert _walk_by_code(text, True) == (_may_double(text, 0), *plain)
        assert _walk_by_code(text, False) == (False, *plain)


@settings(max_examples=200, deadline=None)
@given(st.lists(_texts(), min_size=1, max_size=4))
@example(["国家技米监督局阳国家技术监督局日前", "据悉，国家技术国家技术", "国家技米监督局阳国家技术监督局日前"])
def test_the_scans_give_the_flags_and_each_texts_echoes(texts: list[str]) -> None:
    def scans(compiled: bool) -> tuple[list[bool], dict]:
        saved = doublings.COMPILED
        doublings.COMPILED = compiled  # type: ignore[misc]  # (the source module: the suite runs it uncompiled)
        try:
            return doubling_scans(texts)
        finally:
            doublings.COMPILED = saved  # type: ignore[misc]
    want = [_may_double(t, 0) for t in texts]
    flags, echoes = scans(True)
    assert flags == want and set(echoes) == set(texts)
    assert all(echoes[t] == _plain_echoes(t) == _echoes_by_find(t) for t in texts)
    assert scans(False) == (want, {})
    assert doubling_candidates(texts) == want


@settings(max_examples=100, deadline=None)
@given(_texts())
@example("据悉，国家技米监督局阳国家技术监督局日前宣布")
@example("安徽农业大学华中农业大学华中师范大学")
def test_garbled_doublings_are_the_same_given_the_echoes(text: str) -> None:
    lm = load_lm()
    assert drop_garbled_doublings(text, lm, _echoes_near(text)) == drop_garbled_doublings(text, lm) \
        == drop_garbled_doublings(text, lm, _plain_echoes(text))


def test_a_doubled_garbled_phrase_goes_with_the_scans_echoes() -> None:
    """The echoes the compiled scan hands over (the switch on: the suite runs the source tree) drop the garbled copy
    as the text alone does."""
    lm = load_lm()
    text = "据悉，国家技米监督局阳国家技术监督局日前宣布"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(doublings, "COMPILED", True)
        echoes = doubling_scans([text])[1].get(text)
    assert echoes is not None
    for given_echoes in (echoes, None):
        out, changes = drop_garbled_doublings(text, lm, given_echoes)
        assert out == "据悉，国家技术监督局日前宣布" and len(changes) == 1


def test_dedup_gives_the_same_page_with_the_compiled_switch_on_and_off() -> None:
    """The stage over pages holding doubled and garbled phrases (invented text), the switch flipped in the module
    that reads it."""
    dump = ("## 国家技术监督局发布通知\n\n"
            "据悉，国家技米监督局阳国家技术监督局日前宣布，改造已经完戍改造已经完成，各地农业大学华中农业大学参加。\n\n"
            "本报讯 技术监督技术监督工作会议今天召开，会议要求各地加快改造，国家技术监督局负责人出席。\n\n"
            # (a tandem cut before a garbled copy in one paragraph: the copy is read in the text after the cut, whose
            # echoes are not the paragraph's before it: review rdedup59)
            "本报讯 技术监督技术监督工作会议今天召开，据悉，国家技米监督局阳国家技术监督局日前宣布，改造已经完戍改造已经完成。\n")
    pages = [p for name, p, _ in run_stages(dump.encode("utf-8"), DEFAULT, "dd59.txt") if name == "flow"]
    same_both_ways(doublings, lambda: repr(dedup(pages[0])))
