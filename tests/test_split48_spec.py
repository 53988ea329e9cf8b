"""split48: a column's body line cut off its paragraph read as a heading (issue 5, real-OCR pages).

A title-shaped line that holds a printed line's wrap inside a word (a space, after a run of four or more characters,
between two Han characters with a dictionary word across it that the LM reads as one, strongly: '…一些具 体项目') is
a body line, never a title: a title's space stands between its parts. Between paragraphs such a line is text, a
paragraph of its article, not the title of an item of its own, and its wrap spaces go as a paragraph's do; both are
logged. Spaced titles, letter-spaced labels, two-part headlines that read a weak word across their space and spaced
names keep their roles; a run of list or verse lines stays one; a title group over a dated report is left as it was
(there the line is the report's lead line), and so are a line right under a title line (a title printed over two
lines may wrap inside a word) and an author line ending with a name.

Invented pages and lines only. The pages are cleaned without `flow`, so that the line stands as a block of its own
(as on the real-OCR pages, where `flow` found no continuation for it)."""
from __future__ import annotations

from dataclasses import replace

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import NOISE, TEXT, TITLE, Block
from layoutfix.stages.segment.headings import HeadingDecision
from layoutfix.stages.segment.parts import WRAP_GAIN_MIN, WRAPPED_MIN, WRAPPED_RUN, wrapped_inside_word
from layoutfix.stages.segment.roles import (
    POEM_PART_RULE, WRAP_SPACE_REASON, WRAPPED_GROUP_MAX, WRAPPED_LINE_RULE, unwrapped_body_lines, wrapped_body_lines)

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
    (before: the heading model read it as the title of a new item, P(subhead) 0.24), and the decision is logged."""
    page = _clean(_HEAD, _PARA1, _PARA2, _WRAPPED, _PARA3, _PARA4)
    (art,) = _articles(page)
    assert art.headline == _HEAD
    assert len(art.paragraphs) == 5 and art.paragraphs[2].replace(" ", "") == _WRAPPED.replace(" ", "")
    (edit,) = [e for e in page.edits if e.stage == "segment" and e.kind == "subhead"]
    assert edit.context == _WRAPPED.replace(" ", "")[:30] and "wrap inside a word" in edit.reason


def test_a_wrapped_body_line_made_text_loses_its_wrap_space_and_the_removal_is_logged() -> None:
    """As a paragraph the line keeps no wrap space (a paragraph keeps none): '…一些具体项目', and one segment `space`
    edit at the space's place in the line and its source line, so the change can be read and undone."""
    page = _clean(_HEAD, _PARA1, _PARA2, _WRAPPED, _PARA3, _PARA4)
    (art,) = _articles(page)
    assert art.paragraphs[2] == _WRAPPED.replace(" ", "")
    (edit,) = [e for e in page.edits if e.stage == "segment" and e.kind == "space"]
    assert (edit.before, edit.after, edit.offset, edit.reason) == (" ", "", _WRAPPED.index(" "), WRAP_SPACE_REASON)
    assert edit.line == 7  # (the fourth block of the dump: blocks are set apart by an empty line)


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
    """'…副局长张 国强': a wrap inside a name reads as a word cut, but the line is an author line, not a body line."""
    lm = load_lm(None)
    author = "某县农业局副局长张 国强"
    assert wrapped_inside_word(author, lm)
    roles = [TEXT, TITLE, TEXT]
    assert wrapped_body_lines(_blocks(_PARA2, author, _PARA3), roles, lm) == roles


def test_a_letter_spaced_label_or_name_over_a_headline_stays_a_heading() -> None:
    """Letter-spacing leaves runs of one character: '社 评' reads a word across its space, strongly, but the run left of
    it is no printed line, so a label over its headline, a letter-spaced headline or a row of names is no body line;
    nor is a title opening with a short part set apart ('金奖 某县农民合唱 团'), whatever its later spaces cut, or one
    whose last words are letter-spaced ('… 夺 冠')."""
    lm = load_lm(None)
    for line in ("社 评 某县坚定推进农村改革", "短 评 让群众少跑腿多办事", "某 市 女 篮 夺冠归来", "王 国 庆 李 建 国",
                 "金奖 某县农民合唱 团", "冠军 某省青年足球 队", "某市女子篮球队 夺 冠"):
        assert not wrapped_inside_word(line, lm)
        assert wrapped_body_lines(_blocks(_PARA2, line, _PARA3), [TEXT, TITLE, TEXT], lm) == [TEXT, TITLE, TEXT]


