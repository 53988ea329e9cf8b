"""The benchmark runner: its scorer agrees with the official one, its stage metrics mean what they say.

The agreement tests load the official scorer from its vendored copy, corpus/scorer/score.py (the
tests need no ../shared); the copy is pinned by its sha256, and the runner refuses to report figures when
../shared holds a different scorer.
"""
from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import random
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from benchmarks import metrics
from benchmarks.__main__ import main as bench_main
from benchmarks.corpora import discover, fresh_real_ocr, fresh_synthetic, scorer_drift
from benchmarks.score import content_form, raw_prediction, score_page, summarize

ROOT = Path(__file__).resolve().parents[1]


VENDORED = ROOT / "corpus" / "scorer"


@pytest.fixture(scope="module")
def official() -> ModuleType:
    spec = importlib.util.spec_from_file_location("official_score", VENDORED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vendored_scorer_is_the_copy_its_source_note_names() -> None:
    noted = re.search(r"sha256: `([0-9a-f]{64})`", (VENDORED / "SOURCE.md").read_text(encoding="utf-8"))
    assert noted and hashlib.sha256((VENDORED / "score.py").read_bytes()).hexdigest() == noted.group(1)


def test_the_runner_refuses_to_report_when_the_official_scorer_changed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "score.py").write_bytes((VENDORED / "score.py").read_bytes() + b"# a new version\n")
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    with pytest.raises(SystemExit):
        bench_main(["--splits", "samples", "--no-speed", "--no-ablation", "--output", str(tmp_path / "r.md")])
    assert not (tmp_path / "r.md").exists()
    (tmp_path / "tools" / "score.py").write_bytes((VENDORED / "score.py").read_bytes())
    assert scorer_drift() is None


def _nonzero(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v}


def assert_agrees(official: ModuleType, gold: dict, pred: dict) -> None:
    theirs = official.score_page(gold, pred)
    ours = score_page(gold, pred)
    assert _nonzero(dict(ours)) == _nonzero(theirs)
    assert summarize(ours) == official.summarize(theirs)


# -- damaged predictions: each one exercises a different metric ---------------

def _drop_first_article(p: dict) -> None:
    p["articles"] = p["articles"][1:]


def _reverse_articles(p: dict) -> None:
    p["articles"].reverse()


def _duplicate_a_paragraph(p: dict) -> None:
    a = next(a for a in p["articles"] if a["paragraphs"])
    a["paragraphs"].append(a["paragraphs"][0])


def _halfwidth_commas(p: dict) -> None:
    for a in p["articles"]:
        a["paragraphs"] = [x.replace("，", ",").replace("“", '"') for x in a["paragraphs"]]


def _delete_characters(p: dict) -> None:
    for a in p["articles"]:
        a["paragraphs"] = [x[::7] + x[1::7] for x in a["paragraphs"]]


def _merge_all_articles(p: dict) -> None:
    merged = {"headline": None, "paragraphs": [x for a in p["articles"] for x in a["paragraphs"]]}
    p["articles"] = [merged]


