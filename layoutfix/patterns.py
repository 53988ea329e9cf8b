"""Patterns of Chinese newspaper page furniture: datelines, bylines, credits, jump lines.

These are conventions of the press (how 本报讯 or a photo credit is printed),
not words of any particular page. Names are matched by shape (2 to 6 Han
characters), never listed.
"""
from __future__ import annotations

import math
from functools import lru_cache

import re as stdre

import regex as re

from .textutil import HAN_CLASS

BULLETS = "●□■◆◇○▲△★☆⊙◎"
# Role words that precede names in bylines and credits, longest first.
ROLE_WORDS = ("本报特约记者", "本报实习记者", "本报特约评论员", "本报通讯员", "本报评论员", "本报记者", "特约记者", "特派记者",
              "实习记者", "见习记者", "新华社记者", "首席记者", "融媒体记者", "全媒体记者", "特约通讯员", "特约评论员",
              "评论员", "通讯员", "实习生", "记者", "摄影",
              "本报")
_ROLE = "|".join(ROLE_WORDS)
# A news organisation printed before a role word in a joint lead-in ('中央人民广播电台记者A、新华社记者B',
# '某某军报记者A', '某某日报记者B'): the kinds of outlet, by how their names end (a whole run: the outlet opens
# after a separator, so a name glued before it is no part of it); dropped with the role word like '本报'. A bare
# '…报' is not one: 接受本报记者采访, 通报, 举报 end in 报 and made body lines bylines.
_OUTLET = r"(?:(?<!\p{Han})\p{Han}{0,8}?(?:广播电台|电视台|电台|日报|晚报|军报|通讯社)|新华社|中新社)"
# a name: two to six characters, a two-character one padded to the width of three ('王 军'), or parts joined by
# the separator dot ('买买提·艾力', GB/T 15834) (review24a: such byline lines went to noise or became headlines)
# the dot's look-alikes OCR prints ('•', '・', '‧', review25a) join the parts too; normalize folds them to '·' later
NAME_DOTS = "·•・‧"
NAME = rf"(?:(?:(?<!\p{{Han}})\p{{Han}}[ \u3000]{{1,2}}\p{{Han}}(?![\p{{Han}}{NAME_DOTS}])|\p{{Han}}{{2,6}})(?:[{NAME_DOTS}]\p{{Han}}{{1,6}}){{0,2}})"
_NAMES = rf"{NAME}(?:[ \u3000、，,]+{NAME})*"
_ROLE_NAMES = rf"(?:(?:{_ROLE})[ \u3000]*)?{_NAMES}"

# A date like 5月26日 / 1月30日 (ASCII or full-width digits) / 十二月三十一日 (Chinese numerals).
NUMERALS = "一二三四五六七八九十〇"  # the Chinese numerals a date prints
_NUM = rf"(?:[0-9０-９]{{1,2}}|[{NUMERALS}]{{1,3}})"
_DATE = rf"{_NUM}月{_NUM}日"
# a dateline's date may print the day alone ('新华社北京30日电', '本报北京30日讯': the month is the issue's; review27a)
_DAY_DATE = rf"(?:{_NUM}月)?{_NUM}日"
# Who files a dated report: the paper itself and the news agencies, the most common first (中新网 and
# 中国新闻网 are 中新社's web outlets; review15a found their datelines unread in modern news).
AGENCIES = ("本报", "新华社", "中新社", "人民日报", "人民网", "新华网", "中新网", "中国新闻网")
_AGENCY = "|".join(AGENCIES)
# 本报讯 / 本报5月26日讯 / 本报某地6月2日电 / 新华社北京1月30日电 / 据新华社…电
AGENCY_DATELINE = re.compile(
    rf"^(?P<dl>(?:据)?(?:{_AGENCY})(?:\p{{Han}}{{0,8}}?)(?:{_DAY_DATE})?(?:讯|电))"
)
# Any other outlet's '<outlet>讯' ('某某体育讯北京时间3月5日', '某某晚报讯（记者 某甲）'), as web reports and other
# papers print it (review16a: 29% of modern web articles open so): the outlet is no closed list, so the form is
# read as a dateline only where a date, 北京时间 or a reporter's bracket follows right after 讯 (a sentence that
# opens with 喜讯 or 闻讯 goes on otherwise).
_OUTLET_XUN = re.compile(rf"^(?P<dl>(?:据)?\p{{Han}}{{2,8}}?讯)(?=[ \u3000]*(?:北京时间|{_DATE}|[（(][ \u3000]*(?:{_ROLE})))")


# An outlet's '<outlet>消息：' ('某某网消息：', '某某网消息（某节目）：', '本报综合消息 '), as reports taken from a web or
# broadcast outlet and digests open (review28a): the outlet's name ends as outlets' names do (网, 社, 台, 报, or
# 综合 for a digest), and a colon or a space follows, so '好消息：' and '某某消息称，' stay text. The colon is read
# with the dateline, not kept in it.
_OUTLET_NEWS = re.compile(r"^(?P<dl>(?:据)?\p{Han}{0,6}?(?:网|社|台|报|综合)消息(?:[（(][^（()）]{1,12}[)）])?)"
                          r"(?:[ \u3000]*[：:]|(?=[ \u3000]+\S))")


_AGENCY_FIRST = frozenset("据" + "".join(a[:1] for a in AGENCIES))  # what `AGENCY_DATELINE` can open with
# Any other agency's dated report: '<name>社<place><date>电' (法新社巴黎…电, 路透社伦敦…电; review26a: AGENCIES is a
# closed list). The agency is no closed list, so the form is read only in full: a name of one to four characters
# ending in 社 at the text's start, a place, a date and 电, and no character after 电 that makes a dictionary word
# of it (jieba's: '某合作社1月30日电话通知' is a sentence).
_OTHER_AGENCY = re.compile(rf"^(?P<dl>(?:据)?\p{{Han}}{{1,4}}社\p{{Han}}{{0,8}}?{_DAY_DATE}电)")


# The bracketed datelines of Hong Kong and Taiwan papers (read in simplified form after OpenCC; review30a): an
# outlet's 讯 or 电 in lenticular brackets ('【本报讯】', '【某某报讯】': the brackets mark it, so the outlet is no
# closed list), and an agency's whole dated report with its reporter in round brackets ('（某某社记者某甲某地5日电）').
_LENTICULAR = re.compile(r"^【(?P<dl>(?:据)?\p{Han}{1,10}?(?:讯|电))】[ \u3000]*")
_BRACKET_REPORT = re.compile(rf"^[（(](?P<dl>\p{{Han}}{{1,4}}社)(?:特约|实习|见习)?记者(?P<np>\p{{Han}}{{2,12}}?)"
                             rf"(?P<date>{_DAY_DATE})电[)）][ \u3000]*")


class _Datelines:
    """`DATELINE.match(text)`: an agency's dateline (`AGENCY_DATELINE`, `_OTHER_AGENCY`), an outlet's 消息
    (`_OUTLET_NEWS`), else an outlet's 讯 (`_OUTLET_XUN`);
    the match's group 'dl' is the dateline."""

    def match(self, text: str, pos: int = 0) -> "re.Match[str] | None":
        # (segment's `shapes.may_open_dated` copies this method's early exits, before any pattern, to skip the
        # call: a change to them here must be made there too; tests/test_seg59_spec.py holds the two together)
        # (the agency pattern asked only of a text whose first character can open it: the call costs more than
        # the test, and almost no line opens with 据 or an agency's first character)
        first = text[pos:pos + 1]
        if first == "【":
            m = _LENTICULAR.match(text, pos)
            return m if m and _outlet_name(m.group("dl").removeprefix("据")[:-1]) else None  # (no '【短讯】')
        if first in "（(" and "社" in text[pos + 2:pos + 6]:
            return _BRACKET_REPORT.match(text, pos)
        m = AGENCY_DATELINE.match(text, pos) if first in _AGENCY_FIRST else None
        if m is None and "社" in text[pos + 1:pos + 7]:
            m = _OTHER_AGENCY.match(text, pos)
            if m and "电" + text[m.end():m.end() + 1] in _dian_words():
                m = None
        if m is None and "消息" in text[pos + 1:pos + 12]:
            m = _OUTLET_NEWS.match(text, pos)
        if m or "讯" not in text[pos:pos + 10]:
            return m
        m = _OUTLET_XUN.match(text, pos)
        return m if m and _outlet_name(m.group("dl").removeprefix("据")[:-1]) else None


def _outlet_name(run: str) -> bool:
    """Whether the run before 讯 can be an outlet's name: no possessive phrase ('夺冠的喜讯') and not ending in a
    dictionary word of 讯 (喜讯, 闻讯, 短讯: jieba's dict.txt) unless a longer dictionary word of 讯 ends the run
    there as an outlet does (体育讯, 晨报讯)."""
    if "的" in run:
        return False
    words = _xun_words()
    if run[-1:] + "讯" not in words:
        return True
    return any((run + "讯")[-k:] in words for k in range(3, len(run) + 2))


@lru_cache(maxsize=1)
def _dian_words() -> frozenset[str]:
    """jieba's two-character words opening with 电 (电话, 电视, ...)."""
    from .lm import jieba_entries

    return frozenset(w for w, _, _ in jieba_entries() if len(w) == 2 and w[0] == "电")


@lru_cache(maxsize=1)
def _xun_words() -> frozenset[str]:
    from .lm import jieba_entries

    return frozenset(w for w, _, _ in jieba_entries() if w.endswith("讯"))


