"""Stage `read`: bytes to blocks, with their source lines and first guesses at their roles.

Decoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise UTF-16
without a BOM (NUL bytes, or hanzi and CJK marks alone reading as more common
characters than every other reading); otherwise GB18030 or Big5, whichever strict
decoding reads as the more common characters (`_gb_or_big5`; charset-normalizer
breaks a tie). Binary
input (NUL bytes, control characters) and empty input are refused with an
`InputError` naming the cause.

Blocks: one block per non-blank line; consecutive tab-separated lines form
one table block, and so do lines whose cells a dump aligned with runs of spaces
(`space_tables`). Blocks get flags for what later stages look for: `dateline`
(本报讯, 本报5月26日讯, 新华社…电) and `furniture` (hotline footers, editor
lines, page-header dates). `## ` marks a title line (the marker is recorded as an edit).
A photo credit glued to the end of a caption line becomes a block of its own, the caption flagged `credited`.
"""
from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from ..config import Config
from ..errors import InputError
from ..model import BYLINE, CREDIT, JUMP, TABLE, TEXT, TITLE, Block, Edit, Page
from .. import patterns
from .normalize import _opencc
from ..textutil import HAN_CLASS, display_width, is_cjkish

STAGE = "read"
# the suffix `decode` gives an encoding name when the dump ends inside a character (shown as U+FFFD)
CUT_AT_END = " (last character cut)"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, encoding: str | None = None, source: str = "<input>") -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    if not data or not data.strip():
        raise InputError("empty input", source)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", source) from None
        except UnicodeDecodeError as e:
            if e.start >= len(data) - 3 and e.end == len(data) and (  # cut inside its last character, as
                    e.reason in ("unexpected end of data", "truncated data")  # detected dumps are read (review23a)
                    or (e.reason == "incomplete multibyte sequence" and 0x81 <= data[e.start] <= 0xFE)):
                try:
                    return data[:e.start].decode(encoding) + "\ufffd", encoding + CUT_AT_END
                except UnicodeDecodeError:
                    pass
            raise InputError(f"not valid {encoding} at byte {e.start}", source) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as e:
                if e.start >= len(data) - 3 and e.end == len(data):  # cut inside its last character
                    try:
                        return data[:e.start].decode(name) + "\ufffd", name.replace("-sig", "") + CUT_AT_END
                    except UnicodeDecodeError:
                        pass
                raise InputError(f"not valid {name} at byte {e.start}", source) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if "\x00" in text:  # UTF-16 whose bytes are all below 0x80 is valid UTF-8 with NULs
            wide = _utf16(data)
            quarter = 4 * text.count("\x00") >= len(text)  # no UTF-8 text has NULs in a quarter of its characters
            if wide is not None and (wide[2] > UTF16_COMMON or (quarter and wide[2] >= 0)):
                return wide[:2]  # common hanzi, or a UTF-16 reading that is text, not rare characters
            if quarter:  # junk with NULs reads as rare characters (below 0) in UTF-16 too
                raise InputError("binary file (contains NUL bytes), not a text dump", source)
        return text, "utf-8"
    # text in UTF-16 without a BOM has NULs in every other byte (ASCII, line breaks); anything else with NULs
    # is binary. Hanzi alone have none: then a reading all of hanzi and CJK marks, in the byte order that reads
    # as common characters, must beat the other readings of the bytes. (Hanzi whose bytes are all ASCII stay
    # ASCII: an English word reads as common hanzi just as often; --encoding says otherwise.)
    wide = _utf16(data)
    if wide is not None and b"\x00" in data and wide[2] >= 0:  # garbage reads as rare characters: below 0
        return wide[:2]
    likely_wide = wide if wide is not None and wide[2] > UTF16_COMMON and all(map(is_cjkish, wide[0])) else None
    if (utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3
            and likely_wide is None):
        # a dump cut inside its last character: keep the text, show the cut as U+FFFD (read logs it)
        return data[:utf8_error.start].decode("utf-8") + "\ufffd", "utf-8" + CUT_AT_END
    if b"\x00" in data:
        if (cut := _cut_utf16(data)) is not None:
            return cut
        raise InputError("binary file (contains NUL bytes), not a text dump", source)
    got = _gb_or_big5(data)
    if got is None:  # a GB18030 or Big5 dump cut inside its last character (a transfer that lost a byte or two)
        got = _cut_double_byte(data)
    if likely_wide is not None and (got is None or likely_wide[2] > _commonness(got[0])):
        return likely_wide[:2]
    if got is None:
        raise InputError(_undecodable(data, utf8_error), source)
    if got[1].startswith("gb18030") and (mixed := _private_use_line(got[0])):
        raise InputError(mixed, source)
    codec = got[1].removesuffix(CUT_AT_END)
    if (mixed := _utf8_line(data, codec)):
        raise InputError(mixed, source)
    if codec in BIG5_CODECS and (mixed := _gb18030_line(data, codec)):
        raise InputError(mixed, source)
    return got


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_MIXED = "which --encoding cannot mend: convert the lines that differ"  # (both refusals of a mixed file say it)
PRIVATE_USE_LINES = 50  # lines holding private-use characters that are re-read as Big5, at most (the first ones)


def _private_use_line(text: str) -> str:
    """Why a GB18030 reading is refused, or '' when it is not: Big5 bytes read as GB18030 fall partly in the rows
    GB18030 maps to the private-use area (U+E000-U+F8FF), so a file that is mostly GB18030 with a Big5 paragraph
    would come out with that paragraph as mojibake (review20a). A line that holds such characters is read again
    as Big5 from its own bytes; it is a Big5 line when that reading is strict and more common (`_commonness`).
    A GB18030 page may hold private-use characters of its own (review21a: a rare name character set in a
    user-defined code, GB18030-2005's CJK components, vertical punctuation): such a line reads worse as Big5."""
    if _PRIVATE_USE.search(text) is None:  # (a regex scan of the page first: most pages hold none)
        return ""
    seen = 0
    for n, gb in enumerate(raw_lines(text), 1):
        if _PRIVATE_USE.search(gb) is None:
            continue
        seen += 1
        if seen > PRIVATE_USE_LINES:
            break
        big5 = _big5(gb.encode("gb18030"))
        if big5 is not None and _commonness(big5[0]) > _commonness(gb):
            return (f"read as GB18030, line {n} reads as Big5 (its GB18030 reading holds private-use characters): "
                    f"the file may mix encodings, {_MIXED} (--encoding gb18030 reads the file as it is, that line "
                    f"as mojibake)")
    return ""


