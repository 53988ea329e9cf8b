"""Build `layoutfix/data/confusion.tsv.gz`: visual look-alikes computed from rendered glyphs.

Why from glyphs: OCR confuses characters that *look* alike, and a font shows
that directly, for any character, without copying anyone's hand-made list.

Method
1. Character set: the 8,105 characters of the Table of General Standard Chinese
   Characters (`data/general_standard_chars.txt`, from Unicode's Unihan) and
   the Han characters of jieba's MIT `dict.txt` ranked by the summed frequency
   of the words they occur in (the top `--chars`; they add older and
   traditional forms OCR still meets), plus ASCII letters and digits, plus
   punctuation (full and half width) in a group of its own: a mark's row lists
   its look-alikes among all characters (。 read as o or 0), but no Han, letter
   or digit row lists a mark, so the decoder is never offered a mark for a
   character.
2. Each character is drawn with Noto Serif CJK SC and Noto Sans CJK SC (Debian
   `fonts-noto-cjk`, build time only) at a fixed origin in an em-sized box, so
   that position inside the box counts (人 vs 入 differ by a stroke, 一 vs 二 by
   position).
3. The ink image is blurred (a small misalignment of strokes still overlaps),
   shrunk to `--grid`², centred (mean removed) and L2-normalised; the
   similarity of two characters is the mean over both fonts of the cosine of
   those vectors (a correlation of blurred ink), maximised over shifts of up
   to `--shift` grid cells (a component drawn a little off, as in 一/二).
4. For every character, of the `--pool` most similar others with similarity
   above `--floor`, the `--top` with the best similarity + `--prior` × log
   frequency of the candidate (its jieba word-frequency weight) are written,
   best similarity first, as `char<TAB>cand:score,cand:score,…` (score ×1000).
   The prior (for Han rows; letter, digit and mark rows are chosen by similarity
   alone) keeps a rare look-alike from crowding a common one out of the row:
   OCR misreads text, and text is mostly common characters. Its weight (0.03)
   is the one that covers the most pairs of FASpell's *train* file (top-40
   coverage 30.9% without it, 36.7% with it; 0.1: 36.0%, 1.0: 34.7%).

Run: /work/venv/bin/python -m layoutfix.resources.build_confusion  (needs Pillow, numpy, the fonts).
"""
from __future__ import annotations

import argparse
import gzip
import string
from collections import Counter
from pathlib import Path

SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
OUT = Path(__file__).resolve().parent.parent / "data" / "confusion.tsv.gz"
WIDE_OUT = Path(__file__).resolve().parent.parent / "data" / "confusion_wide.tsv.gz"


def common_han(n: int) -> list[str]:
    """The `n` Han characters that carry the most word frequency in jieba's dictionary."""
    return [c for c, _ in han_weights().most_common(n)]


def han_weights() -> Counter[str]:
    """Han character -> summed frequency of the jieba dictionary words it occurs in."""
    from layoutfix.lm import jieba_entries
    from layoutfix.textutil import is_han

    weight: Counter[str] = Counter()
    for w, f, _ in jieba_entries():
        for c in dict.fromkeys(w):  # (not a set: its order, and so the order of tied characters, is the hash seed's)
            if is_han(c):
                weight[c] += int(f)
    return weight


PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·－％／,.;:?!\"'()<>[]-%/|_~`"
STANDARD = Path(__file__).resolve().parent.parent / "data" / "general_standard_chars.txt"


def standard_han(path: Path = STANDARD) -> list[str]:
    """The characters of the Table of General Standard Chinese Characters, in file order."""
    text = path.read_text(encoding="utf-8")
    return [c for line in text.splitlines() if not line.startswith("#") for c in line.strip()]


def write_standard(unihan_readings: Path, out: Path = STANDARD) -> None:
    """Extract the kTGHZ2013 characters from Unihan_Readings.txt(.bz2) into `out` (header kept)."""
    import bz2

    opener = bz2.open if str(unihan_readings).endswith(".bz2") else open
    with opener(unihan_readings, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        chars = [chr(int(line.split("\t")[0][2:], 16)) for line in fh if "\tkTGHZ2013\t" in line]
    head = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("#")] if out.exists() else []
    body = ["".join(chars[i:i + 100]) for i in range(0, len(chars), 100)]
    out.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(chars)} characters)")


def character_set(n_common: int) -> tuple[list[str], list[str]]:
    """(Han + ASCII letters and digits, punctuation): the two groups the table covers."""
    han = list(dict.fromkeys(common_han(n_common) + standard_han()))
    return han + list(string.ascii_letters + string.digits), list(dict.fromkeys(PUNCT))


def render(chars: list[str], font_path: str, size: int, grid: int, blur: float):  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    index = 2  # the SC face in the Noto CJK collections (JP, KR, SC, TC, HK)
    font = ImageFont.truetype(font_path, size, index=index)
    asc, _desc = font.getmetrics()
    vecs = np.zeros((len(chars), grid * grid), dtype=np.float32)
    canvas = int(size * 1.25)
    for i, c in enumerate(chars):
        img = Image.new("L", (canvas, canvas), 0)
        d = ImageDraw.Draw(img)
        w = d.textlength(c, font=font)
        d.text(((canvas - w) / 2, (canvas - size) / 2 - (asc - size) * 0.9), c, fill=255, font=font)
        if blur:
            img = img.filter(ImageFilter.GaussianBlur(blur))
        img = img.resize((grid, grid), Image.Resampling.BILINEAR)
        v = np.asarray(img, dtype=np.float32).ravel()
        v -= v.mean()
        nrm = float(np.linalg.norm(v))
        vecs[i] = v / nrm if nrm else v
    return vecs


