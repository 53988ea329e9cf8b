"""A dump that prints two columns of prose side by side (`pdftotext -layout`) is read column by column: the left
column's lines, then the right's, each paragraph whole; a two-column table and a line with one double space stay
as they were."""
from __future__ import annotations

import layoutfix
from layoutfix.config import Config
from layoutfix.stages.read import read, side_by_side

LEFT = "河湾镇今年组织农技人员深入田间地头，指导农民科学施肥，全镇两万多亩小麦长势良好，预计夏粮产量将比去年增加一成。"
RIGHT = "据了解，镇里还将新修三条机耕道，方便农机下田作业，并在村里建起两个农资服务站，让农民买种子化肥不出村。"


def _two_columns(left: str, right: str, width: int = 14) -> list[str]:
    a = [left[k:k + width] for k in range(0, len(left), width)]
    b = [right[k:k + width] for k in range(0, len(right), width)]
    a += [""] * (max(len(a), len(b)) - len(a))
    b += [""] * (len(a) - len(b))
    return [(x + "  " * (width - len(x)) + "    " + y).rstrip() for x, y in zip(a, b)]


def test_two_columns_side_by_side_are_one_run_with_the_right_columns_start() -> None:
    lines = _two_columns(LEFT, RIGHT)
    assert side_by_side(lines, {}) == {0: (len(lines), 32)}


def test_each_column_comes_back_as_its_own_paragraph_and_the_reading_is_logged() -> None:
    dump = "\n".join(_two_columns(LEFT, RIGHT)) + "\n"
    page = read(dump, Config())
    assert any(e.kind == "columns" for e in page.edits)
    assert [it.paragraphs for it in layoutfix.clean("## 河湾镇夏粮丰收在望\n\n" + dump).items] == [(LEFT, RIGHT)]


def test_a_table_of_two_short_columns_is_no_pair_of_prose_columns() -> None:
    rows = ["东坪镇      820", "西河乡      640", "南山村      315", "北岭村      207"]
    assert side_by_side(rows, {}) == {}


def test_two_lines_side_by_side_are_too_few_to_tell() -> None:
    assert side_by_side(_two_columns(LEFT, RIGHT)[:2], {}) == {}


def test_two_columns_set_apart_by_a_tab_are_prose_columns_not_a_table() -> None:
    lines = [(x.rstrip() + "\t" + y.strip()).rstrip("\t") for x, y in
             (ln.split("    ", 1) if "    " in ln else (ln, "") for ln in _two_columns(LEFT, RIGHT))]
    assert side_by_side(lines, {}) == {0: (len(lines), -1)}
    page = layoutfix.clean("## 河湾镇夏粮丰收在望\n\n" + "\n".join(lines) + "\n")
    assert [it.paragraphs for it in page.items] == [(LEFT, RIGHT)] and not any(it.tables for it in page.items)


def test_a_table_of_two_short_columns_set_apart_by_tabs_stays_a_table() -> None:
    assert side_by_side(["东坪镇\t820", "西河乡\t640", "南山村\t315", "北岭村\t207"], {}) == {}