DATELINE = _Datelines()
# Numbered points and dated entries ('一、', '第三章', '第十条', '（二）', '3.', '1994年4月'): list items and
# subheads inside an article; on the tune split 101 short paragraphs open this way and no title does. So do the
# numbered captions of an article's photos ('1：某某…', '2:…'; not a score or a time, '3:1', '8:30'): 58 paragraphs of
# the gold of the tuning folders (synthetic tune, real_ocr_tune, the samples), real-OCR fresh seeds 2 and 4 and fresh
# seeds 2 and 4 open so and none of their 5,262 title fields (one cut at a column break, '2：某某某的饲养员左', had
# opened an item of its own on real-OCR fresh seed 4).
ENUMERATED = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百零〇0-9]{1,4}[章节条部分篇]"
                        r"|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、.．：:](?![0-9])|[0-9]{4}年[0-9]{1,2}月)")
# 本报讯 / 新华社电: a dateline with neither place nor date
BARE_DATELINE = re.compile(rf"(?:据)?(?:{_AGENCY})(?:讯|电)")
# The opening of a bracketed byline: a round bracket, or an angle bracket closed by a round one, which is
# how OCR reads a round opening bracket it misses ('〈记者某甲）', '《某乙某）'); a title closes with its own
# mark ('《…》', '〈…〉'), never with ')', so the pair is no title.
BY_OPEN = "(（〈《"
# A name of 2 to 4 characters as a narrow column prints it: a line-wrap space may stand inside it ('某 某某').
_WRAPPED = r"\p{Han}(?:[ \u3000]?\p{Han}){1,3}"
# a role word set apart from its names by a space, the names by spaces, no bracket and no 报道 ('本报讯 记者 某甲 通讯员
# 某乙 <text>', review28a: the names were glued into the first sentence); a space after the last name, each name
# opening with a surname (`dateline_of`), so a wrapped sentence ('记者 从市某 局获悉') is none
_SPACED_ROLE_RUN = r"(?:(?:特约|实习|见习)?记者|通讯员|实习生)[ \u3000]*\p{Han}{2,4}(?:[ \u3000]+\p{Han}{2,4}(?=[ \u3000]))*"
# a role word and its names before 报道: 记者张三、李四 / 通讯员 王五 / 实习生赵六
_ROLE_RUN = rf"(?:(?:特约|实习|见习)?记[ \u3000]?者|通讯员|实习生)[ \u3000]*{_WRAPPED}(?:[、 \u3000]{_WRAPPED})*"
# (记者 张三) / (记者 张三 通讯员 李四) / （实习记者 王五） / 记者张三、李四报道： / 记者张三 通讯员李四报道：
DATELINE_BYLINE = re.compile(
    rf"[ \u3000]*(?:[{BY_OPEN}](?P<by>[^()（）〈〉《》]{{0,60}}?)[)）]"
    rf"|(?P<by2>{_ROLE_RUN}(?:[ \u3000]+{_ROLE_RUN})*)[ \u3000]*报道[：:]"
    rf"|(?<=[讯电][ \u3000]*)(?P<by3>{_SPACED_ROLE_RUN}(?:[ \u3000]+{_SPACED_ROLE_RUN})*)(?=[ \u3000]+\S))")
# ●本报记者 张三 / □本报记者 张三 通讯员 李四
# (the names may close with the writer's mark '撰文', a line-wrap space inside or before it: '本报记者某甲撰 文')
# or '文/图' ('本报记者 某甲 文/图', review27a)
WRITER_MARK = r"(?:[ \u3000]*撰[ \u3000]?文|[ \u3000]+(?:文[/／]图|图[/／]文))"
# (role groups may be set apart by a bullet as by spaces: '记者 某甲 ● 通讯员 某乙', review26a)
BYLINE = re.compile(rf"^[{BULLETS}]?[ \u3000]*(?P<by>{_OUTLET}?(?:{_ROLE})[ \u3000]*{_NAMES}"
                    rf"(?:[ \u3000]*[{BULLETS}]?[ \u3000]*{_OUTLET}?(?:{_ROLE})[ \u3000]*{_NAMES})*)(?:{WRITER_MARK})?"
                    rf"[ \u3000]*$")
# '新华社记者某甲某本报记者某乙某', '本报记者某甲某某乙某某丙': role groups and names printed with no space
# between them; the runs are split into names by `split_glued` (a run that does not split is no byline)
GLUED_BYLINE = re.compile(rf"^[{BULLETS}]?[ \u3000]*(?P<by>(?:{_OUTLET}?(?:{_ROLE})\p{{Han}}{{2,12}}?)+)$")
# ■本报记者 张三 摄 / 本报记者 张三 李四 摄 / 新华社记者 王五 摄 / （新华社记者王五摄）
# (a wire photo's credit names the agency that sent it first, '（新华社发 某甲 摄）', and a slash may stand before 摄,
# '某甲/摄'; review28a)
_SENT_BY = rf"(?:(?:{_AGENCY}|\p{{Han}}{{1,4}}社)发[ \u3000]*)"
CREDIT = re.compile(rf"(?P<credit>[{BULLETS}]?[ \u3000]*[(（]?[ \u3000]*{_SENT_BY}?(?:{_ROLE})?[ \u3000]*{_NAMES}"
                    rf"[ \u3000]*[/／]?[ \u3000]*摄(?:影)?[ \u3000]*[)）]?)[ \u3000]*$")
# A page's one line for all its photos or texts: '（本版图片均由某某提供）', '本版稿件由某某供稿' (review28a: the last
# paragraph of the article above it)
PAGE_CREDIT = re.compile(r"[(（]?本版\p{Han}{0,4}?(?:均|皆)?由\p{Han}{2,20}(?:提供|供稿|供图)[)）]?")
# the parts of a credit `names_in` drops before reading names: the sending agency before the photographer's name
# and a slash before 摄
_SENT_BY_CREDIT = re.compile(rf"{_SENT_BY}(?=\p{{Han}}{{2,4}}[ \u3000]*[/／]?[ \u3000]*摄)|[ \u3000]*[/／][ \u3000]*(?=摄)")
# A photo supplied by its owner or a picture agency names no photographer: '（图片由某村提供）', '（某某图库供图）', and
# on a line of its own '图片由某某提供' (review28a: such captions stayed body text, such lines went to noise). A page's
# own line for all its photos ('本版图片均由…提供') is furniture (`FURNITURE`), not one photo's credit.
SUPPLIED = re.compile(r"(?P<credit>[(（][ \u3000]*(?:(?:图片|照片)由\p{Han}{2,16}提供|\p{Han}{2,12}供图)[ \u3000]*[)）]"
                      r"|(?<![^ \u3000])(?:图片|照片)由\p{Han}{2,16}提供)[ \u3000]*$")
# (a credit is short: the patterns above are asked of a line's last CREDIT_SPAN characters only, where a
# letter-spaced line of any length would have been read in as many ways as it has characters, review26a)
CREDIT_SPAN = 64
BARE_CREDIT = re.compile(rf"(?:^|(?<=[ \u3000。！？”]))[ \u3000]*(?P<credit>{NAME}(?:[ \u3000]+{NAME})*(?:[ \u3000]+|[ \u3000]*[/／][ \u3000]*)摄)"
                         rf"[ \u3000]*$")
# (张三 李四 王五) closing an article
# (one flat run of names, each after an optional role word: runs of names nested in runs of roles parsed a
# letter-spaced line ('（市 里 今 天 …') in as many ways as it has characters, cubic work on a line that fails at its
# end; review25a)
# The editors' role words (longest first): an editor is page furniture, never an author of the article.
EDITOR_ROLES = ("责任编辑", "本版编辑", "美术编辑", "图片编辑", "版式设计", "责编", "版式", "校对", "监制", "编辑")
_EDITOR = "|".join(EDITOR_ROLES)
_EDITOR_SPACED = "|".join(EDITOR_ROLES[:5])  # (set off by a space alone: the roles no sentence opens with)
# (an editor's role may take a colon, '（记者 某甲 编辑：某乙）', and an editor's bracket may follow the reporter's,
# '（记者 某甲）（编辑 某乙）'; review27a)
END_BYLINE = re.compile(rf"^[{BY_OPEN}][ \u3000]*(?P<by>(?:(?:{_ROLE})[ \u3000]*)?{NAME}"
                        rf"(?:(?:[ \u3000、，,]+|(?<={_EDITOR})[ \u3000]*[：:])(?:(?:{_ROLE})[ \u3000]*)?{NAME})*)"
                        rf"(?:[ \u3000]*[)）][ \u3000]*[(（][ \u3000]*(?:{_EDITOR})[ \u3000]*[：:/／]?[ \u3000]*{_NAMES})?"
                        rf"[ \u3000]*[)）]$")
# (张三李四王五) closing an article, the names printed with no separator: too long for END_BYLINE's names,
# a byline only if `split_glued` cuts the run into names; one character of it may stand apart (a stray space
# printed inside a name: '（某甲某某乙某丙 某）')
GLUED_END_BYLINE = re.compile(rf"^[{BY_OPEN}][ \u3000]*(?P<by>\p{{Han}}{{6,11}}[ \u3000]\p{{Han}}|\p{{Han}}[ \u3000]\p{{Han}}{{6,12}}|\p{{Han}}{{7,12}})[ \u3000]*[)）]$")
# (上接第1版) / （下转第2版）, at the start or the end of a line; in 【】 too, with People's Daily's '紧接' and a
# metropolitan paper's lettered page ('（转A3版）'); printed bare ('下转第二版', '上接1版') only as a line of its own
# (review28a: bare lines were glued into the cut sentence or read as the continued item's headline)
_JUMP_PAGE = r"(?:第)?(?P<page>[A-Za-zＡ-Ｚ]?[0-9０-９一二三四五六七八九十]{1,3})版"
JUMP = re.compile(rf"^(?:[(（【][ \u3000]*(?P<dir>上接|下转|紧接|接|转){_JUMP_PAGE}[ \u3000]*[)）】]"
                  rf"|(?P<dir>上接|下转|紧接|转){_JUMP_PAGE}[ \u3000]*$)")
