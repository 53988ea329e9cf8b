"""Specification of the word language model and its builder (`layoutfix.lm`, `layoutfix.lmtrain`)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layoutfix.lm import WordLM, load_lm, surnames
from layoutfix.lmtrain import iter_paragraphs, train_lm

SMALL = WordLM({"中国": 50, "中国人": 20, "人民": 40, "国": 5, "人": 30, "民": 3, "中": 10,
                "大学": 30, "学生": 25, "大": 20, "学": 8, "生": 6, "人民大学": 4})


def reference_score(lm: WordLM, text: str) -> float:
    """Every segmentation into dictionary words or single characters, tried by dynamic programming."""
    best = [0.0] + [-math.inf] * len(text)
    for i in range(1, len(text) + 1):
        for k in range(1, min(lm.max_len, i) + 1):
            w = text[i - k:i]
            if w in lm.freq:
                lp = math.log(lm.freq[w]) - lm.log_total
            elif k == 1:
                lp = lm.unk
            else:
                continue
            best[i] = max(best[i], best[i - k] + lp)
    return best[-1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("中国人民大学生x，"), max_size=16))
def test_score_is_the_best_segmentation_log_probability(text: str) -> None:
    assert math.isclose(SMALL.score(text), reference_score(SMALL, text), abs_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("中国人民大学生x，"), max_size=16))
def test_segment_covers_the_text_and_scores_as_score(text: str) -> None:
    words = SMALL.segment(text)
    assert "".join(words) == text
    total = sum(SMALL.word_logp(w) if SMALL.word_logp(w) is not None else SMALL.unk for w in words)
    assert math.isclose(total, SMALL.score(text), abs_tol=1e-9)


def test_join_gain_is_positive_when_a_word_spans_the_join() -> None:
    assert SMALL.join_gain("中", "国人民") > 0
    assert SMALL.join_gain("中国", "x") <= 0


def test_word_coverage_counts_characters_inside_longer_words() -> None:
    assert SMALL.word_coverage("中国人民") == 1.0
    assert SMALL.word_coverage("x生x") == 0.0


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=list("中国人民大学生x，1 \u3400\u4dbf\uf900\ufaff\U00020000\U0003134f\U00031350\u9fff\ua000"),
               max_size=20))
def test_word_coverage_is_the_share_of_han_characters_inside_longer_words(text: str) -> None:
    # the definition, character by character: every run of `is_han` characters segmented on its own
    from layoutfix.textutil import is_han
    runs, cur = [], ""
    for c in text + "x":
        if is_han(c):
            cur += c
        elif cur:
            runs.append(cur)
            cur = ""
    han = sum(map(len, runs))
    want = sum(len(w) for r in runs for w in SMALL.segment(r) if len(w) > 1) / han if han else 0.0
    assert SMALL.word_coverage(text) == want


def test_pairs_hold_every_adjacent_pair_inside_a_word() -> None:
    assert {"中国", "国人", "民大"} <= SMALL.pairs.keys()
    assert "国中" not in SMALL.pairs


def test_the_models_lookup_sets_are_not_walked_by_the_garbage_collector() -> None:
    import gc

    lm = WordLM({"甲乙丙": 3, "丁戊": 2})
    assert "甲乙" in lm.prefixes and "甲乙丙" in lm.prefixes and "乙丙" not in lm.prefixes
    assert "乙丙" in lm.pairs and "丙丁" not in lm.pairs
    # a set would be tracked and walked entry by entry at every full collection
    assert not gc.is_tracked(lm.prefixes)
    assert not gc.is_tracked(lm.pairs)


def test_the_default_model_is_jiebas_dictionary_loaded_once() -> None:
    lm = load_lm(None)
    assert lm.name == "jieba-dict" and lm.has("中国") and len(lm.freq) > 300_000
    assert load_lm() is lm and load_lm("") is lm


def test_surnames_are_learned_from_the_dictionary() -> None:
    names = surnames()
    assert 50 <= len(names) <= 250 and {"王", "李", "张"} <= names


def test_train_lm_learns_words_and_pairs_from_txt_and_jsonl(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("人民生活水平慢慢变好。\n人民生活水平慢慢变好。\n", encoding="utf-8")
    (corpus / "sub" / "b.jsonl").write_text(
        json.dumps({"paragraphs": ["１９９８年人民生活水平慢慢变好。", "人民生活水平"]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    assert list(iter_paragraphs([corpus]))[2] == "1998年人民生活水平慢慢变好。"  # full-width digits folded
    out = tmp_path / "model.lm.gz"
    lm = train_lm([corpus], out)
    base = load_lm(None)
    assert lm.freq["人民"] > base.freq["人民"]
    assert lm.bigrams["水平"] == 4
    reread = load_lm(str(out))
    assert reread.freq["人民"] == lm.freq["人民"] and reread.bigrams == lm.bigrams
    assert reread.score("人民生活") > base.score("人民生活")


def test_train_lm_refuses_a_corpus_without_chinese_text(tmp_path: Path) -> None:
    import pytest

    from layoutfix.errors import InputError

    (tmp_path / "a.txt").write_text("no Chinese here\n", encoding="utf-8")
    with pytest.raises(InputError, match="no Chinese text"):
        train_lm([tmp_path], tmp_path / "m.lm.gz")


def test_char_ngram_distributions_are_proper_and_prefer_what_was_seen() -> None:
    from layoutfix.lm import BOS, EOS, CharNgram

    ng = CharNgram.count(["人民生活水平慢慢变好。", "人民生活", "生活水平"], min_tri=1)
    vocab = set("人民生活水平慢慢变好。") | {EOS}
    for ctx in ("人民", "活水", "xy", BOS + BOS):
        total = sum(math.exp(ng.logp(ctx + c)) for c in vocab)
        assert 0.95 < total <= 1.0 + 1e-9, (ctx, total)
    assert ng.logp("人民生") > ng.logp("人民变")
    assert ng.logp("民生活") > ng.logp("民生好")
    # an unseen context falls back to the shorter one
    assert math.isclose(ng.logp("xy生"), ng.logp2("y", "生"))
    assert ng.sentence_logp("人民生活") > ng.sentence_logp("人民活生")


def _corpus_and_pairs(tmp_path: Path, text: str, pairs_text: str) -> tuple[Path, Path]:
    """A corpus folder holding `text` and an OCR-vs-truth pairs file holding `pairs_text`."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    pairs = tmp_path / "pairs.txt"
    pairs.write_text(pairs_text, encoding="utf-8")
    return corpus, pairs


