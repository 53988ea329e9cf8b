"""Splitting a title group into section, kicker, headline and subheadline.

A title line's spaces (parallel phrases or a kicker before a headline, `title_spaces`), a '——' or '：' split
(`split_title`), and `title_parts`, which decides the parts of a group of title lines from their shapes and,
when asked, from how much each line shares with the body (`items.settle_title` supplies that). Separate
from the assembly because it works on title text alone and is tested on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ...lm import load_lm
from ...textutil import space_runs
from .shapes import SECTION_MAX, SUBHEAD_DASHES, bullet_points, ends_on_colon, han_only
from .words import word_tags

# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


def _outside_quotes(text: str) -> list[bool]:
    depth, out = 0, []
    for c in text:
        if c in "“‘《（(":
            depth += 1
        out.append(depth == 0)
        if c in "”’》）)":
            depth = max(0, depth - 1)
    return out


def _phrase(text: str, i: int, step: int) -> int:
    n, j = 0, i
    while 0 <= j < len(text) and text[j] != " " and text[j] not in "“”‘’《》（）()":
        n += 1
        j += step
    return n


# Two phrases of about the same length on one title line are one parallel headline when short ('携手同行
# 共创未来': the paired four- to six-character phrases of Chinese headline writing), but longer ones are a
# kicker and a headline printed on one line: on the three tuning folders all 9 lines whose two phrases have
# 7 to 17 characters each are kicker + headline in the gold, none a headline with a space. The tuning
# folders and a fresh split hold no line of two phrases of 6 or fewer either way, so the lower side is the
# convention's bound, not a measured one. Such a space is a possible split (`split_title`,
# `title_parts` decide by length and by what the body talks about).
PARALLEL_MAX: Final = 6


def title_spaces(text: str) -> tuple[str, list[int]]:
    """Resolve the spaces of a title line: keep separators, drop wrap spaces.

    Returns (text with kept spaces, positions in it where the line may split into
    kicker and headline). A space between two short phrases of about the same length
    ('放飞青春梦想 汇聚奋进力量', '携手同行 共创未来'; at most `PARALLEL_MAX` characters each) is a real
    separator.
    """
    out: list[str] = []
    splits: list[int] = []
    outside: list[bool] = []  # (`_outside_quotes`, worked out at the first space that may split: most lines have none)
    last = 0
    for i, j in space_runs(text):
        out.append(text[last:i])
        last = j
        left, right = (text[i - 1] if i else ""), (text[j] if j < len(text) else "")
        if not left or not right:
            continue
        a, b = _phrase(text, i - 1, -1), _phrase(text, j, 1)
        latin = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
        symmetric = min(a, b) >= 2 and abs(a - b) <= 1 and max(a, b) <= PARALLEL_MAX
        if latin or symmetric:
            out.append(" ")
        elif len("".join(out)) >= 6 and len(text) - j >= 5 and (outside := outside or _outside_quotes(text))[i]:
            splits.append(len("".join(out)))
            out.append(" ")
    out.append(text[last:])
    return "".join(out), splits


def split_title(text: str) -> tuple[str | None, str, str | None]:
    """(kicker, headline, subheadline) of one title line.

    '——' outside quotes starts a subheadline; a space outside quotes splits a
    long kicker from a shorter headline (a kicker is a sentence-like lead-in, at
    least 1.6 times the headline's length).
    """
    clean, splits = title_spaces(text)
    kicker = None
    for pos in splits:
        left, right = clean[:pos].strip(), clean[pos:].strip()
        if len(left) >= 1.6 * len(right) and len(right) >= 5:
            kicker, clean = left, right
            break
    if kicker is None:
        for pos in reversed(splits):  # not a kicker boundary: the space was a wrap
            clean = clean[:pos] + clean[pos + 1:]
    sub = None
    k = clean.find("——")
    outside = _outside_quotes(clean) if k > 0 else []  # (asked only of a line with a dash)
    while k > 0:
        if outside[k] and len(clean) - k > 3:
            clean, sub = clean[:k].strip(), clean[k:].strip()
            break
        k = clean.find("——", k + 2)
    return kicker, clean, sub


@dataclass
class TitleParts:
    section: str | None = None
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None


TOPIC_CHARS: Final = 400     # the opening of the body that tells what an article is about
KICKER_RELATED: Final = 0.35  # a first title line sharing less of its words with the body is a kicker (tune split)


def _title_pieces(line: str) -> tuple[list[str], list[str]]:
    """A title line cut at its separator spaces (kept spaces stay) and at '——': (main pieces, sub pieces)."""
    clean, splits = title_spaces(line)
    bounds = [0] + splits + [len(clean)]
    pieces = [clean[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    mains: list[str] = []
    subs: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if subs or (mains and piece.startswith("——")):
            subs.append(piece)  # (a piece set apart by a space that opens with '——' is the subheadline: review26a)
            continue
        k = piece.find("——")
        outside = _outside_quotes(piece) if k > 0 else []  # (asked only of a piece with a dash)
        while k > 0:
            if outside[k] and len(piece) - k > 3:
                mains.append(piece[:k].strip())
                subs.append(piece[k:].strip())
                break
            k = piece.find("——", k + 2)
        else:
            mains.append(piece)
    return mains, subs


def _merged_title_lines(lines: list[str]) -> list[str]:
    """A title line ending in '：' runs on into the next one ('某地：' + '某某工作有新进展')."""
    merged: list[str] = []
    for t in lines:
        if merged and ends_on_colon(merged[-1]):
            merged[-1] = merged[-1] + t
        else:
            merged.append(t)
    return merged


def opens_with_verb(text: str) -> bool:
    """Does the line open with a word jieba's dictionary tags as a verb ('v'; a verbal noun, 'vn', names a thing)?
    The word is the longest dictionary word the line opens with (no segmentation: a prefix is all that is asked)."""
    tags = word_tags()
    t = text.lstrip()
    for n in range(min(len(t), 8), 0, -1):
        tag = tags.get(t[:n])
        if tag is not None:
            return tag == "v"
    return False


def _first_clause(first: str, second: str) -> bool:
    """Is a short first line the title's first clause rather than a column's label over it: it opens with a verb
    over a line that opens with one too ('坚持某某' over '推动某某', '让“某某”' over '成长为“某某”': review28a), and
    it is at least half the second line's length? The clauses of a title printed on two lines are balanced, while
    a label that names a column ('聚焦某某', '走基层': review30a) is a tag of two to four characters over a headline
    of any length."""
    a, b = first.replace(" ", ""), second.replace(" ", "")
    return 2 * len(a) >= len(b) and opens_with_verb(a) and opens_with_verb(b)


def _opens_with_section(merged: list[str]) -> bool:
    """A short first line over more title lines is a section label (not a short headline over its
    ——subheadline or its line of points, nor the first clause of a title printed on two lines, `_first_clause`).
    Of the 458 section labels of the tuning folders' gold, fresh seed 11 and the unseen-text pages, none opens with
    a verb, and no first line of a title there is the first clause `_first_clause` asks about."""
    return len(merged) >= 2 and len(merged[0].replace(" ", "")) <= SECTION_MAX \
        and not merged[1].lstrip().startswith(SUBHEAD_DASHES) and not bullet_points(merged[1]) \
        and not _first_clause(merged[0], merged[1])


# the tags (first letters of jieba's) of words that name a thing: nouns, names, places, abbreviations ('j'),
# pronouns and numerals: what a verb's object, or a clause's subject, opens with
_NOMINAL: Final = ("n", "j", "r", "m")


def runs_on(above: str, below: str) -> bool:
    """Does the break between two title lines fall inside a phrase, so that the lower line goes on with the upper
    one's words (a wrap) rather than starting a title line of its own? Read on the best segmentation of the two
    lines' Han characters run together (the shipped jieba model):
    - a dictionary word runs across the break;
    - the upper line ends on a verb and the lower line opens with a noun, its object ('…出台十条措施支持' over
      '乡镇企业转型升级'), unless the lower line closes on a verb of its own: then it is a clause that says its whole
      thing ('…乡村振兴' over '城南新区建设提速': review30a);
    - the upper line ends on a noun and the lower line opens with a verb: a subject cut from its predicate
      ('让“小个专”' over '成长为“大块头”': review28a).
    A break between two clauses that each end where a title can end (a verb over an adverb or a verb: '…会议召开'
    over '明确明年十项重点任务') is no wrap. A line ending on a comma runs on into the next clause of its sentence; one
    ending on a stop, '！' or '？' has said its sentence."""
    end = above.rstrip()[-1:]
    if end and end in "，、,":
        return True
    if end and end in "。！？!?；;":
        return False
    a, b = han_only(above), han_only(below)
    if not a or not b:
        return False
    words = load_lm().segment(a + b)
    ends, at = [], 0
    for w in words:
        at += len(w)
        ends.append(at)
    if len(a) not in ends:
        return True
    k = ends.index(len(a))
    last, first, close = words[k], words[k + 1], words[-1]
    tags = word_tags()
    last_tag, first_tag = tags.get(last, ""), tags.get(first, "")
    if last_tag == "v" and first_tag.startswith(_NOMINAL):
        return tags.get(close, "") != "v"
    return last_tag.startswith(_NOMINAL) and first_tag == "v"


def wrapped_title_lines(texts: list[str], flush: list[bool]) -> list[list[int]]:
    """The title lines of one group, as printed lines: which of them make one line of the title (indices, in
    order). `flush[k]`: line k is printed right under line k-1 with no blank line, on a page that sets its
    blocks apart with blank lines.

    A title too long for its column wraps, and the dump prints its lines flush, as one block of print would be
    ('东江市出台二十条措施支持' over '民营企业高质量发展': review28a); title lines set apart are separate lines of
    the title (a kicker over a headline on every page of the tuning folders). A flush line stays a line of its
    own when it opens a subheadline ('——', a line of points) or the line over it is a section label
    (`_opens_with_section`) or ends in '：' (`_merged_title_lines` joins that already), and it is a line of its own
    unless the break between them falls inside a phrase (`runs_on`): a headline and its subheadline, or a kicker
    and its headline, each a complete phrase, are printed flush too (review30a)."""
    groups: list[list[int]] = []
    for k, text in enumerate(texts):
        prev = texts[groups[-1][-1]] if groups else ""
        if k and flush[k] and not text.lstrip().startswith(SUBHEAD_DASHES) and not bullet_points(text) \
                and not ends_on_colon(prev) \
                and not (groups == [[0]] and _opens_with_section([prev, text])) and runs_on(prev, text):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def title_section(lines: list[str]) -> str | None:
    """The section label `title_parts` finds in these lines, without working out the rest."""
    merged = _merged_title_lines(lines)
    return merged[0] if _opens_with_section(merged) else None


def title_parts(lines: list[str], related=None) -> TitleParts:  # type: ignore[no-untyped-def]
    """Assign a title group's lines to section, kicker, headline and subheadline.

    Every character of every line ends up in one of the four fields.
    Two title lines are kicker and headline; a line that holds both is split at a
    space when the kicker is much longer than the headline, or when the first
    part is not what the body talks about: `related(text)` (optional) is the
    share of its content words that the article's body repeats.
    """
    merged = _merged_title_lines(lines)
    parts = TitleParts()
    if _opens_with_section(merged):
        parts.section = merged.pop(0)
    if not merged:
        return parts
    if len(merged) == 1 and (related is None or not (" " in merged[0] or "—" in merged[0] or "－－" in merged[0])):
        # (one line with no space and no dash holds the headline alone, whatever the body says)
        parts.kicker, parts.headline, parts.subheadline = split_title(merged[0])
        return parts
    mains: list[tuple[str, int]] = []  # (piece, index of its line)
    subs: list[str] = []
    for n, t in enumerate(merged):
        if n and bullet_points(t):  # points under the headline: its subheadline
            subs.append(t.strip())
            continue
        if t.lstrip().startswith(SUBHEAD_DASHES):
            subs.append(title_spaces(t)[0].replace(" ", "") if " " not in t.strip() else title_spaces(t)[0])
            continue
        ms, ss = _title_pieces(t)
        mains += [(m, n) for m in ms]
        subs += ss
    if not mains:
        parts.subheadline = "".join(subs) or None
        return parts
    first, first_line = mains[0]
    second = mains[1][0] if len(mains) > 1 else ""
    long_kicker = len(mains) > 1 and len(first) >= 1.6 * len(second) and len(second) >= 5
    if len(mains) == 1:
        kicker = False
    else:  # two title lines are kicker and headline (the common form); on one line it takes a reason
        kicker = mains[1][1] != mains[0][1] or long_kicker or (related is not None and related(first) < KICKER_RELATED)
    if kicker:
        parts.kicker = first
        mains = mains[1:]
    head, line = mains[0]
    rest = mains[1:]
    if not (kicker and first_line == line):  # (a kicker split off this line: its spaces are separators)
        # a space left inside the headline's own line was a wrap, not a subheadline boundary
        head += "".join(m for m, n in rest if n == line)
        rest = [(m, n) for m, n in rest if n != line]
    parts.headline = head
    parts.subheadline = "".join([m for m, _ in rest] + subs) or None
    return parts
