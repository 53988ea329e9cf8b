"""NewsML-G2 2.35 output: one `newsItem` per item, with an NITF 3.6 body inside `inlineXML`.

Why this shape:

* The file is self-contained: every QCode alias it uses (``ninat``, ``stat`` and layoutfix's own
  headline-role, item-kind and signal schemes) is declared in an inline ``catalog``, so a consumer
  needs no network access to resolve them (IPTC's own catalogue maps ``ninat``/``stat`` to the
  same URIs).
* The main headline is the first ``headline`` (no role); kicker and subheadline follow with roles
  from the inline ``lfhl`` scheme. NITF's ``hedline`` requires ``hl1`` first, so there the kicker
  and subheadline are ``hl2`` elements told apart by ``class``.
* The tree is built with lxml, never by string concatenation, and every text and attribute value
  first loses the characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates,
  U+FFFE/U+FFFF), so arbitrary OCR text can never make lxml raise or produce invalid XML.
* The guid is stable: ``urn:layoutfix:<page>:<NN>`` from the page's source name and the item's
  1-based index, so re-running the pipeline on the same dump yields the same identifiers.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime, timezone
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable
from urllib.parse import quote

from lxml import etree

from .stages.segment.tables import is_table_footnote

if TYPE_CHECKING:  # pragma: no cover
    from .model import Item, Page

NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = "zh-CN"
NITF_CONTENT_TYPE = "application/nitf+xml"

# Aliases declared in every item's inline catalog: alias -> (scheme URI, definition).
SCHEMES: dict[str, tuple[str, str]] = {
    "ninat": ("http://cv.iptc.org/newscodes/ninature/", "IPTC Nature of news item"),
    "stat": ("http://cv.iptc.org/newscodes/pubstatusg2/", "IPTC Publishing status"),
    "lfhl": ("urn:layoutfix:cv:headline-role:",
             "Role of a headline printed above (kicker) or below (subheadline) the main headline"),
    "lfkind": ("urn:layoutfix:cv:item-kind:", "Kind of page item: article, photo, table, notice"),
    "lfsig": ("urn:layoutfix:cv:signal:",
              "Processing signals; truncated = the text stops mid-sentence on this page"),
}
KICKER_ROLE = "lfhl:kicker"
SUBHEADLINE_ROLE = "lfhl:subheadline"

# Everything outside XML 1.0's Char production (lone surrogates included).
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CODE_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def xml_safe(text: str | None) -> str:
    """`text` without the characters XML 1.0 cannot carry (None becomes "")."""
    if not text:
        return ""
    return _FORBIDDEN.sub("", text)


def _present(text: str | None) -> bool:
    """A field is written only when something printable is left after cleaning."""
    return bool(xml_safe(text).strip())


def page_name(item: "Item", page: "Page | None") -> str:
    """The page part of the guid: the source file's stem and a hash of the page's text, or the hash alone.

    Dumps are named by page number, so every day has its '01.txt': a stem alone would give two days' first
    articles one guid, and a receiver takes a guid as the item's identity. The hash reads the text without its
    whitespace, so the same page saved with other line ends or blank lines keeps its guids; a corrected page
    (any character changed) is another page and gets new ones."""
    basis = "".join(page.raw.split()) if page is not None else json.dumps(item.to_dict(), ensure_ascii=False)
    digest = hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()
    # "<input>", "<stdin>": a placeholder, not a file; two such pages must not share a guid
    named = page is not None and page.source and not page.source.startswith("<")
    stem = xml_safe(PurePath(page.source).stem) if named and page is not None else ""
    if stem.strip():
        return f"{quote(stem, safe='-._~')}-{digest[:8]}"
    return digest[:16]


def item_guid(item: "Item", page: "Page | None" = None, index: int = 1) -> str:
    """Stable identifier ``urn:layoutfix:<page>:<NN>`` (`page_name` gives ``<page>``)."""
    return f"urn:layoutfix:{page_name(item, page)}:{index:02d}"


def _now() -> datetime:
    """Now (UTC), or SOURCE_DATE_EPOCH when set, so that builds can be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def _timestamp(created: datetime | None) -> str:
    """xs:dateTime with zone and whole seconds (naive times are taken as UTC)."""
    if created is None:
        created = _now()
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    return created.replace(microsecond=0).isoformat()


Attrs = dict[str, str]


