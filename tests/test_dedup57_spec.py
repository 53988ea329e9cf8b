"""Session 57 (dedup57): dedup's garbled-doubling pass finds the same places with less work.

`doublings._echoes_near` gives each character of a block the distances (4 to 17 on) at which it is printed again,
as bits, with bit 0 for a Han character, and the list of the characters that come back 4 to 16 on: `_copy_places`
asks only those (a pair of Han characters of a copy comes back in the phrase there), not every character of the
block. The Han bit is read off the code point (`textutil.is_han_code`), not from a regex pass over the Han runs. The bits must
be those of the plain computation (every character, every distance, `is_han`), the list exactly the characters with a
bit 4 to 16, and the places `_copy_places` gives those of its definition: for doubled and garbled phrases, pairs that
come back by chance, characters at the edges of the Han ranges and beyond the BMP.
"""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st
from rapidfuzz.distance import Levenshtein

from layoutfix.stages.dedup.common import _both_figures, looks_alike
from layoutfix.stages.dedup.doublings import (MAX_COPY, MAX_COPY_DROPS, MIN_COPY, _copy_alignment, _copy_places,
                                              _echoes, _echoes_near)
from layoutfix.textutil import is_han, is_han_code
from oracles import echoes_plain as _echoes_plain

# Han characters, marks, ASCII, the edges of the Han ranges `is_han` takes (U+3400, U+4DBF, U+9FFF, U+F900, U+FAFF,
# U+20000, U+3134F) and characters just outside them (U+33FF, U+4DC0, U+FB00, U+31350)
_ALPHABET = ("一业东农大学华中师范安徽省技术监督局国家日阳米，。、：“”a1 \0"
             "\u3400\u4dbf\u9fff\uf900\ufaff\U00020000\U0003134f\u33ff\u4dc0\ufb00\U00031350")
_FEW = "国家技术监督局米阳，一二三"
_PHRASES = ("国家技术监督局", "农业大学华中", "安徽农业大学", "师范大学", "技术监督")
_FAR = MIN_COPY + 13  # `_ECHO_FAR`: MAX_COPY + MAX_COPY_DROPS


def _misread(phrase: str, k: int, c: str) -> str:
    """`phrase` with its k-th character read as `c` (a garbled copy)."""
    k %= len(phrase)
    return phrase[:k] + c + phrase[k + 1:]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Random text with phrases printed twice in a row, exactly or with the first copy misread or shortened, and
    stretches of a few Han characters (pairs that come back by chance, one at a time)."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(draw(st.text(alphabet=_ALPHABET, max_size=12)))
        elif kind == 4:
            parts.append(draw(st.text(alphabet=_FEW, min_size=8, max_size=24)))
        else:
            phrase = draw(st.sampled_from(_PHRASES))
            if kind == 1:
                parts.append(phrase + phrase)
            elif kind == 2:
                parts.append(_misread(phrase, draw(st.integers(0, 9)), draw(st.sampled_from(_ALPHABET))) + phrase)
            else:
                parts.append(phrase[:-1] + phrase)
    return "".join(parts)


def test_the_han_bit_is_is_han_on_every_code_point():
    assert all(is_han_code(cp) == is_han(chr(cp)) for cp in range(0x110000))


def test_every_distance_and_both_ends_are_seen():
    # 国 printed again 4 (MIN_COPY) and 17 (`_ECHO_FAR`) on, the last one the text's last character
    text = "国" + "一" * 3 + "国" + "二" * 12 + "国"
    echoes, near = _echoes_near(text)
    assert echoes[0] == 1 | 1 << 4 | 1 << _FAR
    assert echoes[4] == 1 | 1 << 13 and echoes[-1] == 1
    assert echoes[1] == 1  # (一 comes back 1 and 2 on only)
    assert near == [0, 4, *range(5, 13)]  # (二 at 5..12 comes back 4 on; 国 at 4 comes back 13 on)
    assert echoes == _echoes_plain(text)
    # a character that comes back 17 on only is no place a pair comes back at
    assert _echoes_near("国一二三四五六七八九十甲乙丙丁戊己国")[1] == []


