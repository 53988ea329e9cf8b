"""rest50: `python -m benchmarks.join_tally --why` explains the gold joins flow leaves under its threshold too
(invented text only).

For each `b:under-threshold` miss it gives the pair's forward and reverse probability, the share of the source's
forward probability its debris targets hold, the forward parts that carry the pair down (weight x value, most
negative first), what lies between source and target (`between_kind`), and the source's best rival; then a census by
distance (the next block, d2+) of what lies between, of the best rival, and of the mean forward part by feature group.
"""
from __future__ import annotations

import json
from pathlib import Path

from benchmarks.join_tally import FEATURE_GROUPS, between_kind, tally, under_report, why_report
from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import CREDIT, TEXT, Block
from layoutfix.stages import flow as F
from layoutfix.stages.flow.blocks import barriers, shapes

SOURCE = "本报北京3月2日讯 气象部门今天发布消息说，未来三天，受暖湿气流影响，长江中下游、华北南部以及皖、苏、鲁将有"
PAGE = ("## 北方大部气温回升\n\n" + SOURCE + "\n\n神 I1 商 原便\n\n"  # a line of OCR scraps that make no words
        "小到中雨，华北东部和东北的部分地区有小雪；西北地区晴转多云，气温略有回升。\n\n"
        "气象专家提醒，春耕时节各地要注意防范低温阴雨天气的不利影响，及时做好农田排水工作。\n")


def page_with_a_cut_over_debris(tmp_path: Path) -> Path:
    """An invented page whose paragraph (line 3) is cut over a line of scraps (line 5) and goes on at line 7, with its
    defect log."""
    txt = tmp_path / "001.txt"
    txt.write_text(PAGE, encoding="utf-8")
    cut = {"type": "cut", "line": 3, "line2": 7, "raw": SOURCE[-8:], "offset": len(SOURCE) - 8, "end": len(SOURCE),
           "offset2": 0}
    (tmp_path / "001.defects.json").write_text(json.dumps([cut], ensure_ascii=False), encoding="utf-8")
    return txt


def test_a_gold_join_left_under_the_threshold_is_explained(tmp_path: Path) -> None:
    why: list[dict] = []  # type: ignore[type-arg]
    _, missed, _, _ = tally([page_with_a_cut_over_debris(tmp_path)], why)
    assert missed["b:under-threshold d2+"] == 1
    (w,) = [w for w in why if w["kind"] == "under"]
    assert w["d"] == 2 and w["between"] == "debris only"
    # the scraps take much of the source's forward probability: the best rival is the debris itself
    assert w["debris_share"] >= 0.1 and w["rival"] is not None and w["rival"][2]
    assert 0.0 <= w["pf"] <= 1.0 and 0.0 <= w["pr"] <= 1.0 and 0.0 <= w["alone"] <= 1.0
    # the parts that carry the pair down come first, and they are the forward score's own parts
    parts = [v for _, v in w["parts"]]
    assert parts == sorted(parts) and dict(w["parts"]).get("logd", 0.0) < 0.0


def test_the_report_gives_each_miss_then_a_census_by_distance(tmp_path: Path) -> None:
    why: list[dict] = []  # type: ignore[type-arg]
    tally([page_with_a_cut_over_debris(tmp_path)], why)
    text = why_report(why)
    assert "== why: 1 b:under-threshold misses" in text and "== why: 0 c:wrong-target misses" in text
    assert "debris holds" in text and "between: debris only" in text
    census = under_report([w for w in why if w["kind"] == "under"])
    assert "-- d2+: 1 misses" in census and "-- d1:" not in census
    assert "best rival of the source: debris likelier 1" in census
    assert "debris holds 0.1 or more of the forward probability: 1" in census
    assert "mean forward part by feature group:" in census and "distance" in census


def test_what_lies_between_is_one_class() -> None:
    lm = load_lm(Config().lm_path)
    para = "这是一段完整的正文，它在这里结束。"
    cases = {
        "nothing": [],
        "debris only": ["神 I1 商 原便", "＊＊＊"],
        "2 paragraph(s)": [para, para],
        "another open block": [para, "另一段正文没有说完，它在这里被"],
        "a title-like line": ["春耕生产正当时"],
    }
    for want, between in cases.items():
        texts = ["一段被截断的正文在这里说到"] + between + ["后面接着说完。"]
        bs = [Block(k, t, 1 + 2 * k, TEXT) for k, t in enumerate(texts)]
        assert between_kind(bs, 0, len(bs) - 1, shapes(bs), barriers(bs), lm) == want, want
    # a photo credit or a table is passed over as nothing
    bs = [Block(0, "一段被截断的正文在这里说到", 1, TEXT), Block(1, "本报记者 某某 摄", 3, CREDIT),
          Block(2, "后面接着说完。", 5, TEXT)]
    assert between_kind(bs, 0, 2, shapes(bs), barriers(bs), lm) == "nothing"


def test_every_feature_group_names_pair_features_and_none_twice() -> None:
    names = [k for ks in FEATURE_GROUPS.values() for k in ks]
    assert len(names) == len(set(names)) and set(names) <= set(F.PAIR_FEATURES)
    assert {"logd", "d1", "gain", "b_start", "start_neg", "crosses_wall"} <= set(names)