def test_train_lm_stores_char_trigrams_and_an_observed_channel(tmp_path: Path) -> None:
    corpus, pairs = _corpus_and_pairs(tmp_path, "人民生活水平慢慢变好。\n人民生活水平慢慢变好。\n",
                                      "1\t人民生活水乎\t人民生活水平\n2\t太家好\t大家好\nbad line\n1\t长度\t不一样长\n")
    out = tmp_path / "model.lm.gz"
    lm = train_lm([corpus], out, confusions=pairs)
    assert lm.chars is not None and lm.chars.tri["生活水"] == 2
    assert lm.observed == {"乎": {"平": 1}, "太": {"大": 1}}
    reread = load_lm(str(out))
    assert reread.observed == lm.observed
    assert reread.chars is not None and reread.chars.tri == lm.chars.tri
    assert math.isclose(reread.chars.logp("活水平"), lm.chars.logp("活水平"))


def test_the_cli_trains_a_model_with_an_observed_channel_that_fix_glyphs_uses(tmp_path: Path) -> None:
    from layoutfix.cli import main
    from layoutfix.config import Config
    from layoutfix.stages.glyphs import fix_lines

    corpus, pairs = _corpus_and_pairs(tmp_path, "我们要加强管理工作。\n", "1\t加强管埋\t加强管理\n")
    out = tmp_path / "m.lm.gz"
    assert main(["train-lm", str(corpus), "-o", str(out), "--confusions", str(pairs)]) == 0
    lm = load_lm(str(out))
    assert lm.observed == {"埋": {"理": 1}}
    assert fix_lines(["我们要加强管埋工作。"], config=Config(lm_path=str(out))) == ["我们要加强管理工作。"]


def test_a_count_table_of_confusions_adds_to_sentence_pairs_as_a_second_source(tmp_path: Path) -> None:
    """`train-lm --confusions PAIRS --confusions TABLE`: a Tesseract-style count table (told by its header)
    adds its counts to those the sentence pairs show."""
    from layoutfix.cli import main

    corpus, pairs = _corpus_and_pairs(tmp_path, "我们要加强管理工作。\n", "1\t加强管埋\t加强管理\n")
    table = tmp_path / "tesseract_confusions.tsv"
    table.write_text("wrong\tright\tcount\tlight\theavy\n埋\t理\t4\t1\t3\n入\t人\t2\t0\t2\n,\t，\t9\t9\t0\n"
                     "太长\t大\t5\t5\t0\n", encoding="utf-8")
    out = tmp_path / "m.lm.gz"
    assert main(["train-lm", str(corpus), "-o", str(out), "--confusions", str(pairs), "--confusions", str(table)]) == 0
    assert load_lm(str(out)).observed == {"埋": {"理": 5}, "入": {"人": 2}, ",": {"，": 9}}
    # the header decides: without it the same line is a sentence pair (n, OCR, truth), here 理 read for 4
    from layoutfix.lmtrain import read_confusions

    headless = tmp_path / "pairs2.txt"
    headless.write_text("埋\t理\t4\n", encoding="utf-8")
    assert read_confusions(headless) == {"理": {"4": 1}}


def test_a_word_penalty_is_charged_once_per_word_of_the_best_segmentation() -> None:
    lm = load_lm()
    # one word: the penalty is paid once
    assert lm.score("入驻", 1.0) == pytest.approx(lm.score("入驻") - 1.0)
    # two lone characters pay it twice, so the penalty widens a word's lead over a run of single characters
    lead = lm.score("入驻") - lm.score("人驻")
    assert lm.score("入驻", 1.0) - lm.score("人驻", 1.0) == pytest.approx(lead + 1.0)
    assert lm.score("", 1.0) == 0.0


