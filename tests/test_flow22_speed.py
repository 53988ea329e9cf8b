"""Specifications of flow's faster paths: each gives what the plain definition gives, on invented text."""
from __future__ import annotations

from operator import add

from hypothesis import given, settings, strategies as st

from layoutfix import Config
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

# characters of every width the pair keys must keep apart: Han and Latin, NUL, the last BMP character, lone
# surrogates (one UTF-16 unit each) and characters beyond the BMP (two units in UTF-16)
_ALPHABET = "甲乙丙丁ab，\x00\uffff\ud800\udc00\U00010000\U0001f600\U0010ffff"


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=12), st.text(_ALPHABET, max_size=12))
def test_character_pairs_as_integers_count_what_two_character_strings_count(a: str, b: str) -> None:
    from layoutfix.stages.flow import _bigrams
    sa, sb = set(map(add, a, a[1:])), set(map(add, b, b[1:]))
    ga, gb = _bigrams(a), _bigrams(b)
    assert len(ga) == len(sa) and len(gb) == len(sb)
    assert len(ga & gb) == len(sa & sb)


def test_a_pair_reads_the_same_in_a_text_with_and_without_a_character_beyond_the_bmp() -> None:
    from layoutfix.stages.flow import _bigrams
    assert _bigrams("甲乙") <= _bigrams("\U0001f600甲乙")
    assert len(_bigrams("\U00010000\x00") & _bigrams("\x00\x01")) == 0  # (no key of one form is one of the other)


_PAGE = ("会议要求各部门切实加强安全生产\n\n管理工作，落实各项责任。\n\n的发展道路越走越宽，群众\n\n"
         "北京市今天召开会议，研究部署\n\n2024年的重点工作。\n\n“我们一定做好”，他说，要把\n\n个百分点的差距补上。")


def test_the_target_and_pair_features_are_those_of_their_definitions() -> None:
    from layoutfix.charstats import NEUTRAL, char_bigrams
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import PAIR_FEATURES, candidates, load_model, opening_class, pos_join
    lm, model = load_lm(), load_model()
    page = normalize(read(_PAGE, Config()))
    texts = [b.text for b in page.blocks]
    cb = char_bigrams(lm)
    pmi, pos = PAIR_FEATURES.index("pmi"), PAIR_FEATURES.index("pos_join")
    seen = 0
    for g in candidates(page, lm, Config(), model):
        a = texts[g.source]
        for j, _, f in g.cands:
            b = texts[j]
            assert g.tgts[j]["t_open"] == model.opening.get(opening_class(lm, b), 0.0), b
            both_han = f[PAIR_FEATURES.index("not_han")] == 0.0 and "\u4e00" <= a[-1] <= "\u9fff" \
                and "\u4e00" <= b[0] <= "\u9fff"
            want = min(8.0, max(-4.0, cb.pmi(a[-1], b[0]) - NEUTRAL)) if both_han else 0.0
            assert f[pmi] == want, (a, b)
            assert f[pos] == pos_join(lm, a, b), (a, b)
            seen += 1
    assert seen >= 10


_PIECES = ["某某县今年新建了一批", "乡村公路，群众出行更方便。", "春耕备耕", "本报讯 某某县今年", "", "（记者 林一）",
           "编辑：周二", "电话：010-12345678", "新华社北京3月5日电", "今天，", "“好。”"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["text", "title", "byline", "credit", "jump"]),
                          st.booleans()), max_size=12))
def test_one_pass_over_a_page_answers_what_barriers_and_shapes_answer(rows: list[tuple[str, str, bool]]) -> None:
    from layoutfix.model import Block
    from layoutfix.stages.flow.blocks import barriers, page_shapes, shapes
    blocks = [Block(k, text, k + 1, role, marked=marked) for k, (text, role, marked) in enumerate(rows)]
    walls, kinds = page_shapes(blocks)
    assert walls == barriers(blocks)
    assert kinds == shapes(blocks)
