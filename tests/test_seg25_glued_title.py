"""A title `flow` glued to the end of a paragraph is cut off again, whatever the join's probability, when the block
printed right under it heads an item (a byline, a role line such as '本报评论员', or a dated report); it goes back in print order,
over that block (`segment.roles.split_glued_titles`, `heads_next_item`). Invented text only."""
from __future__ import annotations

from layoutfix.model import TEXT, Block, Edit, Page
from layoutfix.stages import segment

BODY = "各地还要把引进的技术同自主开发结合起来，把引进设备与自"
TITLE = "论勤俭办一切事业"
LEAD = "当前，各项改革正在深入推进，勤俭节约的传统任何时候都不能丢。"


def _page(under: Block, p: float) -> Page:
    """A paragraph (lines 43, 47) whose last piece, a title line printed after a closing byline, flow joined at `p`."""
    glued = Block(id=0, text=BODY + TITLE, line=43, origin=((0, 43), (len(BODY), 47)))
    sign = Block(id=1, text="（王小明）", line=45)
    rest = Block(id=3, text=LEAD, line=51)
    raw = f"{BODY}\n\n（王小明）\n\n{TITLE}\n\n{under.text}\n\n{LEAD}\n"
    return Page(source="t", raw=raw, blocks=(glued, sign, under, rest),
                edits=(Edit("flow", "join", "", "", 47, p, "continues at line 47"),))


def _lm():  # type: ignore[no-untyped-def]
    return segment.PageLM(segment.load_lm(None))


def test_a_title_glued_at_a_confident_join_over_a_byline_is_cut_off_and_put_back_over_it() -> None:
    page = _page(Block(id=2, text="本报评论员", line=49, role=TEXT), 0.95)
    log: list[Edit] = []
    out = segment.split_glued_titles(list(page.blocks), page.edits, _lm(), log)
    assert [b.text for b in out] == [BODY, "（王小明）", TITLE, "本报评论员", LEAD]
    assert "open_end" in out[0].flags and out[2].line == 47
    (e,) = log
    assert e.kind == "split" and e.before == e.after == "" and "byline" in e.reason


def test_a_title_glued_at_a_confident_join_over_a_dated_report_is_cut_off() -> None:
    page = _page(Block(id=2, text="新华社北京3月2日电 " + LEAD, line=49, role=TEXT), 0.97)
    out = segment.split_glued_titles(list(page.blocks), page.edits, _lm(), log := [])
    assert [b.text for b in out][:3] == [BODY, "（王小明）", TITLE] and "dated report" in log[0].reason


def test_a_confident_join_over_body_text_stands() -> None:
    page = _page(Block(id=2, text="各地要把勤俭节约落到实处。", line=49, role=TEXT), 0.95)
    assert segment.split_glued_titles(list(page.blocks), page.edits, _lm(), []) == list(page.blocks)


def test_the_segmented_page_gives_the_title_its_own_article_with_the_byline_line_and_text() -> None:
    page = _page(Block(id=2, text="本报评论员", line=49, role=TEXT), 0.95)
    first, second = segment.segment(page).items
    assert first.paragraphs == (BODY,) and first.byline == ("王小明",) and TITLE not in "".join(first.paragraphs)
    assert second.headline == TITLE and second.paragraphs == ("本报评论员", LEAD)


def test_printed_after_is_the_next_block_start_unless_a_joined_piece_stands_between() -> None:
    page = _page(Block(id=2, text="本报评论员", line=49, role=TEXT), 0.95)
    blocks = list(page.blocks)
    assert segment.roles.printed_after(blocks, 47).text == "本报评论员"
    assert segment.roles.printed_after(blocks, 43).text == "（王小明）"
    assert segment.roles.printed_after(blocks, 45) is None  # (the joined piece at line 47 stands between)
    assert segment.roles.printed_after(blocks, 51) is None