JUMP_END = re.compile(rf"[(（【][ \u3000]*(?P<dir>下转|转){_JUMP_PAGE}[ \u3000]*[)）】]$")
JUMP_FROM = frozenset({"上接", "紧接", "接"})  # the directions of a jump line over the text it continues
# Page furniture: editor lines and page-header dates ('责任编辑：某某', '2024年5月10日 星期五'); an editor's role
# set off from the names by a space only ('责任编辑 某某', review24a: read as the next article's kicker)
# a full date and a weekday as page headers and notices print them ('2024年5月10日', '星期五')
_FULL_DATE = r"[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
# the date a notice or letter was issued, in figures or in numerals ('二〇二四年六月一日', review27a), alone on its
# line or after the issuer's name ('某某公司 2024年6月1日')
_HAN_FULL_DATE = r"[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
# a full date in figures or in numerals, as a pattern to build others from ('1998年1月1日', '一九九八年一月一日')
FULL_DATE = rf"(?:{_FULL_DATE}|{_HAN_FULL_DATE})"
ISSUED_DATE = re.compile(rf"(?:\p{{Han}}{{2,20}}[ \u3000]+)?{FULL_DATE}")
FURNITURE = re.compile(
    rf"^(?:(?:{_EDITOR})[ \u3000]*[：:]"
    rf"|(?:{_EDITOR_SPACED})[ \u3000]+{_NAMES}[ \u3000]*$"
    rf"|[(（][ \u3000]*(?:{_EDITOR})[ \u3000]*[：:/／]?[ \u3000]*{_NAMES}"
    rf"(?:[ \u3000]+(?:{_EDITOR})[ \u3000]*[：:/／]?[ \u3000]*{_NAMES})*[ \u3000]*[)）]$"
    rf"|{_FULL_DATE}[ \u3000]*{_WEEKDAY}$)")
_FURNITURE_FIRST = frozenset("责本美图版校监编(（0123456789０１２３４５６７８９")  # what `FURNITURE` can open with
# A page's header: a paper's name, the date with its weekday and the page number ('某某日报 2024年5月10日 星期五 第3版';
# review26a: an untitled article); the date and weekday alone are FURNITURE's
# (review27a: the page number in numerals and the page's name after it, '第三版', '第3版 教育'; the paper's name
# ends in 报, so '活动时间 2024年5月10日 星期五' inside a notice is no header)
PAGE_HEADER = re.compile(rf"^(?:\p{{Han}}{{1,9}}报[ \u3000]+)?{_FULL_DATE}[ \u3000]*{_WEEKDAY}"
                         r"(?:[ \u3000]*第?[0-9０-９一二三四五六七八九十]{1,3}版(?:[ \u3000]+\p{Han}{2,8})?)?$")
# a line of a date and its weekday alone ('2024年5月10日 星期五', '2024.5.10 周五'): a page header's date, or, twice
# or more between the paragraphs of one article, a diary's entries (`segment.roles.dated_entries`)
_ANY_DATE = rf"{_FULL_DATE}|[0-9]{{4}}[.．/][0-9]{{1,2}}[.．/][0-9]{{1,2}}"  # a full date, or one printed with dots
DATE_WEEKDAY_LINE = re.compile(rf"(?:{_ANY_DATE})[ \u3000]*{_WEEKDAY}")
# Other papers print the same parts in other orders and forms (review28a): the page first ('第2版 要闻 2024年5月10日
# 星期五'), a lettered page ('A2'), the page's editors after the date, a dotted date ('2024.5.10'). `page_header` reads
# a line as the spaced run of such parts: a date, with a weekday or a page number, and nothing else but a paper's
# name (ending 报), a page name, editors with their names. A page name (any short Han run) only beside a page
# number or an editor: '活动时间 2024年5月10日 星期五' inside a notice stays text (review27a).
_HEADER_DATE = re.compile(_ANY_DATE)
_HEADER_PAGE = re.compile(r"第?[0-9０-９一二三四五六七八九十]{1,3}版|[A-HＡ-Ｈ][0-9０-９]{1,2}")
_HEADER_EDITOR = re.compile(rf"(?:{_EDITOR})(?:[ \u3000]*[：:][ \u3000]*{NAME})?")
_HEADER_WORD = re.compile(r"\p{Han}{2,8}")


_HEADER_COLON = re.compile(r"[ \u3000]*[：:][ \u3000]*")  # a colon with the spaces around it (compiled once: the
# module's `sub` looks the pattern up in its cache at every call)


def page_header(text: str) -> bool:
    """Whether `text` is a page header in any order of its parts (see above)."""
    parts = _HEADER_COLON.sub("：", text.strip()).split()  # ('责任编辑： 某甲' -> one part)
    if not 2 <= len(parts) <= 9:
        return False
    kinds: list[str] = []
    for p in parts:
        if _HEADER_DATE.fullmatch(p):
            kinds.append("date")
        elif stdre.fullmatch(_WEEKDAY, p):
            kinds.append("weekday")
        elif _HEADER_PAGE.fullmatch(p):
            kinds.append("page")
        elif _HEADER_EDITOR.fullmatch(p):
            kinds.append("editor" if "：" in p else "role")  # (a role set off by a space: names follow)
        elif _HEADER_WORD.fullmatch(p):
            kinds.append("name" if kinds[-1:] in (["role"], ["name"]) else "word")
        else:
            return False
    if "date" not in kinds or not ("weekday" in kinds or "page" in kinds):
        return False
    # page names and papers' names: at most two, and only beside a page number or an editor ('活动时间' + date)
    words = kinds.count("word")
    return words == 0 or (words <= 2 and any(k in kinds for k in ("page", "editor", "role")))


# an editor's role word and the names after it inside a byline ('（记者 某甲 编辑 某乙）'): no author's names
_EDITOR_LAST = frozenset(w[-1] for w in EDITOR_ROLES)  # (a byline holding none of these holds no editor's role)
_EDITOR_GROUP = re.compile(rf"(?:{_EDITOR})[ \u3000]*[：:]?[ \u3000]*{NAME}(?:[、，,][ \u3000]*{NAME})*")
# '本报评论员', '●本报记者': a role word standing alone, no name after it
ROLE_ONLY = re.compile(rf"[{BULLETS}]?[ \u3000]*(?:{_ROLE})")
_ROLE_SPLIT = re.compile(rf"{_OUTLET}?(?:{_ROLE})")
_SEPARATORS = re.compile(rf"[{BULLETS}{BY_OPEN}、，,)）]")
_CREDIT_END = re.compile(rf"(?:摄(?:影)?(?:报道)?|撰[ \u3000]?文)(?=[\s{BULLETS}{BY_OPEN}、，,)）]*$)")  # (before separators and a closing bracket too)
_NAME_RE = re.compile(NAME)
_DATE_RE = re.compile(_DATE)


GLUED_MIN = 5  # a run of this many characters or more may be names printed with no separator
# surnames a glued run's pieces may open with: wider than the glyph stage's 250 (樊, 桂 and 岳 rank 300-400
# in jieba's names), as every piece of the run must open with one and the pieces must tile the run exactly
SPLIT_SURNAMES = 400
_PIECE = (2, 3)  # the lengths of the names a glued run is split into


NOTE_FREQ = 30  # jieba frequency from which a two-character word may be a note printed after names


def note_after_names(run: str) -> bool:
    """'（某甲某某乙某供稿）': names and a note word printed as one run, a credit note, not a byline. The
    run ends in a two-character dictionary word that is no name (not tagged 'nr', jieba frequency at least
    `NOTE_FREQ`) and ends no dictionary name ('供稿', '整理' do; '建国' ends 王建国 and many more), and what
    comes before it cuts into surname-led names (`_cuts`). On the tuning splits' 342 three-character gold
    byline names none ends in such a word."""
    return len(run) >= 4 and run[-2:] in _note_words() and bool(_cuts(run[:-2]))


@lru_cache(maxsize=1)
def _note_words() -> frozenset[str]:
    from .lm import jieba_entries, person_names

    endings = {n[1:] for n in person_names()}
    return frozenset(w for w, f, tag in jieba_entries()
                     if len(w) == 2 and not tag.startswith("nr") and int(f) >= NOTE_FREQ and w not in endings)


@lru_cache(maxsize=4096)
def _note_run(run: str) -> bool:
    """A note word (`_note_words`), or a run of up to six characters the dictionary cuts into note words and words of
    three or more characters only ('未完待续', '综合报道': review30a; a name is made of no such pieces, and `_cuts`
    keeps one that opens with a surname; a one-character piece is no evidence: '建达' is a pen name of two verbs)."""
    if run in _note_words():
        return True
    if not 2 <= len(run) <= 6 or not _HAN_RUN.fullmatch(run):
        return False
    from .lm import load_lm
    from .stages.segment.words import word_tags  # (the program's one table of jieba's tags; at call time: no cycle)

    tags = word_tags()
    for w in load_lm(None).segment(run):
        tag = tags.get(w, "")
        if not (w in _note_words() or len(w) >= 3 and tag and not tag.startswith("nr")):
            return False
    return True


# A run that ends like an organisation's name ('某某大学', '某某研究所') is the writer's unit, not a name: its
# last two characters end at least UNIT_MIN of jieba's organisation names ('nt') and UNIT_RATIO times as many
# as its person names ('nr'): 大学 ends 345 organisations and 3 names, 公司 232 and 7, 政府 166 and none;
# 文学 (11 and 8) is no unit ending (review16b: '作者：某某大学 林一' gave the unit as a name).
UNIT_MIN = 10
UNIT_RATIO = 10


def unit_name(run: str) -> bool:
    """Is this run of four or more characters the name of a unit ('某某大学'), by how it ends (`UNIT_MIN`)?"""
    return len(run) >= 4 and run[-2:] in _unit_endings()


