"""Stage `quotes`: turn double quotes the wrong way round once a paragraph is whole.

`normalize` decides whether an ASCII ``"`` opens or closes from the block it
sits in. When a column break cut a paragraph inside a quotation, the block that
holds the closing mark does not know a quote is open, and a mark printed after
a full stop (``。"和``) reads as an opening one: the paragraph ends up with
``“ … “`` and the error carries on to every later quote of it (``”葱“``).
Only after `flow` has joined the pieces does the whole sequence show.

The rule is the one of Chinese typesetting (GB/T 15834): inside a paragraph
double quotes alternate, opening first. A paragraph with an odd number of
double quotes is left alone, since a quotation may run over several
paragraphs with only the last one closed. A paragraph whose marks do not
alternate is rewritten to the alternating sequence, unless a changed mark
would then go against its own neighbours (an opening mark right before ，。 or
at the end; a closing one right after ：，、 or at the start), in which case the
paragraph is left as printed: the evidence disagrees and nothing is guessed.
Every turned mark is an edit with its line.
"""
from __future__ import annotations

from dataclasses import replace

from ..config import Config
from ..model import TEXT, Edit, Page

STAGE = "quotes"
OPEN, CLOSE = "“", "”"
# The neighbours that place a mark. Other quote marks are not among them: they may be turned themselves, and
# evidence that moved with the decision would make the stage undo its own work on a second run.
_CLOSING_RIGHT = set("，。、；：！？）》〉】…—") | {""}  # a mark before these (or at the end) reads as closing
_OPENING_LEFT = set("：，、；（《〈【 ") | {""}          # a mark after these (or at the start) reads as opening
TURN_COST = 1.0       # turning a printed mark
AGAINST_COST = 3.0    # a mark whose direction its neighbours contradict
ORPHAN_COST = 2.5     # a mark that does not pair (an opening one inside an open quote, a closing one outside)
OPEN_END_COST = 2.0   # a quote still open at the paragraph's end (legal: a quotation may run on)


def _context(text: str, i: int) -> str | None:
    """The direction the neighbours of the mark at `i` ask for, or None when they say nothing."""
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    closing, opening = right in _CLOSING_RIGHT, left in _OPENING_LEFT
    if closing == opening:
        return None
    return CLOSE if closing else OPEN


def _cost(text: str, marks: list[int], dirs: list[str]) -> float:
    cost, inside = 0.0, False
    for i, d in zip(marks, dirs):
        if d != text[i]:
            cost += TURN_COST
        ctx = _context(text, i)
        if ctx is not None and ctx != d:
            cost += AGAINST_COST
        if (d == OPEN) == inside:
            cost += ORPHAN_COST
        inside = d == OPEN
    return cost + (OPEN_END_COST if inside else 0.0)


def _best(text: str, marks: list[int]) -> list[str]:
    """Viterbi over (outside, inside a quote): the cheapest directions for the marks."""
    # state: inside (bool) -> (cost, directions)
    paths: dict[bool, tuple[float, list[str]]] = {False: (0.0, [])}
    for i in marks:
        ctx = _context(text, i)
        nxt: dict[bool, tuple[float, list[str]]] = {}
        for inside, (cost, dirs) in paths.items():
            for d in (text[i], CLOSE if text[i] == OPEN else OPEN):  # printed direction first: ties keep it
                if d != text[i] and ctx is not None and ctx != d:
                    continue  # never turn a mark against its own neighbours
                c = cost + (TURN_COST if d != text[i] else 0.0)
                c += AGAINST_COST if ctx is not None and ctx != d else 0.0
                c += ORPHAN_COST if (d == OPEN) == inside else 0.0
                state = d == OPEN
                if state not in nxt or c < nxt[state][0]:
                    nxt[state] = (c, dirs + [d])
        paths = nxt
    final = {s: (c + (OPEN_END_COST if s else 0.0), d) for s, (c, d) in paths.items()}
    return min(final.values(), key=lambda x: x[0])[1]


def turned_quotes(text: str) -> list[tuple[int, str, float]]:
    """Marks to turn: (offset, new mark, confidence); empty when the printed marks are the cheapest reading."""
    marks = [i for i, c in enumerate(text) if c == OPEN or c == CLOSE]
    if len(marks) < 2:
        return []
    dirs = _best(text, marks)
    printed = [text[i] for i in marks]
    if dirs == printed:
        return []
    margin = _cost(text, marks, printed) - _cost(text, marks, dirs)
    if margin <= 0:
        return []  # a tie keeps the printed marks
    conf = round(min(0.95, 0.5 + margin / 8), 2)
    return [(i, d, conf) for i, d in zip(marks, dirs) if d != text[i]]


def balance_quotes(text: str) -> tuple[str, list[tuple[int, str, str, float]]]:
    """The text with its double quotes alternating, and (offset, before, after, confidence) for each mark turned."""
    turns = turned_quotes(text)
    if not turns:
        return text, []
    chars = list(text)
    for i, w, _ in turns:
        chars[i] = w
    return "".join(chars), [(i, text[i], w, conf) for i, w, conf in turns]


def quotes(page: Page) -> Page:
    """Turn the double quotes of every body paragraph so that they alternate (see the module docstring)."""
    _ = page.config or Config()
    blocks, edits = [], []
    for b in page.blocks:
        if b.role != TEXT or (OPEN not in b.text and CLOSE not in b.text):
            blocks.append(b)
            continue
        new, turned = balance_quotes(b.text)
        if not turned:
            blocks.append(b)
            continue
        for i, before, after, conf in turned:
            edits.append(Edit(STAGE, "quote", before, after, b.line_at(i), conf,
                              "double quotes of a paragraph pair up, opening first: this mark was the wrong way round",
                              b.text[max(0, i - 12):i + 13]))
        blocks.append(replace(b, text=new))  # one mark for one: offsets and line origins are unchanged
    return replace(page, blocks=tuple(blocks), edits=page.with_edits(edits))
