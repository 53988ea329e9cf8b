"""The role passes: from each block's own part role to the roles its neighbours give it.

`block_roles` runs them in order (lines cut off a paragraph on a function word made text, heads promoted, exclaimed and spaced titles, '——' subheadlines, verse,
lead-ins, lines with a printed line's wrap inside a word made text, photo captions, bylines under titles, the title-or-subhead decisions of `refine_roles`, unmarked
lines above '## ' marks, lines after a subheadline), and `prepare` is what both `segment` and `segtrain` run
first: tables rejoined, titles flow glued to a paragraph cut off again (`split_glued_titles`), then the roles.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import AbstractSet, Final
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


import regex as re

from ...model import BYLINE, CREDIT, JUMP, NOISE, TABLE, TEXT, TITLE, Block, Edit, Page
from ... import patterns
from ..flow import heads_article
from ..flow.blocks import reads_as_cut_clauses, sentence_ends_inside
from ..normalize import TITLE_LIKE_MAX, is_title_like, joined_wrap_spaces, shifted_origin
from .headings import (
    debris,
    HeadingDecision,
    HeadingModel,
    SHORT_SUBHEAD_OVERLAP,
    SUBHEAD_MAX,
    SUBHEAD_OVERLAP,
    _around,
    blank_lines_above,
    heading_features,
    heading_model,
    photo_note_above,
    same_topic,
    wide_gap,
    wide_gaps,
)
from .figures import rejoin_cut_figures
from .parts import ROLE_ONLY_MAX, continues_cut_line, part_role, stops_on_function_word, wrapped_inside_word
from .shapes import (
    ANNOUNCED_POEMS,
    CAPTION_OPENING,
    DASH_SUB,
    HAN,
    HAN_RUN,
    NUMERIC,
    PICTURE_LABEL,
    SECTION_LABEL,
    STAGE,
    SUBHEAD_DASHES,
    TRAILING_BRACKET,
    VERSE_LINE_MAX,
    bullet_points,
    dated_brief,
    ends_on_colon,
    finished_sentence,
    glue,
    han_pairs,
    han_only,
    header_row,
    long_title_over_dateline,
    never_title,
    numbered_part,
    open_end,
    opens_dated,
    part_number,
    runs_across_clauses,
    signed_off,
    stops_mid_sentence,
)
from ..read import raw_lines
from .tables import rejoin_tables
from .titles import KICKER_RELATED, TOPIC_CHARS, title_section
from .words import _word_pairs, content_words, ends_with_name, has_word, is_rule_line, opening_odds, organisation_alone


def dash_subheadlines(blocks: list[Block], roles: list[str]) -> list[str]:
    """A '——' line is a subheadline when it stands under a title (or under a short line that can head
    an article, '某某要写得好', which is then the title); elsewhere it is text."""
    out = list(roles)
    for k, r in enumerate(out):
        if r != DASH_SUB:
            continue
        if k and out[k - 1] == TEXT and heads_article(blocks[k - 1]) and not never_title(blocks[k - 1].text.strip()) \
                and not finished_sentence(blocks[k - 1].text):
            out[k - 1] = TITLE
        out[k] = TITLE if k and out[k - 1] == TITLE else TEXT
    return out


# A caption's photo number in a group of photos: '图①：', '图1', '图一：', '①'; '上图：', '左图'.
PHOTO_NUMBER: Final = re.compile(r"(?:图?[①-⑩]|图[0-9一二三四五六七八九十]{1,2}(?![0-9])|[上下左右中]图)[：:、 ]?")


def caption_groups(blocks: list[Block], roles: list[str], lm=None) -> dict[int, list[int]]:  # type: ignore[no-untyped-def]
    """credit index -> indices of the caption blocks it closes (possibly with a title first: one line, or a line
    'X：' and the line it runs on into, '图片新闻：' over '某某新貌'; on seed 6's fresh pages 3 photos of a column so
    titled stood inside an article, and their title, left over, headed the article's next paragraphs as an item)."""
    groups: dict[int, list[int]] = {}
    taken: set[int] = set()
    for k, b in enumerate(blocks):
        if roles[k] != CREDIT:
            continue
        grp: list[int] = []
        if _caption_under(blocks, roles, k, taken):
            groups[k] = [k + 1]
            taken.add(k + 1)
            continue
        j = k - 1
        if j >= 0 and roles[j] in (TEXT, TITLE) and j not in taken:
            grp.append(j)
            j -= 1
            while j >= 0 and roles[j] == TEXT and "interleaved" in blocks[j].flags and j not in taken:
                grp.append(j)
                j -= 1
            if PHOTO_NUMBER.match(blocks[grp[0]].text.lstrip()):
                while j >= 0 and roles[j] in (TEXT, TITLE) and j not in taken and PHOTO_NUMBER.match(blocks[j].text.lstrip()):
                    grp.append(j)  # the numbered captions of a photo group over its one credit ('图①：…' '图②：…')
                    j -= 1
        grp.reverse()
        if grp and _body_over_closing_credit(blocks, roles, grp, j, k):
            groups[k] = []  # a captionless photo credit: the paragraph over it is the article's last
            continue
        top = j
        if j >= 1 and roles[j - 1] == TITLE and ends_on_colon(blocks[j - 1].text) \
                and (_inside_text(blocks, roles, j - 1, k) or k + 1 >= len(blocks) or roles[k + 1] != TEXT
                     or _goes_on_after(blocks, roles, j - 1, j, k, lm)):
            top = j - 1  # a title line 'X：' runs on into the line under it ('图片新闻：' over '某某新貌')
        top = _section_over_photo_title(blocks, roles, top)
        if grp and roles[grp[0]] == TEXT and top >= 0 and roles[j] == TITLE \
                and (top == 0 or roles[top - 1] != TITLE or _picture_heading(blocks[j].text)) \
                and not _heads_text_under(blocks, roles, top, j, k):
            nxt = grp[0]
            if nxt == j + 1:
                grp[0:0] = range(top, j + 1)  # a title right above the caption heads the photo
        taken.update(grp)
        groups[k] = grp
    return groups


def _picture_heading(text: str) -> bool:
    """Does a title line over a caption hold the word '图片' ('图片新闻', '某某（图片）'; `_heads_text_under` asks the
    wider '图')? Then it is the photo's title even under another title-shaped line, whatever that line is: mostly a
    piece of the paragraph the photo cuts ('…居于发展' over '图片新闻' over the caption, the paragraph going on after
    the credit), which had taken the title and headed the rest of the paragraph as an item (session 36: on the
    tuning and fresh folders found +2, none lost; one '某某（图片）' headline lost its kicker line to the paragraph
    above, its item lost before too). The line above is not asked: of the 4 it met on tune and fresh 2/4/12, 3 stood
    under a byline (review36a)."""
    return "图片" in text


# A picture label alone on its line ('图片新闻', `picture_column`) short under a title line and over text is the picture
# item's headline under its kicker, not the body's first line, which a short line under a longer one is otherwise: on
# the tuning folders and fresh seeds 2, 4, 5 and 6, 4 of the 409 lines under a title line so made the body's first
# line hold '图片', and all 4 are this label, gold headlines under the line above as kicker (numbered captions '1、…'
# under them); no gold paragraph holds such a line. Only the label: a deck or a first line that merely mentions
# pictures ('…图片展同时展出', '图片来源：…') stays what it was (review45a).
PICTURE_TITLE_RULE: Final = "a line naming a picture under a title line: the picture item's headline under its kicker"
PICTURE_COLUMN: Final = re.compile(r"(?:新闻|摄影)?图片(?:新闻|报道|集锦)?")


def picture_column(text: str) -> bool:
    """Is the line a picture label and nothing else ('图片新闻', '新闻图片', '图片报道')? The column heading of a
    picture item, never a sentence."""
    return PICTURE_COLUMN.fullmatch(text) is not None


def _section_over_photo_title(blocks: list[Block], roles: list[str], top: int) -> int:
    """The first line of the title over a photo's caption: `top`, or the line above it when that is a section label
    over it (`titles.title_section`: '经济生活' over '图片新闻'). A section label heads the photo as it heads an
    article; left out, the two lines were no one-line title over the caption, and they headed the text printed
    after the credit as an item of their own, taking the rest of the article the photo stands in (session 36: 7
    photos of the tuning and fresh folders titled so, their gold items holding both lines). A third
    title-shaped line over the two makes them no label and title: the group is left as it was."""
    if top >= 1 and roles[top] == TITLE and roles[top - 1] == TITLE and not blocks[top - 1].marked \
            and (top == 1 or roles[top - 2] != TITLE) \
            and title_section([blocks[top - 1].text.strip(), blocks[top].text.strip()]) is not None:
        return top - 1
    return top


BRACKETED: Final = re.compile(r"[（(][^（）()]+[）)]")


def _body_over_closing_credit(blocks: list[Block], roles: list[str], grp: list[int], j: int, credit: int) -> bool:
    """Is the text over a credit that closes its article ('（本报记者 某甲 摄）' with no text under it) the article's
    own last paragraphs rather than the photo's caption: the credit stands a blank line under it, it opens as no
    caption does ('图为…', '图①…'), it is not what `flow` found interleaved in running text, and body text of the
    same article stands right above it? A picture story's text stands under its own title; a paragraph under the
    article's other paragraphs, closed by the credit of the picture printed in the article, is the article's
    (review30a)."""
    if credit + 1 < len(blocks) and roles[credit + 1] == TEXT:
        return False
    if not BRACKETED.fullmatch(blocks[credit].text.strip()):
        return False  # a photo of its own between two articles carries a bare credit ('某某 摄')
    if blocks[credit].line <= max(blocks[grp[-1]].lines) + 1:
        return False  # printed on the caption's line or flush under it: one printed group, the caption's credit
    if any(roles[i] != TEXT or "interleaved" in blocks[i].flags for i in grp):
        return False
    if CAPTION_OPENING.match(blocks[grp[0]].text.lstrip()):
        return False
    return j >= 0 and roles[j] == TEXT


def _heads_text_under(blocks: list[Block], roles: list[str], top: int, j: int, credit: int) -> bool:
    """Is the title at top..j, right over a photo's caption and credit, the headline of the text under the photo
    rather than the photo's own: body text follows the credit, the photo stands in no running text
    (`_inside_text`) and the title names no picture (图片, 图)? A news photo is printed under its article's
    headline, over the text (review28a: the article lost its headline to the photo). On the tuning folders and
    seed 11's fresh pages, the 3 titles so placed are the gold article's headline, and each of the 39 titles of a
    photo over text after it is either in running text or names a picture ('…（图片）', '图片新闻')."""
    return credit + 1 < len(blocks) and roles[credit + 1] == TEXT and not _inside_text(blocks, roles, top, credit) \
        and not any("图" in blocks[i].text for i in range(top, j + 1))


def _caption_under(blocks: list[Block], roles: list[str], k: int, taken: set[int]) -> bool:
    """Is the credit at `k` printed over its caption: the text under it follows on the very next dump line (one
    printed group), while what stands above it is set apart by a blank line or is no text at all? A caption is
    printed beside its credit; a paragraph a blank line above is the article's, not the photo's."""
    if k + 1 >= len(blocks) or roles[k + 1] != TEXT or k + 1 in taken:
        return False
    if blocks[k + 1].line != max(blocks[k].lines) + 1:
        return False
    return k == 0 or roles[k - 1] not in (TEXT, TITLE) or k - 1 in taken \
        or max(blocks[k - 1].lines) < blocks[k].line - 1


def _inside_text(blocks: list[Block], roles: list[str], top: int, credit: int) -> bool:
    """Does the photo whose title opens at `top` stand inside running text: its title lines are what `flow`
    found interleaved in a paragraph, or the paragraph right above stops mid-sentence or was joined across
    the photo to text after its credit? Then a two-line title 'X：' over 'Y' is the photo's own ('图片新闻：'
    over '某某新貌' in a column of photos), and so it is when no text follows the credit (a photo of its
    own between two articles), or when the text after the credit goes on with the paragraph above
    (`_goes_on_after`). After a finished paragraph and over body text of another topic such lines are a new
    article's headline over its lead photo ('专家谈：' over '怎样过好春节') and stay with the article. On the
    tuning folders and seed 6, the 6 photos so titled inside running text all pass this test; the one 'X：'
    over a photo after a finished paragraph and over text is no part of the gold photo's title."""
    if "interleaved" in blocks[top].flags:
        return True
    if top < 1 or roles[top - 1] != TEXT:
        return False
    above = blocks[top - 1]
    return open_end(above) or max(line for _, line in above.origin) > blocks[credit].line


def _goes_on_after(blocks: list[Block], roles: list[str], top: int, j: int, credit: int, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does the text after the photo's credit go on with the paragraph above its title lines rather than open
    an article under them: it shares more two-character dictionary words with that paragraph than with the
    title lines ('某市推进旧城改造…' / '图片新闻：城市新貌' / … / '改造后的居民区…' goes on; '专家谈：怎样过好春节'
    over '春节临近，几位专家…' opens its own article)? Without a model, no."""
    if lm is None or top < 1 or roles[top - 1] != TEXT:
        return False
    after = _word_pairs(blocks[credit + 1].text, lm)
    return len(after & _word_pairs(blocks[top - 1].text, lm)) > len(after & _word_pairs(blocks[top].text + blocks[j].text, lm))


def _gap_reading(blocks: list[Block], roles: list[str], raw_lines: list[str] | None,
                 hm: HeadingModel | None) -> tuple[float | None, int]:
    """`gap_prior` and `wide` for `heading_features`: the blank lines that set a heading apart against the page's
    own spacing (`wide_gap`), and the model's prior where the dump prints no gap that wide anywhere."""
    prior = hm.gap_prior if hm is not None else None
    if not raw_lines:
        return None, 2
    if not wide_gaps(raw_lines):  # (no gap of two: none wider either)
        return prior, 2
    wide = wide_gap(raw_lines, blocks, roles, 2)
    return (None if wide == 2 or wide_gaps(raw_lines, wide) else prior), wide


def unbulleted(t: str) -> str:
    """The line without the bullet that opens it and the spaces after ('□某甲' is the name '某甲': supplements
    print the author under the title after a box bullet, one of the byline separators)."""
    return t.lstrip(patterns.BULLETS).lstrip(" \u3000") if t[:1] in patterns.BULLETS else t


BARE_NAMES: Final = re.compile(r"\p{Han}{2,3}(?:[ \u3000]+\p{Han}{2,4})*|\p{Han}{2,4}(?:[ \u3000]+\p{Han}{2,4})+")


def unit_and_names(t: str) -> bool:
    """Is the line a unit's name, a space and bare names ('某县融媒体中心 某甲', '某某大学 某乙 某丙')? County papers and
    their media centres sign so under the title, with no role word: the unit ends as organisations do
    (`patterns.unit_name`), the rest is names that open with a surname. A headline has no such shape: a unit
    name set apart from two- or three-character surname-led runs."""
    runs = t.split()
    if len(runs) < 2 or not patterns.unit_name(runs[0]):
        return False
    rest = " ".join(runs[1:])
    return BARE_NAMES.fullmatch(rest) is not None and all(len(r) <= 3 and patterns.surname_led(r) for r in runs[1:])


SIGNS: Final = frozenset((BYLINE, "namebyline", "endbyline"))  # the roles that sign an article (`resigned`)


def refine_roles(blocks: list[Block], roles: list[str], keep: AbstractSet[int] = frozenset(),
                 lm=None, log: list[HeadingDecision] | None = None,  # type: ignore[no-untyped-def]
                 model: HeadingModel | None | bool = True, features: bool = False,
                 raw_lines: list[str] | None = None) -> list[str]:
    """Roles that depend on neighbours.

    - a bare name line ('某甲', '某乙 某丙') right under a title, over body text, is the byline;
    - a heading between two body paragraphs is a subhead inside the article or the title of a new one:
      the heading model (`HEADING_FEATURES`) weighs how much the text on both sides shares, how the
      heading relates to them and to the current title, its length and marks; unless the paragraph
      before it is signed off with a bracketed remark (`signed_off`), which opens a new article (OCR debris
      sent to noise between the heading and its paragraph is read past: `text_around`); without a model, `same_topic` decides (a very short heading, '泰国', needs fewer shared words);
    - a heading of at most 4 characters over a dated report is a part of a round-up ('菲律宾');
    - a heading under body text over a bare name over body text is weighed by the same model against the text
      under the name: a subhead (the name then a paragraph of its section, an article by several hands) or a
      title (the name then its byline).

    Each title-or-subhead decision is appended to `log` with its probability. `model`: True for the
    shipped heading model, None or False for `same_topic`, or a `HeadingModel`; `features`: log the
    features of `same_topic`'s decisions too (for training).
    """
    out = list(roles)
    hm: HeadingModel | None = heading_model() if model is True else (model or None)
    marked_page = any(b.marked for b in blocks)
    gaps: tuple[float | None, int] | None = None  # (`_gap_reading`, looked up at the first heading weighed)
    title, chars, dated, subs, last_sub, bylined = "", 0, False, 0, None, False
    for i, b in enumerate(blocks):
        if out[i] == TITLE and (b.marked or i == 0 or i + 1 >= len(blocks) or i in keep):
            title, chars, subs, last_sub, bylined = (title if i and out[i - 1] == TITLE else "") + b.text, 0, 0, None, False
            continue
        if out[i] != TITLE:
            if out[i] in SIGNS:
                bylined = True
            elif out[i] == TEXT:
                if not chars:
                    dated = opens_dated(b.text)
                chars += len(b.text)
            continue
        t = b.text.strip()
        nxt_body = out[i + 1] == TEXT
        if nxt_body and out[i - 1] not in (TITLE, TEXT) and section_number(t):
            out[i] = "subhead"  # (logged: the decision is the rule's, no model weighed it)
            subs, last_sub = subs + 1, t
            if log is not None:
                log.append(HeadingDecision(i, True, None, {}, rule=SECTION_NUMBER_RULE))
            continue
        prev_t = blocks[i - 1].text.strip()
        lead_place = out[i - 1] == TITLE and nxt_body and not opens_dated(blocks[i + 1].text) \
            and not t.startswith(("——", "—")) and not ends_on_colon(prev_t)
        short_under = lead_place and (i < 2 or out[i - 2] != TITLE or _section_over(blocks, out, i - 1)) \
            and len(t) < 0.6 * len(prev_t)
        if lead_place and unit_and_names(unbulleted(t)):
            out[i] = "namebyline"  # '某县融媒体中心 某甲': the writer's unit and name under the title (review30a)
            bylined = True
            continue
        picture_head = short_under and picture_column(t)  # (a picture item's title under its kicker: a title)
        kicker_head = short_under and (picture_head or headline_under_kicker(blocks, out, i, lm))  # (then it stays a title line)
        if (short_under and not kicker_head) or (lead_place and lm is not None and ends_with_name(t, lm)):
            # a short line under a longer headline, over body text, or an author line with position and name
            # ('某部部长某甲'): the body's first line. An author line is so under a kicker and headline too
            # (two title lines above it): on the tuning splits 9 such lines are the body's first paragraph
            # (ctx title, title, text), none a title field. A section label over the headline is no line of
            # the title proper ('书评' over '某某书名（…）' over '某某内容简介': 2 of 2 such short lines on the
            # tuning splits are the body's first line).
            out[i] = "lead"
            continue
        if picture_head and log is not None:  # (logged where it stands: the line stays a title line)
            log.append(HeadingDecision(i, False, None, {}, rule=PICTURE_TITLE_RULE))
        if lead_place and not kicker_head and not BARE_NAMES.fullmatch(unbulleted(t)) and not _section_over(blocks, out, i) \
                and headline_above(blocks, out, i, lm):
            # the line above is the headline the body talks about: this one is the body's first (a section label
            # over a short headline is left to `title_parts`: a column's name may stand in the body by chance)
            out[i] = "lead"
            continue
        if out[i - 1] == NOISE and nxt_body and not opens_dated(blocks[i + 1].text) and not t.startswith(("——", "—")) \
                and not BARE_NAMES.fullmatch(t):
            k = i - 1
            while k > 0 and out[k] == NOISE:
                k -= 1  # (OCR debris or page furniture printed between two title lines is no part of either)
            if out[k] == TITLE and not ends_on_colon(blocks[k].text) \
                    and not ((k < 1 or out[k - 1] != TITLE) and title_section([blocks[k].text, b.text]) is not None) \
                    and headline_above(blocks, out, i, lm, above=k):
                out[i] = "lead"
                continue
        if hm is not None and lm is not None and out[i - 1] == TEXT and not signed_off(prev_t) \
                and i + 2 < len(blocks) and out[i + 1] == TITLE and out[i + 2] == TEXT and not blocks[i + 1].marked \
                and BARE_NAMES.fullmatch(blocks[i + 1].text.strip()) and patterns.surname_led(blocks[i + 1].text.strip()):
            # a heading over a bare name over body text, under body text: a section of an article written by several
            # hands (subhead, then its author's name), or a new article signed under its title; the model weighs the
            # heading against the text under the name (logged without features, so the trainer's examples stay the
            # headings between two body paragraphs: trained on these 6 too, the model gained none on the fresh pages)
            if signed_section_before(blocks, out, i) \
                    and same_topic(_around(blocks, out, i, -1), _around(blocks, out, i + 1, 1), lm,
                                   floor=SIGNED_SECTION_OVERLAP):
                # the article's sections are signed so already, and the text under the name shares their words: a
                # subhead over its author's name, like them (on another topic, a new article's title over its byline)
                out[i], out[i + 1] = "subhead", TEXT
                subs, last_sub = subs + 1, t
                if log is not None:
                    log.append(HeadingDecision(i, True, None, {}, rule="a heading over a name, in an article whose "
                                                                      "earlier section is signed so: a section"))
                continue
            gaps = gaps or _gap_reading(blocks, roles, raw_lines, hm)
            skip = blocks[:i + 1] + blocks[i + 2:]
            feats = heading_features(skip, out[:i + 1] + out[i + 2:], i, lm, title, chars, marked_page, raw_lines,
                                     dated, subs, last_sub, *gaps, bylined=bylined)
            p = hm.probability(feats)
            if log is not None:
                log.append(HeadingDecision(i, p >= hm.threshold, p, {}))
            if p >= hm.threshold:
                out[i], out[i + 1] = "subhead", TEXT
                subs, last_sub = subs + 1, t
                continue
        if out[i - 1] == TITLE and nxt_body and BARE_NAMES.fullmatch(bare := unbulleted(t)) and not kicker_head:
            out[i] = "namebyline" if patterns.surname_led(bare) else spaced_line_under_title(t, lm)
            bylined = bylined or out[i] == "namebyline"
        elif (between := text_around(blocks, out, i)) is not None and not signed_off(prev_t := blocks[between[0]].text.strip()) \
                and not organisation_alone(prev_t) \
                and (not opens_dated(blocks[between[1]].text) or (
                len(t) <= SUBHEAD_MAX and not dated_brief(blocks[between[1]].text))):
            # (a very short heading over a dated report: '某国' over '据新华社某地1月6日电…', a part of
            # a round-up; 6 of 6 such lines on the tune split, against 0 of 161 titles)
            short = len(t) <= SUBHEAD_MAX and " " not in t
            if lm is None:
                if short:
                    out[i] = "subhead"
                    continue
            elif signs_with_date(blocks, out, i):
                # (a paragraph of the item, as a subhead is; its features are still logged for the trainer, whose
                # examples these headings are: the model reads the 2 on the tuning folders as subheads too)
                gaps = gaps or _gap_reading(blocks, roles, raw_lines, hm)
                if log is not None:
                    log.append(HeadingDecision(i, True, None, heading_features(
                        blocks, out, i, lm, title, chars, marked_page, raw_lines, dated, subs, last_sub,
                        *(gaps if hm is not None else (None, gaps[1])), bylined=bylined) if features else {},
                        rule="a signature over the date that closes the text above it: a notice's or a letter's "
                             "sign-off"))
                out[i] = "subhead"
                subs, last_sub = subs + 1, t
                continue
            elif short and opens_dated(blocks[between[1]].text):
                out[i] = "subhead"
                subs, last_sub = subs + 1, t
                if log is not None:
                    log.append(HeadingDecision(i, True, None, {}, rule="a short heading over a dateline: a round-up's part"))
                continue
            elif len(t) > SUBHEAD_MAX and fragment_over_dated(blocks, out, between[1], lm):
                # over a fragment flow left over a dated report: a title, as over the report itself (its features
                # are still logged for the trainer, whose examples these headings were before the rule)
                gaps = gaps or _gap_reading(blocks, roles, raw_lines, hm)
                if log is not None:
                    log.append(HeadingDecision(i, False, None, heading_features(
                        blocks, out, i, lm, title, chars, marked_page, raw_lines, dated, subs, last_sub,
                        *(gaps if hm is not None else (None, gaps[1])), bylined=bylined) if features else {},
                        rule="over a fragment left over a dated report: a title"))
            elif hm is not None:
                gaps = gaps or _gap_reading(blocks, roles, raw_lines, hm)
                feats = heading_features(blocks, out, i, lm, title, chars, marked_page, raw_lines, dated, subs,
                                         last_sub, *gaps, bylined=bylined)
                if set_apart(feats, gaps[0]):  # (a title: its features still logged, the trainer's examples)
                    if log is not None:
                        log.append(HeadingDecision(i, False, None, feats, rule=SET_APART_RULE))
                elif photo_note_above(blocks, out, i):  # (a title: its features still logged, the trainer's examples)
                    # (on a page that marks its titles too: review42a asked to leave an unmarked heading there to the
                    # model, but real-OCR fresh light/008's title under a note is unmarked on a marked page, P 1.00)
                    if log is not None:
                        log.append(HeadingDecision(i, False, None, feats, rule=PHOTO_NOTE_RULE))
                elif quoted_heading_repeated(t, blocks[between[1]].text):
                    if log is not None:  # (a subhead: its features still logged, the trainer's examples)
                        log.append(HeadingDecision(i, True, None, feats, rule=QUOTED_HEADING_RULE))
                    out[i] = "subhead"
                    subs, last_sub = subs + 1, t
                    continue
                else:
                    p = hm.probability(feats)
                    sub = p >= hm.threshold
                    if log is not None:
                        log.append(HeadingDecision(i, sub, p, feats))
                    if sub:
                        out[i] = "subhead"
                        subs, last_sub = subs + 1, t
                        continue
            else:
                before, after = _around(blocks, out, i, -1), _around(blocks, out, i, 1)
                sub = same_topic(before, after, lm, floor=SHORT_SUBHEAD_OVERLAP if short else SUBHEAD_OVERLAP) \
                    and lm.word_coverage(t) >= 0.3  # (asked last, the dearest test) OCR debris is no subhead
                gaps = gaps or _gap_reading(blocks, roles, raw_lines, hm)
                if log is not None:
                    log.append(HeadingDecision(i, sub, None, heading_features(blocks, out, i, lm, title, chars,
                                                                             marked_page, raw_lines, dated, subs,
                                                                             last_sub, wide=gaps[1], bylined=bylined)
                                                    if features else {}))
                if sub:
                    out[i] = "subhead"
                    subs, last_sub = subs + 1, t
                    continue
        if out[i] == TITLE and log is not None and out[i - 1] in _ABOVE_SPLIT and not b.marked and i + 1 < len(blocks) \
                and (out[i + 1] in (BYLINE, "namebyline") or (nxt_body and opens_dated(blocks[i + 1].text))) \
                and not (log and log[-1].index == i):
            # a title opening a new item by rule, not by the model: logged too, so that `layoutfix diff` explains the
            # split (review26a; no features: the trainer's examples stay the model's own decisions)
            log.append(HeadingDecision(i, False, None, {}, rule=f"under {_ABOVE_SPLIT[out[i - 1]]} and over the "
                                       + ("byline" if not nxt_body else "dated report") + " printed under it: a title"))
        if out[i] == TITLE:
            title, chars, subs, last_sub, bylined = (title if out[i - 1] == TITLE else "") + b.text, 0, 0, None, False
    return out


SET_APART_RULE: Final = "set apart from the text above by a wide gap: a title"
# A heading right under a photo's note ('图为…', or the label '图片：' over a caption: `photo_note_above`) opens the
# next item: the tuning days' articles print their photo's note as their last paragraph. Of the headings between
# two body paragraphs on the tuning folders and fresh seeds 2, 4, 5, 6 and real-OCR seed 2, the 16 so placed are
# all gold titles and none of the 586 gold subheads is; the model, weighing shared words, read 5 of the 16 as
# subheads (up to P 1.0 on an unmarked title). As a learned feature the refit took it (-4.4) but moved the bias and
# merged two unrelated briefs of a review's page (test_segment's two undated articles), so it is a rule, as
# `set_apart` is.
PHOTO_NOTE_RULE: Final = "under a photo's note closing the text above ('图为…', '图片：'): a title"
QUOTED_HEADING_RULE: Final = "a quotation the paragraph under it repeats word for word: a subhead quoting its section"


QUOTED_MIN: Final = 5  # characters: a shorter quotation ('“家”', '“年味”') is a word any paragraph may use, and a title
                # quoting one is said again in its own first paragraph (review41b); the 3 subheads the rule is for hold
                # 6, 14 and 16 characters (one article's, rendered on five pages of the folders)


def quoted_heading_repeated(t: str, under: str) -> bool:
    """Is the heading `t` wholly one quotation ('“某某”', nothing outside the marks) that the paragraph under it
    says again word for word ('…遵循“某某”的准则。')? Of the 1,601 tuning-day titles (news_zh, 1998-01-01..16)
    one is wholly a quotation, and the text under it does not repeat it; of 23 such lines inside articles (subheads,
    lines of dialogue) 3 are repeated in the paragraph under them. The heading model read two such subheads as
    titles on the tuning and fresh folders (P(subhead) 0.16-0.42), each cutting its article in three."""
    inner = t[1:-1]
    return len(t) > 2 and t[0] == "“" and t[-1] == "”" and "“" not in inner and "”" not in inner \
        and len(inner) >= QUOTED_MIN and inner in under


SECTION_NUMBER_RULE: Final = "a lone numeral over body text, under no paragraph: the number of a section of the article above"
# A line that is a numeral alone ('二', '三') numbers a section of the article it stands in: none of the 1,601 titles
# of the tuning days (news_zh, 1998-01-01..16) is one, 5 paragraphs are. The heading model reads those between two
# paragraphs as subheads already (13 of 13 on the tuning and fresh folders: left to it, they stay `segtrain`'s
# examples); under a photo's credit or a line of page furniture printed inside the article it never weighed them,
# and each opened an item of its own (fresh seed 6).
SECTION_NUMBER: Final = re.compile(r"[一二三四五六七八九十]{1,3}")


def section_number(t: str) -> bool:
    """Is the line `t` a Chinese numeral alone, a section's number ('二')?"""
    return len(t) <= 3 and SECTION_NUMBER.fullmatch(t) is not None


def set_apart(feats: dict[str, float], gap_prior: float | None) -> bool:
    """Is the heading set apart from the paragraph above by a wide gap (`gap`, read from the dump, not the model's
    prior for a page that prints none)? Then it opens a new item whatever the text on both sides shares: of the
    1,214 headings the model weighed on synthetic tune, real_ocr_tune and fresh seeds 2, 4, 5, 6, 12, the 145 so
    set apart are all gold titles, and none of the 654 gold subheads is (the model read 2 of them as subheads,
    at 0.58 and 0.69: a long article before, words shared across). Not when the article has a subhead of its
    length already (`sibling`): a second subhead may open a new column after a wider gap (review37a)."""
    return gap_prior is None and feats["gap"] >= 1.0 and not feats["sibling"]


def text_around(blocks: list[Block], roles: list[str], i: int) -> tuple[int, int] | None:
    """(the block above, the block below) heading i when both are body text, looking past the OCR debris sent to
    noise between the heading and the paragraph under it ('丁 斤 乡 万寸'), else None: such debris is no part of the
    page's text, and a heading it followed had no title-or-subhead decision and stayed a title (the subhead on
    synthetic tune 019 cut its article in two). Debris above a heading is not looked past: what OCR left of a
    printed rule or picture between two items sets the next one apart (test_seg22_verse_debris), and neither is
    page furniture (`debris`: an editor's line closes a page's or column's text)."""
    n = i + 1
    while n + 1 < len(roles) and debris(blocks[n], roles[n]):
        n += 1
    return (i - 1, n) if roles[i - 1] == TEXT and roles[n] == TEXT else None


# what a title opening a new item by rule may stand under, as its logged reason names it (under a photo's credit or
# a table the split had gone unlogged; review27a)
_ABOVE_SPLIT: Final = {TEXT: "body text", CREDIT: "a photo's credit", TABLE: "a table"}


# The words the text under a signed section's name must share with the text above its heading (`same_topic`'s
# two-character dictionary words). The sections of the tuning folders' article by several hands share 0.096 to 0.164
# of them (its later sections had been read as titles); between two body paragraphs on the tuning folders 248 of
# the 485 gold titles share less than 0.05, and 19 of the 136 subheads.
SIGNED_SECTION_OVERLAP: Final = 0.05


def spaced_line_under_title(t: str, lm) -> str:  # type: ignore[no-untyped-def]
    """The role of a line of short runs set apart by spaces, right under a title and over body text, whose runs
    do not all open with a surname (so no byline). OCR debris ('者某 入某', scraps: on the tuning splits 2 of 2 such
    lines are the gold's noise, one of them three scraps with a word in two, which `words.is_garbage` lets pass)
    goes to noise; a line whose every character stands in a dictionary word of two or more is a second title
    line of two phrases as feature pages print them ('某地 春色', review29a), kept as the body's first line, as a
    line of names is there."""
    return "lead" if lm is not None and lm.word_coverage(t) >= 1.0 else NOISE


def signed_section_before(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Does the current article (the text since its last title line, above heading i) hold a subhead printed over a
    bare name over body text ('某某精品' / '某甲' / …): a section its own author signs, in an article written by
    several hands? Then a later heading over a bare name is the next section, not a new article signed under its
    title (on the tuning folders the sections after the first of such an article had been read as titles, 3 of 3,
    the model weighing each heading alone; fresh seed 2 prints the same article with all three sections right)."""
    for k in range(i - 1, 0, -1):
        if roles[k] == TITLE:
            return False
        if roles[k] == "subhead" and roles[k + 1] in (TEXT, "lead") and k + 2 < len(blocks) and roles[k + 2] == TEXT:
            name = blocks[k + 1].text.strip()
            if BARE_NAMES.fullmatch(name) and patterns.surname_led(name):
                return True
    return False


def fragment_over_dated(blocks: list[Block], roles: list[str], k: int, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is text block k a fragment `flow` left over a dated report (block k + 1 opens with a dateline; k runs across
    clauses and opens as the rest of a paragraph, flow's opening odds below 0: what `items.stray_before_dateline`
    sets aside)? A heading over it stands over that report, as a title does: on the tuning folders and fresh seed 2
    the 3 headings under body text over such a fragment are gold titles (one of them the heading model had taken
    for a subhead at P 0.80, the fragment hiding the dateline from it)."""
    return lm is not None and k + 1 < len(blocks) and roles[k + 1] == TEXT and opens_dated(blocks[k + 1].text) \
        and not opens_dated(blocks[k].text) and runs_across_clauses(blocks[k].text) \
        and opening_odds(blocks[k].text, lm) < 0.0


# A short line under a longer title line is the headline under a kicker, not the body's first line, when the body is
# about it and not about the line above: at least this share of its content words stand in the body's opening, and
# none of the line above's. On the tuning folders and seed 82 this pass made 193 lines under a title the body's first
# line; of the 182 the gold holds, 13 are headlines under a kicker. 5 pass this test (a short headline such as
# '某某须知' under a kicker the body never names) and none of the 169 first lines of a body does (the nearest: a
# weather box's line of analysis, 1 of its 3 words in the body, under a line none of whose words are; names and
# role words share none).
KICKER_TOPIC: Final = 0.5


def _opening(blocks: list[Block], roles: list[str], i: int) -> str:
    """The Han characters of the body text under line i, its first `TOPIC_CHARS` (what a title line is weighed
    against: does the body's opening talk about it?)."""
    body, k = "", i + 1
    while k < len(blocks) and roles[k] == TEXT and len(body) < TOPIC_CHARS:
        body += blocks[k].text
        k += 1
    return han_prefix(body, TOPIC_CHARS)


def han_prefix(text: str, n: int) -> str:
    """`han_only(text)[:n]` for n >= 0, read from a prefix of `text` twice as long when that holds `n` Han characters (the Han
    characters of a prefix are a prefix of the Han characters): a title's body may run to thousands of characters,
    of which the opening is all that is weighed (seg59)."""
    head = han_only(text[:2 * n])
    return head[:n] if len(head) >= n else han_only(text)[:n]


def headline_under_kicker(blocks: list[Block], roles: list[str], i: int, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is the short line at i, under the title line i - 1 and over body text, the headline under a kicker (the line
    above it): the body's opening talks about it (`KICKER_TOPIC`) and about nothing of the line above? The same
    reading `settle_title` gives a one-line title whose first part the body does not talk about."""
    t = blocks[i].text.strip()
    if lm is None or (BARE_NAMES.fullmatch(t) and patterns.surname_led(t)):
        return False  # (a bare name under a title is its byline, named in the body or not)
    words = content_words(t, lm)
    if not words:
        return False
    han = _opening(blocks, roles, i)
    if sum(w in han for w in words) < KICKER_TOPIC * len(words):
        return False  # (a word of the opening's segmentation stands in its characters: most stop here unsegmented)
    opening = content_words(han, lm)
    return len(words & opening) >= KICKER_TOPIC * len(words) and not content_words(blocks[i - 1].text, lm) & opening


def headline_above(blocks: list[Block], roles: list[str], i: int, lm,  # type: ignore[no-untyped-def]
                   above: int | None = None) -> bool:
    """Is the title line over line i (a line under it, over body text) the headline, so that line i is the
    body's first line: the body's opening talks about the line above (at least `KICKER_RELATED` of its content
    words stand in it, the share under which `title_parts` calls a first title line a kicker)? A kicker over a
    headline is set apart from the story (another article's title on the synthetic pages), while a short line
    under a headline the story is about opens the body: an author line, a list's first line, a table's head.
    `above`: the title line's index when page noise stands between it and line i (default i - 1)."""
    if lm is None or (i + 2 < len(blocks) and roles[i + 2] == TEXT and opens_dated(blocks[i + 2].text)
                      and runs_across_clauses(blocks[i + 1].text) and opening_odds(blocks[i + 1].text, lm) < 0.0):
        return False  # (a stray fragment over a dated report: `items.stray_before_dateline` sets it aside, and
        # the line read here is then the report's headline under a kicker)
    words = content_words(blocks[i - 1 if above is None else above].text, lm)
    if not words:
        return False
    han = _opening(blocks, roles, i)
    if sum(w in han for w in words) < KICKER_RELATED * len(words):
        return False  # (no segmentation of the opening can hold more of them than its characters do)
    return len(words & content_words(han, lm)) >= KICKER_RELATED * len(words) \
        and not subheadline_in_lead(blocks[i].text, words, blocks[i + 1].text if i + 1 < len(blocks) else "", lm)


# A subheadline the lead paragraph talks about ('全市供暖工作全面启动' over '八成小区完成管网改造' over '记者…获悉，今年全市
# 已有八成小区完成管网改造，供暖工作全面启动…'): the lead sums up headline and subheadline, at least this share of the
# content words of each standing in it. On the tuning folders and fresh seed 2, 25 lines under a headline the body talks
# about are the body's first line (`headline_above`); the 3 whose first paragraph holds this much of both are a
# section head of the body that carries the headline's own topic word ('房改：…' under '房改…', '什么是住房分配货币化'
# under '住房分配货币化…'), which a subheadline, saying the news in words of its own, does not. (Session 24's
# review: the line's own words in the body's opening alone took 4 tuning pages' first section heads for
# subheadlines, their titles 0.895 -> 0.842.)
SUBHEAD_LEAD: Final = 0.5


def subheadline_in_lead(line: str, head_words: set[str], lead: str, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is `line`, under a headline with content words `head_words`, its subheadline: the lead paragraph `lead`
    under it holds at least `SUBHEAD_LEAD` of the line's content words and of the headline's, and the line shares
    none of the headline's?"""
    words = content_words(line, lm)
    if not words or words & head_words or sum(w in lead for w in words) < SUBHEAD_LEAD * len(words):
        return False  # (the cheap tests first: a name or author line stands nowhere in the lead)
    in_lead = content_words(lead, lm)
    return len(words & in_lead) >= SUBHEAD_LEAD * len(words) and len(head_words & in_lead) >= SUBHEAD_LEAD * len(head_words)


def _section_over(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Is the title line at i the first line of its group after a section label (the line above it,
    which opens the group)?"""
    return i >= 1 and roles[i - 1] == TITLE and (i < 2 or roles[i - 2] != TITLE) \
        and title_section([blocks[i - 1].text, blocks[i].text]) is not None
VERSE_RUN: Final = 5  # a run of this many title-like lines is verse or a list, not a title group
VERSE_COMMAS: Final = "，、"  # a short line that stops on one of these goes on in the next line


def verse_lines(blocks: list[Block], roles: list[str], log: list[HeadingDecision] | None = None) -> list[str]:
    """Short unpunctuated lines that go on a poem or a list are text, not titles.

    - a title-like line right after a short text line that stops mid-sentence continues it
      ('某某的一句' after '某某，比某某还');
    - a run of VERSE_RUN or more title-like lines is verse or a list: only its first line may be a
      title (the poem's own), or, over a byline or dateline, its last lines (a title group has at most
      kicker, headline and subheadline), or, over a closing '（某甲）', its last line when that ends in a
      bracketed remark ('某某（书法）': the title of an artwork whose whole text is the name);
    - a shorter run over a short verse line that is text on its own shape (a clause mark, a cut on a function
      word) and that goes on into more title-like lines is the poem's first lines, cut off the rest by that line
      (`verse_beyond`): they count with the lines under it, and only the run's first line may be the poem's
      title, none when a title stands above the run (past a jump line). On fresh seed 4 three poems ('某某' over
      three or four lines, then '于是，某某' and the rest) had their first lines read as kicker, headline and
      subheadline;
    - a '——' subheadline inside a run closes a title group and the run is cut under it: the lines above it are
      its titles (as over a byline: when they are a run long enough to be verse, its last three lines) (a section label, a title, a headline and its
      '——记…' subheadline over a line of OCR debris were read as verse, the article's titles its first
      paragraphs: fresh seed 4 page 028, real_ocr_tune heavy 016);
    - a run in a group of poems under a title that announces them ('某某（外二首）') is verse when it opens with the
      title of the group's next numbered part ('某某（二）') or goes on one's verse, and verse follows it
      (`in_poem_group`); the group's title over its first part ('（一）') stays the title and the rest is verse. Each
      such run is logged at its first line (`POEM_PART_RULE`) in `log`.

    The line a run follows is the last one not sent to noise: a line of OCR debris inside a poem (heavy damage
    leaves such lines among the verse) does not make the verse line under it a title. On real_ocr_tune heavy
    one poem of 73 lines was cut into four items so (pair F1 0.715 -> 0.930); on fresh seed 2 pair F1 0.919 ->
    0.956, F1~ 0.893 -> 0.901. A run's line that ends in a bracketed remark ('某某（图片）') and stands over no
    short line of text is an item's title, not verse going on: over more verse it is a numbered part of the
    poem ('某某（二）'), over a caption or paragraph a picture's or article's title (real_ocr_tune light: 1 picture
    title under a prose piece OCR cut short, none lost on the tuning folders or fresh seed 2).
    """
    out = list(roles)
    n = len(blocks)
    i = 0
    while i < n:
        if out[i] != TITLE or blocks[i].marked:
            i += 1
            continue
        j = i
        while j < n and out[j] == TITLE and not blocks[j].marked:
            j += 1
        dash = next((p for p in range(i + 1, j) if blocks[p].text.lstrip().startswith(SUBHEAD_DASHES)), None)
        if dash is not None:
            j = dash + 1  # (a '——' subheadline closes a title group: the run is cut under it, see `heads`)
        k = i - 1  # the line the run follows: OCR debris sent to noise inside a poem is looked past
        while k >= 0 and out[k] == NOISE:
            k -= 1
        prev = blocks[k].text.strip() if k >= 0 else ""
        heads = dash is not None or _opens_signed(blocks, out, j)
        # (open-end evidence: flow's "open_end" flag, and the line stops mid-sentence; a short closing paragraph
        # whose 。 OCR lost must not swallow the next article's title on its shape alone)
        # (a verse line may stop on a comma: '某地，某地，' over '某某的一句', inside a poem, that is under
        # another short line of text; the comma is then no reason to call the line a list point, so
        # `never_title` asks about the line without it. A short piece ending in a comma under a byline or a
        # long paragraph is prose cut off, and may stand over another item's title)
        clause = prev[-1:] in VERSE_COMMAS and k >= 1 and out[k - 1] == TEXT \
            and len(blocks[k - 1].text.strip()) <= VERSE_LINE_MAX \
            and j < n and out[j] == TEXT and len(blocks[j].text.strip()) <= VERSE_LINE_MAX
        # (and the poem goes on in short lines after the run: a short answer or list point cut at a break,
        # over a kicker and headline over body text, leaves the next item's titles alone; review12b)
        verse_after = j < n and out[j] == TEXT and len(blocks[j].text.strip()) <= VERSE_LINE_MAX
        goes_on = not heads and k >= 0 and out[k] == TEXT and len(prev) <= VERSE_LINE_MAX \
            and (clause or HAN.fullmatch(prev[-1:]) is not None) and open_end(blocks[k]) \
            and not never_title(prev[:-1] if clause else prev) and "interleaved" not in blocks[k].flags \
            and not (TRAILING_BRACKET.search(blocks[i].text) and not verse_after) and not organisation_alone(prev)
        poem = not goes_on and not heads and in_poem_group(blocks, out, i, k, j)
        if goes_on or poem:
            first = i
        elif not heads and j - i >= 2 and ANNOUNCED_POEMS.search(blocks[i].text) is not None \
                and part_number(blocks[i + 1].text.strip()) == 1 and verse_follows(blocks, out, j):
            first = i + 1  # (the group's title over its first numbered part: the rest is the poems')
            poem = True
        elif j - i >= VERSE_RUN:
            first = i + 1
        elif not heads and (m := verse_beyond(blocks, out, j)) - i - 1 >= VERSE_RUN:
            # (a verse line with a clause mark or cut on a function word is text on its own shape, and cut the
            # poem's first lines off the rest: they are verse too, and under a title they are all the poem's)
            first = i + 1 if _above_past_jumps(out, i) != TITLE else i
            j = m
        else:
            i = j
            continue
        last = j
        if heads:
            last = max(first, j - 3)
        elif j < n and out[j] == "endbyline" and TRAILING_BRACKET.search(blocks[j - 1].text) is not None:
            last = j - 1  # '某某（书法）' over the closing '（某甲）' after a poem: an artwork's own item
        for k in range(first, last):
            out[k] = TEXT
        if poem and log is not None:
            log.append(HeadingDecision(first, True, None, {}, rule=POEM_PART_RULE))
        i = j
    return out


POEM_PART_RULE: Final = "a numbered part of the poems its title announces (or that part's verse)"


def in_poem_group(blocks: list[Block], roles: list[str], i: int, k: int, j: int) -> bool:
    """Is the run of title-like lines from block i to block j verse of a group of poems printed under one title that
    announces them ('某某（外二首）', `ANNOUNCED_POEMS`): the run opens with a numbered part's title ('某某（二）') or
    goes on the verse of one (text block k, the line above it past OCR debris), that part numbers the group's next
    poem (`announces_poems`), and verse follows the run (`verse_follows`)? Those part titles and their verse are
    the article's paragraphs; read as titles, each part was cut off as an item of its own (fresh seeds 2 and 5: 239
    to 610 of a page's same-article pairs lost). A series' numbered part ('某某（二）' over prose) after the group
    stays a title: prose follows it, and its number need not go on the group's."""
    if numbered_part(blocks[i].text.strip()):
        part = i
    elif k >= 0 and roles[k] == TEXT and numbered_part(blocks[k].text.strip()):
        part = k
    else:
        return False
    return verse_follows(blocks, roles, j) and announces_poems(blocks, roles, part)


def verse_follows(blocks: list[Block], roles: list[str], j: int) -> bool:
    """Does verse follow a run of title-like lines that ends at block j: the next block past OCR debris is a short
    line of text (at most `VERSE_LINE_MAX` characters), more title-like lines (the verse goes on past the debris) or
    the poem's closing signature ('（某甲）'), or the page ends? Over prose or a byline the run's lines are another
    item's titles (a series' part, a report's subheads, the next article's headline) whatever their shape."""
    while j < len(blocks) and roles[j] == NOISE:
        j += 1
    if j < len(blocks) and roles[j] == TEXT:
        return len(blocks[j].text.strip()) <= VERSE_LINE_MAX
    return j == len(blocks) or roles[j] in (TITLE, "endbyline")


def announces_poems(blocks: list[Block], roles: list[str], part: int) -> bool:
    """Does the numbered part's title at block `part` number the next poem of a group its title announces: up past
    the group's short lines of text (its verse and the part titles above, at most `VERSE_LINE_MAX` characters each),
    OCR debris and a byline, the nearest title lines announce poems (`ANNOUNCED_POEMS`), and the nearest part title
    on the way numbers the poem before this one (with none on the way, this one is '（一）': under '某某（外二首）'
    the title's own poem comes first, unnumbered)? A paragraph of prose or a jump line stops the walk: what stands
    above it is another article."""
    want = part_number(blocks[part].text.strip())
    before = 0
    k = part - 1
    while k >= 0 and (roles[k] in (NOISE, BYLINE)
                      or (roles[k] == TEXT and len(blocks[k].text.strip()) <= VERSE_LINE_MAX)):
        if not before and roles[k] == TEXT:
            before = part_number(blocks[k].text.strip()) or 0
        k -= 1
    if want != before + 1:
        return False
    while k >= 0 and roles[k] == TITLE:
        if ANNOUNCED_POEMS.search(blocks[k].text) is not None:
            return True
        k -= 1
    return False


def verse_line_goes_on(blocks: list[Block], roles: list[str], k: int) -> bool:
    """Is text block k a short verse line that the title-like line under it goes on (as `verse_lines` reads the
    line above a run: short, cut off on a Han character, no list point, printed in its place)?"""
    t = blocks[k].text.strip()
    return roles[k] == TEXT and len(t) <= VERSE_LINE_MAX and HAN.fullmatch(t[-1:]) is not None \
        and open_end(blocks[k]) and not never_title(t) and "interleaved" not in blocks[k].flags


def verse_beyond(blocks: list[Block], roles: list[str], j: int) -> int:
    """Where the verse goes on past a run of title-like lines that ends at block j: past a short verse line at j
    (`verse_line_goes_on`) and the unmarked title-like lines under it, which that line goes on into; j when
    there is no such line or nothing title-like under it, or when those lines head a byline or a dateline."""
    if j + 1 >= len(blocks) or not verse_line_goes_on(blocks, roles, j):
        return j
    m = j + 1
    while m < len(blocks) and roles[m] == TITLE and not blocks[m].marked:
        m += 1
    if m == j + 1 or _opens_signed(blocks, roles, m):
        return j
    return m


def _opens_signed(blocks: list[Block], roles: list[str], k: int) -> bool:
    """Is block k a byline or a dated opening (what a run of title lines over it heads: a title group, no verse)?"""
    return k < len(blocks) and (roles[k] in (BYLINE, "namebyline", "lead")
                                or (roles[k] == TEXT and opens_dated(blocks[k].text)))


def _above_past_jumps(roles: list[str], i: int) -> str | None:
    """The role of the block above block i, past OCR debris and jump lines ('（上接第3版）' under a poem's title)."""
    k = i - 1
    while k >= 0 and roles[k] in (NOISE, JUMP):
        k -= 1
    return roles[k] if k >= 0 else None


def exclaimed_titles(blocks: list[Block], roles: list[str], lm=None) -> list[str]:  # type: ignore[no-untyped-def]
    """A title-like line ending in '！' or '？' ('某某才好！') is a title when it stands where an item
    opens: right after one has closed (a photo credit, page noise, a closing byline or a paragraph signed off
    with a bracketed remark) and over more text. Elsewhere such a line is a sentence of the text (a question
    a paragraph asks). On the tuning splits 7 lines so placed are titles and 1 is a paragraph; after an
    unsigned paragraph they are paragraphs 17 times in 19. A line with one comma ('某某，谁先动筷子？') is
    taken so placed only over text, a byline or a '——' subheadline: on the tuning folders and seed 6, 2 of 2
    such lines are titles; the one over another title ('啊，某某坏啦！' after page noise) is a paragraph. Under a
    photo whose paragraph above goes on after the line (`_resumes_above_photo`), such a line is the article's own.
    Under an unsigned paragraph it is a title over a block that stops on a Han character, no mark (a deck line,
    '某某带着学生演了三场，随后赶到某地', or the piece of a paragraph a column break cut): on the tuning and fresh
    folders (tune, seeds 2 and 4-13) 9 such lines are titles and none a paragraph; over a block closing on a mark
    (a sentence, an answer) 2 are titles, 95 paragraphs. That block must have text under it: a paragraph cut at
    the page's end or by a jump line also stops on a Han character, and flow, which joins a cut piece to the text
    after it, leaves only those (review41b: a question over the page's last, cut paragraph made an item of it).
    The 9 lines count 2 distinct titles (the folders render the same articles), so the shape rests on little."""
    out = list(roles)
    for i in range(1, len(blocks) - 1):
        if out[i] != TEXT or not blocks[i].text.rstrip().endswith(("！", "？")):
            continue  # (the cheap tests first: most blocks stop here)
        t = blocks[i].text.strip()
        if blocks[i].marked or never_title(t):
            continue
        if is_title_like(t):
            if out[i + 1] not in (TEXT, TITLE, BYLINE):
                continue
        elif not (_title_shaped(blocks[i]) and out[i + 1] in (TEXT, BYLINE, DASH_SUB)):
            continue  # (one comma: '某某，谁先动筷子？', over text, a byline or its '——' subheadline only)
        prev = out[i - 1]
        if prev == CREDIT and not is_title_like(t) and _resumes_above_photo(blocks, out, i, lm):
            continue
        if prev in (CREDIT, NOISE, "endbyline") or (prev == TEXT and signed_off(blocks[i - 1].text)) \
                or (prev == TEXT and out[i + 1] == TEXT and HAN.fullmatch(blocks[i + 1].text.rstrip()[-1:]) is not None
                    and i + 2 < len(blocks) and out[i + 2] == TEXT):
            out[i] = TITLE
    return out


# A speaker before the comma: '某某说，…！' reports what someone said (speech verbs, a closed class), which a
# title on a page of one topic ('某事，谁来管？') does not.
_SAID: Final = re.compile(r"(?:说|道|表示|称|问|讲|喊|感叹)$")


def _resumes_above_photo(blocks: list[Block], roles: list[str], i: int, lm) -> bool:  # type: ignore[no-untyped-def]
    """Does the text after the one-comma line at i (right under a photo's credit and its one-block caption) go on
    with the paragraph above the photo: it shares more two-character dictionary words with that paragraph than
    with the line ('…新建和改建农村公路…' / photo / '村民们说，路修好了真方便！' / '县交通局…明年还将新修公路…')?
    Then the photo stands inside the article and the line is a quoted remark of its text, not the next item's
    title. Only a line that reports a speaker before its comma (`_SAID`): a follow-up item on the same topic
    shares the paragraph's words too, and its title names no speaker (review16b). (On the tuning folders and seeds 6 and 35 no one-comma line stands under a credit, so the rule that
    took such lines as titles had no example there; review15b's page shows the harm.) Without a model, no."""
    if lm is None or i < 3 or i + 1 >= len(blocks) or roles[i - 3] != TEXT or roles[i + 1] != TEXT:
        return False
    if not _SAID.search(re.split(r"[，,]", blocks[i].text.strip(), maxsplit=1)[0]):
        return False
    after = _word_pairs(blocks[i + 1].text, lm)
    return len(after & _word_pairs(blocks[i - 3].text, lm)) > len(after & _word_pairs(blocks[i].text, lm))


def titles_over_jumps(blocks: list[Block], roles: list[str]) -> list[str]:
    """A title-shaped line (`_title_shaped`: one comma or a closing '？' allowed) right over a jump line that continues
    an article from an earlier page ('（上接第2版）') is that article's title: the jump line is printed under the
    title of the part continued here. On the tuning folders and fresh seed 2, 98 of the 99 lines right over such a
    jump line are gold titles; the shape tests left 3 of them as text ('某某，更要某某——某某谈某某', '“有人某某，有某某”探由',
    '某某是否属于某某？'), and the one that is no title is a paragraph cut mid-sentence with two commas and a stop."""
    out = roles
    for i in range(len(blocks) - 1):
        if roles[i] != TEXT or roles[i + 1] != JUMP or blocks[i].marked or not _title_shaped(blocks[i]):
            continue
        m = patterns.JUMP.match(blocks[i + 1].text.strip())
        if m is not None and m.group("dir") in patterns.JUMP_FROM:
            if out is roles:
                out = list(roles)
            out[i] = TITLE
    return out


SPACED_TITLE_MAX: Final = 30  # (the short lines `spaced_titles` looks at)


def spaced_titles(blocks: list[Block], roles: list[str], raw_lines: list[str] | None) -> list[str]:
    """A short line shaped like a title that the shape tests left as text because of a comma or a closing
    '！'/'？' ('某某，又到年终时', '某某，请多保重！') is a title when the dump sets it apart from a finished
    paragraph above by two or more blank lines, over more text: on the three tuning folders 2 of 2 such lines
    are titles, and none of the 300 short lines of that shape between text blocks with less space above is
    (nor is any of them a paragraph when so spaced). Two or more, and more than the page's usual gap between
    paragraphs (`wide_gap`): on a page spaced wider throughout every such line would be a title."""
    if not raw_lines:
        return roles
    out, wide = list(roles), 0  # (`wide_gap` over the roles given, looked up at the first line so spaced)
    for i in range(1, len(blocks) - 1):
        if out[i] != TEXT or out[i - 1] != TEXT or out[i + 1] != TEXT or blocks[i].marked:
            continue
        if not _title_shaped(blocks[i]):
            continue
        if blocks[i - 1].text.rstrip()[-1:] in ("。", "！", "？", "”", "…", "）", ")") \
                and (gap := blank_lines_above(raw_lines, blocks[i].line)) >= 2 \
                and gap >= (wide := wide or wide_gap(raw_lines, blocks, roles, 2)):
            out[i] = TITLE
    return out


def _title_shaped(b: Block) -> bool:
    """A short line a title may be although the shape tests left it as text: at most one comma and no other
    clause mark (`heads_article`), or a closing '！'/'？' ('某某，请多保重！'); no list point, not cut off
    from a paragraph `flow` interleaved."""
    t = b.text.strip()
    return len(t) <= SPACED_TITLE_MAX and not never_title(t) and "interleaved" not in b.flags \
        and (heads_article(b) or (t.endswith(("！", "？")) and sum(t.count(c) for c in "，,") <= 1
                                  and not any(c in t[:-1] for c in "。；！？")))


def page_top_title(blocks: list[Block], roles: list[str]) -> list[str]:
    """The first line of the page (page furniture sent to noise aside) opens its first item: a line left as
    text only for a comma or a closing '！'/'？' ('某某，又到年终时', '某某怎么办？') is its title when text
    follows. On the three tuning folders and seed 6's fresh pages all 269 pages whose first line is not
    noise open with a gold title line, and the 7 first lines of this shape the shape tests left as text are
    all titles."""
    k = 0
    while k < len(roles) and roles[k] == NOISE:
        k += 1
    if k + 1 >= len(blocks) or roles[k] != TEXT or blocks[k].marked or roles[k + 1] not in (TEXT, TITLE, BYLINE, DASH_SUB) \
            or opens_dated(blocks[k].text) or not _title_shaped(blocks[k]):
        return roles
    out = list(roles)
    out[k] = TITLE
    return out


PICTURE_LABEL_RULE: Final = "the picture label '图片：' under text and over a title line: the last line of the text above"


def lead_ins(blocks: list[Block], roles: list[str], log: list[HeadingDecision] | None = None) -> list[str]:
    """A title-like line ending in '：' right over body text is the text's lead-in ('图片：', '编辑同志：',
    '各位来宾：'): 52 such paragraphs on the tune split, and none of its title fields ends in '：'
    (over another title line it still runs on into it: '某地：' + '某某工作有新进展'; over two or more, see
    below)."""
    out = list(roles)
    for i in range(len(blocks) - 1):
        if out[i] != TITLE or blocks[i].marked:
            continue
        nxt = out[i + 1]
        if nxt == TEXT or nxt == "endbyline":
            if ends_on_colon(blocks[i].text) or PICTURE_LABEL.fullmatch(blocks[i].text.strip()):
                out[i] = TEXT  # (over a closing '（某甲）' it is the last paragraph of the article that name signs;
                # the picture label with its colon lost in OCR, '图片', is the same lead-in)
        elif nxt == TITLE and i + 2 < len(blocks) and out[i + 2] == "endbyline" and not blocks[i + 1].marked \
                and ends_on_colon(blocks[i].text):
            out[i] = out[i + 1] = TEXT  # 'X：' + a picture's title + the closing name: the signed article's end
    for i in range(len(blocks) - 2):
        if out[i] == TITLE and out[i + 1] == TITLE and out[i + 2] == TITLE and not blocks[i].marked \
                and ends_on_colon(blocks[i].text) \
                and all(out[k] == TITLE and not blocks[k].marked
                        and not blocks[k].text.lstrip().startswith(SUBHEAD_DASHES) for k in (i + 1, i + 2)):
            # over two or more title lines it introduces the first of them, a picture's title or a list's
            # first item (a title 'X：' runs on into one line, over the body): both are text. On the tuning
            # splits 10 of the 11 such lead-ins are paragraphs with the line after them; the 11th stood over
            # a headline and a subhead the gold keeps as body text.
            out[i] = out[i + 1] = TEXT
    # The picture label '图片：' under text and over one title line is that text's last line, not the start of the
    # title it would run on into (session 43: the tuning folders and fresh seeds 2 and 4 hold 113 such label
    # paragraphs and no title that holds one; 10 of the 11 labels that ran on into the next title are text now)
    for i in range(1, len(blocks) - 1):
        if out[i] == TITLE and out[i - 1] == TEXT and out[i + 1] == TITLE and not blocks[i].marked \
                and PICTURE_LABEL.fullmatch(blocks[i].text.strip()):
            out[i] = TEXT
            if log is not None:
                log.append(HeadingDecision(i, True, None, {}, rule=PICTURE_LABEL_RULE))
    return out


def dated_entries(blocks: list[Block], roles: list[str]) -> list[str]:
    """Lines of a date and its weekday alone that `part_role` sent to noise as page headers are a diary's entries,
    text, when two or more of them stand between body text of the page, each right over a paragraph and after text
    or a byline (review29a: a diary printed as an article lost its dated entries; a page header's date stands over
    the page's first title, not between paragraphs)."""
    dates = [i for i in range(1, len(blocks) - 1) if roles[i] == NOISE and roles[i + 1] == TEXT
             and roles[i - 1] in (TEXT, BYLINE) and patterns.DATE_WEEKDAY_LINE.fullmatch(blocks[i].text.strip())]
    if len(dates) < 2:
        return roles
    out = list(roles)
    for i in dates:
        out[i] = TEXT
    return out


WRAPPED_GROUP_MAX: Final = 2  # title lines in the run a wrapped line opens (itself included), at most
WRAPPED_LINE_RULE: Final = "a printed line's wrap inside a word ('…具 体…'): a column's body line, no heading"


def wrapped_body_lines(blocks: list[Block], roles: list[str], lm,  # type: ignore[no-untyped-def]
                       log: list[HeadingDecision] | None = None) -> list[str]:
    """A title-shaped line holding a printed line's wrap inside a word (`parts.wrapped_inside_word`: '…一些具 体项目')
    is a column's body line cut off its paragraph, text: between paragraphs it had been weighed as a heading and
    read as the title of an item of its own (real-OCR fresh seed 2 and real_ocr_tune light: each cut its article in
    two). Asked after the passes that read a run of such lines as verse or a list (a line made text inside a run
    would cut it short, and the rest of the run read as titles). A title group over a dated report or a byline is
    left alone: on synthetic tune the 3 such lines there are the report's lead line, a paragraph of its item in the
    gold, and as text a line between the title and the report made the report open an untitled item of its own
    (found 0.931 -> 0.928). So is a line right under a title line (past OCR debris and jump lines), where the wrap may be the
    title's own (a subheadline printed over two lines, '…追 悔莫及'), and a line ending with a name, an author line
    ('…司长某 某某': a wrap inside a name the dictionary lacks reads as a word cut; both seen on hold-out fresh seed 3,
    each read as text there). So is a line that opens a run of three or more title lines (`WRAPPED_GROUP_MAX`): a short
    list's or a poem's first line ('某县人民医院外科病 房护理组' over two more units), or a full title group's kicker;
    made text, it went to the item above and left the rest of the run to head an item of its own (review48b's pages).
    On the dev folders every such line made text stands over text or over one title line, the headline of the next item
    ('图片新闻'). Each line so made text is logged at its index in `log` (`prepare` then removes its
    wrap spaces: `unwrapped_body_lines`)."""
    out: list[str] | None = None
    for i, b in enumerate(blocks):
        if roles[i] != TITLE or b.marked:
            continue
        t = b.text.strip()
        if not wrapped_inside_word(t, lm):
            continue  # (`wrapped_inside_word` answers most lines on their first test: no space in them)
        k = i + 1
        while k < len(blocks) and roles[k] == TITLE:
            k += 1
        if k - i > WRAPPED_GROUP_MAX or _opens_signed(blocks, roles, k) or _above_past_jumps(out or roles, i) == TITLE \
                or ends_with_name(t, lm):
            continue
        out = out or list(roles)
        out[i] = TEXT
        if log is not None:
            log.append(HeadingDecision(i, True, None, {}, rule=WRAPPED_LINE_RULE))
    return out or roles


WRAP_SPACE_REASON: Final = "line-wrap space in a body line cut off its paragraph removed"


def unwrapped_body_lines(blocks: list[Block], roles: list[str], log: list[HeadingDecision],
                         edits: list[Edit]) -> list[Block]:
    """The lines `wrapped_body_lines` made text, without the wrap spaces normalize left them because they looked
    like titles ('…军 队建设思想…的 总', real_ocr_tune light): as text they are paragraphs, and a paragraph keeps none
    (`normalize.joined_wrap_spaces`, as flow removes a joined title-like piece's; a slogan's separators stay). One
    segment `space` edit per run of spaces removed, at its source line and with its offset once the runs before it
    are gone, the block's origin shifted to match (as `flow` does), so `audit.undo` restores the line."""
    made = sorted({d.index for d in log if d.rule == WRAPPED_LINE_RULE})
    out = blocks
    for i in made:
        b = blocks[i]
        if roles[i] != TEXT:
            continue  # (no pass after it makes such a line a title again; kept safe)
        new, removed = joined_wrap_spaces(b.text)
        if not removed:
            continue
        runs: list[list[int]] = []
        for k in removed:  # (in text order)
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        step: list[Edit] = []
        gone = 0
        for ks in runs:
            step.append(Edit(STAGE, "space", b.text[ks[0]:ks[-1] + 1], "", b.line_at(ks[0]), 1.0, WRAP_SPACE_REASON,
                             b.text[max(0, ks[0] - 12):ks[-1] + 12], offset=ks[0] - gone))
            gone += len(ks)
        edits += step
        if out is blocks:
            out = list(blocks)
        out[i] = replace(b, text=new, origin=shifted_origin(b.origin, step))
    return out


LIST_RUN: Final = 2  # title-like lines in a row under a paragraph ending in '：' that make a list


HEADLINE_SHARED: Final = 3  # distinct Han character pairs the run's last line shares with the text under it, at least


def _headline_of_text_under(last: str, text: str) -> bool:
    """Is the last line of a run under a paragraph cut at its '：' the headline of the text under it: that text
    takes up its words ('某某老人喜过生日' over '昨天，…为某某老人举办了生日会'; review30a: the next article's
    section label and headline became list items of the article above)? A list's last item is one point among
    others; the paragraph under the list speaks of them all, not of the last one's words."""
    return len(set(han_pairs(last)) & set(han_pairs(text))) >= HEADLINE_SHARED


CLOCK_TIME: Final = re.compile(r"(?<![0-9])[0-2]?[0-9][:：][0-5][0-9](?![0-9])")


def _listing_entry(text: str) -> bool:
    """Is the line an entry of a listing (a schedule): a clock time and fields set apart by spaces ('周六上午9:00
    某馆 某活动')? Titles print no clock time; what's-on and TV listings print one in every entry."""
    t = text.strip()
    return " " in t and (":" in t or "：" in t) and CLOCK_TIME.search(t) is not None  # (no colon, no clock time: a
    # paragraph with a space is not scanned by the pattern, seg59)


def listing_lines(blocks: list[Block], roles: list[str]) -> list[str]:
    """A run of `LIST_RUN` or more unmarked title lines under body text or a title, each a listing's entry
    (`_listing_entry`), is text, a paragraph an entry (review30a: a what's-on listing under its lead became a new
    item's kicker, headline and subheadline, its spaces gone; a TV page's programmes went to the noise as titles
    with nothing under them). The text under the run, if any, must be undated; a single unmarked line between two
    such runs is a label of the same listing ('某频道'), text too."""
    out = list(roles)
    runs: list[tuple[int, int]] = []
    i = 1
    while i < len(blocks):
        if out[i - 1] not in (TEXT, TITLE) or out[i] not in (TEXT, TITLE):
            i += 1
            continue
        k = i
        while k < len(blocks) and out[k] in (TEXT, TITLE) and not blocks[k].marked and _listing_entry(blocks[k].text):
            k += 1
        if k - i >= LIST_RUN and TITLE in out[i:k] and (k >= len(blocks) or out[k] == TITLE
                                  or (out[k] == TEXT and "dateline" not in blocks[k].flags)):
            out[i:k] = [TEXT] * (k - i)
            runs.append((i, k))
        i = max(k, i + 1)
    for (_, end), (start, _) in zip(runs, runs[1:]):
        if start == end + 1 and not blocks[end].marked:
            out[end] = TEXT  # a label between two runs of one listing ('某频道' over its programmes): the listing's
    return out


def list_items(blocks: list[Block], roles: list[str]) -> list[str]:
    """The short lines a paragraph ending in '：' introduces are its list's items, text: a run of `LIST_RUN` or
    more unmarked title-like lines right under such a paragraph and over body text that is no dated report
    ('…注意以下几点：' + '◆注意保暖' / '◆合理饮食' + '只要做到这几点…'; review29a: they were read as a new item's
    section, kicker and headline). A title group under a paragraph cut at its colon stands over the next
    article's dated text or byline, and so stays."""
    out = list(roles)
    i = 0
    while i < len(blocks) - 1:
        if out[i] != TEXT or not ends_on_colon(blocks[i].text):
            i += 1
            continue
        k = i + 1
        while k < len(blocks) and out[k] == TITLE and not blocks[k].marked \
                and not blocks[k].text.lstrip().startswith(SUBHEAD_DASHES):
            k += 1
        if k - i - 1 >= LIST_RUN and k < len(blocks) and out[k] == TEXT and "dateline" not in blocks[k].flags \
                and not _headline_of_text_under(blocks[k - 1].text, blocks[k].text):
            for j in range(i + 1, k):
                out[j] = TEXT
        i = max(k, i + 1)
    return out


CUT_CLAUSE_RULE: Final = ("a paragraph cut at a column's foot above the next title (a quotation left open, a sentence ending inside"
                   " it, or '、' beside its comma)")


def promote_heads(blocks: list[Block], roles: list[str], log: list[HeadingDecision] | None = None) -> list[str]:
    """Short unterminated lines right above a dateline or byline are titles, commas or not; so is a long title
    line right above a dateline (`long_title_over_dateline`). Above the line next to the dateline or byline, a
    line that reads as a paragraph cut at a column's foot (`flow.blocks.reads_as_cut_clauses`) ends the title
    group: it is the foot of the article before, not a kicker (the line right above a dated report stays a title
    line whatever OCR made of its marks: '某地实现“两基？', a closing quote read as '？'); the line right above a
    byline ends it when a sentence ends inside it with text after (`flow.blocks.sentence_ends_inside`, the one shape
    no title has whatever its commas: a title line over a byline may hold '、' and a comma, '…要写得自然，更要…——某地作家、
    学者谈…'): real-OCR fresh seed 2 printed a paragraph's first line, '…引人注目。明明是…', over its byline, and it
    became the headline, the title its kicker."""
    out = list(roles)
    for i, b in enumerate(blocks):
        starts = roles[i] == BYLINE or (roles[i] == TEXT and opens_dated(b.text))
        j = i - 1
        if starts and roles[i] == TEXT and j >= 0 and out[j] == TEXT and long_title_over_dateline(blocks[j]) \
                and "interleaved" not in blocks[j].flags:
            out[j] = TITLE
            j -= 1
        if starts and j >= 1 and bullet_points(blocks[j].text) and out[j - 1] == TITLE \
                and not any(c in blocks[j - 1].text for c in patterns.BULLETS):
            # a line of points between a title and a dateline is the title's subheadline ('●某甲措施●…');
            # 2 of 2 on the tuning splits (points over body text that has no dateline are its paragraphs)
            out[j] = TITLE
            j -= 1
        while starts and j >= 0 and out[j] in (TEXT, TITLE) and heads_article(blocks[j]) \
                and "interleaved" not in blocks[j].flags and not never_title(blocks[j].text.strip()) \
                and not finished_sentence(blocks[j].text) and not organisation_alone(blocks[j].text):
            if out[j] != TITLE and (reads_as_cut_clauses(blocks[j].text.strip()) if j < i - 1
                                    else roles[i] == BYLINE and sentence_ends_inside(blocks[j].text.strip())):
                if log is not None:  # (kept text of the article above: logged, so `layoutfix diff` says why)
                    log.append(HeadingDecision(j, True, None, {}, rule=CUT_CLAUSE_RULE))
                break
            out[j] = TITLE
            j -= 1
    return out


def after_unit_signature(blocks: list[Block], roles: list[str]) -> list[str]:
    """A unit's name alone under a finished paragraph (`words.organisation_alone`: '某某部' under an editors'
    note) signs that article off: a title-shaped line of text right under it, over text, opens the next article
    (the signature had been read as that article's headline, the title under it as its first paragraph)."""
    out: list[str] | None = None
    for i in range(2, len(blocks) - 1):
        if roles[i - 1] == TEXT and roles[i - 2] == TEXT and roles[i] == TEXT and roles[i + 1] == TEXT \
                and not blocks[i].marked and organisation_alone(blocks[i - 1].text) \
                and not stops_mid_sentence(blocks[i - 2].text) and heads_article(blocks[i]) \
                and not never_title(blocks[i].text.strip()):
            out = out or list(roles)
            out[i] = TITLE
    return out or roles


def unmarked_above_marks(blocks: list[Block], roles: list[str]) -> list[str]:
    """On a page that marks its titles with '## ', unmarked short lines right above a marked title
    are not part of it: the one line directly above may be a section label (a short run of Han
    characters); the others ('付林', '1998年1月' closing a letter) are text of the article before."""
    if not any(b.marked for b in blocks):
        return roles
    out = list(roles)
    for i, b in enumerate(blocks):
        if not b.marked or (i and blocks[i - 1].marked):
            continue
        j, top = i - 1, i - 1  # `top`: the line that may still be a section label
        while j >= 0 and not blocks[j].marked and (out[j] == TITLE or (out[j] == TEXT and is_title_like(blocks[j].text))):
            if j == top and out[j] == TITLE and kicker_over_mark(blocks, roles, j):
                top = j - 1  # a kicker, and over it perhaps the section label
            elif out[j] == TITLE and not (j == top and SECTION_LABEL.fullmatch(blocks[j].text.strip())):
                out[j] = TEXT
            j -= 1
    return out


KICKER_MAX: Final = 20  # (the kickers of the tuning folders' marked pages have 9-16 characters)


def kicker_over_mark(blocks: list[Block], roles: list[str], j: int) -> bool:
    """On a page that marks titles with '## ', the unmarked title line right above a marked one is its kicker
    (or headline over a marked subheadline) when an item can open there: at the top of the page, after a
    finished paragraph, a closing signature in brackets ('（某甲）', read as a closing byline or not) or under a
    section label; a line of verse (under another short line), a date or a bracketed signature is not. On the
    three tuning folders 4 of 4 such lines are title parts; of the other unmarked lines right above a mark with a
    title's shape, none so placed is text within these bounds (a 35-character paragraph that lost its full stop
    to OCR is longer than `KICKER_MAX`). Session 23: under a closing signature the kicker had been made text of the
    article above it (fresh seed 2: 2 kickers; tune and the real-OCR tuning pages hold no such line)."""
    t = blocks[j].text.strip()
    if len(t) > KICKER_MAX or NUMERIC.search(t) or t.endswith(("）", ")")) or SECTION_LABEL.fullmatch(t):
        return False
    if j == 0:
        return True
    above = blocks[j - 1].text.strip()
    return roles[j - 1] in (TEXT, TITLE, "endbyline") \
        and (above[-1:] in ("。", "！", "？", "）", ")") or SECTION_LABEL.fullmatch(above) is not None)


def after_byline(blocks: list[Block], roles: list[str]) -> list[str]:
    """Unmarked title-like lines right under a byline line ('●本报记者 某某'), over body text, open the body
    (a subhead '车轮24小时转', the first lines of a poem): a byline stands between a title and its body, so
    no item opens right after it. On the tuning splits all 9 such runs whose text the gold holds are
    paragraphs of the article the byline signs (none is a title). A run over a dateline is left alone
    (the title of a report of its own)."""
    out = list(roles)
    n = len(blocks)
    for i in range(1, n):
        if out[i] != TITLE or blocks[i].marked or out[i - 1] != BYLINE:
            continue
        j = i
        while j < n and out[j] == TITLE and not blocks[j].marked:
            j += 1
        if j < n and out[j] == TEXT and not opens_dated(blocks[j].text):
            for k in range(i, j):
                out[k] = "lead"
    return out


GLUED_NAMES_MIN: Final = 4  # (two names of two characters: the shortest run `patterns.split_glued` cuts)


def names_under_titles(blocks: list[Block], roles: list[str]) -> list[str]:
    """A line of names printed with no separator right under a title, over body text ('某甲某某乙某'), is the
    body's first line, not OCR debris: such a line makes no dictionary word, so `is_garbage` calls it noise
    (on the tuning splits and the fresh dev pages 14 of 14 such lines under a title are the gold's first
    paragraph). Only a run that `is_garbage` sent to noise and that `patterns.split_glued` cuts into names
    is taken (a headline that makes words is never noise, so no title line is touched here); so is a line of two or
    more names set apart by spaces, each opening with a surname ('某甲 某乙', review28a: sent to noise)."""
    out, i = roles, 0
    while True:
        try:
            i = roles.index(NOISE, i + 1)  # (a scan in C: most pages have a few noise lines, many have none)
        except ValueError:
            return out
        if i + 1 >= len(roles) or roles[i - 1] != TITLE or roles[i + 1] != TEXT or blocks[i].role != TEXT:
            continue
        t = blocks[i].text.strip()
        runs = t.split()
        if (GLUED_NAMES_MIN <= len(t) and HAN_RUN.fullmatch(t) is not None and patterns.split_glued(t)) \
                or (len(runs) >= 2 and all(2 <= len(r) <= 4 and HAN_RUN.fullmatch(r) for r in runs)
                    and patterns.surname_led(t) and patterns.only_names(t)):
            if out is roles:
                out = list(roles)
            out[i] = "lead"


def after_subheadline(blocks: list[Block], roles: list[str]) -> list[str]:
    """A title ends with its '——' subheadline: title-like lines after it, over body text, open the body
    ('某某部长某甲' under '——某某讲话')."""
    out = list(roles)
    for i in range(1, len(blocks)):
        if out[i] != TITLE or blocks[i].marked or out[i - 1] not in (TITLE, "lead"):
            continue
        j = i - 1
        while j >= 0 and out[j] == "lead":
            j -= 1
        if j >= 1 and out[j] == TITLE and out[j - 1] == TITLE \
                and blocks[j].text.lstrip().startswith(SUBHEAD_DASHES):
            out[i] = "lead"
    return out


# Marks that open what a title closes on the same line: of the 1,498 title parts ('——' split) of the People's Daily
# tuning days one leaves one open ('读《某某' cut at a '——' inside the book title: a dump prints such a title's
# '——' line under it, no body text); between two body-text blocks on the tuning folders and fresh seeds 2, 4, 11
# and 12, the three title-shaped lines that leave one open are pieces of paragraphs cut at a column break
# ('他说：“某某条约 使欧洲' over '大厦焕然一新…'; one had opened an item of its own, two were subheads).
OPEN_CLOSE: Final = (("“", "”"), ("《", "》"), ("（", "）"))


def leaves_open(t: str) -> bool:
    """Does the line open a quotation, a book title or a bracket (`OPEN_CLOSE`) more often than it closes one?"""
    return any(t.count(a) > t.count(b) for a, b in OPEN_CLOSE)


def cut_lines(blocks: list[Block], roles: list[str], lm) -> list[str]:  # type: ignore[no-untyped-def]
    """A title-shaped line that stops on a function word (`parts.stops_on_function_word`) is text, a piece of a
    paragraph cut at a column break, when what is printed next continues it (`parts.continues_cut_line`);
    otherwise it stays a title ('某某是怎样炼成的' over a paragraph that opens as paragraphs do). So is one between
    two body-text blocks that leaves a quotation, a book title or a bracket open (`leaves_open`)."""
    out = list(roles)
    for i, b in enumerate(blocks):
        if roles[i] != TITLE or b.marked:
            continue
        t = b.text.strip()
        if 0 < i < len(blocks) - 1 and roles[i - 1] == TEXT and roles[i + 1] == TEXT and leaves_open(t):
            out[i] = TEXT  # between body text, a line that opens a quotation or a book title and stops: a piece
            continue
        if not stops_on_function_word(t, lm):
            continue
        after = blocks[i + 1].text.strip() if i + 1 < len(blocks) and roles[i + 1] == TEXT else ""
        if continues_cut_line(t, after, lm):
            out[i] = TEXT
    return out


# A title-shaped line that `flow` glued at the end of a paragraph ('…加强宏观' + '某某工程建设大事记') is cut off again
# when flow's own join probability was low: on the tuning splits the 8 such pieces that are gold titles were
# joined at 0.65-0.78, the 5 that truly continue their paragraph at 0.987 or more.
GLUED_TITLE_JOIN: Final = 0.9


def heads_next_item(b: Block, lm) -> bool:  # type: ignore[no-untyped-def]
    """Is block `b`, printed right under a title-shaped piece, what stands under an item's title: a byline
    ('本报评论员', '记者某甲') or a dated report ('新华社某地某月某日电')? Then the piece is that item's title, whatever
    flow's join probability: a paragraph cut at a column break goes on with its text, not with a byline or a
    dateline. On the tuning folders and fresh seed 2 the title-shaped last pieces of flow's joins printed over such a
    block are 4, all gold titles, 2 of them joined at 0.934 and 0.978; the 10 pieces joined at 0.9 or more that
    are no title stand over body text or have no block start printed under them."""
    if b.role == BYLINE or opens_dated(b.text):
        return True
    t = b.text.strip()  # (`part_role`'s test for a role line, '本报评论员', without the tests before it)
    return (len(t) <= ROLE_ONLY_MAX or " " in t or "\u3000" in t) and patterns.ROLE_ONLY.fullmatch(t) is not None


def split_glued_titles(blocks: list[Block], page_edits: tuple[Edit, ...], lm,  # type: ignore[no-untyped-def]
                       log: list[Edit]) -> list[Block]:
    """Cut a title-shaped last piece off a block flow joined with probability below GLUED_TITLE_JOIN, or with
    any probability when the block printed right after the piece heads an item (`heads_next_item`: it is then
    put back in print order, over that block); each cut is logged (no character changes) with the join's
    probability."""
    if not any(len(b.origin) > 1 for b in blocks):
        return blocks
    # (only a last piece short enough for a title can be cut off: the join probabilities of the others are not
    # looked up, and a page with no such piece leaves its edit log unread)
    ends = {b.origin[-1][1] for b in blocks if b.role == TEXT and len(b.origin) > 1
            and len(b.text[b.origin[-1][0]:].strip()) <= TITLE_LIKE_MAX} \
        | {b.origin[1][1] for b in blocks if b.role == TEXT and len(b.origin) > 1 and b.origin[1][0] <= TITLE_LIKE_MAX}
    if not ends:
        return blocks
    joins = {e.line: e.confidence for e in page_edits if e.line in ends and e.kind == "join" and e.stage == "flow"}
    out: list[Block] = []
    before: dict[int, Block] = {}  # id of the block printed right after a piece cut off at any probability -> the piece
    order: PrintOrder | None = None  # (built at the first confident join of a title-length piece)
    next_id = max((b.id for b in blocks), default=-1) + 1
    for b in blocks:
        if b.role != TEXT or len(b.origin) < 2:
            out.append(b)
            continue
        head = glued_head(b, out[-1] if out else None, joins, lm, next_id)
        if head is not None:
            title, b = head
            out.append(title)
            next_id += 1
            p = joins[b.line]
            log.append(Edit(STAGE, "split", "", "", title.line, round(1.0 - p, 3),
                            f"title-shaped line cut off the paragraph flow joined it to (join probability {p:.2f}; "
                            f"the paragraph opens as paragraphs do)", title.text.strip()[:30]))
            if len(b.origin) < 2:
                out.append(b)
                continue
        start, line = b.origin[-1]
        piece = b.text[start:]
        join_prob = joins.get(line)
        if join_prob is None or not piece.strip() or not b.text[:start].strip():
            out.append(b)
            continue
        under = None
        if join_prob >= GLUED_TITLE_JOIN:  # (the cheap look at the block printed under the piece first: most fail here)
            order = order or PrintOrder(blocks)
            under = order.after(line)
            if under is None or not heads_next_item(under, lm):
                out.append(b)
                continue
        if part_role(Block(id=next_id, text=piece.strip(), line=line), lm) != TITLE \
                or stops_on_function_word(piece.strip(), lm):
            out.append(b)
            continue
        out.append(replace(b, text=b.text[:start], origin=b.origin[:-1], flags=b.flags | {"open_end"}))
        cut = Block(id=next_id, text=piece, line=line, origin=((0, line),))
        next_id += 1
        if under is not None:
            before[under.id] = cut
            why = f"over the {'dated report' if opens_dated(under.text) else 'byline'} printed under it"
        else:
            out.append(cut)
            why = f"join probability {join_prob:.2f}"
        log.append(Edit(STAGE, "split", "", "", line, round(1.0 - join_prob, 3),
                        f"title-shaped line cut off the paragraph flow joined it to ({why})", piece.strip()[:30]))
    if before:
        out = [x for b in out for x in ((before[b.id], b) if b.id in before else (b,))]
    return out


def glued_head(b: Block, prev: Block | None, joins: dict[int, float], lm,  # type: ignore[no-untyped-def]
               next_id: int) -> tuple[Block, Block] | None:
    """(the title, the rest) when block `b`, printed where an item opens (at the top of the page or after `prev`, a
    closing signature, credit or page noise: `exclaimed_titles`' places), opens with a title-shaped piece flow joined
    to the text after it with probability below `GLUED_TITLE_JOIN` and that text opens as a paragraph does (flow's
    learned opening odds >= 0, `opening_odds`): a title over its article's first paragraph, not a line cut
    mid-sentence ('…的' over '问候。…'), else None. On the tuning folders and fresh seed 2, 17 first pieces so shaped
    were joined below 0.9: the 1 gold title (0.705, under a closing signature) over text with opening odds 0.80, the
    16 others over text that continues them (odds below 0). Under a finished paragraph a list cut in a name
    ('…还有：张三、李四、王' over '五六、赵七等。') opens with figures, as paragraphs often do, and stays."""
    cut, line = b.origin[1]
    p = joins.get(line)
    piece, rest = b.text[:cut], b.text[cut:]
    if p is None or p >= GLUED_TITLE_JOIN or not piece.strip() or not rest.strip() \
            or not (prev is None or prev.role in (CREDIT, NOISE) or signed_off(prev.text)
                    or (prev.text.strip()[:1] in patterns.BY_OPEN and part_role(prev, lm) == "endbyline")) \
            or part_role(Block(id=next_id, text=piece.strip(), line=b.line), lm) != TITLE \
            or stops_on_function_word(piece.strip(), lm) or opening_odds(rest.strip(), lm) < 0.0:
        return None
    return (Block(id=next_id, text=piece, line=b.line, origin=((0, b.line),)),
            replace(b, text=rest, line=line, origin=tuple((o - cut, ln) for o, ln in b.origin[1:])))


CUT_DATELINE_MAX: Final = 30  # (the longest dateline head the tuning folders print, '据新华社某地某月某日', is under 20)


# The date a notice or a letter is issued on, alone on its line, in figures or in Chinese numerals.
ISSUE_DATE: Final = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月"
                        r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})日")


def signs_with_date(blocks: list[Block], roles: list[str], i: int) -> bool:
    """Is heading i, under body text, the signature of what is above it: over a line holding only a date, the
    last text before the next title or the page's end? A notice or a letter closes with who issued it over the
    date (review28a: the issuer became the title of a second article whose text was the date; the heading model
    had read the line as a subhead only when the text above ended with no closing formula such as '特此通知。'
    and the issuer's name was short)."""
    return i + 1 < len(blocks) and roles[i + 1] == TEXT and ISSUE_DATE.fullmatch(blocks[i + 1].text.strip()) is not None \
        and (i + 2 >= len(blocks) or roles[i + 2] != TEXT)


BRIEF_TITLE_MAX: Final = 20  # the longest title a bulleted brief prints before its dateline (Han characters and marks)
_NOT_IN_TITLE: Final = frozenset("，。；：！？、,.;:!?")  # a clause mark before the dateline: the bullet opens a sentence


def _dated_after_bullet(t: str) -> bool:
    """Does the bulleted block open with its dateline right after the bullet ('●某某网消息：…', '●某台消息：…')? Then
    the bullet opens a dated item with no title: a later dateline match inside the outlet's name ('某某' / '网消息')
    is no cut (review30a: the outlet's name was cut in two and its head became a subhead)."""
    return patterns.DATELINE.match(t[1:].lstrip(" \u3000")) is not None


def split_bulleted_briefs(blocks: list[Block], log: list[Edit]) -> list[Block]:
    """Cut a briefs column's '■<title> <dateline> <text>' into the brief's title and its dated text: a block that
    opens with a bullet and a short run with no clause mark in it, then a dateline (`patterns.DATELINE`), is a
    brief printed on one run of lines under its title (review28a: the column came out one article, each brief a
    paragraph with its title and dateline glued into its text). The bullet goes (logged, as any character
    removed); the cut changes no other character and is logged. No block of the tuning folders, fresh seed 11 or
    the unseen-text pages opens so."""
    if not any(b.text[:1] in patterns.BULLETS for b in blocks):
        return blocks  # (most pages: no block opens with a bullet, and the list is not copied)
    out: list[Block] = []
    next_id = max((b.id for b in blocks), default=-1) + 1
    for b in blocks:
        t = b.text
        cut = None
        if b.role == TEXT and not b.marked and t[:1] in patterns.BULLETS and len(b.origin) <= 1 \
                and not _dated_after_bullet(t):
            for k in range(3, min(len(t), BRIEF_TITLE_MAX + 2)):
                if t[k - 1] in _NOT_IN_TITLE or t[k - 1] in patterns.BULLETS:
                    break
                if patterns.AGENCY_DATELINE.match(t[k:]) is not None:
                    cut = k  # (an agency's dateline where it opens: a general dateline also matches a few
                    break    # characters of the title before it, as an outlet's name: '…通车新华社某地…电')
                if cut is None and patterns.DATELINE.match(t[k:]) is not None:
                    cut = k
        if cut is None or not t[1:cut].strip():
            out.append(b)
            continue
        title, text = t[1:cut].strip(), t[cut:]
        out.append(Block(id=next_id, text=title, line=b.line, origin=((0, b.line),)))
        out.append(replace(b, text=text, origin=((0, b.line),)))
        next_id += 1
        log.append(Edit(STAGE, "strip", t[0], "", b.line, 0.9, "the bullet opening a brief's title", t[:12]))
        log.append(Edit(STAGE, "split", "", "", b.line, 0.9, "a bulleted brief's title cut off the dateline printed "
                        "after it on the same run of lines", f"{title[-8:]}⏎{text[:8]}"))
    return out


# A photo's caption opens with '图为' (or a number, '2、图为'); where `flow` glued a body line cut at a column's foot onto
# it ('…而且首期就' + '图为某某与职工一起学习。' over '某某 摄'), the caption opens inside the block, right after a Han
# character that makes no word with 图 (not '意图为', '插图为', '右图为'). In the gold of the dev folders (synthetic tune,
# fresh seeds 2/4/5/6, real_ocr_tune, real-OCR fresh seeds 2/4, the samples), 246 captions and paragraphs hold '图为'
# past their start, after a mark ('。', '、', '（') or in such a word (右图, 插图): none after another Han character.
# On the same pages 6 caption blocks over a credit hold one so: 5 at a dump line `flow` joined on, each a body piece
# cut mid-sentence glued to the photo's caption (which made the photo no gold item's partner), and 1 inside one
# printed line, a caption whose '。' heavy OCR lost (`joined_at` leaves it). '图为什么' is a question, no caption
# (as `shapes.NOTE_OPENING`).
GLUED_CAPTION: Final = re.compile(r"(?<=\p{Han})(?:[0-9]{1,2}、)?图为(?!什么)")
GLUED_CAPTION_HAN_MIN: Final = 2  # Han characters the glued piece must hold (a lone character is no body line)
# Characters that make 图 a picture of the page in grammar, not a word the dictionary lists: where it is placed (上图,
# 左图), which one (该图, 此图, 本图, 这图, 那图, 每图, 另图) or how it is referred to (如图, 见图, 附图, 组图). A caption
# wrapped before '图为' there ('…夜景如' + '图为…') is one caption. A closed grammatical class, not words from pages.
PICTURE_DETERMINERS: Final = "上下左右中该此本这那每另如见附组"
# A body line cut mid-sentence runs across clauses: all 5 glued pieces on the dev pages hold a '，'. A caption's
# wrapped title-like opening holds none ('某某村的资料' + '图为…', 资料图 being no word the dictionary lists).
CLAUSE_MARK: Final = re.compile(r"[，,]")
# A numbered list item opening a block ('1、'): a numbered caption group, whose later '2、图为' is the next caption.
LIST_NUMBER: Final = re.compile(r"[0-9]{1,2}、")
# The cut is a rule with no score of its own: the confidence of the stage's other rule-made splits (a bulleted
# brief's title, a particular on a line of its own); all 5 cuts on the dev pages were right.
GLUED_CAPTION_CONFIDENCE: Final = 0.9
GLUED_CAPTION_RULE: Final = ("a caption opening ('图为') printed after a body line cut mid-sentence, over a photo "
                             "credit: the body line glued onto the caption is cut off")


def glued_caption_at(text: str, lm) -> int | None:  # type: ignore[no-untyped-def]
    """Where the caption glued after a cut body line opens in `text` (None: it opens the block, or nowhere): the
    first '图为' (or '2、图为') right after a Han character, with at least GLUED_CAPTION_HAN_MIN Han characters and a
    clause mark (`CLAUSE_MARK`) before it, where 图 ends no word: no dictionary word with the one or two Han characters
    before it ('意图', '设计图') and no picture named by place or reference (`PICTURE_DETERMINERS`: '左图', '如图').
    None too when the block opens as a caption ('图为…', '1、…'): what comes before the '图为' is caption too."""
    lead = text.lstrip()
    if CAPTION_OPENING.match(lead) or LIST_NUMBER.match(lead):
        return None
    m = GLUED_CAPTION.search(text)
    if m is None:
        return None
    at = m.start()
    han = han_only(text[:at])
    if len(han) < GLUED_CAPTION_HAN_MIN or han[-1] in PICTURE_DETERMINERS or not CLAUSE_MARK.search(text, 0, at):
        return None
    if _word_pairs(han[-1] + "图", lm) or text[max(0, at - 2):at] + "图" in lm.logp:
        return None
    return at


def joined_at(b: Block) -> set[int]:
    """The offsets in `b`'s text where a dump line `flow` joined on starts (its origins but the first)."""
    return {s for s, _ in b.origin if s > 0}


def split_glued_captions(blocks: list[Block], lm, log: list[Edit]) -> list[Block]:  # type: ignore[no-untyped-def]
    """Cut a body line `flow` glued onto a photo's caption off it (`glued_caption_at`): the text block right over a
    photo credit that holds a caption opening after a cut body line, at the start of a dump line `flow` joined on
    (`joined_at`), becomes that body line (open at its end, no longer the photo's: `caption_groups` takes only the
    caption) and the caption. A caption opening inside one printed line stays: heavy OCR drops the '。' of a caption
    '某地发展花卉生产，年产值达1亿多元。图为…' (real_ocr_tune). No character changes; the cut is logged."""
    out: list[Block] = []
    next_id = max((b.id for b in blocks), default=-1) + 1
    for i, b in enumerate(blocks):
        at = None
        if b.role == TEXT and not b.marked and i + 1 < len(blocks) and blocks[i + 1].role == CREDIT:
            at = glued_caption_at(b.text, lm)
            if at is not None and at not in joined_at(b):
                at = None  # printed on the line the text before it ends on: one caption ('…1亿多元' + lost '。')
        if at is None:
            out.append(b)
            continue
        head, caption = b.text[:at], b.text[at:]
        # (`at` is where a joined dump line starts, `joined_at`: the origins split there, the first one's at 0 kept)
        cap_origin = tuple((s - at, ln) for s, ln in b.origin if s >= at)
        cap_line = cap_origin[0][1]
        out.append(replace(b, text=head, origin=tuple(o for o in b.origin if o[0] < at),
                           flags=(b.flags - {"interleaved", "credited"}) | {"open_end"}))
        out.append(Block(id=next_id, text=caption, line=cap_line, origin=cap_origin, flags=b.flags))
        next_id += 1
        log.append(Edit(STAGE, "split", "", "", cap_line, GLUED_CAPTION_CONFIDENCE, GLUED_CAPTION_RULE,
                        f"…{head[-8:]}⏎{caption[:8]}…"))
    return out


def rejoin_cut_datelines(blocks: list[Block], log: list[Edit]) -> list[Block]:
    """Put a dateline cut before its last character back together: a short block that reads as a dateline only with
    the '电' or '讯' the next block opens with ('新华社某地12月30日' over '电（记者某甲）某国外长…', cut at a column
    break that `flow` left) is joined to that block, so the report is dated under its article and the head is no
    heading (the heading model had taken it for a title over the rest of the report). The wrap spaces of the short
    block go (a title-like line keeps them from `normalize`); no other character changes, and the join is logged.
    On the tuning folders and fresh seed 2 two dumps print such a cut, both inside a round-up of dated reports
    (`flow` joined one of them itself)."""
    # (or cut inside its date, before the day or the month's figure: '新华社某地1月' over '30日电…', review27a)
    opens = {k for k in range(1, len(blocks)) if (c := _first_char(blocks[k].text)) in ("电", "讯")
             or c.isdigit() or (c != "" and c in patterns.NUMERALS)}
    if not opens:
        return blocks  # (most pages: no block opens on 电 or 讯, and the list is not copied)
    out: list[Block] = []
    k, n = 0, len(blocks)
    while k < n:
        b = blocks[k]
        nb = blocks[k + 1] if k + 1 < n else None
        if nb is None or k + 1 not in opens or b.role != TEXT or nb.role != TEXT or b.marked or nb.marked \
                or len(b.origin) > 1 or len(b.text.strip()) > CUT_DATELINE_MAX:
            out.append(b)
            k += 1
            continue
        head = "".join(b.text.split())
        rest = nb.text.lstrip()
        m = patterns.DATELINE.match(head + rest)
        if m is None or m.end("dl") <= len(head) or patterns.DATELINE.match(head) is not None:
            out.append(b)
            k += 1
            continue
        out.append(glue(b, nb, head, rest, ((0, b.line),)))
        log.append(Edit(STAGE, "join", "", "", nb.line, 0.9,
                        f"line {b.line} continues at line {nb.line}: a dateline cut before its '{rest[0]}' "
                        f"('{head}' + '{rest[:m.end('dl') - len(head)]}') is put back together", f"{head}⏎{rest[:8]}"))
        k += 2
    return out


def mend_misread_bylines(blocks: list[Block], log: list[Edit]) -> list[Block]:
    """Put right a byline's role word OCR misread at one character (`patterns.misread_byline`: a look-alike of the
    glyph confusion table): '本狠记者某甲' is a byline, not the title of a new article that cut its own in two (real-OCR
    fresh seed 2: the line became a headline over the article's second half), and '本报记着某甲' names 某甲, not
    记着某甲. The block becomes a byline with the character put right, logged as a glyph edit; no other character
    changes. No line of the tuning folders reads so (synthetic tune, real_ocr_tune); real-OCR fresh seeds 2 and 4
    print one each."""
    out = blocks
    for k, b in enumerate(blocks):
        if b.role not in (TEXT, BYLINE) or b.marked or len(b.text) > 2 * patterns.GLUED_BYLINE_MAX:
            continue  # (most blocks: a paragraph is longer than any byline line)
        fix = patterns.misread_byline(b.text)
        if fix is None:
            continue
        pos, seen, meant = fix
        if out is blocks:
            out = list(blocks)
        out[k] = replace(b, text=b.text[:pos] + meant + b.text[pos + 1:], role=BYLINE)
        log.append(Edit(STAGE, "glyph", seen, meant, b.line_at(pos), MISREAD_BYLINE_CONFIDENCE,
                        f"byline misread by OCR: '{seen}' is a look-alike of '{meant}' in its role word",
                        b.text.strip()[:20], offset=pos))
    return out


MISREAD_BYLINE_CONFIDENCE: Final = 0.8  # (as a dateline's look-alike put right, `items.segment`)


def _first_char(text: str) -> str:
    """The first character of `text` that is no whitespace ('' for none), without copying a long text."""
    c = text[:1]
    return text.lstrip()[:1] if c.isspace() else c


class PrintOrder:
    """The blocks by the dump line each starts at, and the lines where joined pieces start (`after` by bisection:
    asked for every confident join of a title-length piece, a scan of the page each time cost segment 10%)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.line)
        self.starts = [b.line for b in self.blocks]
        self.inner = sorted(ln for b in blocks for _, ln in b.origin[1:])

    def after(self, line: int) -> Block | None:
        """The block whose first line is printed next after (1-based) `line`, unless a piece of a joined block is
        printed between them."""
        k = bisect_right(self.starts, line)
        if k == len(self.starts):
            return None
        nxt = self.blocks[k]
        j = bisect_right(self.inner, line)
        return None if j < len(self.inner) and self.inner[j] < nxt.line else nxt


def printed_after(blocks: list[Block], line: int) -> Block | None:
    """`PrintOrder.after` for one question."""
    return PrintOrder(blocks).after(line)


KEY_VALUE: Final = re.compile(r"\p{Han}{2,6}[：:]\S")  # '联系人：某女士', '地址：某市某路8号', '时间：12月12日'
PARTICULARS_MIN: Final = 2  # lines in a run of particulars
PARTICULAR_MAX: Final = 30  # a particular is a short line: a longer one opening '某某：' is a speaker's turn or a paragraph


def key_value(t: str) -> bool:
    """Does the line open as a particular ('联系人：某女士', `KEY_VALUE`)? Its colon stands third to seventh: a line
    without one there (most lines) is answered without the pattern call."""
    return ("：" in t[2:7] or ":" in t[2:7]) and KEY_VALUE.match(t) is not None


def particulars(blocks: list[Block], roles: list[str]) -> list[str]:
    """An item's particulars printed under its text, a line each ('联系电话：…' / '联系人：…' / '地址：…', '时间：…' /
    '地点：…'), are its text: a run of at least `PARTICULARS_MIN` such lines printed flush (no blank line between)
    right under body text. Alone, a contact line with a phone number reads as the paper's hotline footer and the
    others as titles with nothing under them, and all of them went to the page's noise (review28a). A run whose
    every line is page furniture by itself ('本版编辑：…' over '新闻热线：…') stays furniture, unless body text goes on
    under it: a page's footer stands between no two paragraphs (review30a: a notice's '投稿邮箱：…' / '联系电话：…'
    over its deadline went to the noise). Under a paragraph ending in '：' that introduces them ('…账号为：') the short
    rows may stand apart by blank lines: '外币账号：…' / '开户银行：…' read as a headline over the rows below it."""
    out: list[str] | None = None
    k, n = 1, len(blocks)
    while k < n:
        j = k
        listed = False  # (does the lead introduce the rows: '…账号为：'? asked once a row opens a run)
        while j < n and roles[j] in (TITLE, TEXT, NOISE) and not blocks[j].marked \
                and key_value(blocks[j].text.strip()) \
                and (j == k or blocks[j].line == max(blocks[j - 1].lines) + 1
                     or (listed and len(blocks[j].text.strip()) <= PARTICULAR_MAX)):
            if j == k:
                listed = ends_on_colon(blocks[k - 1].text)
            j += 1
        if j - k >= PARTICULARS_MIN and roles[k - 1] == TEXT \
                and (not all(patterns.is_furniture(blocks[m].text) for m in range(k, j)) or (j < n and roles[j] == TEXT)):
            out = out or list(roles)
            out[k:j] = [TEXT] * (j - k)
        k = max(j, k + 1)
    return out or roles


def split_particulars(blocks: list[Block], log: list[Edit]) -> list[Block]:
    """Cut a block joined from printed lines that are each an item's particulars ('时间：…' / '地点：…' / '报名电话：…')
    back into its lines: read takes lines that fill the column with no blank line between for one paragraph's lines,
    and the particulars ran together ('…14:00地点：…'; review28a, and a last line ending on a figure marked the
    item cut off). Each line of the block must be a short one (`PARTICULAR_MAX`) that opens as a particular
    (`KEY_VALUE`); the cuts are logged."""
    out: list[Block | list[Block]] | None = None  # (a block cut into particulars: the list of its pieces)
    for k, b in enumerate(blocks):
        if b.role != TEXT or b.marked or len(b.origin) < PARTICULARS_MIN:
            continue
        bounds = [o for o, _ in b.origin] + [len(b.text)]
        pieces = [b.text[x:y] for x, y in zip(bounds, bounds[1:])]
        if not all(len(p.strip()) <= PARTICULAR_MAX and KEY_VALUE.match(p.strip()) is not None for p in pieces):
            continue
        out = out or list(blocks)
        next_id = max(x.id for x in out) + 1  # type: ignore[union-attr]
        out[k] = [replace(b, text=pieces[0].strip(), origin=(b.origin[0],))] + [
            Block(id=next_id + m, text=p.strip(), line=ln, origin=((0, ln),))
            for m, (p, (_, ln)) in enumerate(zip(pieces[1:], b.origin[1:]))]
        log.extend(Edit(STAGE, "split", "", "", ln, 0.9, "a particular printed on a line of its own ('时间：…', "
                        "'地点：…'): read had joined the lines as one paragraph's", f"{a.strip()[-8:]}⏎{p.strip()[:8]}")
                   for a, p, (_, ln) in zip(pieces, pieces[1:], b.origin[1:]))
    if out is None:
        return blocks
    return [x for b in out for x in (b if isinstance(b, list) else [b])]


def wordless_heads(blocks: list[Block], roles: list[str], lm) -> list[str]:  # type: ignore[no-untyped-def]
    """An unspaced title-shaped line that `part_role` sent to noise as debris for holding no dictionary word (a
    saying of one-character words, a name the dictionary lacks) is a title line where a title stands: under a title
    line ending in '：', which runs on into it (`titles.title_parts` joins the two), or over a paragraph of body text.
    Debris is printed as scraps set apart (session 35: on synthetic tune, real_ocr_tune and fresh seeds 2, 4, 5, 6,
    12, 13, none of the 88 unspaced lines of six or more Han characters with no dictionary word is gold noise, 69
    are gold text); among short lines (a poem's) a heavy OCR's garbled line stays debris, as before."""
    out = list(roles)
    for i, b in enumerate(blocks):
        t = b.text.strip()
        if out[i] != NOISE or b.role == NOISE or len(t.split()) != 1 or not is_title_like(t) \
                or patterns.is_furniture(t) or is_rule_line(t) or has_word(lm, t):
            continue
        under_colon = i > 0 and out[i - 1] == TITLE and ends_on_colon(blocks[i - 1].text)
        if under_colon or (i + 1 < len(blocks) and out[i + 1] == TEXT):
            out[i] = TITLE
    return out


HEADER_ROW_RULE: Final = "a table's header row (its columns' units in brackets, one a percent sign): never a title"


def header_row_decisions(blocks: list[Block], roles: list[str]) -> list[HeadingDecision]:
    """The lines of title length that `part_role` kept as text because each is a table's header row printed as a
    line of its own (`shapes.header_row`): logged, as a title-or-subhead decision is, so that `layoutfix diff`
    explains why such a line opens no item."""
    return [HeadingDecision(i, True, None, {}, rule=HEADER_ROW_RULE) for i, b in enumerate(blocks)
            if roles[i] == TEXT and not b.marked and len(b.text.strip()) <= TITLE_LIKE_MAX
            and header_row(b.text.strip())]


def block_roles(blocks: list[Block], lm, log: list[HeadingDecision] | None = None,  # type: ignore[no-untyped-def]
                model: HeadingModel | None | bool = True, features: bool = False,
                raw_lines: list[str] | None = None) -> tuple[list[str], dict[int, list[int]]]:
    """The part role of every block, and each photo credit's caption group (steps 2 to 4 above);
    title-or-subhead decisions go to `log`."""
    roles = wordless_heads(blocks, [part_role(b, lm) for b in blocks], lm)
    if log is not None:
        log.extend(header_row_decisions(blocks, roles))
    roles = particulars(blocks, promote_heads(blocks, cut_lines(blocks, roles, lm), log))
    roles = after_unit_signature(blocks, roles)
    roles = exclaimed_titles(blocks, roles, lm)
    roles = spaced_titles(blocks, roles, raw_lines)
    roles = page_top_title(blocks, roles)
    roles = titles_over_jumps(blocks, roles)
    roles = dash_subheadlines(blocks, roles)
    roles = verse_lines(blocks, roles, log)
    roles = lead_ins(blocks, roles, log)
    roles = list_items(blocks, roles)
    roles = listing_lines(blocks, roles)
    roles = dated_entries(blocks, roles)
    roles = wrapped_body_lines(blocks, roles, lm, log)
    groups = caption_groups(blocks, roles, lm)
    in_caption = {i for g in groups.values() for i in g}
    roles = after_byline(blocks, roles)
    roles = names_under_titles(blocks, roles)
    roles = refine_roles(blocks, roles, keep=in_caption, lm=lm, log=log, model=model, features=features,
                         raw_lines=raw_lines)
    roles = unmarked_above_marks(blocks, roles)
    roles = after_subheadline(blocks, roles)
    return roles, groups


def prepare(page: Page, lm, edits: list[Edit], log: list[HeadingDecision],  # type: ignore[no-untyped-def]
            model: HeadingModel | None | bool = True,
            features: bool = False, lines: list[str] | None = None) -> tuple[list[Block], list[str], dict[int, list[int]]]:
    """(blocks, roles, caption groups) of the page as `segment` decides them: tables rejoined, glued titles
    cut off, datelines and figures cut at a column break put back together, a byline's misread role word put right
    (`mend_misread_bylines`; cuts, joins and mends go to `edits`), then
    `block_roles` (heading decisions go to `log`), and the lines it made text for a wrap inside a word without their
    wrap spaces (`unwrapped_body_lines`, logged in `edits`). `segtrain` learns the
    heading model on exactly these blocks. `lines`: the dump's lines (`read.raw_lines(page.raw)`), if known."""
    lines = raw_lines(page.raw) if lines is None else lines
    blocks = rejoin_tables(list(page.blocks), lines)
    blocks = split_glued_titles(blocks, page.edits, lm, edits)
    blocks = rejoin_cut_datelines(blocks, edits)
    blocks = mend_misread_bylines(blocks, edits)
    blocks = rejoin_cut_figures(blocks, lm, edits)
    blocks = split_bulleted_briefs(blocks, edits)
    blocks = split_particulars(blocks, edits)
    blocks = split_glued_captions(blocks, lm, edits)
    roles, groups = block_roles(blocks, lm, log, model=model, features=features, raw_lines=lines)
    blocks = unwrapped_body_lines(blocks, roles, log, edits)
    return blocks, roles, groups
