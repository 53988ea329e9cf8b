"""Spec (lead52): normalize reads a paragraph's opening run of 一 as a dash only when the run is two or three long,
and a paragraph opens where segment will lift a dateline off the block as well as at the block's start.

Hypothesis found a page ('一一一一一一一' under a dateline, then '一') whose text flow joined into '一一一一一一一一';
segment made it its own paragraph, and a second pass read its first three 一 as a dash ('———一一一一一'): the clean
output did not clean again to itself (`test_pipeline`'s `test_cleaning_clean_output_changes_no_paragraph_text`). OCR
reads a dash as two or three marks; a block opening on four or more 一 is no dash (no page of the corpus or OCR cache
opens so), and the first three of such a run are not taken for one. Then hypothesis found '本报讯（记者 张三）' over
'一一一丁一一一': the run was left as printed inside the block, and once segment lifted the dateline out, a second pass
read the paragraph's opening '一一一' as a dash. The dash rule now reads the text after an opening dateline as the
paragraph's opening it becomes.
"""
from __future__ import annotations

import layoutfix
from layoutfix import Config
from layoutfix.stages.normalize import fix_ocr_dash

PAGE = "一\n\n本报讯（记者 张三）\n一一一一一一一\n一\n\n"
DATELINED = "一\n\n本报讯（记者 张三）\n一一一丁一一一\n一\n\n"
TWICE = "本报讯（记者 张三）\n本报讯（记者 张三）\n一一丁\n\n"


def test_a_block_opening_on_four_or_more_yi_keeps_them() -> None:
    for n in (4, 5, 8):
        assert fix_ocr_dash("一" * n) == ("一" * n, [])
        assert fix_ocr_dash("一" * n + "记者") == ("一" * n + "记者", [])


def test_a_two_or_three_mark_dash_opening_a_block_is_still_read_as_one() -> None:
    assert fix_ocr_dash("一一记者")[0] == "——记者"
    assert fix_ocr_dash("一一一记者")[0] == "———记者"
    assert fix_ocr_dash("-一记者")[0] == "-一记者"  # a bullet before 一是… stays (unchanged rule)


def test_a_dash_opening_the_text_after_a_dateline_is_read_as_the_paragraph_opening_it_becomes() -> None:
    assert fix_ocr_dash("本报讯（记者 张三）一一一丁一一")[0] == "本报讯（记者 张三）———丁一一"
    assert fix_ocr_dash("本报北京1月5日电 一一记者在")[0] == "本报北京1月5日电 ——记者在"
    assert fix_ocr_dash("本报讯（记者 张三）一一对应")[0] == "本报讯（记者 张三）一一对应"  # a word in 一一 stays
    assert fix_ocr_dash("他说一一一丁")[0] == "他说一一一丁"  # no dateline: the middle of a block, as before
    twice = "本报讯（记者 张三）本报讯（记者 张三）一一丁"  # segment lifts one; a second pass the other
    assert fix_ocr_dash(twice)[0] == "本报讯（记者 张三）本报讯（记者 张三）——丁"


def test_the_pages_hypothesis_found_clean_again_to_themselves() -> None:
    page = layoutfix.clean(PAGE)
    paragraphs = [p for item in page.items for p in item.paragraphs]
    assert "一一一一一一一一" in paragraphs
    lifted = layoutfix.clean(DATELINED)
    assert [p for item in lifted.items for p in item.paragraphs] == ["———丁一一一一"]
    twice = [p for item in layoutfix.clean(TWICE).items for p in item.paragraphs]
    for p in paragraphs + ["———丁一一一一"] + twice:
        again = layoutfix.clean(p, Config().without("flow", "segment", "glyphs"))
        assert "".join(b.text for b in again.blocks).replace(" ", "") == p.replace(" ", "")
