"""NewsML-G2 2.35 output with NITF 3.6 bodies, and its validation against the bundled schemas."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from layoutfix.model import Item, Page
from layoutfix.newsml import NAR_NS, NITF_NS, item_guid, item_to_newsml, page_to_newsml, xml_safe
from layoutfix.validate import SCHEMA_DIR, schema, validate_bytes, validate_file

NS = {"g": NAR_NS, "n": NITF_NS}
WHEN = datetime(2024, 6, 3, 8, 30, tzinfo=timezone.utc)

FULL = Item(
    kind="article", section="要闻", kicker="引题文字", headline="主标题文字", subheadline="——副题文字",
    byline=("记者甲", "通讯员乙"), dateline="本报6月2日讯", paragraphs=("第一段。", "第二段。"),
    captions=("图为现场。",), tables=((("组别", "组长"), ("第一组", "张三\n李四")),),
    continued_from="第1版", truncated=True,
)


def tree(item: Item, page: Page | None = None, index: int = 1) -> etree._Element:
    return etree.fromstring(item_to_newsml(item, page=page, index=index, created=WHEN))


def texts(root: etree._Element, path: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.xpath(path, namespaces=NS)]


# -- every item validates ----------------------------------------------------------------------

def test_every_item_of_the_sample_pages_validates(cleaned: dict[str, Page]) -> None:
    for name, page in cleaned.items():
        assert page.items, f"{name}: no items to check"
        for i, item in enumerate(page.items, start=1):
            assert validate_bytes(item.to_newsml(page, i)) == [], (name, i, item.headline)


@pytest.mark.parametrize("item", [
    FULL,
    Item(),
    Item(kind="photo", byline=("摄影者",), captions=("说明一", "说明二\n第二行")),
    Item(kind="table", headline="名单", tables=((("甲", "乙"), ("丙",)), ())),
    Item(kind="notice", paragraphs=("公告正文。",)),
    Item(kind="article", headline="", kicker="", subheadline="", dateline="", section="",
         continued_from="", byline=("",), paragraphs=("",), captions=("",), tables=(((),),)),
    Item(kicker="只有引题"),
    Item(subheadline="只有副题", paragraphs=("正文。",)),
    Item(kind="some kind: with spaces", headline="   "),
], ids=["full", "empty", "photo", "table", "notice", "empty-strings", "kicker-only",
        "subheadline-only", "odd-kind"])
def test_items_of_every_shape_validate(item: Item) -> None:
    assert validate_bytes(item_to_newsml(item)) == []


# -- what goes where -----------------------------------------------------------------------------

def test_main_headline_comes_first_then_kicker_and_subheadline_with_declared_roles() -> None:
    root = tree(FULL)
    heads = root.xpath("g:contentMeta/g:headline", namespaces=NS)
    assert [(h.get("role"), h.text) for h in heads] == [
        (None, "主标题文字"), ("lfhl:kicker", "引题文字"), ("lfhl:subheadline", "——副题文字")]
    aliases = set(root.xpath("g:catalog/g:scheme/@alias", namespaces=NS))
    used = {h.get("role").split(":")[0] for h in heads[1:]}
    used |= {q.split(":")[0] for q in root.xpath("//g:*/@qcode", namespaces=NS)}
    assert used <= aliases and "ninat" in aliases
    assert texts(root, "//n:hedline/n:hl1") == ["主标题文字"]
    assert [(h.get("class"), h.text) for h in root.xpath("//n:hedline/n:hl2", namespaces=NS)] == [
        ("kicker", "引题文字"), ("subheadline", "——副题文字")]
    assert texts(root, "//n:head/n:title") == ["主标题文字"]


def test_headlines_without_a_main_headline_go_to_the_body_as_hl2() -> None:
    root = tree(Item(kicker="引题", subheadline="副题"))
    assert root.xpath("//n:hedline", namespaces=NS) == []
    assert texts(root, "//n:body/n:body.content/n:hl2") == ["引题", "副题"]
    assert [h.get("role") for h in root.xpath("g:contentMeta/g:headline", namespaces=NS)] == [
        "lfhl:kicker", "lfhl:subheadline"]


def test_item_metadata() -> None:
    root = tree(FULL)
    assert root.get("standard") == "NewsML-G2" and root.get("standardversion") == "2.35"
    assert root.xpath("g:itemMeta/g:itemClass/@qcode", namespaces=NS) == ["ninat:text"]
    assert root.xpath("g:contentMeta/g:language/@tag", namespaces=NS) == ["zh-CN"]
    assert texts(root, "g:itemMeta/g:versionCreated") == ["2024-06-03T08:30:00+00:00"]
    assert texts(root, "g:contentMeta/g:dateline") == ["本报6月2日讯"]
    assert texts(root, "g:contentMeta/g:by") == ["记者甲 通讯员乙"]
    assert root.xpath("g:contentMeta/g:genre/@qcode", namespaces=NS) == ["lfkind:article"]
    assert root.xpath("g:itemMeta/g:signal/@qcode", namespaces=NS) == ["lfsig:truncated"]
    assert tree(Item()).xpath("g:itemMeta/g:signal", namespaces=NS) == []


def test_nitf_body_carries_every_field() -> None:
    root = tree(FULL)
    assert texts(root, "//n:body.head/n:byline/n:person") == ["记者甲", "通讯员乙"]
    assert texts(root, "//n:body.head/n:dateline") == ["本报6月2日讯"]
    assert texts(root, "//n:body/n:body.content/n:p") == ["第一段。", "第二段。"]
    assert texts(root, "//n:note[@class='continued_from']//n:p") == ["第1版"]
    assert root.xpath("//n:head/n:pubdata/@position.section", namespaces=NS) == ["要闻"]
    assert texts(root, "//n:media[@media-type='image']/n:media-caption") == ["图为现场。"]
    rows = root.xpath("//n:table/n:tr", namespaces=NS)
    assert [[("".join(td.itertext()), len(td)) for td in tr] for tr in rows] == [
        [("组别", 0), ("组长", 0)], [("第一组", 0), ("张三李四", 1)]]
    cell = rows[1][1]
    assert (cell.text, etree.QName(cell[0]).localname, cell[0].tail) == ("张三", "br", "李四")


EMPTY_SHA1 = "da39a3ee"  # sha1("")[:8]: the pages below have no raw text


def test_guid_is_derived_from_the_page_source_its_text_and_index() -> None:
    page = Page(source="pages/012_abc.txt", raw="")
    assert tree(FULL, page, 3).get("guid") == f"urn:layoutfix:012_abc-{EMPTY_SHA1}:03"
    assert item_guid(FULL, Page(source="第 1 版.txt", raw="")) == \
        f"urn:layoutfix:%E7%AC%AC%201%20%E7%89%88-{EMPTY_SHA1}:01"
    assert item_guid(FULL) == item_guid(FULL) != item_guid(Item())
    # the same file name on another day is another page: another guid; the same page keeps its guid
    other = Page(source="pages/012_abc.txt", raw="另一天的版面。")
    assert item_guid(FULL, other) != item_guid(FULL, page)
    assert item_guid(FULL, other) == item_guid(FULL, Page(source="x/012_abc.txt", raw="另一天的版面。"))
    # the same page saved with CRLF line ends or an extra blank line is the same page (review13b)
    lines = Page(source="012_abc.txt", raw="## 标题\n\n第一段。\n")
    for same in ("## 标题\r\n\r\n第一段。\r\n", "## 标题\n\n第一段。\n\n\n"):
        assert item_guid(FULL, Page(source="012_abc.txt", raw=same)) == item_guid(FULL, lines)


def test_a_page_gives_one_newsitem_per_item_numbered_from_one() -> None:
    page = Page(source="007_x.txt", raw="", items=(FULL, Item(), FULL))
    docs = page_to_newsml(page, created=WHEN)
    assert [etree.fromstring(d).get("guid") for d in docs] == [
        f"urn:layoutfix:007_x-{EMPTY_SHA1}:{n:02d}" for n in (1, 2, 3)]
    assert docs[2] == item_to_newsml(FULL, page, 3, created=WHEN)


def test_output_is_deterministic_for_a_given_time() -> None:
    assert item_to_newsml(FULL, created=WHEN) == item_to_newsml(FULL, created=WHEN)
    assert item_to_newsml(FULL, created=WHEN).startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_characters_xml_cannot_carry_are_dropped_and_nothing_else() -> None:
    assert xml_safe("a\x00b\x0bc\ud800d\udfffe\ufffef\uffffg\t\n\r\U0001F600") == "abcdefg\t\n\r\U0001F600"
    root = tree(Item(headline="标\x01题\ud83d", paragraphs=("<&>\"'\x1f",)))
    assert texts(root, "g:contentMeta/g:headline") == ["标题"]
    assert texts(root, "//n:body/n:body.content/n:p") == ["<&>\"'"]


# -- arbitrary text ------------------------------------------------------------------------------

nasty = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(categories=["Cs", "Cc", "Zs", "Zl", "Co", "Cn"])),
    st.text(alphabet="\x00\x01\x0b\x7f\x85\ud800\udfff\ufffe\uffff \t\n\r中a&<>\"':]]>"),
)
opt = st.none() | nasty


@st.composite
def items(draw: st.DrawFn) -> Item:
    return Item(
        kind=draw(nasty), section=draw(opt), kicker=draw(opt), headline=draw(opt),
        subheadline=draw(opt), byline=tuple(draw(st.lists(nasty, max_size=3))),
        dateline=draw(opt), paragraphs=tuple(draw(st.lists(nasty, max_size=4))),
        captions=tuple(draw(st.lists(nasty, max_size=2))),
        tables=tuple(tuple(tuple(r) for r in t)
                     for t in draw(st.lists(st.lists(st.lists(nasty, max_size=3), max_size=3),
                                            max_size=2))),
        continued_from=draw(opt), truncated=draw(st.booleans()),
    )


@settings(max_examples=200, deadline=None)
@given(item=items(), source=nasty, index=st.integers(min_value=1, max_value=10_000))
def test_any_text_in_any_field_gives_valid_newsml(item: Item, source: str, index: int) -> None:
    data = item_to_newsml(item, page=Page(source=source, raw=""), index=index, created=WHEN)
    assert validate_bytes(data) == []


@settings(max_examples=100, deadline=None)
@given(paragraphs=st.lists(nasty, max_size=5))
def test_paragraph_text_survives_apart_from_forbidden_characters(paragraphs: list[str]) -> None:
    root = tree(Item(headline="题", paragraphs=tuple(paragraphs)))
    kept = [xml_safe(p) for p in paragraphs if xml_safe(p).strip()]
    assert texts(root, "//n:body/n:body.content/n:p") == kept


# -- validation reports, never raises ----------------------------------------------------------

def good() -> bytes:
    return item_to_newsml(FULL, created=WHEN)


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"<newsItem><oops></newsItem>", "mismatch"),
    (b"<?xml version='1.0' encoding='no-such'?><a/>", "encoding"),
    (b"<a/>", "no matching global declaration"),
])
def test_broken_documents_are_reported_with_a_line_number(data: bytes, expected: str) -> None:
    problems = validate_bytes(data)
    assert problems and re.match(r"line \d+", problems[0]) and expected in problems[0].lower()


def test_an_invalid_nitf_body_inside_inline_xml_is_reported() -> None:
    bad = good().replace(b"<hl1>", b"<hl9>").replace(b"</hl1>", b"</hl9>")
    (problem,) = validate_bytes(bad)
    assert "hl9" in problem and "hl1" in problem


def test_a_bare_nitf_body_element_in_inline_xml_is_reported() -> None:
    root = etree.fromstring(good())
    inline = root.find(".//g:inlineXML", NS)
    nitf = inline[0]
    inline.replace(nitf, nitf.find("n:body", NS))
    assert any("'body'" in p for p in validate_bytes(etree.tostring(root)))


def test_an_invalid_newsml_envelope_is_reported() -> None:
    bad = good().replace(b'qcode="ninat:text"', b'qcode="no code"')
    assert any("qcode" in p for p in validate_bytes(bad))


def test_validate_file_prefixes_the_path_and_reports_unreadable_files(tmp_path: Path) -> None:
    ok, bad = tmp_path / "ok.xml", tmp_path / "bad.xml"
    ok.write_bytes(good())
    bad.write_bytes(b"<x")
    assert validate_file(ok) == []
    assert all(p.startswith(f"{bad}: line 1") for p in validate_file(bad)) and validate_file(bad)
    assert validate_file(tmp_path / "missing.xml")[0].startswith(f"{tmp_path / 'missing.xml'}: ")


def test_the_schema_is_loaded_once() -> None:
    assert schema() is schema()


def test_bundled_schemas_are_the_upstream_files_listed_in_the_readme() -> None:
    readme = (SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| (\S+) \| \S+ \| ([0-9a-f]{64}) \|$", readme, re.M))
    assert set(listed) >= {"NewsML-G2_2.35-spec-All-Power.xsd", "xml.xsd", "nitf-3-6.xsd",
                           "nitf-3-6-ruby-include.xsd", "LICENSE-IPTC-CC-BY-4.0.txt"}
    for name, digest in listed.items():
        assert hashlib.sha256((SCHEMA_DIR / name).read_bytes()).hexdigest() == digest, name
    assert "License Agreement" in (SCHEMA_DIR / "nitf-3-6.xsd").read_text(encoding="utf-8")


def test_library_calls_without_a_source_get_guids_from_their_content() -> None:
    import layoutfix

    a = layoutfix.clean("第一篇文章的正文。\n")
    b = layoutfix.clean("另一篇完全不同的文章正文。\n")
    assert item_guid(a.items[0], a) != item_guid(b.items[0], b)
    assert "%3C" not in item_guid(a.items[0], a)
