"""Stage `glyphs` (placeholder replaced below)."""
from __future__ import annotations

from ..model import Page


def glyphs(page: Page) -> Page:
    return page
