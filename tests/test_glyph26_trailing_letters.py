"""Specification (session 26): one to three lower-case Latin letters glued after the last Chinese character of a
clause, before its mark, are stray debris and go (a stray word or letter the stray test missed, since it asks for
Chinese on both sides). A web address, letters inside quotes or 《》 (a title may end in Latin letters), a word the
letters make with the characters before them, letters printed so again in the document and letters at the very
end of a block (where OCR reads a damaged 。 as a letter) stay.

Sentences are invented; the shipped model decides every fix.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from layoutfix.stages import glyphs as glyph_stage
from layoutfix.stages.glyphs import fix_text


@pytest.mark.parametrize("wrong,right", [
    ("会场布置得很简朴r，大家都很满意。", "会场布置得很简朴，大家都很满意。"),
    ("我们要继续努力and。", "我们要继续努力。"),
    ("今年的收成很好c；明年还会更好。", "今年的收成很好；明年还会更好。"),
])
def test_letters_glued_to_the_end_of_a_clause_go(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["stray"]
    assert edits[0].before.isascii() and edits[0].before.islower() and edits[0].after == ""


@pytest.mark.parametrize("text", [
    "详情请登录网站www.example.com查询。",   # an address: a stop that letters follow
    "他们唱了《春天ing》，大家都很喜欢。",   # inside 《》: a title's own letters
    "大家都很满意r",                       # at the end of the block: possibly a misread stop, left as printed
    "这个x，那个x，都要算清楚。",            # printed so again in the document
])
def test_what_is_written_so_or_cannot_be_judged_stays(text: str) -> None:
    assert fix_text(text)[0] == text


def test_the_rule_can_be_switched_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "会场布置得很简朴r，大家都很满意。"
    monkeypatch.setattr(glyph_stage.stray, "TRAILING_LETTERS", False)
    assert fix_text(text)[0] == text


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["会场", "布置", "简朴", "大家", "满意", "r", "and", "x", "，", "。", "《", "》", "www.", "ab"]),
                min_size=1, max_size=12))
def test_a_trailing_removal_takes_only_lower_case_letters_before_a_clause_mark(parts: list[str]) -> None:
    text = "".join(parts)
    out, edits = fix_text(text)
    for e in edits:
        if "end of a Chinese clause" in e.reason:
            assert e.before.isascii() and e.before.isalpha() and e.before.islower() and len(e.before) <= 3
            assert e.after == ""
    assert len(out) <= len(text)
