"""review13a (failed on main 7d01787): a form feed (or \\x0b, \\x1c-\\x1e, \\x85, \\u2028, \\u2029) anywhere in a dump
shifts segment's view of the source lines by one from there on.

`read` numbers lines by CR/LF/CRLF only (`LINE_BREAK`), but `segment.prepare` indexes `page.raw.splitlines()`,
which also breaks at those characters. `rejoin_tables` then reads the line *above* a text block as its source
line: the paragraph after a table sees the table's last row (with tabs) and is merged into the table as a row;
`blank_lines_above` (the heading model's `gap` feature) reads the wrong lines too. pdftotext prints a form feed
at every page break, so such dumps are ordinary. Invented text only.
"""
from __future__ import annotations

import pytest

import layoutfix

PAGE = ("## 某市公布一季度数据\n\n指标\t数值\n产量\t120\n收入\t340\n"
        "这是表格后面的一段正文，说明了上面的数字从何而来，也讲了下一步的打算。\n")


def _shape(text: str) -> list[tuple]:
    d = layoutfix.clean(text).to_dict()
    return [(a["kind"], a["headline"], a["paragraphs"], a["tables"]) for a in d["articles"]]


@pytest.mark.parametrize("sep", ["\x0c", "\u2028", "\x85", "\x1c"])
def test_a_line_separator_other_than_cr_lf_before_a_table_changes_nothing(sep: str) -> None:
    plain = _shape(PAGE)
    assert plain[0][2] == ["这是表格后面的一段正文，说明了上面的数字从何而来，也讲了下一步的打算。"]
    assert _shape(sep + PAGE) == plain  # the separator is removed by normalize: the page is the same page
