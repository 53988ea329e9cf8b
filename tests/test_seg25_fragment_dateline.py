"""A heading under body text stands over a dated report when all that lies between is a fragment `flow` left (it runs
across clauses and opens as the rest of a paragraph): it is a title, decided without the heading model
(`segment.roles.fragment_over_dated`). Invented text only."""
from __future__ import annotations

from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.roles import fragment_over_dated, refine_roles
from layoutfix.stages.segment.words import PageLM

ABOVE = "城西新建的三座水厂日前全部投入使用，全区居民用水紧张的状况得到缓解。"
HEADING = "全市菜篮子工程十年成效显著居民普遍满意"
FRAGMENT = "的供应状况，使市场上的蔬菜品种更加丰富。"  # (opens as the rest of a sentence)
DATED = "本报北京3月2日讯记者王小明报道：十年来，全市菜篮子工程建设成效显著，蔬菜、肉类供应充足。"


def _lm() -> PageLM:
    return PageLM(load_lm(Config().lm_path))


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(texts)]


def test_a_fragment_over_a_dated_report_is_read_through() -> None:
    lm = _lm()
    blocks = _blocks(ABOVE, HEADING, FRAGMENT, DATED)
    roles = [TEXT, TITLE, TEXT, TEXT]
    assert fragment_over_dated(blocks, roles, 2, lm)
    assert refine_roles(blocks, roles, lm=lm, log=(log := [])) == roles  # (the heading stays a title)
    (d,) = [d for d in log if d.index == 1]
    assert d.rule and not d.subhead and d.probability is None  # (decided by the rule, not the model)


def test_a_paragraph_that_opens_as_one_or_no_dateline_under_it_is_no_such_fragment() -> None:
    lm = _lm()
    assert not fragment_over_dated(_blocks(ABOVE, HEADING, ABOVE, DATED), [TEXT, TITLE, TEXT, TEXT], 2, lm)
    assert not fragment_over_dated(_blocks(ABOVE, HEADING, FRAGMENT, ABOVE), [TEXT, TITLE, TEXT, TEXT], 2, lm)
    assert not fragment_over_dated(_blocks(ABOVE, HEADING, FRAGMENT, DATED), [TEXT, TITLE, TEXT, TEXT], 2, None)
