"""textutil: the shared character classes agree with each other."""
from __future__ import annotations

import re

from hypothesis import given, strategies as st

from layoutfix.textutil import HAN_CLASS, is_han

HAN_RE = re.compile(f"[{HAN_CLASS}]")


@given(st.characters())
def test_han_class_matches_exactly_what_is_han_accepts(ch: str) -> None:
    assert bool(HAN_RE.fullmatch(ch)) == is_han(ch)


def test_han_class_covers_the_block_edges() -> None:
    for ch in "\u4e00\u9fff\u3400\u4dbf\uf900\ufaff\U00020000\U0003134f":
        assert HAN_RE.fullmatch(ch)
    for ch in "\u3007\u303f\ua000A1，":
        assert not HAN_RE.fullmatch(ch)
