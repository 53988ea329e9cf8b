"""speed38: the faster forms of dedup's tests give the answers of the forms they replace.

Each shortcut is checked against the plain reading it stands for, on invented text (no corpus or sample text).
"""
from __future__ import annotations

import random

_HAN = "某甲乙丙丁戊己庚辛壬癸子丑寅卯"


def _texts(alphabet: str, n: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


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


def test_the_clause_bodies_are_those_the_clause_pattern_finds() -> None:
    from layoutfix.stages.dedup import clauses
    assert clauses._clause_bodies("某甲走进院子，某乙笑了：好。某丙说（某丁）") == ["某甲走进院子"]
    assert clauses._clause_bodies("甲乙，丙丁戊己；庚辛壬！") == ["丙丁戊己", "庚辛壬"]  # (two characters are no clause)
    for text in _texts(_HAN + "，。；！？：（）《》 \n", 5000, 40, 6):
        assert clauses._clause_bodies(text) == clauses._CLAUSE_BODY.findall(text), text
