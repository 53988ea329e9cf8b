"""From scored pairs to joins: each pair's join probability (the forward and the reverse model combined,
the caption score, the hard rules), the greedy global assignment, and the `no_join` log of near misses.
"""
from __future__ import annotations

import math
from math import exp, log
from dataclasses import replace
from itertools import compress
from operator import mul
from typing import Callable, Final, Iterable, Sequence
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


from ...config import Config
from ... import patterns
from ...lm import WordLM
from ...model import CREDIT, TEXT, TITLE, Block, Edit, Page
from ...textutil import ends_open
from .blocks import (
    CUT_HEAD_REACH, DATE_UNIT_REACH, FIGURE_CUT_P, SHORT_HEAD_MIN_P, STAGE, _is_body, barriers, closed_source,
    cuts_date_unit, cuts_figure, debris_kind, is_title_like, page_shapes, short_first_sentence, stops_mid_phrase,
)
from .captions import CAPTION_MIN_SCORE, caption_prob, caption_score
from .model import (
    Candidate, JoinModel, gain_text, PAIR_FEATURES, PRUNE_MARGIN, SOURCE_FEATURES, TARGET_FEATURES, _FOREIGN, _GAIN,
    _QUOTE_MATCH, _SAME_CAPTION, _dot, _logit,
)
from .pairs import COMPILED, Group, candidates, nonzero_dot
from .titles import ACROSS_BYLINE, OVER_ITS_TEXT, POINTS, SUBHEAD, bylines_before, heads_its_text, is_points_line, opens_with_dash
from .words import Scores, ends_on_title_rare_word, opening_odds, opens_unfinished_clause, remembered_scores


def _replaced(b: Block, text: str | None = None, origin: tuple[tuple[int, int], ...] | None = None,
              flags: frozenset[str] | None = None) -> Block:
    """`dataclasses.replace(b, ...)` for a block's text, origin or flags, without its field-by-field introspection:
    the constructor called with every field (a block has no `__post_init__`; `flow` copies a block for every joined
    chain and every block it flags). Here, compiled, with the compiled `Block` (session 59): a native call."""
    return Block(b.id, b.text if text is None else text, b.line, b.role, b.marked, b.rows,
                 b.origin if origin is None else origin, b.flags if flags is None else flags)


def new_candidate(source: int, target: int, score: float, gain: float, distance: int, why: str = "",
                  excluded: str = "", onward: bool = False) -> Candidate:
    """`Candidate(source, target, score, gain, distance, why, excluded, onward)`: the same object, its fields set
    one by one as the frozen dataclass's `__init__` sets them (`object.__setattr__`), without that `__init__`:
    `model` is interpreted, so from this compiled module the `__init__` is a call through Python and a frame
    that looks up each name (`scored` makes a candidate of every pair that comes close). The fields are set as
    attributes, not written into the instance's `__dict__`: a `__dict__` asked for is made a plain dict, and every
    later attribute read (`choose`, `rejected`) is then slower (measured: +2 M instructions on 40 pages). A
    candidate has no `__post_init__` to run."""
    c = object.__new__(Candidate)
    put = object.__setattr__
    put(c, "source", source)
    put(c, "target", target)
    put(c, "score", score)
    put(c, "gain", gain)
    put(c, "distance", distance)
    put(c, "why", why)
    put(c, "excluded", excluded)
    put(c, "onward", onward)
    return c


def choose(cands: list[Candidate], threshold: float, fixed: Sequence[Candidate] = ()) -> dict[int, Candidate]:
    """Greedy global assignment: most probable pairs first, each block once as source and once as target
    (`fixed` joins are taken first). A join that would close a cycle is refused: every block of a cycle
    is some join's target, so no chain would start there and its text would be lost. A join marked `onward`
    (`needs_onward`) stands only when its target goes on (`choose_dropping`, which also says what it took out)."""
    return choose_dropping(cands, threshold, fixed)[0]


def choose_dropping(cands: list[Candidate], threshold: float,
                    fixed: Sequence[Candidate] = ()) -> tuple[dict[int, Candidate], dict[tuple[int, int], int]]:
    """`choose`'s assignment and the pairs it took out, each with the title-like target that took it out.

    A join marked `onward` (`needs_onward`: a body block over a title-like line that ends no sentence) stands only
    when its target goes on. While some such join's target does not, the most probable of them is taken out and
    the assignment made again without it: one pair a round, as a pair stuck now may stand once a higher one is gone
    (its target's continuation was that one's); the rounds end, each taking out a pair. With it go its source's
    candidates whose target lies past the title-like line: a paragraph that stops over a heading does not go on
    past it to a block farther on (review50a: 16 of the 18 such jumps on invented pages were wrong)."""
    dropped: dict[tuple[int, int], int] = {}
    taken: list[Candidate] = []
    while True:
        chosen = _greedy(cands, threshold, fixed)
        stuck = [c for c in chosen.values() if c.onward and c.target not in chosen]
        if not stuck:
            return _readmitted(chosen, taken, dropped), dropped
        first = min(stuck, key=lambda c: (-c.score, c.distance, c.source))
        taken.append(first)
        s, t = first.source, first.target
        gone = {(c.source, c.target) for c in cands
                if c.source == s and (c.target == t or c.target > t > s or c.target < t < s)}
        for pair in sorted(gone):
            dropped.setdefault(pair, t)
        cands = [c for c in cands if (c.source, c.target) not in gone]


def _readmitted(chosen: dict[int, Candidate], taken: list[Candidate],
                dropped: dict[tuple[int, int], int]) -> dict[int, Candidate]:
    """`chosen` with each taken-out pair put back whose target went on after all (a later round freed its
    continuation) while its source and target are still free: the rule's condition holds for it now. Its
    source's pairs taken out with it are then no longer the rule's (`dropped` forgets them)."""
    used = {c.target for c in chosen.values()}
    back = True
    while back:
        back = False
        for c in taken:
            if c.target in chosen and c.source not in chosen and c.target not in used and not _closes(chosen, c):
                chosen[c.source] = c
                used.add(c.target)
                for pair in [k for k, t in dropped.items() if k[0] == c.source and t == c.target]:
                    del dropped[pair]
                back = True
    return chosen


