"""speed42: faster forms of flow's and dedup's hot helpers give the answers of the plain forms they replace.

Each test states the plain form (what the helper's docstring promises) and checks the fast one against it: on
invented text holding every kind of character the pages hold (Han of the basic block and beyond it, letters,
digits, marks of both widths, spaces of several kinds), and on random floats with ties and signed zeros.
"""
from __future__ import annotations

import random
import sys
from operator import add, mul

from layoutfix import patterns
from layoutfix.stages.flow.assign import _products_sum
from layoutfix.stages.flow.blocks import _is_furniture, is_title_like
from layoutfix.stages.flow.pairs import _bigrams, _top_two
from layoutfix.stages.normalize import TITLE_LIKE_MAX, is_title_like as plain_title_like
from layoutfix.textutil import surely_longer

# invented pieces: Han words, an extension-B character, an emoji, marks of both widths, letters, digits, a phone
# number's and a date's pieces, spaces of several kinds (ASCII, ideographic, tab, newline)
PIECES = ["春天", "来了", "某甲", "某地", "的", "一", "\U00020001", "😀", "，", "。", "、", "：", "“", "”", "（", "）",
          "《", "》", "!", ",", ".", "-", "a", "Z", "7", "电话", "0571-", "8888", "2024年", "5月", "星期一", "本版",
          "编辑", " ", "\u3000", "\t", "\n"]


def _texts(n: int = 2000, seed: int = 42) -> list[str]:
    rnd = random.Random(seed)
    return [""] + ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 40))) for _ in range(n)]


def test_top_two_is_the_head_of_the_reverse_sort() -> None:
    """`_top_two(xs)` is `sorted(xs, reverse=True)[:2]`, value and sign: ties (0.0 and -0.0 among them) in the
    order the stable sort keeps them."""
    rnd = random.Random(42)
    pool = [0.0, -0.0, 1.5, -1.5, 2.0, -6.0, 10.0, 0.25]
    for _ in range(3000):
        xs = [rnd.choice(pool) if rnd.random() < 0.6 else rnd.uniform(-6, 10) for _ in range(rnd.randint(2, 9))]
        want = sorted(xs, reverse=True)[:2]
        got = _top_two(xs)
        assert list(got) == want
        assert [str(x) for x in got] == [str(x) for x in want]  # (-0.0 prints so: the sign is kept too)


def test_products_sum_adds_as_python_311s_sum() -> None:
    """`_products_sum(w, xs)` is `sum(map(mul, w, xs), 0.0)` to the last bit (3.11's `sum` adds floats in order),
    stopping at the shorter of the two, as `map` does."""
    rnd = random.Random(42)
    for _ in range(2000):
        n = rnd.randint(0, 20)
        w = [rnd.uniform(-3, 3) for _ in range(n)]
        xs = [rnd.choice([0.0, 1.0, rnd.uniform(-5, 5)]) for _ in range(rnd.randint(0, 22))]
        want = 0.0
        for a, b in zip(w, xs):
            want += a * b
        assert _products_sum(w, xs) == want
        if sys.version_info < (3, 12):  # (from 3.12 `sum` compensates its rounding: flow then keeps `sum`)
            assert sum(map(mul, w, xs), 0.0) == want
        assert _products_sum(w, {str(k): x for k, x in enumerate(xs)}.values()) == want  # (a dict's values)


def test_bigram_sets_hold_each_distinct_character_pair_once() -> None:
    """`_bigrams(text)` has one key per distinct pair of neighbouring characters, so set sizes and overlaps are
    those of the sets of two-character strings (the similarity flow reads from them)."""
    texts = _texts(800)
    for a, b in zip(texts, reversed(texts)):
        sa, sb = set(map(add, a, a[1:])), set(map(add, b, b[1:]))
        assert len(_bigrams(a)) == len(sa) and len(_bigrams(b)) == len(sb)
        assert len(_bigrams(a) & _bigrams(b)) == len(sa & sb)


