"""The CLI refuses a dump larger than --max-bytes by its size, before reading it whole; a stream with no size is
read only up to the limit."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from layoutfix import cli
from layoutfix.errors import InputError


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "big.txt"
    dump.write_bytes("本报讯 测试。\n".encode() * 1000)
    reads: list[int] = []
    real_open = Path.open

    def watching(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        fh = real_open(self, *args, **kwargs)
        real_read = fh.read
        fh.read = lambda n=-1: reads.append(n) or real_read(n)  # type: ignore[method-assign]
        return fh

    monkeypatch.setattr(Path, "open", watching)
    with pytest.raises(InputError, match="too large"):
        cli._read_bytes(dump, 100)
    assert reads == []


def test_a_stream_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.BytesIO(b"a" * 10_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match="more than 100 bytes"):
        cli._read_bytes(cli.STDIN, 100)
    assert stream.tell() <= 8_192 + 101  # (a buffered reader may read ahead one buffer)


def test_a_dump_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    dump = tmp_path / "ok.txt"
    dump.write_bytes(b"x" * 100)
    assert cli._read_bytes(dump, 100) == b"x" * 100
