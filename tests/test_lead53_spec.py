"""dedup (session 53): a title-like line joined to a paragraph that opens with the line's last words is a heading over
its text; the phrase printed twice across that seam stays (`doublings.HEADING_GUARD`), and the block is cut there, so
that no paragraph `segment` makes holds both copies (a second pass, reading such a paragraph as one printed line, took
the first copy for a misprint: the clean output was not clean). Invented text only."""
from __future__ import annotations

from dataclasses import replace

import layoutfix
from layoutfix import Config
from layoutfix.model import Block, Page
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.doublings import tandem_repeats
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

HEAD = "走访青松岭"                                    # a title-like line ending in the place's name
TEXT = "青松岭村坐落在大山脚下，全村三百多户人家靠种茶为生。"  # the paragraph under it opens with the name
BODY = "记者日前跟随县里的工作组，走了一整天山路才到达"        # a body line before the heading, joined to it


def joined(*lines: str, flags: frozenset[str] = frozenset()) -> Page:
    """A page whose one text block is `lines` (dump lines 1, 3, 5, …) joined by flow."""
    page = normalize(read("\n\n".join(lines) + "\n", Config()))
    starts = [sum(map(len, lines[:k])) for k in range(len(lines))]
    block = Block(id=7, text="".join(lines), line=1, origin=tuple((s, 2 * k + 1) for k, s in enumerate(starts)),
                  flags=flags)
    return replace(page, blocks=(block,))


def test_the_heading_and_its_text_come_out_as_two_blocks_with_every_character() -> None:
    page = dedup(joined(HEAD, TEXT, flags=frozenset({"open_end", "dateline"})))
    head, text = page.blocks
    assert (head.text, text.text) == (HEAD, TEXT)
    assert (head.line, head.origin, text.line, text.origin) == (1, ((0, 1),), 3, ((0, 3),))
    assert head.id == 7 and text.id == 8  # ids stay unique
    # the start flag stays with the heading's line, the end flag with the text's end
    assert head.flags == {"dateline"} and text.flags == {"open_end"}


def test_the_cut_is_logged_where_the_text_starts() -> None:
    page = dedup(joined(HEAD, TEXT))
    (split,) = [e for e in page.edits if e.stage == "dedup" and e.kind == "split"]
    assert split.line == 3 and "heading over its text" in split.reason
    assert not [e for e in page.edits if e.stage == "dedup" and e.kind == "doubled"]


def test_a_heading_after_body_text_is_cut_off_the_text_under_it_only() -> None:
    page = dedup(joined(BODY, HEAD, TEXT))
    assert [b.text for b in page.blocks] == [BODY + HEAD, TEXT]


def test_where_the_cut_lies_is_the_end_of_the_heading_piece_in_the_text_as_given() -> None:
    assert tandem_repeats(HEAD + TEXT, None, ((0, len(HEAD)),))[2] == [len(HEAD)]
    assert tandem_repeats(HEAD + "某" + TEXT, None, ((0, len(HEAD) + 1),))[2] == []  # no doubling ends it
    # a misprinted doubling inside the piece itself is no heading over its text
    assert tandem_repeats("走访青松岭青松岭村" + TEXT[3:], None, ((0, 9),))[2] == []


def test_a_clean_page_cleaned_again_paragraph_by_paragraph_keeps_every_paragraph() -> None:
    # hypothesis' counterexample: a dateline printed twice, then three lines read as one paragraph whose middle line,
    # title-like, ends with what the last line prints
    raw = "本报讯（记者 张三）\n\n本报讯（记者 张三）\n一一丁一一一一\n丁一一一一\n\n"
    for item in layoutfix.clean(raw).items:
        for p in item.paragraphs:
            again = layoutfix.clean(p, Config().without("flow", "segment", "glyphs"))
            assert "".join(b.text for b in again.blocks) == p


# A byline's names are people's names: a run of five or six characters that holds two common words is a phrase,
# not one long name (review53a found a short line '记者从区政府获悉' under a headline made the byline '从区政府获悉').

def test_a_role_word_before_a_phrase_is_no_byline() -> None:
    from layoutfix import patterns
    for line in ("记者从区政府获悉", "本报记者从市政府获悉"):
        assert not patterns.is_byline(line) and patterns.names_in(line) == []


def test_long_names_and_names_printed_glued_still_make_bylines() -> None:
    from layoutfix import patterns
    assert patterns.names_in("记者 阿不都热合曼") == ["阿不都热合曼"]  # one long name holds no common word
    assert patterns.names_in("本报记者张三李四王五") == ["张三", "李四", "王五"]
    assert patterns.is_byline("记者 阿不都热合曼") and patterns.is_byline("本报记者张三李四王五")


def test_a_short_line_of_a_role_word_and_a_phrase_keeps_every_character_in_the_item() -> None:
    raw = "一座小城的绿色转身\n\n记者从区政府获悉\n\n从本期起，本版开设专栏，讲述各地的故事，敬请关注。\n"
    (item,) = layoutfix.clean(raw).items
    assert item.byline == ()
    assert "记者从区政府获悉" in (item.headline, item.kicker, item.subheadline, *item.paragraphs)
