"""Specification of the context-aware second glyph pass prototyped in `benchmarks/context_glyphs.py` (ctxglyph44).

After the glyph stage, each Han character's look-alikes that complete a word of the context model's vocabulary
are scored by the word-trigram context model over the text around them; the best fix of a window is made when
its context gain plus the stage's channel log-odds (weighted) clears a bar. The model here is a tiny invented
ARPA trigram model (test_contextlm_spec.py's), the look-alikes an invented table: no Debian data, no corpus text.
"""
from __future__ import annotations

import math
from pathlib import Path

import arpa as _arpa
import pytest

from benchmarks import context_glyphs as G
from layoutfix.contextlm import ContextLM, load_context_lm
from layoutfix.stages.glyphs import QUOTE_MARGIN, channel_score


UNIGRAMS, BIGRAMS, TRIGRAMS = _arpa.KITES  # an invented little language: a kite flies over a valley


def write_arpa(path: Path) -> Path:
    """The invented model as ARPA text (KenLM reads it)."""
    return _arpa.write_arpa(path, UNIGRAMS, BIGRAMS, TRIGRAMS)


# invented look-alikes (shape, Tesseract count): 筝 read as 争, 谷 as 各, 过 as 边
LOOKALIKES: dict[str, dict[str, tuple[float, int]]] = {
    "争": {"筝": (0.9, 0), "挣": (0.5, 0)},
    "各": {"谷": (0.85, 0)},
    "边": {"过": (0.8, 2)},
}


def cand_of(c: str) -> dict[str, tuple[float, int]]:
    return LOOKALIKES.get(c, {})


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> ContextLM:
    return load_context_lm(write_arpa(tmp_path_factory.mktemp("ctxglyph") / "tiny.arpa"))


@pytest.fixture(scope="module")
def cpass(ctx: ContextLM) -> G.ContextPass:
    return G.ContextPass(ctx, cand_of=cand_of)


def gain(ctx: ContextLM, printed: str, fixed: str) -> float:
    return ctx.score(fixed) - ctx.score(printed)


def test_a_look_alike_is_tried_only_where_it_completes_a_word_of_the_context_vocabulary(ctx: ContextLM) -> None:
    assert G.completes_vocab_word("风争飞过", 1, "筝", ctx.vocab, ctx.prefixes)      # 风筝
    assert not G.completes_vocab_word("风争飞过", 1, "挣", ctx.vocab, ctx.prefixes)  # no word holds 挣
    assert G.completes_vocab_word("飞边山谷", 1, "过", ctx.vocab, ctx.prefixes)      # 飞过


def test_the_look_alike_the_context_reads_better_is_made_when_gain_plus_channel_clears_the_bar(
        ctx: ContextLM, cpass: G.ContextPass) -> None:
    printed, fixed = "风争飞过山谷", "风筝飞过山谷"
    score = gain(ctx, printed, fixed) + channel_score(0.9, 0, False)
    assert score > 0
    out, changes = G.context_fix(printed, cpass, bar=score - 0.01)
    assert out == fixed
    assert [(c.start, c.before, c.after, c.kind) for c in changes] == [(1, "争", "筝", "glyph")]
    assert "context gain" in changes[0].reason and 0.5 <= changes[0].confidence <= 0.99
    assert G.context_fix(printed, cpass, bar=score + 0.01) == (printed, [])


def test_the_channel_weight_scales_the_look_alikes_shape_cost(ctx: ContextLM, cpass: G.ContextPass) -> None:
    printed = "风争飞过山谷"
    [p] = cpass.proposals(printed)
    assert (p.pos, p.cand) == (1, "筝")
    assert math.isclose(p.channel, channel_score(0.9, 0, False))
    assert math.isclose(p.score(2.0), p.gain + 2.0 * p.channel - p.extra)
    bar = p.score(1.0) - 0.01
    assert cpass.fix(printed, bar, weight=1.0)[0] != printed
    assert cpass.fix(printed, bar, weight=2.0)[0] == printed  # the same fix, its shape cost counted twice


def test_one_fix_a_window_then_a_second_round_reads_the_first_fix_made(ctx: ContextLM) -> None:
    printed = "风争飞边山谷"  # two misreadings side by side
    narrow = G.ContextPass(ctx, cand_of=cand_of, window=6)
    one = narrow.fix(printed, bar=0.0, rounds=1)
    assert len(one[1]) == 1
    two = narrow.fix(printed, bar=0.0, rounds=2)
    assert two[0] == "风筝飞过山谷" and len(two[1]) == 2


def test_a_place_the_stage_changed_is_left_as_the_stage_put_it(cpass: G.ContextPass) -> None:
    assert G.stage_changed("风争飞过", "风筝飞过") == frozenset({1})
    assert G.stage_changed("风争飞过", "风飞过") == frozenset()  # length changed: places no longer line up
    assert G.context_fix("风争飞过山谷", cpass, bar=-100.0, frozen={1}) == ("风争飞过山谷", [])


def test_a_character_printed_again_close_by_is_taken_as_written(cpass: G.ContextPass) -> None:
    # 争 repeated within the stage's REPEAT_SPAN: a parallel phrase, not a random misreading
    assert G.context_fix("风争飞过争山谷", cpass, bar=-100.0)[1] == []


def test_a_pair_printed_twice_in_the_document_is_taken_as_written(cpass: G.ContextPass) -> None:
    from collections import Counter
    line = "风争飞过山谷"
    document = line + "\n" + "风争一词"  # the same pair printed again elsewhere in the document: a name or a term
    known = Counter(document[k:k + 2] for k in range(len(document) - 1))
    assert G.context_fix(line, cpass, bar=-100.0)[0] == "风筝飞过山谷"  # the line alone: fixed
    assert cpass.fix(line, bar=-100.0, known=known, doc="doc") == (line, [])


def test_inside_quotes_a_fix_needs_the_stages_quote_margin_more(cpass: G.ContextPass) -> None:
    plain = cpass.proposals("风争飞过山谷")[0]
    quoted = cpass.proposals("“风争飞过山谷”")[0]
    assert math.isclose(quoted.extra - plain.extra, QUOTE_MARGIN)
    assert math.isclose(quoted.gain, plain.gain)


def test_the_pass_changes_only_han_characters_and_keeps_the_lines_length(cpass: G.ContextPass) -> None:
    printed = "3只风争，飞过ABC山各。"
    out, changes = G.context_fix(printed, cpass, bar=-100.0)
    assert len(out) == len(printed)
    assert {c.start for c in changes} <= {i for i, ch in enumerate(printed) if ch in "争各"}
    assert out == "3只风筝，飞过ABC山谷。"


def test_faspell_changes_are_told_apart_as_right_wrong_at_an_error_or_false() -> None:
    src, gold = "风争飞边山各", "风筝飞过山谷"
    staged = src
    out = "风筝飞达山谷"[:3] + "边" + "山谷"  # 争 right, 边 left, 各 right
    assert G.kinds(src, gold, staged, out) == {"right": 2}
    assert G.kinds(src, gold, staged, "风挣飞边小各") == {"wrong_at_error": 1, "false": 1}


def test_the_lenient_summary_is_the_benchmarks_spelling_figure() -> None:
    from benchmarks import metrics
    t = metrics.spelling_tallies([("风争飞过", "风筝飞过", "风筝飞过"), ("山各", "山谷", "山各")])
    s = G.summary(t)
    assert s["corrected"] == 1 and math.isclose(s["sent_R"], 0.5) and math.isclose(s["char_P"], 1.0)
    assert math.isclose(s["lenient_F1"], 100 * 2 * 1.0 * 0.5 / 1.5)
