"""The look-alike decoder: at each gated place, the look-alikes that complete a word are scored over
a window (word LM + character trigrams + channel), guarded (pairs printed twice, repeats, quotes, names, copies),
weighed against the bar or the learned acceptance, and the better of two free neighbours' fixes is made.
"""
from __future__ import annotations

from typing import Final

from collections import Counter
from functools import lru_cache
from itertools import repeat

from ...lm import _single_costs, BOS, EOS, jieba_entries, surnames, WordLM
from ...lmwalk import Window
from ...confusion import Table
from .common import _pair_counts, _quoted_at, _sigmoid_conf, Change, QUOTE_MARGIN, SINGLE_PENALTY, WINDOW, WORD_PENALTY
from .channel import channel_score, CHAR_WEIGHT, SHAPE_SUBST_MARGIN, SUBST_MARGIN, WORD_WEIGHT
from .candidates import (_candidates, _gate_runs, _neighbours, _words_at, gate_pairs, weak_place_closed,
                         weak_candidates, weak_memos)
from . import candidates as candidates_part  # `WEAK_PAIR` is read there at call time (tests set it)
from . import memos as memos_part  # tuning constants are read from the module that owns them, where tests set them (source tree only: a Final is fixed when compiled)
from .memos import _cap, _memos
from . import names as names_part
from .names import _left_alone, _printed_given_name
from . import accept as accept_part  # `accept_part.RECORD` is read at call time: train_accept and tests set it there
from .accept import _accept_features, acceptance
from .copies import _makes_copy, COPY_GUARD
from .bound import _gain_bound, _lexicon, BOUND_SLACK
from ...wordfreqs import printed_word_kept, supports_fix, zipf_table
from . import rare_words as rare_part  # `RARE_SHORT_GUARD` is read there at call time (tests turn it off)
from .rare_words import rare_short_word


SEEN_GUARD: Final = True
# With a model trained on running text, characters bound to one neighbour only can be tried too, for this
# much more gain: same held-out quarter lenient F1 20.8 -> 22.1, clean sentences changed 0.12% either way, but
# about three times the work on clean text; None (the default) keeps the stage at page speed
ONE_SIDE_PENALTY: Final[float | None] = None
# Two neighbours both bound to no neighbour: the fix at the first is weighed against the fix at the second and
# the one clearing its bar by more is made (a look-alike may only be making a word with the other misreading)
NEIGHBOUR_CHOICE: Final = True


# A look-alike for a syllable of a transliterated name: (printed, new, side) of `_transliterated`; None: no guard.
# Session 30 (glyph30): a wrong look-alike on fresh tuning-day pages (seeds 5 and 11, the same article) turned a
# foreign athlete's name into a common word; the guard removed it and nothing else on synthetic tune, fresh seeds
# 2, 4, 5, 11, pages of days 01-13..16 (seed 9), unseen-text pages, the real-OCR tuning and seed-2 caches, FASpell's
# train file and clean sentences of 01-13..16 (one case: weak evidence, but no right fix lost anywhere)
# (the optional tuples here are not `Final`: mypyc 2.4.1 emits C that does not compile for a `Final` tuple-or-None
# constant; each is read once per fix near the bar)
TRANSLIT_GUARD: tuple[float, float, float] | None = (0.25, 0.05, 0.15)
REPEAT_GUARD: Final = True   # a character repeated within REPEAT_SPAN is taken as written
RARE_FLOOR: Final[float | None] = -10.0  # log-probability below which a lone character costs no more
# A printed word of modern running text the model does not know over the place (`wordfreqs`, Zipf >= floor) is
# taken as written unless the look-alike's word is `lead` or more commoner there (a web-text typo one look-alike
# off a far commoner word is common too): (floor, lead) of `wordfreqs.printed_word_kept`; None: no guard.
# Session 32 (glyph32): the figures are in `data/wordfreqs.SOURCE.md`.
MODERN_GUARD: tuple[float, float] | None = (2.4, 2.0)
# Support from running text (off by default): where the printed text makes no word of wordfreq's list over the
# place, the look-alike's makes one at Zipf >= floor, and the printed character is no common one (its unigram
# log-probability under `max_logp`: a function character such as 因 or 为 stands alone in running text), the bar is
# lowered by `cut`: (floor, cut, max_logp). Session 32 (glyph32), (4.0, 1.0, -8.0): FASpell train held-out quarter
# 60 -> 64 sentences corrected, clean sentences of 01-13..16 unchanged; pages right/false, tune 198/2 -> 201/2,
# fresh 2 215/4 -> 216/6, 4 196/3 -> 202/4, 11 189/5 -> 192/6, 12 200/6 -> 202/7, 13 170/4 -> 177/4, unseen-text
# 185/32 -> 187/32: the added fixes are about 84% right, under the precision issue 4 asks of the synthetic test
# split, so None keeps the shipped decision (data/wordfreqs.SOURCE.md)
MODERN_SUPPORT: tuple[float, float, float] | None = None


