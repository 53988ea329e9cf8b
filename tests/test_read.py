"""The read stage: decoding, refusing bad input with a clear cause, and splitting into blocks."""
from __future__ import annotations

import codecs

import pytest

from layoutfix import Config, InputError
from layoutfix.model import BYLINE, CREDIT, JUMP, TABLE, TEXT, TITLE
from layoutfix.stages.read import decode, read

TEXT_ZH = "本报讯（记者 张三）昨日，市里召开会议。\n\n会议要求各部门认真落实。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])
def test_decodes_common_chinese_encodings(encoding: str) -> None:
    text = "本報訊 會議要求各部門認真落實工作。" if encoding == "big5" else TEXT_ZH
    got, _ = decode(text.encode(encoding))
    assert got.lstrip("\ufeff") == text


@pytest.mark.parametrize("text, encoding", [
    ("（王小明摄）", "gb18030"), ("本报讯", "gb18030"), ("（李四）", "gb18030"),
    ("（王小明攝）", "big5"), ("（李四）", "big5"), ("記者張三", "big5"),
])
def test_a_short_gb18030_or_big5_line_is_read_in_its_own_encoding(text: str, encoding: str) -> None:
    """A caption credit or a signature alone is too short for a statistical detector; it must neither be
    refused nor read in the other codec (which turns it into rare characters)."""
    got, name = decode(text.encode(encoding))
    assert (got, name) == (text, encoding)


def test_a_tie_between_the_two_codecs_is_still_a_decoding() -> None:
    """Punctuation alone reads as common in both codecs: some decoding comes back, no error."""
    got, name = decode("＊＊＊".encode("gb18030"))
    assert name in ("gb18030", "big5") and len(got) == 3


UTF16_TEXT = "本报讯 会议要求各部门认真落实。\n\n公园里新修了三条步道。\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_dump_without_a_bom_is_read_in_its_byte_order(encoding: str) -> None:
    assert decode(UTF16_TEXT.encode(encoding)) == (UTF16_TEXT, encoding)


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_a_utf16_bom_decides_the_byte_order_and_is_not_part_of_the_text(bom: bytes, encoding: str) -> None:
    assert decode(bom + UTF16_TEXT.encode(encoding)) == (UTF16_TEXT, "utf-16")


