"""speed40: faster forms of segment's and dedup's hot helpers give the answers of the plain forms they replace.

Each test states the plain form (what the helper's docstring promises) and checks the fast one against it on
invented text that holds every kind of character the pages hold: Han of the basic block and of the extensions,
ASCII and full-width letters and digits, marks, spaces, an underscore, numerals such as '〇'.
"""
from __future__ import annotations

import random
import re

from layoutfix.lm import load_lm
from layoutfix.stages.dedup.common import _same_figures, content
from layoutfix.stages.dedup.garbled import _NOT_HAN as DEDUP_NOT_HAN
from layoutfix.stages.segment.shapes import NOT_HAN, han_only
from layoutfix.stages.segment.words import _passage_grams, _trigrams, _word_pairs
from layoutfix.textutil import HAN_CLASS, is_han

# invented pieces: Han words, extension-A and extension-B characters, a compatibility ideograph, marks of both
# widths, letters with and without accents, digits of both widths, '〇', '_', spaces and a tab
PIECES = ["春天", "来了", "某甲", "某地", "的", "一", "〇", "\u3400", "\U00020001", "\uf900", "，", "。", "、", "“", "”",
          "：", "（", "）", "《", "》", "!", ",", ".", "-", "_", " ", "\u3000", "\t", "a", "Z", "é", "ß", "Ａ", "7", "７",
          "½", "%", "\u9fff", "\u4e00", "\ua4d0", "々", "ー"]


def _texts(n: int = 3000, seed: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return [""] + ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 40))) for _ in range(n)]


def test_content_removes_exactly_what_is_no_letter_or_digit():
    """`content` keeps the characters `str.isalnum` takes, in order, and nothing else."""
    for t in _texts():
        assert content(t) == "".join(c for c in t if c.isalnum()) == re.sub(r"[\W_]+", "", t)


def test_the_basic_cjk_block_is_all_letters():
    """What `content`'s fast class assumes of the Unicode tables: every character of U+4E00-U+9FFF is a letter."""
    assert all(chr(c).isalnum() for c in range(0x4E00, 0xA000))


def test_han_only_keeps_the_characters_is_han_takes():
    for t in _texts():
        assert han_only(t) == "".join(c for c in t if is_han(c))
        assert DEDUP_NOT_HAN.sub("", t) == han_only(t)


def test_not_han_splits_where_the_plain_pattern_splits():
    """`PageLM` cuts a line into its Han runs with `NOT_HAN.split`: the same runs as `[^Han]+` cuts."""
    plain = re.compile(f"[^{HAN_CLASS}]+")
    for t in _texts():
        assert NOT_HAN.split(t) == plain.split(t)


def test_same_figures_compares_the_digit_strings():
    for a, b in zip(_texts(seed=1), _texts(seed=2)):
        for x, y in ((a, b), (a, a + "3"), (a, a.replace("7", ""))):
            assert _same_figures(x, y) == ("".join(re.findall("[0-9]", x)) == "".join(re.findall("[0-9]", y)))


def test_passage_grams_count_as_the_trigrams_and_word_pairs_do():
    """`heading_features` reads only the sizes and overlaps of the trigram sets: they must be those of `_trigrams`;
    the word pairs are `_word_pairs`."""
    lm = load_lm(None)
    texts = _texts(600) + ["某地今天召开会议，会议决定今天开始春耕。", "春天来了春天来了", "春天", "春"]
    for a, b in zip(texts, texts[1:] + texts[:1]):
        (ga, wa), (gb, wb) = _passage_grams(a, lm), _passage_grams(b, lm)
        ta, tb = _trigrams(a), _trigrams(b)
        assert (len(ga), len(gb), len(ga & gb)) == (len(ta), len(tb), len(ta & tb))
        assert wa == _word_pairs(a, lm) and wb == _word_pairs(b, lm)


def _values_for(cls: type) -> dict[str, object]:
    """A distinct value for every field of dataclass `cls`, of the field's kind."""
    import dataclasses
    out: dict[str, object] = {}
    from layoutfix.model import Block
    for k, f in enumerate(dataclasses.fields(cls)):
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default  # type: ignore[misc]
        if f.type == "Block | None" or f.name == "first_block":  # (a block, as declared: the compiled model's
            # classes are checked at run time; compiled, a field's type reads as `type`, so it goes by its name)
            out[f.name] = Block(k, f"v{k}", k)
            continue
        out[f.name] = (True if default is False else [k] if isinstance(default, list) else {str(k): k}
                       if isinstance(default, dict) else f"v{k}" if default is None or isinstance(default, str) else k)
    return out


def test_printed_line_init_takes_every_field():
    """`repeats._Seg.__init__` is written out (compiled): every field in order, `gone` False unless given, and
    `dataclasses.replace` still makes a changed copy."""
    import dataclasses
    from layoutfix.stages.dedup.repeats import _Seg
    values = _values_for(_Seg)
    s = _Seg(**values)
    assert all(getattr(s, name) == v for name, v in values.items())
    t = _Seg(1, 0, 5, 3, "text", "某地今天", "某地今天")
    assert t.gone is False and dataclasses.replace(t, text="今天") == _Seg(1, 0, 5, 3, "text", "今天", "某地今天")


def test_draft_init_takes_every_field_and_gives_the_dataclass_defaults():
    """`Draft.__init__` is written out (compiled): every field is a keyword it takes, and a field left out holds the
    dataclass's default, each draft a list and dict of its own."""
    import dataclasses
    from layoutfix.stages.segment.items import Draft
    values = _values_for(Draft)
    d = Draft(**values)
    assert all(getattr(d, name) == v for name, v in values.items())
    a, b = Draft(), Draft()
    for f in dataclasses.fields(Draft):
        want = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default  # type: ignore[misc]
        assert getattr(a, f.name) == want
        if isinstance(want, (list, dict)):
            assert getattr(a, f.name) is not getattr(b, f.name)
    assert Draft(kind="photo", lines=[7]) == Draft("photo", lines=[7]) != Draft()


def test_word_pairs_are_the_dictionary_words_among_the_han_pairs():
    lm = load_lm(None)
    for t in _texts(600) + ["某地今天召开会议，会议决定今天开始春耕。"]:
        han = "".join(c for c in t if is_han(c))
        assert _word_pairs(t, lm) == {a + b for a, b in zip(han, han[1:]) if a + b in lm.logp}


def test_clause_of_answers_as_its_plain_form():
    """`clause_of` tests the clause's length and last character before it makes the set of its Han characters: the
    same answer as making the set first."""
    from layoutfix.stages.dedup.clausecopy import _ENDS, _fold, clause_of, last_clause

    def plain(prev: str):
        clause = last_clause(prev)
        n, han = len(clause), frozenset(c for c in clause if is_han(c))
        if n < 4 or len(han) < 2:
            return None
        marks = _ENDS.get(_fold(clause[-1]))
        if marks is None and not clause[-1].isalnum():
            return None
        return clause, marks, han, max(3, n // 2), n
    for t in _texts() + ["某地今天召开会议，会议决定今天开始春耕。", "（某甲）", "某地，春天来了——", "今天，某地", "某，甲乙"]:
        assert clause_of(t) == plain(t)
