"""Real OCR noise for synthetic pages: print paragraphs as newspaper columns, degrade, read back with Tesseract.

Synthetic glyph noise only knows the confusions it was taught; a real OCR engine
makes the errors a real layout dump has (look-alike glyphs, dropped and split
characters, half-width punctuation, spaces at line wraps). This module renders
each clean paragraph as a narrow printed column (12-18 characters a line) in a
CJK serif font, degrades the image at one of two levels ("light", "heavy":
scale, blur, salt-and-pepper speckle, slight rotation), reads it with Tesseract
``chi_sim`` and joins the printed lines the way a layout extractor does (with a
space or with nothing). Readings are kept in a resumable cache because OCR is
the slow part; pages are then assembled by the synthesizer's `compose_page`,
with a cache lookup as its ``noiser``.

Builder-only tools (not needed to install, test or use the package)::

    apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk
    /work/venv/bin/pip install Pillow

Commands (test-split articles only: 1998-01-17..24)::

    python -m layoutfix.synth.ocr cache --source articles.jsonl --out corpus/real_ocr --pages 20 --seed 1
    python -m layoutfix.synth.ocr build --source articles.jsonl --out corpus/real_ocr --pages 20 --seed 1
    python -m layoutfix.synth.ocr stats --out corpus/real_ocr

The first run freezes its choice of articles in ``plan.json``; ``build`` OCRs whatever the cache
lacks, so ``cache`` is only a resumable head start (``--all-levels``: every paragraph at both levels).
Run one Tesseract at a time (OMP_THREAD_LIMIT=1 is set for the child process).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rapidfuzz.distance import Levenshtein

from ..textutil import is_han
from .__main__ import SPLITS

DAYS = SPLITS  # the synthesizer's own days per split, so real-OCR pages keep to the same split
TEST_DAYS = DAYS["test"]  # corpus/real_ocr; tuning days never enter it
TUNE_DAYS = DAYS["tune"]  # corpus/real_ocr_tune, for tuning on real OCR noise
LEVELS = ("light", "heavy")
FONT_CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),  # index 2: the SC face
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
_NO_LINE_START = set("，。、；：？！）”’》〉…—,.;:?!)")


@dataclass(frozen=True)
class Degrade:
    """How one level damages a printed column; each range is sampled per paragraph."""

    px: tuple[int, int]            # glyph size when printed
    scale: tuple[float, float]     # resample factor (below 1: a coarser scan)
    blur: tuple[float, float]      # Gaussian blur radius in printed pixels
    speckle: tuple[float, float]   # fraction of pixels flipped (salt and pepper)
    rotate: tuple[float, float]    # degrees
    ink: tuple[int, int]           # grey level of the ink (faded print is lighter)


LEVEL_SPECS: dict[str, Degrade] = {
    "light": Degrade(px=(26, 32), scale=(0.8, 1.0), blur=(0.0, 0.6), speckle=(0.0, 0.004),
                     rotate=(-0.4, 0.4), ink=(0, 40)),
    "heavy": Degrade(px=(24, 28), scale=(0.46, 0.58), blur=(0.6, 1.1), speckle=(0.005, 0.014),
                     rotate=(-1.2, 1.2), ink=(30, 90)),
}


def stable_seed(*parts: Any) -> int:
    """A seed from text that is the same in every process (``hash()`` of str is salted)."""
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:8], "big")


def find_font() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).exists():
            return path, index
    raise FileNotFoundError("no CJK font: apt-get install fonts-noto-cjk (or fonts-wqy-zenhei)")


# ---------------------------------------------------------------------------------------------
# printing a column

def wrap_column(text: str, width: int, cell: Callable[[str], float]) -> list[str]:
    """Break `text` into printed lines of at most `width` full-width cells, first line indented two cells.

    Closing punctuation never starts a line (it hangs at the end of the previous one), as in print.
    """
    lines: list[str] = []
    cur, used = "\u3000\u3000", 2.0
    for ch in text:
        w = cell(ch)
        if used + w > width + 1e-6 and cur.strip("\u3000") and ch not in _NO_LINE_START:
            lines.append(cur)
            cur, used = "", 0.0
        cur += ch
        used += w
    if cur.strip("\u3000"):
        lines.append(cur)
    return lines


def render_block(text: str, width: int, spec: Degrade, rng: random.Random, font_path: str, font_index: int):
    """One paragraph as a degraded greyscale column image (PIL.Image, mode L)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    px = rng.randint(*spec.px)
    font = ImageFont.truetype(font_path, px, index=font_index)

    def cell(ch: str) -> float:
        return font.getlength(ch) / px

    lines = wrap_column(text, width, cell)
    lead = int(px * rng.uniform(1.45, 1.7))
    margin = px
    w = int(px * (width + 1.5)) + 2 * margin
    h = lead * len(lines) + 2 * margin
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    ink = rng.randint(*spec.ink)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * lead), line, font=font, fill=ink)
    angle = rng.uniform(*spec.rotate)
    if abs(angle) > 0.05:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    blur = rng.uniform(*spec.blur)
    if blur > 0.05:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    scale = rng.uniform(*spec.scale)
    if scale < 0.99:
        img = img.resize((max(1, int(img.width * scale)), max(1, int(img.height * scale))), Image.Resampling.BILINEAR)
    speckle = rng.uniform(*spec.speckle)
    if speckle > 0:
        img = _speckle(img, speckle, rng)
    return img


