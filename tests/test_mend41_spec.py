"""Session 41 (mend41): a group of numbered poems keeps its parts, and nothing else; a table's header row.

What review41a found in seg41's first two commits: a line ending in a bracketed numeral was taken into a group of
poems wherever an announcing title stood anywhere above it, and a headline with a percent sign next to a picture's
note was read as a table's header row. Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.shapes import ANNOUNCED_POEMS, header_row, numbered_part, part_number

_GROUP = "山中小夜曲（外二首）"
_OWN = ["月亮，爬上了松树梢", "溪水在石缝里唱歌", "萤火虫提着小灯笼", "一闪一闪走过田埂", "远处传来几声狗叫。"]
_FIRST = ["竹林（一）", "竹林里住着风", "风把叶子吹成笛子", "吹给路过的人听。"]
_SECOND = ["石磨（二）", "石磨转了一百年", "磨碎了多少日子", "也磨亮了老人的眼睛。"]
_POEMS = [*_OWN, *_FIRST, *_SECOND]
_SERIES = "东海渔村行（二）"
_PROSE_A = ("渔船靠岸的时候，太阳刚刚升起来，码头上挤满了等着买鱼的人，鱼贩子们一边吆喝一边过秤，"
            "几个孩子在沙滩上追着海鸥跑，笑声一阵高过一阵。")
_PROSE_B = ("村支书告诉我们，这几年村里办起了水产加工厂，年轻人不用再出远门打工，"
            "家家户户盖起了新房，村口还修了一座小学和一个卫生所。")
_REPORT = ("某区今年新修乡村公路二百公里，全区所有行政村都通上了柏油路，"
           "农民卖粮卖菜再也不用挑着担子走山路了。")


def _dump(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


def _headlines(dump: bytes) -> list[str | None]:
    return [it.headline for it in layoutfix.clean(dump).items]


def _poem_item(dump: bytes):  # type: ignore[no-untyped-def]
    (poem,) = [it for it in layoutfix.clean(dump).items if it.headline == _GROUP]
    return poem


# -- finding 1: a part is the group's only under its title, numbering its next poem, over verse

def test_a_series_part_over_prose_after_the_group_opens_its_own_item() -> None:
    dump = _dump(_GROUP, *_POEMS, _SERIES, _PROSE_A, _PROSE_B)
    assert _headlines(dump) == [_GROUP, _SERIES]
    assert _poem_item(dump).paragraphs == tuple(_POEMS)


def test_a_part_numbered_next_in_turn_is_still_no_poem_over_prose() -> None:
    third = "海岛见闻（三）"
    dump = _dump(_GROUP, *_POEMS, third, _REPORT)
    assert _headlines(dump) == [_GROUP, third]


def test_a_numbered_headline_and_its_second_line_over_prose_stay_an_items_titles() -> None:
    page = layoutfix.clean(_dump(_GROUP, *_POEMS, "海岛见闻（三）", "渔村通上了柏油路", _REPORT))
    assert page.items[0].paragraphs == tuple(_POEMS)
    assert "海岛见闻（三）" not in [p for it in page.items for p in it.paragraphs]


def test_the_next_part_of_a_series_after_a_part_of_it_is_no_poem_either() -> None:
    dump = _dump(_GROUP, *_POEMS, _SERIES, _PROSE_A, "东海渔村行（三）", _PROSE_B)
    assert _headlines(dump)[:2] == [_GROUP, _SERIES] and _poem_item(dump).paragraphs == tuple(_POEMS)


def test_a_jump_line_closes_the_group_the_series_part_under_it_opens_an_item() -> None:
    dump = _dump(_GROUP, *_OWN, *_FIRST, "（下转第六版）", _SERIES, _PROSE_A, _PROSE_B)
    assert _headlines(dump) == [_GROUP, _SERIES]


def test_a_group_cut_off_on_a_comma_leaves_the_series_part_under_it_a_title() -> None:
    dump = _dump(_GROUP, *_OWN, *_FIRST, "竹林里住着风，", _SERIES, _PROSE_A, _PROSE_B)
    assert _headlines(dump) == [_GROUP, _SERIES]


def test_an_untitled_prose_block_after_the_group_ends_it() -> None:
    dump = _dump(_GROUP, *_POEMS, _REPORT, _SERIES, _PROSE_A, _PROSE_B)
    assert _headlines(dump)[-1] == _SERIES


def test_a_reports_own_numbered_subheads_are_no_parts_of_the_poems_above() -> None:
    # (the poems' last line unpunctuated: the report's title is read as one more line of their verse)
    page = layoutfix.clean(_dump(_GROUP, *_POEMS[:-1], "也磨亮了老人的眼睛", "乡村公路的几件事", _REPORT,
                                 "修路问题（一）", _PROSE_A, "养路问题（二）", _PROSE_B))
    weighed = {e.context: e for e in page.edits if e.stage == "segment" and e.context in ("修路问题（一）", "养路问题（二）")}
    assert len(weighed) == 2 and not any("poems" in e.reason for e in weighed.values())  # (the heading model's)


def test_numbered_prose_sections_under_an_announcing_title_are_weighed_as_headings_not_taken_as_poems() -> None:
    sections = {"春耕记（一）": "今年春天雨水多，地里的麦子长得很好，村里的老人说这是十年来最好的一季庄稼。",
                "夏收记（一）": "六月的太阳火辣辣的，收割机在田野里来回奔忙，晒场上堆起了一座座金色的小山。",
                "秋种记（一）": "秋分前后，农技站的同志下到各村，手把手地教大家怎样选种、怎样施肥。",
                "冬藏记（一）": "入冬以后，家家户户把新打的粮食装进粮仓，村里的年轻人开始筹办过年的文艺晚会。"}
    page = layoutfix.clean(_dump(_GROUP, *[line for pair in sections.items() for line in pair]))
    weighed = {e.context: e for e in page.edits if e.stage == "segment" and e.context in sections}
    # (the first is the headline under the group's title; the rest, each between two paragraphs, the model weighs)
    assert sorted(weighed) == sorted(list(sections)[1:]) and not any("poems" in e.reason for e in weighed.values())


def test_a_line_numbered_out_of_turn_is_no_part_of_the_group() -> None:
    # (the group's parts run '（一）', '（二）': a second '（二）' over verse is another poem's title)
    other = "海边的歌（二）"
    dump = _dump(_GROUP, *_POEMS, other, "浪花追着浪花", "沙滩上留下一行脚印", "很快又被海水抹平",
                 "只有贝壳记得", "谁曾在这里等待")
    assert "海边的歌（二）" not in _poem_item(dump).paragraphs


def test_the_first_numbered_part_under_the_title_is_number_one() -> None:
    # (under '某某（外二首）' the title's own poem is unnumbered; the first numbered part is '（一）')
    dump = _dump(_GROUP, *_OWN, *_SECOND)
    assert "石磨（二）" not in _poem_item(dump).paragraphs


def test_the_numbered_poems_stay_the_articles_under_a_byline_and_past_ocr_debris() -> None:
    dump = _dump("## 其他文章", _REPORT, _GROUP, "本报记者　何小林", *_OWN, "丨乂 亍卩", *_FIRST, *_SECOND)
    poem = _poem_item(dump)
    assert poem.paragraphs[-len(_FIRST) - len(_SECOND):] == tuple(_FIRST + _SECOND)


def test_the_poems_end_where_prose_follows_the_last_parts_verse_and_its_signature() -> None:
    page = layoutfix.clean(_dump(_GROUP, *_POEMS, "（何小林）", "渔村通上了柏油路", _REPORT))
    assert [it.headline for it in page.items] == [_GROUP, "渔村通上了柏油路"]
    assert page.items[0].paragraphs == tuple(_POEMS)


def test_a_title_over_its_first_numbered_part_keeps_the_next_articles_headline_out() -> None:
    # (the group's title right over '（一）', the run reaching the next article's title over its prose)
    page = layoutfix.clean(_dump("山村的早晨（二首）", "炊烟（一）", "炊烟升起来了", "渔村通上了柏油路", _REPORT))
    assert "渔村通上了柏油路" not in [p for it in page.items for p in it.paragraphs]


def test_a_title_over_its_first_numbered_part_and_its_verse_keeps_them_all() -> None:
    lines = ["炊烟（一）", "炊烟升起来了", "那是母亲在做饭", "鸡鸣（二）", "公鸡叫醒了太阳", "叫醒了整个村子"]
    page = layoutfix.clean(_dump("山村的早晨（二首）", *lines, "（何小林）"))
    (poem,) = page.items
    assert poem.headline == "山村的早晨（二首）" and poem.paragraphs == tuple(lines)


def test_a_part_under_untitled_prose_after_the_group_is_no_part_of_it() -> None:
    # (in turn, over verse: but a paragraph of prose stands between it and the group's title)
    dump = _dump(_GROUP, *_OWN, *_FIRST, _REPORT, *_SECOND)
    assert "石磨（二）" not in _poem_item(dump).paragraphs


def test_a_part_under_a_jump_line_after_the_group_is_no_part_of_it() -> None:
    dump = _dump(_GROUP, *_OWN, *_FIRST, "（下转第六版）", *_SECOND)
    assert "石磨（二）" not in _poem_item(dump).paragraphs


def test_a_numbered_title_over_a_dash_subheadline_heads_a_title_group_even_in_turn() -> None:
    # (a '——' subheadline under it closes a title group: the rule leaves such a run to the title passes)
    page = layoutfix.clean(_dump(_GROUP, *_POEMS, "渔歌（三）", "——写给出海的人们", "船儿出海了。", "网撒向大海，"))
    assert not any("poems" in e.reason and e.context.startswith("渔歌") for e in page.edits)


def test_a_parts_verse_over_the_closing_signature_or_the_page_end_stays_the_groups() -> None:
    second = ["石磨（二）", "石磨转了一百年", "磨碎了多少日子"]
    assert _poem_item(_dump(_GROUP, *_OWN, *_FIRST, *second, "（何小林）")).paragraphs[-3:] == tuple(second)
    assert _poem_item(_dump(_GROUP, *_OWN, *_FIRST, *second)).paragraphs[-3:] == tuple(second)


def test_a_parts_verse_goes_on_past_a_line_of_ocr_debris_under_its_first_line() -> None:
    dump = _dump(_GROUP, *_OWN, "竹林（一）", "竹林里住着风", "丨乂 亍卩", "风把叶子吹成笛子", "吹给路过的人听。")
    assert _poem_item(dump).paragraphs[len(_OWN):len(_OWN) + 2] == ("竹林（一）", "竹林里住着风")


def test_a_line_under_the_groups_title_numbered_two_is_not_its_first_part() -> None:
    page = layoutfix.clean(_dump("山村的早晨（二首）", "鸡鸣（二）", "公鸡叫醒了太阳", "叫醒了整个村子", "炊烟升起来了。"))
    assert not any("poems" in e.reason for e in page.edits)


# -- finding 3: the decisions are logged

def test_a_numbered_part_taken_into_the_group_is_logged_with_its_reason() -> None:
    page = layoutfix.clean(_dump(_GROUP, *_POEMS, "（何小林）"))
    logged = [e for e in page.edits if e.stage == "segment" and "poems its title announces" in e.reason]
    assert logged and all(e.kind == "subhead" and 0.0 < e.confidence <= 1.0 for e in logged)
    assert any(e.context.startswith("石磨（二）") for e in logged)


def test_a_header_row_kept_from_a_title_is_logged_with_its_reason() -> None:
    lead = "某县去年粮食总产量比上年增长一成，各乡镇的增长情况见下表。"
    page = layoutfix.clean(_dump("某县粮食再获丰收", lead, "乡镇产量（万吨）增长（％）", "东乡12.56.8", "西乡9.74.1"))
    (logged,) = [e for e in page.edits if e.stage == "segment" and "header row" in e.reason]
    assert logged.kind == "subhead" and logged.context.startswith("乡镇产量")


# -- finding 2: a headline's remarks are no column labels

def test_a_headline_with_a_percent_sign_and_a_pictures_note_over_prose_opens_an_item() -> None:
    lead = "某省统计局昨天公布，今年前十一个月全省居民消费价格比去年同期上涨百分之三点二，涨幅比上月回落。"
    for title in ("物价涨幅回落（％）（附图）", "居民消费价格上涨（%）（附表）"):
        assert _headlines(_dump("渔村通上了柏油路", _REPORT, title, lead, _PROSE_B)) == ["渔村通上了柏油路", title]


def test_only_labelled_remarks_make_a_header_row() -> None:
    assert header_row("乡镇产量（万吨）增长（％）") and header_row("乡镇 产量 (万吨) 增长 (%)")
    assert not header_row("物价涨幅回落（％）（附图）") and not header_row("某市涨幅前五名（％）（3月2日）")


# -- finding 6: the patterns' misses

def test_the_shapes_of_an_announcing_title_and_a_numbered_part() -> None:
    assert ANNOUNCED_POEMS.search("山中小夜曲（外2首）") and ANNOUNCED_POEMS.search("山中小夜曲（外 二首）")
    assert part_number("竹林（ 一 ）") == 1 and part_number("石磨(2)") == 2 and part_number("石磨（十）") == 10
    assert part_number("年度回顾（97）") is None and not numbered_part("（二）")
    assert not numbered_part("这是一个比一行诗长得多得多得多的标题（二）")  # (a verse line's length at most)
