"""Session 42 (lead): a paragraph cut at a column's foot right above the next article's title is no kicker.

Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.stages.flow.blocks import reads_as_cut_clauses

_ABOVE = ("某市日前召开会议，研究部署今年的河道治理工作。会议要求各区县加快工程进度，确保汛期前完成主要河段的清淤任务。",
          "会议指出，过去一年全市河道水质明显好转，但部分支流仍有污水直排现象，必须下大力气整治。")
_TITLE = "老城区供暖管网改造完工"
_DATED = ("本报讯记者李文报道：老城区供暖管网改造工程日前全部完工，两万多户居民今冬可以用上稳定的暖气。"
          "工程共更换老旧管道四十多公里，新建换热站十二座。")


def _dump(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


@pytest.mark.parametrize("cut", [
    "会议强调，“如果各区县真心希望",        # a quotation left open
    "另外，主要污染源是工厂。部分工厂",      # a sentence ends inside the line
    "我们的干部、群众，更深刻地体",          # a list mark beside the comma
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
