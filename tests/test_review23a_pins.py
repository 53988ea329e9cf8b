"""review23a: pins, passing tests of behaviour the session-23 outside review found sound. Invented text only."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import layoutfix
from layoutfix import cli
from layoutfix.newsml import page_to_message, page_to_newsml
from layoutfix.validate import validate_bytes

TABLE_ONLY = "区县\t产量\t增幅\n东城\t12\t3%\n西城\t\t4%\n"
PHOTO_ONLY = "春天的公园里游人如织。（图片）\n\n本报记者 王小明 摄\n"
UNTITLED = "本报讯 入春以来，全县各乡镇抓住有利天气，组织农民抢抓农时，春耕生产有序推进。\n"
CONTROLS = ("## 标题\x1b[31m红色\n\n本报讯 正文里有\x1b[0m控制字符\x07和\ufffe以及\u202e反向\u200b零宽\x7f删\x9b码。\n\n"
            "表头\t数\ufffe值\n甲\x01\t1\x1b\n")


@pytest.mark.parametrize("dump", [TABLE_ONLY, PHOTO_ONLY, UNTITLED, CONTROLS],
                         ids=["table-only", "photo-only", "untitled", "control-characters"])
def test_every_item_and_the_page_message_of_an_odd_page_are_valid_newsml(dump: str) -> None:
    page = layoutfix.clean(dump)
    items = list(page_to_newsml(page))
    assert items and len(items) == len(page.items)
    for xml in items:
        assert validate_bytes(xml) == []
    message = page_to_message(page)
    assert message is not None and validate_bytes(message) == []


def test_control_characters_and_escape_sequences_leave_the_text_with_an_edit_each() -> None:
    page = layoutfix.clean(CONTROLS)
    text = "".join(it.headline or "" for it in page.items) + "".join(p for it in page.items for p in it.paragraphs)
    assert not any(c in text for c in "\x1b\x07\ufffe\u202e\u200b\x7f\x9b\x01")
    removed = "".join(e.before for e in page.edits if e.stage == "normalize" and e.kind == "invisible")
    assert all(c in removed for c in "\x1b\x07\ufffe\u202e\u200b\x7f\x9b\x01")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_dump_that_lost_its_last_byte_is_read_with_the_cut_shown(codec: str) -> None:
    data = "本报讯 今年春天，全市新建了三座公园，市民休闲有了新去处。游客很多".encode(codec)[:-1]
    page = layoutfix.clean(data)
    assert [p for it in page.items for p in it.paragraphs][-1].endswith("游客很\ufffd")
    assert any(e.stage == "read" and e.kind == "decode" for e in page.edits)


def test_fix_glyphs_keeps_characters_that_other_readers_take_for_line_ends_inside_their_line(
        capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # only CR, LF and CRLF end a line: a form feed, vertical tab, NEL, U+2028 or a file separator inside a line
    # stays there, so a scorer reading the output line by line meets the same number of lines
    lines = ["第一行\x85接着", "第二行\u2028后面", "第三\x0c行", "第四\x0b行", "第五\x1c行"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode("utf-8") + b"\n")))
    assert cli.main(["fix-glyphs", "--without", "glyphs"]) == 0
    assert capsys.readouterr().out.split("\n") == lines + [""]


@pytest.mark.parametrize("content,message", [
    (b"", "Document is empty"),
    (b'<?xml version="1.0" encoding="bogus"?><a/>', "Unsupported encoding"),
    (b"<a/>", "No matching global declaration"),
    (b"\xef\xbb\xbf", "Start tag expected"),
])
def test_validate_reports_a_file_that_is_no_newsml_as_invalid_with_its_reason(
        capsys, tmp_path: Path, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.xml"
    bad.write_bytes(content)
    assert cli.main(["validate", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "INVALID" in out and message in out


@pytest.mark.parametrize("content,cause", [(b"", "empty input"), (b"\x00\x01\x02", "binary file")])
def test_diff_of_a_bad_dump_is_one_line_and_exit_2(capsys, tmp_path: Path, content: bytes, cause: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert cli.main(["diff", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and cause in err[0] and "bad.txt" in err[0]


def test_a_batch_of_good_and_bad_dumps_writes_valid_items_for_the_good_ones_and_counts_the_bad(
        capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("## 春耕生产有序推进\n\n" + UNTITLED, encoding="utf-8")
    (src / "b.txt").write_bytes(b"")
    (src / "c.txt").write_bytes(b"\x00\x01\x02")
    (src / "d.txt").write_bytes(("## 春耕\n\n" + UNTITLED).encode("gb18030"))
    (src / "e.txt").symlink_to(src / "missing.txt")
    assert cli.main(["clean", str(src), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert all(name in err for name in ("b.txt", "c.txt", "e.txt")) and "a.txt" not in err and "d.txt" not in err
    assert sorted(p.name for p in out.iterdir()) == ["a-01.xml", "a.json", "d-01.xml", "d.json"]
    assert cli.main(["validate", str(out), "-q"]) == 0
