"""review26a: specifications, one per defect found by the session-26 outside review of session 25's commits
(64b9342..ddde57c) and of the public surface, with invented pages of the structures issue 5 lists. Invented text only.

Each test names the behaviour it asks for and fails on ddde57c.
"""
from __future__ import annotations

import pytest
from lxml import etree

import layoutfix
from pagetext import paragraphs as _paragraphs

_NITF = {"n": "http://iptc.org/std/NITF/2006-10-18/"}

_BODY = ("记者从有关部门获悉，今年将在全国推广社区便民服务站，方便居民办理各类事务。\n\n"
         "据介绍，服务站将提供缴费、咨询、代办等多项服务。\n")


# -- bylines: role groups set apart by a bullet (issue 5: separators ●, □) ----------------------------------------

@pytest.mark.parametrize("bullet", ["●", "□", "■"])
def test_a_byline_of_two_role_groups_set_apart_by_a_bullet_is_the_byline_not_the_headline(bullet: str) -> None:
    # '记者 钱多多 ● 通讯员 吴思思' under a title: patterns.BYLINE takes a bullet only before the first role group,
    # and the groups only set apart by spaces, so the line is no byline; segment reads it as the headline and the
    # real title as its kicker ('记者 钱多多●通讯员 吴思思'), and the section label over the page is lost for the item.
    # The same groups set apart by spaces alone or by '、' are read as the byline.
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n记者 钱多多 {bullet} 通讯员 吴思思\n\n"
                           f"新华社北京1月30日电 {_BODY}")
    (it,) = page.items
    assert (it.kicker, it.headline) == (None, "社区新设便民服务站")
    assert it.byline == ("钱多多", "吴思思")


# -- datelines of other agencies -------------------------------------------------------------------------------

@pytest.mark.parametrize("dateline", ["法新社巴黎1月30日电", "路透社伦敦1月30日电", "美联社纽约1月30日电"])
def test_an_agency_dateline_of_an_agency_outside_the_list_is_the_dateline(dateline: str) -> None:
    # patterns.AGENCIES is a closed list (本报, 新华社, 中新社, 人民日报, 人民网, 新华网, 中新网, 中国新闻网): a report
    # filed by any other agency keeps '<agency><place><date>电' glued into its first paragraph (and normalize
    # removes the space after 电 as a line-wrap space: '法新社巴黎1月30日电记者从…'). The form '<…社><place><date>电'
    # is the agency dateline whatever the agency.
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n{dateline} {_BODY}")
    (it,) = page.items
    assert it.dateline == dateline
    assert it.paragraphs[0].startswith("记者从有关部门获悉")


# -- photos: a caption and its credit between two halves of a paragraph --------------------------------------

_HALF1 = "今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里，在湖边的草地上放风筝、"
_HALF2 = "野餐，享受着春天的温暖阳光。"
_LAST = "园方负责人说，今年公园还将新建一座观景台和两条步道，方便游客欣赏湖光山色。"
_CAPTION = "游客在湖边赏花。"


# -- titles: a headline and its '——' subheadline on one line --------------------------------------------------

@pytest.mark.parametrize("marker", ["## ", ""], ids=["marked", "plain"])
def test_a_headline_and_its_dash_subheadline_on_one_line_set_apart_by_a_space_are_split(marker: str) -> None:
    # '## 老旧小区改造全面铺开 ——全市今年将改造一百二十个小区': printed with no space the line is split into
    # headline and subheadline, and with a kicker before it ('为了更美的家园 老旧小区… ——…') all three parts are
    # found; with the space and no kicker the space is dropped and the whole line is the headline.
    page = layoutfix.clean(f"{marker}老旧小区改造全面铺开 ——全市今年将改造一百二十个小区\n\n"
                           "本报讯 市住房和城乡建设局日前召开会议，部署今年老旧小区改造工作，全市将改造一百二十个小区。\n\n"
                           "会议要求，各区要加快推进，确保年底前全部完工。\n")
    (it,) = page.items
    assert (it.headline, it.subheadline) == ("老旧小区改造全面铺开", "——全市今年将改造一百二十个小区")


# -- jump lines: a continuation from an earlier page printed under a finished article -------------------------

_ROAD = "## 城乡交通网络更加完善\n\n本报讯 今年全市新修农村公路三百多公里，通车里程达到一万公里，群众出行更加方便。\n\n"
_CONTINUED = "据介绍，该项目总投资两亿元，预计明年年底建成，建成后可以满足周边居民的用水需求。"


