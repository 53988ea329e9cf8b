"""patterns: bylines, closing signatures and datelines as the press prints them, and as OCR misreads them.

Names here are invented (某甲-style placeholders or common made-up names), never a page's."""
from __future__ import annotations

import layoutfix
from layoutfix import patterns


def items(dump: str):  # type: ignore[no-untyped-def]
    return layoutfix.clean(dump).items


BODY = "标题文字\n\n入冬以来，各乡镇提前储备饲草料，确保牲畜安全越冬。\n\n"


def test_an_angle_bracket_closed_by_a_round_one_is_a_misread_round_bracket() -> None:
    # OCR reads '(' as '〈' or '《'; a title closes with its own mark, so '〈…）' is a bracket, not a title
    assert patterns.names_in("〈王建国李晓红）") == ["王建国", "李晓红"]
    assert patterns.END_BYLINE.match("〈记者 王建国）") and patterns.END_BYLINE.match("《王建国）")
    assert not patterns.END_BYLINE.match("《王建国》") and not patterns.END_BYLINE.match("〈王建国〉")
    (it,) = items(BODY + "〈王建国）")
    assert it.byline == ("王建国",) and it.paragraphs[-1].endswith("越冬。")
    assert patterns.dateline_of("据新华社北京1月5日电〈记者王建国、李晓红）今天上午") == \
        ("据新华社北京1月5日电", ["王建国", "李晓红"], 22)
    # a title in its own marks is no byline
    assert all(it.byline == () for it in items(BODY + "《王建国》"))


def test_a_lone_character_set_apart_by_a_stray_space_goes_back_into_its_name() -> None:
    assert patterns.names_in("（记者王建国、李 晓红）") == ["王建国", "李晓红"]  # joined to the run after it
    assert patterns.names_in("（王建国李晓红张明 华）") == ["王建国", "李晓红", "张明华"]  # to a glued run before
    # and the lead-in is lifted whole, the dateline with it
    assert patterns.dateline_of("新华社北京1月3日电（记者王建国、李 晓红）今天") == \
        ("新华社北京1月3日电", ["王建国", "李晓红"], 22)
    (it,) = items(BODY + "（王建国李晓红张明 华）")
    assert it.byline == ("王建国", "李晓红", "张明华") and it.paragraphs[-1].endswith("越冬。")
    # a lone character after a short name is no part of it: '某某 摄' is a credit, not the name 某某摄
    assert patterns.names_in("本报记者 王建 摄") == ["王建"] and not patterns.only_names("本报记者 王建 摄")
    assert patterns.names_in("（新华社记者王建国摄）") == ["王建国"]


def test_two_short_names_glued_beside_other_names_are_cut_unless_a_compound_surname_opens_them() -> None:
    # the guard is a surname statistic (compound surnames open a large share of their first character's
    # names), not every head of a dictionary name: 王明 heads names such as 王明某, yet 王明李华 is two names
    assert "欧阳" in patterns.compound_surnames() and "司马" in patterns.compound_surnames()
    assert "王明" not in patterns.compound_surnames()
    assert patterns.pair_glued("王明李华") and not patterns.pair_glued("欧阳李华")
    assert patterns.names_in("（记者 王明李华 张建国）") == ["王明", "李华", "张建国"]
    assert patterns.names_in("（记者 欧阳李华 张建国）") == ["欧阳李华", "张建国"]


def test_one_glued_names_shape_serves_the_splitter_and_the_closing_line_check() -> None:
    # runs that surname-led pieces of 2 or 3 characters tile exactly are glued names ...
    assert patterns.glued_names("王建国李晓红") and patterns.glued_names("王明李华")
    assert patterns.glued_names("王建国李晓红张明华")  # three of them too
    # ... a single long name, a short run, a note are not
    assert not patterns.glued_names("乌云其其格") and not patterns.glued_names("王明")
    assert not patterns.glued_names("某某社发塔斯社照片")
    # whatever split_glued then trusts: a tie leaves the run uncut, yet it is still glued names
    for run in ("王建国李晓红", "王明李华", "王建国李晓红张明华"):
        cut = patterns.split_glued(run)
        assert cut is None or "".join(cut) == run


def test_a_bare_line_of_names_under_a_title_opens_with_surnames_else_it_is_debris() -> None:
    assert patterns.surname_led("王建国 李晓红") and patterns.surname_led("张明")
    assert not patterns.surname_led("队伍 分求")  # 队 and 分 open no name: OCR scraps
    body = "\n\n今年以来，各地提前储备饲草料，确保牲畜安全越冬，各方面情况总体平稳。\n\n牧民们说，今年冬天的准备比往年充分。"
    page = layoutfix.clean("某某会议召开\n\n队伍 分求" + body)
    (it,) = page.items
    assert it.byline == () and "队伍 分求" not in it.paragraphs
    assert [n.text for n in page.noise] == ["队伍 分求"]  # kept as noise, not dropped


