"""Stray Latin letters inside Chinese words: an ASCII run glued between Han characters is removed when the
two sides join into a word, or when it is one lower-case letter (digits may follow) that makes no dictionary word
with its neighbours (the letter alone when one or two digits before a numeral's follower are the text's figure,
`FIGURE_DIGITS`); a letter shaped like a digit before a number's measure word is read as that digit; one to
three lower-case letters glued after the last Chinese character of a clause, before its mark, are removed
(`TRAILING_LETTERS`). Capitals (abbreviations, model names) and real tokens stay.
"""
from __future__ import annotations

import re  # the standard library's engine: these patterns need nothing of `regex`, and it runs them 2-4x faster

from ...confusion import load_confusion, Table
from ...lm import WordLM
from ...textutil import is_han
from ...wordfreqs import common_words
from .common import _pair_counts, _quoted_at, _sigmoid_conf, Change, WINDOW
from .digits import _DIGIT_FIX, numeral_followers, WIDE_FOLLOWERS


# digits before one are no misread figure (seed-101 pages: 'I875一年' was debris glued in, read as 1875)

# `[A-Za-z0-9]+` written as one character then `*`: the engine then skips to a run by its first character's set
# instead of trying the repeat at every position (the same runs, half the work over page text)
_ASCII_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")


LETTER_DIGIT_SIM = 0.76  # a lower-case letter this close in shape to a digit (visual table) may be that digit misread
                         # (the tuning days' Tesseract readings put i and j for 1 before 月/日/点: shapes 0.82, 0.77)


def letter_digits(table: Table) -> dict[str, str]:
    """{lower-case letter: the digit it looks most like}, for letters within `LETTER_DIGIT_SIM` of a digit 1-9.

    From the visual table's digit rows (no list of letters is written out); 0 is
    left out because a number does not open with it.
    """
    best: dict[str, tuple[float, str]] = {}
    for d in "123456789":
        for x, sim in table.get(d, ()):
            if x.isascii() and x.islower() and sim >= LETTER_DIGIT_SIM and sim > best.get(x, (0.0, ""))[0]:
                best[x] = (sim, d)
    return {x: d for x, (_, d) in best.items()}


# any ASCII letter: each change below removes or reads a run holding one (`_ASCII_RUN` with a letter in it,
# `_SPACED`, `_TRAILING`), so a text without one has none
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _stray(text: str, lm: WordLM, threshold: float, known: dict[str, int] | None = None,
           table: Table | None = None, words: bool = True) -> list[Change]:
    """Stray Latin letters and words in `text` (module docstring); `words`: whether English function words are
    looked for (text blocks; a title may join two words with an English 'or').

    Why the first test: most blocks of a Chinese page hold no Latin letter, and `_stray_scan` would walk their
    ASCII runs (every figure) and count their character pairs to find nothing.
    """
    if _ASCII_LETTER.search(text) is None:
        return []
    return _stray_scan(text, lm, threshold, known, table, words)


