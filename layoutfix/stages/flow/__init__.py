"""Stage `flow`: rejoin paragraphs that a column or page break cut in two.

A text block that stops mid-sentence continues in a later block: usually the
next one, sometimes after a photo caption, a section label or a fragment of
another article printed in between. We score every (open block, later
candidate) pair and choose all joins at once, best first, each block used at
most once as a source and once as a target (a greedy global assignment, so a
strong distant join such as 火|爆 is not stolen by a weak near one).

How likely block j continues open block i is a learned model (`JoinModel`, weights in
`layoutfix/data/flow_weights.json`, rebuilt from the synthetic tuning split by
`python -m layoutfix.flowtrain`): a conditional logit over i's candidates plus
"no continuation here", and a reverse one over the open blocks j may continue plus "j opens a
paragraph" (a block opening with 的 must continue some open block, so a nearer paragraph start gives
way); a logistic combination of the two is the join probability. A pair's features: the word-LM gain across the join (a
word spanning the boundary: 开发|区管委会 gives 开发区), the dictionary's character
association, how often j's first one or two characters open a paragraph (的 or
和 almost never do, 当然 or 今天 often do) and how often the part of speech of its first word does (a place
or time word opens, a lone particle or measure word continues: `opening_class`), the part-of-speech
transition across the join by jieba's HMM (`pos_join`), distance and what lies between
(body text, titles, an article start), role and shape (a title-like line, a
photo caption, clause punctuation at either end), quote and bracket balance
(a quotation opened in i and closed in j), sentence lengths across the join and
the lexical overlap of the two blocks; the source's own shape (ending in ：,
in ）, in a closed quotation, a title) scores "no continuation". A join needs
the model's probability to reach the learned threshold. Fragments of a photo
caption printed in pieces keep the first hand-set score (`caption_score`): the
tuning split has few such captions to learn from; for a candidate outside the caption run the learned
model's probability stands when it is higher (a paragraph's short cut first line printed above a photo
is read into the run, and continues after the credit). A short paragraph set in two
narrow columns whose lines were read across (a1 b1 a2 b2 …) is put back in
column order when the language model reads that order better (`read_across`).
A middle piece of one paragraph printed glued after the start of the next (X1 | X3 | Y1+X2 | Y2) is cut
out and put back when the word LM reads the repaired order better by a margin (`find_splices`); a short
line as wide as the next block's column less the indent is a cut first line (`column_cut`).

Joins may cross the start of another article only on strong evidence (a learned
penalty). A block skipped over by a join is flagged `interleaved`, which
`segment` uses to recognise captions and stray fragments. An open block that finds no continuation is flagged
`open_end` (the article is `truncated` when it ends with it). Every candidate that came close (probability
`CLOSE` or more) and was not joined is logged as a `no_join` edit with its probability and why (below the
threshold, or its source or target went to a more probable join), so `layoutfix diff` explains a split too.
A title-like line is never joined across a byline (none of the 834 such pairs of the tuning split is a join),
nor, when no dictionary word spans the join, one that opens with a subheadline's dash (41 of 42 end their
paragraph there): `titles`.
A body block's join to a title-like line that ends no sentence, with no dictionary word across the join, stands only
when that line goes on to a later block (a short piece of the paragraph printed title-shaped between its other
pieces); otherwise the line is a heading, a section label or the next story's headline under a paragraph that stops
there, and the join is taken out of the assignment, which is made again without it, nor does that paragraph go on
past the line (`assign.needs_onward`, `choose_dropping`). A line ending on a colon is a lead-in, not this shape.
wjoin50's census of the model's joins at f3293d1 on the dev pages: 22 of the 23 joins so shaped were wrong; with the
rule the joins counted wrong fell by 19 and one right join was lost (join_tally, all dev sets together).
A block that is OCR debris (`segment.is_garbage`) is never joined: 1 of the 56 debris targets of the tuning
split continues an open block, so a close candidate whose target is debris (the model gives some debris 0.6
after a word-like join) is overruled and logged as a near miss; nor does a paragraph go on from debris (1 of the
444 open debris blocks of the synthetic tuning split and fresh seeds 2, 4, 5, 6, 12, 13 continues one): a debris
source's close candidates are logged as near misses that name the source, so no debris line opens a paragraph.
A block that stops inside a figure after Chinese text ('…已有3' | '00多家…') is joined to the next block or the one
after that goes on with the digits when they read as one number (a year of 2 or 4 digits, a month 1-12, a day 1-31;
no list number '1、' opens it): `blocks.cuts_figure`, 117 of 118 such joins right on the tuning pages. So is a block
that stops on a date's figure after Chinese text to the next block when that opens with its unit ('…1954' |
'年在…', a day's 日 or 号 opening no dictionary word; not from a title-like source: `blocks.cuts_date_unit`, rest48).
Three shapes of a sentence cut at a column break lift a pair the model scored below its threshold to the threshold
(`assign.cut_sentence`, title38): a block that stops mid-phrase and a block up to four on whose first sentence
closes within a few characters ('…一起创建了' | '根据地。…'; the pair scored 0.2 or more; a title-like source only
when it ends on a word a title seldom ends on, a particle, pronoun or adverb), and a title-like line opening with a
preposition and a verb and holding no later verb ('为扩大…', an adverbial clause no title of the tuning days leaves
without its main clause) over running text right under it that opens as the rest of a sentence; and (join48) a
title-like line over running text right under it that opens with a word almost never opening a paragraph (a lone
的, 了, 等: opening odds under -4; the pair scored 0.2 or more: 6 of 6 gold on the dev pages). A dateline cut before
its 电 or 讯 is segment's to put together (`roles.rejoin_cut_datelines`). A body source right over its continuation
is left to the model: no tag of its last word, nor how often its last character ends a sentence in the tuning gold,
told a cut from a paragraph's end (of such free pairs scored 0.3 or more, 98 of 227 gold on synthetic pages, 10 of 63
on real OCR, whose paragraphs lose their final mark). A pair two or more
blocks apart that the model scored 0.1 or more is lifted too (`assign.over_gap`, flow39) when only OCR debris lies
between (spaced scraps that read as no words closed up; not a separator of marks alone) and a dictionary word spans
the join, or when one photo group lies between (its title and caption, or one caption alone, then its credit right
above the target; no wall: a marked title, a dateline, a byline), or two or three whole body paragraphs (running text
ending its sentences, no wall) before a target that is no title-like line: a column's blocks OCR read out of order
('…每' | a whole paragraph | another | '一句…'; order47: of the pairs so lifted on real_ocr_tune and real-OCR fresh seeds
2 and 4, 3 of 4 are gold joins, on synthetic tune and fresh seeds 2 and 4 10 of 12; over one paragraph the test is a
coin flip, 24 of 48, and is not made). A pair the combined model scored 0.45 or more but under its threshold is
lifted too when the reverse model reads the target as this source's continuation: logit(p) + logit(P(source |
target)) reaches logit(threshold) (the combination weighs the forward model, which distance carries towards a nearer
block, twice the reverse one: `assign.reverse_supported`, rescue51; on the synthetic dev pages +48 gold joins, +12
wrong); its edit gives the reverse model's probability, it comes after every pair a text rule lifted, it never
crosses a separator line of marks alone or a wall (a cut sentence's rest across an article start is
`segment.rests`'), a title-like source needs a clause mark at its end (else it
may be a heading or a name over its text), and a join so lifted to a title-like line that ends
no sentence still stands only if that line goes on. A lifted pair gives way to a rival of either block
that the model scored higher, whatever that rival's score (`assign.unlift_outranked`, which also sees the pairs kept
out of the candidates for scoring under the floor; given back a score under the floor, the pair is not logged), and
its edit gives the model's own probability.
With an optional word-trigram context model configured (`Config.context_lm`; off by default), the scored pairs
are rescored before the assignment by a logistic stack of the model's probability and the context model's gain
across the join, and assigned at flow's own threshold read on the stack's scale at gain 0 (so a pair the context
model cannot read is decided as without it; a pair flow's own probability accepts is held at that threshold
unless the context model reads the join a nat or more worse, so a small loss undoes no join of flow's; pairs a rule
made are not rescored; `layoutfix.flowcontext`, interpreted and imported only then; weights in
`layoutfix/data/flow_context.json`); each join's edit gives that score and the gain. `middle_pieces` chooses among the rescored pairs at that threshold and re-scores the joined
paragraph with flow's own probability at flow's own threshold. The context model also reads the splices the word LM
cannot see, where no dictionary word spans a join (`find_context_splices`: the repaired reading's context gains
against the printed one's, by a margin; flow's own pair model cannot tell those readings apart).

The package, one concern per module (this module runs the stage and imports the names that callers outside
the package use, flowtrain, segment, benchmarks and tests; the rest are reached in their modules):
- `blocks`: what a block is to the stage (open source, target, article start, quote and sentence shape);
- `model`: the feature names, the learned weights (`JoinModel`) and the scored join (`Candidate`);
- `words`: the word LM and part-of-speech questions asked across a join, and the per-page score memo;
- `pairs`: the (open block, candidate) pairs with their features, and the pre-filter over them;
- `captions`: caption runs and the hand-set score of a caption fragment's join;
- `columns`: narrow columns read across; `splices`: a paragraph's piece printed inside the next one;
- `titles`: two shapes of a title-like source that end its paragraph whatever the model says (a byline
  between it and the candidate; a subheadline's dash opening it, with no word across the join);
- `assign`: join probabilities, the greedy assignment and the log of near misses.
"""
from __future__ import annotations

