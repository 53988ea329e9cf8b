"""Where a doubled character or unit is printed so on purpose, by the text around it: a part of a
name joined by the separator dot, a space that cuts the words around the pair, a parallel doubling close by, a
lone first copy that mostly closes institutions' names (jieba's 'nt' tags), an A-not-A question.
"""
from __future__ import annotations

from typing import Callable, Final
from functools import lru_cache

from ...lm import WordLM
from ...textutil import is_han
from ...wordfreqs import zipf_table
from ..segment.words import word_tags


INSTITUTION_SHARE: Final[float | None] = 0.15  # not None: a lone first copy (某甲|乙|乙丙) of a character that closes at least
    # this share of the dictionary's words ending in it as an institution's name (jieba's tag 'nt': 司 0.51, 局 0.42,
    # 馆 0.27; every character whose first copy was rightly removed on the tuning pages: at most 0.01) is kept: it
    # closes a name the dictionary lacks, and the word after it opens with it (某某司|司长, 某某馆|馆员).
    # Session 21 (seeds 100/101 and synthetic tune, 720 pages): it keeps none of the 20 lone first copies rightly
    # removed there and the one wrongly removed (研究馆|馆员, also real_ocr_tune light 008); in the clean sentences of
    # the tuning days it keeps 3 of the 4 such false removals the stage makes with its bar two lower
# A word printed twice (AB AB) is kept where the text reads as three words over its copies' edges, X A | B A | B Y
# (平时|计时|计件): the character before and the first copy's A, the pair across the copies, and the second copy's B
# and the character after are each a word (of the dictionary, or of running text: `wordfreqs`). Session 42
# (glyph42): on unseen-text pages (THUCNews, seeds 22 and 23) 3 wrong removals of 27 made went, on the tuning and
# fresh folders none changed; a misprinted word whose reverse is a word too (生产生产品种: 的生 is none) is mended.
MIDDLE_WORD_GUARD: Final = True
A_NOT_A: Final = "不没"  # the negations of an A-not-A question (容易不容易, 有没有), as dedup's doublings read them


def _a_not_a(unit: str, lm: WordLM) -> bool:
    """Whether `unit` printed twice (A N A N…) opens an A-not-A question: it is A and a negation N (`A_NOT_A`),
    and either A N A is a dictionary word (是不是, 有没有) or A is a word of two or more characters (容易不容易).

    Why: such a question followed by a word that opens with the negation (容易不容易不可否认) prints the unit
    twice; a one-character A that makes no such word (也不也不怕) is a misprint.
    """
    a = unit[:-1]
    return unit[-1] in A_NOT_A and bool(a) and (lm.has(unit + a) or (len(a) >= 2 and lm.has(a)))


@lru_cache(maxsize=1)
def _institution_ends() -> dict[str, tuple[int, int]]:
    """{c: (the dictionary's words of two or more characters ending in c tagged 'nt', all of them ending in c)}
    of jieba's dictionary (`segment.words.word_tags`, the tag table normalize and flow have read before this
    stage; one pass over it, made only when a lone first copy is about to be removed)."""
    out: dict[str, list[int]] = {}
    for w, tag in word_tags().items():
        if len(w) >= 2:
            e = out.setdefault(w[-1], [0, 0])
            e[0] += tag == "nt"
            e[1] += 1
    return {c: (k, n) for c, (k, n) in out.items()}


def institution_end_share(c: str) -> float:
    """Share of the dictionary's words ending in `c` that are institutions' names (jieba's 'nt'), smoothed
    (k / (n + 1)): how likely a lone `c` closes a name of an office, a bureau or a hall the dictionary lacks."""
    k, n = _institution_ends().get(c, (0, 0))
    return k / (n + 1)


DOTTED_NAME_GUARD: Final = True
BLOCK_END_GUARD: Final = True  # a doubled character that ends its block (nothing but spaces after it) is kept: the word its
    # second copy may open goes on past the block (a table cell or a line cut off: '某某电厂厂' over '长'), so the
    # run cannot judge it. glyph31: the one such removal on fresh seeds 2, 4, 11, synthetic tune and unseen-text
    # pages was wrong (a table cell of fresh seed 11)
PARALLEL_SPAN: Final = 12  # characters searched either side for a parallel doubling (`_parallel_double`); 0 turns it off


SPACE_CUT_GUARD: Final = True  # False: a doubled character next to a space is judged on its Han run alone


def _space_cut(text: str, p: int) -> bool:
    """Whether a space with a Han character beyond it stands within two characters before the doubled pair
    text[p:p + 2] or right after it (某部部 长, 某 某甲甲).

    Why: the stage judges a doubling on its run of Han characters, and a letter-spaced or wrapped line cuts a
    word there (部长 printed 部 长), so the copy looks alone. Seeds 100/101 and synthetic tune (720 pages, at the
    bar and two under it): all 3 such removals were wrong, none right.
    """
    for q in (p - 2, p - 1):
        if q >= 1 and text[q] == " " and is_han(text[q - 1]):
            return True
    q = p + 2
    return q + 1 < len(text) and text[q] == " " and is_han(text[q + 1])


