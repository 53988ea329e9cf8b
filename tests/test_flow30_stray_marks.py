"""flow30: a block opening on a clause mark is either the rest of a sentence cut before its comma or a paragraph
whose first character Tesseract preceded with a speck read as '，'. The model reads how the text after the mark opens
(`mark_open`, from the paragraph-start tables), and the trainer gives a few paragraphs of its pages such a stray mark
(`flowtrain.stray_marks`), since the synthetic pages hold none."""
from __future__ import annotations

from dataclasses import replace

from layoutfix import Config
from layoutfix.flowtrain import stray_marks
from layoutfix.lm import load_lm
from layoutfix.stages.flow import PAIR_FEATURES, candidates, load_model
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def test_a_target_opening_on_a_clause_mark_carries_how_its_text_after_the_mark_opens() -> None:
    model = replace(load_model(), start={"记": 1.5, "居": -0.5}, start_default=0.0, start2={"记者": 2.0})
    page = normalize(read("河湾县今年新建了三座图书馆，方便了附近的\n\n，记者从县文化局了解到这个消息。\n\n"
                          "居民读书看报。县文化局负责人表示满意。\n\n、居民都很满意。", Config()))
    (g,) = [g for g in candidates(page, load_lm(None), Config(), model) if g.source == 0]
    mark = {page.blocks[j].text[:3]: f[PAIR_FEATURES.index("mark_open")] for j, _, f in g.cands}
    assert mark == {"，记者": 3.5, "居民读": 0.0, "、居民": -0.5}
    assert g.tgts[1]["t_mark_open"] == 3.5 and g.tgts[2]["t_mark_open"] == 0.0


def test_stray_marks_puts_a_comma_before_body_paragraphs_that_continue_nothing() -> None:
    page = normalize(read("河湾县今年新建了三座图书馆，方便了居民读书看报。\n\n全县今年还将建成十个农家书屋，每个书屋藏书三千册，\n\n"
                          "明年实现村村都有书屋。\n\n大家都说好。", Config()))
    out = [b.text for b in stray_marks(page, 1.0, "x", {5}).blocks]
    # line 5 ('明年…') continues the open block before it: never given a mark
    assert out == ["，河湾县今年新建了三座图书馆，方便了居民读书看报。", "，全县今年还将建成十个农家书屋，每个书屋藏书三千册，",
                   "明年实现村村都有书屋。", "，大家都说好。"]
    assert stray_marks(page, 0.0, "x") is page


def test_stray_marks_chooses_the_same_paragraphs_for_the_same_page() -> None:
    dump = "\n\n".join(f"第{k}个书屋今年建成，方便了附近村里的居民读书看报。" for k in range(1, 41))
    page = normalize(read(dump, Config()))
    a = [b.text for b in stray_marks(page, 0.3, "tune/001.txt").blocks]
    assert a == [b.text for b in stray_marks(page, 0.3, "tune/001.txt").blocks]
    assert 0 < sum(t.startswith("，") for t in a) < 40