_BYTE_LINES = re.compile(rb"\r\n|\r|\n")  # `raw_lines` on bytes: no Big5 or GB18030 byte is a CR or LF
MIXED_MARGIN = 0.5  # how much more common (`_commonness`) a line must read in the other codec to be of it


def _gb18030_line(data: bytes, codec: str) -> str:
    """Why a Big5 reading is refused, or '' when it is not: some lines read as clearly more common characters in
    GB18030 than in Big5 and others the other way round, so the file mixes the two (review22a: a GB18030 page
    with a cp950 line reads whole as Big5-HKSCS, its GB18030 lines as rare characters). The refusal names the
    first line of the encoding that holds fewer of the file's bytes. Lines that read alike are not asked."""
    lines: dict[str, list[int]] = {"gb18030": [], codec: []}
    size = {"gb18030": 0, codec: 0}
    for n, line in enumerate(_BYTE_LINES.split(data), 1):
        wide = sum(b >= 0x80 for b in line)
        if wide < 8:  # four double-byte characters at least: a short line reads alike
            continue
        try:
            gb = line.decode("gb18030")
        except UnicodeDecodeError:
            continue
        try:
            big5 = line.decode(codec)  # (every line does, but for a last line cut inside its last character)
        except UnicodeDecodeError:
            continue
        if gb == big5:
            continue
        margin = _commonness(gb) - _commonness(big5)
        side = "gb18030" if margin > MIXED_MARGIN else codec if margin < -MIXED_MARGIN else None
        if side is not None:
            lines[side].append(n)
            size[side] += wide
    if not lines["gb18030"] or not lines[codec]:
        return ""
    page, other = ("gb18030", codec) if size["gb18030"] > size[codec] else (codec, "gb18030")
    name = {"gb18030": "GB18030", codec: "Big5"}
    return (f"read as {name[page]}, line {lines[other][0]} reads as {name[other]}: the file may mix encodings, "
            f"{_MIXED} (--encoding {page} reads the file as it is, that line as mojibake)")


def _utf8_line(data: bytes, codec: str) -> str:
    """Why a GB18030 or Big5 reading of a file that is no valid UTF-8 is refused, or '' when it is not: a line of
    it is valid UTF-8 and reads as clearly more common characters so (review25a: a UTF-8 title over a GB18030 body
    came back as mojibake, silently). A line of GB18030 or Big5 text is hardly ever valid UTF-8 as well."""
    for n, line in enumerate(_BYTE_LINES.split(data), 1):
        if sum(b >= 0x80 for b in line) < 6:  # two hanzi in UTF-8 at least: a short line reads alike
            continue
        try:
            utf8 = line.decode("utf-8")
            other = line.decode(codec)
        except UnicodeDecodeError:
            continue
        if _commonness(utf8) - _commonness(other) > MIXED_MARGIN:
            name = "GB18030" if codec.startswith("gb") else "Big5"
            return (f"read as {name}, line {n} reads as UTF-8: the file may mix encodings, {_MIXED} "
                    f"(--encoding {codec} reads the file as it is, that line as mojibake)")
    return ""


def _undecodable(data: bytes, error: UnicodeDecodeError) -> str:
    """The refusal of bytes no encoding reads: where UTF-8 fails, by line as an editor shows it, and the way out.
    When the lines before that one are UTF-8 with Chinese in them, the file most likely mixes encodings, which
    `--encoding` (one encoding for the whole file) cannot mend (review18a)."""
    line = len(raw_lines(data[:error.start].decode("utf-8")))  # the bytes before the error are valid UTF-8
    where = f"not UTF-8 ({error.reason} at byte {error.start}, line {line}), GB18030, Big5 or UTF-16"
    line_start = max(data.rfind(b"\n", 0, error.start), data.rfind(b"\r", 0, error.start)) + 1
    if any(b >= 0x80 for b in data[:line_start]):
        return (f"undecodable bytes: {where}; the lines before line {line} read as UTF-8, so the file may mix "
                f"encodings, {_MIXED}")
    return f"undecodable bytes: {where} (use --encoding)"


UTF16_COMMON = 0.5  # mean commonness a UTF-16 reading (of valid UTF-8 with NULs, or NUL-free) needs to be taken


def _readings(data: bytes, names: tuple[str, ...]) -> dict[str, str]:
    """Codec name -> text, for each codec that decodes the data strictly into text with hardly a control character."""
    texts = {}
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_share(text) < 0.01:
            texts[name] = text
    return texts


def _utf16(data: bytes) -> tuple[str, str, float] | None:
    """(text, byte order, its `_commonness`) of the UTF-16 byte order (no BOM) that reads the data as text, or None.

    Both orders often decode; the right one reads as the more common characters (`_commonness`: a Han
    character's byte pair swapped is a rare one, ASCII swapped is U+xx00). Where they tie, an ASCII
    character's NUL, its high byte, says the order: first in big-endian, second in little-endian.
    """
    texts = _readings(data, ("utf-16-le", "utf-16-be"))
    if not texts:
        return None
    high_first = data[0::2].count(0) > data[1::2].count(0)
    score = {name: _commonness(text) for name, text in texts.items()}
    name = max(texts, key=lambda n: (score[n], (n == "utf-16-be") == high_first))
    return texts[name], name, score[name]


def _cut_utf16(data: bytes) -> tuple[str, str] | None:
    """(text with the cut shown as U+FFFD, byte order + CUT_AT_END) of UTF-16 without a BOM that lost its last byte,
    or was cut inside a character beyond the BMP (a surrogate pair: 1 to 3 of its 4 bytes left, review23a); None
    if no such cut reads as text."""
    for k in (1, 2, 3):
        if (len(data) - k) % 2:
            continue
        cut = _utf16(data[:-k])
        if cut is None or cut[2] < 0:
            continue
        lead = data[len(data) - k:len(data) - k + 2] if k > 1 else b""  # a cut pair: a high surrogate first
        if lead and not 0xD8 <= lead[cut[1] == "utf-16-le"] <= 0xDB:
            continue
        return cut[0] + "\ufffd", cut[1] + CUT_AT_END
    return None