@pytest.mark.parametrize("tail", ["", "村民们高兴地说：“路好走了！”\n\n"], ids=["one-paragraph", "two-paragraphs"])
def test_a_continuation_jump_line_under_a_finished_article_opens_the_item_it_continues(tail: str) -> None:
    # '（上接第3版）' under an article that opened on this page (title, 本报讯) heads the rest of another article
    # continued from page 3. segment.items: under an article of one paragraph the jump is applied to that article
    # (continued_from '第3版' on an article that starts here) and the continued text becomes its paragraph; under
    # two paragraphs the continued text is appended to the article above and the jump line goes to noise as
    # 'jump line with no article after it'. Either way two articles are merged into one.
    page = layoutfix.clean(_ROAD + tail + "（上接第3版）\n\n" + _CONTINUED + "\n")
    first, second = page.items
    assert (first.headline, first.continued_from) == ("城乡交通网络更加完善", None)
    assert _CONTINUED not in first.paragraphs
    assert (second.continued_from, second.paragraphs) == ("第3版", (_CONTINUED,))


# -- tables: the unit line and the footnote, and where NewsML puts them ---------------------------------------

_TABLE = "指标\t数值\t增长\n地区生产总值\t1250\t6.5%\n固定资产投资\t430\t5.2%\n消费品零售总额\t520\t8.1%"


def test_a_footnote_printed_under_a_table_is_the_tables_not_a_body_paragraph() -> None:
    # '注：增长率按可比价格计算。' under the table is the table's footnote (issue 5: tables with their title,
    # continuation rows and footnote); is_table_note refuses it (a stop, a value over 10 characters) and it comes
    # out as the item's only body paragraph, which NITF prints above the table.
    page = layoutfix.clean(f"## 本市一季度主要经济指标\n\n{_TABLE}\n\n注：增长率按可比价格计算。\n")
    (it,) = page.items
    assert it.paragraphs == ()
    assert "注：增长率按可比价格计算。" in it.captions


def test_a_tables_unit_line_is_not_written_to_newsml_as_a_photo_caption() -> None:
    # newsml.item_to_newsml writes every caption as <media media-type="image"> with an empty media-reference: the
    # table's unit line '单位：亿元' becomes a photo without an image for any NITF reader. A table's note belongs to
    # the table (NITF <table><caption>) or to the body, never to an image.
    page = layoutfix.clean(f"## 本市一季度主要经济指标\n\n单位：亿元\n\n{_TABLE}\n")
    (it,) = page.items
    assert it.captions == ("单位：亿元",)
    root = etree.fromstring(it.to_newsml(page))
    assert root.xpath("//n:media[@media-type='image']", namespaces=_NITF) == []
    assert "单位：亿元" in "".join(root.xpath("//n:table//text()", namespaces=_NITF))


# -- unmarked title lines between two articles: flow joins them into the body ---------------------------------

_PARK = ("## 湖畔公园游人如织\n\n本报讯 孩子们终于有了一块平整的运动场地。今年全市新修农村公路三百多公里，通车里程达到一万公里。\n\n"
         "馆内藏书十万册，设有阅览室和自习室。服务站将提供缴费、咨询、代办等多项服务。\n\n")
_LIBRARY = "\n\n园方负责人说，公园还将新建一座观景台。\n\n合作社今年带动两千多户农民增收。\n"


def test_a_space_segment_removes_from_a_title_line_is_logged() -> None:
    # '市里新建三座公园 居民休闲有了好去处': segment.titles.title_spaces drops the space between the two phrases
    # (no parallel pair, no kicker split taken) and no edit says so; normalize logs every wrap space it removes
    # ('line-wrap space between Chinese characters removed'). Every change is an Edit.
    page = layoutfix.clean("## 市里新建三座公园 居民休闲有了好去处\n\n"
                           "本报讯 今年以来，市园林局在城区新建了三座公园，总面积达到二十多公顷。\n")
    (it,) = page.items
    if " " not in (it.headline or ""):
        assert any(e.line == 1 and e.before == " " and e.after == "" for e in page.edits)


# -- photo credits and captions ----------------------------------------------------------------------------

_LAKE = ("## 湖畔春色\n\n本报讯 今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里踏青。\n\n"
         "园方负责人说，今年公园还将新建一座观景台和两条步道，方便游客欣赏湖光山色。\n\n")


@pytest.mark.parametrize("credit", ["（孙晓东 摄）", "（孙晓东摄）"])
def test_a_bracketed_credit_of_names_alone_after_a_caption_makes_a_photo_item(credit: str) -> None:
    # '游客在湖边赏花。（孙晓东 摄）': patterns.CREDIT reads a credit with no role word, but the credit found on the
    # caption's own line is kept only with a role word or a bullet before it; a closed bracket round names and 摄
    # is as plain a credit as '■'. The line comes out as a body paragraph '游客在湖边赏花。（孙晓东摄）' of the
    # article above; with '本报记者' inside the bracket it is a photo item.
    page = layoutfix.clean(_LAKE + f"游客在湖边赏花。{credit}\n")
    photos = [it for it in page.items if it.kind == "photo"]
    assert [(it.captions, it.byline) for it in photos] == [(("游客在湖边赏花。",), ("孙晓东",))]


