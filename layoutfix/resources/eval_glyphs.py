"""Evaluate the `glyphs` stage: false corrections on clean text, FASpell OCR test, sample pages.

Usage (paths are arguments; nothing here ships data):
  python -m layoutfix.resources.eval_glyphs \
      --clean /work/shared/data/news_zh/pfr1998_01/articles.jsonl --clean-days 13-24 \
      --faspell /work/shared/data/faspell/ocr_test_1000.txt \
      --samples /work/shared/samples --gold /work/shared/gold [--lm MODEL] [--threshold T]

Figures
- clean text: changed characters per 10,000 and share of changed sentences
  (full-width digits/letters folded to ASCII first; each article is one
  document, as a page is for the stage, so a pair printed twice in it is
  taken as written); CPU throughput in chars/s.
- FASpell: character-level correction P/R/F1 (a changed position is right when
  it equals the gold character) and sentence-level correction F1 (lenient: a
  sentence counts as corrected when the output equals the gold).
- samples: which gold edits the full pipeline (`layoutfix.clean`) fixes.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.lmtrain import _fold
from layoutfix.confusion import Table, load_confusion
from layoutfix.stages.glyphs import _pair_counts, fix_changes, fix_text
from layoutfix.textutil import is_han


def clean_articles(path: Path, days: tuple[int, int]):  # type: ignore[no-untyped-def]
    """(article, its paragraphs width-folded as in the gold, their pair counts) for each article of the days.

    The article is the document, as a page is for the stage: a pair printed twice in it is taken as written.
    """
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if days[0] <= int(art["date"][-2:]) <= days[1]:
                paras = [_fold(p) for p in art["paragraphs"]]
                yield art, paras, _pair_counts("\n".join(paras))


def eval_clean(path: Path, days: tuple[int, int], config: Config, limit: int,
               table: Table | None = None) -> dict[str, Any]:
    lm = load_lm(config.lm_path)
    fix_text("预热：加载混淆表和词表。", lm, config)  # warm the one-time tables before timing
    chars = changed = sents = bad_sents = 0
    examples: list[str] = []
    elapsed = 0.0
    for _, paras, known in clean_articles(path, days):
        for p in paras:
            t0 = time.process_time()
            out, rounds = fix_changes(p, lm, config, table=table, known=known)
            edits = [ch for r in rounds for ch in r]
            elapsed += time.process_time() - t0
            chars += len(p)
            n = sum(max(len(e.before), len(e.after)) for e in edits)
            changed += n
            ss = [s for s in re.split(r"(?<=[。！？])", p) if s]
            sents += len(ss)
            if edits:
                bad_sents += len(edits)
                if len(examples) < 40:
                    examples += [f"{e.kind} {e.before}→{e.after} | {p[max(0, e.start - 8):e.end + 8]} | {e.reason}"
                                 for e in edits]
        if chars >= limit:
            break
    return {"chars": chars, "changed_per_10k": 1e4 * changed / max(1, chars),
            "changed_sentence_share": bad_sents / max(1, sents), "sentences": sents,
            "cpu_chars_per_second": chars / max(elapsed, 1e-9), "examples": examples}


def eval_faspell(path: Path, config: Config, table: Table | None = None) -> dict[str, float]:
    lm = load_lm(config.lm_path)
    tp = fp = fn = 0
    corrected = n = detected_changed = 0
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            continue
        _, wrong, gold = parts
        out, _ = fix_changes(wrong, lm, config, table=table)
        n += 1
        if len(out) != len(wrong):
            fp += sum(1 for a, b in zip(wrong, gold) if a == b)  # a length change is wrong here
            fn += sum(1 for a, b in zip(wrong, gold) if a != b)
            continue
        for w, o, g in zip(wrong, out, gold):
            if o != w:
                if o == g:
                    tp += 1
                else:
                    fp += 1
            if w != g and o != g:
                fn += 1
        detected_changed += out != wrong
        corrected += out == gold
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    sp = corrected / max(1, detected_changed)
    sr = corrected / max(1, n)
    return {"sentences": n, "char_P": p, "char_R": r, "char_F1": 2 * p * r / max(1e-9, p + r),
            "sent_P": sp, "sent_R": sr, "sent_F1": 2 * sp * sr / max(1e-9, sp + sr)}


def coverage(path: Path, table: Table, ks: tuple[int, ...] = (5, 10, 20, 30, 40)) -> dict[str, float]:
    """Share of the CJK→CJK (wrong→right) pairs of a FASpell file whose right char is in wrong's top k."""
    pairs: dict[tuple[str, str], int] = {}
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3:
            for w, r in zip(parts[1], parts[2]):
                if w != r and is_han(w) and is_han(r):
                    pairs[(w, r)] = pairs.get((w, r), 0) + 1
    out: dict[str, float] = {"distinct_pairs": len(pairs), "occurrences": sum(pairs.values())}
    for k in ks:
        hit = [q for q in pairs if q[1] in {c for c, _ in table.get(q[0], ())[:k]}]
        out[f"top{k}_distinct"] = len(hit) / max(1, len(pairs))
        out[f"top{k}_occurrences"] = sum(pairs[q] for q in hit) / max(1, sum(pairs.values()))
    return out