def _gb_or_big5(data: bytes) -> tuple[str, str] | None:
    """Tell a GB18030 dump from a Big5 one.

    Both codecs decode most double-byte text, and charset-normalizer, built for long documents, refuses or
    misreads a short line (a caption, a signature, one sentence). So each strict decoding is read in
    simplified characters and scored by how common its characters are by GB2312's own order (`_commonness`);
    the misreading turns real words into rare characters. charset-normalizer decides only a tie.
    """
    texts = _readings(data, ("gb18030",))
    big5 = _big5(data)
    if big5 is not None:
        texts["big5"] = big5[0]
    if len(texts) == 2:
        score = {name: _commonness(text) for name, text in texts.items()}
        if score["gb18030"] != score["big5"]:
            del texts[min(score, key=score.__getitem__)]
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
            if best is not None and best.encoding.replace("_", "-") in texts:
                del texts["big5" if best.encoding.replace("_", "-") == "gb18030" else "gb18030"]
            else:
                del texts["big5"]
    if not texts:
        return None
    (name, text), = texts.items()
    return (text, big5[1]) if name == "big5" and big5 is not None else (text, name)


def _cut_double_byte(data: bytes) -> tuple[str, str] | None:
    """`_gb_or_big5` of a dump that lost the end of its last character: the text before the cut with U+FFFD for
    it, and the codec name marked `CUT_AT_END`; None when no such cut explains why it does not decode."""
    for k in (1, 2, 3):
        if len(data) > k and _opens_cut(data[-k:]) and (got := _gb_or_big5(data[:-k])) is not None:
            return got[0] + "\ufffd", got[1] + CUT_AT_END
    return None


def _opens_cut(tail: bytes) -> bool:
    """Whether `tail` is the start of one double- or four-byte character and nothing more: a lead byte (81-FE) whose
    character the bytes do not complete. A stray byte, or a whole character with a stray byte after it, is no cut
    (that file is refused as undecodable, not read with a character lost)."""
    if not 0x81 <= tail[0] <= 0xFE:
        return False
    try:
        tail.decode("gb18030")
    except UnicodeDecodeError as e:
        return e.start == 0 and e.end == len(tail)
    return False


# Big5 as presses write it: strict Big5 first, then Microsoft's cp950, which adds the ETEN extension characters
# (碁 銹 裏 墻 恒 …: 裏 is the everyday Hong Kong form of 裡) that Python's strict 'big5' lacks, then Big5-HKSCS
# (Hong Kong's supplementary characters). Where strict Big5 decodes, the others read the same characters, so
# the first that decodes is the reading.
BIG5_CODECS = ("big5", "cp950", "big5hkscs")


def _big5(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of the first of `BIG5_CODECS` that reads `data` as text (`_readings`), or None."""
    for name in BIG5_CODECS:
        text = _readings(data, (name,)).get(name)
        if text is not None:
            return text, name
    return None


COMMONNESS_PROBE = 4000  # characters of a dump read to judge its decoding: enough for a page's headlines and lede


def _commonness(text: str) -> float:
    """Mean commonness of a decoding's characters, read in simplified form.

    GB2312 orders its hanzi by use: the first level (lead bytes B0-D7) holds the 3,755 common ones, the
    second level the rest; its punctuation and full-width rows are neutral. A character GB2312 lacks, or a
    symbol from its other rows (kana, bopomofo, box drawing), is what a wrong codec makes of real text.
    Whitespace reads alike in every codec and is not counted.
    """
    total = 0.0
    probe = "".join(_opencc("t2s").convert(text[:COMMONNESS_PROBE]).split())
    for c in probe:
        try:
            code = c.encode("gb2312")
        except UnicodeEncodeError:
            total -= 1.0
            continue
        if len(code) == 1 or code[0] in (0xA1, 0xA3):
            continue
        total += 1.0 if 0xB0 <= code[0] <= 0xD7 else 0.5 if code[0] >= 0xD8 else -1.0
    return total / max(1, len(probe))


def _control_share(text: str) -> float:
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad / max(1, len(text))


def _check_text(text: str, source: str) -> None:
    if not text.strip():
        raise InputError("empty input (only whitespace)", source)
    bad = round(_control_share(text) * max(1, len(text)))
    if bad > max(8, len(text) * 0.01):
        raise InputError(f"binary or corrupt file ({bad} control or replacement characters)", source)


def read(data: bytes | str, config: Config, source: str = "<input>") -> Page:
    """Decode and split a dump into blocks."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (bytes, str)):
        raise TypeError(f"a page dump is bytes or str, not {type(data).__name__}")
    if isinstance(data, bytes):
        if len(data) > config.max_bytes:
            raise InputError(f"too large ({len(data):,} bytes; the limit is {config.max_bytes:,}, "
                             f"see --max-bytes)", source)
        text, enc = decode(data, config.encoding, source)
    else:
        text, enc = data, "str"
        if len(text.encode("utf-8", "surrogatepass")) > config.max_bytes:
            raise InputError(f"too large (the limit is {config.max_bytes:,} bytes, see Config.max_bytes)", source)
        bad = _SURROGATE.search(text)
        if bad:  # e.g. bytes decoded with errors="surrogateescape": no stage can encode them
            raise InputError(f"not valid Unicode text (a lone surrogate U+{ord(bad.group()):04X} at character "
                             f"{bad.start()}): decode the bytes first, or pass the bytes", source)
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, source)
    blocks, edits = split_blocks(text, config.opencc)
    if enc.endswith(CUT_AT_END):
        last = len(raw_lines(text.rstrip()))
        edits.insert(0, Edit(STAGE, "decode", "", "", last, 1.0,
                             f"the dump ends inside a {enc[:-len(CUT_AT_END)].upper()} character; the cut bytes "
                             "are shown as U+FFFD at the end of the text",
                             text.rstrip()[-20:]))
    return Page(source=source, raw=text, encoding=enc, blocks=tuple(blocks), edits=tuple(edits), config=config)


LINE_BREAK = re.compile(r"\r\n|\r|\n")  # a line ends as an editor ends it: CRLF, CR or LF
_DUMP_BREAK = re.compile(r"\r\n|\n\r|\r|\n")  # a dump's lines: LF-CR too (`raw_lines`)


def raw_lines(text: str) -> list[str]:
    """The dump's lines as `read` numbers them (line n is item n - 1): CR, LF, CRLF and LF-CR (a few old systems' line
    end; read as two it doubled every blank line, and segment's gap rules read the page as spaced wider: review23a).

    `str.splitlines` also ends a line at a form feed, a vertical tab or a Unicode line separator, so a stage
    that looked lines up in it would read the wrong line after the first one (pdftotext prints a form feed at
    every page break). A dump with no CR is cut at each LF by `str.split`: the same lines, without the regex pass
    that cost segment about 6% of its instructions over the 40 fixed pages (seg19)."""
    return text.split("\n") if "\r" not in text else _DUMP_BREAK.split(text)
