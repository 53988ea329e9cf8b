"""dedup/garbled: a short line without a closing mark may be repeated by a garbled copy opening the next line
(a title, a byline, a verse line), including a copy that lost the line's last character or repeats only its last
clause; but a column line cut mid-sentence whose next line continues the sentence is never such a copy, however
much the two share (从A到B, 由A到B, 既A又B, 不仅A而且B, lists, a name said twice). Invented text only."""
from __future__ import annotations

import pytest

from layoutfix import Config
from layoutfix.model import Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str) -> Page:
    return dedup(normalize(read(dump, Config())))


def noise(dump: str) -> list[str]:
    page = run(dump)
    assert not page.unaccounted()
    return [n.text for n in page.noise]


# a paragraph printed in column lines; each cut line ends on a word that takes the next line
COLUMN_LINES = [
    "　　三年过去了，从村里的第一条路到\n村里的第三条路，三年的实践，已经证明了这一点。\n",  # 从A到B
    "　　她从村小的一年级教到\n村小的六年级，一教就是二十年。\n",
    "　　老人的家从河东岸的一座小院搬到\n河西岸的一座小院，离学校近多了。\n",
    "　　小组的人数由最初的五名组员增加到\n最初的九名组员，干劲越来越足。\n",  # 由A到B
    "　　队伍由东山的一个小组发展到\n东山的七个小组，人数翻了几番。\n",
    "　　她既照顾东屋的两位老人又\n照顾西屋的两位老人，从来不叫苦。\n",  # 既A又B
    "　　他既是石桥村的村医又\n是石桥村的会计，整天忙个不停。\n",
    "　　这条小路不仅连着东边的几个村子而且\n连着西边的几个村子，来往的人很多。\n",  # 不仅A而且B
    "　　这位老师不但教会了山里的孩子还\n教会了山外的孩子，大家都很敬重他。\n",
    "　　货架上有大号的竹篮、中号的竹篮和\n小号的竹篮，价钱各不相同。\n",  # a list
    "　　展台上摆着红色的小陶罐、蓝色的小陶罐和\n白色的小陶罐，件件都做得很精致。\n",
    "　　会上，北山乡农技站的站长和\n北山乡林技站的站长先后发了言。\n",  # a name said twice
    "　　会议由河湾县的科技局和\n河湾县的科协局联合举办。\n",
    "　　会上，北山乡农技站的站长与\n北山乡林技站的站长先后发了言。\n",
    "　　大号的竹篮卖十元，中号的竹篮卖\n小号的竹篮的两倍价钱。\n",  # the next line's 的 is no misread 卖
    "　　河湾县的东门粮站站长\n河湾县的西门粮站站长一同到会。\n",  # 站长 comes after: nothing lost
    # the line's last two characters are printed, then the sentence goes on (the one-stroke 一 and 都 would pass for
    # look-alikes of the line's last character 长 and 师, had the copy been taken one character longer)
    "　　青石镇第一小学的校长\n青石镇第二小学的校长一起来了。\n",
    "　　他说，城东第一中学的老师\n城东第二中学的老师也都同意了。\n",
]


@pytest.mark.parametrize("dump", COLUMN_LINES)
def test_a_column_line_that_continues_the_sentence_cut_before_it_is_no_garbled_copy(dump: str) -> None:
    page = run(dump)
    assert not page.noise
    assert not [e for e in page.edits if e.stage == "dedup"]
    assert "".join(dump.split()) == "".join("".join(b.text for b in page.blocks).split())


def test_a_copy_of_an_unmarked_line_that_lost_its_last_character_goes_to_noise() -> None:
    # 席 belongs to the word 主席: the copy broke it, so OCR lost it (no word of its own reading on)
    dump = "秋收青石岭　赵甲　青石县科协主席\n\n秋收青石岑赵甲青石县科协主携手绘新图　钱乙　青石县农协副主席\n"
    assert noise(dump) == ["秋收青石岑赵甲青石县科协主"]
    # where the line's last character follows, nothing was lost: a lead repeating its title
    assert noise("秋收青石岭　赵甲　青石县科协主席\n\n秋收青石岭赵甲青石县科协主席携手绘新图\n") == []


def test_a_copy_that_lost_a_last_word_naming_a_thing_or_place_goes_to_noise() -> None:
    # a one-character noun or place word (图, 东) takes nothing after it: OCR lost it, the line did not read on
    assert noise("秋收青石岭　赵甲　青石县科协主席　图\n\n秋收青石岑赵甲青石县科协主席携手绘新图\n") == ["秋收青石岑赵甲青石县科协主席"]
    assert noise("青石岭秋色　钱乙　作于河湾镇东\n\n青石岑秋色钱乙作于河湾镇携手绘新图\n") == ["青石岑秋色钱乙作于河湾镇"]


def test_a_copy_of_the_last_clause_of_an_unmarked_line_goes_to_noise() -> None:
    dump = "其一，改善乡村道路条件，推动山区果品加工提质增效\n\n动山区果吕加土提质增效我县果品加工的提质增效，关键在于冷链。\n"
    assert noise(dump) == ["动山区果吕加土提质增效"]
    assert noise("岁末天寒，而又匆匆飘落\n\n雪又勿匆飘落于是，来不及收衣\n") == ["雪又勿匆飘落"]


