"""speed38: the faster forms of dedup's tests give the answers of the forms they replace.

Each shortcut is checked against the plain reading it stands for, on invented text (no corpus or sample text).
"""
from __future__ import annotations

import random

from invented import HAN as _HAN, texts as _texts


def test_a_stray_letter_is_looked_for_only_in_a_paragraph_holding_a_lower_case_letter_or_an_i() -> None:
    from layoutfix.stages.dedup import clauses
    assert clauses._may_stray("改革之I年") and clauses._may_stray("某甲a某乙") and clauses._may_stray("web站点")
    assert not clauses._may_stray("维生素C和A股") and not clauses._may_stray("某甲，某乙。") and not clauses._may_stray("")
    for text in _texts(_HAN + "aIzCA1， ", 3000, 20, 1):
        if clauses._STRAY_LETTER.search(text):
            assert clauses._may_stray(text), text  # (the shortcut never hides a stray the pattern finds)
        assert clauses._may_stray(text) == any("a" <= c <= "z" or c == "I" for c in text), text


def test_a_turned_quote_is_read_as_the_closing_one_as_the_translate_table_read_it() -> None:
    from layoutfix.stages.dedup import clauses
    assert clauses._unturned("“有了某某后") == "”有了某某后" and clauses._unturned("某甲”说") == "某甲”说"
    table = str.maketrans("“", "”")  # the first form
    for clause in _texts(_HAN + "“”‘’\"", 2000, 12, 2):
        assert clauses._unturned(clause) == clause.translate(table)


def test_the_sizes_a_copy_of_an_unmarked_line_may_have_are_read_after_each_mark_in_either_width() -> None:
    from layoutfix.stages.dedup import garbled
    from layoutfix.stages.dedup.common import content

    def by_folding(tail: str) -> set[int]:  # the first form: the tail folded to full-width marks, walked character by character
        clause = tail[max(map(tail.rfind, "，；：、")) + 1:]
        sizes = {len(content(tail)), len(content(clause))}
        folded = tail.translate(garbled._FOLD)
        for i, c in enumerate(folded):
            if c in "，；：":
                sizes.add(len(content(folded[i + 1:])))
        return {n for n in sizes if n >= 4}

    assert garbled._copy_sizes("某甲乙丙,丁戊己庚辛") == {9, 5}  # (after a half-width comma too)
    for tail in _texts(_HAN + "，；：、,;:“”!? 12", 3000, 30, 3):
        assert garbled._copy_sizes(tail) == by_folding(tail), tail


def test_a_row_copy_says_whether_it_lost_a_whole_figure_as_asking_again_would() -> None:
    from layoutfix.stages.dedup.common import _same_figures, content
    from layoutfix.stages.dedup.rows import _figure_lost, _row_copy, _row_copy_of
    j, d, lost = _row_copy_of("1988年7月", "1988年月均产量增长三成")
    assert j and lost  # (the month's figure lost whole, its unit kept)
    rng = random.Random(5)
    seen = told = 0
    for _ in range(6000):
        row = "".join(rng.choice("1234年月日") for _ in range(rng.randint(6, 12)))
        copy = list(row)
        for _ in range(rng.randint(0, 2)):  # a character lost, or one read as another
            k = rng.randrange(len(copy))
            if rng.random() < 0.5:
                del copy[k]
            else:
                copy[k] = rng.choice("1234年月日")
        text = "".join(copy) + rng.choice(("", " ", "，")) + "某甲乙丙"
        j, d, lost = _row_copy_of(row, text)
        assert (j, d) == _row_copy(row, text)
        if j:
            seen += 1
            asked = not _same_figures(row, content(text[:j])) and _figure_lost(row, content(text[:j]))
            assert lost is None or lost == asked, (row, text)
            told += lost is not None
    assert seen > 100 and told > 50  # (the flag is checked on many copies, not only left None)


def test_the_clause_bodies_are_those_the_clause_pattern_finds() -> None:
    from layoutfix.stages.dedup import clauses
    assert clauses._clause_bodies("某甲走进院子，某乙笑了：好。某丙说（某丁）") == ["某甲走进院子"]
    assert clauses._clause_bodies("甲乙，丙丁戊己；庚辛壬！") == ["丙丁戊己", "庚辛壬"]  # (two characters are no clause)
    for text in _texts(_HAN + "，。；！？：（）《》 \n", 5000, 40, 6):
        assert clauses._clause_bodies(text) == clauses._CLAUSE_BODY.findall(text), text


def test_the_digits_of_a_line_are_counted_as_the_digit_pattern_finds_them() -> None:
    from layoutfix.stages.dedup import rows
    assert rows._ascii_digits("2023年12月5日") == 7 and rows._ascii_digits("某甲") == 0
    assert rows._ascii_digits("１２3") == 1  # (a full-width digit is no ASCII digit: normalize has made them ASCII)
    for text in _texts(_HAN + "0123456789１٣ a.", 3000, 30, 7):
        assert rows._ascii_digits(text) == len(rows._DIGIT.findall(text)), text


def test_the_copy_ends_come_in_ascending_order() -> None:
    # review38b: `_garbled_prefix` stops its scan at the first end before the added text, which is right only when
    # `_copy_ends` gives its ends in ascending order, marked or not
    from layoutfix.stages.dedup.garbled import _copy_ends
    rng = random.Random(38)
    for _ in range(3000):
        tail = "".join(rng.choice(_HAN + "，。") for _ in range(rng.randint(4, 20)))
        head = "".join(rng.choice(_HAN + "，。,.") for _ in range(rng.randint(4, 40)))
        for marked in (True, False):
            ends = _copy_ends(tail, tail[-1], marked, head)
            assert ends == sorted(ends), (tail, head, marked)
