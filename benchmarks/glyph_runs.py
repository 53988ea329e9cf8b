"""Evaluations of the glyph corrector alone (`fix_lines`): FASpell's OCR test, clean sentences, real OCR.

They need no page layout: each feeds lines to `layoutfix.stages.glyphs.fix_lines` and tallies what changed,
so issue 4's figures come from the same function `layoutfix fix-glyphs` runs.
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Any, Callable, Sequence

from . import metrics
from .corpora import ROOT, shared_dir


def load_fix_lines() -> Callable[..., list[str]] | None:
    """`layoutfix.stages.glyphs.fix_lines`, or None while the glyph stage does not expose it."""
    try:
        from layoutfix.stages.glyphs import fix_lines  # type: ignore[attr-defined]
    except ImportError:
        return None
    return fix_lines  # type: ignore[no-any-return]


def with_config(fix_lines: Callable[..., list[str]], lm: str | None,
                context_lm: str | None = None) -> Callable[[list[str]], list[str]]:
    """`fix_lines` with the run's word model and (opt-in) context model, which runs the glyph stage's context pass."""
    if not lm and not context_lm:
        return lambda lines: fix_lines(lines)
    from layoutfix import Config

    cfg = Config(lm_path=lm or None, context_lm=context_lm or None)
    return lambda lines: fix_lines(lines, config=cfg)


FASPELL_FILES = {"test": "ocr_test_1000.txt", "tune": "ocr_train_3575.txt"}


def run_faspell(lm: str | None, limit: int | None, part: str = "test",
                context_lm: str | None = None) -> tuple[Counter | None, str]:
    """Spelling tallies of fix_lines on the FASpell OCR test set (`part` "tune": its train file, for a tuning
    run, which must show no test figure), or (None, why not)."""
    shared = shared_dir()
    name = FASPELL_FILES[part]
    path = shared / "data" / "faspell" / name if shared else None
    if path is None or not path.exists():
        return None, f"no ../shared/data/faspell/{name}"
    fix_lines = load_fix_lines()
    if fix_lines is None:
        return None, "layoutfix.stages.glyphs.fix_lines not available"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            pairs.append((parts[1], parts[2]))
    pairs = pairs[:limit] if limit else pairs
    fix = with_config(fix_lines, lm, context_lm)
    fix([s for s, _ in pairs[:1]])  # load the models outside the timing
    try:
        t0 = time.perf_counter()
        outs = fix([s for s, _ in pairs])
        seconds = time.perf_counter() - t0
    except Exception as exc:
        return None, f"fix_lines failed: {type(exc).__name__}: {exc}"
    if len(outs) != len(pairs):
        return None, f"fix_lines returned {len(outs)} lines for {len(pairs)}"
    tallies = metrics.spelling_tallies((s, g, o) for (s, g), o in zip(pairs, outs))
    tallies["sentences"], tallies["microseconds"] = len(pairs), round(seconds * 1e6)
    return tallies, f"{len(pairs)} sentences" + ("" if part == "test" else f" of FASpell's train file ({name})")


def clean_sentences(records: Sequence[dict[str, Any]], first: str, last: str) -> list[str]:
    """Distinct sentences (ending in 。！？) of the articles dated first..last, in the gold's character form."""
    from layoutfix.synth.source import to_gold
    import regex as re

    seen: dict[str, None] = {}
    for rec in records:
        if first <= rec["date"] <= last:
            for para in rec.get("paragraphs") or []:
                for sent in re.findall(r"[^。！？]+[。！？][”’」』]?", to_gold(para)):
                    if len(sent) >= 8 and re.search(r"\p{Han}", sent):
                        seen.setdefault(sent.strip(), None)
    return list(seen)