def _parallel_double(text: str, p: int, span: int) -> bool:
    """Whether text[p] == text[p + 1], printed after text[p - 1], has a parallel within `span` characters: another
    Han character doubled after that same character (甲乙乙丙，甲丁丁戊).

    Why: a writer builds parallel clauses so (one verb before two reduplicated objects); an OCR doubling is
    one random event, and two after the same character within a sentence's reach are not what it leaves.
    """
    if p < 1:
        return False
    lead = text[p - 1]
    for j in range(max(1, p - span), min(len(text) - 1, p + span + 1)):
        if abs(j - p) > 1 and text[j - 1] == lead and text[j] == text[j + 1] and is_han(text[j]):
            return True
    return False
NAME_DOT: Final = "·"  # the separator dot between the parts of a foreign name (GB/T 15834; `normalize` makes look-alike
                # dots into it)


NAME_PART: Final = 4  # characters between a doubled unit and the dot that still count as the same part of the name


def _dotted_name(text: str, s: int, e: int, has: Callable[[str], bool] | None = None) -> bool:
    """Whether text[s:e] lies in a part of a name joined by the separator dot (某某·某某): `NAME_DOT` stands at
    most `NAME_PART` Han characters after e, or before s where, past a name part of two characters or more, the
    doubled unit makes no dictionary word with the character before it (`has`).

    Why: a transliterated name may repeat a syllable, and the word model knows no transliteration, so a
    doubled character there is no evidence of a misprint (seed-46 pages of 1998-01-13..16: the one doubled
    character removed inside such a name was printed right). Chinese prints no space after a name, so a dot
    before the unit also reaches into the word after a short name part ('某·某某介绍绍了'): a unit that makes a
    word with the character before it (介绍) is that word's (review17b). A dot after the unit needs no such
    test: the unit is in the part the dot closes ('某·丽莎莎·某', though 丽莎 is a word).
    """
    after = text[e:e + NAME_PART + 1]
    j = after.find(NAME_DOT)
    if j >= 0 and all(map(is_han, after[:j])):
        return True
    before = text[max(0, s - NAME_PART - 1):s]
    k = before.rfind(NAME_DOT)
    if k < 0 or not all(map(is_han, before[k + 1:])):
        return False
    # the word the unit ends may start after a name part of two characters or more, so after two or more
    # Han characters past the dot ('·维纳纳': the unit is in the part itself, though 维纳 is a word)
    return has is None or len(before) - k - 1 < 3 or not has(text[s - 1] + text[s:s + (e - s) // 2])


def three_words(run: str, i: int, k: int, has: Callable[[str], bool]) -> bool:
    """Whether the unit printed twice at run[i:i + 2k] reads as three words over its copies' edges: the character
    before with the unit's first character, the unit's last character with its first (across the copies), and the
    unit's last character with the character after, each a word of the dictionary (`has`) or of running text.

    Why: a doubled word's removal rests on its copy cutting words; where every pair at the copies' edges is a word,
    the print reads whole (平时|计时|计件) and the doubling is no more likely than the text as printed."""
    if i == 0 or i + 2 * k >= len(run):
        return False
    a, b = run[i], run[i + k - 1]
    if a == b:
        return False  # a doubled character's unit (渐渐渐渐): its pair across the copies is itself
    table = zipf_table()

    def word(w: str) -> bool:
        return has(w) or table.get(w) is not None
    return word(b + a) and word(run[i - 1] + a) and word(b + run[i + 2 * k])


AABB_GUARD: Final = True  # a doubled character that is half of a dictionary word AABB with the character next to it is kept


def half_of_aabb(run: str, i: int, has: Callable[[str], bool]) -> bool:
    """Whether the doubled character run[i] == run[i + 1] is half of a reduplicated dictionary word AABB with its
    neighbour: the character before doubled in front (踏|实实: 踏踏实实) or the one after doubled behind.

    Why: such a word printed with its other pair misread or short of a copy (路踏实实 for 踏踏实实, 缝补补) is mended
    by a look-alike or left as printed; dropping a copy of the whole pair makes it unmendable.
    """
    u = run[i]
    before = i > 0 and has(run[i - 1] * 2 + u * 2)
    return before or (i + 2 < len(run) and has(u * 2 + run[i + 2] * 2))


# A character printed four or more times in a row whose pair is no dictionary word (a reduplicated word printed
# twice, 渐渐渐渐, is still judged) is no doubling of a word: the printer's double writes a unit twice, and such a
# run (炒米米米米) is a reading of something else (Tesseract's reading of a title in a display face, an ornament),
# which one copy fewer does not mend. (A run of three was already kept by the test that the pair is printed again in
# the document, which counts the run's two overlapping pairs: the guard changes only runs of four or more.) Not a
# run that is a word's doubled half printed twice: the character before the run makes a dictionary ABB word with
# the pair (响当当当当), or the character after it an AABB word (磕磕磕磕碰碰: 磕磕碰碰 printed with its AA twice); nor
# a run the characters before and after each make a word with (中国国国国际: 中国 and 国际, a joint printed twice).
# Session 49 (dbl49): on the real-OCR dev folders the two removals in such runs were wrong (a title read
# '炒米米米米'); on the synthetic sets (tune, fresh 2/4/5/6, People's Daily and THUCNews pages) the one removal in
# such a run was 渐渐渐渐 (kept by the word test); of 6,000 misprints doubled at random into People's Daily and
# THUCNews paragraphs it keeps none of the 2,498 mended.
SAME_RUN_GUARD: Final = True
SAME_RUN: Final = 3  # characters of one kind in a row that make such a run


def same_run_end(run: str, i: int, has: Callable[[str], bool]) -> int:
    """Where the run of run[i] printed SAME_RUN or more times in a row from i ends, or -1 when it is shorter or no
    such run: its pair is a word (渐渐), or the characters around it join it to words (响当当, 磕磕…碰碰, 中国…国际)."""
    u, j = run[i], i
    while j < len(run) and run[j] == u:
        j += 1
    if j - i < SAME_RUN or has(u * 2) or (i > 0 and has(run[i - 1] + u * 2)):
        return -1
    if j < len(run) and (has(u * 2 + run[j] * 2) or (i > 0 and has(run[i - 1] + u) and has(u + run[j]))):
        return -1
    return j


# A lone copy of the pair that ends (or opens) a dictionary word AABB, next to the word it makes with its
# neighbour ('某敬业|业'), and beyond that word a rare character standing alone ('欧|敬业|业'): the reduplicated word
# printed with its other half misread (欧敬业业 for 兢兢业业, an idiom the look-alike table cannot mend: 兢 is no
# look-alike of 敬), rather than a word printed with one character twice. A misprinted doubling stands in running
# text, where the word before the copy follows a common character (的企业|业, 和综合|合). The bar sits just over
# the two dev cases (欧 -10.15, 茵 -13.4 as words alone), set on them alone: rare names pass it too (指|指导|孟繁祺
# is kept). A character that opens the run right after a digit is a unit (3亿|经济|济, 1200吨|经济|济), which
# stands alone and may be rare: no misread half. Misprints injected into People's Daily and THUCNews paragraphs next
# to a character of an AABB word's pair (6,000): it keeps 4 of the 769 mended; doubled anywhere, 2 of 2,498.
# Session 49 (dbl49): on the real-OCR dev folders the two such removals were wrong (欧敬业业, 茵敬业业); on the
# synthetic sets (tune, fresh 2/4/5/6, People's Daily and THUCNews pages) it keeps no removal (with the rare test
# left out it kept 1 to 3 right ones a set).
AABB_MISREAD_GUARD: Final = True
AABB_FAR_LP: Final = -10.1  # the largest log-probability (as a word alone) of the rare character beyond the word


def aabb_halves(lm: WordLM) -> tuple[frozenset[str], frozenset[str]]:
    """The characters that are the AA (first) half and the BB (second) half of a dictionary word AABB (memoised on
    the model)."""
    memo: tuple[frozenset[str], frozenset[str]] | None = lm.__dict__.get("_aabb_halves")
    if memo is None:
        words = [w for w in lm.logp if len(w) == 4 and w[0] == w[1] and w[2] == w[3] and w[0] != w[2]]
        memo = (frozenset(w[0] for w in words), frozenset(w[2] for w in words))
        lm.__dict__["_aabb_halves"] = memo
    return memo


def aabb_misread(run: str, i: int, second_alone: bool, seg_of: Callable[[int], tuple[int, int]],
                 lm: WordLM, after_digit: bool = False) -> bool:
    """Whether the pair run[i:i + 2] is half of a dictionary AABB word whose other half reads misread: the lone copy
    is the second and the pair ends some AABB word (or the lone copy is the first and the pair opens one), and the
    character beyond the word the other copy makes stands alone, is rare, and is no unit after a digit
    (`after_digit`: a digit stands right before the run) (`AABB_MISREAD_GUARD`)."""
    aa, bb = aabb_halves(lm)
    far = i - 2 if second_alone else i + 3
    return (run[i] in (bb if second_alone else aa) and 0 <= far < len(run) and not (far == 0 and after_digit)
            and seg_of(far) == (far, far + 1) and lm.logp.get(run[far], lm.unk) <= AABB_FAR_LP)
