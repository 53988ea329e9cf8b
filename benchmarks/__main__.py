"""`python -m benchmarks [--quick] [--splits samples,synthetic,real_ocr] [--lm MODEL] [--context-lm libime|PATH]`

Runs the pipeline (and its ablations) over every corpus split present, scores
it with the official metrics and the per-stage defect metrics, measures speed,
prints one report and writes it to benchmarks/RESULTS.md. The parts:
`quality` (systems on pages, scored), `glyph_runs` (the corrector alone),
`throughput` (speed) and `report` (the Markdown).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Sequence

from . import installed_mismatch
from .clean_pages import run_clean_pages
from .corpora import OPTIONAL_FAMILIES, SPLIT_FAMILIES, discover, scorer_drift
from .glyph_runs import clean_sentences, confusion_coverage, run_clean_sentences, run_faspell, run_real_ocr_paragraphs
from .quality import SYSTEMS, Tally, configs, run_quality
from .report import PEERS, QUICK_PAGES, QUICK_SENTENCES, measured_for_peers, previous_speed, render
from .throughput import measure

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TEST_FAMILIES = frozenset({"synthetic", "real_ocr"})  # the splits with test pages (the samples are tuning data)
REPEAT = 3  # timed passes of the committed run's throughput table
__all__ = ["PEERS", "SYSTEMS", "Tally", "clean_sentences", "confusion_coverage", "main", "measured_for_peers",
           "previous_speed"]


def parser() -> argparse.ArgumentParser:
    """The runner's options (one place, so `narrowing` is tested on the options a user types)."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"at most {QUICK_PAGES} pages per split")
    ap.add_argument("--splits", default=",".join(SPLIT_FAMILIES),
                    help="comma-separated: samples,synthetic,real_ocr (default: all three); the tuning splits synthetic-tune and real_ocr-tune, and synthetic-fresh and real_ocr-fresh, only by name")
    ap.add_argument("--fresh-seed", type=int, default=2,
                    help="seed of the synthetic-fresh and real_ocr-fresh pages (built from the tuning days; not 1, the seed of the committed tune splits)")
    ap.add_argument("--lm", help="language model file built by `layoutfix train-lm`")
    ap.add_argument("--context-lm", metavar="libime|PATH",
                    help="run flow's joins and the glyph stage's context pass (pages and fix_lines: FASpell, clean "
                         "sentences, real-OCR paragraphs) with the optional context model ('libime': Debian's "
                         "libime-data-language-model, or a KenLM file; needs pip install '.[context]')")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                    help="processes for the quality runs (throughput always uses one)")
    ap.add_argument("--no-ablation", action="store_true",
                    help="score only the full pipeline and the raw dump (faster; for tuning loops)")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput table")
    ap.add_argument("--no-clean-pages", action="store_true",
                    help="skip the row of clean test-day articles run as pages (about a minute)")
    ap.add_argument("--repeat", type=int, default=REPEAT,
                    help="timed passes over the pages; each stage reports its fastest (default 3)")
    ap.add_argument("--installed", action="store_true",
                    help="measure the package `pip install .` built from this checkout (mypyc-compiled modules and "
                         "all) instead of the checkout's source")
    ap.add_argument("--output", type=Path, default=None,
                    help="where to write the report (default: benchmarks/RESULTS.md, for a full run only; a run "
                         "narrowed by --quick, --splits, --lm, --repeat or a --no-* flag is printed, not written, unless "
                         "this is given)")
    return ap


