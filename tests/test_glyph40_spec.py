"""Session 40's glyph specs (glyph40; the wider gate is glyph38's, the guard order glyph39's), invented text.

The look-alike decoder tries only characters that make no known pair with either neighbour. A pair that only rare
dictionary words hold (jieba's floor-count idioms and names) no longer binds a character: a misreading makes such
pairs by chance, so the place is tried, for `candidates.WEAK_PAIR`'s margin more gain, unless a dictionary word
printed over it holds the character (the rare word itself printed: `candidates.in_printed_word`), and only with
its `WEAK_TOP` most similar look-alikes. The guards that read only the printed text are asked before a character's
look-alikes.
"""
from __future__ import annotations

from collections import Counter

import pytest

from layoutfix.config import Config
from layoutfix.lm import WordLM, load_lm
from layoutfix.confusion import load_confusion
from layoutfix.stages.glyphs import candidates, fix_text, substitutions
from layoutfix.stages.glyphs.candidates import _gate_runs, gate_pairs, in_printed_word, strong_pairs
from layoutfix.stages.glyphs.channel import SHAPE_SUBST_MARGIN

MISREAD = "各级领异干部要带头执行这项规定。"  # 导 read as 异
MEANT = "各级领导干部要带头执行这项规定。"


def test_a_pair_only_rare_words_hold_binds_nothing() -> None:
    lm = WordLM({"成己成物": 3, "已成": 600, "成为": 900, "已": 5000, "己": 800, "成": 4000})
    floor = 5
    strong = strong_pairs(lm, floor)
    assert "己成" in lm.pairs and "己成" not in strong  # only a floor-count idiom holds it
    assert "已成" in strong and "成为" in strong  # a word counted more than the floor binds
    assert strong_pairs(lm, floor) is strong  # built once per model and floor


def test_a_trained_models_running_text_pairs_bind() -> None:
    lm = WordLM({"成己成物": 3, "已": 5000}, bigrams={"己成": 4, "物已": 1})
    strong = strong_pairs(lm, 5)
    assert "己成" in strong  # seen more than once in the model's own text
    assert "物已" not in strong  # (as `WordLM.pairs` takes them: a pair seen once is none)


def test_the_gate_reads_the_binding_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    lm = load_lm()
    monkeypatch.setattr(candidates, "WEAK_PAIR", None)
    assert gate_pairs(lm) is lm.pairs
    monkeypatch.setattr(candidates, "WEAK_PAIR", (5, 5.0))
    assert gate_pairs(lm) is strong_pairs(lm, 5)


def test_a_misreading_beside_a_rare_words_pair_is_mended(monkeypatch: pytest.MonkeyPatch) -> None:
    lm = load_lm()
    # 领异 is a pair of floor-count idioms only: it had closed the gate at 异
    assert "领异" in lm.pairs and "领异" not in gate_pairs(lm)
    out, edits = fix_text(MISREAD)
    assert out == MEANT
    assert [(e.before, e.after) for e in edits] == [("异", "导")]
    monkeypatch.setattr(candidates, "WEAK_PAIR", None)
    assert fix_text(MISREAD)[0] == MISREAD  # every known pair binding: never tried


def test_a_place_only_a_rare_pair_binds_needs_the_margin_more() -> None:
    assert candidates.WEAK_PAIR is not None
    _, edits = fix_text(MISREAD)
    need = Config().glyph_threshold + SHAPE_SUBST_MARGIN + candidates.WEAK_PAIR[1]
    assert f"the bar {need:.1f}" in edits[0].reason or f">= {need:.1f}" in edits[0].reason


def test_a_rare_word_printed_whole_stays() -> None:
    text = "古人讲成己成物，今天依然有意义。"
    assert fix_text(text)[0] == text


def test_a_place_no_known_pair_binds_keeps_its_bar() -> None:
    lm = load_lm()
    text = "我们要加强管埋工作。"
    assert "管埋" not in lm.pairs and "埋工" not in lm.pairs  # free on both sides: tried before this session too
    out, edits = fix_text(text)
    assert out == "我们要加强管理工作。"
    need = Config().glyph_threshold + SHAPE_SUBST_MARGIN  # no margin added
    assert f">= {need:.1f}" in edits[0].reason or f"the bar {need:.1f}" in edits[0].reason


