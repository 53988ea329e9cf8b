"""Stage `segment` (being written)."""
from __future__ import annotations

from dataclasses import replace

from ..model import NOISE, Item, Page


def segment(page: Page) -> Page:
    return unsegmented(page)


def unsegmented(page: Page) -> Page:
    paras = tuple(b.all_text() for b in page.blocks if b.role != NOISE)
    return replace(page, items=(Item(paragraphs=paras),))
