"""Defect rates, the glyph confusion model and character-level corruption of one printed line.

A line is rendered from *tokens*: each token is a (raw, gold, kind) triple, so
the printed line is the concatenation of the raw parts, the clean text is the
concatenation of the gold parts, and every defect knows its exact offset in the
printed line. Plain text is one token per character with kind ``None``.
"""
from __future__ import annotations

import json
import random
import unicodedata
from bisect import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..textutil import is_han

# Full-width marks that OCR often reads half-width, split by class so a page can use one style.
HALF_CLAUSE = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"}
HALF_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}
# Short English words that layout tools leave where a conjunction was printed.
_STRAY_WORDS = ("and", "of", "in", "the", "to")
_STRAY_LETTERS = "IlOoSBZrnmucx"
NO_LINE_START = set("，。、；：？！）”’》〉…—,.;:?!)\"'")
NO_LINE_END = set("（“‘《〈(")


@dataclass(frozen=True)
class DefectRates:
    """How often each defect is injected. Defaults resemble the three real sample pages.

    Per-page rates decide a page style (``*_page``); per-paragraph rates apply to
    each body paragraph; per-character rates apply to each Chinese character of
    body text and captions. Set a rate to 0 to switch the defect off.
    """

    # flow (per body paragraph, per page)
    cut: float = 0.22              # a paragraph is cut at a column break
    interleave: float = 0.45       # of the cuts: something is printed between the two parts
    splice: float = 0.15           # per page: a caption or short paragraph printed as alternating column lines
    splice_line: float = 0.15      # per page: a middle piece of one paragraph glued after the start of the next
    duplicate: float = 0.015       # a paragraph printed twice
    partial_repeat: float = 0.03   # a garbled repeat of a clause glued into the next paragraph
    # characters
    wrap_space: float = 0.25       # a paragraph keeps the spaces where printed lines ended
    wrap_width: tuple[int, int] = (15, 18)  # printed line width in full-width cells
    halfwidth_page: float = 0.85   # per page: clause punctuation printed half-width
    halfwidth_quotes: float = 0.55  # of those pages: quotes printed half-width too
    corner_quotes: float = 0.08    # of the other pages: quotes printed as 「」
    glyph: float = 0.0012          # per Han character: a look-alike glyph
    drop: float = 0.0003           # per Han character: dropped
    double: float = 0.0003         # per Han character: a character, word or phrase printed twice
    stray: float = 0.0003          # per Han character: stray Latin letters, digits or English words
    # titles and furniture
    title_marker_page: float = 0.3  # per page: title lines carry '## '
    kicker: float = 0.15           # per article: a kicker (引题) above the headline
    multi_title_one_line: float = 0.35  # of multi-part titles: printed on one line, space-separated
    colon_title_split: float = 0.5  # headlines 'X：Y' printed as two lines
    section_page: float = 0.35     # per page: section labels over runs of articles
    table_page: float = 0.15       # per page: one article carries a table
    photo_page: float = 0.55       # per page: photo items kept (when the source has captions)
    photo_extra: float = 0.45      # per page: one more stand-alone photo item from elsewhere in the split
    jump: float = 0.08             # per article (not the first): continued from another page
    footer_page: float = 0.35      # per page: a hotline footer or page furniture line
    garbage: float = 0.35          # per page: a line of OCR garbage
    truncate_page: float = 0.3     # per page: the last article stops mid-sentence
    end_byline: float = 0.5        # of articles with a byline and no dateline: '(NAME NAME)' at the end

    def scaled(self, factor: float) -> "DefectRates":
        """All per-character and per-paragraph defect rates multiplied by `factor` (a harder or easier page)."""
        from dataclasses import replace

        keys = ("cut", "duplicate", "partial_repeat", "glyph", "drop", "double", "stray", "wrap_space")
        return replace(self, **{k: min(1.0, getattr(self, k) * factor) for k in keys})