def _closes(chosen: dict[int, Candidate], c: Candidate) -> bool:
    """Whether joining `c` to the chains of `chosen` would close a cycle."""
    cur = c.target
    while cur in chosen:
        cur = chosen[cur].target
        if cur == c.source:
            return True
    return cur == c.source


def _greedy(cands: list[Candidate], threshold: float, fixed: Sequence[Candidate]) -> dict[int, Candidate]:
    """`choose`'s one pass: the greedy assignment of `cands` over `threshold` after the `fixed` joins."""
    chosen: dict[int, Candidate] = {}
    used_targets: set[int] = set()

    ranked = sorted((c for c in cands if c.score >= threshold and not c.excluded),
                    key=lambda c: (-c.score, c.distance))
    for c in list(fixed) + ranked:
        if c.source in chosen or c.target in used_targets or _closes(chosen, c):
            continue
        chosen[c.source] = c
        used_targets.add(c.target)
    return chosen


def _products_sum(w: list[float], xs: Iterable[float]) -> float:
    """`sum(map(mul, w, xs), 0.0)` to the last bit (Python 3.11's `sum` adds floats one by one from 0.0, as here),
    compiled: a loop over unboxed floats, not a boxed float per product (`reverse_probs`' source part, once per
    group)."""
    z = 0.0
    k = 0
    n = len(w)
    for x in xs:
        if k >= n:
            break
        z += w[k] * x
        k += 1
    return z


def _softmax_shares(zs: list[float], z0: float) -> list[float]:
    """`model._softmax(zs, z0)` to the last bit (the same maximum, the same terms added in the same order as
    Python 3.11's `sum` adds them), compiled: `scored` asks it of every source that `candidates` gave its scores,
    and the interpreted model's call, list and generator per source cost more than the arithmetic."""
    m = zs[0] if zs else z0
    for z in zs:  # (`max(zs + [z0])`: the first of equal maxima, z0 last)
        if z > m:
            m = z
    if z0 > m:
        m = z0
    es = [exp(z - m) for z in zs]
    tot = 0.0
    for e in es:
        tot += e
    tot += exp(z0 - m)
    return [e / tot for e in es]


def reverse_probs(groups: list[Group], model: JoinModel) -> dict[tuple[int, int], float]:
    """P(i | j) of the reverse model for every scored pair (empty when the model has none): `rprobs` over
    `reverse_groups`, without building them. A pair's score is its pair part added to its source part,
    which every pair of a group shares and is summed once per group: another order of addition than
    `rprobs`'s (the pair part first, then the source part's products one by one), so a score may differ in its
    last bits (the corpus output is the same, 323 pages; the spec holds them to 1e-12) while the source part's
    products are no longer added again for every pair (flow's instructions over 40 tune pages -0.7% pure,
    -0.8% compiled)."""
    if not model.combine[1]:
        return {}
    vec = model.rpair_vec
    n = len(PAIR_FEATURES)
    vp, vs = vec[:n], vec[n:]
    by: dict[int, tuple[list[int], list[float]]] = {}  # by target: its sources and their scores
    tg: dict[int, dict[str, float]] = {}
    for g in groups:
        # the source part, the same for every pair of the group, then each pair's part added to it
        # (`_dot(vp, f, start)`: only its non-zero features, `nonzero_dot`)
        sv = g.src.values() if tuple(g.src) == SOURCE_FEATURES else [g.src[k] for k in SOURCE_FEATURES]
        ssum = _products_sum(vs, sv) if COMPILED else sum(map(mul, vs, sv), 0.0)
        tgts = g.tgts or {}
        i = g.source
        for j, _, f in g.cands:
            # (`nonzero_dot`; the interpreter adds `_dot`'s products here, saved the call per pair)
            z = nonzero_dot(vp, f, ssum) if COMPILED else sum(map(mul, compress(vp, f), compress(f, f)), ssum)
            t = by.get(j)
            if t is None:
                t = by[j] = ([], [])
                tg[j] = tgts.get(j) or {}
            t[0].append(i)
            t[1].append(z)
    out: dict[tuple[int, int], float] = {}
    rvec = model.rnone_vec
    for j in sorted(by):
        srcs, zs = by[j]
        tgt = tg[j]
        if "n_srcs" not in tgt:  # (`candidates` counts every source that scored the target, pruned or not)
            tgt = dict(tgt)
            tgt["n_srcs"] = math.log1p(len(zs))
        # `model.rnone_z(tgt)`, compiled: its `_named_dot` here when the features stand in `TARGET_FEATURES` order,
        # as `candidates` builds them (the same products added in the same order, the zeros left out:
        # `nonzero_dot`), without a call into the interpreted model per target
        z0 = (model.rnone_bias + nonzero_dot(rvec, list(tgt.values())) if COMPILED and tuple(tgt) == TARGET_FEATURES
              else model.rnone_z(tgt))
        m = max(zs)
        if z0 > m:
            m = z0
        # (`math.exp` named in full: compiled, a native call; a local alias of it was a call through Python per
        # pair and target)
        es = [math.exp(z - m) for z in zs]
        tot = sum(es) + math.exp(z0 - m)
        for i, e in zip(srcs, es):
            out[(i, j)] = e / tot
    return out


DATE_UNIT: Final = "the date's figure that ends the source has its unit at the start of this block"
# a debris source (spaced scraps, a line of OCR garbage) goes on in no later block: of the 444 open blocks
# `segment.is_garbage` calls debris on the synthetic tuning split and fresh seeds 2, 4, 5, 6, 12 and 13, one
# continues a paragraph (a line cut after '、 ' with a wrap space), and flow had joined two such sources
# (both wrong: the debris went into a paragraph)
DEBRIS_SOURCE: Final = "a paragraph goes on from no OCR debris (1 debris source in 444 on the tuning pages continues)"
_ENDS_QUOTED: Final = "its source ends with a closed quotation, which ends a paragraph 9 times in 10"
_ENDS_LEAD_IN: Final = "its source is a lead-in ending with a colon, which ends its paragraph"


