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


# -- a title flow glued to the head of the paragraph under it (`glued_head`)

HEAD = "城西三座水厂全部投产"
OPENS = "城西新建的三座水厂日前全部投入使用，全区居民用水紧张的状况得到缓解。"


def _headed(rest: str, p: float) -> tuple[Block, tuple[Edit, ...]]:
    b = Block(id=0, text=HEAD + rest, line=11, origin=((0, 11), (len(HEAD), 13)))
    return b, (Edit("flow", "join", "", "", 13, p, "continues at line 13"),)


def test_a_title_glued_to_the_head_of_a_paragraph_that_opens_as_one_is_cut_off_at_a_weak_join() -> None:
    b, edits = _headed(OPENS, 0.7)
    log: list[Edit] = []
    title, rest = segment.split_glued_titles([b], edits, _lm(), log)
    assert (title.text, title.line, title.lines) == (HEAD, 11, (11,))
    assert (rest.text, rest.line, rest.origin) == (OPENS, 13, ((0, 13),))
    (e,) = log
    assert e.kind == "split" and e.line == 11 and "0.70" in e.reason and e.before == e.after == ""


def test_a_head_piece_stays_when_the_text_after_it_continues_it_or_the_join_is_confident() -> None:
    b, edits = _headed("的问候。他说，三座水厂的建成使全区居民用上了放心水。", 0.7)  # (opens as the rest of a sentence)
    assert segment.split_glued_titles([b], edits, _lm(), []) == [b]
    b, edits = _headed(OPENS, 0.95)
    assert segment.split_glued_titles([b], edits, _lm(), []) == [b]


def test_a_block_cut_at_both_ends_gives_three_blocks() -> None:
    b = Block(id=0, text=HEAD + OPENS + TITLE, line=11,
              origin=((0, 11), (len(HEAD), 13), (len(HEAD + OPENS), 15)))
    sign = Block(id=1, text="（王小明）", line=17)
    edits = (Edit("flow", "join", "", "", 13, 0.7, "continues at line 13"),
             Edit("flow", "join", "", "", 15, 0.75, "continues at line 15"))
    out = segment.split_glued_titles([b, sign], edits, _lm(), log := [])
    assert [x.text for x in out] == [HEAD, OPENS, TITLE, "（王小明）"] and len(log) == 2


def test_a_head_piece_is_cut_only_where_an_item_opens() -> None:
    b, edits = _headed(OPENS, 0.7)
    signed = Block(id=5, text="区里还将新建两座水厂。（王小明）", line=9)
    finished = Block(id=5, text="区里还将新建两座水厂。", line=9)
    assert [x.text for x in segment.split_glued_titles([signed, b], edits, _lm(), [])] == [signed.text, HEAD, OPENS]
    assert segment.split_glued_titles([finished, b], edits, _lm(), []) == [finished, b]  # (under a finished paragraph)
