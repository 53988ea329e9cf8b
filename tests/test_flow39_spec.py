"""flow39: the behaviours session 39 added to `flow` (invented text only)."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.stages.flow import flow, load_model
from layoutfix.model import CREDIT, TEXT, TITLE, Block
from layoutfix.stages.flow.assign import GAP_MIN_P, OVER_DEBRIS, OVER_PHOTO, over_gap, photo_group, photo_title
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in page.blocks]


def test_a_paragraph_cut_around_a_debris_line_joins_past_it_though_the_model_reads_the_gap_as_a_story_piece() -> None:
    # '…他同' | spaced scraps | '中国的…': no word spans the join, and the model counts the debris line as a piece
    # of another story the join would pass over (0.34 and 0.35 here, under its threshold); debris is no text, so the
    # pair is lifted to the threshold, the reason names the model's own probability, and the debris stays apart
    for dump, joined in (("他说，这次来访他同\n\n赛间的 两完 协协送\n\n中国的几家企业进行了会谈，双方都很满意。",
                          "他说，这次来访他同中国的几家企业进行了会谈，双方都很满意。"),
                         ("据了解，这次来访期间他同\n\n赛间的 两完 协协送\n\n中国的几家企业进行了会谈，双方都很满意。",
                          "据了解，这次来访期间他同中国的几家企业进行了会谈，双方都很满意。")):
        page = run(dump)
        assert texts(page)[0] == joined and len(texts(page)) == 2
        (e,) = [e for e in page.edits if e.kind == "join"]
        assert OVER_DEBRIS in e.reason and "the model's" in e.reason


def _debris_at(*ks: int):  # type: ignore[no-untyped-def]
    return lambda k: "OCR debris" if k in ks else ""


def _gap(n: int, p: float, debris: tuple[int, ...]) -> str:
    blocks = [Block(k, "某某某某某某某某某某的", 1 + 2 * k, TEXT) for k in range(n + 2)]  # open text between
    return over_gap(blocks, 0, n + 1, p, n + 1, False, load_model(), _debris_at(*debris))


def test_only_a_gap_of_debris_alone_lifts_a_pair() -> None:
    assert OVER_DEBRIS in _gap(1, 0.3, (1,))
    assert OVER_DEBRIS in _gap(2, 0.3, (1, 2))
    # a line of text between (another story's piece) is a gap the model weighs: left to it
    assert _gap(2, 0.3, (1,)) == ""
    assert _gap(1, 0.3, ()) == ""
    # a pair the model reads as no join (under 0.1) stays apart: of the tuning pages' free pairs over debris, every
    # one the model scored 0.1 or more was a cut paragraph
    assert _gap(1, GAP_MIN_P - 0.01, (1,)) == ""


def test_a_paragraph_and_a_debris_line_over_the_next_story_stay_apart() -> None:
    # the paragraph closed: nothing to lift, whatever lies between
    page = run("会议要求各部门切实提高工作效率。\n\n赛间的 两完 协协送\n\n中国的几家企业进行了会谈，双方都很满意。")
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
    blocks = _group((TEXT, "他说，这次来访他同"), TITLE_LINE, CAPTION, CREDIT_LINE, (TEXT, "中国的几家企业进行了会谈。"))
    model = load_model()
    assert OVER_PHOTO in over_gap(blocks, 0, 4, 0.3, 4, False, model, _debris_at())
    assert over_gap(blocks, 0, 4, 0.3, 4, True, model, _debris_at()) == ""
    assert over_gap(blocks, 0, 4, GAP_MIN_P - 0.01, 4, False, model, _debris_at()) == ""



def test_a_title_like_line_cut_at_a_comma_is_no_pictures_title() -> None:
    # a long line with no clause mark inside reads as title-like; ending on a comma it is a cut piece of a paragraph
    from layoutfix.stages.flow.blocks import is_title_like
    cut = "某某减产的理由共有两条：一是某某天气对某某生产带来了不利的影响，"
    assert is_title_like(cut) and not photo_title(cut)
    assert photo_title("冬日里的某某村（图片）") and photo_title("图片新闻")
    assert not photo_group(_group((TEXT, cut), CAPTION, CREDIT_LINE))


def test_a_subhead_over_debris_is_no_cut_line() -> None:
    # a title-like source over a debris line and a paragraph is a subhead over its text (segment keeps it apart), and
    # a title-like line over a photo group may head it: both are left to the model
    blocks = _group((TEXT, "走向某某的路"), (TEXT, "数汇 心推 格学"), (TEXT, "某某企业要提高质量，降低成本。"))
    assert over_gap(blocks, 0, 2, 0.3, 2, True, load_model(), _debris_at(1)) == ""
