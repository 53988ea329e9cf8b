"""Specification of the optional word-trigram context model (`layoutfix.contextlm`).

The model file is a tiny ARPA trigram model of invented words written here (KenLM reads ARPA text), so these
tests need no Debian data; kenlm itself comes with the test extra (`ufal-kenlm`).
"""
from __future__ import annotations

import builtins
import math
import sys
from pathlib import Path

import kenlm  # type: ignore[import-not-found,unused-ignore]
import arpa as _arpa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import layoutfix.contextlm as C
from layoutfix.contextlm import ContextLM, ContextModelError, load_context_lm, read_vocab, resolve_path
from layoutfix.errors import LayoutfixError


UNIGRAMS, BIGRAMS, TRIGRAMS = _arpa.KITES  # an invented little language: a kite flies over a valley
ALPHABET = "风筝飞过山谷小猫睡觉云"


def write_arpa(path: Path) -> Path:
    """The invented model as ARPA text."""
    return _arpa.write_arpa(path, UNIGRAMS, BIGRAMS, TRIGRAMS)


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_arpa(tmp_path_factory.mktemp("ctx") / "tiny.arpa")


@pytest.fixture(scope="module")
def lm(arpa: Path) -> ContextLM:
    return load_context_lm(arpa)


def brute_force(model: "kenlm.Model", vocab: set[str], run: str) -> float:
    """The best score (nats) over every segmentation of `run` into model words or single characters."""
    def splits(s: str) -> list[list[str]]:
        if not s:
            return [[]]
        out = []
        for k in range(1, len(s) + 1):
            w = s[:k]
            if k == 1 or w in vocab:
                out += [[w] + rest for rest in splits(s[k:])]
        return out
    return max(model.score(" ".join(seg), bos=False, eos=False) for seg in splits(run)) * math.log(10)


def test_the_vocabulary_is_read_from_the_arpa_unigrams_without_the_markers(lm: ContextLM) -> None:
    assert {"风筝", "飞过", "山谷", "小猫", "睡觉", "风"} <= set(lm.vocab)
    assert not {"<s>", "</s>", "<unk>"} & set(lm.vocab)
    assert lm.order == 3


def test_a_binary_models_vocabulary_is_read_from_its_tail(tmp_path: Path) -> None:
    # KenLM's binary files open with its magic line and end with the words, NUL-terminated, from <unk>
    f = tmp_path / "fake.bin"
    f.write_bytes(b"mmap lm http://kheafield.com/code format version 5\n\x00\x01\x02" +
                  "<unk>\x00<s>\x00</s>\x00风筝\x00山谷\x00".encode("utf-8"))
    assert read_vocab(f) == ["<unk>", "<s>", "</s>", "风筝", "山谷"]


def test_a_run_scores_its_best_segmentation_into_model_words(lm: ContextLM) -> None:
    assert lm.segment("风筝飞过山谷") == ["风筝", "飞过", "山谷"]
    expected = kenlm.Model(str(lm.path)).score("风筝 飞过 山谷", bos=False, eos=False) * math.log(10)
    assert math.isclose(lm.score("风筝飞过山谷"), expected, abs_tol=1e-5)  # kenlm sums in float


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=7))
def test_the_beam_search_finds_the_best_segmentation_on_a_small_vocabulary(text: str) -> None:
    lm = _shared_lm()
    assert math.isclose(lm.score(text), brute_force(lm.model, set(lm.vocab), text), abs_tol=1e-4)


_LM: list[ContextLM] = []


def _shared_lm() -> ContextLM:
    """One model for the property test (hypothesis runs it without fixtures of function scope)."""
    if not _LM:
        import tempfile
        _LM.append(load_context_lm(write_arpa(Path(tempfile.mkdtemp()) / "tiny.arpa")))
    return _LM[0]


def test_characters_that_are_not_han_split_the_text_into_runs_scored_apart(lm: ContextLM) -> None:
    assert math.isclose(lm.score("风筝，飞过 ABC 山谷"), lm.score("风筝") + lm.score("飞过") + lm.score("山谷"))
    assert lm.score("ABC 123，。") == 0.0
    assert lm.score("风筝飞过") > lm.score("风筝") + lm.score("飞过")  # context inside one run


