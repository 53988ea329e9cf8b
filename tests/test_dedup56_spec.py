"""Session 56 (dedup56): a list whose items share a tail keeps its items.

A list where one item's tail is shared with the next item, and that item's opening with the one after it
('安徽农业大学', '华中农业大学', '华中师范大学' printed without marks), holds the phrase '农业大学华中' twice in a row. It is no
misprint: the two copies meet inside an item's name ('华中|农业大学'), where a line read twice or a phrase printed
twice meets at a seam the text never printed ('合作关|合作关系'). `doublings._joined_across` reads that: the word
model's best reading of X X puts a word of X's whole length (`SEAM_WORD` characters or more) across the seam, and the
text does not print that word's head again after the copies. The garbled-copy pass does not then cut the same list
read shifted (`_in_joined_doubling`).
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import doublings
from layoutfix.stages.dedup.doublings import drop_garbled_doublings, drop_tandem_repeats


def _clean(text: str) -> tuple[str, list]:
    """The text of the blocks `layoutfix.clean` makes of a one-line dump, and the dedup stage's edits."""
    page = layoutfix.clean(text)
    return "".join(b.text for b in page.blocks), [e for e in page.edits if e.stage == "dedup"]


# an invented list of the reported kind (session 55's review found it in a list of universities; the lead's first
# example of it came too close to a People's Daily line the repository holds, tests/test_tests_quote_no_sample_text.py)
REPORTED = "入选高校有安徽农业大学华中农业大学华中师范大学等单位。"


def _dedup_text(text: str) -> str:
    """What dedup's two in-paragraph passes (exact, then garbled doublings) leave of `text`."""
    lm = load_lm()
    out, _ = drop_tandem_repeats(text, lm.has, (), lm.segment)
    return drop_garbled_doublings(out, lm)[0]


def test_the_reported_list_keeps_all_three_items():
    # before session 56, '…安徽农业大学华中师范大学…' (X = '农业大学华中' dropped)
    para, edits = _clean("本报讯 " + REPORTED + "\n")
    assert REPORTED in para
    assert not [e for e in edits if e.kind == "doubled"]


def test_invented_lists_of_the_same_shape_keep_their_items():
    for text in ("参会的有山东师范大学河北师范大学河北省教育厅等。",   # X = '师范大学河北'
                 "获奖单位有广州美术学院湖北美术学院湖北省博物馆等。",  # X = '美术学院湖北'
                 "签约的有北京交通大学西安交通大学西安电子科技大学。",  # X = '交通大学西安'
                 "出席的有四川省委河南省委河南省政府的代表。"):          # X = '省委河南' (the copies meet in '河南省委')
        assert _dedup_text(text) == text, text


def test_the_list_kept_is_not_cut_as_a_garbled_copy_instead():
    # with '工业大学浙江' printed twice kept, '业大学浙江工' stands right before '业大学浙江省' and reads as a
    # garbled copy of it, one character misread (without `_in_joined_doubling`: '…河北工业大学浙江省…', an item lost)
    lm = load_lm()
    text = "入选单位有河北工业大学浙江工业大学浙江省图书馆等。"
    assert drop_tandem_repeats(text, lm.has, (), lm.segment)[0] == text
    assert drop_garbled_doublings(text, lm)[0] == text


def test_a_phrase_printed_twice_still_goes():
    # a line's end read again at the next line's start, and a word printed twice: the copies meet where the text
    # never joined them
    for doubled, once in (("会议决定进一步扩大对外开放的领域扩大对外开放的领域和范围。", "会议决定进一步扩大对外开放的领域和范围。"),
                          ("两国领导人一致同意推动友好合作关合作关系的发展。", "两国领导人一致同意推动友好合作关系的发展。"),
                          ("专家认为，这项发现在生物进化科学化科学领域意义重大。", "专家认为，这项发现在生物进化科学领域意义重大。")):
        assert _dedup_text(doubled) == once, doubled
        para, edits = _clean("本报讯 " + doubled + "\n")
        assert once in para and doubled not in para and [e for e in edits if e.kind == "doubled"], doubled


def test_the_seam_word_is_asked_of_exact_doublings_only():
    seg = load_lm().segment
    assert doublings._joined_across("农业大学华中农业大学华中", 0, 6, seg)
    assert not doublings._joined_across("合作关合作关系", 0, 3, seg)
    assert not doublings._joined_across("农业大学华中农业大学华南", 0, 6, seg)  # not X X


