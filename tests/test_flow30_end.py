"""flow30: a block whose closing 。 the OCR lost ends on a sentence's last word; one cut at a column break ends
anywhere. The end table (`flowtrain.end_table`, `JoinModel.end_of`) says how often a sentence ends after a block's
last characters, the source feature `a_end` carries it to the model, and the trainer drops the 。 of some closed
paragraphs of its pages (`flowtrain.lose_stops`) so that the model sees such blocks with no continuation."""
from __future__ import annotations

from dataclasses import replace

from layoutfix import Config
from layoutfix.flowtrain import end_table, lose_stops
from layoutfix.lm import load_lm
from layoutfix.stages.flow import SOURCE_FEATURES, candidates, load_model
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def _gold(*paragraphs: str) -> dict:
    return {"articles": [{"paragraphs": list(paragraphs)}]}


def test_the_end_table_favours_characters_that_close_sentences_and_disfavours_those_inside_them() -> None:
    golds = [_gold("小王今天很高兴。小李明天也很高兴。", "他们都说这里真好，大家都很高兴！")] * 20
    table = end_table(golds, min_count=5)
    assert table["兴"] > 0.5  # every 兴 stands before a sentence's stop
    assert table["高"] < -0.5 and table["很"] < -0.5  # never before one
    pairs = end_table(golds, min_count=5, width=2)
    assert pairs["高兴"] > 0.5 and pairs["很高"] < -0.5


def test_the_end_table_counts_no_position_after_a_stop() -> None:
    table = end_table([_gold("好。好。好。")] * 40, min_count=5)
    assert "。" not in table


def test_end_of_reads_the_last_two_characters_first_then_the_last_one() -> None:
    model = replace(load_model(), end={"报": -1.0, "兴": 1.2}, end2={"看报": 2.0})
    assert model.end_of("大家都来读书看报") == 2.0
    assert model.end_of("本报") == -1.0  # no pair entry: the last character's
    assert model.end_of("他很高兴") == 1.2
    assert model.end_of("附近的") == 0.0  # nothing known
    assert replace(model, end={}, end2={}).end_of("大家都来读书看报") == 0.0


def test_a_source_ending_on_a_han_character_carries_its_end_value() -> None:
    model = replace(load_model(), end={"报": 0.8}, end2={"看报": 1.7})
    page = normalize(read("河湾县今年新建了三座图书馆，方便了居民读书看报\n\n记者从县文化局了解到这个消息。\n\n"
                          "全县今年还将建成十个书屋，\n\n明年实现村村都有书屋。", Config()))
    groups = {page.blocks[g.source].text[-2:]: g for g in candidates(page, load_lm(None), Config(), model)}
    assert groups["看报"].src["a_end"] == 1.7
    assert groups["屋，"].src["a_end"] == 0.0  # a clause mark: the table is not asked
    assert tuple(groups["看报"].src) == SOURCE_FEATURES


def test_lose_stops_drops_the_final_stop_of_closed_body_paragraphs_only() -> None:
    page = normalize(read("河湾县新建三座图书馆\n\n河湾县今年新建了三座图书馆，方便了居民读书看报。\n\n"
                          "全县今年还将建成十个书屋，\n\n明年实现村村都有书屋。\n\n大家都说好！", Config()))
    out = [b.text for b in lose_stops(page, 1.0, "x").blocks]
    assert out == ["河湾县新建三座图书馆", "河湾县今年新建了三座图书馆，方便了居民读书看报", "全县今年还将建成十个书屋，",
                   "明年实现村村都有书屋", "大家都说好！"]
    assert lose_stops(page, 0.0, "x") is page


def test_lose_stops_chooses_the_same_paragraphs_for_the_same_seed() -> None:
    dump = "\n\n".join(f"第{k}个书屋今年建成，方便了居民读书看报。" for k in "一二三四五六七八九十")
    page = normalize(read(dump, Config()))
    a = [b.text for b in lose_stops(page, 0.5, "tune/001.txt").blocks]
    assert a == [b.text for b in lose_stops(page, 0.5, "tune/001.txt").blocks]
    assert 0 < sum(not t.endswith("。") for t in a) < 10
