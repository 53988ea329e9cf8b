"""Tests use invented text only: the rule of test_no_sample_text.py applied to tests/ itself.

No run of 6 Han characters in a test file may also occur in a sample page or its gold (corpus/samples,
corpus/gold), and no 10-Han window of a string in a test file (Han only, marks and digits dropped) may occur in
the People's Daily text the repository holds (the gold of the synthetic and real-OCR pages built from it), unless
it is a press convention (dateline, agency, role). Tests that read corpus files by path are not affected: only the
test code's own text is checked. (Adapted from the review19a audit check, which read ../shared; this one reads
only the repository's copies, so it runs, and skips nothing, where ../shared is absent.)
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = 6
WINDOW = 10
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]+")
# press conventions the check allows (a dateline or a role is the page format, not content)
_CONVENTION = re.compile(r"新华社|本报|日电|日讯|记者|广播电台")


def _runs(text: str, n: int = RUN) -> set[str]:
    return {m[i:i + n] for m in re.findall("[\u4e00-\u9fff]{%d,}" % n, text) for i in range(len(m) - n + 1)}


def _test_files() -> list[Path]:
    files = sorted((ROOT / "tests").glob("*.py"))
    assert len(files) > 10
    return files


def _sample_pages() -> str:
    pages = "".join(p.read_text(encoding="utf-8") for d in ("samples", "gold") for p in (ROOT / "corpus" / d).glob("*.*")
                    if p.suffix in (".txt", ".json"))
    assert len(pages) > 10_000
    return pages


def _source_text() -> str:
    """The People's Daily paragraphs in the gold of the corpus's synthetic and real-OCR pages."""
    texts = []
    for d in ("synthetic/tune", "synthetic/test", "real_ocr", "real_ocr_tune"):
        for p in sorted((ROOT / "corpus" / d).glob("*.json")):
            if not re.fullmatch(r"\d+\.json", p.name):
                continue
            gold = json.loads(p.read_text(encoding="utf-8"))
            if not isinstance(gold, dict):
                continue
            for a in gold.get("articles", []):
                texts.extend(_NON_HAN.sub("", str(x)) for x in a.get("paragraphs", []))
    text = "\n".join(texts)
    assert len(text) > 100_000
    return text


def test_no_run_of_six_han_characters_of_a_sample_page_is_in_the_tests() -> None:
    pages = _sample_pages()
    found = {p.name: sorted(r for r in _runs(p.read_text(encoding="utf-8")) if r in pages) for p in _test_files()}
    assert {f: r for f, r in found.items() if r} == {}


def _windows(text: str) -> set[str]:
    out = set()
    for line in text.split("\n"):
        for piece in re.findall(r"[\u4e00-\u9fff][^\"'\n]*[\u4e00-\u9fff]", line):
            h = _NON_HAN.sub("", piece)
            out.update(h[k:k + WINDOW] for k in range(len(h) - WINDOW + 1))
    return out


def test_no_clause_of_the_people_s_daily_text_in_the_corpus_is_in_the_tests() -> None:
    big = _source_text()
    hits = sorted((p.name, w) for p in _test_files() for w in _windows(p.read_text(encoding="utf-8"))
                  if w in big and not _CONVENTION.search(w))
    assert hits == []


def test_the_checks_find_a_quoted_run_and_a_quoted_clause() -> None:
    page = (ROOT / "corpus" / "samples" / "000.txt").read_text(encoding="utf-8")
    quoted = next(m for m in re.findall("[\u4e00-\u9fff]{%d,}" % RUN, page))
    assert _runs(f'x = "{quoted}"') & _runs(page)
    big = _source_text()
    clause = next(c for c in big.split("\n") if len(c) >= 2 * WINDOW and not _CONVENTION.search(c))
    assert any(w in big for w in _windows(f'x = "{clause}"'))
