"""Specification of the optional context model in flow's joins (`Config.context_lm`, `layoutfix.flowcontext`).

The model is a tiny ARPA trigram model of invented words written here (as in test_contextlm_spec.py), so these
tests need no Debian data; kenlm comes with the test extra. The page is invented text.
"""
from __future__ import annotations

import builtins
import json
from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix
import layoutfix.flowcontext as FC
from layoutfix.cli import main as cli_main
from layoutfix.config import Config
from layoutfix.contextlm import ContextModelError
from layoutfix.errors import LayoutfixError
from layoutfix.stages.flow import Candidate, choose

# A kite festival: the first paragraph stops after 风筝飞过; the next block is a paragraph of its own that flow,
# without context, takes as the continuation; the true continuation (山谷上空…) is printed two blocks on.
PAGE = ("晨光小镇的春季风筝节昨天开幕，上千名游客来到河边草地，抬头看着五彩的风筝飞过\n\n"
        "据主办方介绍，今年共有四十支队伍报名参赛。\n\n"
        "山谷上空的云朵，孩子们一边奔跑一边欢呼，热闹极了。\n")
# log10 probabilities: the words alone are rare; 风筝 飞过 山谷 is a phrase the model knows well
UNIGRAMS = [(-3.0, "<unk>", 0.0), (-99.0, "<s>", 0.0), (-1.0, "</s>", 0.0),
            (-4.0, "风筝", -0.5), (-4.0, "飞过", -0.5), (-4.0, "山谷", -0.5)]
BIGRAMS = [(-0.2, "风筝 飞过", -0.2), (-1.0, "飞过 山谷", 0.0)]
TRIGRAMS = [(-0.05, "风筝 飞过 山谷")]


def write_arpa(path: Path) -> Path:
    """The invented model as ARPA text (KenLM reads it as it reads a binary model)."""
    return _arpa.write_arpa(path, UNIGRAMS, BIGRAMS, TRIGRAMS)


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_arpa(tmp_path_factory.mktemp("ctxflow") / "kites.arpa")


def joins(page: layoutfix.Page) -> list[layoutfix.Edit]:
    return [e for e in page.edits if e.stage == "flow" and e.kind == "join"]


def test_without_context_flow_takes_the_nearer_paragraph_as_the_continuation() -> None:
    # the premise of the next test: flow's own model prefers the block right below
    (j,) = joins(layoutfix.clean(PAGE))
    assert j.line == 3 and "context" not in j.reason


def test_a_context_model_favouring_the_continuation_two_blocks_on_joins_it_there(arpa: Path) -> None:
    page = layoutfix.clean(PAGE, Config(context_lm=str(arpa)))
    (j,) = joins(page)
    assert j.line == 5  # 风筝飞过 | 山谷上空
    assert page.to_dict()["articles"][0]["paragraphs"][0].endswith("风筝飞过山谷上空的云朵，孩子们一边奔跑一边欢呼，热闹极了。")


def test_the_join_logs_the_stacked_score_as_its_confidence_and_names_the_context_gain(arpa: Path) -> None:
    page = layoutfix.clean(PAGE, Config(context_lm=str(arpa)))
    (j,) = joins(page)
    assert j.reason.startswith("line 1 continues at line 5: context score ")
    assert "context gain +" in j.reason and "flow's " in j.reason
    score = float(j.reason.split("context score ")[1].split()[0])
    # (the reason prints two decimals, the confidence keeps three: 0.805 is printed 0.80, so half a unit and a hair)
    assert j.confidence == pytest.approx(score, abs=0.0051)
    # the pair it gave up is logged as a near miss, naming the context score that decided against it
    # (flowctx45's refit stack reads the -1.6 nats across it as a clear loss: it falls under the threshold, where
    # session 44's stack kept it over and let the farther pair outrank it)
    (miss,) = [e for e in page.edits if e.kind == "no_join" and e.line == 3]
    assert "context score" in miss.reason and "context gain -" in miss.reason
    assert "continues at line 5 instead" in miss.reason or "below the threshold" in miss.reason


def test_the_stacked_score_is_the_fitted_logistic_of_flows_probability_and_the_gain() -> None:
    stack = FC.Stack((0.1, 0.5, 0.2, 0.3), 0.5, 12, 8)
    assert FC.stacked(0.5, 0.0, 1, stack) == pytest.approx(1 / (1 + pow(2.718281828459045, -0.1)))
    # a gain counts more the farther the target (g * log distance)
    assert FC.stacked(0.5, 2.0, 3, stack) > FC.stacked(0.5, 2.0, 1, stack) > FC.stacked(0.5, 0.0, 1, stack)
    assert FC.stacked(0.5, -2.0, 1, stack) < FC.stacked(0.5, 0.0, 1, stack)


