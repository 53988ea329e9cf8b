"""The edit log is exact: a block's normalize edits redo the stage and, in reverse, undo it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from layoutfix.audit import AuditError, redo, undo
from layoutfix.config import Config
from layoutfix.model import BYLINE, TABLE, TEXT, TITLE, Block, Edit
from layoutfix.stages.normalize import changed_spans, normalize_block

# characters every fix acts on: half-width marks, full-width digits and letters, corner quotes, look-alike dots,
# wrap spaces, invisible and odd spaces, traditional characters, and plain Han text around them
_ALPHABET = list("的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进"
                 "同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反"
                 "體會議這臺乾") + list(",.:;!?()\"'<>「」『』•・･ 　\u00a0\u200b\ufeff\t１２３ＡＢｃ％．0123456789abcXYZ。，、“”《》")

texts = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([TEXT, TITLE, BYLINE]), st.booleans())
def test_a_blocks_normalize_edits_redo_and_undo_it_exactly(text: str, role: str, marked: bool) -> None:
    block = Block(0, text, 7, role=role, marked=marked)
    out, edits = normalize_block(block, Config())
    assert all(e.offset >= 0 and e.stage == "normalize" and e.reason for e in edits)
    assert redo(text, edits) == out.text
    assert undo(out.text, edits) == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(texts.map(lambda t: t.replace("\t", "")), min_size=1, max_size=4), min_size=1, max_size=3))
def test_a_tables_edits_redo_and_undo_each_row_joined_by_tabs(rows: list[list[str]]) -> None:
    block = Block(0, "", 3, role=TABLE, rows=tuple(tuple(r) for r in rows))
    out, edits = normalize_block(block, Config())
    # one row per line here (no origin): split the log by row, in order, by replaying it row by row
    rest = list(edits)
    for old, new in zip(block.rows, out.rows):
        text, target = "\t".join(old), "\t".join(new)
        mine = []
        while rest and text != target:
            e = rest.pop(0)
            mine.append(e)
            text = redo(text, [e])
        assert text == target
        assert undo(target, mine) == "\t".join(old)
    assert not rest


def test_every_change_is_its_own_edit_at_its_place() -> None:
    out, edits = normalize_block(Block(0, "甲,乙 丙「丁」１２", 4), Config())
    assert out.text == "甲，乙丙“丁”12"
    assert [(e.kind, e.before, e.after, e.offset) for e in edits] == [
        ("fullwidth", "１２", "12", 8), ("quotes", "「", "“", 5), ("quotes", "」", "”", 7),
        ("punct", ",", "，", 1), ("space", " ", "", 3)]


def test_a_no_break_space_made_plain_is_logged() -> None:
    _, edits = normalize_block(Block(0, "会议\u00a0召开", 2, role=TITLE), Config())
    assert [(e.kind, e.before, e.after) for e in edits] == [("invisible", "\u00a0", " ")]


def test_an_edit_that_does_not_fit_the_text_is_refused() -> None:
    e = Edit("normalize", "punct", ",", "，", 1, offset=1)
    assert redo("甲,乙", [e]) == "甲，乙"
    with pytest.raises(AuditError):
        redo("甲乙,", [e])
    with pytest.raises(AuditError):
        undo("甲乙，", [e])


def test_changed_spans_joins_touching_changes() -> None:
    assert changed_spans("a,,b", "a，，b") == [(1, 3, 1, 3)]
    assert changed_spans("甲 乙  丙", "甲乙丙") == [(1, 2, 1, 1), (3, 5, 2, 2)]


def _aligned(monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> tuple[list, list[int]]:
    """changed_spans(old, new), and how many characters (of both texts) each alignment it ran was handed."""
    from rapidfuzz.distance import Levenshtein
    real, sizes = Levenshtein.opcodes, []

    def spy(a: str, b: str):  # type: ignore[no-untyped-def]
        sizes.append(len(a) + len(b))
        return real(a, b)
    monkeypatch.setattr(Levenshtein, "opcodes", spy)
    return changed_spans(old, new), sizes


def test_a_long_blocks_few_changes_are_placed_aligning_only_around_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # one line of 400,000 characters with a wrap space every 1,001 (a 1.3 MB one-line dump, under --max-bytes):
    # opcodes over the whole block cost n^2/64 (review20a: a 1.78 MB one-line dump spent 109 s in normalize)
    old = ("汉字" * 500 + " ") * 400
    new = old.replace(" ", "")
    spans, sizes = _aligned(monkeypatch, old, new)
    assert spans == [(k * 1001 + 1000, k * 1001 + 1001, k * 1000 + 1000, k * 1000 + 1000) for k in range(400)]
    assert max(sizes) <= 4 * 64 and sum(sizes) <= len(old)  # each change's own stretch, never the rest


def test_a_long_blocks_dense_changes_are_aligned_a_window_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # review21a: a change every third character (a traditional page converted whole, a zero-width space between
    # characters) leaves no agreeing stretch within reach, and the rest of the block was aligned at once
    from layoutfix.stages.normalize import _WINDOW
    old = "甲乙丙" * 40_000
    new = old.replace("丙", "丁")
    spans, sizes = _aligned(monkeypatch, old, new)
    assert _replay(old, spans, new) == new
    assert len(spans) == 40_000 and all(i2 - i1 == 1 and j2 - j1 == 1 for i1, i2, j1, j2 in spans)
    assert max(sizes) <= 2 * _WINDOW and sum(sizes) <= 3 * (len(old) + len(new))


def _replay(old: str, spans: list[tuple[int, int, int, int]], new: str) -> str:
    out, last = [], 0
    for i1, i2, j1, j2 in spans:
        out.append(old[last:i1] + new[j1:j2])
        last = i2
    return "".join(out) + old[last:]


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_a_long_blocks_spans_change_old_into_new_exactly(old: str, new: str) -> None:
    # counter-example to a change cut in the wrong place: with a tiny reach (so every text takes the
    # change-by-change path), the spans still turn old into new, and do not touch one another
    import layoutfix.stages.normalize as normalize
    saved = normalize._LONG_SPANS, normalize._REACH, normalize._RESYNC, normalize._WINDOW
    normalize._LONG_SPANS, normalize._REACH, normalize._RESYNC, normalize._WINDOW = 0, 4, 3, 12  # windows too
    try:
        spans = changed_spans(old, new)
    finally:
        normalize._LONG_SPANS, normalize._REACH, normalize._RESYNC, normalize._WINDOW = saved
    assert _replay(old, spans, new) == new
    assert all(a[1] < b[0] or a[3] < b[2] for a, b in zip(spans, spans[1:]))
    assert all(i1 < i2 or j1 < j2 for i1, i2, j1, j2 in spans)


def test_a_long_block_is_normalized_with_edits_that_redo_and_undo_it() -> None:
    import random
    rng = random.Random(7)
    text = "".join(rng.choice(_ALPHABET) for _ in range(30_000))
    block = Block(0, text, 7, role=TEXT)
    out, edits = normalize_block(block, Config())
    assert edits and redo(text, edits) == out.text
    assert undo(out.text, edits) == text


def test_an_edit_without_a_place_keeps_its_json_shape() -> None:
    assert "offset" not in Edit("flow", "join", "", "", 3).to_dict()
    assert Edit("normalize", "punct", ",", "，", 3, offset=5).to_dict()["offset"] == 5


# -- placing what a stage logged without a place (dedup's doubled words, glyphs) ------------------------------

from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from rapidfuzz.distance import Levenshtein  # noqa: E402

from layoutfix.audit import LONG_BLOCK, _in_context, _sites, place, with_offsets  # noqa: E402
from layoutfix.pipeline import run_stages  # noqa: E402


def _e(before: str, after: str) -> Edit:
    return Edit("glyphs", "glyph", before, after, 1)


def test_a_substitution_a_doubled_word_and_a_stray_letter_get_their_places() -> None:
    before = "我们坚特改革，把工作作作为重点，发展Z经济"
    edits = [_e("特", "持"), _e("作作", "作"), _e("Z", "")]
    after = "我们坚持改革，把工作作为重点，发展经济"
    placed = place(before, after, edits)
    assert placed is not None
    assert [e.offset for e in placed] == [3, 9, 17]
    assert redo(before, placed) == after and undo(after, placed) == before


def test_an_insertion_is_placed_where_the_texts_differ() -> None:
    placed = place("他们在北召开会议", "他们在北京召开会议", [_e("", "京")])
    assert placed is not None and placed[0].offset == 4


def test_edits_that_do_not_account_for_the_change_get_no_place() -> None:
    assert place("甲乙丙", "甲丁丙", [_e("乙", "戊")]) is None  # the log says 戊, the text says 丁
    assert place("甲乙丙", "甲丁丙丁", [_e("乙", "丁")]) is None  # a change the log does not hold
    assert place("甲乙丙", "甲丁丙", [_e("己", "丁")]) is None  # a before that is not in the text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("的一是在了不和有大这人入力刀 ，。Z9")), min_size=1, max_size=60), st.data())
def test_any_logged_replacements_replay_exactly_once_placed(text: str, data: st.DataObject) -> None:
    """Whatever edits a stage made in order, placing them from the texts alone gives a log that redoes
    the stage and undoes it, or no places at all (never a wrong one)."""
    edits, current = [], text
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(current)))
        j = data.draw(st.integers(i, min(len(current), i + 3)))
        new = data.draw(st.text(alphabet=st.sampled_from(list("人入力刀的了")), max_size=2))
        if current[i:j] == new:
            continue
        edits.append(_e(current[i:j], new))
        current = current[:i] + new + current[j:]
    placed = place(text, current, edits)
    if placed is not None:
        assert redo(text, placed) == current and undo(current, placed) == text


_TUNE = Path(__file__).resolve().parent.parent / "corpus" / "synthetic" / "tune"


@pytest.mark.parametrize("name", ["001.txt", "002.txt", "004.txt"])
def test_the_pipeline_gives_glyph_and_doubled_word_edits_their_places(name: str) -> None:
    """On corpus pages with glyph fixes, each changed block's glyph edits redo the stage exactly."""
    stages = list(run_stages((_TUNE / name).read_bytes()))
    (_, before, _), (_, after, _) = [(n, p, s) for n, p, s in stages if n in ("quotes", "glyphs")]
    new = after.edits[len(before.edits):]
    assert new and all(e.offset >= 0 for e in new if e.before != e.after)
    old = {b.id: b.text for b in before.blocks}
    for b in after.blocks:
        if old[b.id] != b.text:
            mine = [e for e in new if e.line in b.lines and e.before != e.after]
            assert redo(old[b.id], mine) == b.text and undo(b.text, mine) == old[b.id]