def test_a_copy_that_starts_inside_a_word_of_the_line_before_is_no_varied_line() -> None:
    # '以期' read '之': the copy breaks a word whose first character lies before it, so it is misread, not varied
    dump = ("本月起，本报陆续刊登“乡村教师风采”，以期起到激励同行的作用。\n\n"
            "之起到激励同行的作用。2021年，青石县某校因师资短缺被列为帮扶对象。\n")
    assert noise(dump) == ["之起到激励同行的作用。"]


# a paragraph set in narrow column lines: the line that ends on a phrase goes on from the line before it, and the
# next line opens with a parallel phrase (one word or figure changed); flow joins the lines, dedup keeps them all
PARAGRAPH_LINES = [
    "　　这几年，河湾县的变化很大，大家都\n看在眼里。去年秋天，县里的农业局长\n县里的林业局长一起下了乡，走访了十\n几个村子。\n",
    "　　这几年，河湾县的变化很大，大家都\n看在眼里。去年秋天，南山村的一组村民\n南山村的二组村民都搬进了新居，日子\n越过越红火。\n",
]


@pytest.mark.parametrize("dump", PARAGRAPH_LINES)
def test_a_column_line_inside_a_paragraph_is_repeated_by_no_copy(dump: str) -> None:
    import layoutfix
    page = layoutfix.clean(dump)
    assert not page.noise and not [e for e in page.edits if e.stage == "dedup"]
    assert "".join(dump.split()) == "".join("".join(t for item in page.items for t in item.texts()).split())


# a short line ending on a one-character word, then a line that says it again up to that word and goes on with
# another (verse, anaphora, a restatement at more length): the next line 'lost' nothing, it says something else
SAID_AGAIN_OTHERWISE = [
    "我爱家乡的山\n我爱家乡的小河\n我爱家乡的人们\n",
    "他看着远方的山\n他看着远方的云朵\n",
    "村口有一棵树\n村口有一棵大槐树\n",
    "今年村里种下了一片桃\n今年村里种下了一片梨树，明年就能挂果。\n",
    "孩子们爱吃家乡的枣\n孩子们爱吃家乡的柿子\n",
    "我们的家乡有一条河\n我们的家乡有一条长长的河\n",
    "远远望去，只见一座塔\n只见一座高高的白塔\n",  # the last clause said again at more length
    "这里有山有水\n这里有山有林有田\n",  # the last word said otherwise
    "我爱北方的雪\n我爱北方的大草原\n",
]


@pytest.mark.parametrize("dump", SAID_AGAIN_OTHERWISE)
def test_a_line_that_says_the_line_above_again_but_its_last_word_and_goes_on_is_no_copy(dump: str) -> None:
    assert noise(dump) == []


def test_a_poem_keeps_the_start_of_its_second_line() -> None:
    import layoutfix
    page = layoutfix.clean("## 家乡\n\n　　林小禾\n\n我爱家乡的山\n我爱家乡的小河\n我爱家乡的人们\n他们勤劳又善良\n")
    assert "我爱家乡的小河" in [p for item in page.items for p in item.paragraphs]


def test_a_verbatim_copy_that_lost_the_last_character_and_stands_alone_goes_to_noise() -> None:
    # set off by a space from what follows (a byline), nothing says the line goes on: OCR lost the 树
    assert noise("青石岭上的老槐树\n青石岭上的老槐 林小禾\n") == ["青石岭上的老槐"]
    assert noise("青石岭上的老槐树\n青石岭上的老槐　林小禾\n") == ["青石岭上的老槐"]


def test_a_verbatim_copy_whose_last_character_is_misread_as_a_look_alike_goes_to_noise() -> None:
    # 桥 for 析: a swap OCR makes, so the copy is a misreading even with text right after it
    assert noise("青石县农情分析\n青石县农情分桥据县农技站统计，今年小麦长势良好。\n") == ["青石县农情分桥"]


def test_a_line_that_says_the_last_words_above_again_of_another_subject_is_no_copy() -> None:
    # review20a: the paragraph's first line ends on a phrase the next line says again with its first character
    # swapped for one OCR does not take it for, as fluently: a parallel phrase ('甲队的…' / '乙队的…')
    dump = "　　比赛进行到最后一圈，场上的甲队的两名队员\n乙队的两名队员几乎同时冲过终点，观\n众们欢呼起来。\n"
    assert noise(dump) == []


def test_a_copy_whose_first_character_is_misread_goes_to_noise() -> None:
    # counter-examples: a look-alike swap (无 for 天) and a swap that breaks a long dictionary word (春 for 寄 in
    # 寄希望于) are misreadings of the line's first character
    assert noise("天气形势分析\n无气形势分析据县气象站预报，明天有小雨。\n") == ["无气形势分析"]
    assert noise("下篇：寄希望于山里娃\n春希望于山里娃林小禾\n") == ["春希望于山里娃"]


def test_a_copy_of_what_is_left_of_a_line_after_its_own_copy_went_to_noise_goes_too() -> None:
    # verse lines each opening with a garbled copy of the line before: once a line's copy is cut out, the next
    # line's copy repeats what is left of it, at that length (not the whole printed line's)
    dump = "河湾县的春天来得早\n\n河湾具的春夫来得早山坡上开满了野花\n\n山坂上开蒲了野花田野里响起了歌声\n"
    assert noise(dump) == ["河湾具的春夫来得早", "山坂上开蒲了野花"]
    # counter-example: a line after it that repeats nothing is left whole
    dump = "河湾县的春天来得早\n\n河湾具的春夫来得早山坡上开满了野花\n\n田野里响起了歌声\n"
    assert noise(dump) == ["河湾具的春夫来得早"]
