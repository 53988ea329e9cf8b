"""Why articles are lost on real-OCR pages: each gold article the official matching does not find, with its cause.

An article is lost when its best partner (the scorer's greedy pairing of title+body+captions, content form) is
under 0.9 similar or missing. Against the OCR-read gold (`corpora.ocr_gold`: every paragraph as Tesseract read
it) what is left of the difference is layout, plus the few characters the pipeline changed. The difference
between the gold key and its partner's key is cut into runs (Levenshtein opcodes) and each run of at least
`MIN_RUN` characters is traced (3-gram cover) to where its text is:

    gold text missing from the partner:   in another predicted article (SPLIT / moved out), in the page's
        noise (TO_NOISE: dedup or segment sent it there), in the partner's byline/dateline fields (FIELD_TAKE),
        nowhere (DROPPED: a dedup drop or text lost);
    text the partner has beyond the gold:  another gold article's text (MERGED with a neighbour), the gold's
        noise (DEBRIS left in the body), this article's own byline/dateline left in the body (FIELD_LEFT), a
        gold article's text printed twice (DUP_LEFT), nothing known (OCR_JUNK);
    shorter runs and replacements: CHARS (character edits: glyphs, normalize, OCR text the reading differs in).

The article's class is the cause with the most characters; every cause over a fifth of the difference is
listed. Merges and splits name the other article, and whether the merge came with a title read into the body
(the neighbour's headline printed inside the partner's paragraphs: `title_in_body`).

    python -m benchmarks.ocr_loss_tally [--dir FOLDER ...] [--splits real_ocr-tune] [--fresh-seed N] [--quiet]
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from rapidfuzz.distance import Levenshtein

from .corpora import Case, _load_dir, _with_ocr_gold, discover
from .page_tally import tally_cli
from .score import body_text, content_form, extra_text, pair_articles, title_text

FOUND = 0.9       # the scorer's article_found bar
MIN_RUN = 6       # shorter differences are character edits
COVER = 0.6       # share of a run's 3-grams a text must hold to be where the run is
CAUSES = ("MERGED", "SPLIT", "ORDER", "TO_NOISE", "DROPPED", "DEBRIS", "FIELD_LEFT", "FIELD_TAKE", "DUP_LEFT",
          "OCR_JUNK", "CHARS", "MISSING")


def _key(a: dict[str, Any]) -> str:
    return content_form(title_text(a) + body_text(a) + extra_text(a))


def _grams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


def _cover(run: str, grams: set[str]) -> float:
    g = [run[i:i + 3] for i in range(len(run) - 2)]
    return sum(x in grams for x in g) / len(g) if g else 0.0


def _fields(a: dict[str, Any]) -> str:
    return content_form("".join(a.get("byline") or []) + (a.get("dateline") or "") + (a.get("section") or ""))


def _bounds(a: dict[str, Any]) -> list[int]:
    """Where each paragraph starts and ends in the article's key (content form), title first."""
    out, n = [0], len(content_form(title_text(a)))
    out.append(n)
    for para in a.get("paragraphs") or []:
        n += len(content_form(para))
        out.append(n)
    return out


def _whole(b0: int, b1: int, bounds: list[int]) -> bool:
    """A run that starts and ends at paragraph bounds (give or take two characters): whole paragraphs moved
    (segment's assignment), not text joined into a paragraph (flow)."""
    return any(abs(b0 - x) <= 2 for x in bounds) and any(abs(b1 - x) <= 2 for x in bounds)


def _in_paras(run: str, a: dict[str, Any]) -> bool:
    """The run is whole paragraphs of article a (it covers paragraphs with little else)."""
    paras = [content_form(x) for x in a.get("paragraphs") or []]
    grams = _grams(run)
    inside = sum(len(x) for x in paras if x and _cover(x, grams) >= COVER)
    return inside >= 0.7 * len(run)


