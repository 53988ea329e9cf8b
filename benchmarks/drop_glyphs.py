"""A dropped-character pass for the glyph stage, read by the word-trigram context model: measured, NOT wired in
(drop46, session 46; the negative result below).

    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.drop_glyphs pages FOLDER [FOLDER ...] [--bars 4 6 8 10 12]
        [--sub-margins none 0 2 4] [--show BAR]
    PYTHONPATH=. PYTHONHASHSEED=0 python -m benchmarks.drop_glyphs clean [--sentences 6000] [--seed 44]

Why: no step of the glyph stage inserts a character, so a dropped one (issue 4: 世界各国 printed 世界国) is never
restored (synthetic drop recall 0/124 on tune, 0/117 on test). Three prototypes with the shipped unigram model were
measured and not kept (glyph25, sessions 33 and 39). The question here: does the context model (libime's word
trigrams, `layoutfix.contextlm`) read a restored word apart from clean text's gaps?

The pass (`DropPass.proposals`), over the text the glyph stage and its context pass leave (`--context-lm libime`):
at every gap inside a Han run (not beside a place the stage changed) where a printed neighbour stands in no word
of 2-4 characters of the stage's dictionary (`lone`: a drop leaves its word's other half alone), each character x
that makes, with that lone neighbour, a word of 2-4 characters of the context model's vocabulary
(`insert_fillers`, through the context pass's `fill_index`; some 30-300 a gap) is scored over the Han run around
the gap (`WINDOW` each side): gain = score(with x) - score(as printed), nats. Left as printed: a gap beside a
numeral (`NUMERALS`), at a possible personal name (`glyphcontext.name_like`), a pair printed again in the document,
an x equal to a neighbour (the doubling step's); inside quotes `glyphs.QUOTE_MARGIN` more. Best gap of each window,
best first, one round. `sub` (diagnostic, gaps gaining `SUB_FROM` or more): the best gain of replacing either
neighbour by any character that completes a vocabulary word there: a gap that a substitution explains as well is
a misreading, not a drop.

`pages`: each page is cleaned with `--context-lm libime` up to the glyph stage (`run_stages`); the pass's
insertions on its text blocks at each bar (and `--sub-margins`: gain - sub must reach it) are matched to the
page's logged drops (`metrics.char_tallies`, as the benchmark's glyph P/R). `clean`: clean sentences of the tuning
days 1998-01-01..16 (`glyph_runs.clean_sentences`, after `fix_lines` with the context pass): every insertion false.

Measured (drop46, libime zh_CN.lm; `pages`: right/made against the pages' logged drops, gain >= bar; with a
sub margin m, gain - sub >= m too):
                       bar 4    bar 6    bar 8   bar 10   bar 12
  synthetic tune (124 drops)
    no sub margin     13/352    7/126    4/45     3/22     0/5
    m 0                3/54     3/25     2/13     2/8      0/1
    m 4                0/7      0/6      0/4      0/2      0/0
  fresh seed 2 (140)
    no sub margin     21/380   14/148    6/54     2/19     1/6
    m 0                6/66     5/34     2/13     1/6      1/1
    m 4                1/11     1/7      0/2      0/1      0/0
  fresh seed 4 (147)
    no sub margin     20/361   15/136   11/47     5/21     2/8
    m 0                9/67     8/34     6/18     3/9      1/2
    m 4                2/13     2/9      2/5      1/3      1/1
  hold-out fresh seed 3 (137), run once at the end: no margin 15/352, 11/141, 7/49, 3/21, 3/14; m 0 6/60, 6/33,
    5/15, 1/7, 1/3.
  clean tuning-day sentences (6,000, seed 44, 277,884 characters; every insertion false), sentences changed and
  insertions per 10k characters: no margin bar 6 0.63% / 1.37, bar 8 0.18% / 0.40, bar 10 0.05% / 0.11; m 0 bar 8
  0.05% / 0.11. So the clean budget (0.5%, 1 per 10k, with the context pass's 0.08%) holds from bar 8 on; precision
  does not: no setting reaches 0.5 on the dev seeds together, let alone 0.9.
  Speed (2 workers on the shared 2-core machine): the glyph stage with the context pass 6.7-8.2k characters/s of
  text blocks, the drop pass alone 2.5-2.8k (with the `sub` diagnostic), both 1.8-2.1k: four times slower.
Why it fails: the right insertions gain -3..+11.5 nats (an inserted character costs about as much as the word it
completes gains), and the false ones as much: names and transliterations the name guard misses, literary or terse
clean text (寝不安, 病卧, 一顶帽, 春的气息), a standard abbreviation (在京召开 read as a drop of 北京), and
misreadings the stage left (a substitution read as a missing character; the sub margin removes these but most right
insertions with them). Recall's ceiling: of the 124 tune drops (read on the dump lines), 47 have the right
character among their gap's candidates, 37 sit at a name-like place (`name_like` takes any of the 250 surname
characters within two places), 30 beside no lone character, 7 make no vocabulary word with it, 3 beside a numeral;
17 are made at bar 2 (the right character not the gap's best, or gaining under 2, for the rest). So the pass is a
measurement tool, not a stage step.
"""
from __future__ import annotations