@lru_cache(maxsize=1)
def _unit_endings() -> frozenset[str]:
    from .lm import jieba_entries

    units: dict[str, int] = {}
    names: dict[str, int] = {}
    for w, _, tag in jieba_entries():
        if len(w) >= 4 and tag == "nt":
            units[w[-2:]] = units.get(w[-2:], 0) + 1
        elif len(w) >= 2 and tag == "nr":
            names[w[-2:]] = names.get(w[-2:], 0) + 1
    return frozenset(e for e, k in units.items() if k >= UNIT_MIN and k >= UNIT_RATIO * names.get(e, 0))


def split_glued(run: str) -> list[str] | None:
    """'某甲某某乙某' -> ['某甲某', '某乙某']: a run of names printed with no separator, cut into pieces of 2
    or 3 characters that each open with a common surname (`lm.surnames`, learned from jieba's 'nr' names).
    Among the cuts, the one whose pieces are dictionary names (`lm.person_names`) and most look like names
    (`name_shape`: each character where names put it) wins.
    None when no cut fits, or when the best cut reads as words: two or more common words of the dictionary
    (not names) lie across its cuts or make a whole piece ('国务院|新闻办|公室今|天发布' is a sentence)."""
    names = _person_name_set()
    run = run.replace(" ", "").replace("\u3000", "")  # (a stray space inside a name: '某甲某某乙 某')
    if not run or len(run) > 12 or note_after_names(run):
        return None
    found = [(sum((2.0 if p in names else 0.0) + name_shape(p) for p in pieces), pieces) for pieces in _cuts(run)]
    if not found:
        return None
    found.sort(key=lambda t: -t[0])
    if len(found) > 1 and found[0][0] == found[1][0]:
        return None
    best = found[0][1]
    return None if len(words_across(run, best)) >= 2 else best


def _cuts(run: str) -> list[list[str]]:
    """Every cut of `run` into pieces of 2 or 3 characters that each open with a surname of `SPLIT_SURNAMES`."""
    known = _split_surnames()
    found: list[list[str]] = []

    def walk(i: int, pieces: list[str]) -> None:
        if i == len(run):
            found.append(list(pieces))
            return
        for k in _PIECE:
            piece = run[i:i + k]
            if len(piece) == k and piece[0] in known:
                pieces.append(piece)
                walk(i + k, pieces)
                pieces.pop()

    walk(0, [])
    return found


def glued_names(run: str) -> bool:
    """Whether `run` is names printed with no separator, by the shape `split_glued` cuts (pieces of 2 or 3
    characters, each opening with a common surname), whether or not `split_glued` trusts a cut of it: a run
    of four characters or more that some such cut tiles exactly ('某甲某某乙某'); a single long name
    (乌云其其格) is tiled by none. The one glued-names shape of the package (segment asks it of a closing
    line's leftover runs)."""
    return len(run) >= 4 and bool(_cuts(run)) if len(run) <= 12 else False


def surname_led(line: str) -> bool:
    """Whether every run of a bare line of names ('某甲某 某乙', no role word) opens with a common surname
    (`SPLIT_SURNAMES`, the surnames every piece of a glued run must open with): OCR debris of two- and
    three-character scraps under a title ('者某 入某') has the shape of such a line, not its surnames (on the
    tuning splits 2 of 2 such lines are debris, the gold's noise)."""
    known = _split_surnames()
    return all(run[0] in known for run in line.split())


def words_across(run: str, pieces: list[str]) -> list[str]:
    """The common dictionary words (not names) of `run` that cross a cut between `pieces` or are a piece."""
    words = _common_words()
    cuts, k = set(), 0
    for piece in pieces[:-1]:
        k += len(piece)
        cuts.add(k)
    return [run[i:i + n] for n in (2, 3) for i in range(len(run) - n + 1)
            if run[i:i + n] in words and (any(i < c < i + n for c in cuts) or run[i:i + n] in pieces)]


COMMON_WORD = 50  # jieba frequency from which a word counts as common


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from .lm import jieba_entries

    return frozenset(w for w, f, tag in jieba_entries()
                     if 2 <= len(w) <= 3 and not tag.startswith("nr") and int(f) >= COMMON_WORD)


def name_shape(piece: str) -> float:
    """How much `piece` looks like a personal name, by where jieba's three-character 'nr' names put each of
    its characters (log share of names opening with its first, having its middle, ending with its last; a
    two-character name is an opening and an ending) and how often names have its length."""
    opening, middle, ending = _positions()
    parts = [opening, *([middle] * (len(piece) - 2)), ending]
    return sum(math.log((table.get(c, 0) + 0.5) / table[""]) for c, table in zip(piece, parts)) \
        + (0.0 if len(piece) == 3 else TWO_CHARACTER_PENALTY)


TWO_CHARACTER_PENALTY = -1.0  # two-character names are the rarer kind (about a third in the press)


@lru_cache(maxsize=1)
def _positions() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Per position of a dictionary name (first, middle, last): character -> names, '' -> all names."""
    tables: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({"": 0}, {"": 0}, {"": 0})
    for n in _person_name_set():
        for c, table in zip(n, tables):
            table[c] = table.get(c, 0) + 1
            table[""] += 1
    return tables


def pair_glued(run: str) -> bool:
    """A four-character run that is two two-character names ('某甲某乙'), trusted only beside other names of
    the same byline: both halves open with one of the commonest surnames, and the first two characters are
    no compound surname (`compound_surnames`: 欧阳, 司马 open a large share of the names their first
    character opens)."""
    from .lm import surnames

    known = surnames()
    return run[0] in known and run[2] in known and run[:2] not in compound_surnames()


COMPOUND_SHARE = 0.15  # a head opening this share of the dictionary names its first character opens ...
COMPOUND_MIN = 3  # ... and at least this many of them, is a compound surname


@lru_cache(maxsize=1)
def compound_surnames() -> frozenset[str]:
    """Two-character heads that are surnames of their own, by a statistic of jieba's three-character 'nr'
    names: a head that opens at least `COMPOUND_SHARE` of the names opening with its first character (欧阳
    among the 欧 names, 司马 among the 司 names), where an ordinary head (a surname and the first character
    of a given name) opens a small share of them. About 150 heads, against the 37,500 heads of all
    dictionary names (some are famous given names, which only keeps such a pair unsplit)."""
    heads: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for n in _person_name_set():
        heads[n[:2]] = heads.get(n[:2], 0) + 1
        firsts[n[0]] = firsts.get(n[0], 0) + 1
    return frozenset(h for h, k in heads.items() if k >= COMPOUND_MIN and k >= COMPOUND_SHARE * firsts[h[0]])


@lru_cache(maxsize=1)
def _split_surnames() -> frozenset[str]:
    # (cached here: `lm.surnames` caches one size only, the glyph stage's 250, and asking it for 400 as well
    # would rebuild both sets on every call)
    from .lm import surnames

    return surnames(SPLIT_SURNAMES)


@lru_cache(maxsize=1)
def _person_name_set() -> frozenset[str]:
    from .lm import person_names

    return frozenset(person_names())


_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def _tokens(text: str) -> list[str]:
    """The runs of a byline fragment (role words already blanked), separators dropped, and a lone character
    set off by a stray space inside a name put back into it: within the same separator group, joined to a
    run of one or two characters after it ('某乙、符 某某' -> 符某某, '王 某' -> 王某), else to a glued run of
    names before it, which `split_glued` must then cut ('某甲某某乙某丙 某'). Any other lone character stays
    alone, no name ('某某 摄' is a credit, not the name 某某摄)."""
    runs = _SEPARATORS.sub(" ", text).split()
    if all(len(r) > 1 for r in runs):
        return runs
    out: list[str] = []
    for group in _SEPARATORS.split(text):
        parts = group.split()
        i = 0
        while i < len(parts):
            r = parts[i]
            if len(r) == 1 and _HAN_RUN.fullmatch(r):
                if i + 1 < len(parts) and len(parts[i + 1]) <= 2 and _HAN_RUN.fullmatch(parts[i + 1]):
                    parts[i + 1] = r + parts[i + 1]
                    i += 1
                    continue
                if i and len(out[-1]) >= GLUED_MIN and _HAN_RUN.fullmatch(out[-1]):
                    out[-1] += r
                    i += 1
                    continue
            out.append(r)
            i += 1
    return out


# A run glued to the paper's name with no reporter's role word anywhere on the line: one of the paper's desks
# signing a notice ('本报副刊部'), when the run is made of words (`_desk_words`). A reporter is printed with the
# role word between ('本报记者某甲'); an OCR-damaged one ('本报者某甲', 记 lost) leaves a run that opens with a
# single character and holds a name, which `_desk_words` refuses.
_PAPER_DESK = re.compile(rf"本报([{HAN_CLASS}]{{2,}})")


def _desk_words(run: str) -> bool:
    """Is the run a desk's name: the dictionary cuts it into words that open with one of two characters or more
    and tags none a person's name ('副刊|部', '编辑部'; not '者|某甲某', '张|明')?"""
    from .lm import load_lm
    from .stages.segment.words import word_tags  # (at call time: no import cycle)

    words, tags = load_lm(None).segment(run), word_tags()
    return len(words[0]) >= 2 and not any(tags.get(w, "").startswith("nr") for w in words)


def desk_signature(line: str) -> bool:
    """Is the line one of the paper's desks signing alone ('本报副刊部')? The signature is the issuer's, kept
    as the notice's last line as another unit's is ('市自来水公司'), and names no person."""
    m = _PAPER_DESK.fullmatch(line.strip().strip("（）()"))
    return m is not None and not names_in(line)


