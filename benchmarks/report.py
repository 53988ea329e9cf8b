"""The report: quality, glyph, peer and throughput tables rendered as Markdown (benchmarks/RESULTS.md).

Rendering only: every figure comes from the quality runs, the glyph runs or the throughput measurement.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import subprocess
from collections import Counter
from pathlib import Path
from typing import Sequence

from layoutfix.buildinfo import build_info, build_line

from . import metrics
from .corpora import ROOT, Case, shared_dir
from .glyph_runs import confusion_coverage
from .ocr_defects import rule_summary
from .quality import CEILING, FAIR, SYSTEMS, Tally
from .score import METRICS, summarize
from .throughput import Throughput

QUICK_PAGES = 8
QUICK_SENTENCES = 200


def _f(x: float | None, digits: int = 3) -> str:
    if x is None:
        return "n/a"
    text = f"{x:.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0.000"


def _pr(t: Counter, key: str) -> str:
    """"P/R"; n/a when the split logs no defect of this kind (its errors are then not judged)."""
    if not t[f"{key}_gold"]:
        return "n/a"
    p, r, _ = metrics.prf(t[f"{key}_tp"], t[f"{key}_pred"], t[f"{key}_gold"])
    return f"{_f(p, 2)}/{_f(r, 2)}"


SHORT = {
    "article_found": "found", "article_exact": "exact", "body_cer": "body CER", "strict_cer": "strict CER",
    "page_cer": "page CER", "paragraph_f1": "para F1", "paragraph_f1_fuzzy": "para F1~",
    "headline_exact": "headline", "title_exact": "title", "byline_f1": "byline F1",
    "dateline_exact": "dateline", "edits_fixed": "edits fixed", "dups_left": "dups left",
    "noise_leaked": "noise leaked",
}
STAGE_COLS = ("flow P/R", "dedup P/R", "glyph P/R", "glyph FP/10k", "seg pair F1", "seg ARI")


def quality_rows(results: dict[str, dict[str, Tally]], splits: dict[str, list[Case]]) -> list[list[str]]:
    rows = []
    for split, cases in splits.items():
        if not cases:
            rows.append([split, "n/a (no pages)", "0"] + ["n/a"] * (len(METRICS) + len(STAGE_COLS)))
            continue
        for system in SYSTEMS:
            tally = results[split][system]
            t = tally.counts
            if (system.startswith("-") or system in (FAIR, CEILING)) and not t.get("pages"):
                continue  # not run (--no-ablation), or no OCR-read gold for this split
            s = summarize(t)
            cells = [split, system + (f" ({tally.failures} failed)" if tally.failures else ""), str(s["pages"])]
            for m in METRICS:
                v = s[m]
                cells.append(str(v) if isinstance(v, int) and m in ("dups_left", "noise_leaked")
                             else _f(float(v), 4 if "cer" in m else 3))
            has_defects = t.get("defect_pages", 0) > 0
            cells += [_pr(t, "join") if has_defects else "n/a",
                      _pr(t, "dedup") if has_defects else "n/a",
                      _pr(t, "char") if has_defects else "n/a"]
            fp = (t["clean_changed"] / t["clean_chars"] * 1e4) if t.get("clean_chars") else None
            cells.append(_f(fp, 1))
            cells.append(_f(metrics.prf(t["pair_tp"], t["pair_pred"], t["pair_gold"])[2]))
            cells.append(_f(sum(tally.aris) / len(tally.aris)) if tally.aris else "n/a")
            rows.append(cells)
    return rows


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows])


def glyph_detail(results: dict[str, dict[str, Tally]], splits: dict[str, list[Case]]) -> list[list[str]]:
    rows = []
    for split, cases in splits.items():
        t = results.get(split, {}).get("full", Tally()).counts if cases else Counter()
        if not t.get("defect_pages"):
            continue
        p, r, f = metrics.prf(t["char_tp"], t["char_pred"], t["char_gold"]) if t["char_gold"] else (None,) * 3
        by_type = " ".join(f"{k} {t[f'char_tp_{k}']}/{t[f'char_gold_{k}']}" for k in metrics.CHAR_TYPES)
        notes = f"{t['char_tp']}/{t['char_pred']} pred, {t['char_gold']} gold; recall by type: {by_type}"
        if t.get("ocr_truth_pages"):
            notes += "; " + ocr_wrong_note(t)
        label = "Tesseract's errors" if t.get("ocr_truth_pages") else "defects"
        rows.append([f"{split} {label} (full pipeline)", _f(p), _f(r), _f(f), notes])
    return rows


def ocr_wrong_note(t: Counter) -> str:
    """Where a real-OCR page's wrong changes sit, and right/made by rule (`ocr_defects.wrong_tallies`)."""
    wrong = t["char_pred"] - t["char_tp"]
    return (f"{wrong} wrong: broke a right character {t['ocr_wrong_broke_right']}, at a misread one "
            f"{t['ocr_wrong_at_misread']}, outside the readings {t['ocr_wrong_outside']}, not located "
            f"{t['ocr_wrong_unlocated']}; right/made by rule: {rule_summary(t)}")


