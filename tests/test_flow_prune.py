"""The candidate pre-filter of `flow` (`candidates(prune=...)`): what it may drop and what it must keep."""
from __future__ import annotations

from pathlib import Path

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages import flow as F
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _pages():  # type: ignore[no-untyped-def]
    config = Config()
    for txt in sorted(SAMPLES.glob("*.txt")):
        yield normalize(read(txt.read_bytes(), config, source=txt.name))


def _both(page):  # type: ignore[no-untyped-def]
    config, lm, model = Config(), load_lm(None), F.load_model()
    full = {g.source: g for g in F.candidates(page, lm, config, model)}
    kept = {g.source: g for g in F.candidates(page, lm, config, model, prune=F.PRUNE_MARGIN)}
    return model, full, kept


def test_the_pre_filter_keeps_every_source_and_the_kept_pairs_features_unchanged() -> None:
    for page in _pages():
        _, full, kept = _both(page)
        assert set(kept) == set(full)
        for i, g in kept.items():
            whole = {j: (d, f) for j, d, f in full[i].cands}
            assert g.src == full[i].src  # n_cands counts the dropped candidates too
            for j, d, f in g.cands:
                assert whole[j] == (d, f)


def test_the_pre_filter_never_drops_a_candidate_the_model_scores_above_a_kept_one() -> None:
    dropped_any = False
    for page in _pages():
        model, full, kept = _both(page)
        vec = model.pair_vec
        for i, g in kept.items():
            keep = {j for j, _, _ in g.cands}
            z = {j: F._dot(vec, f) for j, _, f in full[i].cands}
            gone = [z[j] for j in z if j not in keep]
            dropped_any = dropped_any or bool(gone)
            plain = [z[j] for j, d, f in g.cands if not (f[F._QUOTE_MATCH] and d == 1)]
            if gone and plain:
                assert max(gone) < min(plain)
            # each dropped candidate is at least PRUNE_MARGIN below the best option (a kept candidate or none)
            best = max(list(z.values()) + [model.none_z(g.src)])
            for x in gone:
                assert x < best - F.PRUNE_MARGIN
            # the scores the pre-filter hands to `scored` are the kept pairs' forward scores
            if g.z is not None:
                for (j, _, _), zk in zip(g.cands, g.z):
                    assert abs(zk - z[j]) < 1e-9
    assert dropped_any  # the sample pages have far candidates the filter removes


def test_the_gold_continuation_of_a_plain_mid_sentence_break_survives_the_pre_filter() -> None:
    config = Config()
    dump = "\n\n".join(["我们希望有关单位统一认识，加强协作，采取有力",
                         "近年来，新技术不断涌现，各类新产品层出不穷，正在改变人们的生活。",
                         "本报讯 某甲市今天召开会议。会议指出，各部门要抓好落实。",
                         "某乙县近年来大力发展特色产业，群众收入稳步提高，",
                         "的措施，推动全市道路交通状况明显好转。",
                         "记者从某局得知，今年以来全市新增就业岗位一万余个。"])
    page = normalize(read(dump, config))
    (g,) = [g for g in F.candidates(page, load_lm(None), config, F.load_model(), prune=F.PRUNE_MARGIN)
            if g.source == 0]
    assert 1 in {j for j, _, _ in g.cands}
    page = normalize(read("我们希望有关单位统一认识，加强协作，采取有力\n\n的措施，推动全市道路交通状况明显好转。", config))
    (g,) = F.candidates(page, load_lm(None), config, F.load_model(), prune=F.PRUNE_MARGIN)
    assert [j for j, _, _ in g.cands] == [1]
    assert [b.text for b in F.flow(page).blocks] == ["我们希望有关单位统一认识，加强协作，采取有力的措施，推动全市道路交通状况明显好转。"]


def _reference_z(vec: list[float], f: list[float]) -> float:
    """The forward pair score the pre-filter hands on, computed as `flow` computed it before it summed each pair's
    products: `_dot` over the features with sim 0.0 (sim is measured only for the pairs kept), then sim's product."""
    k = F.PAIR_FEATURES.index("sim")
    without = list(f)
    without[k] = 0.0
    return F._dot(vec, without) + vec[k] * f[k]


def _assert_scores_are_the_dot_products(page) -> int:  # type: ignore[no-untyped-def]
    """Every kept pair's score equals `_reference_z` but for rounding (the pre-filter sums the products in another
    order: a target's part once, then the pair's own; measured over 36,920 corpus and fresh pairs, at most
    7.1e-15 apart); the number of pairs checked."""
    config, lm, model = Config(), load_lm(None), F.load_model()
    n = 0
    for g in F.candidates(page, lm, config, model, prune=F.PRUNE_MARGIN):
        if g.z is None:
            continue
        for (_, _, f), zk in zip(g.cands, g.z):
            ref = _reference_z(model.pair_vec, f)
            assert abs(zk - ref) <= 1e-12 * max(1.0, abs(ref)), (zk, ref)
            n += 1
    return n


def test_the_pre_filter_scores_are_the_forward_dot_products_but_for_rounding() -> None:
    # the pre-filter adds each pair's own weight products to its target's part, summed once per target: the dot
    # product over the features in another order, so equal to rounding (no feature or weight left out)
    assert sum(_assert_scores_are_the_dot_products(page) for page in _pages()) > 50


def test_the_pre_filter_scores_are_the_dot_products_on_invented_pages() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    config = Config()
    # invented paragraph pieces: open or closed ends, quotes opened in one and closed in another, titles, digits
    piece = st.text(alphabet="某甲乙县市今年的发展道路会议要求各部门工业园区管委会召开产量增长了去年以来，。、“”：1a",
                    min_size=1, max_size=40)

    @settings(max_examples=40, deadline=None, derandomize=True)
    @given(st.lists(piece, min_size=2, max_size=9))
    def same(pieces: list[str]) -> None:
        page = normalize(read("\n\n".join(p.strip() or "某" for p in pieces), config))
        _assert_scores_are_the_dot_products(page)

    same()
