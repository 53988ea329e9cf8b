"""Specification of session 44's optional context model as a package matter (ctx44), and of its dev tool.

The model (`layoutfix.contextlm`, specified in test_contextlm_spec.py) is opt-in: a pip extra brings its reader,
the test extra brings it too so CI runs its specs, it is not compiled, and no stage reads it, so a run's output
does not depend on whether a machine has Debian's model installed. `benchmarks/context_eval.py` measures what it
would buy flow's joins; its pieces that decide figures are specified here on invented data.
"""
from __future__ import annotations

import math
import random
import tomllib
from pathlib import Path

from benchmarks import context_eval as E
from layoutfix.stages import flow as F

ROOT = Path(__file__).resolve().parent.parent


def _extras() -> dict[str, list[str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["optional-dependencies"]


def test_the_context_extra_brings_the_kenlm_reader() -> None:
    assert any(req.startswith("ufal-kenlm") for req in _extras()["context"])


def test_the_test_extra_brings_kenlm_so_ci_runs_the_context_specs() -> None:
    assert any(req.startswith("ufal-kenlm") for req in _extras()["test"])
    assert not any("kenlm" in req for req in
                   tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])


def test_the_context_model_is_interpreted_and_only_the_opt_in_hooks_read_it() -> None:
    # (ctxflow44: flow's joins read it through layoutfix/flowcontext.py; ctxwire44: the glyph stage's context pass
    # through layoutfix/glyphcontext.py; both imported only with Config.context_lm)
    assert (ROOT / "layoutfix" / "contextlm.py").is_file()
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert "contextlm" not in setup and "flowcontext" not in setup and "glyphcontext" not in setup
    readers = [p for p in (ROOT / "layoutfix").rglob("*.py")
               if p.name != "contextlm.py" and "contextlm" in p.read_text(encoding="utf-8")]
    assert sorted(p.relative_to(ROOT).as_posix() for p in readers) == ["layoutfix/flowcontext.py",
                                                                       "layoutfix/glyphcontext.py"]


def _pair(page: str, s: int, t: int, p: float, label: bool, fixed: bool = False) -> E.Pair:
    return E.Pair(page, s, t, p, abs(t - s), label, False, "", "", fixed=fixed)


def test_the_tool_assigns_as_flow_does_fixed_joins_first_then_by_probability_each_block_once() -> None:
    pairs = [_pair("a", 0, 1, 1.0, True, fixed=True),   # a join made before the model
             _pair("a", 0, 2, 0.99, False),             # its source is taken
             _pair("a", 3, 4, 0.9, True),
             _pair("a", 5, 4, 0.8, False),              # its target is taken
             _pair("a", 6, 7, 0.4, True)]               # under the threshold
    joins, right = E.assigned(pairs, [q.p for q in pairs], 0.5)
    assert (joins, right) == (2, 2)
    direct = F.choose([F.Candidate(q.source, q.target, q.p, 0.0, q.distance) for q in pairs if not q.fixed], 0.5,
                      [F.Candidate(0, 1, 1.0, 0.0, 1, "fixed")])
    assert sorted((s, c.target) for s, c in direct.items()) == [(0, 1), (3, 4)]


def test_the_stacked_model_learns_a_gain_that_separates_the_labels() -> None:
    rng = random.Random(3)
    x, y = [], []
    for _ in range(400):
        label = rng.random() < 0.5
        gain = rng.gauss(2.0 if label else -1.0, 1.0)
        x.append([1.0, rng.gauss(0.0, 1.0), gain, 0.0])
        y.append(float(label))
    w = E.fit_logistic(x, y)
    assert w[2] > 1.0 and abs(w[1]) < 0.5
    assert all(math.isfinite(v) for v in w)


def test_a_glyph_fix_is_replayed_at_the_occurrence_nearest_the_middle_of_its_context() -> None:
    assert E._fixed_context("…甲乙丙丁甲戊己…", "甲", "庚") == "甲乙丙丁庚戊己"
    assert E._fixed_context("甲乙丙", "丁", "戊") is None
