"""review20a pins: behaviour the suite did not hold. Invented text only."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import Config
from layoutfix.stages.read import read

# a name with a character outside GBK (CJK Extension B): only GB18030's four-byte form encodes it
PAGE = "## 东山县新桥通车\n\n本报讯（记者 林一）东山县村民𠀀大爷说，新桥通车了，赶集再不用绕远路。\n"


def test_a_gb18030_dump_with_four_byte_characters_reads_as_gb18030_and_keeps_them() -> None:
    data = PAGE.encode("gb18030")
    assert data != PAGE.encode("gbk", "replace")  # (the page really needs the four-byte form)
    page = read(data, Config())
    assert page.raw.replace("\r\n", "\n") == PAGE
    cleaned = layoutfix.clean(data)
    assert any("𠀀大爷" in p for it in cleaned.items for p in it.paragraphs)


def test_the_same_bytes_forced_to_big5_are_refused_not_misread() -> None:
    with pytest.raises(layoutfix.LayoutfixError):
        layoutfix.clean(PAGE.encode("gb18030"), Config(encoding="big5"))
