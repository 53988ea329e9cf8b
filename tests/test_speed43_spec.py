"""speed43: the compiled word walk takes every text without penalties, and the furniture test's helpers are
written once; each gives the answers of the plain form it replaces (invented text only).

`lm._forward` hands a text without penalties to `textutil.short_walk` at any length where that walk runs compiled
(`lm.WALK_ALWAYS`): segment's and dedup's segmentations of whole lines went through the interpreted whole-text
lookups before. The two walks make the same sums in the same order, so the same floats and back pointers.
"""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings, strategies as st

import layoutfix.lm as lm_module
from layoutfix import patterns
from layoutfix.buildinfo import compiled_modules
from layoutfix.lm import _forward, load_lm
from layoutfix.stages.flow import words

# invented pieces: Han words and characters, an extension-B character, letters, digits, marks of both widths
_PIECES = ["工作", "会议", "要求", "做好", "人民", "中华", "共和国", "代表", "了", "的", "甲", "乙", "\U00020001",
           "，", "。", "、", "：", ":", " ", "\u3000", "a", "Z", "1", "２", "——", "（", "）"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(deadline=None, max_examples=150)  # (the first example loads the word model)
@given(_TEXTS)
def test_the_walk_taken_for_every_text_gives_the_whole_text_walks_floats_and_back_pointers(text: str) -> None:
    lm = load_lm()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(lm_module, "WALK_ALWAYS", True)
        walked = _forward(lm, text)
        m.setattr(lm_module, "WALK_ALWAYS", False)
        m.setattr(lm_module, "SHORT_TEXT", -1)  # no text is short enough for the walk: the whole-text lookups
        assert walked == _forward(lm, text)


@settings(deadline=None, max_examples=60)
@given(_TEXTS)
def test_flows_forward_pass_takes_the_same_walk_without_the_interpreted_call(text: str) -> None:
    lm = load_lm()
    plain = _forward(lm, text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(words, "WALK_ALWAYS", True)
        m.setattr(words, "_forward", None)  # (not called: the walk is asked directly, at any length)
        assert words.short_forward(lm, text) == plain


def test_a_long_line_is_walked_at_once_exactly_where_the_walk_runs_compiled() -> None:
    assert lm_module.WALK_ALWAYS == ("layoutfix.textutil" in compiled_modules())
    assert lm_module.walks_at_once(lm_module.SHORT_TEXT)  # a short text always is
    assert lm_module.walks_at_once(200) == lm_module.WALK_ALWAYS


def test_the_walk_segments_a_long_invented_line_into_its_words() -> None:
    lm = load_lm()
    text = "人民代表要求做好工作" * 8
    with pytest.MonkeyPatch.context() as m:
        m.setattr(lm_module, "WALK_ALWAYS", True)
        words_found = lm.segment(text)
    assert "".join(words_found) == text and "人民" in "".join(w for w in words_found if len(w) > 1)


_HEADER_PARTS = st.lists(st.sampled_from(["2026年1月5日", "星期一", "第3版", "A2", "责任编辑", "：", ":", " ",
                                          "\u3000", "某某日报", "综合新闻", "甲乙"]), max_size=9).map("".join)


@given(_HEADER_PARTS)
def test_the_compiled_colon_pattern_cuts_a_header_as_the_module_call_did(text: str) -> None:
    plain = regex.sub(r"[ \u3000]*[：:][ \u3000]*", "：", text.strip())
    assert patterns._HEADER_COLON.sub("：", text.strip()) == plain


# the module constants the compiled loops read per pair, per block or per line: each is `Final`, so the compiled
# build reads it from a static (or, a literal, as itself) instead of looking its name up in the module's globals
_FINAL = {
    "layoutfix.model": ["TEXT", "TITLE", "TABLE", "BYLINE", "CREDIT", "JUMP", "NOISE"],
    "layoutfix.textutil": ["CJK_PUNCT", "SENTENCE_END", "CLOSERS", "_CLOSERS", "CLAUSE_PUNCT", "HAN_CLASS"],
    "layoutfix.stages.flow.pairs": ["LINE", "MAX_DISTANCE", "_LOG", "_LOG1P", "COMPILED", "_GAIN", "_SIM", "_PMI",
                                    "_D1", "_POS", "_QUOTE_MATCH", "_GAIN_MARGIN", "_START_MARGIN"],
    "layoutfix.stages.flow.blocks": ["_SENTENCE_END", "_BRACKET"],
    "layoutfix.stages.dedup.clauses": ["_WHOLE", "_HAN", "MIN_CLAUSE_LEN"],
    "layoutfix.stages.dedup.repeats": ["MIN_REPEAT", "KEY"],
    "layoutfix.stages.segment.shapes": ["NUMERIC", "NOT_HAN", "TRAILING_BRACKET"],
    "layoutfix.stages.segment.roles": ["CLOCK_TIME"],
}


def test_the_constants_the_compiled_loops_read_are_final() -> None:
    import importlib

    for module, names in _FINAL.items():
        hints = vars(importlib.import_module(module)).get("__annotations__", {})
        assert [n for n in names if not str(hints.get(n, "")).startswith("Final")] == [], module
    # the pair loop's own copies of the feature positions are the join model's (the pairs module defines them: a
    # name imported from the interpreted model would be looked up at every use)
    from layoutfix.stages.flow import model, pairs

    for name in ("_GAIN", "_FOREIGN", "_SIM", "_QUOTE_MATCH", "_GAIN_MARGIN", "_START_MARGIN"):
        assert getattr(pairs, name) == getattr(model, name)
    assert [pairs.PAIR_FEATURES[getattr(pairs, n)] for n in ("_PMI", "_D1", "_POS", "_SPAN", "_SENT_LEN")] == [
        "pmi", "d1", "pos_join", "span_word", "sent_len"]



def test_every_upper_case_constant_of_a_compiled_module_is_final() -> None:
    # setup.py's COMPILED modules: a module-level NAME (upper case) bound once is a constant the compiled code
    # reads at every use; unannotated, mypyc looks it up in the module's globals and unboxes it each time
    import ast
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    setup = (root / "setup.py").read_text(encoding="utf-8")
    compiled = ["layoutfix/textutil.py"] + [
        f"layoutfix/stages/{stage}/{m}.py" for stage, names in re.findall(
            r'f"layoutfix/stages/(\w+)/\{m\}\.py" for m in\s*\(([^)]*)\)', setup)
        for m in re.findall(r'"(\w+)"', names)]
    assert len(compiled) == 38
    plain = []
    for path in compiled:
        for node in ast.parse((root / path).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                    and re.fullmatch(r"_?[A-Z][A-Z0-9_]*", node.targets[0].id):
                plain.append(f"{path}:{node.targets[0].id}")
    assert plain == []
