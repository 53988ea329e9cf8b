"""A subheadline the lead paragraph talks about stays in the title; a section head that carries the headline's own
topic word, and an author line, open the body (`segment.roles.headline_above`, `subheadline_in_lead`).
Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.stages.segment.roles import subheadline_in_lead
from layoutfix.stages.segment.words import PageLM, content_words

LEAD = "记者从市城管委获悉，今年全市已有八成小区完成管网改造，供暖工作全面启动，居民可以按时用上暖气。"
REST = "据介绍，其余小区的改造将在年底前完成。"


# -- session 24's review (segment.roles.headline_above, aced97a): a subheadline the body talks about became a body paragraph

def test_a_subheadline_the_body_talks_about_stays_in_the_title_not_a_paragraph() -> None:
    # headline_above makes the line under a title line the body's first line when the body's opening holds the
    # title line's words. A subheadline (副题) elaborates the headline and the body talks about both, so it passes the
    # test too and came out as a bare paragraph of 10 characters with no stop (flow does not join it: it is no
    # cut piece). On 9d1a75b it stayed in the title fields.
    page = layoutfix.clean(f"全市供暖工作全面启动\n\n八成小区完成管网改造\n\n{LEAD}\n\n{REST}\n")
    (it,) = page.items
    assert "八成小区完成管网改造" in (it.kicker, it.headline, it.subheadline)
    assert "八成小区完成管网改造" not in it.paragraphs
    assert it.paragraphs[0].startswith("记者从市城管委获悉")


def test_a_section_head_with_the_headlines_topic_word_still_opens_the_body() -> None:
    # the lead talks about both lines, but the line under the headline names the headline's own topic ('供暖'):
    # a head of the body's first section, as the tuning pages print them ('房改：…' under '房改…')
    (it,) = layoutfix.clean(f"全市供暖工作全面启动\n\n供暖管网改造完成八成\n\n{LEAD}\n\n{REST}\n").items
    assert (it.kicker, it.headline, it.subheadline) == (None, "全市供暖工作全面启动", None)
    assert it.paragraphs[0] == "供暖管网改造完成八成" and it.paragraphs[1].startswith("记者从市城管委获悉")


def test_an_author_line_the_lead_does_not_name_still_opens_the_body() -> None:
    (it,) = layoutfix.clean(f"全市供暖工作全面启动\n\n市城管委办公室供稿\n\n{LEAD}\n\n{REST}\n").items
    assert (it.kicker, it.headline, it.subheadline) == (None, "全市供暖工作全面启动", None)
    assert it.paragraphs[0] == "市城管委办公室供稿"


def test_subheadline_in_lead_needs_both_lines_in_the_lead_and_no_shared_word() -> None:
    lm = PageLM(load_lm(Config().lm_path))
    head = content_words("全市供暖工作全面启动", lm)
    assert subheadline_in_lead("八成小区完成管网改造", head, LEAD, lm)
    assert not subheadline_in_lead("八成小区完成管网改造", head, REST, lm)  # (the lead must hold the line's words)
    assert not subheadline_in_lead("八成小区完成管网改造", content_words("各区绿化面积持续扩大", lm), LEAD, lm)
    assert not subheadline_in_lead("供暖管网改造完成八成", head, LEAD, lm)  # (shares '供暖' with the headline)
    assert not subheadline_in_lead("", head, LEAD, lm)