def test_single_penalty_is_charged_once_per_one_character_word() -> None:
    # the word-vs-split knob: a split reading (人|场) pays once per lone character, a dictionary word (入场) not at all
    lm = WordLM({"入场": 10, "人": 50, "场": 20, "的": 100})
    assert lm.score("人场", single_penalty=1.0) == pytest.approx(lm.score("人场") - 2.0)
    assert lm.score("入场", single_penalty=1.0) == pytest.approx(lm.score("入场"))
    assert lm.score("入场的", word_penalty=0.5, single_penalty=1.0) == pytest.approx(lm.score("入场的") - 2 * 0.5 - 1.0)


def reference_forward(lm: WordLM, text: str, pen: float, single: float) -> list[float]:
    """Best log-probability of every prefix, every word charged `pen` and every one-character word `single` more."""
    best = [0.0] + [-math.inf] * len(text)
    for i in range(1, len(text) + 1):
        for k in range(1, min(lm.max_len, i) + 1):
            w = text[i - k:i]
            if k == 1:
                lp = lm.logp.get(w, lm.unk) - pen - single
            elif w in lm.logp:
                lp = lm.logp[w] - pen
            else:
                continue
            best[i] = max(best[i], best[i - k] + lp)
    return best


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("中国人民大学生x，"), max_size=16),
       st.sampled_from([(0.0, 0.0), (0.25, 0.0), (0.25, 0.5), (1.0, 2.0)]))
def test_word_and_single_character_penalties_score_the_best_segmentation(text: str, pens) -> None:  # type: ignore[no-untyped-def]
    # the penalised score is the best segmentation under those costs, whichever penalty pair was asked before
    from layoutfix.lm import _forward

    pen, single = pens
    SMALL.score("中国人民", 0.5, 0.5)  # another penalty pair first: its cost table must not leak
    best, back = _forward(SMALL, text, pen, single)
    ref = reference_forward(SMALL, text, pen, single)
    assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(best, ref))
    assert math.isclose(SMALL.score(text, pen, single), ref[-1], abs_tol=1e-9)
    # the back pointers spell a segmentation whose cost is that best score
    i, total = len(text), 0.0
    while i > 0:
        j = back[i]
        w = text[j:i]
        total += (SMALL.logp.get(w, SMALL.unk) - pen - single) if len(w) == 1 else SMALL.logp[w] - pen
        i = j
    assert math.isclose(total, ref[-1], abs_tol=1e-9)


def test_a_character_found_mostly_in_names_has_a_high_name_share() -> None:
    from layoutfix.lm import name_shares

    shares = name_shares()
    assert all(0.0 < v < 1.0 for v in shares.values())
    # 斯 spells foreign names and places; 的 is in many words, few of them names
    assert shares["斯"] > 0.8 > 0.2 > shares["的"]


def test_the_shipped_name_shares_are_what_the_documented_command_counts_from_the_installed_jieba() -> None:
    from layoutfix.lm import _shipped_name_counts, count_name_shares, name_shares
    from layoutfix.resources import build_name_shares

    shipped = _shipped_name_counts()
    assert shipped is not None and shipped == count_name_shares()
    assert name_shares() == {c: (k + 0.5) / (n + 2) for c, (k, n) in count_name_shares().items()}
    # a dictionary character that opens a row like a comment mark is a row all the same
    assert any(r.startswith("#\t") for r in build_name_shares.rows()[1:]) == ("#" in shipped)


def test_without_the_shipped_file_the_name_shares_are_counted(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.lm as L

    with_file = L.name_shares()
    monkeypatch.setattr(L, "NAME_SHARES_FILE", "no-such-file.tsv.gz")
    assert L._shipped_name_counts() is None
    L.name_shares.cache_clear()
    try:
        assert L.name_shares() == with_file
    finally:
        L.name_shares.cache_clear()


@given(st.text(alphabet="中国人民大学生的好", max_size=10), st.integers(0, 9), st.sampled_from("中国人民大学生的好x"),
       st.sampled_from([(0.0, 0.0), (0.25, 0.0), (0.5, 1.0)]))
@settings(max_examples=300, deadline=None)
def test_a_window_rescored_with_one_character_replaced_scores_exactly_as_the_new_text(
        text: str, p: int, x: str, pens: tuple[float, float]) -> None:
    from layoutfix.lm import Window

    w = Window(SMALL, text, *pens)
    assert w.score == SMALL.score(text, *pens)
    if p < len(text):
        assert w.rescore(p, x) == SMALL.score(text[:p] + x + text[p + 1:], *pens)  # the same float, not a close one


def test_a_window_of_the_shipped_model_rescored_equals_a_full_score() -> None:
    from layoutfix.lm import Window

    lm = load_lm()
    text = "加强管埋工作，人民共和国成立大会在北京召开，八个入参加"
    for lo in range(0, len(text) - 9):
        ctx = text[lo:lo + 9]
        w = Window(lm, ctx, 0.25)
        for p in range(len(ctx)):
            for x in "理人入八的":
                assert w.rescore(p, x) == lm.score(ctx[:p] + x + ctx[p + 1:], 0.25)
