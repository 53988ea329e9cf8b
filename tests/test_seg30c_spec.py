"""seg30c: review30a's defects in `segment.roles` (captions, bylines) and `segment.items` (bulleted briefs).

The `test_defect_...` specs are review30a's (`tests/test_review30a_spec.py` on that branch), moved here with their
names and text. The unit tests under them say the rules: a paragraph over a bracketed credit that closes its
article is the article's, unless it opens as a caption does (`_body_over_closing_credit`); a bare name under a
title is read without the bullet opening its line (`unbulleted`); a bulleted block dated right after its bullet
is no brief's title glued to its dateline (`_dated_after_bullet`); a text closing on a labelled contact number
after a finished sentence is no cut sentence (`closes_on_contact`); a run of title lines under a paragraph cut at
its '：' is the next article's title when the text under it takes up its last line's words
(`_headline_of_text_under`); footer-like particulars with body text under them are the item's text
(`particulars`); a run of listing entries (a clock time, fields set apart) under body text or a title is text,
and so is a label between two such runs (`listing_lines`). Invented text only.
"""
from __future__ import annotations

import pytest

from layoutfix.model import CREDIT, NOISE, TEXT, TITLE, Block
from layoutfix.stages.segment.rests import closes_on_contact, open_end
from layoutfix.stages.segment.roles import (
    _body_over_closing_credit,
    _dated_after_bullet,
    _headline_of_text_under,
    _listing_entry,
    caption_groups,
    list_items,
    listing_lines,
    particulars,
    split_bulleted_briefs,
    unbulleted,
)
from layoutfix import clean as _clean
from pagetext import (articles as _articles, body as _body, captions as _captions, noise as _noise,
                      paragraphs as _paragraphs, shape as _shape)


def _blocks(*texts: str) -> list[Block]:
    """Blocks a blank line apart, one dump line each."""
    return [Block(id=k, text=t, line=2 * k + 1, origin=((0, 2 * k + 1),)) for k, t in enumerate(texts)]


# == review30a's specs ===============================================================================================

@pytest.mark.parametrize("credit", ["（本报记者 张华 摄）", "（张华 摄）", "（市园林局供图）"])
def test_defect_a_credit_closing_an_article_does_not_take_its_last_paragraph(credit: str) -> None:
    """An article whose photo is credited at its end, in brackets, with no caption line ('（本报记者 某甲 摄）',
    '（某单位供图）' under the last paragraph: the credit of the picture printed in the article). Expected: the last
    paragraph, a sentence of the dated report by another writer, stays in the article. Got: it became the caption
    of a separate photo item and the article lost it (the same with a '图为…' caption over the credit is right:
    pinned below). A picture story's whole text is its caption, but this one is a signed dated report."""
    page = _clean("## 城南湿地公园开园\n\n本报讯 记者 赵敏 昨天上午，城南湿地公园正式开园，市民可免费入园游览。\n\n"
                  "公园内种植了上百种水生植物，吸引了白鹭等多种鸟类在此栖息。\n\n" + credit + "\n")
    arts = _articles(page)
    assert arts and any("吸引了白鹭" in p for p in arts[0].paragraphs), _shape(page)
    assert not any("吸引了白鹭" in c for c in _captions(page)), _shape(page)


def test_defect_circled_list_items_over_a_closing_credit_are_no_photo_captions() -> None:
    """A lead ending in '：' over three points '①…；' '②…；' '③…。' and then the photo's credit '（本报记者 某甲 摄）'.
    Expected: the points stay the article's paragraphs. Got: all three glued into one caption
    '①城市道路更加宽敞整洁；②…；③…。' of a photo item and the article cut after its lead (`truncated`): session
    29's numbered-caption group (`PHOTO_NUMBER`, '图?[①-⑩]') reads a bare circled number as a photo's number
    (without it, only the last point was taken, defect 3's shape). '①' opens list points far more often than
    captions; '图①' is the caption form."""
    page = _clean("## 城市新貌\n\n本报讯 近年来，我市城市面貌发生了巨大变化，主要体现在三个方面：\n\n①城市道路更加宽敞整洁；\n\n"
                  "②城市绿地面积不断增加；\n\n③城市夜景更加美丽。\n\n（本报记者 张华 摄）\n")
    arts = _articles(page)
    assert arts and "①城市道路更加宽敞整洁；" in arts[0].paragraphs and "②城市绿地面积不断增加；" in arts[0].paragraphs, \
        _shape(page)


