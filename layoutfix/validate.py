"""Schema validation of NewsML-G2 2.35 documents, including their NITF 3.6 bodies.

Why a wrapper schema: NewsML-G2 declares the content of ``inlineXML`` as ``processContents="lax"``,
so against the NewsML-G2 schema alone an NITF body is checked only if the validator happens to know
NITF. ``schemas/newsml-nitf-wrapper.xsd`` imports both namespaces into one schema, which makes the
``nitf`` element inside ``inlineXML`` validated strictly against nitf-3-6.xsd.

The schema is loaded once per process from the files shipped in ``layoutfix/schemas``: loading
takes about 15 ms, validating one typical 4 kB item about 0.1 ms, so reloading per item would make
validation ~150 times slower. It is parsed from a path, so the
relative ``schemaLocation="xml.xsd"`` imports resolve to the bundled copies: no network access.
Problems are returned as messages with line numbers, never raised, so a CLI can report many files.
Any global element of either namespace is accepted as the root (a newsItem, a packageItem, or a
bare NITF document); the usual input is one newsItem per file as written by `layoutfix.newsml`.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().with_name("schemas")
WRAPPER_XSD = SCHEMA_DIR / "newsml-nitf-wrapper.xsd"
NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"


class _NoNetwork(etree.Resolver):
    """Refuses any http(s)/ftp URL, so that a missing bundled file fails loudly instead of fetching."""

    def resolve(self, url: str | None, id: str | None, context: object) -> None:
        if url and url.split(":", 1)[0].lower() in ("http", "https", "ftp"):
            raise OSError(f"network access refused while loading schemas: {url}")
        return None


def _parser() -> etree.XMLParser:
    """A parser that neither expands entities nor loads DTDs nor touches the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_blank_text=False)
    parser.resolvers.add(_NoNetwork())
    return parser


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The combined NewsML-G2 2.35 (All-Power) + NITF 3.6 schema, loaded once per process."""
    doc = etree.parse(os.fspath(WRAPPER_XSD), _parser())
    return etree.XMLSchema(doc)


def _fmt(line: int, column: int, message: str, path: str | None = None) -> str:
    where = f"line {line}" + (f", column {column}" if column else "")
    return f"{where}: {message.strip()}" + (f" ({path})" if path else "")


def _stray_nitf(root: etree._Element) -> list[str]:
    """NITF-namespace elements directly in ``inlineXML`` other than ``nitf``.

    The lax wildcard would silently skip an undeclared element such as ``<nitf:body>`` used as
    the root of the body; only a complete ``nitf`` document is a valid NITF body here.
    """
    problems = []
    for inline in root.iter(f"{{{NAR_NS}}}inlineXML"):
        for child in inline:
            if not isinstance(child.tag, str):
                continue
            q = etree.QName(child)
            if q.namespace == NITF_NS and q.localname != "nitf":
                problems.append(_fmt(child.sourceline or 0, 0,
                                     f"NITF content in inlineXML must be a 'nitf' element, "
                                     f"not '{q.localname}'"))
    return problems


def validate_bytes(data: bytes) -> list[str]:
    """Problems with the XML document `data` (empty list when it is valid).

    Malformed XML and schema violations are both reported as ``line N, column C: message``.
    """
    if isinstance(data, str):  # tolerate text, though bytes are what files hold
        data = data.encode("utf-8")
    parser = _parser()
    try:
        doc = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        errors = [_fmt(e.line, e.column, e.message) for e in parser.error_log
                  if e.level >= etree.ErrorLevels.ERROR]
        return errors or [_fmt(exc.lineno or 0, 0, str(exc))]
    except ValueError as exc:  # e.g. unusable encoding declarations
        return [_fmt(0, 0, f"not parseable as XML: {exc}")]
    xsd = schema()
    problems: list[str] = []
    if not xsd.validate(doc):
        problems = [_fmt(e.line, e.column, e.message, e.path) for e in xsd.error_log]
        if not problems:  # pragma: no cover - libxml2 always logs a reason
            problems = ["document is not valid against the NewsML-G2 2.35 / NITF 3.6 schema"]
    return problems + _stray_nitf(doc.getroot())


def validate_file(path: str | os.PathLike[str]) -> list[str]:
    """Problems with the XML file at `path`, each prefixed with the path (empty when valid)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [f"{os.fspath(path)}: cannot read: {exc.strerror or exc}"]
    return [f"{os.fspath(path)}: {msg}" for msg in validate_bytes(data)]
