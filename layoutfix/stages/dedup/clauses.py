"""Whole clauses printed again later in the same paragraph (`split_repeated_clause`, `_clause_repeats`)."""
from __future__ import annotations

import re as _re
from typing import Final

import regex as re
from rapidfuzz.distance import Levenshtein

from ...lm import WordLM
from ...textutil import CLOSERS
from ..flow.words import word_tags
from .common import COMPILED, _CLAUSE_MARKS, _has_word_at, _is_figure, _word_swaps, looks_alike

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


# a clause of eight or more characters before its closing mark (quotes belong to the clause they open or close)
# (a match can only end where its run of such characters ends, at a mark, so it only starts where the run starts:
# the lookbehind turns away the other places at once, the possessive run never gives back)
_CLAUSE_FAST: Final = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{8,}+(?=[，。；！？])")
_CLAUSE_SHORT: Final = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+(?=[，。；！？])")  # the same from 3
_CLAUSE_MARKED: Final = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+[，。；！？]")  # ... with its mark
# the same clauses without their mark (what the checks compare: a set of these costs no slicing)
_CLAUSE_BODY: Final = _re.compile(r"(?<![^，。；！？：（）《》])([^，。；！？：（）《》]{3,}+)[，。；！？]")
MIN_CLAUSE_LEN: Final = 8  # characters of a clause `_CLAUSE_FAST` takes
# the marks `_CLAUSE_BODY` stops at: those that close a clause first (flag 1), then those that only cut one
_STOPS_FLAGGED: Final = tuple((m, 1) for m in "，。；！？") + tuple((m, 0) for m in "：（）《》")


def _clause_bodies(text: str) -> list[str]:
    """`_CLAUSE_BODY.findall(text)`: every run of three or more characters between two of its marks (or from the
    text's start) that a clause mark closes, found by `str.find` of each mark instead of the pattern, which tries a
    match at every character (dedup asks it of every paragraph: 6% of its instructions, speed38). Compiled, one walk
    over the code points finds the marks (`_clause_bodies_by_code`; the same bodies, tests/test_dedup58_spec.py)."""
    if COMPILED:
        return _clause_bodies_by_code(text)
    stops: list[int] = []  # 2 * offset + 1 for a mark that closes a clause, 2 * offset for one that only cuts
    for mark, closes in _STOPS_FLAGGED:
        i = text.find(mark)
        while i != -1:
            stops.append(2 * i + closes)
            i = text.find(mark, i + 1)
    stops.sort()
    bodies: list[str] = []
    start = 0
    for v in stops:
        i = v >> 1
        if v & 1 and i - start >= 3:
            bodies.append(text[start:i])
        start = i + 1
    return bodies


def _clause_bodies_by_code(text: str) -> list[str]:
    """`_clause_bodies` by one walk over the text's code points (`ord(text[i])`, read in place compiled), a Han
    character of the common block passed over at once.

    Why: the nine `str.find` calls a paragraph, each through the C API, and the sort of the marks found cost the
    compiled stage 21 M of its 826 M instructions on 40 tuning pages (session 58); interpreted, the finds are the
    faster."""
    bodies: list[str] = []
    start = 0
    for i in range(len(text)):
        cp = ord(text[i])
        if 0x4E00 <= cp <= 0x9FFF:
            continue
        if cp == 0xFF0C or cp == 0x3002 or cp == 0xFF1B or cp == 0xFF01 or cp == 0xFF1F:  # ，。；！？ close a clause
            if i - start >= 3:
                bodies.append(text[start:i])
            start = i + 1
        elif cp == 0xFF1A or cp == 0xFF08 or cp == 0xFF09 or cp == 0x300A or cp == 0x300B:  # ：（）《》 only cut one
            start = i + 1
    return bodies


_HAN: Final = re.compile(r"\p{Han}")


def split_repeated_clause(text: str, lm: WordLM | None = None) -> list[tuple[int, int]]:
    """Spans of whole clauses that repeat an earlier clause of the same paragraph (`_clause_repeats`), in order."""
    return _clause_repeats(text, lm)[0]


