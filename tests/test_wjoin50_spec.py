"""wjoin50: a paragraph does not end on a heading (invented text only). A body block joined to a title-like line
that ends no sentence, with no dictionary word across the join, stands only when that line goes on (is itself joined
to a later block: a short piece of the paragraph printed title-shaped between its other pieces). Otherwise the line
is a section label, a subheading or the next story's headline under a paragraph that stops there (a cut whose rest
lies elsewhere, or a paragraph whose final mark OCR lost), and the join is taken out (`flow.assign.needs_onward`,
`choose_dropping`), logged as a near miss with the rule's reason; nor does that paragraph go on past the line to a
block farther on. A line ending on a colon is a lead-in, not a heading: its join stands as the model scores it."""
from __future__ import annotations

from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix
import layoutfix.flowcontext as FC
from layoutfix.config import Config
from layoutfix.model import Block
from layoutfix.stages.flow import Candidate, choose, choose_dropping, rejected
from layoutfix.stages.flow.assign import PAST_TITLE, UNFINISHED_TITLE, needs_onward
from layoutfix.stages.flow.model import load_model

BODY = ("本报讯 县里决定在城东新建一座图书馆，供全县群众免费借阅图书。图书馆建成以后，每天开放十二个小时，周末也不休息。"
        "馆长介绍说，目前已经购进新书两万多册，还将陆续增加。全县上下正在团结一心，为")
LABEL = "卫生"  # a section label: title-like, no mark
NEXT = "本报讯 县第三届职工篮球赛昨天在县体育馆开幕，来自全县各单位的二十支代表队参加比赛。"


def flow_edits(*blocks: str, config: Config | None = None) -> list[layoutfix.model.Edit]:
    text = "## 小城新事\n\n" + "\n\n".join(blocks) + "\n"
    page = next(p for stage, p, _ in layoutfix.run_stages(text, config or Config()) if stage == "flow")
    return [e for e in page.edits if e.stage == "flow" and e.kind in ("join", "no_join")]


def joined_at(edits: list[layoutfix.model.Edit], line: int) -> bool:
    return any(e.kind == "join" and e.line == line for e in edits)


def test_a_paragraph_stopping_mid_sentence_is_not_joined_to_a_section_label_under_it() -> None:
    edits = flow_edits(BODY, LABEL, NEXT)
    # the model scores the pair far over its threshold ('…为' opens nothing): the rule refuses it
    assert not any(e.kind == "join" and e.line == 5 for e in edits)
    (near,) = [e for e in edits if e.kind == "no_join" and e.line == 5]
    assert near.confidence >= 0.59 and UNFINISHED_TITLE in near.reason


def test_after_flow_the_label_is_a_block_of_its_own_and_the_paragraph_stays_open() -> None:
    text = "## 小城新事\n\n" + "\n\n".join((BODY, "读者来信", NEXT)) + "\n"
    page = next(p for stage, p, _ in layoutfix.run_stages(text) if stage == "flow")
    texts = [b.text for b in page.blocks]
    assert "读者来信" in texts and not any("为读者来信" in t for t in texts)
    (body,) = [b for b in page.blocks if b.text.endswith("团结一心，为")]
    assert "open_end" in body.flags  # the paragraph found no continuation: segment may call its article truncated


def test_the_shape_is_a_body_block_over_an_unmarked_title_line_with_no_word_across() -> None:
    assert needs_onward(BODY, LABEL, 0.0)
    assert needs_onward(BODY, "群众工作", 0.0)
    assert needs_onward("他们把这件事情看作今年工作的一个重点，准备在", "科技兴县之路", 0.0)


def test_a_word_across_the_join_is_a_cut_inside_a_word_and_left_to_the_model() -> None:
    # '…完成年' | '度计划' : a dictionary word spans the join, no heading opens inside a word
    assert not needs_onward(BODY, "度计划", 2.5)


def test_a_title_line_ending_its_sentence_is_left_to_the_model() -> None:
    # a line ending on ？ or ！ or …… may be a paragraph's last piece: on the dev pages as often right as wrong
    assert not needs_onward(BODY, "这样的事情难道还少吗？", 0.0)
    assert not needs_onward(BODY, "路灯终于亮起来了！", 0.0)


def test_running_text_and_a_title_like_source_are_not_this_shape() -> None:
    # running text under the paragraph is the model's (not title-like)
    assert not needs_onward(BODY, "冬天的夜晚来得早，窗外的风一阵紧似一阵，我坐在灯下翻开一本旧书，书页已经发黄", 0.0)
    # a title-like source over a title-like line is `titles`' business (two title lines)
    assert not needs_onward("小城新事", LABEL, 0.0)