_SURROGATE = re.compile("[\ud800-\udfff]")


def split_blocks(text: str, conversion: str | None = "t2s") -> tuple[list[Block], list[Edit]]:
    """One block per non-blank line, one table block per run of tab-separated rows or of space-aligned
    rows (`space_tables`).

    Lines are numbered as an editor or `grep -n` numbers them (CR, LF, CRLF);
    a form feed or Unicode line separator inside a line still ends a block but
    not the line number. A line indented with tabs alone is text, unless it
    follows a table row (then it is a continuation row).
    """
    blocks: list[Block] = []
    edits: list[Edit] = []
    table: list[tuple[int, str]] = []

    def flush_table() -> None:
        if table:
            rows = tuple(tuple(c for c in ln.split("\t")) for _, ln in table)
            text = "\n".join(ln for _, ln in table)
            starts = [0]
            for _, ln in table[:-1]:
                starts.append(starts[-1] + len(ln) + 1)
            blocks.append(Block(id=len(blocks), text=text, line=table[0][0], role=TABLE, rows=rows,
                                origin=tuple(zip(starts, (n for n, _ in table)))))
            table.clear()

    numbered = [(n, part) for n, physical in enumerate(raw_lines(text), start=1)
                for part in (physical.splitlines() or [""])]
    spaced = space_tables([ln for _, ln in numbered])
    columns = side_by_side([ln for _, ln in numbered], spaced)
    i = 0
    while i < len(numbered):
        n, raw_line = numbered[i]
        if i in spaced:
            flush_table()
            end, rows = spaced[i]
            _add_space_table(blocks, edits, numbered[i:end], rows)
            i = end
            continue
        i += 1
        if i - 1 in columns:
            flush_table()
            i = _add_side_by_side(blocks, edits, numbered[i - 1:columns[i - 1][0]], columns[i - 1][1],
                                  conversion) + i - 1
            continue
        line = raw_line.rstrip()
        if "\t" in line and line.strip() and (table or "\t" in line.lstrip("\t")):
            table.append((n, line))
            continue
        flush_table()
        stripped = line.strip()
        if not stripped:
            continue
        if (end := _printed_run_end(numbered, i - 1, spaced)) > i:
            i = _add_printed_run(blocks, edits, numbered[i - 1:end], conversion) + i - 1
            continue
        marked = False
        # (a byte-order mark or zero-width space before the marker, two dumps joined with `cat` or a line pasted from
        # the web, goes with the marker: review29a)
        marker = stripped.lstrip(_INVISIBLE)
        if marker.startswith("#"):
            body = marker.lstrip("#")
            if body != marker and (body.startswith(" ") or len(marker) - len(body) >= 2):
                # the marker and the spaces after it, so the edit puts the line back as printed (review16b)
                edits.append(Edit(STAGE, "markup", stripped[:len(stripped) - len(body.lstrip())], "", n, 1.0,
                                  "title marker '## ' removed; the line is kept as a title" if body.strip()
                                  else "empty title marker line removed (no text follows the marker)",
                                  stripped[:20], offset=0))
                stripped, marked = body.strip(), True
                if not stripped:
                    continue
        parts = _roles_of_line(stripped, _probe(stripped, conversion), marked)
        for k, (text_part, role, probe) in enumerate(parts):
            flags = _flags(probe, role)
            if role == TEXT and k + 1 < len(parts) and parts[k + 1][1] == CREDIT:
                flags |= {"credited"}  # a caption its photo credit follows on the line: it goes on nowhere else
            blocks.append(Block(id=len(blocks), text=text_part, line=n, role=role, marked=marked,
                                origin=((0, n),), flags=flags))
    flush_table()
    return blocks, edits


_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"  # zero-width marks a line may open with (the BOM inside a dump)


PRINTED_MIN_WIDTH = 16  # display cells (8 hanzi): a narrower run of lines is no column of body text
PRINTED_INDENT = 4  # display cells a paragraph's first line may stand in (two hanzi), or its lines fall short
PRINTED_SHORT = 0.8  # a line narrower than this share of the widest is short, whatever it ends with
PRINTED_MIN_LINES = 3  # a shorter run is read line by line (flow joins a paragraph's two lines where they belong)
_PARAGRAPH_ENDS = frozenset("。！？”’…")


def _plain_line(line: str) -> bool:
    """A line that may be one printed line of body text: text, no tab (a table row), no '#' title mark."""
    s = line.strip()
    return bool(s) and "\t" not in line and not s.startswith("#")


def _printed_run_end(numbered: list[tuple[int, str]], i: int, spaced: dict) -> int:  # type: ignore[type-arg]
    """The end of the run of plain lines from `i` with no blank line between them (`i + 1` when there is none)."""
    j = i
    while j < len(numbered) and j not in spaced and _plain_line(numbered[j][1]):
        j += 1
    return j if j - i >= 2 else i + 1


_CLAUSE_ENDS = frozenset("，。；：！？、”’…,.;:!?")
_CLOSING_MARKS = frozenset("。！？”’」』）)…；，、：.!?")


def _figure_cut(before: str, after: str) -> bool:
    """Whether a line ending in `before` and the next opening with `after` cut one figure ('…的4' | '00多位',
    '12' | '.5亿元', '12.' | '5亿元'): the two go on without a space."""
    if before[-1:].isdigit():
        return after[:1].isdigit() or after[:1] == "." and after[1:2].isdigit()
    return before[-1:] == "." and before[-2:-1].isdigit() and after[:1].isdigit()


def _word_cut(before: str, after: str) -> bool:
    """Whether a Latin word is hyphenated at a line's end ('Organi-' | 'zation'): the two go on without a space
    (the hyphen is kept: it may be the word's own)."""
    return before[-1:] == "-" and before[-2:-1].isascii() and before[-2:-1].isalpha() \
        and after[:1].isascii() and after[:1].islower()


def _marks_only(line: str) -> bool:
    """A line of closing marks alone ('。', '”。'): a paragraph's last marks the layout wrapped onto a line."""
    return bool(line) and all(c in _CLOSING_MARKS for c in line)