@pytest.mark.parametrize("line", ["□沈默之", "□ 沈默之"])
def test_defect_a_bulleted_bare_author_name_under_a_title_is_the_byline(line: str) -> None:
    """A supplement prints the author under the title after a box bullet ('□沈默之'; issue 5 names □ among the
    byline separators). Expected: headline '古镇旧事', byline ('沈默之',). Got: section '古镇旧事', headline
    '□沈默之' (a bullet and a short run read as a column label or title; the same line without the bullet is the
    byline)."""
    page = _clean(f"## 古镇旧事\n\n{line}\n\n老周的茶馆开在古镇的石桥边上，一开就是三十年。每天天不亮，他就生好炉子。\n\n"
                  "那天清早，茶馆里来了一个陌生人，手里提着一只旧皮箱。\n")
    arts = _articles(page)
    assert arts and arts[0].headline == "古镇旧事" and arts[0].byline == ("沈默之",), _shape(page)


@pytest.mark.parametrize("item, cut", [("●央视网消息：全国春运今天正式启动，预计发送旅客九十亿人次。", "央视"),
                                       ("●市气象台消息：今天白天晴，最高气温二十六摄氏度。", "市气")])
def test_defect_a_bulleted_item_opening_with_an_outlets_news_lead_in_is_not_cut(item: str, cut: str) -> None:
    """A digest's bulleted items open with their source ('●央视网消息：…', '●市气象台消息：…'). Expected: each item
    one paragraph (its source whole). Got: '央视' / '网消息：全国春运…' and '市气' / '象台消息：…': session 29's
    `split_bulleted_briefs` takes the first cut k >= 3 where a general dateline (`_OUTLET_NEWS`, '\\p{Han}{0,6}?网消息')
    matches, which lies inside the outlet's name; the short head became a subhead of the article."""
    page = _clean("## 今日要闻\n\n本报讯 今天各地新闻摘要如下，供读者参阅。\n\n" + item + "\n\n"
                  "●人民网消息：多地出台措施促进消费，释放市场活力。\n")
    paras = _paragraphs(page)
    assert cut not in paras, _shape(page)
    assert any(item[1:] in p for p in paras), _shape(page)


def test_defect_a_paragraph_ending_on_a_phone_number_does_not_take_the_next_items_text() -> None:
    """A classified ad ends on its phone number with no stop ('…月租两千元。电话：13800001234'), the next ad under
    its own '## ' title. Expected: two items, each with its text. Got: '…电话：13800001234张晓明不慎遗失身份证一张，
    声明作废。' in the first, the second ('遗失声明') left with no text: a figure at a block's end reads as a cut
    number, and flow joins across the title. A contact number closes its text (it follows '电话：')."""
    page = _clean("## 房屋出租\n\n城东花园三室一厅，家电齐全，拎包入住，月租两千元。电话：13800001234\n\n"
                  "## 遗失声明\n\n张晓明不慎遗失身份证一张，声明作废。\n")
    assert all(it.paragraphs for it in page.items), _shape(page)
    assert not any("13800001234张晓明" in p for p in _paragraphs(page)), _shape(page)


def test_defect_a_new_articles_title_lines_under_a_colon_are_no_list() -> None:
    """An article whose last paragraph stops at '：' (its list continues on another page) is followed by the next
    article: a section label and a headline, unmarked, over undated text (evening papers print many briefs with no
    dateline). Expected: two articles. Got: one; '城东街道' and '百岁老人喜过生日' became list items of the first
    and the second article's text its paragraph (`list_items` stands down only over a dated report)."""
    page = _clean("## 本市发布夏季防汛通知\n\n本报讯 市防汛办昨日发布通知，要求各区做好汛期各项准备工作。通知明确，"
                  "各区要落实好以下三项重点工作：\n\n城东街道\n\n百岁老人喜过生日\n\n昨天，城东街道为辖区内的百岁老人"
                  "王奶奶举办了一场温馨的生日会，社区工作人员和志愿者送上了蛋糕和祝福。\n")
    assert len(_articles(page)) == 2, _shape(page)
    assert any(it.headline == "百岁老人喜过生日" for it in page.items), _shape(page)


