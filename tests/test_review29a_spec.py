"""review29a: an outside review of session 28's rules for over-firing, and of the pipeline's robustness.

Each `test_defect_...` is one defect found on an invented page (no corpus or sample text): its docstring says the
shape, what a reader of the page expects and what the pipeline gave at db27f75. Each `test_pin_...` holds
behaviour that is right now and should stay so. Pages are minimal: a '## ' title, a dated report, the shape.
This file holds the pins and the defects fixed; the review's full file, with the defects still open, is on branch
review29a (42daf38).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import layoutfix
from layoutfix.model import Page
from layoutfix.validate import validate_bytes

ROOT = Path(__file__).resolve().parent.parent


def _clean(text: str) -> Page:
    return layoutfix.clean(text)


def _articles(page: Page) -> list:
    return [it for it in page.items if it.kind == "article"]


def _body(page: Page) -> str:
    """Every paragraph of every item, one per line."""
    return "\n".join(p for it in page.items for p in it.paragraphs)


def _noise(page: Page) -> str:
    return " | ".join(n if isinstance(n, str) else str(n) for n in page.noise)


def _item_with(page: Page, needle: str):
    return next(it for it in page.items if any(needle in p for p in it.paragraphs))


# ---------------------------------------------------------------------------------------------------------------
# 1. parts.BULLET_LABEL: short bullet list items inside an article are read as section / kicker / headline
# ---------------------------------------------------------------------------------------------------------------

BULLET_LIST = ("## 春季养生有讲究\n\n本报讯 春季气温变化大，专家提醒市民注意以下几点：\n\n"
               "◆注意保暖\n\n◆合理饮食\n\n◆适量运动\n\n只要做到这几点，就能平安度过春季。\n")


def test_defect_short_bullet_list_items_in_body_are_not_titles() -> None:
    """A list of short bulleted items ('◆注意保暖' / '◆合理饮食' / '◆适量运动') under a lead-in ending in a colon, with
    body text after them, is part of the article. Expected: one article holding the items and the closing paragraph.
    Got: the three items became the section, kicker and headline of a second item (a 'notice'), and the lead-in
    was glued to the closing paragraph across them ('…以下几点：只要做到这几点…'). `parts.part_role` reads any
    bullet and 2-8 Han as a column label (review28a's '■一线调查'), with no look at what stands around it."""
    page = _clean(BULLET_LIST)
    arts = _articles(page)
    assert len(page.items) == 1, [(it.kind, it.section, it.kicker, it.headline) for it in page.items]
    body = _body(page)
    assert "注意保暖" in body and "合理饮食" in body and "适量运动" in body
    assert arts[0].headline == "春季养生有讲究"


def test_defect_bullet_list_items_do_not_glue_the_lead_in_to_the_text_after_them() -> None:
    """Same page shape with '■': the lead-in ending in '：' must not be joined to the paragraph printed after the
    list. Got: '…主要包括：' was cut off as a truncated article and the rest opened a new one under '■…' titles."""
    page = _clean("## 企业减负见成效\n\n本报讯 今年以来，本市出台多项措施帮助企业减负，主要包括：\n\n"
                  "■减免租金\n\n■降低税费\n\n■简化审批\n\n这些措施让企业受益匪浅，不少企业负责人表示信心更足了。\n")
    assert len(_articles(page)) == 1, [(it.section, it.kicker, it.headline) for it in page.items]
    assert not _articles(page)[0].truncated


def test_defect_short_list_lines_after_a_colon_lead_in_are_not_titles() -> None:
    """The same without bullets: a notice's list lines ('会计 1名 月薪5000元', one per line, a blank line between)
    after a lead-in ending in '：'. Expected: one article with the lines as paragraphs. Got: the lead-in cut off as a
    truncated article, and the three lines the kicker, headline and subheadline of a second (pre-existing at
    f3104f1; the bullet case above is new in session 28)."""
    page = _clean("## 招聘信息\n\n本报讯 某公司招聘以下岗位：\n\n会计 1名 月薪5000元\n\n出纳 1名 月薪4000元\n\n"
                  "文员 2名 月薪3500元\n\n有意者请电话联系。\n")
    assert len(page.items) == 1, [(it.kicker, it.headline, it.subheadline) for it in page.items]
    assert not page.items[0].truncated


def test_pin_a_bullet_subhead_line_between_paragraphs_stays_in_the_article() -> None:
    """One '●专家提醒' line between two paragraphs of one report stays in that article (no new item)."""
    page = _clean("## 春季养生有讲究\n\n本报讯 春季气温变化大，专家提醒市民注意保暖。\n\n●专家提醒\n\n"
                  "过早减少衣物容易引发感冒，老人和孩子尤其要注意。\n")
    assert len(page.items) == 1
    assert "过早减少衣物容易引发感冒，老人和孩子尤其要注意。" in page.items[0].paragraphs


# ---------------------------------------------------------------------------------------------------------------
# 1b. a caption with no closing mark glued to its credit: caption words read as a photographer's name
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("caption", ["市民在公园里赏花", "游客在湖边拍照留念"])
def test_defect_a_caption_glued_to_its_credit_keeps_its_words(caption: str) -> None:
    """A photo's caption with no closing mark and its credit on one line, '游客在湖边拍照留念 本报记者 李华 摄', between
    two paragraphs. Expected: a photo item with caption '游客在湖边拍照留念' and byline ['李华']; the paragraph after it
    stays in the article. Got: byline ['湖边拍照留念', '李华'] (the caption's last words taken for a name), caption
    '游客在', and the article's next paragraph glued into the caption ('游客在据悉，公园将延长开放时间。'; for
    '市民在公园里赏花': byline '在公园里赏花', caption '市民'). Pre-existing at f3104f1; the caption run before the
    role word is read as names though it makes words and no name opens with 在."""
    page = _clean(f"## 春光明媚\n\n本报讯 连日来，本市气温回升，各大公园游人如织。\n\n{caption} 本报记者 李华 摄\n\n"
                  "据悉，公园将延长开放时间。\n")
    photos = [it for it in page.items if it.kind == "photo"]
    assert photos and list(photos[0].byline) == ["李华"], [(it.kind, it.byline, it.captions) for it in page.items]
    assert caption in photos[0].captions[0]
    assert "据悉，公园将延长开放时间。" in _articles(page)[0].paragraphs


@pytest.mark.parametrize("credit", ["本报记者 王小明 摄", "王小明/摄"])
def test_defect_a_picture_title_glued_to_its_credit_is_no_headline(credit: str) -> None:
    """A short picture title and its credit on one line between two paragraphs ('黄山日出 本报记者 王小明 摄', or
    session 28's slash form '黄山日出 王小明/摄'). Expected: a photo item (caption or title '黄山日出', byline
    ['王小明']) and the article's next paragraph kept in the article. Got: a new article whose headline is the whole
    line ('黄山日出 本报记者 王小明摄'), taking the next paragraph with it. Pre-existing at f3104f1."""
    page = _clean("## 老照片展\n\n本报讯 市档案馆举办的老照片展今天开幕，展出照片三百余幅。\n\n"
                  f"黄山日出 {credit}\n\n展览将持续一个月，免费向市民开放。\n")
    assert not any(it.headline and "王小明" in it.headline for it in page.items), [it.headline for it in page.items]
    assert "展览将持续一个月，免费向市民开放。" in _item_with(page, "老照片展今天开幕").paragraphs


def test_pin_a_caption_with_its_stop_glued_to_its_credit_is_a_photo() -> None:
    page = _clean("## 老照片展\n\n本报讯 市档案馆举办的老照片展今天开幕，展出照片三百余幅。\n\n"
                  "图为市民在展厅参观老照片，不少人驻足良久。本报记者 王小明 摄\n\n展览将持续一个月，免费向市民开放。\n")
    photo = next(it for it in page.items if it.kind == "photo")
    assert list(photo.byline) == ["王小明"] and photo.captions == ("图为市民在展厅参观老照片，不少人驻足良久。",)
    assert "展览将持续一个月，免费向市民开放。" in _articles(page)[0].paragraphs


# ---------------------------------------------------------------------------------------------------------------
# 2. closing notes in brackets read as bylines
# ---------------------------------------------------------------------------------------------------------------

REPORT = ("## 春耕备耕忙\n\n本报讯 眼下正是春耕备耕的关键时期，各地农民抓住晴好天气整地播种。\n\n"
          "农技人员深入田间地头，指导农民科学种田。\n\n")


@pytest.mark.parametrize("note", ["（待续）", "（转载）", "（据新华社）", "（本报综合）", "（整理）"])
def test_defect_a_closing_source_or_serial_note_is_no_byline(note: str) -> None:
    """A closing note in brackets that names no person ('（待续）' of a serial, '（转载）', '（据新华社）' of a brief taken
    from the agency, '（本报综合）' of a digest, '（整理）') is not the article's byline. Expected: byline empty
    (the note kept as a paragraph or in noise). Got: byline '待续', '转载', '据新华社', '综合', '整理'."""
    page = _clean(REPORT + note + "\n")
    art = _articles(page)[0]
    assert not art.byline, art.byline


def test_defect_a_to_be_continued_note_does_not_split_a_signed_article() -> None:
    """'（待续）' closing a signed instalment of a serial ('本报记者 某甲' under the title) must not cut the article.
    Got: the closing note was read as a second, different byline, so its last paragraph became an untitled brief
    of its own with byline '待续' (segment's `signs_a_brief`)."""
    page = _clean("## 我的高考（上）\n\n本报记者 王小明\n\n那一年夏天特别热，考场外站满了家长。\n\n"
                  "我攥着准考证，手心里全是汗。\n\n（待续）\n\n## 新区建设提速\n\n本报讯 新区建设进展顺利，多个项目开工。\n")
    arts = _articles(page)
    first = _item_with(page, "那一年夏天特别热")
    assert "我攥着准考证，手心里全是汗。" in first.paragraphs, [(a.headline, a.byline, a.paragraphs) for a in arts]
    assert len(arts) == 2


@pytest.mark.parametrize("note,names", [("（王小明）", ["王小明"]), ("（通讯员 李华）", ["李华"])])
def test_pin_a_closing_signature_with_names_is_the_byline(note: str, names: list[str]) -> None:
    page = _clean(REPORT + note + "\n")
    assert list(_articles(page)[0].byline) == names


@pytest.mark.parametrize("note", ["（完）", "（来源：人民网）", "（摘自《农民日报》）"])
def test_pin_other_closing_notes_are_not_bylines(note: str) -> None:
    page = _clean(REPORT + note + "\n")
    assert not _articles(page)[0].byline


# ---------------------------------------------------------------------------------------------------------------
# 3. normalize.fix_ocr_dash: '一一' opening a block is taken for an OCR'd dash
# ---------------------------------------------------------------------------------------------------------------


def test_defect_a_paragraph_opening_with_yiyi_duiying_keeps_it() -> None:
    """'一一对应' opening a paragraph (a word, not a dash). Got: '——对应的原则要坚持。'."""
    page = _clean("## 会议\n\n本报讯 他讲了三点要求：\n\n一是加强训练；\n\n一一对应的原则要坚持。\n\n观众情绪高涨。\n")
    assert "——对应" not in _body(page)


def test_pin_an_ocr_dash_opening_a_subheadline_is_a_dash() -> None:
    """'一一' before a subheadline's text under a title is Tesseract's reading of '——' (kept as it is now)."""
    from layoutfix.stages.normalize import fix_ocr_dash
    assert fix_ocr_dash("一一记山区教师张某某")[0] == "——记山区教师张某某"


# ---------------------------------------------------------------------------------------------------------------
# 4. read.opens_item: 'X说：' after a sentence's end opens a paragraph in printed-line dumps
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_printed_line_opening_with_name_shuo_colon_does_not_open_a_paragraph() -> None:
    """In a printed-line dump (a column line per dump line), a line '王明说：这是…' after a line ending on a sentence's
    end goes on with the same paragraph: '某某说：' is reported speech, not a speaker's tag ('某甲：'). Got: the
    paragraph was cut before '王明说：'. `read._SPEAKER` takes any two or three Han before a colon when the first is
    a surname, so the verb 说 counts as the third character of a name."""
    page = _clean("## 社区新风\n\n本报讯 社区里新建了一座小花园，居民们纷\n纷前来休闲散步，大家都很高兴。一位老人\n"
                  "感慨地说起了往事。他说，过去这里很乱。\n王明说：这是大家共同努力的结果，我们要\n"
                  "好好爱护它，让它越来越美，越来越好看。\n\n社区负责人表示，下一步还将增设健身器材。\n")
    paras = _articles(page)[0].paragraphs
    assert any("过去这里很乱。王明说：" in p for p in paras), paras


def test_pin_a_printed_line_opening_with_a_list_number_after_a_sentence_opens_a_paragraph() -> None:
    page = _clean("## 防火须知\n\n本报讯 森林防火期间，全市各林区都加强了巡查工作\n力度，防火指挥部也发布了以下几条提醒。\n"
                  "1.不要在林区吸烟，不要带火种进山，更不能\n在林区内野炊烧烤，发现火情要及时报告。\n\n"
                  "今年以来全市未发生森林火灾。\n")
    paras = _articles(page)[0].paragraphs
    assert any(p.startswith("1.不要在林区吸烟") for p in paras), paras


# ---------------------------------------------------------------------------------------------------------------
# 5. patterns.spaced_names: a spaced common word after '本报讯 记者' read as the reporter's name
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word,rest", [("周末", "来到小区，看到保安正在巡逻。"),
                                       ("高温", "天气下走访了多所学校，了解开学准备情况。")])
