"""review21a: pins for session 20's read and normalize changes that no test held. Invented text only."""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

import layoutfix
from layoutfix.stages.normalize import _LONG_SPANS, changed_spans
from layoutfix.stages.read import decode


def test_a_gb18030_page_with_one_private_use_character_is_read_and_keeps_it() -> None:
    # a user-defined code (a rare character a press set itself) once on the page: its line reads worse as Big5,
    # so the page is GB18030 as printed, not a file that mixes encodings, and the character reaches the output
    body = "本报讯 青石县农民王\ue000今年种了二十亩大棚蔬菜，收入比去年多了两成。\n"
    data = "县里农民种菜增收\n\n".encode("gb18030") + body.encode("gb18030")
    assert decode(data)[1] == "gb18030"
    page = layoutfix.clean(data)
    assert ["\ue000" in p for it in page.items for p in it.paragraphs] == [True]


def _opcode_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    spans: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(old, new):
        if tag == "equal":
            continue
        if spans and spans[-1][1] == i1 and spans[-1][3] == j1:
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))
    return spans


def _replay(old: str, new: str, spans: list[tuple[int, int, int, int]]) -> str:
    for i1, i2, j1, j2 in reversed(spans):
        old = old[:i1] + new[j1:j2] + old[i2:]
    return old


def test_a_long_block_changed_at_its_very_start_and_end_gets_as_many_spans_as_a_whole_alignment() -> None:
    # the change-by-change walk of a long block: a change that runs to the end of one text but not the other
    # (no 32 agreeing characters after it) is aligned with the rest at once, and one at offset 0 opens the walk;
    # the spans replay old into new, as many as the whole-block opcodes give (which of two like places an
    # insertion takes may differ: equal cost)
    line = "河湾镇今冬办起了农民夜校，每周三个晚上请农技员讲课。"
    old = line * (_LONG_SPANS // len(line) + 10)
    for new in (" " + old[:-3], old[1:] + "课。", "\u3000" + old.replace("每周", "每星期", 3) + "（完）"):
        assert len(old) + len(new) > _LONG_SPANS
        spans = changed_spans(old, new)
        assert _replay(old, new, spans) == new
        assert len(spans) == len(_opcode_spans(old, new))
        assert [s[1] - s[0] for s in spans] == [s[1] - s[0] for s in _opcode_spans(old, new)]