def _clause_repeats(text: str, lm: WordLM | None = None) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """(spans, the spans among them that are close copies of a short clause) of whole clauses that repeat an
    earlier clause of the same paragraph.

    A clause of eight or more Han characters: verbatim, or (given the
    language model) read again with a few characters misread: similar clauses
    sharing their first or last three characters, with no dictionary word
    swapped for another (parallel clauses repeat on purpose). A shorter one
    (three or more Han) is said twice on purpose often enough ('这个时候，', a
    speaker's '某某说，') that only a verbatim copy that leaves the paragraph
    dangling on a comma or semicolon counts, or one whose copy carries the
    paragraph's unpartnered closing quotation mark (`_close_short_repeats`).
    """
    if "-" in text:
        text = _HAN_DASH.sub("一", text)  # (one character for one: the spans found are the text's own)
    if "o" in text or "=" in text:
        text = _OCR_STOP.sub("。", text)
    bodies = _clause_bodies(text)  # the clauses (without their marks) both checks start from
    n = len(bodies)
    twice = n >= 2 and len(set(bodies)) < n  # a clause the scan reads found twice
    # (or found twice once a quote printed the other way round is turned: only `_close_short_repeats` reads that)
    turned = not twice and n >= 2 and "“" in text and len(set(map(_unturned, bodies))) < n
    # (or one holding a pair of brackets, which the scan cuts, printed twice: four brackets at least)
    whole = lm is not None and (twice or _bracketed(text))
    if n < 2 and not whole:
        return [], set()  # no clause to repeat an earlier one (`_dangling_repeat` needs two as well)
    spans = _repeated_long_clauses(text, lm, [c for c in bodies if len(c) >= MIN_CLAUSE_LEN])
    close: set[tuple[int, int]] = set()
    if twice:  # a verbatim copy of a short clause is a clause found twice
        if len(set(_CLAUSE_MARKED.findall(text))) < n:  # ... with the same mark
            spans += _repeated_short_sentences(text)
            if text[-1] in _CLOSES_SENTENCE:
                last = _closing_repeat(text)
                if last is not None:
                    spans.append(last)
        close.update(_close_short_repeats(text))
        spans += close
    elif turned:
        close.update(_close_short_repeats(text))
        spans += close
    if text[-1] in _MAY_DANGLE and _ends_on_comma(text):
        last = _dangling_repeat(text)
        if last is not None:
            spans.append(last)
    elif text[-1] in "）)" and (signed := _signature_at(text)):
        last = _dangling_repeat(text[:signed])  # (the spans of the text before the signature are the text's own)
        if last is not None:
            spans.append(last)
    if whole and lm is not None:  # (without the word model no clause can be told from a frame said again on purpose)
        copies = _whole_clause_copies(text, lm)
        spans += copies
        close.update(copies)
    if spans:
        spans = _disjoint([s for s in sorted(set(spans)) if not _said_on_purpose(text, *s)])
        close = {s for s in close if s in spans}
    return spans, close


# a hyphen between two Han characters: Tesseract's reading of 一 ('涉过-条小河' printed for '涉过一条小河'), which the
# glyph stage mends only after this one; a copy read once each way is still the same clause
_HAN_DASH: Final = re.compile(r"(?<=\p{Han})-(?=\p{Han})")
# a lone 'o' between Han characters, or '=' after a Han character or a digit and before one: Tesseract's reading of a
# full stop ('…2.5亿元o而且…'), where clean text holds neither; read as the stop, a clause after it opens a sentence.
# Not an 'o' after a digit: a model's or product's name ends so ('某某-4o新一代…', review36b)
_OCR_STOP: Final = re.compile(r"(?<=\p{Han})o(?=\p{Han})|(?<=[\p{Han}0-9])=(?=\p{Han})")


REFRAIN_COPIES: Final = 3  # a clause printed this many times in one paragraph is a refrain (a misprint makes one copy)


def _said_on_purpose(text: str, b: int, e: int) -> bool:
    """Whether the repeated clause at b..e is a refrain or part of a restatement, not a misprint.

    A misprint prints a stretch of text once more: one extra copy, contiguous. A clause the paragraph prints
    three or more times ('…，很难说；…，很难说；…，很难说。'), as a clause or inside others ('X，是…。只有X，才…。
    …精神，X，'), is a refrain or the paragraph's key phrase; and a later sentence that takes up
    two clauses of an earlier one, with other text between them in one of the two places ('A，X，B。…，A，B。'),
    restates it (clean news text repeats both ways: on review15a's clean pages, 976 People's Daily tuning-day
    articles and 976 THUCNews ones, this takes clause drops from 4 to 2 and from 12 to 7).
    """
    clause = text[b:e].rstrip("".join(_CLAUSE_MARKS)).strip()
    if len(clause) < 2:
        return False
    if text.count(clause) >= REFRAIN_COPIES and not _right_after_itself(text, b, clause):
        return True
    first = text.find(clause)
    if first < 0 or first >= b:
        return False
    s1, s2 = _sentence_at(text, first), _sentence_at(text, b)
    if s1 == s2:
        return False
    one, two = text[s1[0]:s1[1]], text[s2[0]:s2[1]]
    for other in {c[:-1].strip() for c in _CLAUSE_MARKED.findall(two)}:
        if len(other) < 4 or other == clause or other not in one:
            continue
        if not (_adjacent(one, clause, other) and _adjacent(two, clause, other)):
            return True
    return False


