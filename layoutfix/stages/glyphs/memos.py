"""The substitution search's per-model memos (answers are pure), kept on the model object beside the
table they were built for and emptied at `MEMO_SIZE` entries so one huge text cannot grow them without bound.
"""
from __future__ import annotations

from typing import Final, Iterable

from ...confusion import Table
from ...lm import WordLM


MEMO_SIZE: Final = 10_000  # entries per memo below before it is emptied (peak RSS over the 163 benchmark pages: +7 MB at
                    # 10k, +13 MB at 20k, +4 MB at 4k, against main; the speed-up shrinks with the size)


def _memos(table: Table, lm: WordLM, cands: object = None) -> tuple[dict, dict, dict, dict, dict, dict, dict, dict]:  # type: ignore[type-arg]
    """Per-model memos of the substitution search: left-side hits, right-side hits, scores of windows with a
    look-alike in, name checks, the look-alikes that complete a word amid the three characters each side,
    the windows as printed (`lmwalk.Window`, which rescores them with one character replaced), `_gain_bound`
    by (window, place, look-alike), and each character's look-alikes' places in their order (`_side_hits`).

    The second and third rounds of `fix_changes` ask the same questions of the
    unchanged parts of a block again. Kept on the model object beside the table
    they were built for (like `_candidates`), emptied at `MEMO_SIZE` entries.
    """
    memo = lm.__dict__.get("_glyph_memos")
    if memo is None or memo[0] is not table or lm.__dict__.get("_glyph_memos_for") is not cands:
        memo = lm.__dict__["_glyph_memos"] = (table, {}, {}, {}, {}, {}, {}, {}, {})
        lm.__dict__["_glyph_memos_for"] = cands
    _cap(memo[1:])
    return memo[1], memo[2], memo[3], memo[4], memo[5], memo[6], memo[7], memo[8]


MEMO_CHECK: Final = 256  # judged positions between two checks of the memos' sizes inside one call


def _cap(memos: Iterable[dict]) -> None:  # type: ignore[type-arg]
    """Empty every memo that holds `MEMO_SIZE` entries or more (answers are pure: emptying changes no output).

    Checked when a call starts and every `MEMO_CHECK` judged positions inside it,
    so one huge text (a 5 MB page) cannot grow them without bound.
    """
    for d in memos:
        if len(d) >= MEMO_SIZE:
            d.clear()


def forget(lm: WordLM) -> int:
    """Empty the search's memos kept on `lm`; the number of entries dropped (answers are pure: no output changes).

    Why: the benchmark times several passes over the same pages, and a pass that finds the previous pass's windows
    in the memos measures look-ups, not the search that a batch of new pages meets (glyph58: over 50 pages every
    window of the second pass was in the memo). Emptied before each timed pass, every pass starts as a fresh batch.
    """
    memo = lm.__dict__.get("_glyph_memos")
    if memo is None:
        return 0
    dropped = 0
    for d in memo[1:]:
        dropped += len(d)
        d.clear()
    return dropped
