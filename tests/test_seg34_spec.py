"""A paragraph cut at a column break inside a figure ('…教了整整32' over '年书，…') is put back together by `segment`
(`segment.figures.rejoin_cut_figures`): the short piece that stops on a digit is no heading of a new item nor a
subhead. Invented text only; the pages run without `flow`, which joins such simple pages itself."""
from __future__ import annotations

import layoutfix
from layoutfix.model import TEXT, Block
from layoutfix.stages.segment.figures import continues_figure, heads_rest, rejoin_cut_figures
from layoutfix.lm import load_lm
from layoutfix.stages.segment.words import PageLM

NO_FLOW = layoutfix.Config().without("flow")


def _page(piece: str, rest: str) -> str:
    return ("山村教师的坚守\n\n"
            "本报讯 在大山深处的石门村小学，有一位老师默默坚守了半辈子。\n\n"
            f"{piece}\n\n{rest}\n\n"
            "每逢节日，总有学生回来看望他。\n")


def test_a_paragraph_cut_inside_a_count_over_its_unit_stays_one_paragraph_of_one_article() -> None:
    page = layoutfix.clean(_page("王老师在这所小学已经教了整整32", "年书，教过的学生有的当了医生，有的当了工程师。"), NO_FLOW)
    assert [it.headline for it in page.items] == ["山村教师的坚守"]
    assert "王老师在这所小学已经教了整整32年书，教过的学生有的当了医生，有的当了工程师。" in page.items[0].paragraphs
    assert not page.unaccounted()
    assert any(e.stage == "segment" and e.kind == "join" and "figure" in e.reason for e in page.edits)


def test_a_paragraph_cut_inside_a_year_is_put_back_together() -> None:
    page = layoutfix.clean(_page("老校舍始建于19", "86年，当时只有三间土坯房，一到雨天就漏雨。"), NO_FLOW)
    assert [it.headline for it in page.items] == ["山村教师的坚守"]
    assert "老校舍始建于1986年，当时只有三间土坯房，一到雨天就漏雨。" in page.items[0].paragraphs


def _lm() -> PageLM:
    return PageLM(load_lm(None))


def test_a_figure_goes_on_with_digits_or_a_one_character_unit_only() -> None:
    lm = _lm()
    assert continues_figure("始建于19", "86年，当时", lm)
    assert continues_figure("教了整整32", "年书，教过", lm)
    assert continues_figure("度过了漫长的115", "个日夜，", lm)
    assert not continues_figure("报告会上共有5", "日前，有关部门", lm)  # a word of its own ('日前') opens a sentence
    assert not continues_figure("第一项收于24.82", "2某某股份24.05", lm)  # a decimal: a ranked list's next row
    assert not continues_figure("东部地区190215484", "2343", lm)  # a run too long for one figure: a table's row
    assert not continues_figure("西部地区合计12", "二、农业科技人员", lm)  # a Chinese numeral: a list's next head


def test_a_title_shaped_piece_whose_words_come_again_under_it_heads_that_text() -> None:
    lm = _lm()
    assert heads_rest("光明成长基金2", "6日起发行，光明成长基金由某某基金公司管理。", lm)
    assert not heads_rest("王老师在这所小学已经教了整整32", "年书，教过的学生有的当了医生。", lm)


def test_the_joined_block_keeps_every_character_and_both_lines() -> None:
    piece, rest = "老校舍始建于19", "86年，当时只有三间土坯房。"
    blocks = [Block(id=0, text=piece, line=5, role=TEXT, origin=((0, 5),)),
              Block(id=1, text=rest, line=7, role=TEXT, origin=((0, 7),))]
    log: list = []
    (joined,) = rejoin_cut_figures(blocks, _lm(), log)
    assert joined.text == piece + rest and joined.lines == (5, 7) and joined.line_at(len(piece)) == 7
    assert len(log) == 1 and log[0].before == log[0].after == ""


def test_a_lone_figure_or_a_piece_under_a_figure_with_no_han_is_left_apart() -> None:
    blocks = [Block(id=0, text="3", line=5, role=TEXT, origin=((0, 5),)),
              Block(id=1, text="4周横滚等高难动作。", line=7, role=TEXT, origin=((0, 7),))]
    assert rejoin_cut_figures(blocks, _lm(), []) == blocks


def test_a_line_between_body_text_that_opens_a_quotation_and_stops_is_no_title() -> None:
    """'…问老支书：“往后 有啥' over '打算？”他笑着说…': a paragraph cut at a column break inside a quotation
    (`roles.leaves_open`), not the title of a new item."""
    page = layoutfix.clean(_page("记者问老支书：“往后 有啥", "打算？”他笑着说，要带着大家种果树、办加工厂。"), NO_FLOW)
    assert [it.headline for it in page.items] == ["山村教师的坚守"]
    assert any(p.startswith("记者问老支书") for p in page.items[0].paragraphs)


def test_a_line_leaves_open_a_quotation_a_book_title_or_a_bracket_only_when_it_opens_more_than_it_closes() -> None:
    from layoutfix.stages.segment.roles import leaves_open
    assert leaves_open("他说：“这条路") and leaves_open("读《山乡") and leaves_open("某某（上")
    assert not leaves_open("“退群”之后") and not leaves_open("《山乡巨变》再版") and not leaves_open("冬泳迎新年（图片）")
