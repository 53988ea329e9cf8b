"""review13a (failed on main 7d01787): a line with no Han character, no digit and no letter (a printed rule
'-----', '==========', '* * *', box debris '■■■ ||| ~~~') becomes a body paragraph of the article around it.

`segment.is_garbage` needs two Han characters before it calls a line debris, and `part_role` sends every
other short line to TEXT, so marks-only lines reach `paragraphs` (noise leaked) and glyphs even rewrites the
letters of 'l1l1 II|| 0o0o' as digits (l1l111 ... 000o) although DEBRIS_AS_PRINTED says debris stays as printed.
Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix

BODY = ("## 某县新建一座图书馆\n\n本报讯 某县新建的图书馆昨天开馆，馆里藏书十万册，每天开放十二个小时。\n\n"
        "{rule}\n\n开馆第一天，来借书的读者排起了长队，馆长说今后还要增加电子阅览室。\n")


@pytest.mark.parametrize("rule", ["-----", "==========", "■■■ ||| ~~~", "──────"])
def test_a_line_of_marks_alone_is_noise_not_a_paragraph(rule: str) -> None:
    d = layoutfix.clean(BODY.format(rule=rule)).to_dict()
    paragraphs = [p for a in d["articles"] for p in a["paragraphs"]]
    assert not any(rule.replace(" ", "") in p.replace(" ", "") for p in paragraphs), paragraphs
    assert any(rule.replace(" ", "") in n.replace(" ", "") for n in d["noise"])


@pytest.mark.parametrize("mark", ["＊＊＊", "* * *", "…………"])
def test_a_section_break_or_an_omission_printed_alone_stays_a_paragraph(mark: str) -> None:
    """The clean news text the corpus comes from prints '＊＊＊' (a section break) and '…………' (an omission) as
    paragraphs of their own, the only paragraphs there without a letter, digit or Han character: not debris."""
    d = layoutfix.clean(BODY.format(rule=mark)).to_dict()
    paragraphs = [p.replace(" ", "") for a in d["articles"] for p in a["paragraphs"]]
    assert len(paragraphs) == 3 and not d["noise"], (paragraphs, d["noise"])