def test_names_with_a_note_word_glued_after_them_are_a_credit_note_not_a_byline() -> None:
    # the note is a two-character dictionary word that is no name and ends none; what comes before it
    # cuts into names: the run is a note ('supplied by ...'), where split_glued alone would cut 王明李|华供稿
    assert patterns.note_after_names("王明李华供稿") and patterns.note_after_names("张建国整理")
    assert patterns.split_glued("王明李华供稿") is None and patterns.names_in("（王明李华供稿）") == []
    # a given name that is a word ends dictionary names (王建国): still names
    assert not patterns.note_after_names("李晓红王建国")
    assert patterns.names_in("（李晓红王建国）") == ["李晓红", "王建国"]
    (it,) = items(BODY + "（王明李华供稿）")
    assert it.byline == () and it.paragraphs[-1] == "（王明李华供稿）"


def test_a_credit_mark_before_a_separator_is_no_part_of_the_name() -> None:
    assert patterns.names_in("王伟摄，") == ["王伟"]
    assert patterns.names_in("（王伟摄，）") == ["王伟"]


def test_a_glued_closing_line_of_six_characters_needs_its_stray_character() -> None:
    assert not patterns.GLUED_END_BYLINE.match("（国务院办公厅）")
    assert patterns.GLUED_END_BYLINE.match("（某甲某某乙某 丙）")


def test_line_wrap_spaces_inside_a_byline_printed_without_spaces_are_no_separators() -> None:
    # a printer who glues names to the role word spaces no name: a space setting one character apart is
    # where a narrow column wrapped the line, inside a name, an outlet or the role word itself
    assert patterns.names_in("本报记者王 建国李晓红") == ["王建国", "李晓红"]
    assert patterns.names_in("（解 放军报记者王建国、新华社记者李晓 红）") == ["王建国", "李晓红"]
    assert patterns.names_in("新华社通讯员王建国新华 社记者李晓红") == ["王建国", "李晓红"]
    assert patterns.dateline_of("据新华社某地1月8日电〈记 者王建国、李晓红）今天上午") == \
        ("据新华社某地1月8日电", ["王建国", "李晓红"], 23)
    assert patterns.dateline_of("本报讯记者王建 国报道：今天上午") == ("本报讯", ["王建国"], 12)
    # spaces between longer runs stay separators, and a byline that spaces its names keeps them all
    assert patterns.names_in("记者欧阳明华 李明") == ["欧阳明华", "李明"]
    assert patterns.unwrap("●本报记者 王建国 李晓红") == "●本报记者 王建国 李晓红"


def test_four_characters_glued_to_the_role_word_are_two_names_unless_a_compound_surname_opens_them() -> None:
    assert patterns.names_in("新华社记者王明李华") == ["王明", "李华"]
    assert patterns.names_in("新华社记者欧阳明华") == ["欧阳明华"]
    # with no role word and no other name beside it, four characters stay one name
    assert patterns.names_in("（王明李华）") == ["王明李华"]
    (it,) = items("标题文字\n\n新华社记者王明李华\n\n入冬以来，各乡镇提前储备饲草料，确保牲畜安全越冬。\n\n")
    assert it.byline == ("王明", "李华")


def test_a_paper_before_the_role_word_is_an_outlet_but_a_sentence_about_a_reporter_is_no_byline() -> None:
    assert patterns.names_in("某某日报记者王建国新华社记者李晓红张明华") == ["王建国", "李晓红", "张明华"]
    assert patterns.is_byline("某某日报记者王建国新华社记者李晓红张明华")
    # a bare '…报' is no outlet: 接受本报记者采访, 通报, 举报 end in 报 too (review9c: such body lines became bylines)
    for line in ("受本报记者采访时表示", "向媒体通报记者会情况", "举报记者张明", "据报记者调查"):
        assert not patterns.is_byline(line), line


def test_a_closing_name_with_a_one_character_note_verb_or_an_agency_note_is_a_credit_not_a_byline() -> None:
    # '摘' (excerpted), '作' (made by): common verbs of the dictionary that end almost no name
    assert "摘" in patterns._note_chars() and "作" in patterns._note_chars()
    assert "国" not in patterns._note_chars() and "华" not in patterns._note_chars()
    assert patterns.names_in("（王明摘）") == [] and patterns.names_in("（李华作）") == []
    assert patterns.names_in("（新华社稿）") == []
    assert patterns.names_in("（王建国）") == ["王建国"]  # an ordinary closing name
    (it,) = items(BODY + "（王明摘）")
    assert it.byline == () and it.paragraphs[-1] == "（王明摘）"  # kept as the article's last line


