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

With `--mixed`, each paragraph is printed once, under one printing condition drawn for it
(seeded by its text): a face (Noto Serif CJK SC or Noto Sans CJK SC) and a
degradation: `synth.ocr`'s "light" and "heavy", a "blurred" scan (soft focus,
coarse resample, no speckle) or the light one binarised at a drawn
threshold (a bilevel scan, where thin strokes break and blots merge). One
condition per paragraph rather than every condition per paragraph: the same
number of Tesseract readings then covers more distinct text, and coverage of
rare pairs grows with distinct text.

Builder-only: `apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk`, `pip install Pillow`.
Run: python -m layoutfix.resources.build_tesseract_channel --chars 800000 --seed 1 --mixed [--cache DIR]
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import json
import random
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass
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


FACES = {
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),  # index 2: the SC face
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
}


@dataclass(frozen=True)
class Condition:
    """One way of printing and scanning: a face, a degradation and whether the scan is bilevel."""

    face: str
    level: str
    binary: bool = False

    @property
    def name(self) -> str:
        return f"{self.face}-{self.level}" + ("-bin" if self.binary else "")


def degradations() -> dict:
    """`synth.ocr`'s two levels plus a soft-focus scan (blur without speckle, coarse resample)."""
    from layoutfix.synth.ocr import LEVEL_SPECS, Degrade

    out = dict(LEVEL_SPECS)
    out["blurred"] = Degrade(px=(24, 30), scale=(0.6, 0.8), blur=(1.0, 1.6), speckle=(0.0, 0.001),
                             rotate=(-0.6, 0.6), ink=(0, 60))
    return out


CONDITIONS = tuple(Condition(f, lv, b) for f in FACES for lv, b in
                   (("light", False), ("heavy", False), ("blurred", False), ("light", True)))


def condition_of(text: str, seed: int) -> Condition:
    """The printing condition a paragraph gets, the same in every run (seeded by its text)."""
    from layoutfix.synth.ocr import stable_seed

    return CONDITIONS[stable_seed(seed, "condition", text) % len(CONDITIONS)]


def binarise(img, rng: random.Random):
    """A bilevel scan: every pixel black or white at a threshold drawn per paragraph."""
    t = rng.randint(110, 170)
    return img.point(lambda v: 0 if v < t else 255)


def ocr_condition(texts: list[str], cond: Condition, seed: int) -> list[str]:
    """Tesseract's reading of paragraphs printed under `cond`, stacked in one image (one start).

    Each OCR line goes to the block its centre falls in (as `synth.ocr.ocr_batch`).
    """
    from PIL import Image

    from layoutfix.synth.ocr import _read, render_block, stable_seed

    font_path, font_index = FACES[cond.face]
    spec = degradations()[cond.level]
    blocks = []
    for t in texts:
        rng = random.Random(stable_seed(seed, cond.name, t))
        img = render_block(t, rng.randint(12, 18), spec, rng, font_path, font_index)
        blocks.append(binarise(img, rng) if cond.binary else img)
    gap = 60
    page = Image.new("L", (max(b.width for b in blocks) + 40, sum(b.height for b in blocks) + gap * (len(blocks) + 1)), 255)
    spans, y = [], gap
    for b in blocks:
        page.paste(b, (20, y))
        spans.append((y, y + b.height))
        y += b.height + gap
    lines: dict[tuple[str, str, str], list[dict]] = {}
    for d in _read(page, 4):
        lines.setdefault((d["block_num"], d["par_num"], d["line_num"]), []).append(d)
    per: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for ws in lines.values():
        top = min(int(d["top"]) for d in ws)
        mid = (top + max(int(d["top"]) + int(d["height"]) for d in ws)) / 2
        k = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= mid <= spans[i][1]
                else min(abs(mid - spans[i][0]), abs(mid - spans[i][1])))
        ws.sort(key=lambda d: int(d["left"]))
        per[k].append((top, min(int(d["left"]) for d in ws), "".join(d["text"] for d in ws)))
    return ["".join(t for _, _, t in sorted(p)) for p in per]


def read_all(texts: list[str], seed: int, cache: Path, batch: int = 8) -> list[str]:
    """Tesseract's reading of every paragraph under its condition, resumable through JSONL caches.

    Paragraphs are read in order, a stretch of `batch` per condition at a time, so a run cut
    short has read a prefix of the text under every condition alike.
    """
    done: dict[tuple[str, str], str] = {}
    for cond in CONDITIONS:
        path = cache / f"{cond.name}.jsonl"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                done[cond.name, row["text"]] = row["ocr"]
    todo = [t for t in texts if (condition_of(t, seed).name, t) not in done]
    step = batch * len(CONDITIONS)
    for i in range(0, len(todo), step):
        groups: dict[Condition, list[str]] = {}
        for t in todo[i:i + step]:
            groups.setdefault(condition_of(t, seed), []).append(t)
        for cond, part in groups.items():
            with (cache / f"{cond.name}.jsonl").open("a", encoding="utf-8") as fh:
                for t, ocr in zip(part, ocr_condition(part, cond, seed)):
                    done[cond.name, t] = ocr
                    fh.write(json.dumps({"text": t, "ocr": ocr}, ensure_ascii=False) + "\n")
        print(f"read {min(i + step, len(todo))}/{len(todo)}", flush=True)
    return [done[condition_of(t, seed).name, t] for t in texts]


def read_levels(texts: list[str], level: str, seed: int, cache: Path, batch: int = 8) -> list[str]:
    """Tesseract's reading of every paragraph at `level` in the serif face (`synth.ocr.ocr_batch`), resumable
    through a JSONL cache: the build before `--mixed` (every paragraph at both of `synth.ocr`'s levels)."""
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
    ap.add_argument("--chars", type=int, default=800_000, help="characters of text to print")
    ap.add_argument("--mixed", action="store_true",
                    help="each paragraph once under one drawn face/scan condition (without: serif, both levels each)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=Path("tesseract_channel_cache"))
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    a = ap.parse_args()
    a.cache.mkdir(parents=True, exist_ok=True)
    texts = paragraphs(a.chars, a.seed)
    if a.mixed:
        pairs = list(zip(read_all(texts, a.seed, a.cache), texts))
        how = f"each paragraph printed once under one of {len(CONDITIONS)} face/scan conditions"
    else:
        pairs = [p for level in ("light", "heavy") for p in zip(read_levels(texts, level, a.seed, a.cache), texts)]
        how = "printed at two degradation levels"
    table = count(pairs)
    n = sum(sum(c.values()) for c in table.values())
    write(table, a.out, f"Tesseract chi_sim confusions on {sum(map(len, texts))} characters of jieba word-frequency "
                        f"text {how} (seed {a.seed}): {n} substitutions")
    print(f"wrote {a.out} ({sum(len(c) for c in table.values())} pairs, {n} substitutions)")


if __name__ == "__main__":
    main()