def _split_paragraphs(p: dict) -> None:
    for a in p["articles"]:
        a["paragraphs"] = [h for x in a["paragraphs"] for h in (x[: len(x) // 2], x[len(x) // 2:]) if h]


def _wrong_titles_bylines_datelines(p: dict) -> None:
    for k, a in enumerate(p["articles"]):
        a["headline"] = (a.get("headline") or "") + "之" if k % 2 else None
        a["byline"] = list(a.get("byline") or [])[:1] + ["某某"]
        a["dateline"] = "本报讯" if a.get("dateline") else None


def _noise_into_body(p: dict) -> None:
    noise = p.get("noise") or ["扣场 美 新闻"]
    p["articles"][-1]["paragraphs"].append(noise[0])


def _junk_article(p: dict) -> None:
    p["articles"].append({"headline": "广告", "paragraphs": ["热线电话：0471-3250086"], "captions": ["图"],
                          "tables": [[["a", None]]]})


def _undo_gold_edits(p: dict, gold: dict) -> None:
    for a in p["articles"]:
        for e in gold.get("edits") or []:
            if e.get("gold"):
                a["paragraphs"] = [x.replace(e["gold"], e["raw"] or "") for x in a["paragraphs"]]


def _empty(p: dict) -> None:
    p["articles"] = []
    p["noise"] = []


DAMAGE: list[Callable[[dict], None]] = [
    _drop_first_article, _reverse_articles, _duplicate_a_paragraph, _halfwidth_commas, _delete_characters,
    _merge_all_articles, _split_paragraphs, _wrong_titles_bylines_datelines, _noise_into_body, _junk_article,
    _empty,
]


def test_scorer_agrees_with_the_official_script_on_the_cleaned_samples(official, cleaned, golds) -> None:  # type: ignore[no-untyped-def]
    total_ours: Counter = Counter()
    total_theirs: Counter = Counter()
    for name, page in cleaned.items():
        pred = json.loads(page.to_json())
        assert_agrees(official, golds[name], pred)
        total_ours.update(score_page(golds[name], pred))
        total_theirs.update(official.score_page(golds[name], pred))
    assert summarize(total_ours) == official.summarize(total_theirs)


def test_scorer_agrees_on_the_gold_itself_and_on_the_raw_dumps(official, samples, golds) -> None:  # type: ignore[no-untyped-def]
    for name, gold in golds.items():
        assert_agrees(official, gold, gold)
        assert summarize(score_page(gold, gold))["article_exact"] == 1.0
        text = samples[name].decode("utf-8").replace("\r\n", "\n")
        assert raw_prediction(text) == official.raw_as_prediction(text)
        assert_agrees(official, gold, raw_prediction(text))


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_scorer_agrees_on_damaged_predictions(official, golds, damage) -> None:  # type: ignore[no-untyped-def]
    for gold in golds.values():
        pred = copy.deepcopy(gold)
        damage(pred)
        assert_agrees(official, gold, pred)


def test_scorer_agrees_when_gold_edits_are_undone(official, golds) -> None:  # type: ignore[no-untyped-def]
    for gold in golds.values():
        pred = copy.deepcopy(gold)
        _undo_gold_edits(pred, gold)
        assert_agrees(official, gold, pred)
        assert summarize(score_page(gold, pred))["edits_fixed"] < 1.0


# Small alphabets make ties, duplicates and near-misses common: the pairing's corner cases.
_chars = st.sampled_from(list("新闻本报讯记者，。、“”,. 　\t甲乙丙"))
_text = st.text(_chars, max_size=12)
_article = st.fixed_dictionaries({
    "headline": st.one_of(st.none(), _text),
    "kicker": st.one_of(st.none(), _text),
    "paragraphs": st.lists(_text, max_size=4),
    "byline": st.lists(st.sampled_from(["甲", "乙", "甲 ", "丙丙"]), max_size=2),
    "dateline": st.one_of(st.none(), st.sampled_from(["本报讯", "本报 讯", " "])),
    "captions": st.lists(_text, max_size=1),
    "tables": st.lists(st.lists(st.lists(st.one_of(st.none(), _text), max_size=2), max_size=2), max_size=1),
})
_page = st.fixed_dictionaries({
    "articles": st.lists(_article, max_size=4),
    "noise": st.lists(_text, max_size=2),
    "edits": st.lists(st.fixed_dictionaries({"raw": st.one_of(st.none(), _text),
                                             "gold": st.one_of(st.none(), _text)}), max_size=2),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gold=_page, pred=_page, seed=st.integers(0, 2**16))
def test_scorer_agrees_on_random_small_pages(official, gold, pred, seed) -> None:  # type: ignore[no-untyped-def]
    assert_agrees(official, gold, pred)
    mutated = copy.deepcopy(gold)  # a prediction close to the gold: shuffled, with one paragraph dropped
    rng = random.Random(seed)
    rng.shuffle(mutated["articles"])
    paras = [a["paragraphs"] for a in mutated["articles"] if a["paragraphs"]]
    if paras:
        rng.choice(paras).pop()
    assert_agrees(official, gold, mutated)


# -- the scorer's own promises (no ../shared needed) ---------------------------

def test_content_form_ignores_whitespace_and_punctuation_width() -> None:
    assert content_form("你好， 世界。\n“引号”") == content_form("你好,世界.\"引号\"")
    assert content_form("2.5亿元") == "2.5亿元"


def test_a_perfect_prediction_scores_perfectly(golds) -> None:  # type: ignore[no-untyped-def]
    gold = next(iter(golds.values()))
    s = summarize(score_page(gold, gold))
    assert s["body_cer"] == 0.0 and s["paragraph_f1"] == 1.0 and s["article_found"] == 1.0


# -- stage metrics -------------------------------------------------------------

def test_adjusted_rand_index_matches_known_values() -> None:
    assert metrics.adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0]) == 1.0
    assert metrics.adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.5714285714)
    assert metrics.adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
    assert metrics.adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == pytest.approx(0.5714285714)
    assert metrics.adjusted_rand_index([0, 1, 2], [0, 1, 2]) == 1.0  # all singletons on both sides


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=2, max_size=30))
def test_adjusted_rand_index_is_symmetric_at_most_one_and_one_on_relabeling(pairs) -> None:  # type: ignore[no-untyped-def]
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    assert metrics.adjusted_rand_index(a, b) == pytest.approx(metrics.adjusted_rand_index(b, a))
    assert metrics.adjusted_rand_index(a, b) <= 1.0 + 1e-9
    assert metrics.adjusted_rand_index(a, [x + 10 for x in a]) == 1.0


