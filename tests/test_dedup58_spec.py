"""Session 58 (dedup58): dedup gives the same answers with less work, compiled and interpreted.

- `doublings._echoes_near` (each character's distances 4 to 17 on where it is printed again, as bits, bit 0 for a
  Han character; and the characters that come back 4 to 16 on) is, compiled, one pass from the text's end that reads
  each code point in place and its next occurrence from a table by code point (`_echoes_by_code`), and, interpreted,
  `str.find` from each character (`_echoes_by_find`). The table keeps the offsets of the texts read before, so the
  answers must be those of the definition for every text of a run, whatever text came before it.
- `doublings._misaligned` turns a place away before `_copy_evidence` aligns it: a copy holding a character other
  than Han that the phrase lacks, or two characters the phrase lacks with no look-alike in it either. Where it says
  so, every alignment `_copy_alignment` makes of the copy with the phrase's prefixes is None or misreads two
  characters as no look-alike, which `_copy_evidence` never takes: the evidence is the same with the bound and
  without it.
- `doublings._walk_by_code(text, True)[0]`, the compiled walk `doubling_candidates` takes, is `_may_double(text, 0)` (the
  runs of equal characters at each distance 3 to 34 read off a backward pass over the code points and the same
  table; the quick scans run only where a run lies), for every text of a run, whatever text came before it.
- `clauses._clause_bodies_by_code`, the compiled walk, gives the clause bodies `_CLAUSE_BODY` finds.
- `garbled._distinct_at_least(s, n)` is `len(set(filter(str.isalnum, s))) >= n`.
- `common._content_by_code`, the compiled walk `content` takes, keeps the characters `str.isalnum` takes, as
  `content`'s replaces and pattern do, on every code point.

The texts are drawn with phrases printed twice in a row, exactly or with the first copy misread (by a look-alike of
the glyph confusion table, by another Han character, by a mark or a digit) or short of a character.
"""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from layoutfix.lm import load_lm
from layoutfix.stages.dedup import doublings
from layoutfix.stages.dedup.clauses import _CLAUSE_BODY, _clause_bodies, _clause_bodies_by_code
from layoutfix.stages.dedup.common import _content_by_code, alikes, content
from layoutfix.stages.dedup.doublings import (MAX_COPY, MIN_COPY, _copy_alignment, _copy_evidence,
                                              _copy_places, _echoes_by_code, _echoes_by_find, _echoes_near,
                                              _may_double, _misaligned, _walk_by_code, doubling_candidates)
from layoutfix.stages.dedup.garbled import _distinct_at_least
from oracles import echoes_plain as _echoes_plain

_PHRASES = ("国家技术监督局", "农业大学华中", "安徽农业大学", "师范大学", "技术监督", "改造已经完成")
# marks, ASCII, characters beyond the BMP and at the edges of the Han ranges (U+3400, U+9FFF, U+20000, U+33FF)
_OTHER = "，。；！？：（）《》、“”a1 \0\u3400\u9fff\U00020000\u33ff"
_HAN = "一二三国家技米阳日成戍"


@st.composite
def _misread(draw: st.DrawFn, phrase: str) -> str:
    """`phrase` as a garbled copy: up to three of its characters read as a look-alike, another Han character, a mark
    or a digit, or lost."""
    chars = list(phrase)
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(chars) - 1))
        how = draw(st.integers(0, 3))
        if how == 0:
            chars[k] = draw(st.sampled_from(sorted(alikes(chars[k]))))
        elif how == 1:
            chars[k] = draw(st.sampled_from(_HAN))
        elif how == 2:
            chars[k] = draw(st.sampled_from(_OTHER))
        elif len(chars) > 1:
            del chars[k]
    return "".join(chars)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Text with phrases printed twice in a row (exactly, or the first copy garbled), between stretches of Han
    characters, marks and others."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(st.text(alphabet=_HAN + _OTHER, max_size=12)))
        else:
            phrase = draw(st.sampled_from(_PHRASES))
            parts.append((phrase if kind == 1 else draw(_misread(phrase))) + phrase)
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts(), min_size=1, max_size=4))
@example(["国家技米监督局阳国家技术监督局日前", "国家技米监督局"])  # (the second text's 国 at 0: the table holds the
# first text's offsets, some of them inside the second)
@example(["国" + "一" * 3 + "国" + "二" * 12 + "国", "二国", "国二" * 12])
@example(["\U00020000国家技米监督局阳国家技术监督局日前", "国家国家国家"])
@example(["", "一", "一二三"])
def test_the_echoes_are_those_of_the_definition_for_every_text_of_a_run(texts: list[str]):
    for text in texts + texts[::-1]:  # (each text read again after the others)
        echoes = _echoes_plain(text)
        near = [x for x, bits in enumerate(echoes) if bits & 0b1_1111_1111_1111_0000]  # (4 to 16 on)
        assert _echoes_by_code(text) == (echoes, near)
        assert _echoes_by_find(text) == (echoes, near)
        assert _echoes_near(text) == (echoes, near)


@st.composite
def _copies(draw: st.DrawFn) -> tuple[str, str]:
    """(copy, phrase): a phrase and a garbled copy of it (or of another phrase), the phrase maybe going on."""
    phrase = draw(st.sampled_from(_PHRASES))
    copy = draw(_misread(draw(st.sampled_from((phrase, phrase, draw(st.sampled_from(_PHRASES)))))))
    return copy, phrase + draw(st.text(alphabet=_HAN + _OTHER, max_size=2))