def names_in(by: str) -> list[str]:
    """The person names in a byline fragment: role words, bullets and separators dropped; a run of
    `GLUED_MIN` characters or more that `split_glued` cuts into names gives those names, and so does a
    run of four characters that `pair_glued` cuts when other names or the role word stand right beside
    it ('本报记者某甲某乙'). Line-wrap spaces are put right first (`unwrap`). With no role word, a run that
    is a credit note (`credit_note`) makes the fragment no byline at all."""
    if "供" in by and SUPPLIED.fullmatch(by.strip()):
        return []  # a photo supplied by its owner or a picture agency names no person
    by = unwrap(classic_form(by))
    if "摄" in by and ("发" in by or "/" in by or "／" in by):
        by = _SENT_BY_CREDIT.sub(" ", by)  # '（新华社发 某甲 摄）', '某甲/摄': the agency and the slash are no name
    if not _EDITOR_LAST.isdisjoint(by):
        by = _EDITOR_GROUP.sub(" ", by)  # an editor is no author ('（记者 某甲 编辑 某乙）', review26a)
    text = _ROLE_SPLIT.sub(" ", by)
    role = text != by
    person = _reporter(by)
    marked = False  # a writer's credit mark before the next credit: the run before it is a name, no note
    if ("文" in text or "图" in text) and (" " in text or "\u3000" in text):
        text, marks = _LONE_CREDIT.subn(" ", text)
        marked = marks > 0
    text = _CREDIT_END.sub(" ", text)
    out: list[str] = []
    runs = _tokens(text)
    desk = None if person else _PAPER_DESK.search(by)
    for k, n in enumerate(runs):
        if desk is not None and n == desk.group(1) and _desk_words(n):
            continue  # the paper's own desk signs ('本报副刊部', '本报编辑部'): a unit, no person (review30a)
        if (k == len(runs) - 1 and k > 0 or not person) and _note_run(n) and not _cuts(n):
            # a note word is no name: a common word that no surname opens (a name that is also a word, '高峰',
            # opens with one and stays a name), closing the line after names ('（某某大学 供稿）', '某甲 整理'), or
            # with no reporter's role word before it ('（待续）', '（转载）', '（本报综合）': a serial's or a digest's
            # closing note, review29a; '本报记者 某某' with a word for a name stays as printed)
            if k == len(runs) - 1 and k > 0 and not role:
                return []  # with no role word the line is a credit note, as '某甲某供稿' glued is (review17b)
            continue
        if (not _NAME_RE.fullmatch(n) and not _HAN_RUN.fullmatch(n)) or unit_name(n):
            continue  # (a unit, '某某大学', is no name and no credit note either)
        if note_after_names(n) or (not role and not marked and credit_note(n)):
            return []  # a credit note ('某甲某供稿', '某某社发 某某社照片', '某某摘'): no byline at all
        if role:
            n = _past_role_remnant(n)
        parts = split_glued(n) if (len(n) >= GLUED_MIN and not _spaced_name(by, n)) \
            or (len(n) == 4 and pair_glued(n) and (len(runs) > 1 or _glued_to_role(by, n))) else None
        if parts:
            out += parts
        elif _NAME_RE.fullmatch(n) and not (person and reads_as_words(n)):
            out.append(n)
    return out


# Pairs of characters that stand side by side inside a role word ('记者', '华社', '社记'): a space between
# such a pair may be a line-wrap space inside the role word ('记 者', '新华 社记者').
_ROLE_PAIRS = frozenset(w[i:i + 2] for w in ROLE_WORDS for i in range(len(w) - 1))
# A role word with a name glued to it ('记者某甲'); '本报' alone opens datelines ('本报讯'), not names.
_GLUED_ROLE = stdre.compile(rf"(?>{'|'.join(w for w in ROLE_WORDS if w != '本报')})[{HAN_CLASS}]")
_ROLE_STD = stdre.compile(_ROLE)  # (the standard library's engine: cheaper for a plain alternation)
# a space that sets one Han character apart from the Han run beside it
_LONE_GAP = re.compile(r"(?<=(?<!\p{Han})\p{Han})[ \u3000]+(?=\p{Han})|(?<=\p{Han})[ \u3000]+(?=\p{Han}(?!\p{Han}))")


# A credit mark ('文' text by, '图' picture by) set apart by a space after a name and followed by '/' or by the
# next name and its credit ('记者某甲 文 某乙 摄', '某甲 文/图'): the printer's spaces around it are no line
# wrap, and gluing it would make a name of the mark ('某甲文').
# Only where it cannot be a wrapped name's last character: before '/' or before the next name and its credit
# ('记者某甲 文' alone may be 某甲文 wrapped, and stays so). A '/' after the mark goes with it: it separates the
# writer's credit from the next name ('记者某甲 文/某乙 摄' names 某乙 too; left in place it glued to that name,
# which then read as no name and was dropped); so does the second mark of '文/图' (review15b: '图' glued to the
# photographer's name, '图李某').
# The writer's mark '撰文' so placed is one too, set apart or glued to the name before it ('某甲 撰文 某乙 摄',
# '某甲撰文 某乙 摄'): no name ends in it (review12: it was read as a third name). Printed '撰 文', glued to the
# name or not, it is the same mark wrapped ('某甲撰 文 某乙 摄' names 某甲, as '某甲撰 文' at a line's end does,
# `_CREDIT_END`): 撰 ends none of the 60,456 names of jieba's dictionary (`_positions`), so the '撰' glued
# before the space is no name's last character (review13 had read it as one, and the two forms disagreed).
_LONE_CREDIT = re.compile(r"(?:(?<=[ \u3000])[文图]|撰[ \u3000]?文)"
                          r"(?:[/／](?:[文图](?=[ \u3000]))?|(?=[ \u3000]+[^ \u3000].*[摄图][ \u3000]*[)）]?[ \u3000]*$))")


@lru_cache(maxsize=4096)
def unwrap(by: str) -> str:
    """A byline fragment with its line-wrap spaces taken out: a space inside a role word ('记 者某甲'), and,
    when a name is glued to its role word, a space that sets one character apart ('记者某甲、某某 乙',
    '解 放军报记者某甲'): a printer who glues names to the role spaces no name, and no name or outlet is
    one character long, so such a space is where a narrow column wrapped the line. Spaces between longer
    runs stay ('记者某甲 某乙': two names), and so do all spaces of a byline that spaces the name from its
    role ('本报记者 某甲 某乙'; `_tokens` judges its lone characters)."""
    if " " not in by and "\u3000" not in by:
        return by
    by = _mend_roles(by)
    if not _GLUED_ROLE.search(by):
        return by
    masked = _ROLE_ANY.sub(lambda m: "#" * len(m.group()), by)  # (a role word glued to a name is no run)
    if "文" in masked or "图" in masked:
        # ('某甲 文 某乙 摄': a credit mark set apart is no wrapped character; masked character for character, so
        # the gaps found in `masked` stand where they stand in `by`: a one-character mask of '撰文' shifted them and
        # cut a character out of the next name, '本报记者某甲撰文 李大伟 摄' -> 李伟)
        masked = _LONE_CREDIT.sub(lambda m: "#" * len(m.group()), masked)
    for m in reversed(list(_LONE_GAP.finditer(masked))):
        by = by[:m.start()] + by[m.end():]
    return by


def _mend_roles(by: str) -> str:
    """`by` with the spaces printed inside a role word taken out ('记 者某甲' -> '记者某甲'): a space between
    two characters that stand side by side in a role word, when the role word reads whole without it."""
    g = max(by.rfind(" "), by.rfind("\u3000"))
    while g > 0:  # (from the right: the offsets of the gaps still to look at stay put)
        if g + 1 < len(by) and by[g - 1] + by[g + 1] in _ROLE_PAIRS:
            mended = by[:g] + by[g + 1:]
            if any(m.start() < g < m.end() for m in _ROLE_STD.finditer(mended, max(0, g - 6), g + 6)):
                by = mended
        g = max(by.rfind(" ", 0, g), by.rfind("\u3000", 0, g))
    return by


def _glued_to_role(by: str, run: str) -> bool:
    """Whether `run` is printed right after a role word, with no space, and ends there."""
    i = by.find(run)
    end = i + len(run)
    return i > 0 and by[:i].endswith(ROLE_WORDS) and (end == len(by) or not _HAN_RUN.match(by, end))


NOTE_CHAR_FREQ = 500  # jieba frequency from which a one-character verb may be a note after a name ...
NOTE_CHAR_ENDS = 3  # ... when it ends at most this many of the dictionary's 60,000 three-character names


def credit_note(run: str) -> bool:
    """A run that is a credit or a note, not a name, when no role word stands before it: an agency's
    note ('新华社稿': an agency of `AGENCIES` with more glued to it), or a name of two characters and a
    one-character note verb ('某某摘', '某某作': a common verb of jieba's dictionary that ends at most
    `NOTE_CHAR_ENDS` dictionary names). A role word before it makes the run a name ('本报记者 某某摘' is
    printed so, and read so)."""
    return (run.startswith(AGENCIES) and run not in AGENCIES) or (len(run) == 3 and run[-1] in _note_chars()) \
        or (run[:1] == "据" and run[1:].startswith(AGENCIES))  # '（据新华社）': the source a brief is taken from


@lru_cache(maxsize=1)
def _note_chars() -> frozenset[str]:
    from .lm import jieba_entries

    endings = _positions()[2]
    return frozenset(w for w, f, tag in jieba_entries() if len(w) == 1 and tag.startswith("v")
                     and int(f) >= NOTE_CHAR_FREQ and endings.get(w, 0) <= NOTE_CHAR_ENDS)


def _past_role_remnant(run: str) -> str:
    """A run with the last character of a role word OCR left of it taken off ('本报者某某某': 记 dropped,
    者 glued to the name): a role word's character that opens no dictionary name, before a name of two or
    three characters."""
    if 3 <= len(run) <= 4 and run[0] in _ROLE_CHARS and run[0] not in _positions()[0]:
        return run[1:]
    return run


SPACED_NAME_MAX = 6  # a run this long or shorter set off by a space after a role word is one name


