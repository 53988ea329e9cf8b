"""dedup27: where a paragraph printed under two '## ' titles is boilerplate and where it is a repeat.

What dedup can know when it runs: the '## ' titles and the dateline or byline that opens an article under one
(`stage.articles_apart`); the segment decision comes later. A paragraph each of two articles prints after its
own opening (a notice, a hotline) stays in both. A copy printed between the next article's title and its
opening belongs to no article's body yet: it is the printing of the paragraph just before that title again,
a repeat (fresh seed 2, page 076: the defect log calls that copy a `duplicate` of the line four lines up, and
the gold keeps it only in the first article), dropped and logged.
"""
from __future__ import annotations

import layoutfix

NOTICE = "市民如有疑问，可拨打市政府服务热线咨询，热线电话二十四小时有人接听。"
FIRST = "## 城东新建一座图书馆\n\n本报讯 城东新建的图书馆今天正式开放，馆内藏书十万册。\n\n"
SECOND_TITLE = "## 老旧小区改造全面铺开\n\n"
SECOND_OPENING = "本报讯 全市今年将改造一百二十个小区，惠及居民三万多户。\n\n"


def _notices(page) -> list[int]:  # type: ignore[no-untyped-def]
    return [sum(p == NOTICE for p in it.paragraphs) for it in page.items]


def test_boilerplate_after_each_article_s_opening_stays_in_both() -> None:
    page = layoutfix.clean(FIRST + NOTICE + "\n\n" + SECOND_TITLE + SECOND_OPENING + NOTICE + "\n")
    assert _notices(page) == [1, 1]
    assert not [e for e in page.edits if e.stage == "dedup"]


def test_a_copy_between_the_next_title_and_its_opening_is_a_repeat_dropped_and_logged() -> None:
    page = layoutfix.clean(FIRST + NOTICE + "\n\n" + SECOND_TITLE + NOTICE + "\n\n" + SECOND_OPENING)
    assert _notices(page) == [1, 0]
    drop, = [e for e in page.edits if e.stage == "dedup"]
    assert drop.kind == "duplicate" and drop.line == 9 and drop.before == NOTICE
    assert "line 5" in drop.reason and 0 < drop.confidence <= 1


def test_layoutfix_diff_explains_the_drop(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from layoutfix import cli

    dump = tmp_path / "page.txt"
    dump.write_text(FIRST + NOTICE + "\n\n" + SECOND_TITLE + NOTICE + "\n\n" + SECOND_OPENING, encoding="utf-8")
    cli.main(["diff", str(dump), "--stage", "dedup"])
    out = capsys.readouterr().out
    assert "duplicate" in out and "repeats the line printed at line 5" in out and NOTICE[:10] in out


def test_the_closing_paragraph_printed_again_inside_the_next_article_is_a_repeat() -> None:
    # the paragraph that closed one report printed again as the second of the next, after its opening, with the
    # next report going on after it: the two printings stand at different places in their articles, no boilerplate
    more = "改造后的小区将加装电梯，增设停车位和健身场地。\n"
    page = layoutfix.clean(FIRST + NOTICE + "\n\n" + SECOND_TITLE + SECOND_OPENING + NOTICE + "\n\n" + more)
    assert _notices(page) == [1, 0]
    drop, = [e for e in page.edits if e.stage == "dedup"]
    assert drop.kind == "duplicate" and drop.line == 11 and "line 5" in drop.reason


def test_boilerplate_opening_both_articles_after_their_datelines_stays_in_both() -> None:
    more_a = "馆内设有少儿阅览区和电子阅览室。\n\n"
    more_b = "改造后的小区将加装电梯，增设停车位和健身场地。\n"
    page = layoutfix.clean(FIRST + NOTICE + "\n\n" + more_a + SECOND_TITLE + SECOND_OPENING + NOTICE + "\n\n" + more_b)
    assert _notices(page) == [1, 1]


def test_a_brief_printed_twice_title_and_all_is_a_repeat_while_parallel_briefs_stay() -> None:
    # one text box extracted twice: the same '## ' title over the same dated lead, another brief between (review30a)
    brief = "## 河湾县新建三座图书馆\n\n本报讯 河湾县今年新建的三座图书馆昨日同时开放，藏书共十二万册。\n\n"
    other = "## 南山村修通水泥路\n\n本报讯 南山村通往镇上的水泥路昨日修通，全长八公里。\n\n"
    page = layoutfix.clean(brief + other + brief)
    assert sum("藏书共十二万册" in p for it in page.items for p in it.paragraphs) == 1
    assert any(e.stage == "dedup" and e.kind == "duplicate" for e in page.edits)
    twin = brief.replace("河湾县", "北岭县")  # another county's brief, the same words: two briefs
    page = layoutfix.clean(brief + other + twin)
    assert sum("藏书共十二万册" in p for it in page.items for p in it.paragraphs) == 2