def _edit(stage: str, kind: str, line: int, before: str = "", after: str = "", context: str = "") -> dict:
    return {"stage": stage, "kind": kind, "line": line, "before": before, "after": after, "context": context}


def test_a_flow_join_hits_the_logged_cut_by_continuation_line_and_tail() -> None:
    raw = ["", "", "首先要认真履", "", "行职责。", "", "另一段。"]
    defects = [{"type": "cut", "line": 3, "line2": 5, "article": 0}]
    right = _edit("flow", "join", 5, context="…首先要认真履⏎行职责。…")
    wrong_source = _edit("flow", "join", 5, context="…另一段完全不⏎行职责。…")
    spurious = _edit("flow", "join", 7, context="…行职责。⏎另一段。…")
    assert metrics.join_tallies(defects, [right], raw) == Counter(join_gold=1, join_pred=1, join_tp=1)
    assert metrics.join_tallies(defects, [wrong_source], raw)["join_tp"] == 0
    spliced = [{"type": "splice", "line": 3, "line2": 5, "raw": "乙乙乙乙", "end": 2, "offset2": 1}]
    assert metrics.join_tallies(spliced, [right], raw)["join_tp"] == 0  # the logged tail wins over the line end
    t = metrics.join_tallies(defects, [right, spurious], raw)
    assert metrics.prf(t["join_tp"], t["join_pred"], t["join_gold"])[:2] == (0.5, 1.0)


def test_dedup_may_drop_either_copy_and_ignores_doubled_phrases() -> None:
    defects = [{"type": "duplicate", "line": 9, "of_line": 3}, {"type": "partial_repeat", "line": 11, "of_line": 9}]
    edits = [_edit("dedup", "duplicate", 3), _edit("dedup", "doubled", 11, "转化", ""),
             _edit("dedup", "to_noise", 20)]
    assert metrics.dedup_tallies(defects, edits) == Counter(dedup_gold=2, dedup_pred=2, dedup_tp=1)


def test_a_character_correction_hits_its_defect_whatever_context_it_quotes() -> None:
    defects = [
        {"type": "glyph", "raw": "了实见海关", "gold": "了实现海关", "line": 15},
        {"type": "drop", "raw": "影休息", "gold": "影响休息", "line": 7},
        {"type": "double", "raw": "转化转化为", "gold": "转化为", "line": 9},
        {"type": "cut", "line": 5, "line2": 7},
    ]
    edits = [
        _edit("glyphs", "glyph", 15, "见", "现"),
        _edit("glyphs", "drop", 5, "影休", "影响休"),      # reported on the first line of the joined block
        _edit("dedup", "doubled", 9, "转化", ""),
        _edit("glyphs", "glyph", 15, "海", "每"),          # a false correction
        _edit("normalize", "punct", 15, ",", "，"),         # not a character correction
    ]
    t = metrics.char_tallies(defects, edits)
    assert (t["char_tp"], t["char_pred"], t["char_gold"]) == (3, 4, 3)
    assert t["char_tp_drop"] == 1 and t["char_gold_glyph"] == 1


