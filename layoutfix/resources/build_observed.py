"""Build an OPTIONAL table of observed OCR confusions from FASpell's training pairs (never shipped).

FASpell's data is GPL-3.0, so this table is not part of layoutfix: build it on
demand, keep it outside the package and pass it where a table is taken
(`load_confusion(extra=PATH)`, `eval_glyphs --observed PATH`).

Input lines: `<n>\\t<OCR output>\\t<correct sentence>`; every differing Han
position gives one (wrong → right) count. Output: `wrong<TAB>right:count,…`
(gzip), the same row format as the visual table.

Run: python -m layoutfix.resources.build_observed /work/shared/data/faspell/ocr_train_3575.txt -o observed.tsv.gz
"""
from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

from layoutfix.lmtrain import read_confusions
from layoutfix.textutil import is_han


def count_pairs(path: Path) -> dict[str, Counter[str]]:
    """Han-to-Han confusions of the pairs file, read by the parser `train-lm --confusions` uses."""
    return {w: Counter({r: c for r, c in row.items() if is_han(r)})
            for w, row in read_confusions(path).items() if is_han(w) and any(is_han(r) for r in row)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=Path("observed_confusion.tsv.gz"))
    a = ap.parse_args()
    pairs = count_pairs(a.train)
    with gzip.open(a.out, "wt", encoding="utf-8") as fh:
        fh.write("# observed OCR confusions (GPL-3.0 source data: do not ship)\n")
        for w in sorted(pairs):
            fh.write(f"{w}\t{','.join(f'{r}:{c}' for r, c in pairs[w].most_common())}\n")
    print(f"wrote {a.out} ({sum(len(v) for v in pairs.values())} pairs)")


if __name__ == "__main__":
    main()
