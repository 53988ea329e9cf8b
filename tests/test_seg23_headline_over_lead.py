"""A line under a headline the body talks about, over the body, is the body's first line, however long; under a
kicker the body does not talk about, the line is the headline."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, TITLE, Block
from layoutfix.stages.segment.roles import headline_above
from layoutfix.stages.segment.words import PageLM

BODY = ("今年以来，全市水利建设投入大幅增加，新修水渠三百公里，改造农田灌溉设施两千多处，"
        "水利建设为农业丰收打下了基础。\n\n各县还组织技术人员下乡，帮助农民管好用好水利设施。")


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_an_author_line_under_a_headline_the_body_talks_about_opens_the_body() -> None:
    # (the author line is longer than the short lines `refine_roles` always reads as the body's first)
    (it,) = items("全市水利建设成效显著\n\n市水利局办公室供稿\n\n" + BODY)
    assert (it.kicker, it.headline, it.subheadline) == (None, "全市水利建设成效显著", None)
    assert it.paragraphs[0] == "市水利局办公室供稿" and it.paragraphs[1].startswith("今年以来")


def test_a_headline_under_a_kicker_the_body_does_not_talk_about_stays_in_the_title() -> None:
    (it,) = items("星云绚丽似锦绣恒星弄巧染九天\n\n全市水利建设成效显著\n\n" + BODY)
    assert (it.kicker, it.headline) == ("星云绚丽似锦绣恒星弄巧染九天", "全市水利建设成效显著")
    assert it.paragraphs[0].startswith("今年以来")


def test_headline_above_reads_the_share_of_the_line_above_in_the_opening() -> None:
    lm = PageLM(load_lm(Config().lm_path))
    texts = ["全市水利建设成效显著", "市水利局办公室供稿", BODY.split("\n\n")[0]]
    blocks = [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(texts)]
    assert headline_above(blocks, [TITLE, TITLE, TEXT], 1, lm)
    blocks[0] = Block(id=0, text="星云绚丽似锦绣恒星弄巧染九天", line=1)
    assert not headline_above(blocks, [TITLE, TITLE, TEXT], 1, lm)
    assert not headline_above(blocks, [TITLE, TITLE, TEXT], 1, None)  # (no model, no reading)


def test_on_a_marked_page_a_kicker_under_a_closing_signature_stays_over_its_marked_headline() -> None:
    page = layoutfix.clean("## 全市水利建设成效显著\n\n" + BODY + "\n\n（王小明）\n\n星云绚丽似锦绣恒星弄巧\n\n"
                           "## 城东新建图书馆正式开放\n\n城东新建的图书馆日前正式开放，馆内藏书二十万册。")
    first, second = page.items
    assert first.byline == ("王小明",) and all("星云" not in p for p in first.paragraphs)
    assert (second.kicker, second.headline) == ("星云绚丽似锦绣恒星弄巧", "城东新建图书馆正式开放")


def test_page_noise_between_a_headline_and_the_line_under_it_does_not_make_that_line_a_title() -> None:
    # (a line of OCR debris printed between them; the debris goes to the page's noise)
    page = layoutfix.clean("全市水利建设成效显著\n\n写 房 · 做\n\n市水利局办公室供稿\n\n" + BODY)
    (it,) = page.items
    assert (it.kicker, it.headline) == (None, "全市水利建设成效显著")
    assert it.paragraphs[0] == "市水利局办公室供稿" and page.noise


def test_a_section_label_the_body_happens_to_name_stays_over_the_headline() -> None:
    (it,) = items("水利\n\n新修水渠三百公里\n\n" + BODY)
    assert (it.section, it.headline) == ("水利", "新修水渠三百公里") and it.paragraphs[0].startswith("今年以来")
