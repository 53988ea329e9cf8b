"""The document model: one `Page` that every stage reads and returns.

All classes are frozen: a stage never mutates its input, it returns a new
`Page` (``dataclasses.replace``). That keeps stages pure and makes the
pipeline's per-stage diff (``layoutfix diff``) a plain comparison.

Accounting rule ("no text lost"): for every page,

    chars(raw) + sum(chars(e.after)) - sum(chars(e.before)) == chars(output)

over non-whitespace characters, where `output` is every text field of every
item plus the noise lines. Each stage records an `Edit` for every character it
removes, adds or replaces; `Page.unaccounted()` checks the rule.

Compiled (`pip install .`, session 59) the classes are native: a field is checked
against its declared type when an object is made (a list where a tuple is declared,
or None for a str, raises TypeError; an int confidence is stored as a float), they
cannot be subclassed from interpreted code, have no `__dict__` and no weak references,
and a page pickled by an earlier build does not load (pickle again). The pure build
(`LAYOUTFIX_PURE=1`, a source checkout) keeps plain dataclasses.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final, Iterable

from .textutil import char_counts

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config

_SECOND = itemgetter(1)


def _rebuilt(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    """What `pickle` and `copy` need to make `obj` again: its class and its fields in order.

    Why: compiled (session 59), a frozen dataclass is a native class whose default pickling sets each field after
    making a bare object, which a frozen class refuses; its constructor takes every field instead."""
    return type(obj), tuple(getattr(obj, f.name) for f in fields(obj))


# Block roles assigned by `read` and refined by later stages.
# (Final: the compiled stages read each role as the literal itself, not as a look-up of this module's name in
# their globals at every comparison)
TEXT: Final = "text"          # body text or a caption fragment
TITLE: Final = "title"        # a line marked with '## ' or a title-like line
TABLE: Final = "table"        # tab-separated rows
BYLINE: Final = "byline"      # ●本报记者 … / □本报记者 … 通讯员 …
CREDIT: Final = "credit"      # ■本报记者 … 摄 (photo credit)
JUMP: Final = "jump"          # (上接第1版) / (下转第2版)
NOISE: Final = "noise"        # page furniture, OCR garbage, dropped repeats
ROLES = (TEXT, TITLE, TABLE, BYLINE, CREDIT, JUMP, NOISE)


@dataclass(frozen=True)
class Edit:
    """One change made by one stage, enough to audit or undo it.

    `before` and `after` are the exact characters replaced (either may be
    empty); `context` is a short human-readable excerpt around the change.
    `offset`, where a stage gives it, is where `before` starts in the block's
    text as it stood just before this edit, so the block's edits, applied one
    at a time in log order, redo the stage and, in reverse, undo it
    (`layoutfix.audit`); -1 where the change has no single place (a join, a
    heading decision).
    """

    stage: str
    kind: str
    before: str
    after: str
    line: int
    confidence: float = 1.0
    reason: str = ""
    context: str = ""
    alternatives: tuple[str, ...] = ()
    offset: int = -1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["alternatives"] = list(self.alternatives)
        if not self.alternatives:
            del d["alternatives"]
        if self.offset < 0:
            del d["offset"]
        return d

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt(self)


@dataclass(frozen=True)
class Block:
    """A run of text from the dump, with where it came from.

    `origin` maps character offsets of `text` to 1-based source lines:
    ((0, 12), (57, 14)) means text[0:57] came from line 12 and the rest from 14.
    """

    id: int
    text: str
    line: int
    role: str = TEXT
    marked: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    origin: tuple[tuple[int, int], ...] = ()
    flags: frozenset[str] = frozenset()

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, ln in self.origin:
            if start <= offset:
                line = ln
            else:
                break
        return line

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(map(_SECOND, self.origin)) or (self.line,)  # (each origin's line, in C: segment asks ~60 a page)

    def row_line(self, r: int) -> int:
        """The dump line of a table's row `r` (read gives a table one origin per row; else the block's line)."""
        return self.origin[r][1] if len(self.origin) == len(self.rows) else self.line

    def all_text(self) -> str:
        if self.rows:
            return "".join("".join(r) for r in self.rows)
        return self.text

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt(self)


@dataclass(frozen=True)
class Item:
    """One article, photo, table or notice, with the fields of the gold schema."""

    kind: str = "article"
    section: str | None = None
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: tuple[str, ...] = ()
    dateline: str | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()
    continued_from: str | None = None
    truncated: bool = False
    lines: tuple[int, ...] = ()
    section_inherited: bool = False  # the label was printed over an earlier item, not again here

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": list(self.byline),
            "dateline": self.dateline,
            "kind": self.kind,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "tables": [[list(r) for r in t] for t in self.tables],
            "continued_from": self.continued_from,
            "truncated": self.truncated,
        }

    def texts(self, printed_only: bool = False) -> Iterable[str]:
        """Every text field, for character accounting.

        With `printed_only`, a section label carried over from an earlier item
        (`section_inherited`) is left out: it was printed once, over that item.
        The choice is made by field, never by comparing strings, since a
        headline may well be the same string as the section label.
        """
        section = None if (printed_only and self.section_inherited) else self.section
        for v in (section, self.kicker, self.headline, self.subheadline, self.dateline,
                  self.continued_from):
            if v:
                yield v
        yield from self.byline
        yield from self.paragraphs
        yield from self.captions
        for t in self.tables:
            for r in t:
                yield from r

    def to_newsml(self, page: "Page | None" = None, index: int = 1) -> bytes:
        """This item as a NewsML-G2 2.35 newsItem with an NITF 3.6 body (UTF-8 bytes)."""
        from .newsml import item_to_newsml

        return item_to_newsml(self, page=page, index=index)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt(self)


@dataclass(frozen=True)
class Page:
    """A page dump on its way through the pipeline."""

    source: str
    raw: str
    encoding: str = "utf-8"
    blocks: tuple[Block, ...] = ()
    items: tuple[Item, ...] = ()
    noise: tuple[Block, ...] = ()
    edits: tuple[Edit, ...] = ()
    segmented: bool = False
    config: "Config | None" = field(default=None, compare=False, repr=False)

    # -- helpers for stages -------------------------------------------------
    def with_edits(self, new: Iterable[Edit]) -> tuple[Edit, ...]:
        return self.edits + tuple(new)

    # -- accounting ---------------------------------------------------------
    def output_texts(self) -> Iterable[str]:
        if self.segmented:
            for it in self.items:
                yield from it.texts(printed_only=True)  # an inherited section label counts once
        else:  # before segmentation the blocks are the output
            for b in self.blocks:
                yield b.all_text()
        for n in self.noise:
            yield n.all_text()

    def unaccounted(self) -> Counter:
        """Characters whose appearance or disappearance no edit explains (empty when all is well)."""
        expected = char_counts(self.raw)
        for e in self.edits:
            expected.update(char_counts(e.after))
            expected.subtract(char_counts(e.before))
        got: Counter[str] = Counter()
        for t in self.output_texts():
            got.update(char_counts(t))
        got.subtract(expected)
        return Counter({k: v for k, v in got.items() if v})

    # -- outputs ------------------------------------------------------------
    def to_dict(self, edits: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "source": self.source,
            "articles": [it.to_dict() for it in self.items],
            "noise": [n.all_text() for n in self.noise],
        }
        if edits:
            d["edits"] = [e.to_dict() for e in self.edits]
        return d

    def to_json(self, edits: bool = True, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(edits=edits), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """A plain-text view of the cleaned page: one block per item, its fields first, then the noise."""
        out: list[str] = []
        for n, it in enumerate(self.items, start=1):
            head = [f"[{n}] {it.kind}"]
            for label, v in (("section", it.section), ("kicker", it.kicker), ("headline", it.headline),
                             ("subheadline", it.subheadline), ("dateline", it.dateline),
                             ("continued from", it.continued_from)):
                if v:
                    head.append(f"{label}: {v}")
            if it.byline:
                head.append("byline: " + "、".join(it.byline))
            if it.truncated:
                head.append("truncated: continues on another page")
            out.append("\n".join(head))
            out += it.paragraphs
            out += [f"(caption) {c}" for c in it.captions]
            for t in it.tables:
                out += ["\t".join(c.replace("\n", " / ") for c in row) for row in t]
            out.append("")
        if self.noise:
            out.append("[noise] " + " | ".join(n.all_text() for n in self.noise))
        return "\n".join(out)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _rebuilt(self)
