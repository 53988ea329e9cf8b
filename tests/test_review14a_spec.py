"""review14a: specifications the suite did not pin (each found by a mutation of the code that the suite let pass).

Invented text throughout. Each test names the behaviour it pins; the mutation it catches is in the review report.
"""
from __future__ import annotations

import layoutfix
from layoutfix.model import Item
from layoutfix.newsml import item_to_newsml
from layoutfix.stages.normalize import fix_interpunct, to_simplified
from layoutfix.stages.quotes import balance_quotes
from layoutfix.stages.segment.tables import merge_table_rows
from layoutfix.stages.segment.titles import title_spaces


def _body(page: layoutfix.model.Page) -> list[str]:
    return [p for it in page.items for p in it.paragraphs]


# -- dedup ------------------------------------------------------------------------------------------------

# mutation the suite missed: dedup/garbled.py MAX_SUB_RUN 5 -> 9
def test_a_line_opening_with_the_last_sentence_above_but_a_long_run_of_other_characters_is_text_of_its_own() -> None:
    # '粮食' against '钢材水泥': more characters differ in one run than OCR misreads one for one (MAX_SUB_RUN)
    page = layoutfix.clean("会上通报了全年的主要工作情况。全市粮食产量再创历史新高。\n\n"
                           "全市钢材水泥产量再创历史新高。建筑业也有了较快发展。\n")
    assert _body(page) == ["会上通报了全年的主要工作情况。全市粮食产量再创历史新高。",
                           "全市钢材水泥产量再创历史新高。建筑业也有了较快发展。"]
    assert not page.noise


# mutation the suite missed: dedup/clauses.py _same_clause without its figure check
def test_a_clause_repeated_with_another_figure_is_another_clause() -> None:
    # '1月份' / '2月份': a digit read as another makes another figure, even where the other differences are none
    text = "今年1月份全市新增就业岗位一千多个，今年2月份全市新增就业岗位一千多个，两个月合计两千多个。"
    page = layoutfix.clean(text)
    assert _body(page) == [text] and not page.noise


# -- flow: captions ---------------------------------------------------------------------------------------

# mutation the suite missed: flow/captions.py caption_score without the -3 for a source ending on '：' or '）'
def test_a_caption_ending_on_a_list_lead_in_does_not_take_the_body_text_after_its_credit() -> None:
    # a fragment of a caption run that ends on '：' (or a closing bracket) usually ends there: the next body line
    # after the credit stays in the article
    page = layoutfix.clean("## 小区新修三条步道\n\n本报讯 某县今年在城区新修了三条步道，总长六公里。\n\n"
                           "新修的步道有以下几个特点：\n\n■本报记者 张三 摄\n\n路面平整，两旁种满了花草树木。\n")
    photo = next(it for it in page.items if it.kind == "photo")
    assert photo.captions == ("新修的步道有以下几个特点：",)
    assert "路面平整，两旁种满了花草树木。" in _body(page)


# mutation the suite missed: flow/captions.py caption_runs: a caption of up to 90 (not 45) characters gathers short blocks
def test_body_lines_before_a_long_caption_are_not_read_into_it() -> None:
    # only a short caption (one or two printed lines) gathers the short blocks before it: a caption of more than
    # 45 characters stands alone, and the closed body sentence above it stays in the article
    caption = "图为居民们在新修的步道上散步锻炼。新步道建成以后，附近的居民每天早晚都来这里散步健身，周末还有不少市民专程从城里赶来游玩。"
    page = layoutfix.clean(f"## 小区新修三条步道\n\n本报讯 某县今年在城区新修了三条步道，总长六公里，\n\n步道两旁种满了花草树木。\n\n"
                           f"{caption}\n\n■本报记者 张三 摄\n\n居民们每天早晚都来这里散步锻炼。\n")
    photo = next(it for it in page.items if it.kind == "photo")
    assert photo.captions == (caption,)
    assert "某县今年在城区新修了三条步道，总长六公里，步道两旁种满了花草树木。" in _body(page)


# -- segment: tables and titles ---------------------------------------------------------------------------

# mutation the suite missed: segment/tables.py merge_table_rows: len(out) >= 1 instead of >= 2
def test_a_one_cell_row_right_under_the_header_is_a_row_of_its_own_not_part_of_the_header() -> None:
    rows = (("名称", "数量", "金额"), ("合计", "", ""), ("甲类", "3", "12"), ("", "", "另计"))
    assert merge_table_rows(rows) == (("名称", "数量", "金额"), ("合计", "", ""), ("甲类", "3", "12\n另计"))


# mutation the suite missed: segment/titles.py title_spaces: phrases within 2 (not 1) characters are parallel
def test_a_title_space_between_phrases_two_characters_apart_in_length_is_a_wrap() -> None:
    # '全面推' / '进乡村振兴' (3 and 5): not the paired phrases of a parallel headline, and it cuts 推进
    assert title_spaces("全面推 进乡村振兴") == ("全面推进乡村振兴", [])


# -- quotes -----------------------------------------------------------------------------------------------

# mutation the suite missed: quotes.py _best: final state without OPEN_END_COST; turned_quotes confidence margin/2 for margin/8
def test_a_double_quote_printed_last_in_a_paragraph_reads_as_closing_even_when_nothing_is_open() -> None:
    # the stray mark at the end is cheaper turned (an unpaired closing mark) than left opening a quote at the end
    assert balance_quotes("“快走。”他说完就跑了。“") == ("“快走。”他说完就跑了。”", [(12, "“", "”", 0.69)])


# -- normalize --------------------------------------------------------------------------------------------

# mutation the suite missed: normalize.py TRADITIONAL_SHARE 0.1 -> 0.3
def test_a_block_with_a_fifth_of_its_characters_traditional_is_converted_whole() -> None:
    # 氣 and 風 of 13 Han: past TRADITIONAL_SHARE, so the block is traditional text and 乾燥 becomes 干燥
    assert to_simplified("乾燥少雨，天氣寒冷，風很大")[0] == "干燥少雨，天气寒冷，风很大"


# mutation the suite missed: normalize.py _DOT_LOOKALIKES without U+FF65
def test_a_half_width_katakana_middle_dot_between_names_is_the_separator_dot() -> None:
    assert fix_interpunct("诺尔曼･白求恩") == ("诺尔曼·白求恩", [("･", "·")])


# -- newsml -----------------------------------------------------------------------------------------------

# mutation the suite missed: newsml.py _nitf_body without the space between byline persons
def test_the_names_of_a_byline_are_separated_by_a_space_in_the_nitf_byline() -> None:
    from lxml import etree

    root = etree.fromstring(item_to_newsml(Item(headline="题", byline=("张甲", "李乙"), paragraphs=("正文。",))))
    (byline,) = root.iter("{http://iptc.org/std/NITF/2006-10-18/}byline")
    assert "".join(byline.itertext()) == "张甲 李乙"