def _speckle(img, frac: float, rng: random.Random):
    """Flip a fraction of pixels to black or white (dust on the scan), seeded."""
    data = bytearray(img.tobytes())
    n = len(data)
    for _ in range(int(n * frac)):
        k = rng.randrange(n)
        data[k] = 0 if rng.random() < 0.5 else 255
    out = img.copy()
    out.frombytes(bytes(data))
    return out


# ---------------------------------------------------------------------------------------------
# reading it back

def _join_words(words: list[str]) -> str:
    """Words of one OCR line, joined as a text layer stores them: a space only between two Latin/digit words."""
    out = ""
    for w in words:
        if out and out[-1].isascii() and out[-1].isalnum() and w[0].isascii() and w[0].isalnum():
            out += " "
        out += w
    return out


def tesseract_tsv(image_path: str, psm: int = 4) -> list[dict]:
    """Word rows of ``tesseract … tsv`` (level 5), one Tesseract process, single-threaded."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    res = subprocess.run(["tesseract", image_path, "stdout", "-l", "chi_sim", "--psm", str(psm), "tsv"],
                         capture_output=True, env=env, check=True)
    rows = res.stdout.decode("utf-8", "replace").splitlines()
    head = rows[0].split("\t") if rows else []
    out = []
    for r in rows[1:]:
        parts = r.split("\t")
        if len(parts) != len(head):
            continue
        d = dict(zip(head, parts))
        if d.get("level") == "5" and d.get("text", "").strip():
            out.append(d)
    return out


def ocr_batch(texts: list[str], level: str, seed: int, font: tuple[str, int] | None = None,
              width: int | None = None) -> list[list[str]]:
    """OCR several paragraphs in one image (one Tesseract start) and return each one's printed lines.

    Paragraphs are stacked as separate column blocks with wide gaps; each OCR line is given to the
    block its centre falls in, so a reading never leaks into the neighbouring paragraph. A short
    block the page segmentation dropped whole is read again alone as one text block (--psm 6):
    an OCR engine losing a whole paragraph would make gold the dump cannot support.
    """
    from PIL import Image

    font_path, font_index = font or find_font()
    spec = LEVEL_SPECS[level]
    blocks = []
    for t in texts:
        rng = random.Random(stable_seed(seed, level, t))
        w = width or rng.randint(12, 18)
        blocks.append(render_block(t, w, spec, rng, font_path, font_index))
    gap = 60
    W = max(b.width for b in blocks) + 40
    H = sum(b.height for b in blocks) + gap * (len(blocks) + 1)
    page = Image.new("L", (W, H), 255)
    spans = []
    y = gap
    for b in blocks:
        page.paste(b, (20, y))
        spans.append((y, y + b.height))
        y += b.height + gap
    words = _read(page, 4)
    lines: dict[tuple[str, str, str], list[dict]] = {}
    for d in words:
        lines.setdefault((d["block_num"], d["par_num"], d["line_num"]), []).append(d)
    per: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for ws in lines.values():
        top = min(int(d["top"]) for d in ws)
        bottom = max(int(d["top"]) + int(d["height"]) for d in ws)
        left = min(int(d["left"]) for d in ws)
        mid = (top + bottom) / 2
        k = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= mid <= spans[i][1]
                else min(abs(mid - spans[i][0]), abs(mid - spans[i][1])))
        ws.sort(key=lambda d: int(d["left"]))
        per[k].append((top, left, _join_words([d["text"] for d in ws])))
    out = [[t for _, _, t in sorted(p)] for p in per]
    for i, b in enumerate(blocks):
        if not out[i] and texts[i].strip():
            pad = Image.new("L", (b.width + 40, b.height + 40), 255)
            pad.paste(b, (20, 20))
            out[i] = [_join_words([d["text"] for d in ws]) for ws in _lines(_read(pad, 6))]
    return out


def _read(image, psm: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.png")
        image.save(path)
        return tesseract_tsv(path, psm)


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped by Tesseract line, lines top to bottom, words left to right."""
    lines: dict[tuple[str, str, str], list[dict]] = {}
    for d in words:
        lines.setdefault((d["block_num"], d["par_num"], d["line_num"]), []).append(d)
    out = sorted(lines.values(), key=lambda ws: min(int(d["top"]) for d in ws))
    return [sorted(ws, key=lambda d: int(d["left"])) for ws in out]