def _stray_scan(text: str, lm: WordLM, threshold: float, known: dict[str, int] | None = None,
                table: Table | None = None, words: bool = True) -> list[Change]:
    """`_stray` without its letter pre-test: the scan itself."""
    out = []
    seen = known if known is not None else _pair_counts(text)
    as_digit: dict[str, str] | None = None
    for m in _ASCII_RUN.finditer(text):
        s, e = m.span()
        if s == 0 or e >= len(text) or not (is_han(text[s - 1]) and is_han(text[e])):
            continue
        if not any(c.isalpha() for c in m.group()):
            continue  # a plain number (近20年来) is text, whatever word its sides would make
        word = m.group()
        if _ABBREVIATION.fullmatch(word) or (_CAPITALISED.fullmatch(word) and not _STROKES.fullmatch(word)):
            continue  # two or more capitals (GDP, VCD机, DS97): an abbreviation or a model name, not debris;
                      # a capitalised word (Alpha): a name or a brand
        left = text[max(0, s - WINDOW):s]
        right = text[e:e + WINDOW]
        k = 0
        while k < len(left) and not is_han(left[k]):
            k += 1
        left = left[k:]
        right = right[:next((i for i, c in enumerate(right) if not is_han(c)), len(right))]
        if seen.get(text[s - 1:s + 1], 0) > 1 or seen.get(text[e - 1:e + 1], 0) > 1 or _letter_word(lm, text, s, e):
            continue  # printed so again in the document, or a word with its neighbours (B超, X光): as written
        gain = lm.join_gain(left, right)
        if gain >= threshold:
            out.append(Change(s, e, "", "stray", m.group(), _sigmoid_conf(gain - threshold),
                              f"'{m.group()}' splits a word: join gain {gain:.1f} >= {threshold:.1f}"))
        elif FUNCTION_WORDS and words and _is_function_word(word):
            out.append(Change(s, e, "", "stray", word, 0.8,
                              f"'{word}' is an English function word between Chinese characters (its spaces "
                              f"gone; join gain {gain:.1f})"))
        elif CAPITAL_CODES and _code_debris(lm, text, word, e, seen):
            out.append(Change(s, e, "", "stray", word, 0.6,
                              f"'{word}' is a letter and {len(word) - 1} digits glued between Chinese characters, "
                              f"printed once, before no measure word: debris, not a code"))
        elif (LONE_CAPITAL_GAIN is not None and len(word) == 1 and word.isupper()
              and gain >= LONE_CAPITAL_GAIN):
            out.append(Change(s, e, "", "stray", word, _sigmoid_conf(gain - LONE_CAPITAL_GAIN),
                              f"'{word}' is a lone capital glued inside a word: join gain {gain:.1f} >= "
                              f"{LONE_CAPITAL_GAIN:.1f}"))
        elif _LONE_LETTER.fullmatch(m.group()) and not (len(m.group()) > 1 and m.group()[0] in _DIGIT_FIX):
            if as_digit is None:
                as_digit = letter_digits(table if table is not None else load_confusion())
            tok = m.group()
            d = as_digit.get(tok[0])
            if d is not None and (
                    (2 <= len(tok) <= 3 and text[e] in numeral_followers(lm, WIDE_FOLLOWERS))
                    or (len(tok) == 1 and text[e] in numeral_followers(lm) and text[e + 1:e + 2].isdigit())):
                # a digit look-alike that one or two digits and a measure word or unit follow (i2点, i5亿), or a
                # measure word and a figure (i月8日): a misread number, not debris; read it as the digit rather
                # than drop a figure (a letter before longer figures, u5291, is debris or a code, as in
                # `_digits`). A lone letter before a measure word alone is read as debris: on the fresh
                # tuning-day pages (seeds 2 and 4) all 4 such readings were debris (某u会, 某l部). A letter and
                # digits go as debris only before a character that follows no numeral in the dictionary's
                # WIDE_FOLLOWERS (review11c: the top 150 alone lacked 版, 亿, 台, 号, 楼, 所 and deleted real
                # figures with the letter)
                out.append(Change(s, s + 1, d, "glyph", tok[0], 0.7,
                                  f"'{tok[0]}' looks like '{d}' and opens the number '{tok}' before '{text[e]}': "
                                  f"read as '{d}'"))
                continue
            if DATE_DIGITS and _date_digits(tok[1:], text[e]):
                # a letter glued before a month or a day (某c7月2日): the letter is the debris, the date is text
                out.append(Change(s, s + 1, "", "stray", tok[0], 0.7,
                                  f"'{tok[0]}' is a lone letter glued before the date '{tok[1:]}{text[e]}'"))
                continue
            if FIGURE_DIGITS and _short_figure(tok[1:], text[e], lm):
                # a letter glued before a figure of the text: the debris goes, the figure stays (FIGURE_DIGITS)
                out.append(Change(s, s + 1, "", "stray", tok[0], 0.7,
                                  f"'{tok[0]}' is debris glued before the figure '{tok[1:]}' ('{text[e]}' follows "
                                  "numerals in the dictionary)"))
                continue
            # a lower-case letter (digits may follow) glued between Chinese characters: speck or debris,
            # unless it makes a dictionary word with its neighbours or the document prints it so again
            # (n倍 in a formula); capitals are left alone (A股, B组, K线, 小A: too often real)
            out.append(Change(s, e, "", "stray", m.group(), 0.7,
                              f"'{m.group()}' is a lone letter glued between Chinese characters and makes "
                              f"no word with them"))
    if FUNCTION_WORDS and words:
        out.extend(_spaced_words(text))
    if TRAILING_LETTERS:
        for m in _TRAILING.finditer(text):
            s, e = m.span()
            if not (s and is_han(text[s - 1])):
                continue  # not glued to a Chinese character (a word, an address, a unit after a figure)
            if seen.get(text[s - 1:s + 1], 0) > 1 or _letter_word(lm, text, s, e) or _quoted_at(text, s):
                continue  # printed so again in the document, a word with the characters before it, or inside
                          # quotes or 《》, where a title or a name may end in Latin letters (《某某ol》): as written
            out.append(Change(s, e, "", "stray", m.group(), 0.7,
                              f"'{m.group()}' is lower-case debris glued to the end of a Chinese clause"))
    return out