def _spaced_name(by: str, run: str) -> bool:
    """Whether `run` (of at most `SPACED_NAME_MAX` characters) is printed after a role word and a space and
    ends there ('本报记者 斯琴毕力格'): a printer who spaces the name from its role word spaces names from each
    other too, so such a run is one long name (Mongolian, Tibetan, Uyghur names run to five or six
    characters), not names glued together ('本报记者某甲某某乙某' is printed without the space)."""
    if len(run) > SPACED_NAME_MAX:
        return False
    # (the regex '(?:ROLE)[ \u3000]+RUN(?!Han)' compiled for each run cost more than the rest of names_in: the
    # same question is asked of each place the run stands, with string tests)
    at = by.find(run)
    while at >= 0:
        after = by[at + len(run):at + len(run) + 1]
        if at and by[at - 1] in _WRAP_SPACES and not (after and _HAN_CHAR.match(after)) \
                and by[:at].rstrip(_WRAP_SPACES).endswith(ROLE_WORDS):
            return True
        at = by.find(run, at + 1)
    return False


_WRAP_SPACES = " \u3000"
_HAN_CHAR = stdre.compile(f"[{HAN_CLASS}]")


def only_names(by: str) -> bool:
    """A byline fragment made of role words, names and separators only (no organisation, no date)."""
    plain = unwrap(by)
    runs = _tokens(_ROLE_SPLIT.sub(" ", plain))
    person = _reporter(plain)  # (after a reporter's role word a run is a person's name, not a phrase)
    return bool(runs) and all((_NAME_RE.fullmatch(t) and not (person and reads_as_words(t)))
                              or (len(t) >= GLUED_MIN and split_glued(t)) for t in runs)


def _reporter(by: str) -> bool:
    """Whether a byline fragment holds a reporter's role word, not the paper's name alone ('本报某某工作部')."""
    plain = by.replace("本报", " ")
    return _ROLE_SPLIT.sub(" ", plain) != plain


def reads_as_words(run: str) -> bool:
    """Whether a run of `GLUED_MIN` or more characters holds two common dictionary words (not names) that do not
    overlap: a phrase, not one long name ('从区政府获悉' after '记者' is a sentence cut short, not a person; a long
    name, '阿不都热合曼', holds none). `NAME` takes up to six characters for such names, and a run `split_glued`
    cannot cut fell back on it whole (a short line '记者从区政府获悉' became the byline '从区政府获悉'). Asked of runs
    after a reporter's role word only: with none, a run of words is a credit note or a desk's signature, which the
    byline paths read apart ('（新华社 发美联社照片）', '本报某某工作部')."""
    if len(run) < GLUED_MIN:
        return False
    words, i, found = _common_words(), 0, 0
    while i < len(run) - 1:
        n = 3 if run[i:i + 3] in words else 2 if run[i:i + 2] in words else 0
        if n:
            found += 1
            if found == 2:
                return True
            i += n
        else:
            i += 1
    return False


_ROLE_ANY = re.compile(_ROLE)
ROLE_WITHIN = 20  # a byline's first role word ends within its outlet (up to 12 characters) and the role (7)
GLUED_BYLINE_MAX = 40  # a byline line of role groups is short; longer lines skip the backtracking shape


# Modern papers and web reports print bylines in forms the classic patterns below do not read; `classic_form`
# rewrites them to the classic shape first (a role word, the names), for telling a byline line and for its names:
# a frame of 【】 round a role word, a space and names ('【记者 某甲】'; '【记者手记】' is a column head); a writer's
# lead with a slash or colon before a role word or bare names ('文/记者 某甲', '文/某甲', '文/图 某甲', '作者：某甲';
# not '图：', which opens photo titles), or '作者', '撰文' or '撰稿' and a space before bare names ('作者 某甲'); a
# closing '发自<place>' (in a bracket with no role word, the runs before the name are the outlet: '（某网体育 某甲
# 发自某地）') and a closing '(前方|现场)报道'; a post glued before 特派记者.
_FRAME = re.compile(rf"^[ \u3000]*【(?P<inner>{_OUTLET}?(?:{_ROLE})[ \u3000]+[^【】]{{2,36}})】[ \u3000]*$")
_WRITER_LEAD = re.compile(rf"^(?P<bullet>[{BULLETS}]?)[ \u3000]*(?:文[/／·・]图(?:[ \u3000]*[/／｜|：:])?"
                          r"|(?:文图|图文|撰文|撰稿|作者|文)[ \u3000]*[/／｜|：:])[ \u3000]*")
# A writer's word and a space before bare names ('作者 某甲', '撰文 某甲'), the colon left out: names only follow.
_WRITER_SPACED = re.compile(rf"^(?P<bullet>[{BULLETS}]?)[ \u3000]*(?:作者|撰文|撰稿)[ \u3000]+")
_BARE_NAMES = re.compile(r"\p{Han}{2,4}(?:[ \u3000、]+\p{Han}{2,4})*[ \u3000]*")
_FILED_FROM = re.compile(r"[ \u3000]+发自\p{Han}{1,8}(?=[ \u3000]*(?:[)）][ \u3000]*)?$)")
_BRACKETED = re.compile(r"^[ \u3000]*[(（](?P<runs>[^()（）]+)[)）][ \u3000]*$")
_REPORT_END = re.compile(r"(?:(?<=\p{Han})[ \u3000]+(?:前方|现场)?|(?<=摄影))报道(?=[ \u3000]*(?:[)）][ \u3000]*)?$)")
_POST_BEFORE_ROLE = re.compile(r"(?<![^ \u3000(（])\p{Han}{1,6}?(?=特派记者)")
# a reporter's post abroad or in a region before the role word ('本报驻东京记者', '新华社驻某地特约记者', review27a)
_POST_ZHU = re.compile(r"(?<=^[ \u3000]*|[ \u3000(（]|本报|新华社|中新社)驻\p{Han}{1,6}?(?=(?:特约|特派|首席)?记者)")


# A line of writer and photographer groups, each a name with its mark before or after it, set off by a slash or a
# colon ('文/某甲 图/某乙', '某甲/文 某乙/图', '撰文：某甲 摄影：某乙') or, after the name, by a space ('某甲 文 某乙 图'),
# a role word may open it ('本报记者 某甲/文 某乙/图'); review28a: such lines went to noise or into the first paragraph.
_MARK = r"(?:撰文|撰稿|文字|摄影|图片|文|图|摄)"
_GROUP = (rf"(?:{_MARK}[ \u3000]*[/／：:][ \u3000]*\p{{Han}}{{2,4}}"
          rf"|\p{{Han}}{{2,4}}(?<!撰)(?:[ \u3000]*[/／][ \u3000]*|[ \u3000]+){_MARK}(?![\p{{Han}}]))")
_CREDIT_GROUPS = re.compile(rf"^(?P<bullet>[{BULLETS}]?)[ \u3000]*(?P<role>(?:{_ROLE})[ \u3000]*)?"
                            rf"(?P<groups>{_GROUP}(?:[ \u3000]+{_GROUP})*)[ \u3000]*$")
_WRITER_MARK = re.compile(rf"(?:撰文|撰稿|文字|(?<!\p{{Han}})文)(?!\p{{Han}})")
_GROUP_NAME = re.compile(rf"{_MARK}[ \u3000]*[/／：:][ \u3000]*(?P<a>\p{{Han}}{{2,4}})|(?P<b>\p{{Han}}{{2,4}})(?=[ \u3000]*[/／]?[ \u3000]*{_MARK}(?![\p{{Han}}]))")


def _credit_groups(text: str) -> str | None:
    """'文/某甲 图/某乙' -> '记者 某甲 某乙': a line of two or more writer and photographer groups (one is enough with a
    slash or colon: '某甲 文' alone may be a name ending in 文 that a wrap space cut), one with a writer's mark, in
    the classic shape; None when the line is not one."""
    m = _CREDIT_GROUPS.match(text)
    if m is None:
        return None
    groups = m.group("groups")
    names = [g.group("a") or g.group("b") for g in _GROUP_NAME.finditer(groups)]
    marked = any(c in groups for c in "/／：:")
    if not names or (len(names) < 2 and not marked) or not _WRITER_MARK.search(groups):
        return None  # (with no writer's mark the line credits pictures only: '本报记者 某甲 摄' is a photo credit)
    if any(n in _common_words() and n[0] not in _split_surnames() for n in names):
        return None  # a common word, no name ('图片 说明')
    return m.group("bullet") + "记者 " + " ".join(names)


def classic_form(text: str) -> str:
    """`text` with a modern byline form rewritten to the classic shape (see above); other text unchanged.
    (Called on every line by `is_byline`: each form is looked for only where a cheap test finds its mark.)"""
    if len(text) <= 40 and any(c in text for c in "文图摄") and (
            any(c in text for c in "/／：:") or " 文" in text or " 图" in text):
        got = _credit_groups(text.strip())
        if got is not None:
            return got
    head = text.lstrip(" \u3000")[:7]
    if head[:1] == "【":
        m = _FRAME.match(text)
        if m:
            text = m.group("inner")
            head = text.lstrip(" \u3000")[:7]
    if any(c in head for c in "/／｜|：:"):
        m = _WRITER_LEAD.match(text)
        if m:
            rest = text[m.end():]
            if _ROLE_ANY.match(rest):
                text = m.group("bullet") + rest
            elif _BARE_NAMES.fullmatch(rest):  # '文/某甲': names only (a photo title after '图：' is none)
                text = m.group("bullet") + "记者 " + rest
    elif "作者" in head or "撰" in head:
        m = _WRITER_SPACED.match(text)
        if m and _BARE_NAMES.fullmatch(text[m.end():]) and not _word_not_name(text[m.end():]):
            # '作者 某甲': names only, as after '作者：' (not '撰稿 要求': a common word no surname opens, review27a)
            text = m.group("bullet") + "记者 " + text[m.end():]
    if "发自" in text:
        new = _FILED_FROM.sub("", text)
        m = _BRACKETED.match(new) if new != text else None
        if m and not _ROLE_ANY.search(m.group("runs")) and len(m.group("runs").split()) >= 2:
            new = "（" + m.group("runs").split()[-1] + "）"  # '（某网体育 某甲 发自某地）': the runs before are the outlet
        text = new
    if text.rstrip(" \u3000)）").endswith("报道"):
        text = _REPORT_END.sub("", text)
    if "驻" in text:
        text = _POST_ZHU.sub("", text)
    return _POST_BEFORE_ROLE.sub("", text) if "特派记者" in text else text


