"""A few hanzi in UTF-16 without a byte-order mark and without a NUL byte are read as hanzi.

Such bytes are also valid ASCII (both bytes of each character in 0x21-0x7E), a UTF-8 dump cut inside its
last character, or GB18030: the byte order that reads as common characters wins only when it reads as more
common characters than every other reading, so ASCII words and real GB18030 text stay what they are."""
from __future__ import annotations

import pytest

from layoutfix.stages.read import decode


@pytest.mark.parametrize("text", ["甲乙", "我们", "新闻", "记者"])
@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_two_hanzi_in_utf16_without_a_bom_are_read_as_written(text: str, order: str) -> None:
    data = text.encode(order)
    assert b"\x00" not in data
    assert decode(data) == (text, order)


@pytest.mark.parametrize("data", [b"test", b"2024", b"ABCD", b"NULL", b"abcdefgh", b"http://x.cn/a"])
def test_ascii_words_stay_ascii(data: bytes) -> None:
    assert decode(data) == (data.decode(), "utf-8")


@pytest.mark.parametrize("text", ["新闻", "我们的记者", "今天天气很好"])
def test_short_gb18030_text_stays_gb18030(text: str) -> None:
    assert decode(text.encode("gb18030")) == (text, "gb18030")
