"""Title of a new article or subhead inside the one before: the learned heading model.

A heading between two body paragraphs is decided by a logistic regression over `HEADING_FEATURES` (what the
text on both sides shares, how the heading relates to them and to the current title, its length, marks and
the blank lines above it), with the weights `layoutfix.segtrain` learns from the tuning splits
(`layoutfix/data/segment_weights.json`); without a model `same_topic` decides. Every decision is a
`HeadingDecision`, logged as an edit that changes no character (`decision_edit`). Kept in one module because
`segtrain` computes exactly these features to learn the weights.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from ...model import NOISE, TEXT, Block, Edit
from ... import patterns
from .shapes import NOTE_MAX, NOTE_OPENING, PICTURE_LABEL, STAGE
from .titles import TOPIC_CHARS
from .words import TRIGRAM_OVERLAP, _passage_grams, _trigrams, _word_pairs

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


SUBHEAD_MAX: Final = 4
SUBHEAD_OVERLAP: Final = 0.18
# A heading of at most SUBHEAD_MAX characters needs less shared vocabulary ('泰国', '合格'), but some: a short
# column label between two unrelated items ('图片新闻', '致读者') opens the next one (tune: 0.1 against no
# test at all: article_found 0.828 -> 0.841, title 0.830 -> 0.838, pair F1 0.888 -> 0.883).
SHORT_SUBHEAD_OVERLAP: Final = 0.1


def _around(blocks: list[Block], roles: list[str], i: int, step: int) -> str:
    """Up to two text blocks next to block i, in direction `step`, past OCR debris (`debris`)."""
    out: list[str] = []
    j = i + step
    while 0 <= j < len(blocks) and len(out) < 2 and (roles[j] == TEXT or debris(blocks[j], roles[j])):
        if roles[j] == TEXT:
            out.append(blocks[j].text)
        j += step
    return "".join(out)


def debris(b: Block, role: str) -> bool:
    """Is a block OCR debris that a heading's text around it is read past: sent to noise, and no page furniture
    (an editor's line, a page-header date, a hotline: `patterns.is_furniture`), which closes the text above it?"""
    return role == NOISE and not patterns.is_furniture(b.text)


def same_topic(before: str, after: str, lm, floor: float = SUBHEAD_OVERLAP) -> bool:  # type: ignore[no-untyped-def]
    """Do the passages around a heading share their content words (a subhead), or not (a new article)?

    Either test suffices: shared character trigrams, or shared two-character dictionary words. The
    words are looked up, not segmented: on the tune split the best segmentation's words of two or more
    characters (at a 0.15 floor) and the dictionary pairs (at 0.18) decide the same within 0.003 of
    article_found and pair F1, and the lookup costs no Viterbi pass over 1,600 characters per heading."""
    before, after = before[-2 * TOPIC_CHARS:], after[:2 * TOPIC_CHARS]
    gb, ga = _trigrams(before), _trigrams(after)  # names and terms no dictionary has ('某甲某')
    if len(gb & ga) >= TRIGRAM_OVERLAP * max(1, min(len(gb), len(ga))):
        return True
    wb = _word_pairs(before, lm)
    if not wb and floor > 0:
        return False  # no shared word can reach the floor (0 >= floor * 1 fails)
    wa = _word_pairs(after, lm)
    return len(wb & wa) >= floor * max(1, min(len(wb), len(wa)))


# A heading between two body paragraphs either opens a new article or is a subhead (小标题) inside the
# one before. The decision is a logistic regression over the features below, learned from the synthetic
# TUNING split by `python -m layoutfix.segtrain` (`layoutfix/data/segment_weights.json`; its SOURCE.md says
# how). Every such decision is logged with its probability.
HEADING_FEATURES: Final[tuple[str, ...]] = (
    "tri",        # share of character trigrams the passages before and after the heading have in common
    "tric",       # log(1 + how many they share)
    "wp",         # share of two-character dictionary words they have in common
    "tb",         # share of the heading's words the passage before it uses
    "short",      # the heading is at most SUBHEAD_MAX characters
    "log_len",    # log of the heading's length
    "chars",      # log(1 + characters of body since the last title) / 8
    "th",         # share of the heading's words in the current article's title
    "ha",         # share of the current title's words in the passage after the heading
    "hb",         # share of the current title's words in the passage before it
    "unmarked",   # the page marks its titles with '## ' and this heading has no mark
    "bracket",    # the heading ends in a bracketed remark ('（图片）')
    "coverage",   # share of the heading in dictionary words
    "gap",        # two or more blank lines printed above the heading (how a new item is often set apart)
    "dated",      # the current article opened with a dateline (a news report, seldom cut by subheads)
    "subs",       # log(1 + subheads the current article has already)
    "signed",     # the text after the heading, before the next title, closes with names in brackets
    "sibling",    # the current article has a subhead already and this heading's length is within SIBLING_LEN of it
    "resigned",   # `signed`, and the current article is signed already (a byline under its title, a closing name)
)
SIBLING_LEN: Final = 2  # subheads of one article are set alike: their lengths differ by at most this
SEG_WEIGHTS_PATH: Final = "data/segment_weights.json"
HEADING_WINDOW: Final = 200  # characters read on each side of a heading (tune: 200, 300 and 400 decide alike on
# synthetic-tune, found 0.866/0.865/0.865; real_ocr-tune light 0.750/0.737/0.763, 1-2 of its ~60 articles; 200 costs least)


@dataclass(frozen=True)
class HeadingModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    gap_prior: float = 0.0  # `gap` on a page that never prints a wide gap: its mean over the training headings

    def probability(self, feats: dict[str, float]) -> float:
        """P(the heading is a subhead inside the article before it)."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@lru_cache(maxsize=1)
def heading_model() -> HeadingModel | None:
    """The shipped heading model, or None when the package has none (then `same_topic` decides)."""
    try:
        data = json.loads(resources.files("layoutfix").joinpath(SEG_WEIGHTS_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return HeadingModel({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                        float(data["threshold"]), float(data.get("gap_prior", 0.0)))


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def heading_features(blocks: list[Block], roles: list[str], i: int, lm, title: str,  # type: ignore[no-untyped-def]
                     chars: int, marked_page: bool, raw_lines: list[str] | None = None,
                     dated: bool = False, subs: int = 0, last_sub: str | None = None,
                     gap_prior: float | None = None, wide: int = 2, bylined: bool = False) -> dict[str, float]:
    """The features of `HEADING_FEATURES` for the heading at block i; `title` is the text of the current
    article's title lines, `chars` how much body text has come since them, `raw_lines` the dump's lines,
    `last_sub` the current article's last subhead so far, `bylined` whether it carries a byline already; `gap_prior`, when given, is `gap` for a dump that
    sets nothing apart by wide gaps (`wide_gaps`), where the blank lines say nothing either way; `wide` the
    blank lines that set a block apart on this page (`wide_gap`)."""
    t = blocks[i].text.strip()
    gb, wb = _passage_grams(_around(blocks, roles, i, -1)[-HEADING_WINDOW:], lm)
    ga, wa = _passage_grams(_around(blocks, roles, i, 1)[:HEADING_WINDOW], lm)
    wt, wh = _word_pairs(t, lm), _word_pairs(title, lm)
    n = len(t.replace(" ", ""))
    shared = len(gb & ga)  # (the passages' trigram sets are intersected once for `tri` and `tric`)
    return {
        "tri": shared / max(1, min(len(gb), len(ga))), "tric": math.log1p(shared), "wp": _share(wb, wa),
        "tb": len(wt & wb) / max(1, len(wt)), "short": float(n <= SUBHEAD_MAX), "log_len": math.log(max(1, n)),
        "chars": math.log1p(chars) / 8, "th": len(wt & wh) / max(1, len(wt)),
        "ha": len(wh & wa) / max(1, len(wh)), "hb": len(wh & wb) / max(1, len(wh)),
        "unmarked": float(marked_page), "bracket": float(t.endswith(("）", ")"))),
        "coverage": lm.word_coverage(t),
        "gap": gap_prior if gap_prior is not None else
        float(blank_lines_above(raw_lines, blocks[i].line) >= wide) if raw_lines else 0.0,
        "dated": float(dated), "subs": math.log1p(subs), "signed": float(signed := signed_ahead(blocks, roles, i)),
        "sibling": float(last_sub is not None and abs(len(last_sub.replace(" ", "")) - n) <= SIBLING_LEN),
        "resigned": float(signed and bylined),
    }


def photo_note_above(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Is the text right above heading i a photo's note: the nearest text block (past OCR debris) opens as the
    tuning days' notes do ('图为…', '上图：…': `shapes.NOTE_OPENING`), or it or the one above it is the label '图片：'
    printed over a caption (the nearest block at most `shapes.NOTE_MAX` characters either way)?

    Why: the tuning days' articles print the note of their photo as their last paragraph, so a heading under
    one opens the next item (`roles.PHOTO_NOTE_RULE`)."""
    seen, j = 0, i - 1
    while j >= 0 and seen < 2 and (roles[j] == TEXT or debris(blocks[j], roles[j])):
        if roles[j] == TEXT:
            t = blocks[j].text.strip()
            if not seen and len(t) > NOTE_MAX:
                return False  # a paragraph, not a note (nor a caption under a label)
            if PICTURE_LABEL.fullmatch(t) or (not seen and NOTE_OPENING.match(t)):
                return True
            seen += 1
        j -= 1
    return False


SIGNED_AHEAD: Final = 6  # blocks looked at after a heading for a closing byline


def signed_ahead(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Does the text after heading i close with names in brackets ('（某甲）') before the next title?"""
    for j in range(i + 1, min(len(blocks), i + 1 + SIGNED_AHEAD)):
        if roles[j] == "endbyline":
            return True
        if roles[j] != TEXT:
            return False
    return False


def wide_gaps(lines: list[str], wide: int = 2) -> bool:
    """Does the dump print `wide` or more blank lines in a row between text lines anywhere (two, how the tuning
    pages set items apart; more on a page spaced wider throughout: `wide_gap`)? A dump without them (lines run
    on with no blank line, or one between paragraphs and items alike) gives `gap` no evidence, and reading it
    as 0 (no gap seen) made subheads of titles: seeds 35 and 6 printed without blank lines lost 8 titles
    against the same pages as printed; the 5 looked at were model decisions moved from P(subhead) 0.03-0.19 to
    0.57-0.91 by `gap` alone. There `gap` takes the model's `gap_prior` (its mean over the training headings
    that could show one)."""
    run, seen_text = 0, False
    for ln in lines:
        if ln.strip():
            if run >= wide and seen_text:
                return True
            run, seen_text = 0, True
        else:
            run += 1
    return False


def blank_lines_above(lines: list[str], line: int) -> int:
    """How many blank lines the dump prints right above (1-based) `line`."""
    n, k = 0, line - 2
    while 0 <= k < len(lines) and not lines[k].strip():
        n += 1
        k -= 1
    return n


def wide_gap(lines: list[str], blocks: list[Block], roles: list[str], least: int) -> int:
    """How many blank lines above a body-text block, under body text, set it apart on this page: one more than
    the page's paragraph spacing, and at least `least`. An absolute count read every paragraph of a page spaced
    wider throughout as set apart (two blank lines between all paragraphs, CR CR LF line ends read as two
    breaks, an indent-only line before each blank line: review20a); the page's own spacing is its norm.

    The spacing is the most common gap between consecutive body-text blocks (the smaller on a tie), unless the
    most common gap between a title and the body text right under it is smaller and at least half of it: each
    untitled brief adds a wide body-text pair and no title, so a column of briefs two blank lines apart outvoted
    an article's paragraphs one apart and was glued to it (review21a). A title printed flush over its text (no
    blank line; one where CR CR LF line ends double every break and set paragraphs three apart) says nothing
    of the paragraphs' spacing, and a title set further apart than they are widens nothing. On the tuning
    folders (tune, real_ocr_tune, samples) every page's usual gap is 1 both ways."""
    pairs = [b.line for a, b, ra, rb in zip(blocks, blocks[1:], roles, roles[1:]) if ra == rb == TEXT]
    usual = usual_gap(lines, pairs)
    if usual is None or usual + 1 <= least:  # (nothing under `least` counts: titles need not be looked at)
        return least
    from ...model import TITLE  # (only the title gaps here need it)
    heads = [b.line for a, b, ra, rb in zip(blocks, blocks[1:], roles, roles[1:]) if ra == TITLE and rb == TEXT]
    under_title = usual_gap(lines, heads)
    if under_title is not None and usual <= 2 * under_title:
        usual = min(usual, under_title)
    return max(least, usual + 1)