def test_look_alikes_at_such_a_place_are_sought_through_common_words_pairs() -> None:
    from layoutfix.stages.glyphs.candidates import _neighbours

    lm = WordLM({"成己成物": 3, "已成": 600, "成为": 900})
    after, before = _neighbours(lm, 5)
    assert "成" in after["已"] and "已" in before["成"]  # 已成: a common word's pair
    assert "成" not in after.get("己", {})  # 己成: a floor-count idiom's only
    assert "成" in _neighbours(lm)[0]["己"]  # (every known pair, at the other places)


def test_only_the_most_similar_look_alikes_and_those_seen_misread_are_tried_there(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from layoutfix.stages.glyphs.candidates import weak_candidates

    monkeypatch.setattr(candidates, "WEAK_TOP", 2)
    cands = {"甲": (0.9, 0), "乙": (0.8, 0), "丙": (0.7, 0), "丁": (0.2, 4)}
    assert list(weak_candidates(cands, {}, "某")) == ["甲", "乙", "丁"]


def test_the_gain_bounds_at_such_places_are_kept_apart_from_the_others() -> None:
    from layoutfix.confusion import load_confusion
    from layoutfix.stages.glyphs.candidates import _candidates, weak_memos
    from layoutfix.stages.glyphs.memos import _memos

    assert candidates.WEAK_PAIR is not None
    lm = load_lm()
    cand_of = _candidates(load_confusion(), lm)
    fix_text(MISREAD)
    weak_bounds = weak_memos(lm, candidates.WEAK_PAIR[0], cand_of)[4]
    bounds = _memos(load_confusion(), lm, cand_of)[6]
    at_weak_place = [(ctx, j, x) for ctx, j, x in weak_bounds if ctx[j - 1:j + 1] == "领异" and x == "导"]
    assert at_weak_place  # the weak place's bound was asked of its own memo
    assert not any(k in bounds for k in at_weak_place)  # and not of the decoder's


def test_a_character_inside_a_printed_dictionary_word_is_covered() -> None:
    lm = WordLM({"成己成物": 3, "成为": 900, "市场": 900, "已": 5000, "己": 800, "成": 4000})
    text = "市场己成为"
    covered = [i for i in range(len(text)) if in_printed_word(text, i, lm.logp, lm.prefixes)]
    assert covered == [0, 1, 3, 4]  # 己 is inside no printed word: its pair 己成 came by chance
    idiom = "讲成己成物"
    assert in_printed_word(idiom, 2, lm.logp, lm.prefixes)  # the idiom printed whole holds 己
    assert not in_printed_word("己", 0, lm.logp, lm.prefixes)  # a lone character is no word of 2-4


def test_a_rare_words_pair_printed_as_that_word_is_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _record_asks(monkeypatch)
    lm = load_lm()
    text = "古人讲成己成物。"
    assert "己成" in lm.pairs and "己成" not in gate_pairs(lm)  # a weak pair: the gate is open at 己
    substitutions._substitutions(text, lm, load_confusion(), 6.0)
    assert "己" not in asked  # but the idiom is printed whole over it: no look-alike is sought
    monkeypatch.setattr(candidates, "WEAK_UNCOVERED", False)
    substitutions._substitutions(text, lm, load_confusion(), 6.0)
    assert "己" in asked  # (without the test it would be)


def test_only_the_ten_most_similar_look_alikes_are_tried_at_such_places() -> None:
    from layoutfix.stages.glyphs.candidates import weak_candidates

    assert candidates.WEAK_TOP == 10
    cands = {chr(0x4E00 + k): (1.0 - k / 100, 0) for k in range(30)}
    cands["乙"] = (0.1, 3)  # seen misread by the channel: tried whatever its shape
    got = weak_candidates(cands, {}, "某")
    assert list(got)[:10] == list(cands)[:10] and "乙" in got and len(got) == 11


TEXT = "丙丁戊己庚辛壬癸"  # invented: characters that make few pairs with each other


def _asked(monkeypatch: pytest.MonkeyPatch, text: str, known: Counter[str]) -> list[str]:
    """The characters whose look-alikes `_substitutions` asks for on `text`, with the document's pair counts `known`."""
    asked = _record_asks(monkeypatch)
    substitutions._substitutions(text, load_lm(), load_confusion(), 6.0, known=known)
    return asked


def _record_asks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that records, from now on, each character whose look-alike row `_substitutions` asks for."""
    asked: list[str] = []
    real = substitutions._candidates

    def recording(table, lm):  # type: ignore[no-untyped-def]
        get = real(table, lm)

        def ask(c: str) -> dict[str, tuple[float, int]]:
            asked.append(c)
            return get(c)  # type: ignore[no-any-return]
        return ask

    monkeypatch.setattr(substitutions, "_candidates", recording)
    return asked


def _printed(text: str, times: int = 1) -> Counter[str]:
    """Each adjacent pair of `text` counted `times` times (the document's pair counts)."""
    return Counter({text[k:k + 2]: times for k in range(len(text) - 1)})


def test_a_place_beside_a_pair_printed_twice_asks_for_no_look_alikes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert any(gated for _, _, gated in _gate_runs(TEXT, gate_pairs(load_lm())))  # some places are tried
    assert _asked(monkeypatch, TEXT, _printed(TEXT))  # printed once: the tried places ask for their look-alikes
    assert _asked(monkeypatch, TEXT, _printed(TEXT, 2)) == []  # every pair printed twice: taken as written


def test_a_place_with_its_character_close_by_asks_for_no_look_alikes(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _asked(monkeypatch, TEXT, _printed(TEXT))
    assert asked
    c = asked[0]
    text = TEXT.replace(c, c + "子" + c, 1)  # the same character two places on: a parallel phrase, not a misreading
    assert c not in _asked(monkeypatch, text, _printed(text))


def test_a_common_character_beside_a_rare_words_pair_is_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    lm = load_lm()
    text = "老师和陈说了。"  # 和陈: a pair of rare words only, so the gate is open at 和
    assert "和陈" in lm.pairs and "和陈" not in gate_pairs(lm)
    assert candidates.WEAK_MAX_LP is not None and lm.logp["和"] > candidates.WEAK_MAX_LP
    assert "和" not in _asked(monkeypatch, text, _printed(text))  # a function character stands alone: not tried
    monkeypatch.setattr(candidates, "WEAK_MAX_LP", None)
    assert "和" in _asked(monkeypatch, text, _printed(text))  # (every character would be)


def test_the_miss_lister_reads_the_same_gate() -> None:
    from layoutfix.resources.glyph_misses import why_substitution

    lm = load_lm()

    def why(text: str, p: int, x: str) -> str:
        return why_substitution(text, p, x, lm, load_confusion(), Config())

    # the rare pair's place is tried and the fix clears the bar (the lister stops at the band the decoder weighs)
    assert why(MISREAD, 3, "导") in ("learned acceptance", "cleared")
    text = "老师和陈说了。"
    x = next(iter(substitutions._candidates(load_confusion(), lm)("和")))
    assert why(text, 2, x) == "gate"  # a common character beside a rare pair: not tried


def test_a_place_only_a_rare_pair_binds_is_judged_but_never_a_training_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """train_accept fits the learned decision on the places the strong gate opens (`accept.RECORD`); a place only
    rare words' pairs bind is another population with its own higher bar: it is decided there, never recorded."""
    import re
    from layoutfix.resources import train_accept as T
    from layoutfix.stages.glyphs import accept as A
    (edit,) = fix_text(MISREAD)[1]  # the shipped decision makes the weak place's fix, from within the band
    under = re.search(r"([0-9.]+) under the bar", edit.reason)
    assert under and float(under.group(1)) < T.RECORD_LOW  # so the recording band holds it
    monkeypatch.setattr(A, "ACCEPT", A.Acceptance.margin_only(T.RECORD_LOW, T.RECORD_HIGH))
    monkeypatch.setattr(A, "RECORD", [])
    fix_text(MISREAD)
    assert A.RECORD == []  # ... and yet it is no row
    assert fix_text("我们要加强管埋工作。")[0] == "我们要加强管理工作。"
    assert [(r[2], r[3]) for r in A.RECORD] == [("埋", "理")]  # a place no known pair binds is one