def test_defect_a_spaced_common_word_after_the_reporter_role_is_no_name(word: str, rest: str) -> None:
    """'本报讯 记者 周末 来到小区…' (wrap spaces round a word): '周末' opens with a surname character but is a common
    word, the sentence's adverbial. Expected: no byline, the text '记者周末来到小区…'. Got: byline '周末' and the
    paragraph '来到小区…' (the same for '高温'). `spaced_names` checks the surname and the word across the space
    after the name, not whether the 'name' is itself a common word."""
    page = _clean(f"## 小区见闻\n\n本报讯 记者 {word} {rest}\n\n居民们都很满意。\n")
    art = _articles(page)[0]
    assert word not in art.byline
    assert art.paragraphs[0].startswith("记者" + word)


def test_pin_spaced_reporter_names_after_a_dateline_are_the_byline() -> None:
    page = _clean("## 学校开学\n\n本报讯 记者 王小明 从市教育局获悉，全市中小学将于下周开学。\n\n各校已做好准备。\n")
    art = _articles(page)[0]
    assert list(art.byline) == ["王小明"] and art.paragraphs[0].startswith("从市教育局获悉")


def test_pin_a_spaced_adverb_after_the_reporter_role_stays_text() -> None:
    page = _clean("## 学校开学\n\n本报讯 记者 今天 从市教育局获悉，全市中小学将于下周开学。\n\n各校已做好准备。\n")
    art = _articles(page)[0]
    assert not art.byline and art.paragraphs[0].startswith("记者今天从市教育局获悉")