def scored(groups: list[Group], model: JoinModel, page: Page | None = None, lm: WordLM | None = None,
           config: Config | None = None, floor: float = 0.0, scores: Scores | None = None) -> list[Candidate]:
    """Every candidate with its join probability (only those reaching `floor`: `choose` never takes
    one below its threshold)."""
    out: list[Candidate] = []
    blocks = list(page.blocks) if page is not None else []
    rev = reverse_probs(groups, model)
    debris_of: dict[int, str] = {}  # what block k is when it is debris ('' when it is not), asked once per page
    walls_of: list[list[bool]] = []  # (`page_walls`: asked only when a photo group is)
    lift_of: dict[int, float] = {}  # lifted pairs (`cut_sentence`, `over_gap`): index in `out` -> the model's own p
    low: list[tuple[int, int, float]] = []  # (source, target, p) of the pairs under `floor` no rule excludes: rivals too
    lm_score = (scores or remembered_scores(lm))[1] if lm is not None else None

    def block_debris(k: int) -> str:
        """'marks alone' or 'OCR debris' when block `k` is no text a paragraph holds, else '' (asked only of the
        few pairs that come close: the test segments the text)."""
        v = debris_of.get(k)
        if v is None:
            v = debris_of[k] = debris_kind(blocks[k].text, lm) if blocks else ""
        return v

    def page_walls() -> list[bool]:
        """The page's walls (`blocks.barriers`: article starts, the titles over them, closing bylines), found once
        when a photo group is first asked."""
        if not walls_of:
            walls_of.append(barriers(blocks))
        return walls_of[0]

    def debris(i: int, j: int) -> str:
        """Why the pair (i, j) may not be joined for debris, or '': OCR debris (`segment.is_garbage`) continues no
        paragraph (1 of the 56 debris targets of the tuning split does), nor does a block of marks alone ('，',
        '＊＊＊': joined, two of them made '，，', which normalize halves on a second pass); and a paragraph goes on
        from no debris line either (`DEBRIS_SOURCE`), so the pair is scored and logged but never joined."""
        t = block_debris(j)
        if t:
            return f"its target is {t}"
        s = block_debris(i)
        return f"its source is {s}: {DEBRIS_SOURCE}" if s else ""

    def parted(i: int, j: int) -> bool:
        """Whether a separator line of marks alone ('＊＊＊', a rule, '……') or a wall (`page_walls`: an article
        start, the titles over it, a closing byline) lies between blocks `i` and `j`: a reverse-supported lift
        crosses neither (as `over_gap` does not). A separator parts stories as often as not (no lift on the dev pages
        crossed one); across a wall the rest of a cut sentence is `segment.rests`' to bring back, on the words the
        two articles share, not on the models' scores alone (refusing walls cost 3 right lifts and 1 wrong one on
        the dev pages)."""
        return any(block_debris(k) == "marks alone" for k in range(i + 1, j)) or any(page_walls()[i + 1:j])

    ca, cb, cc = model.combine
    threshold = model.threshold  # (an attribute of the interpreted, frozen model: read once, not per pair)
    bylines: list[int] = []  # (`titles.bylines_before`, once per page when a title-like source is asked)
    for g in groups:
        if not g.cands:
            continue
        closed = closed_source(blocks, g.source) if blocks else ""  # (asked of a source with candidates only)
        if g.src["a_caption"] and blocks and lm is not None and config is not None:
            a = blocks[g.source]
            after = g.source > 0 and _is_body(blocks[g.source - 1])
            pfs = model.probs(g.src, [c[2] for c in g.cands])
            for (j, d, f), pf in zip(g.cands, pfs):
                sc, gain = caption_score(lm, a, blocks[j], d, config, bool(f[_SAME_CAPTION]), after_body=after,
                                         in_caption=True, lm_score=lm_score)
                sc -= 3.0 * f[_FOREIGN]
                p = caption_prob(sc) if sc >= CAPTION_MIN_SCORE else 0.0
                p = max(p, model.threshold) if p else 0.0
                if not f[_SAME_CAPTION] and not f[_FOREIGN]:
                    # a block outside the caption: the source may be a paragraph's cut first line printed
                    # above the photo (it is short and open, so it was read into the caption run), and the
                    # learned model has seen that shape (of the open blocks the tuning pages read into a caption
                    # run, 11 continue after the run, 2 inside it): the more probable of the two scores stands
                    pm = model.joint(pf, rev.get((g.source, j), 0.0)) if rev else pf
                    p = pm if pm > p else p
                if p >= floor:
                    out.append(new_candidate(g.source, j, p, gain, d, excluded=closed or debris(g.source, j)))
                elif not closed:
                    low.append((g.source, j, p))
            continue
        i = g.source
        quote_only, colon = g.src["a_quote_only"], g.src["a_colon"]
        titled = bool(g.src["a_title"]) and bool(blocks)  # (`titles`' two rules: asked of a title-like source)
        dash = points = False
        if titled:
            if not bylines:
                bylines = bylines_before(blocks)
            dash = opens_with_dash(blocks[i].text)
            points = is_points_line(blocks[i].text)
        pairs = [c[2] for c in g.cands] if g.z is None else []  # (`probs` reads the features only without g.z)
        pfs = (_softmax_shares(g.z, g.z0) if COMPILED and g.z is not None and g.z0 is not None
               else model.probs(g.src, pairs, g.z, g.z0))
        for (j, d, f), pf in zip(g.cands, pfs):
            pr = 0.0
            if not rev:
                p = pf
            else:  # `model.joint(pf, pr)` written out (`rev` holds pairs only when the reverse weight cb is not 0)
                pr = rev.get((i, j), 0.0)
                pf = 1e-6 if pf < 1e-6 else 1 - 1e-6 if pf > 1 - 1e-6 else pf  # (`_logit`'s clip)
                pr = 1e-6 if pr < 1e-6 else 1 - 1e-6 if pr > 1 - 1e-6 else pr
                p = 1 / (1 + exp(-(ca * log(pf / (1 - pf)) + cb * log(pr / (1 - pr)) + cc)))
            why = ""
            if f[_QUOTE_MATCH] and d == 1:
                p = max(p, 0.999)  # a quotation opened in one block and closed in the next: balance decides
            elif quote_only and f[_GAIN] <= 1.0:
                # '…增强“四个意识”' closes its quotation: it ends a paragraph 9 times in 10 (tune split). Never joined
                # (halved, it reaches no threshold above 0.5, as every learned one has been), and a near miss's log
                # says why rather than 'below the threshold'
                p *= 0.5
                why = _ENDS_QUOTED
            elif colon:
                p *= 0.5  # a lead-in ('有以下几项：') ends its paragraph: 183 of 184 times on the tuning splits
                why = _ENDS_LEAD_IN
            elif titled:  # (`titles.title_source_rule` written out: a byline between, a subheadline's dash, points)
                if bylines[j] != bylines[i + 1]:
                    why = ACROSS_BYLINE
                elif dash and f[_GAIN] <= 1.0:
                    why = SUBHEAD
                elif points:
                    why = POINTS
                elif f[_GAIN] <= 1.0 and heads_its_text(blocks[i].text, blocks[j].text):
                    why = OVER_ITS_TEXT
            made = ""
            rescued = False
            if not why and d <= 2 and blocks and cuts_figure(blocks[i].text, blocks[j].text):
                # digits at the break that read on as one number: a join whatever the words around say
                p = max(p, FIGURE_CUT_P)
                made = (f"join probability {p:.2f}: the figure cut at the break reads on as one number "
                        f"({d} block(s) on)")
            elif not why and d <= DATE_UNIT_REACH and not titled and blocks and lm is not None \
                    and cuts_date_unit(blocks[i].text, blocks[j].text, lm):
                # a date's figure left hanging, its unit opening the block: the same
                p = max(p, FIGURE_CUT_P)
                made = f"join probability {p:.2f}: {DATE_UNIT} ({d} block(s) on)"
            elif not why and p < threshold and blocks and lm is not None:
                made = (cut_sentence(blocks, i, j, p, d, titled, lm, model)
                        or over_gap(blocks, i, j, p, d, titled, model, block_debris, lm, page_walls, f[_GAIN]))
                rescued = not made and reverse_supported(threshold, p, pr) and not parted(i, j) \
                    and (not titled or shows_cut(blocks[i].text))
                if rescued:
                    made = reverse_reason(model, p, pr, d)
                if made:
                    lift_of[len(out)] = p
                    p = lifted(threshold, p, d, RESCUE_ORDER if rescued else LIFT_ORDER)
            if p >= floor:
                # (a rescued pair is the models' own reading, so a join to a title-like line that ends no sentence
                # stands only if that line goes on, as the model's own joins: `needs_onward`)
                out.append(new_candidate(g.source, j, p, f[_GAIN], d, made, excluded=closed or why or debris(i, j),
                                     onward=not (titled or (made and not rescued) or why or f[_QUOTE_MATCH])
                                     and bool(blocks) and needs_onward(blocks[i].text, blocks[j].text, f[_GAIN])))
            elif not (closed or why):
                low.append((i, j, p))
    return unlift_outranked(out, lift_of, floor, low, debris) if lift_of else out