# -- signatures and page furniture ------------------------------------------------------------------------

_SCHOOL = ("## 乡村小学添了新操场\n\n本报讯 西山乡中心小学的新操场近日建成投入使用，孩子们有了运动场地。\n\n"
           "学校将用好这块场地，开展丰富多彩的体育活动。\n\n")


@pytest.mark.parametrize("line, names", [("（编辑 郑晓明）", ()), ("（责任编辑 郑晓明）", ()), ("（校对 郑晓明）", ()),
                                         ("（记者 钱多多 编辑 郑晓明）", ("钱多多",))])
def test_an_editors_role_word_in_a_closing_bracket_is_never_a_name_of_the_byline(
        line: str, names: tuple[str, ...]) -> None:
    # patterns.END_BYLINE reads any run of two to six Han characters as a name, and its role words are the
    # reporters' only: '（编辑 郑晓明）' closing an article gives the byline ('编辑', '郑晓明'), '（记者 钱多多 编辑
    # 郑晓明）' gives ('钱多多', '编辑', '郑晓明'). The editor's role words are known (patterns.FURNITURE's: 责任编辑,
    # 编辑, 校对, …): they are never a name, and the editor is no author.
    page = layoutfix.clean(_SCHOOL + line + "\n")
    (it,) = page.items
    assert not {"编辑", "责任编辑", "校对"} & set(it.byline)
    assert "郑晓明" not in it.byline
    assert it.byline == names


def test_a_page_header_of_paper_name_date_weekday_and_page_is_page_furniture() -> None:
    # '东江日报 2024年5月10日 星期五 第3版' over the page: FURNITURE reads a date and weekday alone as a header,
    # so this line comes out as an untitled article of one paragraph. A line made of a date with its weekday and a
    # page number ('第3版') is the page's header, whatever the paper's name before it.
    page = layoutfix.clean("东江日报 2024年5月10日 星期五 第3版\n\n" + _SCHOOL)
    assert [it.headline for it in page.items] == ["乡村小学添了新操场"]
    assert "".join(n.all_text() for n in page.noise).replace(" ", "") == "东江日报2024年5月10日星期五第3版"


# -- issue 5 item 4: every split explained ----------------------------------------------------------------

@pytest.mark.parametrize("under", ["新华社北京1月30日电 ", "本报记者 钱多多\n\n"], ids=["dateline", "byline"])
def test_the_edit_log_explains_a_new_item_opened_at_an_unmarked_title(under: str) -> None:
    # An unmarked title between one article's body and the next article's dateline or byline opens a new item
    # by rule (a title over a dated report or a byline), and no edit says so: `layoutfix diff` shows the split
    # with nothing to explain it, while the same title decided by the heading model is logged ('heading of a new
    # item: P(subhead) …'). Issue 5, item 4: every decision logged with its score.
    page = layoutfix.clean("## 老旧小区改造全面铺开\n\n本报讯 市住房和城乡建设局日前召开会议，部署今年老旧小区改造工作。\n\n"
                           "会议要求，各区要加快推进，确保年底前全部完工。\n\n社区新设便民服务站\n\n"
                           f"{under}记者从有关部门获悉，今年将在全国推广社区便民服务站。\n")
    assert [it.headline for it in page.items] == ["老旧小区改造全面铺开", "社区新设便民服务站"]
    assert any(e.stage == "segment" and e.line == 7 and e.confidence > 0 and e.reason for e in page.edits)


# -- dedup: boilerplate two articles share ---------------------------------------------------------------

def test_a_paragraph_each_of_two_articles_prints_under_its_own_title_stays_in_both() -> None:
    # Issue 5: dedup never removes a paragraph that merely repeats boilerplate two articles share. A service
    # notice printed at the end of two articles, each under its own '## ' title and dateline, is dropped from
    # the second ('duplicate: repeats the line printed at line 5'), which loses its last paragraph. The
    # synthetic defects insert a copy right after its original (compose.repeats: 1 to 3 pieces on), never
    # under another article's title.
    notice = "市民如有疑问，可拨打市政府服务热线咨询，热线电话二十四小时有人接听。"
    page = layoutfix.clean(f"## 城东新建一座图书馆\n\n本报讯 城东新建的图书馆今天正式开放，馆内藏书十万册。\n\n{notice}\n\n"
                           f"## 老旧小区改造全面铺开\n\n本报讯 全市今年将改造一百二十个小区，惠及居民三万多户。\n\n{notice}\n")
    assert [it.paragraphs[-1] for it in page.items] == [notice, notice]