def test_a_join_to_a_title_like_piece_that_goes_on_stands() -> None:
    # '…画家' | '的《某某自传》和《一' | '个画家的日记》…' : the middle piece is joined on, so the first join stands
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True), Candidate(1, 2, 0.8, 3.0, 1)]
    chosen = choose(cands, 0.59)
    assert chosen[0].target == 1 and chosen[1].target == 2


def test_a_join_to_a_title_like_line_that_goes_nowhere_is_taken_out_and_the_paragraph_stops_there() -> None:
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True)]
    assert choose(cands, 0.59) == {}
    # it does not go on past the line to a block farther on: '…努力把' | '相关链接' | the next story's first line
    cands.append(Candidate(0, 2, 0.7, 0.0, 2))
    chosen, dropped = choose_dropping(cands, 0.59)
    assert chosen == {} and dropped == {(0, 1): 1, (0, 2): 1}
    # an unmarked pair is the assignment's as before
    assert choose([Candidate(0, 1, 0.9, 0.0, 1)], 0.59)[0].target == 1


def test_the_source_may_still_take_a_nearer_block_than_the_dropped_line() -> None:
    # only the blocks past the line are out of its reach: '…' | a nearer piece | the line
    cands = [Candidate(0, 2, 0.9, 0.0, 2, onward=True), Candidate(0, 1, 0.7, 0.0, 1)]
    chosen, dropped = choose_dropping(cands, 0.59)
    assert chosen[0].target == 1 and dropped == {(0, 2): 2}


def test_the_most_probable_stuck_join_is_taken_out_first() -> None:
    # A->T (0.9) and Y->X (0.95) both stuck, T->X (0.8) lost X to Y, A's other candidate is a nearer block (0.7):
    # taking Y->X out first lets T go on to X and A->T stand; taking A->T out first would give A its weaker pair
    cands = [Candidate(0, 2, 0.9, 0.0, 2, onward=True), Candidate(3, 4, 0.95, 0.0, 1, onward=True),
             Candidate(2, 4, 0.8, 0.0, 2), Candidate(0, 1, 0.7, 0.0, 1)]
    assert {s: c.target for s, c in choose(cands, 0.59).items()} == {0: 2, 2: 4}


def test_other_joins_are_not_moved_by_the_drop() -> None:
    # a block before the line (another source's join, a nearer target of another source) is untouched
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True), Candidate(2, 3, 0.8, 0.0, 1), Candidate(4, 0, 0.7, 0.0, 1)]
    assert {s: c.target for s, c in choose(cands, 0.59).items()} == {2: 3, 4: 0}


def test_a_paragraph_over_a_label_does_not_jump_it_to_the_next_story() -> None:
    # the model puts '相关链接' first under '…努力把'; with that join out, the next story's first line is not its rest
    head = BODY.split("馆长")[0] + "馆长介绍说，全县上下正在团结一心，努力把"
    edits = flow_edits(head, "相关链接", "冬季是流感高发季节，专家提醒广大市民注意防寒保暖，多喝水，多锻炼。")
    assert not any(e.kind == "join" for e in edits)
    (jump,) = [e for e in edits if e.kind == "no_join" and e.line == 7]
    assert PAST_TITLE.format(line=5) in jump.reason


def test_a_lead_in_line_ending_on_a_colon_is_not_a_heading() -> None:
    # '…县委书记老周' | '表示：' | the quotation: flow's own rule ends the paragraph at the colon, so the line never
    # goes on; the join to it must stand as the model scores it
    assert not needs_onward(BODY, "表示：", 0.0) and not needs_onward(BODY, "提出三点要求:", 0.0)
    head = BODY.split("馆长")[0] + "对此，县委书记老周"
    edits = flow_edits(head, "表示：", "“我们一定要把图书馆办好，让全县群众都满意。”")
    assert joined_at(edits, 5)


def test_a_small_word_gain_is_left_to_the_model_too() -> None:
    # any gain over nothing means a word spans the join
    assert not needs_onward(BODY, LABEL, 0.5)


