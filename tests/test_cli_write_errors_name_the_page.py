"""review13a (failed on main 7d01787): when a page's outputs cannot be written, the error line names the output
directory, not the page, and the cause is the directory's ('OUT: cannot write output: Is a directory' where
OUT/a.json is a directory). In a batch every failed page prints the same line, so a user cannot tell which
dumps to run again. README: "Errors are one line naming the file and the cause". Invented text only.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from layoutfix.cli import main


def test_a_page_whose_json_cannot_be_written_is_named_in_its_error(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.txt").write_text("## 某地举行运动会\n\n本报讯 某地昨天举行了运动会，上千人参加。\n",
                                         encoding="utf-8")
    out = tmp_path / "out"
    (out / "a.json").mkdir(parents=True)  # a.txt's JSON path is taken by a directory
    assert main(["clean", str(src), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "a.txt" in err[0] or str(out / "a.json") in err[0], err  # which page failed, or which file
    assert (out / "b.json").is_file()
