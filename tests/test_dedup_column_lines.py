"""dedup on dumps printed as column lines: a lone recurring line is a sentence said again, a reprinted
paragraph repeats line after line (review17a's specs; invented text)."""
from __future__ import annotations

import pytest

import layoutfix


# --- dedup on column-printed dumps (each printed line of 12-18 characters on its own line, as a column reads) ---

COLUMN_PAGES = {
    # a sentence said again on purpose, printed at the start of a column line both times
    "refrain": ("　　河湾镇的干部常说，修路这件事\n每一段路都要修得结结实实，不能马\n虎。这几年镇里先后修通了六条村道。\n\n"
                "　　去年冬天，县里又拨来一笔资金。\n老支书在会上再次叮嘱，修路这件事\n每一段路都要修得结结实实，不能马\n虎。大家都记在了心里。\n"),
    # two parallel sentences that swap a two-character word and one character (优/劣)
    "parallel": ("　　在果农看来，情况正在变化。某\n种水果在当地是优势品种，但放到\n外省市场上，就可能卖不出价。\n\n"
                 "　　合作社负责人说，反过来看，某\n种蔬菜在当地是劣势品种，但放到\n外省市场上，却可能成为抢手货。\n"),
    # two definitions of a rule text that share a printed line word for word
    "definitions": ("　　所谓村级公益岗位，是指依照本\n办法规定，由乡镇人民政府或者其\n他有关部门设立的岗位。\n\n"
                    "　　所谓村级护林员，是指依照本\n办法规定，由乡镇人民政府或者其\n他有关部门聘用的人员。\n"),
}


@pytest.mark.parametrize("name", sorted(COLUMN_PAGES))
def test_a_column_line_that_recurs_inside_other_paragraphs_is_not_a_duplicate(name: str) -> None:
    # repeats.drop_repeated_segments compares printed lines: on 1,463 clean tuning-day articles printed as 12-18
    # character column lines it drops 21 lines (319 characters, 3.4 per 10k; one-paragraph-a-line pages: 0)
    dump = COLUMN_PAGES[name]
    page = layoutfix.clean(dump.encode())
    assert [e.before for e in page.edits if e.stage == "dedup"] == []
    out = "".join(p for a in page.to_dict()["articles"] for p in a["paragraphs"])
    assert len(out) >= sum(not c.isspace() for c in dump) - 2


def test_a_paragraph_printed_twice_in_column_lines_is_still_dropped() -> None:
    # counter-example: every printed line of the paragraph recurs, one after another
    para = "　　去年冬天，县里又拨来一笔资金。\n老支书在会上再次叮嘱，修路这件事\n每一段路都要修得结结实实，不能马\n虎。大家都记在了心里。\n"
    page = layoutfix.clean(("　　河湾镇先后修通了六条村道，村民出行\n方便多了。\n\n" + para + "\n" + para).encode())
    dropped = [e.before for e in page.edits if e.stage == "dedup" and e.kind == "duplicate"]
    assert "".join(dropped).count("修路这件事") == 1 and len(dropped) >= 3
