"""A dump cut inside its last character is read with the cut shown, whether its encoding is detected or given: a BOM-less
UTF-16 dump cut inside a surrogate pair too; two trailing bytes that are no high surrogate, or a stray byte, are no cut."""
from __future__ import annotations

import pytest

from layoutfix.errors import InputError
from layoutfix.stages.read import decode

TEXT = "本报讯 今年春天，城南新建了两座公园。游客钱𠀋"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("cut", [1, 2, 3])
def test_a_cut_surrogate_pair_is_one_replacement_character(codec: str, cut: int) -> None:
    text, name = decode(TEXT.encode(codec)[:-cut])
    assert text == TEXT[:-1] + "\ufffd"
    assert name.startswith(codec)


@pytest.mark.parametrize("codec, tail", [("utf-16-le", b"\x00\xdc"), ("utf-16-be", b"\xdc\x00")])
def test_a_lone_low_surrogate_at_the_end_is_no_cut(codec: str, tail: bytes) -> None:
    with pytest.raises(InputError):
        decode(TEXT[:-1].encode(codec) + tail)


@pytest.mark.parametrize("codec, text", [("utf-8", "本报讯 游客纷纷前来参观"), ("gb18030", "本报讯 游客纷纷前来参观"),
                                         ("big5", "本報訊 遊客紛紛前來參觀"), ("utf-16-le", "本报讯 游客纷纷前来参观")])
def test_a_given_encoding_reads_a_dump_cut_inside_its_last_character(codec: str, text: str) -> None:
    got, name = decode(text.encode(codec)[:-1], codec)
    assert got == text[:-1] + "\ufffd" and name.startswith(codec)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_a_given_encoding_still_refuses_a_stray_byte_at_the_end(codec: str) -> None:
    with pytest.raises(InputError):
        decode("本报讯 游客".encode(codec) + b"\xff", codec)