# ---------------------------------------------------------------------------------------------------------------
# 6-7. normalize.figure_stops
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("end,after", [("新增市场主体达到12.", "2023年，全市经济总量突破万亿元，居全省首位。"),
                                       ("工业用电量达到12亿千瓦时，同比增长8.", "5月份以来，用电量增速有所放缓。")])
def test_defect_a_figure_stop_before_a_paragraph_opening_with_a_date_ends_the_sentence(end: str, after: str) -> None:
    """A half-width stop after a figure closing a block, when the next paragraph opens with a date ('2023年', '5月份'):
    a decimal does not go on into a date unit, so the stop is the sentence's end. Expected: '…12。' and the date
    paragraph on its own. Got: the stop kept (the next block opens with a digit) and flow joined the two:
    '…达到12.2023年，…', '…增长8.5月份以来…'."""
    page = _clean(f"## 经济运行平稳\n\n本报讯 一季度全市{end}\n\n{after}\n\n专家认为，经济回升向好的态势将持续。\n")
    paras = _articles(page)[0].paragraphs
    assert after in paras, paras


def test_defect_a_stop_after_a_letter_and_digit_code_ending_a_paragraph_ends_it() -> None:
    """'…统一升级到版本V2.' closing a paragraph, a new sentence in the next: the stop after a code (V2, 5G) is the
    sentence's end. Got: '.' kept and the paragraphs joined ('…版本V2.新系统运行平稳…'): `_FIGURE_STOP` asks for a
    Han character right before the digits."""
    page = _clean("## 系统升级\n\n本报讯 全市政务系统今天起统一升级到版本V2.\n\n新系统运行平稳，市民办事更加方便。\n")
    paras = _articles(page)[0].paragraphs
    assert "新系统运行平稳，市民办事更加方便。" in paras, paras


