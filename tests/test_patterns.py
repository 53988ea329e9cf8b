"""patterns: bylines, closing signatures and datelines as the press prints them, and as OCR misreads them.

Names here are invented (某甲-style placeholders or common made-up names), never a page's."""
from __future__ import annotations

import layoutfix
from layoutfix import patterns


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


BODY = "标题文字\n\n入冬以来，各旗县提前储备饲草料，确保牲畜安全越冬。\n\n"


def test_an_angle_bracket_closed_by_a_round_one_is_a_misread_round_bracket() -> None:
    # OCR reads '(' as '〈' or '《'; a title closes with its own mark, so '〈…）' is a bracket, not a title
    assert patterns.names_in("〈王建国李晓红）") == ["王建国", "李晓红"]
    assert patterns.END_BYLINE.match("〈记者 王建国）") and patterns.END_BYLINE.match("《王建国）")
    assert not patterns.END_BYLINE.match("《王建国》") and not patterns.END_BYLINE.match("〈王建国〉")
    (it,) = items(BODY + "〈王建国）")
    assert it.byline == ("王建国",) and it.paragraphs[-1].endswith("越冬。")
    assert patterns.dateline_of("据新华社北京1月5日电〈记者王建国、李晓红）今天上午") == \
        ("据新华社北京1月5日电", ["王建国", "李晓红"], 22)
    # a title in its own marks is no byline
    assert all(it.byline == () for it in items(BODY + "《王建国》"))
