"""seg29: a title printed on two lines is one title, and a column's label is no predicate (review28a).

Invented titles only. `wrapped_title_lines` reads the dump's layout: a title too long for its column wraps and the
dump prints its lines flush, while a kicker and a headline are set apart on pages that set their blocks apart.
`_opens_with_section` no longer takes a first line that opens with a verb over a line that opens with one too.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.titles import opens_with_verb, title_parts, title_section, wrapped_title_lines

_BODY = "本报讯 县里近日出台措施，从用地、人才等方面支持乡镇企业发展。\n\n县商务局负责人表示，措施下月起施行。\n"


def test_a_line_opening_with_a_verb_is_told_from_one_opening_with_a_noun() -> None:
    assert opens_with_verb("推进乡镇企业转型")
    assert opens_with_verb("让“老字号”")
    assert not opens_with_verb("今日关注")
    assert not opens_with_verb("教育视窗")  # (a verbal noun names the thing)


def test_a_short_first_line_opening_with_a_verb_over_a_line_opening_with_one_is_no_section_label() -> None:
    assert title_section(["坚持绿色发展", "推进乡镇企业转型升级"]) is None
    assert title_parts(["坚持绿色发展", "推进乡镇企业转型升级"]).section is None


def test_a_short_noun_label_over_a_title_stays_the_section() -> None:
    assert title_section(["今日关注", "推进乡镇企业转型升级"]) == "今日关注"
    assert title_section(["聚焦三农", "小镇来了新工厂"]) == "聚焦三农"  # (a verb-led label over a headline that is no predicate)


def test_flush_title_lines_are_one_printed_line_and_lines_set_apart_stay_apart() -> None:
    lines = ["县里出台十条措施支持", "乡镇企业转型升级"]
    assert wrapped_title_lines(lines, [False, True]) == [[0, 1]]
    assert wrapped_title_lines(lines, [False, False]) == [[0], [1]]


def test_a_flush_subheadline_or_a_flush_headline_under_a_section_label_stays_a_line_of_its_own() -> None:
    assert wrapped_title_lines(["县里出台十条措施", "——乡镇企业转型纪实"], [False, True]) == [[0], [1]]
    assert wrapped_title_lines(["今日关注", "乡镇企业转型升级"], [False, True]) == [[0], [1]]
    assert wrapped_title_lines(["某县：", "乡镇企业转型升级"], [False, True]) == [[0], [1]]


def test_a_headline_wrapped_onto_a_second_line_is_one_headline_and_the_wrap_is_logged() -> None:
    page = layoutfix.clean(f"县里出台十条措施支持\n乡镇企业转型升级\n\n{_BODY}")
    (it,) = page.items
    assert (it.section, it.kicker, it.headline) == (None, None, "县里出台十条措施支持乡镇企业转型升级")
    assert [e.line for e in page.edits if e.kind == "title_wrap"] == [2]


def test_a_kicker_set_apart_from_its_headline_stays_the_kicker() -> None:
    page = layoutfix.clean(f"县里出台十条措施支持\n\n乡镇企业转型升级\n\n{_BODY}")
    (it,) = page.items
    assert (it.kicker, it.headline) == ("县里出台十条措施支持", "乡镇企业转型升级")
    assert not [e for e in page.edits if e.kind == "title_wrap"]


def test_on_a_page_printed_without_blank_lines_flush_title_lines_say_nothing() -> None:
    page = layoutfix.clean("县里出台十条措施支持\n乡镇企业转型升级\n" + _BODY.replace("\n\n", "\n"))
    assert not [e for e in page.edits if e.kind == "title_wrap"]


def test_title_lines_each_marked_as_a_title_stay_lines_of_their_own() -> None:
    page = layoutfix.clean(f"## 县里出台十条措施支持\n## 乡镇企业转型升级\n\n{_BODY}")
    (it,) = page.items
    assert (it.kicker, it.headline) == ("县里出台十条措施支持", "乡镇企业转型升级")
