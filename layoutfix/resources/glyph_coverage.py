"""How often the meant character of a misreading is among the glyph stage's candidates, by source (a
diagnostic, tuning data only).

    python -m layoutfix.resources.glyph_coverage --faspell ../shared/data/faspell/ocr_train_3575.txt \
        [--wide /tmp/conf300.tsv.gz] [--lines 'mod4==0']

For every Han-for-Han error (read c, meant x) of FASpell's TRAIN file, which candidate sources hold x for c:
the shipped visual table's top `TOP_K` (and its rank bands), the reverse row (c among x's look-alikes), the
shipped Tesseract channel read -> meant and meant -> read, and, to show what OCR of another engine would add,
FASpell-train confusions counted on the other lines (n % 4 != 0 when the held-out quarter is measured; never
shipped: the file is GPL-3.0). `--wide TABLE`: a table built by `build_confusion` with wider settings (e.g.
`--top 300 --pool 300 --floor 0.2`), read as rank bands and similarity floors, so one build shows every wider
row setting; each band also gives how many of the candidates it adds per character (the decoder's work grows with it).
"""
from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

from layoutfix.confusion import Table, load_confusion, load_wide, parse, tesseract_channel
from layoutfix.textutil import is_han


def pairs_of(path: Path, keep: Callable[[int], bool] | None) -> list[tuple[str, str]]:
    """(read, meant) for every Han-for-Han substitution of the lines `keep` picks (1-based numbers)."""
    out: list[tuple[str, str]] = []
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or len(parts[1]) != len(parts[2]) or (keep is not None and not keep(n)):
            continue
        out.extend((c, x) for c, x in zip(parts[1], parts[2]) if c != x and is_han(c) and is_han(x))
    return out


def rank_in(table: Table, c: str, x: str) -> int | None:
    """1-based rank of x in c's row of `table`, or None."""
    for k, (y, _) in enumerate(table.get(c, ()), 1):
        if y == x:
            return k
    return None


def sim_in(table: Table, c: str, x: str) -> float | None:
    return next((s for y, s in table.get(c, ()) if y == x), None)


def coverage(pairs: list[tuple[str, str]], shipped: Table, top_k: int, wide: Table | None,
             faspell_conf: dict[str, Counter[str]] | None) -> list[tuple[str, int]]:
    """(source, errors covered) rows; the first row is the total."""
    tess = tesseract_channel()
    wider = load_wide()
    rows: Counter[str] = Counter()
    for c, x in pairs:
        r = rank_in(shipped, c, x)
        vis = r is not None and r <= top_k
        rev = (rank_in(shipped, x, c) or 10 ** 9) <= top_k
        t_fw = x in tess.get(c, {})
        w = x in wider.get(c, ("", ()))[0]
        rows["shipped: wider rows (`load_wide`) alone"] += w
        rows["shipped: visual, wider rows or Tesseract (the decoder's candidates)"] += vis or t_fw or w
        t_bw = c in tess.get(x, {})
        rows["shipped: visual top-%d" % top_k] += vis
        rows["shipped: Tesseract channel"] += t_fw
        rows["shipped: visual or Tesseract (the candidates before session 34)"] += vis or t_fw
        rows["+ visual reverse row (c in x's top-%d)" % top_k] += vis or t_fw or rev
        rows["+ Tesseract reverse (meant->read counted)"] += vis or t_fw or t_bw
        rows["+ both reverses"] += vis or t_fw or rev or t_bw
        if faspell_conf is not None:
            f = faspell_conf.get(c, Counter()).get(x, 0) > 0
            rows["FASpell other lines' confusions alone"] += f
            rows["shipped + FASpell other lines' confusions"] += vis or t_fw or f
        if wide is not None:
            rw = rank_in(wide, c, x)
            s = sim_in(wide, c, x)
            for band in (60, 80, 100, 150, 200, 300):
                rows[f"wide: visual rank <= {band} (+Tesseract)"] += (rw is not None and rw <= band) or vis or t_fw
            for pool, top in PRIOR_SETTINGS:
                got = x in prior_row(wide, c, pool, top)
                rows[f"wide: top {top} of {pool} by similarity + prior (+Tesseract)"] += got or t_fw
                rows[f"wide: top {top} of {pool} by similarity + prior, + visual reverse (+Tesseract)"] += (
                    got or t_fw or rev)
            for floor in (0.8, 0.75, 0.7, 0.65, 0.6, 0.5):
                rows[f"wide: every look-alike with similarity >= {floor} (+shipped)"] += (
                    (s is not None and s >= floor) or vis or t_fw)
    out = [("errors (Han for Han)", len(pairs))]
    out.extend(sorted(rows.items(), key=lambda kv: kv[0]))
    return out


PRIOR_SETTINGS = ((100, 40), (150, 60), (150, 80), (200, 80), (300, 80), (300, 100), (300, 150))
_LOGF: dict[str, float] = {}


