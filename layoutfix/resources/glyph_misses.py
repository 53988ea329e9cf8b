"""Why the glyph stage missed each gold error it missed (a diagnostic, tuning data only).

    python -m layoutfix.resources.glyph_misses --synthetic corpus/synthetic/tune --synthetic-seed 2 \
        --faspell ../shared/data/faspell/ocr_train_3575.txt [--list CAUSE]

For every gold character error -- synthetic pages' logged `glyph`, `drop`, `double` and `stray`
defects, and every substituted character of FASpell's TRAIN file -- the first reason, in the
decoder's own order, that it was not fixed:

- ``fixed`` / ``fixed wrongly`` (another character put there);
- ``kind not tried``: a dropped character (the decoder never inserts one);
- ``double missed`` / ``stray missed``: the kinds the decoder does try;
- ``not located``: an earlier stage changed the text so the defect's string is not found;
- ``not han``: the misread or meant character is no Han character (the look-alike search is Han only);
- ``coverage``: the meant character is not among the misread one's candidates (table + Tesseract channel);
- ``gate``: the misread character makes a known pair with a neighbour, so it is never tried (a pair only rare
  words hold binds only a common character or one a printed word holds, `candidates.WEAK_PAIR`);
- ``guard``: the seen-pair, repeat or attested-pair guard;
- ``no word``: the meant character completes no dictionary word of 2-4 characters there;
- ``name guard``: left alone as a character of a name;
- ``LM prefers original``: the window scores no better with the meant character;
- ``other look-alike preferred``: another candidate scores higher;
- ``under the bar``: gain plus channel below the bar (and its band);
- ``learned acceptance``: inside the band, the learned decision turned it down;
- ``quote margin`` / ``name margin``: over the bar, but not over the extra gain asked inside quotes or of a name;
- ``cleared``: would be made alone, lost to the window, a neighbour's fix or a later round.

`GATES` groups the causes into the gates of issue 4's tally (a: not a candidate, a': the place or candidate
never scored, b: under the bar or the learned acceptance, c: a wrong candidate won, d: protected, e: fixed), and
`--sentences` tallies FASpell's lines too, each once: corrected, every error fixed but a false change elsewhere,
or the one gate its unfixed errors stopped at ('several gates' when they stopped at more than one), with the
lenient and strict sentence F1 of `benchmarks.metrics`. `--lm MODEL` asks a trained model (a model trained with
`--confusions` FASpell's train file has seen its confusions: split the file, `--lines mod4!=0` / `mod4==0`).

    python -m layoutfix.resources.glyph_misses --faspell ../shared/data/faspell/ocr_train_3575.txt \
        --sentences [--lm MODEL] [--lines 'mod4==0']
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

import layoutfix.stages.glyphs as G
import layoutfix.stages.glyphs.candidates as C
from layoutfix.config import Config
from layoutfix.confusion import load_confusion
from layoutfix.lm import load_lm, surnames
from layoutfix.model import TEXT
from layoutfix.textutil import is_han


def why_substitution(text: str, p: int, x: str, lm, table, config: Config,  # type: ignore[no-untyped-def]
                     known: dict[str, int] | None = None) -> str:
    """The first reason `text[p]` -> `x` is not made, following `glyphs._substitutions.judge`."""
    c = text[p]
    if not (is_han(c) and is_han(x)):
        return "not han"
    cands = G._candidates(table, lm)(c)
    if x not in cands:
        return "coverage"
    run_at = next(((a, b, gated) for a, b, gated in G._gate_runs(text, C.gate_pairs(lm)) if a <= p < b), None)
    if run_at is None or (p - run_at[0]) not in run_at[2]:
        return "gate"
    a, b, _ = run_at
    run, i, n = text[a:b], p - run_at[0], b - a
    left = run[i - 1] if i else ""
    right = run[i + 1] if i + 1 < n else ""
    # a place only rare words' pairs bind (`candidates.WEAK_PAIR`): tried for an uncommon character no printed word
    # holds, with its `WEAK_TOP` nearest look-alikes, for the margin more
    weak = C.WEAK_PAIR if (left + c in lm.pairs or c + right in lm.pairs) else None
    if weak is not None:
        if C.weak_place_closed(run, i, lm.logp, lm.unk, lm.prefixes):
            return "gate"
        cands = C.weak_candidates(cands, {}, c)
        if x not in cands:
            return "coverage"
    seen = known if known is not None else G._pair_counts(text)
    if G.SEEN_GUARD and ((left and seen.get(left + c, 0) > 1) or (right and seen.get(c + right, 0) > 1)):
        return "guard"
    if G.REPEAT_GUARD and (c in run[max(0, i - G.REPEAT_SPAN):i] or c in run[i + 1:i + 1 + G.REPEAT_SPAN]):
        return "guard"
    if lm.bigrams and (lm.bigrams.get(left + c, 0) >= G.ATTESTED or lm.bigrams.get(c + right, 0) >= G.ATTESTED):
        return "guard"
    lefts = [run[i - q:i] for q in range(0, min(3, i) + 1)]
    rights = [run[i + 1:i + 1 + r] for r in range(0, min(3, n - i - 1) + 1)]
    hits, _, _ = G._hits_memo(cands, c, left, right, G._neighbours(lm, weak[0] if weak else None), {}, {})
    words = [y for y in hits if G._completes_word(y, lefts, rights, lm.logp, lm.prefixes)]
    if x not in words:
        return "no word"
    if G.NAME_GUARD and lm.observed and G._left_alone(lm, run, i, surnames()) and not cands[x][1]:
        return "name guard"
    lo, hi = max(0, i - G.WINDOW), min(n, i + G.WINDOW + 1)
    ctx, j = run[lo:hi], i - lo
    base = lm.score(ctx, G.WORD_PENALTY, G.SINGLE_PENALTY)
    lp_c = lm.logp.get(c, lm.unk)
    if G.RARE_FLOOR is not None and lp_c < G.RARE_FLOOR:
        base += G.RARE_FLOOR - lp_c
    chars = lm.chars if G.CHAR_WEIGHT and lm.has_chars else None
    if chars is not None:  # a trained model's character trigrams over the change, as the decoder adds them
        padded, k = G.BOS + G.BOS + text + G.EOS, p + 2
        tri_c = chars.score(padded[k - 2:k + 3])
    scored = []
    for y in words:
        sim, obs = cands[y]
        g = G.WORD_WEIGHT * (lm.score(ctx[:j] + y + ctx[j + 1:], G.WORD_PENALTY, G.SINGLE_PENALTY) - base)
        if chars is not None:
            g += G.CHAR_WEIGHT * (chars.score(padded[k - 2:k] + y + padded[k + 1:k + 3]) - tri_c)
        scored.append((g + G.channel_score(sim, obs, bool(lm.observed)), g, y))
    scored.sort(reverse=True)
    mine = next(s for s in scored if s[2] == x)
    if mine[1] <= 0:
        return "LM prefers original"
    if scored[0][2] != x:
        return "other look-alike preferred"
    need = (config.glyph_threshold + (G.SUBST_MARGIN if lm.observed else G.SHAPE_SUBST_MARGIN)
            + (weak[1] if weak else 0.0))
    accept = None if lm.observed else G.acceptance()
    low = accept.low if accept is not None else 0.0
    if mine[0] < need - low:
        return "under the bar"
    if G._quoted_at(text, p):
        need += G.QUOTE_MARGIN
        if mine[0] < need - low:
            return "quote margin"
    if G.NAME_GUARD and not lm.observed:
        alone = G._left_alone(lm, run, i, surnames())
        extra = G.NAME_MARGIN if alone == 2 else G.SURNAME_MARGIN if alone == 3 else None
        if alone and extra is None:
            return "name guard"
        need += extra or 0.0
        if mine[0] < need - low:
            return "name margin"
    if mine[0] < need + (accept.high if accept is not None else 0.0):
        return "learned acceptance" if accept is not None or mine[0] < need else "cleared"
    return "cleared"


def _made(text: str, lm, config: Config, known=None) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Input offset -> what the stage put there, for the one-character substitutions it made."""
    _, rounds = G.fix_changes(text, lm, config, known=known)
    made: dict[int, str] = {}
    for _, origin, changes in G.replay(text, rounds):  # each step's changes with its offsets in `text`
        for ch in changes:
            if len(ch.before) == 1 and len(ch.after) == 1:
                made[G.origin_of(origin, ch)] = ch.after
    return made


