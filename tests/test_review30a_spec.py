"""review30a: an outside review of session 29's rules for over-firing, and of other papers' ordinary pages.

Each `test_defect_...` is one defect found on an invented page (no corpus or sample text, no gold): its docstring
says the shape, what a reader of the page expects and what the pipeline gave at 7f3c6bd. Each `test_pin_...` holds
behaviour that is right now and should stay so. Pages are minimal: a '## ' title, a dated report, the shape.
"""
from __future__ import annotations

import pytest

from layoutfix import clean as _clean
from pagetext import (articles as _articles, body as _body, captions as _captions, noise as _noise,
                      paragraphs as _paragraphs, shape as _shape)


# ---------------------------------------------------------------------------------------------------------------
# 1. normalize.fix_ocr_bullet: a microblog handle '@某某' in body text becomes the bullet ●
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("para, handle", [
    ("本报讯 连日来，滨江夜景灯光秀引发热议。网友@春天的小雨在微博上留言说，灯光秀让她重新爱上了这座城市。", "@春天的小雨"),
    ("@城市观察员：希望灯光秀能够常态化，让更多外地游客看到我们城市的美。", "@城市观察员"),
])
def test_defect_a_microblog_handle_at_sign_in_chinese_text_is_no_bullet(para: str, handle: str) -> None:
    """A paper quoting social media prints the handle with its at sign: '网友@春天的小雨在微博上留言', or a
    paragraph opening '@城市观察员：…'. Expected: the '@' stays. Got: '网友●春天的小雨…', '●城市观察员：…'
    (`normalize.fix_ocr_bullet`, session 29: any '@'/'@@' after a Han character or opening a block, before a Han
    character, is read as Tesseract's ●). Modern papers quote microblog users in this form often; a one-'@' run
    glued on both sides to a name is the handle form, the OCR bullet evidence was a list of points."""
    page = _clean(f"## 网友热议城市夜景\n\n{para}\n\n市城管局表示，将根据市民意见优化灯光秀的时间安排。\n")
    body = _body(page)
    assert handle in body, body
    assert "●" not in body, body


def test_pin_an_email_address_in_chinese_text_keeps_its_at_sign() -> None:
    page = _clean("## 城事\n\n本报讯 如有线索，欢迎发送邮件至news@citypaper.cn反映。\n")
    assert "news@citypaper.cn" in _body(page)


def test_pin_a_double_at_opening_a_line_of_points_is_the_bullet() -> None:
    """'@@加快…' opening a block between paragraphs is Tesseract's ● (the session-29 evidence)."""
    page = _clean("## 热点追踪\n\n本报讯 近日，有网友在网上发帖反映城西路段积水严重。\n\n@@加快排水管网改造\n\n"
                  "市政部门表示已安排专人处理。\n")
    assert "●加快排水管网改造" in _paragraphs(page)


# ---------------------------------------------------------------------------------------------------------------
# 2. patterns.names_in / credit_note: closing serial and digest notes in brackets read as a byline
# ---------------------------------------------------------------------------------------------------------------

ESSAY = ("## 乡间小路\n\n那年秋天，我回到了阔别多年的老家。村口的小路已经修成了水泥路，路两旁种满了格桑花。\n\n"
         "傍晚时分，炊烟袅袅升起，我仿佛又回到了童年。\n\n")



@pytest.mark.parametrize("note", ["（待续）", "（完）", "（本报综合）"])
def test_pin_short_closing_notes_are_no_byline(note: str) -> None:
    page = _clean(ESSAY + note + "\n")
    assert [it.byline for it in page.items] == [()], _shape(page)


def test_pin_a_bare_author_name_under_an_essay_title_is_the_byline() -> None:
    page = _clean("## 乡间小路\n\n沈默之\n\n那年秋天，我回到了阔别多年的老家。村口的小路已经修成了水泥路。\n\n"
                  "傍晚时分，炊烟袅袅升起，我仿佛又回到了童年。\n")
    assert [it.byline for it in page.items] == [("沈默之",)], _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 3. segment captions: a photo credit closing an article takes the article's last paragraph for its caption
