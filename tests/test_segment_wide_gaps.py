"""segment: on a page that sets its items apart by wide gaps (two or more blank lines), body text after such a
gap under body text opens an item of its own (an untitled brief), and nowhere else."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.model import Block

_TITLE = "公园建设见成效"
_P1 = "今年县里新建三座公园，居民休闲有了好去处，周末游人不断。"
_P2 = "公园里种上了各色花木，县里还请来园艺师傅定期养护。"
_BRIEF = "某省气象台昨日发布消息说，未来三天全省大部有小到中雨，气温略有回落。"
_NEXT = "某乡农民办起合作社"
_P3 = "去年秋天，某乡十几户农民办起蔬菜合作社，今年收入比往年多了两成。"


def _items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_body_text_after_a_wide_gap_opens_an_untitled_item() -> None:
    dump = f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n\n\n{_BRIEF}\n\n\n\n{_NEXT}\n\n{_P3}\n"
    first, brief, last = _items(dump)
    assert (first.headline, first.paragraphs) == (_TITLE, (_P1, _P2))
    assert (brief.headline, brief.paragraphs) == (None, (_BRIEF,))
    assert (last.headline, last.paragraphs) == (_NEXT, (_P3,))


def test_one_blank_line_between_paragraphs_keeps_them_in_one_item() -> None:
    # the same page with the brief printed one blank line under the paragraph before: no evidence of a new item
    dump = f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{_BRIEF}\n\n\n\n{_NEXT}\n\n{_P3}\n"
    first, last = _items(dump)
    assert first.paragraphs == (_P1, _P2, _BRIEF)
    assert last.headline == _NEXT



# A gap is wide against the page's own spacing (`segment.wide_gap`, review20a): a dump that sets every paragraph
# apart by two blank lines, or whose CR CR LF line ends read as two breaks each, or that prints an indent-only
# line before each blank line, is spaced wider throughout; none of its paragraphs is thereby set apart.
_PAGE = ("## 青石县新修三座便民桥\n\n"
         "本报讯（记者 林一）青石县新修的三座便民桥昨日同时通车，沿河两岸的村民不再绕行十多里路。\n\n"
         "县交通局负责人介绍，三座桥都是钢筋混凝土结构，最长的一座有一百二十米，从去年春天开工，历时十个月建成。\n\n"
         "村民王大爷说：“以前赶集要走半天，现在一刻钟就到了。”\n\n"
         "## 河湾镇办起冬季农民夜校\n\n"
         "本报讯（通讯员 赵二）河湾镇今冬办起了农民夜校，每周三个晚上，请县里的农技员给村民讲课。\n\n"
         "夜校开课一个月来，已有四百多人次听课，大棚蔬菜、果树修剪等课程最受欢迎。\n")
_SPACED = [lambda d: d.replace("\n\n", "\n\n\n"),            # two blank lines between all paragraphs
           lambda d: d.replace("\n", "\r\r\n"),              # CR CR LF line ends (a CRLF file written again as text)
           lambda d: d.replace("\n\n", "\n\u3000\u3000\n\n")]  # an indent-only line before each blank line


def _shape(dump: str) -> list[tuple[str | None, int]]:
    return [(it.headline, len(it.paragraphs)) for it in layoutfix.clean(dump).items]


@pytest.mark.parametrize("spaced", _SPACED)
def test_a_page_spaced_wider_throughout_keeps_its_articles_whole(spaced) -> None:  # type: ignore[no-untyped-def]
    assert _shape(_PAGE) == [("青石县新修三座便民桥", 3), ("河湾镇办起冬季农民夜校", 2)]
    assert _shape(spaced(_PAGE)) == _shape(_PAGE)


@pytest.mark.parametrize("spaced", _SPACED[:2])
def test_on_a_page_spaced_wider_a_gap_wider_than_its_own_still_opens_an_untitled_item(spaced) -> None:  # type: ignore[no-untyped-def]
    # the counter-example: the same page with a brief one blank line further down than its paragraphs are
    brief = "东坡乡今年新栽果树两千亩，品种以苹果和梨为主，乡里请来技术员到地头指导村民剪枝施肥。"
    dump = _PAGE.replace("到了。”\n\n", f"到了。”\n\n\n{brief}\n\n")
    shape = [("青石县新修三座便民桥", 3), (None, 1), ("河湾镇办起冬季农民夜校", 2)]
    assert _shape(dump) == shape and _shape(spaced(dump)) == shape
    assert _shape(dump.replace("\n\n\n", "\n\n"))[0] == ("青石县新修三座便民桥", 4)  # set off as its paragraphs are


def test_the_wide_gap_is_one_more_blank_line_than_the_page_usually_prints_between_paragraphs() -> None:
    from layoutfix.model import TEXT, TITLE
    from layoutfix.stages import segment

    def wide(*gaps: int) -> int:  # blocks of text, each `gap` blank lines under the one before
        raw, blocks = ["甲。"], [Block(id=0, text="甲。", line=1)]
        for k, g in enumerate(gaps, 1):
            raw += [""] * g + ["乙。"]
            blocks.append(Block(id=k, text="乙。", line=len(raw)))
        return segment.wide_gap(raw, blocks, [TEXT] * len(blocks), 2)
    assert wide(1, 1, 1, 3) == 2 and wide(0, 0, 2) == 2  # (at least two, however tight the page)
    assert wide(2, 2, 2, 3) == 3 and wide(2, 2, 1) == 3
    assert wide(1, 2) == 2  # a tie: the narrower gap is the page's
    assert wide() == 2
    raw = ["甲。", "", "", "", "标题", "", "", "", "乙。"]
    blocks = [Block(id=0, text="甲。", line=1), Block(id=1, text="标题", line=5), Block(id=2, text="乙。", line=9)]
    assert segment.wide_gap(raw, blocks, [TEXT, TITLE, TEXT], 2) == 2  # only body text after body text counts


def test_a_comma_line_is_a_title_only_under_more_space_than_the_page_sets_between_paragraphs() -> None:
    from layoutfix.model import TEXT, TITLE
    from layoutfix.stages import segment
    para, head = "去年全省粮食生产再获丰收，农民收入稳步提高。", "李师傅，您受累了！"

    def role(gap: int, usual: int) -> str:  # the page prints `usual` blank lines between its other paragraphs
        raw, blocks = [], []
        for k, (text, g) in enumerate([(para, 0), (para, usual), (para, usual), (head, gap), (para, usual)]):
            raw += [""] * g + [text]
            blocks.append(Block(id=k, text=text, line=len(raw)))
        return segment.spaced_titles(blocks, [TEXT] * 5, raw)[3]
    assert role(gap=2, usual=1) == TITLE and role(gap=3, usual=2) == TITLE
    assert role(gap=2, usual=2) == TEXT  # spaced as every paragraph of its page: a sentence of the text


def test_the_gap_feature_sees_a_gap_only_when_it_is_wider_than_the_page_s_own() -> None:
    from layoutfix.model import TEXT, TITLE
    from layoutfix.stages import segment
    blocks = [Block(id=0, text="正文第一段，讲的是农业。", line=1), Block(id=1, text="小标题", line=4),
              Block(id=2, text="正文第二段，讲的还是农业。", line=7)]
    raw = ["正文第一段，讲的是农业。", "", "", "小标题", "", "", "正文第二段，讲的还是农业。"]
    lm = segment.PageLM(segment.load_lm(None))
    roles = [TEXT, TITLE, TEXT]
    assert segment.heading_features(blocks, roles, 1, lm, "", 0, False, raw)["gap"] == 1.0
    assert segment.heading_features(blocks, roles, 1, lm, "", 0, False, raw, wide=3)["gap"] == 0.0
    assert segment.wide_gaps(raw) and not segment.wide_gaps(raw, 3)
