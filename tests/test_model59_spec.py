"""Spec (session 59): the document model compiles, and nothing a user does with its objects changes.

`layoutfix/model.py` joined the compiled modules: a compiled stage then builds a `Block` or an `Edit` natively
instead of calling an interpreted dataclass `__init__`. A compiled frozen dataclass is a native class: pickling it
the default way (a bare object, then each field set) is refused, so each class says how it is made again
(`__reduce__`: its class and its fields in order), and `flow` copies a block with the constructor, not by writing
into the instance's `__dict__` (a native object has none).
"""
from __future__ import annotations

import copy
import pickle
from dataclasses import fields, replace
from pathlib import Path

from hypothesis import given, strategies as st

from layoutfix import clean
from layoutfix.model import Block, Edit, Item, Page
from layoutfix.stages.flow import _replaced

TEXTS = st.text(alphabet=st.sampled_from("本报讯记者某甲乙，。“”\n 1a𠀀"), max_size=20)
ORIGINS = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 99)), max_size=3).map(tuple)
FLAGS = st.frozensets(st.sampled_from(["quoted", "cut", "x"]), max_size=2)
BLOCKS = st.builds(Block, st.integers(0, 9), TEXTS, st.integers(1, 99), st.sampled_from(["text", "title", "table"]),
                   st.booleans(), st.lists(st.lists(TEXTS, max_size=2).map(tuple), max_size=2).map(tuple), ORIGINS,
                   FLAGS)


def _page() -> Page:
    return clean((Path(__file__).parents[1] / "corpus" / "synthetic" / "tune" / "000.txt").read_bytes(), source="000")


def test_a_cleaned_page_survives_pickle_and_copy_field_for_field() -> None:
    page = _page()
    assert page.items and page.edits  # (the page exercises items, blocks and edits)
    for again in (pickle.loads(pickle.dumps(page)), copy.deepcopy(page), copy.copy(page)):
        assert again == page
        assert again.config == page.config  # (`==` skips `config`)
        assert again.to_json() == page.to_json()


def test_each_class_is_made_again_from_its_class_and_its_fields_in_order() -> None:
    page = _page()
    objs = [page, page.items[0], page.edits[0], page.blocks[0] if page.blocks else Block(0, "x", 1)]
    for obj in objs:
        cls, args = obj.__reduce__()
        assert cls is type(obj)
        assert args == tuple(getattr(obj, f.name) for f in fields(obj))
        assert cls(*args) == obj
    assert {type(o) for o in objs} == {Page, Item, Edit, Block}


@given(BLOCKS)
def test_a_block_pickles_to_itself(b: Block) -> None:
    assert pickle.loads(pickle.dumps(b)) == b


@given(BLOCKS, st.one_of(st.none(), TEXTS), st.one_of(st.none(), ORIGINS), st.one_of(st.none(), FLAGS))
def test_flows_block_copy_is_dataclasses_replace(b: Block, text: str | None, origin: tuple[tuple[int, int], ...] | None,
                                                 flags: frozenset[str] | None) -> None:
    changes: dict[str, object] = {k: v for k, v in (("text", text), ("origin", origin), ("flags", flags))
                                  if v is not None}
    got = _replaced(b, text=text, origin=origin, flags=flags)
    want = replace(b, **changes)  # type: ignore[arg-type]
    assert got == want and got.flags is want.flags and got.origin is want.origin  # (the same objects, not copies)


@given(st.lists(BLOCKS, min_size=3, max_size=5))
def test_flows_merged_chain_is_its_head_with_the_chains_text(blocks: list[Block]) -> None:
    """`assign._merged_page` reads a chosen chain as one block: the head's every field (marked, rows, origin, flags:
    review rlead59), the chain's text; each block of `blocks` maps to the merged block that holds it."""
    from layoutfix.stages.flow.assign import _merged_page
    from layoutfix.stages.flow.model import Candidate

    page = Page(source="spec59", raw="", blocks=tuple(blocks))
    chosen = {0: Candidate(0, 2, 0.9, 1.0, 2)}
    merged, where = _merged_page(page, blocks, chosen)
    want = (replace(blocks[0], text=blocks[0].text + blocks[2].text), blocks[1], *blocks[3:])
    assert merged.blocks == want
    assert where == [0, 1, 0, *range(2, len(blocks) - 1)]
