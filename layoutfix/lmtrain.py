"""Build a `WordLM` from a directory of clean UTF-8 text (`layoutfix train-lm`).

Why: jieba's dictionary frequencies come from a general corpus; a user's own
clean text (past issues of the same paper) knows its names, places and
phrasing. The builder segments the text with the current model, counts words,
adjacent character pairs and character trigrams (`CharNgram`; trigrams seen
fewer than `min_count` times are pruned), and writes a gzip JSON model that
`load_lm` reads. `--confusions FILE` adds an observed OCR channel from
OCR-vs-truth sentence pairs (`[n<TAB>]ocr<TAB>truth`, e.g. FASpell's train
file): the glyph stage then tries those confusions too and credits them by
their counts. Keep such a model outside the package when the pairs' licence
says so (FASpell's is GPL-3.0). Word counts are rescaled to the base dictionary's total so that the
new text weighs as much as the base (`weight`, 1.0 = half and half); only
words seen at least `min_count` times are kept, which bounds the model size.

Inputs: `.txt` (one paragraph per line) and `.jsonl` (objects with a
"paragraphs" list or a "text" field), found recursively under each path.
Full-width digits and Latin letters are folded to ASCII first, as `normalize`
does for page text.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError
from .lm import CharNgram, WordLM, _han_runs, load_lm
from .stages.read import CUT_AT_END, decode
from .textutil import is_han


def _fold(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF10 <= ord(c) <= 0xFF19 or 0xFF21 <= ord(c) <= 0xFF3A
                   or 0xFF41 <= ord(c) <= 0xFF5A else c for c in text)


def iter_paragraphs(paths: Iterable[Path], encoding: str | None = None) -> Iterator[str]:
    """Every paragraph of every .txt/.jsonl file under `paths` (files or directories).

    Bad bytes are an error, never replacement marks counted as text: a GB18030 or Big5 .txt is decoded
    as `layoutfix clean` decodes a dump (`encoding`, when given, as `clean --encoding` does: a file too short
    to tell GB18030 from Big5 reads either way), a binary one raises `InputError`, a .jsonl must be UTF-8."""
    for root in paths:
        root = Path(root)
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.suffix == ".txt":  # decoded as `clean` decodes a dump: UTF-8/16, GB18030, Big5; binary refused
                data = f.read_bytes()
                if not data.strip():
                    continue
                text, read_as = decode(data, encoding, str(f))
                if read_as.endswith(CUT_AT_END):  # decode marks the cut bytes with U+FFFD
                    text = text.rstrip().removesuffix("\ufffd")
                for line in text.splitlines():
                    if line.strip():
                        yield _fold(line.strip())
            elif f.suffix == ".jsonl":  # JSON text is UTF-8: anything else is an error, not replacement marks
                try:
                    lines = f.read_text(encoding="utf-8").splitlines()
                except UnicodeDecodeError as e:
                    raise InputError(f"not UTF-8 ({e.reason} at byte {e.start}): a .jsonl file is UTF-8 JSON",
                                     str(f)) from None
                for k, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    for p in _jsonl_paragraphs(line, f"{f}:{k}"):
                        if isinstance(p, str) and p.strip():
                            yield _fold(p.strip())


def _jsonl_paragraphs(line: str, where: str) -> list[object]:
    """The paragraphs of one .jsonl line: an object's "paragraphs" (a list, or one string) or its "text". A line
    that is no JSON object is an error naming its file and line (review24a: an array gave a traceback, a line
    that is no JSON a bare 'Expecting value' naming neither; a "paragraphs" string was read a character to a
    paragraph)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON ({e.msg} at column {e.colno})", where) from None
    if not isinstance(obj, dict):
        raise InputError(f"a JSON {type(obj).__name__}, not an object with \"paragraphs\" or \"text\"", where)
    paras = obj.get("paragraphs") or ([obj["text"]] if isinstance(obj.get("text"), str) else [])
    return [paras] if isinstance(paras, str) else list(paras) if isinstance(paras, list) else []


