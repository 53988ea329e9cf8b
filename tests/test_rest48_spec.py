"""rest48: a paragraph cut at a column break whose rest lands later in the same article (invented text only).

Two shapes flow now joins: a date's figure left hanging whose unit opens the next block (`blocks.cuts_date_unit`),
and a figure cut after a closing quote and a mark (`blocks.cuts_figure`). review48a: farther on, or from a title-like
source, the date's unit is no evidence (the lift over debris alone with no word across was withdrawn: it glued two
stories)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, Block
from layoutfix.stages.flow import flow, load_model
from layoutfix.stages.flow.assign import DATE_UNIT, GAP_MIN_P, OVER_DEBRIS, over_gap
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
    assert cuts_date_unit("工程预计在今年10", "月底完工。", load_lm())  # a month's unit may open a word


def test_a_date_unit_needs_a_figure_that_reads_as_that_date() -> None:
    lm = load_lm()
    assert not cuts_date_unit("全县共有199", "年以来的档案。", lm)  # a year of three digits
    assert not cuts_date_unit("工期定在7月13", "月完工。", lm)  # no 13th month
    assert not cuts_date_unit("到3月32", "日完成。", lm)  # no 32nd day
    assert not cuts_date_unit("共收到来信18", "日前，某县召开会议。", lm)  # 日前 opens a paragraph: no unit
    assert not cuts_date_unit("全村共有12", "号召大家积极参与。", lm)  # nor does 号召
    assert not cuts_date_unit("总价为12.5", "年内付清。", lm)  # a decimal is no date
    assert not cuts_date_unit("新厂于2008", "建成通水。", lm)  # no unit opens the block
    assert not cuts_date_unit("2008", "年底建成。", lm)  # no Chinese text before the figure


def test_a_date_unit_at_the_next_block_is_joined_at_the_figure_score() -> None:
    src = "本报讯 某某县的新自来水厂经过两年多的紧张施工，终于在2008"
    rest = "年底建成通水，全县十万群众喝上了放心水。"
    page = run(HEAD + src + "\n\n" + rest)
    (reason,) = joins(page)
    assert DATE_UNIT in reason and "0.99" in reason and "1 block(s) on" in reason
    assert any(b.text.endswith("终于在2008年底建成通水，全县十万群众喝上了放心水。") for b in page.blocks)


def test_a_unit_farther_on_does_not_override_the_block_that_goes_on() -> None:
    # review48a: '年内' two blocks on opens a paragraph of its own; the figure's own unit opens the next block
    src = "据统计，今年全县接待游客达到1200"
    page = run(HEAD + src + "\n\n万人次，旅游总收入比上年增长两成。\n\n年内，还将有一批新景区陆续开放。")
    assert not any(DATE_UNIT in r for r in joins(page))
    assert any(b.text.startswith("年内，还将有") for b in page.blocks)
    assert DATE_UNIT_REACH == 1


def test_a_title_like_source_is_no_date_cut() -> None:
    page = run("回眸2023\n\n年终岁末，回首这一年，全县干部群众攻坚克难，交出了一份满意的答卷。")
    assert not any(DATE_UNIT in r for r in joins(page))
    assert any(b.text == "回眸2023" for b in page.blocks)


def test_a_figure_cut_after_a_closing_quote_and_a_mark_reads_on() -> None:
    assert cuts_figure("由某乙带领的“工作组”、19", "98年进驻该村")
    assert not cuts_figure("由某乙带领的“工作组”、、19", "98年进驻该村")  # two marks after the quote: no figure


def _over_debris(p: float, gain: float) -> str:
    blocks = [Block(0, "工作组的干部们还为行动不便的", 1, TEXT), Block(1, "彡 乂 丶丿 亠", 3, TEXT),
              Block(2, REST, 5, TEXT)]
    return over_gap(blocks, 0, 2, p, 2, False, load_model(), lambda k: "OCR debris", load_lm(),
                    lambda: [False] * 3, gain)


def test_over_debris_alone_only_a_word_across_the_join_lifts_a_pair() -> None:
    # review48a: a paragraph cut at a page's end, debris, and another story's body score 0.32-0.58 too
    assert _over_debris(0.58, 0.0) == ""
    assert OVER_DEBRIS in _over_debris(GAP_MIN_P, 2.0)