# ---------------------------------------------------------------------------------------------------------------


def test_pin_a_tu_wei_caption_over_a_bracketed_credit_is_a_photo() -> None:
    page = _clean("## 全市启动安全生产大检查\n\n本报讯 市安委会昨日召开会议，部署开展安全生产大检查。\n\n"
                  "图为检查组在一家化工企业检查。\n\n（本报记者 张华 摄）\n")
    photos = [it for it in page.items if it.kind == "photo"]
    assert photos and photos[0].byline == ("张华",) and "图为检查组在一家化工企业检查。" in photos[0].captions


# ---------------------------------------------------------------------------------------------------------------
# 4. a listing (schedule) printed a line per entry: read as titles of a new item, or glued into one paragraph
# ---------------------------------------------------------------------------------------------------------------

LISTING_LEAD = "## 本周末文化活动一览\n\n本报讯 本周末，全市各文化场馆将推出一系列文化活动，市民可根据兴趣选择参加。\n\n"
LISTING = ["周六上午9:00 市图书馆 亲子阅读会", "周六下午2:30 市博物馆 非遗剪纸体验", "周日上午10:00 文化馆 民乐专场演出"]
LISTING_END = "以上活动均免费，部分活动需提前预约。"



def test_defect_listing_lines_printed_flush_keep_their_spaces_and_stay_off_the_next_paragraph() -> None:
    """The same listing printed flush (no blank line between its lines, as a table set with spaces is). Expected:
    the entries keep their separating spaces (a row each, or a table) and the paragraph after the blank line stays
    a paragraph. Got: one paragraph '周六上午9:00市图书馆亲子阅读会周六下午2:30…演出以上活动均免费，…': the spaces
    removed as line-wrap spaces, the lines joined, and flow joined the closing paragraph to it."""
    page = _clean(LISTING_LEAD + "\n".join(LISTING) + "\n\n" + LISTING_END + "\n")
    paras = _paragraphs(page)
    assert LISTING_END in paras, paras
    assert "市图书馆亲子阅读会" not in _body(page), paras


# ---------------------------------------------------------------------------------------------------------------
# 5. segment.titles._opens_with_section: a column label that opens with a verb is no section (seg29's guard)
# ---------------------------------------------------------------------------------------------------------------



def test_pin_a_noun_column_label_over_a_headline_is_the_section() -> None:
    page = _clean("财经\n\n## 东江电力发布半年报\n\n本报讯 东江电力昨晚发布半年报，上半年实现营业收入56.8亿元。\n")
    assert _articles(page)[0].section == "财经", _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 6. segment.titles.wrapped_title_lines (title_wrap): a headline and its second title printed flush are merged
# ---------------------------------------------------------------------------------------------------------------



def test_pin_a_long_title_wrapped_mid_phrase_is_one_headline() -> None:
    page = _clean("本报讯 全市春耕生产工作会议昨日召开，会议要求各地抓紧抓好春耕备耕各项工作。\n\n"
                  "我市出台十五条措施支持\n中小企业加快数字化转型\n\n本报讯 市政府昨日出台十五条措施，支持中小企业加快数字化转型。\n")
    assert any(it.headline == "我市出台十五条措施支持中小企业加快数字化转型" for it in page.items), _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 7. a bullet before a bare author name under a title ('□沈默之') is read as the headline
# ---------------------------------------------------------------------------------------------------------------


def test_pin_a_bulleted_reporter_line_is_the_byline() -> None:
    page = _clean("## 古镇新貌\n\n●本报记者 沈默之\n\n老周的茶馆开在古镇的石桥边上，一开就是三十年。\n")
    assert _articles(page)[0].byline == ("沈默之",) and _articles(page)[0].headline == "古镇新貌", _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 8. segment.roles.list_items: the next article's title lines under a paragraph cut at its '：'
# ---------------------------------------------------------------------------------------------------------------


