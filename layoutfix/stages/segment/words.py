"""The language model as `segment` asks it: words, names and shared vocabulary.

`PageLM` keeps one page's answers (the same title line is measured by several passes); the rest answers
questions about words: which content words a text has, its word pairs and character trigrams (what two
passages share), whether it is OCR debris (`is_garbage`, which `flow` asks too), and whether it ends with a
person's name after a role word (`word_tags`, the program's one table of jieba's part-of-speech tags). Kept
apart so the heading model, the role passes and the title split share one vocabulary and one cache.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import add
from typing import Final

from ...lm import WordLM, jieba_entries, surnames
from ...lm import person_names as lm_person_names
from ... import patterns
from ...textutil import CLAUSE_PUNCT
from .shapes import HAN_RUN, NOT_HAN, han_only

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# Below this share of characters in dictionary words, a short line of space-separated scraps is OCR debris:
# on the tune split it catches 46 of 47 garbage lines and none of 1,953 gold titles and short paragraphs.
GARBAGE_COVERAGE: Final = 0.5
# A line of verse printed with a wrap space is no such debris, though its rare poetic words leave the dictionary
# coverage low: one piece is longer than the scraps of debris (more than SCRAP_MAX Han characters) and the two
# characters on either side of every space make a pair seen in a dictionary word or the model's text (the space
# wraps a word: '…的阳 光', '…冷雪 里'). On the tuning splits and 120 fresh tuning-day pages (seed 6) that
# keeps 10 lines the gold holds as text (8 of poems) out of the noise, and no debris line: of the debris under
# the coverage none has a longer piece, and the 3 lines where OCR glued debris to a line of text before a space
# ('某某某某某某劳从 历史的…') break no word there.
SCRAP_MAX: Final = 3
# Nor is a line whose every space-separated piece holds at least TITLE_PART_MIN Han characters: a title printed in
# two parts ('甲乙丙丁戊己 庚辛壬癸子', as modern papers set them) whose newer words the 1998 dictionary lacks. Of
# the lines the coverage test calls debris on the tuning folders, the samples and 120 fresh tuning-day pages (seed
# 96), none has a shortest piece longer than 4 Han characters (one, in real_ocr_tune heavy, has 4: '…本报记 “者朋网大');
# on 120 THUCNews pages (seed 98) the 20 such lines whose pieces all hold 5 or more are every one a gold title or
# paragraph (so are the 4 with a shortest piece of 4, left as they were), and they went to the page's noise.
TITLE_PART_MIN: Final = 5
# A line of Han scraps, no piece longer than SCRAP_MAX characters ('某 某某某', '某某某 某'), that the coverage test
# lets pass because its best segmentation holds one word in two characters (coverage exactly 0.5) is still debris
# when its characters are rare together: the word model's log-probability of its best segmentation, spaces taken
# out, below SCRAP_LOGP a Han character. On the tuning splits, the samples and fresh tuning-day pages (seeds 2, 4,
# 11, 12, 13) and the THUCNews pages, the lines of that shape the test passed are 4 gold noise lines (-7.85 to
# -8.72), 3 photo credits ('某某某 摄', -7.77 to -8.96: a credit is no debris, `patterns.CREDIT`) and no line the
# gold holds as text (the nearest, '某某某某第一 期', -4.34, has a longer piece; so do the poems' lines that
# score lower, '…不 绝' -6.84).
SCRAP_LOGP: Final = -7.5


# marks an article prints as a paragraph of its own: a section break ('＊＊＊') or an omission ('…………'), the
# only paragraphs without a letter, digit or Han character in the clean news text the corpus is built from
SECTION_MARKS: Final = frozenset("*＊…⋯.。·・※")


def is_rule_line(text: str) -> bool:
    """A printed rule or box debris ('-----', '======', '■■■ ||| ~~~', '##'): two or more marks, no letter, digit or
    Han character, and not a section break."""
    if text[:1].isalnum() or _ALNUM.search(text):
        return False  # (asked of every block: text has a letter, digit or Han character near its start, mostly
        # its first, which a string test reads without the pattern call)
    marks = "".join(text.split())
    return len(marks) >= 2 and not set(marks) <= SECTION_MARKS


_ALNUM: Final = re.compile(r"[^\W_]")  # a character `str.isalnum` takes (sre's \w is isalnum or '_')


def is_garbage(text: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Short OCR debris: mostly one- or two-character tokens, or few dictionary words, or a rule of marks."""
    if is_rule_line(text):
        return True
    han = len(han_only(text))
    tokens = text.split()
    if han and len(tokens) >= 2 and len(text) <= 30 and sum(len(t) for t in tokens) / len(tokens) <= 1.5:
        return True  # '- 望': single characters and marks strewn apart
    if not han and latin_debris(text):
        return True  # 'I1 1 -': letters, digits and marks strewn apart, no Han
    if han < 2 or len(text) > 30:
        return False
    if len(tokens) >= 3 and sum(len(t) for t in tokens) / len(tokens) <= 2.0:
        return True
    if len(tokens) >= 2 and lm.word_coverage(text) < GARBAGE_COVERAGE and not wrapped_line(tokens, lm) \
            and min(len(han_only(t)) for t in tokens) < TITLE_PART_MIN:
        return True  # spaced-out scraps that make no words ('式话与 送队 万家巴'); no title in two long parts
    if len(tokens) >= 2 and rare_scraps(tokens, lm):
        return True  # '某 某某某' of characters rare together, though two of them make a word
    return han >= 6 and not has_word(lm, text) and not unspaced_text(text, tokens)