def unlift_outranked(cands: list[Candidate], lift_of: dict[int, float], floor: float = 0.0,
                     low: Sequence[tuple[int, int, float]] = (),
                     debris: Callable[[int, int], str] | None = None) -> list[Candidate]:
    """`cands` with each lifted pair (`lift_of`: its index and the model's own probability) given back its own
    score when a rival of its source or of its target that may be joined scored higher: the lift says the model
    underrates a cut sentence, not that the pair beats a reading the model itself prefers (review38a: '…一起创建了'
    lifted onto another story's '“是的。”' while its own continuation two blocks on scored higher, both under the
    threshold). The rivals are every unlifted pair of `cands` no rule excludes and the pairs `scored` kept out of
    them for scoring under `floor` (`low`: source, target, p; those a rule excludes left out, and one whose other
    block is debris, `debris`, asked only of a rival that would win), so a rival scored between the lifted pair's
    own p and the floor still wins (review40a). A pair given back a score under `floor` is dropped, as `scored`
    drops every pair under it (its log would name a near miss the model never came near)."""
    best_src: dict[int, float] = {}
    best_tgt: dict[int, float] = {}
    for k, c in enumerate(cands):
        if k not in lift_of and not c.excluded:
            best_src[c.source] = max(best_src.get(c.source, 0.0), c.score)
            best_tgt[c.target] = max(best_tgt.get(c.target, 0.0), c.score)
    if low:
        beat_src: dict[int, float] = {}  # a lifted pair's source -> the least own p a rival of it must beat
        beat_tgt: dict[int, float] = {}
        for k, p0 in lift_of.items():
            c = cands[k]
            beat_src[c.source] = min(beat_src.get(c.source, 1.0), p0)
            beat_tgt[c.target] = min(beat_tgt.get(c.target, 1.0), p0)
        for i, j, p in low:
            if (p > beat_src.get(i, 1.0) or p > beat_tgt.get(j, 1.0)) and not (debris is not None and debris(i, j)):
                best_src[i] = max(best_src.get(i, 0.0), p)
                best_tgt[j] = max(best_tgt.get(j, 0.0), p)
    out: list[Candidate | None] = list(cands)
    for k, p0 in lift_of.items():
        c = cands[k]
        if best_src.get(c.source, 0.0) > p0 or best_tgt.get(c.target, 0.0) > p0:
            out[k] = new_candidate(c.source, c.target, p0, c.gain, c.distance, "", excluded=c.excluded) \
                if p0 >= floor \
                else None
    return [c for c in out if c is not None]


CUT_HEAD: Final = "the next block's first sentence closes within its first few characters: the rest of this one's"
CUT_CLAUSE: Final = ("a title-like line opening with a preposition and a verb wants its main clause, and the next block "
              "opens as the rest of a sentence")


