"""Session 59 (flow59): the flow stage's join scoring makes the same candidates with fewer instructions.

What flow computes is unchanged (the clean output, edit log included, is byte-identical); how:
- `assign.new_candidate` makes a `Candidate` without the frozen dataclass's `__init__` (compiled, a call into the
  interpreted model's generated `__init__` for every pair that comes close): the same fields set the same way, so
  the object is equal, with the same repr, hash and attributes, and stays frozen;
- `assign.reverse_probs` calls `math.exp` by its full name (compiled, native) rather than through a local alias:
  the same probabilities with the compiled switch on and off;
- `assign.scored` reads the model's threshold once, not per pair (the model is frozen).
(Tried and not kept: `titles.heads_its_text` reading a target's opening pairs from a per-text cache: most targets
meet one title-like source, so the cache missed 933 of 1,636 calls and cost 1.7 M instructions more than it saved;
and `tuple(d) == names` in `reverse_probs` as a compiled loop over the dict's keys, identity first: 9.0 M against
the tuples' 5.3 M, as mypyc walks a dict's keys slowly.)
"""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import example, given, settings, strategies as st

from pathlib import Path

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages import flow as F
from layoutfix.stages.flow import assign as A
from layoutfix.stages.flow.assign import new_candidate, reverse_probs
from layoutfix.stages.flow.model import SOURCE_FEATURES, Candidate
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

from oracles import same_both_ways

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"

_FIELDS = st.tuples(st.integers(0, 50), st.integers(0, 50), st.floats(allow_nan=False), st.floats(allow_nan=False),
                    st.integers(1, 8), st.text(max_size=8), st.text(max_size=8), st.booleans())


@settings(max_examples=200, deadline=None)
@given(_FIELDS)
@example((3, 4, 0.5, 0.0, 1, "", "", False))
@example((0, 9, 0.999, 2.5, 2, "join probability 0.99: why", "its target is OCR debris", True))
def test_new_candidate_is_the_dataclass(fields: tuple[int, int, float, float, int, str, str, bool]) -> None:
    made, plain = new_candidate(*fields), Candidate(*fields)
    assert type(made) is Candidate
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert dataclasses.astuple(made) == dataclasses.astuple(plain) == fields
    assert vars(made) == vars(plain) and list(vars(made)) == list(vars(plain))  # (the same fields in the same order)


def test_new_candidate_defaults_are_the_dataclass_defaults() -> None:
    assert new_candidate(1, 2, 0.3, 0.0, 1) == Candidate(1, 2, 0.3, 0.0, 1)
    assert new_candidate(1, 2, 0.3, 0.0, 1, excluded="x") == Candidate(1, 2, 0.3, 0.0, 1, excluded="x")
    assert dataclasses.replace(new_candidate(1, 2, 0.3, 0.0, 1), score=0.9) == Candidate(1, 2, 0.9, 0.0, 1)


def test_new_candidate_stays_frozen() -> None:
    c = new_candidate(1, 2, 0.3, 0.0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.score = 1.0  # type: ignore[misc]


def test_reverse_probs_the_same_compiled_or_not_on_sample_pages() -> None:
    lm, model = load_lm(None), F.load_model()
    for txt in sorted(SAMPLES.glob("*.txt"))[:3]:
        page = normalize(read(txt.read_bytes(), Config(), source=txt.name))
        groups = F.candidates(page, lm, Config(), model)
        assert groups and all(tuple(g.src) == SOURCE_FEATURES for g in groups)
        same_both_ways(A, lambda: reverse_probs(groups, model))
