"""title38: a body line read as a title because `flow` left it apart from the rest of its sentence (invented text
only). Two shapes of a cut that the join model scores below its threshold are joined at the threshold
(`flow.assign.cut_sentence`): a block that stops mid-phrase over one whose first sentence closes within a few
characters, and a title-like line opening with a preposition and a verb over running text that opens as the rest of
a sentence."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.model import TEXT, Block
from layoutfix.stages.flow import load_model
from layoutfix.stages.flow.assign import CUT_CLAUSE, CUT_HEAD, cut_sentence
from layoutfix.stages.flow.blocks import short_first_sentence, stops_mid_phrase
from layoutfix.stages.flow.words import opens_unfinished_clause


def blocks(*texts: str) -> list[Block]:
    return [Block(k, t, 1 + 2 * k, TEXT) for k, t in enumerate(texts)]


def why(a: str, b: str, p: float, titled: bool, d: int = 1) -> str:
    lm, model = load_lm(Config().lm_path), load_model()
    return cut_sentence(blocks(a, b), 0, 1, p, d, titled, lm, model)


def test_a_first_sentence_of_a_few_characters_with_text_after_it_is_short() -> None:
    assert short_first_sentence("根据地。作为一支地方武装，这支队伍转战多年。")
    assert short_first_sentence("“加速器”。把考评结果作为选拔干部的依据。")  # the closing quote belongs to the sentence
    assert not short_first_sentence("岁月悠悠。")  # a block of one short sentence is a line of its own
    assert not short_first_sentence("“好的。”")  # its closing quote included
    assert short_first_sentence("一二三四五。好")  # six characters with the mark: short
    assert not short_first_sentence("一二三四五六。好")  # seven: a sentence a paragraph may open with
    assert not short_first_sentence("全市今年新建了一批体育场馆。群众健身的条件明显改善。")


def test_a_block_stops_mid_phrase_on_a_han_character_only() -> None:
    assert stops_mid_phrase("同当地群众一起创建了")
    assert not stops_mid_phrase("家里欠了一笔债，")
    assert not stops_mid_phrase("他们的口号是“加速器”")


def test_a_block_that_stops_mid_phrase_continues_in_a_block_whose_first_sentence_is_a_few_characters() -> None:
    # '用好考评结果，激发干劲' | '“加速器”。把…': a paragraph seldom opens with a sentence that short, a sentence cut at a
    # column break often goes on so; the model's 0.2 to 0.59 is lifted to its threshold and the reason says why
    assert CUT_HEAD in why("用好考评结果，激发干劲", "“加速器”。把考评结果作为选拔干部的依据。", 0.3, False)
    assert CUT_HEAD in why("他们同当地群众一起创建了", "根据地。作为一支地方武装，这支队伍转战多年。", 0.3, False)


def test_a_title_like_line_ending_on_a_particle_continues_but_one_ending_on_a_noun_may_head_a_stray_piece() -> None:
    # a title seldom ends on a particle, pronoun or adverb (28 of 1,285 tuning-day title parts): '…参加了' | '会见。…' is
    # one sentence; a title-like line ending on a noun over a short first sentence may be a title over a stray piece
    # of another paragraph, left to the model
    assert CUT_HEAD in why("副省长王五等参加了", "会见。此前，代表团参观了新建的开发区。", 0.3, True)
    assert why("方便住户的信报箱群", "管之责任。也有人认为物业公司应承担责任。", 0.3, True) == ""


def test_a_clause_after_a_comma_or_a_pair_the_model_reads_as_no_join_is_left_to_the_model() -> None:
    # after a comma a new clause may be four characters ('岁月悠悠。'): the source must stop mid-phrase
    assert why("家里欠了一笔债，", "岁月悠悠。她拖着假肢在山路上走了很多年。", 0.4, False) == ""
    # a pair the model scores under 0.2 stays apart
    assert why("他们同当地群众一起创建了", "根据地。作为一支地方武装，这支队伍转战多年。", 0.1, False) == ""


def test_a_line_opening_with_a_preposition_and_a_verb_is_an_unfinished_clause() -> None:
    lm = load_lm(Config().lm_path)
    assert opens_unfinished_clause(lm, "为扩大全民健身运动")
    assert not opens_unfinished_clause(lm, "全民健身运动覆盖全市")  # no preposition opens it
    assert not opens_unfinished_clause(lm, "为全民健身运动")  # no verb after the preposition
    assert not opens_unfinished_clause(lm, "为")


def test_a_line_with_a_main_verb_after_its_adverbial_clause_is_a_whole_title() -> None:
    # review38a: '对某某说不', '从调整看发展' open with a preposition and a verb and hold their own main verb: titles,
    # and a title over a paragraph whose opening the model reads as a continuation stays a title
    lm = load_lm(Config().lm_path)
    assert not opens_unfinished_clause(lm, "从调整看发展")
    assert not opens_unfinished_clause(lm, "对违规收费说不")
    assert why("对违规收费说不", "全县各乡镇积极行动，开展了涉农收费专项检查。", 0.3, True) == ""


def test_a_title_like_line_opening_with_a_preposition_and_a_verb_continues_in_the_rest_of_its_sentence() -> None:
    # '为扩大某某' | '覆盖面、影响力，…': the adverbial clause wants its main clause, and the block after it opens as the
    # rest of a sentence (flow's opening odds below 0): one paragraph whatever the model's score
    assert CUT_CLAUSE in why("为扩大全民健身运动", "覆盖面、影响力，充分发挥各社区体育场馆的作用，全市开展了群众体育活动。",
                             0.1, True)


def test_a_title_opening_with_a_preposition_over_a_paragraph_that_opens_as_one_stays_a_title() -> None:
    # an adverbial line over text that opens as a paragraph ('这些年，') is a title over its text
    text = "这些年，本镇的菜市场越办越好，居民买菜比过去方便多了。"
    assert why("为扩大全民健身运动", text, 0.1, True) == ""
    # and a line that is not title-like (its clause marks) is not asked
    assert why("为扩大全民健身运动", "覆盖面、影响力，充分发挥各社区体育场馆的作用。", 0.1, False) == ""
    # nor is a title-like line under which another title-like line stands (verse, a list)
    assert why("为扩大全民健身运动", "覆盖面和影响力", 0.1, True) == ""


def test_the_rest_of_a_sentence_may_stand_a_few_blocks_on_but_the_preposition_rule_asks_the_next_block_only() -> None:
    # a column's other pieces (a caption, a fragment of another article) may be printed between the two pieces
    rest = "意见。双方商定明年互派代表团到对方城市考察。"
    assert CUT_HEAD in why("两位市长就发展旅游交换了", rest, 0.3, False, d=4)
    assert why("两位市长就发展旅游交换了", rest, 0.3, False, d=5) == ""
    assert why("为扩大全民健身运动", "覆盖面、影响力，充分发挥各社区体育场馆的作用，全市开展了群众体育活动。",
               0.1, True, d=2) == ""


def test_lifted_pairs_keep_the_models_order_the_nearer_first() -> None:
    # two open blocks may both stop mid-phrase over the same short first sentence: the one right above it, which
    # the model scored lower, is not outranked by one four blocks up; a lifted pair stays under a pair the model
    # itself scored a little above the threshold
    from layoutfix.stages.flow.assign import lifted
    near, far = lifted(0.59, 0.38, 1), lifted(0.59, 0.55, 4)
    assert 0.59 <= far < near < 0.591
    assert lifted(0.59, 0.5, 1) > lifted(0.59, 0.3, 1)


def test_a_lifted_pair_gives_way_to_a_rival_the_model_scored_higher() -> None:
    # review38a: an open block over another story's '“是的。”…' (lifted) and its own continuation further on, which
    # the model scored higher though under its threshold: the lift is undone, whichever block the rival shares
    from layoutfix.stages.flow.assign import unlift_outranked
    from layoutfix.stages.flow.model import Candidate
    lifted_pair = Candidate(0, 1, 0.5901, 0.0, 1, "lifted")
    rival = Candidate(0, 2, 0.58, 0.0, 2)
    out = unlift_outranked([lifted_pair, rival], {0: 0.50})
    assert out[0].score == 0.50 and out[0].why == "" and out[1] == rival
    other_source = Candidate(3, 1, 0.55, 0.0, 1)
    assert unlift_outranked([lifted_pair, other_source], {0: 0.50})[0].score == 0.50
    # a rival the model scored lower, or one never joined (excluded), leaves the lift
    weaker = Candidate(0, 2, 0.40, 0.0, 2)
    barred = Candidate(0, 2, 0.58, 0.0, 2, excluded="a closed quotation")
    assert unlift_outranked([lifted_pair, weaker, barred], {0: 0.50})[0].score == 0.5901
