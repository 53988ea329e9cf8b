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
])
def test_a_garbled_copy_whose_misreading_makes_no_word_still_goes(text, kept):
    out, changes = drop_garbled_doublings(text, load_lm())
    assert out == kept and len(changes) == 1


def test_another_name_is_a_run_of_words_with_a_misreading_inside_one():
    segment = load_lm().segment
    assert doublings._reads_as_another_name("华南师范大学", "华中师范大学", segment)
    assert doublings._reads_as_another_name("海南师范大学", "河南师范大学", segment)  # one look-alike apart
    # the misreading stands alone ('粮|余'), or the copy's reading has a one-character word inside ('山西|的|财经大学')
    assert not doublings._reads_as_another_name("今年全省粮余总产量", "今年全省粮食总产量", segment)
    assert not doublings._reads_as_another_name("山西的财经大学", "山东的财经大学", segment)
    # a misreading that stands alone at the copy's end ('师范大学|华'), though the rest reads as words
    assert not doublings._reads_as_another_name("师范大学华", "师范大学等", segment)


def _plainly_another_name(copy: str, phrase: str, segment) -> bool:
    """The definition, for a copy of the phrase's length: no one-character word inside the copy's reading, and a
    character that differs from the phrase's inside a word of two or more."""
    words = segment(copy)
    if any(len(w) < 2 for w in words[1:-1]):
        return False
    word_len = [len(w) for w in words for _ in w]  # the length of the word holding each character
    return any(a != b and word_len[k] >= 2 for k, (a, b) in enumerate(zip(copy, phrase)))


_HAN = st.text(alphabet=st.sampled_from("中国人民大学师范工业农业财经科技南北东西江山河湖海省市县的了是在有和"),
               min_size=5, max_size=12)


@settings(max_examples=200, deadline=None)
@given(phrase=_HAN, data=st.data())
def test_a_copy_misread_in_one_place_is_another_name_as_the_definition_says(phrase, data):
    i = data.draw(st.integers(0, len(phrase) - 1))
    c = data.draw(st.sampled_from("中国人民大学师范工业农业财经科技南北东西江山河湖海省市县的了是在有和丐"))
    copy = phrase[:i] + c + phrase[i + 1:]
    segment = load_lm().segment
    assert doublings._reads_as_another_name(copy, phrase, segment) == _plainly_another_name(copy, phrase, segment)
