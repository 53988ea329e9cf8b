"""read: Big5 as presses write it (cp950's ETEN characters, Big5-HKSCS) is read as Big5, and a file whose lines
read clearly better in the other of GB18030 and Big5 is refused as mixed, naming the odd line. Invented text."""
from __future__ import annotations

import pytest

from layoutfix import InputError
from layoutfix.stages.read import decode

TRAD = "## 北灣村辦起夜校\n\n北灣村今冬辦起了農民夜校，每週三個晚上請農技員講課，村民報名踴躍。\n"
ETEN = "## 東坡里圍棋賽\n\n東坡里的裏弄裏辦起碁賽，每週三個晚上請棋手講課。\n"  # 裏 and 碁: cp950, not strict big5
SIMP = "## 青石县新建水库\n\n本报讯 青石县今年新建了三座水库，灌溉面积扩大到两万亩，惠及沿岸十二个村。\n"


def test_strict_big5_is_read_as_before() -> None:
    assert decode(TRAD.encode("big5")) == (TRAD, "big5")


@pytest.mark.parametrize("codec", ["cp950", "big5hkscs"])
def test_big5_with_eten_characters_is_read_as_big5(codec: str) -> None:
    data = ETEN.encode(codec)
    with pytest.raises(UnicodeEncodeError):
        ETEN.encode("big5")  # (the page is no strict Big5)
    text, name = decode(data)
    assert text == ETEN and name in ("cp950", "big5hkscs")


def test_a_big5_page_with_a_gb18030_paragraph_is_refused_naming_that_line() -> None:
    data = TRAD.encode("big5") + b"\n" + SIMP.splitlines()[2].encode("gb18030") + b"\n" + TRAD.encode("big5")
    with pytest.raises(InputError, match=r"read as Big5, line 5 reads as GB18030"):
        decode(data)


def test_a_gb18030_page_with_a_cp950_paragraph_is_refused_naming_that_line() -> None:
    data = SIMP.encode("gb18030") + b"\n" + ETEN.splitlines()[2].encode("cp950") + b"\n" + SIMP.encode("gb18030")
    with pytest.raises(InputError, match=r"read as GB18030, line 5 reads as Big5"):
        decode(data)


def test_short_lines_that_read_alike_do_not_make_a_page_mixed() -> None:
    # a one-word caption or a figure line is asked of no codec: only lines of four or more double-byte characters
    data = (TRAD + "\n圖\n\n2024\n").encode("big5")
    assert decode(data)[0].startswith("## 北灣村")


@pytest.mark.parametrize("codec", ["gb18030", "big5", "cp950"])
def test_a_double_byte_dump_cut_inside_its_last_character_is_read_with_the_cut_shown(codec: str) -> None:
    text = (TRAD if codec != "gb18030" else SIMP).rstrip("\n")
    data = text.encode(codec)[:-1]  # the second byte of the closing mark lost
    got, name = decode(data)
    assert got.endswith("\ufffd") and got[:-1] == text[:-1]
    assert name.endswith("(last character cut)")


def test_utf16_without_a_bom_that_lost_its_last_byte_is_read_not_called_binary() -> None:
    data = SIMP.encode("utf-16-le")[:-1]
    got, name = decode(data)
    assert name.startswith("utf-16") and got.startswith(SIMP[:-2]) and got.endswith("\ufffd")


def test_utf16_with_a_bom_that_lost_its_last_byte_is_read_too() -> None:
    data = SIMP.encode("utf-16")[:-1]
    got, name = decode(data)
    assert name.startswith("utf-16") and got.endswith("\ufffd")


def test_a_cut_dump_logs_where_it_was_cut() -> None:
    import layoutfix
    page = layoutfix.clean(SIMP.rstrip("\n").encode("gb18030")[:-1])
    (cut,) = [e for e in page.edits if e.stage == "read" and e.kind == "decode"]
    assert "GB18030 character" in cut.reason and not page.unaccounted()


def test_a_stray_byte_at_the_end_is_no_cut_character() -> None:
    # a whole character followed by a byte that opens none: refused, not read with the character lost
    with pytest.raises(InputError, match="undecodable"):
        decode(SIMP.rstrip("\n").encode("gb18030") + b"\xff")
