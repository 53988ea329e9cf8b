"""Specs of session 40's flow mend: a lifted pair gives way to every likelier rival of either block."""
from __future__ import annotations

from layoutfix.stages.flow.assign import CLOSE, unlift_outranked
from layoutfix.stages.flow.model import Candidate


def test_a_rival_scored_under_the_floor_still_outranks_a_lifted_pair() -> None:
    # review40a: `scored` keeps out of its candidates every pair under the floor, but a rival of either block the
    # model scored above the lifted pair's own p (the target's 3 -> 4 at 0.12, the source's 0 -> 2 at 0.05, both under
    # CLOSE) is a reading the model prefers: the lift is given back (its own 0.03, under the floor: dropped)
    lifted_pair = Candidate(0, 4, 0.5901, 0.0, 4, "lifted")
    assert unlift_outranked([lifted_pair], {0: 0.03}, CLOSE, [(3, 4, 0.12)]) == []
    assert unlift_outranked([lifted_pair], {0: 0.03}, CLOSE, [(0, 2, 0.05)]) == []
    assert unlift_outranked([lifted_pair], {0: 0.03}, 0.0, [(3, 4, 0.12)]) == [Candidate(0, 4, 0.03, 0.0, 4)]
    # a rival under the lifted pair's own p, or a pair of two other blocks, leaves the lift standing
    assert unlift_outranked([lifted_pair], {0: 0.03}, CLOSE, [(3, 4, 0.02), (1, 2, 0.2)]) == [lifted_pair]

    # a rival whose other block is debris may not be joined: no rival
    def debris(i: int, j: int) -> str:
        return "its source is OCR debris" if i == 3 else ""
    assert unlift_outranked([lifted_pair], {0: 0.03}, CLOSE, [(3, 4, 0.12)], debris) == [lifted_pair]


def test_a_lifted_joins_reason_gives_the_models_own_probability_to_three_decimals() -> None:
    # review40b: a pair the model scored 0.586 read "the model's 0.59, lifted to its threshold 0.59"
    from layoutfix.stages.flow import load_model
    from layoutfix.stages.flow.assign import lift_reason

    model = load_model()
    assert "the model's 0.586, lifted" in lift_reason(model, 0.5861)
    assert lift_reason(model, 0.5861).startswith(f"join probability {model.threshold:.2f} ")