def faspell_causes(path: Path, lm, table, config: Config, out: list,  # type: ignore[no-untyped-def]
                   sentences: list | None = None, keep: "Callable[[int], bool] | None" = None) -> None:
    """A row per gold error of FASpell's file (`out`); with `sentences`, a row per line:
    (line number, OCR text, gold, output, [(offset, cause)] of its errors). `keep(n)` picks lines by number (1-based)."""
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or (keep is not None and not keep(n)):
            continue
        raw, gold = parts[1], parts[2]
        if len(raw) != len(gold):
            out.append(("faspell", "length differs", raw, gold, -1))
            continue
        fixed, _ = G.fix_changes(raw, lm, config)
        made = _made(raw, lm, config)
        causes = []
        for p, (c, x) in enumerate(zip(raw, gold)):
            if c == x:
                continue
            if p in made:
                cause = "fixed" if made[p] == x else "fixed wrongly"
            else:
                cause = why_substitution(raw, p, x, lm, table, config)
            out.append(("faspell", cause, raw, gold, p))
            causes.append((p, cause))
        if sentences is not None:
            sentences.append((n, raw, gold, fixed, causes))


# The gates of the brief's tally, in the decoder's order: each cause above belongs to one.
GATES = {
    "coverage": "a. not a candidate",
    "not han": "a. not a candidate (no Han pair)",
    "gate": "a'. place not tried (pair gate)",
    "no word": "a'. candidate makes no word",
    "LM prefers original": "b. under the bar / acceptance",
    "under the bar": "b. under the bar / acceptance",
    "learned acceptance": "b. under the bar / acceptance",
    "other look-alike preferred": "c. a wrong candidate won",
    "fixed wrongly": "c. a wrong candidate won",
    "guard": "d. protected (seen pair, repeat, attested)",
    "quote margin": "d. protected (quote, name)",
    "name guard": "d. protected (quote, name)",
    "name margin": "d. protected (quote, name)",
    "cleared": "b'. cleared alone, lost in the window",
    "fixed": "e. fixed",
}