@pytest.mark.parametrize("text", ["最开心", "开开心心一起\n", "一个", "一天\r\n", "Plain English text.\n"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_of_han_text_alone_is_read_in_its_byte_order(text: str, encoding: str) -> None:
    """Han characters whose low byte is 00 (一 U+4E00, 开 U+5F00) put NULs where ASCII would in the other byte
    order, and UTF-16 bytes all below 0x80 are valid UTF-8: the order that reads as common characters wins."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("text", ["é", "Ελλάδα", "« été »", "Привет", "ab\x00cd 中文"])
def test_valid_utf8_stays_utf8(text: str) -> None:
    """Short UTF-8 in other scripts also decodes as common hanzi in GB18030 or Big5; UTF-8 validity wins."""
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_forced_encoding_that_does_not_fit_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not valid ascii"):
        decode(TEXT_ZH.encode("utf-8"), encoding="ascii", source="p.txt")


@pytest.mark.parametrize("data, cause", [
    (b"", "empty"),
    (b"   \n\n\t ", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100 + b"IHDR" * 50, "binary"),
])
def test_bad_input_is_refused_with_a_named_cause(data: bytes, cause: str) -> None:
    with pytest.raises(InputError, match=cause) as err:
        read(data, Config(), source="page.txt")
    assert "page.txt" in str(err.value)


def test_too_large_input_is_refused() -> None:
    with pytest.raises(InputError, match="too large"):
        read(TEXT_ZH.encode() * 100, Config(max_bytes=500), source="big.txt")


def test_blocks_keep_their_source_lines_and_first_roles() -> None:
    dump = "\n".join([
        "## 标题一行", "", "●本报记者 王小明", "", "正文第一段。", "",
        "（上接第1版）", "", "图片说明文字。 ■本报记者 李四 摄", "",
        "组别\t组长", "第一组\t张三", "\t\t后续",
    ])
    page = read(dump, Config())
    got = [(b.line, b.role, b.text) for b in page.blocks]
    assert got[0] == (1, TITLE, "标题一行") and page.blocks[0].marked
    assert got[1] == (3, BYLINE, "●本报记者 王小明")
    assert got[2] == (5, TEXT, "正文第一段。")
    assert got[3][1] == JUMP
    assert got[4] == (9, TEXT, "图片说明文字。") and got[5] == (9, CREDIT, "■本报记者 李四 摄")
    assert got[6][1] == TABLE and page.blocks[6].rows == (("组别", "组长"), ("第一组", "张三"), ("", "", "后续"))
    # the '## ' marker is an edit, so no character goes missing
    assert [e.before for e in page.edits] == ["## "]  # the marker and its space: undo gives the line as printed
    assert not page.unaccounted()


def test_datelines_and_footers_are_flagged() -> None:
    page = read("本报临江6月2日电（记者 张三）日前，会议召开。\n\n本报监督热线：0123-4567890\n\n责任编辑：李四", Config())
    assert [sorted(b.flags) for b in page.blocks] == [["dateline"], ["furniture"], ["furniture"]]


def test_a_dump_cut_inside_its_last_character_is_read_and_the_cut_is_logged() -> None:
    data = TEXT_ZH.rstrip().encode("utf-8")[:-1]  # the final '。' loses its last byte
    page = read(data, Config(), source="cut.txt")
    assert page.raw.endswith("\ufffd") and "会议要求各部门认真落实" in page.raw
    assert any(e.kind == "decode" and e.line == 3 for e in page.edits)


def test_undecodable_bytes_name_where_utf8_fails() -> None:
    data = "会议要求各部门认真落实。".encode("utf-8") + b"\xff\xfe\xfd" + "工作".encode("utf-8")
    with pytest.raises(InputError, match=r"at byte 36"):
        read(data * 3 + b"\x00" * 0, Config(), source="bad.txt")


def test_a_refusal_names_the_line_and_a_utf8_file_with_one_foreign_line_is_called_mixed() -> None:
    utf8 = "第一行文字。\n第二行文字。\n".encode("utf-8")
    odd = "第三行换了编码。".encode("gb18030") + b"\xff\n"  # no encoding reads the whole file
    with pytest.raises(InputError, match=r"byte \d+, line 3\).*may mix encodings, which --encoding cannot mend") as e:
        read(utf8 + odd + utf8, Config(), source="mixed.txt")
    assert "use --encoding" not in str(e.value)


def test_undecodable_bytes_with_nothing_read_before_still_point_to_encoding() -> None:
    with pytest.raises(InputError, match=r"at byte 4, line 2\).*\(use --encoding\)"):
        read(b"abc\n" + b"\xff\xfe\xfd\xfc" * 8 + b"\n", Config(), source="bad.txt")


def test_lines_are_numbered_as_an_editor_numbers_them() -> None:
    # a form feed (pdftotext's page break) ends a block but not a line
    page = read("标题\n\n\f正文第一句。\n正文第二句。\n", Config())
    lines = {b.text: b.line for b in page.blocks}
    assert lines == {"标题": 1, "正文第一句。": 3, "正文第二句。": 4}


def test_a_tab_indented_paragraph_is_text_but_a_continuation_row_stays_in_its_table() -> None:
    page = read("正文开头。\n\n\t缩进的段落，用制表符开头。\n\n项目\t数量\n合计\t12\n\t\t续行\n", Config())
    roles = [(b.role, b.text.split("\n")[0]) for b in page.blocks]
    assert roles[:2] == [(TEXT, "正文开头。"), (TEXT, "缩进的段落，用制表符开头。")]
    table = page.blocks[2]
    assert table.role == TABLE and len(table.rows) == 3
    assert [table.line_at(table.text.index(t)) for t in ("项目", "合计", "续行")] == [5, 6, 7]


def test_a_traditional_page_gets_the_roles_its_simplified_twin_gets() -> None:
    import opencc

    import layoutfix

    simplified = ("公园里的新变化\n\n●本报记者 王小明\n\n本报讯 今年春天，公园里新修了三条步道，游人比去年多了不少。\n\n"
                  "游人在步道上散步。■本报记者 李大海 摄\n\n（下转第4版）")
    traditional = opencc.OpenCC("s2tw").convert(simplified)
    assert traditional != simplified
    roles = [[b.role for b in read(t.encode(enc), Config()).blocks]
             for t, enc in ((simplified, "utf-8"), (traditional, "big5"))]
    assert roles[0] == roles[1] and BYLINE in roles[0] and CREDIT in roles[0] and JUMP in roles[0]
    items = [layoutfix.clean(t.encode(enc)).items for t, enc in ((simplified, "utf-8"), (traditional, "big5"))]
    assert [(i.byline, i.dateline) for i in items[0]] == [(i.byline, i.dateline) for i in items[1]]
    assert list(items[0][0].byline) == ["王小明"]


def test_a_string_with_a_lone_surrogate_is_refused_with_its_position() -> None:
    with pytest.raises(InputError, match="surrogate U\\+DCFF at character 2"):
        read("正文\udcff一段。", Config())


def test_a_byline_that_names_the_writer_and_then_the_photographer_stays_one_byline_line() -> None:
    # invented: '本报记者某甲 文 某乙 摄' is who wrote the text and who took the picture, not a caption
    # ('本报记者某甲 文') followed by a photo credit
    dump = "\n".join(["春节前的集市", "", "本报记者张明 文 李华 摄", "", "年货充足，价格平稳。", "",
                      "记者王刚 文  本报记者赵强 摄", "", "图片说明文字。 ■本报记者 李四 摄", "",
                      "他说这是文 李华 摄"])
    got = [(b.line, b.role, b.text) for b in read(dump, Config()).blocks]
    assert (3, BYLINE, "本报记者张明 文 李华 摄") in got
    assert (7, BYLINE, "记者王刚 文  本报记者赵强 摄") in got
    # a caption with its credit, and a line whose text before the credit is no byline, still split
    assert (9, TEXT, "图片说明文字。") in got and (9, CREDIT, "■本报记者 李四 摄") in got
    assert all(role != BYLINE for line, role, _ in got if line == 11)


def test_the_writer_and_the_photographer_of_one_byline_line_are_the_article_s_byline() -> None:
    import layoutfix

    page = layoutfix.clean("春节前的集市\n\n本报记者张明 文 李华 摄\n\n"
                           "春节临近，各地集市货源充足，价格平稳。市民们纷纷前来选购年货。\n\n"
                           "据了解，今年的蔬菜和肉类供应都比去年有所增加。\n")
    arts = page.to_dict()["articles"]
    assert len(arts) == 1 and arts[0]["headline"] == "春节前的集市"
    assert arts[0]["byline"] == ["张明", "李华"] and arts[0]["captions"] == [] and len(arts[0]["paragraphs"]) == 2
    assert not page.unaccounted()


_GB_PARA = "本报讯（记者 林一）东山县新桥通车了，村民赶集再也不用绕远路。\n\n"
_BIG5_PARA = "西山縣的新路也在年底通車，兩個縣的村民都很高興，紛紛表示感謝。\n\n"  # (traditional: Big5 holds it)


def test_a_gb18030_file_with_a_big5_paragraph_is_refused_as_mixed_not_read_as_mojibake() -> None:
    # review20a: the Big5 paragraph came out as private-use characters, with no error and no warning
    data = _GB_PARA.encode("gb18030") + _BIG5_PARA.encode("big5") + _GB_PARA.encode("gb18030")
    with pytest.raises(InputError, match="line 3 .*may mix encodings"):
        decode(data)
    assert decode(data, "gb18030")[0].count("\n") == 6  # forced, it is read as it is
    # counter-examples: either encoding alone reads as before
    assert decode((_GB_PARA * 2).encode("gb18030")) == (_GB_PARA * 2, "gb18030")
    assert decode(_BIG5_PARA.encode("big5"))[1] == "big5"


@pytest.mark.parametrize("code", [b"\xaa\xa1", b"\xfe\x59", b"\xa6\xd9"])
def test_a_gb18030_page_with_private_use_characters_of_its_own_is_read(code: bytes) -> None:
    # review21a: a rare name character set in a user-defined code (造字, here twice as the name recurs), a CJK
    # component GB18030-2005 maps to the private-use area, a vertical punctuation form: GB18030 text, whose
    # line reads worse as Big5, not a Big5 paragraph
    line = "本报讯 青石县农民王{0}今年种了二十亩大棚蔬菜，王{0}说，明年还要再扩大规模。\n"
    data = "县里农民种菜增收\n\n".encode("gb18030") + line.encode("gb18030").replace(b"{0}", code)
    text, name = decode(data)
    assert name == "gb18030" and text == data.decode("gb18030")