# A title-like line right over running text that opens with a word the opening table says almost never opens a
# paragraph (`words.opening_odds` under `CUT_TITLE_ODDS`, e^-4: a lone 的, 了, 等, 里, 位 first) is a paragraph's cut
# first line ('…首先对某某' | '的来访表示欢迎。…'), when the model scored the pair `CUT_TITLE_MIN_P` or more (join48). Of the
# adjacent pairs so shaped that flow left apart with both blocks free, on the synthetic tuning split, fresh seeds 2, 4,
# 5, 6, real_ocr_tune and real-OCR fresh seeds 2 and 4: 6 gold joins of 6 (p 0.215-0.413); under 0.2, 2 wrong of 2
# (0.158: a name line over another story's '等…'; 0.110 on real OCR). A body source before such a block is the model's
# own (none was left apart at 0.2 or more), and a body source's last word does not tell a cut from an end: of the free
# adjacent pairs left apart at 0.3 or more after a body source stopping on a Han character, 98 of 227 are gold joins on
# the synthetic dev pages, 10 of 63 on real OCR (paragraphs whose final mark OCR dropped), whatever the last word's tag
# or how often its last character ends a sentence in the tuning gold
CUT_TITLE_ODDS: Final = -4.0
CUT_TITLE_MIN_P: Final = 0.2
CUT_TITLE: Final = ("a title-like line over text that opens with a word that almost never opens a paragraph is the "
                    "paragraph's cut first line")


# A pair the combined model scored a little under its threshold whose target the reverse model reads as this source's
# continuation: the combination weighs the forward model (which distance carries to a nearer block) 0.68 and the
# reverse one 0.33, so a reverse P(source | target) of 0.8 adds only 0.46 to the pair's log-odds. The pair is lifted
# when logit(p) + `RESCUE_WEIGHT` x logit(P(source | target)) reaches logit(threshold) and p is `RESCUE_MIN_P` or more
# (joint50's prototype, rescue51). join_tally on the synthetic tuning split and fresh seeds 2, 4, 5, 6: +48 gold joins
# hit, +12 wrong; real_ocr_tune and real-OCR fresh seeds 2 and 4: +5, +2 (the wrong ones: mostly a source whose own
# continuation lies farther on, or none). A floor of 0.2 adds 2 right and 3 wrong joins on the synthetic pages, 1 and 2
# on real OCR; a reverse weight of 1.5 or 2 about one wrong join per right one. Beyond a title-like source's sign of a
# cut (`shows_cut`) no shape of the text told the wrong lifts from the right ones (the target's opening odds, the
# distance: alike). A likelier rival of either block still comes first (`unlift_outranked`), and so does every pair a
# text rule lifted (`RESCUE_ORDER`); a separator line or a wall between is never crossed (`scored`'s `parted`)
RESCUE_MIN_P: Final = 0.45
RESCUE_WEIGHT: Final = 1.0
REVERSE_SUPPORT: Final = "the reverse model reads this block as the source's continuation"


def reverse_supported(threshold: float, p: float, pr: float) -> bool:
    """Whether a pair the combined model scored `p`, under `threshold`, is lifted on the reverse model's `pr`
    (P(source | target)): p is `RESCUE_MIN_P` or more and logit(p) + `RESCUE_WEIGHT` logit(pr) reaches
    logit(threshold): the reverse model's reading that the target continues this source makes up what the combined
    score lacks (a block or more on, against a nearer rival the forward model prefers; next to the source, near the
    threshold, a reverse probability a little over 0.5 is enough)."""
    return RESCUE_MIN_P <= p < threshold and _logit(p) + RESCUE_WEIGHT * _logit(pr) >= _logit(threshold)


def shows_cut(a: str) -> bool:
    """Whether a title-like source `a` shows that a break cut it (a reverse-supported lift needs that of one): it ends
    on a clause mark ('…应采取必要措施，'). A title-like line stopping on a word may be a heading or a name over its
    text ('加快某某改造' over '某部门表示…', a bulleted author's name over an essay), which the models, reading no
    heading shape, join; a dictionary word across the join is no sign here (a name's last character and the text's
    first may make a place name). Of the 11 title-like sources lifted on the dev pages without this test, the 3 wrong
    ones stop on a word, and 5 of the 8 right ones."""
    return a.rstrip()[-1:] in _CUT_END


def reverse_reason(model: JoinModel, p: float, pr: float, d: int) -> str:
    """A reverse-supported join's reason (`reverse_supported`): the lift, and the reverse model's probability."""
    return f"{lift_reason(model, p)}: {REVERSE_SUPPORT} (reverse {pr:.3f}; {d} block(s) on)"


# a lifted pair's score is the threshold and this share of the model's own probability over the distance: among
# lifted pairs the nearer and likelier comes first ('…参加了' | '会见。' one block on, not an open block four above)
LIFT_ORDER: Final = 1e-3


# a reverse-supported pair's share (`reverse_supported`): so small that every pair a text rule lifted comes first (a
# rule reads the text at the break, the rescue only the models' own scores: '…意图牵制' | '美元如此坚挺，…' rescued one
# block on, while the cut sentence's rest two blocks on, '美元升值。…', had `cut_sentence`'s lift)
RESCUE_ORDER: Final = 1e-7


def lifted(threshold: float, p: float, d: int, share: float = LIFT_ORDER) -> float:
    """The score of a pair `cut_sentence` or `over_gap` lifts: the threshold, plus `LIFT_ORDER` of the model's
    probability `p` over the distance `d`, so that among lifted pairs the nearer and likelier is chosen first, and a
    pair the model itself scored above the threshold by more than `share` * p / d (at most 0.001 for `LIFT_ORDER`)
    still comes before them; one scored closer to the threshold than that may come after a lifted pair (`share`:
    `RESCUE_ORDER` for a reverse-supported pair, which comes after the text rules' lifts)."""
    return threshold + share * p / d


def lift_reason(model: JoinModel, p: float) -> str:
    """The opening of a lifted join's reason: the score it is given and the model's own probability, to three
    decimals (a pair the model scored 0.586 must not read as the threshold's 0.59: review40b; `rejected` reads a
    reason's probability as the part before its first ': ')."""
    return f"join probability {model.threshold:.2f} (the model's {p:.3f}, lifted to its threshold)"


