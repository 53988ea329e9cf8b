"""`freeze_resources`: after the first page the loaded resources leave the garbage collector's reach, once per
process, and no page comes out different for it."""
from __future__ import annotations

import gc

from layoutfix import pipeline
from layoutfix.pipeline import clean, freeze_resources

# an invented page: a headline, a dateline, a paragraph cut mid-sentence by a column break, a repeat
PAGE = "\n\n".join([
    "某甲县道路建设提速",
    "本报讯 某甲县今年新修道路三百公里，我们希望有关单位统一认识，加强协作，采取有力",
    "的措施，推动全县道路交通状况明显好转。",
    "记者从某局得知，今年以来全县新增就业岗位一万余个。",
    "记者从某局得知，今年以来全县新增就业岗位一万余个。",
])


def test_the_first_page_freezes_the_loaded_objects_and_the_next_page_comes_out_the_same() -> None:
    gc.unfreeze()  # as in a fresh process (an earlier test may have cleaned a page)
    pipeline._frozen = False
    before = clean(PAGE)  # cleaned with every object still tracked: the freeze follows its last stage
    assert pipeline._frozen and gc.get_freeze_count() > 0
    after = clean(PAGE)
    assert after.to_json() == before.to_json()
    assert after.to_text() == before.to_text()


def test_the_freeze_happens_once_per_process() -> None:
    clean(PAGE)
    assert pipeline._frozen
    n = gc.get_freeze_count()
    assert freeze_resources() is False
    assert gc.get_freeze_count() == n