def test_pin_short_list_lines_under_a_colon_lead_in_stay_in_the_article() -> None:
    page = _clean("## 城区道路改造进展顺利\n\n本报讯 今年以来，城区道路改造工程进展顺利。下一步将重点推进以下工作：\n\n"
                  "老旧小区加装电梯\n\n背街小巷整治提升\n\n昨天上午，记者在城东一处老旧小区看到，施工人员正在安装电梯井道。\n")
    assert len(page.items) == 1 and "老旧小区加装电梯" in _paragraphs(page), _shape(page)


def test_pin_numbered_points_under_a_colon_lead_in_stay_in_the_article() -> None:
    page = _clean("## 全市启动安全生产大检查\n\n本报讯 市安委会昨日召开会议，要求做到以下几点：\n\n"
                  "①压实企业主体责任，逐级签订责任书；\n\n②加强重点行业领域隐患排查整治；\n\n"
                  "③严格执法检查，对违法行为依法严惩。\n\n会议强调，各级各部门要抓好落实。\n")
    assert len(page.items) == 1 and "②加强重点行业领域隐患排查整治；" in _paragraphs(page), _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 9. normalize.fix_ocr_end_quote: an opening quote at a column cut is removed, and the cut stays open
# ---------------------------------------------------------------------------------------------------------------

def test_defect_an_opening_quote_ending_a_piece_cut_at_a_column_break_is_kept_and_joined() -> None:
    """A paragraph cut at a column break right after '他笑着说：“' (a paper that does not keep opening marks off a
    line's end, or a dump whose column break falls there), the quotation going on in the next block to its '”'.
    Expected: one paragraph '…他笑着说：“明年还要再扩大种植面积，争取多打粮食。”'. Got: the '“' removed as an OCR
    spot (session 29's `fix_ocr_end_quote`: no quotation is open in the block), the two pieces left apart, the
    second with a lone '”'. A '：“' ending a block reads as a quotation's opening far more than as '。“' damage."""
    page = _clean("## 种粮大户的新打算\n\n本报讯 今年，种粮大户李建华又承包了两百亩地。记者问他明年有什么打算，他笑着说：“\n\n"
                  "明年还要再扩大种植面积，争取多打粮食。”\n\n县农业农村局表示，将继续加大对种粮大户的扶持力度。\n")
    assert any("他笑着说：“明年还要再扩大种植面积" in p for p in _paragraphs(page)), _paragraphs(page)


def test_pin_a_closing_quotation_ending_a_paragraph_is_kept() -> None:
    page = _clean("## 老街坊的新日子\n\n本报讯 说起这几年的变化，刘大爷笑着说：“日子越过越有奔头了。”\n\n"
                  "居委会主任介绍，近年来社区完成了老旧管网改造。\n")
    assert "说起这几年的变化，刘大爷笑着说：“日子越过越有奔头了。”" in _paragraphs(page)


# ---------------------------------------------------------------------------------------------------------------
# 10. normalize.fix_ocr_stop: '=' ending a piece of a formula cut at a column break becomes '。'
# ---------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------
# 11. segment.tables.repeated_headers: a header row of years printed again is kept twice
# ---------------------------------------------------------------------------------------------------------------



def test_pin_a_stock_table_printed_with_spaces_is_a_table_with_its_caption() -> None:
    page = _clean("财经\n\n## 沪指小幅收涨\n\n本报讯 昨日，A股三大指数涨跌不一。\n\n本地上市公司昨日表现\n"
                  "代码\t名称\t收盘价（元）\t涨跌幅\n600123\t东江电力\t8.56\t+1.30%\n000456\t南山科技\t15.20\t-0.85%\n")
    it = _articles(page)[0]
    assert it.captions == ("本地上市公司昨日表现",) or "本地上市公司昨日表现" in it.captions, _shape(page)
    assert ("600123", "东江电力", "8.56", "+1.30%") in it.tables[0]