def test_a_role_words_last_character_left_before_a_name_is_no_part_of_it() -> None:
    # OCR dropped 记 from 本报记者: 者 opens no dictionary name, so it is what is left of the role word
    assert patterns.names_in("本报者王建国") == ["王建国"]
    assert patterns.names_in("本报记者王建国") == ["王建国"]


def test_a_date_digit_misread_as_a_mark_or_letter_is_put_right_in_the_dateline() -> None:
    # ']' and 'i' are look-alikes of 1 in the glyph table (no other digit as close): the fix is logged
    got = patterns.fuzzy_dateline_of("据新华社某地]月8日电（记者王建国）今天上午")
    assert got is not None and got[:2] == ("据新华社某地1月8日电", ["王建国"]) and got[3] == (6, "]", "1")
    assert patterns.fuzzy_dateline_of("新华社某地i月8日电今天上午")[0] == "新华社某地1月8日电"
    # 'S' is as like 5 as 8: it stands for no digit
    assert patterns.fuzzy_dateline_of("新华社某地S月8日电今天上午") is None
    page = layoutfix.clean("标题文字\n\n据新华社某地]月8日电（记者王建国）入冬以来，各乡镇提前储备饲草料，确保牲畜安全越冬。\n")
    (it,) = page.items
    assert it.dateline == "据新华社某地1月8日电" and it.byline == ("王建国",)
    assert any(e.before == "]" and e.after == "1" for e in page.edits) and not page.unaccounted()


def test_a_credit_mark_set_apart_before_the_next_credit_is_no_wrapped_character_of_a_name() -> None:
    from layoutfix import patterns as P
    # '文' (text by) before the next name and its credit, or before '/图': a mark, not a name's last character
    assert P.names_in("本报记者某甲 文 某乙 摄") == ["某甲", "某乙"]
    assert P.names_in("（本报记者某甲 文　某乙摄）") == ["某甲", "某乙"]
    assert P.names_in("本报记者 张某 文 李某 摄") == ["张某", "李某"]
    assert P.names_in("本报记者某甲 文/图") == ["某甲"]
    # alone at the end it may be a wrapped name's last character, and is read so, as before
    assert P.names_in("新华社记者某甲 文") == ["某甲文"]
    assert P.names_in("记者某甲、某某 乙") == ["某甲", "某某乙"]


def test_the_text_before_a_photo_credit_is_the_writer_s_byline_only_with_a_role_word_and_a_set_apart_mark() -> None:
    from layoutfix.patterns import split_credit, writer_before_credit

    def credited(line: str) -> bool:
        split = split_credit(line)
        return bool(split) and writer_before_credit(split[0])

    assert credited("本报记者张明 文 李华 摄") and credited("记者王刚 文  本报记者赵强 摄")
    assert not credited("张明 文 李华 摄")  # no role word: '张明文' may be one wrapped name
    assert not credited("某地风光 文 李华 摄")  # a caption before the credit
    assert not credited("本报记者张明 李华 摄")  # a photo credit of two photographers
    assert not credited("他说这是文 李华 摄") and not credited("本报记者张明 文")


def test_a_bare_name_with_the_picture_mark_before_a_photo_credit_makes_one_byline_line() -> None:
    from layoutfix.patterns import names_in, split_credit, writer_before_credit

    def credited(line: str) -> bool:
        split = split_credit(line)
        return bool(split) and writer_before_credit(split[0])

    # '图' set apart after a name that opens with a surname: who drew it and who took the picture
    assert credited("张明 图 李华 摄") and names_in("张明 图 李华 摄") == ["张明", "李华"]
    assert not credited("张明 文 李华 摄")  # '文' may be a wrapped name's last character ('张明文')
    assert not credited("春天来了 图 李华 摄")  # a caption, no name before the mark
    assert not credited("欢乐 图 李华 摄")  # a word that opens with no surname


def test_a_byline_may_close_with_the_writer_s_mark_which_is_no_part_of_the_name() -> None:
    from layoutfix.patterns import is_byline, names_in
    for line in ("本报记者王刚撰 文", "本报记者 王刚撰文", "本报记者 王刚 撰文", "●本报记者 王刚 撰 文"):
        assert is_byline(line), line
        assert names_in(line) == ["王刚"], line
    # a sentence that says someone wrote something is no byline
    assert not is_byline("本报记者王刚撰文介绍了这里的变化。") and not is_byline("他撰文说")


def test_the_writer_s_mark_between_a_writer_and_a_photographer_is_no_name() -> None:
    from layoutfix.patterns import names_in
    for line in ("王小明 撰文 李大伟 摄", "王小明撰文 李大伟 摄", "王小明 撰 文 李大伟摄", "本报记者 王小明 撰文 李大伟 摄"):
        assert names_in(line) == ["王小明", "李大伟"], line
    # a name that ends in 文 keeps it: only the two-character mark is taken out
    assert names_in("王小文 李大伟 摄") == ["王小文", "李大伟"]


