"""Specification: the `glyphs` package reads and sets its names as the one module it was.

Callers (`pipeline`, `cli`, `resources/train_accept.py`, benchmarks, tests) import names from
`layoutfix.stages.glyphs` and set tuning constants on it; the parts of the package read those names as their
own globals, so a name set on the package must reach every part that reads it. `RECORD` and `ACCEPT` are owned
by `accept` and read there at call time.
"""
from __future__ import annotations

import layoutfix.stages.glyphs as G
from layoutfix.stages.glyphs import accept, common, doubled, names, stage, substitutions


def test_a_constant_set_on_the_package_is_what_every_part_reading_it_sees(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    holders = [p for p in G._PARTS if "WINDOW" in vars(p)]
    assert {common, doubled, substitutions} <= set(holders)
    monkeypatch.setattr(G, "WINDOW", 2)
    assert G.WINDOW == 2 and all(p.WINDOW == 2 for p in holders)
    monkeypatch.undo()
    assert G.WINDOW == 4 and all(p.WINDOW == 4 for p in holders)


def test_a_guard_switched_off_on_the_package_changes_what_the_decoder_decides(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(G, "NAME_MARGIN", None)
    assert names.NAME_MARGIN is None and substitutions.NAME_MARGIN is None


def test_the_record_list_set_on_the_accept_module_is_the_one_the_decoder_appends_to(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # `accept` owns RECORD and ACCEPT and the decoder reads them there at call time (no part holds a copy)
    rows: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(accept, "ACCEPT", accept.Acceptance.margin_only(4.0, 1e9))
    monkeypatch.setattr(accept, "RECORD", rows)
    assert "RECORD" not in vars(substitutions)
    G.fix_changes("我们要加强环镜保护工作")  # a look-alike fix (镜 -> 境) the bar judges
    assert [(r[2], r[3]) for r in rows] == [("镜", "境")]


def test_the_record_list_set_on_the_package_still_reaches_the_decoder(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(G, "RECORD", rows)
    assert accept.RECORD is rows and G.RECORD is rows


def test_a_name_no_part_holds_is_set_in_every_part_and_removed_from_every_part(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake(obj: object) -> int:
        return 1

    monkeypatch.setattr(G, "id", fake, raising=False)
    assert all(vars(p)["id"] is fake for p in G._PARTS)
    monkeypatch.undo()
    assert not any("id" in vars(p) for p in G._PARTS) and "id" not in vars(G)


def test_a_function_replaced_on_the_package_is_what_the_stage_calls(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake_fix(text, lm=None, config=None, **kw):  # type: ignore[no-untyped-def]
        return "乙", [[G.Change(0, 1, "乙", "glyph", "甲", 0.9, "invented")]]

    monkeypatch.setattr(G, "fix_changes", fake_fix)
    assert stage.fix_changes is fake_fix
    assert G.fix_text("甲")[0] == "乙"