def test_false_corrections_count_changed_characters_of_clean_text() -> None:
    t = metrics.false_correction_tallies(["一二三四五", "六七八九十"], lambda ls: [ls[0], ls[1].replace("七", "士")])
    assert t == Counter(clean_chars=10, clean_changed=1)


def test_segment_pairs_count_paragraphs_of_one_article_kept_together() -> None:
    gold = {"articles": [{"paragraphs": ["甲甲甲甲甲甲", "乙乙乙乙乙乙"]}, {"paragraphs": ["丙丙丙丙丙丙"]}]}
    together = {"articles": [{"paragraphs": ["甲甲甲甲甲甲", "乙乙乙乙乙乙", "丙丙丙丙丙丙"]}]}
    t, ari = metrics.segment_tallies(gold, gold)
    assert (t["pair_tp"], t["pair_pred"], t["pair_gold"], ari) == (1, 1, 1, 1.0)
    t, ari = metrics.segment_tallies(gold, together)
    assert (t["pair_tp"], t["pair_pred"], t["pair_gold"]) == (1, 3, 1) and ari == 0.0


def test_spelling_metrics_separate_strict_and_lenient_sentences() -> None:
    triples = [
        ("有身子有眼", "有鼻子有眼", "有鼻子有眼"),   # corrected
        ("有于读的", "有手续的", "有手读的"),         # one of two errors fixed: no hit, no false positive
        ("人驻本地", "入驻本地", "入驻木地"),         # error fixed, a correct character broken: a false positive
    ]
    t = metrics.spelling_tallies(triples)
    s = metrics.spelling_summary(t)
    assert s["char correction"][:2] == (3 / 4, 3 / 4)
    assert s["sentence correction"][:2] == (1 / 2, 1 / 3)
    assert s["sentence correction (lenient)"][:2] == (1.0, 1 / 3)
    assert s["sentence detection"][:2] == (1 / 2, 1 / 3)


def test_distance_estimate_credits_right_changes_and_charges_wrong_ones() -> None:
    t = metrics.distance_tallies([("甲乙丙丁", "甲己丙丁", "甲己丙戊"), ("一二三", "一二三四", "一二三")])
    assert (t["before"], t["after"], t["changed"]) == (2, 2, 2)
    assert metrics.distance_summary(t)[:2] == (0.5, 0.5)  # one of two changes right, one of two errors fixed


# -- the runner ----------------------------------------------------------------

def test_missing_corpora_are_empty_splits(tmp_path: Path) -> None:
    assert discover(root=tmp_path) == {"samples": [], "synthetic": [], "real_ocr": []}


def test_fresh_pages_never_reuse_the_tune_seed() -> None:
    with pytest.raises(ValueError, match="tune"):
        fresh_synthetic(1)
    with pytest.raises(SystemExit):  # the runner says so before building anything
        bench_main(["--splits", "synthetic-fresh", "--fresh-seed", "1"])


def test_fresh_pages_are_absent_without_the_news_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    assert fresh_synthetic(2, pages=2) == []


def _invented_news(root: Path) -> None:
    """A news_zh-shaped articles.jsonl of invented text: two tuning days, and one test day marked by 龘."""
    rng = random.Random(0)
    han = "一二三四五六七八九十人民建设发展工作会议经济社会文化教育科技城市农村企业市场服务群众生活改革开放政策"
    records = []
    for day in ("19980102", "19980103", "19980120"):
        mark = "龘" if day == "19980120" else ""
        for page in (1, 2, 3):
            for no in range(1, 9):
                title = mark + "".join(rng.choice(han) for _ in range(rng.randint(6, 12)))
                paras = [title, "本报讯" + "".join(rng.choice(han) for _ in range(60)) + "。"]
                paras += [mark + "".join(rng.choice(han) for _ in range(rng.randint(40, 160))) + "。"
                          for _ in range(rng.randint(3, 7))]
                records.append({"doc_id": f"{day}-{page:02d}-{no:03d}", "date": day, "page": page,
                                "article_no": no, "title_guess": title, "paragraphs": paras})
    out = root / "data" / "news_zh" / "pfr1998_01"
    out.mkdir(parents=True)
    (out / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                        encoding="utf-8")


