"""`freeze_resources`: a batch moves the loaded resources out of the garbage collector's reach once, after its
first page, and no page comes out different for it; the library call never freezes the caller's objects."""
from __future__ import annotations

import gc

from layoutfix import pipeline
from layoutfix.cli import main
from layoutfix.pipeline import clean, freeze_resources

# an invented page: a headline, a dateline, a paragraph cut mid-sentence by a column break, a repeat
PAGE = "\n\n".join([
    "某甲县道路建设提速",
    "本报讯 某甲县今年新修道路三百公里，我们希望有关单位统一认识，加强协作，采取有力",
    "的措施，推动全县道路交通状况明显好转。",
    "记者从某局得知，今年以来全县新增就业岗位一万余个。",
    "记者从某局得知，今年以来全县新增就业岗位一万余个。",
])


def _fresh() -> None:
    gc.unfreeze()  # as in a fresh process (an earlier test may have frozen)
    pipeline._frozen = False


def test_the_library_call_never_freezes_what_the_caller_holds() -> None:
    _fresh()
    clean(PAGE)
    assert not pipeline._frozen and gc.get_freeze_count() == 0


def test_a_page_cleaned_after_the_freeze_comes_out_the_same_and_the_freeze_happens_once() -> None:
    _fresh()
    before = clean(PAGE)
    assert freeze_resources() is True and gc.get_freeze_count() > 0
    after = clean(PAGE)
    assert after.to_json() == before.to_json() and after.to_text() == before.to_text()
    n = gc.get_freeze_count()
    assert freeze_resources() is False and gc.get_freeze_count() == n
    gc.unfreeze()


def test_a_batch_of_dumps_freezes_after_its_first_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fresh()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    assert pipeline._frozen
    gc.unfreeze()
