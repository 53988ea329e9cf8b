"""review27a: specifications, one per defect found by the session-27 outside review of session 26's commits
(ddde57c..d046b5f) and of the public surface, with invented pages of the structures issue 5 lists. Invented text only.

Each test names the behaviour it asks for and fails on d046b5f.
"""
from __future__ import annotations

import pytest
from lxml import etree

import layoutfix

_NITF = {"n": "http://iptc.org/std/NITF/2006-10-18/"}

_BODY = ("记者从有关部门获悉，今年将在全国推广社区便民服务站，方便居民办理各类事务。\n\n"
         "据介绍，服务站将提供缴费、咨询、代办等多项服务。\n")
_SCHOOL = ("## 乡村小学添了新操场\n\n本报讯 西山乡中心小学的新操场近日建成投入使用，孩子们有了运动场地。\n\n"
           "学校将用好这块场地，开展丰富多彩的体育活动。\n\n")
_TABLE = "指标\t数值\t增长\n地区生产总值\t1250\t6.5%\n固定资产投资\t430\t5.2%\n消费品零售总额\t520\t8.1%"


def _noise(page: layoutfix.Page) -> str:
    return "".join(n.all_text() for n in page.noise)


# -- dedup: a lead that opens with the headline's words ---------------------------------------------------

@pytest.mark.parametrize("title, lead", [
    ("市里新建三座公园", "市里新建的三座公园今天同时开放，吸引了众多市民前来游览。"),
])
@pytest.mark.parametrize("marker", ["## ", ""], ids=["marked", "plain"])
def test_a_first_paragraph_opening_with_the_headlines_words_keeps_them(marker: str, title: str, lead: str) -> None:
    # A lead sentence that says again what the headline says ('市里新建三座公园' / '市里新建的三座公园今天…') is the
    # commonest opening a news article has. dedup's _CopyFinder.find (dedup/garbled.py) takes the line before a text
    # line for the line a column break repeated, whatever its role: the title is that line, and the lead's subject
    # goes to noise as 'garbled repeat of the end of line 1 (alignment score 7.3)'; the article opens
    # '今天同时开放，…'. A title is never the body line a garbled copy repeats.
    page = layoutfix.clean(f"{marker}{title}\n\n{lead}\n\n负责人说，下一步还将继续完善相关设施。\n")
    (it,) = page.items
    assert it.headline == title
    assert it.paragraphs[0] == lead
    assert _noise(page) == ""


# -- page furniture: a page header in its other printed forms ---------------------------------------------

@pytest.mark.parametrize("header", ["东江日报 2024年5月10日 星期五 第三版", "东江日报 2024年5月10日 星期五 第3版 教育"],
                         ids=["page-number-in-chinese-numerals", "page-name-after-the-number"])
def test_a_page_header_in_any_of_its_printed_forms_is_page_furniture_and_joins_nothing(header: str) -> None:
    # patterns.PAGE_HEADER (b632967) reads a page number only in digits and nothing after it. With '第三版' the
    # header comes out as an untitled article of one paragraph marked truncated; with the page's name after the
    # number ('第3版 教育') flow joins the header to the article's LAST paragraph ('东江日报2024年5月10日星期五第3版
    # 教育学校将用好这块场地，…'), which leaves the article for an untitled item. A header of paper name, date,
    # weekday and page (in digits or numerals, with the page's name) is furniture wherever the page prints it.
    page = layoutfix.clean(header + "\n\n" + _SCHOOL)
    (it,) = page.items
    assert it.headline == "乡村小学添了新操场"
    assert it.paragraphs == ("西山乡中心小学的新操场近日建成投入使用，孩子们有了运动场地。", "学校将用好这块场地，开展丰富多彩的体育活动。")
    assert _noise(page).replace(" ", "") == header.replace(" ", "")


# -- dedup: boilerplate two articles each print --------------------------------------------------------

_NOTICE = "市民如有疑问，可拨打市政府服务热线咨询，热线电话二十四小时有人接听。"


