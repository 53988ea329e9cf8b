"""brief50: a body line `flow` glued onto a photo's caption is cut off it (issue 5, untitled items merged into a
neighbour).

A photo's caption opens with '图为' (or a number, '2、图为'). When `flow` joins a body line cut mid-sentence at a
column's foot onto the caption printed under it, the block over the photo credit reads '…而且首期就图为某某…': the
caption opens inside it, right after a Han character that makes no word with 图, at the start of a dump line that was
joined on. Then the body line is cut off: it is body text of the article it was cut from (the article is truncated
there), and the photo's caption is the caption alone (before, the whole block was the caption, and the photo was no gold item's partner). The cut
changes no character and is logged.

Left as they are: a caption whose '图为' follows a stop ('某地迎新春。图为…': a caption's own lead sentence), a word
with 图 of two or three characters ('意图为', '插图为', '设计图为'), a picture named by its place or a determiner ('右图为',
'如图为', '该图为'), a piece with no clause mark before the '图为' (a caption's title-like first line), a block that
opens as a caption ('图为…', '1、…'), '图为什么', a caption opening inside one printed line (heavy OCR drops the stop
before it), and a block with no credit under it (review50b).

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
    head = "某某花卉基地发展花卉生产，年产值达三千多万元"  # (a caption whose stop OCR lost, printed on one line)
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
    assert glued_caption_at("职工们说，忙着布置会场2、图为某甲在车间。", lm) == len("职工们说，忙着布置会场")
    for word in ("意图为", "插图为", "右图为", "试图为"):
        assert glued_caption_at(f"某甲说，这一{word}某乙所绘。", lm) is None, word
    assert glued_caption_at("新春将至。图为某甲在车间。", lm) is None
    assert glued_caption_at("图为某甲在车间。", lm) is None
    assert glued_caption_at("就图为某甲在车间。", lm) is None  # (one Han character is no body line)


# review50b: what the cut must get right, and where a '图为' inside a block is no glued caption.

def _caption_line(page: Page, head: str, caption: str) -> int:
    """The dump line the caption opens (the second origin of the glued block)."""
    block = next(b for b in page.blocks if b.text == head + caption)
    return block.line_at(len(head))


def _head_line(page: Page, head: str, caption: str) -> int:
    return next(b for b in page.blocks if b.text == head + caption).line


def test_the_cut_is_logged_at_the_dump_line_the_caption_opens_with_the_stages_rule_confidence() -> None:
    glued = _glued(_CUT, _CAPTION)
    line = _caption_line(glued, _CUT, _CAPTION)
    assert line != _head_line(glued, _CUT, _CAPTION)
    cuts = _cuts(segment(glued))
    assert [(e.line, e.kind, e.confidence) for e in cuts] == [(line, "split", 0.9)]


def test_the_article_the_body_line_goes_back_to_is_truncated_and_each_item_holds_its_own_lines() -> None:
    glued = _glued(_CUT, _CAPTION)
    cap_line, head_line = _caption_line(glued, _CUT, _CAPTION), _head_line(glued, _CUT, _CAPTION)
    page = segment(glued)
    article, photo = _article(page, _TITLE), _photo(page)
    assert article.truncated
    assert head_line in article.lines and cap_line not in article.lines
    assert cap_line in photo.lines and head_line not in photo.lines


def test_a_caption_after_a_picture_named_by_its_place_or_a_determiner_is_no_glued_caption() -> None:
    for head in ("某某大桥全长三千米，左", "某某大桥全长三千米，如", "获奖作品共三十幅，该", "获奖作品共三十幅，本",
                 "这一组照片共六幅，组"):
        page = segment(_glued(head, _CAPTION))
        assert not _cuts(page), head
        assert list(_photo(page).captions) == [head + _CAPTION], head


def test_a_caption_wrapped_inside_a_three_character_word_ending_in_the_picture_sign_is_not_cut() -> None:
    for head in ("某某新区规划，效果", "某某大桥，这是设计"):
        page = segment(_glued(head, _CAPTION))
        assert not _cuts(page), head
        assert list(_photo(page).captions) == [head + _CAPTION], head


def test_a_piece_with_no_clause_mark_before_the_caption_is_no_cut_body_line() -> None:
    head = "某某村十年间变化很大。资料"
    page = segment(_glued(head, _CAPTION))
    assert not _cuts(page)
    assert list(_photo(page).captions) == [head + _CAPTION]


def test_a_piece_of_two_han_characters_and_a_clause_mark_is_cut_and_a_two_digit_caption_number_too() -> None:
    lm = PageLM(load_lm(layoutfix.Config().lm_path))
    assert glued_caption_at("甲，就图为某乙在车间。", lm) == len("甲，就")
    assert glued_caption_at("，就图为某乙在车间。", lm) is None  # (one Han character is no body line)
    assert glued_caption_at("某甲说，而且首期就12、图为某乙在车间。", lm) == len("某甲说，而且首期就")


def test_a_block_that_opens_as_a_caption_or_a_numbered_caption_is_not_cut_inside() -> None:
    for head, caption in (("图为雪灾过后，牧民巴", "图为乡亲们送去药品。"), ("图为牧民巴", "图为乡亲们送去药品。"),
                          ("1、某某市第十届冰雪节昨日开幕，游人如织", "2、图为游客在冰雕前留影。")):
        page = segment(_glued(head, caption))
        assert not _cuts(page), head
        assert list(_photo(page).captions) == [head + caption], head


def test_a_question_why_is_no_caption_opening() -> None:
    lm = PageLM(load_lm(layoutfix.Config().lm_path))
    assert glued_caption_at("专家说，这张图为什么引起争议，值得深思。", lm) is None
    page = segment(_glued("专家说，这张", "图为什么引起争议，值得深思。"))
    assert not _cuts(page)


def _cleaned(caption_lines: list[str]) -> Page:
    """The whole pipeline on an invented page: an article, a photo's caption printed on `caption_lines` over its
    credit, and the next article."""
    lines = [_TITLE, _LEAD, "厂长某甲说，新车间建成后，全厂的产能将提高一倍，产品还将销往东南亚各国。", *caption_lines,
             _CREDIT, _NEXT_TITLE, _NEXT]
    return layoutfix.clean("\n\n".join(lines) + "\n")


def test_in_the_whole_pipeline_a_caption_wrapped_inside_a_word_ending_in_the_picture_sign_stays_one_caption() -> None:
    for first, second in (("某某大桥的设计", "图为市设计院提供。"), ("某某新区鸟瞰", "图为航拍。"),
                          ("新区规划平面", "图为市规划院提供。")):
        page = _cleaned([first, second])
        assert not _cuts(page), first
        assert list(_photo(page).captions) == [first + second], first
        assert _photo(page).headline is None, first


def test_a_block_the_reader_marked_or_read_as_a_title_is_not_cut() -> None:
    glued = _glued(_CUT, _CAPTION)
    k = next(i for i, b in enumerate(glued.blocks) if b.text == _CUT + _CAPTION)
    for change in ({"marked": True}, {"role": "title"}):
        blocks = list(glued.blocks)
        blocks[k] = replace(blocks[k], **change)  # type: ignore[arg-type]
        assert not _cuts(segment(replace(glued, blocks=tuple(blocks)))), change