def test_pin_a_decimal_cut_at_a_column_break_is_joined() -> None:
    page = _clean("## 物价指数\n\n本报讯 上月全市居民消费价格同比上涨2.\n\n5%，涨幅比上月回落0.3个百分点。\n\n其中食品价格上涨较多。\n")
    assert "上月全市居民消费价格同比上涨2.5%，涨幅比上月回落0.3个百分点。" in _articles(page)[0].paragraphs


def test_pin_a_figure_stop_before_plain_text_is_the_chinese_stop() -> None:
    page = _clean("## 开放时间\n\n本报讯 图书馆开放时间为9:00-17:00.\n\n节假日照常开放，读者可凭证入馆。\n")
    assert _articles(page)[0].paragraphs[0] == "图书馆开放时间为9:00-17:00。"


# ---------------------------------------------------------------------------------------------------------------
# 8. page headers: a date line inside an article sent to noise
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("d1,d2", [("2024.5.10 周五", "2024.5.11 周六"),
                                   ("2024年5月10日 星期五", "2024年5月11日 星期六")])
def test_defect_dated_entries_of_a_diary_article_stay_in_the_article(d1: str, d2: str) -> None:
    """A diary or log printed as an article: each entry opens with a line of the date and the weekday, between
    body paragraphs, under the article's byline. Expected: the date lines kept in the article (as paragraphs).
    Got: both sent to noise as page headers (`patterns.page_header` for the dotted form, `FURNITURE` for the
    other): a header stands at the page's top or bottom, not between two paragraphs of one article."""
    page = _clean(f"## 一位支教老师的日记\n\n本报记者 王小明\n\n{d1}\n\n今天是我来到山区的第一天，孩子们的眼睛里满是好奇。\n\n"
                  f"{d2}\n\n周末，我跟着学生去家访，山路很陡。\n")
    body = _body(page)
    assert d1.replace(" ", "") in body.replace(" ", "") and d2.replace(" ", "") in body.replace(" ", ""), _noise(page)


