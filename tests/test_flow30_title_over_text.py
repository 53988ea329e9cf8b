"""A title-like line over its own text, printed flush (an undated brief's title): the text's opening says the title's
words again, and no word runs across the join, so flow does not join them (review30a). Invented text."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.flow.titles import heads_its_text


def test_a_text_opening_with_the_title_s_words_is_under_that_title() -> None:
    assert heads_its_text("河湾县老年大学开始报名", "县老年大学即日起开始报名，开设十个专业。")
    assert not heads_its_text("河湾县老年大学开始", "报名，开设十个专业。老年大学位于城东。")  # the words come later


def test_an_undated_brief_s_title_printed_flush_over_its_text_is_not_joined_to_it() -> None:
    page = layoutfix.clean("河湾简讯\n\n南山村修通水泥路\n本报讯 记者从县交通局获悉，南山村通往镇上的水泥路已完成全部路面"
                           "铺设，计划下月通车。\n\n老年大学春季班开始招生\n县老年大学春季班即日起开始招生，共开设书法、"
                           "声乐、摄影等三十多个专业。\n")
    assert "老年大学春季班开始招生" in [it.headline for it in page.items]
