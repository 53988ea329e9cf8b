"""split48: a column's body line cut off its paragraph read as a heading (issue 5, real-OCR pages).

A title-shaped line that holds a printed line's wrap inside a word (a space between two Han characters with a
dictionary word across it: '…一些具 体项目') is a body line, never a title: a title's space stands between its parts.
Between paragraphs such a line is text, a paragraph of its article, not the title of an item of its own; the
decision is logged. Spaced titles and spaced names keep their roles; a run of list lines stays a list; a title group
over a dated report is left as it was (there the line is the report's lead line), and so are a line right under a
title line (a title printed over two lines may wrap inside a word) and an author line ending with a name.

A title-shaped line too long for a kicker (no gold kicker of the tuning folders has more than 24 characters) under a
paragraph and over the title of a dated report is the last line of the text above (a report's closing sentence whose
'。' OCR lost), not that report's kicker.

Invented pages and lines only. The pages are cleaned without `flow`, so that the line stands as a block of its own
(as on the real-OCR pages, where `flow` found no continuation for it)."""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.parts import wrapped_inside_word
from layoutfix.stages.segment.roles import KICKER_LINE_MAX, long_kicker_lines, wrapped_body_lines

_WRAPPED = "县交通局与沿线各乡镇还就道路养护的一些具 体项目"
_HEAD = "某县农村公路建设全面提速"
_PARA1 = "某县今年新修农村公路三百公里，全县所有行政村都通上了硬化路，群众出行难的问题得到解决。"
_PARA2 = "县里把公路建设列为今年的十件实事之一，县长亲自抓，各乡镇也都成立了专门的工作班子，层层落实责任。"
_PARA3 = "目前，全县已有五百多名养护员上岗，每人负责五公里左右的路段，道路的日常养护有了保障。"
_PARA4 = "下一步，县里还将筹集资金，对早年修建的一批窄路进行加宽改造，方便大型车辆通行。"


def _clean(*blocks: str) -> layoutfix.model.Page:  # type: ignore[name-defined]
    return layoutfix.clean("\n\n".join(blocks) + "\n", config=layoutfix.Config().without("flow"))


def _articles(page: layoutfix.model.Page) -> list:  # type: ignore[name-defined]
    return [it for it in page.items if it.kind == "article"]


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1, origin=((0, 2 * k + 1),)) for k, t in enumerate(texts)]


def test_a_wrap_inside_a_word_makes_a_title_shaped_line_between_paragraphs_text() -> None:
    """'…一些具 体项目': the space cuts 具体, so the line is a body line (text); the same words with no space, or with a
    space between words, stay a title line for the heading decision."""
    lm = load_lm(None)
    assert wrapped_inside_word(_WRAPPED, lm)
    roles = [TEXT, TITLE, TEXT]
    assert wrapped_body_lines(_blocks(_PARA2, _WRAPPED, _PARA3), roles, lm) == [TEXT, TEXT, TEXT]
    for line in (_WRAPPED.replace(" ", ""), "县交通局与沿线各乡镇 还就道路养护的一些具体项目"):
        assert not wrapped_inside_word(line, lm)
        assert wrapped_body_lines(_blocks(_PARA2, line, _PARA3), roles, lm) == roles


def test_a_title_whose_parts_a_space_sets_apart_stays_a_title() -> None:
    """The space of a two-part title stands between words, not inside one."""
    lm = load_lm(None)
    for title in ("春风送暖进万家 新春佳节话团圆", "某市大力推进污水治理 三年新建五座处理厂"):
        assert not wrapped_inside_word(title, lm)


def test_a_spaced_name_or_a_row_of_short_runs_is_not_read_as_a_wrapped_line() -> None:
    """A name printed with a space ('王 明') or a row of names: short runs, left to the byline and name passes."""
    lm = load_lm(None)
    for line in ("王 明", "张小 明", "李 华 赵 强 孙 丽"):
        assert not wrapped_inside_word(line, lm)


def test_a_wrapped_body_line_between_two_paragraphs_stays_in_its_article() -> None:
    """Between two paragraphs the wrapped line is a paragraph of the article: one article, no second one headed by it
    (before: the heading model read it as the title of a new item, P(subhead) 0.02), and the decision is logged."""
    page = _clean(_HEAD, _PARA1, _PARA2, _WRAPPED, _PARA3, _PARA4)
    (art,) = _articles(page)
    assert art.headline == _HEAD
    assert len(art.paragraphs) == 5 and "".join(art.paragraphs[2].split()) == _WRAPPED.replace(" ", "")
    (edit,) = [e for e in page.edits if e.stage == "segment" and e.context == _WRAPPED[:30]]
    assert edit.kind == "subhead" and "wrap inside a word" in edit.reason