def test_pin_a_page_header_line_at_the_top_is_noise() -> None:
    page = _clean("第3版 要闻 2024.5.10 星期五\n\n## 春耕备耕忙\n\n本报讯 眼下正是春耕备耕的关键时期，各地农民整地播种。\n")
    assert "2024.5.10" in _noise(page)
    assert "2024.5.10" not in _body(page)


# ---------------------------------------------------------------------------------------------------------------
# 9. '--' before a word in 一 left half-width
# ---------------------------------------------------------------------------------------------------------------

def test_defect_two_hyphens_before_a_word_in_yi_do_not_stay_half_width() -> None:
    """'他是我们队里最好的--一个真正的领袖。': a dash typed as two hyphens before 一个. normalize leaves '--' for the glyph
    stage (it may be Tesseract's 一), and the glyph stage leaves it too, so clean text keeps a half-width '--'
    between Chinese words. Expected: '最好的——一个真正的领袖' (or 一, never '--')."""
    page = _clean("## 比赛\n\n本报讯 他是我们队里最好的--一个真正的领袖。\n\n观众情绪高涨。\n")
    assert "--" not in _body(page), _body(page)


def test_pin_two_hyphens_between_figures_stay() -> None:
    page = _clean("## 天气预报\n\n本报讯 预计未来3--5天本市有小雨，气温10--15摄氏度。\n\n市民出行请注意安全。\n")
    assert "预计未来3--5天本市有小雨，气温10--15摄氏度。" in _body(page)


def test_pin_two_spaced_hyphens_between_words_are_the_dash() -> None:
    page = _clean("## 读书\n\n本报讯 他在书中写道：人生--就是一场修行。\n\n这本书受到读者欢迎。\n")
    assert "人生——就是一场修行" in _body(page)


