"""A short piece with no clause mark keeps its spaces through normalize (a title's are segment's to read); once flow
joins it to the rest of its paragraph, its line-wrap spaces go as a body block's do, each logged at its line."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.normalize import joined_wrap_spaces


def test_wrap_spaces_of_a_joined_piece_go_and_a_slogans_stay() -> None:
    assert joined_wrap_spaces("会场里有关部 门负责人都来了") == ("会场里有关部门负责人都来了", [6])
    assert joined_wrap_spaces("大会以“同心向前 共建家园”为主题") == ("大会以“同心向前 共建家园”为主题", [])
    assert joined_wrap_spaces("参加VEX IQ比赛") == ("参加VEX IQ比赛", [])


def test_a_joined_paragraph_loses_the_wrap_space_of_its_first_piece_with_an_edit_at_that_line() -> None:
    dump = ("## 新厂房投产\n\n本报讯 今天上午，城东新厂房正式投产。\n\n"
            "陪同参观工厂的市里有关部 门和区县负责人还有:张三丰、李四、 王\n\n五六、赵七等。\n")
    page = layoutfix.clean(dump)
    assert "陪同参观工厂的市里有关部门和区县负责人还有：张三丰、李四、王五六、赵七等。" in page.items[0].paragraphs
    spaces = [e for e in page.edits if e.stage == "flow" and e.kind == "space"]
    # one edit per space removed, each at its line and its place (review25a: the log can undo them)
    assert [e.line for e in spaces] == [5, 5] and [e.before for e in spaces] == [" ", " "]
    assert all(e.offset >= 0 for e in spaces)