def test_a_stage_that_logged_no_place_is_left_as_it_logged() -> None:
    """with_offsets adds places; it never changes a text, a kind or an edit that already had one."""
    stages = {n: p for n, p, _ in run_stages((_TUNE / "002.txt").read_bytes())}
    before, after = stages["quotes"], stages["glyphs"]
    stripped = replace(after, edits=tuple(replace(e, offset=-1) if e.stage == "glyphs" else e for e in after.edits))
    again = with_offsets(before, stripped)
    assert again.blocks == after.blocks and again.edits == after.edits


def _place_exhaustively(before: str, after: str, edits: list[Edit]) -> tuple[Edit, ...] | None:
    """`place`'s rule written out plainly: every site's full distance to `after`, nearest first in site order."""
    text, placed = before, []
    for e in edits:
        tried = [(Levenshtein.distance(nxt, after), k, nxt) for k in _sites(text, after, e)
                 for nxt in (text[:k] + e.after + text[k + len(e.before):],)]
        if not tried:
            return None
        low = min(t[0] for t in tried)
        tied = [t for t in tried if t[0] == low]
        best = tied[0]
        if any(t[2] != best[2] for t in tied):
            by_context = [t for t in tied if _in_context(text, t[1], e)]
            if len(by_context) != 1:
                return None
            best = by_context[0]
        placed.append(replace(e, offset=best[1]))
        text = best[2]
    return tuple(placed) if text == after else None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("的一是在了人入力刀 ，Z")), min_size=1, max_size=80), st.data())
