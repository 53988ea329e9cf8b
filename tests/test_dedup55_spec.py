"""Specification of dedup55 part 1: a garbled copy of a phrase that ends the text is removed as it is in the middle.

OCR may print a phrase twice in a row, the first time misread and read one character too far ('国家技米监督局阳' for
'国家技术监督局日…'). dedup's `drop_garbled_doublings` removes that first copy whole and keeps the phrase. Where the
phrase ends the text, the character the copy's last one misreads is not printed: the copy's characters past the text's
end count as misreadings of characters the text does not print (`doublings._copy_past_end`), so the copy is removed
whole there too, not a copy read from a character later that keeps the stray character as the phrase's first
('据悉，阳国家技术监督局').
- The text kept is the same whether the phrase ends the text or more text follows it.
- The edit says the copy's last character stands past the text's end.
- Only Han stands past the end as a misreading (a mark, figure or letter there is kept, as in the middle of a text),
  and the copy's characters past the end follow the phrase when the two are read against each other: a list of
  names whose last item is cut by the text's end keeps every name (review rdedup55).
(The example phrase is from a synthetic tuning page; the other texts are invented.)
"""
from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import layoutfix
from layoutfix.confusion import load_confusion
from layoutfix.lm import load_lm
from layoutfix.stages.dedup.doublings import drop_garbled_doublings

PHRASES = ("国家技术监督局", "中国人民银行", "全国人大常委会", "农业部有关负责人", "北京市人民政府", "科学技术研究所",
           "国务院新闻办公室", "外交部发言人", "经济体制改革委员会", "中央电视台记者")
BEFORE = ("据悉，", "本报讯 据了解，", "他说，", "")
AFTER = ("日前发布", "今天宣布", "的负责人说", "近日表示", "有关人士")


def _kept(text: str) -> str:
    return drop_garbled_doublings(text, load_lm())[0]


@st.composite
def copies(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(text before, garbled copy, phrase, text after): the copy misreads one or two of the phrase's characters as
    look-alikes, and may go on one character into the text after, misread as a look-alike too."""
    table = load_confusion()
    phrase = draw(st.sampled_from(PHRASES))
    after = draw(st.sampled_from(AFTER))
    copy = list(phrase)
    places = [i for i, c in enumerate(phrase) if table.get(c)]
    for i in draw(st.lists(st.sampled_from(places), min_size=1, max_size=2, unique=True)):
        copy[i] = draw(st.sampled_from([b for b, _ in table[phrase[i]][:3]]))
    if draw(st.booleans()) and table.get(after[0]):
        copy.append(draw(st.sampled_from([b for b, _ in table[after[0]][:3]])))
    return draw(st.sampled_from(BEFORE)), "".join(copy), phrase, after


def test_a_copy_read_one_character_past_a_phrase_that_ends_the_text_goes_whole() -> None:
    assert _kept("据悉，国家技米监督局阳国家技术监督局") == "据悉，国家技术监督局"
    assert _kept("据悉，国家技米监督局阳国家技术监督局日前发布") == "据悉，国家技术监督局日前发布"


def test_a_list_of_names_cut_by_the_text_s_end_keeps_every_name() -> None:
    # '…安徽农业大学安徽省': the item before the last reads as a garbled copy of a cut last item ('安徽农业' against
    # '安徽省'), but its last character completes a word either way
    for text in ("本报讯 表彰名单：上海医科大学安徽农业大学安徽省", "获奖单位有华西医科大学河南农业大学河南省"):
        assert _kept(text) == text


def test_a_mark_figure_or_letter_past_the_text_s_end_is_no_misreading() -> None:
    for mark in "，1A":
        kept = _kept(f"他说国家技米监督局{mark}国家技术监督局")
        assert mark in kept and kept == _kept(f"他说国家技米监督局{mark}国家技术监督局日前发布").removesuffix("日前发布")


def test_the_cleaned_page_keeps_the_phrase_and_logs_the_copy_with_it() -> None:
    out, edits = layoutfix.fix_and_explain("本报讯 据悉，国家技米监督局阳国家技术监督局\n")
    assert "据悉，国家技术监督局" in out and "阳" not in out
    doubled = [e for e in edits if e.stage == "dedup" and e.kind == "doubled"]
    assert [(e.before, e.after) for e in doubled] == [("国家技米监督局阳国家技术监督局", "国家技术监督局")]
    assert "1 past the text's end" in doubled[0].reason


@settings(max_examples=150, deadline=None)
@given(copies())
@example(("据悉，", "国家技米监督局阳", "国家技术监督局", "日前发布"))
@example(("", "国家技米监督局阳", "国家技术监督局", "日前发布"))
def test_the_text_kept_is_the_same_whether_the_phrase_ends_the_text_or_not(case: tuple[str, str, str, str]) -> None:
    """Where the copy goes in the middle of the text, it goes where the phrase ends the text, and the same text is
    kept. (In the middle, a copy the word model reads nearly as well as the phrase may also go as a copy read from a
    character later, its last character a misreading of the first after the phrase: that removal leans on the text
    after the phrase, and is not asked of the end.)"""
    before, copy, phrase, after = case
    out, changes = drop_garbled_doublings(before + copy + phrase + after, load_lm())
    assume(out == before + phrase + after and [c[0] for c in changes] == [len(before)])
    assert _kept(before + copy + phrase) == before + phrase


@settings(max_examples=200, deadline=None)
@given(st.builds(lambda pre, cp, ph: pre + cp + ph, st.sampled_from(BEFORE),
                 st.text(alphabet="国家技米术监督局阳日农业部有失关负责人，", min_size=4, max_size=16),
                 st.sampled_from(PHRASES)))
@example("据悉，国家技米监督局阳国家技术监督局")
def test_the_search_asks_every_copy_that_could_stand_past_the_text_end(text: str) -> None:
    """The search's bound (`_copy_places`, `_kept_counts`) still holds every place where a copy standing past the
    text's end keeps what `_copy_evidence` asks of it (0.6 of the copy and four Han characters)."""
    from layoutfix.stages.dedup import doublings as D

    places = set(D._copy_places(text))
    for m in range(D.MIN_COPY, D.MAX_COPY + 1):
        for p in range(max(m, len(text) - m + 1), len(text)):
            a = D._copy_past_end(text[p - m:p], text[p:])
            if a is not None and a[0] >= 0.6 * m and a[1] >= 4 and a[3] <= 1:
                assert (p, m) in places
