"""inline47: a garbled copy of a phrase printed right before the phrase, inside one paragraph, is dropped by dedup.

OCR or layout sometimes prints a phrase twice in a row, the first time misread or missing a character. dedup's
`drop_garbled_doublings` removes that first copy and keeps the phrase, logging a `doubled` edit whose `before` is the
copy and the phrase and whose `after` is the phrase; parallel phrasing, figures and lists stay as printed.
(Invented text only.)
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm

MISREAD = "他说，这家工厂的技米改造已经完戍技术改造已经完成，产量提高了三成。"
MISREAD_FIXED = "他说，这家工厂的技术改造已经完成，产量提高了三成。"
LOST = "工人们正在抓紧修新的体育场正在抓紧修建新的体育场馆，预计明年完工。"
LOST_FIXED = "工人们正在抓紧修建新的体育场馆，预计明年完工。"


def _clean(text: str) -> tuple[str, list[layoutfix.Edit]]:
    out, edits = layoutfix.fix_and_explain(text)
    body = out.split("\n", 1)[1].strip()  # (after the '[1] article' line)
    return body, [e for e in edits if e.stage == "dedup" and e.kind == "doubled"]


def test_a_misread_copy_printed_right_before_its_phrase_is_dropped_and_the_phrase_kept() -> None:
    body, edits = _clean(MISREAD)
    assert body == MISREAD_FIXED
    assert [(e.before, e.after) for e in edits] == [("技米改造已经完戍技术改造已经完成", "技术改造已经完成")]
    assert "garbled copy of a phrase printed right before it" in edits[0].reason
    assert 0.6 <= edits[0].confidence <= 0.9


def test_a_copy_that_lost_one_character_inside_a_word_is_dropped() -> None:
    body, edits = _clean(LOST)
    assert body == LOST_FIXED
    assert [(e.before, e.after) for e in edits] == [("正在抓紧修新的体育场正在抓紧修建新的体育场", "正在抓紧修建新的体育场")]
    assert "lost one character inside" in edits[0].reason


def test_the_edit_replays_at_its_offset_and_the_second_copy_is_never_what_goes() -> None:
    from layoutfix.stages.dedup.doublings import drop_garbled_doublings  # (here: the other specs run without it)

    text = "小镇今年新修了农田水利设旅和乡材道路农田水利设施和乡村道路，方便了村民出行。" + MISREAD
    out, changes = drop_garbled_doublings(text, load_lm())
    replayed = text
    for off, before, after, _, _ in changes:  # each offset is where the changes before it left the text
        assert replayed[off:off + len(before)] == before
        replayed = replayed[:off] + after + replayed[off + len(before):]
    assert replayed == out == "小镇今年新修了农田水利设施和乡村道路，方便了村民出行。" + MISREAD_FIXED
    assert [c[2] for c in changes] == ["农田水利设施和乡村道路", "技术改造已经完成"]


def test_parallel_clauses_that_swap_one_character_the_same_way_twice_are_kept() -> None:
    parallel = "有的村子照搬照抄，人家干啥咱干啥，人家上啥咱上啥，结果吃了亏。"
    body, edits = _clean(parallel + MISREAD)
    assert body == parallel + MISREAD_FIXED
    assert len(edits) == 1


def test_a_numeral_lost_from_a_list_of_articles_makes_another_figure_not_a_copy() -> None:
    figures = "修改后的办法删去了第五十条、第五十一条、第五十二条和附则。"
    body, edits = _clean(figures + LOST)
    assert body == figures + LOST_FIXED
    assert len(edits) == 1


def test_a_parallel_phrase_that_adds_a_word_reads_as_well_and_stays() -> None:
    table = "表中分列从事种植业人员从事非种植业人员两项。"
    body, edits = _clean(table + LOST)
    assert body == table + LOST_FIXED
    assert len(edits) == 1


def test_a_near_repeat_after_a_mark_is_a_phrase_said_again_not_a_misread_copy() -> None:
    said_again = "会议要求各地加快建设公共服务设施。公共服务设施要向农村延伸。"
    body, edits = _clean(said_again + MISREAD)
    assert body == said_again + MISREAD_FIXED
    assert len(edits) == 1


def test_a_whole_clause_followed_by_a_parallel_clause_is_no_misread_copy() -> None:
    questions = "很多人关心，家纺业怎么办？住宅产业怎么办？"
    body, edits = _clean(questions + LOST)
    assert body == questions + LOST_FIXED
    assert len(edits) == 1
