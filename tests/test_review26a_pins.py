"""review26a: pins, behaviour of issue 5's page structures that works on ddde57c and is worth holding (invented text).

Each pin went through the public surface (`layoutfix.clean`, NewsML) with an invented page of one structure.
"""
from __future__ import annotations

import pytest
from lxml import etree

import layoutfix
from layoutfix.validate import validate_bytes

_NITF = {"n": "http://iptc.org/std/NITF/2006-10-18/", "g": "http://iptc.org/std/nar/2006-10-01/"}
_BODY = ("记者从有关部门获悉，今年将在全国推广社区便民服务站，方便居民办理各类事务。\n\n"
         "据介绍，服务站将提供缴费、咨询、代办等多项服务。\n")


@pytest.mark.parametrize("opening, dateline, byline", [
    ("本报讯 ", "本报讯", ()),
    ("本报讯（记者 钱多多）", "本报讯", ("钱多多",)),
    ("本报讯 （通讯员 吴思思 记者 钱多多）", "本报讯", ("吴思思", "钱多多")),
    ("本报5月26日讯（实习生 周文文 记者 钱多多）", "本报5月26日讯", ("周文文", "钱多多")),
    ("本报东江5月26日电 ", "本报东江5月26日电", ()),
    ("新华社北京1月30日电（记者 钱多多）", "新华社北京1月30日电", ("钱多多",)),
    ("新华社东京1月30日电 （记者 钱多多）", "新华社东京1月30日电", ("钱多多",)),
    ("本报北京1月30日电 记者钱多多报道：", "本报北京1月30日电", ("钱多多",)),
    ("据新华社电 ", "据新华社电", ()),
    ("中新社北京1月30日电 ", "中新社北京1月30日电", ()),
])
def test_every_dateline_form_of_issue_5_is_lifted_with_the_bracketed_names(
        opening: str, dateline: str, byline: tuple[str, ...]) -> None:
    (it,) = layoutfix.clean(f"## 社区新设便民服务站\n\n{opening}{_BODY}").items
    assert (it.dateline, it.byline) == (dateline, byline)
    assert it.paragraphs[0].startswith("记者从有关部门获悉")


@pytest.mark.parametrize("line, names", [
    ("实习记者 钱多多", ("钱多多",)),
    ("通讯员 吴思思", ("吴思思",)),
    ("实习生 周文文", ("周文文",)),
    ("记者 钱多多、吴思思", ("钱多多", "吴思思")),
    ("记者 钱多多 吴思思", ("钱多多", "吴思思")),
    ("本报记者 钱多多 实习记者 吴思思", ("钱多多", "吴思思")),
    ("●本报记者 钱多多 通讯员 吴思思", ("钱多多", "吴思思")),
])
def test_a_byline_line_of_reporters_correspondents_and_interns_gives_the_names_in_order(
        line: str, names: tuple[str, ...]) -> None:
    (it,) = layoutfix.clean(f"## 社区新设便民服务站\n\n{line}\n\n新华社北京1月30日电 {_BODY}").items
    assert (it.kicker, it.headline, it.byline) == (None, "社区新设便民服务站", names)


_LEAD = ("本报讯 市住房和城乡建设局日前召开会议，部署今年老旧小区改造工作，全市将改造一百二十个小区。\n\n"
         "会议要求，各区要加快推进，确保年底前全部完工。\n")


@pytest.mark.parametrize("title", [
    "## 为了更美的家园 老旧小区改造全面铺开 ——全市今年将改造一百二十个小区",
    "为了更美的家园 老旧小区改造全面铺开 ——全市今年将改造一百二十个小区",
    "## 为了更美的家园\n## 老旧小区改造全面铺开\n## ——全市今年将改造一百二十个小区",
    "## 为了更美的家园\n\n## 老旧小区改造全面铺开\n\n## ——全市今年将改造一百二十个小区",
    "为了更美的家园\n老旧小区改造全面铺开\n——全市今年将改造一百二十个小区",
])
def test_kicker_headline_and_subheadline_are_found_on_one_line_or_on_three(title: str) -> None:
    (it,) = layoutfix.clean(f"{title}\n\n{_LEAD}").items
    assert (it.kicker, it.headline, it.subheadline) == ("为了更美的家园", "老旧小区改造全面铺开",
                                                        "——全市今年将改造一百二十个小区")
    assert it.paragraphs[0].startswith("市住房和城乡建设局")


