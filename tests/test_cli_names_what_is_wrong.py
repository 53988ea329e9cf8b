"""The CLI names what is wrong with what it was given (review23a's minor findings): a negative --limit is refused,
a --stage that --without switches off is an error rather than silence, and validate tells a directory or a device
from a missing file."""
from __future__ import annotations

from pathlib import Path

import pytest

from layoutfix import cli

DUMP = "## 新厂房投产\n\n本报讯 今天上午，城东新厂房正式投产。\n"


def test_a_negative_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.txt"
    page.write_text(DUMP, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        cli.main(["diff", str(page), "--limit", "-1"])
    assert stop.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_a_stage_switched_off_is_an_error_not_silence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.txt"
    page.write_text(DUMP, encoding="utf-8")
    assert cli.main(["diff", str(page), "--without", "flow", "--stage", "flow"]) == 2
    assert "--without switches off" in capsys.readouterr().err
    assert cli.main(["diff", str(page), "--stage", "flow"]) == 0


def test_validate_says_what_a_path_that_is_no_file_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub.xml").mkdir()
    assert cli.main(["validate", str(tmp_path), "/dev/null", str(tmp_path / "none.xml")]) == 2
    err = capsys.readouterr().err
    assert "sub.xml: is a directory" in err
    assert "/dev/null: not a regular file" in err
    assert "none.xml: no such file" in err
