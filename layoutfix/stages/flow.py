"""Stage `flow` (being written)."""
from __future__ import annotations

from ..model import Page


def flow(page: Page) -> Page:
    return page
