"""Session 37 (seg37): title groups segment lost.

Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.stages.segment.roles import set_apart


def _page(gap: str, spacing: str = "\n\n") -> str:
    """An article on one topic with a subhead, then a heading on the same topic printed after `gap`; the
    paragraphs are `spacing` apart."""
    return spacing.join((
        "某市全面推进垃圾分类工作",
        "本报某市1月6日电 某市日前召开垃圾分类工作会议，要求各区把垃圾分类作为今年的重点工作，在全市的社区、学校和机关全面推开。",
        "会议提出，到今年年底，全市垃圾分类的覆盖率要达到百分之八十以上，居民垃圾分类的知晓率要达到百分之九十以上。",
        "垃圾分类进社区",
        "在城东的一个社区，居民们每天早晚把分好类的垃圾送到投放点，志愿者在一旁指导居民把垃圾分类投放。",
        "社区负责人说，垃圾分类开展以来，社区的环境明显改善，居民垃圾分类的习惯正在养成。" + gap + "全市中小学垃圾分类知识进课堂",
        "某市各中小学把垃圾分类知识编进课堂，学生们在老师的指导下学习垃圾分类，还把垃圾分类的方法带回家中。",
        "不少学校还组织学生到社区宣传垃圾分类，带动居民参与垃圾分类。",
    )) + "\n"


def test_a_heading_set_apart_by_a_wide_gap_opens_a_new_item_though_it_shares_the_articles_words() -> None:
    page = layoutfix.clean(_page("\n\n\n\n").encode())
    assert [it.headline for it in page.items] == ["某市全面推进垃圾分类工作", "全市中小学垃圾分类知识进课堂"]
    assert page.items[0].paragraphs[-1].startswith("社区负责人说")  # the subhead one blank line apart stays inside
    assert any(e.kind == "heading" and "wide gap" in e.reason for e in page.edits if e.stage == "segment")


def test_the_same_heading_one_blank_line_apart_is_weighed_by_the_model_as_before() -> None:
    page = layoutfix.clean(_page("\n\n").encode())
    assert [it.headline for it in page.items] == ["某市全面推进垃圾分类工作"]
    assert not any("wide gap" in e.reason for e in page.edits)


def test_a_gap_as_wide_as_the_pages_own_paragraph_spacing_sets_nothing_apart() -> None:
    page = layoutfix.clean(_page("\n\n\n", spacing="\n\n\n").encode())  # every paragraph two blank lines apart
    assert not any("wide gap" in e.reason for e in page.edits)


def test_set_apart_reads_the_gap_printed_not_the_models_prior_for_a_page_that_prints_none() -> None:
    assert set_apart({"gap": 1.0, "sibling": 0.0}, None)
    assert not set_apart({"gap": 0.0, "sibling": 0.0}, None)
    assert not set_apart({"gap": 0.141, "sibling": 0.0}, 0.141)  # no wide gap anywhere on the page: the prior says nothing of it


def test_a_wide_gap_before_a_second_subhead_of_the_same_length_leaves_the_decision_to_the_model() -> None:
    # review37a: a subhead may open a new column after a wider gap; with a sibling subhead in the article already the
    # gap alone sets nothing apart
    assert not set_apart({"gap": 1.0, "sibling": 1.0}, None)
    assert set_apart({"gap": 1.0, "sibling": 0.0}, None)
    assert not set_apart({"gap": 1.0, "sibling": 0.0}, 1.0)  # a page that prints no wide gap: the prior says nothing