def machine() -> str:
    """Platform, CPU count and the load average: timings on a shared machine need the latter to be read."""
    try:
        load = "load average %.1f %.1f %.1f" % os.getloadavg()
    except OSError:
        load = "load average n/a"
    return (f"{platform.platform()}, {platform.machine()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs, {load} (at the end of the run)")


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True).stdout.splitlines()
        # the runner's own reports do not make the code it measured dirty
        dirty = [ln for ln in status if not ln[3:].startswith("benchmarks/RESULTS")]
        return out + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "n/a"


# Figures the issues quote for other systems. They are published figures, not
# re-run here: the neural peers need model downloads and a GPU-class budget this
# benchmark does not assume, and pycorrector's kenlm corrector a 2.8 GB model.
PEERS: tuple[tuple[str, str, str, str], ...] = (
    ("FASpell OCR test, lenient sentence correction F1", "macbert4mdcspell_v1 (MacBERT variant)", "53.85", "faspell_f1"),
    ("FASpell OCR test, lenient sentence correction F1", "pycorrector MacBERT4CSC", "32.7", "faspell_f1"),
    ("FASpell OCR test, lenient sentence correction F1", "fine-tuned Qwen2.5-1.5B", "18.2", "faspell_f1"),
    ("clean People's Daily sentences left untouched", "pycorrector MacBERT", "99.22%", "clean_untouched"),
    ("clean People's Daily sentences left untouched", "fine-tuned LLM", "77%", "clean_untouched"),
    ("sentences checked per second, one CPU core", "pycorrector kenlm + confusion sets", "about 9", "faspell_rate"),
    ("share of FASpell's real OCR confusions its confusion set holds", "pycorrector's visual confusion list", "7.9%",
     "coverage"),
    ("article assembly F1 (P/R), newspaper pages", "American Stories (page image + neural model)", "93.7 (99.7/88.3)",
     "pair_f1"),
)


def measured_for_peers(spell: tuple[Counter | None, str], clean: tuple[Counter | None, str] | None,
                       results: dict[str, dict[str, Tally]], lm: str | None = None) -> dict[str, str]:
    """This run's figure for each kind of peer figure (n/a where it was not measured)."""
    got: dict[str, str] = {"coverage": confusion_coverage()}
    t = spell[0]
    if t is not None:
        f1 = metrics.spelling_summary(t)["sentence correction (lenient)"][2]
        got["faspell_f1"] = _f(100 * f1 if f1 is not None else None, 1) + f" (model: {Path(lm).name if lm else 'shipped'})"
        if t.get("microseconds"):
            got["faspell_rate"] = _f(t["sentences"] / (t["microseconds"] / 1e6), 0)
    ct = clean[0] if clean else None
    if ct is not None and ct["sentences"]:
        got["clean_untouched"] = f"{100 * (1 - ct['sentences_changed'] / ct['sentences']):.2f}%"
    pair = []
    for split in ("synthetic", "real_ocr/heavy", "real_ocr/light"):
        full = results.get(split, {}).get("full")
        if full is not None and full.counts.get("pair_gold"):
            pair.append(f"{split} {_f(metrics.prf(full.counts['pair_tp'], full.counts['pair_pred'], full.counts['pair_gold'])[2])}")
    if pair:
        got["pair_f1"] = "same-article pair F1: " + ", ".join(pair)
    return got


