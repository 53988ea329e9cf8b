"""Stage `dedup`: drop paragraphs printed twice and garbled partial repeats.

Four named fixes, each logged:

- `drop_repeated_blocks`  a text block equal, or nearly equal under OCR noise,
  to an earlier one (character n-gram containment, then rapidfuzz alignment) is
  dropped; two blocks that merely share a long phrase are kept.
- `split_garbled_repeat`  a block that opens with a garbled copy of the
  sentence that ended the previous block: the copy goes to the page's noise.
- `drop_tandem_repeats`   a phrase of four or more characters printed twice in a
  row inside a paragraph (XX, or X + a few garbled characters + X) keeps one copy.
- `split_repeated_clause` a whole clause repeated verbatim later in the same
  paragraph (between punctuation marks) goes to the noise.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex as re
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..config import Config
from ..model import NOISE, TEXT, Block, Edit, Page
from ..textutil import is_han
from .normalize import is_title_like

STAGE = "dedup"
_SENT_END = re.compile(r"(?<=[。！？!?])(?![”’）」』])|(?<=[。！？!?][”’）」』])")
_CLAUSE = re.compile(r"[^，。；！？：“”‘’（）《》]+[，。；！？]")


_NOT_WORD = re.compile(r"[^\p{Han}\p{L}\p{N}]+")


@lru_cache(maxsize=4096)
def _grams(text: str, n: int = 3) -> frozenset[str]:
    """Character n-grams over letters, digits and Han only (punctuation is where OCR differs most)."""
    t = _NOT_WORD.sub("", text)
    return frozenset(t[i:i + n] for i in range(max(0, len(t) - n + 1)))


def containment(a: str, b: str) -> float:
    """Share of the character trigrams of the shorter text found in the longer one."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    small, big = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return len(small & big) / len(small)


def is_repeat(a: str, b: str, near: float) -> bool:
    """True when `b` is a second printing of `a` (exact, or the same paragraph under OCR noise).

    Length must agree (a repeat is the whole paragraph, not a shared phrase),
    and the aligned similarity must reach `near`.
    """
    if a == b:
        return True
    la, lb = len(a), len(b)
    if min(la, lb) < 12 or min(la, lb) < 0.8 * max(la, lb):
        return False
    if containment(a, b) < 0.3:
        return False
    return Levenshtein.normalized_similarity(a, b) >= near - 0.15 and fuzz.ratio(a, b) >= near * 100 - 15 \
        and Levenshtein.normalized_similarity(a, b) >= near


def split_sentences(text: str) -> list[str]:
    parts = [p for p in _SENT_END.split(text) if p]
    return parts or [text]


def drop_repeated_blocks(blocks: list[Block], config: Config) -> tuple[list[Block], list[Edit]]:
    """Drop later printings of a paragraph; candidates come from a trigram index, so a huge page stays linear."""
    kept: list[Block] = []
    edits: list[Edit] = []
    index: dict[str, list[int]] = {}
    for b in blocks:
        if b.role != TEXT or len(b.text) < 12 or is_title_like(b.text):
            kept.append(b)
            continue
        grams = _grams(b.text)
        hits: dict[int, int] = {}
        for g in grams:
            for k in index.get(g, ()):
                hits[k] = hits.get(k, 0) + 1
        floor = max(1, int(0.3 * len(grams)))
        twin = next((kept[k] for k, n in sorted(hits.items()) if n >= floor
                     and is_repeat(kept[k].text, b.text, config.dedup_near)), None)
        if twin is None:
            for g in grams:
                index.setdefault(g, []).append(len(kept))
            kept.append(b)
            continue
        sim = Levenshtein.normalized_similarity(twin.text, b.text)
        edits.append(Edit(STAGE, "duplicate", b.text, "", b.line, round(sim, 3),
                          f"repeats the paragraph at line {twin.line} (similarity {sim:.2f})", b.text[:30]))
    return kept, edits


def split_garbled_repeat(prev: str, text: str) -> int:
    """Length of a garbled copy of the end of `prev` at the start of `text` (0: none).

    OCR garbles a repeat mostly by substitution, so it shares few n-grams with
    what it repeats: we align the first sentence of `text` against the last
    sentences of `prev` and accept when the aligned stretch runs to the very
    end of `prev`'s sentence (the copy repeats a sentence's tail) and ends alike.
    """
    sents = split_sentences(text)
    if len(sents) < 2:
        return 0
    first = sents[0]
    if not (4 <= len(first) <= 80):
        return 0
    for last_prev in split_sentences(prev)[-2:][::-1]:
        if len(last_prev) < 6:
            continue
        al = fuzz.partial_ratio_alignment(first, last_prev)
        if al is None or al.score < 55:
            continue
        if al.dest_end >= len(last_prev) - 1 and al.src_end >= len(first) - 1 \
                and Levenshtein.normalized_similarity(first[-6:], last_prev[-6:]) >= 0.5 \
                and (containment(first, last_prev) >= 0.25 or al.score >= 64
                     or (al.score >= 55 and first[-2:] == last_prev.rstrip("”’")[-2:])):
            return len(first)
    return 0


