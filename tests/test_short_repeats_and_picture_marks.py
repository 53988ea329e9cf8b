"""Rules that must not mistake ordinary text for a copy, a poem or a name (review12b's findings)."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.patterns import writer_before_credit
from layoutfix.stages.glyphs import fix_changes


@pytest.mark.parametrize("printed, meant", [
    ("发展经济，发展经挤，是第一要务。", "发展经济，发展经济，是第一要务。"),
    ("加强管理，加强管埋，再加强管理。", "加强管理，加强管理，再加强管理。"),
    ("中国科学院和中国科学阮院士们出席了会议。", "中国科学院和中国科学院院士们出席了会议。"),
])
def test_a_short_term_printed_twice_on_purpose_is_still_corrected(printed: str, meant: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # judged by the bar alone: the copy guard is under test, not the shipped learned decision near the bar
    import layoutfix.stages.glyphs as glyph_stage
    monkeypatch.setattr(glyph_stage.accept, "ACCEPT", None)
    assert fix_changes(printed, load_lm())[0] == meant


BODY = ["记者从省里获悉，连接三个县的山区公路昨天全线通车，沿线群众出行将更加便捷。这条公路全长一百二十公里。",
        "据介绍，这条公路穿越崇山峻岭，施工难度很大。建设者们克服了种种困难，提前半年完成了建设任务。"]


def test_a_short_answer_cut_on_a_comma_leaves_the_next_items_kicker_and_headline_alone() -> None:
    page = layoutfix.clean("\n\n".join(
        ["## 老人的心愿", "老人今年八十岁，是村里年纪最大的人。每天早上，她都要到村口的小河边走一走。",
         "记者问她有什么心愿。", "问：您还有什么心愿？", "答：我希望孩子们，", "交通建设巡礼", "山区公路全线通车",
         *BODY]))
    heads = [a.get("headline") for a in page.to_dict()["articles"]]
    assert heads == ["老人的心愿", "山区公路全线通车"]


@pytest.mark.parametrize("caption", ["黄山 图", "周末 图", "高原 图"])
def test_a_common_word_before_the_picture_mark_is_a_caption_not_a_writer(caption: str) -> None:
    assert not writer_before_credit(caption)


def test_a_name_before_the_picture_mark_is_still_a_writer() -> None:
    assert writer_before_credit("李华 图")
