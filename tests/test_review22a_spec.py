"""review22a: failing specifications, one per defect found by the session-22 outside review. Invented text only.

Each test names the behaviour it asks for; it fails on 52644b6 and is merged once the code does what it says.
"""
from __future__ import annotations

import pytest

import layoutfix
from layoutfix import InputError
from layoutfix.lm import load_lm
from layoutfix.stages import glyphs
from layoutfix.stages.read import decode

# Big5 as Windows and most Taiwanese and Hong Kong presses write it (cp950) holds the ETEN extension characters
# (碁 銹 裏 墻 恒 粧 嫺) that Python's strict 'big5' codec lacks; 裏 is the everyday Hong Kong form of 裡
BIG5_PAGE = "## 河灣鎮圍棋賽\n\n河灣鎮圍棋協會舉辦碁賽，每週三個晚上請棋手講課。\n"
BIG5_LINE = "河灣鎮的裏弄裏今冬辦起了農民夜校，每週三個晚上請農技員講課。"


def _no_private_use(text: str) -> bool:
    return not any("\ue000" <= c <= "\uf8ff" for c in text)


def test_a_big5_page_holding_an_eten_extension_character_is_never_read_as_gb18030_mojibake() -> None:
    # a416a91 reads a private-use line again as strict Big5 and, when that raises, passes the line as GB18030:
    # the whole page comes out as rare characters and private-use code points, with no edit and no refusal
    # (63f0e2e refused it). It should be read as the Big5 it is, or refused with a clear error.
    data = BIG5_PAGE.encode("cp950")
    try:
        text, _ = decode(data)
    except InputError:
        return  # a clear refusal is acceptable
    assert text == BIG5_PAGE
    assert _no_private_use(text)


def test_a_gb18030_page_with_a_big5_line_holding_an_eten_extension_character_is_refused_as_mixed() -> None:
    # the refusal of a GB18030 page with a Big5 paragraph (review20a) must not depend on every character of the
    # paragraph being in Python's strict 'big5' table: read.py `_private_use_line` skips a line whose strict Big5
    # decoding raises (`except UnicodeDecodeError: continue`), and the page is read with that line as mojibake
    gb = "## 青石县新建水库\n\n本报讯 青石县今年新建了三座水库，灌溉面积扩大到两万亩。\n\n".encode("gb18030")
    data = gb + BIG5_LINE.encode("cp950") + b"\n"
    with pytest.raises(InputError, match="line 5"):
        decode(data)


TABLE = "乡镇\t玉米\t小麦\n东河乡\t1200\t800\n西山镇\t900\t650\n南湖乡\t1100\t700"


def test_a_tables_unit_line_under_its_marked_title_does_not_take_the_headline() -> None:
    # '## 各乡镇粮食产量' over '单位：吨' over the table: the marked title is pushed up to the kicker and the
    # unit line is made the headline; without the unit line the title is the headline, and under an article
    # the two lines are the table's captions
    page = layoutfix.clean("## 各乡镇粮食产量\n\n单位：吨\n\n" + TABLE)
    assert [it.headline for it in page.items] == ["各乡镇粮食产量"]
    assert not page.unaccounted()


def test_judging_doubled_units_in_a_long_unpunctuated_run_hands_the_segmenter_linear_work(monkeypatch) -> None:
    # glyphs._judge_double segments the whole Han run again (`_segments(lm, once)`) for every doubled unit that
    # is no word, so a run without punctuation holding many such units costs run length x units: a clause of
    # 27 characters with one '府把府把' repeated 200 times (5,400 characters) hands `_forward` 1.09 million
    # characters, 400 times 4.3 million. The judgement needs only a window around the unit.
    handed = [0]
    forward = glyphs.common._forward

    def counting(lm, run, *args, **kwargs):  # type: ignore[no-untyped-def]
        handed[0] += len(run)
        return forward(lm, run, *args, **kwargs)

    monkeypatch.setattr(glyphs.common, "_forward", counting)  # (the segmentation's one caller)
    lm = load_lm(None)
    clause = "村里今年修路政府把府把扶贫款用在刀刃上农民收入年年增加"
    text = clause * 200
    fixed, _ = glyphs.fix_changes(text, lm)
    assert len(fixed) < len(text)  # the copies are found (the work is not saved by finding nothing)
    assert handed[0] <= 20 * len(text)


def test_a_half_width_full_stop_after_a_figure_ends_the_paragraph() -> None:
    # normalize's `_punct_pass` makes '.' a '。' only after a Han character or a closing mark, so a Chinese
    # sentence ending in a figure ('降幅33%.', '增长20.') keeps its ASCII stop; flow then reads the paragraph as
    # cut mid-sentence and joins the next one into it ('…降幅33%.县农业局说…'). With '。' the two stay apart.
    first = "本报讯 今年青石县蔬菜价格从每斤3元降到2元,降幅33%."
    second = "县农业局说，蔬菜大棚面积扩大了一倍。"
    page = layoutfix.clean(f"## 青石县菜价下降\n\n{first}\n\n{second}")
    paragraphs = [p for it in page.items for p in it.paragraphs]
    assert paragraphs[-1] == second
    assert paragraphs[0].endswith("降幅33%。")
    assert not [e for e in page.edits if e.kind == "join"]
    assert not page.unaccounted()


CUT_PAGE = "## 青石县新建水库\n\n本报讯 青石县今年新建了三座水库，灌溉面积扩大到两万亩。\n"


def test_a_gb18030_dump_cut_inside_its_last_character_is_read_as_a_utf8_one_is() -> None:
    # read.decode keeps a UTF-8 dump that ends inside its last character (shown as U+FFFD, logged as a 'decode'
    # edit); a GB18030 dump cut the same way (a transfer that lost its last byte) is refused whole as
    # 'undecodable bytes: not UTF-8 …, GB18030, Big5 or UTF-16', and a batch loses the page
    data = CUT_PAGE.encode("gb18030")[:-2]  # the newline and the second byte of '。'
    page = layoutfix.clean(data)
    assert "灌溉面积扩大到两万亩" in "".join(p for it in page.items for p in it.paragraphs)
    assert [e.kind for e in page.edits if e.stage == "read" and e.kind == "decode"] == ["decode"]
    assert not page.unaccounted()


def test_a_utf16_dump_cut_by_one_byte_is_not_called_binary() -> None:
    # a UTF-16 dump without a BOM that lost its last byte has an odd length: decode calls it 'binary file
    # (contains NUL bytes), not a text dump', which sends the user looking for the wrong cause; with a BOM the
    # same cut says 'not valid utf-16 at byte 82'. Read it as UTF-16 with the cut shown, or name UTF-16.
    data = CUT_PAGE.encode("utf-16-le")[:-1]
    try:
        text, name = decode(data)
    except InputError as e:
        assert "utf-16" in str(e).lower() and "binary" not in str(e)
    else:
        assert name.startswith("utf-16") and "灌溉面积扩大到两万亩" in text
