"""review14b: behaviour of session 14's rules that no test pinned (invented text only)."""
from layoutfix.stages.glyphs import fix_text
from layoutfix.stages.segment.items import runs_across_clauses


def test_the_leading_zero_guard_leaves_a_letter_at_a_number_s_end_to_be_read_as_a_digit() -> None:
    # the guard is about a 0 that would OPEN a number; a letter at its end is still a misread digit
    assert fix_text("今年共有2O家企业参加。")[0] == "今年共有20家企业参加。"


def test_a_sentence_mark_at_the_end_or_inside_closing_quotes_is_no_clause_break() -> None:
    # only a mark before the last character (closing quotes and brackets set aside) makes a piece run across clauses
    assert not runs_across_clauses("某某喜迎新年。")
    assert not runs_across_clauses("某某喜迎新年。”")
    assert not runs_across_clauses("某某喜迎新年！）")
    assert runs_across_clauses("某某喜迎新年，群众笑开颜。")
    assert runs_across_clauses("任务，会议要求各地抓好落实")
