"""Stage `dedup` (being written)."""
from __future__ import annotations

from ..model import Page


def dedup(page: Page) -> Page:
    return page