SCRAP_LATIN_MAX: Final = 2  # characters a piece of a Han-less debris line holds at most
STROKE_MARKS: Final = frozenset("-/|·_~")  # marks a rule, a frame or a photo's edge is misread as, alone as a piece


def latin_debris(text: str) -> bool:
    """Is `text`, a short line of no Han character, OCR debris by `latin_scraps`? (`part_role` asks it of every
    unmarked block before the shapes that call a short line text, without the word model `is_garbage` needs; the
    30-character limit is the one `is_garbage` puts on its spaced-scraps tests, so long rows of figures are never
    asked.) No Han character: a search for the first one, not a copy of them all (seg59)."""
    return len(text) <= 30 and HAN_RUN.search(text) is None and latin_scraps(text.split())


def latin_scraps(tokens: list[str]) -> bool:
    """Are the space-separated pieces `tokens` of a line, or of a line's end, that holds no Han character OCR debris:
    two or more pieces of at most SCRAP_LATIN_MAX characters, and a sign that no one printed them, a piece that mixes
    a letter and a digit (`misread_piece`) or a lone stroke mark at either end of the line (`STROKE_MARKS`)? Short
    Han-less pieces alone are no evidence: lottery numbers, score lines '1 : 0', a spaced year '2 0 2 4', 'U N', 'No 5',
    'CO 2', sudoku rows and a table's continuation rows are all printed so. A chemical formula spaced apart ('H2 O')
    has the same shape as debris and goes with it (on the dev dumps the only Han-less lines of this shape are debris,
    real-OCR fresh seed 4's '/ 1' and synthetic fresh seed 5's 'I1 1 -'). A stroke mark inside the line may be a
    score's or a fraction's ('1 - 0'), so only one at an end counts. A letter or digit must be among the pieces:
    marks alone are `is_rule_line`'s (a section break '* * *', '· · ·' stays text)."""
    if len(tokens) < 2 or any(len(t) > SCRAP_LATIN_MAX for t in tokens) or not any(map(str.isalnum, "".join(tokens))):
        return False  # (marks alone are `is_rule_line`'s)
    return tokens[0] in STROKE_MARKS or tokens[-1] in STROKE_MARKS or any(map(misread_piece, tokens))


def misread_piece(token: str) -> bool:
    """Does `token` mix a letter and a digit ('I1', 'l0'), as a glyph read half as a letter, half as a digit does?"""
    return any(map(str.isalpha, token)) and any(map(str.isdigit, token))


