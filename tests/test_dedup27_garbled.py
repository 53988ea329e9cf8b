"""dedup27: garbled partial repeats that leaked on fresh pages, and what must still be kept.

Two shapes: a dated heading ('2005年3月') whose copy shares one Han character with it but the whole year, and
a long clause said again with one character swapped where no dictionary word stands in either line.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import Block, Page
from layoutfix.stages.dedup import dedup, garbled_prefix
from layoutfix.stages.dedup.garbled import _aligned_score, _copy_score, _varied

HEADING = "2005年3月"
ENTRY = "市里召开全体会议，部署全年的工作。"


def test_a_garbled_copy_of_a_dated_heading_opening_the_next_line_is_found() -> None:
    lm = load_lm(None)
    assert garbled_prefix(HEADING, "2005年3日" + ENTRY, lm)[0] == len("2005年3日")


def test_a_line_that_starts_with_the_heading_s_figures_and_says_more_is_no_copy() -> None:
    lm = load_lm(None)
    for text in ("2005年3月" + ENTRY,      # the heading printed again as is: a lead, never a misprint
                 "2005年3至5月" + ENTRY,   # a figure goes on after the would-be copy
                 "2005年3到5月" + ENTRY,
                 "2005年3季度" + ENTRY,    # it would end inside a word
                 "2005年，" + ENTRY,       # shorter than the heading: no copy of it
                 "5年3日" + ENTRY):        # other figures
        assert garbled_prefix(HEADING, text, lm)[0] == 0, text
    # a two-digit figure is no evidence: months and days recur
    assert garbled_prefix("12月5日", "12月6号" + ENTRY, lm)[0] == 0


def test_a_whole_year_counts_as_much_as_han_characters_only_when_asked() -> None:
    # matched one for one, '2005' weighs 0.3 a digit for a marked line's copy and 1.0 for a heading's
    assert _aligned_score("2005年3月", "2005年3日") < 2.5 <= _aligned_score("2005年3月", "2005年3日", True, True)
    assert _copy_score("2005年3月", "2005年3日", 0.0, True)[0] == _aligned_score("2005年3月", "2005年3日", True, True)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1000, max_value=9999), st.integers(min_value=1, max_value=9),
       st.integers(min_value=1, max_value=9))
def test_a_heading_s_year_with_another_year_after_it_is_never_a_copy(year: int, month: int, other: int) -> None:
    """Whatever the figures, a line whose year differs from the heading's keeps its start."""
    lm = load_lm(None)
    head = f"{year}年{month}月"
    text = f"{year + 1}年{other}日" + ENTRY
    assert garbled_prefix(head, text, lm)[0] == 0


CLAUSE = "代表们对这份报告的内容给予了很高的评价。"


def test_a_long_clause_said_again_with_one_character_swapped_outside_any_word_is_a_misreading() -> None:
    lm = load_lm(None)
    copy = CLAUSE.replace("报告的内容", "报告时内容")
    assert not _varied(lm, CLAUSE, copy)
    j, _ = garbled_prefix("会上，" + CLAUSE, copy + "随后，大会进入分组讨论。", lm)
    assert j == len(copy)


def test_a_line_that_varies_a_word_of_the_one_before_is_still_kept() -> None:
    lm = load_lm(None)
    assert garbled_prefix("他们上来了。", "他们下来了。我们也跟着走了过去。", lm)[0] == 0
    assert garbled_prefix("会上，" + CLAUSE, CLAUSE + "随后，大会进入分组讨论。", lm)[0] == 0  # verbatim


def test_the_dropped_copy_is_logged_and_kept_as_noise() -> None:
    entry = "2005年3日" + ENTRY
    raw = f"{HEADING}\n\n{entry}\n"
    page = Page(source="t", raw=raw, config=Config(), blocks=(
        Block(id=0, text=HEADING, line=1, origin=((0, 1),)),
        Block(id=1, text=entry, line=3, origin=((0, 3),)),
    ))
    out = dedup(page)
    assert [b.text for b in out.blocks] == [HEADING, ENTRY]
    assert [n.text for n in out.noise] == ["2005年3日"]
    edit, = [e for e in out.edits if e.stage == "dedup"]
    assert edit.kind == "to_noise" and edit.line == 3 and "line 1" in edit.reason and 0 < edit.confidence <= 1
    assert not out.unaccounted()


HEADLINE = "希望全市在年底前全面完成老旧小区的改造任务"
RESTATED = "望全市在年底前全面完成老旧小区改造任务。"  # (a column cut took its first character)


def _page(*texts: str) -> Page:
    raw = "\n\n".join(texts) + "\n"
    return Page(source="t", raw=raw, config=Config(), blocks=tuple(
        Block(id=i, text=t, line=2 * i + 1, origin=((0, 2 * i + 1),)) for i, t in enumerate(texts)))


def test_a_body_sentence_restating_a_headline_not_word_for_word_is_kept() -> None:
    # a reprint keeps its marks: a headline (no closing mark) and a sentence of the body are two printings only
    # when they are the same word for word
    out = dedup(_page(HEADLINE, "本报讯 市里昨天召开会议，部署今年的民生工程。", RESTATED))
    assert [b.text for b in out.blocks][-1] == RESTATED
    assert not [e for e in out.edits if e.stage == "dedup"]


def test_a_misread_reprint_of_a_sentence_is_still_dropped() -> None:
    sentence = "全市在年底前全面完成老旧小区的改造任务，惠及居民三万多户。"
    misread = sentence.replace("改造", "攻造")
    out = dedup(_page(sentence, "本报讯 市里昨天召开会议，部署今年的民生工程。", misread))
    assert [b.text for b in out.blocks][-1] != misread
    drop, = [e for e in out.edits if e.stage == "dedup"]
    assert drop.kind == "duplicate" and drop.line == 5 and drop.before == misread


BYLINE = "本报记者赵明《城市晚报》记者孙立和"


def test_a_garbled_copy_of_a_whole_byline_whose_name_ends_on_a_function_word_is_found() -> None:
    # '和' ends the name, not a line cut before what it joins: the copy repeats the line down to that character
    lm = load_lm(None)
    text = "本极记者赵明《城市晚报》去孙立和" + "编者按：近年来，本报不断收到读者来信。"
    assert garbled_prefix(BYLINE, text, lm)[0] == len("本极记者赵明《城市晚报》去孙立和")


def test_a_line_cut_on_a_function_word_still_reads_on_into_the_next() -> None:
    lm = load_lm(None)
    assert garbled_prefix("东门粮站的站长和", "西门粮站的站长和书记一起到会，听取了意见。", lm)[0] == 0
    assert garbled_prefix("从村里的第一条路到", "村里的第三条路，都是今年新修的。", lm)[0] == 0
