"""leak50: a garbled repeat of the last piece of a dump line (issue 5's `noise leaked`).

A dump line may hold two short printed lines side by side, apart by a space (a signature's first line and the
writer's title, name and date under it); `normalize` takes a space between two Chinese characters out as a wrap, so
dedup sees one line. When the page repeats the last of those printed lines, garbled, at the start of the next line,
the copy is as long as that piece and ends where it ends, not as the whole dump line does: the copy finder measured it
against the whole line and let it through as text. A copy of the last piece is now looked for too
(`garbled._CopyFinder._piece_copy`, `garbled.last_piece`), under the next line's bar and every test a copy of a short
line passes, only in the line right after, only where the dump set the copy off from what follows by a space, as it
set off the piece, and only when the copy puts look-alikes for two of the piece's characters (`garbled._misread_sign`;
a figure put for a figure is not counted: it makes another figure). It is logged as a repeat of the last piece of
that line.

The converse: a line that goes on at once from the piece's words (text about it), a second name under the same
title (even one character from the first, a look-alike: 陈/陆), opposites (上/下), another house number, and list
items or couplets whose pieces say another thing in the same shape, stay text. (A whole short line followed by the
same title with another name, '…教授赵某' / '…教授钱某 …', is taken as a garbled copy before this change and after
it: the finder's rule for short lines, not this one's.)

Found while probing the converse: the finder took the next item of a numbered list for a garbled copy of the item
before when both were short lines ('第一组 甲地代表队' / '第二组 乙地代表队 …', '甲组…' / '乙组…', '…高一二班' /
'…高一三班'). A copy whose first difference from the line puts the next member of a series for a member (digits,
Han numerals, the ten stems 甲乙丙…; `garbled._series_step`) is now the next item (`garbled._numbers_another_item`,
beside the finder's rule for a copy that opens with another figure), wherever that difference stands. Any other
figure put for a figure (第三名/第五名, 十/千) is judged as before. A true copy whose first misreading happens to
be the next figure would now be missed.

Invented pages and lines only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.model import Edit

_HEAD = ("## 怀念林某同志\n\n本报讯 林某同志离开我们已经一年了，很多朋友写来了怀念的文章，今天选登其中的两篇，"
         "以表达大家的思念之情。\n\n")
_TAIL = "\n\n他的一生是为人民服务的一生，我们永远怀念他。\n"


def _dedup_noise(first: str, second: str) -> list[Edit]:
    """The dedup edits that sent text to noise on an invented page holding the two dump lines."""
    page = layoutfix.clean(_HEAD + first + "\n\n" + second + _TAIL)
    return [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]


def _paragraphs(first: str, second: str) -> str:
    page = layoutfix.clean(_HEAD + first + "\n\n" + second + _TAIL)
    return "".join("".join(p.split()) for a in page.to_dict()["articles"] for p in a.get("paragraphs") or [])


def test_a_garbled_copy_of_the_last_piece_of_a_two_piece_line_goes_to_noise_and_the_text_after_it_stays() -> None:
    first = "深切怀念林某同志 东湖大学校长赵其平一九九八.三.二"
    second = "东潮大学校长赵其乎一九九八.三.二 我与林某同志相识于五十年前的一次会议上，那时他还很年轻。"
    edits = _dedup_noise(first, second)
    assert [e.context for e in edits] == ["东潮大学校长赵其乎一九九八。三。二"]
    assert "garbled repeat of the last piece of line 5" in edits[0].reason and 0.5 < edits[0].confidence <= 0.95
    text = _paragraphs(first, second)
    assert "东潮大学" not in text and "我与林某同志相识于五十年前" in text


def test_a_piece_copy_with_two_look_alike_misreadings_is_found() -> None:
    edits = _dedup_noise("回忆林某同志 南山县原县长钱明德一九九七.十.八",
                         "南山县原县长饯朋德一九九七.十.入 林某同志在我们县工作了整整十年，走遍了全县的每一个村庄。")
    assert [e.context for e in edits] == ["南山县原县长饯朋德一九九七。十。入"]
    assert edits[0].reason.startswith("garbled repeat of the last piece of line ")


def test_one_look_alike_in_a_piece_copy_is_chance_and_the_line_stays_text() -> None:
    # two names under one title a look-alike apart, opposites: one pair of look-alikes is no sign of misreading
    for first, second in (("本期主讲 东湖大学教授陈其平", "东湖大学教授陆明德 在会上说，林某同志是他的老师，也是他的朋友。"),
                          ("本期主讲 东湖大学教授陈其平", "东湖大学教授陆其平 在会上说，林某同志是他的老师，也是他的朋友。"),
                          ("我家住在黄土高坡 大风从坡上刮过", "大风从坡下刮过 不管是西北风还是东南风，都是我的歌。")):
        assert _dedup_noise(first, second) == [], second


def test_a_figure_put_for_a_figure_is_no_look_alike_misreading_of_a_piece() -> None:
    # another house number and one look-alike: one sign only, text; a second look-alike makes it a copy
    assert _dedup_noise("通讯地址 东湖区中山路一二八号", "东潮区中山路一三八号 也设了报名点，居民可以就近报名。") == []
    edits = _dedup_noise("通讯地址 东湖区中山路一二八号", "东潮区巾山路一三八号 也设了报名点，居民可以就近报名。")
    assert [e.context for e in edits] == ["东潮区巾山路一三八号"]


def test_a_piece_copy_is_looked_for_in_the_line_right_after_only() -> None:
    page = layoutfix.clean(_HEAD + "深切怀念林某同志 东湖大学校长赵其平一九九八.三.二\n\n一九九八年三月\n\n"
                           "东潮大学校长赵其乎一九九八.三.二 我与林某同志相识于五十年前的一次会议上，那时他还很年轻。" + _TAIL)
    assert [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"] == []


def test_last_piece_is_the_text_after_the_dump_lines_last_space_when_both_sides_hold_four_characters() -> None:
    from layoutfix.stages.dedup.garbled import last_piece
    assert last_piece("深切怀念林某同志 东湖大学校长赵其平") == len("深切怀念林某同志 ")
    assert last_piece("第一名 东湖大学校长赵其平") == 0   # a label of three characters before it: a label and its line
    assert last_piece("深切怀念林某同志 赵其平") == 0   # a name of three characters alone is no printed line of its own
    assert last_piece("深切怀念林某同志东湖大学校长赵其平") == 0   # no space, none taken out
    assert last_piece("深切怀念 东湖大学校长赵其平") == len("深切怀念 ")   # four before it are enough
    # a tail of three characters or fewer after a space stays with the piece before it
    assert last_piece("深切怀念林某同志 东湖大学校长 赵其平") == len("深切怀念林某同志 ")
    # the last space that counts decides: too little after it, and no earlier space is tried
    assert last_piece("深切怀念林某同志 东湖大学校长 ——赵某") == 0
    # a space `normalize` took out between two Chinese characters, known from its logged context
    assert last_piece("深切怀念林某同志东湖大学校长赵其平", ("林某同志 东湖大学",)) == len("深切怀念林某同志")


def test_a_line_that_goes_on_at_once_from_the_piece_is_text_about_it_however_like_the_piece_it_opens() -> None:
    first = "深切怀念林某同志 东湖大学校长赵其平一九九八.三.二"
    for second in ("东湖大学校长赵其平说，林某同志是他的老师，也是他的朋友，他们相识于五十年前。",
                   "东潮大学校长赵其乎一九九八.三.二在会上说，林某同志是他的老师。",
                   "东湖大学校长赵其乎在会上说，林某同志是他的老师，也是他的朋友。"):
        assert _dedup_noise(first, second) == [], second


def test_a_name_said_again_under_the_same_title_with_a_character_no_one_misreads_for_it_is_another_name() -> None:
    assert _dedup_noise("本期主讲 东湖大学教授赵其平",
                        "东湖大学教授钱其平 在会上说，林某同志是他的老师，也是他的朋友。") == []


def test_list_items_and_couplets_whose_pieces_say_another_thing_in_the_same_shape_stay_text() -> None:
    for first, second in (
            ("第一站 北京市东城区文化馆", "北京市西城区文化馆 第二站的活动安排在下午，参加的有两百多位市民。"),
            ("主讲人 东湖大学教授赵其平", "东湖大学副教授钱明德 主持人介绍了两位嘉宾的研究方向和主要成果。"),
            ("领队 南山县体育局局长", "南山县教育局局长 也随队前往，看望了参加比赛的学生和教练员。"),
            ("上联 春风送暖千家乐", "下联 瑞雪迎春万户欢 横批是辞旧迎新，写对联的老人已经八十多岁了。"),
            ("第一名 东湖大学代表队", "东湖中学代表队 获得第二名，南山县代表队获得第三名，比赛十分激烈。")):
        assert _dedup_noise(first, second) == [], (first, second)


def test_the_next_item_of_a_numbered_list_is_no_garbled_copy_of_the_item_before_whatever_else_it_changes() -> None:
    # (the copy finder took these for garbled copies of a short line before leak50: the first change puts the next
    # member of a series, figures or the ten stems, for a member, anywhere in the copy; `garbled._numbers_another_item`)
    for first, second in (
            ("第一组 东湖大学代表队", "第二组 南山大学代表队 比赛在下午进行，两队都派出了最强阵容。"),
            ("一等奖 东湖大学代表队", "二等奖 南山大学代表队 比赛在下午进行，两队都派出了最强阵容。"),
            ("第三名 东湖中学代表队", "第四名 南山中学代表队 比赛在下午进行，两队都派出了最强阵容。"),
            ("甲组 东湖大学代表队", "乙组 南山大学代表队 比赛在下午进行，两队都派出了最强阵容。"),
            ("东湖区第一组 东湖大学代表队", "东湖区第二组 南山大学代表队 比赛在下午进行，两队都派出了最强阵容。"),
            ("东湖中学高一二班 赵其平", "东湖中学高一三班 钱明德 在比赛中获得了第一名和第二名。")):
        assert _dedup_noise(first, second) == [], (first, second)


def test_series_step_is_the_next_member_of_digits_han_numerals_or_the_ten_stems() -> None:
    from layoutfix.stages.dedup.garbled import _series_step
    assert _series_step("1", "2") and _series_step("九", "十") and _series_step("丙", "丁")
    assert not _series_step("二", "一") and not _series_step("三", "五") and not _series_step("十", "千")
    assert not _series_step("一", "2") and not _series_step("甲", "二") and not _series_step("东", "西")


def test_a_copy_whose_first_change_puts_a_figure_other_than_the_next_is_still_judged_a_copy() -> None:
    # a list does not skip an item, nor count down: the number misread ('第三名' / '第五名', '第三组' / '第二组')
    for first, second, copy in (
            ("第三名 东湖中学代表队", "第五名 东湖中学代表队 比赛在下午进行，两队都派出了最强阵容。", "第五名东湖中学代表队"),
            ("第三组 东湖大学代表队", "第二组东潮大学代表队 比赛在下午进行，两队都派出了最强阵容。", "第二组东潮大学代表队")):
        assert [e.context for e in _dedup_noise(first, second)] == [copy], second


def test_a_garbled_copy_whose_first_change_is_no_figure_is_still_found() -> None:
    # the same list item printed again, misread, keeps its number: a copy still
    edits = _dedup_noise("第一组 东湖大学代表队", "第一组东潮大学代表队 比赛在下午进行，两队都派出了最强阵容。")
    assert [e.context for e in edits] == ["第一组东潮大学代表队"]