@dataclass
class Confusion:
    """P(printed glyph | true glyph), learned from aligned OCR output / truth pairs.

    Stored as counts: ``table[true][printed] = n``. Sampling is by count.
    """

    table: dict[str, dict[str, int]] = field(default_factory=dict)

    def __contains__(self, ch: str) -> bool:
        return ch in self.table

    def sample(self, ch: str, rng: random.Random) -> str | None:
        row = self.table.get(ch)
        if not row:
            return None
        items = sorted(row.items())
        cum, tot = [], 0
        for _, n in items:
            tot += n
            cum.append(tot)
        return items[bisect(cum, rng.random() * tot)][0] if tot else None

    @classmethod
    def learn(cls, lines: Iterable[str]) -> "Confusion":
        """Learn from FASpell-format lines ``n<TAB>ocr<TAB>truth`` (substitutions of equal length).

        Only Han-to-Han substitutions are kept: punctuation width is a separate defect.
        """
        table: dict[str, dict[str, int]] = {}
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or len(parts[1]) != len(parts[2]):
                continue
            for wrong, right in zip(parts[1], parts[2]):
                if wrong != right and is_han(wrong) and is_han(right):
                    row = table.setdefault(right, {})
                    row[wrong] = row.get(wrong, 0) + 1
        return cls(table)

    def to_json(self) -> str:
        return json.dumps({k: dict(sorted(v.items())) for k, v in sorted(self.table.items())},
                          ensure_ascii=False, indent=0)

    @classmethod
    def load(cls, path: str | Path) -> "Confusion":
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------------------------
# tokens

Token = list  # [raw, gold, kind]; kind None for plain text


def plain_tokens(text: str) -> list[Token]:
    return [[c, c, None] for c in text]


def tokens_raw(tokens: list[Token]) -> str:
    return "".join(t[0] for t in tokens)


def tokens_gold(tokens: list[Token]) -> str:
    return "".join(t[1] for t in tokens)


