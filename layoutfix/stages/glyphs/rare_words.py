"""A look-alike fix near the bar that completes no word or only a short one running text rarely uses, in place of a
character mostly held by names (`rare_short_word`).

Why (session 36, glyph36): the learned acceptance was fitted on People's Daily pages of 1998, whose every word,
rare idioms and the year's names included, jieba's dictionary holds; there a look-alike that completes any
dictionary word is mostly right. On text no fit has read (THUCNews pages, `resources.unseen_pages`) the decision
also turned given names into the names of fictional characters the dictionary happens to hold (a name of two
printed characters and a third one read as its look-alike). A word of two or three characters matches only one or
two printed characters besides the changed one, and a word that modern running text (`wordfreqs`, wordfreq's list)
rarely uses is a weak reason to change what was printed; a four-character word matches three printed characters
(a set phrase read off a misprint) and stays evidence however rare. Only where the printed character is mostly
held by names and at least as much as the look-alike (`name_share`, jieba's name entries): a misread name
character mostly reads as a character names seldom hold (a common word's), and its fix gives the name back (the
real-OCR tuning paragraphs' right fixes of 1998 names and places the guard would otherwise refuse: 凌, 杜, 佩, 棣, 千
for 凑, 柱, 候, 标, 干).
"""
from __future__ import annotations

from typing import Collection

from ...lm import name_shares
from ...wordfreqs import best_word, longest_word, ZipfTable


# (floor, length): a fix the learned decision made (inside its band) is left as printed when the commonest word of
# running text over the place with the look-alike is under `floor` Zipf (or none) and the longest dictionary word
# it makes there (0: none) is shorter than `length`, in place of a character mostly held by names and at least as name-like;
# None: no guard. Session 36: see `rare_short_word`.
RARE_SHORT_GUARD: tuple[float, int] | None = (2.0, 4)


NAME_LIKE = 0.5  # the printed character's least share of name entries: most of the dictionary's entries holding it
                 # are names (a common character such as 干, 0.17, read for the 千 of a rare place name is mended)


def name_share(c: str) -> float:
    """The share of jieba's dictionary entries holding c that are names (`lm.name_shares`, cached; 0.25 for a
    character in no entry, as that table's smoothing gives)."""
    return name_shares().get(c, 0.25)


def rare_short_word(run: str, i: int, x: str, known: Collection[str], table: ZipfTable,
                    floor: float, length: int) -> bool:
    """Whether the look-alike x at run[i] completes no word, or only short, rare ones, in place of a name's
    character: the printed character's share of name entries (`name_share`) is at least `NAME_LIKE` and at least
    x's, the commonest word of `table` (running text) over i with x is under `floor` Zipf (0 when the list holds
    none), and the longest word of the model (`known`) over i with x has fewer than `length` characters (none: 0, so
    a fix that makes no word at all is refused too: it has still less evidence).

    An empty table (wordfreq not installed) says nothing: no fix is refused then.
    """
    if not table:
        return False
    printed = name_share(run[i])
    if printed < NAME_LIKE or printed < name_share(x):
        return False  # a character mostly of other words, or a look-alike more name-like: a name's misreading
    alt = run[:i] + x + run[i + 1:]
    if best_word(alt, i, table)[0] >= floor:
        return False
    return longest_word(alt, i, known.__contains__) < length