# ---------------------------------------------------------------------------------------------------------------
# 12. normalize.fix_ocr_stop: a footnote mark '*' ending a paragraph becomes '。'
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_footnote_mark_ending_a_paragraph_over_its_note_stays() -> None:
    """'…成为拉动经济增长的主要力量*' over a note '*注：本文数据均为初步核算数。'. Expected: the '*' stays (the
    note below opens with the same mark). Got: '…主要力量。' (`fix_ocr_stop`, '*' 3 of 3 in the OCR cache): a '*'
    answered by a block opening with '*' is a footnote's mark, not a damaged stop."""
    page = _clean("## 上半年全市经济运行平稳\n\n本报讯 今年上半年，全市地区生产总值同比增长，其中第三产业增长较快，"
                  "成为拉动经济增长的主要力量*\n\n*注：本文数据均为初步核算数。\n\n市统计局表示，下半年将继续加强监测分析。\n")
    assert any(p.endswith("主要力量*") for p in _paragraphs(page)), _paragraphs(page)


# ---------------------------------------------------------------------------------------------------------------
# 13. segment.roles.particulars: a notice's contact lines are page furniture
# ---------------------------------------------------------------------------------------------------------------


def test_pin_particulars_under_a_brief_are_its_text() -> None:
    page = _clean("## 老年大学秋季班开始报名\n\n本报讯 市老年大学秋季班即日起开始报名，共开设书法、声乐等四十多个专业。\n\n"
                  "报名时间：9月1日至9月10日\n报名地点：市老年大学教务处\n")
    assert "报名地点：市老年大学教务处" in _paragraphs(page), _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 14. a department's signature under a notice ('本报副刊部') is read as a person
# ---------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------
# Pins: other papers' ordinary pages that come out right
# ---------------------------------------------------------------------------------------------------------------

def test_pin_a_sports_report_keeps_scores_and_dotted_foreign_names() -> None:
    page = _clean("体育新闻\n\n## 海港队主场逆转客队\n\n本报记者 陈思远\n\n昨晚，海港队主场以3∶1逆转客队，继续领跑积分榜。\n\n"
                  "比赛第十二分钟，客队外援马库斯·席尔瓦门前抢点得手，主队0∶1落后。下半场，主队外援奥斯卡·费雷拉连进两球。\n")
    body = _body(page)
    assert "3∶1" in body and "马库斯·席尔瓦" in body and "奥斯卡·费雷拉" in body
    assert _articles(page)[0].byline == ("陈思远",) and _articles(page)[0].section == "体育新闻", _shape(page)


@pytest.mark.parametrize("line, names", [("通讯员 刘小勇 本报记者 方晓雯", ("刘小勇", "方晓雯")),
                                         ("本报讯（通讯员 黄建国）近日，石桥村通组公路全线贯通。", ("黄建国",)),
                                         ("本报讯 通讯员 吴芳 李娜 县人民医院日前组织专家开展义诊。", ("吴芳", "李娜"))])
def test_pin_county_paper_correspondent_lines_are_the_byline(line: str, names: tuple) -> None:
    page = _clean(f"## 青山镇茶叶产业兴旺\n\n{line}\n\n近年来，青山镇大力发展茶叶产业，带动两千多户农户增收。\n")
    assert _articles(page)[0].byline == names, _shape(page)


def test_pin_a_closing_correspondent_and_reporter_note_is_the_byline() -> None:
    page = _clean("## 石桥村修通致富路\n\n近日，石桥村通组公路全线贯通，结束了村民出行难的历史。\n\n"
                  "这条公路全长六公里，惠及村民八百余人。\n\n（通讯员 黄建国 记者 方晓雯）\n")
    assert _articles(page)[0].byline == ("黄建国", "方晓雯"), _shape(page)


