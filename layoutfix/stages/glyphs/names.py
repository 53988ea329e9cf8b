"""Guards for names: a lone surname (jieba's 'nr' entries) and the two lone characters after it need a
larger gain (`_left_alone`), a common given-name character after a surname that mostly opens names is kept
(`_printed_given_name`), and how name-like the characters around a place are (`_name_context`, a learned feature).
"""
from __future__ import annotations

from ...lm import name_entry_counts, name_places, name_shares, WordLM
from .common import _segments


# Guards, because a word model cannot tell a name or a term from a misreading: a character pair printed more
# than once in the document is taken as written, and so are a lone surname and the two lone characters after
# it, except that with an observed channel a confusion the channel has seen may still replace one of those.
# (FASpell-train held-out quarter, model of news days 01-01..12 + the other three quarters: skipping names
# outright gave lenient F1 14.0, seen confusions only 20.1, no name guard 20.8, at 0.10% / 0.10% / 0.12% of clean
# sentences of days 01-13..16 changed; without it a news model changed a byline's given name into a common word.)
NAME_GUARD = True
NAME_MARGIN: float | None = 2.0   # not None: a character of a given name after a lone surname needs this much
                                  # more gain instead of being left alone outright (a model without observed channel;
                                  # the surname itself: SURNAME_MARGIN). Chosen with WORD_PENALTY on FASpell's
                                  # train file (lenient F1 8.9 -> 10.9), clean news_zh sentences of 1998-01-01..16
                                  # (0.07% -> 0.09% changed, 0.18 -> 0.22 per 10k chars), synthetic-tune glyph
                                  # precision (0.921 -> 0.918) and real_ocr-tune paragraphs (>= 0.9); with
                                  # WORD_PENALTY 0.5-1 FASpell-train F1 rose to 13-16 but synthetic-tune precision fell to
                                  # 0.85-0.89 and real_ocr-tune light to 0.82-0.90, and a margin of 0 or 1 changed names
SURNAME_MARGIN: float | None = 3.0  # not None: a lone surname character (a model without observed channel) needs this much
                                     # more gain instead of being left alone: on FASpell's train file the right
                                     # look-alike was the best candidate at 104 lone "surnames" (common characters
                                     # such as 王 read for 主) the old veto kept. Offline grid (session 7): lenient F1
                                     # 11.2 (veto) -> 12.5 / 12.0 / 11.9 at margins 1 / 2 / 3, clean tuning-day
                                     # sentences 0.08% -> 0.10%; 3 because at 1 the surname of a name in a closing
                                     # author line on synthetic tune was changed (gain 5.9 over a bar of 5.0)


def _name_context(run: str, i: int) -> float:
    """Mean `name_shares` of the Han characters up to two places either side of run[i] (0 when none).

    A learned-acceptance feature (`ACCEPT_FEATURES`: ``name_ctx``, and ``name_both`` with the printed
    character's own share): a look-alike amid characters mostly found in names is often a name the
    dictionary lacks, or spells with the look-alike, printed right.
    """
    shares = name_shares()
    nb = run[max(0, i - 2):i] + run[i + 1:i + 3]
    return sum(shares.get(ch, 0.25) for ch in nb) / len(nb) if nb else 0.0


def _left_alone(lm: WordLM, run: str, i: int, names: frozenset[str]) -> int:
    """Whether run[i] is to be left alone: 1 inside a word of the best segmentation, 3 a lone surname, 2 one
    of the two lone characters after one (a given name), 0 neither.

    The segmentation is of a window around i (a name is short; the window keeps it cheap).
    """
    lo = max(0, i - 6)
    single = set()
    for s, e in _segments(lm, run[lo:i + 7]):
        if e - s == 1:
            single.add(s + lo)
    if i not in single:
        return 1  # inside a word of the best segmentation: not a lone misreading either
    for p in (i, i - 1, i - 2):
        if p < lo or p not in single:
            return 0
        if run[p] in names:
            return 3 if p == i else 2  # 3: the surname itself, 2: a character of the given name after it
    return 0


GIVEN_NAME_GUARD = True
SURNAME_SHARE = 0.3  # a surname character that opens a personal name in at least this share of the dictionary
                     # entries holding it (王 0.63, 夏 0.46; 公 0.06, 南 0.11: mostly other words)
GIVEN_MIN = 50       # a character held this often in given names of the dictionary's names (祥 190, 诚 70)


def _printed_given_name(run: str, i: int, x: str, names: frozenset[str], logp: dict[str, float],
                        max_len: int) -> bool:
    """Whether run[i], a lone character one or two places after a lone surname (`_left_alone` 2), reads as the
    given name printed right rather than a misreading of `x`: the surname opens a personal name in at least
    `SURNAME_SHARE` of the dictionary entries holding it, run[i] stands in the dictionary's given names at least
    `GIVEN_MIN` times and no less often than x, and x would make no dictionary word that holds the surname.

    Why: the word model turns a given name into any common word a look-alike completes (an invented 孙一祥 ->
    孙一样); on clean tuning-day text these were the largest class of false look-alikes.
    """
    first, given = name_places()
    counts = name_entry_counts()
    c = run[i]
    p = i - 1 if run[i - 1] in names else i - 2
    s = run[p]
    if first.get(s, 0) < SURNAME_SHARE * counts.get(s, (0, 0))[1]:
        return False
    gc = given.get(c, 0)
    if gc < GIVEN_MIN or gc < given.get(x, 0):
        return False
    alt = run[:i] + x + run[i + 1:]
    # a word of the dictionary from the surname over x (董重长 -> 董事长, or a name it knows, 沈祖荣): no name
    # printed there to keep
    return not any(alt[p:e] in logp for e in range(i + 1, min(len(alt), p + max_len) + 1))