def families_of(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(s.strip() for s in args.splits.split(",") if s.strip())


def narrowing(args: argparse.Namespace) -> list[str]:
    """The options that make this run less than the full one the committed report must come from.

    A narrowed run is printed, not written to benchmarks/RESULTS.md (review18a: a one-split run had replaced it).
    `--workers` and `--fresh-seed` (without synthetic-fresh) change no figure, so they narrow nothing.
    """
    flags = {"--quick": args.quick, "--lm": bool(args.lm), "--context-lm": bool(args.context_lm),
             "--no-ablation": args.no_ablation,
             "--no-speed": args.no_speed, "--no-clean-pages": args.no_clean_pages, "--repeat": args.repeat != REPEAT}
    out = [] if sorted(families_of(args)) == sorted(SPLIT_FAMILIES) else ["--splits"]
    return out + [flag for flag, on in flags.items() if on]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = parser()
    args = ap.parse_args(argv)
    families = families_of(args)
    unknown = set(families) - set(SPLIT_FAMILIES) - set(OPTIONAL_FAMILIES)
    if unknown:
        ap.error(f"unknown split(s): {', '.join(sorted(unknown))}")
    drift = scorer_drift()
    if drift:
        ap.error(drift)
    mismatch = installed_mismatch() if args.installed else None
    if mismatch:
        ap.error(mismatch)
    if "synthetic-fresh" in families and args.fresh_seed == 1:
        ap.error("--fresh-seed 1 is the committed tune split (synthetic-tune): pick another seed")
    if "real_ocr-fresh" in families and args.fresh_seed == 1:
        ap.error("--fresh-seed 1 built the committed real-OCR tune split (real_ocr-tune): pick another seed")
    if args.lm:
        from layoutfix.config import Config
        from layoutfix.errors import LayoutfixError
        from layoutfix.pipeline import check_lm

        try:
            check_lm(Config(lm_path=args.lm))
        except LayoutfixError as e:
            ap.error(str(e))
    if args.context_lm:
        from layoutfix.config import Config
        from layoutfix.errors import LayoutfixError
        from layoutfix.pipeline import check_lm

        try:
            check_lm(Config(context_lm=args.context_lm))
        except LayoutfixError as e:
            ap.error(str(e))
    start = time.perf_counter()
    splits = discover(families, limit=QUICK_PAGES if args.quick else None, fresh_seed=args.fresh_seed)
    results = run_quality(splits, args.lm, args.workers, ablate=not args.no_ablation,
                          context_lm=args.context_lm)
    # a run without the test splits (synthetic-tune, real_ocr-tune, synthetic-fresh and the samples, which are
    # tuning data) is a tuning loop: its glyph figures come from FASpell's train file and the tuning days, never
    # from a test part (glyph29: '--splits synthetic-tune,real_ocr-tune,samples' had printed FASpell test figures)
    part = "test" if set(families) & TEST_FAMILIES else "tune"
    args.glyph_part = part
    ctx = {"context_lm": args.context_lm} if args.context_lm else {}  # the glyph runs' context pass (opt-in)
    spell = run_faspell(args.lm, QUICK_SENTENCES if args.quick else None, part, **ctx)
    ocr_paras = run_real_ocr_paragraphs(args.lm, QUICK_SENTENCES if args.quick else None, **ctx) \
        if "real_ocr" in families else {}
    speed = None if args.no_speed else \
        measure([c for cases in splits.values() for c in cases], configs(args.lm, context_lm=args.context_lm)["full"],
                repeat=args.repeat)
    clean = run_clean_sentences(args.lm, QUICK_SENTENCES if args.quick else None, part, **ctx)
    pages_clean = None if args.no_clean_pages else \
        run_clean_pages(args.lm, QUICK_SENTENCES // 10 if args.quick else None, part,
                        **({"context_lm": args.context_lm} if args.context_lm else {}))
    report = render(args, argv, splits, results, spell, speed, time.perf_counter() - start, ocr_paras, clean,
                    previous=previous_speed(args.output or RESULTS), clean_pages=pages_clean)
    print(report)
    if args.output is None:
        narrowed = narrowing(args)
        if narrowed:  # the committed report is a full run's
            print(f"benchmarks: a run narrowed by {', '.join(narrowed)} is not written to benchmarks/RESULTS.md "
                  "(give --output to keep it)", file=sys.stderr)
            return 0
        args.output = RESULTS
    try:
        args.output.write_text(report, encoding="utf-8")
    except OSError as exc:
        print(f"benchmarks: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