def test_pin_an_interview_with_speaker_tags_stays_one_article() -> None:
    page = _clean("## 对话非遗传承人\n\n本报记者 孙一鸣\n\n记者：您是什么时候开始学习剪纸的？\n"
                  "陈秀兰：我八岁就跟着奶奶学剪纸，到现在已经五十多年了。\n记者：您觉得剪纸最难的是什么？\n"
                  "陈秀兰：最难的是坚持，一张好作品往往要剪好几天。\n")
    assert len(page.items) == 1 and "记者：您觉得剪纸最难的是什么？" in _paragraphs(page), _shape(page)


def test_pin_a_version_number_cut_at_a_column_break_is_joined() -> None:
    page = _clean("## 政务服务平台升级\n\n本报讯 市政务服务平台今天完成升级，新版本V2.\n\n0在原有功能基础上新增了电子证照等"
                  "十余项功能，市民可通过手机直接办理。\n\n市大数据局表示，平台将持续优化服务体验。\n")
    assert any("新版本V2.0在原有功能" in p for p in _paragraphs(page)), _paragraphs(page)


def test_pin_bulleted_agency_briefs_with_dotted_titles_split() -> None:
    page = _clean("体育快讯\n\n■中超·第20轮 新华社上海8月3日电 中超联赛第二十轮今晚进行了四场比赛，主队全部取胜。\n\n"
                  "■亚运会·游泳 新华社杭州8月3日电 中国游泳队今天在亚运会上再夺三金。\n")
    assert [(it.headline, it.dateline) for it in _articles(page)] == [
        ("中超·第20轮", "新华社上海8月3日电"), ("亚运会·游泳", "新华社杭州8月3日电")], _shape(page)


def test_pin_diary_entries_with_weather_stay_in_the_article() -> None:
    page = _clean("## 驻村日记\n\n本报记者 林晓东\n\n驻村第一周，我跟着村干部走访了二十多户村民。\n\n3月5日 星期二 晴\n\n"
                  "今天一早，村支书带我去看新修的水渠。\n\n3月6日（星期三）\n\n下雨天，村民们都在家里。\n")
    paras = _paragraphs(page)
    assert len(page.items) == 1 and "3月5日 星期二 晴" in paras and "3月6日（星期三）" in paras, _shape(page)


def test_pin_a_verbatim_repeated_lead_is_dropped_once() -> None:
    page = _clean("## 全市新增就业岗位两万个\n\n本报讯 今年上半年，全市新增城镇就业岗位两万余个，城镇登记失业率控制在百分之三以内。\n\n"
                  "今年上半年，全市新增城镇就业岗位两万余个，城镇登记失业率控制在百分之三以内。\n\n"
                  "市人社局表示，下半年将继续开展各类招聘活动。\n")
    assert _body(page).count("新增城镇就业岗位两万余个") == 1, _paragraphs(page)


# ---------------------------------------------------------------------------------------------------------------
# 15. segment.roles.PHOTO_NUMBER: circled list numbers over a credit are read as a photo group's captions
# ---------------------------------------------------------------------------------------------------------------


def test_pin_numbered_photo_captions_over_one_credit_are_one_photo_group() -> None:
    page = _clean("## 城市新貌\n\n本报讯 近年来，我市城市面貌发生了巨大变化。\n\n图①：城东新区的夜景。\n\n"
                  "图②：改造后的滨江公园。\n\n（本报记者 张华 摄）\n")
    caps = _captions(page)
    assert any("城东新区的夜景" in c for c in caps) and any("改造后的滨江公园" in c for c in caps), _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 16. dedup.articles_apart: a whole brief printed twice (title and dated lead) is kept twice
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_brief_printed_twice_whole_is_deduplicated() -> None:
    """Layout extraction printed one text box twice: the same '## ' title over the same dated lead, character for
    character, with another brief between. Expected: the second copy's text dropped as a repeat (dups_left 0).
    Got: three articles, the first and third identical: session 29's `articles_apart` keeps any two dated leads
    that each open an article under a '## ' title ('parallel briefs'), even an exact copy under the same title."""
    brief = ("## 地铁三号线下月试运行\n\n本报讯 记者从市轨道交通集团获悉，地铁三号线一期工程已完成全部设备调试，"
             "计划下月开始试运行。\n\n")
    page = _clean(brief + "## 城西菜市场完成改造\n\n本报讯 经过三个月的改造，城西菜市场昨日重新开业，"
                  "市场内新增了智能称重设备。\n\n" + brief)
    assert _body(page).count("地铁三号线一期工程已完成全部设备调试") == 1, _shape(page)


