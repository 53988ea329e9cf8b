"""Redo and undo a block's logged edits: the edit log is exact, not only a description.

An edit with an offset (see `Edit`) says: at `offset` in the text as it stood
just before it, `before` became `after`. Applied one at a time in log order
they turn a stage's input into its output; in reverse order, back again.

normalize, quotes and read give their edits offsets as they make them. The
stages that decide on a whole block's evidence (dedup's doubled words, glyphs)
log the exact characters they replaced but not where; `with_offsets` finds the
place afterwards from the block's text before and after the stage, and keeps an
offset only where the block's edits, replayed, give exactly the stage's output,
so a placed offset is never a guess; where two places would replay alike, none is claimed.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from rapidfuzz.distance import Levenshtein

from .model import Edit, Page


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


def _sites(text: str, target: str, edit: Edit) -> Iterator[int]:
    """Where `edit` could apply in `text`: each occurrence of its `before`, or for an insertion the starts
    of the spans where `text` and `target` differ."""
    if edit.before:
        k = text.find(edit.before)
        while k >= 0:
            yield k
            k = text.find(edit.before, k + 1)
    else:
        for op in Levenshtein.opcodes(text, target):
            if op.tag != "equal":
                yield op.src_start
                yield op.src_end


def _in_context(text: str, k: int, edit: Edit) -> bool:
    """Does the text the edit quoted around its change (`context`, without the ellipses) stand at place k?"""
    ctx = edit.context.strip("…")
    if not ctx or edit.before not in ctx:
        return False
    lo = max(0, k - len(ctx))
    j = text.find(ctx, lo)
    while 0 <= j <= k:
        if j + len(ctx) >= k + len(edit.before):
            return True
        j = text.find(ctx, j + 1)
    return False


LONG_BLOCK = 2_000  # a longer block's sites are screened by their surroundings first (`_plausible`)
_SCREEN = 6  # characters each side of a site that must stand in `after` as they stand in the text


def _plausible(text: str, after: str, edit: Edit, sites: list[int], rest_shift: int) -> list[int]:
    """The sites of a long block where the edit, made, leaves its surroundings as `after` has them near the
    same place (the later edits shift a place by at most the length they change); all sites if none does.

    On a block of thousands of characters a common character has a thousand sites, and each costs a pass
    over the block (review18a: 20 edits in a one-line 60,000-character page took minutes). A site whose
    surroundings `after` does not hold is no nearer `after` than one whose surroundings it does, unless
    another edit falls within a few characters of it; then no site passes and all are tried.
    """
    if len(sites) <= 2:
        return sites
    shift = rest_shift + abs(len(edit.after) - len(edit.before))
    keep = []
    for k in sites:
        a, b = max(0, k - _SCREEN), k + len(edit.before)
        window = text[a:k] + edit.after + text[b:b + _SCREEN]
        lo = max(0, a - shift)
        if after.find(window, lo, a + len(window) + shift + 1) >= 0:
            keep.append(k)
    return keep or sites


def _aligned_sites(text: str, after: str, edit: Edit, sites: list[int], rest_shift: int) -> list[int]:
    """When this edit and every later one swap a stretch for one of the same length, `text` and `after` stand
    character for character: the sites where `after` holds the edit's result at the same place are the nearest
    it can go (making it there leaves every other place as it was and matches these), so they need no alignment
    of the whole block each; [] otherwise.

    On a long one-line block with many like fixes (莱 -> 菜 in every eighth sentence) every site passes
    `_plausible`, and k edits cost k sites x a whole-block alignment each (review23a: 43,200 characters with 200
    fixes ran over the budget; a one-line dump of 16 pages spent 48 of 53 s here)."""
    n = len(edit.before)
    if len(text) != len(after) or len(edit.after) != n or rest_shift:
        return []
    return [k for k in sites if after.startswith(edit.after, k) and text[k:k + n] != after[k:k + n]]


_NEAR = 4_096  # sites at most this far apart are compared directly before any alignment
PLACE_BUDGET = 20_000  # candidate sites `place` weighs for one block's edits, all together, before it claims none

# Each site costs a look at the text around it, so edits x sites is the work: on a block of one repeated
# character every edit has a site at every character (review20a: 100,000 of one character, with the
# doubled-character edits dedup logs there, took minutes). The corpus's most is 11 sites for a block's
# edits; past the budget the edits keep their exact characters and source line but claim no offset,
# as they do wherever places tie.


def _same_result(text: str, edit: Edit, k1: int, k2: int) -> bool:
    """Does making `edit` at site k1 give the same text as making it at site k2 (k1 <= k2)? Both keep
    text[:k1] and text[k2 + len(before):], so only the stretch between is compared."""
    n = len(edit.before)
    return edit.after + text[k1 + n:k2 + n] == text[k1:k2] + edit.after


def place(before: str, after: str, edits: Sequence[Edit]) -> tuple[Edit, ...] | None:
    """`edits`, made in log order on `before` and giving `after`, with their offsets; None when no placing
    replays them into exactly `after` (then the log cannot claim a place for them), or when they have more
    candidate sites between them than `PLACE_BUDGET`.

    Each edit goes where applying it leaves the text nearest `after` (Levenshtein), the first such place on
    a tie that gives the same text (a doubled 府把府把, either copy: they undo alike). A tie between places
    that give different texts (two like edits of one block, 人→入 twice, replay exactly in either order) is
    settled by the edit's `context`, the text it quoted around the change; where that does not single out one
    place, none is claimed (review17b: the first place had taken the other edit's reason and confidence).
    """
    text, placed = before, []
    budget = PLACE_BUDGET
    # how many characters the edits after each one add or remove, all told (`_plausible`'s slack; 0: every later
    # edit keeps lengths, `_aligned_sites`), summed once from the end instead of over the rest at every edit
    rest_shift = [0] * len(edits)
    for n in range(len(edits) - 2, -1, -1):
        nxt = edits[n + 1]
        rest_shift[n] = rest_shift[n + 1] + abs(len(nxt.after) - len(nxt.before))
    for n, e in enumerate(edits):
        # the places nearest `after` so far, in site order, as indices only (review20a: a text per tied site
        # took sites x length memory on a run of one character); `same` is the last of them whose text is the
        # first one's, `mixed` whether any gives another text
        tied: list[int] = []
        same, mixed = -1, False
        low = -1
        sites = list(islice(_sites(text, after, e), budget + 1))
        budget -= len(sites)
        if budget < 0:
            return None
        if len(text) > LONG_BLOCK:
            sites = _plausible(text, after, e, sites, rest_shift[n])
            exact = _aligned_sites(text, after, e, sites, rest_shift[n])
            if exact:
                tied, same, mixed = exact[:1], exact[0], False
                for k in exact[1:]:
                    tied.append(k)
                    if _same_result(text, e, same, k):
                        same = k
                    else:
                        mixed = True
                sites = []  # (no alignment: the exact sites are the nearest)
        for k in sites:
            if tied and 0 <= k - same <= _NEAR and _same_result(text, e, same, k):
                tied.append(k)  # the same text as a tied place: the same distance
                same = k
                continue
            tried = text[:k] + e.after + text[k + len(e.before):]
            # bounded by the best distance so far: a long block's many sites cost a band, not a full alignment
            d = Levenshtein.distance(tried, after, score_cutoff=low if low >= 0 else None)
            del tried
            if low < 0 or d < low:
                low, tied, same, mixed = d, [k], k, False
            elif d == low:
                tied.append(k)
                if _same_result(text, e, same, k):
                    same = k
                else:
                    mixed = True
        if not tied:
            return None
        best = tied[0]
        if mixed:
            by_context = [k for k in tied if _in_context(text, k, e)]
            if len(by_context) != 1:
                return None
            best = by_context[0]
        placed.append(replace(e, offset=best))
        text = text[:best] + e.after + text[best + len(e.before):]
    return tuple(placed) if text == after else None


def with_offsets(before: Page, after: Page) -> Page:
    """`after` (a stage's output from `before`) with offsets on the stage's text edits that lacked them.

    An edit belongs to the block that holds its source line and whose text the stage changed; a block
    whose edits do not replay exactly keeps them without offsets. Blocks a stage removed whole (a
    dropped duplicate paragraph: its whole text is the edit's `before`) and segmented pages, whose text
    lives in items, are left as they are.
    """
    n = len(before.edits)
    if after.segmented or len(after.edits) <= n:
        return after
    # (no copy of the log unless the stage left an edit to place: normalize logs thousands, all with offsets)
    todo = [i - n for i in range(n, len(after.edits)) if after.edits[i].offset < 0
            and after.edits[i].before != after.edits[i].after]
    if not todo:
        return after
    new = list(after.edits[n:])
    old = {b.id: b for b in before.blocks if not b.rows}
    by_line: dict[int, list[int]] = {}  # the edits still to place at each source line, in log order
    for i in todo:
        by_line.setdefault(new[i].line, []).append(i)
    left = len(todo)
    changed = False
    for b in after.blocks:
        pre = old.get(b.id)
        if pre is None or pre.text == b.text or not left:
            continue
        lines = set(b.lines) | set(pre.lines)  # a line the stage cut out of the block is no longer in its origin
        mine = sorted(i for ln in lines for i in by_line.get(ln, ()))
        placed = place(pre.text, b.text, [new[i] for i in mine]) if mine else None
        if placed is None:
            continue
        for i, e in zip(mine, placed):
            new[i] = e
        for ln in lines:
            by_line.pop(ln, None)
        left -= len(mine)
        changed = True
    if not changed:
        return after
    return replace(after, edits=after.edits[:n] + tuple(new))