@pytest.mark.parametrize("first, second", [
    ("城东新建一座图书馆\n\n本报讯 今天上午，城东图书馆正式开放，馆内藏书十万册。",
     "老旧小区改造全面铺开\n\n本报讯 全市今年将改造一百二十个小区，惠及居民三万多户。"),
], ids=["unmarked-titles-over-dated-reports"])
def test_a_paragraph_each_of_two_articles_prints_stays_in_both_whatever_opens_them(first: str, second: str) -> None:
    # dedup.stage.articles_apart (ffa9cd5, bf1a5b1) lets two articles keep the same paragraph only when the second
    # opens with a '## ' title AND a dateline or byline within two blocks under it. Under plain titles over
    # '本报讯', or under '## ' titles over plain text, the boilerplate is dropped from the second article
    # ('duplicate: repeats the line printed at line 5') although segment splits the page into the same two
    # articles. Issue 5: dedup never removes a paragraph that merely repeats boilerplate two articles share.
    page = layoutfix.clean(f"{first}\n\n{_NOTICE}\n\n{second}\n\n{_NOTICE}\n")
    assert [it.headline for it in page.items] == ["城东新建一座图书馆", "老旧小区改造全面铺开"]
    assert [it.paragraphs[-1] for it in page.items] == [_NOTICE, _NOTICE]


# -- jump lines: a byline under a continuation line ----------------------------------------------------

_ROAD = "## 城乡交通网络更加完善\n\n本报讯 今年全市新修农村公路三百多公里，通车里程达到一万公里，群众出行更加方便。\n\n"
_CONTINUED = "据介绍，该项目总投资两亿元，预计明年年底建成，建成后可以满足周边居民的用水需求。"


@pytest.mark.parametrize("tail", ["", "村民们高兴地说：“路好走了！”\n\n"], ids=["one-paragraph", "two-paragraphs"])
def test_a_byline_under_a_continuation_jump_line_is_the_continued_items_byline(tail: str) -> None:
    # '（上接第3版）' / '本报记者 钱多多' / the continued text, under a finished article. segment.items opens the
    # continued item only at the first body block under the jump (ebbb0b9: `jump_opens`), so the byline between is
    # handled as the current article's: under one paragraph it becomes the finished article's byline, under two
    # it is appended to it as a body paragraph ('本报记者 钱多多'). The byline printed under the jump line is the
    # continued article's.
    page = layoutfix.clean(_ROAD + tail + "（上接第3版）\n\n本报记者 钱多多\n\n" + _CONTINUED + "\n")
    first, second = page.items
    assert first.byline == ()
    assert not any("钱多多" in p for p in first.paragraphs)
    assert (second.continued_from, second.byline, second.paragraphs) == ("第3版", ("钱多多",), (_CONTINUED,))


# -- bylines: '作者 某甲' (1c8ecf8) --------------------------------------------------------------------

@pytest.mark.parametrize("line", ["撰稿 要求"])
def test_a_writers_word_and_a_space_before_a_word_that_is_no_name_is_no_byline(line: str) -> None:
    # patterns.classic_form (1c8ecf8) rewrites '作者|撰文|撰稿' + space + any two to four Han characters to
    # '记者 <run>', and names_in keeps the run: '撰稿 要求' over a call for contributions gives the byline ('要求',),
    # '作者 须知' the byline ('须知') (on ddde57c both lines were no byline). '作者：某甲' asked for a colon, which a
    # heading does not print; without it the run must read as a name (patterns.surname_led, a dictionary word is
    # no name) before the line is a byline.
    page = layoutfix.clean(f"## 读书的乐趣\n\n{line}\n\n来稿请注明真实姓名和联系方式，字数在两千字以内。\n")
    (it,) = page.items
    assert it.byline == ()


# -- tables: footnotes ---------------------------------------------------------------------------------

def test_the_footnote_of_a_table_inside_an_article_is_written_to_nitf_with_the_table_not_as_a_photo() -> None:
    # segment.items (ebbb0b9) puts a footnote under a table into the item's captions whatever the item's kind, and
    # newsml._nitf_body writes captions as the table's <caption> only for an item of kind 'table': an article that
    # prints a table between its paragraphs gets '注：增长率按可比价格计算。' as <media media-type="image"> with an
    # empty media-reference, a photo with no image for any NITF reader (review26a's defect, one kind over).
    page = layoutfix.clean("## 一季度经济运行平稳\n\n本报讯 今年一季度，全市经济运行总体平稳，主要指标好于预期。\n\n"
                           f"{_TABLE}\n\n注：增长率按可比价格计算。\n\n市统计局有关负责人表示，下阶段将继续做好监测工作。\n")
    (it,) = page.items
    assert it.tables and "注：增长率按可比价格计算。" in it.captions
    root = etree.fromstring(it.to_newsml(page))
    assert root.xpath("//n:media[@media-type='image']", namespaces=_NITF) == []
    assert "注：增长率按可比价格计算。" in "".join(root.xpath("//n:table//text()", namespaces=_NITF))