def test_pin_parallel_briefs_with_like_leads_are_both_kept() -> None:
    page = _clean("## 东区开展消防演练\n\n本报讯 东区今天开展消防安全演练，两百余名居民参加。\n\n"
                  "## 西区开展消防演练\n\n本报讯 西区今天也开展了消防安全演练，三百余名居民参加。\n")
    body = _body(page)
    assert "东区今天开展消防安全演练" in body and "西区今天也开展了消防安全演练" in body, _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 17. normalize.drop_ocr_bar: a headline's '|' separator is dropped as a column rule
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_bar_separating_a_headlines_label_is_kept() -> None:
    """Papers with an online edition print a label and the headline parted by a bar: '民生|城西菜市场完成改造'
    (the full-width '｜' form is kept). Expected: the bar kept (or the label read as the section). Got: headline
    '民生城西菜市场完成改造' (`drop_ocr_bar`: one '|' between Han characters is OCR's column rule; that reading
    was measured on body text, and a title line holds no column rule)."""
    page = _clean("## 民生|城西菜市场完成改造\n\n本报讯 经过三个月的改造，城西菜市场昨日重新开业。\n")
    it = _articles(page)[0]
    assert "民生城西" not in (it.headline or ""), _shape(page)


def test_pin_a_full_width_bar_in_a_headline_is_kept() -> None:
    page = _clean("## 民生｜城西菜市场完成改造\n\n本报讯 经过三个月的改造，城西菜市场昨日重新开业。\n")
    assert _articles(page)[0].headline == "民生｜城西菜市场完成改造", _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 18. a county media centre's byline ('县融媒体中心 某甲') is read as text
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line, names", [("本报全媒体记者 张晓明", ("张晓明",)), ("首席记者 王海涛", ("王海涛",)),
                                         ("见习记者 赵一鸣", ("赵一鸣",)), ("记者 张晓明/文 李思远/图", ("张晓明", "李思远"))])
def test_pin_modern_role_words_give_the_byline(line: str, names: tuple) -> None:
    page = _clean(f"## 城区新增三处口袋公园\n\n{line}\n\n近日，城区新建的三处口袋公园正式向市民开放。\n")
    assert _articles(page)[0].byline == names, _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 19. segment.roles.split_bulleted_briefs: a bulleted item opening '<outlet>消息：' is cut inside the outlet's name
# ---------------------------------------------------------------------------------------------------------------


def test_pin_a_glued_bulleted_brief_title_is_cut_at_its_dateline() -> None:
    page = _clean("城事简讯\n\n■地铁三号线下月试运行本报讯 记者从市轨道交通集团获悉，地铁三号线计划下月开始试运行。\n\n"
                  "■城西菜市场完成改造本报讯 城西菜市场昨日重新开业。\n")
    assert [(it.headline, it.dateline) for it in _articles(page)] == [
        ("地铁三号线下月试运行", "本报讯"), ("城西菜市场完成改造", "本报讯")], _shape(page)


# ---------------------------------------------------------------------------------------------------------------
# 20. spaced names after '记者': session 29's common-word rejection drops real names that are also words
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["江河", "金星", "方向"])
def test_defect_a_spaced_reporter_name_that_is_also_a_word_is_the_byline(name: str) -> None:
    """'本报讯 记者 江河 近日，…': a reporter whose given name makes a common word with the surname (江河, 金星, 方向;
    the surname is common, and the text after the name opens a new sentence with a time word and a comma).
    Expected: byline (name,) and the text '近日，…'. Got: no byline and the paragraph '记者江河近日，城区新建…' (the
    spaces gone too): session 29's rule for '本报讯 记者 周末 来到…' rejects any common word set apart after '记者';
    names such as 田野, 石磊, 白云, 文明 pass, so the cut follows word frequency, not the page."""
    page = _clean(f"## 城区新增三处口袋公园\n\n本报讯 记者 {name} 近日，城区新建的三处口袋公园正式向市民开放，"
                  "为周边居民提供了休闲好去处。\n")
    it = _articles(page)[0]
    assert it.byline == (name,), _shape(page)
    assert it.paragraphs[0].startswith("近日，"), _shape(page)