def _indent(line: str) -> int:
    """Display cells of a line's leading whitespace (an ideographic space is two)."""
    return sum(2 if c == "\u3000" else 1 for c in line[:len(line) - len(line.lstrip())])


def looks_printed(texts: list[str], widths: list[int]) -> bool:
    """Whether a run of plain lines (their texts and display widths) looks like a printed column
    (`printed_groups`): `PRINTED_MIN_LINES` lines or more, at least `PRINTED_MIN_WIDTH` cells wide, most of
    them (the last aside) filling the column, and those full lines mostly not ending on a clause mark."""
    widest = max(widths)
    full = [k for k, w in enumerate(widths[:-1]) if w >= widest - PRINTED_INDENT]
    if _listing(texts):
        return False
    return not (widest < PRINTED_MIN_WIDTH or len(widths) < PRINTED_MIN_LINES or 2 * len(full) <= len(widths) - 1
                or 2 * sum(texts[k][-1:] in _CLAUSE_ENDS for k in full) > len(full))


def _listing(texts: list[str]) -> bool:
    """Whether every line of the run is the same number (three or more) of fields set apart by single spaces, none
    ending on a clause mark: a listing's rows ('周六上午9:00 市图书馆 亲子阅读会'; review30a), which a column of prose
    does not print (its wrap spaces fall where the width runs out, a different number on each line)."""
    counts = {len(t.split()) for t in texts}
    return len(counts) == 1 and counts.pop() >= 3 and not any(t[-1:] in _CLAUSE_ENDS for t in texts)


def printed_groups(texts: list[str], widths: list[int], indents: list[int] | None = None,
                   apart: list[bool] | None = None, printed: bool | None = None) -> list[tuple[int, int]]:
    """Consecutive lines of a run (their texts and display widths) that are one paragraph printed over several
    lines: a line goes on in the next while it fills the column (at most `PRINTED_INDENT` cells short of the
    run's widest line), or falls short of it by less than a fifth and does not end a sentence (figures and
    Latin letters are half-width: a full line holding some is narrower by a few cells), or ends in a figure the
    next line goes on with (a number cut at the line's end, '…的4' | '00多位…'); a short line ends a
    group (a paragraph's last line, a title or byline set over the text). Only a run that looks printed is
    grouped: `PRINTED_MIN_LINES` lines or more, most of them (the last aside) filling the column; a
    dump that prints one paragraph to a line with no blank line between gives lines of every width, and two
    lines may be a title and its text, or two paragraphs (those stay line by line, as before). Nor is a run whose
    full lines mostly end on a clause mark: a column breaks lines wherever the width runs out, about one line in
    eight on a mark, but paragraphs of like length printed one to a line, verse and list items each end on one
    (review24a: three such paragraphs had been glued). A line indented deeper than the run's least (`indents`, in
    cells) opens a paragraph, as print sets a paragraph's first line in, and a line that stands apart (`apart`:
    a byline, credit or closing signature, `_stands_apart`) is a group of its own wherever it falls (review24a:
    under a paragraph whose last line filled the column it had been glued on).

    This is the layout of plain OCR text (Tesseract's, pdftotext's): one printed line per dump line and a blank
    line between paragraphs. Read one line to a block, a paragraph's first line (short of an indent, no comma)
    was taken for a title and its lines joined out of order (review23a: 127 of 455 paragraphs came back whole).
    (`printed`: `looks_printed` of the run, when the caller has asked it.)"""
    if not (looks_printed(texts, widths) if printed is None else printed):
        return [(k, k + 1) for k in range(len(widths))]
    widest = max(widths)
    least = min(indents) if indents else 0
    out, start = [], 0
    for k, w in enumerate(widths):
        if k > start and (indents and indents[k] >= least + 2 or apart and apart[k]
                          or texts[k - 1][-1:] in _PARAGRAPH_ENDS and opens_item(texts[k])):
            # an indented line opens the next paragraph; a signature stands apart; after a sentence's end, so does
            # a list item's number or a speaker's tag (review28a: the points of a list were one paragraph)
            out.append((start, k))
            start = k
        if apart and apart[k]:
            out.append((k, k + 1))
            start = k + 1
            continue
        short = w < widest - PRINTED_INDENT and (w < PRINTED_SHORT * widest or texts[k][-1:] in _PARAGRAPH_ENDS) \
            and not (k + 1 < len(texts) and _figure_cut(texts[k], texts[k + 1]))
        if short or k == len(widths) - 1:
            out.append((start, k + 1))
            start = k + 1
    return out


# What opens a list item or a speaker's turn: a number ('（一）', '一、', '1.', '①') or a tag ('问：', '记者：', a
# speaker's name and a colon, '某甲：', the name opening with a surname)
_ITEM_NUMBER = re.compile(r"[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.．、](?![0-9])"
                          r"|[①-⑳]")
_SAYS = frozenset("说讲道称问答曰")  # verbs of saying that put a colon after a subject ('某甲说：')
_SPEAKER = re.compile(rf"(?:问|答|记者|主持人|(?P<name>[{HAN_CLASS}]{{2,3}}))[：:]")


def opens_item(text: str) -> bool:
    """Whether a printed line opens a list item or a speaker's turn (see above)."""
    if _ITEM_NUMBER.match(text):
        return True
    m = _SPEAKER.match(text)
    if m is None or m.group("name") is None:
        return m is not None
    name = m.group("name")
    # '某甲说：' is reported speech going on in its paragraph, no speaker's tag: a verb of saying ends no name here
    return patterns.surname_led(name) and name[-1] not in _SAYS


def _stands_apart(text: str, conversion: str | None) -> bool:
    """A short line that is no part of a paragraph: a byline, credit or jump line by read's own roles, or a
    closing signature in brackets ('（王军）')."""
    return patterns.END_BYLINE.match(text) is not None \
        or any(role != TEXT for _, role, _ in _roles_of_line(text, _probe(text, conversion), False))


