"""segment (`segment.rests`): the rest of a sentence that `flow` left under the next article's title goes back to
the article it was cut from, joined to the paragraph that stops mid-sentence. It moves only when the article before
stops mid-sentence with no continuation found, the piece opens as the rest of a sentence (flow's opening odds) and
shares at least twice as many character pairs with the article before as with its own. Nothing is lost: the move
changes no character, and it is logged. Invented text throughout."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix.stages.segment import items

HOME = "河湾县敬老院来了新院长\n\n"
HOME_LEAD = "本报讯 河湾县敬老院新院长上任后，先把院里的老人挨个看了一遍，记下每个人的难处。\n\n"
CUT = "上个月，院里有一位年过七旬的老人生病住院，院长每天都去医院看望，"
REST = "还请来县里的大夫为院里的老人检查身体，老人们都说新院长好。"
SCHOOL = "西山镇中心小学换上新课桌\n\n"
SCHOOL_LEAD = "本报讯 近日，西山镇中心小学的孩子们换上了新课桌椅，教室里亮堂了许多。\n\n"
SCHOOL_MORE = "学校还为孩子们添置了图书，新建了一间阅览室。\n\n孩子们说，坐在新课桌前读书，心里也亮堂了。\n\n"
# opens the same way as REST, but talks about the school
SCHOOL_OWN = "还请来县里的木工为学校的孩子们修好了旧课桌，孩子们都说新课桌好。"


def page_of(home_last: str, under_school: str) -> str:
    """The home article ending on `home_last`, then the school article with `under_school` as its second paragraph
    (set between two columns of the school report, where flow finds no join for the cut paragraph)."""
    return HOME + HOME_LEAD + home_last + "\n\n" + SCHOOL + SCHOOL_LEAD + under_school + "\n\n" + SCHOOL_MORE


def moves(page: layoutfix.Page) -> list[layoutfix.Edit]:
    return [e for e in page.edits if e.stage == "segment" and e.kind == "moved" and "rest of a sentence" in e.reason]


def test_the_rest_of_a_cut_sentence_goes_back_to_the_paragraph_it_was_cut_from() -> None:
    page = layoutfix.clean(page_of(CUT, REST))
    home, school = page.items
    assert home.paragraphs[-1] == CUT + REST and not home.truncated
    assert REST not in school.paragraphs and school.paragraphs[0].startswith("近日，西山镇中心小学")
    (move,) = moves(page)
    assert move.line == 11 and "opening odds" in move.reason and "character pairs" in move.reason
    assert "with the article before" in move.reason and move.before == move.after == ""
    assert not page.unaccounted()


def test_a_paragraph_that_opens_as_a_rest_but_talks_about_its_own_article_stays() -> None:
    page = layoutfix.clean(page_of(CUT, SCHOOL_OWN))
    home, school = page.items
    assert home.paragraphs[-1] == CUT and home.truncated
    assert SCHOOL_OWN in school.paragraphs and not moves(page)


@pytest.mark.parametrize("ending", ["。", "！", "？", "。”"])
def test_an_article_that_ends_its_sentence_never_receives_a_rest(ending: str) -> None:
    done = CUT[:-1] + ending
    page = layoutfix.clean(page_of(done, REST))
    home, school = page.items
    assert home.paragraphs[-1] == done and REST in school.paragraphs and not moves(page)


def test_an_article_ending_on_a_closing_remark_in_brackets_never_receives_a_rest() -> None:
    # a remark wholly in brackets reads as open ('…）' looks through to nothing), but it closes the article
    remark = "（作者单位：河湾县老年人活动中心）"
    page = layoutfix.clean(page_of(CUT[:-1] + "。\n\n" + remark, REST))
    assert REST in page.items[-1].paragraphs and not moves(page)


SENTENCE = CUT + REST
EXTRA = ["（李明）", "东山村的果园今年又是个丰收年，", "村民们把苹果装上了车。", SCHOOL_OWN, "河湾县老年大学开学了"]


def _output_chars(page: layoutfix.Page) -> Counter:
    got: Counter = Counter()
    for text in page.output_texts():
        got.update(c for c in text if not c.isspace())
    return got


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=8, max_value=len(SENTENCE) - 8), st.lists(st.sampled_from(EXTRA), max_size=3),
       st.lists(st.sampled_from(EXTRA), max_size=3))
def test_nothing_is_lost_a_move_changes_no_character(cut: int, above: list[str], below: list[str]) -> None:
    """Wherever the sentence is cut, with other lines around the piece, every input character is still in the
    output (an item or the noise), and the output holds the same characters as without the rule."""
    dump = page_of("\n\n".join(above + [SENTENCE[:cut]]), "\n\n".join([SENTENCE[cut:]] + below))
    page = layoutfix.clean(dump)
    assert not page.unaccounted()
    original = items.return_rests
    try:
        items.return_rests = lambda *args: None
        without = layoutfix.clean(dump)
    finally:
        items.return_rests = original
    assert _output_chars(page) == _output_chars(without)  # the rule only moves text between items