REPEAT_SPAN: Final = 6       # a character repeated this close is taken as written
ATTESTED: Final = 3          # a character pair seen this often in a trained model's text is not "fixed"


def _substitutions(text: str, lm: WordLM, table: Table, threshold: float,
                   known: dict[str, int] | None = None, flags: bytes | None = None) -> list[Change]:
    out: list[Change] = []
    bigrams = lm.bigrams
    cand_of = _candidates(table, lm)
    memos = _memos(table, lm, cand_of)
    lmemo, rmemo, score_memo, alone_memo, word_memo, window_memo, bound_memo, ranks = memos
    judged = 0
    pairs = lm.pairs
    neighbours = _neighbours(lm)
    observed_model = bool(lm.observed)
    chars = lm.chars if CHAR_WEIGHT and lm.has_chars else None
    padded = BOS + BOS + text + EOS if chars is not None else ""
    name_guard, seen_guard = names_part.NAME_GUARD, SEEN_GUARD
    name_margin, surname_margin = names_part.NAME_MARGIN, names_part.SURNAME_MARGIN
    given_name_guard, memo_check = names_part.GIVEN_NAME_GUARD, memos_part.MEMO_CHECK
    names = surnames() if name_guard else frozenset()
    seen = (known if known is not None else _pair_counts(text)) if seen_guard else {}
    logp = lm.logp
    prefixes = lm.prefixes
    accept = None if observed_model else acceptance()
    # the lowest bar a look-alike must clear (`need - low` below, before quote and name margins, which only add),
    # less a slack far above float rounding; None where `_gain_bound` bounds no gain (a character-trigram
    # term, or one-side positions where the printed character may sit inside a word)
    bound_bar = None if chars is not None or ONE_SIDE_PENALTY is not None else (
        threshold + (SUBST_MARGIN if observed_model else SHAPE_SUBST_MARGIN)
        - (accept.low if accept is not None else 0.0) - BOUND_SLACK
        - (MODERN_SUPPORT[1] if MODERN_SUPPORT is not None else 0.0))  # (the most support can lower a bar)
    costs, unk = _single_costs(lm, WORD_PENALTY, SINGLE_PENALTY)
    lexicon = _lexicon(lm)  # (`_gain_bound`'s reads of the model, once a block)
    rare_floor = RARE_FLOOR  # (a local: mypy narrows no `Final` optional constant)
    modern = zipf_table() if MODERN_GUARD is not None or MODERN_SUPPORT is not None else None
    rare_guard = rare_part.RARE_SHORT_GUARD
    rare_table = zipf_table() if rare_guard is not None and accept is not None else None
    # the learned decision's running-text features: computed when it weighs them (the shipped file does since
    # session 32: `glyphs.accept.RUNNING_TEXT_FEATURES`, data/glyph_accept.SOURCE.md) or train_accept records them
    feats_table = (zipf_table() if accept is not None and (accept.reads_running_text or accept_part.RECORD is not None)
                   else None)
    # a character that makes no known pair with either neighbour is inside no word: the only
    # places a look-alike is tried (in clean text a few in a hundred, so the rest costs one set lookup)
    binding = gate_pairs(lm)  # `pairs`, less those only rare words hold (`candidates.WEAK_PAIR`)
    weak = candidates_part.WEAK_PAIR
    weak_margin = weak[1] if weak is not None else 0.0
    weak_neighbours, weak_memo = (_neighbours(lm, weak[0]), weak_memos(lm, weak[0], cand_of)) if weak is not None else (
        neighbours, ({}, {}, {}, {}, {}, {}))
    _cap(weak_memo)
    weak_lmemo, weak_rmemo, weak_words, weak_cands, weak_bound, weak_ranks = weak_memo
    for a, b, gated in _gate_runs(text, binding, one_side=ONE_SIDE_PENALTY is not None, flags=flags):
        run = text[a:b]
        n = len(run)
        last_fix = -10

        def alone_at(i: int) -> int:
            """`_left_alone` of run[i], memoised by the window it reads."""
            lo = max(0, i - 6)
            key = (run[lo:i + 7], i - lo)
            alone = alone_memo.get(key)
            if alone is None:
                alone = alone_memo[key] = _left_alone(lm, run, i, names)
            return alone

        def judge(i: int) -> tuple[float, Change] | None:
            """The best look-alike at run[i] with its margin over the bar, or None."""
            c = run[i]
            left = run[i - 1] if i else ""
            right = run[i + 1] if i + 1 < n else ""
            # the guards that read only the text first (a pair printed twice refuses about two places in five), so
            # a character's look-alike row is built only for a place that asks for it (glyph39's ec8b230)
            if seen_guard and ((left and seen.get(left + c, 0) > 1) or (right and seen.get(c + right, 0) > 1)):
                return None  # printed more than once in the document: a name or term, not a misreading
            if REPEAT_GUARD and (c in run[max(0, i - REPEAT_SPAN):i] or c in run[i + 1:i + 1 + REPEAT_SPAN]):
                return None  # the same character close by (说来说去): a parallel phrase, not a random misreading
            if bigrams and (bigrams.get(left + c, 0) >= ATTESTED or bigrams.get(c + right, 0) >= ATTESTED):
                return None  # the pair is common in the model's training text: taken as written
            # bound to a neighbour by a known pair: part of some word already (`ONE_SIDE_PENALTY`), or, the gate
            # open because only rare words hold the pair (`candidates.WEAK_PAIR`), perhaps of that rare word
            bind_extra = 0.0
            weakly = False
            if (i and run[i - 1:i + 1] in pairs) or run[i:i + 2] in pairs:
                weakly = weak is not None and not ((i and run[i - 1:i + 1] in binding) or run[i:i + 2] in binding)
                bind_extra = weak_margin if weakly else (ONE_SIDE_PENALTY or 0.0)
                if weakly and weak_place_closed(run, i, logp, lm.unk, prefixes):
                    return None  # a common character, or the rare word printed there: its pair is no chance pair
            cands = cand_of(c)
            if not cands:
                return None
            # only look-alikes that complete a dictionary word of 2-4 characters over position i (a
            # function of the three characters each side, memoised by them); to find them, first those
            # that make a known character pair with a neighbour (at a place only rare words' pairs bind, a pair
            # some common word holds: `weak_memos`)
            lo3 = i - 3 if i > 3 else 0
            wkey = (run[lo3:i + 4], i - lo3)
            if weakly:
                cands = weak_candidates(cands, weak_cands, c)
                words = weak_words.get(wkey)
                if words is None:
                    words = weak_words[wkey] = _words_at(cands, c, run, i, weak_neighbours, weak_lmemo, weak_rmemo,
                                                         logp, prefixes, weak_ranks)
            else:
                words = word_memo.get(wkey)
                if words is None:
                    # (the plain search, tests/glyph_reference.py, of `_hits_memo`'s hits, asked as one)
                    words = word_memo[wkey] = _words_at(cands, c, run, i, neighbours, lmemo, rmemo, logp, prefixes,
                                                        ranks)
            if not words:
                return None
            viable = [(x, *cands[x]) for x in words]
            if name_guard and observed_model and alone_at(i):
                # a name's character: only a confusion the observed channel has seen may replace it
                viable = [v for v in viable if v[2] > 0]
                if not viable:
                    return None
            lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
            ctx = run[lo:hi]
            j = i - lo
            if bound_bar is not None:
                # no look-alike can clear the lowest bar this fix could meet (`_gain_bound`): the window is
                # not scored at all (the decision, and every fix made, are the same)
                lp_c = logp.get(c, lm.unk)
                rare = rare_floor - lp_c if rare_floor is not None and lp_c < rare_floor else 0.0
                lps = None
                bmemo = weak_bound if weakly else bound_memo
                for x, sim, obs in viable:
                    key = (ctx, j, x)
                    gb = bmemo.get(key)
                    if gb is None:
                        if lps is None:
                            lps = list(map(costs.get, ctx, repeat(unk)))
                        gb = bmemo[key] = _gain_bound(lm, ctx, j, x, lps, costs.get(x, unk), pairs,
                                                            lexicon)
                    if not WORD_WEIGHT * (gb - rare) + channel_score(sim, obs, observed_model) < bound_bar + bind_extra:
                        break  # this look-alike may clear the bar: the window is scored
                else:
                    return None
            win: Window | None = window_memo.get(ctx)
            if win is None:  # (`lm.Window(lm, ctx, WORD_PENALTY, SINGLE_PENALTY)`, with the costs read above)
                win = window_memo[ctx] = Window(ctx, costs, unk, logp, prefixes, lm.max_len, WORD_PENALTY)
            base = win.score
            # a rare character is not suspect for being rare: its cost as a lone word is capped,
            # so a gain must come from the word the look-alike makes, not from removing a rarity
            lp_c = logp.get(c, lm.unk)
            if rare_floor is not None and lp_c < rare_floor:
                base += rare_floor - lp_c
            if chars is not None:
                k = a + i + 2  # position in `padded`
                tri_c = chars.score(padded[k - 2:k + 3])
            scored = []
            for x, sim, obs in viable:
                alt = ctx[:j] + x + ctx[j + 1:]
                lp_x = score_memo.get(alt)
                if lp_x is None:
                    lp_x = score_memo[alt] = win.rescore(j, x)
                g = WORD_WEIGHT * (lp_x - base)
                if chars is not None:
                    g += CHAR_WEIGHT * (chars.score(padded[k - 2:k] + x + padded[k + 1:k + 3]) - tri_c)
                channel = channel_score(sim, obs, observed_model)
                scored.append((g + channel, g, x, sim))
            scored.sort(reverse=True)
            adj, g, x, sim = scored[0]
            need = threshold + (SUBST_MARGIN if observed_model else SHAPE_SUBST_MARGIN)
            need += bind_extra
            if (MODERN_SUPPORT is not None and modern and logp.get(c, lm.unk) < MODERN_SUPPORT[2]
                    and supports_fix(run, i, x, modern, MODERN_SUPPORT[0])):
                need -= MODERN_SUPPORT[1]  # a common word of today's text where the misreading makes none
            # a learned decision (shipped model only) judges the fixes within its band of the bar;
            # outside it, and without one, the bar alone decides
            low = accept.low if accept is not None else 0.0
            if adj < need - low:
                return None
            quoted = _quoted_at(text, a + i)  # asked only of a fix near the bar (it counts marks)
            if quoted:
                need += QUOTE_MARGIN
                if adj < need - low:
                    return None
            alone = 0
            if name_guard and not observed_model:
                # asked only of a fix near the bar (most are not): the name check segments a window
                alone = alone_at(i)
                # a given name after a surname (2) or a lone surname character (3): overruled only by a larger
                # gain; inside a word (1), or with its margin None: left alone
                extra = name_margin if alone == 2 else surname_margin if alone == 3 else None
                if alone and extra is None:
                    return None
                if extra:
                    need += extra
                    if adj < need - low:
                        return None
            margin = adj - need
            learned = ""
            if accept is not None and margin < accept.high:
                feats = _accept_features(run, i, n, c, x, margin, g, adj, sim, viable, scored, logp, lm.unk,
                                         names, alone, feats_table)
                z = accept.logit(feats)
                if accept_part.RECORD is not None and not weakly:  # (`weakly`: not a training row, below)
                    accept_part.RECORD.append((text, a + i, c, x, feats, margin, z))
                if z < 0:
                    return None
                learned = f"; learned p {accept.p(z):.2f} >= {accept.threshold:.2f}"
            elif margin < 0:
                return None
            elif accept_part.RECORD is not None and not weakly:
                # a place only rare words' pairs bind (`weakly`, `candidates.WEAK_PAIR`) is judged by the learned
                # decision but recorded for train_accept never: the model is fitted on the places the strong gate
                # opens, and these are another population with their own higher bar (5.0 more gain); as rows they
                # moved the refit (band low 2.5 -> 4.0, threshold 0.57 -> 0.52: +64 right, +74 wrong fixes)
                accept_part.RECORD.append((text, a + i, c, x, None, margin, None))
            if alone == 2 and given_name_guard and _printed_given_name(run, i, x, names, logp, lm.max_len):
                # a common given-name character after a surname, not a misreading of x (asked after the
                # decision, as the copy test below, so the fixes train_accept records are the same either way)
                return None
            if TRANSLIT_GUARD is not None and _transliterated(run, i, x, *TRANSLIT_GUARD):
                return None
            if COPY_GUARD is not None and _makes_copy(text, a + i, x, *COPY_GUARD):
                # the fix would complete a copy of the phrase printed beside it: a garbled repeat, left as printed
                # (asked after the decision, so the fixes train_accept records are the same with or without it)
                return None
            if learned and rare_guard is not None and rare_table is not None and rare_short_word(
                    run, i, x, logp, rare_table, *rare_guard):
                # the learned decision made it, but the look-alike only completes a short word running text rarely
                # uses (a fictional character's name for a given name): too little evidence to change the print
                # (asked after the decision, as the copy test, so the fixes train_accept records are the same)
                return None
            if modern and MODERN_GUARD is not None and printed_word_kept(run, i, x, lm.logp, *MODERN_GUARD,
                                                                         table=modern):
                # the printed reading is a word of modern running text: a newer word, not a misreading (asked
                # after the decision, as the copy test, so the fixes train_accept records are the same either way)
                return None
            alts = tuple(y for adj2, _, y, _ in scored[1:3] if adj2 >= need - 2)
            conf = _sigmoid_conf(margin) if not alts else min(0.6, _sigmoid_conf(margin))
            bar = f" >= {need:.1f}" if margin >= 0 else f", {-margin:.1f} under the bar {need:.1f}"
            return margin, Change(a + i, a + i + 1, x, "glyph", c, conf,
                              f"look-alike '{c}'→'{x}' (shape {sim:.2f}): LM gain {g:.1f} + channel "
                              f"{adj - g:+.1f}{bar}{learned}", alts)

        for gi, i in enumerate(gated):
            if i - last_fix <= WINDOW:
                continue
            judged += 1
            if judged % memo_check == 0:
                _cap(memos)
                _cap(weak_memo)
            got = judge(i)
            if got is None:
                continue
            if NEIGHBOUR_CHOICE and gi + 1 < len(gated) and gated[gi + 1] == i + 1:
                # the next character is bound to no neighbour either: one of the two is misread, and a
                # look-alike here may only be making a word with the other misreading (考孩 -> 男孩 where
                # 考核 was meant); take the fix of the two that clears its bar by more
                nxt = judge(i + 1)
                if nxt is not None and nxt[0] > got[0]:
                    got = nxt
            out.append(got[1])
            last_fix = got[1].start - a
    return out


@lru_cache(maxsize=1)
def _nrt_shares() -> dict[str, float]:
    """{character: share of jieba's dictionary entries holding it that are transliterated names ('nrt'), for
    characters in at least 20 entries}, counted once."""
    tot: Counter = Counter()
    nrt: Counter = Counter()
    for w, _, tag in jieba_entries():
        for c in set(w):
            tot[c] += 1
            if tag == "nrt":
                nrt[c] += 1
    return {c: nrt[c] / n for c, n in tot.items() if n >= 20}


def _transliterated(run: str, i: int, x: str, printed: float, new: float, side: float) -> bool:
    """Whether run[i] reads as a syllable of a transliterated name: the printed character is common in them,
    the look-alike is not, and a neighbour is common in them too (某队的莱莉和某某: no 茉莉 misread)."""
    sh = _nrt_shares()
    if sh.get(run[i], 0.0) < printed or sh.get(x, 0.0) >= new:
        return False
    return max(sh.get(run[i - 1], 0.0) if i else 0.0, sh.get(run[i + 1], 0.0) if i + 1 < len(run) else 0.0) >= side