FUNCTION_WORDS = True  # False: an English function word between Chinese characters stays
FUNCTION_ZIPF = 7.0  # English words this common (wordfreq's 'en' list): the, to, and, of, in, is, for (a, i)
# One lower-case English word of 2-5 letters between Chinese characters in a text block, set off by spaces or glued
# (normalize takes the spaces for line-wrap spaces and removes them first), outside quotes and 《》 (the spaced
# form), whose English frequency marks it one of the language's commonest function words: a stray word (the
# issue's 'English words inside Chinese words'), removed with its spaces. Session 47, clean text: none in the tuning
# days' articles, the real-OCR tuning readings or FASpell's train file; in THUCNews' val file, at Zipf >= 6.5 (35
# words) 'or' glued between two words in three photo-set titles (某某or某某: titles are left alone, `words`, but
# one such title is glued to its text) and 'by' before a photographer's name (某某 by某某): on the unseen-text pages
# (seeds 22, 23) those two articles gave 4 wrong removals. At Zipf >= 7.0 (the, to, and, of, in, is, for) none; the
# synthesizer's stray words (and, of, in, the, to) are all above it. The join gain tells nothing here (0.0 for
# most right removals and for the wrong ones). 'vs' (4.9), 'email', names and codes are far below.
_SPACED = re.compile(r" ([a-z]{2,5})(?: |$)", re.M)


