"""Half-width marks stay inside web addresses and file names, and only there."""
from __future__ import annotations

from layoutfix.stages.normalize import fix_punct_width


def test_a_dot_between_a_chinese_word_and_latin_letters_stays_half_width() -> None:
    assert fix_punct_width("文件名为报告.docx，请查收")[0] == "文件名为报告.docx，请查收"


def test_a_mark_inside_a_web_address_stays_half_width() -> None:
    text = "详见http://example.com/news?id=1,或www.example.com/notice?id=2"
    assert fix_punct_width(text)[0] == "详见http://example.com/news?id=1，或www.example.com/notice?id=2"


def test_marks_after_a_web_address_are_chinese_punctuation_again() -> None:
    assert fix_punct_width("报名请登录www.example.com,会议要求:各部门(单位)要认真落实!")[0] \
        == "报名请登录www.example.com，会议要求：各部门（单位）要认真落实！"


def test_hanzi_in_an_address_path_keep_the_marks_around_them_half_width() -> None:
    text = "链接http://www.x.cn/新闻?id=3,4详见"
    assert fix_punct_width(text)[0] == text
    # a mark after the address's last part is the sentence's again
    assert fix_punct_width("登录www.x.cn/报名,截止:5月")[0] == "登录www.x.cn/报名，截止：5月"