def _sub(parent: etree._Element, ns: str, tag: str, text: str | None,
         attrs: Attrs | None) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for k, v in (attrs or {}).items():
        el.set(k, xml_safe(v))
    if text is not None:
        el.text = xml_safe(text)
    return el


def _nar(parent: etree._Element, tag: str, text: str | None = None,
         attrs: Attrs | None = None) -> etree._Element:
    return _sub(parent, NAR_NS, tag, text, attrs)


def _nitf(parent: etree._Element, tag: str, text: str | None = None,
          attrs: Attrs | None = None) -> etree._Element:
    return _sub(parent, NITF_NS, tag, text, attrs)


def _lines_into(el: etree._Element, text: str) -> None:
    """Put `text` into `el`, each line break becoming an NITF ``<br/>`` (multi-line table cells)."""
    lines = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    el.text = lines[0]
    for line in lines[1:]:
        br = _nitf(el, "br")
        br.tail = line


def _kind_code(kind: str) -> str:
    code = _CODE_UNSAFE.sub("_", xml_safe(kind)) or "unknown"
    return f"lfkind:{code}"


def _catalog(root: etree._Element) -> None:
    catalog = _nar(root, "catalog")
    for alias, (uri, definition) in SCHEMES.items():
        scheme = _nar(catalog, "scheme", attrs={"alias": alias, "uri": uri})
        _nar(scheme, "definition", definition).set(f"{{{XML_NS}}}lang", "en")


def _item_meta(root: etree._Element, item: "Item", stamp: str) -> None:
    from . import __version__

    meta = _nar(root, "itemMeta")
    _nar(meta, "itemClass", attrs={"qcode": "ninat:text"})
    _nar(meta, "provider", attrs={"literal": "layoutfix"})
    _nar(meta, "versionCreated", stamp)
    _nar(meta, "firstCreated", stamp)
    _nar(meta, "pubStatus", attrs={"qcode": "stat:usable"})
    _nar(meta, "generator", "layoutfix", {"versioninfo": __version__})
    if item.truncated:
        _nar(meta, "signal", attrs={"qcode": "lfsig:truncated"})


def _content_meta(root: etree._Element, item: "Item") -> None:
    meta = _nar(root, "contentMeta")
    _nar(meta, "language", attrs={"tag": LANG})
    _nar(meta, "genre", attrs={"qcode": _kind_code(item.kind)})
    if _present(item.headline):
        _nar(meta, "headline", item.headline)
    if _present(item.kicker):
        _nar(meta, "headline", item.kicker, {"role": KICKER_ROLE})
    if _present(item.subheadline):
        _nar(meta, "headline", item.subheadline, {"role": SUBHEADLINE_ROLE})
    if _present(item.dateline):
        _nar(meta, "dateline", item.dateline)
    names = [n for n in item.byline if _present(n)]
    if names:
        _nar(meta, "by", " ".join(xml_safe(n) for n in names))


def _nitf_body(parent: etree._Element, item: "Item") -> None:
    nitf = etree.SubElement(parent, f"{{{NITF_NS}}}nitf", nsmap={None: NITF_NS})
    head = _nitf(nitf, "head")
    title = next((t for t in (item.headline, item.kicker, item.subheadline) if _present(t)), None)
    if title is not None:
        _nitf(head, "title", title)
    if _present(item.section):
        _nitf(head, "pubdata", attrs={"type": "print", "position.section": item.section or ""})

    body = _nitf(nitf, "body")
    body_head = _nitf(body, "body.head")
    content_first: list[tuple[str, str]] = []  # hl2 that cannot go into hedline (no hl1)
    extra = [(t, c) for t, c in ((item.kicker, "kicker"), (item.subheadline, "subheadline"))
             if _present(t)]
    if _present(item.headline):
        hedline = _nitf(body_head, "hedline")
        _nitf(hedline, "hl1", item.headline)
        for text, cls in extra:
            _nitf(hedline, "hl2", text, {"class": cls})
    else:
        content_first = [(t or "", c) for t, c in extra]
    if _present(item.continued_from):
        note = _nitf(body_head, "note", attrs={"noteclass": "editorsnote", "type": "pa",
                                              "class": "continued_from"})
        _nitf(_nitf(note, "body.content"), "p", item.continued_from)
    names = [n for n in item.byline if _present(n)]
    if names:
        byline = _nitf(body_head, "byline")
        for i, name in enumerate(names):
            person = _nitf(byline, "person", name)
            if i < len(names) - 1:
                person.tail = " "
    if _present(item.dateline):
        _nitf(body_head, "dateline", item.dateline)

    content = _nitf(body, "body.content")
    for text, cls in content_first:
        _nitf(content, "hl2", text, {"class": cls})
    for para in item.paragraphs:
        if _present(para):
            _nitf(content, "p", para)
    captions = [c for c in item.captions if _present(c)]
    # a table item's captions are its table's notes (title, unit line, footnote): the first table's <caption>,
    # never a photo without an image (review26a: '单位：亿元' had been written as <media media-type="image">)
    # an article printing a table keeps its footnote ('注：…') as a caption too: that one is the table's (review27a)
    if item.kind == "table" and item.tables:
        table_notes = captions
    else:
        table_notes = [c for c in captions if item.tables and is_table_footnote(c)]
    for k, table in enumerate(item.tables):
        _table(content, table, table_notes if k == 0 else [])
    for caption in [c for c in captions if c not in table_notes]:
        media = _nitf(content, "media", attrs={"media-type": "image"})
        _nitf(media, "media-reference")
        _lines_into(_nitf(media, "media-caption"), caption)
        if item.kind == "photo":  # the photographer credited under the photo: NITF's credit of a media object
            for name in (n for n in item.byline if _present(n)):
                _nitf(media, "media-producer", name)