# ---------------------------------------------------------------------------------------------------------------
# 10. tables.repeated_headers: a header-less table loses a data row equal to its first
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_data_row_equal_to_the_first_row_of_a_headerless_table_is_kept() -> None:
    """A forecast table with no header row: the fourth day's row equals the first ('晴 东南风 三级'). Expected: all five
    rows. Got: the fourth dropped as 'the header printed again'. A header row is labels, and is printed again
    where the table goes on in the next column; a data row of the same weather is data."""
    page = _clean("## 一周天气\n\n本报讯 本周天气以晴为主。\n\n晴\t东南风\t三级\n多云\t东风\t二级\n小雨\t北风\t四级\n"
                  "晴\t东南风\t三级\n阴\t西风\t二级\n\n市民可合理安排出行。\n")
    tables = [t for it in page.items for t in it.tables]
    assert tables and len(tables[0]) == 5, tables


def test_pin_a_repeated_header_row_of_a_table_is_kept_once() -> None:
    page = _clean("## 各区人口\n\n区名\t人口\t面积\n东区\t10\t20\n西区\t12\t25\n区名\t人口\t面积\n南区\t8\t18\n北区\t9\t30\n")
    rows = [r for it in page.items for t in it.tables for r in t]
    assert [r[0] for r in rows] == ["区名", "东区", "西区", "南区", "北区"]


# ---------------------------------------------------------------------------------------------------------------
# 11. read: a BOM or zero-width character before '## ' in the middle of a dump
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", ["\ufeff", "\u200b"])
def test_defect_an_invisible_character_before_a_title_marker_does_not_leave_the_marker_in_the_headline(mark: str) -> None:
    """Two UTF-8 dumps with BOMs concatenated ('cat a.txt b.txt'): the second's '## ' title line opens with U+FEFF
    (or a zero-width space pasted from the web). Expected: headline '秋收季节到了'. Got: '##秋收季节到了' (read
    looks for '## ' before normalize removes the invisible character)."""
    page = _clean("## 春耕备耕忙\n\n本报讯 眼下正是春耕备耕的关键时期，各地农民抓住晴好天气整地播种。\n\n"
                  f"{mark}## 秋收季节到了\n\n本报讯 金秋时节，各地农民忙着收割庄稼，田野里一片丰收景象。\n")
    heads = [it.headline for it in page.items]
    assert "秋收季节到了" in heads, heads


# ---------------------------------------------------------------------------------------------------------------
# 12. glyphs.hyphens: a hyphen between Chinese numerals of a score removed
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_hyphen_between_two_numbers_in_chinese_numerals_is_not_removed() -> None:
    """'主队以九十-八十五战胜客队': a score in numerals; removing the hyphen makes one number '九十八十五'. Expected:
    the hyphen kept (or a dash/ratio mark). Got: '九十八十五' (`glyphs.hyphens` joins the sides when they make a
    common word: 十八 does)."""
    page = _clean("## 篮球赛\n\n本报讯 主队以九十-八十五战胜客队，取得三连胜。\n\n比赛吸引了大批观众。\n")
    assert "九十八十五" not in _body(page), _body(page)


def test_pin_hyphens_of_codes_and_transliterated_names_stay() -> None:
    page = _clean("## 中外交流\n\n本报讯 来自法国的让-皮埃尔先生参观了学校。车牌号为京A-12345的车辆违章停车，"
                  "G-20峰会期间交通管制。\n\n双方签署了合作协议。\n")
    body = _body(page)
    assert "让-皮埃尔" in body and "京A-12345" in body and "G-20" in body


# ---------------------------------------------------------------------------------------------------------------
# 13. a spaced two-phrase subtitle under a title sent to noise
# ---------------------------------------------------------------------------------------------------------------


def test_pin_spaced_names_under_a_title_open_the_body() -> None:
    page = _clean("## 新年寄语\n\n王小明 李华\n\n新的一年开始了，我们满怀希望，迎接新的挑战。\n\n祝大家新年快乐。\n")
    assert _articles(page)[0].paragraphs[0] == "王小明 李华"


