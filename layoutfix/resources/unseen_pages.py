"""Synthetic pages of text no fit or guard of the glyph stage has read (a tuning tool; nothing here is shipped).

    python -m layoutfix.resources.unseen_pages ../shared/data/news_zh/thucnews_cnews_val/cnews.val.txt \
        --out DIR [--pages 120] [--seed 5] [--days MMDD-MMDD] [--title-apart]

writes `DIR/tune/NNN.txt` with gold and defect logs, as `python -m layoutfix.synth` does, from THUCNews' Sina
news (one `label<TAB>title+body` line per article, paragraph breaks removed) instead of the People's Daily days.

Why (session 23): the glyph stage's precision is 0.98-0.99 on the tuning days' pages, fresh seeds included (they
share most articles with the committed tune split), and 0.87 on the synthetic test days: every guard and the
learned acceptance were fitted on the tuning days' text, so their pages cannot show how often unseen text draws a
false correction. These pages can: the same builder, defect rates and glyph table, other text. Session 23: glyph P/R
0.849/0.187 (191 right of 225 made) against the test split's 0.870/0.185. Score them with the benchmark's
`metrics.char_tallies`, as the synthetic splits are. The text is research-use only: build the pages outside the
repository. Each article is given a title (its first clause, 8-16 characters) because the builder uses only
titled articles; the sentences are grouped into paragraphs of 2-4, up to about 1,200 characters an article.
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

_SENTENCE = re.compile(r"[^。！？]+[。！？][”’」』]?")
_CLAUSE_END = re.compile(r"[，。！？、：；\s,:]")


def records(lines: list[str], seed: int, per_page: int = 8, per_day: int = 60,
            title_apart: bool = False) -> list[dict]:
    """The builder's article records (`layoutfix.synth.source.load_records`' form) of `label<TAB>text` lines: each
    article's sentences in paragraphs of 2-4, its first clause (8-16 characters) as its title, dated over the
    tuning days (1998-01-01..16, `per_day` articles a day) and paged `per_page` articles a page.

    `title_apart`: the title is taken off the first paragraph, as a page prints a headline once. Without it the
    gold holds the title twice, as the headline and again opening the text under it, and a page counts dedup's or
    the glyph stage's removal of that copy as a wrong change (session 24: 7 of the 38 wrong changes on 120 pages of
    days 0101-0108 were copies of a title, glued to the text in THUCNews, or of its last words)."""
    rng = random.Random(seed)
    lines = list(lines)
    rng.shuffle(lines)
    out = []
    for n, line in enumerate(lines):
        _, _, body = line.partition("\t")
        paras: list[str] = []
        cur: list[str] = []
        size = 0
        for s in (m.strip() for m in _SENTENCE.findall(body)):
            if not s:
                continue
            cur.append(s)
            size += len(s)
            if len(cur) >= rng.randint(2, 4):
                paras.append("".join(cur))
                cur = []
            if size > 1200:
                break
        if cur:
            paras.append("".join(cur))
        if not paras:
            continue
        title = _CLAUSE_END.split(paras[0])[0][:rng.randint(8, 16)]
        if len(title) < 4:
            continue
        if title_apart:
            rest = paras[0][len(title):].lstrip()
            paras = ([rest] if rest else []) + paras[1:]
            if not paras:
                continue
        day = 1 + (n // per_day) % 16
        out.append({"doc_id": f"t{n}", "date": f"199801{day:02d}", "page": str(1 + (n // per_page) % per_page),
                    "article_no": str(n), "title_guess": title, "paragraphs": [title] + paras})
    return sorted(out, key=lambda r: (r["date"], int(r["page"])))


def main(argv: list[str] | None = None) -> int:
    from layoutfix.synth.__main__ import build_split
    from layoutfix.synth.defects import Confusion, DefectRates

    ap = argparse.ArgumentParser(prog="python -m layoutfix.resources.unseen_pages", description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path, help="THUCNews lines: label<TAB>title+body")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--days", help="only the articles dated on these days, MMDD-MMDD (each article has one day: "
                                   "0101-0108 and 0109-0116 give pages of disjoint articles)")
    ap.add_argument("--title-apart", action="store_true",
                    help="take each article's title off its first paragraph (the gold then prints it once)")
    ap.add_argument("--confusion", type=Path,
                    default=Path(__file__).resolve().parents[2] / "corpus" / "synthetic" / "confusion.json",
                    help="the synthesizer's glyph table (default: the corpus' own)")
    args = ap.parse_args(argv)
    recs = records(args.source.read_text(encoding="utf-8").splitlines(), args.seed, title_apart=args.title_apart)
    build_split(recs, "tune", args.pages, args.out, args.seed, DefectRates(), Confusion.load(args.confusion),
                args.days)
    print(f"{len(recs)} articles -> {args.out / 'tune'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
