"""A sentence's rest that `flow` left under the next article's title goes back to the article it was cut from.

Why: when a paragraph is cut at a column break and the rest is printed under the next article's title (columns
read across, an interleaved layout), `flow` may find no join: the rest then opens a paragraph of the wrong
article, and both articles are lost (one misses its end, the other carries a stranger's text). Three cues from the
text alone say where such a piece belongs:

- the article before stops mid-sentence, with no continuation `flow` could find (its last block's `open_end`),
  and not on a closing line (`Draft.cut_off`: what marks an item `truncated`);
- the piece opens as the rest of a sentence, not as a paragraph (flow's learned opening tables:
  `words.opening_odds` below `OPENS_BELOW`) and runs across clauses (a short line of names or a title-like
  phrase does not);
- it shares at least `SHARE_RATIO` times as many distinct Han character pairs with the article before as with the
  rest of its own article (none with either passes: the two cues above then decide alone; on the fitting pages
  below, asking for one pair or more lost 2 of 12 articles gained).

Only the next article after one that stops mid-sentence is looked at, and in it the paragraphs that open as a
rest, until one is moved: a page has few open articles, so the rule costs a few look-ups per page. The piece is
appended to the article's last paragraph (it is the rest of that sentence); no character changes, and the move is
logged with both counts.

An article may also be cut higher up: `flow` found no continuation for a paragraph cut at a column break, put the
article's next paragraph after it, and the rest went under the next title, so the article ends whole
(`_take_inner_rest`; seg30, real_ocr_tune heavy 003: '…某甲、某乙、郭' in the middle, '达等大批…' opening the next
article's second paragraph). The piece then joins the article's last paragraph that stops mid-sentence and is no
closing line, and is asked for more (a clearer rest's opening and five shared pairs). On the fitting pages
(synthetic tune, real_ocr_tune, the seed-2 dev pages 000-004) the stricter cues leave 3 of the 9 candidates with
odds at most -1 and a share ratio of 2, each the rest of the paragraph it joins.
"""
from __future__ import annotations

from typing import Final, TYPE_CHECKING
# (module constants are Final: compiled, each is read from a static, not looked up in the module's globals)


import regex as re

from ... import patterns
from ...model import Block, Edit
from .shapes import (STAGE, SUBHEAD_LINE_MAX, closing_line, han_only, han_pairs, printed_run, runs_across_clauses,
                     stops_mid_sentence)
from .words import opening_odds

if TYPE_CHECKING:
    from .items import Draft

OPENS_BELOW: Final = 0.0  # flow's opening log-odds under which a paragraph reads as the rest of one
SHARE_RATIO: Final = 2.0  # character pairs shared with the article before, against those shared with its own
INNER_OPENS_BELOW: Final = -1.0  # the same odds for a piece taken into a paragraph above the article's last
INNER_SHARED: Final = 5  # character pairs it shares with the article before, at least
INNER_PLACES: Final = 2  # and it is one of the next article's first paragraphs (the top of the column after the cut)
CONFIDENCE: Final = 0.87  # 14 of the 16 moves on the fitting pages (synthetic tune, fresh seeds 4 and 5) were right


def pairs(text: str) -> set[str]:
    """The distinct pairs of adjacent Han characters of `text` (marks and spaces left out)."""
    return set(han_pairs(text))


# a paragraph's text -> (its `pairs`, its first Han character, its last): what `joined_pairs` reads of it
PairMemo = dict[str, tuple[set[str], str, str]]


def joined_pairs(texts: list[str], memo: PairMemo) -> set[str]:
    """`pairs("".join(texts))`: each text's own pairs (kept in `memo` for the page) and the pair across each seam
    (the last Han character of one text and the first of the next that holds any). An article's paragraphs are
    compared again for each paragraph that opens as a rest, all but that one: made once, each text's pairs are
    only joined (the pairs of a whole article made afresh for each were most of this module's time)."""
    out: set[str] = set()
    before = ""  # the last Han character so far
    for t in texts:
        got = memo.get(t)
        if got is None:
            han = han_only(t)
            got = memo[t] = ({han[i:i + 2] for i in range(len(han) - 1)}, han[:1], han[-1:])
        own, first, last = got
        out |= own
        if first:
            if before:
                out.add(before + first)
            before = last
    return out


def open_end(text: str, block: Block | None) -> bool:
    """Does paragraph `text`, printed as `block`, leave its article open (`Draft.last_open`)? It stops
    mid-sentence where `flow` found no continuation (`open_end`). Verse read as one printed run, its lines set
    apart by spaces, ends where its last line ends: no line of a poem closes on a stop, and none means the poem
    goes on elsewhere (review27a)."""
    return block is not None and "open_end" in block.flags and stops_mid_sentence(text) \
        and not (printed_run(block) and " " in text) and not closes_on_contact(text)


# A labelled contact number closing a text: '…。电话：13800001234', '联系电话:010-12345678' (figures to the end).
_CONTACT_END: Final = re.compile(r"[：:][ \u3000]*(?:" + patterns.PHONE.pattern + r"|1\d{10})[ \u3000]*$")


def closes_on_contact(text: str) -> bool:
    """Does the paragraph close on a labelled contact number after a finished sentence ('…月租两千元。电话：…')? An
    ad or a notice ends so: the figures are its last words, no number cut at a column break (review30a: the next
    ad's text, sharing no character pair with either, was taken in as the rest of a cut sentence)."""
    m = _CONTACT_END.search(text.rstrip())
    return m is not None and re.search("[。！？；]", text[:m.start()]) is not None


