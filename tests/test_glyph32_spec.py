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
    # ... but 天前 ('days ago') and 一到 are words of today's running text; but the look-alike completes a four-character
    # set phrase over the place, which reads more of the context than the two-character word: fixed
    assert fixed("战士们一往天前，冲上山顶。") == "战士们一往无前，冲上山顶。"
    assert fixed("书中把这些问题一一到举出来。") == "书中把这些问题一一列举出来。"


def test_the_stage_runs_as_before_without_wordfreq(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # wordfreq's list is read from its installed wheel; without the package the guard has no table and the
    # decoder makes the fixes it made before (the run never fails for want of it)
    from layoutfix import wordfreqs
    from layoutfix.wordfreqs import zipf_table

    monkeypatch.setattr(wordfreqs, "_data_file", lambda: None)
    zipf_table.cache_clear()
    try:
        assert len(zipf_table()) == 0
        assert fixed("他们的微商工作做得不错。") == "他们的徽商工作做得不错。"
    finally:
        monkeypatch.undo()
        zipf_table.cache_clear()
    assert len(zipf_table()) > 50_000  # (the table is read again for the tests after this one)


def test_the_guard_is_off_when_its_setting_is_none(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # MODERN_GUARD = None gives back the decoder without it (as every guard's setting does)
    monkeypatch.setattr(substitutions, "MODERN_GUARD", None)
    assert fixed("他们的微商工作做得不错。") == "他们的徽商工作做得不错。"
    monkeypatch.undo()
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
