"""The quality runs: every system (full pipeline, its ablations, the raw dump) on every page, scored.

Why a module of its own: the runner's entry point, the glyph-only evaluations and the report each change for
their own reasons; this is the part that decides what a figure in the quality table means.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from . import metrics
from .corpora import Case
from .glyph_runs import load_fix_lines, with_config
from .ocr_defects import ocr_char_tallies
from .score import raw_prediction, score_page

ABLATED = ("normalize", "flow", "dedup", "quotes", "glyphs", "segment")
FAIR = "full, OCR-read gold"  # real-OCR pages: the full pipeline scored against `corpora.ocr_gold`
CEILING = "gold layout, OCR-read text"  # real-OCR pages: the ceiling of a perfect layout that fixes no glyph
SYSTEMS = ("raw dump", "full", FAIR, CEILING) + tuple(f"-{s}" for s in ABLATED)


@dataclass
class Tally:
    """Everything summed for one (split, system): score tallies, stage tallies, per-page ARIs."""

    counts: Counter = field(default_factory=Counter)
    aris: list[float] = field(default_factory=list)
    failures: int = 0

    def add(self, other: "Tally") -> None:
        self.counts.update(other.counts)
        self.aris.extend(other.aris)
        self.failures += other.failures


def configs(lm: str | None, ablate: bool = True, context_lm: str | None = None) -> dict[str, Any]:
    """System name -> Config: the full pipeline and, with `ablate`, the pipeline without each stage (each with
    the optional context model `context_lm` for flow's joins and the glyph pass, when one is given)."""
    from layoutfix import Config

    base = Config(lm_path=lm) if lm else Config()
    if context_lm:
        base = base.replace(context_lm=context_lm)
    out: dict[str, Any] = {"full": base}
    for s in ABLATED if ablate else ():
        out[f"-{s}"] = base.without(s)
    return out


def _page_tally(case: Case, pred: dict[str, Any], edits: Sequence[Any]) -> Tally:
    t = Tally(counts=score_page(case.gold, pred))
    seg, ari = metrics.segment_tallies(case.gold, pred)
    t.counts.update(seg)
    if ari is not None:
        t.aris.append(ari)
    if case.defects is not None:
        lines = case.raw_text().split("\n")
        t.counts["defect_pages"] += 1
        t.counts.update(metrics.join_tallies(case.defects, edits, lines))
        t.counts.update(metrics.dedup_tallies(case.defects, edits))
        if case.ocr_truth is not None:  # real OCR: Tesseract's errors, derived from the readings
            t.counts.update(ocr_char_tallies(case.ocr_truth, case.defects, edits))
        else:
            t.counts.update(metrics.char_tallies(case.defects, edits))
    return t


def evaluate_case(job: tuple[Case, dict[str, Any], str | None]) -> dict[str, Tally]:
    """Every system on one page (run in a worker process)."""
    import layoutfix

    case, systems, lm = job
    out: dict[str, Tally] = {"raw dump": _page_tally(case, raw_prediction(case.raw_text()), ())}
    if case.fair_gold is not None:
        out[CEILING] = _page_tally(replace(case, defects=None), case.fair_gold, ())
    data = case.raw_bytes()
    for system, config in systems.items():
        try:
            page = layoutfix.clean(data, config, source=case.raw_path.name)
            out[system] = _page_tally(case, page.to_dict(), page.edits)
            if system == "full" and case.fair_gold is not None:
                out[FAIR] = _page_tally(replace(case, gold=case.fair_gold, defects=None), page.to_dict(), ())
        except Exception as exc:  # a crash on one page is a result, not the end of the run
            print(f"benchmarks: {case.split}/{case.name} {system}: {type(exc).__name__}: {exc}", file=sys.stderr)
            t = _page_tally(case, {"articles": []}, ())
            t.failures = 1
            out[system] = t
    fix_lines = load_fix_lines()
    if fix_lines is not None:
        paras = [p for a in case.gold.get("articles") or [] for p in a.get("paragraphs") or []]
        try:
            ctx = getattr(systems.get("full"), "context_lm", None)  # the opt-in context pass runs here too
            out["full"].counts.update(metrics.false_correction_tallies(paras, with_config(fix_lines, lm, ctx)))
        except Exception as exc:
            print(f"benchmarks: fix_lines on {case.split}/{case.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return out


def run_quality(splits: dict[str, list[Case]], lm: str | None, workers: int,
                ablate: bool = True, context_lm: str | None = None) -> dict[str, dict[str, Tally]]:
    systems = configs(lm, ablate, context_lm)
    jobs = [(c, systems, lm) for cases in splits.values() for c in cases]
    results: dict[str, dict[str, Tally]] = {s: {name: Tally() for name in SYSTEMS} for s in splits}
    if workers > 1 and len(jobs) > 1:
        with mp.get_context("fork" if sys.platform != "win32" else "spawn").Pool(workers) as pool:
            outs = pool.map(evaluate_case, jobs, chunksize=1)
    else:
        outs = [evaluate_case(j) for j in jobs]
    for (case, _, _), out in zip(jobs, outs):
        for system, tally in out.items():
            results[case.split][system].add(tally)
    return results
