"""flow's joins rescored with the optional context model (`Config.context_lm`; opt-in, interpreted, not compiled).

Why: flow's join probability p reads the word across a join with the shipped unigram model, which cannot tell
that one word is likely followed by another (see `contextlm`). `benchmarks.context_eval joins` measured that a
small logistic stack over flow's own probability and the context model's `continuation_gain` g,

    p' = sigmoid(b0 + b1 * logit(p) + b2 * g),

run through flow's own greedy assignment, joins more right pairs at flow's precision. The three weights are fit
on the synthetic tuning split only and shipped in `layoutfix/data/flow_context.json`, written byte for byte by

    python -m benchmarks.context_eval joins --tune corpus/synthetic/tune --eval corpus/synthetic/tune \
        --write layoutfix/data/flow_context.json

(see its `.SOURCE.md`). The model itself is never shipped: it is read at run time.

No distance term (flowctx45). Session 44's stack had a fourth weight on g * log(distance), which weighs a gain up
the farther the target: on a sample page a source's pair three blocks on at +1.6 nats outranked the right pair
of the block between (+1.1 nats, one block on) and took its target. The gain says how well two ends read together,
whatever lies between; flow's p already weighs the distance. A file with four weights (session 44's) is still read.

The threshold is not the fit's own (the file's "threshold" is kept as the record of the fit) but computed here
from the weights: `stacked(flow's threshold, gain 0)`. So a pair the context model reads at gain 0, or has no
opinion on (`continuation_gain` is 0.0 where a join meets anything but Han characters), is joined exactly when
flow's own p reaches flow's threshold; only a gain moves a decision (review44a).

A loss must be clear to undo flow's join (`kept`, flowctx45): a pair flow's own p accepts (at least flow's
threshold) keeps the stack's threshold as its score when the context model reads it less than `CLEAR_LOSS` nats
worse together; only a loss of `CLEAR_LOSS` or more may drop it under. Half a nat is within what the model gives
any two ends of running text that no word spans (the sample page's right join at -0.5 nats fell under the stack's
threshold and its source then went elsewhere); on the tuning pages flow's joins read between -1 and -0.3 nats are
one in five wrong, under -1 nat one in three (`flow_context.SOURCE.md`). A gain still lifts a pair flow scored
under its threshold.

flow calls `rescore` only when a context model is configured, so the default run never imports this module.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from .contextlm import ContextLM, load_context_lm, resolve_path
from .model import Block
from .stages.flow.assign import REVERSE_SUPPORT
from .stages.flow.model import Candidate, gain_text

STACK_FILE = "flow_context.json"
# nats: the least loss across a join that may drop a pair flow's own p accepts under the stack's threshold (`kept`)
CLEAR_LOSS = 1.0


@dataclass(frozen=True)
class Stack:
    """The stacked scorer's weights [bias, logit p, g, g * log distance] (the last 0.0 for a file of three: no
    distance term), its join threshold and the context windows (Han characters read before and after the join) it
    was fit with."""
    weights: tuple[float, float, float, float]
    threshold: float
    left: int
    right: int


def parse_stack(data: dict[str, object]) -> Stack:
    """A stack from the record `benchmarks.context_eval joins --write` writes (three weights, or session 44's four
    with the distance term, a threshold in (0, 1), the windows)."""
    w = [float(v) for v in data["weights"]]  # type: ignore[attr-defined]
    th = float(data["threshold"])  # type: ignore[arg-type]
    if len(w) not in (3, 4) or not 0.0 < th < 1.0:
        raise ValueError(f"{STACK_FILE}: expected 3 or 4 weights and a threshold in (0, 1), got {w}, {th}")
    w4 = (w[0], w[1], w[2], w[3] if len(w) == 4 else 0.0)
    return Stack(w4, th, int(data["left"]), int(data["right"]))  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def load_stack() -> Stack:
    """The shipped stack (`layoutfix/data/flow_context.json`), read once."""
    return parse_stack(json.loads(resources.files("layoutfix").joinpath("data", STACK_FILE)
                                  .read_text(encoding="utf-8")))


def cached_context_lm(spec: str) -> ContextLM:
    """The context model `spec` names, loaded once per process (as `lm.load_lm` caches the word model), keyed
    by the file it resolves to ('libime' and its full path are one model, loaded once)."""
    return _loaded(str(resolve_path(spec).resolve()))


@lru_cache(maxsize=2)
def _loaded(path: str) -> ContextLM:
    """The context model at the resolved `path`, loaded once."""
    return load_context_lm(path)


def stack_threshold(flow_threshold: float, stack: Stack) -> float:
    """The stacked score a pair at flow's own threshold gets with no context gain: the stack's join threshold,
    so gain 0 (or no opinion) leaves flow's decision as it was (the distance term is gain-weighted: d drops out)."""
    return stacked(flow_threshold, 0.0, 1, stack)


