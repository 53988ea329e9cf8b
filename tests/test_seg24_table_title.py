"""segment: on a page that marks its titles with '## ', a marked line next to a table under an open article is the
title of the next item, not a caption of the table (session 23's review: the table took the next item's `## `
lines as its captions, and the item lost its title). An unmarked line over the table stays its caption. Invented
text."""
from __future__ import annotations

import layoutfix

TABLE = "乡镇\t玉米\t小麦\n东河乡\t1200\t800\n西山镇\t900\t650\n南湖乡\t1100\t700"
REPORT = ("## 河湾县举行秋收表彰会\n\n本报讯 河湾县昨天举行秋收表彰会，表彰了一批种粮能手。\n\n"
          "会上，县里还公布了今年各乡镇的粮食产量。\n\n")
BRIEF = "本报讯 西山镇中心小学近日换上了新课桌，孩子们都很高兴。"


def test_a_marked_title_over_a_table_under_an_open_article_heads_the_table_as_an_item_of_its_own() -> None:
    page = layoutfix.clean(REPORT + "## 各乡镇粮食产量\n\n单位：吨\n\n" + TABLE)
    report, table = page.items
    assert (report.headline, report.captions, report.tables) == ("河湾县举行秋收表彰会", (), ())
    assert (table.kind, table.headline, table.captions) == ("table", "各乡镇粮食产量", ("单位：吨",))
    assert table.tables[0][0] == ("乡镇", "玉米", "小麦")
    assert not page.unaccounted()


def test_marked_title_lines_under_a_table_open_the_next_item_even_over_another_title_line() -> None:
    page = layoutfix.clean(REPORT + "各乡镇粮食产量\n\n" + TABLE + "\n\n## 山区教育\n\n## 小学用上新课桌\n\n" + BRIEF)
    report, brief = page.items
    assert report.captions == ("各乡镇粮食产量",) and len(report.tables) == 1
    assert "山区教育" in (brief.section, brief.kicker) and brief.headline == "小学用上新课桌"
    assert not page.unaccounted()


def test_an_unmarked_line_over_a_table_on_a_marked_page_is_still_the_tables_caption() -> None:
    # counter-example: the page marks titles, and this line has no mark, so it is the table's title inside the article
    page = layoutfix.clean(REPORT + "各乡镇粮食产量\n\n" + TABLE + "\n\n## 小学用上新课桌\n\n" + BRIEF)
    report, brief = page.items
    assert (report.captions, len(report.tables)) == (("各乡镇粮食产量",), 1)
    assert (brief.headline, brief.tables) == ("小学用上新课桌", ())
