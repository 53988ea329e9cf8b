"""Specification of the `glyphs` stage: look-alikes, doubled text, stray ASCII, digits read as letters.

Sentences are invented from common words. The default model (jieba's
dictionary) and the shipped visual confusion set decide every fix.
"""
from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layoutfix.config import Config
from layoutfix.confusion import load_confusion, similar
from layoutfix.model import Block, Page
from layoutfix.stages.glyphs import _apply, fix_changes, fix_lines, fix_text, glyphs
from layoutfix.textutil import nonspace


def fixed(text: str) -> str:
    return fix_text(text)[0]


# -- the confusion set -------------------------------------------------------------
def test_confusion_set_lists_look_alikes_with_scores_best_first() -> None:
    cands = similar("人")
    assert "入" in dict(cands)
    scores = [s for _, s in cands]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_confusion_set_covers_thousands_of_characters_and_ascii() -> None:
    table = load_confusion()
    assert len(table) > 6000
    assert "0" in table and set(dict(table["0"])) & set("Oo")


def test_an_observed_table_adds_pairs_with_full_weight(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gzip

    extra = tmp_path / "observed.tsv.gz"
    with gzip.open(extra, "wt", encoding="utf-8") as fh:
        fh.write("# observed\n甲\t乙:3\n")
    table = load_confusion(None, str(extra))
    assert ("乙", 1.0) in table["甲"]
    assert "乙" not in dict(load_confusion().get("甲", ()))  # the shipped table is not changed


# -- look-alike substitutions ------------------------------------------------------
@pytest.mark.parametrize("wrong,right", [
    ("我们要加强管埋工作。", "我们要加强管理工作。"),
    ("这次会议的主要内客是什么？", "这次会议的主要内容是什么？"),
    ("公司的发展战咯很清楚。", "公司的发展战略很清楚。"),
])
def test_a_look_alike_that_breaks_a_word_is_replaced(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [(e.kind, e.stage) for e in edits] == [("glyph", "glyphs")]
    assert "gain" in edits[0].reason and 0 < edits[0].confidence <= 1


def test_a_higher_threshold_makes_fewer_fixes() -> None:
    text = "我们要加强管埋工作。"
    assert fix_text(text, config=Config(glyph_threshold=100.0))[0] == text


def test_a_given_name_after_a_surname_needs_more_gain(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lm import load_lm, surnames
    from layoutfix.stages import glyphs as glyph_stage

    lm, names = load_lm(), surnames()
    run = "记者王管埋报道"
    assert glyph_stage._left_alone(lm, run, 2, names) == 3  # 王: the surname itself
    assert glyph_stage._left_alone(lm, run, 4, names) == 2  # 埋: a lone character of the given name after it
    text = "记者王管埋报道。"
    # 管埋 -> 管理 clears the bar plus NAME_MARGIN by a wide gain (a name is only overruled by a strong word)
    assert fixed(text) == "记者王管理报道。"
    edit = fix_text(text)[1][0]
    assert f">= {Config().glyph_threshold + glyph_stage.SHAPE_SUBST_MARGIN + glyph_stage.NAME_MARGIN:.1f}" in edit.reason
    monkeypatch.setattr(glyph_stage.names, "NAME_MARGIN", 40.0)
    assert fixed(text) == text  # a gain below the name's bar leaves it as printed
    monkeypatch.setattr(glyph_stage.names, "NAME_MARGIN", None)
    assert fixed(text) == text  # None: every character after a surname is left alone


def test_a_common_given_name_character_after_a_surname_stays_as_printed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # invented names: 祥 stands in many given names of the dictionary's names, 样 in hardly any, so 孙一祥 is a
    # name printed right, not 孙 + 一样 misread, however much the word model likes 一样
    from layoutfix.stages import glyphs as glyph_stage

    text = "据介绍，领队孙一祥的队员昨天到了。"
    assert fixed(text) == text
    monkeypatch.setattr(glyph_stage.names, "GIVEN_NAME_GUARD", False)
    assert fixed(text) == "据介绍，领队孙一样的队员昨天到了。"  # what the guard keeps from happening


def test_the_given_name_guard_asks_a_real_surname_a_name_character_and_no_word_over_the_surname() -> None:
    from layoutfix.lm import load_lm, surnames
    from layoutfix.stages.glyphs import _printed_given_name

    lm, names = load_lm(), surnames()

    def kept(run: str, i: int, x: str) -> bool:
        return _printed_given_name(run, i, x, names, lm.logp, lm.max_len)

    assert kept("孙一祥", 2, "样")
    assert not kept("孙一样", 2, "祥")  # 样 is hardly ever a given name: a misreading may be fixed
    assert not kept("公一祥", 2, "样")  # 公 opens few of the dictionary entries that hold it: no surname here
    assert not kept("董重长", 1, "事")  # 董事长 holds the "surname": no name printed there
    # counter-example end to end: the word over the surname is made (invented sentence)
    assert fixed("昨天会见了公司董重长和经理。") == "昨天会见了公司董事长和经理。"


def test_a_lone_surname_character_is_changed_only_on_a_larger_gain(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a common character that is also a surname (王) may be a misreading of its look-alike (主): the shipped model
    # asks SURNAME_MARGIN more gain of it instead of leaving every surname character as printed
    from layoutfix.lm import load_lm, surnames
    from layoutfix.stages import glyphs as glyph_stage

    text = "某某乡也讲民王集中制。"
    assert glyph_stage._left_alone(load_lm(), text[:-1], 6, surnames()) == 3
    assert fixed(text) == "某某乡也讲民主集中制。"
    edit = fix_text(text)[1][0]
    need = Config().glyph_threshold + glyph_stage.SHAPE_SUBST_MARGIN + glyph_stage.SURNAME_MARGIN
    assert f">= {need:.1f}" in edit.reason
    monkeypatch.setattr(glyph_stage.names, "SURNAME_MARGIN", 40.0)
    assert fixed(text) == text  # a gain below the surname's bar leaves it as printed
    monkeypatch.setattr(glyph_stage.names, "SURNAME_MARGIN", None)
    assert fixed(text) == text  # None: a lone surname character is never changed


# -- doubled characters and words --------------------------------------------------
@pytest.mark.parametrize("wrong,right", [
    ("收入增加增加到一万元。", "收入增加到一万元。"),
    ("他们把荒地改造改造成良田。", "他们把荒地改造成良田。"),
    ("把知识转变转变为能力。", "把知识转变为能力。"),
    ("提高服务务质量。", "提高服务质量。"),
    ("加强基础础建设。", "加强基础建设。"),
])
def test_a_doubled_unit_the_dictionary_rejects_is_removed_once(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["doubled"]


@pytest.mark.parametrize("text", [
    "他常常看看书，也想研究研究这个问题。",
    "他站在山顶看得很远很远。",
    "一只只小鸟飞过，一步一步向前走。",
    "我们要为了了解情况而努力。",
    "中国国家队赢了。",
    "学校的图书馆馆藏丰富。",
])
def test_legit_reduplication_stays(text: str) -> None:
    assert fixed(text) == text


@pytest.mark.parametrize("text", [
    "他说，买车车难开，买房房难住，日子并不轻松。",
    "老人说，修路路不平，修桥桥不稳，大家都很着急。",
])
def test_two_characters_doubled_after_the_same_character_close_by_are_parallel_clauses_and_stay(text: str) -> None:
    assert fixed(text) == text


@pytest.mark.parametrize("wrong,right", [
    ("他说，买房房难住，日子并不轻松。", "他说，买房难住，日子并不轻松。"),
    ("他说，卖车车难开，买房房难住，日子并不轻松。", "他说，卖车车难开，买房难住，日子并不轻松。"),
])
def test_a_doubling_with_no_parallel_after_the_same_character_is_still_removed(wrong: str, right: str) -> None:
    out, edits = fix_text(wrong)
    assert out == right
    assert [e.kind for e in edits] == ["doubled"]


# -- stray ASCII --------------------------------------------------------------------
def test_a_stray_letter_inside_a_word_is_removed() -> None:
    out, edits = fix_text("我们要加x强管理。")
    assert out == "我们要加强管理。"
    assert [(e.kind, e.before, e.after) for e in edits] == [("stray", "x", "")]


def test_real_latin_tokens_numbers_and_contacts_stay() -> None:
    text = ("推广5G网络和AGV小车，出席G20峰会，应对COVID-19疫情，参加VEX IQ比赛，"
            "近20年来增长3.5%，联系电话0471-1234567，邮箱abc@example.com。")
    assert fixed(text) == text


# -- digits read as letters ----------------------------------------------------------
def test_a_letter_between_digits_is_read_as_the_digit() -> None:
    out, edits = fix_text("2O23年全市新增企业。")
    assert out == "2023年全市新增企业。"
    assert [(e.before, e.after) for e in edits] == [("O", "0")]


def test_a_letter_at_the_edge_of_a_number_before_a_measure_word_is_read_as_a_digit() -> None:
    assert fixed("新增l0家企业，增长5O%。") == "新增10家企业，增长50%。"


def test_a_letter_at_the_edge_of_a_code_is_not_judged() -> None:
    text = "启用O2O模式和I5网络，型号C919飞机。"
    assert fixed(text) == text


# -- clean text, lines, pages --------------------------------------------------------
CLEAN = ("学校组织学生参观了博物馆，同学们认真听讲解员介绍。今年村里的收成比往年好，"
         "家家户户都很高兴。我们要好好读书，不断提高自己的能力和水平。")


def test_clean_text_is_left_unchanged() -> None:
    assert fix_text(CLEAN) == (CLEAN, [])


def test_fix_lines_keeps_one_line_per_input_line() -> None:
    out = fix_lines(["我们要加强管埋工作。\n", "", CLEAN])
    assert out == ["我们要加强管理工作。", "", CLEAN]


def test_the_stage_fixes_text_blocks_and_accounts_for_every_character() -> None:
    raw = "我们要加强管埋工作。\n管埋\n"
    page = Page(source="t", raw=raw, blocks=(
        Block(0, "我们要加强管埋工作。", 1, origin=((0, 1),)),
        Block(1, "管埋", 2, role="table", rows=(("管埋",),)),
    ))
    # the raw text here has the table twice (text and rows); account against what blocks hold
    page = Page(source="t", raw="我们要加强管埋工作。管埋", blocks=page.blocks)
    out = glyphs(page)
    assert out.blocks[0].text == "我们要加强管理工作。"
    assert out.blocks[1] == page.blocks[1]
    assert [(e.line, e.before, e.after) for e in out.edits] == [(1, "埋", "理")]
    assert not out.unaccounted()


def test_edits_carry_the_source_line_and_origins_follow_removed_characters() -> None:
    first, second = "提高服务务质量，", "我们要加强管埋工作。"
    block = Block(0, first + second, 1, origin=((0, 1), (len(first), 2)))
    out = glyphs(Page(source="t", raw=first + "\n" + second, blocks=(block,)))
    assert out.blocks[0].text == "提高服务质量，我们要加强管理工作。"
    assert out.blocks[0].origin == ((0, 1), (len(first) - 1, 2))
    assert [(e.kind, e.line, e.before, e.after) for e in out.edits] == [("doubled", 1, "务", ""), ("glyph", 2, "埋", "理")]
    assert not out.unaccounted()


def test_title_blocks_only_lose_stray_marks() -> None:
    title = Block(0, "加强管埋工作", 1, role="title")
    out = glyphs(Page(source="t", raw="加强管埋工作", blocks=(title,)))
    assert out.blocks[0].text == "加强管埋工作" and not out.edits


# -- properties ----------------------------------------------------------------------
ALPHABET = list("我们要加强管理埋工作的是在人入大太土士日曰已己巳未末了为力刀学习中国家"
                "常看研究和，。12O0lIxQ ")
texts = st.text(alphabet=ALPHABET, max_size=40)
QUICK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(texts)
def test_replaying_the_changes_reproduces_the_output(text: str) -> None:
    out, steps = fix_changes(text)
    cur = text
    for changes in steps:
        for ch in changes:
            assert cur[ch.start:ch.end] == ch.before
        cur, _ = _apply(cur, changes)
    assert cur == out


@QUICK
@given(texts)
def test_edits_account_for_every_changed_character(text: str) -> None:
    out, edits = fix_text(text)
    expected = Counter(nonspace(text))
    for e in edits:
        expected.update(nonspace(e.after))
        expected.subtract(nonspace(e.before))
    assert +expected == Counter(nonspace(out)) and not -expected


@QUICK
@given(texts)
def test_fix_text_is_idempotent(text: str) -> None:
    once = fixed(text)
    assert fixed(once) == once


def test_observed_confusions_join_the_look_alike_candidates() -> None:
    from layoutfix.confusion import load_confusion
    from layoutfix.lm import WordLM
    from layoutfix.stages.glyphs import _candidates

    table = load_confusion()
    lm = WordLM({"大家": 10, "大": 5}, observed={"太": {"大": 7, "x": 3}})
    cands = _candidates(table, lm)("太")
    assert cands["大"][1] == 7              # the observed count rides along with the shape score
    assert "x" not in cands                 # only Han characters are glyph candidates
    visual = dict(table["太"][:40])
    assert all(cands[c][0] == visual[c] for c in visual)


def test_a_non_word_printed_twice_across_a_word_is_removed_once() -> None:
    # the copy's edges cut the word 政府 / 优良: a misprinted repeat, not a pattern
    assert fixed("和政府把府把扶贫工作") == "和政府把扶贫工作"
    assert fixed("继承济困的优的优良传统") == "继承济困的优良传统"


def test_a_repeat_of_whole_words_is_a_pattern_and_stays() -> None:
    assert fixed("一直走啊走啊走到天黑") == "一直走啊走啊走到天黑"


def test_a_lone_copy_before_a_word_that_opens_with_it_stays() -> None:
    # a word the dictionary lacks may end in the character (某某部商贸司 + 司长): no evidence of a misprint
    assert fixed("某某部商贸司司长") == "某某部商贸司司长"


def test_the_second_copy_alone_after_a_word_ending_in_it_is_removed() -> None:
    text, edits = fix_text("他们的产业链链很长")
    assert text == "他们的产业链很长"
    assert [(e.kind, e.before, e.after) for e in edits] == [("doubled", "链", "")]


def test_a_repeated_unit_whose_copies_both_sit_inside_words_stays() -> None:
    """年一 printed twice reads 去年|一年|一共 as printed: every character is inside a word, nothing to drop."""
    for text in ("他们去年一年一共种了三千棵树", "今年一年一些企业的效益很好"):
        assert fixed(text) == text
    assert fixed("某县各乡政府把府把修路工作作为大事") == "某县各乡政府把修路工作作为大事"


def test_reduplicated_words_and_repeated_pet_names_stay() -> None:
    for text in ("天天向上的精神", "我们要好好学习", "大家都叫她园园，园园今年三岁"):
        assert fixed(text) == text


def test_a_lower_case_letter_glued_between_chinese_characters_is_a_speck() -> None:
    assert fixed("加强各级n政府的领导") == "加强各级政府的领导"
    assert fixed("保持社会稳定c5233和发展") == "保持社会稳定和发展"


def test_a_lower_case_letter_shaped_like_a_digit_before_a_measure_word_or_a_digit_is_that_digit() -> None:
    """OCR reads 1 as i or j: before 月 or with a digit after it, it is a figure, not a speck to drop."""
    assert fixed("据新华社拉巴特i月8日电") == "据新华社拉巴特1月8日电"
    assert fixed("有的小区夜里i1点后禁止施工") == "有的小区夜里11点后禁止施工"
    # not a digit look-alike, or before figures too long to be a misread number: still a speck
    assert fixed("年龄y职业不同") == "年龄职业不同"
    assert fixed("保持社会稳定c5233和发展") == "保持社会稳定和发展"
    assert fixed("要兴起i1550新高潮") == "要兴起新高潮"


def test_the_letters_read_as_digits_come_from_the_visual_table() -> None:
    from layoutfix.stages.glyphs import letter_digits

    assert letter_digits({"1": (("i", 0.8), ("丨", 0.9), ("Q", 0.9)), "7": (("z", 0.5),)}) == {"i": "1"}
    assert letter_digits(load_confusion())["i"] == "1"


def test_capitals_letter_words_and_repeated_letters_stay() -> None:
    for text in ("两名选手的A组样品", "去医院做B超检查", "日K线图，周K线图", "收益达到了高于n倍的回报，低于n倍的回报"):
        assert fixed(text) == text


def test_a_letter_before_five_digits_is_not_read_as_a_digit() -> None:
    assert fixed("带动整个O7573经济增长") != "带动整个07573经济增长"
    assert fixed("l998年") == "1998年"


# -- the noisy channel -------------------------------------------------------------
def test_only_characters_that_make_no_known_pair_with_either_neighbour_are_tried() -> None:
    from layoutfix.stages.glyphs import _gate

    pairs = {"管理", "工作", "加强"}
    # 管理工作: every character is bound; in 加强管埋工作 only 管 and 埋 are bound to no neighbour
    assert _gate("管理工作", pairs) == []
    assert _gate("加强管埋工作", pairs) == [2, 3]
    # one_side: also the characters free on one side (the run's edges have a free side)
    assert _gate("加强管埋工作", pairs, one_side=True) == [0, 1, 2, 3, 4, 5]
    assert _gate("管理工作", pairs, one_side=True) == [0, 1, 2, 3]


def test_the_gate_over_a_whole_text_finds_what_it_finds_run_by_run() -> None:
    """Runs of two or more Han characters are gated as if each stood alone; a lone character is never tried."""
    from layoutfix.stages.glyphs import _gate, _gate_runs, _han_spans

    pairs = {"管理", "工作", "加强", "理工"}
    text = "加强管埋工作，A股管理工作2024年埋、我们的管埋。理"
    for one_side in (False, True):
        expected = [(a, b, _gate(text[a:b], pairs, one_side)) for a, b in _han_spans(text) if b - a >= 2]
        assert _gate_runs(text, pairs, one_side) == [t for t in expected if t[2]]
    assert _gate_runs("", pairs) == [] and _gate_runs("埋。", pairs) == []


def _sides(run: str, i: int) -> tuple[list[str], list[str]]:
    """The up-to-3-character contexts left and right of position i, shortest first, as the decoder asks them."""
    return ([run[i - q:i] for q in range(0, min(3, i) + 1)],
            [run[i + 1:i + 1 + r] for r in range(0, min(3, len(run) - i - 1) + 1)])


_SEARCH_WORDS = {"管理": 5, "管理工作": 3, "入口": 4, "八个人": 2, "加强管理": 1, "作": 1, "人口": 2}


@given(st.text(alphabet="管理工作加强埋人入口八", max_size=9), st.integers(0, 8), st.sampled_from("理埋入八"))
@settings(max_examples=200, deadline=None)
def test_a_look_alike_completes_a_word_exactly_when_some_2_to_4_character_window_over_it_is_a_word(
        run: str, i: int, x: str) -> None:
    from layoutfix.lm import WordLM
    from layoutfix.stages.glyphs import _completes_word

    lm = WordLM({"管理": 5, "管理工作": 3, "入口": 4, "八个人": 2, "加强管理": 1, "作": 1})
    if i >= len(run):
        return
    lefts, rights = _sides(run, i)
    brute = any(lq + x + rr in lm.logp for q, lq in enumerate(lefts) for rr in rights[:4 - q] if lq or rr)
    assert _completes_word(x, lefts, rights, lm.logp, lm.prefixes) == brute


@given(st.text(alphabet="管理工作加强埋人入口八个", max_size=9), st.integers(0, 8),
       st.lists(st.sampled_from("理埋入八人口个"), unique=True, max_size=6))
@settings(max_examples=200, deadline=None)
def test_the_look_alikes_completing_a_word_are_asked_together_with_the_same_answers_in_their_order(
        run: str, i: int, xs: list[str]) -> None:
    from layoutfix.lm import WordLM
    from glyph_reference import completing as _completing
    from layoutfix.stages.glyphs import _completes_word

    lm = WordLM(_SEARCH_WORDS)
    if i >= len(run):
        return
    lefts, rights = _sides(run, i)
    one_by_one = tuple(x for x in xs if _completes_word(x, lefts, rights, lm.logp, lm.prefixes))
    assert _completing(xs, lefts, rights, lm.logp, lm.prefixes) == one_by_one


@given(st.text(alphabet="管理工作加强埋人入口八个", min_size=1, max_size=9), st.integers(0, 8),
       st.lists(st.sampled_from("理埋入八人口个管作"), unique=True, max_size=8))
@settings(max_examples=200, deadline=None)
def test_the_word_search_asks_only_look_alikes_pairing_with_a_neighbour_and_answers_the_same(
        run: str, i: int, xs: list[str]) -> None:
    from layoutfix.lm import WordLM
    from glyph_reference import completing as _completing
    from layoutfix.stages.glyphs import _hits_memo, _neighbours

    lm = WordLM(_SEARCH_WORDS)
    if i >= len(run):
        return
    left = run[i - 1] if i else ""
    right = run[i + 1] if i + 1 < len(run) else ""
    hits, hl, hr = _hits_memo(xs, run[i], left, right, _neighbours(lm), {}, {})
    assert set(hl) <= set(xs) and set(hr) <= set(xs) and set(hits) == set(hl) | set(hr)
    lefts, rights = _sides(run, i)
    # a word over position i holds a neighbour beside x, so x makes a known pair with it: every word is found
    assert _completing(hits, lefts, rights, lm.logp, lm.prefixes, hl, hr) == \
        _completing(xs, lefts, rights, lm.logp, lm.prefixes)


@given(st.text(alphabet="管理工作加强埋人入口八个", min_size=1, max_size=9), st.integers(0, 8),
       st.sampled_from("理埋入八人口个管作强"))
@settings(max_examples=300, deadline=None)
def test_the_gain_bound_is_never_below_the_windows_true_gain(ctx: str, j: int, x: str) -> None:
    from itertools import repeat

    from layoutfix.lm import Window, WordLM, _single_costs
    from layoutfix.stages.glyphs import SINGLE_PENALTY, WORD_PENALTY, _gain_bound

    lm = WordLM({"管理": 5, "管理工作": 3, "入口": 4, "八个人": 2, "加强管理": 1, "作": 1, "人口": 2, "个": 9,
                 "工作": 6, "埋": 1, "口": 3})
    if j >= len(ctx) or (j and ctx[j - 1:j + 1] in lm.pairs) or ctx[j:j + 2] in lm.pairs:
        return  # the bound is stated for a character that makes no known pair with a neighbour
    costs, unk = _single_costs(lm, WORD_PENALTY, SINGLE_PENALTY)
    win = Window(lm, ctx, WORD_PENALTY, SINGLE_PENALTY)
    lps = list(map(costs.get, ctx, repeat(unk)))
    assert win.rescore(j, x) - win.score <= _gain_bound(lm, ctx, j, x, lps, costs.get(x, unk)) + 1e-9


def test_the_gain_bound_is_the_gain_when_the_neighbours_stood_alone() -> None:
    from itertools import repeat

    from layoutfix.lm import Window, WordLM, _single_costs
    from layoutfix.stages.glyphs import SINGLE_PENALTY, WORD_PENALTY, _gain_bound

    # 埋 between two lone characters: the look-alike 理 makes 管理, and nothing else moves
    lm = WordLM({"管理": 5, "工作": 6, "作": 1, "埋": 1, "加": 2, "管": 3})
    costs, unk = _single_costs(lm, WORD_PENALTY, SINGLE_PENALTY)
    ctx, j = "加管埋作", 2
    win = Window(lm, ctx, WORD_PENALTY, SINGLE_PENALTY)
    lps = list(map(costs.get, ctx, repeat(unk)))
    bound = _gain_bound(lm, ctx, j, "理", lps, costs.get("理", unk))
    assert abs(win.rescore(j, "理") - win.score - bound) < 1e-9
    # and a look-alike that makes no word gains only what its own cost as a lone character does
    assert abs(_gain_bound(lm, ctx, j, "入", lps, costs.get("入", unk)) - (costs.get("入", unk) - lps[j])) < 1e-9
    # 工 makes 工作 with the right neighbour: that word's gain, as the window says
    assert abs(win.rescore(j, "工") - win.score - _gain_bound(lm, ctx, j, "工", lps, costs.get("工", unk))) < 1e-9


@given(st.text(alphabet="管理工作加强埋人入口，A2 ", max_size=30), st.booleans())
@settings(max_examples=200, deadline=None)
def test_the_gate_reads_the_same_positions_from_the_pairs_the_page_already_asked(text: str, one_side: bool) -> None:
    """`glyphs` asks the model about every adjacent pair of the page once and hands each block its bytes."""
    from layoutfix.lm import WordLM
    from layoutfix.stages.glyphs import _gate_runs

    pairs = WordLM({"管理": 5, "管理工作": 3, "入口": 4, "A股": 2, "加强": 1}).pairs
    flags = bytes(text[k:k + 2] in pairs for k in range(len(text) - 1))
    assert _gate_runs(text, pairs, one_side, flags=flags) == _gate_runs(text, pairs, one_side)


def test_a_page_fixes_as_its_blocks_fixed_alone_with_the_pages_pair_counts() -> None:
    """The page-level pair flags (`glyphs`) change nothing: each text block comes out as `fix_changes` gives it."""
    from layoutfix.lm import load_lm
    from layoutfix.stages.glyphs import _pair_counts

    texts = ["", "加强管埋工作，八个入参加了会议。", "标题", "", "中华人民共共国成立了，大家都很商兴。", "商兴"]
    blocks = tuple(Block(id=k, role="text" if k != 2 else "title", text=t, line=k + 1) for k, t in enumerate(texts))
    out = glyphs(Page(source="t", raw="\n".join(texts), blocks=blocks))
    known = _pair_counts("\n".join(texts))
    for k, t in enumerate(texts):
        if t:
            expected = fix_changes(t, load_lm(), only_stray=k == 2, known=known)[0]
            assert out.blocks[k].text == expected
    assert out.blocks[1].text != texts[1] and out.blocks[4].text == "中华人民共和国成立了，大家都很商兴。"


def test_the_search_memos_belong_to_the_model_asked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A model that knows 管理 fixes 管埋; a model built after it that does not know it must not reuse its answers."""
    from layoutfix.lm import WordLM, load_lm
    from layoutfix.stages import glyphs as glyph_stage

    for part in glyph_stage.PARTS:  # a memo keyed by id() in any part would now mix the two models up
        monkeypatch.setattr(part, "id", lambda obj: 1, raising=False)
    base = dict(load_lm().freq)
    knows = WordLM(base)
    assert fix_text("我们要加强管埋工作。", lm=knows)[0] == "我们要加强管理工作。"
    lacks = WordLM({w: f for w, f in base.items() if "管理" not in w})
    assert fix_text("我们要加强管埋工作。", lm=lacks)[0] == "我们要加强管埋工作。"


def test_of_two_neighbouring_suspects_the_fix_that_clears_its_bar_by_more_is_made(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """考孩: 孩 is the misreading (考核); turning 考 into 男 only makes a word with it (男孩). Judged by the bar
    alone: which of the two is made is the decoder's choice, whatever a learned decision says of the winner."""
    _decide_with(monkeypatch, None)
    assert fixed("我们每年对干部进行考孩并公布结果") == "我们每年对干部进行考核并公布结果"
    assert fixed("他们与医踪挂钩的企业") == "他们与医院挂钩的企业"


def test_the_channel_credits_seen_confusions_by_their_counts_and_shapes_otherwise() -> None:
    from layoutfix.stages.glyphs import channel_score

    # with an observed channel: a confusion seen more often is cheaper, an unseen one pays for its shape
    assert channel_score(0.5, 9, True) > channel_score(0.5, 1, True) > channel_score(0.5, 0, True)
    assert channel_score(0.9, 0, True) > channel_score(0.5, 0, True)
    # without one (the shipped model), shape alone: a perfect look-alike costs nothing
    assert channel_score(1.0, 0, False) == 0.0 > channel_score(0.6, 0, False)


def test_after_a_surname_only_a_confusion_the_channel_has_seen_is_applied() -> None:
    from layoutfix.lm import WordLM, load_lm

    base = load_lm()
    text = "记者王管埋报道。"
    unseen = WordLM(dict(base.freq), bigrams={"报道": 50}, observed={"日": {"曰": 3}})
    assert fix_text(text, lm=unseen)[0] == text  # a look-alike the channel never saw: still a name
    seen = WordLM(dict(base.freq), bigrams={"报道": 50}, observed={"埋": {"理": 30}})
    assert fix_text(text, lm=seen)[0] == "记者王管理报道。"


def test_a_pair_printed_twice_in_a_document_stays_but_lines_are_separate_documents() -> None:
    page_text = "我们要加强管埋工作。管埋二字。"
    assert fixed(page_text) == page_text  # printed twice on one page: taken as written (a name, a term)
    assert fix_lines(["我们要加强管埋工作。", "管埋二字。"])[0] == "我们要加强管理工作。"


def test_a_confusion_the_channel_has_seen_needs_less_word_evidence() -> None:
    from layoutfix.lm import WordLM, load_lm

    base = load_lm()
    plain = WordLM(dict(base.freq), bigrams={"报道": 50})
    seen = WordLM(dict(base.freq), bigrams={"报道": 50}, observed={"埋": {"理": 30}})
    fixes = {}
    for name, lm in (("plain", plain), ("seen", seen)):
        _, edits = fix_text("我们要加强管埋工作。", lm=lm)
        fixes[name] = edits[0].reason
    assert "channel +" in fixes["seen"] and "channel -" in fixes["plain"]


def test_candidates_belong_to_the_model_asked_even_where_addresses_repeat(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A freed model's memory is reused by the next one: id() must not decide whose channel is used.

    Every id() in the module is made equal, as it is for two models that live at one address in turn."""
    from layoutfix.lm import WordLM
    from layoutfix.stages import glyphs as glyph_stage

    for part in glyph_stage.PARTS:  # a memo keyed by id() in any part would now mix the two models up
        monkeypatch.setattr(part, "id", lambda obj: 1, raising=False)
    table = {"人": (("入", 0.9),)}
    for k in (1, 2):
        lm = WordLM({"入口": 10, "八个": 10}, observed={"人": {"八": k}})
        assert glyph_stage._candidates(table, lm)("人") == {"入": (0.9, 0), "八": (0.0, k)}


def test_numeral_followers_come_from_the_model_asked_even_where_addresses_repeat(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lm import WordLM
    from layoutfix.stages import glyphs as glyph_stage

    for part in glyph_stage.PARTS:  # a memo keyed by id() in any part would now mix the two models up
        monkeypatch.setattr(part, "id", lambda obj: 1, raising=False)
    assert glyph_stage.numeral_followers(WordLM({"三个": 10, "五年": 3})) == frozenset("个年")
    assert glyph_stage.numeral_followers(WordLM({"三次": 10})) == frozenset("次")
    assert glyph_stage.numeral_followers(WordLM({"三个": 10, "五年": 3}), n=1) == frozenset("个")


def test_a_doubled_character_inside_words_is_refilled_when_one_copy_makes_a_long_dictionary_word() -> None:
    # 人民共|共国: no doubling to remove, but 和 for the second copy makes 人民共和国 (a five-character word)
    out, edits = fix_text("他是某某人民共共国的公民。")
    assert out == "他是某某人民共和国的公民。"
    assert [(e.kind, e.before, e.after) for e in edits] == [("glyph", "共", "和")]
    assert "人民共和国" in edits[0].reason and 0.5 <= edits[0].confidence <= 0.99


def test_a_refill_inside_quotes_or_book_title_marks_needs_the_larger_gain_of_quoted_text() -> None:
    from layoutfix.stages import glyphs as glyph_stage

    def bar(text: str) -> float:
        (e,) = fix_text(text)[1]
        return float(e.reason.rsplit(">=", 1)[1])

    outside, inside = bar("他是某某人民共共国的公民。"), bar("他读了《某某人民共共国史》。")
    assert inside == outside + glyph_stage.QUOTE_MARGIN


def test_a_reduplication_the_dictionary_knows_is_never_refilled() -> None:
    # 赫赫 is a word: 声名赫赫 stays although 声名显赫 is one too
    text = "那家老店早年声名赫赫，如今却很冷清。"
    assert fixed(text) == text


def test_the_search_memos_stay_capped_inside_one_huge_call(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lm import load_lm
    from layoutfix.stages import glyphs as glyph_stage

    monkeypatch.setattr(glyph_stage.memos, "MEMO_SIZE", 50)
    monkeypatch.setattr(glyph_stage.memos, "MEMO_CHECK", 4)
    lm = load_lm()
    lm.__dict__.pop("_glyph_memos", None)
    # one block, one Han run, many suspects: the sizes are checked while the call runs, not only when it starts
    common = sorted((w for w in lm.logp if len(w) == 1 and "\u4e00" <= w <= "\u9fff"), key=lm.logp.__getitem__)[-1500:]
    rng = random.Random(0)
    text = "".join(rng.choice(common) for _ in range(20000))  # pairs all but unique: many suspects
    fix_changes(text, lm)
    memos = lm.__dict__["_glyph_memos"][1:]
    # at most MEMO_SIZE entries, plus what MEMO_CHECK judged positions add (each asks at most 2 + TOP_K windows)
    bound = 50 + 4 * (2 + glyph_stage.TOP_K + 8)
    assert all(len(d) <= bound for d in memos), [len(d) for d in memos]
    lm.__dict__.pop("_glyph_memos", None)


def test_candidate_coverage_counts_where_the_right_character_stands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lm import load_lm
    from layoutfix.resources.eval_glyphs import candidate_coverage

    path = tmp_path / "pairs.txt"
    # one error whose right character is a close look-alike completing a word (王 for 主), one whose right
    # character looks nothing like the misreading (鱼 for 主), and a punctuation error that is not counted
    path.write_text("1\t某某乡也讲民王集中制\t某某乡也讲民主集中制\n"
                    "1\t某某乡也讲民鱼集中制\t某某乡也讲民主集中制\n"
                    "1\t好(\t好（\n", encoding="utf-8")
    got = candidate_coverage(path, load_lm(), load_confusion())
    assert got["error_positions"] == 2
    assert got["in_table_row"] == got["candidate"] == got["considered"] == 0.5
    assert got["considered"] <= got["gate_open"] <= 1.0


def test_the_neighbour_index_holds_exactly_the_models_known_pairs() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.glyphs import _neighbours

    lm = load_lm()
    after, before = _neighbours(lm)
    assert {a + b for a, bs in after.items() for b in bs} == lm.pairs.keys()
    assert {a + b for b, as_ in before.items() for a in as_} == lm.pairs.keys()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("甲乙丙"), max_size=14))
def test_repeat_positions_are_every_start_of_a_unit_printed_twice(run: str) -> None:
    from layoutfix.stages.glyphs import _REPEAT_AT

    brute = [i for i in range(len(run))
             if any(i + 2 * k <= len(run) and run[i:i + k] == run[i + k:i + 2 * k] for k in (1, 2, 3, 4))]
    assert [m.start() for m in _REPEAT_AT.finditer(run)] == brute


def test_word_spans_are_found_for_every_position_and_none_outside() -> None:
    from layoutfix.stages.glyphs import _SegOf

    segs = [(0, 2), (2, 3), (3, 7)]
    seg_of = _SegOf(segs)
    assert [seg_of[i] for i in range(7)] == [(0, 2), (0, 2), (2, 3), (3, 7), (3, 7), (3, 7), (3, 7)]
    assert seg_of.get(7) is None and seg_of.get(-1) is None
    with pytest.raises(KeyError):
        seg_of[7]


# -- the learned acceptance decision --------------------------------------------------
def _decide_with(monkeypatch, accept):  # type: ignore[no-untyped-def]
    from layoutfix.stages import glyphs as glyph_stage
    monkeypatch.setattr(glyph_stage.accept, "ACCEPT", accept)
    return glyph_stage


NEAR_BAR = ["我们要加强环镜保护工作", "这个问题非常复朵", "他们正在讨论新的汁划", "他每天早上都去公圆散步"]


def test_the_bar_written_as_a_learned_model_decides_as_the_bar(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    g = _decide_with(monkeypatch, None)
    by_bar = [fixed(t) for t in NEAR_BAR]
    g = _decide_with(monkeypatch, g.Acceptance.margin_only(4.0, 4.0))
    assert [fixed(t) for t in NEAR_BAR] == by_bar
    assert by_bar[0] == "我们要加强环境保护工作" and by_bar[-1] == NEAR_BAR[-1]


def test_a_learned_model_judges_only_the_fixes_inside_its_band(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    g = _decide_with(monkeypatch, None)
    assert fixed("这个问题非常复朵") == "这个问题非常复杂"  # clears the bar by less than 4
    no = g.Acceptance(tuple(0.0 for _ in g.ACCEPT_FEATURES), -100.0, 0.5, 0.0, 4.0)
    _decide_with(monkeypatch, no)
    assert fixed("这个问题非常复朵") == "这个问题非常复朵"       # inside the band: the model says no
    assert fixed("我们要加强环镜保护工作") == "我们要加强环境保护工作"  # clears it by more: the bar decides


def test_a_learned_model_may_make_a_fix_under_the_bar_and_logs_why(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    g = _decide_with(monkeypatch, None)
    assert fixed("他每天早上都去公圆散步") == "他每天早上都去公圆散步"
    yes = g.Acceptance(tuple(0.0 for _ in g.ACCEPT_FEATURES), 100.0, 0.5, 2.0, 0.0)
    _decide_with(monkeypatch, yes)
    text, edits = fix_text("他每天早上都去公圆散步")
    assert text == "他每天早上都去公园散步"
    (e,) = edits
    assert (e.before, e.after) == ("圆", "园") and "under the bar" in e.reason and "learned p 1.00" in e.reason
    assert e.confidence < 0.5  # under the bar: the margin's confidence stays low


def test_the_shipped_acceptance_is_fitted_on_the_decoders_features() -> None:
    import json
    from importlib import resources
    from layoutfix.stages import glyphs as glyph_stage
    d = json.loads(resources.files("layoutfix").joinpath("data", "glyph_accept.json").read_text(encoding="utf-8"))
    assert set(d["features"]) <= set(glyph_stage.ACCEPT_FEATURES) and len(d["weights"]) == len(d["features"])
    assert 0 < d["threshold"] < 1 and d["low"] >= 0 and d["high"] >= 0
    assert glyph_stage._shipped_acceptance() is not None


def test_recording_lists_each_judged_fix_with_its_features(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    g = _decide_with(monkeypatch, None)
    g = _decide_with(monkeypatch, g.Acceptance.margin_only(4.0, 4.0))
    monkeypatch.setattr(g.accept, "RECORD", [])
    fix_changes("这个问题非常复朵")
    (text, pos, before, after, feats, margin, z) = g.accept.RECORD[0]
    assert (text[pos], before, after) == ("朵", "朵", "杂")
    assert len(feats) == len(g.ACCEPT_FEATURES) and feats[0] == margin == z


def test_a_lone_copy_before_a_word_opening_with_it_goes_on_a_large_gain() -> None:
    # 召 printed twice before 开: a lone 召 then the word 召开; one copy goes
    assert fix_text("公司决定召召开职工大会")[0] == "公司决定召开职工大会"


def test_a_lone_copy_before_a_word_opening_with_it_stays_without_the_margin(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.stages.glyphs as g
    monkeypatch.setattr(g.doubled, "FIRST_ALONE_MARGIN", None)
    assert fix_text("公司决定召召开职工大会")[0] == "公司决定召召开职工大会"


def test_the_name_context_of_a_character_is_how_name_like_its_neighbours_are() -> None:
    from layoutfix.lm import name_shares
    from layoutfix.stages.glyphs import _name_context

    shares = name_shares()
    run = "甲斯罗乙"
    assert _name_context(run, 0) == pytest.approx((shares["斯"] + shares["罗"]) / 2)
    assert _name_context("诗人某费罗的", 2) > 2 * _name_context("我们的工作", 2)
    assert _name_context("某", 0) == 0.0


def test_the_learned_acceptance_reads_how_name_like_the_fix_and_its_context_are(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    g = _decide_with(monkeypatch, None)
    g = _decide_with(monkeypatch, g.Acceptance.margin_only(4.0, 4.0))
    monkeypatch.setattr(g.accept, "RECORD", [])
    fix_changes("这个问题非常复朵")
    feats = dict(zip(g.ACCEPT_FEATURES, g.accept.RECORD[0][4]))
    shares = __import__("layoutfix.lm", fromlist=["name_shares"]).name_shares()
    assert feats["name_both"] == pytest.approx(shares["朵"] * feats["name_ctx"])


def test_a_transliterated_name_the_dictionary_spells_with_a_look_alike_stays_as_printed() -> None:
    # the dictionary knows the name with 郎; printed with 朗 amid name characters it is taken as written
    assert fix_text("著名学者朗费罗的诗句")[0] == "著名学者朗费罗的诗句"


def test_a_lone_letter_before_a_measure_word_without_a_figure_after_it_is_debris() -> None:
    # 会 can follow a numeral, but no figure follows it: the letter is a speck, not a misread 6
    assert fixed("他们往往u会认为这样") == "他们往往会认为这样"
    # a letter and digits before a character no number takes: debris too
    assert fixed("省里的领导u22送来鲜花") == "省里的领导送来鲜花"


def test_a_block_of_ocr_debris_is_left_as_printed() -> None:
    # spaced-out scraps (segment's is_garbage): alone the look-alike is made, in a debris block it is not
    scraps = "外 工入 身"
    assert fix_text(scraps)[0] == "外 工人 身"
    page = Page(source="t", raw="我们要加强管埋工作。\n" + scraps, blocks=(
        Block(0, "我们要加强管埋工作。", 1, origin=((0, 1),)),
        Block(1, scraps, 2, origin=((0, 2),)),
    ))
    out = glyphs(page)
    assert out.blocks[0].text == "我们要加强管理工作。" and out.blocks[1] == page.blocks[1]
    assert [(e.line, e.before, e.after) for e in out.edits] == [(1, "埋", "理")]


def test_a_look_alike_that_completes_a_tandem_copy_of_the_clause_beside_it_is_left_as_printed() -> None:
    """A clause printed twice in a row with one copy misread (某甲管埋委员会某甲管理委员会) is a garbled repeat dedup
    left: the look-alike is right about the character but the copy is noise, so the stage leaves it; the same
    misreading in running text, or beside a term printed again farther on, is fixed."""
    from layoutfix.stages.glyphs import _makes_copy

    tandem = "我们要加强管埋工作我们要加强管理工作，提高服务水平。"
    i = tandem.index("埋")
    assert _makes_copy(tandem, i, "理", 4, 24, 0.75, 8)
    assert fix_changes(tandem)[0] == tandem
    running = "我们要加强管埋工作，提高服务水平。"
    assert fix_changes(running)[0] == "我们要加强管理工作，提高服务水平。"
    # the term printed twice with other words between: no tandem, fixed
    apart = "加强管埋工作是今年的重点，各地都把管理工作放在首位。"
    assert not _makes_copy(apart, apart.index("埋"), "理", 4, 24, 0.75, 8)


@given(st.text(alphabet="管理工作加强埋人入口的了", min_size=1, max_size=40), st.data())
@settings(max_examples=200, deadline=None)
def test_a_tandem_copy_means_two_places_d_apart_whose_d_characters_match_at_the_share(text: str, data) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.stages.glyphs import _makes_copy

    pos = data.draw(st.integers(0, len(text) - 1))
    x = data.draw(st.sampled_from("理埋入"))
    k, span, share, unit = 4, 24, 0.75, 8
    t = text[:pos] + x + text[pos + 1:]
    brute = False
    for s in range(max(0, pos - k + 1), pos + 1):
        g = t[s:s + k]
        if len(g) < k:
            continue
        for j in range(max(0, s - span), s + span + 1):
            if j == s or t[j:j + k] != g:
                continue
            a, d = min(s, j), abs(j - s)
            if d < max(k, unit):
                continue
            for u in range(max(0, a + k - d), a + 1):
                if u + 2 * d <= len(t) and sum(t[v] == t[v + d] for v in range(u, u + d)) >= share * d:
                    brute = True
    if _makes_copy(text, pos, x, k, span, share, unit):
        assert brute


def test_a_letter_that_would_open_a_number_with_a_zero_is_not_read_as_a_digit() -> None:
    """A count is never printed with a leading zero: o or O before digits is debris or a code, not a misread 0
    (synthetic tuning pages: every such reading was wrong); a zero before a decimal point, or an l read as 1, stays
    a misread digit."""
    for text in ("两家共有o876人参加。", "年吞吐量O100万吨。"):
        assert fixed(text) == text
    assert fixed("增长O.5%。") == "增长0.5%。"
    assert fixed("新增l0家企业。") == "新增10家企业。"
