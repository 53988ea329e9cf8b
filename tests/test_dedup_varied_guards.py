"""dedup's varied-line guard: what still makes a line a garbled copy (review12a's uncaught breaks)."""
from __future__ import annotations

from layoutfix.lm import load_lm
from layoutfix.stages.dedup.garbled import _varied


def test_a_copy_that_lost_a_character_and_gained_another_is_no_varied_line() -> None:
    lm = load_lm(None)
    assert not _varied(lm, "全市今年新建学校", "市今年新建的学校")
    assert not _varied(lm, "大家在学校里。", "家在学校里呢。")


def test_without_a_closing_mark_an_added_character_must_sit_in_a_word() -> None:
    lm = load_lm(None)
    assert _varied(lm, "本报记者周明远", "本报记者周明远孙", marked=True)
    assert not _varied(lm, "本报记者周明远", "本报记者周明远孙", marked=False)
