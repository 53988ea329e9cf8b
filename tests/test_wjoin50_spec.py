"""wjoin50: a paragraph does not end on a heading (invented text only). A body block joined to a title-like line
that ends no sentence, with no dictionary word across the join, stands only when that line goes on (is itself joined
to a later block: a short piece of the paragraph printed title-shaped between its other pieces). Otherwise the line
is a section label, a subheading or the next story's headline under a paragraph that stops there (a cut whose rest
lies elsewhere, or a paragraph whose final mark OCR lost), and the join is taken out (`flow.assign.needs_onward`,
`choose`), logged as a near miss with the rule's reason."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.flow import Candidate, choose
from layoutfix.stages.flow.assign import UNFINISHED_TITLE, needs_onward

BODY = ("本报讯 县里决定在城东新建一座图书馆，供全县群众免费借阅图书。图书馆建成以后，每天开放十二个小时，周末也不休息。"
        "馆长介绍说，目前已经购进新书两万多册，还将陆续增加。全县上下正在团结一心，为")
LABEL = "卫生"  # a section label: title-like, no mark
NEXT = "本报讯 县第三届职工篮球赛昨天在县体育馆开幕，来自全县各单位的二十支代表队参加比赛。"


def flow_edits(*blocks: str) -> list[layoutfix.model.Edit]:
    text = "## 小城新事\n\n" + "\n\n".join(blocks) + "\n"
    _, edits = layoutfix.fix_and_explain(text)
    return [e for e in edits if e.stage == "flow" and e.kind in ("join", "no_join")]


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


def test_a_join_to_a_title_like_line_that_goes_nowhere_is_taken_out_and_the_source_may_go_on_elsewhere() -> None:
    cands = [Candidate(0, 1, 0.9, 0.0, 1, onward=True)]
    assert choose(cands, 0.59) == {}
    # its source then takes its next candidate over the threshold, as the assignment would without the pair
    cands.append(Candidate(0, 2, 0.7, 0.0, 2))
    assert choose(cands, 0.59)[0].target == 2
    # an unmarked pair is the assignment's as before
    assert choose([Candidate(0, 1, 0.9, 0.0, 1)], 0.59)[0].target == 1