def test_pin_a_spaced_time_word_after_the_reporter_role_is_no_name() -> None:
    """review29a's case: '记者 周末 来到…' (no comma after the word, a verb follows) names nobody."""
    page = _clean("## 周末去哪儿\n\n本报讯 记者 周末 来到城郊的农家乐，看到不少市民带着孩子来采摘草莓。\n")
    assert _articles(page)[0].byline == (), _shape(page)



# ---------------------------------------------------------------------------------------------------------------
# 21. patterns.is_furniture: a lottery draw's lead line ('…第2024056期开奖结果：') is taken for the issue number
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_lottery_draw_lead_line_is_text_not_furniture() -> None:
    """A lottery notice: '双色球第2024056期开奖结果：' over the numbers. Expected: the line is the notice's text.
    Got: it is in the noise as furniture (a line holding '第<digits>期' reads as the paper's issue number, though it
    ends in '：' and introduces the lines under it)."""
    page = _clean("## 彩票开奖公告\n\n双色球第2024056期开奖结果：\n\n红球：03 08 12 19 26 31\n\n蓝球：07\n\n"
                  "本期全国共中出一等奖6注，单注奖金为六百万元。\n")
    assert "双色球第2024056期开奖结果：" in _paragraphs(page), (_shape(page), _noise(page))


def test_pin_st_stock_names_keep_their_asterisk() -> None:
    page = _clean("## 多家公司发布风险提示\n\n本报讯 昨日，*ST东方、*ST南山两家公司发布退市风险提示公告。\n\n"
                  "业内人士提醒，投资者应注意投资风险。\n")
    assert "*ST东方、*ST南山" in _body(page)


# ---------------------------------------------------------------------------------------------------------------
# 22. patterns.is_furniture: a paragraph of text closing with its contact phone goes to the noise
# ---------------------------------------------------------------------------------------------------------------

def test_defect_a_paragraph_closing_with_a_contact_phone_is_text() -> None:
    """'有意者可到市老年大学教务处报名。联系电话：0123-5556666' closing a brief (notices, events, ads and service
    news end so every day). Expected: the paragraph is the brief's text. Got: the whole paragraph, sentence included,
    in the noise as furniture (read as the paper's hotline footer because it holds '联系电话：' and a number)."""
    page = _clean("## 老年大学秋季班开始报名\n\n本报讯 市老年大学秋季班即日起开始报名，共开设书法、声乐等四十多个专业。\n\n"
                  "有意者可到市老年大学教务处报名。联系电话：0123-5556666\n")
    assert any("有意者可到市老年大学教务处报名" in p for p in _paragraphs(page)), (_shape(page), _noise(page))


# ---------------------------------------------------------------------------------------------------------------
# 23. flow: a paragraph ending on a phone number is joined across the next '## ' title to that item's text
# ---------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------
# 24. read: an undated brief's title printed flush over its text is glued into the text
# ---------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------
# 25. datelines in the brackets of Hong Kong and Taiwan papers are not read
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lead, name, text", [
    ("【本報訊】記者陳大文報道：港鐵新線工程已完成全部測試，預計下月正式通車。", "陈大文", "港铁新线工程"),
    ("（中央社記者王大明台北5日電）台北捷運新線今天開始試營運，首日吸引大批民眾搭乘。", "王大明", "台北捷运新线今天"),
])
def test_defect_a_bracketed_dateline_with_its_reporter_is_read(lead: str, name: str, text: str) -> None:
    """A Hong Kong paper opens '【本報訊】記者某某報道：…', Taiwan's agency '（中央社記者某某台北5日電）…' (traditional
    characters, read as simplified by OpenCC). Expected: the reporter in the byline and the paragraph opening with
    the report ('港铁新线工程…'). Got: no dateline, no byline, the whole lead left in the paragraph (the 【】 and the
    agency-reporter-place-date order inside one bracket are not among the dateline forms)."""
    page = _clean(f"## 新線通車\n\n{lead}\n\n有市民表示，期待新線早日通車。\n")
    it = _articles(page)[0]
    assert it.byline == (name,), _shape(page)
    assert it.paragraphs[0].startswith(text), _shape(page)