# -- normalize: web addresses with a path (ebff0e4) --------------------------------------------------------

@pytest.mark.parametrize("printed, clean", [
    ("详情见www.example.com/news．市民可登录查询。", "详情见www.example.com/news。市民可登录查询。"),
    ("详情见www.example.com／news，市民可登录查询。", "详情见www.example.com/news，市民可登录查询。"),
    ("详情见http：//www.example.com，市民可登录查询。", "详情见http://www.example.com，市民可登录查询。"),
], ids=["stop-after-a-path", "full-width-slash", "full-width-colon-of-the-scheme"])
def test_a_web_address_with_a_path_or_scheme_is_mended_as_one_without(printed: str, clean: str) -> None:
    # ebff0e4 turns a full-width stop after an address into '。' ('www.example.com．市民' -> '….com。市民') and
    # folds a full-width dot inside one ('www.example．com' -> 'www.example.com'); an address with a path keeps
    # its '．' ('…/news．市民'), and a full-width slash or the scheme's full-width colon inside an address stays
    # full-width ('www.example.com／news', 'http：//…'): the address no longer works when copied.
    (it,) = layoutfix.clean("## 网上办事更方便\n\n本报讯 " + printed + "\n").items
    assert it.paragraphs == (clean,)


# -- notices ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dump", [
    "## 停水通知\n\n因管道维修，城东片区将于6月3日上午8时至下午6时停止供水，请居民提前做好储水准备。\n\n市自来水公司\n2024年6月1日\n",
    "## 公告\n\n经研究决定，人民路将于6月10日起封闭施工，请过往车辆绕行。\n\n特此公告。\n\n东江市交通局\n2024年6月1日\n",
], ids=["notice-signed-by-issuer-and-date", "announcement"])
def test_a_printed_notice_with_its_text_and_signature_is_an_item_of_kind_notice(dump: str) -> None:
    # The gold schema's kinds are article | photo | table | notice; segment.items.Draft.freeze gives 'notice'
    # only to an item with no paragraph, caption or table (a title alone), never to a notice printed with its
    # text, closed by its issuer and date: such a notice is an 'article' whose last two paragraphs are the
    # issuer and the date ('市自来水公司', '2024年6月1日'; the issuer logged as a 'subhead' at P 0.96 on a longer page).
    (it,) = layoutfix.clean(dump).items
    assert it.kind == "notice"


# -- batches ---------------------------------------------------------------------------------------------

def test_a_batch_names_a_page_that_gave_no_article(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    # `layoutfix clean DIR -o OUT` over a page of nothing but debris and rules: the page is counted as cleaned
    # ('2 of 2 page(s) cleaned'), its JSON holds no article and no XML is written, and nothing on stderr says so;
    # printed to stdout as XML the same page is reported ('no article on this page (all its text went to noise)').
    # A page that yields no article is worth a line naming it in a batch too.
    from layoutfix import cli

    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text("## 城市建设\n\n本报讯 市里今年新建了三座公园，居民休闲有了好去处。\n", encoding="utf-8")
    (pages / "rules.txt").write_text("■■■\n\n|||\n\n~~~\n\n-----\n", encoding="utf-8")
    cli.main(["clean", str(pages), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert "rules.txt" in err


def test_a_photo_credit_is_looked_for_in_a_lines_last_characters_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # review26a: CREDIT.search over a letter-spaced line ending '。 摄' read the line in as many ways as it has
    # characters at every start (clean of a 3,200-character line: 16 s). A credit is short: the pattern is asked of
    # the line's last CREDIT_SPAN characters, whatever the line's length.
    from layoutfix import patterns

    asked: list[int] = []
    real = patterns.CREDIT

    class Spy:
        def search(self, text: str, pos: int = 0):  # type: ignore[no-untyped-def]
            asked.append(len(text) - pos)
            return real.search(text, pos)

    monkeypatch.setattr(patterns, "CREDIT", Spy())
    line = " ".join("市里今天召开会议部署工作各区要加快推进确保年底前全部完工" * 40) + "。 摄"
    assert patterns.split_credit(line) is None
    assert patterns.split_credit("游客在湖边赏花。■本报记者 孙晓东 摄") == ("游客在湖边赏花。", "■本报记者 孙晓东 摄")
    assert asked and max(asked) <= patterns.CREDIT_SPAN
