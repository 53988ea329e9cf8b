"""quotes: double quotes of a whole paragraph pair up; printed marks win whenever the evidence is not clear."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from layoutfix import Config, clean
from layoutfix.audit import undo
from layoutfix.model import TEXT, Block, Page
from layoutfix.stages.quotes import balance_quotes, quotes


def fixed(text: str) -> str:
    return balance_quotes(text)[0]


def test_a_closing_mark_read_as_opening_after_a_full_stop_is_turned() -> None:
    # the block holding the second mark did not know a quotation was open
    assert fixed("“新校舍明年秋天启用。“校长说，工程已过半。") == "“新校舍明年秋天启用。”校长说，工程已过半。"


def test_one_wrong_mark_does_not_carry_on_through_the_paragraph() -> None:
    assert fixed("“车票已售完。“站长说，明天加开一趟”夜班“列车。") == \
        "“车票已售完。”站长说，明天加开一趟“夜班”列车。"


def test_a_mark_that_its_neighbours_place_is_turned_instead_of_a_later_one() -> None:
    assert fixed("我们强调：”禁毒”一刻不能放松。") == "我们强调：“禁毒”一刻不能放松。"


def test_well_formed_quotes_are_left_alone() -> None:
    for text in ("他说：“服务群众。”日前，“减负”工作", "“一”“二”“三”", "没有引号的段落。"):
        assert balance_quotes(text) == (text, [])


def test_a_quotation_running_on_into_the_next_paragraph_stays_open() -> None:
    assert balance_quotes("他说：“大家还得加把劲，") == ("他说：“大家还得加把劲，", [])
    # a closing mark after a comma ("…，”他说") is a weak sign, not an error: the run-on quotation stays
    assert balance_quotes("“我们要努力，”他说。“明天再来") == ("“我们要努力，”他说。“明天再来", [])


def test_a_mark_is_never_turned_against_its_own_neighbours() -> None:
    # the second mark follows '，' and so reads as opening: the pair stays unbalanced rather than guessed at
    assert balance_quotes("“甲方，“乙方”") == ("“甲方，“乙方”", [])
    new, turned = balance_quotes("他说：“好。“")
    assert new == "他说：“好。”" and [(i, b, a) for i, b, a, _ in turned] == [(6, "“", "”")]


def test_the_stage_logs_every_turned_mark_with_its_line_and_confidence() -> None:
    block = Block(0, "“新校舍明年秋天启用。“校长说。", 7, TEXT, origin=((0, 7), (6, 9)))
    page = quotes(Page("x", block.text, blocks=(block,), config=Config()))
    assert page.blocks[0].text == "“新校舍明年秋天启用。”校长说。"
    (e,) = page.edits
    assert (e.stage, e.kind, e.before, e.after, e.line, e.offset) == ("quotes", "quote", "“", "”", 9, 11)
    assert 0.5 < e.confidence <= 0.95 and e.reason
    assert undo(page.blocks[0].text, page.edits) == block.text  # the log takes the stage back exactly


def test_titles_and_other_roles_are_not_touched() -> None:
    block = Block(0, "“第一。“第二", 1, "title")
    page = quotes(Page("x", block.text, blocks=(block,), config=Config()))
    assert page.blocks == (block,) and page.edits == ()


def test_the_pipeline_joins_a_split_quotation_and_then_pairs_its_marks() -> None:
    raw = ('本报讯 校长说:"新校舍由教学楼、实验楼和体育馆组成,建筑面积两万多平方米,可容纳三千名学生就读,明年秋季\n\n'
           '开学前全部投入使用。"据介绍,工程已完成主体结构施工。\n')
    text = "".join(clean(raw).items[0].paragraphs)
    assert "投入使用。”据介绍" in text


quote_text = st.text(alphabet=st.sampled_from("“”：，。好的我们说 a1"), max_size=40)


@given(quote_text)
@settings(max_examples=300, deadline=None)
def test_balancing_is_idempotent_and_changes_only_quote_marks(text: str) -> None:
    new, turned = balance_quotes(text)
    assert fixed(new) == new
    assert len(new) == len(text)
    assert all(a == b or {a, b} == {"“", "”"} for a, b in zip(text, new))
    assert len(turned) == sum(a != b for a, b in zip(text, new))