@settings(max_examples=400, deadline=None)
@given(_texts())
@example("国家技米监督局阳国家技术监督局日前")
@example("\U00020000国家技米监督局阳国家技术监督局日前")
@example("\0一二三\0一二三\0")
@example("")
@example("一二三")
def test_echoes_and_the_places_to_ask_are_those_of_the_definition(text: str):
    echoes, near = _echoes_near(text)
    assert echoes == _echoes(text) == _echoes_plain(text)
    assert near == [x for x, bits in enumerate(echoes) if bits & 0b1_1111_1111_1111_0000]  # (4 to 16 on)


def _places_by_definition(text: str) -> list[tuple[int, int]]:
    """`_copy_places` from its definition, every place asked: (p, m) where a pair of Han characters of the copy
    text[p - m:p] comes back s characters on (4 <= s <= 16, m <= s <= m + 2), and at least four Han and 0.6 m of the
    copy's characters come back m to m + 2 on (the bound `_copy_evidence`'s alignment needs)."""
    n = len(text)

    def back(x: int, k: int) -> bool:
        return x + k < n and text[x + k] == text[x]

    places = set()
    for i in range(n - 1):
        if not (is_han(text[i]) and is_han(text[i + 1])):
            continue
        for s in range(4, 17):
            if not (back(i, s) and back(i + 1, s)):
                continue
            for m in range(max(MIN_COPY, s - MAX_COPY_DROPS), min(MAX_COPY, s) + 1):
                for p in range(max(i + 2, m), i + m + 1):
                    kept = [x for x in range(p - m, p) if any(back(x, k) for k in range(m, m + MAX_COPY_DROPS + 1))]
                    if sum(map(is_han, (text[x] for x in kept))) >= 4 and len(kept) >= 0.6 * m:
                        places.add((p, m))
    return sorted(places)


@settings(max_examples=300, deadline=None)
@given(_texts())
@example("据悉，国家技米监督局阳国家技术监督局日前宣布")
@example("国家技术监督局")
@example("国二监国监技国二阳监")  # (one pair, 国二, makes the only place)
def test_copy_places_are_those_of_the_definition(text: str):
    assert _copy_places(text) == _places_by_definition(text)


def _alignment_plain(copy: str, phrase: str) -> tuple[int, int, int, int, int] | None:
    """`_copy_alignment` as session 56 computed it: each opcode's fields read as attributes, each kept character
    asked `is_han`."""
    kept = han = alike = other = lost = 0
    swaps: set[tuple[str, str]] = set()
    for op in Levenshtein.opcodes(copy, phrase):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            kept += i2 - i1
            han += sum(1 for c in copy[i1:i2] if is_han(c))
        elif tag == "insert":
            lost += j2 - j1
        elif tag == "delete" or i2 - i1 > j2 - j1:
            return None
        else:
            lost += (j2 - j1) - (i2 - i1)
            for a, b in zip(copy[i1:i2], phrase[j1:j1 + i2 - i1]):
                if not (is_han(a) and is_han(b)) or _both_figures(a, b) or (a, b) in swaps:
                    return None
                swaps.add((a, b))
                if looks_alike(a, b):
                    alike += 1
                else:
                    other += 1
    return kept, han, alike, other, lost


@st.composite
def _copies(draw: st.DrawFn) -> tuple[str, str]:
    """(copy, phrase): a phrase (one of `_PHRASES` or random text) and a copy of it with characters misread, lost or
    added, as `_copy_evidence` asks."""
    phrase = draw(st.one_of(st.sampled_from(_PHRASES), st.text(alphabet=_ALPHABET, min_size=1, max_size=17)))
    copy = list(phrase)
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(copy)))
        how = draw(st.integers(0, 2))
        if how == 0 and k < len(copy):
            copy[k] = draw(st.sampled_from(_ALPHABET))  # misread
        elif how == 1 and k < len(copy):
            del copy[k]  # lost
        else:
            copy.insert(k, draw(st.sampled_from(_ALPHABET)))  # added
    return "".join(copy), phrase


@settings(max_examples=500, deadline=None)
@given(_copies())
@example(("国家技米监督局阳", "国家技术监督局日"))
@example(("国家技米监督局", "国家技术监督局"))
@example(("\U00020000一\u3400\u9fff", "\U00020000一\u3400\u9fff\u4dc0"))  # (Han at the ranges' edges, kept)
@example(("别人干啥我干啥", "别人上啥我上啥"))  # (one character misread the same way twice)
def test_copy_alignment_equals_the_plain_computation(pair: tuple[str, str]):
    copy, phrase = pair
    assert _copy_alignment(copy, phrase) == _alignment_plain(copy, phrase)