_PLACES = ("江西", "河北", "湖北", "华中", "西安", "山东", "浙江", "北京", "南京", "上海", "四川", "湖南", "安徽", "福建")
_TAILS = ("农业大学", "师范大学", "美术学院", "交通大学", "大学", "医科大学", "工业大学", "理工大学")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_PLACES), st.sampled_from(_PLACES), st.sampled_from(_TAILS))
def test_a_list_whose_middle_item_is_a_known_name_stands(a, b, tail):
    """'A S B S B省…': when the word model knows 'B S' as one name, the list keeps its three items."""
    if a == b or not load_lm().has(b + tail):
        return
    text = f"入选单位有{a}{tail}{b}{tail}{b}省图书馆等。"
    assert _dedup_text(text) == text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_PLACES), st.sampled_from(_PLACES), st.sampled_from(_TAILS))
def test_an_item_printed_twice_in_a_list_goes(a, b, tail):
    """'A S B S B S': the list's item 'B S' printed twice, which holds 'S B' twice too, loses one copy (review
    rdedup56: the leftmost doubling found is 'S B', whose copies meet inside the true second 'B S')."""
    if a == b:
        return
    lm = load_lm()
    text = f"入选单位有{a}{tail}{b}{tail}{b}{tail}等。"
    # (the exact pass alone: the garbled pass may then take 'A S' for a misread copy of 'B S', an older fault)
    assert drop_tandem_repeats(text, lm.has, (), lm.segment)[0] == f"入选单位有{a}{tail}{b}{tail}等。"


def test_a_shorter_word_across_the_seam_is_no_list():
    # the copies of a phrase printed twice may meet in a word by chance ('社会效益' across '…和社会|效益和社会…'):
    # only a word of the whole copy's length, the item's name, keeps the doubling
    assert _dedup_text("我国经济效益和社会效益和社会效益显著提高。") == "我国经济效益和社会效益显著提高。"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(("扩大对外开放", "推动友好合作", "改善道路交通条件", "提高农民收入")),
       st.integers(min_value=1, max_value=3))
def test_a_whole_phrase_printed_twice_goes(phrase, cut):
    """A phrase of whole words printed twice, or with its last characters cut, loses the copy: its copies meet
    between words, never inside one."""
    x = phrase[:len(phrase) - cut + 1] if cut > 1 else phrase
    text = f"会议要求{x}{x}{phrase[len(x):]}的工作。"
    assert _dedup_text(text) == f"会议要求{phrase}的工作。"


# --- Part 2: dedup speed, the same decisions --------------------------------------------------------------------

def _may_align(echoes: list[int], p: int, m: int) -> bool:
    """Session 54's bound, counted afresh: text[p - m:p] keeps four Han and 0.6 m of its characters coming back m to
    m + MAX_COPY_DROPS characters on."""
    kept = han = 0
    for x in range(p - m, p):
        e = echoes[x]
        if (e >> m) & doublings._KEPT_AT:
            kept += 1
            han += e & 1
    return han >= 4 and kept >= 0.6 * m


def _places_asked_one_by_one(text: str) -> list[tuple[int, int]]:
    """`_copy_places` as first computed (session 54): `_may_align` counted afresh over each copy asked."""
    echoes = doublings._echoes(text)
    places: list[tuple[int, int]] = []
    reach = [0] * (doublings.MAX_COPY + 1)
    for i in range(len(text) - 1):
        both = echoes[i] & echoes[i + 1]
        shifts = (both & doublings._PAIR_SHIFTS) if both & 1 else 0
        for s in range(doublings._PAIR_NEAR, doublings._PAIR_FAR + 1):
            if not shifts or not (shifts >> s) & 1:
                continue
            for m in range(max(doublings.MIN_COPY, s - doublings.MAX_COPY_DROPS), min(doublings.MAX_COPY, s) + 1):
                for p in range(max(i + 2, m, reach[m] + 1), i + m + 1):
                    if _may_align(echoes, p, m):
                        places.append((p, m))
                reach[m] = max(reach[m], i + m)
    return sorted(places)


_PHRASE_CHARS = "省质量监督站近日组织最今的了，。、ab0"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_CHARS), max_size=90).map("".join))
def test_the_places_asked_are_those_the_bound_takes_one_by_one(text):
    """`_copy_places` slides its counts from one place to the next; it asks exactly the places where `_may_align`,
    counted afresh, lets a copy through."""
    assert doublings._copy_places(text) == _places_asked_one_by_one(text)


def test_the_places_asked_on_a_garbled_doubling_and_a_long_line():
    for text in ("据悉，省质最监督站今省质量监督站近日组织专项检查，省质量监督站的检查组说，检查组近日到达。",
                 "质量监督" * 30, "站近日组织最今的" * 12 + "，" + "省质量监督站近日" * 8):
        assert doublings._copy_places(text) == _places_asked_one_by_one(text)
        assert doublings._copy_places(text)  # (places there are)