def _logit(p: float) -> float:
    """logit(p), p clipped to [1e-6, 1 - 1e-6] as the fit clipped it."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def stacked(p: float, gain: float, distance: int, stack: Stack) -> float:
    """The stacked join score of a pair flow scored p whose ends the context model reads `gain` nats better
    together (the formula `benchmarks.context_eval` fits)."""
    b0, b1, b2, b3 = stack.weights
    z = b0 + b1 * _logit(p) + b2 * gain + b3 * gain * math.log(max(1, distance))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def kept(score: float, p: float, gain: float, flow_threshold: float, bar: float) -> float:
    """The score a rescored pair is assigned at: its stacked `score`, or the stack's threshold `bar` when the
    stack put it under while flow's own `p` reaches `flow_threshold` and the context model reads the join less
    than `CLEAR_LOSS` nats worse (`gain`): a small loss is no evidence against a join flow makes (module
    docstring)."""
    return bar if score < bar and p >= flow_threshold and gain > -CLEAR_LOSS else score


def rescore(near: Sequence[Candidate], blocks: Sequence[Block], spec: str,
            flow_threshold: float) -> tuple[list[Candidate], float]:
    """flow's scored pairs with the stacked score in place of flow's probability, and the stack's threshold
    (`stack_threshold` of flow's `flow_threshold`).

    A pair a rule excludes stays as it is (it is never joined); so does a pair a rule made (`c.why` set:
    `cut_sentence` and `over_gap` lift a pair to flow's threshold, a figure cut sets 0.99 'whatever the words
    around say'): its score is a rule's, not flow's p, so the stack (fit on p) does not read it; it keeps its score
    mapped onto the stack's scale (`stacked(score, 0)`, which keeps its rank against flow's threshold) and its log
    says the context model did not rescore it (review44a); a reverse-supported lift (`assign.reverse_supported`) is
    no text rule's join but is lifted alike (its score is the threshold, not the p the stack was fit on), and its log
    names it so (review51b). Each rescored pair's reason names flow's score and the
    context gain before ': ' (a near miss's edit quotes that part), flow's own reason after it; the join's edit's
    confidence is the stacked score, the one that decided it. A pair flow's own p accepts that the context model
    reads under `CLEAR_LOSS` nats worse is held at the stack's threshold (`kept`), and its reason says so."""
    ctx = cached_context_lm(spec)
    stack = load_stack()
    bar = stack_threshold(flow_threshold, stack)
    out: list[Candidate] = []
    for c in near:
        if c.excluded:
            out.append(c)
            continue
        if c.why:
            s = stacked(c.score, 0.0, c.distance, stack)
            head, sep, rest = c.why.partition(": ")
            made = "a reverse-supported lift" if REVERSE_SUPPORT in c.why else "a rule's join"
            out.append(Candidate(c.source, c.target, s, c.gain, c.distance,
                                 f"{head} (context score {s:.2f}: {made}, not rescored by the context "
                                 f"model){sep}{rest}", onward=c.onward))
            continue
        g = ctx.continuation_gain(blocks[c.source].text, blocks[c.target].text, stack.left, stack.right)
        s0 = stacked(c.score, g, c.distance, stack)
        s = kept(s0, c.score, g, flow_threshold, bar)
        held = f", a loss under {CLEAR_LOSS:.0f} nat, held at the threshold" if s != s0 else ""
        base = c.why or f"join probability {c.score:.2f} ({gain_text(c.gain)}, {c.distance} block(s) on)"
        out.append(Candidate(c.source, c.target, s, c.gain, c.distance,
                             f"context score {s:.2f} (flow's {c.score:.2f}, context gain {g:+.1f} nats{held}): {base}",
                             onward=c.onward))
    return out, bar