def article_causes(i: int, gold: dict[str, Any], pred: dict[str, Any], j: int | None) -> tuple[Counter, dict[str, Any]]:
    """Characters of gold article i's difference from its partner j, by cause, and notes (the other articles)."""
    garts, parts = gold["articles"], pred.get("articles") or []
    g = garts[i]
    gk = _key(g)
    causes: Counter = Counter()
    notes: dict[str, Any] = {}
    if j is None:
        # no partner at all: where its text went decides (split over several, into a neighbour, noise)
        pk = ""
    else:
        pk = _key(parts[j])
    other_pred = [(k, _grams(_key(a))) for k, a in enumerate(parts) if k != j]
    noise_grams = _grams(content_form("".join(pred.get("noise") or [])))
    field_grams = _grams(_fields(parts[j])) if j is not None else set()
    other_gold = [(k, _grams(_key(a))) for k, a in enumerate(garts) if k != i]
    gnoise = _grams(content_form("".join(gold.get("noise") or [])))
    own_fields = _grams(_fields(g))
    own_grams = _grams(gk)
    for op in Levenshtein.opcodes(gk, pk):
        if op.tag == "equal":
            continue
        a0, a1, b0, b1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        gone, extra = gk[a0:a1], pk[b0:b1]
        if len(gone) >= MIN_RUN:
            where = next((k for k, gr in other_pred if _cover(gone, gr) >= COVER), None)
            if where is not None:
                causes["SPLIT" if j is not None else "MISSING"] += len(gone)
                notes.setdefault("split_to", set()).add(where)
                notes.setdefault("how", set()).add("para" if _in_paras(gone, parts[where]) else "inline")
            elif _cover(gone, noise_grams) >= COVER:
                causes["TO_NOISE"] += len(gone)
            elif _cover(gone, field_grams) >= COVER:
                causes["FIELD_TAKE"] += len(gone)
            elif j is not None and _cover(gone, _grams(pk)) >= COVER:
                causes["ORDER"] += len(gone)  # printed elsewhere in the partner: a wrong join or order
            else:
                causes["DROPPED" if j is not None else "MISSING"] += len(gone)
        elif gone:
            causes["CHARS"] += len(gone)
        if j is not None and len(extra) >= MIN_RUN:  # (j is None: no partner text, nothing extra)
            where = next((k for k, gr in other_gold if _cover(extra, gr) >= COVER), None)
            if where is not None:
                causes["MERGED"] += len(extra)
                notes.setdefault("merged_with", set()).add(where)
                notes.setdefault("how", set()).add("para" if _whole(b0, b1, _bounds(parts[j])) else "inline")
                other_title = content_form(title_text(garts[where]))
                if len(other_title) >= 4 and other_title in content_form(body_text(parts[j])):
                    notes["title_in_body"] = True
            elif _cover(extra, own_fields) >= COVER:
                causes["FIELD_LEFT"] += len(extra)
            elif _cover(extra, gnoise) >= COVER:
                causes["DEBRIS"] += len(extra)
            elif _cover(extra, own_grams) >= COVER:
                mid = extra[len(extra) // 2 - 3:len(extra) // 2 + 3]
                causes["DUP_LEFT" if pk.count(mid) > gk.count(mid) else "ORDER"] += len(extra)
            else:
                causes["OCR_JUNK"] += len(extra)
        elif extra:
            causes["CHARS"] += len(extra)
    if j is None and causes:
        # the text went somewhere: into one other article (merged), several (split), or nowhere
        homes: Counter[int] = Counter()
        for k, gr in other_pred + [(-1, noise_grams)]:
            homes[k] = round(_cover(gk, gr) * len(gk))
        notes["homes"] = {k: v for k, v in homes.most_common(3) if v}
    return causes, notes


def classify(causes: Counter) -> str:
    if not causes:
        return "CHARS"
    return causes.most_common(1)[0][0]


def page_report(case: Case, pred: dict[str, Any]) -> tuple[Counter, list[str]]:
    gold = case.fair_gold or case.gold
    garts, parts = gold["articles"], pred.get("articles") or []
    pairs = pair_articles(garts, parts)
    t: Counter = Counter(gold_articles=len(garts))
    out: list[str] = []
    for i, (j, sim) in enumerate(pairs):
        if j is not None and sim >= FOUND:
            t["found"] += 1
            continue
        causes, notes = article_causes(i, gold, pred, j)
        cls = classify(causes)
        if j is None:
            homes = notes.get("homes", {})
            inside = [k for k in homes if k >= 0 and homes[k] > 0.3 * len(_key(garts[i]))]
            cls = "MERGED" if len(inside) == 1 else "SPLIT" if len(inside) > 1 else \
                "TO_NOISE" if homes.get(-1, 0) > 0.3 * len(_key(garts[i])) else "DROPPED"
        t[cls] += 1
        g = garts[i]
        total = sum(causes.values()) or 1
        share = " ".join(f"{c}:{n}" for c, n in causes.most_common() if n >= 0.2 * total)
        ph = (parts[j].get("headline") or "") if j is not None else ""
        out.append(f"{cls:10s} {case.split}/{case.name} g{i} sim={sim:.2f} p={j} [{share}] "
                   f"{ {k: sorted(v) if isinstance(v, set) else v for k, v in notes.items()} }\n"
                   f"     gold title={title_text(g)[:30]!r} paras={len(g.get('paragraphs') or [])} "
                   f"len={len(_key(g))}; pred title={ph[:30]!r}")
    return t, out


def summary(name: str, t: Counter) -> str:
    lost = t["gold_articles"] - t["found"]
    parts = " ".join(f"{c.lower()} {t[c]}" for c in CAUSES if t[c])
    return f"{name}: found {t['found']}/{t['gold_articles']}, lost {lost}: {parts}"


def _folder_cases(folder: Path) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        out[f"{folder.name}/{sub.name}"] = _with_ocr_gold(_load_dir(f"{folder.name}/{sub.name}", sub, sub, None), folder)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    tally_cli(argv, __doc__ or "", "real_ocr-tune", page_report, summary, _folder_cases,
              "a folder of real-OCR pages built by synth.ocr")


if __name__ == "__main__":
    main()
