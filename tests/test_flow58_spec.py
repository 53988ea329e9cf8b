"""Session 58 (flow58): flow's pair scorer builds the same features with fewer Python objects.

What `candidates` computes is unchanged (the clean output, edit log included, is byte-identical); how:
- a target's pair-feature template is a copy of one list of shared zeros with the target's own 16 features written
  over it, and its features by name (and a source's) a copy of one dict with its values set: compiled (mypyc), a
  list display boxed a new 0.0 for each of its 27 zeros and a dict display hashed its keys into a new table;
- `math.log` of a count is taken of its float (native compiled, the same float as Python's log of the int), and
  `math.log1p` of a length or count is read from a table below 512 (`pairs._log1p`, the same floats);
- a lone candidate's gain margin is clipped by a compiled copy of the model's `_clip` (`pairs._clipped`) and a first character's start key is remembered in a dict
  (`pairs._key`), not through the interpreted model's `_clip` and an `lru_cache` wrapper.
Each is held here against the plain computation it replaces. (Tried and not kept: `blocks.head_len` and
`first_unopened` as one `str.find` per mark instead of a pattern search: four or seven finds cost more than the
search, measured.)
"""
from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, settings, strategies as st

from layoutfix import Config
from layoutfix.charstats import NEUTRAL, char_bigrams
from layoutfix.lm import load_lm
from layoutfix.model import Page
from layoutfix.stages import flow as F
from layoutfix.stages.flow import blocks as B
from layoutfix.stages.flow import pairs as P
from layoutfix.stages.flow.model import _clip, _dot, start_key
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read
from layoutfix.textutil import ends_open, is_han

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


@given(st.floats(allow_nan=False))
def test_clipped_is_the_models_clip(x: float) -> None:
    for v in (x, *(k / 8 for k in range(-80, 81))):  # (every eighth across both edges, and -0.0)
        for lo, hi in ((-6.0, 6.0), (-4.0, 4.0)):
            assert P._clipped(v, lo, hi) == _clip(v, lo, hi)
            assert math.copysign(1.0, P._clipped(v, lo, hi)) == math.copysign(1.0, _clip(v, lo, hi))
    assert math.copysign(1.0, P._clipped(-0.0, -6.0, 6.0)) == -1.0


@given(st.text(max_size=1) | st.sampled_from(list("0９Aａz的，“一")))
def test_start_key_is_remembered_as_the_model_gives_it(ch: str) -> None:
    assert P._key(ch) == start_key(ch)
    assert P._key(ch) == start_key(ch)  # (the second time from the memo)


def test_log1p_of_a_count_is_math_log1p() -> None:
    for n in [*range(2048), 10**6, 2**40]:  # (the table's edge at 512 and far past it)
        assert P._log1p(n) == math.log1p(n), n
    assert math.copysign(1.0, P._log1p(0)) == 1.0  # (0.0 for 0, not -0.0)


# -- the features of random pages against their plain definitions -----------------------------------------------

_CLAUSE = st.text(alphabet=st.sampled_from("的是一在有人中国发展经济工作会议记者今天我们表示进行建设问题企业地区市场"),
                  min_size=1, max_size=14)
_LINE = st.one_of(
    st.builds(lambda a, b: a + "，" + b, _CLAUSE, _CLAUSE),  # a mid-sentence stop
    st.builds(lambda a, b: a + "，" + b + "。", _CLAUSE, _CLAUSE),  # a closed sentence
    st.builds(lambda a, b: "“" + a + "”" + b + "。", _CLAUSE, _CLAUSE),  # a quotation
    st.builds(lambda a: "“" + a + "，", _CLAUSE),  # a quotation left open
    st.builds(lambda a: a + "”。" + a, _CLAUSE),  # the rest of a quotation
    st.builds(lambda a: "图为" + a, _CLAUSE),  # a caption
    _CLAUSE,  # a title-like line
    st.builds(lambda a: "，" + a + "。", _CLAUSE),  # a stray mark before a paragraph
    st.builds(lambda a: "的" + a + "！" + a, _CLAUSE),
)


