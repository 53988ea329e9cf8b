"""Dedup's fluency bar between a varied line and a garbled copy (review12a: VARIED_BAR doubled to 3.6 passed the
suite). A copy that swaps one dictionary word for another one and reads far less fluently than the line it repeats
is a misreading; a swap that reads about as fluently is a line of its own. Invented text."""
from __future__ import annotations

import pytest

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.common import content
from layoutfix.stages.dedup.garbled import _varied
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

# (line, copy): every swap makes a dictionary word, and the copy reads more than 2.7 nats (the most fluent true
# garbled copy the bar was set from) below the line
MISREAD = [("今年的收成很好。", "今年的收音很好。"), ("这里风景优美。", "这里风力优美。")]
# (line, variant): a word swapped for another that reads about as fluently (under a nat)
VARIED = [("我们明天去学校。", "我们明天去医院。"), ("大家都很高兴。", "大家都很高手。")]


@pytest.mark.parametrize("line, copy", MISREAD)
def test_a_copy_that_swaps_in_another_word_but_reads_far_less_fluently_is_a_misreading(line: str, copy: str) -> None:
    lm = load_lm()
    drop = lm.score(content(line)) - lm.score(content(copy))
    assert drop > 2.7
    assert not _varied(lm, line, copy)
    page = dedup(normalize(read(f"{line}\n\n{copy}后面还有很多内容要说明白。", Config())))
    assert [n.text for n in page.noise] == [copy] and not page.unaccounted()


@pytest.mark.parametrize("line, variant", VARIED)
def test_a_line_that_swaps_in_a_word_and_reads_as_fluently_is_a_line_of_its_own(line: str, variant: str) -> None:
    lm = load_lm()
    assert lm.score(content(line)) - lm.score(content(variant)) < 1.0
    assert _varied(lm, line, variant)
