"""The acceptance trainer's rows: one per decision, and the shipped file names reproducible inputs."""
from __future__ import annotations

import json
from importlib import resources

import layoutfix.resources.train_accept as T
import layoutfix.stages.glyphs as G


def test_a_candidate_judged_again_in_a_later_round_is_one_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # round 1 drops a doubled 甲 at 0 and turns down 丙->丁 at 3; round 2 sees the shorter text and judges
    # 丙->丁 again (now at 2) and a new candidate 戊->己 at 3
    first, second = "甲甲乙丙戊", "甲乙丙戊"

    def fake_fix(text, lm=None, config=None, known=None):  # type: ignore[no-untyped-def]
        assert text == first
        G.RECORD += [(first, 3, "丙", "丁", (0.0,), -1.0, -1.0),
                     (second, 2, "丙", "丁", (0.1,), -0.9, -0.9),
                     (second, 3, "戊", "己", (0.2,), -0.5, -0.5)]
        return second, [[G.Change(0, 1, "", "double", "甲", 0.9, "doubled")]]

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    rows = T._judged(first, None, None)
    assert [(r[2], r[3], r[4]) for r in rows] == [("丙", "丁", (0.0,)), ("戊", "己", (0.2,))]


def test_the_same_swap_at_two_places_is_two_rows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "丙乙丙"

    def fake_fix(t, lm=None, config=None, known=None):  # type: ignore[no-untyped-def]
        G.RECORD += [(text, 0, "丙", "丁", (0.0,), -1.0, -1.0), (text, 2, "丙", "丁", (0.0,), -1.0, -1.0)]
        return text, []

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    assert len(T._judged(text, None, None)) == 2


def test_the_shipped_acceptance_names_its_inputs_without_scratch_paths() -> None:
    d = json.loads(resources.files("layoutfix").joinpath("data", "glyph_accept.json").read_text(encoding="utf-8"))
    text = json.dumps(d, ensure_ascii=False)
    assert "/tmp" not in text
    assert any("--seed 2" in s for s in d["built_from"]["synthetic"])
    assert all(s.startswith("synthetic ") for s in d["heldout"] if s.startswith("synthetic"))


def test_seed_pages_are_named_by_the_command_that_writes_them() -> None:
    label = T.seed_label(7)
    assert label.startswith("python -m layoutfix.synth ") and "--seed 7" in label and "--pages-test 0" in label