def test_every_numbered_line_of_a_tables_footnote_is_the_tables() -> None:
    # '注：1.增长率按可比价格计算。' / '2.数据为初步核算数。' under a table: segment.items takes only the block right
    # under the table for its footnote (`under_table` is reset by the first), so the note's second line comes out
    # as the item's only body paragraph: the table item becomes an 'article' whose text is '2.数据为初步核算数。',
    # which NITF prints above the table.
    page = layoutfix.clean(f"## 本市一季度主要经济指标\n\n{_TABLE}\n\n注：1.增长率按可比价格计算。\n2.数据为初步核算数。\n")
    (it,) = page.items
    assert it.paragraphs == ()
    assert "".join(it.captions).replace(" ", "").replace("\n", "") == "注：1.增长率按可比价格计算。2.数据为初步核算数。"


# -- notices -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("signature", ["市自来水公司\n二〇二四年六月一日", "市自来水公司 2024年6月1日"],
                         ids=["date-in-chinese-numerals", "issuer-and-date-on-one-line"])
def test_a_notice_signed_off_in_another_printed_form_keeps_its_signature_and_is_a_notice(signature: str) -> None:
    # items.is_notice (ebbb0b9) asks patterns.ISSUED_DATE (digits only) to fill the last paragraph. A notice dated
    # in Chinese numerals ('二〇二四年六月一日', the usual form of an official notice) or signed with issuer and date
    # on one line is of kind 'article', and worse its signature goes to noise as 'title line with no article under
    # it' (segment): the issuer and the date are lost from the item. With '市自来水公司' / '2024年6月1日' on two lines
    # both stay as paragraphs and the kind is 'notice'.
    page = layoutfix.clean("## 停水通知\n\n因管道维修，城东片区将于6月3日上午8时至下午6时停止供水，请居民提前做好储水准备。\n\n"
                           f"{signature}\n")
    (it,) = page.items
    assert it.kind == "notice"
    assert _noise(page) == ""
    assert "市自来水公司" in "".join(it.paragraphs)


# -- normalize: a web address's scheme printed full-width whole --------------------------------------

def test_a_web_address_whose_scheme_prints_a_full_width_colon_and_slashes_is_mended() -> None:
    # normalize.fold_fullwidth (b632967) folds the scheme's '：' only before '//' or '／／', and a '／' only after an
    # address: in 'http：／／www.example.com' the colon is folded ('fullwidth ： -> :'), the slashes are not (no
    # address before them), and the punctuation pass folds the colon back ('punct : -> ：'): two edits that undo
    # each other, and the address stays 'http：／／www.example.com', which does not work when copied.
    (it,) = layoutfix.clean("## 网上办事更方便\n\n本报讯 详情见http：／／www.example.com，市民可登录查询。\n").items
    assert it.paragraphs == ("详情见http://www.example.com，市民可登录查询。",)


# -- datelines: a dateline cut at a column break inside its date ---------------------------------------

def test_a_dateline_cut_inside_its_date_at_a_column_break_is_put_back_together() -> None:
    # rejoin_cut_datelines (55a58a9) mends a dateline cut before its last character only ('新华社北京1月30日' /
    # '电…'); cut before the day ('新华社北京1月' / '30日电（记者 钱多多）…') the head becomes the item's headline
    # ('新华社北京1月', the real title '国际简讯' pushed up to the section) and the report keeps '30日电（记者钱多多）'
    # glued into its first paragraph. Cut inside the place ('新华社北' / '京1月30日电…') flow already joins it.
    page = layoutfix.clean("## 国际简讯\n\n新华社北京1月\n\n30日电（记者 钱多多）" + _BODY)
    (it,) = page.items
    assert (it.headline, it.dateline, it.byline) == ("国际简讯", "新华社北京1月30日电", ("钱多多",))
    assert it.paragraphs[0].startswith("记者从有关部门获悉")