@pytest.mark.parametrize("label", ["## 城市建设", "城市建设", "【城市建设】"])
def test_a_section_label_over_the_page_heads_every_article_under_it_and_counts_once(label: str) -> None:
    other = "本报讯 西山乡中心小学的新操场近日建成投入使用，孩子们终于有了运动场地。\n\n学校将用好这块场地，开展体育活动。"
    page = layoutfix.clean(f"{label}\n\n老旧小区改造全面铺开\n\n{_LEAD}\n乡村小学添了新操场\n\n{other}\n")
    assert [(it.section, it.headline) for it in page.items] == [
        (label.removeprefix("## "), "老旧小区改造全面铺开"), (label.removeprefix("## "), "乡村小学添了新操场")]
    assert [it.section_inherited for it in page.items] == [False, True]
    assert not page.unaccounted()


def test_a_photo_between_the_halves_of_a_long_paragraph_leaves_the_paragraph_whole() -> None:
    first = "今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里，在湖边的草地上放风筝、"
    page = layoutfix.clean(f"## 湖畔春色\n\n本报讯 {first}\n\n游客在湖边赏花。\n■本报记者 孙晓东 摄\n\n"
                           "野餐，享受着春天的温暖阳光。\n\n园方负责人说，公园还将新建一座观景台。\n")
    article, photo = page.items
    assert article.paragraphs[0] == first + "野餐，享受着春天的温暖阳光。"
    assert (photo.kind, photo.captions, photo.byline) == ("photo", ("游客在湖边赏花。",), ("孙晓东",))


def test_jump_lines_give_continued_from_at_the_top_and_truncated_at_the_bottom() -> None:
    page = layoutfix.clean("（上接第1版）\n\n据介绍，该项目总投资两亿元，预计明年年底建成。\n\n"
                           "## 城乡交通网络更加完善\n\n本报讯 今年全市新修农村公路三百多公里，群众出行更加方便，运输的成本也大大\n\n"
                           "（下转第4版）\n\n责任编辑：郑晓明\n")
    continued, cut = page.items
    assert (continued.continued_from, continued.truncated) == ("第1版", False)
    assert (cut.headline, cut.continued_from, cut.truncated) == ("城乡交通网络更加完善", None, True)
    assert [n.all_text() for n in page.noise] == ["（下转第4版）", "责任编辑：郑晓明"]


def test_a_table_under_its_title_keeps_its_unit_line_and_merges_a_continuation_row() -> None:
    dump = ("## 本市一季度主要经济指标\n\n单位：亿元\n\n指标\t数值\t增长\n地区生产总值\t1250\t6.5%\n"
            "社会消费品零售\t520\t8.1%\n总额\n固定资产投资\t430\t5.2%\n")
    page = layoutfix.clean(dump)
    (it,) = page.items
    assert (it.kind, it.headline, it.captions) == ("table", "本市一季度主要经济指标", ("单位：亿元",))
    assert it.tables == ((("指标", "数值", "增长"), ("地区生产总值", "1250", "6.5%"),
                          ("社会消费品零售\n总额", "520", "8.1%"), ("固定资产投资", "430", "5.2%")),)
    assert [e.kind for e in page.edits if e.stage == "segment"] == ["row_join"]


def test_the_newsml_of_an_article_carries_kicker_subheadline_byline_dateline_and_section_where_nitf_reads_them() -> None:
    page = layoutfix.clean("## 城市建设\n\n## 为了更美的家园\n## 老旧小区改造全面铺开\n## ——全市今年将改造一百二十个小区\n\n"
                           "本报记者 孙晓东 实习生 周文文\n\n" + _LEAD)
    (it,) = page.items
    xml = it.to_newsml(page)
    assert validate_bytes(xml) == []
    root = etree.fromstring(xml)
    assert root.xpath("string(//g:contentMeta/g:headline[not(@role)])", namespaces=_NITF) == "老旧小区改造全面铺开"
    assert root.xpath("//n:hedline/n:hl2/@class", namespaces=_NITF) == ["kicker", "subheadline"]
    assert root.xpath("//n:byline/n:person/text()", namespaces=_NITF) == ["孙晓东", "周文文"]
    assert root.xpath("string(//n:body.head/n:dateline)", namespaces=_NITF) == "本报讯"
    assert root.xpath("string(//n:pubdata/@position.section)", namespaces=_NITF) == "城市建设"
