"""Session 42 (lead): a paragraph cut at a column's foot right above the next article's title is no kicker.

Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.stages.flow.blocks import reads_as_cut_clauses

from pagetext import dump_of as _dump

_ABOVE = ("某市日前召开会议，研究部署今年的河道治理工作。会议要求各区县加快工程进度，确保汛期前完成主要河段的清淤任务。",
          "会议指出，过去一年全市河道水质明显好转，但部分支流仍有污水直排现象，必须下大力气整治。")
_TITLE = "老城区供暖管网改造完工"
_DATED = ("本报讯记者李文报道：老城区供暖管网改造工程日前全部完工，两万多户居民今冬可以用上稳定的暖气。"
          "工程共更换老旧管道四十多公里，新建换热站十二座。")


@pytest.mark.parametrize("cut", [
    "入冬以来的降水比往年多。部分河段",        # a full stop inside, no comma
    "主任又叮嘱，“只要各区县抓紧时间",        # a quotation left open
    "此外，最大的麻烦是雨水。部分雨水",      # a sentence ends inside the line
    "沿河的工地、码头，都要按期",          # a list mark beside the comma
])
def test_a_cut_paragraph_with_a_comma_above_a_title_and_a_dated_report_stays_text(cut: str) -> None:
    assert reads_as_cut_clauses(cut)
    page = layoutfix.clean(_dump("河道治理全面提速", *_ABOVE, cut, _TITLE, _DATED))
    report = page.items[-1]
    assert report.headline == _TITLE and report.kicker is None
    assert page.items[0].paragraphs[-1] == cut


@pytest.mark.parametrize("title", ["老张，一路走好", "春风，吹绿了山乡", "冬训，在零下三十度", "难题如何破解？——访某某",
                                   "这面墙该拆了！（图片）"])
def test_a_short_title_with_a_comma_or_a_closing_mark_inside_still_stands_over_an_article(title: str) -> None:
    assert not reads_as_cut_clauses(title)
    page = layoutfix.clean(_dump("河道治理全面提速", *_ABOVE, title, _DATED))
    assert page.items[-1].headline is not None and page.items[-1].paragraphs[-1].endswith("十二座。")
    assert "".join(x for x in (page.items[-1].kicker, page.items[-1].headline, page.items[-1].subheadline) if x) \
        .replace(" ", "") == title


def test_the_line_right_above_a_dated_report_stays_a_title_line_when_ocr_left_its_quote_open() -> None:
    # a closing quote read as '？' leaves the quotation open: under a title, over the dated report, still a title line
    deck = "全市八成人口地区实现“两通？"
    page = layoutfix.clean(_dump("河道治理全面提速", *_ABOVE, _TITLE, deck, _DATED))
    report = page.items[-1]
    assert deck.replace("？", "") in "".join(x or "" for x in (report.kicker, report.headline, report.subheadline))
    assert report.paragraphs[-1].endswith("十二座。") and len(page.items) == 2


@pytest.mark.parametrize("kicker", ["河边的菜价贵不贵？记者走访城区市场", "渔民有了新帮手！冬捕喜获丰收"])
def test_a_kicker_without_a_comma_keeps_its_inner_mark_and_its_place_over_the_headline(kicker: str) -> None:
    assert not reads_as_cut_clauses(kicker)
    page = layoutfix.clean(_dump("河道治理全面提速", *_ABOVE, kicker, _TITLE, _DATED))
    assert page.items[-1].kicker == kicker and page.items[-1].headline == _TITLE


def test_a_marked_title_line_stays_in_the_title_group_whatever_its_marks() -> None:
    # a '## ' line is a title line already: the cut-clause test does not take it out of the group
    kicker = "主任又叮嘱，“只要各区县抓紧时间"
    page = layoutfix.clean(_dump("## 河道治理全面提速", *_ABOVE, "## " + kicker, "## " + _TITLE, _DATED))
    assert page.items[-1].headline == _TITLE and page.items[-1].kicker == kicker


def test_the_cut_paragraph_kept_as_text_is_logged() -> None:
    cut = "主任又叮嘱，“只要各区县抓紧时间"
    _, edits = layoutfix.fix_and_explain(_dump("河道治理全面提速", *_ABOVE, cut, _TITLE, _DATED))
    assert any(e.stage == "segment" and "cut at a column's foot" in e.reason for e in edits)


def test_only_the_notes_the_tuning_days_print_count_as_a_photo_note_over_a_title() -> None:
    from layoutfix.stages.segment.shapes import NOTE_OPENING
    assert NOTE_OPENING.match("图为工人在检修线路。") and NOTE_OPENING.match("上图：新建的大桥。")
    assert not NOTE_OPENING.match("图中所示的新品种，是三年前引进的。") and not NOTE_OPENING.match("图为什么要这样画？")

