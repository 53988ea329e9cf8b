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


def test_lose_stops_takes_the_final_stop_of_closed_body_paragraphs_only() -> None:
    page = normalize(read("河湾县新建三座图书馆\n\n河湾县今年新建了三座图书馆，方便了居民读书看报。\n\n"
                          "全县今年还将建成十个书屋，\n\n明年实现村村都有书屋。\n\n大家都说好！", Config()))
    out = [b.text for b in lose_stops(page, (1.0,), "x").blocks]
    assert out[0] == "河湾县新建三座图书馆" and out[2] == "全县今年还将建成十个书屋，" and out[4] == "大家都说好！"
    for before, after in ((page.blocks[1].text, out[1]), (page.blocks[3].text, out[3])):
        assert not after.endswith("。") and after in (before[:-1], before[:-1] + "，", before[:-1] + "：")
    assert lose_stops(page, (0.0,), "x") is page and lose_stops(page, (), "x") is page


def test_lose_stops_reads_the_lost_stop_as_nothing_mostly_else_as_a_clause_mark() -> None:
    dump = "\n\n".join(f"第{k}个书屋今年建成了，方便了附近村里的居民读书看报。" for k in range(1, 200))
    page = normalize(read(dump, Config()))
    ends = [b.text[-1] for b in lose_stops(page, (1.0,), "tune/001.txt").blocks]
    assert ends.count("报") > ends.count("，") > 0 and ends.count("：") > 0 and "。" not in ends


def test_lose_stops_chooses_the_same_paragraphs_for_the_same_page() -> None:
    dump = "\n\n".join(f"第{k}个书屋今年建成，方便了居民读书看报。" for k in "一二三四五六七八九十")
    page = normalize(read(dump, Config()))
    a = [b.text for b in lose_stops(page, (0.5,), "tune/001.txt").blocks]
    assert a == [b.text for b in lose_stops(page, (0.5,), "tune/001.txt").blocks]
    assert 0 < sum(not t.endswith("。") for t in a) < 10


def test_page_open_is_the_share_of_long_body_paragraphs_that_end_open() -> None:
    long_open = "河湾县今年新建了三座图书馆，藏书十二万册，每天开放十二个小时，节假日也不闭馆，方便了附近的居民读书看报"
    long_closed = "记者从县文化局了解到，全县今年还将建成十个农家书屋，明年实现村村都有书屋，让农民在家门口就能借到书。"
    page = normalize(read("\n\n".join([long_open, long_closed, long_closed, long_open, "短的一行，"]), Config()))
    groups = candidates(page, load_lm(None), Config(), load_model())
    assert {g.src["page_open"] for g in groups} == {0.5}  # 2 of 4 long ones (the short line is not counted)
