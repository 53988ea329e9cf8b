"""Stage `glyphs`: OCR character errors, decided by a noisy channel and the language model.

Four kinds of fix, each asked of data, never of a word list:

- ``stray``   an ASCII run (letters/digits) glued inside a Chinese word: removed
              when the two sides form a word across it (the LM's join gain
              clears the threshold), or when it is one lower-case letter (digits
              may follow) glued between Chinese characters that makes no
              dictionary word with them (B超, X光 do) and is not printed so again
              in the document (n倍 in a formula); one to three lower-case
              letters glued after the last Chinese character of a clause,
              before its mark and outside quotes (某格局r，), likewise
              (`TRAILING_LETTERS`). Capitals and real tokens (5G,
              AGV, COVID-19, A股, units, numbers, e-mails, phones) stay.
- ``doubled`` a character or a 2-4 character unit printed twice: one copy is
              removed when the pair is no dictionary word (常常, 看看 are; a rare
              one the best segmentation cuts between the copies inside the
              run, 代表|表|大会, is judged as any pair, `SPLIT_WORD`) and
              the segmentation shows the second copy alone after a word ending
              in it (供应链链; a lone copy before a word opening with it needs
              `FIRST_ALONE_MARGIN` more: a word the dictionary lacks may end in it;
              half of a dictionary AABB word with its neighbour, 路踏实实, stays); a
              pair found inside some word (年年) needs `PAIR_MARGIN` more gain; a
              doubled pair printed again in the document (a pet name) stays. A
              non-word unit doubled is removed when, with one copy gone, the
              copy's edges cut a word (政府把府把 → 政府把); whole-word repeats
              (研究研究, 走啊走啊) stay unless the context binds the copy into a word. In
              a part of a name joined by the separator dot (某某·某某) nothing
              doubled is removed: a transliteration may repeat a syllable; nor
              is a character doubled after the same character as another
              doubling close by (parallel clauses, `_parallel_double`), one
              beside a space that cuts the words around it (部部 长, `_space_cut`),
              a lone first copy of a character that mostly closes institutions'
              names (某某司|司长, `INSTITUTION_SHARE`), or a unit that opens an
              A-not-A question (容易不容易不…, `_a_not_a`).
- ``glyph``   a look-alike substitution, scored as a noisy channel:
                  word-LM gain + CHAR_WEIGHT·char-trigram gain + channel
                  >= ``config.glyph_threshold`` + `SHAPE_SUBST_MARGIN` (`SUBST_MARGIN` for a model with
                     an observed channel) (+ `QUOTE_MARGIN` inside quotes)
              where the channel (`channel_score`) is, for the shipped model,
              -SIM_WEIGHT·(1 - shape) + TESS_WEIGHT·log(1 + count), the count
              of the confusion in the shipped Tesseract channel
              (`data/tesseract_channel.tsv.gz`: what Tesseract chi_sim read for
              what on rendered, degraded text); for a model trained with an observed
              channel (`train-lm --confusions`), OBS_WEIGHT·log(1 + count) -
              SIM_WEIGHT_SEEN·(1 - shape) for a confusion it has seen and
              -SIM_WEIGHT_UNSEEN·(1 - shape) for one it has not, less
              `OBS_MARGIN`. The weights were chosen by a grid over FASpell's
              train file (a model built from three quarters, the fourth held
              out) and clean People's Daily sentences of the tuning days (at
              most 0.1% of them changed, precision >= 0.9).
              Candidates are the visual look-alikes (`data/confusion.tsv.gz`,
              computed from glyph images) plus the confusions the observed
              channel holds. Only characters that make no known pair with
              either neighbour are tried (`_gate`: one set lookup per pair, by
              `map`, which is most of the stage's speed; a pair only rare
              dictionary words hold binds nothing, but a place it alone binds
              needs more gain and is tried only for an uncommon character no
              printed word holds, `candidates.WEAK_PAIR`), and only look-alikes
              that complete a dictionary word there. The word-LM gain is over a
              window of ±`WINDOW`; the char-trigram gain over the three
              trigrams the change touches. The window is scored only when some
              look-alike's `_gain_bound` (the words over the place, each
              credited with its other characters' lone costs) plus its channel
              reaches the lowest bar it could meet: on 40 synthetic tune pages
              that skips 96% of the windows, and no fix changes. Where two neighbours are both
              free, the fix of the two that clears its bar by more is made
              (`NEIGHBOUR_CHOICE`). Near the bar (within `Acceptance.low` under it to
              `Acceptance.high` over it) a learned logistic decision over cheap
              features of the fix (`ACCEPT_FEATURES`, `data/glyph_accept.json`, fitted by
              `resources/train_accept.py` on tuning data) makes or drops the fix
              instead of the bar; outside the band the bar decides. Confidence grows with the margin;
              close runners-up are logged as `alternatives`.
              The window is scored with a per-word cost (`WORD_PENALTY`), so a word
              gains over a run of lone characters. A doubled character both of
              whose copies sit inside words (人民共共国) is tried with one copy
              replaced by a character the dictionary's two-character words put
              beside it, when that makes a word of four or more characters
              (`_refill`, `REFILL_MARGIN`).
- ``memory``  a string of three Han characters the page prints at least twice, printed once more with one character
              read as one of its look-alikes (the decoder's candidates): the page's spelling is put back where no
              string of three characters over the place is itself printed twice, every such string agrees on the
              character, the printed character makes no dictionary or running-text word with its neighbours nor is
              printed again within `REPEAT_SPAN` (the decoder's repeat guard), and the word model with the channel
              finds the page's spelling no worse over ±4 characters (`page_memory`, run after the decoder; a name or
              term the dictionary lacks, or whose gate a misreading closed, that the page prints right elsewhere).
              `fix_lines` reads each line as its own document here too.
- ``hyphen``  a '-' or '--' glued between two Chinese characters (clean text prints none there): Tesseract's
              reading of 一 when 一 scores better than the sides apart and than joined (另-方面 → 另一方面),
              else a speck removed when the sides join into a word (可-能 → 可能); otherwise left (`hyphens`).
- ``digit``   O/o and l/I read between two digits (2O24 → 2024), or at the edge
              of a number of 2-4 characters before a measure word (l0家).

Guards, because a unigram word model likes to turn any rare or lone
character into part of a common word (each measured on clean news text):
a pair printed twice in the document is taken as written (names, terms);
a lone surname (learned from jieba's ``nr`` entries) needs `SURNAME_MARGIN` more gain and the
characters after it `NAME_MARGIN` more (with an observed channel,
only a confusion it has seen may replace one), and one of those two that the dictionary's names often hold in
a given name, after a character that mostly opens names, stays when the look-alike is rarer there and makes no
word with the surname (`_printed_given_name`: an invented 孙一祥 is no 一样 misread); a character repeated within a few positions (说来说去) is kept;
a lone character's cost is capped at ``RARE_FLOOR`` so rarity alone is no
evidence; quotes and 《》 need a larger gain; a trained model's frequent
character pairs veto a change; a look-alike that would complete a tandem copy
of the clause beside it (`_makes_copy`: a clause printed twice in a row, one
copy misread, which `dedup` left) is left as printed.

`fix_changes` returns positioned `Change`s (replayable: see tests); `fix_text`
wraps them as `Edit`s; `fix_lines` corrects one line per input line (each
line its own document); `glyphs` runs over the text blocks of a
page. The whole is repeated to a fixed point (at most three rounds) so it is
idempotent.

The package, one concern per module (each imports what it reads from the ones listed before it):
- `common`: the `Change`, the context window, Han runs, segmentation, quotes, confidence;
- `channel`: the channel's and the LMs' weights and the substitution bars (`channel_score`);
- `digits`: digits read as letters; `stray`: stray Latin letters inside Chinese words; `hyphens`: hyphens
  between Chinese characters;
- `doubling_guards`: where a doubling is printed on purpose; `doubled`: doubled characters and units, `_refill`;
- `candidates`: the gated places and the look-alikes tried there; `memos`: the search's per-model memos;
- `names`: guards for names; `accept`: the learned acceptance; `copies`: the copy guard;
- `bound`: the bound that skips windows; `substitutions`: the look-alike decoder; `page_memory`: the page's spellings;
- `stage`: `fix_changes`, `replay`, `fix_text`, `fix_lines` and the stage `glyphs`.

Every name of the stage is read here as it was from the one module it was (`layoutfix.stages.glyphs.X`). A name
set at run time (a tuning constant or guard a test switches, `RECORD` and `ACCEPT` that `train_accept` sets) is
set on the part that owns it (`names`, `memos`, `doubling_guards`, `doubled`, `digits`, `channel`, `accept`,
`page_memory`), which
is where the decoder reads it when it runs; a name set on the package itself reaches no part.
"""
from __future__ import annotations

