"""ocr29: specifications for the classes of lost articles on real-OCR pages that live in `flow` and `segment`.

`benchmarks/OCR_LOSSES.md` has the tally (real_ocr_tune and the seed-2 dev pages, OCR-read gold, main db27f75): of
55 lost articles, 19 are text of the article in the wrong place inside it (flow's wrong or missed joins), 21 merged
with a neighbour and 14 split (13 + 8 of them whole paragraphs put in the wrong article: segment; 7 + 3 joined
inside a paragraph: flow). Of 82 wrong flow joins on those pages, 46 start at a whole paragraph whose closing 。
Tesseract lost (40 joined to a paragraph's start, 6 to the middle of one) and 23 at a cut paragraph joined to the
wrong piece. Invented text only. Every test here fails on ocr29's branch: they are for the stages' owners.
"""
from __future__ import annotations

import layoutfix

_TITLE = "河湾县新建三座图书馆\n\n"


def test_a_paragraph_whose_closing_stop_ocr_lost_is_not_joined_past_the_next_paragraph() -> None:
    # flow, 40 of 82 wrong joins: Tesseract dropped the paragraph's closing 。 ('…读书看报'), so the block reads as
    # cut mid-sentence. flow joins to it the article's THIRD paragraph ('县文化局负责人表示，…'), past the second,
    # which then stands first in the article's text order: '…读书看报县文化局负责人表示…' / '记者从县文化局…'.
    # Expected: three paragraphs in printed order (the first left open, or closed; not joined).
    page = layoutfix.clean(_TITLE + "本报讯 河湾县今年新建了三座图书馆，藏书十二万册，方便了附近的居民读书看报\n\n"
                           "记者从县文化局了解到，全县今年还将建成十个农家书屋，明年实现村村都有书屋。\n\n"
                           "县文化局负责人表示，将加强管理，让书屋真正发挥作用。\n")
    (it,) = page.items
    assert len(it.paragraphs) == 3
    assert it.paragraphs[1].startswith("记者从县文化局") and it.paragraphs[2].startswith("县文化局负责人")


def test_a_paragraph_opening_on_a_stray_clause_mark_does_not_outrank_the_true_continuation() -> None:
    # flow: Tesseract reads a speck before a paragraph's first character as '，' (also '、', '：', '.': 14 readings in
    # the two real-OCR caches; no printed line opens on a closing mark). flow takes the mark for the rest of a cut
    # sentence and joins '，记者从县文化局…' to '…方便了附近的', though the block after it ('居民读书看报。…')
    # continues the sentence. Expected: '…方便了附近的居民读书看报。…' whole; the other paragraph apart.
    page = layoutfix.clean(_TITLE + "本报讯 河湾县今年新建了三座图书馆，藏书十二万册。图书馆每天开放十二个小时，节假日也不闭馆，"
                           "方便了附近的\n\n，记者从县文化局了解到，全县今年还将建成十个农家书屋。\n\n"
                           "居民读书看报。县文化局负责人表示，将加强管理，让图书馆真正发挥作用。\n")
    (it,) = page.items
    assert it.paragraphs[0].endswith("方便了附近的居民读书看报。县文化局负责人表示，将加强管理，让图书馆真正发挥作用。")


def test_a_list_of_names_under_a_numbered_heading_stays_in_the_article() -> None:
    # segment, real_ocr_tune heavy 009: a roll of honour prints its names in runs set apart by spaces, under
    # numbered headings. A run of names (spaces, no clause mark) is title-like: the first run becomes the HEADLINE of
    # a new item whose paragraph is the next heading, and the last run goes to noise ('title line with no article
    # under it'). Expected: one article with both headings and both runs of names.
    page = layoutfix.clean("全市优秀教师名单\n\n本报讯 经评选，全市共有十名教师获得表彰，名单如下：\n\n一、优秀班主任（共5人）\n\n"
                           "城关小学张明 东街小学李红 西山中学王芳 河湾中学赵刚 实验小学刘洋\n\n二、优秀教师（共5人）\n\n"
                           "城关中学陈立 南湖小学周敏 北山中学吴勇 东湖小学郑华 实验中学孙丽\n")
    (it,) = page.items
    assert it.headline == "全市优秀教师名单"
    text = "".join(it.paragraphs).replace(" ", "")
    assert "城关小学张明" in text and "实验中学孙丽" in text and "二、优秀教师" in text
    assert not page.noise