from bisect import bisect_right

from dataclasses import replace

from ...config import Config
from ...lm import load_lm
from ...model import Block, Edit, Page
from ...textutil import ends_with_closing_quote_only
from ..normalize import fix_punct_width, joined_wrap_spaces, shifted_origin
from .blocks import (  # noqa: F401
    is_title_like, STAGE, heads_article, barriers, is_source, is_target, first_unopened, unopened,
    head_unopened, opens_with_quoted_word, is_garbage_target, debris_kind, Shapes, shapes, page_shapes, closed_source,
)
from .model import (  # noqa: F401
    Candidate, PAIR_FEATURES, gain_text, SOURCE_FEATURES, TARGET_FEATURES, REVERSE_FEATURES, WEIGHTS_PATH, _QUOTE_MATCH,
    PRUNE_MARGIN, JoinModel, _dot, _logit, load_model, start_key,
)
from .words import (  # noqa: F401
    first_word, last_word, opening_class, pos_state, pos_join, starts_with_function_word, _word_steps,
    joined_score, remembered_scores,
)
from .pairs import _bigrams, Group, RevGroup, reverse_groups, candidates  # noqa: F401
from .columns import NARROW_RUN_MAX, narrow_runs, read_across  # noqa: F401
from .splices import Splice, _positions, find_splices, find_context_splices, apply_splices  # noqa: F401
from .assign import (  # noqa: F401
    _replaced, choose, choose_dropping, middle_pieces, reverse_probs, scored, CLOSE, rejected)