def test_fresh_pages_are_well_formed_tuning_day_pages_that_change_with_the_seed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.synth.check import check_page

    _invented_news(tmp_path)
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    fresh = fresh_synthetic(2, pages=2)
    assert [c.name for c in fresh] == ["000", "001"] and all(c.split == "synthetic-fresh" for c in fresh)
    for c in fresh:
        assert "龘" not in c.raw_text()  # never a test day
        assert c.defects and check_page(c.raw_text(), c.gold, c.defects) == []
    assert [c.data for c in fresh_synthetic(3, pages=2)] != [c.data for c in fresh]
    assert [c.data for c in fresh_synthetic(2, pages=2)] == [c.data for c in fresh]  # a seed is a fixed set


def test_fresh_real_ocr_pages_never_reuse_the_tune_seed() -> None:
    with pytest.raises(ValueError, match="real_ocr_tune"):
        fresh_real_ocr(1)
    with pytest.raises(SystemExit):  # the runner says so before printing or reading anything
        bench_main(["--splits", "real_ocr-fresh", "--fresh-seed", "1"])


def test_fresh_real_ocr_pages_are_absent_without_the_news_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    monkeypatch.setenv("LAYOUTFIX_CACHE", str(tmp_path / "cache"))
    assert fresh_real_ocr(2) == {}


