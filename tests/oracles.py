"""Plain computations the speed specs compare their fast paths with, shared so each is written once."""
from __future__ import annotations

from typing import Callable

import pytest

from layoutfix.stages.dedup.doublings import MAX_COPY, MAX_COPY_DROPS, MIN_COPY
from layoutfix.textutil import is_han


def echoes_plain(text: str) -> list[int]:
    """Dedup's echoes by their definition: bit d where the character is printed again d characters on (MIN_COPY <=
    d <= MAX_COPY + MAX_COPY_DROPS), bit 0 where `is_han` takes it."""
    out = []
    for x, c in enumerate(text):
        bits = 1 if is_han(c) else 0
        for d in range(MIN_COPY, MAX_COPY + MAX_COPY_DROPS + 1):
            if x + d < len(text) and text[x + d] == c:
                bits |= 1 << d
        out.append(bits)
    return out


def same_both_ways(module: object, ask: Callable[[], object]) -> None:
    """`ask()` answers the same with `module.COMPILED` true and false: the suite runs the source tree, where the
    switch is read at call time, so the branch only a compiled build takes is checked against the other here."""
    got = []
    for compiled in (True, False):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(module, "COMPILED", compiled)
            got.append(ask())
    assert got[0] == got[1]
