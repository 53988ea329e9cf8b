"""Any outlet's '<outlet>讯' opens a dated report when a date, 北京时间 or a reporter's bracket follows it."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import patterns


@pytest.mark.parametrize("text, dateline, names", [
    ("晨光体育讯北京时间3月5日，刚刚接过教鞭的新帅在主场迎来首秀。", "晨光体育讯", []),
    ("某某晚报讯（记者 林一）昨天下午，全市举行消防演练。", "某某晚报讯", ["林一"]),
    ("据某某晨报讯 3月5日，某县开通了第一条城乡公交线路。", "据某某晨报讯", []),
])
def test_an_outlets_xun_before_a_date_or_a_reporter_is_a_dateline(text: str, dateline: str, names: list[str]) -> None:
    found = patterns.dateline_of(text)
    assert found is not None and found[:2] == (dateline, names)


@pytest.mark.parametrize("text", ["喜讯传来，全村人都高兴极了。", "他闻讯赶到现场，组织群众撤离。", "简讯",
                                  "通讯员们昨天也来到了现场。", "这是一条快讯：比赛推迟到明天。",
                                  # review16b: prose whose words before 讯 are no outlet, a date or bracket after
                                  "球队夺冠的喜讯北京时间今天凌晨传回国内。", "获胜的喜讯3月5日传来。",
                                  "全村人闻讯3月5日赶到。", "这一喜讯（记者 林一 摄）让人振奋。",
                                  "他们通过短讯（记者 林一）联系。"])
def test_a_sentence_that_opens_with_a_word_ending_in_xun_is_no_dateline(text: str) -> None:
    assert patterns.dateline_of(text) is None


def test_two_web_reports_with_outlet_datelines_stay_two_items() -> None:
    page = ("新帅上任首战告捷\n\n晨光体育讯北京时间3月5日，刚刚接过教鞭的新帅在主场迎来首秀，球队以98比90击败了来访的对手。\n\n"
            "赛后新帅表示，球员们执行战术很坚决，防守端的表现让他满意。\n\n"
            "老将伤愈复出状态不俗\n\n晨光体育讯北京时间3月5日，因伤缺阵一个多月的老将今天复出，替补出场贡献20分。\n\n"
            "老将说，能重新回到赛场的感觉很好，他会珍惜每一次上场的机会。\n")
    arts = layoutfix.clean(page.encode()).to_dict()["articles"]
    assert [a["dateline"] for a in arts] == ["晨光体育讯", "晨光体育讯"]
