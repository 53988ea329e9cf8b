"""normalize pairs ASCII parens and asks whether each pair stands in Chinese context, in one pass.

A pair is Chinese when a Chinese character or mark is inside it (at any depth) or right before its '(' (past spaces);
the answer must not cost a rescan of the inside for every nesting level (review22a: depth 10,000 took 13 s).
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.stages import normalize
from layoutfix.textutil import is_cjkish, is_han


def _rescanning(text: str) -> dict[int, bool]:
    """The plain definition: every closed pair looks at all of its inside."""
    out: dict[int, bool] = {}
    stack: list[int] = []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            j = stack.pop()
            before, _ = normalize._neighbors(text, j)
            out[i] = out[j] = any(is_cjkish(x) for x in text[j + 1:i]) or is_han(before)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()() 甲乙，a1.", max_size=40))
def test_pairs_are_judged_as_the_plain_definition_judges_them(text: str) -> None:
    assert normalize._paren_pairs(text) == _rescanning(text)


def test_a_pair_inside_a_pair_makes_the_outer_pair_chinese_too() -> None:
    pairs = normalize._paren_pairs("x(a(b甲)c)y")
    assert pairs == {1: True, 8: True, 3: True, 6: True}


def test_a_han_before_the_open_paren_makes_an_empty_pair_chinese() -> None:
    assert normalize._paren_pairs("甲 ()") == {2: True, 3: True}
    assert normalize._paren_pairs("a ()") == {2: False, 3: False}


def test_deep_nesting_looks_at_each_character_at_most_once(monkeypatch) -> None:
    calls = 0

    def counting(ch: str) -> bool:
        nonlocal calls
        calls += 1
        return is_cjkish(ch)

    monkeypatch.setattr(normalize, "is_cjkish", counting)
    depth = 2_000
    text = "(" * depth + "abc" + ")" * depth
    pairs = normalize._paren_pairs(text)
    assert len(pairs) == 2 * depth and not any(pairs.values())
    assert calls <= len(text)
