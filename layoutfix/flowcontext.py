"""flow's joins rescored with the optional context model (`Config.context_lm`; opt-in, interpreted, not compiled).

Why: flow's join probability p reads the word across a join with the shipped unigram model, which cannot tell
that one word is likely followed by another (see `contextlm`). `benchmarks.context_eval joins` measured that a
small logistic stack over flow's own probability and the context model's `continuation_gain` g,

    p' = sigmoid(b0 + b1 * logit(p) + b2 * g + b3 * g * log(distance)),

run through flow's own greedy assignment, joins more right pairs at flow's precision (ctx44: fresh seeds 2 and 4
join F1 +0.009 / +0.006). The four weights are fit on the synthetic tuning split only and shipped in
`layoutfix/data/flow_context.json` (`python -m benchmarks.context_eval joins --write FILE`; see its `.SOURCE.md`).
The model itself is never shipped: it is read at run time.

The threshold is not the fit's own (the file's "threshold", 0.56, is kept as the record of the fit) but computed
here from the weights: `stacked(flow's threshold, gain 0)` (0.5648 with the shipped weights). So a pair the
context model reads at gain 0, or has no opinion on (`continuation_gain` is 0.0 where a join meets anything
but Han characters), is joined exactly when flow's own p reaches flow's threshold; only a gain moves a decision
(review44a: the fit's 0.56 joined gain-0 pairs flow scored from 0.5785, with no evidence from the context model).

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
from .stages.flow.model import Candidate, gain_text

STACK_FILE = "flow_context.json"


@dataclass(frozen=True)
class Stack:
    """The stacked scorer's weights [bias, logit p, g, g * log distance], its join threshold and the context
    windows (Han characters read before and after the join) it was fit with."""
    weights: tuple[float, float, float, float]
    threshold: float
    left: int
    right: int


def parse_stack(data: dict[str, object]) -> Stack:
    """A stack from the record `benchmarks.context_eval joins --write` writes (four weights, a threshold in (0, 1),
    the windows)."""
    w = [float(v) for v in data["weights"]]  # type: ignore[attr-defined]
    th = float(data["threshold"])  # type: ignore[arg-type]
    if len(w) != 4 or not 0.0 < th < 1.0:
        raise ValueError(f"{STACK_FILE}: expected 4 weights and a threshold in (0, 1), got {w}, {th}")
    return Stack((w[0], w[1], w[2], w[3]), th, int(data["left"]), int(data["right"]))  # type: ignore[call-overload]


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


def rescore(near: Sequence[Candidate], blocks: Sequence[Block], spec: str,
            flow_threshold: float) -> tuple[list[Candidate], float]:
    """flow's scored pairs with the stacked score in place of flow's probability, and the stack's threshold
    (`stack_threshold` of flow's `flow_threshold`).

    A pair a rule excludes stays as it is (it is never joined); so does a pair a rule made (`c.why` set:
    `cut_sentence` and `over_gap` lift a pair to flow's threshold, a figure cut sets 0.99 'whatever the words
    around say'): its score is a rule's, not flow's p, so the stack (fit on p) does not read it; it keeps its score
    mapped onto the stack's scale (`stacked(score, 0)`, which keeps its rank against flow's threshold) and its log
    says the context model did not rescore it (review44a). Each rescored pair's reason names flow's score and the
    context gain before ': ' (a near miss's edit quotes that part), flow's own reason after it; the join's edit's
    confidence is the stacked score, the one that decided it."""
    ctx = cached_context_lm(spec)
    stack = load_stack()
    out: list[Candidate] = []
    for c in near:
        if c.excluded:
            out.append(c)
            continue
        if c.why:
            s = stacked(c.score, 0.0, c.distance, stack)
            head, sep, rest = c.why.partition(": ")
            out.append(Candidate(c.source, c.target, s, c.gain, c.distance,
                                 f"{head} (context score {s:.2f}: a rule's join, not rescored by the context "
                                 f"model){sep}{rest}"))
            continue
        g = ctx.continuation_gain(blocks[c.source].text, blocks[c.target].text, stack.left, stack.right)
        s = stacked(c.score, g, c.distance, stack)
        base = c.why or f"join probability {c.score:.2f} ({gain_text(c.gain)}, {c.distance} block(s) on)"
        out.append(Candidate(c.source, c.target, s, c.gain, c.distance,
                             f"context score {s:.2f} (flow's {c.score:.2f}, context gain {g:+.1f} nats): {base}"))
    return out, stack_threshold(flow_threshold, stack)
