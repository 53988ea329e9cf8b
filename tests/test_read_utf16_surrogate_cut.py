"""A BOM-less UTF-16 dump cut inside a character beyond the BMP (a surrogate pair) is read with the cut shown; two
trailing bytes that are no high surrogate are no cut pair, and the file is still refused."""
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