def flow(page: Page) -> Page:
    config = page.config or Config()
    lm = load_lm(config.lm_path)
    blocks = list(page.blocks)
    model = load_model()
    walls, kinds = page_shapes(blocks)  # what each block is to the passes, asked once
    scores = remembered_scores(lm)  # one memo of `lm.score` for the page's three passes
    splices = find_splices(blocks, lm, walls, scores=scores, kinds=kinds)
    if config.context_lm is not None:  # opt-in: the context model reads seams no dictionary word spans
        splices += _context_splices(blocks, walls, kinds, splices, config.context_lm)
    edits: list[Edit] = []
    spliced: list[Candidate] = []
    if splices:
        blocks, spliced, edits = apply_splices(blocks, splices)
        page = replace(page, blocks=tuple(blocks))
        walls, kinds = page_shapes(blocks)
    settled = spliced + read_across(blocks, lm, walls)  # joins decided before the scoring: splices, read-across
    near = scored(candidates(page, lm, config, model, walls, scores, PRUNE_MARGIN, kinds), model, page, lm, config,
                  CLOSE, scores)
    threshold = model.threshold
    if config.context_lm is not None:  # opt-in: the default run never reaches (or imports) the context model
        near, threshold = _with_context(near, blocks, config.context_lm, model.threshold)
    chosen, dropped = choose_dropping(near, threshold, settled)
    # the pairs the assignment took out (`needs_onward`) are not the middle pieces' to join either
    chosen.update(middle_pieces([c for c in near if (c.source, c.target) not in dropped], chosen, blocks, page, lm,
                                config, model, threshold, scores))
    targets = {c.target: c for c in chosen.values()}
    edits += rejected(near, chosen, blocks, threshold, dropped)
    merged: dict[int, Block] = {}
    interleaved: set[int] = set()
    for i, b in enumerate(blocks):
        if i in targets:
            continue  # appended to its chain head
        if i not in chosen:
            continue
        text, origin = b.text, list(b.origin or ((0, b.line),))
        cur = i
        while cur in chosen:
            c = chosen[cur]
            nxt = blocks[c.target]
            if c.distance > 1 or c.target - cur > 1:
                interleaved.update(k for k in range(cur + 1, c.target) if k not in targets or k == c.target)
            conf = c.score
            edits.append(Edit(STAGE, "join", "", "", nxt.line, round(conf, 3),
                              f"line {blocks[cur].line} continues at line {nxt.line}: " + (c.why or f"join probability {c.score:.2f} "
                              f"({gain_text(c.gain)}, {c.distance} block(s) on)"), f"…{text[-8:]}⏎{nxt.text[:8]}…"))
            offset = len(text)
            origin += [(offset + s, ln) for s, ln in (nxt.origin or ((0, nxt.line),))]
            text = text + nxt.text
            cur = c.target
        fixed, changes = fix_punct_width(text)  # a mark at a join may only now sit in Chinese context
        if changes:
            edits += _join_punct_edits(text, fixed, changes, origin, b.line)
        fixed, origin = _without_wrap_spaces(fixed, origin, edits)
        merged[i] = _replaced(b, text=fixed, origin=tuple(origin))
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if i in targets:
            continue
        nb = merged.get(i, b)
        flags = set(nb.flags)
        if i in interleaved:
            flags.add("interleaved")
        if (kinds.sources[i] if nb is b else is_source(nb)) \
                and not (nb.text[-1:] in "”’" and ends_with_closing_quote_only(nb.text)) \
                and not (nb is b and closed_source(blocks, i)):
            flags.add("open_end")
        if flags != set(nb.flags):
            nb = _replaced(nb, flags=frozenset(flags))
        out.append(nb)
    return replace(page, blocks=tuple(out), edits=page.with_edits(edits))


