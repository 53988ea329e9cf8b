"""segment.wide_gap: a column of untitled briefs under an article. The briefs are set apart by one blank line more
than the article's paragraphs; however many briefs the page prints, the gap between a title and its first
paragraph still shows the page's own spacing, so each brief stays an item of its own (review21a)."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages import segment

_TITLE = "## 北坡村建起果蔬冷库"
_PARAS = ["北坡村今年建起一座果蔬冷库，能存放三百吨苹果，村民不必再赶在霜降前贱卖。",
          "冷库由村合作社管理，存一吨果子每月收费二十元，开春后再卖，价钱能高出三成。"]
_BRIEFS = ["南岭乡新修了两座蓄水池，旱季时山坡上的茶园也能浇上水了。",
           "西沟镇文化站添置了三百册新书，每逢周末都有学生来借阅。",
           "东湾村的老石桥加固完工，载重卡车又能从桥上通过了。"]
_SPACED = {"one blank line": lambda d: d,
           "two blank lines": lambda d: d.replace("\n\n", "\n\n\n"),
           "CR CR LF line ends": lambda d: d.replace("\n", "\r\r\n"),
           "an indent-only line before each blank line": lambda d: d.replace("\n\n", "\n\u3000\u3000\n\n")}


def _shape(dump: str) -> list[tuple[str | None, int]]:
    return [(it.headline, len(it.paragraphs)) for it in layoutfix.clean(dump).items]


def _page(paras: int, briefs: int, brief_gap: int = 2) -> str:
    """A title over `paras` paragraphs one blank line apart, then `briefs` untitled briefs `brief_gap` apart."""
    return f"{_TITLE}\n\n" + "\n\n".join(_PARAS[:paras]) + "".join("\n" * (brief_gap + 1) + b for b in _BRIEFS[:briefs]) + "\n"


@pytest.mark.parametrize("spacing", list(_SPACED))
@pytest.mark.parametrize("paras,briefs", [(1, 1), (1, 3), (2, 2), (2, 3)])
def test_briefs_that_outnumber_the_article_s_paragraphs_stay_items_of_their_own(paras: int, briefs: int,
                                                                                spacing: str) -> None:
    # the briefs' gaps are the most common between body-text pairs here; the title's gap says the page's is one
    shape = [("北坡村建起果蔬冷库", paras)] + [(None, 1)] * briefs
    assert _shape(_SPACED[spacing](_page(paras, briefs))) == shape


@pytest.mark.parametrize("spacing", list(_SPACED))
def test_briefs_set_off_only_as_far_as_the_paragraphs_are_read_as_paragraphs(spacing: str) -> None:
    # the counter-example: nothing sets them apart, so they go on the article above
    assert _shape(_SPACED[spacing](_page(2, 3, brief_gap=1))) == [("北坡村建起果蔬冷库", 5)]


def test_a_flush_title_on_a_page_with_doubled_line_ends_does_not_narrow_the_spacing() -> None:
    # '## ' titles printed straight over their text, CR CR LF line ends: titles one blank line over their text,
    # paragraphs three apart. The title's gap is no paragraph spacing here: the article stays whole.
    dump = "## 北坡村建起果蔬冷库\n" + "\n\n".join(_PARAS + ["冷库建成后，邻村也有人把果子运来寄存。"]) + "\n"
    assert _shape(dump.replace("\n", "\r\r\n")) == [("北坡村建起果蔬冷库", 3)]


def _wide(title_gap: int | None, *gaps: int) -> int:
    """wide_gap on blocks of text `gaps` blank lines apart, under a title `title_gap` blank lines above them."""
    raw, blocks, roles = [], [], []
    if title_gap is not None:
        raw, blocks, roles = ["标题"] + [""] * title_gap, [Block(id=0, text="标题", line=1)], [TITLE]
    for k, g in enumerate((0, *gaps)):
        raw += [""] * g + ["甲乙。"]
        blocks.append(Block(id=len(blocks), text="甲乙。", line=len(raw)))
        roles.append(TEXT)
    return segment.wide_gap(raw, blocks, roles, 2)


def test_the_title_s_gap_is_the_page_s_spacing_when_it_is_narrower_than_the_body_s_usual_gap() -> None:
    assert _wide(None, 1, 2, 2) == 3 and _wide(1, 1, 2, 2) == 2  # the briefs' 2 outvote the paragraphs' 1
    assert _wide(1, 2) == 2  # one paragraph and one brief
    assert _wide(2, 2, 3, 3) == 3 and _wide(3, 3, 5, 5) == 4  # the same page spaced wider: 2 and CR CR LF


def test_a_title_s_gap_widens_nothing_and_a_flush_title_s_narrows_nothing() -> None:
    assert _wide(3, 1, 1, 2) == 2  # a title set further apart than the paragraphs
    assert _wide(0, 2, 2, 3) == 3  # '## ' flush over its text on a page spaced two blank lines throughout
    assert _wide(1, 3, 3, 5) == 4  # the same with CR CR LF line ends: less than half the body's gap
    assert _wide(1) == 2 and _wide(None) == 2
