"""The CLI: one-line errors with exit code 2, batches that go on, outputs on disk."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from layoutfix.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "samples" / "001.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_prints_gold_shaped_json(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "clean", str(SAMPLE), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["articles"] and "noise" in data and "edits" in data


def test_clean_writes_json_and_one_xml_per_item(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(capsys, "clean", str(SAMPLE), "-o", str(tmp_path))
    data = json.loads((tmp_path / "001.json").read_text(encoding="utf-8"))
    xmls = sorted(tmp_path.glob("001-*.xml"))
    assert code == 0 and len(xmls) == len(data["articles"]) > 0


@pytest.mark.parametrize("content, cause", [
    (b"", "empty input"),
    (b"\x00\x01\x02binary\x00\xff\xfe\x00" * 50, "binary"),
])
def test_bad_files_get_one_line_and_exit_2(capsys, tmp_path: Path, content: bytes, cause: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "clean", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bad.txt" in err and cause in err and "Traceback" not in err


def test_missing_file_and_directory_without_dumps(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "clean", str(tmp_path), "-o", str(tmp_path / "out"))
    assert code == 2 and "no page dumps" in err


def test_unwritable_output_is_a_clear_error(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "clean", str(SAMPLE), "-o", str(blocker / "sub"))
    assert code == 2 and "cannot write output" in err and "Traceback" not in err


def test_a_batch_reports_the_bad_page_and_cleans_the_rest(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE.read_bytes())
    (src / "b.txt").write_bytes(b"")
    (src / "c.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    code, _, err = run(capsys, "clean", str(src), "-o", str(tmp_path / "out"), "-q")
    assert code == 2 and "b.txt" in err and "empty" in err
    assert (tmp_path / "out" / "a.json").exists() and (tmp_path / "out" / "c.json").exists()


def test_unknown_stage_is_a_clear_error(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", str(SAMPLE), "--without", "nonsense")
    assert code == 2 and "unknown stage" in err


def test_diff_names_every_stage(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "diff", str(SAMPLE), "--no-color")
    assert code == 0
    for stage in ("read", "normalize", "flow", "dedup", "glyphs", "segment"):
        assert f"== {stage}" in out
    assert "join" in out
