"""Four shapes of a title-like source (`flow.is_title_like`: short, no clause mark inside) that end their
paragraph on the synthetic tuning split whatever the join model says (the counts are in the reasons a near
miss's log gives; `tests/test_flow27_spec.py` pins the behaviour):

- a title-like line over a byline is the title of the byline's article: of the 834 (title-like source,
  candidate) pairs of the tuning split with a byline between them, none is a join (a body paragraph does
  continue across a byline in interleaved columns: 32 of the 1,378 gold joins cross a '## ' title or a byline,
  none of them from a title-like line across a byline);
- a title-like line that opens with a subheadline's dash ('——记某某') ends its paragraph: 41 of the 42 such
  sources of the tuning split have no continuation; the one that has is a list item cut mid-word ('…领导成' |
  '员…'), so the rule asks for no dictionary word across the join (the join model's gain, as the rule for a
  closed quotation does);
- a title-like line whose words the target's opening says again, with no dictionary word across the join, is a
  title over its own text (an undated brief's, printed flush: review30a); no corpus or development page moves;
- a title-like line holding two or more bullet points ('●加开临时列车●改进售票方式') is a line of points (a deck
  under a title, a summary), set whole: none of the 9 such sources of the tuning split (6 of fresh seed 11's pages)
  has a continuation; a paragraph cut at a column break holds one point at most.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Final

from ...textutil import is_han

from ...model import BYLINE, Block

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


DASHES: Final = frozenset("—－-")

ACROSS_BYLINE: Final = ("its source is a title-like line and a byline stands between: no title-like line of the tuning "
                 "split continues across a byline (0 of 834 such pairs)")
POINTS: Final = ("its source is a title-like line of two or more bullet points, set whole: none of the 9 such sources of "
          "the tuning split continues")
SUBHEAD: Final = ("its source is a title-like line opening with a subheadline's dash, which ends its paragraph 41 times "
           "in 42 (tuning split) and no word spans the join")


def opens_with_dash(text: str) -> bool:
    """The text opens with a dash of two or more marks ('——'), or holds one after a space: a subheadline's dash
    ('——记某某', printed under a title or after it on its line)."""
    if text[:1] in DASHES and text[1:2] in DASHES:
        return True
    k = text.find(" —")
    return k >= 0 and text[k + 2:k + 3] in DASHES


OVER_ITS_TEXT: Final = ("its source is a title-like line whose words the target's opening says again and no word spans the "
                 "join: a title over its own text, not a paragraph cut")
HEAD_SHARED: Final = 3  # character pairs of the title the target's opening must hold
HEAD_SPAN: Final = 10  # characters of the target's opening looked at (a continuation completes a sentence there first)


@lru_cache(maxsize=2048)
def han_pairs(title: str) -> frozenset[str]:
    """The title's pairs of adjacent Han characters, once per title: `assign.scored` asks `heads_its_text` of a
    title-like source once per candidate (3,998 calls for 1,124 titles on 120 tuning pages), each character's
    `is_han` once."""
    han = [is_han(c) for c in title]
    return frozenset(title[k:k + 2] for k in range(len(title) - 1) if han[k] and han[k + 1])


def heads_its_text(title: str, text: str) -> bool:
    """Whether the opening of `text` (its first `HEAD_SPAN` characters) holds `HEAD_SHARED` or more of the character
    pairs of the title-like line `title` ('河湾县老年大学开始报名' over '县老年大学即日起开始报名…'; review30a)."""
    pairs = han_pairs(title)
    if len(pairs) < HEAD_SHARED:
        return False
    # the title's pairs the opening holds, counted from the opening's side (at most HEAD_SPAN - 1 pairs, each
    # counted once) and no further than the count asked: a title may hold dozens of pairs to look for
    head = text[:HEAD_SPAN]
    seen: set[str] = set()
    for k in range(len(head) - 1):
        p = head[k:k + 2]
        if p in pairs and p not in seen:
            seen.add(p)
            if len(seen) >= HEAD_SHARED:
                return True
    return False


def is_points_line(text: str) -> bool:
    """Two or more bullet points in one line ('●…●…'): a line of points, never a paragraph's cut piece."""
    return text.count("●") >= 2


def bylines_before(blocks: list[Block]) -> list[int]:
    """For each index k (and len(blocks)): how many bylines stand before block k, so that whether one stands
    between blocks i and j is one subtraction (asked once per page, of the pairs of title-like sources only)."""
    out = [0]
    for b in blocks:
        out.append(out[-1] + (b.role == BYLINE))
    return out


def title_source_rule(blocks: list[Block], i: int, j: int, gain: float, bylines: list[int] | None = None,
                      dash: bool | None = None) -> str:
    """Why the title-like source `i` may not continue at `j` ('' when it may): a byline between them, a
    subheadline's dash opening it with no dictionary word across the join (`gain` <= 1.0), or two or more bullet
    points in it (`is_points_line`). (`bylines`:
    `bylines_before(blocks)`, `dash`: `opens_with_dash` of the source, when the caller has them.)"""
    if bylines is None:
        bylines = bylines_before(blocks)
    if bylines[j] - bylines[i + 1] > 0:
        return ACROSS_BYLINE
    if gain <= 1.0 and (opens_with_dash(blocks[i].text) if dash is None else dash):
        return SUBHEAD
    if is_points_line(blocks[i].text):
        return POINTS
    return ""
