"""rescue51: a pair flow's combined model scored a little under its threshold is lifted to it when the reverse model
reads the target as the source's continuation (`assign.reverse_supported`; invented text only).

The pairs are scored by `assign.scored` with the shipped model, the forward and the reverse probability of each pair
set by the test (the reverse model's `reverse_probs` stands in for the page's), so each spec names the two numbers
the rule reads.
"""
from __future__ import annotations

import math

import pytest

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, Block, Page
from layoutfix.stages.flow import assign, load_model
from layoutfix.stages.flow.assign import (
    CLOSE, LIFT_ORDER, RESCUE_MIN_P, RESCUE_ORDER, REVERSE_SUPPORT, choose, lifted, reverse_supported,
)
from layoutfix.stages.flow.blocks import is_title_like
from layoutfix.stages.flow.model import PAIR_FEATURES, SOURCE_FEATURES, Candidate
from layoutfix.stages.flow.pairs import Group

SOURCE = "县里还专门成立了工作组，逐户核对困难家庭的名单，确保每一户都不落下。工作组的干部们还为行动不便的"
NEAR = "据县民政局负责人介绍，全县今年共筹集救助资金三百万元，比去年增加两成，其中大部分用于购买冬季生活物资。"
REST = "老人送去了热腾腾的饺子和过冬的棉衣棉被，不少老人拉着干部的手久久不愿松开，连声说着感谢的话语。"
HEADING = "冬季送温暖活动"


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _forward_for(p: float, pr: float) -> float:
    """The forward probability that, combined with the reverse `pr` by the shipped model, gives the pair `p`."""
    ca, cb, cc = load_model().combine
    return 1 / (1 + math.exp(-(_logit(p) - cb * _logit(pr) - cc) / ca))


def _scored(monkeypatch: pytest.MonkeyPatch, texts: list[str], pairs: dict[int, tuple[float, float]],
            floor: float = CLOSE) -> dict[int, Candidate]:
    """`scored`'s candidates of block 0 (by target), each target k of `pairs` scored (p, pr): the pair's combined
    probability and the reverse model's P(0 | k)."""
    blocks = [Block(k, t, 1 + 2 * k, TEXT) for k, t in enumerate(texts)]
    page = Page("t.txt", "\n\n".join(texts), blocks=tuple(blocks))
    targets = sorted(pairs)
    pf = [_forward_for(*pairs[k]) for k in targets]
    # one source whose forward shares are `pf` (softmax over the candidates' scores and the "none" score 0)
    rest = 1 - sum(pf)
    zs = [math.log(x / rest) for x in pf]
    monkeypatch.setattr(assign, "reverse_probs", lambda groups, model: {(0, k): pairs[k][1] for k in targets})
    feats = [0.0] * len(PAIR_FEATURES)
    src = {k: 0.0 for k in SOURCE_FEATURES}
    src["a_title"] = float(is_title_like(texts[0]))  # (as `candidates` reads the source)
    g = Group(0, src, [(k, k, list(feats)) for k in targets], z=zs, z0=0.0)
    lm = load_lm()
    out = assign.scored([g], load_model(), page, lm, Config(), floor)
    return {c.target: c for c in out}


def test_a_pair_just_under_the_threshold_that_the_reverse_model_backs_is_lifted_to_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    th = load_model().threshold
    c = _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.52, 0.9)})[2]
    # lifted to the threshold (and a sliver), so the greedy assignment joins it ...
    assert th <= c.score < th + 1e-6
    assert choose([c], th) == {0: c}
    # ... and its reason says so: the lift, the model's own probability, the reverse model's
    assert c.why.startswith(f"join probability {th:.2f} (the model's 0.520, lifted to its threshold): ")
    assert REVERSE_SUPPORT in c.why and "(reverse 0.900; 2 block(s) on)" in c.why


def test_weak_reverse_support_leaves_the_pair_to_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # logit(0.52) + logit(0.55) = 0.28 does not reach logit(0.59) = 0.36: the reverse model is no surer than a guess
    c = _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.52, 0.55)})[2]
    assert c.score == pytest.approx(0.52) and c.why == ""
    # the same p with the reverse model sure enough is lifted (the bar is the sum of the two log-odds, each weighing
    # one: at p = 0.5, logit 0, the reverse model's own log-odds must reach logit(0.59))
    assert REVERSE_SUPPORT in _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.52, 0.65)})[2].why
    th = load_model().threshold
    assert reverse_supported(th, 0.50, 0.60) and not reverse_supported(th, 0.50, 0.58)


def test_the_rescue_band_has_a_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    # a pair the combined model scored under RESCUE_MIN_P stays under the threshold however sure the reverse model is
    assert RESCUE_MIN_P == 0.45
    low = _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.40, 0.99)})[2]
    assert low.score == pytest.approx(0.40) and low.why == ""
    at = _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.46, 0.99)})[2]
    assert REVERSE_SUPPORT in at.why
    # the decision itself: the band [RESCUE_MIN_P, threshold) and the log-odds sum
    th = load_model().threshold
    assert reverse_supported(th, 0.5, 0.8) and not reverse_supported(th, 0.44, 0.999)
    assert not reverse_supported(th, th, 0.999)  # a pair at the threshold is the model's own join, not lifted


def test_a_likelier_rival_of_the_source_still_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # the source's pair to the next block scored 0.55 (no reverse support: not lifted), the pair two on 0.50 with
    # strong reverse support: the lift says the models underrate a pair, not that it beats one they prefer
    both = _scored(monkeypatch, [SOURCE, NEAR, REST], {1: (0.55, 0.2), 2: (0.50, 0.9)})
    assert both[2].score == pytest.approx(0.50) and both[2].why == ""
    alone = _scored(monkeypatch, [SOURCE, NEAR, REST], {1: (0.30, 0.2), 2: (0.50, 0.9)})
    assert REVERSE_SUPPORT in alone[2].why and choose(list(alone.values()), load_model().threshold)[0].target == 2


