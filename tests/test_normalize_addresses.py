"""A web or e-mail address printed in full-width forms is folded whole to ASCII; a stop between capitals (an
initial's) stays as printed."""
from __future__ import annotations

from layoutfix.stages.normalize import fold_fullwidth


def test_a_full_width_address_becomes_one_ascii_address() -> None:
    assert fold_fullwidth("请登录ｗｗｗ．ｓａｍｐｌｅ．ｏｒｇ查询")[0] == "请登录www.sample.org查询"
    assert fold_fullwidth("来信请寄ｘｙｚ＠ｓａｍｐｌｅ．ｎｅｔ")[0] == "来信请寄xyz@sample.net"


def test_a_stop_between_initials_in_capitals_stays_full_width() -> None:
    assert fold_fullwidth("Ｊ．Ｋ．先生")[0] == "J．K．先生"


def test_a_stop_after_a_chinese_word_is_no_address() -> None:
    assert fold_fullwidth("他说．ｏｋ")[0] == "他说．ok"
