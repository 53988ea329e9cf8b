"""flow27: session 26's open review specs that `flow.titles` fixed (a title-like line never continues across a
byline; one that opens with a subheadline's dash ends its paragraph unless a word spans the join), and the rules
themselves. Invented text only.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix.model import BYLINE, TEXT, Block
from layoutfix.stages.flow.titles import ACROSS_BYLINE, SUBHEAD, opens_with_dash, title_source_rule

_PARK = ("## 湖畔公园游人如织\n\n本报讯 孩子们终于有了一块平整的运动场地。今年全市新修农村公路三百多公里，通车里程达到一万公里。\n\n"
         "馆内藏书十万册，设有阅览室和自习室。服务站将提供缴费、咨询、代办等多项服务。\n\n")
_LIBRARY = "\n\n园方负责人说，公园还将新建一座观景台。\n\n合作社今年带动两千多户农民增收。\n"


@pytest.mark.parametrize("title", ["城东新建一座图书馆\n——西山乡办学条件明显改善",
                                   "为了更美的家园\n城东新建一座图书馆\n——西山乡办学条件明显改善"])
def test_a_dash_subheadline_is_never_joined_to_the_paragraph_under_it(title: str) -> None:
    # The title lines printed one to a line: the item is found, but flow joins its '——' subheadline to the
    # paragraph under it (probability 0.79-0.82), so the subheadline reads '——西山乡办学条件明显改善园方负责人说，
    # 公园还将新建一座观景台。' and the body loses its first paragraph.
    page = layoutfix.clean(_PARK + title + _LIBRARY)
    assert page.items[-1].subheadline == "——西山乡办学条件明显改善"
    assert page.items[-1].paragraphs[0] == "园方负责人说，公园还将新建一座观景台。"


@pytest.mark.parametrize("byline", ["本报记者 钱多多\n\n", "实习生 钱多多 实习记者 孙晓东\n\n"],
                         ids=["reporter", "two-interns"])
def test_an_unmarked_kicker_and_headline_opening_on_a_preposition_heads_the_page_not_its_first_paragraph(
        byline: str) -> None:
    # '为了更美的家园 全市供暖工作全面启动' over the page: a kicker opening with '为了' and the headline, one line,
    # unmarked. flow reads a title-like line opening with a preposition as a cut first line
    # (pairs.py: title_fw, 'a title-like line opening with a preposition goes on next') and joins it to the first
    # body paragraph, across the byline: the page's only article has no title ('为了更美的家园全市供暖工作全面启动
    # 各地纷纷出台措施，…'), and the byline opens an untitled item of its own with the second paragraph. Marked '## ',
    # or with a kicker that opens otherwise ('坚持以人民为中心 …'), the same page comes out right.
    page = layoutfix.clean("为了更美的家园 全市供暖工作全面启动\n\n" + byline
                           + "各地纷纷出台措施，支持小微企业发展。\n\n合作社今年带动两千多户农民增收。\n")
    (it,) = page.items
    assert (it.kicker, it.headline) == ("为了更美的家园", "全市供暖工作全面启动")
    assert it.paragraphs == ("各地纷纷出台措施，支持小微企业发展。", "合作社今年带动两千多户农民增收。")


def test_a_subheadline_dash_opens_the_line_or_follows_a_space() -> None:
    assert opens_with_dash("——记西山乡的乡村教师")
    assert opens_with_dash("———从政府到人大任职")
    assert opens_with_dash("城东新建一座图书馆 ——西山乡办学条件明显改善")
    assert not opens_with_dash("城东新建一座图书馆——西山乡")  # a dash inside a phrase, no space before it
    assert not opens_with_dash("—西山乡")  # one dash alone
    assert not opens_with_dash("西山乡办学条件明显改善")


def _block(text: str, line: int, role: str = TEXT) -> Block:
    return Block(id=line, text=text, line=line, role=role)


def test_a_title_like_source_is_held_back_by_a_byline_between_and_by_its_dash_unless_a_word_spans_the_join() -> None:
    blocks = [_block("全市供暖工作全面启动", 1), _block("本报记者 钱多多", 3, BYLINE),
              _block("各地纷纷出台措施，支持小微企业发展。", 5), _block("——记西山乡的乡村教师", 7),
              _block("他在这所小学教了三十年书。", 9)]
    assert title_source_rule(blocks, 0, 2, 0.0) == ACROSS_BYLINE
    assert title_source_rule(blocks, 0, 2, 5.0) == ACROSS_BYLINE  # a word across does not lift the byline
    assert title_source_rule(blocks, 3, 4, 0.0) == SUBHEAD
    assert title_source_rule(blocks, 3, 4, 3.0) == ""  # a list item cut mid-word ('…领导成' | '员…') may go on
    assert title_source_rule(blocks, 0, 1, 0.0) == ""  # nothing between, no dash


def test_the_near_miss_of_a_held_back_title_says_why() -> None:
    page = layoutfix.clean("为了更美的家园 全市供暖工作全面启动\n\n本报记者 钱多多\n\n"
                           "各地纷纷出台措施，支持小微企业发展。\n\n合作社今年带动两千多户农民增收。\n")
    assert not [e for e in page.edits if e.stage == "flow" and e.kind == "join"]
    assert any(e.kind == "no_join" and "a byline stands between" in e.reason for e in page.edits)


_TITLES = ["为了更美的家园 全市供暖工作全面启动", "全市供暖工作全面启动", "关于做好冬季供暖工作的", "城东新建一座图书馆"]
_BYLINES = ["本报记者 钱多多", "实习生 钱多多 实习记者 孙晓东", "本报通讯员 孙晓东"]
_OPENINGS = ["各地纷纷出台措施，支持小微企业发展。", "提高了办学水平，新操场近日建成投入使用。", "的通知下发以后，各地迅速行动起来。"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_TITLES), st.sampled_from(_BYLINES), st.sampled_from(_OPENINGS))
def test_a_title_like_line_never_continues_across_a_byline(title: str, byline: str, opening: str) -> None:
    page = layoutfix.clean(f"{title}\n\n{byline}\n\n{opening}\n\n合作社今年带动两千多户农民增收。\n")
    joins = [e for e in page.edits if e.stage == "flow" and e.kind == "join"]
    assert not [e for e in joins if e.reason.startswith("line 1 continues")]