def _with_context(near: list[Candidate], blocks: list[Block], spec: str,
                  flow_threshold: float) -> tuple[list[Candidate], float]:
    """The scored pairs rescored with the configured context model, and the threshold that goes with that score
    (flow's own threshold read on the stack's scale at gain 0; `layoutfix.flowcontext`, interpreted: imported only
    when a context model is configured)."""
    from ...flowcontext import rescore
    return rescore(near, blocks, spec, flow_threshold)


def _context_splices(blocks: list[Block], walls: list[bool], kinds: Shapes, taken: list[Splice],
                     spec: str) -> list[Splice]:
    """`find_context_splices` with the configured context model's join gain (imported only when one is
    configured, as `_with_context`)."""
    from ...flowcontext import cached_context_lm
    return find_context_splices(blocks, walls, cached_context_lm(spec).continuation_gain, taken, kinds=kinds)


def _without_wrap_spaces(text: str, origin: list[tuple[int, int]],
                         edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """The joined paragraph without the wrap spaces its title-like pieces kept (`joined_wrap_spaces`), its origin
    shifted to match; one `space` edit per run of removed spaces, at its source line and with its offset (where it
    stood once the runs before it were gone), so `audit.undo` restores the joined text (review25a)."""
    new, removed = joined_wrap_spaces(text)
    if not removed:
        return text, origin
    starts = [s for s, _ in origin]
    runs: list[list[int]] = []
    for k in sorted(removed):
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    gone = 0
    step = []
    for ks in runs:
        step.append(Edit(STAGE, "space", text[ks[0]:ks[-1] + 1], "",
                         origin[max(0, bisect_right(starts, ks[0]) - 1)][1], 1.0,
                         "line-wrap space in a short piece joined to its paragraph removed",
                         text[max(0, ks[0] - 12):ks[-1] + 12], offset=ks[0] - gone))
        gone += len(ks)
    edits += step
    return new, list(shifted_origin(tuple(origin), step))


def _join_punct_edits(text: str, fixed: str, changes: list[tuple[str, str]], origin: list[tuple[int, int]],
                      line: int) -> list[Edit]:
    """One `punct` edit per mark a join turned full-width, at its source line and with its offset (review25a: one
    edit per line, with none, could not be undone), its context the mark's.

    A mark meets Chinese context at a join, so it was printed at the end of one block or the start of the next:
    the joined paragraph's first line would send a reviewer to the wrong place.
    """
    why = "punctuation at a join to full-width"
    if len(fixed) != len(text):  # (every turn is one mark for one: never met, kept as one edit to be safe)
        return [Edit(STAGE, "punct", "".join(a for a, _ in changes), "".join(c for _, c in changes), line, 1.0, why,
                     text[:30])]
    starts = [s for s, _ in origin]
    return [Edit(STAGE, "punct", text[k], fixed[k], origin[max(0, bisect_right(starts, k) - 1)][1], 1.0, why,
                 text[max(0, k - 15):k + 15], offset=k)
            for k, (x, y) in enumerate(zip(text, fixed)) if x != y]

