"""dedup28: partial repeats the tuning pages still leaked (issue 5), and what must still be kept.

Invented text throughout. Shapes: a short line's copy opening the next line, read so badly that it scores
under the old bar (characters lost and swapped for ones OCR does not take them for), but opening as the line
opens.
"""
from __future__ import annotations

from layoutfix.config import Config
from layoutfix.model import Block, Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.garbled import NEXT_LINE_BAR, _copy_score, _starts_alike

ITEMS = "一是标签不全，二是重量不足。"


def _page(*texts: str) -> Page:
    raw = "\n\n".join(texts) + "\n"
    return Page(source="t", raw=raw, config=Config(), blocks=tuple(
        Block(id=i, text=t, line=2 * i + 1, origin=((0, 2 * i + 1),)) for i, t in enumerate(texts)))


def _dropped(page: Page) -> list[str]:
    return [n.text for n in page.noise]


def test_a_badly_read_copy_of_a_short_line_that_opens_as_the_line_opens_goes_to_the_noise() -> None:
    for line, copy in (("送检不合格样品有：", "送个合格样吕高："),       # a character lost, three swapped
                       ("这次送检不合格的有：", "这坎个合格的高："),
                       ("———王小兵（河南）", "———乐兵（河闲）")):       # a signature under a letter
        assert _copy_score(line, copy)[0] < NEXT_LINE_BAR[0]  # under the bar a copy needs otherwise
        out = dedup(_page("市里开展质量抽查。", line, copy + ITEMS))
        assert _dropped(out) == [copy], (line, copy)
        assert out.blocks[-1].text == ITEMS
        (edit,) = [e for e in out.edits if e.stage == "dedup"]
        assert edit.kind == "to_noise" and "alignment score" in edit.reason and edit.confidence > 0.5


def test_a_weak_copy_must_open_with_the_first_character_of_what_it_repeats_or_a_look_alike() -> None:
    assert _starts_alike("抽查不", "抽个合格")      # the same first character
    assert _starts_alike("今年六", "令年六十")      # a look-alike of it
    assert not _starts_alike("发起人", "结束人：")  # a parallel line opens with another word
    assert not _starts_alike("发起人", "")
