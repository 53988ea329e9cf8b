"""Why flow misses a gold join, and what its wrong joins are, on synthetic pages with a defect log.

    python -m benchmarks.join_tally FOLDER [FOLDER ...] [--show CLASS-PREFIX]

Each page is read and normalized as the pipeline does, and flow's decisions are rebuilt from its own functions
(splices, columns read across, the scored pairs, the greedy assignment, middle pieces). A gold join
(`cut`, `interleave`, `splice` with a `line2`) is hit when a join ends at the block opening on `line2` and its
source's tail agrees with the logged tail (`metrics._tail_agrees`, as the benchmark's join P/R). A missed one is
classed:

  a:closed                 its source block ends closed (the cut fell right after 。: no sign in the text);
  b:under-threshold        source open, the pair scored, under the threshold (d1: the next block; d2+: farther;
                           src-title: the source is a title-like line);
  c:wrong-target:KIND      source open, joined to another block (a paragraph start, a title-like line, another
                           cut piece); c:target-taken: the target went to another source;
  d:...                    not a candidate: the source or target is not one (role), the pair was not scored
                           (distance, window), or a rule excludes it (a closed quotation, a lead-in, a title);
  e:inside-line(splice)    the cut starts or ends inside a printed line (a splice: not a block join).

Wrong joins (the rebuilt decisions joined, no gold says so) are classed by source (it has another gold continuation,
or none) and target (a cut piece, a title-like line, a paragraph start); joins touching a spliced line apart.

`--why` explains every `c:wrong-target` miss (the source S joined to T1 while its gold continuation is T2): each
model's probability of both pairs (the forward P(T|S), the reverse P(S|T), and the reverse model's "T opens a
paragraph"), and which features carry the forward score difference z(S, T1) - z(S, T2) (`rival_parts`: each pair
feature's weight times its difference, largest first), then the mean of those parts over all such misses. Session 44
found the distance (`logd`, `d1`) carrying it nearly alone: the text features see the two targets alike.

It explains every `b:under-threshold` miss too (`explain_under`): the pair's probability, forward and reverse, the
share of the source's forward probability its debris targets hold (`debris_share`), the forward parts that carry it
down (each pair feature's weight times its value, most negative first), what lies between source and target
(`between_kind`: paragraphs, a wall, a title-like line, another open block, debris), and the source's best rival
target; then a census by distance of what lies between, of the best rival, and of the mean forward part by feature
group (`FEATURE_GROUPS`). rest50 found the d2+ misses carried down by the distance (-3.4 mean) with no word across
the join (+0.4, against +5.7 for the d2+ gold joins flow makes): the forward model reads a target's opening odds
hardly at all (`b_start` and `start_neg` cancel), so a cut such as '…采取实际' | two paragraphs | '的行动…' rests on
the reverse model alone.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from layoutfix.config import Config
from layoutfix.lm import WordLM, load_lm
from layoutfix.model import CREDIT, TABLE, TEXT, Block, Page
from layoutfix.stages import flow as F
from layoutfix.stages.flow.blocks import barriers, is_title_like, page_shapes
from layoutfix.stages.flow.columns import read_across
from layoutfix.stages.flow.splices import apply_splices, find_splices
from layoutfix.stages.flow.blocks import Shapes
from layoutfix.stages.flow.words import Scores, remembered_scores
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read
from layoutfix.textutil import ends_open

from .metrics import JOIN_TYPES, _tail_agrees


def rival_parts(model: F.JoinModel, f1: list[float], f2: list[float]) -> list[tuple[str, float]]:
    """Each pair feature's part of the forward score difference between two candidates of one source (features in
    `PAIR_FEATURES` order): weight x (f1 - f2), the features that differ, largest part first. The parts sum to
    z1 - z2, the difference of the two pairs' forward scores (a softmax over one source's candidates: the log of the
    ratio of their probabilities)."""
    w = model.pair_vec
    parts = [(k, w[n] * (f1[n] - f2[n])) for n, k in enumerate(F.PAIR_FEATURES) if f1[n] != f2[n]]
    return sorted(parts, key=lambda kv: -abs(kv[1]))


def opens_paragraph(groups: list[F.Group], model: F.JoinModel) -> dict[int, float]:
    """The reverse model's probability that each scored target opens a paragraph (continues none of its sources)."""
    out: dict[int, float] = {}
    for (_, j), p in F.reverse_probs(groups, model).items():
        out[j] = out.get(j, 1.0) - p
    return out