def test_placing_with_a_bounded_distance_picks_the_nearest_site_as_a_full_alignment_would(
        text: str, data: st.DataObject) -> None:
    """`place` bounds each site's distance by the best so far (review17b: a 20k-character block took 1.8 s);
    the places it picks are those of the plain nearest-site rule, tie-break included."""
    edits, current = [], text
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(current)))
        j = data.draw(st.integers(i, min(len(current), i + 2)))
        new = data.draw(st.text(alphabet=st.sampled_from(list("人入力刀的")), max_size=2))
        if current[i:j] == new:
            continue
        edits.append(_e(current[i:j], new))
        current = current[:i] + new + current[j:]
    assert place(text, current, edits) == _place_exhaustively(text, current, edits)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_long_blocks_sites_screened_by_their_surroundings_are_placed_as_the_plain_rule_places_them(seed: int) -> None:
    """Past `LONG_BLOCK` characters `place` tries first the sites whose surroundings `after` holds (review18a:
    a one-line page of 60,000 characters took minutes); the places are those of the plain rule."""
    import random
    rng = random.Random(seed)
    text = "".join(rng.choice("的一是在了不和有大这人入力刀") for _ in range(LONG_BLOCK + 1_000))
    edits, after = [], text
    for k in range(100, len(text) - 10, 600):
        new = "入" if after[k] != "入" else "刀"
        edits.append(Edit("glyphs", "glyph", after[k], new, 1, 0.9, "test", after[k - 5:k + 5]))
        after = after[:k] + new + after[k + 1:]
    assert place(text, after, edits) == _place_exhaustively(text, after, edits)
    assert place(text, after, edits) is not None
