"""flow: a block that stops on a comma right after a verbatim copy of one of its own earlier clauses ended before
that copy (a misprint `dedup` removes); it is no open paragraph, so it is not glued to the next block. Invented text."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.flow.blocks import closed_source, ends_in_repeated_clause, is_source
from layoutfix.model import TEXT, Block


COPY_AT_END = "河东新区今年新建了三座社区公园，沿河种下了五千棵银杏，居民散步有了好去处；沿河种下了五千棵银杏，"
NEXT = "明年新区还将继续扩大绿地面积，让更多居民走出家门就能看到绿色。"


def _texts(page: layoutfix.Page) -> list[str]:
    return [p for it in page.items for p in it.paragraphs]


def test_a_block_ending_on_a_copy_of_its_own_clause_is_not_open() -> None:
    assert ends_in_repeated_clause(COPY_AT_END)
    block = Block(id=0, text=COPY_AT_END, line=1, role=TEXT)
    assert is_source(block)  # it looks open (the flow model's training reads it so) ...
    assert "copy of one of its own clauses" in closed_source([block], 0)  # ... but is never joined


def test_a_block_cut_after_a_new_clause_stays_open() -> None:
    cut = "河东新区今年新建了三座社区公园，沿河种下了五千棵银杏，居民散步有了好去处，"
    assert not ends_in_repeated_clause(cut)
    assert not ends_in_repeated_clause("居民散步有了好去处，居民散步有了好去处。")  # closed: not this rule's case
    assert closed_source([Block(id=0, text=cut, line=1, role=TEXT)], 0) == ""


def test_the_copy_is_not_joined_and_goes_with_an_edit() -> None:
    page = layoutfix.clean(f"{COPY_AT_END}\n\n{NEXT}\n")
    texts = _texts(page)
    assert not any(t.endswith(NEXT) and len(t) > len(NEXT) for t in texts), texts  # no join across
    body = "".join(texts)
    assert body.count("沿河种下了五千棵银杏") == 1
    assert "沿河种下了五千棵银杏，" in [n.all_text() for n in page.noise]  # moved, not lost, and logged
    assert any(e.stage == "dedup" and e.kind == "to_noise" and "沿河种下了五千棵银杏" in e.context for e in page.edits)
    assert not any(e.stage == "flow" and e.kind == "join" for e in page.edits)
    assert not page.items[0].truncated  # it ended where the copy began: no open end
