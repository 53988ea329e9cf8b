"""A standalone line of OCR scraps set apart by spaces, no piece longer than three characters, is noise even when
two of its characters happen to make a dictionary word ('豹 鞋沙发': word coverage 0.5, which the coverage test lets
pass): its characters are rare together in the word model (`segment.words.rare_scraps`). A spaced two-phrase title
of common words and a photo credit of the same shape stay text. Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.segment.words import PageLM, is_garbage

NO_FLOW = layoutfix.Config().without("flow")


def _lm() -> PageLM:
    return PageLM(load_lm(None))


def test_scraps_of_rare_characters_are_debris_a_title_or_credit_of_the_same_shape_is_not() -> None:
    lm = _lm()
    for line in ("豹 鞋沙发", "枣 钩沙漠", "沙漠鳞 钩", "钩枣 沙漠", "江南 春早", "林小川 摄"):
        assert lm.word_coverage(line) == 0.5  # (the shape the coverage test lets pass)
    assert [is_garbage(line, lm) for line in ("豹 鞋沙发", "枣 钩沙漠", "沙漠鳞 钩", "钩枣 沙漠")] == [True] * 4
    assert [is_garbage(line, lm) for line in ("江南 春早", "林小川 摄")] == [False, False]


def test_a_scrap_line_between_two_paragraphs_goes_to_the_page_noise_with_a_logged_reason() -> None:
    page = layoutfix.clean("山村教师的坚守\n\n"
                           "本报讯 在大山深处的石门村小学，有一位老师默默坚守了半辈子。\n\n"
                           "豹 鞋沙发\n\n"
                           "每逢节日，总有学生回来看望他，给他讲山外的新鲜事。\n", NO_FLOW)
    body = "".join(p for it in page.items for p in it.paragraphs) + "".join(it.headline for it in page.items)
    assert "鞋沙发" not in body.replace(" ", "")
    assert any("鞋沙发" in n.replace(" ", "") for n in page.to_dict(edits=False)["noise"])
    assert not page.unaccounted()
    assert any(e.stage == "segment" and e.kind == "to_noise" and "鞋沙发" in e.context and e.reason and e.confidence > 0
               for e in page.edits)
