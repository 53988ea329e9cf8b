"""A dateline cut before its last character at a column break ('新华社某地12月30日' over '电（记者某甲）…') is put back
together by `segment` (`roles.rejoin_cut_datelines`): the report is dated inside its round-up, and the head is no
heading of an item of its own. Invented text only."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix.model import TEXT, Block
from layoutfix.stages.segment.roles import rejoin_cut_datelines

FIRST = "据新华社东京3月2日电（记者 李明）日本央行今天宣布维持现行利率不变，市场反应平稳。"
SECOND = "央行行长表示，今后将密切关注物价走势和国际金融市场的变化，必要时采取措施。"
REPORT = "电（记者王红）德国外长今天在此间表示，今年欧洲经济形势总体向好，各国合作不断加强。"
AFTER = "他说，欧洲各国应继续加强协调，共同应对各种挑战。"


def _page(head: str) -> str:
    return "## 外国经济观察\n\n" + "\n\n".join([FIRST, SECOND, head, REPORT, AFTER]) + "\n"


def test_a_dateline_cut_before_its_last_character_dates_the_report_inside_its_article() -> None:
    page = layoutfix.clean(_page("新华社柏林3月2日"))
    assert [it.headline for it in page.items] == ["外国经济观察"]
    (item,) = page.items
    assert any(p.startswith("新华社柏林3月2日电") for p in item.paragraphs)
    assert not page.noise and not page.unaccounted()
    assert any(e.stage == "segment" and e.kind == "join" for e in page.edits)


def test_a_wrap_space_inside_the_cut_head_goes() -> None:
    page = layoutfix.clean(_page("新华社柏 林3月2日"))
    assert any(p.startswith("新华社柏林3月2日电（记者王红）") for it in page.items for p in it.paragraphs)
    assert not page.unaccounted()


def test_a_short_line_over_text_that_opens_on_dian_is_joined_only_when_they_make_a_dateline() -> None:
    blocks = [Block(id=0, text="欧洲经济", line=1, origin=((0, 1),)),
              Block(id=1, text="电视节目丰富多彩。", line=3, origin=((0, 3),))]
    assert rejoin_cut_datelines(blocks, []) == blocks


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["新华社", "据新华社", "本报"]), st.sampled_from(["柏林", "东京", "开罗"]),
       st.integers(1, 12), st.integers(1, 28), st.sampled_from(["电", "讯"]))
def test_the_joined_block_keeps_every_character_and_its_lines(agency: str, place: str, month: int, day: int,
                                                               mark: str) -> None:
    head = f"{agency}{place}{month}月{day}日"
    rest = mark + "有关方面今天表示，合作项目进展顺利。"
    blocks = [Block(id=0, text=head, line=5, role=TEXT, origin=((0, 5),)),
              Block(id=1, text=rest, line=7, role=TEXT, origin=((0, 7),))]
    log: list = []
    (joined,) = rejoin_cut_datelines(blocks, log)
    assert joined.text == head + rest and joined.lines == (5, 7) and joined.line_at(len(head)) == 7
    assert len(log) == 1