def test_a_rescored_pair_a_rule_excludes_stays_excluded(arpa: Path) -> None:
    blocks = layoutfix.clean(PAGE, Config().without("flow", "dedup", "quotes", "glyphs", "segment")).blocks
    near = [Candidate(0, 1, 0.9, 0.0, 1), Candidate(0, 2, 0.47, 0.0, 2, excluded="never")]
    flow_threshold = layoutfix.stages.flow.model.load_model().threshold
    out, threshold = FC.rescore(near, list(blocks), str(arpa), flow_threshold)
    assert out[1] is near[1]
    assert out[0].score != near[0].score and threshold == FC.stack_threshold(flow_threshold, FC.load_stack())
    assert choose(out, threshold)[0].target == 1


def test_without_a_context_model_the_output_is_the_default_and_the_hook_is_never_reached(
        monkeypatch: pytest.MonkeyPatch) -> None:
    default = layoutfix.clean(PAGE).to_dict()

    def boom(*args: object) -> None:
        raise AssertionError("rescored without a context model")
    monkeypatch.setattr(FC, "rescore", boom)
    assert Config().context_lm is None
    assert layoutfix.clean(PAGE, Config(context_lm=None)).to_dict() == default


def test_the_shipped_stack_is_what_context_eval_writes_and_flow_reads(tmp_path: Path) -> None:
    from benchmarks.context_eval import stack_record
    rec = stack_record([0.1, 0.4, 0.1, 0.2], 0.56, 12, 8, [Path("corpus/synthetic/tune")], "libime", 0.933)
    assert FC.parse_stack(json.loads(json.dumps(rec))) == FC.Stack((0.1, 0.4, 0.1, 0.2), 0.56, 12, 8)
    shipped = FC.load_stack()
    # flowctx45: three weights, no distance term (a gain is not weighed up with the distance)
    assert 0.5 < shipped.threshold < 0.6 and shipped.weights[2] > 0 and shipped.weights[3] == 0.0
    data = json.loads((Path(FC.__file__).parent / "data" / FC.STACK_FILE).read_text(encoding="utf-8"))
    assert data["fit_on"] == ["corpus/synthetic/tune"]


def test_a_stack_without_four_weights_or_with_a_threshold_outside_0_1_is_refused() -> None:
    with pytest.raises(ValueError):
        FC.parse_stack({"weights": [1.0, 2.0], "threshold": 0.5, "left": 12, "right": 8})
    with pytest.raises(ValueError):
        FC.parse_stack({"weights": [1.0, 2.0, 3.0, 4.0], "threshold": 1.5, "left": 12, "right": 8})


def test_a_missing_model_is_a_clear_error_from_clean(tmp_path: Path) -> None:
    missing = tmp_path / "none.lm"
    with pytest.raises(ContextModelError) as e:
        layoutfix.clean(PAGE, Config(context_lm=str(missing)))
    assert isinstance(e.value, LayoutfixError)
    assert str(e.value) == f"{missing}: no context model file here"


def test_a_missing_model_is_one_line_and_exit_2_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "kites.txt"
    dump.write_text(PAGE, encoding="utf-8")
    missing = tmp_path / "none.lm"
    for argv in (["clean", str(dump), "--context-lm", str(missing)], ["diff", str(dump), "--context-lm", str(missing)]):
        assert cli_main(argv) == 2
        err = capsys.readouterr().err
        assert err == f"layoutfix: {missing}: no context model file here\n"


def test_the_cli_option_runs_flow_with_the_model(arpa: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "kites.txt"
    dump.write_text(PAGE, encoding="utf-8")
    assert cli_main(["clean", str(dump), "--context-lm", str(arpa)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["line"] for e in out["edits"] if e["stage"] == "flow" and e["kind"] == "join"] == [5]


def test_without_kenlm_clean_says_how_to_install_it(arpa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_kenlm(name: str, *args: object, **kwargs: object) -> object:
        if name == "kenlm":
            raise ImportError("No module named 'kenlm'")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]
    FC._loaded.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_kenlm)
    try:
        with pytest.raises(ContextModelError, match=r"pip install 'layoutfix\[context\]'"):
            layoutfix.clean(PAGE, Config(context_lm=str(arpa)))
    finally:
        FC._loaded.cache_clear()


def test_the_benchmark_runner_passes_the_model_to_every_system_and_names_it() -> None:
    from benchmarks.__main__ import narrowing, parser
    from benchmarks.quality import configs
    from benchmarks.report import _context_label
    assert all(c.context_lm == "libime" for c in configs(None, True, "libime").values())
    assert all(c.context_lm is None for c in configs(None, True).values())
    assert "--context-lm" in narrowing(parser().parse_args(["--context-lm", "libime"]))
    assert _context_label(None) == "none (default)"
    assert _context_label("libime").startswith("libime (/usr/lib/")
