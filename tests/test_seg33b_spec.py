"""Specifications of session 33's second segment helper (seg33b). Invented text throughout."""
from __future__ import annotations

import pytest

import layoutfix

# A donation notice closing on a list of 'label：value' rows; the first value is bare figures, an account number.
ROWS = ("捐款账号：52817364", "开户银行：河湾县农业银行城关支行", "汇款户名：河湾县慈善总会")


@pytest.mark.parametrize("sep", ["", " ", "\u3000"], ids=["none", "space", "ideographic-space"])
def test_two_bracketed_remarks_with_a_space_between_close_the_article_above_as_without_one(sep: str) -> None:
    # '（某甲） （图表由…提供）': a signature and a credit, each in brackets, sign the article off whether or not
    # a space sets them apart; neither is a title over the next article
    first = ("河湾县建成首座污水处理厂", "本报讯 河湾县首座污水处理厂日前建成投入使用，日处理污水两万吨，县城生活污水从此不再直排河道。",
             "这座污水处理厂总投资八千万元，采用先进的生物处理工艺，出水水质达到国家一级标准。")
    remark = f"（某甲）{sep}（图表由河湾县环保局提供）"
    second = ("山区小学开学了", "本报讯 新学期开始，河湾县山区的孩子们走进了新建的教室，脸上洋溢着笑容。")
    one, two = layoutfix.clean("\n\n".join(first + (remark,) + second)).items
    assert one.paragraphs[-1].startswith("（某甲）") and one.paragraphs[-1].endswith("（图表由河湾县环保局提供）")
    assert (two.kicker, two.headline, two.subheadline) == (None, "山区小学开学了", None)


def test_label_value_rows_set_apart_by_blank_lines_under_a_lead_ending_in_a_colon_are_its_list() -> None:
    # '…捐款方式如下：' introduces the rows under it: each short 'label：value' row is the list's text, not a title
    # over the rows below it, though the page prints a blank line between the rows (flush rows were already text)
    rows = ROWS[:2] + ("汇款账号：63920475", "开户银行：河湾县工商银行东街分理处。")
    first = ("河湾县慈善总会发出捐款倡议",
             "本报讯 河湾县慈善总会日前发出倡议，号召全县干部群众为受灾的山区村民捐款捐物，帮助他们重建家园。",
             "县慈善总会公布的捐款方式如下：")
    second = ("山区小学开学了", "本报讯 新学期开始，河湾县山区的孩子们走进了新建的教室，脸上洋溢着笑容。")
    one, two = layoutfix.clean("\n\n".join(first + rows + second)).items
    assert one.paragraphs[-5:] == first[-1:] + rows
    assert two.headline == "山区小学开学了"


NOTE = ("致读者", "新年伊始，我们为读者推出这份《环球周刊》，每周二出版，介绍世界各地的风土人情和新鲜事。",
        "欢迎读者朋友来信来稿，提出意见和建议，让我们一起办好这块园地。")


@pytest.mark.parametrize("head", [("海边小城的冬天", "●本报记者 某甲"), ("《海边小城》：冬天来了",)],
                         ids=["over-a-byline", "over-text"])
def test_a_units_name_alone_under_an_editors_note_signs_it_and_is_no_title_of_the_next_piece(
        head: tuple[str, ...]) -> None:
    # an organisation's name alone (a dictionary fact: jieba tags '国际部' 'nt') under the note's last sentence is
    # the note's signature; the next piece's title stands under it, with or without a byline
    body = ("冬天的海边小城格外安静，渔船都回了港，只有几只海鸥在码头上空盘旋。",
            "码头边的小饭馆还开着门，老板说，冬天来吃海鲜的多是本地的老主顾。")
    one, two = layoutfix.clean("\n\n".join(NOTE + ("国际部",) + head + body)).items
    assert one.paragraphs[-1] == "国际部"
    assert (two.section, two.kicker, two.headline) == (None, None, head[0])
    assert two.paragraphs == body