def test_defect_a_notices_contact_lines_under_its_text_are_its_text() -> None:
    """A call for submissions: its text, then '投稿邮箱：…' and '联系电话：…' flush under it, then its deadline.
    Expected: both contact lines in the notice. Got: both in the page's noise as furniture (`particulars` keeps a
    run whose every line reads as the paper's own footer a footer; here the lines stand between two paragraphs of
    one item, which no page footer does)."""
    page = _clean("## 征稿启事\n\n为庆祝建市七十周年，本报即日起面向社会征集散文、诗歌作品，题材不限，字数在三千字以内。\n"
                  "投稿邮箱：zhenggao@citynews.com.cn\n联系电话：0123-87654321\n\n截稿日期为8月31日。\n")
    body = _body(page)
    assert "zhenggao@citynews.com.cn" in body and "0123-87654321" in body, (_shape(page), _noise(page))


LISTING_LEAD = "## 本周末文化活动一览\n\n本报讯 本周末，全市各文化场馆将推出一系列文化活动，市民可根据兴趣选择参加。\n\n"
LISTING = ["周六上午9:00 市图书馆 亲子阅读会", "周六下午2:30 市博物馆 非遗剪纸体验", "周日上午10:00 文化馆 民乐专场演出"]
LISTING_END = "以上活动均免费，部分活动需提前预约。"


def test_defect_listing_lines_set_apart_under_a_paragraph_are_its_text() -> None:
    """An evening paper's what's-on listing: one entry a line (time, place, event set apart by spaces), a blank line
    between, under a lead ending in '。' and over a closing paragraph. Expected: one article, each entry a
    paragraph with its spaces. Got: a second item with kicker '周六上午9:00', headline '市图书馆 亲子阅读会' and
    subheadline '周六下午2:30市博物馆非遗剪纸体验周日上午10:00文化馆民乐专场演出' (spaces gone), the closing
    paragraph its text (`list_items` asks for a lead ending in '：'; the heading rules take short unterminated lines
    for titles)."""
    page = _clean(LISTING_LEAD + "\n\n".join(LISTING) + "\n\n" + LISTING_END + "\n")
    assert len(page.items) == 1, _shape(page)
    for entry in LISTING:
        assert entry in _paragraphs(page), _shape(page)



def test_defect_a_tv_listing_page_is_not_sent_to_noise() -> None:
    """An evening paper's TV page: channel names over 'HH:MM programme' lines, a blank line between. Expected: the
    listing kept as text (one item, or a table), nothing of it in the noise. Got: section '今日电视节目', kicker
    '中央一套', headline '07:00 朝闻天下', one paragraph, and the other five lines ('19:00 新闻联播', '中央五套', …)
    in the noise as open ends (defect 4's shape on a whole page: listing lines are read as titles)."""
    page = _clean("## 今日电视节目\n\n中央一套\n\n07:00 朝闻天下\n\n12:00 新闻30分\n\n19:00 新闻联播\n\n中央五套\n\n"
                  "08:00 体育晨报\n\n20:00 足球之夜\n")
    assert not page.noise, _noise(page)
    assert "19:00 新闻联播" in _paragraphs(page) and "20:00 足球之夜" in _paragraphs(page), _shape(page)


# == the rules =======================================================================================================

_BODY = "本报讯 昨天上午，城北新区的图书馆正式对外开放，读者络绎不绝。"
_LAST = "馆内设有少儿阅览区和自习区，可同时容纳五百人。"


def test_a_plain_paragraph_over_a_bracketed_closing_credit_under_body_text_is_the_articles() -> None:
    blocks = _blocks(_BODY, _LAST, "（李明 摄）")
    roles = [TEXT, TEXT, CREDIT]
    assert _body_over_closing_credit(blocks, roles, [1], 0, 2)
    assert caption_groups(blocks, roles) == {2: []}


