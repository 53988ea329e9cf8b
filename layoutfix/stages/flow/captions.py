"""Photo captions printed in pieces: the caption runs a credit closes, and the hand-set score of a join from
a caption fragment (the tuning split has too few such captions to learn from).
"""
from __future__ import annotations

from collections.abc import Callable

import math
from typing import Final

from ...config import Config
from ...charstats import NEUTRAL, char_bigrams
from ...lm import WordLM
from ...model import CREDIT, TEXT, Block
from ...textutil import ends_with_closing_quote_only, is_han
from .blocks import _CONT_START, column_widths, cut_at_column, is_title_like

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


def caption_runs(blocks: list[Block], walls: list[bool]) -> list[int]:
    """For each block, the id of the caption run it belongs to (-1: none).

    A photo credit closes a caption. The caption is the text block right
    before the credit, plus the short text blocks (one or two printed lines)
    before that: a layout extractor prints a caption's fragments together.
    """
    run = [-1] * len(blocks)
    for k, b in enumerate(blocks):
        if b.role != CREDIT:
            continue
        j = k - 1
        if j >= 0 and blocks[j].role == TEXT and not walls[j]:
            run[j] = k
            short = len(blocks[j].text) <= 45  # a long caption stands alone
            j -= 1
            while short and j >= 0 and blocks[j].role == TEXT and not walls[j] and len(blocks[j].text) <= 45 \
                    and run[j] == -1:
                run[j] = k
                j -= 1
        run[k] = k
    return run


def caption_score(lm: WordLM, a: Block, b: Block, distance: int, config: Config,
               same_caption: bool = False, after_body: bool = False,
               in_caption: bool = False, lm_score: Callable[[str], float] | None = None) -> tuple[float, float]:
    """(score, LM gain) of reading block `b` right after block `a`, for a source inside a photo-caption run.

    The tuning split has no caption printed in pieces around body text, so no weight can be learned
    for it: these fragments keep the hand-set evidence (LM gain and character association, distance,
    punctuation, title shape), turned into a probability by `caption_prob`.
    """
    # (`lm_score`: `lm.score` remembered by the caller, `remembered_scores`: a caption source's tail is asked
    # once per candidate)
    gain = lm.join_gain(a.text, b.text, score=lm_score)
    pmi = char_bigrams(lm).pmi(a.text[-1:], b.text[:1])
    gain += 0.8 * (max(NEUTRAL, min(6.0, pmi)) - NEUTRAL)  # 0 at a plain word boundary
    score = gain - 0.6 * (distance - 1)
    first = b.text[:1]
    if first in _CONT_START:
        score += 6.0
    if first in "“‘《（(":
        score -= 0.5
    if is_title_like(b.text) and not (b.text[-1:] in "。！？") and not same_caption:
        score -= config.flow_min_gain  # a title-like line continues text only on strong evidence
    if a.text[-1:] in "，、；,;":
        score += 1.0
    if a.text[-1:] in "：:）)":
        score -= 3.0  # a list lead-in ('有以下几种：') or a closing note ('（记者 张三）') usually ends a paragraph
    if a.text[-1:] in "”’" and ends_with_closing_quote_only(a.text):
        score -= 3.0  # '…“四个意识”' is usually a complete paragraph
    if is_title_like(a.text) \
            and not (distance == 1 and not is_title_like(b.text) and after_body
                     and cut_at_column(a.text, column_widths([b]))):
        # a title-like line continues only into the very next block, on strong evidence
        # (a caption fragment may continue further on: its run is printed in pieces)
        score -= config.flow_min_gain + (0.0 if distance == 1 or in_caption else 10.0)
    if not is_han(a.text[-1:] or " ") and not is_han(first or " "):
        score -= 0.5
    return score, gain


def caption_prob(score: float) -> float:
    return 1 / (1 + math.exp(-(score + 1.0)))


CAPTION_MIN_SCORE: Final = -2.5  # the score a caption-fragment join needs