def count(paragraphs: Iterable[str], base: WordLM) -> tuple[Counter[str], Counter[str]]:
    """Word counts (best segmentation under `base`) and adjacent Han character-pair counts."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for p in paragraphs:
        for run in _han_runs(p):
            words.update(base.segment(run))
            pairs.update(run[i:i + 2] for i in range(len(run) - 1))
    return words, pairs


def read_confusions(path: Path, into: dict[str, dict[str, int]] | None = None) -> dict[str, dict[str, int]]:
    """Observed OCR confusions {read: {meant: count}} from a file, added to `into` when given.

    Two formats:
    - aligned pairs `[n<TAB>]OCR<TAB>correct` (FASpell's; any OCR-vs-truth
      sentence pairs do): only lines whose two sides have the same length are
      used; every differing position counts once;
    - a count table, told by its header `wrong<TAB>right<TAB>count` (or
      `read<TAB>meant<TAB>count`), then `read<TAB>meant<TAB>count[<TAB>...]` a line
      (`corpus/real_ocr_tune/tesseract_confusions.tsv`): rows of one character
      each side add their count.
    """
    out: dict[str, dict[str, int]] = into if into is not None else {}
    try:
        _read_confusion_lines(path, out)
    except UnicodeDecodeError as e:  # (review25a: the CLI had blamed the training text, naming no file)
        raise InputError(f"confusions file is not UTF-8 ({e.reason} at byte {e.start}): give it as UTF-8",
                         str(path)) from None
    except OSError as e:  # (a directory, no permission: the CLI had blamed the model it writes)
        raise InputError(f"cannot read confusions file: {e.strerror or e}", str(path)) from None
    return out


def _read_confusion_lines(path: Path, out: dict[str, dict[str, int]]) -> None:
    """`read_confusions`' reading of one file into `out`."""
    with Path(path).open(encoding="utf-8-sig") as fh:  # a BOM would hide the count table's header
        table = False
        for n, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if n == 0 and [p.strip().lower() for p in parts[:3]] in (["wrong", "right", "count"],
                                                                      ["read", "meant", "count"]):
                table = True
                continue
            if len(parts) < 2:
                continue
            if table:
                if len(parts) < 3 or len(parts[0]) != 1 or len(parts[1]) != 1 or not parts[2].strip().isdigit():
                    continue
                r, m = parts[0], parts[1]
                if r != m and not r.isspace() and not m.isspace():
                    row = out.setdefault(r, {})
                    row[m] = row.get(m, 0) + int(parts[2])
                continue
            read, meant = parts[-2], parts[-1]
            if len(read) != len(meant):
                continue
            for r, m in zip(read, meant):
                if r != m and not r.isspace() and not m.isspace():
                    row = out.setdefault(r, {})
                    row[m] = row.get(m, 0) + 1


# Words of running text a corpus needs to weigh as much as the whole dictionary; a smaller one weighs in
# proportion to its size (review24a: two lines had made the three words they hold the likeliest of the language,
# 13 million each against the dictionary's commonest 0.9 million). A month of one newspaper holds about a million.
FULL_WEIGHT_WORDS = 100_000


def train_lm(paths: Iterable[Path], out: Path, min_count: int = 2, weight: float = 1.0,
             name: str | None = None, confusions: Path | Sequence[Path] | None = None,
             encoding: str | None = None) -> WordLM:
    """Learn word, character-pair and character-trigram counts from `paths`, write the model to `out`.

    `confusions`: one file or several (`read_confusions` formats); the confusions
    they show, counts added up, are stored in the model as the decoder's observed channel. `encoding`: the .txt
    files' encoding, when detection should not decide (`iter_paragraphs`).
    """
    paths = list(paths)
    base = load_lm(None)
    chars = CharNgram.count(iter_paragraphs(paths, encoding), min_tri=min_count)
    words, pairs = count(iter_paragraphs(paths, encoding), base)
    total = sum(words.values())
    if not total:
        raise InputError("no Chinese text found in .txt or .jsonl files", ", ".join(str(p) for p in paths))
    scale = weight * base.total / max(total, FULL_WEIGHT_WORDS)
    scaled = {w: max(1, round(c * scale)) for w, c in words.items()
              if c >= min_count and any(is_han(ch) for ch in w)}
    kept_pairs = {b: c for b, c in pairs.items() if c >= min_count}
    freqs = dict(base.freq)
    for w, c in scaled.items():
        freqs[w] = freqs.get(w, 0) + c
    observed: dict[str, dict[str, int]] | None = None
    if confusions:
        observed = {}
        for f in ([confusions] if isinstance(confusions, (str, Path)) else confusions):
            read_confusions(Path(f), observed)
    lm = WordLM(freqs, name=name or f"jieba-dict+{Path(out).stem}", bigrams=kept_pairs, chars=chars,
                observed=observed)
    lm.save(out, base="jieba-dict", only=scaled)
    return lm
