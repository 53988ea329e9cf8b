"""flow39: the behaviours session 39 added to `flow` (invented text only)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.flow import flow, load_model
from layoutfix.model import CREDIT, TEXT, TITLE, Block
from layoutfix.stages.flow.assign import (
    CLOSE, GAP_MIN_P, OVER_DEBRIS, OVER_PHOTO, over_gap, photo_group, photo_title, reads_closed_up, unlift_outranked,
)
from layoutfix.stages.flow.model import Candidate
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in page.blocks]


def _debris_at(*ks: int, kind: str = "OCR debris"):  # type: ignore[no-untyped-def]
    return lambda k: kind if k in ks else ""


def _no_walls(n: int):  # type: ignore[no-untyped-def]
    return lambda: [False] * n


def _gap(n: int, p: float, debris: tuple[int, ...], gain: float = 2.0, between: str = "赛间 两完 协协送",
         kind: str = "OCR debris") -> str:
    blocks = [Block(k, between, 1 + 2 * k, TEXT) for k in range(n + 2)]
    blocks[0] = Block(0, "某某某某某某某某某某的", 1, TEXT)
    return over_gap(blocks, 0, n + 1, p, n + 1, False, load_model(), _debris_at(*debris, kind=kind), load_lm(),
                    _no_walls(n + 2), gain)


def test_only_a_gap_of_debris_alone_lifts_a_pair() -> None:
    assert OVER_DEBRIS in _gap(1, 0.3, (1,))
    assert OVER_DEBRIS in _gap(2, 0.3, (1, 2))
    # a line of text between (another story's piece) is a gap the model weighs: left to it
    assert _gap(2, 0.3, (1,)) == ""
    assert _gap(1, 0.3, ()) == ""
    # a pair the model reads as no join (under 0.1) stays apart: of the tuning pages' free pairs over debris, every
    # one the model scored 0.1 or more was a cut paragraph
    assert _gap(1, GAP_MIN_P - 0.01, (1,)) == ""
    # no word spans the join: the pair may as well be a paragraph cut at a page's end, debris, and another story
    assert _gap(1, 0.3, (1,), gain=0.0) == ""
    # nor does a gain of rounding noise (two path costs that differ in the last bits: review39b)
    assert _gap(1, 0.3, (1,), gain=3.6e-15) == ""


def test_a_paragraph_and_a_debris_line_over_the_next_story_stay_apart() -> None:
    # the paragraph closed: nothing to lift, whatever lies between
    page = run("会议要求各部门切实提高工作效率。\n\n赛间的 两完 协协送\n\n几家企业的负责人也在会上发了言，大家都很满意。")
    assert not [e for e in page.edits if e.kind == "join"]


def _group(*shapes: tuple[str, str]) -> list[Block]:
    return [Block(k, text, 1 + 2 * k, role) for k, (role, text) in enumerate(shapes)]


TITLE_LINE = (TITLE, "冬日里的某某村（图片）")
CAPTION = (TEXT, "入冬以来，某某县组织干部为农户送去米面和棉衣。")
CREDIT_LINE = (CREDIT, "新华社记者 某某 摄")


def test_a_photo_group_printed_inside_a_column_is_its_title_caption_and_credit() -> None:
    assert photo_group(_group(TITLE_LINE, CAPTION, CREDIT_LINE))
    assert photo_group(_group(CAPTION, CREDIT_LINE))
    # the credit closes the group: a block after it is the column going on
    assert not photo_group(_group(TITLE_LINE, CAPTION))
    assert not photo_group(_group(CAPTION, CREDIT_LINE, CAPTION))
    # an open piece of text is another paragraph's, and a byline opens an article: no photo group then
    assert not photo_group(_group((TEXT, "入冬以来，某某县组织干部为"), CREDIT_LINE))
    assert not photo_group(_group((TEXT, "入冬以来某某县组织干部为农户送去米面和棉衣，"), CREDIT_LINE))  # title-like, cut
    assert not photo_group(_group(("byline", "本报记者 某某"), CAPTION, CREDIT_LINE))
    assert not photo_group(_group(CREDIT_LINE))
    # a title-shaped piece of the paragraph printed over the photo's title is no part of the group: the paragraph goes
    # on in that piece, not past the photo
    assert not photo_group(_group((TEXT, "把有限的资金用在某某上"), (TITLE, "图片新闻"), CAPTION, CREDIT_LINE))
    assert not photo_group(_group(TITLE_LINE, TITLE_LINE, CAPTION, CREDIT_LINE))


def test_a_paragraph_cut_around_a_photo_group_is_lifted_unless_its_source_is_a_title() -> None:
    blocks = _group((TEXT, "下一步，街道还将继续扩大"), TITLE_LINE, CAPTION, CREDIT_LINE, (TEXT, "翻新的范围。"))
    model = load_model()
    lm, free = load_lm(), _no_walls(5)
    assert OVER_PHOTO in over_gap(blocks, 0, 4, 0.3, 4, False, model, _debris_at(), lm, free, 0.0)
    assert over_gap(blocks, 0, 4, 0.3, 4, True, model, _debris_at(), lm, free, 0.0) == ""
    assert over_gap(blocks, 0, 4, GAP_MIN_P - 0.01, 4, False, model, _debris_at(), lm, free, 0.0) == ""
    # a wall among the blocks (a marked title, a dateline: an article's start) parts two stories
    assert over_gap(blocks, 0, 4, 0.3, 4, False, model, _debris_at(), lm, lambda: [False, True, False, False, False],
                    0.0) == ""


def test_a_title_like_line_cut_at_a_comma_is_no_pictures_title() -> None:
    # a long line with no clause mark inside reads as title-like; ending on a comma it is a cut piece of a paragraph
    from layoutfix.stages.flow.blocks import is_title_like
    cut = "这批新书的读者多为中学生与他们的家长所以书店把它们摆在进门的地方，"
    assert is_title_like(cut) and not photo_title(cut)
    assert photo_title("冬日里的某某村（图片）") and photo_title("图片新闻")
    assert not photo_group(_group((TEXT, cut), CAPTION, CREDIT_LINE))


def test_a_subhead_over_debris_is_no_cut_line() -> None:
    # a title-like source over a debris line and a paragraph is a subhead over its text (segment keeps it apart), and
    # a title-like line over a photo group may head it: both are left to the model
    blocks = _group((TEXT, "走向某某的路"), (TEXT, "数汇 心推 格学"), (TEXT, "某某企业要提高质量，降低成本。"))
    assert over_gap(blocks, 0, 2, 0.3, 2, True, load_model(), _debris_at(1), load_lm(), _no_walls(3), 2.0) == ""


# review39a's pages (invented): a paragraph cut at the page's end, then another story's untitled body
OPENER = "## 某某街道启动旧楼翻新\n\n本报讯 记者 某某\n\n今年以来，街道把旧楼翻新列为重点工程，计划翻新楼房八十栋，惠及居民两千余户。\n\n"
CUT = OPENER + "街道负责人介绍，翻新内容包括外墙粉刷、水管更换等项目。下一步，街道还将继续扩大"
OTHER = "在秋收秋种的关键时期，镇上组织技术人员走进田间，指导农民合理安排收割时间。\n\n各村也成立了帮扶小组，帮助缺少劳力的农户完成秋收。"


def joined_across(dump: str) -> list[str]:
    """The reasons of the joins `over_gap` lifted on the page."""
    return [e.reason for e in run(dump).edits if e.kind == "join" and "lifted to its threshold" in e.reason]


def test_a_paragraph_cut_at_the_pages_end_stays_apart_from_another_storys_body_over_debris() -> None:
    # no word spans '扩大' | '在秋收': nothing in the text tells this from a cut paragraph over debris, so it is left
    # to the model, which keeps the two stories apart
    assert joined_across(CUT + "\n\n赛间 两完 协协送\n\n" + OTHER) == []
    assert joined_across("## 今年要办的实事\n\n一、新修村道五十公里；\n\n二、改善饮水条件，覆盖\n\n赛间 两完 协协送\n\n"
                         + OTHER) == []


def test_a_separator_line_or_a_spaced_out_heading_is_no_debris_to_cross() -> None:
    # marks alone part stories ('＊＊＊', a rule, a lone mark, an omission line); a heading or byline printed spaced
    # out reads as words or names closed up
    for between in ("＊＊＊", "——————", "■", "……", "相 关 链 接", "文 图 某 某"):
        assert joined_across(CUT + "\n\n" + between + "\n\n" + OTHER) == [], between
    lm = load_lm()
    assert reads_closed_up("相 关 链 接", lm) and not reads_closed_up("赛间 两完 协协送", lm)
    # and so even where a word spans the join: a separator is no debris, nor is a spaced line that reads closed up
    for between in ("＊＊＊", "——————", "■", "……"):
        assert _gap(1, 0.3, (1,), between=between, kind="marks alone") == "", between
    for between in ("相 关 链 接", "文 图 某 某"):
        assert _gap(1, 0.3, (1,), between=between) == "", between
    assert OVER_DEBRIS in _gap(1, 0.3, (1,))


def test_a_headline_or_a_dateline_over_a_photo_is_another_storys_start_not_a_photo_group() -> None:
    photo = "农民在田间查看秋粮长势。\n\n■本报记者 某某 摄\n\n"
    for group in ("## 秋收工作有序推进\n\n" + photo,  # the next story's headline over its photo
                  "## 秋收工作有序推进\n\n本报记者 某某 摄\n\n",  # a headline over a credit alone: no caption
                  "本报讯 记者从县农业局获悉，今年全县种植水稻十万亩，秋收工作已经全面展开。\n\n（本报记者 某某 摄）\n\n"):
        assert joined_across(CUT + "\n\n" + group + OTHER) == [], group
    assert not photo_group(_group((TITLE, "秋收忙"), CREDIT_LINE))  # a title and a credit: no caption text


def test_a_pair_one_block_apart_is_left_to_the_model() -> None:
    # nothing lies between a block and the next: no gap to lift over, whatever the model scored
    blocks = _group((TEXT, "本报讯 记者某某"), (TEXT, "国庆假期，小镇接待游客五万人次。"))
    assert over_gap(blocks, 0, 1, 0.3, 1, False, load_model(), _debris_at(), load_lm(), _no_walls(2), 2.0) == ""


def test_a_closed_paragraph_over_a_caption_is_no_photo_group() -> None:
    # an untitled photo group is its caption and its credit: a closed paragraph over them is another story's text,
    # which parts the cut paragraph from the body under the photo
    dump = (CUT + "\n\n记者从县农业农村局获悉，今年全县计划种植玉米二十万亩，目前春播工作已经全面展开，种子、农膜等农资供应充足。"
            "\n\n农民在田间查看秋粮长势。\n\n■本报记者 某某 摄\n\n" + OTHER)
    assert joined_across(dump) == []
    assert not photo_group(_group(CAPTION, CAPTION, CREDIT_LINE))
    assert photo_group(_group(TITLE_LINE, CAPTION, CAPTION, CREDIT_LINE))


def test_a_lift_a_likelier_rival_takes_back_is_logged_only_at_the_floor() -> None:
    # the lifted pair (0, 2) gives way to the rival (1, 2) the model scored higher: given back its own 0.19, under the
    # floor every other pair is held to, it is dropped rather than logged as a near miss
    cands = [Candidate(0, 2, 0.59, 0.0, 2, "lifted"), Candidate(1, 2, 0.3, 0.0, 1)]
    assert unlift_outranked(cands, {0: 0.19}, CLOSE) == [Candidate(1, 2, 0.3, 0.0, 1)]
    assert unlift_outranked(cands, {0: 0.19}, 0.1)[0] == Candidate(0, 2, 0.19, 0.0, 2)