@pytest.mark.parametrize("caption", ["图为读者在少儿阅览区看书。", "图①：读者在少儿阅览区看书。", "上图：读者在少儿阅览区看书。"])
def test_a_paragraph_opening_as_a_caption_over_a_closing_credit_stays_the_caption(caption: str) -> None:
    blocks = _blocks(_BODY, caption, "（李明 摄）")
    roles = [TEXT, TEXT, CREDIT]
    assert not _body_over_closing_credit(blocks, roles, [1], 0, 2)
    assert caption_groups(blocks, roles) == {2: [1]}


def test_a_bare_credit_between_two_articles_keeps_its_caption() -> None:
    """A photo of its own between two articles: '某某 摄' with no brackets, over the next article's title."""
    blocks = _blocks(_BODY, _LAST, "李明 摄", "城西菜市场完成改造")
    roles = [TEXT, TEXT, CREDIT, TITLE]
    assert not _body_over_closing_credit(blocks, roles, [1], 0, 2)
    assert caption_groups(blocks, roles) == {2: [1]}


def test_a_credit_with_text_under_it_keeps_the_paragraph_over_it_as_its_caption() -> None:
    blocks = _blocks(_BODY, _LAST, "（李明 摄）", "读者普遍反映，新馆环境舒适，藏书丰富。")
    roles = [TEXT, TEXT, CREDIT, TEXT]
    assert not _body_over_closing_credit(blocks, roles, [1], 0, 2)


def test_a_caption_under_a_title_over_a_closing_credit_stays_the_caption() -> None:
    """No body text stands above it: a picture story under its own title."""
    blocks = _blocks("城北新区图书馆开放", _LAST, "（李明 摄）")
    roles = [TITLE, TEXT, CREDIT]
    assert not _body_over_closing_credit(blocks, roles, [1], 0, 2)


@pytest.mark.parametrize("line, bare", [("□沈默之", "沈默之"), ("●　沈默之", "沈默之"), ("沈默之", "沈默之"),
                                        ("城东□西", "城东□西")])
def test_a_bullet_and_the_spaces_after_it_are_no_part_of_a_bare_name(line: str, bare: str) -> None:
    assert unbulleted(line) == bare


def test_a_bulleted_bare_name_under_a_title_over_body_text_is_a_name_byline_and_the_bullet_is_logged() -> None:
    page = _clean("## 山村夜话\n\n□林晓舟\n\n山村的夜晚格外安静，只有几声狗叫从远处传来。\n")
    assert _articles(page)[0].byline == ("林晓舟",) and _articles(page)[0].headline == "山村夜话", _shape(page)
    assert any(e.kind == "byline" and e.before == "□" for e in page.edits)


def test_a_bulleted_block_dated_right_after_its_bullet_is_not_cut() -> None:
    text = "●城市网消息：全市今天启动文明交通宣传月活动。"
    assert _dated_after_bullet(text)
    blocks = [Block(id=0, text=text, line=1, origin=((0, 1),))]
    log: list = []
    assert split_bulleted_briefs(blocks, log) == blocks and not log


def test_a_bulleted_brief_title_glued_to_its_dateline_is_still_cut() -> None:
    text = "■城北公园完成改造本报讯 城北公园昨日重新开放。"
    assert not _dated_after_bullet(text)
    blocks = [Block(id=0, text=text, line=1, origin=((0, 1),))]
    assert [b.text for b in split_bulleted_briefs(blocks, [])] == ["城北公园完成改造", "本报讯 城北公园昨日重新开放。"]


@pytest.mark.parametrize("text", ["二手钢琴一台，九成新，价格面议。电话：13912345678", "招收学员若干名。联系电话:0571-87654321"])
def test_a_labelled_contact_number_after_a_finished_sentence_closes_the_text(text: str) -> None:
    assert closes_on_contact(text)
    assert not open_end(text, Block(id=0, text=text, line=1, origin=((0, 1),), flags=frozenset({"open_end"})))


@pytest.mark.parametrize("text", ["全年共接待游客13912345", "电话：13912345678", "今年的产值达到了：0571-87654321"])
def test_figures_ending_a_text_with_no_label_or_no_sentence_before_are_no_contact(text: str) -> None:
    assert not closes_on_contact(text)


