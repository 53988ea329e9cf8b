"""Knowledge comes from data, not from the sample pages: the package quotes none of their text.

Any run of 6 Han characters in the package's code, comments, docstrings or shipped text files that also
occurs in a sample page or its gold is a rule or an example taken from the pages the tool is measured on.
(Press conventions such as 本报记者 are shorter than 6 characters.)
"""
from __future__ import annotations

import re
from pathlib import Path

import layoutfix

ROOT = Path(__file__).resolve().parent.parent
RUN = 6


def _runs(text: str) -> set[str]:
    return {m[i:i + RUN] for m in re.findall("[\u4e00-\u9fff]{%d,}" % RUN, text) for i in range(len(m) - RUN + 1)}


def test_no_run_of_six_han_characters_of_a_sample_page_is_in_the_package() -> None:
    package = Path(layoutfix.__file__).parent
    files = [p for p in package.rglob("*") if p.suffix in (".py", ".md", ".txt", ".json")]
    assert len(files) > 20
    pages = "".join(p.read_text(encoding="utf-8") for d in ("samples", "gold") for p in (ROOT / "corpus" / d).glob("*.*")
                    if p.suffix in (".txt", ".json"))
    assert len(pages) > 10_000
    found = {str(f.relative_to(package)): sorted(r for r in _runs(f.read_text(encoding="utf-8")) if r in pages)
             for f in files}
    assert {f: r for f, r in found.items() if r} == {}


def test_the_check_finds_a_quoted_run() -> None:
    page = (ROOT / "corpus" / "samples" / "000.txt").read_text(encoding="utf-8")
    quoted = next(m for m in re.findall("[\u4e00-\u9fff]{%d,}" % RUN, page))
    assert _runs(f"# an example: {quoted}") & _runs(page)
