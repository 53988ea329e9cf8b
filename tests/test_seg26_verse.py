"""Unpunctuated verse printed a line of the poem to a line of the dump is read by `read` as one paragraph of printed
lines (joined at spaces): a short block with no clause mark, shaped like a title line. A block read from three or
more dump lines in a row is text (`segment.shapes.printed_run`), so the poem is its title's article, not 'a title
with no article under it' sent to noise (session 25's review). Invented text only."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix import patterns
from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.parts import part_role
from layoutfix.stages.segment.shapes import PRINTED_RUN, printed_run
from layoutfix.stages.segment.words import PageLM

VERSE = ["小城的春天来得早", "河边柳树发了芽", "孩子们在田野里", "放起了五彩风筝", "老人们坐在门口", "晒着暖暖的太阳"]


def _paragraphs(page: layoutfix.model.Page) -> list[str]:
    return [p for it in page.items for p in it.paragraphs]


def _printed(lines: list[str], first: int = 5) -> Block:
    """A block as `read` joins plain lines: at a space, each line's place kept in the origin."""
    text, origin = "", []
    for k, line in enumerate(lines):
        if text:
            text += " "
        origin.append((len(text), first + k))
        text += line
    return Block(id=0, text=text, line=first, origin=tuple(origin))


def test_unpunctuated_verse_printed_a_line_to_a_dump_line_is_an_article_not_noise() -> None:
    page = layoutfix.clean("## 小城故事\n\n作者 王小明\n\n" + "\n".join(VERSE) + "\n")
    assert [it.headline for it in page.items] == ["小城故事"]
    assert "".join(_paragraphs(page)).replace(" ", "") == "".join(VERSE)
    assert not any("小城的春天" in str(n) for n in page.to_dict()["noise"])


def test_verse_under_an_unmarked_title_is_that_title_s_article() -> None:
    page = layoutfix.clean("小城故事\n\n" + "\n".join(VERSE) + "\n")
    assert [it.headline for it in page.items] == ["小城故事"]
    assert "".join(_paragraphs(page)).replace(" ", "") == "".join(VERSE)


def test_lines_of_a_poem_read_as_one_block_are_text_two_lines_may_be_a_title() -> None:
    lm = PageLM(load_lm(Config().lm_path))
    assert part_role(_printed(VERSE[:PRINTED_RUN]), lm) == TEXT
    assert part_role(_printed(VERSE[:PRINTED_RUN - 1]), lm) == TITLE


def test_pieces_from_lines_apart_are_no_printed_run() -> None:
    # pieces `flow` joined from blocks set apart by blank lines are not lines printed in a row
    b = Block(id=0, text="小城的春天来得早河边柳树发了芽孩子们在田野里", line=3, origin=((0, 3), (8, 5), (15, 7)))
    assert not printed_run(b)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(VERSE), min_size=1, max_size=8), st.integers(1, 50))
def test_a_printed_run_is_three_or_more_lines_in_a_row(lines: list[str], first: int) -> None:
    assert printed_run(_printed(lines, first)) == (len(lines) >= PRINTED_RUN)


def test_a_writer_s_word_and_a_space_before_names_is_a_byline() -> None:
    # '作者 某甲' reads as '作者：某甲' does (the author line over the poem above is its byline, not a paragraph)
    assert patterns.is_byline("作者 王小明") and patterns.is_byline("作者：王小明")
    assert patterns.names_in("作者 王小明") == patterns.names_in("作者：王小明") == ["王小明"]
    assert patterns.is_byline("撰文 李红 张明")
    page = layoutfix.clean("## 小城故事\n\n作者 王小明\n\n" + "\n".join(VERSE) + "\n")
    assert [it.byline for it in page.items] == [("王小明",)]


def test_a_sentence_opening_with_the_writer_s_word_is_no_byline() -> None:
    assert not patterns.is_byline("作者 认为这个问题值得讨论")
    assert not patterns.is_byline("作者在书中写道")
