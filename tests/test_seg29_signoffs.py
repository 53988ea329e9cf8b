"""seg29: what closes an item stays with it (review28a): a notice's signature over its date, and the particulars
printed a line each under its text (contact lines, time and place). Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.roles import ISSUE_DATE, particulars, signs_with_date

_NOTICE = "因道路施工，定于本月十日起封闭西门路口，请过往车辆绕行。"


def _blocks(*texts: str, flush: bool = True) -> list[Block]:
    return [Block(id=k, text=t, line=k + 1 if flush else 2 * k + 1) for k, t in enumerate(texts)]


def test_a_date_alone_on_its_line_in_figures_or_in_chinese_numerals_is_an_issue_date() -> None:
    assert ISSUE_DATE.fullmatch("2026年5月6日") and ISSUE_DATE.fullmatch("二〇二六年五月六日")
    assert not ISSUE_DATE.fullmatch("2026年5月6日起施行")


def test_a_heading_over_a_lone_date_closing_the_text_signs_it() -> None:
    blocks = _blocks(_NOTICE, "特此通告。", "某县交通运输局", "2026年5月6日")
    assert signs_with_date(blocks, [TEXT, TEXT, TITLE, TEXT], 2)
    assert not signs_with_date(blocks + _blocks("后面还有正文。"), [TEXT, TEXT, TITLE, TEXT, TEXT], 2)
    assert not signs_with_date(_blocks(_NOTICE, "某县交通运输局", "2026年5月6日起施行新规"), [TEXT, TITLE, TEXT], 1)


def test_a_plain_titled_notice_closing_with_a_formula_keeps_its_long_issuer_and_date() -> None:
    page = layoutfix.clean(f"封路通告\n\n{_NOTICE}\n\n特此通告。\n\n某县某某道路工程建设有限公司\n2026年5月6日\n")
    (it,) = page.items
    assert it.kind == "notice"
    assert it.paragraphs[-2:] == ("某县某某道路工程建设有限公司", "2026年5月6日")
    assert any("sign-off" in e.reason for e in page.edits if e.kind == "subhead")


def test_flush_particulars_under_body_text_are_text_and_furniture_alone_stays_furniture() -> None:
    roles = [TEXT, TITLE, NOISE_ := "noise", TITLE]
    run = _blocks(_NOTICE, "联系人：王先生", "电话：0571-88886666", "地址：某市某路8号")
    assert particulars(run, roles) == [TEXT, TEXT, TEXT, TEXT]
    assert particulars(_blocks(_NOTICE, "联系人：王先生", "电话：0571-88886666", flush=False), [TEXT, TITLE, NOISE_]) \
        == [TEXT, TITLE, NOISE_]  # (set apart by blank lines: no run)
    footer = _blocks(_NOTICE, "本版编辑：王某", "新闻热线：0571-88886666")
    assert particulars(footer, [TEXT, NOISE_, NOISE_]) == [TEXT, NOISE_, NOISE_]


def test_an_advertisements_contact_lines_stay_in_it() -> None:
    page = layoutfix.clean(f"招租启事\n\n某社区有临街商铺两间对外招租，面积各约四十平方米，欢迎有意者洽谈。\n\n"
                           "联系人：王先生\n电话：0571-88886666\n地址：某市某路8号\n")
    (it,) = page.items
    assert not page.noise
    assert it.paragraphs[-3:] == ("联系人：王先生", "电话：0571-88886666", "地址：某市某路8号")


def test_a_block_read_joined_from_particulars_lines_is_cut_back_into_its_lines_and_logged() -> None:
    from layoutfix.model import Edit
    from layoutfix.stages.segment.roles import split_particulars
    joined = Block(id=0, text="时间：5月6日9:00地点：县文化馆报名电话：0571-88886666", line=5,
                   origin=((0, 5), (11, 6), (18, 7)))
    log: list[Edit] = []
    assert [(b.text, b.line) for b in split_particulars([joined], log)] == [
        ("时间：5月6日9:00", 5), ("地点：县文化馆", 6), ("报名电话：0571-88886666", 7)]
    assert [(e.kind, e.line) for e in log] == [("split", 6), ("split", 7)]


def test_a_block_whose_lines_are_not_all_short_particulars_stays_whole() -> None:
    from layoutfix.stages.segment.roles import split_particulars
    turns = Block(id=0, text="记者：今年的工作重点是什么？局长：一是抓好乡村道路建设，二是做好养护，三是提高群众出行的便利程度。",
                  line=5, origin=((0, 5), (15, 6)))
    cut = Block(id=1, text="时间：5月6日9:00活动当天将有专家现场答疑。", line=9, origin=((0, 9), (11, 10)))
    assert split_particulars([turns, cut], []) == [turns, cut]


def test_an_event_notices_particulars_are_a_paragraph_each_and_do_not_mark_it_cut_off() -> None:
    page = layoutfix.clean("## 县文化馆开设书法班\n\n本报讯 县文化馆将开设少儿书法班，欢迎家长为孩子报名。\n\n"
                           "时间：5月6日 9:00\n地点：县文化馆二楼\n报名电话：0571-88886666\n")
    (it,) = page.items
    assert [p[:3] for p in it.paragraphs[1:]] == ["时间：", "地点：", "报名电"]
    assert not it.truncated
