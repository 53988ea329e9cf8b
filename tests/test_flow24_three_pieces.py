"""flow24: a paragraph cut at two column breaks into a first piece, a short title-like middle piece and the rest
is joined whole in one run, and a second run finds nothing more to join (session 23's review: the middle piece
took the rest and the first piece stood open until the page was cleaned again). Invented text only."""
from __future__ import annotations

import layoutfix
from pagetext import paragraphs as _paragraphs, as_dump as _as_dump
from layoutfix.stages import flow as F
from layoutfix.stages.flow.model import Candidate


_DUMP = ("## 华侨社团开展募捐活动\n\n本报东京3月2日电 旅日华侨得知家乡发生洪水灾害后，纷纷表示关心和慰问。\n\n"
         "东京华侨总会、留日学人联合会、樱花中文周刊和\n\n早稻田大学中国留学生会3月1日在互联网\n\n"
         "上发出通知，呼吁在日华人为灾区募捐。这些团体组成了一个委员会，负责募捐等事项。\n")
_WHOLE = ("东京华侨总会、留日学人联合会、樱花中文周刊和早稻田大学中国留学生会3月1日在互联网上发出通知，"
          "呼吁在日华人为灾区募捐。这些团体组成了一个委员会，负责募捐等事项。")


def test_a_paragraph_cut_into_three_pieces_with_a_short_middle_piece_is_joined_whole() -> None:
    # a paragraph cut at two column breaks, its first two pieces short and without a comma (title-like): flow
    # joined the middle piece to the last and never the first to the middle (no candidate close enough to be
    # logged), so '…周刊和' stood as a paragraph of its own, open, and the article was not marked truncated.
    paragraphs = _paragraphs(layoutfix.clean(_DUMP))
    assert _WHOLE in paragraphs


def test_the_three_pieces_joined_once_are_not_joined_again_by_a_second_run() -> None:
    first = layoutfix.clean(_DUMP)
    second = layoutfix.clean(_as_dump(first))
    assert _paragraphs(second) == _paragraphs(first)
    assert not [e for e in second.edits if e.stage == "flow" and e.kind == "join"]


def test_the_first_piece_joins_the_middle_piece_with_a_reason_that_says_why() -> None:
    page = layoutfix.clean(_DUMP)
    joins = [e for e in page.edits if e.stage == "flow" and e.kind == "join"]
    assert [e.line for e in joins] == [7, 9]
    assert "middle piece" in joins[0].reason and "middle piece" not in joins[1].reason


def _cand(i: int, j: int, p: float) -> Candidate:
    return Candidate(i, j, p, 0.0, j - i)


def test_a_middle_piece_is_asked_for_only_when_a_chain_starting_between_took_the_continuation() -> None:
    # block 0's continuation (2) went to block 1, which starts after 0: asked (the page is read again); a source
    # whose lost target went to a chain starting before it, or whose candidate was under the threshold, is not
    blocks = [layoutfix.model.Block(k, t, k + 1) for k, t in enumerate(("甲", "乙", "丙"))]
    page = layoutfix.model.Page(source="t", raw="甲\n乙\n丙\n", blocks=tuple(blocks))
    chosen = {1: _cand(1, 2, 0.9)}
    lm = F.load_lm(None)
    cfg = layoutfix.Config()
    model = F.load_model()
    # under the threshold: nothing to ask, no page is read again (the merge that reading it starts with fails here)
    import pytest
    from layoutfix.stages.flow import assign

    def not_read(*_: object) -> None:
        raise AssertionError("the page was read again")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(assign, "_merged_page", not_read)
        assert F.middle_pieces([_cand(0, 2, 0.3), _cand(1, 2, 0.9)], chosen, blocks, page, lm, cfg, model, 0.59) == {}
        # lost to a chain that starts before the source: not a middle piece
        assert F.middle_pieces([_cand(1, 2, 0.7), _cand(0, 2, 0.9)], {0: _cand(0, 2, 0.9)}, blocks, page, lm, cfg,
                               model, 0.59) == {}
    # asked: the answer is a join into the chain's head or nothing, never into the lost target itself
    got = F.middle_pieces([_cand(0, 2, 0.7), _cand(1, 2, 0.9)], chosen, blocks, page, lm, cfg, model, 0.59)
    assert all(c.target == 1 for c in got.values())