def cut_sentence(blocks: list[Block], i: int, j: int, p: float, d: int, titled: bool, lm: WordLM,
                 model: JoinModel) -> str:
    """Why open block `i` continues in block `j`, `d` blocks on, though the join model scored the pair below its
    threshold ('' when nothing says so): `i` stops mid-phrase and `j`, at most `CUT_HEAD_REACH` blocks on, has a
    first sentence that closes within a few characters (`blocks.short_first_sentence`; the pair scored
    `SHORT_HEAD_MIN_P` or more: a column's other pieces may be printed between), a title-like `i` on a word
    a title seldom ends on (`words.ends_on_title_rare_word`: one that ends on a noun or a verb may be a title over a
    stray piece of another paragraph, '某某信报箱群' over '管之责任。…'), or `i` is a title-like
    line opening with a preposition and a verb (`words.opens_unfinished_clause`) and `j`, the next block, running
    text, opens as the rest of a sentence (`words.opening_odds` below 0), or `i` is a title-like line and `j`, the
    next block, running text the model scored `CUT_TITLE_MIN_P` or more as its continuation, opens with a word that
    almost never opens a paragraph (`CUT_TITLE_ODDS`). The join is then given the threshold (and
    `LIFT_ORDER` of its own score over the distance), so a likelier rival of either block still comes first."""
    a, b = blocks[i].text, blocks[j].text
    if p >= SHORT_HEAD_MIN_P and d <= CUT_HEAD_REACH and stops_mid_phrase(a) and short_first_sentence(b) \
            and (not titled or ends_on_title_rare_word(lm, a)):
        return f"{lift_reason(model, p)}: {CUT_HEAD} ({d} block(s) on)"
    if d == 1 and titled and not is_title_like(b) and opens_unfinished_clause(lm, a.strip()) \
            and opening_odds(lm, model.opening, model.start2_of(b), b) < 0.0:
        return f"{lift_reason(model, p)}: {CUT_CLAUSE}"
    if d == 1 and titled and p >= CUT_TITLE_MIN_P and not is_title_like(b) \
            and opening_odds(lm, model.opening, model.start2_of(b), b) < CUT_TITLE_ODDS:
        return f"{lift_reason(model, p)}: {CUT_TITLE}"
    return ""


# a pair with nothing between but OCR debris (lines of spaced scraps that read as no words even closed up), or one
# whole photo group (a caption, its title, its credit right above the pair's target): the model reads the distance and
# the lines passed over as another story's pieces, but neither is text a paragraph is cut by. On the synthetic tuning
# split and fresh seeds 2, 4, 5, 6, 12, of the free pairs the model scored 0.1 or more under its threshold with a body
# source, the 28 over debris and the 16 over a photo group were all gold joins. Over debris the text gives no sign
# that tells such a pair from a paragraph cut at a page's end over debris and another story's untitled body (review39a:
# the target's opening odds, the model's score and the source's tail were alike for both), so debris is crossed only
# where a dictionary word spans the join (a cut word: no story opens inside a word), 3 of the 23 gold joins over debris
# on those pages. Separator lines (marks alone: '＊＊＊', a rule, '……'), walls (a marked title, a dateline, a byline)
# and page furniture are never crossed: they part stories as often as not; refusing walls and a group with no caption
# text cost 6 of the gold joins over a photo group
GAP_MIN_P: Final = 0.1
# the word-model gain over which the join reads better than the break: the gain is a difference of two path costs, so
# a join no word spans can come out at +-1e-14 (review39b: '继续加大' | '村民们说' at +3.6e-15)
SPAN_GAIN: Final = 1e-6
OVER_DEBRIS: Final = ("only OCR debris lies between the two blocks, and a word cut at the break reads on across it: a "
               "paragraph passes over debris at no distance")
OVER_PHOTO: Final = "only a photo group (its title, caption and credit) lies between the two blocks, printed inside the column"
# a pair with two or three whole body paragraphs between (each running text that ends its sentences: no title, no
# wall, no open piece), the source's best candidate and the target's best source: OCR read a column's blocks out of
# order ('…每' | a whole paragraph | '一句…'). The model's distance and body-gap features take so much off such a pair
# that one it still scores 0.1 or more is mostly a continuation: on real_ocr_tune and real-OCR fresh seeds 2 and 4,
# 3 of the 4 such pairs are gold joins, on the synthetic tuning split and fresh seeds 2 and 4 10 of 12 (the wrong ones:
# a source whose gold continuation is a block farther on). Across ONE whole paragraph the same test is a coin flip
# (real-OCR 3 of 6, synthetic 21 of 42: a paragraph whose last mark OCR dropped, or a source whose continuation is
# the paragraph between), so one is never crossed. The same happens over two (review47a): of 167 People's Daily
# tuning-day articles, each with one paragraph's final 。 removed at random, 3 get such a lift and all 3 are wrong (the
# paragraph that lost its mark joined to one two blocks on that opens like a continuation: 会见时，…); with no mark
# removed, none. No cheap test separated them (no word spans any of these joins; opening odds would drop 5 of the 13
# right lifts on the dev pages and keep half the wrong ones)
PARAS_BETWEEN: Final = (2, 3)
OVER_PARAGRAPHS: Final = ("only whole body paragraphs lie between the two blocks, which OCR read out of the column's "
                          "order; the paragraph goes on after them")


def over_gap(blocks: list[Block], i: int, j: int, p: float, d: int, titled: bool, model: JoinModel,
             block_debris: Callable[[int], str], lm: WordLM, walls: Callable[[], list[bool]], gain: float) -> str:
    """Why open block `i` continues in block `j`, `d` (2 or more) blocks on, though the model scored the pair `p`,
    below its threshold ('' when nothing says so): every block between is OCR debris (`scraps_between`) and a
    dictionary word spans the join (`gain`, the pair's word-model gain, above `SPAN_GAIN`), or the blocks between are
    one photo group printed inside the column (`photo_group`) and none of them is a wall (`walls`: an article start,
    its titles, a closing byline), which the model's distance and gap features count as the pieces of other
    stories, or the blocks between are two or three whole body paragraphs (`whole_paragraphs`, none a wall) and `j`
    is no title-like line: a column's blocks OCR read out of order. The pair is lifted to the threshold as
    `cut_sentence`'s are (a likelier rival of either block wins).
    Not for a title-like source: a subhead over debris and its paragraph is a heading."""
    if d < 2 or p < GAP_MIN_P or titled:
        return ""
    if gain > SPAN_GAIN and scraps_between(blocks, i, j, block_debris, lm):
        return f"{lift_reason(model, p)}: {OVER_DEBRIS} ({d - 1} line(s) of OCR debris; {d} block(s) on)"
    if photo_group(blocks[i + 1:j]) and not any(walls()[i + 1:j]):
        return f"{lift_reason(model, p)}: {OVER_PHOTO} ({d} block(s) on)"
    if whole_paragraphs(blocks[i + 1:j]) and not any(walls()[i + 1:j]) and not is_title_like(blocks[j].text):
        return f"{lift_reason(model, p)}: {OVER_PARAGRAPHS} ({j - i - 1} paragraphs between; {d} block(s) on)"
    return ""


