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


def articles(page: layoutfix.Page) -> list:
    """The page's items of kind article."""
    return [it for it in page.items if it.kind == "article"]


def body(page: layoutfix.Page) -> str:
    """Every paragraph of the page, one a line."""
    return "\n".join(paragraphs(page))


def captions(page: layoutfix.Page) -> list[str]:
    return [c for it in page.items for c in (it.captions or ())]


def noise(page: layoutfix.Page) -> str:
    return " | ".join(getattr(n, "text", n) if not isinstance(n, str) else n for n in page.noise)


def shape(page: layoutfix.Page) -> list:
    """Each item's kind, titles, byline, paragraphs and captions: what a failing spec prints."""
    return [(it.kind, it.section, it.kicker, it.headline, it.subheadline, it.byline, list(it.paragraphs),
             list(it.captions or ())) for it in page.items]


def dump_of(*blocks: str) -> bytes:
    """Blocks written as a dump, one a line with a blank line between (UTF-8 bytes, as `layoutfix.clean` reads)."""
    return "\n\n".join(blocks).encode()


def title_of(item: layoutfix.model.Item) -> str:
    """An item's kicker, headline and subheadline run together."""
    return "".join(x for x in (item.kicker, item.headline, item.subheadline) if x)
