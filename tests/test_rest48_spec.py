"""rest48: a paragraph cut at a column break whose rest lands later in the same article (invented text only).

Two shapes flow now joins: a date's figure left hanging whose unit opens a block up to three on
(`blocks.cuts_date_unit`; and a figure cut after a closing quote and a mark, `blocks.cuts_figure`), and a pair over OCR
debris alone that the model scored `DEBRIS_MIN_P` or more though no dictionary word spans the join
(`assign.OVER_DEBRIS_P`)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, Block
from layoutfix.stages.flow import flow, load_model
from layoutfix.stages.flow.assign import DATE_UNIT, DEBRIS_MIN_P, GAP_MIN_P, OVER_DEBRIS, OVER_DEBRIS_P, over_gap
from layoutfix.stages.flow.blocks import DATE_UNIT_REACH, cuts_date_unit, cuts_figure
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

HEAD = "## 某某县冬季送温暖活动启动\n\n"
REST = "老人送去了热腾腾的饺子，不少老人拉着干部的手久久不愿松开。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def joins(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.reason for e in page.edits if e.kind == "join"]


def test_a_date_figure_left_hanging_joins_the_block_its_unit_opens() -> None:
    assert cuts_date_unit("新厂经过两年建设，于2008", "年底建成通水。", load_lm())
    assert cuts_date_unit("汇率一路下跌，到3月8", "日跌至新低。", load_lm())
    assert cuts_date_unit("由某乙带领的“工作组”、10", "月进驻该村。", load_lm())


def test_a_date_unit_needs_a_figure_that_reads_as_that_date() -> None:
    lm = load_lm()
    assert not cuts_date_unit("全县共有199", "年以来的档案。", lm)  # a year of three digits
    assert not cuts_date_unit("工期定在7月13", "月完工。", lm)  # no 13th month
    assert not cuts_date_unit("到3月32", "日完成。", lm)  # no 32nd day
    assert not cuts_date_unit("共收到来信18", "日前，某县召开会议。", lm)  # 日前 opens a paragraph: no unit
    assert not cuts_date_unit("总价为12.5", "年内付清。", lm)  # a decimal is no date
    assert not cuts_date_unit("新厂于2008", "建成通水。", lm)  # no unit opens the block
    assert not cuts_date_unit("2008", "年底建成。", lm)  # no Chinese text before the figure


def test_a_date_unit_three_blocks_on_is_joined_at_the_figure_score() -> None:
    src = "本报讯 某某县的新自来水厂经过两年多的紧张施工，终于在2008"
    first = "据县水利局负责人介绍，新厂的日供水能力达到五万吨，可满足全县城区的用水需求。"
    second = "县里还同时改造了城区的老旧供水管网。"
    rest = "年底建成通水，全县十万群众喝上了放心水。"
    page = run(HEAD + src + "\n\n" + first + "\n\n" + second + "\n\n" + rest)
    (reason,) = joins(page)
    assert DATE_UNIT in reason and "0.99" in reason and "3 block(s) on" in reason
    assert any(b.text.endswith("终于在2008年底建成通水，全县十万群众喝上了放心水。") for b in page.blocks)
    assert DATE_UNIT_REACH == 3


def test_a_figure_cut_after_a_closing_quote_and_a_mark_reads_on() -> None:
    assert cuts_figure("由某乙带领的“工作组”、19", "98年进驻该村")
    assert not cuts_figure("由某乙带领的“工作组”、、19", "98年进驻该村")  # two marks after the quote: no figure


def _over_debris(p: float, gain: float) -> str:
    blocks = [Block(0, "工作组的干部们还为行动不便的", 1, TEXT), Block(1, "彡 乂 丶丿 亠", 3, TEXT),
              Block(2, REST, 5, TEXT)]
    return over_gap(blocks, 0, 2, p, 2, False, load_model(), lambda k: "OCR debris", load_lm(),
                    lambda: [False] * 3, gain)


def test_a_pair_over_debris_the_model_scored_high_is_lifted_with_no_word_across() -> None:
    assert OVER_DEBRIS_P in _over_debris(DEBRIS_MIN_P, 0.0)
    assert _over_debris(DEBRIS_MIN_P - 0.01, 0.0) == ""  # review39a's glued stories scored 0.11-0.22
    assert OVER_DEBRIS in _over_debris(GAP_MIN_P, 2.0)  # a word across the join: the lower bar, as before
