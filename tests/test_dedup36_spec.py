"""dedup (session 36): a garbled copy that is all its line holds but a stray number; what stays: a refrain printed
twice in a row, a short clause a sentence opens on said again inside that sentence. Invented text only."""
from __future__ import annotations

from dataclasses import replace

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clauses import _clause_repeats
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str) -> Page:
    return dedup(normalize(read(dump, Config())))


def dedup_edits(page: Page) -> list:  # type: ignore[type-arg]
    return [e for e in page.edits if e.stage == "dedup"]


# --- a garbled copy of the line's last clause, then only a stray page or column number -------------------------

def test_a_garbled_copy_followed_only_by_a_stray_number_goes_to_noise() -> None:
    page = run("她用一句话，概括了近三十年的风雨和坎坷。\n\n概括不近三十杂的风雨利坎。 3\n")
    assert [n.text for n in page.noise] == ["概括不近三十杂的风雨利坎。"]
    assert [b.text for b in page.blocks] == ["她用一句话，概括了近三十年的风雨和坎坷。", "3"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and edit.line == 3 and 0 < edit.confidence < 1 and "garbled repeat" in edit.reason


def test_a_line_saying_the_clause_otherwise_before_a_stray_number_stays() -> None:
    # a parallel line that swaps words reads on its own: no copy, whatever follows it
    dump = "她用一句话，概括了近三十年的风雨和坎坷。\n\n概括了近三十年的欢乐和希望。 3\n"
    page = run(dump)
    assert not page.noise and not dedup_edits(page)


def test_more_than_a_stray_after_a_copy_is_still_asked_to_be_new_text() -> None:
    # after the copy's mark a closing bracket or a lone mark is no new text and no stray number: nothing is cut
    page = run("她用一句话，概括了近三十年的风雨和坎坷。\n\n概括不近三十杂的风雨利坎。）\n")
    assert not page.noise and not dedup_edits(page)


# --- a line printed twice in a row: a song's refrain, kept ---------------------------------------------------

def test_a_refrain_printed_twice_in_a_row_stays() -> None:
    # a verse or lyric page prints its refrain twice in a row on purpose; no rule that reads only the text tells it
    # from a column line the press printed again (review36b: a rule that took the second copy dropped these)
    import layoutfix

    refrain = "山里的孩子爱唱歌，唱给远方的亲人听"
    dump = f"春天的歌\n\n{refrain}\n{refrain}\n溪水绕着村子流过\n燕子回到屋檐下\n"
    page = layoutfix.clean(dump.encode("utf-8"))
    assert not [e for e in page.edits if e.stage == "dedup" and e.kind == "duplicate"]
    assert "\n".join(b.text for b in page.blocks).count(refrain) == 2


# --- a short clause that opens a sentence, printed again inside the same sentence ------------------------------

def test_a_short_clause_opening_a_sentence_said_again_inside_it_stays() -> None:
    # rhetoric says a sentence's opening clause again after a comma just as a misprint copies it; no rule that reads
    # only the text tells the two apart, so the clause stays (review36b: a rule that took the copy dropped all these)
    lm = load_lm()
    kept = (
        "我爱我的家乡，爱家乡的山，爱家乡的水，我爱我的家乡，更爱家乡的人。",
        "她是一位好老师，对学生关怀备至，她是一位好老师，也是一位好母亲。",
        "路上的行人很多，有的骑车，有的步行，路上的行人很多，但秩序井然。",
        "这是一条幸福路，这是一条致富路，这是一条幸福路，也是一条连心路。",
    )
    for para in kept:
        assert _clause_repeats(para, lm)[0] == [], para
        page = run(para)
        assert [b.text for b in page.blocks] == [para] and not page.noise, para


def test_a_sentence_opening_clause_said_again_elsewhere_or_setting_a_scene_stays() -> None:
    lm = load_lm()
    kept = (
        # taken up again in a later sentence: said on purpose
        "他生长在海岛，熟悉潮水的脾气。大家都知道，他生长在海岛，知道哪里鱼多。",
        # a scene (a time or place word ends the clause) set again inside the sentence
        "前年冬天我们去了渔村。春节期间，商场延长了营业时间，春节期间，超市也不打烊。",
        # a frame (a verb that takes what follows)
        "前年冬天我们去了渔村。大家都知道，渔民很辛苦，大家都知道，出海有风险。",
    )
    for para in kept:
        assert _clause_repeats(para, lm)[0] == [], para
        page = run(para)
        assert [b.text for b in page.blocks] == [para] and not page.noise, para


# --- a badly garbled copy of a long last clause whose first characters are lost -------------------------------

LONG_CLAUSE = "今年春天，县农机站站长助理赵立新和河湾镇驻县城联络处主任孙明远等人参加了开工仪式。\n\n"
AFTER = "工程预计明年五月完工，届时将方便沿线三万多群众出行。\n"


def test_a_badly_garbled_copy_of_a_long_clause_that_lost_its_start_goes_to_noise() -> None:
    # the clause is cut to its last 24 characters; the copy lost two of them at its start and misread the next four:
    # aligned from the cut clause's start the two lost ones fall after the misread run (a word left out), aligned
    # from a character or two later they are where the copy starts
    copy = "的拉声足联处主仕孙明远等人爹旭了开工仪式。"
    page = run(LONG_CLAUSE + copy + AFTER)
    assert [n.text for n in page.noise] == [copy]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "badly garbled repeat" in edit.reason and 0 < edit.confidence < 1
    assert page.blocks[-1].text == AFTER.strip()


def test_a_sentence_restating_a_long_clause_stays() -> None:
    page = run(LONG_CLAUSE + "县交通局局长和河湾镇镇长等人也参加了开工仪式。" + AFTER)
    assert not page.noise and not dedup_edits(page)


# --- a function word read as a look-alike that makes a word with its neighbour -------------------------------

def test_a_copy_that_reads_a_particle_as_a_look_alike_forming_a_word_goes_to_noise() -> None:
    # 了 (a particle) read as its look-alike 子: 多子 is a dictionary word and the copy reads about as fluently, but a
    # line said otherwise puts a word of the particle's own kind there
    page = run("路修好以后，村民进城方便多了，运菜的费用也省多了。\n\n运菜的费用也省多子。新的一年里，村里还要办一所幼儿园。\n")
    assert [n.text for n in page.noise] == ["运菜的费用也省多子。"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "garbled repeat" in edit.reason and 0 < edit.confidence < 1


def test_a_line_that_swaps_a_pronoun_for_a_pronoun_stays() -> None:
    dump = "今年村里修了路，通了电，他们的日子越过越好了。\n\n我们的日子越过越好了。新的一年里，村里还要办一所幼儿园。\n"
    page = run(dump)
    assert not page.noise and not dedup_edits(page)


# --- a clause printed once with Tesseract's hyphen for 一 and once as printed ---------------------------------

def test_a_clause_copy_read_once_with_a_hyphen_for_yi_is_still_a_copy() -> None:
    para = "孩子们在前面带路，穿过-座小桥，走上山坡，穿过一座小桥，来到村里的小学。"
    page = run(para)
    assert [b.text for b in page.blocks] == ["孩子们在前面带路，穿过-座小桥，走上山坡，来到村里的小学。"]
    assert [n.text for n in page.noise] == ["穿过一座小桥，"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "clause printed again" in edit.reason


def test_a_hyphen_between_words_that_differ_otherwise_makes_no_copy() -> None:
    # the hyphen stands for 一 only: the clauses must agree everywhere else
    para = "孩子们在前面带路，穿过-座小桥，走上山坡，穿过两座小桥，来到村里的小学。"
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise


# --- a full stop Tesseract read as 'o' or '=' -----------------------------------------------------------------

def test_a_clause_printed_again_after_a_stop_read_as_o_is_a_copy() -> None:
    para = "去年全县喜获丰收，今年全县粮食总产达到八亿斤，增收两成o今年全县粮食总产达到八亿斤，是历史最好水平。"
    page = run(para)
    assert [n.text for n in page.noise] == ["今年全县粮食总产达到八亿斤，"]
    assert [b.text for b in page.blocks] == ["去年全县喜获丰收，今年全县粮食总产达到八亿斤，增收两成o是历史最好水平。"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "clause printed again" in edit.reason


def test_a_stop_read_as_o_makes_no_copy_of_its_own() -> None:
    para = "去年全县喜获丰收，今年全县粮食总产达到八亿斤o比上年增收两成，是历史最好水平。"
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise and not dedup_edits(page)


# --- a copy of a bracket's last clause, its closing bracket with it ------------------------------------------

def test_a_copy_of_a_brackets_last_clause_goes_when_taking_it_out_pairs_the_brackets() -> None:
    para = "此外，老画家还捐资支持本次活动（由于年龄的缘故，他的作品没有参加评比）。我们一并表示感谢=他的作品没有参加评比）。"
    page = run(para)
    assert [n.text for n in page.noise] == ["他的作品没有参加评比）。"]
    text = page.blocks[0].text
    assert text.count("（") == text.count("）") == 1
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "clause printed again" in edit.reason


def test_two_brackets_each_closing_on_the_same_clause_stay() -> None:
    # each closing bracket has its own opening one: the paragraph's brackets pair with both copies in it
    para = "此外，老画家还捐资支持本次活动（由于年龄的缘故，他的作品没有参加评比）。他的学生也捐了款（按照评委会的规定，他的作品没有参加评比）。"
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise and not dedup_edits(page)


# --- a long clause printed again with its quote turned the other way ------------------------------------------

def test_a_long_clause_copy_whose_quote_is_turned_is_still_a_copy() -> None:
    para = "会上，县长作了题为“抓好春耕生产，确保全年粮食生产稳中有增”的报告。副县长也讲了话。确保全年粮食生产稳中有增“的报告。"
    page = run(para)
    assert [n.text for n in page.noise] == ["确保全年粮食生产稳中有增“的报告。"]
    assert page.blocks[0].text == "会上，县长作了题为“抓好春耕生产，确保全年粮食生产稳中有增”的报告。副县长也讲了话。"
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "clause printed again" in edit.reason


# --- a short clause left dangling before the writer's signature -----------------------------------------------

def test_a_short_clause_copy_dangling_before_a_bracketed_signature_goes_to_noise() -> None:
    para = "去年全县查处违规案件36件，涉案人员52人，挽回经济损失80万元。有关责任人分别受到党纪政纪处分。涉案人员52人，（李文）"
    page = run(para)
    assert [n.text for n in page.noise] == ["涉案人员52人，"]
    assert page.blocks[0].text.endswith("党纪政纪处分。（李文）")
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "clause printed again" in edit.reason


def test_a_signature_after_a_closed_sentence_leaves_the_paragraph_as_it_is() -> None:
    para = "去年全县查处违规案件36件，涉案人员52人，挽回经济损失80万元。有关责任人分别受到处分，涉案人员52人。（李文）"
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise


# --- a heading said again with one character read as its look-alike ------------------------------------------

def test_a_heading_copy_with_one_look_alike_swap_goes_to_noise() -> None:
    # 京 read as its look-alike 家: 在家 is a word and reads as fluently, but a lead restating its heading changes
    # or adds words, it does not turn one character into one of like shape
    page = run("开篇的话\n\n赵立新同志遗体在京火化\n\n赵立新同志遗体在家火化全县干部群众前往送别。\n")
    assert [n.text for n in page.noise] == ["赵立新同志遗体在家火化"]
    assert page.blocks[-1].text == "全县干部群众前往送别。"
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "garbled repeat" in edit.reason


def test_a_lead_restating_its_heading_stays() -> None:
    page = run("开篇的话\n\n赵立新同志遗体在京火化\n\n赵立新同志遗体昨天在京火化，全县干部群众前往送别。\n")
    assert not page.noise and not dedup_edits(page)


# --- a misread stretch that runs from a particle into the next word is no word swapped --------------------------

def test_a_stretch_opening_on_a_particle_is_no_word_swapped_for_another() -> None:
    from layoutfix.stages.dedup.common import _swaps_one_word
    lm = load_lm()
    assert not _swaps_one_word(lm, "河湾古镇的总体风貌", "河湾镇时治本风貌")  # '的总体' read '时治本'
    assert _swaps_one_word(lm, "河滩上长满了芦苇。", "河滩上长满了红柳。")  # a word for a word
    page = run("开篇的话\n\n河湾古镇的总体风貌\n\n河湾镇时治本风貌 这座古镇始建于明代，至今保存着完整的街巷格局。\n")
    assert [n.text for n in page.noise] == ["河湾镇时治本风貌"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "garbled repeat" in edit.reason


# --- a line ending on an ellipsis and a stray comma -----------------------------------------------------------

ELLIPSIS_LINE = "联欢会上，孩子们和老人们一起唱起了赞美家乡山水、寄托美好祝愿的民歌……，\n\n"


def test_a_garbled_copy_ending_on_the_ellipsis_before_a_stray_comma_goes_to_noise() -> None:
    page = run(ELLIPSIS_LINE + "赞关家乡山木、寄托美好祝原的民哥……（本报河湾1月5日电）\n")
    assert [n.text for n in page.noise] == ["赞关家乡山木、寄托美好祝原的民哥……"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "garbled repeat" in edit.reason


def test_the_next_line_taking_up_the_words_before_the_ellipsis_stays() -> None:
    page = run(ELLIPSIS_LINE + "赞美家乡山水、寄托美好祝愿的民歌一首接着一首，歌声传得很远。\n")
    assert not page.noise and not dedup_edits(page)


def test_an_o_after_a_digit_is_a_name_not_a_misread_full_stop() -> None:
    # '4o' closes a product's name; read as '4。' it would make the clause after it a sentence opener that a later
    # clause then copies (review36b)
    para = "公司推出的XR-4o新一代模型速度更快，能实时翻译，新一代模型速度更快，体验也更好。"
    page = run(para)
    assert not page.noise and [b.text for b in page.blocks] == [para]


def test_a_long_bracketed_aside_after_a_dangling_clause_is_no_signature() -> None:
    # more than SIGNATURE_MOST characters in the brackets: an aside of the text, not a writer's name, so the clause
    # before it does not dangle at the paragraph's end and stays
    para = ("去年全县查处违规案件36件，涉案人员52人，挽回经济损失80万元。有关责任人分别受到党纪政纪处分。涉案人员52人，"
            "（详见本报第三版的相关报道内容）")
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise
