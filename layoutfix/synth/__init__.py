"""Synthetic page dumps with exact gold: clean articles in, raw OCR-like pages and defect logs out.

`compose_page` lays out articles the way the real sample dumps look and injects
their defects (column cuts, interleaved fragments, duplicates, glyph errors,
half-width punctuation, wrap spaces …) at rates set by `DefectRates`, logging
each one so a benchmark can score repairs per defect type.
"""
from __future__ import annotations

from .compose import compose_page, make_table, table_lines
from .defects import Confusion, DefectRates
from .source import Vocab

__all__ = ["compose_page", "make_table", "table_lines", "Confusion", "DefectRates", "Vocab"]