@dataclass
class FlowRun:
    """flow's decisions on one page, rebuilt from its own functions (read-only use of flow): the page and blocks as
    flow sees them after its splices, the joins decided before the scoring (`fixed`: splices, columns read across),
    the scored pairs it assigns (`near`: pruned as flow prunes them), the assignment (`chosen`, by source, with
    the middle pieces) and the middle pieces alone, with the objects that made them."""
    page: Page
    blocks: list[Block]
    fixed: list[F.Candidate]
    near: list[F.Candidate]
    chosen: dict[int, F.Candidate]
    middle: dict[int, F.Candidate]
    config: Config
    lm: WordLM
    model: F.JoinModel
    scores: Scores
    kinds: Shapes
    walls: list[bool]


def rebuild(txt: Path) -> FlowRun:
    """flow's decisions on the page in `txt` (the benchmark tools' one rebuild: `decisions` here, and
    `context_eval`, which rescores `near`)."""
    config = Config()
    lm = load_lm(config.lm_path)
    model = F.load_model()
    page = normalize(read(txt.read_bytes(), config, source=txt.name))
    blocks = list(page.blocks)
    walls, kinds = page_shapes(blocks)
    scores = remembered_scores(lm)
    sp = find_splices(blocks, lm, walls, scores=scores, kinds=kinds)
    fixed: list[F.Candidate] = []
    if sp:
        blocks, fixed, _ = apply_splices(blocks, sp)
        page = replace(page, blocks=tuple(blocks))
        walls, kinds = page_shapes(blocks)
    fixed = fixed + read_across(blocks, lm, walls)
    near = F.scored(F.candidates(page, lm, config, model, walls, scores, F.PRUNE_MARGIN, kinds), model, page, lm,
                    config, F.CLOSE, scores)
    chosen, dropped = F.choose_dropping(near, model.threshold, fixed)
    middle = F.middle_pieces([c for c in near if (c.source, c.target) not in dropped], chosen, blocks, page, lm,
                             config, model, model.threshold, scores)
    chosen.update(middle)
    return FlowRun(page, blocks, fixed, near, chosen, middle, config, lm, model, scores, kinds, walls)


def decisions(txt: Path):  # type: ignore[no-untyped-def]
    """The page's blocks as flow sees them, its chosen joins (by source), every scored pair (unpruned, by pair),
    the threshold, the block shapes and the unpruned candidate groups (`--why` reads them)."""
    run = rebuild(txt)
    groups = F.candidates(run.page, run.lm, run.config, run.model, run.walls, run.scores, None, run.kinds)
    every = {(c.source, c.target): c for c in F.scored(groups, run.model, run.page, run.lm, run.config, 0.0,
                                                       run.scores)}
    return run.blocks, run.chosen, every, run.model.threshold, run.kinds, groups


# the forward model's pair features by what they read (`--why`'s census of the b:under-threshold misses)
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "distance": ("d1", "logd", "start_x_d1", "gain_x_d1", "title_x_d1", "han_x_d1", "fw_x_d1", "quote_word_x_d1",
                 "open_x_d1"),
    "words across": ("gain", "gain_word", "span_word", "gain_margin", "pmi", "pos_join"),
    "target opening": ("b_start", "start_neg", "start_pos", "start2", "b_open", "start_margin", "mark_open",
                       "lead_comma", "cont_punct"),
    "between": ("gap_body", "gap_title", "crosses_wall", "foreign_caption", "same_caption"),
    "target shape": ("b_len", "b_head", "b_closed", "b_short", "b_title", "b_unopened", "open_quote", "b_quote_word",
                     "both_lines"),
}


def between_kind(blocks: list[Block], i: int, j: int, kinds: Shapes, walls: list[bool], lm: WordLM) -> str:
    """What lies between source `i` and target `j`, as one class: nothing (credits and tables aside), debris only
    (OCR debris or marks alone), N paragraph(s) (closed running text only), else the first of: a wall (an article
    start, its titles, a closing byline), another open block, a title-like line, another role (a caption's, a
    title's)."""
    seen: list[str] = []
    for k in range(i + 1, j):
        b = blocks[k]
        if b.role in (CREDIT, TABLE) or not b.text:
            continue
        seen.append("wall" if walls[k] else "role" if b.role != TEXT else
                    "debris" if F.debris_kind(b.text, lm) else
                    "title" if kinds.title[k] else "open" if kinds.sources[k] else "para")
    if not seen:
        return "nothing"
    if all(x == "debris" for x in seen):
        return "debris only"
    if all(x == "para" for x in seen):
        return f"{len(seen)} paragraph(s)"
    for x, name in (("wall", "a wall"), ("open", "another open block"), ("title", "a title-like line"),
                    ("role", "another role")):
        if x in seen:
            return name
    return "debris and paragraphs"