import argparse
import json
import operator
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping, Protocol, Sequence

from layoutfix.config import Config
from layoutfix.contextlm import ContextLM
from layoutfix.glyphcontext import MASK, ContextPass, fillers, name_like, printed_word_length, spaced_best
from layoutfix.stages.glyphs import QUOTE_MARGIN, Change, _quoted_at, _sigmoid_conf
from layoutfix.stages.glyphs.common import _HAN_RUN, _pair_counts
from layoutfix.model import Block
from layoutfix.textutil import is_han

from . import metrics

WINDOW = 6        # Han characters of context each side of the gap scored (and the fixes' spacing)
MAX_WORD = 4      # the word x completes: 2..MAX_WORD characters
BAR = 10.0        # the context gain (nats) an insertion must reach
SUB_FROM = 4.0  # (diagnostic) the best substitution of a neighbour is scored for gaps gaining this much
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两几")  # a gap beside one is left alone (numbers untouched)
_POS = operator.attrgetter("pos")


@dataclass(frozen=True)
class Insertion:
    """One character proposed at a gap: text[pos - 1] | x | text[pos], with the context gain (nats), the gain of the
    runner-up character, the length of the word it completes and the guard margin it must clear on top of the bar."""

    pos: int
    x: str
    gain: float
    second: float
    word: int
    extra: float
    join: float = 0.0
    sub: float = float("-inf")

    def score(self) -> float:
        """What must clear the bar: the gain less the guard margin."""
        return self.gain - self.extra


def lone(run: str, known: Collection[str]) -> list[bool]:
    """For each place of a Han run, whether it stands in no word of 2-4 characters of the stage's dictionary
    (`known`): the half a drop leaves of its word."""
    return [printed_word_length(run, k, known) == 0 for k in range(len(run))]


def insert_fillers(run: str, g: int, need: Iterable[int], index: dict[str, str],
                   max_word: int = MAX_WORD) -> dict[str, int]:
    """{x: the longest word} for each x that, inserted at gap g (between run[g - 1] and run[g]), makes a word of the
    vocabulary `index` was built from (`glyphcontext.fill_index`) of 2..max_word characters holding one of the
    places `need` (printed places of `run`).

    Why: an insertion that makes a word with neither lone neighbour leaves the printed words as they were and
    only adds a character; the index asks each masked span once (a gap has some 100-300 such x otherwise)."""
    n = len(run)
    want = set(need)
    out: dict[str, int] = {}
    for s in range(max(0, g - max_word + 1), g + 1):
        head = run[s:g] + MASK
        for e in range(g, min(n, g + max_word - 1 - (g - s)) + 1):
            size = (g - s) + 1 + (e - g)
            if size < 2 or not any(s <= k < e for k in want):
                continue
            got = index.get(head + run[g:e])
            if got:
                for x in got:
                    if size > out.get(x, 0):
                        out[x] = size
    return out


