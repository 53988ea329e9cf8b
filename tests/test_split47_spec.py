"""split47: articles cut in two on real-OCR pages (issue 5). Four causes, each general:

- a byline whose role word OCR misread at one character ('本恨记者某某' for 本报记者某某) is put right through the glyph
  confusion table and read as the byline, not as the title of a new article;
- a paragraph's first line printed right over its byline, reading as a cut paragraph (a sentence ends inside it),
  is no title line;
- the picture label '图片' whose colon OCR lost is the article's own line over its photo captions, as '图片：' is;
- a numbered caption ('2：某某…') is never a title line, as '2、…' is not.

Invented pages and lines only."""
from __future__ import annotations

import layoutfix
from layoutfix import patterns
from layoutfix.stages.segment import shapes


def _articles(page: layoutfix.model.Page) -> list:  # type: ignore[name-defined]
    return [it for it in page.items if it.kind == "article"]


# --- a byline's role word misread at one character -----------------------------------------------------------------

_MISREAD_BYLINE = ("某县新建水厂解决十万人饮水难\n\n"
                   "某县今年投资三千万元新建的第二水厂日前建成供水，全县十万农民从此喝上了干净的自来水。县里还\n\n"
                   "本恨记者赵大明\n\n"
                   "将在明年再建两座水厂，让山区群众也能用上自来水。\n\n"
                   "水厂建成以前，山区的农民要走几里山路挑水，遇上干旱的年份，连挑水的地方也找不到。\n\n"
                   "县水利局的负责人说，新水厂每天能供水两万吨，可以满足全县城乡居民的用水需要。\n")


def test_a_byline_whose_role_word_ocr_misread_signs_the_article_it_stands_in() -> None:
    """'本恨记者赵大明' (恨 a look-alike of 报 in the shipped glyph table) is the article's byline: one article, signed
    赵大明, whose headline is its title; before, the line was read as the title of a second article."""
    page = layoutfix.clean(_MISREAD_BYLINE.encode())
    (item,) = _articles(page)
    assert item.headline == "某县新建水厂解决十万人饮水难"
    assert list(item.byline) == ["赵大明"]
    assert not any("本恨记者" in p or "本报记者" in p for p in item.paragraphs)


def test_the_misread_character_is_put_right_and_logged_as_a_glyph_edit() -> None:
    page = layoutfix.clean(_MISREAD_BYLINE.encode())
    (edit,) = [e for e in page.edits if e.stage == "segment" and e.kind == "glyph"]
    assert (edit.before, edit.after, edit.line) == ("恨", "报", 5)
    assert "look-alike" in edit.reason and "byline" in edit.reason


def test_misread_byline_gives_the_offset_the_character_seen_and_the_one_meant() -> None:
    assert patterns.misread_byline("本恨记者赵大明") == (1, "恨", "报")
    assert patterns.misread_byline("  本恨记者赵大明") == (3, "恨", "报")  # (the offset is in the text as given)


def test_a_byline_that_reads_a_misread_role_word_as_a_name_is_mended_too() -> None:
    """'本报记着赵大明' is a byline as printed, but of the role 本报 and the name 记着赵大明: 着 is put back to 者."""
    assert patterns.names_in("本报记着赵大明") != ["赵大明"]
    assert patterns.misread_byline("本报记着赵大明") == (3, "着", "者")


def test_no_line_is_mended_that_is_a_right_byline_a_sentence_or_a_short_role_word() -> None:
    assert patterns.misread_byline("本报记者赵大明") is None  # (nothing misread)
    assert patterns.misread_byline("本恨记者赵大明说，今年的水厂建得很快。") is None  # (a sentence: no byline mended)
    assert patterns.misread_byline("纪者赵大明") is None  # (记者 is two characters: one misread says too little)
    assert patterns.misread_byline("") is None


# --- a paragraph's first line over its byline -------------------------------------------------------------------------

_FIRST_LINE_OVER_BYLINE = ("某市农民冬闲学技术\n\n"
                           "入冬以来，某市各地的农民纷纷走进夜校。他们白天忙着\n\n"
                           "本报记者赵大明\n\n"
                           "夜校里的新学员\n\n"
                           "干活，晚上学习种植和养殖的新技术，学员已有两万多人。\n\n"
                           "市农业局的负责人说，今年冬天全市将办起各类技术培训班三百多个。\n")


def test_a_cut_paragraph_line_right_over_a_byline_is_no_title_line() -> None:
    """The paragraph's first line ('…走进夜校。他们白天忙着': a sentence ends inside it) printed right over the
    byline stays text: the headline is the title, with no kicker; before, the line became the headline and the
    title its kicker."""
    page = layoutfix.clean(_FIRST_LINE_OVER_BYLINE.encode())
    (item,) = _articles(page)
    assert item.headline == "某市农民冬闲学技术" and not item.kicker
    assert list(item.byline) == ["赵大明"]
    assert item.paragraphs[0].startswith("入冬以来")