# -- photos: a credit printed over its caption -----------------------------------------------------------

@pytest.mark.parametrize("first", [
    "本报讯 今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里踏青。",
], ids=["between-two-paragraphs"])
def test_a_credit_line_printed_over_its_caption_takes_the_caption_under_it(first: str) -> None:
    # '■本报记者 孙晓东 摄' on a line of its own over '游客在湖边赏花。': segment takes the block ABOVE a credit line
    # for its caption, whatever it is, so the article's dated first paragraph becomes the photo's caption
    # ('本报讯今年春天，…踏青。', 本报讯 glued in), the photo item takes the headline '湖畔春色', and the article is
    # left untitled and undated, opening on the real caption. A paragraph holding a dateline is never a caption;
    # with the caption printed under the credit, the credit's caption is the line under it.
    rest = "野餐，享受着春天的温暖阳光。\n\n" if first.endswith("、") else ""
    page = layoutfix.clean(f"## 湖畔春色\n\n{first}\n\n■本报记者 孙晓东 摄\n游客在湖边赏花。\n\n{rest}"
                           "园方负责人说，今年公园还将新建一座观景台和两条步道，方便游客欣赏湖光山色。\n")
    articles = [it for it in page.items if it.kind == "article"]
    photos = [it for it in page.items if it.kind == "photo"]
    assert [(it.headline, it.dateline) for it in articles] == [("湖畔春色", "本报讯")]
    assert articles[0].paragraphs[0].startswith("今年春天")
    assert [(it.captions, it.byline) for it in photos] == [(("游客在湖边赏花。",), ("孙晓东",))]


# -- bylines: the writer's credit mark closing a byline line -----------------------------------------------

@pytest.mark.parametrize("line, names", [("本报记者 钱多多 文/图", ("钱多多",)),
                                         ("本报记者 钱多多 实习生 周文文 文/图", ("钱多多", "周文文"))])
def test_a_byline_line_closing_with_the_writers_credit_mark_is_the_byline_under_the_title(
        line: str, names: tuple[str, ...]) -> None:
    # names_in('本报记者 钱多多 文/图') gives ['钱多多'] (tests/test_patterns.py), but patterns.BYLINE takes only '撰文' as
    # a closing mark (WRITER_MARK), so is_byline says no: under a title the line becomes the HEADLINE ('本报记者 钱多多
    # 文/图') and the real title the kicker; the byline is empty. '文/图' (text and pictures by) closes a byline
    # line as '撰文' does.
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n{line}\n\n本报讯 {_BODY}")
    (it,) = page.items
    assert (it.kicker, it.headline, it.byline) == (None, "社区新设便民服务站", names)


# -- verse (1c8ecf8) ---------------------------------------------------------------------------------

_VERSE = ["小城的春天来得早", "河边柳树发了芽", "孩子们在田野里", "放起了五彩风筝", "老人们坐在门口", "晒着暖暖的太阳"]


def test_a_poem_printed_whole_on_the_page_is_not_marked_truncated() -> None:
    # The verse article of seg26's own spec comes out truncated=True (a NewsML 'lfsig:truncated' signal: 'the text
    # stops mid-sentence on this page') because its last line, like every line of the poem, closes on no stop.
    # A block segment read as verse (printed_run) ends where its last line ends.
    page = layoutfix.clean("## 小城故事\n\n作者 王小明\n\n" + "\n".join(_VERSE) + "\n")
    (it,) = page.items
    assert it.truncated is False


# -- issue 5 item 4: every split explained (0ae4466) -------------------------------------------------------

_LAKE = "## 湖畔春色\n\n本报讯 今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里踏青。\n\n"


