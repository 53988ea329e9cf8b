"""Two lone copies of a function word in a row (指明了了方向, 发展和和进步): Tesseract's own doubling, judged by
what the word model and jieba's dictionary say about the word, not by a list of characters.

Why: the doubled rule's gain test cannot judge two lone copies (the word model scores a lone word alone: dropping a
copy gains only -log p of the word, 4.2 for 了 and 4.7 for 和, under any bar), so `_judge_double` kept every such
pair, the reduplications clean text prints (根根钢筋, 只只, a pet name 然然) and Tesseract's doubled 了 and 和 alike.
Of Tesseract's own Han doubles on real-OCR dev (session 53's census: 37), 了了 and 和和 are 27.

A character is a function word whose doubling is a misprint (`function_words`) when the dictionary says three
things of it, each a figure of the shipped data, not a choice of characters:
- jieba tags it alone as a preposition, a conjunction or an aspect/structural particle (`FUNCTION_TAGS`);
- it is mostly a word by itself: of the dictionary's counts of words holding it, the lone word's count is at least
  `LONE_SHARE` (了 0.94, 与 0.90, 和 0.90, 把 0.89, 被 0.88, 在 0.86: the set; 跟 0.84, 对 0.63, 按 0.56, 为 0.51,
  同 0.18, 根 0.09, 然 0.02 are out: the lower their share, the more they double as verbs (按按, 对对答案) or
  measure words and names, whose reduplications clean text prints; 0.85 rather than 0.5 costs right removals,
  Tesseract's 向向 为为 并并 而而 着着: 5 on the dev pages, 5 on the unseen ones, no wrong one among them);
- two lone copies side by side would occur by chance (count(c)^2 / total, the count of cc if lone copies fell
  independently) more often than the dictionary's count of its rare words (`FLOOR`) and than its count of cc: the doubled form is rare relative to the word's own frequency (了: 12,991 expected, 3 held; 等: 639
  expected, 6,063 held (等等); 凭: 0.5 expected, so its absence says nothing). Of the shipped dictionary's tagged
  characters this criterion alone excludes 等, 凭, 甭 and 繇, all of which the share at 0.85 also excludes: it stays
  for a dictionary (or a refit) in which such a character is a word by itself (根, 针, 靶, 般 are excluded by the
  share, not by this criterion).

The guard (`preposition_after`): a conjunction that is also a preposition meets itself where the second copy opens
a relative clause, 'A 和 [和他同住的] 人': the pair is followed by a pronoun or noun, and 的 comes within
`CLAUSE_WORDS` + 2 words with at least one word between and no punctuation (read on the best segmentation of what
follows; no verb is asked for, as jieba's one tag per word misses the clause's verb: 我和和我一起长大的朋友).

The pair stays before 都 (`DISTRIBUTIVE`: a reduplicated measure word read 'every', 把把都输), and a preposition's
pair stays before a one-character word (`place_after`: 在 | 在华, 在在京, 在在任).

Known misses (a copy lost that the text meant):
- a pet name written with such a character (和和) is kept where the page prints it twice (`_doubled` keeps a doubled
  character printed again in the document), not where it stands once (小和和今年五岁了 loses a 和);
- 了了 where the first 了 is the verb 'settle' (他总算了了一桩心事, 了了心愿): jieba's dictionary holds 了了 only as a
  rare word (3), and nothing on the line tells the verb from Tesseract's doubled particle;
- a verb or measure word among the set's characters doubled before anything but 都 (和和面 'knead the dough', 和和泥巴,
  射手把把命中);
- a name of two such characters printed once (演员在在今天出席, like 小和和 above).
Kept that Tesseract doubled: a conjunction's pair before a noun and a later 的 in the same clause reads as the
guard's relative clause (工人和和农民创造的财富).
"""
from __future__ import annotations

import re
from typing import Final

from ...lm import WordLM
from ...textutil import is_han
from ..segment.words import word_tags


FUNCTION_DOUBLE: Final = True  # False: two lone copies of any character are kept, as before session 54
FUNCTION_TAGS: Final = ("p", "c", "ul", "uz", "ug", "ud", "uv", "u")  # jieba's prepositions, conjunctions and particles
    # but 'uj' (的): its doublings on the dev pages are the synthetic builder's or the source's own (which the gold
    # keeps, 以上的的玩家), and where real OCR printed 的的 a neighbour had been misread as 的 (诚挚 -> 诚的的,
    # 韵味 -> 的的昧): real-OCR dev 0 right of 2, THUCNews dev 4 of 13; Tesseract doubled no 的 there