def _shift(f, grid: int, dx: int, dy: int):  # type: ignore[no-untyped-def]
    """The feature vectors of glyphs moved by (dx, dy) grid cells (zeros shifted in)."""
    import numpy as np

    img = f.reshape(-1, grid, grid)
    out = np.zeros_like(img)
    ys, yd = (slice(0, grid - dy), slice(dy, grid)) if dy >= 0 else (slice(-dy, grid), slice(0, grid + dy))
    xs, xd = (slice(0, grid - dx), slice(dx, grid)) if dx >= 0 else (slice(-dx, grid), slice(0, grid + dx))
    out[:, yd, xd] = img[:, ys, xs]
    return out.reshape(len(f), -1)


def build(n_chars: int, grid: int, blur: float, top: int, floor: float, out: Path, shift: int = 1,
          bold: bool = False, pool: int = 100, prior: float = 0.03, wide_top: int = 0, wide_pool: int = 300,
          wide_out: Path | None = None) -> None:
    import math

    import numpy as np

    main, punct = character_set(n_chars)
    chars = main + punct
    n_main = len(main)
    faces = (SERIF, SANS, SERIF_BOLD, SANS_BOLD) if bold else (SERIF, SANS)
    feats = [render(chars, f, 64, grid, blur) for f in faces]
    shifted = [[_shift(f, grid, dx, dy) for dx in range(-shift, shift + 1) for dy in range(-shift, shift + 1)]
               for f in feats]
    n = len(chars)
    weight = han_weights()
    total = sum(weight.values())
    from layoutfix.textutil import is_han

    han = [is_han(c) for c in chars]
    logf = np.array([math.log((weight.get(c, 0) + 1) / total) for c in chars], dtype=np.float32)
    lines = []
    wide_lines = []
    step = 512
    for s in range(0, n, step):
        sim = sum(np.max([f[s:s + step] @ g.T for g in gs], axis=0) for f, gs in zip(feats, shifted)) / len(feats)
        for r in range(sim.shape[0]):
            i = s + r
            sim[r, i] = -1.0
            if i < n_main:
                sim[r, n_main:] = -1.0  # no mark in a character's row
            idx = _row(sim[r], pool, floor, top, prior if han[i] else 0.0, logf)
            cands = [f"{chars[j]}:{int(round(sim[r, j] * 1000))}" for j in idx]
            if cands:
                lines.append(f"{chars[i]}\t{','.join(cands)}")
            if wide_top and han[i]:  # the wider row's look-alikes the row above lacks (Han rows only)
                have = set(idx.tolist())
                more = [f"{chars[j]}:{int(round(sim[r, j] * 1000))}"
                        for j in _row(sim[r], wide_pool, floor, wide_top, prior, logf) if j not in have]
                if more:
                    wide_lines.append(f"{chars[i]}\t{','.join(more)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# visual confusion set: {n} chars ({len(punct)} marks), grid {grid}, blur {blur}, top {top} "
                 f"of {pool} by similarity + {prior} x log frequency, floor {floor}\n")
        fh.write("\n".join(lines) + "\n")
    print(f"wrote {out} ({len(lines)} rows)")
    if wide_top and wide_out is not None:
        with gzip.open(wide_out, "wt", encoding="utf-8", compresslevel=9) as fh:
            fh.write(f"# wider look-alike rows: of the {wide_pool} most similar (floor {floor}), the {wide_top} best by "
                     f"similarity + {prior} x log frequency, less those the main table's row holds\n")
            fh.write("\n".join(wide_lines) + "\n")
        print(f"wrote {wide_out} ({len(wide_lines)} rows)")


def _row(sims, pool: int, floor: float, top: int, prior: float, logf):  # type: ignore[no-untyped-def]
    """Indices of a row: of the `pool` most similar with similarity >= `floor`, the `top` best by similarity +
    `prior` x log frequency (plain similarity at prior 0), best similarity first."""
    import numpy as np

    idx = np.argpartition(-sims, pool)[:pool]
    idx = idx[sims[idx] >= floor]
    idx = idx[np.argsort(-(sims[idx] + prior * logf[idx]) if prior else -sims[idx], kind="stable")[:top]]
    return idx[np.argsort(-sims[idx], kind="stable")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=7000)
    ap.add_argument("--grid", type=int, default=24)
    ap.add_argument("--blur", type=float, default=1.5)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--floor", type=float, default=0.3)
    ap.add_argument("--pool", type=int, default=100, help="most similar characters a row is chosen from")
    ap.add_argument("--wide-top", type=int, default=80,
                    help="a wider row for the glyph decoder (0: none): its look-alikes beyond the row go to --wide-out")
    ap.add_argument("--wide-pool", type=int, default=200, help="most similar characters a wider row is chosen from")
    ap.add_argument("--wide-out", type=Path, default=WIDE_OUT)
    ap.add_argument("--prior", type=float, default=0.03, help="weight of the log frequency prior in choosing")
    ap.add_argument("--shift", type=int, default=1, help="grid cells a glyph may move when compared")
    ap.add_argument("--bold", action="store_true", help="also compare the bold faces")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    ap.add_argument("--standard-from", type=Path, default=None, metavar="UNIHAN_READINGS",
                    help="first rewrite data/general_standard_chars.txt from Unihan_Readings.txt(.bz2)")
    a = ap.parse_args()
    if a.standard_from:
        write_standard(a.standard_from)
    build(a.chars, a.grid, a.blur, a.top, a.floor, a.out, a.shift, a.bold, a.pool, a.prior, a.wide_top, a.wide_pool,
          a.wide_out)


if __name__ == "__main__":
    main()
