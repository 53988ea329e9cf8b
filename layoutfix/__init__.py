"""layoutfix: turn raw OCR/layout dumps of Chinese newspaper pages into clean articles.

    >>> import layoutfix
    >>> page = layoutfix.clean(open("page.txt", "rb").read())
    >>> page.to_dict()["articles"][0]["headline"]
    >>> text, edits = layoutfix.fix_and_explain("…")  # plain text, and what was changed and why
"""
from __future__ import annotations

from .buildinfo import build_info
from .config import DEFAULT, STAGES, Config
from .errors import InputError, LayoutfixError, OutputError
from .model import Block, Edit, Item, Page
from .pipeline import clean, fix_and_explain, run_stages

__version__ = "0.1.0"
__all__ = ["clean", "fix_and_explain", "run_stages", "Config", "DEFAULT", "STAGES", "Page", "Item", "Block", "Edit",
           "LayoutfixError", "InputError", "OutputError", "build_info", "__version__"]
