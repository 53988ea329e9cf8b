"""Visual confusion sets: for a character, the characters OCR may have read it as.

The shipped table `data/confusion.tsv.gz` is computed from rendered glyphs by
`layoutfix/resources/build_confusion.py` (no third-party list is copied). Each
row is `char<TAB>cand:score,…` with the shape similarity ×1000, best first.

An optional second table of observed (wrong→right) counts can be passed to
`load_confusion(extra=...)`; it is never shipped (see `resources/build_observed.py`).
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

Table = dict[str, tuple[tuple[str, float], ...]]


def parse(lines: list[str]) -> Table:
    """Rows to a table whose equal characters and equal scores are one shared object each.

    The table holds about 300,000 candidates; built naively each has its own
    one-character string and float besides its pair tuple (about 170 bytes).
    Sharing them halves the loaded table (about 47 MB to 22 MB): memory of the
    loaded models is bounded by issue 4.
    """
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    strings: dict[str, str] = {}
    scores: dict[str, float] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        char, _, rest = line.rstrip("\n").partition("\t")
        table[strings.setdefault(char, char)] = tuple((strings.setdefault(cand, cand), value)
                                                      for cand, value in _row(rest, scores))
    return table


def _row(rest: str, scores: dict[str, float]) -> Iterator[tuple[str, float]]:
    """A row's 'cand:score,...' as (look-alike, similarity), each score string read once (`scores` shares them)."""
    for item in rest.split(","):
        cand, _, score = item.rpartition(":")
        if cand:
            value = scores.get(score)
            if value is None:
                value = scores[score] = int(score) / 1000
            yield cand, value


@lru_cache(maxsize=4)
def load_confusion(path: str | None = None, extra: str | None = None) -> Table:
    """The visual table (shipped unless `path`), merged with an optional observed table `extra`.

    An observed pair missing from the visual list is added with similarity 1.0:
    it was seen as an OCR error, which is stronger evidence than any shape score.
    """
    if path:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table = parse(fh.readlines())
    else:
        data = resources.files("layoutfix").joinpath("data", "confusion.tsv.gz").read_bytes()
        table = parse(gzip.decompress(data).decode("utf-8").splitlines())
    if extra:
        opener = gzip.open if str(extra).endswith(".gz") else open
        with opener(Path(extra), "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            observed = parse(fh.readlines())
        for c, cands in observed.items():
            have = dict(table.get(c, ()))
            for cand, _ in cands:
                have[cand] = 1.0
            table[c] = tuple(sorted(have.items(), key=lambda kv: -kv[1]))
    return table


Wide = dict[str, tuple[str, tuple[float, ...]]]


@lru_cache(maxsize=1)
def load_wide() -> Wide:
    """{char: (look-alikes, their similarities)}: the shipped wider rows' look-alikes beyond the table's row.

    `data/confusion_wide.tsv.gz`, written by the same `build_confusion` run as the table: of each Han character's
    200 most similar, the 80 best by similarity and frequency, less those its table row holds (the glyph
    decoder's candidates; dedup and the dateline and byline look-ups keep the table's own rows). Kept as one
    string and one tuple per row, not a pair per look-alike: its 366,000 pairs would add some 23 MB to the
    loaded models.
    """
    data = resources.files("layoutfix").joinpath("data", "confusion_wide.tsv.gz").read_bytes()
    out: Wide = {}
    scores: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        char, _, rest = line.partition("\t")
        row = list(_row(rest, scores))
        out[char] = ("".join(cand for cand, _ in row), tuple(value for _, value in row))
    return out


@lru_cache(maxsize=1)
def tesseract_channel() -> dict[str, dict[str, int]]:
    """{read: {meant: count}} Han-for-Han confusions Tesseract chi_sim made on rendered text (shipped).

    Built by `resources/build_tesseract_channel.py` from jieba word-frequency
    pseudo-text, so it carries no corpus text; see `data/tesseract_channel.SOURCE.md`.
    """
    from .textutil import is_han

    data = resources.files("layoutfix").joinpath("data", "tesseract_channel.tsv.gz").read_bytes()
    out: dict[str, dict[str, int]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        read, _, rest = line.partition("\t")
        if not is_han(read):
            continue
        row = {}
        for item in rest.split(","):
            meant, _, n = item.rpartition(":")
            if is_han(meant):
                row[meant] = int(n)
        if row:
            out[read] = row
    return out


def similar(char: str, k: int = 40, table: Table | None = None) -> tuple[tuple[str, float], ...]:
    """The top `k` look-alikes of `char` with their similarity (0-1), best first."""
    t = table if table is not None else load_confusion()
    return t.get(char, ())[:k]