@pytest.mark.parametrize("above", ["游客在湖边赏花。\n■本报记者 孙晓东 摄\n\n", _TABLE + "\n\n"], ids=["under-a-photo", "under-a-table"])
@pytest.mark.parametrize("under", ["本报记者 钱多多\n\n", "新华社北京1月30日电 "], ids=["byline", "dateline"])
def test_the_edit_log_explains_a_new_item_opened_at_an_unmarked_title_under_a_photo_or_a_table(
        above: str, under: str) -> None:
    # 0ae4466 logs the title that opens a new item by rule (over a byline or a dated report) only when the block
    # above it is body text (roles.refine_roles: `out[i - 1] == TEXT`). Under a photo's caption and credit, or under
    # a table, the same title opens the same new item and no edit says so: `layoutfix diff` shows a split with
    # nothing to explain it (issue 5, item 4).
    dump = _LAKE + above + "社区新设便民服务站\n\n" + under + _BODY
    title_line = dump.split("\n").index("社区新设便民服务站") + 1
    page = layoutfix.clean(dump)
    assert page.items[-1].headline == "社区新设便民服务站"
    assert any(e.stage == "segment" and e.line == title_line and e.confidence > 0 and e.reason for e in page.edits)


# -- signatures: editors in a closing bracket (b632967) ----------------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("（记者 钱多多 编辑：郑晓明）", ("钱多多",)),
    ("（记者 钱多多）（编辑 郑晓明）", ("钱多多",)),
    ("（责任编辑：郑晓明 校对：吴思思）", ()),
    ("（编辑/郑晓明）", ()),
], ids=["editor-with-a-colon", "editor-in-a-bracket-of-its-own", "two-editors-roles", "editor-with-a-slash"])
def test_a_closing_bracket_of_reporter_and_editor_in_another_printed_form_is_signature_not_text(
        line: str, names: tuple[str, ...]) -> None:
    # b632967 reads '（记者 钱多多 编辑 郑晓明）' (byline 钱多多) and '（编辑 郑晓明）' (furniture); the same signature
    # with a colon after the editor's role, in two brackets, with two editors' roles or a slash comes out as the
    # article's last body PARAGRAPH, the reporter missing from the byline (patterns.END_BYLINE / FURNITURE take one
    # role word, a space or a colon, and names, nothing more).
    page = layoutfix.clean(_SCHOOL + line + "\n")
    (it,) = page.items
    assert it.byline == names
    assert it.paragraphs == ("西山乡中心小学的新操场近日建成投入使用，孩子们有了运动场地。", "学校将用好这块场地，开展丰富多彩的体育活动。")


# -- bylines: role words outside patterns.ROLE_WORDS ---------------------------------------------------------

@pytest.mark.parametrize("line, names", [("特约通讯员 吴思思", ("吴思思",)), ("融媒体记者 钱多多", ("钱多多",)),
                                         ("全媒体记者 钱多多 通讯员 吴思思", ("钱多多", "吴思思"))])
def test_a_byline_of_a_reporters_role_word_outside_the_list_is_the_byline_not_the_headline(
        line: str, names: tuple[str, ...]) -> None:
    # patterns.ROLE_WORDS is a closed list (本报特约记者, 特约记者, 特派记者, 实习记者, 见习记者, 首席记者, …): '特约通讯员'
    # (beside 特约记者 and 本报通讯员 that it reads) and the newer '融媒体记者', '全媒体记者' are no role word, so the line
    # under the title is no byline; segment makes it the HEADLINE ('特约通讯员吴思思', its space removed) and the
    # real title the kicker. A role that ends in 记者 or 通讯员 after a short qualifier is a reporter's role.
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n{line}\n\n本报讯 {_BODY}")
    (it,) = page.items
    assert (it.kicker, it.headline, it.byline) == (None, "社区新设便民服务站", names)


@pytest.mark.parametrize("line", ["本报驻东京记者 钱多多", "本报驻日本特约记者 钱多多", "新华社驻东京记者 钱多多"])
def test_a_reporters_post_before_the_role_word_is_no_name_of_the_byline(line: str) -> None:
    # '本报驻东京记者 钱多多' (a correspondent's post, 驻<place>, between the outlet and the role): patterns.names_in
    # reads the post as a name, byline ('驻东京', '钱多多'); with 新华社 before it the line is no byline at all
    # (is_byline False, names ['新华社驻东京', '钱多多']). Only a post glued before 特派记者 is dropped
    # (_POST_BEFORE_ROLE).
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n{line}\n\n本报讯 {_BODY}")
    (it,) = page.items
    assert (it.headline, it.byline) == ("社区新设便民服务站", ("钱多多",))