def unspaced_text(text: str, tokens: list[str]) -> bool:
    """Is a line that holds no dictionary word text all the same, printed in one run: names glued together
    (`patterns.glued_names`: the names under a piece, '某甲某乙某丙') or a clause mark inside (a line of verse cut at
    its comma)? Debris is printed as scraps set apart and marks no clause. Session 35 on synthetic tune,
    real_ocr_tune and fresh seeds 2, 4, 5, 6, 12, 13: of the 88 unspaced lines of six or more Han characters with no
    dictionary word, 69 are gold text and none gold noise; the rest, lines a heavy OCR read garbled, are neither
    gold text nor noise as printed, and read as paragraphs of their own they lowered real_ocr_tune heavy's fuzzy
    paragraph F1, so an unspaced line of neither shape stays debris."""
    return len(tokens) == 1 and (patterns.glued_names(text) or any(c in _CJK_CLAUSE for c in text[1:]))


# the Chinese clause marks (a stray ASCII ',' or '?' is common in OCR debris; review35), inside a line, not opening it
_CJK_CLAUSE: Final = frozenset(c for c in CLAUSE_PUNCT if not c.isascii())


def rare_scraps(pieces: list[str], lm) -> bool:  # type: ignore[no-untyped-def]
    """Are these space-separated pieces Han scraps of at most SCRAP_MAX characters each, no photo credit, at most
    half of whose characters stand in dictionary words, and whose characters together score below SCRAP_LOGP a
    character in the word model (`SCRAP_LOGP`)?"""
    if any(len(t) > SCRAP_MAX or len(han_only(t)) != len(t) for t in pieces):
        return False
    text = " ".join(pieces)
    if lm.word_coverage(text) > GARBAGE_COVERAGE or patterns.CREDIT.search(text):
        return False
    han = "".join(pieces)
    return float(lm.score(han)) < SCRAP_LOGP * len(han)


def wrapped_line(pieces: list[str], lm) -> bool:  # type: ignore[no-untyped-def]
    """Is a line of these space-separated pieces one line cut by wrap spaces rather than scraps: a piece longer
    than SCRAP_MAX Han characters, and every space between two characters that make a known pair (`lm.pairs`)?"""
    return max(len(han_only(t)) for t in pieces) > SCRAP_MAX \
        and all(a[-1] + b[0] in lm.pairs for a, b in zip(pieces, pieces[1:]))


