"""flow: a paragraph cut at a column break is joined to its continuation, chosen globally."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from layoutfix import Config, clean
from layoutfix.stages.flow import flow
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in page.blocks]


def test_a_paragraph_cut_mid_word_is_joined_to_the_next_block() -> None:
    page = run("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成。")
    assert texts(page) == ["会议要求各部门加强安全生产管理工作，切实提高工作效率，确保各项任务按时完成。"]
    joins = [e for e in page.edits if e.kind == "join"]
    assert len(joins) == 1 and joins[0].line == 3 and "效⏎率" in joins[0].context


def test_a_closed_paragraph_is_not_joined() -> None:
    page = run("会议要求各部门加强安全生产管理工作。\n\n下一步，各部门将继续推进这项工作。")
    assert len(texts(page)) == 2
    assert not [e for e in page.edits if e.kind == "join"]


def test_the_continuation_is_found_after_a_photo_caption() -> None:
    dump = "\n\n".join([
        "为了进一步推动文旅产业发展，全市上下认真落实各项政策，新",
        "图为工人们在车间里忙碌。",
        "■本报记者 王五 摄",
        "街区各单位积极行动，工作见到了实效。",
    ])
    page = run(dump)
    body = [t for t in texts(page) if t.startswith("为了")]
    assert body == ["为了进一步推动文旅产业发展，全市上下认真落实各项政策，新街区各单位积极行动，工作见到了实效。"]
    caption = next(b for b in page.blocks if b.text.startswith("图为"))
    assert "interleaved" in caption.flags


def test_a_join_never_crosses_the_start_of_another_article() -> None:
    dump = "\n\n".join([
        "这项工作稳步推开，着重理顺管与不管、管宽管窄、管多管少一",
        "另一篇文章的标题",
        "本报讯（记者 张三）会议召开，各方代表参加。",
    ])
    page = run(dump)
    assert texts(page)[0].endswith("管多管少一")
    assert "open_end" in page.blocks[0].flags


def test_flow_loses_no_character() -> None:
    page = run("切实提高工作效\n\n率，确保完成。\n\n另一段文字。")
    assert not page.unaccounted()


def test_every_join_is_explained_with_its_probability() -> None:
    page = run("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成。")
    join = next(e for e in page.edits if e.kind == "join")
    assert "join probability" in join.reason and 0.5 <= join.confidence <= 1.0


def test_a_paragraph_printed_between_two_halves_is_skipped() -> None:
    dump = "\n\n".join([
        "我们有各级组织的坚强领导，有全县干部群众多年来积累的宝",
        "某县位于某省东部，是远近闻名的茶叶之乡和竹子之乡。",
        "贵经验和打下的扎实基础，大家一定能够战胜眼前这些难题，继续大步向前。",
    ])
    page = run(dump)
    assert texts(page)[0] == "我们有各级组织的坚强领导，有全县干部群众多年来积累的宝贵经验和打下的扎实基础，" \
                             "大家一定能够战胜眼前这些难题，继续大步向前。"
    assert "interleaved" in page.blocks[1].flags


def test_a_short_paragraph_set_in_two_columns_and_read_across_is_put_back_in_column_order() -> None:
    column_1 = ["某乙在座谈会上表示持证服务是一", "条好路子，是志愿服务走向专业化、制", "度化的重要一步。他说，志愿者、讲解",
                "员担子不轻，岗位十分光荣，"]
    column_2 = ["一言一行都牵动着游客的真实体验和景", "区的声誉。他鼓励全体志愿讲解人员：", "要让八方游客从你们的热情中看到某镇",
                "群众积极进取的良好精神风貌。"]
    printed = [line for pair in zip(column_1, column_2) for line in pair]
    page = run("\n\n".join(printed))
    assert texts(page) == ["".join(column_1 + column_2)]
    assert not page.unaccounted()


def test_a_list_lead_in_does_not_take_the_next_paragraph() -> None:
    page = run("记者获悉，某县今年的主要任务有以下几项：\n\n抓紧推动几个重点工程，确保如期完工。")
    assert len(texts(page)) == 2


def test_the_shipped_model_covers_every_feature() -> None:
    from layoutfix.stages.flow import PAIR_FEATURES, REVERSE_FEATURES, SOURCE_FEATURES, TARGET_FEATURES, load_model

    model = load_model()
    assert set(model.pair) == set(PAIR_FEATURES) and set(model.none) == set(SOURCE_FEATURES)
    assert set(model.rpair) == set(REVERSE_FEATURES) and set(model.rnone) == set(TARGET_FEATURES)
    assert model.combine[1] > 0.0  # the reverse model has a say
    assert 0.0 < model.threshold < 1.0


def test_a_block_that_cannot_open_a_paragraph_is_claimed_by_the_open_block_it_continues() -> None:
    # the reverse model: 的 never opens a paragraph, so block 4 must continue an open block before it;
    # the nearer block 2 opens a paragraph of its own and gives way
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import candidates, load_model, reverse_groups
    config = Config()
    dump = "\n\n".join(["希望各单位以全局为先，放下成见，采取有力",
                         "纵观全省，不断完善的交通网络，日益兴旺的乡村旅游，正在改变人们的生活。",
                         "的举措，推动两地产业合作和人才往来。"])
    page = normalize(read(dump, config))
    model = load_model()
    (rg,) = [rg for rg in reverse_groups(candidates(page, load_lm(config.lm_path), config, model)) if rg.target == 2]
    (p,) = model.rprobs(rg.tgt, [f for _, _, f in rg.cands])
    assert rg.cands[0][0] == 0 and p > 0.5
    assert rg.tgt["t_start"] < 0.0
    assert texts(flow(page))[0] == "希望各单位以全局为先，放下成见，采取有力的举措，推动两地产业合作和人才往来。"


def test_the_paragraph_start_table_favours_characters_that_open_paragraphs() -> None:
    from layoutfix.flowtrain import start_table

    golds = [{"articles": [{"paragraphs": ["今天天气很好的样子的", "今天我们去公园的路上的"] * 20, "captions": []}]}]
    table, _ = start_table(golds, min_count=1)
    assert table["今"] > 0 > table["的"]


def test_a_quotation_opened_in_one_block_and_closed_in_the_next_joins_them() -> None:
    page = run("某县各单位坚持便民、高效、从简。一方面，突出“即时\n\n办”。以深入开展作风整顿为抓手，工作见到实效。")
    assert texts(page) == ["某县各单位坚持便民、高效、从简。一方面，突出“即时办”。以深入开展作风整顿为抓手，工作见到实效。"]


def test_a_block_ending_with_a_closed_quotation_usually_ends_its_paragraph() -> None:
    page = run("增强广大居民的环保意识，做到“三个优先”\n\n下一步，我市将紧扣主线，发挥基地作用，推进各项工作。")
    assert len(texts(page)) == 2
    # the near miss says why it was not joined, not merely that it fell under the threshold
    (miss,) = [e for e in page.edits if e.kind == "no_join"]
    assert "ends with a closed quotation" in miss.reason and "threshold" not in miss.reason


def test_a_quotation_closed_in_the_next_block_is_still_joined() -> None:
    # the counter-example: the source's quotation is open, so the closed-quotation rule does not apply
    page = run("会上，他要求做到“三个优先，\n\n两个确保”，推进各项工作落地见效。")
    assert texts(page) == ["会上，他要求做到“三个优先，两个确保”，推进各项工作落地见效。"]


def test_a_stray_bracket_after_the_first_sentence_does_not_make_a_block_start_inside_a_quotation() -> None:
    from layoutfix.stages.flow import head_unopened, unopened
    text = "《工作手册》中各项要求必须落实。采取现场核查、抽查仓库）等方式。"
    assert unopened(text)  # the whole block closes a bracket it never opened
    assert not head_unopened(text)  # but its first sentence does not
    assert head_unopened("好日子。”他说，这项工作要做好。")  # a quotation closing right after the first sentence


def test_the_join_model_knows_whether_the_source_was_cut_after_a_han_character() -> None:
    from layoutfix.stages.flow import PAIR_FEATURES, candidates, load_model
    from layoutfix.lm import load_lm
    config = Config()
    page = normalize(read("会议要求各部门切实提高工作效\n\n率，确保各项任务按时完成。", config))
    (g,) = candidates(page, load_lm(config.lm_path), config, load_model())
    assert g.src["a_han"] == 1.0
    (_, d, f), = g.cands
    assert d == 1 and f[PAIR_FEATURES.index("han_x_d1")] == 1.0


def test_lexical_overlap_compares_the_source_tail_with_the_target_head() -> None:
    from layoutfix.stages.flow import PAIR_FEATURES, candidates, load_model
    from layoutfix.lm import load_lm
    config = Config()
    # block 2 is a target of block 1 and then a source itself: its tail, not its head, meets block 3
    dump = "\n\n".join(["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张，",
                        "春夏秋冬东南西北一二三四五六七八九十百千万亿兆" * 6 + "，山川河海",
                        "山川河海江湖溪涧峰岭丘壑，风雨雷电。"])
    page = normalize(read(dump, config))
    groups = {g.source: g for g in candidates(page, load_lm(config.lm_path), config, load_model())}
    (j, _, f), = groups[1].cands
    assert j == 2 and f[PAIR_FEATURES.index("sim")] > 0.1


def test_no_join_closes_a_cycle_so_every_block_starts_or_joins_a_chain() -> None:
    from layoutfix.stages.flow import Candidate, choose

    fixed = [Candidate(4, 1, 1.0, 0.0, 3), Candidate(1, 3, 1.0, 0.0, 2)]  # a read-across reorder: 4 -> 1 -> 3
    chosen = choose([Candidate(3, 4, 0.9, 1.0, 1)], 0.5, fixed)       # 3 -> 4 would close 4 -> 1 -> 3 -> 4
    assert set(chosen) == {4, 1}
    targets = {c.target for c in chosen.values()}
    assert any(s not in targets for s in chosen)  # some chain has a head
    assert choose([Candidate(2, 2, 0.9, 1.0, 0)], 0.5) == {}  # a block never continues itself


def test_a_short_line_as_wide_as_the_next_blocks_column_is_scored_by_the_learned_model_alone() -> None:
    # no hand-set probability lifts a 'cut first line' (column_cut): on the tuning splits it backed no
    # logged join (real_ocr-tune: 2 firings, both a title or subhead before body text; synthetic tune: 0)
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import PAIR_FEATURES, candidates, load_model, reverse_probs, scored
    lead = "今年以来，全区上下认真贯彻落实各项决策部署，文旅产业发展取得了新的成效，人民群众的获得感不断增强。"
    first = "为进一步提升城乡基层治理水平"
    rest = "和服务能力，区里组织开展了社区工作者轮训，邀请专家学者授课，围绕矛盾纠纷化解、便民服务、应急处置等内容" \
           "进行培训，参训人员普遍反映收获很大。"
    printed = " ".join(rest[k:k + 16] for k in range(0, len(rest), 16))  # wrap spaces: a column 16 wide
    page = normalize(read("\n\n".join([lead, first, printed]), Config()))
    model, lm = load_model(), load_lm()
    groups = candidates(page, lm, Config(), model)
    cut = PAIR_FEATURES.index("column_cut")
    (g,) = [g for g in groups if any(f[cut] for _, _, f in g.cands)]
    rev = reverse_probs([g], model)
    learned = {j: model.joint(p, rev.get((g.source, j), 0.0))
               for (j, _, _), p in zip(g.cands, model.probs(g.src, [f for _, _, f in g.cands]))}
    got = {c.target: c.score for c in scored([g], model, page, lm, Config()) if c.source == g.source}
    assert got == learned


def test_a_short_line_without_column_evidence_stays_a_title_unless_it_opens_with_a_preposition() -> None:
    lead = "今年以来，全区上下认真贯彻落实各项决策部署，文旅产业发展取得了新的成效，人民群众的获得感不断增强。"
    rest = "和服务能力，区里组织开展了社区工作者轮训，邀请专家学者授课，围绕矛盾纠纷化解、便民服务、应急处置等内容" \
           "进行培训，参训人员普遍反映收获很大。"
    title = "城乡基层治理水平稳步提升"
    page = run("\n\n".join([lead, title, rest]))  # no wrap spaces: the column is unknown
    assert texts(page) == [lead, title, rest]
    # a line opening with 为 (a preposition) is a clause's start, not a heading: the learned `a_title_fw`
    # lets it take the block that goes on mid-sentence
    first = "为进一步提升城乡基层治理水平"
    page = run("\n\n".join([lead, first, rest]))
    assert texts(page) == [lead, first + rest]


_X = "今年以来，我市高度重视生态环境保护工作，先后投入专项资金三亿多元，对主要河流开展综合治理，水质明显改善，群众满意度不断提高。"
_Y = "与此同时，市交通部门加快推进城乡公路建设，新建和改造农村公路一千二百公里，打通了一批断头路，方便了沿线群众出行。"


def test_a_piece_of_one_paragraph_printed_inside_the_next_is_cut_out_and_put_back() -> None:
    # printed X1 | X3 | Y1+X2 | Y2 (the synthesizer's `splice` of one line): words span the true joins
    a, b, c = _X.index("环境") + 1, _X.index("资金") + 1, _Y.index("公路一") + 1
    page = run("\n\n".join([_X[:a], _X[b:], _Y[:c] + _X[a:b], _Y[c:]]))
    assert texts(page) == [_X, _Y]
    assert not page.unaccounted()
    (cut,) = [e for e in page.edits if e.kind == "splice"]
    assert cut.line == 5 and cut.before == cut.after == "" and "农村公⏎境保护" in cut.context
    joins = [e for e in page.edits if e.kind == "join"]
    assert sorted(e.line for e in joins) == [3, 5, 7]  # X1+X2 (line 5), X2+X3 (line 3), Y1+Y2 (line 7)


def test_two_paragraphs_each_cut_once_are_not_taken_for_a_splice() -> None:
    a, c = _X.index("资金") + 1, _Y.index("公路一") + 1
    page = run("\n\n".join([_X[:a], _X[a:], _Y[:c], _Y[c:]]))
    assert texts(page) == [_X, _Y]
    assert not [e for e in page.edits if e.kind == "splice"]


def test_the_splice_search_needs_a_word_across_a_join_it_makes() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import barriers, find_splices
    # cuts between words: nothing tells where a piece would go, so the printed order stays
    a, b, c = _X.index("，先后"), _X.index("，对主要"), _Y.index("，新建")
    page = normalize(read("\n\n".join([_X[:a], _X[b:], _Y[:c] + _X[a:b], _Y[c:]]), Config()))
    blocks = list(page.blocks)
    assert find_splices(blocks, load_lm(), barriers(blocks)) == []


def test_the_join_features_use_the_pmi_of_the_model_given_even_after_an_earlier_model_was_freed() -> None:
    # models are built and freed in turn (a new object may take a freed one's id): each page is scored
    # with the character association of its own model, never a value remembered from another
    from layoutfix.charstats import NEUTRAL, CharBigrams
    from layoutfix.lm import WordLM
    from layoutfix.stages.flow import PAIR_FEATURES, candidates
    page = normalize(read("各部门切实提高中\n\n国人民的生活水平。", Config()))
    i = PAIR_FEATURES.index("pmi")
    for k in range(300):
        lm = WordLM({"中国": 1000 + 100 * k, "中": 5, "国": 5, "人民": 50})
        (group,) = candidates(page, lm, Config())
        (_, _, feats), = group.cands
        assert feats[i] == CharBigrams(lm).pmi("中", "国") - NEUTRAL, k


def test_a_piece_cut_from_inside_a_line_keeps_none_of_the_line_starts_flags_and_gets_its_own_id() -> None:
    from layoutfix.stages.flow import Splice, apply_splices
    dateline = "新华社北京1月5日电"
    a, b, c = _X.index("环境") + 1, _X.index("资金") + 1, _Y.index("公路一") + 1
    y = dateline + _Y
    c += len(dateline)
    page = normalize(read("\n\n".join([_X[:a], _X[b:], y[:c] + _X[a:b], y[c:]]), Config()))
    blocks = list(page.blocks)
    assert "dateline" in blocks[2].flags
    out, _, _ = apply_splices(blocks, [Splice(2, c, 5.0)])
    assert [x.text for x in out] == [_X[:a], _X[a:b], _X[b:], y[:c], y[c:]]
    assert "dateline" in out[3].flags  # Y1 starts where the printed line starts
    assert "dateline" not in out[1].flags  # X2, the piece glued after it, does not
    assert len({x.id for x in out}) == len(out)
    assert out[3].id == blocks[2].id


def test_every_candidate_that_came_close_and_was_not_joined_is_logged_with_its_score_and_why() -> None:
    from layoutfix.model import Block
    from layoutfix.stages.flow import Candidate, choose, rejected
    blocks = [Block(0, "各方放下成见，采取有力", 1), Block(1, "纵观全省，正在改变人们的生活。", 3),
              Block(2, "的举措，推动合作。", 5), Block(3, "另一个开放的段落，", 7)]
    near = [Candidate(0, 2, 0.9, 0.0, 2), Candidate(0, 1, 0.7, 0.0, 1), Candidate(3, 2, 0.8, 0.0, 1),
            Candidate(3, 1, 0.3, 0.0, 1)]
    chosen = choose(near, 0.5)
    assert {s: c.target for s, c in chosen.items()} == {0: 2}
    logged = {(e.line, e.confidence): e for e in rejected(near, chosen, blocks, 0.5)}
    assert set(logged) == {(3, 0.7), (5, 0.8), (3, 0.3)}
    assert all(e.kind == "no_join" and e.stage == "flow" and e.before == e.after == "" for e in logged.values())
    assert "line 1 continues at line 5 instead" in logged[(3, 0.7)].reason
    assert "line 5 continues line 1 instead" in logged[(5, 0.8)].reason
    assert "below the threshold 0.50" in logged[(3, 0.3)].reason
    assert "采取有力⏎纵观全省" in logged[(3, 0.7)].context


def test_flow_logs_the_near_misses_of_a_page_beside_its_joins() -> None:
    from layoutfix.stages.flow import CLOSE
    # two open blocks want block 2 (opening with 的); the nearer one gets it and the other candidate is
    # logged as a near miss with its probability and who took its target; the text is untouched by it
    page = run("\n\n".join(["希望各单位以全局为先，放下成见，采取有力",
                            "纵观全省，不断完善的交通网络，日益兴旺的乡村旅游，正在改变",
                            "的举措，推动两地产业合作和人才往来。"]))
    (join,) = [e for e in page.edits if e.kind == "join"]
    (miss,) = [e for e in page.edits if e.kind == "no_join"]
    assert join.line == miss.line == 5
    assert CLOSE <= miss.confidence < join.confidence
    assert "not joined to line 1" in miss.reason and "line 5 continues line 3 instead" in miss.reason
    assert "采取有力⏎的举措" in miss.context
    assert not page.unaccounted()


def test_the_reverse_probabilities_are_the_reverse_model_over_the_pairs_grouped_by_target() -> None:
    import pytest
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import candidates, load_model, reverse_groups, reverse_probs
    config = Config()
    page = normalize(read("\n\n".join(["希望各单位以全局为先，放下成见，采取有力",
                                       "纵观全省，不断完善的交通网络，日益兴旺的乡村旅游，正在改变",
                                       "的举措，推动两地产业合作和人才往来。", "各方代表参加了会议，"]), config))
    model = load_model()
    groups = candidates(page, load_lm(config.lm_path), config, model)
    want = {(i, rg.target): p for rg in reverse_groups(groups)
            for (i, _, _), p in zip(rg.cands, model.rprobs(rg.tgt, [f for _, _, f in rg.cands]))}
    got = reverse_probs(groups, model)
    assert set(got) == set(want) and len(want) >= 3
    assert all(got[k] == pytest.approx(want[k], rel=1e-12) for k in want)


def test_the_overlap_feature_counts_the_same_character_pairs_as_two_character_strings() -> None:
    from operator import add

    from layoutfix.stages.flow import _bigrams
    for a, b in [("会议要求各部门加强安全生产管理", "安全生产管理工作，切实提高"), ("ab", "ba"), ("甲", "甲"), ("", "x"),
                 ("😀甲乙😀", "甲乙😀丙"), ("同心同心同心", "心同")]:
        sa, sb = frozenset(map(add, a, a[1:])), frozenset(map(add, b, b[1:]))
        assert len(_bigrams(a)) == len(sa) and len(_bigrams(b)) == len(sb)
        assert len(_bigrams(a) & _bigrams(b)) == len(sa & sb)


def test_one_bracket_scan_answers_both_quotation_questions() -> None:
    from layoutfix.stages.flow import first_unopened, head_unopened, unopened
    assert first_unopened("他说”这项工作要做好。") == 2
    assert first_unopened("“这项工作”要做好。") == -1
    for text in ["《工作手册》中各项要求必须落实。采取现场核查、抽查仓库）等方式。", "好日子。”他说，这项工作要做好。",
                 "他说：“好。”", "）", ""]:
        assert unopened(text) == (first_unopened(text) >= 0)
        k = len(text)
        for n in range(1, len(text) + 1):  # head_unopened is unopened over the first sentence and its closers
            if text[n - 1] in "。！？；":
                k = n
                while k < len(text) and text[k] in "”’）)》〉】":
                    k += 1
                break
        assert head_unopened(text) == unopened(text[:k])


def test_splice_seams_are_found_where_the_characters_stand() -> None:
    from layoutfix.stages.flow import _positions
    t = "甲乙丙甲丁乙甲"
    assert _positions(t, {"甲", "乙"}, 1, 6) == {i for i in range(1, 6) if t[i] in "甲乙"}
    assert _positions(t, set(), 0, len(t)) == set()


def _groups(dump: str):  # type: ignore[no-untyped-def]
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import candidates, load_model
    config = Config()
    page = normalize(read(dump, config))
    return page, candidates(page, load_lm(config.lm_path), config, load_model())


def test_flow_asks_segment_whether_a_block_is_ocr_debris() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import is_garbage_target
    from layoutfix.stages.segment import is_garbage
    lm = load_lm(Config().lm_path)
    for text in ("式话与 送队 万家巴", "率，确保各项任务按时完成。", "数汇 心推 格学", "会议" * 20):
        assert is_garbage_target(text, lm) == is_garbage(text, lm)
    assert is_garbage_target("式话与 送队 万家巴", lm)


def test_a_title_like_line_opening_with_a_preposition_is_marked_as_a_cut_first_line() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import load_model, starts_with_function_word
    lm = load_lm(Config().lm_path)
    assert starts_with_function_word(lm, "为扩大全民健身活动影响")  # 为 p
    assert not starts_with_function_word(lm, "全民健身活动影响扩大")
    assert not starts_with_function_word(lm, "和平发展的新局面")  # the segmentation decides: 和平, not 和
    _, groups = _groups("为扩大全民健身活动影响\n\n覆盖面不断扩大，参与人数逐年增加。")
    assert groups[0].src["a_title"] == 1.0 and groups[0].src["a_title_fw"] == 1.0
    _, groups = _groups("全民健身活动影响扩大\n\n覆盖面不断扩大，参与人数逐年增加。")
    assert groups[0].src["a_title_fw"] == 0.0
    # the learned weights: such a line ends its paragraph less often than another title-like line
    assert load_model().none["a_title_fw"] < 0.0


def test_a_block_opening_with_a_quoted_word_closed_by_a_mark_is_marked_as_finishing_a_sentence() -> None:
    from layoutfix.stages.flow import PAIR_FEATURES, load_model, opens_with_quoted_word
    assert opens_with_quoted_word("“助推器”。把评比结果用到实处")
    assert opens_with_quoted_word("“放管服”，进一步")
    assert not opens_with_quoted_word("“我们一定要把这项工作做好。”他说")  # a quotation, not a quoted word
    assert not opens_with_quoted_word("助推器。把评比结果")
    _, (g,) = _groups("评后用好结果，装上激励\n\n“助推器”。把评比结果用到岗位调整当中。")
    (_, _, f), = g.cands
    assert f[PAIR_FEATURES.index("b_quote_word")] == 1.0 and g.tgts[1]["t_quote_word"] == 1.0
    model = load_model()
    assert model.pair["b_quote_word"] > 0.0 and model.rnone["t_quote_word"] < 0.0


def test_a_debris_target_is_never_joined_but_its_near_miss_is_logged() -> None:
    from layoutfix.stages.flow import Candidate, choose, rejected
    page = normalize(read("会议要求各部门切实提高工作效\n\n式话与 送队 万家巴", Config()))
    blocks = list(page.blocks)
    near = [Candidate(0, 1, 0.9, 2.0, 1, excluded="its target is OCR debris")]
    assert choose(near, 0.6) == {}
    (e,) = rejected(near, {}, blocks, 0.6)
    assert e.kind == "no_join" and "OCR debris" in e.reason and e.confidence == 0.9
    page = run("会议要求各部门切实提高工作效\n\n式话与 送队 万家巴")
    assert len(texts(page)) == 2 and not [e for e in page.edits if e.kind == "join"]


def test_the_first_words_part_of_speech_tells_a_paragraph_opening_from_a_continuation() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import load_model, opening_class
    lm = load_lm()
    assert opening_class(lm, "的发展道路越走越宽。") == "uj1"  # a lone structural particle: cut mid-sentence
    assert opening_class(lm, "个百分点，比上年提高。") == "q1"  # a lone measure word
    assert opening_class(lm, "北京市今天召开会议。") == "ns"  # a place name
    assert opening_class(lm, "去年以来，全省粮食产量稳步增长。") == "t"  # a time word
    assert opening_class(lm, "1997年全省粮食产量") == "DIGIT" and opening_class(lm, "“我们一定要做好。”") == "OPEN“"
    # the table learned from the tuning pages: place and time words open paragraphs, particles continue them
    model = load_model()
    assert model.opening["t"] > 1.0 and model.opening["ns"] > 1.0
    assert model.opening["uj1"] < -2.0 and model.opening["q1"] < -1.0
    # an opening bracket ('（记者…）', a note) opens a paragraph more surely than an opening quote, which may
    # begin a quoted word inside a sentence
    assert model.opening["OPEN（"] > model.opening["OPEN“"] > 0.0


def test_a_block_that_opens_like_a_paragraph_is_scored_as_one_by_both_models() -> None:
    from layoutfix.stages.flow import PAIR_FEATURES, load_model
    _, (g,) = _groups("会议要求各部门切实提高工作效\n\n去年以来，全省粮食产量稳步增长。")
    (_, _, f), = g.cands
    model = load_model()
    assert g.tgts[1]["t_open"] == f[PAIR_FEATURES.index("b_open")] == model.opening["t"]
    # a high opening score makes "this block opens a paragraph" more likely in the reverse model
    assert model.rnone["t_open"] > 0.0
    _, (g,) = _groups("会议要求各部门切实提高工作效\n\n的发展道路越走越宽。")
    assert g.tgts[1]["t_open"] == model.opening["uj1"]


def test_the_part_of_speech_transition_across_a_join_favours_a_phrase_that_goes_on() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import PAIR_FEATURES, load_model, pos_join, pos_state
    lm = load_lm()
    assert pos_state("的", False) == ("S", "uj") and pos_state("北京市", False) == ("B", "ns")
    assert pos_state("部门", True) == ("E", "n") and pos_state("不在词典里的串", True) is None
    # a noun before a lone 的 is one phrase; a verb reads on into a preposition better than into a time word
    assert pos_join(lm, "会议要求各部门", "的发展道路") > 3.0
    assert pos_join(lm, "他表示支持", "以对话方式解决") > pos_join(lm, "他表示支持", "去年以来，") + 0.5
    assert pos_join(lm, "", "的发展道路") == 0.0 and pos_join(lm, "产量增长了3", "的发展道路") == 0.0
    _, (g,) = _groups("会议要求各部门\n\n的发展道路越走越宽。")
    (_, _, f), = g.cands
    assert f[PAIR_FEATURES.index("pos_join")] == pos_join(lm, "会议要求各部门", "的发展道路越走越宽。")
    model = load_model()
    assert model.pair["pos_join"] > 0.0 and model.rpair["pos_join"] > 0.0  # learned: a join that reads on


def test_a_cut_first_line_printed_above_a_photo_caption_continues_after_the_credit() -> None:
    # the short open line is read into the caption run (short blocks before a caption and its credit), but
    # the learned model still scores its continuation after the credit
    page = run("全省经济工作会议今天在省城召开。会议指出，当前经济形势总体良好，各项改革稳步推进，城乡居民收入稳中有升，"
               "社会保持稳定。\n\n会议要求各地区各部门进一步\n\n图为：会议现场。\n\n新华社记者 张三 摄\n\n"
               "加强安全生产管理工作，确保各项任务按时完成。")
    assert texts(page)[1] == "会议要求各地区各部门进一步加强安全生产管理工作，确保各项任务按时完成。"
    assert texts(page)[2] == "图为：会议现场。" and "interleaved" in page.blocks[2].flags
    (join,) = [e for e in page.edits if e.kind == "join"]
    assert "2 block(s) on" in join.reason


def test_the_first_and_last_word_are_those_of_the_best_segmentation_found_faster() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import first_word, last_word
    lm = load_lm()
    # no word of two characters starts or ends these: the segmentation is skipped, the answer is the same
    assert first_word(lm, "的发展道路越走越宽。") == "的" and last_word(lm, "产量增长了3") == "3"
    assert first_word(lm, "北京市今天召开会议。") == lm.segment("北京市今天召")[0] == "北京市"
    assert last_word(lm, "会议要求各部门") == "部门" and first_word(lm, "") == last_word(lm, "") == ""

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet="的发展道路会议要求各部门北京市今天召开产量增长了去年以来，。1a“”", max_size=12))
    def same(text: str) -> None:
        assert first_word(lm, text) == (lm.segment(text[:6]) or [""])[0]
        assert last_word(lm, text) == (lm.segment(text[-6:]) or [""])[-1]

    same()


def test_the_joined_score_from_the_two_sides_passes_is_the_lm_score_of_the_joined_text_to_the_last_bit() -> None:
    import random

    from layoutfix.lm import _forward, load_lm
    from layoutfix.stages.flow import _word_steps, joined_score
    lm = load_lm()
    # invented running text, cut anywhere: words across the cut (工业|园区, 管委|会), marks, digits and Latin
    text = "某某工业园区管委会今年组织开展了社区工作者轮训，邀请专家学者授课2026年ABC项目进展顺利，人民群众的获得感不断增强。"
    rng = random.Random(7)
    for _ in range(3000):
        i = rng.randrange(len(text) - 2)
        left = text[i:i + rng.randint(1, 4)]
        k = rng.randrange(len(text) - 1) if rng.random() < 0.5 else i + len(left)
        right = text[k:k + rng.randint(1, 4)]
        if not right:
            continue
        got = joined_score(lm, left, _forward(lm, left)[0], right, _word_steps(lm, right))
        assert got == lm.score(left + right), (left, right)


def test_the_joined_score_with_nothing_on_the_left_is_the_lm_score_of_the_right_side() -> None:
    # `candidates` reads a target head's own score from its word steps when no first-word pass gave it
    from layoutfix.lm import load_lm
    from layoutfix.stages.flow import _word_steps, joined_score
    lm = load_lm()
    text = "某某工业园区管委会今年组织开展了社区工作者轮训，2026年ABC项目进展顺利"
    for i in range(len(text)):
        for n in range(1, 5):
            right = text[i:i + n]
            assert joined_score(lm, "", [0.0], right, _word_steps(lm, right)) == lm.score(right), right


def test_a_sparse_dot_product_is_the_full_one_to_the_last_bit() -> None:
    import random
    from operator import mul

    from layoutfix.stages.flow import _dot
    rng = random.Random(3)
    for _ in range(500):
        w = [rng.uniform(-5, 5) for _ in range(42)]
        f = [0.0 if rng.random() < 0.6 else rng.uniform(-8, 8) for _ in range(42)]
        assert _dot(w, f) == sum(map(mul, w, f))
        assert _dot(w, f, 1.5) == sum(map(mul, w, f), 1.5)


def test_a_block_copied_with_changes_equals_dataclasses_replace() -> None:
    from dataclasses import replace

    from layoutfix.model import Block
    from layoutfix.stages.flow import _replaced
    b = Block(3, "某甲说，", 7, origin=((0, 7),), flags=frozenset({"column:32"}))
    assert _replaced(b, flags=frozenset({"open_end"})) == replace(b, flags=frozenset({"open_end"}))
    assert _replaced(b, text="x", origin=((0, 9),)) == replace(b, text="x", origin=((0, 9),))
    assert b.flags == frozenset({"column:32"})  # the original is untouched


def test_a_long_narrow_column_stays_one_run_and_vertical_text_is_let_go_early() -> None:
    # two columns of a caption read across may run past 64 lines: cutting them would break the column chain;
    # thousands of one-character lines (vertical text) must not make the run search quadratic
    from layoutfix.model import Block
    from layoutfix.stages.flow import NARROW_RUN_MAX, narrow_runs

    column = [Block(i, "一二三四五六七八九十。", i + 1) for i in range(NARROW_RUN_MAX + 16)]
    assert narrow_runs(column, [False] * len(column)) == [list(range(len(column)))]
    vertical = [Block(i, "字", i + 1) for i in range(20 * NARROW_RUN_MAX)]
    assert narrow_runs(vertical, [False] * len(vertical)) == []


def test_a_splice_whose_first_piece_is_a_short_line_without_clause_marks_is_cut_out_too() -> None:
    # X1 is short and has no comma, so it reads like a title; it is open, and its piece X2 went inside Y1+X2
    x = _X[_X.index("我市"):]
    a, b, c = x.index("环境") + 1, x.index("资金") + 1, _Y.index("公路一") + 1
    page = run("\n\n".join([x[:a], x[b:], _Y[:c] + x[a:b], _Y[c:]]))
    assert texts(page) == [x, _Y]
    assert [e.line for e in page.edits if e.kind == "splice"] == [5]


def test_a_title_over_two_paragraphs_cut_once_each_is_not_taken_for_a_splice() -> None:
    # an open title-like line before X and Y, each cut once: no piece of X stands inside Y's block
    title = "城乡建设新进展"
    a, c = _X.index("资金") + 1, _Y.index("公路一") + 1
    page = run("\n\n".join([title, _X[:a], _X[a:], _Y[:c], _Y[c:]]))
    assert not [e for e in page.edits if e.kind == "splice"]
    assert _X in texts(page) and _Y in texts(page)


def test_a_mark_turned_full_width_at_a_join_is_logged_at_the_line_that_printed_it() -> None:
    # review14a: the edit named the joined paragraph's first line and showed its first 30 characters
    text = "会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成，并邀请了ABC,\n\n公司的代表参加会议。\n"
    page = clean(text)
    (edit,) = [e for e in page.edits if e.stage == "flow" and e.kind == "punct"]
    assert (edit.before, edit.after) == (",", "，")
    assert edit.line == 3  # the comma is printed at the end of line 3
    assert "ABC" in edit.context


def test_the_lm_pass_walks_a_short_text_to_the_same_floats_and_back_pointers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # `candidates` reads a head's first word, a tail's last word and a source's last four characters with
    # `lm._forward`, which walks a text of `SHORT_TEXT` characters or fewer without its whole-text lookups: the
    # same sums and the same ties as the whole-text walk on every short piece
    import random

    import layoutfix.lm as lm_module
    from layoutfix.lm import _forward, load_lm
    lm = load_lm()
    text = "某某工业园区管委会今年组织开展了社区工作者轮训，邀请专家学者授课2026年ABC项目进展顺利，人民群众的获得感不断增强。"
    rng = random.Random(11)
    pieces = {text[i:i + n] for i in range(len(text)) for n in range(0, lm_module.SHORT_TEXT + 1)}
    pieces |= {"".join(rng.choice(text) for _ in range(rng.randint(1, lm_module.SHORT_TEXT))) for _ in range(2000)}
    short = {piece: _forward(lm, piece) for piece in pieces}
    monkeypatch.setattr(lm_module, "SHORT_TEXT", -1)  # every text takes the whole-text walk
    for piece in sorted(pieces):
        assert short[piece] == _forward(lm, piece), piece


def test_a_page_s_block_shapes_are_the_per_block_questions() -> None:
    # `find_splices` and `candidates` read `shapes` instead of asking each block again: the same answers
    from layoutfix.model import TITLE, Block
    from layoutfix.stages.flow.blocks import is_source, is_target, is_title_like, shapes
    blocks = [Block(0, "某某县今年新建了一批", 1), Block(1, "乡村公路，群众出行更方便。", 2), Block(2, "春耕备耕", 3),
              Block(3, "某地新闻", 4, TITLE, marked=True), Block(4, "本报讯 某某县今年", 5), Block(5, "", 6)]
    got = shapes(blocks)
    assert got.sources == [is_source(b) for b in blocks] == [True, False, True, False, True, False]
    assert got.targets == [is_target(b) for b in blocks]
    assert got.title == [is_title_like(b.text) for b in blocks]
    assert got.targets[4] is False and got.title[2] is True  # a dateline opens no continuation; a short line


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet="据本报新华社中人民日网国闻讯电某晚体育北京时间3月5日（）()〈《【】：消息记者通讯员林一周二 、，。今天",
               max_size=24))
@example("【本报北京电】某某县今年")  # a lenticular dateline (session 55, review rfast55l: the prefilter refused 【)
@example("【本报电】某某")
@example("【据某某某某某某某某某某讯】某某")
def test_flow_s_dateline_and_closing_byline_tests_are_the_patterns(text: str) -> None:
    # `opens_dateline` and `is_end_byline` skip the pattern call for a block that cannot match by its first
    # characters: the same answers as the patterns on any text
    from layoutfix import patterns
    from layoutfix.stages.flow.blocks import is_end_byline, opens_dateline
    assert opens_dateline(text) == (patterns.DATELINE.match(text) is not None)
    assert is_end_byline(text) == (patterns.END_BYLINE.match(text.strip()) is not None)


def test_flow_s_dateline_test_reads_every_agency_and_an_outlet_s_dateline() -> None:
    from layoutfix import patterns
    from layoutfix.stages.flow.blocks import is_end_byline, opens_dateline
    for agency in patterns.AGENCIES:
        assert opens_dateline(agency + "北京1月3日电 某某县今年"), agency
        assert opens_dateline("据" + agency + "电 某某县今年"), agency
    assert opens_dateline("某某晚报讯（记者 林一）某某县今年")
    assert not opens_dateline("某某县今年新建了一批乡村公路") and not opens_dateline("闻讯赶来的群众")
    assert is_end_byline(" （林一 周二） ") and not is_end_byline("林一 周二") and not is_end_byline("")


def test_a_block_of_marks_alone_is_logged_as_marks_not_as_ocr_debris() -> None:
    # review21a low: the near miss of a join into a block of marks alone said 'its target is OCR debris'; a printed
    # mark ('，', '＊＊＊') is no misreading, and the log says what kept the join
    page = run("，\n\n，\n\n一\n\n■本报记者 王五 摄")
    (e,) = [e for e in page.edits if e.kind == "no_join"]
    assert "its target is marks alone" in e.reason and "OCR debris" not in e.reason
    assert not [e for e in page.edits if e.kind == "join"]
