"""Specification of review44a's mends to the optional context model (`layoutfix.contextlm`, `layoutfix.flowcontext`).

Every model here is a tiny ARPA model of invented words written by the test (or a few bytes standing for a
binary one); the pages are invented text. kenlm comes with the test extra.
"""
from __future__ import annotations

from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix
import layoutfix.flowcontext as FC
import layoutfix.stages.flow.assign as A
from layoutfix.cli import main as cli_main
from layoutfix.config import Config
from layoutfix.contextlm import NOT_A_MODEL, ContextModelError, load_context_lm, read_vocab, resolve_path
from layoutfix.model import Page
from layoutfix.stages.flow import Candidate, choose
from layoutfix.stages.flow.model import load_model

UNIGRAMS = [(-3.0, "<unk>", 0.0), (-99.0, "<s>", 0.0), (-1.0, "</s>", 0.0),
            (-4.0, "风筝", -0.5), (-4.0, "飞过", -0.5), (-4.0, "山谷", -0.5)]
BIGRAMS = [(-0.2, "风筝 飞过", -0.2), (-1.0, "飞过 山谷", 0.0)]
TRIGRAMS = [(-0.05, "风筝 飞过 山谷")]
MAGIC = b"mmap lm http://kheafield.com/code"


def arpa_text(unigrams: list[tuple[float, str, float]], bigrams: list[tuple[float, str, float]] = BIGRAMS,
              trigrams: list[tuple[float, str]] = TRIGRAMS) -> str:
    """An ARPA model's text (orders with no n-grams left out)."""
    return _arpa.arpa_text(unigrams, bigrams, trigrams)


@pytest.fixture()
def arpa(tmp_path: Path) -> Path:
    path = tmp_path / "kites.arpa"
    path.write_text(arpa_text(UNIGRAMS), encoding="utf-8")
    return path


# 1. the vocabulary is strict UTF-8, and a model must hold Chinese words

def test_a_model_saved_in_gb18030_is_refused_saying_its_vocabulary_is_not_utf8(tmp_path: Path) -> None:
    gbk = tmp_path / "kites_gbk.arpa"
    gbk.write_bytes(arpa_text(UNIGRAMS).encode("gb18030"))
    with pytest.raises(ContextModelError) as e:
        load_context_lm(gbk)
    msg = str(e.value)
    assert "vocabulary is not UTF-8 (byte " in msg and "must be a UTF-8 KenLM file" in msg and "\n" not in msg
    # the byte named is where the first undecodable word starts in the file
    at = int(msg.split("(byte ")[1].split(")")[0])
    assert gbk.read_bytes()[at:at + 4] == "风筝".encode("gb18030")


def test_a_binary_models_vocabulary_in_another_encoding_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "gbk.bin"
    fake.write_bytes(MAGIC + b"\x00tables\x00" + b"<unk>\x00<s>\x00</s>\x00" + "山谷".encode("gb18030") + b"\x00")
    with pytest.raises(ContextModelError, match=r"vocabulary is not UTF-8 \(byte \d+\)"):
        read_vocab(fake)


def test_a_binary_models_vocabulary_is_the_last_one_in_the_file(tmp_path: Path) -> None:
    # the bytes '<unk>\0' met earlier (inside the model's tables) are not the vocabulary: it is written last
    fake = tmp_path / "two.bin"
    fake.write_bytes(MAGIC + b"\x00<unk>\x00\xff\xfe\x01\x00" + b"<unk>\x00<s>\x00</s>\x00" + "山谷".encode() + b"\x00")
    assert read_vocab(fake) == ["<unk>", "<s>", "</s>", "山谷"]


def test_a_model_with_no_word_of_two_han_characters_is_refused(tmp_path: Path) -> None:
    letters = tmp_path / "letters.arpa"
    letters.write_text(arpa_text([(-3.0, "<unk>", 0.0), (-99.0, "<s>", 0.0), (-1.0, "</s>", 0.0),
                                  (-1.0, "kite", -0.2), (-1.0, "风", -0.2), (-1.0, "valley", 0.0)],
                                 [(-0.2, "kite valley", 0.0)], []), encoding="utf-8")
    with pytest.raises(ContextModelError, match="no word of two or more Han characters"):
        load_context_lm(letters)


# 2. one-line errors, quiet loads

def test_a_unigram_only_model_is_a_short_error_without_kenlms_signature(tmp_path: Path) -> None:
    uni = tmp_path / "uni.arpa"
    uni.write_text(arpa_text(UNIGRAMS, [], []), encoding="utf-8")
    with pytest.raises(ContextModelError) as e:
        load_context_lm(uni)
    msg = str(e.value)
    assert msg.startswith(f"{uni}: cannot load context model: ") and "bigram" in msg
    assert "threw" not in msg and "lm::" not in msg and "\n" not in msg and len(msg) < len(str(uni)) + 120


