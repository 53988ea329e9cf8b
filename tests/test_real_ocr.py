"""Real-OCR pages (corpus/real_ocr) and the pure parts of their builder; no Tesseract or ../shared needed."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from layoutfix.synth.ocr import (LEVELS, TEST_DAYS, TUNE_DAYS, OcrCache, _join_words, char_map, confusions, make_noiser,
                                 slice_lines, stable_seed, stats, wrap_column)

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpus" / "real_ocr"
REAL_TUNE = ROOT / "corpus" / "real_ocr_tune"
SPLITS = [pytest.param(REAL, TEST_DAYS, id="test"), pytest.param(REAL_TUNE, TUNE_DAYS, id="tune")]
GOLD_FIELDS = ("section", "kicker", "headline", "subheadline", "byline", "dateline", "kind", "paragraphs",
               "captions", "tables", "continued_from", "truncated")


def pages(level: str, base: Path = REAL) -> list[Path]:
    return sorted(p for p in (base / level).glob("*.txt"))


def squash(s: str) -> str:
    return "".join(s.split())


# -- the committed pages -------------------------------------------------------------------------

@pytest.mark.parametrize("level", LEVELS)
def test_each_level_has_at_least_twenty_pages(level: str) -> None:
    assert len(pages(level)) >= 20


@pytest.mark.parametrize("level", LEVELS)
def test_every_dump_has_gold_in_the_schema_format_and_a_defect_log(level: str) -> None:
    for txt in pages(level):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        assert gold["source"] == txt.name
        assert gold["ocr"] is True and gold["ocr_level"] == level
        assert gold["articles"], txt
        for key in ("noise", "edits", "duplicates"):
            assert isinstance(gold[key], list)
        for art in gold["articles"]:
            assert set(GOLD_FIELDS) <= set(art), txt
            assert art["kind"] in ("article", "photo", "table", "notice")
            assert art["paragraphs"] or art["captions"] or art["tables"]
        defects = json.loads(txt.with_name(txt.stem + ".defects.json").read_text(encoding="utf-8"))
        assert isinstance(defects, list)


def test_light_gold_paragraphs_are_found_in_the_dump() -> None:
    """Each gold paragraph of a light page has a fuzzy match of similarity >= 0.5 in its dump."""
    for txt in pages("light"):
        dump = squash(txt.read_text(encoding="utf-8"))
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        for art in gold["articles"]:
            for para in art["paragraphs"] + art["captions"]:
                assert fuzz.partial_ratio(squash(para), dump) >= 50, (txt.name, para[:30])


def test_heavy_pages_read_worse_than_light_pages_but_still_resemble_the_gold() -> None:
    def score(level: str) -> float:
        vals = []
        for txt in pages(level):
            dump = squash(txt.read_text(encoding="utf-8"))
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            vals += [fuzz.partial_ratio(squash(p), dump) for a in gold["articles"] for p in a["paragraphs"]]
        return sum(vals) / len(vals)

    light, heavy = score("light"), score("heavy")
    assert 60 < heavy < light


@pytest.mark.parametrize("base, days", SPLITS)
def test_pages_come_from_their_splits_days_only(base: Path, days: tuple[str, str]) -> None:
    """Test pages come from test days only, tuning pages from tuning days only: the split holds."""
    first, last = days
    index = json.loads((base / "index.json").read_text(encoding="utf-8"))
    assert len(index) == sum(len(pages(lv, base)) for lv in LEVELS) == 40
    for row in index:
        assert first <= row["date"] <= last
        assert row["docs"] and all(first <= d[:8] <= last for d in row["docs"])


@pytest.mark.parametrize("base, days", SPLITS)
def test_the_frozen_plan_uses_its_splits_days_only_and_every_page_text_is_cached_at_its_level(
        base: Path, days: tuple[str, str]) -> None:
    saved = json.loads((base / "plan.json").read_text(encoding="utf-8"))
    cache = OcrCache(base / "ocr_cache.jsonl")
    first, last = days
    assert len(saved["runs"]) == 2 * saved["pages"]
    for k, run in enumerate(saved["runs"]):
        level = LEVELS[0] if k < saved["pages"] else LEVELS[1]
        assert first <= run["date"] <= last
        for item in run["items"]:
            assert first <= item["_doc"][:8] <= last
            for text in item["paragraphs"] + item["captions"]:
                assert (level, text) in cache


def test_the_tuning_and_test_pages_share_no_article() -> None:
    def docs(base: Path) -> set[str]:
        return {d for row in json.loads((base / "index.json").read_text(encoding="utf-8")) for d in row["docs"]}

    assert docs(REAL) and docs(REAL_TUNE) and not docs(REAL) & docs(REAL_TUNE)
    assert TUNE_DAYS[1] < TEST_DAYS[0]


def test_the_cache_holds_clean_text_and_both_levels() -> None:
    cache = OcrCache(REAL / "ocr_cache.jsonl")
    levels = {lv for lv, _ in cache.lines}
    assert levels == set(LEVELS)
    for (_, text), lines in list(cache.lines.items())[:200]:
        assert not any("\uff10" <= c <= "\uff19" for c in text)  # digits folded to ASCII for gold
        assert isinstance(lines, list)
    figures = stats(cache)
    assert figures["light"]["cer_same_text"] < figures["heavy"]["cer_same_text"]


def test_the_confusion_table_lists_wrong_right_counts_most_frequent_first() -> None:
    rows = (REAL / "tesseract_confusions.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "wrong\tright\tcount\tlight\theavy"
    counts = [int(r.split("\t")[2]) for r in rows[1:]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    for r in rows[1:50]:
        w, right, n, a, b = r.split("\t")
        assert w != right and int(n) == int(a) + int(b)


# -- the builder's pure parts --------------------------------------------------------------------

def test_a_column_is_indented_and_no_line_is_wider_than_the_column() -> None:
    text = "近些年来，某县的特色农业稳步发展，农民的腰包渐渐鼓起来。" * 3
    lines = wrap_column(text, 14, lambda ch: 1.0)
    assert lines[0].startswith("\u3000\u3000")
    assert "".join(lines).replace("\u3000", "") == text
    assert all(len(ln) <= 15 for ln in lines)  # one hanging punctuation mark at most


def test_closing_punctuation_never_starts_a_printed_line() -> None:
    text = "一二三四五六七八九十一二，三四五六七八九十一二三四。"
    for width in range(8, 16):
        assert all(ln[0] not in "，。" for ln in wrap_column(text, width, lambda ch: 1.0))


def test_latin_and_digit_words_keep_one_space_but_chinese_words_join_tight() -> None:
    assert _join_words(["本报", "北京", "1", "月"]) == "本报北京1月"
    assert _join_words(["VEX", "IQ", "比赛"]) == "VEX IQ比赛"


def test_the_alignment_maps_clean_positions_into_the_reading() -> None:
    assert char_map("abcd", "abcd") == [0, 1, 2, 3, 4]
    assert char_map("abcd", "abXcd")[2:] == [3, 4, 5]
    assert slice_lines("abcdefghij", ["abXde", "fghij"], 2, 7) == ["Xde", "fg"]


def _cache(tmp_path: Path) -> OcrCache:
    cache = OcrCache(tmp_path / "c.jsonl")
    cache.add("light", "某甲县慈善总会发来通知，请各乡镇帮扶农户。", ["某甲县慈善总会发", "来通知,请各乡镇帮", "扶农户。"])
    return cache


def test_the_noiser_reads_a_cached_paragraph_with_line_wraps_joined(tmp_path: Path) -> None:
    noiser = make_noiser(_cache(tmp_path), "light", random.Random(1), seed=1, ocr_missing=False)
    out = noiser("某甲县慈善总会发来通知，请各乡镇帮扶农户。")
    assert squash(out) == "某甲县慈善总会发来通知,请各乡镇帮扶农户。"


def test_a_column_cut_fragment_gets_the_aligned_slice_of_its_paragraph(tmp_path: Path) -> None:
    noiser = make_noiser(_cache(tmp_path), "light", random.Random(1), seed=1, ocr_missing=False)
    assert squash(noiser("请各乡镇帮扶农户。")) == "请各乡镇帮扶农户。"
    assert squash(noiser("某甲县慈善总会发来通知，")) == "某甲县慈善总会发来通知,"


def test_the_noiser_is_deterministic_by_seed_and_survives_a_reload(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    text = "某甲县慈善总会发来通知，请各乡镇帮扶农户。"
    a = [make_noiser(cache, "light", random.Random(7), seed=1, ocr_missing=False)(text) for _ in range(2)]
    b = make_noiser(OcrCache(tmp_path / "c.jsonl"), "light", random.Random(7), seed=1, ocr_missing=False)(text)
    assert a[0] == a[1] == b
    assert stable_seed(1, "light", text) == stable_seed(1, "light", text)


def test_confusions_count_substitutions_wrong_to_right() -> None:
    table = confusions([("本报北京1情23日", "本报北京1月23日"), ("驱回", "驳回")])
    assert table[("情", "月")] == 1 and table[("驱", "驳")] == 1