def _page(paras: list[list[str]]) -> Page:
    text = "\n\n".join("\n".join(p) for p in paras) + "\n"
    return normalize(read(text.encode("utf-8"), Config(), source="flow58"))


def _check_features(page: Page) -> None:
    """Every group of `candidates` (unpruned) against the plain definitions of the features this session changed."""
    lm, model = load_lm(None), F.load_model()
    cb = char_bigrams(lm)
    blocks = list(page.blocks)
    groups = F.candidates(page, lm, Config(), model)
    pvec = model.pair_vec
    idx = F.PAIR_FEATURES.index
    for g in groups:
        at = blocks[g.source].text
        assert g.src["a_tail"] == math.log1p(B.tail_len(at))
        assert g.src["a_len"] == math.log1p(len(at))
        assert g.src["n_cands"] == math.log1p(len(g.cands))
        assert tuple(g.src) == F.SOURCE_FEATURES  # (the order `none_z` reads the values in, compiled)
        if len(g.cands) == 1:  # a lone candidate's gain margin: its gain, clipped
            f = g.cands[0][2]
            assert f[idx("gain_margin")] == _clip(f[idx("gain")], -6.0, 6.0)
        for j, _, f in g.cands:
            bt = blocks[j].text
            td = (g.tgts or {})[j]
            assert tuple(td) == F.TARGET_FEATURES  # (the count of sources last)
            assert td["t_len"] == math.log1p(len(bt))
            # the target's own slots of the pair features, as session 57's list display wrote them
            own = {
                "cont_punct": td["t_cont_punct"], "open_quote": td["t_open_quote"], "b_title": td["t_title"],
                "b_start": td["t_start"], "b_short": td["t_short"], "b_closed": float(not ends_open(bt)),
                "b_len": td["t_len"], "b_unopened": td["t_unopened"], "b_head": math.log1p(B.head_len(bt)),
                "start_neg": min(0.0, td["t_start"] + 1.0), "start_pos": max(0.0, td["t_start"]),
                "start2": td["t_start2"], "lead_comma": td["t_lead_comma"], "b_quote_word": td["t_quote_word"],
                "b_open": td["t_open"], "mark_open": td["t_mark_open"],
            }
            for name, v in own.items():
                assert f[idx(name)] == v, name
            a, b = at[-1:], bt[:1]
            pmi = _clip(cb.pmi(a, b) - NEUTRAL, -4.0, 8.0) if is_han(a) and is_han(b) else 0.0
            assert f[idx("pmi")] == pmi
    # each target's template and its part of the forward score, as a pair's features start from them
    reader = P._Targets(blocks, lm, model, B.shapes(blocks), B.barriers(blocks), {}, cb.uni, pvec)
    targets = B.shapes(blocks).targets
    for j in range(1, len(blocks)):
        if not targets[j]:
            continue
        tf = reader.target(j)
        tmpl, tz, lb = tf[12], tf[13], tf[14]
        pair_own = {"gain", "gain_word", "pmi", "d1", "logd", "same_caption", "foreign_caption", "gap_body",
                    "gap_title", "not_han", "sim", "crosses_wall", "sent_len", "start_x_d1", "gain_x_d1",
                    "title_x_d1", "quote_match", "column_cut", "span_word", "gain_margin", "start_margin",
                    "han_x_d1", "both_lines", "fw_x_d1", "quote_word_x_d1", "open_x_d1", "pos_join"}
        assert len(tmpl) == len(F.PAIR_FEATURES)
        for k, name in enumerate(F.PAIR_FEATURES):
            if name in pair_own:
                assert tmpl[k] == 0.0 and math.copysign(1.0, tmpl[k]) == 1.0, name
        assert tz == _dot(pvec, tmpl)
        first = blocks[j].text[:1]
        assert lb == (math.log(cb.uni.get(first, 0) + 1) if is_han(first) else 0.0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3), min_size=2, max_size=8))
def test_random_pages_keep_the_plain_features(paras: list[list[str]]) -> None:
    _check_features(_page(paras))


def test_sample_pages_keep_the_plain_features() -> None:
    for txt in sorted(SAMPLES.glob("*.txt"))[:4]:
        _check_features(normalize(read(txt.read_bytes(), Config(), source=txt.name)))