def whole_paragraphs(between: list[Block]) -> bool:
    """Whether `between` is two or three whole body paragraphs (`PARAS_BETWEEN`): each running text (not title-like)
    that ends its last sentence, so none of them is a piece of a cut paragraph or a heading; with one paragraph
    between, a source left open is as often a paragraph that lost its last mark as one read out of order."""
    lo, hi = PARAS_BETWEEN
    return lo <= len(between) <= hi and all(
        b.role == TEXT and not ends_open(b.text) and not is_title_like(b.text) for b in between)


def scraps_between(blocks: list[Block], i: int, j: int, block_debris: Callable[[int], str], lm: WordLM) -> bool:
    """Whether every block between `i` and `j` is OCR debris (`segment.is_garbage`: spaced scraps that make no
    words) that still reads as none once its spaces are gone: a line of marks alone is a separator ('＊＊＊', a rule,
    an omission line), which parts stories, and a short heading or byline printed spaced out ('相 关 链 接', '文 图 某
    某') reads as words or names when closed up."""
    return all(block_debris(k) == "OCR debris" and not reads_closed_up(blocks[k].text, lm) for k in range(i + 1, j))


def reads_closed_up(text: str, lm: WordLM) -> bool:
    """Whether a spaced line reads as words once its spaces are removed: dictionary words cover half of it or more
    (segment's `GARBAGE_COVERAGE`, the share under which it calls spaced scraps debris), or it is names glued
    together (`patterns.glued_names`, as segment's `unspaced_text` reads a byline's names)."""
    from ..segment.words import GARBAGE_COVERAGE  # segment imports flow: import at call time (as is_garbage_target)
    t = "".join(text.split())
    return lm.word_coverage(t) >= GARBAGE_COVERAGE or patterns.glued_names(t)


def photo_group(between: list[Block]) -> bool:
    """Whether `between` is one photo group as a page prints it inside a column: its title (a title-like line ending on
    no clause mark) then closed caption text, or one closed caption alone, and its credit last, with caption text (a
    block of text not title-like) before the credit: a title over a credit alone may be the next story's headline over
    its photo, and a closed block over an untitled caption is another story's paragraph; no byline (a byline opens an
    article), no open text (a piece of another paragraph), and nothing before a title (a title-shaped piece of the
    paragraph over a photo's '## 图片新闻' is no part of the group). The walls among the blocks (a marked title, a
    dateline) are `over_gap`'s to refuse: they need the page."""
    if len(between) < 2 or between[-1].role != CREDIT:
        return False
    first = between[0]
    if not any(b.role == TEXT and not is_title_like(b.text) for b in between[:-1]):
        return False
    titled = photo_title(first.text)
    return (first.role in (TEXT, TITLE) and (not ends_open(first.text) or titled)
            and (titled or len(between) == 2)
            and all(b.role == TEXT and not ends_open(b.text) for b in between[1:-1]))


def photo_title(text: str) -> bool:
    """A line that may be a picture's title: title-like and ending on no clause mark (a long open line with no clause
    mark inside but a comma at its end reads as title-like, and is a piece of another paragraph)."""
    return is_title_like(text) and text[-1:] not in _CUT_END


# the last character of a line cut inside a clause, never of a picture's title
_CUT_END: Final = frozenset("，、：；,;:")


# A body block joined to a title-like line that ends no sentence, with no dictionary word across the join ('…完成年' |
# '书评', '…三是' | '菜篮子工程建设大事记', '…坚定不移地' | '稳定和加强农业'), is a paragraph that stops there (a cut
# whose rest lies elsewhere, or one whose final mark OCR lost) over a heading, a section label or the next story's
# headline, unless the line goes on itself (a short piece of the paragraph printed title-shaped between its other
# pieces: '…达利' | '的《达利的秘密生活》和《一' | …): a joined paragraph does not end on an unmarked title line (a
# lead-in ending on a colon, '…县委书记王某' | '表示：', is a paragraph's end by flow's own rule and is left to the
# model). Census at f3293d1 on the synthetic tuning split, fresh seeds 2, 4, 5, 6, real_ocr_tune and real-OCR fresh
# seeds 2 and 4 (the model's own joins of a body source): 22 of the 23 joins so shaped whose target went on nowhere
# were wrong (to the next story's headline, a section label, a subheading, a table's header row), the one right one a
# real-OCR page whose gold paragraph itself stops unmarked on such a line. Measured after the rule (join_tally, the
# same sets): 19 fewer wrong joins, 1 right join lost (a source may take another wrong join once its first is out).
# A title-like target ending on ！, ？ or …… is left to the model (6 right, 7 wrong)
_LEAD_IN_MARKS: Final = ("：", ":")  # a line ending so is a lead-in (`needs_onward`)
UNFINISHED_TITLE: Final = ("its target is a title-like line that ends no sentence and goes on nowhere, and no word "
                           "spans the join: a paragraph does not end on a heading")
PAST_TITLE: Final = ("its source stops over the title-like line {line}, which goes on nowhere: a paragraph does not "
                     "jump a heading")


