"""dedup (session 37, noise37): specs that pin session 36's guards (each fails when its guard is removed or
loosened), and the copies this session's rules send to noise and what they keep. Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clausecopy import clause_copy
from layoutfix.stages.dedup.clauses import _clause_repeats
from layoutfix.stages.dedup.garbled import garbled_prefix
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str) -> Page:
    return dedup(normalize(read(dump, Config())))


def dedup_edits(page: Page) -> list:  # type: ignore[type-arg]
    return [e for e in page.edits if e.stage == "dedup"]


def untouched(page: Page) -> bool:
    """Nothing of the page went to noise and dedup logged no edit."""
    return not page.noise and not dedup_edits(page)


# --- session 36's guards ----------------------------------------------------------------------------------------

def test_after_a_copy_closing_on_its_mark_only_two_stray_characters_may_stand_alone() -> None:
    # garbled.STRAY_MOST: a page or column number glued on is one or two digits; a row of spaced figures after the
    # copy is more than a stray, and (the first four characters holding one figure) no new text either: no copy.
    # (Through normalize a line's spaces are single, so there two or more characters read as new text anyway; the
    # guard holds for a line handed to the finder as printed.)
    lm = load_lm()
    prev = "她用一句话，概括了近三十年的风雨和坎坷。"
    assert garbled_prefix(prev, "概括不近三十杂的风雨利坎。 3", lm)[0] == 13
    assert garbled_prefix(prev, "概括不近三十杂的风雨利坎。 3    12", lm) == (0, 0.0)


def test_a_clause_cut_to_its_last_characters_is_aligned_again_only_a_few_characters_on() -> None:
    # clausecopy.CUT_SHIFTS: a line that opens on a name and then says the last words of a long clause, five or six
    # characters short of where the cut clause starts, is a sentence of its own (a word left out), not a copy that
    # started later
    lm = load_lm()
    prev = "今年以来，全县各级干部走进田间地头帮助农户解决种植养殖当中遇到的各种具体难题。"
    assert clause_copy(prev, "嵇琇决种植养殖当中遇到的各种具体难题。她说，明年还要修路。", lm) == (0, 0.0)
    assert clause_copy(prev, "嵇琇种植养殖当中遇到的各种具体难题。她说，明年还要修路。", lm) == (0, 0.0)
    # (four characters short it is read as a copy that lost its start)
    assert clause_copy(prev, "嵇琇解决种植养殖当中遇到的各种具体难题。她说，明年还要修路。", lm)[0] == 20


def test_a_quotation_closing_before_a_comma_is_no_paragraph_end_a_copy_may_repeat() -> None:
    # garbled._CLOSING_BEFORE_COMMA holds the ellipsis only: a quoted name closes mid-sentence ('…“老黄牛”，' goes on),
    # so the next line taking up the words before the quote is the text's, not a copy of the line's end
    dump = ("这支队伍在当地群众中有口皆碑，人们都亲切地称他们为“老黄牛”，\n\n"
            "都亲切地称他们“老黄牛”的原因很简单，他们从不叫苦。\n")
    page = run(dump)
    assert untouched(page)
    assert [b.text for b in page.blocks][-1] == "都亲切地称他们“老黄牛”的原因很简单，他们从不叫苦。"


def test_only_a_double_quote_turned_the_other_way_is_read_as_the_same_mark() -> None:
    # clauses._DOUBLE_QUOTES: a long clause printed again with its quotes turned ('”幸福渠“') is the same clause; one
    # that puts words where the first had quotes ('大幸福渠了') says something else, however alike the rest
    lm = load_lm()
    first = "村里人说，大家都把这条新修的水渠叫作“幸福渠”，它让旱地变成了水浇地。老支书讲，今年以来，"
    turned = first + "大家都把这条新修的水渠叫作”幸福渠“，这是群众对我们的肯定。"
    assert _clause_repeats(turned, lm)[0] == [(45, 64)]
    reworded = first + "大家都把这条新修的水渠叫作大幸福渠了，这是群众对我们的肯定。"
    assert _clause_repeats(reworded, lm)[0] == []
    page = run(reworded + "\n")
    assert [b.text for b in page.blocks] == [reworded] and not page.noise


# --- a short clause's copy that opens on its quote turned the other way --------------------------------------

def test_a_short_clause_copy_opening_on_its_quote_turned_goes_when_it_balances_the_quotes() -> None:
    # the copy, printed after the quotation's full stop, carries the clause's opening quote read as a closing one;
    # taking it out pairs the paragraph's quotation marks
    para = "工人们都说：“有了‘安全网’后，我们干活心里踏实多了，再也不怕出事故。”有了‘安全网’后，”"
    lm = load_lm()
    spans, close = _clause_repeats(para, lm)
    assert spans == [(35, 45)] and spans[0] in close and para[35:45] == "”有了‘安全网’后，"
    page = run(para + "\n")
    assert [b.text for b in page.blocks] == ["工人们都说：“有了‘安全网’后，我们干活心里踏实多了，再也不怕出事故。”"]
    assert [n.text for n in page.noise] == ["”有了‘安全网’后，"]
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and 0 < edit.confidence < 1 and "clause printed again" in edit.reason


def test_a_short_clause_said_again_with_its_quote_turned_and_the_quotes_paired_stays() -> None:
    # the same clause said twice, each time opening a quotation that closes: nothing says a copy was printed
    para = "他说：“有了好政策，日子就有盼头。”她也说：”有了好政策，心里就不慌。”"
    lm = load_lm()
    assert _clause_repeats(para, lm)[0] == []


# --- a long clause printed again, once with a stray letter inside -----------------------------------------------

def test_a_long_clause_printed_again_without_the_stray_letter_of_its_first_copy_goes_to_noise() -> None:
    para = ("他说，今年被大家称为全县的“改革之I年”，我们与各乡镇一道，积极参与改革问题的讨论，推动了改革进程。"
            "今年被大家称为全县的“改革之年”，")
    lm = load_lm()
    spans = _clause_repeats(para, lm)[0]
    assert [para[b:e] for b, e in spans] == ["今年被大家称为全县的“改革之年”，"]


def test_a_long_clause_said_again_with_a_letter_and_another_word_stays() -> None:
    # only a lone letter between Han characters is read past: a clause that also says a word otherwise is another
    para = ("他说，今年被大家称为全县的“改革之I年”，我们与各乡镇一道，积极参与改革问题的讨论，推动了改革进程。"
            "明年被大家称为全县的“改革之年”，")
    lm = load_lm()
    assert _clause_repeats(para, lm)[0] == []


def test_a_long_clause_said_again_after_the_same_frame_inside_a_sentence_stays() -> None:
    # '…经理认为，X' / '…代表认为，X': a speaker's frame then the same long clause, said on purpose
    para = ("公司经理认为，在这项新事业刚刚起步的几年里，完全靠市场来调节是很难的。这是座谈会上谈得较多的话题。"
            "不少代表认为，在这项新事业刚刚起步的几年里，政府还应当多给一些扶持。")
    lm = load_lm()
    assert _clause_repeats(para, lm)[0] == []
    stopped = ("公司经理这样看。在这项新事业刚刚起步的几年里，完全靠市场来调节是很难的。这是座谈会上谈得较多的话题。"
               "不少代表这样看。在这项新事业刚刚起步的几年里，政府还应当多给一些扶持。")
    assert _clause_repeats(stopped, lm)[0] == []  # (the characters before both are the same: '样看。')


# --- a badly garbled copy of the last clause that the dump set off from the text after it -----------------------

BEFORE = "集市上人来人往，孩子看见有人买糖葫芦，他也吵着要买。\n\n"


def test_a_badly_garbled_clause_copy_set_off_by_a_space_goes_to_noise_under_the_usual_bar() -> None:
    # evidence 1.96 (under clausecopy.MIN_SCORE): enough where the dump printed a space after the copy's mark
    page = run(BEFORE + "天巴吵耍着买。 妈妈笑着答应了，一家人继续往前走。\n")
    assert [n.text for n in page.noise] == ["天巴吵耍着买。"]
    assert [b.text for b in page.blocks][-1] == "妈妈笑着答应了，一家人继续往前走。"
    (edit,) = dedup_edits(page)
    assert edit.kind == "to_noise" and "badly garbled repeat" in edit.reason and 0.5 < edit.confidence < 0.6


def test_the_same_garbled_opening_run_into_the_text_stays() -> None:
    page = run(BEFORE + "天巴吵耍着买。妈妈笑着答应了，一家人继续往前走。\n")
    assert untouched(page)


def test_a_line_saying_the_clause_otherwise_set_off_by_a_space_stays() -> None:
    for line in ("弟弟也吵着要吃。 妈妈笑着答应了，一家人继续往前走。\n", "他也哭着要走。 妈妈笑着答应了，一家人继续往前走。\n"):
        page = run(BEFORE + line)
        assert untouched(page), line


# --- review37a: what the rules above must keep ----------------------------------------------------------------

def test_an_apostrophe_in_the_paragraph_does_not_make_a_narrators_echo_of_a_quote_a_copy() -> None:
    # '’98' is a closing single quote to a quote count: the quote-turned copy rule counts double quotes alone
    text = "在’98全国农业工作会议上，老张说：“有了好政策，日子越过越红火。”有了好政策，还要有人带头干，这是村里人的共识。\n"
    page = layoutfix.clean(text.encode())
    assert untouched(page)


def test_a_clause_with_a_meant_capital_letter_and_one_without_are_two_clauses() -> None:
    # only a lower-case letter or a stroke-like I between Han is read as debris (a capital is meant: 维生素C)
    text = "这种水果的维生素C含量比苹果高出许多，很受欢迎。据检测，这种水果的维生素含量比苹果高出许多，价格却不高。\n"
    page = layoutfix.clean(text.encode())
    assert untouched(page)


def test_a_long_clause_said_again_after_two_parallel_sentences_stays() -> None:
    text = ("这一年，全县经济发展得很快。老百姓的日子一天比一天过得红火起来，村里盖起了新楼房。"
            "到了第二年，全省经济发展也很快。老百姓的日子一天比一天过得红火起来，镇上开起了新商店。\n")
    page = layoutfix.clean(text.encode())
    assert untouched(page)


def test_an_apostrophe_before_a_year_is_no_closing_quote_to_the_copy_rules() -> None:
    # review37b: the narrator's attribution said twice verbatim, '’98' in the paragraph: no copy, nothing lost
    text = "“今年的工作很好。”某甲认为，明年会更好。“后年的工作也好。”某甲认为，这是’98年以来最好的。\n"
    page = layoutfix.clean(text.encode())
    assert untouched(page)
