"""flow's pre-filter keeps the pair a quotation balance argues for (review12a: dropping that exception passed the
suite, because no sample page has such a pair). A block that opens a quotation and the next block that only closes
it are a pair the model scores low when a better continuation follows; the pre-filter must still keep it, so the
decision log explains why the quotation was not closed there, exactly as the unfiltered model logs it."""
from __future__ import annotations

import pytest

import layoutfix
import layoutfix.stages.flow as F

# invented: a paragraph cut inside a word ('公' | '路'), a caption-like line that closes the quotation between
PAGES = [
    "他在会上说：“我们一定要把农村的道路修好，让每一个村子都通上公\n\n■本报记者 张三 摄”\n\n"
    "路，让农民的产品能够卖出去，这是我们的责任。\n\n另一段文字在这里结束。",
    "他在会上说：“我们一定要把农村的道路修好，让每一个村子都通上公\n\n1998年”\n\n"
    "路，让农民的产品能够卖出去，这是我们的责任。\n\n另一段文字在这里结束。",
]


def _flow_log(dump: str) -> list[tuple[str, int, float]]:
    return [(e.kind, e.line, round(e.confidence, 3)) for e in layoutfix.clean(dump).edits if e.stage == "flow"]


@pytest.mark.parametrize("dump", PAGES)
def test_a_quotation_closed_in_the_next_block_is_weighed_and_logged_even_when_pruning(
        dump: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pruned = _flow_log(dump)
    assert ("join", 5, 1.0) in pruned  # the cut word is mended across the caption
    assert any(k == "no_join" and n == 3 for k, n, _ in pruned)  # and the quotation's close was weighed
    monkeypatch.setattr(F, "PRUNE_MARGIN", None)
    assert _flow_log(dump) == pruned
