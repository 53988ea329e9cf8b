"""Pages read the same whatever the dump's style: line ends, digit width, script, and the agency and byline forms
of issue 5 (新华社/中新社 datelines, interns after the reporter). Review15a, session 15: these styles, applied to
120 fresh pages of seed 20, left every score.py figure unchanged (CRLF, full-width digits) or within 0.006 of the
plain dump (traditional characters by OpenCC s2t); these tests pin that on an invented page."""
from __future__ import annotations

import opencc
import pytest

import layoutfix

PAGE = ("西山县特色产业助农增收\n\n"
        "本报讯（记者 陈小雨 实习生 程一帆）今年以来，这个县坚持把种植特色果蔬当成致富的主要门路，"
        "全县新建蔬菜大棚2360座，带动3000多户农民增收。\n\n"
        "东湖小学课后服务受欢迎\n\n"
        "中新社北京1月5日电（记者 宋雨桐 实习记者 邵可心）这所学校把课后服务和社团活动结合起来，"
        "开设了书法、合唱、足球等25个兴趣小组，受到家长欢迎。\n")
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _articles(page: str) -> list[tuple]:
    return [(a["headline"], a["dateline"], a["byline"], a["paragraphs"])
            for a in layoutfix.clean(page.encode()).to_dict()["articles"]]


def test_the_plain_page_gives_two_dated_articles_with_their_interns() -> None:
    arts = _articles(PAGE)
    assert [(h, d, b) for h, d, b, _ in arts] == [
        ("西山县特色产业助农增收", "本报讯", ["陈小雨", "程一帆"]),
        ("东湖小学课后服务受欢迎", "中新社北京1月5日电", ["宋雨桐", "邵可心"])]
    assert arts[0][3][0].startswith("今年以来") and "2360座" in arts[0][3][0]


@pytest.mark.parametrize("style", ["crlf", "full-width digits", "traditional"])
def test_the_same_articles_come_out_of_another_dump_style(style: str) -> None:
    page = {"crlf": lambda p: p.replace("\n", "\r\n"),
            "full-width digits": lambda p: p.translate(FULL_WIDTH_DIGITS),
            "traditional": opencc.OpenCC("s2t").convert}[style](PAGE)
    assert page != PAGE
    assert _articles(page) == _articles(PAGE)
