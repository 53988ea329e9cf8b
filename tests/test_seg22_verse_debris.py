"""A line of OCR debris inside a poem does not cut the poem: the verse line under it is no title."""
from __future__ import annotations

import layoutfix

POEM = ["冬日的歌", "雪落在山岗的松林", "风吹过结冰的河面", "炉火映红了", "孩子们的脸庞"]
DEBRIS = "丨乂 亍卩 彡丶"
MORE = ["远处传来牧羊人的歌声", "飘向蓝色的天边", "一只小鸟停在枝头"]


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_debris_inside_a_poem_is_noise_and_the_verse_line_under_it_goes_on_with_the_poem() -> None:
    page = layoutfix.clean("\n\n".join(POEM + [DEBRIS] + MORE))
    (it,) = page.items
    assert it.headline == "冬日的歌" and it.paragraphs == tuple(POEM[1:] + MORE)
    assert any("丨乂" in n.text for n in page.noise)


def test_a_title_under_debris_after_a_finished_paragraph_still_opens_the_next_item() -> None:
    body = "今年冬天雪下得早，村里的孩子们都跑到山坡上堆雪人。"
    a, b = items("\n\n".join(["冬日的山村", body, DEBRIS, "远处传来牧羊人的歌声", "牧羊人老张今年赶着三百只羊进了山，他说今年的草场比往年都好。"]))
    assert (a.headline, a.paragraphs) == ("冬日的山村", (body,))
    assert b.headline == "远处传来牧羊人的歌声"


def _blocks(*texts: str):  # type: ignore[no-untyped-def]
    from layoutfix.model import Block
    return [Block(id=k, text=t, line=2 * k + 1, flags=frozenset({"open_end"})) for k, t in enumerate(texts)]


def test_a_title_with_a_bracketed_remark_over_long_text_ends_the_verse_but_one_over_more_verse_goes_on() -> None:
    from layoutfix.model import TEXT, TITLE
    from layoutfix.stages.segment.roles import verse_lines

    # under a short piece of prose that stops mid-sentence, a picture's title over its caption opens the picture
    caption = "春节临近，城南花市开张迎客，各种鲜花摆满了街道两旁，前来选购的市民络绎不绝。"
    blocks = _blocks("据介绍，双方在", "城南花市开张（图片）", caption)
    assert verse_lines(blocks, [TEXT, TITLE, TEXT])[1] == TITLE
    # the numbered part of a poem, over more short lines, is a line of the poem
    blocks = _blocks("远处的山岗上", "小河的歌（二）", "流过村口的石桥")
    assert verse_lines(blocks, [TEXT, TITLE, TEXT])[1] == TEXT
    # the same line with no bracketed remark under the short piece goes on with it, as before
    blocks = _blocks("据介绍，双方在", "城南花市开张", caption)
    assert verse_lines(blocks, [TEXT, TITLE, TEXT])[1] == TEXT