def test_a_paragraph_printed_flush_over_a_bracketed_closing_credit_stays_the_caption() -> None:
    """The credit on the caption's own line or the line under it: one printed group (review28a's wire credits)."""
    blocks = [Block(id=0, text=_BODY, line=1, origin=((0, 1),)), Block(id=1, text=_LAST, line=3, origin=((0, 3),)),
              Block(id=2, text="（李明 摄）", line=4, origin=((0, 4),))]
    roles = [TEXT, TEXT, CREDIT]
    assert not _body_over_closing_credit(blocks, roles, [1], 0, 2)



def test_a_run_under_a_colon_whose_last_line_the_text_under_it_takes_up_is_a_title_group() -> None:
    blocks = _blocks("本报讯 区里昨日召开会议，部署今年的重点工作：", "北湖社区", "青年志愿者义诊受欢迎",
                     "上周末，北湖社区的青年志愿者组织了一场义诊，受到居民欢迎。")
    roles = [TEXT, TITLE, TITLE, TEXT]
    assert _headline_of_text_under(blocks[2].text, blocks[3].text)
    assert list_items(blocks, roles) == roles


def test_a_run_under_a_colon_over_text_speaking_of_none_of_its_last_line_is_a_list() -> None:
    blocks = _blocks("本报讯 区里昨日召开会议，部署今年的重点工作：", "改善老旧管网", "增设公共停车位",
                     "会议要求，各部门要明确责任，按期完成任务。")
    roles = [TEXT, TITLE, TITLE, TEXT]
    assert not _headline_of_text_under(blocks[2].text, blocks[3].text)
    assert list_items(blocks, roles) == [TEXT, TEXT, TEXT, TEXT]



def _flush(*texts: str) -> list[Block]:
    """Blocks printed flush, one dump line each."""
    return [Block(id=k, text=t, line=k + 1, origin=((0, k + 1),)) for k, t in enumerate(texts)]


def test_footer_like_contact_lines_between_two_paragraphs_are_the_items_text() -> None:
    blocks = _flush("本报即日起征集摄影作品，题材不限。", "联系电话：0123-7654321", "新闻热线：0123-7654322",
                    "截稿日期为9月30日。")
    assert particulars(blocks, [TEXT, NOISE, NOISE, TEXT]) == [TEXT, TEXT, TEXT, TEXT]


def test_footer_like_contact_lines_closing_the_page_stay_furniture() -> None:
    blocks = _flush("本报即日起征集摄影作品，题材不限。", "联系电话：0123-7654321", "新闻热线：0123-7654322")
    assert particulars(blocks, [TEXT, NOISE, NOISE]) == [TEXT, NOISE, NOISE]



@pytest.mark.parametrize("line, entry", [("周日晚上7:30 大剧院 交响音乐会", True), ("上午10：00 体育馆 乒乓球比赛", True),
                                         ("城北新区图书馆开放", False), ("城北 新区", False), ("2024年 工作回顾", False)])
def test_a_listing_entry_holds_a_clock_time_and_fields_set_apart(line: str, entry: bool) -> None:
    assert _listing_entry(line) is entry


def test_listing_entries_under_body_text_are_its_paragraphs() -> None:
    blocks = _blocks("本报讯 下周全市将举办多场演出，欢迎市民观看。", "周一晚上7:30 大剧院 交响音乐会",
                     "周三晚上7:30 音乐厅 民乐专场", "演出门票可在网上预订。")
    assert listing_lines(blocks, [TEXT, TITLE, TITLE, TEXT]) == [TEXT, TEXT, TEXT, TEXT]


def test_one_timed_line_under_body_text_is_no_listing() -> None:
    blocks = _blocks("本报讯 下周全市将举办多场演出，欢迎市民观看。", "周一晚上7:30 大剧院 交响音乐会", "演出门票可在网上预订。")
    assert listing_lines(blocks, [TEXT, TITLE, TEXT]) == [TEXT, TITLE, TEXT]



def test_listing_runs_under_a_label_and_the_label_between_them_are_text() -> None:
    blocks = _blocks("今晚演出", "城南剧场", "19:30 越剧 梁祝", "21:00 黄梅戏 天仙配", "城北剧场", "19:00 京剧 空城计",
                     "20:30 评剧 花为媒")
    roles = [TITLE] * 7
    assert listing_lines(blocks, roles) == [TITLE, TITLE, TEXT, TEXT, TEXT, TEXT, TEXT]