def test_a_pair_a_text_rule_lifted_comes_before_a_rescued_one() -> None:
    # '…的' rescued one block on (the model's 0.56) and a cut sentence's rest two blocks on that `cut_sentence` lifted
    # (the model's 0.39): the rule read the text at the break, the rescue only the models' scores
    th = load_model().threshold
    rescued = Candidate(0, 1, lifted(th, 0.56, 1, RESCUE_ORDER), 0.0, 1, "rescued")
    rule = Candidate(0, 2, lifted(th, 0.39, 2), 0.0, 2, "cut sentence")
    assert th < rescued.score < rule.score < th + LIFT_ORDER
    assert choose([rescued, rule], th)[0] is rule
    # a pair the model itself scored over the threshold comes before both
    own = Candidate(0, 3, th + 0.001, 0.0, 3)
    assert choose([rescued, rule, own], th)[0] is own


def test_a_rescued_join_to_a_dead_end_heading_must_still_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # a title-like line that ends no sentence, with no word across the join: the rescued join is the models' own
    # reading, so it stands only when the line goes on (`needs_onward`), unlike a text rule's lift
    c = _scored(monkeypatch, [SOURCE, NEAR, HEADING], {2: (0.52, 0.9)})[2]
    assert REVERSE_SUPPORT in c.why and c.onward
    assert choose([c], load_model().threshold) == {}


def test_a_rescue_never_crosses_a_separator_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # a line of marks alone ('＊＊＊', a rule) parts stories as often as not: the reverse model's reading does not carry
    # a pair over it (a paragraph body between, the same two numbers, is crossed)
    for rule in ("——————", "＊＊＊"):
        c = _scored(monkeypatch, [SOURCE, rule, REST], {2: (0.52, 0.9)})[2]
        assert c.score == pytest.approx(0.52) and c.why == "", rule
    assert REVERSE_SUPPORT in _scored(monkeypatch, [SOURCE, NEAR, REST], {2: (0.52, 0.9)})[2].why


def test_a_heading_over_its_text_is_no_cut_line_to_rescue(monkeypatch: pytest.MonkeyPatch) -> None:
    # a title-like source that stops on a word may be a heading over its paragraph: the models read no heading
    # shape, so the lift needs a sign of the cut, a clause mark at its end
    th = load_model().threshold
    heading = _scored(monkeypatch, ["加快排水管网改造", NEAR], {1: (0.52, 0.9)})[1]
    assert heading.score < th and heading.why == ""
    cut = _scored(monkeypatch, ["全县今年共筹集救助资金，", NEAR], {1: (0.52, 0.9)})[1]
    assert REVERSE_SUPPORT in cut.why
    from layoutfix.stages.flow.assign import shows_cut
    assert shows_cut("全县今年共筹集救助资金，") and shows_cut("全县今年共筹集救助资金、")
    assert not shows_cut("加快排水管网改造")


def test_a_rescue_never_crosses_an_article_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # across another story's title and dateline the rest of a cut sentence is segment's to bring back, on the words
    # the two stories share: the models' scores alone do not carry a pair over a wall
    c = _scored(monkeypatch, [SOURCE, "## 西山镇小学换上新课桌", "本报讯 近日，西山镇小学的孩子们换上了新课桌椅。", REST],
                {3: (0.52, 0.9)})[3]
    assert c.score == pytest.approx(0.52) and c.why == ""
    # over another story's cut piece (no wall) the same two numbers lift the pair
    over_piece = _scored(monkeypatch, [SOURCE, "另一篇报道的一段文字，写到这里就被截断了，", REST], {2: (0.52, 0.9)})[2]
    assert REVERSE_SUPPORT in over_piece.why



def test_the_context_path_logs_a_rescued_join_as_a_reverse_supported_lift_not_a_rule_s(tmp_path) -> None:
    # review51b: the optional context model does not rescore a lifted pair (its score is the threshold, not the p
    # the stack was fit on); a rescued pair's log names the reverse model's lift, not a text rule
    import arpa as _arpa
    from layoutfix import flowcontext

    model_file = tmp_path / "tiny.arpa"
    model_file.write_text(_arpa.arpa_text([(-3.0, "<unk>", 0.0), (-99.0, "<s>", 0.0), (-1.0, "</s>", 0.0),
                                           (-4.0, "风筝", -0.5), (-4.0, "飞过", -0.5), (-4.0, "山谷", -0.5)],
                                          [(-0.2, "风筝 飞过", -0.2), (-1.0, "飞过 山谷", 0.0)], [(-0.05, "风筝 飞过 山谷")]), encoding="utf-8")
    blocks = [Block(0, "孩子们抬头看着五彩的风筝飞过", 1, TEXT), Block(1, "山谷上空的云朵，孩子们一边奔跑。", 3, TEXT)]
    th = load_model().threshold
    why = f"join probability {th:.2f} (the model's 0.540, lifted to its threshold): {assign.REVERSE_SUPPORT} " \
          f"(reverse 0.900; 1 block(s) on)"
    rescued = Candidate(0, 1, th + 1e-7, 0.0, 1, why)
    (out,), _ = flowcontext.rescore([rescued], blocks, str(model_file), th)
    assert "a reverse-supported lift, not rescored by the context model" in out.why and "a rule's join" not in out.why
    ruled = Candidate(0, 1, th + 1e-3, 0.0, 1, f"join probability {th:.2f} (the model's 0.400, lifted): a rule")
    (out,), _ = flowcontext.rescore([ruled], blocks, str(model_file), th)
    assert "a rule's join, not rescored by the context model" in out.why
