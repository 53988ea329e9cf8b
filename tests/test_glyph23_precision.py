"""Specification (session 23): what the glyph stage leaves as printed in clean text it had never read.

Invented sentences; each pins one class of false correction found on unseen clean text, beside the misprint of
the same shape the stage still mends.
"""
from __future__ import annotations

from layoutfix.stages.glyphs import fix_text, stray


def test_a_capitalised_latin_word_inside_chinese_text_stays() -> None:
    # a name, brand or model printed in Latin letters; a lower-case word there is debris (the synthesizer's strays)
    assert fix_text("学生们都很努Omega力学习")[0] == "学生们都很努Omega力学习"
    assert fix_text("学生们都很努omega力学习")[0] == "学生们都很努力学习"
    assert stray._CAPITALISED.fullmatch("Omega") and not stray._CAPITALISED.fullmatch("Om")