def gap_guarded(run: str, g: int, pairs: Mapping[str, int]) -> bool:
    """Whether the gap before run[g] is taken as printed: a numeral beside it, or the two neighbours printed side by
    side elsewhere in the document too (`pairs`: the document's pair counts)."""
    return run[g - 1] in NUMERALS or run[g] in NUMERALS or pairs.get(run[g - 1:g + 1], 0) > 1


class DropPass:
    """The dropped-character pass over one context pass's models (its context model, word model, surnames and
    vocabulary index)."""

    def __init__(self, cpass: ContextPass, window: int = WINDOW, bar: float | None = None) -> None:
        """`bar`: default the module's `BAR` as it is when the pass is made."""
        self.cpass = cpass
        self.ctx: ContextLM = cpass.ctx
        self.window = window
        self.bar = BAR if bar is None else bar
        self.scored = 0

    def proposals(self, text: str, frozen: frozenset[int] = frozenset(),
                  known: Mapping[str, int] | None = None) -> list[Insertion]:
        """The best insertion of every gap of `text` that has one (positions in `text`: x goes before text[pos])."""
        ctx, index = self.ctx, self.cpass.fill_index()
        logp, names = self.cpass.lm.logp, self.cpass.names
        pairs = known if known is not None else _pair_counts(text)
        out: list[Insertion] = []
        for m in _HAN_RUN.finditer(text):
            a = m.start()
            run = m.group(0)
            alone: list[bool] | None = None
            for g in range(1, len(run)):
                if a + g - 1 in frozen or a + g in frozen or gap_guarded(run, g, pairs):
                    continue
                if alone is None:
                    alone = lone(run, logp)
                need = [k for k in (g - 1, g) if alone[k]]
                if not need or any(name_like(run, k, names) for k in (g - 1, g)):
                    continue
                fill = insert_fillers(run, g, need, index)
                xs = sorted(x for x in fill if x != run[g - 1] and x != run[g] and is_han(x))
                if not xs:
                    continue
                lo, hi = max(0, g - self.window), min(len(run), g + self.window)
                w, j = run[lo:hi], g - lo
                base = ctx.run_score(w)
                scores = ctx.scores_at(w[:j] + xs[0] + w[j:], j, xs)
                self.scored += len(xs)
                ranked = sorted(range(len(xs)), key=lambda t: (-scores[t], xs[t]))
                top = ranked[0]
                second = scores[ranked[1]] - base if len(ranked) > 1 else float("-inf")
                extra = QUOTE_MARGIN if _quoted_at(text, a + g) else 0.0
                join = base - ctx.run_score(w[:j]) - ctx.run_score(w[j:])
                sub = float("-inf")
                if scores[top] - base >= SUB_FROM:
                    for jj in (j - 1, j):
                        ys = sorted(y for y in fillers(w, jj, index) if y != w[jj] and is_han(y))
                        if ys:
                            sub = max(sub, max(ctx.scores_at(w, jj, ys)) - base)
                out.append(Insertion(a + g, xs[top], scores[top] - base, second, fill[xs[top]], extra, join, sub))
        return out

    def choose(self, props: Iterable[Insertion]) -> list[Insertion]:
        """The insertions made at the pass's bar (`choose`)."""
        return choose(props, self.bar, None, self.window)

    def changes(self, text: str, frozen: frozenset[int] = frozenset(),
                known: Mapping[str, int] | None = None) -> list[Change]:
        """The insertions made in `text` at the pass's bar, as `Change`s (empty spans at their gaps, kind 'insert'),
        left to right: what the glyph stage would log were the pass wired in."""
        return [Change(p.pos, p.pos, p.x, "insert", "", _sigmoid_conf(p.score() - self.bar),
                       f"dropped character '{p.x}' restored: context gain {p.gain:.1f}"
                       f"{f' - quote {p.extra:.1f}' if p.extra else ''} >= {self.bar:.1f} (makes a "
                       f"{p.word}-character word; next best {p.second:.1f})")
                for p in self.choose(self.proposals(text, frozen, known))]


