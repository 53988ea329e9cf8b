"""Where the benchmark pages live, and how a split is loaded.

Splits are found by looking, not configured: a split whose folder is missing or
empty is simply absent, and the report says "n/a" for it.

    samples          corpus/samples/NAME.txt  + corpus/gold/NAME.json
    synthetic        corpus/synthetic/test/NNN.txt + NNN.json (+ NNN.defects.json)
    synthetic-tune   corpus/synthetic/tune/...: the split to tune on; only when asked for by name
    real_ocr/<sub>   corpus/real_ocr/<sub>/NNN.txt + NNN.json (+ NNN.defects.json), e.g. light, heavy
    real_ocr-tune/<sub>  corpus/real_ocr_tune/<sub>/...: real OCR noise on tuning days; only when asked for by name
    synthetic-fresh  pages built now from the tuning days with another seed (`--fresh-seed`), from
                     ../shared/data/news_zh: pages nobody has tuned on; only when asked for by name
    real_ocr-fresh/<sub>  real-OCR pages built from the tuning days with another seed (`--fresh-seed`): printed
                     and read by Tesseract once, kept in $LAYOUTFIX_CACHE (default ~/.cache/layoutfix); only by name
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
SPLIT_FAMILIES: tuple[str, ...] = ("samples", "synthetic", "real_ocr")
OPTIONAL_FAMILIES: tuple[str, ...] = ("synthetic-tune", "real_ocr-tune", "synthetic-fresh", "real_ocr-fresh")
FRESH_PAGES = 120
FRESH_OCR_PAGES = 20  # per print level, as corpus/real_ocr_tune
NEWS_SOURCE = Path("data") / "news_zh" / "pfr1998_01" / "articles.jsonl"


@dataclass(frozen=True)
class Case:
    """One dump with its gold and, for generated pages, the log of injected defects."""

    split: str
    name: str
    raw_path: Path
    data: bytes = field(repr=False, compare=False)
    gold: dict[str, Any] = field(compare=False)
    defects: list[dict[str, Any]] | None = field(default=None, compare=False)
    # real-OCR pages: the gold with each paragraph and caption as the OCR engine read it (`ocr_gold`)
    fair_gold: dict[str, Any] | None = field(default=None, compare=False)
    # real-OCR pages: Tesseract's character errors derived as defect entries (`ocr_defects.derive`), so the
    # glyph stage is judged there as on synthetic pages
    ocr_truth: Any = field(default=None, compare=False)

    def raw_bytes(self) -> bytes:
        return self.data

    def raw_text(self) -> str:
        """The dump as `score.py --raw` reads it (UTF-8, universal newlines)."""
        text = self.data.decode("utf-8", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")


def shared_dir() -> Path | None:
    """../shared beside the clone (or $LAYOUTFIX_SHARED), when it exists."""
    env = os.environ.get("LAYOUTFIX_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


VENDORED_SCORER = ROOT / "corpus" / "scorer" / "score.py"


def scorer_drift() -> str | None:
    """Why the vendored copy of the official scorer no longer is that scorer, or None.

    The tests check `benchmarks/score.py` against the copy in corpus/scorer/ (they must run without
    ../shared); the benchmark reports figures as the official scorer's, so it refuses to run when
    ../shared holds a different one."""
    shared = shared_dir()
    official = shared / "tools" / "score.py" if shared else None
    if official is None or not official.is_file():
        return None
    if official.read_bytes() != VENDORED_SCORER.read_bytes():
        return (f"{official} differs from the copy the tests check against ({VENDORED_SCORER.relative_to(ROOT)}): "
                "copy it there, update the sha256 in corpus/scorer/SOURCE.md and rerun the tests")
    return None


def _gold_for(txt: Path, gold_dir: Path) -> Path | None:
    for stem in (txt.stem, txt.stem.split("_")[0]):  # 000.txt or 000_<hash>.txt -> 000.json
        p = gold_dir / f"{stem}.json"
        if p.exists():
            return p
    return None


def _load_dir(split: str, txt_dir: Path, gold_dir: Path, limit: int | None) -> list[Case]:
    cases: list[Case] = []
    for txt in sorted(txt_dir.glob("*.txt")):
        gold_path = _gold_for(txt, gold_dir)
        if gold_path is None:
            continue
        defects_path = gold_dir / f"{gold_path.stem}.defects.json"
        try:  # read everything now: a corpus being regenerated must not break a run half-way
            data = txt.read_bytes()
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            defects = json.loads(defects_path.read_text(encoding="utf-8")) if defects_path.exists() else None
        except (OSError, ValueError) as exc:
            print(f"benchmarks: skipping {txt}: {exc}", file=sys.stderr)
            continue
        cases.append(Case(split, txt.stem, txt, data, gold, defects))
        if limit is not None and len(cases) >= limit:
            break
    return cases


def ocr_gold(gold: dict[str, Any], read: Callable[[str, str], list[str] | None]) -> dict[str, Any]:
    """The gold with every paragraph and caption replaced by its OCR reading at the page's level.

    Issue 5 judges layout on real-OCR pages with "OCR noise left inside text is no miss", but the
    official scorer compares with the clean gold: an article whose layout is perfect still fails
    `article_found` (similarity >= 0.9) when the engine misread more than a tenth of it. Scoring the
    same prediction against this gold as well separates what layout lost from what OCR did. A text
    the cache does not hold (a paragraph the page builder changed) stays as it is.
    """
    level = str(gold.get("ocr_level"))

    def reading(text: str) -> str:
        lines = read(level, text)
        return "".join(lines) if lines is not None else text

    out = dict(gold)
    out["articles"] = [{**a, "paragraphs": [reading(p) for p in a.get("paragraphs") or []],
                        "captions": [reading(c) for c in a.get("captions") or []]}
                       for a in gold.get("articles") or []]
    return out


def _with_ocr_gold(cases: list[Case], base: Path) -> list[Case]:
    cache_path = base / "ocr_cache.jsonl"
    if not cases or not cache_path.exists():
        return cases
    from layoutfix.synth.ocr import OcrCache

    from .ocr_defects import derive, readings_by_level

    cache = OcrCache(cache_path)
    readings = readings_by_level(cache)

    def truth(c: Case) -> Any:
        return derive(c.raw_text(), c.gold, readings.get(str(c.gold.get("ocr_level")), {}), c.defects or ())

    return [replace(c, fair_gold=ocr_gold(c.gold, cache.get), ocr_truth=truth(c)) if c.gold.get("ocr_level") else c
            for c in cases]


def fresh_synthetic(seed: int, root: Path = ROOT, pages: int = FRESH_PAGES) -> list[Case]:
    """`pages` synthetic pages built now from the tuning days with `seed`, or [] without ../shared.

    The committed tune split (seed 1) has been looked at in every session, so its figures flatter the
    tool; the test split must not be looked at. Pages from the same tuning days with another seed
    have other runs of articles, other layouts and other defects, but mostly the same articles (seed 2
    shares 70% of its articles with tune): they catch a change fitted to tune's pages and defects, not
    one fitted to tune's words and names. The builder is the corpus' own (`python -m layoutfix.synth`), with the committed
    glyph table, so the pages are what `--seed N --pages-test 0` would write.
    """
    shared = shared_dir()
    table = root / "corpus" / "synthetic" / "confusion.json"
    if seed == 1:
        raise ValueError("seed 1 is the committed tune split: pick another seed for fresh pages")
    if shared is None or not (shared / NEWS_SOURCE).exists() or not table.exists():
        return []
    import tempfile

    from layoutfix.synth.__main__ import build_split
    from layoutfix.synth.defects import Confusion, DefectRates
    from layoutfix.synth.source import load_records

    records = load_records(str(shared / NEWS_SOURCE))
    with tempfile.TemporaryDirectory(prefix="layoutfix-fresh-") as tmp:
        build_split(records, "tune", pages, Path(tmp), seed, DefectRates(), Confusion.load(table))
        d = Path(tmp) / "tune"
        return _load_dir("synthetic-fresh", d, d, None)  # read into memory before the folder goes


def cache_dir() -> Path:
    """Where pages that are slow to build are kept between runs: $LAYOUTFIX_CACHE, else ~/.cache/layoutfix."""
    env = os.environ.get("LAYOUTFIX_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "layoutfix"


def fresh_real_ocr(seed: int, limit: int | None = None, pages: int = FRESH_OCR_PAGES,
                   log: Callable[[str], None] | None = None) -> dict[str, list[Case]]:
    """`pages` light and `pages` heavy real-OCR pages (the first `limit` of each read) built from the tuning days with `seed`, by split name
    (`real_ocr-fresh/heavy`, `.../light`), or {} when they cannot be built (no ../shared, no Tesseract or Pillow).

    Why (session 41): corpus/real_ocr_tune has been tuned on for thirty sessions, and its figures flatter the tool
    (heavy pages, OCR-read gold: articles found 0.937 there, 0.811 on seed 2's pages, 0.845 on the test split).
    Fresh pages of the same days and the same builder (`python -m layoutfix.synth.ocr build --days tune`) show what
    a change does to real OCR noise nobody has looked at. Printing and reading about 1,700 paragraphs takes a few
    minutes, so the pages and Tesseract's readings are kept under `cache_dir()`; a second run reads them back
    (the builder reuses its plan and OCR cache: the same bytes)."""
    if seed == 1:
        raise ValueError("seed 1 built corpus/real_ocr_tune: pick another seed for fresh real-OCR pages")
    shared = shared_dir()
    if shared is None or not (shared / NEWS_SOURCE).exists():
        return {}
    out = cache_dir() / f"real_ocr-fresh-{seed}-{pages}"
    if not (out / "index.json").exists():
        import shutil

        try:
            import PIL  # noqa: F401  (the builder renders with Pillow)
        except ImportError:
            print("benchmarks: real_ocr-fresh needs Pillow to print its pages (pip install Pillow)", file=sys.stderr)
            return {}
        if shutil.which("tesseract") is None:
            print("benchmarks: real_ocr-fresh needs Tesseract with chi_sim "
                  "(apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk)", file=sys.stderr)
            return {}
        from layoutfix.synth.ocr import TUNE_DAYS, build
        from layoutfix.synth.source import load_records

        print(f"benchmarks: building real_ocr-fresh seed {seed} in {out} (Tesseract: a few minutes, once)",
              file=sys.stderr)
        out.mkdir(parents=True, exist_ok=True)
        build(load_records(str(shared / NEWS_SOURCE)), out, pages, seed,
              log or (lambda msg: print(msg, file=sys.stderr, flush=True)), TUNE_DAYS)
    return {f"real_ocr-fresh/{sub.name}": _with_ocr_gold(_load_dir(f"real_ocr-fresh/{sub.name}", sub, sub, limit), out)
            for sub in sorted(p for p in out.iterdir() if p.is_dir())}


def discover(families: tuple[str, ...] = SPLIT_FAMILIES, root: Path = ROOT,
             limit: int | None = None, fresh_seed: int = 2) -> dict[str, list[Case]]:
    """Every split present under `root/corpus`, in a fixed order; missing ones map to []."""
    corpus = root / "corpus"
    found: dict[str, list[Case]] = {}
    if "samples" in families:
        found["samples"] = _load_dir("samples", corpus / "samples", corpus / "gold", limit)
    if "synthetic" in families:
        d = corpus / "synthetic" / "test"
        found["synthetic"] = _load_dir("synthetic", d, d, limit) if d.is_dir() else []
    if "synthetic-tune" in families:
        d = corpus / "synthetic" / "tune"
        found["synthetic-tune"] = _load_dir("synthetic-tune", d, d, limit) if d.is_dir() else []
    for family, folder in (("real_ocr", "real_ocr"), ("real_ocr-tune", "real_ocr_tune")):
        if family in families:
            base = corpus / folder
            subs = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
            if not subs:
                found[family] = _with_ocr_gold(_load_dir(family, base, base, limit), base) if base.is_dir() else []
            for sub in subs:
                found[f"{family}/{sub.name}"] = _with_ocr_gold(_load_dir(f"{family}/{sub.name}", sub, sub, limit), base)
    if "synthetic-fresh" in families:
        found["synthetic-fresh"] = fresh_synthetic(fresh_seed, root, limit or FRESH_PAGES)
    if "real_ocr-fresh" in families:
        found.update(fresh_real_ocr(fresh_seed, limit))
    return found
