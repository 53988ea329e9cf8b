"""dedup (session 35): whole clauses printed again inside a paragraph, and clauses said again on purpose.
Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clauses import _clause_repeats
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def clause_drops(page):  # type: ignore[no-untyped-def]
    return [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]


def test_a_short_clause_printed_again_inside_a_later_sentence_goes_to_noise() -> None:
    # '望着远山，' (4 Han) printed once more after a comma further on: both copies stand inside their sentences
    para = "那天傍晚，我们沿着河堤慢慢走，望着远山，谁也没有说话。风渐渐大了，柳枝在头顶轻轻摇晃，望着远山，雁群正往南飞。"
    page = run(para)
    assert [b.text for b in page.blocks] == [
        "那天傍晚，我们沿着河堤慢慢走，望着远山，谁也没有说话。风渐渐大了，柳枝在头顶轻轻摇晃，雁群正往南飞。"]
    assert [n.text for n in page.noise] == ["望着远山，"]
    (edit,) = clause_drops(page)
    assert edit.context == "望着远山，" and edit.confidence > 0 and "clause printed again" in edit.reason


def test_a_short_clause_said_again_on_purpose_stays() -> None:
    lm = load_lm()
    kept = (
        # an opener at the start of two sentences
        "这几年，村里修了路。大家都说好，这几年，孩子们上学也方便了。",
        # parallel leads: the clauses before the two copies open alike
        "种植上，依靠科技进步，全村新栽果树两千株，养殖上，依靠科技进步，新建鸡舍十座。",
        # a witness's tag (it ends on a verb that takes what follows)
        "工地上机器轰鸣，记者看到，工人们正在浇筑桥墩，天色渐晚，记者看到，灯光把河面照得通亮。",
        # after a semicolon: parallel sentences
        "山上种树，每到春天，满山开花；山下种菜，每到春天，满地嫩绿。",
        # after a sentence's one-word opener: the clause opens its sentence as after a full stop
        "道路修好了。但是，在偏远山区，上学仍然很难。如今，在偏远山区，校车已经通到村口。",
    )
    for para in kept:
        assert _clause_repeats(para, lm)[0] == [], para
        page = run(para)
        assert [b.text for b in page.blocks] == [para] and not page.noise, para


def test_a_long_clause_holding_a_book_title_printed_again_goes() -> None:
    # the clause scan stops at 《》; the whole clause, marks and all, is the copy
    para = ("各乡镇要认真学习《水土保持条例》，加快治理进度。今年新修梯田三千亩，"
            "各乡镇要认真学习《水土保持条例》，确保完成全年任务。")
    page = run(para)
    assert [b.text for b in page.blocks] == [
        "各乡镇要认真学习《水土保持条例》，加快治理进度。今年新修梯田三千亩，确保完成全年任务。"]
    assert [n.text for n in page.noise] == ["各乡镇要认真学习《水土保持条例》，"]


def test_a_clause_whose_brackets_do_not_pair_is_no_copy() -> None:
    # the clause opens a bracket the next clause closes: cutting it would leave the paragraph's brackets unpaired
    # (the two copies are the same clause, after a comma each: only the bracket test keeps the second)
    para = "主持人宣布开会，张某（县委副书记，县长）主持会议，会上通报了全年工作，张某（县委副书记，兼任常务副县长）作了讲话。"
    lm = load_lm()
    assert _clause_repeats(para, lm)[0] == []


def test_a_speakers_tag_opening_two_sentences_stays() -> None:
    # a long tag (9 Han: a name, a title and a verb) that opens two sentences introduces two things said
    para = ("诺维科娃教授回忆说，那年冬天雪下得特别大。他说起往事总是很平静。"
            "诺维科娃教授回忆说，村里的小学就是那时建起来的。")
    page = run(para)
    assert [b.text for b in page.blocks] == [para] and not page.noise
    # a whole sentence of as few characters is no tag: printed again, it goes
    para1 = ("全乡的茶园面积扩大。果园增加了一倍，养鱼户也多了。全乡的茶园面积扩大。"
             "今年还要再上新项目。")
    page = run(para1)
    assert [n.text for n in page.noise] == ["全乡的茶园面积扩大。"]
    # the same clause printed again inside a later sentence is a copy (it follows a comma there)
    para2 = ("全县今年新建的二十所乡村小学全部通水通电，冬天来了，师生们都很高兴，"
             "全县今年新建的二十所乡村小学全部通水通电，家长们也放了心。")
    page = run(para2)
    assert [n.text for n in page.noise] == ["全县今年新建的二十所乡村小学全部通水通电，"]


def test_a_short_lines_copy_two_lines_back_set_off_by_a_space_goes_to_noise() -> None:
    # a column's scrap printed between the short line and its copy, which lost a character: read this badly two
    # lines back, the copy counts only where the dump set it off from the text after it
    title, scrap = "青石镇新建文化站", "并由被告赔偿损失五百元。"
    body = "“今天，我们终于有了自己的书屋。”一位老人说。"
    page = run(f"{title}\n\n{scrap}\n\n青石镇新文化站 {body}")
    assert [n.text for n in page.noise] == ["青石镇新文化站"]
    assert [b.text for b in page.blocks] == [title, scrap, body]
    (edit,) = [e for e in page.edits if e.stage == "dedup"]
    assert edit.kind == "to_noise" and "garbled repeat" in edit.reason and edit.confidence > 0.5
    # glued to the text after it, the same start is no copy at this distance
    page = run(f"{title}\n\n{scrap}\n\n青石镇新文化站{body}")
    assert not page.noise and not [e for e in page.edits if e.stage == "dedup"]


def test_a_date_line_printed_again_without_one_of_its_figures_goes_to_noise() -> None:
    # '1988年7月' read again as '1988年月': a figure lost whole leaves its unit with no number, no other date
    page = run("1988年7月\n\n1988年月 县里召开了第一次农民代表大会，会上通过了新的章程。\n")
    assert [b.text for b in page.blocks] == ["1988年7月", "县里召开了第一次农民代表大会，会上通过了新的章程。"]
    assert [n.text for n in page.noise] == ["1988年月"]
    (edit,) = [e for e in page.edits if e.stage == "dedup"]
    assert edit.kind == "to_noise" and "row of figures" in edit.reason and 0.5 < edit.confidence < 1


def test_a_figure_lost_where_its_unit_opens_a_word_or_a_digit_lost_inside_a_figure_is_no_copy() -> None:
    for dump in ("1988年7月\n\n1988年月均产量达到三千吨，比上年增长一成。\n",  # '月均' is a word: a sentence
                 "1998年11月\n\n1998年1月1日起，新的办法开始施行。\n"):  # another date
        page = run(dump)
        assert not page.noise and not [e for e in page.edits if e.stage == "dedup"], dump


def test_a_short_clause_copy_that_opens_a_quotation_again_goes_when_it_leaves_the_paragraph_unpaired() -> None:
    # '“老周师傅，' printed again opens a second quotation nothing closes: taking it out pairs the marks
    para = "他走到车间门口，“老周师傅，这台机床修好了吗？”屋里没人应声，“老周师傅，他又喊了一遍，声音大了些。"
    page = run(para)
    assert [n.text for n in page.noise] == ["“老周师傅，"]
    assert [b.text for b in page.blocks] == [
        "他走到车间门口，“老周师傅，这台机床修好了吗？”屋里没人应声，他又喊了一遍，声音大了些。"]
    # with the second quotation closed, the copy is a second call: it stays
    para2 = "他走到车间门口，“老周师傅，这台机床修好了吗？”屋里没人应声，“老周师傅，在吗？”他又喊了一遍。"
    page = run(para2)
    assert not page.noise and [b.text for b in page.blocks] == [para2]