def has_word(lm, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Does the best segmentation of `text` hold a word of two or more characters? `PageLM.has_word` when
    the model is a page's, else the same answer from the model's own `word_coverage` (a bare `WordLM`)."""
    ask = getattr(lm, "has_word", None)
    return ask(text) if ask is not None else lm.word_coverage(text) > 0.0


def content_words(text: str, lm) -> set[str]:  # type: ignore[no-untyped-def]
    """Dictionary words of two or more characters: what a passage is about."""
    han = han_only(text)
    return {w for w in lm.segment(han) if len(w) >= 2}


def _word_pairs(text: str, lm) -> set[str]:  # type: ignore[no-untyped-def]
    """The two-character dictionary words found anywhere in the Han characters of `text` (each pair a slice: no
    string per character to add up)."""
    han = han_only(text)
    return {han[i:i + 2] for i in range(len(han) - 1)} & lm.logp.keys()


TRIGRAM_OVERLAP: Final = 0.03  # tune: para F1 0.6487 -> 0.6523 at 0.03, found unchanged; 0.02 and 0.05 lose found


def _passage_grams(text: str, lm) -> tuple[set[tuple[str, str]], set[str]]:  # type: ignore[no-untyped-def]
    """(the character trigrams of `text`, `_word_pairs(text, lm)`) from one pass over the Han characters.

    A trigram is kept as the pair of its two character pairs (abc as (ab, bc)): one to one with `_trigrams`'
    strings, so the same sizes and overlaps, built from the pairs the word lookup needs anyway (no string per
    trigram, and no string per character: each pair is a slice of the Han text, its hash computed once)."""
    han = han_only(text)
    pairs = [han[i:i + 2] for i in range(len(han) - 1)]
    logp = lm.logp
    return set(zip(pairs, pairs[1:])), {p for p in pairs if p in logp}  # (the words looked up as they come: no set
    # of every pair built to be intersected, seg59)


def _trigrams(text: str) -> set[str]:
    han = han_only(text)
    return set(map(add, map(add, han, han[1:]), han[2:]))


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Three-character personal names (tagged 'nr') in jieba's dictionary, the ones `lm.surnames` counts."""
    return frozenset(lm_person_names())


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Three-character words jieba's dictionary tags as personal names of any kind ('nr', 'nrfg', 'nrt'):
    `person_names` and the names tagged 'nrfg' ('欧阳某某'), which an author line may end with."""
    return frozenset(w for w, tag in word_tags().items() if len(w) == 3 and tag.startswith("nr"))


@lru_cache(maxsize=1)
def name_openers() -> frozenset[str]:
    """The characters a name at the end of an author line may open with: the common surnames
    (`lm.surnames`) and the single characters jieba's dictionary tags as personal names ('nr': '邢', '桂')."""
    return frozenset(surnames()) | {w for w, tag in word_tags().items() if len(w) == 1 and tag == "nr"}


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """The part-of-speech tag of every word in jieba's dictionary.

    The 349k entries hold one shared string per tag (there are a few dozen):
    a fresh string for each would cost about 15 MB more.
    """
    out = {}
    shared: dict[str, str] = {}
    for word, _, tag in jieba_entries():
        out[word] = shared.setdefault(tag, tag)
    return out


def organisation_alone(text: str) -> bool:
    """Is the line an organisation's name and nothing else ('某某部' signing an editors' note), by jieba's tag 'nt'?
    Such a line signs the piece above it: of the gold lines of the tuning folders, the samples, real_ocr_tune and
    fresh seeds 2, 4 and 11 none that is wholly an 'nt' word is a section, kicker, headline or subheadline (4 are
    paragraphs, a unit's signature); the title shape read one as the section label of the next item."""
    return len(text) <= ORGANISATION_MAX and word_tags().get(text.strip()) == "nt"


ORGANISATION_MAX: Final = 24  # (jieba's longest 'nt' entry has 16 characters: a paragraph is not looked up)


def _says_something(word: str, tag: str) -> bool:
    """A verb, adjective, adverb, preposition, conjunction or particle: words that say something about
    someone (a verbal noun, 'vn', names a unit: '发展研究中心'). A single character's tag is weak evidence
    ('兼' joins two positions): only a particle ('的') counts there."""
    if len(word) == 1:
        return tag.startswith("u")
    return (tag[:1] in ("v", "a", "u") and tag != "vn") or tag in ("d", "p", "c")


def role_before(words: list[str]) -> bool:
    """Do `words`, what a line has before a name, end on a position or role: a noun of two or more characters
    (names of others before it in a list of authors skipped), led only by the unit ('某部部长', '本报记者',
    '某部部长兼某局局长')? A verb, adjective or particle ('访著名作家', '学习', '人民的好医生') or
    a one-character word opening the line ('记', '访', '致') makes the line say something about the person:
    a title. A line of names only ('丁某某李某某') is a list of authors."""
    tags = word_tags()
    i = len(words)
    while i > 0 and (len(words[i - 1]) == 1 or tags.get(words[i - 1], "").startswith("nr")):
        i -= 1  # other names in a list of authors ('某甲某某乙某'), and characters of names the dictionary lacks
    if i == 0:
        return bool(words) and words[0][0] in surnames() and not any(tags.get(w, "").startswith("u") for w in words)
    role = words[i - 1]
    if len(role) < 2 or not tags.get(role, "").startswith("n"):
        return False
    return len(words[0]) >= 2 and not any(_says_something(w, tags.get(w, "")) for w in words[:i])


def ends_with_name(text: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does a line end with a personal name after a position or role (`role_before`: '某部部长某甲',
    '本报记者某甲某某乙某某丙'; not '访某某作家王某')? The last word of the line's best
    segmentation is a known three-character name, or the last two or three characters start a word with a
    surname (a common one, or a character the dictionary tags as a name: '邢', '桂') and break into single
    characters and pairs the dictionary does not join."""
    han = han_only(text)
    known = name_openers()
    if len(han) < 4 or not (han[-3] in known or han[-2] in known or han[-3:] in name_words()):
        return False  # (what both tests below need, without segmenting the line)
    words = lm.segment(han)
    if len(words) < 2:
        return False
    if len(words[-1]) == 3 and words[-1] in name_words():
        return role_before(words[:-1])
    for k in (3, 2):
        start = len(han) - k
        if start < 2 or han[start] not in known:
            continue
        pos, head, tail = 0, [], []
        for w in words:
            if pos >= start:
                tail.append(w)
            elif pos + len(w) > start:
                break  # (no word boundary where the name would start)
            else:
                head.append(w)
            pos += len(w)
        if len(tail) >= 2 and len(tail[0]) == 1 and all(len(w) <= 2 for w in tail):
            return role_before(head)
    return False


WORD_MARGIN: Final = 1e-6  # (log-probability: far above float rounding, so 'beats' holds in the model's own sums too)


class PageLM:
    """The language model as one page's segmentation asks it: the same title line is measured by
    `part_role`, `is_garbage` and `refine_roles`, so answers are kept for the page (the model is pure)."""

    def __init__(self, lm) -> None:  # type: ignore[no-untyped-def]
        self.lm = lm
        self._coverage: dict[str, float] = {}
        self._segments: dict[str, list[str]] = {}

    def word_coverage(self, text: str) -> float:
        got = self._coverage.get(text)
        if got is None:
            if type(self.lm).word_coverage is WordLM.word_coverage:
                got = self._coverage[text] = self._word_coverage(text)
            else:
                got = self._coverage[text] = self.lm.word_coverage(text)
        return got

    def has_word(self, text: str) -> bool:
        """`word_coverage(text) > 0`: does the best segmentation hold a word of two or more characters?

        Mostly answered without segmenting: a two-character word more likely than its two characters
        apart makes a path that beats the all-single-character one, so the best path holds some word."""
        if type(self.lm).word_coverage is WordLM.word_coverage:
            logp, unk = self.lm.logp, self.lm.unk
            for run in NOT_HAN.split(text):
                for i in range(len(run) - 1):
                    lw = logp.get(run[i:i + 2])
                    if lw is not None and lw > logp.get(run[i], unk) + logp.get(run[i + 1], unk) + WORD_MARGIN:
                        return True
        return self.word_coverage(text) > 0.0

    def _word_coverage(self, text: str) -> float:
        """`WordLM.word_coverage` (the same number): Han runs cut by one regex pass, segmentations shared."""
        runs = [r for r in NOT_HAN.split(text) if r]
        han = sum(map(len, runs))
        if not han:
            return 0.0
        covered = 0
        for run in runs:
            got = self._segments.get(run)
            if got is None:
                got = self._segments[run] = self.lm.segment(run)
            covered += sum(len(w) for w in got if len(w) > 1)
        return covered / han

    @property
    def logp(self) -> dict[str, float]:
        return self.lm.logp  # (asked per heading: an attribute, not the `__getattr__` fallback)

    def segment(self, text: str) -> list[str]:
        got = self._segments.get(text)
        if got is None:
            got = self._segments[text] = self.lm.segment(text)
        return list(got)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.lm, name)  # anything else goes to the model itself


def word_model(lm):  # type: ignore[no-untyped-def]
    """The word model behind `lm`, a page's `PageLM` or the model itself: for what the page's memos do not hold (a
    short string's segmentation, a last word, an opening's class)."""
    return lm.lm if isinstance(lm, PageLM) else lm


def opening_odds(text: str, lm) -> float:  # type: ignore[no-untyped-def]
    """flow's learned log-odds that a block with this text opens a paragraph rather than continues one: the
    part-of-speech class of its first word plus its first two characters (`flow.opening_class`, `start2`)."""
    from ..flow.model import load_model  # (flow imports this package: looked up at call time)
    from ..flow.words import opening_class
    model = load_model()
    return (model.opening or {}).get(opening_class(word_model(lm), text), 0.0) \
        + model.start2_of(text)