def drop_tandem_repeats(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove the first copy of a phrase printed twice in a row; returns (text, [(offset, removed, why)])."""
    changes: list[tuple[int, str, str]] = []
    i = 0
    out = text
    while True:
        m = _find_tandem(out, i)
        if m is None:
            break
        start, length = m
        removed = out[start:start + length]
        changes.append((start, removed, "tandem"))
        out = out[:start] + out[start + length:]
        i = start
    return out, changes


_EXACT_TANDEM = re.compile(r"(\p{Han}.{3,29}?)\1")
_NEAR_TANDEM = re.compile(r"(?<![\p{Han}\p{L}\p{N}])(\p{Han}.{7,29})(.{1,4}?)\1")


def _find_tandem(text: str, start: int) -> tuple[int, int] | None:
    """(offset, length) of the first copy in `X X` (|X| ≥ 4 Han) or `X j X` (|X| ≥ 8, 1 ≤ |j| ≤ 4).

    The garbled form needs a long X that starts a clause: parallel phrasing
    such as 'A重点，量化A指标' or 'B职业学院、C职业学院' repeats on purpose.
    The search runs in the regex engine (backreferences), not in Python loops.
    """
    found: list[tuple[int, int]] = []
    m = _EXACT_TANDEM.search(text, start)
    while m and sum(is_han(c) for c in m.group(1)) < 4:
        m = _EXACT_TANDEM.search(text, m.start() + 1)
    if m:
        found.append((m.start(), len(m.group(1))))
    n = _NEAR_TANDEM.search(text, start)
    if n:
        found.append((n.start(), len(n.group(1)) + len(n.group(2))))
    if not found:
        return None
    return min(found, key=lambda f: (f[0], -f[1]))


def split_repeated_clause(text: str) -> list[tuple[int, int]]:
    """Spans of whole clauses (≥ 8 characters) that repeat an earlier clause of the same paragraph."""
    seen: set[str] = set()
    spans = []
    for m in _CLAUSE.finditer(text):
        clause = m.group()[:-1]
        if len(clause) >= 8 and sum(is_han(c) for c in clause) >= 8:
            if clause in seen:
                spans.append(m.span())
            seen.add(clause)
    return spans


def dedup(page: Page) -> Page:
    config = page.config or Config()
    blocks, edits = drop_repeated_blocks(list(page.blocks), config)
    noise = list(page.noise)
    out: list[Block] = []
    prev_text: str | None = None
    for b in blocks:
        if b.role != TEXT or is_title_like(b.text):
            out.append(b)
            if b.role == TEXT:
                prev_text = None
            continue
        text = b.text
        if prev_text:
            cut = split_garbled_repeat(prev_text, text)
            if cut:
                frag = text[:cut]
                noise.append(Block(id=b.id, text=frag, line=b.line, role=NOISE, origin=((0, b.line),)))
                edits.append(Edit(STAGE, "to_noise", "", "", b.line, 0.8,
                                  "garbled repeat of the previous paragraph's last sentence", frag))
                text = text[cut:]
        new, changes = drop_tandem_repeats(text)
        for off, removed, _ in changes:
            edits.append(Edit(STAGE, "doubled", removed, "", b.line_at(off), 0.85,
                              "phrase printed twice in a row; one copy kept",
                              f"…{text[max(0, off - 6):off + len(removed) + 8]}…"))
        text = new
        for s, e in reversed(split_repeated_clause(text)):
            frag = text[s:e]
            if s > 0 and text[s - 1] in "，,":
                s -= 1  # an inserted clause takes both of its commas with it: 'A，X，B' -> 'AB'
            marks = text[s:e].replace(frag[:-1], "", 1)
            noise.append(Block(id=b.id, text=frag[:-1], line=b.line_at(s), role=NOISE, origin=((0, b.line),)))
            edits.append(Edit(STAGE, "to_noise", marks, "", b.line_at(s), 0.7,
                              "clause repeated verbatim inside the paragraph", frag))
            text = text[:s] + text[e:]
        out.append(b.with_text(text) if text != b.text else b)
        prev_text = text
    return replace(page, blocks=tuple(out), noise=tuple(noise), edits=page.with_edits(edits))