import types

# the names the one module imported, read by callers through it (eval_glyphs reads `tesseract_channel`)
import math  # noqa: F401
import operator  # noqa: F401
import re  # noqa: F401
from bisect import bisect_right  # noqa: F401
from itertools import compress, repeat  # noqa: F401
from collections import Counter  # noqa: F401
from dataclasses import dataclass, replace  # noqa: F401
from functools import lru_cache  # noqa: F401
from typing import Callable, Collection, Iterable  # noqa: F401
from ...config import Config  # noqa: F401
from ...confusion import Table, load_confusion, tesseract_channel  # noqa: F401
from ...lm import (  # noqa: F401
    BOS, EOS, KeySet, Window, WordLM, _forward, _single_costs, load_lm, name_entry_counts, name_places,
    name_shares, surnames
)
from ...model import TEXT, TITLE, Edit, Page  # noqa: F401
from ..segment.words import is_garbage, word_tags  # noqa: F401
from ...textutil import HAN_CLASS, is_han  # noqa: F401

from .common import (  # noqa: F401
    STAGE, WINDOW, QUOTE_MARGIN, WORD_PENALTY, SINGLE_PENALTY, Change, _HAN_RUN,
    _han_spans, _segments, _quoted_at, _sigmoid_conf, _pair_counts
)
from .channel import (  # noqa: F401
    SIM_WEIGHT, TESS_WEIGHT, SUBST_MARGIN, SHAPE_SUBST_MARGIN, WORD_WEIGHT, CHAR_WEIGHT, OBS_WEIGHT,
    SIM_WEIGHT_SEEN, SIM_WEIGHT_UNSEEN, OBS_MARGIN, channel_score
)
from .digits import (  # noqa: F401
    UNIT_NUMERALS, _NUMBER_RUN, _DIGIT_FIX, WIDE_FOLLOWERS, numeral_followers, _leading_zero, _digits
)
from .stray import (  # noqa: F401
    _ASCII_RUN, LETTER_DIGIT_SIM, letter_digits, _stray, _LONE_LETTER, _ABBREVIATION, _letter_word
)
from .hyphens import YI_GAIN, JOIN_GAIN, _hyphens  # noqa: F401
from .doubling_guards import (  # noqa: F401
    INSTITUTION_SHARE, A_NOT_A, _a_not_a, _institution_ends, institution_end_share, DOTTED_NAME_GUARD,
    PARALLEL_SPAN, SPACE_CUT_GUARD, _space_cut, _parallel_double, NAME_DOT, NAME_PART, _dotted_name
)
from .doubled import (  # noqa: F401
    REFILL_MARGIN, FILL_TOP, FIRST_ALONE_MARGIN, PAIR_MARGIN, DOUBLE_MARGIN, EDGE_SPAN, NUMERALS, _HAN_PAIR,
    SPLIT_WORD,
    _REPEAT, _REPEAT_AT, _doubled, _SegOf, _LazySegOf, _refill, _judge_double, _two_char_words
)
from .candidates import (  # noqa: F401
    TOP_K, _candidates, _FREE_PAIR, _FREE_SIDE, _gate, _gate_runs, _completes_word, _NONE,
    _neighbours, _hits_memo, _words_at, WEAK_PAIR, gate_pairs, in_printed_word, strong_pairs
)
from .memos import MEMO_SIZE, _memos, MEMO_CHECK, _cap  # noqa: F401
from .names import (  # noqa: F401
    NAME_GUARD, NAME_MARGIN, SURNAME_MARGIN, _name_context, _left_alone, GIVEN_NAME_GUARD,
    SURNAME_SHARE, GIVEN_MIN, _printed_given_name
)
from .accept import (  # noqa: F401
    ACCEPT_FEATURES, Acceptance, ACCEPT, RECORD, acceptance, _shipped_acceptance, _accept_features
)
from .copies import COPY_GUARD, _makes_copy  # noqa: F401
from .bound import BOUND_SLACK, _gain_bound  # noqa: F401
from .substitutions import (  # noqa: F401
    SEEN_GUARD, ONE_SIDE_PENALTY, NEIGHBOUR_CHOICE, REPEAT_GUARD, RARE_FLOOR, REPEAT_SPAN, ATTESTED,
    _substitutions
)
from .page_memory import MEMORY, MIN_COUNT, BAR, Recall, misread_anchors, _remembered  # noqa: F401
from .stage import (  # noqa: F401
    _apply, fix_changes, _context, replay, origin_of, _edits, fix_text, fix_lines, glyphs,
    DEBRIS_AS_PRINTED, _debris, _shift_origin
)

from . import (
    common, channel, digits, stray, hyphens, doubling_guards, doubled, candidates, memos, names, accept, copies, bound,
    substitutions, page_memory, stage
)

# the parts, for callers that must reach every one (a test shadows a builtin in each)
PARTS: tuple[types.ModuleType, ...] = (common, channel, digits, stray, hyphens, doubling_guards, doubled, candidates, memos,
                                       names, accept, copies, bound, substitutions, page_memory, stage)
