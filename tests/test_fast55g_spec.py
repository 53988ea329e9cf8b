"""Session 55 (fast55g): the glyph stage's remaining interpreted hot path, compiled, with the same output.

Issue 4 asks the glyph stage for 200,000 characters of page text a second. After session 54 compiled the decoder,
the largest interpreted cost left in the stage was `wordfreqs.ZipfTable`'s lookup (the learned decision's
running-text features and the modern-word guard ask it at every fix near the bar): `bisect_left` with a key
lambda, a Python call at each of some 16 halvings. `wordfreqs` is now among the compiled modules and `_first` is
the same binary search written out, which these specs hold to `bisect_left` on random tables.
"""
from __future__ import annotations

import ast
import re
from bisect import bisect_left
from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from layoutfix.wordfreqs import ZipfTable, zipf_of_bucket

ROOT = Path(__file__).resolve().parents[1]


def _compiled() -> list[str]:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    block = setup[setup.index("COMPILED = ["):]
    block = block[:block.index("\n]\n")]
    return re.findall(r'"(layoutfix/[\w/]+\.py)"', block)


def test_the_running_text_table_is_compiled() -> None:
    assert "layoutfix/wordfreqs.py" in _compiled()


def test_every_constant_of_the_compiled_wordfreqs_is_final() -> None:
    # a compiled module reads a `Final` constant as a C static; a plain one is a dict lookup at each use
    plain = []
    for node in ast.parse((ROOT / "layoutfix" / "wordfreqs.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            plain += [t.id for t in node.targets if isinstance(t, ast.Name) and t.id.isupper()]
            plain += [e.id for t in node.targets if isinstance(t, ast.Tuple) for e in t.elts
                      if isinstance(e, ast.Name) and e.id.isupper()]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id.isupper():
            if not ast.unparse(node.annotation).startswith("Final"):
                plain.append(node.target.id)
    assert plain == []


# ---- the table's binary search, written out, against `bisect_left` with a key and a plain dict ----

ALPHABET = "的一是人中国大上在和了"  # few characters, so prefixes are shared and looked-up words often present
words = st.text(alphabet=ALPHABET, min_size=2, max_size=4)


def _table(entries: list[tuple[str, int]]) -> tuple[ZipfTable, dict[str, int]]:
    table = ZipfTable(entries)
    plain: dict[str, int] = {}
    for w, k in entries:
        plain[w] = min(k, plain.get(w, k))
    return table, plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, st.integers(0, 750)), max_size=60), st.text(alphabet=ALPHABET, min_size=1,
                                                                                  max_size=4))
@example([("中国", 300), ("中国人", 400), ("人中", 10)], "中")
@example([("中国", 300)], "中国")
@example([], "中")
def test_first_is_bisect_left_over_the_words_prefixes(entries: list[tuple[str, int]], prefix: str) -> None:
    table, _ = _table(entries)
    for size, blob in table._blobs.items():
        k = len(prefix)
        want = bisect_left(range(len(blob) // size), prefix, key=lambda m: blob[m * size:m * size + k])
        assert table._first(blob, size, prefix) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, st.integers(0, 750)), max_size=60), words, st.integers(1, 4))
@example([("中国", 300), ("中国人", 400)], "中国人", 2)
@example([("和了", 5), ("和中", 7), ("和人", 9)], "和了", 1)
@example([("上国", 0), ("中一", 0)], "上国中", 3)  # a prefix longer than the words asked (review rfast55g)
def test_lookups_answer_as_a_plain_dict(entries: list[tuple[str, int]], w: str, cut: int) -> None:
    table, plain = _table(entries)
    assert table.get(w) == (zipf_of_bucket(plain[w]) if w in plain else None)
    for got, _ in entries:  # every entry is found, with its commonest bucket
        assert table.get(got) == zipf_of_bucket(plain[got])
    prefix = w[:min(cut, len(w))]
    for size in (2, 3, 4):
        want = sorted((v, zipf_of_bucket(k)) for v, k in plain.items() if len(v) == size and v.startswith(prefix))
        assert list(table.with_prefix(prefix, size)) == want


# ---- the decoder's look-alikes that complete a word, put back in the candidates' order (`_words_at`) ----