def explain_under(groups: list[F.Group], model: F.JoinModel, blocks: list[Block], kinds: Shapes, walls: list[bool],
                  lm: WordLM, i: int, j: int) -> dict:  # type: ignore[type-arg]
    """Why the pair (i, j) stayed under the threshold: its forward probability (`pf`, the model's own softmax), its
    reverse one (`pr`) and the reverse model's "j opens a paragraph" (`alone`), the share of i's forward probability
    its debris targets hold (`debris_share`: flow never joins a debris target, `flow.debris_kind`), the forward parts
    (each pair feature's weight times its value, most negative first), what lies between (`between_kind`), and i's
    best rival target (its forward probability, the first characters of its text, whether it is debris)."""
    g = next(g for g in groups if g.source == i)
    pfs = model.probs(g.src, [f for _, _, f in g.cands])
    pf = dict(zip((k for k, _, _ in g.cands), pfs))
    feats = next(f for k, _, f in g.cands if k == j)
    w = model.pair_vec
    parts = sorted(((k, w[n] * feats[n]) for n, k in enumerate(F.PAIR_FEATURES) if feats[n]), key=lambda kv: kv[1])

    def debris(k: int) -> bool:
        return bool(F.debris_kind(blocks[k].text, lm))
    rivals = sorted(((p, k) for k, p in pf.items() if k != j), reverse=True)
    rival = (rivals[0][0], blocks[rivals[0][1]].text[:10], debris(rivals[0][1])) if rivals else None
    return {"kind": "under", "pf": pf[j], "pr": F.reverse_probs(groups, model).get((i, j), 0.0),
            "alone": opens_paragraph(groups, model).get(j, 1.0),
            "debris_share": sum(p for k, p in pf.items() if k != j and debris(k)),
            "parts": parts, "between": between_kind(blocks, i, j, kinds, walls, lm), "rival": rival,
            "d": next(d for k, d, _ in g.cands if k == j)}


def explain_rival(groups: list[F.Group], model: F.JoinModel, i: int, t1: int, t2: int) -> dict:  # type: ignore[type-arg]
    """Why source `i` went to `t1` rather than `t2`: both pairs' forward probability (`pf`), reverse probability
    (`pr`), the reverse model's "opens a paragraph" of each target (`alone`), and the forward parts (`rival_parts`)."""
    g = next(g for g in groups if g.source == i)
    feats = {j: f for j, _, f in g.cands}
    pf = dict(zip((j for j, _, _ in g.cands), model.probs(g.src, [f for _, _, f in g.cands])))
    rev = F.reverse_probs(groups, model)
    alone = opens_paragraph(groups, model)
    return {"pf": (pf[t1], pf[t2]), "pr": (rev.get((i, t1), 0.0), rev.get((i, t2), 0.0)),
            "alone": (alone.get(t1, 1.0), alone.get(t2, 1.0)), "parts": rival_parts(model, feats[t1], feats[t2])}


