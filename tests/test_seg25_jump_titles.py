"""A title-shaped line right over a jump line that continues an article from an earlier page ('（上接第3版）') is that
article's title, though a comma or a closing '？' kept the shape tests from calling it one
(`segment.roles.titles_over_jumps`). Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix.model import JUMP, TEXT, TITLE, Block
from layoutfix.stages.segment.roles import titles_over_jumps

ABOVE = "城西新建的三座水厂日前全部投入使用，全区居民用水紧张的状况得到缓解。"
BODY = "近年来，城西人口增长很快，用水需求逐年上升，区里决定新建水厂，并对老旧管网进行改造。"


def test_a_title_with_a_comma_over_a_continuation_jump_line_heads_the_continued_article() -> None:
    page = layoutfix.clean(f"城西三座水厂全部投产\n\n{ABOVE}\n\n节水要靠大家，更要靠制度\n\n（上接第3版）\n\n{BODY}\n")
    first, second = page.items
    assert first.headline == "城西三座水厂全部投产" and first.paragraphs == (ABOVE,)
    assert second.headline == "节水要靠大家，更要靠制度" and second.continued_from == "第3版"
    assert second.paragraphs == (BODY,)


def test_a_question_over_a_continuation_jump_line_is_a_title_too() -> None:
    page = layoutfix.clean(f"城西三座水厂全部投产\n\n{ABOVE}\n\n老旧管网该由谁来改造？\n\n（上接第2版）\n\n{BODY}\n")
    assert page.items[-1].headline == "老旧管网该由谁来改造？" and page.items[-1].continued_from == "第2版"


def test_only_a_title_shaped_line_over_an_upward_jump_is_taken() -> None:
    cut = "区里还提出，今年要完成管网改造。他说，明年将再"  # (two commas and a stop: a paragraph cut mid-sentence)
    blocks = [Block(id=k, text=t, line=2 * k + 1) for k, t in
              enumerate(["节水要靠大家，更要靠制度", "（上接第3版）", BODY, cut, "（上接第4版）", BODY,
                         "节水要靠大家，更要靠制度", "（下转第5版）"])]
    roles = [TEXT, JUMP, TEXT, TEXT, JUMP, TEXT, TEXT, JUMP]
    assert titles_over_jumps(blocks, roles) == [TITLE, JUMP, TEXT, TEXT, JUMP, TEXT, TEXT, JUMP]
    assert roles[0] == TEXT  # (the roles given are not changed in place)