# ---------------------------------------------------------------------------------------------------------------
# 14. normalize.fix_ellipsis: a half-width ellipsis after a figure before Chinese text
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_half_width_ellipsis_after_a_figure_in_chinese_text_is_the_chinese_ellipsis() -> None:
    """'中奖号码为1、2、3...共计十个号码。': the list of figures runs on in Chinese text. Expected '1、2、3……共计'.
    Got: '...' left half-width (the rule asks for a Han character or mark before the dots)."""
    page = _clean("## 抽奖结果\n\n本报讯 中奖号码为1、2、3...共计十个号码。\n\n奖品将于下周发放。\n")
    assert "1、2、3……共计十个号码" in _body(page), _body(page)


@pytest.mark.parametrize("src,want", [
    ("一位老人说：“以前这里很乱...现在好多了。”他笑着离开。", "一位老人说：“以前这里很乱……现在好多了。”他笑着离开。"),
    ("会场里静悄悄的......突然，掌声响起。", "会场里静悄悄的……突然，掌声响起。"),
    ("他用英文说“wait for it...”，全场大笑。", "他用英文说“wait for it...”，全场大笑。"),
    ("下载地址为www.example.com/download...请注意核对。", "下载地址为www.example.com/download...请注意核对。"),
])
def test_pin_half_width_ellipses(src: str, want: str) -> None:
    page = _clean(f"## 诗会\n\n本报讯 {src}\n\n诗会持续到深夜。\n")
    assert want in _body(page), _body(page)


# ---------------------------------------------------------------------------------------------------------------
# Pins: other session-28 rules that did not over-fire on ordinary text
# ---------------------------------------------------------------------------------------------------------------

def test_pin_a_paragraph_mentioning_a_page_and_reprinting_stays_text() -> None:
    page = _clean("## 读者来信\n\n本报讯 本报第3版刊登的文章引起广泛关注，多家媒体转载。\n\n读者纷纷来信，希望报社继续关注此事。\n\n"
                  "（转载请注明出处）\n")
    body = _body(page)
    assert "本报第3版刊登的文章引起广泛关注，多家媒体转载。" in body and "（转载请注明出处）" in body


def test_pin_a_jump_line_opening_the_text_is_continued_from() -> None:
    page = _clean("## 山区公路通车\n\n（上接第1版）新修的公路蜿蜒在群山之间，村民们出行方便了许多。\n")
    art = _articles(page)[0]
    assert art.continued_from and "1" in art.continued_from
    assert art.paragraphs[0].startswith("新修的公路")


@pytest.mark.parametrize("line", ["据警方通报消息：嫌疑人已于昨日落网，被盗财物已追回。",
                                  "记者从派出所获悉，据公安局官网消息，嫌疑人已落网。"])
def test_pin_news_mentioned_inside_an_article_is_no_dateline(line: str) -> None:
    page = _clean("## 小区失窃案告破\n\n本报讯 上周，某小区接连发生多起入室盗窃案，居民人心惶惶。\n\n" + line +
                  "\n\n居民们终于松了一口气。\n")
    assert len(page.items) == 1 and line in page.items[0].paragraphs


def test_pin_a_writer_and_photographer_line_is_the_byline() -> None:
    page = _clean("## 美术展开幕\n\n本报讯 美术展今天开幕，展出作品二百余件。\n\n张三 文 李四 图\n\n展览将持续一个月。\n")
    assert list(_articles(page)[0].byline) == ["张三", "李四"]


def test_pin_a_refrain_and_a_numbered_list_in_the_body_are_kept() -> None:
    page = _clean("## 运动会开幕\n\n本报讯 运动会今天开幕，全场齐声高呼：\n\n加油！加油！\n\n加油！加油！\n\n"
                  "森林防火指挥部提醒：\n\n一、不要在林区吸烟；\n\n二、不要在林区野炊。\n")
    paras = _articles(page)[0].paragraphs
    assert paras.count("加油！加油！") == 2
    assert "一、不要在林区吸烟；" in paras and "二、不要在林区野炊。" in paras


# ---------------------------------------------------------------------------------------------------------------
# dedup: a short dated lead of a parallel brief dropped as a copy of the brief above
# ---------------------------------------------------------------------------------------------------------------

