"""A few hanzi in UTF-16 without a byte-order mark and without a NUL byte are read as hanzi.

Such bytes are also a UTF-8 dump cut inside its last character, or GB18030: a UTF-16 reading is taken only
when it is all hanzi and reads as more common characters than every other reading. Bytes that are all ASCII
stay ASCII: an English word reads as common hanzi in UTF-16 as often as two real hanzi do (`--encoding`
decides such a file)."""
from __future__ import annotations

import pytest

from layoutfix.stages.read import decode


@pytest.mark.parametrize("text", ["我们", "新闻", "记者", "中国人民", "记者。", "你好，我们！"])
@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_hanzi_in_utf16_without_a_bom_or_a_nul_are_read_as_written(text: str, order: str) -> None:
    data = text.encode(order)
    assert b"\x00" not in data
    assert decode(data) == (text, order)


@pytest.mark.parametrize("data", [b"test", b"2024", b"ABCD", b"NULL", b"abcdefgh", b"http://x.cn/a",
                                  b"people", b"no", b"update", b"Review", b"JSON", "甲乙".encode("utf-16-le")])
def test_ascii_bytes_stay_ascii(data: bytes) -> None:
    assert decode(data) == (data.decode(), "utf-8")


@pytest.mark.parametrize("text", ["新闻", "我们的记者", "今天天气很好", "before中国", "accept中国", "中国Characters"])
def test_short_gb18030_text_stays_gb18030(text: str) -> None:
    assert decode(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("text", ["accept摄影", "change编辑"])
def test_utf8_cut_inside_its_last_character_stays_utf8(text: str) -> None:
    data = text.encode("utf-8")[:-2]
    assert decode(data) == (text[:-1] + "\ufffd", "utf-8 (last character cut)")