def _add_printed_run(blocks: list[Block], edits: list[Edit], lines: list[tuple[int, str]],
                     conversion: str | None) -> int:
    """Append the blocks of a run of plain lines (`printed_groups`): a group of two or more lines is one block,
    its lines joined at a space as a wrapped line stands in a one-line-per-paragraph dump (`normalize` removes
    the wrap spaces between hanzi by the column's rhythm, marks the column's width and keeps the spaces between
    Latin words), but a figure cut at a line's end goes on without one; each line's place is kept in the
    block's origin; the join is logged. Returns how many lines were read."""
    texts = [ln.strip() for _, ln in lines]
    widths = [display_width(t) for t in texts]
    widest = max(widths)
    # (a run read line by line asks no line whether it stands apart: `_stands_apart` is an OpenCC probe)
    printed = looks_printed(texts, widths)
    apart = [w < PRINTED_SHORT * widest and _stands_apart(t, conversion) for t, w in zip(texts, widths)] \
        if printed else None
    groups: list[tuple[int, int]] = []
    for a, b in printed_groups(texts, widths, [_indent(ln) for _, ln in lines], apart, printed):
        if groups and _marks_only(texts[a]) and groups[-1][1] == a:
            a = groups.pop()[0]  # (closing marks wrapped onto a line of their own end the paragraph above)
        groups.append((a, b))
    for a, b in groups:
        group = texts[a:b]
        joined, starts, seps = group[0], [0], []
        for t in group[1:]:
            sep = "" if _figure_cut(joined, t) or _word_cut(joined, t) or _marks_only(t) else " "
            seps.append(sep)
            starts.append(len(joined) + len(sep))
            joined += sep + t
        nums = [n for n, _ in lines[a:b]]
        if b - a == 2 and _marks_only(group[1]):
            edits.append(Edit(STAGE, "lines", "", "", nums[0], 0.9,
                              f"closing marks alone on line {nums[1]} ('{group[1]}') wrapped from the paragraph on line "
                              f"{nums[0]}: joined to it without a space", group[0][:20]))
        elif b - a > 1:
            edits.append(Edit(STAGE, "lines", "", "", nums[0], 0.9,
                              f"{b - a} lines (lines {nums[0]}-{nums[-1]}) that fill the column's width with no "
                              f"blank line between read as one paragraph printed over them, joined at a space"
                              + (" (a figure or a hyphenated Latin word cut at a line's end, or closing marks "
                                 "wrapped onto a line of their own, without one)" if "" in seps else ""),
                              group[0][:20]))
        at = 0
        for text_part, role, probe in _roles_of_line(joined, _probe(joined, conversion), False):
            k = joined.find(text_part, at)
            k = at if k < 0 else k
            at = k + len(text_part)
            first = max(x for x in range(len(starts)) if starts[x] <= k)
            origin = [(0, nums[first])] + [(starts[x] - k, nums[x]) for x in range(first + 1, len(starts))
                                           if starts[x] < at]
            blocks.append(Block(id=len(blocks), text=text_part, line=nums[first], role=role,
                                origin=tuple(origin), flags=_flags(probe, role)))
    return len(lines)


SIDE_BY_SIDE_MIN = 3  # lines holding both columns: fewer are no evidence of a two-column print


TAB_GAP = -1  # the "column" of a right part set off by a tab


@functools.lru_cache(maxsize=1024)  # (`side_by_side` splits each line of a run, `_add_side_by_side` again)
def _halves(line: str) -> tuple[str, str | None, int | None, int]:
    """A line read as one row of two columns: (left part, right part, the right part's start column (`TAB_GAP`
    when a tab sets it off), the left part's end column). A line of one part has no right part (None, None),
    or no left part ('') when it starts where a right column would (a tab, or spaces: its start column); a line
    of three parts or more is no such row (None for both, -1)."""
    body = line.rstrip()
    if "\t" in body:
        parts = body.split("\t")
        if len(parts) != 2:
            return "", None, None, -1
        left = parts[0].strip()
        return left, parts[1].strip(), TAB_GAP, column_width(parts[0])
    cells = space_cells(line)
    if len(cells) == 2:
        return cells[0][2], cells[1][2], cells[1][0], cells[0][1]
    if len(cells) == 1:
        return "", cells[0][2], cells[0][0], cells[0][0]  # (one part: the caller tells left from right)
    return "", None, None, -1


def side_by_side(lines: list[str], spaced: dict) -> dict[int, tuple[int, int]]:  # type: ignore[type-arg]
    """Runs of lines that print two columns of prose side by side (`pdftotext -layout`, or a tab between the
    columns): first line index -> (end index, display column where the right column starts, or `TAB_GAP`).

    Each line of such a run splits at one gap (`CELL_GAP`, or one tab) into a left and a right part, the right
    one starting at the same column in every line (within `ALIGN_SLACK`); a line may hold only the left part (it
    ends before that column; with tabs, a line with none) or only the right one (it starts there), as a column's
    last lines do. At least `SIDE_BY_SIDE_MIN` lines hold both, and the parts read as prose, not as table cells
    (most hold a clause mark or run longer than a cell): a table with two columns stays a table. Read line by
    line, each line's two halves were one text and the paragraphs came back interleaved; with a tab, a table
    of line pieces (review24a)."""
    found: dict[int, tuple[int, int]] = {}
    if not any(_has_gap(ln) or "\t" in ln for ln in lines):
        return found
    halves = [_halves(ln) if ln.strip() and not ln.strip().startswith("#") else None for ln in lines]
    taken = {k for i, (end, _) in spaced.items() for k in range(i, end)}

    def both_at(k: int, col: int) -> bool:
        """Line k holds both parts, its right one starting at the column (or in from it by an indent)."""
        h = halves[k]
        if h is None or not h[0] or h[1] is None or h[2] is None or k in taken:
            return False
        if col == TAB_GAP:
            return h[2] == TAB_GAP
        return h[2] != TAB_GAP and col - PRINTED_INDENT - ALIGN_SLACK <= h[2] <= col + PRINTED_INDENT + ALIGN_SLACK

    i = 0
    while i < len(lines):
        h = halves[i]
        if h is None or h[2] is None or not both_at(i, h[2]):  # (a run opens on a line holding both parts)
            i += 1
            continue
        col, j = h[2], i
        lefts: list[str] = []
        rights: list[str] = []
        while j < len(lines) and j not in taken:
            if not lines[j].strip():  # a row blank in both columns: both break a paragraph on it
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and lefts and both_at(k, col):
                    j = k
                    continue
                break
            h = halves[j]
            if h is None or h[3] < 0:
                break
            left, right, start, _ = h
            if right is not None and start is not None and both_at(j, col):  # (both_at: neither is None)
                lefts.append(left)
                rights.append(right)
                if col != TAB_GAP:
                    col = min(col, start)  # (the column's start: an indented first line stands in from it)
            elif left or not _one_part_fits(lines[j], h, col):
                break
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1
        if len(lefts) >= SIDE_BY_SIDE_MIN and _prose_column(lefts) and _prose_column(rights):
            found[i] = (j, col)
            i = j
        else:
            i += 1
    return found


