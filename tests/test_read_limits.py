"""read: the size limit, the input types, NUL bytes and short double-byte dumps (review12a's uncaught breaks)."""
from __future__ import annotations

import pytest

from layoutfix import Config, clean
from layoutfix.errors import InputError
from layoutfix.stages.read import decode, read


def test_a_dump_of_exactly_max_bytes_is_read_and_one_byte_more_is_refused() -> None:
    data = "某某县召开大会。".encode("utf-8")
    assert read(data, Config(max_bytes=len(data))).blocks
    with pytest.raises(InputError, match="too large"):
        read(data + b"\n", Config(max_bytes=len(data)))


def test_a_str_page_is_held_to_max_bytes_by_its_utf8_size() -> None:
    text = "某某县召开大会。"
    assert read(text, Config(max_bytes=len(text.encode("utf-8")))).blocks
    with pytest.raises(InputError, match="too large"):
        read(text, Config(max_bytes=len(text.encode("utf-8")) - 1))


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_a_bytearray_or_memoryview_is_read_as_its_bytes(wrap: type) -> None:
    data = "某某县召开大会。\n".encode("utf-8")
    assert clean(wrap(data)).to_json() == clean(data).to_json()


@pytest.mark.parametrize("bad", [None, 7, ["某某县召开大会。"]])
def test_anything_but_bytes_or_str_is_a_type_error_that_says_so(bad: object) -> None:
    with pytest.raises(TypeError, match="bytes or str"):
        clean(bad)  # type: ignore[arg-type]


def test_ascii_utf16_with_nuls_in_a_quarter_of_its_characters_is_utf16() -> None:
    assert decode("a中".encode("utf-16-le")) == ("a中", "utf-16-le")


def test_bytes_with_nuls_whose_utf16_reading_is_rare_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"ab\x00\x01\x02cd\x00")


@pytest.mark.parametrize("word", ["争鸣", "争产"])
def test_gb18030_bytes_whose_utf16_reading_is_common_hanzi_too_stay_gb18030(word: str) -> None:
    assert decode(word.encode("gb18030")) == (word, "gb18030")


def test_a_tie_between_gb18030_and_big5_goes_to_charset_normalizer() -> None:
    assert decode("BB机".encode("big5")) == ("BB机", "big5")


def test_an_empty_title_marker_line_is_logged_as_removed_not_as_kept() -> None:
    page = read("## \n## 某地举行运动会\n\n正文第一段。\n", Config())
    reasons = [e.reason for e in page.edits if e.kind == "markup"]
    assert reasons[0].startswith("empty title marker line removed")
    assert "kept as a title" in reasons[1]


def test_a_title_markers_edit_says_where_it_stood() -> None:
    page = read("##  某地举行运动会\n\n正文第一段。\n", Config())
    (e,) = [e for e in page.edits if e.kind == "markup"]
    assert (e.before, e.after, e.offset, e.line) == ("##  ", "", 0, 1)
    assert e.before + page.blocks[0].text == "##  某地举行运动会"  # undo gives the line as printed
