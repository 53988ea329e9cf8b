"""seg30b: review30a's title and table defects in `segment.titles` and `segment.tables`.

The three `test_defect_...` specs are review30a's (`tests/test_review30a_spec.py` on that branch), moved here with
their names and text. The unit tests under them say the rules: two title lines printed flush are one wrapped line
only when the break falls inside a phrase (`runs_on`); a short verb-led first line is a title's first clause,
not a column's label, only when it is balanced with the line under it (`_first_clause`); a header row of year
columns is labels over figures (`_date_label`). Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.stages.segment.tables import _date_label, _labels_over_figures, repeated_headers
from layoutfix.stages.segment.titles import runs_on, title_section, wrapped_title_lines
from pagetext import articles as _articles, shape as _shape


# == review30a's specs ===============================================================================================

@pytest.mark.parametrize("label, headline", [("聚焦两会", "推动乡村产业取得新成效"), ("走基层", "探访山区小学的营养午餐")])
def test_defect_a_column_label_opening_with_a_verb_is_the_section(label: str, headline: str) -> None:
    """Column labels often open with a verb ('聚焦两会', '走基层', '关注民生', '看变化'), and so do headlines. A short
    unmarked label over a '## ' headline. Expected: section=label. Got: kicker=label (the same label over a
    headline opening with a noun, '城东新区建设提速', is the section): session 29's guard reads a verb-opening
    first line over a verb-opening line as the title's first clause (`opens_with_verb` on both lines)."""
    page = layoutfix.clean(f"{label}\n\n## {headline}\n\n本报讯 市人大会议昨日开幕，代表们围绕发展建言献策，会场气氛热烈。\n")
    arts = _articles(page)
    assert arts and arts[0].section == label and arts[0].headline == headline, _shape(page)


@pytest.mark.parametrize("first, second", [("全市经济工作会议召开", "明确明年十项重点任务"),
                                           ("加快推进乡村振兴", "城南新区建设提速")])
def test_defect_two_complete_title_lines_printed_flush_are_two_titles(first: str, second: str) -> None:
    """A headline over its subheadline (or a kicker over the headline), each a complete short phrase, printed flush
    with no blank line between, as a PDF or OCR dump often prints a title group. Expected: two title fields (the
    lines not glued). Got: headline '全市经济工作会议召开明确明年十项重点任务': session 29's `title_wrap` reads any
    two flush unmarked title lines on a page that sets blocks apart as one wrapped title, whatever the first line's
    length or ending (a wrapped title's first line fills the column and stops mid-phrase: pinned below)."""
    page = layoutfix.clean("本报讯 全市春耕生产工作会议昨日召开，会议要求各地抓紧抓好春耕备耕各项工作。\n\n"
                           f"{first}\n{second}\n\n本报讯 会议昨日召开，总结了今年工作，部署了明年重点任务。\n")
    arts = _articles(page)
    fields = [f for it in arts for f in (it.kicker, it.headline, it.subheadline) if f]
    assert first in fields and second in fields, _shape(page)


def test_defect_a_repeated_header_row_of_year_columns_is_kept_once() -> None:
    """A statistics table headed '指标 2022年 2023年', its header printed again at a column break. Expected: the
    header row once. Got: both kept (`_labels_over_figures` asks that a header be labels over figures; '2022年' reads
    as a figure, so the repeat is taken for a data row). Year columns are the commonest header of a financial or
    statistics table."""
    page = layoutfix.clean("## 全市主要经济指标\n\n本报讯 市统计局昨日发布上半年主要经济指标，详见下表。\n\n"
                           "指标\t2022年\t2023年\n地区生产总值\t520\t560\n固定资产投资\t310\t335\n"
                           "指标\t2022年\t2023年\n商品零售总额\t280\t301\n进出口总额\t150\t162\n")
    rows = [r for it in page.items for t in it.tables for r in t]
    assert rows.count(("指标", "2022年", "2023年")) == 1, rows


# == titles: a flush line is a wrap only when the break falls inside a phrase (`runs_on`) ==========================

def test_a_break_between_a_verb_and_the_noun_opening_its_object_is_a_wrap() -> None:
    assert runs_on("省里出台八项措施扶持", "家庭农场规模经营")
    assert wrapped_title_lines(["省里出台八项措施扶持", "家庭农场规模经营"], [False, True]) == [[0, 1]]


def test_a_break_between_a_subject_and_its_verb_is_a_wrap() -> None:
    assert runs_on("让“老手艺”", "焕发新活力")


def test_a_break_inside_a_dictionary_word_is_a_wrap() -> None:
    assert runs_on("全力推进乡", "村道路建设")


def test_a_line_ending_on_a_comma_runs_on_and_one_ending_on_an_exclamation_does_not() -> None:
    assert runs_on("收购工作启动，", "明确五项政策") and not runs_on("收购工作启动", "明确五项政策")
    assert not runs_on("山里的孩子！", "走出大山") and runs_on("山里的孩子", "走出大山")


def test_a_line_closing_on_its_verb_over_a_line_opening_with_another_verb_is_a_title_line_of_its_own() -> None:
    assert not runs_on("全省秋粮收购工作启动", "明确今年五项收购政策")
    assert wrapped_title_lines(["全省秋粮收购工作启动", "明确今年五项收购政策"], [False, True]) == [[0], [1]]


def test_a_clause_closing_on_its_own_verb_under_a_verb_is_a_title_line_of_its_own() -> None:
    assert not runs_on("加快推进城乡融合", "城西园区建设提速")


def test_two_complete_title_lines_printed_flush_are_kicker_and_headline_with_no_wrap_logged() -> None:
    page = layoutfix.clean("全省秋粮收购工作启动\n明确今年五项收购政策\n\n"
                           "本报讯 全省秋粮收购工作昨日启动，各地粮库已做好收购准备。\n\n省粮食局负责人表示，收购将持续到明年三月。\n")
    (it,) = page.items
    assert (it.kicker, it.headline) == ("全省秋粮收购工作启动", "明确今年五项收购政策")
    assert not [e for e in page.edits if e.kind == "title_wrap"]


# == titles: a verb-led label is a section unless it is balanced with the line under it (`_first_clause`) =========

def test_a_short_verb_led_label_over_a_much_longer_verb_led_headline_is_the_section() -> None:
    assert title_section(["看变化", "探访老城区的新菜场"]) == "看变化"
    assert title_section(["抓改革", "推动园区管理体制创新"]) == "抓改革"
    # (a verb-led first line at least half as long as the verb-led line under it is the title's first clause)
    assert title_section(["坚持生态优先", "推动园区绿色转型"]) is None


# == tables: a year heads a column (`_date_label`) ================================================================

def test_a_cell_of_a_year_or_period_is_a_date_label_and_a_quantity_is_not() -> None:
    assert _date_label("2022年") and _date_label("2023年1-6月") and _date_label("2021年上半年")
    assert not _date_label("520") and not _date_label("12.5%") and not _date_label("指标")


def test_year_headers_over_quantities_are_labels_and_over_years_are_not() -> None:
    assert _labels_over_figures(("2022年", "2023年"), [("520", "560"), ("310", "335")])
    assert not _labels_over_figures(("2022年", "晴"), [("2023年", "雨"), ("2024年", "阴")])


def test_a_header_row_of_years_printed_again_is_dropped() -> None:
    rows = (("项目", "2024年", "2025年"), ("粮食产量", "41", "43"), ("项目", "2024年", "2025年"), ("油料产量", "7", "8"))
    kept, dropped = repeated_headers(rows)
    assert dropped == [2] and kept == (rows[0], rows[1], rows[3])
