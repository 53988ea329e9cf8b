"""The word model's segmentation walks with penalties (`lm.WordLM.score(text, pen, single)` and `lm.Window`), over
plain typed data, so that mypyc compiles them (setup.py's COMPILED list).

Why a module of its own: `lm.WordLM` keeps its caches in the object's `__dict__`, which a compiled class has not,
so `lm` stays interpreted; the glyph stage's walks (a window of 13 characters scored once and rescored with each
look-alike in its middle, `Window`; the penalised scores of `doubled` and `page_memory`, `forward`) ran
interpreted. Compiled here, they save 2.3% of the stage's instructions over a batch of new pages (callgrind, 49
tuning pages after one other) and 0.4% over pages seen before, whose windows the decoder finds in its memos. Here they take the model's tables as arguments: the word log-probabilities
(`logp`), the prefix key set (`prefixes`, every prefix of a word and every word), the longest word (`max_len`), and
the one-character costs for a penalty pair (`costs` and `unk`, `lm._single_costs`).

Every walk makes the sums of `lm._forward` in its order: each start's one-character cost (`best[i] + costs[c]`),
then its words of two characters and more while the string stays a prefix (`best[i] + logp[w] - pen`), so the
same floats, compiled or not (tests/test_glyph58_spec.py holds them equal to an exhaustive best segmentation).
"""
from __future__ import annotations

import math
from typing import Final

# whether this module runs compiled (mypyc): its file is then the extension (`lm._forward` reads it)
COMPILED: Final = not __file__.endswith(".py")


def forward(text: str, costs: dict[str, float], unk: float, logp: dict[str, float], prefixes: dict[str, None],
            max_len: int, pen: float) -> tuple[list[float], list[int]]:
    """`lm._forward(lm, text, pen, single)` character by character: the best score of every prefix of `text` and
    where its last word starts (`costs`, `unk`: `lm._single_costs(lm, pen, single)`)."""
    n = len(text)
    best = [-math.inf] * (n + 1)
    best[0] = 0.0
    back = list(range(-1, n))  # back[i] = i - 1: a single character by default
    for i in range(n):
        bi = best[i]
        s = bi + costs.get(text[i], unk)
        if s > best[i + 1]:
            best[i + 1] = s
            back[i + 1] = i
        end = i + max_len
        if end > n:
            end = n
        j = i + 2
        while j <= end:
            w = text[i:j]
            if w not in prefixes:
                break  # (prefixes are closed: no longer string is a word either)
            lp = logp.get(w)
            if lp is not None:
                s = bi + lp - pen
                if s > best[j]:
                    best[j] = s
                    back[j] = i
            j += 1
    return best, back


class Window:
    """The penalised score of a short text, kept with what scoring it with one character replaced needs
    (`rescore`); built by `lm.Window`, which reads the model's tables.

    The glyph decoder scores a window and then the same window with each look-alike in its middle. The best scores
    of the prefixes before the replaced position are the window's own, so `rescore` starts from them and redoes
    only the words that cross the position (those from a start whose prefix walk reached it, `reach`) and the rest
    of the text: the same candidate sums, so the same float as a full score of the new text.
    """

    __slots__ = ("text", "logp", "prefixes", "max_len", "pen", "costs", "unk", "best", "lps", "opens", "reach",
                 "score")

    text: str
    logp: dict[str, float]
    prefixes: dict[str, None]
    max_len: int
    pen: float
    costs: dict[str, float]
    unk: float
    best: list[float]  # the best score of every prefix of the text
    lps: list[float]  # each character's cost as a one-character word
    opens: list[bool]  # whether the character and the next make a prefix
    reach: list[int]  # reach[i]: text[i:k] is a known prefix for every k up to reach[i]
    score: float

    def __init__(self, text: str, costs: dict[str, float], unk: float, logp: dict[str, float],
                 prefixes: dict[str, None], max_len: int, pen: float) -> None:
        n = len(text)
        lps = [costs.get(c, unk) for c in text]
        opens = [text[i:i + 2] in prefixes for i in range(n - 1)]
        opens.append(False)  # the last character opens no word of two
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        reach = list(range(1, n + 1))
        relax(text, best, lps, opens, 0, logp, prefixes, max_len, pen, reach)
        self.text, self.logp, self.prefixes, self.max_len, self.pen = text, logp, prefixes, max_len, pen
        self.costs, self.unk = costs, unk
        self.best, self.lps, self.opens, self.reach = best, lps, opens, reach
        self.score = best[n] if n else 0.0

    def rescore(self, p: int, x: str) -> float:
        """The score (same penalties) of the text with text[p] replaced by the one character `x`."""
        text, pen, prefixes, logp, max_len = self.text, self.pen, self.prefixes, self.logp, self.max_len
        n = len(text)
        alt = text[:p] + x + text[p + 1:]
        best = self.best[:p + 1]  # the prefixes before p score as in the window
        best.extend([-math.inf] * (n - p))
        reach = self.reach
        i = p - max_len + 1
        if i < 0:
            i = 0
        while i < p:  # the words from a start before p that reach it
            if reach[i] >= p:  # (a start whose prefix walk stopped before p keeps its words as they were)
                bi = best[i]
                end = i + max_len
                if end > n:
                    end = n
                j = i + 2
                if j < p + 1:
                    j = p + 1
                while j <= end:
                    w = alt[i:j]
                    if w not in prefixes:
                        break
                    lp = logp.get(w)
                    if lp is not None:
                        s = bi + lp - pen
                        if s > best[j]:
                            best[j] = s
                    j += 1
            i += 1
        # position p itself with x's cost and pair, then the rest of the text as the window has it
        _step(alt, best, p, self.costs.get(x, self.unk), p + 1 < n and alt[p:p + 2] in prefixes, logp, prefixes,
              max_len, pen)
        relax(alt, best, self.lps, self.opens, p + 1, logp, prefixes, max_len, pen, None)
        return best[n]


def relax(text: str, best: list[float], lps: list[float], opens: list[bool], start: int, logp: dict[str, float],
          prefixes: dict[str, None], max_len: int, pen: float, reach: list[int] | None) -> None:
    """`forward`'s loop from position `start` on (`best` holds the prefix scores up to `start`; `lps` and `opens`
    each character's one-character cost and whether it opens a prefix of two), without back pointers; `reach`,
    when given, records how far each start's prefix walk went."""
    n = len(text)
    for i in range(start, n):
        k = _step(text, best, i, lps[i], opens[i], logp, prefixes, max_len, pen)
        if reach is not None:
            reach[i] = k


def _step(text: str, best: list[float], i: int, lp1: float, opens: bool, logp: dict[str, float],
          prefixes: dict[str, None], max_len: int, pen: float) -> int:
    """The words of `text` from start i (cost `lp1` as one character; `opens`: text[i:i + 2] is a prefix) relaxed
    into `best`; returns how far the prefix walk went (i + 1 where no pair opens, at least i + 2 where one does)."""
    n = len(text)
    bi = best[i]
    s = bi + lp1
    if s > best[i + 1]:
        best[i + 1] = s
    if not opens:
        return i + 1
    lp = logp.get(text[i:i + 2])
    if lp is not None:
        s = bi + lp - pen
        if s > best[i + 2]:
            best[i + 2] = s
    end = i + max_len
    if end > n:
        end = n
    k = i + 2
    j = i + 3
    while j <= end:
        w = text[i:j]
        if w not in prefixes:
            break
        k = j
        lp = logp.get(w)
        if lp is not None:
            s = bi + lp - pen
            if s > best[j]:
                best[j] = s
        j += 1
    return k
