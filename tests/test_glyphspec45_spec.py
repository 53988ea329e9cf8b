"""Specification of glyphspec45 (review45a's findings on the glyph context pass, `layoutfix.glyphcontext`):

- A place whose best look-alike the stage's transliteration guard, or its modern-word guard, refuses is left as
  printed (`kept_by_stage`), and the guard that kept it is named.
- Of look-alikes that tie (same context gain and channel), the one the look-alike table lists first is proposed,
  whatever order a set of them comes in.
- The pass's per-character look-alike lists follow `cand_of` and `min_channel`: changing either after a line was
  read is never answered from the lists read before.
- A pass made and not run reads nothing: neither the word table of running text nor the fill index.

The model is the invented ARPA kites model (`tests/arpa.py`) or a flat invented model, the look-alikes and word
tables invented: no Debian data, no corpus text.
"""
from __future__ import annotations

from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix.glyphcontext as GC
import layoutfix.stages.glyphs.substitutions as SUBS
from layoutfix.flowcontext import cached_context_lm
from layoutfix.lm import load_lm
from layoutfix.wordfreqs import ZipfTable

LINE = "风争飞过山谷。"  # a kite (风筝) misread as 争: the kites model reads 风筝 飞过 山谷 as a phrase
LOOKALIKES: dict[str, dict[str, tuple[float, int]]] = {"争": {"筝": (0.9, 0)}}


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("glyphspec45") / "kites.arpa", *_arpa.KITES)


@pytest.fixture(autouse=True)
def no_transliterations(monkeypatch: pytest.MonkeyPatch) -> None:
    """No character reads as a syllable of a transliterated name unless a test says so (invented shares)."""
    monkeypatch.setattr(SUBS, "_nrt_shares", lambda: {})


def kites_pass(arpa: Path, table: ZipfTable | None = None) -> GC.ContextPass:
    cpass = GC.ContextPass(cached_context_lm(str(arpa)), load_lm(None), cand_of=lambda c: LOOKALIKES.get(c, {}))
    cpass.table = table if table is not None else ZipfTable([])
    return cpass


def test_without_a_guard_the_pass_proposes_the_kite(arpa: Path) -> None:
    (p,) = kites_pass(arpa).proposals(LINE)
    assert (p.printed, p.cand) == ("争", "筝")


def test_a_place_read_as_a_syllable_of_a_transliterated_name_is_left_as_printed(arpa: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # invented shares: 争 is common in transliterated names and so is 风 beside it; 筝 is in none
    monkeypatch.setattr(SUBS, "_nrt_shares", lambda: {"争": 0.5, "风": 0.3})
    assert GC.kept_by_stage(LINE, LINE[:-1], 1, 1, "筝", {}, None) == "transliteration"
    assert kites_pass(arpa).proposals(LINE) == []


def test_a_word_of_modern_running_text_the_model_lacks_is_left_as_printed(arpa: Path) -> None:
    # an invented table of running text holds 风争 (Zipf 5.0) and not 风筝: the printed word is today's word
    table = ZipfTable([("风争", 400)])
    assert GC.kept_by_stage(LINE, LINE[:-1], 1, 1, "筝", {}, table) == "modern word"
    assert kites_pass(arpa, table).proposals(LINE) == []


class FlatModel:
    """An invented context model that reads every window alike (every look-alike's gain is 0)."""

    def __init__(self, vocab: set[str]) -> None:
        self.vocab = vocab

    def score(self, w: str) -> float:
        return 0.0

    def scores_at(self, w: str, j: int, chars: list[str]) -> list[float]:
        return [0.0] * len(chars)


TIED = "甲乙丙丁戊己庚辛"  # invented look-alikes of 壬, of one shape: they tie in gain and channel


@pytest.mark.parametrize("order", [TIED, TIED[::-1], TIED[3:] + TIED[:3]])
def test_of_tied_look_alikes_the_one_the_table_lists_first_is_proposed(order: str) -> None:
    table = {x: (0.9, 0) for x in order}
    cpass = GC.ContextPass(FlatModel({"天" + x for x in TIED}), load_lm(None),  # type: ignore[arg-type]
                           cand_of=lambda c: table if c == "壬" else {}, min_channel=-100.0)
    cpass.printed_word_guard = False
    cpass.table = ZipfTable([])
    (p,) = cpass.proposals("天壬")
    assert (p.printed, p.cand) == ("壬", order[0])


def test_the_look_alikes_follow_a_later_change_of_the_table_and_of_the_channel_floor(arpa: Path) -> None:
    cpass = kites_pass(arpa)
    assert [p.cand for p in cpass.proposals(LINE)] == ["筝"]
    cpass.cand_of = lambda c: {}  # a table that offers no look-alike
    cpass.forget()  # (the memo of proposals dropped, as a test toggling a guard drops it: the lists are what is asked)
    assert cpass.proposals(LINE) == []
    cpass.cand_of = lambda c: LOOKALIKES.get(c, {})
    cpass.forget()
    assert [p.cand for p in cpass.proposals(LINE)] == ["筝"]
    cpass.min_channel = 1e9  # no look-alike's channel reaches the floor
    cpass.forget()
    assert cpass.proposals(LINE) == []
    cpass.min_channel = GC.MIN_CHANNEL
    cpass.forget()
    assert [p.cand for p in cpass.proposals(LINE)] == ["筝"]


def test_a_pass_made_and_not_run_reads_no_word_table_and_builds_no_index(arpa: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(GC, "zipf_table", lambda: read.append("table") or ZipfTable([]))
    monkeypatch.setattr(GC, "fill_index", lambda vocab, max_word: read.append("index") or {})
    cpass = GC.ContextPass(cached_context_lm(str(arpa)), load_lm(None), cand_of=lambda c: LOOKALIKES.get(c, {}))
    assert read == []
    cpass.proposals("风筝")  # a line the pass reads: the index now; the table when a place asks a guard
    assert read == ["index"]
