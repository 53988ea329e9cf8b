"""segment: on a page that sets its items apart by wide gaps (two or more blank lines), body text after such a
gap under body text opens an item of its own (an untitled brief), and nowhere else."""
from __future__ import annotations

import layoutfix

_TITLE = "公园建设见成效"
_P1 = "今年县里新建三座公园，居民休闲有了好去处，周末游人不断。"
_P2 = "公园里种上了各色花木，县里还请来园艺师傅定期养护。"
_BRIEF = "某省气象台昨日发布消息说，未来三天全省大部有小到中雨，气温略有回落。"
_NEXT = "某乡农民办起合作社"
_P3 = "去年秋天，某乡十几户农民办起蔬菜合作社，今年收入比往年多了两成。"


def _items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


def test_body_text_after_a_wide_gap_opens_an_untitled_item() -> None:
    dump = f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n\n\n{_BRIEF}\n\n\n\n{_NEXT}\n\n{_P3}\n"
    first, brief, last = _items(dump)
    assert (first.headline, first.paragraphs) == (_TITLE, (_P1, _P2))
    assert (brief.headline, brief.paragraphs) == (None, (_BRIEF,))
    assert (last.headline, last.paragraphs) == (_NEXT, (_P3,))


def test_one_blank_line_between_paragraphs_keeps_them_in_one_item() -> None:
    # the same page with the brief printed one blank line under the paragraph before: no evidence of a new item
    dump = f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{_BRIEF}\n\n\n\n{_NEXT}\n\n{_P3}\n"
    first, last = _items(dump)
    assert first.paragraphs == (_P1, _P2, _BRIEF)
    assert last.headline == _NEXT

