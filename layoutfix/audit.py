"""Redo and undo a block's logged edits: the edit log is exact, not only a description.

An edit with an offset (see `Edit`) says: at `offset` in the text as it stood
just before it, `before` became `after`. Applied one at a time in log order
they turn a stage's input into its output; in reverse order, back again.
"""
from __future__ import annotations

from collections.abc import Iterable

from .model import Edit


class AuditError(ValueError):
    """An edit does not fit the text it is applied to (a wrong log or a wrong text)."""


def redo(text: str, edits: Iterable[Edit]) -> str:
    """Apply `edits` (all with an offset, in log order) to the text they were made on."""
    for e in edits:
        if text[e.offset:e.offset + len(e.before)] != e.before:
            raise AuditError(f"line {e.line}: {e.before!r} is not at offset {e.offset}")
        text = text[:e.offset] + e.after + text[e.offset + len(e.before):]
    return text


def undo(text: str, edits: Iterable[Edit]) -> str:
    """Take `edits` (all with an offset, in log order) back out of the text they produced."""
    for e in reversed(list(edits)):
        if text[e.offset:e.offset + len(e.after)] != e.after:
            raise AuditError(f"line {e.line}: {e.after!r} is not at offset {e.offset}")
        text = text[:e.offset] + e.before + text[e.offset + len(e.after):]
    return text
