"""order47: a paragraph that goes on after whole paragraphs of its article, which OCR read out of the column's
order (invented text only)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import NOISE, TABLE, TEXT, TITLE, Block
from layoutfix.stages.flow import flow, load_model
from layoutfix.stages.flow.assign import GAP_MIN_P, OVER_PARAGRAPHS, over_gap, whole_paragraphs
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

HEAD = "## 某某县冬季送温暖活动启动\n\n"
SOURCE = ("本报讯 今年入冬以来，某某县组织机关干部走村入户，为困难群众送去棉衣、棉被和取暖用煤。县里还专门成立了工作组，"
          "逐户核对困难家庭的名单，确保每一户都不落下。工作组的干部们还为行动不便的")
FIRST = "据县民政局负责人介绍，全县今年共筹集救助资金三百万元，比去年增加两成，其中大部分用于购买冬季生活物资。"
SECOND = "此外，县里还为五十名孤寡老人安排了集中供养。"
REST = "老人送去了热腾腾的饺子，不少老人拉着干部的手久久不愿松开。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def joins(dump: str) -> list[str]:
    return [e.reason for e in run(dump).edits if e.kind == "join"]


def test_a_paragraph_goes_on_after_two_whole_paragraphs_read_out_of_order() -> None:
    page = run(HEAD + SOURCE + "\n\n" + FIRST + "\n\n" + SECOND + "\n\n" + REST)
    texts = [b.text for b in page.blocks]
    assert any(t.endswith("还为行动不便的老人送去了热腾腾的饺子，不少老人拉着干部的手久久不愿松开。") for t in texts), texts
    # the paragraphs between stay whole, in their order, after the joined one
    assert texts[-2:] == [FIRST, SECOND]
    reason = next(e.reason for e in page.edits if e.kind == "join")
    assert OVER_PARAGRAPHS in reason and "the model's 0." in reason and "2 paragraphs between" in reason


def test_one_whole_paragraph_between_is_left_to_the_model() -> None:
    # a source left open over one paragraph is as often a paragraph that lost its last mark as one read out of order
    assert not any(OVER_PARAGRAPHS in r for r in joins(HEAD + SOURCE + "\n\n" + FIRST + "\n\n" + REST))


def _blocks(*shapes: tuple[str, str]) -> list[Block]:
    return [Block(k, text, 1 + 2 * k, role) for k, (role, text) in enumerate(shapes)]


SRC_BLOCK = (TEXT, "工作组的干部们还为行动不便的")
PARA = (TEXT, FIRST)
REST_BLOCK = (TEXT, REST)


def _over(blocks: list[Block], p: float = 0.3, titled: bool = False, walls: list[bool] | None = None) -> str:
    n = len(blocks)
    return over_gap(blocks, 0, n - 1, p, n - 1, titled, load_model(), lambda k: "", load_lm(),
                    lambda: walls or [False] * n, 0.0)


def test_two_or_three_whole_body_paragraphs_between_lift_the_pair() -> None:
    assert OVER_PARAGRAPHS in _over(_blocks(SRC_BLOCK, PARA, PARA, REST_BLOCK))
    assert OVER_PARAGRAPHS in _over(_blocks(SRC_BLOCK, PARA, PARA, PARA, REST_BLOCK))
    assert whole_paragraphs(_blocks(PARA, PARA)) and whole_paragraphs(_blocks(PARA, PARA, PARA))
    # one paragraph, or four, is no such gap (one: a coin flip on the tuning pages; four: never measured)
    assert _over(_blocks(SRC_BLOCK, PARA, REST_BLOCK)) == ""
    assert _over(_blocks(SRC_BLOCK, PARA, PARA, PARA, PARA, REST_BLOCK)) == ""


def test_only_whole_running_text_between_counts() -> None:
    # an open piece between is another cut paragraph's; a heading or a title-like line between is no body text
    assert _over(_blocks(SRC_BLOCK, PARA, (TEXT, "另一篇报道的一段文字，写到这里就被截断了，"), REST_BLOCK)) == ""
    assert _over(_blocks(SRC_BLOCK, PARA, (TITLE, "干部们的冬天"), REST_BLOCK)) == ""
    assert _over(_blocks(SRC_BLOCK, PARA, (TEXT, "干部们的冬天"), REST_BLOCK)) == ""
    assert _over(_blocks(SRC_BLOCK, PARA, (TEXT, "冬天还冷吗？"), REST_BLOCK)) == ""  # a heading that closes
    assert not whole_paragraphs(_blocks(PARA, ("byline", "本报记者 某某")))
    # a block of another role that ends a sentence (a table row, a line taken as noise) is no body paragraph
    # (review47a: the role test was untested)
    assert not whole_paragraphs(_blocks(PARA, (TABLE, "全县今年共筹集救助资金三百万元。")))
    assert not whole_paragraphs(_blocks(PARA, (NOISE, "全县今年共筹集救助资金三百万元。")))
    # a wall among them (an article's start) parts two stories
    assert _over(_blocks(SRC_BLOCK, PARA, PARA, REST_BLOCK), walls=[False, True, False, False]) == ""


def test_the_model_must_still_see_a_continuation_and_neither_end_may_be_a_title() -> None:
    blocks = _blocks(SRC_BLOCK, PARA, PARA, REST_BLOCK)
    assert _over(blocks, p=GAP_MIN_P - 0.01) == ""
    assert _over(blocks, titled=True) == ""
    # a title-like target heads its own text
    assert _over(_blocks(SRC_BLOCK, PARA, PARA, (TEXT, "送温暖的干部们"))) == ""


def test_a_likelier_rival_of_the_source_keeps_it() -> None:
    # the lifted pair gives way to a rival the model scored higher (`unlift_outranked`): here the source's own
    # reading of the paragraph right under it as its continuation
    dump = HEAD + SOURCE + "\n\n" + "“今年的冬天不冷了。”一位老人说。" + "\n\n" + FIRST + "\n\n" + REST
    assert not any(OVER_PARAGRAPHS in r for r in joins(dump))
