"""In a dump of printed column lines, a line opening with a list item's number or a speaker's tag after a sentence's
end opens a paragraph (`read.printed_groups`), however full the line before it."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.stages.read import opens_item


@pytest.mark.parametrize("line", ["（一）河湾县要", "二、河湾县", "3.河湾县", "①河湾县", "问：河湾县", "记者：河湾", "林一帆：河湾县"])
def test_a_list_number_or_a_speakers_tag_opens_an_item(line: str) -> None:
    assert opens_item(line)


@pytest.mark.parametrize("line", ["他说：河湾县", "河湾县的", "2.5万元", "河湾县：今年"])
def test_a_sentence_opening_is_no_item(line: str) -> None:
    assert not opens_item(line)


def test_list_items_printed_over_full_column_lines_stay_apart() -> None:
    page = layoutfix.clean("河湾县冬季供暖部署\n本报讯 河湾县政府近日召开会议，对今冬供\n暖工作作出部署，会议提出了以下几点要求。\n"
                           "（一）各供热企业要提前做好设备检修，确\n保十一月十五日前全县正常供暖到位。\n"
                           "（二）有关部门要做好煤炭调运和储备工\n作，保障全县供暖用煤供应充足稳定。\n")
    (it,) = page.items
    assert [p[:3] for p in it.paragraphs] == ["河湾县", "（一）", "（二）"]