def tally(txts: list[Path], why: list[dict] | None = None) -> tuple[Counter, Counter, Counter, dict[str, list[str]]]:  # type: ignore[type-arg]
    """(totals, missed joins by class, wrong joins by class, examples by class); `why`, when given, receives
    `explain_rival` of every `c:wrong-target` miss (with its `tag`)."""
    tot: Counter = Counter()
    missed: Counter = Counter()
    wrong: Counter = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    for txt in txts:
        dpath = txt.with_name(txt.stem + ".defects.json")
        defects = json.loads(dpath.read_text(encoding="utf-8")) if dpath.exists() else []
        lines = txt.read_text(encoding="utf-8").split("\n")
        blocks, chosen, every, th, kinds, groups = decisions(txt)
        walls: list[bool] | None = None  # (`barriers`, found when a b:under-threshold miss is explained)
        first: dict[int, int] = {}
        holder: dict[int, int] = {}
        for k, b in enumerate(blocks):
            first.setdefault(b.line, k)
            for ln in (b.lines or (b.line,)):
                holder[ln] = k
        gold = [d for d in defects if d.get("type") in JOIN_TYPES and d.get("line2")]
        line2s = {d["line2"] for d in gold}

        def plain(d: dict) -> bool:
            return d.get("offset2", 0) == 0 and d.get("end", 0) >= len(lines[d["line"] - 1].rstrip())

        spliced = {x for d in gold if d.get("type") == "splice" or not plain(d) for x in (d["line"], d["line2"])}
        has_gold: set[int] = set()
        used: set[int] = set()
        for d in gold:
            tot["gold"] += 1
            hit = next((s for s, c in chosen.items() if blocks[c.target].line == d["line2"] and
                        _tail_agrees(blocks[s].text[-8:], d.get("raw") or lines[d["line"] - 1])), None)
            if hit is not None:
                used.add(hit)
                tot["hit"] += 1
                continue
            tag = f"{txt.parent.name}/{txt.name}:{d['line']}->{d['line2']}"
            i, j = holder.get(d["line"]), first.get(d["line2"])
            if not plain(d):
                cls = "e:inside-line(splice)"
            elif i is None or j is None:
                cls = "e:no-block"
            else:
                has_gold.add(i)
                a, b = blocks[i], blocks[j]
                tag += f" …{a.text[-14:]}⏎{b.text[:14]}…"
                cand, ch = every.get((i, j)), chosen.get(i)
                if not ends_open(a.text):
                    cls = "a:closed"
                elif not kinds.sources[i]:
                    cls = f"d:not-source({a.role})"
                elif not kinds.targets[j]:
                    cls = f"d:not-target({b.role})"
                elif cand is None:
                    cls = "d:no-candidate"
                elif cand.excluded:
                    cls = "d:excluded: " + cand.excluded
                elif ch is not None:
                    t = blocks[ch.target]
                    kind = ("cut-piece" if t.line in line2s else "title-like" if is_title_like(t.text) else
                            "caption" if t.role != "text" else "para-start")
                    cls = f"c:wrong-target:{kind}"
                    tag += f" took ⏎{t.text[:14]} p={ch.score:.2f}; this p={cand.score:.2f} d={cand.distance}"
                    if why is not None and any(c[0] == ch.target for g in groups
                                               if g.source == i for c in g.cands):
                        why.append({"tag": tag, "kind": "rival", **explain_rival(groups, F.load_model(),
                                                                                 i, ch.target, j)})
                elif any(c.target == j for c in chosen.values()):
                    cls = "c:target-taken"
                elif cand.score < th:
                    cls = ("b:under-threshold" + (" src-title" if is_title_like(a.text) else "")
                           + (" d1" if cand.distance == 1 else " d2+"))
                    tag += f" p={cand.score:.2f}"
                    if why is not None and any(c[0] == j for g in groups if g.source == i for c in g.cands):
                        if walls is None:
                            walls = barriers(blocks)
                        why.append({"tag": tag, "cls": cls, **explain_under(groups, F.load_model(), blocks, kinds,
                                                                          walls, load_lm(Config().lm_path), i, j)})
                else:
                    cls = "e:other"
            missed[cls] += 1
            ex[cls].append(tag)
        for s, c in chosen.items():
            tot["joins"] += 1
            if s in used:
                continue
            a, b = blocks[s], blocks[c.target]
            if (set(a.lines or (a.line,)) | set(b.lines or (b.line,))) & spliced:
                kind = "spliced-line"
            else:
                kind = (("src-has-other-gold" if s in has_gold else "src-no-continuation") + "/" +
                        ("tgt-cut-piece" if b.line in line2s else "tgt-title-like" if is_title_like(b.text)
                         else "tgt-para-start"))
            wrong[kind] += 1
            ex["wrong:" + kind].append(f"{txt.parent.name}/{txt.name}:{a.line} …{a.text[-14:]}⏎{b.text[:14]}… "
                                       f"p={c.score:.2f} d={c.distance}")
    return tot, missed, wrong, ex


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.join_tally", description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--show", help="print the examples of the classes that start with this")
    ap.add_argument("--why", action="store_true",
                    help="explain every c:wrong-target and b:under-threshold miss: the pairs' probabilities, the features that "
                         "carry them, what lies between, the rivals")
    args = ap.parse_args(argv)
    txts = [t for d in args.folders for t in sorted(d.glob("[0-9][0-9][0-9].txt"))]
    why: list[dict] | None = [] if args.why else None  # type: ignore[type-arg]
    tot, missed, wrong, ex = tally(txts, why)
    print(f"{len(txts)} pages: {tot['gold']} gold joins, {tot['hit']} hit "
          f"(recall {tot['hit'] / max(1, tot['gold']):.3f}); {tot['joins']} joins, "
          f"{sum(wrong.values())} wrong")
    print("missed:")
    for k, n in sorted(missed.items()):
        print(f"  {n:5d}  {k}")
    print("wrong:")
    for k, n in sorted(wrong.items()):
        print(f"  {n:5d}  {k}")
    if args.show:
        for k, v in ex.items():
            if k.startswith(args.show):
                print(f"== {k}")
                print("\n".join(v))
    if why is not None:
        print(why_report(why))
    return 0


