"""The stage's entry points: `fix_changes` runs stray letters, hyphens, digits, doubled text, look-alikes and the
page's memory of its spellings (`page_memory`) to a fixed point (at most three rounds); `replay` and `_edits` turn
the positioned changes into `Edit`s;
`fix_text`, `fix_lines` (one line, one document) and `glyphs` (the text blocks of a page, pairs counted over the
page) call it. With `Config.context_lm`, `fix_lines` and `glyphs` (text blocks) then run the opt-in context pass
(`layoutfix.glyphcontext`), whose fixes follow the stage's rounds as rounds of their own.
"""
from __future__ import annotations

from collections import Counter
from typing import Final, Iterable, TYPE_CHECKING
from dataclasses import replace

from ...config import Config
from ...model import Edit, Page, TEXT, TITLE
from ...confusion import load_confusion, Table
from ...lm import load_lm, WordLM
from ..normalize import fix_punct_width
from ..segment.words import is_garbage
from .common import Change, STAGE

if TYPE_CHECKING:  # (the context pass is imported at run time only when a context model is configured)
    from ...glyphcontext import ContextPass
from .digits import _digits
from .stray import _stray
from .hyphens import _hyphens
from .doubled import _doubled
from .substitutions import _substitutions
from . import page_memory as memory_part  # `MEMORY` is read there (tests switch it: source tree only, a Final is fixed when compiled)
from .page_memory import Recall, misread_anchors, _remembered
from .candidates import _candidates, gate_pairs, pair_flags


def _apply(text: str, changes: list[Change]) -> tuple[str, list[Change]]:
    """Apply non-overlapping changes (positions in `text`), left to right."""
    changes = sorted(changes, key=lambda c: (c.start, c.end))
    kept, pos = [], 0
    for ch in changes:
        if ch.start < pos:
            continue
        kept.append(ch)
        pos = max(ch.end, ch.start + 1)
    out, last = [], 0
    for ch in kept:
        out.append(text[last:ch.start])
        out.append(ch.after)
        last = ch.end
    out.append(text[last:])
    return "".join(out), kept


def fix_changes(text: str, lm: WordLM | None = None, config: Config | None = None,
                table: Table | None = None, only_stray: bool = False,
                known: dict[str, int] | None = None, flags: bytes | None = None,
                memory: list[Recall] | None = None) -> tuple[str, list[list[Change]]]:
    """The fixed text and, per step, the changes applied (positions in that step's input text).

    `known` counts character pairs over the whole document (default: over `text`);
    a pair printed more than once is taken as written. `flags`: byte k says whether
    text[k:k + 2] is a known pair of the model (`_gate_runs`), used while the text is as given.
    `memory`: the document's places where a string it prints several times is printed misread (`page_memory`,
    positions in `text`; default: found in `text`).
    """
    given = text
    config = config or Config()
    lm = lm or load_lm(config.lm_path)
    table = table if table is not None else load_confusion()
    thr = config.glyph_threshold
    cand_of = _candidates(table, lm)
    if memory is None and memory_part.MEMORY and not only_stray:
        memory = misread_anchors(text, cand_of)  # the document is `text`, as for `known`
    rounds: list[list[Change]] = []
    nothing: set[tuple[int, str]] = set()  # (step, text) that found nothing: asking again finds nothing again
    for _ in range(3):
        found: list[Change] = []
        for k, step in enumerate(((lambda t: _stray(t, lm, thr, known, table, words=False)),) if only_stray else (
                (lambda t: _stray(t, lm, thr, known, table)), (lambda t: _hyphens(t, lm, known)), (lambda t: _digits(t, lm)),
                (lambda t: _doubled(t, lm, thr, known)),
                (lambda t: _substitutions(t, lm, table, thr, known, flags if t is given else None)),
                (lambda t: _remembered(t, lm, cand_of, memory) if memory and memory_part.MEMORY else []))):
            if (k, text) in nothing:
                continue
            new = step(text)
            if not new:
                nothing.add((k, text))
            if new:
                text, applied = _apply(text, new)
                found.extend(applied)
                rounds.append(applied)
                if widened := _widen_freed_marks(text, applied):
                    text, applied = _apply(text, widened)
                    rounds.append(applied)
        if not found:
            break
    return text, rounds


