"""flow's pre-filter only saves work: the joins and their logged probabilities are the unfiltered model's."""
from __future__ import annotations

from pathlib import Path

import pytest

import layoutfix
import layoutfix.stages.flow as F

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "corpus" / "samples").glob("*.txt"))


def _flow_log() -> list[tuple[str, int, float]]:
    return [(e.kind, e.line, e.confidence) for p in SAMPLES
            for e in layoutfix.clean(p.read_bytes(), source=p.name).edits if e.stage == "flow"]


def test_the_pre_filter_changes_no_join_and_no_logged_probability(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SAMPLES
    pruned = _flow_log()
    monkeypatch.setattr(F, "PRUNE_MARGIN", None)
    whole = _flow_log()
    assert [(k, n) for k, n, _ in pruned] == [(k, n) for k, n, _ in whole]
    assert all(abs(a - b) <= 0.005 for (_, _, a), (_, _, b) in zip(pruned, whole))
