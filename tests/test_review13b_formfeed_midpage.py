"""review13b: 8a60329's test puts the separator before the whole page; pdftotext prints a form feed at each page
break, so it also stands between two articles. Every later lookup of a source line (rejoin_tables' row test,
the heading model's blank-line gap) must still read the line `read` numbered. Invented text only."""
from __future__ import annotations

import pytest

import layoutfix

FIRST = "## 某县新建一座图书馆\n\n本报讯 某县新建的图书馆昨天开馆，馆里藏书十万册，每天开放十二个小时。\n\n"
TABLE = ("## 某市公布一季度数据\n\n指标\t数值\n产量\t120\n收入\t340\n"
         "这是表格后面的一段正文，说明了上面的数字从何而来，也讲了下一步的打算。\n")


def _shape(text: str) -> list[tuple]:
    d = layoutfix.clean(text).to_dict()
    return [(a["kind"], a["headline"], a["paragraphs"], a["tables"]) for a in d["articles"]]


@pytest.mark.parametrize("sep", ["\x0c", "\x0c\n", "\u2028"])
def test_a_page_break_between_two_articles_leaves_the_table_after_it_as_printed(sep: str) -> None:
    plain = _shape(FIRST + TABLE)
    assert plain[-1][2][-1] == "这是表格后面的一段正文，说明了上面的数字从何而来，也讲了下一步的打算。"
    assert plain[-1][3] == [[["指标", "数值"], ["产量", "120"], ["收入", "340"]]], plain  # three rows, no more
    assert _shape(FIRST + sep + TABLE) == plain