def test_pin_a_features_unmarked_subheads_and_editors_note_stay_in_the_article() -> None:
    page = _clean("## 老手艺的新生\n\n本报记者 林晓东 报道\n\n编者按：传统手艺如何在新时代焕发活力？本报今起推出系列报道。\n\n"
                  "在城南老街，七十岁的陈师傅守着一间竹编铺子，一守就是五十年。\n\n老手艺遇上新市场\n\n"
                  "去年，陈师傅的孙子把竹编作品放到网上销售，订单一下子多了起来。\n\n年轻人接过了接力棒\n\n"
                  "如今，铺子里多了三个年轻学徒。\n")
    assert len(page.items) == 1 and _articles(page)[0].byline == ("林晓东",), _shape(page)
    assert "老手艺遇上新市场" in _paragraphs(page) and "年轻人接过了接力棒" in _paragraphs(page)


def test_pin_a_printed_line_page_with_full_width_indents_reads_paragraph_by_paragraph() -> None:
    def lines(p: str, w: int = 22) -> str:
        s = "\u3000\u3000" + p
        return "\n".join(s[k:k + w] for k in range(0, len(s), w))
    paras = ["今年秋季开学，城东新区又有两所新建学校投入使用，新增学位两千四百个。至此，新区三年来已建成中小学和幼儿园十所。",
             "“以前孩子上学要坐半个多小时的公交车，现在步行十分钟就到了。”家住新区的王女士说，接送孩子方便多了。"]
    page = _clean("城东新区：三年建成十所学校\n\n本报记者\u3000林晓东\u3000通讯员\u3000刘小勇\n\n"
                  + "\n".join(lines(p) for p in paras) + "\n")
    assert _paragraphs(page) == paras, _shape(page)
    assert _articles(page)[0].byline == ("林晓东", "刘小勇"), _shape(page)


def test_pin_a_jump_line_under_a_cut_paragraph_marks_it_truncated() -> None:
    page = _clean("## 全市经济稳中向好\n\n本报讯 今年以来，全市经济运行稳中向好。工业生产较快增长，消费市场持续回暖，\n\n"
                  "（下转第3版）\n\n## 城西菜市场完成改造\n\n本报讯 经过三个月的改造，城西菜市场昨日重新开业。\n")
    arts = _articles(page)
    assert len(arts) == 2 and arts[0].truncated, _shape(page)
    assert list(arts[1].paragraphs) == ["经过三个月的改造，城西菜市场昨日重新开业。"], _shape(page)


@pytest.mark.parametrize("note", ["（未完待续）", "（本报综合报道）"])  # ('（续完）' is open: 续 is a surname)
def test_defect_a_closing_serial_or_digest_note_is_no_byline(note: str) -> None:
    """A serial instalment closes '（未完待续）' (the commonest form, more than '（待续）'), the last one '（续完）',
    a digest '（本报综合报道）'. Expected: no byline (as '（待续）', '（完）', '（本报综合）' already give). Got:
    byline ('未完待续',), ('续完',), ('综合报道',): session 29's note-word rule covers the short forms only
    (`patterns.names_in`; a four-character run of no surname is taken for a name)."""
    page = _clean(ESSAY + note + "\n")
    assert [it.byline for it in page.items] == [()], _shape(page)
