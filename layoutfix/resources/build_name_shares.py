"""Build `layoutfix/data/name_shares.tsv.gz`: how many of jieba's dictionary entries holding a character are names.

Why: `lm.name_shares` (a feature of the glyph stage's learned acceptance) counts,
for every character, the entries of jieba's MIT `dict.txt` that hold it and those
of them tagged as personal or place names (`lm.NAME_TAGS`). Counting reads the
whole dictionary (about 0.6 s of CPU in every process that corrects glyphs); the
counts are shipped instead, and `lm.name_shares` reads them. A test checks that
the shipped file is what this command writes from the installed jieba.

Rows: `character<TAB>name entries<TAB>entries`, by character; gzip with a fixed
timestamp, so the same dictionary gives the same bytes.

Run: python -m layoutfix.resources.build_name_shares [-o PATH]
"""
from __future__ import annotations

import argparse
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "name_shares.tsv.gz"


def rows() -> list[str]:
    """The file's lines: a header, then one row per character of the dictionary."""
    from layoutfix.lm import NAME_TAGS, count_name_shares

    counts = count_name_shares()
    head = [f"# name_shares: characters of jieba's dict.txt; entries holding each, and those tagged "
            f"{'/'.join(sorted(NAME_TAGS))} (python -m layoutfix.resources.build_name_shares)"]
    return head + [f"{c}\t{k}\t{n}" for c, (k, n) in sorted(counts.items())]


def build(out: Path = OUT) -> int:
    data = ("\n".join(rows()) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return len(data)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    n = build(args.out)
    print(f"wrote {args.out} ({n:,} bytes before gzip)")


if __name__ == "__main__":
    main()
