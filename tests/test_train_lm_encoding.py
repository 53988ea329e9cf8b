"""train-lm reads .txt files as `clean` does, and `--encoding` decides where detection cannot: a file of two
characters in GB18030 also reads as Big5 (review23a: '国家' came back as '弊模')."""
from __future__ import annotations

from pathlib import Path

from layoutfix import cli
from layoutfix.lmtrain import iter_paragraphs


def test_a_given_encoding_reads_a_short_gb18030_file_as_written(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("国家".encode("gb18030"))
    assert list(iter_paragraphs([f], "gb18030")) == ["国家"]


def test_train_lm_takes_the_encoding_and_names_an_unknown_one(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_bytes("国家".encode("gb18030"))
    assert cli.main(["train-lm", str(f), "-o", str(tmp_path / "m.lm.gz"), "--encoding", "no-such-codec"]) == 2
    assert "unknown encoding" in capsys.readouterr().err
