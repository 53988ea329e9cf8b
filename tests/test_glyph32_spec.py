"""Session 32's glyph specs (glyph32), invented text.

The look-alike decoder's word model is jieba's dictionary with 1998-era counts. A word of today's running text
that dictionary lacks (its frequency from wordfreq's list, `layoutfix.wordfreqs`) is taken as written, unless
the word the look-alike makes is far commoner: web text holds look-alike typos of very common words too.
"""
from __future__ import annotations

import random

from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import fix_changes
from layoutfix.stages.glyphs import substitutions


def fixed(text: str) -> str:
    return fix_changes(text)[0]


def held_candidates(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The look-alikes of the table's rows alone (session 34 added the wider rows, `candidates.WIDE`): with the
    decision held fixed too, a rival from the wider rows would move its `gap` feature under these specs."""
    from layoutfix.stages.glyphs import candidates

    monkeypatch.setattr(candidates, "WIDE", False)


def base13_decision():  # type: ignore[no-untyped-def]
    """The learned acceptance fitted on the 13 base features alone (the file shipped until session 32, kept beside
    the tests): the guard's and the support's specs hold the decision fixed, so that the shipped file's
    running-text features, which make calls of their own, do not decide for them."""
    import json
    from pathlib import Path

    from layoutfix.stages.glyphs.accept import Acceptance, weights_over

    d = json.loads((Path(__file__).with_name("glyph_accept_base13.json")).read_text(encoding="utf-8"))
    return Acceptance(weights_over(d["features"], d["weights"]), d["bias"], d["threshold"], d["low"], d["high"])


def test_a_word_of_todays_running_text_the_dictionary_lacks_is_taken_as_written() -> None:
    # 微商 (selling through social apps) and 禁播 (banned from broadcast) are common words now, absent from the
    # 1998 dictionary: each character is bound to no neighbour there, and a look-alike makes an older word
    # (徽商, 禁捕); the printed words are kept
    for text in ("他们的微商工作做得不错。", "大家都说这个禁播非常好。", "我们今天一起微商吧。"):
        assert fixed(text) == text


def test_a_web_text_typo_one_look_alike_off_a_far_commoner_word_is_still_fixed() -> None:
    # wordfreq's web text holds 己经 too (Zipf about 3), a typo of 已经 (about 6): the lead tells them apart ...
    assert fixed("评选工作己经结束了。") == "评选工作已经结束了。"
    from layoutfix.wordfreqs import printed_word_kept

    lm = load_lm()
    assert not printed_word_kept("工作己经结束", 2, "已", lm.logp, 2.4, 2.0)
    # ... where a word of its own is kept against an older word not that much commoner
    assert printed_word_kept("他们的微商工作", 3, "徽", lm.logp, 2.4, 2.0)


def test_a_set_phrase_the_look_alike_completes_outweighs_a_shorter_word_the_misreading_makes() -> None:
    # a two-character word of today's text against the dictionary's two-character word: kept ...
    assert fixed("他们的微商工作做得不错。") == "他们的微商工作做得不错。"
    # ... but 天前 ('days ago') and 一到 are words of today's running text; the look-alike completes a four-character
    # set phrase over the place, which reads more of the context than the two-character word: the guard does not
    # keep the printed word (whether the fix is made is then the learned acceptance's call, which since session 32
    # weighs running-text features of its own)
    from layoutfix.wordfreqs import printed_word_kept

    lm = load_lm()
    assert not printed_word_kept("战士们一往天前，冲上山顶", 5, "无", lm.logp, 2.4, 2.0)
    assert not printed_word_kept("问题一一到举出来", 4, "列", lm.logp, 2.4, 2.0)
    assert printed_word_kept("他们的微商工作", 3, "徽", lm.logp, 2.4, 2.0)


def test_the_stage_runs_as_before_without_wordfreq(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages.glyphs import accept as accept_part

    monkeypatch.setattr(accept_part, "ACCEPT", base13_decision())
    held_candidates(monkeypatch)
    # wordfreq's list is read from its installed wheel; without the package the guard has no table and the
    # decoder makes the fixes it made before (the run never fails for want of it)
    from layoutfix import wordfreqs
    from layoutfix.wordfreqs import zipf_table

    monkeypatch.setattr(wordfreqs, "_data_file", lambda: None)  # (source tree only: wordfreqs is compiled, session 55)
    zipf_table.cache_clear()
    try:
        assert len(zipf_table()) == 0
        assert fixed("他们的微商工作做得不错。") == "他们的徽商工作做得不错。"
    finally:
        monkeypatch.undo()
        zipf_table.cache_clear()
    assert len(zipf_table()) > 50_000  # (the table is read again for the tests after this one)


def test_the_guard_is_off_when_its_setting_is_none(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages.glyphs import accept as accept_part

    monkeypatch.setattr(accept_part, "ACCEPT", base13_decision())
    held_candidates(monkeypatch)
    # MODERN_GUARD = None gives back the decoder without it (as every guard's setting does)
    guard = substitutions.MODERN_GUARD
    monkeypatch.setattr(substitutions, "MODERN_GUARD", None)
    assert fixed("他们的微商工作做得不错。") == "他们的徽商工作做得不错。"
    monkeypatch.setattr(substitutions, "MODERN_GUARD", guard)
    assert fixed("他们的微商工作做得不错。") == "他们的微商工作做得不错。"


def test_the_compact_table_answers_as_a_dict_would() -> None:
    from layoutfix import wordfreqs
    from layoutfix.wordfreqs import ZipfTable

    rng = random.Random(7)
    chars = "甲乙丙丁戊己庚辛"
    entries = {"".join(rng.choice(chars) for _ in range(rng.choice((2, 3, 4)))): rng.randrange(300, 700)
               for _ in range(400)}
    table = ZipfTable(entries.items())
    assert len(table) == len(entries)
    for _ in range(2000):
        w = "".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 3, 4, 5))))
        want = wordfreqs.zipf_of_bucket(entries[w]) if w in entries else None
        assert table.get(w) == want


def test_support_from_running_text_is_an_option_that_lowers_the_bar(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages.glyphs import accept as accept_part

    monkeypatch.setattr(accept_part, "ACCEPT", base13_decision())
    held_candidates(monkeypatch)
    # 跌合 and 调警 make no word of today's text; the look-alikes make common ones (联合, 调整), but short of the bar
    # by the dictionary alone: left as printed by default ...
    texts = {"两家公司跌合办学。": "两家公司联合办学。", "价格的调警很快。": "价格的调整很快。"}
    for text in texts:
        assert fixed(text) == text
    # ... and fixed with the support on, whose bar is lower by its cut there
    monkeypatch.setattr(substitutions, "MODERN_SUPPORT", (4.0, 1.0, -8.0))
    for text, want in texts.items():
        assert fixed(text) == want
    # a common printed character (因, 为: function characters stand alone in running text) gets no support
    monkeypatch.setattr(substitutions, "MODERN_SUPPORT", (4.0, 1.0, -20.0))
    for text in texts:
        assert fixed(text) == text


# -- session 32, glyph32b: running-text features of the learned acceptance (an option, not shipped) ----------------

def _table(words: dict[str, float]):  # type: ignore[no-untyped-def]
    """A ZipfTable of invented words at the given Zipf values (bucket k holds Zipf 9 - k / 100)."""
    from layoutfix.wordfreqs import ZipfTable

    return ZipfTable((w, round((9.0 - z) * 100)) for w, z in words.items())


def test_the_lead_feature_is_how_much_commoner_in_running_text_the_look_alikes_word_is() -> None:
    from layoutfix.stages.glyphs.accept import _running_text_features

    table = _table({"甲丁": 5.0, "甲乙": 2.0, "丙戊": 3.5})
    lead = _running_text_features("甲乙丙", 1, "丁", {}, table)[0]
    assert abs(lead - 3.0) < 1e-9  # 甲丁 at 5.0 against the printed 甲乙 at 2.0
    # the printed text makes no word the list holds, the look-alike's does: the whole Zipf value is the lead
    assert abs(_running_text_features("庚乙辛", 1, "丁", {}, _table({"庚丁": 4.5}))[0] - 4.5) < 1e-9
    # neither makes one: 0; only the printed text does: the lead is negative
    assert _running_text_features("壬乙癸", 1, "丁", {}, table)[0] == 0.0
    assert _running_text_features("甲乙壬", 1, "癸", {}, table)[0] < 0


def test_the_modern_feature_marks_a_printed_word_of_running_text_the_model_lacks() -> None:
    from layoutfix.stages.glyphs.accept import MODERN_FLOOR, _running_text_features

    table = _table({"甲乙": MODERN_FLOOR + 0.5, "丙丁": MODERN_FLOOR - 0.5})
    assert _running_text_features("甲乙丙", 1, "戊", {}, table)[1] == 1.0
    assert _running_text_features("甲乙丙", 1, "戊", {"甲乙": -9.0}, table)[1] == 0.0  # the model knows it
    assert _running_text_features("戊丙丁", 1, "己", {}, table)[1] == 0.0  # too rare in running text


def test_a_longer_word_another_character_would_make_is_a_rival_of_the_look_alike() -> None:
    from layoutfix.stages.glyphs.accept import MODERN_FLOOR, _running_text_features

    # 甲乙丙丁 misprinted 甲乙丙戊: the look-alike 己 makes the two-character word 丙己, but a third character at the
    # place (丁) makes a four-character word of running text: the misreading is real, the look-alike is not its fix
    table = _table({"甲乙丙丁": MODERN_FLOOR + 1.0, "丙己": 5.0})
    assert _running_text_features("甲乙丙戊庚", 3, "己", {}, table)[2] == 1.0
    # no rival when the look-alike's own word reaches as far, or when the rival is a three-character word
    assert _running_text_features("甲乙丙戊庚", 3, "己", {}, _table({"甲乙丙丁": 3.0, "乙丙己庚": 3.0}))[2] == 0.0
    assert _running_text_features("乙丙戊庚", 2, "己", {}, _table({"乙丙丁": 4.0, "丙己": 5.0}))[2] == 0.0


def test_the_lead_is_also_given_scaled_by_how_common_the_printed_character_is() -> None:
    from layoutfix.stages.glyphs.accept import _running_text_features

    table = _table({"甲丁": 5.0})
    common = _running_text_features("甲乙丙", 1, "丁", {}, table, -4.0)[3]
    rare = _running_text_features("甲乙丙", 1, "丁", {}, table, -12.0)[3]
    assert abs(common - 5.0 * -0.4) < 1e-9 and abs(rare - 5.0 * -1.2) < 1e-9


def test_without_wordfreq_the_running_text_features_are_zero() -> None:
    from layoutfix.stages.glyphs.accept import _running_text_features

    assert set(_running_text_features("甲乙丙", 1, "丁", {}, _table({}))) == {0.0}
    assert set(_running_text_features("甲乙丙", 1, "丁", {}, None)) == {0.0}


def test_a_decision_file_weighs_only_the_features_it_was_fitted_on() -> None:
    import pytest
    from layoutfix.stages.glyphs.accept import ACCEPT_FEATURES, BASE_FEATURES, _shipped_acceptance, weights_over

    # since session 32 the shipped file is fitted with the running-text features; one fitted without them (the
    # file shipped before) makes the decoder skip computing them
    shipped = _shipped_acceptance()
    assert shipped is not None and shipped.reads_running_text
    assert not base13_decision().reads_running_text

    # a file fitted before the running-text features existed decides exactly as it did: they weigh 0
    w = weights_over(list(BASE_FEATURES), [float(k + 1) for k in range(len(BASE_FEATURES))])
    assert len(w) == len(ACCEPT_FEATURES)
    assert w[:len(BASE_FEATURES)] == tuple(float(k + 1) for k in range(len(BASE_FEATURES)))
    assert set(w[len(BASE_FEATURES):]) == {0.0}
    with pytest.raises(AssertionError):
        weights_over(["margin", "a feature the stage does not compute"], [1.0, 1.0])


def test_the_trainer_fits_the_running_text_features_only_when_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from layoutfix.resources import train_accept as T
    from layoutfix.stages.glyphs.accept import ACCEPT_FEATURES, BASE_FEATURES

    def row(src, y, m, val, g):  # type: ignore[no-untyped-def]
        return {"src": src, "group": g, "y": y, "feats": [m] + [0.1 * y] * (len(ACCEPT_FEATURES) - 1),
                "margin": m, "val": val}
    rows = [row("synthetic", k % 2, 1.5 - (k % 4), False, f"s/p{k}") for k in range(40)]
    rows += [row("ocr", int(k % 5 != 0), 1.5 - (k % 4), False, f"o{k}") for k in range(40)]
    rows += [row("synthetic", k % 2, 1.3 - (k % 4), True, f"v/p{k}") for k in range(30)]
    rows += [row("ocr", int(k % 5 != 0), 1.3 - (k % 4), True, f"w{k}") for k in range(30)]
    cache = tmp_path / "rows.json"
    cache.write_text(json.dumps({"rows": rows, "meta": {}}))
    args = ["--rows", str(cache), "--days-train", "0101-0112", "--days-validate", "0113-0116", "--folds", "2"]
    for extra, want in (([], BASE_FEATURES), (["--running-text"], ACCEPT_FEATURES)):
        out = tmp_path / "accept.json"
        assert T.main([*args, *extra, "-o", str(out)]) == 0
        d = json.loads(out.read_text())
        assert tuple(d["features"]) == want and len(d["weights"]) == len(want)