def test_a_continuation_the_model_knows_gains_and_an_unrelated_one_loses(lm: ContextLM) -> None:
    # 风筝 -> 飞过 is a bigram of the model: reading the two lines as one gains
    assert lm.continuation_gain("蓝天下放起风筝", "飞过山谷了") > 0.5
    # 风筝 -> 睡觉 backs off (back-off weight -0.5 log10): the join reads worse than the two apart
    assert math.isclose(lm.continuation_gain("风筝", "睡觉"), -0.5 * math.log(10), abs_tol=1e-6)


def test_the_gain_reads_only_the_han_runs_that_meet_at_the_join(lm: ContextLM) -> None:
    assert lm.continuation_gain("风筝，", "飞过") == 0.0  # a mark ends the left side: no opinion
    assert lm.continuation_gain("风筝", "3只飞过") == 0.0
    assert lm.continuation_gain("风筝 \n", "  飞过") == lm.continuation_gain("风筝", "飞过")  # spaces at the join
    # only the last LEFT_CHARS characters of the left side count
    far = "小猫" * 20
    assert math.isclose(lm.continuation_gain(far + "风筝", "飞过", left_chars=2),
                        lm.continuation_gain("风筝", "飞过"), abs_tol=1e-9)


def test_a_string_is_searched_once_then_answered_from_the_cache(lm: ContextLM, monkeypatch: pytest.MonkeyPatch) -> None:
    lm.clear_cache()
    first = lm.score("小猫睡觉")
    assert lm.cache_info() == (0, 1, 1)

    def no_search(run: str) -> float:
        raise AssertionError("searched again")
    monkeypatch.setattr(lm, "_search", no_search)
    assert lm.score("小猫睡觉") == first
    assert lm.cache_info() == (1, 1, 1)


def test_libime_or_nothing_names_the_debian_file() -> None:
    assert resolve_path(None) == resolve_path("libime") == Path("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm")
    assert resolve_path("my.lm") == Path("my.lm")


def test_a_missing_model_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ContextModelError) as e:
        load_context_lm(tmp_path / "nothing.lm")
    assert isinstance(e.value, LayoutfixError)
    assert str(e.value).startswith(str(tmp_path / "nothing.lm") + ": ")
    assert "\n" not in str(e.value)


def test_the_debian_path_missing_says_which_package_holds_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(C, "LIBIME_GLOB", str(tmp_path / "*" / "libime" / "zh_CN.lm"))
    monkeypatch.setattr(C, "LIBIME_PATH", str(tmp_path / "zh_CN.lm"))
    with pytest.raises(ContextModelError, match="libime-data-language-model"):
        load_context_lm("libime")


def test_the_debian_model_is_found_under_whatever_multiarch_directory_holds_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    where = tmp_path / "aarch64-linux-gnu" / "libime"
    where.mkdir(parents=True)
    write_arpa(where / "zh_CN.lm")
    monkeypatch.setattr(C, "LIBIME_GLOB", str(tmp_path / "*" / "libime" / "zh_CN.lm"))
    monkeypatch.setattr(C, "LIBIME_PATH", str(tmp_path / "x86_64-linux-gnu" / "libime" / "zh_CN.lm"))
    assert resolve_path("libime") == resolve_path(None) == where / "zh_CN.lm"
    assert load_context_lm("libime").path == where / "zh_CN.lm"


def test_a_file_kenlm_cannot_read_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lm"
    bad.write_text("this is no language model\n", encoding="utf-8")
    with pytest.raises(ContextModelError, match="not a KenLM model"):
        load_context_lm(bad)


def test_without_kenlm_the_error_says_how_to_install_it(arpa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_kenlm(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "kenlm":
            raise ImportError("No module named 'kenlm'")
        return real_import(name, *args, **kwargs)
    monkeypatch.delitem(sys.modules, "kenlm", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_kenlm)
    with pytest.raises(ContextModelError, match=r"layoutfix\[context\]"):
        load_context_lm(arpa)
    assert not C.available(arpa)
