"""seg31: signatures under a title or a notice that are no person's reporter line (review30a's open byline cases).

Pages are invented; each test failed at 571e861.
"""
from __future__ import annotations

import layoutfix
from layoutfix.model import Page


def _articles(page: Page) -> list:
    return [it for it in page.items if it.kind in ("article", "notice")]


NOTICE = "## 读者来稿须知\n\n本版长期征集反映乡村新貌的散文和随笔，来稿请注明真实姓名和联系方式。\n\n{sig}\n\n2025年3月8日\n"


def test_a_desk_of_the_paper_signing_a_notice_is_its_last_line_not_a_person() -> None:
    """'本报文艺部' under a notice: the paper's desk issues it, as a company's name signs its own notice. Expected: no
    byline, the signature kept as the notice's line. At 571e861: byline ('文艺部',), '本报' read as a role word."""
    page = layoutfix.clean(NOTICE.format(sig="本报文艺部"))
    (item,) = _articles(page)
    assert item.byline == ()
    assert "本报文艺部" in item.paragraphs


def test_a_desk_signature_whose_name_the_dictionary_cuts_in_two_is_no_person_either() -> None:
    """'本报副刊部' (the dictionary reads 副刊 | 部): the same desk signature, no name in it."""
    page = layoutfix.clean(NOTICE.format(sig="本报副刊部"))
    (item,) = _articles(page)
    assert item.byline == () and "本报副刊部" in item.paragraphs


def test_a_media_centre_and_a_name_under_the_title_is_the_byline() -> None:
    """County papers sign '某县融媒体中心 某甲' under the title: the unit, a space, the writer's name, no role word.
    Expected: the name is the byline, the line no paragraph. At 571e861: no byline, the line the first paragraph."""
    page = layoutfix.clean("## 老街夜市重新开张\n\n县融媒体中心 李晓峰\n\n上周末，停业半年的老街夜市重新开张，"
                           "摊位整齐排列，吸引了不少附近居民前来品尝小吃。\n")
    (item,) = _articles(page)
    assert item.byline == ("李晓峰",)
    assert not any("融媒体中心" in p for p in item.paragraphs)


def test_a_university_and_two_names_under_the_title_give_both_names() -> None:
    """'某某大学 某甲 某乙': the writers' unit and their names, set apart by spaces, sign the article."""
    page = layoutfix.clean("## 湿地鸟类调查手记\n\n东海师范大学 刘振华 陈小雨\n\n今年春天，我们在河口湿地连续观察了"
                           "四十多天，记录到的水鸟比往年多出一成。\n")
    (item,) = _articles(page)
    assert item.byline == ("刘振华", "陈小雨")