def _word_not_name(run: str) -> bool:
    """Whether a piece of a bare run is a common dictionary word that opens with no common surname ('要求',
    '须知'): no name ('高峰' opens with a surname and stays one)."""
    words, known = _common_words(), _split_surnames()
    return any(p in words and p[0] not in known for p in run.replace("、", " ").split())


def is_byline(text: str) -> bool:
    text = classic_form(text)
    if not _ROLE_ANY.search(text.strip().lstrip(BULLETS + " \u3000"), 0, ROLE_WITHIN):
        return False  # (both shapes open with a role word: most lines leave here, before the outlet patterns)
    m = BYLINE.match(text.strip())
    if m and any(r in m.group("by") for r in ROLE_WORDS) and names_in(m.group("by")):
        return True
    t = text.strip()
    m = GLUED_BYLINE.match(t) if len(t) <= GLUED_BYLINE_MAX else None
    return m is not None and only_names(m.group("by"))


def split_credit(text: str) -> tuple[str, str] | None:
    """Split 'caption… ■本报记者 张三 摄' into (caption, credit); None when there is no credit.

    A credit needs a role word, a bullet or a bracket round it ('（某甲 摄）'), so that a sentence ending in 摄 is not
    taken for one.
    """
    t = text.strip()
    lo = max(0, len(t) - CREDIT_SPAN)
    m = CREDIT.search(t, lo)
    if not m:
        m = SUPPLIED.search(t, lo) if "供" in t[-20:] else None  # (no photographer's name to read)
        return (t[:m.start("credit")].rstrip(), m.group("credit").strip()) if m else None
    credit = m.group("credit")
    c = credit.strip()
    if not (any(r in credit for r in ROLE_WORDS) or c[:1] in BULLETS or (c[:1] in "(（" and c[-1:] in ")）")):
        # a bare 'NAME 摄' must stand apart: spaces around the name, nothing glued before it
        bare = BARE_CREDIT.search(t, lo)
        if not bare:
            return None
        credit = bare.group("credit")
        m = bare
    skip = _caption_words_before(credit)
    if skip is None:
        return None
    if not names_in(credit[skip:]):
        return None
    return t[:m.start("credit") + skip].rstrip(), credit[skip:].strip()


_CREDIT_RUN = re.compile(r"[^ \u3000/／]+")
_SENT_BY_ANY = re.compile(_SENT_BY)
_CREDIT_MARK = re.compile(r"[ \u3000]*[/／]?[ \u3000]*摄(?:影)?[ \u3000]*[)）]?[ \u3000]*$")


def _caption_words_before(credit: str) -> int | None:
    """How many leading characters of a credit `CREDIT` or `BARE_CREDIT` matched are the caption's last words,
    not the credit (None: no name is left, no credit). A credit opening with no bullet and no bracket starts at its
    first role word ('某某在湖边拍照留念 本报记者 某甲 摄': the runs before the role word are words of a caption with
    no closing mark, review29a, not names); a bare one ('某某日出 某甲/摄') at the last runs before 摄 that read as
    names by `names_in`, each but the last opening with a common surname."""
    c = credit.lstrip(" \u3000")
    if not c or c[:1] in BULLETS or c[:1] in "(（":
        return 0
    names = _CREDIT_MARK.sub("", credit)  # (the runs before '摄', '摄影', '/摄')
    role = _ROLE_ANY.search(names) or _SENT_BY_ANY.search(names)  # (a role word, or the agency that sent it)
    if role is not None:
        return role.start() if names[:role.start()].strip() else 0
    runs = _CREDIT_RUN.findall(names)
    spans = [r.span() for r in _CREDIT_RUN.finditer(names)]
    first = k = len(runs)
    while first > 0 and (first == k or surname_led(runs[first - 1])) and names_in(runs[first - 1]):
        first -= 1  # (the name next to the mark as before; the runs before it must open with a common surname)
    if first == k:
        return None
    return spans[first][0] if first else 0


# a byline's closing credit mark set apart ('本报记者某甲 文'), the line going on with the photographer's credit
_TEXT_MARK_END = re.compile(r"[ \u3000]+[文图][ \u3000]*$")


def writer_before_credit(caption: str) -> bool:
    """Whether the text `split_credit` found before a photo credit is the writer's byline with its credit mark
    ('本报记者某甲 文' of '本报记者某甲 文 某乙 摄', or a bare name with the picture mark: '某甲 图' of
    '某甲 图 某乙 摄'): then the whole line names who wrote the text (or drew) and who took the picture, a
    byline (`names_in` reads 某甲, 某乙), not a caption followed by a photo credit."""
    m = _TEXT_MARK_END.search(caption)
    if m is None:
        return False
    writer = caption[:m.start()]
    if is_byline(writer):
        return True
    # '某甲 图 某乙 摄' (the artist's name with no role word, every run opening with a surname): '图' is seldom a
    # name's last character, but '文' often is ('某甲 文 某乙 摄' may be two photographers, '某甲文' wrapped)
    # (a common word opening with a surname character is a caption's word, not a name: '某山 图 某乙 摄')
    names = names_in(writer) if m.group().strip() == "图" and surname_led(writer) and only_names(writer) else []
    return bool(names) and not any(n in _common_words() for n in names)


def spaced_names(text: str, mb: "re.Match[str]") -> bool:
    """Whether `DATELINE_BYLINE`'s match `mb` in `text` is a spaced role and names ('记者 某甲 通讯员 某乙', group
    by3): each name opens with a surname and is no common word, and no dictionary word runs across the space after
    the last one (a wrapped sentence, '记者 从市某 局获悉': 某局 is a word)."""
    by = mb.group("by3")
    if not by or not surname_led(_ROLE_SPLIT.sub(" ", by).strip()):
        return False
    after = text[mb.end():].lstrip(" \u3000")
    if not _common_words().isdisjoint(_ROLE_SPLIT.sub(" ", by).split()) and not _opens_dated_clause(after):
        return False  # '记者 周末 来到…': a common word set apart by wrap spaces, no name (review29a); but '记者
        # 江河 近日，…' names 江河: a time word and a comma open the report's own first clause (review30a)
    return not any(w in _common_words() for w in (by[-1] + after[:1], by[-2:] + after[:1], by[-1] + after[:2]))


def _opens_dated_clause(text: str) -> bool:
    """Does `text` open with a time word of the dictionary (jieba's tag 't': '近日', '昨天', '日前') and a comma?"""
    c = text.find("，", 1, 6)
    return c > 0 and text[:c] in _time_words()


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    from .lm import jieba_entries

    return frozenset(w for w, f, tag in jieba_entries() if tag == "t" and int(f) >= COMMON_WORD)


def _name_and_place(run: str) -> tuple[str, str]:
    """'王大明台北' -> ('王大明', '台北'): the reporter's name (two to four characters) before the place the report
    was filed from, cut where the rest is a place of the dictionary (jieba's 'ns'), else after three characters."""
    from .stages.segment.words import word_tags

    tags = word_tags()
    for n in (3, 2, 4):
        if n < len(run) and tags.get(run[n:]) == "ns":
            return run[:n], run[n:]
    return run[:3], run[3:]


def dateline_of(text: str) -> tuple[str, list[str], int] | None:
    """For '本报讯(记者 张三)5月10日…' return ('本报讯', ['张三'], offset of the body)."""
    m = DATELINE.match(text)
    if not m:
        return None
    dl, end = m.group("dl"), m.end()
    if m.re is _BRACKET_REPORT:
        name, place = _name_and_place(m.group("np"))
        return dl + place + m.group("date") + "电", [name], end
    names: list[str] = []
    mb = DATELINE_BYLINE.match(text, end)
    by = mb and (mb.group("by") or mb.group("by2"))
    if mb and not by and spaced_names(text, mb):
        by = mb.group("by3")
    if by and (any(r in by for r in ROLE_WORDS) or names_in(by)) and only_names(by):
        names = names_in(by)
        end = mb.end()
    return dl, names, end

# A phone number (010-12345678, 0123-7654321) or a bare 7-8 digit number: hotline footers. A bare number counted
# ('第2024056期', '2024056号': an issue, a serial, a document's number) is none (review30a: a lottery draw's lead line).
PHONE = re.compile(r"\d{3,4}[-－]\d{7,8}|(?<![\d第])\d{7,8}(?![\d期号届版次])")
_SENTENCE_END = re.compile("[。！？]")
_EMAIL_AT = re.compile(r"[A-Za-z0-9._-]@[A-Za-z0-9]")  # an e-mail address (a '@' beside Chinese text is a handle)


FURNITURE_MAX = 40  # the longest (stripped) line that can be furniture: longer lines are text


@lru_cache(maxsize=2048)  # flow and segment ask it of the same blocks of a page (1,600 repeats in 40 pages)
def is_furniture(text: str) -> bool:
    """Page furniture rather than text: editor lines, page-header dates, short lines with a phone number or e-mail."""
    t = text.strip()
    if len(t) > FURNITURE_MAX:
        return False
    if t[:1] in _FURNITURE_FIRST and FURNITURE.match(t):  # (the pattern asked only of a line it can open)
        return True
    if "年" in t and ("星期" in t or "周" in t) and PAGE_HEADER.match(t):
        return True
    if any(map(str.isdigit, t[:12])) and page_header(t):  # (a header holds a date: figures near its start; the
        # test mapped in C, not a generator's frame per character: flow and segment ask it of every short block)
        return True
    if "本版" in t[:3] and PAGE_CREDIT.fullmatch(t):
        return True
    if t.endswith(("。", "！", "？")):
        return False
    m = PHONE.search(t) or _EMAIL_AT.search(t)
    at = m.start() if m else -1
    # a sentence before the number or address: a paragraph giving its contact ('…报名。联系电话：…'; review30a)
    return at >= 0 and _SENTENCE_END.search(t, 0, at) is None