def _widen_freed_marks(text: str, applied: list[Change]) -> list[Change]:
    """Half-width marks that a removed stray letter or hyphen kept half-width, widened as `normalize` would have
    (`fix_punct_width`) now that Chinese text stands next to them ('中a!' -> '中!' -> '中！'): normalize ran before the
    letter went, and would widen the mark if the page were cleaned again. Only the marks right beside a removal
    (positions in `text`, the text after `applied`) change."""
    freed: set[int] = set()
    shift = 0
    for ch in applied:
        if ch.after == "":
            at = ch.start - shift
            freed.update((at - 1, at))
        shift += (ch.end - ch.start) - len(ch.after)
    if not freed:
        return []
    wide, changes = fix_punct_width(text)
    if not changes or len(wide) != len(text):
        return []
    return [Change(i, i + 1, wide[i], "punct", text[i], 0.9,
                   f"'{text[i]}' -> '{wide[i]}': the stray text beside it gone, the mark stands in Chinese text")
            for i in sorted(freed) if 0 <= i < len(text) and wide[i] != text[i]]


def _context(text: str, ch: Change) -> str:
    return text[max(0, ch.start - 8):ch.end + 8]


def replay(text: str, rounds: list[list[Change]]) -> Iterable[tuple[str, list[int], list[Change]]]:
    """Each step's (input text, input offset of each of its characters, changes), then (output, offsets, []).

    `origin_of(origin, change)` is a step's change's offset in the input."""
    origin = list(range(len(text) + 1))
    for changes in rounds:
        yield text, origin, changes
        new_text, _ = _apply(text, changes)
        shift = 0
        new_origin = origin[:]
        for ch in changes:
            s, e = ch.start + shift, ch.end + shift
            new_origin[s:e] = [origin[ch.start]] * len(ch.after)
            shift += len(ch.after) - (ch.end - ch.start)
        text, origin = new_text, new_origin
    yield text, origin, []


def origin_of(origin: list[int], ch: Change) -> int:
    """The input offset of a change `replay` yields with `origin` (a change at a step's end: its last character's)."""
    return origin[min(ch.start, len(origin) - 1)]


def _edits(text: str, rounds: list[list[Change]], line_of) -> tuple[str, list[Edit]]:  # type: ignore[no-untyped-def]
    """Replay the rounds, building Edits with contexts and lines (offsets mapped back to the input)."""
    edits = []
    for text, origin, changes in replay(text, rounds):
        for ch in changes:
            edits.append(Edit(STAGE, ch.kind, ch.before, ch.after, line_of(origin_of(origin, ch)),
                              ch.confidence, ch.reason, _context(text, ch), ch.alternatives))
    return text, edits


def fix_text(text: str, lm: WordLM | None = None, config: Config | None = None) -> tuple[str, list[Edit]]:
    """Fix glyph errors in one string; the edits account for every changed character.

    An edit's `line` is the 1-based line of `text` where the change sits.
    """
    _, rounds = fix_changes(text, lm, config)
    return _edits(text, rounds, lambda off: text.count("\n", 0, off) + 1)


def fix_lines(lines: Iterable[str], config: Config | None = None) -> list[str]:
    """Fix each line on its own (one output line per input line); each line is its own document.

    Lines are independent sentences (a spelling test set, clean sentences, stdin):
    a pair printed in two unrelated lines says nothing about a name, while in one
    page it does (the page stage counts pairs over the whole page). Counting over
    all lines cost a fifth of the right fixes on FASpell-train's held-out quarter
    (lenient F1 16.3 vs 20.8 per line, news model of days 01-01..12, name guard off).
    """
    config = config or Config()
    lm = load_lm(config.lm_path)
    rows = [line.rstrip("\n") for line in lines]
    cpass = _context_pass(config, lm)
    if cpass is None:
        return [fix_changes(row, lm, config)[0] for row in rows]
    return [_context_fixed(row, fix_changes(row, lm, config)[0], cpass)[0] for row in rows]


def _context_pass(config: Config, lm: WordLM) -> ContextPass | None:
    """The context pass (`layoutfix.glyphcontext`) when `config.context_lm` names a model, else None; the
    context model and kenlm are imported only then (the default path asks one `is None`)."""
    if config.context_lm is None:
        return None
    from ...flowcontext import cached_context_lm
    from ...glyphcontext import stage_pass
    return stage_pass(cached_context_lm(config.context_lm), lm)


