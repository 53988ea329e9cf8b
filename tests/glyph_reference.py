"""The plain form of the glyph stage's side-by-side word search, kept as the reference its faster form is checked
against (`candidates._words_at`: tests/test_glyph22_speed.py; and, against `_completes_word` one by one,
tests/test_glyphs.py). Moved here from the package, which no longer calls it."""
from __future__ import annotations

from typing import Any, Collection, Iterable


def completing(xs: Iterable[str], lefts: list[str], rights: list[str], logp: dict[str, float],
                prefixes: Collection[str], left_hits: Iterable[str] | None = None,
                right_hits: Iterable[str] | None = None) -> tuple[str, ...]:
    """The `xs` (in their order) for which `_completes_word` holds, asked side by side: each left context
    is joined to every look-alike still open once, and a look-alike leaves the search at its first word.

    `left_hits`/`right_hits` (when given): the `xs` that make a known pair with the left/right neighbour
    (`_hits_memo`). A word that holds the left neighbour and x holds that pair, and one that opens with x
    holds the pair x makes with the right neighbour, so the words with a left context are sought among
    `left_hits` only and those opening with x among `right_hits` only: the same answer, for fewer probes.
    """
    xs = tuple(xs)
    done: set[str] = set()
    for q, lq in enumerate(lefts):
        rs = rights[(0 if q else 1):4 - q]
        if not rs or (q and lq not in prefixes):
            continue  # (prefixes are closed: lq + x opens a word only if lq does)
        pool = right_hits if q == 0 else left_hits
        for x in (xs if pool is None else pool):
            if x in done:
                continue
            p = lq + x
            if p not in prefixes:
                continue
            for rr in rs:
                w = p + rr
                if w in logp:
                    done.add(x)
                    break
                if w not in prefixes:
                    break
    return tuple(x for x in xs if x in done) if done else ()


def plain_words_at(lm: Any, cands: dict[str, tuple[float, int]], run: str, i: int,
                   neighbours: tuple[dict[str, Any], dict[str, Any]]) -> tuple[str, ...]:
    """What `candidates._words_at` must answer at run[i]: `completing` of `_hits_memo`'s hits, with the one to
    three characters each side as contexts (the setup the specs of session 22 and 55 share)."""
    from layoutfix.stages.glyphs.candidates import _hits_memo

    c = run[i]
    left = run[i - 1] if i else ""
    right = run[i + 1] if i + 1 < len(run) else ""
    hits, hl, hr = _hits_memo(cands, c, left, right, neighbours, {}, {})
    lefts = [run[i - q:i] for q in range(0, min(3, i) + 1)]
    rights = [run[i + 1:i + 1 + r] for r in range(0, min(3, len(run) - i - 1) + 1)]
    return completing(hits, lefts, rights, lm.logp, lm.prefixes, hl, hr) if hits else ()