def choose(props: Iterable[Insertion], bar: float, sub_margin: float | None = None,
           window: int = WINDOW) -> list[Insertion]:
    """The insertions made: best first, each clearing `bar` and, with `sub_margin`, beating the best substitution of a
    neighbour (`Insertion.sub`) by that much; none within `window` places of one made."""
    kept = sorted((p for p in props if sub_margin is None or p.gain - p.sub >= sub_margin), key=_POS)
    return spaced_best(kept, Insertion.score, _POS, bar, window)  # (ties of score by position, as the kept order)


# -- measurement ---------------------------------------------------------------------------------------------

def _page_rows(path: Path) -> tuple[list[tuple[Block, list[Insertion]]], list[dict[str, Any]], int, float, float]:
    """One page cleaned with libime up to the glyph stage: each text block with the pass's proposals, the page's
    defect log, its text blocks' characters, the glyph stage's seconds and the pass's seconds."""
    from layoutfix.flowcontext import cached_context_lm
    from layoutfix.lm import load_lm
    from layoutfix.glyphcontext import stage_changed, stage_pass
    from layoutfix.model import TEXT, TITLE
    from layoutfix.pipeline import run_stages

    config = Config(context_lm="libime")
    before = after = None
    glyph_sec = 0.0
    for name, page, sec in run_stages(path.read_bytes(), config, str(path)):
        if name == "glyphs":
            after, glyph_sec = page, sec
            break
        before = page
    assert before is not None and after is not None
    dp = DropPass(stage_pass(cached_context_lm("libime"), load_lm(config.lm_path)))
    joined = "\n".join(b.text for b in after.blocks if b.role in (TEXT, TITLE))
    known = _pair_counts(joined)
    rows: list[tuple[Block, list[Insertion]]] = []
    t0 = time.perf_counter()
    chars = 0
    for b0, b in zip(before.blocks, after.blocks):
        if b.role == TEXT and b.text:
            chars += len(b.text)
            rows.append((b, dp.proposals(b.text, stage_changed(b0.text, b.text), known)))
    log = path.with_suffix(".defects.json")
    defects = json.loads(log.read_text(encoding="utf-8")) if log.exists() else []
    return rows, defects, chars, glyph_sec, time.perf_counter() - t0


class LineMap(Protocol):
    """What `tally` reads of a text block: the dump line of an offset (`model.Block.line_at`)."""

    def line_at(self, offset: int) -> int: ...


def tally(rows: Sequence[tuple[LineMap, Sequence[Insertion]]], defects: Sequence[dict[str, Any]], bar: float,
          sub_margin: float | None = None) -> tuple[int, int]:
    """(right, made) of the pass's insertions on one page's text blocks, matched to its logged drops as the
    benchmark matches glyph edits (`metrics.char_tallies`)."""
    edits = [{"stage": "glyphs", "kind": "insert", "before": "", "after": p.x, "line": b.line_at(p.pos)}
             for b, props in rows for p in choose(props, bar, sub_margin)]
    return metrics.char_tallies(defects, edits)["char_tp"], len(edits)


def pages_cmd(folders: Sequence[str], bars: Sequence[float], margins: Sequence[float | None], show: float | None,
              workers: int) -> None:
    from multiprocessing import Pool

    files = [f for d in folders for f in sorted(Path(d).glob("*.txt"))]
    with Pool(workers) as pool:
        pages = pool.map(_page_rows, files, chunksize=4)
    gold = sum(sum(d.get("type") == "drop" for d in defs) for _, defs, *_ in pages)
    chars = sum(p[2] for p in pages)
    gsec, dsec = sum(p[3] for p in pages), sum(p[4] for p in pages)
    print(f"{len(files)} pages, {gold} logged drops; text blocks {chars} characters: glyph stage with the context "
          f"pass {chars / gsec:,.0f} chars/s, the drop pass alone {chars / dsec:,.0f} chars/s (with it "
          f"{chars / (gsec + dsec):,.0f})")
    print("sub margin | " + " | ".join(f"bar {b:g}" for b in bars))
    for m in margins:
        cells = []
        for bar in bars:
            right = made = 0
            for rows, defs, *_ in pages:
                r, n = tally(rows, defs, bar, m)
                right, made = right + r, made + n
            cells.append(f"{right}/{made}")
        print(f"{'none' if m is None else f'{m:g}'} | " + " | ".join(cells))
    if show is not None:
        for (rows, defs, *_), f in zip(pages, files):
            for b, props in rows:
                for p in choose(props, show):
                    e = {"stage": "glyphs", "kind": "insert", "before": "", "after": p.x, "line": b.line_at(p.pos)}
                    ok = metrics.char_tallies(defs, [e])["char_tp"]
                    print(f"{'right' if ok else 'FALSE'}\t{f.name}:{e['line']}\t{p.x}\t{p.gain:.1f}\tsub {p.sub:.1f}\t"
                          f"{b.text[max(0, p.pos - 8):p.pos]}|{b.text[p.pos:p.pos + 8]}")