@pytest.mark.parametrize("content", [b"", "这不是语言模型，只是一行文字。\n".encode(), bytes(range(256)) * 20])
def test_a_file_that_is_no_model_says_so_in_one_line(tmp_path: Path, content: bytes) -> None:
    junk = tmp_path / "junk.lm"
    junk.write_bytes(content)
    with pytest.raises(ContextModelError) as e:
        load_context_lm(junk)
    assert str(e.value) == f"{junk}: {NOT_A_MODEL}"


def test_loading_an_arpa_model_prints_nothing(arpa: Path, capfd: pytest.CaptureFixture[str]) -> None:
    load_context_lm(arpa)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# 3. no lower bar without evidence

def test_the_stacks_threshold_is_flows_own_threshold_read_at_gain_0() -> None:
    stack = FC.load_stack()
    th = load_model().threshold
    assert FC.stack_threshold(th, stack) == pytest.approx(FC.stacked(th, 0.0, 1, stack))
    assert FC.stacked(th - 0.005, 0.0, 3, stack) < FC.stack_threshold(th, stack) <= FC.stacked(th, 0.0, 3, stack)


def _page(texts: list[str]) -> Page:
    """An invented page, read but not joined."""
    return layoutfix.clean("\n\n".join(texts) + "\n", Config().without("flow", "dedup", "quotes", "glyphs", "segment"))


def _blocks(texts: list[str]) -> list[layoutfix.Block]:
    """The blocks of an invented page, read but not joined."""
    return list(_page(texts).blocks)


def test_a_pair_the_context_model_has_no_opinion_on_is_decided_by_flows_own_threshold(arpa: Path) -> None:
    # the target opens with a Latin letter: the model reads no Han run across the join (gain 0, no opinion)
    blocks = _blocks(["孩子们抬头看着五彩的风筝飞过", "Kites 是一种古老的玩具，今天仍然很受欢迎。"])
    th = load_model().threshold
    under = FC.rescore([Candidate(0, 1, th - 0.005, 0.0, 1)], blocks, str(arpa), th)
    assert "context gain +0.0" in under[0][0].why
    assert choose(*under) == {}
    over = FC.rescore([Candidate(0, 1, th + 0.005, 0.0, 1)], blocks, str(arpa), th)
    assert choose(*over)[0].target == 1


# 4. middle pieces: the re-scoring floor is flow's own threshold

def test_a_middle_pieces_rescoring_is_floored_at_flows_threshold_not_the_assignments(
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(["春天的时候，全镇的居民都会来到河边放", "风筝比赛", "风筝，孩子们一边奔跑一边欢呼，热闹极了。"])
    blocks = list(page.blocks)
    assert len(blocks) == 3
    model = load_model()
    floors: list[float] = []

    def recording(groups: object, m: object, page: object = None, lm: object = None, config: object = None,
                  floor: float = 0.0, scores: object = None) -> list[Candidate]:
        floors.append(floor)
        return []
    monkeypatch.setattr(A, "scored", recording)
    near = [Candidate(0, 2, 0.7, 0.0, 2)]
    chosen = {1: Candidate(1, 2, 0.8, 0.0, 1)}
    from layoutfix.lm import load_lm
    A.middle_pieces(near, chosen, blocks, page, load_lm(None), Config(), model, 0.5, None)
    assert floors == [model.threshold]


# 5. pairs a rule made are not rescored

def test_a_pair_a_rule_lifted_keeps_its_rank_and_its_log_says_the_model_did_not_rescore_it(arpa: Path) -> None:
    blocks = _blocks(["孩子们抬头看着五彩的风筝飞过", "山谷上空的云朵，孩子们一边奔跑一边欢呼。"])
    th = load_model().threshold
    lifted = Candidate(0, 1, th + 0.01, 0.0, 1, f"join probability {th:.2f} (the model's 0.400, lifted): a rule")
    (out,), threshold = FC.rescore([lifted], blocks, str(arpa), th)
    stack = FC.load_stack()
    assert out.score == pytest.approx(FC.stacked(lifted.score, 0.0, 1, stack)) and out.score >= threshold
    assert "not rescored by the context model" in out.why and out.why.endswith(": a rule")
    # a rule-free pair on the same blocks is rescored: the model reads 风筝飞过|山谷 as a gain
    (free,), _ = FC.rescore([Candidate(0, 1, lifted.score, 0.0, 1)], blocks, str(arpa), th)
    assert free.score > out.score


# 6. the model named two ways loads once; '' names no model; '~' is the home directory

def test_one_file_named_two_ways_is_loaded_once(arpa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(arpa.parent)
    assert FC.cached_context_lm(arpa.name) is FC.cached_context_lm(str(arpa))


def test_an_empty_context_model_name_is_an_error_not_the_default(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="context_lm"):
        Config(context_lm="")
    dump = tmp_path / "p.txt"
    dump.write_text("孩子们抬头看着五彩的风筝。\n", encoding="utf-8")
    assert cli_main(["clean", str(dump), "--context-lm", ""]) == 2
    assert "context_lm" in capsys.readouterr().err


def test_a_model_path_may_start_at_the_home_directory() -> None:
    assert resolve_path("~/models/zh.lm") == Path.home() / "models" / "zh.lm"