SPEED_TARGETS = {"flow+dedup+segment": ">= 100 pages/s (issue 5)", "glyphs": ">= 200 k chars/s (issue 4)"}


def previous_speed(report: Path) -> dict[str, str]:
    """Pages/s per stage and the commit of an earlier report at `report`: the baseline this run is shown against.

    Why: a speed figure alone does not say whether a change made a stage faster;
    the report this run replaces is the nearest like-for-like baseline (same
    runner, same pages).
    """
    try:
        lines = report.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    got: dict[str, str] = {}
    in_speed = False
    for line in lines:
        if line.startswith("- commit: "):
            got["commit"] = line[len("- commit: "):].split()[0]
        elif line.startswith("## Throughput"):
            in_speed = True
        elif line.startswith("## "):
            in_speed = False
        elif in_speed and line.startswith("| ") and not line.startswith("| stage"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) >= 3:
                got[cells[0]] = cells[2]
    return got


def _context_label(spec: str | None) -> str:
    """What the report says of `--context-lm`: none (the default pipeline), or the model file it read."""
    if not spec:
        return "none (default)"
    from layoutfix.contextlm import resolve_path
    return f"{spec} ({resolve_path(spec)})"


def render(args: argparse.Namespace, argv: Sequence[str], splits: dict[str, list[Case]],
           results: dict[str, dict[str, Tally]], spell: tuple[Counter | None, str],
           speed: Throughput | None, wall: float,
           ocr_paras: dict[str, tuple[Counter | None, str]] | None = None,
           clean: tuple[Counter | None, str] | None = None,
           previous: dict[str, str] | None = None,
           clean_pages: tuple[Counter | None, str] | None = None) -> str:
    out = ["# layoutfix benchmark", "",
           f"- command: `python -m benchmarks{(' ' + ' '.join(argv)) if argv else ''}`",
           f"- commit: {git_commit()}",
           f"- date: {_dt.datetime.now(_dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
           f"- machine: {machine()}",
           f"- ../shared: {shared_dir() or 'n/a (FASpell rows are n/a)'}",
           f"- context model (flow's joins, the glyph stage's context pass): {_context_label(getattr(args, 'context_lm', None))}",
           f"- pages: " + ", ".join(f"{s} {len(c)}" + (f" (seed {args.fresh_seed})" if s.startswith(("synthetic-fresh", "real_ocr-fresh")) else "")
                                   for s, c in splits.items()) + f"; wall time {wall:.0f} s"
           + (f" (--quick: at most {QUICK_PAGES} pages per split)" if args.quick else ""),
           "", "## Quality (official score.py metrics, then stage metrics on logged defects)", ""]
    header = ["split", "system", "pages"] + [SHORT[m] for m in METRICS] + list(STAGE_COLS)
    out.append(table(header, quality_rows(results, splits)))
    out += ["", "## Glyphs", ""]
    grows = glyph_detail(results, splits)
    counts, why = spell
    tuning = getattr(args, "glyph_part", "test") != "test"  # a tuning run: FASpell train, tuning days
    if counts is None:
        grows.append(["FASpell OCR train" if tuning else "FASpell OCR test", "n/a", "n/a", "n/a", why])
    else:
        for name, (p, r, f) in metrics.spelling_summary(counts).items():
            grows.append([f"FASpell {'train ' if tuning else ''}{name}", _f(p), _f(r), _f(f), why])
    if clean is not None:
        ct, why = clean
        if ct is None:
            grows.append(["clean sentences changed", "n/a", "n/a", "n/a", why])
        else:
            n, k = ct["sentences"] or 1, ct["clean_chars"] or 1
            grows.append(["clean sentences changed", "n/a", "n/a", "n/a",
                          f"{why}: {ct['sentences_changed']} changed ({100 * ct['sentences_changed'] / n:.2f}%), "
                          f"{ct['clean_changed']} characters ({10000 * ct['clean_changed'] / k:.2f} per 10k)"])
    for name, (dt, why) in (ocr_paras or {}).items():
        if dt is None:
            grows.append([name, "n/a", "n/a", "n/a", why])
            continue
        p, r, f = metrics.distance_summary(dt)
        n = dt["gold_chars"] or 1
        grows.append([f"{name} (estimated)", _f(p), _f(r), _f(f),
                      f"{why}; CER {dt['before'] / n:.4f} -> {dt['after'] / n:.4f} (content form), "
                      f"{dt['changed']} characters changed"])
    out.append(table(["measure", "P", "R", "F1", "notes"], grows))
    if clean_pages is not None:
        out += ["", "## Clean text through the whole pipeline", "", clean_pages_line(*clean_pages)]
    out += ["", "## Peers (published figures the issues quote, not re-run here) beside this run", ""]
    # (a tuning run's figures are not the test figures the peers' are: none are set beside them)
    got = {} if tuning else measured_for_peers(spell, clean, results, args.lm)
    out.append(table(["measure", "peer", "peer figure", "layoutfix, this run"],
                     [[m, who, fig, got.get(key, "n/a")] for m, who, fig, key in PEERS]))
    out += ["", "## Throughput (full pipeline, one process)", ""]
    if speed is not None and speed.pages:
        srows = []
        layout = ("flow", "dedup", "segment")
        layout_sec = sum(speed.stage_seconds.get(s, 0.0) for s in layout)
        for stage, sec in list(speed.stage_seconds.items()) + [("flow+dedup+segment", layout_sec),
                                                                ("total", speed.total_seconds)]:
            pps, mbs = speed.rate(sec)
            peak = speed.stage_peak_kb.get(stage)
            cps = speed.char_rate(sec)
            srows.append([stage, f"{sec:.2f}", _f(pps, 1), _f(mbs, 2), _f(cps / 1000 if cps else None, 0),
                          _f(peak / 1024 if peak is not None else None, 1)])
            before = (previous or {}).get(stage)
            srows[-1] += [before or "n/a", SPEED_TARGETS.get(stage, "")]
        prev_commit = (previous or {}).get("commit", "n/a")
        out += [f"Build measured: {build_line()} (`layoutfix.build_info()`; layoutfix imported from "
                f"`{build_info()['location']}`).", ""]
        out.append(table(["stage", "seconds", "pages/s", "MB/s", "k chars/s", "tracemalloc peak MB",
                          f"pages/s before ({prev_commit})", "issue target"], srows))
        out += ["", f"{speed.pages} pages, {speed.bytes / 1e6:.2f} MB, {speed.chars:,} characters; fastest of "
                f"{speed.passes} passes per stage; first page with model loading "
                f"{speed.cold_seconds:.2f} s (not in the table); peak RSS {speed.peak_rss_mb:.0f} MB. "
                f"Loaded models (issue 4: under 300 MB): {_f(speed.model_rss_mb, 0)} MB of resident memory added "
                f"to a fresh interpreter by its first page, {_f(speed.model_traced_mb, 0)} MB of it Python objects "
                f"(tracemalloc). "
                f"`pages/s before` is the report this run replaced at {args.output.name if args.output else 'RESULTS.md'} (like for like only when "
                f"its command was the same); on a shared 2-core machine stage times vary by 10-30% between runs."]
    else:
        out.append("n/a (no pages)")
    out += ["", "## Definitions", "",
            "- score.py columns: `benchmarks/score.py` (same numbers as ../shared/tools/score.py; tallies summed "
            "over the split's pages). `raw dump` is scored like `score.py --raw` (one article, blank-line "
            "paragraphs); `-STAGE` is the full pipeline with `Config().without(STAGE)`.",
            f"- `{FAIR}` (real-OCR splits): the `full` output scored against the gold with every paragraph and "
            "caption as Tesseract read it (`benchmarks/corpora.py: ocr_gold`), so that OCR noise left in the text is "
            "no miss (issue 5's wording for these splits); the `full` row is the official score against clean gold. "
            f"`{CEILING}` scores that OCR-read gold itself against the clean gold: what a perfect layout that "
            "corrects no glyph would get (heavy pages cannot reach article_found 0.9 that way).",
            "- flow P/R: flow `join` edits vs logged cut/interleave/splice joins, matched by the continuation "
            "line (edit.line == line2) and the first part's tail in the edit context.",
            "- dedup P/R: distinct lines of dedup edits (not `doubled`) vs duplicate/partial_repeat defects "
            "(either copy's line counts).",
            "- glyph P/R: character corrections (glyphs edits and dedup `doubled`) vs glyph/drop/double/stray "
            "defects, same line or a line joined to it, when both make the same change to the text: same change "
            "after stripping common context, or the edit applied within the defect's printed stretch gives its gold "
            "(or the reverse), traditional characters folded as normalize folds them before the glyph stage.",
            "- flow/dedup/glyph P/R are n/a where the split logs no defect of that kind.",
            "- real-OCR glyph P/R (`Tesseract's errors`): the pages log layout defects only, so Tesseract's "
            "character errors are derived (`benchmarks/ocr_defects.py`): each raw line is cut into exact pieces "
            "of the page's readings in the folder's `ocr_cache.jsonl`, each reading aligned with its clean text, "
            "and every difference inside a line becomes a glyph/drop/double/stray entry judged as above (content "
            "form: a width or space difference is none). A wrong change is placed: it broke a character Tesseract "
            "read right (or put one in where none was lost), sits at a misread one (fixed wrong, or another way "
            "than the entry), sits outside the readings (titles, datelines, the builder's garbled repeats) or "
            "was not located; right/made by rule is by edit kind (the glyph stage's rule, `dedup:doubled`).",
            "- glyph FP/10k: characters `fix_lines` changes in clean gold paragraphs, per 10,000 characters "
            "(in the `full` row).",
            "- seg pair F1: over pairs of gold paragraphs, same article in gold vs in the prediction (predicted "
            "paragraphs paired to gold by similarity); seg ARI: adjusted Rand index of that partition, mean over "
            "pages.",
            "- real-OCR paragraphs: `fix_lines` on Tesseract's readings in corpus/real_ocr/ocr_cache.jsonl "
            "(no per-character log): right changes estimated as (distance before - distance after + changed)/2, "
            "precision = right/changed, recall = right/distance before, all in content form (width folded).",
            "- clean sentences changed: `fix_lines` on the distinct sentences (8+ characters, ending in 。！？) of "
            f"news_zh's People's Daily articles of the synthetic {'tuning' if tuning else 'test'} days, full-width "
            "digits and letters folded as in the gold; any change is a false correction (issue 4: at most 0.5% of "
            "sentences)." + (" A run of tuning splits only runs FASpell's train file and the tuning days (also for "
                             "the clean pages), so that a tuning loop never shows a test figure." if tuning else ""),
            "- FASpell: character level counts changed positions; sentence level strict counts a false positive "
            "on any sentence where a correct character was changed; lenient counts false positives only on "
            "sentences without an error (FASpell has none, so its precision is 1 when anything is corrected).",
            ""]
    return "\n".join(out)


def clean_pages_line(t: Counter | None, why: str) -> str:
    """One sentence for `benchmarks.clean_pages.run_clean_pages`' tallies."""
    if t is None:
        return f"n/a ({why})"
    k = t["chars"] or 1
    per = lambda n: f"{n} characters ({10000 * n / k:.2f} per 10k)"  # noqa: E731
    return (f"{why} ({t['chars']:,} characters; nothing to repair): dedup removed {per(t['dedup'])}, "
            f"noise took {per(t['noise'])}, of them dedup sent {per(t['dedup_noise'])}, glyphs changed "
            f"{per(t['glyphs'])}; {t['pages_hit']} of "
            f"{t['pages']} pages touched by any of them.")