def test_a_two_part_headline_reading_a_weak_word_across_its_space_stays_a_heading() -> None:
    """'…说不 用行动…': 不用 is a word, but the LM reads it across the space with a gain under `WRAP_GAIN_MIN`: the two
    parts of a headline, not a printed line's wrap (whose words across gain more: 具体)."""
    lm = load_lm(None)
    for title in ("某市向违章建筑说不 用行动守护青山", "某县群众致富路 路通财通百业兴"):
        assert 0.0 < lm.join_gain(*title.split()) < WRAP_GAIN_MIN
        assert not wrapped_inside_word(title, lm)
        assert wrapped_body_lines(_blocks(_PARA2, title, _PARA3), [TEXT, TITLE, TEXT], lm) == [TEXT, TITLE, TEXT]
    assert lm.join_gain("一些具", "体项目") >= WRAP_GAIN_MIN


def test_the_run_left_of_the_wrap_is_a_printed_lines_worth() -> None:
    """The run left of the space has `WRAPPED_RUN` characters or more: four reads as a wrap, three does not (even with
    a longer run right of it), and the line holds `WRAPPED_MIN` characters or more besides spaces: six, not five."""
    lm = load_lm(None)
    assert (WRAPPED_RUN, WRAPPED_MIN) == (4, 6)
    assert wrapped_inside_word("县道路具 体项目", lm)
    assert not wrapped_inside_word("道路具 体项目养护", lm)
    assert wrapped_inside_word("乡镇一些具 体", lm)
    assert not wrapped_inside_word("路一些具 体", lm)


_VERSE = ["孩子们在小河边放风 筝", "春风吹绿了山岗", "细雨润湿了田野", "农家院里杏花开", "老人们坐在门前"]


def test_a_wrapped_line_inside_a_run_of_verse_lines_is_judged_with_the_run() -> None:
    """A poem's first line with a wrap inside it stays with the poem: the verse pass reads the run first, and the line
    opens a run of title lines longer than a title group (made text alone, it would leave the rest of the run to be
    read as the titles of an item of their own)."""
    lm = load_lm(None)
    assert wrapped_inside_word(_VERSE[0], lm)
    page = _clean(_HEAD, _PARA1, *_VERSE, _PARA4)
    assert [it.headline for it in _articles(page)] == [_HEAD]


def test_two_wrapped_lines_in_a_row_between_paragraphs_are_both_text() -> None:
    """The second line's neighbour above is the first as this pass left it (text), not the title line it had been: a
    line under a title line is left alone, a line under a body line is not."""
    lm = load_lm(None)
    second = "各乡镇也都成立了专门的工作班 子层层落实责任"
    assert wrapped_inside_word(second, lm)
    blocks = _blocks(_PARA1, _WRAPPED, second, _PARA3)
    assert wrapped_body_lines(blocks, [TEXT, TITLE, TITLE, TEXT], lm) == [TEXT, TEXT, TEXT, TEXT]


def test_a_wrapped_line_over_a_headline_over_a_dated_report_is_left_as_it_was() -> None:
    """The title group is every title line under the wrapped one: over a headline that heads a dated report, the line
    is left to the title passes as it is right over the report."""
    lm = load_lm(None)
    blocks = _blocks(_PARA2, _WRAPPED, "某市新建五座污水处理厂", "本报讯 某市今年将新建五座污水处理厂，全市的污水处理能力将提高一倍以上。")
    roles = [TEXT, TITLE, TITLE, TEXT]
    assert wrapped_body_lines(blocks, roles, lm) == roles


