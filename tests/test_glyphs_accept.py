"""The acceptance trainer's rows: one per decision, and the shipped file names reproducible inputs."""
from __future__ import annotations

import json
from importlib import resources

import layoutfix.resources.train_accept as T
import layoutfix.stages.glyphs as G
from layoutfix.stages.glyphs import accept as A


def test_a_candidate_judged_again_in_a_later_round_is_one_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # round 1 drops a doubled 甲 at 0 and turns down 丙->丁 at 3; round 2 sees the shorter text and judges
    # 丙->丁 again (now at 2) and a new candidate 戊->己 at 3
    first, second = "甲甲乙丙戊", "甲乙丙戊"

    def fake_fix(text, lm=None, config=None, known=None):  # type: ignore[no-untyped-def]
        assert text == first
        A.RECORD += [(first, 3, "丙", "丁", (0.0,), -1.0, -1.0),
                     (second, 2, "丙", "丁", (0.1,), -0.9, -0.9),
                     (second, 3, "戊", "己", (0.2,), -0.5, -0.5)]
        return second, [[G.Change(0, 1, "", "double", "甲", 0.9, "doubled")]]

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    rows = T._judged(first, None, None)
    assert [(r[2], r[3], r[4]) for r in rows] == [("丙", "丁", (0.0,)), ("戊", "己", (0.2,))]


def test_the_same_swap_at_two_places_is_two_rows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "丙乙丙"

    def fake_fix(t, lm=None, config=None, known=None):  # type: ignore[no-untyped-def]
        A.RECORD += [(text, 0, "丙", "丁", (0.0,), -1.0, -1.0), (text, 2, "丙", "丁", (0.0,), -1.0, -1.0)]
        return text, []

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    assert len(T._judged(text, None, None)) == 2


def test_the_shipped_acceptance_names_its_inputs_without_scratch_paths() -> None:
    d = json.loads(resources.files("layoutfix").joinpath("data", "glyph_accept.json").read_text(encoding="utf-8"))
    text = json.dumps(d, ensure_ascii=False)
    assert "/tmp" not in text
    assert all(s.startswith("synthetic ") for s in d["heldout"] if s.startswith("synthetic"))


def test_the_shipped_acceptance_is_fitted_on_some_tuning_days_and_judged_on_the_others() -> None:
    d = json.loads(resources.files("layoutfix").joinpath("data", "glyph_accept.json").read_text(encoding="utf-8"))
    fitted, validated = d["built_from"]["synthetic"], d["built_from"]["validation"]
    assert fitted and all("--days 0101-0112" in s for s in fitted)
    assert validated and all("0113-0116" in s for s in validated)
    # its band and threshold were chosen on the validation days' fixes, and the figures it keeps are theirs
    assert any("--days 0113-0116" in s for s in d["heldout"]) and not any("0101-0112" in s for s in d["heldout"])


def test_seed_pages_are_named_by_the_command_that_writes_them() -> None:
    label = T.seed_label(7)
    assert label.startswith("python -m layoutfix.synth ") and "--seed 7" in label and "--pages-test 0" in label


def test_seed_pages_of_some_days_are_named_with_them() -> None:
    assert T.seed_label(7, "0113-0116").endswith("--seed 7 --days 0113-0116 (DIR/tune)")


def test_a_real_ocr_paragraph_belongs_to_days_only_when_every_page_printing_it_does() -> None:
    assert T.in_days({"19980105"}, "0101-0112") and T.in_days({"19980105", "19980112"}, "0101-0112")
    assert not T.in_days({"19980105", "19980113"}, "0101-0112")  # printed on a validation day too
    assert not T.in_days(set(), "0101-0112")                      # on no page of the plan: no day known
    assert T.in_days(set(), None)


def test_paragraph_days_come_from_the_real_ocr_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    item = {"paragraphs": ["甲乙丙。", "丁戊己。"], "captions": ["庚辛。"], "headline": "壬癸", "subheadline": None}
    runs = [{"date": "19980103", "items": [item]}, {"date": "19980114", "items": [{**item, "paragraphs": ["丁戊己。"]}]}]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"runs": runs}, ensure_ascii=False), encoding="utf-8")
    days = T.paragraph_days(plan)
    assert days["甲乙丙。"] == {"19980103"} and days["丁戊己。"] == {"19980103", "19980114"}
    assert days["庚辛。"] == {"19980103", "19980114"} and days["壬癸"] == {"19980103", "19980114"}


def test_rows_of_validation_days_are_never_fitted_on(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every fit (the cross-validation folds and the written model) reads training days' rows only; the
    validation days' rows only choose the band and the threshold."""
    def row(src, y, m, val, g):  # type: ignore[no-untyped-def]
        return {"src": src, "group": g, "y": y, "feats": [m] + [0.1 * y] * (len(G.ACCEPT_FEATURES) - 1),
                "margin": m, "val": val}
    train = [row("synthetic", k % 2, 0.5 - (k % 3), False, f"s/p{k}") for k in range(30)]
    train += [row("ocr", int(k % 4 != 0), 0.5 - (k % 4), False, f"o{k}") for k in range(30)]
    val = [row("synthetic", k % 2, 0.3 - (k % 3), True, f"v/p{k}") for k in range(20)]
    cache = tmp_path / "rows.json"
    cache.write_text(json.dumps({"rows": train + val, "meta": {}}))
    fitted = []
    real_fit = T.fit
    monkeypatch.setattr(T, "fit", lambda rows, l2=0.1: (fitted.append(rows), real_fit(rows, l2, epochs=5))[1])
    T.main(["--rows", str(cache), "--days-train", "0101-0112", "--days-validate", "0113-0116", "--folds", "2"])
    assert len(fitted) == 3  # two folds and the model of every training row
    assert all(not r["val"] for rows in fitted for r in rows)
    assert len(fitted[-1]) == len(train)


def test_validation_days_need_training_days() -> None:
    import pytest
    with pytest.raises(SystemExit):
        T.main(["--days-validate", "0113-0116"])


def test_every_fix_the_bar_makes_is_recorded_with_its_features(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The trainer records with the bar's own decisions over its recording band: a fix far over the bar is a row
    with features too (a band reaching up to it may be chosen, and the fit reads it), not a row the model never
    sees."""
    monkeypatch.setattr(A, "ACCEPT", A.Acceptance.margin_only(T.RECORD_LOW, T.RECORD_HIGH))
    monkeypatch.setattr(A, "RECORD", [])
    G.fix_changes("我们要加强环镜保护工作")  # clears the bar by more than 4
    (text, pos, before, after, feats, margin, z) = A.RECORD[0]
    assert (before, after) == ("镜", "境") and margin > 4.0
    assert feats is not None and len(feats) == len(G.ACCEPT_FEATURES) and z == margin
    assert max(T.HIGHS) >= T.RECORD_HIGH  # the widest band judges every fix recorded
