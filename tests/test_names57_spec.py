"""Session 57 (lead): a list of two names one character apart keeps both.

'…华南师范大学华中师范大学…' (two regions, one kind of school, printed without a mark between them) has the shape of a
garbled copy: '华南师范大学' would be '华中师范大学' with one character misread, and the word model, which holds one name
as a word and not the other, reads the first one 12 nats worse. Before session 57 dedup's garbled-copy pass dropped it
and the list lost an item. A misreading seldom makes a word with its neighbours, while a list's other item reads as a
run of words ('华南|师范大学'): `doublings._reads_as_another_name`, and a copy that overlaps such a name (the same list
read shifted) stays too.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import doublings
from layoutfix.stages.dedup.doublings import drop_garbled_doublings

# invented lists: two places one character apart, one kind of institution (each lost its first item before)
LISTS = [
    "参加会议的有华南师范大学华中师范大学等单位。",  # the first copy read shifted too: '南师范大学华' / '中师范大学等单'
    "参加会议的有山东财经大学山西财经大学等单位。",
    "参加会议的有江苏财经大学江西财经大学等单位。",
    "参加会议的有东南财经大学西南财经大学等单位。",
    "参加会议的有南京工业大学北京工业大学等单位。",
    "参加会议的有海南师范大学河南师范大学等单位。",  # one look-alike apart (海/河)
]


@pytest.mark.parametrize("text", LISTS)
def test_a_list_of_two_names_one_character_apart_keeps_both(text):
    out, changes = drop_garbled_doublings(text, load_lm())
    assert out == text and changes == []


def test_through_the_pipeline_the_list_keeps_its_item_and_dedup_logs_nothing():
    page = layoutfix.clean("本报讯 入选高校有华南师范大学华中师范大学南京大学等单位。\n")
    assert "华南师范大学华中师范大学南京大学" in "".join(b.text for b in page.blocks)
    assert not [e for e in page.edits if e.stage == "dedup"]


@pytest.mark.parametrize("text, kept", [
    # an unlike misreading that stands alone in the copy's reading ('粮|余'): a garbled copy, removed as before
    ("记者从有关部门了解到，今年全省粮余总产量今年全省粮食总产量再创新高", "记者从有关部门了解到，今年全省粮食总产量再创新高"),
    ("会议要求各地认真落实安全哥产责会议要求各地认真落实安全生产责任制", "会议要求各地认真落实安全生产责任制"),
    # a copy read shifted reads as a name ('胳主管部门开价' ends on the phrase's own '价格'), but the right copy ranks
    # above it and goes (review rnames57: the first build let the shifted read veto it)
    ("市政府价胳主管部门开价格主管部门开始调查。", "市政府价格主管部门开始调查。"),
])
def test_a_garbled_copy_whose_misreading_makes_no_word_still_goes(text, kept):
    out, changes = drop_garbled_doublings(text, load_lm())
    assert out == kept and len(changes) == 1


def test_another_name_is_a_run_of_words_with_a_misreading_inside_one():
    lm = load_lm()
    assert doublings._reads_as_another_name("华南师范大学", "华中师范大学", lm)
    assert doublings._reads_as_another_name("海南师范大学", "河南师范大学", lm)  # one look-alike apart
    # the misreading stands alone ('粮|余'), or the copy's reading has a one-character word inside ('山西|的|财经大学')
    assert not doublings._reads_as_another_name("今年全省粮余总产量", "今年全省粮食总产量", lm)
    assert not doublings._reads_as_another_name("山西的财经大学", "山东的财经大学", lm)
    # a misreading that stands alone at the copy's end ('师范大学|华'), though the rest reads as words
    assert not doublings._reads_as_another_name("师范大学华", "师范大学等", lm)


def test_a_word_the_model_holds_as_rare_is_no_name():
    # most of the model's entries are rare pairs a misreading makes by chance (review rnames57: '经济已资成为')
    lm = load_lm()
    assert (lm.word_logp("已资") or 0.0) <= doublings.NAME_WORD_LOGP < (lm.word_logp("华南") or 0.0)
    assert not doublings._reads_as_another_name("经济已资成为", "经济已经成为", lm)


def _plainly_another_name(copy: str, phrase: str, lm) -> bool:
    """The definition, for a copy of the phrase's length: no one-character word inside the copy's reading, and a
    character that differs from the phrase's inside a word of two or more that the model does not hold as rare."""
    words = lm.segment(copy)
    if any(len(w) < 2 for w in words[1:-1]):
        return False
    holder = [w for w in words for _ in w]  # the word holding each character
    return any(a != b and len(holder[k]) >= 2 and (lm.word_logp(holder[k]) or -99.0) > doublings.NAME_WORD_LOGP
               for k, (a, b) in enumerate(zip(copy, phrase)))


# phrases made of words (a reading with one-character words inside is never a name: random characters read so)
_WORDS = ["华南", "华中", "山东", "山西", "师范", "大学", "人民", "政府", "财经", "工业", "科技", "农业", "省委", "日报",
          "经济", "已经", "成为", "市场", "发展", "建设", "海南", "河南", "江苏", "江西", "出版社", "委员会", "代表团"]
_PHRASE = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5).map("".join)


@settings(max_examples=200, deadline=None)
@given(phrase=_PHRASE, data=st.data())
def test_a_copy_misread_in_one_place_is_another_name_as_the_definition_says(phrase, data):
    i = data.draw(st.integers(0, len(phrase) - 1))
    c = data.draw(st.sampled_from("中南东西山河海江省市县人民大学师范已的了是丐"))
    copy = phrase[:i] + c + phrase[i + 1:]
    lm = load_lm()
    assert doublings._reads_as_another_name(copy, phrase, lm) == _plainly_another_name(copy, phrase, lm)
