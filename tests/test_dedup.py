"""dedup: repeats go (logged), garbled repeats go to noise, shared phrases stay."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.stages.dedup import containment, dedup, drop_tandem_repeats, is_repeat, split_repeated_clause
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

PARA = "今年以来，全市各级部门认真贯彻落实上级决策部署，扎实推进各项重点工作，取得了明显成效。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def test_a_paragraph_printed_twice_is_kept_once_and_the_drop_is_logged() -> None:
    page = run(f"{PARA}\n\n另一段内容，讲述别的事情，与前文无关。\n\n{PARA}")
    assert [b.text for b in page.blocks].count(PARA) == 1
    drops = [e for e in page.edits if e.kind == "duplicate"]
    assert len(drops) == 1 and drops[0].before == PARA and drops[0].line == 5
    assert not page.unaccounted()


def test_a_near_repeat_under_ocr_noise_is_dropped() -> None:
    noisy = PARA.replace("贯彻", "贯沏").replace("成效", "成故")
    assert is_repeat(PARA, noisy, 0.9)
    page = run(f"{PARA}\n\n{noisy}")
    assert len(page.blocks) == 1


def test_paragraphs_that_share_a_long_phrase_are_both_kept() -> None:
    a = "铸牢中华民族共同体意识教育实践基地建设取得新进展，全市共有八家单位入选。"
    b = "下一步将发挥铸牢中华民族共同体意识教育实践基地示范作用，讲好各民族交往故事。"
    assert containment(a, b) > 0.3 and not is_repeat(a, b, 0.9)
    assert len(run(f"{a}\n\n{b}").blocks) == 2


def test_a_garbled_repeat_of_the_last_sentence_goes_to_noise() -> None:
    prev = "各领域代表人士围绕产业发展、助力科技创新创业作了分享交流。"
    nxt = "表,助刀科技创新他则坚作了分享交流。会议要求，全体成员要服务大局。"
    page = run(f"{prev}\n\n{nxt}")
    assert page.blocks[1].text == "会议要求，全体成员要服务大局。"
    assert [n.text for n in page.noise] == ["表，助刀科技创新他则坚作了分享交流。"]
    assert not page.unaccounted()


def test_a_phrase_doubled_in_a_row_keeps_one_copy() -> None:
    assert drop_tandem_repeats("月健康及培训、环境卫生、食品使康及培训、环境卫生、食品使用")[0] == \
        "月健康及培训、环境卫生、食品使用"
    assert drop_tandem_repeats("检查、学生校外机构管理型的分，学生校外机构管理的制度")[0] == "检查、学生校外机构管理的制度"


def test_parallel_phrasing_is_not_a_doubling() -> None:
    for text in ["突出考察评选工作重点，量化考察评选工作指标", "走进北方职业学院、北方生态环境职业学院、北方应用技术学院",
                 "我们研究研究再说", "大家常常见面"]:
        assert drop_tandem_repeats(text)[0] == text


def test_a_clause_repeated_inside_a_paragraph_is_found() -> None:
    text = "加强和提升支部规范化标准化建设，压实责任；持续推进业务工作，加强和提升支部规范化标准化建设，深度融合。"
    spans = split_repeated_clause(text)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]] == "加强和提升支部规范化标准化建设，"
