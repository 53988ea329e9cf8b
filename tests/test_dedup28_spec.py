"""dedup28: partial repeats the tuning pages still leaked (issue 5), and what must still be kept.

Invented text throughout. Shapes: a short line's copy opening the next line, read so badly that it scores
under the old bar (characters lost and swapped for ones OCR does not take them for), but opening as the line
opens; a short clause printed again, verbatim, as the paragraph's last sentence.
"""
from __future__ import annotations

from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.model import Block, Page
from layoutfix.stages.dedup import dedup, split_repeated_clause
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


# -- a short sentence printed again as the paragraph's last ---------------------------------------------------

def _clauses_dropped(text: str) -> list[str]:
    return [text[b:e] for b, e in split_repeated_clause(text, load_lm(None))]


def test_a_short_clause_printed_again_as_the_paragraph_s_last_sentence_is_a_misprint() -> None:
    for text, copy in (("小镇能走出困境，靠的是什么？是外来的投资，还是自己的苦干？答案早已写在街头。靠的是什么？", "靠的是什么？"),
                       ("引进的品种在本地长势不好。怎么办？他决定自己育种，一干就是五年。怎么办？", "怎么办？"),
                       ("孩子们在广场上放飞风筝，祝愿来年丰收。这是当地的老习俗。祝愿来年丰收。", "祝愿来年丰收。")):
        assert _clauses_dropped(text) == [copy], text
        out = dedup(_page("本报讯", text))
        assert out.blocks[-1].text == text[:-len(copy)]
        assert [n.text for n in out.noise] == [copy]


def test_a_paragraph_closing_on_a_clause_it_said_before_inside_a_sentence_keeps_it() -> None:
    # parallel sentences close alike ('…，已全部追缴。…，已全部追缴。'): the last copy closes a clause, not a sentence
    # of its own; and a short question asked at the start and again at the end inside a sentence is kept too
    for text in ("某甲挪用公款三万元，已全部追缴。某乙侵吞公款五千元，已全部追缴。",
                 "怎么办？大家议了一晚上，最后还是那句话，怎么办？",
                 "怎么办？怎么办？"):  # said twice in a row, nothing between: emphasis
        assert _clauses_dropped(text) == [], text
    # and the misprint with the same closing sentence is still found (what this spec adds)
    assert _clauses_dropped("某甲挪用公款三万元。怎么办？大家议了一晚上。怎么办？") == ["怎么办？"]


# -- the tally --------------------------------------------------------------------------------------------------

def test_the_tally_names_each_missed_repeat_each_wrong_drop_and_each_leaked_noise_line() -> None:
    from pathlib import Path

    from benchmarks.corpora import Case
    from benchmarks.dedup_tally import page_report
    from layoutfix.model import Edit

    raw = "甲乙丙丁戊己庚辛。\n\n甲乙丙丁戊己庚辛。\n\n另一行的文字写在这里。\n\n乱码乱码一行\n"
    gold = {"articles": [{"paragraphs": ["甲乙丙丁戊己庚辛。", "另一行的文字写在这里。"]}],
            "noise": ["乱码乱码一行"]}
    defects = [{"type": "duplicate", "line": 3, "of_line": 1}, {"type": "partial_repeat", "line": 7, "of_line": 5}]
    case = Case("t", "000", Path("000.txt"), raw.encode(), gold, defects)
    edits = [Edit("dedup", "duplicate", "甲乙丙丁戊己庚辛。", "", 3, 1.0, "repeats", ""),
             Edit("dedup", "to_noise", "", "", 5, 0.7, "clause printed again", "另一行")]
    pred = {"articles": [{"paragraphs": ["甲乙丙丁戊己庚辛。", "另一行的文字写在这里。乱码乱码一行"]}]}
    t, lines = page_report(case, edits, pred)
    # line 5's drop is counted against the partial repeat (either line repairs it), as the benchmark counts it
    assert (t["dedup_gold"], t["dedup_tp"], t["miss"], t["wrong"], t["noise_leaked"]) == (2, 2, 0, 0, 1)
    assert [x.split()[0] for x in lines] == ["LEAK"]
    t, lines = page_report(case, edits[:1] + [Edit("dedup", "to_noise", "", "", 9, 0.7, "x", "y")], pred)
    assert (t["dedup_tp"], t["miss"], t["wrong"]) == (1, 1, 1)
    assert sorted(x.split()[0] for x in lines) == ["LEAK", "MISS", "WRONG"]
