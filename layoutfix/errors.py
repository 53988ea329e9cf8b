"""Errors that layoutfix reports to a user as one line, never as a traceback."""
from __future__ import annotations


class LayoutfixError(Exception):
    """Base class: the message names the file (when known) and the cause."""

    def __init__(self, cause: str, source: str | None = None) -> None:
        self.cause = cause
        self.source = source
        super().__init__(f"{source}: {cause}" if source else cause)


class InputError(LayoutfixError):
    """The input cannot be read as a page dump: empty, binary, undecodable or too large."""


class OutputError(LayoutfixError):
    """The output cannot be written."""