# 本报汛(记者 张三) / 新华杜北京1月5日电: a dateline with one character misread by OCR; tried for the two
# commonest agencies only (each character tried widens the look-alike search).
_DATELINE_CHARS = "据" + "".join(AGENCIES[:2]) + "讯电"
_LOOKALIKES: dict[str, list[tuple[float, str]]] = {}


def _lookalikes() -> dict[str, list[tuple[float, str]]]:
    """misread character -> [(similarity, dateline character it may stand for)], from the glyph table."""
    if not _LOOKALIKES:
        from .confusion import similar

        for c in _DATELINE_CHARS:
            for seen, sim in similar(c):
                _LOOKALIKES.setdefault(seen, []).append((sim, c))
        for seen in _DIGIT_MARKS:  # ('据新华社某地]月8日电': the date's 1 read as a bracket)
            digits = [(sim, d) for d, sim in similar(seen) if d in "0123456789" and sim >= DIGIT_SIM]
            if len(digits) == 1:
                for form in (seen, chr(ord(seen) + 0xFEE0)):  # (as read, and as normalize widens it)
                    _LOOKALIKES.setdefault(form, []).append(digits[0])
        for v in _LOOKALIKES.values():
            v.sort(reverse=True)
    return _LOOKALIKES


_DATE_NEXT = frozenset("月日0123456789０１２３４５６７８９")
# ASCII letters and marks OCR may print for a digit of the date; one stands for a digit when exactly one
# digit is at least `DIGIT_SIM` alike in the glyph table ('S' is as like 5 as 8, so it stands for none).
_DIGIT_MARKS = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isdigit())
DIGIT_SIM = 0.8


_ROLE_CHARS = frozenset("".join(ROLE_WORDS))
_ROLE_LOOKALIKES: dict[str, list[str]] = {}


def fuzzy_role_only(text: str) -> bool:
    """A role word standing alone with one character misread as a look-alike (glyph confusion set):
    '本报秤论员' for 本报评论员, which the byline shape would otherwise read as the role 本报 and a name."""
    t = text.strip()
    if ROLE_ONLY.fullmatch(t) or not 2 <= len(t) <= 8:
        return False
    if not _ROLE_LOOKALIKES:
        from .confusion import similar

        for c in _ROLE_CHARS:
            for seen, _sim in similar(c):
                _ROLE_LOOKALIKES.setdefault(seen, []).append(c)
    for pos, seen in enumerate(t):
        for meant in _ROLE_LOOKALIKES.get(seen, ()):
            if ROLE_ONLY.fullmatch(t[:pos] + meant + t[pos + 1:]):
                return True
    return False


def fuzzy_dateline_of(text: str) -> tuple[str, list[str], int, tuple[int, str, str]] | None:
    """A dateline with one misread character: `dateline_of`'s answer plus the fix (offset, seen, meant).

    The misread character must be a look-alike (glyph confusion set) of the dateline character it
    stands for, and the lead-in must be confirmed by a date or a byline after it.
    """
    if dateline_of(text) is not None:
        return None
    return misread_dateline(text)


def misread_dateline(text: str) -> tuple[str, list[str], int, tuple[int, str, str]] | None:
    """`fuzzy_dateline_of` for a text `dateline_of` has already found no dateline in (segment asks `dateline_of`
    of every body block first), so the pattern is not run a second time. Most blocks are passed by their first
    two characters: the datelines tried (据…, 本报…, 新华社…) open with two of `_DATELINE_CHARS`, so with one of them
    misread the first two characters still hold the other (two tests of a character, not a generator per block)."""
    # (segment's `shapes.may_be_misread_dateline` copies this first test to skip the call: change both together)
    if len(text) < 2 or (text[0] not in _DATELINE_CHARS and text[1] not in _DATELINE_CHARS):
        return None
    looks = _lookalikes()
    for pos in range(min(len(text), 20)):
        for _sim, meant in looks.get(text[pos], ()):
            if meant.isdigit() and text[pos + 1:pos + 2] not in _DATE_NEXT:
                continue  # (a digit's look-alike is tried only where the date's digits stand: before 月, 日)
            got = dateline_of(text[:pos] + meant + text[pos + 1:])
            if got is None or pos >= len(got[0]):
                continue
            dl, names, end = got
            if _DATE_RE.search(dl) or names:
                return dl, names, end, (pos, text[pos], meant)
    return None


# '本狠记者某甲' for 本报记者某甲: a byline with one character of a role word misread as a look-alike. Only a role word
# of at least MISREAD_ROLE_MIN characters is mended, so two or more of its characters stand printed right beside the
# misread one ('记者' or '本报' alone, one character of two misread, says too little).
MISREAD_ROLE_MIN = 3
_BYLINE_LOOKALIKES: dict[str, list[str]] = {}


def _byline_lookalikes() -> dict[str, list[str]]:
    """misread character -> the characters of the role words of `MISREAD_ROLE_MIN` or more it may stand for (the
    shipped glyph confusion table, `confusion.similar`)."""
    if not _BYLINE_LOOKALIKES:
        from .confusion import similar

        for c in sorted({c for w in ROLE_WORDS if len(w) >= MISREAD_ROLE_MIN for c in w}):
            for seen, _sim in similar(c):
                _BYLINE_LOOKALIKES.setdefault(seen, []).append(c)
    return _BYLINE_LOOKALIKES


def _mends_role_word(mended: str, printed: str, pos: int) -> bool:
    """Does the character put right at `pos` complete a role word of `MISREAD_ROLE_MIN` or more characters that
    `printed` does not hold there: the look-alike stood inside a role word, not in a name after it?"""
    for w, k in _role_places().get(mended[pos], ()):
        s = pos - k
        if s >= 0 and mended.startswith(w, s) and not printed.startswith(w, s):
            return True
    return False


_ROLE_PLACES: dict[str, list[tuple[str, int]]] = {}


def _role_places() -> dict[str, list[tuple[str, int]]]:
    """character -> (role word of `MISREAD_ROLE_MIN` or more characters holding it, its place in that word): the
    words a mended character may complete are looked up, not scanned (review47a: scanning every role word at every
    place made segment 40-60% slower)."""
    if not _ROLE_PLACES:
        for w in ROLE_WORDS:
            if len(w) >= MISREAD_ROLE_MIN:
                for k, c in enumerate(w):
                    _ROLE_PLACES.setdefault(c, []).append((w, k))
    return _ROLE_PLACES


# every role word of `MISREAD_ROLE_MIN` or more characters with any one of its characters left open: a line that
# matches none of these shapes anywhere holds no role word one character short, so no mend can complete one
# (`_mends_role_word` asks that the mended line hold the whole word where the printed line differs from it at
# the mended character alone). Asked before the look-alike loop, it spares that loop for ~880 of the ~930 short
# lines of a 40-page tuning run, none of them mended (fast57l: the interpreted loop was 13% of the compiled
# segment stage). `_ROLE_NEAR` is a cheaper search that every line matching a shape also matches: two of those
# role words' characters one or two apart (the word's two characters beside the open one, or its first two or
# last two): ~90 of the ~930 lines get as far as the shapes' 87 alternatives.
_MEND_SHAPES = stdre.compile("|".join(stdre.escape(w[:k]) + "." + stdre.escape(w[k + 1:])
                                      for w in ROLE_WORDS if len(w) >= MISREAD_ROLE_MIN for k in range(len(w))),
                             stdre.DOTALL)
_MEND_CLASS = "[" + "".join(sorted({stdre.escape(c) for w in ROLE_WORDS if len(w) >= MISREAD_ROLE_MIN
                                     for c in w})) + "]"
_ROLE_NEAR = stdre.compile(f"{_MEND_CLASS}.?{_MEND_CLASS}", stdre.DOTALL)


def misread_byline(text: str) -> tuple[int, str, str] | None:
    """A byline line with one character of a role word misread by OCR as a look-alike (glyph confusion set):
    (offset in `text`, the character seen, the one meant), or None. '本狠记者某甲' has no role word at its start as
    printed, so it is read as a title (of a new article, cutting its own in two); with 狠 read as 报 it is the
    byline 本报记者某甲. The character put right must complete a role word of `MISREAD_ROLE_MIN` or more characters
    (`_mends_role_word`) within the first `ROLE_WITHIN` characters, and the mended line must be a byline
    (`is_byline`: role words and names only, so a sentence never qualifies). A line that is a byline as printed is
    mended only where the misread role word was read as a name ('本报记着某甲': the role 本报 and the name 记着某甲);
    one longer than `GLUED_BYLINE_MAX` is none."""
    t = text.strip()
    if not t or len(t) > GLUED_BYLINE_MAX or not _ROLE_NEAR.search(t) or not _MEND_SHAPES.search(t):
        return None  # (most short lines leave here: 40 of 926 on 40 tuning pages hold a role word, whole or one short)
    looks = _byline_lookalikes()
    places = [pos for pos in range(min(len(t), ROLE_WITHIN)) if t[pos] in looks]
    if not places:
        return None
    lead = len(text) - len(text.lstrip())
    printed: list[str] | None = None  # the names the line holds as printed, read at the first mend that is a byline
    read = False  # (about 1,350 calls a 40-page run, 40 past the searches above, none mended)
    for pos in places:
        for meant in looks[t[pos]]:
            mended = t[:pos] + meant + t[pos + 1:]
            if _mends_role_word(mended, t, pos) and is_byline(mended):
                if not read:
                    printed, read = (names_in(t) if is_byline(t) else None), True
                if names_in(mended) != printed:
                    return lead + pos, t[pos], meant
    return None