def test_a_writer_s_mark_printed_with_a_wrap_space_reads_the_same_before_a_credit_and_at_the_line_s_end() -> None:
    from layoutfix.patterns import _positions, names_in
    # '撰 文' glued to a name is the mark '撰文' wrapped, whatever follows: 撰 ends no dictionary name
    assert _positions()[2].get("撰", 0) == 0
    assert names_in("本报记者王小撰 文") == ["王小"]
    assert names_in("本报记者王小撰 文 李大伟 摄") == ["王小", "李大伟"]
    assert names_in("王小撰 文 李大伟 摄") == ["王小", "李大伟"]
    assert names_in("本报记者王小撰文 李大伟 摄") == ["王小", "李大伟"]  # the glued mark '撰文' is no part of it
    # a name that ends in 文 keeps it: only a '文' set apart before the next credit is the mark
    assert names_in("王小文 李大伟 摄") == ["王小文", "李大伟"]
    assert names_in("王小 文 李大伟 摄") == ["王小", "李大伟"]


def test_the_photographer_after_a_writer_s_mark_and_a_slash_is_a_name_of_the_byline() -> None:
    from layoutfix.patterns import names_in
    assert names_in("记者王小 文/李大伟 摄") == ["王小", "李大伟"]
    assert names_in("本报记者王小明 文／李大伟 摄") == ["王小明", "李大伟"]
    assert names_in("王小明 文/图") == ["王小明"]  # one person credited for text and picture


def test_a_byline_with_the_writer_s_mark_leaves_the_name_and_the_body_in_place() -> None:
    import layoutfix
    dump = "\n\n".join(["山村的早晨", "本报记者 王刚撰 文", "天还没亮，山村小学的老师就起床了，他要走十几里山路去接学生。"])
    (it,) = layoutfix.clean(dump).items
    assert (it.headline, it.byline) == ("山村的早晨", ("王刚",))
    assert it.paragraphs == ("天还没亮，山村小学的老师就起床了，他要走十几里山路去接学生。",)
    dump = "\n\n".join(["山里的路", "张明 图 李华 摄", "今天，山里的路修好了，村里的孩子们再也不用走泥泞的小路去上学了。"])
    (it,) = layoutfix.clean(dump).items
    assert (it.kind, it.byline) == ("article", ("张明", "李华"))
    assert it.paragraphs == ("今天，山里的路修好了，村里的孩子们再也不用走泥泞的小路去上学了。",)


def test_a_dateline_of_china_news_service_s_web_outlets_is_read() -> None:
    from layoutfix.patterns import dateline_of
    assert dateline_of("中新网北京1月5日电（记者 陈小雨）今年以来，全县新建大棚两千余座。")[:2] == ("中新网北京1月5日电", ["陈小雨"])
    assert dateline_of("中国新闻网上海3月2日电 今年以来")[0] == "中国新闻网上海3月2日电"


def test_every_role_and_name_before_baodao_is_the_byline() -> None:
    from layoutfix.patterns import dateline_of
    assert dateline_of("本报讯 记者陈小雨 通讯员程一帆 报道：今年以来")[1:] == (["陈小雨", "程一帆"], 20)
    assert dateline_of("本报讯 通讯员程一帆报道：今年以来")[1] == ["程一帆"]
    assert dateline_of("本报讯 记者说：今年以来")[1] == []  # no 报道 after the names: no byline


def test_a_writer_s_text_and_picture_mark_names_no_one() -> None:
    from layoutfix.patterns import names_in
    assert names_in("记者王某 文/图 李某 摄") == ["王某", "李某"]  # review15b: '图' glued to the next name


def test_a_writers_unit_printed_before_the_name_is_no_name() -> None:
    # review16b: '作者：某某大学 林一' gave the unit as a byline name; a run ending like jieba's organisation
    # names (大学, 研究所, 公司) is the unit, the name after it stays
    assert patterns.names_in("作者：东山大学 林一") == ["林一"]
    assert patterns.names_in("（南湖市第一医院 王建国）") == ["王建国"]
    assert patterns.unit_name("东山大学") and patterns.unit_name("南湖研究所")


def test_a_name_that_merely_ends_in_a_common_word_is_still_a_name() -> None:
    # counter-examples: names of two to four characters, and a four-character run whose ending also ends
    # many person names (文学), are not units
    assert patterns.names_in("本报记者 欧阳山尊 王建国") == ["欧阳山尊", "王建国"]
    assert not patterns.unit_name("林文学") and not patterns.unit_name("李文学家") and not patterns.unit_name("大学")
