"""A closing byline under an article that others signed already signs the untitled brief right above it."""
from __future__ import annotations

import layoutfix

BRIEF1 = "本报讯 记者张大明报道：城东新建的图书馆日前正式开放，馆内藏书二十万册，每天接待读者上千人次。"
BRIEF2 = "由本市技术人员自行设计的新型公交车昨天投入运营，车内设有无障碍通道和电子报站系统。"


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_a_second_signature_under_a_signed_brief_opens_an_untitled_brief_of_its_own() -> None:
    page = layoutfix.clean("\n\n".join(["城市新闻", BRIEF1, BRIEF2, "（李小红）"]))
    a, b = page.items
    assert (a.dateline, a.byline, a.paragraphs[-1][-6:]) == ("本报讯", ("张大明",), BRIEF1[-6:])
    assert (b.headline, b.byline, b.paragraphs) == (None, ("李小红",), (BRIEF2,))
    assert any(e.kind == "heading" and "signed by others" in e.reason for e in page.edits)


def test_the_same_closing_name_or_an_unsigned_article_keeps_the_paragraph() -> None:
    # the reporter of the dateline signing again: one article
    (it,) = items("\n\n".join(["城市新闻", BRIEF1, BRIEF2, "（张大明）"]))
    assert it.byline == ("张大明",) and it.paragraphs[-1] == BRIEF2
    # an article nobody signed before: the closing name signs it all
    (it,) = items("\n\n".join(["城市新闻", BRIEF1.split("：", 1)[1], BRIEF2, "（李小红）"]))
    assert it.byline == ("李小红",) and it.paragraphs[-1] == BRIEF2