def test_the_kept_line_is_logged_with_the_cut_paragraph_rule() -> None:
    page = layoutfix.clean(_FIRST_LINE_OVER_BYLINE.encode())
    (edit,) = [e for e in page.edits if e.stage == "segment" and e.line == 3]
    assert edit.kind == "subhead" and "cut at a column's foot" in edit.reason


_FIRST_LINE_OVER_DATELINE = ("某市农民冬闲学技术\n\n"
                             "冬闲变冬忙。夜校里学技术\n\n"
                             "本报某市1月5日电 入冬以来，某市各地的农民纷纷走进夜校，学习种植和养殖的新技术。\n")


def test_the_line_right_over_a_dated_report_stays_a_title_line() -> None:
    """Over a dated report the line right above it is still a title line whatever its marks (OCR reads a
    title's marks as others): only the line right over a byline is read as a cut paragraph."""
    page = layoutfix.clean(_FIRST_LINE_OVER_DATELINE.encode())
    (item,) = _articles(page)
    assert "冬闲变冬忙。夜校里学技术" in (item.kicker or "") + (item.headline or "")


# --- the picture label with its colon lost --------------------------------------------------------------------------

_BARE_PICTURE_LABEL = ("某县举办冬季农民运动会\n"
                       "\n"
                       "本报讯 某县日前举办第三届冬季农民运动会，全县二十个乡镇的五百多名农民参加了拔河、跳绳、踢毽子等十多个项目的比赛。\n"
                       "\n"
                       "运动会上，各乡镇的农民运动员赛出了风格，赛出了水平，观看比赛的群众有上万人。县里的负责人说，农闲时节办运动会，既丰富了农民的文化生活，也增强了农民的体质。\n"
                       "\n"
                       "近几年，这个县每年拿出一笔专款用于农村体育设施建设，全县所有的行政村都建起了篮球场，不少村还建起了文化活动室和图书室，农民在家门口就能锻炼身体、读书看报。\n"
                       "\n"
                       "县体育局的同志介绍，今年全县还将培训农村体育指导员三百名，组织各类群众性体育比赛一百多场，让更多的农民参与到健身活动中来。\n"
                       "\n"
                       "参加比赛的一位老农民说，过去冬天没事干，大家就聚在一起打牌，现在有了运动会，日子过得更有意思了。\n"
                       "\n"
                       "图片\n"
                       "\n"
                       "1：参加拔河比赛的小伙子们。\n"
                       "\n"
                       "2：踢毽子的姑娘。\n"
                       "\n"
                       "某市新建三座污水处理厂\n"
                       "\n"
                       "本报某市1月5日电 某市今年将新建三座污水处理厂，总投资二十多亿元。\n")


def test_the_picture_label_without_its_colon_keeps_the_captions_in_their_article() -> None:
    """'图片' between an article's text and its numbered captions is a line of that article, as '图片：' is: two
    articles on the page, the first holding the label and both captions; before, the label opened a third."""
    page = layoutfix.clean(_BARE_PICTURE_LABEL.encode())
    first, second = _articles(page)
    assert first.headline == "某县举办冬季农民运动会"
    assert list(first.paragraphs[-3:]) == ["图片", "1：参加拔河比赛的小伙子们。", "2：踢毽子的姑娘。"]
    assert second.headline == "某市新建三座污水处理厂"


# --- a numbered caption cut at a column break -----------------------------------------------------------------------

_CUT_NUMBERED_CAPTION = ("某地林场育苗忙\n\n"
                         "本报讯 某地国营林场今年培育各类树苗两千多万株，可供全省春季植树造林使用。\n\n"
                         "林场的职工说，今年的树苗长得好，出圃率比去年提高了一成。\n\n"
                         "图片：\n\n"
                         "1：林场职工在苗圃里给树苗浇水。\n\n"
                         "2：已退休的老职工王\n\n"
                         "某某又回到林场，给年轻人传授育苗的经验。\n\n"
                         "某市新建三座污水处理厂\n\n"
                         "本报某市1月5日电 某市今年将新建三座污水处理厂，总投资二十多亿元。\n")


def test_a_numbered_caption_cut_at_a_column_break_is_no_title() -> None:
    """'2：已退休的老职工王' (the caption's first line, its rest printed under it) stays in the article with the other
    caption: two articles, the second the one titled under it; before, the line headed an article of its own."""
    page = layoutfix.clean(_CUT_NUMBERED_CAPTION.encode())
    first, second = _articles(page)
    assert first.headline == "某地林场育苗忙"
    assert any(p.startswith("2：已退休的老职工王") for p in first.paragraphs)
    assert second.headline == "某市新建三座污水处理厂"


def test_a_numbered_caption_never_titles_but_a_score_or_a_time_may() -> None:
    assert shapes.never_title("2：已退休的老职工王")
    assert shapes.never_title("1:林场职工在苗圃里")
    assert not shapes.never_title("3:1战胜对手")
    assert patterns.ENUMERATED.match("8:30开会") is None  # (a time is no numbered point)