def _context_fixed(text: str, new: str, cpass: ContextPass,
                   known: Counter[str] | None = None) -> tuple[str, list[list[Change]]]:
    """`new`, the stage's output of `text`, with the context pass's fixes made, and those fixes as the rounds that
    follow the stage's own (`glyphcontext.context_rounds`; `known`: the page's pair counts)."""
    from ...glyphcontext import context_rounds
    more = context_rounds(text, new, cpass, known)
    for r in more:
        new, _ = _apply(new, r)
    return new, more


def glyphs(page: Page) -> Page:
    """Fix glyph errors in text blocks (title blocks get stray marks removed only)."""
    config = page.config or Config()
    lm = load_lm(config.lm_path)
    blocks, edits = [], []
    joined = "\n".join(b.text for b in page.blocks if b.role in (TEXT, TITLE))
    chars = list(joined)  # (the page memory's characters, each one's string made once)
    # `_pair_counts`, kept: each pair's hash is computed once; each pair sliced from `joined` (compiled, a third fewer
    # instructions than `map(operator.add, chars, chars[1:])`, which made each by a concatenation)
    adjacent = [joined[k:k + 2] for k in range(len(joined) - 1)]
    known = Counter(adjacent)
    flags = pair_flags(adjacent, gate_pairs(lm))  # which of them bind for the gate (`_gate_runs`)
    at = 0  # where the block's text starts in `joined`
    cpass = _context_pass(config, lm)
    recalls = misread_anchors(joined, _candidates(load_confusion(), lm), adjacent, known,
                              chars) if memory_part.MEMORY else []
    for b in page.blocks:
        if b.role not in (TEXT, TITLE) or not b.text:
            if b.role in (TEXT, TITLE):
                at += 1
            blocks.append(b)
            continue
        start, at = at, at + len(b.text) + 1
        new, rounds = fix_changes(b.text, lm, config, only_stray=b.role != TEXT, known=known,
                                  flags=flags[start:start + len(b.text) - 1],
                                  memory=[r._replace(pos=r.pos - start) for r in recalls
                                          if start <= r.pos < start + len(b.text)])
        if cpass is not None and b.role == TEXT:  # the opt-in context pass, after the stage's own fixes
            new, more = _context_fixed(b.text, new, cpass, known)
            rounds = rounds + more
        if not rounds or (DEBRIS_AS_PRINTED and _debris(b.text, lm)):
            blocks.append(b)
            continue
        _, es = _edits(b.text, rounds, b.line_at)
        edits += es
        blocks.append(replace(b, text=new, origin=_shift_origin(b.origin, b.text, rounds)))
    return replace(page, blocks=tuple(blocks), edits=page.with_edits(edits))


DEBRIS_AS_PRINTED: Final = True  # a block of OCR debris (`segment.is_garbage`) is left as printed: segment sends it to the
                          # noise, and a "fix" among scraps is a guess (synthetic tune, seed-2 and seed-4 pages: 4 of
                          # the look-alikes made in debris blocks, 0 right; commit 7ef36ab counted 3 on its pages)


def _debris(text: str, lm: WordLM) -> bool:
    """Whether a block is OCR debris by segment's test (asked only of a short block the stage would change)."""
    if len(text) > 30:
        return False  # `is_garbage` calls no longer text debris; this spares it splitting a long block
    return is_garbage(text, lm)


def _shift_origin(origin: tuple[tuple[int, int], ...], text: str,
                  rounds: list[list[Change]]) -> tuple[tuple[int, int], ...]:
    """Move the block's line-origin offsets to where their characters sit after the fixes."""
    if not origin:
        return origin
    starts = [s for s, _ in origin]
    for changes in rounds:
        for ch in sorted(changes, key=lambda c: c.start, reverse=True):
            delta = len(ch.after) - (ch.end - ch.start)
            starts = [s + delta if s >= ch.end else (min(s, ch.start + len(ch.after)) if s > ch.start else s)
                      for s in starts]
    return tuple((s, ln) for s, (_, ln) in zip(starts, origin))
