"""dedup (session 37, noise37): specs that pin session 36's guards (each fails when its guard is removed or
loosened), and the copies this session's rules send to noise and what they keep. Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clausecopy import clause_copy
from layoutfix.stages.dedup.clauses import _clause_repeats
from layoutfix.stages.dedup.garbled import garbled_prefix
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str) -> Page:
    return dedup(normalize(read(dump, Config())))


def dedup_edits(page: Page) -> list:  # type: ignore[type-arg]
    return [e for e in page.edits if e.stage == "dedup"]


# --- session 36's guards ----------------------------------------------------------------------------------------

def test_after_a_copy_closing_on_its_mark_only_two_stray_characters_may_stand_alone() -> None:
    # garbled.STRAY_MOST: a page or column number glued on is one or two digits; a row of spaced figures after the
    # copy is more than a stray, and (the first four characters holding one figure) no new text either: no copy.
    # (Through normalize a line's spaces are single, so there two or more characters read as new text anyway; the
    # guard holds for a line handed to the finder as printed.)
    lm = load_lm()
    prev = "她用一句话，概括了近三十年的风雨和坎坷。"
    assert garbled_prefix(prev, "概括不近三十杂的风雨利坎。 3", lm)[0] == 13
    assert garbled_prefix(prev, "概括不近三十杂的风雨利坎。 3    12 7", lm) == (0, 0.0)


def test_a_clause_cut_to_its_last_characters_is_aligned_again_only_a_few_characters_on() -> None:
    # clausecopy.CUT_SHIFTS: a line that opens on a name and then says the last words of a long clause, five
    # characters short of where the cut clause starts, is a sentence of its own (a word left out), not a copy that
    # started later
    lm = load_lm()
    prev = "今年以来，全县各级干部深入田间地头帮助农民解决生产生活中的实际困难和问题。"
    assert clause_copy(prev, "嵇琇解决生产生活中的实际困难和问题。她说，明年还要修路。", lm) == (0, 0.0)
    assert clause_copy(prev, "嵇琇民解决生产生活中的实际困难和问题。她说，明年还要修路。", lm) == (0, 0.0)


def test_a_quotation_closing_before_a_comma_is_no_paragraph_end_a_copy_may_repeat() -> None:
    # garbled._CLOSING_BEFORE_COMMA holds the ellipsis only: a quoted name closes mid-sentence ('…“老黄牛”，' goes on),
    # so the next line taking up the words before the quote is the text's, not a copy of the line's end
    dump = ("这支队伍在当地群众中有口皆碑，人们都亲切地称他们为“老黄牛”，\n\n"
            "都亲切地称他们“老黄牛”的原因很简单，他们从不叫苦。\n")
    page = run(dump)
    assert not page.noise and not dedup_edits(page)
    assert [b.text for b in page.blocks][-1] == "都亲切地称他们“老黄牛”的原因很简单，他们从不叫苦。"


def test_only_a_double_quote_turned_the_other_way_is_read_as_the_same_mark() -> None:
    # clauses._DOUBLE_QUOTES: a long clause printed again with its quotes turned ('”幸福渠“') is the same clause; one
    # that puts words where the first had quotes ('大幸福渠了') says something else, however alike the rest
    lm = load_lm()
    first = "村里人说，大家都把这条新修的水渠叫作“幸福渠”，它让旱地变成了水浇地。老支书讲，今年以来，"
    turned = first + "大家都把这条新修的水渠叫作”幸福渠“，这是群众对我们的肯定。"
    assert _clause_repeats(turned, lm)[0] == [(45, 64)]
    reworded = first + "大家都把这条新修的水渠叫作大幸福渠了，这是群众对我们的肯定。"
    assert _clause_repeats(reworded, lm)[0] == []
    page = run(reworded + "\n")
    assert [b.text for b in page.blocks] == [reworded] and not page.noise
