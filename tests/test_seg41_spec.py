"""Session 41 (seg41): same-article pairs that segment cut apart or glued together.

Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.shapes import ANNOUNCED_POEMS, numbered_part

_FIRST = ["清晨的河，比镜子还亮", "照见我们的童年", "照见远去的帆", "清晨的河，比歌声还长", "流过村口的老槐树",
          "流过母亲的门前", "哦，一河的星光……"]
_PART_ONE = ["山路（一）", "弯弯的山路。或许", "是挂在天边的一根线", "当它向上，有云朵飘过", "石阶依然是石阶的模样"]
_PART_TWO = ["灯火（二）", "灯火难熄", "或明或暗总是亮着的", "亮着的是老屋窗台", "照着回家的小路"]
_PROSE = ("某市今年新建的图书馆上月开馆，馆内藏书三十多万册，每天接待读者两千多人次，周末常常座无虚席。"
          "馆长介绍说，明年还将开设少儿阅览室和盲文阅览室。")


def _dump(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


def test_a_title_announcing_a_group_of_poems_and_the_numbered_part_titles_inside_it_are_told_by_shape() -> None:
    assert ANNOUNCED_POEMS.search("清晨的河（外二首）") and ANNOUNCED_POEMS.search("新年的歌(二首)")
    assert not ANNOUNCED_POEMS.search("清晨的河（组诗）") and not ANNOUNCED_POEMS.search("某某（图片）")
    assert numbered_part("山路（一）") and numbered_part("灯火(2)")
    assert not numbered_part("（一）") and not numbered_part("某某（图片）") and not numbered_part("某某（书法）")


def test_the_numbered_poems_under_a_title_that_announces_them_stay_paragraphs_of_its_article() -> None:
    page = layoutfix.clean(_dump("清晨的河（外二首）", *_FIRST, *_PART_ONE, *_PART_TWO, "（林小东）", "新馆开门迎读者", _PROSE))
    poem = page.items[0]
    assert poem.headline == "清晨的河（外二首）"
    assert poem.paragraphs == tuple(_FIRST + _PART_ONE + _PART_TWO)
    assert page.items[1].headline == "新馆开门迎读者"


def test_the_verse_under_a_numbered_part_goes_on_past_a_line_of_ocr_debris() -> None:
    page = layoutfix.clean(_dump("新年的歌（二首）", *_PART_ONE, "灯火（二）", "丨乂 亍卩", *_PART_TWO[1:]))
    (poem,) = page.items
    assert poem.headline == "新年的歌（二首）"
    assert poem.paragraphs == tuple(_PART_ONE + ["灯火（二）"] + _PART_TWO[1:])


def test_a_numbered_title_under_a_title_that_announces_no_poems_still_opens_an_item() -> None:
    page = layoutfix.clean(_dump("清晨的河", *_FIRST, *_PART_ONE))
    assert [it.headline for it in page.items] == ["清晨的河", "山路（一）"]


def test_a_table_header_row_with_its_units_in_brackets_is_no_title() -> None:
    from layoutfix.stages.segment.shapes import header_row, never_title
    assert header_row("人数（万人）比重（％）") and header_row("产量(吨) 增长(%)")
    assert never_title("人数（万人）比重（％）增长（％）")
    assert not header_row("某市股票上涨前五名（％）")  # a table's own title names its one unit
    assert not header_row("山花烂漫（水墨画）（孙其峰）") and not header_row("某某见闻（上）（附图片）")


def test_an_article_goes_on_past_its_tables_header_row_printed_alone() -> None:
    lead = "某县去年外出务工的人员比上年多了一成，各乡镇的情况详见下表。"
    rows = ["城关镇1902.5484.82", "青山乡1275.8289.64"]
    after = "县里今年将继续组织农民参加技术培训，帮助更多的人在本地就业，增加收入。"
    page = layoutfix.clean(_dump("某县外出务工人员继续增加", lead, "表1：各乡镇外出务工人员的人数和比重",
                                 "人数（万人）比重（％）", *rows, after))
    (article,) = page.items
    assert article.headline == "某县外出务工人员继续增加" and article.paragraphs[-1] == after


def test_a_lone_numeral_is_a_sections_number_never_a_title() -> None:
    from layoutfix.stages.segment.roles import section_number
    assert section_number("二") and section_number("十二")
    assert not section_number("二、") and not section_number("第二") and not section_number("二月") and not section_number("")


def test_a_sections_number_under_page_furniture_printed_inside_the_article_goes_on_with_the_article() -> None:
    first = "去年两岸的经贸、文化交流继续发展，人员往来的数量和层次不断提高，来访的人数比上年增加了一成。"
    second = "今年，两岸同胞将继续推进各领域的交流与合作，把两岸关系推向一个新的阶段。"
    page = layoutfix.clean(_dump("两岸交流继续发展", "一", first, "编辑：林小东", "二", second))
    (article,) = page.items
    assert article.paragraphs == ("一", first, "二", second)
    assert any(e.kind == "subhead" and "lone numeral" in e.reason for e in page.edits)


_VERSE = ["还没到春天", "河水就醒了", "一种流淌的声音", "多想走过", "那座还没有修好的", "石头桥上", "身后的炊烟", "在风里飘散"]


def test_a_name_closing_a_poem_over_prose_on_another_topic_leaves_the_poems_last_line_in_the_poem() -> None:
    other = ["某市今年新建的图书馆上月开馆，每天接待读者两千多人次。", "馆长介绍说，明年还将开设少儿阅览室。"]
    page = layoutfix.clean(_dump("河边", *_VERSE, "王小川", *other))
    assert page.items[0].paragraphs[:len(_VERSE)] == tuple(_VERSE)


def test_an_exclamation_under_an_unsigned_paragraph_is_a_title_over_a_line_that_stops_on_no_mark() -> None:
    from layoutfix.model import TEXT, TITLE, Block
    from layoutfix.stages.segment.roles import exclaimed_titles
    above = "今年的艺术节共有三十多台节目参加演出，观众超过十万人次，演出场场爆满。"
    under = "林老师今年七十岁了，仍然每天给学生上课，从早晨一直教到傍晚。"
    for deck, role in (("七十高龄带着学生演了三场，随后赶到省城", TITLE),  # a deck line, or a cut paragraph's piece
                       ("七十高龄带着学生演了三场，随后赶到省城。", TEXT),  # a sentence of the text
                       ("七十高龄带着学生演了三场，随后赶到省城，", TEXT)):  # a clause the next block goes on
        blocks = [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate([above, "林老师，您辛苦了！", deck, under])]
        assert exclaimed_titles(blocks, [TEXT] * 4)[1] == role


def test_a_heading_wholly_in_quotes_that_the_paragraph_under_it_repeats_is_a_subhead_quoting_its_section() -> None:
    from layoutfix.stages.segment.roles import quoted_heading_repeated
    under = "在队伍建设方面，支队遵循“向管理要效益”的准则，每年组织全体民警轮训一次。"
    assert quoted_heading_repeated("“向管理要效益”", under)
    assert not quoted_heading_repeated("“向管理要效益”", "支队每年组织全体民警轮训一次。")  # not said again
    assert not quoted_heading_repeated("“向管理”要效益", under)  # words outside the quotation
    assert not quoted_heading_repeated("“”", under)
    body = ["某市交警支队近年来狠抓队伍建设，全市交通秩序明显好转，事故比前年减少了三成。",
            "去年以来，支队在全市主要路口新装了一百多套电子监控设备，违章行为随时都能被记录下来，司机们再也不敢闯红灯了。",
            "市民王先生说，过去每天上下班路上都要堵一个多小时，现在半个小时就能到单位，出行方便多了。",
            "春节前后，全市的出租车司机也都参加了文明服务的培训，乘客的投诉比往年少了一半。"]
    section = "在经费使用方面，大队坚持“向管理要效益”的原则，把节省下来的钱用于购买新装备。"
    page = layoutfix.clean(_dump("文明的窗口", *body, "“向管理要效益”", section))  # (the model alone: a title)
    (article,) = page.items
    assert article.paragraphs == (*body, "“向管理要效益”", section)


_HOME = ["家乡的变化", "这几年，家乡的面貌发生了很大变化，土路变成了柏油路，草房变成了砖瓦房，村里还通上了自来水。",
         "可是，村头的小河却一年比一年脏，垃圾堆在岸边，河水发黑发臭，过去的清水河不见了。"]
_CUT = "镇里已经决定，今年春天组织全镇干部群众清理河道，并在河边修建垃圾池，每个村都要派出"


def test_a_question_over_a_paragraph_cut_at_the_pages_end_or_by_a_jump_line_stays_in_its_article() -> None:
    """review41b: the deck-line rule made such a question a new item's title over the cut paragraph."""
    for tail in (("（下转第四版）",), ()):
        page = layoutfix.clean(_dump(*_HOME, "还我一河清水！", _CUT, *tail))
        (article,) = page.items
        assert article.headline == "家乡的变化" and "还我一河清水！" in article.paragraphs


def test_a_title_quoting_a_short_word_its_first_paragraph_uses_still_opens_an_item() -> None:
    """review41b: '“年味”' over '…到处都是浓浓的年味。' had been glued to the article above as a subhead."""
    from layoutfix.stages.segment.roles import quoted_heading_repeated
    assert not quoted_heading_repeated("“年味”", "腊月一到，家家户户贴春联，到处都是浓浓的年味。")
    body = ["某市交通局去年投资两千多万元，新修和改建乡村公路一百二十公里，全市所有的行政村都通上了公路。",
            "公路修通以后，农民的蔬菜水果当天就能送进城里，不少村子每户一年多挣了三百来块钱。"]
    essay = ["小时候最盼望的就是过年，腊月一到，家家户户杀猪宰羊，蒸馒头，贴春联，到处都是浓浓的年味。",
             "如今日子好了，天天像过年，可老人们总说，年味一年比一年淡了。"]
    page = layoutfix.clean(_dump("乡村公路通到家门口", *body, "“年味”", *essay))
    assert [a.headline for a in page.items] == ["乡村公路通到家门口", "“年味”"]
