"""Specification: a unit's credit note names no one (patterns.names_in, commit 23e1534).

23e1534 skips a run that ends like an organisation ('某某大学') before the credit-note test, so in a unit's
credit note printed with a space ('（某某大学 供稿）') the credit word itself is left as the only "name":
names_in gives ['供稿'] (7802371 gave []), and in the pipeline an article closing with the line gets the
byline ('供稿',) while '（东山大学' and '）' are dropped from its text as byline edits; the same line above the
body splits the article (an item with no headline). Invented text.
"""
import pytest

import layoutfix
from layoutfix import patterns


@pytest.mark.parametrize("line", ["（东山大学 供稿）", "东山大学 供稿", "（南湖电视台 提供）", "东山大学 林一 供稿",
                                  "（东山大学 林一 整理）", "（东山大学 宣传部 供稿）"])
def test_a_credit_word_after_a_unit_is_no_name(line: str) -> None:
    assert not ({"供稿", "提供", "整理"} & set(patterns.names_in(line)))


BODY = "今年以来，某县农民依靠科技发展大棚蔬菜，人均收入比去年增加了三百多元。"
BODY2 = "某市今年新建了十二所希望小学，让两千多名山区孩子走进了宽敞明亮的教室。"


def test_a_units_credit_note_closing_an_article_is_no_byline() -> None:
    page = layoutfix.clean("\n\n".join(["大棚蔬菜鼓起农民钱袋", BODY, "（东山大学 供稿）", "希望小学建起来", BODY2]))
    first = page.items[0]
    assert "供稿" not in first.byline
    assert any("东山大学" in p for p in first.paragraphs) or "东山大学" in "".join(first.byline)


def test_a_units_credit_note_over_the_body_does_not_split_the_article() -> None:
    page = layoutfix.clean("\n\n".join(["大棚蔬菜鼓起农民钱袋", "（东山大学 供稿）", BODY]))
    assert [a.headline for a in page.items] == ["大棚蔬菜鼓起农民钱袋"]


@pytest.mark.parametrize("line,names", [("记者 高峰", ["高峰"]), ("（林一 高峰）", ["林一", "高峰"]),
                                        ("本报记者 林一 整理", ["林一"])])
def test_a_name_that_is_also_a_word_stays_a_name_and_a_role_keeps_the_names_before_a_note(line: str,
                                                                                          names: list[str]) -> None:
    # counter-examples: 高峰 is a common word, but a surname opens it; with a role word the note is skipped
    assert patterns.names_in(line) == names
