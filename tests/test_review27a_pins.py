"""review27a: pins, behaviour of issue 5's page structures that works on d046b5f and is worth holding (invented text).

Each pin goes through the public surface (`layoutfix.clean`, NewsML, the CLI) with an invented page; several hold
the near variants of session 26's fixes that those fixes got right.
"""
from __future__ import annotations

import pytest
from lxml import etree

import layoutfix
from layoutfix.validate import validate_bytes

_NITF = {"n": "http://iptc.org/std/NITF/2006-10-18/"}
_BODY = ("记者从有关部门获悉，今年将在全国推广社区便民服务站，方便居民办理各类事务。\n\n"
         "据介绍，服务站将提供缴费、咨询、代办等多项服务。\n")
_TABLE = "指标\t数值\t增长\n地区生产总值\t1250\t6.5%\n固定资产投资\t430\t5.2%\n消费品零售总额\t520\t8.1%"

# a page of every structure issue 5 lists: page header, section label, kicker / headline / '——' subheadline,
# a byline of a reporter and an intern set apart by '□', a photo between the halves of a paragraph, a jump line
# to a later page, a 新华社 dateline with a reporter and an intern in brackets, a table with its unit line and
# footnote, a notice signed with issuer and date, an editor's line
_PAGE = """东江日报 2024年5月10日 星期五 第3版

## 城市新闻

## 为了更美的家园
## 老旧小区改造全面铺开
## ——全市今年将改造一百二十个小区

本报记者 钱多多 □ 实习生 周文文

本报讯 市住房和城乡建设局日前召开会议，部署今年老旧小区改造工作，全市将改造一百二十个小区，惠及居民三万多户，

游客在湖边赏花。
■本报记者 孙晓东 摄

涉及楼栋两千多栋，改造内容包括屋顶防水、管线更新和加装电梯等。

会议要求，各区要加快推进，确保年底前全部完工。（下转第4版）

## 社区新设便民服务站

新华社北京1月30日电 （记者 吴思思 实习记者 郑晓明）记者从有关部门获悉，今年将在全国推广社区便民服务站，方便居民办理各类事务。

据介绍，服务站将提供缴费、咨询、代办等多项服务。

## 本市一季度主要经济指标

单位：亿元

""" + _TABLE + """

注：增长率按可比价格计算。

## 停水通知

因管道维修，城东片区将于6月3日上午8时至下午6时停止供水，请居民提前做好储水准备。

市自来水公司
2024年6月1日

责任编辑：郑晓明
"""


@pytest.mark.parametrize("blank_lines", [True, False], ids=["paragraphs-apart", "one-printed-line-to-a-dump-line"])
def test_a_page_of_every_structure_comes_back_item_by_item_with_its_parts(blank_lines: bool) -> None:
    dump = _PAGE if blank_lines else "\n".join(ln for ln in _PAGE.split("\n") if ln.strip()) + "\n"
    page = layoutfix.clean(dump)
    story, photo, report, table, notice = page.items
    assert (story.section, story.kicker, story.headline, story.subheadline) == (
        "城市新闻", "为了更美的家园", "老旧小区改造全面铺开", "——全市今年将改造一百二十个小区")
    assert (story.byline, story.dateline, story.truncated) == (("钱多多", "周文文"), "本报讯", True)
    assert story.paragraphs[0].endswith("惠及居民三万多户，涉及楼栋两千多栋，改造内容包括屋顶防水、管线更新和加装电梯等。")
    assert (photo.kind, photo.captions, photo.byline) == ("photo", ("游客在湖边赏花。",), ("孙晓东",))
    assert (report.section, report.dateline, report.byline) == ("城市新闻", "新华社北京1月30日电", ("吴思思", "郑晓明"))
    assert (table.kind, table.headline, table.captions) == ("table", "本市一季度主要经济指标", ("单位：亿元", "注：增长率按可比价格计算。"))
    assert table.paragraphs == () and len(table.tables[0]) == 4
    assert (notice.kind, notice.paragraphs[-2:]) == ("notice", ("市自来水公司", "2024年6月1日"))
    assert [n.all_text().replace(" ", "") for n in page.noise] == ["东江日报2024年5月10日星期五第3版", "（下转第4版）", "责任编辑：郑晓明"]
    assert not page.unaccounted()
    for it in page.items:
        assert validate_bytes(it.to_newsml(page)) == []


def test_the_table_items_unit_line_and_footnote_are_its_nitf_tables_caption_in_print_order() -> None:
    page = layoutfix.clean(_PAGE)
    table = page.items[3]
    root = etree.fromstring(table.to_newsml(page))
    assert root.xpath("//n:media", namespaces=_NITF) == []
    caption = "".join(root.xpath("//n:table/n:caption//text()", namespaces=_NITF))
    assert caption.index("单位：亿元") < caption.index("注：增长率按可比价格计算。")