def _right_after_itself(text: str, b: int, clause: str) -> bool:
    """Whether the copy at b follows another copy of `clause` with only its mark between (printed twice in a
    row: a misprint even where the paragraph says the clause once more later, review15b)."""
    before = text[:b].rstrip()
    return before[:-1].rstrip().endswith(clause) if before and before[-1] in _CLAUSE_MARKS else False


def _sentence_at(text: str, i: int) -> tuple[int, int]:
    """The span of the sentence (up to and with its 。！？) that holds offset i."""
    start = max(text.rfind(m, 0, i) for m in "。！？") + 1
    ends = [k for k in (text.find(m, i) for m in "。！？") if k >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _adjacent(sentence: str, a: str, c: str) -> bool:
    """Whether clauses a and c stand next to each other (one mark between) in `sentence`, in either order."""
    i, k = sentence.find(a), sentence.find(c)
    if i < 0 or k < 0:
        return False
    if i > k:
        i, a, k, c = k, c, i, a
    gap = sentence[i + len(a):k]
    return len(gap.strip()) <= 1




def _close_short_repeats(text: str) -> list[tuple[int, int]]:
    """Verbatim copies of a short clause (3 to 7 Han) closed by a comma or semicolon and printed again with Han
    text between, when the copy carries the paragraph's one closing quotation mark without a partner
    ('…水平。”某甲认为，…。”某甲认为，': taking the copy out balances the paragraph's quotation marks).

    Only an unpartnered CLOSING mark counts: a paragraph of a quotation that runs over several paragraphs
    opens a mark it never closes, and may say a short clause twice. A short clause said twice within one
    sentence is no evidence either: emphasis repeats it with a short clause between ('X，Y，X，Z'), so a
    close copy without the quotation evidence stays (review: such a rule cut clean dialogue and slogans).
    """
    spans = []
    seen: dict[str, tuple[int, int]] = {}
    balance = None  # the paragraph's quotation marks, counted when a copy first needs them
    for m in _CLAUSE_SHORT.finditer(text):
        clause, b, e = m.group(), m.start(), m.end() + 1
        key = _unturned(clause)
        first = seen.get(key)
        if first is not None and text[e - 1] in "，；" and _short_clause(clause) \
                and _HAN.search(text, first[1], b) and not _same_setting(text, first[0], first[1], b, e):
            if balance is None:
                balance = _quote_balance(text)
            if balance < 0 and _quote_balance(clause) == balance \
                    and (text[first[0]:first[1] - 1] == clause or text.count("“") - text.count("”") == balance):
                # (a copy read through a turned quote counts the double quotes alone: an apostrophe, ’98, is a
                # closing single quote to `_quote_balance` and would leave the paragraph one mark short; review37a)
                spans.append((b, e))
                continue
        seen[key] = (b, e)
    return spans


def _unturned(clause: str) -> str:
    """`clause` with its double quotes in one direction: a copy that opens on the quote of the clause it copies, printed
    after a full stop, has it turned ('：“有了某某后，…。”有了某某后，”': normalize reads a quote after a stop as a
    closing one; `quotes` mends it after this stage), and is the same clause (the quotation marks' balance decides).
    (`str.replace`, not `translate`: a translate table costs a look-up per character, and dedup asks this of every
    clause of a paragraph that holds a quote: 2% of its instructions, speed38)"""
    return clause.replace("“", "”") if "“" in clause else clause


# clauses of one length and opening (or ending) kept to compare a later clause with: prose never holds more,
# and a page of one sentence printed thousands of times made this loop quadratic (minutes for 600 KB)
SEEN_MAX: Final = 8


def _repeated_long_clauses(text: str, lm: WordLM | None, bodies: list[str]) -> list[tuple[int, int]]:
    """`bodies`: the clauses `_CLAUSE_FAST` finds in `text`, without the mark that closes each."""
    strays = _may_stray(text) and _STRAY_LETTER.search(text) is not None  # (a clause read with a stray letter is
    # keyed without it)
    if strays:
        bodies = [_STRAY_LETTER.sub("", c) for c in bodies]
    if not _may_repeat(bodies):
        return []
    found = list(_CLAUSE_FAST.finditer(text))
    clauses = [m.group() for m in found]
    seen: dict[tuple[int, str], list[tuple[str, int, int]]] = {}
    spans = []
    for m, clause in zip(found, clauses):  # a copy, verbatim or misread by look-alikes, has the length of the clause
        read = _STRAY_LETTER.sub("", clause) if strays else clause
        keys = ((len(read), read[:3]), (len(read), "$" + read[-3:]))
        b, e = m.start(), m.end() + 1  # with its closing mark
        kept = seen.get(keys[0], []) + seen.get(keys[1], [])  # the earlier clauses under either key
        earlier = [c for c, b0, e0 in kept if not _same_setting(text, b0, e0, b, e)]
        if earlier and len(_HAN.findall(clause)) >= MIN_CLAUSE_HAN and \
                (clause in earlier or lm is not None and any(_same_clause(lm, c, clause) for c in earlier)
                 or strays and any(_one_stray_apart(c, clause) for c in earlier)) \
                and not (lm is not None and _opens_sentence(text, b) and _speaker_tag(lm, text[b:e])
                         and any(_opens_sentence(text, b0) for c, b0, _ in kept if c == clause)):
            spans.append((b, e))
            continue
        for k in keys:
            same = seen.setdefault(k, [])
            same.append((clause, b, e))
            if len(same) > SEEN_MAX:  # a page of one sentence said over and over: keep the check linear
                del same[0]
    return spans


# a lone lower-case letter, or a stroke-like capital I, between two Han characters: OCR's debris inside a word
# ('改革之I年'); a capital is too often meant (维生素C, A股: `glyphs.stray` leaves capitals alone too; review37a)
_STRAY_LETTER: Final = re.compile(r"(?<=\p{Han})[a-zI](?=\p{Han})")


_STRAY_ASCII: Final = _re.compile(b"[a-zI]")  # the letters `_STRAY_LETTER` takes, in a line's ASCII characters


def _may_stray(text: str) -> bool:
    """Whether `text` holds a letter `_STRAY_LETTER` may take (a lower-case one or I): its ASCII characters, taken out
    in one C call, are read instead of the whole paragraph. Most paragraphs hold none, and the `regex` scan with its
    lookarounds cost dedup 4% of its instructions (speed38)."""
    ascii_chars = text.encode("ascii", "ignore")
    return bool(ascii_chars) and _STRAY_ASCII.search(ascii_chars) is not None


def _one_stray_apart(a: str, b: str) -> bool:
    """Whether one of the clauses `a`, `b` is the other with one stray letter (`_STRAY_LETTER`) added: the same clause,
    printed again once with OCR's debris inside it ('…某会“改革之I年”' / '…某会“改革之年”'). A clause that
    holds a capital other than I (维生素C) and one without it are two clauses."""
    if len(a) == len(b) + 1:
        a, b = b, a
    if len(b) != len(a) + 1:
        return False
    m = next((m for m in _STRAY_LETTER.finditer(b) if b[:m.start()] + b[m.end():] == a), None)
    return m is not None


def _may_repeat(bodies: list[str]) -> bool:
    """Whether two of the clauses `bodies` have one length (a copy has the length of its clause) and share their first
    or last three characters: the usual answer is no, read from the clauses of each length that has more than one
    (a few) instead of a key for every clause."""
    if len(bodies) < 2:
        return False
    by_length = sorted(bodies, key=len)  # (clauses of one length side by side, in their order: no dict of lists)
    i = 0
    while i < len(by_length) - 1:
        n = len(by_length[i])
        k = i + 1
        while k < len(by_length) and len(by_length[k]) == n:
            k += 1
        if k - i > 1:
            same = by_length[i:k]
            if len({c[:3] for c in same}) < len(same) or len({c[-3:] for c in same}) < len(same):
                return True
        i = k
    return False


def _same_setting(text: str, b0: int, e0: int, b: int, e: int) -> bool:
    """Whether two copies of a clause stand where a writer says one twice on purpose.

    The same words precede or follow both (the passage is longer); the clauses
    before them open alike (parallel sentences: 'A的一段给了甲，X；A的一段给了乙，
    X'); both open a sentence and go on alike (anaphora: 'X，应…。X，应…'); or
    the later copy opens or closes a quotation that taking it out would leave
    unclosed (the paragraph's quotation marks balance with it, not without it).
    """
    return _same_as(text, _setting(text, b0, e0), b, e)


Setting = tuple[str, str, "str | None", bool, str]


def _setting(text: str, b0: int, e0: int) -> Setting:
    """What `_same_setting` reads of the earlier copy at b0..e0: the three characters before it, the two after
    it, the first three of the clause before it (None when that clause is shorter), whether it opens a sentence,
    and the first non-space character after it. Copies with one setting decide alike."""
    before0 = _clause_before(text, b0)
    return (text[max(0, b0 - 3):b0], text[e0:e0 + 2], before0[:3] if len(before0) >= 3 else None,
            _opens_sentence(text, b0), text[e0:e0 + 3].lstrip()[:1])


def _same_as(text: str, setting: Setting, b: int, e: int) -> bool:
    """`_same_setting` for an earlier copy known by its `_setting`."""
    pre, post, opening, opens, after = setting
    if pre == text[max(0, b - 3):b] or post == text[e:e + 2]:
        return True
    if opening is not None and opening == _clause_before(text, b)[:3]:
        return True
    if opens and _opens_sentence(text, b) and after == text[e:e + 3].lstrip()[:1]:
        return True
    return _quote_balance(text[b:e]) != 0 and _quote_balance(text) == 0


_QUOTE_OPEN, _QUOTE_CLOSE = "“‘", "”’"
_OPENS_SKIP: Final = frozenset(" " + _QUOTE_OPEN + "\"")


# an apostrophe before a figure ('’98'): a closing single quote's glyph that closes nothing
_APOSTROPHE: Final = re.compile(r"’(?=\d)")


def _quote_balance(text: str) -> int:
    """Opening minus closing quotation marks (an apostrophe before a figure is no mark: review37b)."""
    closing = sum(map(text.count, _QUOTE_CLOSE))
    if "’" in text:
        closing -= len(_APOSTROPHE.findall(text))
    return sum(map(text.count, _QUOTE_OPEN)) - closing


def _clause_before(text: str, b: int) -> str:
    """The clause that ends just before offset `b` (at the mark before it, spaces between skipped), without spaces at
    its ends."""
    b = _back_over_spaces(text, b)  # (review35: '甲乙丙，  某某，' had read the spaces as the clause before)
    if b <= 0:
        return ""
    start = max(text.rfind(m, 0, b - 1) for m in "，。；！？：") + 1
    return text[start:b - 1].strip()


def _opens_sentence(text: str, b: int) -> bool:
    """Whether offset `b` opens the text or a sentence (spaces and opening quotation marks aside)."""
    i = b  # walk back over spaces and opening quotes (no copy of the text before b)
    while i > 0 and text[i - 1] in _OPENS_SKIP:
        i -= 1
    return i == 0 or text[i - 1] in "。！？"


def _dangling_repeat(text: str) -> tuple[int, int] | None:
    """The last clause (3 to 7 Han) when it repeats an earlier clause verbatim and leaves the paragraph on a comma."""
    found = list(_CLAUSE_SHORT.finditer(text))
    if len(found) < 2:
        return None
    m = found[-1]
    clause, b, e = m.group(), m.start(), m.end() + 1
    if not _dangles(text, e) or not _short_clause(clause):
        return None
    if any(p.group() == clause and not _same_setting(text, p.start(), p.end() + 1, b, e) for p in found[:-1]):
        return b, e
    return None


_CLOSES_SENTENCE: Final = frozenset("。！？")


def _closing_repeat(text: str) -> tuple[int, int] | None:
    """The paragraph's last sentence when it is a short clause (3 to 7 Han) printed earlier in the paragraph, verbatim
    and with the same mark, with Han text between ('…，怎么办？…。怎么办？').

    A misprint puts a clause again at a clause boundary further on; at the paragraph's end it stands as a sentence of
    its own. Clean text does not close a paragraph so: among the 19,991 paragraphs of the tuning days a short
    clause said again verbatim at a paragraph's end closes a clause after a comma, in a parallel sentence ('…元，
    已全部追缴。…元，已全部追缴。'), never a sentence of its own; fresh seeds 2 and 4 print four such copies.
    """
    end = len(text.rstrip())
    found = [m for m in _SENTENCE_SHORT.finditer(text, max(0, end - 40)) if m.end() == end]
    if not found:
        return None
    m = found[0]
    clause, b, e = m.group(), m.start(), m.end()
    if not _short_clause(clause) or b == 0 or not _opens_sentence(text, b):
        return None
    first = text.find(clause, 0, b)
    while first >= 0:
        if text[first - 1:first] in _CLAUSE_STARTS and _HAN.search(text, first + len(clause), b) \
                and not _same_setting(text, first, first + len(clause), b, e):
            return b, e
        first = text.find(clause, first + 1, b)
    return None


_CLAUSE_STARTS: Final = frozenset(("", "，", "。", "；", "！", "？", "：", " ", "“"))  # what may stand before a whole clause


# a short clause closed by a full stop, question or exclamation mark or semicolon, the mark included
_SENTENCE_SHORT: Final = _re.compile(r"(?<![^，。；！？：（）《》])[^，。；！？：（）《》]{3,}+[。；！？]")


def _repeated_short_sentences(text: str) -> list[tuple[int, int]]:
    """Later copies of a short clause (3 to 7 Han) that ends a sentence, printed again verbatim with its mark
    further on in the paragraph, where more text follows it.

    Short clauses come back on purpose as openers ('这几年，', '某某说，': a comma follows them) and as a
    sentence that closes two parallel passages (then the copy ends the paragraph, or the setting is the same);
    a copy of one that ends on 。？！；, printed again inside the paragraph after other text, is a misprint
    (clean tuning-day paragraphs hold none). A copy right after its clause ('好！好！') is said on purpose.
    """
    found = _SENTENCE_SHORT.findall(text)
    if len(found) < 2 or len(set(found)) == len(found):
        return []  # no clause printed twice (the usual case)
    spans = []
    # clause -> {setting of an earlier copy: the end of the first copy with it}: copies of one setting decide
    # alike, and Han text between a copy and this one is likeliest after the first, so one per setting tells
    # what all would (a page of one sentence printed thousands of times: linear, not quadratic)
    seen: dict[str, dict[Setting, int]] = {}
    end = len(text.rstrip())
    for m in _SENTENCE_SHORT.finditer(text):
        clause, b, e = m.group(), m.start(), m.end()
        earlier = seen.get(clause)
        if earlier and _short_clause(clause) and _text_follows(text, e, end) \
                and any(_HAN.search(text, e0, b) and not _same_as(text, st, b, e) for st, e0 in earlier.items()):
            spans.append((b, e))
            continue
        seen.setdefault(clause, {}).setdefault(_setting(text, b, e), e)
    return spans


def _text_follows(text: str, e: int, end: int) -> bool:
    """Whether text other than spaces and closing marks follows offset e (`end`: the text's length, right-stripped)."""
    while e < end and text[e].isspace():
        e += 1
    while e < end and text[e] in CLOSERS:
        e += 1
    return e < end


MIN_CLAUSE_HAN: Final = 8    # Han characters of a clause printed again (verbatim, or misread by look-alikes)
MIN_DANGLING_HAN: Final = 3  # ... of one printed again verbatim where it leaves the paragraph ending on a comma


def _short_clause(clause: str) -> bool:
    """A clause too short for the misread-repeat test (3 to 7 Han): only a verbatim copy of it may count."""
    return MIN_DANGLING_HAN <= len(_HAN.findall(clause)) < MIN_CLAUSE_HAN


_MAY_DANGLE: Final = frozenset("，；").union(CLOSERS, (chr(c) for c in range(0x10000) if chr(c).isspace()))  # last characters


def _ends_on_comma(text: str) -> bool:
    """Whether `text` ends on a comma or semicolon, closing quotes and spaces aside (what `_dangles` needs)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return t[-1:] in ("，", "；")


SIGNATURE_MOST: Final = 8  # characters of a closing signature in brackets ('（某某某）', '（新华社）') after a paragraph's text


def _signature_at(text: str) -> int:
    """Where a closing signature in brackets (at most SIGNATURE_MOST characters, no clause mark inside) starts, when
    the text before it ends on a comma or semicolon (`_ends_on_comma`); else 0. A clause a misprint left dangling
    at the paragraph's end stands before the writer's signature ('…，某某人员182人，（某某）')."""
    t = text.rstrip()
    start = max(t.rfind("（"), t.rfind("("))
    if start <= 0 or len(t) - start > SIGNATURE_MOST + 2 or any(c in _CLAUSE_MARKS for c in t[start:]):
        return 0
    return start if _ends_on_comma(t[:start]) else 0


def _dangles(text: str, e: int) -> bool:
    """Whether the clause ending at `e` ends the paragraph (closing quotes aside) on a comma or semicolon."""
    return text[e - 1] in "，；" and not text[e:].strip().lstrip("".join(CLOSERS))


def _stub_follows(text: str, e: int) -> bool:
    """Whether only a stub of at most four characters follows offset `e` before the next clause mark."""
    m = _CLAUSE_END.search(text, e)
    return m is not None and m.start() - e <= 4


_CLAUSE_END: Final = _re.compile("[" + "".join(sorted(_CLAUSE_MARKS)) + "]")


def _same_clause(lm: WordLM, a: str, b: str) -> bool:
    """`b` is `a` read again: every difference is a look-alike misreading.

    A digit or a numeral that differs makes a different clause ('一是' / '二是',
    '1386万' / '2322万'), and so does a word swapped for another.
    """
    if len(a) != len(b) or not Levenshtein.normalized_similarity(a, b, score_cutoff=0.8):
        return False
    slips = 0
    allowed = len(a) // MISREAD_EVERY  # other misreadings a long clause may carry
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            continue
        changed = a[i1:i2] + b[j1:j2]
        if any(map(_is_figure, changed)):
            return False
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for k in range(i1, i2):
            if looks_alike(a[k], b[k]) or a[k] in _DOUBLE_QUOTES and b[k] in _DOUBLE_QUOTES:
                continue  # (a quote printed the other way round: `quotes` turns it after this stage)
            slips += 1  # not a look-alike: only a misreading that breaks a dictionary word (the other side has it)
            if slips > allowed or _has_word_at(lm, a, k) == _has_word_at(lm, b, k):
                return False
    return _word_swaps(lm, a, b) == 0


_DOUBLE_QUOTES: Final = frozenset("“”")
MISREAD_EVERY: Final = 12  # a clause may carry one misreading that is no look-alike per this many characters


# a clause as the marks delimit it, brackets, book-title marks and quotes inside it (the scans above stop at
# brackets and colons, so '要认真落实《某某法》，' or '这时人称“某公”（某部副部长），' is no clause to them); it starts
# only at the text's start or after a mark (the spaces after it skipped, no part of it) and its runs are possessive,
# so a tail with no mark is read once, not once from each of its characters (review35: quadratic on a long
# unpunctuated line, 0.78 s at 10,000 characters)
_WHOLE: Final = _re.compile(r"(?<![^，。；！？：])\s*+([^\s，。；！？：][^，。；！？：]*+[，。；！？：])")
_HOLDS_BRACKET: Final = _re.compile(r"[（）《》()]")
_PAIRS: Final = (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”"))
_MID_MARKS: Final = frozenset("，；")  # what closes a short clause a misprint repeats inside a sentence


def _whole_clause_copies(text: str, lm: WordLM) -> list[tuple[int, int]]:
    """Later verbatim copies of a whole clause (from one clause mark to the next, its closing mark with it) that
    the scans of `_clause_repeats` cannot take: a clause of eight or more Han holding a bracket or book-title mark
    (they cut it), and a short clause (3 to 7 Han) closed by a comma or semicolon where both copies stand inside
    their sentences, each right after a comma.

    A misprint prints a clause again at some later clause boundary. Clean text repeats a short clause mostly at a
    sentence's or a paragraph's start (a speaker '某某说，', an opener '这几年，', anaphora) or after a semicolon
    (parallel sentences), or as a frame for what follows (a speaker, '记者看到，'; a conjunction, '另一方面，';
    `_frames_next`) and after parallel leads ('在甲方面，三年来，…，在乙方面，三年来，'; `_parallel_lead`). Among the
    9,991 paragraphs of the tuning days 45 hold a whole clause printed again apart from the first; this takes none
    of them (and one repeat across the paragraphs of 1,000 THUCNews articles read as one text each, '…，涉资某亿元，').
    A short copy keeps its mark (a clause closed once by a semicolon and once by a comma is said again: '某甲走进
    院子；…，某甲走进院子，'). Each copy must hold its brackets and quotes in pairs (cutting it leaves the
    paragraph's as they were)."""
    found = _WHOLE.findall(text)
    if len(set(found)) == len(found):
        return []  # no clause printed twice with its mark (the usual case: one scan, no loop)
    spans: list[tuple[int, int]] = []
    seen: dict[str, tuple[int, int]] = {}
    for m in _WHOLE.finditer(text):
        b, e = m.start(1), m.end(1)
        clause = m.group(1)
        first = seen.get(clause)
        if first is None:
            seen[clause] = (b, e)
            continue
        body = clause[:-1].rstrip()
        if clause[-1] == "：" or not _paired(body) and not _balances(text, body):
            continue
        han = len(_HAN.findall(body))
        if han >= MIN_CLAUSE_HAN:
            if not _HOLDS_BRACKET.search(body):
                continue  # (the clause scan reads it whole: `_repeated_long_clauses` decides)
        elif han < MIN_DANGLING_HAN or clause[-1] not in _MID_MARKS or not _after_comma(text, first[0]) \
                or not _after_comma(text, b) or _parallel_lead(_clause_before(text, first[0]), _clause_before(text, b)) \
                or _after_opener(text, first[0]) or _after_opener(text, b):
            continue
        if _HAN.search(text, first[1], b) and not _same_setting(text, first[0], first[1], b, e) \
                and not _frames_next(lm, body):
            spans.append((b, e))
    return spans


def _bracketed(text: str) -> bool:
    """Whether `text` holds three brackets or book-title marks or more (a clause holding a pair, printed twice; or
    one holding the close of a pair, printed again: `_balances`)."""
    n = 0
    for c in _BRACKETS:  # (most paragraphs hold none: a test per mark is cheaper than the pattern call)
        if c in text:
            n += text.count(c)
    return n >= 3


_BRACKETS: Final = "（）《》()"  # the marks `_HOLDS_BRACKET` finds


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted `spans` less any that overlaps one kept before it (a clause one scan cuts at a bracket and another
    reads whole is one copy, cut once)."""
    out: list[tuple[int, int]] = []
    for b, e in spans:
        if out and b < out[-1][1]:
            if e - b > out[-1][1] - out[-1][0]:
                out[-1] = (b, e)  # (the longer reading: the whole clause)
            continue
        out.append((b, e))
    return out


# jieba's tags (first letter) of a clause's last word that make the clause a frame for what follows: a speaker or
# a witness ('某某表示，', '记者看到，'), a conjunction ('另一方面，'); clean text says such a clause again on purpose
FRAME_TAGS: Final = frozenset("vc")


def _frames_next(lm: WordLM, body: str) -> bool:
    """Whether the clause `body` ends on a word that takes the clause after it (`FRAME_TAGS`)."""
    words = lm.segment(body)
    return bool(words) and word_tags().get(words[-1], "")[:1] in FRAME_TAGS


SPEAKER_HAN: Final = 10  # Han characters of a long clause that may be a speaker's tag: a name, a title, a verb or two


def _speaker_tag(lm: WordLM, clause: str) -> bool:
    """Whether a long clause is a speaker's or a witness's tag ('某某某某回忆说，'): at most SPEAKER_HAN Han
    characters ending on a verb (`_frames_next`) and on a comma or colon (a whole sentence, '…有了很大发展。', is
    no tag: fresh seed 7). Opening two sentences of a paragraph, it introduces two things
    said (the clean tuning-day paragraph of such a pair went to noise on fresh seeds 2, 4 and 5); a longer clause
    that ends on a verb ('主席台上悬挂的这条横幅格外醒目，', fresh seed 5; '有些旅客吃惊地发现，', seed 6) is
    content printed twice."""
    body = clause.rstrip("".join(_CLAUSE_MARKS))
    return clause.rstrip()[-1:] in "，：,:" and len(_HAN.findall(body)) <= SPEAKER_HAN and _frames_next(lm, body)


def _parallel_lead(one: str, two: str) -> bool:
    """Whether the clauses before two copies of a short clause open or close alike: parallel phrases that each go
    on with the same clause ('在筹资功能上，7年多来，…。在市场规模拓展上，7年多来，…')."""
    return one[:1] == two[:1] or one[-1:] == two[-1:]


OPENER_HAN: Final = 2  # Han characters of a sentence's opening word set off by a comma ('但是，', '目前，', '同时，')


def _after_opener(text: str, b: int) -> bool:
    """Whether the clause before offset `b` is a sentence's opening word (at most OPENER_HAN Han): the clause at `b`
    then opens its sentence as much as one after a full stop does ('但是，在某某生活中，…。目前，在某某生活中，',
    fresh seed 9: two paragraphs flow had joined, the phrase said in each)."""
    before = _clause_before(text, b)
    start = text.rfind(before, 0, b) if before else -1
    return start >= 0 and _opens_sentence(text, start) and len(_HAN.findall(before)) <= OPENER_HAN


def _balances(text: str, body: str) -> bool:
    """Whether the clause `body` holds its brackets in pairs and leaves a quotation open that the paragraph
    leaves open too, as many: taking the copy out pairs the paragraph's quotation marks ('“有了甲，…，“有了甲，…”');
    or, its quotes paired, it leaves brackets unpaired just as the paragraph does: taking it out pairs the
    paragraph's brackets (a copy of a bracket's last clause, '（由于某种缘故，某某未参评）。…=某某未参评）。')."""
    if _quote_balance(body) == 0:
        return any(_open(body, a, z) for a, z in _PAIRS[:3]) \
            and all(_open(body, a, z) == _open(text, a, z) for a, z in _PAIRS[:3])
    return all(_open(body, a, z) == 0 for a, z in _PAIRS[:3]) and _quote_balance(text) == _quote_balance(body)


def _open(s: str, a: str, z: str) -> int:
    """Opening minus closing marks of the pair `a`, `z` in `s`."""
    return s.count(a) - s.count(z)


def _paired(s: str) -> bool:
    """Whether every bracket, book-title mark and double quote of `s` is closed in it."""
    return all(_open(s, a, z) == 0 for a, z in _PAIRS)


def _after_comma(text: str, b: int) -> bool:
    """Whether a comma stands right before offset `b` (spaces aside): the clause goes on a sentence."""
    i = _back_over_spaces(text, b)
    return i > 0 and text[i - 1] in "，,"


def _back_over_spaces(text: str, b: int) -> int:
    """Offset `b` moved back over the spaces right before it (where the mark before a clause stands at - 1)."""
    while b > 0 and text[b - 1].isspace():
        b -= 1
    return b
