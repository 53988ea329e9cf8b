"""review25a: pins for behaviour the session-25 outside review found right and worth keeping (invented text only)."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import layoutfix
from layoutfix import cli
from layoutfix.validate import validate_bytes
from pagetext import paragraphs as _paragraphs

_BODY = ("本报讯 市政府昨天召开新闻发布会，介绍今年城市建设的主要任务，包括新建道路十条、改造老旧小区五十个。\n\n"
         "发布会上，有关部门负责人回答了记者提问，表示将加快推进各项工程建设。\n")


# -- NewsML-G2 for items with no paragraph -----------------------------------------------------------------------------

def test_a_page_of_only_a_table_under_its_title_gives_one_valid_item_holding_every_cell() -> None:
    page = layoutfix.clean("## 本周菜价\n\n品名\t单价\t产地\n大米\t5元\t东北\n白菜\t2元\t本地\n")
    (it,) = page.items
    assert it.headline == "本周菜价" and it.tables == ((("品名", "单价", "产地"), ("大米", "5元", "东北"), ("白菜", "2元", "本地")),)
    xml = it.to_newsml(page=page, index=1)
    assert validate_bytes(xml) == []
    assert all(cell.encode() in xml for row in it.tables[0] for cell in row)


def test_a_page_of_only_a_caption_and_its_credit_gives_one_valid_photo_item() -> None:
    page = layoutfix.clean("图为市民在公园里赏花。 本报记者 王小明 摄\n")
    (it,) = page.items
    assert (it.kind, it.byline, it.captions) == ("photo", ("王小明",), ("图为市民在公园里赏花。",))
    xml = it.to_newsml(page=page, index=1)
    assert validate_bytes(xml) == [] and "赏花".encode() in xml


# -- bylines: padded names and the separator dot (35ae7fc) -----------------------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("本报记者\u3000王\u3000军", ("王军",)),  # padded with ideographic spaces
    ("本报记者 王 军 李 明", ("王军", "李明")),  # two padded names
    ("新华社记者 约翰·史密斯 王 军", ("约翰·史密斯", "王军")),  # a dotted name beside a padded one
])
def test_padded_and_dotted_names_in_a_byline_line_are_the_items_byline(line: str, names: tuple[str, ...]) -> None:
    page = layoutfix.clean("## 城市建设今年有新任务\n\n" + line + "\n\n" + _BODY)
    (it,) = page.items
    assert (it.kicker, it.headline, it.byline) == (None, "城市建设今年有新任务", names)


# -- encodings ---------------------------------------------------------------------------------------------------------

_TEXT = "## 城市建设\n\n市政府昨天召开会议，研究𠀀的问题，介绍今年城市建设的主要任务。\n"


@pytest.mark.parametrize("data", [
    _TEXT.encode("gb18030"),  # a four-byte GB18030 character
    b"\xff\xfe" + _TEXT.replace("\n", "\r\n").encode("utf-16-le"),  # UTF-16 with a BOM and CRLF
    b"\xef\xbb\xbf" + _TEXT.replace("\n", "\r\n").encode(),  # UTF-8 with a BOM and CRLF
], ids=["gb18030-four-byte", "utf16-crlf", "utf8-bom-crlf"])
def test_a_page_reads_the_same_in_every_encoding_and_line_end_it_may_come_in(data: bytes) -> None:
    assert _paragraphs(layoutfix.clean(data)) == _paragraphs(layoutfix.clean(_TEXT.encode()))


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_fix_glyphs_reads_a_stream_whose_first_block_ends_inside_a_character(codec: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    # f4a08de decodes the first 64 KB alone to refuse binary input early; a cut character there is no binary
    line = "市里今天召开会议，研究部署冬季供暖工作。\n" if codec != "big5" else "市裡今天召開會議，研究部署冬季供暖工作。\n"
    data = ("a" + line * 2000).encode(codec)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli.main(["fix-glyphs", "--without", "glyphs"]) == 0
    assert capsys.readouterr().out.count("\n") == 2000


# -- batches -----------------------------------------------------------------------------------------------------------

def test_a_batch_with_bad_pages_cleans_the_good_ones_and_names_each_bad_one(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.txt").write_text("## 城市建设\n\n" + _BODY, encoding="utf-8")
    (pages / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00")
    (pages / "c.txt").write_bytes(b"")
    (pages / "d.txt").write_bytes(("## 城市建设\n\n" + _BODY).encode("gb18030"))
    rc = cli.main(["clean", str(pages), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert rc == 2
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a.json", "d.json"]
    assert "b.txt" in err and "c.txt" in err and "Traceback" not in err