# -- near variants of session 26's fixes that hold ----------------------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("记者 钱多多●通讯员 吴思思", ("钱多多", "吴思思")),
    ("记者 钱多多 ■ 实习生 周文文", ("钱多多", "周文文")),
    ("记者 钱多多、吴思思 □ 通讯员 周文文", ("钱多多", "吴思思", "周文文")),
    ("□记者 钱多多 □通讯员 吴思思", ("钱多多", "吴思思")),
    ("记者\u3000钱多多\u3000\u3000通讯员\u3000吴思思", ("钱多多", "吴思思")),
])
def test_byline_role_groups_set_apart_by_a_bullet_glued_or_spaced_give_the_names_in_order(
        line: str, names: tuple[str, ...]) -> None:
    (it,) = layoutfix.clean(f"## 社区新设便民服务站\n\n{line}\n\n本报讯 {_BODY}").items
    assert (it.kicker, it.headline, it.byline) == (None, "社区新设便民服务站", names)


@pytest.mark.parametrize("opening, dateline, byline", [
    ("法新社巴黎1月30日电（记者 钱多多）", "法新社巴黎1月30日电", ("钱多多",)),
    ("据法新社巴黎1月30日电 ", "据法新社巴黎1月30日电", ()),
    ("共同社东京1月30日电 ", "共同社东京1月30日电", ()),
    ("法新社1月30日电 ", "法新社1月30日电", ()),
])
def test_another_agencys_dateline_with_or_without_place_bracketed_names_or_a_leading_ju(
        opening: str, dateline: str, byline: tuple[str, ...]) -> None:
    (it,) = layoutfix.clean(f"## 社区新设便民服务站\n\n{opening}{_BODY}").items
    assert (it.dateline, it.byline) == (dateline, byline)
    assert it.paragraphs[0].startswith("记者从有关部门获悉")


def test_a_sentence_of_a_body_that_reads_like_another_agencys_dateline_over_a_word_of_dian_stays_text() -> None:
    from layoutfix import patterns
    assert patterns.DATELINE.match("某合作社1月30日电话通知各户") is None


def test_a_dateline_cut_inside_its_place_at_a_column_break_comes_back_whole() -> None:
    (it,) = layoutfix.clean("## 国际简讯\n\n新华社北\n\n京1月30日电（记者 钱多多）" + _BODY).items
    assert (it.headline, it.dateline, it.byline) == ("国际简讯", "新华社北京1月30日电", ("钱多多",))


def test_a_continuation_jump_line_over_a_titled_article_gives_that_article_continued_from() -> None:
    page = layoutfix.clean("## 城乡交通网络更加完善\n\n本报讯 今年全市新修农村公路三百多公里，通车里程达到一万公里。\n\n"
                           "村民们高兴地说：“路好走了！”\n\n（上接第3版）\n\n## 社区新设便民服务站\n\n本报讯 " + _BODY)
    assert [(it.headline, it.continued_from) for it in page.items] == [
        ("城乡交通网络更加完善", None), ("社区新设便民服务站", "第3版")]


def test_boilerplate_under_a_second_article_with_a_dash_subheadline_stays_in_both() -> None:
    notice = "市民如有疑问，可拨打市政府服务热线咨询，热线电话二十四小时有人接听。"
    page = layoutfix.clean(f"## 城东新建一座图书馆\n\n本报讯 今天上午，城东图书馆正式开放，馆内藏书十万册。\n\n{notice}\n\n"
                           f"## 老旧小区改造全面铺开\n\n## ——全市今年将改造一百二十个小区\n\n"
                           f"本报讯 全市今年将改造一百二十个小区，惠及居民三万多户。\n\n{notice}\n")
    assert [it.paragraphs[-1] for it in page.items] == [notice, notice]


@pytest.mark.parametrize("photo, caption", [
    ("游客在湖边赏花。新华社记者 孙晓东 摄", "游客在湖边赏花。"),
    ("游客在湖边赏花，孩子们在草地上\n奔跑嬉戏。■本报记者 孙晓东 摄", "游客在湖边赏花，孩子们在草地上奔跑嬉戏。"),
    ("游客在湖边赏花。\n（本报记者 孙晓东 摄）", "游客在湖边赏花。"),
    ("游客在湖边赏花。 孙晓东 摄", "游客在湖边赏花。"),
])
def test_a_photo_between_the_halves_of_a_paragraph_in_other_credit_forms_leaves_the_paragraph_whole(
        photo: str, caption: str) -> None:
    half1 = "今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里，在湖边的草地上放风筝、"
    half2 = "野餐，享受着春天的温暖阳光。"
    page = layoutfix.clean(f"## 湖畔春色\n\n本报讯 {half1}\n\n{photo}\n\n{half2}\n\n"
                           "园方负责人说，今年公园还将新建一座观景台和两条步道，方便游客欣赏湖光山色。\n")
    article, pic = page.items
    assert article.paragraphs[0] == half1 + half2
    assert (pic.kind, pic.captions, pic.byline) == ("photo", (caption,), ("孙晓东",))


def test_verse_printed_in_stanzas_of_two_lines_stays_the_poems_text() -> None:
    verse = ["小城的春天来得早", "河边柳树发了芽", "孩子们在田野里", "放起了五彩风筝", "老人们坐在门口", "晒着暖暖的太阳"]
    page = layoutfix.clean("## 小城故事\n\n作者 王小明\n\n" + "\n\n".join("\n".join(verse[k:k + 2]) for k in (0, 2, 4)) + "\n")
    (it,) = page.items
    assert (it.headline, it.byline) == ("小城故事", ("王小明",))
    assert "".join(it.paragraphs) == "".join(verse)