def _prose_column(parts: list[str]) -> bool:
    """Whether the parts of a two-column run's lines on one side read as a printed column of prose
    (`looks_printed`), not as a table's cells: labels of a few characters, or questions and answers, couplets of
    verse, list items, each ending on a mark (review25a: schedules and question-and-answer tables had been read
    column by column)."""
    widths = [display_width(p) for p in parts]
    return looks_printed(parts, widths)


def _one_part_fits(line: str, h: tuple[str, str | None, int | None, int], col: int) -> bool:
    """Whether a line of one part is a column's line in a two-column run: with tabs, a right part after a
    leading tab or a left part with no tab; with spaces, a part starting at the right column or ending before it."""
    if col == TAB_GAP:
        return h[2] == TAB_GAP or "\t" not in line
    return h[2] is not None and h[2] != TAB_GAP and (h[2] >= col - ALIGN_SLACK or h[3] < col - ALIGN_SLACK)


def _add_side_by_side(blocks: list[Block], edits: list[Edit], lines: list[tuple[int, str]], col: int,
                      conversion: str | None) -> int:
    """Append the blocks of a two-column run (`side_by_side`): the left column's lines read as a run of plain
    lines (`_add_printed_run`), then the right column's, each line's part with its indent kept; logged.
    Returns how many lines were read."""
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for n, ln in lines:
        first, second, start, _ = _halves(ln)
        indent = ln[:len(ln) - len(ln.lstrip(" \u3000"))]
        if first and second is not None:
            left.append((n, indent + first))
            right.append((n, (" " * (start - col) if col != TAB_GAP and start is not None else "") + second))
        elif col == TAB_GAP and start == TAB_GAP or col != TAB_GAP and start is not None and start >= col - ALIGN_SLACK:
            right.append((n, (" " * max(0, start - col) if col != TAB_GAP and start is not None else "")
                          + (second or "")))
        else:
            left.append((n, ln.rstrip()))
    where = "after a tab" if col == TAB_GAP else f"from display column {col}"
    edits.append(Edit(STAGE, "columns", "", "", lines[0][0], 0.9,
                      f"{len(lines)} lines (lines {lines[0][0]}-{lines[-1][0]}) print two columns side by side, the "
                      f"right one {where}: read as the left column's lines, then the right's",
                      lines[0][1].strip()[:20]))
    for part in (left, right):
        if part:
            _add_printed_run(blocks, edits, part, conversion)
    return len(lines)


