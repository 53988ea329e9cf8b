"""A dump whose lines end in LF-CR reads as the same dump with LF line ends: the same blocks, at the same line
numbers, and the same items (read as two breaks, each blank line had doubled and segment read the page as spaced
wider: review23a)."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config
from layoutfix.stages.read import raw_lines, read

DUMP = ("## 新厂房投产\n\n●本报记者 赵甲\n\n本报讯 今天上午，城东新厂房正式投产。\n\n"
        "新厂房占地两百亩，年产纸箱三万吨。\n\n## 河湾镇夏粮丰收在望\n\n本报讯 今年河湾镇小麦长势良好。\n")


def test_lf_cr_line_ends_count_one_line_each() -> None:
    assert raw_lines("甲\n\r乙\n\r\n\r丙") == ["甲", "乙", "", "丙"]
    assert raw_lines("甲\r\n\r\n乙") == ["甲", "", "乙"]


def test_a_lf_cr_dump_reads_and_cleans_as_its_lf_twin() -> None:
    lf, lfcr = DUMP, DUMP.replace("\n", "\n\r")
    assert [(b.text, b.line) for b in read(lfcr, Config()).blocks] == [(b.text, b.line) for b in read(lf, Config()).blocks]
    items = [(it.headline, it.paragraphs) for it in layoutfix.clean(lf).items]
    assert [(it.headline, it.paragraphs) for it in layoutfix.clean(lfcr).items] == items
