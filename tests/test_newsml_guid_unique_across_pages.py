"""review13a (failed on main 7d01787): the NewsML-G2 guid is `urn:layoutfix:<file stem>:<NN>`, so two different
pages with the same file name (page dumps are named by page number: every day has a `01.txt`) give their
first articles the same guid, both at version 1. A NewsML receiver takes a guid as the item's identity and
will treat the second day's article as the first one's (or drop it as already seen). Invented text only.
"""
from __future__ import annotations

from pathlib import Path

import layoutfix
from layoutfix.newsml import page_to_newsml


def _guid(xml: bytes) -> str:
    from lxml import etree

    return etree.fromstring(xml).get("guid")


def test_two_different_pages_with_the_same_file_name_get_different_guids(tmp_path: Path) -> None:
    texts = ["## 某县新建一座图书馆\n\n本报讯 某县新建的图书馆昨天开馆，馆里藏书十万册。\n",
             "## 某市举办春季运动会\n\n本报讯 某市春季运动会昨天开幕，三千名运动员参赛。\n"]
    guids = []
    for day, text in zip(("day1", "day2"), texts):
        f = tmp_path / day / "01.txt"
        f.parent.mkdir()
        f.write_text(text, encoding="utf-8")
        page = layoutfix.clean(f.read_bytes(), source=str(f))
        guids.append(_guid(page_to_newsml(page)[0]))
    assert guids[0] != guids[1], guids