def test_a_line_surely_longer_is_longer_once_stripped() -> None:
    """`surely_longer(text, n)` promises `len(text.strip()) > n`; and says nothing (False) where a space at
    either end may make it shorter."""
    for text in _texts():
        for n in (0, 5, 12, 40):
            if surely_longer(text, n):
                assert len(text.strip()) > n
            else:
                assert len(text) <= n or text[0].isspace() or text[-1].isspace()


def test_gated_title_and_furniture_tests_answer_as_the_cached_ones() -> None:
    """flow's `is_title_like` and `_is_furniture` answer as normalize's and patterns' own tests, long lines
    (answered before the cache) and short ones alike."""
    texts = _texts() + ["某地召开春天工作会议", " 某地召开会议 ", "编辑 某甲", "本版编辑：某甲", "电话：0571-8888",
                        "春天来了" * 20, " " + "春天来了" * 20, "春天来了" * 20 + "\u3000"]
    for text in texts:
        assert is_title_like(text) == plain_title_like(text)
        assert _is_furniture(text) == patterns.is_furniture(text)
    assert any(len(t) > TITLE_LIKE_MAX for t in texts) and any(plain_title_like(t) for t in texts)


def test_softmax_shares_are_the_models_to_the_last_bit() -> None:
    """`assign._softmax_shares(zs, z0)` is `model._softmax(zs, z0)`: the same maximum (ties and z0 among them),
    the same terms added in the same order."""
    from layoutfix.stages.flow.assign import _softmax_shares
    from layoutfix.stages.flow.model import _softmax
    rnd = random.Random(42)
    for _ in range(2000):
        zs = [rnd.choice([0.0, -0.0, 1.0, rnd.uniform(-30, 30)]) for _ in range(rnd.randint(1, 8))]
        z0 = rnd.choice([0.0, max(zs), rnd.uniform(-30, 30)])
        assert _softmax_shares(zs, z0) == _softmax(zs, z0)


def test_title_over_its_text_counts_the_titles_pairs_the_opening_holds() -> None:
    """`heads_its_text(title, text)`: three or more of the title's Han pairs stand in the text's first ten
    characters (each pair counted once, however often it stands there)."""
    from layoutfix.stages.flow.titles import HEAD_SHARED, HEAD_SPAN, han_pairs, heads_its_text
    cases = [("某县老年大学开始报名", "县老年大学即日起开始报名，"), ("某县老年大学开始报名", "老年老年老年老年"),
             ("春天来了", "春天来了。"), ("某地召开会议", "会议会议会议召开"), ("", "某地"), ("某地", "")]
    for title, text in cases + [(a, b) for a, b in zip(_texts(600), _texts(600, seed=7))]:
        pairs = han_pairs(title)
        want = len(pairs) >= HEAD_SHARED and sum(p in text[:HEAD_SPAN] for p in pairs) >= HEAD_SHARED
        assert heads_its_text(title, text) == want
    assert heads_its_text("某县老年大学开始报名", "县老年大学即日起开始报名，")
    assert not heads_its_text("某县老年大学开始报名", "老年老年老年老年")  # (one pair, said four times)


def test_function_word_ends_are_found_by_their_last_one_to_four_characters() -> None:
    """`ends_with_function_word` / `starts_with_function_word` skip the segmentation exactly when none of the
    text's last (first) one to four characters is a function word, and else read the segmentation's word."""
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow.words import (
        ends_with_function_word, first_word, function_words, last_word, starts_with_function_word,
    )
    lm = load_lm()
    words = function_words()
    for text in _texts(1500) + ["某地为了", "关于某地", "和", "的"]:
        tail, head = text[-6:], text[:6]
        ends = any(tail[-k:] in words for k in range(1, 5)) and last_word(lm, tail) in words if tail else False
        starts = any(head[:k] in words for k in range(1, 5)) and first_word(lm, head) in words if head else False
        assert ends_with_function_word(lm, text) == ends
        assert starts_with_function_word(lm, text) == starts