def return_rests(drafts: list[Draft], lm, edits: list[Edit]) -> None:  # type: ignore[no-untyped-def]
    """Move, in reading order, each piece that continues the cut last paragraph of the article before it, or a
    paragraph of it that `flow` left cut off further up (see the module's docstring); `drafts` are the page's
    items in reading order, changed in place."""
    before: Draft | None = None
    memo: PairMemo = {}
    for d in drafts:
        if d.kind != "article" or not d.paragraphs:
            continue
        if before is not None:
            if before.cut_off():
                _take_rest(before, d, lm, edits, memo)
            else:
                _take_inner_rest(before, d, lm, edits, memo)
        before = d


def _take_rest(prev: Draft, d: Draft, lm, edits: list[Edit],  # type: ignore[no-untyped-def]
               memo: PairMemo | None = None) -> None:
    memo = {} if memo is None else memo
    before: set[str] | None = None  # (the article before's pairs, made at the first paragraph that opens as a rest)
    for k, text in enumerate(d.paragraphs):
        block = d.blocks.get(text)
        if block is None or not runs_across_clauses(text):
            continue
        odds = opening_odds(text, lm)
        if odds >= OPENS_BELOW:
            continue
        own_rest = joined_pairs([p for n, p in enumerate(d.paragraphs) if n != k], memo)
        mine = joined_pairs([text], memo)
        before = joined_pairs(prev.paragraphs, memo) if before is None else before
        there, here = len(mine & before), len(mine & own_rest)
        if there >= SHARE_RATIO * here:
            _move(prev, d, k, block, edits, f"opens as the rest of a sentence (opening odds {odds:.2f}) and shares "
                  f"{there} character pairs with the article before, which stops mid-sentence, against {here} with "
                  f"its own article")
            return


def _take_inner_rest(prev: Draft, d: Draft, lm, edits: list[Edit],  # type: ignore[no-untyped-def]
                     memo: PairMemo | None = None) -> None:
    """The same move when the article before ends whole but a paragraph of it stops mid-sentence where `flow`
    found no continuation (flow put a paragraph of its own after the cut one, so the article does not look cut
    off at its end). A piece taken into the middle of an article is asked for more: an opening that reads as a
    rest by a wide margin (`INNER_OPENS_BELOW`), at least `INNER_SHARED` pairs shared with the article before
    (with none, a piece sharing nothing with its own article passed on pages whose two articles were both cut
    and read apart), and a place among the article's first `INNER_PLACES` paragraphs: the rest of a paragraph
    cut at a column break stands at the top of the text that follows (on the fitting pages and fresh seeds 5
    and 6 the 9 right moves took the first or second paragraph, the one wrong move a third, whose article
    opened with the true rest at odds above the bar), and more than a caption's length (`SUBHEAD_LINE_MAX`: on fresh
    seed 11 a one-line caption '…某地远眺。' under the article went into its cut paragraph; the 9 right pieces hold 45
    characters or more). `memo`: the page's paragraph pairs (`joined_pairs`)."""
    memo = {} if memo is None else memo
    cut = [j for j, t in enumerate(prev.paragraphs) if open_end(t, prev.blocks.get(t)) and not closing_line(t)]
    if not cut:
        return
    before: set[str] | None = None
    for k, text in enumerate(d.paragraphs[:INNER_PLACES]):
        block = d.blocks.get(text)
        if block is None or len(text) <= SUBHEAD_LINE_MAX or not runs_across_clauses(text):
            continue  # (a line of a caption's length may be a caption printed beside the article: seed 11)
        odds = opening_odds(text, lm)
        if odds > INNER_OPENS_BELOW:
            continue
        own_rest = joined_pairs([p for n, p in enumerate(d.paragraphs) if n != k], memo)
        mine = joined_pairs([text], memo)
        before = joined_pairs(prev.paragraphs, memo) if before is None else before
        there, here = len(mine & before), len(mine & own_rest)
        if there >= INNER_SHARED and there >= SHARE_RATIO * here:
            j = cut[-1]
            _move(prev, d, k, block, edits, f"opens as the rest of a sentence (opening odds {odds:.2f}) and shares "
                  f"{there} character pairs with the article before, a paragraph of which stops mid-sentence, against "
                  f"{here} with its own article", at=j)
            return


def _move(prev: Draft, d: Draft, k: int, block: Block, edits: list[Edit], why: str, at: int = -1) -> None:
    text = d.paragraphs.pop(k)
    tail = prev.paragraphs[at]
    cut = prev.blocks.get(tail)
    prev.paragraphs[at] = tail + text
    last = at in (-1, len(prev.paragraphs) - 1)
    if last:
        prev.last_open = open_end(text, block)
    if k == len(d.paragraphs):  # (the piece was the article's last paragraph: the one before it ends it now)
        d.last_open = bool(d.paragraphs) and open_end(d.paragraphs[-1], d.blocks.get(d.paragraphs[-1]))
    gone = set(block.lines)
    d.lines = [ln for ln in d.lines if ln not in gone]
    prev.lines += list(block.lines)
    edits.append(Edit(STAGE, "moved", "", "", block.line, CONFIDENCE,
                      f"{why}: joined to that article's {'last paragraph' if last else 'cut paragraph'}"
                      + (f" (line {cut.lines[-1]})" if cut is not None else ""), f"…{tail[-8:]}⏎{text[:8]}…"))
