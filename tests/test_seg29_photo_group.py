"""seg29: the numbered captions of a photo group printed over its one credit are all its captions (review28a: the
credit took only the caption next to it, and '图①：…' stayed the article's last body paragraph). Invented text only."""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix.stages.segment.roles import PHOTO_NUMBER

_ARTICLE = ("## 古镇老街换新颜\n\n本报讯 经过半年整治，古镇老街的石板路修缮一新，沿街老屋恢复了原貌。\n\n"
            "镇里还请来老匠人，修复了街口的石牌坊。\n\n")
_PARAS = ("经过半年整治，古镇老街的石板路修缮一新，沿街老屋恢复了原貌。", "镇里还请来老匠人，修复了街口的石牌坊。")


@pytest.mark.parametrize("number", ["图①：", "图1：", "图一：", "①", "上图："])
def test_a_photo_number_opening_a_caption_is_recognised(number: str) -> None:
    assert PHOTO_NUMBER.match(number + "修缮一新的石板路。")


def test_text_opening_with_a_year_or_a_plain_word_is_no_photo_number() -> None:
    assert not PHOTO_NUMBER.match("图书馆今年新增藏书两万册。") and not PHOTO_NUMBER.match("1998年图片展开幕。")


@pytest.mark.parametrize("numbers", [("图①：", "图②："), ("图1：", "图2："), ("上图：", "下图：")])
def test_every_numbered_caption_over_one_credit_is_a_caption_and_the_body_keeps_its_paragraphs(
        numbers: tuple[str, str]) -> None:
    page = layoutfix.clean(f"{_ARTICLE}{numbers[0]}修缮一新的石板路。\n\n{numbers[1]}老匠人在修复石牌坊。\n\n本报记者 陈文 摄\n")
    assert page.items[0].paragraphs == _PARAS
    captions = "".join(c for it in page.items for c in it.captions)
    assert "石板路" in captions and "老匠人在修复" in captions

