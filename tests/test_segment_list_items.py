"""Short lines a paragraph ending in '：' introduces are list items, not titles (review29a). Invented text."""
from __future__ import annotations

import layoutfix
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.roles import list_items


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=i, text=t, line=2 * i + 1) for i, t in enumerate(texts)]


def test_lines_under_a_colon_and_over_body_text_are_the_lists_items() -> None:
    blocks = _blocks("厂里定下三条规矩：", "◆按时上岗", "◆规范操作", "规矩定下后，事故少了很多。")
    assert list_items(blocks, [TEXT, TITLE, TITLE, TEXT]) == [TEXT] * 4


def test_one_line_under_a_colon_or_a_title_group_over_a_dated_report_stays_as_it_was() -> None:
    one = _blocks("厂里定下一条规矩：", "按时上岗", "规矩定下后，事故少了很多。")
    assert list_items(one, [TEXT, TITLE, TEXT]) == [TEXT, TITLE, TEXT]
    group = _blocks("他说了三个词：", "山乡巨变", "新村新貌", "本报讯 某县今年新建住房三百套。")
    group[3] = Block(id=3, text=group[3].text, line=7, flags=frozenset({"dateline"}))
    assert list_items(group, [TEXT, TITLE, TITLE, TEXT]) == [TEXT, TITLE, TITLE, TEXT]


def test_a_page_with_a_bulleted_list_under_its_lead_keeps_one_article() -> None:
    page = layoutfix.clean("## 车间新规\n\n本报讯 厂里为保安全定下几条规矩，主要有：\n\n■按时上岗\n\n■规范操作\n\n"
                           "■定期检修\n\n规矩定下后，车间里的事故少了很多。\n")
    assert len(page.items) == 1 and not page.items[0].truncated
    assert any("按时上岗" in p for p in page.items[0].paragraphs)


def test_two_date_and_weekday_lines_between_paragraphs_are_a_diarys_entries() -> None:
    from layoutfix.model import BYLINE, NOISE
    from layoutfix.stages.segment.roles import dated_entries

    blocks = _blocks("本报记者 某甲", "2023.3.1 周三", "今天下了雪。", "2023.3.2 周四", "雪停了。")
    roles = [BYLINE, NOISE, TEXT, NOISE, TEXT]
    assert dated_entries(blocks, roles) == [BYLINE, TEXT, TEXT, TEXT, TEXT]
    assert dated_entries(blocks[:3], roles[:3]) == roles[:3]  # one date line is a page header's, as it was
