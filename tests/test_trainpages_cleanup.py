"""The trainers' generated pages live in a temporary folder that goes away whatever happens (review15b).

`--synth` builds pages into a temporary folder; a refused day range, a missing news source or a failure while
learning must leave neither that folder nor a weights file behind.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from layoutfix import flowtrain, segtrain, trainpages


@pytest.fixture
def tmp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.mark.parametrize("module", [flowtrain, segtrain])
def test_test_days_given_to_a_trainer_are_refused_and_leave_nothing(module, tmp_root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.json"
    with pytest.raises(SystemExit):
        module.main(["--synth", "4", "--seed", "100", "--days", "0115-0118", "-o", str(out)])
    assert list(tmp_root.iterdir()) == [] and not out.exists()


@pytest.mark.parametrize("module", [flowtrain, segtrain])
def test_a_missing_news_source_leaves_no_temporary_folder(module, tmp_root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.json"
    with pytest.raises(SystemExit):
        module.main(["--synth", "4", "--source", str(tmp_path / "none.jsonl"), "-o", str(out)])
    assert list(tmp_root.iterdir()) == [] and not out.exists()


@pytest.mark.parametrize("module", [flowtrain, segtrain])
def test_a_failure_while_learning_from_built_pages_still_removes_them(module, tmp_root: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Path] = []

    def fake_build(n: int, seed: int, days: str, out: Path, source: Path = trainpages.DEFAULT_SOURCE) -> Path:
        (out / "tune").mkdir(parents=True)
        (out / "tune" / "000.txt").write_text("某某\n", encoding="utf-8")
        built.append(out)
        return out / "tune"

    def failing_train(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("learning failed")

    monkeypatch.setattr(trainpages, "build", fake_build)
    monkeypatch.setattr(module, "train", failing_train)
    out = tmp_path / "w.json"
    with pytest.raises(RuntimeError):
        module.main(["--synth", "4", "-o", str(out)])
    assert built and built[0].parent == tmp_root and not built[0].exists()
    assert list(tmp_root.iterdir()) == [] and not out.exists()
