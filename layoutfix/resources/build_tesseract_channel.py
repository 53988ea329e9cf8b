"""Build `layoutfix/data/tesseract_channel.tsv.gz`: OCR confusions Tesseract makes on rendered text.

Why: the visual table says which characters *look* alike; an OCR engine's own
errors say which of them it actually *reads* for one another, and how often
(issue 4: "confusion statistics learned from real OCR: Tesseract (chi_sim) on
rendered clean text, aligned with the source"). The text must be shippable, so
it is not news text: paragraphs are word sequences drawn from jieba's MIT
`dict.txt` by word frequency (common characters come up as often as in real
text), with ， and 。 between clauses. Each paragraph is printed as a narrow
newspaper column, degraded ("light" and "heavy", as `synth.ocr` does for the
real-OCR test pages) and read back with Tesseract chi_sim; the reading is
aligned with the source (Levenshtein) and every substitution is counted.

Output rows: `wrong<TAB>right:count,…` (gzip), most frequent first, the format
of `resources/build_observed.py` and `confusion.parse`.

Builder-only: `apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk`, `pip install Pillow`.
Run: python -m layoutfix.resources.build_tesseract_channel --chars 200000 [--cache DIR]
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import json
import random
from collections import Counter
from itertools import accumulate
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "tesseract_channel.tsv.gz"


def jieba_words() -> tuple[list[str], list[int]]:
    """jieba's dictionary words and their frequencies (all-Han words only)."""
    from layoutfix.lm import jieba_entries
    from layoutfix.textutil import is_han

    words, freqs = [], []
    for w, f, _ in jieba_entries():
        if all(is_han(c) for c in w):
            words.append(w)
            freqs.append(int(f))
    return words, freqs


def paragraphs(n_chars: int, seed: int) -> list[str]:
    """Word-frequency pseudo-text, 60-150 characters a paragraph, clauses of 3-8 words."""
    words, freqs = jieba_words()
    cum = list(accumulate(freqs))
    rng = random.Random(seed)
    out, total = [], 0
    while total < n_chars:
        target, para = rng.randint(60, 150), ""
        while len(para) < target:
            clause = "".join(words[bisect.bisect_right(cum, rng.random() * cum[-1])] for _ in range(rng.randint(3, 8)))
            para += clause + ("。" if rng.random() < 0.35 else "，")
        para = para[:-1] + "。"
        out.append(para)
        total += len(para)
    return out


def read_all(texts: list[str], level: str, seed: int, cache: Path, batch: int = 8) -> list[str]:
    """Tesseract's reading of every paragraph at `level`, resumable through a JSONL cache."""
    from layoutfix.synth.ocr import ocr_batch

    path = cache / f"{level}.jsonl"
    done: dict[str, str] = {}
    if path.exists():
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            done[row["text"]] = row["ocr"]
    todo = [t for t in texts if t not in done]
    with path.open("a", encoding="utf-8") as fh:
        for i in range(0, len(todo), batch):
            part = todo[i:i + batch]
            for t, lines in zip(part, ocr_batch(part, level, seed)):
                done[t] = "".join(lines)
                fh.write(json.dumps({"text": t, "ocr": done[t]}, ensure_ascii=False) + "\n")
            fh.flush()
            print(f"{level}: {min(i + batch, len(todo))}/{len(todo)}", flush=True)
    return [done[t] for t in texts]


def count(pairs: list[tuple[str, str]], context: int = 2) -> dict[str, Counter[str]]:
    """wrong -> Counter(right) over the one-for-one substitutions the alignments are sure of.

    A substitution counts only when it replaces one character by one and at
    least `context` matching characters stand on each side (or the text ends):
    where OCR dropped or garbled a stretch, the alignment pairs characters that
    have nothing to do with each other, and those pairs would teach noise.
    """
    from rapidfuzz.distance import Levenshtein

    out: dict[str, Counter[str]] = {}
    for ocr, clean in pairs:
        a, b = "".join(ocr.split()), "".join(clean.split())
        ops = Levenshtein.opcodes(a, b)
        for k, op in enumerate(ops):
            if op.tag != "replace" or op.src_end - op.src_start != 1 or op.dest_end - op.dest_start != 1:
                continue
            before = ops[k - 1] if k else None
            after = ops[k + 1] if k + 1 < len(ops) else None
            if before is not None and (before.tag != "equal" or before.src_end - before.src_start < context):
                continue
            if after is not None and (after.tag != "equal" or after.src_end - after.src_start < context):
                continue
            out.setdefault(a[op.src_start], Counter())[b[op.dest_start]] += 1
    return out


def write(table: dict[str, Counter[str]], out: Path, header: str) -> None:
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# {header}\n")
        for w in sorted(table, key=lambda c: (-sum(table[c].values()), c)):
            fh.write(f"{w}\t{','.join(f'{r}:{n}' for r, n in table[w].most_common())}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=200_000, help="characters of text to print per level")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=Path("tesseract_channel_cache"))
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    a = ap.parse_args()
    a.cache.mkdir(parents=True, exist_ok=True)
    texts = paragraphs(a.chars, a.seed)
    pairs: list[tuple[str, str]] = []
    for level in ("light", "heavy"):
        pairs += list(zip(read_all(texts, level, a.seed, a.cache), texts))
    table = count(pairs)
    n = sum(sum(c.values()) for c in table.values())
    write(table, a.out, f"Tesseract chi_sim confusions on {sum(map(len, texts))} characters of jieba word-frequency "
                        f"text printed at two degradation levels (seed {a.seed}): {n} substitutions")
    print(f"wrote {a.out} ({sum(len(c) for c in table.values())} pairs, {n} substitutions)")


if __name__ == "__main__":
    main()
