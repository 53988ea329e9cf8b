"""review22a: pins for behaviours that hold on 52644b6 and that no test held in this form. Invented text only."""
from __future__ import annotations

import layoutfix
from layoutfix.stages.read import decode
from layoutfix.validate import validate_bytes
from layoutfix.newsml import page_to_newsml


def test_a_gb18030_page_with_a_four_byte_character_is_read_as_gb18030_and_keeps_it() -> None:
    # a rare name character outside the BMP is four bytes in GB18030; it is no private-use character and no Big5
    page = "## 青石县农民种菜增收\n\n本报讯 青石县农民王\U00020000今年种了二十亩大棚蔬菜。\n"
    text, name = decode(page.encode("gb18030"))
    assert (text, name) == (page, "gb18030")


def test_edits_after_a_form_feed_or_a_line_separator_keep_the_editors_line_numbers() -> None:
    # str.splitlines ends a line at FF, VT, NEL and U+2028; read numbers lines at CR, LF and CRLF only, so a
    # half-width comma on line 3 is logged at line 3 whatever separators stand inside lines 1 and 2
    for sep in ("\x0c", "\x0b", "\x85", "\u2028"):
        dump = f"## 青石县新建水库{sep}\n本报讯 青石县今年新建了三座水库，{sep}灌溉面积扩大到两万亩。\n村民们都说,这是好事。"
        page = layoutfix.clean(dump)
        (punct,) = [e for e in page.edits if e.kind == "punct"]
        assert (punct.before, punct.after, punct.line) == (",", "，", 3)
        assert not page.unaccounted()


def test_a_page_of_marks_and_controls_alone_gives_valid_newsml_or_nothing() -> None:
    # a page with no letters at all (rules, marks, a terminal's colour codes) goes to noise; whatever items it
    # makes are valid NewsML-G2
    for dump in ("——————\n\n＊＊＊\n\n\x1b[31m……\x1b[0m", "## \n##\n## ## ##", "，。、；：“”\n\n（）"):
        page = layoutfix.clean(dump)
        assert not page.unaccounted()
        for doc in page_to_newsml(page):
            assert validate_bytes(doc) == []