def why_report(why: list[dict], top: int = 4, summary: int = 10) -> str:  # type: ignore[type-arg]
    """`--why`'s text: the c:wrong-target misses (`rival_report`), then the b:under-threshold ones (`under_report`)."""
    return "\n".join((rival_report([w for w in why if w.get("kind") != "under"], top, summary),
                      under_report([w for w in why if w.get("kind") == "under"], top)))


def under_report(why: list[dict], top: int = 3) -> str:  # type: ignore[type-arg]
    """Each explained b:under-threshold miss (its probabilities, the debris share, what lies between, the best rival
    and the most negative forward parts), then by distance (the next block, d2+) a census of what lies between, of
    the best rival (likelier or not than the pair, debris or not), of the share held by debris, and the mean forward
    part by `FEATURE_GROUPS`."""
    lines = [f"== why: {len(why)} b:under-threshold misses"]
    for w in why:
        r = w["rival"]
        lines.append(f"{w['tag']}\n    forward {w['pf']:.2f}, reverse {w['pr']:.2f}, opens a paragraph {w['alone']:.2f}; "
                     f"debris holds {w['debris_share']:.2f}; between: {w['between']}; best rival "
                     + (f"{r[0]:.2f} ⏎{r[1]}" + (" (debris)" if r[2] else "") if r else "none") + "; down: "
                     + ", ".join(f"{k} {v:+.2f}" for k, v in w["parts"][:top]))
    for label, near in (("d1", True), ("d2+", False)):
        ws = [w for w in why if (w["d"] == 1) == near]
        if not ws:
            continue
        n = len(ws)
        lines.append(f"-- {label}: {n} misses")
        lines.append("   between: " + ", ".join(f"{k} {v}" for k, v in Counter(w["between"] for w in ws).most_common()))
        riv: Counter = Counter()
        for w in ws:
            r = w["rival"]
            riv["none" if r is None else ("debris" if r[2] else "text") + (" likelier" if r[0] > w["pf"] else
                                                                            " less likely")] += 1
        lines.append("   best rival of the source: " + ", ".join(f"{k} {v}" for k, v in riv.most_common()))
        lines.append(f"   debris holds 0.1 or more of the forward probability: {sum(w['debris_share'] >= 0.1 for w in ws)}")
        sums: Counter = Counter()
        for w in ws:
            for k, v in w["parts"]:
                sums[next((g for g, ks in FEATURE_GROUPS.items() if k in ks), "other")] += v
        lines.append("   mean forward part by feature group: "
                     + ", ".join(f"{k} {v / n:+.2f}" for k, v in sorted(sums.items(), key=lambda kv: kv[1])))
    return "\n".join(lines)


def rival_report(why: list[dict], top: int = 4, summary: int = 10) -> str:  # type: ignore[type-arg]
    """The c:wrong-target misses (T1: the block taken, T2: the gold continuation), each with its largest forward
    parts, then the mean of every part over the misses, largest first."""
    lines = [f"== why: {len(why)} c:wrong-target misses (T1 taken, T2 the gold continuation)"]
    total: Counter = Counter()
    for w in why:
        (f1, f2), (r1, r2), (a1, a2) = w["pf"], w["pr"], w["alone"]
        lines.append(f"{w['tag']}\n    forward T1 {f1:.2f} T2 {f2:.2f}; reverse T1 {r1:.2f} T2 {r2:.2f}; "
                     f"opens a paragraph T1 {a1:.2f} T2 {a2:.2f}; z(T1) - z(T2) = {sum(v for _, v in w['parts']):+.2f}: "
                     + ", ".join(f"{k} {v:+.2f}" for k, v in w["parts"][:top]))
        for k, v in w["parts"]:
            total[k] += v
    if why:
        n = len(why)
        lines.append(f"mean z(T1) - z(T2) {sum(total.values()) / n:+.2f}; mean part by feature: "
                     + ", ".join(f"{k} {v / n:+.2f}" for k, v in sorted(total.items(), key=lambda kv: -abs(kv[1]))[:summary]))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
