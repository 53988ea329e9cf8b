"""Helpers the specs share: a cleaned page's paragraphs, and the page written back as a dump (for idempotence)."""
from __future__ import annotations

import layoutfix


def paragraphs(page: layoutfix.Page) -> list[str]:
    """Every paragraph of every item, in page order."""
    return [p for it in page.items for p in it.paragraphs]


def as_dump(page: layoutfix.Page) -> str:
    """A cleaned page written back as a dump: each title on a '## ' line, each paragraph a block."""
    out: list[str] = []
    for it in page.items:
        out += ["## " + t for t in (it.kicker, it.headline, it.subheadline) if t]
        out += list(it.paragraphs)
    return "\n\n".join(out) + "\n"