def ocr_text(text: str, level: str, seed: int, joiner: str = "") -> str:
    """One paragraph printed, degraded and read back, its printed lines joined by `joiner` (" " or "")."""
    return joiner.join(ocr_batch([text], level, seed)[0])


def cer(ocr: str, clean: str) -> float:
    """Levenshtein distance per clean character (whitespace ignored: wraps are not reading errors)."""
    a, b = "".join(ocr.split()), "".join(clean.split())
    return Levenshtein.distance(a, b) / max(1, len(b))


# ---------------------------------------------------------------------------------------------
# the cache: one JSON line per (paragraph, level)

class OcrCache:
    """Tesseract readings of clean paragraphs, kept as printed lines, appended as they are made (resumable)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lines: dict[tuple[str, str], list[str]] = {}
        self.rows: list[dict] = []
        self.last: dict[tuple[str, str], dict] = {}  # a later row for the same key supersedes
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    self.lines[(row["level"], row["text"])] = row["ocr"]
                    self.last[(row["level"], row["text"])] = row
                    self.rows.append(row)

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self.lines

    def needs_retry(self, level: str, text: str) -> bool:
        """A reading lost whole before single-block retries existed (rows without "retry")."""
        row = self.last.get((level, text))
        return bool(row is not None and not row["ocr"] and text.strip() and not row.get("retry"))

    def get(self, level: str, text: str) -> list[str] | None:
        return self.lines.get((level, text))

    def add(self, level: str, text: str, ocr: list[str], **extra: Any) -> None:
        row = {"level": level, "text": text, "ocr": ocr, "retry": True, **extra}
        self.lines[(level, text)] = ocr
        self.last[(level, text)] = row
        self.rows.append(row)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def fill(self, jobs: list[tuple[str, str]], seed: int, batch_chars: int = 2500,
             log: Callable[[str], None] | None = None) -> float:
        """OCR every (level, text) job not cached yet, in batches of about `batch_chars`; returns seconds spent."""
        todo = [j for j in dict.fromkeys(jobs) if j not in self or self.needs_retry(*j)]
        spent = 0.0
        done = 0
        for level, batch in _batches(todo, batch_chars):
            t0 = time.monotonic()
            out = ocr_batch(batch, level, seed)
            dt = time.monotonic() - t0
            spent += dt
            for text, lines in zip(batch, out):
                self.add(level, text, lines, seconds=round(dt / len(batch), 3), seed=seed)
            done += len(batch)
            if log:
                log(f"{level}: {done}/{len(todo)} paragraphs, {spent:.0f}s, "
                    f"{spent / max(1, done):.2f}s/paragraph")
        return spent


def _batches(jobs: list[tuple[str, str]], size: int) -> Iterator[tuple[str, list[str]]]:
    """Consecutive jobs of one level, about `size` characters a batch, in job order (so priorities hold)."""
    cur: list[str] = []
    level, n = "", 0  # (read only once a job has set it)
    for lv, t in jobs:
        if cur and (lv != level or n + len(t) > size):
            yield level, cur
            cur, n = [], 0
        cur.append(t)
        level = lv
        n += len(t)
    if cur:
        yield level, cur


# ---------------------------------------------------------------------------------------------
# the noiser: a cache lookup that also serves fragments of a cached paragraph

def char_map(clean: str, ocr: str) -> list[int]:
    """For each clean index (and its end), where it starts in the OCR string, from the edit alignment."""
    pos = [0] * (len(clean) + 1)
    for op in Levenshtein.opcodes(clean, ocr):  # (Opcode objects; `as_list()` gives plain tuples)
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        for k in range(i1, i2):
            pos[k] = j1 + (k - i1 if tag == "equal" else (k - i1) * (j2 - j1) // max(1, i2 - i1))
    pos[len(clean)] = len(ocr)
    return pos


def slice_lines(clean: str, lines: list[str], a: int, b: int) -> list[str]:
    """The printed OCR lines that read clean[a:b], cut at the aligned positions."""
    joined = "".join(lines)
    pos = char_map(clean, joined)
    lo, hi = pos[a], pos[b] if b < len(clean) else len(joined)
    out, start = [], 0
    for ln in lines:
        end = start + len(ln)
        s, e = max(lo, start), min(hi, end)
        if s < e:
            out.append(joined[s:e])
        start = end
    return out


def make_noiser(cache: OcrCache, level: str, rng: random.Random, seed: int, space_join: float = 0.35,
                ocr_missing: bool = True, prefer: Iterable[str] = ()) -> Callable[[str], str]:
    """A `compose_page` noiser reading `level` OCR from the cache.

    A text the cache lacks may be a column-cut fragment of a cached paragraph: it gets the
    aligned slice of that paragraph's reading. Anything else is OCR'd now (and cached) when
    `ocr_missing`, else returned clean. Printed lines are joined with a space or with nothing,
    decided once per call, as a layout extractor's text layer does. Fragments are looked for in
    `prefer` (the page's own paragraphs) first, so a common phrase is not read from another article.
    """
    own = [t for t in prefer if (level, t) in cache]
    texts = list(dict.fromkeys(own + [t for (lv, t) in cache.lines if lv == level]))

    def noiser(text: str) -> str:
        lines = cache.get(level, text)
        if lines is None:
            host = next((t for t in texts if text in t), None)
            if host is not None:
                a = host.index(text)
                lines = slice_lines(host, cache.get(level, host) or [], a, a + len(text))
            elif ocr_missing:
                lines = ocr_batch([text], level, seed)[0]
                cache.add(level, text, lines, seed=seed)
                texts.append(text)
            else:
                lines = [text]
        joiner = " " if rng.random() < space_join else ""
        out = joiner.join(ln.strip() for ln in lines if ln.strip())
        # a block Tesseract cannot find even alone stays clean: gold must be readable in the dump
        return out if out or not text.strip() else text

    return noiser


# ---------------------------------------------------------------------------------------------
# which articles: the synthesizer's page runs, from the days of one split (test unless asked)

def select_runs(records: list[dict], n_runs: int, seed: int, max_chars: int = 6500,
                days: tuple[str, str] = TEST_DAYS) -> list[tuple[tuple[str, int], list[dict]]]:
    """`n_runs` runs of consecutive items of real pages of `days` (5-10 items, <= max_chars), seeded."""
    from .source import cap_item, chunk_page, convert, harvest_names, pages_of

    first, last = days
    recs = [r for r in records if first <= r["date"] <= last]
    known = harvest_names(recs)
    real = pages_of(recs, first, last)
    rng = random.Random(f"{seed}:real_ocr:layout")
    pool: list[tuple[tuple[str, int], list[dict]]] = []
    for key, rs in real.items():
        items = [cap_item(it, rng) for r in rs for it in convert(r, known)]
        for run in chunk_page(items, rng, lo=5, hi=10, max_chars=max_chars):
            pool.append((key, run))
    rng.shuffle(pool)
    return pool[:n_runs]


def run_texts(run: list[dict]) -> list[str]:
    """The texts compose_page may hand to the noiser whole: paragraphs and captions."""
    return [t for it in run for t in (it["paragraphs"] + it["captions"]) if t.strip()]


def plan(records: list[dict], pages: int, seed: int, path: Path | None = None,
         days: tuple[str, str] = TEST_DAYS) -> tuple[list, list[tuple[str, str]]]:
    """Page runs (first `pages` light, next `pages` heavy) and OCR jobs: what the pages need first,
    then the other level of every paragraph, so both levels can be compared on the same text.

    The runs are frozen in `path` (plan.json) once chosen: the OCR cache is keyed by their text,
    so a later change in how articles are converted must not silently pick other paragraphs.
    """
    runs = None
    if path is not None and path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("pages") == pages and saved.get("seed") == seed and tuple(saved.get("days", TEST_DAYS)) == days:
            runs = [((r["date"], r["page"]), r["items"]) for r in saved["runs"]]
    if runs is None:
        runs = select_runs(records, 2 * pages, seed, days=days)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            body = {"pages": pages, "seed": seed, "days": list(days),
                    "runs": [{"date": k[0], "page": k[1], "items": run} for k, run in runs]}
            path.write_text(json.dumps(body, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    need, extra = [], []
    for k, (_, run) in enumerate(runs):
        lv = LEVELS[0] if k < pages else LEVELS[1]
        other = LEVELS[1] if lv == LEVELS[0] else LEVELS[0]
        for t in run_texts(run):
            need.append((lv, t))
            extra.append((other, t))
    return runs, need + extra


# ---------------------------------------------------------------------------------------------
# figures: character error rate and the confusion table

def confusions(pairs: Iterable[tuple[str, str]]) -> Counter:
    """Counts of (wrong, right) single-character substitutions from the OCR-vs-clean alignment."""
    table: Counter = Counter()
    for ocr, clean in pairs:
        a, b = "".join(ocr.split()), "".join(clean.split())
        for op in Levenshtein.editops(a, b):  # (Editop objects; `as_list()` gives plain tuples)
            tag, i, j = op.tag, op.src_pos, op.dest_pos
            if tag == "replace":
                table[(a[i], b[j])] += 1
    return table


def stats(cache: OcrCache) -> dict:
    """CER per level over all cached paragraphs, and over the paragraphs read at both levels."""
    out: dict[str, Any] = {}
    both = {t for (lv, t) in cache.lines if lv == LEVELS[0]} & {t for (lv, t) in cache.lines if lv == LEVELS[1]}
    for lv in LEVELS:
        rows = [(t, "".join(o)) for (l2, t), o in cache.lines.items() if l2 == lv]
        chars = sum(len("".join(t.split())) for t, _ in rows)
        errs = sum(cer(o, t) * len("".join(t.split())) for t, o in rows)
        chars2 = sum(len("".join(t.split())) for t, _ in rows if t in both)
        errs2 = sum(cer(o, t) * len("".join(t.split())) for t, o in rows if t in both)
        secs = [r["seconds"] for r in cache.rows if r["level"] == lv and "seconds" in r]
        out[lv] = {"paragraphs": len(rows), "chars": chars, "cer": round(errs / max(1, chars), 4),
                   "cer_same_text": round(errs2 / max(1, chars2), 4), "same_text_paragraphs": len(both),
                   "sec_per_paragraph": round(sum(secs) / max(1, len(secs)), 3)}
    return out


def write_confusions(cache: OcrCache, path: Path) -> int:
    """wrong<TAB>right<TAB>count<TAB>light<TAB>heavy, most frequent first."""
    per = {lv: confusions(("".join(o), t) for (l2, t), o in cache.lines.items() if l2 == lv) for lv in LEVELS}
    total = per[LEVELS[0]] + per[LEVELS[1]]
    rows = ["wrong\tright\tcount\tlight\theavy"]
    for (w, r), n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append(f"{w}\t{r}\t{n}\t{per[LEVELS[0]][(w, r)]}\t{per[LEVELS[1]][(w, r)]}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(total)


# ---------------------------------------------------------------------------------------------
# building pages

def build(records: list[dict], out: Path, pages: int, seed: int, log: Callable[[str], None],
          days: tuple[str, str] = TEST_DAYS) -> list[dict]:
    """`pages` light and `pages` heavy pages under out/{light,heavy}/ (NNN.txt, NNN.json, NNN.defects.json)."""
    from .__main__ import dump_defects
    from .compose import compose_page
    from .defects import Confusion, DefectRates
    from .source import build_vocab

    first, last = days
    vocab = build_vocab([r for r in records if first <= r["date"] <= last])
    runs, jobs = plan(records, pages, seed, out / "plan.json", days)
    cache = OcrCache(out / "ocr_cache.jsonl")
    cache.fill(jobs[: len(jobs) // 2], seed, log=log)  # the level each page is printed at
    # garbled repeats and garbage lines carry Tesseract's own confusions, learned from the readings
    # the pages are printed with (fixed once cached, so a rebuild gives the same pages)
    subs = confusions(("".join(cache.get(lv, t) or []), t) for lv, t in dict.fromkeys(jobs[: len(jobs) // 2]))
    table: dict[str, dict[str, int]] = {}
    for (w, r), n in sorted(subs.items()):
        if is_han(w) and is_han(r):
            table.setdefault(r, {})[w] = n
    confusion = Confusion(table)
    rates = DefectRates()
    index = []
    for k, (key, run) in enumerate(runs):
        level = LEVELS[0] if k < pages else LEVELS[1]
        n = k if k < pages else k - pages
        name = f"{n:03d}"
        prng = random.Random(f"{seed}:real_ocr:{level}:{name}")
        noiser = make_noiser(cache, level, random.Random(f"{seed}:real_ocr:{level}:{name}:join"), seed,
                             prefer=run_texts(run))
        raw, gold, defects = compose_page(run, prng, rates.scaled(prng.uniform(0.6, 1.4)), noiser,
                                          confusion=confusion, vocab=vocab,
                                          info={"source": f"{name}.txt", "date": key[0], "page": key[1]})
        gold["ocr"] = True
        gold["ocr_level"] = level
        d = out / level
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{name}.txt").write_text(raw, encoding="utf-8")
        (d / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (d / f"{name}.defects.json").write_text(dump_defects(defects), encoding="utf-8")
        index.append({"name": f"{level}/{name}", "date": key[0], "page": key[1],
                      "docs": sorted({it.get("_doc") for it in run if it.get("_doc")}),
                      "articles": len(gold["articles"]), "defects": len(defects), "bytes": len(raw.encode())})
    (out / "index.json").write_text(dump_defects(index), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m layoutfix.synth.ocr", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("cache", "build", "stats"))
    ap.add_argument("--source", help="articles.jsonl (one article per line)")
    ap.add_argument("--out", required=True, help="output folder, e.g. corpus/real_ocr")
    ap.add_argument("--pages", type=int, default=20, help="pages per level")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", choices=sorted(DAYS), default="test",
                    help="which split's days feed the pages: test (corpus/real_ocr) or tune (corpus/real_ocr_tune)")
    ap.add_argument("--all-levels", action="store_true",
                    help="cache: also read every paragraph at the level its page does not use")
    args = ap.parse_args(argv)
    out = Path(args.out)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.command in ("cache", "build"):
        if not args.source:
            ap.error("--source is required")
        from .source import load_records

        records = load_records(args.source)
        if args.command == "cache":
            _, jobs = plan(records, args.pages, args.seed, out / "plan.json", DAYS[args.days])
            cache = OcrCache(out / "ocr_cache.jsonl")
            cache.fill(jobs if args.all_levels else jobs[: len(jobs) // 2], args.seed, log=log)
        else:
            index = build(records, out, args.pages, args.seed, log, DAYS[args.days])
            log(f"{len(index)} pages, {sum(i['bytes'] for i in index) // 1024} KB")
    cache = OcrCache(out / "ocr_cache.jsonl")
    n = write_confusions(cache, out / "tesseract_confusions.tsv")
    figures = stats(cache)
    (out / "stats.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    log(json.dumps(figures))
    log(f"{n} distinct confusions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