def sentence_table(sentences: list) -> list[tuple[str, int]]:
    """Each line once, by why it is not corrected: corrected; every error fixed but a false change elsewhere;
    else the one gate its unfixed errors all stopped at (or 'several gates'), with ', and a false change'
    when the output also changed a right character."""
    from benchmarks.metrics import _changed_positions
    tally: Counter = Counter()
    for _, raw, gold, fixed, causes in sentences:
        if fixed == gold:
            tally["e. corrected"] += 1
            continue
        errors = {p for p, _ in causes}
        false = any(i not in errors for i in _changed_positions(raw, fixed))
        lost = {GATES.get(c, c) for _, c in causes if c != "fixed"}
        if not lost:
            tally["f. every error fixed, a false change elsewhere"] += 1
            continue
        key = lost.pop() if len(lost) == 1 else "several gates"
        tally[key + (", and a false change" if false else "")] += 1
    return sorted(tally.items())


def lenient(sentences: list) -> str:
    """Lenient and strict sentence-correction F1 (`benchmarks.metrics`) of the lines, every one holding an error."""
    from benchmarks.metrics import spelling_summary, spelling_tallies
    t = spelling_tallies((raw, gold, fixed) for _, raw, gold, fixed, _ in sentences)
    summ = spelling_summary(t)
    f = lambda k: " / ".join("n/a" if v is None else f"{100 * v:.1f}" for v in summ[k])  # noqa: E731
    return (f"sentence correction P/R/F1 lenient {f('sentence correction (lenient)')}, "
            f"strict {f('sentence correction')}; char correction {f('char correction')}")


def synthetic_causes(folder: Path, label: str, lm, table, config: Config, out: list) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.metrics import CHAR_TYPES, is_char_correction, line_groups, same_change
    from layoutfix.pipeline import run_stages
    before_glyphs = config.without("glyphs", "segment")
    for f in sorted(folder.glob("*.txt")):
        d = json.loads(f.with_suffix(".defects.json").read_text(encoding="utf-8"))
        defects = [x for x in (d["defects"] if isinstance(d, dict) else d) if x.get("type") in CHAR_TYPES]
        if not defects:
            continue
        group = line_groups(d["defects"] if isinstance(d, dict) else d)
        page = None
        for _, page, _ in run_stages(f.read_bytes(), before_glyphs, str(f)):
            pass
        assert page is not None
        after = G.glyphs(page)
        preds = [e for e in after.edits if is_char_correction(e)]
        known = G._pair_counts("\n".join(b.text for b in page.blocks if b.role in ("text", "title")))
        for x in defects:
            raw, gold, typ = x.get("raw") or "", x.get("gold") or "", x["type"]
            hit = [e for e in preds if group(e.line) == group(x["line"]) and same_change(e.before, e.after, raw, gold)]
            src = f"{label}/{f.stem}"
            if hit:
                out.append((src, "fixed", raw, gold, x["line"]))
                continue
            if typ == "drop":
                out.append((src, "kind not tried (drop)", raw, gold, x["line"]))
                continue
            if typ in ("double", "stray"):
                out.append((src, f"{typ} missed", raw, gold, x["line"]))
                continue
            # a look-alike: find the raw string in a text block holding the defect's line
            cause = "not located"
            for b in page.blocks:
                if b.role != TEXT or not b.text:
                    continue
                lines = {ln for _, ln in b.origin}
                if x["line"] not in lines:
                    continue
                k = b.text.find(raw)
                if k < 0:
                    break
                diff = [q for q, (u, v) in enumerate(zip(raw, gold)) if u != v]
                if len(raw) != len(gold) or len(diff) != 1:
                    cause = "not one character"
                    break
                p = k + diff[0]
                wrong = [e for e in after.edits if e.stage == "glyphs" and group(e.line) == group(x["line"])
                         and e.before == raw[diff[0]]]
                cause = "fixed wrongly" if wrong else why_substitution(b.text, p, gold[diff[0]], lm, table,
                                                                        config, known)
                break
            out.append((src, cause, raw, gold, x["line"]))


