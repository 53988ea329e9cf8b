"""Stage `quotes`: turn double quotes the wrong way round once a paragraph is whole.

`normalize` decides whether an ASCII ``"`` opens or closes from the block it
sits in. When a column break cut a paragraph inside a quotation, the block that
holds the closing mark does not know a quote is open, and a mark printed after
a full stop (``。"他``) reads as an opening one: the paragraph ends up with
``“ … “`` and the error carries on to every later mark of it (``”好“``).
Only after `flow` has joined the pieces does the whole sequence show.

Chinese typesetting (GB/T 15834) pairs double quotes inside a paragraph,
opening first. The stage reads the marks of a paragraph as a path through two
states, outside and inside a quotation, and takes the cheapest path (Viterbi):
turning a printed mark costs, a mark whose neighbours ask for the other
direction costs more (an opening mark right before ，。 or at the end; a closing
one right after ：、 or at the start; after ， less, since "…，”他说" closes as
"，“…" opens), an unpaired mark costs, and a quotation still open at the end
costs least, since a quotation may run on over several paragraphs with only
the last one closed. A mark is never turned against clear evidence of its own
neighbours, and a tie keeps what was printed. Every turned mark is an
edit with its line and a confidence from the cost saved.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import TEXT, Edit, Page

STAGE = "quotes"
OPEN, CLOSE = "“", "”"
# The neighbours that place a mark. Other quote marks are not among them: they may be turned themselves, and
# evidence that moved with the decision would make the stage undo its own work on a second run.
_CLOSING_RIGHT = set("，。、；：！？）》〉】…—") | {""}  # a mark before these (or at the end) reads as closing
_OPENING_LEFT = set("：、；（《〈【 ") | {""}          # a mark after these (or at the start) reads as opening
_WEAK_OPENING_LEFT = set("，")  # "，“…" opens more often than "…，”他说" closes: weak evidence, never a veto
TURN_COST = 1.0       # turning a printed mark
AGAINST_COST = 3.0    # a mark whose direction its neighbours contradict
WEAK_AGAINST_COST = 1.5  # ... when the only evidence is a comma before it
ORPHAN_COST = 2.5     # a mark that does not pair (an opening one inside an open quote, a closing one outside)
OPEN_END_COST = 2.0   # a quote still open at the paragraph's end (legal: a quotation may run on)


def _context(text: str, i: int) -> tuple[str | None, float]:
    """The direction the neighbours of the mark at `i` ask for and the cost of going against it (None, 0: no say)."""
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    closing, opening = right in _CLOSING_RIGHT, left in _OPENING_LEFT
    if closing and not opening:
        return CLOSE, (WEAK_AGAINST_COST if left in _WEAK_OPENING_LEFT else AGAINST_COST)
    if opening and not closing:
        return OPEN, AGAINST_COST
    if left in _WEAK_OPENING_LEFT and not closing:
        return OPEN, WEAK_AGAINST_COST
    return None, 0.0


def _mark_cost(printed: str, d: str, ctx: str | None, against: float, inside: bool) -> float:
    """What reading a mark printed `printed` as `d` costs, `inside` a quotation or not (see the constants)."""
    return ((TURN_COST if d != printed else 0.0) + (against if ctx is not None and ctx != d else 0.0)
            + (ORPHAN_COST if (d == OPEN) == inside else 0.0))


def _cost(text: str, marks: list[int], dirs: list[str]) -> float:
    cost, inside = 0.0, False
    for i, d in zip(marks, dirs):
        cost += _mark_cost(text[i], d, *_context(text, i), inside)
        inside = d == OPEN
    return cost + (OPEN_END_COST if inside else 0.0)


def _best(text: str, marks: list[int]) -> list[str]:
    """Viterbi over (outside, inside a quotation): the cheapest directions for the marks, in linear time."""
    cost: dict[bool, float] = {False: 0.0}            # state -> cheapest cost so far
    back: list[dict[bool, tuple[bool, str]]] = []     # per mark: new state -> (previous state, direction)
    for i in marks:
        ctx, against = _context(text, i)
        step: dict[bool, tuple[float, bool, str]] = {}
        for inside, c0 in cost.items():
            for d in (text[i], CLOSE if text[i] == OPEN else OPEN):  # printed direction first: ties keep it
                if d != text[i] and ctx is not None and ctx != d and against >= AGAINST_COST:
                    continue  # never turn a mark against clear evidence of its own neighbours
                c = c0 + _mark_cost(text[i], d, ctx, against, inside)
                state = d == OPEN
                if state not in step or c < step[state][0]:
                    step[state] = (c, inside, d)
        cost = {s: v[0] for s, v in step.items()}
        back.append({s: (v[1], v[2]) for s, v in step.items()})
    state = min(cost, key=lambda s: (cost[s] + (OPEN_END_COST if s else 0.0), s))
    dirs: list[str] = []
    for b in reversed(back):
        state, d = b[state]
        dirs.append(d)
    return dirs[::-1]


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
                              b.text[max(0, i - 12):i + 13], offset=i))
        blocks.append(replace(b, text=new))  # one mark for one: offsets and line origins are unchanged
    return replace(page, blocks=tuple(blocks), edits=page.with_edits(edits))
