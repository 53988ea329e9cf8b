"""Page headers of any paper: the date with a weekday or a page number, in any order, beside a paper's name, a page
name or the page's editors (`patterns.page_header`); lines inside articles that hold a date stay text."""
from __future__ import annotations

import pytest

from layoutfix import patterns


@pytest.mark.parametrize("line", [
    "第5版 综合 2031年3月9日 星期日",
    "B4 文体 2031年3月9日 星期日 责任编辑 林小河",
    "2031年3月9日 星期日 文体 责任编辑：林小河 美术编辑：方一帆",
    "河湾晚报 2031.3.9 星期日 B4",
    "河湾日报 2031年3月9日 第三版",
])
def test_a_header_in_any_order_is_furniture(line: str) -> None:
    assert patterns.page_header(line) and patterns.is_furniture(line)


@pytest.mark.parametrize("line", [
    "报名时间 2031年3月9日 星期日",  # a notice's line: a short Han run beside a date and weekday, no page number
    "会议定于 2031年3月9日 召开",
    "2031年3月9日 星期日 多云",  # a diary's dated line: the weather is no page name without a page number
    "截至2031年3月9日，河湾县共有第3版教材",
])
def test_a_dated_line_of_text_is_no_header(line: str) -> None:
    assert not patterns.page_header(line)



@pytest.mark.parametrize("line", [
    "本报热线：0123-5556666",
    "新闻热线 6612345 或 6612346",
    "投稿邮箱：letters@hewanpaper.cn",
])
def test_a_hotline_or_mailbox_line_is_furniture(line: str) -> None:
    assert patterns.is_furniture(line)


@pytest.mark.parametrize("line", [
    "有意者可到河湾县文化馆报名。联系电话：0123-5556666",  # a paragraph giving its contact after its sentence
    "大乐透第2031056期开奖结果：",  # an issue's number, counted ('第…期'), no phone
    "网友@河边的小鱼在微博上留言",  # a social-media handle, no e-mail address
])
def test_a_line_of_text_holding_a_number_or_at_sign_is_no_furniture(line: str) -> None:
    assert not patterns.is_furniture(line)