# -- datelines: the day alone ------------------------------------------------------------------------

@pytest.mark.parametrize("dateline", ["新华社北京30日电", "据新华社北京30日电", "本报北京30日讯", "法新社巴黎30日电"])
def test_a_dateline_that_prints_the_day_alone_is_the_dateline(dateline: str) -> None:
    # patterns._DATE asks for a month and a day ('1月30日'); the form papers print for a report of this month,
    # '新华社北京30日电', is no dateline: it stays glued into the first paragraph ('新华社北京30日电记者从…', the
    # space after 电 removed as a line-wrap space) and the item has no dateline.
    page = layoutfix.clean(f"## 社区新设便民服务站\n\n{dateline} {_BODY}")
    (it,) = page.items
    assert it.dateline == dateline
    assert it.paragraphs[0].startswith("记者从有关部门获悉")


# -- fix_and_explain: the text view ----------------------------------------------------------------------

def test_the_text_view_of_fix_and_explain_says_where_an_item_continues_from_and_that_it_is_cut() -> None:
    # Page.to_text (the text `fix_and_explain` returns, `--format text`) prints an item's section, kicker, headline,
    # subheadline, dateline and byline, never continued_from or truncated: '（上接第3版）' and '（下转第4版）' are removed
    # from the page (edits 'jump line: kept as continued_from', 'the article is truncated here') and the text says
    # nowhere that the article goes on elsewhere. What an edit says is kept must be in the output.
    text, _ = layoutfix.fix_and_explain("## 城乡交通网络更加完善\n\n（上接第3版）\n\n今年全市新修农村公路三百多公里，通车里程达到一万公里，"
                                        "群众出行更加方便。\n\n村民们高兴地说，路好走了，日子也越过越红火，（下转第4版）\n")
    assert "第3版" in text
    assert "truncated" in text


# -- NewsML: a photo's credit -------------------------------------------------------------------------------

def test_a_photo_items_credit_is_its_nitf_medias_producer() -> None:
    # newsml writes a photo item's photographer only as the item's <byline> in body.head; the <media> element
    # holding the caption has no <media-producer>, where NITF puts the creator of a media object: a reader that
    # takes images with their captions and credits from <media> finds the caption and no credit.
    page = layoutfix.clean("## 湖畔春色\n\n本报讯 今年春天，湖畔公园的游人比往年多了不少，许多市民带着孩子来到这里踏青。\n\n"
                           "游客在湖边赏花。\n■本报记者 孙晓东 摄\n")
    (photo,) = [it for it in page.items if it.kind == "photo"]
    root = etree.fromstring(photo.to_newsml(page))
    assert "孙晓东" in "".join(root.xpath("//n:media/n:media-producer//text()", namespaces=_NITF))


# -- titles: a '——' subheadline printed with another dash ---------------------------------------------------

@pytest.mark.parametrize("title", ["## 老旧小区改造全面铺开\n## ──全市今年将改造一百二十个小区",
                                   "## 老旧小区改造全面铺开 --全市今年将改造一百二十个小区",
                                   "老旧小区改造全面铺开 --全市今年将改造一百二十个小区"],
                         ids=["box-drawing-dash-on-its-own-line", "hyphens-after-a-space-marked", "hyphens-after-a-space-plain"])
def test_a_subheadline_opened_by_a_dash_in_another_printed_form_is_the_subheadline(title: str) -> None:
    # '--全市…' on a line of its own is the subheadline (normalize turns the hyphens into '——'), but set apart from
    # the headline by a space on the headline's line the hyphens stay and the whole line is the headline
    # ('老旧小区改造全面铺开--全市…': ebbb0b9 asks a piece to open with '——'); '──' (box-drawing, as PDF text and
    # OCR print the dash) on a line of its own makes the subheadline the HEADLINE and the headline the kicker.
    page = layoutfix.clean(title + "\n\n本报讯 市住房和城乡建设局日前召开会议，部署今年老旧小区改造工作，全市将改造一百二十个小区。\n\n"
                           "会议要求，各区要加快推进，确保年底前全部完工。\n")
    (it,) = page.items
    assert (it.kicker, it.headline) == (None, "老旧小区改造全面铺开")
    assert (it.subheadline or "").endswith("全市今年将改造一百二十个小区")