def usual_gap(lines: list[str], above: list[int]) -> int | None:
    """The gap most of the blocks at (1-based) lines `above` show (the smaller on a tie), None if none."""
    seen: dict[int, int] = {}
    for line in above:
        g = blank_lines_above(lines, line)
        seen[g] = seen.get(g, 0) + 1
        if 2 * seen[g] > len(above):  # (a gap most blocks show is the most common: the rest need not be counted)
            break
    return max(seen, key=lambda g: (seen[g], -g)) if seen else None


@dataclass(frozen=True)
class HeadingDecision:
    """One title-or-subhead decision, for the edit log (and for `segtrain`)."""
    index: int
    subhead: bool
    probability: float | None  # None: decided by `same_topic` (no model shipped) or by `rule`
    features: dict[str, float]
    rule: str | None = None  # a rule that decided without the model: what it saw


def decision_edit(b: Block, d: HeadingDecision, role: str) -> Edit:
    """A title-or-subhead decision as a log entry that changes no character: kind `subhead` (the heading
    stays in the article above) or `heading` (it opens a new item), with the model's probability."""
    # (a line a rule keeps a paragraph opens no new item either: a numbered poem, a table's header row)
    sub = role == "subhead" or (role == TEXT and d.subhead and d.rule is not None)
    if d.rule is not None:
        conf, why = 1.0, d.rule
    elif d.probability is None:
        conf, why = 0.6, "the text on both sides shares its words" if sub else "the text on both sides shares too few words"
    else:
        conf = d.probability if sub else 1.0 - d.probability
        hm = heading_model()
        weights = hm.weights if hm is not None else {}
        top = sorted(((k, weights.get(k, 0.0) * v) for k, v in d.features.items()), key=lambda kv: -abs(kv[1]))[:3]
        why = f"P(subhead) {d.probability:.2f}" + (f" (strongest: {', '.join(f'{k} {v:+.1f}' for k, v in top)})" if top else "")
    what = ("paragraph of its article, no heading" if role == TEXT else "subhead inside the article above") if sub \
        else "heading of a new item"
    if sub != d.subhead:  # a later role pass (a marked title above, a subheadline) overrode the decision
        conf, why = 0.5, f"a later role pass overrode the decision for a {'subhead' if d.subhead else 'heading'} ({why})"
    return Edit(STAGE, "subhead" if sub else "heading", "", "", b.line, round(conf, 3), f"{what}: {why}", b.text[:30])
