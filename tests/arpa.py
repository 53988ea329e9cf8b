"""Tiny KenLM models of invented words for the context-model specs, written as ARPA text (KenLM reads ARPA as it
reads a binary model), so no spec needs Debian's libime file."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

Gram = tuple[float, str, float]  # (log10 probability, words separated by spaces, log10 back-off)

# An invented little language: a kite flies over a valley; a cat sleeps (unigrams, bigrams, trigrams).
KITES: tuple[list[Gram], list[Gram], list[tuple[float, str]]] = (
    [(-3.0, "<unk>", 0.0), (-99.0, "<s>", 0.0), (-1.0, "</s>", 0.0),
     (-1.5, "风筝", -0.5), (-1.6, "飞过", -0.3), (-1.7, "山谷", 0.0), (-1.6, "小猫", -0.4),
     (-1.8, "睡觉", 0.0), (-2.2, "风", 0.0), (-2.6, "筝", 0.0), (-2.1, "山", 0.0), (-2.5, "谷", 0.0),
     (-2.3, "飞", 0.0), (-2.2, "过", 0.0)],
    [(-0.3, "风筝 飞过", -0.2), (-0.4, "飞过 山谷", 0.0), (-0.5, "小猫 睡觉", 0.0)],
    [(-0.1, "风筝 飞过 山谷")],
)


def arpa_text(unigrams: Sequence[Gram], bigrams: Sequence[Gram], trigrams: Sequence[tuple[float, str]]) -> str:
    """An ARPA model's text (orders with no n-grams left out)."""
    lines = ["", "\\data\\", f"ngram 1={len(unigrams)}"]
    lines += [f"ngram 2={len(bigrams)}"] if bigrams else []
    lines += [f"ngram 3={len(trigrams)}"] if trigrams else []
    lines += ["", "\\1-grams:"] + [f"{p}\t{w}\t{b}" for p, w, b in unigrams]
    if bigrams:
        lines += ["", "\\2-grams:"] + [f"{p}\t{w}\t{b}" for p, w, b in bigrams]
    if trigrams:
        lines += ["", "\\3-grams:"] + [f"{p}\t{w}" for p, w in trigrams]
    return "\n".join(lines + ["", "\\end\\", ""])


def write_arpa(path: Path, unigrams: Sequence[Gram], bigrams: Sequence[Gram],
               trigrams: Sequence[tuple[float, str]]) -> Path:
    """The model as ARPA text at `path` (UTF-8)."""
    path.write_text(arpa_text(unigrams, bigrams, trigrams), encoding="utf-8")
    return path