LONE_SHARE: Final = 0.85  # least share of a character's dictionary counts (as a word and inside words) that is the lone word
FLOOR: Final = 3  # the count jieba's dictionary gives its rare words (了了, 着着, 对对: 3): a chance count below it says nothing
CLAUSE_WORDS: Final = 3  # 的 comes within CLAUSE_WORDS + 2 words after the pair's object ('和他同住的': 他 | 同 | 住 | 的)
GUARD_TAGS: Final = ("r", "n", "s")  # tag prefixes of the object a preposition takes: pronouns, nouns and names, places
DISTRIBUTIVE: Final = "都"  # a pair before 都 is a reduplicated measure word read 'every' (把把都输, 个个都, 次次都)
_TAG_SET: Final = frozenset(FUNCTION_TAGS)


def function_words(lm: WordLM) -> dict[str, tuple[str, float, float]]:
    """{c: (jieba's tag, the lone word's share of c's counts, the expected count of cc)} of the characters whose two
    lone copies in a row are a misprint (see the module docstring). Built on first use, memoised on the model: the
    one pass over the dictionary's words (about 0.1 s) is paid only by a text that holds such a pair."""
    got: dict[str, tuple[str, float, float]] | None = lm.__dict__.get("_function_words")
    if got is not None:
        return got
    tags = word_tags()
    cands = {w: t for w, t in tags.items() if len(w) == 1 and t in _TAG_SET
             and lm.freq.get(w, 0) ** 2 / lm.total > max(FLOOR, lm.freq.get(w + w, 0))}
    inside = dict.fromkeys(cands, 0)
    holds = re.compile("[" + re.escape("".join(cands)) + "]").search if cands else None
    for w, f in lm.freq.items():
        if len(w) > 1 and holds is not None and holds(w):  # (a search first: most words hold none)
            for c in set(w).intersection(cands):
                inside[c] += f
    got = {}
    for c, t in cands.items():
        f = lm.freq[c]
        share = f / (f + inside[c])
        if share >= LONE_SHARE:
            got[c] = (t, share, f * f / lm.total)
    lm.__dict__["_function_words"] = got
    return got


def preposition_after(run: str, i: int, lm: WordLM) -> bool:
    """Whether the pair run[i:i+2] may be a conjunction before a preposition: what follows it reads as a relative
    clause opened by the preposition, an object (a pronoun, noun or name), then 的 within `CLAUSE_WORDS` + 2 words of
    it, with at least one Han word between and no punctuation ('嫌疑人和和他同住的人': 他 | 同 | 住 | 的 | 人;
    '我和和我一起长大的朋友': 我 | 一起 | 长大 | 的). No verb is asked for before 的: jieba gives a word one tag,
    and the clause's last word is as often tagged otherwise (长大 'a', 合同 'n', 手艺 'n', 工作过: 过 'ug')."""
    tags = word_tags()
    words = lm.segment(run[i + 2:i + 2 + 4 * (CLAUSE_WORDS + 2)])
    if not words or not tags.get(words[0], "").startswith(GUARD_TAGS):
        return False
    for k in range(2, min(len(words), CLAUSE_WORDS + 3)):
        if not all(map(is_han, words[k - 1])):
            return False  # punctuation (or a figure) ends the clause before any 的
        if words[k] == "的":
            return True
    return False


def place_after(run: str, i: int, tag: str, lm: WordLM) -> bool:
    """Whether the pair run[i:i+2] of a preposition (jieba's 'p') is followed by a word of one Han character: the
    second copy may be the preposition and the first a verb or 在 'be at' before a one-character abbreviation
    ('记者在在华外国专家中': 在 | 在华; 在在京外地人员中, 在在任官员中). Asked only of prepositions: on the dev pages'
    census of the set's pairs, a one-character word after the pair would also keep 4 right removals of 和 and 了
    (和和朱镕基, 了了省), after a preposition none."""
    if not tag.startswith("p"):
        return False
    words = lm.segment(run[i + 2:i + 10])
    return bool(words) and len(words[0]) == 1 and is_han(words[0])


def function_double(run: str, i: int, unit: str, lm: WordLM) -> str | None:
    """The reason for dropping the second of two lone copies of `unit` at run[i:i+2] (`FUNCTION_DOUBLE`), or None
    when `unit` is no function word whose doubling is a misprint or the guard reads a preposition after it."""
    if not FUNCTION_DOUBLE:
        return None
    fw = function_words(lm).get(unit)
    if fw is None or run[i + 2:i + 3] == DISTRIBUTIVE:
        return None
    if preposition_after(run, i, lm) or place_after(run, i, fw[0], lm):
        return None
    tag, share, expected = fw
    return (f"'{unit}{unit}': two lone copies of the function word '{unit}' (jieba's '{tag}', a word alone in "
            f"{share:.0%} of its counts; the doubled form, expected {expected:.0f} times by chance, is held "
            f"{lm.freq.get(unit + unit, 0)} times)")
