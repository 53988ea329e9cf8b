"""brief50: a body line `flow` glued onto a photo's caption is cut off it (issue 5, untitled items merged into a
neighbour).

A photo's caption opens with '图为' (or a number, '2、图为'). When `flow` joins a body line cut mid-sentence at a
column's foot onto the caption printed under it, the block over the photo credit reads '…而且首期就图为某某…': the
caption opens inside it, right after a Han character that makes no word with 图, at the start of a dump line that was
joined on. Then the body line is cut off: it stays body text of the article it was cut from, and the photo's caption
is the caption alone (before, the whole block was the caption, and the photo was no gold item's partner). The cut
changes no character and is logged.

Left as they are: a caption whose '图为' follows a stop ('某地迎新春。图为…': a caption's own lead sentence), a word
with 图 ('意图为', '插图为', '右图为'), a caption opening inside one printed line (heavy OCR drops the stop before it),
and a block with no credit under it.

Invented pages and lines only. `flow`'s join is simulated: the page is read and cleaned up to `glyphs` without `flow`,
then the body line and the caption are put into one block whose second dump line starts at the caption, as `flow`
would have joined them; `segment` runs on that page."""
from __future__ import annotations

from dataclasses import replace

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages.segment import segment
from layoutfix.stages.segment.roles import GLUED_CAPTION_RULE, glued_caption_at
from layoutfix.stages.segment.words import PageLM

_TITLE = "某某厂扩建新车间"
_LEAD = "某某厂去年完成产值五千万元，职工们干劲很足，全厂上下都在为新车间早日投产忙碌。"
_CUT = "厂长某甲说，新车间建成后，不但要为全厂八百多名职工的生计负责，而且首期就"
_CAPTION = "图为某甲与职工一起学习新技术。"
_CREDIT = "某乙 摄"
_NEXT_TITLE = "某某县农民喜获丰收"
_NEXT = "某某县今年粮食总产量比去年增长一成，农民人均收入超过六千元，县里还新修了三条乡村公路。"


def _before_segment(*blocks: str) -> Page:
    page = None
    for name, page, _ in layoutfix.run_stages("\n\n".join(blocks) + "\n", layoutfix.Config().without("flow")):
        if name == "glyphs":
            break
    assert page is not None
    return page


def _glued(head: str, caption: str, same_line: bool = False, credit: str | None = _CREDIT) -> Page:
    """The page with `head` and `caption` in one block, as `flow` joins them (the caption's dump line starting where
    it opens in the block; with `same_line`, both on the head's line)."""
    parts = [_TITLE, _LEAD, head, caption] + ([credit] if credit else []) + [_NEXT_TITLE, _NEXT]
    page = _before_segment(*parts)
    blocks = list(page.blocks)
    k = next(i for i, b in enumerate(blocks) if b.text == head)
    assert blocks[k + 1].text == caption
    b, c = blocks[k], blocks[k + 1]
    origin = ((0, b.line),) if same_line else ((0, b.line), (len(head), c.line))
    blocks[k:k + 2] = [replace(b, text=head + caption, origin=origin, flags=b.flags | {"interleaved"})]
    return replace(page, blocks=tuple(blocks))


def _photo(page: Page):  # type: ignore[no-untyped-def]
    photos = [it for it in page.items if it.kind == "photo"]
    assert len(photos) == 1
    return photos[0]


def _article(page: Page, title: str):  # type: ignore[no-untyped-def]
    return next(it for it in page.items if it.kind == "article" and it.headline == title)


def _cuts(page: Page) -> list:  # type: ignore[type-arg]
    return [e for e in page.edits if e.stage == "segment" and e.reason == GLUED_CAPTION_RULE]


def test_a_body_line_flow_glued_onto_a_caption_goes_back_to_its_article_and_the_caption_is_the_caption_alone() -> None:
    page = segment(_glued(_CUT, _CAPTION))
    assert list(_photo(page).captions) == [_CAPTION]
    assert list(_photo(page).byline) == ["某乙"]
    assert list(_article(page, _TITLE).paragraphs) == [_LEAD, _CUT]
    assert _article(page, _NEXT_TITLE).paragraphs[-1] == _NEXT


def test_the_cut_is_logged_at_the_captions_line_and_changes_no_character() -> None:
    page = segment(_glued(_CUT, _CAPTION))
    cuts = _cuts(page)
    assert len(cuts) == 1 and cuts[0].before == "" and cuts[0].after == ""
    text = "".join(p for it in page.items for p in it.paragraphs) + "".join(c for it in page.items for c in it.captions)
    assert _CUT + _CAPTION not in text and _CUT in text and _CAPTION in text


def test_a_numbered_caption_glued_after_a_body_line_is_cut_at_its_number() -> None:
    caption = "2、" + _CAPTION
    page = segment(_glued(_CUT, caption))
    assert list(_photo(page).captions) == [caption]
    assert _article(page, _TITLE).paragraphs[-1] == _CUT


def test_a_caption_whose_picture_note_follows_its_own_lead_sentence_stays_one_caption() -> None:
    lead = "新春佳节临近，某某厂职工自编自演文艺节目。"
    page = segment(_glued(lead, _CAPTION))
    assert list(_photo(page).captions) == [lead + _CAPTION]
    assert not _cuts(page)


def test_a_caption_opening_on_the_line_the_text_before_it_ends_on_stays_one_caption() -> None:
    head = "某某花卉基地今年花卉年产值达三千多万元"  # (a caption whose stop OCR lost, printed on one line)
    page = segment(_glued(head, _CAPTION, same_line=True))
    assert list(_photo(page).captions) == [head + _CAPTION]
    assert not _cuts(page)


def test_a_block_with_no_credit_under_it_is_not_cut() -> None:
    page = segment(_glued(_CUT, _CAPTION, credit=None))
    assert not _cuts(page)
    assert not [it for it in page.items if it.kind == "photo"]


def test_the_caption_opening_is_found_only_after_a_character_that_makes_no_word_with_the_picture_sign() -> None:
    lm = PageLM(load_lm(layoutfix.Config().lm_path))
    assert glued_caption_at("厂长说，而且首期就图为某甲在车间。", lm) == len("厂长说，而且首期就")
    assert glued_caption_at("职工们忙着布置会场2、图为某甲在车间。", lm) == len("职工们忙着布置会场")
    for word in ("意图为", "插图为", "右图为", "试图为"):
        assert glued_caption_at(f"某甲说，这一{word}某乙所绘。", lm) is None, word
    assert glued_caption_at("新春将至。图为某甲在车间。", lm) is None
    assert glued_caption_at("图为某甲在车间。", lm) is None
    assert glued_caption_at("就图为某甲在车间。", lm) is None  # (one Han character is no body line)
