"""segment: undated text under a titled article that its closing byline closed, which opens as the rest of a paragraph
rather than as one (flow's learned opening odds), is a piece of that article's paragraph cut off before the signature
(`flow` left it there), not an untitled item of its own: it goes after the article's last paragraph that stops
mid-sentence. Text after the signature that opens like a paragraph still opens an item. Invented text; flow is
switched off so that segment meets the piece as flow would have left it."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config

NO_FLOW = Config().without("flow")
TITLE = "河湾县敬老院来了新院长\n\n"
LEAD = "本报讯 河湾县敬老院新院长上任后，先把院里的老人挨个看了一遍，记下每个人的难处。\n\n"
CUT = "上个月，院里有一位七十\n\n"
CLOSED = "院里还开了一间阅览室，订了十几种报刊。\n\n"
SIGNATURE = "（李明）\n\n"
PIECE = "岁的老人生病住院，院长每天都去医院看望，老人逢人便夸新院长好。"


def test_a_piece_after_the_signature_goes_back_after_the_paragraph_it_was_cut_from() -> None:
    page = layoutfix.clean(TITLE + LEAD + CUT + CLOSED + SIGNATURE + PIECE, NO_FLOW)
    (article,) = page.items
    assert article.headline == "河湾县敬老院来了新院长" and article.byline == ("李明",)
    assert article.paragraphs[1:] == ("上个月，院里有一位七十", PIECE, "院里还开了一间阅览室，订了十几种报刊。")
    assert any(e.stage == "segment" and e.kind == "moved" and "opening odds" in e.reason for e in page.edits)
    assert not page.unaccounted()


def test_text_after_the_signature_that_opens_like_a_paragraph_is_still_an_item_of_its_own() -> None:
    brief = "近日，西山镇中心小学换上了新课桌，孩子们都很高兴。"
    page = layoutfix.clean(TITLE + LEAD + CUT + SIGNATURE + brief, NO_FLOW)
    article, item = page.items
    assert article.paragraphs[-1] == "上个月，院里有一位七十" and item.paragraphs == (brief,)


def test_a_piece_after_an_untitled_briefs_signature_is_not_taken_into_the_brief() -> None:
    # a column of signed briefs: what follows a brief's signature is the next brief, however it opens
    page = layoutfix.clean("本报讯 河湾县敬老院上个月接收了一位七十\n\n" + SIGNATURE + PIECE, NO_FLOW)
    assert len(page.items) == 2 and page.items[1].paragraphs == (PIECE,)
