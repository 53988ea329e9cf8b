"""quotes: 'a tie keeps what was printed' (README, quotes' docstring). The cheapest reading can tie with the printed
one while differing from it; then nothing is turned. No test held this: with `margin <= 0` made `margin < 0`
tests/test_quotes.py stayed green (review19a). Invented text."""
from __future__ import annotations

from layoutfix.stages.quotes import turned_quotes


def test_a_reading_that_only_ties_with_the_printed_marks_turns_nothing() -> None:
    # a paragraph that ends on an opening mark (a quotation running into the next paragraph): turning it to a
    # closing mark costs the same, so the printed mark stays
    assert turned_quotes("河湾县图书馆的新书今天开放”，“") == []


def test_a_reading_clearly_cheaper_than_the_printed_marks_turns_them() -> None:
    # the counter-example: a second opening mark right after a stop, with the quotation open, is a closing one
    assert [(i, d) for i, d, _ in turned_quotes("馆长说：“新书今天开放。“读者很多。")] == [(12, "”")]
