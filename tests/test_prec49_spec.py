"""dedup (session 49): a phrase printed twice in a row where flow joined a title-like line ending in the phrase to a
paragraph opening with it (a subhead or a column-cut headline over its text) is no misprint and stays; a doubling
inside one printed line, and a body line's tail read again at the next line's start, still go. Invented text only."""
from __future__ import annotations

from dataclasses import replace

from layoutfix import Config
from layoutfix.model import Block, Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.doublings import drop_tandem_repeats
from layoutfix.stages.flow.blocks import is_title_like
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

SUBHEAD = "走访青松岭"                       # a title-like line ending in the place's name
TEXT = "青松岭村坐落在大山脚下，全村三百多户人家靠种茶为生。"  # the paragraph under it opens with the name
BODY = "记者日前跟随县里的工作组，走了一整天山路才到达青松岭"  # a body line (not title-like) ending in the name


def joined(first: str, second: str) -> Page:
    """A page whose one text block is `first` (dump line 1) joined by flow to `second` (dump line 3)."""
    page = normalize(read(f"{first}\n\n{second}\n", Config()))
    block = Block(id=0, text=first + second, line=1, origin=((0, 1), (len(first), 3)))
    return replace(page, blocks=(block,))


def doubled(page: Page) -> list:  # type: ignore[type-arg]
    return [e for e in page.edits if e.stage == "dedup" and e.kind == "doubled"]


def test_the_invented_lines_have_the_shapes_the_rule_reads() -> None:
    assert is_title_like(SUBHEAD) and not is_title_like(BODY)


def test_a_subhead_joined_to_a_paragraph_that_opens_with_its_last_words_keeps_both() -> None:
    # (session 53: kept as two blocks, the subhead over its text, so that no paragraph holds the phrase twice)
    page = dedup(joined(SUBHEAD, TEXT))
    assert not doubled(page)
    assert [b.text for b in page.blocks] == [SUBHEAD, TEXT]


def test_a_headline_cut_inside_the_phrase_by_the_column_keeps_both_copies() -> None:
    # '…青松' | '岭青松岭村…': the title-like piece ends inside the first copy
    page = dedup(joined(SUBHEAD[:-1], SUBHEAD[-1] + TEXT))
    assert not doubled(page)
    assert [b.text for b in page.blocks] == [SUBHEAD[:-1], SUBHEAD[-1] + TEXT]  # cut where the lines meet


def test_the_same_doubling_inside_one_printed_line_is_still_removed() -> None:
    page = dedup(normalize(read(f"{SUBHEAD}{TEXT}\n", Config())))
    (edit,) = doubled(page)
    assert edit.before == "青松岭" and edit.after == "" and "printed twice in a row" in edit.reason
    assert page.blocks[0].text == "走访" + TEXT


def test_a_body_lines_tail_read_again_at_the_next_lines_start_is_still_removed() -> None:
    page = dedup(joined(BODY, TEXT))
    (edit,) = doubled(page)
    assert edit.before == "青松岭" and edit.line == 1
    assert page.blocks[0].text == BODY[:-3] + TEXT


def test_a_doubling_inside_the_title_like_piece_itself_is_still_removed() -> None:
    # the piece holds both copies: a misprint of the line, whatever follows it
    text = "走访青松岭青松岭村" + "全村三百多户人家靠种茶为生。"
    out, changes = drop_tandem_repeats(text, None, ((0, 9),))
    assert changes == [(2, "青松岭", "tandem")] and out == "走访青松岭村全村三百多户人家靠种茶为生。"


def test_the_pieces_are_followed_through_an_earlier_removal() -> None:
    # a misprint removed before the subhead moves the subhead's piece left; the subhead's doubling still stands
    before = "合作社合作社的规模"
    text = before + SUBHEAD + TEXT
    out, changes = drop_tandem_repeats(text, None, ((len(before), len(before) + len(SUBHEAD)),))
    assert changes == [(0, "合作社", "tandem")]
    assert out == "合作社的规模" + SUBHEAD + TEXT