def _is_function_word(word: str) -> bool:
    """Whether `word` is 2-5 lower-case letters that wordfreq's English list puts at Zipf >= FUNCTION_ZIPF (the
    list is read only for such a run)."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.islower() and word in common_words("en", FUNCTION_ZIPF)


def _spaced_words(text: str) -> list[Change]:
    """Stray English function words set off by spaces between Chinese characters (某区 and 某委 -> 某区某委).

    Why: the glued-run test above asks for Chinese characters touching the run, so a word with its spaces was
    never looked at; a function word alone between Chinese characters is no part of a Chinese sentence, while
    names, codes and content words (iPhone, email, MP3, vs) are not among wordfreq's commonest English words.
    """
    out = []
    for m in _SPACED.finditer(text):
        s, e = m.span()
        w = m.group(1)
        if not _is_function_word(w) or not (s and is_han(text[s - 1])):
            continue
        if not (e == len(text) or text[e] == "\n" or is_han(text[e])) or _quoted_at(text, s):
            continue
        out.append(Change(s, e, "", "stray", m.group(), 0.8,
                          f"'{w}' is an English function word set off by spaces between Chinese characters"))
    return out


CAPITAL_CODES = True  # False: a letter and 4+ digits between Chinese characters go only when they split a word
CODE_DIGITS = 4  # digits a letter needs before it is judged: codes of three (C919 飞机, G318, A380) are common
CODE_FOLLOWERS = 300  # characters that most often follow a numeral in the dictionary: measure words and units
# A letter and four or more digits glued between Chinese characters (某某Z6487有所), printed once in the document
# (neither glued pair nor its letter and first digit recur), making no dictionary word with its neighbours, and
# before none of the CODE_FOLLOWERS characters that follow a numeral (Z38次, 3号): debris. Capitals were left
# alone (the join gain only removed a run that splits a word), and a lower-case o or l before digits was left to
# `_digits` as a misread figure. Model names (a camera's S230 in THUCNews) recur in their article, beside other
# characters: the letter-and-digit pair keeps them (without it, 12 removals in THUCNews' val file, all model names).


def _code_debris(lm: WordLM, text: str, word: str, e: int, seen: dict[str, int]) -> bool:
    """Whether `word`, glued before text[e], is a letter and 4+ digits that read as debris (see CAPITAL_CODES).

    `seen`: the document's character pairs; a code whose letter and first digit recur is printed again (a model
    name comes back in its article with other neighbours), while debris is a random draw.
    """
    if len(word) < 1 + CODE_DIGITS or not word[0].isalpha() or not word[1:].isdigit() or seen.get(word[:2], 0) > 1:
        return False
    if word[0].islower() and word[0] not in _DIGIT_FIX:
        return False  # other lower-case letters and digits are the lone-letter rule's below
    return text[e] not in numeral_followers(lm, CODE_FOLLOWERS)


LONE_CAPITAL_GAIN: float | None = 4.0  # None: a lone capital goes only when its join gain reaches the threshold
# A lone capital whose two sides make a word with a join gain of 4.0 or more (不B断 5.8, 一B项 4.5) is debris
# inside a word; below it (某病B住院, 小A, A公司, X染色体: gain 0) capitals stay. Clean text: at 2.0 a K线
# of the tuning days (gain 3.7, once in its article) went; the highest clean gains otherwise are 装B 3.1 and 大S 3.0
# (THUCNews), so 4.0 keeps a margin; 某至Z于 (1.9), 某O月 (2.4) and 人I们 (3.2) of the synthetic pages stay.


DATE_DIGITS = True  # False: a lone letter and the digits after it go together, even where the digits are a date


def _date_digits(digits: str, unit: str) -> bool:
    """Whether `digits` before `unit` read as a month (1-12 before 月) or a day (1-31 before 日).

    Why: a lone letter glued before a date (继c7月2日) is debris, and its digits are the date's; removing both lost
    the month (fresh tuning-day pages, seed 4, glyph31). The synthesizer's debris digits run 1-9999, so a removal
    of letter and digits before 月 or 日 in a date's range is almost never what its debris was.
    """
    if not digits or not digits.isdigit() or digits[0] == "0":
        return False
    n = int(digits)
    return (unit == "月" and n <= 12) or (unit == "日" and n <= 31)


FIGURE_DIGITS = True  # False: a lone letter and all the digits after it go together (before session 52)
FIGURE_MAX = 2  # digits that make a figure of the text when a numeral's follower comes after them (某m30年, 某x15美元)
# A lower-case letter glued before digits between Chinese characters is debris, and the lone-letter rule above
# removed the letter with every digit after it. One or two digits before a word that follows numerals
# (WIDE_FOLLOWERS: 年, 号, 美元) are the text's own figure more often than part of the debris: the letter alone goes
# (某m30年 for 某30年, 某x15美元 for 某15美元). Session 52 (glyph52), of the lone-letter rule's removals of a letter and
# digits on THUCNews pages (seeds 22, 23, 31, 32) and synthetic dev (tune, fresh 2/4/5/6): 2 wrong ones were of this
# shape and now remove the letter alone, as the builder's log has it; no right removal is of it (the shortest right
# debris before such a word has three digits; a letter and two digits before no such word, 某u22送来, stay debris).
# A longer run stays whole with its letter, as before: on real OCR a lower-case letter before digits is mostly a
# misread digit (i997年 for 1997年), and no rule here knows where a real figure starts (review52c). None on the
# real-OCR tuning pages; clean tuning-day sentences and pages unchanged.


def _short_figure(digits: str, follower: str, lm: WordLM) -> bool:
    """Whether the digits after a lone letter are the text's figure rather than debris: one or two digits before a
    word that follows numerals (see FIGURE_DIGITS)."""
    return 0 < len(digits) <= FIGURE_MAX and follower in numeral_followers(lm, WIDE_FOLLOWERS)


TRAILING_LETTERS = True  # False: letters after the last Chinese character of a clause are left as printed
# One to three lower-case letters glued after a Chinese character where a clause ends (a clause mark, or a stop that
# no letter or digit follows, as one does in an address: www.x), outside quotes and 《》: OCR debris or a stray word,
# never a word of the text. The stray test above asks for Chinese on both sides, so these stayed. Clean text: none
# in the tuning days' articles (958,608 characters) or FASpell's train file; in THUCNews' 1,014,405 characters one (a
# game's 'bug，') and two inside 《》 (a game's and a song's titles: the quote test keeps them). Session 26, right /
# wrong removals added: synthetic tune 4 / 0, fresh seed 2 6 / 0, unseen-text pages (THUCNews) 4 / 1. At the end of
# a block a letter is left alone: there the real-OCR tuning readings hold a misread 。 (某亿元o, 某工程s where the
# gold has 。), which a removal does not mend
# (the letters first, their Chinese character checked after: a pattern that opens with a set lets the engine skip
# to the letters, where a look-behind is tried at every character: ten times slower over page text)
_TRAILING = re.compile(r"[a-z]{1,3}(?=[，。；！？、：,;!?:]|\.(?! ?[A-Za-z0-9]))")
# (glyph31: a stop before a space and a letter or digit is an address cut by a wrap space, 'hzw. 92le.com', as one
# glued to them: the one such removal on the unseen-text pages was wrong, no right one is of that shape)


_LONE_LETTER = re.compile(r"[a-z][0-9]*")
# A run of two or more capitals (digits may follow) between Chinese characters is kept: on the real-OCR tuning
# pages 17 of 22 such runs are in the gold as printed and 4 more are misread abbreviations or model names
# (VED for VCD, TEL for TCL), where deleting loses a word; 1 is debris. The synthesizer's stray debris is a
# single letter (with digits) or a lower-case English word, so this costs its pages nothing.
_ABBREVIATION = re.compile(r"[A-Z]{2,}[0-9]*")
# A capital and two or more lower-case letters (digits may follow) is a word of a name, brand or product printed in
# Latin letters (a fund's 'Alpha' model in clean THUCNews text, session 23: removed by the join gain); OCR debris
# and the synthesizer's strays are lower-case words or letters, and no stray removed on the tuning pages is so
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}[0-9]*")
# ... unless it is made of vertical strokes alone: OCR reads a rule, a bar or a stain as I, l and i in any order
# ('努Ill力'), and no name or brand is spelt so (review24a)
_STROKES = re.compile(r"[Iil]+")


def _letter_word(lm: WordLM, text: str, s: int, e: int) -> bool:
    """Whether the ASCII run text[s:e] makes a dictionary word with up to three characters on either side."""
    tok = text[s:e]
    for a in range(max(0, s - 3), s + 1):
        for b in range(e, min(len(text), e + 3) + 1):
            if (a < s or b > e) and (lm.has(text[a:s] + tok + text[e:b]) or lm.has(text[a:s] + tok.upper() + text[e:b])):
                return True
    return False