def test_a_title_group_over_a_dated_report_is_left_as_it_was() -> None:
    """Over a dated report the line is left to the title passes (on the tuning pages such lines are the report's lead
    line; made text, the line stood between the title and the report, which opened an untitled item of its own)."""
    lm = load_lm(None)
    blocks = _blocks(_PARA2, _WRAPPED, "本报讯 某市今年将新建五座污水处理厂，全市的污水处理能力将提高一倍以上。")
    roles = [TEXT, TITLE, TEXT]
    assert wrapped_body_lines(blocks, roles, lm) == roles


def test_a_run_of_list_lines_is_judged_before_a_wrapped_line_is_made_text() -> None:
    """A run of five or more title-shaped lines is a list (`verse_lines`), whatever one line's wrap: none of its lines
    heads an item (a wrapped line made text first would cut the run short and leave the rest to be read as titles)."""
    rows = ["某省农业科学院作物研究所", "某市第一中学高中部语文组", "某县人民医院外科病 房护理组", "某区实验小学少先队大队部",
            "某镇文化站业余文艺演出队", "某乡中心卫生院妇幼保健科"]
    page = _clean(_HEAD, "经评选，下列单位获得先进集体称号，予以表彰：", *rows, _PARA3, _PARA4)
    assert [it.headline for it in _articles(page)] == [_HEAD]


def test_a_wrapped_line_under_a_title_line_is_left_to_the_title_passes() -> None:
    """Right under a title line the wrap may be the title's own (a subheadline printed over two lines): the line stays
    a title line; under a paragraph the same line is a body line."""
    lm = load_lm(None)
    sub = "各界人士欢聚一堂共话发展喜迎新 春佳节"
    assert wrapped_inside_word(sub, lm)
    roles = [TITLE, TITLE, TEXT]
    assert wrapped_body_lines(_blocks("某市举行新春团拜会", sub, _PARA3), roles, lm) == roles
    assert wrapped_body_lines(_blocks(_PARA2, sub, _PARA3), [TEXT, TITLE, TEXT], lm) == [TEXT, TEXT, TEXT]


def test_an_author_line_ending_with_a_name_is_left_to_the_byline_passes() -> None:
    """'…副局长王 建国': a wrap inside a name reads as a word cut, but the line is an author line, not a body line."""
    lm = load_lm(None)
    author = "某县农业局副局长王 建国"
    assert wrapped_inside_word(author, lm)
    roles = [TEXT, TITLE, TEXT]
    assert wrapped_body_lines(_blocks(_PARA2, author, _PARA3), roles, lm) == roles


# --- a line too long for a kicker over the next report's title ---------------------------------------------------------

_CLOSING = "市委副书记王某某、副市长李某某以及市直有关部门负责人等参加了今天的会议"  # (a report's last line, its '。' lost)
_NEXT_HEAD = "某市召开春季植树造林动员大会"
_DATED = "本报讯 某市今天召开春季植树造林动员大会，部署今年全市的植树造林工作，计划新增造林面积五万亩。"


def test_a_line_too_long_for_a_kicker_over_the_next_reports_title_is_the_last_line_of_the_text_above() -> None:
    """A title-shaped line of more than `KICKER_LINE_MAX` characters under a paragraph and over a title line that heads
    a dated report is the closing line of the text above, not the report's kicker: no gold kicker is that long."""
    assert len(_CLOSING) > KICKER_LINE_MAX
    page = _clean(_HEAD, _PARA1, _PARA2, _CLOSING, _NEXT_HEAD, _DATED)
    first, second = _articles(page)
    assert first.headline == _HEAD and first.paragraphs[-1] == _CLOSING
    assert second.headline == _NEXT_HEAD and not second.kicker and second.dateline == "本报讯"
    assert any(e.stage == "segment" and e.context == _CLOSING[:30] and "too long for a kicker" in e.reason
               for e in page.edits)


def test_a_long_title_line_over_its_boxs_first_subhead_or_over_a_name_stays_a_title() -> None:
    """Over a title line that heads plain text (a box's title over its first subhead) or over a bare name (a byline),
    a long title line is a headline, whatever its length."""
    head = "某市今冬明春重点工程建设项目进度安排一览表（第一批共三十项）"
    assert len(head) > KICKER_LINE_MAX
    for under in ("工程建设进度说明", "王小明"):
        roles = [TEXT, TITLE, TITLE, TEXT]
        assert long_kicker_lines(_blocks(_PARA2, head, under, _PARA3), roles) == roles
    roles = [TEXT, TITLE, TITLE, TEXT]
    assert long_kicker_lines(_blocks(_PARA2, _CLOSING, _NEXT_HEAD, _DATED), roles) == [TEXT, TEXT, TITLE, TEXT]
