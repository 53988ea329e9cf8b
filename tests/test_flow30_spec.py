"""flow30: the spec of review ocr29 that flow now meets (moved from ocr29's `tests/test_ocr29_spec.py`, name kept).

Tesseract reads a speck before a paragraph's first character as '，' (also '、', '：', '.'): flow took every block
opening on a clause mark for the rest of a cut sentence. The trainer now puts such a stray mark before a few of its
pages' paragraphs (`flowtrain.stray_marks`) and the model reads how the text after the mark opens (`mark_open`).
Invented text only.
"""
from __future__ import annotations

import layoutfix

_TITLE = "河湾县新建三座图书馆\n\n"


def test_a_paragraph_opening_on_a_stray_clause_mark_does_not_outrank_the_true_continuation() -> None:
    # flow: Tesseract reads a speck before a paragraph's first character as '，' (also '、', '：', '.': 14 readings in
    # the two real-OCR caches; no printed line opens on a closing mark). flow takes the mark for the rest of a cut
    # sentence and joins '，记者从县文化局…' to '…方便了附近的', though the block after it ('居民读书看报。…')
    # continues the sentence. Expected: '…方便了附近的居民读书看报。…' whole; the other paragraph apart.
    page = layoutfix.clean(_TITLE + "本报讯 河湾县今年新建了三座图书馆，藏书十二万册。图书馆每天开放十二个小时，节假日也不闭馆，"
                           "方便了附近的\n\n，记者从县文化局了解到，全县今年还将建成十个农家书屋。\n\n"
                           "居民读书看报。县文化局负责人表示，将加强管理，让图书馆真正发挥作用。\n")
    (it,) = page.items
    assert it.paragraphs[0].endswith("方便了附近的居民读书看报。县文化局负责人表示，将加强管理，让图书馆真正发挥作用。")
