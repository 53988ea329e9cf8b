"""Shared fixtures: the sample pages shipped in corpus/ (no ../shared needed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
GOLD = ROOT / "corpus" / "gold"


def sample_names() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def samples() -> dict[str, bytes]:
    return {n: (SAMPLES / f"{n}.txt").read_bytes() for n in sample_names()}


@pytest.fixture(scope="session")
def golds() -> dict[str, dict]:
    return {n: json.loads((GOLD / f"{n}.json").read_text(encoding="utf-8")) for n in sample_names()}


@pytest.fixture(scope="session")
def cleaned(samples: dict[str, bytes]):  # type: ignore[no-untyped-def]
    import layoutfix

    return {n: layoutfix.clean(data, source=f"{n}.txt") for n, data in samples.items()}