def candidate_coverage(path: Path, lm: Any, table: Table) -> dict[str, float]:
    """Where the decoder stands at each CJK→CJK error position of a FASpell file (use the TRAIN file).

    Shares of the error positions at which the right character is
    - `in_table_topK`: among the first K look-alikes of the visual table's row (K = 10, 20, 40 and the row);
    - `in_channel`: among the confusions the channel in use holds (the shipped Tesseract channel, or the
      model's observed one);
    - `candidate`: among the candidates the decoder draws from (`glyphs._candidates`: the table's top
      `TOP_K` plus the channel);
    - `completes_word`: a candidate that also completes a dictionary word there (the decoder tries no other);
    and `gate_open`, the share of error positions the decoder tries at all (the wrong character makes no
    known pair with either neighbour), and `considered`: gate open and the right character a candidate
    that completes a word (the ceiling of the decoder's recall on substitutions).
    """
    from layoutfix.stages import glyphs as g

    cand_of = g._candidates(table, lm)
    channel = lm.observed or g.tesseract_channel()
    pairs, logp, prefixes = lm.pairs, lm.logp, lm.prefixes
    n = 0
    hits: dict[str, int] = {k: 0 for k in ("in_table_top10", "in_table_top20", "in_table_top40", "in_table_row",
                                            "in_channel", "candidate", "completes_word", "gate_open", "considered")}
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or len(parts[1]) != len(parts[2]):
            continue
        wrong, gold = parts[1], parts[2]
        for i, (w, r) in enumerate(zip(wrong, gold)):
            if w == r or not (is_han(w) and is_han(r)):
                continue
            n += 1
            row = [c for c, _ in table.get(w, ())]
            for k in (10, 20, 40):
                hits[f"in_table_top{k}"] += r in row[:k]
            hits["in_table_row"] += r in row
            hits["in_channel"] += r in channel.get(w, {})
            cand = r in cand_of(w)
            hits["candidate"] += cand
            lefts = [wrong[i - q:i] for q in range(0, min(3, i) + 1)]
            rights = [wrong[i + 1:i + 1 + q] for q in range(0, min(3, len(wrong) - i - 1) + 1)]
            word = cand and g._completes_word(r, lefts, rights, logp, prefixes)
            hits["completes_word"] += word
            free = not ((i and wrong[i - 1] + w in pairs) or (i + 1 < len(wrong) and w + wrong[i + 1] in pairs))
            hits["gate_open"] += free
            hits["considered"] += free and word
    out: dict[str, float] = {"error_positions": n}
    out.update({k: v / max(1, n) for k, v in hits.items()})
    return out


def eval_samples(samples: Path, gold: Path, config: Config) -> list[str]:
    from layoutfix.pipeline import clean

    out = []
    for g in sorted(gold.glob("*.json")):
        raw = next(samples.glob(g.stem + "*.txt"), None)
        if raw is None:
            continue
        page = clean(raw.read_bytes(), config, raw.name)
        mine = [e for e in page.edits if e.stage == "glyphs"]
        for ge in json.loads(g.read_text(encoding="utf-8")).get("edits", []):
            if ge["why"] not in ("glyph", "doubled", "stray"):
                continue
            hit = any(e.before and e.before in ge["raw"] and e.after in ge["gold"] and
                      ge["raw"].replace(e.before, e.after, 1) == ge["gold"] for e in mine)
            out.append(f"{g.stem} {ge['why']:8} {ge['raw']}→{ge['gold']}: {'FIXED' if hit else 'missed'}")
        out += [f"{g.stem} glyphs edit: {e.kind} {e.before}→{e.after} | {e.context}" for e in mine]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clean", type=Path)
    ap.add_argument("--clean-days", default="13-24")
    ap.add_argument("--clean-limit", type=int, default=300_000, help="characters of clean text to read")
    ap.add_argument("--faspell", type=Path)
    ap.add_argument("--samples", type=Path)
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--lm", default=None)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--examples", action="store_true")
    ap.add_argument("--observed", default=None, help="an observed-confusion table (build_observed.py; GPL data, never shipped)")
    ap.add_argument("--coverage", type=Path, default=None, help="a FASpell file: confusion-set coverage of its pairs")
    ap.add_argument("--candidates", type=Path, default=None,
                    help="a FASpell file (the TRAIN file): the decoder's candidate coverage of its error positions")
    a = ap.parse_args()
    config = Config(lm_path=a.lm)
    if a.threshold is not None:
        config = config.replace(glyph_threshold=a.threshold)
    print(f"model: {load_lm(config.lm_path).name}, threshold {config.glyph_threshold}")
    table = load_confusion(None, a.observed) if a.observed else None
    if a.coverage:
        r = coverage(a.coverage, table or load_confusion())
        print("coverage:", {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()})
    if a.candidates:
        r = candidate_coverage(a.candidates, load_lm(config.lm_path), table or load_confusion())
        print("candidates:", {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()})
    if a.clean:
        d0, d1 = (int(x) for x in a.clean_days.split("-"))
        rc = eval_clean(a.clean, (d0, d1), config, a.clean_limit, table)
        ex: list[str] = rc.pop("examples")
        print("clean:", {k: round(v, 4) if isinstance(v, float) else v for k, v in rc.items()})
        if a.examples:
            print("\n".join(f"  {x}" for x in ex))
    if a.faspell:
        r = eval_faspell(a.faspell, config, table)
        print("faspell:", {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()})
    if a.samples and a.gold:
        print("\n".join(eval_samples(a.samples, a.gold, config)))


if __name__ == "__main__":
    main()
