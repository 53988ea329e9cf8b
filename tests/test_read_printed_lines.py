"""Plain OCR text prints one column line per dump line and sets paragraphs apart with a blank line: the lines of a
paragraph so printed are read as one block, and nothing else is (a title or byline over the text, a short line,
a table)."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config
from layoutfix.stages.read import looks_printed, printed_groups, read
from layoutfix.textutil import display_width

PARA = "河湾镇今年组织农技人员深入田间地头指导农民科学施肥合理灌溉全镇两万多亩小麦长势良好预计夏粮产量将比去年增加一成以上。"


def _printed(text: str, width: int = 16) -> list[str]:
    return [text[:width - 2]] + [text[k:k + width] for k in range(width - 2, len(text), width)]


def _groups(lines: list[str]) -> list[tuple[int, int]]:
    return printed_groups(lines, [display_width(x) for x in lines])


def test_the_lines_of_one_printed_paragraph_are_one_group() -> None:
    lines = _printed(PARA)
    assert _groups(lines) == [(0, len(lines))]


def test_a_short_title_line_over_the_text_stands_apart() -> None:
    lines = ["河湾镇夏粮丰收在望"] + _printed(PARA)
    assert _groups(lines) == [(0, 1), (1, len(lines))]


def test_a_line_that_ends_a_sentence_short_of_the_column_ends_its_paragraph() -> None:
    lines = _printed(PARA) + _printed(PARA)
    first = len(_printed(PARA))
    assert (0, first) in _groups(lines)


def test_a_run_of_lines_narrower_than_a_column_is_read_line_by_line() -> None:
    assert _groups(["春眠不觉晓", "处处闻啼鸟", "夜来风雨声"]) == [(0, 1), (1, 2), (2, 3)]


def test_two_lines_or_lines_of_every_width_are_read_line_by_line() -> None:
    assert _groups(_printed(PARA)[:2]) == [(0, 1), (1, 2)]  # a title and its text, or two paragraphs, alike
    paragraphs = ["县里今年新修了三条公路。", "沿线村民出行方便多了，运输农产品的成本也降了下来，大家都很高兴。",
                  "明年还要再修两条。"]  # one paragraph to a line, no blank line between
    assert _groups(paragraphs) == [(0, 1), (1, 2), (2, 3)]


def test_a_printed_paragraph_is_one_block_with_each_line_in_its_origin_and_the_join_logged() -> None:
    lines = _printed(PARA)
    page = read("\n".join(lines) + "\n", Config())
    assert len(page.blocks) == 1
    block = page.blocks[0]
    assert block.text.replace(" ", "") == PARA
    assert [ln for _, ln in block.origin] == list(range(1, len(lines) + 1))
    assert [block.text[k:k + 3] for k, _ in block.origin] == [ln[:3] for ln in lines]
    assert [e.kind for e in page.edits if e.stage == "read"] == ["lines"]


def test_a_figure_cut_at_a_line_end_goes_on_without_a_space() -> None:
    page = read("全镇今年共收获小麦和玉米共12\n345吨，比去年增加了两成多，农\n民的收入也增加了。\n", Config())
    assert page.blocks[0].text.replace(" ", "") == "全镇今年共收获小麦和玉米共12345吨，比去年增加了两成多，农民的收入也增加了。"
    assert "12345" in page.blocks[0].text


def test_table_rows_are_no_printed_paragraph() -> None:
    page = read("品种\t面积\t产量\n小麦\t20000\t9000\n玉米\t15000\t8000\n", Config())
    assert [b.role for b in page.blocks] == ["table"]


def test_a_paragraph_printed_line_by_line_comes_back_whole_under_its_title() -> None:
    dump = "## 河湾镇夏粮丰收在望\n\n" + "\n".join(_printed(PARA)) + "\n"
    page = layoutfix.clean(dump)
    assert [(it.headline, it.paragraphs) for it in page.items] == [("河湾镇夏粮丰收在望", (PARA,))]


def test_lines_that_mostly_end_on_a_clause_mark_are_no_printed_column() -> None:
    # a column breaks a line wherever its width runs out; verse, list items and paragraphs printed one to a line
    # end on a mark, however alike their widths
    verse = ["山前细雨润新苗，", "岭上春风拂柳梢，", "田间农人忙播种，", "村头孩童放纸鸢。"]
    assert _groups(verse) == [(0, 1), (1, 2), (2, 3), (3, 4)]


def test_an_indented_line_opens_the_next_paragraph_even_after_a_full_line() -> None:
    lines = ["　　" + PARA[:14]] + [PARA[k:k + 16] for k in range(14, 46, 16)]  # three lines, the last one full
    more = ["　　" + PARA[:14], PARA[14:30]]
    widths = [display_width(x.strip()) for x in lines + more]
    indents = [4, 0, 0, 4, 0]
    assert printed_groups([x.strip() for x in lines + more], widths, indents) == [(0, 3), (3, 5)]


def test_a_number_cut_at_a_short_line_end_goes_on_in_the_next_line() -> None:
    lines = ["河湾镇有来自各地的1", "200多名农技人员深入田间地头", "指导农民科学施肥合理灌溉全镇", "两万多亩小麦长势良好。"]
    assert _groups(lines) == [(0, 4)]  # (the first line is short of the column by its half-width figure)


def test_a_listings_rows_printed_flush_are_not_joined_as_a_paragraph() -> None:
    # each row the same number of fields set apart by single spaces, none ending on a clause mark (review30a)
    rows = ["周五晚上7:30 河湾剧院 越剧专场", "周六上午9:00 南山公园 亲子跑步", "周日下午3:00 县体育馆 篮球友谊赛"]
    widths = [display_width(t) for t in rows]
    assert not looks_printed(rows, widths)
    prose = ["河湾县今年新建的三座图书馆昨日同时开放 藏", "书共十二万册 新增座位八百个 馆内设有少儿", "阅览区和电子阅览室，受到读者欢迎。"]
    assert looks_printed(prose, [display_width(t) for t in prose])  # wrap spaces fall differently on each line
