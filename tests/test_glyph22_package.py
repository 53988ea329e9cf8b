"""Specification: the `glyphs` package gives its callers every name of the one module it was, and a name set at run
time is set on the part that owns it, where the decoder reads it when it runs."""
from __future__ import annotations

import layoutfix.stages.glyphs as G
from layoutfix.stages.glyphs import accept, common, memos, names, stage, substitutions


def test_the_package_reads_every_part_s_names() -> None:
    assert G.fix_changes is stage.fix_changes and G.WINDOW == common.WINDOW
    assert G.NAME_MARGIN == names.NAME_MARGIN and G.MEMO_SIZE == memos.MEMO_SIZE
    assert set(G.PARTS) >= {accept, common, memos, names, stage, substitutions}


def test_the_record_list_set_on_the_accept_module_is_the_one_the_decoder_appends_to(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # `accept` owns RECORD and ACCEPT and the decoder reads them there at call time (no part holds a copy)
    rows: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(accept, "ACCEPT", accept.Acceptance.margin_only(4.0, 1e9))
    monkeypatch.setattr(accept, "RECORD", rows)
    assert "RECORD" not in vars(substitutions)
    G.fix_changes("我们要加强环镜保护工作")  # a look-alike fix (镜 -> 境) the bar judges
    assert [(r[2], r[3]) for r in rows] == [("镜", "境")]


def test_the_name_guard_set_on_its_owner_is_the_one_the_decoder_reads_when_it_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the name guards and margins are read from `names` when the decoder runs: none is a copy in `substitutions`,
    # and the value set on `names` after import is the one a run asks (review23a: this test had only checked the
    # value it had just set)
    assert not {"NAME_MARGIN", "SURNAME_MARGIN", "GIVEN_NAME_GUARD", "NAME_GUARD"} & set(vars(substitutions))

    class Asked:
        times = 0

        def __bool__(self) -> bool:
            Asked.times += 1
            return True

    monkeypatch.setattr(names, "NAME_GUARD", Asked())
    G.fix_changes("村里正在改善饮水环镜")  # (a sentence of its own: a memo of another test's run asks nothing)
    assert Asked.times > 0