def run_clean_sentences(lm: str | None, limit: int | None, part: str = "test",
                        context_lm: str | None = None) -> tuple[Counter | None, str]:
    """fix_lines on clean People's Daily sentences of the synthetic TEST days (1998-01-17..24; `part` "tune":
    the tuning days, for a tuning run, which must show no test figure).

    Every change is a false correction: issue 4 allows at most 0.5% of these sentences changed.
    """
    from layoutfix.synth.__main__ import SPLITS
    from layoutfix.synth.source import load_records

    shared = shared_dir()
    path = shared / "data" / "news_zh" / "pfr1998_01" / "articles.jsonl" if shared else None
    if path is None or not path.exists():
        return None, "no ../shared/data/news_zh/pfr1998_01/articles.jsonl"
    fix_lines = load_fix_lines()
    if fix_lines is None:
        return None, "layoutfix.stages.glyphs.fix_lines not available"
    days = SPLITS[part]
    sents = clean_sentences(load_records(path), *days)
    sents = sents[:limit] if limit else sents
    try:
        outs = with_config(fix_lines, lm, context_lm)(sents)
    except Exception as exc:
        return None, f"fix_lines failed: {type(exc).__name__}: {exc}"
    t = metrics.false_correction_tallies(sents, lambda _: outs)
    t["sentences"] = len(sents)
    t["sentences_changed"] = sum(a != b for a, b in zip(sents, outs)) + max(0, len(sents) - len(outs))
    return t, f"{len(sents)} sentences of {days[0]}..{days[1]}"


def run_real_ocr_paragraphs(lm: str | None, limit: int | None,
                            context_lm: str | None = None) -> dict[str, tuple[Counter | None, str]]:
    """fix_lines on the real Tesseract readings of corpus/real_ocr/ocr_cache.jsonl, per OCR level."""
    import json

    path = ROOT / "corpus" / "real_ocr" / "ocr_cache.jsonl"
    if not path.exists():
        return {"real-OCR paragraphs": (None, "no corpus/real_ocr/ocr_cache.jsonl")}
    fix_lines = load_fix_lines()
    if fix_lines is None:
        return {"real-OCR paragraphs": (None, "layoutfix.stages.glyphs.fix_lines not available")}
    by_level: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
            pair = ("".join(row["ocr"]), row["text"])
        except (ValueError, KeyError, TypeError):
            continue
        by_level.setdefault(str(row.get("level")), []).append(pair)
    out: dict[str, tuple[Counter | None, str]] = {}
    fix = with_config(fix_lines, lm, context_lm)
    for level, pairs in sorted(by_level.items()):
        pairs = pairs[:limit] if limit else pairs
        name = f"real-OCR paragraphs, {level}"
        try:
            fixed = fix([s for s, _ in pairs])
        except Exception as exc:
            out[name] = (None, f"fix_lines failed: {type(exc).__name__}: {exc}")
            continue
        if len(fixed) != len(pairs):
            out[name] = (None, f"fix_lines returned {len(fixed)} lines for {len(pairs)}")
            continue
        out[name] = (metrics.distance_tallies((s, g, o) for (s, g), o in zip(pairs, fixed)), f"{len(pairs)} paragraphs")
    return out


def confusion_coverage() -> str:
    """Share of the Han-for-Han (read, meant) pairs of FASpell's OCR test file whose meant character is among the
    read character's candidates: the visual table's top 40, then with the shipped Tesseract channel's pairs."""
    shared = shared_dir()
    path = shared / "data" / "faspell" / "ocr_test_1000.txt" if shared else None
    if path is None or not path.exists():
        return "n/a"
    from layoutfix.confusion import load_confusion, tesseract_channel
    from layoutfix.textutil import is_han

    pairs: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and len(parts[1]) == len(parts[2]):
            pairs.update((w, r) for w, r in zip(parts[1], parts[2]) if w != r and is_han(w) and is_han(r))
    table, tess = load_confusion(), tesseract_channel()
    visual = {q for q in pairs if q[1] in {c for c, _ in table.get(q[0], ())[:40]}}
    both = visual | {q for q in pairs if q[1] in tess.get(q[0], {})}
    total = sum(pairs.values()) or 1

    def share(hit: set) -> str:  # type: ignore[type-arg]
        return f"{100 * len(hit) / (len(pairs) or 1):.1f}% of pairs, {100 * sum(pairs[q] for q in hit) / total:.1f}% of occurrences"

    return f"visual table (top 40): {share(visual)}; with the Tesseract channel: {share(both)}"