def test_fresh_real_ocr_pages_are_absent_without_tesseract(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import shutil

    _invented_news(tmp_path)
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    monkeypatch.setenv("LAYOUTFIX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert fresh_real_ocr(2) == {}
    assert "needs" in capsys.readouterr().err  # says what is missing (Pillow or Tesseract), builds nothing
    assert not (tmp_path / "cache").exists()


def test_fresh_real_ocr_pages_are_read_back_from_the_cache_with_their_ocr_read_gold(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A built set is kept: a second run reads the cached pages (no Tesseract asked), one split per print level,
    each page with its gold as the OCR engine read it (`ocr_gold`)."""
    import shutil

    _invented_news(tmp_path)
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    monkeypatch.setenv("LAYOUTFIX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "cache" / "real_ocr-fresh-2-20"
    gold = {"source": "000.txt", "ocr": True, "ocr_level": "heavy",
            "articles": [{"headline": "标题", "paragraphs": ["清洁的段落。"], "captions": []}]}
    for level in ("heavy", "light"):
        (out / level).mkdir(parents=True)
        (out / level / "000.txt").write_text("标题\n\n清洁的段洛。\n", encoding="utf-8")
        (out / level / "000.json").write_text(json.dumps({**gold, "ocr_level": level}, ensure_ascii=False),
                                              encoding="utf-8")
    (out / "index.json").write_text("[]", encoding="utf-8")
    from layoutfix.synth.ocr import OcrCache

    OcrCache(out / "ocr_cache.jsonl").add("heavy", "清洁的段落。", ["清洁的段洛。"])
    found = fresh_real_ocr(2)
    assert sorted(found) == ["real_ocr-fresh/heavy", "real_ocr-fresh/light"]
    heavy, light = found["real_ocr-fresh/heavy"][0], found["real_ocr-fresh/light"][0]
    assert heavy.fair_gold is not None and heavy.fair_gold["articles"][0]["paragraphs"] == ["清洁的段洛。"]
    assert light.fair_gold is not None and light.fair_gold["articles"][0]["paragraphs"] == ["清洁的段落。"]
    assert discover(("real_ocr-fresh",), root=tmp_path, fresh_seed=2, limit=1)["real_ocr-fresh/heavy"] == [heavy]


def test_a_narrowed_run_does_not_replace_the_committed_report(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """review18a: a one-split run without --output had overwritten benchmarks/RESULTS.md."""
    import benchmarks.__main__ as bm
    committed = tmp_path / "RESULTS.md"
    committed.write_text("the full run's report", encoding="utf-8")
    monkeypatch.setattr(bm, "RESULTS", committed)
    assert bench_main(["--quick", "--splits", "samples", "--workers", "1", "--no-speed", "--no-clean-pages"]) == 0
    assert committed.read_text(encoding="utf-8") == "the full run's report"
    assert "not written" in capsys.readouterr().err


@pytest.mark.parametrize("flags", [["--quick"], ["--splits", "samples"], ["--splits", "synthetic,real_ocr"],
                                   ["--splits", "samples,synthetic,real_ocr,synthetic-tune"], ["--lm", "m.lm"],
                                   ["--no-ablation"], ["--no-speed"], ["--no-clean-pages"], ["--repeat", "1"]])
def test_every_option_that_changes_a_figure_narrows_the_run(flags: list[str]) -> None:
    from benchmarks.__main__ import narrowing, parser
    assert narrowing(parser().parse_args(flags)) == [flags[0]]


@pytest.mark.parametrize("flags", [[], ["--workers", "1"], ["--fresh-seed", "5"],
                                   ["--splits", "real_ocr,samples,synthetic"], ["--repeat", "3"]])
def test_the_full_run_in_any_spelling_is_not_narrowed(flags: list[str]) -> None:
    from benchmarks.__main__ import narrowing, parser
    assert narrowing(parser().parse_args(flags)) == []


def test_the_runner_prints_the_report_it_writes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "RESULTS.md"
    assert bench_main(["--quick", "--splits", "samples", "--workers", "1", "--output", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert report.strip() == capsys.readouterr().out.strip()
    assert "| samples" in report and "raw dump" in report and "-flow" in report
    assert "commit:" in report and "machine:" in report


def test_clean_sentences_are_distinct_folded_sentences_of_the_asked_days_only() -> None:
    from benchmarks.__main__ import clean_sentences

    records = [
        {"date": "19980117", "paragraphs": ["今年增长１２％，发展很快。发展很快。短句。", "他说：“我们一定要做好。”"]},
        {"date": "19980116", "paragraphs": ["这一天不在测试的日子里面。"]},
        {"date": "19980125", "paragraphs": ["这一天也不在测试的日子里。"]},
    ]
    got = clean_sentences(records, "19980117", "19980124")
    assert got == ["今年增长12%，发展很快。", "他说：“我们一定要做好。”"]


def test_throughput_keeps_each_stages_fastest_pass_and_counts_pages_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix
    from benchmarks import throughput
    from benchmarks.corpora import Case

    walls = iter([5.0, 1.0, 2.0, 9.0, 3.0, 4.0, 0.5, 6.0])  # (read, flow) per run: cold, pass 1, 2, 3

    def fake_run_stages(data, config, name):  # type: ignore[no-untyped-def]
        yield "read", None, next(walls)
        yield "flow", None, next(walls)

    monkeypatch.setattr(layoutfix, "run_stages", fake_run_stages)
    monkeypatch.setattr(throughput, "traced_peaks", lambda datas, config: {})
    monkeypatch.setattr(throughput, "model_memory", lambda lm: (123.0, 100.0))
    case = Case("s", "000", Path("000.txt"), "本报讯 新闻\n".encode(), {})
    result = throughput.measure([case], config=None, repeat=3)
    assert result.passes == 3 and result.pages == 1 and result.chars == len("本报讯 新闻\n")
    assert result.stage_seconds == {"read": 0.5, "flow": 4.0}
    assert result.char_rate(0.5) == 14.0
    assert (result.model_rss_mb, result.model_traced_mb) == (123.0, 100.0)


def test_every_timed_pass_meets_the_pages_with_the_glyph_memos_empty(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A pass must not time the previous pass's memo look-ups for the same pages: each starts as a new batch."""
    import layoutfix
    from benchmarks import throughput
    from benchmarks.corpora import Case
    from layoutfix.lm import load_lm

    lm = load_lm(None)
    real = layoutfix.run_stages
    at_start: list[int] = []

    def memo_entries() -> int:
        memo = lm.__dict__.get("_glyph_memos")
        return sum(len(d) for d in memo[1:]) if memo else 0

    def counting_run_stages(data, config, name):  # type: ignore[no-untyped-def]
        at_start.append(memo_entries())
        yield from real(data, config, name)

    monkeypatch.setattr(layoutfix, "run_stages", counting_run_stages)
    monkeypatch.setattr(throughput, "traced_peaks", lambda datas, config: {})
    monkeypatch.setattr(throughput, "model_memory", lambda lm: (None, None))
    text = "本报讯 今年全市新增就业岗位三万个，城镇登记失业率控制在百分之三以内，居民收入稳步增长。\n"
    case = Case("s", "000", Path("000.txt"), text.encode(), {})
    throughput.measure([case], config=layoutfix.Config(), repeat=3)
    assert len(at_start) == 4 and memo_entries() > 0  # the cold page, then three passes, and the page fills them
    assert at_start[1:] == [0, 0, 0]


def test_the_loaded_models_memory_is_measured_in_a_fresh_interpreter() -> None:
    """Issue 4 bounds the models' memory; it is what one page's model loading adds to a new process."""
    from benchmarks.throughput import model_memory

    rss, traced = model_memory(None)
    assert rss is not None and traced is not None
    assert rss > 20 and traced > 20  # the shipped LM and dictionaries alone are tens of MB


def test_peer_table_puts_this_runs_figures_beside_the_published_ones() -> None:
    from benchmarks.__main__ import PEERS, Tally, measured_for_peers

    spell = metrics.spelling_tallies([("人驻", "入驻", "入驻"), ("助刀", "助力", "助刀"), ("好的", "好的", "好的")])
    spell["sentences"], spell["microseconds"] = 3, 1_500_000
    clean = Counter(sentences=200, sentences_changed=1)
    results = {"synthetic": {"full": Tally(counts=Counter(pair_tp=9, pair_pred=10, pair_gold=10))}}
    got = measured_for_peers((spell, ""), (clean, ""), results, lm="/tmp/news.lm.gz")
    assert got["faspell_f1"] == "66.7 (model: news.lm.gz)"  # 1 of 2 erroneous sentences corrected, no FP
    assert got["faspell_rate"] == "2"
    assert got["clean_untouched"] == "99.50%"
    assert got["pair_f1"] == "same-article pair F1: synthetic 0.900"
    assert {key for *_, key in PEERS} == set(got)


def test_the_real_ocr_tuning_split_is_loaded_only_when_asked_for(tmp_path: Path) -> None:
    level = tmp_path / "corpus" / "real_ocr_tune" / "light"
    level.mkdir(parents=True)
    (level / "000.txt").write_text("本报讯 新闻\n", encoding="utf-8")
    (level / "000.json").write_text(json.dumps({"source": "000.txt", "articles": []}), encoding="utf-8")
    assert "real_ocr-tune/light" not in discover(root=tmp_path)
    found = discover(("real_ocr-tune",), root=tmp_path)
    assert [c.name for c in found["real_ocr-tune/light"]] == ["000"]


def test_ocr_read_gold_swaps_in_the_engines_reading_at_the_pages_level_and_keeps_the_rest() -> None:
    from benchmarks.corpora import ocr_gold

    gold = {"source": "000.txt", "ocr_level": "heavy", "noise": ["x"],
            "articles": [{"headline": "标题", "paragraphs": ["入驻园区。", "没读过。"], "captions": ["助力发展"]}]}
    readings = {("heavy", "入驻园区。"): ["人驻园", "区。"], ("heavy", "助力发展"): ["助刀发展"]}
    fair = ocr_gold(gold, lambda level, text: readings.get((level, text)))
    assert fair["articles"] == [{"headline": "标题", "paragraphs": ["人驻园区。", "没读过。"], "captions": ["助刀发展"]}]
    assert fair["noise"] == ["x"] and gold["articles"][0]["paragraphs"][0] == "入驻园区。"  # the gold is not touched


def test_confusion_coverage_counts_faspell_pairs_whose_meant_character_is_a_candidate(tmp_path: Path,
                                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.__main__ import confusion_coverage

    faspell = tmp_path / "data" / "faspell"
    faspell.mkdir(parents=True)
    # 人 for 入 is a look-alike; 甲 for 乙 is no candidate of any table; the third line has unequal lengths
    (faspell / "ocr_test_1000.txt").write_text("1\t我们人驻\t我们入驻\n1\t甲方\t乙方\n1\t甲\t乙方\n", encoding="utf-8")
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path))
    got = confusion_coverage()
    assert got.startswith("visual table (top 40): 50.0% of pairs, 50.0% of occurrences")
    monkeypatch.setenv("LAYOUTFIX_SHARED", str(tmp_path / "missing"))
    assert confusion_coverage() == "n/a"


def test_the_throughput_table_is_shown_against_the_report_it_replaces(tmp_path: Path) -> None:
    from benchmarks.__main__ import previous_speed

    report = tmp_path / "RESULTS.md"
    report.write_text("# x\n\n- commit: abc1234 (+ uncommitted changes)\n\n## Throughput (full pipeline, one process)\n\n"
                      "| stage | seconds | pages/s | MB/s |\n|---|---|---|---|\n| flow | 1.59 | 102.5 | 1.61 |\n"
                      "| flow+dedup+segment | 2.42 | 67.3 | 1.06 |\n\n## Definitions\n\n| flow | x | 1 |\n",
                      encoding="utf-8")
    assert previous_speed(report) == {"commit": "abc1234", "flow": "102.5", "flow+dedup+segment": "67.3"}
    assert previous_speed(tmp_path / "missing.md") == {}


def test_the_clean_page_run_counts_what_the_pipeline_takes_from_clean_text() -> None:
    from benchmarks.clean_pages import clean_pages, damage
    recs = [{"doc_id": "a", "date": "19980117", "paragraphs": ["这座城市今年新建了三所学校，" * 10]},
            {"doc_id": "b", "date": "19980101", "paragraphs": ["不在所选日期里的文章。" * 20]},
            {"doc_id": "c", "date": "19980118", "paragraphs": ["太短。"]}]
    pages = clean_pages(recs, "19980117", "19980124")
    assert [d for d, _ in pages] == ["a"]
    clean = damage("某县举行植树活动\n\n本报讯 今年春天，全县干部群众一起动手，在荒山上种下了十万棵树苗。\n", None)
    assert (clean["dedup"], clean["noise"], clean["pages_hit"]) == (0, 0, 0)
    doubled = damage("某县举行植树活动\n\n本报讯 今年春天，全县干部群众一起动手，在荒山上种下在荒山上种下了十万棵树苗。\n", None)
    assert doubled["chars"] > 30 and doubled["dedup"] + doubled["glyphs"] > 0 and doubled["pages_hit"] == 1


def test_the_clean_page_run_says_which_noise_dedup_sent() -> None:
    """A clause printed again inside a paragraph goes to noise by dedup's hand: the row counts it as dedup's."""
    from benchmarks.clean_pages import damage
    from benchmarks.report import clean_pages_line
    t = damage("某县举行植树活动\n\n本报讯 今年春天，全县干部群众一起动手，在荒山上种下了十万棵树苗，全县干部群众一起动手，"
               "绿化了整个山坡。\n", None)
    assert t["noise"] == t["dedup_noise"] == len("全县干部群众一起动手，")
    t["pages"] = 1
    assert "of them dedup sent 11 characters (" in clean_pages_line(t, "1 article")


@pytest.mark.parametrize("splits, part", [("synthetic-tune", "tune"), ("samples", "tune"),
                                         ("synthetic-tune,real_ocr-tune,samples", "tune"), ("synthetic", "test")])
def test_a_tuning_run_shows_no_test_figure(splits: str, part: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """A run of tuning splits only is a tuning loop: its glyph figures come from FASpell's train file and the
    tuning days, never from FASpell's test file or the test days (session 26: every tuning run had printed them;
    session 29: a tuning run with the samples, tuning data too, had)."""
    import benchmarks.__main__ as bm
    asked: list[tuple[str, str]] = []

    def runner(name: str):  # type: ignore[no-untyped-def]
        def run(lm, limit, part="test"):  # type: ignore[no-untyped-def]
            asked.append((name, part))
            return None, f"{name} not run here"
        return run

    for name in ("run_faspell", "run_clean_sentences", "run_clean_pages"):
        monkeypatch.setattr(bm, name, runner(name))
    assert bench_main(["--quick", "--splits", splits, "--workers", "1", "--no-speed", "--no-ablation"]) == 0
    assert sorted(asked) == [("run_clean_pages", part), ("run_clean_sentences", part), ("run_faspell", part)]
    report = capsys.readouterr().out
    assert ("FASpell OCR train" in report) == (part == "tune")