def line_filter(spec: str | None) -> "Callable[[int], bool] | None":
    """'modK!=R' / 'modK==R' over 1-based line numbers, or None (every line)."""
    if not spec:
        return None
    import re
    m = re.fullmatch(r"mod(\d+)(==|!=)(\d+)", spec)
    if not m:
        raise SystemExit(f"--lines: {spec!r} is not modK==R or modK!=R")
    k, op, r = int(m[1]), m[2], int(m[3])
    return (lambda n: n % k == r) if op == "==" else (lambda n: n % k != r)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--synthetic", action="append", default=[], type=Path)
    ap.add_argument("--synthetic-seed", action="append", default=[], type=int)
    ap.add_argument("--faspell", type=Path)
    ap.add_argument("--list", action="append", default=[], help="print the rows of this cause")
    ap.add_argument("--json", type=Path, help="write every row")
    ap.add_argument("--lm", help="a trained model (default: the shipped one)")
    ap.add_argument("--lines", help="FASpell lines by number: 'mod4!=0' (every fourth out), 'mod4==0' (only those)")
    ap.add_argument("--sentences", action="store_true", help="also tally FASpell's lines by gate")
    a = ap.parse_args(argv)
    config = Config(lm_path=a.lm) if a.lm else Config()
    lm = load_lm(config.lm_path)
    table = load_confusion()
    rows: list = []
    for folder in a.synthetic:
        synthetic_causes(folder, str(folder), lm, table, config, rows)
    for seed in a.synthetic_seed:
        import tempfile

        from layoutfix.resources.train_accept import SYNTH_SOURCE
        from layoutfix.synth.__main__ import build_split
        from layoutfix.synth.defects import Confusion, DefectRates
        from layoutfix.synth.source import load_records
        with tempfile.TemporaryDirectory() as tmp:
            build_split(load_records(SYNTH_SOURCE), "tune", 120, Path(tmp), seed, DefectRates(),
                        Confusion.load(Path("corpus/synthetic/confusion.json")))
            synthetic_causes(Path(tmp) / "tune", f"seed{seed}", lm, table, config, rows)
    sentences: list = []
    if a.faspell:
        faspell_causes(a.faspell, lm, table, config, rows, sentences, line_filter(a.lines))
    by: Counter[tuple[str, str]] = Counter()
    for src, cause, *_ in rows:
        by[("faspell" if src == "faspell" else "synthetic"), cause] += 1
    for setname in ("synthetic", "faspell"):
        tot = sum(v for (s, _), v in by.items() if s == setname)
        if tot:
            print(f"{setname}: {tot} gold errors")
            for (s, cause), v in sorted(by.items(), key=lambda kv: -kv[1]):
                if s == setname:
                    print(f"  {cause:28s} {v:6d}  {v / tot:6.1%}")
        if setname == "faspell" and tot:
            print("  by gate:")
            gates: Counter = Counter()
            for (s, cause), v in by.items():
                if s == setname:
                    gates[GATES.get(cause, cause)] += v
            for g, v in sorted(gates.items()):
                print(f"    {g:44s} {v:6d}  {v / tot:6.1%}")
    if a.sentences and sentences:
        print(f"faspell: {len(sentences)} lines; {lenient(sentences)}")
        for k, v in sentence_table(sentences):
            print(f"  {k:64s} {v:6d}  {v / len(sentences):6.1%}")
    for src, cause, raw, gold, where in rows:
        if cause in a.list:
            print(cause, src, where, raw, "->", gold, sep="\t")
    if a.json:
        a.json.write_text(json.dumps(rows, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
