"""What `find_splices` does with the synthesizer's spliced lines, and whether flow's pair model could find the rest.

    python -m benchmarks.splice_tally FOLDER [FOLDER ...] [--show] [--model [--marks]] [--context-lm libime|MODEL]

A spliced line (`synth.compose.splice_line`: two paragraphs X, Y printed X1 | X3 | Y1+X2 | Y2, the middle piece X2
glued after Y's start at a seam) is logged as three `splice` joins; the one from X1 ends inside the block that holds
Y1+X2 (`offset2` > 0, on the raw line: `seam_in_block` maps it onto the normalized block). Each spliced line is:

  found               `find_splices` cut its block at the logged seam (one character either way);
  found-other-seam    it cut the block elsewhere (characters of X2 stay with Y, or Y's go with X);
  missed-word         not cut, though a dictionary word spans one of the joins the repair makes (A's tail + X2's head,
                      Y1's tail + C's head): the LM evidence was there, under the margin or outside the window's shape;
  missed-noword       not cut, and no dictionary word spans either join: the word LM cannot see it at all.

With `--context-lm` the cuts are flow's with that model configured: `find_splices`', then `find_context_splices`'.
(`-ineligible` is added to a missed class when the four blocks lack the shape `find_splices` asks of a window:
L open, B and C targets, no wall.) A cut block that holds no spliced line is `false`.

`--model` asks whether flow's own pair model sees what the word LM misses: for every window of the shape that
`find_splices` left uncut, the repaired reading A+X2+B, Y1+C against the printed A+B, L+C, each read on a page of
the window's blocks alone as the sum of the forward model's log P(the reading's target | source) (`reading_logp`),
at the best seam (`--marks`: only seams right after a clause mark). It prints the windows ranked by that gain and
where the spliced ones fall. Session 45 (splice45) found them nowhere near the top: see `model_report`.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from layoutfix.config import Config
from layoutfix.lm import WordLM, load_lm
from layoutfix.model import TEXT, Block, Page
from layoutfix.stages import flow as F
from layoutfix.stages.flow.blocks import Shapes, page_shapes
from layoutfix.stages.flow.splices import SPLICE_MIN, Splice, cut_block, find_context_splices, find_splices
from layoutfix.stages.flow.words import Scores, remembered_scores
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

CLAUSE_MARKS = "，；、。：！？"
LOGP_FLOOR = math.log(1e-6)  # a reading's join the model does not score (no such candidate) counts as this


@dataclass(frozen=True)
class SplicedLine:
    """One spliced line of the defect log: X1's line, the line holding Y1+X2, and the seam on that raw line."""

    x1_line: int
    line: int
    raw_seam: int


def spliced_lines(defects: list[dict]) -> list[SplicedLine]:  # type: ignore[type-arg]
    """The spliced lines of a page's defect log: the `splice` joins that end inside a line (X1 -> X2; the narrow
    columns read across, also logged as `splice`, end at a line's start and are left out)."""
    return [SplicedLine(d["line"], d["line2"], d["offset2"]) for d in defects
            if d.get("type") == "splice" and d.get("offset2", 0) > 0 and d.get("line2")]