def test_a_figure_cut_or_a_closed_quotation_across_the_join_makes_the_join_whatever_the_line_looks_like() -> None:
    # '…产值3' | '5亿元' reads on as one number; '…“我们一定要把' | '图书馆办好”' closes the quotation it opened
    head = BODY.split("馆长")[0]
    assert needs_onward(head + "全县今年共完成产值3", "5亿元", 0.0)  # the shape, but a rule made the join
    assert joined_at(flow_edits(head + "全县今年共完成产值3", "5亿元", NEXT), 5)
    assert needs_onward(head + "馆长笑着说：“我们一定要把", "图书馆办好”", 0.0)
    assert joined_at(flow_edits(head + "馆长笑着说：“我们一定要把", "图书馆办好”", NEXT), 5)


def test_only_the_stuck_join_is_taken_out_beside_one_whose_line_goes_on() -> None:
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True), Candidate(1, 2, 0.8, 3.0, 1),
             Candidate(3, 4, 0.85, 0.0, 1, onward=True)]
    chosen, dropped = choose_dropping(cands, 0.59)
    assert {s: c.target for s, c in chosen.items()} == {0: 1, 1: 2} and dropped == {(3, 4): 4}


def test_a_join_whose_line_goes_on_once_another_is_taken_out_stands() -> None:
    # A->T (0.9) and Y->X (0.95) both stuck; T->X (0.8) lost X to Y. Y->X out, T goes on to X, so A->T stands
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True), Candidate(2, 3, 0.95, 0.0, 1, onward=True),
             Candidate(1, 3, 0.8, 0.0, 2)]
    chosen, dropped = choose_dropping(cands, 0.59)
    assert {s: c.target for s, c in chosen.items()} == {0: 1, 1: 3} and dropped == {(2, 3): 3}
    # the other order: A->T (0.95) goes out first, then Y->X (0.9); T then goes on to X, and A->T is put back
    cands = [Candidate(0, 1, 0.95, 0.0, 1, onward=True), Candidate(2, 3, 0.9, 0.0, 1, onward=True),
             Candidate(1, 3, 0.8, 0.0, 2)]
    chosen, dropped = choose_dropping(cands, 0.59)
    assert {s: c.target for s, c in chosen.items()} == {0: 1, 1: 3} and dropped == {(2, 3): 3}


def _blocks(n: int) -> list[Block]:
    texts = ["他们正在团结一心，为", "县城新建图书馆", "大家都在努力把", "今日开馆", "周末也不休息。"]
    return [Block(k, texts[k], 2 * k + 1) for k in range(n)]


def test_the_log_says_which_join_the_rule_took_out_and_names_a_rival_otherwise() -> None:
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True), Candidate(2, 3, 0.95, 0.0, 1, onward=True),
             Candidate(1, 3, 0.8, 0.0, 2)]
    chosen, dropped = choose_dropping(cands, 0.59)
    (edit,) = rejected(cands, chosen, _blocks(4), 0.59, dropped)
    assert edit.line == 7 and UNFINISHED_TITLE in edit.reason and "cycle" not in edit.reason
    # an onward pair that loses to a rival is logged with the rival, not with the rule
    cands = [Candidate(0, 1, 0.7, 0.0, 1, onward=True), Candidate(0, 4, 0.9, 0.0, 4),
             Candidate(2, 3, 0.7, 0.0, 1, onward=True), Candidate(4, 3, 0.9, 0.0, 1)]
    chosen, dropped = choose_dropping(cands, 0.59)
    assert dropped == {}
    by_line = {e.line: e.reason for e in rejected(cands, chosen, _blocks(5), 0.59, dropped)}
    assert "line 1 continues at line 9 instead (0.90)" in by_line[3]
    assert "line 7 continues line 9 instead (0.90)" in by_line[7]


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("wjoin50") / "kites.arpa", *_arpa.KITES)


def test_the_rule_holds_with_the_context_model_too(arpa: Path) -> None:
    # the context stack rescores the pair; the pair keeps its mark, and the join is still taken out
    th = load_model().threshold
    blocks = _blocks(2)
    out, _ = FC.rescore([Candidate(0, 1, th + 0.2, 0.0, 1, onward=True), Candidate(0, 1, 0.99, 0.0, 1, "a rule's",
                                                                                   onward=True)], blocks, str(arpa), th)
    assert [c.onward for c in out] == [True, True]
    edits = flow_edits(BODY, LABEL, NEXT, config=Config().replace(context_lm=str(arpa)))
    assert not joined_at(edits, 5)
    (near,) = [e for e in edits if e.kind == "no_join" and e.line == 5]
    assert UNFINISHED_TITLE in near.reason and "context score" in near.reason