def clean_cmd(bars: Sequence[float], margins: Sequence[float | None], sentences: int, seed: int,
              show: float | None) -> None:
    """Clean sentences of the tuning days after `fix_lines` with the context pass: the pass's insertions (all false)."""
    from layoutfix.flowcontext import cached_context_lm
    from layoutfix.glyphcontext import stage_changed, stage_pass
    from layoutfix.lm import load_lm
    from layoutfix.stages.glyphs import fix_lines
    from layoutfix.synth.source import load_records

    from .context_glyphs import SHARED
    from .glyph_runs import clean_sentences

    recs = load_records(SHARED / "news_zh" / "pfr1998_01" / "articles.jsonl")
    pool = clean_sentences(recs, "19980101", "19980116")
    sents = random.Random(seed).sample(pool, min(sentences, len(pool)))
    config = Config(context_lm="libime")
    t0 = time.perf_counter()
    staged = fix_lines(sents, config)
    stage_sec = time.perf_counter() - t0
    dp = DropPass(stage_pass(cached_context_lm("libime"), load_lm(config.lm_path)))
    t0 = time.perf_counter()
    props = [dp.proposals(o, stage_changed(s, o)) for s, o in zip(sents, staged)]
    drop_sec = time.perf_counter() - t0
    chars = sum(len(s) for s in sents)
    print(f"clean sentences of 1998-01-01..16: {len(sents)} of {len(pool)} (seed {seed}), {chars} characters; "
          f"fix_lines with the context pass {chars / stage_sec:,.0f} chars/s, the drop pass {chars / drop_sec:,.0f} "
          f"chars/s (with it {chars / (stage_sec + drop_sec):,.0f})")
    print("sub margin | bar | sentences changed | % | insertions per 10k characters")
    for m in margins:
        for bar in bars:
            made = [choose(p, bar, m) for p in props]
            n = sum(len(x) for x in made)
            ns = sum(bool(x) for x in made)
            print(f"{'none' if m is None else f'{m:g}'} | {bar:g} | {ns} | {100 * ns / len(sents):.2f} | "
                  f"{1e4 * n / chars:.2f}")
    if show is not None:
        for o, p in zip(staged, props):
            for q in choose(p, show):
                print(f"{q.x}\t{q.gain:.1f}\tsub {q.sub:.1f}\t{o[max(0, q.pos - 10):q.pos]}|{o[q.pos:q.pos + 10]}")


def _margin(text: str) -> float | None:
    return None if text == "none" else float(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.drop_glyphs", description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("pages", "clean"))
    ap.add_argument("folders", nargs="*", help="pages: folders of NNN.txt with NNN.defects.json")
    ap.add_argument("--bars", type=float, nargs="+", default=[4.0, 6.0, 8.0, 10.0, 12.0])
    ap.add_argument("--sub-margins", type=_margin, nargs="+", default=[None, 0.0, 2.0, 4.0],
                    help="'none', or how much the gain must beat the best substitution of a neighbour")
    ap.add_argument("--show", type=float, default=None, help="list the insertions made at this bar")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sentences", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=44)
    a = ap.parse_args(argv)
    if a.cmd == "pages":
        if not a.folders:
            ap.error("pages: name at least one folder")
        pages_cmd(a.folders, a.bars, a.sub_margins, a.show, a.workers)
    else:
        clean_cmd(a.bars, a.sub_margins, a.sentences, a.seed, a.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