def seam_in_block(raw: str, text: str, offset: int) -> int:
    """`offset` on the raw line read as an offset into the block's normalized text (normalize drops spaces and
    debris, so the raw offset may point a few characters past the seam): the text matched around it decides."""
    sm = difflib.SequenceMatcher(None, raw, text, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        if a <= offset <= a + n:
            return b + (offset - a)
        if a > offset:
            return b
    return offset


def word_across(lm: WordLM, left: str, right: str) -> bool:
    """True when a dictionary word starts in `left`'s last four characters and ends in `right`'s first four."""
    for i in range(1, min(4, len(left)) + 1):
        x = left[-i:]
        if x not in lm.prefixes:
            continue
        for j in range(1, min(4, len(right)) + 1):
            w = x + right[:j]
            if w not in lm.prefixes:
                break
            if w in lm.logp:
                return True
    return False


def window_ok(kinds: Shapes, walls: list[bool], blocks: list[Block], k: int) -> bool:
    """Blocks k-2..k+1 have the shape `find_splices` asks of a window (A body or open, B and C body targets, L an
    open body block, no wall at B, L, C)."""
    if not 2 <= k < len(blocks) - 1:
        return False
    sources, targets, title = kinds
    body = [blocks[i].role == TEXT and bool(blocks[i].text) and not title[i] for i in range(k - 2, k + 2)]
    return (bool(sources[k]) and body[2] and (body[0] or sources[k - 2]) and body[1] and body[3]
            and targets[k - 1] and targets[k + 1] and not (walls[k - 1] or walls[k] or walls[k + 1]))


def classify(found: Splice | None, seam: int, word: bool, eligible: bool) -> str:
    """A spliced line's class (the module's docstring) from the cut found in its block (or None), its seam in the
    block, whether a dictionary word spans a join the repair makes, and whether the window has the finder's shape."""
    if found is not None:
        return "found" if abs(found.seam - seam) <= 1 else "found-other-seam"
    return ("missed-word" if word else "missed-noword") + ("" if eligible else "-ineligible")


def load_page(txt: Path, config: Config) -> tuple[list[Any], list[str], Page, list[Block], list[bool], Shapes]:
    """A synthetic page as the finders see it: its logged defects (`NAME.defects.json`, empty if none), its printed
    lines, the normalized page and its blocks, and flow's walls and block shapes for them."""
    dpath = txt.with_name(txt.stem + ".defects.json")
    defects = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
    lines = txt.read_text(encoding="utf-8", errors="replace").split("\n")
    page = normalize(read(txt.read_bytes(), config, source=txt.name))
    blocks = list(page.blocks)
    walls, kinds = page_shapes(blocks)
    return defects, lines, page, blocks, walls, kinds


def tally_page(txt: Path, lm: WordLM, config: Config,
               gain: Callable[[str, str], float] | None = None) -> tuple[Counter, list[str]]:  # type: ignore[type-arg]
    """The page's spliced lines by class, plus `false` cuts; and one line per spliced line or false cut (`gain`: a
    context model's join gain, whose splices are added as flow adds them)."""
    defects, lines, page, blocks, walls, kinds = load_page(txt, config)
    found = find_splices(blocks, lm, walls, scores=remembered_scores(lm), kinds=kinds)
    if gain is not None:
        found += find_context_splices(blocks, walls, gain, found, kinds=kinds)
    cuts = {sp.k: sp for sp in found}
    out: Counter = Counter()
    shown: list[str] = []
    spliced: set[int] = set()
    for sl in spliced_lines(defects):
        k = next((i for i, b in enumerate(blocks) if b.line == sl.line), None)
        if k is None or not 2 <= k < len(blocks) - 1:
            out["no-window"] += 1
            continue
        spliced.add(k)
        a, t, c = blocks[k - 2].text, blocks[k].text, blocks[k + 1].text
        seam = seam_in_block(lines[sl.line - 1], t, sl.raw_seam)
        word = word_across(lm, a, t[seam:]) or word_across(lm, t[:seam], c)
        cut = cuts.get(k)
        cls = classify(cut, seam, word, window_ok(kinds, walls, blocks, k))
        out[cls] += 1
        if cut is not None and cut.by != "lm":
            out[f"{cls} by {cut.by}"] += 1
        shown.append(f"{cls:28s} {txt.parent.name}/{txt.name} line {sl.line} seam {seam}"
                     + (f" (cut at {cut.seam}, {cut.by} {cut.gain:.1f})" if cut is not None and cls != "found" else "")
                     + f": …{a[-8:]}⏎ | …{t[max(0, seam - 8):seam]}‖{t[seam:seam + 8]}… | ⏎{c[:8]}…")
    for k, sp in cuts.items():
        if k not in spliced:
            out["false"] += 1
            if sp.by != "lm":
                out[f"false by {sp.by}"] += 1
            shown.append(f"{'false':28s} {txt.parent.name}/{txt.name} line {blocks[k].line} cut at {sp.seam} "
                         f"({sp.by} {sp.gain:.1f}): …{blocks[k].text[max(0, sp.seam - 8):sp.seam]}‖"
                         f"{blocks[k].text[sp.seam:sp.seam + 8]}…")
    return out, shown


def reading_logp(page: Page, blocks: list[Block], joins: list[tuple[int, int]], lm: WordLM, config: Config,
                 model: F.JoinModel, scores: Scores) -> float:
    """Sum over `joins` (source, target: indices into `blocks`) of the forward model's log P(target | source),
    the blocks read as a page of their own (every pair scored, none pruned)."""
    mini = replace(page, blocks=tuple(blocks))
    walls, kinds = page_shapes(blocks)
    groups = {g.source: g for g in F.candidates(mini, lm, config, model, walls, scores, None, kinds)}
    total = 0.0
    for i, j in joins:
        g = groups.get(i)
        if g is None:
            total += LOGP_FLOOR
            continue
        p = dict(zip((c[0] for c in g.cands), model.probs(g.src, [c[2] for c in g.cands]))).get(j, 0.0)
        total += math.log(p) if p > 1e-6 else LOGP_FLOOR
    return total


def model_gains(txt: Path, lm: WordLM, config: Config, model: F.JoinModel,
                marks: str | None = None) -> list[tuple[float, int, int, int | None]]:
    """For every window of the finder's shape that `find_splices` left uncut: (best gain of the repaired reading
    over the printed one by `reading_logp`, that seam, the block index, the spliced line's seam or None)."""
    defects, lines, page, blocks, walls, kinds = load_page(txt, config)
    scores = remembered_scores(lm)
    cut = {sp.k for sp in find_splices(blocks, lm, walls, scores=scores, kinds=kinds)}
    gold: dict[int, int] = {}
    for sl in spliced_lines(defects):
        k = next((i for i, b in enumerate(blocks) if b.line == sl.line), None)
        if k is not None:
            gold[k] = seam_in_block(lines[sl.line - 1], blocks[k].text, sl.raw_seam)
    out: list[tuple[float, int, int, int | None]] = []
    for k in range(2, len(blocks) - 1):
        if k in cut or not window_ok(kinds, walls, blocks, k) or len(blocks[k].text) < 2 * SPLICE_MIN:
            continue
        a, b, l, c = blocks[k - 2:k + 2]
        printed = reading_logp(page, [a, b, l, c], [(0, 1), (2, 3)], lm, config, model, scores)
        best: tuple[float, int] | None = None
        for s in range(SPLICE_MIN, len(l.text) - SPLICE_MIN + 1):
            if marks is not None and l.text[s - 1] not in marks:
                continue
            y1, x2 = cut_block(l, 0, s), cut_block(l, s, len(l.text), -1)
            g = reading_logp(page, [a, x2, b, y1, c], [(0, 1), (1, 2), (3, 4)], lm, config, model, scores) - printed
            if best is None or g > best[0]:
                best = (g, s)
        if best is not None:
            out.append((best[0], best[1], k, gold.get(k)))
    return out


def model_report(rows: list[tuple[float, int, int, int | None, str]]) -> str:
    """The windows ranked by their best gain, and where the spliced ones stand (rank, gain, seam right?).

    Session 45 (`--model` over corpus/synthetic/tune): 754 uncut windows, the 8 holding a spliced line at ranks
    65-205 (gains +0.25 to -0.27, against +5.35 for the top window, which holds none); `--model --marks` over tune and
    fresh seeds 2, 4, 5, 6: the 39 spliced ones from rank 150 on. No margin cuts one without dozens of sound
    paragraphs cut first. The opt-in context model separates them (`find_context_splices`, `--context-lm libime`):
    at its margin 12, tune 4 right cuts and none wrong; fresh 2/4/5/6 12 right, 2 at another seam, 3 with no
    splice."""
    ranked = sorted(rows, key=lambda r: -r[0])
    spliced = [(n, r) for n, r in enumerate(ranked) if r[3] is not None]
    out = [f"{len(ranked)} uncut windows of the finder's shape, {len(spliced)} holding a spliced line; top 10:"]
    out += [f"  {g:+6.2f} seam {s:4d} {name} block {k}" + (f" SPLICED (seam {t})" if t is not None else "")
            for g, s, k, t, name in ranked[:10]]
    out.append("spliced windows (rank, gain, best seam, logged seam): "
               + ", ".join(f"({n}, {r[0]:+.2f}, {r[1]}, {r[3]})" for n, r in spliced))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.splice_tally", description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="one line per spliced line and per false cut")
    ap.add_argument("--model", action="store_true",
                    help="rank the uncut windows by flow's pair model: repaired reading against printed")
    ap.add_argument("--marks", action="store_true", help="with --model: only seams right after a clause mark")
    ap.add_argument("--context-lm", help="add the splices flow finds with this context model (libime or a path)")
    args = ap.parse_args(argv)
    config = Config()
    lm = load_lm(config.lm_path)
    gain = None
    if args.context_lm:
        from layoutfix.flowcontext import cached_context_lm
        gain = cached_context_lm(args.context_lm).continuation_gain
    for folder in args.folders:
        txts = sorted(folder.glob("[0-9][0-9][0-9].txt"))
        tot: Counter = Counter()
        shown: list[str] = []
        for txt in txts:
            c, s = tally_page(txt, lm, config, gain)
            tot.update(c)
            shown += s
        n = sum(v for k, v in tot.items() if k not in ("false", "no-window") and " by " not in k)
        print(f"{folder}: {len(txts)} pages, {n} spliced lines: "
              + ", ".join(f"{k} {v}" for k, v in sorted(tot.items())))
        if args.show:
            print("\n".join(shown))
    if args.model:
        model = F.load_model()
        rows = [(g, s, k, t, f"{txt.parent.name}/{txt.name}") for folder in args.folders
                for txt in sorted(folder.glob("[0-9][0-9][0-9].txt"))
                for g, s, k, t in model_gains(txt, lm, config, model, CLAUSE_MARKS if args.marks else None)]
        print(model_report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