from glyph_reference import plain_words_at  # noqa: E402
from layoutfix.lm import WordLM  # noqa: E402
from layoutfix.stages.glyphs.candidates import _hits_memo, _neighbours, _words_at  # noqa: E402

LETTERS = "管理工作加强埋人入口八个大太天夫"
DICTIONARY = {"管理": 9, "管理工作": 5, "工作": 8, "加强": 6, "入口": 4, "八个": 3, "大人": 2, "太大": 2, "天工": 1,
              "夫人": 3, "人口": 5, "加入": 2, "工人": 2, "个人": 4, "强大": 2, "理工": 2, "口大": 1, "作人": 1}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=1, max_size=12), st.data())
@example("大人口", None)
@example("加人口", None)
def test_words_at_answers_in_the_candidates_order(run: str, data: st.DataObject | None) -> None:
    # the look-alikes in a drawn order (the real rows are in order of shape, not of the alphabet), so a result
    # put back in the wrong order, or taken from the wrong side's hits, differs from the plain search's
    lm = WordLM(DICTIONARY)
    i = data.draw(st.integers(0, len(run) - 1)) if data is not None else 1
    c = run[i]
    order = data.draw(st.permutations(LETTERS)) if data is not None else LETTERS[::-1]
    cands = {x: (0.5, 0) for x in order if x != c}
    neighbours = _neighbours(lm)
    plain = plain_words_at(lm, cands, run, i, neighbours)
    assert _words_at(cands, c, run, i, neighbours, {}, {}, lm.logp, lm.prefixes) == plain


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=2, max_size=12), st.data())
def test_words_at_passes_over_every_look_alike_only_when_both_sides_found_words(run: str, data: st.DataObject) -> None:
    # with the neighbours' hits memoised, the look-alikes of c are walked again only to put back in order the
    # words found on both sides (each side's hits are in that order already)
    lm = WordLM(DICTIONARY)
    i = data.draw(st.integers(0, len(run) - 1))
    c = run[i]
    walks = []

    class Row(dict):  # type: ignore[type-arg]
        def __iter__(self):  # type: ignore[no-untyped-def]
            walks.append(1)
            return super().__iter__()

    cands = Row({x: (0.5, 0) for x in data.draw(st.permutations(LETTERS)) if x != c})
    neighbours = _neighbours(lm)
    lmemo: dict[str, tuple[str, ...]] = {}
    rmemo: dict[str, tuple[str, ...]] = {}
    _, hl, hr = _hits_memo(dict(cands), c, run[i - 1] if i else "", run[i + 1] if i + 1 < len(run) else "",
                           neighbours, lmemo, rmemo)
    got = _words_at(cands, c, run, i, neighbours, lmemo, rmemo, lm.logp, lm.prefixes)
    opening = [x for x in got if x in hr and any(x + run[i + 1:i + 1 + r] in lm.logp for r in (1, 2, 3))]
    if len(got) < 2 or len(opening) == len(got) or not opening:
        assert walks == []


# ---- the decoder reads the model's pairs once a call, not at each bound (`bound._gain_bound`) ----

from layoutfix.stages.glyphs import bound as bound_part, substitutions as decoder  # noqa: E402


def _reads_and_bounds(text: str, monkeypatch) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    reads, bounds = [], []

    class Model(WordLM):
        @property
        def pairs(self):  # type: ignore[no-untyped-def]
            reads.append(1)
            return WordLM.pairs.func(self)  # type: ignore[attr-defined]  # (a cached_property since session 56)

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        bounds.append(1)
        return bound_part._gain_bound(*args, **kwargs)

    monkeypatch.setattr(decoder, "_gain_bound", counted)
    lm = Model(DICTIONARY)  # a fresh model: no memo answers a bound
    decoder._substitutions(text, lm, {"埋": (("理", 0.9),), "强": (("理", 0.3),)}, 6.0, known={})
    return len(reads), len(bounds)


def test_the_decoder_reads_the_models_pairs_once_a_call(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # (source tree only: the compiled decoder calls `_gain_bound` natively, past the patch)
    one = _reads_and_bounds("大管埋人", monkeypatch)
    six = _reads_and_bounds("大管埋人，天管埋口，夫管埋工，八管埋个，太管埋大，入管埋太", monkeypatch)
    assert six[1] > one[1] >= 1  # more bounds asked...
    assert six[0] == one[0]  # ... and the pairs read as often