def prior_row(wide: Table, c: str, pool: int, top: int) -> set[str]:
    """The `top` of c's `pool` most similar look-alikes by similarity + 0.03 x log frequency, as
    `build_confusion` chooses a row (from a table written with `--top` and `--pool` at least `pool`)."""
    import math

    if not _LOGF:
        from layoutfix.resources.build_confusion import han_weights
        w = han_weights()
        total = sum(w.values())
        _LOGF.update({ch: math.log((v + 1) / total) for ch, v in w.items()})
        _LOGF[""] = math.log(1 / total)
    row = wide.get(c, ())[:pool]
    if not is_han(c):
        return {y for y, _ in row[:top]}
    best = sorted(row, key=lambda ys: -(ys[1] + 0.03 * _LOGF.get(ys[0], _LOGF[""])))[:top]
    return {y for y, _ in best}


def row_sizes(shipped: Table, top_k: int, wide: Table | None, chars: list[str]) -> list[tuple[str, float]]:
    """Mean candidates per character over `chars` (each as often as it is read), per setting."""
    tess = tesseract_channel()
    wider = load_wide()
    out = [("shipped with the wider rows", sum(len({y for y, _ in shipped.get(c, ())[:top_k]} | set(tess.get(c, {}))
                                                     | set(wider.get(c, ("", ()))[0])) for c in chars) / len(chars)),
           ("shipped (visual top-%d + Tesseract)" % top_k,
            sum(len({y for y, _ in shipped.get(c, ())[:top_k]} | set(tess.get(c, {}))) for c in chars) / len(chars)),
           ("+ both reverses",
            sum(len({y for y, _ in shipped.get(c, ())[:top_k]} | set(tess.get(c, {}))
                    | {y for y, row in _reverse(shipped, top_k).get(c, {}).items()}
                    | set(_tess_reverse().get(c, {}))) for c in chars) / len(chars))]
    if wide is not None:
        for band in (60, 80, 100, 150):
            out.append((f"wide rank <= {band}", sum(min(band, len(wide.get(c, ()))) for c in chars) / len(chars)))
        for pool, top in PRIOR_SETTINGS:
            out.append((f"wide top {top} of {pool} by prior", sum(len(prior_row(wide, c, pool, top)) for c in chars)
                        / len(chars)))
        out.append(("visual top-%d + its reverse row" % top_k,
                    sum(len({y for y, _ in shipped.get(c, ())[:top_k]} | set(_reverse(shipped, top_k).get(c, {})))
                        for c in chars) / len(chars)))
        for floor in (0.75, 0.7, 0.65, 0.6):
            out.append((f"wide similarity >= {floor}",
                        sum(sum(1 for _, s in wide.get(c, ()) if s >= floor) for c in chars) / len(chars)))
    return out


_REV: dict[int, dict[str, dict[str, float]]] = {}


def _reverse(table: Table, top_k: int) -> dict[str, dict[str, float]]:
    got = _REV.get(top_k)
    if got is None:
        got = {}
        for c, row in table.items():
            for y, s in row[:top_k]:
                got.setdefault(y, {})[c] = s
        _REV[top_k] = got
    return got


def _tess_reverse() -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for read, row in tesseract_channel().items():
        for meant, n in row.items():
            out.setdefault(meant, {})[read] = n
    return out


def main(argv: list[str] | None = None) -> int:
    from layoutfix.resources.glyph_misses import line_filter
    from layoutfix.stages.glyphs.candidates import TOP_K

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--faspell", type=Path, required=True)
    ap.add_argument("--lines", default=None, help="'mod4==0' (the held-out quarter) or 'mod4!=0'")
    ap.add_argument("--wide", type=Path, help="a wider table built by build_confusion")
    ap.add_argument("--top-k", type=int, default=TOP_K)
    a = ap.parse_args(argv)
    keep = line_filter(a.lines)
    pairs = pairs_of(a.faspell, keep)
    other: dict[str, Counter[str]] | None = None
    if a.lines:  # confusions counted on the lines not measured
        other = {}
        for c, x in pairs_of(a.faspell, lambda n: not keep(n)):  # type: ignore[misc]
            other.setdefault(c, Counter())[x] += 1
    wide = None
    if a.wide:
        with gzip.open(a.wide, "rt", encoding="utf-8") as fh:
            wide = parse(fh.readlines())
    shipped = load_confusion()
    rows = coverage(pairs, shipped, a.top_k, wide, other)
    total = rows[0][1]
    for name, v in rows:
        print(f"{name:66s} {v:6d}  {v / total:6.1%}")
    print("candidates per read character (mean over the errors' read characters):")
    for name, size in row_sizes(shipped, a.top_k, wide, [c for c, _ in pairs]):
        print(f"  {name:64s} {size:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