def test_defect_the_short_dated_lead_of_a_parallel_brief_is_not_dropped_as_a_duplicate() -> None:
    """Two briefs under their own '## ' titles open with parallel one-sentence leads that differ by the place and a
    word ('本报讯 甲地今天开展安全生产大检查。' / '本报讯 乙地今天也开展了安全生产大检查。'). Expected: the second brief
    keeps its lead and its dateline. Got: dedup dropped it ('repeats the line printed at line 3 (similarity 0.83)'),
    and the brief lost its dateline. A copy across a '## ' title that names another place is a parallel report.
    (Pre-existing at f3104f1; longer leads of the same shape are kept.)"""
    page = _clean("## 甲地开展安全检查\n\n本报讯 甲地今天开展安全生产大检查。\n\n安全生产责任重于泰山。\n\n"
                  "## 乙地开展安全检查\n\n本报讯 乙地今天也开展了安全生产大检查。\n\n各单位负责人参加了检查。\n")
    second = next(it for it in page.items if it.headline == "乙地开展安全检查")
    assert "乙地今天也开展了安全生产大检查。" in second.paragraphs, second.paragraphs
    assert second.dateline == "本报讯"


def test_pin_longer_parallel_leads_of_two_briefs_are_both_kept() -> None:
    page = _clean("## 东城区启动垃圾分类\n\n本报讯 东城区今天正式启动生活垃圾分类工作，首批二十个社区参与试点。\n\n"
                  "居民们对此表示支持。\n\n## 西城区启动垃圾分类\n\n本报讯 西城区今天也正式启动生活垃圾分类工作，"
                  "首批十五个社区参与试点。\n\n区里还将组织志愿者上门宣传。\n")
    body = _body(page)
    assert "东城区今天正式启动" in body and "西城区今天也正式启动" in body


# ---------------------------------------------------------------------------------------------------------------
# Robustness: the CLI over a directory with bad pages mixed in
# ---------------------------------------------------------------------------------------------------------------

GOOD = REPORT


def _bad_dir(tmp: Path) -> Path:
    d = tmp / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "gb.txt").write_bytes(GOOD.encode("gb18030"))
    (d / "u16.txt").write_bytes(GOOD.encode("utf-16"))
    (d / "big5.txt").write_bytes("## 春耕備耕忙\n\n本報訊 眼下正是春耕備耕的關鍵時期，各地農民抓住晴好天氣整地播種。\n".encode("big5"))
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\n\t\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Caf\xe9 ol\xe9 na\xefve\n".encode("latin-1"))
    (d / "huge.txt").write_bytes(("本报讯 内容。\n\n" * 300_000).encode("utf-8"))  # over the default 2,000,000 bytes
    (d / "table.txt").write_text("## 表格\n\n项目\t数量\t金额\n\t\t\t\t\t\t\t\n苹果\t\n\t\t3\t4\t5\t6\t7\n梨\t2\n", encoding="utf-8")
    (d / "titles.txt").write_text("## \n## ##\n## 标题一\n## 标题二\n", encoding="utf-8")
    (d / "noise.txt").write_text("■■■ ||| ~~~\n\n-----\n\n@@@@ ### $$$\n", encoding="utf-8")
    (d / "markup.txt").write_text("## <b>标题</b> & ]]>\n\n本报讯 正文<script>x</script>&amp;内容\x85下一段。\u2028又一行。\n",
                                  encoding="utf-8")
    return d


def test_pin_a_directory_with_bad_pages_reports_each_and_writes_valid_newsml_for_the_rest(tmp_path: Path) -> None:
    d = _bad_dir(tmp_path)
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "layoutfix", "clean", str(d), "-o", str(out), "-q"],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    for bad in ("empty.txt", "blank.txt", "binary.txt", "latin1.txt", "huge.txt"):
        assert sum(bad in ln for ln in r.stderr.splitlines()) == 1, (bad, r.stderr)
    for good in ("good", "gb", "u16", "big5", "table", "markup"):
        xmls = sorted(out.glob(f"{good}-*.xml"))
        assert xmls, (good, sorted(p.name for p in out.iterdir()))
        for x in xmls:
            assert validate_bytes(x.read_bytes()) == [], x.name
    for bad in ("empty", "blank", "binary", "latin1", "huge"):
        assert not list(out.glob(f"{bad}*")), bad