@settings(max_examples=500, deadline=None)
@given(_copies())
@example(("国家技米监督局", "国家技术监督局日"))  # (one misreading, a look-alike: no bound)
@example(("国家技，监督局", "国家技术监督局日"))  # (a mark the phrase lacks)
@example(("国家一成监督局", "国家技术监督局日"))  # (two characters with no look-alike in the phrase)
def test_a_misaligned_copy_has_no_alignment_evidence_takes(pair: tuple[str, str]):
    copy, phrase = pair
    if not _misaligned(copy, phrase):
        return
    for n in range(len(copy), len(phrase) + 1):
        a = _copy_alignment(copy, phrase[:n])
        assert a is None or a[3] >= 2  # (other misreadings: `_copy_evidence` takes one at most)


def test_the_bound_says_so_of_the_examples():
    assert not _misaligned("国家技米监督局", "国家技术监督局日")
    assert _misaligned("国家技，监督局", "国家技术监督局日")
    assert _misaligned("国家一成监督局", "国家技术监督局日")
    assert not _misaligned("国家一成监督局", "国家一术监督局日")  # (一 is in the phrase: one left)


@settings(max_examples=150, deadline=None)
@given(_texts())
@example("据悉，国家技米监督局阳国家技术监督局日前宣布")
@example("安徽农业大学华中农业大学华中师范大学")
@example("国家技米监督局")
@example("据悉，国家技监督局，国家技术监督局，日前宣布")  # a copy one character short: its mark stands past len(copy) in
# the phrase (review rdedup58: a bound that looked only at phrase[:len(copy)] passed every other example)
def test_copy_evidence_is_the_same_with_the_bound_and_without_it(text: str):
    lm = load_lm()
    places = _copy_places(text) + [(p, m) for p in range(len(text) - 3, len(text) + 1)
                                   for m in range(MIN_COPY, min(p, MAX_COPY) + 1)]  # (and copies near the end)
    bound = doublings._misaligned
    try:
        with_bound = [_copy_evidence(text, p, m, lm) for p, m in places]
        doublings._misaligned = lambda copy, phrase: False
        plain = [_copy_evidence(text, p, m, lm) for p, m in places]
    finally:
        doublings._misaligned = bound
    assert with_bound == plain


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="国家技术一二" + "，。；！？：（）《》,.;:a 1", max_size=40))
@example("据悉，国家（技术）监督局：国家《技术》监督局。一二三；一二！一二三？")
@example("一二三，")
@example("")
def test_the_clause_walk_finds_the_bodies_the_pattern_finds(text: str):
    assert _clause_bodies_by_code(text) == _clause_bodies(text) == _CLAUSE_BODY.findall(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一丁国，。 a1", max_size=12), st.integers(0, 5))
@example("一丁一一", 3)
@example("一丁一一国", 3)
def test_distinct_at_least_is_the_size_of_the_set(s: str, n: int):
    assert _distinct_at_least(s, n) == (len(set(filter(str.isalnum, s))) >= n)


@st.composite
def _doubled(draw: st.DrawFn) -> str:
    """Text with phrases of 3 to 31 characters printed twice in a row, exactly (X X) or with 1 to 5 characters
    between the copies (X j X, the garbled form from 8 characters), and stretches of a few characters (runs that
    come back by chance)."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            parts.append(draw(st.text(alphabet=_HAN + _OTHER, max_size=10)))
            continue
        x = draw(st.text(alphabet="国家技术监督局一二，、。a", min_size=3, max_size=31))
        gap = draw(st.text(alphabet="国技，、 a", max_size=5))
        parts.append(draw(st.sampled_from(("", "，", "的", " "))) + x + gap + x)
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.lists(_doubled(), min_size=1, max_size=4))
@example(["国家技术国家技术", "据悉，国家技术监督局一二国家技术监督局一二"])
@example(["技术监督局国家技术监督局一技术监督局国家技术监督局二", "一二三一二三"])  # (X j X at the start)
@example(["\U00020000国家技术国家技术", "国家国家", ""])
@example(["国国术国国国术技国国术技"])  # (a run at distance 4 ends at 3; the next, a doubling, starts at 4)
def test_the_doubling_walk_is_the_quick_scans(texts: list[str]):
    for text in texts + texts[::-1]:  # (each text read again after the others)
        assert _walk_by_code(text, True)[0] == _may_double(text, 0)
    assert doubling_candidates(texts) == [_may_double(t, 0) for t in texts]


def test_the_content_walk_keeps_what_isalnum_takes_on_every_code_point():
    for start in range(0, 0x110000, 0x1000):
        text = "".join(chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c <= 0xDFFF)
        assert _content_by_code(text) == content(text) == "".join(filter(str.isalnum, text)), hex(start)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_HAN + _OTHER + "AZaz09_@[`{\u00e9\u0660\uff10\uff21\ua4d0", max_size=30))
@example("据悉，“国家技术监督局”、A1_b@中")
@example("")
def test_the_content_walk_is_content(text: str):
    assert _content_by_code(text) == content(text) == "".join(filter(str.isalnum, text))
