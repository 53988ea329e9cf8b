"""dedup on clean text: repeats a writer makes on purpose stay (review15a found clean news losing them).

A misprint prints a stretch once more, contiguous; a writer repeats a clause as a refrain, restates two clauses of
an earlier sentence with other text between, or lists items that share words. Invented text only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import drop_tandem_repeats, split_repeated_clause


def _body_and_noise(text: str) -> tuple[str, list[str]]:
    d = layoutfix.clean(text.encode()).to_dict()
    return ("".join(p for a in d["articles"] for p in a["paragraphs"]),
            [n if isinstance(n, str) else n.get("text", "") for n in d["noise"]])


def test_a_list_whose_items_share_a_word_keeps_every_item() -> None:
    text = "评审小组由高级技术员、安全技术员、安全主管和两名工人代表组成，每月检查一次。"
    assert _body_and_noise(text)[0] == text


def test_a_line_read_twice_that_holds_a_list_mark_still_loses_its_copy() -> None:
    # the copies start and end inside words (健|康, 使|用): where a printed line broke, not where a list item ends
    assert drop_tandem_repeats("好安全及消防、道路养护、饮水卫全及消防、道路养护、饮水卫生", load_lm().has)[0] == \
        "好安全及消防、道路养护、饮水卫生"


def test_a_refrain_of_parallel_clauses_stays_in_the_paragraph() -> None:
    text = "他说，这件事能不能办成，很难说；那家工厂明年还在不在，很难说；工人们愿不愿意留下来，很难说。"
    assert _body_and_noise(text) == (text, [])


def test_a_sentence_that_restates_two_clauses_of_an_earlier_one_stays() -> None:
    text = ("会议呼吁各方加强合作，在应对风险中保持开放的市场体系，反对各种形式的保护主义，谋求共同发展。"
            "会议提出，在应对风险中保持开放的市场体系，谋求共同发展，实现绿色复苏。")
    assert _body_and_noise(text) == (text, [])


def test_one_clause_printed_again_in_a_later_sentence_is_still_a_repeat() -> None:
    text = ("这座大桥全长一千二百米，连接了两岸的交通要道，工程历时三年。"
            "大桥通车以后，两岸居民往来方便多了，连接了两岸的交通要道，当地经济也活跃起来。")
    spans = split_repeated_clause(text, load_lm())
    assert [text[b:e] for b, e in spans] == ["连接了两岸的交通要道，"]


def test_a_list_of_officials_sharing_a_title_keeps_every_name() -> None:
    # 'X 林一，X …': the gap ends a list item (a name and its comma), it does not misread what follows X
    text = "参加会见的有：市人民政府副市长林一，市人民政府副市长、秘书长周二，市政协主席吴三等人。"
    assert "林一" in _body_and_noise(text)[0]


def test_a_garbled_copy_whose_gap_holds_a_comma_still_loses_its_copy() -> None:
    # the gap misreads the text after the second copy (it shares 的 with it): a line read twice, garbled
    assert drop_tandem_repeats("检查、学生校外机构管理型的分，学生校外机构管理的制度")[0] == "检查、学生校外机构管理的制度"
