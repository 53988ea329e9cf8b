"""CLI exit codes and output details a script relies on (review12a's uncaught breaks)."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from layoutfix.cli import main


def test_validate_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_fix_glyphs_refuses_binary_stdin_with_exit_2(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bytes(range(256)) * 4)))
    assert main(["fix-glyphs"]) == 2
    assert "binary" in capsys.readouterr().err


def test_fix_glyphs_adds_no_line_break_the_input_lacks(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("会议\n开幕".encode("utf-8"))))
    assert main(["fix-glyphs", "--without", "glyphs"]) == 0
    assert capsys.readouterr().out == "会议\n开幕"


def test_a_quiet_batch_prints_nothing_on_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in (1, 2):
        (tmp_path / f"{n}.txt").write_text("## 标题\n\n正文第一段。\n", encoding="utf-8")
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_diff_limit_shows_that_many_edits_and_counts_the_rest(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text("## 标题一\n## 标题二\n## 标题三\n\n正文第一段。\n", encoding="utf-8")
    assert main(["diff", str(page), "--stage", "read", "--limit", "1", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith("  L") for line in out.splitlines()) == 1
    assert "… 2 more (use --limit 0)" in out


def test_python_dash_m_layoutfix_runs_the_same_command_line(tmp_path: Path) -> None:
    import subprocess
    page = tmp_path / "p.txt"
    page.write_text("## 标题\n\n正文第一段。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "layoutfix", "clean", str(page), "--format", "text"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "正文第一段。" in run.stdout
