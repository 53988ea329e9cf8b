"""An article written by several hands prints each section as a subhead over its author's name over the text. Once
the article holds such a section, a later heading over a bare name over body text is its next section, not a new
article signed under its title (`segment.roles.signed_section_before`). Invented text only."""
from __future__ import annotations

from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.roles import refine_roles, signed_section_before
from layoutfix.stages.segment.words import PageLM

TITLE_LINE = "回望这一年的小说创作"
INTRO = "岁末年初，我们请几位评论家分别谈谈过去一年小说创作的收获与不足。"
HEAD_1, NAME_1 = "长篇小说佳作迭出", "王立新"
TEXT_1 = "过去一年的长篇小说创作，在题材和手法上都有新的开拓，一些作品受到读者的欢迎。"
HEAD_2, NAME_2 = "短篇小说重新受到重视", "李文华"
TEXT_2 = "短篇小说曾经一度受到冷落，今年一些文学期刊重新把短篇放在重要位置。"


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(texts)]


def _lm() -> PageLM:
    return PageLM(load_lm(Config().lm_path))


def test_a_heading_over_a_name_after_a_signed_section_is_the_next_section() -> None:
    blocks = _blocks(TITLE_LINE, INTRO, HEAD_1, NAME_1, TEXT_1, HEAD_2, NAME_2, TEXT_2)
    roles = [TITLE, TEXT, "subhead", TEXT, TEXT, TITLE, TITLE, TEXT]
    assert signed_section_before(blocks, roles, 5)
    log: list = []
    out = refine_roles(blocks, roles, lm=_lm(), log=log)
    assert out[5] == "subhead" and out[6] == TEXT
    assert any(d.index == 5 and d.subhead and d.rule for d in log)


def test_a_section_of_an_earlier_article_does_not_count() -> None:
    # a title line between them opens another article: its heading is weighed on its own
    blocks = _blocks(TITLE_LINE, INTRO, HEAD_1, NAME_1, TEXT_1, "另一篇文章的标题", TEXT_2, HEAD_2, NAME_2, TEXT_2)
    roles = [TITLE, TEXT, "subhead", TEXT, TEXT, TITLE, TEXT, TITLE, TITLE, TEXT]
    assert not signed_section_before(blocks, roles, 7)


def test_an_unsigned_subhead_before_does_not_count() -> None:
    blocks = _blocks(TITLE_LINE, INTRO, HEAD_1, TEXT_1, HEAD_2, NAME_2, TEXT_2)
    roles = [TITLE, TEXT, "subhead", TEXT, TITLE, TITLE, TEXT]
    assert not signed_section_before(blocks, roles, 4)


def test_a_heading_over_a_name_over_another_topic_is_left_to_the_model() -> None:
    other = "本市两百辆新能源公交车近日投入运营，车内装有空调和无线网络，市民乘车更加舒适。"
    blocks = _blocks(TITLE_LINE, INTRO, HEAD_1, NAME_1, TEXT_1, "新能源公交车投入运营", NAME_2, other)
    roles = [TITLE, TEXT, "subhead", TEXT, TEXT, TITLE, TITLE, TEXT]
    log: list = []
    refine_roles(blocks, roles, lm=_lm(), log=log)
    assert [d.rule for d in log if d.index == 5] == [None]