def _add_space_table(blocks: list[Block], edits: list[Edit], lines: list[tuple[int, str]],
                     rows: tuple[tuple[str, ...], ...]) -> None:
    """Append the table block of a space-aligned run of lines (every line kept as it is, cells from
    `space_tables`) and log the decision: the runs of spaces between cells are cell boundaries, not text."""
    kept = [(n, ln.rstrip()) for n, ln in lines]
    starts = [0]
    for _, ln in kept[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    blocks.append(Block(id=len(blocks), text="\n".join(ln for _, ln in kept), line=kept[0][0], role=TABLE,
                        rows=rows, origin=tuple(zip(starts, (n for n, _ in kept)))))
    edits.append(Edit(STAGE, "space_table", "", "", kept[0][0], 0.9,
                      f"{len(kept)} lines whose cells are set apart by runs of spaces read as a table of "
                      f"{len(rows[0])} columns (no text changed)", kept[0][1].strip()[:20]))


# a cell boundary in a dump that aligns table cells with spaces: two or more spaces, or an ideographic space
CELL_GAP = re.compile("[ \u3000]{2,}|\u3000")
CELL_MAX_WIDTH = 30  # display columns; a longer stretch between gaps is prose, not a cell
_SENTENCE_MARKS = frozenset("。！？；，")
ALIGN_SLACK = 1  # display columns a cell edge may stray from its column's (rounding in layout dumps)


def column_width(text: str) -> int:
    """Columns a monospaced dump gives the text: two for a wide (hanzi, full-width) character, one for anything
    else, spaces included (a cell's column is counted from the line's start). Not `textutil.display_width`,
    which measures printed text: it skips spaces and counts ASCII punctuation as the full-width mark it stands for."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def space_cells(line: str) -> list[tuple[int, int, str]]:
    """(start column, end column, text) of each cell of a line split at `CELL_GAP`, in display columns from
    the line's start (its indent counts: it tells which column a lone continuation cell belongs to)."""
    body = line.rstrip()
    if "\t" in body or not body.strip() or body.lstrip().startswith("#"):
        return []
    cells = []
    stripped = body.lstrip(" \u3000")
    col = column_width(body[:len(body) - len(stripped)])
    pos = 0
    for m in CELL_GAP.finditer(stripped):
        cell = stripped[pos:m.start()]
        cells.append((col, col + column_width(cell), cell))
        col += column_width(cell) + column_width(m.group())
        pos = m.end()
    cells.append((col, col + column_width(stripped[pos:]), stripped[pos:]))
    return cells


def cell_like(cell: str) -> bool:
    """A table cell is short and holds no sentence or clause mark; prose between two double spaces is not."""
    return column_width(cell) <= CELL_MAX_WIDTH and not _SENTENCE_MARKS.intersection(cell)


def _row_like(cells: list[tuple[int, int, str]]) -> bool:
    """A line's cells read as a table row: every cell `cell_like`, or a short label first (narrower than a
    column of text, `PRINTED_MIN_WIDTH`, no mark) and short cells after it that may hold a clause mark (a
    schedule's '上午九点' | '开幕式，市长致辞': review25a)."""
    if all(cell_like(t) for *_, t in cells):
        return True
    first = cells[0][2]
    return cell_like(first) and column_width(first) < PRINTED_MIN_WIDTH \
        and all(column_width(t) <= CELL_MAX_WIDTH for *_, t in cells)


def _aligned(rows: list[list[tuple[int, int, str]]]) -> bool:
    """Every column starts (left-aligned) or ends (right-aligned, numbers) at the same display column in
    every row."""
    for c in range(len(rows[0])):
        starts = [r[c][0] for r in rows]
        ends = [r[c][1] for r in rows]
        if max(starts) - min(starts) > ALIGN_SLACK and max(ends) - min(ends) > ALIGN_SLACK:
            return False
    return True


def _column_of(cell: tuple[int, int, str], starts: list[int]) -> int | None:
    """The column a continuation cell sits under (its start at a column's start), or None."""
    hits = [c for c, s in enumerate(starts) if abs(cell[0] - s) <= ALIGN_SLACK]
    return hits[0] if len(hits) == 1 else None


def space_tables(lines: list[str]) -> dict[int, tuple[int, tuple[tuple[str, ...], ...]]]:
    """Tables whose cells a dump aligned with spaces instead of tabs: first line index -> (end index, rows).

    A table is a run of consecutive lines that split (`space_cells`) into the same number (>= 2) of
    cell-like cells: three or more rows, or two whose columns are aligned by display width; a single line
    never is. A line with fewer cells, each under a column's start, continues the cell above (a multi-line
    cell); at column 0 only between two rows, or after the last row when it fits the first column and a
    blank line follows (else it is the text after the table). Prose with a double
    space (a wrap, OCR) has long stretches or clause marks between its gaps and stays text.
    """
    found: dict[int, tuple[int, tuple[tuple[str, ...], ...]]] = {}
    if not any(_has_gap(ln) for ln in lines):
        return found  # most dumps: no line has a gap
    cells = [space_cells(ln) if "\t" not in ln else [] for ln in lines]
    i = 0
    while i < len(lines):
        width = len(cells[i])
        if width < 2 or not _row_like(cells[i]):
            i += 1
            continue
        core = [i]
        rows: list[tuple[str, ...]] = [tuple(t for *_, t in cells[i])]
        j = i + 1
        pending: list[tuple[str, ...]] = []
        while j < len(lines):
            cj = cells[j]
            if len(cj) == width and _row_like(cj):
                rows += pending + [tuple(t for *_, t in cj)]
                pending = []
                core.append(j)
                j += 1
                continue
            starts = [min(cells[k][c][0] for k in core) for c in range(width)] \
                if _aligned([cells[k] for k in core]) else []
            cont = _continuation(cj, starts or [0], width) if 0 < len(cj) < width else None
            if cont is None:
                break
            pending.append(cont)
            j += 1
        core_rows = [cells[k] for k in core]
        starts = [min(r[c][0] for r in core_rows) for c in range(width)] if _aligned(core_rows) else []
        keep = _trailing(pending, starts, j >= len(lines) or not lines[j].strip())
        rows += pending[:keep]
        end = core[-1] + 1 + keep
        if len(core) >= 3 or (len(core) == 2 and _aligned(core_rows)):
            found[i] = (end, tuple(rows))
            i = end
        else:
            i += 1
    return found


def _has_gap(line: str) -> bool:
    """Whether a tab-free line holds a `CELL_GAP` inside it (substring tests: this runs on every line)."""
    if "  " not in line and "\u3000" not in line or "\t" in line:
        return False
    inner = line.strip()
    return "  " in inner or "\u3000" in inner


def _trailing(pending: list[tuple[str, ...]], starts: list[int], blank_after: bool) -> int:
    """How many continuation lines after a table's last row belong to it: indented ones (under a column
    after the first); lines at column 0 only when all of them fit in the first column's width and a blank
    line (or the dump's end) follows (a wider line, or one the text runs on from, is the text after)."""
    keep = 0
    while keep < len(pending) and pending[keep][0] == "":
        keep += 1
    if keep == len(pending) or not blank_after or len(starts) < 2:
        return keep
    fits = all(column_width(p[0]) < starts[1] - starts[0] for p in pending[keep:] if p[0])
    return len(pending) if fits else keep


def _continuation(cells: list[tuple[int, int, str]], starts: list[int], width: int) -> tuple[str, ...] | None:
    """A line of fewer cells than the table's, each under a column start: the row it makes, or None."""
    row = [""] * width
    for cell in cells:
        c = _column_of(cell, starts)
        if c is None or row[c] or not cell_like(cell[2]):
            return None
        row[c] = cell[2]
    return tuple(row)


def _flags(probe: str, role: str) -> frozenset[str]:
    """Marks later stages use: a paragraph opening with a dateline, page furniture (footers).

    `probe` is the block's text as the patterns read it (`_probe`)."""
    flags = set()
    if role == TEXT:
        if patterns.DATELINE.match(probe):
            flags.add("dateline")
        if patterns.is_furniture(probe):
            flags.add("furniture")
    return frozenset(flags)


def _probe(line: str, conversion: str | None) -> str:
    """The line as the patterns must read it: in simplified characters.

    The patterns are written in simplified characters, and `read` guesses roles before `normalize`
    converts the text, so a Big5 dump's '●本報記者 某甲' would not be a byline. The conversion is
    used only when it keeps every character's position (OpenCC's t2s is one-to-one for almost every
    line), so a match maps back onto the original text, which `normalize` converts and logs later.
    """
    if conversion is None or line.isascii():
        return line
    simple = _opencc(conversion).convert(line)
    return simple if len(simple) == len(line) else line


def _roles_of_line(line: str, probe: str, marked: bool) -> list[tuple[str, str, str]]:
    """A line may hold a caption and its credit: its parts with a first guess at their roles.

    `probe` is `line` as the patterns read it, character for character (`_probe`); each part comes
    back as (text, role, the same part of the probe)."""
    if marked:
        return [(line, TITLE, probe)]
    m = patterns.JUMP.match(probe)
    if m:  # '（上接第1版）会议强调…': the jump line and the text go separate ways
        rest, rest_p = line[m.end():].strip(), probe[m.end():].strip()
        return [(line[:m.end()], JUMP, probe[:m.end()])] + (_roles_of_line(rest, rest_p, False) if rest else [])
    m = patterns.JUMP_END.search(probe)
    if m and probe[:m.start()].strip():
        return _roles_of_line(line[:m.start()].rstrip(), probe[:m.start()].rstrip(), False) + \
            [(line[m.start():m.end()], JUMP, m.group())]
    if patterns.is_byline(probe):
        return [(line, BYLINE, probe)]
    split = patterns.split_credit(probe)
    if split:
        caption, credit = split  # substrings of probe.strip(), at the same positions in line.strip()
        if patterns.writer_before_credit(caption):
            return [(line, BYLINE, probe)]  # '本报记者某甲 文 某乙 摄': one byline line
        whole, whole_p = line.strip(), probe.strip()
        at = whole_p.find(credit, len(caption))
        parts = [(whole[:len(caption)], TEXT, caption)] if caption else []
        return parts + [(whole[at:at + len(credit)], CREDIT, credit)]
    return [(line, TEXT, probe)]