def _is_plain_han(tokens: list[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and tokens[i][2] is None and is_han(tokens[i][0])


def _free(tokens: list[Token], i: int, gap: int = 5) -> bool:
    """True when no defect token lies within `gap` tokens of position i (defects stay separate)."""
    lo, hi = max(0, i - gap), min(len(tokens), i + gap + 1)
    return all(tokens[j][2] is None for j in range(lo, hi))


def garble(text: str, rng: random.Random, confusion: Confusion | None, rate: float = 0.35) -> str:
    """A badly re-read copy of `text`: many look-alike glyphs, a dropped character now and then."""
    out = []
    for c in text:
        r = rng.random()
        if is_han(c) and r < rate:
            alt = confusion.sample(c, rng) if confusion else None
            if alt:
                out.append(alt)
                continue
            if r < rate / 3:
                continue  # dropped
        out.append(c)
    if "".join(out) == text and len(text) > 2:  # always visibly garbled
        k = rng.randrange(1, len(text) - 1)
        out = list(text[:k] + text[k + 1:])
    return "".join(out)


def inject_chars(tokens: list[Token], rng: random.Random, rates: DefectRates,
                 confusion: Confusion | None) -> None:
    """Glyph, drop, double and stray defects on plain Han characters, in place."""
    n_han = sum(1 for t in tokens if t[2] is None and is_han(t[0]))
    if not n_han:
        return
    plan: list[tuple[str, int]] = []
    for kind, rate in (("glyph", rates.glyph), ("drop", rates.drop), ("double", rates.double),
                       ("stray", rates.stray)):
        k = _poisson_like(rng, rate * n_han)
        for _ in range(k):
            plan.append((kind, rng.randrange(len(tokens))))
    # apply right to left so earlier positions stay valid
    for kind, i in sorted(plan, key=lambda p: -p[1]):
        if not (_is_plain_han(tokens, i) and _free(tokens, i)):
            continue
        c = tokens[i][0]
        if kind == "glyph":
            alt = confusion.sample(c, rng) if confusion else None
            if alt and alt != c:
                tokens[i] = [alt, c, "glyph"]
        elif kind == "drop":
            if _is_plain_han(tokens, i - 1) and _is_plain_han(tokens, i + 1):
                tokens[i] = ["", c, "drop"]
        elif kind == "double":
            r = rng.random()
            if r < 0.45:
                tokens[i] = [c + c, c, "double"]
            else:
                n = rng.randint(2, 3) if r < 0.85 else rng.randint(6, 14)
                j = i + 1 - n
                if j < 0 or not all(_is_plain_han(tokens, x) or (tokens[x][2] is None and n > 4)
                                    for x in range(j, i + 1)) or not _free(tokens, j):
                    continue
                seg = "".join(tokens[x][0] for x in range(j, i + 1))
                copy = garble(seg, rng, confusion, 0.2)[:-1] if n > 4 else seg
                # the copy is printed before the true text: raw 'copy+seg', gold 'seg'
                del tokens[j:i + 1]
                tokens.insert(j, [copy + seg, seg, "double"])
        elif kind == "stray":
            r = rng.random()
            if r < 0.15 and c == "和":
                tokens[i] = [" " + rng.choice(_STRAY_WORDS) + " ", c, "stray"]
            else:
                if r < 0.5:
                    junk = rng.choice(_STRAY_LETTERS) + str(rng.randint(1, 9999))
                elif r < 0.8:
                    junk = rng.choice(_STRAY_LETTERS)
                else:
                    junk = " " + rng.choice(_STRAY_WORDS) + " "
                tokens.insert(i + 1, [junk, "", "stray"])


def _poisson_like(rng: random.Random, mean: float) -> int:
    """A small count with the given mean (floor plus a Bernoulli remainder): no numpy needed."""
    base = int(mean)
    return base + (1 if rng.random() < mean - base else 0)


CORNER_QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』"}


def can_break(tokens: list[Token], i: int) -> bool:
    """True when a printed line may end before token i (no closing mark may start a line)."""
    if not 0 < i < len(tokens):
        return False
    a, b = tokens[i - 1][0][-1:], tokens[i][0][:1]
    return bool(a and b) and b not in NO_LINE_START and a not in NO_LINE_END


def halfwidth(tokens: list[Token], quotes: bool, corner: bool = False) -> None:
    """Clause punctuation (and quotes) to the half-width forms OCR prints, in place.

    `corner` prints the quotes as 「」『』 instead (another layout tool's habit).
    """
    table = dict(HALF_CLAUSE, **(HALF_QUOTES if quotes else CORNER_QUOTES if corner else {}))
    for t in tokens:
        if t[2] is None:
            h = table.get(t[0])
            if h:
                t[0], t[2] = h, "halfwidth"
        elif t[2] in ("double", "partial_repeat"):  # repeated text is printed in the page's style too
            t[0] = "".join(table.get(c, c) for c in t[0])


def _cells(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" or ch in ",.:;!?()\"'" else 0.5


def wrap_spaces(tokens: list[Token], rng: random.Random, width: int, start: int = 0) -> list[Token]:
    """Spaces where printed lines of `width` full-width cells ended, from token `start` on."""
    out = tokens[:start]
    col = rng.uniform(0, width * 0.8)
    pending = False
    for i in range(start, len(tokens)):
        t = tokens[i]
        if pending and out and _breakable(out[-1], t):
            out.append([" ", "", "wrap_space"])
            pending = False
            col = 0.0
        out.append(t)
        col += sum(_cells(c) for c in t[0])
        if col >= width:
            pending = True
    return out


def _breakable(prev: Token, nxt: Token) -> bool:
    a, b = prev[0][-1:], nxt[0][:1]
    if not a or not b or a.isspace() or b.isspace():
        return False
    if prev[2] not in (None, "halfwidth") or nxt[2] not in (None, "halfwidth"):
        return False
    if b in NO_LINE_START or a in NO_LINE_END:  # typesetting keeps these marks on the line before/after
        return False
    return not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum())
