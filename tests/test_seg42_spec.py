"""seg42: a heading under a photo's note ('图为…', the label '图片：') opens the next item (`roles.PHOTO_NOTE_RULE`).

The texts are invented."""
from __future__ import annotations

import layoutfix
from layoutfix.model import NOISE, TEXT, TITLE, Block


def _blocks(texts: list[str]) -> list[Block]:
    return [Block(id=i, text=t, line=2 * i + 1) for i, t in enumerate(texts)]


BODY = "东湖村今年种下三百亩果园，村里请来技术员教大家剪枝施肥，果农们都说收成有了盼头。"
NOTE = "图为村民在果园里学习剪枝技术。"
NEXT = "西山镇中学新建的图书馆开馆了，学生们课间都愿意到这里坐一坐，翻一翻新到的杂志。"


def test_a_heading_under_a_paragraph_opening_as_a_caption_stands_under_a_photo_note() -> None:
    from layoutfix.stages.segment import photo_note_above
    roles = [TEXT, TEXT, TITLE, TEXT]
    assert photo_note_above(_blocks([BODY, NOTE, "书香满校园", NEXT]), roles, 2)
    assert photo_note_above(_blocks([BODY, "上图：村民在果园里剪枝。", "书香满校园", NEXT]), roles, 2)


def test_the_label_over_a_caption_counts_one_block_up_and_ocr_debris_is_read_past() -> None:
    from layoutfix.stages.segment import photo_note_above
    blocks = _blocks([BODY, "图片：", "村民在果园里学习剪枝技术。", "书香满校园", NEXT])
    assert photo_note_above(blocks, [TEXT, TEXT, TEXT, TITLE, TEXT], 3)
    blocks = _blocks([BODY, NOTE, "丶 亻 冂", "书香满校园", NEXT])
    assert photo_note_above(blocks, [TEXT, TEXT, NOISE, TITLE, TEXT], 3)


def test_a_caption_opening_further_up_or_inside_running_text_is_no_photo_note() -> None:
    from layoutfix.stages.segment import photo_note_above
    roles = [TEXT, TEXT, TITLE, TEXT]
    assert not photo_note_above(_blocks([NOTE, BODY, "书香满校园", NEXT]), roles, 2)  # the note is not the last text
    assert not photo_note_above(_blocks([BODY, "村民说，" + NOTE, "书香满校园", NEXT]), roles, 2)
    assert not photo_note_above(_blocks(["图片：", BODY, BODY, "书香满校园", NEXT]), [TEXT, TEXT, TEXT, TITLE, TEXT], 3)
    assert not photo_note_above(_blocks([NOTE, "书香满校园", NEXT]), [TITLE, TITLE, TEXT], 1)  # no text above


def test_the_heading_under_a_photo_note_is_logged_as_a_title_by_its_rule_with_the_features_kept() -> None:
    from layoutfix.stages import segment
    from layoutfix.stages.segment.roles import PHOTO_NOTE_RULE
    lm = segment.PageLM(segment.load_lm(None))
    blocks = _blocks([BODY, NOTE, "果园里的新技术", BODY])
    log: list[segment.HeadingDecision] = []
    roles = segment.refine_roles(blocks, [TEXT, TEXT, TITLE, TEXT], lm=lm, log=log)
    assert roles[2] == TITLE
    assert [(d.index, d.subhead, d.rule) for d in log] == [(2, False, PHOTO_NOTE_RULE)]
    assert set(log[0].features) == set(segment.HEADING_FEATURES)  # (the trainer's example, as the model's were)


def test_the_same_heading_under_the_article_s_own_text_is_still_weighed_by_the_model() -> None:
    from layoutfix.stages import segment
    lm = segment.PageLM(segment.load_lm(None))
    blocks = _blocks([NOTE, BODY, "果园里的新技术", BODY])
    log: list[segment.HeadingDecision] = []
    segment.refine_roles(blocks, [TEXT, TEXT, TITLE, TEXT], lm=lm, log=log)
    assert [(d.index, d.rule) for d in log] == [(2, None)] and log[0].probability is not None


def test_a_page_whose_article_closes_on_its_photo_note_opens_the_next_item_at_the_heading() -> None:
    page = ("东湖村果园喜迎丰收\n\n" + BODY + "\n\n" + NOTE + "\n\n书香满校园\n\n" + NEXT + "\n\n"
            "图书馆每天中午和傍晚开放，学生们还自发组织了读书会，每周交流一本好书。\n")
    assert [a.headline for a in layoutfix.clean(page).items] == ["东湖村果园喜迎丰收", "书香满校园"]
