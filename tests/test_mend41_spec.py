"""Session 41 (mend41): a group of numbered poems keeps its parts, and nothing else; a table's header row.

What review41a found in seg41's first two commits: a line ending in a bracketed numeral was taken into a group of
poems wherever an announcing title stood anywhere above it, and a headline with a percent sign next to a picture's
note was read as a table's header row. Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.shapes import header_row

_GROUP = "山中小夜曲（外二首）"
_OWN = ["月亮，爬上了松树梢", "溪水在石缝里唱歌", "萤火虫提着小灯笼", "一闪一闪走过田埂", "远处传来几声狗叫。"]
_FIRST = ["竹林（一）", "竹林里住着风", "风把叶子吹成笛子", "吹给路过的人听。"]
_SECOND = ["石磨（二）", "石磨转了一百年", "磨碎了多少日子", "也磨亮了老人的眼睛。"]
_POEMS = [*_OWN, *_FIRST, *_SECOND]
_SERIES = "东海渔村行（二）"
_PROSE_A = ("渔船靠岸的时候，太阳刚刚升起来，码头上挤满了等着买鱼的人，鱼贩子们一边吆喝一边过秤，"
            "几个孩子在沙滩上追着海鸥跑，笑声一阵高过一阵。")
_PROSE_B = ("村支书告诉我们，这几年村里办起了水产加工厂，年轻人不用再出远门打工，"
            "家家户户盖起了新房，村口还修了一座小学和一个卫生所。")
_REPORT = ("某区今年新修乡村公路二百公里，全区所有行政村都通上了柏油路，"
           "农民卖粮卖菜再也不用挑着担子走山路了。")


def _dump(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


def _headlines(dump: bytes) -> list[str | None]:
    return [it.headline for it in layoutfix.clean(dump).items]


def _poem_item(dump: bytes):  # type: ignore[no-untyped-def]
    (poem,) = [it for it in layoutfix.clean(dump).items if it.headline == _GROUP]
    return poem


# -- finding 2: a headline's remarks are no column labels

def test_a_headline_with_a_percent_sign_and_a_pictures_note_over_prose_opens_an_item() -> None:
    lead = "某省统计局昨天公布，今年前十一个月全省居民消费价格比去年同期上涨百分之三点二，涨幅比上月回落。"
    for title in ("物价涨幅回落（％）（附图）", "居民消费价格上涨（%）（附表）"):
        assert _headlines(_dump("渔村通上了柏油路", _REPORT, title, lead, _PROSE_B)) == ["渔村通上了柏油路", title]


def test_only_labelled_remarks_make_a_header_row() -> None:
    assert header_row("乡镇产量（万吨）增长（％）") and header_row("乡镇 产量 (万吨) 增长 (%)")
    assert not header_row("物价涨幅回落（％）（附图）") and not header_row("某市涨幅前五名（％）（3月2日）")
