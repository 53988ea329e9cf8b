"""Page metrics of the official scorer (../shared/tools/score.py), reimplemented.

Why a second implementation: the benchmark must run from a clone without
../shared, and it needs the raw tallies (not only the printed summary) to sum
over splits and ablations. `tests/test_bench.py` checks that every number here
equals the official script's on the same inputs, so the definitions below are
the official ones, including their quirks:

* text is compared in a *strict* form (whitespace removed) and a *content*
  form (strict, then NFKC, then punctuation folded to ASCII look-alikes);
* articles are paired one-to-one, greedily, by similarity of the content form
  of title + body + captions + table cells; candidates at or above 0.3 are taken
  best first, and ties go to the later gold, then the later predicted index;
* paragraphs are "fuzzy" hits when paired one-to-one at similarity >= 0.9;
* ratios are rounded to 4 places, and F1 is computed from the rounded
  precision and recall.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from rapidfuzz.distance import Levenshtein

Article = Mapping[str, Any]

# Full-width and typographic marks folded to one width, so a comma's width is no error.
_FOLD_PAIRS = {
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
    "、": ",", "．": ".", "·": ".", "•": ".", "…": "...",
    "“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "‘": "'", "’": "'",
    "—": "-", "–": "-", "－": "-", "～": "~",
    "《": "<", "》": ">", "〈": "<", "〉": ">", "【": "[", "】": "]", "［": "[", "］": "]",
}
_FOLD = str.maketrans(_FOLD_PAIRS)

ARTICLE_FLOOR = 0.3   # below this similarity an article pairs with nothing
FOUND_AT = 0.9        # a paired article counts as found at this similarity
PARAGRAPH_FLOOR = 0.9  # fuzzy paragraph hits
MIN_DUP_LEN = 8       # a repeated paragraph must be longer than this to count as a duplicate left
MIN_NOISE_LEN = 4     # noise lines shorter than this are not checked for leaks

METRICS: tuple[str, ...] = (
    "article_found", "article_exact", "body_cer", "strict_cer", "page_cer", "paragraph_f1",
    "paragraph_f1_fuzzy", "headline_exact", "title_exact", "byline_f1", "dateline_exact",
    "edits_fixed", "dups_left", "noise_leaked",
)


def strict_form(text: str | None) -> str:
    """The text with every (Unicode) whitespace character removed."""
    return "".join((text or "").split())


def content_form(text: str | None) -> str:
    """The strict form, NFKC-normalised, with punctuation folded to one width."""
    return unicodedata.normalize("NFKC", strict_form(text)).translate(_FOLD)


def body_text(article: Article) -> str:
    return "".join(article.get("paragraphs") or [])


def title_text(article: Article) -> str:
    return "".join(article.get(k) or "" for k in ("kicker", "headline", "subheadline"))


def extra_text(article: Article) -> str:
    """Captions and table cells: what identifies a photo or table item without paragraphs."""
    captions = "".join(article.get("captions") or [])
    cells = "".join(cell or "" for table in article.get("tables") or [] for row in table for cell in row)
    return captions + cells


def greedy_pairs(candidates: Iterable[tuple[float, int, int]], floor: float) -> dict[int, tuple[int, float]]:
    """One-to-one pairs taken best first; ties go to the larger (i, j), as a reverse tuple sort does."""
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for sim, i, j in sorted(candidates, reverse=True):
        if sim < floor:
            break
        if i in pairs or j in taken:
            continue
        pairs[i] = (j, sim)
        taken.add(j)
    return pairs


def pair_articles(gold: Sequence[Article], pred: Sequence[Article]) -> list[tuple[int | None, float]]:
    """For each gold article, the index of its predicted partner (or None) and their similarity."""
    def key(a: Article) -> str:
        return content_form(title_text(a) + body_text(a) + extra_text(a))

    gkeys, pkeys = [key(a) for a in gold], [key(a) for a in pred]
    cands = [(Levenshtein.normalized_similarity(g, p), i, j)
             for i, g in enumerate(gkeys) if g for j, p in enumerate(pkeys) if p]
    pairs = greedy_pairs(cands, ARTICLE_FLOOR)
    return [pairs.get(i, (None, 0.0)) for i in range(len(gold))]


def fuzzy_paragraph_hits(gold: Sequence[str], pred: Sequence[str], floor: float = PARAGRAPH_FLOOR) -> int:
    """Paragraphs paired one-to-one at similarity >= floor (lengths must be within the floor too)."""
    cands = [(Levenshtein.normalized_similarity(g, p), i, j)
             for i, g in enumerate(gold) for j, p in enumerate(pred)
             if g and p and min(len(g), len(p)) >= floor * max(len(g), len(p))]
    return len(greedy_pairs(cands, floor))


def _multiset(texts: Iterable[str | None]) -> Counter:
    return Counter(content_form(t) for t in texts)


def score_page(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> Counter:
    """The raw tallies of one page; sum them over pages, then `summarize`."""
    garts = list(gold["articles"])
    parts = list(pred.get("articles") or [])
    t: Counter = Counter(pages=1, gold_articles=len(garts), pred_articles=len(parts))
    partner_of = pair_articles(garts, parts)
    paired = {j for j, _ in partner_of if j is not None}

    for g, (j, sim) in zip(garts, partner_of):
        p: Article = parts[j] if j is not None else {}
        gbody, pbody = content_form(body_text(g)), content_form(body_text(p))
        t["body_edits"] += Levenshtein.distance(gbody, pbody)
        t["body_chars"] += len(gbody)
        gstrict = strict_form(body_text(g))
        t["strict_edits"] += Levenshtein.distance(gstrict, strict_form(body_text(p)))
        t["strict_chars"] += len(gstrict)
        same_title = content_form(title_text(g)) == content_form(title_text(p))
        t["titles"] += 1
        if j is not None:
            t["articles_found"] += sim >= FOUND_AT
            t["articles_exact"] += (gbody == pbody and same_title
                                    and content_form(extra_text(g)) == content_form(extra_text(p)))
            t["headlines_exact"] += content_form(g.get("headline")) == content_form(p.get("headline"))
            t["titles_exact"] += same_title
        gby, pby = _multiset(g.get("byline") or []), _multiset(p.get("byline") or [])
        t["byline_gold"] += sum(gby.values())
        t["byline_pred"] += sum(pby.values())
        t["byline_hit"] += sum((gby & pby).values())
        if g.get("dateline"):  # an unpaired article still counts, against an empty dateline
            t["dateline_gold"] += 1
            t["dateline_hit"] += content_form(g.get("dateline")) == content_form(p.get("dateline"))
        gpar = [content_form(x) for x in g.get("paragraphs") or []]
        ppar = [content_form(x) for x in p.get("paragraphs") or []]
        t["para_gold"] += len(gpar)
        t["para_hit"] += sum((Counter(gpar) & Counter(ppar)).values())
        t["para_fuzzy_hit"] += fuzzy_paragraph_hits(gpar, ppar)

    for j, p in enumerate(parts):
        t["para_pred"] += len(p.get("paragraphs") or [])
        if j not in paired:  # text the gold does not have at all: all insertions
            t["body_edits"] += len(content_form(body_text(p)))
            t["strict_edits"] += len(strict_form(body_text(p)))

    gall = "".join(content_form(body_text(a)) for a in garts)
    pall = "".join(content_form(body_text(a)) for a in parts)
    t["page_edits"] += Levenshtein.distance(gall, pall)
    t["page_chars"] += len(gall)

    gcount = _multiset(x for a in garts for x in a.get("paragraphs") or [])
    pcount = _multiset(x for a in parts for x in a.get("paragraphs") or [])
    t["dups_left"] += sum(1 for k, n in pcount.items() if n > 1 and gcount.get(k, 0) < n and len(k) > MIN_DUP_LEN)

    for line in gold.get("noise") or []:
        c = content_form(line)
        if len(c) >= MIN_NOISE_LEN:
            t["noise_gold"] += 1
            t["noise_leaked"] += c in pall and c not in gall

    # a character edit is fixed when the raw form is no more frequent and the gold form no rarer than in gold
    gtext = "".join(content_form(title_text(a)) + content_form(body_text(a)) for a in garts)
    ptext = "".join(content_form(title_text(a)) + content_form(body_text(a)) for a in parts)
    for e in gold.get("edits") or []:
        raw, fix = content_form(e.get("raw")), content_form(e.get("gold"))
        t["edits_gold"] += 1
        raw_gone = not raw or ptext.count(raw) <= gtext.count(raw)
        fix_there = not fix or ptext.count(fix) >= gtext.count(fix)
        t["edits_fixed"] += raw_gone and fix_there
    return t


def _ratio(t: Mapping[str, int], num: str, den: str) -> float:
    return round(t.get(num, 0) / t[den], 4) if t.get(den) else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def summarize(t: Mapping[str, int]) -> dict[str, float | int]:
    """The official summary of summed tallies: counts, then the 14 metrics."""
    return {
        "pages": t.get("pages", 0),
        "articles_gold": t.get("gold_articles", 0),
        "articles_pred": t.get("pred_articles", 0),
        "article_found": _ratio(t, "articles_found", "gold_articles"),
        "article_exact": _ratio(t, "articles_exact", "gold_articles"),
        "body_cer": _ratio(t, "body_edits", "body_chars"),
        "strict_cer": _ratio(t, "strict_edits", "strict_chars"),
        "page_cer": _ratio(t, "page_edits", "page_chars"),
        "paragraph_f1": _f1(_ratio(t, "para_hit", "para_pred"), _ratio(t, "para_hit", "para_gold")),
        "paragraph_f1_fuzzy": _f1(_ratio(t, "para_fuzzy_hit", "para_pred"),
                                  _ratio(t, "para_fuzzy_hit", "para_gold")),
        "headline_exact": _ratio(t, "headlines_exact", "titles"),
        "title_exact": _ratio(t, "titles_exact", "titles"),
        "byline_f1": _f1(_ratio(t, "byline_hit", "byline_pred"), _ratio(t, "byline_hit", "byline_gold")),
        "dateline_exact": _ratio(t, "dateline_hit", "dateline_gold"),
        "edits_fixed": _ratio(t, "edits_fixed", "edits_gold") if t.get("edits_gold") else 1.0,
        "dups_left": t.get("dups_left", 0),
        "noise_leaked": t.get("noise_leaked", 0),
    }


def raw_prediction(raw_text: str) -> dict[str, Any]:
    """The untouched dump as a prediction: one article whose paragraphs are its blank-line blocks."""
    paragraphs = [p.strip() for p in raw_text.split("\n\n") if p.strip()]
    return {"articles": [{"headline": None, "paragraphs": paragraphs}], "noise": []}


def score_pages(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, float | int]:
    """Summary over (gold, prediction) pairs, tallies summed first (as `score.py --gold-dir` does)."""
    total: Counter = Counter()
    for gold, pred in pairs:
        total.update(score_page(gold, pred))
    return summarize(total)