def test_each_wrap_space_removed_is_one_edit_at_its_place_once_the_earlier_ones_are_gone() -> None:
    """A line with two wraps loses both spaces: two `space` edits, each at its offset in the line as it stands once the
    spaces before it are removed (so the edits, applied in turn, redo the change and, in reverse, undo it)."""
    line = "县交通局与沿线各乡镇还就道 路养护的一些具 体项目"
    page = _clean(_HEAD, _PARA1, _PARA2, line, _PARA3, _PARA4)
    (art,) = _articles(page)
    assert art.paragraphs[2] == line.replace(" ", "")
    spaces = [e for e in page.edits if e.stage == "segment" and e.kind == "space"]
    first, second = line.index(" "), line.rindex(" ")
    assert [(e.before, e.offset) for e in spaces] == [(" ", first), (" ", second - 1)]


def test_a_wrapped_line_over_two_printed_lines_keeps_its_lines_in_place() -> None:
    """Where the line runs over two printed lines, the space removed at the wrap moves the second line's start one
    character back (its origin), and the edit names the first printed line, where the space stood."""
    text = "县交通局与沿线各乡镇还就道路养护的一些具 体项目"
    cut = text.index(" ")
    block = Block(id=1, text=text, line=5, origin=((0, 5), (cut + 1, 6)))
    edits: list = []
    log = [HeadingDecision(1, True, None, {}, rule=WRAPPED_LINE_RULE)]
    para = Block(id=0, text=_PARA2, line=3, origin=((0, 3),))
    out = unwrapped_body_lines([para, block], [TEXT, TEXT], log, edits)
    assert out[0] is para and out[1].text == text.replace(" ", "") and out[1].origin == ((0, 5), (cut, 6))
    (edit,) = edits
    assert (edit.kind, edit.line, edit.offset) == ("space", 5, cut)
    assert unwrapped_body_lines([para, block], [TEXT, TITLE], log, []) == [para, block]  # (a title keeps its spaces)


def test_only_unmarked_title_lines_are_asked() -> None:
    """A line the dump marks as a title ('## ') stays a title, and a line another pass has already decided (noise, text)
    is left as it is, with no decision logged for it."""
    lm = load_lm(None)
    marked = _blocks(_PARA2, _WRAPPED, _PARA3)
    marked[1] = replace(marked[1], marked=True)
    assert wrapped_body_lines(marked, [TEXT, TITLE, TEXT], lm) == [TEXT, TITLE, TEXT]
    log: list = []
    for role in (NOISE, TEXT):
        assert wrapped_body_lines(_blocks(_PARA2, _WRAPPED, _PARA3), [TEXT, role, TEXT], lm, log) == [TEXT, role, TEXT]
    assert log == []


def test_a_line_another_pass_made_text_keeps_its_spaces() -> None:
    """Only the lines made text for a wrap inside a word lose their spaces: a verse line (a poem's parts) keeps its."""
    block = Block(id=1, text=_WRAPPED, line=5, origin=((0, 5),))
    blocks = _blocks(_PARA2)[:1] + [block]
    log = [HeadingDecision(1, True, None, {}, rule=POEM_PART_RULE)]
    assert unwrapped_body_lines(blocks, [TEXT, TEXT], log, []) == blocks


def test_a_wrapped_line_opening_a_run_of_three_title_lines_is_left_to_the_title_passes() -> None:
    """Over two more title lines the wrapped line opens a short list or poem, or a full title group: made text, it would
    go to the item above and leave the rest of the run heading an item of its own. Over one title line (the next item's
    headline, '图片新闻'), it is the last line of the text above."""
    lm = load_lm(None)
    assert WRAPPED_GROUP_MAX == 2
    rows = ["某省农业科学院作物研究所", "某市第一中学高中部语文组"]
    roles = [TEXT, TITLE, TITLE, TITLE, TEXT]
    assert wrapped_body_lines(_blocks(_PARA2, _WRAPPED, *rows, _PARA3), roles, lm) == roles
    page = _clean(_HEAD, _PARA1, "经评选，下列单位获得先进集体称号。", "某县人民医院外科病 房护理组", *rows, _PARA4)
    assert not any("护理组" in p for p in _articles(page)[0].paragraphs)  # (not sent to the item above)
    assert wrapped_body_lines(_blocks(_PARA2, _WRAPPED, "图片新闻", _PARA3), [TEXT, TITLE, TITLE, TEXT], lm) \
        == [TEXT, TEXT, TITLE, TEXT]