def _table(parent: etree._Element, rows: Iterable[Iterable[str]], notes: Iterable[str] = ()) -> None:
    """An NITF table, its `notes` (a title, unit line or footnote) as its caption, one line each; rows without
    cells are dropped (``tr`` needs at least one cell)."""
    table = _nitf(parent, "table")
    notes = list(notes)
    if notes:
        _lines_into(_nitf(table, "caption"), "\n".join(notes))
    for row in rows:
        cells = list(row)
        if not cells:
            continue
        tr = _nitf(table, "tr")
        for cell in cells:
            _lines_into(_nitf(tr, "td"), cell or "")


def _item_element(item: "Item", page: "Page | None", index: int, stamp: str) -> etree._Element:
    root = etree.Element(f"{{{NAR_NS}}}newsItem", nsmap={None: NAR_NS})
    root.set("guid", item_guid(item, page, index))
    root.set("version", "1")
    root.set("standard", "NewsML-G2")
    root.set("standardversion", "2.35")
    root.set("conformance", "power")
    root.set(f"{{{XML_NS}}}lang", LANG)
    _catalog(root)
    _item_meta(root, item, stamp)
    _content_meta(root, item)
    content_set = _nar(root, "contentSet")
    inline = _nar(content_set, "inlineXML", attrs={"contenttype": NITF_CONTENT_TYPE})
    _nitf_body(inline, item)
    return root


def item_to_newsml(item: "Item", page: "Page | None" = None, index: int = 1,
                   created: datetime | None = None) -> bytes:
    """`item` as a NewsML-G2 2.35 ``newsItem`` document (UTF-8 bytes with XML declaration).

    `page` supplies the source name for the guid; `index` is the item's 1-based position on the
    page; `created` sets versionCreated/firstCreated (default: SOURCE_DATE_EPOCH, else now, UTC).
    """
    root = _item_element(item, page, index, _timestamp(created))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def page_to_newsml(page: "Page", created: datetime | None = None) -> list[bytes]:
    """One newsItem per item of `page`, numbered from 1 (same timestamp for all)."""
    stamp = created if created is not None else _now()
    return [item_to_newsml(it, page=page, index=i, created=stamp)
            for i, it in enumerate(page.items, start=1)]


def page_to_message(page: "Page", created: datetime | None = None) -> bytes | None:
    """All items of `page` in one NewsML-G2 ``newsMessage`` document; None for a page with no item.

    One stream can hold one XML document only, so `layoutfix clean --format xml` prints this
    (the schema's container "to exchange one or more items"), while `-o` writes one file per item.
    An empty ``itemSet`` is not valid, hence None for a page whose text all went to noise.
    """
    if not page.items:
        return None
    stamp = _timestamp(created)
    root = etree.Element(f"{{{NAR_NS}}}newsMessage", nsmap={None: NAR_NS})
    _nar(_nar(root, "header"), "sent", stamp)
    items = _nar(root, "itemSet")
    for i, it in enumerate(page.items, start=1):
        items.append(_item_element(it, page, i, stamp))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