def needs_onward(a: str, b: str, gain: float) -> bool:
    """Whether the join of body block `a` to block `b` (no rule made it) stands only if `b` goes on: `b` is a
    title-like line that ends no sentence (`ends_open`) and no dictionary word spans the join (`gain`, the pair's
    word-model gain, not above `SPAN_GAIN`). `choose` takes such a join out when `b` is joined to nothing after it.
    A line ending on a colon is not this shape: it is the paragraph's lead-in ('…县委书记王某' | '表示：'), which ends
    its paragraph by flow's own rule (`_ENDS_LEAD_IN`), so it never goes on and the join must stand without that."""
    return gain <= SPAN_GAIN and is_title_like(b) and ends_open(b) and not b.rstrip().endswith(_LEAD_IN_MARKS) \
        and not is_title_like(a)


CLOSE: Final = 0.25  # a candidate this probable that is not joined is logged (`no_join`) with its score


def rejected(near: list[Candidate], chosen: dict[int, Candidate], blocks: list[Block],
             threshold: float, dropped: dict[tuple[int, int], int] | None = None) -> list[Edit]:
    """A `no_join` edit (no text change) for every candidate that came close and was not joined, saying why
    (`dropped`: the pairs `choose_dropping` took out, each with the title-like target that took it out)."""
    gone = dropped or {}
    by_target = {c.target: c for c in chosen.values()}
    out: list[Edit] = []
    for c in sorted(near, key=lambda c: (blocks[c.target].line, -c.score)):
        if chosen.get(c.source) == c:
            continue
        a, b = blocks[c.source], blocks[c.target]
        other, taker = chosen.get(c.source), by_target.get(c.target)
        if c.excluded:
            why = c.excluded
        elif c.score < threshold:
            why = f"below the threshold {threshold:.2f}"
        elif (c.source, c.target) in gone:
            t = gone[(c.source, c.target)]
            why = UNFINISHED_TITLE if t == c.target else PAST_TITLE.format(line=blocks[t].line)
        elif other is not None:
            why = f"line {a.line} continues at line {blocks[other.target].line} instead ({other.score:.2f})"
        elif taker is not None:
            why = f"line {b.line} continues line {blocks[taker.source].line} instead ({taker.score:.2f})"
        else:
            why = "the join would close a cycle"
        # a `why` opens with the pair's probability (a lifted pair's names the model's own): its first part says it
        prob = c.why.partition(": ")[0] if c.why else f"join probability {c.score:.2f}"
        out.append(Edit(STAGE, "no_join", "", "", b.line, round(c.score, 3),
                        f"not joined to line {a.line}: {prob} ({gain_text(c.gain)}, {c.distance} block(s) on), {why}",
                        f"…{a.text[-8:]}⏎{b.text[:8]}…"))
    return out


def _merged_page(page: Page, blocks: list[Block], chosen: dict[int, Candidate]) -> tuple[Page, list[int]]:
    """The page with every chosen chain read as one block (its head's fields, the chain's text), and for each
    block of `blocks` the index of the merged block that now holds it."""
    targets = {c.target for c in chosen.values()}
    out: list[Block] = []
    where = [-1] * len(blocks)
    for i, b in enumerate(blocks):
        if i in targets:
            continue
        where[i] = len(out)
        text, cur = b.text, i
        while cur in chosen:
            cur = chosen[cur].target
            where[cur] = len(out)
            text += blocks[cur].text
        out.append(_replaced(b, text=text))
    return replace(page, blocks=tuple(out)), where


def middle_pieces(near: list[Candidate], chosen: dict[int, Candidate], blocks: list[Block], page: Page,
                  lm: WordLM, config: Config, model: JoinModel, threshold: float,
                  scores: Scores | None = None) -> dict[int, Candidate]:
    """Joins of open blocks that lost their continuation to a short piece printed between them: a paragraph cut
    twice ('…周刊和' | a short middle piece | the rest) reads, piece by piece, as an open block, a title-like line
    that opens like a paragraph, and the rest; the middle piece takes the rest (their join is the more probable),
    and the first piece, which the model would have joined to the rest, is left open, while its join to the
    middle piece alone scores low (a title-like target). Read again with the middle piece's chain as one block,
    as a second run of the stage reads it, the first piece's join to that chain is scored by the same model and
    taken when it reaches the threshold (so a second run finds nothing more to join).

    Asked only where an open block `i` left unjoined had a candidate at `threshold` (the assignment's, on the
    scale of `near`'s scores) whose target went to a
    chain that starts between `i` and that target with a title-like piece (a longer piece that opens a sentence
    is a paragraph start that took the continuation from `i`, as the nearer rival: '…采取有力' | '纵观全省，…正在改变'
    | '的举措…')."""
    by_target = {c.target: c.source for c in chosen.values()}
    heads: dict[int, int] = {}  # source i -> the head of the chain that took its continuation
    for c in near:
        if c.excluded or c.score < threshold or c.source in chosen or c.source in heads:
            continue
        k = by_target.get(c.target)
        if k is None:
            continue
        h = k
        while h in by_target:
            h = by_target[h]
        if c.source < h < c.target and is_title_like(blocks[h].text):
            heads[c.source] = h
    if not heads:
        return {}
    merged, where = _merged_page(page, blocks, chosen)
    walls, kinds = page_shapes(list(merged.blocks))
    groups = [g for g in candidates(merged, lm, config, model, walls, scores, PRUNE_MARGIN, kinds)
              if g.source in {where[i] for i in heads}]
    # the re-scoring is flow's own p, so its floor is flow's own threshold; `threshold` (the assignment's: the
    # context stack's when one is configured, on its own scale) only chose among `near` above (review44a)
    found = {(c.source, c.target): c for c in scored(groups, model, merged, lm, config, model.threshold, scores)
             if not c.excluded}
    out: dict[int, Candidate] = {}
    for i, h in sorted(heads.items()):
        following = found.get((where[i], where[h]))  # the joined paragraph's join to the piece that follows
        if following is not None and h not in by_target and all(o.target != h for o in out.values()):
            out[i] = Candidate(i, h, following.score, following.gain, following.distance,
                               f"join probability {following.score:.2f} of the joined paragraph that follows "
                               f"({gain_text(following.gain)}, {following.distance} block(s) on): a middle piece "
                               f"took this block's continuation")
    return out
